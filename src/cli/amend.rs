//! `msp-quote amend`: a change order on a signed contract (pricing-rules.md section 10).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::contract_files::{ContractFiles, contract_months_table};
use super::quote_args::{parse_date, parse_device};
use super::table::counted;
use super::{CliError, OutputFormat};
use crate::core::contract::{ContractSchedule, PricedAmendment};
use crate::core::quote::{AddOnLine, Amendment, Configuration, DeviceLine, Quote};
use crate::formats::json::contract::amend_json;
use crate::formats::quote::save_quote;

/// Arguments of `amend`.
#[derive(Debug, Args)]
pub struct AmendArgs {
    /// The signed contract (a quote file with its start date and earlier amendments).
    #[arg(value_name = "CONTRACT.ron")]
    pub contract: PathBuf,
    /// The date the change takes effect, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub effective: NaiveDate,
    /// A device line of the new configuration, TIER:KIND=COUNT (repeatable; together they
    /// replace the device lines in force; none: the devices stay as they are).
    #[arg(long = "device", value_name = "TIER:KIND=COUNT", value_parser = parse_device)]
    pub devices: Vec<DeviceLine>,
    /// An add-on's new quantity, ID=QTY (repeatable; 0 removes it; add-ons not named stay).
    #[arg(long = "addon", value_name = "ID=QTY", value_parser = parse_addon_change)]
    pub addons: Vec<(String, u32)>,
    /// Price the change with the book in use instead of the pinned one (changes are listed).
    #[arg(long)]
    pub reprice: bool,
    /// The book in use (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// The book the contract pinned, when it is neither the book in use nor the standard one.
    #[arg(long, value_name = "FILE")]
    pub pinned_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Save the amended contract to this RON file.
    #[arg(long, value_name = "AMENDED.ron")]
    pub save: Option<PathBuf>,
    /// Write the change order (PDF) to this file.
    #[arg(short = 'o', long = "output", value_name = "CHANGE-ORDER.pdf")]
    pub output: Option<PathBuf>,
}

/// Runs `amend`.
///
/// # Errors
/// A one-line [`CliError`] for bad input, a date outside the term, or an unwritable file.
pub fn run(args: &AmendArgs) -> Result<String, CliError> {
    let files = ContractFiles::load(
        &args.contract,
        args.price_book.as_deref(),
        args.pinned_book.as_deref(),
        args.reprice,
    )?;
    let amended = amended_quote(&files.quote, args);
    let contract = files.schedule(&amended)?;
    if let Some(path) = &args.save {
        let mut saved = amended.clone();
        if saved.price_book_pin.is_none() {
            saved.price_book_pin = Some(files.pinned.pin());
        }
        save_quote(path, &saved)
            .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))?;
    }
    if let Some(path) = &args.output {
        super::contract_documents::write_change_order(&files, &amended, &contract, path)?;
    }
    files.warn_if_start_assumed(&contract);
    Ok(match args.format {
        OutputFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&amend_json(&contract)).unwrap_or_default()
        ),
        OutputFormat::Text => amendment_text(&contract),
    })
}

/// The contract with the new amendment: the configuration in force changed by the flags.
fn amended_quote(quote: &Quote, args: &AmendArgs) -> Quote {
    let mut configuration: Configuration = quote.configuration_in_force();
    if !args.devices.is_empty() {
        configuration.devices = args.devices.clone();
    }
    for (id, quantity) in &args.addons {
        let existing = configuration.addons.iter().position(|line| &line.id == id);
        match (existing, *quantity) {
            (Some(index), 0) => {
                configuration.addons.remove(index);
            }
            (Some(index), quantity) => configuration.addons[index].quantity = quantity,
            (None, 0) => {}
            (None, quantity) => configuration.addons.push(AddOnLine {
                id: id.clone(),
                quantity,
            }),
        }
    }
    let mut amended = quote.clone();
    amended.contract.amendments.push(Amendment {
        effective_date: args.effective,
        configuration,
        reprice: args.reprice,
    });
    amended
}

/// The change as text: old -> new fee, proration, reduction fee, then the schedule.
fn amendment_text(contract: &ContractSchedule) -> String {
    let currency = &contract.base.currency;
    let mut out = String::new();
    if let Some(amendment) = contract.amendments.last() {
        let PricedAmendment {
            effective_date,
            effective_month,
            old_monthly_recurring,
            new_monthly_recurring,
            ..
        } = amendment;
        out += &format!(
            "Effective {effective_date} (contract month {effective_month}): monthly {} -> {}\n",
            currency.money(*old_monthly_recurring),
            currency.money(*new_monthly_recurring)
        );
        if let Some(proration) = amendment.proration {
            out += &format!(
                "Proration on month {}'s invoice: {} ({} of {} days)\n",
                proration.month,
                currency.money(proration.amount),
                proration.days,
                proration.days_in_month
            );
        }
        if let Some(fee) = amendment.reduction_fee {
            out += &format!(
                "Reduction fee on month {}'s invoice: {} ({})\n",
                fee.month,
                currency.money(fee.amount),
                counted(fee.months, "month", "months")
            );
        }
        let money = |amount: Option<rust_decimal::Decimal>| {
            amount.map_or_else(|| "-".to_string(), |amount| currency.money(amount))
        };
        for change in &amendment.repricing_changes {
            out += &format!(
                "re-priced {}: {} -> {}\n",
                change.label,
                money(change.old),
                money(change.new)
            );
        }
        out.push('\n');
    }
    out + &contract_months_table(contract)
}

/// Parses `ID=QTY` where 0 removes the add-on.
fn parse_addon_change(text: &str) -> Result<(String, u32), String> {
    let (id, quantity) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not ID=QTY (for example offsite-backup=2)"))?;
    if id.trim().is_empty() {
        return Err(format!("'{text}' has no add-on id"));
    }
    let quantity = quantity.trim().parse::<u32>().map_err(|_| {
        format!("quantity '{quantity}' is not allowed: write a whole number (0 removes the add-on)")
    })?;
    Ok((id.trim().to_lowercase(), quantity))
}
