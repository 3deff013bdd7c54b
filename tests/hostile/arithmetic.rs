//! Hostile input: arithmetic. Every amount that parses but would overflow exact decimal
//! arithmetic, every count that would wrap, and every term that would take forever gives a
//! typed error naming the field (through the library) or exit 2 with one located line (through
//! the binary), or a correct result; nothing panics or hangs.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use msp_quote::core::cost::{
    Acquisition, CostAnalysis, CostError, HardwareLine, SoftwareBasis, SoftwareBilling,
    SoftwareLine, analyse_cost,
};
use msp_quote::core::limits::{MAX_QUOTE_DEVICES, MAX_TERM_MONTHS};
use msp_quote::core::money::AmountTooLarge;
use msp_quote::core::options::OptionError;
use msp_quote::core::options::ledger::{LedgerRequest, Usage, UsageKind, YearMonth, build_ledger};
use msp_quote::core::price_book::{CreditBasis, PriceBook, TermCredit, TermOption};
use msp_quote::core::pricing::{PricingError, price_quote};
use msp_quote::core::quote::{DeviceLine, Quote, SetupMode};
use msp_quote::core::roi::{
    CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, RoiPricingError, roi_options,
    roi_over_schedule,
};
use msp_quote::formats::price_book::STANDARD_BOOK_RON;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::cli::scratch_dir;
use crate::pricing::{book, quote};

/// The largest decimal: 79228162514264337593543950335.
const HUGE: &str = "79228162514264337593543950335";

/// 6 x 10^23: one such amount is exact; two sum past the 10^24 from which cents are lost
/// (`money::LARGEST_EXACT_AMOUNT`).
const SIX_E23: Decimal = dec!(600000000000000000000000);

/// Runs `f` on another thread and fails the test when it takes longer than `seconds`.
pub fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(f());
    });
    receiver
        .recv_timeout(Duration::from_secs(seconds))
        .unwrap_or_else(|_| panic!("did not finish within {seconds} s (or panicked)"))
}

/// Runs the binary, killing it and failing the test after `seconds`.
pub fn run_within(seconds: u64, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795737600")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("msp-quote {args:?} did not finish within {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Asserts exit 2 with one line on stderr that contains every one of `needles`.
pub fn assert_refused(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "'{needle}' missing from: {stderr}");
    }
}

fn write(name: &str, text: &str) -> PathBuf {
    let path = scratch_dir("hostile-arithmetic").join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The standard book's RON with `from` replaced by `to` (which must occur once).
fn standard_book_with(from: &str, to: &str) -> String {
    assert_eq!(STANDARD_BOOK_RON.matches(from).count(), 1, "'{from}'");
    STANDARD_BOOK_RON.replace(from, to)
}

fn too_large(figure: &str) -> AmountTooLarge {
    AmountTooLarge {
        figure: figure.to_string(),
    }
}

fn silver_servers(count: u32) -> Quote {
    quote(&[("silver", count)], 12, SetupMode::Upfront)
}

fn set_silver_price(book: &mut PriceBook, price: Decimal) {
    let silver = book.tiers.iter_mut().find(|t| t.id == "silver").unwrap();
    silver.monthly_prices.insert("server".to_string(), price);
}

// --- Through the library -----------------------------------------------------------------

#[test]
fn a_tier_price_at_decimal_max_is_an_error_naming_the_price() {
    let mut book = book();
    set_silver_price(&mut book, Decimal::MAX);
    let error = price_quote(&book, &silver_servers(2)).unwrap_err();
    let PricingError::AmountTooLarge(error) = error else {
        panic!("{error:?}");
    };
    assert!(
        error.figure.contains("tiers.silver.monthly_prices.server"),
        "{}",
        error.figure
    );
}

#[test]
fn a_huge_price_times_many_devices_is_an_error_not_a_panic() {
    // 1e24 x 10,000,000 = 1e31: past the 7.9e28 of exact decimals.
    let mut book = book();
    set_silver_price(&mut book, Decimal::from_i128_with_scale(10i128.pow(24), 0));
    let error = price_quote(&book, &silver_servers(10_000_000)).unwrap_err();
    assert!(
        matches!(error, PricingError::AmountTooLarge(_)),
        "{error:?}"
    );
    // 1e20 x 4,000,000,000 devices: refused by the device limit before any arithmetic.
    set_silver_price(&mut book, Decimal::from_i128_with_scale(10i128.pow(20), 0));
    let error = within(30, move || {
        price_quote(&book, &silver_servers(4_000_000_000))
    })
    .unwrap_err();
    assert_eq!(
        error,
        PricingError::TooManyDevices {
            count: 4_000_000_000,
            max: MAX_QUOTE_DEVICES
        }
    );
}

#[test]
fn a_large_price_within_the_limits_is_priced_exactly() {
    // 1,000,000,000.00 x 10,000,000 devices x 36 months = 3.6e17: exact. 10,000,000 servers
    // are past the last band (51-100, 25%): 750,000,000.00 a server.
    let mut book = book();
    set_silver_price(&mut book, dec!(1000000000));
    let mut quote = silver_servers(10_000_000);
    quote.term_months = 36;
    let priced = price_quote(&book, &quote).unwrap();
    assert_eq!(priced.lines[0].unit_net, dec!(750000000.00));
    assert_eq!(priced.monthly_recurring, dec!(7500000000000000.00));
    // 36 months + setup 1,000.00 - credits 2 x 1,200.00.
    assert_eq!(
        priced.total_contract_value,
        dec!(270000000000000000.00) + dec!(1000) - dec!(2400)
    );
}

#[test]
fn setup_and_credits_at_decimal_max_are_errors_naming_them() {
    let mut setup_book = book();
    setup_book.setup.amount = Decimal::MAX;
    let error = price_quote(&setup_book, &silver_servers(1)).unwrap_err();
    assert_eq!(
        error,
        PricingError::AmountTooLarge(too_large("the amount due in contract month 1"))
    );

    let mut credit_book = book();
    credit_book.terms = vec![TermOption {
        months: 12,
        credits: vec![TermCredit {
            month: 12,
            amount: Decimal::MAX,
            per: CreditBasis::PerDevice,
        }],
    }];
    let error = price_quote(&credit_book, &silver_servers(2)).unwrap_err();
    let PricingError::AmountTooLarge(error) = error else {
        panic!("{error:?}");
    };
    assert!(
        error.figure.starts_with("terms.12.credits"),
        "{}",
        error.figure
    );
}

#[test]
fn device_counts_summed_past_u32_are_refused_not_wrapped() {
    let quote = quote(&[("silver", u32::MAX), ("gold", 2)], 12, SetupMode::Upfront);
    assert_eq!(quote.device_count(), 4_294_967_297);
    assert_eq!(
        price_quote(&book(), &quote).unwrap_err(),
        PricingError::TooManyDevices {
            count: 4_294_967_297,
            max: MAX_QUOTE_DEVICES
        }
    );
}

#[test]
fn a_million_month_term_is_refused_quickly_by_pricing_and_roi() {
    let mut book = book();
    book.terms.push(TermOption {
        months: 1_000_000,
        credits: Vec::new(),
    });
    let mut quote = silver_servers(2);
    quote.term_months = 1_000_000;
    let costs = CustomerCosts {
        lines: vec![cost_line(CostAmount::Periodic {
            amount: dec!(6000),
            period: CostPeriod::Monthly,
        })],
        annual_growth_percent: dec!(3),
        ..CustomerCosts::default()
    };
    let expected = PricingError::TermTooLong {
        term: 1_000_000,
        max: MAX_TERM_MONTHS,
    };
    let (priced, roi) = within(30, move || {
        (
            price_quote(&book, &quote),
            roi_options(&book, &quote, &costs, dec!(8)).map(|_| ()),
        )
    });
    assert_eq!(priced.unwrap_err(), expected);
    assert_eq!(roi.unwrap_err(), RoiPricingError::Pricing(expected));
}

fn cost_line(amount: CostAmount) -> CostLine {
    CostLine {
        category: CostCategory::InternalStaff,
        description: "hostile".to_string(),
        amount,
        avoidable_percent: dec!(100),
        origin: None,
    }
}

#[test]
fn customer_costs_at_decimal_max_are_errors_naming_the_line() {
    let priced = price_quote(&book(), &silver_servers(2)).unwrap();
    let cases = [
        (
            "hours x rate",
            vec![cost_line(CostAmount::Hourly {
                hours_per_month: Decimal::MAX,
                rate_per_hour: dec!(2),
            })],
            "customer_costs.lines[0] in contract month 1",
        ),
        (
            "two lines summing past 10^24",
            vec![
                cost_line(CostAmount::Periodic {
                    amount: SIX_E23,
                    period: CostPeriod::Monthly,
                }),
                cost_line(CostAmount::Periodic {
                    amount: SIX_E23,
                    period: CostPeriod::Monthly,
                }),
            ],
            "customer_costs.lines[1] in contract month 1",
        ),
    ];
    for (name, lines, figure) in cases {
        let costs = CustomerCosts {
            lines,
            ..CustomerCosts::default()
        };
        assert_eq!(
            roi_over_schedule(&costs, &priced.schedule, dec!(8), 2),
            Err(too_large(figure)),
            "case {name}"
        );
    }
}

fn analysis_with(hardware: Vec<HardwareLine>, software: Vec<SoftwareLine>) -> CostAnalysis {
    let mut analysis = CostAnalysis {
        hardware,
        software,
        ..CostAnalysis::default()
    };
    analysis.labour.tasks = Some(Vec::new());
    analysis.labour.include_tier_hours = false;
    analysis.labour.setup_cost_per_device = Some(Decimal::ZERO);
    analysis
}

fn hardware(unit_cost: Decimal, quantity: u32, acquisition: Acquisition) -> HardwareLine {
    HardwareLine {
        description: "hostile".to_string(),
        quantity,
        unit_cost,
        acquisition,
        source: Some("Costs!C7".to_string()),
    }
}

#[test]
fn cost_analysis_amounts_at_decimal_max_are_errors_naming_the_field() {
    let book = book();
    let quote = silver_servers(2);
    let leased = Acquisition::Leased {
        apr_percent: dec!(6),
        months: 36,
    };
    let software = SoftwareLine {
        description: "imported licence".to_string(),
        basis: SoftwareBasis::PerDevice,
        quantity: Some(3),
        unit_cost: Decimal::MAX,
        billing: SoftwareBilling::Monthly,
        source: Some("Costs!C9".to_string()),
    };
    let cases = [
        (
            "purchased hardware",
            analysis_with(
                vec![hardware(Decimal::MAX, 2, Acquisition::Purchased)],
                vec![],
            ),
            "cost_analysis.hardware[0].unit_cost",
        ),
        (
            "leased hardware",
            analysis_with(vec![hardware(Decimal::MAX, 1, leased)], vec![]),
            "cost_analysis.hardware[0].unit_cost",
        ),
        (
            "imported software unit cost",
            analysis_with(vec![], vec![software]),
            "cost_analysis.software[0].unit_cost",
        ),
        (
            "two monthly lines summing past 10^24",
            analysis_with(
                vec![
                    hardware(SIX_E23, 1, Acquisition::Monthly),
                    hardware(SIX_E23, 1, Acquisition::Monthly),
                ],
                vec![],
            ),
            "the hardware cost",
        ),
    ];
    for (name, analysis, field) in cases {
        let error: CostError = analyse_cost(&book, &quote, &analysis).unwrap_err();
        assert_eq!(error.field, field, "case {name}");
        assert!(error.message.contains("too large"), "case {name}: {error}");
    }
}

#[test]
fn hourly_costs_and_reserves_at_decimal_max_are_errors_naming_them() {
    let book = book();
    let mut analysis = CostAnalysis::default();
    analysis
        .hourly_costs
        .insert("technical-specialist".to_string(), Decimal::MAX);
    // 4 devices x 0.5 h of the first catalog task x the maximum.
    let error = analyse_cost(&book, &silver_servers(4), &analysis).unwrap_err();
    assert!(error.message.contains("too large"), "{error}");
    assert!(
        error.field.starts_with("price_book.cost_defaults.tasks[0]"),
        "{error}"
    );
    assert!(error.field.contains("technical-specialist"), "{error}");
    let quote = silver_servers(2);

    let mut reserve_book = book.clone();
    for tier in &mut reserve_book.tiers {
        tier.internal_reserve_per_device = Decimal::MAX;
    }
    let error = analyse_cost(&reserve_book, &quote, &analysis_with(vec![], vec![])).unwrap_err();
    assert_eq!(error.field, "tiers.bronze.internal_reserve_per_device");
}

#[test]
fn ledger_usage_and_included_hours_past_the_limits_are_errors() {
    let request = |hours: Decimal| LedgerRequest {
        start: YearMonth {
            year: 2026,
            month: 1,
        },
        months: 12,
        devices: 5,
        tier: "silver".to_string(),
        usage: vec![Usage {
            month: YearMonth {
                year: 2026,
                month: 3,
            },
            kind: UsageKind::Support,
            hours,
        }],
    };
    let book = book();
    let error = build_ledger(&book, &request(Decimal::MAX)).unwrap_err();
    assert!(
        matches!(
            error,
            OptionError::OutOfRange {
                what: "a usage entry's hours",
                ..
            }
        ),
        "{error:?}"
    );
    let mut hours_book = book.clone();
    for tier in &mut hours_book.tiers {
        tier.included_support_hours = Decimal::MAX;
    }
    assert_eq!(
        build_ledger(&hours_book, &request(dec!(2))).unwrap_err(),
        OptionError::AmountTooLarge(too_large("tiers.silver.included_support_hours"))
    );
    // 1,000,000 hours of support in one month: within the limits, billed exactly.
    let ledger = build_ledger(&book, &request(dec!(1000000))).unwrap();
    assert!(ledger.billable_amount > Decimal::ZERO);
}

// --- Through the binary ------------------------------------------------------------------

#[test]
fn the_cli_refuses_a_tier_price_at_decimal_max_with_its_field() {
    let book = write(
        "huge-price.ron",
        &standard_book_with(
            r#"monthly_prices: {"server": "750.00"}"#,
            &format!(r#"monthly_prices: {{"server": "{HUGE}"}}"#),
        ),
    );
    let output = run_within(
        60,
        &[
            "price",
            "--price-book",
            book.to_str().unwrap(),
            "--device",
            "silver:server=2",
        ],
    );
    assert_refused(
        &output,
        &["tiers[1].monthly_prices.server", "limit of 1,000,000,000"],
    );
}

#[test]
fn the_cli_refuses_huge_book_amounts_and_a_million_month_term_with_their_field() {
    let cases = [
        (
            r#"setup: (amount: "1000.00""#.to_string(),
            format!(r#"setup: (amount: "{HUGE}""#),
            "setup.amount",
        ),
        (
            r#"internal_reserve_per_device: "0.00""#.to_string(),
            format!(r#"internal_reserve_per_device: "{HUGE}""#),
            "tiers[0].internal_reserve_per_device",
        ),
        (
            r#"(month: 24, amount: "1200.00", per: per_contract)"#.to_string(),
            format!(r#"(month: 24, amount: "{HUGE}", per: per_device)"#),
            "terms[1].credits[0].amount",
        ),
        (
            "(months: 12, credits: [])".to_string(),
            "(months: 1000000, credits: [])".to_string(),
            "terms[0].months",
        ),
    ];
    let quote = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/roi-two-silver-servers.ron"
    );
    let pdf = scratch_dir("hostile-arithmetic").join("appendix.pdf");
    for (index, (from, to, field)) in cases.iter().enumerate() {
        let book = write(&format!("book-{index}.ron"), &standard_book_with(from, to));
        let book = book.to_str().unwrap();
        for command in ["price", "roi", "appendix", "proposal"] {
            let mut args = vec![command, quote, "--price-book", book];
            if matches!(command, "appendix" | "proposal") {
                args.extend(["-o", pdf.to_str().unwrap()]);
            }
            let output = run_within(60, &args);
            assert_refused(&output, &[field]);
        }
    }
    assert!(!pdf.exists(), "no document from a refused book");
}

#[test]
fn the_cli_refuses_device_counts_that_would_wrap_u32() {
    let output = run_within(
        60,
        &[
            "price",
            "--device",
            "silver:server=4294967295",
            "--device",
            "gold:server=2",
        ],
    );
    assert_refused(&output, &["'4294967295'", "at most 10000000"]);
}

fn quote_file(name: &str, extra: &str) -> PathBuf {
    write(
        name,
        &format!(
            r#"(
    number: "Q-HOSTILE", revision: 1, date: "2026-11-01",
    customer: (name: "Hostile", contact: "", sites: 1, users: 20, desktops: 0),
    devices: [(tier: "silver", kind: "server", count: 2)],
    term_months: 24,
    setup: upfront,
    {extra}
)"#
        ),
    )
}

#[test]
fn the_cli_refuses_huge_amounts_in_a_quote_with_their_field() {
    let cases = [
        (
            "hardware.ron",
            format!(
                r#"cost_analysis: Some((hardware: [(description: "x", quantity: 1, unit_cost: "{HUGE}", acquisition: purchased)])),"#
            ),
            "cost",
            "cost_analysis.hardware[0].unit_cost",
        ),
        (
            "hourly-costs.ron",
            format!(r#"cost_analysis: Some((hourly_costs: {{"technical-specialist": "{HUGE}"}})),"#),
            "cost",
            "cost_analysis.hourly_costs.technical-specialist",
        ),
        (
            "labour-hours.ron",
            format!(
                r#"cost_analysis: Some((labour: (extra: [(description: "x", role: "technical-specialist", hours_per_month: "{HUGE}")]))),"#
            ),
            "cost",
            "cost_analysis.labour.extra[0].hours_per_month",
        ),
        (
            "customer-costs.ron",
            format!(
                r#"customer_costs: Some((lines: [(category: "internal_staff", description: "x", amount: periodic(amount: "{HUGE}", period: monthly), avoidable_percent: "100")], annual_growth_percent: "0")),"#
            ),
            "roi",
            "customer_costs.lines[0].amount.amount",
        ),
        (
            "lease.ron",
            r#"cost_analysis: Some((hardware: [(description: "x", quantity: 1, unit_cost: "10.00", acquisition: leased(apr_percent: "5", months: 1000000))])),"#
                .to_string(),
            "cost",
            "cost_analysis.hardware[0].acquisition.months",
        ),
    ];
    for (name, extra, command, field) in cases {
        let path = quote_file(name, &extra);
        let output = run_within(60, &[command, path.to_str().unwrap()]);
        assert_refused(&output, &[field]);
    }
}

#[test]
fn the_cli_refuses_ledger_usage_past_the_hour_limit() {
    let usage = format!("2026-03:support:{HUGE}");
    let output = run_within(
        60,
        &[
            "ledger",
            "--start",
            "2026-01",
            "--devices",
            "5",
            "--tier",
            "silver",
            "--usage",
            &usage,
        ],
    );
    assert_refused(&output, &["hours", "at most 1000000"]);
}

// --- Property: arbitrary decimals ----------------------------------------------------------

/// Any decimal of the full range: zero, Decimal::MAX, or 96 random bits at a random scale.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        (0u64..10_000_000_000).prop_map(|cents| Decimal::new(cents as i64, 2)),
    ]
}

/// Non-negative amounts (what the book's and the analysis's domain allows).
fn any_amount() -> impl Strategy<Value = Decimal> {
    any_decimal().prop_map(|amount| amount.abs())
}

fn any_count() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(1u32),
        Just(u32::MAX),
        1u32..200,
        any::<u32>().prop_map(|n| n.max(1))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn pricing_any_decimals_reconciles_or_names_what_is_too_large(
        price in any_amount(),
        setup in any_amount(),
        credit in any_amount(),
        per_device in any::<bool>(),
        counts in prop::collection::vec(any_count(), 1..4),
        term in prop::sample::select(vec![12u32, 24, 36]),
        amortized in any::<bool>(),
        addon_price in any_amount(),
        addon_quantity in any_count(),
        extra in prop::option::of(any_decimal()),
    ) {
        let mut book = book();
        set_silver_price(&mut book, price);
        book.setup.amount = setup;
        book.addons[0].monthly_price = addon_price;
        for option in &mut book.terms {
            option.credits = vec![TermCredit {
                month: option.months,
                amount: credit,
                per: if per_device { CreditBasis::PerDevice } else { CreditBasis::PerContract },
            }];
        }
        let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
        quote.devices = counts
            .iter()
            .map(|&count| DeviceLine { tier: "silver".into(), kind: "server".into(), count })
            .collect();
        quote.term_months = term;
        quote.setup_mode = if amortized { SetupMode::Amortized } else { SetupMode::Upfront };
        quote.addons = vec![msp_quote::core::quote::AddOnLine {
            id: book.addons[0].id.clone(),
            quantity: addon_quantity,
        }];
        quote.extra_discount = extra.map(|percent| msp_quote::core::quote::ExtraDiscount {
            percent,
            reason: "hostile".into(),
        });
        match price_quote(&book, &quote) {
            Ok(priced) => {
                let lines: Decimal = priced.lines.iter().map(|line| line.monthly).sum::<Decimal>()
                    + priced.addons.iter().map(|addon| addon.monthly).sum::<Decimal>();
                prop_assert_eq!(priced.monthly_recurring, lines);
                for line in &priced.lines {
                    let segments: Decimal = line.segments.iter().map(|s| s.amount).sum();
                    prop_assert_eq!(line.monthly, segments);
                }
                let dues: Decimal = priced.schedule.iter().map(|month| month.due).sum();
                prop_assert_eq!(priced.total_contract_value, dues);
                let setup_parts: Decimal = priced.schedule.iter().map(|month| month.setup).sum();
                prop_assert_eq!(setup_parts, setup);
                for month in &priced.schedule {
                    prop_assert_eq!(month.due, month.recurring + month.setup - month.credit);
                }
            }
            Err(PricingError::AmountTooLarge(error)) => prop_assert!(!error.figure.is_empty()),
            Err(PricingError::TooManyDevices { count, .. }) => {
                prop_assert!(count > MAX_QUOTE_DEVICES);
            }
            Err(PricingError::ExtraDiscountOutOfRange { .. }) => {
                let percent = extra.unwrap_or_default();
                prop_assert!(percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED);
            }
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
    }

    #[test]
    fn cost_any_decimals_categories_sum_to_the_total_or_an_error_names_the_field(
        unit_costs in prop::collection::vec((any_amount(), any_count()), 1..4),
        software_cost in any_amount(),
        hourly_cost in any_amount(),
        reserve in any_amount(),
        markup in any_amount(),
        devices in any_count(),
    ) {
        let mut book = book();
        for tier in &mut book.tiers {
            tier.internal_reserve_per_device = reserve;
        }
        let hardware = unit_costs
            .iter()
            .map(|&(cost, quantity)| hardware(cost, quantity, Acquisition::Purchased))
            .collect();
        let software = vec![SoftwareLine {
            description: "licence".into(),
            basis: SoftwareBasis::PerDevice,
            quantity: None,
            unit_cost: software_cost,
            billing: SoftwareBilling::Annual,
            source: None,
        }];
        let mut analysis = CostAnalysis {
            managed_devices: Some(devices),
            hardware,
            software,
            ..CostAnalysis::default()
        };
        analysis.hourly_costs.insert("technical-specialist".into(), hourly_cost);
        analysis.markups.insert("hardware".into(), markup);
        match analyse_cost(&book, &silver_servers(3), &analysis) {
            Ok(breakdown) => {
                let categories: Decimal = breakdown.categories.iter().map(|c| c.cost).sum();
                prop_assert_eq!(breakdown.total_monthly_cost, categories);
                for figures in &breakdown.categories {
                    let lines: Decimal = breakdown
                        .lines
                        .iter()
                        .filter(|line| line.category == figures.category)
                        .map(|line| line.monthly_cost)
                        .sum();
                    prop_assert_eq!(figures.cost, lines);
                    prop_assert_eq!(figures.price, figures.cost + figures.markup);
                }
                prop_assert_eq!(
                    breakdown.total_monthly_price,
                    breakdown.total_monthly_cost + breakdown.total_monthly_markup
                );
            }
            Err(error) => prop_assert!(!error.field.is_empty(), "{}", error),
        }
    }

    #[test]
    fn roi_any_decimals_reconciles_or_names_what_is_too_large(
        amounts in prop::collection::vec((any_decimal(), any_decimal()), 1..4),
        growth in any_decimal(),
        rate in any_decimal(),
        price in any_amount(),
    ) {
        let mut book = book();
        set_silver_price(&mut book, price);
        let Ok(priced) = price_quote(&book, &silver_servers(2)) else {
            return Ok(());
        };
        let costs = CustomerCosts {
            lines: amounts
                .iter()
                .map(|&(amount, rate_per_hour)| cost_line(CostAmount::Hourly {
                    hours_per_month: amount,
                    rate_per_hour,
                }))
                .collect(),
            annual_growth_percent: growth,
            ..CustomerCosts::default()
        };
        match roi_over_schedule(&costs, &priced.schedule, rate, 2) {
            Ok(roi) => {
                let paid: Decimal = roi.months.iter().map(|month| month.paid).sum();
                prop_assert_eq!(roi.investment, paid);
                prop_assert_eq!(roi.investment, priced.total_contract_value);
                let avoided: Decimal = roi.months.iter().map(|month| month.avoided).sum();
                prop_assert_eq!(roi.avoided_costs, avoided);
                prop_assert_eq!(roi.net_savings, roi.avoided_costs - roi.investment);
                prop_assert_eq!(
                    roi.months.last().map(|month| month.cumulative_net),
                    Some(roi.net_savings)
                );
            }
            Err(error) => prop_assert!(!error.figure.is_empty()),
        }
    }
}

// --- The window ----------------------------------------------------------------------------

/// Opens `quote` in the headless window and draws every tab a few frames, on another thread
/// (failing after `seconds`); returns whether the window priced it.
fn window_prices(seconds: u64, quote: Quote) -> bool {
    within(seconds, move || {
        use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
        let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
        app.replace_quote(quote);
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
        for tab in Tab::ALL {
            harness.state_mut().set_tab(tab);
            harness.run_steps(3);
        }
        harness.state().priced().is_ok()
    })
}

fn sample_with_servers(count: u32) -> Quote {
    let mut quote =
        msp_quote::app::sample_quote(chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "silver".into(),
        kind: "server".into(),
        count,
    }];
    quote
}

#[test]
fn the_window_draws_a_quote_of_ten_million_devices_without_hanging() {
    // The largest line the files accept, with the sample's cost analysis and customer costs.
    assert!(window_prices(120, sample_with_servers(10_000_000)));
}

#[test]
fn the_window_refuses_four_billion_devices_without_hanging() {
    // The engines refuse more than 100,000,000 devices before pricing; the window shows their
    // error (or, while its count field still clamps what it shows, prices the clamped count).
    let quote = sample_with_servers(4_000_000_000);
    let refused = price_quote(&book(), &quote).unwrap_err();
    assert!(matches!(refused, PricingError::TooManyDevices { .. }));
    window_prices(120, quote);
}

#[test]
fn the_cli_refuses_imported_amounts_too_large_to_compute() {
    let lines = write(
        "huge-cost-lines.csv",
        &format!(
            "Category,Description,Quantity,Unit cost,Billing\nhardware,Big server,2,{HUGE},purchased\n"
        ),
    );
    let quote = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/worked-example-9-3.ron"
    );
    let output = run_within(60, &["cost", quote, "--import", lines.to_str().unwrap()]);
    // Refused at the import, by its cell, before any arithmetic: no file value is above
    // 1,000,000,000 (and nothing usable is left, so exit 2).
    assert_import_refused(
        &output,
        &["huge-cost-lines.csv!D2", "above the limit of 1,000,000,000"],
    );

    let costs = write(
        "huge-customer-costs.csv",
        &format!(
            "Category,Description,Amount,Period,Avoidable %\nInternal staff,Huge,{HUGE},monthly,100\n"
        ),
    );
    let quote = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/roi-two-silver-servers.ron"
    );
    let output = run_within(60, &["roi", quote, "--costs", costs.to_str().unwrap()]);
    assert_import_refused(
        &output,
        &[
            "huge-customer-costs.csv!C2",
            "above the limit of 1,000,000,000",
        ],
    );
}

/// Exit 2 with the reason on the last line of stderr (an import first reports what it read).
fn assert_import_refused(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "exit code; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let reason = stderr.trim_end().lines().last().unwrap_or_default();
    assert!(reason.starts_with("error: "), "{stderr}");
    for needle in needles {
        assert!(reason.contains(needle), "'{needle}' missing from: {stderr}");
    }
}
