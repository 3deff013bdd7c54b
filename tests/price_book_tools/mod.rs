//! Price-book tools: spreadsheet round trip, diff, adjust, per-kind and per-user pricing,
//! the handbook corrections (Gold's $500 reserve, its on-site condition) and the new lints.
//!
//! Expected figures are derived by hand from pricing-rules.md (sections named per test).

mod adjust;
mod diff;
mod handbook;
mod provider;
mod roundtrip;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the binary (deterministic date).
pub fn msp_quote(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1795737600")
        .output()
        .unwrap()
}

/// Runs the binary and returns its stdout, failing the test on a non-zero exit.
pub fn ok(args: &[&str]) -> String {
    let output = msp_quote(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "msp-quote-book-tools-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The standard book's file in the repository.
pub const STANDARD: &str = "price-books/standard.ron";
