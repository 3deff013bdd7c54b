//! Customer current costs from a spreadsheet or CSV: the tolerant table reader's rows mapped
//! to [`CustomerCosts`], each line remembering its sheet!cell, every skipped row listed with
//! the reason.
//!
//! One table, one row per cost. The `Category` column says what a row is: one of the
//! handbook's categories (see [`CostCategory`]), `Avoided hire`, or `Annual growth`. Without a
//! Category column the category is inferred from the description's words (every inference is
//! listed in `inferred`); a description that names none is skipped, never given a default.
//! Amounts come from `Amount` (+ `Period`), or from `Monthly` and `Annual` columns.
//! - a cost with `Hours per month` and `Cost per hour` is hours x rate;
//! - a `Tax effect` with `Rate %` and `Amount` is rate x amount; otherwise `Amount` per
//!   `Period` (monthly when empty; "annual", "yearly", "per year" for annual amounts);
//! - `Avoidable %` is the share managed services remove (100% when empty, with a warning);
//! - `Avoided hire`: `Amount` = annual salary, `Rate %` = burden, `Recruiting fee`,
//!   `Start month` (1 when empty);
//! - `Annual growth`: `Rate %` (or `Amount`) = growth of current costs per year.

use std::path::Path;

mod mapper;

pub use mapper::costs_from_table;

use super::{
    ColumnKind, ColumnSpec, Layout, ReadOptions, SheetReport, read_layouts, read_layouts_from_bytes,
};
use crate::core::roi::{CostCategory, CostPeriod, CustomerCosts};
use crate::formats::import::report::ImportReport;
use crate::formats::problem::{InputError, Problem};

/// The columns of a customer-costs sheet, most specific first (the reader matches greedily).
pub const CUSTOMER_COST_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "category",
        synonyms: &["category", "cost category", "cost type", "type"],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "description",
        synonyms: &[
            "description",
            "item",
            "name",
            "details",
            "expense",
            "cost item",
            "particulars",
        ],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "rate",
        synonyms: &[
            "cost per hour",
            "rate per hour",
            "hourly rate",
            "loaded hourly rate",
            "loaded rate",
        ],
        required: false,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "hours",
        synonyms: &["hours per month", "hours month", "hours"],
        required: false,
        kind: ColumnKind::Number,
    },
    ColumnSpec {
        key: "recruiting_fee",
        synonyms: &["recruiting fee", "recruiting"],
        required: false,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "start_month",
        synonyms: &["start month", "hire month", "starts in month"],
        required: false,
        kind: ColumnKind::Number,
    },
    ColumnSpec {
        key: "avoidable",
        synonyms: &["avoidable %", "avoidable share", "avoidable"],
        required: false,
        kind: ColumnKind::Percent,
    },
    ColumnSpec {
        key: "percent",
        synonyms: &["rate %", "rate percent", "tax rate", "burden", "growth"],
        required: false,
        kind: ColumnKind::Percent,
    },
    ColumnSpec {
        key: "period",
        synonyms: &["period", "frequency", "billing period"],
        required: false,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "amount",
        synonyms: &[
            "amount",
            "cost",
            "monthly cost",
            "annual cost",
            "salary",
            "value",
        ],
        required: false,
        kind: ColumnKind::Amount,
    },
];

/// The columns of a customer-costs sheet that gives amounts in "Monthly" and "Annual" columns
/// instead of Amount and Period (an ROI workbook's usual shape).
pub const CUSTOMER_COST_PERIOD_COLUMNS: &[ColumnSpec] = &[
    CUSTOMER_COST_COLUMNS[0],
    CUSTOMER_COST_COLUMNS[1],
    CUSTOMER_COST_COLUMNS[2],
    CUSTOMER_COST_COLUMNS[3],
    CUSTOMER_COST_COLUMNS[4],
    CUSTOMER_COST_COLUMNS[5],
    CUSTOMER_COST_COLUMNS[6],
    CUSTOMER_COST_COLUMNS[7],
    ColumnSpec {
        key: "monthly",
        synonyms: &[
            "monthly",
            "per month",
            "monthly amount",
            "monthly total",
            "month",
        ],
        required: false,
        kind: ColumnKind::Amount,
    },
    ColumnSpec {
        key: "annual",
        synonyms: &[
            "annual",
            "annually",
            "per year",
            "yearly",
            "annual amount",
            "annual total",
            "year",
        ],
        required: false,
        kind: ColumnKind::Amount,
    },
];

/// The layouts a customer-costs file is read in: Amount + Period, or Monthly + Annual.
pub const CUSTOMER_COST_LAYOUTS: [Layout<'static>; 2] = [
    Layout {
        columns: CUSTOMER_COST_COLUMNS,
        min_matched: 2,
    },
    Layout {
        columns: CUSTOMER_COST_PERIOD_COLUMNS,
        min_matched: 2,
    },
];

/// The message of a file with a header but no cost rows.
pub const NO_COST_LINES: &str = "no cost lines found";

/// Customer costs read from a table, with everything passed over.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedCosts {
    pub costs: CustomerCosts,
    /// The sheet the rows come from.
    pub sheet: String,
    /// Rows and cells passed over, each located, with the reason.
    pub skipped: Vec<Problem>,
    /// Values read with a caveat; "no cost lines found" for a header-only file.
    pub warnings: Vec<Problem>,
    /// Categories inferred from descriptions (no Category column), one per line, to check.
    pub inferred: Vec<Problem>,
    /// Why the sheet was chosen ("Costs: matched Description, Monthly, Annual").
    pub choice: String,
    /// Every sheet looked at, with its best header.
    pub sheets: Vec<SheetReport>,
    /// Data rows read under the header (used or skipped).
    pub rows: usize,
}

impl ImportedCosts {
    /// Lines taken (cost lines, the avoided hire, the growth rate).
    pub fn taken(&self) -> usize {
        self.costs.lines.len() + usize::from(self.costs.avoided_hire.is_some())
    }

    /// The import's report for `file` (its name as shown): sheet, rows, lines taken, skips,
    /// warnings and inferences.
    pub fn report<'a>(&'a self, file: &'a str) -> ImportReport<'a> {
        ImportReport {
            file,
            choice: &self.choice,
            sheets: &self.sheets,
            rows: self.rows,
            taken: self.taken(),
            skipped: &self.skipped,
            warnings: &self.warnings,
            inferred: &self.inferred,
        }
    }
}

/// Reads customer costs from an xlsx / xlsm / xls / ods / csv file.
///
/// # Errors
/// An [`InputError`] only when the file cannot be read or has no header row with a Category
/// column; a header-only file is not an error (its warnings say "no cost lines found").
pub fn import_customer_costs(path: &Path) -> Result<ImportedCosts, InputError> {
    import_customer_costs_with(path, &ReadOptions::default())
}

/// As [`import_customer_costs`], reading the sheet `options` names, if any.
///
/// # Errors
/// As [`import_customer_costs`], and when the named sheet does not exist.
pub fn import_customer_costs_with(
    path: &Path,
    options: &ReadOptions,
) -> Result<ImportedCosts, InputError> {
    read_layouts(path, &CUSTOMER_COST_LAYOUTS, options).map(costs_from_table)
}

/// As [`import_customer_costs`], from file bytes; `file_name`'s extension tells the format.
///
/// # Errors
/// As [`import_customer_costs`].
pub fn import_customer_costs_from_bytes(
    bytes: &[u8],
    file_name: &str,
) -> Result<ImportedCosts, InputError> {
    read_layouts_from_bytes(
        bytes,
        file_name,
        &CUSTOMER_COST_LAYOUTS,
        &ReadOptions::default(),
    )
    .map(costs_from_table)
}

/// What a row's category cell says it is.
pub(crate) enum RowKind {
    Line(CostCategory),
    AvoidedHire,
    Growth,
}

fn words(text: &str) -> String {
    crate::formats::import::header::normalize(text)
}

fn category_synonyms(category: CostCategory) -> &'static [&'static str] {
    match category {
        CostCategory::InternalStaff => &["staff", "it staff", "internal it staff", "salaries"],
        CostCategory::ConsultantFees => &["consultant", "consultants", "consulting"],
        CostCategory::StaffAugmentation => &["contractors", "temporary staff"],
        CostCategory::Training => &["internal staff training", "training"],
        CostCategory::MileageTravel => &["mileage", "travel", "mileage travel"],
        CostCategory::InternalTools => &[
            "tools",
            "internal tools",
            "hardware software services for internal staff",
        ],
        CostCategory::AffiliateIncidentSupport => {
            &["affiliate remote incident support", "incident support"]
        }
        CostCategory::RecruitingAdvertising => &["recruiting", "advertising"],
        CostCategory::Subscriptions => &["publications", "subscriptions to publications"],
        CostCategory::EmergencySupport => &["emergency"],
        CostCategory::Downtime => &["downtime"],
        CostCategory::EmployeeTimeLost => &["time lost", "lost productivity"],
        CostCategory::Depreciation => &["depreciation of hardware and software"],
        CostCategory::TaxEffect => &["tax", "tax effect opex vs capex", "opex vs capex"],
    }
}

pub(crate) fn row_kind(text: &str) -> Option<RowKind> {
    let text = words(text);
    if ["avoided hire", "new hire", "hire", "delayed hire"].contains(&text.as_str()) {
        return Some(RowKind::AvoidedHire);
    }
    if ["annual growth", "growth", "annual growth %"].contains(&text.as_str()) {
        return Some(RowKind::Growth);
    }
    CostCategory::ALL
        .into_iter()
        .find(|category| {
            words(category.id()) == text
                || words(category.name()) == text
                || category_synonyms(*category)
                    .iter()
                    .any(|synonym| words(synonym) == text)
        })
        .map(RowKind::Line)
}

pub(crate) fn period_of(text: &str) -> Option<CostPeriod> {
    match words(text).as_str() {
        "" | "monthly" | "month" | "per month" | "a month" | "mo" | "m" => {
            Some(CostPeriod::Monthly)
        }
        "annual" | "annually" | "yearly" | "year" | "per year" | "a year" | "yr" | "y" => {
            Some(CostPeriod::Annual)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_cells_are_read_by_id_name_or_synonym() {
        let cases = [
            ("id", "internal_staff", Some(CostCategory::InternalStaff)),
            ("name", "Unplanned downtime", Some(CostCategory::Downtime)),
            (
                "name with punctuation",
                "Tax effect (opex vs capex)",
                Some(CostCategory::TaxEffect),
            ),
            ("synonym", "Consultants", Some(CostCategory::ConsultantFees)),
            (
                "case and spaces",
                "  MILEAGE and Travel ",
                Some(CostCategory::MileageTravel),
            ),
            ("group row", "Direct costs", None),
        ];
        for (name, text, expected) in cases {
            let found = match row_kind(text) {
                Some(RowKind::Line(category)) => Some(category),
                _ => None,
            };
            assert_eq!(found, expected, "case {name}");
        }
        assert!(matches!(
            row_kind("Avoided hire"),
            Some(RowKind::AvoidedHire)
        ));
        assert!(matches!(row_kind("Annual growth"), Some(RowKind::Growth)));
    }

    #[test]
    fn periods_read_tolerantly() {
        let cases = [
            ("", Some(CostPeriod::Monthly)),
            ("Monthly", Some(CostPeriod::Monthly)),
            ("per month", Some(CostPeriod::Monthly)),
            ("Yearly", Some(CostPeriod::Annual)),
            ("per year", Some(CostPeriod::Annual)),
            ("annual", Some(CostPeriod::Annual)),
            ("weekly", None),
        ];
        for (text, expected) in cases {
            assert_eq!(period_of(text), expected, "period '{text}'");
        }
    }
}
