//! Price-book warnings: things that are valid but probably not what the provider wants:
//! volume cliffs, markups that cannot reach the margin floor, tiers priced below their own
//! included-hours labour, add-ons priced at zero.

use rust_decimal::Decimal;

use super::bands::volume_cliffs;
use super::money::{Checked, display, percent_text, round_half_away};
use super::price_book::{DiscountMode, LabourRole, PriceBook};

/// Warnings about a valid book: volume-band cliffs (one more device lowers the total, named
/// per tier and kind with both totals), markups whose margin is under the floor, tier prices
/// below the labour cost of their included hours, add-ons priced at zero.
pub fn lint_price_book(book: &PriceBook) -> Vec<String> {
    let mut warnings = customer_safe_lint(book);
    warnings.extend(markup_floor_warnings(book));
    warnings.extend(included_hours_warnings(book));
    warnings
}

/// The warnings that name no internal figure (cost, markup, margin): volume cliffs and
/// add-ons priced at zero. What a screen in meeting mode may show.
pub fn customer_safe_lint(book: &PriceBook) -> Vec<String> {
    let mut warnings = volume_cliff_warnings(book);
    warnings.extend(
        book.addons
            .iter()
            .filter(|addon| addon.monthly_price.is_zero())
            .map(|addon| {
                format!(
                    "add-on '{}' ({}) is priced at zero: a quote that adds it earns nothing",
                    addon.id, addon.name
                )
            }),
    );
    warnings
}

/// The volume-band cliffs of every schedule, per tier that uses it.
fn volume_cliff_warnings(book: &PriceBook) -> Vec<String> {
    let mut warnings = Vec::new();
    let hundred = Decimal::ONE_HUNDRED;
    let decimals = book.currency.decimals;
    for schedule in &book.discount_schedules {
        if schedule.mode != DiscountMode::Volume {
            continue;
        }
        let kind_name = book.kind_name(&schedule.counted_kind).to_lowercase();
        for cliff in volume_cliffs(&schedule.bands) {
            let below = cliff.last_of_band;
            let above = below.saturating_add(1);
            let percent_at = |count: u32| {
                schedule
                    .bands
                    .iter()
                    .find(|band| band.contains(count))
                    .map_or(Decimal::ZERO, |band| band.discount_percent)
            };
            for tier in &book.tiers {
                if tier.discount_schedule.as_deref() != Some(schedule.id.as_str()) {
                    continue;
                }
                let Some(list) = tier.monthly_prices.get(&schedule.counted_kind) else {
                    continue;
                };
                let total = |count: u32| {
                    ((Checked::from(*list) * (Checked::from(hundred) - percent_at(count))
                        / hundred)
                        .round(decimals)
                        * count)
                        .value()
                };
                // A total too large to compute is no cliff worth a warning.
                let (Some(before), Some(after)) = (total(below), total(above)) else {
                    continue;
                };
                if after < before {
                    warnings.push(format!(
                        "volume cliff in '{}': {} {below} -> {above} {kind_name}s, the monthly total falls from {} to {}",
                        schedule.id,
                        tier.name,
                        display(before, &book.currency.symbol, decimals),
                        display(after, &book.currency.symbol, decimals),
                    ));
                }
            }
        }
    }
    warnings
}

/// The best gross margin a markup of `markup_percent` can give, in percent:
/// m / (1 + m) (a 40% markup is a 28.57% margin). `None` only on overflow.
pub fn margin_of_markup(markup_percent: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    let divisor = hundred.checked_add(markup_percent)?;
    if divisor.is_zero() {
        return None;
    }
    markup_percent.checked_mul(hundred)?.checked_div(divisor)
}

/// The smallest markup that reaches a margin of `margin_percent`: f / (1 - f), in percent
/// (a 30% floor needs 42.86%). `None` when the margin is 100% or more.
pub fn markup_for_margin(margin_percent: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    let rest = hundred.checked_sub(margin_percent)?;
    if rest <= Decimal::ZERO {
        return None;
    }
    margin_percent.checked_mul(hundred)?.checked_div(rest)
}

/// A markup of the cost defaults whose margin m / (1 + m) is under the book's margin floor:
/// a cost priced with it alone can never reach the floor.
fn markup_floor_warnings(book: &PriceBook) -> Vec<String> {
    let floor = book.guardrails.margin_floor_percent;
    if floor.is_zero() {
        return Vec::new();
    }
    let needed = markup_for_margin(floor)
        .map(|markup| {
            format!(
                "; a markup of at least {}% reaches it",
                percent_text(markup)
            )
        })
        .unwrap_or_default();
    book.cost_defaults
        .markups
        .iter()
        .filter_map(|(category, markup)| {
            let margin = margin_of_markup(*markup)?;
            (margin < floor).then(|| {
                format!(
                    "markup '{category}' {}% gives a margin of {}% at most, under the {}% margin floor{needed}",
                    percent_text(*markup),
                    percent_text(margin),
                    percent_text(floor),
                )
            })
        })
        .collect()
}

/// A tier whose monthly price for a kind is below the labour cost of the hours it includes
/// per device (support + flex hours x the hourly cost of the role that works them).
fn included_hours_warnings(book: &PriceBook) -> Vec<String> {
    let Some(role) = included_hours_role(book) else {
        return Vec::new();
    };
    let decimals = book.currency.decimals;
    let money = |amount| display(amount, &book.currency.symbol, decimals);
    let mut warnings = Vec::new();
    for tier in &book.tiers {
        let Some(hours) = tier
            .included_support_hours
            .checked_add(tier.included_flex_hours)
        else {
            continue;
        };
        let Some(cost) = hours.checked_mul(role.hourly_cost) else {
            continue;
        };
        let cost = round_half_away(cost, decimals);
        for (kind, price) in &tier.monthly_prices {
            if *price < cost {
                warnings.push(format!(
                    "{} {} is priced at {} a month, below the labour cost of its included hours: {} h x {}/h ({}) = {}",
                    tier.name,
                    book.kind_name(kind).to_lowercase(),
                    money(*price),
                    hours.normalize(),
                    money(role.hourly_cost),
                    role.name,
                    money(cost),
                ));
            }
        }
    }
    warnings
}

/// The role that works the tiers' included hours: "technical-specialist" when the book has
/// it, else its first labour role (as the cost analysis does by default).
fn included_hours_role(book: &PriceBook) -> Option<&LabourRole> {
    let roles = &book.cost_defaults.labour_roles;
    roles
        .iter()
        .find(|role| role.id == "technical-specialist")
        .or_else(|| roles.first())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn markup_and_margin_convert_both_ways() {
        // m / (1 + m): 40% -> 0.4 / 1.4 = 28.571...%; 50% -> 33.33%; 0% -> 0%.
        // f / (1 - f): 30% -> 0.3 / 0.7 = 42.857...%.
        let cases = [
            ("40% markup", margin_of_markup(dec!(40)), dec!(28.57)),
            ("50% markup", margin_of_markup(dec!(50)), dec!(33.33)),
            ("0% markup", margin_of_markup(dec!(0)), dec!(0)),
            ("30% floor", markup_for_margin(dec!(30)), dec!(42.86)),
        ];
        for (name, got, expected) in cases {
            let got = got.map(crate::core::money::round_percent);
            assert_eq!(got, Some(expected), "case {name}");
        }
        assert_eq!(markup_for_margin(dec!(100)), None, "no markup reaches 100%");
    }
}
