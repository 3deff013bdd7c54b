//! The quote flags shared by `price`, `roi`, `proposal` and `appendix`: raw arguments turned
//! once into a validated quote and price book.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use rust_decimal::Decimal;

use super::CliError;
use crate::core::contract::ContractSchedule;
use crate::core::evaluate::{Evaluation, EvaluationSettings, evaluate};
use crate::core::pricing::{PricedQuote, PricingError};
use crate::core::quote::{AddOnLine, DeviceLine, ExtraDiscount, Quote, SetupMode};
use crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT;
use crate::formats::price_book::{LoadedBook, load_or_standard};
use crate::formats::quote::load_quote;

/// Flags that build a quote without a file, or override a quote file's fields.
#[derive(Debug, Clone, Args, Default)]
pub struct QuoteArgs {
    /// A quote file (RON). Without it the flags build the quote.
    #[arg(value_name = "QUOTE.ron")]
    pub quote: Option<PathBuf>,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// A device line, TIER:KIND=COUNT (repeatable; replaces the file's device lines).
    #[arg(long = "device", value_name = "TIER:KIND=COUNT", value_parser = parse_device)]
    pub devices: Vec<DeviceLine>,
    /// An add-on, ID=QTY (repeatable; replaces the file's add-ons).
    #[arg(long = "addon", value_name = "ID=QTY", value_parser = parse_addon)]
    pub addons: Vec<AddOnLine>,
    /// Contract term in months (default 12, or the file's).
    #[arg(long, value_name = "MONTHS", value_parser = parse_term, allow_negative_numbers = true)]
    pub term: Option<u32>,
    /// Setup fee: up front in month 1, or amortized over the term.
    #[arg(long, value_name = "upfront|amortized", value_parser = parse_setup)]
    pub setup: Option<SetupMode>,
    /// Extra discount in percent, on top of the quantity discount (needs --reason).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, requires = "reason", allow_negative_numbers = true)]
    pub extra_discount: Option<Decimal>,
    /// Why the extra discount is given.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// The customer's name (overrides the file's).
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,
    /// Quote date, YYYY-MM-DD (default: the file's; else SOURCE_DATE_EPOCH; else today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Billing start (functionality acceptance), YYYY-MM-DD (default: the file's; else the
    /// quote date, with a warning).
    #[arg(long = "start", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub start: Option<NaiveDate>,
}

/// A quote with its book, evaluated.
pub struct PricedInputs {
    pub loaded: LoadedBook,
    pub quote: Quote,
    /// The priced quote with the re-pricing warnings (the evaluation's `priced`, which
    /// [`QuoteArgs::resolve`] refuses to return without).
    pub priced: PricedQuote,
    /// Every figure and warning of the quote, computed once by the core.
    pub evaluation: Evaluation,
    /// The quote priced as a contract (dates, amendments; the evaluation's); `None` when its
    /// pricing options cannot be priced and it has no amendment.
    pub contract: Option<ContractSchedule>,
}

impl QuoteArgs {
    /// Loads the book and the quote, applies the flags and evaluates the result at the default
    /// ROI discount rate; warnings about a changed price book are added to the priced quote.
    ///
    /// # Errors
    /// A one-line [`CliError`] for an unreadable or invalid file or an unpriceable quote.
    pub fn resolve(&self) -> Result<PricedInputs, CliError> {
        self.resolve_with(DEFAULT_DISCOUNT_RATE_PERCENT, |_| {})
    }

    /// As [`QuoteArgs::resolve`], with the ROI at `discount_rate_percent` and `adjust` applied
    /// to the quote before it is evaluated (a command's own flags: customer costs, options).
    ///
    /// # Errors
    /// A one-line [`CliError`] for an unreadable or invalid file or an unpriceable quote.
    pub fn resolve_with(
        &self,
        discount_rate_percent: Decimal,
        adjust: impl FnOnce(&mut Quote),
    ) -> Result<PricedInputs, CliError> {
        let mut quote = self.build_quote()?;
        let loaded = load_or_standard(self.book_path(&quote).as_deref())
            .map_err(|error| CliError::new(error.one_line()))?;
        adjust(&mut quote);
        if quote.contract.start_date.is_none() {
            super::warn_on_success(format!(
                "no billing start date (--start YYYY-MM-DD): the quote date {} is assumed",
                quote.date
            ));
        }
        let settings = EvaluationSettings {
            roi_discount_rate_percent: discount_rate_percent,
            book_pin: Some(loaded.pin()),
        };
        let evaluation = evaluate(&loaded.book, &quote, &settings);
        let mut priced = evaluation
            .priced
            .clone()
            .map_err(|error| located_pricing_error(self.quote.as_deref(), &quote, &error))?;
        let contract = contract_of(&evaluation, &quote, self.quote.as_deref())?;
        if let Some(contract) = &contract
            && amends_without_options(&quote)
        {
            let warnings = std::mem::take(&mut priced.warnings);
            priced = contract.as_priced_quote();
            priced.warnings = warnings;
        }
        Ok(PricedInputs {
            loaded,
            quote,
            priced,
            evaluation,
            contract,
        })
    }

    /// The price book to use: `--price-book`, else the file the quote names (relative to the
    /// quote's folder), else none (the standard book).
    pub fn book_path(&self, quote: &Quote) -> Option<PathBuf> {
        if let Some(path) = &self.price_book {
            return Some(path.clone());
        }
        let file = quote.price_book_file.as_ref()?;
        let folder = self
            .quote
            .as_deref()
            .and_then(std::path::Path::parent)
            .unwrap_or(std::path::Path::new(""));
        Some(folder.join(file))
    }

    /// The quote from the file (if any) with the flags applied.
    ///
    /// # Errors
    /// A one-line [`CliError`] when the quote file cannot be read or is invalid.
    pub fn build_quote(&self) -> Result<Quote, CliError> {
        let mut quote = match &self.quote {
            Some(path) => load_quote(path).map_err(|error| CliError::new(error.one_line()))?,
            None => Quote::empty(self.date.unwrap_or_else(default_date)),
        };
        if !self.devices.is_empty() {
            quote.devices = self.devices.clone();
        }
        if !self.addons.is_empty() {
            quote.addons = self.addons.clone();
        }
        if let Some(term) = self.term {
            quote.term_months = term;
        }
        if let Some(setup) = self.setup {
            quote.setup_mode = setup;
        }
        if let Some(percent) = self.extra_discount {
            quote.extra_discount = Some(ExtraDiscount {
                percent,
                reason: self.reason.clone().unwrap_or_default(),
            });
        }
        if let Some(name) = &self.customer {
            quote.customer.name = name.clone();
        }
        if let Some(date) = self.date {
            quote.date = date;
        }
        if let Some(start) = self.start {
            quote.contract.start_date = Some(start);
        }
        Ok(quote)
    }
}

/// The quote priced as a contract: an error only when it has amendments (a quote whose
/// pricing options fail keeps its own schedule).
fn contract_of(
    evaluation: &Evaluation,
    quote: &Quote,
    path: Option<&std::path::Path>,
) -> Result<Option<ContractSchedule>, CliError> {
    match &evaluation.contract {
        None => Ok(None),
        Some(Ok(contract)) => Ok(Some(contract.clone())),
        Some(Err(_)) if quote.contract.amendments.is_empty() => Ok(None),
        Some(Err(error)) => {
            let source = path.map_or(String::new(), |path| format!("{}: ", path.display()));
            Err(CliError::new(format!("{source}{error}")))
        }
    }
}

/// True when the contract's schedule replaces the quote's own in every view: it has
/// amendments or renews a contract, and no pricing options (which the views add themselves).
fn amends_without_options(quote: &Quote) -> bool {
    let changed = quote.contract.changes_the_schedule();
    let options = !quote.options.is_empty()
        || quote
            .contract
            .amendments
            .iter()
            .any(|amendment| !amendment.configuration.options.is_empty());
    changed && !options
}

/// A pricing error as one line that names the quote's field: `FILE:devices[1].tier: unknown
/// tier 'platinum' (allowed: ...)`, or `devices[1].tier: ...` for a quote built from flags.
pub fn located_pricing_error(
    source: Option<&Path>,
    quote: &Quote,
    error: &PricingError,
) -> CliError {
    let device = |matches: &dyn Fn(&DeviceLine) -> bool, field: &str| {
        quote
            .devices
            .iter()
            .position(matches)
            .map_or("devices".to_string(), |index| {
                format!("devices[{index}]{field}")
            })
    };
    let addon = |id: &str, field: &str| {
        quote
            .addons
            .iter()
            .position(|line| line.id == id)
            .map_or("addons".to_string(), |index| {
                format!("addons[{index}]{field}")
            })
    };
    let source = source.map_or(String::new(), |path| format!("{}:", path.display()));
    let path = match error {
        // The error names its own figure (a book field or a total), not a quote field.
        PricingError::AmountTooLarge(_) => return CliError::new(format!("{source}{error}")),
        PricingError::TooManyDevices { .. } => "devices".to_string(),
        PricingError::TermTooLong { .. } => "term_months".to_string(),
        PricingError::UnknownTier { tier, .. } => device(&|line| &line.tier == tier, ".tier"),
        PricingError::UnknownKind { kind, .. } => device(&|line| &line.kind == kind, ".kind"),
        PricingError::KindNotPriced { tier, kind, .. } => {
            device(&|line| &line.tier == tier && &line.kind == kind, ".kind")
        }
        PricingError::ZeroCount { line, .. } | PricingError::NoUsers { line, .. } => {
            format!("devices[{}].count", line.saturating_sub(1))
        }
        PricingError::AboveLastBand { .. } => "devices".to_string(),
        PricingError::UnknownAddOn { addon: id, .. } => addon(id, ".id"),
        PricingError::ZeroQuantity { addon: id } => addon(id, ".quantity"),
        PricingError::TermNotOffered { .. } => "term_months".to_string(),
        PricingError::SetupModeNotOffered { .. } => "setup_mode".to_string(),
        PricingError::ExtraDiscountOutOfRange { .. } => "extra_discount.percent".to_string(),
    };
    CliError::new(format!("{source}{path}: {error}"))
}

pub use crate::formats::default_date;

/// A whole number from 1 to `max` (the limits of docs/PRICE-BOOK.md, as in the files).
fn parse_count_up_to(text: &str, what: &str, max: u32) -> Result<u32, String> {
    match text.trim().parse::<u64>() {
        Ok(count) if (1..=u64::from(max)).contains(&count) => Ok(count as u32),
        _ => Err(format!(
            "{what} '{text}' is not allowed: write a whole number of at least 1 and at most {max}"
        )),
    }
}

fn parse_count(text: &str, what: &str) -> Result<u32, String> {
    parse_count_up_to(text, what, crate::core::limits::MAX_COUNT)
}

/// Parses `TIER:KIND=COUNT`.
///
/// # Errors
/// A message naming the malformed value and the expected form.
pub fn parse_device(text: &str) -> Result<DeviceLine, String> {
    let malformed = || format!("'{text}' is not TIER:KIND=COUNT (for example silver:server=7)");
    let (tier_kind, count) = text.split_once('=').ok_or_else(malformed)?;
    let (tier, kind) = tier_kind.split_once(':').ok_or_else(malformed)?;
    if tier.trim().is_empty() || kind.trim().is_empty() {
        return Err(malformed());
    }
    Ok(DeviceLine {
        tier: tier.trim().to_lowercase(),
        kind: kind.trim().to_lowercase(),
        count: parse_count(count, "count")?,
    })
}

/// Parses `ID=QTY`.
///
/// # Errors
/// A message naming the malformed value and the expected form.
pub fn parse_addon(text: &str) -> Result<AddOnLine, String> {
    let (id, quantity) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not ID=QTY (for example offsite-backup=2)"))?;
    if id.trim().is_empty() {
        return Err(format!("'{text}' has no add-on id"));
    }
    Ok(AddOnLine {
        id: id.trim().to_lowercase(),
        quantity: parse_count(quantity, "quantity")?,
    })
}

fn parse_term(text: &str) -> Result<u32, String> {
    parse_count_up_to(text, "term", crate::core::limits::MAX_TERM_MONTHS)
}

fn parse_setup(text: &str) -> Result<SetupMode, String> {
    match text.trim().to_lowercase().as_str() {
        "upfront" | "up-front" => Ok(SetupMode::Upfront),
        "amortized" | "amortised" => Ok(SetupMode::Amortized),
        _ => Err(format!(
            "'{text}' is not a setup mode (allowed: upfront, amortized)"
        )),
    }
}

/// Parses a percentage 0-100 ("5", "2.5", "5%").
///
/// # Errors
/// A message naming the value when it is not a number within 0-100.
pub fn parse_percent(text: &str) -> Result<Decimal, String> {
    let value = text
        .trim()
        .trim_end_matches('%')
        .parse::<Decimal>()
        .map_err(|_| format!("'{text}' is not a percentage"))?;
    if value < Decimal::ZERO || value > Decimal::ONE_HUNDRED {
        return Err(format!("'{text}' is outside 0-100"));
    }
    Ok(value)
}

/// Parses a date written YYYY-MM-DD.
///
/// # Errors
/// A message naming the value when it is not such a date.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date (write YYYY-MM-DD)"))
}
