//! Writing a file atomically while its content is produced: the content is streamed into a
//! buffered temporary file beside the target (never held whole in memory), then the temporary
//! is flushed, synced and renamed over the target.
//!
//! Used by the outputs that can be large (the export's JSON, the cost-analysis workbook).
//! Same decisions as [`super::write_atomically`]: the target is untouched when a step fails,
//! and the temporary is removed.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Numbers the temporaries of this process, so two writers never share one.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The temporary file of a write to `path`: hidden, beside it, unique to this process and call.
fn temporary_for(path: &Path) -> PathBuf {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    path.with_file_name(format!(
        ".{file_name}.{}-{}.msp-quote-tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Writes the file at `path` atomically with the content `write` produces into a buffered
/// writer (a temporary file beside `path`), so a crash or an error never leaves a
/// half-written file and the content is never held whole in memory.
///
/// # Errors
/// The error `write` returns, or the I/O error of creating, flushing, syncing or renaming the
/// temporary; then the target is untouched and the temporary removed.
pub fn write_atomically_with<E>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<std::io::Error>,
{
    let temporary = temporary_for(path);
    let result = (|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        let mut writer = BufWriter::with_capacity(256 * 1024, file);
        write(&mut writer)?;
        let file = writer.into_inner().map_err(|error| error.into_error())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("msp-quote-streamed-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_streamed_content_replaces_the_file_and_no_temporary_stays() {
        let dir = scratch("replace");
        let path = dir.join("out.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically_with(&path, |writer| writer.write_all(b"new content")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        assert_eq!(entries(&dir), vec!["out.json".to_string()]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary() {
        let dir = scratch("fail");
        let path = dir.join("out.json");
        std::fs::write(&path, "old").unwrap();
        let result = write_atomically_with(&path, |writer| {
            writer.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(entries(&dir), vec!["out.json".to_string()]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
