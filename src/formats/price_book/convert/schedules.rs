//! A discount schedule of a raw book -> a validated schedule, its bands checked.

use std::collections::BTreeSet;

use super::super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::Checker;

pub(super) fn schedule_of(
    check: &mut Checker,
    index: usize,
    schedule: &RawDiscountSchedule,
    kinds: &BTreeSet<&str>,
) -> DiscountSchedule {
    let path = format!("discount_schedules[{index}]");
    let mode = match schedule.mode {
        Some(RawDiscountMode::Volume) => DiscountMode::Volume,
        Some(RawDiscountMode::Graduated) => DiscountMode::Graduated,
        None => {
            check.error(
                format!("{path}.mode"),
                "missing band mode: write `mode: Some(volume)` or `mode: Some(graduated)`",
            );
            DiscountMode::Volume
        }
    };
    if !kinds.contains(schedule.counted_kind.as_str()) {
        check.error(
            format!("{path}.counted_kind"),
            format!("unknown device kind '{}'", schedule.counted_kind),
        );
    }
    for (kind_index, kind) in schedule.applies_to_kinds.iter().enumerate() {
        if !kinds.contains(kind.as_str()) {
            check.error(
                format!("{path}.applies_to_kinds[{kind_index}]"),
                format!("unknown device kind '{kind}'"),
            );
        }
    }
    let bands: Vec<Band> = schedule
        .bands
        .iter()
        .enumerate()
        .map(|(band_index, band)| Band {
            min: band.min,
            max: band.max,
            discount_percent: check.percent(
                &format!("{path}.bands[{band_index}].discount_percent"),
                &band.discount_percent,
            ),
        })
        .collect();
    check_bands(check, &path, &bands);
    DiscountSchedule {
        id: schedule.id.clone(),
        mode,
        counted_kind: schedule.counted_kind.clone(),
        applies_to_kinds: schedule.applies_to_kinds.clone(),
        applies_to_discountable_addons: schedule.applies_to_discountable_addons,
        bands,
        past_last_band: match schedule.past_last_band {
            RawPastLastBand::LastRateWithWarning => PastLastBand::LastRateWithWarning,
            RawPastLastBand::Refuse => PastLastBand::Refuse,
        },
    }
}

/// Bands must start at 1, each min <= max, and each start right after the previous ends.
pub(super) fn check_bands(check: &mut Checker, path: &str, bands: &[Band]) {
    if bands.is_empty() {
        check.error(
            format!("{path}.bands"),
            "a schedule needs at least one band",
        );
        return;
    }
    if bands[0].min != 1 {
        check.error(
            format!("{path}.bands[0].min"),
            format!(
                "the first band starts at {}; it must start at 1",
                bands[0].min
            ),
        );
    }
    for (index, band) in bands.iter().enumerate() {
        if band.min > band.max {
            check.error(
                format!("{path}.bands[{index}]"),
                format!("min {} is above max {}", band.min, band.max),
            );
        }
        if index == 0 {
            continue;
        }
        let previous = bands[index - 1];
        let expected = previous.max.saturating_add(1);
        if band.min < previous.min {
            check.error(
                format!("{path}.bands[{index}]"),
                format!(
                    "bands are not sorted: {}-{} comes after {}-{}",
                    band.min, band.max, previous.min, previous.max
                ),
            );
        } else if band.min < expected {
            check.error(
                format!("{path}.bands[{index}]"),
                format!(
                    "band {}-{} overlaps {}-{}",
                    band.min, band.max, previous.min, previous.max
                ),
            );
        } else if band.min > expected {
            check.error(
                format!("{path}.bands[{index}]"),
                format!("gap: no band covers {expected}-{}", band.min - 1),
            );
        }
    }
}
