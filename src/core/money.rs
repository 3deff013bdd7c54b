//! Exact money arithmetic: rounding rules and display formats.
//!
//! Every amount in the product is a [`Decimal`]. Rounding happens only where
//! pricing-rules.md says so, and always through the functions here, so that the
//! screen, JSON, PDF and xlsx show the same cents.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds `amount` to `decimals` places, half away from zero (2.345 -> 2.35, -2.345 -> -2.35).
pub fn round_half_away(amount: Decimal, decimals: u32) -> Decimal {
    amount.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds `amount` down (towards zero) to `decimals` places: used where the rules say
/// "rounded down to the cent" and a remainder is carried elsewhere.
pub fn round_down(amount: Decimal, decimals: u32) -> Decimal {
    amount.round_dp_with_strategy(decimals, RoundingStrategy::ToZero)
}

/// Rounds a percentage for reporting: half away from zero to two decimals.
pub fn round_percent(percent: Decimal) -> Decimal {
    round_half_away(percent, 2)
}

/// `amount` as a plain string with exactly `decimals` places and no grouping ("4830.00"):
/// the form used in JSON and RON.
pub fn plain(amount: Decimal, decimals: u32) -> String {
    let mut rounded = round_half_away(amount, decimals);
    rounded.rescale(decimals);
    if rounded.is_zero() {
        // Never print "-0.00".
        rounded.set_sign_positive(true);
    }
    rounded.to_string()
}

/// `amount` with exactly two decimals ("4830.00"): the JSON form of money.
pub fn cents(amount: Decimal) -> String {
    plain(amount, 2)
}

/// `amount` for people: currency symbol, thousands separators, fixed decimals ("$4,830.00",
/// "-$1,200.00").
pub fn display(amount: Decimal, symbol: &str, decimals: u32) -> String {
    let text = plain(amount, decimals);
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if negative { "-" } else { "" };
    match fraction {
        Some(fraction) => format!("{sign}{symbol}{grouped}.{fraction}"),
        None => format!("{sign}{symbol}{grouped}"),
    }
}

/// A percentage for people and JSON, without trailing zeros ("8", "12.5", "27.99").
pub fn percent_text(percent: Decimal) -> String {
    round_percent(percent).normalize().to_string()
}

/// Splits `total` into `parts` amounts of `decimals` places that sum exactly to `total`:
/// each part is `total / parts` rounded down, the last part carries the remainder.
///
/// Returns an empty vector when `parts` is zero.
pub fn split_keeping_remainder(total: Decimal, parts: u32, decimals: u32) -> Vec<Decimal> {
    if parts == 0 {
        return Vec::new();
    }
    let each = round_down(total / Decimal::from(parts), decimals);
    let mut amounts = vec![each; parts as usize];
    let last = total - each * Decimal::from(parts - 1);
    if let Some(slot) = amounts.last_mut() {
        *slot = last;
    }
    amounts
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_away_from_zero() {
        let cases = [
            ("2.345 up", dec!(2.345), dec!(2.35)),
            ("2.344 down", dec!(2.344), dec!(2.34)),
            ("-2.345 away", dec!(-2.345), dec!(-2.35)),
            ("562.5 at cents stays", dec!(562.5), dec!(562.50)),
            ("0.005 up", dec!(0.005), dec!(0.01)),
        ];
        for (name, input, expected) in cases {
            assert_eq!(round_half_away(input, 2), expected, "case {name}");
        }
    }

    #[test]
    fn display_groups_thousands_and_keeps_cents() {
        let cases = [
            (dec!(4830), "$4,830.00"),
            (dec!(115720), "$115,720.00"),
            (dec!(-1200), "-$1,200.00"),
            (dec!(0.5), "$0.50"),
            (dec!(999), "$999.00"),
            (dec!(1000000.125), "$1,000,000.13"),
        ];
        for (input, expected) in cases {
            assert_eq!(display(input, "$", 2), expected, "amount {input}");
        }
    }

    #[test]
    fn plain_never_prints_negative_zero() {
        assert_eq!(cents(dec!(-0.001)), "0.00");
        assert_eq!(cents(dec!(83.333)), "83.33");
    }

    #[test]
    fn split_keeps_the_remainder_in_the_last_part() {
        let parts = split_keeping_remainder(dec!(1000), 12, 2);
        assert_eq!(parts.len(), 12);
        assert_eq!(parts[0], dec!(83.33));
        assert_eq!(parts[11], dec!(83.37));
        assert_eq!(parts.iter().copied().sum::<Decimal>(), dec!(1000));
    }

    #[test]
    fn percent_text_drops_trailing_zeros() {
        assert_eq!(percent_text(dec!(8.00)), "8");
        assert_eq!(percent_text(dec!(12.50)), "12.5");
        assert_eq!(percent_text(dec!(27.994)), "27.99");
    }
}
