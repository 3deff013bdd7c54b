//! The results of the cost analysis: totals, figures per category and per tier, warnings,
//! and the monthly cost lines (virtualised, filtered by description or category, ordered by
//! amount).

use egui_extras::Column;
use rust_decimal::Decimal;

use crate::app::lists::{self, Describe, Described, TableLayout};
use crate::app::{money, named_value_ui};
use crate::core::cost::{CostBreakdown, CostCategory, CostWarningKind};
use crate::core::money::percent_text;
use crate::formats::price_book::LoadedBook;

/// Draws the engine's results; `version` changes whenever the quote may have changed.
pub(super) fn results_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    breakdown: &CostBreakdown,
    version: u64,
) {
    ui.heading("Cost-plus result");
    totals_ui(ui, book, breakdown);
    ui.separator();
    ui.strong("By category");
    categories_ui(ui, book, breakdown);
    ui.separator();
    ui.strong("Margin per tier, same devices");
    tier_margins_ui(ui, book, breakdown);
    if !breakdown.warnings.is_empty() {
        ui.separator();
        for warning in &breakdown.warnings {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("Warning: {}", warning.message),
            );
        }
    }
    ui.separator();
    ui.strong("Monthly cost lines");
    cost_lines_ui(ui, book, breakdown, version);
}

fn totals_ui(ui: &mut egui::Ui, book: &LoadedBook, breakdown: &CostBreakdown) {
    let below_floor = breakdown
        .warnings
        .iter()
        .any(|warning| warning.kind == CostWarningKind::MarginBelowFloor);
    let percent = |value: Decimal| format!("{}%", percent_text(value));
    let guardrail = if below_floor {
        "Below the margin floor: needs approval"
    } else {
        "Margin at or above the floor"
    };
    let rows = [
        ("Managed devices", breakdown.devices.to_string()),
        (
            "Total monthly cost",
            money(book, breakdown.total_monthly_cost),
        ),
        (
            "Total monthly markup",
            money(book, breakdown.total_monthly_markup),
        ),
        (
            "Total monthly price",
            money(book, breakdown.total_monthly_price),
        ),
        (
            "Per-device monthly fee",
            money(book, breakdown.per_device_monthly_fee),
        ),
        ("Gross margin", money(book, breakdown.gross_margin)),
        (
            "Gross margin percent",
            percent(breakdown.gross_margin_percent),
        ),
        ("Margin floor", percent(breakdown.margin_floor_percent)),
        ("Guardrail", guardrail.to_string()),
    ];
    egui::Grid::new("cost-totals")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value) in rows {
                ui.label(name);
                named_value_ui(ui, name, value);
                ui.end_row();
            }
        });
}

fn categories_ui(ui: &mut egui::Ui, book: &LoadedBook, breakdown: &CostBreakdown) {
    egui::Grid::new("cost-categories")
        .striped(true)
        .show(ui, |ui| {
            for title in ["Category", "Cost", "Markup", "", "Price"] {
                ui.strong(title);
            }
            ui.end_row();
            for figures in &breakdown.categories {
                let label = figures.category.label();
                ui.label(label);
                named_value_ui(ui, &format!("Cost, {label}"), money(book, figures.cost));
                ui.label(format!("{}%", percent_text(figures.markup_percent)));
                named_value_ui(ui, &format!("Markup, {label}"), money(book, figures.markup));
                named_value_ui(ui, &format!("Price, {label}"), money(book, figures.price));
                ui.end_row();
            }
        });
}

fn tier_margins_ui(ui: &mut egui::Ui, book: &LoadedBook, breakdown: &CostBreakdown) {
    egui::Grid::new("tier-margins")
        .striped(true)
        .show(ui, |ui| {
            for title in ["Tier", "Price", "Reserve", "Margin", "Margin %"] {
                ui.strong(title);
            }
            ui.end_row();
            for tier in &breakdown.tier_comparison {
                ui.label(tier.tier_name.as_str());
                ui.label(money(book, tier.monthly_price));
                named_value_ui(
                    ui,
                    &format!("Reserve, {}", tier.tier_name),
                    money(book, tier.reserve),
                );
                named_value_ui(
                    ui,
                    &format!("Margin, {}", tier.tier_name),
                    money(book, tier.margin),
                );
                ui.label(format!("{}%", percent_text(tier.margin_percent)));
                ui.end_row();
            }
        });
}

/// The engine's monthly cost lines: a virtualised table (only rows in view build their
/// text), filtered by description or category, ordered by amount or description.
fn cost_lines_ui(ui: &mut egui::Ui, book: &LoadedBook, breakdown: &CostBreakdown, version: u64) {
    const LIST: &str = "monthly-cost-lines";
    let categories: Vec<&str> = CostCategory::ALL
        .iter()
        .map(|category| category.label())
        .collect();
    ui.horizontal_wrapped(|ui| {
        lists::view_controls_ui(ui, LIST, "Monthly cost lines", &categories);
    });
    let lines = &breakdown.lines;
    let describe = |index: usize| match lines.get(index) {
        Some(line) => Described {
            text: line.description.as_str(),
            category: line.category.label(),
            amount: line.monthly_cost,
        },
        None => Described {
            text: "",
            category: "",
            amount: Decimal::ZERO,
        },
    };
    let describe: Describe<'_> = &describe;
    let rows = lists::shown_rows(ui, LIST, lines.len(), version, describe);
    lists::shown_count_ui(ui, &rows, lines.len(), "lines");
    let columns = [
        Column::auto(),
        Column::initial(150.0).clip(true),
        Column::auto(),
        Column::remainder().clip(true),
    ];
    let header = ["Category", "Line", "Monthly cost", "How"];
    let layout = TableLayout {
        id: "cost-lines",
        columns: &columns,
        header: &header,
        row_height: 18.0,
        max_height: 360.0,
    };
    lists::table_ui(ui, &layout, &rows, |row, index| {
        let Some(line) = lines.get(index) else {
            return;
        };
        row.col(|ui| {
            ui.label(line.category.label());
        });
        row.col(|ui| {
            ui.label(line.description.as_str());
        });
        row.col(|ui| {
            ui.label(money(book, line.monthly_cost));
        });
        row.col(|ui| {
            ui.label(line.detail_text(&breakdown.currency));
        });
    });
}
