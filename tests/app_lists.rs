//! The window's long lists: virtualised, filterable, editable (egui_kittest).
//!
//! A 10,000-line cost analysis: only the rows in view are in the accessibility tree, yet a
//! visible line and a far line (reached through the filter) can be edited, undo works, and
//! every control keeps its accessible name.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
use msp_quote::core::cost::{Acquisition, HardwareLine};
use msp_quote::core::roi::{CostAmount, CostCategory, CostLine, CostPeriod};
use rust_decimal::Decimal;

use crate::app::replace_text;

/// Hardware lines in the big analysis.
const LINES: usize = 10_000;

/// The sample quote whose cost analysis has `LINES` purchased hardware lines: line N is
/// "Hardware item N" (five digits) at $N.
fn app_with_many_cost_lines() -> QuoteApp {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    let mut quote = app.quote().clone();
    let analysis = quote.cost_analysis.get_or_insert_with(Default::default);
    analysis.hardware = (1..=LINES)
        .map(|n| HardwareLine {
            description: format!("Hardware item {n:05}"),
            quantity: 1,
            unit_cost: Decimal::from(n),
            acquisition: Acquisition::Purchased,
            source: None,
        })
        .collect();
    let costs = quote.customer_costs.get_or_insert_with(Default::default);
    costs.lines = (1..=LINES)
        .map(|n| CostLine {
            category: if n % 1_000 == 0 {
                CostCategory::Downtime
            } else {
                CostCategory::InternalStaff
            },
            description: format!("Cost {n:05}"),
            amount: CostAmount::Periodic {
                amount: Decimal::from(n),
                period: CostPeriod::Monthly,
            },
            avoidable_percent: Decimal::ONE_HUNDRED,
            origin: None,
        })
        .collect();
    app.replace_quote(quote);
    app
}

fn harness_on(tab: Tab) -> Harness<'static, QuoteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut QuoteApp| app.show(ui),
            app_with_many_cost_lines(),
        );
    harness.state_mut().set_tab(tab);
    harness.run_steps(3);
    harness
}

/// Picks `option` in the combo box named `name` (through AccessKit: a long popup may have
/// the option scrolled out of its view).
fn choose(harness: &mut Harness<'_, QuoteApp>, name: &str, option: &str) {
    harness.get_by_label(name).click();
    harness.run_steps(2);
    // The popup's options are buttons; other labels may carry the same text.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, option)
        .click_accesskit();
    harness.run_steps(3);
}

fn rows_in_tree(harness: &Harness<'_, QuoteApp>, prefix: &str) -> usize {
    harness.query_all_by_label_contains(prefix).count()
}

fn unit_cost(harness: &Harness<'_, QuoteApp>, line: usize) -> Decimal {
    harness
        .state()
        .quote()
        .cost_analysis
        .as_ref()
        .unwrap()
        .hardware[line - 1]
        .unit_cost
}

#[test]
fn a_ten_thousand_line_cost_analysis_builds_only_the_rows_in_view() {
    let harness = harness_on(Tab::Cost);
    let rows = rows_in_tree(&harness, "Hardware description, line");
    assert!(rows > 0, "the first lines show");
    assert!(rows < 100, "{rows} hardware rows built for {LINES} lines");
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 1")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 9876")
            .is_none()
    );
    let unnamed = harness.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:?}");
}

#[test]
fn a_visible_line_and_a_far_line_reached_by_the_filter_can_be_edited_and_undone() {
    let mut harness = harness_on(Tab::Cost);
    replace_text(&mut harness, "Hardware unit cost, line 2", "2900");
    assert_eq!(unit_cost(&harness, 2), Decimal::from(2900));

    replace_text(&mut harness, "Hardware filter", "item 09876");
    assert_eq!(rows_in_tree(&harness, "Hardware description, line"), 1);
    replace_text(&mut harness, "Hardware unit cost, line 9876", "12.5");
    assert_eq!(unit_cost(&harness, 9876), Decimal::new(125, 1));
    // Only the far line changed.
    assert_eq!(unit_cost(&harness, 9875), Decimal::from(9875));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(unit_cost(&harness, 9876), Decimal::from(9876));
    assert_eq!(unit_cost(&harness, 2), Decimal::from(2900));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(unit_cost(&harness, 2), Decimal::from(2));
}

#[test]
fn ordering_by_amount_brings_the_largest_line_to_the_top() {
    let mut harness = harness_on(Tab::Cost);
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 10000")
            .is_none()
    );
    choose(&mut harness, "Hardware order", "amount, largest first");
    // $10,000 x 1 is the largest amount; line 1 ($1) is now last, out of view.
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 10000")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 9999")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Hardware unit cost, line 1")
            .is_none()
    );
    // The quote keeps its order: ordering is a view, not an edit.
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(unit_cost(&harness, 1), Decimal::from(1));
}

#[test]
fn customer_cost_lines_are_virtualised_and_filter_by_category() {
    let mut harness = harness_on(Tab::Roi);
    let rows = rows_in_tree(&harness, "Cost description, line");
    assert!(rows > 0 && rows < 100, "{rows} cost rows for {LINES} lines");
    choose(&mut harness, "Cost lines category", "Unplanned downtime");
    // Every 1,000th line is downtime: 10 lines, all in view.
    assert_eq!(rows_in_tree(&harness, "Cost description, line"), 10);
    assert!(harness.query_by_label("Cost amount, line 7000").is_some());
    let unnamed = harness.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:?}");
}

#[test]
fn device_lines_are_virtualised_and_filter_by_tier() {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    let mut quote = app.quote().clone();
    let tiers = ["bronze", "silver", "gold"];
    quote.devices = (0..3_000)
        .map(|index| msp_quote::core::quote::DeviceLine {
            tier: tiers[index % 3].to_string(),
            kind: "workstation".to_string(),
            count: 1,
        })
        .collect();
    app.replace_quote(quote);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run_steps(3);
    let rows = rows_in_tree(&harness, "Tier, line");
    assert!(rows > 0 && rows < 100, "{rows} device rows for 3,000 lines");
    choose(&mut harness, "Device lines category", "Gold");
    let shown: Vec<String> = harness
        .query_all_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Tier, line"))
        })
        .filter_map(|node| node.value())
        .collect();
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|tier| tier == "Gold"), "{shown:?}");
    // Line 3 is the first Gold line.
    assert!(harness.query_by_label("Count, line 3").is_some());
    assert!(harness.query_by_label("Count, line 1").is_none());
    let unnamed = harness.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:?}");
}

#[test]
fn the_keyboard_moves_along_a_virtualised_row() {
    let mut harness = harness_on(Tab::Cost);
    harness.get_by_label("Hardware description, line 3").focus();
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label("Hardware description, line 3")
            .is_focused()
    );
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label("Hardware quantity, line 3")
            .is_focused()
    );
    // Typing into the focused row edits that line only.
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label("Hardware unit cost, line 3")
            .is_focused()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_label("Hardware unit cost, line 3")
        .type_text("42");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(unit_cost(&harness, 3), Decimal::from(42));
    assert_eq!(unit_cost(&harness, 4), Decimal::from(4));
}
