//! Rows of a customer-costs table mapped to [`CustomerCosts`].

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::super::ImportedRow;
use super::super::infer::customer_cost_category;
use super::{ImportedCosts, NO_COST_LINES, RowKind, period_of, row_kind};
use crate::core::limits::{MAX_HOURS, MAX_TERM_MONTHS};
use crate::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts,
};
use crate::formats::import::ImportedTable;
use crate::formats::problem::{Location, Problem};

struct Mapper {
    costs: CustomerCosts,
    skipped: Vec<Problem>,
    warnings: Vec<Problem>,
    inferred: Vec<Problem>,
    hire_location: Option<Location>,
    /// Rows whose amount formula had no calculated value, taken from hours x rate instead.
    from_inputs: Vec<Location>,
    /// Whether the sheet has an Avoidable % column (without one, every line is 100% avoidable,
    /// said once).
    avoidable_column: bool,
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
            // Hours have a lower limit than amounts in a quote file: the same here, so a
            // quote saved after the import opens again.
            Some((cell, value)) if key == "hours" && value > MAX_HOURS => {
                let location = cell.location.clone();
                self.skip(
                    &location,
                    format!(
                        "{} hours a month is above the limit of 1,000,000: row skipped",
                        value.normalize()
                    ),
                );
                Err(())
            }
            Some((_, value)) => Ok(Some(value)),
        }
    }

    fn map_row(&mut self, row: &ImportedRow) -> Result<(), ()> {
        let Some(category_cell) = row.cell("category") else {
            return self.map_inferred(row);
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

    /// A row of a sheet without a Category column: the category its description names.
    fn map_inferred(&mut self, row: &ImportedRow) -> Result<(), ()> {
        let description = row.cell("description");
        let text = description
            .map(|cell| cell.value.text())
            .unwrap_or_default();
        let origin = description.map_or_else(|| row.location.clone(), |cell| cell.location.clone());
        match customer_cost_category(&text) {
            Some((category, words)) => {
                self.inferred.push(Problem {
                    location: origin.clone(),
                    message: format!(
                        "'{}' read as {} (from the words '{words}'): add a Category column to say otherwise",
                        text.trim(),
                        category.name()
                    ),
                });
                self.map_line(row, category, origin)
            }
            None => {
                let message = if text.trim().is_empty() {
                    "no category and no description: row skipped".to_string()
                } else {
                    format!(
                        "no Category column, and '{}' names no cost category: row skipped (add a Category column)",
                        text.trim()
                    )
                };
                self.skip(&origin, message);
                Err(())
            }
        }
    }

    /// The amount of a row from Amount + Period, or the Monthly and Annual columns.
    fn periodic_amount(&mut self, row: &ImportedRow) -> Result<Option<(Decimal, CostPeriod)>, ()> {
        let amount = self.non_negative(row, "amount")?;
        let monthly = self.non_negative(row, "monthly")?;
        let annual = self.non_negative(row, "annual")?;
        if let Some(amount) = amount {
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
            return Ok(Some((amount, period)));
        }
        match (monthly, annual) {
            (Some(monthly), Some(annual)) => {
                if monthly * Decimal::from(12) != annual
                    && let Some(cell) = row.cell("annual")
                {
                    let location = cell.location.clone();
                    self.warn(
                        &location,
                        format!("annual {annual} is not 12 x the monthly {monthly}: the monthly amount is used"),
                    );
                }
                Ok(Some((monthly, CostPeriod::Monthly)))
            }
            (Some(monthly), None) => Ok(Some((monthly, CostPeriod::Monthly))),
            (None, Some(annual)) => Ok(Some((annual, CostPeriod::Annual))),
            (None, None) => Ok(None),
        }
    }

    fn map_line(
        &mut self,
        row: &ImportedRow,
        category: CostCategory,
        origin: Location,
    ) -> Result<(), ()> {
        let hours = self.non_negative(row, "hours")?;
        let rate = self.non_negative(row, "rate")?;
        let percent = self.percent(row, "percent")?;
        let periodic = self.periodic_amount(row)?;
        let amount = periodic.map(|(amount, _)| amount);
        let period = periodic.map_or(CostPeriod::Monthly, |(_, period)| period);
        let uncalculated = ["amount", "monthly", "annual"]
            .iter()
            .any(|key| row.uncalculated.contains(key));
        if uncalculated && hours.is_some() && rate.is_some() {
            self.from_inputs.push(row.location.clone());
        }
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
            None if !self.avoidable_column => Decimal::ONE_HUNDRED,
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
                    .filter(|month| *month <= MAX_TERM_MONTHS)
            }) {
                Some(month) => month,
                None => {
                    let location = cell.location.clone();
                    let text = cell.value.text();
                    self.skip(
                        &location,
                        format!(
                            "start month '{text}' is not a whole month from 1 to {MAX_TERM_MONTHS}: row skipped"
                        ),
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
    let choice = table.choice();
    let mut mapper = Mapper {
        costs: CustomerCosts::default(),
        skipped: table.skipped,
        warnings: table.warnings,
        inferred: Vec::new(),
        hire_location: None,
        from_inputs: Vec::new(),
        avoidable_column: table.keys.contains(&"avoidable"),
    };
    for row in &table.rows {
        let _ = mapper.map_row(row);
    }
    if !mapper.avoidable_column && !mapper.costs.lines.is_empty() {
        mapper.warnings.push(Problem {
            location: Location::Whole,
            message: "no Avoidable % column: every line is read as 100% avoidable".to_string(),
        });
    }
    if let (Some(first), Some(last)) = (mapper.from_inputs.first(), mapper.from_inputs.last()) {
        mapper.warnings.push(Problem {
            location: first.clone(),
            message: format!(
                "{} line{} up to {last}: the amount formula has no calculated value, so the amount is taken from the row's hours x rate",
                mapper.from_inputs.len(),
                if mapper.from_inputs.len() == 1 { "" } else { "s" }
            ),
        });
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
        inferred: mapper.inferred,
        choice,
        sheets: table.sheets,
        rows: table.rows.len(),
    }
}
