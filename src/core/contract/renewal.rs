//! Renewal (pricing-rules.md section 10): a new quote for the devices in force at the end,
//! starting the month after the term, with no setup fee, each line's old and new unit price.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{ContractBooks, ContractError, ContractSchedule, contract_schedule};
use crate::core::price_book::PriceBook;
use crate::core::pricing::PricedQuote;
use crate::core::quote::{ContractTerms, Quote, RenewedContract};

/// One line of a renewal: the old and the new unit price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalLine {
    /// "Silver Server" or an add-on's name.
    pub label: String,
    pub count: u32,
    /// The unit price in force at the end of the old contract (`None`: not on it).
    pub old_unit: Option<Decimal>,
    pub new_unit: Decimal,
    pub old_monthly: Option<Decimal>,
    pub new_monthly: Decimal,
}

/// A renewal: the new quote and how its fees compare with the old contract's last month.
#[derive(Debug, Clone, PartialEq)]
pub struct Renewal {
    /// The renewal quote (`contract.renews` names the old contract; no price-book pin).
    pub quote: Quote,
    /// The renewal priced as a contract (no setup fee).
    pub schedule: ContractSchedule,
    pub lines: Vec<RenewalLine>,
    /// The old contract's monthly recurring in its last month.
    pub old_monthly_recurring: Decimal,
    pub new_monthly_recurring: Decimal,
    /// new - old.
    pub monthly_difference: Decimal,
}

/// Renews `contract` (the quote) whose priced schedule is `old`: the configuration in force
/// at the end, from the day after the term ends, for `term_months` (default: the same term),
/// priced with `book`, dated `date`.
///
/// # Errors
/// A [`ContractError`] when `book` cannot price the configuration or the term.
pub fn renew(
    contract: &Quote,
    old: &ContractSchedule,
    book: &PriceBook,
    term_months: Option<u32>,
    date: NaiveDate,
) -> Result<Renewal, ContractError> {
    let end = old.end_date();
    let start = end.succ_opt().ok_or(ContractError::Calendar {
        start: old.start_date,
        month: old.term_months + 1,
    })?;
    let configuration = contract.configuration_in_force();
    let quote = Quote {
        number: format!("{}-R", contract.number),
        revision: 1,
        date,
        price_book_pin: None,
        priced_snapshot: None,
        term_months: term_months.unwrap_or(contract.term_months),
        contract: ContractTerms {
            start_date: Some(start),
            amendments: Vec::new(),
            renews: Some(RenewedContract {
                number: contract.number.clone(),
                revision: contract.revision,
            }),
        },
        ..contract.with_configuration(&configuration)
    };
    let schedule = contract_schedule(ContractBooks::single(book), &quote)?;
    let before = old.final_priced();
    let after = schedule.final_priced();
    let lines = renewal_lines(before, after);
    let old_monthly_recurring = before.monthly_recurring;
    let new_monthly_recurring = after.monthly_recurring;
    Ok(Renewal {
        quote,
        schedule,
        lines,
        old_monthly_recurring,
        new_monthly_recurring,
        monthly_difference: new_monthly_recurring - old_monthly_recurring,
    })
}

fn renewal_lines(before: &PricedQuote, after: &PricedQuote) -> Vec<RenewalLine> {
    let devices = after.lines.iter().map(|line| {
        let old = before
            .lines
            .iter()
            .find(|old| old.tier == line.tier && old.kind == line.kind);
        RenewalLine {
            label: format!("{} {}", line.tier_name, line.kind_name),
            count: line.count,
            old_unit: old.map(|old| old.unit_net),
            new_unit: line.unit_net,
            old_monthly: old.map(|old| old.monthly),
            new_monthly: line.monthly,
        }
    });
    let addons = after.addons.iter().map(|addon| {
        let old = before.addons.iter().find(|old| old.id == addon.id);
        RenewalLine {
            label: addon.name.clone(),
            count: addon.quantity,
            old_unit: old.map(|old| old.unit_net),
            new_unit: addon.unit_net,
            old_monthly: old.map(|old| old.monthly),
            new_monthly: addon.monthly,
        }
    });
    devices.chain(addons).collect()
}
