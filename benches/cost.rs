//! The cost analysis: 10,000 hardware lines and 200 labour tasks; importing a 100,000-row
//! cost-line sheet.

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::cost::{Acquisition, CostAnalysis, HardwareLine, LabourPlan, analyse_cost};
use msp_quote::core::price_book::LabourTask;
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::formats::import::cost_lines::{COST_LINE_SPECS, cost_lines_from_table};
use msp_quote::formats::import::read_table_from_bytes;
use msp_quote::formats::price_book::standard_book;
use rust_decimal::Decimal;

/// A quote of 60 Silver servers with 10,000 hardware lines (purchased, leased and monthly in
/// turn) and a book whose catalog has 200 tasks, all performed.
fn large_analysis() -> Option<(msp_quote::core::price_book::PriceBook, Quote, CostAnalysis)> {
    let mut book = standard_book().ok()?.book;
    book.cost_defaults.tasks = (0..200)
        .map(|index| LabourTask {
            id: format!("task-{index}"),
            name: format!("Task {index}"),
            role: if index % 4 == 0 {
                "systems-consultant".to_string()
            } else {
                "technical-specialist".to_string()
            },
            hours_per_month: Decimal::new(25, 2),
            hours_by_kind: std::collections::BTreeMap::new(),
            per_group: index % 10 == 0,
            components: Vec::new(),
        })
        .collect();
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27)?);
    quote.term_months = 36;
    quote.customer.users = 400;
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 60,
    }];
    let acquisitions = [
        Acquisition::Purchased,
        Acquisition::Leased {
            apr_percent: Decimal::new(69, 1),
            months: 36,
        },
        Acquisition::Monthly,
    ];
    let analysis = CostAnalysis {
        hardware: (0..10_000)
            .map(|index| HardwareLine {
                description: format!("Item {index}"),
                quantity: 1 + (index % 5) as u32,
                unit_cost: Decimal::new(12_345 + i64::from(index as u32 % 977), 2),
                acquisition: acquisitions[index % 3],
                source: None,
            })
            .collect(),
        labour: LabourPlan::default(),
        ..CostAnalysis::default()
    };
    Some((book, quote, analysis))
}

/// A 100,000-row cost-line workbook (header in row 1; categories cycling).
fn large_sheet() -> Option<Vec<u8>> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, title) in [
        "Category",
        "Description",
        "Quantity",
        "Unit cost",
        "Billing",
        "Per",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, title).ok()?;
    }
    let kinds = [
        ("Hardware", "Purchased", ""),
        ("Software", "Annual", "User"),
        ("Affiliate", "Quarterly", "Device"),
    ];
    for row in 1..=100_000u32 {
        let (category, billing, per) = kinds[row as usize % 3];
        sheet.write_string(row, 0, category).ok()?;
        sheet.write_string(row, 1, format!("Line {row}")).ok()?;
        sheet.write_number(row, 2, f64::from(1 + row % 7)).ok()?;
        sheet
            .write_number(row, 3, f64::from(row % 5000) + 0.25)
            .ok()?;
        sheet.write_string(row, 4, billing).ok()?;
        sheet.write_string(row, 5, per).ok()?;
    }
    workbook.save_to_buffer().ok()
}

/// The cost analysis's benchmarks.
pub fn benches(c: &mut Criterion) {
    if let Some((book, quote, analysis)) = large_analysis() {
        c.bench_function("cost/10,000 hardware lines + 200 labour tasks", |b| {
            b.iter(|| analyse_cost(black_box(&book), black_box(&quote), black_box(&analysis)))
        });
    }
    if let Some(bytes) = large_sheet() {
        let mut group = c.benchmark_group("cost");
        group.sample_size(10);
        group.bench_function("import 100,000-row cost sheet", |b| {
            b.iter(|| {
                read_table_from_bytes(black_box(&bytes), "costs.xlsx", &COST_LINE_SPECS)
                    .map(cost_lines_from_table)
            })
        });
        group.finish();
    }
}
