//! core::evaluate: one evaluation for every view.
//!
//! Figures derived by hand from pricing-rules.md (standard book): 7 servers fall in the 6-10
//! band, 8% off every tiered per-server fee, volume mode, unit price rounded to the cent.
//! - Bronze 500 x 0.92 = 460.00 x 7 = 3,220.00 a month;
//! - Silver 750 x 0.92 = 690.00 x 7 = 4,830.00 a month;
//! - Gold 1,000 x 0.92 = 920.00 x 7 = 6,440.00 a month.
//!
//! Silver for 24 months, setup 1,000.00 up front, 1,200.00 credit in month 24:
//! TCV = 4,830 x 24 + 1,000 - 1,200 = 115,720.00; first invoice 4,830 + 1,000 = 5,830.00.
//! Silver's internal reserve: 7 x 250.00 = 1,750.00 a month.

use std::process::Command;

use chrono::NaiveDate;
use msp_quote::core::cost::CostAnalysis;
use msp_quote::core::evaluate::{
    EvaluationSettings, WarningSource, avoided_hire_after_term, evaluate,
};
use msp_quote::core::quote::{DeviceLine, PriceBookPin, Quote};
use msp_quote::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts,
};
use msp_quote::documents::{DocumentKind, export_document};
use msp_quote::formats::price_book::standard_book;
use msp_quote::formats::quote::quote_to_ron;
use rust_decimal_macros::dec;
use serde_json::Value;

fn seven_servers(tier: &str, term: u32) -> Quote {
    let mut quote = Quote::empty(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    quote.number = "Q-EVAL-1".to_string();
    quote.customer.name = "Contoso Dental".to_string();
    quote.devices = vec![DeviceLine {
        tier: tier.to_string(),
        kind: "server".to_string(),
        count: 7,
    }];
    quote.term_months = term;
    quote
}

/// Current costs of 9,000.00 a month, fully avoidable, and a hire that would start in month
/// `hire_month`.
fn costs_with_hire(hire_month: u32) -> CustomerCosts {
    CustomerCosts {
        lines: vec![CostLine {
            category: CostCategory::InternalStaff,
            description: "IT today".to_string(),
            amount: CostAmount::Periodic {
                amount: dec!(9000),
                period: CostPeriod::Monthly,
            },
            avoidable_percent: dec!(100),
            origin: None,
        }],
        avoided_hire: Some(AvoidedHire {
            salary: dec!(60000),
            burden_percent: dec!(30),
            recruiting_fee: dec!(5000),
            start_month: hire_month,
        }),
        annual_growth_percent: dec!(0),
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("msp-quote-evaluate-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn pdf_text(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seven_silver_servers_for_24_months_by_hand() {
    let book = standard_book().unwrap().book;
    let evaluation = evaluate(
        &book,
        &seven_servers("silver", 24),
        &EvaluationSettings::default(),
    );
    let priced = evaluation.priced.as_ref().unwrap();
    assert_eq!(priced.monthly_recurring, dec!(4830.00));
    assert_eq!(priced.first_invoice(), dec!(5830.00));
    assert_eq!(priced.total_contract_value, dec!(115720.00));
    // No options: what the customer pays is the priced quote itself.
    assert!(evaluation.options.is_none());
    assert!(evaluation.combined.is_none());
    assert_eq!(
        evaluation.as_paid().unwrap().total_contract_value,
        dec!(115720.00)
    );
    assert_eq!(evaluation.reserve_monthly, dec!(1750.00));
    assert!(evaluation.cost.is_none());
    assert!(evaluation.roi.is_none());
}

#[test]
fn every_tier_is_priced_for_the_same_devices() {
    let book = standard_book().unwrap().book;
    let evaluation = evaluate(
        &book,
        &seven_servers("silver", 24),
        &EvaluationSettings::default(),
    );
    let cases = [
        ("bronze", dec!(3220.00)),
        ("silver", dec!(4830.00)),
        ("gold", dec!(6440.00)),
    ];
    assert_eq!(evaluation.tiers.len(), cases.len());
    for (tier, monthly) in cases {
        let at_tier = evaluation
            .at_tier(tier)
            .unwrap_or_else(|| panic!("{tier} missing"));
        let priced = at_tier.priced.as_ref().unwrap();
        assert_eq!(priced.monthly_recurring, monthly, "{tier}");
        // The same 24-month term, setup and credit: TCV = monthly x 24 + 1,000 - 1,200.
        assert_eq!(
            priced.total_contract_value,
            monthly * dec!(24) - dec!(200),
            "{tier}"
        );
    }
}

#[test]
fn at_tier_moves_every_device_line_and_keeps_the_rest() {
    let mut quote = seven_servers("bronze", 36);
    quote.devices.push(DeviceLine {
        tier: "gold".to_string(),
        kind: "workstation".to_string(),
        count: 3,
    });
    let moved = quote.at_tier("silver");
    assert!(moved.devices.iter().all(|line| line.tier == "silver"));
    assert_eq!(moved.devices.len(), 2);
    assert_eq!(moved.devices[1].kind, "workstation");
    assert_eq!(moved.devices[1].count, 3);
    assert_eq!(moved.term_months, 36);
    assert_eq!(moved.customer, quote.customer);
}

#[test]
fn the_pricing_view_at_a_tier_is_at_tier_without_the_analyses() {
    // Pricing at every tier copies only what pricing reads: the quote at the tier with no
    // cost analysis, customer costs or snapshot, every other field as `at_tier` gives it.
    let mut quote = seven_servers("bronze", 36);
    quote.cost_analysis = Some(CostAnalysis::default());
    quote.customer_costs = Some(costs_with_hire(3));
    let mut expected = quote.at_tier("gold");
    expected.cost_analysis = None;
    expected.customer_costs = None;
    expected.priced_snapshot = None;
    let for_pricing = quote.for_pricing_at_tier("gold");
    assert_eq!(for_pricing, expected);
    assert_ne!(for_pricing, quote.at_tier("gold"));
}

#[test]
fn the_avoided_hire_after_the_term_is_warned_once() {
    let book = standard_book().unwrap().book;
    let mut quote = seven_servers("silver", 24);
    quote.customer_costs = Some(costs_with_hire(30));
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    let expected =
        "the avoided hire starts in month 30, after the 24-month term: it saves nothing here";
    assert_eq!(avoided_hire_after_term(30, 24), expected);
    let roi_warnings: Vec<&str> = evaluation.warnings_from(WarningSource::Roi).collect();
    assert_eq!(roi_warnings, vec![expected]);
    let everywhere = evaluation
        .warnings
        .iter()
        .filter(|warning| warning.message == expected)
        .count();
    assert_eq!(everywhere, 1);
    // A hire inside the term is no warning.
    quote.customer_costs = Some(costs_with_hire(12));
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    assert_eq!(evaluation.warnings_from(WarningSource::Roi).count(), 0);
}

#[test]
fn roi_options_are_each_tier_then_the_quote_as_is() {
    let book = standard_book().unwrap().book;
    let mut quote = seven_servers("silver", 24);
    quote.customer_costs = Some(costs_with_hire(30));
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    let roi = evaluation.roi.as_ref().unwrap().as_ref().unwrap();
    let ids: Vec<&str> = roi.options.iter().map(|option| option.kind.id()).collect();
    assert_eq!(ids, vec!["bronze", "silver", "gold", "quote"]);
    // Investment = the TCV: 115,720.00 for the quote as it is (Silver).
    assert_eq!(roi.quote_as_is().unwrap().investment, dec!(115720.00));
    // Avoided: 9,000 x 24 = 216,000.00 (the hire is after the term); net 100,280.00.
    assert_eq!(roi.quote_as_is().unwrap().avoided_costs, dec!(216000.00));
    assert_eq!(roi.quote_as_is().unwrap().net_savings, dec!(100280.00));
    // Bronze: 3,220 x 24 - 200 = 77,080.00 invested.
    assert_eq!(roi.at_tier("bronze").unwrap().investment, dec!(77080.00));
}

#[test]
fn a_failing_cost_analysis_does_not_hide_the_price() {
    let book = standard_book().unwrap().book;
    let mut quote = seven_servers("silver", 24);
    // A markup category the cost engine does not know: the analysis is refused.
    let mut analysis = CostAnalysis::default();
    analysis.markups.insert("snacks".to_string(), dec!(10));
    quote.cost_analysis = Some(analysis);
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    let error = evaluation.cost.as_ref().unwrap().as_ref().unwrap_err();
    assert_eq!(error.field, "cost_analysis.markups.snacks");
    // The price stands: 4,830.00 a month, and the tiers are still compared.
    assert_eq!(
        evaluation.priced.as_ref().unwrap().monthly_recurring,
        dec!(4830.00)
    );
    assert_eq!(evaluation.tiers.len(), 3);
    let mut quote = seven_servers("silver", 24);
    quote.cost_analysis = Some(CostAnalysis::default());
    quote.term_months = 13;
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    // An unpriceable quote keeps its typed pricing error; the tiers say the same.
    assert!(evaluation.priced.is_err());
    assert!(evaluation.tiers.iter().all(|tier| tier.priced.is_err()));
}

#[test]
fn a_quote_pinned_to_another_book_is_warned_once() {
    let loaded = standard_book().unwrap();
    let mut quote = seven_servers("silver", 24);
    quote.price_book_pin = Some(PriceBookPin {
        id: loaded.book.id.clone(),
        version: "0.9".to_string(),
        sha256: "0".repeat(64),
    });
    let settings = EvaluationSettings {
        book_pin: Some(loaded.pin()),
        ..EvaluationSettings::default()
    };
    let evaluation = evaluate(&loaded.book, &quote, &settings);
    let pricing: Vec<&str> = evaluation.warnings_from(WarningSource::Pricing).collect();
    assert_eq!(pricing.len(), 1, "{pricing:?}");
    assert!(pricing[0].starts_with("quote was priced with price book"));
    // Stamped for saving: pinned to the book in use, with a snapshot; no warning any more.
    let saved = evaluation.stamped_for_saving(&quote, loaded.pin());
    assert_eq!(saved.price_book_pin, Some(loaded.pin()));
    assert!(saved.priced_snapshot.is_some());
    let again = evaluate(&loaded.book, &saved, &settings);
    assert_eq!(again.warnings_from(WarningSource::Pricing).count(), 0);
}

#[test]
fn the_cli_and_the_documents_show_the_evaluations_figures() {
    let loaded = standard_book().unwrap();
    let quote = seven_servers("silver", 24);
    let evaluation = evaluate(&loaded.book, &quote, &EvaluationSettings::default());
    let priced = evaluation.priced.as_ref().unwrap();
    let dir = scratch("same-figures");
    let quote_path = dir.join("quote.ron");
    std::fs::write(&quote_path, quote_to_ron(&quote).unwrap()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(["price", quote_path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(priced.monthly_recurring, dec!(4830.00));
    assert_eq!(json["monthly_recurring"], "4830.00");
    assert_eq!(json["total_contract_value"], "115720.00");
    let pdf = dir.join("proposal.pdf");
    export_document(DocumentKind::Proposal, &loaded, &quote, &evaluation, &pdf).unwrap();
    let text = pdf_text(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("$4,830.00"), "{text}");
    assert!(text.contains("$115,720.00"), "{text}");
    // Never the internal reserve.
    assert!(!text.contains("1,750.00"));
}
