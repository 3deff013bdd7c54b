//! The window's Contract tab, driven headless through its accessibility tree.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
use msp_quote::core::quote::SetupMode;

use super::{amended, contract};

fn harness_on_contract_tab() -> Harness<'static, QuoteApp> {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    // Example 4: 7 Silver from 2026-01-15, 11 Silver from 2026-06-01.
    app.replace_quote(amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    ));
    app.set_tab(Tab::Contract);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// True when some node's text (label or value) contains `text`.
fn shows(harness: &Harness<'_, QuoteApp>, text: &str) -> bool {
    let wanted = text.to_string();
    harness
        .query_all_by(move |node| {
            node.label().is_some_and(|label| label.contains(&wanted))
                || node.value().is_some_and(|value| value.contains(&wanted))
        })
        .next()
        .is_some()
}

fn value_of(harness: &Harness<'_, QuoteApp>, name: &str) -> String {
    let wanted = name.to_string();
    harness
        .get_by(move |node| node.label().as_deref() == Some(wanted.as_str()))
        .value()
        .unwrap_or_default()
}

#[test]
fn the_contract_tab_shows_each_amendments_proration_and_the_termination_parts() {
    let mut harness = harness_on_contract_tab();
    // Example 4: 4,830.00 -> 7,260.00, proration 1,097.42 on month 6 (14 of 31 days).
    assert!(shows(&harness, "monthly $4,830.00 -> $7,260.00"));
    assert!(shows(
        &harness,
        "Proration $1,097.42 on month 6 (14 of 31 days)"
    ));
    // Terminated after month 1 (the default): the fee in force is 4,830.00, damages
    // 3 x 4,830.00 = 14,490.00; setup was billed up front.
    assert_eq!(value_of(&harness, "Termination amount"), "$14,490.00");
    // After month 10 the fee in force is 7,260.00: 3 x 7,260.00 = 21,780.00.
    harness.get_by_label("Terminate after month").focus();
    harness.run_steps(2);
    harness
        .get_by_label("Terminate after month")
        .type_text("10");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(value_of(&harness, "Liquidated damages"), "$21,780.00");
    // Meeting mode hides nothing here: every figure is customer-facing.
    harness.key_press(egui::Key::F9);
    harness.run_steps(3);
    assert!(harness.state().meeting_mode());
    assert!(shows(&harness, "Proration $1,097.42 on month 6"));
}

#[test]
fn adding_an_amendment_starts_from_the_configuration_in_force_and_undo_removes_it() {
    let mut harness = harness_on_contract_tab();
    harness.get_by_label("Add amendment").click();
    harness.run_steps(3);
    let quote = harness.state().quote().clone();
    assert_eq!(quote.contract.amendments.len(), 2);
    // It starts from 11 Silver (in force), on the first day of the month after month 5:
    // month 6 starts 2026-06-15.
    let added = &quote.contract.amendments[1];
    assert_eq!(added.configuration.devices[0].count, 11);
    assert_eq!(added.effective_date, super::date("2026-06-15"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().quote().contract.amendments.len(), 1);
}

#[test]
fn renew_replaces_the_quote_with_the_renewal_and_undo_restores_the_contract() {
    let mut harness = harness_on_contract_tab();
    harness.get_by_label("Renew").click();
    harness.run_steps(3);
    let renewal = harness.state().quote().clone();
    assert_eq!(
        renewal.contract.renews.as_ref().unwrap().number,
        "C-2026-0007"
    );
    // The term ends 2028-01-14: the renewal starts the next day with 11 Silver.
    assert_eq!(renewal.contract.start_date, Some(super::date("2028-01-15")));
    assert_eq!(renewal.devices[0].count, 11);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().quote().contract.amendments.len(), 1);
}

#[test]
fn editing_an_amendments_count_reprices_its_proration() {
    let mut harness = harness_on_contract_tab();
    // 12 Silver instead of 11: still 11-20 (12%), 660.00 x 12 = 7,920.00; (7,920.00 -
    // 4,830.00) x 14 / 31 = 3,090.00 x 14 / 31 = 1,395.483... -> 1,395.48 on month 6.
    harness.get_by_label("Amendment 1 count, line 1").focus();
    harness.run_steps(2);
    harness
        .get_by_label("Amendment 1 count, line 1")
        .type_text("12");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let amendment = &harness.state().quote().contract.amendments[0];
    assert_eq!(amendment.configuration.devices[0].count, 12);
    assert!(shows(&harness, "Proration $1,395.48 on month 6"));
}
