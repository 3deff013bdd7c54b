//! What a price book says about the pricing options (validated by the price-book loader):
//! plain data beside [`PriceBook`](super::price_book::PriceBook); the functions that price the
//! options are in [`options`](super::options).

use rust_decimal::Decimal;

/// The book's settings for the pricing options; a section the book leaves out is `None` (or
/// empty) and the option is then refused with a clear message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PricingOptions {
    /// Single services priced per device per month, cost-plus from the labour-task catalog.
    pub service_components: Option<ServiceComponents>,
    /// The handbook's phased path (phases 1-4), each a set of component tags.
    pub phased_path: Vec<Phase>,
    /// Complete packages sized by users.
    pub packages: Option<PackageRules>,
    /// Which rate-card entry time-and-materials work of each kind is billed at.
    pub time_materials: Option<TimeMaterialsRates>,
    /// Hours parameters of the assessment fee.
    pub assessment: Option<AssessmentRules>,
}

/// The single services offered per device (monitoring, patching, updating, anti-virus).
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceComponents {
    /// The `cost_defaults.markups` category the labour cost is marked up by ("labour").
    pub labour_markup: String,
    pub components: Vec<ServiceComponent>,
}

/// A single service sold per device per month.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceComponent {
    pub id: String,
    pub name: String,
    /// Task-catalog component tags whose tasks make up the service.
    pub tags: Vec<String>,
}

/// One step of the phased path.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    /// 1-based phase number.
    pub number: u32,
    pub name: String,
    /// Task-catalog component tags the phase covers (each phase includes the previous ones').
    pub tags: Vec<String>,
}

/// Complete packages: hardware and software bundles sized by users, plus services.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageRules {
    /// Bands sorted by users, contiguous, starting at 1.
    pub bands: Vec<PackageBand>,
    /// Annual interest rate, percent, when the bundle is leased (annuity, compounded monthly).
    pub lease_annual_rate_percent: Decimal,
}

/// One standard bundle, for a range of users (inclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct PackageBand {
    /// "1-10".
    pub id: String,
    pub name: String,
    pub min_users: u32,
    pub max_users: u32,
    /// The tier whose services the package includes.
    pub service_tier: String,
    /// The device kind the tier is priced for ("server").
    pub service_kind: String,
    /// Devices of that kind the bundle holds (the tier is priced for this many).
    pub service_devices: u32,
    pub items: Vec<PackageItem>,
}

/// A hardware or software item of a bundle, at internal cost.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageItem {
    pub name: String,
    /// The `cost_defaults.markups` category ("hardware", "software").
    pub category: String,
    /// One-time internal cost of the item.
    pub cost: Decimal,
}

/// Rate-card ids for each kind of time-and-materials work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMaterialsRates {
    pub remote_normal: String,
    pub remote_emergency: String,
    pub remote_escalated: String,
    pub onsite_normal: String,
    pub onsite_emergency: String,
    pub onsite_escalated: String,
}

/// Hours parameters of the assessment fee ("Establishing Assessment Fees").
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRules {
    pub infrastructure_types: Vec<InfrastructureType>,
    /// Travel hours per customer location.
    pub travel_hours_per_location: Decimal,
    pub travel_rate: String,
    /// Pre-assessment discovery hours (once).
    pub discovery_hours: Decimal,
    pub discovery_rate: String,
    /// Analysis hours per server and per site, before the type's factor.
    pub analysis_hours_per_server: Decimal,
    pub analysis_hours_per_site: Decimal,
    pub analysis_rate: String,
    /// Report-writing hours: a base plus hours per server.
    pub report_hours: Decimal,
    pub report_hours_per_server: Decimal,
    pub report_rate: String,
}

/// A kind of customer infrastructure and how much it multiplies the analysis hours.
#[derive(Debug, Clone, PartialEq)]
pub struct InfrastructureType {
    pub id: String,
    pub name: String,
    /// Multiplies analysis hours (1 = as written).
    pub analysis_factor: Decimal,
}
