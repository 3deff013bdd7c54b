//! The quote as written in RON.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub number: String,
    pub revision: u32,
    pub date: String,
    #[serde(default)]
    pub customer: RawCustomer,
    #[serde(default)]
    pub price_book: Option<RawPin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_book_file: Option<String>,
    #[serde(default)]
    pub devices: Vec<RawDeviceLine>,
    #[serde(default)]
    pub addons: Vec<RawAddOnLine>,
    pub term_months: u32,
    pub setup: RawSetupMode,
    #[serde(default)]
    pub extra_discount: Option<RawExtraDiscount>,
    #[serde(default)]
    pub priced_snapshot: Option<RawSnapshot>,
    #[serde(default)]
    pub cost_analysis: Option<super::cost::RawCostAnalysis>,
    pub customer_costs: Option<super::customer_costs::RawCustomerCosts>,
    #[serde(
        default,
        skip_serializing_if = "super::options::RawQuoteOptions::is_empty"
    )]
    pub options: super::options::RawQuoteOptions,
    /// Billing start (functionality acceptance), YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<super::contract::RawAmendment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renews: Option<super::contract::RawRenews>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub sites: u32,
    #[serde(default)]
    pub users: u32,
    #[serde(default)]
    pub desktops: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPin {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeviceLine {
    pub tier: String,
    pub kind: String,
    /// Omitted (0) for a per-user kind: the quote's users are counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub count: u32,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAddOnLine {
    pub id: String,
    pub quantity: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawSetupMode {
    Upfront,
    Amortized,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtraDiscount {
    pub percent: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSnapshot {
    pub lines: Vec<RawSnapshotLine>,
    pub monthly_recurring: String,
    pub total_contract_value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSnapshotLine {
    pub label: String,
    pub unit_net: String,
    pub monthly: String,
}
