//! Blank workbooks users fill in and import: `msp-quote template KIND FILE.xlsx`.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// Sheet of the cost-analysis template that holds the cost lines.
pub const COST_LINES_SHEET: &str = "Cost lines";

/// The cost-line template's columns, in order: the header text the importer matches first.
pub const COST_LINE_COLUMNS: [&str; 9] = [
    "Category",
    "Description",
    "Quantity",
    "Unit cost",
    "Billing",
    "Per",
    "APR %",
    "Lease months",
    "Royalty %",
];

/// What each column of the template holds (written on the instructions sheet).
const COST_LINE_HELP: [(&str, &str); 9] = [
    (
        "Category",
        "hardware, software, affiliate, affiliate-incident or agent-fee",
    ),
    ("Description", "what the line is (kept in the analysis)"),
    (
        "Quantity",
        "units; blank counts automatically (devices or users). Incident lines: incidents a month",
    ),
    (
        "Unit cost",
        "cost per unit (purchase price, monthly or annual cost, fee per period, cost per incident); agent-fee lines: the monthly sell price",
    ),
    (
        "Billing",
        "hardware: purchased, leased or monthly; software: monthly or annual; affiliate: monthly or quarterly",
    ),
    (
        "Per",
        "software and affiliate: device, user or flat (software only)",
    ),
    ("APR %", "leased hardware: the annual interest rate"),
    (
        "Lease months",
        "leased hardware: the number of monthly payments",
    ),
    (
        "Royalty %",
        "agent-fee lines: the percent of the monthly sell price the affiliate pays us",
    ),
];

/// The cost-analysis template: a "Cost lines" sheet with the header row and an
/// "Instructions" sheet. Deterministic bytes (fixed document date).
///
/// # Errors
/// An [`XlsxError`] from the writer (not expected).
pub fn cost_analysis_template() -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("msp-quote cost-analysis template")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");

    let lines = workbook.add_worksheet();
    lines.set_name(COST_LINES_SHEET)?;
    for (col, title) in COST_LINE_COLUMNS.into_iter().enumerate() {
        let col = col as u16;
        lines.write_string_with_format(0, col, title, &bold)?;
        lines.set_column_width(col, if col == 1 { 40 } else { 14 })?;
    }
    lines.set_column_format(3, &money)?;
    lines.set_freeze_panes(1, 0)?;

    let help = workbook.add_worksheet();
    help.set_name("Instructions")?;
    help.set_column_width(0, 16)?;
    help.set_column_width(1, 100)?;
    help.write_string_with_format(0, 0, "Column", &bold)?;
    help.write_string_with_format(0, 1, "What to write", &bold)?;
    for (row, (column, text)) in COST_LINE_HELP.into_iter().enumerate() {
        let row = row as u32 + 1;
        help.write_string(row, 0, column)?;
        help.write_string(row, 1, text)?;
    }
    help.write_string(
        11,
        0,
        "Rows may be rearranged; the header row may move down; blank rows are skipped.",
    )?;
    workbook.save_to_buffer()
}
