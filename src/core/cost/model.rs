//! The cost analysis a quote carries: what the provider pays to deliver the service.
//!
//! These are validated inputs (amounts non-negative, bands ordered); references to the price
//! book (task ids, role ids, markup categories) are resolved by the engine, which reports an
//! unknown one with its field path.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// A cost analysis: every monthly cost of serving one customer, and the per-quote overrides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostAnalysis {
    /// Managed devices the fee is divided over; `None` counts the quote's device lines.
    pub managed_devices: Option<u32>,
    pub hardware: Vec<HardwareLine>,
    pub software: Vec<SoftwareLine>,
    pub affiliates: Vec<AffiliateLine>,
    pub labour: LabourPlan,
    /// Markup percent by category id ("labour": 45), overriding the price book's.
    pub markups: BTreeMap<String, Decimal>,
    /// Fully burdened hourly cost by role id, overriding the price book's.
    pub hourly_costs: BTreeMap<String, Decimal>,
}

/// Where an imported line came from ("Costs!A7"); `None` for lines typed in.
pub type LineSource = Option<String>;

/// A hardware cost line.
#[derive(Debug, Clone, PartialEq)]
pub struct HardwareLine {
    pub description: String,
    /// Number of units (at least 1).
    pub quantity: u32,
    /// Cost per unit: the purchase price (purchased, leased) or the monthly cost (monthly).
    pub unit_cost: Decimal,
    pub acquisition: Acquisition,
    pub source: LineSource,
}

/// How hardware is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acquisition {
    /// Bought outright; the cost is spread evenly over the contract term.
    Purchased,
    /// Leased: the principal (quantity x unit cost) repaid in `months` equal monthly payments
    /// at `apr_percent` a year, compounded monthly (the standard annuity).
    Leased { apr_percent: Decimal, months: u32 },
    /// Rented or subscribed: `unit_cost` is already a monthly cost.
    Monthly,
}

/// A software licence line.
#[derive(Debug, Clone, PartialEq)]
pub struct SoftwareLine {
    pub description: String,
    pub basis: SoftwareBasis,
    /// Units licensed; `None` counts managed devices (per device), users (per user) or 1 (flat).
    pub quantity: Option<u32>,
    /// Cost per unit per billing period.
    pub unit_cost: Decimal,
    pub billing: SoftwareBilling,
    pub source: LineSource,
}

/// What a software licence is counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftwareBasis {
    PerDevice,
    PerUser,
    Flat,
}

/// How often a licence is paid for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftwareBilling {
    Monthly,
    /// Paid once a year: a twelfth of it counts each month.
    Annual,
}

/// An affiliate service line.
#[derive(Debug, Clone, PartialEq)]
pub struct AffiliateLine {
    pub description: String,
    pub model: AffiliateModel,
    pub source: LineSource,
}

/// The handbook's five affiliate pricing models.
#[derive(Debug, Clone, PartialEq)]
pub enum AffiliateModel {
    /// The customer buys from the affiliate, which pays us `royalty_percent` of the monthly
    /// sell price: income that lowers our net cost (never marked up).
    AgentFee {
        monthly_sell_price: Decimal,
        royalty_percent: Decimal,
    },
    /// A fee per user per period; `quantity` `None` counts the customer's users.
    UserBased {
        unit_cost: Decimal,
        period: FeePeriod,
        quantity: Option<u32>,
    },
    /// A fee per device per period; `quantity` `None` counts managed devices.
    DeviceBased {
        unit_cost: Decimal,
        period: FeePeriod,
        quantity: Option<u32>,
    },
    /// Volume tiers: every unit costs the unit cost of the band the quantity falls in;
    /// `quantity` `None` counts managed devices.
    Subscription {
        bands: Vec<SubscriptionBand>,
        period: FeePeriod,
        quantity: Option<u32>,
    },
    /// Time and materials per request: expected incidents a month x cost per incident,
    /// marked up in its own (higher) category.
    IncidentBased {
        incidents_per_month: Decimal,
        cost_per_incident: Decimal,
    },
}

/// The period an affiliate fee is quoted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeePeriod {
    Month,
    /// Three months: a third of it counts each month.
    Quarter,
}

impl FeePeriod {
    /// Months in the period (1 or 3).
    pub fn months(self) -> u32 {
        match self {
            FeePeriod::Month => 1,
            FeePeriod::Quarter => 3,
        }
    }
}

/// One band of a subscription (inclusive at both ends; bands ascend from 1 without gaps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionBand {
    pub min: u32,
    pub max: u32,
    /// Cost per unit per period for a quantity in this band.
    pub unit_cost: Decimal,
}

/// The internal labour of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct LabourPlan {
    /// Catalog tasks performed; `None` performs every task of the price book's catalog.
    pub tasks: Option<Vec<TaskUse>>,
    /// Labour not in the catalog.
    pub extra: Vec<LabourLine>,
    /// Groups of identical devices: a per-group task is done once per group (default 1).
    pub identical_groups: u32,
    /// Count the tiers' included support and flex hours of the quote's device lines as labour.
    pub include_tier_hours: bool,
    /// The role that works the included hours; `None`: "technical-specialist" when the book
    /// has it, else its first role.
    pub included_hours_role: Option<String>,
    /// Managed-services setup cost per device, spread over the term; `None`: the book's.
    pub setup_cost_per_device: Option<Decimal>,
}

impl Default for LabourPlan {
    fn default() -> Self {
        LabourPlan {
            tasks: None,
            extra: Vec::new(),
            identical_groups: 1,
            include_tier_hours: true,
            included_hours_role: None,
            setup_cost_per_device: None,
        }
    }
}

/// A catalog task as this analysis uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskUse {
    /// Task id of the price book's catalog.
    pub task: String,
    /// Devices it is done for (per-device tasks); `None`: every managed device.
    pub devices: Option<u32>,
    /// Groups it is done for (per-group tasks); `None`: the plan's identical groups.
    pub groups: Option<u32>,
    /// Hours per device (or group) per month; `None`: the catalog's.
    pub hours_per_month: Option<Decimal>,
}

/// Labour outside the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct LabourLine {
    pub description: String,
    /// Role id.
    pub role: String,
    /// Hours per month in total (not per device).
    pub hours_per_month: Decimal,
}
