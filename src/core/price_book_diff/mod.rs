//! What changed between two versions of a price book, and which quotes it moves.
//!
//! [`diff_price_books`] lists every changed price, band, term, credit, rate, add-on, markup
//! and guardrail (and the book's other settings), old -> new, in book order. Amounts are
//! shown plain with the book's decimals ("750.00 -> 790.00"), percentages with a "%".
//! [`repricing_changes`] prices saved quotes with both books and keeps those whose monthly
//! recurring or contract value moves. Both are pure: the CLI and the window show the lists.

mod changes;
mod rules;
mod schedules;
mod tiers;

use std::fmt;

use rust_decimal::Decimal;

use super::price_book::PriceBook;
use super::pricing::price_quote;
use super::quote::Quote;

/// The part of the book a change belongs to (for grouping in screens and JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BookSection {
    /// Id, name, version, effective date, currency.
    Book,
    DeviceKinds,
    Tiers,
    DiscountSchedules,
    Terms,
    Setup,
    HourlyRates,
    AddOns,
    Contract,
    SupportRules,
    Guardrails,
    CostDefaults,
    /// Customer requirements, patch targets, branding, the pricing options.
    Other,
}

impl BookSection {
    /// The section's name as in the RON file ("tiers", "discount_schedules").
    pub fn name(self) -> &'static str {
        match self {
            BookSection::Book => "book",
            BookSection::DeviceKinds => "device_kinds",
            BookSection::Tiers => "tiers",
            BookSection::DiscountSchedules => "discount_schedules",
            BookSection::Terms => "terms",
            BookSection::Setup => "setup",
            BookSection::HourlyRates => "hourly_rates",
            BookSection::AddOns => "addons",
            BookSection::Contract => "contract",
            BookSection::SupportRules => "support_rules",
            BookSection::Guardrails => "guardrails",
            BookSection::CostDefaults => "cost_defaults",
            BookSection::Other => "other",
        }
    }
}

/// One difference between two books: `subject` went from `old` to `new` (`None` on one side
/// when the item was added or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookChange {
    pub section: BookSection,
    /// What changed, in words ("Silver server", "server-volume band 6-10").
    pub subject: String,
    /// The old value as text, `None` when the item is new.
    pub old: Option<String>,
    /// The new value as text, `None` when the item was removed.
    pub new: Option<String>,
}

impl fmt::Display for BookChange {
    /// "Silver server 750.00 -> 790.00", "add-on printers added: 9.00",
    /// "term 36 months removed (was ...)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.old, &self.new) {
            (Some(old), Some(new)) => write!(f, "{} {old} -> {new}", self.subject),
            (None, Some(new)) => write!(f, "{} added: {new}", self.subject),
            (Some(old), None) => write!(f, "{} removed (was {old})", self.subject),
            (None, None) => write!(f, "{} changed", self.subject),
        }
    }
}

/// Every difference from `old` to `new`, in book order (book, kinds, tiers, schedules,
/// terms, setup, rates, add-ons, contract, support rules, guardrails, cost defaults, other).
/// Empty when the books price and read the same.
pub fn diff_price_books(old: &PriceBook, new: &PriceBook) -> Vec<BookChange> {
    let mut changes = changes::Changes::new(old.currency.decimals);
    changes.book(old, new);
    changes.device_kinds(old, new);
    changes.tiers(old, new);
    changes.discount_schedules(old, new);
    changes.terms(old, new);
    changes.setup(old, new);
    changes.hourly_rates(old, new);
    changes.addons(old, new);
    changes.contract_and_rules(old, new);
    changes.cost_defaults(old, new);
    changes.other(old, new);
    changes.into_list()
}

/// A quote's totals under the old and the new book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRepricing {
    /// The quote's name for people (its file name, or its number).
    pub name: String,
    /// The quote number.
    pub number: String,
    /// Monthly recurring and total contract value with the old book, or why it does not price.
    pub old: Result<RepricedTotals, String>,
    /// The same with the new book.
    pub new: Result<RepricedTotals, String>,
}

/// The totals a re-pricing compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepricedTotals {
    pub monthly_recurring: Decimal,
    pub total_contract_value: Decimal,
}

/// Prices each `(name, quote)` with both books and returns those whose monthly recurring or
/// total contract value differs (or that price with one book and not the other), in input
/// order. Quotes that neither book can price are left out.
pub fn repricing_changes(
    old: &PriceBook,
    new: &PriceBook,
    quotes: &[(String, Quote)],
) -> Vec<QuoteRepricing> {
    let totals = |book: &PriceBook, quote: &Quote| {
        price_quote(book, quote)
            .map(|priced| RepricedTotals {
                monthly_recurring: priced.monthly_recurring,
                total_contract_value: priced.total_contract_value,
            })
            .map_err(|error| error.to_string())
    };
    quotes
        .iter()
        .filter_map(|(name, quote)| {
            let before = totals(old, quote);
            let after = totals(new, quote);
            let moved = match (&before, &after) {
                (Ok(a), Ok(b)) => a != b,
                (Err(_), Err(_)) => false,
                _ => true,
            };
            moved.then(|| QuoteRepricing {
                name: name.clone(),
                number: quote.number.clone(),
                old: before,
                new: after,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_reads_old_to_new() {
        let cases = [
            (
                Some("750.00"),
                Some("790.00"),
                "Silver server 750.00 -> 790.00",
            ),
            (None, Some("790.00"), "Silver server added: 790.00"),
            (Some("750.00"), None, "Silver server removed (was 750.00)"),
        ];
        for (old, new, expected) in cases {
            let change = BookChange {
                section: BookSection::Tiers,
                subject: "Silver server".to_string(),
                old: old.map(str::to_string),
                new: new.map(str::to_string),
            };
            assert_eq!(change.to_string(), expected, "case {expected}");
        }
    }
}
