//! The amended schedule: each configuration priced, the fee in force month by month,
//! prorations, reduction fees, setup and term credits (pricing-rules.md section 10).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::calendar::{days_in_month, month_containing, month_first_day, month_last_day};
use super::{
    ContractBooks, ContractError, ContractMonth, ContractSchedule, PricedAmendment, Proration,
    ReductionFee,
};
use crate::core::money::round_half_away;
use crate::core::options::priced_as_paid;
use crate::core::price_book::PriceBook;
use crate::core::pricing::{PricedQuote, compare_with_snapshot, price_quote, snapshot_of};
use crate::core::quote::{Configuration, Quote};

/// Prices `quote` as a contract: the signed configuration from its billing start, each
/// amendment applied to the contract as the previous one left it (re-banded on the new
/// count, prorated by days on the next invoice, a reduction fee when the fee falls), setup
/// and term credits unchanged. A renewal (`contract.renews`) charges no setup fee. With no
/// amendment the months equal the quote's own schedule (as paid, options included).
///
/// # Errors
/// A [`ContractError`] when a configuration cannot be priced, an amendment takes effect
/// outside the term or out of order, or an amount overflows.
pub fn contract_schedule(
    books: ContractBooks<'_>,
    quote: &Quote,
) -> Result<ContractSchedule, ContractError> {
    let start = quote.billing_start();
    let term = quote.term_months;
    let base = price_configuration(books.pinned, quote, &quote.configuration(), "the contract")?;
    let decimals = base.currency.decimals;
    let setup_waived = quote.contract.renews.is_some();
    let term_len = base.schedule.len();
    let setup: Vec<Decimal> = base
        .schedule
        .iter()
        .map(|month| {
            if setup_waived {
                Decimal::ZERO
            } else {
                month.setup
            }
        })
        .collect();
    let mut fees = vec![base.monthly_recurring; term_len];
    let mut charges = vec![Decimal::ZERO; term_len];
    let mut extra_credits = vec![Decimal::ZERO; term_len];
    let ld_months = books.pinned.contract.liquidated_damages_months;

    let mut amendments = Vec::with_capacity(quote.contract.amendments.len());
    let mut current_fee = base.monthly_recurring;
    let mut on_current_book = false;
    let mut previous: Option<NaiveDate> = None;
    for (index, amendment) in quote.contract.amendments.iter().enumerate() {
        let number = index + 1;
        let date = amendment.effective_date;
        if let Some(previous_date) = previous
            && date <= previous_date
        {
            return Err(ContractError::OutOfOrder {
                number,
                date,
                previous: index,
                previous_date,
            });
        }
        previous = Some(date);
        let month = effective_month(start, term, number, date)?;
        let first_day = month_first_day(start, month) == Some(date);
        on_current_book |= amendment.reprice;
        let book = if on_current_book {
            books.current
        } else {
            books.pinned
        };
        let what = format!("amendment {number}");
        let priced = price_configuration(book, quote, &amendment.configuration, &what)?;
        let repricing_changes = if amendment.reprice {
            let before = price_configuration(books.pinned, quote, &amendment.configuration, &what)?;
            compare_with_snapshot(&snapshot_of(&before), &priced)
                .into_iter()
                .filter(|change| change.label != "total contract value")
                .collect()
        } else {
            Vec::new()
        };
        let old = current_fee;
        let new = priced.monthly_recurring;
        let first_new_month = if first_day { month } else { month + 1 };
        for fee in fees.iter_mut().skip(first_new_month as usize - 1) {
            *fee = new;
        }
        let proration = if first_day || new == old {
            None
        } else {
            Some(proration_of(start, month, date, new - old, decimals)?)
        };
        if let Some(proration) = &proration {
            let slot = proration.month as usize - 1;
            if proration.amount > Decimal::ZERO {
                charges[slot] += proration.amount;
            } else {
                extra_credits[slot] -= proration.amount;
            }
        }
        let reduction_fee = if new < old {
            let months_left = term + 1 - first_new_month;
            let months = ld_months.min(months_left);
            let amount =
                (old - new)
                    .checked_mul(Decimal::from(months))
                    .ok_or(ContractError::Overflow {
                        what: "the reduction fee",
                    })?;
            charges[first_new_month as usize - 1] += amount;
            Some(ReductionFee {
                month: first_new_month,
                amount,
                months,
            })
        } else {
            None
        };
        amendments.push(PricedAmendment {
            effective_date: date,
            effective_month: month,
            first_new_month,
            old_monthly_recurring: old,
            new_monthly_recurring: new,
            proration,
            reduction_fee,
            priced,
            repriced: amendment.reprice,
            repricing_changes,
        });
        current_fee = new;
    }

    let mut months = Vec::with_capacity(term_len);
    let mut carried = Decimal::ZERO;
    for index in 0..term_len {
        let month = index as u32 + 1;
        carried += base
            .credits
            .iter()
            .filter(|credit| credit.month == month)
            .map(|credit| credit.amount)
            .sum::<Decimal>()
            + extra_credits[index];
        let gross = fees[index] + setup[index] + charges[index];
        let credit = carried.min(gross);
        carried -= credit;
        months.push(ContractMonth {
            month,
            first_day: month_first_day(start, month)
                .ok_or(ContractError::Calendar { start, month })?,
            last_day: month_last_day(start, month)
                .ok_or(ContractError::Calendar { start, month })?,
            recurring: fees[index],
            setup: setup[index],
            adjustment: charges[index],
            credit,
            due: gross - credit,
            credit_carried: carried,
        });
    }
    let symbol = &base.currency.symbol;
    let mut warnings = Vec::new();
    if quote.contract.start_date.is_none() {
        warnings.push(format!(
            "no billing start date: the quote date {start} is assumed (set the start date)"
        ));
    }
    if carried > Decimal::ZERO {
        warnings.push(format!(
            "{} of credit exceeds what is left to bill and is lost at month {term}",
            crate::core::money::display(carried, symbol, decimals)
        ));
    }
    Ok(ContractSchedule {
        start_date: start,
        start_assumed: quote.contract.start_date.is_none(),
        term_months: term,
        credits: base.credits.clone(),
        credit_lost: carried,
        setup_fee: setup.iter().copied().sum(),
        total_contract_value: months.iter().map(|month| month.due).sum(),
        liquidated_damages_months: ld_months,
        base,
        amendments,
        months,
        warnings,
    })
}

/// The configuration priced with `book` as the customer pays it (options included).
pub(super) fn price_configuration(
    book: &PriceBook,
    quote: &Quote,
    configuration: &Configuration,
    what: &str,
) -> Result<PricedQuote, ContractError> {
    let configured = quote.with_configuration(configuration);
    let priced = price_quote(book, &configured).map_err(|error| ContractError::Pricing {
        what: what.to_string(),
        error,
    })?;
    priced_as_paid(book, &configured, &priced).map_err(|error| ContractError::Options {
        what: what.to_string(),
        error,
    })
}

/// The contract month `date` falls in, when an amendment may take effect then: from the
/// billing start to the first day of the last month (a later change has no invoice left).
fn effective_month(
    start: NaiveDate,
    term: u32,
    number: usize,
    date: NaiveDate,
) -> Result<u32, ContractError> {
    let last =
        month_first_day(start, term).ok_or(ContractError::Calendar { start, month: term })?;
    match month_containing(start, term, date) {
        Some(month) if date <= last => Ok(month),
        _ => Err(ContractError::EffectiveDateOutside {
            number,
            date,
            first: start,
            last,
        }),
    }
}

/// (difference) x (days from `date` to the end of month `month`, `date` included) / (days
/// in the month), rounded half away from zero; carried by month `month + 1`'s invoice.
fn proration_of(
    start: NaiveDate,
    month: u32,
    date: NaiveDate,
    difference: Decimal,
    decimals: u32,
) -> Result<Proration, ContractError> {
    let calendar = || ContractError::Calendar { start, month };
    let last = month_last_day(start, month).ok_or_else(calendar)?;
    let days_in = days_in_month(start, month).ok_or_else(calendar)?;
    let days = u32::try_from((last - date).num_days() + 1).map_err(|_| calendar())?;
    let share = difference
        .checked_mul(Decimal::from(days))
        .ok_or(ContractError::Overflow {
            what: "the proration",
        })?
        / Decimal::from(days_in);
    Ok(Proration {
        month: month + 1,
        amount: round_half_away(share, decimals),
        days,
        days_in_month: days_in,
    })
}
