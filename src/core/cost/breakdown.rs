//! What the cost engine produces: lines, category figures, the fee, margins and warnings.

use rust_decimal::Decimal;

use crate::core::price_book::Currency;

/// A cost category: each has its own markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CostCategory {
    Hardware,
    /// The interest part of leased hardware.
    Financing,
    Software,
    Affiliate,
    /// Incident-based affiliate services (marked up more).
    AffiliateIncident,
    Labour,
    /// Royalties affiliates pay us (agent fees): a negative cost, never marked up.
    AgentIncome,
}

impl CostCategory {
    /// Every category, in report order.
    pub const ALL: [CostCategory; 7] = [
        CostCategory::Hardware,
        CostCategory::Financing,
        CostCategory::Software,
        CostCategory::Affiliate,
        CostCategory::AffiliateIncident,
        CostCategory::Labour,
        CostCategory::AgentIncome,
    ];

    /// The category's id in price books, quotes and JSON ("affiliate-incident").
    pub fn id(self) -> &'static str {
        match self {
            CostCategory::Hardware => "hardware",
            CostCategory::Financing => "financing",
            CostCategory::Software => "software",
            CostCategory::Affiliate => "affiliate",
            CostCategory::AffiliateIncident => "affiliate-incident",
            CostCategory::Labour => "labour",
            CostCategory::AgentIncome => "agent-income",
        }
    }

    /// A label for people ("Affiliate (incident-based)").
    pub fn label(self) -> &'static str {
        match self {
            CostCategory::Hardware => "Hardware",
            CostCategory::Financing => "Financing",
            CostCategory::Software => "Software",
            CostCategory::Affiliate => "Affiliate services",
            CostCategory::AffiliateIncident => "Affiliate (incident-based)",
            CostCategory::Labour => "Internal labour",
            CostCategory::AgentIncome => "Agent-fee income",
        }
    }

    /// The category with this id.
    pub fn from_id(id: &str) -> Option<CostCategory> {
        CostCategory::ALL
            .into_iter()
            .find(|category| category.id() == id)
    }

    /// Whether a markup may be set for it (agent income is never marked up).
    pub fn takes_markup(self) -> bool {
        self != CostCategory::AgentIncome
    }
}

/// One monthly cost line, rounded to the cent.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub category: CostCategory,
    pub description: String,
    /// How the amount was reached ("2 x $6,000.00 leased at 7.5% over 36 months"): read it
    /// with [`CostLine::detail_text`].
    pub detail: CostDetail,
    /// Monthly cost (negative for agent income).
    pub monthly_cost: Decimal,
    /// The quote field the line comes from (`cost_analysis.hardware[2]`).
    pub field: String,
    /// Where an imported line came from (`Costs!A7`).
    pub source: Option<String>,
}

/// How a cost line's amount was reached. The common hardware lines keep their figures and
/// are written as text only when shown ([`CostLine::detail_text`]), so an analysis of many
/// lines does not format a text per line at every evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum CostDetail {
    /// The text as the engine wrote it.
    Text(String),
    /// "2 x $1,200.00 purchased, over 36 months".
    Purchased {
        quantity: u32,
        unit_cost: Decimal,
        months: u32,
    },
    /// "2 x $45.00 a month".
    Monthly { quantity: u32, unit_cost: Decimal },
}

impl CostLine {
    /// How the amount was reached, for people, with money in `currency` (the breakdown's).
    pub fn detail_text(&self, currency: &Currency) -> std::borrow::Cow<'_, str> {
        match &self.detail {
            CostDetail::Text(text) => std::borrow::Cow::Borrowed(text.as_str()),
            CostDetail::Purchased {
                quantity,
                unit_cost,
                months,
            } => std::borrow::Cow::Owned(format!(
                "{quantity} x {} purchased, over {months} months",
                currency.money(*unit_cost)
            )),
            CostDetail::Monthly {
                quantity,
                unit_cost,
            } => std::borrow::Cow::Owned(format!(
                "{quantity} x {} a month",
                currency.money(*unit_cost)
            )),
        }
    }
}

/// The figures of one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryFigures {
    pub category: CostCategory,
    /// Sum of the category's monthly line costs.
    pub cost: Decimal,
    pub markup_percent: Decimal,
    /// cost x markup_percent / 100, rounded half away from zero to the cent.
    pub markup: Decimal,
    /// cost + markup.
    pub price: Decimal,
}

/// What one standard tier would earn for the same devices.
#[derive(Debug, Clone, PartialEq)]
pub struct TierMargin {
    pub tier: String,
    pub tier_name: String,
    /// Devices priced at the tier.
    pub devices: u32,
    /// The tier's monthly price for them after the quantity discount.
    pub monthly_price: Decimal,
    /// The tier's internal reserve for them (per device x devices).
    pub reserve: Decimal,
    /// monthly_price - reserve - total monthly cost.
    pub margin: Decimal,
    /// margin / monthly_price x 100, rounded to two decimals (zero when the price is zero).
    pub margin_percent: Decimal,
}

/// A warning about an analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostWarning {
    pub kind: CostWarningKind,
    pub message: String,
}

/// What a cost warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostWarningKind {
    /// The cost-plus price's gross margin is below the book's floor.
    MarginBelowFloor,
    /// A standard tier's margin for these devices is below the floor.
    TierMarginBelowFloor,
    /// Something loses money every month.
    NegativeMargin,
    /// A category has costs but no markup in the book or quote: 0% was used.
    MissingMarkup,
    /// A subscription quantity is above its last band: the last band's cost was used.
    PastLastBand,
    /// A tier could not be priced for these devices and is left out of the comparison.
    TierNotComparable,
}

/// A complete cost analysis result.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBreakdown {
    pub currency: Currency,
    /// Managed devices the fee is divided over.
    pub devices: u32,
    pub term_months: u32,
    /// Every monthly cost line, in input order: hardware, software, affiliates, labour.
    pub lines: Vec<CostLine>,
    /// Categories that have lines, in [`CostCategory::ALL`] order.
    pub categories: Vec<CategoryFigures>,
    /// Sum of category costs (net of agent income).
    pub total_monthly_cost: Decimal,
    pub total_monthly_markup: Decimal,
    /// total_monthly_cost + total_monthly_markup.
    pub total_monthly_price: Decimal,
    /// total_monthly_price / devices, rounded half away from zero to the cent.
    pub per_device_monthly_fee: Decimal,
    /// total_monthly_price - total_monthly_cost.
    pub gross_margin: Decimal,
    /// gross_margin / total_monthly_price x 100, rounded to two decimals.
    pub gross_margin_percent: Decimal,
    /// The book's margin floor, percent.
    pub margin_floor_percent: Decimal,
    pub tier_comparison: Vec<TierMargin>,
    pub warnings: Vec<CostWarning>,
}

impl CostBreakdown {
    /// The figures of `category`, if it has lines.
    pub fn category(&self, category: CostCategory) -> Option<&CategoryFigures> {
        self.categories
            .iter()
            .find(|figures| figures.category == category)
    }
}

/// Why an analysis cannot be computed: the quote field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct CostError {
    /// Field path in the quote (`cost_analysis.labour.tasks[3].task`).
    pub field: String,
    pub message: String,
}

impl From<crate::core::money::AmountTooLarge> for CostError {
    fn from(error: crate::core::money::AmountTooLarge) -> Self {
        CostError {
            field: error.figure,
            message: "too large to compute exactly (amounts are limited to 1,000,000,000 per field; see docs/COST-ANALYSIS.md)".to_string(),
        }
    }
}

impl CostError {
    pub(crate) fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        CostError {
            field: field.into(),
            message: message.into(),
        }
    }
}
