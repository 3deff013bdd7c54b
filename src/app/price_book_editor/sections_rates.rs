//! Hourly rates (billing increment, on-site, travel premium) and add-ons, each a virtualised
//! list of one-line rows.

use super::fields::{Form, rows_ui};
use crate::formats::price_book::raw::{RawAddOn, RawAddOnUnit, RawHourlyRate};

/// The rate card.
pub(crate) fn hourly_rates_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    rates: &mut Vec<RawHourlyRate>,
) {
    ui.weak("Id, name, rate per hour, billing increment (minutes), travel premium (empty: none)");
    let mut remove = None;
    rows_ui(ui, "hourly_rates", rates.len(), |ui, index| {
        if let Some(rate) = rates.get_mut(index)
            && hourly_rate_row_ui(ui, form, index, rate)
        {
            remove = Some(index);
        }
    });
    form.problems_ui(ui, "hourly_rates");
    if let Some(index) = remove {
        rates.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add an hourly rate", "Add an hourly rate")
        && let Some(mut rate) = rates.last().cloned()
    {
        rate.id = format!("{}-copy", rate.id);
        rate.name = format!("{} copy", rate.name);
        rates.push(rate);
        form.mark_changed();
    }
}

/// One rate's row; true when its Remove button was clicked.
fn hourly_rate_row_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    index: usize,
    rate: &mut RawHourlyRate,
) -> bool {
    let path = format!("hourly_rates[{index}]");
    let number = index + 1;
    let name = rate.name.clone();
    form.text(
        ui,
        &format!("{path}.id"),
        &format!("Rate {number} id"),
        &mut rate.id,
    );
    form.text(
        ui,
        &format!("{path}.name"),
        &format!("Rate {number} name"),
        &mut rate.name,
    );
    form.amount(
        ui,
        &format!("{path}.rate"),
        &format!("{name} rate"),
        &mut rate.rate,
    );
    form.count(
        ui,
        &format!("{path}.billing_increment_minutes"),
        &format!("{name} billing increment minutes"),
        &mut rate.billing_increment_minutes,
    );
    form.flag(ui, "", "on-site", &mut rate.on_site);
    form.flag(ui, "", "discountable", &mut rate.discountable);
    let mut premium = rate.travel_premium.clone().unwrap_or_default();
    let before = premium.clone();
    form.amount(
        ui,
        &format!("{path}.travel_premium"),
        &format!("{name} travel premium"),
        &mut premium,
    );
    if premium != before {
        rate.travel_premium = (!premium.trim().is_empty()).then_some(premium);
    }
    let removed = form.button(ui, "Remove", &format!("Remove rate {number}"));
    form.problems_ui(ui, &path);
    removed
}

/// The add-ons.
pub(crate) fn addons_ui(ui: &mut egui::Ui, form: &mut Form<'_>, addons: &mut Vec<RawAddOn>) {
    ui.weak("Id, name, unit, monthly price");
    let mut remove = None;
    rows_ui(ui, "addons", addons.len(), |ui, index| {
        if let Some(addon) = addons.get_mut(index)
            && addon_row_ui(ui, form, index, addon)
        {
            remove = Some(index);
        }
    });
    form.problems_ui(ui, "addons");
    if let Some(index) = remove {
        addons.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add an add-on", "Add an add-on") {
        let number = addons.len() + 1;
        let addon = addons.last().cloned().map_or_else(
            || RawAddOn {
                id: format!("addon-{number}"),
                name: format!("Add-on {number}"),
                unit: RawAddOnUnit::PerDevice,
                monthly_price: "0.00".to_string(),
                discountable: false,
            },
            |mut last| {
                last.id = format!("{}-copy", last.id);
                last.name = format!("{} copy", last.name);
                last
            },
        );
        addons.push(addon);
        form.mark_changed();
    }
}

/// One add-on's row; true when its Remove button was clicked.
fn addon_row_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    index: usize,
    addon: &mut RawAddOn,
) -> bool {
    let path = format!("addons[{index}]");
    let number = index + 1;
    form.text(
        ui,
        &format!("{path}.id"),
        &format!("Add-on {number} id"),
        &mut addon.id,
    );
    form.text(
        ui,
        &format!("{path}.name"),
        &format!("Add-on {number} name"),
        &mut addon.name,
    );
    let units = [
        RawAddOnUnit::PerDevice,
        RawAddOnUnit::PerUser,
        RawAddOnUnit::Flat,
    ];
    let current = match addon.unit {
        RawAddOnUnit::PerDevice => 0,
        RawAddOnUnit::PerUser => 1,
        RawAddOnUnit::Flat => 2,
    };
    if let Some(chosen) = form.choice(
        ui,
        &format!("{path}.unit"),
        &format!("Add-on {number} unit"),
        current,
        &["per device", "per user", "flat"],
    ) {
        addon.unit = units[chosen];
    }
    form.amount(
        ui,
        &format!("{path}.monthly_price"),
        &format!("Add-on {number} monthly price"),
        &mut addon.monthly_price,
    );
    form.flag(ui, "", "discountable", &mut addon.discountable);
    let removed = form.button(ui, "Remove", &format!("Remove add-on {number}"));
    form.problems_ui(ui, &path);
    removed
}
