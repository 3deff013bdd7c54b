//! The Contract section: the billing start, the amendments in order (each with its
//! proration and reduction fee), a termination what-if and the renewal. Every figure comes
//! from `core::contract`, computed only when the quote or the book changed; every edit goes
//! through the quote, so undo and redo cover it. Nothing here is internal: meeting mode
//! hides nothing.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::QuoteApp;
use crate::core::contract::{
    ContractBooks, ContractSchedule, PricedAmendment, calendar, contract_schedule, renew, terminate,
};
use crate::core::quote::{Amendment, Quote};
use crate::formats::price_book::LoadedBook;

/// The contract schedule of the quote it was computed for, kept between frames.
#[derive(Clone)]
struct Cached {
    quote: Quote,
    book_sha256: String,
    schedule: Result<ContractSchedule, String>,
}

/// Draws the Contract tab.
pub(crate) fn contract_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp) {
    ui.heading("Contract");
    start_date_ui(ui, &mut app.quote);
    ui.separator();
    let schedule = cached_schedule(ui, &app.book, &app.quote);
    let schedule = match schedule {
        Ok(schedule) => schedule,
        Err(message) => {
            ui.colored_label(ui.visuals().error_fg_color, message);
            amendments_editor_ui(ui, &mut app.quote, &[]);
            return;
        }
    };
    for warning in &schedule.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, warning);
    }
    egui::ScrollArea::vertical()
        .id_salt("contract-scroll")
        .show(ui, |ui| {
            amendments_editor_ui(ui, &mut app.quote, &schedule.amendments);
            ui.separator();
            schedule_ui(ui, &app.book, &schedule);
            ui.separator();
            termination_ui(ui, &app.book, &schedule);
            ui.separator();
            renewal_ui(ui, app, &schedule);
        });
}

/// The contract schedule of `quote`, recomputed only when the quote or the book changed.
fn cached_schedule(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &Quote,
) -> Result<ContractSchedule, String> {
    let id = ui.make_persistent_id("contract-tab-cache");
    let cached = ui.data(|data| data.get_temp::<Cached>(id));
    if let Some(cached) = cached
        && &cached.quote == quote
        && cached.book_sha256 == book.sha256
    {
        return cached.schedule;
    }
    let schedule = contract_schedule(ContractBooks::single(&book.book), quote)
        .map_err(|error| error.to_string());
    ui.data_mut(|data| {
        data.insert_temp(
            id,
            Cached {
                quote: quote.clone(),
                book_sha256: book.sha256.clone(),
                schedule: schedule.clone(),
            },
        );
    });
    schedule
}

/// The billing start: set or not; when set, a date field.
fn start_date_ui(ui: &mut egui::Ui, quote: &mut Quote) {
    ui.horizontal(|ui| {
        let mut set = quote.contract.start_date.is_some();
        if ui
            .checkbox(&mut set, "Billing start date (functionality acceptance)")
            .changed()
        {
            quote.contract.start_date = set.then_some(quote.date);
        }
        match quote.contract.start_date.as_mut() {
            Some(start) => {
                date_field_ui(ui, "contract-start", start, "Billing start date");
            }
            None => {
                ui.label(format!("not set: the quote date {} is assumed", quote.date));
            }
        }
    });
}

/// A YYYY-MM-DD field that writes the date back only when the text is a date.
fn date_field_ui(ui: &mut egui::Ui, id_salt: &str, date: &mut NaiveDate, name: &str) {
    let id = ui.make_persistent_id(id_salt);
    let mut text = ui
        .data(|data| data.get_temp::<String>(id))
        .unwrap_or_else(|| date.format("%Y-%m-%d").to_string());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(90.0),
        )
        .accessible_name(name);
    if response.has_focus() || response.changed() {
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(parsed) if parsed != *date => *date = parsed,
            Ok(_) => {}
            Err(_) => {
                ui.colored_label(ui.visuals().error_fg_color, "write YYYY-MM-DD");
            }
        }
        ui.data_mut(|data| data.insert_temp(id, text));
    } else {
        ui.data_mut(|data| data.remove_temp::<String>(id));
    }
}

/// The amendments in order, each editable (date, device counts) with its figures, and
/// "Add amendment" starting from the configuration in force.
fn amendments_editor_ui(ui: &mut egui::Ui, quote: &mut Quote, priced: &[PricedAmendment]) {
    ui.heading("Amendments");
    if quote.contract.amendments.is_empty() {
        ui.label("No amendment: the contract runs as signed.");
    }
    let mut remove = None;
    let decimals = 2;
    for (index, amendment) in quote.contract.amendments.iter_mut().enumerate() {
        ui.push_id(("amendment", index), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("Amendment {}", index + 1));
                ui.label("effective");
                date_field_ui(
                    ui,
                    "effective",
                    &mut amendment.effective_date,
                    &format!("Amendment {} effective date", index + 1),
                );
                ui.checkbox(&mut amendment.reprice, "re-price with the book in use");
                if ui.button("Remove").clicked() {
                    remove = Some(index);
                }
            });
            configuration_counts_ui(ui, index, &mut amendment.configuration);
            if let Some(figures) = priced.get(index) {
                amendment_figures_ui(ui, figures, decimals);
            }
        });
    }
    if let Some(index) = remove {
        quote.contract.amendments.remove(index);
    }
    if ui.button("Add amendment").clicked() {
        add_amendment(quote);
    }
}

/// The device counts and add-on quantities of an amendment's configuration.
fn configuration_counts_ui(
    ui: &mut egui::Ui,
    index: usize,
    configuration: &mut crate::core::quote::Configuration,
) {
    for (line_index, line) in configuration.devices.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{} {}", line.tier, line.kind));
            ui.add(egui::DragValue::new(&mut line.count).range(1..=1_000_000))
                .accessible_name(format!(
                    "Amendment {} count, line {}",
                    index + 1,
                    line_index + 1
                ));
        });
    }
    for line in &mut configuration.addons {
        ui.horizontal(|ui| {
            ui.label(format!("add-on {}", line.id));
            ui.add(egui::DragValue::new(&mut line.quantity).range(1..=1_000_000))
                .accessible_name(format!("Amendment {} add-on {}", index + 1, line.id));
        });
    }
}

fn amendment_figures_ui(ui: &mut egui::Ui, figures: &PricedAmendment, decimals: u32) {
    let currency = &figures.priced.currency;
    let money = |amount| crate::core::money::display(amount, &currency.symbol, decimals);
    ui.label(format!(
        "Contract month {}: monthly {} -> {}",
        figures.effective_month,
        money(figures.old_monthly_recurring),
        money(figures.new_monthly_recurring)
    ));
    match figures.proration {
        Some(proration) => ui.label(format!(
            "Proration {} on month {} ({} of {} days)",
            money(proration.amount),
            proration.month,
            proration.days,
            proration.days_in_month
        )),
        None => ui.label("No proration"),
    };
    if let Some(fee) = figures.reduction_fee {
        ui.label(format!(
            "Reduction fee {} on month {} ({} months)",
            money(fee.amount),
            fee.month,
            fee.months
        ));
    }
}

/// A new amendment with the configuration in force, from the first day of the contract
/// month after the last amendment's (or month 2).
fn add_amendment(quote: &mut Quote) {
    let start = quote.billing_start();
    let after = quote.contract.amendments.last().map(|last| {
        calendar::month_containing(start, quote.term_months, last.effective_date).unwrap_or(1)
    });
    let month = after.map_or(2, |month| month + 1).min(quote.term_months);
    let effective = calendar::month_first_day(start, month).unwrap_or(start);
    quote.contract.amendments.push(Amendment {
        effective_date: effective,
        configuration: quote.configuration_in_force(),
        reprice: false,
    });
}

/// The amended schedule, month by month with its dates.
fn schedule_ui(ui: &mut egui::Ui, book: &LoadedBook, schedule: &ContractSchedule) {
    egui::CollapsingHeader::new(format!(
        "Schedule: {} to {}, contract value {}",
        schedule.start_date,
        schedule.end_date(),
        super::money(book, schedule.total_contract_value)
    ))
    .id_salt("contract-schedule")
    .show(ui, |ui| {
        egui::Grid::new("contract-months")
            .striped(true)
            .show(ui, |ui| {
                for header in [
                    "Month",
                    "Dates",
                    "Monthly fee",
                    "Setup",
                    "Adjustment",
                    "Credit",
                    "Due",
                ] {
                    ui.strong(header);
                }
                ui.end_row();
                for month in &schedule.months {
                    ui.label(month.month.to_string());
                    ui.label(format!("{} - {}", month.first_day, month.last_day));
                    for amount in [
                        month.recurring,
                        month.setup,
                        month.adjustment,
                        -month.credit,
                        month.due,
                    ] {
                        ui.label(super::money(book, amount));
                    }
                    ui.end_row();
                }
            });
    });
}

/// Pick the last month served and see every part of the termination amount.
fn termination_ui(ui: &mut egui::Ui, book: &LoadedBook, schedule: &ContractSchedule) {
    ui.heading("Termination what-if");
    let last = schedule.term_months.saturating_sub(1).max(1);
    let id = ui.make_persistent_id("contract-termination-month");
    let mut month = ui
        .data(|data| data.get_temp::<u32>(id))
        .unwrap_or(1)
        .clamp(1, last);
    ui.horizontal(|ui| {
        ui.label("Last contract month served");
        ui.add(egui::DragValue::new(&mut month).range(1..=last))
            .accessible_name("Terminate after month");
    });
    ui.data_mut(|data| data.insert_temp(id, month));
    let money = |amount: Decimal| super::money(book, amount);
    match terminate(schedule, month) {
        Ok(termination) => {
            egui::Grid::new("termination-parts")
                .striped(true)
                .show(ui, |ui| {
                    for (label, amount) in [
                        ("Liquidated damages", termination.liquidated_damages),
                        ("Setup not yet billed", termination.unbilled_setup),
                        ("Termination amount", termination.termination_amount),
                        ("Paid to date", termination.paid_to_date),
                        ("Full-term value", termination.full_term_value),
                    ] {
                        ui.label(label);
                        ui.label(money(amount)).accessible_name(label);
                        ui.end_row();
                    }
                });
            for credit in &termination.credits_not_granted {
                ui.label(format!(
                    "Credit of month {} not granted: {}",
                    credit.month,
                    money(credit.amount)
                ));
            }
        }
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        }
    }
}

/// "Renew": replaces the quote with the renewal (undo goes back to the contract).
fn renewal_ui(ui: &mut egui::Ui, app: &mut QuoteApp, schedule: &ContractSchedule) {
    ui.heading("Renewal");
    ui.label(format!(
        "The term ends {}. A renewal prices the devices in force from the next day with the \
         book in use, without a setup fee.",
        schedule.end_date()
    ));
    if ui.button("Renew").clicked() {
        match renew(&app.quote, schedule, &app.book.book, None, app.today) {
            Ok(renewal) => {
                let mut quote = renewal.quote;
                quote.price_book_pin = Some(app.book.pin());
                app.quote = quote;
            }
            Err(error) => app.notices.push(super::error_notice(error.to_string())),
        }
    }
}
