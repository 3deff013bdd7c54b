//! The left column of the quote tab: the customer, the term, the setup fee and the extra
//! discount.

use super::warnings_beside_ui;
use crate::app::fields::{count_field_ui, limits};
use crate::app::{decimal_field_ui, money, named_value_ui};
use crate::core::money::percent_text;
use crate::core::pricing::{Warning, WarningField};
use crate::core::quote::{ExtraDiscount, Quote, SetupMode};
use crate::formats::price_book::LoadedBook;

pub(super) fn customer_ui(ui: &mut egui::Ui, quote: &mut Quote) {
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
    ui.horizontal(|ui| {
        count_field_ui(ui, count, limits::CUSTOMER_COUNT, name);
    });
    ui.end_row();
}

pub(super) fn term_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    warnings: &[Warning],
) {
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

pub(super) fn setup_ui(ui: &mut egui::Ui, book: &LoadedBook, quote: &mut Quote) {
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

pub(super) fn extra_discount_ui(
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
