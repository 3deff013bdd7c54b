//! The editor's frame: its status and history buttons, the lint and the problems, the save
//! form, the list of changes, then one collapsible section per part of the book.

use std::path::PathBuf;

use super::fields::{Form, section_ui};
use super::{BookEditor, QuoteApp, kept_book_text, save};
use crate::app::named_value_ui;

/// An undo or redo the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HistoryStep {
    Undo,
    Redo,
}

/// What a frame of the editor asks the app to do.
#[derive(Debug, Default)]
pub(crate) struct PanelOutcome {
    /// A field changed the raw book.
    pub(crate) edited: bool,
    pub(crate) history: Option<HistoryStep>,
    /// Save the edited book as a new version to this path.
    pub(crate) save_to: Option<PathBuf>,
    /// A price increase or a spreadsheet export or import.
    pub(crate) tool: Option<super::tools::ToolRequest>,
}

/// Draws the editor into `ui`.
pub(crate) fn editor_panel_ui(
    ui: &mut egui::Ui,
    editor: &mut BookEditor,
    app: &mut QuoteApp,
) -> PanelOutcome {
    let mut outcome = PanelOutcome::default();
    ui.heading("Edit the price book");
    status_ui(ui, editor, app, &mut outcome);
    lint_and_problems_ui(ui, editor);
    outcome.save_to = save::save_form_ui(ui, editor, app);
    outcome.tool = super::tools::tools_ui(ui, editor, app);
    if let Some(changes) = &editor.changes {
        changes.list_ui(ui);
    }
    ui.separator();
    outcome.edited = sections_ui(ui, editor);
    outcome
}

/// Whether the book is edited and valid, the undo/redo buttons.
fn status_ui(ui: &mut egui::Ui, editor: &BookEditor, app: &QuoteApp, outcome: &mut PanelOutcome) {
    ui.horizontal_wrapped(|ui| {
        let can_undo = editor.history.can_undo();
        let can_redo = editor.history.can_redo();
        if ui
            .add_enabled(can_undo, egui::Button::new("Undo book edit"))
            .on_hover_text("Undo the last edit of the price book (Ctrl+Z in this tab)")
            .clicked()
        {
            outcome.history = Some(HistoryStep::Undo);
        }
        if ui
            .add_enabled(can_redo, egui::Button::new("Redo book edit"))
            .on_hover_text("Redo (Ctrl+Shift+Z in this tab)")
            .clicked()
        {
            outcome.history = Some(HistoryStep::Redo);
        }
        let status = if editor.is_invalid() {
            kept_book_text(editor, &app.book)
        } else if editor.is_edited() {
            "Edited, not saved: the quote is priced with the edited book".to_string()
        } else {
            "No edits: the quote is priced with the loaded book".to_string()
        };
        named_value_ui(ui, "Edited book status", status);
    });
}

/// The lint of the edited book and every validation problem with its field path.
fn lint_and_problems_ui(ui: &mut egui::Ui, editor: &BookEditor) {
    let problems = editor.problems.all();
    if !problems.is_empty() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "Problems ({}), each also shown beside its field:",
                problems.len()
            ),
        );
        for problem in problems {
            ui.colored_label(ui.visuals().error_fg_color, problem.to_string());
        }
    }
    let lint = &editor.lint;
    let heading = if editor.is_invalid() {
        format!("Lint warnings ({}, of the last valid edit)", lint.len())
    } else {
        format!("Lint warnings ({})", lint.len())
    };
    ui.strong(heading);
    for (index, warning) in lint.iter().enumerate() {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {warning}"))
            .accessible_name(format!("Lint warning {}", index + 1));
    }
}

/// Every section of the book; true when a field changed.
fn sections_ui(ui: &mut egui::Ui, editor: &mut BookEditor) -> bool {
    let mut form = Form::new(&editor.problems);
    let raw = &mut editor.raw;
    section_ui(ui, &mut form, "Book", "", true, |ui, form| {
        super::sections_book::identity_ui(ui, form, raw);
    });
    section_ui(
        ui,
        &mut form,
        "Device kinds",
        "device_kinds",
        false,
        |ui, form| {
            super::sections_book::device_kinds_ui(ui, form, &mut raw.device_kinds);
        },
    );
    section_ui(ui, &mut form, "Tiers", "tiers", true, |ui, form| {
        super::sections_tiers::tiers_ui(ui, form, raw);
    });
    section_ui(
        ui,
        &mut form,
        "Discount schedules",
        "discount_schedules",
        true,
        |ui, form| super::sections_discounts::schedules_ui(ui, form, raw),
    );
    section_ui(
        ui,
        &mut form,
        "Terms and credits",
        "terms",
        false,
        |ui, form| {
            super::sections_discounts::terms_ui(ui, form, &mut raw.terms);
        },
    );
    section_ui(
        ui,
        &mut form,
        "Hourly rates",
        "hourly_rates",
        false,
        |ui, form| {
            super::sections_rates::hourly_rates_ui(ui, form, &mut raw.hourly_rates);
        },
    );
    section_ui(ui, &mut form, "Add-ons", "addons", false, |ui, form| {
        super::sections_rates::addons_ui(ui, form, &mut raw.addons);
    });
    super::sections_book::rules_sections_ui(ui, &mut form, raw);
    super::sections_service_levels::service_levels_ui(ui, &mut form, raw);
    section_ui(
        ui,
        &mut form,
        "Cost defaults",
        "cost_defaults",
        false,
        |ui, form| {
            super::sections_costs::cost_defaults_ui(ui, form, &mut raw.cost_defaults);
        },
    );
    super::sections_options::options_sections_ui(ui, &mut form, raw);
    section_ui(ui, &mut form, "Branding", "branding", false, |ui, form| {
        super::sections_book::branding_ui(ui, form, &mut raw.branding);
    });
    form.changed
}
