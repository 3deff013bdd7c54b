//! The quote: what a customer is offered, as plain validated data.
//!
//! A quote names tiers, kinds and add-ons by id; the engine resolves them against a price
//! book and refuses what the book does not offer. The engine reads no clock: every date of
//! a quote is written in it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A customer quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Quote number ("Q-2026-0042").
    pub number: String,
    /// Revision, starting at 1; a new revision keeps the old file.
    pub revision: u32,
    /// The date the quote is made; documents date themselves from it.
    pub date: NaiveDate,
    pub customer: Customer,
    /// The price book this quote was priced with, if it was saved before.
    pub price_book_pin: Option<PriceBookPin>,
    /// The price-book file the quote is made with, relative to the quote's folder, when it is
    /// not the standard book (commands use it when no book is named on the command line).
    pub price_book_file: Option<String>,
    pub devices: Vec<DeviceLine>,
    pub addons: Vec<AddOnLine>,
    /// Contract term in months; must be one the book offers.
    pub term_months: u32,
    pub setup_mode: SetupMode,
    pub extra_discount: Option<ExtraDiscount>,
    /// What the quote cost when it was last priced: lets a later re-pricing report changes.
    pub priced_snapshot: Option<PricedSnapshot>,
    /// The provider's cost analysis (internal: never customer-facing), if any.
    pub cost_analysis: Option<super::cost::model::CostAnalysis>,
    /// The customer's current IT costs, for the ROI view.
    pub customer_costs: Option<super::roi::costs::CustomerCosts>,
    /// Components, phases and a complete package priced beside the tiers (empty: none).
    pub options: super::quote_options::QuoteOptions,
    /// After the signature: billing start, amendments, the contract a renewal renews.
    pub contract: ContractTerms,
}

/// Who the quote is for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Customer {
    pub name: String,
    pub contact: String,
    /// Number of sites (locations).
    pub sites: u32,
    /// Number of users.
    pub users: u32,
    /// Number of desktops.
    pub desktops: u32,
}

/// Identifies the exact price book a quote was priced with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceBookPin {
    pub id: String,
    pub version: String,
    /// SHA-256 of the book file's bytes, lowercase hex.
    pub sha256: String,
}

/// A number of devices of one kind at one tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceLine {
    pub tier: String,
    pub kind: String,
    /// At least 1.
    pub count: u32,
}

/// An add-on and its quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddOnLine {
    pub id: String,
    /// At least 1 (devices, users, or 1 for a flat add-on).
    pub quantity: u32,
}

/// How the setup fee is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SetupMode {
    /// The whole fee in month 1.
    #[default]
    Upfront,
    /// Spread over the term: setup/term rounded down each month, the remainder in the last.
    Amortized,
}

impl SetupMode {
    /// The mode's file and CLI name ("upfront", "amortized").
    pub fn name(self) -> &'static str {
        match self {
            SetupMode::Upfront => "upfront",
            SetupMode::Amortized => "amortized",
        }
    }
}

/// A manual extra discount on top of the quantity discount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraDiscount {
    /// Percent, 0-100.
    pub percent: Decimal,
    /// Why it is given (shown to approvers).
    pub reason: String,
}

/// The figures a quote had when it was last priced, kept in the quote file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PricedSnapshot {
    pub lines: Vec<SnapshotLine>,
    pub monthly_recurring: Decimal,
    pub total_contract_value: Decimal,
}

/// One priced line of a [`PricedSnapshot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotLine {
    /// "silver server" or "addon backup-offsite".
    pub label: String,
    pub unit_net: Decimal,
    pub monthly: Decimal,
}

impl Quote {
    /// A quote with no lines, dated `date`, for the default 12-month term with setup up front.
    pub fn empty(date: NaiveDate) -> Self {
        Quote {
            number: "Q-0001".to_string(),
            revision: 1,
            date,
            customer: Customer::default(),
            price_book_pin: None,
            price_book_file: None,
            devices: Vec::new(),
            addons: Vec::new(),
            term_months: 12,
            setup_mode: SetupMode::Upfront,
            extra_discount: None,
            priced_snapshot: None,
            cost_analysis: None,
            customer_costs: None,
            options: super::quote_options::QuoteOptions::default(),
            contract: ContractTerms::default(),
        }
    }

    /// Total devices on the quote, all tiers and kinds, summed in u64 (never wraps).
    pub fn device_count(&self) -> u64 {
        self.devices.iter().map(|line| u64::from(line.count)).sum()
    }

    /// The same quote with every device line moved to the tier `tier_id` (counts, kinds,
    /// add-ons, term and everything else unchanged): "the quote at another tier", the one
    /// definition the tier comparison, the ROI options and the cost analysis use.
    pub fn at_tier(&self, tier_id: &str) -> Quote {
        let mut at_tier = self.clone();
        for line in &mut at_tier.devices {
            tier_id.clone_into(&mut line.tier);
        }
        at_tier
    }

    /// What pricing reads of [`Quote::at_tier`]: the same quote at the tier `tier_id` without
    /// the cost analysis, the customer's costs and the priced snapshot (pricing never reads
    /// them), so pricing a long analysis at every tier does not copy its lines. Prices exactly
    /// as [`Quote::at_tier`] does.
    pub fn for_pricing_at_tier(&self, tier_id: &str) -> Quote {
        Quote {
            number: self.number.clone(),
            revision: self.revision,
            date: self.date,
            customer: self.customer.clone(),
            price_book_pin: self.price_book_pin.clone(),
            price_book_file: self.price_book_file.clone(),
            devices: self.devices_at_tier(tier_id),
            addons: self.addons.clone(),
            term_months: self.term_months,
            setup_mode: self.setup_mode,
            extra_discount: self.extra_discount.clone(),
            priced_snapshot: None,
            cost_analysis: None,
            customer_costs: None,
            options: self.options.clone(),
            contract: self.contract.clone(),
        }
    }

    /// The quote's device lines moved to the tier `tier_id` (the lines of [`Quote::at_tier`]),
    /// for a caller that needs only the lines.
    pub fn devices_at_tier(&self, tier_id: &str) -> Vec<DeviceLine> {
        self.devices
            .iter()
            .map(|line| DeviceLine {
                tier: tier_id.to_string(),
                kind: line.kind.clone(),
                count: line.count,
            })
            .collect()
    }
}

/// What a signed contract adds to its quote (pricing-rules.md section 10): the billing start,
/// the amendments in effective-date order, and the contract a renewal renews.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContractTerms {
    /// Billing start (functionality acceptance); `None`: the quote date is assumed.
    pub start_date: Option<NaiveDate>,
    /// Change orders, each applied to the contract as the previous one left it.
    pub amendments: Vec<Amendment>,
    /// The contract this quote renews, when it is a renewal (no setup fee is then charged).
    pub renews: Option<RenewedContract>,
}

impl ContractTerms {
    /// True when the contract's schedule differs from the quote's own: it has amendments, or
    /// it renews a contract (no setup fee).
    pub fn changes_the_schedule(&self) -> bool {
        !self.amendments.is_empty() || self.renews.is_some()
    }
}

/// A change order: from `effective_date` on, the contract has `configuration`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    pub effective_date: NaiveDate,
    /// The complete new configuration (not a difference).
    pub configuration: Configuration,
    /// Priced with the book in use instead of the pinned one.
    pub reprice: bool,
}

/// What a contract manages in a period: device lines, add-ons and pricing options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Configuration {
    pub devices: Vec<DeviceLine>,
    pub addons: Vec<AddOnLine>,
    pub options: super::quote_options::QuoteOptions,
}

/// The contract a renewal quote renews.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewedContract {
    /// The renewed contract's quote number.
    pub number: String,
    pub revision: u32,
}

impl Quote {
    /// The quote's own configuration (before any amendment).
    pub fn configuration(&self) -> Configuration {
        Configuration {
            devices: self.devices.clone(),
            addons: self.addons.clone(),
            options: self.options.clone(),
        }
    }

    /// This quote with `configuration` in place of its devices, add-ons and options.
    pub fn with_configuration(&self, configuration: &Configuration) -> Quote {
        Quote {
            devices: configuration.devices.clone(),
            addons: configuration.addons.clone(),
            options: configuration.options.clone(),
            ..self.clone()
        }
    }

    /// The configuration in force after every amendment (the quote's own without any).
    pub fn configuration_in_force(&self) -> Configuration {
        self.contract
            .amendments
            .last()
            .map_or_else(|| self.configuration(), |last| last.configuration.clone())
    }

    /// The billing start: the contract's start date, or the quote date when none is set.
    pub fn billing_start(&self) -> NaiveDate {
        self.contract.start_date.unwrap_or(self.date)
    }
}
