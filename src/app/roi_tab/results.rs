//! The ROI results: the summary, the cumulative chart, the month table (virtualised) and the
//! ROI of every option side by side.

use egui_extras::{Column, TableBuilder};
use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::app::{RoiOptions, money, named_value_ui};
use crate::core::money::{percent_text, plain};
use crate::core::roi::RoiResult;
use crate::formats::price_book::LoadedBook;

/// The ROI of the quote as it is: summary, chart and month table.
pub(super) fn results_ui(ui: &mut egui::Ui, book: &LoadedBook, roi: &RoiResult) {
    summary_ui(ui, book, roi);
    ui.separator();
    ui.strong("Cumulative current cost avoided against cumulative managed cost");
    chart_ui(ui, book, roi);
    ui.separator();
    ui.strong("Month by month");
    months_ui(ui, book, roi);
}

fn summary_ui(ui: &mut egui::Ui, book: &LoadedBook, roi: &RoiResult) {
    let roi_text = roi
        .roi_percent
        .map_or("none (nothing paid)".to_string(), |percent| {
            format!("{}%", plain(percent, 2))
        });
    let payback = roi
        .payback_month
        .map_or("never within the term".to_string(), |month| {
            format!("month {month}")
        });
    let npv = format!(
        "{} at {}% a year",
        money(book, roi.npv),
        percent_text(roi.discount_rate_percent)
    );
    let rows = [
        ("Investment", money(book, roi.investment)),
        ("Avoided costs", money(book, roi.avoided_costs)),
        ("Net savings", money(book, roi.net_savings)),
        ("ROI", roi_text),
        ("Payback month", payback),
        ("NPV", npv),
    ];
    egui::Grid::new("roi-summary")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, value) in rows {
                ui.label(name);
                named_value_ui(ui, name, value);
                ui.end_row();
            }
        });
}

/// Money as a number for drawing only (the chart's axes); exact figures are shown as text.
fn to_plot(amount: Decimal) -> f64 {
    amount.to_f64().unwrap_or(0.0)
}

fn chart_ui(ui: &mut egui::Ui, book: &LoadedBook, roi: &RoiResult) {
    let mut avoided = Decimal::ZERO;
    let mut paid = Decimal::ZERO;
    let mut current_points = Vec::with_capacity(roi.months.len() + 1);
    let mut managed_points = Vec::with_capacity(roi.months.len() + 1);
    current_points.push([0.0, 0.0]);
    managed_points.push([0.0, 0.0]);
    for month in &roi.months {
        avoided = avoided.saturating_add(month.avoided);
        paid = paid.saturating_add(month.paid);
        current_points.push([f64::from(month.month), to_plot(avoided)]);
        managed_points.push([f64::from(month.month), to_plot(paid)]);
    }
    Plot::new("roi-chart")
        .height(260.0)
        .legend(Legend::default())
        .x_axis_label("Contract month")
        .y_axis_label(book.book.currency.code.as_str())
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.line(Line::new(
                "Current cost avoided (cumulative)",
                PlotPoints::from(current_points),
            ));
            plot.line(Line::new(
                "Managed services paid (cumulative)",
                PlotPoints::from(managed_points),
            ));
            if let Some(month) = roi.payback_month {
                plot.vline(VLine::new(
                    format!("Payback: month {month}"),
                    f64::from(month),
                ));
            }
        });
}

/// The month table: only the months in view build their text.
fn months_ui(ui: &mut egui::Ui, book: &LoadedBook, roi: &RoiResult) {
    TableBuilder::new(ui)
        .id_salt("roi-months")
        .striped(true)
        .max_scroll_height(320.0)
        .columns(Column::auto(), 6)
        .header(20.0, |mut header| {
            for title in [
                "Month",
                "Current cost",
                "Avoided",
                "Paid",
                "Net",
                "Cumulative net",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(18.0, roi.months.len(), |mut row| {
                let Some(month) = roi.months.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(month.month.to_string());
                });
                for amount in [
                    month.current_cost,
                    month.avoided,
                    month.paid,
                    month.net,
                    month.cumulative_net,
                ] {
                    row.col(|ui| {
                        ui.label(money(book, amount));
                    });
                }
            });
        });
}

/// The ROI of the quote as it is and of each tier, side by side.
pub(super) fn options_ui(ui: &mut egui::Ui, book: &LoadedBook, options: &RoiOptions) {
    ui.separator();
    ui.strong("Every option over the same term");
    egui::Grid::new("roi-options").striped(true).show(ui, |ui| {
        for title in [
            "Option",
            "Monthly",
            "Total",
            "Net savings",
            "ROI",
            "Payback",
        ] {
            ui.strong(title);
        }
        ui.end_row();
        for option in &options.options {
            ui.label(option.name.as_str());
            ui.label(money(book, option.monthly_recurring));
            ui.label(money(book, option.total_contract_value));
            ui.label(money(book, option.roi.net_savings));
            named_value_ui(
                ui,
                &format!("ROI, {}", option.name),
                option
                    .roi
                    .roi_percent
                    .map_or("none".to_string(), |percent| {
                        format!("{}%", plain(percent, 2))
                    }),
            );
            ui.label(
                option
                    .roi
                    .payback_month
                    .map_or("never".to_string(), |month| format!("month {month}")),
            );
            ui.end_row();
        }
    });
    for reason in &options.left_out {
        ui.weak(format!("Left out: {reason}"));
    }
}
