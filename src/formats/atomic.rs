//! Saving files atomically, without clobbering what must not be replaced.
//!
//! The decisions (see also docs/ARCHITECTURE.md):
//! - A symbolic link is written through: its final target is replaced atomically, with the
//!   temporary file in the target's directory, and the link stays a link.
//! - Anything that is not a regular file (a device, a FIFO, a directory, a socket) is refused,
//!   and so is a read-only file: the user must make it writable first.
//! - The replaced file's permissions are kept (a 0600 quote stays 0600); a new file gets the
//!   default permissions.
//! - Every writer uses its own temporary name (`.NAME.<pid>-<counter>.msp-quote-tmp`) beside
//!   the target, removed on error; so of two concurrent saves, the file on disk is the one
//!   whose rename came last. Temporaries of this name left behind by a killed process (its pid
//!   is gone, or older than an hour) are removed by the next save to the same path.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// How many symbolic links are followed before giving up (as Linux's ELOOP).
const MAX_LINKS: usize = 40;
/// Suffix of every temporary file this writer creates.
const TEMPORARY_SUFFIX: &str = ".msp-quote-tmp";
/// A temporary older than this is stale whoever owns it.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Numbers the temporaries of this process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn refused(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, message)
}

/// The file a write to `path` must replace: `path` itself, or the final target of the
/// symbolic links it names (which need not exist yet).
///
/// # Errors
/// Too many levels of symbolic links, or an unreadable link.
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} levels of symbolic links"
    )))
}

/// Writes `bytes` to `path` atomically: a temporary file beside the target, flushed and synced,
/// then renamed over it, so a crash never leaves a half-written file. See the module's
/// decisions for links, non-regular and read-only files, permissions and temporaries.
///
/// # Errors
/// [`std::io::ErrorKind::PermissionDenied`] with a reason for a non-regular or read-only
/// target; otherwise the I/O error of any step. The target is untouched and the temporary
/// removed when a step fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |writer| writer.write_all(bytes))
}

/// As [`write_atomically`], with the content `write` produces into a buffered writer over the
/// temporary file: a large output is streamed to the disk, never held whole in memory.
///
/// # Errors
/// The error `write` returns, or one of [`write_atomically`]'s; then the target is untouched
/// and the temporary removed.
pub fn write_atomically_with<E>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<std::io::Error>,
{
    let target = write_target(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error.into()),
    };
    if let Some(metadata) = &existing {
        if !metadata.is_file() {
            return Err(refused(
                "not a regular file (a device, FIFO, directory or socket): refusing to replace it"
                    .to_string(),
            )
            .into());
        }
        if metadata.permissions().readonly() {
            return Err(refused(
                "the file is read-only: refusing to replace it (make it writable first)"
                    .to_string(),
            )
            .into());
        }
    }
    let file_name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let prefix = format!(".{file_name}.");
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&directory, &prefix);
    let temporary = directory.join(format!(
        "{prefix}{}-{}{TEMPORARY_SUFFIX}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        if let Some(metadata) = &existing {
            file.set_permissions(metadata.permissions())?;
        }
        let mut writer = BufWriter::with_capacity(256 * 1024, file);
        write(&mut writer)?;
        let file = writer.into_inner().map_err(|error| error.into_error())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temporary, &target)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Removes this writer's temporaries for one target (`prefix` then `<pid>-<n>` then the
/// suffix) that are stale: their process is gone, or they are older than [`STALE_AFTER`].
fn remove_stale_temporaries(directory: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(directory) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(TEMPORARY_SUFFIX))
        else {
            continue;
        };
        let Some((pid, counter)) = middle.split_once('-') else {
            continue;
        };
        let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), counter.parse::<u64>()) else {
            continue;
        };
        let old = entry
            .metadata()
            .ok()
            .and_then(|metadata| metadata.modified().ok())
            .and_then(|modified| SystemTime::now().duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old || !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` still runs (on Linux; elsewhere assumed alive, so only age counts).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("msp-quote-atomic-{}-{name}", std::process::id()));
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
