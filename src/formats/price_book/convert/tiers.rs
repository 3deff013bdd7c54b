//! A tier of a raw book -> a validated [`Tier`].

use std::collections::BTreeSet;

use super::super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::Checker;

pub(super) fn tier_of(
    check: &mut Checker,
    index: usize,
    tier: &RawTier,
    decimals: u32,
    kinds: &BTreeSet<&str>,
    schedule_ids: &BTreeSet<&str>,
    rate_ids: &BTreeSet<&str>,
) -> Tier {
    let path = format!("tiers[{index}]");
    let monthly_prices = tier
        .monthly_prices
        .iter()
        .map(|(kind, text)| {
            let field = format!("{path}.monthly_prices.{kind}");
            if !kinds.contains(kind.as_str()) {
                check.error(&field, format!("unknown device kind '{kind}'"));
            }
            (kind.clone(), check.amount(&field, text, decimals))
        })
        .collect();
    if tier.monthly_prices.is_empty() {
        check.error(
            format!("{path}.monthly_prices"),
            "a tier needs at least one price",
        );
    }
    let rate_overrides = tier
        .rate_overrides
        .iter()
        .map(|(rate, override_)| {
            let field = format!("{path}.rate_overrides.{rate}");
            if !rate_ids.contains(rate.as_str()) {
                check.error(&field, format!("unknown hourly rate '{rate}'"));
            }
            let value = match override_ {
                RawRateOverride::Included => RateOverride::Included,
                RawRateOverride::Rate(text) => {
                    RateOverride::Rate(check.amount(&field, text, decimals))
                }
            };
            (rate.clone(), value)
        })
        .collect();
    super::super::kinds::check_tier_additions(check, &path, tier, kinds, schedule_ids);
    if let Some(schedule) = &tier.discount_schedule
        && !schedule_ids.contains(schedule.as_str())
    {
        check.error(
            format!("{path}.discount_schedule"),
            format!("unknown discount schedule '{schedule}'"),
        );
    }
    Tier {
        id: tier.id.clone(),
        name: tier.name.clone(),
        monthly_prices,
        inclusions: tier.inclusions.clone(),
        included_support_hours: check.hours(
            &format!("{path}.included_support_hours"),
            &tier.included_support_hours,
        ),
        included_flex_hours: check.hours(
            &format!("{path}.included_flex_hours"),
            &tier.included_flex_hours,
        ),
        rate_overrides,
        included_conditions: tier.included_conditions.clone(),
        internal_reserve_per_device: check.amount(
            &format!("{path}.internal_reserve_per_device"),
            &tier.internal_reserve_per_device,
            decimals,
        ),
        discount_schedule: tier.discount_schedule.clone(),
        kind_discount_schedules: tier.kind_discount_schedules.clone(),
    }
}
