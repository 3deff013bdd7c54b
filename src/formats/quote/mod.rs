//! Quotes in RON: load (every problem located), save (atomically), round-trip exactly.

pub mod contract;
mod cost;
pub mod customer_costs;
mod lines;
pub mod options;
mod raw;

use std::path::Path;

use raw::*;

use crate::core::quote::*;
use crate::formats::problem::{Checker, InputError, ron_problem};

/// Parses and validates a quote from RON text; `source_name` names it in problems.
///
/// # Errors
/// An [`InputError`] with a syntax error's line:column, or every field problem with its path.
pub fn parse_quote(text: &str, source_name: &str) -> Result<Quote, InputError> {
    let raw: RawQuote = ron::from_str(text).map_err(|error| InputError {
        source_name: source_name.to_string(),
        problems: vec![ron_problem(&error)],
    })?;
    from_raw(&raw).map_err(|problems| InputError {
        source_name: source_name.to_string(),
        problems,
    })
}

/// Reads and validates a quote file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read, is not a regular file, is over
/// [`crate::formats::QUOTE_SIZE_LIMIT`], is not UTF-8 (located) or is invalid.
pub fn load_quote(path: &Path) -> Result<Quote, InputError> {
    let name = path.display().to_string();
    let text = crate::formats::read_input_text(path, crate::formats::QUOTE_SIZE_LIMIT)?;
    parse_quote(&text, &name)
}

/// The quote as RON text. Parsing it gives the same quote back.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn quote_to_ron(quote: &Quote) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(&to_raw(quote), ron::ser::PrettyConfig::default())
}

/// Saves a quote as RON, atomically.
///
/// # Errors
/// An I/O error (serialisation cannot fail for a valid quote).
pub fn save_quote(path: &Path, quote: &Quote) -> std::io::Result<()> {
    let text = quote_to_ron(quote).map_err(std::io::Error::other)?;
    crate::formats::write_atomically(path, text.as_bytes())
}

fn from_raw(raw: &RawQuote) -> Result<Quote, Vec<crate::formats::problem::Problem>> {
    let mut check = Checker::default();
    let date = check.date("date", &raw.date);
    if raw.revision == 0 {
        check.error("revision", "revisions start at 1");
    }
    let devices = lines::device_lines_from_raw(&raw.devices, "devices", &mut check);
    let addons = lines::addon_lines_from_raw(&raw.addons, "addons", &mut check);
    check.months("term_months", raw.term_months);
    for (field, count) in [
        ("customer.sites", raw.customer.sites),
        ("customer.users", raw.customer.users),
        ("customer.desktops", raw.customer.desktops),
    ] {
        check.count(field, count);
    }
    let extra_discount = raw.extra_discount.as_ref().map(|extra| ExtraDiscount {
        percent: check.percent("extra_discount.percent", &extra.percent),
        reason: extra.reason.clone(),
    });
    let priced_snapshot = raw.priced_snapshot.as_ref().map(|snapshot| PricedSnapshot {
        lines: snapshot
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| SnapshotLine {
                label: line.label.clone(),
                unit_net: check
                    .decimal(
                        &format!("priced_snapshot.lines[{index}].unit_net"),
                        &line.unit_net,
                    )
                    .unwrap_or_default(),
                monthly: check
                    .decimal(
                        &format!("priced_snapshot.lines[{index}].monthly"),
                        &line.monthly,
                    )
                    .unwrap_or_default(),
            })
            .collect(),
        monthly_recurring: check
            .decimal(
                "priced_snapshot.monthly_recurring",
                &snapshot.monthly_recurring,
            )
            .unwrap_or_default(),
        total_contract_value: check
            .decimal(
                "priced_snapshot.total_contract_value",
                &snapshot.total_contract_value,
            )
            .unwrap_or_default(),
    });
    let quote = Quote {
        number: raw.number.clone(),
        revision: raw.revision,
        date,
        customer: Customer {
            name: raw.customer.name.clone(),
            contact: raw.customer.contact.clone(),
            sites: raw.customer.sites,
            users: raw.customer.users,
            desktops: raw.customer.desktops,
        },
        price_book_pin: raw.price_book.as_ref().map(|pin| PriceBookPin {
            id: pin.id.clone(),
            version: pin.version.clone(),
            sha256: pin.sha256.clone(),
        }),
        price_book_file: raw.price_book_file.clone(),
        devices,
        addons,
        term_months: raw.term_months,
        setup_mode: match raw.setup {
            RawSetupMode::Upfront => SetupMode::Upfront,
            RawSetupMode::Amortized => SetupMode::Amortized,
        },
        extra_discount,
        priced_snapshot,
        cost_analysis: raw
            .cost_analysis
            .as_ref()
            .map(|analysis| cost::cost_analysis_from_raw(&mut check, analysis)),
        customer_costs: raw
            .customer_costs
            .as_ref()
            .map(|costs| customer_costs::costs_from_raw(costs, "customer_costs", &mut check)),
        options: options::options_from_raw(&raw.options, "options", &mut check),
        contract: contract::contract_from_raw(
            &contract::RawContractFields {
                start_date: raw.start_date.as_deref(),
                amendments: &raw.amendments,
                renews: raw.renews.as_ref(),
                quote_date: date,
                term_months: raw.term_months,
            },
            &mut check,
        ),
    };
    if check.problems.is_empty() {
        Ok(quote)
    } else {
        Err(check.problems)
    }
}

fn to_raw(quote: &Quote) -> RawQuote {
    RawQuote {
        number: quote.number.clone(),
        revision: quote.revision,
        date: quote.date.format("%Y-%m-%d").to_string(),
        customer: RawCustomer {
            name: quote.customer.name.clone(),
            contact: quote.customer.contact.clone(),
            sites: quote.customer.sites,
            users: quote.customer.users,
            desktops: quote.customer.desktops,
        },
        price_book: quote.price_book_pin.as_ref().map(|pin| RawPin {
            id: pin.id.clone(),
            version: pin.version.clone(),
            sha256: pin.sha256.clone(),
        }),
        price_book_file: quote.price_book_file.clone(),
        devices: lines::device_lines_to_raw(&quote.devices),
        addons: lines::addon_lines_to_raw(&quote.addons),
        term_months: quote.term_months,
        setup: match quote.setup_mode {
            SetupMode::Upfront => RawSetupMode::Upfront,
            SetupMode::Amortized => RawSetupMode::Amortized,
        },
        extra_discount: quote.extra_discount.as_ref().map(|extra| RawExtraDiscount {
            percent: extra.percent.to_string(),
            reason: extra.reason.clone(),
        }),
        priced_snapshot: quote.priced_snapshot.as_ref().map(|snapshot| RawSnapshot {
            lines: snapshot
                .lines
                .iter()
                .map(|line| RawSnapshotLine {
                    label: line.label.clone(),
                    unit_net: line.unit_net.to_string(),
                    monthly: line.monthly.to_string(),
                })
                .collect(),
            monthly_recurring: snapshot.monthly_recurring.to_string(),
            total_contract_value: snapshot.total_contract_value.to_string(),
        }),
        cost_analysis: quote.cost_analysis.as_ref().map(cost::cost_analysis_to_raw),
        customer_costs: quote
            .customer_costs
            .as_ref()
            .map(customer_costs::costs_to_raw),
        options: options::options_to_raw(&quote.options),
        start_date: quote
            .contract
            .start_date
            .map(|date| date.format("%Y-%m-%d").to_string()),
        amendments: contract::amendments_to_raw(&quote.contract),
        renews: contract::renews_to_raw(&quote.contract),
    }
}
