//! Analysts' own workbooks: sheet choice, two-row headers, inventories, inferred categories.
//!
//! Every workbook is built here with rust_xlsxwriter in the shapes analysts' files have (title
//! rows, a merged two-row header, a 1,000-device inventory, a Summary sheet whose header also
//! says "Cost category", an ROI sheet with Monthly / Annual / Basis and no Category, formulas with
//! and without cached values); one was saved by LibreOffice and is committed as a fixture.
//! Totals are worked out by hand in the comments.

use std::path::{Path, PathBuf};
use std::process::Command;

use msp_quote::core::roi::{CostAmount, CostCategory, CostPeriod};
use msp_quote::formats::import::cost_lines::{
    CostImportOptions, ImportedCostLines, LabourPricing, RoleCost, import_cost_lines,
    import_cost_lines_from_bytes,
};
use msp_quote::formats::import::customer_costs::{
    import_customer_costs, import_customer_costs_from_bytes,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

fn pricing() -> CostImportOptions {
    CostImportOptions {
        labour: Some(LabourPricing {
            roles: vec![RoleCost {
                id: "technical-specialist".into(),
                name: "Technical Specialist".into(),
                hourly_cost: dec!(50),
            }],
        }),
        ..CostImportOptions::default()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("msp-quote-workbooks-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const TYPES: [&str; 5] = ["Laptop", "Desktop", "Firewall", "Switch", "File server"];

/// The Summary sheet: a title, then "Cost category | Monthly | Notes" (its header also names a
/// category column, and a Monthly column: it must lose to the Devices and ROI sheets).
fn summary_sheet(sheet: &mut Worksheet) {
    sheet.set_name("Summary").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            2,
            "Contoso: IT cost analysis",
            &Format::new().set_bold(),
        )
        .unwrap();
    for (col, title) in ["Cost category", "Monthly", "Notes"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16, title).unwrap();
    }
    for (row, (category, amount)) in [("Hardware", 27_750.0), ("Software", 7_250.0)]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(3 + row as u32, 0, category).unwrap();
        sheet.write_number(3 + row as u32, 1, amount).unwrap();
    }
}

/// The Devices sheet: title in row 1, a two-row header in rows 3-4 (Device, Type and Site merged
/// down; "Monthly cost" merged over Hardware / Software / Affiliate; "Labour" over hrs / Rate),
/// 1,000 devices in rows 5-1004, a total row.
///
/// Device i (0-based): hardware 30.00 when i is even, else 25.50; software 7.25; affiliate 4.40
/// except every fourth device (none); 0.5 labour hours at 50.00/h; type TYPES[i % 5].
fn devices_sheet(sheet: &mut Worksheet, devices: u32) {
    sheet.set_name("Devices").unwrap();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("$#,##0.00;;");
    sheet
        .merge_range(0, 0, 0, 7, "Device inventory, March", &bold)
        .unwrap();
    sheet.merge_range(2, 0, 3, 0, "Device", &bold).unwrap();
    sheet.merge_range(2, 1, 3, 1, "Type", &bold).unwrap();
    sheet.merge_range(2, 2, 3, 2, "Site", &bold).unwrap();
    sheet
        .merge_range(2, 3, 2, 5, "Monthly cost", &bold)
        .unwrap();
    sheet.merge_range(2, 6, 2, 7, "Labour", &bold).unwrap();
    for (col, title) in [
        (3, "Hardware"),
        (4, "Software"),
        (5, "Affiliate"),
        (6, "hrs"),
        (7, "Rate"),
    ] {
        sheet
            .write_string_with_format(3, col, title, &bold)
            .unwrap();
    }
    for i in 0..devices {
        let row = 4 + i;
        sheet
            .write_string(row, 0, format!("PC-{:04}", i + 1))
            .unwrap();
        sheet.write_string(row, 1, TYPES[(i % 5) as usize]).unwrap();
        sheet
            .write_string(row, 2, if i % 2 == 0 { "Cluj" } else { "Iasi" })
            .unwrap();
        let hardware = if i % 2 == 0 { 30.0 } else { 25.5 };
        sheet
            .write_number_with_format(row, 3, hardware, &money)
            .unwrap();
        sheet
            .write_number_with_format(row, 4, 7.25, &money)
            .unwrap();
        if i % 4 != 0 {
            sheet.write_number_with_format(row, 5, 4.4, &money).unwrap();
        }
        sheet.write_number(row, 6, 0.5).unwrap();
        sheet
            .write_number_with_format(row, 7, 50.0, &money)
            .unwrap();
    }
    let total = 4 + devices;
    sheet.write_string(total, 0, "Total").unwrap();
    sheet
        .write_formula(
            total,
            3,
            Formula::new(format!("=SUM(D5:D{total})")).set_result("27750"),
        )
        .unwrap();
}

/// The ROI sheet: "Description | Monthly | Annual | Basis", no Category column.
/// Taken: staff 4,000.00 + call-outs 350.00 + consultant 6,000.00 a year (500.00 a month) +
/// lost productivity 1,200.00 = 6,050.00 a month; "Excise duty" names no category: skipped.
fn roi_sheet(sheet: &mut Worksheet) {
    sheet.set_name("ROI").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            3,
            "Return on investment: current costs",
            &Format::new(),
        )
        .unwrap();
    for (col, title) in ["Description", "Monthly", "Annual", "Basis"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16, title).unwrap();
    }
    let rows: [(&str, Option<f64>, Option<f64>, &str); 5] = [
        ("IT staff salaries", Some(4000.0), Some(48000.0), "1 admin"),
        ("Break/fix call-outs", Some(350.0), Some(4200.0), "average"),
        ("Outside consultant", None, Some(6000.0), "retainer"),
        ("Lost productivity", Some(1200.0), Some(14400.0), "estimate"),
        ("Excise duty", Some(100.0), Some(1200.0), "per invoice"),
    ];
    for (index, (description, monthly, annual, basis)) in rows.into_iter().enumerate() {
        let row = 3 + index as u32;
        sheet.write_string(row, 0, description).unwrap();
        if let Some(monthly) = monthly {
            sheet.write_number(row, 1, monthly).unwrap();
        }
        if let Some(annual) = annual {
            sheet.write_number(row, 2, annual).unwrap();
        }
        sheet.write_string(row, 3, basis).unwrap();
    }
    sheet.write_string(8, 0, "Total").unwrap();
    sheet
        .write_formula(8, 1, Formula::new("=SUM(B4:B8)").set_result("5650"))
        .unwrap();
}

/// The analyst's workbook: Summary first (so sheet order cannot decide), Devices, ROI.
pub fn analyst_workbook(devices: u32) -> Vec<u8> {
    let mut workbook = Workbook::new();
    summary_sheet(workbook.add_worksheet());
    devices_sheet(workbook.add_worksheet(), devices);
    roi_sheet(workbook.add_worksheet());
    workbook.save_to_buffer().unwrap()
}

fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.sum()
}

fn check_devices(lines: &ImportedCostLines) {
    assert_eq!(
        lines.choice,
        "Devices: matched Device, Type, Site, Hardware, Software, Affiliate, Labour hrs, Rate"
    );
    // 500 x 30.00 + 500 x 25.50 = 27,750.00.
    assert_eq!(
        sum(lines.hardware.iter().map(|l| l.unit_cost)),
        dec!(27750.00)
    );
    assert_eq!(lines.hardware.len(), 1000);
    // 1,000 x 7.25 = 7,250.00.
    assert_eq!(
        sum(lines.software.iter().map(|l| l.unit_cost)),
        dec!(7250.00)
    );
    // 750 x 4.40 = 3,300.00.
    assert_eq!(lines.affiliates.len(), 750);
    assert_eq!(lines.stated_totals().2, dec!(3300.00));
    // 1,000 x 0.5 h = 500 h at 50.00/h (the sheet's rate is the role's).
    assert_eq!(lines.labour.len(), 1000);
    assert_eq!(
        sum(lines.labour.iter().map(|l| l.hours_per_month)),
        dec!(500)
    );
    assert_eq!(lines.hardware[0].description, "PC-0001 (Laptop)");
    assert_eq!(lines.hardware[0].source.as_deref(), Some("Devices!D5"));
    assert_eq!(lines.hardware[999].source.as_deref(), Some("Devices!D1004"));
    let inventory = lines.inventory.as_ref().unwrap();
    assert_eq!(inventory.devices, 1000);
    let kinds: Vec<(&str, u32)> = inventory
        .by_kind
        .iter()
        .map(|(kind, count)| (kind.as_str(), *count))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("network-device", 400),
            ("server", 200),
            ("workstation", 400)
        ]
    );
    let skipped: Vec<String> = lines.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0].starts_with("Devices!1005:1005: total row"),
        "{skipped:?}"
    );
}

#[test]
fn the_devices_sheet_is_chosen_for_cost_lines_and_totals_match_to_the_cent() {
    let lines =
        import_cost_lines_from_bytes(&analyst_workbook(1000), "analysis.xlsx", &pricing()).unwrap();
    check_devices(&lines);
    let sheets: Vec<String> = lines.sheets.iter().map(ToString::to_string).collect();
    assert_eq!(sheets.len(), 3, "{sheets:?}");
    assert!(sheets[0].starts_with("Summary"), "{sheets:?}");
}

#[test]
fn the_roi_sheet_is_chosen_for_customer_costs_and_categories_are_inferred() {
    let imported =
        import_customer_costs_from_bytes(&analyst_workbook(20), "analysis.xlsx").unwrap();
    assert_eq!(imported.choice, "ROI: matched Description, Monthly, Annual");
    let lines: Vec<(CostCategory, &CostAmount)> = imported
        .costs
        .lines
        .iter()
        .map(|line| (line.category, &line.amount))
        .collect();
    let monthly = |amount| CostAmount::Periodic {
        amount,
        period: CostPeriod::Monthly,
    };
    assert_eq!(
        lines,
        vec![
            (CostCategory::InternalStaff, &monthly(dec!(4000))),
            (CostCategory::EmergencySupport, &monthly(dec!(350))),
            (
                CostCategory::ConsultantFees,
                &CostAmount::Periodic {
                    amount: dec!(6000),
                    period: CostPeriod::Annual
                }
            ),
            (CostCategory::EmployeeTimeLost, &monthly(dec!(1200))),
        ]
    );
    // 4,000 + 350 + 6,000 / 12 + 1,200 = 6,050.00 a month.
    let total: Decimal = imported
        .costs
        .lines
        .iter()
        .map(|line| line.amount.monthly_exact().value().unwrap())
        .sum();
    assert_eq!(total, dec!(6050.00));
    let inferred: Vec<String> = imported.inferred.iter().map(ToString::to_string).collect();
    assert_eq!(inferred.len(), 4, "{inferred:?}");
    assert!(
        inferred[0].starts_with("ROI!A4: 'IT staff salaries' read as"),
        "{inferred:?}"
    );
    let skipped: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    assert!(
        skipped
            .iter()
            .any(|s| s.starts_with("ROI!A8: no Category column, and 'Excise duty'")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|s| s.contains("total row")),
        "{skipped:?}"
    );
}

#[test]
fn sheet_by_hand_overrides_the_score() {
    let options = CostImportOptions {
        read: msp_quote::formats::import::ReadOptions {
            sheet: Some("summary".into()),
        },
        ..pricing()
    };
    let error = import_cost_lines_from_bytes(&analyst_workbook(5), "a.xlsx", &options).unwrap_err();
    let message = error.one_line();
    assert!(
        message.contains("Summary (best header Summary!3:3"),
        "{message}"
    );
    let options = CostImportOptions {
        read: msp_quote::formats::import::ReadOptions {
            sheet: Some("Nope".into()),
        },
        ..pricing()
    };
    let error = import_cost_lines_from_bytes(&analyst_workbook(5), "a.xlsx", &options).unwrap_err();
    assert!(
        error
            .one_line()
            .contains("no sheet named 'Nope' (the sheets: Summary, Devices, ROI)")
    );
}

/// Labour with a cost formula: cached values (as a spreadsheet program saves them) or none
/// (as a script writes them: rust_xlsxwriter caches 0).
/// Rows: 2 h x 60.00 = 120.00; 1.5 h x 60.00 = 90.00; 4 h x 45.00 = 180.00; total 390.00.
fn labour_workbook(cached: bool) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Labour").unwrap();
    for (col, title) in ["Device", "Labour hrs", "Rate", "Labour cost"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, title).unwrap();
    }
    for (index, (name, hours, rate, cost)) in [
        ("SRV-1", 2.0, 60.0, "120"),
        ("SRV-2", 1.5, 60.0, "90"),
        ("FW-1", 4.0, 45.0, "180"),
    ]
    .into_iter()
    .enumerate()
    {
        let row = 1 + index as u32;
        sheet.write_string(row, 0, name).unwrap();
        sheet.write_number(row, 1, hours).unwrap();
        sheet.write_number(row, 2, rate).unwrap();
        let formula = Formula::new(format!("=B{0}*C{0}", row + 1));
        let formula = if cached {
            formula.set_result(cost)
        } else {
            formula
        };
        sheet.write_formula(row, 3, formula).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn labour_formulas_with_and_without_cached_values_give_the_same_cost() {
    for cached in [true, false] {
        let lines =
            import_cost_lines_from_bytes(&labour_workbook(cached), "labour.xlsx", &pricing())
                .unwrap();
        // At the role's 50.00/h: 120.00 = 2.4 h, 90.00 = 1.8 h, 180.00 = 3.6 h.
        let hours: Vec<Decimal> = lines
            .labour
            .iter()
            .map(|l| l.hours_per_month.normalize())
            .collect();
        assert_eq!(
            hours,
            vec![dec!(2.4), dec!(1.8), dec!(3.6)],
            "cached {cached}"
        );
        let cost: Decimal = hours.iter().map(|h| h * dec!(50)).sum();
        assert_eq!(cost, dec!(390.00));
        let warnings: Vec<String> = lines.warnings.iter().map(ToString::to_string).collect();
        if cached {
            assert!(warnings.is_empty(), "{warnings:?}");
        } else {
            assert_eq!(
                warnings.len(),
                2,
                "one line per column, one for the fallback: {warnings:?}"
            );
            assert!(
                warnings.iter().any(|w| w.starts_with(
                    "Labour!D2:D4: 3 formulas (=B2*C2, ...) with a cached value of 0"
                )),
                "{warnings:?}"
            );
            assert!(
                warnings
                    .iter()
                    .any(|w| w.contains("taken from the row's labour hours x rate")),
                "{warnings:?}"
            );
        }
    }
}

/// A customer-costs sheet written by a script: Monthly = hours x rate as a formula with no
/// cached value; the line is taken from the hours and the rate, and says so.
#[test]
fn customer_cost_formula_without_value_is_taken_from_its_inputs() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Costs").unwrap();
    for (col, title) in [
        "Category",
        "Description",
        "Hours per month",
        "Cost per hour",
        "Monthly",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, title).unwrap();
    }
    sheet.write_string(1, 0, "Internal staff").unwrap();
    sheet.write_string(1, 1, "Admin time").unwrap();
    sheet.write_number(1, 2, 40.0).unwrap();
    sheet.write_number(1, 3, 35.0).unwrap();
    sheet.write_formula(1, 4, Formula::new("=C2*D2")).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let imported = import_customer_costs_from_bytes(&bytes, "costs.xlsx").unwrap();
    // 40 h x 35.00 = 1,400.00 a month.
    assert_eq!(
        imported.costs.lines[0].amount,
        CostAmount::Hourly {
            hours_per_month: dec!(40),
            rate_per_hour: dec!(35)
        }
    );
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("taken from the row's hours x rate")),
        "{warnings:?}"
    );
}

/// The fixture tests/fixtures/analyst-libreoffice.xlsx is `analyst_workbook(20)` opened and
/// saved by LibreOffice Calc (`soffice --headless --convert-to xlsx`): real cached values,
/// LibreOffice's own XML. 20 devices: hardware 10 x 30.00 + 10 x 25.50 = 555.00.
#[test]
fn the_workbook_saved_by_libreoffice_imports_the_same() {
    let path = fixture("analyst-libreoffice.xlsx");
    let lines = import_cost_lines(&path).unwrap();
    assert!(
        lines.choice.starts_with("Devices: matched Device, Type"),
        "{}",
        lines.choice
    );
    assert_eq!(
        sum(lines.hardware.iter().map(|l| l.unit_cost)),
        dec!(555.00)
    );
    assert_eq!(lines.inventory.as_ref().unwrap().devices, 20);
    let imported = import_customer_costs(&path).unwrap();
    assert_eq!(imported.choice, "ROI: matched Description, Monthly, Annual");
    assert_eq!(imported.costs.lines.len(), 4);
}

/// Regenerates the LibreOffice fixture's source (run by hand: `cargo test --test tests
/// write_libreoffice_fixture_source -- --ignored`, then convert it with soffice).
#[test]
#[ignore = "writes the fixture's source for LibreOffice"]
fn write_libreoffice_fixture_source() {
    let dir = scratch("fixture");
    let path = dir.join("analyst-source.xlsx");
    std::fs::write(&path, analyst_workbook(20)).unwrap();
    println!("{}", path.display());
}

fn run_cli(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn cost_import_of_the_devices_sheet_reports_on_stderr_and_can_count_the_devices() {
    let dir = scratch("cli");
    let path = dir.join("analysis.xlsx");
    std::fs::write(&path, analyst_workbook(1000)).unwrap();
    let (code, stdout, stderr) = run_cli(&[
        "cost",
        &example("worked-example-9-3.ron"),
        "--import",
        path.to_str().unwrap(),
        "--kind-map",
        "file server=server",
        "--devices-from-sheet",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is only the JSON");
    assert_eq!(json["devices"], 1000);
    assert_eq!(json["import"]["lines"], 1000 + 1000 + 750 + 1000);
    assert!(
        stderr.contains(
            "the sheet lists 1000 devices (network-device 400, server 200, workstation 400)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("device type 'Laptop' x200 -> workstation"),
        "{stderr}"
    );
    assert!(
        stderr.contains("managed devices: 1000 from the sheet"),
        "{stderr}"
    );
    let (code, _, stderr) = run_cli(&[
        "cost",
        &example("worked-example-9-3.ron"),
        "--import",
        path.to_str().unwrap(),
        "--kind-map",
        "laptop=toaster",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown kind 'toaster'"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A long-format sheet takes labour rows: hours of a named role, or a cost at the first role.
/// Patch testing: 4 h of Systems Consultant (85.00/h) = 340.00; vendor calls: 90.00 = 1.8 h of
/// Technical Specialist at 50.00/h.
#[test]
fn long_format_sheets_take_labour_rows() {
    let mut options = pricing();
    if let Some(labour) = options.labour.as_mut() {
        labour.roles.push(RoleCost {
            id: "systems-consultant".into(),
            name: "Systems Consultant".into(),
            hourly_cost: dec!(85),
        });
    }
    let csv = "Category,Description,Unit cost,Hours,Role\n\
               Labour,Patch testing,,4,senior\n\
               Labour,Vendor calls,90,,\n\
               Hardware,Switch,300,,\n";
    let lines = import_cost_lines_from_bytes(csv.as_bytes(), "lines.csv", &options).unwrap();
    let labour: Vec<(&str, &str, Decimal)> = lines
        .labour
        .iter()
        .map(|l| {
            (
                l.description.as_str(),
                l.role.as_str(),
                l.hours_per_month.normalize(),
            )
        })
        .collect();
    assert_eq!(
        labour,
        vec![
            ("Patch testing", "systems-consultant", dec!(4)),
            (
                "Vendor calls (labour cost 90 from the sheet, as 1.8 h of Technical Specialist)",
                "technical-specialist",
                dec!(1.8)
            ),
        ]
    );
    assert_eq!(lines.hardware.len(), 1);
    assert!(lines.skipped.is_empty(), "{:?}", lines.skipped);
}
