//! The customer-costs template (`msp-quote template customer-costs FILE.xlsx`): a sheet the
//! importer reads back, with the header in row 4 under a title, a Category drop-down, and a
//! second sheet explaining each category.

use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, Formula, Workbook, XlsxError,
};

use crate::core::roi::CostCategory;

/// The header row of the template (row 4), in column order; the importer's synonyms match each.
pub const TEMPLATE_HEADERS: [&str; 10] = [
    "Category",
    "Description",
    "Amount",
    "Period",
    "Hours per month",
    "Cost per hour",
    "Rate %",
    "Avoidable %",
    "Recruiting fee",
    "Start month",
];

/// What each category row needs, for the Categories sheet.
fn category_help(category: CostCategory) -> &'static str {
    match category {
        CostCategory::Downtime => "Hours per month x Cost per hour (cost of an hour of downtime)",
        CostCategory::EmployeeTimeLost => {
            "Hours per month lost to IT problems x Cost per hour (loaded hourly rate)"
        }
        CostCategory::TaxEffect => {
            "Amount as entered, or Rate % (tax rate) x Amount; Period monthly or annual"
        }
        _ => "Amount; Period monthly or annual",
    }
}

/// The template as xlsx bytes. Deterministic: the same bytes every time.
///
/// # Errors
/// An [`XlsxError`] from the writer (not expected for this fixed content).
pub fn customer_costs_template() -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Customer current IT costs")
            .set_creation_datetime(&created),
    );
    let title = Format::new().set_bold().set_font_size(14);
    let note = Format::new().set_italic().set_align(FormatAlign::Left);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xDDEBF7);
    let money = Format::new().set_num_format("$#,##0.00");
    let number = Format::new().set_num_format("0.##");

    let sheet = workbook.add_worksheet();
    sheet.set_name("Customer costs")?;
    let last_column = (TEMPLATE_HEADERS.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_column, "Customer current IT costs", &title)?;
    sheet.merge_range(
        1,
        0,
        1,
        last_column,
        "One row per cost. Category: see the Categories sheet. Avoidable % = the share managed services remove (100 when empty).",
        &note,
    )?;
    for (column, text) in TEMPLATE_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(3, column as u16, *text, &header)?;
    }
    let widths = [26.0, 32.0, 14.0, 10.0, 10.0, 12.0, 9.0, 11.0, 13.0, 10.0];
    for (column, width) in widths.into_iter().enumerate() {
        sheet.set_column_width(column as u16, width)?;
    }
    for column in [2u16, 5, 8] {
        sheet.set_column_format(column, &money)?;
    }
    for column in [4u16, 6, 7, 9] {
        sheet.set_column_format(column, &number)?;
    }
    sheet.set_freeze_panes(4, 0)?;
    let categories = CostCategory::ALL.len() as u32 + 2;
    let pick = DataValidation::new()
        .allow_list_formula(Formula::new(format!(
            "=Categories!$A$2:$A${}",
            categories + 1
        )))
        .set_input_message("Pick a category, Avoided hire or Annual growth")?;
    sheet.add_data_validation(4, 0, 503, 0, &pick)?;
    let period = DataValidation::new().allow_list_strings(&["monthly", "annual"])?;
    sheet.add_data_validation(4, 3, 503, 3, &period)?;

    let help = workbook.add_worksheet();
    help.set_name("Categories")?;
    help.write_string_with_format(0, 0, "Category", &header)?;
    help.write_string_with_format(0, 1, "Columns used", &header)?;
    help.write_string_with_format(0, 2, "Kind", &header)?;
    let mut row = 1u32;
    for category in CostCategory::ALL {
        help.write_string(row, 0, category.name())?;
        help.write_string(row, 1, category_help(category))?;
        help.write_string(
            row,
            2,
            if category.is_direct() {
                "direct cost"
            } else {
                "indirect saving"
            },
        )?;
        row += 1;
    }
    help.write_string(row, 0, "Avoided hire")?;
    help.write_string(
        row,
        1,
        "Amount = annual salary; Rate % = burden; Recruiting fee; Start month (contract month, 1 when empty)",
    )?;
    help.write_string(row, 2, "the hire managed services make unnecessary")?;
    row += 1;
    help.write_string(row, 0, "Annual growth")?;
    help.write_string(
        row,
        1,
        "Rate % = growth of current costs per year (compounded per contract year)",
    )?;
    help.write_string(row, 2, "setting")?;
    help.set_column_width(0, 28.0)?;
    help.set_column_width(1, 90.0)?;
    help.set_column_width(2, 40.0)?;
    workbook.save_to_buffer()
}
