//! Early termination (pricing-rules.md section 10): liquidated damages capped by the months
//! left, the amortized setup not yet billed, the term credits not granted.

use rust_decimal::Decimal;

use super::{ContractError, ContractSchedule, checked};
use crate::core::money::Checked;
use crate::core::pricing::GrantedCredit;

/// What the customer owes when the contract ends after contract month `after_month`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Termination {
    pub after_month: u32,
    /// The last day of month `after_month`: the contract's last day.
    pub last_day: chrono::NaiveDate,
    /// The monthly recurring fee in force in month `after_month`.
    pub monthly_recurring: Decimal,
    /// min(L, term - after_month): the months of fees charged as damages.
    pub liquidated_damages_months: u32,
    /// `liquidated_damages_months` x `monthly_recurring`.
    pub liquidated_damages: Decimal,
    /// The setup fee minus its parts billed in months 1..after_month.
    pub unbilled_setup: Decimal,
    /// Term credits of the months after `after_month`: not granted.
    pub credits_not_granted: Vec<GrantedCredit>,
    /// Credit granted but not yet applied after month `after_month`: lost.
    pub credit_lost: Decimal,
    /// liquidated damages + unbilled setup.
    pub termination_amount: Decimal,
    /// Sum of the amounts due in months 1..after_month.
    pub paid_to_date: Decimal,
    /// The contract's total value had it run its full term.
    pub full_term_value: Decimal,
}

/// Terminates `contract` (amendments already applied) after month `after_month`.
/// Prorations and reduction fees that would fall on a later invoice are not charged.
///
/// # Errors
/// [`ContractError::TerminationMonth`] when `after_month` is outside 1..term-1;
/// [`ContractError::Overflow`] when the damages overflow.
pub fn terminate(
    contract: &ContractSchedule,
    after_month: u32,
) -> Result<Termination, ContractError> {
    let term = contract.term_months;
    let last_allowed = term.saturating_sub(1);
    if after_month == 0 || after_month > last_allowed {
        return Err(ContractError::TerminationMonth {
            month: after_month,
            last: last_allowed,
            term,
        });
    }
    let elapsed = &contract.months[..after_month as usize];
    let last = elapsed.last().ok_or(ContractError::TerminationMonth {
        month: after_month,
        last: last_allowed,
        term,
    })?;
    let monthly_recurring = last.recurring;
    let liquidated_damages_months = contract.liquidated_damages_months.min(term - after_month);
    let liquidated_damages = checked(
        Checked::from(monthly_recurring) * liquidated_damages_months,
        "the liquidated damages",
    )?;
    let billed_setup: Checked = elapsed.iter().map(|month| month.setup).sum();
    let unbilled_setup = checked(
        Checked::from(contract.setup_fee) - billed_setup,
        "the setup not yet billed",
    )?;
    let termination_amount = checked(
        Checked::from(liquidated_damages) + unbilled_setup,
        "the termination amount",
    )?;
    let paid_to_date = checked(
        elapsed.iter().map(|month| month.due).sum(),
        "the amount paid to date",
    )?;
    Ok(Termination {
        after_month,
        last_day: last.last_day,
        monthly_recurring,
        liquidated_damages_months,
        liquidated_damages,
        unbilled_setup,
        credits_not_granted: contract
            .credits
            .iter()
            .filter(|credit| credit.month > after_month)
            .copied()
            .collect(),
        credit_lost: last.credit_carried,
        termination_amount,
        paid_to_date,
        full_term_value: contract.total_contract_value,
    })
}
