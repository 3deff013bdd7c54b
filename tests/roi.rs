//! ROI: hand-derived cases (pricing-rules.md sections 2, 3 and 6), the acceptance case through
//! the CLI's JSON, invariants as property tests, and customer-cost import from messy files.

use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::{DeviceLine, Quote, SetupMode};
use msp_quote::core::roi::{
    AvoidedHire, CostAmount, CostCategory, CostLine, CostPeriod, CustomerCosts, roi_options,
    roi_over_schedule,
};
use msp_quote::formats::import::customer_costs::{
    NO_COST_LINES, import_customer_costs, import_customer_costs_from_bytes,
};
use msp_quote::formats::price_book::standard_book;
use msp_quote::formats::problem::Location;
use msp_quote::formats::quote::{parse_quote, quote_to_ron};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{Format, Formula, Workbook};
use serde_json::Value;

// ---------------------------------------------------------------- helpers

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-roi-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn run_cli(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_msp-quote"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn monthly(category: CostCategory, amount: Decimal, avoidable: Decimal) -> CostLine {
    CostLine {
        category,
        description: String::new(),
        amount: CostAmount::Periodic {
            amount,
            period: CostPeriod::Monthly,
        },
        avoidable_percent: avoidable,
        origin: None,
    }
}

fn quote(tier: &str, servers: u32, term: u32, setup: SetupMode) -> Quote {
    let mut quote = Quote::empty(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
    quote.devices = vec![DeviceLine {
        tier: tier.to_string(),
        kind: "server".to_string(),
        count: servers,
    }];
    quote.term_months = term;
    quote.setup_mode = setup;
    quote
}

fn roi_of(costs: &CustomerCosts, quote: &Quote) -> msp_quote::core::roi::RoiResult {
    let book = standard_book().unwrap().book;
    let priced = price_quote(&book, quote).unwrap();
    roi_over_schedule(costs, &priced.schedule, dec!(8), 2).unwrap()
}

// ---------------------------------------------------------------- the acceptance case

/// Current costs 6,000.00 a month, fully avoidable; 2 Silver servers, 24 months, setup up front.
/// Band 2-5 = 4%: 750 x 0.96 = 720.00 per server, 1,440.00 a month.
/// Month 1 paid 1,440 + 1,000 = 2,440.00; month 24 paid 1,440 - 1,200 = 240.00.
/// TCV = 1,440 x 24 + 1,000 - 1,200 = 34,360.00; avoided 6,000 x 24 = 144,000.00;
/// net savings 144,000 - 34,360 = 109,640.00; ROI 109,640 / 34,360 x 100 = 319.0919.. = 319.09;
/// payback month 1 (6,000 >= 2,440).
/// NPV at 8% (i = 0.08/12): flows 3,560, then 4,560 x 22, then 5,760 =
/// 4,560 x (1 - (1+i)^-24) / i - 1,000 / (1+i) + 1,200 / (1+i)^24 = 100,853.817.. = 100,853.82.
const ACCEPTANCE_QUOTE: &str = r#"(
    number: "Q-ROI-1",
    revision: 1,
    date: "2026-11-01",
    customer: (name: "Acceptance Ltd", users: 40),
    devices: [(tier: "silver", kind: "server", count: 2)],
    term_months: 24,
    setup: upfront,
    customer_costs: Some((
        lines: [
            (
                category: "internal_staff",
                description: "Everything IT costs today",
                amount: periodic(amount: "6000.00", period: monthly),
                avoidable_percent: "100",
            ),
        ],
    )),
)"#;

#[test]
fn acceptance_case_matches_by_hand_through_cli_json() {
    let dir = temp_dir("acceptance");
    let path = dir.join("quote.ron");
    std::fs::write(&path, ACCEPTANCE_QUOTE).unwrap();
    let (code, stdout, stderr) = run_cli(&["roi", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let expected = [
        ("investment", "34360.00"),
        ("avoided_costs", "144000.00"),
        ("net_savings", "109640.00"),
        ("roi_percent", "319.09"),
        ("npv", "100853.82"),
    ];
    for (key, value) in expected {
        assert_eq!(json[key], value, "key {key}");
    }
    assert_eq!(json["term_months"], 24);
    assert_eq!(json["payback_month"], 1);
    let months = json["monthly"].as_array().unwrap();
    assert_eq!(months.len(), 24);
    let first = &months[0];
    assert_eq!(first["month"], 1);
    assert_eq!(first["current_cost"], "6000.00");
    assert_eq!(first["avoided"], "6000.00");
    assert_eq!(first["paid"], "2440.00");
    assert_eq!(first["net"], "3560.00");
    assert_eq!(first["cumulative_net"], "3560.00");
    assert_eq!(months[1]["paid"], "1440.00");
    assert_eq!(months[23]["paid"], "240.00");
    assert_eq!(months[23]["net"], "5760.00");
    assert_eq!(months[23]["cumulative_net"], "109640.00");
    assert!(json["warnings"].as_array().unwrap().is_empty());
}

/// The same customer at each tier, 2 servers, band 2-5 = 4%, 24 months, setup up front:
/// - Bronze: 500 x 0.96 = 480.00, 960.00 a month; month 24 credit 1,200 > 960 due, so 960
///   applied and 240 lost: TCV = 960 x 24 + 1,000 - 960 = 23,080.00; net 120,920.00;
///   ROI 120,920 / 23,080 = 523.9168.. = 523.92.
/// - Silver: as the acceptance case: 1,440.00, 34,360.00, 109,640.00, 319.09.
/// - Gold: 1,000 x 0.96 = 960.00, 1,920.00 a month; TCV = 1,920 x 24 + 1,000 - 1,200 =
///   45,880.00; net 98,120.00; ROI 98,120 / 45,880 = 213.8622.. = 213.86.
/// - The quote itself (Silver): same as Silver. Every option pays back in month 1.
#[test]
fn options_compare_bronze_silver_gold_and_the_quote() {
    let dir = temp_dir("options");
    let path = dir.join("quote.ron");
    std::fs::write(&path, ACCEPTANCE_QUOTE).unwrap();
    let (code, stdout, stderr) = run_cli(&["roi", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let options = json["options"].as_array().unwrap();
    let expected = [
        ("bronze", "960.00", "23080.00", "120920.00", "523.92"),
        ("silver", "1440.00", "34360.00", "109640.00", "319.09"),
        ("gold", "1920.00", "45880.00", "98120.00", "213.86"),
        ("quote", "1440.00", "34360.00", "109640.00", "319.09"),
    ];
    assert_eq!(options.len(), expected.len());
    for (option, (tier, monthly, tcv, net, roi)) in options.iter().zip(expected) {
        assert_eq!(option["tier"], tier);
        assert_eq!(option["monthly_recurring"], monthly, "tier {tier}");
        assert_eq!(option["total_contract_value"], tcv, "tier {tier}");
        assert_eq!(option["net_savings"], net, "tier {tier}");
        assert_eq!(option["roi_percent"], roi, "tier {tier}");
        assert_eq!(option["payback_month"], 1, "tier {tier}");
    }
}

#[test]
fn npv_at_zero_equals_net_savings_through_cli() {
    let dir = temp_dir("npv0");
    let path = dir.join("quote.ron");
    std::fs::write(&path, ACCEPTANCE_QUOTE).unwrap();
    let (code, stdout, _) = run_cli(&[
        "roi",
        path.to_str().unwrap(),
        "--discount-rate",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["npv"], "109640.00");
    assert_eq!(json["npv"], json["net_savings"]);
}

/// The same case with no quote file: the price flags build the quote, the costs come from a
/// semicolon CSV with a BOM, where "6.000" would be ambiguous, so it is written 6000.00.
#[test]
fn roi_runs_from_flags_and_a_costs_csv() {
    let dir = temp_dir("flags");
    let costs = dir.join("costs.csv");
    std::fs::write(
        &costs,
        "\u{feff}Category;Description;Monthly cost;Avoidable %\r\nInternal staff;Everything;6000.00;100\r\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_cli(&[
        "roi",
        "--device",
        "silver:server=2",
        "--term",
        "24",
        "--setup",
        "upfront",
        "--date",
        "2026-11-01",
        "--costs",
        costs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "stderr: {stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["investment"], "34360.00");
    assert_eq!(json["net_savings"], "109640.00");
    assert_eq!(json["roi_percent"], "319.09");
    assert_eq!(json["payback_month"], 1);
}

#[test]
fn bad_inputs_exit_2_with_file_and_location() {
    let dir = temp_dir("bad");
    let bad_quote = dir.join("bad.ron");
    std::fs::write(
        &bad_quote,
        ACCEPTANCE_QUOTE.replace("\"internal_staff\"", "\"snacks\""),
    )
    .unwrap();
    let empty = dir.join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let unknown = dir.join("costs.txt");
    std::fs::write(&unknown, "x").unwrap();
    let bad_quote = bad_quote.to_str().unwrap().to_string();
    let cases: [(&str, Vec<&str>, &str); 5] = [
        (
            "unknown category in the quote",
            vec!["roi", &bad_quote],
            "customer_costs.lines[0].category: unknown cost category 'snacks'",
        ),
        (
            "empty costs file",
            vec![
                "roi",
                "--device",
                "silver:server=1",
                "--costs",
                empty.to_str().unwrap(),
            ],
            "empty.csv",
        ),
        (
            "unknown costs file type",
            vec![
                "roi",
                "--device",
                "silver:server=1",
                "--costs",
                unknown.to_str().unwrap(),
            ],
            "costs.txt",
        ),
        (
            "no costs at all",
            vec!["roi", "--device", "silver:server=1"],
            "no customer costs",
        ),
        (
            "discount rate out of range",
            vec![
                "roi",
                "--device",
                "silver:server=1",
                "--discount-rate",
                "150",
            ],
            "outside 0-100",
        ),
    ];
    for (name, args, needle) in cases {
        let (code, stdout, stderr) = run_cli(&args);
        assert_eq!(code, 2, "case {name}: stdout {stdout}");
        assert!(stderr.starts_with("error: "), "case {name}: {stderr}");
        assert!(stderr.contains(needle), "case {name}: {stderr}");
    }
}

// ---------------------------------------------------------------- hand-derived core cases

/// Avoided hire alone: salary 60,000, burden 25%, recruiting fee 5,000, starting month 4.
/// 60,000 x 1.25 / 12 = 6,250.00 a month from month 4; month 4 adds the 5,000 fee.
/// 1 Bronze server, 12 months, setup up front: paid 1,500.00 then 500.00; TCV 7,000.00.
/// Avoided: 9 x 6,250 + 5,000 = 61,250.00; net 54,250.00; ROI 54,250 / 7,000 = 775.00%.
/// Cumulative paid by month 4 = 3,000 <= cumulative avoided 11,250: payback month 4.
#[test]
fn avoided_hire_alone() {
    let costs = CustomerCosts {
        avoided_hire: Some(AvoidedHire {
            salary: dec!(60000),
            burden_percent: dec!(25),
            recruiting_fee: dec!(5000),
            start_month: 4,
        }),
        ..CustomerCosts::default()
    };
    let roi = roi_of(&costs, &quote("bronze", 1, 12, SetupMode::Upfront));
    assert_eq!(roi.investment, dec!(7000));
    assert_eq!(roi.avoided_costs, dec!(61250));
    assert_eq!(roi.net_savings, dec!(54250));
    assert_eq!(roi.roi_percent, Some(dec!(775.00)));
    assert_eq!(roi.payback_month, Some(4));
    let avoided: Vec<Decimal> = roi.months.iter().map(|m| m.avoided).collect();
    assert_eq!(avoided[..3], [dec!(0), dec!(0), dec!(0)]);
    assert_eq!(avoided[3], dec!(11250));
    assert_eq!(avoided[4], dec!(6250));
}

/// Never paying back: 400.00 a month avoidable against 1 Bronze server (500.00 a month,
/// 1,500.00 in month 1) for 12 months. Avoided 4,800.00; TCV 7,000.00; net -2,200.00;
/// ROI -2,200 / 7,000 = -31.428..% = -31.43%; cumulative avoided never reaches paid.
#[test]
fn never_paying_back() {
    let costs = CustomerCosts {
        lines: vec![monthly(CostCategory::ConsultantFees, dec!(400), dec!(100))],
        ..CustomerCosts::default()
    };
    let roi = roi_of(&costs, &quote("bronze", 1, 12, SetupMode::Upfront));
    assert_eq!(roi.avoided_costs, dec!(4800));
    assert_eq!(roi.net_savings, dec!(-2200));
    assert_eq!(roi.roi_percent, Some(dec!(-31.43)));
    assert_eq!(roi.payback_month, None);
}

/// Payback in month 1 with an amortized setup and half-avoidable costs: 7 Silver servers,
/// 12 months (worked example 1's unit: 690.00, 4,830.00 a month), setup 1,000 / 12 = 83.33
/// (83.37 in month 12), so month 1 pays 4,913.33. Current costs 10,000.00 at 50% avoidable =
/// 5,000.00 >= 4,913.33: payback month 1. TCV = 4,830 x 12 + 1,000 = 58,960.00; avoided
/// 60,000.00; net 1,040.00; ROI 1,040 / 58,960 = 1.7639..% = 1.76%.
#[test]
fn payback_in_month_one() {
    let costs = CustomerCosts {
        lines: vec![monthly(CostCategory::InternalStaff, dec!(10000), dec!(50))],
        ..CustomerCosts::default()
    };
    let roi = roi_of(&costs, &quote("silver", 7, 12, SetupMode::Amortized));
    assert_eq!(roi.months[0].paid, dec!(4913.33));
    assert_eq!(roi.months[0].current_cost, dec!(10000));
    assert_eq!(roi.months[0].avoided, dec!(5000));
    assert_eq!(roi.payback_month, Some(1));
    assert_eq!(roi.investment, dec!(58960));
    assert_eq!(roi.net_savings, dec!(1040));
    assert_eq!(roi.roi_percent, Some(dec!(1.76)));
}

/// Growth over 36 months: 1,234.56 a month, 3% a year, compounding per contract year, each
/// month rounded to the cent once:
/// - year 1: 1,234.56 x 12 = 14,814.72;
/// - year 2: 1,234.56 x 1.03 = 1,271.5968 -> 1,271.60; x 12 = 15,259.20;
/// - year 3: 1,234.56 x 1.0609 = 1,309.744704 -> 1,309.74; x 12 = 15,716.88;
///
/// total 45,790.80. 3 Silver servers (band 2-5: 720.00 each, 2,160.00 a month), 36 months,
/// setup up front, credits 1,200 in months 30 and 36: TCV = 2,160 x 36 + 1,000 - 2,400 =
/// 76,360.00. Net 45,790.80 - 76,360.00 = -30,569.20; ROI = -40.0330..% = -40.03%; the
/// monthly saving (at most 1,309.74) never covers 2,160.00: no payback.
#[test]
fn growth_over_36_months() {
    let costs = CustomerCosts {
        lines: vec![monthly(
            CostCategory::InternalStaff,
            dec!(1234.56),
            dec!(100),
        )],
        annual_growth_percent: dec!(3),
        ..CustomerCosts::default()
    };
    let roi = roi_of(&costs, &quote("silver", 3, 36, SetupMode::Upfront));
    let cases = [
        (1, dec!(1234.56)),
        (12, dec!(1234.56)),
        (13, dec!(1271.60)),
        (24, dec!(1271.60)),
        (25, dec!(1309.74)),
        (36, dec!(1309.74)),
    ];
    for (month, expected) in cases {
        assert_eq!(
            roi.months[month - 1].current_cost,
            expected,
            "month {month}"
        );
    }
    assert_eq!(roi.avoided_costs, dec!(45790.80));
    assert_eq!(roi.investment, dec!(76360));
    assert_eq!(roi.net_savings, dec!(-30569.20));
    assert_eq!(roi.roi_percent, Some(dec!(-40.03)));
    assert_eq!(roi.payback_month, None);
}

/// Indirect lines: downtime 6 h x 250.00 = 1,500.00 at 60% = 900.00; employee time lost
/// 20 h x 37.50 = 750.00 at 40% = 300.00; depreciation 18,000 a year = 1,500.00 at 50% = 750.00;
/// tax effect 25% x 12,000 a year = 250.00 at 100% = 250.00. Current 4,000.00; avoided
/// 2,200.00 a month.
#[test]
fn indirect_lines_by_hand() {
    let line = |category, amount, avoidable| CostLine {
        category,
        description: String::new(),
        amount,
        avoidable_percent: avoidable,
        origin: None,
    };
    let costs = CustomerCosts {
        lines: vec![
            line(
                CostCategory::Downtime,
                CostAmount::Hourly {
                    hours_per_month: dec!(6),
                    rate_per_hour: dec!(250),
                },
                dec!(60),
            ),
            line(
                CostCategory::EmployeeTimeLost,
                CostAmount::Hourly {
                    hours_per_month: dec!(20),
                    rate_per_hour: dec!(37.50),
                },
                dec!(40),
            ),
            line(
                CostCategory::Depreciation,
                CostAmount::Periodic {
                    amount: dec!(18000),
                    period: CostPeriod::Annual,
                },
                dec!(50),
            ),
            line(
                CostCategory::TaxEffect,
                CostAmount::RateOf {
                    rate_percent: dec!(25),
                    amount: dec!(12000),
                    period: CostPeriod::Annual,
                },
                dec!(100),
            ),
        ],
        ..CustomerCosts::default()
    };
    let month = costs.month_costs(1, 2).unwrap();
    assert_eq!(month.current_cost, dec!(4000));
    assert_eq!(month.avoided, dec!(2200));
}

#[test]
fn options_leave_out_a_tier_that_cannot_price_the_quote() {
    // The standard book prices only servers at every tier; a workstation line cannot be
    // priced at any tier, so the quote itself fails and says why.
    let book = standard_book().unwrap().book;
    let mut bad = quote("silver", 2, 24, SetupMode::Upfront);
    bad.devices[0].kind = "workstation".to_string();
    assert!(roi_options(&book, &bad, &CustomerCosts::default(), dec!(8)).is_err());
    let (options, left_out) = roi_options(
        &book,
        &quote("gold", 2, 24, SetupMode::Upfront),
        &CustomerCosts::default(),
        dec!(8),
    )
    .unwrap();
    let ids: Vec<&str> = options.iter().map(|option| option.kind.id()).collect();
    assert_eq!(ids, ["bronze", "silver", "gold", "quote"]);
    assert!(left_out.is_empty());
}

// ---------------------------------------------------------------- RON

#[test]
fn customer_costs_round_trip_exactly_in_the_quote_ron() {
    let text = r#"(
        number: "Q-1", revision: 1, date: "2026-11-01", term_months: 36, setup: amortized,
        devices: [(tier: "gold", kind: "server", count: 9)],
        customer_costs: Some((
            lines: [
                (category: "consultant_fees", description: "Ad-hoc", amount: periodic(amount: "36000.00", period: annual), avoidable_percent: "100", origin: Some("Costs!A5")),
                (category: "downtime", amount: hourly(hours_per_month: "6.5", rate_per_hour: "1500.00"), avoidable_percent: "70"),
                (category: "tax_effect", amount: rate_of(rate_percent: "25", amount: "24000.00", period: annual), avoidable_percent: "100"),
            ],
            avoided_hire: Some((salary: "72000.00", burden_percent: "28", recruiting_fee: "9000.00", start_month: 4)),
            annual_growth_percent: "3.5",
        )),
    )"#;
    let quote = parse_quote(text, "q.ron").unwrap();
    let costs = quote.customer_costs.clone().unwrap();
    assert_eq!(costs.lines.len(), 3);
    assert_eq!(costs.lines[0].origin.as_deref(), Some("Costs!A5"));
    assert_eq!(costs.annual_growth_percent, dec!(3.5));
    let written = quote_to_ron(&quote).unwrap();
    let again = parse_quote(&written, "again.ron").unwrap();
    assert_eq!(again, quote);
    assert_eq!(quote_to_ron(&again).unwrap(), written);
    // A quote without costs stays without them.
    let plain = Quote::empty(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(plain.customer_costs, None);
    assert!(
        !quote_to_ron(&plain)
            .unwrap()
            .contains("customer_costs: Some")
    );
}

#[test]
fn bad_customer_costs_are_located_by_field_path() {
    let text = r#"(
        number: "Q-1", revision: 1, date: "2026-11-01", term_months: 12, setup: upfront,
        customer_costs: Some((
            lines: [
                (category: "snacks", amount: periodic(amount: "10", period: monthly), avoidable_percent: "100"),
                (category: "training", amount: periodic(amount: "lots", period: monthly), avoidable_percent: "150"),
            ],
            avoided_hire: Some((salary: "-5", burden_percent: "20", start_month: 0)),
        )),
    )"#;
    let error = parse_quote(text, "q.ron").unwrap_err();
    let paths: Vec<String> = error
        .problems
        .iter()
        .map(|problem| problem.location.to_string())
        .collect();
    for expected in [
        "customer_costs.lines[0].category",
        "customer_costs.lines[1].amount.amount",
        "customer_costs.lines[1].avoidable_percent",
        "customer_costs.avoided_hire.salary",
        "customer_costs.avoided_hire.start_month",
    ] {
        assert!(
            paths.iter().any(|path| path == expected),
            "missing {expected} in {paths:?}"
        );
    }
}

// ---------------------------------------------------------------- properties

fn cost_line_strategy() -> impl Strategy<Value = CostLine> {
    (
        0usize..14,
        0i64..2_000_000,
        0u32..=100,
        any::<bool>(),
        0u8..3,
    )
        .prop_map(|(category, cents, avoidable, annual, kind)| {
            let amount = Decimal::new(cents, 2);
            let period = if annual {
                CostPeriod::Annual
            } else {
                CostPeriod::Monthly
            };
            CostLine {
                category: CostCategory::ALL[category],
                description: String::new(),
                amount: match kind {
                    0 => CostAmount::Periodic { amount, period },
                    1 => CostAmount::Hourly {
                        hours_per_month: Decimal::new(i64::from(avoidable), 1),
                        rate_per_hour: amount,
                    },
                    _ => CostAmount::RateOf {
                        rate_percent: Decimal::from(avoidable),
                        amount,
                        period,
                    },
                },
                avoidable_percent: Decimal::from(avoidable),
                origin: None,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cumulative_net_ends_at_net_savings_and_investment_is_the_tcv(
        lines in proptest::collection::vec(cost_line_strategy(), 0..8),
        growth in 0u32..=20,
        hire in proptest::option::of((0i64..20_000_000, 0u32..=60, 0i64..2_000_000, 1u32..48)),
        tier in 0usize..3,
        servers in 1u32..30,
        term in 0usize..3,
        amortized in any::<bool>(),
        rate in 0u32..=20,
    ) {
        let costs = CustomerCosts {
            lines,
            avoided_hire: hire.map(|(salary, burden, fee, start)| AvoidedHire {
                salary: Decimal::new(salary, 2),
                burden_percent: Decimal::from(burden),
                recruiting_fee: Decimal::new(fee, 2),
                start_month: start,
            }),
            annual_growth_percent: Decimal::from(growth),
        };
        let quote = quote(
            ["bronze", "silver", "gold"][tier],
            servers,
            [12, 24, 36][term],
            if amortized { SetupMode::Amortized } else { SetupMode::Upfront },
        );
        let book = standard_book().unwrap().book;
        let priced = price_quote(&book, &quote).unwrap();
        let roi = roi_over_schedule(&costs, &priced.schedule, Decimal::from(rate), 2).unwrap();
        prop_assert_eq!(roi.investment, priced.total_contract_value);
        prop_assert_eq!(roi.months.last().unwrap().cumulative_net, roi.net_savings);
        prop_assert_eq!(
            roi.months.iter().map(|m| m.avoided).sum::<Decimal>(),
            roi.avoided_costs
        );
        prop_assert!(roi.months.iter().all(|m| m.avoided <= m.current_cost));
        let at_zero = roi_over_schedule(&costs, &priced.schedule, Decimal::ZERO, 2).unwrap();
        prop_assert_eq!(at_zero.npv, roi.net_savings);
        if let Some(month) = roi.payback_month {
            let upto = &roi.months[..month as usize];
            prop_assert!(upto.iter().map(|m| m.avoided).sum::<Decimal>()
                >= upto.iter().map(|m| m.paid).sum::<Decimal>());
        }
    }
}

// ---------------------------------------------------------------- import

/// Header in row 4 under a merged title, currency formats, a formula column with cached
/// values (as Excel or LibreOffice would save them), a group row, a total row, "N/A".
fn messy_costs_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Costs").unwrap();
    let money = Format::new().set_num_format("$#,##0.00;;");
    sheet
        .merge_range(0, 0, 0, 5, "Contoso: what IT costs today", &Format::new())
        .unwrap();
    let headers = [
        "Category",
        "Item",
        "Annual cost",
        "Period",
        "Avoidable share",
        "Hours per month",
        "Cost per hour",
    ];
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string(3, column as u16, *header).unwrap();
    }
    // Row 5: a group row (text only).
    sheet.write_string(4, 0, "Direct costs").unwrap();
    // Row 6: internal staff 48,000 a year, 50% avoidable.
    sheet.write_string(5, 0, "Internal staff").unwrap();
    sheet.write_string(5, 1, "IT admin").unwrap();
    sheet
        .write_number_with_format(5, 2, 48000.0, &money)
        .unwrap();
    sheet.write_string(5, 3, "annual").unwrap();
    let percent = Format::new().set_num_format("0%");
    sheet.write_number_with_format(5, 4, 0.5, &percent).unwrap();
    // Row 7: consultant fees as a formula with its cached value: =C6/4 = 12,000 a year.
    sheet.write_string(6, 0, "Consultant fees").unwrap();
    sheet
        .write_formula_with_format(6, 2, Formula::new("=C6/4").set_result("12000"), &money)
        .unwrap();
    sheet.write_string(6, 3, "Yearly").unwrap();
    sheet.write_number(6, 4, 100.0).unwrap();
    // Row 8: "N/A" amount.
    sheet.write_string(7, 0, "Training").unwrap();
    sheet.write_string(7, 2, "N/A").unwrap();
    // Row 9: downtime, hours x rate.
    sheet.write_string(8, 0, "Downtime").unwrap();
    sheet.write_number(8, 4, 60.0).unwrap();
    sheet.write_number(8, 5, 6.0).unwrap();
    sheet.write_number_with_format(8, 6, 250.0, &money).unwrap();
    // Row 10: avoidable 150%.
    sheet.write_string(9, 0, "Subscriptions").unwrap();
    sheet.write_number(9, 2, 100.0).unwrap();
    sheet.write_number(9, 4, 150.0).unwrap();
    // Row 11: total row.
    sheet.write_string(10, 0, "Total").unwrap();
    sheet
        .write_formula(10, 2, Formula::new("=SUM(C6:C10)").set_result("60100"))
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

fn cell(sheet: &str, cell: &str) -> Location {
    Location::Cell {
        sheet: sheet.to_string(),
        cell: cell.to_string(),
    }
}

#[test]
fn messy_workbook_imports_lines_with_their_cells_and_lists_what_it_skipped() {
    let imported = import_customer_costs_from_bytes(&messy_costs_workbook(), "costs.xlsx").unwrap();
    assert_eq!(imported.sheet, "Costs");
    let lines = &imported.costs.lines;
    assert_eq!(lines.len(), 3, "lines: {lines:?}");
    assert_eq!(lines[0].category, CostCategory::InternalStaff);
    assert_eq!(lines[0].description, "IT admin");
    assert_eq!(
        lines[0].amount,
        CostAmount::Periodic {
            amount: dec!(48000),
            period: CostPeriod::Annual
        }
    );
    // 0.5 in a percent column is a fraction: 50%.
    assert_eq!(lines[0].avoidable_percent, dec!(50));
    assert_eq!(lines[0].origin.as_deref(), Some("Costs!A6"));
    assert_eq!(
        lines[1].amount,
        CostAmount::Periodic {
            amount: dec!(12000),
            period: CostPeriod::Annual
        }
    );
    assert_eq!(lines[1].origin.as_deref(), Some("Costs!A7"));
    assert_eq!(
        lines[2].amount,
        CostAmount::Hourly {
            hours_per_month: dec!(6),
            rate_per_hour: dec!(250)
        }
    );
    let skipped: Vec<(String, String)> = imported
        .skipped
        .iter()
        .map(|problem| (problem.location.to_string(), problem.message.clone()))
        .collect();
    let expect_skipped = [
        ("Costs!A5", "unknown category 'Direct costs'"),
        ("Costs!C8", "'N/A'"),
        ("Costs!A8", "no amount"),
        ("Costs!E10", "not a percentage 0-100"),
        ("Costs!11:11", "total row"),
    ];
    for (location, needle) in expect_skipped {
        assert!(
            skipped
                .iter()
                .any(|(at, message)| at == location && message.contains(needle)),
            "missing skip {location} {needle} in {skipped:?}"
        );
    }
    assert!(
        imported
            .warnings
            .iter()
            .any(|problem| problem.location == cell("Costs", "E6"))
    );
}

#[test]
fn header_only_file_says_no_cost_lines_found_and_is_not_an_error() {
    let cases = [
        (
            "csv",
            "header-only.csv",
            b"Category,Description,Amount,Avoidable %\n".to_vec(),
        ),
        (
            "template",
            "template.xlsx",
            msp_quote::formats::xlsx::customer_costs_template::customer_costs_template().unwrap(),
        ),
    ];
    for (name, file, bytes) in cases {
        let imported = import_customer_costs_from_bytes(&bytes, file).unwrap();
        assert!(imported.costs.lines.is_empty(), "case {name}");
        assert!(
            imported
                .warnings
                .iter()
                .any(|problem| problem.message == NO_COST_LINES),
            "case {name}: {:?}",
            imported.warnings
        );
    }
}

/// Semicolons, a BOM, quoted fields with the delimiter inside, too many and too few fields,
/// text in an amount, an avoided hire and a growth row.
#[test]
fn semicolon_csv_with_bom_and_ragged_rows() {
    let text = "\u{feff}Category;Description;Amount;Period;Avoidable %;Rate %;Recruiting fee;Start month\n\
        Internal staff;\"Admin; part-time\";2500.00;monthly;80\n\
        Emergency support;Callouts;\"$1,200.00\";annual;100\n\
        Training;too;many;fields;here;1;2;3;4\n\
        Subscriptions;too few\n\
        Consultant fees;Ad hoc;lots;monthly;100\n\
        Avoided hire;Second admin;60000;;;25;5000;4\n\
        Annual growth;;;;;3\n";
    let imported = import_customer_costs_from_bytes(text.as_bytes(), "costs.csv").unwrap();
    let lines = &imported.costs.lines;
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].description, "Admin; part-time");
    assert_eq!(lines[0].avoidable_percent, dec!(80));
    assert_eq!(
        lines[1].amount,
        CostAmount::Periodic {
            amount: dec!(1200),
            period: CostPeriod::Annual
        }
    );
    assert_eq!(
        imported.costs.avoided_hire,
        Some(AvoidedHire {
            salary: dec!(60000),
            burden_percent: dec!(25),
            recruiting_fee: dec!(5000),
            start_month: 4
        })
    );
    assert_eq!(imported.costs.annual_growth_percent, dec!(3));
    let skipped: Vec<String> = imported.skipped.iter().map(ToString::to_string).collect();
    for needle in [
        "line 4: 9 fields where the header has 8",
        "costs.csv!A5: no amount",
        "costs.csv!C6: 'lots'",
    ] {
        assert!(
            skipped.iter().any(|line| line.contains(needle)),
            "missing {needle} in {skipped:?}"
        );
    }
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|line| line.starts_with("line 5: 2 fields")),
        "{warnings:?}"
    );
}

#[test]
fn messy_and_empty_inputs_never_panic() {
    let cases: [(&str, &[u8]); 6] = [
        ("empty.csv", b""),
        ("blank.csv", b"\n\n\n"),
        ("garbage.xlsx", b"not a zip"),
        ("no-category.csv", b"Description,Amount\nAdmin,100\n"),
        ("only-bom.csv", "\u{feff}".as_bytes()),
        ("weird.csv", b"Category\n\"unterminated\n"),
    ];
    for (file, bytes) in cases {
        // An error or an import with problems: both are fine, a panic is not.
        let _ = import_customer_costs_from_bytes(bytes, file);
    }
    assert!(import_customer_costs_from_bytes(b"", "empty.csv").is_err());
}

// ---------------------------------------------------------------- files saved by LibreOffice

/// tests/fixtures/roi-costs-libreoffice.xlsx: the messy workbook above opened and saved by
/// LibreOffice Calc (real cached formula values, header in row 4, merged title, currency).
#[test]
fn libreoffice_xlsx_fixture_imports() {
    let imported = import_customer_costs(&fixture("roi-costs-libreoffice.xlsx")).unwrap();
    assert_eq!(imported.costs.lines.len(), 3);
    assert_eq!(
        imported.costs.lines[1].amount,
        CostAmount::Periodic {
            amount: dec!(12000),
            period: CostPeriod::Annual
        }
    );
    assert_eq!(imported.costs.lines[1].origin.as_deref(), Some("Costs!A7"));
}

#[test]
fn libreoffice_ods_fixture_imports() {
    let imported = import_customer_costs(&fixture("roi-costs-libreoffice.ods")).unwrap();
    assert_eq!(imported.costs.lines.len(), 3);
    assert_eq!(imported.costs.lines[0].avoidable_percent, dec!(50));
}

#[test]
fn libreoffice_header_only_fixture_says_no_cost_lines_found() {
    let imported = import_customer_costs(&fixture("roi-costs-header-only.xlsx")).unwrap();
    assert!(imported.costs.lines.is_empty());
    assert!(
        imported
            .warnings
            .iter()
            .any(|problem| problem.message == NO_COST_LINES)
    );
}

#[test]
fn libreoffice_semicolon_csv_fixture_with_bom_imports() {
    let path = fixture("roi-costs-semicolon-bom.csv");
    assert!(std::fs::read(&path).unwrap().starts_with(b"\xef\xbb\xbf"));
    let imported = import_customer_costs(&path).unwrap();
    let lines = &imported.costs.lines;
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0].description, "IT admin");
    // Exported as shown: "$48,000.00" and "50%".
    assert_eq!(
        lines[0].amount,
        CostAmount::Periodic {
            amount: dec!(48000),
            period: CostPeriod::Annual
        }
    );
    assert_eq!(lines[0].avoidable_percent, dec!(50));
    assert_eq!(
        lines[0].origin.as_deref(),
        Some("roi-costs-semicolon-bom.csv!A6")
    );
}

/// The medium customer's current costs (9 servers, 250 desktops) for
/// examples/medium-customer-costs.xlsx: the template's layout plus a "Monthly equivalent"
/// formula column that the importer does not read.
fn medium_customer_costs_workbook() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Customer costs").unwrap();
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold().set_text_wrap();
    let money = Format::new().set_num_format("$#,##0.00");
    sheet
        .merge_range(
            0,
            0,
            0,
            10,
            "Fabrikam Manufacturing: current IT costs",
            &title,
        )
        .unwrap();
    sheet
        .merge_range(
            1,
            0,
            1,
            10,
            "9 servers, 250 desktops, 2 sites",
            &Format::new(),
        )
        .unwrap();
    let headers = msp_quote::formats::xlsx::customer_costs_template::TEMPLATE_HEADERS;
    for (column, header) in headers
        .iter()
        .chain(["Monthly equivalent"].iter())
        .enumerate()
    {
        sheet
            .write_string_with_format(3, column as u16, *header, &bold)
            .unwrap();
    }
    // (category, description, amount, period, hours, rate, rate %, avoidable %, fee, start)
    type Row<'a> = (&'a str, &'a str, f64, &'a str, f64, f64, f64, f64, f64, f64);
    let rows: [Row; 16] = [
        (
            "Internal staff",
            "IT administrator (loaded)",
            6500.0,
            "monthly",
            0.0,
            0.0,
            0.0,
            60.0,
            0.0,
            0.0,
        ),
        (
            "Consultant fees",
            "Network and security consultants",
            36000.0,
            "annual",
            0.0,
            0.0,
            0.0,
            100.0,
            0.0,
            0.0,
        ),
        (
            "Staff augmentation",
            "Contractors for projects and leave cover",
            1800.0,
            "monthly",
            0.0,
            0.0,
            0.0,
            100.0,
            0.0,
            0.0,
        ),
        (
            "Internal staff training",
            "Certifications",
            6000.0,
            "annual",
            0.0,
            0.0,
            0.0,
            50.0,
            0.0,
            0.0,
        ),
        (
            "Mileage and travel",
            "Travel between the two sites",
            350.0,
            "monthly",
            0.0,
            0.0,
            0.0,
            80.0,
            0.0,
            0.0,
        ),
        (
            "Tools for internal staff",
            "Monitoring, ticketing and remote tools",
            9600.0,
            "annual",
            0.0,
            0.0,
            0.0,
            75.0,
            0.0,
            0.0,
        ),
        (
            "Affiliate incident support",
            "Vendor remote incident support",
            900.0,
            "monthly",
            0.0,
            0.0,
            0.0,
            100.0,
            0.0,
            0.0,
        ),
        (
            "Recruiting and advertising",
            "IT job advertising",
            4000.0,
            "annual",
            0.0,
            0.0,
            0.0,
            50.0,
            0.0,
            0.0,
        ),
        (
            "Subscriptions",
            "Publications and knowledge bases",
            1200.0,
            "annual",
            0.0,
            0.0,
            0.0,
            50.0,
            0.0,
            0.0,
        ),
        (
            "Emergency support",
            "After-hours emergency callouts",
            1100.0,
            "monthly",
            0.0,
            0.0,
            0.0,
            100.0,
            0.0,
            0.0,
        ),
        (
            "Unplanned downtime",
            "Outages (250 desktops idle)",
            0.0,
            "",
            6.0,
            1500.0,
            0.0,
            70.0,
            0.0,
            0.0,
        ),
        (
            "Employee time lost",
            "Users waiting on IT problems",
            0.0,
            "",
            40.0,
            45.0,
            0.0,
            60.0,
            0.0,
            0.0,
        ),
        (
            "Depreciation",
            "Servers, storage and network gear",
            24000.0,
            "annual",
            0.0,
            0.0,
            0.0,
            50.0,
            0.0,
            0.0,
        ),
        (
            "Tax effect (opex vs capex)",
            "Expensing instead of capitalising",
            24000.0,
            "annual",
            0.0,
            0.0,
            25.0,
            100.0,
            0.0,
            0.0,
        ),
        (
            "Avoided hire",
            "Second IT administrator",
            72000.0,
            "",
            0.0,
            0.0,
            28.0,
            0.0,
            9000.0,
            4.0,
        ),
        (
            "Annual growth",
            "Current costs rise each year",
            0.0,
            "",
            0.0,
            0.0,
            3.0,
            0.0,
            0.0,
            0.0,
        ),
    ];
    for (index, row) in rows.iter().enumerate() {
        let r = 4 + index as u32;
        let n = r + 1;
        sheet.write_string(r, 0, row.0).unwrap();
        sheet.write_string(r, 1, row.1).unwrap();
        let put =
            |sheet: &mut rust_xlsxwriter::Worksheet, column: u16, value: f64, money_cell: bool| {
                if value != 0.0 {
                    if money_cell {
                        sheet
                            .write_number_with_format(r, column, value, &money)
                            .unwrap();
                    } else {
                        sheet.write_number(r, column, value).unwrap();
                    }
                }
            };
        put(sheet, 2, row.2, true);
        if !row.3.is_empty() {
            sheet.write_string(r, 3, row.3).unwrap();
        }
        put(sheet, 4, row.4, false);
        put(sheet, 5, row.5, true);
        put(sheet, 6, row.6, false);
        put(sheet, 7, row.7, false);
        put(sheet, 8, row.8, true);
        put(sheet, 9, row.9, false);
        let formula = match (row.0, row.3) {
            ("Annual growth", _) => None,
            ("Avoided hire", _) => Some(format!("=C{n}*(1+G{n}/100)/12")),
            ("Tax effect (opex vs capex)", _) => Some(format!("=C{n}*G{n}/100/12")),
            (_, "annual") => Some(format!("=C{n}/12")),
            (_, "monthly") => Some(format!("=C{n}")),
            _ => Some(format!("=E{n}*F{n}")),
        };
        if let Some(formula) = formula {
            sheet
                .write_formula_with_format(r, 10, Formula::new(formula), &money)
                .unwrap();
        }
    }
    for (column, width) in [28.0, 40.0, 13.0, 9.0, 9.0, 11.0, 8.0, 10.0, 12.0, 8.0, 14.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(column as u16, width).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

/// Writes the sources of the LibreOffice fixtures and of examples/medium-customer-costs.xlsx
/// (run by hand with `--ignored`, then open and save them with LibreOffice; see
/// tests/fixtures/README.md).
#[test]
#[ignore = "writes fixture sources for LibreOffice; run by hand"]
fn write_fixture_sources() {
    let dir = std::env::var("ROI_FIXTURE_SOURCES").unwrap_or_else(|_| "/tmp/roi-fixtures".into());
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        format!("{dir}/roi-costs-libreoffice.xlsx"),
        messy_costs_workbook(),
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/medium-customer-costs.xlsx"),
        medium_customer_costs_workbook(),
    )
    .unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Costs").unwrap();
    sheet
        .merge_range(0, 0, 0, 3, "Nothing entered yet", &Format::new())
        .unwrap();
    for (column, header) in ["Category", "Description", "Amount", "Avoidable %"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, column as u16, *header).unwrap();
    }
    std::fs::write(
        format!("{dir}/roi-costs-header-only.xlsx"),
        workbook.save_to_buffer().unwrap(),
    )
    .unwrap();
}

// ---------------------------------------------------------------- examples

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

// The small customer (1-2 servers, 40 users), month 1 avoided, line by line:
// staff 1,250 x 80% = 1,000.00; consultant 650.00; emergency 3,600/12 = 300.00; training
// 1,200/12 x 50% = 50.00; travel 900/12 = 75.00; subscriptions 240/12 = 20.00; tools
// 1,800/12 x 75% = 112.50; downtime 3 h x 400 x 70% = 840.00; time lost 20 h x 38 x 50% =
// 380.00; depreciation 9,000/12 x 40% = 300.00; tax 25% x 9,000/12 = 187.50:
// 3,915.00 avoided of 5,442.50 current.
//
// The medium customer (9 servers, 250 desktops), month 1: staff 3,900 + consultants 3,000
// + contractors 1,800 + training 250 + travel 280 + tools 600 + affiliate 900 + recruiting
// 166.67 (4,000/12 x 50% = 166.666..) + subscriptions 50 + emergency 1,100 + downtime 6,300
// + time lost 1,080 + depreciation 1,000 + tax 500 = 20,926.67. The avoided hire adds
// 72,000 x 1.28 / 12 = 7,680.00 from month 4 and the 9,000.00 recruiting fee in month 4:
// 37,606.67 in month 4, 28,606.67 in month 5.
#[test]
fn example_cost_files_import_cleanly_and_match_by_hand() {
    let cases = [
        ("small-customer-costs.csv", 11, false, [(1, dec!(3915.00))]),
        (
            "medium-customer-costs.xlsx",
            14,
            true,
            [(1, dec!(20926.67))],
        ),
    ];
    for (file, lines, has_hire, months) in cases {
        let imported = import_customer_costs(&example(file)).unwrap();
        assert!(
            imported.skipped.is_empty(),
            "{file}: {:?}",
            imported.skipped
        );
        assert!(
            imported.warnings.is_empty(),
            "{file}: {:?}",
            imported.warnings
        );
        assert_eq!(imported.costs.lines.len(), lines, "{file}");
        assert_eq!(imported.costs.avoided_hire.is_some(), has_hire, "{file}");
        assert_eq!(imported.costs.annual_growth_percent, dec!(3), "{file}");
        for (month, avoided) in months {
            assert_eq!(
                imported.costs.month_costs(month, 2).unwrap().avoided,
                avoided,
                "{file}"
            );
        }
    }
    let small = import_customer_costs(&example("small-customer-costs.csv")).unwrap();
    assert_eq!(
        small.costs.month_costs(1, 2).unwrap().current_cost,
        dec!(5442.50)
    );
    let medium = import_customer_costs(&example("medium-customer-costs.xlsx")).unwrap();
    assert_eq!(
        medium.costs.month_costs(4, 2).unwrap().avoided,
        dec!(37606.67)
    );
    assert_eq!(
        medium.costs.month_costs(5, 2).unwrap().avoided,
        dec!(28606.67)
    );
}

#[test]
fn example_roi_quote_gives_the_acceptance_figures() {
    let path = example("roi-two-silver-servers.ron");
    let (code, stdout, stderr) = run_cli(&["roi", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["investment"], "34360.00");
    assert_eq!(json["net_savings"], "109640.00");
    assert_eq!(json["roi_percent"], "319.09");
    assert_eq!(json["payback_month"], 1);
}

#[test]
fn template_command_writes_a_file_the_importer_reads_back() {
    let dir = temp_dir("template");
    let path = dir.join("costs.xlsx");
    let (code, stdout, stderr) = run_cli(&["template", "customer-costs", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("costs.xlsx"));
    let first = std::fs::read(&path).unwrap();
    let imported = import_customer_costs(&path).unwrap();
    assert_eq!(imported.sheet, "Customer costs");
    assert!(imported.warnings.iter().any(|p| p.message == NO_COST_LINES));
    // Deterministic: the same bytes again.
    run_cli(&["template", "customer-costs", path.to_str().unwrap()]);
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

/// Never paying back, through the CLI: 400.00 a month avoidable against 1 Bronze server for 12
/// months (1,500.00 in month 1, then 500.00): avoided 4,800.00, investment 7,000.00, net
/// -2,200.00, ROI -31.43%, `payback_month` null. Every key the issue lists is present.
#[test]
fn never_paying_back_gives_a_null_payback_month_in_json() {
    let dir = temp_dir("never");
    let costs = dir.join("costs.ron");
    std::fs::write(
        &costs,
        r#"(lines: [(category: "consultant_fees", amount: periodic(amount: "400.00", period: monthly), avoidable_percent: "100")])"#,
    )
    .unwrap();
    let (code, stdout, stderr) = run_cli(&[
        "roi",
        "--device",
        "bronze:server=1",
        "--costs",
        costs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    for key in [
        "term_months",
        "investment",
        "avoided_costs",
        "net_savings",
        "roi_percent",
        "payback_month",
        "npv",
        "monthly",
        "options",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(json["investment"], "7000.00");
    assert_eq!(json["avoided_costs"], "4800.00");
    assert_eq!(json["net_savings"], "-2200.00");
    assert_eq!(json["roi_percent"], "-31.43");
    assert!(json["payback_month"].is_null());
    let option_keys = [
        "tier",
        "monthly_recurring",
        "total_contract_value",
        "net_savings",
        "roi_percent",
        "payback_month",
    ];
    for option in json["options"].as_array().unwrap() {
        for key in option_keys {
            assert!(option.get(key).is_some(), "option missing {key}");
        }
    }
    for month in json["monthly"].as_array().unwrap() {
        for key in [
            "month",
            "current_cost",
            "avoided",
            "paid",
            "net",
            "cumulative_net",
        ] {
            assert!(month.get(key).is_some(), "month missing {key}");
        }
    }
}
