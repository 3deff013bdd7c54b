//! The band a discount schedule gives a quote: the schedule's counted devices, the band they
//! fall in, and the warnings that go with it (past the last band, volume cliffs).

use super::{AppliedBand, PricingError, Warning, WarningField, WarningKind};
use crate::core::bands::{band_for_count, volume_cliffs};
use crate::core::money::percent_text;
use crate::core::price_book::{DiscountMode, DiscountSchedule, PastLastBand, PriceBook};
use crate::core::quote::Quote;

/// The band `schedule` gives the quote, with its warnings.
pub(super) fn applied_band(
    book: &PriceBook,
    schedule: &DiscountSchedule,
    quote: &Quote,
    warnings: &mut Vec<Warning>,
) -> Result<Option<AppliedBand>, PricingError> {
    let count = counted_total(schedule, quote);
    let Some(lookup) = band_for_count(&schedule.bands, count) else {
        return Ok(None);
    };
    let band = schedule.bands[lookup.index];
    let kind_name = book.kind_name(&schedule.counted_kind).to_lowercase();
    if lookup.past_last_band {
        if schedule.past_last_band == PastLastBand::Refuse {
            return Err(PricingError::AboveLastBand {
                count,
                kind: kind_name,
                max: band.max,
            });
        }
        warnings.push(Warning {
            kind: WarningKind::PastLastBand,
            field: WarningField::Devices,
            message: format!(
                "{count} {kind_name}s is above the last discount band ({}-{}): the last band's \
                 {}% applies and custom pricing needs approval",
                band.min,
                band.max,
                percent_text(band.discount_percent)
            ),
        });
    }
    if schedule.mode == DiscountMode::Volume {
        for cliff in volume_cliffs(&schedule.bands) {
            let next = cliff.last_of_band + 1;
            if (cliff.dead_zone_start..=next).contains(&count) {
                warnings.push(Warning {
                    kind: WarningKind::Cliff,
                    field: WarningField::Devices,
                    message: format!(
                        "volume cliff {} -> {next} {kind_name}s: {} to {} {kind_name}s cost more \
                         in total than {next}",
                        cliff.last_of_band, cliff.dead_zone_start, cliff.last_of_band
                    ),
                });
            }
        }
    }
    Ok(Some(AppliedBand {
        schedule_id: schedule.id.clone(),
        counted_kind: schedule.counted_kind.clone(),
        count,
        min: band.min,
        max: band.max,
        discount_percent: band.discount_percent,
        past_last_band: lookup.past_last_band,
    }))
}

/// The schedule's counted devices on the quote, summed in u64 (never wrapped); a total past
/// `u32::MAX` counts as `u32::MAX`, which `price_quote` has refused before (it caps the
/// quote's devices at [`MAX_QUOTE_DEVICES`](crate::core::limits::MAX_QUOTE_DEVICES)).
pub(super) fn counted_total(schedule: &DiscountSchedule, quote: &Quote) -> u32 {
    let total: u64 = quote
        .devices
        .iter()
        .filter(|line| line.kind == schedule.counted_kind)
        .map(|line| u64::from(line.count))
        .sum();
    u32::try_from(total).unwrap_or(u32::MAX)
}
