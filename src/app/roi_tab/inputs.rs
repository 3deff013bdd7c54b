//! The ROI inputs: the customer's current cost lines (virtualised, filtered by description or
//! category, ordered by amount), the avoided hire and the growth of the current costs.

use egui_extras::Column;
use rust_decimal::Decimal;

use super::amount::{amount_ui, monthly_amount};
use crate::app::decimal_field_ui;
use crate::app::fields::{count_field_ui, limits};
use crate::app::lists::{self, Describe, Described, TableLayout};
use crate::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts,
};

/// Height of one cost line.
const ROW_HEIGHT: f32 = 26.0;

/// The list's name in the window's memory (its filter and order).
const LIST: &str = "customer-cost-lines";

/// Draws the inputs; `version` changes whenever the quote may have changed.
pub(super) fn inputs_ui(ui: &mut egui::Ui, costs: &mut CustomerCosts, version: u64) {
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
    cost_lines_ui(ui, &mut costs.lines, version);
    ui.separator();
    avoided_hire_ui(ui, &mut costs.avoided_hire);
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

fn cost_lines_ui(ui: &mut egui::Ui, lines: &mut Vec<CostLine>, version: u64) {
    if lines.is_empty() {
        return;
    }
    let categories: Vec<&str> = CostCategory::ALL
        .iter()
        .map(|category| category.name())
        .collect();
    ui.horizontal_wrapped(|ui| lists::view_controls_ui(ui, LIST, "Cost lines", &categories));
    let rows = {
        let shared: &[CostLine] = lines;
        let describe = |index: usize| match shared.get(index) {
            Some(line) => Described {
                text: line.description.as_str(),
                category: line.category.name(),
                amount: monthly_amount(&line.amount),
            },
            None => Described {
                text: "",
                category: "",
                amount: Decimal::ZERO,
            },
        };
        let describe: Describe<'_> = &describe;
        lists::shown_rows(ui, LIST, shared.len(), version, describe)
    };
    lists::shown_count_ui(ui, &rows, lines.len(), "lines");
    let columns = [
        Column::exact(164.0),
        Column::exact(160.0),
        Column::initial(330.0).clip(true).resizable(true),
        Column::exact(110.0),
        Column::remainder().at_least(70.0),
    ];
    let header = ["Category", "Description", "Amount", "Avoidable", ""];
    let mut remove = None;
    let layout = TableLayout {
        id: "roi-cost-lines",
        columns: &columns,
        header: &header,
        row_height: ROW_HEIGHT,
        max_height: 320.0,
    };
    lists::table_ui(ui, &layout, &rows, |row, index| {
        let Some(line) = lines.get_mut(index) else {
            return;
        };
        let n = index + 1;
        row.col(|ui| category_ui(ui, index, &mut line.category));
        row.col(|ui| {
            ui.add(egui::TextEdit::singleline(&mut line.description).desired_width(150.0))
                .accessible_name(format!("Cost description, line {n}"));
        });
        row.col(|ui| amount_ui(ui, index, &mut line.amount));
        row.col(|ui| {
            decimal_field_ui(
                ui,
                &format!("roi-avoidable-{index}"),
                &mut line.avoidable_percent,
                &format!("Avoidable percent, line {n}"),
            );
            ui.label("%");
        });
        row.col(|ui| {
            if ui
                .small_button("Remove")
                .accessible_name(format!("Remove cost line {n}"))
                .clicked()
            {
                remove = Some(index);
            }
        });
    });
    if let Some(index) = remove {
        lines.remove(index);
    }
}

fn category_ui(ui: &mut egui::Ui, index: usize, category: &mut CostCategory) {
    let response = egui::ComboBox::from_id_salt(("roi-category", index))
        .selected_text(category.name())
        .width(150.0)
        .show_ui(ui, |ui| {
            for choice in CostCategory::ALL {
                ui.selectable_value(category, choice, choice.name());
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Cost category, line {}", index + 1));
}

fn avoided_hire_ui(ui: &mut egui::Ui, avoided_hire: &mut Option<AvoidedHire>) {
    let mut hiring = avoided_hire.is_some();
    if ui
        .checkbox(
            &mut hiring,
            "Managed services avoid hiring another IT person",
        )
        .changed()
    {
        *avoided_hire = hiring.then_some(AvoidedHire {
            salary: Decimal::ZERO,
            burden_percent: Decimal::ZERO,
            recruiting_fee: Decimal::ZERO,
            start_month: 1,
        });
    }
    let Some(hire) = avoided_hire else {
        return;
    };
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
        ui.horizontal(|ui| {
            count_field_ui(
                ui,
                &mut hire.start_month,
                limits::MONTHS,
                "Avoided hire start month",
            );
        });
        ui.end_row();
    });
}
