//! The JSON view of a cost analysis (`msp-quote cost --format json`): money as strings with
//! exactly two decimals, percentages as plain decimal strings ("15.9").

use serde_json::{Value, json};

use crate::core::cost::{CostBreakdown, CostLine};
use crate::core::money::{cents, percent_text};
use crate::core::price_book::Currency;

/// The `cost --format json` object.
pub fn cost_breakdown_json(breakdown: &CostBreakdown) -> Value {
    let mut value = cost_summary_json(breakdown);
    if let Some(object) = value.as_object_mut() {
        let lines = breakdown
            .lines
            .iter()
            .map(|line| cost_line_json(line, &breakdown.currency))
            .collect();
        object.insert(LINES_KEY.to_string(), Value::Array(lines));
    }
    value
}

/// The key of the cost lines in [`cost_breakdown_json`].
pub const LINES_KEY: &str = "lines";

/// One cost line of [`cost_breakdown_json`]'s `lines`; money in `currency` (the breakdown's).
pub fn cost_line_json(line: &CostLine, currency: &Currency) -> Value {
    json!({
        "category": line.category.id(),
        "description": line.description,
        "detail": line.detail_text(currency),
        "monthly_cost": cents(line.monthly_cost),
        "field": line.field,
        "source": line.source,
    })
}

/// [`cost_breakdown_json`] without its `lines` (whose number grows with the analysis): the
/// part a streamed writer holds whole while it writes the lines one by one.
pub fn cost_summary_json(breakdown: &CostBreakdown) -> Value {
    json!({
        "currency": breakdown.currency.code,
        "devices": breakdown.devices,
        "term_months": breakdown.term_months,
        "categories": breakdown.categories.iter().map(|figures| json!({
            "category": figures.category.id(),
            "cost": cents(figures.cost),
            "markup_percent": percent_text(figures.markup_percent),
            "markup": cents(figures.markup),
            "price": cents(figures.price),
        })).collect::<Vec<_>>(),
        "total_monthly_cost": cents(breakdown.total_monthly_cost),
        "total_monthly_markup": cents(breakdown.total_monthly_markup),
        "total_monthly_price": cents(breakdown.total_monthly_price),
        "per_device_monthly_fee": cents(breakdown.per_device_monthly_fee),
        "gross_margin": cents(breakdown.gross_margin),
        "gross_margin_percent": percent_text(breakdown.gross_margin_percent),
        "margin_floor_percent": percent_text(breakdown.margin_floor_percent),
        "tier_comparison": breakdown.tier_comparison.iter().map(|tier| json!({
            "tier": tier.tier,
            "devices": tier.devices,
            "monthly_price": cents(tier.monthly_price),
            "reserve": cents(tier.reserve),
            "margin": cents(tier.margin),
            "margin_percent": percent_text(tier.margin_percent),
        })).collect::<Vec<_>>(),
        "warnings": breakdown.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>(),
    })
}
