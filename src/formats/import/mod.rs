//! The tolerant table importer shared by the cost analysis and the customer costs.
//!
//! Reads xlsx / xlsm / xls / ods (calamine) and CSV, finds the header row anywhere in the
//! first 20 rows of the best-matching sheet, matches header names case-insensitively against
//! each column's synonyms, and returns the data rows with every cell's location. Nothing is
//! dropped silently: blank rows are passed over, but group rows, total rows, unreadable cells
//! ("N/A", "--", `#DIV/0!`) and malformed CSV rows are listed in `skipped` with the reason;
//! formula cells without a cached value and rounded amounts are listed in `warnings`.
//!
//! Callers map [`ImportedRow`]s to their own domain lines (`cost_lines`, `customer_costs`).

pub mod cost_lines;
mod csv;
pub mod customer_costs;
mod grid;
mod header;
mod value;

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

pub use grid::column_letters;
pub use value::{decimal_from_float_lossy, parse_number_text};

use crate::core::money::round_half_away;
use crate::formats::problem::{InputError, Location, Problem};
use grid::{FileKind, Grid, GridCell, csv_grid, file_kind, workbook_grids};

/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Free text.
    Text,
    /// Money: rounded half away from zero to the cent, with a warning, when it has more places.
    Amount,
    /// Any number (quantities, hours, months).
    Number,
    /// A percentage 0-100: "25%" and 25 read as 25; a numeric cell from 0 to 1 (a cell formatted
    /// as a percentage stores 0.25) is read as a fraction, with a warning.
    Percent,
}

/// A column the caller wants, and the header names that mean it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The caller's key for the column ("amount").
    pub key: &'static str,
    /// Header names, compared case-insensitively with punctuation folded ("monthly cost",
    /// "amount"); a header also matches when it starts with a synonym's words ("Amount (USD)").
    pub synonyms: &'static [&'static str],
    /// A sheet whose header lacks a required column is not a match.
    pub required: bool,
    pub kind: ColumnKind,
}

/// A value read from a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    Text(String),
    Number(Decimal),
}

impl CellValue {
    /// The number, if the value is one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            CellValue::Number(value) => Some(*value),
            CellValue::Text(_) => None,
        }
    }

    /// The value as text (numbers in their plain form).
    pub fn text(&self) -> String {
        match self {
            CellValue::Text(text) => text.clone(),
            CellValue::Number(value) => value.normalize().to_string(),
        }
    }
}

/// A cell value and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedCell {
    pub location: Location,
    pub value: CellValue,
}

/// A data row: the readable cells of the wanted columns, by column key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    /// The row (`Costs!7:7`, or `line 7` for CSV).
    pub location: Location,
    pub cells: BTreeMap<&'static str, ImportedCell>,
}

impl ImportedRow {
    /// The cell of `key`, if it was present and readable.
    pub fn cell(&self, key: &str) -> Option<&ImportedCell> {
        self.cells.get(key)
    }

    /// The number in column `key`, if present and readable.
    pub fn number(&self, key: &str) -> Option<Decimal> {
        self.cell(key).and_then(|cell| cell.value.number())
    }

    /// The text in column `key` (numbers as text), if present.
    pub fn text(&self, key: &str) -> Option<String> {
        self.cell(key).map(|cell| cell.value.text())
    }
}

/// What an import found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedTable {
    /// The sheet the rows come from (for CSV, the file name).
    pub sheet: String,
    /// Where the header row was found.
    pub header_location: Option<Location>,
    pub rows: Vec<ImportedRow>,
    /// Rows and cells passed over, each with the reason.
    pub skipped: Vec<Problem>,
    /// Values read with a caveat (uncached formulas, rounded amounts, fractions as percents).
    pub warnings: Vec<Problem>,
}

/// Reads the table of `columns` from a file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read, is of an unknown kind, is not a readable
/// workbook, or no sheet has a header row with the required columns (the error names them).
pub fn read_table(path: &Path, columns: &[ColumnSpec]) -> Result<ImportedTable, InputError> {
    let name = path.display().to_string();
    let bytes = crate::formats::read_input_file(path, crate::formats::SPREADSHEET_SIZE_LIMIT)?;
    let file_name = path
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    read_table_from_bytes(&bytes, &file_name, columns).map_err(|mut error| {
        error.source_name = name;
        error
    })
}

/// Reads the table of `columns` from file bytes; `file_name`'s extension tells the format.
///
/// # Errors
/// As [`read_table`].
pub fn read_table_from_bytes(
    bytes: &[u8],
    file_name: &str,
    columns: &[ColumnSpec],
) -> Result<ImportedTable, InputError> {
    let fail = |message: String| InputError::single(file_name, Location::Whole, message);
    let mut warnings = Vec::new();
    let grids = match file_kind(file_name) {
        Some(FileKind::Workbook) => workbook_grids(bytes)
            .map_err(|error| fail(format!("not a readable workbook: {error}")))?,
        Some(FileKind::Csv) => {
            let (grid, lossy) = csv_grid(bytes, file_name);
            if lossy {
                warnings.push(Problem {
                    location: Location::Whole,
                    message: "not valid UTF-8: unreadable characters were replaced".to_string(),
                });
            }
            vec![grid]
        }
        None => {
            return Err(fail(
                "unknown file type: use .xlsx, .xlsm, .xls, .ods or .csv".to_string(),
            ));
        }
    };
    let Some((grid, header)) = header::best_sheet(&grids, columns) else {
        let required: Vec<&str> = columns
            .iter()
            .filter(|column| column.required)
            .map(|column| column.synonyms.first().copied().unwrap_or(column.key))
            .collect();
        return Err(fail(format!(
            "no sheet has a header row with the columns {} in its first {HEADER_SEARCH_ROWS} rows",
            required.join(", ")
        )));
    };
    let mut table = extract_rows(grid, &header, columns);
    warnings.append(&mut table.warnings);
    table.warnings = warnings;
    Ok(table)
}

fn row_location(grid: &Grid, row_index: usize) -> Location {
    match &grid.csv_lines {
        Some(lines) => Location::Line(lines.get(row_index).copied().unwrap_or(row_index + 1)),
        None => Location::Row {
            sheet: grid.sheet.clone(),
            row: grid.first_row + row_index as u32 + 1,
        },
    }
}

fn cell_location(grid: &Grid, row_index: usize, column_index: usize) -> Location {
    let row = match &grid.csv_lines {
        Some(lines) => lines.get(row_index).copied().unwrap_or(row_index + 1) as u32,
        None => grid.first_row + row_index as u32 + 1,
    };
    Location::Cell {
        sheet: grid.sheet.clone(),
        cell: format!(
            "{}{row}",
            column_letters(grid.first_column + column_index as u32)
        ),
    }
}

fn extract_rows(grid: &Grid, header: &header::Header, columns: &[ColumnSpec]) -> ImportedTable {
    let mut table = ImportedTable {
        sheet: grid.sheet.clone(),
        header_location: Some(row_location(grid, header.row)),
        ..ImportedTable::default()
    };
    let header_width = grid.rows[header.row]
        .iter()
        .rposition(|cell| *cell != GridCell::Empty)
        .map_or(0, |last| last + 1);
    for (row_index, row) in grid.rows.iter().enumerate().skip(header.row + 1) {
        if row.iter().all(|cell| *cell == GridCell::Empty) {
            continue;
        }
        let location = row_location(grid, row_index);
        if grid.csv_lines.is_some() {
            let width = row.len();
            if width > header_width {
                table.skipped.push(Problem {
                    location,
                    message: format!(
                        "{width} fields where the header has {header_width} (an unquoted delimiter inside a value?): row skipped"
                    ),
                });
                continue;
            }
            if width < header_width {
                table.warnings.push(Problem {
                    location: location.clone(),
                    message: format!("{width} fields where the header has {header_width}: missing fields read as empty"),
                });
            }
        }
        if let Some(reason) = header::non_data_row(row, header, columns) {
            table.skipped.push(Problem {
                location,
                message: reason,
            });
            continue;
        }
        let mut cells = BTreeMap::new();
        for (spec, &column_index) in columns.iter().zip(&header.columns) {
            let Some(column_index) = column_index else {
                continue;
            };
            let cell = row.get(column_index).unwrap_or(&GridCell::Empty);
            let location = cell_location(grid, row_index, column_index);
            if let Some(value) = read_cell(cell, spec, &location, &mut table) {
                cells.insert(spec.key, ImportedCell { location, value });
            }
        }
        table.rows.push(ImportedRow { location, cells });
    }
    table
}

/// Reads one cell per its column's kind; unreadable cells are listed in `skipped`.
fn read_cell(
    cell: &GridCell,
    spec: &ColumnSpec,
    location: &Location,
    table: &mut ImportedTable,
) -> Option<CellValue> {
    let skip = |table: &mut ImportedTable, message: String| {
        table.skipped.push(Problem {
            location: location.clone(),
            message,
        });
    };
    let number = match (cell, spec.kind) {
        (GridCell::Empty, _) => return None,
        (GridCell::UncachedFormula(formula), _) => {
            table.warnings.push(Problem {
                location: location.clone(),
                message: format!(
                    "formula ={formula} has no cached value (the file was saved by a tool that does not calculate): open and save it in Excel or LibreOffice; cell read as empty"
                ),
            });
            return None;
        }
        (GridCell::ZeroFormula(formula), kind) => {
            table.warnings.push(Problem {
                location: location.clone(),
                message: format!(
                    "formula ={formula} has a cached value of 0: if the file was written by a tool that does not calculate, open and save it in Excel or LibreOffice"
                ),
            });
            if kind == ColumnKind::Text {
                return Some(CellValue::Text("0".to_string()));
            }
            (Decimal::ZERO, false)
        }
        (GridCell::Error(error), _) => {
            skip(
                table,
                format!("error value {error} in column '{}': cell skipped", spec.key),
            );
            return None;
        }
        (GridCell::Text(text), ColumnKind::Text) => {
            return Some(CellValue::Text(text.trim().to_string()));
        }
        (GridCell::Number(value), ColumnKind::Text) => {
            return Some(CellValue::Text(value.to_string()));
        }
        (GridCell::Text(text), _) => match parse_number_text(text) {
            Ok(number) => (number, false),
            Err(_) => {
                skip(
                    table,
                    format!(
                        "'{}' in number column '{}' is not a number: cell skipped",
                        text.trim(),
                        spec.key
                    ),
                );
                return None;
            }
        },
        (GridCell::Number(value), _) => match decimal_from_float_lossy(*value) {
            Ok(number) => (number, true),
            Err(error) => {
                skip(
                    table,
                    format!("'{}' is out of range: cell skipped", error.text),
                );
                return None;
            }
        },
    };
    let (mut value, from_numeric_cell) = number;
    let mut warn = |message: String| {
        table.warnings.push(Problem {
            location: location.clone(),
            message,
        });
    };
    match spec.kind {
        ColumnKind::Amount if value.normalize().scale() > 2 => {
            let rounded = round_half_away(value, 2);
            warn(format!("{value} has more than cents: read as {rounded}"));
            value = rounded;
        }
        ColumnKind::Percent
            if from_numeric_cell && value > Decimal::ZERO && value <= Decimal::ONE =>
        {
            let percent = value * Decimal::ONE_HUNDRED;
            warn(format!(
                "{value} read as a fraction: {}%",
                percent.normalize()
            ));
            value = percent;
        }
        _ => {}
    }
    Some(CellValue::Number(value))
}
