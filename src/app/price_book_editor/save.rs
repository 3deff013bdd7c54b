//! "Save as a new version": a new version string and effective date, written atomically to a
//! new file, read back with the same checks as any book file, then used by the quote (which
//! pins its sha256 when saved). The embedded standard book is never written, and a loaded
//! book's own file is never overwritten by its next version.

use std::path::{Path, PathBuf};

use super::changes::ChangeList;
use super::fields::outcome_ui;
use super::{BookEditor, QuoteApp};
use crate::app::dialogs::{DialogAnswer, DialogRequest};
use crate::app::{error_notice, info_notice};
use crate::formats::price_book::{
    LoadedBook, STANDARD_BOOK_RON, load_price_book, raw_price_book, raw_price_book_to_ron,
    raw_price_book_to_ron_keeping, sha256_hex, validate_raw_price_book,
};
use crate::formats::{PRICE_BOOK_SIZE_LIMIT, read_input_text};

/// The save form's fields and its last outcome.
#[derive(Debug, Clone)]
pub(crate) struct SaveForm {
    version: String,
    effective_date: String,
    /// Shown when no file dialog could appear: the user types the path.
    typed_path: Option<String>,
    /// The last save's outcome: (is an error, text).
    outcome: Option<(bool, String)>,
}

impl SaveForm {
    /// The form for a book at `version`: the next version, dated `today`.
    pub(crate) fn new(version: &str, today: chrono::NaiveDate) -> Self {
        SaveForm {
            version: next_version(version),
            effective_date: today.format("%Y-%m-%d").to_string(),
            typed_path: None,
            outcome: None,
        }
    }
}

/// The version after `version`: its last number plus one ("2026.1" -> "2026.2"), else
/// `version` with ".1" added.
pub(crate) fn next_version(version: &str) -> String {
    let digits = version
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let (head, tail) = version.split_at(version.len() - digits);
    match tail.parse::<u64>() {
        Ok(number) => format!("{head}{}", number.saturating_add(1)),
        Err(_) => format!("{version}.1"),
    }
}

/// Draws the form; gives the path to save to when the user chose one.
pub(crate) fn save_form_ui(
    ui: &mut egui::Ui,
    editor: &mut BookEditor,
    app: &mut QuoteApp,
) -> Option<PathBuf> {
    let form = &mut editor.save;
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Version");
        ui.add(egui::TextEdit::singleline(&mut form.version).desired_width(90.0))
            .accessible_name("New version");
        ui.label("effective");
        ui.add(egui::TextEdit::singleline(&mut form.effective_date).desired_width(90.0))
            .accessible_name("New effective date");
        if ui.button("Save as a new version…").clicked() {
            let request = DialogRequest {
                title: "Save the price book as a new version".to_string(),
                filter_name: "Price book (RON)".to_string(),
                extensions: vec!["ron".to_string()],
                suggested_name: format!("{}-{}.ron", editor.raw.id, form.version.trim()),
                save: true,
            };
            match app.files.ask_dialog(&request) {
                DialogAnswer::Chosen(path) => chosen = Some(path),
                DialogAnswer::Cancelled => {}
                DialogAnswer::Unavailable(reason) => {
                    form.typed_path = Some(String::new());
                    form.outcome = Some((false, format!("{reason}: type the path below")));
                }
            }
        }
    });
    if let Some(typed) = form.typed_path.as_mut() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Path of the new version");
            ui.add(egui::TextEdit::singleline(typed).desired_width(320.0))
                .accessible_name("Path of the new version");
            if ui.button("Save to this path").clicked() && !typed.trim().is_empty() {
                chosen = Some(PathBuf::from(typed.trim()));
            }
        });
    }
    outcome_ui(ui, "Save result", form.outcome.as_ref());
    chosen
}

/// Saves the edited book as a new version to `path` and uses it; the outcome shows in the form.
pub(crate) fn save_new_version(app: &mut QuoteApp, path: &Path) {
    let Some(editor) = app.book_editor.as_mut() else {
        return;
    };
    match write_new_version(editor, path) {
        Ok(loaded) => {
            let old = std::mem::replace(&mut editor.base, loaded.clone());
            editor.base_text = raw_price_book_to_ron(&editor.raw).unwrap_or_default();
            editor.recorded = editor.raw.clone();
            editor.applied_sha256.clone_from(&loaded.sha256);
            let text = format!(
                "Saved version {} (effective {}) to {}",
                loaded.book.version,
                loaded.book.effective_date,
                path.display()
            );
            editor.changes = Some(ChangeList::between(&old.book, &loaded.book, &text));
            editor.save.version = next_version(&loaded.book.version);
            editor.save.typed_path = None;
            editor.save.outcome = Some((false, text.clone()));
            app.notices.push(info_notice(text));
            app.replace_book(loaded);
        }
        Err(message) => {
            editor.save.outcome = Some((true, message.clone()));
            app.notices.push(error_notice(format!(
                "the price book was not saved: {message}"
            )));
        }
    }
}

/// Writes the new version and reads it back; the editor's raw book takes the new version.
fn write_new_version(editor: &mut BookEditor, path: &Path) -> Result<LoadedBook, String> {
    let version = editor.save.version.trim().to_string();
    if version.is_empty() {
        return Err("the new version must not be empty".to_string());
    }
    if version == editor.base.book.version {
        return Err(format!(
            "the new version must differ from the loaded book's version {version}"
        ));
    }
    if editor
        .base
        .path
        .as_deref()
        .is_some_and(|own| same_file(own, path))
    {
        return Err(format!(
            "{} is the loaded book's own file; a new version goes to a new file",
            path.display()
        ));
    }
    let mut raw = editor.raw.clone();
    raw.version = version;
    raw.effective_date = editor.save.effective_date.trim().to_string();
    if let Err(problems) = validate_raw_price_book(&raw) {
        let first: Vec<String> = problems.iter().take(3).map(ToString::to_string).collect();
        return Err(format!(
            "the book has {} problem(s); fix them first: {}",
            problems.len(),
            first.join("; ")
        ));
    }
    let text = match book_source(&editor.base) {
        Some(source) => {
            let base = raw_price_book(&editor.base.book);
            raw_price_book_to_ron_keeping(&raw, &base, &source)
        }
        None => raw_price_book_to_ron(&raw),
    }
    .map_err(|error| error.to_string())?;
    crate::formats::write_atomically(path, text.as_bytes())
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    let loaded = load_price_book(path).map_err(|error| error.to_string())?;
    editor.raw = raw;
    Ok(loaded)
}

/// Whether two paths name the same file (compared canonically when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The RON text `loaded` was read from, for its comments: the embedded book's, or its file's
/// when it still holds those very bytes (`None` when the file changed or cannot be read: the
/// new version is then written without comments).
fn book_source(loaded: &LoadedBook) -> Option<String> {
    let source = match &loaded.path {
        None => STANDARD_BOOK_RON.to_string(),
        Some(path) => read_input_text(path, PRICE_BOOK_SIZE_LIMIT).ok()?,
    };
    (sha256_hex(source.as_bytes()) == loaded.sha256).then_some(source)
}

#[cfg(test)]
mod tests {
    use super::next_version;

    #[test]
    fn the_next_version_counts_up_its_last_number() {
        for (version, next) in [
            ("2026.1", "2026.2"),
            ("2026.9", "2026.10"),
            ("v3", "v4"),
            ("draft", "draft.1"),
            ("", ".1"),
        ] {
            assert_eq!(next_version(version), next, "case {version:?}");
        }
    }
}
