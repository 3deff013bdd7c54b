//! `msp-quote cost`: the cost-plus analysis of a quote, as a table, JSON or an xlsx workbook.

use std::path::{Path, PathBuf};

use clap::Args;

use super::table::{Align, TextTable, counted, printable, warning_lines};
use super::{CliError, OutputFormat};
use crate::core::cost::CostBreakdown;
use crate::core::evaluate::{EvaluationSettings, evaluate};
use crate::core::money::percent_text;
use crate::core::price_book::PriceBook;
use crate::core::quote::Quote;
use crate::formats::import::ReadOptions;
use crate::formats::import::cost_lines::{
    CostImportOptions, ImportedCostLines, LabourPricing, RoleCost, import_cost_lines_with,
};
use crate::formats::json::export::StreamedObject;
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
    /// Read this sheet of the --import workbook instead of the best-matching one.
    #[arg(long, value_name = "NAME", requires = "import")]
    pub sheet: Option<String>,
    /// Map an inventory's device type to one of the book's kinds (repeatable):
    /// `--kind-map laptop=workstation`. Shown with the built-in mapping on stderr.
    #[arg(long, value_name = "TYPE=KIND", requires = "import")]
    pub kind_map: Vec<String>,
    /// Divide the fee over the devices the imported inventory lists (its row count) instead of
    /// the quote's managed devices.
    #[arg(long, requires = "import")]
    pub devices_from_sheet: bool,
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
            let options = import_options(args, &loaded.book, &quote)?;
            let lines = import_cost_lines_with(path, &options)
                .map_err(|error| CliError::new(error.one_line()))?;
            report_import(path, &lines)?;
            let analysis = quote.cost_analysis.get_or_insert_with(Default::default);
            lines.append_to(analysis);
            if let Some(inventory) = &lines.inventory
                && args.devices_from_sheet
            {
                analysis.managed_devices = Some(inventory.devices);
                eprintln!("managed devices: {} from the sheet", inventory.devices);
            }
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
            // The cost lines are turned into JSON one at a time as the text is written.
            let mut streamed = StreamedObject::cost(&breakdown);
            if let (Some((path, lines)), Some(object)) =
                (&imported, streamed.summary.as_object_mut())
            {
                object.insert("import".to_string(), import_json(path, lines));
            }
            super::json_text(&streamed)?
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

/// The import options of `cost --import`: the sheet, the quote's labour roles and costs, and
/// the hand-made kind mapping (each kind checked against the book).
fn import_options(
    args: &CostArgs,
    book: &PriceBook,
    quote: &Quote,
) -> Result<CostImportOptions, CliError> {
    let overrides = quote
        .cost_analysis
        .as_ref()
        .map(|analysis| analysis.hourly_costs.clone())
        .unwrap_or_default();
    let mut roles: Vec<RoleCost> = book
        .cost_defaults
        .labour_roles
        .iter()
        .map(|role| RoleCost {
            id: role.id.clone(),
            name: role.name.clone(),
            hourly_cost: overrides.get(&role.id).copied().unwrap_or(role.hourly_cost),
        })
        .collect();
    // Hours without a role are the technical specialist's, as the handbook's junior work is.
    if let Some(index) = roles
        .iter()
        .position(|role| role.id == "technical-specialist")
    {
        let role = roles.remove(index);
        roles.insert(0, role);
    }
    let mut kind_map = std::collections::BTreeMap::new();
    for pair in &args.kind_map {
        let Some((from, to)) = pair.split_once('=') else {
            return Err(CliError::new(format!(
                "--kind-map '{pair}': write TYPE=KIND, e.g. laptop=workstation"
            )));
        };
        let to = to.trim();
        if book.device_kind(to).is_none() {
            let kinds: Vec<&str> = book.device_kinds.iter().map(|k| k.id.as_str()).collect();
            return Err(CliError::new(format!(
                "--kind-map '{pair}': unknown kind '{to}' (allowed: {})",
                kinds.join(", ")
            )));
        }
        kind_map.insert(from.trim().to_string(), to.to_string());
    }
    Ok(CostImportOptions {
        read: ReadOptions {
            sheet: args.sheet.clone(),
        },
        labour: (!roles.is_empty()).then_some(LabourPricing { roles }),
        kind_map,
    })
}

/// Prints what an import did on stderr (skips, inferences, caveats, the device-type mapping);
/// refuses a file whose rows give no usable line.
fn report_import(path: &Path, lines: &ImportedCostLines) -> Result<(), CliError> {
    let name = path.display().to_string();
    let report = lines.report(&name);
    if let Some(reason) = report.refusal() {
        return Err(CliError::new(format!("{name}: {reason}")));
    }
    for line in report.detail_lines() {
        eprintln!("{line}");
    }
    if let Some(inventory) = &lines.inventory {
        let kinds: Vec<String> = inventory
            .by_kind
            .iter()
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        eprintln!(
            "the sheet lists {} device{} ({})",
            inventory.devices,
            if inventory.devices == 1 { "" } else { "s" },
            kinds.join(", ")
        );
        for (type_text, (kind, count)) in &inventory.mapping {
            let shown = if type_text.is_empty() {
                "(no type)"
            } else {
                type_text
            };
            if kind.is_empty() {
                eprintln!(
                    "device type '{shown}' x{count}: no kind (give --kind-map '{shown}=KIND')"
                );
            } else {
                eprintln!("device type '{shown}' x{count} -> {kind}");
            }
        }
    }
    Ok(())
}

/// What an import did, as text: the count, the sheet and why it was chosen.
fn import_text(path: &Path, lines: &ImportedCostLines) -> String {
    let mut out = format!(
        "imported {} from {} (sheet {})\n",
        counted(lines.line_count() as u64, "cost line", "cost lines"),
        printable(&path.display().to_string()),
        printable(&lines.choice)
    );
    if !lines.skipped.is_empty() || !lines.inferred.is_empty() {
        out.push_str(&format!(
            "{} skipped, {} inferred (listed on stderr)\n",
            lines.skipped.len(),
            lines.inferred.len()
        ));
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
        "choice": lines.choice,
        "skipped": problems(&lines.skipped),
        "warnings": problems(&lines.warnings),
        "inferred": problems(&lines.inferred),
        "inventory": lines.inventory,
    })
}

/// The analysis as a readable table (internal figures: for analysts).
pub fn cost_table(breakdown: &CostBreakdown) -> String {
    let money = |amount| breakdown.currency.money(amount);
    let percent = |value| format!("{}%", percent_text(value));
    let mut lines = TextTable::new(&[
        ("Category", Align::Left),
        ("Line", Align::Left),
        ("Monthly cost", Align::Right),
        ("Detail", Align::Left),
    ]);
    for line in &breakdown.lines {
        lines.row([
            line.category.id().to_string(),
            line.description.clone(),
            money(line.monthly_cost),
            line.detail_text(&breakdown.currency).into_owned(),
        ]);
    }
    let mut categories = TextTable::new(&[
        ("Category", Align::Left),
        ("Cost", Align::Right),
        ("Markup %", Align::Right),
        ("Markup", Align::Right),
        ("Price", Align::Right),
    ]);
    for figures in &breakdown.categories {
        categories.row([
            figures.category.id().to_string(),
            money(figures.cost),
            percent(figures.markup_percent),
            money(figures.markup),
            money(figures.price),
        ]);
    }
    categories.row([
        "Total".to_string(),
        money(breakdown.total_monthly_cost),
        String::new(),
        money(breakdown.total_monthly_markup),
        money(breakdown.total_monthly_price),
    ]);
    let mut out = lines.render();
    out.push('\n');
    out.push_str(&categories.render());
    out.push('\n');
    let mut totals = TextTable::headless(&[Align::Left, Align::Right, Align::Left]);
    totals
        .row(["Managed devices".to_string(), breakdown.devices.to_string()])
        .row([
            "Per-device monthly fee".to_string(),
            money(breakdown.per_device_monthly_fee),
        ])
        .row([
            "Gross margin".to_string(),
            money(breakdown.gross_margin),
            format!(
                "({}, floor {})",
                percent(breakdown.gross_margin_percent),
                percent(breakdown.margin_floor_percent)
            ),
        ]);
    out.push_str(&totals.render());
    if !breakdown.tier_comparison.is_empty() {
        let mut tiers = TextTable::new(&[
            ("Tier", Align::Left),
            ("Devices", Align::Right),
            ("Monthly price", Align::Right),
            ("Reserve", Align::Right),
            ("Margin", Align::Right),
            ("Margin %", Align::Right),
        ]);
        for tier in &breakdown.tier_comparison {
            tiers.row([
                tier.tier_name.clone(),
                tier.devices.to_string(),
                money(tier.monthly_price),
                money(tier.reserve),
                money(tier.margin),
                percent(tier.margin_percent),
            ]);
        }
        out.push('\n');
        out.push_str(&tiers.render());
    }
    out.push_str(&warning_lines(
        breakdown.warnings.iter().map(|w| &w.message),
    ));
    out
}
