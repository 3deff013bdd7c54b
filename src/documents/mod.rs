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
mod blocks;
mod chart;
pub mod contract;
mod export;
mod fee_rows;
mod layout;
mod pdf;
mod proposal;
mod service_levels;
mod tables;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::evaluate::{Evaluation, WarningSource};
use crate::core::money::display;
use crate::core::options::PricedOptions;
use crate::core::price_book::PriceBook;
use crate::core::pricing::PricedQuote;
use crate::core::quote::{PriceBookPin, Quote};

pub use chart::RoiFigures;

pub use crate::formats::price_book::STANDARD_LOGO_PNG;
pub use export::{DocumentKind, export_document};

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
    /// `core::evaluate::evaluate(book, quote, ..)`: every figure the documents print comes from
    /// it (what the customer pays: the quote combined with its options); the documents price
    /// nothing themselves.
    pub evaluation: &'a Evaluation,
    /// Return-on-investment figures, when the customer's current costs are known (usually
    /// [`roi_figures`] of the evaluation).
    pub roi: Option<&'a RoiFigures>,
    pub assets: DocumentAssets<'a>,
}

/// The chart and summary figures of the evaluation's ROI of the quote as it is, when the
/// customer's costs are known and the ROI computes.
pub fn roi_figures(evaluation: &Evaluation) -> Option<RoiFigures> {
    evaluation
        .roi
        .as_ref()
        .and_then(|roi| roi.as_ref().ok())
        .and_then(|roi| roi.quote_as_is())
        .map(RoiFigures::from)
}

/// What the renderers draw from: the inputs with the evaluation's figures picked once.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    pub(crate) book: &'a PriceBook,
    pub(crate) book_pin: &'a PriceBookPin,
    pub(crate) quote: &'a Quote,
    /// What the customer pays (the quote combined with its options, when it has any).
    pub(crate) priced: &'a PricedQuote,
    pub(crate) roi: Option<&'a RoiFigures>,
    /// The evaluation's ROI warnings (an avoided hire after the term), for the ROI section.
    pub(crate) roi_warnings: &'a [&'a str],
    pub(crate) assets: DocumentAssets<'a>,
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
    /// The quote cannot be priced with this book.
    #[error("the quote cannot be priced, so it cannot be exported: {reason}")]
    Pricing { reason: String },
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
/// A [`DocumentError`] when the quote or its options cannot be priced, the logo is missing or
/// unreadable or the font is unusable.
pub fn render_proposal(inputs: &DocumentInputs) -> Result<Vec<u8>, DocumentError> {
    render_with(inputs, proposal::render)
}

/// Renders the SOW pricing appendix.
///
/// # Errors
/// A [`DocumentError`] when the quote or its options cannot be priced, the logo is missing or
/// unreadable or the font is unusable.
pub fn render_appendix(inputs: &DocumentInputs) -> Result<Vec<u8>, DocumentError> {
    render_with(inputs, appendix::render)
}

/// Renders from the evaluation's figures: what the customer pays (the quote combined with its
/// options, so every total is the combined figure `price --format json` reports) and the
/// priced options.
fn render_with(
    inputs: &DocumentInputs,
    render: fn(&Document, Option<&PricedOptions>) -> Result<Vec<u8>, DocumentError>,
) -> Result<Vec<u8>, DocumentError> {
    let evaluation = inputs.evaluation;
    let options = match &evaluation.options {
        None => None,
        Some(Ok(options)) => Some(options),
        Some(Err(error)) => {
            return Err(DocumentError::Options {
                reason: error.to_string(),
            });
        }
    };
    // What the customer pays: the amended contract, else the quote with its options.
    let priced = match (&evaluation.priced, evaluation.as_paid()) {
        (Err(error), _) => {
            return Err(DocumentError::Pricing {
                reason: error.to_string(),
            });
        }
        (Ok(_), Some(paid)) => paid,
        (Ok(priced), None) => priced,
    };
    let roi_warnings: Vec<&str> = evaluation.warnings_from(WarningSource::Roi).collect();
    let document = Document {
        book: inputs.book,
        book_pin: inputs.book_pin,
        quote: inputs.quote,
        priced,
        roi: inputs.roi,
        roi_warnings: &roi_warnings,
        assets: inputs.assets,
    };
    render(&document, options)
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
    currency: &'a crate::core::price_book::Currency,
}

impl<'a> Formats<'a> {
    pub(crate) fn new(priced: &'a PricedQuote) -> Self {
        Formats {
            currency: &priced.currency,
        }
    }

    /// "$4,830.00".
    pub(crate) fn money(&self, amount: Decimal) -> String {
        self.currency.money(amount)
    }

    /// Whole currency units, for chart axes ("$50,000").
    pub(crate) fn money_whole(&self, amount: Decimal) -> String {
        display(amount, &self.currency.symbol, 0)
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

/// Contract months `first` to `last` as dates ("1 Apr 2026 to 31 Mar 2027"), when the quote
/// states its billing start; `None` without one (a proposal before signature), never from an
/// assumed date.
pub(crate) fn contract_period(quote: &Quote, first: u32, last: u32) -> Option<String> {
    let start = quote.contract.start_date?;
    let from = crate::core::contract::calendar::month_first_day(start, first)?;
    let to = crate::core::contract::calendar::month_last_day(start, last)?;
    Some(format!(
        "{} to {}",
        from.format("%-d %b %Y"),
        to.format("%-d %b %Y")
    ))
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

/// The customer's name, or a placeholder when the quote has none; at most
/// [`layout::MAX_TEXT_CHARS`] characters (the layout cuts it further, with an ellipsis).
pub(crate) fn customer_name(quote: &Quote) -> &str {
    let name = quote.customer.name.as_str();
    if name.trim().is_empty() {
        return "Prospective customer";
    }
    match name.char_indices().nth(layout::MAX_TEXT_CHARS) {
        Some((end, _)) => &name[..end],
        None => name,
    }
}
