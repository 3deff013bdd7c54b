//! Monthly cost of hardware, software and affiliate lines, each rounded to the cent.

use rust_decimal::Decimal;

use super::breakdown::{
    CostCategory, CostDetail, CostError, CostLine, CostWarning, CostWarningKind,
};
use super::model::{
    Acquisition, AffiliateLine, AffiliateModel, FeePeriod, HardwareLine, SoftwareBasis,
    SoftwareBilling, SoftwareLine, SubscriptionBand,
};
use crate::core::bands::band_for_count;
use crate::core::money::{Checked, display, percent_text};
use crate::core::price_book::Band;

/// What line costing needs to know about the customer and the currency.
pub(super) struct LineContext<'a> {
    pub devices: u32,
    pub users: u32,
    pub term_months: u32,
    pub symbol: &'a str,
    pub decimals: u32,
}

impl LineContext<'_> {
    fn money(&self, amount: Decimal) -> String {
        display(amount, self.symbol, self.decimals)
    }

    /// `amount` rounded to the cent, or the error naming `field` when it overflowed.
    fn round(&self, amount: Checked, field: &str) -> Result<Decimal, CostError> {
        Ok(amount.round(self.decimals).or_too_large(field)?)
    }

    /// [`LineContext::round`] with a field path written only when the amount is too large.
    fn round_lazy(
        &self,
        amount: Checked,
        field: impl std::fmt::Display,
    ) -> Result<Decimal, CostError> {
        Ok(amount.round(self.decimals).or_too_large(field)?)
    }
}

/// The monthly payment that repays `principal` in `months` equal payments at `apr_percent`
/// a year, compounded monthly (ordinary annuity, payments at the end of each month):
/// `P x r x (1+r)^n / ((1+r)^n - 1)` with `r = APR / 1200`; `P / n` at 0%. Computed with
/// Decimal's 28 significant digits and rounded half away from zero to `decimals` places.
///
/// Returns `None` when `months` is zero or the arithmetic overflows.
pub fn lease_payment(
    principal: Decimal,
    apr_percent: Decimal,
    months: u32,
    decimals: u32,
) -> Option<Decimal> {
    if months == 0 {
        return None;
    }
    let rate = apr_percent.checked_div(Decimal::from(1200))?;
    if rate.is_zero() {
        return (Checked::from(principal) / months).round(decimals).value();
    }
    let growth = (Checked::from(Decimal::ONE) + rate).power(months);
    (Checked::from(principal) * rate * growth / (growth - Decimal::ONE))
        .round(decimals)
        .value()
}

/// The cost lines of one hardware line: one line, or for a lease its principal part
/// (hardware: principal / months, rounded) and its interest part (financing: the payment
/// minus the principal part), as a pair so no list is allocated per line.
pub(super) fn hardware_lines(
    context: &LineContext<'_>,
    index: usize,
    line: &HardwareLine,
) -> Result<(CostLine, Option<CostLine>), CostError> {
    let field = format!("cost_analysis.hardware[{index}]");
    // Written only when an amount is too large: no text per line on the common path.
    let unit_cost_field = format_args_lazy(&field, ".unit_cost");
    let total = (Checked::from(line.unit_cost) * line.quantity).or_too_large(&unit_cost_field)?;
    let make = |category, detail: CostDetail, monthly_cost| CostLine {
        category,
        description: line.description.clone(),
        detail,
        monthly_cost,
        field: field.clone(),
        source: line.source.clone(),
    };
    Ok(match line.acquisition {
        Acquisition::Purchased => {
            let months = context.term_months.max(1);
            (
                make(
                    CostCategory::Hardware,
                    CostDetail::Purchased {
                        quantity: line.quantity,
                        unit_cost: line.unit_cost,
                        months,
                    },
                    context.round_lazy(Checked::from(total) / months, &unit_cost_field)?,
                ),
                None,
            )
        }
        Acquisition::Monthly => (
            make(
                CostCategory::Hardware,
                CostDetail::Monthly {
                    quantity: line.quantity,
                    unit_cost: line.unit_cost,
                },
                context.round_lazy(total.into(), &unit_cost_field)?,
            ),
            None,
        ),
        Acquisition::Leased {
            apr_percent,
            months,
        } => {
            if months == 0 {
                return Err(CostError::new(
                    format!("{field}.acquisition"),
                    "the lease payment cannot be computed (months must be at least 1)",
                ));
            }
            let payment =
                lease_payment(total, apr_percent, months, context.decimals).ok_or_else(|| {
                    CostError::from(crate::core::money::AmountTooLarge {
                        figure: format!("{field}.acquisition (the lease payment)"),
                    })
                })?;
            let principal = context.round_lazy(Checked::from(total) / months, &unit_cost_field)?;
            let detail = format!(
                "{} x {} leased at {}% APR over {} months: {} a month",
                line.quantity,
                context.money(line.unit_cost),
                percent_text(apr_percent),
                months,
                context.money(payment)
            );
            (
                make(CostCategory::Hardware, CostDetail::Text(detail), principal),
                Some(make(
                    CostCategory::Financing,
                    CostDetail::Text(format!("interest part of {}", context.money(payment))),
                    context.round_lazy(Checked::from(payment) - principal, &unit_cost_field)?,
                )),
            )
        }
    })
}

/// The monthly cost line of a software licence.
pub(super) fn software_line(
    context: &LineContext<'_>,
    index: usize,
    line: &SoftwareLine,
) -> Result<CostLine, CostError> {
    let (default_quantity, unit) = match line.basis {
        SoftwareBasis::PerDevice => (context.devices, "device"),
        SoftwareBasis::PerUser => (context.users, "user"),
        SoftwareBasis::Flat => (1, "licence"),
    };
    let quantity = line.quantity.unwrap_or(default_quantity);
    let (divisor, period) = match line.billing {
        SoftwareBilling::Monthly => (1u32, "month"),
        SoftwareBilling::Annual => (12, "year"),
    };
    let field = format!("cost_analysis.software[{index}]");
    let total = Checked::from(line.unit_cost) * quantity;
    Ok(CostLine {
        category: CostCategory::Software,
        description: line.description.clone(),
        detail: CostDetail::Text(format!(
            "{quantity} {unit}{} x {} a {period}",
            if quantity == 1 { "" } else { "s" },
            context.money(line.unit_cost)
        )),
        monthly_cost: context.round(total / divisor, &format!("{field}.unit_cost"))?,
        field,
        source: line.source.clone(),
    })
}

/// The monthly cost line of an affiliate service (negative for agent-fee income).
pub(super) fn affiliate_line(
    context: &LineContext<'_>,
    index: usize,
    line: &AffiliateLine,
    warnings: &mut Vec<CostWarning>,
) -> Result<CostLine, CostError> {
    let field = format!("cost_analysis.affiliates[{index}]");
    let per_period = |unit_cost: Decimal, quantity: u32, period: FeePeriod| {
        context.round(
            Checked::from(unit_cost) * quantity / period.months(),
            &format!("{field}.model.unit_cost"),
        )
    };
    let period_name = |period: FeePeriod| match period {
        FeePeriod::Month => "month",
        FeePeriod::Quarter => "quarter",
    };
    let (category, detail, monthly_cost) = match &line.model {
        AffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => (
            CostCategory::AgentIncome,
            format!(
                "royalty {}% of {} a month",
                percent_text(*royalty_percent),
                context.money(*monthly_sell_price)
            ),
            -context.round(
                Checked::from(*monthly_sell_price) * *royalty_percent / Decimal::ONE_HUNDRED,
                &format!("{field}.model.monthly_sell_price"),
            )?,
        ),
        AffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        } => {
            let quantity = quantity.unwrap_or(context.users);
            (
                CostCategory::Affiliate,
                format!(
                    "{quantity} users x {} a {}",
                    context.money(*unit_cost),
                    period_name(*period)
                ),
                per_period(*unit_cost, quantity, *period)?,
            )
        }
        AffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => {
            let quantity = quantity.unwrap_or(context.devices);
            (
                CostCategory::Affiliate,
                format!(
                    "{quantity} devices x {} a {}",
                    context.money(*unit_cost),
                    period_name(*period)
                ),
                per_period(*unit_cost, quantity, *period)?,
            )
        }
        AffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => {
            let quantity = quantity.unwrap_or(context.devices);
            let band = subscription_band(bands, quantity).ok_or_else(|| {
                CostError::new(
                    format!("{field}.model"),
                    format!("no subscription band holds a quantity of {quantity}"),
                )
            })?;
            if band.1 {
                warnings.push(CostWarning {
                    kind: CostWarningKind::PastLastBand,
                    message: format!(
                        "{}: {quantity} units are above the last subscription band; its cost was used",
                        line.description
                    ),
                });
            }
            let chosen = band.0;
            (
                CostCategory::Affiliate,
                format!(
                    "{quantity} units x {} a {} (band {}-{})",
                    context.money(chosen.unit_cost),
                    period_name(*period),
                    chosen.min,
                    chosen.max
                ),
                per_period(chosen.unit_cost, quantity, *period)?,
            )
        }
        AffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => (
            CostCategory::AffiliateIncident,
            format!(
                "{} incidents a month x {}",
                incidents_per_month.normalize(),
                context.money(*cost_per_incident)
            ),
            context.round(
                Checked::from(*incidents_per_month) * *cost_per_incident,
                &format!("{field}.model.cost_per_incident"),
            )?,
        ),
    };
    Ok(CostLine {
        category,
        description: line.description.clone(),
        detail: CostDetail::Text(detail),
        monthly_cost,
        field,
        source: line.source.clone(),
    })
}

/// The band (volume mode: the whole quantity at one band's cost) for `quantity`, evaluated
/// with the engine's band code, and whether it was past the last band.
fn subscription_band(
    bands: &[SubscriptionBand],
    quantity: u32,
) -> Option<(SubscriptionBand, bool)> {
    let as_bands: Vec<Band> = bands
        .iter()
        .map(|band| Band {
            min: band.min,
            max: band.max,
            discount_percent: Decimal::ZERO,
        })
        .collect();
    let lookup = band_for_count(&as_bands, quantity)?;
    bands
        .get(lookup.index)
        .map(|band| (*band, lookup.past_last_band))
}

/// `prefix` followed by `suffix`, written only when displayed (a field path of an error that
/// is rarely raised).
fn format_args_lazy<'a>(prefix: &'a str, suffix: &'a str) -> impl std::fmt::Display + 'a {
    struct Joined<'a>(&'a str, &'a str);
    impl std::fmt::Display for Joined<'_> {
        fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            formatter.write_str(self.0)?;
            formatter.write_str(self.1)
        }
    }
    Joined(prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn lease_payments_match_known_annuity_values() {
        // Standard loan-table values of P r (1+r)^n / ((1+r)^n - 1), r = APR/1200:
        // 10,000 at 6% over 36 months: r = 0.005, (1.005)^36 = 1.196680525...,
        //   10,000 x 0.005 x 1.19668 / 0.19668 = 304.2194 -> 304.22.
        // 20,000 at 5% over 60 months: 377.4246 -> 377.42.
        // 1,000 at 12% over 12 months: r = 0.01, (1.01)^12 = 1.126825..., 88.8488 -> 88.85.
        // 12,000 at 0% over 24 months: 500.00 exactly.
        // 5,000 at 9% over 1 month: 5,000 x 1.0075 = 5,037.50.
        let cases = [
            ("10k 6% 36m", dec!(10000), dec!(6), 36, dec!(304.22)),
            ("20k 5% 60m", dec!(20000), dec!(5), 60, dec!(377.42)),
            ("1k 12% 12m", dec!(1000), dec!(12), 12, dec!(88.85)),
            ("12k 0% 24m", dec!(12000), dec!(0), 24, dec!(500.00)),
            ("5k 9% 1m", dec!(5000), dec!(9), 1, dec!(5037.50)),
        ];
        for (name, principal, apr, months, expected) in cases {
            assert_eq!(
                lease_payment(principal, apr, months, 2),
                Some(expected),
                "case {name}"
            );
        }
        assert_eq!(
            lease_payment(dec!(1000), dec!(5), 0, 2),
            None,
            "zero months"
        );
    }
}
