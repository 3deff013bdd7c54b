//! The pricing-option sections: service components, the phased path, packages, time and
//! materials, and the assessment. A book may leave any of them out.

use super::fields::{Form, row_ui, section_ui, tags_field_ui};
use crate::formats::price_book::raw::{
    RawAssessment, RawPackageBand, RawPackages, RawPriceBook, RawServiceComponents,
    RawTimeMaterials,
};

/// Every option section that the book has.
pub(crate) fn options_sections_ui(ui: &mut egui::Ui, form: &mut Form<'_>, raw: &mut RawPriceBook) {
    if let Some(components) = raw.service_components.as_mut() {
        section_ui(
            ui,
            form,
            "Service components",
            "service_components",
            false,
            |ui, form| {
                components_ui(ui, form, components);
            },
        );
    }
    if !raw.phased_path.is_empty() {
        section_ui(ui, form, "Phased path", "phased_path", false, |ui, form| {
            for (index, phase) in raw.phased_path.iter_mut().enumerate() {
                let path = format!("phased_path[{index}]");
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("Phase {}", phase.phase));
                    form.text(
                        ui,
                        &format!("{path}.name"),
                        &format!("Phase {} name", index + 1),
                        &mut phase.name,
                    );
                    tags_field_ui(
                        ui,
                        form,
                        &format!("{path}.tags"),
                        &format!("Phase {} tags", index + 1),
                        &mut phase.tags,
                    );
                    form.problems_ui(ui, &format!("{path}.phase"));
                });
            }
            form.problems_ui(ui, "phased_path");
        });
    }
    if let Some(packages) = raw.packages.as_mut() {
        section_ui(ui, form, "Packages", "packages", false, |ui, form| {
            packages_ui(ui, form, packages);
        });
    }
    if let Some(rates) = raw.time_materials.as_mut() {
        section_ui(
            ui,
            form,
            "Time and materials",
            "time_materials",
            false,
            |ui, form| {
                time_materials_ui(ui, form, rates);
            },
        );
    }
    if let Some(assessment) = raw.assessment.as_mut() {
        section_ui(ui, form, "Assessment", "assessment", false, |ui, form| {
            assessment_ui(ui, form, assessment);
        });
    }
}

fn components_ui(ui: &mut egui::Ui, form: &mut Form<'_>, section: &mut RawServiceComponents) {
    row_ui(ui, "Labour markup category", |ui| {
        form.text(
            ui,
            "service_components.labour_markup",
            "Components labour markup category",
            &mut section.labour_markup,
        );
    });
    for (index, component) in section.components.iter_mut().enumerate() {
        let path = format!("service_components.components[{index}]");
        let number = index + 1;
        ui.horizontal_wrapped(|ui| {
            form.text(
                ui,
                &format!("{path}.id"),
                &format!("Component {number} id"),
                &mut component.id,
            );
            form.text(
                ui,
                &format!("{path}.name"),
                &format!("Component {number} name"),
                &mut component.name,
            );
            tags_field_ui(
                ui,
                form,
                &format!("{path}.tags"),
                &format!("Component {number} tags"),
                &mut component.tags,
            );
            form.problems_ui(ui, &path);
        });
    }
    form.problems_ui(ui, "service_components.components");
}

fn packages_ui(ui: &mut egui::Ui, form: &mut Form<'_>, packages: &mut RawPackages) {
    row_ui(ui, "Lease annual rate, %", |ui| {
        form.amount(
            ui,
            "packages.lease_annual_rate_percent",
            "Lease annual rate percent",
            &mut packages.lease_annual_rate_percent,
        );
    });
    for (index, band) in packages.bands.iter_mut().enumerate() {
        let path = format!("packages.bands[{index}]");
        egui::CollapsingHeader::new(format!("Package {}", band.name))
            .id_salt(("book-editor-package", index))
            .show(ui, |ui| package_band_ui(ui, form, &path, index + 1, band));
    }
    form.problems_ui(ui, "packages.bands");
}

fn package_band_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    number: usize,
    band: &mut RawPackageBand,
) {
    let name = format!("Package {number}");
    ui.horizontal_wrapped(|ui| {
        form.text(
            ui,
            &format!("{path}.id"),
            &format!("{name} id"),
            &mut band.id,
        );
        form.text(
            ui,
            &format!("{path}.name"),
            &format!("{name} name"),
            &mut band.name,
        );
        ui.label("users");
        form.count(
            ui,
            &format!("{path}.min_users"),
            &format!("{name} minimum users"),
            &mut band.min_users,
        );
        form.count(
            ui,
            &format!("{path}.max_users"),
            &format!("{name} maximum users"),
            &mut band.max_users,
        );
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("service");
        form.text(
            ui,
            &format!("{path}.service_tier"),
            &format!("{name} service tier"),
            &mut band.service_tier,
        );
        form.text(
            ui,
            &format!("{path}.service_kind"),
            &format!("{name} service kind"),
            &mut band.service_kind,
        );
        form.count(
            ui,
            &format!("{path}.service_devices"),
            &format!("{name} service devices"),
            &mut band.service_devices,
        );
    });
    package_items_ui(ui, form, path, &name, band);
    form.problems_ui(ui, path);
}

fn time_materials_ui(ui: &mut egui::Ui, form: &mut Form<'_>, rates: &mut RawTimeMaterials) {
    for (label, field, value) in [
        ("Remote, normal", "remote_normal", &mut rates.remote_normal),
        (
            "Remote, emergency",
            "remote_emergency",
            &mut rates.remote_emergency,
        ),
        (
            "Remote, escalated",
            "remote_escalated",
            &mut rates.remote_escalated,
        ),
        ("On-site, normal", "onsite_normal", &mut rates.onsite_normal),
        (
            "On-site, emergency",
            "onsite_emergency",
            &mut rates.onsite_emergency,
        ),
        (
            "On-site, escalated",
            "onsite_escalated",
            &mut rates.onsite_escalated,
        ),
    ] {
        row_ui(ui, label, |ui| {
            form.amount(
                ui,
                &format!("time_materials.{field}"),
                &format!("Time and materials {label}"),
                value,
            );
        });
    }
}

fn assessment_ui(ui: &mut egui::Ui, form: &mut Form<'_>, assessment: &mut RawAssessment) {
    for (label, field, value) in [
        (
            "Travel hours per location",
            "travel_hours_per_location",
            &mut assessment.travel_hours_per_location,
        ),
        ("Travel rate", "travel_rate", &mut assessment.travel_rate),
        (
            "Discovery hours",
            "discovery_hours",
            &mut assessment.discovery_hours,
        ),
        (
            "Discovery rate",
            "discovery_rate",
            &mut assessment.discovery_rate,
        ),
        (
            "Analysis hours per server",
            "analysis_hours_per_server",
            &mut assessment.analysis_hours_per_server,
        ),
        (
            "Analysis hours per site",
            "analysis_hours_per_site",
            &mut assessment.analysis_hours_per_site,
        ),
        (
            "Analysis rate",
            "analysis_rate",
            &mut assessment.analysis_rate,
        ),
        ("Report hours", "report_hours", &mut assessment.report_hours),
        (
            "Report hours per server",
            "report_hours_per_server",
            &mut assessment.report_hours_per_server,
        ),
        ("Report rate", "report_rate", &mut assessment.report_rate),
    ] {
        row_ui(ui, label, |ui| {
            form.amount(
                ui,
                &format!("assessment.{field}"),
                &format!("Assessment {label}"),
                value,
            );
        });
    }
    for (index, kind) in assessment.infrastructure_types.iter_mut().enumerate() {
        let path = format!("assessment.infrastructure_types[{index}]");
        let name = format!("Infrastructure type {}", index + 1);
        ui.horizontal_wrapped(|ui| {
            form.text(
                ui,
                &format!("{path}.id"),
                &format!("{name} id"),
                &mut kind.id,
            );
            form.text(
                ui,
                &format!("{path}.name"),
                &format!("{name} name"),
                &mut kind.name,
            );
            form.amount(
                ui,
                &format!("{path}.analysis_factor"),
                &format!("{name} analysis factor"),
                &mut kind.analysis_factor,
            );
            form.problems_ui(ui, &path);
        });
    }
}

/// A package's items: name, category, cost.
fn package_items_ui(
    ui: &mut egui::Ui,
    form: &mut Form<'_>,
    path: &str,
    name: &str,
    band: &mut RawPackageBand,
) {
    for (index, item) in band.items.iter_mut().enumerate() {
        let item_path = format!("{path}.items[{index}]");
        let item_name = format!("{name} item {}", index + 1);
        ui.horizontal_wrapped(|ui| {
            form.text(
                ui,
                &format!("{item_path}.name"),
                &format!("{item_name} name"),
                &mut item.name,
            );
            form.text(
                ui,
                &format!("{item_path}.category"),
                &format!("{item_name} category"),
                &mut item.category,
            );
            form.amount(
                ui,
                &format!("{item_path}.cost"),
                &format!("{item_name} cost"),
                &mut item.cost,
            );
            form.problems_ui(ui, &item_path);
        });
    }
}
