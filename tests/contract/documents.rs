//! The change order, the termination statement and the appendix's SLA section: the figures
//! they carry, byte-identical output, and no internal figure.

use msp_quote::core::contract::{ContractBooks, contract_schedule, terminate};
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::quote::SetupMode;
use msp_quote::documents::contract::{render_change_order, render_termination_statement};
use msp_quote::documents::{DocumentAssets, DocumentInputs, render_appendix};
use msp_quote::formats::price_book::{STANDARD_BOOK_RON, parse_price_book, standard_book};

use super::cli::contract_file;
use super::{amended, contract};
use crate::cli::msp_quote;

fn text_of(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_change_order_of_example_4_carries_its_figures() {
    let path = contract_file("change-order", "upfront", "");
    let pdf = path.with_file_name("change-order.pdf");
    let args = [
        "amend",
        path.to_str().unwrap(),
        "--effective",
        "2026-06-01",
        "--device",
        "silver:server=11",
        "-o",
        pdf.to_str().unwrap(),
    ];
    let output = msp_quote(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = text_of(&bytes);
    // Example 4: 4,830.00 -> 7,260.00 from 1 June 2026, proration 1,097.42 on month 6,
    // month 6 due 8,357.42, month 24 due 6,060.00, contract value 162,987.42.
    for figure in [
        "1 June 2026",
        "$4,830.00",
        "$7,260.00",
        "$660.00",
        "$1,097.42",
        "$8,357.42",
        "$6,060.00",
        "$162,987.42",
        "Acceptance",
    ] {
        assert!(text.contains(figure), "{figure} missing: {text}");
    }
    // Deterministic: the same inputs give the same bytes.
    assert!(msp_quote(&args).status.success());
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);
}

#[test]
fn the_termination_statement_of_example_5_carries_its_figures() {
    let path = contract_file("termination", "amortized", "");
    let pdf = path.with_file_name("termination.pdf");
    let output = msp_quote(&[
        "terminate",
        path.to_str().unwrap(),
        "--after-month",
        "10",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = text_of(&std::fs::read(&pdf).unwrap());
    // Example 5: damages 14,490.00, setup not billed 583.40, termination 15,073.40, paid
    // 48,716.60, the month-24 credit (1,200.00) not granted, full term 115,720.00.
    for figure in [
        "$14,490.00",
        "$583.40",
        "$15,073.40",
        "$48,716.60",
        "month 24 ($1,200.00) is not granted",
        "$115,720.00",
    ] {
        assert!(text.contains(figure), "{figure} missing: {text}");
    }
}

#[test]
fn contract_documents_show_no_internal_figure() {
    // The standard book with odd internal figures (Silver reserve 247.13 per server, labour
    // 53.17 / 88.41 an hour, setup cost 151.37 per device): none may appear.
    let text = STANDARD_BOOK_RON
        .replace(
            "internal_reserve_per_device: \"250.00\"",
            "internal_reserve_per_device: \"247.13\"",
        )
        .replace("hourly_cost: \"50.00\"", "hourly_cost: \"53.17\"")
        .replace("hourly_cost: \"85.00\"", "hourly_cost: \"88.41\"")
        .replace(
            "setup_cost_per_device: \"150.00\"",
            "setup_cost_per_device: \"151.37\"",
        );
    let book = parse_price_book(&text, "odd").unwrap();
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Amortized, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    );
    let schedule = contract_schedule(ContractBooks::single(&book), &quote).unwrap();
    let evaluation = evaluate(&book, &quote, &EvaluationSettings::default());
    let pin = standard_book().unwrap().pin();
    let inputs = DocumentInputs {
        book: &book,
        book_pin: &pin,
        quote: &quote,
        evaluation: &evaluation,
        roi: None,
        assets: DocumentAssets::standard(),
    };
    let change_order = text_of(&render_change_order(&inputs, &schedule, 1).unwrap());
    let termination = terminate(&schedule, 10).unwrap();
    let statement =
        text_of(&render_termination_statement(&inputs, &schedule, &termination).unwrap());
    // 7 x 247.13 = 1,729.91; 11 x 247.13 = 2,718.43; 11 x 151.37 = 1,665.07.
    for figure in [
        "247.13", "1,729.91", "2,718.43", "53.17", "88.41", "151.37", "1,665.07", "reserve",
        "margin", "markup",
    ] {
        assert!(
            !change_order.contains(figure),
            "change order shows {figure}"
        );
        assert!(!statement.contains(figure), "statement shows {figure}");
    }
}

#[test]
fn the_appendix_states_the_sla_targets_and_the_monthly_credit_cap_in_money() {
    let loaded = standard_book().unwrap();
    let quote = contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15");
    let evaluation = evaluate(&loaded.book, &quote, &EvaluationSettings::default());
    let pin = loaded.pin();
    let inputs = DocumentInputs {
        book: &loaded.book,
        book_pin: &pin,
        quote: &quote,
        evaluation: &evaluation,
        roi: None,
        assets: DocumentAssets::standard(),
    };
    let text = text_of(&render_appendix(&inputs).unwrap());
    // 5% of 4,830.00 = 241.50 per miss; the cap 25% of 4,830.00 = 1,207.50 a month.
    for figure in [
        "Service levels and service credits",
        "Level 1",
        "15 minutes",
        "30 minutes",
        "1 hour",
        "within one business day",
        "within two business days",
        "3 hours",
        "5% of that month's recurring fee ($241.50",
        "at most 25% of a month's recurring fee: $1,207.50 a month",
    ] {
        assert!(text.contains(figure), "{figure} missing: {text}");
    }
}

#[test]
fn the_appendix_and_the_roi_of_an_amended_contract_use_the_amended_schedule() {
    // Example 4 as a contract file: every view shows the amended contract value 162,987.42
    // (the ROI invests it: everything paid under the contract).
    let path = contract_file(
        "amended-views",
        "upfront",
        r#"amendments: [(effective_date: "2026-06-01", devices: [(tier: "silver", kind: "server", count: 11)])],"#,
    );
    let pdf = path.with_file_name("amended-appendix.pdf");
    let output = msp_quote(&[
        "appendix",
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = text_of(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("$162,987.42"), "{text}");
    let costs = format!(
        "{}/examples/small-customer-costs.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let roi = crate::cli::json_of(&[
        "roi",
        path.to_str().unwrap(),
        "--costs",
        &costs,
        "--format",
        "json",
    ]);
    assert_eq!(roi["investment"], "162987.42");
}
