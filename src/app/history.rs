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

/// Most lines (device, add-on, cost, customer-cost and option lines) kept over all undo steps:
/// a quote of 100,000 cost lines keeps its last 4 steps, one of 1,000 lines 200 steps, so
/// memory does not grow with the number of edits. The last step is always kept.
const MAX_LINES_KEPT: usize = 400_000;

/// What one kept copy costs, in lines (the memory bound of the undo stacks).
pub trait UndoWeight {
    /// Roughly how many lines the value holds.
    fn undo_weight(&self) -> usize;
}

impl UndoWeight for Quote {
    fn undo_weight(&self) -> usize {
        lines_in(self)
    }
}

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

impl<T: Clone + UndoWeight> History<T> {
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
            let mut kept: usize = self.undo.iter().map(UndoWeight::undo_weight).sum();
            while self.undo.len() > 1 && kept > MAX_LINES_KEPT {
                kept -= self.undo.remove(0).undo_weight();
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

/// How many lines `quote` holds (what its copy costs in memory, roughly).
fn lines_in(quote: &Quote) -> usize {
    let cost = quote.cost_analysis.as_ref().map_or(0, |analysis| {
        analysis.hardware.len()
            + analysis.software.len()
            + analysis.affiliates.len()
            + analysis.labour.extra.len()
    });
    let customer = quote
        .customer_costs
        .as_ref()
        .map_or(0, |costs| costs.lines.len());
    1 + quote.devices.len()
        + quote.addons.len()
        + quote.options.components.len()
        + quote.options.phases.len()
        + cost
        + customer
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
    fn big_quotes_keep_fewer_steps_and_always_the_last() {
        let mut big = quote("big");
        let analysis = big.cost_analysis.get_or_insert_with(Default::default);
        analysis.labour.extra = vec![
            crate::core::cost::LabourLine {
                description: String::new(),
                role: "tech".to_string(),
                hours_per_month: rust_decimal::Decimal::ONE,
            };
            150_000
        ];
        let mut history = History::default();
        for step in 0..5 {
            history.record(big.clone(), None, f64::from(step) * 10.0);
        }
        // 150,001 lines a step: two steps fit in 400,000, the third does not.
        assert_eq!(history.undo.len(), 2);
        let mut huge = big.clone();
        if let Some(analysis) = huge.cost_analysis.as_mut() {
            analysis.labour.extra.extend(analysis.labour.extra.clone());
            analysis.labour.extra.extend(analysis.labour.extra.clone());
        }
        history.record(huge, None, 100.0);
        assert_eq!(history.undo.len(), 1);
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
