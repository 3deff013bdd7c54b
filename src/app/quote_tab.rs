//! The quote tab (the sales rep's screen): customer, device lines, add-ons, term, setup,
//! extra discount, live totals, warnings beside their fields, waterfalls, and the same
//! devices priced at every tier side by side.

use std::collections::BTreeSet;

use egui_extras::{Column, TableBuilder};

use super::{
    Action, PricingCache, QuoteApp, RoiOptions, TierOption, decimal_field_ui, meeting_mode, money,
    named_value_ui,
};
use crate::core::money::percent_text;
use crate::core::pricing::{PricedQuote, Warning, WarningField};
use crate::core::quote::{AddOnLine, DeviceLine, ExtraDiscount, Quote, SetupMode};
use crate::formats::price_book::LoadedBook;

/// Height of one device row.
const ROW_HEIGHT: f32 = 24.0;

/// Height of one waterfall step under an expanded row.
const STEP_HEIGHT: f32 = 18.0;

/// Draws the quote tab.
pub(crate) fn quote_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, _actions: &mut Vec<Action>) {
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
                    totals_ui(ui, book, &cache.priced, cache.combined.as_ref());
                    ui.separator();
                    tier_comparison_ui(
                        ui,
                        book,
                        &cache.tiers,
                        cache.roi.as_ref().and_then(|roi| roi.as_ref().ok()),
                    );
                    ui.separator();
                    ui.strong("Internal (analyst only)");
                    meeting_mode::internal_ui(ui, *meeting_mode, |ui| {
                        internal_figures_ui(ui, book, cache, quote.term_months);
                    });
                    ui.separator();
                    schedule_ui(ui, book, cache.combined.as_ref().or(priced));
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
                    customer_ui(ui, quote);
                    ui.separator();
                    term_ui(ui, book, quote, warnings);
                    ui.separator();
                    setup_ui(ui, book, quote);
                    ui.separator();
                    extra_discount_ui(ui, book, quote, warnings);
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
            .show(ui, |ui| addons_ui(ui, book, quote, priced));
        devices_ui(ui, book, quote, priced, warnings, expanded_lines);
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

fn customer_ui(ui: &mut egui::Ui, quote: &mut Quote) {
    ui.heading("Customer");
    egui::Grid::new("customer-fields")
        .num_columns(2)
        .show(ui, |ui| {
            text_row_ui(ui, "Customer name", &mut quote.customer.name);
            text_row_ui(ui, "Contact", &mut quote.customer.contact);
            count_row_ui(ui, "Sites", &mut quote.customer.sites);
            count_row_ui(ui, "Users", &mut quote.customer.users);
            count_row_ui(ui, "Desktops", &mut quote.customer.desktops);
            text_row_ui(ui, "Quote number", &mut quote.number);
            ui.label("Revision");
            named_value_ui(ui, "Revision", quote.revision.to_string());
            ui.end_row();
            ui.label("Date");
            named_value_ui(ui, "Date", quote.date.format("%Y-%m-%d").to_string());
            ui.end_row();
        });
}

fn text_row_ui(ui: &mut egui::Ui, name: &str, text: &mut String) {
    ui.label(name);
    ui.add(egui::TextEdit::singleline(text).desired_width(180.0))
        .accessible_name(name);
    ui.end_row();
}

fn count_row_ui(ui: &mut egui::Ui, name: &str, count: &mut u32) {
    ui.label(name);
    ui.add(egui::DragValue::new(count).range(0..=1_000_000))
        .accessible_name(name);
    ui.end_row();
}

fn term_ui(ui: &mut egui::Ui, book: &LoadedBook, quote: &mut Quote, warnings: &[Warning]) {
    ui.heading("Term");
    ui.horizontal_wrapped(|ui| {
        for term in &book.book.terms {
            ui.radio_value(
                &mut quote.term_months,
                term.months,
                format!("{} months", term.months),
            );
        }
    });
    if book.book.term(quote.term_months).is_none() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "{} months is not offered by this price book (offered: {})",
                quote.term_months,
                book.book.offered_terms_text()
            ),
        );
    }
    warnings_beside_ui(ui, warnings, WarningField::Term);
}

fn setup_ui(ui: &mut egui::Ui, book: &LoadedBook, quote: &mut Quote) {
    ui.heading("Setup fee");
    let setup = &book.book.setup;
    ui.label(format!("{} one-time", money(book, setup.amount)));
    if setup.upfront_offered || quote.setup_mode == SetupMode::Upfront {
        ui.radio_value(&mut quote.setup_mode, SetupMode::Upfront, "Setup up front");
    }
    if setup.amortized_offered || quote.setup_mode == SetupMode::Amortized {
        ui.radio_value(
            &mut quote.setup_mode,
            SetupMode::Amortized,
            "Setup amortized over the term",
        );
    }
}

fn extra_discount_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    warnings: &[Warning],
) {
    ui.heading("Extra discount");
    let mut enabled = quote.extra_discount.is_some();
    if ui
        .checkbox(&mut enabled, "Give an extra discount")
        .changed()
    {
        quote.extra_discount = enabled.then(|| ExtraDiscount {
            percent: rust_decimal::Decimal::ZERO,
            reason: String::new(),
        });
    }
    if let Some(extra) = &mut quote.extra_discount {
        ui.horizontal(|ui| {
            ui.label("Percent");
            decimal_field_ui(
                ui,
                "extra-discount-percent",
                &mut extra.percent,
                "Extra discount percent",
            );
            ui.label("%");
        });
        ui.label(format!(
            "Up to {}% without approval",
            percent_text(book.book.guardrails.max_extra_discount_percent)
        ));
        ui.label("Reason");
        ui.add(egui::TextEdit::multiline(&mut extra.reason).desired_rows(2))
            .accessible_name("Extra discount reason");
        if extra.reason.trim().is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, "Give the reason for approvers.");
        }
    }
    warnings_beside_ui(ui, warnings, WarningField::ExtraDiscount);
}

fn devices_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    priced: Option<&PricedQuote>,
    warnings: &[Warning],
    expanded: &mut BTreeSet<usize>,
) {
    ui.horizontal(|ui| {
        ui.heading("Devices");
        if ui.button("Add device line").clicked() {
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
            quote.devices.push(DeviceLine {
                tier,
                kind,
                count: 1,
            });
        }
        named_value_ui(
            ui,
            "Device total",
            format!("{} devices", quote.device_count()),
        );
    });
    warnings_beside_ui(ui, warnings, WarningField::Devices);
    // Lines the engine priced, by position (absent while the quote cannot be priced).
    let priced_lines = priced
        .filter(|priced| priced.lines.len() == quote.devices.len())
        .map(|priced| priced.lines.as_slice());
    let heights: Vec<f32> = (0..quote.devices.len())
        .map(|index| {
            let steps = priced_lines
                .filter(|_| expanded.contains(&index))
                .and_then(|lines| lines.get(index))
                .map_or(0, |line| line.waterfall.len());
            ROW_HEIGHT + STEP_HEIGHT * steps as f32
        })
        .collect();
    let mut remove = None;
    TableBuilder::new(ui)
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
        })
        .body(|body| {
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let index = row.index();
                let number = index + 1;
                let Some(line) = quote.devices.get_mut(index) else {
                    return;
                };
                let priced_line = priced_lines.and_then(|lines| lines.get(index));
                row.col(|ui| {
                    ui.label(number.to_string());
                });
                row.col(|ui| {
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
                        .accessible_name(format!("Tier, line {number}"));
                });
                row.col(|ui| {
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
                        .accessible_name(format!("Kind, line {number}"));
                });
                row.col(|ui| {
                    ui.add(
                        egui::DragValue::new(&mut line.count)
                            .range(1..=1_000_000)
                            .speed(0.2),
                    )
                    .accessible_name(format!("Count, line {number}"));
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
                    ui.vertical(|ui| {
                        if let Some(priced_line) = priced_line {
                            named_value_ui(
                                ui,
                                &format!("Monthly, line {number}"),
                                money(book, priced_line.monthly),
                            );
                            if expanded.contains(&index) {
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
                    });
                });
                row.col(|ui| {
                    let open = expanded.contains(&index);
                    let text = if open { "Hide steps" } else { "Steps" };
                    if ui
                        .small_button(text)
                        .accessible_name(format!("Waterfall, line {number}"))
                        .clicked()
                    {
                        if open {
                            expanded.remove(&index);
                        } else {
                            expanded.insert(index);
                        }
                    }
                    if ui
                        .small_button("Remove")
                        .accessible_name(format!("Remove line {number}"))
                        .clicked()
                    {
                        remove = Some(index);
                    }
                });
            });
        });
    if let Some(index) = remove {
        quote.devices.remove(index);
        // Waterfalls stay open for the same lines, which moved up by one.
        *expanded = expanded
            .iter()
            .filter(|line| **line != index)
            .map(|line| if *line > index { line - 1 } else { *line })
            .collect();
    }
}

fn addons_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    priced: Option<&PricedQuote>,
) {
    ui.horizontal(|ui| {
        ui.heading("Add-ons");
        let unused = book
            .book
            .addons
            .iter()
            .find(|addon| !quote.addons.iter().any(|line| line.id == addon.id));
        if ui
            .add_enabled(unused.is_some(), egui::Button::new("Add add-on"))
            .clicked()
            && let Some(addon) = unused
        {
            quote.addons.push(AddOnLine {
                id: addon.id.clone(),
                quantity: 1,
            });
        }
    });
    let priced_addons = priced
        .filter(|priced| priced.addons.len() == quote.addons.len())
        .map(|priced| priced.addons.as_slice());
    let mut remove = None;
    egui::ScrollArea::vertical()
        .id_salt("addons-scroll")
        .show(ui, |ui| {
            egui::Grid::new("addon-lines")
                .num_columns(5)
                .striped(true)
                .show(ui, |ui| {
                    for (index, line) in quote.addons.iter_mut().enumerate() {
                        let number = index + 1;
                        let selected = book
                            .book
                            .addon(&line.id)
                            .map_or(line.id.clone(), |addon| addon.name.clone());
                        let response = egui::ComboBox::from_id_salt(("addon", index))
                            .selected_text(selected)
                            .width(220.0)
                            .show_ui(ui, |ui| {
                                for addon in &book.book.addons {
                                    ui.selectable_value(
                                        &mut line.id,
                                        addon.id.clone(),
                                        &addon.name,
                                    );
                                }
                            });
                        let _ = response
                            .response
                            .accessible_name(format!("Add-on, line {number}"));
                        ui.add(egui::DragValue::new(&mut line.quantity).range(1..=1_000_000))
                            .accessible_name(format!("Add-on quantity, line {number}"));
                        match priced_addons.and_then(|addons| addons.get(index)) {
                            Some(addon) => {
                                named_value_ui(
                                    ui,
                                    &format!("Add-on unit net, line {number}"),
                                    money(book, addon.unit_net),
                                );
                                named_value_ui(
                                    ui,
                                    &format!("Add-on monthly, line {number}"),
                                    money(book, addon.monthly),
                                );
                            }
                            None => {
                                ui.label("");
                                ui.label("");
                            }
                        }
                        if ui
                            .small_button("Remove")
                            .accessible_name(format!("Remove add-on {number}"))
                            .clicked()
                        {
                            remove = Some(index);
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(index) = remove {
        quote.addons.remove(index);
    }
}

/// The totals; with pricing options, `combined` (the quote with its options) gives them and
/// the tiers' own monthly amount is shown beside.
fn totals_ui(
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

fn tier_comparison_ui(
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
                                format!("{}%", percent_text(percent))
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
fn internal_figures_ui(ui: &mut egui::Ui, book: &LoadedBook, cache: &PricingCache, term: u32) {
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

fn schedule_ui(ui: &mut egui::Ui, book: &LoadedBook, priced: Option<&PricedQuote>) {
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
