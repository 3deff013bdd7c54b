//! The same customer priced at every tier of the book and at the quote's own configuration.

use rust_decimal::Decimal;

use super::{CustomerCosts, RoiResult, roi_over_series};
use crate::core::limits::MAX_TERM_MONTHS;
use crate::core::options::{OptionError, priced_as_paid};
use crate::core::price_book::PriceBook;
use crate::core::pricing::{PricingError, price_quote};
use crate::core::quote::Quote;

/// Why an ROI option cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoiPricingError {
    #[error(transparent)]
    Pricing(#[from] PricingError),
    #[error(transparent)]
    Options(#[from] OptionError),
    /// A figure of the ROI overflowed exact decimal arithmetic; names the field or figure.
    #[error(transparent)]
    AmountTooLarge(#[from] crate::core::money::AmountTooLarge),
}

/// Which configuration an option prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoiOptionKind {
    /// Every device line moved to this tier (its id).
    Tier(String),
    /// The quote as it is.
    QuoteAsIs,
}

impl RoiOptionKind {
    /// The option's id for JSON and tables: the tier id, or "quote".
    pub fn id(&self) -> &str {
        match self {
            RoiOptionKind::Tier(tier) => tier,
            RoiOptionKind::QuoteAsIs => "quote",
        }
    }
}

/// One priced option and its ROI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoiOption {
    pub kind: RoiOptionKind,
    /// The option's name for people ("Silver", "This quote").
    pub name: String,
    pub monthly_recurring: Decimal,
    pub total_contract_value: Decimal,
    pub roi: RoiResult,
}

/// The ROI of `quote` with every device line moved to each tier of `book` (in book order:
/// Bronze, Silver, Gold in the standard book), then of the quote as it is.
///
/// A tier that cannot price the quote (a device kind it has no price for) is left out and
/// its reason returned in the second list.
///
/// Each option is priced as the customer pays it: with the quote's pricing options
/// (components, phases, package), when it has any.
///
/// # Errors
/// The [`RoiPricingError`] of the quote as it is, when it cannot be priced.
pub fn roi_options(
    book: &PriceBook,
    quote: &Quote,
    costs: &CustomerCosts,
    discount_rate_percent: Decimal,
) -> Result<(Vec<RoiOption>, Vec<String>), RoiPricingError> {
    let decimals = book.currency.decimals;
    if quote.term_months > MAX_TERM_MONTHS {
        return Err(PricingError::TermTooLong {
            term: quote.term_months,
            max: MAX_TERM_MONTHS,
        }
        .into());
    }
    // Every option has the quote's term: the customer's costs are computed once.
    let series = costs.series(quote.term_months, decimals)?;
    let mut options = Vec::with_capacity(book.tiers.len() + 1);
    let mut left_out = Vec::new();
    let option_of = |kind: RoiOptionKind, name: String, quote: &Quote| {
        let priced = priced_as_paid(book, quote, &price_quote(book, quote)?)?;
        Ok::<_, RoiPricingError>(RoiOption {
            kind,
            name,
            monthly_recurring: priced.monthly_recurring,
            total_contract_value: priced.total_contract_value,
            roi: roi_over_series(&series, &priced.schedule, discount_rate_percent, decimals)?,
        })
    };
    for tier in &book.tiers {
        let at_tier = quote.for_pricing_at_tier(&tier.id);
        match option_of(
            RoiOptionKind::Tier(tier.id.clone()),
            tier.name.clone(),
            &at_tier,
        ) {
            Ok(option) => options.push(option),
            Err(error) => left_out.push(format!("option {}: {error}", tier.name)),
        }
    }
    options.push(option_of(
        RoiOptionKind::QuoteAsIs,
        "This quote".to_string(),
        quote,
    )?);
    Ok((options, left_out))
}
