//! The SLA section: response targets per priority, the credit per missed target and the
//! monthly credit cap.

use super::fields::{Form, row_ui, section_ui};
use crate::formats::price_book::raw::RawPriceBook;

/// The SLA section, when the book has one.
pub(crate) fn service_levels_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    let Some(levels) = raw.service_levels.as_mut() else {
        return;
    };
    section_ui(
        ui,
        form,
        "Service levels (SLA)",
        "service_levels",
        false,
        |ui, form| {
            row_ui(ui, "Credit per missed target, %", |ui| {
                form.amount(
                    ui,
                    "service_levels.credit_percent_per_miss",
                    "SLA credit percent per miss",
                    &mut levels.credit_percent_per_miss,
                );
            });
            row_ui(ui, "Monthly credit cap, %", |ui| {
                form.amount(
                    ui,
                    "service_levels.monthly_credit_cap_percent",
                    "SLA monthly credit cap percent",
                    &mut levels.monthly_credit_cap_percent,
                );
            });
            form.flag(
                ui,
                "service_levels.credits_are_placeholders",
                "SLA credits are placeholders",
                &mut levels.credits_are_placeholders,
            );
            let mut remove = None;
            for (index, target) in levels.targets.iter_mut().enumerate() {
                let path = format!("service_levels.targets[{index}]");
                let name = format!("SLA target {}", index + 1);
                ui.horizontal_wrapped(|ui| {
                    form.text(
                        ui,
                        &format!("{path}.priority"),
                        &format!("{name} priority"),
                        &mut target.priority,
                    );
                    form.text(
                        ui,
                        &format!("{path}.description"),
                        &format!("{name} description"),
                        &mut target.description,
                    );
                    ui.label("response, minutes");
                    form.count(
                        ui,
                        &format!("{path}.response_minutes"),
                        &format!("{name} response minutes"),
                        &mut target.response_minutes,
                    );
                    form.text(
                        ui,
                        &format!("{path}.resolution"),
                        &format!("{name} resolution"),
                        &mut target.resolution,
                    );
                    if form.button(ui, "Remove", &format!("Remove {name}")) {
                        remove = Some(index);
                    }
                });
            }
            if let Some(index) = remove {
                levels.targets.remove(index);
                form.mark_changed();
            }
            if form.button(ui, "Add a target (a copy of the last)", "Add an SLA target")
                && let Some(last) = levels.targets.last().cloned()
            {
                levels.targets.push(last);
                form.mark_changed();
            }
            form.problems_ui(ui, "service_levels.targets");
        },
    );
}
