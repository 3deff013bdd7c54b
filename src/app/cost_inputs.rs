//! The inputs of the cost-analysis tab: managed devices, hardware, software, affiliate and
//! labour lines, catalog tasks, hourly costs and markups. Every control edits the quote's
//! `cost_analysis` in place; the app records each change for undo and reruns the engine.

use rust_decimal::Decimal;

use super::decimal_field_ui;
use crate::core::cost::{
    Acquisition, AffiliateLine, AffiliateModel, CostAnalysis, CostCategory, FeePeriod,
    HardwareLine, LabourLine, SoftwareBasis, SoftwareBilling, SoftwareLine, TaskUse,
};
use crate::core::money::percent_text;
use crate::core::price_book::PriceBook;

/// Draws every input of the analysis.
pub(super) fn inputs_ui(ui: &mut egui::Ui, book: &PriceBook, analysis: &mut CostAnalysis) {
    ui.horizontal(|ui| {
        let mut fixed = analysis.managed_devices.is_some();
        if ui
            .checkbox(&mut fixed, "Divide over a fixed number of devices")
            .changed()
        {
            analysis.managed_devices = fixed.then_some(1);
        }
        if let Some(devices) = &mut analysis.managed_devices {
            ui.add(egui::DragValue::new(devices).range(1..=1_000_000))
                .accessible_name("Managed devices");
        }
    });
    ui.separator();
    hardware_ui(ui, &mut analysis.hardware);
    ui.separator();
    software_ui(ui, &mut analysis.software);
    ui.separator();
    affiliates_ui(ui, &mut analysis.affiliates);
    ui.separator();
    labour_ui(ui, book, analysis);
    ui.separator();
    markups_ui(ui, book, analysis);
}

fn hardware_ui(ui: &mut egui::Ui, lines: &mut Vec<HardwareLine>) {
    ui.horizontal(|ui| {
        ui.strong("Hardware");
        if ui.button("Add hardware").clicked() {
            lines.push(HardwareLine {
                description: String::new(),
                quantity: 1,
                unit_cost: Decimal::ZERO,
                acquisition: Acquisition::Purchased,
                source: None,
            });
        }
    });
    lines_grid_ui(
        ui,
        "Hardware",
        lines,
        |line| &mut line.description,
        |ui, index, line| {
            let n = index + 1;
            ui.add(egui::DragValue::new(&mut line.quantity).range(1..=1_000_000))
                .accessible_name(format!("Hardware quantity, line {n}"));
            decimal_field_ui(
                ui,
                &format!("hardware-cost-{index}"),
                &mut line.unit_cost,
                &format!("Hardware unit cost, line {n}"),
            );
            let chosen = match line.acquisition {
                Acquisition::Purchased => "Purchased",
                Acquisition::Leased { .. } => "Leased",
                Acquisition::Monthly => "Monthly",
            };
            let response = egui::ComboBox::from_id_salt(("acquisition", index))
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    let leased = Acquisition::Leased {
                        apr_percent: Decimal::ZERO,
                        months: 36,
                    };
                    for (text, value) in [
                        ("Purchased", Acquisition::Purchased),
                        ("Leased", leased),
                        ("Monthly", Acquisition::Monthly),
                    ] {
                        if ui.selectable_label(chosen == text, text).clicked() && chosen != text {
                            line.acquisition = value;
                        }
                    }
                });
            let _ = response
                .response
                .accessible_name(format!("Acquisition, line {n}"));
            if let Acquisition::Leased {
                apr_percent,
                months,
            } = &mut line.acquisition
            {
                ui.horizontal(|ui| {
                    decimal_field_ui(
                        ui,
                        &format!("lease-apr-{index}"),
                        apr_percent,
                        &format!("Lease APR percent, line {n}"),
                    );
                    ui.label("% over");
                    ui.add(egui::DragValue::new(months).range(1..=120))
                        .accessible_name(format!("Lease months, line {n}"));
                    ui.label("months");
                });
            } else {
                ui.label("");
            }
        },
    );
}

fn software_ui(ui: &mut egui::Ui, lines: &mut Vec<SoftwareLine>) {
    ui.horizontal(|ui| {
        ui.strong("Software licences");
        if ui.button("Add software").clicked() {
            lines.push(SoftwareLine {
                description: String::new(),
                basis: SoftwareBasis::PerDevice,
                quantity: None,
                unit_cost: Decimal::ZERO,
                billing: SoftwareBilling::Monthly,
                source: None,
            });
        }
    });
    lines_grid_ui(
        ui,
        "Software",
        lines,
        |line| &mut line.description,
        |ui, index, line| {
            let n = index + 1;
            let basis = match line.basis {
                SoftwareBasis::PerDevice => "per device",
                SoftwareBasis::PerUser => "per user",
                SoftwareBasis::Flat => "flat",
            };
            let response = egui::ComboBox::from_id_salt(("software-basis", index))
                .selected_text(basis)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut line.basis, SoftwareBasis::PerDevice, "per device");
                    ui.selectable_value(&mut line.basis, SoftwareBasis::PerUser, "per user");
                    ui.selectable_value(&mut line.basis, SoftwareBasis::Flat, "flat");
                });
            let _ = response
                .response
                .accessible_name(format!("Software basis, line {n}"));
            optional_count_ui(
                ui,
                &mut line.quantity,
                &format!("Software quantity, line {n}"),
            );
            decimal_field_ui(
                ui,
                &format!("software-cost-{index}"),
                &mut line.unit_cost,
                &format!("Software unit cost, line {n}"),
            );
            let billing = match line.billing {
                SoftwareBilling::Monthly => "monthly",
                SoftwareBilling::Annual => "annual",
            };
            let response = egui::ComboBox::from_id_salt(("software-billing", index))
                .selected_text(billing)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut line.billing, SoftwareBilling::Monthly, "monthly");
                    ui.selectable_value(&mut line.billing, SoftwareBilling::Annual, "annual");
                });
            let _ = response
                .response
                .accessible_name(format!("Software billing, line {n}"));
        },
    );
}

/// A count that may be left to the engine ("auto": devices, users or 1).
fn optional_count_ui(ui: &mut egui::Ui, quantity: &mut Option<u32>, name: &str) {
    ui.horizontal(|ui| {
        let mut automatic = quantity.is_none();
        if ui
            .checkbox(&mut automatic, "auto")
            .on_hover_text("Count the managed devices, the users, or 1 (flat)")
            .changed()
        {
            *quantity = if automatic { None } else { Some(1) };
        }
        if let Some(count) = quantity {
            ui.add(egui::DragValue::new(count).range(1..=1_000_000))
                .accessible_name(name);
        }
    });
}

fn affiliates_ui(ui: &mut egui::Ui, lines: &mut Vec<AffiliateLine>) {
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
    lines_grid_ui(
        ui,
        "Affiliate",
        lines,
        |line| &mut line.description,
        |ui, index, line| {
            model_choice_ui(ui, index, &mut line.model);
            ui.horizontal(|ui| model_fields_ui(ui, index, &mut line.model));
        },
    );
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

fn labour_ui(ui: &mut egui::Ui, book: &PriceBook, analysis: &mut CostAnalysis) {
    let labour = &mut analysis.labour;
    ui.strong("Internal labour");
    ui.checkbox(
        &mut labour.include_tier_hours,
        "Count the tiers' included support and flex hours",
    );
    ui.horizontal(|ui| {
        ui.label("Groups of identical devices");
        ui.add(egui::DragValue::new(&mut labour.identical_groups).range(1..=10_000))
            .accessible_name("Groups of identical devices");
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
    ui.label("Catalog tasks (hours per device, or per group, a month):");
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
                            .map(|task| TaskUse {
                                task: task.id.clone(),
                                devices: None,
                                groups: None,
                                hours_per_month: None,
                            })
                            .collect()
                    });
                    if used {
                        tasks.push(TaskUse {
                            task: task.id.clone(),
                            devices: None,
                            groups: None,
                            hours_per_month: None,
                        });
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
                let role = book
                    .cost_defaults
                    .labour_roles
                    .iter()
                    .find(|role| role.id == task.role)
                    .map_or(task.role.as_str(), |role| role.name.as_str());
                ui.label(role);
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        ui.label("Labour outside the catalog");
        if ui.button("Add labour").clicked() {
            let role = book
                .cost_defaults
                .labour_roles
                .first()
                .map(|role| role.id.clone())
                .unwrap_or_default();
            labour.extra.push(LabourLine {
                description: String::new(),
                role,
                hours_per_month: Decimal::ONE,
            });
        }
    });
    lines_grid_ui(
        ui,
        "Labour",
        &mut labour.extra,
        |line| &mut line.description,
        |ui, index, line| {
            let n = index + 1;
            let role_name = book
                .cost_defaults
                .labour_roles
                .iter()
                .find(|role| role.id == line.role)
                .map_or(line.role.clone(), |role| role.name.clone());
            let response = egui::ComboBox::from_id_salt(("labour-role", index))
                .selected_text(role_name)
                .show_ui(ui, |ui| {
                    for role in &book.cost_defaults.labour_roles {
                        ui.selectable_value(&mut line.role, role.id.clone(), &role.name);
                    }
                });
            let _ = response
                .response
                .accessible_name(format!("Labour role, line {n}"));
            decimal_field_ui(
                ui,
                &format!("labour-hours-{index}"),
                &mut line.hours_per_month,
                &format!("Labour hours a month, line {n}"),
            );
            ui.label("h a month");
        },
    );
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

fn markups_ui(ui: &mut egui::Ui, book: &PriceBook, analysis: &mut CostAnalysis) {
    ui.strong("Markups");
    egui::Grid::new("markups").striped(true).show(ui, |ui| {
        for category in CostCategory::ALL
            .into_iter()
            .filter(|category| category.takes_markup())
        {
            let book_value = book
                .cost_defaults
                .markups
                .get(category.id())
                .copied()
                .unwrap_or(Decimal::ZERO);
            ui.label(category.label());
            override_ui(
                ui,
                &mut analysis.markups,
                category.id(),
                book_value,
                &format!("Markup percent, {}", category.label()),
                &format!("{}%", percent_text(book_value)),
            );
            ui.end_row();
        }
    });
}

/// A value the quote may override: a checkbox and, when checked, a decimal field.
fn override_ui(
    ui: &mut egui::Ui,
    overrides: &mut std::collections::BTreeMap<String, Decimal>,
    key: &str,
    book_value: Decimal,
    name: &str,
    book_text: &str,
) {
    let mut custom = overrides.contains_key(key);
    if ui
        .checkbox(&mut custom, format!("override (book: {book_text})"))
        .changed()
    {
        if custom {
            overrides.insert(key.to_string(), book_value);
        } else {
            overrides.remove(key);
        }
    }
    if let Some(value) = overrides.get_mut(key) {
        decimal_field_ui(ui, &format!("override-{name}"), value, name);
    } else {
        ui.label("");
    }
}

/// A striped grid of editable lines: each row starts with the line's description field, then
/// `fields_ui` draws its other columns, and ends with a Remove button; the line whose button was
/// clicked is removed. Accessible names: "{noun} description, line N", "Remove {noun} N".
fn lines_grid_ui<T>(
    ui: &mut egui::Ui,
    noun: &str,
    lines: &mut Vec<T>,
    description: impl Fn(&mut T) -> &mut String,
    mut fields_ui: impl FnMut(&mut egui::Ui, usize, &mut T),
) {
    let lower = noun.to_lowercase();
    let mut remove = None;
    egui::Grid::new(format!("{lower}-lines"))
        .striped(true)
        .show(ui, |ui| {
            for (index, line) in lines.iter_mut().enumerate() {
                let n = index + 1;
                ui.add(
                    egui::TextEdit::singleline(description(line))
                        .desired_width(180.0)
                        .min_size(egui::vec2(180.0, 0.0)),
                )
                .accessible_name(format!("{noun} description, line {n}"));
                fields_ui(ui, index, line);
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {lower} {n}"))
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        lines.remove(index);
    }
}

fn money_plain(book: &PriceBook, amount: Decimal) -> String {
    book.currency.money(amount)
}
