//! The editable line lists of the cost analysis (hardware, software, affiliates, labour): each
//! a virtualised table with a filter and an order, so 100,000 lines draw as fast as ten.

use egui_extras::{Column, TableRow};
use rust_decimal::Decimal;

use crate::app::lists::{self, Describe, Described, Shown, TableLayout};

/// Height of one editable line.
pub(super) const ROW_HEIGHT: f32 = 26.0;

/// Tallest a list grows before it scrolls.
pub(super) const MAX_LIST_HEIGHT: f32 = 260.0;

/// How a kind of cost line is listed: its noun in accessible names ("Hardware description,
/// line 3", "Remove hardware 3"), its columns after the description, and its amount (for the
/// order by amount).
pub(super) struct LineList<'a, T> {
    pub(super) noun: &'a str,
    /// Titles and widths of the columns between the description and the Remove button.
    pub(super) columns: &'a [(&'a str, f32)],
    pub(super) description: fn(&mut T) -> &mut String,
    pub(super) text: fn(&T) -> &str,
    pub(super) amount: fn(&T) -> Decimal,
}

impl<T> LineList<'_, T> {
    /// The filter and order controls, the virtualised table of `lines` (only rows in view are
    /// built); `fields_ui` draws a line's columns. `version` changes whenever the quote may have
    /// changed. The line whose Remove button was clicked is removed.
    pub(super) fn show(
        &self,
        ui: &mut egui::Ui,
        lines: &mut Vec<T>,
        version: u64,
        mut fields_ui: impl FnMut(&mut TableRow<'_, '_>, usize, &mut T),
    ) {
        let lower = self.noun.to_lowercase();
        let list = format!("{lower}-lines");
        if lines.is_empty() {
            return;
        }
        ui.horizontal(|ui| lists::view_controls_ui(ui, &list, self.noun, &[]));
        let rows = self.rows(ui, &list, lines, version);
        lists::shown_count_ui(ui, &rows, lines.len(), "lines");
        let mut columns = vec![Column::exact(184.0)];
        columns.extend(
            self.columns
                .iter()
                .map(|(_, width)| Column::initial(*width).clip(true).resizable(true)),
        );
        columns.push(Column::remainder().at_least(70.0));
        let mut header = vec!["Description"];
        header.extend(self.columns.iter().map(|(title, _)| *title));
        header.push("");
        let mut remove = None;
        let table_id = format!("{lower}-lines-table");
        let layout = TableLayout {
            id: &table_id,
            columns: &columns,
            header: &header,
            row_height: ROW_HEIGHT,
            max_height: MAX_LIST_HEIGHT,
        };
        lists::table_ui(ui, &layout, &rows, |row, index| {
            let Some(line) = lines.get_mut(index) else {
                return;
            };
            let n = index + 1;
            row.col(|ui| {
                ui.add(egui::TextEdit::singleline((self.description)(line)).desired_width(176.0))
                    .accessible_name(format!("{} description, line {n}", self.noun));
            });
            fields_ui(row, index, line);
            row.col(|ui| {
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {lower} {n}"))
                    .clicked()
                {
                    remove = Some(index);
                }
            });
        });
        if let Some(index) = remove {
            lines.remove(index);
        }
    }

    fn rows(&self, ui: &egui::Ui, list: &str, lines: &[T], version: u64) -> Shown {
        let describe = |index: usize| match lines.get(index) {
            Some(line) => Described {
                text: (self.text)(line),
                category: "",
                amount: (self.amount)(line),
            },
            None => Described {
                text: "",
                category: "",
                amount: Decimal::ZERO,
            },
        };
        let describe: Describe<'_> = &describe;
        lists::shown_rows(ui, list, lines.len(), version, describe)
    }
}

/// `unit` times `count`, or the largest amount when that overflows (only for ordering).
pub(super) fn times(unit: Decimal, count: u32) -> Decimal {
    unit.checked_mul(Decimal::from(count))
        .unwrap_or(Decimal::MAX)
}
