//! Benchmarks: importing a 10,000-device inventory sheet (a two-row header, Hardware / Software /
//! Affiliate money, labour hours at a Rate) into cost lines; target under 0.5 s in release.

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::formats::import::cost_lines::{
    CostImportOptions, LabourPricing, RoleCost, import_cost_lines_from_bytes,
};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// An inventory of `devices` rows in the analyst's shape.
fn inventory_workbook(devices: u32) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Devices")?;
    let bold = Format::new().set_bold();
    sheet.merge_range(0, 0, 1, 0, "Device", &bold)?;
    sheet.merge_range(0, 1, 1, 1, "Type", &bold)?;
    sheet.merge_range(0, 2, 0, 4, "Monthly cost", &bold)?;
    sheet.merge_range(0, 5, 0, 6, "Labour", &bold)?;
    for (col, title) in [
        (2, "Hardware"),
        (3, "Software"),
        (4, "Affiliate"),
        (5, "hrs"),
        (6, "Rate"),
    ] {
        sheet.write_string(1, col, title)?;
    }
    const TYPES: [&str; 4] = ["Laptop", "Desktop", "Firewall", "Server"];
    for i in 0..devices {
        let row = 2 + i;
        sheet.write_string(row, 0, format!("DEV-{i:05}"))?;
        sheet.write_string(row, 1, TYPES[(i % 4) as usize])?;
        sheet.write_number(row, 2, 20.0 + f64::from(i % 7))?;
        sheet.write_number(row, 3, 7.25)?;
        sheet.write_number(row, 4, 4.4)?;
        sheet.write_number(row, 5, 0.5)?;
        sheet.write_number(row, 6, 55.0)?;
    }
    workbook.save_to_buffer()
}

pub fn benches(c: &mut Criterion) {
    let Ok(bytes) = inventory_workbook(10_000) else {
        return;
    };
    let options = CostImportOptions {
        labour: Some(LabourPricing {
            roles: vec![RoleCost {
                id: "technical-specialist".to_string(),
                name: "Technical Specialist".to_string(),
                hourly_cost: Decimal::new(50, 0),
            }],
        }),
        ..CostImportOptions::default()
    };
    c.bench_function("import_inventory_10000_devices", |b| {
        b.iter(|| {
            import_cost_lines_from_bytes(black_box(&bytes), "devices.xlsx", &options)
                .map(|lines| lines.line_count())
        });
    });
}
