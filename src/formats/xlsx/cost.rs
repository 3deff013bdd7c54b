//! The cost analysis as an xlsx workbook: the lines as values, then category sums (SUMIF),
//! markups (ROUND), prices, totals, the per-device fee, the gross margin and the tier
//! comparison as live formulas, each with its cached result set to the engine's figure.
//!
//! Internal: the workbook shows cost, markup and margin figures, so it is for analysts only.

use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

use crate::core::cost::CostBreakdown;
use crate::core::money::{cents, plain};
use crate::core::quote::Quote;

/// Name of the analysis sheet.
pub const COST_SHEET: &str = "Cost analysis";

/// Row (0-based) of the line table's header.
pub const LINES_HEADER_ROW: u32 = 3;

/// Labels of the figures below the category table, in column A, as the workbook writes them.
pub mod labels {
    pub const TOTAL: &str = "Total";
    pub const DEVICES: &str = "Managed devices";
    pub const FEE: &str = "Per-device monthly fee";
    pub const MARGIN: &str = "Gross margin";
    pub const MARGIN_PERCENT: &str = "Gross margin %";
    pub const FLOOR: &str = "Margin floor %";
    pub const TIERS: &str = "Tier";
    pub const SUMMARY: &str = "Category";
}

/// Decimal -> f64 through its shortest string form (money has few digits: exact enough for
/// a spreadsheet cell; the cached formula results carry the exact text).
fn number_lossy(amount: Decimal) -> f64 {
    amount.to_string().parse().unwrap_or(0.0)
}

/// A1 reference of a 0-based cell.
fn cell(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}

/// $A$1 reference of a 0-based cell.
fn absolute(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell_absolute(row, col)
}

/// The workbook's bytes. Deterministic: the document date is the quote's date.
///
/// # Errors
/// An [`XlsxError`] from the writer (not expected for valid figures).
pub fn cost_analysis_workbook(
    quote: &Quote,
    breakdown: &CostBreakdown,
) -> Result<Vec<u8>, XlsxError> {
    cost_analysis_book(quote, breakdown)?.save_to_buffer()
}

/// The workbook, ready to save. Its sheet is in constant-memory mode: every row is written
/// in order and flushed to a temporary file as the next one starts, so memory does not grow
/// with the number of cost lines (strings are stored inline, not in a shared table).
fn cost_analysis_book(quote: &Quote, breakdown: &CostBreakdown) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&quote.date)).unwrap_or(2000),
        u8::try_from(chrono::Datelike::month(&quote.date)).unwrap_or(1),
        u8::try_from(chrono::Datelike::day(&quote.date)).unwrap_or(1),
    )?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Cost analysis {}", quote.number))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let bold_money = Format::new().set_bold().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.00");

    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(COST_SHEET)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 54)?;
    sheet.set_column_width(3, 14)?;
    sheet.set_column_width(4, 14)?;
    sheet.set_column_width(5, 12)?;
    sheet.write_string_with_format(
        0,
        0,
        format!(
            "Cost analysis: {} (quote {} rev {})",
            quote.customer.name, quote.number, quote.revision
        ),
        &bold,
    )?;
    sheet.write_string(
        1,
        0,
        format!(
            "Internal: costs, markups and margins are never customer-facing. Currency {}.",
            breakdown.currency.code
        ),
    )?;

    // Lines.
    let header = LINES_HEADER_ROW;
    for (col, title) in [
        "Category",
        "Description",
        "Detail",
        "Monthly cost",
        "Source",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string_with_format(header, col as u16, title, &bold)?;
    }
    let first_line = header + 1;
    let mut row = first_line;
    for line in &breakdown.lines {
        sheet.write_string(row, 0, line.category.id())?;
        sheet.write_string(row, 1, &line.description)?;
        sheet.write_string(row, 2, line.detail_text(&breakdown.currency))?;
        sheet.write_number_with_format(row, 3, number_lossy(line.monthly_cost), &money)?;
        sheet.write_string(row, 4, line.source.as_deref().unwrap_or(""))?;
        row += 1;
    }
    let last_line = row.max(first_line + 1) - 1;
    let category_col = format!("{}:{}", absolute(first_line, 0), absolute(last_line, 0));
    let cost_col = format!("{}:{}", absolute(first_line, 3), absolute(last_line, 3));

    // Categories.
    let summary = row + 1;
    for (col, title) in [labels::SUMMARY, "Cost", "Markup %", "Markup", "Price"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string_with_format(summary, col as u16, title, &bold)?;
    }
    let mut row = summary + 1;
    for figures in &breakdown.categories {
        let id = figures.category.id();
        sheet.write_string(row, 0, id)?;
        sheet.write_formula_with_format(
            row,
            1,
            Formula::new(format!("=SUMIF({category_col},\"{id}\",{cost_col})"))
                .set_result(cents(figures.cost)),
            &money,
        )?;
        sheet.write_number_with_format(row, 2, number_lossy(figures.markup_percent), &percent)?;
        sheet.write_formula_with_format(
            row,
            3,
            Formula::new(format!("=ROUND({}*{}/100,2)", cell(row, 1), cell(row, 2)))
                .set_result(cents(figures.markup)),
            &money,
        )?;
        sheet.write_formula_with_format(
            row,
            4,
            Formula::new(format!("={}+{}", cell(row, 1), cell(row, 3)))
                .set_result(cents(figures.price)),
            &money,
        )?;
        row += 1;
    }
    let total = row;
    let sum = |col: u16| {
        if breakdown.categories.is_empty() {
            "=0".to_string()
        } else {
            format!("=SUM({}:{})", cell(summary + 1, col), cell(total - 1, col))
        }
    };
    sheet.write_string_with_format(total, 0, labels::TOTAL, &bold)?;
    sheet.write_formula_with_format(
        total,
        1,
        Formula::new(sum(1)).set_result(cents(breakdown.total_monthly_cost)),
        &bold_money,
    )?;
    sheet.write_formula_with_format(
        total,
        3,
        Formula::new(sum(3)).set_result(cents(breakdown.total_monthly_markup)),
        &bold_money,
    )?;
    sheet.write_formula_with_format(
        total,
        4,
        Formula::new(sum(4)).set_result(cents(breakdown.total_monthly_price)),
        &bold_money,
    )?;
    let total_cost = cell(total, 1);
    let total_price = cell(total, 4);
    let total_cost_absolute = absolute(total, 1);

    // Fee and margin.
    let devices_row = total + 2;
    sheet.write_string(devices_row, 0, labels::DEVICES)?;
    sheet.write_number(devices_row, 1, f64::from(breakdown.devices))?;
    let fee_row = devices_row + 1;
    sheet.write_string_with_format(fee_row, 0, labels::FEE, &bold)?;
    sheet.write_formula_with_format(
        fee_row,
        1,
        Formula::new(format!("=ROUND({total_price}/{},2)", cell(devices_row, 1)))
            .set_result(cents(breakdown.per_device_monthly_fee)),
        &bold_money,
    )?;
    let margin_row = fee_row + 1;
    sheet.write_string(margin_row, 0, labels::MARGIN)?;
    sheet.write_formula_with_format(
        margin_row,
        1,
        Formula::new(format!("={total_price}-{total_cost}"))
            .set_result(cents(breakdown.gross_margin)),
        &money,
    )?;
    let margin_percent_row = margin_row + 1;
    sheet.write_string(margin_percent_row, 0, labels::MARGIN_PERCENT)?;
    sheet.write_formula_with_format(
        margin_percent_row,
        1,
        Formula::new(format!(
            "=IF({total_price}>0,ROUND({}/{total_price}*100,2),0)",
            cell(margin_row, 1)
        ))
        .set_result(plain(breakdown.gross_margin_percent, 2)),
        &percent,
    )?;
    let floor_row = margin_percent_row + 1;
    sheet.write_string(floor_row, 0, labels::FLOOR)?;
    sheet.write_number_with_format(
        floor_row,
        1,
        number_lossy(breakdown.margin_floor_percent),
        &percent,
    )?;

    // Tier comparison.
    let tiers_header = floor_row + 2;
    for (col, title) in [
        labels::TIERS,
        "Devices",
        "Monthly price",
        "Reserve",
        "Margin",
        "Margin %",
    ]
    .into_iter()
    .enumerate()
    {
        sheet.write_string_with_format(tiers_header, col as u16, title, &bold)?;
    }
    let mut row = tiers_header + 1;
    for tier in &breakdown.tier_comparison {
        sheet.write_string(row, 0, &tier.tier_name)?;
        sheet.write_number(row, 1, f64::from(tier.devices))?;
        sheet.write_number_with_format(row, 2, number_lossy(tier.monthly_price), &money)?;
        sheet.write_number_with_format(row, 3, number_lossy(tier.reserve), &money)?;
        sheet.write_formula_with_format(
            row,
            4,
            Formula::new(format!(
                "={}-{}-{total_cost_absolute}",
                cell(row, 2),
                cell(row, 3)
            ))
            .set_result(cents(tier.margin)),
            &money,
        )?;
        sheet.write_formula_with_format(
            row,
            5,
            Formula::new(format!(
                "=IF({price}>0,ROUND({margin}/{price}*100,2),0)",
                price = cell(row, 2),
                margin = cell(row, 4)
            ))
            .set_result(plain(tier.margin_percent, 2)),
            &percent,
        )?;
        row += 1;
    }

    // Warnings.
    if !breakdown.warnings.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, "Warnings", &bold)?;
        for warning in &breakdown.warnings {
            row += 1;
            sheet.write_string(row, 0, &warning.message)?;
        }
    }
    Ok(workbook)
}

/// Writes the workbook to `path` atomically, streamed into the file (the zipped workbook is
/// never held whole in memory).
///
/// # Errors
/// A message naming the path when the workbook cannot be built or written.
pub fn write_cost_analysis(
    path: &Path,
    quote: &Quote,
    breakdown: &CostBreakdown,
) -> Result<(), String> {
    let mut workbook = cost_analysis_book(quote, breakdown)
        .map_err(|error| format!("cannot build {}: {error}", path.display()))?;
    crate::formats::write_atomically_with(path, |writer| {
        workbook.save_to_writer(writer).map_err(WriteError::Xlsx)
    })
    .map_err(|error| match error {
        WriteError::Io(error) => format!("cannot write {}: {error}", path.display()),
        WriteError::Xlsx(error) => format!("cannot build {}: {error}", path.display()),
    })
}

/// Why the workbook could not be saved: the file, or the workbook itself.
enum WriteError {
    Io(std::io::Error),
    Xlsx(XlsxError),
}

impl From<std::io::Error> for WriteError {
    fn from(error: std::io::Error) -> Self {
        WriteError::Io(error)
    }
}
