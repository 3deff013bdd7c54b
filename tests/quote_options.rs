//! A quote file carrying its pricing options (issue 7, deliverable 6): the RON round trip, the
//! located problems, `price QUOTE.ron` pricing the file's options (flags overriding them), and
//! the core's combined view agreeing with the CLI. Figures from docs/OPTIONS.md (standard book:
//! Technical Specialist 50.00/h, Systems Consultant 85.00/h, labour markup 40%).

use std::process::Command;

use msp_quote::core::options::components::{ComponentChoice, ComponentLine};
use msp_quote::core::options::package::Acquisition;
use msp_quote::core::options::{
    PackageChoice, PackageSelector, QuoteOptions, price_quote_options, priced_with_options,
};
use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::formats::price_book::standard_book;
use msp_quote::formats::quote::{parse_quote, quote_to_ron};

fn line(choice: ComponentChoice, kind: &str, count: u32) -> ComponentLine {
    ComponentLine {
        choice,
        kind: kind.to_string(),
        count,
    }
}

fn quote_with(options: QuoteOptions) -> Quote {
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "silver".to_string(),
        kind: "server".to_string(),
        count: 7,
    }];
    quote.options = options;
    quote
}

fn all_options() -> QuoteOptions {
    QuoteOptions {
        components: vec![line(
            ComponentChoice::Component("monitoring".to_string()),
            "server",
            5,
        )],
        phases: vec![line(ComponentChoice::Phase(2), "server", 5)],
        package: Some(PackageChoice {
            selector: PackageSelector::Band("11-25".to_string()),
            acquisition: Acquisition::Owned,
        }),
    }
}

#[test]
fn quote_options_round_trip_exactly_in_the_quote_ron() {
    let cases = [
        ("none", QuoteOptions::default()),
        ("all", all_options()),
        (
            "components only",
            QuoteOptions {
                components: vec![
                    line(
                        ComponentChoice::Component("patching".to_string()),
                        "server",
                        3,
                    ),
                    line(
                        ComponentChoice::Component("antivirus".to_string()),
                        "workstation",
                        20,
                    ),
                ],
                ..QuoteOptions::default()
            },
        ),
        (
            "package by users, leased",
            QuoteOptions {
                package: Some(PackageChoice {
                    selector: PackageSelector::Users(18),
                    acquisition: Acquisition::Leased,
                }),
                ..QuoteOptions::default()
            },
        ),
    ];
    for (name, options) in cases {
        let quote = quote_with(options);
        let text = quote_to_ron(&quote).unwrap();
        let back = parse_quote(&text, "q.ron").unwrap();
        assert_eq!(back, quote, "{name}");
        assert_eq!(quote_to_ron(&back).unwrap(), text, "{name}: text changed");
        // A quote without options keeps the file it always had: no `options` field.
        assert_eq!(text.contains("options:"), name != "none", "{name}");
    }
}

#[test]
fn an_options_field_in_ron_reads_as_written() {
    let text = r#"(
        number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront,
        options: (
            components: [(component: "monitoring", kind: "server", count: 5)],
            phases: [(phase: 2, kind: "server", count: 5)],
            package: Some((band: Some("11-25"))),
        ),
    )"#;
    let quote = parse_quote(text, "q.ron").unwrap();
    let mut expected = all_options();
    expected.package = Some(PackageChoice {
        selector: PackageSelector::Band("11-25".to_string()),
        acquisition: Acquisition::Owned, // the default when `acquisition` is left out
    });
    assert_eq!(quote.options, expected);
}

#[test]
fn bad_options_are_reported_with_their_field_paths() {
    let text = r#"(
        number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront,
        options: (
            components: [(component: "", kind: "server", count: 0)],
            phases: [(phase: 0, kind: " ", count: 2)],
            package: Some((band: Some("1-10"), users: Some(4))),
        ),
    )"#;
    let error = parse_quote(text, "q.ron").unwrap_err();
    let lines = error.lines().join("\n");
    for path in [
        "options.components[0].component",
        "options.components[0].count",
        "options.phases[0].phase",
        "options.phases[0].kind",
        "options.package",
    ] {
        assert!(lines.contains(path), "no problem at {path}:\n{lines}");
    }
    assert_eq!(error.problems.len(), 5, "{lines}");
}

#[test]
fn the_combined_view_agrees_with_the_combined_totals() {
    let loaded = standard_book().unwrap();
    let quote = quote_with(all_options());
    let priced = price_quote(&loaded.book, &quote).unwrap();
    let options = price_quote_options(&loaded.book, &quote.options, &priced).unwrap();
    // monitoring 70.00 x 5 = 350.00; phase 2 119.00 x 5 = 595.00; 11-25 owned 1,390.00.
    assert_eq!(options.options_monthly.to_string(), "2335.00");
    let combined = priced_with_options(&priced, &options).unwrap();
    assert_eq!(
        combined.monthly_recurring,
        options.combined.monthly_recurring
    );
    assert_eq!(combined.first_invoice(), options.combined.first_invoice);
    assert_eq!(
        combined.total_contract_value,
        options.combined.total_contract_value
    );
    // Silver 4,830.00 + 2,335.00 = 7,165.00; 7,165 x 12 + 1,000 setup = 86,980.00.
    assert_eq!(combined.total_contract_value.to_string(), "86980.00");
    assert_eq!(combined.effective_monthly.to_string(), "7248.33"); // 86,980 / 12
}

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1772409600")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn run_json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn price_saves_a_quotes_options_prices_them_from_the_file_and_flags_override_them() {
    let dir = std::env::temp_dir().join(format!("msp-quote-quote-options-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("q.ron");
    let file = file.to_str().unwrap();
    let flags = [
        "--device",
        "silver:server=7",
        "--component",
        "monitoring:server=5",
        "--phase",
        "2:server=5",
        "--package",
        "11-25",
    ];
    let from_flags =
        run_json(&[&["price", "--format", "json", "--save", file][..], &flags].concat());
    let saved = std::fs::read_to_string(file).unwrap();
    assert!(saved.contains("options:"), "{saved}");
    // The file alone gives the same options object: 7,165.00 a month, 86,980.00 in total.
    let from_file = run_json(&["price", file, "--format", "json"]);
    assert_eq!(from_file["options"], from_flags["options"]);
    assert_eq!(
        from_file["options"]["combined_monthly_recurring"],
        "7165.00"
    );
    assert_eq!(
        from_file["options"]["combined_total_contract_value"],
        "86980.00"
    );
    // --phase replaces the file's phase lines only: phase 1 on 5 servers is 70.00 x 5 =
    // 350.00; monitoring (350.00) and the package (1,390.00) stay: 2,090.00.
    let overridden = run_json(&["price", file, "--phase", "1:server=5", "--format", "json"]);
    let options = &overridden["options"];
    assert_eq!(options["components"][0]["monthly"], "350.00");
    assert_eq!(options["components"][1]["per_device_monthly_fee"], "70.00");
    assert_eq!(options["package"]["monthly_fee"], "1390.00");
    assert_eq!(options["options_monthly"], "2090.00");
    // --package with --lease replaces the file's package.
    let leased = run_json(&[
        "price",
        file,
        "--package",
        "1-10",
        "--lease",
        "--format",
        "json",
    ]);
    assert_eq!(leased["options"]["package"]["band"], "1-10");
    assert_eq!(leased["options"]["package"]["acquisition"], "leased");
    // A file whose option the book cannot price is one clear line, exit 2.
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, saved.replace("\"monitoring\"", "\"juggling\"")).unwrap();
    let (code, _, stderr) = run(&["price", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("juggling"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// Regression: the ROI of a quote with pricing options counted only the tiers, so the
/// investment disagreed with the contract value the documents print.
#[test]
fn roi_invests_what_the_customer_pays_with_the_options() {
    use msp_quote::core::roi::{
        CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, RoiOptionKind, roi_options,
    };
    use rust_decimal_macros::dec;
    // 7 Silver for 24 months with phase 1 on one server (70.00 a month, docs/OPTIONS.md):
    // paid = (4,830.00 + 70.00) x 24 + 1,000.00 setup - 1,200.00 credit = 117,400.00.
    // Current costs 6,000.00 a month, fully avoidable: 144,000.00; net savings 26,600.00.
    let mut quote = quote_with(QuoteOptions {
        phases: vec![line(ComponentChoice::Phase(1), "server", 1)],
        ..QuoteOptions::default()
    });
    quote.term_months = 24;
    let costs = CustomerCosts {
        lines: vec![CostLine {
            category: CostCategory::InternalStaff,
            description: "IT staff".to_string(),
            amount: CostAmount::Periodic {
                amount: dec!(6000.00),
                period: CostPeriod::Monthly,
            },
            avoidable_percent: dec!(100),
            origin: None,
        }],
        ..CustomerCosts::default()
    };
    let book = standard_book().unwrap().book;
    let (options, _) = roi_options(&book, &quote, &costs, dec!(0)).unwrap();
    let as_is = options
        .iter()
        .find(|option| option.kind == RoiOptionKind::QuoteAsIs)
        .unwrap();
    assert_eq!(as_is.total_contract_value, dec!(117400.00));
    assert_eq!(as_is.roi.investment, dec!(117400.00));
    assert_eq!(as_is.roi.net_savings, dec!(26600.00));
    assert_eq!(as_is.monthly_recurring, dec!(4900.00));
}
