//! The right column of the quote tab: totals, every tier side by side, the internal figures
//! (hidden in meeting mode) and the invoice schedule (virtualised).

use egui_extras::{Column, TableBuilder};

use crate::app::{PricingCache, RoiOptions, TierOption, money, named_value_ui};
use crate::core::money::percent_text;
use crate::core::pricing::PricedQuote;
use crate::core::quote::SetupMode;
use crate::formats::price_book::LoadedBook;

/// The totals; with pricing options, `combined` (the quote with its options) gives them and
/// the tiers' own monthly amount is shown beside.
pub(super) fn totals_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    priced: &Result<PricedQuote, String>,
    combined: Option<&PricedQuote>,
) {
    ui.heading("Totals");
    let tiers_monthly = priced.as_ref().ok().map(|priced| priced.monthly_recurring);
    let priced = match priced {
        Ok(priced) => priced,
        Err(message) => {
            ui.colored_label(ui.visuals().error_fg_color, "This quote cannot be priced:");
            ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                .accessible_name("Pricing error");
            return;
        }
    };
    let priced = combined.unwrap_or(priced);
    egui::Grid::new("totals").num_columns(2).show(ui, |ui| {
        let row = |ui: &mut egui::Ui, name: &str, value: String| {
            ui.label(name);
            named_value_ui(ui, name, value);
            ui.end_row();
        };
        if let (Some(combined), Some(tiers_monthly)) = (combined, tiers_monthly) {
            row(ui, "Tiers monthly", money(book, tiers_monthly));
            row(
                ui,
                "Pricing options monthly",
                money(book, combined.monthly_recurring - tiers_monthly),
            );
        }
        row(
            ui,
            "Monthly recurring",
            money(book, priced.monthly_recurring),
        );
        row(ui, "First invoice", money(book, priced.first_invoice()));
        row(
            ui,
            "Total contract value",
            money(book, priced.total_contract_value),
        );
        row(
            ui,
            "Effective monthly",
            money(book, priced.effective_monthly),
        );
        row(ui, "Credits", money(book, priced.credits_applied()));
        for credit in &priced.credits {
            row(
                ui,
                &format!("Credit in month {}", credit.month),
                money(book, credit.amount),
            );
        }
        if !priced.credit_lost.is_zero() {
            row(ui, "Credit lost", money(book, priced.credit_lost));
        }
        let setup = match priced.setup_mode {
            SetupMode::Upfront => "up front",
            SetupMode::Amortized => "amortized",
        };
        row(
            ui,
            "Setup fee",
            format!("{} {setup}", money(book, priced.setup_fee)),
        );
        let band = priced.band.as_ref().map_or("none".to_string(), |band| {
            format!(
                "{}% ({}-{} {})",
                percent_text(band.discount_percent),
                band.min,
                band.max,
                book.book.kind_name(&band.counted_kind).to_lowercase()
            )
        });
        row(ui, "Quantity discount", band);
    });
}

/// Picks one figure out of a priced quote.
type Figure = fn(&PricedQuote) -> rust_decimal::Decimal;

pub(super) fn tier_comparison_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    tiers: &[TierOption],
    roi: Option<&RoiOptions>,
) {
    ui.heading("Every tier, same devices");
    egui::Grid::new("tier-comparison")
        .num_columns(tiers.len() + 1)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            for tier in tiers {
                ui.strong(tier.tier_name.as_str());
            }
            ui.end_row();
            let rows: [(&str, Figure); 3] = [
                ("Monthly", |priced| priced.monthly_recurring),
                ("Total", |priced| priced.total_contract_value),
                ("Effective monthly", |priced| priced.effective_monthly),
            ];
            for (title, figure) in rows {
                ui.label(title);
                for tier in tiers {
                    let name = format!("{title} at {}", tier.tier_name);
                    match &tier.priced {
                        Ok(priced) => named_value_ui(ui, &name, money(book, figure(priced))),
                        Err(message) => {
                            ui.weak("—").on_hover_text(message.as_str());
                        }
                    }
                }
                ui.end_row();
            }
            if let Some(roi) = roi {
                ui.label("ROI");
                for tier in tiers {
                    let name = format!("ROI at {}", tier.tier_name);
                    match roi.at_tier(&tier.tier_id) {
                        Some(result) => named_value_ui(
                            ui,
                            &name,
                            result.roi_percent.map_or("none".to_string(), |percent| {
                                format!("{}%", crate::core::money::plain(percent, 2))
                            }),
                        ),
                        None => {
                            ui.weak("-");
                        }
                    }
                }
                ui.end_row();
            }
        });
}

/// Internal figures of the quote: drawn only outside meeting mode.
pub(super) fn internal_figures_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    cache: &PricingCache,
    term: u32,
) {
    egui::Grid::new("internal-figures")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Internal reserve per month");
            named_value_ui(
                ui,
                "Internal reserve per month",
                money(book, cache.reserve_monthly),
            );
            ui.end_row();
            ui.label("Internal reserve over the term");
            named_value_ui(
                ui,
                "Internal reserve over the term",
                money(
                    book,
                    cache.reserve_monthly * rust_decimal::Decimal::from(term),
                ),
            );
            ui.end_row();
            match &cache.cost {
                Some(Ok(breakdown)) => {
                    ui.label("Monthly cost (cost analysis)");
                    named_value_ui(
                        ui,
                        "Monthly cost (cost analysis)",
                        money(book, breakdown.total_monthly_cost),
                    );
                    ui.end_row();
                    for tier in &breakdown.tier_comparison {
                        let name = format!("Margin at {}", tier.tier_name);
                        ui.label(name.as_str());
                        named_value_ui(
                            ui,
                            &name,
                            format!(
                                "{} ({}%)",
                                money(book, tier.margin),
                                percent_text(tier.margin_percent)
                            ),
                        );
                        ui.end_row();
                    }
                }
                Some(Err(message)) => {
                    ui.label("Cost analysis");
                    ui.colored_label(ui.visuals().error_fg_color, message.as_str());
                    ui.end_row();
                }
                None => {}
            }
        });
}

pub(super) fn schedule_ui(ui: &mut egui::Ui, book: &LoadedBook, priced: Option<&PricedQuote>) {
    let Some(priced) = priced else {
        return;
    };
    egui::CollapsingHeader::new("Invoice schedule")
        .id_salt("invoice-schedule")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("schedule-table")
                .striped(true)
                .max_scroll_height(320.0)
                .columns(Column::auto(), 5)
                .header(20.0, |mut header| {
                    for title in ["Month", "Recurring", "Setup", "Credit", "Due"] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(18.0, priced.schedule.len(), |mut row| {
                        let Some(month) = priced.schedule.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.label(month.month.to_string());
                        });
                        for amount in [month.recurring, month.setup, month.credit, month.due] {
                            row.col(|ui| {
                                ui.label(money(book, amount));
                            });
                        }
                    });
                });
        });
}
