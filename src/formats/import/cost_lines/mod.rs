//! Cost lines from a spreadsheet or CSV: the tolerant table reader's rows mapped to the cost
//! analysis's hardware, software, affiliate and labour lines. Two layouts are read: one row per
//! line (a Category column, or categories inferred from descriptions and listed), and a
//! per-device inventory (see [`super::inventory`]). Every line keeps the sheet row or cell it
//! came from; every row or cell that cannot be used is reported with its location.

pub(crate) mod labour;
mod rows;

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

pub use labour::{LabourPricing, RoleCost};

use super::inventory::{INVENTORY_COLUMNS, InventorySummary, inventory_from_table};
use super::{
    ColumnKind, ColumnSpec, ImportedTable, Layout, ReadOptions, SheetReport, read_layouts,
    read_layouts_from_bytes,
};
use crate::core::cost::{AffiliateLine, CostAnalysis, HardwareLine, LabourLine, SoftwareLine};
use crate::formats::import::report::ImportReport;
use crate::formats::problem::{InputError, Problem};

/// The columns a cost-line sheet may have; the first synonym of each is the template's header.
pub const COST_LINE_SPECS: [ColumnSpec; 9] = [
    ColumnSpec {
        key: "category",
        synonyms: &[
            "category",
            "cost category",
            "type",
            "cost type",
            "kind",
            "class",
        ],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "description",
        synonyms: &[
            "description",
            "item",
            "item description",
            "name",
            "product",
            "component",
            "service",
            "line item",
        ],
        required: true,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "quantity",
        synonyms: &[
            "quantity",
            "qty",
            "units",
            "count",
            "no",
            "incidents per month",
        ],
        required: false,
        kind: ColumnKind::Number,
    },
    ColumnSpec {
        key: "unit_cost",
        synonyms: &[
            "unit cost",
            "cost per unit",
            "unit price",
            "cost",
            "price",
            "monthly cost",
            "amount",
            "sell price",
        ],
        required: true,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "billing",
        synonyms: &["billing", "acquisition", "frequency", "billed", "payment"],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "per",
        synonyms: &["per", "basis", "counted by", "licensed per"],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "apr",
        synonyms: &["apr %", "apr", "interest rate", "lease rate"],
        required: false,
        kind: ColumnKind::Percent,
    },
    ColumnSpec {
        key: "months",
        synonyms: &["lease months", "months", "lease term", "term months"],
        required: false,
        kind: ColumnKind::Number,
    },
    ColumnSpec {
        key: "royalty",
        synonyms: &["royalty %", "royalty", "commission %", "commission"],
        required: false,
        kind: ColumnKind::Percent,
    },
];

/// The long layout: [`COST_LINE_SPECS`] plus labour hours and a role.
pub const COST_LINE_LAYOUT: [ColumnSpec; 11] = [
    COST_LINE_SPECS[0],
    COST_LINE_SPECS[1],
    COST_LINE_SPECS[2],
    COST_LINE_SPECS[3],
    COST_LINE_SPECS[4],
    COST_LINE_SPECS[5],
    COST_LINE_SPECS[6],
    COST_LINE_SPECS[7],
    COST_LINE_SPECS[8],
    ColumnSpec {
        key: "hours",
        synonyms: &[
            "hours per month",
            "hours",
            "labour hours",
            "labor hours",
            "hrs",
        ],
        required: false,
        kind: ColumnKind::Number,
    },
    ColumnSpec {
        key: "role",
        synonyms: &["role", "labour role", "labor role", "staff role"],
        required: false,
        kind: ColumnKind::Text,
    },
];

/// The layouts a cost-lines file is read in: one row per line, or one row per device.
pub const COST_LAYOUTS: [Layout<'static>; 2] = [
    Layout {
        columns: &COST_LINE_LAYOUT,
        min_matched: 2,
    },
    Layout {
        columns: &INVENTORY_COLUMNS,
        min_matched: 3,
    },
];

/// How to import cost lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostImportOptions {
    pub read: ReadOptions,
    /// The roles labour hours are priced at (the quote's hourly costs); without them, labour
    /// given as a cost (or hours at a sheet's Rate) is skipped with the reason.
    pub labour: Option<LabourPricing>,
    /// Device types mapped to the book's kinds by hand ("laptop" -> "workstation"), before
    /// the built-in mapping.
    pub kind_map: BTreeMap<String, String>,
}

/// Cost lines read from a file, and what could not be used.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedCostLines {
    /// The sheet the lines come from.
    pub sheet: String,
    pub hardware: Vec<HardwareLine>,
    pub software: Vec<SoftwareLine>,
    pub affiliates: Vec<AffiliateLine>,
    pub labour: Vec<LabourLine>,
    /// Rows and cells not used, each with its location and reason.
    pub skipped: Vec<Problem>,
    /// Values used with a caveat.
    pub warnings: Vec<Problem>,
    /// Categories inferred from descriptions (no Category column), to check.
    pub inferred: Vec<Problem>,
    /// Why the sheet was chosen ("Devices: matched Hardware, Software, Affiliate, Labour hrs").
    pub choice: String,
    /// Every sheet looked at, with its best header.
    pub sheets: Vec<SheetReport>,
    /// Data rows read under the header (used or skipped).
    pub rows: usize,
    /// For a per-device inventory: the devices by kind and the type mapping used.
    pub inventory: Option<InventorySummary>,
}

impl ImportedCostLines {
    /// Number of lines imported.
    pub fn line_count(&self) -> usize {
        self.hardware.len() + self.software.len() + self.affiliates.len() + self.labour.len()
    }

    /// The import's report for `file` (its name as shown): sheet, rows, lines taken, skips,
    /// warnings and inferences.
    pub fn report<'a>(&'a self, file: &'a str) -> ImportReport<'a> {
        ImportReport {
            file,
            choice: &self.choice,
            sheets: &self.sheets,
            rows: self.rows,
            taken: self.line_count(),
            skipped: &self.skipped,
            warnings: &self.warnings,
            inferred: &self.inferred,
        }
    }

    /// Appends the lines to `analysis`.
    pub fn append_to(&self, analysis: &mut CostAnalysis) {
        analysis.hardware.extend(self.hardware.iter().cloned());
        analysis.software.extend(self.software.iter().cloned());
        analysis.affiliates.extend(self.affiliates.iter().cloned());
        analysis.labour.extra.extend(self.labour.iter().cloned());
    }

    /// The monthly money of the imported lines as the sheet states it, by category, before the
    /// analysis spreads purchases or prices hours: (hardware, software, affiliates).
    pub fn stated_totals(&self) -> (Decimal, Decimal, Decimal) {
        let hardware = self
            .hardware
            .iter()
            .map(|line| line.unit_cost * Decimal::from(line.quantity))
            .sum();
        let software = self
            .software
            .iter()
            .map(|line| line.unit_cost * Decimal::from(line.quantity.unwrap_or(1)))
            .sum();
        let affiliates = self
            .affiliates
            .iter()
            .map(|line| match &line.model {
                crate::core::cost::AffiliateModel::DeviceBased {
                    unit_cost,
                    quantity,
                    ..
                }
                | crate::core::cost::AffiliateModel::UserBased {
                    unit_cost,
                    quantity,
                    ..
                } => *unit_cost * Decimal::from(quantity.unwrap_or(1)),
                _ => Decimal::ZERO,
            })
            .sum();
        (hardware, software, affiliates)
    }
}

/// Reads the cost lines of a workbook (xlsx, xlsm, xls, ods) or CSV file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read or no sheet has a header row of either
/// layout (the error names the sheets looked at and the best header found).
pub fn import_cost_lines(path: &Path) -> Result<ImportedCostLines, InputError> {
    import_cost_lines_with(path, &CostImportOptions::default())
}

/// As [`import_cost_lines`], with the sheet, labour pricing and kind mapping of `options`.
///
/// # Errors
/// As [`import_cost_lines`], and when the named sheet does not exist.
pub fn import_cost_lines_with(
    path: &Path,
    options: &CostImportOptions,
) -> Result<ImportedCostLines, InputError> {
    let table = read_layouts(path, &COST_LAYOUTS, &options.read)?;
    Ok(cost_lines_with(table, options))
}

/// As [`import_cost_lines_with`], from file bytes; `file_name`'s extension tells the format.
///
/// # Errors
/// As [`import_cost_lines`].
pub fn import_cost_lines_from_bytes(
    bytes: &[u8],
    file_name: &str,
    options: &CostImportOptions,
) -> Result<ImportedCostLines, InputError> {
    let table = read_layouts_from_bytes(bytes, file_name, &COST_LAYOUTS, &options.read)?;
    Ok(cost_lines_with(table, options))
}

/// Maps the rows of a table read with [`COST_LINE_SPECS`] (or the long layout) to cost lines.
pub fn cost_lines_from_table(table: ImportedTable) -> ImportedCostLines {
    rows::long_lines(table, &CostImportOptions::default())
}

/// Maps a table read with [`COST_LAYOUTS`] to cost lines, per the layout it matched.
pub fn cost_lines_with(table: ImportedTable, options: &CostImportOptions) -> ImportedCostLines {
    if table.layout == 1 {
        inventory_from_table(table, options)
    } else {
        rows::long_lines(table, options)
    }
}

#[cfg(test)]
mod tests {
    use super::rows::{RowCategory, category_of};
    use super::*;
    use crate::formats::xlsx::template::COST_LINE_COLUMNS;

    #[test]
    fn template_headers_are_the_specs_first_names() {
        assert_eq!(COST_LINE_COLUMNS.len(), COST_LINE_SPECS.len());
        for (header, spec) in COST_LINE_COLUMNS.iter().zip(&COST_LINE_SPECS) {
            assert!(
                super::super::header::header_matches(header, &spec.synonyms[..1]),
                "{header} vs {}",
                spec.key
            );
        }
    }

    #[test]
    fn categories_are_read_loosely() {
        let cases = [
            ("Hardware", Some(RowCategory::Hardware)),
            ("SOFTWARE licence", Some(RowCategory::Software)),
            ("affiliate-incident", Some(RowCategory::Incident)),
            ("Agent fee", Some(RowCategory::AgentFee)),
            ("Affiliate services", Some(RowCategory::Affiliate)),
            ("snacks", None),
        ];
        for (text, expected) in cases {
            assert_eq!(category_of(text), expected, "{text}");
        }
    }
}
