//! How a customer cost line's amount is entered: an amount per period, hours times a rate,
//! or a rate of an amount.

use rust_decimal::Decimal;

use crate::app::decimal_field_ui;
use crate::core::roi::{CostAmount, CostPeriod};

/// The line's amount a month, for ordering only (the largest amount when it overflows).
pub(super) fn monthly_amount(amount: &CostAmount) -> Decimal {
    let twelfth = |amount: Decimal, period: CostPeriod| match period {
        CostPeriod::Monthly => Some(amount),
        CostPeriod::Annual => amount.checked_div(Decimal::from(12)),
    };
    let monthly = match *amount {
        CostAmount::Periodic { amount, period } => twelfth(amount, period),
        CostAmount::Hourly {
            hours_per_month,
            rate_per_hour,
        } => hours_per_month.checked_mul(rate_per_hour),
        CostAmount::RateOf {
            rate_percent,
            amount,
            period,
        } => twelfth(amount, period)
            .and_then(|monthly| monthly.checked_mul(rate_percent))
            .and_then(|scaled| scaled.checked_div(Decimal::ONE_HUNDRED)),
    };
    monthly.unwrap_or(Decimal::MAX)
}

/// The amount's kind and fields.
pub(super) fn amount_ui(ui: &mut egui::Ui, index: usize, amount: &mut CostAmount) {
    kind_ui(ui, index, amount);
    let n = index + 1;
    match amount {
        CostAmount::Periodic { amount, period } => {
            decimal_field_ui(
                ui,
                &format!("roi-amount-{index}"),
                amount,
                &format!("Cost amount, line {n}"),
            );
            period_ui(ui, index, period);
        }
        CostAmount::Hourly {
            hours_per_month,
            rate_per_hour,
        } => {
            decimal_field_ui(
                ui,
                &format!("roi-hours-{index}"),
                hours_per_month,
                &format!("Hours a month, line {n}"),
            );
            ui.label("h a month at");
            decimal_field_ui(
                ui,
                &format!("roi-rate-{index}"),
                rate_per_hour,
                &format!("Cost per hour, line {n}"),
            );
        }
        CostAmount::RateOf {
            rate_percent,
            amount,
            period,
        } => {
            decimal_field_ui(
                ui,
                &format!("roi-tax-rate-{index}"),
                rate_percent,
                &format!("Rate percent, line {n}"),
            );
            ui.label("% of");
            decimal_field_ui(
                ui,
                &format!("roi-base-{index}"),
                amount,
                &format!("Base amount, line {n}"),
            );
            period_ui(ui, index, period);
        }
    }
}

fn kind_ui(ui: &mut egui::Ui, index: usize, amount: &mut CostAmount) {
    let kind = match amount {
        CostAmount::Periodic { .. } => "amount",
        CostAmount::Hourly { .. } => "hours x rate",
        CostAmount::RateOf { .. } => "rate of",
    };
    let zero = Decimal::ZERO;
    let choices = [
        (
            "amount",
            CostAmount::Periodic {
                amount: zero,
                period: CostPeriod::Monthly,
            },
        ),
        (
            "hours x rate",
            CostAmount::Hourly {
                hours_per_month: zero,
                rate_per_hour: zero,
            },
        ),
        (
            "rate of",
            CostAmount::RateOf {
                rate_percent: zero,
                amount: zero,
                period: CostPeriod::Annual,
            },
        ),
    ];
    let response = egui::ComboBox::from_id_salt(("roi-amount-kind", index))
        .selected_text(kind)
        .width(100.0)
        .show_ui(ui, |ui| {
            for (text, choice) in choices {
                if ui.selectable_label(kind == text, text).clicked() && kind != text {
                    *amount = choice;
                }
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Amount kind, line {}", index + 1));
}

fn period_ui(ui: &mut egui::Ui, index: usize, period: &mut CostPeriod) {
    let response = egui::ComboBox::from_id_salt(("roi-period", index))
        .selected_text(period.name())
        .width(80.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(period, CostPeriod::Monthly, "monthly");
            ui.selectable_value(period, CostPeriod::Annual, "annual");
        });
    let _ = response
        .response
        .accessible_name(format!("Cost period, line {}", index + 1));
}
