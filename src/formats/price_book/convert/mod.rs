//! Raw price book -> validated [`PriceBook`], reporting every problem with its field path.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::{Checker, Problem};

mod branding;
mod cost_defaults;
mod schedules;
mod terms;
mod tiers;

use branding::branding_of;
pub use branding::parse_colour;
use cost_defaults::cost_defaults_of;
use schedules::schedule_of;
use terms::terms_of;
use tiers::tier_of;

/// Converts a raw book, reporting every problem at once.
pub fn validate(raw: &RawPriceBook) -> Result<PriceBook, Vec<Problem>> {
    let mut check = Checker::default();
    let decimals = raw.currency.decimals;
    if decimals > 4 {
        check.error(
            "currency.decimals",
            format!("{decimals} decimal places; at most 4"),
        );
    }
    for (path, text) in [
        ("id", &raw.id),
        ("name", &raw.name),
        ("version", &raw.version),
    ] {
        if text.trim().is_empty() {
            check.error(path, "must not be empty");
        }
    }
    let effective_date = check.date("effective_date", &raw.effective_date);

    check.unique_ids(
        "device_kinds",
        raw.device_kinds.iter().map(|k| k.id.as_str()),
    );
    let kinds: BTreeSet<&str> = raw.device_kinds.iter().map(|k| k.id.as_str()).collect();
    let schedule_ids: BTreeSet<&str> = raw
        .discount_schedules
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let rate_ids: BTreeSet<&str> = raw.hourly_rates.iter().map(|r| r.id.as_str()).collect();

    check.unique_ids("tiers", raw.tiers.iter().map(|t| t.id.as_str()));
    let tiers = raw
        .tiers
        .iter()
        .enumerate()
        .map(|(index, tier)| {
            tier_of(
                &mut check,
                index,
                tier,
                decimals,
                &kinds,
                &schedule_ids,
                &rate_ids,
            )
        })
        .collect();

    check.unique_ids(
        "discount_schedules",
        raw.discount_schedules.iter().map(|s| s.id.as_str()),
    );
    let discount_schedules = raw
        .discount_schedules
        .iter()
        .enumerate()
        .map(|(index, schedule)| schedule_of(&mut check, index, schedule, &kinds))
        .collect();

    super::kinds::check_kind_schedules_apply(&mut check, raw);
    let terms = terms_of(&mut check, &raw.terms, decimals);
    let setup = SetupFee {
        amount: check.amount("setup.amount", &raw.setup.amount, decimals),
        upfront_offered: raw.setup.upfront_offered,
        amortized_offered: raw.setup.amortized_offered,
    };
    if !setup.upfront_offered && !setup.amortized_offered {
        check.error("setup", "neither upfront nor amortized is offered");
    }

    check.unique_ids(
        "hourly_rates",
        raw.hourly_rates.iter().map(|r| r.id.as_str()),
    );
    let hourly_rates = raw
        .hourly_rates
        .iter()
        .enumerate()
        .map(|(index, rate)| {
            let path = format!("hourly_rates[{index}]");
            if rate.billing_increment_minutes == 0 {
                check.error(
                    format!("{path}.billing_increment_minutes"),
                    "must be at least 1",
                );
            }
            HourlyRate {
                id: rate.id.clone(),
                name: rate.name.clone(),
                rate: check.amount(&format!("{path}.rate"), &rate.rate, decimals),
                billing_increment_minutes: rate.billing_increment_minutes,
                discountable: rate.discountable,
                on_site: rate.on_site,
                travel_premium: rate
                    .travel_premium
                    .as_deref()
                    .map_or(Decimal::ZERO, |text| {
                        check.amount(&format!("{path}.travel_premium"), text, decimals)
                    }),
            }
        })
        .collect();

    check.unique_ids("addons", raw.addons.iter().map(|a| a.id.as_str()));
    let addons = raw
        .addons
        .iter()
        .enumerate()
        .map(|(index, addon)| AddOn {
            id: addon.id.clone(),
            name: addon.name.clone(),
            unit: match addon.unit {
                RawAddOnUnit::PerDevice => AddOnUnit::PerDevice,
                RawAddOnUnit::PerUser => AddOnUnit::PerUser,
                RawAddOnUnit::Flat => AddOnUnit::Flat,
            },
            monthly_price: check.amount(
                &format!("addons[{index}].monthly_price"),
                &addon.monthly_price,
                decimals,
            ),
            discountable: addon.discountable,
        })
        .collect();

    let contract = ContractRules {
        late_fee_percent_per_month: check.percent(
            "contract.late_fee_percent_per_month",
            &raw.contract.late_fee_percent_per_month,
        ),
        liquidated_damages_months: raw.contract.liquidated_damages_months,
        quote_valid_days: raw.contract.quote_valid_days,
    };
    if raw.technical_support.accrual_increment_minutes == 0 {
        check.error(
            "technical_support.accrual_increment_minutes",
            "must be at least 1",
        );
    }
    let flex_time = FlexTimeRules {
        bank_cap_hours: check.hours("flex_time.bank_cap_hours", &raw.flex_time.bank_cap_hours),
        expires_at_calendar_year_end: raw.flex_time.expires_at_calendar_year_end,
        on_site_block_hours: check.hours(
            "flex_time.on_site_block_hours",
            &raw.flex_time.on_site_block_hours,
        ),
    };
    if flex_time.on_site_block_hours.is_zero() {
        check.error(
            "flex_time.on_site_block_hours",
            "must be above 0 (on-site flex time is billed in blocks of this many hours)",
        );
    }
    let guardrails = Guardrails {
        max_extra_discount_percent: check.percent(
            "guardrails.max_extra_discount_percent",
            &raw.guardrails.max_extra_discount_percent,
        ),
        margin_floor_percent: check.percent(
            "guardrails.margin_floor_percent",
            &raw.guardrails.margin_floor_percent,
        ),
    };
    let branding = branding_of(&mut check, &raw.branding);
    let cost_defaults = raw
        .cost_defaults
        .as_ref()
        .map(|defaults| cost_defaults_of(&mut check, defaults, decimals, &kinds))
        .unwrap_or_default();
    let options = super::options::options_of(&mut check, raw, decimals);
    let service_levels = raw
        .service_levels
        .as_ref()
        .map(|levels| super::service_levels::service_levels_of(&mut check, levels));

    let book = PriceBook {
        id: raw.id.clone(),
        name: raw.name.clone(),
        version: raw.version.clone(),
        effective_date,
        currency: Currency {
            code: raw.currency.code.clone(),
            symbol: raw.currency.symbol.clone(),
            decimals,
        },
        device_kinds: raw
            .device_kinds
            .iter()
            .map(|kind| DeviceKind {
                id: kind.id.clone(),
                name: kind.name.clone(),
                counted_from_users: kind.counted_from_users,
            })
            .collect(),
        tiers,
        discount_schedules,
        terms,
        setup,
        hourly_rates,
        addons,
        contract,
        technical_support: TechnicalSupportRules {
            accrual_increment_minutes: raw.technical_support.accrual_increment_minutes,
            carry_over: raw.technical_support.carry_over,
        },
        flex_time,
        guardrails,
        customer_requirements: raw.customer_requirements.clone(),
        patch_targets: raw
            .patch_targets
            .iter()
            .map(|target| PatchTarget {
                class: target.class.clone(),
                target: target.target.clone(),
            })
            .collect(),
        service_levels,
        branding,
        cost_defaults,
        options,
    };
    if check.problems.is_empty() {
        Ok(book)
    } else {
        Err(check.problems)
    }
}
