//! `price-book diff`: every change old -> new, and the saved quotes it re-prices.

use msp_quote::core::price_book_diff::{BookSection, diff_price_books};
use msp_quote::formats::price_book::{STANDARD_BOOK_RON, parse_price_book, standard_book};

use super::{STANDARD, msp_quote, ok, path_str, scratch};

fn standard_with(replacements: &[(&str, &str)]) -> String {
    let mut text = STANDARD_BOOK_RON.to_string();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn the_same_book_has_no_changes() {
    let book = standard_book().unwrap().book;
    assert!(diff_price_books(&book, &book).is_empty());
}

#[test]
fn every_kind_of_change_is_listed_old_to_new() {
    let old = standard_book().unwrap().book;
    let new_text = standard_with(&[
        (
            "monthly_prices: {\"server\": \"750.00\"}",
            "monthly_prices: {\"server\": \"790.00\"}",
        ),
        (
            "(min: 6, max: 10, discount_percent: \"8\")",
            "(min: 6, max: 10, discount_percent: \"9\")",
        ),
        (
            "(month: 24, amount: \"1200.00\", per: per_contract)",
            "(month: 24, amount: \"1500.00\", per: per_contract)",
        ),
        ("rate: \"185.00\"", "rate: \"195.00\""),
        ("monthly_price: \"3.00\"", "monthly_price: \"3.50\""),
        ("\"labour\": \"40\"", "\"labour\": \"45\""),
        (
            "margin_floor_percent: \"30\"",
            "margin_floor_percent: \"32\"",
        ),
        ("(months: 12, credits: []),", ""),
    ]);
    let new = parse_price_book(&new_text, "new").unwrap();
    let texts: Vec<String> = diff_price_books(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "Silver server 750.00 -> 790.00",
        "server-volume band 6-10 8% -> 9%",
        "24-month term credit in month 24 1200.00 per contract -> 1500.00 per contract",
        "hourly rate Emergency on-site support 185.00 -> 195.00",
        "add-on Spam filtering (per user) 3.00 -> 3.50",
        "markup labour 40% -> 45%",
        "guardrail margin floor 30% -> 32%",
        "term 12 months removed (was no credits)",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "missing {expected}: {texts:#?}"
        );
    }
    assert_eq!(texts.len(), 8, "{texts:#?}");
    let sections: Vec<BookSection> = diff_price_books(&old, &new)
        .iter()
        .map(|c| c.section)
        .collect();
    assert!(sections.contains(&BookSection::Guardrails));
}

/// The acceptance flow's book: the standard book with Silver at 790.00.
pub fn silver_790(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("silver-790.ron");
    let text = standard_with(&[(
        "monthly_prices: {\"server\": \"750.00\"}",
        "monthly_prices: {\"server\": \"790.00\"}",
    )]);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn acceptance_diff_lists_silver_and_the_saved_quote_it_moves() {
    // pricing-rules.md 9.1 and 2: 7 Silver servers, 24 months: 750 x 0.92 = 690.00 x 7 =
    // 4,830.00 a month; TCV 4,830.00 x 24 + 1,000.00 - 1,200.00 = 115,720.00. At 790:
    // 790 x 0.92 = 726.80 x 7 = 5,087.60; TCV 5,087.60 x 24 + 1,000.00 - 1,200.00 =
    // 121,902.40. A 1-Bronze quote does not move and is not listed.
    let dir = scratch("diff-quotes");
    let new = silver_790(&dir);
    let quotes = dir.join("quotes");
    std::fs::create_dir_all(&quotes).unwrap();
    let seven = quotes.join("seven-silver.ron");
    ok(&[
        "price",
        "--device",
        "silver:server=7",
        "--term",
        "24",
        "--save",
        path_str(&seven),
    ]);
    let bronze = quotes.join("one-bronze.ron");
    ok(&[
        "price",
        "--device",
        "bronze:server=1",
        "--save",
        path_str(&bronze),
    ]);
    std::fs::write(quotes.join("notes.ron"), "not a quote").unwrap();

    let stdout = ok(&[
        "price-book",
        "diff",
        STANDARD,
        path_str(&new),
        "--quotes",
        path_str(&quotes),
    ]);
    assert!(
        stdout.contains("Silver server 750.00 -> 790.00"),
        "{stdout}"
    );
    assert!(
        stdout.contains("seven-silver.ron (Q-0001): monthly 4,830.00 -> 5,087.60, contract value 115,720.00 -> 121,902.40"),
        "{stdout}"
    );
    assert!(!stdout.contains("one-bronze.ron ("), "{stdout}");
    assert!(
        stdout.contains("Quotes that re-price differently: 1"),
        "{stdout}"
    );
    assert!(stdout.contains("skipped notes.ron"), "{stdout}");

    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "price-book",
        "diff",
        STANDARD,
        path_str(&new),
        "--quotes",
        path_str(&quotes),
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["changes"][0]["text"], "Silver server 750.00 -> 790.00");
    assert_eq!(json["changes"][0]["section"], "tiers");
    assert_eq!(json["quotes"][0]["old"]["monthly_recurring"], "4830.00");
    assert_eq!(json["quotes"][0]["new"]["monthly_recurring"], "5087.60");
    assert_eq!(
        json["quotes"][0]["new"]["total_contract_value"],
        "121902.40"
    );
}

#[test]
fn diff_of_an_invalid_book_exits_2_and_names_the_field() {
    let dir = scratch("diff-invalid");
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        STANDARD_BOOK_RON.replace("(min: 6, max: 10,", "(min: 5, max: 10,"),
    )
    .unwrap();
    let output = msp_quote(&["price-book", "diff", STANDARD, path_str(&bad)]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("discount_schedules[0].bands[2]"),
        "{stderr}"
    );
}
