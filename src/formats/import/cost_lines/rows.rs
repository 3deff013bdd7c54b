//! One row per line: each row's Category (or, without the column, the category its description
//! names, listed in `inferred`) says which cost-analysis line it becomes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::labour::labour_line;
use super::{CostImportOptions, ImportedCostLines};
use crate::core::cost::{
    Acquisition, AffiliateLine, AffiliateModel, FeePeriod, HardwareLine, SoftwareBasis,
    SoftwareBilling, SoftwareLine,
};
use crate::core::limits::{MAX_COUNT, MAX_TERM_MONTHS};
use crate::formats::import::infer::{LineKind, line_kind};
use crate::formats::import::{ImportedRow, ImportedTable};
use crate::formats::problem::{Location, Problem};

/// Maps the rows of a long-layout table to cost lines.
pub(super) fn long_lines(table: ImportedTable, options: &CostImportOptions) -> ImportedCostLines {
    let has_billing = table.keys.contains(&"billing");
    let mut lines = ImportedCostLines {
        choice: table.choice(),
        sheet: table.sheet,
        skipped: table.skipped,
        warnings: table.warnings,
        sheets: table.sheets,
        rows: table.rows.len(),
        ..ImportedCostLines::default()
    };
    for row in &table.rows {
        if let Err(problem) = map_row(row, &mut lines, options) {
            lines.skipped.push(problem);
        }
    }
    let priced = lines.hardware.len() + lines.software.len() + lines.affiliates.len();
    if !has_billing && priced > 0 {
        lines.warnings.push(problem(
            &Location::Whole,
            "no Billing column: hardware is read as purchased (spread over the term), software and affiliate fees as monthly; add a Billing column to say otherwise",
        ));
    }
    lines
}

/// What a row's category cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowCategory {
    Hardware,
    Software,
    Affiliate,
    Incident,
    AgentFee,
    Labour,
}

fn words(text: &str) -> String {
    crate::formats::import::header::normalize(text)
}

pub(super) fn category_of(text: &str) -> Option<RowCategory> {
    let text = words(text);
    Some(match text.as_str() {
        "hardware" | "hw" | "equipment" | "device" | "devices" => RowCategory::Hardware,
        "software" | "sw" | "licence" | "license" | "licences" | "licenses"
        | "software licence" | "software license" => RowCategory::Software,
        "affiliate" | "affiliates" | "affiliate service" | "affiliate services" | "service"
        | "services" => RowCategory::Affiliate,
        "affiliate incident" | "incident" | "incidents" | "incident based" => RowCategory::Incident,
        "agent fee" | "agent" | "royalty" | "agent fees" => RowCategory::AgentFee,
        "labour" | "labor" | "internal labour" | "internal labor" | "staff time"
        | "internal support" | "labour hours" | "labor hours" => RowCategory::Labour,
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
        // The same limit a quote file's quantity has, so a quote saved after the import opens.
        value
            .to_u32()
            .filter(|quantity| *quantity <= MAX_COUNT)
            .map(Some)
            .ok_or_else(|| {
                problem(
                    &cell.location,
                    format!("quantity {value} is above the limit of 10,000,000: row skipped"),
                )
            })
    } else {
        Err(problem(
            &cell.location,
            format!("quantity {value} is not a whole number of at least 1: row skipped"),
        ))
    }
}

/// The category of a row without a Category cell: the one its description names, listed.
fn inferred_category(
    row: &ImportedRow,
    lines: &mut ImportedCostLines,
) -> Result<RowCategory, Problem> {
    let cell = row.cell("description");
    let text = cell.map(|cell| cell.value.text()).unwrap_or_default();
    let location = cell.map_or(&row.location, |cell| &cell.location);
    match line_kind(&text) {
        Some((kind, words)) => {
            let (category, name) = match kind {
                LineKind::Hardware => (RowCategory::Hardware, "hardware"),
                LineKind::Software => (RowCategory::Software, "software"),
                LineKind::Affiliate => (RowCategory::Affiliate, "affiliate"),
            };
            lines.inferred.push(problem(
                location,
                format!(
                    "'{}' read as {name} (from the words '{words}'): add a Category column to say otherwise",
                    text.trim()
                ),
            ));
            Ok(category)
        }
        None => Err(problem(
            location,
            format!(
                "no Category column, and '{}' names no hardware, software or affiliate service: row skipped (add a Category column)",
                text.trim()
            ),
        )),
    }
}

fn map_row(
    row: &ImportedRow,
    lines: &mut ImportedCostLines,
    options: &CostImportOptions,
) -> Result<(), Problem> {
    let source = Some(row.location.to_string());
    let category = match row.cell("category") {
        Some(cell) => category_of(&cell.value.text()).ok_or_else(|| {
            problem(
                &cell.location,
                format!(
                    "unknown category '{}' (allowed: hardware, software, affiliate, affiliate-incident, agent-fee, labour): row skipped",
                    cell.value.text()
                ),
            )
        })?,
        None => inferred_category(row, lines)?,
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
    if category == RowCategory::Labour {
        let cost = row
            .number("unit_cost")
            .map(|cost| cost * row.number("quantity").unwrap_or(Decimal::ONE));
        let line = labour_line(
            &description,
            row.number("hours"),
            None,
            cost,
            row.text("role").as_deref(),
            options.labour.as_ref(),
        )
        .map_err(|reason| problem(&row.location, format!("{reason}: row skipped")))?;
        lines.labour.push(line);
        return Ok(());
    }
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
                        .filter(|months| *months <= MAX_TERM_MONTHS)
                        .ok_or_else(|| {
                            problem(
                                row.cell("months")
                                    .map_or(&row.location, |cell| &cell.location),
                                format!(
                                    "a leased line needs its lease months (1-{MAX_TERM_MONTHS}, as in a quote file): row skipped"
                                ),
                            )
                        })?;
                    if apr_percent > Decimal::ONE_HUNDRED || apr_percent < Decimal::ZERO {
                        return Err(problem(
                            row.cell("apr").map_or(&row.location, |cell| &cell.location),
                            format!("APR {apr_percent}% is outside 0-100: row skipped"),
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
        // Labour rows were mapped above, before a unit cost is required.
        RowCategory::Labour => {}
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
