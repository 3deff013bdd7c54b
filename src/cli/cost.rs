//! `msp-quote cost`: the cost-plus analysis of a quote, as a table, JSON or an xlsx workbook.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, OutputFormat};
use crate::core::cost::CostBreakdown;
use crate::core::evaluate::{EvaluationSettings, evaluate};
use crate::core::money::{display, percent_text};
use crate::formats::import::cost_lines::{ImportedCostLines, import_cost_lines};
use crate::formats::json::cost::cost_breakdown_json;
use crate::formats::price_book::load_or_standard;
use crate::formats::quote::{load_quote, save_quote};
use crate::formats::xlsx::cost::write_cost_analysis;

/// Arguments of `cost`.
#[derive(Debug, Args)]
pub struct CostArgs {
    /// The quote file (RON) with a `cost_analysis`.
    #[arg(value_name = "QUOTE.ron")]
    pub quote: PathBuf,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Also write the analysis as an xlsx workbook with live formulas.
    #[arg(long, value_name = "OUT.xlsx")]
    pub xlsx: Option<PathBuf>,
    /// Add the cost lines of a spreadsheet or CSV (xlsx, xlsm, xls, ods, csv) to the analysis.
    #[arg(long = "import", value_name = "FILE")]
    pub import: Option<PathBuf>,
    /// Save the quote, with the imported lines, to this RON file.
    #[arg(long, value_name = "QUOTE.ron")]
    pub save: Option<PathBuf>,
}

/// Runs `cost`.
///
/// # Errors
/// A one-line [`CliError`] naming the file and field for bad input, or an unwritable
/// `--xlsx` path.
pub fn run(args: &CostArgs) -> Result<String, CliError> {
    let loaded = load_or_standard(args.price_book.as_deref())
        .map_err(|error| CliError::new(error.one_line()))?;
    let mut quote = load_quote(&args.quote).map_err(|error| CliError::new(error.one_line()))?;
    let file = args.quote.display();
    let imported = match &args.import {
        Some(path) => {
            let lines = import_cost_lines(path).map_err(|error| CliError::new(error.one_line()))?;
            lines.append_to(quote.cost_analysis.get_or_insert_with(Default::default));
            Some((path, lines))
        }
        None => None,
    };
    let settings = EvaluationSettings {
        book_pin: Some(loaded.pin()),
        ..EvaluationSettings::default()
    };
    let breakdown = match evaluate(&loaded.book, &quote, &settings).cost {
        None => {
            return Err(CliError::new(format!(
                "{file}: the quote has no cost_analysis (see examples/small-customer.ron, or add lines with --import)"
            )));
        }
        Some(Err(error)) => return Err(CliError::new(format!("{file}:{error}"))),
        Some(Ok(breakdown)) => breakdown,
    };
    if let Some(path) = &args.xlsx {
        write_cost_analysis(path, &quote, &breakdown).map_err(CliError::new)?;
    }
    if let Some(path) = &args.save {
        save_quote(path, &quote)
            .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))?;
    }
    Ok(match args.format {
        OutputFormat::Json => {
            let mut value = cost_breakdown_json(&breakdown);
            if let (Some((path, lines)), Some(object)) = (&imported, value.as_object_mut()) {
                object.insert("import".to_string(), import_json(path, lines));
            }
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
        OutputFormat::Text => {
            let mut out = String::new();
            if let Some((path, lines)) = &imported {
                out.push_str(&import_text(path, lines));
            }
            out.push_str(&cost_table(&breakdown));
            out
        }
    })
}

/// What an import did, as text: the count, then every skipped row or cell and every caveat.
fn import_text(path: &Path, lines: &ImportedCostLines) -> String {
    let mut out = format!(
        "imported {} cost line{} from {} (sheet {})\n",
        lines.line_count(),
        if lines.line_count() == 1 { "" } else { "s" },
        path.display(),
        lines.sheet
    );
    for problem in &lines.skipped {
        let _ = writeln!(out, "skipped: {problem}");
    }
    for problem in &lines.warnings {
        let _ = writeln!(out, "import warning: {problem}");
    }
    out.push('\n');
    out
}

fn import_json(path: &Path, lines: &ImportedCostLines) -> serde_json::Value {
    let problems = |problems: &[crate::formats::problem::Problem]| {
        problems
            .iter()
            .map(|problem| {
                serde_json::json!({
                    "location": problem.location.to_string(),
                    "message": problem.message,
                })
            })
            .collect::<Vec<_>>()
    };
    serde_json::json!({
        "file": path.display().to_string(),
        "sheet": lines.sheet,
        "lines": lines.line_count(),
        "skipped": problems(&lines.skipped),
        "warnings": problems(&lines.warnings),
    })
}

/// The analysis as a readable table (internal figures: for analysts).
pub fn cost_table(breakdown: &CostBreakdown) -> String {
    let money = |amount| {
        display(
            amount,
            &breakdown.currency.symbol,
            breakdown.currency.decimals,
        )
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<20} {:<40} {:>14}",
        "Category", "Line", "Monthly cost"
    );
    for line in &breakdown.lines {
        let _ = writeln!(
            out,
            "{:<20} {:<40} {:>14}   {}",
            line.category.id(),
            line.description,
            money(line.monthly_cost),
            line.detail
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>9} {:>14} {:>14}",
        "Category", "Cost", "Markup %", "Markup", "Price"
    );
    for figures in &breakdown.categories {
        let _ = writeln!(
            out,
            "{:<20} {:>14} {:>9} {:>14} {:>14}",
            figures.category.id(),
            money(figures.cost),
            format!("{}%", percent_text(figures.markup_percent)),
            money(figures.markup),
            money(figures.price)
        );
    }
    let _ = writeln!(
        out,
        "{:<20} {:>14} {:>9} {:>14} {:>14}",
        "Total",
        money(breakdown.total_monthly_cost),
        "",
        money(breakdown.total_monthly_markup),
        money(breakdown.total_monthly_price)
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Managed devices          {:>14}", breakdown.devices);
    let _ = writeln!(
        out,
        "Per-device monthly fee   {:>14}",
        money(breakdown.per_device_monthly_fee)
    );
    let _ = writeln!(
        out,
        "Gross margin             {:>14}  ({}%, floor {}%)",
        money(breakdown.gross_margin),
        percent_text(breakdown.gross_margin_percent),
        percent_text(breakdown.margin_floor_percent)
    );
    if !breakdown.tier_comparison.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{:<10} {:>8} {:>14} {:>14} {:>14} {:>9}",
            "Tier", "Devices", "Monthly price", "Reserve", "Margin", "Margin %"
        );
        for tier in &breakdown.tier_comparison {
            let _ = writeln!(
                out,
                "{:<10} {:>8} {:>14} {:>14} {:>14} {:>9}",
                tier.tier_name,
                tier.devices,
                money(tier.monthly_price),
                money(tier.reserve),
                money(tier.margin),
                format!("{}%", percent_text(tier.margin_percent))
            );
        }
    }
    for warning in &breakdown.warnings {
        let _ = writeln!(out, "warning: {}", warning.message);
    }
    out
}
