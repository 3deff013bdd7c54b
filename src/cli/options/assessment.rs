//! `msp-quote assessment`: the assessment fee from the infrastructure's type, size and
//! locations.

use std::path::PathBuf;

use clap::Args;

use super::{load, one_line, parse_positive, pretty};
use crate::cli::table::{Align, TextTable, counted, printable};
use crate::cli::{CliError, OutputFormat};
use crate::core::options::assessment::{AssessmentFee, AssessmentRequest, price_assessment};
use crate::core::price_book::Currency;
use crate::formats::json::options::assessment_json;

/// Arguments of `assessment`.
#[derive(Debug, Args)]
pub struct AssessmentArgs {
    /// Infrastructure type id (standard book: small, medium, enterprise).
    #[arg(long = "type", value_name = "TYPE")]
    pub infrastructure_type: String,
    /// Number of servers (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive, allow_negative_numbers = true)]
    pub servers: u32,
    /// Number of locations (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive, default_value = "1", allow_negative_numbers = true)]
    pub locations: u32,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Runs `assessment`.
///
/// # Errors
/// A one-line [`CliError`] for an invalid book or an unknown type.
pub fn run_assessment(args: &AssessmentArgs) -> Result<String, CliError> {
    let book = load(args.price_book.as_deref())?;
    let request = AssessmentRequest {
        infrastructure_type: args.infrastructure_type.trim().to_lowercase(),
        servers: args.servers,
        locations: args.locations,
    };
    let fee = price_assessment(&book, &request).map_err(one_line)?;
    Ok(match args.format {
        OutputFormat::Json => pretty(&assessment_json(&fee)),
        OutputFormat::Text => assessment_table(&fee, &book.currency),
    })
}

/// The assessment fee as a readable table.
pub fn assessment_table(fee: &AssessmentFee, currency: &Currency) -> String {
    let money = |amount| currency.money(amount);
    let mut out = format!(
        "Assessment: {} ({}, {})\n",
        printable(&fee.infrastructure_name),
        counted(fee.servers, "server", "servers"),
        counted(fee.locations, "location", "locations")
    );
    let mut table = TextTable::new(&[
        ("Activity", Align::Left),
        ("Hours", Align::Right),
        ("Rate/h", Align::Right),
        ("Amount", Align::Right),
    ]);
    for activity in &fee.activities {
        table.row([
            activity.name.to_string(),
            activity.hours.normalize().to_string(),
            money(activity.hourly_rate),
            money(activity.amount),
        ]);
    }
    table.row([
        "Total".to_string(),
        fee.hours.normalize().to_string(),
        String::new(),
        money(fee.total),
    ]);
    out.push_str(&table.render());
    out
}
