//! JSON views of engine results: money as strings with exactly two decimals.

pub mod contract;
pub mod cost;
pub mod export;
pub mod options;
pub mod roi;

use serde_json::{Value, json};

use crate::core::money::{cents, percent_text};
use crate::core::pricing::{PricedLine, PricedQuote};
use crate::core::quote::PriceBookPin;

/// The `price --format json` object.
pub fn priced_quote_json(priced: &PricedQuote, pin: &PriceBookPin) -> Value {
    let mut value = priced_quote_summary_json(priced, pin);
    if let Some(object) = value.as_object_mut() {
        let lines = priced.lines.iter().map(priced_line_json).collect();
        object.insert(PRICED_LINES_KEY.to_string(), Value::Array(lines));
    }
    value
}

/// The key of the device lines in [`priced_quote_json`].
pub const PRICED_LINES_KEY: &str = "lines";

/// One device line of [`priced_quote_json`]'s `lines`, with its segments and waterfall.
pub fn priced_line_json(line: &PricedLine) -> Value {
    json!({
        "tier": line.tier,
        "kind": line.kind,
        "count": line.count,
        "unit_list": cents(line.unit_list),
        "discount_percent": percent_text(line.discount_percent),
        "extra_discount_percent": percent_text(line.extra_discount_percent),
        "unit_net": cents(line.unit_net),
        "monthly": cents(line.monthly),
        "segments": line.segments.iter().map(|segment| json!({
            "count": segment.count,
            "discount_percent": percent_text(segment.discount_percent),
            "unit_net": cents(segment.unit_net),
            "amount": cents(segment.amount),
        })).collect::<Vec<_>>(),
        "waterfall": line.waterfall.iter().map(|step| json!({
            "step": step.kind.label(),
            "change": step.change.normalize().to_string(),
            "unit_price": step.running.normalize().to_string(),
        })).collect::<Vec<_>>(),
    })
}

/// [`priced_quote_json`] without its `lines` (whose number grows with the quote): the part a
/// streamed writer holds whole while it writes the lines one by one.
pub fn priced_quote_summary_json(priced: &PricedQuote, pin: &PriceBookPin) -> Value {
    let band_json = |band: &crate::core::pricing::AppliedBand| {
        json!({
            "schedule": band.schedule_id,
            "counted_kind": band.counted_kind,
            "count": band.count,
            "min": band.min,
            "max": band.max,
            "discount_percent": percent_text(band.discount_percent),
            "past_last_band": band.past_last_band,
        })
    };
    json!({
        "currency": priced.currency.code,
        "term_months": priced.term_months,
        "discount_percent": percent_text(priced.discount_percent()),
        "band": priced.band.as_ref().map(band_json),
        "bands": priced.bands.iter().map(band_json).collect::<Vec<_>>(),
        "addons": priced.addons.iter().map(|addon| json!({
            "id": addon.id,
            "quantity": addon.quantity,
            "unit_list": cents(addon.unit_list),
            "discount_percent": percent_text(addon.discount_percent),
            "unit_net": cents(addon.unit_net),
            "monthly": cents(addon.monthly),
        })).collect::<Vec<_>>(),
        "monthly_recurring": cents(priced.monthly_recurring),
        "setup_fee": cents(priced.setup_fee),
        "setup_mode": priced.setup_mode.name(),
        "first_invoice": cents(priced.first_invoice()),
        "credits": priced.credits.iter().map(|credit| json!({
            "month": credit.month,
            "amount": cents(credit.amount),
        })).collect::<Vec<_>>(),
        "credit_lost": cents(priced.credit_lost),
        "schedule": priced.schedule.iter().map(|month| json!({
            "month": month.month,
            "recurring": cents(month.recurring),
            "setup": cents(month.setup),
            "credit": cents(month.credit),
            "due": cents(month.due),
        })).collect::<Vec<_>>(),
        "total_contract_value": cents(priced.total_contract_value),
        "effective_monthly": cents(priced.effective_monthly),
        "warnings": priced.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>(),
        "price_book": {
            "id": pin.id,
            "version": pin.version,
            "sha256": pin.sha256,
        },
    })
}
