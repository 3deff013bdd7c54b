//! The customer's current costs as written in a quote's RON (or a RON costs file), and their
//! conversion into [`CustomerCosts`] with every problem located by field path.

use serde::{Deserialize, Serialize};

use crate::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts,
};
use crate::formats::problem::{Checker, InputError, ron_problem};

/// `customer_costs: (...)` in a quote file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomerCosts {
    #[serde(default)]
    pub lines: Vec<RawCostLine>,
    #[serde(default)]
    pub avoided_hire: Option<RawAvoidedHire>,
    #[serde(default = "zero_text")]
    pub annual_growth_percent: String,
}

fn zero_text() -> String {
    "0".to_string()
}

/// One cost line: `(category: "internal_staff", description: "...", amount: periodic(...),
/// avoidable_percent: "100")`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCostLine {
    pub category: String,
    #[serde(default)]
    pub description: String,
    pub amount: RawCostAmount,
    pub avoidable_percent: String,
    #[serde(default)]
    pub origin: Option<String>,
}

/// How a line's amount is entered.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawCostAmount {
    Periodic {
        amount: String,
        period: RawCostPeriod,
    },
    Hourly {
        hours_per_month: String,
        rate_per_hour: String,
    },
    RateOf {
        rate_percent: String,
        amount: String,
        period: RawCostPeriod,
    },
}

/// `monthly` or `annual`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawCostPeriod {
    Monthly,
    Annual,
}

/// `avoided_hire: Some((salary: "...", burden_percent: "...", recruiting_fee: "...",
/// start_month: 7))`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAvoidedHire {
    pub salary: String,
    pub burden_percent: String,
    #[serde(default = "zero_text")]
    pub recruiting_fee: String,
    pub start_month: u32,
}

/// Converts raw costs found at field path `path`, recording every problem in `check`.
pub fn costs_from_raw(raw: &RawCustomerCosts, path: &str, check: &mut Checker) -> CustomerCosts {
    let lines = raw
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| line_from_raw(line, &format!("{path}.lines[{index}]"), check))
        .collect();
    let avoided_hire = raw.avoided_hire.as_ref().map(|hire| {
        let at = |field: &str| format!("{path}.avoided_hire.{field}");
        if hire.start_month == 0 {
            check.error(
                at("start_month"),
                "start month is 0; contract months start at 1",
            );
        } else {
            check.months(at("start_month"), hire.start_month);
        }
        AvoidedHire {
            salary: check.quantity(&at("salary"), &hire.salary),
            burden_percent: check.markup(&at("burden_percent"), &hire.burden_percent),
            recruiting_fee: check.quantity(&at("recruiting_fee"), &hire.recruiting_fee),
            start_month: hire.start_month,
        }
    });
    CustomerCosts {
        lines,
        avoided_hire,
        annual_growth_percent: check.percent(
            &format!("{path}.annual_growth_percent"),
            &raw.annual_growth_percent,
        ),
    }
}

fn line_from_raw(raw: &RawCostLine, path: &str, check: &mut Checker) -> CostLine {
    let category = CostCategory::from_id(raw.category.trim()).unwrap_or_else(|| {
        let allowed: Vec<&str> = CostCategory::ALL.iter().map(|c| c.id()).collect();
        check.error(
            format!("{path}.category"),
            format!(
                "unknown cost category '{}' (allowed: {})",
                raw.category,
                allowed.join(", ")
            ),
        );
        CostCategory::InternalStaff
    });
    let at = |field: &str| format!("{path}.amount.{field}");
    let amount = match &raw.amount {
        RawCostAmount::Periodic { amount, period } => CostAmount::Periodic {
            amount: check.quantity(&at("amount"), amount),
            period: period_from_raw(*period),
        },
        RawCostAmount::Hourly {
            hours_per_month,
            rate_per_hour,
        } => CostAmount::Hourly {
            hours_per_month: check.hours(&at("hours_per_month"), hours_per_month),
            rate_per_hour: check.quantity(&at("rate_per_hour"), rate_per_hour),
        },
        RawCostAmount::RateOf {
            rate_percent,
            amount,
            period,
        } => CostAmount::RateOf {
            rate_percent: check.percent(&at("rate_percent"), rate_percent),
            amount: check.quantity(&at("amount"), amount),
            period: period_from_raw(*period),
        },
    };
    CostLine {
        category,
        description: raw.description.clone(),
        amount,
        avoidable_percent: check
            .percent(&format!("{path}.avoidable_percent"), &raw.avoidable_percent),
        origin: raw.origin.clone(),
    }
}

fn period_from_raw(period: RawCostPeriod) -> CostPeriod {
    match period {
        RawCostPeriod::Monthly => CostPeriod::Monthly,
        RawCostPeriod::Annual => CostPeriod::Annual,
    }
}

fn period_to_raw(period: CostPeriod) -> RawCostPeriod {
    match period {
        CostPeriod::Monthly => RawCostPeriod::Monthly,
        CostPeriod::Annual => RawCostPeriod::Annual,
    }
}

/// The raw form of `costs`; converting it back gives the same costs.
pub fn costs_to_raw(costs: &CustomerCosts) -> RawCustomerCosts {
    RawCustomerCosts {
        lines: costs
            .lines
            .iter()
            .map(|line| RawCostLine {
                category: line.category.id().to_string(),
                description: line.description.clone(),
                amount: match line.amount {
                    CostAmount::Periodic { amount, period } => RawCostAmount::Periodic {
                        amount: amount.to_string(),
                        period: period_to_raw(period),
                    },
                    CostAmount::Hourly {
                        hours_per_month,
                        rate_per_hour,
                    } => RawCostAmount::Hourly {
                        hours_per_month: hours_per_month.to_string(),
                        rate_per_hour: rate_per_hour.to_string(),
                    },
                    CostAmount::RateOf {
                        rate_percent,
                        amount,
                        period,
                    } => RawCostAmount::RateOf {
                        rate_percent: rate_percent.to_string(),
                        amount: amount.to_string(),
                        period: period_to_raw(period),
                    },
                },
                avoidable_percent: line.avoidable_percent.to_string(),
                origin: line.origin.clone(),
            })
            .collect(),
        avoided_hire: costs.avoided_hire.as_ref().map(|hire| RawAvoidedHire {
            salary: hire.salary.to_string(),
            burden_percent: hire.burden_percent.to_string(),
            recruiting_fee: hire.recruiting_fee.to_string(),
            start_month: hire.start_month,
        }),
        annual_growth_percent: costs.annual_growth_percent.to_string(),
    }
}

/// Parses a stand-alone RON costs file (the `customer_costs` value of a quote on its own).
///
/// # Errors
/// An [`InputError`] with a syntax error's line:column, or every field problem with its path.
pub fn parse_customer_costs(text: &str, source_name: &str) -> Result<CustomerCosts, InputError> {
    let raw: RawCustomerCosts = ron::from_str(text).map_err(|error| InputError {
        source_name: source_name.to_string(),
        problems: vec![ron_problem(&error)],
    })?;
    let mut check = Checker::default();
    let costs = costs_from_raw(&raw, "customer_costs", &mut check);
    if check.problems.is_empty() {
        Ok(costs)
    } else {
        Err(InputError {
            source_name: source_name.to_string(),
            problems: check.problems,
        })
    }
}

/// `costs` as a stand-alone RON costs file.
///
/// # Errors
/// Only if RON serialisation fails, which plain strings and numbers do not.
pub fn customer_costs_to_ron(costs: &CustomerCosts) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(&costs_to_raw(costs), ron::ser::PrettyConfig::default())
}
