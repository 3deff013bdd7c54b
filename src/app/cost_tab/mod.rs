//! The cost-analysis tab (the analyst's screen): editable cost lines by category, markups,
//! labour tasks and hourly costs, and the engine's per-device fee, margins per category and
//! per tier, and guardrail status. Import from a spreadsheet; export to xlsx.
//!
//! Everything here is internal: in meeting mode the whole tab shows nothing but a note.
//! The figures come from `core::cost::analyse_cost`, computed when an input changed. Every
//! list of lines is virtualised (only the rows in view build widgets) and can be filtered
//! and ordered.

mod affiliates;
mod inputs;
mod labour;
mod lines;
mod results;

use super::{Action, QuoteApp};
use crate::core::cost::CostAnalysis;
use crate::formats::price_book::LoadedBook;

/// Draws the cost-analysis tab.
pub(crate) fn cost_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    ui.heading("Cost analysis (internal)");
    if app.meeting_mode {
        ui.weak("Internal figures hidden (meeting mode, F9)");
        return;
    }
    let version = app.generation;
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
                    Some(Ok(breakdown)) => results::results_ui(ui, book, breakdown, version),
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
            .show(ui, |ui| {
                inputs::inputs_ui(ui, &book.book, analysis, version)
            });
    });
}
