//! The xlsx export read back with calamine: every figure equals the engine's, and the
//! category sums, markups, totals, fee and margins are live formulas.

use calamine::{Data, Reader, Xlsx, open_workbook};
use msp_quote::core::cost::CostBreakdown;
use msp_quote::core::money::{cents, plain};
use msp_quote::formats::xlsx::cost::{
    COST_SHEET, LINES_HEADER_ROW, cost_analysis_workbook, labels,
};

use super::{analyse, example};

fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(text)) => text.clone(),
        other => panic!("expected text at ({row},{col}), got {other:?}"),
    }
}

/// A numeric cell as text with `decimals` places, for comparing with the engine's figures.
fn figure(range: &calamine::Range<Data>, row: u32, col: u32, decimals: usize) -> String {
    let value = match range.get_value((row, col)) {
        Some(Data::Float(value)) => *value,
        Some(Data::Int(value)) => *value as f64,
        other => panic!("expected a number at ({row},{col}), got {other:?}"),
    };
    let shown = format!("{value:.decimals$}");
    if shown.starts_with("-0.") && shown.trim_start_matches(['-', '0', '.']).is_empty() {
        shown[1..].to_string()
    } else {
        shown
    }
}

fn row_labelled(range: &calamine::Range<Data>, label: &str, from: u32) -> u32 {
    (from..range.end().unwrap().0 + 1)
        .find(|row| matches!(range.get_value((*row, 0)), Some(Data::String(text)) if text == label))
        .unwrap_or_else(|| panic!("no row labelled {label}"))
}

fn check_workbook(name: &str, breakdown: &CostBreakdown, bytes: &[u8]) {
    let path =
        std::env::temp_dir().join(format!("msp-quote-cost-{}-{name}.xlsx", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let range = workbook.worksheet_range(COST_SHEET).unwrap();
    let formulas = workbook.worksheet_formula(COST_SHEET).unwrap();
    let formula = |row: u32, col: u32| formulas.get_value((row, col)).cloned().unwrap_or_default();

    for (index, line) in breakdown.lines.iter().enumerate() {
        let row = LINES_HEADER_ROW + 1 + index as u32;
        assert_eq!(
            text(&range, row, 0),
            line.category.id(),
            "{name} line {index}"
        );
        assert_eq!(
            text(&range, row, 1),
            line.description,
            "{name} line {index}"
        );
        assert_eq!(
            figure(&range, row, 3, 2),
            cents(line.monthly_cost),
            "{name} line {index}"
        );
    }
    let summary = row_labelled(&range, labels::SUMMARY, LINES_HEADER_ROW + 1);
    for (index, figures) in breakdown.categories.iter().enumerate() {
        let row = summary + 1 + index as u32;
        let what = format!("{name} {}", figures.category.id());
        assert_eq!(text(&range, row, 0), figures.category.id(), "{what}");
        assert_eq!(
            figure(&range, row, 1, 2),
            cents(figures.cost),
            "{what} cost"
        );
        assert_eq!(
            figure(&range, row, 2, 2),
            plain(figures.markup_percent, 2),
            "{what} markup %"
        );
        assert_eq!(
            figure(&range, row, 3, 2),
            cents(figures.markup),
            "{what} markup"
        );
        assert_eq!(
            figure(&range, row, 4, 2),
            cents(figures.price),
            "{what} price"
        );
        assert!(
            formula(row, 1).starts_with("SUMIF("),
            "{what}: {}",
            formula(row, 1)
        );
        assert!(
            formula(row, 3).starts_with("ROUND("),
            "{what}: {}",
            formula(row, 3)
        );
        assert!(!formula(row, 4).is_empty(), "{what} price is a formula");
    }
    let total = row_labelled(&range, labels::TOTAL, summary);
    assert_eq!(
        figure(&range, total, 1, 2),
        cents(breakdown.total_monthly_cost),
        "{name}"
    );
    assert_eq!(
        figure(&range, total, 3, 2),
        cents(breakdown.total_monthly_markup),
        "{name}"
    );
    assert_eq!(
        figure(&range, total, 4, 2),
        cents(breakdown.total_monthly_price),
        "{name}"
    );
    assert!(formula(total, 4).starts_with("SUM("), "{name}");

    let devices = row_labelled(&range, labels::DEVICES, total);
    assert_eq!(figure(&range, devices, 1, 0), breakdown.devices.to_string());
    let fee = row_labelled(&range, labels::FEE, total);
    assert_eq!(
        figure(&range, fee, 1, 2),
        cents(breakdown.per_device_monthly_fee),
        "{name} fee"
    );
    assert!(
        formula(fee, 1).starts_with("ROUND("),
        "{name} fee is a formula"
    );
    let margin = row_labelled(&range, labels::MARGIN, total);
    assert_eq!(
        figure(&range, margin, 1, 2),
        cents(breakdown.gross_margin),
        "{name}"
    );
    let margin_percent = row_labelled(&range, labels::MARGIN_PERCENT, total);
    assert_eq!(
        figure(&range, margin_percent, 1, 2),
        plain(breakdown.gross_margin_percent, 2)
    );
    let floor = row_labelled(&range, labels::FLOOR, total);
    assert_eq!(
        figure(&range, floor, 1, 2),
        plain(breakdown.margin_floor_percent, 2)
    );

    let tiers = row_labelled(&range, labels::TIERS, floor);
    for (index, tier) in breakdown.tier_comparison.iter().enumerate() {
        let row = tiers + 1 + index as u32;
        assert_eq!(text(&range, row, 0), tier.tier_name);
        assert_eq!(figure(&range, row, 1, 0), tier.devices.to_string());
        assert_eq!(
            figure(&range, row, 2, 2),
            cents(tier.monthly_price),
            "{name} {}",
            tier.tier
        );
        assert_eq!(
            figure(&range, row, 3, 2),
            cents(tier.reserve),
            "{name} {}",
            tier.tier
        );
        assert_eq!(
            figure(&range, row, 4, 2),
            cents(tier.margin),
            "{name} {}",
            tier.tier
        );
        assert_eq!(
            figure(&range, row, 5, 2),
            plain(tier.margin_percent, 2),
            "{name} {}",
            tier.tier
        );
        assert!(
            !formula(row, 4).is_empty() && !formula(row, 5).is_empty(),
            "{name} tier formulas"
        );
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn xlsx_export_reads_back_with_the_engines_figures_and_formulas() {
    for name in [
        "worked-example-9-3.ron",
        "small-customer.ron",
        "medium-customer.ron",
    ] {
        let quote = example(name);
        let breakdown = analyse(&quote);
        let bytes = cost_analysis_workbook(&quote, &breakdown).unwrap();
        check_workbook(name, &breakdown, &bytes);
    }
}

#[test]
fn xlsx_export_is_byte_identical_run_to_run() {
    let quote = example("small-customer.ron");
    let breakdown = analyse(&quote);
    assert_eq!(
        cost_analysis_workbook(&quote, &breakdown).unwrap(),
        cost_analysis_workbook(&quote, &breakdown).unwrap()
    );
}
