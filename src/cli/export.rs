//! `msp-quote export`: every output of a quote from one evaluation, in one process: the
//! proposal and the SOW appendix (PDF), the cost-analysis workbook (xlsx) and the JSON of
//! `price`, `cost` and `roi` in one object. Each file is written atomically.

use std::path::{Path, PathBuf};

use clap::Args;
use rust_decimal::Decimal;

use super::CliError;
use super::options::{add_options_json, price_options};
use super::quote_args::{PricedInputs, QuoteArgs, parse_percent};
use super::roi::{costs_to_use, load_costs};
use crate::core::cost::CostBreakdown;
use crate::core::evaluate::WarningSource;
use crate::core::options::PricedOptions;
use crate::core::roi::DEFAULT_DISCOUNT_RATE_PERCENT;
use crate::documents::{DocumentKind, export_document};
use crate::formats::json::export::{ExportJson, StreamedObject, write_export_json};
use crate::formats::json::roi::roi_json;
use crate::formats::xlsx::cost::write_cost_analysis;

/// Arguments of `export`: the quote, and at least one output file.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// The customer's current costs (RON, xlsx, xlsm, xls, ods or csv) for the ROI; without
    /// it, the quote file's customer costs, if any.
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// Read this sheet of the --costs workbook instead of the best-matching one.
    #[arg(long, value_name = "NAME", requires = "costs")]
    pub sheet: Option<String>,
    /// Annual discount rate of the ROI's NPV, percent (compounded monthly), as for `roi`.
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = DEFAULT_DISCOUNT_RATE_PERCENT)]
    pub discount_rate: Decimal,
    /// Write the customer proposal (PDF) here.
    #[arg(long, value_name = "P.pdf")]
    pub proposal: Option<PathBuf>,
    /// Write the SOW pricing appendix (PDF) here.
    #[arg(long, value_name = "A.pdf")]
    pub appendix: Option<PathBuf>,
    /// Write the cost-analysis workbook (xlsx, internal) here; the quote needs a cost analysis.
    #[arg(long, value_name = "C.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Write the priced quote, its cost analysis and its ROI as one JSON object here.
    #[arg(long, value_name = "R.json")]
    pub json: Option<PathBuf>,
}

impl ExportArgs {
    /// The requested outputs with their flag, in the order they are written.
    fn outputs(&self) -> Vec<(&'static str, &Path)> {
        [
            ("--proposal", &self.proposal),
            ("--appendix", &self.appendix),
            ("--xlsx", &self.xlsx),
            ("--json", &self.json),
        ]
        .into_iter()
        .filter_map(|(flag, path)| path.as_deref().map(|path| (flag, path)))
        .collect()
    }
}

/// Evaluates the quote once and writes every requested output atomically; returns the
/// report ("warning: ..." lines, then "wrote FILE (N bytes)" per file).
///
/// # Errors
/// A one-line [`CliError`]: no output requested; bad input; `--xlsx` for a quote without a
/// cost analysis; an output that cannot be written (the message names it). Every output path
/// is checked before the first file is written, so a missing folder or a directory in the
/// way writes nothing; a file that fails later is never left half-written.
pub fn run(args: &ExportArgs) -> Result<String, CliError> {
    let outputs = args.outputs();
    if outputs.is_empty() {
        return Err(CliError::new(
            "nothing to export: give at least one of --proposal, --appendix, --xlsx, --json",
        ));
    }
    check_output_paths(&outputs)?;
    let mut warnings: Vec<String> = Vec::new();
    let costs = match &args.costs {
        Some(path) => {
            let loaded = load_costs(path, args.sheet.as_deref())?;
            Some((path, loaded.costs))
        }
        None => None,
    };
    let inputs = args.quote.resolve_with(args.discount_rate, |quote| {
        if let Some((path, from_file)) = costs {
            quote.customer_costs =
                Some(costs_to_use(path, from_file, quote.customer_costs.as_ref()));
        }
    })?;
    let options = price_options(&inputs)?;
    let breakdown = cost_breakdown(args, &inputs)?;
    let evaluation = &inputs.evaluation;
    for source in [
        WarningSource::Pricing,
        WarningSource::RoiLeftOut,
        WarningSource::Roi,
    ] {
        warnings.extend(evaluation.warnings_from(source).map(str::to_string));
    }
    let mut report: String = warnings
        .iter()
        .map(|warning| format!("warning: {warning}\n"))
        .collect();
    // The outputs share nothing mutable: each is made and written on its own thread (the
    // proposal and the appendix are the slow ones), and reported in the fixed order below.
    let written: Vec<Result<&Path, String>> = std::thread::scope(|scope| {
        let mut jobs = Vec::new();
        for (kind, path) in [
            (DocumentKind::Proposal, &args.proposal),
            (DocumentKind::Appendix, &args.appendix),
        ] {
            if let Some(path) = path {
                let inputs = &inputs;
                jobs.push(scope.spawn(move || {
                    export_document(kind, &inputs.loaded, &inputs.quote, evaluation, path)
                        .map(|_| path.as_path())
                }));
            }
        }
        if let (Some(path), Some(breakdown)) = (&args.xlsx, breakdown) {
            let quote = &inputs.quote;
            jobs.push(scope.spawn(move || {
                write_cost_analysis(path, quote, breakdown).map(|()| path.as_path())
            }));
        }
        let json = args
            .json
            .as_ref()
            .map(|path| write_json(path, &inputs, options.as_ref(), breakdown, &warnings));
        let mut written: Vec<Result<&Path, String>> = jobs
            .into_iter()
            .map(|job| {
                job.join()
                    .unwrap_or_else(|_| Err("an output could not be made".to_string()))
            })
            .collect();
        written.extend(json);
        written
    });
    for result in written {
        let path = result.map_err(CliError::new)?;
        let bytes = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
        report.push_str(&format!("wrote {} ({bytes} bytes)\n", path.display()));
    }
    Ok(report)
}

/// Writes the JSON of `price` (with its options), `cost` and `roi` to `path`.
///
/// # Errors
/// The ROI cannot be shown, or `path` cannot be written (the message names it).
fn write_json<'a>(
    path: &'a Path,
    inputs: &PricedInputs,
    options: Option<&PricedOptions>,
    breakdown: Option<&CostBreakdown>,
    warnings: &[String],
) -> Result<&'a Path, String> {
    let pin = inputs.loaded.pin();
    let mut price = StreamedObject::price(&inputs.priced, &pin);
    add_options_json(&mut price.summary, options);
    let json = ExportJson {
        price,
        cost: breakdown.map(StreamedObject::cost),
        roi: roi_value(inputs, warnings).map_err(|error| error.to_string())?,
    };
    write_export_json(path, &json)?;
    Ok(path)
}

/// The cost analysis the xlsx and the JSON show: `None` when the quote has none (an error
/// when `--xlsx` asks for it) or when neither is requested.
fn cost_breakdown<'a>(
    args: &ExportArgs,
    inputs: &'a PricedInputs,
) -> Result<Option<&'a CostBreakdown>, CliError> {
    let file = args.quote.quote.as_ref().map_or_else(
        || "the quote".to_string(),
        |path| path.display().to_string(),
    );
    if args.xlsx.is_none() && args.json.is_none() {
        return Ok(None);
    }
    match &inputs.evaluation.cost {
        None if args.xlsx.is_some() => Err(CliError::new(format!(
            "{file}: the quote has no cost_analysis, so --xlsx has nothing to write (see examples/small-customer.ron)"
        ))),
        None => Ok(None),
        Some(Err(error)) => Err(CliError::new(format!("{file}:{error}"))),
        Some(Ok(breakdown)) => Ok(Some(breakdown)),
    }
}

/// The `roi --format json` object of the quote as it is, when the customer's costs are known;
/// `warnings` are the ones `roi` reports (costs file, pricing, options left out, avoided hire).
fn roi_value(
    inputs: &PricedInputs,
    warnings: &[String],
) -> Result<Option<serde_json::Value>, CliError> {
    let comparison = match &inputs.evaluation.roi {
        None => return Ok(None),
        Some(Err(error)) => return Err(CliError::new(error.to_string())),
        Some(Ok(comparison)) => comparison,
    };
    let roi = comparison
        .quote_as_is()
        .ok_or_else(|| CliError::new("the ROI of the quote as it is was not computed"))?;
    Ok(Some(roi_json(
        &inputs.loaded.book.currency.code,
        roi,
        &comparison.options,
        warnings,
    )))
}

/// Refuses, before anything is written, an output whose folder does not exist, a path that
/// is a directory, and one path given to two outputs.
fn check_output_paths(outputs: &[(&'static str, &Path)]) -> Result<(), CliError> {
    for (index, (flag, path)) in outputs.iter().enumerate() {
        let shown = path.display();
        if let Some((other, _)) = outputs[..index].iter().find(|(_, other)| other == path) {
            return Err(CliError::new(format!(
                "cannot write {shown}: {other} and {flag} name the same file"
            )));
        }
        if path.is_dir() {
            return Err(CliError::new(format!(
                "cannot write {shown}: it is a directory"
            )));
        }
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(CliError::new(format!(
                "cannot write {shown}: the folder {} does not exist",
                folder.display()
            )));
        }
    }
    Ok(())
}
