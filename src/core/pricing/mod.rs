//! The pricing engine: (price book, quote) -> priced quote, exactly as pricing-rules.md
//! sections 2-3 say.
//!
//! [`price_quote`] is a pure function: no clock, no files, no UI. Everything a screen or a
//! document shows about a price comes out of its [`PricedQuote`].

mod band;
mod compare;
mod engine;
mod kinds;
mod schedule;
mod waterfall;

pub use compare::{LineChange, compare_with_snapshot, repricing_warnings, snapshot_of};
pub use engine::price_quote;

use rust_decimal::Decimal;

use super::price_book::Currency;
use super::quote::SetupMode;

/// A quote priced against a book: every figure a screen or document needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedQuote {
    pub currency: Currency,
    pub term_months: u32,
    /// The quantity-discount band the quote falls in, when a schedule applies (the first of
    /// `bands`).
    pub band: Option<AppliedBand>,
    /// The band of every schedule the quote's lines use, in order of first use (one per
    /// counted kind when kinds have their own schedules).
    pub bands: Vec<AppliedBand>,
    /// Device lines, in quote order.
    pub lines: Vec<PricedLine>,
    /// Add-on lines, in quote order.
    pub addons: Vec<PricedAddOn>,
    /// Sum of the lines' and add-ons' monthly amounts.
    pub monthly_recurring: Decimal,
    /// The one-time setup fee (per contract).
    pub setup_fee: Decimal,
    pub setup_mode: SetupMode,
    /// Credits as the term grants them.
    pub credits: Vec<GrantedCredit>,
    /// Credit left unapplied after the last month (lost).
    pub credit_lost: Decimal,
    /// One row per contract month.
    pub schedule: Vec<ScheduleMonth>,
    /// Sum of every month's amount due.
    pub total_contract_value: Decimal,
    /// Total contract value / term, rounded half away from zero.
    pub effective_monthly: Decimal,
    pub warnings: Vec<Warning>,
}

impl PricedQuote {
    /// The amount due in month 1 (the first invoice, due before installation).
    pub fn first_invoice(&self) -> Decimal {
        self.schedule
            .first()
            .map_or(Decimal::ZERO, |month| month.due)
    }

    /// Sum of the credits applied over the term.
    pub fn credits_applied(&self) -> Decimal {
        self.schedule.iter().map(|month| month.credit).sum()
    }

    /// The quantity-discount percent of the quote's band (zero when none applies).
    pub fn discount_percent(&self) -> Decimal {
        self.band
            .as_ref()
            .map_or(Decimal::ZERO, |band| band.discount_percent)
    }

    /// Amounts due per contract year (12 months each; the last may be shorter).
    pub fn yearly_totals(&self) -> Vec<Decimal> {
        self.schedule
            .chunks(12)
            .map(|year| year.iter().map(|month| month.due).sum())
            .collect()
    }
}

/// The quantity-discount band a quote falls in.
#[derive(Debug, Clone, PartialEq)]
pub struct AppliedBand {
    pub schedule_id: String,
    /// The device kind counted to choose the band.
    pub counted_kind: String,
    /// How many devices of that kind the quote has, across all tiers.
    pub count: u32,
    pub min: u32,
    pub max: u32,
    /// The band's discount (in graduated mode, the band of the last unit).
    pub discount_percent: Decimal,
    pub past_last_band: bool,
}

/// One priced device line.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedLine {
    pub tier: String,
    pub tier_name: String,
    pub kind: String,
    pub kind_name: String,
    pub count: u32,
    /// Monthly list price per device.
    pub unit_list: Decimal,
    /// Quantity-discount percent (of the first segment in graduated mode).
    pub discount_percent: Decimal,
    /// Extra discount percent applied (zero when none).
    pub extra_discount_percent: Decimal,
    /// Net monthly price per device, rounded to the cent. In graduated mode with several
    /// segments: the line's monthly amount / count, rounded (a lossy average; see `segments`).
    pub unit_net: Decimal,
    /// The line's monthly amount: sum of its segments.
    pub monthly: Decimal,
    /// Devices grouped by the discount they get (one segment in volume mode).
    pub segments: Vec<LineSegment>,
    /// How the first segment's unit price was reached, for screens and documents.
    pub waterfall: Vec<WaterfallStep>,
}

/// Devices of one line that share one discount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSegment {
    pub count: u32,
    pub discount_percent: Decimal,
    pub unit_net: Decimal,
    /// `unit_net * count`.
    pub amount: Decimal,
}

/// One step from list price to net unit price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaterfallStep {
    pub kind: WaterfallStepKind,
    /// Change per unit at this step (the list price itself for the first step).
    pub change: Decimal,
    /// Unit price after this step.
    pub running: Decimal,
}

/// What a waterfall step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaterfallStepKind {
    List,
    QuantityDiscount { percent: Decimal },
    ExtraDiscount { percent: Decimal },
    Rounding,
    Net,
}

impl WaterfallStepKind {
    /// A short label ("List price", "Quantity discount 8%").
    pub fn label(&self) -> String {
        match self {
            WaterfallStepKind::List => "List price".to_string(),
            WaterfallStepKind::QuantityDiscount { percent } => {
                format!(
                    "Quantity discount {}%",
                    super::money::percent_text(*percent)
                )
            }
            WaterfallStepKind::ExtraDiscount { percent } => {
                format!("Extra discount {}%", super::money::percent_text(*percent))
            }
            WaterfallStepKind::Rounding => "Rounding to the cent".to_string(),
            WaterfallStepKind::Net => "Net unit price".to_string(),
        }
    }
}

/// One priced add-on line.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedAddOn {
    pub id: String,
    pub name: String,
    pub quantity: u32,
    pub unit_list: Decimal,
    pub discount_percent: Decimal,
    pub unit_net: Decimal,
    pub monthly: Decimal,
}

/// A credit as the term grants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantedCredit {
    pub month: u32,
    pub amount: Decimal,
}

/// One contract month of the invoice schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleMonth {
    /// Contract month, 1-based.
    pub month: u32,
    pub recurring: Decimal,
    /// The setup fee (or its amortized part) billed this month.
    pub setup: Decimal,
    /// Credit applied this month (never more than recurring + setup).
    pub credit: Decimal,
    /// recurring + setup - credit.
    pub due: Decimal,
}

/// A warning about a priced quote, and the input that causes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    /// The input field the warning belongs beside.
    pub field: WarningField,
    pub message: String,
}

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// One more device would lower the total (volume band cliff).
    Cliff,
    /// The count is above the last band: custom pricing needs approval.
    PastLastBand,
    /// The extra discount is above the book's maximum: needs approval.
    NeedsApproval,
    /// A credit was larger than what remained to be billed.
    CreditLost,
    /// The quote's price-book pin differs from the book in use.
    PriceBookChanged,
}

/// The input a warning is shown beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningField {
    Devices,
    ExtraDiscount,
    Term,
    PriceBook,
}

/// Why a quote cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    #[error("unknown tier '{tier}' (allowed: {allowed})")]
    UnknownTier { tier: String, allowed: String },
    #[error("unknown device kind '{kind}' (allowed: {allowed})")]
    UnknownKind { kind: String, allowed: String },
    #[error("tier '{tier}' has no price for device kind '{kind}' (priced kinds: {allowed})")]
    KindNotPriced {
        tier: String,
        kind: String,
        allowed: String,
    },
    #[error("unknown add-on '{addon}' (allowed: {allowed})")]
    UnknownAddOn { addon: String, allowed: String },
    #[error("a term of {term} months is not offered (allowed: {allowed})")]
    TermNotOffered { term: u32, allowed: String },
    #[error("device line {line} ({tier}:{kind}) has a count of 0; counts start at 1")]
    ZeroCount {
        line: usize,
        tier: String,
        kind: String,
    },
    #[error(
        "device line {line} ({tier}:{kind}) is priced per user and the quote has no users: give the customer's users or a count"
    )]
    NoUsers {
        line: usize,
        tier: String,
        kind: String,
    },
    #[error("add-on '{addon}' has a quantity of 0; quantities start at 1")]
    ZeroQuantity { addon: String },
    #[error("setup mode '{mode}' is not offered by this price book")]
    SetupModeNotOffered { mode: String },
    #[error("extra discount {percent}% is outside 0-100")]
    ExtraDiscountOutOfRange { percent: String },
    #[error(
        "{count} {kind} devices are above the last discount band ({max}); this book refuses them"
    )]
    AboveLastBand { count: u32, kind: String, max: u32 },
    #[error("the quote has {count} devices in all; at most {max} can be priced")]
    TooManyDevices { count: u64, max: u64 },
    #[error("a term of {term} months is longer than the {max} months that can be priced")]
    TermTooLong { term: u32, max: u32 },
    /// A figure overflowed exact decimal arithmetic; names the field or figure.
    #[error(transparent)]
    AmountTooLarge(#[from] crate::core::money::AmountTooLarge),
}
