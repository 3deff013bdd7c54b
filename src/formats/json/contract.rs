//! JSON views of a contract: the amended schedule with its dates, an amendment, a
//! termination and a renewal (money as strings with exactly two decimals).

use serde_json::{Value, json};

use crate::core::contract::{ContractSchedule, PricedAmendment, Renewal, Termination};
use crate::core::money::cents;

/// The schedule rows: `month`, `first_day`, `last_day`, `recurring`, `setup`, `adjustment`,
/// `credit`, `due`.
pub fn contract_months_json(contract: &ContractSchedule) -> Value {
    Value::Array(
        contract
            .months
            .iter()
            .map(|month| {
                json!({
                    "month": month.month,
                    "first_day": month.first_day.format("%Y-%m-%d").to_string(),
                    "last_day": month.last_day.format("%Y-%m-%d").to_string(),
                    "recurring": cents(month.recurring),
                    "setup": cents(month.setup),
                    "adjustment": cents(month.adjustment),
                    "credit": cents(month.credit),
                    "due": cents(month.due),
                })
            })
            .collect(),
    )
}

/// One amendment: `effective_date`, `effective_month`, `old_monthly_recurring`,
/// `new_monthly_recurring`, `proration` (or null), `reduction_fee` (or null), `repriced`,
/// `repricing_changes`.
pub fn amendment_json(amendment: &PricedAmendment) -> Value {
    json!({
        "effective_date": amendment.effective_date.format("%Y-%m-%d").to_string(),
        "effective_month": amendment.effective_month,
        "old_monthly_recurring": cents(amendment.old_monthly_recurring),
        "new_monthly_recurring": cents(amendment.new_monthly_recurring),
        "proration": amendment.proration.map(|proration| json!({
            "month": proration.month,
            "amount": cents(proration.amount),
            "days": proration.days,
            "days_in_month": proration.days_in_month,
        })),
        "reduction_fee": amendment.reduction_fee.map(|fee| json!({
            "month": fee.month,
            "amount": cents(fee.amount),
            "months": fee.months,
        })),
        "repriced": amendment.repriced,
        "repricing_changes": amendment.repricing_changes.iter().map(|change| json!({
            "label": change.label,
            "old": change.old.map(cents),
            "new": change.new.map(cents),
        })).collect::<Vec<_>>(),
    })
}

/// The whole contract: `start_date`, `end_date`, `start_assumed`, `amendments`, `schedule`,
/// `credit_lost`, `total_contract_value`, `warnings`.
pub fn contract_json(contract: &ContractSchedule) -> Value {
    json!({
        "start_date": contract.start_date.format("%Y-%m-%d").to_string(),
        "end_date": contract.end_date().format("%Y-%m-%d").to_string(),
        "start_assumed": contract.start_assumed,
        "amendments": contract.amendments.iter().map(amendment_json).collect::<Vec<_>>(),
        "schedule": contract_months_json(contract),
        "credit_lost": cents(contract.credit_lost),
        "total_contract_value": cents(contract.total_contract_value),
        "warnings": contract.warnings,
    })
}

/// The `amend --format json` object: the last amendment's figures, the amended schedule and
/// the contract value.
pub fn amend_json(contract: &ContractSchedule) -> Value {
    let mut value = contract
        .amendments
        .last()
        .map_or_else(|| json!({}), amendment_json);
    if let Value::Object(map) = &mut value {
        map.insert("schedule".to_string(), contract_months_json(contract));
        map.insert(
            "total_contract_value".to_string(),
            json!(cents(contract.total_contract_value)),
        );
        map.insert("warnings".to_string(), json!(contract.warnings));
    }
    value
}

/// The `terminate --format json` object.
pub fn termination_json(termination: &Termination) -> Value {
    json!({
        "after_month": termination.after_month,
        "last_day": termination.last_day.format("%Y-%m-%d").to_string(),
        "monthly_recurring": cents(termination.monthly_recurring),
        "liquidated_damages_months": termination.liquidated_damages_months,
        "liquidated_damages": cents(termination.liquidated_damages),
        "unbilled_setup": cents(termination.unbilled_setup),
        "credits_not_granted": termination.credits_not_granted.iter().map(|credit| json!({
            "month": credit.month,
            "amount": cents(credit.amount),
        })).collect::<Vec<_>>(),
        "credit_lost": cents(termination.credit_lost),
        "termination_amount": cents(termination.termination_amount),
        "paid_to_date": cents(termination.paid_to_date),
        "full_term_value": cents(termination.full_term_value),
    })
}

/// The `renew --format json` object.
pub fn renewal_json(renewal: &Renewal) -> Value {
    json!({
        "renews": renewal.quote.contract.renews.as_ref().map(|renews| json!({
            "number": renews.number,
            "revision": renews.revision,
        })),
        "number": renewal.quote.number,
        "start_date": renewal.schedule.start_date.format("%Y-%m-%d").to_string(),
        "end_date": renewal.schedule.end_date().format("%Y-%m-%d").to_string(),
        "term_months": renewal.schedule.term_months,
        "setup_fee": cents(renewal.schedule.setup_fee),
        "lines": renewal.lines.iter().map(|line| json!({
            "line": line.label,
            "count": line.count,
            "old_unit": line.old_unit.map(cents),
            "new_unit": cents(line.new_unit),
            "old_monthly": line.old_monthly.map(cents),
            "new_monthly": cents(line.new_monthly),
        })).collect::<Vec<_>>(),
        "old_monthly_recurring": cents(renewal.old_monthly_recurring),
        "new_monthly_recurring": cents(renewal.new_monthly_recurring),
        "monthly_difference": cents(renewal.monthly_difference),
        "schedule": contract_months_json(&renewal.schedule),
        "total_contract_value": cents(renewal.schedule.total_contract_value),
        "warnings": renewal.schedule.warnings,
    })
}
