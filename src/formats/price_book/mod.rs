//! Price books in RON: load (with every problem located), save, the embedded standard book.

mod convert;
mod kinds;
mod logo;
mod options;
pub mod raw;
pub mod service_levels;
mod to_raw;
pub mod xlsx;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use convert::parse_colour;
pub use logo::STANDARD_LOGO_PNG;

use crate::core::price_book::PriceBook;
use crate::core::quote::PriceBookPin;
use crate::formats::problem::{InputError, Problem, ron_problem};

/// The standard price book's RON text, embedded in the binary.
pub const STANDARD_BOOK_RON: &str = include_str!("../../../price-books/standard.ron");

/// The name used for the embedded book in messages.
pub const STANDARD_BOOK_NAME: &str = "<embedded standard book>";

/// A price book together with where it came from and the hash of its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedBook {
    pub book: PriceBook,
    /// The file it was read from (`None` for the embedded standard book).
    pub path: Option<PathBuf>,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

impl LoadedBook {
    /// The pin a quote priced with this book records.
    pub fn pin(&self) -> PriceBookPin {
        PriceBookPin {
            id: self.book.id.clone(),
            version: self.book.version.clone(),
            sha256: self.sha256.clone(),
        }
    }

    /// The folder relative paths in the book (the logo) are resolved against.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Parses and validates a price book from RON text; `source_name` names it in problems.
///
/// # Errors
/// An [`InputError`] with every problem: a syntax error with its line:column, or every
/// validation problem with its field path.
pub fn parse_price_book(text: &str, source_name: &str) -> Result<PriceBook, InputError> {
    let raw: raw::RawPriceBook = ron::from_str(text).map_err(|error| InputError {
        source_name: source_name.to_string(),
        problems: vec![ron_problem(&error)],
    })?;
    convert::validate(&raw).map_err(|problems| InputError {
        source_name: source_name.to_string(),
        problems,
    })
}

/// The embedded standard price book.
///
/// # Errors
/// Only if the embedded file is invalid, which the test suite rules out.
pub fn standard_book() -> Result<LoadedBook, InputError> {
    Ok(LoadedBook {
        book: parse_price_book(STANDARD_BOOK_RON, STANDARD_BOOK_NAME)?,
        path: None,
        sha256: sha256_hex(STANDARD_BOOK_RON.as_bytes()),
    })
}

/// Reads and validates a price book file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read, is not a regular file, is over
/// [`crate::formats::PRICE_BOOK_SIZE_LIMIT`], is not UTF-8 (located), or is invalid.
pub fn load_price_book(path: &Path) -> Result<LoadedBook, InputError> {
    let name = path.display().to_string();
    let bytes = crate::formats::read_input_file(path, crate::formats::PRICE_BOOK_SIZE_LIMIT)?;
    let sha256 = sha256_hex(&bytes);
    let text = crate::formats::input::text_of(bytes, &name)?;
    Ok(LoadedBook {
        book: parse_price_book(&text, &name)?,
        path: Some(path.to_path_buf()),
        sha256,
    })
}

/// Loads `path`, or the embedded standard book when `path` is `None`.
///
/// # Errors
/// As [`load_price_book`].
pub fn load_or_standard(path: Option<&Path>) -> Result<LoadedBook, InputError> {
    match path {
        Some(path) => load_price_book(path),
        None => standard_book(),
    }
}

/// The book as RON text. Parsing it gives the same book back.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn price_book_to_ron(book: &PriceBook) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(&to_raw::to_raw(book), ron::ser::PrettyConfig::default())
}

/// Validates a raw book exactly as a file's contents are validated (the window's editor
/// edits the raw form and checks it after every edit).
///
/// # Errors
/// Every problem, each located by its field path.
pub fn validate_raw_price_book(raw: &raw::RawPriceBook) -> Result<PriceBook, Vec<Problem>> {
    convert::validate(raw)
}

/// The raw (editable, string-amount) form of a validated book.
pub fn raw_price_book(book: &PriceBook) -> raw::RawPriceBook {
    to_raw::to_raw(book)
}

/// A raw book as RON text, as a saved file holds it.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn raw_price_book_to_ron(raw: &raw::RawPriceBook) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(raw, ron::ser::PrettyConfig::default())
}

/// The book as RON text with the comments of `source` (the RON it came from) kept where
/// their field still exists and `stale(key)` is false (see `xlsx::capture_comments` for
/// the keys), and `header` as the file's first comment line.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn price_book_to_ron_keeping(
    book: &PriceBook,
    source: &str,
    header: &str,
    stale: impl Fn(&str) -> bool,
) -> Result<String, ron::Error> {
    let text = price_book_to_ron(book)?;
    let mut notes: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    notes
        .entry(String::new())
        .or_default()
        .push(header.to_string());
    for (key, comment) in xlsx::capture_comments(source) {
        if !stale(&key) {
            notes.entry(key).or_default().push(comment);
        }
    }
    Ok(xlsx::insert_comments(&text, &notes).0)
}

/// `raw` as RON text keeping the comments of `source`, the RON file `base` was read from:
/// each comment goes back above its field or item when everything in it is written the same
/// in `base` and in `raw` (a comment over a changed value may cite the old value, so it is
/// dropped), and the comments of the whole book are kept. What the editor's "Save as a new
/// version" writes.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn raw_price_book_to_ron_keeping(
    raw: &raw::RawPriceBook,
    base: &raw::RawPriceBook,
    source: &str,
) -> Result<String, ron::Error> {
    let text = raw_price_book_to_ron(raw)?;
    let before = keyed_code(&raw_price_book_to_ron(base)?);
    let after = keyed_code(&text);
    let code_within = |lines: &[(String, String)], key: &str| -> Vec<String> {
        lines
            .iter()
            .filter(|(line_key, _)| xlsx::key_within(line_key, key))
            .map(|(_, code)| code.clone())
            .collect()
    };
    let mut notes: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for (key, comment) in xlsx::capture_comments(source) {
        if key.is_empty() || code_within(&before, &key) == code_within(&after, &key) {
            notes.entry(key).or_default().push(comment);
        }
    }
    Ok(xlsx::insert_comments(&text, &notes).0)
}

/// Each line of code of `text` with its key (see `xlsx::capture_comments`), trimmed.
fn keyed_code(text: &str) -> Vec<(String, String)> {
    text.lines()
        .zip(xlsx::scan_lines(text))
        .filter_map(|(line, info)| info.key.map(|key| (key, line.trim().to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment_lines(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| line.starts_with("//"))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_new_version_keeps_the_comments_of_what_did_not_change() {
        let book = parse_price_book(STANDARD_BOOK_RON, STANDARD_BOOK_NAME).unwrap();
        let base = raw_price_book(&book);
        let source_comments = xlsx::capture_comments(STANDARD_BOOK_RON).len();

        let unchanged = raw_price_book_to_ron_keeping(&base, &base, STANDARD_BOOK_RON).unwrap();
        assert_eq!(
            parse_price_book(&unchanged, "unchanged").unwrap(),
            book,
            "the text with comments is the same book"
        );
        let kept = comment_lines(&unchanged).len();
        assert!(
            kept * 10 >= source_comments * 9,
            "{kept} of {source_comments} comments kept for an unchanged book"
        );

        let mut raised = base.clone();
        if let Some(silver) = raised.tiers.iter_mut().find(|tier| tier.id == "silver") {
            silver
                .monthly_prices
                .insert("server".to_string(), "790.00".to_string());
        }
        let text = raw_price_book_to_ron_keeping(&raised, &base, STANDARD_BOOK_RON).unwrap();
        let comments = comment_lines(&text).join("\n");
        for (case, comment, kept) in [
            (
                "Bronze's price, unchanged",
                "// handbook: $500 per server per month",
                true,
            ),
            (
                "Silver's price, changed",
                "// handbook: $750 per server per month",
                false,
            ),
            (
                "the tiers' heading cites Silver $750",
                "Bronze $500, Silver $750",
                false,
            ),
            (
                "the whole book's heading",
                "// The standard price book",
                true,
            ),
        ] {
            assert_eq!(comments.contains(comment), kept, "{case}:\n{comments}");
        }
    }
}
