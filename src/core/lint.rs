//! Price-book warnings: things that are valid but probably not what the provider wants.

use rust_decimal::Decimal;

use super::bands::volume_cliffs;
use super::money::{Checked, display};
use super::price_book::{DiscountMode, PriceBook};

/// Warnings about a valid book: volume-band cliffs, where one more device lowers the total,
/// named per tier and kind with both totals.
pub fn lint_price_book(book: &PriceBook) -> Vec<String> {
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
