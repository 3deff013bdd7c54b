//! The customer's current IT costs (pricing-rules.md section 6): what they spend today and
//! how much of it managed services remove.
//!
//! Growth (decided): the optional annual growth applies per contract year, compounding:
//! every cost line's monthly amount in contract year `y` (months 1-12 are year 1) is its
//! entered amount x (1 + growth / 100)^(y - 1). The avoided hire does not grow: its salary
//! is the salary at the month the hire would start.
//!
//! Rounding (decided, section 6): each line's amount for a month is computed exactly and
//! rounded half away from zero to the cent once; an annual amount becomes amount / 12 per
//! month before that rounding.

use rust_decimal::Decimal;

use crate::core::money::{AmountTooLarge, Checked};

/// The customer's current IT costs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerCosts {
    /// Direct and indirect cost lines, in entry order.
    pub lines: Vec<CostLine>,
    /// The internal IT hire that managed services would make unnecessary, if any.
    pub avoided_hire: Option<AvoidedHire>,
    /// Annual growth of current costs, percent (0 when the costs stay flat).
    pub annual_growth_percent: Decimal,
}

/// One current cost of the customer.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub category: CostCategory,
    /// What the cost is ("Part-time IT admin").
    pub description: String,
    /// How the monthly amount is reached.
    pub amount: CostAmount,
    /// Share of the cost that managed services remove, percent 0-100.
    pub avoidable_percent: Decimal,
    /// Where the line came from when imported ("Costs!B7"), for messages and screens.
    pub origin: Option<String>,
}

/// The handbook's cost categories: direct costs, then indirect savings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CostCategory {
    InternalStaff,
    ConsultantFees,
    StaffAugmentation,
    Training,
    MileageTravel,
    InternalTools,
    AffiliateIncidentSupport,
    RecruitingAdvertising,
    Subscriptions,
    EmergencySupport,
    Downtime,
    EmployeeTimeLost,
    Depreciation,
    TaxEffect,
}

impl CostCategory {
    /// Every category, direct first, in the handbook's order.
    pub const ALL: [CostCategory; 14] = [
        CostCategory::InternalStaff,
        CostCategory::ConsultantFees,
        CostCategory::StaffAugmentation,
        CostCategory::Training,
        CostCategory::MileageTravel,
        CostCategory::InternalTools,
        CostCategory::AffiliateIncidentSupport,
        CostCategory::RecruitingAdvertising,
        CostCategory::Subscriptions,
        CostCategory::EmergencySupport,
        CostCategory::Downtime,
        CostCategory::EmployeeTimeLost,
        CostCategory::Depreciation,
        CostCategory::TaxEffect,
    ];

    /// The category's file id ("internal_staff").
    pub fn id(self) -> &'static str {
        match self {
            CostCategory::InternalStaff => "internal_staff",
            CostCategory::ConsultantFees => "consultant_fees",
            CostCategory::StaffAugmentation => "staff_augmentation",
            CostCategory::Training => "training",
            CostCategory::MileageTravel => "mileage_travel",
            CostCategory::InternalTools => "internal_tools",
            CostCategory::AffiliateIncidentSupport => "affiliate_incident_support",
            CostCategory::RecruitingAdvertising => "recruiting_advertising",
            CostCategory::Subscriptions => "subscriptions",
            CostCategory::EmergencySupport => "emergency_support",
            CostCategory::Downtime => "downtime",
            CostCategory::EmployeeTimeLost => "employee_time_lost",
            CostCategory::Depreciation => "depreciation",
            CostCategory::TaxEffect => "tax_effect",
        }
    }

    /// The category's name for people ("Internal staff").
    pub fn name(self) -> &'static str {
        match self {
            CostCategory::InternalStaff => "Internal staff",
            CostCategory::ConsultantFees => "Consultant fees",
            CostCategory::StaffAugmentation => "Staff augmentation",
            CostCategory::Training => "Internal staff training",
            CostCategory::MileageTravel => "Mileage and travel",
            CostCategory::InternalTools => "Tools for internal staff",
            CostCategory::AffiliateIncidentSupport => "Affiliate incident support",
            CostCategory::RecruitingAdvertising => "Recruiting and advertising",
            CostCategory::Subscriptions => "Subscriptions",
            CostCategory::EmergencySupport => "Emergency support",
            CostCategory::Downtime => "Unplanned downtime",
            CostCategory::EmployeeTimeLost => "Employee time lost",
            CostCategory::Depreciation => "Depreciation",
            CostCategory::TaxEffect => "Tax effect (opex vs capex)",
        }
    }

    /// The category with this file id, if any.
    pub fn from_id(id: &str) -> Option<CostCategory> {
        CostCategory::ALL
            .into_iter()
            .find(|category| category.id() == id)
    }

    /// True for the handbook's direct costs; false for indirect savings.
    pub fn is_direct(self) -> bool {
        !matches!(
            self,
            CostCategory::Downtime
                | CostCategory::EmployeeTimeLost
                | CostCategory::Depreciation
                | CostCategory::TaxEffect
        )
    }
}

/// How often an entered amount is spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CostPeriod {
    #[default]
    Monthly,
    Annual,
}

impl CostPeriod {
    /// The period's file name ("monthly", "annual").
    pub fn name(self) -> &'static str {
        match self {
            CostPeriod::Monthly => "monthly",
            CostPeriod::Annual => "annual",
        }
    }

    /// `amount` per month, exact (an annual amount / 12).
    pub fn monthly(self, amount: Decimal) -> Decimal {
        match self {
            CostPeriod::Monthly => amount,
            CostPeriod::Annual => amount / Decimal::from(12),
        }
    }
}

/// How a cost line's amount is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostAmount {
    /// An amount per period (staff, fees, depreciation, a tax effect as entered).
    Periodic { amount: Decimal, period: CostPeriod },
    /// Hours per month x a cost per hour (downtime; employee time lost at a loaded rate).
    Hourly {
        hours_per_month: Decimal,
        rate_per_hour: Decimal,
    },
    /// A tax rate (percent) x an amount per period (the tax effect of opex vs capex).
    RateOf {
        rate_percent: Decimal,
        amount: Decimal,
        period: CostPeriod,
    },
}

impl CostAmount {
    /// The exact (unrounded) monthly amount; failed when it overflows.
    pub fn monthly_exact(&self) -> Checked {
        match *self {
            CostAmount::Periodic { amount, period } => period.monthly(amount).into(),
            CostAmount::Hourly {
                hours_per_month,
                rate_per_hour,
            } => Checked::from(hours_per_month) * rate_per_hour,
            CostAmount::RateOf {
                rate_percent,
                amount,
                period,
            } => Checked::from(period.monthly(amount)).percent(rate_percent),
        }
    }
}

/// The internal IT hire managed services make unnecessary: usually the biggest saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AvoidedHire {
    /// Annual salary.
    pub salary: Decimal,
    /// Employment burden (benefits, payroll taxes), percent of salary.
    pub burden_percent: Decimal,
    /// One-time recruiting fee, spent in the start month.
    pub recruiting_fee: Decimal,
    /// The contract month (1-based) the hire would have started.
    pub start_month: u32,
}

impl AvoidedHire {
    /// The hire's cost in contract month `month` (1-based), rounded to the cent:
    /// salary x (1 + burden) / 12 from the start month on, plus the recruiting fee once in the
    /// start month; zero before it.
    ///
    /// # Errors
    /// [`AmountTooLarge`] naming the salary or the recruiting fee when the cost overflows.
    pub fn cost_in_month(&self, month: u32, decimals: u32) -> Result<Decimal, AmountTooLarge> {
        if month < self.start_month {
            return Ok(Decimal::ZERO);
        }
        let monthly = (Checked::from(self.salary)
            * (Checked::from(Decimal::ONE_HUNDRED) + self.burden_percent)
            / Decimal::ONE_HUNDRED
            / 12u32)
            .round(decimals)
            .or_too_large("customer_costs.avoided_hire.salary")?;
        if month == self.start_month {
            (Checked::from(monthly) + self.recruiting_fee)
                .or_too_large("customer_costs.avoided_hire.recruiting_fee")
        } else {
            Ok(monthly)
        }
    }
}

/// One month of the customer's costs without managed services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MonthCosts {
    /// Everything the customer would spend this month (lines in full + the hire).
    pub current_cost: Decimal,
    /// The part managed services remove (each line's avoidable share + the hire).
    pub avoided: Decimal,
}

impl CustomerCosts {
    /// The growth factor of contract month `month` (1-based): (1 + g)^(year - 1), computed
    /// by squaring (a handful of multiplications for any month); failed when it overflows.
    pub fn growth_factor(&self, month: u32) -> Checked {
        let years = month.saturating_sub(1) / 12;
        (Checked::from(Decimal::ONE) + self.annual_growth_percent / Decimal::ONE_HUNDRED)
            .power(years)
    }

    /// The costs of contract month `month` (1-based), each line and amount rounded to
    /// `decimals` places once.
    ///
    /// # Errors
    /// [`AmountTooLarge`] naming the line (`customer_costs.lines[2]`) or figure that
    /// overflows.
    pub fn month_costs(&self, month: u32, decimals: u32) -> Result<MonthCosts, AmountTooLarge> {
        let factor = self.growth_factor(month);
        let mut current_cost = Checked::ZERO;
        let mut avoided = Checked::ZERO;
        for (index, line) in self.lines.iter().enumerate() {
            let figure = || format!("customer_costs.lines[{index}] in contract month {month}");
            let full = (line.amount.monthly_exact() * factor)
                .value()
                .ok_or_else(|| AmountTooLarge { figure: figure() })?;
            current_cost = current_cost + Checked::from(full).round(decimals);
            avoided = avoided
                + Checked::from(full)
                    .percent(line.avoidable_percent)
                    .round(decimals);
            if current_cost.value().is_none() || avoided.value().is_none() {
                return Err(AmountTooLarge { figure: figure() });
            }
        }
        if let Some(hire) = &self.avoided_hire {
            let hire_cost = hire.cost_in_month(month, decimals)?;
            current_cost = current_cost + hire_cost;
            avoided = avoided + hire_cost;
        }
        let total = || format!("the customer's costs in contract month {month}");
        Ok(MonthCosts {
            current_cost: current_cost.or_too_large_with(total)?,
            avoided: avoided.or_too_large_with(total)?,
        })
    }

    /// The costs of contract months 1 to `months`, as [`CustomerCosts::month_costs`].
    ///
    /// # Errors
    /// The first month's [`AmountTooLarge`].
    pub fn series(&self, months: u32, decimals: u32) -> Result<Vec<MonthCosts>, AmountTooLarge> {
        (1..=months)
            .map(|month| self.month_costs(month, decimals))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn line(amount: CostAmount, avoidable: Decimal) -> CostLine {
        CostLine {
            category: CostCategory::InternalStaff,
            description: String::new(),
            amount,
            avoidable_percent: avoidable,
            origin: None,
        }
    }

    #[test]
    fn monthly_amounts_by_kind() {
        let cases = [
            // 1,200 a year / 12 = 100.00
            (
                "annual",
                CostAmount::Periodic {
                    amount: dec!(1200),
                    period: CostPeriod::Annual,
                },
                dec!(100),
            ),
            // 6 h x 250.00 = 1,500.00
            (
                "hourly",
                CostAmount::Hourly {
                    hours_per_month: dec!(6),
                    rate_per_hour: dec!(250),
                },
                dec!(1500),
            ),
            // 21% x 24,000 a year / 12 = 420.00
            (
                "rate of",
                CostAmount::RateOf {
                    rate_percent: dec!(21),
                    amount: dec!(24000),
                    period: CostPeriod::Annual,
                },
                dec!(420),
            ),
        ];
        for (name, amount, expected) in cases {
            assert_eq!(
                amount.monthly_exact().value(),
                Some(expected),
                "case {name}"
            );
        }
    }

    #[test]
    fn each_line_is_rounded_once_a_month() {
        // 1,000 a year = 83.333.. a month -> 83.33; 50% avoidable = 41.666.. -> 41.67.
        let costs = CustomerCosts {
            lines: vec![line(
                CostAmount::Periodic {
                    amount: dec!(1000),
                    period: CostPeriod::Annual,
                },
                dec!(50),
            )],
            ..CustomerCosts::default()
        };
        let month = costs.month_costs(1, 2).unwrap();
        assert_eq!(month.current_cost, dec!(83.33));
        assert_eq!(month.avoided, dec!(41.67));
    }

    #[test]
    fn growth_compounds_per_contract_year() {
        // 10% a year: months 1-12 x1, 13-24 x1.1, 25-36 x1.21.
        let costs = CustomerCosts {
            annual_growth_percent: dec!(10),
            ..CustomerCosts::default()
        };
        let cases = [
            (1, dec!(1)),
            (12, dec!(1)),
            (13, dec!(1.1)),
            (24, dec!(1.1)),
            (25, dec!(1.21)),
            (36, dec!(1.21)),
        ];
        for (month, expected) in cases {
            assert_eq!(
                costs.growth_factor(month).value(),
                Some(expected),
                "month {month}"
            );
        }
    }

    #[test]
    fn avoided_hire_counts_from_its_start_month() {
        // 60,000 x 1.25 / 12 = 6,250.00 a month; + 5,000 fee in month 3.
        let hire = AvoidedHire {
            salary: dec!(60000),
            burden_percent: dec!(25),
            recruiting_fee: dec!(5000),
            start_month: 3,
        };
        let cases = [
            (1, dec!(0)),
            (2, dec!(0)),
            (3, dec!(11250)),
            (4, dec!(6250)),
        ];
        for (month, expected) in cases {
            assert_eq!(hire.cost_in_month(month, 2), Ok(expected), "month {month}");
        }
    }
}
