//! The handbook's pricing options besides the tiers (pricing-rules.md section 4 and the tier
//! notes of section 1): per-service components and the phased path, complete packages, time
//! and materials, assessment fees, and the support-hour ledger.
//!
//! Each option is a pure function over the validated [`PriceBook`](super::price_book::PriceBook)
//! and plain inputs; money is exact [`rust_decimal::Decimal`], rounded half away from zero to
//! the cent where the module says so. The book's settings for the options are in [`book`].

pub mod assessment;
pub mod book;
pub mod components;
pub mod ledger;
pub mod package;
pub mod quote_options;
pub mod time_materials;

pub use book::PricingOptions;
pub use quote_options::{
    PackageChoice, PackageSelector, PricedOptions, QuoteOptions, combined_schedule,
    price_quote_options, priced_as_paid, priced_with_options,
};

/// Why an option cannot be priced. Each message is one line a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// The price book has no section for this option.
    #[error("the price book has no {section} section, so it cannot price {what}")]
    NotInBook {
        section: &'static str,
        what: &'static str,
    },
    /// An id the book does not know.
    #[error("unknown {what} '{id}' (allowed: {allowed})")]
    Unknown {
        what: &'static str,
        id: String,
        allowed: String,
    },
    /// A count or quantity outside what the option accepts.
    #[error("{what} is {value}; {rule}")]
    OutOfRange {
        what: &'static str,
        value: String,
        rule: String,
    },
    /// The pricing engine refused the services part.
    #[error("{0}")]
    Pricing(#[from] crate::core::pricing::PricingError),
    /// A number too large to compute exactly.
    #[error("{what} is too large to compute")]
    Overflow { what: &'static str },
    /// A figure overflowed exact decimal arithmetic; names the field or figure.
    #[error(transparent)]
    AmountTooLarge(#[from] crate::core::money::AmountTooLarge),
}

use rust_decimal::Decimal;

use crate::core::pricing::PricedQuote;

/// A priced quote with options' monthly amounts added to every month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CombinedTotals {
    /// The quote's monthly recurring + the options' monthly amount.
    pub monthly_recurring: Decimal,
    /// Month 1's amount due.
    pub first_invoice: Decimal,
    /// Sum of every month's amount due.
    pub total_contract_value: Decimal,
}

/// The quote's schedule with `options_monthly` added to each month, the term credits applied
/// again by the quote's rule (in their month, never making a month negative, the excess
/// carried forward, lost after the last month): a credit the quote alone could not use may be
/// used against the options. The setup fee is the quote's (counted once).
///
/// # Errors
/// [`AmountTooLarge`](crate::core::money::AmountTooLarge) naming the figure that overflows.
pub fn combine_with_quote(
    priced: &PricedQuote,
    options_monthly: Decimal,
) -> Result<CombinedTotals, crate::core::money::AmountTooLarge> {
    use crate::core::money::Checked;
    let (schedule, _) = combined_schedule(priced, options_monthly)?;
    Ok(CombinedTotals {
        monthly_recurring: (Checked::from(priced.monthly_recurring) + options_monthly)
            .or_too_large("the monthly recurring total with options")?,
        first_invoice: schedule.first().map_or(Decimal::ZERO, |month| month.due),
        total_contract_value: schedule
            .iter()
            .map(|month| month.due)
            .sum::<Checked>()
            .or_too_large("the total contract value with options")?,
    })
}
