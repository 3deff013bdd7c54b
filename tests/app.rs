//! The desktop window, driven headless through egui_kittest and its accessibility tree.
//!
//! Figures are derived by hand from pricing-rules.md (standard book): Silver server $750 a
//! month; bands 1: 0%, 2-5: 4%, 6-10: 8%; setup $1,000 up front; 24 months: $1,200 credit in
//! month 24; 36 months: $1,200 in months 30 and 36; Silver reserve $250 per server a month.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use msp_quote::app::{
    AppSetup, DialogAnswer, DialogRequest, FileDialogs, QuoteApp, ScriptedDialogs, Tab,
    sample_quote,
};
use msp_quote::core::quote::{DeviceLine, Quote};

fn harness(app: QuoteApp) -> Harness<'static, QuoteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app)
}

fn headless_app() -> (QuoteApp, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::new();
    (QuoteApp::new(AppSetup::headless(dialogs.clone())), dialogs)
}

/// A quote of `count` Silver servers for `term` months, setup up front.
fn silver_quote(count: u32, term: u32) -> Quote {
    let mut quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count,
    }];
    quote.term_months = term;
    quote
}

/// The value of the figure named `name`: a label node whose accessible name is `name` (a
/// plain label keeps its own text in `value()`, so the name is matched on `label()`).
fn value_of(harness: &Harness<'_, QuoteApp>, name: &str) -> String {
    let wanted = name.to_string();
    harness
        .get_by(move |node| node.label().as_deref() == Some(wanted.as_str()))
        .value()
        .unwrap_or_else(|| panic!("node '{name}' has no value"))
}

/// Steps frames until no background job runs (or 10 s pass).
fn wait_for_jobs(harness: &mut Harness<'_, QuoteApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_busy() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("a background job did not finish");
}

/// A fresh, empty folder for one test.
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-app-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Types `text` into the drag-value named `name` as a user does: focus it (which turns it
/// into a text field with everything selected), type, press Enter.
fn type_into(harness: &mut Harness<'_, QuoteApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run_steps(2);
    harness.get_by_label(name).type_text(text);
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
}

#[test]
fn typing_a_device_count_updates_the_totals_to_the_engines_figures() {
    let (mut app, _) = headless_app();
    app.replace_quote(silver_quote(1, 24));
    let mut harness = harness(app);
    // 1 Silver server: band 1 -> 0%, $750.00 a month.
    assert_eq!(value_of(&harness, "Monthly recurring"), "$750.00");

    type_into(&mut harness, "Count, line 1", "7");

    assert_eq!(harness.state().quote().devices[0].count, 7);
    // 7 servers: band 6-10 -> 8%; 750 x 0.92 = 690.00; x 7 = 4,830.00 a month.
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");
    // 4,830.00 x 24 + 1,000.00 setup - 1,200.00 credit = 115,720.00.
    assert_eq!(value_of(&harness, "Total contract value"), "$115,720.00");
    // Month 1: 4,830.00 + 1,000.00 setup = 5,830.00.
    assert_eq!(value_of(&harness, "First invoice"), "$5,830.00");
    // The screen shows exactly what the engine computed.
    let engine = harness.state().priced().unwrap().total_contract_value;
    assert_eq!(engine.to_string(), "115720.00");
}

#[test]
fn changing_the_term_changes_the_credits() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    let cases = [
        // (term button, credits applied): 24 months: 1,200 in month 24.
        ("36 months", "$2,400.00"), // 1,200 in month 30 + 1,200 in month 36
        ("12 months", "$0.00"),     // no credits
        ("24 months", "$1,200.00"),
    ];
    for (term, credits) in cases {
        harness.get_by_label(term).click();
        harness.run_steps(3);
        assert_eq!(value_of(&harness, "Credits"), credits, "term {term}");
    }
    assert_eq!(value_of(&harness, "Credit in month 24"), "$1,200.00");
}

/// Whether an accessibility node's text carries an amount ("$1,750.00" or "40%").
fn carries_amount(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|pair| {
        (pair[0] == b'$' && pair[1].is_ascii_digit())
            || (pair[0].is_ascii_digit() && pair[1] == b'%')
    })
}

/// Texts of nodes that name an internal figure (the provider's cost, markup, margin, reserve)
/// with an amount.
fn internal_figures(harness: &Harness<'_, QuoteApp>) -> Vec<String> {
    harness
        .query_all_by(|_| true)
        .map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value(), node.description()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .filter(|text| {
            let lower = text.to_lowercase();
            // The provider's figures; the customer's own costs (ROI tab) are not internal.
            [
                "markup",
                "margin",
                "reserve",
                "internal",
                "monthly cost",
                "cost, ",
                "unit cost",
                "per-device monthly fee",
                "hourly cost",
            ]
            .iter()
            .any(|word| lower.contains(word))
                && carries_amount(text)
        })
        .collect()
}

#[test]
fn meeting_mode_hides_every_internal_figure() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    // Outside meeting mode the analyst sees the reserve: 7 x $250 = $1,750.00 a month.
    assert_eq!(
        value_of(&harness, "Internal reserve per month"),
        "$1,750.00"
    );
    // ... and the margin the cost analysis gives each tier.
    assert!(value_of(&harness, "Margin at Silver").contains('$'));
    assert!(
        !internal_figures(&harness).is_empty(),
        "the check must see internal figures"
    );

    harness.key_press(egui::Key::F9);
    harness.run_steps(3);
    assert!(harness.state().meeting_mode());
    for tab in Tab::ALL {
        harness.state_mut().set_tab(tab);
        harness.run_steps(3);
        let shown = internal_figures(&harness);
        assert!(
            shown.is_empty(),
            "tab {tab:?} shows internal figures: {shown:?}"
        );
        assert!(harness.query_by_value("$1,750.00").is_none(), "tab {tab:?}");
    }
    // The customer-facing figures stay.
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(3);
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");

    harness.key_press(egui::Key::F9);
    harness.run_steps(3);
    assert!(!harness.state().meeting_mode());
    assert_eq!(
        value_of(&harness, "Internal reserve per month"),
        "$1,750.00"
    );
}

#[test]
fn an_invalid_price_book_shows_its_error_and_keeps_the_quote() {
    let dir = scratch_dir("invalid-book");
    let cases = [
        ("syntax", "(id: \"broken\", name: ", "broken-syntax.ron"),
        ("missing file", "", "does-not-exist.ron"),
    ];
    for (case, text, file) in cases {
        let path = dir.join(file);
        if !text.is_empty() {
            std::fs::write(&path, text).unwrap();
        }
        let (app, dialogs) = headless_app();
        let mut harness = harness(app);
        let quote_before = harness.state().quote().clone();
        let sha_before = harness.state().book().sha256.clone();
        harness.state_mut().set_tab(Tab::PriceBook);
        harness.run_steps(2);
        dialogs.push(&path);
        harness.get_by_label("Load another price book…").click();
        harness.run_steps(1);
        wait_for_jobs(&mut harness);

        let error = value_of(&harness, "Price book error");
        assert!(error.contains(file), "case {case}: {error}");
        assert_eq!(harness.state().quote(), &quote_before, "case {case}");
        assert_eq!(harness.state().book().sha256, sha_before, "case {case}");
        assert!(
            harness
                .state()
                .notices()
                .iter()
                .any(|notice| notice.is_error),
            "case {case}"
        );
        harness.state_mut().set_tab(Tab::Quote);
        harness.run_steps(2);
        assert_eq!(
            value_of(&harness, "Monthly recurring"),
            "$4,830.00",
            "case {case}"
        );
    }
}

#[test]
fn undo_restores_the_previous_count_and_redo_brings_it_back() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    type_into(&mut harness, "Count, line 1", "9");
    assert_eq!(harness.state().quote().devices[0].count, 9);
    // 9 servers: still 8%; 690.00 x 9 = 6,210.00.
    assert_eq!(value_of(&harness, "Monthly recurring"), "$6,210.00");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().quote().devices[0].count, 7);
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(3);
    assert_eq!(harness.state().quote().devices[0].count, 9);
}

#[test]
fn the_quote_is_priced_only_when_an_input_changes() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    let before = harness.state().recomputations();
    harness.run_steps(20);
    assert_eq!(
        harness.state().recomputations(),
        before,
        "idle frames must not price"
    );
    harness.get_by_label("36 months").click();
    harness.run_steps(5);
    assert_eq!(harness.state().recomputations(), before + 1);
}

#[test]
fn save_and_open_go_through_the_dialog_seam_and_guard_unsaved_changes() {
    let dir = scratch_dir("save-open");
    let path = dir.join("q.ron");
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    dialogs.push(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    let saved = msp_quote::formats::quote::load_quote(&path).unwrap();
    assert_eq!(saved.devices[0].count, 7);
    assert!(
        saved.price_book_pin.is_some(),
        "a saved quote pins its book"
    );
    assert!(!harness.state().has_unsaved_changes());

    type_into(&mut harness, "Count, line 1", "3");
    assert!(harness.state().has_unsaved_changes());
    dialogs.push(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(3);
    // Unsaved changes: the window asks first, and the count is still 3.
    assert_eq!(harness.state().quote().devices[0].count, 3);
    harness.get_by_label("Discard changes").click();
    harness.run_steps(2);
    wait_for_jobs(&mut harness);
    assert_eq!(harness.state().quote().devices[0].count, 7);
    assert!(!harness.state().has_unsaved_changes());
}

/// Dialogs that can never appear, as where no desktop portal runs.
struct NoPortal;

impl FileDialogs for NoPortal {
    fn ask(&mut self, _request: &DialogRequest) -> DialogAnswer {
        DialogAnswer::Unavailable("no file dialog could be shown (test)".to_string())
    }
}

#[test]
fn without_a_dialog_the_user_types_the_path() {
    let dir = scratch_dir("typed-path");
    for (case, confirm_with_enter) in [("OK button", false), ("Enter key", true)] {
        let path = dir.join(format!("typed-{confirm_with_enter}.ron"));
        let mut setup = AppSetup::headless(ScriptedDialogs::new());
        setup.dialogs = Box::new(NoPortal);
        let mut harness = harness(QuoteApp::new(setup));
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        harness.run_steps(3);
        // The window says why it asks for a typed path.
        assert!(
            harness
                .query_by_label("no file dialog could be shown (test).")
                .is_some(),
            "case {case}"
        );
        harness.get_by_label("File path").focus();
        harness.run_steps(1);
        harness
            .get_by_label("File path")
            .type_text(path.to_str().unwrap());
        harness.run_steps(1);
        if confirm_with_enter {
            harness.key_press(egui::Key::Enter);
        } else {
            harness.get_by_label("OK").click();
        }
        harness.run_steps(3);
        assert!(path.exists(), "case {case}: the typed path was saved to");
        assert!(harness.query_by_label("File path").is_none(), "case {case}");
    }
}

#[test]
fn the_autosaved_quote_is_recovered_at_the_next_start() {
    let dir = scratch_dir("autosave");
    let setup = |dir: &PathBuf| {
        let mut setup = AppSetup::headless(ScriptedDialogs::new());
        setup.data_dir = Some(dir.clone());
        setup
    };
    let mut harness = harness(QuoteApp::new(setup(&dir)));
    type_into(&mut harness, "Count, line 1", "12");
    // The window was killed: only what the autosave wrote survives.
    harness.state_mut().save_session();
    drop(harness);
    let recovered = QuoteApp::new(setup(&dir));
    assert_eq!(recovered.quote().devices[0].count, 12);
    assert!(recovered.has_unsaved_changes());
}

#[test]
fn every_control_has_an_accessible_name_in_every_tab() {
    let (mut app, _) = headless_app();
    app.edit_quote(|quote| {
        quote.addons.push(msp_quote::core::quote::AddOnLine {
            id: "offsite-backup".to_string(),
            quantity: 7,
        });
        quote.extra_discount = Some(msp_quote::core::quote::ExtraDiscount {
            percent: rust_decimal::Decimal::from(2),
            reason: "identical servers".to_string(),
        });
    });
    let mut harness = harness(app);
    harness.get_by_label("Waterfall, line 1").click();
    harness.run_steps(3);
    for tab in Tab::ALL {
        harness.state_mut().set_tab(tab);
        harness.run_steps(3);
        let unnamed = harness.unnamed_widgets();
        assert!(unnamed.is_empty(), "tab {tab:?}: {unnamed:?}");
    }
}

#[test]
fn a_line_shows_its_waterfall_when_expanded() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    assert!(harness.query_by_label_contains("Net unit price").is_none());
    harness.get_by_label("Waterfall, line 1").click();
    harness.run_steps(3);
    // 7 Silver servers: list 750.00, quantity discount 8% -> -60.00, net 690.00.
    assert!(
        harness
            .query_by_label_contains("List price: $750.00")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Quantity discount 8%: -$60.00 -> $690.00")
            .is_some()
    );
}

#[test]
fn a_new_revision_keeps_the_old_file_and_increments_the_revision() {
    let dir = scratch_dir("revision");
    let first = dir.join("r1.ron");
    let second = dir.join("r2.ron");
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    dialogs.push(&first);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    type_into(&mut harness, "Count, line 1", "8");
    dialogs.push(&second);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("New revision…").click();
    harness.run_steps(3);
    let old = msp_quote::formats::quote::load_quote(&first).unwrap();
    let new = msp_quote::formats::quote::load_quote(&second).unwrap();
    assert_eq!((old.revision, old.devices[0].count), (1, 7));
    assert_eq!((new.revision, new.devices[0].count), (2, 8));
    assert_eq!(harness.state().quote().revision, 2);
}

/// Asks the window to close, as the window manager's close button does.
fn request_close(harness: &mut Harness<'_, QuoteApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// Whether the last frame asked the window to stay open.
fn close_cancelled(harness: &Harness<'_, QuoteApp>) -> bool {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|viewport| {
            viewport
                .commands
                .iter()
                .any(|command| matches!(command, egui::ViewportCommand::CancelClose))
        })
}

#[test]
fn closing_over_unsaved_changes_asks_first() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    // Nothing changed: the window may close.
    request_close(&mut harness);
    assert!(!close_cancelled(&harness));

    type_into(&mut harness, "Count, line 1", "4");
    request_close(&mut harness);
    assert!(
        close_cancelled(&harness),
        "unsaved changes must hold the close"
    );
    harness.run_steps(2);
    assert!(harness.query_by_label("Discard changes").is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Discard changes").is_none());
    assert_eq!(harness.state().quote().devices[0].count, 4);
}

#[test]
fn export_writes_a_pdf_to_the_path_the_dialog_gives() {
    let dir = scratch_dir("export");
    let cases = [
        (
            "proposal",
            "Export proposal (PDF)…",
            dir.join("proposal.pdf"),
        ),
        (
            "appendix",
            "Export SOW appendix (PDF)…",
            dir.join("appendix.pdf"),
        ),
    ];
    for (case, button, path) in cases {
        let (app, dialogs) = headless_app();
        let mut harness = harness(app);
        harness.state_mut().set_tab(Tab::Documents);
        harness.run_steps(2);
        dialogs.push(&path);
        harness.get_by_label(button).click();
        harness.run_steps(1);
        wait_for_jobs(&mut harness);
        let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("case {case}: {error}"));
        assert!(bytes.starts_with(b"%PDF-"), "case {case}");
        // The customer document carries the engine's monthly figure, never the reserve.
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        assert!(text.contains("4,830.00"), "case {case}");
        assert!(
            !text.contains("1,750.00"),
            "case {case}: the reserve leaked"
        );
        if case == "proposal" {
            // The sample quote carries the customer's costs: the proposal shows their ROI.
            assert!(text.contains("Return on investment"), "case {case}");
        }
        assert!(
            value_of(&harness, "Last export").contains(path.file_name().unwrap().to_str().unwrap()),
            "case {case}"
        );
        assert_eq!(
            dialogs.asked().last().map(|request| request.save),
            Some(true)
        );
    }
}

/// Replaces the text of the text field named `name`: focus, select all, type, Enter (the
/// window's tests share it).
pub(crate) fn replace_text(harness: &mut Harness<'_, QuoteApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label(name).type_text(text);
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
}

#[test]
fn editing_a_cost_line_updates_the_analysis_and_undo_restores_it() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::Cost);
    harness.run_steps(3);
    // Sample analysis, 24-month term. Hardware: firewall 1,450.00 bought, spread over 24
    // months = 60.42; backup appliance leased, principal 4,800.00 / 24 = 200.00 -> 260.42.
    assert_eq!(value_of(&harness, "Cost, Hardware"), "$260.42");

    replace_text(&mut harness, "Hardware unit cost, line 1", "2900");
    // 2,900.00 / 24 = 120.83; + 200.00 = 320.83.
    assert_eq!(value_of(&harness, "Cost, Hardware"), "$320.83");
    let analysis = harness.state().quote().cost_analysis.clone().unwrap();
    let engine = msp_quote::core::cost::analyse_cost(
        &harness.state().book().book,
        harness.state().quote(),
        &analysis,
    )
    .unwrap();
    assert_eq!(
        value_of(&harness, "Per-device monthly fee"),
        msp_quote::core::money::display(engine.per_device_monthly_fee, "$", 2)
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(value_of(&harness, "Cost, Hardware"), "$260.42");
}

#[test]
fn cost_lines_import_through_the_dialog_seam_and_undo_removes_them() {
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cost-lines-libreoffice.ods");
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::Cost);
    harness.run_steps(2);
    let before = harness.state().quote().cost_analysis.clone().unwrap();
    dialogs.push(&fixture);
    harness.get_by_label("Import cost lines…").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);
    // The preview shows what will be imported; the quote changes only on Import.
    harness.run_steps(2);
    assert_eq!(
        harness.state().quote().cost_analysis.as_ref(),
        Some(&before)
    );
    assert!(
        harness
            .query_by_label_contains("Sheet: Quote costs")
            .is_some()
    );
    harness.get_by_label("Import").click();
    harness.run_steps(2);
    let after = harness.state().quote().cost_analysis.clone().unwrap();
    assert!(after.hardware.len() > before.hardware.len());
    assert!(
        after
            .hardware
            .iter()
            .any(|line| line.description == "Firewall"
                && line.source.as_deref() == Some("Quote costs!6:6"))
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|notice| notice.text.starts_with("Imported"))
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().quote().cost_analysis.as_ref(),
        Some(&before)
    );
}

#[test]
fn a_changed_quote_is_autosaved_within_seconds() {
    let dir = scratch_dir("autosave-tick");
    let mut setup = AppSetup::headless(ScriptedDialogs::new());
    setup.data_dir = Some(dir.clone());
    let mut harness = harness(QuoteApp::new(setup));
    let autosave = dir.join("autosave.ron");
    harness.run_steps(30);
    assert!(!autosave.exists(), "nothing changed, nothing to autosave");
    type_into(&mut harness, "Count, line 1", "11");
    // Each kittest step advances the clock by 0.25 s: 30 steps are 7.5 s (autosave: every 5 s).
    harness.run_steps(30);
    let saved = msp_quote::formats::quote::load_quote(&autosave).unwrap();
    assert_eq!(saved.devices[0].count, 11);
}

#[test]
fn the_roi_tab_shows_the_engines_payback_and_npv() {
    let (app, _) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::Roi);
    harness.run_steps(3);
    // Sample costs, month 1: staff 3,500 x 100% + consultants 1,200 x 80% = 960 + downtime
    // 6 h x 400 = 2,400 x 50% = 1,200 -> 5,660.00 avoided. Paid: 4,830.00 + 1,000.00 setup =
    // 5,830.00 -> -170.00. Month 2: 5,660.00 - 4,830.00 = +830.00 -> cumulative +660.00.
    assert_eq!(value_of(&harness, "Payback month"), "month 2");
    // The investment is the pricing engine's total contract value.
    assert_eq!(value_of(&harness, "Investment"), "$115,720.00");
    let net_savings = value_of(&harness, "Net savings");
    assert_ne!(
        value_of(&harness, "NPV"),
        format!("{net_savings} at 0% a year")
    );

    // At a discount rate of 0 the NPV equals the net savings (pricing-rules.md section 6).
    replace_text(&mut harness, "Discount rate percent", "0");
    assert_eq!(
        value_of(&harness, "NPV"),
        format!("{net_savings} at 0% a year")
    );
    assert_eq!(value_of(&harness, "Net savings"), net_savings);
}

#[test]
fn customer_costs_import_through_the_dialog_seam() {
    let csv = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/small-customer-costs.csv");
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::Roi);
    harness.run_steps(2);
    let before = harness
        .state()
        .quote()
        .customer_costs
        .clone()
        .unwrap()
        .lines
        .len();
    dialogs.push(&csv);
    harness.get_by_label("Import customer costs…").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    harness.run_steps(2);
    let after = harness
        .state()
        .quote()
        .customer_costs
        .clone()
        .unwrap()
        .lines
        .len();
    assert!(after > before, "{before} -> {after}");
    assert!(harness.query_by_label("ROI error").is_none());
}

#[test]
fn the_cost_analysis_exports_to_xlsx_through_the_dialog_seam() {
    let path = scratch_dir("cost-xlsx").join("cost.xlsx");
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::Cost);
    harness.run_steps(2);
    dialogs.push(&path);
    harness.get_by_label("Export to xlsx…").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx file is a zip archive");
    assert_eq!(
        dialogs
            .asked()
            .last()
            .map(|request| request.extensions.clone()),
        Some(vec!["xlsx".to_string()])
    );
}

#[test]
fn a_loaded_book_is_used_and_remembered_among_recent_books() {
    let dir = scratch_dir("recent-books");
    let path = dir.join("my-book.ron");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("price-books/standard.ron"),
        &path,
    )
    .unwrap();
    let (app, dialogs) = headless_app();
    let mut harness = harness(app);
    harness.state_mut().set_tab(Tab::PriceBook);
    harness.run_steps(2);
    assert!(harness.query_by_label("my-book.ron").is_none());
    dialogs.push(&path);
    harness.get_by_label("Load another price book…").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);
    assert_eq!(harness.state().book().path.as_deref(), Some(path.as_path()));
    // The recent-books list offers it again, one click away.
    harness.get_by_label("my-book.ron").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);
    assert!(harness.query_by_label("Price book error").is_none());
    // Same figures: the file is the standard book.
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(2);
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");
}

#[test]
fn adding_a_phase_line_shows_the_engines_combined_monthly_recurring() {
    let (mut app, _) = headless_app();
    app.replace_quote(silver_quote(7, 12));
    let mut harness = harness(app);
    // 7 Silver servers: 690.00 x 7 = 4,830.00 a month.
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");

    harness.get_by_label("Other pricing options").click();
    harness.run_steps(3);
    harness.get_by_label("Add phase line").click();
    harness.run_steps(3);
    // Phase 1 (monitoring, alerting, reporting: 1 h TS = 50.00 x 1.4) on 1 server: 70.00.
    assert_eq!(harness.state().quote().options.phases.len(), 1);
    assert_eq!(value_of(&harness, "Monthly, phase line 1"), "$70.00");
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,900.00");
    assert!(harness.state().has_unsaved_changes());

    type_into(&mut harness, "Count, phase line 1", "5");
    // 70.00 x 5 = 350.00; 4,830.00 + 350.00 = 5,180.00 a month; 5,180 x 12 + 1,000 setup
    // = 63,160.00 over the term.
    assert_eq!(value_of(&harness, "Monthly recurring"), "$5,180.00");
    assert_eq!(value_of(&harness, "Total contract value"), "$63,160.00");
    assert_eq!(value_of(&harness, "Tiers monthly"), "$4,830.00");
    // The screen shows the core's combined figure.
    let combined = harness
        .state()
        .priced_options()
        .unwrap()
        .unwrap()
        .combined
        .monthly_recurring;
    assert_eq!(combined.to_string(), "5180.00");

    // Undo goes back through the history: the count, then the line.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().quote().options.phases[0].count, 1);
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,900.00");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert!(harness.state().quote().options.is_empty());
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");

    // Every new control has an accessible name, and meeting mode still shows these prices.
    harness.get_by_label("Add component line").click();
    harness.run_steps(3);
    let unnamed = harness.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:?}");
    harness.key_press(egui::Key::F9);
    harness.run_steps(3);
    assert!(harness.state().meeting_mode());
    // Monitoring on 1 server: 70.00.
    assert_eq!(value_of(&harness, "Monthly, component line 1"), "$70.00");
    assert!(internal_figures(&harness).is_empty());
}
