//! JSON views of the pricing options: money as strings with exactly two decimals, hours and
//! percentages as plain decimal strings without trailing zeros.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::core::money::{cents, percent_text};
use crate::core::options::CombinedTotals;
use crate::core::options::assessment::AssessmentFee;
use crate::core::options::components::PricedComponent;
use crate::core::options::ledger::Ledger;
use crate::core::options::package::PricedPackage;
use crate::core::options::time_materials::Estimate;

/// Hours (or any quantity) as a plain string ("1.5", "160").
fn hours(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A priced component or phase line (no internal cost or markup: customers may see it).
pub fn component_json(line: &PricedComponent) -> Value {
    json!({
        "id": line.id,
        "name": line.name,
        "kind": line.kind,
        "count": line.count,
        "tasks": line.tasks,
        "per_device_monthly_fee": cents(line.per_device_monthly_fee),
        "monthly": cents(line.monthly),
    })
}

/// A priced complete package.
pub fn package_json(package: &PricedPackage) -> Value {
    json!({
        "band": package.band_id,
        "name": package.band_name,
        "users": package.users,
        "term_months": package.term_months,
        "acquisition": package.acquisition.name(),
        "services": {
            "tier": package.service_tier,
            "kind": package.service_kind,
            "devices": package.service_devices,
            "monthly": cents(package.services_monthly),
        },
        "items": package.items.iter().map(|item| json!({
            "name": item.name,
            "category": item.category,
            "monthly": cents(item.monthly),
        })).collect::<Vec<_>>(),
        "equipment_monthly": cents(package.equipment_monthly),
        "monthly_fee": cents(package.monthly_fee),
        "setup_fee": cents(package.setup_fee),
        "setup_mode": package.setup_mode.name(),
        "setup_first_month": cents(package.setup_by_month.first().copied().unwrap_or_default()),
        "setup_last_month": cents(package.setup_by_month.last().copied().unwrap_or_default()),
        "first_month_due": cents(package.first_month_due),
        "total_over_term": cents(package.total_over_term),
    })
}

/// A time-and-materials estimate (`tm --format json`).
pub fn estimate_json(estimate: &Estimate) -> Value {
    json!({
        "items": estimate.items.iter().map(|item| json!({
            "description": item.description,
            "minutes": item.minutes,
            "place": item.place.name(),
            "urgency": item.urgency.name(),
            "rate": item.rate_id,
            "hourly_rate": cents(item.hourly_rate),
            "increment_minutes": item.increment_minutes,
            "billed_minutes": item.billed_minutes,
            "labour": cents(item.labour),
            "travel_premium": cents(item.travel_premium),
            "amount": cents(item.amount),
        })).collect::<Vec<_>>(),
        "billed_minutes": estimate.billed_minutes,
        "labour": cents(estimate.labour),
        "travel": cents(estimate.travel),
        "discount_percent": "0",
        "total": cents(estimate.total),
    })
}

/// An assessment fee (`assessment --format json`).
pub fn assessment_json(fee: &AssessmentFee) -> Value {
    json!({
        "infrastructure_type": fee.infrastructure_type,
        "infrastructure_name": fee.infrastructure_name,
        "analysis_factor": hours(fee.analysis_factor),
        "servers": fee.servers,
        "locations": fee.locations,
        "activities": fee.activities.iter().map(|activity| json!({
            "id": activity.id,
            "name": activity.name,
            "hours": hours(activity.hours),
            "rate": activity.rate_id,
            "hourly_rate": cents(activity.hourly_rate),
            "amount": cents(activity.amount),
        })).collect::<Vec<_>>(),
        "hours": hours(fee.hours),
        "total": cents(fee.total),
    })
}

/// A support-hour ledger (`ledger --format json`).
pub fn ledger_json(ledger: &Ledger) -> Value {
    json!({
        "tier": ledger.tier,
        "devices": ledger.devices,
        "bank_cap_hours": hours(ledger.bank_cap_hours),
        "on_site_block_hours": hours(ledger.on_site_block_hours),
        "months": ledger.months.iter().map(|month| json!({
            "month": month.month.to_string(),
            "support_included": hours(month.support_included),
            "support_used": hours(month.support_used),
            "support_lost": hours(month.support_lost),
            "flex_opening": hours(month.flex_opening),
            "flex_accrued": hours(month.flex_accrued),
            "flex_forfeited_at_cap": hours(month.flex_forfeited_at_cap),
            "flex_used": hours(month.flex_used),
            "flex_expired": hours(month.flex_expired),
            "flex_closing": hours(month.flex_closing),
            "flex_expires_on": month.flex_expires_on.map(|date| date.format("%Y-%m-%d").to_string()),
            "usage": month.usage.iter().map(|usage| json!({
                "kind": usage.kind.name(),
                "hours_logged": hours(usage.hours_logged),
                "hours_counted": hours(usage.hours_counted),
                "covered_by_support": hours(usage.covered_by_support),
                "covered_by_flex": hours(usage.covered_by_flex),
                "billable_hours": hours(usage.billable_hours),
                "rate": usage.rate_id,
                "hourly_rate": cents(usage.hourly_rate),
                "amount": cents(usage.amount),
            })).collect::<Vec<_>>(),
            "billable_amount": cents(month.billable_amount),
        })).collect::<Vec<_>>(),
        "totals": {
            "support_included": hours(ledger.support_included),
            "support_used": hours(ledger.support_used),
            "support_lost": hours(ledger.support_lost),
            "flex_accrued": hours(ledger.flex_accrued),
            "flex_forfeited_at_cap": hours(ledger.flex_forfeited_at_cap),
            "flex_used": hours(ledger.flex_used),
            "flex_expired": hours(ledger.flex_expired),
            "flex_peak": hours(ledger.flex_peak),
            "billable_amount": cents(ledger.billable_amount),
        },
    })
}

/// The `options` object `price --format json` adds when components or a package are chosen.
pub fn price_options_json(
    components: &[PricedComponent],
    package: Option<&PricedPackage>,
    options_monthly: Decimal,
    combined: &CombinedTotals,
) -> Value {
    json!({
        "components": components.iter().map(component_json).collect::<Vec<_>>(),
        "package": package.map(package_json),
        "discount_percent": percent_text(Decimal::ZERO),
        "options_monthly": cents(options_monthly),
        "combined_monthly_recurring": cents(combined.monthly_recurring),
        "combined_first_invoice": cents(combined.first_invoice),
        "combined_total_contract_value": cents(combined.total_contract_value),
    })
}
