//! Undo and redo for every edit of the quote (and, with the same type over the raw price
//! book, for the price-book editor).
//!
//! The app compares its quote with the last recorded one after each frame; any difference is
//! an edit. Edits of the same control in quick succession (typing a name, dragging a count)
//! merge into one undo step.

use crate::core::quote::Quote;

/// Most undo steps kept.
const MAX_STEPS: usize = 200;

/// Seconds within which edits of the same control merge into one step.
const MERGE_WINDOW_SECONDS: f64 = 1.0;

/// Undo and redo stacks of whole values (quotes by default).
#[derive(Debug, Clone)]
pub struct History<T = Quote> {
    undo: Vec<T>,
    redo: Vec<T>,
    last_edit: Option<(egui::Id, f64)>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }
}

impl<T: Clone> History<T> {
    /// Records that the quote changed from `before`; `control` is the widget that changed it
    /// (if known) and `now` the time in seconds.
    pub fn record(&mut self, before: T, control: Option<egui::Id>, now: f64) {
        let merges = match (self.last_edit, control) {
            (Some((last, at)), Some(control)) => {
                last == control && now - at < MERGE_WINDOW_SECONDS && !self.undo.is_empty()
            }
            _ => false,
        };
        if !merges {
            self.undo.push(before);
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.last_edit = control.map(|control| (control, now));
        self.redo.clear();
    }

    /// The quote before the last edit, if any; `current` goes onto the redo stack.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last_edit = None;
        Some(previous)
    }

    /// The quote the last undo went back from, if any; `current` goes onto the undo stack.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last_edit = None;
        Some(next)
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (after opening another quote).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn quote(number: &str) -> Quote {
        let mut quote = Quote::empty(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default());
        quote.number = number.to_string();
        quote
    }

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut history = History::default();
        history.record(quote("a"), None, 0.0);
        history.record(quote("b"), None, 0.1);
        let back = history.undo(&quote("c")).unwrap();
        assert_eq!(back.number, "b");
        let forth = history.redo(&back).unwrap();
        assert_eq!(forth.number, "c");
    }

    #[test]
    fn quick_edits_of_one_control_merge() {
        let control = egui::Id::unique("count");
        let mut history = History::default();
        history.record(quote("a"), Some(control), 0.0);
        history.record(quote("b"), Some(control), 0.5);
        assert_eq!(history.undo(&quote("c")).unwrap().number, "a");
        assert!(!history.can_undo());
    }

    #[test]
    fn slow_edits_of_one_control_do_not_merge() {
        let control = egui::Id::unique("count");
        let mut history = History::default();
        history.record(quote("a"), Some(control), 0.0);
        history.record(quote("b"), Some(control), 2.0);
        assert_eq!(history.undo(&quote("c")).unwrap().number, "b");
        assert!(history.can_undo());
    }
}
