//! Files and safety: open and save quotes (atomically), new revisions, price books, autosave
//! of the working quote and its recovery, the unsaved-changes prompt, and the typed-path
//! prompt used where no file dialog can appear. Reading files runs on a background thread so
//! the window never freezes; a spinner shows past 100 ms.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::dialogs::{DialogAnswer, DialogRequest, FileDialogs};
use super::documents_tab::DocumentKind;
use super::{Action, Notice, QuoteApp, error_notice, info_notice};
use crate::core::quote::Quote;
use crate::formats::import::cost_lines::{ImportedCostLines, import_cost_lines};
use crate::formats::import::customer_costs::{ImportedCosts, import_customer_costs};
use crate::formats::price_book::{LoadedBook, load_price_book};
use crate::formats::quote::{load_quote, parse_quote, quote_to_ron, save_quote};

/// Seconds between autosaves of a changed quote.
const AUTOSAVE_SECONDS: f64 = 5.0;

/// Most recently used price books remembered.
const RECENT_BOOKS: usize = 8;

/// The autosaved working quote, in the data directory.
const AUTOSAVE_FILE: &str = "autosave.ron";

/// What the session remembers besides the quote, in the data directory.
const SESSION_FILE: &str = "session.ron";

/// The data directory of the app: eframe's storage folder for "msp-quote"
/// (`$XDG_DATA_HOME/msp-quote` or `~/.local/share/msp-quote` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    eframe::storage_dir("msp-quote")
}

/// File state of the window.
pub struct Files {
    /// The file the quote was opened from or saved to.
    pub(crate) path: Option<PathBuf>,
    /// Changes not saved to `path`.
    pub(crate) dirty: bool,
    data_dir: Option<PathBuf>,
    dialogs: Box<dyn FileDialogs>,
    pub(crate) job: Option<Job>,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) recent_books: Vec<PathBuf>,
    pub(crate) autosave_status: Option<String>,
    last_autosave: f64,
    autosaved_generation: u64,
    allow_close: bool,
    /// Open exported documents in the desktop's viewer (off in tests).
    pub(crate) open_exports: bool,
}

/// Work running on a background thread.
pub struct Job {
    pub(crate) label: String,
    pub(crate) started: Instant,
    receiver: mpsc::Receiver<JobDone>,
}

/// What a background job produced.
pub(crate) enum JobDone {
    Quote(PathBuf, Result<Box<Quote>, String>),
    Book(PathBuf, Result<Box<LoadedBook>, String>),
    Exported(PathBuf, Result<(), String>),
    CostLines(PathBuf, Result<Box<ImportedCostLines>, String>),
    CustomerCosts(PathBuf, Result<Box<ImportedCosts>, String>),
}

/// A question the window is asking.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Prompt {
    /// The quote has unsaved changes; `then` waits for the answer.
    Unsaved { then: Pending },
    /// No dialog could appear: the user types the path.
    TypePath {
        purpose: Purpose,
        text: String,
        reason: String,
    },
}

/// What waits behind the unsaved-changes prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pending {
    New,
    Open,
    Close,
}

/// What a chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    OpenQuote,
    SaveQuote,
    NewRevision,
    LoadBook,
    Export(DocumentKind),
    ImportCostLines,
    ExportCostXlsx,
    ImportCustomerCosts,
}

impl Purpose {
    fn request(self, quote: &Quote) -> DialogRequest {
        let (title, filter, extension, save) = match self {
            Purpose::OpenQuote => ("Open quote", "Quote (RON)", "ron", false),
            Purpose::SaveQuote => ("Save quote", "Quote (RON)", "ron", true),
            Purpose::NewRevision => ("Save new revision", "Quote (RON)", "ron", true),
            Purpose::LoadBook => ("Load price book", "Price book (RON)", "ron", false),
            Purpose::Export(kind) => (kind.dialog_title(), "PDF document", "pdf", true),
            Purpose::ImportCostLines => ("Import cost lines", "Spreadsheet", "xlsx", false),
            Purpose::ImportCustomerCosts => ("Import customer costs", "Spreadsheet", "xlsx", false),
            Purpose::ExportCostXlsx => ("Export cost analysis", "Excel workbook", "xlsx", true),
        };
        let extensions: Vec<String> = match self {
            Purpose::ImportCostLines | Purpose::ImportCustomerCosts => {
                ["xlsx", "xlsm", "xls", "ods", "csv"]
                    .iter()
                    .map(|extension| extension.to_string())
                    .collect()
            }
            _ => vec![extension.to_string()],
        };
        let suggested_name = match self {
            Purpose::NewRevision => format!("{}-r{}.ron", quote.number, quote.revision + 1),
            Purpose::Export(kind) => kind.file_name(quote),
            Purpose::ExportCostXlsx => {
                format!("{}-r{}-cost.xlsx", quote.number, quote.revision)
            }
            _ => format!("{}.ron", quote.number),
        };
        DialogRequest {
            title: title.to_string(),
            filter_name: filter.to_string(),
            extensions,
            suggested_name,
            save,
        }
    }
}

/// What the session file keeps between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Session {
    quote_path: Option<PathBuf>,
    book_path: Option<PathBuf>,
    recent_books: Vec<PathBuf>,
    unsaved_changes: bool,
}

impl Files {
    /// No file yet; `data_dir` is where autosaves go (none: no autosave).
    pub fn new(data_dir: Option<PathBuf>, dialogs: Box<dyn FileDialogs>) -> Self {
        Files {
            path: None,
            dirty: false,
            data_dir,
            dialogs,
            job: None,
            prompt: None,
            recent_books: Vec::new(),
            autosave_status: None,
            last_autosave: 0.0,
            autosaved_generation: 0,
            allow_close: false,
            open_exports: false,
        }
    }

    /// Restores the last session into `book` and `quote`; opens `quote_path` instead of the
    /// autosaved quote when given. Problems become notices; what cannot be read is skipped.
    pub(crate) fn restore_session(
        &mut self,
        book: &mut LoadedBook,
        quote: &mut Quote,
        notices: &mut Vec<Notice>,
        quote_path: Option<PathBuf>,
    ) {
        let mut session = Session::default();
        if let Some(dir) = &self.data_dir
            && let Ok(text) = std::fs::read_to_string(dir.join(SESSION_FILE))
        {
            match ron::from_str::<Session>(&text) {
                Ok(read) => session = read,
                Err(error) => notices.push(error_notice(format!(
                    "the saved session could not be read ({error}); starting afresh"
                ))),
            }
        }
        self.recent_books = session.recent_books.clone();
        if let Some(book_path) = &session.book_path {
            match load_price_book(book_path) {
                Ok(loaded) => *book = loaded,
                Err(error) => notices.push(error_notice(format!(
                    "the price book of the last session was not loaded; using the standard book: {}",
                    error.one_line()
                ))),
            }
        }
        if let Some(path) = quote_path {
            match load_quote(&path) {
                Ok(opened) => {
                    *quote = opened;
                    self.path = Some(path);
                    return;
                }
                Err(error) => notices.push(error_notice(format!(
                    "cannot open the quote: {}",
                    error.one_line()
                ))),
            }
        }
        let Some(dir) = &self.data_dir else {
            return;
        };
        let autosave = dir.join(AUTOSAVE_FILE);
        let Ok(text) = std::fs::read_to_string(&autosave) else {
            return;
        };
        match parse_quote(&text, &autosave.display().to_string()) {
            Ok(restored) => {
                *quote = restored;
                self.path = session.quote_path;
                self.dirty = session.unsaved_changes;
                notices.push(info_notice(
                    "Restored the quote of the last session (autosaved).",
                ));
            }
            Err(error) => notices.push(error_notice(format!(
                "the autosaved quote could not be recovered: {}",
                error.one_line()
            ))),
        }
    }

    /// Asks the file dialogs for a path (the price-book editor's "Save as a new version").
    pub(crate) fn ask_dialog(&mut self, request: &DialogRequest) -> DialogAnswer {
        self.dialogs.ask(request)
    }

    fn remember_book(&mut self, path: &Path) {
        self.recent_books.retain(|known| known != path);
        self.recent_books.insert(0, path.to_path_buf());
        self.recent_books.truncate(RECENT_BOOKS);
    }

    fn start_job(
        &mut self,
        ctx: &egui::Context,
        label: String,
        work: impl FnOnce() -> JobDone + Send + 'static,
    ) -> Result<(), String> {
        if let Some(job) = &self.job {
            return Err(format!("wait for '{}' to finish first", job.label));
        }
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        std::thread::Builder::new()
            .name("msp-quote-file".to_string())
            .spawn(move || {
                let _ = sender.send(work());
                repaint.request_repaint();
            })
            .map_err(|error| format!("cannot start a background task: {error}"))?;
        self.job = Some(Job {
            label,
            started: Instant::now(),
            receiver,
        });
        Ok(())
    }
}

impl QuoteApp {
    /// Writes the working quote and the session to the data directory (no-op without one).
    pub fn save_session(&mut self) {
        let Some(dir) = self.files.data_dir.clone() else {
            return;
        };
        let session = Session {
            quote_path: self.files.path.clone(),
            book_path: self.book.path.clone(),
            recent_books: self.files.recent_books.clone(),
            unsaved_changes: self.files.dirty,
        };
        let outcome = std::fs::create_dir_all(&dir)
            .map_err(|error| error.to_string())
            .and_then(|()| quote_to_ron(&self.quote).map_err(|error| error.to_string()))
            .and_then(|text| {
                crate::formats::write_atomically(&dir.join(AUTOSAVE_FILE), text.as_bytes())
                    .map_err(|error| error.to_string())
            })
            .and_then(|()| {
                ron::ser::to_string_pretty(&session, ron::ser::PrettyConfig::default())
                    .map_err(|error| error.to_string())
            })
            .and_then(|text| {
                crate::formats::write_atomically(&dir.join(SESSION_FILE), text.as_bytes())
                    .map_err(|error| error.to_string())
            });
        self.files.autosave_status = Some(match outcome {
            Ok(()) => format!("Autosaved to {}", dir.display()),
            Err(error) => format!("Autosave failed: {error}"),
        });
    }

    /// Takes the result of a finished background job.
    pub(crate) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.files.job else {
            return;
        };
        let done = match job.receiver.try_recv() {
            Ok(done) => done,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.files.job = None;
                self.notices
                    .push(error_notice("a background task stopped without an answer"));
                return;
            }
        };
        self.files.job = None;
        match done {
            JobDone::Quote(path, Ok(quote)) => {
                self.notices
                    .push(info_notice(format!("Opened {}", path.display())));
                self.adopt_quote(*quote, Some(path));
            }
            JobDone::Quote(path, Err(message)) => self.notices.push(error_notice(format!(
                "cannot open {}; the quote on screen is unchanged: {message}",
                path.display()
            ))),
            JobDone::Book(path, Ok(book)) => {
                self.files.remember_book(&path);
                self.notices.push(info_notice(format!(
                    "Loaded price book {} {} from {}",
                    book.book.name,
                    book.book.version,
                    path.display()
                )));
                self.replace_book(*book);
            }
            JobDone::Book(path, Err(message)) => {
                self.notices.push(error_notice(format!(
                    "price book {} was not loaded; the current book and the quote stay as they were",
                    path.display()
                )));
                self.book_error = Some(message);
            }
            JobDone::Exported(path, Ok(())) => {
                self.notices
                    .push(info_notice(format!("Exported {}", path.display())));
                if self.files.open_exports
                    && let Err(error) = open_in_viewer(&path)
                {
                    self.notices.push(error_notice(format!(
                        "the document was written but could not be opened: {error}"
                    )));
                }
                self.documents.last_export = Some(path);
            }
            JobDone::Exported(path, Err(message)) => self.notices.push(error_notice(format!(
                "cannot export {}: {message}",
                path.display()
            ))),
            JobDone::CostLines(path, Ok(lines)) => {
                let mut text = format!(
                    "Imported {} cost lines from {} (sheet {})",
                    lines.line_count(),
                    path.display(),
                    lines.sheet
                );
                if !lines.skipped.is_empty() {
                    text.push_str(&format!("; {} rows or cells skipped:", lines.skipped.len()));
                    for problem in lines.skipped.iter().take(5) {
                        text.push_str(&format!(" [{problem}]"));
                    }
                }
                for problem in lines.warnings.iter().take(5) {
                    text.push_str(&format!(" [{problem}]"));
                }
                self.notices.push(info_notice(text));
                lines.append_to(
                    self.quote
                        .cost_analysis
                        .get_or_insert_with(Default::default),
                );
            }
            JobDone::CustomerCosts(path, Ok(imported)) => {
                let mut text = format!(
                    "Imported {} customer cost lines from {} (sheet {})",
                    imported.costs.lines.len(),
                    path.display(),
                    imported.sheet
                );
                for problem in imported.skipped.iter().chain(&imported.warnings).take(8) {
                    text.push_str(&format!(" [{problem}]"));
                }
                self.notices.push(info_notice(text));
                let costs = self
                    .quote
                    .customer_costs
                    .get_or_insert_with(Default::default);
                costs.lines.extend(imported.costs.lines.iter().cloned());
                if costs.avoided_hire.is_none() {
                    costs.avoided_hire = imported.costs.avoided_hire;
                }
            }
            JobDone::CustomerCosts(path, Err(message)) => self.notices.push(error_notice(format!(
                "cannot import customer costs from {}; the ROI inputs are unchanged: {message}",
                path.display()
            ))),
            JobDone::CostLines(path, Err(message)) => self.notices.push(error_notice(format!(
                "cannot import cost lines from {}; the analysis is unchanged: {message}",
                path.display()
            ))),
        }
        ctx.request_repaint();
    }
}

/// Opens `path` with the desktop's default viewer.
fn open_in_viewer(path: &Path) -> std::io::Result<()> {
    std::process::Command::new("xdg-open")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

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

fn continue_with(ctx: &egui::Context, app: &mut QuoteApp, then: Pending) {
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
fn ask_path(ctx: &egui::Context, app: &mut QuoteApp, purpose: Purpose) {
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
fn use_path(ctx: &egui::Context, app: &mut QuoteApp, purpose: Purpose, path: PathBuf) {
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
        Purpose::Export(kind) => match super::documents_tab::export_work(app, kind, path.clone()) {
            Ok(work) => {
                let label = format!("Exporting {}", path.display());
                app.files.start_job(ctx, label, move || {
                    let result = work();
                    JobDone::Exported(path, result)
                })
            }
            Err(message) => Err(message),
        },
    };
    if let Err(message) = started {
        app.notices.push(error_notice(message));
    }
}

/// Saves the quote to `path` (as a new revision when `new_revision`); true when it worked.
fn save_to(app: &mut QuoteApp, path: &Path, new_revision: bool) -> bool {
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

/// Draws the open prompt, if any.
pub(crate) fn prompts_ui(ctx: &egui::Context, app: &mut QuoteApp, _actions: &mut [Action]) {
    let Some(prompt) = app.files.prompt.take() else {
        return;
    };
    match prompt {
        Prompt::Unsaved { then } => {
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
        Prompt::TypePath {
            purpose,
            mut text,
            reason,
        } => {
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
    }
}

enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}
