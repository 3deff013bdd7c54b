//! Limits checked before a workbook is read, so a hostile file is refused instead of exhausting
//! memory: the zip's declared uncompressed sizes (a "zip bomb") and each xlsx sheet's declared
//! dimension (a `<dimension ref="A1:XFD1048576"/>` claiming billions of cells).

use std::io::{Cursor, Read};

/// Largest total uncompressed size of a workbook's zip entries: 200 MB.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 200 * 1024 * 1024;

/// Largest number of cells a sheet may declare in its dimension: 5 million.
pub const MAX_SHEET_CELLS: u64 = 5_000_000;

/// How much of a sheet's XML is read to find its dimension tag (it comes before the data).
const DIMENSION_SEARCH_BYTES: u64 = 64 * 1024;

/// Checks a zip-based workbook (xlsx, xlsm, ods) against the limits; other bytes pass (the
/// reader reports them).
///
/// # Errors
/// A one-line reason naming the limit: the declared size, or the sheet and its cell count.
pub fn check_workbook_limits(bytes: &[u8]) -> Result<(), String> {
    if !bytes.starts_with(b"PK") {
        return Ok(()); // legacy .xls (OLE) or not a workbook at all: the reader says which
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // not a readable zip: the reader's error is clearer
    };
    let mut total: u64 = 0;
    let mut sheets = Vec::new();
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            continue;
        };
        total = total.saturating_add(entry.size());
        let name = entry
            .name()
            .map(|name| name.into_owned())
            .unwrap_or_default();
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            sheets.push(index);
        }
    }
    if total > MAX_UNCOMPRESSED_BYTES {
        return Err(format!(
            "the workbook expands to {} MB of XML, over the limit of {} MB (a damaged or hostile file?): not read",
            total / (1024 * 1024),
            MAX_UNCOMPRESSED_BYTES / (1024 * 1024)
        ));
    }
    for index in sheets {
        let Ok(entry) = archive.by_index(index) else {
            continue;
        };
        let name = entry
            .name()
            .map(|name| name.into_owned())
            .unwrap_or_default();
        let mut head = Vec::new();
        if entry
            .take(DIMENSION_SEARCH_BYTES)
            .read_to_end(&mut head)
            .is_err()
        {
            continue;
        }
        if let Some(cells) = declared_cells(&String::from_utf8_lossy(&head))
            && cells > MAX_SHEET_CELLS
        {
            return Err(format!(
                "{name} declares {cells} cells, over the limit of {MAX_SHEET_CELLS} (split the sheet, or delete its empty rows and columns): not read"
            ));
        }
    }
    Ok(())
}

/// The cell count of the first `<dimension ref="A1:C10"/>` in `xml`, if any.
fn declared_cells(xml: &str) -> Option<u64> {
    let start = xml.find("<dimension")?;
    let tag = &xml[start..];
    let tag = &tag[..tag.find('>')?];
    let reference = tag.split("ref=\"").nth(1)?.split('"').next()?;
    let (first, last) = reference.split_once(':').unwrap_or((reference, reference));
    let (first_row, first_column) = cell_position(first)?;
    let (last_row, last_column) = cell_position(last)?;
    let rows = last_row.checked_sub(first_row)?.checked_add(1)?;
    let columns = last_column.checked_sub(first_column)?.checked_add(1)?;
    rows.checked_mul(columns).or(Some(u64::MAX))
}

/// 1-based (row, column) of a cell reference such as "XFD1048576" or "$B$2".
fn cell_position(reference: &str) -> Option<(u64, u64)> {
    let reference = reference.replace('$', "");
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    let mut column: u64 = 0;
    for letter in letters.chars() {
        if !letter.is_ascii_alphabetic() {
            return None;
        }
        let value = u64::from(letter.to_ascii_uppercase() as u8 - b'A' + 1);
        column = column.checked_mul(26)?.checked_add(value)?;
    }
    let row = digits.parse::<u64>().ok()?;
    Some((row, column.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_count_cells() {
        let cases = [
            ("<dimension ref=\"A1:C10\"/>", Some(30)),
            ("<dimension ref=\"B2\"/>", Some(1)),
            (
                "<dimension ref=\"A1:XFD1048576\"/>",
                Some(16_384 * 1_048_576),
            ),
            ("<sheetData/>", None),
        ];
        for (xml, expected) in cases {
            assert_eq!(declared_cells(xml), expected, "{xml}");
        }
    }
}
