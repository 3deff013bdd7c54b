//! Sheets -> xlsx bytes (deterministic: a fixed document date, nothing from the clock).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::sheets::{BOOK, Kind, Sheet, setting_kind};

/// The header of the notes column, and of the two hidden columns after it.
pub const NOTES_HEADER: &str = "Notes";
pub const EXPORTED_VALUES_HEADER: &str = "Exported values";
pub const EXPORTED_NOTES_HEADER: &str = "Exported notes";

/// The workbook of `sheets`; `notes[sheet][row]` are the notes of each row.
///
/// # Errors
/// An [`XlsxError`] from the writer (not expected for valid sheets).
pub fn workbook_bytes(sheets: &[Sheet], notes: &[Vec<Vec<String>>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("msp-quote price book")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (index, sheet) in sheets.iter().enumerate() {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.def.name)?;
        let value_columns = sheet.def.columns.len() as u16;
        for (col, column) in sheet.def.columns.iter().enumerate() {
            worksheet.write_string_with_format(0, col as u16, column.header(), &bold)?;
            worksheet.set_column_width(col as u16, column_width(sheet, col))?;
        }
        let notes_col = value_columns;
        worksheet.write_string_with_format(0, notes_col, NOTES_HEADER, &bold)?;
        worksheet.write_string_with_format(0, notes_col + 1, EXPORTED_VALUES_HEADER, &bold)?;
        worksheet.write_string_with_format(0, notes_col + 2, EXPORTED_NOTES_HEADER, &bold)?;
        worksheet.set_column_width(notes_col, 60)?;
        worksheet.set_column_hidden(notes_col + 1)?;
        worksheet.set_column_hidden(notes_col + 2)?;
        worksheet.set_freeze_panes(1, 0)?;
        let no_notes = Vec::new();
        let sheet_notes = notes.get(index).unwrap_or(&no_notes);
        for (row_index, row) in sheet.rows.iter().enumerate() {
            let r = row_index as u32 + 1;
            for (col, value) in row.values.iter().enumerate() {
                let kind = match (sheet.def.name == BOOK.name, col) {
                    (true, 1) => setting_kind(row.values.first().map_or("", String::as_str)),
                    _ => sheet.def.columns.get(col).map_or(Kind::Text, |c| c.kind),
                };
                write_value(worksheet, r, col as u16, kind, value, &wrap)?;
            }
            let row_notes = sheet_notes.get(row_index).cloned().unwrap_or_default();
            let notes_text = row_notes.join("\n");
            if !notes_text.is_empty() {
                worksheet.write_string_with_format(r, notes_col, &notes_text, &wrap)?;
            }
            let exported = serde_json::to_string(&row.values).unwrap_or_default();
            worksheet.write_string(r, notes_col + 1, &exported)?;
            if !notes_text.is_empty() {
                worksheet.write_string(r, notes_col + 2, &notes_text)?;
            }
        }
    }
    workbook.save_to_buffer()
}

fn column_width(sheet: &Sheet, col: usize) -> f64 {
    let longest = sheet
        .rows
        .iter()
        .filter_map(|row| row.values.get(col))
        .map(|value| value.lines().map(str::len).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    let header = sheet.def.columns.get(col).map_or(0, |c| c.header().len());
    (longest.max(header) + 2).clamp(8, 70) as f64
}

fn write_value(
    worksheet: &mut Worksheet,
    row: u32,
    col: u16,
    kind: Kind,
    value: &str,
    wrap: &Format,
) -> Result<(), XlsxError> {
    if value.is_empty() {
        return Ok(());
    }
    match kind {
        Kind::Number => match value.parse::<Decimal>().ok().and_then(|d| d.to_f64()) {
            Some(number) => {
                worksheet.write_number(row, col, number)?;
            }
            None => {
                worksheet.write_string(row, col, value)?;
            }
        },
        Kind::Percent => {
            worksheet.write_string(row, col, format!("{value}%"))?;
        }
        Kind::Bool => {
            worksheet.write_string(row, col, value)?;
        }
        Kind::Text if value.contains('\n') => {
            worksheet.write_string_with_format(row, col, value, wrap)?;
        }
        Kind::Text => {
            worksheet.write_string(row, col, value)?;
        }
    }
    Ok(())
}
