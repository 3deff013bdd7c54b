//! The ROI tab: the customer's current cost lines with their avoidable shares, the avoided
//! hire, growth and the discount rate; the engine's investment, savings, ROI, payback and
//! NPV; an egui_plot chart of cumulative current cost against managed cost with the payback
//! month marked; and the month table. Import the costs from xlsx, ods or csv.
//!
//! The figures come from `core::roi`, computed when an input changed.

use egui_extras::{Column, TableBuilder};
use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Action, QuoteApp, RoiOptions, decimal_field_ui, money, named_value_ui};
use crate::core::evaluate::WarningSource;
use crate::core::money::{percent_text, plain};
use crate::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, RoiResult,
};
use crate::formats::price_book::LoadedBook;

/// Draws the ROI tab.
pub(crate) fn roi_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    ui.heading("Return on investment");
    let QuoteApp {
        book,
        quote,
        cache,
        roi_discount_rate,
        ..
    } = app;
    let book: &LoadedBook = book;
    ui.horizontal_wrapped(|ui| {
        if ui.button("Import customer costs…").clicked() {
            actions.push(Action::ImportCustomerCosts);
        }
        if quote.customer_costs.is_some() && ui.button("Remove the customer costs").clicked() {
            quote.customer_costs = None;
        }
        ui.separator();
        ui.label("Discount rate for the NPV");
        decimal_field_ui(
            ui,
            "roi-discount-rate",
            roi_discount_rate,
            "Discount rate percent",
        );
        ui.label("% a year");
    });
    let Some(costs) = quote.customer_costs.as_mut() else {
        ui.label("The customer's current costs are not known yet.");
        if ui.button("Enter customer costs").clicked() {
            quote.customer_costs = Some(CustomerCosts::default());
        }
        return;
    };
    egui::Panel::right("roi-results")
        .resizable(true)
        .default_size(500.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("roi-results-scroll")
                .show(ui, |ui| match &cache.roi {
                    Some(Ok(options)) => {
                        super::cache::evaluation_warnings_ui(ui, cache, WarningSource::Roi);
                        if let Some(roi) = options.quote_as_is() {
                            results_ui(ui, book, roi);
                        }
                        options_ui(ui, book, options);
                    }
                    Some(Err(message)) => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "The ROI cannot be computed:",
                        );
                        ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                            .accessible_name("ROI error");
                    }
                    None => {}
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("roi-inputs-scroll")
            .show(ui, |ui| inputs_ui(ui, costs));
    });
}

fn inputs_ui(ui: &mut egui::Ui, costs: &mut CustomerCosts) {
    ui.horizontal(|ui| {
        ui.strong("Current costs");
        if ui.button("Add cost line").clicked() {
            costs.lines.push(CostLine {
                category: CostCategory::InternalStaff,
                description: String::new(),
                amount: CostAmount::Periodic {
                    amount: Decimal::ZERO,
                    period: CostPeriod::Monthly,
                },
                avoidable_percent: Decimal::ONE_HUNDRED,
                origin: None,
            });
        }
    });
    let mut remove = None;
    egui::Grid::new("roi-cost-lines")
        .striped(true)
        .show(ui, |ui| {
            for title in ["Category", "Description", "Amount", "Avoidable", ""] {
                ui.strong(title);
            }
            ui.end_row();
            for (index, line) in costs.lines.iter_mut().enumerate() {
                let n = index + 1;
                let response = egui::ComboBox::from_id_salt(("roi-category", index))
                    .selected_text(line.category.name())
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for category in CostCategory::ALL {
                            ui.selectable_value(&mut line.category, category, category.name());
                        }
                    });
                let _ = response
                    .response
                    .accessible_name(format!("Cost category, line {n}"));
                ui.add(
                    egui::TextEdit::singleline(&mut line.description)
                        .desired_width(150.0)
                        .min_size(egui::vec2(150.0, 0.0)),
                )
                .accessible_name(format!("Cost description, line {n}"));
                ui.horizontal(|ui| amount_ui(ui, index, &mut line.amount));
                ui.horizontal(|ui| {
                    decimal_field_ui(
                        ui,
                        &format!("roi-avoidable-{index}"),
                        &mut line.avoidable_percent,
                        &format!("Avoidable percent, line {n}"),
                    );
                    ui.label("%");
                });
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove cost line {n}"))
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        costs.lines.remove(index);
    }
    ui.separator();
    let mut hiring = costs.avoided_hire.is_some();
    if ui
        .checkbox(
            &mut hiring,
            "Managed services avoid hiring another IT person",
        )
        .changed()
    {
        costs.avoided_hire = hiring.then_some(AvoidedHire {
            salary: Decimal::ZERO,
            burden_percent: Decimal::ZERO,
            recruiting_fee: Decimal::ZERO,
            start_month: 1,
        });
    }
    if let Some(hire) = &mut costs.avoided_hire {
        egui::Grid::new("avoided-hire").show(ui, |ui| {
            ui.label("Annual salary");
            decimal_field_ui(ui, "hire-salary", &mut hire.salary, "Avoided hire salary");
            ui.end_row();
            ui.label("Burden (benefits, taxes) %");
            decimal_field_ui(
                ui,
                "hire-burden",
                &mut hire.burden_percent,
                "Avoided hire burden percent",
            );
            ui.end_row();
            ui.label("Recruiting fee");
            decimal_field_ui(
                ui,
                "hire-recruiting",
                &mut hire.recruiting_fee,
                "Avoided hire recruiting fee",
            );
            ui.end_row();
            ui.label("Would start in month");
            ui.add(egui::DragValue::new(&mut hire.start_month).range(1..=120))
                .accessible_name("Avoided hire start month");
            ui.end_row();
        });
    }
    ui.separator();
    ui.horizontal(|ui| {
        ui.label("Current costs grow by");
        decimal_field_ui(
            ui,
            "roi-growth",
            &mut costs.annual_growth_percent,
            "Annual growth percent",
        );
        ui.label("% a year");
    });
}

fn amount_ui(ui: &mut egui::Ui, index: usize, amount: &mut CostAmount) {
    let n = index + 1;
    let kind = match amount {
        CostAmount::Periodic { .. } => "amount",
        CostAmount::Hourly { .. } => "hours x rate",
        CostAmount::RateOf { .. } => "rate of",
    };
    let response = egui::ComboBox::from_id_salt(("roi-amount-kind", index))
        .selected_text(kind)
        .width(100.0)
        .show_ui(ui, |ui| {
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
            for (text, choice) in choices {
                if ui.selectable_label(kind == text, text).clicked() && kind != text {
                    *amount = choice;
                }
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Amount kind, line {n}"));
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

/// Money as a number for drawing only (the chart's axes); exact figures are shown as text.
fn to_plot(amount: Decimal) -> f64 {
    amount.to_f64().unwrap_or(0.0)
}

fn results_ui(ui: &mut egui::Ui, book: &LoadedBook, roi: &RoiResult) {
    egui::Grid::new("roi-summary")
        .num_columns(2)
        .show(ui, |ui| {
            let row = |ui: &mut egui::Ui, name: &str, value: String| {
                ui.label(name);
                named_value_ui(ui, name, value);
                ui.end_row();
            };
            row(ui, "Investment", money(book, roi.investment));
            row(ui, "Avoided costs", money(book, roi.avoided_costs));
            row(ui, "Net savings", money(book, roi.net_savings));
            row(
                ui,
                "ROI",
                roi.roi_percent
                    .map_or("none (nothing paid)".to_string(), |percent| {
                        format!("{}%", plain(percent, 2))
                    }),
            );
            row(
                ui,
                "Payback month",
                roi.payback_month
                    .map_or("never within the term".to_string(), |month| {
                        format!("month {month}")
                    }),
            );
            row(
                ui,
                "NPV",
                format!(
                    "{} at {}% a year",
                    money(book, roi.npv),
                    percent_text(roi.discount_rate_percent)
                ),
            );
        });
    ui.separator();
    ui.strong("Cumulative current cost avoided against cumulative managed cost");
    let mut avoided = Decimal::ZERO;
    let mut paid = Decimal::ZERO;
    let mut current_points = Vec::with_capacity(roi.months.len() + 1);
    let mut managed_points = Vec::with_capacity(roi.months.len() + 1);
    current_points.push([0.0, 0.0]);
    managed_points.push([0.0, 0.0]);
    for month in &roi.months {
        avoided += month.avoided;
        paid += month.paid;
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
    ui.separator();
    ui.strong("Month by month");
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
fn options_ui(ui: &mut egui::Ui, book: &LoadedBook, options: &RoiOptions) {
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
