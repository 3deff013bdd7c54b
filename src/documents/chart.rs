//! The ROI chart: cumulative current cost against cumulative managed-services payments, drawn
//! as vector lines, with the payback month marked.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::Formats;
use super::layout::{INK, Layout, MUTED, RULE, Style, tint};
use crate::core::roi::RoiResult;

/// Return-on-investment figures the proposal shows (filled from the ROI engine's results).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoiFigures {
    /// The customer's cumulative current cost that managed services avoid, at the end of each
    /// contract month (month 1 first).
    pub current_cumulative: Vec<Decimal>,
    /// Cumulative payments under the contract at the end of each month (month 1 first).
    pub managed_cumulative: Vec<Decimal>,
    /// The first month in which cumulative avoided cost reaches cumulative payments.
    pub payback_month: Option<u32>,
    /// Avoided costs over the term minus the investment.
    pub net_savings: Decimal,
    /// Net savings / investment x 100, rounded to two decimals; `None` when nothing is paid.
    pub roi_percent: Option<Decimal>,
}

impl From<&RoiResult> for RoiFigures {
    /// The chart's cumulative series and the summary figures of the ROI engine's result.
    fn from(result: &RoiResult) -> Self {
        let mut avoided = Decimal::ZERO;
        let mut paid = Decimal::ZERO;
        let mut current_cumulative = Vec::with_capacity(result.months.len());
        let mut managed_cumulative = Vec::with_capacity(result.months.len());
        for month in &result.months {
            avoided += month.avoided;
            paid += month.paid;
            current_cumulative.push(avoided);
            managed_cumulative.push(paid);
        }
        RoiFigures {
            current_cumulative,
            managed_cumulative,
            payback_month: result.payback_month,
            net_savings: result.net_savings,
            roi_percent: result.roi_percent,
        }
    }
}

/// Colour of the "current cost" line.
const CURRENT_COLOUR: [u8; 3] = [0xC0, 0x5A, 0x1F];

/// Draws the chart at the cursor, `height` points tall, full text width.
pub(super) fn draw(layout: &mut Layout, figures: &RoiFigures, formats: &Formats, height: f32) {
    let months = figures
        .current_cumulative
        .len()
        .max(figures.managed_cumulative.len());
    layout.ensure(height + 30.0);
    if months == 0 {
        return;
    }
    let label_style = Style::BODY.sized(7.5).coloured(MUTED);
    let top = layout.cursor() + 6.0;
    let plot_left = layout.left() + 58.0;
    let plot_right = layout.right() - 8.0;
    let plot_top = top + 6.0;
    let plot_bottom = top + height - 50.0;

    let highest = figures
        .current_cumulative
        .iter()
        .chain(&figures.managed_cumulative)
        .copied()
        .max()
        .unwrap_or(Decimal::ZERO)
        .to_f64()
        .unwrap_or(0.0)
        .max(1.0);
    let step = nice_step(highest / 5.0);
    let axis_max = (highest / step).ceil() * step;
    let x_of = |month: f64| plot_left + (plot_right - plot_left) * (month / months as f64) as f32;
    let y_of = |value: f64| {
        plot_bottom - (plot_bottom - plot_top) * (value / axis_max).clamp(0.0, 1.0) as f32
    };

    // Grid and value labels.
    let mut value = 0.0;
    while value <= axis_max + step / 2.0 {
        let y = y_of(value);
        layout.line(&[(plot_left, y), (plot_right, y)], tint(RULE, 0.4), 0.4);
        let label = formats.money_whole(Decimal::from_f64_retain(value).unwrap_or_default());
        layout.text_right(plot_left - 5.0, y + 2.5, &label, label_style);
        value += step;
    }
    // Month ticks.
    let tick_every = if months <= 12 {
        3
    } else if months <= 36 {
        6
    } else {
        12
    };
    for month in (0..=months).step_by(tick_every) {
        let x = x_of(month as f64);
        layout.line(&[(x, plot_bottom), (x, plot_bottom + 3.0)], MUTED, 0.5);
        layout.text_centred(x, plot_bottom + 12.0, &month.to_string(), label_style);
    }
    layout.text_centred(
        (plot_left + plot_right) / 2.0,
        plot_bottom + 23.0,
        "Contract month",
        label_style,
    );
    layout.line(
        &[
            (plot_left, plot_top),
            (plot_left, plot_bottom),
            (plot_right, plot_bottom),
        ],
        MUTED,
        0.7,
    );

    // The two cumulative lines, starting from zero at month 0.
    let series = |values: &[Decimal]| -> Vec<(f32, f32)> {
        std::iter::once((x_of(0.0), y_of(0.0)))
            .chain(values.iter().enumerate().map(|(index, amount)| {
                (
                    x_of(index as f64 + 1.0),
                    y_of(amount.to_f64().unwrap_or(0.0)),
                )
            }))
            .collect()
    };
    layout.line(&series(&figures.current_cumulative), CURRENT_COLOUR, 1.6);
    let accent = layout.accent;
    layout.line(&series(&figures.managed_cumulative), accent, 1.6);

    // Payback marker.
    if let Some(month) = figures.payback_month {
        let index = month.saturating_sub(1) as usize;
        if let Some(amount) = figures.managed_cumulative.get(index) {
            let x = x_of(f64::from(month));
            let y = y_of(amount.to_f64().unwrap_or(0.0));
            layout.line(&[(x, plot_top), (x, plot_bottom)], MUTED, 0.6);
            let r = 3.2;
            layout.fill_polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)], INK);
            let label = format!("Payback: month {month}");
            let style = Style::BODY.sized(8.0).bold();
            let width = layout.metrics.width(&label, 8.0);
            let label_x = if x + 6.0 + width < plot_right {
                x + 6.0
            } else {
                x - 6.0 - width
            };
            layout.text(label_x, plot_top + 10.0, &label, style);
        }
    }

    // Legend.
    let legend_y = top + height - 6.0;
    let mut x = plot_left;
    for (colour, label) in [
        (CURRENT_COLOUR, "Current cost avoided (cumulative)"),
        (accent, "Managed services payments (cumulative)"),
    ] {
        layout.line(
            &[(x, legend_y - 3.0), (x + 18.0, legend_y - 3.0)],
            colour,
            2.0,
        );
        layout.text(x + 23.0, legend_y, label, label_style);
        x += 23.0 + layout.metrics.width(label, label_style.size) + 24.0;
    }
    layout.set_cursor(top + height + 4.0);
}

/// A round grid step (1, 2, 2.5 or 5 times a power of ten) at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if magnitude * factor >= raw {
            return magnitude * factor;
        }
    }
    magnitude * 10.0
}

#[cfg(test)]
mod tests {
    use super::nice_step;

    #[test]
    fn grid_steps_are_round() {
        let cases = [
            ("small", 3.0, 5.0),
            ("twenty thousands", 23_000.0, 25_000.0),
            ("exact", 20_000.0, 20_000.0),
            ("zero", 0.0, 1.0),
        ];
        for (name, raw, expected) in cases {
            assert!((nice_step(raw) - expected).abs() < 1e-9, "case {name}");
        }
    }
}
