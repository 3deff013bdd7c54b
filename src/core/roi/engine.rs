//! The month-by-month ROI over an invoice schedule.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::{CustomerCosts, MonthCosts, RoiMonth, RoiResult};
use crate::core::money::{round_half_away, round_percent};
use crate::core::pricing::ScheduleMonth;

/// The default annual discount rate for NPV, percent.
pub const DEFAULT_DISCOUNT_RATE_PERCENT: Decimal = dec!(8);

/// The ROI of `costs` against the invoice `schedule` (one row per contract month, from the
/// pricing engine), money rounded to `decimals` places, NPV at `discount_rate_percent` a year.
pub fn roi_over_schedule(
    costs: &CustomerCosts,
    schedule: &[ScheduleMonth],
    discount_rate_percent: Decimal,
    decimals: u32,
) -> RoiResult {
    let series = costs.series(schedule.len() as u32, decimals);
    roi_over_series(&series, schedule, discount_rate_percent, decimals)
}

/// As [`roi_over_schedule`], from the customer's costs already computed month by month
/// (`series[0]` is month 1; months past its end cost nothing): lets several options share
/// one computation of the costs.
pub fn roi_over_series(
    series: &[MonthCosts],
    schedule: &[ScheduleMonth],
    discount_rate_percent: Decimal,
    decimals: u32,
) -> RoiResult {
    let mut months = Vec::with_capacity(schedule.len());
    let mut cumulative_net = Decimal::ZERO;
    let mut cumulative_avoided = Decimal::ZERO;
    let mut cumulative_paid = Decimal::ZERO;
    let mut current_costs = Decimal::ZERO;
    let mut payback_month = None;
    for (index, row) in schedule.iter().enumerate() {
        let month_costs = series.get(index).copied().unwrap_or_default();
        let net = month_costs.avoided - row.due;
        cumulative_net += net;
        cumulative_avoided += month_costs.avoided;
        cumulative_paid += row.due;
        current_costs += month_costs.current_cost;
        if payback_month.is_none() && cumulative_avoided >= cumulative_paid {
            payback_month = Some(row.month);
        }
        months.push(RoiMonth {
            month: row.month,
            current_cost: month_costs.current_cost,
            avoided: month_costs.avoided,
            paid: row.due,
            net,
            cumulative_net,
        });
    }
    let investment = cumulative_paid;
    let net_savings = cumulative_avoided - investment;
    let roi_percent = (!investment.is_zero())
        .then(|| round_percent(net_savings * Decimal::ONE_HUNDRED / investment));
    let flows: Vec<Decimal> = months.iter().map(|month| month.net).collect();
    RoiResult {
        term_months: schedule.len() as u32,
        investment,
        avoided_costs: cumulative_avoided,
        current_costs,
        net_savings,
        roi_percent,
        payback_month,
        npv: round_half_away(npv(&flows, discount_rate_percent), decimals),
        discount_rate_percent,
        months,
    }
}

/// Net present value of monthly `flows` (month 1 first) at an annual rate of
/// `annual_rate_percent` compounded monthly, end-of-month convention: the flow of month m is
/// divided by (1 + r/12)^m. Exact to Decimal precision, not rounded.
pub fn npv(flows: &[Decimal], annual_rate_percent: Decimal) -> Decimal {
    let step = Decimal::ONE + annual_rate_percent / Decimal::ONE_HUNDRED / Decimal::from(12);
    let mut factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    for flow in flows {
        factor *= step;
        total += *flow / factor;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_at_zero_is_the_plain_sum() {
        let flows = [dec!(-1000), dec!(300.25), dec!(700.10)];
        assert_eq!(npv(&flows, Decimal::ZERO), dec!(0.35));
    }

    #[test]
    fn npv_discounts_end_of_month() {
        // 12% a year = 1% a month: 101 in month 1 is worth 101 / 1.01 = 100 today;
        // 102.01 in month 2 is worth 102.01 / 1.0201 = 100.
        let flows = [dec!(101), dec!(102.01)];
        assert_eq!(round_half_away(npv(&flows, dec!(12)), 10), dec!(200));
    }
}
