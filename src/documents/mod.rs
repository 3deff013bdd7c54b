//! Customer documents: the PDF proposal and the SOW pricing appendix.
//!
//! An adapter over the core: it takes a price book, a quote and its [`PricedQuote`] (and, when
//! the customer's costs are known, [`RoiFigures`]) and returns PDF bytes. It reads no files and
//! no clock: the font and logo bytes come in through [`DocumentAssets`], every date comes from
//! the quote, and every resource name and file id is fixed or derived from the inputs, so the
//! same inputs give byte-identical files.
//!
//! Nothing internal is ever drawn: the documents read only customer-facing fields of the book
//! (prices, inclusions, rules, branding), never reserves, costs, markups or margins.

mod appendix;
mod chart;
mod layout;
mod pdf;
mod proposal;
mod tables;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::money::display;
use crate::core::options::{PricedOptions, price_quote_options, priced_with_options};
use crate::core::price_book::PriceBook;
use crate::core::pricing::PricedQuote;
use crate::core::quote::{PriceBookPin, Quote};

pub use chart::RoiFigures;

/// The standard price book's logo (`price-books/logo.png`), for the embedded book.
pub const STANDARD_LOGO_PNG: &[u8] = include_bytes!("../../price-books/logo.png");

/// The font of the screen and the paper: egui's default proportional face.
pub const DEFAULT_FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// The font's licence, shipped with the app (`assets/UBUNTU-FONT-LICENCE.txt`).
pub const FONT_LICENCE: &str = include_str!("../../assets/UBUNTU-FONT-LICENCE.txt");

/// Bytes a document embeds: the font, and the logo the price book names (PNG).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentAssets<'a> {
    /// A TrueType font (the default: [`DEFAULT_FONT`]).
    pub font: &'a [u8],
    /// The logo's PNG bytes; required when the book's branding names a logo.
    pub logo_png: Option<&'a [u8]>,
}

impl DocumentAssets<'static> {
    /// The default font and the standard book's logo.
    pub fn standard() -> Self {
        DocumentAssets {
            font: DEFAULT_FONT,
            logo_png: Some(STANDARD_LOGO_PNG),
        }
    }
}

/// Everything a document is made from.
#[derive(Debug, Clone, Copy)]
pub struct DocumentInputs<'a> {
    pub book: &'a PriceBook,
    /// Identifies the exact book (id, version, sha256 of its file), printed in the appendix.
    pub book_pin: &'a PriceBookPin,
    pub quote: &'a Quote,
    /// `price_quote(book, quote)`: every figure the documents print comes from it.
    pub priced: &'a PricedQuote,
    /// Return-on-investment figures, when the customer's current costs are known.
    pub roi: Option<&'a RoiFigures>,
    pub assets: DocumentAssets<'a>,
}

/// Why a document cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The book's branding names a logo but no logo bytes were given.
    #[error("the price book's branding names the logo '{path}' but it was not provided")]
    MissingLogo { path: String },
    /// The logo is not a PNG image that can be decoded.
    #[error("the logo is not a readable PNG image: {reason}")]
    BadLogo { reason: String },
    /// The font cannot be parsed or lacks basic glyphs.
    #[error("the font cannot be used: {reason}")]
    BadFont { reason: String },
    /// The quote's pricing options cannot be priced with this book.
    #[error("the quote's pricing options cannot be priced: {reason}")]
    Options { reason: String },
    /// The PDF could not be assembled (an internal failure of the PDF writer).
    #[error("the PDF could not be assembled: {reason}")]
    Assemble { reason: String },
}

/// Renders the customer proposal.
///
/// # Errors
/// A [`DocumentError`] when the logo is missing or unreadable or the font is unusable.
pub fn render_proposal(inputs: &DocumentInputs) -> Result<Vec<u8>, DocumentError> {
    with_options(inputs, proposal::render)
}

/// Renders the SOW pricing appendix.
///
/// # Errors
/// A [`DocumentError`] when the logo is missing or unreadable or the font is unusable.
pub fn render_appendix(inputs: &DocumentInputs) -> Result<Vec<u8>, DocumentError> {
    with_options(inputs, appendix::render)
}

/// Renders with the quote's pricing options, when it has any: they are priced by the core
/// (`price_quote_options`) and the document receives the quote combined with them, so every
/// total it prints is the combined figure `price --format json` reports.
fn with_options(
    inputs: &DocumentInputs,
    render: fn(&DocumentInputs, Option<&PricedOptions>) -> Result<Vec<u8>, DocumentError>,
) -> Result<Vec<u8>, DocumentError> {
    if inputs.quote.options.is_empty() {
        return render(inputs, None);
    }
    let options = price_quote_options(inputs.book, &inputs.quote.options, inputs.priced).map_err(
        |error| DocumentError::Options {
            reason: error.to_string(),
        },
    )?;
    let combined =
        priced_with_options(inputs.priced, &options).map_err(|error| DocumentError::Options {
            reason: error.to_string(),
        })?;
    let inputs = DocumentInputs {
        priced: &combined,
        ..*inputs
    };
    render(&inputs, Some(&options))
}

/// The last day a quote's prices hold: its date plus the book's validity in days.
pub fn valid_until(quote: &Quote, book: &PriceBook) -> NaiveDate {
    quote
        .date
        .checked_add_days(chrono::Days::new(u64::from(book.contract.quote_valid_days)))
        .unwrap_or(quote.date)
}

/// Formats amounts and dates the way both documents print them.
pub(crate) struct Formats<'a> {
    symbol: &'a str,
    decimals: u32,
}

impl<'a> Formats<'a> {
    pub(crate) fn new(priced: &'a PricedQuote) -> Self {
        Formats {
            symbol: &priced.currency.symbol,
            decimals: priced.currency.decimals,
        }
    }

    /// "$4,830.00".
    pub(crate) fn money(&self, amount: Decimal) -> String {
        display(amount, self.symbol, self.decimals)
    }

    /// Whole currency units, for chart axes ("$50,000").
    pub(crate) fn money_whole(&self, amount: Decimal) -> String {
        display(amount, self.symbol, 0)
    }
}

/// What is due before installation, by setup mode.
pub(crate) fn due_before_installation(priced: &PricedQuote, formats: &Formats) -> String {
    match priced.setup_mode {
        crate::core::quote::SetupMode::Upfront => format!(
            "The signed agreement, the setup fee and the first month's fee ({} in total) are \
             due before installation.",
            formats.money(priced.first_invoice())
        ),
        crate::core::quote::SetupMode::Amortized => format!(
            "The signed agreement and the first month's invoice ({}, including the first part \
             of the amortized setup fee) are due before installation.",
            formats.money(priced.first_invoice())
        ),
    }
}

/// "27 November 2026".
pub(crate) fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "8%" from a percentage.
pub(crate) fn percent(value: Decimal) -> String {
    format!("{}%", crate::core::money::percent_text(value))
}

/// "1 month", "24 months".
pub(crate) fn months(count: u32) -> String {
    if count == 1 {
        "1 month".to_string()
    } else {
        format!("{count} months")
    }
}

/// A decimal quantity without trailing zeros ("1", "0.25", "160").
pub(crate) fn quantity(value: Decimal) -> String {
    value.normalize().to_string()
}

/// The quote's label: "Q-2026-0042 rev. 2".
pub(crate) fn quote_label(quote: &Quote) -> String {
    format!("{} rev. {}", quote.number, quote.revision)
}

/// The customer's name, or a placeholder when the quote has none.
pub(crate) fn customer_name(quote: &Quote) -> &str {
    if quote.customer.name.trim().is_empty() {
        "Prospective customer"
    } else {
        quote.customer.name.as_str()
    }
}
