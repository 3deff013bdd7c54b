//! The `msp-quote` binary: acceptance figures, exit codes and one-line errors.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

pub fn msp_quote(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795737600") // 2026-11-27
        .output()
        .unwrap()
}

pub fn json_of(args: &[&str]) -> Value {
    let output = msp_quote(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-tests-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn acceptance_seven_silver_servers_for_24_months() {
    let json = json_of(&[
        "price",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--format",
        "json",
    ]);
    assert_eq!(json["monthly_recurring"], "4830.00");
    assert_eq!(json["total_contract_value"], "115720.00");
    assert_eq!(json["discount_percent"], "8");
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["term_months"], 24);
    assert_eq!(json["setup_fee"], "1000.00");
    assert_eq!(json["setup_mode"], "upfront");
    assert_eq!(
        json["credits"],
        serde_json::json!([{"month": 24, "amount": "1200.00"}])
    );
    assert_eq!(json["schedule"][23]["due"], "3630.00");
    assert_eq!(json["schedule"][0]["due"], "5830.00");
    assert_eq!(json["effective_monthly"], "4821.67");
    let line = &json["lines"][0];
    assert_eq!(line["tier"], "silver");
    assert_eq!(line["kind"], "server");
    assert_eq!(line["count"], 7);
    assert_eq!(line["unit_list"], "750.00");
    assert_eq!(line["discount_percent"], "8");
    assert_eq!(line["unit_net"], "690.00");
    assert_eq!(line["monthly"], "4830.00");
    assert_eq!(json["price_book"]["id"], "standard");
    assert_eq!(json["price_book"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["warnings"], serde_json::json!([]));
}

#[test]
fn both_sides_of_the_50_to_51_cliff_name_it() {
    for count in ["50", "51"] {
        let device = format!("gold:server={count}");
        let json = json_of(&["price", "--device", &device, "--format", "json"]);
        let warnings = json["warnings"].as_array().unwrap();
        assert!(
            warnings
                .iter()
                .any(|w| w.as_str().unwrap().contains("50 -> 51")),
            "{count}: {warnings:?}"
        );
    }
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_value() {
    let cases: [(&str, &[&str], &str); 9] = [
        (
            "unknown tier",
            &["price", "--device", "platinum:server=1"],
            "unknown tier 'platinum'",
        ),
        (
            "unknown kind",
            &["price", "--device", "silver:toaster=1"],
            "unknown device kind 'toaster'",
        ),
        (
            "unknown add-on",
            &[
                "price",
                "--device",
                "silver:server=1",
                "--addon",
                "coffee=1",
            ],
            "unknown add-on 'coffee'",
        ),
        (
            "term not offered",
            &["price", "--device", "silver:server=1", "--term", "18"],
            "allowed: 12, 24, 36",
        ),
        (
            "zero count",
            &["price", "--device", "silver:server=0"],
            "'0'",
        ),
        (
            "negative count",
            &["price", "--device", "silver:server=-3"],
            "'-3'",
        ),
        (
            "fractional count",
            &["price", "--device", "silver:server=2.5"],
            "'2.5'",
        ),
        (
            "malformed device",
            &["price", "--device", "silver-server"],
            "TIER:KIND=COUNT",
        ),
        (
            "missing file",
            &["price", "/nonexistent/quote.ron"],
            "cannot read",
        ),
    ];
    for (name, args, expected) in cases {
        let output = msp_quote(args);
        assert_eq!(output.status.code(), Some(2), "case {name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "case {name}: one line, got {stderr}"
        );
        assert!(stderr.contains(expected), "case {name}: {stderr}");
        assert!(!stderr.contains("panicked"), "case {name}");
    }
}

#[test]
fn check_price_book_lists_cliffs_and_locates_errors() {
    let output = msp_quote(&["check-price-book", "price-books/standard.ron"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Bronze 20 -> 21 servers"), "{stdout}");
    assert!(stdout.contains("Gold 50 -> 51 servers"), "{stdout}");

    let dir = scratch_dir("books");
    let standard = std::fs::read_to_string("price-books/standard.ron").unwrap();
    let overlapping = dir.join("overlapping.ron");
    std::fs::write(
        &overlapping,
        standard.replace("(min: 6, max: 10,", "(min: 5, max: 10,"),
    )
    .unwrap();
    let output = msp_quote(&["check-price-book", overlapping.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("discount_schedules[0].bands[2]: band 5-10 overlaps 2-5"),
        "{stderr}"
    );

    let syntax = dir.join("syntax.ron");
    std::fs::write(&syntax, "(\n  id: \"x\",\n  name: ,\n)").unwrap();
    let output = msp_quote(&["check-price-book", syntax.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("syntax.ron:3:"),
        "line:column of the syntax error: {stderr}"
    );
}

#[test]
fn every_validation_problem_is_reported_at_once() {
    let standard = std::fs::read_to_string("price-books/standard.ron").unwrap();
    let broken = standard
        .replace("(id: \"workstation\", name: \"Workstation\")", "(id: \"server\", name: \"Workstation\")")
        .replace("monthly_prices: {\"server\": \"500.00\"}", "monthly_prices: {\"server\": \"-500.00\"}")
        .replace("discount_percent: \"18\"", "discount_percent: \"118\"")
        .replace("(min: 51, max: 100,", "(min: 60, max: 100,")
        .replace("mode: Some(volume),", "")
        .replace("(month: 24, amount: \"1200.00\"", "(month: 25, amount: \"1200.00\"")
        .replace("(months: 12, credits: [])", "(months: 6, credits: [])")
        .replace("amount: \"1000.00\", upfront", "amount: \"1000.005\", upfront")
        .replace("discount_schedule: Some(\"server-volume\"),\n        ),\n        (\n            id: \"silver\"", "discount_schedule: Some(\"nope\"),\n        ),\n        (\n            id: \"silver\"");
    let error =
        msp_quote::formats::price_book::parse_price_book(&broken, "broken.ron").unwrap_err();
    let text = error.lines().join("\n");
    let expected = [
        "device_kinds[1].id: duplicate id 'server'",
        "tiers[0].monthly_prices.server: amount '-500.00' is negative",
        "tiers[0].discount_schedule: unknown discount schedule 'nope'",
        "discount_schedules[0].mode: missing band mode",
        "discount_schedules[0].bands[4].discount_percent: percentage '118' is outside 0-100",
        "discount_schedules[0].bands[5]: gap: no band covers 51-59",
        "terms[0].months: a term of 6 months is under the 12-month minimum",
        "terms[1].credits[0].month: credit in month 25 is outside the 24-month term",
        "setup.amount: amount '1000.005' has more than 2 decimal places",
    ];
    for problem in expected {
        assert!(text.contains(problem), "missing '{problem}' in:\n{text}");
    }
    assert_eq!(error.problems.len(), expected.len(), "{text}");
}

#[test]
fn a_saved_quote_reprices_and_reports_a_changed_book() {
    let dir = scratch_dir("reprice");
    let quote = dir.join("q.ron");
    let json = json_of(&[
        "price",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--save",
        quote.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(json["monthly_recurring"], "4830.00");
    // Same book: no warning, same figures.
    let again = json_of(&["price", quote.to_str().unwrap(), "--format", "json"]);
    assert_eq!(again["total_contract_value"], "115720.00");
    assert_eq!(again["warnings"], serde_json::json!([]));
    // A new book version with Silver at 800: 800 x 0.92 = 736.00 x 7 = 5,152.00.
    let book = dir.join("book.ron");
    let standard = std::fs::read_to_string("price-books/standard.ron").unwrap();
    std::fs::write(
        &book,
        standard
            .replace("{\"server\": \"750.00\"}", "{\"server\": \"800.00\"}")
            .replace("version: \"2026.1\"", "version: \"2027.1\""),
    )
    .unwrap();
    let repriced = json_of(&[
        "price",
        quote.to_str().unwrap(),
        "--price-book",
        book.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(repriced["monthly_recurring"], "5152.00");
    let warnings: Vec<&str> = repriced["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings[0].contains("standard 2026.1") && warnings[0].contains("standard 2027.1"),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&"silver server x7: 4830.00 -> 5152.00"),
        "{warnings:?}"
    );
}
