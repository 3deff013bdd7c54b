//! The month-by-month invoice schedule: recurring fees, setup, term credits.

use rust_decimal::Decimal;

use super::{GrantedCredit, ScheduleMonth};
use crate::core::money::{AmountTooLarge, Checked, split_keeping_remainder};
use crate::core::price_book::{CreditBasis, PriceBook, TermOption};
use crate::core::quote::{Quote, SetupMode};

pub(super) struct Schedule {
    pub months: Vec<ScheduleMonth>,
    pub granted: Vec<GrantedCredit>,
    pub credit_lost: Decimal,
}

/// Builds the schedule: setup up front in month 1 or amortized (rounded down, remainder in
/// the last month); credits applied in their month, never making a month negative, the excess
/// carried forward and any left after the last month lost.
///
/// # Errors
/// [`AmountTooLarge`] naming the credit or the month whose amount overflows.
pub(super) fn build_schedule(
    book: &PriceBook,
    term: &TermOption,
    quote: &Quote,
    monthly_recurring: Decimal,
    decimals: u32,
) -> Result<Schedule, AmountTooLarge> {
    let months = term.months;
    let setup_parts = match quote.setup_mode {
        SetupMode::Upfront => {
            let mut parts = vec![Decimal::ZERO; months as usize];
            if let Some(first) = parts.first_mut() {
                *first = book.setup.amount;
            }
            parts
        }
        SetupMode::Amortized => split_keeping_remainder(book.setup.amount, months, decimals),
    };
    let devices = quote.device_count();
    let granted = term
        .credits
        .iter()
        .map(|credit| {
            Ok(GrantedCredit {
                month: credit.month,
                amount: match credit.per {
                    CreditBasis::PerContract => credit.amount,
                    CreditBasis::PerDevice => (Checked::from(credit.amount) * devices)
                        .or_too_large_with(|| {
                            format!(
                                "terms.{}.credits (month {}) x {devices} devices",
                                term.months, credit.month
                            )
                        })?,
                },
            })
        })
        .collect::<Result<Vec<GrantedCredit>, AmountTooLarge>>()?;

    let mut carried = Decimal::ZERO;
    let mut rows = Vec::with_capacity(months as usize);
    for (index, setup) in setup_parts.into_iter().enumerate() {
        let month = index as u32 + 1;
        let month_figure = || format!("the amount due in contract month {month}");
        carried = (Checked::from(carried)
            + granted
                .iter()
                .filter(|credit| credit.month == month)
                .map(|credit| credit.amount)
                .sum::<Checked>())
        .or_too_large("the term credits")?;
        let gross = (Checked::from(monthly_recurring) + setup).or_too_large_with(month_figure)?;
        let credit = carried.min(gross);
        carried = (Checked::from(carried) - credit).or_too_large("the term credits")?;
        rows.push(ScheduleMonth {
            month,
            recurring: monthly_recurring,
            setup,
            credit,
            due: (Checked::from(gross) - credit).or_too_large_with(month_figure)?,
        });
    }
    Ok(Schedule {
        months: rows,
        granted,
        credit_lost: carried,
    })
}
