//! Time and materials: an estimate from work items, each billed at its rate-card entry in
//! whole billing increments, rounded up (pricing-rules.md section 4, "Time-and-Materials").
//!
//! # Rules
//! - The rate comes from the book's `time_materials` section: remote or on-site work, at the
//!   normal, emergency or escalated rate.
//! - Billed minutes = the item's minutes rounded UP to the rate's billing increment
//!   (15-minute increments: 1, 14, 15 -> 15; 16 -> 30).
//! - Labour = billed minutes / 60 x hourly rate, rounded half away from zero to the cent.
//! - An on-site item adds its rate's travel premium once (per visit).
//! - The quantity discount never applies, whatever the rate's `discountable` flag says: hourly
//!   rates are never discounted (pricing-rules.md section 2).

use rust_decimal::Decimal;

use super::OptionError;
use super::book::TimeMaterialsRates;
use crate::core::money::Checked;
use crate::core::price_book::{HourlyRate, PriceBook};

/// Where the work happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Remote,
    OnSite,
}

impl Place {
    /// The CLI and JSON name ("remote", "on-site").
    pub fn name(self) -> &'static str {
        match self {
            Place::Remote => "remote",
            Place::OnSite => "on-site",
        }
    }
}

/// How urgent or senior the work is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Normal,
    Emergency,
    Escalated,
}

impl Urgency {
    /// The CLI and JSON name ("normal", "emergency", "escalated").
    pub fn name(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Emergency => "emergency",
            Urgency::Escalated => "escalated",
        }
    }
}

/// One piece of work to estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkItem {
    pub description: String,
    /// Minutes of work (at least 1).
    pub minutes: u32,
    pub place: Place,
    pub urgency: Urgency,
}

/// A billed work item.
#[derive(Debug, Clone, PartialEq)]
pub struct BilledItem {
    pub description: String,
    pub minutes: u32,
    pub place: Place,
    pub urgency: Urgency,
    /// The rate-card entry it is billed at.
    pub rate_id: String,
    pub rate_name: String,
    /// Hourly rate.
    pub hourly_rate: Decimal,
    pub increment_minutes: u32,
    /// Minutes rounded up to the increment.
    pub billed_minutes: u32,
    /// billed minutes / 60 x hourly rate, rounded to the cent.
    pub labour: Decimal,
    /// The travel premium (on-site items; zero otherwise).
    pub travel_premium: Decimal,
    /// labour + travel premium.
    pub amount: Decimal,
}

/// A time-and-materials estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub items: Vec<BilledItem>,
    /// Sum of the items' billed minutes (in u64: never wraps).
    pub billed_minutes: u64,
    pub labour: Decimal,
    pub travel: Decimal,
    /// Sum of the items' amounts. No quantity discount.
    pub total: Decimal,
}

/// `minutes` rounded up to a whole number of `increment`-minute increments (`increment` 0 is
/// treated as 1).
pub fn round_up_to_increment(minutes: u32, increment: u32) -> u32 {
    let increment = increment.max(1);
    minutes.div_ceil(increment).saturating_mul(increment)
}

/// The rate-card entry work of this place and urgency is billed at.
///
/// # Errors
/// [`OptionError`] when the book has no `time_materials` section or names a missing rate.
pub fn rate_for(
    book: &PriceBook,
    place: Place,
    urgency: Urgency,
) -> Result<&HourlyRate, OptionError> {
    let rates: &TimeMaterialsRates =
        book.options
            .time_materials
            .as_ref()
            .ok_or(OptionError::NotInBook {
                section: "time_materials",
                what: "time-and-materials work",
            })?;
    let id = match (place, urgency) {
        (Place::Remote, Urgency::Normal) => &rates.remote_normal,
        (Place::Remote, Urgency::Emergency) => &rates.remote_emergency,
        (Place::Remote, Urgency::Escalated) => &rates.remote_escalated,
        (Place::OnSite, Urgency::Normal) => &rates.onsite_normal,
        (Place::OnSite, Urgency::Emergency) => &rates.onsite_emergency,
        (Place::OnSite, Urgency::Escalated) => &rates.onsite_escalated,
    };
    book.hourly_rate(id).ok_or_else(|| OptionError::Unknown {
        what: "hourly rate",
        id: id.clone(),
        allowed: crate::core::price_book::join_display(book.hourly_rates.iter().map(|r| &r.id)),
    })
}

/// Estimates `items`.
///
/// # Errors
/// [`OptionError`] as [`rate_for`], or when an item has 0 minutes.
pub fn estimate(book: &PriceBook, items: &[WorkItem]) -> Result<Estimate, OptionError> {
    let decimals = book.currency.decimals;
    let mut billed = Vec::with_capacity(items.len());
    for item in items {
        if item.minutes == 0 {
            return Err(OptionError::OutOfRange {
                what: "an item's minutes",
                value: "0".to_string(),
                rule: format!("'{}' needs at least 1 minute", item.description),
            });
        }
        let rate = rate_for(book, item.place, item.urgency)?;
        let billed_minutes = round_up_to_increment(item.minutes, rate.billing_increment_minutes);
        let labour = (Checked::from(billed_minutes) * rate.rate / 60u32)
            .round(decimals)
            .or_too_large_with(|| {
                format!("hourly_rates.{}.rate x {billed_minutes} minutes", rate.id)
            })?;
        let travel_premium = match item.place {
            Place::OnSite => rate.travel_premium,
            Place::Remote => Decimal::ZERO,
        };
        billed.push(BilledItem {
            description: item.description.clone(),
            minutes: item.minutes,
            place: item.place,
            urgency: item.urgency,
            rate_id: rate.id.clone(),
            rate_name: rate.name.clone(),
            hourly_rate: rate.rate,
            increment_minutes: rate.billing_increment_minutes,
            billed_minutes,
            labour,
            travel_premium,
            amount: (Checked::from(labour) + travel_premium)
                .or_too_large_with(|| format!("hourly_rates.{}.travel_premium", rate.id))?,
        });
    }
    let total = |figure: &str, amount: fn(&BilledItem) -> Decimal| {
        billed
            .iter()
            .map(amount)
            .sum::<Checked>()
            .or_too_large(figure)
    };
    Ok(Estimate {
        billed_minutes: billed
            .iter()
            .map(|item| u64::from(item.billed_minutes))
            .sum(),
        labour: total("the estimate's labour", |item| item.labour)?,
        travel: total("the estimate's travel premiums", |item| item.travel_premium)?,
        total: total("the estimate's total", |item| item.amount)?,
        items: billed,
    })
}

#[cfg(test)]
mod tests {
    use super::round_up_to_increment;

    #[test]
    fn minutes_round_up_to_the_increment() {
        // pricing-rules.md section 4: round up to the increment (15 minutes for remote work).
        let cases = [
            ("1 minute", 1, 15, 15),
            ("14 minutes", 14, 15, 15),
            ("15 minutes exactly", 15, 15, 15),
            ("16 minutes", 16, 15, 30),
            ("61 minutes by the hour", 61, 60, 120),
            ("increment 0 treated as 1", 7, 0, 7),
        ];
        for (name, minutes, increment, expected) in cases {
            assert_eq!(
                round_up_to_increment(minutes, increment),
                expected,
                "case {name}"
            );
        }
    }
}
