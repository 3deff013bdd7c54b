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

pub mod cost_file;
pub mod cost_lines;
mod csv;
pub mod customer_costs;
mod extract;
mod grid;
mod header;
mod infer;
pub mod inventory;
mod limits;
pub mod report;
mod value;

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

pub use grid::column_letters;
pub use header::Layout;
pub use limits::{MAX_SHEET_CELLS, MAX_UNCOMPRESSED_BYTES};
pub use value::{NumberNote, decimal_from_float_lossy, parse_number_text, parse_number_text_noted};

use crate::formats::problem::{InputError, Location, Problem};
use csv::Encoding;
use grid::{FileKind, csv_grid, file_kind, workbook_grids};

/// Largest import file read (the shared spreadsheet limit, 64 MiB).
pub const MAX_IMPORT_FILE_BYTES: u64 = crate::formats::SPREADSHEET_SIZE_LIMIT;

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
    /// Column keys whose cell is a formula the file holds no calculated value for (empty, or
    /// a cached 0 written by a tool that does not calculate): a caller may compute the value
    /// from the row's inputs instead, and say so.
    pub uncalculated: Vec<&'static str>,
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

/// What one sheet's best header row matched, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SheetReport {
    pub sheet: String,
    /// The header row found, if any column matched.
    pub header: Option<Location>,
    /// The header texts matched ("Hardware", "Labour hrs").
    pub matched: Vec<String>,
    /// Required columns it lacks.
    pub missing: Vec<String>,
}

impl std::fmt::Display for SheetReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.header {
            None => write!(f, "{} (no matching header)", self.sheet),
            Some(header) => {
                write!(
                    f,
                    "{} (best header {header}: {}",
                    self.sheet,
                    self.matched.join(", ")
                )?;
                if !self.missing.is_empty() {
                    write!(f, "; missing {}", self.missing.join(", "))?;
                }
                f.write_str(")")
            }
        }
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
    /// Which of the caller's layouts the chosen header matched (0 for a single layout).
    pub layout: usize,
    /// The header texts the chosen sheet matched.
    pub matched: Vec<String>,
    /// The keys of the columns found, in the layout's order.
    pub keys: Vec<&'static str>,
    /// Every sheet looked at, with its best header.
    pub sheets: Vec<SheetReport>,
}

impl ImportedTable {
    /// Why this sheet was chosen: "Devices: matched Hardware, Software, Affiliate, Labour hrs".
    pub fn choice(&self) -> String {
        format!("{}: matched {}", self.sheet, self.matched.join(", "))
    }
}

/// How to read a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// Read this sheet (by name, case and punctuation folded) instead of the best-scoring one.
    pub sheet: Option<String>,
}

/// Reads an import file's bytes through the shared reader: regular files only, at most
/// [`MAX_IMPORT_FILE_BYTES`].
///
/// # Errors
/// An [`InputError`] naming the file and the reason.
pub fn read_file_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    crate::formats::read_input_file(path, MAX_IMPORT_FILE_BYTES)
}

/// The file name of `path` (for messages and CSV sheet names).
fn file_name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Reads the table of `columns` from a file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read, is of an unknown kind, is not a readable
/// workbook, is over the size limits, or no sheet has a header row with the required columns
/// (the error names the sheets looked at and the best header found).
pub fn read_table(path: &Path, columns: &[ColumnSpec]) -> Result<ImportedTable, InputError> {
    read_layouts(
        path,
        &[Layout {
            columns,
            min_matched: 1,
        }],
        &ReadOptions::default(),
    )
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
    read_layouts_from_bytes(
        bytes,
        file_name,
        &[Layout {
            columns,
            min_matched: 1,
        }],
        &ReadOptions::default(),
    )
}

/// Reads whichever of `layouts` the file's best sheet matches (see [`read_layouts_from_bytes`]).
///
/// # Errors
/// As [`read_table`].
pub fn read_layouts(
    path: &Path,
    layouts: &[Layout<'_>],
    options: &ReadOptions,
) -> Result<ImportedTable, InputError> {
    let bytes = read_file_bytes(path)?;
    read_layouts_from_bytes(&bytes, &file_name_of(path), layouts, options).map_err(|mut error| {
        error.source_name = path.display().to_string();
        error
    })
}

/// Scores every sheet's first [`HEADER_SEARCH_ROWS`] rows against every layout and reads the
/// best usable header's rows (or the sheet `options` names). `ImportedTable::layout` says
/// which layout won, `sheets` what every sheet matched.
///
/// # Errors
/// As [`read_table`].
pub fn read_layouts_from_bytes(
    bytes: &[u8],
    file_name: &str,
    layouts: &[Layout<'_>],
    options: &ReadOptions,
) -> Result<ImportedTable, InputError> {
    let fail = |message: String| InputError::single(file_name, Location::Whole, message);
    let mut warnings = Vec::new();
    let grids = match file_kind(file_name) {
        Some(FileKind::Workbook) => {
            limits::check_workbook_limits(bytes).map_err(fail)?;
            let (grids, unreadable) = workbook_grids(bytes)
                .map_err(|error| fail(format!("not a readable workbook: {error}")))?;
            warnings.extend(unreadable.into_iter().map(|message| Problem {
                location: Location::Whole,
                message,
            }));
            grids
        }
        Some(FileKind::Csv) => {
            let (grid, encoding) = csv_grid(bytes, file_name);
            let note = match encoding {
                Encoding::Utf8 => None,
                Encoding::Utf8Lossy => Some("not valid UTF-8: unreadable characters were replaced"),
                Encoding::Utf16 => Some("UTF-16 text (byte-order mark): decoded"),
            };
            if let Some(note) = note {
                warnings.push(Problem {
                    location: Location::Whole,
                    message: note.to_string(),
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
    if let Some(wanted) = &options.sheet
        && !grids
            .iter()
            .any(|grid| header::normalize(&grid.sheet) == header::normalize(wanted))
    {
        let names: Vec<&str> = grids.iter().map(|grid| grid.sheet.as_str()).collect();
        return Err(fail(format!(
            "no sheet named '{wanted}' (the sheets: {})",
            names.join(", ")
        )));
    }
    let (winner, scores) = header::best_sheet(&grids, layouts, options.sheet.as_deref());
    let sheets: Vec<SheetReport> = scores
        .iter()
        .map(|score| {
            let grid = grids.iter().find(|grid| grid.sheet == score.sheet);
            SheetReport {
                sheet: score.sheet.clone(),
                header: score
                    .row
                    .zip(grid)
                    .map(|(row, grid)| extract::row_location(grid, row)),
                matched: score.matched.clone(),
                missing: score.missing.iter().map(ToString::to_string).collect(),
            }
        })
        .collect();
    let Some((grid_index, layout, header)) = winner else {
        let first_columns = layouts
            .first()
            .map(|layout| layout.columns)
            .unwrap_or_default();
        let mut required: Vec<&str> = first_columns
            .iter()
            .filter(|column| column.required)
            .map(|column| column.synonyms.first().copied().unwrap_or(column.key))
            .collect();
        if required.is_empty() {
            // Nothing is required on its own: name the first columns looked for.
            required = first_columns
                .iter()
                .take(4)
                .map(|column| column.synonyms.first().copied().unwrap_or(column.key))
                .collect();
            required.insert(0, "at least two of");
        }
        let looked: Vec<String> = sheets
            .iter()
            .map(ToString::to_string)
            .chain(warnings.iter().map(|problem| problem.message.clone()))
            .collect();
        return Err(fail(format!(
            "no sheet has a header row with the columns {} in its first {HEADER_SEARCH_ROWS} rows; sheets looked at: {}",
            required.join(", ").replacen("of, ", "of ", 1),
            if looked.is_empty() {
                "none (the file is empty)".to_string()
            } else {
                looked.join("; ")
            }
        )));
    };
    let grid = &grids[grid_index];
    let columns = layouts[layout].columns;
    let mut table = extract::extract_rows(grid, &header, columns);
    warnings.append(&mut table.warnings);
    table.warnings = warnings;
    table.layout = layout;
    table.matched = header.names.iter().flatten().cloned().collect();
    table.keys = columns
        .iter()
        .zip(&header.columns)
        .filter(|(_, column)| column.is_some())
        .map(|(spec, _)| spec.key)
        .collect();
    table.sheets = sheets;
    Ok(table)
}
