//! The list of what changed (old -> new) when a new version is saved or another book is
//! loaded.

use super::fields::rows_ui;
use crate::app::named_value_ui;
use crate::core::price_book::PriceBook;
use crate::core::price_book_diff::diff_price_books;

/// What changed between two books, one line per change.
#[derive(Debug, Clone)]
pub(crate) struct ChangeList {
    /// What happened ("Saved version 2026.2").
    pub(crate) title: String,
    /// "Silver server 750.00 -> 790.00", one per change.
    pub(crate) lines: Vec<String>,
}

impl ChangeList {
    /// The changes from `old` to `new`, under `title`.
    pub(crate) fn between(old: &PriceBook, new: &PriceBook, title: &str) -> Self {
        let lines = price_changes(old, new);
        ChangeList {
            title: title.to_string(),
            lines,
        }
    }

    /// Draws the list under a collapsible header.
    pub(crate) fn list_ui(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(format!(
            "What changed: {} ({} changes)",
            self.title,
            self.lines.len()
        ))
        .id_salt("book-editor-changes")
        .default_open(true)
        .show(ui, |ui| {
            if self.lines.is_empty() {
                ui.label("Nothing changed.");
            }
            rows_ui(ui, "changes", self.lines.len(), |ui, index| {
                if let Some(line) = self.lines.get(index) {
                    named_value_ui(ui, &format!("Change {}", index + 1), line.as_str());
                }
            });
        });
    }
}

/// Every change from `old` to `new`, old -> new (the core's book diff).
fn price_changes(old: &PriceBook, new: &PriceBook) -> Vec<String> {
    diff_price_books(old, new)
        .iter()
        .map(ToString::to_string)
        .collect()
}
