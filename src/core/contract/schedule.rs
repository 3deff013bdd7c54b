//! The amended schedule: each configuration priced, the fee in force month by month,
//! prorations, reduction fees, setup and term credits (pricing-rules.md section 10).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::calendar::{days_in_month, month_containing, month_first_day, month_last_day};
use super::checked;
use super::{
    ContractBooks, ContractError, ContractMonth, ContractSchedule, PricedAmendment, Proration,
    ReductionFee,
};
use crate::core::money::{Checked, round_half_away};
use crate::core::options::priced_as_paid;
use crate::core::price_book::PriceBook;
use crate::core::pricing::{
    LineChange, PricedQuote, compare_with_snapshot, price_quote, snapshot_of,
};
use crate::core::quote::{Amendment, Configuration, Quote};

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
    let setup_waived = quote.contract.renews.is_some();
    let mut lines = MonthLines {
        fees: vec![base.monthly_recurring; base.schedule.len()],
        setup: base
            .schedule
            .iter()
            .map(|month| {
                if setup_waived {
                    Decimal::ZERO
                } else {
                    month.setup
                }
            })
            .collect(),
        charges: vec![Decimal::ZERO; base.schedule.len()],
        extra_credits: vec![Decimal::ZERO; base.schedule.len()],
    };
    let mut amending = Amending {
        books,
        quote,
        start,
        decimals: base.currency.decimals,
        current_fee: base.monthly_recurring,
        on_current_book: false,
        previous: None,
    };
    let amendments = quote
        .contract
        .amendments
        .iter()
        .enumerate()
        .map(|(index, amendment)| amending.apply(index, amendment, &mut lines))
        .collect::<Result<Vec<_>, _>>()?;
    let (months, carried) = lines.months(start, &base)?;
    let mut warnings = Vec::new();
    if quote.contract.start_date.is_none() {
        warnings.push(format!(
            "no billing start date: the quote date {start} is assumed (set the start date)"
        ));
    }
    if carried > Decimal::ZERO {
        warnings.push(format!(
            "{} of credit exceeds what is left to bill and is lost at month {term}",
            crate::core::money::display(carried, &base.currency.symbol, base.currency.decimals)
        ));
    }
    Ok(ContractSchedule {
        start_date: start,
        start_assumed: quote.contract.start_date.is_none(),
        term_months: term,
        credits: base.credits.clone(),
        credit_lost: carried,
        setup_fee: checked(lines.setup.iter().copied().sum(), "the setup fee")?,
        total_contract_value: checked(
            months.iter().map(|month| month.due).sum(),
            "the contract value",
        )?,
        liquidated_damages_months: books.pinned.contract.liquidated_damages_months,
        base,
        amendments,
        months,
        warnings,
    })
}

/// The contract's amounts by month (index 0 = month 1) before credits are applied.
struct MonthLines {
    /// The monthly recurring fee in force.
    fees: Vec<Decimal>,
    setup: Vec<Decimal>,
    /// Prorations and reduction fees charged.
    charges: Vec<Decimal>,
    /// Proration credits granted.
    extra_credits: Vec<Decimal>,
}

impl MonthLines {
    /// The months with credits applied (in their month, never more than the month's charges,
    /// the excess carried forward), and the credit left after the last month.
    fn months(
        &self,
        start: NaiveDate,
        base: &PricedQuote,
    ) -> Result<(Vec<ContractMonth>, Decimal), ContractError> {
        let mut months = Vec::with_capacity(self.fees.len());
        let mut carried = Decimal::ZERO;
        for index in 0..self.fees.len() {
            let month = index as u32 + 1;
            let granted: Checked = base
                .credits
                .iter()
                .filter(|credit| credit.month == month)
                .map(|credit| credit.amount)
                .sum();
            carried = checked(
                granted + carried + self.extra_credits[index],
                "the credits carried forward",
            )?;
            let gross = checked(
                Checked::from(self.fees[index]) + self.setup[index] + self.charges[index],
                "a month's charges",
            )?;
            let credit = carried.min(gross);
            carried -= credit;
            let calendar = || ContractError::Calendar { start, month };
            months.push(ContractMonth {
                month,
                first_day: month_first_day(start, month).ok_or_else(calendar)?,
                last_day: month_last_day(start, month).ok_or_else(calendar)?,
                recurring: self.fees[index],
                setup: self.setup[index],
                adjustment: self.charges[index],
                credit,
                due: gross - credit,
                credit_carried: carried,
            });
        }
        Ok((months, carried))
    }
}

/// The state carried from one amendment to the next.
struct Amending<'a> {
    books: ContractBooks<'a>,
    quote: &'a Quote,
    start: NaiveDate,
    decimals: u32,
    /// The monthly fee the previous amendment left.
    current_fee: Decimal,
    /// True from the first re-priced amendment on.
    on_current_book: bool,
    previous: Option<NaiveDate>,
}

impl Amending<'_> {
    /// Applies amendment `index` to `lines`: the new fee from its first month, its proration
    /// and reduction fee on their invoices.
    fn apply(
        &mut self,
        index: usize,
        amendment: &Amendment,
        lines: &mut MonthLines,
    ) -> Result<PricedAmendment, ContractError> {
        let number = index + 1;
        let date = amendment.effective_date;
        if let Some(previous_date) = self.previous
            && date <= previous_date
        {
            return Err(ContractError::OutOfOrder {
                number,
                date,
                previous: index,
                previous_date,
            });
        }
        self.previous = Some(date);
        let term = self.quote.term_months;
        let month = effective_month(self.start, term, number, date)?;
        let first_day = month_first_day(self.start, month) == Some(date);
        self.on_current_book |= amendment.reprice;
        let (priced, repricing_changes) = self.price(number, amendment)?;
        let old = self.current_fee;
        let new = priced.monthly_recurring;
        let first_new_month = if first_day { month } else { month + 1 };
        for fee in lines.fees.iter_mut().skip(first_new_month as usize - 1) {
            *fee = new;
        }
        let proration = if first_day || new == old {
            None
        } else {
            Some(proration_of(
                self.start,
                month,
                date,
                checked(Checked::from(new) - old, "the change in the monthly fee")?,
                self.decimals,
            )?)
        };
        if let Some(proration) = &proration {
            let slot = proration.month as usize - 1;
            if proration.amount > Decimal::ZERO {
                lines.charges[slot] = checked(
                    Checked::from(lines.charges[slot]) + proration.amount,
                    "a month's prorations",
                )?;
            } else {
                lines.extra_credits[slot] = checked(
                    Checked::from(lines.extra_credits[slot]) - proration.amount,
                    "a month's proration credits",
                )?;
            }
        }
        let reduction_fee = if new < old {
            let months = (self.books.pinned.contract.liquidated_damages_months)
                .min(term + 1 - first_new_month);
            let amount = checked((Checked::from(old) - new) * months, "the reduction fee")?;
            let slot = first_new_month as usize - 1;
            lines.charges[slot] = checked(
                Checked::from(lines.charges[slot]) + amount,
                "a month's reduction fees",
            )?;
            Some(ReductionFee {
                month: first_new_month,
                amount,
                months,
            })
        } else {
            None
        };
        self.current_fee = new;
        Ok(PricedAmendment {
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
        })
    }

    /// The amendment's configuration priced with the pinned book, or with the book in use
    /// from the first re-priced amendment on (then with the figures that changed).
    fn price(
        &self,
        number: usize,
        amendment: &Amendment,
    ) -> Result<(PricedQuote, Vec<LineChange>), ContractError> {
        let what = format!("amendment {number}");
        let book = if self.on_current_book {
            self.books.current
        } else {
            self.books.pinned
        };
        let configuration = &amendment.configuration;
        let priced = price_configuration(book, self.quote, configuration, &what)?;
        if !amendment.reprice {
            return Ok((priced, Vec::new()));
        }
        let before = price_configuration(self.books.pinned, self.quote, configuration, &what)?;
        let changes = compare_with_snapshot(&snapshot_of(&before), &priced)
            .into_iter()
            .filter(|change| change.label != "total contract value")
            .collect();
        Ok((priced, changes))
    }
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
