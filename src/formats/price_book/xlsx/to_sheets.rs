//! Raw price book -> the workbook's sheets of canonical values.

use super::super::raw::*;
use super::sheets::*;

fn row(key: impl Into<String>, values: Vec<String>) -> Row {
    Row {
        key: key.into(),
        values,
    }
}

fn number(text: &str) -> String {
    canonical_number(text)
}

fn sheet(def: &'static SheetDef, rows: Vec<Row>) -> Sheet {
    Sheet { def, rows }
}

/// The Book sheet's settings: (setting, canonical value).
fn settings(raw: &RawPriceBook) -> Vec<(&'static str, String)> {
    let cost_setup = raw
        .cost_defaults
        .as_ref()
        .map_or(String::new(), |d| number(&d.setup_cost_per_device));
    vec![
        ("id", raw.id.clone()),
        ("name", raw.name.clone()),
        ("version", raw.version.clone()),
        ("effective_date", raw.effective_date.clone()),
        ("currency.code", raw.currency.code.clone()),
        ("currency.symbol", raw.currency.symbol.clone()),
        ("currency.decimals", raw.currency.decimals.to_string()),
        ("setup.amount", number(&raw.setup.amount)),
        ("setup.upfront_offered", yes_no(raw.setup.upfront_offered)),
        (
            "setup.amortized_offered",
            yes_no(raw.setup.amortized_offered),
        ),
        (
            "contract.late_fee_percent_per_month",
            number(&raw.contract.late_fee_percent_per_month),
        ),
        (
            "contract.liquidated_damages_months",
            raw.contract.liquidated_damages_months.to_string(),
        ),
        (
            "contract.quote_valid_days",
            raw.contract.quote_valid_days.to_string(),
        ),
        (
            "technical_support.accrual_increment_minutes",
            raw.technical_support.accrual_increment_minutes.to_string(),
        ),
        (
            "technical_support.carry_over",
            yes_no(raw.technical_support.carry_over),
        ),
        (
            "flex_time.bank_cap_hours",
            number(&raw.flex_time.bank_cap_hours),
        ),
        (
            "flex_time.expires_at_calendar_year_end",
            yes_no(raw.flex_time.expires_at_calendar_year_end),
        ),
        (
            "flex_time.on_site_block_hours",
            number(&raw.flex_time.on_site_block_hours),
        ),
        (
            "guardrails.max_extra_discount_percent",
            number(&raw.guardrails.max_extra_discount_percent),
        ),
        (
            "guardrails.margin_floor_percent",
            number(&raw.guardrails.margin_floor_percent),
        ),
        ("branding.company_name", raw.branding.company_name.clone()),
        (
            "branding.address_lines",
            raw.branding.address_lines.join("\n"),
        ),
        (
            "branding.logo",
            raw.branding.logo.clone().unwrap_or_default(),
        ),
        ("branding.accent_colour", raw.branding.accent_colour.clone()),
        ("branding.paper", variant(&raw.branding.paper)),
        ("cost_defaults.setup_cost_per_device", cost_setup),
    ]
}

/// Every sheet of `raw`, in workbook order (the Notes sheet empty).
pub fn book_sheets(raw: &RawPriceBook) -> Vec<Sheet> {
    let book = settings(raw)
        .into_iter()
        .map(|(setting, value)| row(setting.replace('.', "/"), vec![setting.to_string(), value]))
        .collect();
    let kinds = raw
        .device_kinds
        .iter()
        .map(|k| {
            row(
                format!("device_kinds/{}", k.id),
                vec![k.id.clone(), k.name.clone(), yes_no(k.counted_from_users)],
            )
        })
        .collect();
    let mut sheets = vec![sheet(&BOOK, book), sheet(&KINDS, kinds)];
    sheets.extend(tier_sheets(raw));
    sheets.extend(schedule_sheets(raw));
    sheets.extend(term_sheets(raw));
    sheets.push(sheet(&RATES, rate_rows(raw)));
    sheets.push(sheet(&ADDONS, addon_rows(raw)));
    sheets.extend(cost_sheets(raw));
    sheets.push(sheet(
        &REQUIREMENTS,
        raw.customer_requirements
            .iter()
            .map(|r| row("customer_requirements", vec![r.clone()]))
            .collect(),
    ));
    sheets.push(sheet(
        &PATCHES,
        raw.patch_targets
            .iter()
            .map(|p| {
                row(
                    format!("patch_targets/{}", p.class),
                    vec![p.class.clone(), p.target.clone()],
                )
            })
            .collect(),
    ));
    sheets.push(sheet(&OPTIONS, option_rows(raw)));
    sheets.push(sheet(&NOTES, Vec::new()));
    sheets
}

fn tier_sheets(raw: &RawPriceBook) -> Vec<Sheet> {
    let (mut tiers, mut prices, mut inclusions, mut overrides, mut kind_schedules) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for tier in &raw.tiers {
        let key = format!("tiers/{}", tier.id);
        tiers.push(row(
            &key,
            vec![
                tier.id.clone(),
                tier.name.clone(),
                number(&tier.included_support_hours),
                number(&tier.included_flex_hours),
                number(&tier.internal_reserve_per_device),
                tier.discount_schedule.clone().unwrap_or_default(),
            ],
        ));
        for (kind, price) in &tier.monthly_prices {
            prices.push(row(
                format!("{key}/monthly_prices"),
                vec![tier.id.clone(), kind.clone(), number(price)],
            ));
        }
        for inclusion in &tier.inclusions {
            inclusions.push(row(
                format!("{key}/inclusions"),
                vec![tier.id.clone(), inclusion.clone()],
            ));
        }
        for (rate, value) in &tier.rate_overrides {
            let pays = match value {
                RawRateOverride::Included => "included".to_string(),
                RawRateOverride::Rate(amount) => number(amount),
            };
            let condition = tier
                .included_conditions
                .get(rate)
                .cloned()
                .unwrap_or_default();
            overrides.push(row(
                format!("{key}/rate_overrides"),
                vec![tier.id.clone(), rate.clone(), pays, condition],
            ));
        }
        for (kind, schedule) in &tier.kind_discount_schedules {
            kind_schedules.push(row(
                format!("{key}/kind_discount_schedules"),
                vec![tier.id.clone(), kind.clone(), schedule.clone()],
            ));
        }
    }
    vec![
        sheet(&TIERS, tiers),
        sheet(&PRICES, prices),
        sheet(&INCLUSIONS, inclusions),
        sheet(&OVERRIDES, overrides),
        sheet(&KIND_SCHEDULES, kind_schedules),
    ]
}

fn schedule_sheets(raw: &RawPriceBook) -> Vec<Sheet> {
    let (mut schedules, mut bands) = (Vec::new(), Vec::new());
    for schedule in &raw.discount_schedules {
        let key = format!("discount_schedules/{}", schedule.id);
        schedules.push(row(
            &key,
            vec![
                schedule.id.clone(),
                schedule.mode.as_ref().map(variant).unwrap_or_default(),
                schedule.counted_kind.clone(),
                schedule.applies_to_kinds.join(LIST_SEPARATOR),
                yes_no(schedule.applies_to_discountable_addons),
                variant(&schedule.past_last_band),
            ],
        ));
        for band in &schedule.bands {
            bands.push(row(
                format!("{key}/bands/min={}", band.min),
                vec![
                    schedule.id.clone(),
                    band.min.to_string(),
                    band.max.to_string(),
                    number(&band.discount_percent),
                ],
            ));
        }
    }
    vec![sheet(&SCHEDULES, schedules), sheet(&BANDS, bands)]
}

fn term_sheets(raw: &RawPriceBook) -> Vec<Sheet> {
    let (mut terms, mut credits) = (Vec::new(), Vec::new());
    for term in &raw.terms {
        let key = format!("terms/months={}", term.months);
        terms.push(row(&key, vec![term.months.to_string()]));
        for credit in &term.credits {
            credits.push(row(
                format!("{key}/credits/month={}", credit.month),
                vec![
                    term.months.to_string(),
                    credit.month.to_string(),
                    number(&credit.amount),
                    variant(&credit.per),
                ],
            ));
        }
    }
    vec![sheet(&TERMS, terms), sheet(&CREDITS, credits)]
}

fn rate_rows(raw: &RawPriceBook) -> Vec<Row> {
    raw.hourly_rates
        .iter()
        .map(|rate| {
            row(
                format!("hourly_rates/{}", rate.id),
                vec![
                    rate.id.clone(),
                    rate.name.clone(),
                    number(&rate.rate),
                    rate.billing_increment_minutes.to_string(),
                    yes_no(rate.discountable),
                    yes_no(rate.on_site),
                    rate.travel_premium
                        .as_deref()
                        .map(number)
                        .unwrap_or_default(),
                ],
            )
        })
        .collect()
}

fn addon_rows(raw: &RawPriceBook) -> Vec<Row> {
    raw.addons
        .iter()
        .map(|addon| {
            row(
                format!("addons/{}", addon.id),
                vec![
                    addon.id.clone(),
                    addon.name.clone(),
                    variant(&addon.unit),
                    number(&addon.monthly_price),
                    yes_no(addon.discountable),
                ],
            )
        })
        .collect()
}

fn cost_sheets(raw: &RawPriceBook) -> Vec<Sheet> {
    let (mut roles, mut tasks, mut markups) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(defaults) = &raw.cost_defaults {
        for role in &defaults.labour_roles {
            roles.push(row(
                format!("cost_defaults/labour_roles/{}", role.id),
                vec![
                    role.id.clone(),
                    role.name.clone(),
                    number(&role.hourly_cost),
                ],
            ));
        }
        for task in &defaults.tasks {
            let by_kind: Vec<String> = task
                .hours_by_kind
                .iter()
                .map(|(kind, hours)| format!("{kind}={}", number(hours)))
                .collect();
            tasks.push(row(
                format!("cost_defaults/tasks/{}", task.id),
                vec![
                    task.id.clone(),
                    task.name.clone(),
                    task.role.clone(),
                    number(&task.hours_per_month),
                    by_kind.join(PAIR_SEPARATOR),
                    yes_no(task.per_group),
                    task.components.join(LIST_SEPARATOR),
                ],
            ));
        }
        for (category, percent) in &defaults.markups {
            markups.push(row(
                format!("cost_defaults/markups/{category}"),
                vec![category.clone(), number(percent)],
            ));
        }
    }
    vec![
        sheet(&ROLES, roles),
        sheet(&TASKS, tasks),
        sheet(&MARKUPS, markups),
    ]
}

/// The pricing options as RON text, one row per section the book has.
fn option_rows(raw: &RawPriceBook) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut add = |section: &str, text: Option<String>| {
        if let Some(text) = text {
            rows.push(row(section, vec![section.to_string(), text]));
        }
    };
    add(
        "service_components",
        raw.service_components.as_ref().map(ron_text),
    );
    add(
        "phased_path",
        (!raw.phased_path.is_empty()).then(|| ron_text(&raw.phased_path)),
    );
    add("packages", raw.packages.as_ref().map(ron_text));
    add("time_materials", raw.time_materials.as_ref().map(ron_text));
    add("assessment", raw.assessment.as_ref().map(ron_text));
    add("service_levels", raw.service_levels.as_ref().map(ron_text));
    rows
}

/// A value as compact RON text.
fn ron_text<T: serde::Serialize>(value: &T) -> String {
    ron::ser::to_string(value).unwrap_or_default()
}
