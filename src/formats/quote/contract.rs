//! A contract's terms in a quote file, and their conversion with every problem located by
//! field path:
//!
//! ```ron
//! start_date: Some("2026-01-15"),
//! amendments: [
//!     (
//!         effective_date: "2026-06-01",
//!         devices: [(tier: "silver", kind: "server", count: 11)],
//!         addons: [],
//!         reprice: false,
//!     ),
//! ],
//! renews: Some((number: "Q-2026-0042", revision: 1)),
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::lines::{
    addon_lines_from_raw, addon_lines_to_raw, device_lines_from_raw, device_lines_to_raw,
};
use super::options::{RawQuoteOptions, options_from_raw, options_to_raw};
use super::raw::{RawAddOnLine, RawDeviceLine};
use crate::core::contract::calendar::month_first_day;
use crate::core::quote::{Amendment, Configuration, ContractTerms, RenewedContract};
use crate::formats::problem::Checker;

/// One amendment as written: its effective date and the complete new configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAmendment {
    pub effective_date: String,
    #[serde(default)]
    pub devices: Vec<RawDeviceLine>,
    #[serde(default)]
    pub addons: Vec<RawAddOnLine>,
    #[serde(default, skip_serializing_if = "RawQuoteOptions::is_empty")]
    pub options: RawQuoteOptions,
    #[serde(default)]
    pub reprice: bool,
}

/// `renews: Some((number: "Q-2026-0042", revision: 1))`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRenews {
    pub number: String,
    pub revision: u32,
}

/// The contract fields of a raw quote, borrowed.
pub struct RawContractFields<'a> {
    pub start_date: Option<&'a str>,
    pub amendments: &'a [RawAmendment],
    pub renews: Option<&'a RawRenews>,
    /// The quote date and term, to check the amendments' dates against.
    pub quote_date: NaiveDate,
    pub term_months: u32,
}

/// Converts the contract fields, recording every problem at its field path: a bad date, a
/// zero count, an amendment out of order or outside the term's change dates.
pub fn contract_from_raw(raw: &RawContractFields<'_>, check: &mut Checker) -> ContractTerms {
    let start_date = raw.start_date.map(|text| check.date("start_date", text));
    let start = start_date.unwrap_or(raw.quote_date);
    let last = month_first_day(start, raw.term_months.max(1));
    let mut previous: Option<NaiveDate> = None;
    let amendments = raw
        .amendments
        .iter()
        .enumerate()
        .map(|(index, amendment)| {
            let path = format!("amendments[{index}]");
            let date = check.date(&format!("{path}.effective_date"), &amendment.effective_date);
            if let Some(last) = last
                && (date < start || date > last)
            {
                check.error(
                    format!("{path}.effective_date"),
                    format!(
                        "{date} is outside the term's change dates (allowed: {start} to {last}, \
                         the first day of the last contract month)"
                    ),
                );
            }
            if let Some(before) = previous
                && date <= before
            {
                check.error(
                    format!("{path}.effective_date"),
                    format!("{date} is not after the previous amendment's {before}"),
                );
            }
            previous = Some(date);
            Amendment {
                effective_date: date,
                configuration: configuration_from_raw(amendment, &path, check),
                reprice: amendment.reprice,
            }
        })
        .collect();
    ContractTerms {
        start_date,
        amendments,
        renews: raw.renews.map(|renews| {
            if renews.number.trim().is_empty() {
                check.error("renews.number", "no quote number");
            }
            RenewedContract {
                number: renews.number.clone(),
                revision: renews.revision,
            }
        }),
    }
}

fn configuration_from_raw(raw: &RawAmendment, path: &str, check: &mut Checker) -> Configuration {
    let devices_path = format!("{path}.devices");
    // Amendments keep their own rule on top of the shared one: every device line names a
    // count of at least 1.
    for (index, line) in raw.devices.iter().enumerate() {
        if line.count == 0 {
            check.error(
                format!("{devices_path}[{index}].count"),
                "count is 0; counts start at 1",
            );
        }
    }
    Configuration {
        devices: device_lines_from_raw(&raw.devices, &devices_path, check),
        addons: addon_lines_from_raw(&raw.addons, &format!("{path}.addons"), check),
        options: options_from_raw(&raw.options, &format!("{path}.options"), check),
    }
}

/// The amendments as written.
pub fn amendments_to_raw(terms: &ContractTerms) -> Vec<RawAmendment> {
    terms
        .amendments
        .iter()
        .map(|amendment| RawAmendment {
            effective_date: amendment.effective_date.format("%Y-%m-%d").to_string(),
            devices: device_lines_to_raw(&amendment.configuration.devices),
            addons: addon_lines_to_raw(&amendment.configuration.addons),
            options: options_to_raw(&amendment.configuration.options),
            reprice: amendment.reprice,
        })
        .collect()
}

/// `renews` as written.
pub fn renews_to_raw(terms: &ContractTerms) -> Option<RawRenews> {
    terms.renews.as_ref().map(|renews| RawRenews {
        number: renews.number.clone(),
        revision: renews.revision,
    })
}
