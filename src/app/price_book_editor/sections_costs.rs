//! Cost defaults: labour roles, the task catalog (virtualised), markups and the setup cost.
//! All internal figures: the editor is never shown in meeting mode.

use super::fields::{Form, map_field_ui, row_ui, rows_ui, tags_field_ui};
use crate::formats::price_book::raw::{RawCostDefaults, RawLabourRole, RawLabourTask};

/// The cost defaults, or a button to start them.
pub(crate) fn cost_defaults_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    defaults: &mut Option<RawCostDefaults>,
) {
    let Some(defaults) = defaults.as_mut() else {
        if form.button(ui, "Add cost defaults", "Add cost defaults") {
            *defaults = Some(RawCostDefaults {
                labour_roles: Vec::new(),
                tasks: Vec::new(),
                markups: Default::default(),
                setup_cost_per_device: "0.00".to_string(),
            });
            form.mark_changed();
        }
        return;
    };
    row_ui(ui, "Setup cost per device", |ui| {
        form.amount(
            ui,
            "cost_defaults.setup_cost_per_device",
            "Setup cost per device",
            &mut defaults.setup_cost_per_device,
        );
    });
    ui.strong("Labour roles (hourly cost)");
    roles_ui(ui, form, &mut defaults.labour_roles);
    ui.strong("Markups by category, %");
    markups_ui(ui, form, defaults);
    ui.strong("Task catalog (hours per device a month, or per group)");
    tasks_ui(ui, form, &mut defaults.tasks);
}

fn roles_ui(ui: &mut egui::Ui, form: &mut Form<'_>, roles: &mut Vec<RawLabourRole>) {
    let mut remove = None;
    for (index, role) in roles.iter_mut().enumerate() {
        let path = format!("cost_defaults.labour_roles[{index}]");
        let number = index + 1;
        ui.horizontal_wrapped(|ui| {
            form.text(
                ui,
                &format!("{path}.id"),
                &format!("Role {number} id"),
                &mut role.id,
            );
            form.text(
                ui,
                &format!("{path}.name"),
                &format!("Role {number} name"),
                &mut role.name,
            );
            form.amount(
                ui,
                &format!("{path}.hourly_cost"),
                &format!("Role {number} hourly cost"),
                &mut role.hourly_cost,
            );
            if form.button(ui, "Remove", &format!("Remove role {number}")) {
                remove = Some(index);
            }
        });
    }
    form.problems_ui(ui, "cost_defaults.labour_roles");
    if let Some(index) = remove {
        roles.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a role", "Add a labour role") {
        let number = roles.len() + 1;
        roles.push(RawLabourRole {
            id: format!("role-{number}"),
            name: format!("Role {number}"),
            hourly_cost: "0.00".to_string(),
        });
        form.mark_changed();
    }
}

fn markups_ui(ui: &mut egui::Ui, form: &mut Form<'_>, defaults: &mut RawCostDefaults) {
    let mut remove = None;
    for (category, value) in defaults.markups.iter_mut() {
        ui.horizontal_wrapped(|ui| {
            ui.label(category.as_str());
            form.amount(
                ui,
                &format!("cost_defaults.markups.{category}"),
                &format!("Markup {category}"),
                value,
            );
            if form.button(ui, "Remove", &format!("Remove markup {category}")) {
                remove = Some(category.clone());
            }
        });
    }
    if let Some(category) = remove {
        defaults.markups.remove(&category);
        form.mark_changed();
    }
    let new_id = ui.make_persistent_id("book-editor-new-markup");
    let mut new_category: String = ui.data(|data| data.get_temp(new_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut new_category).desired_width(120.0))
            .accessible_name("New markup category");
        if form.button(ui, "Add a markup", "Add a markup") && !new_category.trim().is_empty() {
            defaults
                .markups
                .entry(new_category.trim().to_string())
                .or_insert_with(|| "0".to_string());
            new_category.clear();
            form.mark_changed();
        }
    });
    ui.data_mut(|data| data.insert_temp(new_id, new_category));
}

fn tasks_ui(ui: &mut egui::Ui, form: &mut Form<'_>, tasks: &mut Vec<RawLabourTask>) {
    let mut remove = None;
    rows_ui(ui, "cost_defaults.tasks", tasks.len(), |ui, index| {
        let Some(task) = tasks.get_mut(index) else {
            return;
        };
        let path = format!("cost_defaults.tasks[{index}]");
        let number = index + 1;
        form.text(
            ui,
            &format!("{path}.name"),
            &format!("Task {number} name"),
            &mut task.name,
        );
        form.text(
            ui,
            &format!("{path}.role"),
            &format!("Task {number} role"),
            &mut task.role,
        );
        form.amount(
            ui,
            &format!("{path}.hours_per_month"),
            &format!("Task {number} hours per month"),
            &mut task.hours_per_month,
        );
        ui.label("by kind");
        map_field_ui(
            ui,
            form,
            &format!("{path}.hours_by_kind"),
            &format!("Task {number} hours by kind"),
            &mut task.hours_by_kind,
        );
        form.flag(ui, "", "per group", &mut task.per_group);
        tags_field_ui(
            ui,
            form,
            &format!("{path}.components"),
            &format!("Task {number} components"),
            &mut task.components,
        );
        form.text(
            ui,
            &format!("{path}.id"),
            &format!("Task {number} id"),
            &mut task.id,
        );
        if form.button(ui, "Remove", &format!("Remove task {number}")) {
            remove = Some(index);
        }
        form.problems_ui(ui, &path);
    });
    form.problems_ui(ui, "cost_defaults.tasks");
    if let Some(index) = remove {
        tasks.remove(index);
        form.mark_changed();
    }
    if form.button(ui, "Add a task (a copy of the last)", "Add a task")
        && let Some(mut task) = tasks.last().cloned()
    {
        task.id = format!("{}-copy", task.id);
        task.name = format!("{} copy", task.name);
        tasks.push(task);
        form.mark_changed();
    }
}
