//! The sane limits of every number a user can enter (decided for issue "Hostile input").
//!
//! Files (`formats::price_book`, `formats::quote`), the command line and the window refuse a
//! value past these limits, each with its field path; docs/PRICE-BOOK.md states them. Within
//! them no figure of the engines can overflow exact decimal arithmetic. The core does not rely
//! on them: any overflow there is a typed "amount too large" error
//! ([`AmountTooLarge`](super::money::AmountTooLarge)), never a panic.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Largest money amount of any one field (a price, cost, rate, fee, credit, reserve, salary).
pub const MAX_AMOUNT: Decimal = dec!(1000000000);

/// Largest number of hours of any one field (hours per month, included hours, usage).
pub const MAX_HOURS: Decimal = dec!(1000000);

/// Largest count of any one field (a device line, a quantity, users, groups).
pub const MAX_COUNT: u32 = 10_000_000;

/// Most devices one quote may have, all lines summed (summed in u64, never wrapped).
pub const MAX_QUOTE_DEVICES: u64 = 100_000_000;

/// Longest contract term, lease or ROI horizon, in months.
pub const MAX_TERM_MONTHS: u32 = 120;

/// Largest markup (or employment burden), percent.
pub const MAX_MARKUP_PERCENT: Decimal = dec!(1000);
