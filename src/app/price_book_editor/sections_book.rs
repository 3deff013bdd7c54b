//! The book's identity, device kinds, the rules sections (setup, contract, support, flex
//! time, guardrails, requirements, patch targets) and branding.

use super::fields::{Form, list_field_ui, row_ui, section_ui};
use crate::formats::price_book::raw::{
    RawBranding, RawDeviceKind, RawPaperSize, RawPatchTarget, RawPriceBook,
};

/// Id, name, version, effective date and currency.
pub(crate) fn identity_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    egui::Grid::new("book-editor-identity").show(ui, |ui| {
        for (label, path, value) in [
            ("Book name", "name", &mut raw.name),
            ("Book version", "version", &mut raw.version),
            ("Effective date", "effective_date", &mut raw.effective_date),
            ("Book id", "id", &mut raw.id),
            ("Currency code", "currency.code", &mut raw.currency.code),
            (
                "Currency symbol",
                "currency.symbol",
                &mut raw.currency.symbol,
            ),
        ] {
            ui.label(label);
            ui.horizontal(|ui| form.text(ui, path, label, value));
            ui.end_row();
        }
        ui.label("Currency decimals");
        ui.horizontal(|ui| {
            form.count(
                ui,
                "currency.decimals",
                "Currency decimals",
                &mut raw.currency.decimals,
            )
        });
        ui.end_row();
    });
}

/// The device kinds: id and name, add and remove.
pub(crate) fn device_kinds_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    kinds: &mut Vec<RawDeviceKind>,
) {
    let mut remove = None;
    for (index, kind) in kinds.iter_mut().enumerate() {
        let path = format!("device_kinds[{index}]");
        let number = index + 1;
        row_ui(ui, &format!("Kind {number}"), |ui| {
            form.text(
                ui,
                &format!("{path}.id"),
                &format!("Kind {number} id"),
                &mut kind.id,
            );
            form.text(
                ui,
                &format!("{path}.name"),
                &format!("Kind {number} name"),
                &mut kind.name,
            );
            form.flag(
                ui,
                &format!("{path}.counted_from_users"),
                &format!("Kind {number} counted from the quote's users"),
                &mut kind.counted_from_users,
            );
            if form.button(ui, "Remove", &format!("Remove kind {number}")) {
                remove = Some(index);
            }
        });
        form.problems_ui(ui, &path);
    }
    form.problems_ui(ui, "device_kinds");
    if let Some(index) = remove {
        kinds.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a device kind", "Add a device kind") {
        let number = kinds.len() + 1;
        // Read from RON so fields the format adds later take their defaults.
        let text = format!("(id: \"kind-{number}\", name: \"Kind {number}\")");
        if let Ok(kind) = ron::from_str::<RawDeviceKind>(&text) {
            kinds.push(kind);
            form.mark_changed();
        }
    }
}

/// Setup, contract, technical support, flex time, guardrails, requirements, patch targets.
pub(crate) fn rules_sections_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    section_ui(ui, form, "Setup", "setup", false, |ui, form| {
        let setup = &mut raw.setup;
        row_ui(ui, "Setup fee", |ui| {
            form.amount(ui, "setup.amount", "Setup fee", &mut setup.amount);
        });
        form.flag(
            ui,
            "setup.upfront_offered",
            "Up front offered",
            &mut setup.upfront_offered,
        );
        form.flag(
            ui,
            "setup.amortized_offered",
            "Amortized offered",
            &mut setup.amortized_offered,
        );
        form.problems_ui(ui, "setup");
    });
    section_ui(ui, form, "Contract terms", "contract", false, |ui, form| {
        let contract = &mut raw.contract;
        row_ui(ui, "Late fee % per month", |ui| {
            form.amount(
                ui,
                "contract.late_fee_percent_per_month",
                "Late fee percent per month",
                &mut contract.late_fee_percent_per_month,
            );
        });
        row_ui(ui, "Liquidated damages, months", |ui| {
            form.count(
                ui,
                "contract.liquidated_damages_months",
                "Liquidated damages months",
                &mut contract.liquidated_damages_months,
            );
        });
        row_ui(ui, "Quote valid, days", |ui| {
            form.count(
                ui,
                "contract.quote_valid_days",
                "Quote valid days",
                &mut contract.quote_valid_days,
            );
        });
    });
    section_ui(
        ui,
        form,
        "Support, flex time and guardrails",
        "guardrails",
        false,
        |ui, form| support_and_guardrails_ui(ui, form, raw),
    );
    section_ui(
        ui,
        form,
        "Customer requirements and patch targets",
        "patch_targets",
        false,
        |ui, form| {
            list_field_ui(
                ui,
                form,
                "customer_requirements",
                "Customer requirements, one per line",
                &mut raw.customer_requirements,
            );
            patch_targets_ui(ui, form, &mut raw.patch_targets);
        },
    );
}

fn support_and_guardrails_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    row_ui(ui, "Support accrual increment, minutes", |ui| {
        form.count(
            ui,
            "technical_support.accrual_increment_minutes",
            "Support accrual increment minutes",
            &mut raw.technical_support.accrual_increment_minutes,
        );
    });
    form.flag(
        ui,
        "technical_support.carry_over",
        "Support hours carry over",
        &mut raw.technical_support.carry_over,
    );
    let flex = &mut raw.flex_time;
    row_ui(ui, "Flex bank cap, hours", |ui| {
        form.amount(
            ui,
            "flex_time.bank_cap_hours",
            "Flex bank cap hours",
            &mut flex.bank_cap_hours,
        );
    });
    row_ui(ui, "On-site block, hours", |ui| {
        form.amount(
            ui,
            "flex_time.on_site_block_hours",
            "On-site block hours",
            &mut flex.on_site_block_hours,
        );
    });
    form.flag(
        ui,
        "flex_time.expires_at_calendar_year_end",
        "Flex time expires at the calendar year end",
        &mut flex.expires_at_calendar_year_end,
    );
    let guardrails = &mut raw.guardrails;
    row_ui(ui, "Extra discount without approval, %", |ui| {
        form.amount(
            ui,
            "guardrails.max_extra_discount_percent",
            "Maximum extra discount percent",
            &mut guardrails.max_extra_discount_percent,
        );
    });
    row_ui(ui, "Margin floor, %", |ui| {
        form.amount(
            ui,
            "guardrails.margin_floor_percent",
            "Margin floor percent",
            &mut guardrails.margin_floor_percent,
        );
    });
}

fn patch_targets_ui(ui: &mut egui::Ui, form: &mut Form<'_>, targets: &mut Vec<RawPatchTarget>) {
    let mut remove = None;
    for (index, target) in targets.iter_mut().enumerate() {
        let number = index + 1;
        let path = format!("patch_targets[{index}]");
        row_ui(ui, &format!("Patch target {number}"), |ui| {
            form.text(
                ui,
                &format!("{path}.class"),
                &format!("Patch target {number} class"),
                &mut target.class,
            );
            form.text(
                ui,
                &format!("{path}.target"),
                &format!("Patch target {number} target"),
                &mut target.target,
            );
            if form.button(ui, "Remove", &format!("Remove patch target {number}")) {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        targets.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a patch target", "Add a patch target") {
        targets.push(RawPatchTarget {
            class: "Class".to_string(),
            target: "Target".to_string(),
        });
        form.mark_changed();
    }
}

/// Company name, address, logo file, accent colour, paper.
pub(crate) fn branding_ui(ui: &mut egui::Ui, form: &mut Form<'_>, branding: &mut RawBranding) {
    row_ui(ui, "Company name", |ui| {
        form.text(
            ui,
            "branding.company_name",
            "Company name",
            &mut branding.company_name,
        );
    });
    list_field_ui(
        ui,
        form,
        "branding.address_lines",
        "Address, one line per line",
        &mut branding.address_lines,
    );
    row_ui(ui, "Logo file (PNG, relative to the book)", |ui| {
        let mut logo = branding.logo.clone().unwrap_or_default();
        let before = logo.clone();
        form.text(ui, "branding.logo", "Logo file", &mut logo);
        if logo != before {
            branding.logo = (!logo.trim().is_empty()).then_some(logo);
        }
    });
    row_ui(ui, "Accent colour (#RRGGBB)", |ui| {
        form.text(
            ui,
            "branding.accent_colour",
            "Accent colour",
            &mut branding.accent_colour,
        );
    });
    row_ui(ui, "Paper", |ui| {
        let papers = [RawPaperSize::A4, RawPaperSize::Letter];
        let current = usize::from(matches!(branding.paper, RawPaperSize::Letter));
        if let Some(index) = form.choice(ui, "branding.paper", "Paper", current, &["A4", "Letter"])
        {
            branding.paper = papers[index];
        }
    });
}
