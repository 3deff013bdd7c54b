//! The month-by-month invoice schedule: recurring fees, setup, term credits.

use rust_decimal::Decimal;

use super::{GrantedCredit, ScheduleMonth};
use crate::core::money::split_keeping_remainder;
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
pub(super) fn build_schedule(
    book: &PriceBook,
    term: &TermOption,
    quote: &Quote,
    monthly_recurring: Decimal,
    decimals: u32,
) -> Schedule {
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
    let devices = Decimal::from(quote.device_count());
    let granted: Vec<GrantedCredit> = term
        .credits
        .iter()
        .map(|credit| GrantedCredit {
            month: credit.month,
            amount: match credit.per {
                CreditBasis::PerContract => credit.amount,
                CreditBasis::PerDevice => credit.amount * devices,
            },
        })
        .collect();

    let mut carried = Decimal::ZERO;
    let mut rows = Vec::with_capacity(months as usize);
    for (index, setup) in setup_parts.into_iter().enumerate() {
        let month = index as u32 + 1;
        carried += granted
            .iter()
            .filter(|credit| credit.month == month)
            .map(|credit| credit.amount)
            .sum::<Decimal>();
        let gross = monthly_recurring + setup;
        let credit = carried.min(gross);
        carried -= credit;
        rows.push(ScheduleMonth {
            month,
            recurring: monthly_recurring,
            setup,
            credit,
            due: gross - credit,
        });
    }
    Schedule {
        months: rows,
        granted,
        credit_lost: carried,
    }
}
