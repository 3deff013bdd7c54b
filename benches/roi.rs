//! ROI over 36 months for four options (Bronze, Silver, Gold, the quote) with 500 cost lines.

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, roi_options,
};
use msp_quote::formats::price_book::standard_book;
use rust_decimal::Decimal;

fn costs_with_lines(lines: usize) -> CustomerCosts {
    CustomerCosts {
        lines: (0..lines)
            .map(|index| {
                let amount = Decimal::new(10_000 + index as i64 * 137, 2);
                let period = if index % 2 == 0 {
                    CostPeriod::Monthly
                } else {
                    CostPeriod::Annual
                };
                CostLine {
                    category: CostCategory::ALL[index % CostCategory::ALL.len()],
                    description: format!("line {index}"),
                    amount: match index % 3 {
                        0 => CostAmount::Periodic { amount, period },
                        1 => CostAmount::Hourly {
                            hours_per_month: Decimal::new(35, 1),
                            rate_per_hour: amount,
                        },
                        _ => CostAmount::RateOf {
                            rate_percent: Decimal::from(25),
                            amount,
                            period,
                        },
                    },
                    avoidable_percent: Decimal::from(index as u32 % 101),
                    origin: None,
                }
            })
            .collect(),
        avoided_hire: Some(AvoidedHire {
            salary: Decimal::from(72_000),
            burden_percent: Decimal::from(28),
            recruiting_fee: Decimal::from(9_000),
            start_month: 4,
        }),
        annual_growth_percent: Decimal::from(3),
    }
}

/// The ROI engine's benchmarks.
pub fn benches(c: &mut Criterion) {
    let Ok(loaded) = standard_book() else {
        return;
    };
    let book = loaded.book;
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default());
    quote.term_months = 36;
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 9,
    }];
    let costs = costs_with_lines(500);
    let rate = Decimal::from(8);
    c.bench_function("roi/36 months, 4 options, 500 cost lines", |b| {
        b.iter(|| roi_options(black_box(&book), black_box(&quote), black_box(&costs), rate))
    });
}
