//! The validated price book: every number the engine prices with.
//!
//! These types are built only by the price-book loader (`formats::price_book`), which checks
//! every rule of pricing-rules.md sections 1-4 first. Code that holds a [`PriceBook`] may rely
//! on its invariants: ids are unique, references resolve, bands are sorted without gaps or
//! overlaps, percentages are within 0-100 and amounts are non-negative.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A complete, validated price book.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceBook {
    /// Stable identifier, pinned by quotes ("standard").
    pub id: String,
    /// Human name shown in documents.
    pub name: String,
    /// Version text, pinned by quotes ("2026.1").
    pub version: String,
    /// Date from which the prices apply.
    pub effective_date: NaiveDate,
    pub currency: Currency,
    /// Device kinds that tiers and add-ons price, in book order.
    pub device_kinds: Vec<DeviceKind>,
    /// Service tiers, in book order (Bronze, Silver, Gold in the standard book).
    pub tiers: Vec<Tier>,
    /// Quantity-discount schedules, by id.
    pub discount_schedules: Vec<DiscountSchedule>,
    /// Contract terms offered, ascending by months.
    pub terms: Vec<TermOption>,
    pub setup: SetupFee,
    /// The hourly rate card.
    pub hourly_rates: Vec<HourlyRate>,
    /// À la carte add-ons.
    pub addons: Vec<AddOn>,
    pub contract: ContractRules,
    pub technical_support: TechnicalSupportRules,
    pub flex_time: FlexTimeRules,
    pub guardrails: Guardrails,
    /// What the customer must provide (shown in documents).
    pub customer_requirements: Vec<String>,
    /// Patch-deployment targets (shown in the SOW appendix).
    pub patch_targets: Vec<PatchTarget>,
    /// SLA response targets and service credits (shown in the SOW appendix), if the book
    /// states them.
    pub service_levels: Option<ServiceLevels>,
    pub branding: Branding,
    /// Cost-analysis defaults (labour roles, task catalog, markups); empty when the book has none.
    pub cost_defaults: CostDefaults,
    /// Settings of the other pricing options (components, packages, time and materials,
    /// assessment); sections a book leaves out are empty.
    pub options: crate::core::price_book_options::PricingOptions,
}

/// The currency every amount of the book is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// ISO code ("USD").
    pub code: String,
    /// Symbol used in documents ("$").
    pub symbol: String,
    /// Decimal places of the currency's minor unit (2 for cents).
    pub decimals: u32,
}

impl Currency {
    /// `amount` for people in this currency: symbol, thousands separators, the currency's
    /// decimals ("$4,830.00"). The one place the product formats money for display.
    pub fn money(&self, amount: Decimal) -> String {
        crate::core::money::display(amount, &self.symbol, self.decimals)
    }
}

/// A kind of managed device (server, workstation, network device, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceKind {
    pub id: String,
    pub name: String,
    /// Priced per user: a quote's line of this kind counts the quote's users unless it gives
    /// its own count (per-user pricing).
    pub counted_from_users: bool,
}

/// A service tier (Bronze, Silver, Gold).
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    pub id: String,
    pub name: String,
    /// Monthly list price per device, by device-kind id.
    pub monthly_prices: BTreeMap<String, Decimal>,
    /// What the tier includes, as shown in documents.
    pub inclusions: Vec<String>,
    /// Technical-support hours included per device per month.
    pub included_support_hours: Decimal,
    /// Flex-time hours included per device per month.
    pub included_flex_hours: Decimal,
    /// Hourly-rate overrides for this tier, by rate id.
    pub rate_overrides: BTreeMap<String, RateOverride>,
    /// The condition of an included service, by rate id (only for `Included` overrides):
    /// customer documents print it beside every "Included" ("for failures caused by the
    /// provider's changes; ...").
    pub included_conditions: BTreeMap<String, String>,
    /// Internal reserve per device per month (analyst-only; never customer-facing).
    pub internal_reserve_per_device: Decimal,
    /// The quantity-discount schedule that applies to this tier's fees, if any.
    pub discount_schedule: Option<String>,
    /// A schedule of its own per device kind (kind id -> schedule id), used for that kind's
    /// fees instead of `discount_schedule`: workstations banded by workstation count,
    /// independently of servers.
    pub kind_discount_schedules: BTreeMap<String, String>,
}

/// How a tier changes an hourly rate of the rate card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateOverride {
    /// The tier pays this hourly rate instead of the card's.
    Rate(Decimal),
    /// The tier includes the service: nothing is billed.
    Included,
}

/// Whether the whole quantity gets one band's rate, or each unit its own band's rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscountMode {
    /// Every unit gets the rate of the band that contains the total count.
    Volume,
    /// Units 1..=n each get the rate of the band their position falls in.
    Graduated,
}

/// What a schedule does when the count is above its last band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastLastBand {
    /// The last band's rate applies, and the quote warns that custom pricing needs approval.
    LastRateWithWarning,
    /// The quote is refused.
    Refuse,
}

/// One quantity band, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub min: u32,
    pub max: u32,
    /// Discount in percent (0-100).
    pub discount_percent: Decimal,
}

impl Band {
    /// True when `count` lies within the band (inclusive).
    pub fn contains(&self, count: u32) -> bool {
        (self.min..=self.max).contains(&count)
    }
}

/// A quantity-discount schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscountSchedule {
    pub id: String,
    pub mode: DiscountMode,
    /// The device kind whose total count across all tiers chooses the band.
    pub counted_kind: String,
    /// Device kinds whose tier fees the discount applies to.
    pub applies_to_kinds: Vec<String>,
    /// Whether add-ons marked discountable also get the discount.
    pub applies_to_discountable_addons: bool,
    /// Sorted, contiguous bands starting at 1.
    pub bands: Vec<Band>,
    pub past_last_band: PastLastBand,
}

/// A contract term the book offers.
#[derive(Debug, Clone, PartialEq)]
pub struct TermOption {
    pub months: u32,
    /// Credits granted, by contract month (ascending).
    pub credits: Vec<TermCredit>,
}

/// A credit granted in a contract month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermCredit {
    /// Contract month (1-based) in which the credit is granted.
    pub month: u32,
    pub amount: Decimal,
    pub per: CreditBasis,
}

/// Whether a credit is granted once per contract or once per managed device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditBasis {
    PerContract,
    PerDevice,
}

/// The one-time setup fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupFee {
    /// Amount per contract.
    pub amount: Decimal,
    pub upfront_offered: bool,
    pub amortized_offered: bool,
}

/// An entry of the hourly rate card.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyRate {
    pub id: String,
    pub name: String,
    /// Rate per hour.
    pub rate: Decimal,
    /// Time is billed in whole increments of this many minutes, rounded up.
    pub billing_increment_minutes: u32,
    /// Hourly rates are never discounted by the quantity discount; kept for books that say so.
    pub discountable: bool,
    /// Work at this rate happens on the customer's site (a travel premium may apply).
    pub on_site: bool,
    /// Travel premium per on-site visit at this rate (zero when none).
    pub travel_premium: Decimal,
}

/// How an add-on's quantity is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOnUnit {
    PerDevice,
    PerUser,
    Flat,
}

/// An à la carte add-on.
#[derive(Debug, Clone, PartialEq)]
pub struct AddOn {
    pub id: String,
    pub name: String,
    pub unit: AddOnUnit,
    /// Monthly price per unit.
    pub monthly_price: Decimal,
    /// Whether the quantity discount applies to it.
    pub discountable: bool,
}

/// Invoicing, late payment and cancellation terms.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractRules {
    /// Late fee, percent per month on the overdue amount.
    pub late_fee_percent_per_month: Decimal,
    /// Liquidated damages for early termination, in months of service fees.
    pub liquidated_damages_months: u32,
    /// Days a quote stays valid after its date.
    pub quote_valid_days: u32,
}

/// Rules of the included technical-support hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TechnicalSupportRules {
    /// Usage accrues in increments of this many minutes.
    pub accrual_increment_minutes: u32,
    /// Whether unused hours carry over to the next month.
    pub carry_over: bool,
}

/// Rules of the banked flex-time hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlexTimeRules {
    /// Most hours that can be banked.
    pub bank_cap_hours: Decimal,
    /// Banked hours expire at the end of each calendar year.
    pub expires_at_calendar_year_end: bool,
    /// On-site use is taken in blocks of this many hours.
    pub on_site_block_hours: Decimal,
}

/// Limits that need approval when crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guardrails {
    /// Largest extra discount a rep may give without approval, percent.
    pub max_extra_discount_percent: Decimal,
    /// Lowest acceptable gross margin, percent.
    pub margin_floor_percent: Decimal,
}

/// A patch-deployment target ("critical: within 3 business days").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchTarget {
    pub class: String,
    pub target: String,
}

/// The SLA: response targets per priority and the service credit for a missed target
/// (pricing-rules.md section 10).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLevels {
    /// Targets, most urgent first.
    pub targets: Vec<ResponseTarget>,
    /// Credit per missed target, percent of that month's recurring fee.
    pub credit_percent_per_miss: Decimal,
    /// Most credit in one month, percent of that month's recurring fee.
    pub monthly_credit_cap_percent: Decimal,
    /// True while the credit figures are placeholders (the handbook gives none).
    pub credits_are_placeholders: bool,
}

/// A response target for one priority ("Level 1, productivity halted: 15 minutes").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseTarget {
    /// "Level 1".
    pub priority: String,
    /// What the priority means ("Productivity halted").
    pub description: String,
    /// Initial response within this many minutes.
    pub response_minutes: u32,
    /// Resolution target as document text ("within one business day"); empty when none.
    pub resolution: String,
}

impl ServiceLevels {
    /// The most credit in a month of `monthly_recurring`, rounded half away from zero.
    pub fn monthly_credit_cap(&self, monthly_recurring: Decimal, decimals: u32) -> Decimal {
        crate::core::money::round_half_away(
            monthly_recurring * self.monthly_credit_cap_percent / Decimal::ONE_HUNDRED,
            decimals,
        )
    }

    /// The credit for one missed target in a month of `monthly_recurring`, rounded.
    pub fn credit_per_miss(&self, monthly_recurring: Decimal, decimals: u32) -> Decimal {
        crate::core::money::round_half_away(
            monthly_recurring * self.credit_percent_per_miss / Decimal::ONE_HUNDRED,
            decimals,
        )
    }
}

/// Paper size of generated documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    A4,
    Letter,
}

/// The provider's brand, shown on customer-facing documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    pub company_name: String,
    pub address_lines: Vec<String>,
    /// Logo path relative to the price book's folder (PNG), if any.
    pub logo: Option<String>,
    /// Accent colour as `[r, g, b]`.
    pub accent_rgb: [u8; 3],
    pub paper: PaperSize,
}

/// Cost-analysis defaults carried by the book (section 5 of pricing-rules.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CostDefaults {
    /// Fully burdened hourly cost per labour role, by role id.
    pub labour_roles: Vec<LabourRole>,
    /// The task catalog.
    pub tasks: Vec<LabourTask>,
    /// Markup percent per cost category id ("hardware", "software", ...).
    pub markups: BTreeMap<String, Decimal>,
    /// Managed-services setup cost per device (internal cost).
    pub setup_cost_per_device: Decimal,
}

/// A labour role and its fully burdened internal hourly cost.
#[derive(Debug, Clone, PartialEq)]
pub struct LabourRole {
    pub id: String,
    pub name: String,
    pub hourly_cost: Decimal,
}

/// A recurring labour task of the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct LabourTask {
    pub id: String,
    pub name: String,
    /// Role id that performs it.
    pub role: String,
    /// Hours per device (or per group) per month.
    pub hours_per_month: Decimal,
    /// Hours per device per month for particular device kinds (kind id -> hours), where they
    /// differ from `hours_per_month` (handbook: it depends on the type of device).
    pub hours_by_kind: BTreeMap<String, Decimal>,
    /// Done once for a group of identical devices instead of per device.
    pub per_group: bool,
    /// Service components this task belongs to (for per-service pricing), if any.
    pub components: Vec<String>,
}

impl PriceBook {
    /// The tier with this id.
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|tier| tier.id == id)
    }

    /// The device kind with this id.
    pub fn device_kind(&self, id: &str) -> Option<&DeviceKind> {
        self.device_kinds.iter().find(|kind| kind.id == id)
    }

    /// The discount schedule with this id.
    pub fn discount_schedule(&self, id: &str) -> Option<&DiscountSchedule> {
        self.discount_schedules.iter().find(|s| s.id == id)
    }

    /// The term option of this many months.
    pub fn term(&self, months: u32) -> Option<&TermOption> {
        self.terms.iter().find(|term| term.months == months)
    }

    /// The add-on with this id.
    pub fn addon(&self, id: &str) -> Option<&AddOn> {
        self.addons.iter().find(|addon| addon.id == id)
    }

    /// The hourly rate with this id.
    pub fn hourly_rate(&self, id: &str) -> Option<&HourlyRate> {
        self.hourly_rates.iter().find(|rate| rate.id == id)
    }

    /// The terms offered, as text for error messages ("12, 24, 36").
    pub fn offered_terms_text(&self) -> String {
        join_display(self.terms.iter().map(|term| term.months))
    }

    /// Display name of a device kind, falling back to its id.
    pub fn kind_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.device_kind(id).map_or(id, |kind| kind.name.as_str())
    }

    /// The discount schedule that applies to `tier`'s fees for `kind`: the tier's schedule
    /// for that kind, else its general one, when that schedule applies to the kind.
    pub fn schedule_for(&self, tier: &Tier, kind: &str) -> Option<&DiscountSchedule> {
        tier.kind_discount_schedules
            .get(kind)
            .or(tier.discount_schedule.as_ref())
            .and_then(|id| self.discount_schedule(id))
            .filter(|schedule| schedule.applies_to_kinds.iter().any(|k| k == kind))
    }

    /// The hourly rate a tier pays for a rate-card entry: the override if the tier has one.
    pub fn tier_rate(&self, tier: &Tier, rate: &HourlyRate) -> RateOverride {
        tier.rate_overrides
            .get(&rate.id)
            .copied()
            .unwrap_or(RateOverride::Rate(rate.rate))
    }
}

/// Joins displayable items with ", ".
pub fn join_display<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
