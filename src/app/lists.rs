//! Long lists in the window: virtualised tables (only the rows in view build widgets), with a
//! filter by text and a choice of order.
//!
//! A list is shown through its [`ListView`] (the filter and the order the user chose, kept in
//! egui's memory per list). Without a filter or an order the rows are the lines themselves and
//! nothing is allocated per line; otherwise the positions of the matching lines, in order, are
//! computed once per change of the quote or the view and kept until the next change. Rows keep
//! the line's own number in their accessible names ("…, line 9876"), whatever the order.

use std::sync::Arc;

use egui_extras::{Column, TableBody, TableBuilder, TableRow};
use rust_decimal::Decimal;

/// The order of a list's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) enum Order {
    /// As the lines were entered (the quote's order).
    #[default]
    AsEntered,
    /// By description, A to Z (case-insensitive).
    Description,
    /// By amount, the largest first.
    AmountHighFirst,
    /// By amount, the smallest first.
    AmountLowFirst,
}

impl Order {
    const ALL: [Order; 4] = [
        Order::AsEntered,
        Order::Description,
        Order::AmountHighFirst,
        Order::AmountLowFirst,
    ];

    fn title(self) -> &'static str {
        match self {
            Order::AsEntered => "as entered",
            Order::Description => "description A-Z",
            Order::AmountHighFirst => "amount, largest first",
            Order::AmountLowFirst => "amount, smallest first",
        }
    }
}

/// What the user chose for one list: a filter on the description, a category, an order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct ListView {
    /// Lines whose description contains this text (case-insensitive); empty: every line.
    pub(crate) filter: String,
    /// Lines of this category only; empty: every category.
    pub(crate) category: String,
    pub(crate) order: Order,
}

impl ListView {
    /// Whether every line shows, in the quote's order.
    fn is_identity(&self) -> bool {
        self.filter.trim().is_empty() && self.category.is_empty() && self.order == Order::AsEntered
    }

    /// The view of the list `list`, as kept in egui's memory.
    pub(crate) fn of(ui: &egui::Ui, list: &str) -> ListView {
        ui.data(|data| data.get_temp::<ListView>(view_id(list)))
            .unwrap_or_default()
    }
}

fn view_id(list: &str) -> egui::Id {
    egui::Id::unique(("list-view", list))
}

/// The filter field and the order choice of the list `list`; `noun` names them ("Hardware
/// filter", "Hardware order"). With `categories`, a choice of one category too ("… category").
pub(crate) fn view_controls_ui(ui: &mut egui::Ui, list: &str, noun: &str, categories: &[&str]) {
    let mut view = ListView::of(ui, list);
    if !categories.is_empty() {
        let shown = if view.category.is_empty() {
            "All categories"
        } else {
            view.category.as_str()
        };
        let response = egui::ComboBox::from_id_salt(("list-category", list))
            .selected_text(shown.to_string())
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.category, String::new(), "All categories");
                for category in categories {
                    ui.selectable_value(&mut view.category, category.to_string(), *category);
                }
            });
        let _ = response
            .response
            .accessible_name(format!("{noun} category"));
    }
    ui.label("Filter");
    ui.add(
        egui::TextEdit::singleline(&mut view.filter)
            .id_salt(("list-filter", list))
            .hint_text("description contains…")
            .desired_width(140.0),
    )
    .accessible_name(format!("{noun} filter"));
    let response = egui::ComboBox::from_id_salt(("list-order", list))
        .selected_text(format!("Order: {}", view.order.title()))
        .show_ui(ui, |ui| {
            for order in Order::ALL {
                ui.selectable_value(&mut view.order, order, order.title());
            }
        });
    let _ = response.response.accessible_name(format!("{noun} order"));
    ui.data_mut(|data| data.insert_temp(view_id(list), view));
}

/// The lines a list shows, in the order shown.
#[derive(Debug, Clone)]
pub(crate) enum Shown {
    /// Every line, in the quote's order.
    All(usize),
    /// The positions of the lines shown, in order.
    Some(Arc<Vec<usize>>),
}

impl Shown {
    /// How many rows show.
    pub(crate) fn len(&self) -> usize {
        match self {
            Shown::All(len) => *len,
            Shown::Some(positions) => positions.len(),
        }
    }

    /// The position in the list of the line shown in row `row`.
    pub(crate) fn line(&self, row: usize) -> Option<usize> {
        match self {
            Shown::All(len) => (row < *len).then_some(row),
            Shown::Some(positions) => positions.get(row).copied(),
        }
    }
}

/// What a list tells the view about one of its lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Described<'a> {
    /// The text the filter searches and the description order sorts.
    pub(crate) text: &'a str,
    /// The line's category ("" when the list has none).
    pub(crate) category: &'a str,
    /// The amount the order by amount sorts.
    pub(crate) amount: Decimal,
}

/// What a list tells the view about its line `index`.
pub(crate) type Describe<'a> = &'a dyn Fn(usize) -> Described<'a>;

/// The rows of the list `list` of `len` lines under its view. `version` changes whenever the
/// lines may have changed (the app's input generation); the positions are computed again only
/// then or when the view changes.
pub(crate) fn shown_rows(
    ui: &egui::Ui,
    list: &str,
    len: usize,
    version: u64,
    describe: Describe<'_>,
) -> Shown {
    let view = ListView::of(ui, list);
    if view.is_identity() {
        return Shown::All(len);
    }
    let cache_id = view_id(list).with("rows");
    type Cached = (u64, usize, ListView, Arc<Vec<usize>>);
    if let Some((at, at_len, at_view, rows)) = ui.data(|data| data.get_temp::<Cached>(cache_id))
        && at == version
        && at_len == len
        && at_view == view
    {
        return Shown::Some(rows);
    }
    let rows = Arc::new(positions(&view, len, describe));
    ui.data_mut(|data| data.insert_temp(cache_id, (version, len, view, Arc::clone(&rows))));
    Shown::Some(rows)
}

/// The positions of the lines matching `view.filter`, in `view.order`.
fn positions(view: &ListView, len: usize, describe: Describe<'_>) -> Vec<usize> {
    let needle = view.filter.trim().to_lowercase();
    let mut rows: Vec<usize> = (0..len)
        .filter(|index| {
            let line = describe(*index);
            (view.category.is_empty() || line.category == view.category)
                && contains_folded(line.text, &needle)
        })
        .collect();
    match view.order {
        Order::AsEntered => {}
        Order::Description => rows.sort_by_cached_key(|index| describe(*index).text.to_lowercase()),
        Order::AmountHighFirst => {
            rows.sort_by_key(|index| std::cmp::Reverse(describe(*index).amount));
        }
        Order::AmountLowFirst => rows.sort_by_key(|index| describe(*index).amount),
    }
    rows
}

/// Whether `text` contains `needle` (already lower case), ignoring case.
fn contains_folded(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        true
    } else if text.is_ascii() && needle.is_ascii() {
        text.as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        text.to_lowercase().contains(needle)
    }
}

/// How a virtualised table looks: its id, columns and header titles, its row height and the
/// height past which it scrolls.
pub(crate) struct TableLayout<'a> {
    pub(crate) id: &'a str,
    pub(crate) columns: &'a [Column],
    pub(crate) header: &'a [&'a str],
    pub(crate) row_height: f32,
    pub(crate) max_height: f32,
}

/// A virtualised table laid out as `layout` says, one row per shown line. Only rows in view
/// call `row_ui`, with the line's position in the list.
pub(crate) fn table_ui(
    ui: &mut egui::Ui,
    layout: &TableLayout<'_>,
    rows: &Shown,
    mut row_ui: impl FnMut(&mut TableRow<'_, '_>, usize),
) {
    let mut builder = TableBuilder::new(ui)
        .id_salt(layout.id)
        .striped(true)
        .max_scroll_height(layout.max_height)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for column in layout.columns {
        builder = builder.column(*column);
    }
    builder
        .header(20.0, |mut row| {
            for title in layout.header {
                row.col(|ui| {
                    ui.strong(*title);
                });
            }
        })
        .body(|body: TableBody<'_>| {
            body.rows(layout.row_height, rows.len(), |mut row| {
                if let Some(line) = rows.line(row.index()) {
                    row_ui(&mut row, line);
                }
            });
        });
}

/// "Showing 12 of 10,000 lines" when a filter hides some.
pub(crate) fn shown_count_ui(ui: &mut egui::Ui, rows: &Shown, len: usize, noun: &str) {
    if rows.len() != len {
        ui.weak(format!("Showing {} of {len} {noun}", rows.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Vec<Described<'static>> {
        [
            ("Firewall", "Hardware", 1450),
            ("backup appliance", "Hardware", 4800),
            ("Switch", "Software", 300),
            ("Fire suppression", "Labour", 900),
        ]
        .into_iter()
        .map(|(text, category, amount)| Described {
            text,
            category,
            amount: Decimal::from(amount),
        })
        .collect()
    }

    fn positions_in(filter: &str, category: &str, order: Order) -> Vec<usize> {
        let lines = lines();
        let describe = |index: usize| lines[index];
        let view = ListView {
            filter: filter.to_string(),
            category: category.to_string(),
            order,
        };
        positions(&view, lines.len(), &describe)
    }

    fn positions_of(filter: &str, order: Order) -> Vec<usize> {
        positions_in(filter, "", order)
    }

    #[test]
    fn a_category_keeps_its_lines_only() {
        assert_eq!(positions_in("", "Hardware", Order::AsEntered), vec![0, 1]);
        assert_eq!(positions_in("fire", "Hardware", Order::AsEntered), vec![0]);
        assert_eq!(positions_in("", "Labour", Order::AmountHighFirst), vec![3]);
    }

    #[test]
    fn a_filter_keeps_the_lines_whose_description_contains_it_ignoring_case() {
        assert_eq!(positions_of("fire", Order::AsEntered), vec![0, 3]);
        assert_eq!(positions_of("APPLIANCE", Order::AsEntered), vec![1]);
        assert_eq!(
            positions_of("nothing", Order::AsEntered),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn the_orders_sort_by_description_and_by_amount() {
        assert_eq!(positions_of("", Order::Description), vec![1, 3, 0, 2]);
        assert_eq!(positions_of("", Order::AmountHighFirst), vec![1, 0, 3, 2]);
        assert_eq!(positions_of("", Order::AmountLowFirst), vec![2, 3, 0, 1]);
        assert_eq!(positions_of("fire", Order::AmountLowFirst), vec![3, 0]);
    }
}
