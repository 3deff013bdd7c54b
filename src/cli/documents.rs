//! `msp-quote proposal` and `msp-quote appendix`: price a quote and write its PDF.

use std::path::PathBuf;

use clap::Args;

use super::CliError;
use super::quote_args::QuoteArgs;
use super::roi::{costs_to_use, load_costs};
use crate::core::evaluate::WarningSource;
use crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT;
pub use crate::documents::DocumentKind;
use crate::documents::export_document;

/// Arguments of `proposal` and `appendix`.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// The customer's current costs (RON, xlsx, xlsm, xls, ods or csv) for the ROI section;
    /// without it, the quote file's customer costs, if any. A file that yields no usable line
    /// is an error, and no document is written.
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// Read this sheet of the --costs workbook instead of the best-matching one.
    #[arg(long, value_name = "NAME", requires = "costs")]
    pub sheet: Option<String>,
    /// The PDF file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
}

/// Evaluates the quote, renders the document and writes it atomically
/// ([`export_document`]).
///
/// # Errors
/// A one-line [`CliError`] for bad input, a missing or unreadable logo, or an unwritable
/// output path (the message names the path).
pub fn run(args: &DocumentArgs, kind: DocumentKind) -> Result<String, CliError> {
    let mut warnings = Vec::new();
    let costs = match &args.costs {
        Some(path) => {
            let loaded = load_costs(path, args.sheet.as_deref())?;
            Some((path, loaded.costs))
        }
        None => None,
    };
    let inputs = args
        .quote
        .resolve_with(DEFAULT_DISCOUNT_RATE_PERCENT, |quote| {
            if let Some((path, from_file)) = costs {
                quote.customer_costs =
                    Some(costs_to_use(path, from_file, quote.customer_costs.as_ref()));
            }
        })?;
    let evaluation = &inputs.evaluation;
    if let Some(Err(error)) = &evaluation.options {
        return Err(CliError::new(error.to_string()));
    }
    warnings.extend(
        evaluation
            .warnings_from(WarningSource::Pricing)
            .map(str::to_string),
    );
    if kind == DocumentKind::Proposal && evaluation.roi.is_some() {
        // The proposal's ROI section shows them too.
        warnings.extend(
            evaluation
                .warnings_from(WarningSource::Roi)
                .map(str::to_string),
        );
    }
    let written = export_document(
        kind,
        &inputs.loaded,
        &inputs.quote,
        evaluation,
        &args.output,
    )
    .map_err(CliError::new)?;
    let mut report = super::table::warning_lines(&warnings);
    report.push_str(&format!(
        "wrote {} ({written} bytes)\n",
        args.output.display()
    ));
    Ok(report)
}
