//! The contract fields of a quote file: located problems and an exact round trip; the SLA
//! section of the price book.

use msp_quote::formats::price_book::{parse_price_book, price_book_to_ron, standard_book};
use msp_quote::formats::quote::{parse_quote, quote_to_ron};

const CONTRACT: &str = r#"(
    number: "C-2026-0007",
    revision: 1,
    date: "2026-01-05",
    customer: (name: "Example Manufacturing"),
    devices: [(tier: "silver", kind: "server", count: 7)],
    addons: [(id: "offsite-backup", quantity: 7)],
    term_months: 24,
    setup: upfront,
    start_date: Some("2026-01-15"),
    amendments: [
        (
            effective_date: "2026-06-01",
            devices: [(tier: "silver", kind: "server", count: 11)],
            addons: [(id: "offsite-backup", quantity: 11)],
        ),
        (
            effective_date: "2026-09-15",
            devices: [(tier: "gold", kind: "server", count: 11)],
            reprice: true,
        ),
    ],
    renews: Some((number: "C-2024-0001", revision: 2)),
)"#;

#[test]
fn a_contract_file_keeps_its_start_amendments_and_renewal_exactly() {
    let quote = parse_quote(CONTRACT, "contract.ron").unwrap();
    assert_eq!(quote.contract.start_date, Some(super::date("2026-01-15")));
    assert_eq!(quote.contract.amendments.len(), 2);
    assert_eq!(
        quote.contract.amendments[0].configuration.devices[0].count,
        11
    );
    assert_eq!(
        quote.contract.amendments[0].configuration.addons[0].quantity,
        11
    );
    assert!(quote.contract.amendments[1].reprice);
    assert!(quote.contract.amendments[1].configuration.addons.is_empty());
    assert_eq!(quote.contract.renews.as_ref().unwrap().revision, 2);
    let text = quote_to_ron(&quote).unwrap();
    let again = parse_quote(&text, "again").unwrap();
    assert_eq!(again, quote);
    assert_eq!(quote_to_ron(&again).unwrap(), text);
}

#[test]
fn a_quote_without_contract_fields_saves_none() {
    let quote = parse_quote(
        r#"(number: "Q-1", revision: 1, date: "2026-01-05", term_months: 12, setup: upfront)"#,
        "q",
    )
    .unwrap();
    let text = quote_to_ron(&quote).unwrap();
    for field in ["start_date", "amendments", "renews"] {
        assert!(!text.contains(field), "{field} in {text}");
    }
}

#[test]
fn contract_problems_are_located_by_field_path() {
    let cases = [
        (
            "bad start",
            r#"start_date: Some("2026-13-01"),"#,
            "start_date",
        ),
        (
            "amendment before the start",
            r#"start_date: Some("2026-01-15"), amendments: [(effective_date: "2026-01-10")],"#,
            "amendments[0].effective_date: 2026-01-10 is outside the term's change dates (allowed: 2026-01-15 to 2026-12-15",
        ),
        (
            "zero count",
            r#"amendments: [(effective_date: "2026-03-01", devices: [(tier: "silver", kind: "server", count: 0)])],"#,
            "amendments[0].devices[0].count",
        ),
        (
            "out of order",
            r#"amendments: [(effective_date: "2026-05-01"), (effective_date: "2026-04-01")],"#,
            "amendments[1].effective_date: 2026-04-01 is not after",
        ),
    ];
    for (name, fields, expected) in cases {
        let text = format!(
            r#"(number: "Q-1", revision: 1, date: "2026-01-05", term_months: 12,
                setup: upfront, {fields})"#
        );
        let error = parse_quote(&text, "c.ron").unwrap_err();
        let lines = error.lines().join("\n");
        assert!(lines.contains(expected), "case {name}: {lines}");
    }
}

#[test]
fn the_standard_book_states_the_handbooks_sla_levels_and_placeholder_credits() {
    let book = standard_book().unwrap().book;
    let levels = book.service_levels.as_ref().unwrap();
    let minutes: Vec<(&str, u32)> = levels
        .targets
        .iter()
        .map(|t| (t.priority.as_str(), t.response_minutes))
        .collect();
    // Handbook: level 1 15 minutes, level 2 30, level 3 60; the tiers' on-call 3 hours.
    assert_eq!(
        minutes,
        vec![
            ("Level 1", 15),
            ("Level 2", 30),
            ("Level 3", 60),
            ("On-call support", 180)
        ]
    );
    assert_eq!(levels.credit_percent_per_miss, super::money("5"));
    assert_eq!(levels.monthly_credit_cap_percent, super::money("25"));
    assert!(levels.credits_are_placeholders);
    // 25% of 4,830.00 = 1,207.50; 5% = 241.50.
    assert_eq!(
        levels.monthly_credit_cap(super::money("4830.00"), 2),
        super::money("1207.50")
    );
    assert_eq!(
        levels.credit_per_miss(super::money("4830.00"), 2),
        super::money("241.50")
    );
    let text = price_book_to_ron(&book).unwrap();
    assert_eq!(parse_price_book(&text, "again").unwrap(), book);
}

#[test]
fn a_per_miss_credit_above_the_cap_is_located() {
    let text = msp_quote::formats::price_book::STANDARD_BOOK_RON.replace(
        "credit_percent_per_miss: \"5\"",
        "credit_percent_per_miss: \"30\"",
    );
    let error = parse_price_book(&text, "b").unwrap_err();
    assert!(
        error
            .lines()
            .join("\n")
            .contains("service_levels.credit_percent_per_miss"),
        "{error}"
    );
}
