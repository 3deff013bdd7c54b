//! The ROI tab: the customer's current cost lines with their avoidable shares, the avoided
//! hire, growth and the discount rate; the engine's investment, savings, ROI, payback and
//! NPV; an egui_plot chart of cumulative current cost against managed cost with the payback
//! month marked; and the month table. Import the costs from xlsx, ods or csv.
//!
//! The figures come from `core::roi`, computed when an input changed. The cost lines and the
//! month table are virtualised (only rows in view build widgets).

mod amount;
mod inputs;
mod results;

use super::{Action, QuoteApp, decimal_field_ui};
use crate::core::evaluate::WarningSource;
use crate::core::roi::CustomerCosts;
use crate::formats::price_book::LoadedBook;

/// Draws the ROI tab.
pub(crate) fn roi_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    ui.heading("Return on investment");
    let version = app.generation;
    let QuoteApp {
        book,
        quote,
        cache,
        roi_discount_rate,
        ..
    } = app;
    let book: &LoadedBook = book;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import customer costs…").clicked() {
            actions.push(Action::ImportCustomerCosts);
        }
        if quote.customer_costs.is_some() && ui.button("Remove the customer costs").clicked() {
            quote.customer_costs = None;
        }
        ui.separator();
        ui.label("Discount rate for the NPV");
        decimal_field_ui(
            ui,
            "roi-discount-rate",
            roi_discount_rate,
            "Discount rate percent",
        );
        ui.label("% a year");
    });
    let Some(costs) = quote.customer_costs.as_mut() else {
        ui.label("The customer's current costs are not known yet.");
        if ui.button("Enter customer costs").clicked() {
            quote.customer_costs = Some(CustomerCosts::default());
        }
        return;
    };
    egui::Panel::right("roi-results")
        .resizable(true)
        .default_size(500.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("roi-results-scroll")
                .show(ui, |ui| match &cache.roi {
                    Some(Ok(options)) => {
                        super::cache::evaluation_warnings_ui(ui, cache, WarningSource::Roi);
                        if let Some(roi) = options.quote_as_is() {
                            results::results_ui(ui, book, roi);
                        }
                        results::options_ui(ui, book, options);
                    }
                    Some(Err(message)) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "The ROI cannot be computed:",
                        );
                        ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                            .accessible_name("ROI error");
                    }
                    None => {}
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("roi-inputs-scroll")
            .show(ui, |ui| inputs::inputs_ui(ui, costs, version));
    });
}
