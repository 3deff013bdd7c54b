//! Validation of what lets a book price any kind: included conditions, a schedule per kind,
//! labour hours per kind.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::raw::{RawLabourTask, RawPriceBook, RawRateOverride, RawTier};
use crate::formats::problem::Checker;

/// A tier's included conditions name included rates; its kind schedules name known kinds
/// and schedules.
pub fn check_tier_additions(
    check: &mut Checker,
    path: &str,
    tier: &RawTier,
    kinds: &BTreeSet<&str>,
    schedule_ids: &BTreeSet<&str>,
) {
    for (rate, condition) in &tier.included_conditions {
        let field = format!("{path}.included_conditions.{rate}");
        if !matches!(
            tier.rate_overrides.get(rate),
            Some(RawRateOverride::Included)
        ) {
            check.error(
                &field,
                format!(
                    "'{rate}' is not an included rate of this tier (write `\"{rate}\": included` in rate_overrides)"
                ),
            );
        }
        if condition.trim().is_empty() {
            check.error(&field, "must not be empty");
        }
    }
    for (kind, schedule) in &tier.kind_discount_schedules {
        let field = format!("{path}.kind_discount_schedules.{kind}");
        if !kinds.contains(kind.as_str()) {
            check.error(&field, format!("unknown device kind '{kind}'"));
        }
        if !schedule_ids.contains(schedule.as_str()) {
            check.error(&field, format!("unknown discount schedule '{schedule}'"));
        }
    }
}

/// A tier's schedule for a kind must apply to that kind.
pub fn check_kind_schedules_apply(check: &mut Checker, raw: &RawPriceBook) {
    for (index, tier) in raw.tiers.iter().enumerate() {
        for (kind, id) in &tier.kind_discount_schedules {
            let applies = raw
                .discount_schedules
                .iter()
                .find(|schedule| &schedule.id == id)
                .is_none_or(|schedule| schedule.applies_to_kinds.contains(kind));
            if !applies {
                check.error(
                    format!("tiers[{index}].kind_discount_schedules.{kind}"),
                    format!(
                        "schedule '{id}' does not apply to '{kind}' (add it to its applies_to_kinds)"
                    ),
                );
            }
        }
    }
}

/// A task's hours per kind, each kind known and each a non-negative quantity.
pub fn hours_by_kind(
    check: &mut Checker,
    path: &str,
    task: &RawLabourTask,
    kinds: &BTreeSet<&str>,
) -> BTreeMap<String, Decimal> {
    task.hours_by_kind
        .iter()
        .map(|(kind, text)| {
            let field = format!("{path}.hours_by_kind.{kind}");
            if !kinds.contains(kind.as_str()) {
                check.error(&field, format!("unknown device kind '{kind}'"));
            }
            (kind.clone(), check.quantity(&field, text))
        })
        .collect()
}
