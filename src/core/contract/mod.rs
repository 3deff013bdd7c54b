//! After the signature (pricing-rules.md section 10): the contract calendar, amendments
//! (change orders) with re-banding, proration and reduction fees, early termination and
//! renewal.
//!
//! Pure functions over the validated book and quote, like the pricing engine: no clock, no
//! files. [`contract_schedule`] prices a quote with its amendments month by month; the other
//! views take its [`ContractSchedule`].

pub mod calendar;
mod renewal;
mod schedule;
mod termination;

pub use renewal::{Renewal, RenewalLine, renew};
pub use schedule::contract_schedule;
pub use termination::{Termination, terminate};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::options::OptionError;
use crate::core::price_book::PriceBook;
use crate::core::pricing::{GrantedCredit, LineChange, PricedQuote, PricingError, ScheduleMonth};

/// The books a contract is priced with: the one it pinned, and the one in use for
/// amendments that ask to be re-priced (the same book when nothing is re-priced).
#[derive(Debug, Clone, Copy)]
pub struct ContractBooks<'a> {
    pub pinned: &'a PriceBook,
    pub current: &'a PriceBook,
}

impl<'a> ContractBooks<'a> {
    /// One book for everything.
    pub fn single(book: &'a PriceBook) -> Self {
        ContractBooks {
            pinned: book,
            current: book,
        }
    }
}

/// One contract month of the amended schedule, with its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractMonth {
    /// Contract month, 1-based.
    pub month: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The monthly recurring fee in force this month (tiers, add-ons and options).
    pub recurring: Decimal,
    /// The setup fee (or its amortized part) billed this month.
    pub setup: Decimal,
    /// Prorations and reduction fees charged on this invoice (a negative proration is a
    /// credit and is counted in `credit`).
    pub adjustment: Decimal,
    /// Term credits and proration credits applied (never more than the month's charges).
    pub credit: Decimal,
    /// recurring + setup + adjustment - credit.
    pub due: Decimal,
    /// Credit granted but not yet applied after this month (carried to the next).
    pub credit_carried: Decimal,
}

/// The proration of a mid-month amendment, charged (or credited, when negative) on the
/// next month's invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proration {
    /// The contract month whose invoice carries it.
    pub month: u32,
    /// (new monthly - old monthly) x days / days_in_month, rounded half away from zero.
    pub amount: Decimal,
    /// Days from the effective date to the end of its month, the effective date included.
    pub days: u32,
    pub days_in_month: u32,
}

/// The fee for lowering the monthly fee: (old - new) x min(L, months left).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReductionFee {
    /// The first month billed at the new fee, whose invoice carries it.
    pub month: u32,
    pub amount: Decimal,
    /// min(liquidated-damages months, months billed at the new fee).
    pub months: u32,
}

/// One amendment, priced.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedAmendment {
    pub effective_date: NaiveDate,
    /// The contract month the effective date falls in.
    pub effective_month: u32,
    /// The first contract month billed at the new fee (the effective month when the
    /// amendment starts on its first day, else the next).
    pub first_new_month: u32,
    pub old_monthly_recurring: Decimal,
    pub new_monthly_recurring: Decimal,
    pub proration: Option<Proration>,
    pub reduction_fee: Option<ReductionFee>,
    /// The new configuration priced as the customer pays it (options included).
    pub priced: PricedQuote,
    /// Priced with the book in use rather than the pinned one.
    pub repriced: bool,
    /// With `repriced`: every figure of the new configuration that differs between the
    /// pinned book and the book in use, old -> new.
    pub repricing_changes: Vec<LineChange>,
}

/// A contract priced with its amendments, month by month.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractSchedule {
    /// Billing start (functionality acceptance).
    pub start_date: NaiveDate,
    /// True when the quote has no start date and its quote date was assumed.
    pub start_assumed: bool,
    pub term_months: u32,
    /// The signed configuration, priced as the customer pays it.
    pub base: PricedQuote,
    pub amendments: Vec<PricedAmendment>,
    pub months: Vec<ContractMonth>,
    /// The term credits as granted (unchanged by amendments).
    pub credits: Vec<GrantedCredit>,
    /// Credit left unapplied after the last month (lost).
    pub credit_lost: Decimal,
    /// The setup fee charged over the term (zero for a renewal).
    pub setup_fee: Decimal,
    /// Sum of every month's amount due.
    pub total_contract_value: Decimal,
    /// Liquidated-damages months of the pinned book (the reduction fee's L).
    pub liquidated_damages_months: u32,
    /// Contract warnings (assumed start date, lost credit), one line each.
    pub warnings: Vec<String>,
}

impl ContractSchedule {
    /// The configuration in force at the end, priced (the base when nothing was amended).
    pub fn final_priced(&self) -> &PricedQuote {
        self.amendments
            .last()
            .map_or(&self.base, |amendment| &amendment.priced)
    }

    /// The last day of the term.
    pub fn end_date(&self) -> NaiveDate {
        self.months
            .last()
            .map_or(self.start_date, |month| month.last_day)
    }

    /// The contract as one priced quote, for views that take a [`PricedQuote`] (documents,
    /// ROI): the configuration in force at the end, with the amended schedule (each month's
    /// `recurring` includes its adjustment), credits and total contract value. Equal to the
    /// base when nothing is amended.
    pub fn as_priced_quote(&self) -> PricedQuote {
        let last = self.final_priced();
        let decimals = last.currency.decimals;
        let schedule: Vec<ScheduleMonth> = self
            .months
            .iter()
            .map(|month| ScheduleMonth {
                month: month.month,
                recurring: month.recurring + month.adjustment,
                setup: month.setup,
                credit: month.credit,
                due: month.due,
            })
            .collect();
        PricedQuote {
            setup_fee: self.setup_fee,
            credits: self.credits.clone(),
            credit_lost: self.credit_lost,
            schedule,
            total_contract_value: self.total_contract_value,
            effective_monthly: crate::core::money::round_half_away(
                self.total_contract_value / Decimal::from(self.term_months.max(1)),
                decimals,
            ),
            ..last.clone()
        }
    }
}

/// Why a contract cannot be priced, amended, terminated or renewed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContractError {
    /// A configuration the book cannot price.
    #[error("{what}: {error}")]
    Pricing { what: String, error: PricingError },
    /// A pricing option the book cannot price.
    #[error("{what}: {error}")]
    Options { what: String, error: OptionError },
    /// An effective date outside the dates an amendment may take effect.
    #[error(
        "amendment {number} takes effect on {date}, outside the term's change dates \
         (allowed: {first} to {last}, the first day of the last contract month)"
    )]
    EffectiveDateOutside {
        number: usize,
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
    /// Amendments out of date order.
    #[error(
        "amendment {number} takes effect on {date}, not after amendment {previous} \
         ({previous_date}): amendments are in effective-date order"
    )]
    OutOfOrder {
        number: usize,
        date: NaiveDate,
        previous: usize,
        previous_date: NaiveDate,
    },
    /// A termination month outside 1..term-1.
    #[error(
        "cannot terminate after month {month}: allowed 1 to {last} (the term is {term} months)"
    )]
    TerminationMonth { month: u32, last: u32, term: u32 },
    /// A date beyond what the calendar can count.
    #[error("the contract calendar cannot reach month {month} from {start}")]
    Calendar { start: NaiveDate, month: u32 },
    /// An amount too large to compute exactly.
    #[error("{what} is too large to compute")]
    Overflow { what: &'static str },
}

/// The value of a checked expression, or [`ContractError::Overflow`] naming `what`.
///
/// # Errors
/// [`ContractError::Overflow`] when the expression overflowed.
pub(crate) fn checked(
    value: crate::core::money::Checked,
    what: &'static str,
) -> Result<rust_decimal::Decimal, ContractError> {
    value.value().ok_or(ContractError::Overflow { what })
}
