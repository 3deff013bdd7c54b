//! Document export, shared by the `proposal` / `appendix` commands and the window's Documents
//! tab: the book's logo, the render, the atomic write.

use std::path::Path;

use super::{DEFAULT_FONT, DocumentAssets, DocumentInputs, render_appendix, render_proposal};
use crate::core::evaluate::Evaluation;
use crate::core::quote::Quote;
use crate::formats::price_book::LoadedBook;
use crate::formats::write_atomically;

/// Which document to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// The customer proposal.
    Proposal,
    /// The SOW pricing appendix.
    Appendix,
}

impl DocumentKind {
    /// The title of the window's save dialog for this document.
    pub fn dialog_title(self) -> &'static str {
        match self {
            DocumentKind::Proposal => "Export proposal",
            DocumentKind::Appendix => "Export SOW pricing appendix",
        }
    }

    /// The file name suggested for `quote`'s document ("Q-2026-0042-r2-proposal.pdf").
    pub fn file_name(self, quote: &Quote) -> String {
        let what = match self {
            DocumentKind::Proposal => "proposal",
            DocumentKind::Appendix => "appendix",
        };
        format!("{}-r{}-{what}.pdf", quote.number, quote.revision)
    }
}

/// Renders the `kind` document of `quote` from its `evaluation` with the book's logo and the
/// default font, and writes it atomically to `path`; returns the number of bytes written.
///
/// # Errors
/// A one-line message: the logo cannot be read, the document cannot be made (an unpriceable
/// quote, a bad logo), or `path` cannot be written (the message names it).
pub fn export_document(
    kind: DocumentKind,
    loaded: &LoadedBook,
    quote: &Quote,
    evaluation: &Evaluation,
    path: &Path,
) -> Result<usize, String> {
    let logo = loaded.logo_bytes()?;
    let pin = loaded.pin();
    let roi = super::roi_figures(evaluation);
    let inputs = DocumentInputs {
        book: &loaded.book,
        book_pin: &pin,
        quote,
        evaluation,
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
    write_atomically(path, &bytes)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(bytes.len())
}
