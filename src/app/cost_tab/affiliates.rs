//! The affiliate services of the cost analysis: agent fees, user- and device-based fees,
//! subscriptions and incident-based services.

use rust_decimal::Decimal;

use super::inputs::optional_count_ui;
use super::lines::LineList;
use crate::app::decimal_field_ui;
use crate::core::cost::{AffiliateLine, AffiliateModel, FeePeriod};

/// The affiliate lines: an Add button and the virtualised list.
pub(super) fn affiliates_ui(ui: &mut egui::Ui, lines: &mut Vec<AffiliateLine>, version: u64) {
    ui.horizontal(|ui| {
        ui.strong("Affiliate services");
        if ui.button("Add affiliate service").clicked() {
            lines.push(AffiliateLine {
                description: String::new(),
                model: AffiliateModel::DeviceBased {
                    unit_cost: Decimal::ZERO,
                    period: FeePeriod::Month,
                    quantity: None,
                },
                source: None,
            });
        }
    });
    let list = LineList {
        noun: "Affiliate",
        columns: &[("Model", 130.0), ("Terms", 360.0)],
        description: |line: &mut AffiliateLine| &mut line.description,
        text: |line: &AffiliateLine| line.description.as_str(),
        amount: |line: &AffiliateLine| model_amount(&line.model),
    };
    list.show(ui, lines, version, |row, index, line| {
        row.col(|ui| model_choice_ui(ui, index, &mut line.model));
        row.col(|ui| model_fields_ui(ui, index, &mut line.model));
    });
}

/// The amount a line is ordered by: its price or unit cost (per incident: a month's cost).
fn model_amount(model: &AffiliateModel) -> Decimal {
    match model {
        AffiliateModel::AgentFee {
            monthly_sell_price, ..
        } => *monthly_sell_price,
        AffiliateModel::UserBased { unit_cost, .. }
        | AffiliateModel::DeviceBased { unit_cost, .. } => *unit_cost,
        AffiliateModel::Subscription { bands, .. } => {
            bands.first().map_or(Decimal::ZERO, |band| band.unit_cost)
        }
        AffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => cost_per_incident
            .checked_mul(*incidents_per_month)
            .unwrap_or(Decimal::MAX),
    }
}

fn model_name(model: &AffiliateModel) -> &'static str {
    match model {
        AffiliateModel::AgentFee { .. } => "Agent fee",
        AffiliateModel::UserBased { .. } => "User-based",
        AffiliateModel::DeviceBased { .. } => "Device-based",
        AffiliateModel::Subscription { .. } => "Subscription",
        AffiliateModel::IncidentBased { .. } => "Incident-based",
    }
}

fn model_choice_ui(ui: &mut egui::Ui, index: usize, model: &mut AffiliateModel) {
    let chosen = model_name(model);
    let zero = Decimal::ZERO;
    let choices = [
        AffiliateModel::AgentFee {
            monthly_sell_price: zero,
            royalty_percent: zero,
        },
        AffiliateModel::UserBased {
            unit_cost: zero,
            period: FeePeriod::Month,
            quantity: None,
        },
        AffiliateModel::DeviceBased {
            unit_cost: zero,
            period: FeePeriod::Month,
            quantity: None,
        },
        AffiliateModel::IncidentBased {
            incidents_per_month: zero,
            cost_per_incident: zero,
        },
    ];
    let response = egui::ComboBox::from_id_salt(("affiliate-model", index))
        .selected_text(chosen)
        .width(118.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                let name = model_name(&choice);
                if ui.selectable_label(chosen == name, name).clicked() && chosen != name {
                    *model = choice;
                }
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Affiliate model, line {}", index + 1));
}

fn period_ui(ui: &mut egui::Ui, index: usize, period: &mut FeePeriod) {
    let text = match period {
        FeePeriod::Month => "a month",
        FeePeriod::Quarter => "a quarter",
    };
    let response = egui::ComboBox::from_id_salt(("affiliate-period", index))
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(period, FeePeriod::Month, "a month");
            ui.selectable_value(period, FeePeriod::Quarter, "a quarter");
        });
    let _ = response
        .response
        .accessible_name(format!("Affiliate fee period, line {}", index + 1));
}

fn model_fields_ui(ui: &mut egui::Ui, index: usize, model: &mut AffiliateModel) {
    let n = index + 1;
    match model {
        AffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => {
            ui.label("sells at");
            decimal_field_ui(
                ui,
                &format!("agent-sell-{index}"),
                monthly_sell_price,
                &format!("Agent fee monthly sell price, line {n}"),
            );
            ui.label("royalty");
            decimal_field_ui(
                ui,
                &format!("agent-royalty-{index}"),
                royalty_percent,
                &format!("Agent fee royalty percent, line {n}"),
            );
            ui.label("%");
        }
        AffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        }
        | AffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => {
            decimal_field_ui(
                ui,
                &format!("affiliate-cost-{index}"),
                unit_cost,
                &format!("Affiliate unit cost, line {n}"),
            );
            period_ui(ui, index, period);
            optional_count_ui(ui, quantity, &format!("Affiliate quantity, line {n}"));
        }
        AffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => {
            let text = bands
                .iter()
                .map(|band| format!("{}-{}: {}", band.min, band.max, band.unit_cost))
                .collect::<Vec<_>>()
                .join(", ");
            ui.label(format!("bands {text}"));
            period_ui(ui, index, period);
            optional_count_ui(ui, quantity, &format!("Affiliate quantity, line {n}"));
        }
        AffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => {
            decimal_field_ui(
                ui,
                &format!("incidents-{index}"),
                incidents_per_month,
                &format!("Incidents per month, line {n}"),
            );
            ui.label("incidents a month at");
            decimal_field_ui(
                ui,
                &format!("incident-cost-{index}"),
                cost_per_incident,
                &format!("Cost per incident, line {n}"),
            );
        }
    }
}
