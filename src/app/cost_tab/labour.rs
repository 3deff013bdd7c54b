//! Internal labour of the cost analysis: the tiers' hours, identical groups, the setup cost,
//! the catalog tasks, labour outside the catalog and the hourly cost per role.

use rust_decimal::Decimal;

use super::inputs::{money_plain, override_ui};
use super::lines::LineList;
use crate::app::decimal_field_ui;
use crate::app::fields::{count_field_ui, limits};
use crate::core::cost::{CostAnalysis, LabourLine, LabourPlan, TaskUse};
use crate::core::price_book::PriceBook;

/// Draws the labour inputs; `version` changes whenever the quote may have changed.
pub(super) fn labour_ui(
    ui: &mut egui::Ui,
    book: &PriceBook,
    analysis: &mut CostAnalysis,
    version: u64,
) {
    ui.strong("Internal labour");
    settings_ui(ui, book, &mut analysis.labour);
    ui.label("Catalog tasks (hours per device, or per group, a month):");
    catalog_tasks_ui(ui, book, &mut analysis.labour);
    extra_labour_ui(ui, book, &mut analysis.labour.extra, version);
    ui.label("Hourly cost per role (fully burdened):");
    egui::Grid::new("role-costs").striped(true).show(ui, |ui| {
        for role in &book.cost_defaults.labour_roles {
            ui.label(role.name.as_str());
            override_ui(
                ui,
                &mut analysis.hourly_costs,
                &role.id,
                role.hourly_cost,
                &format!("Hourly cost, {}", role.name),
                &money_plain(book, role.hourly_cost),
            );
            ui.end_row();
        }
    });
}

fn settings_ui(ui: &mut egui::Ui, book: &PriceBook, labour: &mut LabourPlan) {
    ui.checkbox(
        &mut labour.include_tier_hours,
        "Count the tiers' included support and flex hours",
    );
    ui.horizontal(|ui| {
        ui.label("Groups of identical devices");
        count_field_ui(
            ui,
            &mut labour.identical_groups,
            limits::QUANTITY,
            "Groups of identical devices",
        );
    });
    ui.horizontal(|ui| {
        let mut custom = labour.setup_cost_per_device.is_some();
        let book_value = money_plain(book, book.cost_defaults.setup_cost_per_device);
        if ui
            .checkbox(
                &mut custom,
                format!("Setup cost per device (book: {book_value})"),
            )
            .changed()
        {
            labour.setup_cost_per_device =
                custom.then_some(book.cost_defaults.setup_cost_per_device);
        }
        if let Some(amount) = &mut labour.setup_cost_per_device {
            decimal_field_ui(ui, "setup-cost-per-device", amount, "Setup cost per device");
        }
    });
}

/// A task of the catalog used with its book defaults.
fn task_use(task: &str) -> TaskUse {
    TaskUse {
        task: task.to_string(),
        devices: None,
        groups: None,
        hours_per_month: None,
    }
}

fn catalog_tasks_ui(ui: &mut egui::Ui, book: &PriceBook, labour: &mut LabourPlan) {
    egui::Grid::new("labour-tasks")
        .striped(true)
        .show(ui, |ui| {
            for task in &book.cost_defaults.tasks {
                let mut used = labour
                    .tasks
                    .as_ref()
                    .is_none_or(|tasks| tasks.iter().any(|used| used.task == task.id));
                if ui.checkbox(&mut used, task.name.as_str()).changed() {
                    let mut tasks = labour.tasks.take().unwrap_or_else(|| {
                        book.cost_defaults
                            .tasks
                            .iter()
                            .map(|task| task_use(&task.id))
                            .collect()
                    });
                    if used {
                        tasks.push(task_use(&task.id));
                    } else {
                        tasks.retain(|used| used.task != task.id);
                    }
                    labour.tasks = Some(tasks);
                }
                let unit = if task.per_group {
                    "per group"
                } else {
                    "per device"
                };
                ui.label(format!("{} h {unit}", task.hours_per_month.normalize()));
                ui.label(role_name(book, &task.role));
                ui.end_row();
            }
        });
}

/// The name of the role `id` in the book (the id itself when the book has no such role).
fn role_name(book: &PriceBook, id: &str) -> String {
    book.cost_defaults
        .labour_roles
        .iter()
        .find(|role| role.id == id)
        .map_or(id.to_string(), |role| role.name.clone())
}

fn extra_labour_ui(ui: &mut egui::Ui, book: &PriceBook, lines: &mut Vec<LabourLine>, version: u64) {
    ui.horizontal(|ui| {
        ui.label("Labour outside the catalog");
        if ui.button("Add labour").clicked() {
            let role = book
                .cost_defaults
                .labour_roles
                .first()
                .map(|role| role.id.clone())
                .unwrap_or_default();
            lines.push(LabourLine {
                description: String::new(),
                role,
                hours_per_month: Decimal::ONE,
            });
        }
    });
    let list = LineList {
        noun: "Labour",
        columns: &[("Role", 150.0), ("Hours a month", 150.0)],
        description: |line: &mut LabourLine| &mut line.description,
        text: |line: &LabourLine| line.description.as_str(),
        amount: |line: &LabourLine| line.hours_per_month,
    };
    list.show(ui, lines, version, |row, index, line| {
        let n = index + 1;
        row.col(|ui| {
            let response = egui::ComboBox::from_id_salt(("labour-role", index))
                .selected_text(role_name(book, &line.role))
                .width(138.0)
                .show_ui(ui, |ui| {
                    for role in &book.cost_defaults.labour_roles {
                        ui.selectable_value(&mut line.role, role.id.clone(), &role.name);
                    }
                });
            let _ = response
                .response
                .accessible_name(format!("Labour role, line {n}"));
        });
        row.col(|ui| {
            decimal_field_ui(
                ui,
                &format!("labour-hours-{index}"),
                &mut line.hours_per_month,
                &format!("Labour hours a month, line {n}"),
            );
            ui.label("h a month");
        });
    });
}
