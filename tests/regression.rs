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

mod imports {
    use std::path::PathBuf;
    use std::process::Command;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "msp-quote-regression-imports-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn example(name: &str) -> String {
        format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    fn run_cli(args: &[&str]) -> (i32, String, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// A costs file whose every row is rejected used to replace the quote's costs with nothing
    /// and write a proposal saying the ROI is -100%.
    #[test]
    fn proposal_with_a_costs_file_that_yields_nothing_exits_2_and_writes_no_pdf() {
        let dir = scratch("proposal");
        let costs = dir.join("costs.csv");
        std::fs::write(
            &costs,
            "Category,Description,Amount\nLabour,Technician,4000\nSnacks,Coffee,30\n",
        )
        .unwrap();
        let pdf = dir.join("proposal.pdf");
        for command in ["proposal", "appendix"] {
            let (code, stdout, stderr) = run_cli(&[
                command,
                &example("roi-two-silver-servers.ron"),
                "--costs",
                costs.to_str().unwrap(),
                "-o",
                pdf.to_str().unwrap(),
            ]);
            assert_eq!(code, 2, "{command}: {stderr}");
            assert!(stdout.is_empty(), "{stdout}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains("costs.csv") && stderr.contains("no usable line in 2 rows"),
                "{stderr}"
            );
            assert!(stderr.contains("unknown category 'Labour'"), "{stderr}");
            assert!(!pdf.exists(), "{command} wrote a PDF");
        }
        let (code, _, stderr) = run_cli(&[
            "roi",
            &example("roi-two-silver-servers.ron"),
            "--costs",
            costs.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stderr}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A manufacturing ROI calculator with no Category column used to import its excise-duty
    /// rows as hardware bought for thousands.
    #[test]
    fn cost_import_without_a_category_column_never_guesses_hardware() {
        let dir = scratch("no-category");
        let sheet = dir.join("calculator.csv");
        std::fs::write(
            &sheet,
            "Description,Amount\nExcise duty,27269\nBasic customs duty,39309\n",
        )
        .unwrap();
        let (code, stdout, stderr) = run_cli(&[
            "cost",
            &example("small-customer.ron"),
            "--import",
            sheet.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert!(
            stderr.contains("names no hardware, software or affiliate service"),
            "{stderr}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Import warnings used to be printed on stdout, where a redirect hid them and broke JSON.
    #[test]
    fn import_diagnostics_go_to_stderr_and_stdout_is_only_the_output() {
        let dir = scratch("stderr");
        let costs = dir.join("costs.csv");
        std::fs::write(
            &costs,
            "Category,Description,Amount\nInternal staff,Admin,4000\nSnacks,Coffee,30\n",
        )
        .unwrap();
        let (code, stdout, stderr) = run_cli(&[
            "roi",
            &example("roi-two-silver-servers.ron"),
            "--costs",
            costs.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{stderr}");
        let json: serde_json::Value = serde_json::from_str(&stdout).expect("stdout is JSON only");
        assert!(
            json["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|w| !w.as_str().unwrap().contains("Snacks"))
        );
        assert!(stderr.contains("skipped: "), "{stderr}");
        assert!(stderr.contains("unknown category 'Snacks'"), "{stderr}");
        assert!(
            stderr.contains("instead of the quote file's own"),
            "says which costs it used: {stderr}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

// ---------------------------------------------------------------------------------------------
// Contracts after the signature, price-book tools, the window's lists
// ---------------------------------------------------------------------------------------------
