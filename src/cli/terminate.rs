//! `msp-quote terminate`: what ending a contract early costs (pricing-rules.md section 10).

use std::path::PathBuf;

use clap::Args;

use super::contract_files::ContractFiles;
use super::table::{counted, summary};
use super::{CliError, OutputFormat};
use crate::core::contract::{Termination, terminate};
use crate::core::price_book::Currency;
use crate::formats::json::contract::termination_json;

/// Arguments of `terminate`.
#[derive(Debug, Args)]
pub struct TerminateArgs {
    /// The signed contract (its amendments are applied first).
    #[arg(value_name = "CONTRACT.ron")]
    pub contract: PathBuf,
    /// The last contract month served (1 to the term - 1).
    #[arg(long, value_name = "T")]
    pub after_month: u32,
    /// The book in use (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// The book the contract pinned, when it is neither the book in use nor the standard one.
    #[arg(long, value_name = "FILE")]
    pub pinned_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Write the termination statement (PDF) to this file.
    #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: Option<PathBuf>,
}

/// Runs `terminate`.
///
/// # Errors
/// A one-line [`CliError`] for bad input, a month outside 1..term-1 (with the allowed
/// range), or an unwritable file.
pub fn run(args: &TerminateArgs) -> Result<String, CliError> {
    let files = ContractFiles::load(
        &args.contract,
        args.price_book.as_deref(),
        args.pinned_book.as_deref(),
        false,
    )?;
    let contract = files.schedule(&files.quote)?;
    files.warn_if_start_assumed(&contract);
    let termination = terminate(&contract, args.after_month)
        .map_err(|error| CliError::new(format!("{}: {error}", args.contract.display())))?;
    if let Some(path) = &args.output {
        super::contract_documents::write_termination(&files, &contract, &termination, path)?;
    }
    Ok(match args.format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&termination_json(&termination)).unwrap_or_default()
        ),
        OutputFormat::Text => termination_text(&termination, &contract.base.currency),
    })
}

fn termination_text(termination: &Termination, currency: &Currency) -> String {
    let mut out = format!(
        "Terminated after month {} (last day {})\n",
        termination.after_month, termination.last_day
    );
    out += &summary([
        (
            "Monthly recurring in force",
            currency.money(termination.monthly_recurring),
        ),
        (
            "Liquidated damages",
            currency.money(termination.liquidated_damages),
        ),
        (
            "  months of the fee",
            counted(termination.liquidated_damages_months, "month", "months"),
        ),
        (
            "Setup not yet billed",
            currency.money(termination.unbilled_setup),
        ),
        (
            "Termination amount",
            currency.money(termination.termination_amount),
        ),
        ("Paid to date", currency.money(termination.paid_to_date)),
        (
            "Full-term value",
            currency.money(termination.full_term_value),
        ),
    ]);
    for credit in &termination.credits_not_granted {
        out += &format!(
            "Credit of month {} not granted: {}\n",
            credit.month,
            currency.money(credit.amount)
        );
    }
    if !termination.credit_lost.is_zero() {
        out += &format!(
            "Carried credit lost: {}\n",
            currency.money(termination.credit_lost)
        );
    }
    out
}
