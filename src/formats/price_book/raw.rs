//! The price book as written in RON: strings for amounts, nothing validated yet.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPriceBook {
    pub id: String,
    pub name: String,
    pub version: String,
    pub effective_date: String,
    pub currency: RawCurrency,
    pub device_kinds: Vec<RawDeviceKind>,
    pub tiers: Vec<RawTier>,
    #[serde(default)]
    pub discount_schedules: Vec<RawDiscountSchedule>,
    pub terms: Vec<RawTerm>,
    pub setup: RawSetup,
    #[serde(default)]
    pub hourly_rates: Vec<RawHourlyRate>,
    #[serde(default)]
    pub addons: Vec<RawAddOn>,
    pub contract: RawContract,
    pub technical_support: RawTechnicalSupport,
    pub flex_time: RawFlexTime,
    pub guardrails: RawGuardrails,
    #[serde(default)]
    pub customer_requirements: Vec<String>,
    #[serde(default)]
    pub patch_targets: Vec<RawPatchTarget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_levels: Option<super::service_levels::RawServiceLevels>,
    pub branding: RawBranding,
    #[serde(default)]
    pub cost_defaults: Option<RawCostDefaults>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_components: Option<RawServiceComponents>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phased_path: Vec<RawPhase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packages: Option<RawPackages>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_materials: Option<RawTimeMaterials>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<RawAssessment>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCurrency {
    pub code: String,
    pub symbol: String,
    pub decimals: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeviceKind {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub counted_from_users: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub id: String,
    pub name: String,
    pub monthly_prices: BTreeMap<String, String>,
    #[serde(default)]
    pub inclusions: Vec<String>,
    pub included_support_hours: String,
    pub included_flex_hours: String,
    #[serde(default)]
    pub rate_overrides: BTreeMap<String, RawRateOverride>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub included_conditions: BTreeMap<String, String>,
    pub internal_reserve_per_device: String,
    #[serde(default)]
    pub discount_schedule: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kind_discount_schedules: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawRateOverride {
    Rate(String),
    Included,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawDiscountMode {
    Volume,
    Graduated,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawPastLastBand {
    LastRateWithWarning,
    Refuse,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDiscountSchedule {
    pub id: String,
    /// Required: written out, never defaulted.
    #[serde(default)]
    pub mode: Option<RawDiscountMode>,
    pub counted_kind: String,
    pub applies_to_kinds: Vec<String>,
    #[serde(default)]
    pub applies_to_discountable_addons: bool,
    pub bands: Vec<RawBand>,
    pub past_last_band: RawPastLastBand,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub min: u32,
    pub max: u32,
    pub discount_percent: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub months: u32,
    #[serde(default)]
    pub credits: Vec<RawCredit>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawCreditBasis {
    PerContract,
    PerDevice,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCredit {
    pub month: u32,
    pub amount: String,
    pub per: RawCreditBasis,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSetup {
    pub amount: String,
    pub upfront_offered: bool,
    pub amortized_offered: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHourlyRate {
    pub id: String,
    pub name: String,
    pub rate: String,
    pub billing_increment_minutes: u32,
    #[serde(default)]
    pub discountable: bool,
    #[serde(default)]
    pub on_site: bool,
    #[serde(default)]
    pub travel_premium: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawAddOnUnit {
    PerDevice,
    PerUser,
    Flat,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAddOn {
    pub id: String,
    pub name: String,
    pub unit: RawAddOnUnit,
    pub monthly_price: String,
    #[serde(default)]
    pub discountable: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContract {
    pub late_fee_percent_per_month: String,
    pub liquidated_damages_months: u32,
    pub quote_valid_days: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTechnicalSupport {
    pub accrual_increment_minutes: u32,
    pub carry_over: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlexTime {
    pub bank_cap_hours: String,
    pub expires_at_calendar_year_end: bool,
    pub on_site_block_hours: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuardrails {
    pub max_extra_discount_percent: String,
    pub margin_floor_percent: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPatchTarget {
    pub class: String,
    pub target: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum RawPaperSize {
    A4,
    Letter,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBranding {
    pub company_name: String,
    #[serde(default)]
    pub address_lines: Vec<String>,
    #[serde(default)]
    pub logo: Option<String>,
    pub accent_colour: String,
    pub paper: RawPaperSize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCostDefaults {
    #[serde(default)]
    pub labour_roles: Vec<RawLabourRole>,
    #[serde(default)]
    pub tasks: Vec<RawLabourTask>,
    #[serde(default)]
    pub markups: BTreeMap<String, String>,
    pub setup_cost_per_device: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabourRole {
    pub id: String,
    pub name: String,
    pub hourly_cost: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabourTask {
    pub id: String,
    pub name: String,
    pub role: String,
    pub hours_per_month: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hours_by_kind: BTreeMap<String, String>,
    #[serde(default)]
    pub per_group: bool,
    #[serde(default)]
    pub components: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServiceComponents {
    pub labour_markup: String,
    pub components: Vec<RawServiceComponent>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServiceComponent {
    pub id: String,
    pub name: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    pub phase: u32,
    pub name: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackages {
    pub lease_annual_rate_percent: String,
    pub bands: Vec<RawPackageBand>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackageBand {
    pub id: String,
    pub name: String,
    pub min_users: u32,
    pub max_users: u32,
    pub service_tier: String,
    pub service_kind: String,
    pub service_devices: u32,
    pub items: Vec<RawPackageItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackageItem {
    pub name: String,
    pub category: String,
    pub cost: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeMaterials {
    pub remote_normal: String,
    pub remote_emergency: String,
    pub remote_escalated: String,
    pub onsite_normal: String,
    pub onsite_emergency: String,
    pub onsite_escalated: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub infrastructure_types: Vec<RawInfrastructureType>,
    pub travel_hours_per_location: String,
    pub travel_rate: String,
    pub discovery_hours: String,
    pub discovery_rate: String,
    pub analysis_hours_per_server: String,
    pub analysis_hours_per_site: String,
    pub analysis_rate: String,
    pub report_hours: String,
    pub report_hours_per_server: String,
    pub report_rate: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInfrastructureType {
    pub id: String,
    pub name: String,
    pub analysis_factor: String,
}
