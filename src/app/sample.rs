//! The first-run sample: a quote of worked example 1 with a cost analysis and the customer's
//! current costs, so every tab shows something the first time; and the empty book used only
//! if the embedded standard book could not be read.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::core::quote::{DeviceLine, Quote, SetupMode};
use crate::formats::price_book::LoadedBook;

/// The sample quote shown the first time: worked example 1 of pricing-rules.md (7 Silver
/// servers, 24 months, setup up front).
pub fn sample_quote(today: NaiveDate) -> Quote {
    let mut quote = Quote::empty(today);
    quote.number = "Q-0001".to_string();
    quote.customer.name = "Example Dental Group".to_string();
    quote.customer.contact = "Dana Whitfield".to_string();
    quote.customer.sites = 2;
    quote.customer.users = 40;
    quote.customer.desktops = 35;
    quote.devices.push(DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 7,
    });
    quote.term_months = 24;
    quote.setup_mode = SetupMode::Upfront;
    quote.cost_analysis = Some(sample_cost_analysis());
    quote.customer_costs = Some(sample_customer_costs());
    quote
}

/// What IT costs the sample customer today, and the hire it would make next.
fn sample_customer_costs() -> crate::core::roi::CustomerCosts {
    use crate::core::roi::*;
    let line = |category, description: &str, amount, avoidable: i64| CostLine {
        category,
        description: description.to_string(),
        amount,
        avoidable_percent: Decimal::from(avoidable),
        origin: None,
    };
    CustomerCosts {
        lines: vec![
            line(
                CostCategory::InternalStaff,
                "Part-time IT administrator",
                CostAmount::Periodic {
                    amount: Decimal::from(3500),
                    period: CostPeriod::Monthly,
                },
                100,
            ),
            line(
                CostCategory::ConsultantFees,
                "Break-fix consultants",
                CostAmount::Periodic {
                    amount: Decimal::from(1200),
                    period: CostPeriod::Monthly,
                },
                80,
            ),
            line(
                CostCategory::Downtime,
                "Unplanned downtime",
                CostAmount::Hourly {
                    hours_per_month: Decimal::from(6),
                    rate_per_hour: Decimal::from(400),
                },
                50,
            ),
        ],
        avoided_hire: Some(AvoidedHire {
            salary: Decimal::from(65_000),
            burden_percent: Decimal::from(30),
            recruiting_fee: Decimal::from(8_000),
            start_month: 7,
        }),
        annual_growth_percent: Decimal::from(3),
    }
}

/// The provider's cost of serving the sample customer: a firewall and a backup appliance,
/// the monitoring agent, spam filtering from an affiliate, and the book's labour catalog.
fn sample_cost_analysis() -> crate::core::cost::CostAnalysis {
    use crate::core::cost::*;
    CostAnalysis {
        hardware: vec![
            HardwareLine {
                description: "Firewall".to_string(),
                quantity: 1,
                unit_cost: Decimal::new(1450, 0),
                acquisition: Acquisition::Purchased,
                source: None,
            },
            HardwareLine {
                description: "Backup appliance".to_string(),
                quantity: 1,
                unit_cost: Decimal::new(4800, 0),
                acquisition: Acquisition::Leased {
                    apr_percent: Decimal::new(75, 1),
                    months: 24,
                },
                source: None,
            },
        ],
        software: vec![SoftwareLine {
            description: "Monitoring and management agent".to_string(),
            basis: SoftwareBasis::PerDevice,
            quantity: None,
            unit_cost: Decimal::new(950, 2),
            billing: SoftwareBilling::Monthly,
            source: None,
        }],
        affiliates: vec![AffiliateLine {
            description: "Spam filtering".to_string(),
            model: AffiliateModel::UserBased {
                unit_cost: Decimal::new(120, 2),
                period: FeePeriod::Month,
                quantity: None,
            },
            source: None,
        }],
        ..CostAnalysis::default()
    }
}

/// A book that cannot exist in practice (the embedded one is tested); keeps the types total.
pub(super) fn empty_fallback_book() -> LoadedBook {
    use crate::core::price_book::*;
    LoadedBook {
        book: PriceBook {
            id: "empty".to_string(),
            name: "Empty".to_string(),
            version: "0".to_string(),
            effective_date: NaiveDate::default(),
            currency: Currency {
                code: "USD".to_string(),
                symbol: "$".to_string(),
                decimals: 2,
            },
            device_kinds: Vec::new(),
            tiers: Vec::new(),
            discount_schedules: Vec::new(),
            terms: Vec::new(),
            setup: SetupFee {
                amount: Decimal::ZERO,
                upfront_offered: true,
                amortized_offered: false,
            },
            hourly_rates: Vec::new(),
            addons: Vec::new(),
            contract: ContractRules {
                late_fee_percent_per_month: Decimal::ZERO,
                liquidated_damages_months: 0,
                quote_valid_days: 0,
            },
            technical_support: TechnicalSupportRules {
                accrual_increment_minutes: 15,
                carry_over: false,
            },
            flex_time: FlexTimeRules {
                bank_cap_hours: Decimal::ZERO,
                expires_at_calendar_year_end: true,
                on_site_block_hours: Decimal::ZERO,
            },
            guardrails: Guardrails {
                max_extra_discount_percent: Decimal::ZERO,
                margin_floor_percent: Decimal::ZERO,
            },
            customer_requirements: Vec::new(),
            patch_targets: Vec::new(),
            service_levels: None,
            branding: Branding {
                company_name: String::new(),
                address_lines: Vec::new(),
                logo: None,
                accent_rgb: [0, 0, 0],
                paper: PaperSize::A4,
            },
            cost_defaults: CostDefaults::default(),
            options: Default::default(),
        },
        path: None,
        sha256: String::new(),
    }
}
