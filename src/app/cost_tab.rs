//! The cost-analysis tab (the analyst's screen): editable cost lines by category, markups,
//! labour tasks and hourly costs, and the engine's per-device fee, margins per category and
//! per tier, and guardrail status. Import from a spreadsheet; export to xlsx.
//!
//! Everything here is internal: in meeting mode the whole tab shows nothing but a note.
//! The figures come from `core::cost::analyse_cost`, computed when an input changed.

use egui_extras::{Column, TableBuilder};

use super::{Action, QuoteApp, cost_inputs, money, named_value_ui};
use crate::core::cost::{CostAnalysis, CostBreakdown, CostWarningKind};
use crate::core::money::percent_text;
use crate::formats::price_book::LoadedBook;

/// Draws the cost-analysis tab.
pub(crate) fn cost_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    ui.heading("Cost analysis (internal)");
    if app.meeting_mode {
        ui.weak("Internal figures hidden (meeting mode, F9)");
        return;
    }
    let QuoteApp {
        book, quote, cache, ..
    } = app;
    let book: &LoadedBook = book;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import cost lines…").clicked() {
            actions.push(Action::ImportCostLines);
        }
        if ui
            .add_enabled(
                matches!(cache.cost, Some(Ok(_))),
                egui::Button::new("Export to xlsx…"),
            )
            .clicked()
        {
            actions.push(Action::ExportCostXlsx);
        }
        if quote.cost_analysis.is_some() && ui.button("Remove the cost analysis").clicked() {
            quote.cost_analysis = None;
        }
    });
    let Some(analysis) = quote.cost_analysis.as_mut() else {
        ui.label("This quote has no cost analysis yet.");
        if ui.button("Start a cost analysis").clicked() {
            quote.cost_analysis = Some(CostAnalysis::default());
        }
        return;
    };
    egui::Panel::right("cost-results")
        .resizable(true)
        .default_size(470.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("cost-results-scroll")
                .show(ui, |ui| match &cache.cost {
                    Some(Ok(breakdown)) => results_ui(ui, book, breakdown),
                    Some(Err(message)) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "The analysis cannot be computed:",
                        );
                        ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                            .accessible_name("Cost analysis error");
                    }
                    None => {}
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("cost-inputs-scroll")
            .show(ui, |ui| cost_inputs::inputs_ui(ui, &book.book, analysis));
    });
}

fn results_ui(ui: &mut egui::Ui, book: &LoadedBook, breakdown: &CostBreakdown) {
    ui.heading("Cost-plus result");
    let below_floor = breakdown
        .warnings
        .iter()
        .any(|warning| warning.kind == CostWarningKind::MarginBelowFloor);
    egui::Grid::new("cost-totals")
        .num_columns(2)
        .show(ui, |ui| {
            let row = |ui: &mut egui::Ui, name: &str, value: String| {
                ui.label(name);
                named_value_ui(ui, name, value);
                ui.end_row();
            };
            row(ui, "Managed devices", breakdown.devices.to_string());
            row(
                ui,
                "Total monthly cost",
                money(book, breakdown.total_monthly_cost),
            );
            row(
                ui,
                "Total monthly markup",
                money(book, breakdown.total_monthly_markup),
            );
            row(
                ui,
                "Total monthly price",
                money(book, breakdown.total_monthly_price),
            );
            row(
                ui,
                "Per-device monthly fee",
                money(book, breakdown.per_device_monthly_fee),
            );
            row(ui, "Gross margin", money(book, breakdown.gross_margin));
            row(
                ui,
                "Gross margin percent",
                format!("{}%", percent_text(breakdown.gross_margin_percent)),
            );
            row(
                ui,
                "Margin floor",
                format!("{}%", percent_text(breakdown.margin_floor_percent)),
            );
            row(
                ui,
                "Guardrail",
                if below_floor {
                    "Below the margin floor: needs approval".to_string()
                } else {
                    "Margin at or above the floor".to_string()
                },
            );
        });
    ui.separator();
    ui.strong("By category");
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
    ui.separator();
    ui.strong("Margin per tier, same devices");
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
    TableBuilder::new(ui)
        .id_salt("cost-lines")
        .striped(true)
        .max_scroll_height(360.0)
        .column(Column::auto())
        .column(Column::initial(150.0).clip(true))
        .column(Column::auto())
        .column(Column::remainder().clip(true))
        .header(20.0, |mut header| {
            for title in ["Category", "Line", "Monthly cost", "How"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(18.0, breakdown.lines.len(), |mut row| {
                let Some(line) = breakdown.lines.get(row.index()) else {
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
                    ui.label(line.detail.as_str());
                });
            });
        });
}
