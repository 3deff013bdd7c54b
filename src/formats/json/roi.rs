//! The `roi --format json` view: money as strings with two decimals, percentages as strings
//! with two decimals, the payback month an integer or null.

use serde_json::{Value, json};

use crate::core::money::{cents, percent_text, plain};
use crate::core::roi::{RoiOption, RoiResult};
use rust_decimal::Decimal;

fn percent_or_null(percent: Option<Decimal>) -> Value {
    percent.map_or(Value::Null, |percent| Value::String(plain(percent, 2)))
}

/// The `roi --format json` object for `roi` (the quote as it is), its `options` and the
/// `warnings` gathered while reading and pricing.
pub fn roi_json(
    currency: &str,
    roi: &RoiResult,
    options: &[RoiOption],
    warnings: &[String],
) -> Value {
    json!({
        "currency": currency,
        "term_months": roi.term_months,
        "discount_rate_percent": percent_text(roi.discount_rate_percent),
        "investment": cents(roi.investment),
        "current_costs": cents(roi.current_costs),
        "avoided_costs": cents(roi.avoided_costs),
        "net_savings": cents(roi.net_savings),
        "roi_percent": percent_or_null(roi.roi_percent),
        "payback_month": roi.payback_month,
        "npv": cents(roi.npv),
        "monthly": roi.months.iter().map(|month| json!({
            "month": month.month,
            "current_cost": cents(month.current_cost),
            "avoided": cents(month.avoided),
            "paid": cents(month.paid),
            "net": cents(month.net),
            "cumulative_net": cents(month.cumulative_net),
        })).collect::<Vec<_>>(),
        "options": options.iter().map(|option| json!({
            "tier": option.kind.id(),
            "name": option.name,
            "monthly_recurring": cents(option.monthly_recurring),
            "total_contract_value": cents(option.total_contract_value),
            "net_savings": cents(option.roi.net_savings),
            "roi_percent": percent_or_null(option.roi.roi_percent),
            "payback_month": option.roi.payback_month,
            "npv": cents(option.roi.npv),
        })).collect::<Vec<_>>(),
        "warnings": warnings,
    })
}
