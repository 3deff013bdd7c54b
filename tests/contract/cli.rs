//! The `amend`, `terminate`, `renew` and `price` commands on contract files.

use std::path::PathBuf;

use serde_json::Value;

use crate::cli::{json_of, msp_quote, scratch_dir};

/// Writes a contract of 7 Silver servers for 24 months from 2026-01-15.
pub fn contract_file(name: &str, setup: &str, extra: &str) -> PathBuf {
    let path = scratch_dir("contract").join(format!("{name}.ron"));
    std::fs::write(
        &path,
        format!(
            r#"(
    number: "C-2026-0007",
    revision: 1,
    date: "2026-01-05",
    customer: (name: "Example Manufacturing"),
    devices: [(tier: "silver", kind: "server", count: 7)],
    term_months: 24,
    setup: {setup},
    start_date: Some("2026-01-15"),
    {extra}
)"#
        ),
    )
    .unwrap();
    path
}

fn month(json: &Value, month: usize) -> &Value {
    &json["schedule"][month - 1]
}

#[test]
fn acceptance_example_4_through_amend_json() {
    // pricing-rules.md 10, example 4 (derivation in contract::amendments): proration 1,097.42
    // on month 6, month 6 due 8,357.42, month 24 due 6,060.00, contract value 162,987.42.
    let path = contract_file("example-4", "upfront", "");
    let json = json_of(&[
        "amend",
        path.to_str().unwrap(),
        "--effective",
        "2026-06-01",
        "--device",
        "silver:server=11",
        "--format",
        "json",
    ]);
    assert_eq!(json["effective_date"], "2026-06-01");
    assert_eq!(json["effective_month"], 5);
    assert_eq!(json["old_monthly_recurring"], "4830.00");
    assert_eq!(json["new_monthly_recurring"], "7260.00");
    assert_eq!(json["proration"]["month"], 6);
    assert_eq!(json["proration"]["amount"], "1097.42");
    assert_eq!(json["proration"]["days"], 14);
    assert_eq!(json["proration"]["days_in_month"], 31);
    assert_eq!(json["reduction_fee"], Value::Null);
    assert_eq!(month(&json, 6)["adjustment"], "1097.42");
    assert_eq!(month(&json, 6)["due"], "8357.42");
    assert_eq!(month(&json, 6)["first_day"], "2026-06-15");
    assert_eq!(month(&json, 6)["last_day"], "2026-07-14");
    assert_eq!(month(&json, 24)["due"], "6060.00");
    assert_eq!(json["total_contract_value"], "162987.42");
}

#[test]
fn acceptance_example_5_through_terminate_json() {
    // pricing-rules.md 10, example 5 (derivation in contract::termination).
    let path = contract_file("example-5", "amortized", "");
    let json = json_of(&[
        "terminate",
        path.to_str().unwrap(),
        "--after-month",
        "10",
        "--format",
        "json",
    ]);
    assert_eq!(json["after_month"], 10);
    assert_eq!(json["monthly_recurring"], "4830.00");
    assert_eq!(json["liquidated_damages"], "14490.00");
    assert_eq!(json["unbilled_setup"], "583.40");
    assert_eq!(json["termination_amount"], "15073.40");
    assert_eq!(json["paid_to_date"], "48716.60");
    assert_eq!(json["full_term_value"], "115720.00");
    assert_eq!(
        json["credits_not_granted"],
        serde_json::json!([{"month": 24, "amount": "1200.00"}])
    );
    assert_eq!(json["credit_lost"], "0.00");
}

#[test]
fn a_saved_amendment_prices_with_price_and_chains_with_the_next() {
    // Example 4 saved, then 21 Silver from 2026-09-01: the chained case of
    // contract::amendments (proration 2,553.87 on month 9, contract value 256,021.29).
    let path = contract_file("chain", "upfront", "");
    let amended = path.with_file_name("chain-amended.ron");
    let output = msp_quote(&[
        "amend",
        path.to_str().unwrap(),
        "--effective",
        "2026-06-01",
        "--device",
        "silver:server=11",
        "--save",
        amended.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = json_of(&[
        "amend",
        amended.to_str().unwrap(),
        "--effective",
        "2026-09-01",
        "--device",
        "silver:server=21",
        "--format",
        "json",
    ]);
    assert_eq!(json["old_monthly_recurring"], "7260.00");
    assert_eq!(json["proration"]["amount"], "2553.87");
    assert_eq!(json["total_contract_value"], "256021.29");
    // `price` on the saved contract shows the amended schedule and contract value.
    let priced = json_of(&["price", amended.to_str().unwrap(), "--format", "json"]);
    assert_eq!(priced["contract"]["total_contract_value"], "162987.42");
    assert_eq!(priced["total_contract_value"], "162987.42");
    assert_eq!(priced["contract"]["schedule"][5]["due"], "8357.42");
}

#[test]
fn renew_prices_the_devices_in_force_from_the_day_after_the_term() {
    // Example 4's contract renewed for 12 months: from 2028-01-15, 11 Silver at 660.00,
    // 7,260.00 a month, no setup: 12 x 7,260.00 = 87,120.00.
    let path = contract_file(
        "renew",
        "upfront",
        r#"amendments: [(effective_date: "2026-06-01", devices: [(tier: "silver", kind: "server", count: 11)])],"#,
    );
    let saved = path.with_file_name("renewal.ron");
    let json = json_of(&[
        "renew",
        path.to_str().unwrap(),
        "--term",
        "12",
        "--format",
        "json",
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(json["start_date"], "2028-01-15");
    assert_eq!(json["setup_fee"], "0.00");
    assert_eq!(json["lines"][0]["old_unit"], "660.00");
    assert_eq!(json["lines"][0]["new_unit"], "660.00");
    assert_eq!(json["monthly_difference"], "0.00");
    assert_eq!(json["total_contract_value"], "87120.00");
    assert_eq!(json["renews"]["number"], "C-2026-0007");
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("renews"), "{text}");
    let priced = json_of(&["price", saved.to_str().unwrap(), "--format", "json"]);
    assert_eq!(priced["total_contract_value"], "87120.00");
}

#[test]
fn bad_contract_inputs_exit_2_with_the_allowed_range() {
    let path = contract_file("bad", "upfront", "");
    let file = path.to_str().unwrap();
    let cases: [(&str, Vec<&str>, &str); 4] = [
        (
            "effective after the term",
            vec![
                "amend",
                file,
                "--effective",
                "2028-03-01",
                "--device",
                "silver:server=8",
            ],
            "allowed: 2026-01-15 to 2027-12-15",
        ),
        (
            "effective before the start",
            vec![
                "amend",
                file,
                "--effective",
                "2026-01-01",
                "--device",
                "silver:server=8",
            ],
            "allowed: 2026-01-15 to 2027-12-15",
        ),
        (
            "termination month 0",
            vec!["terminate", file, "--after-month", "0"],
            "allowed 1 to 23",
        ),
        (
            "termination month 24",
            vec!["terminate", file, "--after-month", "24"],
            "allowed 1 to 23",
        ),
    ];
    for (name, args, expected) in cases {
        let output = msp_quote(&args);
        assert_eq!(output.status.code(), Some(2), "case {name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "case {name}: {stderr}"
        );
        assert!(stderr.contains(expected), "case {name}: {stderr}");
    }
}

#[test]
fn price_takes_a_start_date_and_warns_when_it_is_missing() {
    let with_start = msp_quote(&[
        "price",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--start",
        "2026-02-01",
        "--format",
        "json",
    ]);
    assert!(with_start.status.success());
    let json: Value = serde_json::from_slice(&with_start.stdout).unwrap();
    assert_eq!(json["contract"]["start_date"], "2026-02-01");
    assert_eq!(json["contract"]["schedule"][0]["last_day"], "2026-02-28");
    assert!(!String::from_utf8_lossy(&with_start.stderr).contains("start date"));
    let without = msp_quote(&["price", "--device", "silver:server=7", "--format", "json"]);
    assert!(without.status.success());
    assert!(
        String::from_utf8_lossy(&without.stderr).contains("no billing start date"),
        "{}",
        String::from_utf8_lossy(&without.stderr)
    );
}

/// Example 4's contract pinned to `sha256`, and a book with Silver at 800.00.
fn pinned_contract_and_dearer_book(name: &str, sha256: &str) -> (PathBuf, PathBuf) {
    let pin =
        format!(r#"price_book: Some((id: "standard", version: "2026.1", sha256: "{sha256}")),"#);
    let path = contract_file(name, "upfront", &pin);
    let book = path.with_file_name(format!("{name}-dearer.ron"));
    std::fs::write(
        &book,
        msp_quote::formats::price_book::STANDARD_BOOK_RON.replace(
            "monthly_prices: {\"server\": \"750.00\"}",
            "monthly_prices: {\"server\": \"800.00\"}",
        ),
    )
    .unwrap();
    (path, book)
}

#[test]
fn an_amendment_is_priced_with_the_pinned_book_unless_repricing_is_asked_for() {
    let standard = msp_quote::formats::price_book::standard_book()
        .unwrap()
        .sha256;
    let (path, dearer) = pinned_contract_and_dearer_book("pinned", &standard);
    let args = |reprice: bool| {
        let mut args = vec![
            "amend".to_string(),
            path.display().to_string(),
            "--effective".to_string(),
            "2026-06-01".to_string(),
            "--device".to_string(),
            "silver:server=11".to_string(),
            "--price-book".to_string(),
            dearer.display().to_string(),
            "--format".to_string(),
            "json".to_string(),
        ];
        if reprice {
            args.push("--reprice".to_string());
        }
        args
    };
    // The pinned (standard) book prices the change: example 4's 7,260.00 and 1,097.42.
    let pinned: Vec<String> = args(false);
    let json = json_of(&pinned.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(json["new_monthly_recurring"], "7260.00");
    assert_eq!(json["proration"]["amount"], "1097.42");
    assert_eq!(json["repriced"], false);
    // Re-priced with the book in use: 11 Silver at 800.00 x 0.88 = 704.00, 7,744.00 a month;
    // proration (7,744.00 - 4,830.00) x 14 / 31 = 2,914.00 x 14 / 31 = 1,316.00 exactly.
    let repriced: Vec<String> = args(true);
    let json = json_of(&repriced.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(json["new_monthly_recurring"], "7744.00");
    assert_eq!(json["proration"]["amount"], "1316.00");
    assert_eq!(json["repriced"], true);
    let changes = json["repricing_changes"].as_array().unwrap();
    assert!(
        changes.contains(&serde_json::json!({
            "label": "silver server x11", "old": "7260.00", "new": "7744.00"
        })),
        "{changes:?}"
    );
}

#[test]
fn a_contract_pinned_to_a_book_not_given_is_refused_unless_repriced() {
    let (path, dearer) = pinned_contract_and_dearer_book("unknown-pin", &"0".repeat(64));
    let output = msp_quote(&[
        "terminate",
        path.to_str().unwrap(),
        "--after-month",
        "3",
        "--price-book",
        dearer.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--pinned-book") && stderr.contains("000000000000"),
        "{stderr}"
    );
}

#[test]
fn amend_addon_flags_change_one_add_on_each_and_leave_the_devices() {
    // 7 Silver (4,830.00) + off-site backup x7, discounted with the band (8%): 50.00 x 0.92 =
    // 46.00 x 7 = 322.00; monthly 5,152.00. From 2026-06-15 (first day of month 6) the backup
    // goes and a quarterly review (100.00, flat, not discounted) comes: 4,930.00. No
    // proration; reduction fee 222.00 x min(3, 19 months left) = 666.00 on month 6:
    // due 4,930.00 + 666.00 = 5,596.00.
    let path = contract_file(
        "addons",
        "upfront",
        r#"addons: [(id: "offsite-backup", quantity: 7)],"#,
    );
    let json = json_of(&[
        "amend",
        path.to_str().unwrap(),
        "--effective",
        "2026-06-15",
        "--addon",
        "offsite-backup=0",
        "--addon",
        "quarterly-review=1",
        "--format",
        "json",
    ]);
    assert_eq!(json["old_monthly_recurring"], "5152.00");
    assert_eq!(json["new_monthly_recurring"], "4930.00");
    assert_eq!(json["proration"], Value::Null);
    assert_eq!(json["reduction_fee"]["amount"], "666.00");
    assert_eq!(json["reduction_fee"]["month"], 6);
    assert_eq!(month(&json, 6)["due"], "5596.00");
}
