//! `msp-quote roi`: the customer's current costs against the contract, month by month, with
//! Bronze, Silver, Gold and the quote's own configuration side by side.

use std::path::{Path, PathBuf};

use clap::Args;
use rust_decimal::Decimal;

use super::quote_args::{QuoteArgs, parse_percent};
use super::table::{Align, TextTable, counted, summary, warning_lines};
use super::{CliError, OutputFormat};
use crate::core::evaluate::WarningSource;
use crate::core::money::{percent_text, plain};
use crate::core::price_book::Currency;
use crate::core::roi::{CustomerCosts, DEFAULT_DISCOUNT_RATE_PERCENT, RoiOption, RoiResult};
use crate::formats::import::customer_costs::import_customer_costs;
use crate::formats::json::roi::roi_json;
use crate::formats::quote::customer_costs::parse_customer_costs;

/// Arguments of `roi`.
#[derive(Debug, Args)]
pub struct RoiArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// The customer's current costs: a RON costs file, or a spreadsheet (xlsx, xls, ods, csv).
    /// Replaces the costs saved in the quote file.
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// Annual discount rate for the NPV, percent (compounded monthly).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = DEFAULT_DISCOUNT_RATE_PERCENT, allow_negative_numbers = true)]
    pub discount_rate: Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Customer costs read from a file, with what was skipped or doubtful on the way.
pub struct LoadedCosts {
    pub costs: CustomerCosts,
    /// Located messages: skipped rows and cells, warnings, "no cost lines found".
    pub warnings: Vec<String>,
}

/// Runs `roi`.
///
/// # Errors
/// A [`CliError`] naming the file and location for bad input, or when there are no costs.
pub fn run(args: &RoiArgs) -> Result<String, CliError> {
    let mut warnings: Vec<String> = Vec::new();
    let costs = match &args.costs {
        Some(path) => {
            let loaded = load_costs(path)?;
            warnings.extend(loaded.warnings);
            Some(loaded.costs)
        }
        None => None,
    };
    let inputs = args.quote.resolve_with(args.discount_rate, |quote| {
        if costs.is_some() {
            quote.customer_costs = costs;
        }
    })?;
    let evaluation = &inputs.evaluation;
    let comparison = match &evaluation.roi {
        None => {
            return Err(CliError::new(
                "no customer costs: give --costs FILE, or a quote file with customer_costs",
            ));
        }
        Some(Err(error)) => return Err(CliError::new(error.to_string())),
        Some(Ok(comparison)) => comparison,
    };
    let roi = comparison
        .quote_as_is()
        .ok_or_else(|| CliError::new("the ROI of the quote as it is was not computed"))?;
    let options = &comparison.options;
    // Every warning of the evaluation that concerns the ROI, each once.
    for source in [
        WarningSource::Pricing,
        WarningSource::RoiLeftOut,
        WarningSource::Roi,
    ] {
        warnings.extend(evaluation.warnings_from(source).map(str::to_string));
    }
    let currency = &inputs.loaded.book.currency;
    Ok(match args.format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&roi_json(&currency.code, roi, options, &warnings))
                .unwrap_or_default()
        ),
        OutputFormat::Text => roi_table(roi, options, &warnings, currency),
    })
}

/// Reads customer costs from a RON costs file or a spreadsheet, chosen by extension.
///
/// # Errors
/// A [`CliError`] with the file and the first located problem.
pub fn load_costs(path: &Path) -> Result<LoadedCosts, CliError> {
    let extension = path
        .extension()
        .map(|extension| extension.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "ron" => {
            let name = path.display().to_string();
            let text = crate::formats::read_input_text(path, crate::formats::COSTS_SIZE_LIMIT)
                .map_err(|error| CliError::new(error.one_line()))?;
            let costs = parse_customer_costs(&text, &name)
                .map_err(|error| CliError::new(error.one_line()))?;
            Ok(LoadedCosts {
                costs,
                warnings: Vec::new(),
            })
        }
        "xlsx" | "xlsm" | "xls" | "ods" | "csv" => {
            let imported =
                import_customer_costs(path).map_err(|error| CliError::new(error.one_line()))?;
            let name = path.display();
            let warnings = imported
                .skipped
                .iter()
                .map(|problem| format!("{name}:{problem}"))
                .chain(
                    imported
                        .warnings
                        .iter()
                        .map(|problem| format!("{name}:{problem}")),
                )
                .collect();
            Ok(LoadedCosts {
                costs: imported.costs,
                warnings,
            })
        }
        _ => Err(CliError::new(format!(
            "{}: costs must be a .ron, .xlsx, .xlsm, .xls, .ods or .csv file",
            path.display()
        ))),
    }
}

fn percent_cell(percent: Option<Decimal>) -> String {
    percent.map_or_else(
        || "-".to_string(),
        |percent| format!("{}%", plain(percent, 2)),
    )
}

fn payback_cell(month: Option<u32>) -> String {
    month.map_or_else(|| "never".to_string(), |month| format!("month {month}"))
}

/// The ROI as readable text: summary, options side by side, then month by month.
pub fn roi_table(
    roi: &RoiResult,
    options: &[RoiOption],
    warnings: &[String],
    currency: &Currency,
) -> String {
    let money = |amount| currency.money(amount);
    let mut out = summary([
        ("Term", counted(roi.term_months, "month", "months")),
        ("Investment", money(roi.investment)),
        ("Current costs", money(roi.current_costs)),
        ("Avoided costs", money(roi.avoided_costs)),
        ("Net savings", money(roi.net_savings)),
        ("ROI", percent_cell(roi.roi_percent)),
        ("Payback", payback_cell(roi.payback_month)),
        (
            "NPV",
            format!(
                "{} at {}% a year",
                money(roi.npv),
                percent_text(roi.discount_rate_percent)
            ),
        ),
    ]);
    let mut side_by_side = TextTable::new(&[
        ("Option", Align::Left),
        ("Monthly", Align::Right),
        ("Contract value", Align::Right),
        ("Net savings", Align::Right),
        ("ROI", Align::Right),
        ("Payback", Align::Right),
    ]);
    for option in options {
        side_by_side.row([
            option.name.clone(),
            money(option.monthly_recurring),
            money(option.total_contract_value),
            money(option.roi.net_savings),
            percent_cell(option.roi.roi_percent),
            payback_cell(option.roi.payback_month),
        ]);
    }
    let mut months = TextTable::new(&[
        ("Month", Align::Right),
        ("Current cost", Align::Right),
        ("Avoided", Align::Right),
        ("Paid", Align::Right),
        ("Net", Align::Right),
        ("Cumulative net", Align::Right),
    ]);
    for month in &roi.months {
        months.row([
            month.month.to_string(),
            money(month.current_cost),
            money(month.avoided),
            money(month.paid),
            money(month.net),
            money(month.cumulative_net),
        ]);
    }
    out.push('\n');
    out.push_str(&side_by_side.render());
    out.push('\n');
    out.push_str(&months.render());
    out.push_str(&warning_lines(warnings));
    out
}
