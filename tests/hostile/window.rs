//! Hostile input: window. Opening a quote never changes it (its number fields show every value
//! the files accept as it is, and refuse only edits outside those ranges); opening a broken
//! quote shows the error and keeps the quote on screen.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab, sample_quote};
use msp_quote::core::cost::Acquisition;
use msp_quote::core::quote::Quote;
use msp_quote::formats::quote::quote_to_ron;

/// A fresh, empty folder for one test.
pub(crate) fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "msp-quote-hostile-window-{test}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The window with a data directory (autosave) in `dir`, and its scripted dialogs.
pub(crate) fn window_in(dir: &Path) -> (Harness<'static, QuoteApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::new();
    let mut setup = AppSetup::headless(dialogs.clone());
    setup.data_dir = Some(dir.join("data"));
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), QuoteApp::new(setup));
    (harness, dialogs)
}

/// Opens `path` as a user does (Ctrl+O, the dialog answers `path`) and waits for the read.
pub(crate) fn open_quote(
    harness: &mut Harness<'_, QuoteApp>,
    dialogs: &ScriptedDialogs,
    path: &Path,
) {
    dialogs.push(path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(2);
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_busy() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("opening {} did not finish", path.display());
}

/// Shows every tab for a few frames, so every field draws the quote's values.
pub(crate) fn visit_every_tab(harness: &mut Harness<'_, QuoteApp>) {
    for tab in Tab::ALL {
        harness.state_mut().set_tab(tab);
        harness.run_steps(3);
    }
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(3);
}

/// Asks the window to close, as the window manager's close button does.
pub(crate) fn request_close(harness: &mut Harness<'_, QuoteApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// The sample quote with values past the window's old clamps, each within what the files
/// accept: 5,000,000 devices on a line (the window clamped at 1,000,000), 2,000,000 users and
/// add-on units, 50,000 identical groups (clamped at 10,000), a 120-month lease and an
/// avoided hire starting in month 120 (the largest the files accept).
pub(crate) fn quote_with_large_values() -> Quote {
    let mut quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    quote.devices[0].count = 5_000_000;
    quote.customer.users = 2_000_000;
    if let Some(addon) = quote.addons.first_mut() {
        addon.quantity = 2_000_000;
    }
    let analysis = quote.cost_analysis.as_mut().unwrap();
    analysis.labour.identical_groups = 50_000;
    analysis.managed_devices = Some(3_000_000);
    for line in &mut analysis.hardware {
        line.quantity = 2_000_000;
        if let Acquisition::Leased { months, .. } = &mut line.acquisition {
            *months = 120;
        }
    }
    let costs = quote.customer_costs.as_mut().unwrap();
    if let Some(hire) = costs.avoided_hire.as_mut() {
        hire.start_month = 120;
    }
    quote
}

/// Writes `quote` as the app saves it and returns its bytes.
pub(crate) fn write_quote(path: &Path, quote: &Quote) -> Vec<u8> {
    let text = quote_to_ron(quote).unwrap();
    std::fs::write(path, &text).unwrap();
    text.into_bytes()
}

#[test]
fn opening_a_quote_with_large_values_and_closing_it_changes_no_byte() {
    let dir = scratch_dir("large-values");
    let path = dir.join("large.ron");
    let bytes = write_quote(&path, &quote_with_large_values());
    let (mut harness, dialogs) = window_in(&dir);

    open_quote(&mut harness, &dialogs, &path);
    assert_eq!(harness.state().quote(), &quote_with_large_values());
    visit_every_tab(&mut harness);
    request_close(&mut harness);

    assert_eq!(harness.state().quote(), &quote_with_large_values());
    assert!(
        !harness.state().has_unsaved_changes(),
        "opening a quote is not an edit"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the quote file");
    let autosave = std::fs::read(dir.join("data").join("autosave.ron")).unwrap();
    assert_eq!(autosave, bytes, "the autosave holds the quote as opened");
}

#[test]
fn a_count_field_refuses_an_edit_outside_the_files_range_and_says_so() {
    let dir = scratch_dir("refused-edit");
    let (mut harness, _) = window_in(&dir);
    let before = harness.state().quote().devices[0].count;
    harness.get_by_label("Count, line 1").focus();
    harness.run_steps(2);
    // The files accept 1 to 10,000,000 devices on a line.
    harness.get_by_label("Count, line 1").type_text("20000000");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let after = harness.state().quote().devices[0].count;
    assert_ne!(after, 10_000_000, "an edit is refused, never clamped");
    assert!(
        after <= 10_000_000,
        "the count stays within the range: {after}"
    );
    let note = harness
        .query_by(|node| node.label().as_deref() == Some("Count, line 1, refused edit"))
        .and_then(|node| node.value());
    assert_eq!(
        note.as_deref(),
        Some("20000000 refused: 1 to 10000000 allowed"),
        "the field says why it refused (count was {before})"
    );
}

#[test]
fn opening_a_garbage_or_truncated_quote_shows_the_error_and_keeps_the_quote() {
    let dir = scratch_dir("garbage");
    let good = dir.join("good.ron");
    let bytes = write_quote(&good, &quote_with_large_values());
    let truncated = dir.join("truncated.ron");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let garbage = dir.join("garbage.ron");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x13, b'(', 0x80, b'"']).unwrap();
    let (mut harness, dialogs) = window_in(&dir);
    let shown = harness.state().quote().clone();

    for broken in [&truncated, &garbage] {
        open_quote(&mut harness, &dialogs, broken);
        assert_eq!(harness.state().quote(), &shown, "{}", broken.display());
        assert!(!harness.state().has_unsaved_changes());
        let notice = harness.state().notices().last().cloned().unwrap();
        assert!(notice.is_error, "{}: {notice:?}", broken.display());
        assert!(
            notice.text.contains("the quote on screen is unchanged"),
            "{}: {}",
            broken.display(),
            notice.text
        );
    }
    assert_eq!(std::fs::read(&good).unwrap(), bytes);
}

/// The window's own files (the session and the autosaved quote) are read like any input: a
/// FIFO, a file past the quote limit or bytes that are not UTF-8 in the autosave's place give
/// a notice naming the file (never a hang, never silence), and the window starts.
#[test]
fn the_windows_own_files_are_read_with_the_input_limits() {
    /// A case's name, how it makes the bad autosave, and what the notice must say.
    type Case = (&'static str, fn(&Path), &'static str);
    let autosave_cases: [Case; 3] = [
        (
            "a FIFO",
            |path| {
                let status = std::process::Command::new("mkfifo")
                    .arg(path)
                    .status()
                    .unwrap();
                assert!(status.success());
            },
            "not a regular file",
        ),
        (
            "past the 32 MiB quote limit",
            |path| {
                let file = std::fs::File::create(path).unwrap();
                file.set_len(33 * 1024 * 1024).unwrap();
            },
            "larger than the 32 MiB limit",
        ),
        (
            "not UTF-8",
            |path| std::fs::write(path, b"(number: \"Q-\xff\")").unwrap(),
            // `(number: "Q-` is 12 characters: the bad byte is at column 13.
            "1:13",
        ),
    ];
    for (case, make, expected) in autosave_cases {
        let dir = scratch_dir("own-files");
        let data = dir.join("data");
        std::fs::create_dir_all(&data).unwrap();
        make(&data.join("autosave.ron"));
        let mut setup = AppSetup::headless(ScriptedDialogs::new());
        setup.data_dir = Some(data.clone());
        let app = QuoteApp::new(setup);
        let notice = app
            .notices()
            .iter()
            .find(|notice| {
                notice
                    .text
                    .contains("autosaved quote could not be recovered")
            })
            .unwrap_or_else(|| panic!("case {case}: no notice in {:?}", app.notices()));
        assert!(notice.is_error, "case {case}");
        assert!(
            notice.text.contains("autosave.ron") && notice.text.contains(expected),
            "case {case}: {}",
            notice.text
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    // A directory where the session file goes: said once, and the window starts afresh.
    let dir = scratch_dir("own-files-session");
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("session.ron")).unwrap();
    let mut setup = AppSetup::headless(ScriptedDialogs::new());
    setup.data_dir = Some(data);
    let app = QuoteApp::new(setup);
    assert!(
        app.notices().iter().any(
            |notice| notice.text.contains("saved session could not be read")
                && notice.text.contains("a directory")
        ),
        "{:?}",
        app.notices()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
