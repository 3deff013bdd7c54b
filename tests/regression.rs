//! Regression tests: one per fixed bug, each named after the bug it keeps fixed (ripgrep's
//! style). A test here reproduces what a user saw, then asserts the behaviour we want instead.

// ---------------------------------------------------------------------------------------------
// Defects a user saw in the window and the command line (issue "One evaluation for every view")
// ---------------------------------------------------------------------------------------------

/// The warning "the avoided hire starts after the term" was printed by `roi` only: the window
/// and the proposal's ROI section never showed it. It is now part of the evaluation.
#[test]
fn avoided_hire_after_term_warning_shows_in_window_and_proposal() {
    use egui_kittest::kittest::Queryable;
    use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
    use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
    use msp_quote::core::quote::{DeviceLine, Quote};
    use msp_quote::core::roi::{AvoidedHire, CustomerCosts};
    use msp_quote::documents::{DocumentKind, export_document};
    use msp_quote::formats::price_book::standard_book;
    use rust_decimal_macros::dec;

    let warning =
        "the avoided hire starts in month 30, after the 24-month term: it saves nothing here";
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 7,
    }];
    quote.term_months = 24;
    quote.customer_costs = Some(CustomerCosts {
        lines: Vec::new(),
        avoided_hire: Some(AvoidedHire {
            salary: dec!(60000),
            burden_percent: dec!(30),
            recruiting_fee: dec!(5000),
            start_month: 30,
        }),
        annual_growth_percent: dec!(0),
    });

    // The window's ROI tab.
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    app.replace_quote(quote.clone());
    app.set_tab(Tab::Roi);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label(&format!("Warning: {warning}"))
            .count(),
        1,
        "the ROI tab shows the warning once"
    );

    // The proposal's ROI section.
    let loaded = standard_book().unwrap();
    let evaluation = evaluate(&loaded.book, &quote, &EvaluationSettings::default());
    let dir = std::env::temp_dir().join(format!("msp-quote-regression-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("avoided-hire-proposal.pdf");
    export_document(DocumentKind::Proposal, &loaded, &quote, &evaluation, &pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&std::fs::read(&pdf).unwrap()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(text.matches(warning).count(), 1, "{text}");
}

// ---------------------------------------------------------------------------------------------
// Hostile input: overflow, wrapped counts, files and saves (issue "Hostile input")
// ---------------------------------------------------------------------------------------------

#[test]
fn opening_a_quote_with_device_counts_above_a_million_does_not_rewrite_it() {
    // The window's count fields clamped what they showed (5,000,000 devices became 1,000,000),
    // marked the quote unsaved and autosaved the clamped values, with no edit by the user.
    use crate::hostile::window::*;
    let dir = scratch_dir("regression-counts");
    let path = dir.join("counts.ron");
    let mut quote = quote_with_large_values();
    quote.devices[0].count = 5_000_000;
    let bytes = write_quote(&path, &quote);
    let (mut harness, dialogs) = window_in(&dir);
    open_quote(&mut harness, &dialogs, &path);
    visit_every_tab(&mut harness);
    request_close(&mut harness);
    assert_eq!(harness.state().quote().devices[0].count, 5_000_000);
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(
        std::fs::read(dir.join("data").join("autosave.ron")).unwrap(),
        bytes
    );
}

#[test]
fn opening_a_quote_with_lease_months_above_120_does_not_rewrite_it() {
    // The lease-months field showed 121 as 120 and the quote was autosaved so. The files now
    // accept 1 to 120 months: such a quote is either refused with its error (the quote on
    // screen stays) or shown as it is; it is never rewritten.
    use crate::hostile::window::*;
    use msp_quote::core::cost::Acquisition;
    let dir = scratch_dir("regression-lease");
    let path = dir.join("lease.ron");
    let mut quote = quote_with_large_values();
    for line in &mut quote.cost_analysis.as_mut().unwrap().hardware {
        line.acquisition = Acquisition::Leased {
            apr_percent: rust_decimal::Decimal::from(5),
            months: 121,
        };
    }
    let bytes = write_quote(&path, &quote);
    let (mut harness, dialogs) = window_in(&dir);
    let before = harness.state().quote().clone();
    open_quote(&mut harness, &dialogs, &path);
    let opened = harness.state().quote() == &quote;
    assert!(
        opened || harness.state().quote() == &before,
        "the quote is either opened as it is or not at all"
    );
    visit_every_tab(&mut harness);
    request_close(&mut harness);
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    if opened {
        assert_eq!(harness.state().quote(), &quote);
    }
}

#[test]
fn opening_a_quote_whose_avoided_hire_starts_in_month_120_does_not_rewrite_it() {
    // The start-month field clamped to 1-120 on display; month 120 is the largest the files
    // accept, and it stays as it is, like every other number the quote holds.
    use crate::hostile::window::*;
    let dir = scratch_dir("regression-hire");
    let path = dir.join("hire.ron");
    let quote = quote_with_large_values();
    let bytes = write_quote(&path, &quote);
    let (mut harness, dialogs) = window_in(&dir);
    open_quote(&mut harness, &dialogs, &path);
    harness.state_mut().set_tab(msp_quote::app::Tab::Roi);
    harness.run_steps(3);
    request_close(&mut harness);
    let hire = harness
        .state()
        .quote()
        .customer_costs
        .as_ref()
        .unwrap()
        .avoided_hire;
    assert_eq!(hire.map(|hire| hire.start_month), Some(120));
    assert!(!harness.state().has_unsaved_changes());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

// ---------------------------------------------------------------------------------------------
// Imports (issue "Imports that take the analyst's own workbook")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Contracts after the signature, price-book tools, the window's lists
// ---------------------------------------------------------------------------------------------

#[test]
fn a_cost_analysis_of_ten_thousand_lines_no_longer_builds_a_widget_per_line() {
    // Every cost line was a live widget on every frame: 40,000 lines took 2 s a frame.
    use egui_kittest::kittest::Queryable;
    let mut app = msp_quote::app::QuoteApp::new(msp_quote::app::AppSetup::headless(
        msp_quote::app::ScriptedDialogs::new(),
    ));
    let mut quote = app.quote().clone();
    let analysis = quote.cost_analysis.get_or_insert_with(Default::default);
    let line = analysis.hardware[0].clone();
    analysis.hardware = vec![line; 10_000];
    app.replace_quote(quote);
    app.set_tab(msp_quote::app::Tab::Cost);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut msp_quote::app::QuoteApp| app.show(ui), app);
    harness.run_steps(3);
    let built = harness
        .query_all_by_label_contains("Hardware unit cost, line")
        .count();
    assert!(
        built > 0 && built < 100,
        "{built} rows built for 10,000 lines"
    );
}
