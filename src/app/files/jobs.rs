//! What the window does with the result of a background file job: adopt an opened quote or
//! a loaded book, report an export, append imported lines. A failed job changes nothing on
//! screen and says why.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::JobDone;
use crate::app::{QuoteApp, error_notice, info_notice};
use crate::core::quote::Quote;
use crate::formats::import::cost_lines::ImportedCostLines;
use crate::formats::import::customer_costs::ImportedCosts;
use crate::formats::price_book::LoadedBook;

impl QuoteApp {
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
            JobDone::Quote(path, result) => self.quote_opened(path, result),
            JobDone::Book(path, result) => self.book_loaded(path, result),
            JobDone::Exported(path, result) => self.exported(path, result),
            JobDone::CostLines(path, result) => self.cost_lines_imported(&path, result),
            JobDone::CustomerCosts(path, result) => self.customer_costs_imported(&path, result),
        }
        ctx.request_repaint();
    }

    fn quote_opened(&mut self, path: PathBuf, result: Result<Box<Quote>, String>) {
        match result {
            Ok(quote) => {
                self.notices
                    .push(info_notice(format!("Opened {}", path.display())));
                self.adopt_quote(*quote, Some(path));
            }
            Err(message) => self.notices.push(error_notice(format!(
                "cannot open {}; the quote on screen is unchanged: {message}",
                path.display()
            ))),
        }
    }

    fn book_loaded(&mut self, path: PathBuf, result: Result<Box<LoadedBook>, String>) {
        match result {
            Ok(book) => {
                self.files.remember_book(&path);
                self.notices.push(info_notice(format!(
                    "Loaded price book {} {} from {}",
                    book.book.name,
                    book.book.version,
                    path.display()
                )));
                self.replace_book(*book);
            }
            Err(message) => {
                self.notices.push(error_notice(format!(
                    "price book {} was not loaded; the current book and the quote stay as they were",
                    path.display()
                )));
                self.book_error = Some(message);
            }
        }
    }

    fn exported(&mut self, path: PathBuf, result: Result<(), String>) {
        match result {
            Ok(()) => {
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
            Err(message) => self.notices.push(error_notice(format!(
                "cannot export {}: {message}",
                path.display()
            ))),
        }
    }

    fn cost_lines_imported(&mut self, path: &Path, result: Result<Box<ImportedCostLines>, String>) {
        let lines = match result {
            Ok(lines) => lines,
            Err(message) => {
                self.notices.push(error_notice(format!(
                    "cannot import cost lines from {}; the analysis is unchanged: {message}",
                    path.display()
                )));
                return;
            }
        };
        // Shown in the import preview first; applied when the user answers Import.
        self.files.import_preview = Some(crate::app::import_preview::PendingImport::CostLines {
            path: path.to_path_buf(),
            lines,
        });
    }

    fn customer_costs_imported(&mut self, path: &Path, result: Result<Box<ImportedCosts>, String>) {
        let imported = match result {
            Ok(imported) => imported,
            Err(message) => {
                self.notices.push(error_notice(format!(
                    "cannot import customer costs from {}; the ROI inputs are unchanged: {message}",
                    path.display()
                )));
                return;
            }
        };
        self.files.import_preview =
            Some(crate::app::import_preview::PendingImport::CustomerCosts {
                path: path.to_path_buf(),
                imported,
            });
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
