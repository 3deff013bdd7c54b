//! The pricing options on the command line: `tm`, `assessment`, `ledger`, and the component
//! and package flags `price` accepts. Raw arguments are parsed once into core values; bad
//! input is one clear line (exit 2).

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;
use rust_decimal::Decimal;
use serde_json::Value;

use super::quote_args::PricedInputs;
use super::{CliError, OutputFormat};
use crate::core::money::display;
use crate::core::options::assessment::{AssessmentFee, AssessmentRequest, price_assessment};
use crate::core::options::components::{
    ComponentChoice, ComponentLine, PricedComponent, price_component,
};
use crate::core::options::ledger::{
    Ledger, LedgerRequest, Usage, UsageKind, YearMonth, build_ledger,
};
use crate::core::options::package::{
    Acquisition, PackageRequest, PricedPackage, package_band_by_id, price_package,
};
use crate::core::options::time_materials::{Estimate, Place, Urgency, WorkItem, estimate};
use crate::core::options::{CombinedTotals, combine_with_quote};
use crate::core::price_book::{Currency, PriceBook};
use crate::formats::options_json::{
    assessment_json, estimate_json, ledger_json, price_options_json,
};
use crate::formats::price_book::load_or_standard;

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

/// Arguments of `assessment`.
#[derive(Debug, Args)]
pub struct AssessmentArgs {
    /// Infrastructure type id (standard book: small, medium, enterprise).
    #[arg(long = "type", value_name = "TYPE")]
    pub infrastructure_type: String,
    /// Number of servers (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive)]
    pub servers: u32,
    /// Number of locations (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive, default_value = "1")]
    pub locations: u32,
    /// Price book (RON); the embedded standard book when omitted.
    #[arg(long, value_name = "FILE")]
    pub price_book: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `ledger`.
#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// First contract month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_year_month)]
    pub start: YearMonth,
    /// Managed devices (at least 1).
    #[arg(long, value_name = "N", value_parser = parse_positive)]
    pub devices: u32,
    /// Months to show.
    #[arg(long, value_name = "N", value_parser = parse_positive, default_value = "12")]
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

/// The component and package flags of `price` (flattened into its arguments).
#[derive(Debug, Clone, Args, Default)]
pub struct PriceOptionArgs {
    /// A single service for devices, COMPONENT:KIND=COUNT (repeatable), e.g. monitoring:server=5.
    #[arg(long = "component", value_name = "COMPONENT:KIND=COUNT", value_parser = parse_component)]
    pub components: Vec<ComponentLine>,
    /// A phase of the phased path for devices, PHASE:KIND=COUNT (repeatable), e.g. 2:server=5.
    #[arg(long = "phase", value_name = "PHASE:KIND=COUNT", value_parser = parse_phase)]
    pub phases: Vec<ComponentLine>,
    /// A complete package: a band id ("11-25") or a number of users ("18").
    #[arg(long, value_name = "BAND|USERS")]
    pub package: Option<String>,
    /// Lease the package's hardware and software instead of spreading its cost.
    #[arg(long, requires = "package")]
    pub lease: bool,
}

/// The options `price` priced besides the quote's tiers.
pub struct PricedOptions {
    pub components: Vec<PricedComponent>,
    pub package: Option<PricedPackage>,
    /// Components' and package's monthly amounts (setup excluded).
    pub options_monthly: Decimal,
    /// The quote with the options added to every month (setup counted once, by the quote).
    pub combined: CombinedTotals,
}

fn one_line(error: impl std::fmt::Display) -> CliError {
    CliError::new(error.to_string())
}

fn load(path: Option<&std::path::Path>) -> Result<PriceBook, CliError> {
    load_or_standard(path)
        .map(|loaded| loaded.book)
        .map_err(|error| CliError::new(error.one_line()))
}

fn pretty(value: &Value) -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(value).unwrap_or_default()
    )
}

fn money(currency: &Currency) -> impl Fn(Decimal) -> String + '_ {
    move |amount| display(amount, &currency.symbol, currency.decimals)
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
    let money = money(currency);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>7} {:<8} {:<9} {:>7} {:>10} {:>10} {:>11}",
        "Item", "Minutes", "Place", "Urgency", "Billed", "Rate/h", "Travel", "Amount"
    );
    for item in &result.items {
        let _ = writeln!(
            out,
            "{:<28} {:>7} {:<8} {:<9} {:>7} {:>10} {:>10} {:>11}",
            item.description,
            item.minutes,
            item.place.name(),
            item.urgency.name(),
            item.billed_minutes,
            money(item.hourly_rate),
            money(item.travel_premium),
            money(item.amount)
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "Billed minutes  {:>12}", result.billed_minutes);
    let _ = writeln!(out, "Labour          {:>12}", money(result.labour));
    let _ = writeln!(out, "Travel          {:>12}", money(result.travel));
    let _ = writeln!(out, "Total           {:>12}", money(result.total));
    let _ = writeln!(out, "(no quantity discount applies to hourly work)");
    out
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
    let money = money(currency);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Assessment: {} ({} server(s), {} location(s))",
        fee.infrastructure_name, fee.servers, fee.locations
    );
    let _ = writeln!(
        out,
        "{:<50} {:>6} {:>10} {:>11}",
        "Activity", "Hours", "Rate/h", "Amount"
    );
    for activity in &fee.activities {
        let _ = writeln!(
            out,
            "{:<50} {:>6} {:>10} {:>11}",
            activity.name,
            activity.hours.normalize().to_string(),
            money(activity.hourly_rate),
            money(activity.amount)
        );
    }
    let _ = writeln!(
        out,
        "{:<50} {:>6} {:>10} {:>11}",
        "Total",
        fee.hours.normalize().to_string(),
        "",
        money(fee.total)
    );
    out
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

/// The ledger as a readable table.
pub fn ledger_table(ledger: &Ledger, currency: &Currency) -> String {
    let money = money(currency);
    let hours = |value: Decimal| value.normalize().to_string();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Support-hour ledger: {} devices at {} (flex bank cap {} h, on-site blocks of {} h)",
        ledger.devices,
        ledger.tier,
        hours(ledger.bank_cap_hours),
        hours(ledger.on_site_block_hours)
    );
    let _ = writeln!(
        out,
        "{:<8} {:>8} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7} {:>8} {:>8} {:>11} {:>11}",
        "Month",
        "Support",
        "Used",
        "Lost",
        "Flex in",
        "Accrued",
        "Used",
        "Expired",
        "Flex out",
        "Capped",
        "Expires",
        "Billable"
    );
    for month in &ledger.months {
        let _ = writeln!(
            out,
            "{:<8} {:>8} {:>6} {:>6} {:>8} {:>8} {:>7} {:>7} {:>8} {:>8} {:>11} {:>11}",
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
            month
                .flex_expires_on
                .map_or("never".to_string(), |date| date
                    .format("%Y-%m-%d")
                    .to_string()),
            money(month.billable_amount)
        );
        for usage in month
            .usage
            .iter()
            .filter(|u| u.billable_hours > Decimal::ZERO)
        {
            let _ = writeln!(
                out,
                "  {} {} h logged: {} h billable at {} ({}/h) = {}",
                usage.kind.name(),
                hours(usage.hours_logged),
                hours(usage.billable_hours),
                usage.rate_id.as_deref().unwrap_or("-"),
                money(usage.hourly_rate),
                money(usage.amount)
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Flex accrued {} h, used {} h, expired {} h, forfeited at the cap {} h, peak {} h",
        hours(ledger.flex_accrued),
        hours(ledger.flex_used),
        hours(ledger.flex_expired),
        hours(ledger.flex_forfeited_at_cap),
        hours(ledger.flex_peak)
    );
    let _ = writeln!(
        out,
        "Support included {} h, used {} h, lost {} h; billable {}",
        hours(ledger.support_included),
        hours(ledger.support_used),
        hours(ledger.support_lost),
        money(ledger.billable_amount)
    );
    out
}

impl PriceOptionArgs {
    /// True when no component, phase or package was asked for.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.phases.is_empty() && self.package.is_none()
    }

    /// Prices the chosen options beside the quote (None when none were chosen).
    ///
    /// # Errors
    /// A one-line [`CliError`] for a component, phase or package the book cannot price.
    pub fn price(&self, inputs: &PricedInputs) -> Result<Option<PricedOptions>, CliError> {
        if self.is_empty() {
            return Ok(None);
        }
        let book = &inputs.loaded.book;
        let components = self
            .components
            .iter()
            .chain(&self.phases)
            .map(|line| price_component(book, line).map_err(one_line))
            .collect::<Result<Vec<_>, _>>()?;
        let package = match &self.package {
            None => None,
            Some(spec) => {
                let spec = spec.trim();
                let users = match spec.parse::<u32>() {
                    Ok(users) => users,
                    Err(_) => package_band_by_id(book, spec).map_err(one_line)?.min_users,
                };
                let request = PackageRequest {
                    users,
                    term_months: inputs.quote.term_months,
                    acquisition: if self.lease {
                        Acquisition::Leased
                    } else {
                        Acquisition::Owned
                    },
                    setup_mode: inputs.quote.setup_mode,
                };
                Some(price_package(book, &request).map_err(one_line)?)
            }
        };
        let options_monthly = components.iter().map(|line| line.monthly).sum::<Decimal>()
            + package.as_ref().map_or(Decimal::ZERO, |p| p.monthly_fee);
        Ok(Some(PricedOptions {
            combined: combine_with_quote(&inputs.priced, options_monthly),
            components,
            package,
            options_monthly,
        }))
    }
}

/// Adds the `options` object to `price`'s JSON when options were priced.
pub fn add_options_json(value: &mut Value, options: Option<&PricedOptions>) {
    if let (Some(options), Some(object)) = (options, value.as_object_mut()) {
        object.insert(
            "options".to_string(),
            price_options_json(
                &options.components,
                options.package.as_ref(),
                options.options_monthly,
                &options.combined,
            ),
        );
    }
}

/// The options as text to follow `price`'s table (empty when none were priced).
pub fn options_table(options: Option<&PricedOptions>, currency: &Currency) -> String {
    let Some(options) = options else {
        return String::new();
    };
    let money = money(currency);
    let mut out = String::new();
    let _ = writeln!(out);
    let _ = writeln!(out, "Pricing options (cost-plus; no quantity discount)");
    for line in &options.components {
        let _ = writeln!(
            out,
            "{:<58} {:>4} x {:>10} = {:>12}",
            format!("{} ({})", line.name, line.kind),
            line.count,
            money(line.per_device_monthly_fee),
            money(line.monthly)
        );
    }
    if let Some(package) = &options.package {
        let _ = writeln!(
            out,
            "Complete package {} ({} users, {}, {} months)",
            package.band_id,
            package.users,
            package.acquisition.name(),
            package.term_months
        );
        let _ = writeln!(
            out,
            "  Services: {} {} x {:<14} {:>12}",
            package.service_tier,
            package.service_kind,
            package.service_devices,
            money(package.services_monthly)
        );
        for item in &package.items {
            let _ = writeln!(out, "  {:<40} {:>12}", item.name, money(item.monthly));
        }
        let _ = writeln!(
            out,
            "  {:<40} {:>12}",
            "Package monthly fee",
            money(package.monthly_fee)
        );
    }
    let _ = writeln!(
        out,
        "Options monthly        {:>14}",
        money(options.options_monthly)
    );
    let _ = writeln!(
        out,
        "Combined monthly       {:>14}",
        money(options.combined.monthly_recurring)
    );
    let _ = writeln!(
        out,
        "Combined first invoice {:>14}",
        money(options.combined.first_invoice)
    );
    let _ = writeln!(
        out,
        "Combined contract value{:>14}",
        money(options.combined.total_contract_value)
    );
    out
}

fn parse_positive(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(value) if value >= 1 => Ok(value),
        _ => Err(format!("'{text}' is not a whole number of at least 1")),
    }
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

fn parse_devices_part(text: &str, whole: &str, form: &str) -> Result<(String, u32), String> {
    let (kind, count) = text
        .split_once('=')
        .ok_or_else(|| format!("'{whole}' is not {form}"))?;
    if kind.trim().is_empty() {
        return Err(format!("'{whole}' has no device kind: write {form}"));
    }
    let count = parse_positive(count)
        .map_err(|_| format!("count '{count}' in '{whole}' is not a whole number of at least 1"))?;
    Ok((kind.trim().to_lowercase(), count))
}

/// Parses `COMPONENT:KIND=COUNT`.
///
/// # Errors
/// A message naming the malformed value and the expected form.
pub fn parse_component(text: &str) -> Result<ComponentLine, String> {
    let form = "COMPONENT:KIND=COUNT (for example monitoring:server=5)";
    let (component, rest) = text
        .split_once(':')
        .ok_or_else(|| format!("'{text}' is not {form}"))?;
    if component.trim().is_empty() {
        return Err(format!("'{text}' has no component: write {form}"));
    }
    let (kind, count) = parse_devices_part(rest, text, form)?;
    Ok(ComponentLine {
        choice: ComponentChoice::Component(component.trim().to_lowercase()),
        kind,
        count,
    })
}

/// Parses `PHASE:KIND=COUNT`.
///
/// # Errors
/// A message naming the malformed value and the expected form.
pub fn parse_phase(text: &str) -> Result<ComponentLine, String> {
    let form = "PHASE:KIND=COUNT (for example 2:server=5)";
    let (phase, rest) = text
        .split_once(':')
        .ok_or_else(|| format!("'{text}' is not {form}"))?;
    let phase = parse_positive(phase)
        .map_err(|_| format!("phase '{phase}' in '{text}' is not a number such as 1-4"))?;
    let (kind, count) = parse_devices_part(rest, text, form)?;
    Ok(ComponentLine {
        choice: ComponentChoice::Phase(phase),
        kind,
        count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_colons_in_their_description() {
        let item = parse_item("Fix: printer queue:16:on-site:escalated").unwrap();
        assert_eq!(item.description, "Fix: printer queue");
        assert_eq!(item.minutes, 16);
        assert_eq!(item.place, Place::OnSite);
        assert_eq!(item.urgency, Urgency::Escalated);
    }

    #[test]
    fn malformed_values_are_refused_with_the_expected_form() {
        let cases = [
            (
                "no urgency",
                parse_item("Reset:16:remote").err(),
                "DESCRIPTION:MINUTES",
            ),
            (
                "empty description",
                parse_item(" :16:remote:normal").err(),
                "no description",
            ),
            ("month 13", parse_year_month("2026-13").err(), "YYYY-MM"),
            ("zero hours", parse_usage("2026-04:flex:0").err(), "above 0"),
            (
                "usage shape",
                parse_usage("2026-04:flex").err(),
                "MONTH:support",
            ),
            (
                "component count",
                parse_component("monitoring:server=0").err(),
                "at least 1",
            ),
            (
                "component shape",
                parse_component("monitoring").err(),
                "COMPONENT:KIND=COUNT",
            ),
            (
                "phase number",
                parse_phase("two:server=3").err(),
                "phase 'two'",
            ),
        ];
        for (name, error, expected) in cases {
            let error = error.unwrap_or_default();
            assert!(error.contains(expected), "case {name}: {error}");
        }
    }

    #[test]
    fn well_formed_values_parse() {
        assert_eq!(
            parse_year_month("2026-03").unwrap(),
            YearMonth {
                year: 2026,
                month: 3
            }
        );
        let usage = parse_usage("2026-04:flex-onsite:6").unwrap();
        assert_eq!(usage.kind, UsageKind::FlexOnSite);
        assert_eq!(usage.hours, Decimal::from(6));
        let phase = parse_phase("2:Server=5").unwrap();
        assert_eq!(phase.choice, ComponentChoice::Phase(2));
        assert_eq!(phase.kind, "server");
        assert_eq!(phase.count, 5);
    }
}
