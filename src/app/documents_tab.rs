//! The documents tab (the contract specialist's screen): export the proposal or the SOW
//! pricing appendix to PDF and open it, with the price-book pin and the quote revision shown.
//! The PDF is rendered and written on a background thread (`documents::render_*`, then an
//! atomic write), so the window stays responsive.

use std::path::PathBuf;

use super::{Action, QuoteApp, named_value_ui};
use crate::core::evaluate::{EvaluationSettings, evaluate};
use crate::documents::export_document;

pub use crate::documents::DocumentKind;

/// What the documents tab remembers.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentsState {
    /// The last document written.
    pub(crate) last_export: Option<PathBuf>,
}

/// The work of exporting `kind` to `path`, to run on a background thread: the core evaluates
/// the quote, `documents` renders and writes it.
///
/// # Errors
/// A message when the document cannot be made from the current state.
pub(crate) fn export_work(
    app: &QuoteApp,
    kind: DocumentKind,
    path: PathBuf,
) -> Result<Box<dyn FnOnce() -> Result<(), String> + Send>, String> {
    if let Some(reason) = app.unsaved_book_reason() {
        return Err(format!("not exported: {reason}"));
    }
    if let Err(message) = &app.cache.priced {
        return Err(format!(
            "the quote cannot be priced, so it cannot be exported: {message}"
        ));
    }
    let loaded = app.book.clone();
    let quote = app.quote.clone();
    let settings = EvaluationSettings {
        roi_discount_rate_percent: app.roi_discount_rate,
        book_pin: Some(loaded.pin()),
    };
    Ok(Box::new(move || {
        let evaluation = evaluate(&loaded.book, &quote, &settings);
        export_document(kind, &loaded, &quote, &evaluation, &path).map(|_| ())
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
    let unsaved_book = app.unsaved_book_reason();
    if let Some(reason) = &unsaved_book {
        named_value_ui(ui, "Export blocked", format!("Export blocked: {reason}."));
    }
    ui.horizontal(|ui| {
        let enabled = unsaved_book.is_none();
        if ui
            .add_enabled(enabled, egui::Button::new("Export proposal (PDF)…"))
            .clicked()
        {
            actions.push(Action::Export(DocumentKind::Proposal));
        }
        if ui
            .add_enabled(enabled, egui::Button::new("Export SOW appendix (PDF)…"))
            .clicked()
        {
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
