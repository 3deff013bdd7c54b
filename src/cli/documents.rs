//! `msp-quote proposal` and `msp-quote appendix`: price a quote and write its PDF.

use std::path::{Path, PathBuf};

use clap::Args;

use super::CliError;
use super::quote_args::QuoteArgs;
use super::roi::load_costs;
use crate::core::options::priced_as_paid;
use crate::core::roi::{DEFAULT_DISCOUNT_RATE_PERCENT, roi_over_schedule};
use crate::documents::{
    DEFAULT_FONT, DocumentAssets, DocumentInputs, RoiFigures, STANDARD_LOGO_PNG, render_appendix,
    render_proposal,
};
use crate::formats::price_book::LoadedBook;
use crate::formats::write_atomically;

/// Arguments of `proposal` and `appendix`.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// The customer's current costs (RON, xlsx, xlsm, xls, ods or csv) for the ROI section;
    /// without it, the quote file's customer costs, if any.
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// The PDF file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
}

/// Which document to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Proposal,
    Appendix,
}

/// Prices the quote, renders the document and writes it atomically.
///
/// # Errors
/// A one-line [`CliError`] for bad input, a missing or unreadable logo, or an unwritable
/// output path (the message names the path).
pub fn run(args: &DocumentArgs, kind: DocumentKind) -> Result<String, CliError> {
    let inputs = args.quote.resolve()?;
    // ROI compares the customer's costs with what they pay: the quote with its options.
    let paid = priced_as_paid(&inputs.loaded.book, &inputs.quote, &inputs.priced)
        .map_err(|error| CliError::new(error.to_string()))?;
    let mut warnings = Vec::new();
    let costs = match &args.costs {
        Some(path) => {
            let loaded = load_costs(path)?;
            warnings.extend(loaded.warnings);
            Some(loaded.costs)
        }
        None => inputs.quote.customer_costs.clone(),
    };
    let roi = costs
        .map(|costs| {
            let result = roi_over_schedule(
                &costs,
                &paid.schedule,
                DEFAULT_DISCOUNT_RATE_PERCENT,
                inputs.loaded.book.currency.decimals,
            )
            .map_err(|error| CliError::new(error.to_string()))?;
            Ok::<_, CliError>(RoiFigures::from(&result))
        })
        .transpose()?;
    warnings.extend(
        inputs
            .priced
            .warnings
            .iter()
            .map(|warning| warning.message.clone()),
    );
    let logo = logo_bytes(&inputs.loaded)?;
    let pin = inputs.loaded.pin();
    let document = DocumentInputs {
        book: &inputs.loaded.book,
        book_pin: &pin,
        quote: &inputs.quote,
        priced: &inputs.priced,
        roi: roi.as_ref(),
        assets: DocumentAssets {
            font: DEFAULT_FONT,
            logo_png: logo.as_deref(),
        },
    };
    let bytes = match kind {
        DocumentKind::Proposal => render_proposal(&document),
        DocumentKind::Appendix => render_appendix(&document),
    }
    .map_err(|error| CliError::new(error.to_string()))?;
    write_atomically(&args.output, &bytes).map_err(|error| {
        CliError::new(format!("cannot write {}: {error}", args.output.display()))
    })?;
    let mut report: String = warnings
        .iter()
        .map(|warning| format!("warning: {warning}\n"))
        .collect();
    report.push_str(&format!(
        "wrote {} ({} bytes)\n",
        args.output.display(),
        bytes.len()
    ));
    Ok(report)
}

/// The logo the book names: the embedded standard logo for the embedded book, else the file
/// beside the book.
///
/// # Errors
/// A [`CliError`] naming the logo's path when it cannot be read.
pub fn logo_bytes(loaded: &LoadedBook) -> Result<Option<Vec<u8>>, CliError> {
    let Some(relative) = &loaded.book.branding.logo else {
        return Ok(None);
    };
    if loaded.path.is_none() {
        return Ok(Some(STANDARD_LOGO_PNG.to_vec()));
    }
    let path = loaded
        .base_dir()
        .unwrap_or_else(|| Path::new(""))
        .join(relative);
    std::fs::read(&path).map(Some).map_err(|error| {
        CliError::new(format!(
            "cannot read the logo {} named by the price book: {error}",
            path.display()
        ))
    })
}
