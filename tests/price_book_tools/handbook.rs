//! The handbook corrections (pricing-rules.md section 1, corrected) and the new lint checks.

use rust_decimal_macros::dec;

use msp_quote::core::cost::analyse_cost;
use msp_quote::core::lint::{customer_safe_lint, lint_price_book};
use msp_quote::formats::price_book::{STANDARD_BOOK_RON, parse_price_book, standard_book};
use msp_quote::formats::quote::load_quote;

use super::{ok, path_str, scratch};

#[test]
fn gold_reserves_500_per_server_a_month() {
    // "Understanding Managed Services Customization Options": $1,000 = $500 + $250 + $250:
    // Silver banks $250, Gold $250 + an additional $250 = $500.
    let book = standard_book().unwrap().book;
    let reserves: Vec<_> = book
        .tiers
        .iter()
        .map(|t| (t.id.as_str(), t.internal_reserve_per_device))
        .collect();
    assert_eq!(
        reserves,
        vec![
            ("bronze", dec!(0.00)),
            ("silver", dec!(250.00)),
            ("gold", dec!(500.00))
        ]
    );
}

#[test]
fn cost_analysis_and_tier_comparison_use_golds_500_reserve() {
    // Worked example 9.3 (5 servers, monthly cost 2,300.00), Gold: 1,000 x 0.96 = 960.00 x 5
    // = 4,800.00; reserve 5 x 500 = 2,500.00; margin 4,800 - 2,500 - 2,300 = 0.00 (0%).
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/worked-example-9-3.ron");
    let quote = load_quote(&path).unwrap();
    let book = standard_book().unwrap().book;
    let breakdown = analyse_cost(&book, &quote, quote.cost_analysis.as_ref().unwrap()).unwrap();
    let gold = breakdown
        .tier_comparison
        .iter()
        .find(|t| t.tier == "gold")
        .unwrap();
    assert_eq!((gold.reserve, gold.margin), (dec!(2500.00), dec!(0.00)));

    // The cost command's JSON (what the window and the xlsx show) carries the same figure.
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "cost",
        "examples/worked-example-9-3.ron",
        "--format",
        "json",
    ]))
    .unwrap();
    let tiers = json["tier_comparison"].as_array().expect("tier_comparison");
    let gold = tiers.iter().find(|t| t["tier"] == "gold").unwrap();
    assert_eq!(gold["reserve"], "2500.00");
}

/// The PDF's text with whitespace runs folded to one space.
fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn customer_documents_state_golds_on_site_condition_beside_included() {
    // pricing-rules.md section 1: free on-site support covers failures caused by the
    // provider's changes; hardware failures or the customer's changes are charged.
    let dir = scratch("gold-condition");
    for document in ["proposal", "appendix"] {
        let out = dir.join(format!("{document}.pdf"));
        ok(&[
            document,
            "--device",
            "gold:server=2",
            "--term",
            "12",
            "-o",
            path_str(&out),
        ]);
        let text = pdf_text(&std::fs::read(&out).unwrap());
        let included = text.matches("Included").count();
        let conditions = text
            .matches("Included for failures caused by the provider")
            .count();
        assert!(included > 0, "{document}: no Included");
        assert_eq!(
            included, conditions,
            "{document}: an Included without its condition: {text}"
        );
        assert!(
            text.contains("customer's changes are charged at the emergency rate"),
            "{document}"
        );
    }
}

fn lint_of(replacements: &[(&str, &str)]) -> Vec<String> {
    let mut text = STANDARD_BOOK_RON.to_string();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    lint_price_book(&parse_price_book(&text, "lint").unwrap())
}

#[test]
fn lint_names_a_markup_that_cannot_reach_the_margin_floor() {
    // 40% markup: 0.4 / 1.4 = 28.57% margin < 30% floor; 30 / 70 = 42.86% would reach it.
    // At 45%: 0.45 / 1.45 = 31.03%: no warning for labour.
    let warnings = lint_of(&[]);
    assert!(
        warnings.contains(&"markup 'labour' 40% gives a margin of 28.57% at most, under the 30% margin floor; a markup of at least 42.86% reaches it".to_string()),
        "{warnings:#?}"
    );
    // Meeting mode shows only the warnings that name no internal figure.
    let safe = customer_safe_lint(&standard_book().unwrap().book);
    assert!(!safe.is_empty(), "the cliffs stay");
    assert!(
        safe.iter()
            .all(|w| !w.contains("markup") && !w.contains("margin") && !w.contains("labour")),
        "{safe:#?}"
    );
    let raised = lint_of(&[("\"labour\": \"40\"", "\"labour\": \"45\"")]);
    assert!(
        !raised.iter().any(|w| w.starts_with("markup 'labour'")),
        "{raised:#?}"
    );
}

#[test]
fn lint_names_a_tier_below_its_included_hours_labour_and_a_free_addon() {
    // Bronze at 90.00 includes 1 h support + 1 h flex = 2 h x 50.00 (Technical Specialist)
    // = 100.00 of labour a month: below. The standard 500.00 is not.
    let warnings = lint_of(&[
        (
            "monthly_prices: {\"server\": \"500.00\"}",
            "monthly_prices: {\"server\": \"90.00\"}",
        ),
        ("monthly_price: \"3.00\"", "monthly_price: \"0.00\""),
    ]);
    assert!(
        warnings.contains(&"Bronze server is priced at $90.00 a month, below the labour cost of its included hours: 2 h x $50.00/h (Technical Specialist) = $100.00".to_string()),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("add-on 'spam-filtering'") && w.contains("zero")),
        "{warnings:#?}"
    );
    let standard = lint_of(&[]);
    assert!(
        !standard
            .iter()
            .any(|w| w.contains("included hours") || w.contains("priced at zero")),
        "{standard:#?}"
    );
}
