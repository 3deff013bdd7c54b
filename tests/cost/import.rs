//! Cost lines imported from rearranged, messy sheets: a workbook built here, and the same
//! workbook saved by LibreOffice (committed fixture).

use std::collections::BTreeSet;
use std::path::Path;

use msp_quote::core::cost::*;
use msp_quote::formats::import::cost_lines::{
    COST_LINE_SPECS, ImportedCostLines, cost_lines_from_table, import_cost_lines,
};
use msp_quote::formats::import::read_table_from_bytes;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{Format, Formula, Workbook};

use super::{analyse, example};

const SHEET: &str = "Quote costs";

/// Header in row 4 under a merged title, columns rearranged and named by synonyms, currency
/// formats, a percent-formatted APR, "N/A" and "--" cells, group rows, an unknown category,
/// a total row and a formula written without a cached value.
pub fn messy_cost_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET).unwrap();
    let money = Format::new().set_num_format("$#,##0.00;[Red]-$#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    sheet
        .merge_range(
            0,
            0,
            0,
            8,
            "Harbour Dental: hardware, software and services",
            &Format::new().set_bold(),
        )
        .unwrap();
    sheet
        .write_string(1, 0, "Prepared for the 2026 renewal")
        .unwrap();
    let header = [
        "Type",
        "Item description",
        "Unit Price (USD)",
        "Qty",
        "Billing",
        "Basis",
        "Interest rate",
        "Lease term",
        "Commission %",
    ];
    for (col, title) in header.into_iter().enumerate() {
        sheet.write_string(3, col as u16, title).unwrap();
    }
    let mut row = 4;
    let mut put = |cells: &[&str], price: Option<f64>| {
        for (col, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(row, col as u16, *text).unwrap();
            }
        }
        if let Some(price) = price {
            sheet
                .write_number_with_format(row, 2, price, &money)
                .unwrap();
        }
        row += 1;
    };
    put(&["Network"], None); // row 5: group row
    put(
        &["Hardware", "Firewall", "", "1", "Purchased"],
        Some(1450.0),
    ); // row 6
    put(&["Hardware", "UPS 1500 VA", "", "2"], Some(540.0)); // row 7
    put(
        &[
            "Hardware",
            "Backup appliance",
            "",
            "1",
            "Leased",
            "",
            "",
            "36",
        ],
        Some(4800.0),
    ); // row 8
    put(&["Hardware", "Spare switch", "N/A", "1", "Purchased"], None); // row 9
    put(&["Software"], None); // row 10: group row
    put(
        &["Software", "Anti-virus", "$36.00", "40", "Annual", "User"],
        None,
    ); // row 11
    put(
        &["Software", "RMM agent", "", "--", "Monthly", "Device"],
        Some(9.5),
    ); // row 12
    put(
        &["Affiliate", "Spam filtering", "", "", "Monthly", "User"],
        Some(1.2),
    ); // row 13
    put(
        &[
            "Affiliate",
            "Off-site monitoring",
            "",
            "",
            "Quarterly",
            "Device",
        ],
        Some(20.0),
    ); // row 14
    put(&["Incident", "After-hours help desk", "", "3"], Some(45.0)); // row 15
    put(
        &[
            "Agent fee",
            "Line-of-business resale",
            "",
            "",
            "",
            "",
            "",
            "",
            "10",
        ],
        Some(600.0),
    ); // row 16
    put(&["Snacks", "Coffee", "", "1"], Some(30.0)); // row 17: unknown category
    put(&["Hardware", "Cables", "", "1"], None); // row 18: formula below
    put(&["Total"], None); // row 19
    sheet
        .write_number_with_format(7, 6, 0.075, &percent)
        .unwrap(); // G8: 7.5% stored as 0.075
    sheet
        .write_formula_with_format(17, 2, Formula::new("=12*4"), &money)
        .unwrap(); // C18, no cache
    sheet
        .write_formula_with_format(
            18,
            2,
            Formula::new("=SUM(C6:C18)").set_result("7538.7"),
            &money,
        )
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

fn locations(problems: &[msp_quote::formats::problem::Problem]) -> BTreeSet<String> {
    problems.iter().map(|p| p.location.to_string()).collect()
}

/// The lines both versions of the workbook must give; `cables` is the C18 formula's value.
fn check_lines(lines: &ImportedCostLines, cables: rust_decimal::Decimal) {
    let source = |row: u32| Some(format!("{SHEET}!{row}:{row}"));
    let hardware: Vec<_> = lines
        .hardware
        .iter()
        .map(|l| {
            (
                l.description.as_str(),
                l.quantity,
                l.unit_cost,
                l.acquisition,
                l.source.clone(),
            )
        })
        .collect();
    assert_eq!(
        hardware,
        vec![
            ("Firewall", 1, dec!(1450), Acquisition::Purchased, source(6)),
            (
                "UPS 1500 VA",
                2,
                dec!(540),
                Acquisition::Purchased,
                source(7)
            ),
            (
                "Backup appliance",
                1,
                dec!(4800),
                Acquisition::Leased {
                    apr_percent: dec!(7.5),
                    months: 36
                },
                source(8)
            ),
            ("Cables", 1, cables, Acquisition::Purchased, source(18)),
        ]
    );
    let software: Vec<_> = lines
        .software
        .iter()
        .map(|l| {
            (
                l.description.as_str(),
                l.basis,
                l.quantity,
                l.unit_cost,
                l.billing,
            )
        })
        .collect();
    assert_eq!(
        software,
        vec![
            (
                "Anti-virus",
                SoftwareBasis::PerUser,
                Some(40),
                dec!(36),
                SoftwareBilling::Annual
            ),
            (
                "RMM agent",
                SoftwareBasis::PerDevice,
                None,
                dec!(9.5),
                SoftwareBilling::Monthly
            ),
        ]
    );
    let affiliates: Vec<_> = lines.affiliates.iter().map(|l| l.model.clone()).collect();
    assert_eq!(
        affiliates,
        vec![
            AffiliateModel::UserBased {
                unit_cost: dec!(1.2),
                period: FeePeriod::Month,
                quantity: None
            },
            AffiliateModel::DeviceBased {
                unit_cost: dec!(20),
                period: FeePeriod::Quarter,
                quantity: None
            },
            AffiliateModel::IncidentBased {
                incidents_per_month: dec!(3),
                cost_per_incident: dec!(45)
            },
            AffiliateModel::AgentFee {
                monthly_sell_price: dec!(600),
                royalty_percent: dec!(10)
            },
        ]
    );
    let skipped = locations(&lines.skipped);
    for expected in [
        "Quote costs!5:5",   // group row "Network"
        "Quote costs!C9",    // "N/A" unit price
        "Quote costs!9:9",   // ...so the row has no cost
        "Quote costs!10:10", // group row "Software"
        "Quote costs!D12",   // "--" quantity (the line counts devices instead)
        "Quote costs!A17",   // unknown category "Snacks"
        "Quote costs!19:19", // total row
    ] {
        assert!(skipped.contains(expected), "{expected} not in {skipped:?}");
    }
    assert_eq!(
        skipped.len(),
        7,
        "nothing else skipped: {:?}",
        lines.skipped
    );
    assert!(lines.skipped.iter().any(|p| p.message.contains("'N/A'")));
    assert!(
        lines
            .skipped
            .iter()
            .any(|p| p.message.contains("unknown category 'Snacks'"))
    );
}

#[test]
fn messy_rearranged_sheet_imports_with_every_skip_located() {
    let table =
        read_table_from_bytes(&messy_cost_workbook(), "costs.xlsx", &COST_LINE_SPECS).unwrap();
    let lines = cost_lines_from_table(table);
    assert_eq!(lines.sheet, SHEET);
    // rust_xlsxwriter caches no formula result: C18 reads as 0, with a warning.
    check_lines(&lines, dec!(0));
    let warned = locations(&lines.warnings);
    assert!(warned.contains("Quote costs!C18"), "{:?}", lines.warnings);
    assert!(
        warned.contains("Quote costs!G8"),
        "0.075 read as 7.5% is warned: {:?}",
        lines.warnings
    );
}

#[test]
fn sheet_saved_by_libreoffice_imports_the_same_lines() {
    // tests/fixtures/cost-lines-libreoffice.ods: messy_cost_workbook() opened and saved by
    // LibreOffice (see write_fixture_source below), which calculated C18 = 12 x 4 = 48.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cost-lines-libreoffice.ods");
    let lines = import_cost_lines(&path).unwrap();
    check_lines(&lines, dec!(48));
    assert!(
        !locations(&lines.warnings).contains("Quote costs!C18"),
        "LibreOffice cached the formula's value: {:?}",
        lines.warnings
    );
}

#[test]
fn imported_lines_feed_the_analysis() {
    // The small customer's quote with only the imported lines (labour as the quote says).
    let mut quote = example("small-customer.ron");
    let table =
        read_table_from_bytes(&messy_cost_workbook(), "costs.xlsx", &COST_LINE_SPECS).unwrap();
    let lines = cost_lines_from_table(table);
    let analysis = quote.cost_analysis.as_mut().unwrap();
    analysis.hardware.clear();
    analysis.software.clear();
    analysis.affiliates.clear();
    lines.append_to(analysis);
    let breakdown = analyse(&quote);
    // Hardware over 36 months: 1,450/36 = 40.28; 1,080/36 = 30.00; lease principal
    // 4,800/36 = 133.33; cables 0 -> 203.61.
    assert_eq!(
        breakdown.category(CostCategory::Hardware).unwrap().cost,
        dec!(203.61)
    );
    // Agent fee 600 x 10% = 60.00 income.
    assert_eq!(
        breakdown.category(CostCategory::AgentIncome).unwrap().cost,
        dec!(-60.00)
    );
    let firewall = breakdown
        .lines
        .iter()
        .find(|l| l.description == "Firewall")
        .unwrap();
    assert_eq!(firewall.source.as_deref(), Some("Quote costs!6:6"));
}

/// Writes the source workbook of the LibreOffice fixture. To regenerate the fixture:
/// `cargo test --test tests write_fixture_source -- --ignored`, then
/// `soffice --headless --convert-to ods --outdir tests/fixtures /tmp/cost-lines-libreoffice.xlsx`.
#[test]
#[ignore = "writes the fixture's source workbook to /tmp"]
fn write_fixture_source() {
    std::fs::write("/tmp/cost-lines-libreoffice.xlsx", messy_cost_workbook()).unwrap();
}
