//! A private directory under the system's temporary directory that is removed, with everything
//! in it, when it goes out of scope: for state a run must not keep (the screenshot window's
//! storage).

use std::path::{Path, PathBuf};

/// A directory `<temp>/<prefix>-<pid>`, removed on drop.
#[derive(Debug)]
pub struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    /// The path `<temp>/<prefix>-<pid>` (created by whoever writes into it), removed when the
    /// value is dropped.
    pub fn for_this_process(prefix: &str) -> Self {
        ScratchDir {
            path: std::env::temp_dir().join(format!("{prefix}-{}", std::process::id())),
        }
    }

    /// Where the directory is.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
