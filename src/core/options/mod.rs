//! The handbook's pricing options besides the tiers (pricing-rules.md section 4 and the tier
//! notes of section 1): per-service components and the phased path, complete packages, time
//! and materials, assessment fees, and the support-hour ledger.
//!
//! Each option is a pure function over the validated [`PriceBook`](super::price_book::PriceBook)
//! and plain inputs; money is exact [`rust_decimal::Decimal`], rounded half away from zero to
//! the cent where the module says so. The book's settings for the options are in [`book`].

pub mod assessment;
pub mod book;
pub mod components;
pub mod ledger;
pub mod package;
pub mod time_materials;

pub use book::PricingOptions;

/// Why an option cannot be priced. Each message is one line a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OptionError {
    /// The price book has no section for this option.
    #[error("the price book has no {section} section, so it cannot price {what}")]
    NotInBook {
        section: &'static str,
        what: &'static str,
    },
    /// An id the book does not know.
    #[error("unknown {what} '{id}' (allowed: {allowed})")]
    Unknown {
        what: &'static str,
        id: String,
        allowed: String,
    },
    /// A count or quantity outside what the option accepts.
    #[error("{what} is {value}; {rule}")]
    OutOfRange {
        what: &'static str,
        value: String,
        rule: String,
    },
    /// The pricing engine refused the services part.
    #[error("{0}")]
    Pricing(#[from] crate::core::pricing::PricingError),
    /// A number too large to compute exactly.
    #[error("{what} is too large to compute")]
    Overflow { what: &'static str },
}
