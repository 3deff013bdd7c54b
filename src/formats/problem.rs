//! Problems found in input, each with where it is.

use std::fmt;

use crate::core::limits::{MAX_AMOUNT, MAX_COUNT, MAX_HOURS, MAX_MARKUP_PERCENT, MAX_TERM_MONTHS};

/// Where in an input a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A position in a text file (1-based).
    LineColumn { line: usize, column: usize },
    /// A line of a text file (1-based), such as a CSV row.
    Line(usize),
    /// A field path inside a structured file (`tiers[1].monthly_prices.server`).
    Field(String),
    /// A spreadsheet cell (`Costs!C7`).
    Cell { sheet: String, cell: String },
    /// A whole spreadsheet row, 1-based (`Costs!7:7`).
    Row { sheet: String, row: u32 },
    /// The input as a whole.
    Whole,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::LineColumn { line, column } => write!(f, "{line}:{column}"),
            Location::Line(line) => write!(f, "line {line}"),
            Location::Field(path) => f.write_str(path),
            Location::Cell { sheet, cell } => write!(f, "{sheet}!{cell}"),
            Location::Row { sheet, row } => write!(f, "{sheet}!{row}:{row}"),
            Location::Whole => f.write_str("(whole file)"),
        }
    }
}

/// One problem in an input, with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub message: String,
}

impl Problem {
    /// A problem at a field path.
    pub fn at_field(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            location: Location::Field(path.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Every problem found in one input file, named by `source`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct InputError {
    /// The file name (or "<embedded standard book>").
    pub source_name: String,
    pub problems: Vec<Problem>,
}

impl InputError {
    /// An error with a single problem.
    pub fn single(
        source_name: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            source_name: source_name.into(),
            problems: vec![Problem {
                location,
                message: message.into(),
            }],
        }
    }

    /// One line per problem: `file:location: message`.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| {
                format!(
                    "{}:{}: {}",
                    self.source_name, problem.location, problem.message
                )
            })
            .collect()
    }

    /// The first problem as one line, with a count of the others: for the CLI's stderr.
    pub fn one_line(&self) -> String {
        let mut lines = self.lines();
        let first = if lines.is_empty() {
            format!("{}: invalid", self.source_name)
        } else {
            lines.remove(0)
        };
        match lines.len() {
            0 => first,
            more => format!(
                "{first} (and {more} more problem{})",
                if more == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Turns a RON syntax or shape error into a located problem.
pub fn ron_problem(error: &ron::error::SpannedError) -> Problem {
    Problem {
        location: Location::LineColumn {
            line: error.span.start.line,
            column: error.span.start.col,
        },
        message: error.code.to_string(),
    }
}

/// Accumulates problems while raw values are turned into domain values.
#[derive(Debug, Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    /// Records a problem at `path`.
    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at_field(path, message));
    }

    /// Parses a non-negative amount of at most [`MAX_AMOUNT`] with at most `decimals` places;
    /// records a problem and returns zero otherwise.
    pub fn amount(&mut self, path: &str, text: &str, decimals: u32) -> rust_decimal::Decimal {
        let Some(value) = self.decimal(path, text) else {
            return rust_decimal::Decimal::ZERO;
        };
        if value.is_sign_negative() && !value.is_zero() {
            self.error(path, format!("amount '{text}' is negative"));
        }
        self.at_most(path, text, value, MAX_AMOUNT, "1,000,000,000");
        if value.normalize().scale() > decimals {
            self.error(
                path,
                format!("amount '{text}' has more than {decimals} decimal places"),
            );
        }
        value
    }

    /// Parses a percentage within 0-100; records a problem and returns zero otherwise.
    pub fn percent(&mut self, path: &str, text: &str) -> rust_decimal::Decimal {
        let Some(value) = self.decimal(path, text) else {
            return rust_decimal::Decimal::ZERO;
        };
        if value < rust_decimal::Decimal::ZERO || value > rust_decimal::Decimal::ONE_HUNDRED {
            self.error(path, format!("percentage '{text}' is outside 0-100"));
        }
        value
    }

    /// Parses a non-negative quantity of money (any number of decimals) of at most
    /// [`MAX_AMOUNT`]; records a problem and returns zero otherwise.
    pub fn quantity(&mut self, path: &str, text: &str) -> rust_decimal::Decimal {
        self.bounded(path, text, MAX_AMOUNT, "1,000,000,000")
    }

    /// Parses a non-negative number of hours of at most [`MAX_HOURS`]; records a problem and
    /// returns zero otherwise.
    pub fn hours(&mut self, path: &str, text: &str) -> rust_decimal::Decimal {
        self.bounded(path, text, MAX_HOURS, "1,000,000 hours")
    }

    /// Parses a markup (or burden) percent within 0 to [`MAX_MARKUP_PERCENT`]; records a
    /// problem and returns zero otherwise.
    pub fn markup(&mut self, path: &str, text: &str) -> rust_decimal::Decimal {
        self.bounded(path, text, MAX_MARKUP_PERCENT, "1000%")
    }

    /// Records a problem when a count is above [`MAX_COUNT`]; returns it unchanged.
    pub fn count(&mut self, path: impl Into<String>, count: u32) -> u32 {
        if count > MAX_COUNT {
            self.error(path, format!("{count} is above the limit of 10,000,000"));
        }
        count
    }

    /// Records a problem when a number of months is 0 or above [`MAX_TERM_MONTHS`]; returns it
    /// unchanged.
    pub fn months(&mut self, path: impl Into<String>, months: u32) -> u32 {
        if !(1..=MAX_TERM_MONTHS).contains(&months) {
            self.error(
                path,
                format!("{months} months is outside 1-{MAX_TERM_MONTHS}"),
            );
        }
        months
    }

    fn bounded(
        &mut self,
        path: &str,
        text: &str,
        max: rust_decimal::Decimal,
        max_text: &str,
    ) -> rust_decimal::Decimal {
        let Some(value) = self.decimal(path, text) else {
            return rust_decimal::Decimal::ZERO;
        };
        if value.is_sign_negative() && !value.is_zero() {
            self.error(path, format!("'{text}' is negative"));
        }
        self.at_most(path, text, value, max, max_text);
        value
    }

    fn at_most(
        &mut self,
        path: &str,
        text: &str,
        value: rust_decimal::Decimal,
        max: rust_decimal::Decimal,
        max_text: &str,
    ) {
        if value > max {
            self.error(
                path,
                format!("'{}' is above the limit of {max_text}", text.trim()),
            );
        }
    }

    /// Parses any decimal number written as a string.
    pub fn decimal(&mut self, path: &str, text: &str) -> Option<rust_decimal::Decimal> {
        match text.trim().parse::<rust_decimal::Decimal>() {
            Ok(value) => Some(value),
            Err(_) => {
                self.error(path, format!("'{text}' is not a number"));
                None
            }
        }
    }

    /// Parses a date written as YYYY-MM-DD.
    pub fn date(&mut self, path: &str, text: &str) -> chrono::NaiveDate {
        match chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => {
                self.error(path, format!("'{text}' is not a date (write YYYY-MM-DD)"));
                chrono::NaiveDate::default()
            }
        }
    }

    /// Records a problem for every id that appears more than once.
    pub fn unique_ids<'a>(&mut self, path: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = std::collections::BTreeSet::new();
        for (index, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                self.error(
                    format!("{path}[{index}].id"),
                    format!("duplicate id '{id}'"),
                );
            }
        }
    }
}
