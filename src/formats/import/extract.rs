//! The data rows under a header: each wanted cell read per its column's kind, every cell passed
//! over listed with the reason, formulas without a calculated value summarised per column.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::grid::{Grid, GridCell, column_letters};
use super::header::{self, Header};
use super::value::{NumberNote, decimal_from_float_lossy, parse_number_text_noted};
use super::{CellValue, ColumnKind, ColumnSpec, ImportedCell, ImportedRow, ImportedTable};
use crate::core::limits::MAX_AMOUNT;
use crate::core::money::round_half_away;
use crate::formats::problem::{Location, Problem};

/// Where row `row_index` of `grid` is (`Costs!7:7`, or `line 7` for CSV).
pub fn row_location(grid: &Grid, row_index: usize) -> Location {
    match &grid.csv_lines {
        Some(lines) => Location::Line(lines.get(row_index).copied().unwrap_or(row_index + 1)),
        None => Location::Row {
            sheet: grid.sheet.clone(),
            row: grid.first_row + row_index as u32 + 1,
        },
    }
}

fn row_number(grid: &Grid, row_index: usize) -> u32 {
    match &grid.csv_lines {
        Some(lines) => lines.get(row_index).copied().unwrap_or(row_index + 1) as u32,
        None => grid.first_row + row_index as u32 + 1,
    }
}

fn cell_name(grid: &Grid, row_index: usize, column_index: usize) -> String {
    format!(
        "{}{}",
        column_letters(grid.first_column + column_index as u32),
        row_number(grid, row_index)
    )
}

fn cell_location(grid: &Grid, row_index: usize, column_index: usize) -> Location {
    Location::Cell {
        sheet: grid.sheet.clone(),
        cell: cell_name(grid, row_index, column_index),
    }
}

/// Formulas of one column that carry no calculated value.
struct FormulaRun {
    first: String,
    last: String,
    count: usize,
    example: String,
    cached_zero: bool,
}

/// Reads the rows under `header`.
pub fn extract_rows(grid: &Grid, header: &Header, columns: &[ColumnSpec]) -> ImportedTable {
    let mut table = ImportedTable {
        sheet: grid.sheet.clone(),
        header_location: Some(row_location(grid, header.row)),
        ..ImportedTable::default()
    };
    let header_width = grid.rows[header.row]
        .iter()
        .rposition(|cell| *cell != GridCell::Empty)
        .map_or(0, |last| last + 1);
    let mut formulas: BTreeMap<(usize, bool), FormulaRun> = BTreeMap::new();
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
                    message: format!(
                        "{width} fields where the header has {header_width}: missing fields read as empty"
                    ),
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
        let mut uncalculated = Vec::new();
        for (spec, &column_index) in columns.iter().zip(&header.columns) {
            let Some(column_index) = column_index else {
                continue;
            };
            let cell = row.get(column_index).unwrap_or(&GridCell::Empty);
            if let GridCell::UncachedFormula(formula) | GridCell::ZeroFormula(formula) = cell {
                let cached_zero = matches!(cell, GridCell::ZeroFormula(_));
                let name = cell_name(grid, row_index, column_index);
                let run = formulas
                    .entry((column_index, cached_zero))
                    .or_insert_with(|| FormulaRun {
                        first: name.clone(),
                        last: name.clone(),
                        count: 0,
                        example: formula.clone(),
                        cached_zero,
                    });
                run.last = name;
                run.count += 1;
                uncalculated.push(spec.key);
            }
            let location = cell_location(grid, row_index, column_index);
            if let Some(value) = read_cell(cell, spec, &location, &mut table) {
                cells.insert(spec.key, ImportedCell { location, value });
            }
        }
        table.rows.push(ImportedRow {
            location,
            cells,
            uncalculated,
        });
    }
    for run in formulas.into_values() {
        table.warnings.push(formula_summary(&grid.sheet, &run));
    }
    table
}

/// One line for a column's formulas without a calculated value: the range and the fix.
fn formula_summary(sheet: &str, run: &FormulaRun) -> Problem {
    let cell = if run.first == run.last {
        run.first.clone()
    } else {
        format!("{}:{}", run.first, run.last)
    };
    let what = if run.count == 1 {
        format!("formula ={}", run.example)
    } else {
        format!("{} formulas (={}, ...)", run.count, run.example)
    };
    let message = if run.cached_zero {
        format!(
            "{what} with a cached value of 0: if the file was written by a tool that does not calculate, open and save it in Excel or LibreOffice; read as 0"
        )
    } else {
        format!(
            "{what} without a cached value (the file was saved by a tool that does not calculate): open and save it in Excel or LibreOffice; read as empty"
        )
    };
    Problem {
        location: Location::Cell {
            sheet: sheet.to_string(),
            cell,
        },
        message,
    }
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
        (GridCell::Empty | GridCell::UncachedFormula(_), _) => return None,
        (GridCell::ZeroFormula(_), ColumnKind::Text) => {
            return Some(CellValue::Text("0".to_string()));
        }
        (GridCell::ZeroFormula(_), _) => (Decimal::ZERO, false),
        (GridCell::Error(error), _) => {
            skip(
                table,
                format!("error value {error} in column '{}': cell skipped", spec.key),
            );
            return None;
        }
        (GridCell::Date(value), ColumnKind::Text) => {
            return Some(CellValue::Text(value.to_string()));
        }
        (GridCell::Date(_), _) => {
            skip(
                table,
                format!(
                    "a date-formatted cell in number column '{}' is not an amount or a quantity: cell skipped (format it as a number)",
                    spec.key
                ),
            );
            return None;
        }
        (GridCell::Text(text), ColumnKind::Text) => {
            return Some(CellValue::Text(text.trim().to_string()));
        }
        (GridCell::Number(value), ColumnKind::Text) => {
            return Some(CellValue::Text(value.to_string()));
        }
        (GridCell::Text(text), kind) => match parse_number_text_noted(text) {
            Ok((_, Some(NumberNote::Percent))) if kind != ColumnKind::Percent => {
                skip(
                    table,
                    format!(
                        "'{}' is a percentage in number column '{}': cell skipped",
                        text.trim(),
                        spec.key
                    ),
                );
                return None;
            }
            Ok((number, Some(NumberNote::DecimalComma))) => {
                table.warnings.push(Problem {
                    location: location.clone(),
                    message: format!(
                        "'{}' read as {number} (a decimal comma): check it if the comma groups thousands",
                        text.trim()
                    ),
                });
                (number, false)
            }
            Ok((number, _)) => (number, false),
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
    // No imported number is larger than the largest amount a quote file takes (quantities,
    // hours and months have lower limits, checked where the line is built).
    if value.abs() > MAX_AMOUNT {
        skip(
            table,
            format!(
                "{} in column '{}' is above the limit of 1,000,000,000: cell skipped",
                value.normalize(),
                spec.key
            ),
        );
        return None;
    }
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
