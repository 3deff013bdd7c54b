//! File formats: adapters between files and the core's domain types.
//!
//! Raw serde types are read here and converted once into validated domain types; every
//! problem is reported with its location.

pub mod date;
pub mod import;
pub mod json;
pub mod price_book;
pub mod problem;
pub mod quote;
pub mod xlsx;

pub use date::default_date;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed and synced, then
/// renamed over the target, so a crash never leaves a half-written file.
///
/// # Errors
/// The I/O error of any step; the target is untouched when one fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let temporary = path.with_file_name(format!(".{file_name}.tmp"));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
