//! The cost analysis as written in a quote's RON, and its conversion (every problem located
//! by field path) to and from the core's [`CostAnalysis`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::cost::{
    Acquisition, AffiliateLine, AffiliateModel, CostAnalysis, CostCategory, FeePeriod,
    HardwareLine, LabourLine, LabourPlan, SoftwareBasis, SoftwareBilling, SoftwareLine,
    SubscriptionBand, TaskUse,
};
use crate::formats::problem::Checker;

/// Longest lease accepted, in months (50 years).
const MAX_LEASE_MONTHS: u32 = crate::core::limits::MAX_TERM_MONTHS;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCostAnalysis {
    #[serde(default)]
    pub managed_devices: Option<u32>,
    #[serde(default)]
    pub hardware: Vec<RawHardwareLine>,
    #[serde(default)]
    pub software: Vec<RawSoftwareLine>,
    #[serde(default)]
    pub affiliates: Vec<RawAffiliateLine>,
    #[serde(default)]
    pub labour: RawLabourPlan,
    #[serde(default)]
    pub markups: BTreeMap<String, String>,
    #[serde(default)]
    pub hourly_costs: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHardwareLine {
    pub description: String,
    pub quantity: u32,
    pub unit_cost: String,
    pub acquisition: RawAcquisition,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawAcquisition {
    Purchased,
    Leased { apr_percent: String, months: u32 },
    Monthly,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSoftwareLine {
    pub description: String,
    pub basis: RawSoftwareBasis,
    #[serde(default)]
    pub quantity: Option<u32>,
    pub unit_cost: String,
    pub billing: RawSoftwareBilling,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawSoftwareBasis {
    PerDevice,
    PerUser,
    Flat,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawSoftwareBilling {
    Monthly,
    Annual,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAffiliateLine {
    pub description: String,
    pub model: RawAffiliateModel,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawAffiliateModel {
    AgentFee {
        monthly_sell_price: String,
        royalty_percent: String,
    },
    UserBased {
        unit_cost: String,
        period: RawFeePeriod,
        #[serde(default)]
        quantity: Option<u32>,
    },
    DeviceBased {
        unit_cost: String,
        period: RawFeePeriod,
        #[serde(default)]
        quantity: Option<u32>,
    },
    Subscription {
        bands: Vec<RawSubscriptionBand>,
        period: RawFeePeriod,
        #[serde(default)]
        quantity: Option<u32>,
    },
    IncidentBased {
        incidents_per_month: String,
        cost_per_incident: String,
    },
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawFeePeriod {
    Month,
    Quarter,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubscriptionBand {
    pub min: u32,
    pub max: u32,
    pub unit_cost: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabourPlan {
    /// `None`: every task of the book's catalog.
    #[serde(default)]
    pub tasks: Option<Vec<RawTaskUse>>,
    #[serde(default)]
    pub extra: Vec<RawLabourLine>,
    #[serde(default = "one")]
    pub identical_groups: u32,
    #[serde(default = "yes")]
    pub include_tier_hours: bool,
    #[serde(default)]
    pub included_hours_role: Option<String>,
    #[serde(default)]
    pub setup_cost_per_device: Option<String>,
}

impl Default for RawLabourPlan {
    fn default() -> Self {
        RawLabourPlan {
            tasks: None,
            extra: Vec::new(),
            identical_groups: 1,
            include_tier_hours: true,
            included_hours_role: None,
            setup_cost_per_device: None,
        }
    }
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTaskUse {
    pub task: String,
    #[serde(default)]
    pub devices: Option<u32>,
    #[serde(default)]
    pub groups: Option<u32>,
    #[serde(default)]
    pub hours_per_month: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabourLine {
    pub description: String,
    pub role: String,
    pub hours_per_month: String,
}

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

fn period_from_raw(period: RawFeePeriod) -> FeePeriod {
    match period {
        RawFeePeriod::Month => FeePeriod::Month,
        RawFeePeriod::Quarter => FeePeriod::Quarter,
    }
}

fn affiliate_model_from_raw(
    check: &mut Checker,
    path: &str,
    model: &RawAffiliateModel,
) -> AffiliateModel {
    match model {
        RawAffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => AffiliateModel::AgentFee {
            monthly_sell_price: check
                .quantity(&format!("{path}.monthly_sell_price"), monthly_sell_price),
            royalty_percent: check.percent(&format!("{path}.royalty_percent"), royalty_percent),
        },
        RawAffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            AffiliateModel::UserBased {
                unit_cost: check.quantity(&format!("{path}.unit_cost"), unit_cost),
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            AffiliateModel::DeviceBased {
                unit_cost: check.quantity(&format!("{path}.unit_cost"), unit_cost),
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            if bands.is_empty() {
                check.error(
                    format!("{path}.bands"),
                    "a subscription needs at least one band",
                );
            }
            let mut expected_min = 1;
            let bands = bands
                .iter()
                .enumerate()
                .map(|(index, band)| {
                    let band_path = format!("{path}.bands[{index}]");
                    if band.min != expected_min {
                        check.error(
                            format!("{band_path}.min"),
                            format!(
                                "band starts at {} but must start at {expected_min} (bands ascend from 1 without gaps or overlaps)",
                                band.min
                            ),
                        );
                    }
                    if band.max < band.min {
                        check.error(
                            format!("{band_path}.max"),
                            format!("max {} is below min {}", band.max, band.min),
                        );
                    }
                    expected_min = band.max.saturating_add(1);
                    SubscriptionBand {
                        min: band.min,
                        max: band.max,
                        unit_cost: check.quantity(&format!("{band_path}.unit_cost"), &band.unit_cost),
                    }
                })
                .collect();
            AffiliateModel::Subscription {
                bands,
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => AffiliateModel::IncidentBased {
            incidents_per_month: check
                .hours(&format!("{path}.incidents_per_month"), incidents_per_month),
            cost_per_incident: check
                .quantity(&format!("{path}.cost_per_incident"), cost_per_incident),
        },
    }
}

fn labour_from_raw(check: &mut Checker, path: &str, raw: &RawLabourPlan) -> LabourPlan {
    if raw.identical_groups == 0 {
        check.error(
            format!("{path}.identical_groups"),
            "identical groups is 0; there is at least 1 group",
        );
    }
    check.count(format!("{path}.identical_groups"), raw.identical_groups);
    let tasks = raw.tasks.as_ref().map(|tasks| {
        tasks
            .iter()
            .enumerate()
            .map(|(index, usage)| {
                let task_path = format!("{path}.tasks[{index}]");
                if let Some(devices) = usage.devices {
                    check.count(format!("{task_path}.devices"), devices);
                }
                if let Some(groups) = usage.groups {
                    check.count(format!("{task_path}.groups"), groups);
                }
                TaskUse {
                    task: usage.task.clone(),
                    devices: usage.devices,
                    groups: usage.groups,
                    hours_per_month: usage
                        .hours_per_month
                        .as_ref()
                        .map(|text| check.hours(&format!("{task_path}.hours_per_month"), text)),
                }
            })
            .collect()
    });
    let extra = raw
        .extra
        .iter()
        .enumerate()
        .map(|(index, line)| LabourLine {
            description: line.description.clone(),
            role: line.role.clone(),
            hours_per_month: check.hours(
                &format!("{path}.extra[{index}].hours_per_month"),
                &line.hours_per_month,
            ),
        })
        .collect();
    LabourPlan {
        tasks,
        extra,
        identical_groups: raw.identical_groups,
        include_tier_hours: raw.include_tier_hours,
        included_hours_role: raw.included_hours_role.clone(),
        setup_cost_per_device: raw
            .setup_cost_per_device
            .as_ref()
            .map(|text| check.quantity(&format!("{path}.setup_cost_per_device"), text)),
    }
}

fn text(amount: Decimal) -> String {
    amount.to_string()
}

fn period_to_raw(period: FeePeriod) -> RawFeePeriod {
    match period {
        FeePeriod::Month => RawFeePeriod::Month,
        FeePeriod::Quarter => RawFeePeriod::Quarter,
    }
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

fn affiliate_model_to_raw(model: &AffiliateModel) -> RawAffiliateModel {
    match model {
        AffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => RawAffiliateModel::AgentFee {
            monthly_sell_price: text(*monthly_sell_price),
            royalty_percent: text(*royalty_percent),
        },
        AffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        } => RawAffiliateModel::UserBased {
            unit_cost: text(*unit_cost),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => RawAffiliateModel::DeviceBased {
            unit_cost: text(*unit_cost),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => RawAffiliateModel::Subscription {
            bands: bands
                .iter()
                .map(|band| RawSubscriptionBand {
                    min: band.min,
                    max: band.max,
                    unit_cost: text(band.unit_cost),
                })
                .collect(),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => RawAffiliateModel::IncidentBased {
            incidents_per_month: text(*incidents_per_month),
            cost_per_incident: text(*cost_per_incident),
        },
    }
}
