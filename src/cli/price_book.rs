//! `msp-quote price-book`: make the book the provider's. Export it to a spreadsheet and
//! import it back, see what changed between two versions (and which saved quotes it moves),
//! and raise prices as one operation.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use rust_decimal::Decimal;

use super::{CliError, OutputFormat};
use crate::core::money::display;
use crate::core::price_book::PriceBook;
use crate::core::price_book_adjust::{AdjustScope, adjust_prices, adjusted_version};
use crate::core::price_book_diff::{
    BookChange, QuoteRepricing, RepricedTotals, diff_price_books, repricing_changes,
};
use crate::core::quote::Quote;
use crate::formats::input::{
    PRICE_BOOK_SIZE_LIMIT, SPREADSHEET_SIZE_LIMIT, read_input_file, read_input_text,
};
use crate::formats::price_book::xlsx::{export_price_book_xlsx, import_price_book_xlsx};
use crate::formats::price_book::{load_price_book, parse_price_book, price_book_to_ron_keeping};
use crate::formats::quote::load_quote;
use crate::formats::write_atomically;

/// Arguments of `price-book`.
#[derive(Debug, Args)]
pub struct PriceBookArgs {
    #[command(subcommand)]
    pub command: PriceBookCommand,
}

/// The `price-book` subcommands.
#[derive(Debug, Subcommand)]
pub enum PriceBookCommand {
    /// Write the book as a workbook: one sheet per section, a notes column with its comments.
    Export(ExportArgs),
    /// Read a workbook (as exported, edited in any spreadsheet) back into a RON book.
    Import(ImportArgs),
    /// List every change from OLD to NEW, and with --quotes the saved quotes it re-prices.
    Diff(DiffArgs),
    /// Raise (or lower) every selected price by a percent, as a new version.
    Adjust(AdjustArgs),
}

/// Arguments of `price-book export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The price book (RON).
    #[arg(value_name = "BOOK.ron")]
    pub book: PathBuf,
    /// The workbook to write.
    #[arg(long, value_name = "BOOK.xlsx")]
    pub xlsx: PathBuf,
}

/// Arguments of `price-book import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The workbook to read (.xlsx, .xlsm, .xls or .ods).
    #[arg(value_name = "BOOK.xlsx")]
    pub workbook: PathBuf,
    /// The RON book to write (nothing is written when the workbook is invalid).
    #[arg(short = 'o', long = "output", value_name = "BOOK.ron")]
    pub output: PathBuf,
}

/// Arguments of `price-book diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(value_name = "OLD.ron")]
    pub old: PathBuf,
    #[arg(value_name = "NEW.ron")]
    pub new: PathBuf,
    /// A folder of saved quotes (*.ron): list those that would re-price differently.
    #[arg(long, value_name = "DIR")]
    pub quotes: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Which prices `adjust` changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyScope {
    Tiers,
    Addons,
    Rates,
}

/// Arguments of `price-book adjust`.
#[derive(Debug, Args)]
pub struct AdjustArgs {
    #[arg(value_name = "BOOK.ron")]
    pub book: PathBuf,
    /// The change in percent (5 raises every selected price by 5%; -3 lowers it).
    #[arg(long, value_name = "PCT", allow_hyphen_values = true, value_parser = parse_decimal)]
    pub percent: Decimal,
    /// Only these prices (default: tiers, add-ons and hourly rates).
    #[arg(long, value_enum)]
    pub only: Option<OnlyScope>,
    /// The new book's version (default: the old one with "+5%").
    #[arg(long = "new-version", value_name = "TEXT")]
    pub new_version: Option<String>,
    /// The new book to write.
    #[arg(short = 'o', long = "output", value_name = "NEW.ron")]
    pub output: PathBuf,
}

fn parse_decimal(text: &str) -> Result<Decimal, String> {
    text.trim()
        .trim_end_matches('%')
        .parse::<Decimal>()
        .map_err(|_| format!("'{text}' is not a number"))
}

/// Runs `price-book`.
///
/// # Errors
/// A [`CliError`] for unreadable or invalid input (every problem, one per line) or an
/// unwritable output.
pub fn run(args: &PriceBookArgs) -> Result<String, CliError> {
    match &args.command {
        PriceBookCommand::Export(args) => export(args),
        PriceBookCommand::Import(args) => import(args),
        PriceBookCommand::Diff(args) => diff(args),
        PriceBookCommand::Adjust(args) => adjust(args),
    }
}

fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, CliError> {
    read_input_file(path, limit).map_err(|error| CliError::new(error.one_line()))
}

fn read_text(path: &Path) -> Result<String, CliError> {
    read_input_text(path, PRICE_BOOK_SIZE_LIMIT).map_err(|error| CliError::new(error.one_line()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    write_atomically(path, bytes)
        .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))
}

fn export(args: &ExportArgs) -> Result<String, CliError> {
    let text = read_text(&args.book)?;
    let name = args.book.display().to_string();
    let bytes = export_price_book_xlsx(&text, &name)
        .map_err(|error| CliError::new(error.lines().join("\n")))?;
    write(&args.xlsx, &bytes)?;
    Ok(format!("wrote {}\n", args.xlsx.display()))
}

fn import(args: &ImportArgs) -> Result<String, CliError> {
    let bytes = read_bytes(&args.workbook, SPREADSHEET_SIZE_LIMIT)?;
    let name = args.workbook.display().to_string();
    let imported = import_price_book_xlsx(&bytes, &name)
        .map_err(|error| CliError::new(error.lines().join("\n")))?;
    write(&args.output, imported.ron.as_bytes())?;
    let mut out = format!(
        "wrote {}: {} {}\n",
        args.output.display(),
        imported.book.id,
        imported.book.version
    );
    for warning in &imported.warnings {
        let _ = writeln!(out, "import warning: {name}:{warning}");
    }
    Ok(out)
}

fn load(path: &Path) -> Result<PriceBook, CliError> {
    load_price_book(path)
        .map(|loaded| loaded.book)
        .map_err(|error| CliError::new(error.lines().join("\n")))
}

fn diff(args: &DiffArgs) -> Result<String, CliError> {
    let old = load(&args.old)?;
    let new = load(&args.new)?;
    let changes = diff_price_books(&old, &new);
    let (quotes, skipped) = match &args.quotes {
        Some(dir) => {
            let (quotes, skipped) = saved_quotes(dir)?;
            (Some(repricing_changes(&old, &new, &quotes)), skipped)
        }
        None => (None, Vec::new()),
    };
    Ok(match args.format {
        OutputFormat::Text => diff_text(&changes, quotes.as_deref(), &skipped),
        OutputFormat::Json => {
            let value = diff_json(&changes, quotes.as_deref(), &skipped);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
    })
}

/// Quotes by file name.
type NamedQuotes = Vec<(String, Quote)>;

/// The quotes saved in `dir` (`*.ron`, by file name), and the files that are not quotes.
fn saved_quotes(dir: &Path) -> Result<(NamedQuotes, Vec<String>), CliError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| CliError::new(format!("{}: cannot read: {error}", dir.display())))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    let mut quotes = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        match load_quote(&path) {
            Ok(quote) => quotes.push((name, quote)),
            Err(_) => skipped.push(name),
        }
    }
    Ok((quotes, skipped))
}

fn amount(value: Decimal) -> String {
    display(value, "", 2)
}

fn totals_text(
    totals: &Result<RepricedTotals, String>,
    pick: fn(&RepricedTotals) -> Decimal,
) -> String {
    match totals {
        Ok(totals) => amount(pick(totals)),
        Err(_) => "(does not price)".to_string(),
    }
}

fn diff_text(
    changes: &[BookChange],
    quotes: Option<&[QuoteRepricing]>,
    skipped: &[String],
) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str("no changes\n");
    }
    for change in changes {
        let _ = writeln!(out, "{change}");
    }
    if let Some(quotes) = quotes {
        let _ = writeln!(out, "\nQuotes that re-price differently: {}", quotes.len());
        for quote in quotes {
            let _ = writeln!(
                out,
                "{} ({}): monthly {} -> {}, contract value {} -> {}",
                quote.name,
                quote.number,
                totals_text(&quote.old, |t| t.monthly_recurring),
                totals_text(&quote.new, |t| t.monthly_recurring),
                totals_text(&quote.old, |t| t.total_contract_value),
                totals_text(&quote.new, |t| t.total_contract_value),
            );
            for error in [&quote.old, &quote.new]
                .into_iter()
                .filter_map(|r| r.as_ref().err())
            {
                let _ = writeln!(out, "  {error}");
            }
        }
        for name in skipped {
            let _ = writeln!(out, "skipped {name}: not a readable quote");
        }
    }
    out
}

fn diff_json(
    changes: &[BookChange],
    quotes: Option<&[QuoteRepricing]>,
    skipped: &[String],
) -> serde_json::Value {
    use serde_json::json;
    let totals = |totals: &Result<RepricedTotals, String>| match totals {
        Ok(t) => json!({
            "monthly_recurring": crate::core::money::cents(t.monthly_recurring),
            "total_contract_value": crate::core::money::cents(t.total_contract_value),
        }),
        Err(error) => json!({ "error": error }),
    };
    let mut value = json!({
        "changes": changes.iter().map(|change| json!({
            "section": change.section.name(),
            "subject": change.subject,
            "old": change.old,
            "new": change.new,
            "text": change.to_string(),
        })).collect::<Vec<_>>(),
    });
    if let Some(quotes) = quotes {
        value["quotes"] = json!(
            quotes
                .iter()
                .map(|quote| json!({
                    "file": quote.name,
                    "number": quote.number,
                    "old": totals(&quote.old),
                    "new": totals(&quote.new),
                }))
                .collect::<Vec<_>>()
        );
        value["skipped"] = json!(skipped);
    }
    value
}

fn adjust(args: &AdjustArgs) -> Result<String, CliError> {
    let text = read_text(&args.book)?;
    let name = args.book.display().to_string();
    let book =
        parse_price_book(&text, &name).map_err(|error| CliError::new(error.lines().join("\n")))?;
    let scope = match args.only {
        None => AdjustScope::All,
        Some(OnlyScope::Tiers) => AdjustScope::Tiers,
        Some(OnlyScope::Addons) => AdjustScope::AddOns,
        Some(OnlyScope::Rates) => AdjustScope::Rates,
    };
    let version = args
        .new_version
        .clone()
        .unwrap_or_else(|| adjusted_version(&book.version, args.percent));
    let adjusted = adjust_prices(&book, args.percent, scope, &version)
        .map_err(|error| CliError::new(error.to_string()))?;
    let header = format!(
        "{} {} with prices ({}) changed by {}% (msp-quote price-book adjust)",
        book.id,
        book.version,
        match scope {
            AdjustScope::All => "tiers, add-ons, hourly rates",
            AdjustScope::Tiers => "tiers",
            AdjustScope::AddOns => "add-ons",
            AdjustScope::Rates => "hourly rates",
        },
        args.percent.normalize()
    );
    let ron = price_book_to_ron_keeping(&adjusted, &text, &header, |key| stale_after(scope, key))
        .map_err(|error| CliError::new(format!("cannot write RON: {error}")))?;
    parse_price_book(&ron, &args.output.display().to_string())
        .map_err(|error| CliError::new(error.lines().join("\n")))?;
    write(&args.output, ron.as_bytes())?;
    let mut out = format!(
        "wrote {}: {} {}\n",
        args.output.display(),
        adjusted.id,
        adjusted.version
    );
    for change in diff_price_books(&book, &adjusted) {
        let _ = writeln!(out, "{change}");
    }
    Ok(out)
}

/// Whether a comment at `key` described a price the adjustment changed (and is dropped).
fn stale_after(scope: AdjustScope, key: &str) -> bool {
    let tiers = matches!(scope, AdjustScope::All | AdjustScope::Tiers);
    let addons = matches!(scope, AdjustScope::All | AdjustScope::AddOns);
    let rates = matches!(scope, AdjustScope::All | AdjustScope::Rates);
    (tiers && key.starts_with("tiers/") && key.contains("/monthly_prices"))
        || (addons && key.starts_with("addons/"))
        || (rates
            && ((key.starts_with("hourly_rates/")
                && (key.ends_with("/rate") || key.ends_with("/travel_premium")))
                || (key.starts_with("tiers/") && key.contains("/rate_overrides"))))
}
