//! The price-book editor in the Price book tab.
//!
//! It edits the RAW form of the book ([`RawPriceBook`]: amounts as typed strings), so a
//! half-typed value is never lost, and after every edit runs the same validation as a file
//! ([`validate_raw_price_book`]). A valid book replaces the app's book at once, so the quote
//! re-prices with it; an invalid one keeps the last valid book in use and the window says so,
//! each problem shown beside its field. Edits are undoable; "Save as a new version" writes a
//! new file atomically (the embedded standard book is never written). Meeting mode shows none
//! of it.

mod changes;
mod fields;
mod panel;
mod save;
mod sections_book;
mod sections_costs;
mod sections_discounts;
mod sections_options;
mod sections_rates;
mod sections_service_levels;
mod sections_tiers;
mod tools;

use super::history::{History, UndoWeight};
use super::{QuoteApp, named_value_ui};
use crate::core::lint::lint_price_book;
use crate::formats::price_book::raw::RawPriceBook;
use crate::formats::price_book::{
    LoadedBook, raw_price_book, raw_price_book_to_ron, sha256_hex, validate_raw_price_book,
};
use fields::Problems;

/// The editor's state: the raw book being edited and what its validation gave.
pub(crate) struct BookEditor {
    /// The book as edited.
    raw: RawPriceBook,
    /// The raw book as of the last undo step.
    recorded: RawPriceBook,
    history: History<RawPriceBook>,
    /// The loaded book the edits started from.
    base: LoadedBook,
    /// The base book as RON (to tell an edit back to the original from a real change).
    base_text: String,
    problems: Problems,
    /// The lint of the last valid edited book.
    lint: Vec<String>,
    /// The sha256 of the book this editor last gave the app (or started from).
    applied_sha256: String,
    /// The form of "Save as a new version".
    save: save::SaveForm,
    /// What changed when the last new version was saved or another book was loaded.
    changes: Option<changes::ChangeList>,
    /// The price-increase and spreadsheet tools.
    tools: tools::ToolsForm,
}

impl BookEditor {
    /// An editor over `loaded`, with nothing edited yet.
    fn new(loaded: &LoadedBook, today: chrono::NaiveDate) -> Self {
        let raw = raw_price_book(&loaded.book);
        let base_text = raw_price_book_to_ron(&raw).unwrap_or_default();
        BookEditor {
            recorded: raw.clone(),
            raw,
            history: History::default(),
            base: loaded.clone(),
            base_text,
            problems: Problems::default(),
            lint: lint_price_book(&loaded.book),
            applied_sha256: loaded.sha256.clone(),
            save: save::SaveForm::new(&loaded.book.version, today),
            changes: None,
            tools: tools::ToolsForm::default(),
        }
    }

    /// Whether the edited book is invalid (the quote keeps the last valid one).
    pub(crate) fn is_invalid(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Validates the edited book; a valid one comes back ready for the app to use.
    fn revalidate(&mut self) -> Option<LoadedBook> {
        match validate_raw_price_book(&self.raw) {
            Ok(book) => {
                self.problems = Problems::default();
                self.lint = lint_price_book(&book);
                let text = raw_price_book_to_ron(&self.raw).unwrap_or_default();
                if text == self.base_text {
                    return Some(self.base.clone());
                }
                Some(LoadedBook {
                    book,
                    path: self.base.path.clone(),
                    sha256: sha256_hex(text.as_bytes()),
                })
            }
            Err(problems) => {
                self.problems = Problems::new(problems);
                None
            }
        }
    }

    /// Whether the edited book differs from the book it started from.
    fn is_edited(&self) -> bool {
        self.applied_sha256 != self.base.sha256 || self.is_invalid()
    }
}

impl QuoteApp {
    /// Why the quote cannot be saved or a document exported now: the quote is priced with
    /// price-book edits that are in no file, so its pin (id, version, SHA-256) would name a
    /// book nobody can load, and the appendix would print that SHA-256. `None` when the book
    /// in use is a file (or the embedded book).
    pub fn unsaved_book_reason(&self) -> Option<String> {
        let editor = self.book_editor.as_ref()?;
        (self.book.sha256 != editor.base.sha256).then(|| {
            "the quote is priced with price-book edits that are not saved in a file, so its \
             price-book pin could not be found again: save the book as a new version (Price \
             book tab) or undo its edits first"
                .to_string()
        })
    }

    /// Edits the price book as the editor's fields do: the edit is undoable, validated at
    /// once, and a valid result re-prices the quote (benchmarks and scripted runs).
    pub fn edit_book(&mut self, edit: impl FnOnce(&mut RawPriceBook)) {
        let editor = self.editor_in_sync();
        edit(&mut editor.raw);
        self.book_edited(None, 0.0);
    }

    /// The editor, created for (or reset to) the app's book when that changed elsewhere
    /// (another book loaded): the list of changes then shows what the load changed.
    fn editor_in_sync(&mut self) -> &mut BookEditor {
        let stale = self.book_editor.as_ref().is_none_or(|editor| {
            editor.applied_sha256 != self.book.sha256 || editor.base.path != self.book.path
        });
        if stale {
            let previous = self.book_editor.take();
            let mut editor = BookEditor::new(&self.book, self.today);
            if let Some(previous) = previous {
                editor.changes = Some(changes::ChangeList::between(
                    &previous.base.book,
                    &self.book.book,
                    "Loaded another book",
                ));
            }
            self.book_editor = Some(editor);
        }
        self.book_editor
            .get_or_insert_with(|| BookEditor::new(&self.book, self.today))
    }

    /// After an edit of the raw book: records the undo step, validates, and gives a valid
    /// book to the quote.
    fn book_edited(&mut self, control: Option<egui::Id>, now: f64) {
        let Some(editor) = self.book_editor.as_mut() else {
            return;
        };
        let before = std::mem::replace(&mut editor.recorded, editor.raw.clone());
        editor.history.record(before, control, now);
        self.apply_edited_book();
    }

    /// Validates the edited raw book; a valid one replaces the app's book.
    fn apply_edited_book(&mut self) {
        let Some(editor) = self.book_editor.as_mut() else {
            return;
        };
        if let Some(loaded) = editor.revalidate() {
            editor.applied_sha256.clone_from(&loaded.sha256);
            if loaded.sha256 != self.book.sha256 {
                self.replace_book(loaded);
            }
        }
    }

    /// Undoes the last edit of the book; false when there is none (or no editor).
    pub(crate) fn undo_book_edit(&mut self) -> bool {
        let Some(editor) = self.book_editor.as_mut() else {
            return false;
        };
        let Some(previous) = editor.history.undo(&editor.raw) else {
            return false;
        };
        editor.raw = previous;
        editor.recorded = editor.raw.clone();
        self.apply_edited_book();
        true
    }

    /// Redoes the last undone edit of the book; false when there is none.
    pub(crate) fn redo_book_edit(&mut self) -> bool {
        let Some(editor) = self.book_editor.as_mut() else {
            return false;
        };
        let Some(next) = editor.history.redo(&editor.raw) else {
            return false;
        };
        editor.raw = next;
        editor.recorded = editor.raw.clone();
        self.apply_edited_book();
        true
    }

    /// Whether Ctrl+Z (`undo`) or Ctrl+Shift+Z acts on the book rather than the quote: in
    /// the Price book tab, outside meeting mode, with a book edit to undo or redo.
    pub(crate) fn book_history_in_view(&self, undo: bool) -> bool {
        if self.tab != super::Tab::PriceBook || self.meeting_mode {
            return false;
        }
        self.book_editor.as_ref().is_some_and(|editor| {
            if undo {
                editor.history.can_undo()
            } else {
                editor.history.can_redo()
            }
        })
    }
}

impl UndoWeight for RawPriceBook {
    fn undo_weight(&self) -> usize {
        let bands: usize = self
            .discount_schedules
            .iter()
            .map(|schedule| schedule.bands.len())
            .sum();
        let tasks = self
            .cost_defaults
            .as_ref()
            .map_or(0, |defaults| defaults.tasks.len());
        1 + self.tiers.len() + bands + self.hourly_rates.len() + self.addons.len() + tasks
    }
}

/// Draws the editor (never in meeting mode: the caller checks).
pub(crate) fn editor_ui(ui: &mut egui::Ui, app: &mut QuoteApp) {
    app.editor_in_sync();
    let ctx = ui.ctx().clone();
    let Some(mut editor) = app.book_editor.take() else {
        return;
    };
    let outcome = panel::editor_panel_ui(ui, &mut editor, app);
    app.book_editor = Some(editor);
    if outcome.edited {
        let control = ctx
            .memory(|memory| memory.focused())
            .or_else(|| ctx.dragged_id());
        let now = ctx.input(|input| input.time);
        app.book_edited(control, now);
    }
    match outcome.history {
        Some(panel::HistoryStep::Undo) => {
            app.undo_book_edit();
        }
        Some(panel::HistoryStep::Redo) => {
            app.redo_book_edit();
        }
        None => {}
    }
    if let Some(request) = outcome.tool {
        let now = ctx.input(|input| input.time);
        tools::run_tool(app, request, now);
    }
    if let Some(path) = outcome.save_to {
        save::save_new_version(app, &path);
    }
}

/// The notice shown on every tab while the edited book is invalid: the quote keeps the last
/// valid book. Hidden in meeting mode.
pub(crate) fn kept_book_banner_ui(ui: &mut egui::Ui, app: &QuoteApp) {
    if app.meeting_mode {
        return;
    }
    let Some(editor) = &app.book_editor else {
        return;
    };
    if editor.is_invalid() && editor.applied_sha256 == app.book.sha256 {
        ui.scope(|ui| {
            ui.visuals_mut().override_text_color = Some(ui.visuals().warn_fg_color);
            named_value_ui(ui, "Price book status", kept_book_text(editor, &app.book));
        });
    }
}

/// "The edited price book has N problems; the quote keeps the last valid book (...)".
fn kept_book_text(editor: &BookEditor, in_use: &LoadedBook) -> String {
    let count = editor.problems.all().len();
    let plural = if count == 1 { "" } else { "s" };
    format!(
        "The edited price book has {count} problem{plural} (see the Price book tab); the quote keeps the last valid book ({} {}, sha256 {})",
        in_use.book.name,
        in_use.book.version,
        in_use.sha256.chars().take(12).collect::<String>()
    )
}
