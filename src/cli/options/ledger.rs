//! `msp-quote ledger`: the support-hour ledger, month by month.

use std::path::PathBuf;

use clap::Args;
use rust_decimal::Decimal;

use super::{load, one_line, parse_positive, pretty};
use crate::cli::table::{Align, TextTable, counted, printable};
use crate::cli::{CliError, OutputFormat};
use crate::core::options::ledger::{
    Ledger, LedgerRequest, Usage, UsageKind, YearMonth, build_ledger,
};
use crate::core::price_book::Currency;
use crate::formats::json::options::ledger_json;

/// Arguments of `ledger`.
#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// First contract month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_year_month)]
    pub start: YearMonth,
    /// Managed devices (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive, allow_negative_numbers = true)]
    pub devices: u32,
    /// Months to show.
    #[arg(long, value_name = "N", value_parser = parse_positive, default_value = "12", allow_negative_numbers = true)]
    pub months: u32,
    /// The tier whose included hours accrue (default: the book's first tier).
    #[arg(long, value_name = "TIER")]
    pub tier: Option<String>,
    /// Logged hours, YYYY-MM:support|flex|flex-onsite:HOURS (repeatable).
    #[arg(long = "usage", value_name = "MONTH:KIND:HOURS", value_parser = parse_usage)]
    pub usage: Vec<Usage>,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Runs `ledger`.
///
/// # Errors
/// A one-line [`CliError`] for an invalid book, an unknown tier or usage outside the months.
pub fn run_ledger(args: &LedgerArgs) -> Result<String, CliError> {
    let book = load(args.price_book.as_deref())?;
    let tier = match &args.tier {
        Some(tier) => tier.trim().to_lowercase(),
        None => book
            .tiers
            .first()
            .map(|tier| tier.id.clone())
            .ok_or_else(|| CliError::new("the price book has no tiers"))?,
    };
    let request = LedgerRequest {
        start: args.start,
        months: args.months,
        devices: args.devices,
        tier,
        usage: args.usage.clone(),
    };
    let ledger = build_ledger(&book, &request).map_err(one_line)?;
    Ok(match args.format {
        OutputFormat::Json => pretty(&ledger_json(&ledger)),
        OutputFormat::Text => ledger_table(&ledger, &book.currency),
    })
}

/// The ledger as a readable table, then the billable usage month by month and the totals.
pub fn ledger_table(ledger: &Ledger, currency: &Currency) -> String {
    let money = |amount| currency.money(amount);
    let hours = |value: Decimal| value.normalize().to_string();
    let mut out = format!(
        "Support-hour ledger: {} at {} (flex bank cap {} h, on-site blocks of {} h)\n",
        counted(ledger.devices, "device", "devices"),
        printable(&ledger.tier),
        hours(ledger.bank_cap_hours),
        hours(ledger.on_site_block_hours)
    );
    let mut table = TextTable::new(&[
        ("Month", Align::Left),
        ("Support", Align::Right),
        ("Used", Align::Right),
        ("Lost", Align::Right),
        ("Flex in", Align::Right),
        ("Accrued", Align::Right),
        ("Used", Align::Right),
        ("Expired", Align::Right),
        ("Flex out", Align::Right),
        ("Capped", Align::Right),
        ("Expires", Align::Right),
        ("Billable", Align::Right),
    ]);
    let mut usage_lines = String::new();
    for month in &ledger.months {
        table.row([
            month.month.to_string(),
            hours(month.support_included),
            hours(month.support_used),
            hours(month.support_lost),
            hours(month.flex_opening),
            hours(month.flex_accrued),
            hours(month.flex_used),
            hours(month.flex_expired),
            hours(month.flex_closing),
            hours(month.flex_forfeited_at_cap),
            month.flex_expires_on.map_or("never".to_string(), |date| {
                date.format("%Y-%m-%d").to_string()
            }),
            money(month.billable_amount),
        ]);
        for usage in month
            .usage
            .iter()
            .filter(|u| u.billable_hours > Decimal::ZERO)
        {
            usage_lines.push_str(&format!(
                "  {} {} {} h logged: {} h billable at {} ({}/h) = {}\n",
                month.month,
                usage.kind.name(),
                hours(usage.hours_logged),
                hours(usage.billable_hours),
                printable(usage.rate_id.as_deref().unwrap_or("-")),
                money(usage.hourly_rate),
                money(usage.amount)
            ));
        }
    }
    out.push_str(&table.render());
    if !usage_lines.is_empty() {
        out.push_str("Billable usage:\n");
        out.push_str(&usage_lines);
    }
    out.push('\n');
    out.push_str(&format!(
        "Flex accrued {} h, used {} h, expired {} h, forfeited at the cap {} h, peak {} h\n",
        hours(ledger.flex_accrued),
        hours(ledger.flex_used),
        hours(ledger.flex_expired),
        hours(ledger.flex_forfeited_at_cap),
        hours(ledger.flex_peak)
    ));
    out.push_str(&format!(
        "Support included {} h, used {} h, lost {} h; billable {}\n",
        hours(ledger.support_included),
        hours(ledger.support_used),
        hours(ledger.support_lost),
        money(ledger.billable_amount)
    ));
    out
}

/// Parses `YYYY-MM`.
///
/// # Errors
/// A message naming the value when it is not a year and month 01-12.
pub fn parse_year_month(text: &str) -> Result<YearMonth, String> {
    let malformed = || format!("'{text}' is not a month (write YYYY-MM, for example 2026-03)");
    let (year, month) = text.trim().split_once('-').ok_or_else(malformed)?;
    let year = year.parse::<i32>().map_err(|_| malformed())?;
    let month = month.parse::<u32>().map_err(|_| malformed())?;
    if !(1..=12).contains(&month) || !(1900..=9999).contains(&year) {
        return Err(malformed());
    }
    Ok(YearMonth { year, month })
}

/// Parses `YYYY-MM:support|flex|flex-onsite:HOURS`.
///
/// # Errors
/// A message naming the malformed part and the expected form.
pub fn parse_usage(text: &str) -> Result<Usage, String> {
    let form = "MONTH:support|flex|flex-onsite:HOURS (for example 2026-04:support:1.5)";
    let parts: Vec<&str> = text.split(':').collect();
    let [month, kind, hours] = parts.as_slice() else {
        return Err(format!("'{text}' is not {form}"));
    };
    let month = parse_year_month(month)?;
    let kind = match kind.trim().to_lowercase().as_str() {
        "support" => UsageKind::Support,
        "flex" => UsageKind::Flex,
        "flex-onsite" | "flex-on-site" => UsageKind::FlexOnSite,
        other => {
            return Err(format!(
                "usage kind '{other}' in '{text}' is not support, flex or flex-onsite"
            ));
        }
    };
    let hours = hours
        .trim()
        .parse::<Decimal>()
        .ok()
        .filter(|hours| *hours > Decimal::ZERO)
        .ok_or_else(|| format!("hours '{hours}' in '{text}' are not a number above 0"))?;
    Ok(Usage { month, kind, hours })
}
