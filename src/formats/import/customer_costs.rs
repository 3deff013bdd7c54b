//! Customer current costs from a spreadsheet or CSV: the tolerant table reader's rows mapped
//! to [`CustomerCosts`], each line remembering its sheet!cell, every skipped row listed with
//! the reason.
//!
//! One table, one row per cost. The `Category` column says what a row is: one of the
//! handbook's categories (see [`CostCategory`]), `Avoided hire`, or `Annual growth`.
//! - a cost with `Hours per month` and `Cost per hour` is hours x rate;
//! - a `Tax effect` with `Rate %` and `Amount` is rate x amount; otherwise `Amount` per
//!   `Period` (monthly when empty; "annual", "yearly", "per year" for annual amounts);
//! - `Avoidable %` is the share managed services remove (100% when empty, with a warning);
//! - `Avoided hire`: `Amount` = annual salary, `Rate %` = burden, `Recruiting fee`,
//!   `Start month` (1 when empty);
//! - `Annual growth`: `Rate %` (or `Amount`) = growth of current costs per year.

use std::path::Path;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{
    ColumnKind, ColumnSpec, ImportedRow, ImportedTable, read_table, read_table_from_bytes,
};
use crate::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts,
};
use crate::formats::problem::{InputError, Location, Problem};

/// The columns of a customer-costs sheet, most specific first (the reader matches greedily).
pub const CUSTOMER_COST_COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        key: "category",
        synonyms: &["category", "cost category", "cost type", "type"],
        required: true,
        kind: ColumnKind::Text,
    },
    ColumnSpec {
        key: "description",
        synonyms: &["description", "item", "name", "details"],
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
}

/// Reads customer costs from an xlsx / xlsm / xls / ods / csv file.
///
/// # Errors
/// An [`InputError`] only when the file cannot be read or has no header row with a Category
/// column; a header-only file is not an error (its warnings say "no cost lines found").
pub fn import_customer_costs(path: &Path) -> Result<ImportedCosts, InputError> {
    read_table(path, CUSTOMER_COST_COLUMNS).map(costs_from_table)
}

/// As [`import_customer_costs`], from file bytes; `file_name`'s extension tells the format.
///
/// # Errors
/// As [`import_customer_costs`].
pub fn import_customer_costs_from_bytes(
    bytes: &[u8],
    file_name: &str,
) -> Result<ImportedCosts, InputError> {
    read_table_from_bytes(bytes, file_name, CUSTOMER_COST_COLUMNS).map(costs_from_table)
}

/// What a row's category cell says it is.
enum RowKind {
    Line(CostCategory),
    AvoidedHire,
    Growth,
}

fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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

fn row_kind(text: &str) -> Option<RowKind> {
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

fn period_of(text: &str) -> Option<CostPeriod> {
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

struct Mapper {
    costs: CustomerCosts,
    skipped: Vec<Problem>,
    warnings: Vec<Problem>,
    hire_location: Option<Location>,
}

impl Mapper {
    fn skip(&mut self, location: &Location, message: String) {
        self.skipped.push(Problem {
            location: location.clone(),
            message,
        });
    }

    fn warn(&mut self, location: &Location, message: String) {
        self.warnings.push(Problem {
            location: location.clone(),
            message,
        });
    }

    /// The percentage in column `key` when it lies within 0-100; `Err` (row to skip) otherwise.
    fn percent(&mut self, row: &ImportedRow, key: &str) -> Result<Option<Decimal>, ()> {
        match row.cell(key) {
            None => Ok(None),
            Some(cell) => match cell.value.number() {
                Some(value) if value >= Decimal::ZERO && value <= Decimal::ONE_HUNDRED => {
                    Ok(Some(value))
                }
                _ => {
                    let text = cell.value.text();
                    self.skip(
                        &cell.location,
                        format!(
                            "'{text}' in column '{key}' is not a percentage 0-100: row skipped"
                        ),
                    );
                    Err(())
                }
            },
        }
    }

    /// The non-negative number in column `key`; `Err` (row to skip) when negative.
    fn non_negative(&mut self, row: &ImportedRow, key: &str) -> Result<Option<Decimal>, ()> {
        match row
            .cell(key)
            .and_then(|cell| cell.value.number().map(|v| (cell, v)))
        {
            None => Ok(None),
            Some((cell, value)) if value < Decimal::ZERO => {
                let location = cell.location.clone();
                self.skip(
                    &location,
                    format!("{value} in column '{key}' is negative: row skipped"),
                );
                Err(())
            }
            Some((_, value)) => Ok(Some(value)),
        }
    }

    fn map_row(&mut self, row: &ImportedRow) -> Result<(), ()> {
        let Some(category_cell) = row.cell("category") else {
            self.skip(&row.location, "no category: row skipped".to_string());
            return Err(());
        };
        let origin = category_cell.location.clone();
        let category_text = category_cell.value.text();
        let Some(kind) = row_kind(&category_text) else {
            let allowed: Vec<&str> = CostCategory::ALL.iter().map(|c| c.name()).collect();
            self.skip(
                &origin,
                format!(
                    "unknown category '{category_text}': row skipped (allowed: {}, Avoided hire, Annual growth)",
                    allowed.join(", ")
                ),
            );
            return Err(());
        };
        match kind {
            RowKind::Line(category) => self.map_line(row, category, origin),
            RowKind::AvoidedHire => self.map_hire(row, origin),
            RowKind::Growth => {
                let growth = match self.percent(row, "percent")? {
                    Some(value) => Some(value),
                    None => self.non_negative(row, "amount")?,
                };
                match growth {
                    Some(value) if value <= Decimal::ONE_HUNDRED => {
                        self.costs.annual_growth_percent = value;
                        Ok(())
                    }
                    _ => {
                        self.skip(
                            &origin,
                            "annual growth without a Rate %: row skipped".into(),
                        );
                        Err(())
                    }
                }
            }
        }
    }

    fn map_line(
        &mut self,
        row: &ImportedRow,
        category: CostCategory,
        origin: Location,
    ) -> Result<(), ()> {
        let amount = self.non_negative(row, "amount")?;
        let hours = self.non_negative(row, "hours")?;
        let rate = self.non_negative(row, "rate")?;
        let percent = self.percent(row, "percent")?;
        let period = match row.cell("period") {
            None => CostPeriod::Monthly,
            Some(cell) => match period_of(&cell.value.text()) {
                Some(period) => period,
                None => {
                    let location = cell.location.clone();
                    self.skip(
                        &location,
                        format!(
                            "period '{}' is not monthly or annual: row skipped",
                            cell.value.text()
                        ),
                    );
                    return Err(());
                }
            },
        };
        let cost_amount = match (hours, rate, amount) {
            (Some(hours_per_month), Some(rate_per_hour), _) => CostAmount::Hourly {
                hours_per_month,
                rate_per_hour,
            },
            (_, _, Some(amount)) => match (category, percent) {
                (CostCategory::TaxEffect, Some(rate_percent)) => CostAmount::RateOf {
                    rate_percent,
                    amount,
                    period,
                },
                _ => CostAmount::Periodic { amount, period },
            },
            _ => {
                self.skip(
                    &origin,
                    "no amount (nor hours per month and cost per hour): row skipped".to_string(),
                );
                return Err(());
            }
        };
        let avoidable_percent = match self.percent(row, "avoidable")? {
            Some(value) => value,
            None => {
                self.warn(&origin, "avoidable share empty: read as 100%".to_string());
                Decimal::ONE_HUNDRED
            }
        };
        self.costs.lines.push(CostLine {
            category,
            description: row.text("description").unwrap_or_default(),
            amount: cost_amount,
            avoidable_percent,
            origin: Some(origin.to_string()),
        });
        Ok(())
    }

    fn map_hire(&mut self, row: &ImportedRow, origin: Location) -> Result<(), ()> {
        if let Some(first) = &self.hire_location {
            let message = format!("a second avoided hire (the first is at {first}): row skipped");
            self.skip(&origin, message);
            return Err(());
        }
        let Some(salary) = self.non_negative(row, "amount")? else {
            self.skip(
                &origin,
                "avoided hire without a salary in Amount: row skipped".into(),
            );
            return Err(());
        };
        let burden_percent = self.percent(row, "percent")?.unwrap_or_default();
        let recruiting_fee = self
            .non_negative(row, "recruiting_fee")?
            .unwrap_or_default();
        let start_month = match row.cell("start_month") {
            None => 1,
            Some(cell) => match cell.value.number().and_then(|value| {
                (value.fract().is_zero() && value >= Decimal::ONE)
                    .then(|| value.to_u32())
                    .flatten()
            }) {
                Some(month) => month,
                None => {
                    let location = cell.location.clone();
                    let text = cell.value.text();
                    self.skip(
                        &location,
                        format!("start month '{text}' is not a whole month from 1: row skipped"),
                    );
                    return Err(());
                }
            },
        };
        self.costs.avoided_hire = Some(AvoidedHire {
            salary,
            burden_percent,
            recruiting_fee,
            start_month,
        });
        self.hire_location = Some(origin);
        Ok(())
    }
}

/// Maps the rows of an imported table to customer costs.
pub fn costs_from_table(table: ImportedTable) -> ImportedCosts {
    let mut mapper = Mapper {
        costs: CustomerCosts::default(),
        skipped: table.skipped,
        warnings: table.warnings,
        hire_location: None,
    };
    for row in &table.rows {
        let _ = mapper.map_row(row);
    }
    if mapper.costs.lines.is_empty() && mapper.costs.avoided_hire.is_none() {
        mapper.warnings.push(Problem {
            location: Location::Whole,
            message: NO_COST_LINES.to_string(),
        });
    }
    ImportedCosts {
        costs: mapper.costs,
        sheet: table.sheet,
        skipped: mapper.skipped,
        warnings: mapper.warnings,
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
