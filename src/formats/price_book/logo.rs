//! The logo a loaded price book names.

use std::path::Path;

use super::LoadedBook;

/// The standard price book's logo (`price-books/logo.png`), for the embedded book.
pub const STANDARD_LOGO_PNG: &[u8] = include_bytes!("../../../price-books/logo.png");

impl LoadedBook {
    /// The PNG bytes of the logo the book's branding names: the embedded standard logo for the
    /// embedded book, else the file beside the book; `None` when the book names no logo.
    ///
    /// # Errors
    /// A one-line message naming the logo's path when it cannot be read.
    pub fn logo_bytes(&self) -> Result<Option<Vec<u8>>, String> {
        let Some(relative) = &self.book.branding.logo else {
            return Ok(None);
        };
        if self.path.is_none() {
            return Ok(Some(STANDARD_LOGO_PNG.to_vec()));
        }
        let path = self
            .base_dir()
            .unwrap_or_else(|| Path::new(""))
            .join(relative);
        crate::formats::read_input_file(&path, crate::formats::LOGO_SIZE_LIMIT)
            .map(Some)
            .map_err(|error| format!("the logo named by the price book: {}", error.one_line()))
    }
}
