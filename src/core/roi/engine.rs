//! The month-by-month ROI over an invoice schedule.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::{CustomerCosts, MonthCosts, RoiMonth, RoiResult};
use crate::core::money::{AmountTooLarge, Checked, round_half_away, round_percent};
use crate::core::pricing::ScheduleMonth;

/// The default annual discount rate for NPV, percent.
pub const DEFAULT_DISCOUNT_RATE_PERCENT: Decimal = dec!(8);

/// The ROI of `costs` against the invoice `schedule` (one row per contract month, from the
/// pricing engine), money rounded to `decimals` places, NPV at `discount_rate_percent` a year.
///
/// # Errors
/// [`AmountTooLarge`] naming the customer-cost line or the figure that overflows.
pub fn roi_over_schedule(
    costs: &CustomerCosts,
    schedule: &[ScheduleMonth],
    discount_rate_percent: Decimal,
    decimals: u32,
) -> Result<RoiResult, AmountTooLarge> {
    let months = u32::try_from(schedule.len()).unwrap_or(u32::MAX);
    let series = costs.series(months, decimals)?;
    roi_over_series(&series, schedule, discount_rate_percent, decimals)
}

/// As [`roi_over_schedule`], from the customer's costs already computed month by month
/// (`series[0]` is month 1; months past its end cost nothing): lets several options share
/// one computation of the costs.
///
/// # Errors
/// [`AmountTooLarge`] naming the figure that overflows (a cumulative sum, the NPV).
pub fn roi_over_series(
    series: &[MonthCosts],
    schedule: &[ScheduleMonth],
    discount_rate_percent: Decimal,
    decimals: u32,
) -> Result<RoiResult, AmountTooLarge> {
    let mut months = Vec::with_capacity(schedule.len());
    let mut cumulative_net = Decimal::ZERO;
    let mut cumulative_avoided = Decimal::ZERO;
    let mut cumulative_paid = Decimal::ZERO;
    let mut current_costs = Decimal::ZERO;
    let mut payback_month = None;
    for (index, row) in schedule.iter().enumerate() {
        let month_costs = series.get(index).copied().unwrap_or_default();
        let figure = |what: &str| format!("the {what} up to contract month {}", row.month);
        let net =
            (Checked::from(month_costs.avoided) - row.due).or_too_large(figure("net saving"))?;
        cumulative_net =
            (Checked::from(cumulative_net) + net).or_too_large(figure("cumulative net saving"))?;
        cumulative_avoided = (Checked::from(cumulative_avoided) + month_costs.avoided)
            .or_too_large(figure("avoided costs"))?;
        cumulative_paid =
            (Checked::from(cumulative_paid) + row.due).or_too_large(figure("payments"))?;
        current_costs = (Checked::from(current_costs) + month_costs.current_cost)
            .or_too_large(figure("current costs"))?;
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
    let net_savings =
        (Checked::from(cumulative_avoided) - investment).or_too_large("the net savings")?;
    let roi_percent = if investment.is_zero() {
        None
    } else {
        let percent = (Checked::from(net_savings) * Decimal::ONE_HUNDRED / investment)
            .value()
            .or_else(|| (Checked::from(net_savings) / investment * Decimal::ONE_HUNDRED).value());
        Some(round_percent(percent.ok_or_else(|| AmountTooLarge {
            figure: "the ROI percentage".to_string(),
        })?))
    };
    let flows: Vec<Decimal> = months.iter().map(|month| month.net).collect();
    let npv = npv(&flows, discount_rate_percent).ok_or_else(|| AmountTooLarge {
        figure: format!("the NPV at {discount_rate_percent}% a year"),
    })?;
    Ok(RoiResult {
        term_months: u32::try_from(schedule.len()).unwrap_or(u32::MAX),
        investment,
        avoided_costs: cumulative_avoided,
        current_costs,
        net_savings,
        roi_percent,
        payback_month,
        npv: round_half_away(npv, decimals),
        discount_rate_percent,
        months,
    })
}

/// Net present value of monthly `flows` (month 1 first) at an annual rate of
/// `annual_rate_percent` compounded monthly, end-of-month convention: the flow of month m is
/// divided by (1 + r/12)^m. Exact to Decimal precision, not rounded.
///
/// `None` when the figure cannot be computed: a rate of -1,200% or less (the factor reaches
/// zero or changes sign), or a factor or total past exact decimal arithmetic.
pub fn npv(flows: &[Decimal], annual_rate_percent: Decimal) -> Option<Decimal> {
    let step = (Checked::from(Decimal::ONE)
        + annual_rate_percent / Decimal::ONE_HUNDRED / Decimal::from(12))
    .value()?;
    if step <= Decimal::ZERO {
        return None;
    }
    let mut factor = Checked::from(Decimal::ONE);
    let mut total = Checked::ZERO;
    for flow in flows {
        factor = factor * step;
        total = total + Checked::from(*flow) / factor;
    }
    total.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_at_zero_is_the_plain_sum() {
        let flows = [dec!(-1000), dec!(300.25), dec!(700.10)];
        assert_eq!(npv(&flows, Decimal::ZERO), Some(dec!(0.35)));
    }

    #[test]
    fn npv_discounts_end_of_month() {
        // 12% a year = 1% a month: 101 in month 1 is worth 101 / 1.01 = 100 today;
        // 102.01 in month 2 is worth 102.01 / 1.0201 = 100.
        let flows = [dec!(101), dec!(102.01)];
        assert_eq!(
            round_half_away(npv(&flows, dec!(12)).unwrap(), 10),
            dec!(200)
        );
    }

    #[test]
    fn npv_refuses_what_it_cannot_compute() {
        let flows = [dec!(100); 3];
        assert_eq!(npv(&flows, dec!(-1200)), None, "a zero factor");
        assert_eq!(npv(&flows, dec!(-2400)), None, "a negative factor");
        assert_eq!(
            npv(&[Decimal::MAX, Decimal::MAX], Decimal::ZERO),
            None,
            "overflow"
        );
    }
}
