//! The documents tab (the contract specialist's screen): export the proposal or the SOW
//! pricing appendix to PDF and open it, with the price-book pin and the quote revision shown.
//! The PDF is rendered and written on a background thread (`documents::render_*`, then an
//! atomic write), so the window stays responsive.

use std::path::PathBuf;

use super::{Action, QuoteApp, named_value_ui};
use crate::core::quote::Quote;
use crate::documents::{
    DEFAULT_FONT, DocumentAssets, DocumentInputs, RoiFigures, render_appendix, render_proposal,
};

/// The documents the tab exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Proposal,
    Appendix,
}

impl DocumentKind {
    /// The title of the save dialog.
    pub(crate) fn dialog_title(self) -> &'static str {
        match self {
            DocumentKind::Proposal => "Export proposal",
            DocumentKind::Appendix => "Export SOW pricing appendix",
        }
    }

    /// The file name suggested for `quote`.
    pub(crate) fn file_name(self, quote: &Quote) -> String {
        let what = match self {
            DocumentKind::Proposal => "proposal",
            DocumentKind::Appendix => "appendix",
        };
        format!("{}-r{}-{what}.pdf", quote.number, quote.revision)
    }
}

/// What the documents tab remembers.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentsState {
    /// The last document written.
    pub(crate) last_export: Option<PathBuf>,
}

/// The work of exporting `kind` to `path`, to run on a background thread.
///
/// # Errors
/// A message when the document cannot be made from the current state.
pub(crate) fn export_work(
    app: &QuoteApp,
    kind: DocumentKind,
    path: PathBuf,
) -> Result<Box<dyn FnOnce() -> Result<(), String> + Send>, String> {
    let priced = app
        .cache
        .priced
        .as_ref()
        .map_err(|message| {
            format!("the quote cannot be priced, so it cannot be exported: {message}")
        })?
        .clone();
    let loaded = app.book.clone();
    let quote = app.quote.clone();
    let roi = app
        .cache
        .roi
        .as_ref()
        .and_then(|roi| roi.as_ref().ok())
        .and_then(|roi| roi.quote_as_is())
        .map(RoiFigures::from);
    Ok(Box::new(move || {
        let logo = crate::cli::documents::logo_bytes(&loaded).map_err(|error| error.message)?;
        let pin = loaded.pin();
        let inputs = DocumentInputs {
            book: &loaded.book,
            book_pin: &pin,
            quote: &quote,
            priced: &priced,
            roi: roi.as_ref(),
            assets: DocumentAssets {
                font: DEFAULT_FONT,
                logo_png: logo.as_deref(),
            },
        };
        let bytes = match kind {
            DocumentKind::Proposal => render_proposal(&inputs),
            DocumentKind::Appendix => render_appendix(&inputs),
        }
        .map_err(|error| error.to_string())?;
        crate::formats::write_atomically(&path, &bytes)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))
    }))
}

/// Draws the documents tab.
pub(crate) fn documents_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    ui.heading("Documents");
    let pin = app.book.pin();
    named_value_ui(
        ui,
        "Price-book pin",
        format!(
            "Price book {} {} (sha256 {})",
            pin.id, pin.version, pin.sha256
        ),
    );
    named_value_ui(
        ui,
        "Quote revision",
        format!("Quote {} revision {}", app.quote.number, app.quote.revision),
    );
    ui.horizontal(|ui| {
        if ui.button("Export proposal (PDF)…").clicked() {
            actions.push(Action::Export(DocumentKind::Proposal));
        }
        if ui.button("Export SOW appendix (PDF)…").clicked() {
            actions.push(Action::Export(DocumentKind::Appendix));
        }
    });
    if let Some(path) = &app.documents.last_export {
        named_value_ui(
            ui,
            "Last export",
            format!("Last export: {}", path.display()),
        );
    }
}
