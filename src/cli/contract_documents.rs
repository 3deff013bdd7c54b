//! Writes the change order and the termination statement of a contract (PDF, atomically).

use std::path::Path;

use super::CliError;
use super::contract_files::ContractFiles;
use crate::core::contract::{ContractSchedule, Termination};
use crate::core::evaluate::{EvaluationSettings, evaluate};
use crate::core::quote::Quote;
use crate::documents::contract::{render_change_order, render_termination_statement};
use crate::documents::{DEFAULT_FONT, DocumentAssets, DocumentError, DocumentInputs};
use crate::formats::write_atomically;

/// Writes the change order of the last amendment of `contract` to `path`.
///
/// # Errors
/// A one-line [`CliError`] for an unreadable logo or an unwritable path.
pub fn write_change_order(
    files: &ContractFiles,
    quote: &Quote,
    contract: &ContractSchedule,
    path: &Path,
) -> Result<(), CliError> {
    write(files, quote, path, |inputs| {
        render_change_order(inputs, contract, contract.amendments.len())
    })
}

/// Writes the statement of `termination` to `path`.
///
/// # Errors
/// A one-line [`CliError`] for an unreadable logo or an unwritable path.
pub fn write_termination(
    files: &ContractFiles,
    contract: &ContractSchedule,
    termination: &Termination,
    path: &Path,
) -> Result<(), CliError> {
    write(files, &files.quote, path, |inputs| {
        render_termination_statement(inputs, contract, termination)
    })
}

fn write(
    files: &ContractFiles,
    quote: &Quote,
    path: &Path,
    render: impl FnOnce(&DocumentInputs) -> Result<Vec<u8>, DocumentError>,
) -> Result<(), CliError> {
    let logo = files.pinned.logo_bytes().map_err(CliError::new)?;
    let pin = files.pinned.pin();
    // The documents take an evaluation; the contract figures they print are `contract`'s.
    let evaluation = evaluate(&files.pinned.book, quote, &EvaluationSettings::default());
    let inputs = DocumentInputs {
        book: &files.pinned.book,
        book_pin: &pin,
        quote,
        evaluation: &evaluation,
        roi: None,
        assets: DocumentAssets {
            font: DEFAULT_FONT,
            logo_png: logo.as_deref(),
        },
    };
    let bytes = render(&inputs).map_err(|error| CliError::new(error.to_string()))?;
    write_atomically(path, &bytes)
        .map_err(|error| CliError::new(format!("cannot write {}: {error}", path.display())))
}
