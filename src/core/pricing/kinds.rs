//! Pricing any kind a book declares: per-user kinds counted from the quote's users, and the
//! band of every schedule the quote's lines use (each kind can be banded on its own count).

use super::band::applied_band;
use super::{AppliedBand, PricingError, Warning};
use crate::core::price_book::{DiscountSchedule, PriceBook};
use crate::core::quote::Quote;

/// The quote with the count of every line of a per-user kind that gives none (count 0) taken
/// from the quote's users; `None` when no line needs it.
///
/// # Errors
/// [`PricingError::NoUsers`] when such a line meets a quote with no users.
pub(super) fn with_user_counts(
    book: &PriceBook,
    quote: &Quote,
) -> Result<Option<Quote>, PricingError> {
    let per_user = |kind: &str| book.device_kind(kind).is_some_and(|k| k.counted_from_users);
    if !quote
        .devices
        .iter()
        .any(|line| line.count == 0 && per_user(&line.kind))
    {
        return Ok(None);
    }
    let mut resolved = quote.clone();
    for (index, line) in resolved.devices.iter_mut().enumerate() {
        if line.count == 0 && per_user(&line.kind) {
            if quote.customer.users == 0 {
                return Err(PricingError::NoUsers {
                    line: index + 1,
                    tier: line.tier.clone(),
                    kind: line.kind.clone(),
                });
            }
            line.count = quote.customer.users;
        }
    }
    Ok(Some(resolved))
}

/// The schedules the quote's lines are discounted by, in order of first use; when no line
/// uses one, the first schedule any of its tiers names, else the book's first (so add-ons and
/// screens still see a band).
fn quote_schedules<'a>(book: &'a PriceBook, quote: &Quote) -> Vec<&'a DiscountSchedule> {
    let mut schedules: Vec<&DiscountSchedule> = Vec::new();
    for line in &quote.devices {
        if let Some(schedule) = book
            .tier(&line.tier)
            .and_then(|tier| book.schedule_for(tier, &line.kind))
            && !schedules.iter().any(|s| s.id == schedule.id)
        {
            schedules.push(schedule);
        }
    }
    if schedules.is_empty()
        && let Some(schedule) = quote
            .devices
            .iter()
            .filter_map(|line| book.tier(&line.tier)?.discount_schedule.as_deref())
            .chain(book.discount_schedules.first().map(|s| s.id.as_str()))
            .find_map(|id| book.discount_schedule(id))
    {
        schedules.push(schedule);
    }
    schedules
}

/// Finds the band of every schedule the quote uses and adds the band warnings (cliff, past
/// the last band). Each schedule counts its own kind: workstations are banded by the
/// workstation count, independently of servers.
pub(super) fn applied_bands(
    book: &PriceBook,
    quote: &Quote,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<AppliedBand>, PricingError> {
    let mut bands = Vec::new();
    for schedule in quote_schedules(book, quote) {
        if let Some(band) = applied_band(book, schedule, quote, warnings)? {
            bands.push(band);
        }
    }
    Ok(bands)
}
