//! Band evaluation: which band a count falls in, volume and graduated splits, and cliffs.
//!
//! Shared by the quantity discount and by anything else priced in bands (affiliate
//! subscriptions in the cost analysis).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::price_book::Band;

/// Where a count lands in a list of bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandLookup {
    /// Index of the band whose rate applies.
    pub index: usize,
    /// True when the count was above the last band and the last band's rate was used.
    pub past_last_band: bool,
}

/// The band containing `count`, or the last band when `count` is above it.
///
/// Returns `None` only when `bands` is empty or `count` is below the first band.
pub fn band_for_count(bands: &[Band], count: u32) -> Option<BandLookup> {
    if let Some(index) = bands.iter().position(|band| band.contains(count)) {
        return Some(BandLookup {
            index,
            past_last_band: false,
        });
    }
    let last = bands.len().checked_sub(1)?;
    (count > bands[last].max).then_some(BandLookup {
        index: last,
        past_last_band: true,
    })
}

/// How many of the units at positions `first..first+count` (1-based) fall into each band,
/// for graduated evaluation. Units past the last band are counted in the last band.
///
/// Returns `(band index, units)` pairs in band order, omitting bands with no units.
pub fn graduated_split(bands: &[Band], first: u32, count: u32) -> Vec<(usize, u32)> {
    let mut split = Vec::new();
    if count == 0 || bands.is_empty() {
        return split;
    }
    let last_position = first.saturating_add(count - 1);
    for (index, band) in bands.iter().enumerate() {
        let is_last = index + 1 == bands.len();
        let upper = if is_last { u32::MAX } else { band.max };
        let lower = band.min.max(first);
        let upper = upper.min(last_position);
        if lower <= upper {
            split.push((index, upper - lower + 1));
        }
    }
    split
}

/// A volume-mode cliff: buying one more unit than `last_of_band` lowers the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cliff {
    /// The last count of the lower band (20 in the standard book's 20 -> 21 cliff).
    pub last_of_band: u32,
    /// The smallest count that costs more in total than `last_of_band + 1` units.
    pub dead_zone_start: u32,
}

/// The cliffs of a volume schedule: boundaries where `n + 1` units cost less in total than
/// `n`, judged on the discount factors alone (they hold for every list price, up to rounding).
pub fn volume_cliffs(bands: &[Band]) -> Vec<Cliff> {
    let hundred = Decimal::ONE_HUNDRED;
    let mut cliffs = Vec::new();
    for pair in bands.windows(2) {
        let (lower, upper) = (pair[0], pair[1]);
        let lower_factor = (hundred - lower.discount_percent) / hundred;
        let upper_factor = (hundred - upper.discount_percent) / hundred;
        let next_total = Decimal::from(upper.min) * upper_factor;
        if next_total < Decimal::from(lower.max) * lower_factor {
            // The smallest count n >= lower.min with n x lower_factor > next_total, found
            // directly (a loop over the band's counts hangs on a band of billions).
            let start = dead_zone_start(lower, lower_factor, next_total);
            cliffs.push(Cliff {
                last_of_band: lower.max,
                dead_zone_start: start,
            });
        }
    }
    cliffs
}

/// The smallest count of `band` whose total at `factor` is above `next_total` (`band.max`
/// is one: the caller checked it). Counts and factors are at most u32::MAX and 1, so no
/// product here overflows.
fn dead_zone_start(band: Band, factor: Decimal, next_total: Decimal) -> u32 {
    if factor <= Decimal::ZERO {
        return band.max;
    }
    // n > next_total / factor: the floor of the quotient + 1, then corrected by one either
    // way for the quotient's last digit.
    let quotient = (next_total / factor).floor();
    let mut start = quotient
        .to_u32()
        .map_or(band.max, |whole| whole.saturating_add(1))
        .clamp(band.min, band.max);
    while start > band.min && Decimal::from(start - 1) * factor > next_total {
        start -= 1;
    }
    while start < band.max && Decimal::from(start) * factor <= next_total {
        start += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn standard_bands() -> Vec<Band> {
        [
            (1, 1, dec!(0)),
            (2, 5, dec!(4)),
            (6, 10, dec!(8)),
            (11, 20, dec!(12)),
            (21, 50, dec!(18)),
            (51, 100, dec!(25)),
        ]
        .into_iter()
        .map(|(min, max, discount_percent)| Band {
            min,
            max,
            discount_percent,
        })
        .collect()
    }

    #[test]
    fn every_band_edge_finds_its_band() {
        let bands = standard_bands();
        let cases = [
            (1, 0, false),
            (2, 1, false),
            (5, 1, false),
            (6, 2, false),
            (10, 2, false),
            (11, 3, false),
            (20, 3, false),
            (21, 4, false),
            (50, 4, false),
            (51, 5, false),
            (100, 5, false),
            (101, 5, true),
        ];
        for (count, index, past) in cases {
            let lookup = band_for_count(&bands, count).unwrap();
            assert_eq!(lookup.index, index, "count {count}");
            assert_eq!(lookup.past_last_band, past, "count {count}");
        }
        assert_eq!(band_for_count(&bands, 0), None, "zero is below every band");
    }

    #[test]
    fn graduated_split_fills_bands_in_order() {
        let bands = standard_bands();
        assert_eq!(graduated_split(&bands, 1, 7), vec![(0, 1), (1, 4), (2, 2)]);
        assert_eq!(graduated_split(&bands, 4, 3), vec![(1, 2), (2, 1)]);
        assert_eq!(
            graduated_split(&bands, 1, 102),
            vec![(0, 1), (1, 4), (2, 5), (3, 10), (4, 30), (5, 52)],
            "units past 100 stay in the last band"
        );
    }

    #[test]
    fn standard_bands_have_cliffs_at_20_and_50() {
        // 20 x 0.88 = 17.60 > 21 x 0.82 = 17.22; 50 x 0.82 = 41.00 > 51 x 0.75 = 38.25.
        // Dead zones: 20 x 0.88 > 17.22 but 19 x 0.88 = 16.72 is not, so only 20;
        // 47 x 0.82 = 38.54 > 38.25 but 46 x 0.82 = 37.72 is not, so 47-50.
        let cliffs = volume_cliffs(&standard_bands());
        assert_eq!(
            cliffs,
            vec![
                Cliff {
                    last_of_band: 20,
                    dead_zone_start: 20
                },
                Cliff {
                    last_of_band: 50,
                    dead_zone_start: 47
                }
            ]
        );
    }
}
