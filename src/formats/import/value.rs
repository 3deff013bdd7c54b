//! Reading numbers out of spreadsheet cells and CSV text, tolerantly.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a cell's text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber {
    pub text: String,
}

/// How a number's text was read, when it needs saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberNote {
    /// A lone comma read as the decimal separator ("1,2" -> 1.2).
    DecimalComma,
    /// A trailing '%' ("12%" -> 12).
    Percent,
}

/// Parses a number as people type it in sheets: currency symbols and codes, thousands
/// separators, spaces, `(1,200.00)` and `-1,200` negatives, a trailing `%` (returned as
/// written: "25%" -> 25).
///
/// # Errors
/// [`NotANumber`] for text such as "N/A", "--", "enquire", "upto $170", "2XXX" or "$1,2,3"
/// (grouping that is not in threes).
pub fn parse_number_text(text: &str) -> Result<Decimal, NotANumber> {
    parse_number_text_noted(text).map(|(value, _)| value)
}

/// As [`parse_number_text`], also saying how the text was read when a caller should tell the
/// user (a decimal comma, a percent sign).
///
/// # Errors
/// As [`parse_number_text`].
pub fn parse_number_text_noted(text: &str) -> Result<(Decimal, Option<NumberNote>), NotANumber> {
    let not_a_number = || NotANumber {
        text: text.to_string(),
    };
    let mut cleaned = text.trim().to_string();
    for token in ["USD", "EUR", "GBP", "INR", "RON", "Rs.", "Rs", "US$"] {
        cleaned = cleaned.replace(token, "");
    }
    let cleaned: String = cleaned
        .chars()
        .filter(|c| !matches!(c, '$' | '€' | '£' | '₹' | '¥' | ' ' | '\u{a0}' | '\''))
        .collect();
    let percent = cleaned.ends_with('%');
    let (cleaned, decimal_comma) = with_decimal_point(&cleaned).ok_or_else(not_a_number)?;
    let cleaned = cleaned.trim_end_matches('%');
    let (negative, body) =
        if let Some(inner) = cleaned.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
            (true, inner)
        } else if let Some(inner) = cleaned.strip_prefix('-') {
            (true, inner)
        } else {
            (false, cleaned)
        };
    let body = body.trim_start_matches('+');
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(not_a_number());
    }
    let value = Decimal::from_str(body).map_err(|_| not_a_number())?;
    let note = if percent {
        Some(NumberNote::Percent)
    } else if decimal_comma {
        Some(NumberNote::DecimalComma)
    } else {
        None
    };
    Ok((if negative { -value } else { value }, note))
}

/// True when `integer` (digits and `separator`s) is grouped as people group thousands: a first
/// group of 1-3 digits, then groups of 3, or Indian lakh grouping (2-digit groups, then 3).
fn grouping_is_plausible(integer: &str, separator: char) -> bool {
    let groups: Vec<&str> = integer.split(separator).collect();
    let Some((first, rest)) = groups.split_first() else {
        return true;
    };
    if rest.is_empty() {
        return true;
    }
    let digits = |group: &str| group.chars().all(|c| c.is_ascii_digit());
    let first_digits = first.trim_start_matches(['-', '(', '+']);
    if first_digits.is_empty() || first_digits.len() > 3 || !digits(first_digits) {
        return false;
    }
    let Some((last, middle)) = rest.split_last() else {
        return true;
    };
    last.len() == 3
        && digits(last)
        && (middle.iter().all(|group| group.len() == 3 && digits(group))
            || middle.iter().all(|group| group.len() == 2 && digits(group)))
}

/// Rewrites the separators of `text` so that '.' is the decimal point and no grouping is left;
/// the flag is true when a lone comma was read as a decimal comma. When both ',' and '.'
/// appear, the last one is the decimal separator ("4.000,00" and "4,000.00" are both 4000.00).
/// A lone ',' is a decimal comma unless exactly three digits follow it ("12,5" is 12.5;
/// "1,200" is 1200, as in "$1,200"). `None` when the grouping is not plausible ("1,2,3").
fn with_decimal_point(text: &str) -> Option<(String, bool)> {
    let last_comma = text.rfind(',');
    let last_point = text.rfind('.');
    let grouped = |integer: &str, separator: char| grouping_is_plausible(integer, separator);
    match (last_comma, last_point) {
        (Some(comma), Some(point)) if comma > point => {
            grouped(&text[..comma], '.').then(|| (text.replace('.', "").replace(',', "."), false))
        }
        (Some(_), Some(point)) => {
            grouped(&text[..point], ',').then(|| (text.replace(',', ""), false))
        }
        (Some(comma), None) => {
            let after = &text[comma + 1..];
            let digits_after = after.chars().take_while(char::is_ascii_digit).count();
            if text.matches(',').count() == 1 && digits_after != 3 {
                Some((text.replace(',', "."), true))
            } else {
                let integer = text.trim_end_matches('%');
                grouped(integer, ',').then(|| (text.replace(',', ""), false))
            }
        }
        (None, Some(_)) if text.matches('.').count() > 1 => {
            let integer = text.trim_end_matches('%');
            grouped(integer, '.').then(|| (text.replace('.', ""), false))
        }
        _ => Some((text.to_string(), false)),
    }
}

/// Converts a spreadsheet float to a Decimal through its shortest round-trip text, once, at the
/// boundary (lossy only where the float itself was).
///
/// # Errors
/// [`NotANumber`] for NaN, infinities and magnitudes beyond Decimal's range.
pub fn decimal_from_float_lossy(value: f64) -> Result<Decimal, NotANumber> {
    let text = value.to_string();
    if !value.is_finite() {
        return Err(NotANumber { text });
    }
    Decimal::from_str(&text).map_err(|_| NotANumber { text })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_as_people_type_it() {
        let cases = [
            ("plain", "1200", dec!(1200)),
            ("dollar and comma", "$1,200.50", dec!(1200.50)),
            ("euro suffix", "1 200.00 €", dec!(1200.00)),
            ("accounting negative", "(1,200.00)", dec!(-1200.00)),
            ("minus", "-35", dec!(-35)),
            ("percent", "25%", dec!(25)),
            ("rupees", "₹ 2,50,000", dec!(250000)),
            ("code", "USD 99.99", dec!(99.99)),
            (
                "decimal comma with grouping points",
                "4.000,00",
                dec!(4000.00),
            ),
            ("decimal comma", "12,5", dec!(12.5)),
            ("euro format with symbol", "1.234,56 €", dec!(1234.56)),
            ("thousands comma stays grouping", "1,200", dec!(1200)),
            ("indian grouping", "2,50,000.00", dec!(250000.00)),
            ("grouping points", "1.234.567", dec!(1234567)),
        ];
        for (name, text, expected) in cases {
            assert_eq!(parse_number_text(text), Ok(expected), "case {name}");
        }
    }

    #[test]
    fn words_are_not_numbers() {
        for text in [
            "N/A",
            "--",
            "enquire",
            "upto $170",
            "2XXX",
            "",
            "1.2.3",
            "$",
            "$1,2,3",
            "1,2,3",
            "12,34.5",
            "1.2.3,4",
        ] {
            assert!(parse_number_text(text).is_err(), "'{text}' must not parse");
        }
    }

    #[test]
    fn decimal_commas_and_percents_are_noted() {
        assert_eq!(
            parse_number_text_noted("1,2"),
            Ok((dec!(1.2), Some(NumberNote::DecimalComma)))
        );
        assert_eq!(
            parse_number_text_noted("12%"),
            Ok((dec!(12), Some(NumberNote::Percent)))
        );
        assert_eq!(parse_number_text_noted("1,200"), Ok((dec!(1200), None)));
    }

    #[test]
    fn floats_convert_through_their_shortest_text() {
        assert_eq!(decimal_from_float_lossy(0.1), Ok(dec!(0.1)));
        assert_eq!(decimal_from_float_lossy(1234.56), Ok(dec!(1234.56)));
        assert!(decimal_from_float_lossy(f64::NAN).is_err());
    }
}
