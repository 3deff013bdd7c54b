//! What the controls and shortcuts ask for ([`Action`]) and how the app does it after the
//! frame: undo and redo, notices, file actions; every edit recorded in the history.

use std::path::PathBuf;

use super::{QuoteApp, documents_tab, files, meeting_mode};

/// Something a control asked for, done after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Action {
    NewQuote,
    OpenQuote,
    SaveQuote,
    SaveQuoteAs,
    NewRevision,
    LoadBook,
    LoadBookFrom(PathBuf),
    Undo,
    Redo,
    Export(documents_tab::DocumentKind),
    ImportCostLines,
    ExportCostXlsx,
    ImportCustomerCosts,
    DismissNotice(usize),
}

impl QuoteApp {
    /// Consumes this frame's keyboard shortcuts.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        let mut actions = Vec::new();
        ctx.input_mut(|input| {
            // The more specific shortcut first: Ctrl+Shift+Z also matches Ctrl+Z logically.
            if input.consume_shortcut(&KeyboardShortcut::new(shift_command, Key::Z))
                || input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                actions.push(Action::Redo);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Action::Undo);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(shift_command, Key::S)) {
                actions.push(Action::SaveQuoteAs);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                actions.push(Action::SaveQuote);
            }
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                actions.push(Action::OpenQuote);
            }
        });
        if meeting_mode::toggle_pressed(ctx) {
            self.meeting_mode = !self.meeting_mode;
        }
        actions
    }

    /// Records edits made during the frame, runs the actions, autosaves.
    pub(super) fn after_frame(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        self.record_edit(ctx);
        // Comparing the quote is O(lines): compare again only when an action may have changed it.
        if !actions.is_empty() {
            for action in actions {
                self.run_action(ctx, action);
            }
            self.record_edit(ctx);
        }
        self.refresh();
        let generation = self.generation;
        files::autosave_tick(ctx, self, generation);
        files::close_request(ctx, self);
        if self.files.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(30));
        }
    }

    /// Compares the quote with the recorded one; a difference is an undoable edit.
    pub(super) fn record_edit(&mut self, ctx: &egui::Context) {
        if self.quote == self.recorded {
            return;
        }
        let control = ctx
            .memory(|memory| memory.focused())
            .or_else(|| ctx.dragged_id());
        let now = ctx.input(|input| input.time);
        let before = std::mem::replace(&mut self.recorded, self.quote.clone());
        self.history.record(before, control, now);
        self.mark_changed();
        ctx.request_repaint();
    }

    /// The quote changed (an edit, undo or redo): price again, remember it is unsaved.
    pub(super) fn mark_changed(&mut self) {
        self.generation += 1;
        self.files.dirty = true;
        let lines = self.quote.devices.len();
        self.expanded_lines.retain(|line| *line < lines);
    }

    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Undo if self.book_history_in_view(true) => {
                self.undo_book_edit();
            }
            Action::Redo if self.book_history_in_view(false) => {
                self.redo_book_edit();
            }
            Action::Undo => {
                if let Some(previous) = self.history.undo(&self.quote) {
                    self.quote = previous;
                    self.recorded = self.quote.clone();
                    self.mark_changed();
                }
            }
            Action::Redo => {
                if let Some(next) = self.history.redo(&self.quote) {
                    self.quote = next;
                    self.recorded = self.quote.clone();
                    self.mark_changed();
                }
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Action::NewQuote
            | Action::OpenQuote
            | Action::SaveQuote
            | Action::SaveQuoteAs
            | Action::NewRevision
            | Action::LoadBook
            | Action::LoadBookFrom(_)
            | Action::Export(_)
            | Action::ImportCostLines
            | Action::ExportCostXlsx
            | Action::ImportCustomerCosts => files::run_file_action(ctx, self, action),
        }
    }
}
