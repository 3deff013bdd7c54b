//! The price-book editor in the window (egui_kittest, through accessible labels).
//!
//! Figures derived by hand from pricing-rules.md (standard book): Silver server $750 a month,
//! bands 1: 0%, 2-5: 4%, 6-10: 8%, 11-20: 12%. 7 Silver servers: 750 x 0.92 = 690.00 x 7 =
//! 4,830.00 a month. At $790: 790 x 0.92 = 726.80 x 7 = 5,087.60 a month.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab, sample_quote};
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::formats::price_book::sha256_hex;
use rust_decimal::Decimal;

use crate::app::replace_text;

fn harness(app: QuoteApp) -> Harness<'static, QuoteApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app)
}

/// The app on the Price book tab with 7 Silver servers for 24 months, and its dialogs.
fn editor_harness() -> (Harness<'static, QuoteApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::new();
    let mut app = QuoteApp::new(AppSetup::headless(dialogs.clone()));
    let mut quote: Quote = sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 7,
    }];
    quote.term_months = 24;
    app.replace_quote(quote);
    app.set_tab(Tab::PriceBook);
    let mut harness = harness(app);
    harness.run_steps(2);
    (harness, dialogs)
}

/// The value of the label named `name`.
fn value_of(harness: &Harness<'_, QuoteApp>, name: &str) -> String {
    let wanted = name.to_string();
    harness
        .get_by(move |node| node.label().as_deref() == Some(wanted.as_str()))
        .value()
        .unwrap_or_else(|| panic!("node '{name}' has no value"))
}

/// Whether a node named `name` is on screen.
fn shown(harness: &Harness<'_, QuoteApp>, name: &str) -> bool {
    let wanted = name.to_string();
    harness
        .query_by(move |node| node.label().as_deref() == Some(wanted.as_str()))
        .is_some()
}

/// The quote's monthly recurring as the Quote tab shows it; back to the Price book tab after.
fn monthly_recurring(harness: &mut Harness<'_, QuoteApp>) -> String {
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(2);
    let monthly = value_of(harness, "Monthly recurring");
    harness.state_mut().set_tab(Tab::PriceBook);
    harness.run_steps(2);
    monthly
}

/// The Silver server price of the book the quote is priced with.
fn silver_server_price(harness: &Harness<'_, QuoteApp>) -> Decimal {
    let book = &harness.state().book().book;
    book.tier("silver").unwrap().monthly_prices["server"]
}

/// A fresh, empty folder for one test.
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-editor-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn editing_the_silver_price_reprices_the_quote_and_undo_restores_it() {
    let (mut harness, _) = editor_harness();
    assert_eq!(monthly_recurring(&mut harness), "$4,830.00");

    replace_text(&mut harness, "Silver monthly price, Server", "790");

    assert_eq!(silver_server_price(&harness), Decimal::from(790));
    // 790 x 0.92 = 726.80 a server; x 7 = 5,087.60.
    assert_eq!(monthly_recurring(&mut harness), "$5,087.60");
    assert!(value_of(&harness, "Edited book status").contains("Edited, not saved"));

    harness.get_by_label("Undo book edit").click();
    harness.run_steps(3);
    assert_eq!(silver_server_price(&harness), Decimal::from(750));
    assert_eq!(monthly_recurring(&mut harness), "$4,830.00");
    assert!(value_of(&harness, "Edited book status").contains("No edits"));

    // Ctrl+Shift+Z in the Price book tab redoes the book edit (not a quote edit).
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(3);
    assert_eq!(monthly_recurring(&mut harness), "$5,087.60");
}

#[test]
fn an_overlapping_band_shows_its_error_beside_the_band_and_the_quote_keeps_the_last_valid_book() {
    let (mut harness, _) = editor_harness();
    let sha_before = harness.state().book().sha256.clone();
    // Band 3 is 6-10; starting it at 5 overlaps band 2 (2-5).
    replace_text(&mut harness, "Schedule server-volume band 3 from", "5");

    let beside = value_of(&harness, "Problem at discount_schedules[0].bands[2]");
    assert!(beside.contains("overlaps 2-5"), "{beside}");
    assert!(value_of(&harness, "Price book status").contains("keeps the last valid book"));
    assert_eq!(harness.state().book().sha256, sha_before);
    // The quote keeps its last valid totals and says so on its own tab too.
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(2);
    assert_eq!(value_of(&harness, "Monthly recurring"), "$4,830.00");
    assert!(value_of(&harness, "Price book status").contains("keeps the last valid book"));

    harness.state_mut().set_tab(Tab::PriceBook);
    harness.run_steps(2);
    harness.get_by_label("Undo book edit").click();
    harness.run_steps(3);
    assert!(!shown(
        &harness,
        "Problem at discount_schedules[0].bands[2]"
    ));
    assert!(!shown(&harness, "Price book status"));
}

/// Lint warnings on screen that name a volume cliff between `below` and `above` servers.
fn cliff_warnings(harness: &Harness<'_, QuoteApp>, below: u32, above: u32) -> usize {
    let cliff = format!("{below} -> {above} servers");
    harness
        .query_all_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Lint warning"))
                && node
                    .value()
                    .is_some_and(|value| value.contains("volume cliff") && value.contains(&cliff))
        })
        .count()
}

#[test]
fn the_lint_updates_as_the_book_is_typed() {
    let (mut harness, _) = editor_harness();
    // The standard book has no cliff at 5 -> 6 servers (5 x 720.00 = 3,600.00 < 6 x 690.00).
    assert_eq!(cliff_warnings(&harness, 5, 6), 0);
    // Band 3 at 30%: 5 Silver servers cost 5 x 720.00 = 3,600.00, 6 cost 6 x 525.00 =
    // 3,150.00: one more server lowers the total, a volume cliff.
    replace_text(
        &mut harness,
        "Schedule server-volume band 3 discount percent",
        "30",
    );
    // Bronze, Silver and Gold all fall at 5 -> 6.
    assert_eq!(cliff_warnings(&harness, 5, 6), 3);
}

#[test]
fn save_as_a_new_version_writes_a_book_check_price_book_accepts_and_the_quote_pins_it() {
    let dir = scratch_dir("save-version");
    let (mut harness, dialogs) = editor_harness();
    replace_text(&mut harness, "Silver monthly price, Server", "790");
    // The same version as the loaded book is refused, and nothing is written.
    replace_text(&mut harness, "New version", "2026.1");
    let refused = dir.join("same-version.ron");
    dialogs.push(&refused);
    harness.get_by_label("Save as a new version…").click();
    harness.run_steps(3);
    assert!(value_of(&harness, "Save result").contains("must differ"));
    assert!(!refused.exists());

    replace_text(&mut harness, "New version", "2026.2");
    replace_text(&mut harness, "New effective date", "2026-02-01");
    let path = dir.join("standard-2026.2.ron");
    dialogs.push(&path);
    harness.get_by_label("Save as a new version…").click();
    harness.run_steps(3);

    assert!(value_of(&harness, "Save result").contains("Saved version 2026.2"));
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .arg("check-price-book")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    // The handbook citations of the fields that did not change are kept; the one beside the
    // changed Silver price cited $750 and is dropped.
    let saved = String::from_utf8(bytes.clone()).unwrap();
    assert!(
        saved.contains("// handbook: $500 per server per month"),
        "Bronze's citation lost:\n{saved}"
    );
    assert!(
        saved.contains("// handbook: $1,000 per server per month"),
        "Gold's citation lost:\n{saved}"
    );
    assert!(
        !saved.contains("// handbook: $750 per server per month"),
        "the changed Silver price kept its old citation:\n{saved}"
    );
    let book = harness.state().book();
    assert_eq!(book.sha256, sha256_hex(&bytes));
    assert_eq!(book.book.version, "2026.2");
    assert_eq!(book.book.effective_date.to_string(), "2026-02-01");
    assert_eq!(book.path.as_deref(), Some(path.as_path()));
    // What changed is listed: the Silver server price.
    let changes: Vec<String> = (1..=3)
        .filter(|n| shown(&harness, &format!("Change {n}")))
        .map(|n| value_of(&harness, &format!("Change {n}")))
        .collect();
    assert!(
        changes.iter().any(|line| line.contains("750.00 -> 790.00")),
        "{changes:?}"
    );
    // Saving the quote pins the saved book's sha256.
    let quote_path = dir.join("quote.ron");
    dialogs.push(&quote_path);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run_steps(3);
    let pin = harness.state().quote().price_book_pin.clone().unwrap();
    assert_eq!(pin.sha256, sha256_hex(&bytes));
    assert_eq!(pin.version, "2026.2");
    assert_eq!(monthly_recurring(&mut harness), "$5,087.60");
}

#[test]
fn meeting_mode_shows_no_editor() {
    let (mut harness, _) = editor_harness();
    assert!(shown(&harness, "Silver monthly price, Server"));
    // An invalid edit first: the notice about the kept book is internal too.
    replace_text(&mut harness, "Schedule server-volume band 3 from", "5");
    assert!(shown(&harness, "Price book status"));

    harness.key_press(egui::Key::F9);
    harness.run_steps(3);
    assert!(harness.state().meeting_mode());
    for name in [
        "Silver monthly price, Server",
        "Undo book edit",
        "Save as a new version…",
        "Edited book status",
        "Price book status",
    ] {
        assert!(!shown(&harness, name), "{name} is shown in meeting mode");
    }
    harness.state_mut().set_tab(Tab::Quote);
    harness.run_steps(2);
    assert!(!shown(&harness, "Price book status"));
}

#[test]
fn every_section_of_the_editor_opens_and_every_control_in_it_has_an_accessible_name() {
    let (mut harness, _) = editor_harness();
    let sections = [
        "Device kinds",
        "Terms and credits",
        "Hourly rates",
        "Add-ons",
        "Setup",
        "Contract terms",
        "Support, flex time and guardrails",
        "Customer requirements and patch targets",
        "Cost defaults",
        "Branding",
        "Service levels (SLA)",
        "Service components",
        "Phased path",
        "Packages",
        "Time and materials",
        "Assessment",
        "Bronze details",
        "Silver details",
        "Gold details",
    ];
    for section in sections {
        harness.get_by_label(section).click_accesskit();
        harness.run_steps(2);
    }
    // Opened: a field of each section is there.
    for field in [
        "Kind 1 id",
        "Term 2 credit 1 amount",
        "Add-on 1 monthly price",
        "Setup fee",
        "Quote valid days",
        "Margin floor percent",
        "Company name",
        "Silver inclusions, one per line",
        "Role 1 hourly cost",
        "Components labour markup category",
        "Phase 1 name",
        "Lease annual rate percent",
        "Time and materials Remote, normal",
        "Assessment Travel rate",
        "SLA credit percent per miss",
        "SLA target 1 response minutes",
    ] {
        assert!(shown(&harness, field), "{field} is not shown");
    }
    let unnamed = harness.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:?}");
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

#[test]
fn loading_another_book_lists_what_changed_and_resets_the_editor_to_it() {
    let dir = scratch_dir("load-changes");
    let standard = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("price-books/standard.ron"),
    )
    .unwrap();
    let path = dir.join("silver-790.ron");
    std::fs::write(
        &path,
        standard.replace(r#"{"server": "750.00"}"#, r#"{"server": "790.00"}"#),
    )
    .unwrap();
    let (mut harness, dialogs) = editor_harness();
    dialogs.push(&path);
    harness.get_by_label("Load another price book…").click();
    harness.run_steps(1);
    wait_for_jobs(&mut harness);

    assert_eq!(silver_server_price(&harness), Decimal::from(790));
    assert_eq!(
        value_of(&harness, "Change 1"),
        "Silver server 750.00 -> 790.00"
    );
    assert!(!shown(&harness, "Change 2"));
    assert!(value_of(&harness, "Edited book status").contains("No edits"));
    assert_eq!(monthly_recurring(&mut harness), "$5,087.60");
}

#[test]
fn a_new_device_kind_can_be_priced_by_a_tier_at_once() {
    let (mut harness, _) = editor_harness();
    harness.get_by_label("Device kinds").click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("Add a device kind").click_accesskit();
    harness.run_steps(3);
    assert_eq!(harness.state().book().book.device_kinds.len(), 4);
    // The tiers' rows gain a price field for it; an amount that is not a number is an error
    // beside that field, and the quote keeps the last valid book.
    replace_text(&mut harness, "Silver monthly price, Kind 4", "12x");
    let beside = value_of(&harness, "Problem at tiers[1].monthly_prices.kind-4");
    assert!(!beside.is_empty());
    assert!(value_of(&harness, "Price book status").contains("keeps the last valid book"));
    replace_text(&mut harness, "Silver monthly price, Kind 4", "120.00");
    assert!(!shown(&harness, "Price book status"));
    let silver = harness.state().book().book.tier("silver").unwrap().clone();
    assert_eq!(silver.monthly_prices["kind-4"], Decimal::new(12000, 2));
}

#[test]
fn increasing_tier_prices_by_five_percent_reprices_the_quote_and_lists_the_changes() {
    let (mut harness, _) = editor_harness();
    let rates_before = harness.state().book().book.hourly_rates.clone();
    replace_text(&mut harness, "Price increase percent", "5");
    harness.get_by_label("Increase: tiers").click();
    harness.run_steps(2);
    harness.get_by_label("Increase prices").click();
    harness.run_steps(3);

    let book = &harness.state().book().book;
    // 500 x 1.05 = 525.00; 750 x 1.05 = 787.50; 1,000 x 1.05 = 1,050.00.
    for (tier, price) in [("bronze", 52500), ("silver", 78750), ("gold", 105000)] {
        assert_eq!(
            book.tier(tier).unwrap().monthly_prices["server"],
            Decimal::new(price, 2),
            "{tier}"
        );
    }
    assert_eq!(
        book.hourly_rates, rates_before,
        "rates unchanged with tiers only"
    );
    assert_eq!(book.version, "2026.1", "the version comes with the save");
    let changes: Vec<String> = (1..=20)
        .filter(|n| shown(&harness, &format!("Change {n}")))
        .map(|n| value_of(&harness, &format!("Change {n}")))
        .collect();
    assert!(
        changes.iter().any(|line| line.contains("750.00 -> 787.50")),
        "{changes:?}"
    );
    // 787.50 x 0.92 = 724.50 a server; x 7 = 5,071.50.
    assert_eq!(monthly_recurring(&mut harness), "$5,071.50");
    harness.get_by_label("Undo book edit").click();
    harness.run_steps(3);
    assert_eq!(monthly_recurring(&mut harness), "$4,830.00");
}

#[test]
fn the_spreadsheet_round_trip_keeps_every_price() {
    let dir = scratch_dir("xlsx");
    let (mut harness, dialogs) = editor_harness();
    let path = dir.join("standard.xlsx");
    dialogs.push(&path);
    harness.get_by_label("Export to a spreadsheet…").click();
    harness.run_steps(3);
    assert!(
        value_of(&harness, "Tools result").contains("Exported"),
        "{}",
        value_of(&harness, "Tools result")
    );
    assert!(path.exists());

    dialogs.push(&path);
    harness.get_by_label("Import from a spreadsheet…").click();
    harness.run_steps(3);
    let result = value_of(&harness, "Tools result");
    assert!(result.contains("Imported"), "{result}");
    assert!(
        !shown(&harness, "Price book status"),
        "the imported book is valid"
    );
    assert_eq!(silver_server_price(&harness), Decimal::from(750));
    assert_eq!(monthly_recurring(&mut harness), "$4,830.00");

    // A file that is not a workbook changes nothing and says why.
    let bad = dir.join("not-a-workbook.xlsx");
    std::fs::write(&bad, "plain text").unwrap();
    let sha_before = harness.state().book().sha256.clone();
    dialogs.push(&bad);
    harness.get_by_label("Import from a spreadsheet…").click();
    harness.run_steps(3);
    assert!(value_of(&harness, "Tools result").contains("nothing imported"));
    assert_eq!(harness.state().book().sha256, sha_before);
}
