//! The pricing options on the command line: `tm`, `assessment`, `ledger`, and the component
//! and package flags `price` accepts. Raw arguments are parsed once into core values; bad
//! input is one clear line (exit 2).

mod assessment;
mod ledger;
mod price_options;
mod tm;

pub use crate::core::options::PricedOptions;
pub use assessment::{AssessmentArgs, assessment_table, run_assessment};
pub use ledger::{LedgerArgs, ledger_table, parse_usage, parse_year_month, run_ledger};
pub use price_options::{
    PriceOptionArgs, add_options_json, options_table, parse_component, parse_phase, price_options,
};
pub use tm::{TmArgs, estimate_table, parse_item, run_tm};

use serde_json::Value;

use super::CliError;
use crate::core::price_book::PriceBook;
use crate::formats::price_book::load_or_standard;

/// A core error as the CLI's one-line error.
pub(crate) fn one_line(error: impl std::fmt::Display) -> CliError {
    CliError::new(error.to_string())
}

/// The book at `path`, or the embedded standard book.
pub(crate) fn load(path: Option<&std::path::Path>) -> Result<PriceBook, CliError> {
    load_or_standard(path)
        .map(|loaded| loaded.book)
        .map_err(|error| CliError::new(error.one_line()))
}

/// Pretty JSON with a final newline.
pub(crate) fn pretty(value: &Value) -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(value).unwrap_or_default()
    )
}

/// Parses a whole number of at least 1.
pub(crate) fn parse_positive(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(value) if value >= 1 => Ok(value),
        _ => Err(format!("'{text}' is not a whole number of at least 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::options::components::ComponentChoice;
    use crate::core::options::ledger::{UsageKind, YearMonth};
    use crate::core::options::time_materials::{Place, Urgency};

    #[test]
    fn items_keep_colons_in_their_description() {
        let item = parse_item("Fix: printer queue:16:on-site:escalated").unwrap();
        assert_eq!(item.description, "Fix: printer queue");
        assert_eq!(item.minutes, 16);
        assert_eq!(item.place, Place::OnSite);
        assert_eq!(item.urgency, Urgency::Escalated);
    }

    #[test]
    fn malformed_values_are_refused_with_the_expected_form() {
        let cases = [
            (
                "no urgency",
                parse_item("Reset:16:remote").err(),
                "DESCRIPTION:MINUTES",
            ),
            (
                "empty description",
                parse_item(" :16:remote:normal").err(),
                "no description",
            ),
            ("month 13", parse_year_month("2026-13").err(), "YYYY-MM"),
            ("zero hours", parse_usage("2026-04:flex:0").err(), "above 0"),
            (
                "usage shape",
                parse_usage("2026-04:flex").err(),
                "MONTH:support",
            ),
            (
                "component count",
                parse_component("monitoring:server=0").err(),
                "at least 1",
            ),
            (
                "component shape",
                parse_component("monitoring").err(),
                "COMPONENT:KIND=COUNT",
            ),
            (
                "phase number",
                parse_phase("two:server=3").err(),
                "phase 'two'",
            ),
        ];
        for (name, error, expected) in cases {
            let error = error.unwrap_or_default();
            assert!(error.contains(expected), "case {name}: {error}");
        }
    }

    #[test]
    fn well_formed_values_parse() {
        assert_eq!(
            parse_year_month("2026-03").unwrap(),
            YearMonth {
                year: 2026,
                month: 3
            }
        );
        let usage = parse_usage("2026-04:flex-onsite:6").unwrap();
        assert_eq!(usage.kind, UsageKind::FlexOnSite);
        assert_eq!(usage.hours, rust_decimal::Decimal::from(6));
        let phase = parse_phase("2:Server=5").unwrap();
        assert_eq!(phase.choice, ComponentChoice::Phase(2));
        assert_eq!(phase.kind, "server");
        assert_eq!(phase.count, 5);
    }
}
