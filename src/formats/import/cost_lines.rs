//! Cost lines from a spreadsheet or CSV: the tolerant table reader's rows mapped to the cost
//! analysis's hardware, software and affiliate lines. Every line keeps the sheet row it came
//! from; every row or cell that cannot be used is reported with its location.

use std::path::Path;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{ColumnKind, ColumnSpec, ImportedRow, ImportedTable, read_table};
use crate::core::cost::{
    Acquisition, AffiliateLine, AffiliateModel, CostAnalysis, FeePeriod, HardwareLine,
    SoftwareBasis, SoftwareBilling, SoftwareLine,
};
use crate::formats::problem::{InputError, Location, Problem};

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

/// Cost lines read from a file, and what could not be used.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedCostLines {
    /// The sheet the lines come from.
    pub sheet: String,
    pub hardware: Vec<HardwareLine>,
    pub software: Vec<SoftwareLine>,
    pub affiliates: Vec<AffiliateLine>,
    /// Rows and cells not used, each with its location and reason.
    pub skipped: Vec<Problem>,
    /// Values used with a caveat.
    pub warnings: Vec<Problem>,
}

impl ImportedCostLines {
    /// Number of lines imported.
    pub fn line_count(&self) -> usize {
        self.hardware.len() + self.software.len() + self.affiliates.len()
    }

    /// Appends the lines to `analysis`.
    pub fn append_to(&self, analysis: &mut CostAnalysis) {
        analysis.hardware.extend(self.hardware.iter().cloned());
        analysis.software.extend(self.software.iter().cloned());
        analysis.affiliates.extend(self.affiliates.iter().cloned());
    }
}

/// Reads the cost lines of a workbook (xlsx, xlsm, xls, ods) or CSV file.
///
/// # Errors
/// An [`InputError`] when the file cannot be read or has no header row with a description
/// and a cost column.
pub fn import_cost_lines(path: &Path) -> Result<ImportedCostLines, InputError> {
    Ok(cost_lines_from_table(read_table(path, &COST_LINE_SPECS)?))
}

/// Maps the rows of a table read with [`COST_LINE_SPECS`] to cost lines.
pub fn cost_lines_from_table(table: ImportedTable) -> ImportedCostLines {
    let mut lines = ImportedCostLines {
        sheet: table.sheet,
        skipped: table.skipped,
        warnings: table.warnings,
        ..ImportedCostLines::default()
    };
    for row in &table.rows {
        if let Err(problem) = map_row(row, &mut lines) {
            lines.skipped.push(problem);
        }
    }
    lines
}

/// What a row's category cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowCategory {
    Hardware,
    Software,
    Affiliate,
    Incident,
    AgentFee,
}

fn words(text: &str) -> String {
    super::header::normalize(text)
}

fn category_of(text: &str) -> Option<RowCategory> {
    let text = words(text);
    Some(match text.as_str() {
        "hardware" | "hw" | "equipment" | "device" | "devices" => RowCategory::Hardware,
        "software" | "sw" | "licence" | "license" | "licences" | "licenses"
        | "software licence" | "software license" => RowCategory::Software,
        "affiliate" | "affiliates" | "affiliate service" | "affiliate services" | "service"
        | "services" => RowCategory::Affiliate,
        "affiliate incident" | "incident" | "incidents" | "incident based" => RowCategory::Incident,
        "agent fee" | "agent" | "royalty" | "agent fees" => RowCategory::AgentFee,
        _ => return None,
    })
}

fn problem(location: &Location, message: impl Into<String>) -> Problem {
    Problem {
        location: location.clone(),
        message: message.into(),
    }
}

/// A whole-number quantity of at least 1, or `None` when the cell is empty.
fn whole_quantity(row: &ImportedRow) -> Result<Option<u32>, Problem> {
    let Some(cell) = row.cell("quantity") else {
        return Ok(None);
    };
    let Some(value) = cell.value.number() else {
        return Ok(None);
    };
    if value.fract().is_zero() && value >= Decimal::ONE {
        value.to_u32().map(Some).ok_or_else(|| {
            problem(
                &cell.location,
                format!("quantity {value} is too large: row skipped"),
            )
        })
    } else {
        Err(problem(
            &cell.location,
            format!("quantity {value} is not a whole number of at least 1: row skipped"),
        ))
    }
}

fn map_row(row: &ImportedRow, lines: &mut ImportedCostLines) -> Result<(), Problem> {
    let source = Some(row.location.to_string());
    let category = match row.cell("category") {
        Some(cell) => category_of(&cell.value.text()).ok_or_else(|| {
            problem(
                &cell.location,
                format!(
                    "unknown category '{}' (allowed: hardware, software, affiliate, affiliate-incident, agent-fee): row skipped",
                    cell.value.text()
                ),
            )
        })?,
        None => RowCategory::Hardware,
    };
    let description = match row
        .text("description")
        .filter(|text| !text.trim().is_empty())
    {
        Some(text) => text,
        None => {
            lines.warnings.push(problem(
                &row.location,
                "no description: the row's location is used instead",
            ));
            format!("Imported row {}", row.location)
        }
    };
    let Some(unit_cost) = row.number("unit_cost") else {
        return Err(problem(
            &row.location,
            "no readable unit cost: row skipped (the cost cell is listed above)",
        ));
    };
    if unit_cost < Decimal::ZERO {
        let location = row
            .cell("unit_cost")
            .map_or(&row.location, |cell| &cell.location);
        return Err(problem(
            location,
            format!("cost {unit_cost} is negative: row skipped"),
        ));
    }
    let billing = row
        .text("billing")
        .map(|text| words(&text))
        .unwrap_or_default();
    let per = row.text("per").map(|text| words(&text)).unwrap_or_default();
    let billing_location = row
        .cell("billing")
        .map_or(&row.location, |cell| &cell.location);
    let per_location = row.cell("per").map_or(&row.location, |cell| &cell.location);
    let bad_billing = |allowed: &str| {
        problem(
            billing_location,
            format!("billing '{billing}' is not one of {allowed}: row skipped"),
        )
    };
    match category {
        RowCategory::Hardware => {
            let quantity = whole_quantity(row)?.unwrap_or(1);
            let acquisition = match billing.as_str() {
                "" | "purchased" | "purchase" | "bought" | "buy" | "capex" | "one time" => {
                    Acquisition::Purchased
                }
                "monthly" | "month" | "rental" | "rent" | "rented" | "subscription" => {
                    Acquisition::Monthly
                }
                "leased" | "lease" | "financed" => {
                    let apr_percent = row.number("apr").unwrap_or(Decimal::ZERO);
                    let months = row
                        .number("months")
                        .filter(|months| months.fract().is_zero() && *months >= Decimal::ONE)
                        .and_then(|months| months.to_u32())
                        .filter(|months| *months <= 600)
                        .ok_or_else(|| {
                            problem(
                                row.cell("months")
                                    .map_or(&row.location, |cell| &cell.location),
                                "a leased line needs its lease months (1-600): row skipped",
                            )
                        })?;
                    if apr_percent > Decimal::ONE_HUNDRED {
                        return Err(problem(
                            row.cell("apr").map_or(&row.location, |cell| &cell.location),
                            format!("APR {apr_percent}% is above 100: row skipped"),
                        ));
                    }
                    Acquisition::Leased {
                        apr_percent,
                        months,
                    }
                }
                _ => return Err(bad_billing("purchased, leased, monthly")),
            };
            lines.hardware.push(HardwareLine {
                description,
                quantity,
                unit_cost,
                acquisition,
                source,
            });
        }
        RowCategory::Software => {
            let quantity = whole_quantity(row)?;
            let basis = match per.as_str() {
                "" | "device" | "devices" | "per device" | "seat" => SoftwareBasis::PerDevice,
                "user" | "users" | "per user" => SoftwareBasis::PerUser,
                "flat" | "site" | "licence" | "license" | "organisation" | "organization" => {
                    SoftwareBasis::Flat
                }
                _ => {
                    return Err(problem(
                        per_location,
                        format!("per '{per}' is not one of device, user, flat: row skipped"),
                    ));
                }
            };
            let billing = match billing.as_str() {
                "" | "monthly" | "month" | "per month" => SoftwareBilling::Monthly,
                "annual" | "annually" | "yearly" | "year" | "per year" => SoftwareBilling::Annual,
                _ => return Err(bad_billing("monthly, annual")),
            };
            lines.software.push(SoftwareLine {
                description,
                basis,
                quantity,
                unit_cost,
                billing,
                source,
            });
        }
        RowCategory::Affiliate => {
            let quantity = whole_quantity(row)?;
            let period = match billing.as_str() {
                "" | "monthly" | "month" | "per month" => FeePeriod::Month,
                "quarterly" | "quarter" | "per quarter" => FeePeriod::Quarter,
                _ => return Err(bad_billing("monthly, quarterly")),
            };
            let model = match per.as_str() {
                "" | "device" | "devices" | "per device" => AffiliateModel::DeviceBased {
                    unit_cost,
                    period,
                    quantity,
                },
                "user" | "users" | "per user" => AffiliateModel::UserBased {
                    unit_cost,
                    period,
                    quantity,
                },
                _ => {
                    return Err(problem(
                        per_location,
                        format!("per '{per}' is not one of device, user: row skipped"),
                    ));
                }
            };
            lines.affiliates.push(AffiliateLine {
                description,
                model,
                source,
            });
        }
        RowCategory::Incident => {
            let incidents_per_month = row.number("quantity").unwrap_or(Decimal::ONE);
            if incidents_per_month < Decimal::ZERO {
                return Err(problem(
                    &row.location,
                    format!("{incidents_per_month} incidents a month is negative: row skipped"),
                ));
            }
            lines.affiliates.push(AffiliateLine {
                description,
                model: AffiliateModel::IncidentBased {
                    incidents_per_month,
                    cost_per_incident: unit_cost,
                },
                source,
            });
        }
        RowCategory::AgentFee => {
            let royalty_percent = row.number("royalty").ok_or_else(|| {
                problem(
                    &row.location,
                    "an agent-fee line needs its royalty percent: row skipped",
                )
            })?;
            if royalty_percent < Decimal::ZERO || royalty_percent > Decimal::ONE_HUNDRED {
                return Err(problem(
                    &row.location,
                    format!("royalty {royalty_percent}% is outside 0-100: row skipped"),
                ));
            }
            lines.affiliates.push(AffiliateLine {
                description,
                model: AffiliateModel::AgentFee {
                    monthly_sell_price: unit_cost,
                    royalty_percent,
                },
                source,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
