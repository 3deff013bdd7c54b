//! Price increases (or decreases) as one operation: every selected price of a book times
//! (1 + p/100), rounded half away from zero to the currency's places, as a new version.
//!
//! What "a price" is, per scope:
//! - tiers: every monthly price per device kind of every tier;
//! - add-ons: every add-on's monthly price;
//! - rates: every hourly rate of the rate card, its travel premium, and the tiers' rate
//!   overrides that are amounts (an `included` override stays included).
//!
//! Not adjusted: the setup fee, term credits, internal reserves, costs and markups (they are
//! not prices a customer pays per month or hour; change them by hand or in the editor).

use rust_decimal::Decimal;

use super::money::round_half_away;
use super::price_book::{PriceBook, RateOverride};

/// Which prices an adjustment changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AdjustScope {
    /// Tiers, add-ons and hourly rates.
    #[default]
    All,
    /// The tiers' monthly prices only.
    Tiers,
    /// The add-ons' monthly prices only.
    AddOns,
    /// The hourly rates (rate card, travel premiums, tier rate overrides) only.
    Rates,
}

impl AdjustScope {
    fn tiers(self) -> bool {
        matches!(self, AdjustScope::All | AdjustScope::Tiers)
    }

    fn addons(self) -> bool {
        matches!(self, AdjustScope::All | AdjustScope::AddOns)
    }

    fn rates(self) -> bool {
        matches!(self, AdjustScope::All | AdjustScope::Rates)
    }
}

/// Why an adjustment cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdjustError {
    /// The percent would make prices negative (or is absurdly large).
    #[error("a change of {percent}% is outside -100..1000")]
    PercentOutOfRange { percent: String },
    /// The new version is empty or equals the old one.
    #[error("the new version '{version}' must differ from the book's version and not be empty")]
    SameVersion { version: String },
    /// A price too large to compute exactly.
    #[error("{what} is too large to adjust")]
    Overflow { what: String },
}

/// `book` with every price in `scope` times (1 + `percent`/100), rounded half away from zero
/// to the book's currency places, and `new_version` as its version. Everything else is kept.
///
/// # Errors
/// An [`AdjustError`] when `percent` is outside -100..=1000, `new_version` is empty or the
/// book's own, or a price overflows.
pub fn adjust_prices(
    book: &PriceBook,
    percent: Decimal,
    scope: AdjustScope,
    new_version: &str,
) -> Result<PriceBook, AdjustError> {
    if percent < -Decimal::ONE_HUNDRED || percent > Decimal::from(1000) {
        return Err(AdjustError::PercentOutOfRange {
            percent: percent.normalize().to_string(),
        });
    }
    if new_version.trim().is_empty() || new_version == book.version {
        return Err(AdjustError::SameVersion {
            version: new_version.to_string(),
        });
    }
    let decimals = book.currency.decimals;
    let factor = Decimal::ONE_HUNDRED
        .checked_add(percent)
        .ok_or_else(|| overflow("the percent"))?;
    let scale = |amount: Decimal, what: &dyn Fn() -> String| -> Result<Decimal, AdjustError> {
        amount
            .checked_mul(factor)
            .and_then(|scaled| scaled.checked_div(Decimal::ONE_HUNDRED))
            .map(|scaled| round_half_away(scaled, decimals))
            .ok_or_else(|| overflow(&what()))
    };
    let mut adjusted = book.clone();
    adjusted.version = new_version.to_string();
    for tier in &mut adjusted.tiers {
        if scope.tiers() {
            for (kind, price) in &mut tier.monthly_prices {
                *price = scale(*price, &|| format!("{} {kind} price", tier.name))?;
            }
        }
        if scope.rates() {
            for (rate, value) in &mut tier.rate_overrides {
                if let RateOverride::Rate(amount) = value {
                    *amount = scale(*amount, &|| format!("{} rate override {rate}", tier.name))?;
                }
            }
        }
    }
    if scope.addons() {
        for addon in &mut adjusted.addons {
            addon.monthly_price = scale(addon.monthly_price, &|| format!("add-on {}", addon.id))?;
        }
    }
    if scope.rates() {
        for rate in &mut adjusted.hourly_rates {
            rate.rate = scale(rate.rate, &|| format!("hourly rate {}", rate.id))?;
            rate.travel_premium = scale(rate.travel_premium, &|| {
                format!("travel premium of {}", rate.id)
            })?;
        }
    }
    Ok(adjusted)
}

fn overflow(what: &str) -> AdjustError {
    AdjustError::Overflow {
        what: what.to_string(),
    }
}

/// The version an adjustment gets when none is given: "2026.1" + 5% -> "2026.1+5%".
pub fn adjusted_version(version: &str, percent: Decimal) -> String {
    let sign = if percent.is_sign_negative() { "" } else { "+" };
    format!("{version}{sign}{}%", percent.normalize())
}
