//! The questions the window asks in a modal: unsaved changes before a new quote, an open or
//! closing; and the typed path where no file dialog can appear.

use std::path::PathBuf;

use super::actions::{ask_path, continue_with, save_to, use_path};
use super::{Pending, Prompt, Purpose};
use crate::app::{Action, QuoteApp};

/// Draws the open prompt, if any.
pub(crate) fn prompts_ui(ctx: &egui::Context, app: &mut QuoteApp, _actions: &mut [Action]) {
    crate::app::import_preview::pending_import_ui(ctx, app);
    let Some(prompt) = app.files.prompt.take() else {
        return;
    };
    match prompt {
        Prompt::Unsaved { then } => unsaved_prompt_ui(ctx, app, then),
        Prompt::TypePath {
            purpose,
            text,
            reason,
        } => type_path_prompt_ui(ctx, app, purpose, text, reason),
    }
}

enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// "Unsaved changes": save, discard or cancel; `then` runs after a save or a discard.
fn unsaved_prompt_ui(ctx: &egui::Context, app: &mut QuoteApp, then: Pending) {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label("The quote has changes that are not saved to a file.");
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    match answer {
        None => app.files.prompt = Some(Prompt::Unsaved { then }),
        Some(UnsavedAnswer::Cancel) => {}
        Some(UnsavedAnswer::Discard) => continue_with(ctx, app, then),
        Some(UnsavedAnswer::Save) => {
            let saved = match app.files.path.clone() {
                Some(path) => save_to(app, &path, false),
                None => {
                    ask_path(ctx, app, Purpose::SaveQuote);
                    !app.files.dirty
                }
            };
            if saved {
                continue_with(ctx, app, then);
            }
        }
    }
}

/// No dialog could appear: the user types the path for `purpose`.
fn type_path_prompt_ui(
    ctx: &egui::Context,
    app: &mut QuoteApp,
    purpose: Purpose,
    mut text: String,
    reason: String,
) {
    let mut answer = None;
    let title = purpose.request(&app.quote).title;
    egui::Modal::new(egui::Id::unique("type-a-path")).show(ctx, |ui| {
        ui.heading(title.as_str());
        ui.label(format!("{reason}."));
        ui.label("Type or paste the file's full path instead:");
        let field = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(420.0))
            .accessible_name("File path");
        // Enter in the field confirms (a single-line field gives up focus on Enter).
        let entered = (field.has_focus() || field.lost_focus())
            && ui.input(|input| input.key_pressed(egui::Key::Enter));
        if !entered && ui.memory(|memory| memory.focused().is_none()) {
            field.request_focus();
        }
        ui.horizontal(|ui| {
            if ui.button("OK").clicked() || entered {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    match answer {
        Some(true) if !text.trim().is_empty() => {
            use_path(ctx, app, purpose, PathBuf::from(text.trim()));
        }
        Some(_) => {}
        None => {
            app.files.prompt = Some(Prompt::TypePath {
                purpose,
                text,
                reason,
            });
        }
    }
}
