//! Regression tests: one per fixed bug, each named after the bug it keeps fixed (ripgrep's
//! style). A test here reproduces what a user saw, then asserts the behaviour we want instead.

// ---------------------------------------------------------------------------------------------
// Defects a user saw in the window and the command line (issue "One evaluation for every view")
// ---------------------------------------------------------------------------------------------

mod defects_a_user_saw {
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
    use rust_decimal::{Decimal, RoundingStrategy};

    use crate::cli::msp_quote;

    fn stdout_of(args: &[&str]) -> String {
        let output = msp_quote(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn window() -> Harness<'static, QuoteApp> {
        let app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
        Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app)
    }

    fn value_of(harness: &Harness<'_, QuoteApp>, name: &str) -> String {
        let wanted = name.to_string();
        harness
            // The figure, not the tab button of the same name: only the figure has a value.
            .get_by(move |node| {
                node.label().as_deref() == Some(wanted.as_str()) && node.value().is_some()
            })
            .value()
            .unwrap_or_else(|| panic!("node '{name}' has no value"))
    }

    /// "$115,720.00" or "-$1,200.00" as a number.
    fn amount(text: &str) -> Decimal {
        text.replace(['$', ','], "").parse().unwrap()
    }

    #[test]
    fn price_prints_setup_fee_upfront_without_padding_inside_the_brackets() {
        let text = stdout_of(&["price", "--device", "silver:server=7"]);
        assert!(text.contains("Setup fee (upfront) "), "{text}");
        let text = stdout_of(&[
            "price",
            "--device",
            "silver:server=7",
            "--setup",
            "amortized",
        ]);
        assert!(text.contains("Setup fee (amortized) "), "{text}");
        assert!(!text.contains(" )"), "{text}");
    }

    #[test]
    fn one_device_server_or_location_is_never_plural() {
        let cases = [
            (
                "ledger, 1 device",
                vec![
                    "ledger",
                    "--start",
                    "2026-01",
                    "--devices",
                    "1",
                    "--months",
                    "1",
                ],
                "1 device at",
            ),
            (
                "ledger, 2 devices",
                vec![
                    "ledger",
                    "--start",
                    "2026-01",
                    "--devices",
                    "2",
                    "--months",
                    "1",
                ],
                "2 devices at",
            ),
            (
                "assessment, 1 and 1",
                vec!["assessment", "--type", "small", "--servers", "1"],
                "(1 server, 1 location)",
            ),
            (
                "assessment, 3 and 2",
                vec![
                    "assessment",
                    "--type",
                    "small",
                    "--servers",
                    "3",
                    "--locations",
                    "2",
                ],
                "(3 servers, 2 locations)",
            ),
        ];
        for (name, args, expected) in cases {
            let text = stdout_of(&args);
            assert!(text.contains(expected), "case {name}: {text}");
            for wrong in ["1 devices", "1 servers", "1 locations", "(s)"] {
                assert!(!text.contains(wrong), "case {name}: {wrong} in {text}");
            }
        }
    }

    #[test]
    fn the_window_shows_roi_with_two_decimals_like_json_and_pdf() {
        let mut harness = window();
        harness.state_mut().set_tab(Tab::Roi);
        harness.run_steps(3);
        // pricing-rules.md section 6: ROI % = net savings / investment x 100, to two decimals.
        let net = amount(&value_of(&harness, "Net savings"));
        let investment = amount(&value_of(&harness, "Investment"));
        let expected = (net / investment * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(value_of(&harness, "ROI"), format!("{expected:.2}%"));
        let shown: Vec<String> = harness
            .query_all_by(|node| node.label().is_some_and(|label| label.starts_with("ROI, ")))
            .filter_map(|node| node.value())
            .collect();
        assert!(!shown.is_empty(), "the options' ROI is shown");
        for value in shown {
            let Some(number) = value.strip_suffix('%') else {
                continue;
            };
            let decimals = number
                .split_once('.')
                .map_or(0, |(_, fraction)| fraction.len());
            assert_eq!(decimals, 2, "{value}");
        }
    }

    #[test]
    fn no_tab_shows_a_placeholder() {
        let mut harness = window();
        for tab in Tab::ALL {
            harness.state_mut().set_tab(tab);
            harness.run_steps(3);
            let placeholders: Vec<String> = harness
                .query_all_by(|_| true)
                .flat_map(|node| {
                    let node = node.accesskit_node();
                    [node.label(), node.value(), node.description()]
                })
                .flatten()
                .filter(|text| text.contains("Placeholder"))
                .collect();
            assert!(placeholders.is_empty(), "tab {tab:?}: {placeholders:?}");
        }
    }

    #[test]
    fn screenshot_runs_leave_no_storage_folder_behind() {
        // The screenshot window keeps eframe's storage in this folder, removed when the run
        // ends (the window itself needs a display, which the test suite does not have).
        let storage = msp_quote::formats::ScratchDir::for_this_process("msp-quote-regression");
        let path = storage.path().to_path_buf();
        std::fs::create_dir_all(path.join("inner")).unwrap();
        std::fs::write(path.join("inner/app.ron"), "state").unwrap();
        drop(storage);
        assert!(!path.exists(), "{} is left behind", path.display());
    }

    #[test]
    fn terminal_escape_sequences_in_printed_text_are_escaped() {
        let text = stdout_of(&[
            "tm",
            "--item",
            "\u{1b}[2J\u{1b}]0;pwned\u{7}Reset:16:remote:normal",
        ]);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
        assert!(text.contains("\\u{1b}[2J"), "{text:?}");
    }
}

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

// Arithmetic (checked-core). Paths are written in full so that the sections' imports never
// conflict; the helpers are those of tests/hostile/arithmetic.rs.

fn hostile_silver_quote(count: u32) -> msp_quote::core::quote::Quote {
    crate::pricing::quote(
        &[("silver", count)],
        12,
        msp_quote::core::quote::SetupMode::Upfront,
    )
}

#[test]
fn tier_price_at_decimal_max_is_an_error_not_a_panic() {
    use msp_quote::core::pricing::{PricingError, price_quote};
    let mut book = crate::pricing::book();
    for tier in &mut book.tiers {
        tier.monthly_prices
            .insert("server".to_string(), rust_decimal::Decimal::MAX);
    }
    let error = price_quote(&book, &hostile_silver_quote(2)).unwrap_err();
    assert!(
        matches!(&error, PricingError::AmountTooLarge(too_large)
            if too_large.figure.contains("tiers.silver.monthly_prices.server")),
        "{error:?}"
    );
}

#[test]
fn device_counts_summed_past_u32_do_not_wrap() {
    // `price --device silver:server=4294967295 --device gold:server=2` summed the devices in
    // u32, wrapped to 1 and priced the 0% band.
    let quote = crate::pricing::quote(
        &[("silver", u32::MAX), ("gold", 2)],
        12,
        msp_quote::core::quote::SetupMode::Upfront,
    );
    assert_eq!(quote.device_count(), 4_294_967_297);
    let error = msp_quote::core::pricing::price_quote(&crate::pricing::book(), &quote);
    assert!(
        matches!(
            error,
            Err(msp_quote::core::pricing::PricingError::TooManyDevices {
                count: 4_294_967_297,
                ..
            })
        ),
        "{error:?}"
    );
    let output = crate::hostile::arithmetic::run_within(
        60,
        &[
            "price",
            "--device",
            "silver:server=4294967295",
            "--device",
            "gold:server=2",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "nothing priced");
}

#[test]
fn hardware_cost_at_decimal_max_is_an_error_not_a_panic() {
    use msp_quote::core::cost::{Acquisition, CostAnalysis, HardwareLine, analyse_cost};
    let analysis = CostAnalysis {
        hardware: vec![HardwareLine {
            description: "imported from Costs!C7".to_string(),
            quantity: 2,
            unit_cost: rust_decimal::Decimal::MAX,
            acquisition: Acquisition::Purchased,
            source: Some("Costs!C7".to_string()),
        }],
        ..CostAnalysis::default()
    };
    let error =
        analyse_cost(&crate::pricing::book(), &hostile_silver_quote(2), &analysis).unwrap_err();
    assert_eq!(error.field, "cost_analysis.hardware[0].unit_cost");
}

#[test]
fn customer_cost_at_decimal_max_is_an_error_not_a_panic() {
    use msp_quote::core::roi::{CostAmount, CostCategory, CostLine, CustomerCosts};
    let priced =
        msp_quote::core::pricing::price_quote(&crate::pricing::book(), &hostile_silver_quote(2))
            .unwrap();
    let costs = CustomerCosts {
        lines: vec![CostLine {
            category: CostCategory::Downtime,
            description: "downtime".to_string(),
            amount: CostAmount::Hourly {
                hours_per_month: rust_decimal::Decimal::MAX,
                rate_per_hour: rust_decimal_macros::dec!(1500),
            },
            avoidable_percent: rust_decimal_macros::dec!(70),
            origin: None,
        }],
        ..CustomerCosts::default()
    };
    let error = msp_quote::core::roi::roi_over_schedule(
        &costs,
        &priced.schedule,
        rust_decimal_macros::dec!(8),
        2,
    )
    .unwrap_err();
    assert_eq!(error.figure, "customer_costs.lines[0] in contract month 1");
}

#[test]
fn million_month_term_through_roi_is_refused_not_a_hang() {
    // A book offering 1,000,000 months: refused where the book is read (limit 120 months), and
    // by the engines themselves for a book built in code.
    let book_text = msp_quote::formats::price_book::STANDARD_BOOK_RON.replace(
        "(months: 12, credits: [])",
        "(months: 1000000, credits: [])",
    );
    let error =
        msp_quote::formats::price_book::parse_price_book(&book_text, "million.ron").unwrap_err();
    assert!(
        error.one_line().contains("terms[0].months"),
        "{}",
        error.one_line()
    );

    let mut book = crate::pricing::book();
    book.terms.push(msp_quote::core::price_book::TermOption {
        months: 1_000_000,
        credits: Vec::new(),
    });
    let mut quote = hostile_silver_quote(2);
    quote.term_months = 1_000_000;
    let costs = msp_quote::core::roi::CustomerCosts {
        annual_growth_percent: rust_decimal_macros::dec!(5),
        ..Default::default()
    };
    let result = crate::hostile::arithmetic::within(30, move || {
        msp_quote::core::roi::roi_options(&book, &quote, &costs, rust_decimal_macros::dec!(8))
            .map(|_| ())
    });
    assert!(result.is_err());
}

#[test]
fn quote_of_four_billion_devices_is_refused_quickly_not_a_hang() {
    // The window hung on a quote of 4,000,000,000 devices: the engines now refuse more than
    // 100,000,000 devices before pricing, and the quote file refuses a line above 10,000,000.
    let quote = hostile_silver_quote(4_000_000_000);
    let book = crate::pricing::book();
    let priced = crate::hostile::arithmetic::within(30, move || {
        msp_quote::core::pricing::price_quote(&book, &quote)
    });
    assert!(priced.is_err());
    let text = r#"(number: "Q", revision: 1, date: "2026-11-01",
        customer: (name: "", contact: "", sites: 1, users: 1, desktops: 0),
        devices: [(tier: "silver", kind: "server", count: 4000000000)],
        term_months: 12, setup: upfront)"#;
    let error = msp_quote::formats::quote::parse_quote(text, "big.ron").unwrap_err();
    assert!(
        error.one_line().contains("devices[0].count"),
        "{}",
        error.one_line()
    );
}

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

mod hostile_files_and_saves {
    use std::os::unix::fs::PermissionsExt;
    use std::time::Duration;

    use msp_quote::formats::write_atomically;

    use crate::hostile::files::{
        RUN_LIMIT, assert_refused, hostile_dir, make_fifo, quote_file, run_within,
    };

    #[test]
    fn a_fifo_given_as_a_quote_no_longer_blocks_forever() {
        let dir = hostile_dir("regression-fifo");
        let fifo = dir.join("quote.ron");
        make_fifo(&fifo);
        let run = run_within(&["price", fifo.to_str().unwrap()], Duration::from_secs(10));
        assert_refused(&run, "FIFO quote", &["quote.ron", "FIFO"]);
    }

    #[test]
    fn saving_over_a_symlink_no_longer_turns_the_link_into_a_file() {
        let dir = hostile_dir("regression-symlink");
        let target = dir.join("target.ron");
        std::fs::write(&target, "old").unwrap();
        let link = dir.join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }

    #[test]
    fn saving_no_longer_widens_a_0600_quote_to_0644() {
        let dir = hostile_dir("regression-0600");
        let path = dir.join("private.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn saving_no_longer_replaces_a_read_only_file_and_makes_it_0644() {
        let dir = hostile_dir("regression-0444");
        let path = dir.join("locked.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_atomically(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o444);
    }

    #[test]
    fn concurrent_saves_no_longer_share_one_temporary_name() {
        let dir = hostile_dir("regression-race");
        let path = dir.join("quote.ron");
        std::thread::scope(|scope| {
            for writer in 0..4u8 {
                let path = path.clone();
                scope.spawn(move || {
                    for _ in 0..20 {
                        write_atomically(&path, &vec![b'a' + writer; 100_000]).unwrap();
                    }
                });
            }
        });
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes.len(), 100_000);
        assert!(bytes.iter().all(|byte| *byte == bytes[0]), "a mixed file");
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|entry| entry.file_name() != "quote.ron")
            .map(|entry| entry.file_name())
            .collect();
        assert!(left.is_empty(), "temporaries left: {left:?}");
    }

    #[test]
    fn negative_flag_values_are_no_longer_taken_for_unknown_options() {
        let dir = hostile_dir("regression-negative");
        let quote = quote_file(&dir, "q.ron");
        let quote = quote.to_str().unwrap();
        let cases: [(&str, Vec<&str>, &str); 4] = [
            (
                "term",
                vec!["price", "--device", "silver:server=7", "--term", "-1"],
                "at least 1",
            ),
            (
                "discount rate",
                vec!["roi", quote, "--discount-rate", "-1200"],
                "0-100",
            ),
            (
                "servers",
                vec!["assessment", "--type", "small", "--servers", "-1"],
                "at least 1",
            ),
            (
                "ledger devices",
                vec!["ledger", "--start", "2026-01", "--devices", "-3"],
                "at least 1",
            ),
        ];
        for (name, args, allowed) in cases {
            let run = run_within(&args, RUN_LIMIT);
            assert_refused(&run, name, &[allowed]);
            assert!(
                !run.stderr.contains("unexpected argument"),
                "case {name}: {}",
                run.stderr
            );
        }
    }

    #[test]
    fn clap_errors_are_no_longer_several_lines() {
        let run = run_within(
            &[
                "price",
                "--device",
                "silver:server=7",
                "--extra-discount",
                "5",
            ],
            RUN_LIMIT,
        );
        assert_refused(&run, "missing --reason", &["--reason"]);
        assert!(!run.stderr.contains("Usage"), "{}", run.stderr);
    }

    #[test]
    fn invalid_utf8_in_ron_is_located_by_line_and_column_not_the_whole_file() {
        let dir = hostile_dir("regression-utf8");
        let path = dir.join("bad.ron");
        std::fs::write(&path, b"(\n  number: \"Q-\xff\",\n)").unwrap();
        let run = run_within(&["price", path.to_str().unwrap()], RUN_LIMIT);
        // Line 2, after `  number: "Q-`: column 14.
        assert_refused(&run, "invalid UTF-8", &["bad.ron:2:14", "UTF-8"]);
        assert!(!run.stderr.contains("whole file"), "{}", run.stderr);
    }

    #[test]
    fn check_price_book_no_longer_accepts_on_site_blocks_of_zero_hours() {
        let dir = hostile_dir("regression-block");
        let book = msp_quote::formats::price_book::STANDARD_BOOK_RON
            .replace("on_site_block_hours: \"4\"", "on_site_block_hours: \"0\"");
        let path = dir.join("book.ron");
        std::fs::write(&path, book).unwrap();
        let run = run_within(&["check-price-book", path.to_str().unwrap()], RUN_LIMIT);
        assert_refused(&run, "zero-hour blocks", &["flex_time.on_site_block_hours"]);
    }

    #[test]
    fn screenshot_of_a_garbage_quote_no_longer_exits_0() {
        let dir = hostile_dir("regression-screenshot");
        let garbage = dir.join("garbage.ron");
        std::fs::write(&garbage, "(number: \"Q-1\", devices: [").unwrap();
        let png = dir.join("shot.png");
        let run = run_within(
            &[
                "--screenshot",
                png.to_str().unwrap(),
                garbage.to_str().unwrap(),
            ],
            RUN_LIMIT,
        );
        assert_refused(&run, "garbage quote", &["garbage.ron:"]);
        assert!(!png.exists());
    }
}

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

// ---------------------------------------------------------------------------------------------
// Clean-up pass (one conversion for a quote's and an amendment's lines)
// ---------------------------------------------------------------------------------------------

#[test]
fn an_amendments_device_and_addon_counts_escaped_the_quotes_limits() {
    // An amendment's lines were converted by their own copy of the quote's code, without the
    // limits: 10,000,001 devices (or add-ons) on one line, or 100,000,001 devices in all, were
    // taken in an amendment and refused in the quote itself. Limits: counts at most 10,000,000;
    // a quote's devices at most 100,000,000 (docs: limits of issue 15).
    let ten_lines = (0..10)
        .map(|_| r#"(tier: "silver", kind: "server", count: 10000001)"#)
        .collect::<Vec<_>>()
        .join(", ");
    let cases = [
        (
            "one device line past the count limit",
            r#"devices: [(tier: "silver", kind: "server", count: 10000001)]"#.to_string(),
            "amendments[0].devices[0].count: 10000001 is above the limit of 10,000,000",
        ),
        (
            "one add-on line past the count limit",
            r#"addons: [(id: "offsite-backup", quantity: 10000001)]"#.to_string(),
            "amendments[0].addons[0].quantity: 10000001 is above the limit of 10,000,000",
        ),
        (
            "devices summed past the quote's limit",
            format!("devices: [{ten_lines}]"),
            "amendments[0].devices: 100000010 devices in all is above the limit of 100,000,000",
        ),
    ];
    for (name, lines, expected) in cases {
        let text = format!(
            r#"(number: "Q-1", revision: 1, date: "2026-01-05", term_months: 12, setup: upfront,
                devices: [(tier: "silver", kind: "server", count: 7)],
                amendments: [(effective_date: "2026-03-01", {lines})])"#
        );
        let error = msp_quote::formats::quote::parse_quote(&text, "c.ron").unwrap_err();
        let problems = error.lines().join("\n");
        assert!(problems.contains(expected), "case {name}: {problems}");
    }
}

// ---------------------------------------------------------------------------------------------
// Reproducibility: a quote or document must never pin a price book that is in no file
// ---------------------------------------------------------------------------------------------

/// The bug: with the Silver price edited in the Price book tab and not saved, Save quote wrote
/// a pin whose SHA-256 was that of the unsaved edit (and the appendix printed it): months
/// later no book file has it, so the quote could not be re-priced from its pin. Now saving
/// and exporting are refused with the reason until the book is saved as a new version (or
/// the edit undone); then the quote pins the saved file.
#[test]
fn saving_a_quote_priced_with_unsaved_book_edits_pinned_a_book_no_file_has() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
    use msp_quote::formats::price_book::sha256_hex;

    use crate::app::replace_text;

    let dir = std::env::temp_dir().join(format!("msp-quote-unsaved-book-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dialogs = ScriptedDialogs::new();
    let mut app = QuoteApp::new(AppSetup::headless(dialogs.clone()));
    app.set_tab(Tab::PriceBook);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run_steps(2);
    let embedded_pin = harness.state().book().pin();
    let pin_before = harness.state().quote().price_book_pin.clone();
    replace_text(&mut harness, "Silver monthly price, Server", "790");
    assert_ne!(harness.state().book().sha256, embedded_pin.sha256);

    // Save quote as: refused before a path is asked; nothing written, the quote kept.
    let quote_path = dir.join("quote.ron");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run_steps(3);
    assert!(
        dialogs.asked().is_empty(),
        "a path was asked: {:?}",
        dialogs.asked()
    );
    assert!(
        !quote_path.exists(),
        "a quote pinning an unsaved book was written"
    );
    let refusal = harness.state().notices().last().unwrap().text.clone();
    assert!(refusal.contains("not saved in a file"), "{refusal}");
    assert_eq!(
        harness.state().quote().price_book_pin,
        pin_before,
        "the pin was stamped"
    );

    // The Documents tab says why export is blocked, and its buttons are off.
    harness.state_mut().set_tab(Tab::Documents);
    harness.run_steps(2);
    assert!(
        harness
            .get_by(|node| node.label().as_deref() == Some("Export blocked"))
            .value()
            .unwrap_or_default()
            .contains("save the book as a new version")
    );
    assert!(
        harness
            .get_by_label("Export proposal (PDF)…")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .get_by_label("Export SOW appendix (PDF)…")
            .accesskit_node()
            .is_disabled()
    );

    // Saved as a new version, the book is a file: the quote saves and pins that file.
    harness.state_mut().set_tab(Tab::PriceBook);
    harness.run_steps(2);
    replace_text(&mut harness, "New version", "2026.2");
    let book_path = dir.join("standard-2026.2.ron");
    dialogs.push(&book_path);
    harness.get_by_label("Save as a new version…").click();
    harness.run_steps(3);
    dialogs.push(&quote_path);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run_steps(3);
    assert!(quote_path.exists(), "{:?}", harness.state().notices());
    let pin = harness.state().quote().price_book_pin.clone().unwrap();
    assert_eq!(pin.sha256, sha256_hex(&std::fs::read(&book_path).unwrap()));
    assert_eq!(pin.version, "2026.2");
    std::fs::remove_dir_all(&dir).unwrap();
}
