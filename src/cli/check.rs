//! `msp-quote check-price-book`: validate a book and list its warnings.

use std::path::PathBuf;

use clap::Args;

use super::CliError;
use super::table::{counted, printable, warning_lines};
use crate::core::lint::lint_price_book;
use crate::formats::price_book::load_or_standard;

/// Arguments of `check-price-book`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The price book to check; the embedded standard book when omitted.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Runs `check-price-book`: every error (then exit 2), or the warnings (exit 0).
///
/// # Errors
/// A [`CliError`] listing every problem, one per line, when the book is invalid.
pub fn run(args: &CheckArgs) -> Result<String, CliError> {
    let loaded = load_or_standard(args.file.as_deref())
        .map_err(|error| CliError::new(error.lines().join("\n")))?;
    let warnings = lint_price_book(&loaded.book);
    let mut out = printable(&format!(
        "{} {} ({}): ok, {}\n",
        loaded.book.id,
        loaded.book.version,
        loaded
            .path
            .as_ref()
            .map_or("embedded".to_string(), |p| p.display().to_string()),
        counted(warnings.len() as u64, "warning", "warnings")
    ));
    out.push_str(&warning_lines(warnings.iter().map(ToString::to_string)));
    Ok(out)
}
