//! The quote tab (the sales rep's screen): customer, device lines, add-ons, term, setup,
//! extra discount, live totals, warnings beside their fields, waterfalls, and the same
//! devices priced at every tier side by side.

mod addons;
mod devices;
mod terms;
mod totals;

use super::{Action, PricingCache, QuoteApp, meeting_mode};
use crate::core::pricing::{Warning, WarningField};
use crate::formats::price_book::LoadedBook;

/// Draws the quote tab.
pub(crate) fn quote_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, _actions: &mut Vec<Action>) {
    let version = app.generation;
    let QuoteApp {
        book,
        quote,
        cache,
        meeting_mode,
        expanded_lines,
        ..
    } = app;
    let book: &LoadedBook = book;
    let cache: &PricingCache = cache;
    let priced = cache.priced.as_ref().ok();
    let warnings: &[Warning] = priced.map_or(&[], |priced| priced.warnings.as_slice());

    egui::Panel::right("quote-totals")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("quote-totals-scroll")
                .show(ui, |ui| {
                    totals::totals_ui(ui, book, &cache.priced, cache.combined.as_ref());
                    ui.separator();
                    totals::tier_comparison_ui(
                        ui,
                        book,
                        &cache.tiers,
                        cache.roi.as_ref().and_then(|roi| roi.as_ref().ok()),
                    );
                    ui.separator();
                    ui.strong("Internal (analyst only)");
                    meeting_mode::internal_ui(ui, *meeting_mode, |ui| {
                        totals::internal_figures_ui(ui, book, cache, quote.term_months);
                    });
                    ui.separator();
                    totals::schedule_ui(ui, book, cache.combined.as_ref().or(priced));
                });
        });
    egui::Panel::left("quote-terms")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("quote-terms-scroll")
                .show(ui, |ui| {
                    warnings_beside_ui(ui, warnings, WarningField::PriceBook);
                    terms::customer_ui(ui, quote);
                    ui.separator();
                    terms::term_ui(ui, book, quote, warnings);
                    ui.separator();
                    terms::setup_ui(ui, book, quote);
                    ui.separator();
                    terms::extra_discount_ui(ui, book, quote, warnings);
                    ui.separator();
                    super::quote_options::quote_options_ui(
                        ui,
                        book,
                        &mut quote.options,
                        cache.options.as_ref(),
                    );
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::Panel::bottom("quote-addons")
            .resizable(true)
            .default_size(170.0)
            .show(ui, |ui| addons::addons_ui(ui, book, quote, priced));
        devices::devices_ui(ui, book, quote, priced, warnings, expanded_lines, version);
    });
}

/// The warnings that belong beside `field`.
fn warnings_beside_ui(ui: &mut egui::Ui, warnings: &[Warning], field: WarningField) {
    for warning in warnings.iter().filter(|warning| warning.field == field) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Warning: {}", warning.message),
        );
    }
}
