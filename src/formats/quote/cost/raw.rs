//! The cost analysis as written in a quote's RON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
