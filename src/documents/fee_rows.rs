//! The fee rows of the documents: device lines of one tier, kind and price, and add-on lines
//! of one add-on and price, each summed into one row (a device line is only a tier, a kind
//! and a count, an add-on line an add-on and a quantity, so summing loses nothing and no
//! table grows with how many lines a quote splits things into).

use std::collections::HashMap;
use std::hash::Hash;

use rust_decimal::Decimal;

use crate::core::pricing::{LineSegment, PricedQuote};

/// One row of device fees: devices of one tier and kind at one price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DeviceFeeRow<'a> {
    pub(super) tier_name: &'a str,
    pub(super) kind_name: &'a str,
    pub(super) count: u64,
    pub(super) unit_list: Decimal,
    pub(super) discount_percent: Decimal,
    pub(super) extra_discount_percent: Decimal,
    pub(super) unit_net: Decimal,
    pub(super) monthly: Decimal,
}

/// One row of add-on fees: one add-on at one price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct AddOnFeeRow<'a> {
    pub(super) name: &'a str,
    pub(super) quantity: u64,
    pub(super) unit_list: Decimal,
    pub(super) discount_percent: Decimal,
    pub(super) unit_net: Decimal,
    pub(super) monthly: Decimal,
}

/// `rows` in the order of their first appearance, those with the same `key` summed by
/// `add` (which returns `None`, keeping the rows apart, when the sum would leave the exact
/// range).
fn summed<R, K: Hash + Eq>(
    rows: impl IntoIterator<Item = R>,
    key: impl Fn(&R) -> K,
    add: impl Fn(&mut R, &R) -> Option<()>,
) -> Vec<R> {
    let mut summed: Vec<R> = Vec::new();
    let mut index: HashMap<K, usize> = HashMap::new();
    for row in rows {
        let row_key = key(&row);
        let added = index
            .get(&row_key)
            .and_then(|&at| add(&mut summed[at], &row));
        if added.is_none() {
            index.insert(row_key, summed.len());
            summed.push(row);
        }
    }
    summed
}

/// The device fee rows: a line gives one row (one per segment when its devices get
/// different discounts), and rows of the same tier, kind, list price, discounts and net
/// price are summed.
pub(super) fn device_fee_rows(priced: &PricedQuote) -> Vec<DeviceFeeRow<'_>> {
    let rows = priced.lines.iter().flat_map(|line| {
        let single = LineSegment {
            count: line.count,
            discount_percent: line.discount_percent,
            unit_net: line.unit_net,
            amount: line.monthly,
        };
        let segments = if line.segments.len() <= 1 {
            vec![single]
        } else {
            line.segments.clone()
        };
        segments.into_iter().map(move |segment| DeviceFeeRow {
            tier_name: &line.tier_name,
            kind_name: &line.kind_name,
            count: u64::from(segment.count),
            unit_list: line.unit_list,
            discount_percent: segment.discount_percent,
            extra_discount_percent: line.extra_discount_percent,
            unit_net: segment.unit_net,
            monthly: segment.amount,
        })
    });
    summed(
        rows,
        |row| {
            (
                row.tier_name,
                row.kind_name,
                [
                    row.unit_list,
                    row.discount_percent,
                    row.extra_discount_percent,
                    row.unit_net,
                ],
            )
        },
        |same, row| {
            same.monthly = same.monthly.checked_add(row.monthly)?;
            same.count += row.count;
            Some(())
        },
    )
}

/// The add-on fee rows: lines of the same add-on, list price, discount and net price summed.
pub(super) fn addon_fee_rows(priced: &PricedQuote) -> Vec<AddOnFeeRow<'_>> {
    let rows = priced.addons.iter().map(|addon| AddOnFeeRow {
        name: &addon.name,
        quantity: u64::from(addon.quantity),
        unit_list: addon.unit_list,
        discount_percent: addon.discount_percent,
        unit_net: addon.unit_net,
        monthly: addon.monthly,
    });
    summed(
        rows,
        |row| {
            (
                row.name,
                [row.unit_list, row.discount_percent, row.unit_net],
            )
        },
        |same, row| {
            same.monthly = same.monthly.checked_add(row.monthly)?;
            same.quantity += row.quantity;
            Some(())
        },
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::core::price_book::DiscountMode;
    use crate::core::pricing::price_quote;
    use crate::core::quote::{DeviceLine, Quote};
    use crate::formats::price_book::standard_book;

    const TIERS: [&str; 3] = ["bronze", "silver", "gold"];

    proptest! {
        /// However the servers are split into lines, in volume or graduated mode, the fee
        /// rows hold every device and every cent of the lines, and no two rows could be one.
        #[test]
        fn device_fee_rows_reconcile_with_the_lines(
            lines in prop::collection::vec((0usize..3, 1u32..40), 1..30),
            graduated in any::<bool>(),
        ) {
            let mut book = standard_book().unwrap().book;
            if graduated {
                for schedule in &mut book.discount_schedules {
                    schedule.mode = DiscountMode::Graduated;
                }
            }
            let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
            quote.devices = lines
                .iter()
                .map(|(tier, count)| DeviceLine {
                    tier: TIERS[*tier].to_string(),
                    kind: "server".to_string(),
                    count: *count,
                })
                .collect();
            let priced = price_quote(&book, &quote).unwrap();
            let rows = device_fee_rows(&priced);
            let devices: u64 = lines.iter().map(|(_, count)| u64::from(*count)).sum();
            prop_assert_eq!(rows.iter().map(|row| row.count).sum::<u64>(), devices);
            let lines_monthly: Decimal = priced.lines.iter().map(|line| line.monthly).sum();
            let rows_monthly: Decimal = rows.iter().map(|row| row.monthly).sum();
            prop_assert_eq!(rows_monthly, lines_monthly);
            for (index, row) in rows.iter().enumerate() {
                let same_price = |other: &DeviceFeeRow| {
                    (other.tier_name, other.kind_name, other.unit_list, other.discount_percent,
                     other.extra_discount_percent, other.unit_net)
                        == (row.tier_name, row.kind_name, row.unit_list, row.discount_percent,
                            row.extra_discount_percent, row.unit_net)
                };
                prop_assert!(!rows[index + 1..].iter().any(same_price), "{:?} twice", row);
            }
            // At most one row per tier and discount band (one band past the last).
            let bands: usize = book.discount_schedules.iter().map(|s| s.bands.len() + 1).sum();
            prop_assert!(rows.len() <= TIERS.len() * bands, "{} rows", rows.len());
        }
    }
}
