//! The file actions of the menu and the shortcuts: new, open and save (atomically), new
//! revisions, price books, imports and exports through the dialog seam; autosave and the
//! close request.

use std::path::{Path, PathBuf};

use super::{AUTOSAVE_SECONDS, JobDone, Pending, Prompt, Purpose};
use crate::app::dialogs::DialogAnswer;
use crate::app::{Action, QuoteApp, error_notice, info_notice};
use crate::formats::import::cost_lines::import_cost_lines;
use crate::formats::import::customer_costs::import_customer_costs;
use crate::formats::price_book::load_price_book;
use crate::formats::quote::{load_quote, save_quote};

/// Runs a file action of the menu or a shortcut.
pub(crate) fn run_file_action(ctx: &egui::Context, app: &mut QuoteApp, action: Action) {
    match action {
        Action::NewQuote => guard_unsaved(ctx, app, Pending::New),
        Action::OpenQuote => guard_unsaved(ctx, app, Pending::Open),
        Action::SaveQuote => match app.files.path.clone() {
            Some(path) => {
                save_to(app, &path, false);
            }
            None => ask_path(ctx, app, Purpose::SaveQuote),
        },
        Action::SaveQuoteAs => ask_path(ctx, app, Purpose::SaveQuote),
        Action::NewRevision => ask_path(ctx, app, Purpose::NewRevision),
        Action::LoadBook => ask_path(ctx, app, Purpose::LoadBook),
        Action::LoadBookFrom(path) => use_path(ctx, app, Purpose::LoadBook, path),
        Action::Export(kind) => ask_path(ctx, app, Purpose::Export(kind)),
        Action::ImportCostLines => ask_path(ctx, app, Purpose::ImportCostLines),
        Action::ExportCostXlsx => ask_path(ctx, app, Purpose::ExportCostXlsx),
        Action::ImportCustomerCosts => ask_path(ctx, app, Purpose::ImportCustomerCosts),
        Action::Undo | Action::Redo | Action::DismissNotice(_) => {}
    }
}

fn guard_unsaved(ctx: &egui::Context, app: &mut QuoteApp, then: Pending) {
    if app.files.dirty {
        app.files.prompt = Some(Prompt::Unsaved { then });
    } else {
        continue_with(ctx, app, then);
    }
}

pub(super) fn continue_with(ctx: &egui::Context, app: &mut QuoteApp, then: Pending) {
    match then {
        Pending::New => app.new_quote(),
        Pending::Open => ask_path(ctx, app, Purpose::OpenQuote),
        Pending::Close => {
            app.files.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Asks the dialogs for a path for `purpose`, and uses it.
pub(super) fn ask_path(ctx: &egui::Context, app: &mut QuoteApp, purpose: Purpose) {
    // A quote or document that would pin an unsaved book is refused before a path is asked.
    if matches!(
        purpose,
        Purpose::SaveQuote | Purpose::NewRevision | Purpose::Export(_)
    ) && let Some(reason) = app.unsaved_book_reason()
    {
        app.notices
            .push(error_notice(format!("Nothing was written: {reason}")));
        return;
    }
    let request = purpose.request(&app.quote);
    match app.files.dialogs.ask(&request) {
        DialogAnswer::Chosen(path) => use_path(ctx, app, purpose, path),
        DialogAnswer::Cancelled => {}
        DialogAnswer::Unavailable(reason) => {
            app.files.prompt = Some(Prompt::TypePath {
                purpose,
                text: String::new(),
                reason,
            });
        }
    }
}

/// Does what `purpose` says with `path`.
pub(super) fn use_path(ctx: &egui::Context, app: &mut QuoteApp, purpose: Purpose, path: PathBuf) {
    let started = match purpose {
        Purpose::OpenQuote => {
            let label = format!("Opening {}", path.display());
            app.files.start_job(ctx, label, move || {
                let result = load_quote(&path)
                    .map(Box::new)
                    .map_err(|error| error.to_string());
                JobDone::Quote(path, result)
            })
        }
        Purpose::LoadBook => {
            let label = format!("Loading {}", path.display());
            app.files.start_job(ctx, label, move || {
                let result = load_price_book(&path)
                    .map(Box::new)
                    .map_err(|error| error.to_string());
                JobDone::Book(path, result)
            })
        }
        Purpose::ImportCostLines => {
            let label = format!("Importing {}", path.display());
            app.files.start_job(ctx, label, move || {
                let result = import_cost_lines(&path)
                    .map(Box::new)
                    .map_err(|error| error.to_string());
                JobDone::CostLines(path, result)
            })
        }
        Purpose::ImportCustomerCosts => {
            let label = format!("Importing {}", path.display());
            app.files.start_job(ctx, label, move || {
                let result = import_customer_costs(&path)
                    .map(Box::new)
                    .map_err(|error| error.to_string());
                JobDone::CustomerCosts(path, result)
            })
        }
        Purpose::ExportCostXlsx => match &app.cache.cost {
            Some(Ok(breakdown)) => {
                let (quote, breakdown) = (app.quote.clone(), breakdown.clone());
                let label = format!("Exporting {}", path.display());
                app.files.start_job(ctx, label, move || {
                    let result =
                        crate::formats::xlsx::cost::write_cost_analysis(&path, &quote, &breakdown);
                    JobDone::Exported(path, result)
                })
            }
            _ => Err("the cost analysis cannot be exported until it computes".to_string()),
        },
        Purpose::SaveQuote => {
            save_to(app, &path, false);
            Ok(())
        }
        Purpose::NewRevision => {
            save_to(app, &path, true);
            Ok(())
        }
        Purpose::Export(kind) => {
            match crate::app::documents_tab::export_work(app, kind, path.clone()) {
                Ok(work) => {
                    let label = format!("Exporting {}", path.display());
                    app.files.start_job(ctx, label, move || {
                        let result = work();
                        JobDone::Exported(path, result)
                    })
                }
                Err(message) => Err(message),
            }
        }
    };
    if let Err(message) = started {
        app.notices.push(error_notice(message));
    }
}

/// Saves the quote to `path` (as a new revision when `new_revision`); true when it worked.
pub(super) fn save_to(app: &mut QuoteApp, path: &Path, new_revision: bool) -> bool {
    if let Some(reason) = app.unsaved_book_reason() {
        app.notices.push(error_notice(format!(
            "{} was not saved (the quote is kept as it is): {reason}",
            path.display()
        )));
        return false;
    }
    let before = app.quote.clone();
    if new_revision {
        app.quote.revision = app.quote.revision.saturating_add(1);
    }
    app.stamp_for_saving();
    match save_quote(path, &app.quote) {
        Ok(()) => {
            app.files.path = Some(path.to_path_buf());
            app.files.dirty = false;
            let what = if new_revision {
                format!("Saved revision {} as", app.quote.revision)
            } else {
                "Saved".to_string()
            };
            app.notices
                .push(info_notice(format!("{what} {}", path.display())));
            true
        }
        Err(error) => {
            app.quote = before;
            app.recorded_reset();
            app.notices.push(error_notice(format!(
                "cannot save {}; nothing was changed: {error}",
                path.display()
            )));
            false
        }
    }
}

/// Autosaves the working quote every few seconds after it changed.
pub(crate) fn autosave_tick(ctx: &egui::Context, app: &mut QuoteApp, generation: u64) {
    if app.files.data_dir.is_none() || app.files.autosaved_generation == generation {
        return;
    }
    let now = ctx.input(|input| input.time);
    let waited = now - app.files.last_autosave;
    if waited >= AUTOSAVE_SECONDS {
        app.save_session();
        app.files.last_autosave = now;
        app.files.autosaved_generation = generation;
    } else {
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            AUTOSAVE_SECONDS - waited,
        ));
    }
}

/// Holds a close request while the quote has unsaved changes, and asks.
pub(crate) fn close_request(ctx: &egui::Context, app: &mut QuoteApp) {
    let close_requested = ctx.input(|input| input.viewport().close_requested());
    if !close_requested {
        return;
    }
    if app.files.dirty && !app.files.allow_close {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        app.files.prompt = Some(Prompt::Unsaved {
            then: Pending::Close,
        });
    } else {
        app.save_session();
    }
}
