//! Files as grids of cells: every workbook sheet (xlsx, xlsm, xls, ods) or a CSV file.

use std::io::Cursor;

use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};

use super::csv::{Encoding, decode, detect_delimiter, parse_records};

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    Empty,
    Text(String),
    /// A numeric cell (spreadsheets store f64; converted to Decimal later, once).
    Number(f64),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A date- or time-formatted cell, as the sheet shows it ("45292" days: 2024-01-01).
    Date(f64),
    /// A formula whose file carries no cached result.
    UncachedFormula(String),
    /// A formula whose cached result is 0: what tools that do not calculate write.
    ZeroFormula(String),
}

/// One sheet (or CSV file) as rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Sheet name; for CSV the file name.
    pub sheet: String,
    /// Row-major cells; `rows[r][c]` is at absolute row `first_row + r`, column `first_column + c`
    /// (0-based).
    pub rows: Vec<Vec<GridCell>>,
    pub first_row: u32,
    pub first_column: u32,
    /// For CSV: the 1-based line each row starts on.
    pub csv_lines: Option<Vec<usize>>,
    /// Horizontally merged cells, as (row index, first column index, last column index) into
    /// `rows`: a group label spanning several columns of a two-row header.
    pub merged_across: Vec<(usize, usize, usize)>,
}

/// What kind of file the bytes are, from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Workbook,
    Csv,
}

/// The file kind of `file_name`, or `None` for an extension we do not read.
pub fn file_kind(file_name: &str) -> Option<FileKind> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(FileKind::Workbook),
        "csv" | "txt" => Some(FileKind::Csv),
        _ => None,
    }
}

/// Every sheet of a workbook as grids, and a message for each sheet that cannot be read (a
/// chart sheet, malformed XML).
///
/// # Errors
/// calamine's message when the bytes are not a readable workbook.
pub fn workbook_grids(bytes: &[u8]) -> Result<(Vec<Grid>, Vec<String>), String> {
    let mut workbook =
        open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let mut grids = Vec::new();
    let mut unreadable = Vec::new();
    for name in workbook.sheet_names() {
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            // Chart sheets and the like have no cells; a sheet that fails to parse is reported.
            Err(error) => {
                unreadable.push(format!("sheet '{name}' cannot be read: {error}"));
                continue;
            }
        };
        let merges = merged_regions(&mut workbook, &name);
        let formulas = workbook.worksheet_formula(&name).ok();
        let Some((first_row, first_column)) = range.start() else {
            grids.push(Grid {
                sheet: name,
                rows: Vec::new(),
                first_row: 0,
                first_column: 0,
                csv_lines: None,
                merged_across: Vec::new(),
            });
            continue;
        };
        let mut rows: Vec<Vec<GridCell>> = range
            .rows()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, cell)| {
                        let position = (first_row + r as u32, first_column + c as u32);
                        grid_cell(cell, || {
                            formulas
                                .as_ref()
                                .and_then(|f| f.get_value(position))
                                .filter(|formula| !formula.is_empty())
                                .cloned()
                        })
                    })
                    .collect()
            })
            .collect();
        fill_vertical_merges(&mut rows, &merges, first_row, first_column);
        let merged_across = merges
            .iter()
            .filter(|merge| merge.start.0 == merge.end.0 && merge.end.1 > merge.start.1)
            .filter_map(|merge| {
                Some((
                    merge.start.0.checked_sub(first_row)? as usize,
                    merge.start.1.checked_sub(first_column)? as usize,
                    merge.end.1.checked_sub(first_column)? as usize,
                ))
            })
            .collect();
        grids.push(Grid {
            sheet: name,
            rows,
            first_row,
            first_column,
            csv_lines: None,
            merged_across,
        });
    }
    Ok((grids, unreadable))
}

/// The merged regions of sheet `name` (xlsx and xls; none for other formats).
fn merged_regions<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
) -> Vec<Dimensions> {
    match workbook {
        Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Copies the top cell of every vertically merged region (a category cell spanning several
/// rows) down into the rows it covers, so each row reads the category it shows. Horizontal
/// regions are left alone (a group row merged across must stay a group row); the header reader
/// carries a merged group label across by itself.
fn fill_vertical_merges(
    rows: &mut [Vec<GridCell>],
    merges: &[Dimensions],
    first_row: u32,
    first_column: u32,
) {
    for merge in merges {
        let (top, left) = merge.start;
        let (bottom, right) = merge.end;
        let (Some(top), Some(left)) = (top.checked_sub(first_row), left.checked_sub(first_column))
        else {
            continue;
        };
        let (bottom, right) = (
            bottom - first_row.min(bottom),
            right - first_column.min(right),
        );
        let (top, left, bottom, right) =
            (top as usize, left as usize, bottom as usize, right as usize);
        let Some(value) = rows.get(top).and_then(|row| row.get(left)).cloned() else {
            continue;
        };
        if value == GridCell::Empty {
            continue;
        }
        if bottom == top {
            continue;
        }
        for row in rows.iter_mut().take(bottom + 1).skip(top) {
            for cell in row.iter_mut().take(right + 1).skip(left) {
                if *cell == GridCell::Empty {
                    *cell = value.clone();
                }
            }
        }
    }
}

fn grid_cell(cell: &Data, formula_at: impl Fn() -> Option<String>) -> GridCell {
    match cell {
        Data::Empty => match formula_at() {
            Some(formula) => GridCell::UncachedFormula(formula),
            None => GridCell::Empty,
        },
        Data::String(text) if text.trim().is_empty() => GridCell::Empty,
        Data::String(text) => GridCell::Text(escape_controls(text)),
        Data::Int(0) => zero_or_formula(formula_at()),
        Data::Float(value) if *value == 0.0 => zero_or_formula(formula_at()),
        Data::Int(value) => GridCell::Number(*value as f64),
        Data::Float(value) => GridCell::Number(*value),
        Data::Bool(value) => GridCell::Text(value.to_string()),
        Data::DateTime(value) => GridCell::Date(value.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => GridCell::Text(escape_controls(text)),
        Data::Error(error) => GridCell::Error(error.to_string()),
    }
}

fn zero_or_formula(formula: Option<String>) -> GridCell {
    match formula {
        Some(formula) => GridCell::ZeroFormula(formula),
        None => GridCell::Number(0.0),
    }
}

/// Text with control characters (terminal escape sequences and the like) written as visible
/// escapes (`\u{1b}`), so printing a cell never drives the terminal; tabs and line breaks stay.
pub fn escape_controls(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' && c != '\r' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A CSV file as one grid, and how its bytes were decoded.
pub fn csv_grid(bytes: &[u8], file_name: &str) -> (Grid, Encoding) {
    let (text, encoding) = decode(bytes);
    let records = parse_records(&text, detect_delimiter(&text));
    let csv_lines = records.iter().map(|record| record.line).collect();
    let rows = records
        .into_iter()
        .map(|record| {
            record
                .fields
                .into_iter()
                .map(|field| {
                    if field.trim().is_empty() {
                        GridCell::Empty
                    } else {
                        GridCell::Text(escape_controls(&field))
                    }
                })
                .collect()
        })
        .collect();
    (
        Grid {
            sheet: file_name.to_string(),
            rows,
            first_row: 0,
            first_column: 0,
            csv_lines: Some(csv_lines),
            merged_across: Vec::new(),
        },
        encoding,
    )
}

/// Spreadsheet column letters for a 0-based column (0 -> A, 26 -> AA).
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_spreadsheets() {
        let cases = [
            (0, "A"),
            (2, "C"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (column, letters) in cases {
            assert_eq!(column_letters(column), letters, "column {column}");
        }
    }

    #[test]
    fn file_kinds_by_extension() {
        assert_eq!(file_kind("costs.XLSX"), Some(FileKind::Workbook));
        assert_eq!(file_kind("costs.ods"), Some(FileKind::Workbook));
        assert_eq!(file_kind("costs.csv"), Some(FileKind::Csv));
        assert_eq!(file_kind("costs.pdf"), None);
        assert_eq!(file_kind("costs"), None);
    }
}
