//! `msp-quote tm`: a time-and-materials estimate from work items.

use std::path::PathBuf;

use clap::Args;

use super::{load, one_line, parse_positive, pretty};
use crate::cli::table::{Align, TextTable, summary};
use crate::cli::{CliError, OutputFormat};
use crate::core::options::time_materials::{Estimate, Place, Urgency, WorkItem, estimate};
use crate::core::price_book::Currency;
use crate::formats::json::options::estimate_json;

/// Arguments of `tm`.
#[derive(Debug, Args)]
pub struct TmArgs {
    /// A work item, DESCRIPTION:MINUTES:remote|on-site:normal|emergency|escalated (repeatable).
    #[arg(long = "item", value_name = "DESC:MIN:PLACE:URGENCY", value_parser = parse_item, required = true)]
    pub items: Vec<WorkItem>,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Runs `tm`.
///
/// # Errors
/// A one-line [`CliError`] for an invalid book or an item the book cannot price.
pub fn run_tm(args: &TmArgs) -> Result<String, CliError> {
    let book = load(args.price_book.as_deref())?;
    let result = estimate(&book, &args.items).map_err(one_line)?;
    Ok(match args.format {
        OutputFormat::Json => pretty(&estimate_json(&result)),
        OutputFormat::Text => estimate_table(&result, &book.currency),
    })
}

/// The estimate as a readable table.
pub fn estimate_table(result: &Estimate, currency: &Currency) -> String {
    let money = |amount| currency.money(amount);
    let mut table = TextTable::new(&[
        ("Item", Align::Left),
        ("Minutes", Align::Right),
        ("Place", Align::Left),
        ("Urgency", Align::Left),
        ("Billed", Align::Right),
        ("Rate/h", Align::Right),
        ("Travel", Align::Right),
        ("Amount", Align::Right),
    ]);
    for item in &result.items {
        table.row([
            item.description.clone(),
            item.minutes.to_string(),
            item.place.name().to_string(),
            item.urgency.name().to_string(),
            item.billed_minutes.to_string(),
            money(item.hourly_rate),
            money(item.travel_premium),
            money(item.amount),
        ]);
    }
    let mut out = table.render();
    out.push('\n');
    out.push_str(&summary([
        ("Billed minutes", result.billed_minutes.to_string()),
        ("Labour", money(result.labour)),
        ("Travel", money(result.travel)),
        ("Total", money(result.total)),
    ]));
    out.push_str("(no quantity discount applies to hourly work)\n");
    out
}

/// Parses `DESCRIPTION:MINUTES:remote|on-site:normal|emergency|escalated`; the description
/// may itself contain colons.
///
/// # Errors
/// A message naming the malformed part and the expected form.
pub fn parse_item(text: &str) -> Result<WorkItem, String> {
    let form = "DESCRIPTION:MINUTES:remote|on-site:normal|emergency|escalated (for example \"Reset router:16:remote:normal\")";
    let mut parts = text.rsplitn(4, ':');
    let (Some(urgency), Some(place), Some(minutes), Some(description)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("'{text}' is not {form}"));
    };
    if description.trim().is_empty() {
        return Err(format!("'{text}' has no description: write {form}"));
    }
    let minutes = parse_positive(minutes).map_err(|_| {
        format!("minutes '{minutes}' in '{text}' are not a whole number of at least 1")
    })?;
    let place = match place.trim().to_lowercase().as_str() {
        "remote" => Place::Remote,
        "on-site" | "onsite" => Place::OnSite,
        other => {
            return Err(format!(
                "place '{other}' in '{text}' is not remote or on-site"
            ));
        }
    };
    let urgency = match urgency.trim().to_lowercase().as_str() {
        "normal" => Urgency::Normal,
        "emergency" => Urgency::Emergency,
        "escalated" => Urgency::Escalated,
        other => {
            return Err(format!(
                "urgency '{other}' in '{text}' is not normal, emergency or escalated"
            ));
        }
    };
    Ok(WorkItem {
        description: description.trim().to_string(),
        minutes,
        place,
        urgency,
    })
}
