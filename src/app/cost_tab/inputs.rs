//! The inputs of the cost-analysis tab: managed devices, hardware and software lines, and
//! markups. Every control edits the quote's `cost_analysis` in place; the app records each
//! change for undo and reruns the engine.

use rust_decimal::Decimal;

use super::lines::{LineList, times};
use super::{affiliates, labour};
use crate::app::decimal_field_ui;
use crate::app::fields::{count_field_ui, limits};
use crate::core::cost::{
    Acquisition, CostAnalysis, CostCategory, HardwareLine, SoftwareBasis, SoftwareBilling,
    SoftwareLine,
};
use crate::core::money::percent_text;
use crate::core::price_book::PriceBook;

/// Draws every input of the analysis; `version` changes whenever the quote may have changed.
pub(super) fn inputs_ui(
    ui: &mut egui::Ui,
    book: &PriceBook,
    analysis: &mut CostAnalysis,
    version: u64,
) {
    ui.horizontal(|ui| {
        let mut fixed = analysis.managed_devices.is_some();
        if ui
            .checkbox(&mut fixed, "Divide over a fixed number of devices")
            .changed()
        {
            analysis.managed_devices = fixed.then_some(1);
        }
        if let Some(devices) = &mut analysis.managed_devices {
            count_field_ui(ui, devices, limits::QUANTITY, "Managed devices");
        }
    });
    ui.separator();
    hardware_ui(ui, &mut analysis.hardware, version);
    ui.separator();
    software_ui(ui, &mut analysis.software, version);
    ui.separator();
    affiliates::affiliates_ui(ui, &mut analysis.affiliates, version);
    ui.separator();
    labour::labour_ui(ui, book, analysis, version);
    ui.separator();
    markups_ui(ui, book, analysis);
}

fn hardware_ui(ui: &mut egui::Ui, lines: &mut Vec<HardwareLine>, version: u64) {
    ui.horizontal(|ui| {
        ui.strong("Hardware");
        if ui.button("Add hardware").clicked() {
            lines.push(HardwareLine {
                description: String::new(),
                quantity: 1,
                unit_cost: Decimal::ZERO,
                acquisition: Acquisition::Purchased,
                source: None,
            });
        }
    });
    let list = LineList {
        noun: "Hardware",
        columns: &[
            ("Quantity", 80.0),
            ("Unit cost", 90.0),
            ("Acquisition", 104.0),
            ("Lease", 230.0),
        ],
        description: |line: &mut HardwareLine| &mut line.description,
        text: |line: &HardwareLine| line.description.as_str(),
        amount: |line: &HardwareLine| times(line.unit_cost, line.quantity),
    };
    list.show(ui, lines, version, |row, index, line| {
        let n = index + 1;
        row.col(|ui| {
            count_field_ui(
                ui,
                &mut line.quantity,
                limits::QUANTITY,
                &format!("Hardware quantity, line {n}"),
            );
        });
        row.col(|ui| {
            decimal_field_ui(
                ui,
                &format!("hardware-cost-{index}"),
                &mut line.unit_cost,
                &format!("Hardware unit cost, line {n}"),
            );
        });
        row.col(|ui| acquisition_ui(ui, index, &mut line.acquisition));
        row.col(|ui| lease_ui(ui, index, &mut line.acquisition));
    });
}

fn acquisition_ui(ui: &mut egui::Ui, index: usize, acquisition: &mut Acquisition) {
    let chosen = match acquisition {
        Acquisition::Purchased => "Purchased",
        Acquisition::Leased { .. } => "Leased",
        Acquisition::Monthly => "Monthly",
    };
    let response = egui::ComboBox::from_id_salt(("acquisition", index))
        .selected_text(chosen)
        .width(92.0)
        .show_ui(ui, |ui| {
            let leased = Acquisition::Leased {
                apr_percent: Decimal::ZERO,
                months: 36,
            };
            for (text, value) in [
                ("Purchased", Acquisition::Purchased),
                ("Leased", leased),
                ("Monthly", Acquisition::Monthly),
            ] {
                if ui.selectable_label(chosen == text, text).clicked() && chosen != text {
                    *acquisition = value;
                }
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Acquisition, line {}", index + 1));
}

/// The APR and months of a leased line (nothing for other lines).
fn lease_ui(ui: &mut egui::Ui, index: usize, acquisition: &mut Acquisition) {
    let n = index + 1;
    if let Acquisition::Leased {
        apr_percent,
        months,
    } = acquisition
    {
        decimal_field_ui(
            ui,
            &format!("lease-apr-{index}"),
            apr_percent,
            &format!("Lease APR percent, line {n}"),
        );
        ui.label("% over");
        count_field_ui(
            ui,
            months,
            limits::MONTHS,
            &format!("Lease months, line {n}"),
        );
        ui.label("months");
    }
}

fn software_ui(ui: &mut egui::Ui, lines: &mut Vec<SoftwareLine>, version: u64) {
    ui.horizontal(|ui| {
        ui.strong("Software licences");
        if ui.button("Add software").clicked() {
            lines.push(SoftwareLine {
                description: String::new(),
                basis: SoftwareBasis::PerDevice,
                quantity: None,
                unit_cost: Decimal::ZERO,
                billing: SoftwareBilling::Monthly,
                source: None,
            });
        }
    });
    let list = LineList {
        noun: "Software",
        columns: &[
            ("Basis", 110.0),
            ("Quantity", 130.0),
            ("Unit cost", 90.0),
            ("Billing", 100.0),
        ],
        description: |line: &mut SoftwareLine| &mut line.description,
        text: |line: &SoftwareLine| line.description.as_str(),
        amount: |line: &SoftwareLine| times(line.unit_cost, line.quantity.unwrap_or(1)),
    };
    list.show(ui, lines, version, |row, index, line| {
        let n = index + 1;
        row.col(|ui| software_basis_ui(ui, index, &mut line.basis));
        row.col(|ui| {
            optional_count_ui(
                ui,
                &mut line.quantity,
                &format!("Software quantity, line {n}"),
            );
        });
        row.col(|ui| {
            decimal_field_ui(
                ui,
                &format!("software-cost-{index}"),
                &mut line.unit_cost,
                &format!("Software unit cost, line {n}"),
            );
        });
        row.col(|ui| software_billing_ui(ui, index, &mut line.billing));
    });
}

fn software_basis_ui(ui: &mut egui::Ui, index: usize, basis: &mut SoftwareBasis) {
    let text = match basis {
        SoftwareBasis::PerDevice => "per device",
        SoftwareBasis::PerUser => "per user",
        SoftwareBasis::Flat => "flat",
    };
    let response = egui::ComboBox::from_id_salt(("software-basis", index))
        .selected_text(text)
        .width(96.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(basis, SoftwareBasis::PerDevice, "per device");
            ui.selectable_value(basis, SoftwareBasis::PerUser, "per user");
            ui.selectable_value(basis, SoftwareBasis::Flat, "flat");
        });
    let _ = response
        .response
        .accessible_name(format!("Software basis, line {}", index + 1));
}

fn software_billing_ui(ui: &mut egui::Ui, index: usize, billing: &mut SoftwareBilling) {
    let text = match billing {
        SoftwareBilling::Monthly => "monthly",
        SoftwareBilling::Annual => "annual",
    };
    let response = egui::ComboBox::from_id_salt(("software-billing", index))
        .selected_text(text)
        .width(86.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(billing, SoftwareBilling::Monthly, "monthly");
            ui.selectable_value(billing, SoftwareBilling::Annual, "annual");
        });
    let _ = response
        .response
        .accessible_name(format!("Software billing, line {}", index + 1));
}

/// A count that may be left to the engine ("auto": devices, users or 1).
pub(super) fn optional_count_ui(ui: &mut egui::Ui, quantity: &mut Option<u32>, name: &str) {
    let mut automatic = quantity.is_none();
    if ui
        .checkbox(&mut automatic, "auto")
        .on_hover_text("Count the managed devices, the users, or 1 (flat)")
        .changed()
    {
        *quantity = if automatic { None } else { Some(1) };
    }
    if let Some(count) = quantity {
        count_field_ui(ui, count, limits::QUANTITY, name);
    }
}

fn markups_ui(ui: &mut egui::Ui, book: &PriceBook, analysis: &mut CostAnalysis) {
    ui.strong("Markups");
    egui::Grid::new("markups").striped(true).show(ui, |ui| {
        for category in CostCategory::ALL
            .into_iter()
            .filter(|category| category.takes_markup())
        {
            let book_value = book
                .cost_defaults
                .markups
                .get(category.id())
                .copied()
                .unwrap_or(Decimal::ZERO);
            ui.label(category.label());
            override_ui(
                ui,
                &mut analysis.markups,
                category.id(),
                book_value,
                &format!("Markup percent, {}", category.label()),
                &format!("{}%", percent_text(book_value)),
            );
            ui.end_row();
        }
    });
}

/// A value the quote may override: a checkbox and, when checked, a decimal field.
pub(super) fn override_ui(
    ui: &mut egui::Ui,
    overrides: &mut std::collections::BTreeMap<String, Decimal>,
    key: &str,
    book_value: Decimal,
    name: &str,
    book_text: &str,
) {
    let mut custom = overrides.contains_key(key);
    if ui
        .checkbox(&mut custom, format!("override (book: {book_text})"))
        .changed()
    {
        if custom {
            overrides.insert(key.to_string(), book_value);
        } else {
            overrides.remove(key);
        }
    }
    if let Some(value) = overrides.get_mut(key) {
        decimal_field_ui(ui, &format!("override-{name}"), value, name);
    } else {
        ui.label("");
    }
}

/// Money in the book's currency ("$4,830.00").
pub(super) fn money_plain(book: &PriceBook, amount: Decimal) -> String {
    book.currency.money(amount)
}
