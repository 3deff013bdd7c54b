//! Contracts after the signature: calendar, amendments, termination, renewal, SLA
//! (pricing-rules.md section 10). Every expected value is derived by hand in a comment.

mod amendments;
mod cli;
mod documents;
mod formats;
mod properties;
mod termination;
mod window;

use msp_quote::core::contract::{ContractBooks, ContractSchedule, contract_schedule};
use msp_quote::core::price_book::PriceBook;
use msp_quote::core::quote::{Amendment, Configuration, DeviceLine, Quote, SetupMode};
use msp_quote::formats::price_book::standard_book;
use msp_quote::formats::quote::parse_quote;
use rust_decimal::Decimal;

pub fn book() -> PriceBook {
    standard_book().unwrap().book
}

pub fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn money(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// A contract of `devices` ("silver", count) lines from `start`.
pub fn contract(devices: &[(&str, u32)], term: u32, setup: SetupMode, start: &str) -> Quote {
    let mut quote = parse_quote(
        r#"(number: "C-2026-0007", revision: 1, date: "2026-01-05",
            customer: (name: "Example Manufacturing"), term_months: 12, setup: upfront)"#,
        "test",
    )
    .unwrap();
    quote.devices = lines(devices);
    quote.term_months = term;
    quote.setup_mode = setup;
    quote.contract.start_date = Some(date(start));
    quote
}

pub fn lines(devices: &[(&str, u32)]) -> Vec<DeviceLine> {
    devices
        .iter()
        .map(|(tier, count)| DeviceLine {
            tier: tier.to_string(),
            kind: "server".to_string(),
            count: *count,
        })
        .collect()
}

/// `quote` with an amendment on `effective` to `devices`.
pub fn amended(mut quote: Quote, effective: &str, devices: &[(&str, u32)]) -> Quote {
    quote.contract.amendments.push(Amendment {
        effective_date: date(effective),
        configuration: Configuration {
            devices: lines(devices),
            ..Configuration::default()
        },
        reprice: false,
    });
    quote
}

pub fn schedule_of(quote: &Quote) -> ContractSchedule {
    let book = book();
    contract_schedule(ContractBooks::single(&book), quote).unwrap()
}

/// Month `m`'s amount due.
pub fn due(contract: &ContractSchedule, month: u32) -> Decimal {
    contract.months[month as usize - 1].due
}
