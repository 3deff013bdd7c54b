//! xlsx bytes -> rows of canonical values, through the shared tolerant table reader
//! (`formats::import`): header row anywhere in the first 20 rows, "$1,250.00", 12 or 12%.

use crate::formats::import::{
    CellValue, ColumnKind, ColumnSpec, ImportedRow, read_table_from_bytes,
};
use crate::formats::problem::{Location, Problem};

use super::sheets::{BOOK, Kind, SheetDef, setting_kind};
use super::write::{EXPORTED_NOTES_HEADER, EXPORTED_VALUES_HEADER, NOTES_HEADER};

/// A row read back: canonical values, where each came from, and its notes.
#[derive(Debug, Clone)]
pub struct ReadRow {
    pub values: Vec<String>,
    /// The cell of each value (`None` when the cell was empty).
    pub cells: Vec<Option<Location>>,
    pub location: Location,
    pub notes: String,
    /// The values and notes as exported (hidden columns), when the row was exported.
    pub exported_values: Option<Vec<String>>,
    pub exported_notes: String,
}

impl ReadRow {
    /// The location of value `index`, else of the row.
    pub fn at(&self, index: usize) -> Location {
        self.cells
            .get(index)
            .cloned()
            .flatten()
            .unwrap_or_else(|| self.location.clone())
    }
}

const NOTES_NAMES: &[&str] = &[NOTES_HEADER];
const EXPORTED_VALUES_NAMES: &[&str] = &[EXPORTED_VALUES_HEADER];
const EXPORTED_NOTES_NAMES: &[&str] = &[EXPORTED_NOTES_HEADER];

fn specs(def: &SheetDef) -> Vec<ColumnSpec> {
    let mut specs: Vec<ColumnSpec> = def
        .columns
        .iter()
        .map(|column| ColumnSpec {
            key: column.header(),
            synonyms: column.names,
            required: column.required,
            kind: match column.kind {
                Kind::Number => ColumnKind::Number,
                Kind::Percent => ColumnKind::Percent,
                Kind::Text | Kind::Bool => ColumnKind::Text,
            },
        })
        .collect();
    for (key, synonyms) in [
        (NOTES_HEADER, NOTES_NAMES),
        (EXPORTED_VALUES_HEADER, EXPORTED_VALUES_NAMES),
        (EXPORTED_NOTES_HEADER, EXPORTED_NOTES_NAMES),
    ] {
        specs.push(ColumnSpec {
            key,
            synonyms,
            required: false,
            kind: ColumnKind::Text,
        });
    }
    specs
}

/// The rows of sheet `def`, with every problem found (unreadable cells, skipped rows).
/// A missing optional sheet reads as no rows.
pub fn read_sheet(
    bytes: &[u8],
    file_name: &str,
    def: &SheetDef,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Vec<ReadRow> {
    let table = match read_table_from_bytes(bytes, file_name, &specs(def)) {
        Ok(table) => table,
        Err(error) => {
            if !def.optional {
                problems.extend(error.problems.into_iter().map(|problem| Problem {
                    location: problem.location,
                    message: if problem.message.contains("no sheet has") {
                        format!("sheet '{}': {}", def.name, problem.message)
                    } else {
                        problem.message
                    },
                }));
            }
            return Vec::new();
        }
    };
    problems.extend(table.skipped);
    warnings.extend(table.warnings);
    table
        .rows
        .iter()
        .map(|row| read_row(def, row, problems, warnings))
        .collect()
}

fn read_row(
    def: &SheetDef,
    row: &ImportedRow,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> ReadRow {
    let mut values = Vec::with_capacity(def.columns.len());
    let mut cells = Vec::with_capacity(def.columns.len());
    for (index, column) in def.columns.iter().enumerate() {
        let cell = row.cell(column.header());
        cells.push(cell.map(|cell| cell.location.clone()));
        let kind = if def.name == BOOK.name && index == 1 {
            setting_kind(values.first().map_or("", String::as_str))
        } else {
            column.kind
        };
        let value = cell.map_or(String::new(), |cell| {
            canonical(kind, &cell.value, &cell.location, problems, warnings)
        });
        values.push(value);
    }
    let exported_values = row
        .text(EXPORTED_VALUES_HEADER)
        .and_then(|text| serde_json::from_str::<Vec<String>>(&text).ok());
    ReadRow {
        values,
        cells,
        location: row.location.clone(),
        notes: row.text(NOTES_HEADER).unwrap_or_default(),
        exported_values,
        exported_notes: row.text(EXPORTED_NOTES_HEADER).unwrap_or_default(),
    }
}

/// A cell's value as canonical text for its kind.
fn canonical(
    kind: Kind,
    value: &CellValue,
    location: &Location,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> String {
    let problem = |problems: &mut Vec<Problem>, message: String| {
        problems.push(Problem {
            location: location.clone(),
            message,
        });
    };
    match (kind, value) {
        (Kind::Text, value) => value.text(),
        (Kind::Number | Kind::Percent, CellValue::Number(number)) => number.normalize().to_string(),
        (Kind::Number | Kind::Percent, CellValue::Text(text)) => {
            match crate::formats::import::parse_number_text(text) {
                Ok(number) => {
                    if kind == Kind::Percent
                        && !text.contains('%')
                        && number > rust_decimal::Decimal::ZERO
                        && number < rust_decimal::Decimal::ONE
                    {
                        warnings.push(Problem {
                            location: location.clone(),
                            message: format!(
                                "{text} read as {text}%: write {} or {}% if a fraction was meant",
                                number * rust_decimal::Decimal::ONE_HUNDRED,
                                number * rust_decimal::Decimal::ONE_HUNDRED
                            ),
                        });
                    }
                    number.normalize().to_string()
                }
                Err(_) => {
                    problem(problems, format!("'{}' is not a number", text.trim()));
                    String::new()
                }
            }
        }
        (Kind::Bool, value) => {
            let text = value.text().trim().to_lowercase();
            match text.as_str() {
                "yes" | "y" | "true" | "1" | "x" => "yes".to_string(),
                "no" | "n" | "false" | "0" | "" => "no".to_string(),
                other => {
                    problem(problems, format!("'{other}' is not yes or no"));
                    String::new()
                }
            }
        }
    }
}
