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
use crate::formats::import::ReadOptions;
use crate::formats::import::cost_file::read_customer_costs_file;
use crate::formats::json::roi::roi_json;

/// Arguments of `roi`.
#[derive(Debug, Args)]
pub struct RoiArgs {
    #[command(flatten)]
    pub quote: QuoteArgs,
    /// The customer's current costs: a RON costs file, or a spreadsheet (xlsx, xls, ods, csv).
    /// Used instead of the costs saved in the quote file (said on stderr); a file that yields
    /// no usable line is an error.
    #[arg(long, value_name = "FILE")]
    pub costs: Option<PathBuf>,
    /// Read this sheet of the --costs workbook instead of the best-matching one.
    #[arg(long, value_name = "NAME", requires = "costs")]
    pub sheet: Option<String>,
    /// Annual discount rate for the NPV, percent (compounded monthly).
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = DEFAULT_DISCOUNT_RATE_PERCENT, allow_negative_numbers = true)]
    pub discount_rate: Decimal,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Customer costs read from a file.
pub struct LoadedCosts {
    pub costs: CustomerCosts,
}

/// Runs `roi`.
///
/// # Errors
/// A [`CliError`] naming the file and location for bad input, or when there are no costs.
pub fn run(args: &RoiArgs) -> Result<String, CliError> {
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

/// Reads customer costs from a RON costs file or a spreadsheet, chosen by extension, and
/// prints the import's report (sheet, lines taken, every skip, inference and caveat) on stderr.
///
/// # Errors
/// A [`CliError`] with the file and the first located problem, or the refusal of a file whose
/// rows give no usable line.
pub fn load_costs(path: &Path, sheet: Option<&str>) -> Result<LoadedCosts, CliError> {
    let options = ReadOptions {
        sheet: sheet.map(str::to_string),
    };
    let loaded = read_customer_costs_file(path, &options)
        .map_err(|error| CliError::new(error.one_line()))?;
    let name = path.display().to_string();
    if let Some(report) = loaded.report(&name) {
        eprintln!("{}", report.summary());
        for line in report.detail_lines() {
            eprintln!("{line}");
        }
    }
    Ok(LoadedCosts {
        costs: loaded.costs,
    })
}

/// The customer costs a command uses: the file's, unless it has no cost line at all (a
/// header-only sheet) and the quote has its own. Says on stderr which, when the quote has some.
pub fn costs_to_use(
    path: &Path,
    from_file: CustomerCosts,
    quote_costs: Option<&CustomerCosts>,
) -> CustomerCosts {
    let Some(own) = quote_costs else {
        return from_file;
    };
    let plural = |count: usize| if count == 1 { "" } else { "s" };
    if from_file.lines.is_empty() && from_file.avoided_hire.is_none() {
        eprintln!(
            "customer costs: {} has no cost line, so the quote file's own ({} line{}) are used",
            path.display(),
            own.lines.len(),
            plural(own.lines.len())
        );
        return own.clone();
    }
    eprintln!(
        "customer costs: {} line{} from {}, instead of the quote file's own {} line{}",
        from_file.lines.len(),
        plural(from_file.lines.len()),
        path.display(),
        own.lines.len(),
        plural(own.lines.len())
    );
    from_file
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
