//! Return on investment (pricing-rules.md section 6): the customer's current costs against
//! what the contract costs, month by month over the term, and option by option.
//!
//! Decided definitions:
//! - investment = everything paid under the contract (the pricing engine's total contract
//!   value: setup + monthly fees - credits);
//! - net savings = avoided costs over the term - investment; ROI % = net savings /
//!   investment x 100, half away from zero to two decimals (none when nothing is paid);
//! - payback month = the first month in which cumulative avoided costs reach cumulative
//!   payments (none if never);
//! - NPV of the monthly net flows (avoided - paid) at an annual rate r compounded monthly,
//!   end-of-month: the flow of month m is divided by (1 + r/12)^m; at r = 0, NPV = net savings.
//!
//! Growth and rounding of current costs: see [`costs`].

pub mod costs;
mod engine;
mod options;

pub use costs::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, MonthCosts,
};
pub use engine::{DEFAULT_DISCOUNT_RATE_PERCENT, npv, roi_over_schedule, roi_over_series};
pub use options::{RoiOption, RoiOptionKind, RoiPricingError, roi_options};

use rust_decimal::Decimal;

/// One contract month of the ROI view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoiMonth {
    /// Contract month, 1-based.
    pub month: u32,
    /// What the customer would spend without managed services.
    pub current_cost: Decimal,
    /// The part of it managed services remove.
    pub avoided: Decimal,
    /// What the customer pays under the contract (the schedule's amount due).
    pub paid: Decimal,
    /// avoided - paid.
    pub net: Decimal,
    /// Sum of `net` from month 1 to this month.
    pub cumulative_net: Decimal,
}

/// The ROI of one priced configuration over its term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoiResult {
    pub term_months: u32,
    /// Total paid under the contract (= the total contract value).
    pub investment: Decimal,
    /// Total avoided costs over the term.
    pub avoided_costs: Decimal,
    /// Total current costs over the term (avoidable or not).
    pub current_costs: Decimal,
    /// avoided_costs - investment.
    pub net_savings: Decimal,
    /// net_savings / investment x 100, rounded to two decimals; `None` when nothing is paid.
    pub roi_percent: Option<Decimal>,
    /// First month whose cumulative avoided costs reach cumulative payments.
    pub payback_month: Option<u32>,
    /// Net present value of the monthly net flows, rounded to the cent.
    pub npv: Decimal,
    /// The annual discount rate of `npv`, percent.
    pub discount_rate_percent: Decimal,
    pub months: Vec<RoiMonth>,
}
