//! The cost analysis as written in a quote's RON, and its conversion (every problem located
//! by field path) to and from the core's [`CostAnalysis`].

use rust_decimal::Decimal;

use crate::core::cost::{
    Acquisition, AffiliateLine, CostAnalysis, CostCategory, HardwareLine, SoftwareBasis,
    SoftwareBilling, SoftwareLine,
};
use crate::formats::problem::Checker;

mod affiliates;
mod labour;
mod raw;

use affiliates::{affiliate_model_from_raw, affiliate_model_to_raw};
use labour::labour_from_raw;
pub use raw::*;

/// Longest lease accepted, in months: the longest term (10 years).
const MAX_LEASE_MONTHS: u32 = crate::core::limits::MAX_TERM_MONTHS;

/// Converts the raw analysis, recording every problem under `cost_analysis.`.
pub fn cost_analysis_from_raw(check: &mut Checker, raw: &RawCostAnalysis) -> CostAnalysis {
    let base = "cost_analysis";
    if raw.managed_devices == Some(0) {
        check.error(
            format!("{base}.managed_devices"),
            "managed devices is 0; the fee is divided over at least 1",
        );
    }
    if let Some(devices) = raw.managed_devices {
        check.count(format!("{base}.managed_devices"), devices);
    }
    let hardware = raw
        .hardware
        .iter()
        .enumerate()
        .map(|(index, line)| hardware_from_raw(check, &format!("{base}.hardware[{index}]"), line))
        .collect();
    let software = raw
        .software
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let path = format!("{base}.software[{index}]");
            positive_quantity(check, &path, line.quantity);
            SoftwareLine {
                description: line.description.clone(),
                basis: match line.basis {
                    RawSoftwareBasis::PerDevice => SoftwareBasis::PerDevice,
                    RawSoftwareBasis::PerUser => SoftwareBasis::PerUser,
                    RawSoftwareBasis::Flat => SoftwareBasis::Flat,
                },
                quantity: line.quantity,
                unit_cost: check.quantity(&format!("{path}.unit_cost"), &line.unit_cost),
                billing: match line.billing {
                    RawSoftwareBilling::Monthly => SoftwareBilling::Monthly,
                    RawSoftwareBilling::Annual => SoftwareBilling::Annual,
                },
                source: line.source.clone(),
            }
        })
        .collect();
    let affiliates = raw
        .affiliates
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let path = format!("{base}.affiliates[{index}]");
            AffiliateLine {
                description: line.description.clone(),
                model: affiliate_model_from_raw(check, &format!("{path}.model"), &line.model),
                source: line.source.clone(),
            }
        })
        .collect();
    let labour = labour_from_raw(check, &format!("{base}.labour"), &raw.labour);
    let markups = raw
        .markups
        .iter()
        .map(|(category, text)| {
            let path = format!("{base}.markups.{category}");
            if !CostCategory::from_id(category).is_some_and(CostCategory::takes_markup) {
                check.error(
                    &path,
                    format!(
                        "unknown markup category '{category}' (allowed: hardware, financing, software, affiliate, affiliate-incident, labour)"
                    ),
                );
            }
            (category.clone(), check.markup(&path, text))
        })
        .collect();
    let hourly_costs = raw
        .hourly_costs
        .iter()
        .map(|(role, text)| {
            (
                role.clone(),
                check.quantity(&format!("{base}.hourly_costs.{role}"), text),
            )
        })
        .collect();
    CostAnalysis {
        managed_devices: raw.managed_devices,
        hardware,
        software,
        affiliates,
        labour,
        markups,
        hourly_costs,
    }
}

fn positive_quantity(check: &mut Checker, path: &str, quantity: Option<u32>) {
    if quantity == Some(0) {
        check.error(
            format!("{path}.quantity"),
            "quantity is 0; leave it out to count automatically, or write at least 1",
        );
    }
    if let Some(quantity) = quantity {
        check.count(format!("{path}.quantity"), quantity);
    }
}

fn hardware_from_raw(check: &mut Checker, path: &str, line: &RawHardwareLine) -> HardwareLine {
    if line.quantity == 0 {
        check.error(
            format!("{path}.quantity"),
            "quantity is 0; quantities start at 1",
        );
    }
    check.count(format!("{path}.quantity"), line.quantity);
    let acquisition = match &line.acquisition {
        RawAcquisition::Purchased => Acquisition::Purchased,
        RawAcquisition::Monthly => Acquisition::Monthly,
        RawAcquisition::Leased {
            apr_percent,
            months,
        } => {
            if *months == 0 || *months > MAX_LEASE_MONTHS {
                check.error(
                    format!("{path}.acquisition.months"),
                    format!("a lease of {months} months is outside 1-{MAX_LEASE_MONTHS}"),
                );
            }
            Acquisition::Leased {
                apr_percent: check.percent(&format!("{path}.acquisition.apr_percent"), apr_percent),
                months: *months,
            }
        }
    };
    HardwareLine {
        description: line.description.clone(),
        quantity: line.quantity,
        unit_cost: check.quantity(&format!("{path}.unit_cost"), &line.unit_cost),
        acquisition,
        source: line.source.clone(),
    }
}

fn text(amount: Decimal) -> String {
    amount.to_string()
}

/// The analysis as written in RON; converting it back gives the same analysis.
pub fn cost_analysis_to_raw(analysis: &CostAnalysis) -> RawCostAnalysis {
    RawCostAnalysis {
        managed_devices: analysis.managed_devices,
        hardware: analysis
            .hardware
            .iter()
            .map(|line| RawHardwareLine {
                description: line.description.clone(),
                quantity: line.quantity,
                unit_cost: text(line.unit_cost),
                acquisition: match line.acquisition {
                    Acquisition::Purchased => RawAcquisition::Purchased,
                    Acquisition::Monthly => RawAcquisition::Monthly,
                    Acquisition::Leased {
                        apr_percent,
                        months,
                    } => RawAcquisition::Leased {
                        apr_percent: text(apr_percent),
                        months,
                    },
                },
                source: line.source.clone(),
            })
            .collect(),
        software: analysis
            .software
            .iter()
            .map(|line| RawSoftwareLine {
                description: line.description.clone(),
                basis: match line.basis {
                    SoftwareBasis::PerDevice => RawSoftwareBasis::PerDevice,
                    SoftwareBasis::PerUser => RawSoftwareBasis::PerUser,
                    SoftwareBasis::Flat => RawSoftwareBasis::Flat,
                },
                quantity: line.quantity,
                unit_cost: text(line.unit_cost),
                billing: match line.billing {
                    SoftwareBilling::Monthly => RawSoftwareBilling::Monthly,
                    SoftwareBilling::Annual => RawSoftwareBilling::Annual,
                },
                source: line.source.clone(),
            })
            .collect(),
        affiliates: analysis
            .affiliates
            .iter()
            .map(|line| RawAffiliateLine {
                description: line.description.clone(),
                model: affiliate_model_to_raw(&line.model),
                source: line.source.clone(),
            })
            .collect(),
        labour: RawLabourPlan {
            tasks: analysis.labour.tasks.as_ref().map(|tasks| {
                tasks
                    .iter()
                    .map(|usage| RawTaskUse {
                        task: usage.task.clone(),
                        devices: usage.devices,
                        groups: usage.groups,
                        hours_per_month: usage.hours_per_month.map(text),
                    })
                    .collect()
            }),
            extra: analysis
                .labour
                .extra
                .iter()
                .map(|line| RawLabourLine {
                    description: line.description.clone(),
                    role: line.role.clone(),
                    hours_per_month: text(line.hours_per_month),
                })
                .collect(),
            identical_groups: analysis.labour.identical_groups,
            include_tier_hours: analysis.labour.include_tier_hours,
            included_hours_role: analysis.labour.included_hours_role.clone(),
            setup_cost_per_device: analysis.labour.setup_cost_per_device.map(text),
        },
        markups: analysis
            .markups
            .iter()
            .map(|(category, percent)| (category.clone(), text(*percent)))
            .collect(),
        hourly_costs: analysis
            .hourly_costs
            .iter()
            .map(|(role, cost)| (role.clone(), text(*cost)))
            .collect(),
    }
}
