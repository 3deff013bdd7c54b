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

/// A figure too large for exact decimal arithmetic (its magnitude passed 7.9 x 10^28), or
/// a division by zero: the engines return it instead of panicking. `figure` names the field or
/// the figure being computed ("tiers.silver.prices.server", "the monthly recurring total").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{figure} is too large to compute exactly (amounts are limited to 1,000,000,000 per field; see docs/PRICE-BOOK.md)"
)]
pub struct AmountTooLarge {
    /// The field path or figure that overflowed.
    pub figure: String,
}

/// The magnitude from which a computed figure is "too large": decimals keep 28 significant
/// digits, so past 10^24 an amount could no longer keep four decimal places exactly (a sum of
/// such amounts would lose cents). Far above anything the input limits allow
/// ([`crate::core::limits`]: at most about 10^19 for a whole contract).
pub const LARGEST_EXACT_AMOUNT: Decimal = rust_decimal_macros::dec!(1000000000000000000000000);

/// An amount computed with checked arithmetic: `+`, `-`, `*`, `/` and `sum` on it never
/// panic; an overflow or a division by zero anywhere in the expression makes the whole result
/// fail, and [`Checked::or_too_large`] names the figure in the error.
///
/// `Checked::from(price) * count + setup` reads like the plain expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked(Option<Decimal>);

impl Checked {
    /// Zero.
    pub const ZERO: Checked = Checked(Some(Decimal::ZERO));

    /// A failed computation (an overflow already happened).
    pub const OVERFLOW: Checked = Checked(None);

    /// The value, or `None` when the expression overflowed.
    ///
    /// A result whose magnitude reaches [`LARGEST_EXACT_AMOUNT`] counts as overflowed too.
    pub fn value(self) -> Option<Decimal> {
        // A mantissa under 10^24 is below the limit at any scale: the common case skips
        // Decimal's comparison, which rescales (the most frequent step of every engine).
        const LIMIT_MANTISSA: u128 = 1_000_000_000_000_000_000_000_000;
        self.0.filter(|amount| {
            amount.mantissa().unsigned_abs() < LIMIT_MANTISSA || amount.abs() < LARGEST_EXACT_AMOUNT
        })
    }

    /// The value, or an [`AmountTooLarge`] naming `figure`.
    ///
    /// # Errors
    /// [`AmountTooLarge`] when any step of the expression overflowed or divided by zero, or
    /// the result's magnitude reaches [`LARGEST_EXACT_AMOUNT`].
    pub fn or_too_large(self, figure: impl std::fmt::Display) -> Result<Decimal, AmountTooLarge> {
        self.value().ok_or_else(|| AmountTooLarge {
            figure: figure.to_string(),
        })
    }

    /// [`Checked::or_too_large`] with the figure's name written only when it is needed (an
    /// overflow): hot loops name their figures with `format!` without paying for it.
    ///
    /// # Errors
    /// [`AmountTooLarge`] naming `figure()` when the expression overflowed.
    pub fn or_too_large_with(
        self,
        figure: impl FnOnce() -> String,
    ) -> Result<Decimal, AmountTooLarge> {
        self.value()
            .ok_or_else(|| AmountTooLarge { figure: figure() })
    }

    /// `self x percent / 100`: multiplied first (exact, as the rules write it); when only that
    /// intermediate product overflows, `self x (percent / 100)` (equal whenever both fit).
    pub fn percent(self, percent: Decimal) -> Checked {
        let hundred = Decimal::ONE_HUNDRED;
        match (self * percent / hundred).0 {
            Some(value) => Checked(Some(value)),
            None => self * (Checked::from(percent) / hundred),
        }
    }

    /// The value changed by `change` (which cannot overflow: rounding, `ceil`, `floor`).
    pub fn map(self, change: impl FnOnce(Decimal) -> Decimal) -> Checked {
        Checked(self.0.map(change))
    }

    /// Rounded half away from zero to `decimals` places (see [`round_half_away`]).
    pub fn round(self, decimals: u32) -> Checked {
        Checked(self.0.map(|amount| round_half_away(amount, decimals)))
    }

    /// Rounded towards zero to `decimals` places (see [`round_down`]).
    pub fn round_down(self, decimals: u32) -> Checked {
        Checked(self.0.map(|amount| round_down(amount, decimals)))
    }

    /// `self^exponent` by squaring (at most 64 multiplications).
    pub fn power(self, mut exponent: u32) -> Checked {
        let mut result = Checked::from(Decimal::ONE);
        let mut square = self;
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = result * square;
            }
            exponent >>= 1;
            if exponent > 0 {
                square = square * square;
            }
        }
        result
    }

    fn combine(
        self,
        other: Checked,
        operation: fn(Decimal, Decimal) -> Option<Decimal>,
    ) -> Checked {
        Checked(self.0.zip(other.0).and_then(|(a, b)| operation(a, b)))
    }
}

impl From<Decimal> for Checked {
    fn from(amount: Decimal) -> Self {
        Checked(Some(amount))
    }
}

impl From<u32> for Checked {
    fn from(count: u32) -> Self {
        Checked(Some(Decimal::from(count)))
    }
}

impl From<u64> for Checked {
    fn from(count: u64) -> Self {
        Checked(Some(Decimal::from(count)))
    }
}

macro_rules! checked_operator {
    ($trait:ident, $method:ident, $checked:ident) => {
        impl<T: Into<Checked>> std::ops::$trait<T> for Checked {
            type Output = Checked;
            fn $method(self, other: T) -> Checked {
                self.combine(other.into(), Decimal::$checked)
            }
        }
    };
}

checked_operator!(Add, add, checked_add);
checked_operator!(Sub, sub, checked_sub);
checked_operator!(Mul, mul, checked_mul);
checked_operator!(Div, div, checked_div);

impl std::ops::Neg for Checked {
    type Output = Checked;
    fn neg(self) -> Checked {
        Checked(self.0.map(|amount| -amount))
    }
}

impl<T: Into<Checked>> std::iter::Sum<T> for Checked {
    fn sum<I: Iterator<Item = T>>(items: I) -> Checked {
        items.fold(Checked::ZERO, |total, item| total + item)
    }
}

/// The exact sum of `amounts`, or an [`AmountTooLarge`] naming `figure`.
///
/// # Errors
/// [`AmountTooLarge`] when the sum overflows.
pub fn checked_sum(
    amounts: impl IntoIterator<Item = Decimal>,
    figure: impl std::fmt::Display,
) -> Result<Decimal, AmountTooLarge> {
    amounts.into_iter().sum::<Checked>().or_too_large(figure)
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

    #[test]
    fn checked_arithmetic_fails_instead_of_panicking() {
        let max = Decimal::MAX;
        let cases = [
            ("max + 1", Checked::from(max) + Decimal::ONE, None),
            ("max x 2", Checked::from(max) * 2u32, None),
            ("-max - 1", -Checked::from(max) - Decimal::ONE, None),
            ("1 / 0", Checked::from(Decimal::ONE) / Decimal::ZERO, None),
            (
                "max - 1: past the exact bound",
                Checked::from(max) - Decimal::ONE,
                None,
            ),
            (
                "2 x 3 + 1",
                Checked::from(dec!(2)) * dec!(3) + dec!(1),
                Some(dec!(7)),
            ),
            ("failure sticks", (Checked::from(max) * 2u32) - max, None),
        ];
        for (name, checked, expected) in cases {
            assert_eq!(checked.value(), expected, "case {name}");
        }
        assert_eq!(
            Checked::from(dec!(200)).percent(dec!(12.5)).value(),
            Some(dec!(25))
        );
        let big = LARGEST_EXACT_AMOUNT - Decimal::ONE;
        assert_eq!(
            Checked::from(big).value(),
            Some(big),
            "just below the bound"
        );
        assert_eq!(Checked::from(max).value(), None, "the maximum loses cents");
        assert_eq!(
            (Checked::from(big) * dec!(1000)).percent(dec!(0.1)).value(),
            Some(big),
            "x 0.1 overflows nothing; the bound applies to results only"
        );
        assert_eq!(Checked::from(max).percent(dec!(200)).value(), None);
        assert_eq!(Checked::from(dec!(1.1)).power(3).value(), Some(dec!(1.331)));
        assert_eq!(Checked::from(dec!(2)).power(10).value(), Some(dec!(1024)));
        assert_eq!(Checked::from(dec!(7)).power(0).value(), Some(dec!(1)));
        assert_eq!(Checked::from(dec!(10)).power(29).value(), None);
        let error = checked_sum([max, max], "the monthly recurring total").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("the monthly recurring total is too large")
        );
        assert_eq!(checked_sum([dec!(1.5), dec!(2.25)], "sum"), Ok(dec!(3.75)));
    }
}
