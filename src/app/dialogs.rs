//! File dialogs behind a small trait: rfd in the window, scripted paths in tests.
//!
//! rfd's xdg-portal backend shows nothing where no desktop portal runs and returns at once,
//! exactly like Cancel. [`RfdDialogs`] tells the two apart by time: an answer faster than a
//! person could click is reported as [`DialogAnswer::Unavailable`], and the window then asks
//! for a typed or pasted path instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a dialog is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogRequest {
    /// Title of the dialog ("Open quote").
    pub title: String,
    /// Name of the file filter ("Quote (RON)").
    pub filter_name: String,
    /// Extensions without the dot ("ron").
    pub extensions: Vec<String>,
    /// File name suggested when saving.
    pub suggested_name: String,
    /// Whether the file is to be written (a save dialog) or read (an open dialog).
    pub save: bool,
}

/// What a dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The user chose this path.
    Chosen(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the reason is for the user.
    Unavailable(String),
}

/// Something that asks the user for a path.
pub trait FileDialogs {
    /// Asks for a path as `request` says.
    fn ask(&mut self, request: &DialogRequest) -> DialogAnswer;
}

/// Native dialogs through rfd (xdg-portal on Linux).
#[derive(Debug, Default)]
pub struct RfdDialogs;

/// An answer faster than this cannot have come from a person.
const NO_DIALOG_SHOWN: Duration = Duration::from_millis(150);

impl FileDialogs for RfdDialogs {
    fn ask(&mut self, request: &DialogRequest) -> DialogAnswer {
        let extensions: Vec<&str> = request.extensions.iter().map(String::as_str).collect();
        let dialog = rfd::FileDialog::new()
            .set_title(&request.title)
            .add_filter(&request.filter_name, &extensions);
        let started = Instant::now();
        let answer = if request.save {
            dialog.set_file_name(&request.suggested_name).save_file()
        } else {
            dialog.pick_file()
        };
        match answer {
            Some(path) => DialogAnswer::Chosen(path),
            None if started.elapsed() < NO_DIALOG_SHOWN => DialogAnswer::Unavailable(
                "no file dialog could be shown (no desktop portal is running here)".to_string(),
            ),
            None => DialogAnswer::Cancelled,
        }
    }
}

/// Dialogs that answer with paths queued in advance (tests, scripted runs). Clones share
/// the queue, so a test can keep one and queue more paths while the app runs.
#[derive(Debug, Clone, Default)]
pub struct ScriptedDialogs {
    paths: Arc<Mutex<VecDeque<PathBuf>>>,
    asked: Arc<Mutex<Vec<DialogRequest>>>,
}

impl ScriptedDialogs {
    /// Dialogs with no paths queued: every dialog is cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues `path` as the answer to the next dialog.
    pub fn push(&self, path: impl Into<PathBuf>) {
        if let Ok(mut paths) = self.paths.lock() {
            paths.push_back(path.into());
        }
    }

    /// The requests asked so far, oldest first.
    pub fn asked(&self) -> Vec<DialogRequest> {
        self.asked
            .lock()
            .map(|asked| asked.clone())
            .unwrap_or_default()
    }
}

impl FileDialogs for ScriptedDialogs {
    fn ask(&mut self, request: &DialogRequest) -> DialogAnswer {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(request.clone());
        }
        let next = self
            .paths
            .lock()
            .ok()
            .and_then(|mut paths| paths.pop_front());
        next.map_or(DialogAnswer::Cancelled, DialogAnswer::Chosen)
    }
}
