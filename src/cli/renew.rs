//! `msp-quote renew`: a renewal quote for the devices in force at the end of a contract.

use std::path::PathBuf;

use clap::Args;

use super::contract_files::{ContractFiles, contract_months_table};
use super::table::{Align, TextTable, counted, printable};
use super::{CliError, OutputFormat};
use crate::core::contract::{Renewal, renew};
use crate::formats::json::contract::renewal_json;
use crate::formats::quote::save_quote;

/// Arguments of `renew`.
#[derive(Debug, Args)]
pub struct RenewArgs {
    /// The contract to renew.
    #[arg(value_name = "CONTRACT.ron")]
    pub contract: PathBuf,
    /// The book the renewal is priced with; the embedded standard book when omitted.
    #[arg(long, value_name = "BOOK.ron")]
    pub price_book: Option<PathBuf>,
    /// The book the old contract pinned, when it is neither the new book nor the standard one.
    #[arg(long, value_name = "FILE")]
    pub pinned_book: Option<PathBuf>,
    /// The renewal's term in months (default: the contract's).
    #[arg(long, value_name = "M")]
    pub term: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Save the renewal quote (pinned to the new book) to this RON file.
    #[arg(long, value_name = "RENEWAL.ron")]
    pub save: Option<PathBuf>,
}

/// Runs `renew`.
///
/// # Errors
/// A one-line [`CliError`] for bad input, a term the book does not offer, or an unwritable
/// file.
pub fn run(args: &RenewArgs) -> Result<String, CliError> {
    let files = ContractFiles::load(
        &args.contract,
        args.price_book.as_deref(),
        args.pinned_book.as_deref(),
        false,
    )?;
    let old = files.schedule(&files.quote)?;
    files.warn_if_start_assumed(&old);
    let renewal = renew(
        &files.quote,
        &old,
        &files.current.book,
        args.term,
        crate::cli::quote_args::default_date(),
    )
    .map_err(|error| CliError::new(format!("{}: {error}", args.contract.display())))?;
    if let Some(path) = &args.save {
        let mut quote = renewal.quote.clone();
        quote.price_book_pin = Some(files.current.pin());
        save_quote(path, &quote)
            .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))?;
    }
    Ok(match args.format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&renewal_json(&renewal)).unwrap_or_default()
        ),
        OutputFormat::Text => renewal_text(&renewal),
    })
}

fn renewal_text(renewal: &Renewal) -> String {
    let currency = &renewal.schedule.base.currency;
    let mut out = format!(
        "Renewal {} from {} to {} ({}, no setup fee)\n",
        printable(&renewal.quote.number),
        renewal.schedule.start_date,
        renewal.schedule.end_date(),
        counted(renewal.schedule.term_months, "month", "months")
    );
    let mut table = TextTable::new(&[
        ("Line", Align::Left),
        ("Count", Align::Right),
        ("Old unit", Align::Right),
        ("New unit", Align::Right),
        ("New monthly", Align::Right),
    ]);
    for line in &renewal.lines {
        table.row([
            line.label.clone(),
            line.count.to_string(),
            line.old_unit
                .map_or_else(|| "-".to_string(), |unit| currency.money(unit)),
            currency.money(line.new_unit),
            currency.money(line.new_monthly),
        ]);
    }
    out += &table.render();
    out += &format!(
        "Monthly recurring {} -> {} (difference {})\n\n",
        currency.money(renewal.old_monthly_recurring),
        currency.money(renewal.new_monthly_recurring),
        currency.money(renewal.monthly_difference)
    );
    out + &contract_months_table(&renewal.schedule)
}
