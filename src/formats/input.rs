//! Reading input files safely: only regular files, each kind with a stated size limit, so that
//! a FIFO, a device or a huge file is refused with a clear message instead of hanging or
//! exhausting memory.

use std::io::Read;
use std::path::Path;

use crate::formats::problem::{InputError, Location};

/// One mebibyte, in bytes.
const MIB: u64 = 1024 * 1024;

/// Largest quote file read (RON), in bytes: 32 MiB.
pub const QUOTE_SIZE_LIMIT: u64 = 32 * MIB;
/// Largest price book read (RON), in bytes: 16 MiB.
pub const PRICE_BOOK_SIZE_LIMIT: u64 = 16 * MIB;
/// Largest customer-costs RON file read, in bytes: 16 MiB.
pub const COSTS_SIZE_LIMIT: u64 = 16 * MIB;
/// Largest spreadsheet or CSV imported, in bytes: 64 MiB (the unpacked size of an xlsx is
/// limited separately by the importer).
pub const SPREADSHEET_SIZE_LIMIT: u64 = 64 * MIB;
/// Largest logo (PNG) read, in bytes: 8 MiB.
pub const LOGO_SIZE_LIMIT: u64 = 8 * MIB;

/// `bytes` as "32 MiB" (or "1,000 bytes" below a mebibyte).
fn size_text(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// What kind of non-regular file `file_type` is, for the refusal message.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without ever blocking on a FIFO.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        /// Linux's O_NONBLOCK: a FIFO without a writer opens at once instead of waiting.
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    options.open(path)
}

/// Reads the whole of the regular file at `path`, at most `limit` bytes.
///
/// Symbolic links are followed; anything that is not a regular file (a FIFO, a device, a
/// directory, a socket) is refused before it is opened, and checked again on the open handle.
///
/// # Errors
/// An [`InputError`] naming the file: not a regular file, larger than `limit`, or the I/O error.
pub fn read_input_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let fail = |message: String| InputError::single(&name, Location::Whole, message);
    let cannot_read = |error: std::io::Error| fail(format!("cannot read: {error}"));
    let refuse = |file_type: std::fs::FileType| {
        fail(format!(
            "is {}, not a regular file: refusing to read it",
            kind_of(file_type)
        ))
    };
    let metadata = std::fs::metadata(path).map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(refuse(metadata.file_type()));
    }
    let file = open_without_blocking(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(refuse(metadata.file_type()));
    }
    let too_large = || {
        fail(format!(
            "is larger than the {} limit for this kind of file",
            size_text(limit)
        ))
    };
    if metadata.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Reads the regular file at `path` (at most `limit` bytes) as UTF-8 text.
///
/// # Errors
/// As [`read_input_file`], or invalid UTF-8 with the line:column of the first bad byte.
pub fn read_input_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let bytes = read_input_file(path, limit)?;
    text_of(bytes, &path.display().to_string())
}

/// `bytes` as UTF-8 text; `source_name` names them in the error.
///
/// # Errors
/// Invalid UTF-8, located at the line:column (1-based, in characters) of the first bad byte.
pub fn text_of(bytes: Vec<u8>, source_name: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let column = before[line_start..].chars().count() + 1;
        InputError::single(
            source_name,
            Location::LineColumn { line, column },
            "not valid UTF-8 text",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located_by_line_and_column() {
        let cases: [(&str, &[u8], usize, usize); 3] = [
            ("first byte", b"\xff(", 1, 1),
            ("third line", b"(\n  id: \"a\",\n  x: \"\xc3(\"", 3, 7),
            ("after a multibyte character", "é".as_bytes(), 0, 0),
        ];
        for (name, bytes, line, column) in cases {
            let result = text_of(bytes.to_vec(), "q.ron");
            if line == 0 {
                assert!(result.is_ok(), "case {name}");
                continue;
            }
            let error = result
                .err()
                .unwrap_or_else(|| panic!("case {name}: accepted"));
            assert_eq!(
                error.problems[0].location,
                Location::LineColumn { line, column },
                "case {name}"
            );
        }
    }

    #[test]
    fn sizes_are_stated_in_mebibytes() {
        assert_eq!(size_text(QUOTE_SIZE_LIMIT), "32 MiB");
        assert_eq!(size_text(10), "10 bytes");
    }
}
