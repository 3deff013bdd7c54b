//! Files and safety: open and save quotes (atomically), new revisions, price books, autosave
//! of the working quote and its recovery, the unsaved-changes prompt, and the typed-path
//! prompt used where no file dialog can appear. Reading files runs on a background thread so
//! the window never freezes; a spinner shows past 100 ms.

mod actions;
mod jobs;
mod prompts;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::dialogs::{DialogAnswer, DialogRequest, FileDialogs};
use super::documents_tab::DocumentKind;
use super::{Notice, QuoteApp, error_notice, info_notice};
use crate::core::quote::Quote;
use crate::formats::import::cost_lines::ImportedCostLines;
use crate::formats::import::customer_costs::ImportedCosts;
use crate::formats::price_book::{LoadedBook, load_price_book};
use crate::formats::quote::{load_quote, parse_quote, quote_to_ron};
use crate::formats::{QUOTE_SIZE_LIMIT, read_input_text};

pub(crate) use actions::{autosave_tick, close_request, run_file_action};
pub(crate) use prompts::prompts_ui;

/// Seconds between autosaves of a changed quote.
const AUTOSAVE_SECONDS: f64 = 5.0;

/// Most recently used price books remembered.
const RECENT_BOOKS: usize = 8;

/// The autosaved working quote, in the data directory.
const AUTOSAVE_FILE: &str = "autosave.ron";

/// What the session remembers besides the quote, in the data directory.
const SESSION_FILE: &str = "session.ron";
/// The largest session file read back (it holds a few paths).
const SESSION_SIZE_LIMIT: u64 = 1024 * 1024;

/// The text of one of the window's own files (session, autosave) at `path`, read like any
/// input (regular files only, at most `limit` bytes, UTF-8): `Ok(None)` when there is none.
///
/// # Errors
/// A one-line message naming the file: not a regular file, too large, unreadable, not UTF-8.
fn own_file_text(path: &Path, limit: u64) -> Result<Option<String>, String> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    read_input_text(path, limit)
        .map(Some)
        .map_err(|error| error.one_line())
}

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
    /// An import read and shown for the user's answer before it changes the quote.
    pub(crate) import_preview: Option<crate::app::import_preview::PendingImport>,
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
            import_preview: None,
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
        if let Some(dir) = &self.data_dir {
            match own_file_text(&dir.join(SESSION_FILE), SESSION_SIZE_LIMIT) {
                Ok(None) => {}
                Ok(Some(text)) => match ron::from_str::<Session>(&text) {
                    Ok(read) => session = read,
                    Err(error) => notices.push(error_notice(format!(
                        "the saved session could not be read ({error}); starting afresh"
                    ))),
                },
                Err(message) => notices.push(error_notice(format!(
                    "the saved session could not be read ({message}); starting afresh"
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
        let text = match own_file_text(&autosave, QUOTE_SIZE_LIMIT) {
            Ok(Some(text)) => text,
            Ok(None) => return,
            Err(message) => {
                notices.push(error_notice(format!(
                    "the autosaved quote could not be recovered: {message}"
                )));
                return;
            }
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
}
