//! The quote tab's "Other pricing options": component and phase lines and a complete package
//! beside the tiers. Every edit changes the quote, so it goes through the undo history and
//! marks the quote unsaved; the amounts shown are the core's (`price_quote_options`).

use super::fields::{count_field_ui, limits};
use super::{money, named_value_ui};
use crate::core::options::components::{ComponentChoice, ComponentLine, PricedComponent};
use crate::core::options::package::Acquisition;
use crate::core::options::{PackageChoice, PackageSelector, PricedOptions, QuoteOptions};
use crate::core::price_book::PriceBook;
use crate::formats::price_book::LoadedBook;

/// Draws the collapsing section; `priced` is the core's result for the quote's options.
pub(crate) fn quote_options_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    options: &mut QuoteOptions,
    priced: Option<&Result<PricedOptions, String>>,
) {
    egui::CollapsingHeader::new("Other pricing options")
        .id_salt("other-pricing-options")
        .default_open(!options.is_empty())
        .show(ui, |ui| {
            let priced_lines = match priced {
                Some(Ok(priced))
                    if priced.components.len()
                        == options.components.len() + options.phases.len() =>
                {
                    Some(priced.components.as_slice())
                }
                _ => None,
            };
            components_ui(ui, book, options, priced_lines);
            ui.separator();
            phases_ui(ui, book, options, priced_lines);
            ui.separator();
            package_ui(ui, book, options, priced);
            match priced {
                Some(Ok(priced)) => {
                    ui.horizontal(|ui| {
                        ui.label("Options monthly");
                        named_value_ui(ui, "Options monthly", money(book, priced.options_monthly));
                    });
                }
                Some(Err(message)) => {
                    ui.colored_label(ui.visuals().error_fg_color, message.as_str())
                        .accessible_name("Pricing options error");
                }
                None => {}
            }
        });
}

fn first_kind(book: &PriceBook) -> String {
    book.device_kinds
        .first()
        .map(|kind| kind.id.clone())
        .unwrap_or_default()
}

fn component_name(book: &PriceBook, id: &str) -> String {
    book.options
        .service_components
        .as_ref()
        .and_then(|rules| rules.components.iter().find(|c| c.id == id))
        .map_or(id.to_string(), |component| component.name.clone())
}

fn components_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    options: &mut QuoteOptions,
    priced: Option<&[PricedComponent]>,
) {
    let catalog = book
        .book
        .options
        .service_components
        .as_ref()
        .map_or(&[][..], |rules| rules.components.as_slice());
    ui.horizontal(|ui| {
        ui.strong("Components");
        if ui
            .add_enabled(!catalog.is_empty(), egui::Button::new("Add component line"))
            .clicked()
            && let Some(first) = catalog.first()
        {
            options.components.push(ComponentLine {
                choice: ComponentChoice::Component(first.id.clone()),
                kind: first_kind(&book.book),
                count: 1,
            });
        }
    });
    let mut remove = None;
    egui::Grid::new("component-lines")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for (index, line) in options.components.iter_mut().enumerate() {
                let number = index + 1;
                let selected = match &line.choice {
                    ComponentChoice::Component(id) => id.clone(),
                    ComponentChoice::Phase(phase) => format!("phase {phase}"),
                };
                let response = egui::ComboBox::from_id_salt(("component", index))
                    .selected_text(component_name(&book.book, &selected))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for component in catalog {
                            ui.selectable_value(
                                &mut line.choice,
                                ComponentChoice::Component(component.id.clone()),
                                &component.name,
                            );
                        }
                    });
                let _ = response
                    .response
                    .accessible_name(format!("Component, component line {number}"));
                line_devices_ui(ui, book, line, &format!("component line {number}"));
                monthly_ui(
                    ui,
                    book,
                    priced.and_then(|p| p.get(index)),
                    &format!("component line {number}"),
                );
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove component line {number}"))
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        options.components.remove(index);
    }
}

fn phases_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    options: &mut QuoteOptions,
    priced: Option<&[PricedComponent]>,
) {
    let phases = &book.book.options.phased_path;
    ui.horizontal(|ui| {
        ui.strong("Phased path");
        if ui
            .add_enabled(!phases.is_empty(), egui::Button::new("Add phase line"))
            .clicked()
            && let Some(first) = phases.first()
        {
            options.phases.push(ComponentLine {
                choice: ComponentChoice::Phase(first.number),
                kind: first_kind(&book.book),
                count: 1,
            });
        }
    });
    let offset = options.components.len();
    let mut remove = None;
    egui::Grid::new("phase-lines")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for (index, line) in options.phases.iter_mut().enumerate() {
                let number = index + 1;
                let selected = match &line.choice {
                    ComponentChoice::Phase(phase) => phases
                        .iter()
                        .find(|p| p.number == *phase)
                        .map_or(format!("Phase {phase}"), |p| {
                            format!("{}. {}", p.number, p.name)
                        }),
                    ComponentChoice::Component(id) => id.clone(),
                };
                let response = egui::ComboBox::from_id_salt(("phase", index))
                    .selected_text(selected)
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for phase in phases {
                            ui.selectable_value(
                                &mut line.choice,
                                ComponentChoice::Phase(phase.number),
                                format!("{}. {}", phase.number, phase.name),
                            );
                        }
                    });
                let _ = response
                    .response
                    .accessible_name(format!("Phase, phase line {number}"));
                line_devices_ui(ui, book, line, &format!("phase line {number}"));
                monthly_ui(
                    ui,
                    book,
                    priced.and_then(|p| p.get(offset + index)),
                    &format!("phase line {number}"),
                );
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove phase line {number}"))
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        options.phases.remove(index);
    }
}

/// The kind and count of a component or phase line.
fn line_devices_ui(ui: &mut egui::Ui, book: &LoadedBook, line: &mut ComponentLine, what: &str) {
    let response = egui::ComboBox::from_id_salt(("option-kind", what.to_string()))
        .selected_text(book.book.kind_name(&line.kind).to_string())
        .width(100.0)
        .show_ui(ui, |ui| {
            for kind in &book.book.device_kinds {
                ui.selectable_value(&mut line.kind, kind.id.clone(), &kind.name);
            }
        });
    let _ = response.response.accessible_name(format!("Kind, {what}"));
    count_field_ui(
        ui,
        &mut line.count,
        limits::QUANTITY,
        &format!("Count, {what}"),
    );
}

fn monthly_ui(ui: &mut egui::Ui, book: &LoadedBook, priced: Option<&PricedComponent>, what: &str) {
    match priced {
        Some(line) => named_value_ui(ui, &format!("Monthly, {what}"), money(book, line.monthly)),
        None => {
            ui.label("");
        }
    }
}

fn package_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    options: &mut QuoteOptions,
    priced: Option<&Result<PricedOptions, String>>,
) {
    let bands = book
        .book
        .options
        .packages
        .as_ref()
        .map_or(&[][..], |rules| rules.bands.as_slice());
    ui.strong("Complete package");
    let mut band = match options.package.as_ref().map(|choice| &choice.selector) {
        None => None,
        Some(PackageSelector::Band(id)) => Some(id.clone()),
        Some(PackageSelector::Users(users)) => bands
            .iter()
            .find(|band| (band.min_users..=band.max_users).contains(users))
            .map(|band| band.id.clone())
            .or_else(|| Some(format!("{users} users"))),
    };
    let before = band.clone();
    let selected = band.as_deref().map_or("None".to_string(), |id| {
        bands
            .iter()
            .find(|b| b.id == id)
            .map_or(id.to_string(), |b| b.name.clone())
    });
    let response = egui::ComboBox::from_id_salt("package-band")
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut band, None, "None");
            for choice in bands {
                ui.selectable_value(&mut band, Some(choice.id.clone()), &choice.name);
            }
        });
    let _ = response.response.accessible_name("Package");
    if band != before {
        let acquisition = options
            .package
            .as_ref()
            .map_or(Acquisition::Owned, |choice| choice.acquisition);
        options.package = band.map(|id| PackageChoice {
            selector: PackageSelector::Band(id),
            acquisition,
        });
    }
    if let Some(choice) = &mut options.package {
        ui.horizontal(|ui| {
            ui.radio_value(&mut choice.acquisition, Acquisition::Owned, "Owned")
                .on_hover_text("Hardware and software spread over the term")
                .accessible_name("Package owned");
            ui.radio_value(&mut choice.acquisition, Acquisition::Leased, "Leased")
                .accessible_name("Package leased");
        });
        if let Some(Ok(PricedOptions {
            package: Some(package),
            ..
        })) = priced
        {
            ui.horizontal(|ui| {
                ui.label("Package monthly fee");
                named_value_ui(ui, "Package monthly fee", money(book, package.monthly_fee));
            });
        }
    }
}
