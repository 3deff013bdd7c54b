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

// ---------------------------------------------------------------------------------------------
// Imports (issue "Imports that take the analyst's own workbook")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Contracts after the signature, price-book tools, the window's lists
// ---------------------------------------------------------------------------------------------
