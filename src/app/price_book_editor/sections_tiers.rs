//! Tiers: a virtualised row per tier (name, a price per device kind, included hours,
//! internal reserve, discount schedule), then each tier's details (id, inclusions, rate
//! overrides).

use super::fields::{Form, id_choice_ui, list_field_ui, row_ui, rows_ui};
use crate::formats::price_book::raw::{RawPriceBook, RawRateOverride, RawTier};

/// The tiers section.
pub(crate) fn tiers_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    let kinds: Vec<(String, String)> = raw
        .device_kinds
        .iter()
        .map(|kind| (kind.id.clone(), kind.name.clone()))
        .collect();
    let schedules: Vec<String> = raw
        .discount_schedules
        .iter()
        .map(|schedule| schedule.id.clone())
        .collect();
    ui.weak("Monthly price per device (empty: the tier does not price that kind); hours per device a month; the reserve is internal.");
    let tiers = &mut raw.tiers;
    rows_ui(ui, "tiers", tiers.len(), |ui, index| {
        if let Some(tier) = tiers.get_mut(index) {
            tier_row_ui(ui, form, index, tier, &kinds, &schedules);
        }
    });
    form.problems_ui(ui, "tiers");
    let rate_ids: Vec<String> = raw
        .hourly_rates
        .iter()
        .map(|rate| rate.id.clone())
        .collect();
    let mut remove = None;
    for (index, tier) in raw.tiers.iter_mut().enumerate() {
        let path = format!("tiers[{index}]");
        let marker = if form.has_problems_inside(&path) {
            " (has problems)"
        } else {
            ""
        };
        egui::CollapsingHeader::new(format!("{} details{marker}", tier.name))
            .id_salt(("book-editor-tier", index))
            .show(ui, |ui| {
                tier_details_ui(ui, form, &path, tier, &rate_ids, &kinds, &schedules);
                if form.button(
                    ui,
                    "Remove this tier",
                    &format!("Remove tier {}", index + 1),
                ) {
                    remove = Some(index);
                }
            });
    }
    if let Some(index) = remove {
        raw.tiers.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a tier (a copy of the last)", "Add a tier")
        && let Some(last) = raw.tiers.last().cloned()
    {
        let mut tier = last;
        tier.id = format!("{}-copy", tier.id);
        tier.name = format!("{} copy", tier.name);
        raw.tiers.push(tier);
        form.mark_changed();
    }
}

/// One tier's one-line row.
fn tier_row_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    index: usize,
    tier: &mut RawTier,
    kinds: &[(String, String)],
    schedules: &[String],
) {
    let path = format!("tiers[{index}]");
    let tier_name = tier.name.clone();
    form.text(
        ui,
        &format!("{path}.name"),
        &format!("Tier {} name", index + 1),
        &mut tier.name,
    );
    for (kind, kind_name) in kinds {
        let mut text = tier.monthly_prices.get(kind).cloned().unwrap_or_default();
        let before = text.clone();
        form.amount(
            ui,
            &format!("{path}.monthly_prices.{kind}"),
            &format!("{tier_name} monthly price, {kind_name}"),
            &mut text,
        );
        if text != before {
            if text.trim().is_empty() {
                tier.monthly_prices.remove(kind);
            } else {
                tier.monthly_prices.insert(kind.clone(), text);
            }
        }
    }
    form.problems_ui(ui, &format!("{path}.monthly_prices"));
    ui.label("support h");
    form.amount(
        ui,
        &format!("{path}.included_support_hours"),
        &format!("{tier_name} included support hours"),
        &mut tier.included_support_hours,
    );
    ui.label("flex h");
    form.amount(
        ui,
        &format!("{path}.included_flex_hours"),
        &format!("{tier_name} included flex hours"),
        &mut tier.included_flex_hours,
    );
    ui.label("reserve");
    form.amount(
        ui,
        &format!("{path}.internal_reserve_per_device"),
        &format!("{tier_name} internal reserve per device"),
        &mut tier.internal_reserve_per_device,
    );
    if id_choice_ui(
        ui,
        &format!("{path}.discount_schedule"),
        &format!("{tier_name} discount schedule"),
        &mut tier.discount_schedule,
        schedules,
        "no discount",
    ) {
        form.mark_changed();
    }
    form.problems_ui(ui, &format!("{path}.discount_schedule"));
    form.problems_ui(ui, &path);
}

/// A tier's id, inclusions, rate overrides, and prices for kinds the book does not declare.
fn tier_details_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    tier: &mut RawTier,
    rate_ids: &[String],
    kinds: &[(String, String)],
    schedules: &[String],
) {
    let name = tier.name.clone();
    row_ui(ui, "Tier id", |ui| {
        form.text(
            ui,
            &format!("{path}.id"),
            &format!("{name} tier id"),
            &mut tier.id,
        );
    });
    ui.label("Inclusions (what the customer gets, one per line)");
    list_field_ui(
        ui,
        form,
        &format!("{path}.inclusions"),
        &format!("{name} inclusions, one per line"),
        &mut tier.inclusions,
    );
    kind_schedules_ui(ui, form, path, tier, kinds, schedules);
    ui.label("Hourly rates for this tier (card rate unless overridden)");
    for rate in rate_ids {
        rate_override_ui(ui, form, path, &name, rate, tier);
    }
    for rate in tier.rate_overrides.keys() {
        if !rate_ids.contains(rate) {
            form.problems_ui(ui, &format!("{path}.rate_overrides.{rate}"));
        }
    }
}

/// One hourly rate of a tier: card rate, included, or an own rate.
fn rate_override_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    tier_name: &str,
    rate: &str,
    tier: &mut RawTier,
) {
    let field = format!("{path}.rate_overrides.{rate}");
    let name = format!("{tier_name} rate {rate}");
    row_ui(ui, rate, |ui| {
        let current = match tier.rate_overrides.get(rate) {
            None => 0,
            Some(RawRateOverride::Included) => 1,
            Some(RawRateOverride::Rate(_)) => 2,
        };
        if let Some(chosen) = form.choice(
            ui,
            "",
            &name,
            current,
            &["card rate", "included", "own rate"],
        ) {
            match chosen {
                0 => {
                    tier.rate_overrides.remove(rate);
                }
                1 => {
                    tier.rate_overrides
                        .insert(rate.to_string(), RawRateOverride::Included);
                }
                _ => {
                    tier.rate_overrides
                        .insert(rate.to_string(), RawRateOverride::Rate(String::new()));
                }
            }
        }
        match tier.rate_overrides.get_mut(rate) {
            Some(RawRateOverride::Rate(amount)) => {
                form.amount(ui, &field, &format!("{name} own rate"), amount);
            }
            Some(RawRateOverride::Included) => {
                form.problems_ui(ui, &field);
                let mut condition = tier
                    .included_conditions
                    .get(rate)
                    .cloned()
                    .unwrap_or_default();
                let before = condition.clone();
                form.text(
                    ui,
                    &format!("{path}.included_conditions.{rate}"),
                    &format!("{name} included on condition"),
                    &mut condition,
                );
                if condition != before {
                    if condition.trim().is_empty() {
                        tier.included_conditions.remove(rate);
                    } else {
                        tier.included_conditions.insert(rate.to_string(), condition);
                    }
                }
            }
            None => form.problems_ui(ui, &field),
        }
    });
}

/// A discount schedule of its own per device kind (counted on that kind), else the tier's.
fn kind_schedules_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    tier: &mut RawTier,
    kinds: &[(String, String)],
    schedules: &[String],
) {
    ui.label("Discount schedule per kind (else the tier's)");
    for (kind, kind_name) in kinds {
        let field = format!("{path}.kind_discount_schedules.{kind}");
        row_ui(ui, kind_name, |ui| {
            let mut chosen = tier.kind_discount_schedules.get(kind).cloned();
            if id_choice_ui(
                ui,
                &field,
                &format!("{} discount schedule for {kind_name}", tier.name),
                &mut chosen,
                schedules,
                "the tier's schedule",
            ) {
                match chosen {
                    Some(schedule) => tier.kind_discount_schedules.insert(kind.clone(), schedule),
                    None => tier.kind_discount_schedules.remove(kind),
                };
                form.mark_changed();
            }
            form.problems_ui(ui, &field);
        });
    }
}
