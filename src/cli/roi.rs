//! `msp-quote roi`: the customer's current costs against the contract, month by month, with
//! Bronze, Silver, Gold and the quote's own configuration side by side.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use rust_decimal::Decimal;

use super::quote_args::{QuoteArgs, parse_percent};
use super::{CliError, OutputFormat};
use crate::core::money::{display, percent_text, plain};
use crate::core::options::priced_as_paid;
use crate::core::roi::{
    CustomerCosts, DEFAULT_DISCOUNT_RATE_PERCENT, RoiOption, RoiResult, roi_options,
    roi_over_schedule,
};
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
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = DEFAULT_DISCOUNT_RATE_PERCENT)]
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
    let inputs = args.quote.resolve()?;
    // ROI compares the customer's costs with what they pay: the quote with its options.
    let paid = priced_as_paid(&inputs.loaded.book, &inputs.quote, &inputs.priced)
        .map_err(|error| CliError::new(error.to_string()))?;
    let mut warnings: Vec<String> = Vec::new();
    let costs = match &args.costs {
        Some(path) => {
            let loaded = load_costs(path)?;
            warnings.extend(loaded.warnings);
            loaded.costs
        }
        None => inputs.quote.customer_costs.clone().ok_or_else(|| {
            CliError::new(
                "no customer costs: give --costs FILE, or a quote file with customer_costs",
            )
        })?,
    };
    let decimals = inputs.loaded.book.currency.decimals;
    let roi = roi_over_schedule(&costs, &paid.schedule, args.discount_rate, decimals)
        .map_err(|error| CliError::new(error.to_string()))?;
    let (options, left_out) = roi_options(
        &inputs.loaded.book,
        &inputs.quote,
        &costs,
        args.discount_rate,
    )
    .map_err(|error| CliError::new(error.to_string()))?;
    warnings.extend(inputs.priced.warnings.iter().map(|w| w.message.clone()));
    warnings.extend(left_out);
    if let Some(hire) = &costs.avoided_hire
        && hire.start_month > roi.term_months
    {
        warnings.push(format!(
            "the avoided hire starts in month {}, after the {}-month term: it saves nothing here",
            hire.start_month, roi.term_months
        ));
    }
    let currency = &inputs.loaded.book.currency;
    Ok(match args.format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&roi_json(&currency.code, &roi, &options, &warnings))
                .unwrap_or_default()
        ),
        OutputFormat::Text => roi_table(&roi, &options, &warnings, &currency.symbol, decimals),
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
            let text = std::fs::read_to_string(path)
                .map_err(|error| CliError::new(format!("{name}: cannot read: {error}")))?;
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
    symbol: &str,
    decimals: u32,
) -> String {
    let money = |amount| display(amount, symbol, decimals);
    let mut out = String::new();
    let summary = [
        ("Term", format!("{} months", roi.term_months)),
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
    ];
    for (label, value) in summary {
        let _ = writeln!(out, "{label:<16} {value:>18}");
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<12} {:>14} {:>16} {:>16} {:>10} {:>10}",
        "Option", "Monthly", "Contract value", "Net savings", "ROI", "Payback"
    );
    for option in options {
        let _ = writeln!(
            out,
            "{:<12} {:>14} {:>16} {:>16} {:>10} {:>10}",
            option.name,
            money(option.monthly_recurring),
            money(option.total_contract_value),
            money(option.roi.net_savings),
            percent_cell(option.roi.roi_percent),
            payback_cell(option.roi.payback_month)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:>5} {:>14} {:>14} {:>14} {:>14} {:>16}",
        "Month", "Current cost", "Avoided", "Paid", "Net", "Cumulative net"
    );
    for month in &roi.months {
        let _ = writeln!(
            out,
            "{:>5} {:>14} {:>14} {:>14} {:>14} {:>16}",
            month.month,
            money(month.current_cost),
            money(month.avoided),
            money(month.paid),
            money(month.net),
            money(month.cumulative_net)
        );
    }
    for warning in warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    out
}
