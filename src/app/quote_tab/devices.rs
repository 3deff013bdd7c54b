//! The device lines of the quote: tier, kind, count, the engine's unit net and monthly
//! amount, and each line's waterfall on request. The table is virtualised: only the rows in
//! view build widgets, and row heights are computed lazily (no per-line allocation). The
//! lines can be filtered by kind and tier and ordered by monthly amount.

use std::collections::BTreeSet;

use egui_extras::{Column, TableBuilder, TableRow};

use rust_decimal::Decimal;

use super::warnings_beside_ui;
use crate::app::fields::{count_field_with_speed_ui, limits};
use crate::app::lists::{self, Describe, Described, Shown};
use crate::app::{money, named_value_ui};
use crate::core::pricing::{PricedLine, PricedQuote, Warning, WarningField};
use crate::core::quote::{DeviceLine, Quote};
use crate::formats::price_book::LoadedBook;

/// The list's name in the window's memory (its filter and order).
const LIST: &str = "device-lines";

/// Height of one device row.
const ROW_HEIGHT: f32 = 24.0;

/// Height of one waterfall step under an expanded row.
const STEP_HEIGHT: f32 = 18.0;

/// The heading with the Add button and the total, the warnings, and the table of lines.
pub(super) fn devices_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    priced: Option<&PricedQuote>,
    warnings: &[Warning],
    expanded: &mut BTreeSet<usize>,
    version: u64,
) {
    ui.horizontal(|ui| {
        ui.heading("Devices");
        if ui.button("Add device line").clicked() {
            quote.devices.push(new_line(book, quote));
        }
        named_value_ui(
            ui,
            "Device total",
            format!("{} devices", quote.device_count()),
        );
    });
    warnings_beside_ui(ui, warnings, WarningField::Devices);
    if quote.devices.len() > 1 {
        let tiers: Vec<&str> = book
            .book
            .tiers
            .iter()
            .map(|tier| tier.name.as_str())
            .collect();
        ui.horizontal_wrapped(|ui| lists::view_controls_ui(ui, LIST, "Device lines", &tiers));
    }
    // Lines the engine priced, by position (absent while the quote cannot be priced).
    let priced_lines = priced
        .filter(|priced| priced.lines.len() == quote.devices.len())
        .map(|priced| priced.lines.as_slice());
    let rows = shown_rows(ui, book, &quote.devices, priced_lines, version);
    let removed = lines_table_ui(ui, book, &mut quote.devices, &rows, priced_lines, expanded);
    if let Some(index) = removed {
        quote.devices.remove(index);
        // Waterfalls stay open for the same lines, which moved up by one.
        *expanded = expanded
            .iter()
            .filter(|line| **line != index)
            .map(|line| if *line > index { line - 1 } else { *line })
            .collect();
    }
}

/// The device lines shown under the list's view: the filter searches the kind's name, the
/// category is the tier, the amount the line's monthly amount.
fn shown_rows(
    ui: &egui::Ui,
    book: &LoadedBook,
    devices: &[DeviceLine],
    priced_lines: Option<&[PricedLine]>,
    version: u64,
) -> Shown {
    let describe = |index: usize| {
        let line = devices.get(index);
        Described {
            text: line.map_or("", |line| book.book.kind_name(&line.kind)),
            category: line
                .and_then(|line| book.book.tier(&line.tier))
                .map_or("", |tier| tier.name.as_str()),
            amount: priced_lines
                .and_then(|lines| lines.get(index))
                .map_or(Decimal::ZERO, |line| line.monthly),
        }
    };
    let describe: Describe<'_> = &describe;
    lists::shown_rows(ui, LIST, devices.len(), version, describe)
}

/// A new line: the last line's tier (else the book's first) and the book's first kind.
fn new_line(book: &LoadedBook, quote: &Quote) -> DeviceLine {
    let tier = quote
        .devices
        .last()
        .map(|line| line.tier.clone())
        .or_else(|| book.book.tiers.first().map(|tier| tier.id.clone()))
        .unwrap_or_default();
    let kind = book
        .book
        .device_kinds
        .first()
        .map(|kind| kind.id.clone())
        .unwrap_or_default();
    DeviceLine {
        tier,
        kind,
        count: 1,
    }
}

/// The table of lines; returns the line whose Remove button was clicked.
fn lines_table_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    devices: &mut [DeviceLine],
    rows: &Shown,
    priced_lines: Option<&[PricedLine]>,
    expanded: &mut BTreeSet<usize>,
) -> Option<usize> {
    let open: &BTreeSet<usize> = expanded;
    let heights = (0..rows.len()).map(|row| {
        let index = rows.line(row).unwrap_or(usize::MAX);
        let steps = priced_lines
            .filter(|_| open.contains(&index))
            .and_then(|lines| lines.get(index))
            .map_or(0, |line| line.waterfall.len());
        ROW_HEIGHT + STEP_HEIGHT * steps as f32
    });
    let mut remove = None;
    let mut toggle = None;
    let count = rows.len();
    let table = TableBuilder::new(ui)
        .id_salt("device-lines")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Min))
        .column(Column::exact(34.0))
        .column(Column::exact(90.0))
        .column(Column::exact(112.0))
        .column(Column::exact(60.0))
        .column(Column::exact(72.0))
        .column(Column::exact(92.0))
        .column(Column::remainder().at_least(112.0))
        .header(22.0, |mut header| {
            for title in ["#", "Tier", "Kind", "Count", "Unit net", "Monthly", ""] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        });
    table.body(|body| {
        let mut row_ui = |mut row: TableRow<'_, '_>| {
            let Some(index) = rows.line(row.index()) else {
                return;
            };
            let Some(line) = devices.get_mut(index) else {
                return;
            };
            let priced_line = priced_lines.and_then(|lines| lines.get(index));
            let is_open = open.contains(&index);
            match line_row_ui(&mut row, book, index, line, priced_line, is_open) {
                Some(RowAction::Remove) => remove = Some(index),
                Some(RowAction::Toggle) => toggle = Some(index),
                None => {}
            }
        };
        if open.is_empty() {
            body.rows(ROW_HEIGHT, count, &mut row_ui);
        } else {
            body.heterogeneous_rows(heights, row_ui);
        }
    });
    if let Some(index) = toggle
        && !expanded.remove(&index)
    {
        expanded.insert(index);
    }
    remove
}

/// What a row's buttons asked for.
enum RowAction {
    Remove,
    Toggle,
}

/// One line's cells.
fn line_row_ui(
    row: &mut TableRow<'_, '_>,
    book: &LoadedBook,
    index: usize,
    line: &mut DeviceLine,
    priced_line: Option<&PricedLine>,
    is_open: bool,
) -> Option<RowAction> {
    let number = index + 1;
    row.col(|ui| {
        ui.label(number.to_string());
    });
    row.col(|ui| tier_ui(ui, book, index, line));
    row.col(|ui| kind_ui(ui, book, index, line));
    row.col(|ui| {
        count_field_with_speed_ui(
            ui,
            &mut line.count,
            limits::DEVICE_COUNT,
            &format!("Count, line {number}"),
            0.2,
        );
    });
    row.col(|ui| {
        if let Some(priced_line) = priced_line {
            named_value_ui(
                ui,
                &format!("Unit net, line {number}"),
                money(book, priced_line.unit_net),
            );
        }
    });
    row.col(|ui| {
        ui.vertical(|ui| monthly_ui(ui, book, number, priced_line, is_open));
    });
    let mut action = None;
    row.col(|ui| {
        let text = if is_open { "Hide steps" } else { "Steps" };
        if ui
            .small_button(text)
            .accessible_name(format!("Waterfall, line {number}"))
            .clicked()
        {
            action = Some(RowAction::Toggle);
        }
        if ui
            .small_button("Remove")
            .accessible_name(format!("Remove line {number}"))
            .clicked()
        {
            action = Some(RowAction::Remove);
        }
    });
    action
}

fn tier_ui(ui: &mut egui::Ui, book: &LoadedBook, index: usize, line: &mut DeviceLine) {
    let selected = book
        .book
        .tier(&line.tier)
        .map_or(line.tier.clone(), |tier| tier.name.clone());
    let response = egui::ComboBox::from_id_salt(("tier", index))
        .selected_text(selected)
        .width(80.0)
        .show_ui(ui, |ui| {
            for tier in &book.book.tiers {
                ui.selectable_value(&mut line.tier, tier.id.clone(), &tier.name);
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Tier, line {}", index + 1));
}

fn kind_ui(ui: &mut egui::Ui, book: &LoadedBook, index: usize, line: &mut DeviceLine) {
    let response = egui::ComboBox::from_id_salt(("kind", index))
        .selected_text(book.book.kind_name(&line.kind).to_string())
        .width(102.0)
        .show_ui(ui, |ui| {
            for kind in &book.book.device_kinds {
                ui.selectable_value(&mut line.kind, kind.id.clone(), &kind.name);
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Kind, line {}", index + 1));
}

/// The line's monthly amount and, when open, its waterfall steps.
fn monthly_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    number: usize,
    priced_line: Option<&PricedLine>,
    is_open: bool,
) {
    let Some(priced_line) = priced_line else {
        return;
    };
    named_value_ui(
        ui,
        &format!("Monthly, line {number}"),
        money(book, priced_line.monthly),
    );
    if is_open {
        for step in &priced_line.waterfall {
            ui.small(format!(
                "{}: {} -> {}",
                step.kind.label(),
                money(book, step.change),
                money(book, step.running)
            ));
        }
    }
}
