//! The component, phase and package flags of `price`, and how their results join the quote's.

use clap::Args;
use serde_json::Value;

use super::{one_line, parse_positive};
use crate::cli::CliError;
use crate::cli::quote_args::PricedInputs;
use crate::cli::table::{Align, TextTable, counted, printable, summary};
use crate::core::options::components::{ComponentChoice, ComponentLine};
use crate::core::options::package::Acquisition;
use crate::core::options::{PackageChoice, PackageSelector, PricedOptions, QuoteOptions};
use crate::core::price_book::Currency;
use crate::formats::json::options::price_options_json;

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

impl PriceOptionArgs {
    /// True when no component, phase or package was asked for.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.phases.is_empty() && self.package.is_none()
    }

    /// The quote file's options with these flags applied: `--component`, `--phase` and
    /// `--package` (with `--lease`) each replace the file's lines or package when given.
    pub fn override_options(&self, file: &QuoteOptions) -> QuoteOptions {
        let mut options = file.clone();
        if !self.components.is_empty() {
            options.components = self.components.clone();
        }
        if !self.phases.is_empty() {
            options.phases = self.phases.clone();
        }
        if let Some(spec) = &self.package {
            let spec = spec.trim();
            options.package = Some(PackageChoice {
                selector: match spec.parse::<u32>() {
                    Ok(users) => PackageSelector::Users(users),
                    Err(_) => PackageSelector::Band(spec.to_string()),
                },
                acquisition: if self.lease {
                    Acquisition::Leased
                } else {
                    Acquisition::Owned
                },
            });
        }
        options
    }
}

/// The quote's options as the evaluation priced them (None when it has none).
///
/// # Errors
/// A one-line [`CliError`] for a component, phase or package the book cannot price.
pub fn price_options(inputs: &PricedInputs) -> Result<Option<PricedOptions>, CliError> {
    match &inputs.evaluation.options {
        None => Ok(None),
        Some(Ok(options)) => Ok(Some(options.clone())),
        Some(Err(error)) => Err(one_line(error)),
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
    let money = |amount| currency.money(amount);
    let mut out = String::from("\nPricing options (cost-plus; no quantity discount)\n");
    if !options.components.is_empty() {
        let mut components = TextTable::new(&[
            ("Component", Align::Left),
            ("Count", Align::Right),
            ("Per device", Align::Right),
            ("Monthly", Align::Right),
        ]);
        for line in &options.components {
            components.row([
                format!("{} ({})", line.name, line.kind),
                line.count.to_string(),
                money(line.per_device_monthly_fee),
                money(line.monthly),
            ]);
        }
        out.push_str(&components.render());
    }
    if let Some(package) = &options.package {
        out.push_str(&format!(
            "Complete package {} ({}, {}, {})\n",
            printable(&package.band_id),
            counted(package.users, "user", "users"),
            package.acquisition.name(),
            counted(package.term_months, "month", "months")
        ));
        let mut items = vec![(
            format!(
                "  Services: {} {} x {}",
                package.service_tier, package.service_kind, package.service_devices
            ),
            money(package.services_monthly),
        )];
        for item in &package.items {
            items.push((format!("  {}", item.name), money(item.monthly)));
        }
        items.push((
            "  Package monthly fee".to_string(),
            money(package.monthly_fee),
        ));
        out.push_str(&summary(items));
    }
    out.push_str(&summary([
        ("Options monthly", money(options.options_monthly)),
        (
            "Combined monthly",
            money(options.combined.monthly_recurring),
        ),
        (
            "Combined first invoice",
            money(options.combined.first_invoice),
        ),
        (
            "Combined contract value",
            money(options.combined.total_contract_value),
        ),
    ]));
    out
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
