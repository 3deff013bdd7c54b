//! The handbook's other pricing options (issue 7): components and the phased path, complete
//! packages, time and materials, assessment fees and the support-hour ledger. Every expected
//! value is derived by hand from pricing-rules.md and the standard book (derivation in the
//! comment beside it).

use std::process::Command;

use msp_quote::core::options::assessment::{AssessmentRequest, price_assessment};
use msp_quote::core::options::components::{ComponentChoice, ComponentLine, price_component};
use msp_quote::core::options::ledger::{LedgerRequest, Usage, UsageKind, YearMonth, build_ledger};
use msp_quote::core::options::package::{
    Acquisition, PackageRequest, annuity_payment, price_package,
};
use msp_quote::core::options::time_materials::{Place, Urgency, WorkItem, estimate};
use msp_quote::core::price_book::PriceBook;
use msp_quote::core::quote::SetupMode;
use msp_quote::formats::price_book::{
    STANDARD_BOOK_RON, parse_price_book, price_book_to_ron, standard_book,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn book() -> PriceBook {
    standard_book().unwrap().book
}

// ---------------------------------------------------------------- price book sections

#[test]
fn standard_book_round_trips_with_its_option_sections() {
    let book = book();
    assert!(book.options.service_components.is_some());
    assert_eq!(book.options.phased_path.len(), 4);
    assert!(book.options.packages.is_some());
    assert!(book.options.time_materials.is_some());
    assert!(book.options.assessment.is_some());
    let text = price_book_to_ron(&book).unwrap();
    let again = parse_price_book(&text, "saved").unwrap();
    assert_eq!(again, book);
}

#[test]
fn a_book_without_option_sections_loads_and_refuses_the_options_clearly() {
    let mut bare = book();
    bare.options = Default::default();
    let text = price_book_to_ron(&bare).unwrap();
    for section in [
        "service_components",
        "phased_path",
        "packages",
        "time_materials",
        "assessment",
    ] {
        assert!(
            !text.contains(section),
            "{section} should be left out of the saved book"
        );
    }
    let loaded = parse_price_book(&text, "bare").unwrap();
    assert_eq!(loaded, bare);
    let error = price_component(&loaded, &component(ComponentChoice::Phase(1), 1))
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "the price book has no service_components section, so it cannot price components or phases"
    );
    let error = estimate(&loaded, &[item(16, Place::Remote, Urgency::Normal)])
        .unwrap_err()
        .to_string();
    assert!(error.contains("no time_materials section"), "{error}");
}

#[test]
fn invalid_option_sections_are_reported_with_field_paths() {
    let cases = [
        (
            "unknown T&M rate",
            r#"remote_normal: "remote-support""#,
            r#"remote_normal: "nope""#,
            "time_materials.remote_normal",
        ),
        (
            "remote work at an on-site rate",
            r#"remote_escalated: "escalated""#,
            r#"remote_escalated: "onsite-support""#,
            "time_materials.remote_escalated",
        ),
        (
            "gap between package bands",
            "min_users: 11,",
            "min_users: 12,",
            "packages.bands[1].min_users",
        ),
        (
            "unknown markup category for an item",
            r#"(name: "UPS", category: "hardware", cost: "300.00")"#,
            r#"(name: "UPS", category: "gadgets", cost: "300.00")"#,
            "packages.bands[0].items[3].category",
        ),
        (
            "negative item cost",
            r#"cost: "3000.00""#,
            r#"cost: "-3000.00""#,
            "packages.bands[0].items[0].cost",
        ),
        (
            "component tag no task carries",
            r#"tags: ["antivirus"]"#,
            r#"tags: ["antivrus"]"#,
            "service_components.components[3].tags[0]",
        ),
        (
            "phases out of order",
            "(phase: 2,",
            "(phase: 5,",
            "phased_path[1].phase",
        ),
        (
            "unknown assessment rate",
            r#"discovery_rate: "remote-support""#,
            r#"discovery_rate: "remote""#,
            "assessment.discovery_rate",
        ),
        (
            "assessment hours not a number",
            r#"report_hours: "4""#,
            r#"report_hours: "four""#,
            "assessment.report_hours",
        ),
        (
            "unknown package tier",
            r#"service_tier: "bronze", service_kind: "server", service_devices: 2"#,
            r#"service_tier: "platinum", service_kind: "server", service_devices: 2"#,
            "packages.bands[2].service_tier",
        ),
    ];
    for (name, from, to, path) in cases {
        assert!(
            STANDARD_BOOK_RON.contains(from),
            "case {name}: pattern missing"
        );
        let text = STANDARD_BOOK_RON.replacen(from, to, 1);
        let error = parse_price_book(&text, "edited").unwrap_err();
        assert!(
            error
                .problems
                .iter()
                .any(|p| p.location.to_string() == path),
            "case {name}: expected a problem at {path}, got {:?}",
            error.lines()
        );
    }
}

// ---------------------------------------------------------------- components and phases

fn component(choice: ComponentChoice, count: u32) -> ComponentLine {
    ComponentLine {
        choice,
        kind: "server".to_string(),
        count,
    }
}

#[test]
fn components_and_phases_are_derived_from_the_task_catalog() {
    // Standard book: Technical Specialist 50.00/h, Systems Consultant 85.00/h, labour markup 40%.
    // Tasks by tag (hours per device per month; * = per group, divided over the n devices):
    //   monitoring:  monitoring 0.5 + alerting 0.25 + reporting 0.25 = 1 h TS = 50.00
    //   patching:    patch-testing 1* h TS = 50/n, patching 0.5 h TS = 25.00
    //   updating:    updating 0.5 + backup-verify 0.25 = 0.75 h TS = 37.50
    //   antivirus:   0.25 h TS = 12.50
    //   managing:    event-logs 0.25 TS = 12.50, trend 0.25 SC = 21.25, optimization 0.25 SC = 21.25
    //                = 55.00
    //   administration: upgrade-planning 0.5 SC = 42.50, debriefing 1* h SC = 85/n
    // Fee = cost x 1.40, rounded half away from zero to the cent.
    let cases = [
        // 50 x 1.4 = 70.00
        (
            "monitoring, 5",
            ComponentChoice::Component("monitoring".into()),
            5,
            dec!(70.00),
        ),
        // (25 + 50/5 = 35) x 1.4 = 49.00
        (
            "patching, 5",
            ComponentChoice::Component("patching".into()),
            5,
            dec!(49.00),
        ),
        // (25 + 50/1 = 75) x 1.4 = 105.00
        (
            "patching, 1",
            ComponentChoice::Component("patching".into()),
            1,
            dec!(105.00),
        ),
        // (25 + 16.666..) x 1.4 = 58.333.. -> 58.33
        (
            "patching, 3",
            ComponentChoice::Component("patching".into()),
            3,
            dec!(58.33),
        ),
        // 37.5 x 1.4 = 52.50
        (
            "updating, 5",
            ComponentChoice::Component("updating".into()),
            5,
            dec!(52.50),
        ),
        // 12.5 x 1.4 = 17.50
        (
            "antivirus, 5",
            ComponentChoice::Component("antivirus".into()),
            5,
            dec!(17.50),
        ),
        // phase 1 = monitoring: 70.00
        ("phase 1, 5", ComponentChoice::Phase(1), 5, dec!(70.00)),
        // phase 2: (50 + 35) x 1.4 = 119.00
        ("phase 2, 5", ComponentChoice::Phase(2), 5, dec!(119.00)),
        // phase 3: (50 + 35 + 55) x 1.4 = 196.00
        ("phase 3, 5", ComponentChoice::Phase(3), 5, dec!(196.00)),
        // phase 4: 50 + 35 + 37.5 + 12.5 + 55 + 42.5 + 85/5 = 249.5; x 1.4 = 349.30
        ("phase 4, 5", ComponentChoice::Phase(4), 5, dec!(349.30)),
        // phase 4, 3 devices: 222.5 + 50/3 + 85/3 = 267.5; x 1.4 = 374.50
        ("phase 4, 3", ComponentChoice::Phase(4), 3, dec!(374.50)),
    ];
    let book = book();
    for (name, choice, count, fee) in cases {
        let priced = price_component(&book, &component(choice, count)).unwrap();
        assert_eq!(priced.per_device_monthly_fee, fee, "case {name}");
        assert_eq!(priced.monthly, fee * Decimal::from(count), "case {name}");
    }
}

#[test]
fn unknown_components_phases_and_kinds_are_refused() {
    let book = book();
    let cases = [
        (
            "component",
            component(ComponentChoice::Component("backup".into()), 1),
            "unknown component 'backup'",
        ),
        (
            "phase",
            component(ComponentChoice::Phase(5), 1),
            "unknown phase '5' (allowed: 1, 2, 3, 4)",
        ),
        (
            "kind",
            ComponentLine {
                choice: ComponentChoice::Phase(1),
                kind: "toaster".into(),
                count: 1,
            },
            "unknown device kind 'toaster'",
        ),
        (
            "zero devices",
            component(ComponentChoice::Phase(1), 0),
            "counts start at 1",
        ),
    ];
    for (name, line, message) in cases {
        let error = price_component(&book, &line).unwrap_err().to_string();
        assert!(error.contains(message), "case {name}: {error}");
    }
}

// ---------------------------------------------------------------- complete packages

fn package(
    users: u32,
    term_months: u32,
    acquisition: Acquisition,
    setup: SetupMode,
) -> PackageRequest {
    PackageRequest {
        users,
        term_months,
        acquisition,
        setup_mode: setup,
    }
}

#[test]
fn a_complete_package_at_each_user_band_edge() {
    // Placeholder bundles of the standard book, owned, 12 months, markups hardware 10%,
    // software 15%:
    // 1-10:  hardware 3000+600+300+300 = 4200 x 1.1 / 12 = 385.00; licences 1200 x 1.15 / 12
    //        = 115.00; Bronze x 1 server = 500.00 -> 1,000.00
    // 11-25: hardware 4800+1200+600+600 = 7200 x 1.1 / 12 = 660.00; licences 2400 x 1.15 / 12
    //        = 230.00; Bronze x 1 = 500.00 -> 1,390.00
    // 26-50: hardware 9600+1800+1200+1200 = 13800 x 1.1 / 12 = 1,265.00; licences 4800 x 1.15
    //        / 12 = 460.00; Bronze x 2 servers, band 2-5 = 4%: 480.00 x 2 = 960.00 -> 2,685.00
    let cases = [
        ("1 user", 1, "1-10", dec!(1000.00)),
        ("10 users", 10, "1-10", dec!(1000.00)),
        ("11 users", 11, "11-25", dec!(1390.00)),
        ("25 users", 25, "11-25", dec!(1390.00)),
        ("26 users", 26, "26-50", dec!(2685.00)),
        ("50 users", 50, "26-50", dec!(2685.00)),
    ];
    let book = book();
    for (name, users, band, monthly) in cases {
        let priced = price_package(
            &book,
            &package(users, 12, Acquisition::Owned, SetupMode::Upfront),
        )
        .unwrap();
        assert_eq!(priced.band_id, band, "case {name}");
        assert_eq!(priced.monthly_fee, monthly, "case {name}");
        // Setup 1,000.00 up front in month 1; total = monthly x 12 + 1,000.
        assert_eq!(priced.first_month_due, monthly + dec!(1000), "case {name}");
        assert_eq!(
            priced.total_over_term,
            monthly * dec!(12) + dec!(1000),
            "case {name}"
        );
    }
    for (name, users, message) in [
        ("51 users", 51, "custom package"),
        ("0 users", 0, "at least 1 user"),
    ] {
        let error = price_package(
            &book,
            &package(users, 12, Acquisition::Owned, SetupMode::Upfront),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains(message), "case {name}: {error}");
    }
}

#[test]
fn a_package_spreads_over_longer_terms_and_amortizes_setup() {
    let book = book();
    // 1-10 over 24 months: hardware 4620 / 24 = 192.50, licences 1380 / 24 = 57.50, Bronze
    // 500.00 -> 750.00. Setup amortized: 1000 / 24 = 41.666.. -> 41.66 a month, month 24
    // 41.66 + 0.16 = 41.82. First month 750.00 + 41.66 = 791.66; total 750 x 24 + 1000.
    let priced = price_package(
        &book,
        &package(5, 24, Acquisition::Owned, SetupMode::Amortized),
    )
    .unwrap();
    assert_eq!(priced.monthly_fee, dec!(750.00));
    assert_eq!(priced.setup_by_month[0], dec!(41.66));
    assert_eq!(priced.setup_by_month[23], dec!(41.82));
    assert_eq!(
        priced.setup_by_month.iter().copied().sum::<Decimal>(),
        dec!(1000)
    );
    assert_eq!(priced.first_month_due, dec!(791.66));
    assert_eq!(priced.total_over_term, dec!(19000.00));
    // A term the book does not offer is refused by the pricing engine's rule.
    let error = price_package(
        &book,
        &package(5, 18, Acquisition::Owned, SetupMode::Upfront),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("allowed: 12, 24, 36"), "{error}");
}

#[test]
fn a_leased_package_pays_an_annuity() {
    // 1,000 at 1% a month over 12 months: 1000 x 0.01 / (1 - 1.01^-12) = 88.8488 -> 88.85
    // (the textbook value); 1,200 -> 106.6186 -> 106.62.
    let cases = [
        ("1000 at 1%", dec!(1000), dec!(0.01), 12, dec!(88.85)),
        ("1200 at 1%", dec!(1200), dec!(0.01), 12, dec!(106.62)),
        (
            "rate 0 is even spread",
            dec!(1200),
            dec!(0),
            12,
            dec!(100.00),
        ),
    ];
    for (name, principal, rate, months, payment) in cases {
        let exact = annuity_payment(principal, rate, months).unwrap();
        assert_eq!(exact.round_dp(2), payment, "case {name}");
    }
    // With a 0% lease rate, leasing costs what owning does.
    let mut book = book();
    if let Some(rules) = book.options.packages.as_mut() {
        rules.lease_annual_rate_percent = Decimal::ZERO;
    }
    let owned = price_package(
        &book,
        &package(5, 12, Acquisition::Owned, SetupMode::Upfront),
    )
    .unwrap();
    let leased = price_package(
        &book,
        &package(5, 12, Acquisition::Leased, SetupMode::Upfront),
    )
    .unwrap();
    assert_eq!(leased.monthly_fee, owned.monthly_fee);
    // At 12% a year (1% a month) the 1-10 server, 3000 x 1.1 = 3300, costs
    // 3300 x 0.01 / (1 - 1.01^-12) = 293.1960 -> 293.20 a month instead of 275.00.
    if let Some(rules) = book.options.packages.as_mut() {
        rules.lease_annual_rate_percent = dec!(12);
    }
    let leased = price_package(
        &book,
        &package(5, 12, Acquisition::Leased, SetupMode::Upfront),
    )
    .unwrap();
    assert_eq!(leased.items[0].monthly, dec!(293.20));
    assert_eq!(owned.items[0].monthly, dec!(275.00));
}

// ---------------------------------------------------------------- time and materials

fn item(minutes: u32, place: Place, urgency: Urgency) -> WorkItem {
    WorkItem {
        description: format!("{minutes} minutes"),
        minutes,
        place,
        urgency,
    }
}

#[test]
fn time_is_billed_in_whole_increments_rounded_up() {
    // Remote normal = remote-support, 125.00/h in 15-minute increments:
    // 1, 14, 15 -> 15 minutes = 31.25; 16 -> 30 minutes = 62.50.
    let cases = [
        ("1 minute", 1, 15, dec!(31.25)),
        ("14 minutes", 14, 15, dec!(31.25)),
        ("15 minutes", 15, 15, dec!(31.25)),
        ("16 minutes", 16, 30, dec!(62.50)),
    ];
    let book = book();
    for (name, minutes, billed, amount) in cases {
        let result = estimate(&book, &[item(minutes, Place::Remote, Urgency::Normal)]).unwrap();
        assert_eq!(result.items[0].billed_minutes, billed, "case {name}");
        assert_eq!(result.items[0].amount, amount, "case {name}");
        assert_eq!(result.total, amount, "case {name}");
    }
}

#[test]
fn the_quantity_discount_never_touches_time_and_materials() {
    // Even with the remote rate marked discountable and 20 items (the 11-20 band would give
    // 12%), a 16-minute remote task bills 30 minutes = 62.50, and 20 of them 1,250.00.
    let mut book = book();
    for rate in &mut book.hourly_rates {
        rate.discountable = true;
    }
    let items: Vec<WorkItem> = (0..20)
        .map(|_| item(16, Place::Remote, Urgency::Normal))
        .collect();
    let result = estimate(&book, &items).unwrap();
    assert!(
        result
            .items
            .iter()
            .all(|i| i.billed_minutes == 30 && i.amount == dec!(62.50))
    );
    assert_eq!(result.total, dec!(1250.00));
}

#[test]
fn each_kind_of_work_uses_its_rate_and_on_site_work_its_travel_premium() {
    // remote escalated: escalated 200.00/h, 15-min: 10 -> 15 min = 50.00
    // remote emergency: escalated too (decided): 40 -> 45 min = 150.00
    // on-site normal: onsite-support 150.00/h in 60-min increments, travel 75.00:
    //   90 -> 120 min = 300.00 + 75.00 = 375.00
    // on-site emergency: emergency-onsite 185.00/h, 15-min, no travel premium: 20 -> 30 = 92.50
    // on-site escalated: emergency-onsite too (decided): 61 -> 75 min = 231.25
    let cases = [
        (
            "remote escalated",
            10,
            Place::Remote,
            Urgency::Escalated,
            "escalated",
            15,
            dec!(0),
            dec!(50.00),
        ),
        (
            "remote emergency",
            40,
            Place::Remote,
            Urgency::Emergency,
            "escalated",
            45,
            dec!(0),
            dec!(150.00),
        ),
        (
            "on-site normal",
            90,
            Place::OnSite,
            Urgency::Normal,
            "onsite-support",
            120,
            dec!(75),
            dec!(375.00),
        ),
        (
            "on-site emergency",
            20,
            Place::OnSite,
            Urgency::Emergency,
            "emergency-onsite",
            30,
            dec!(0),
            dec!(92.50),
        ),
        (
            "on-site escalated",
            61,
            Place::OnSite,
            Urgency::Escalated,
            "emergency-onsite",
            75,
            dec!(0),
            dec!(231.25),
        ),
    ];
    let book = book();
    for (name, minutes, place, urgency, rate, billed, travel, amount) in cases {
        let result = estimate(&book, &[item(minutes, place, urgency)]).unwrap();
        let billed_item = &result.items[0];
        assert_eq!(billed_item.rate_id, rate, "case {name}");
        assert_eq!(billed_item.billed_minutes, billed, "case {name}");
        assert_eq!(billed_item.travel_premium, travel, "case {name}");
        assert_eq!(billed_item.amount, amount, "case {name}");
    }
    let error = estimate(&book, &[item(0, Place::Remote, Urgency::Normal)]).unwrap_err();
    assert!(error.to_string().contains("at least 1 minute"), "{error}");
}

// ---------------------------------------------------------------- assessment

#[test]
fn assessment_fees_are_hours_times_the_rate_card() {
    // Standard placeholders: travel 2 h/location at onsite-support 150; discovery 2 h at
    // remote-support 125; analysis 1.5 h/server and 2 h/site x type factor at escalated 200;
    // report 4 h + 0.5 h/server at escalated 200.
    // small (factor 1), 2 servers, 1 location:
    //   travel 2 h = 300; discovery 2 h = 250; servers 3 h = 600; sites 2 h = 400;
    //   report 5 h = 1,000 -> 14 h, 2,550.00
    // medium (factor 1.5), 9 servers, 3 locations:
    //   travel 6 h = 900; discovery 250; servers 1.5 x 9 x 1.5 = 20.25 h = 4,050;
    //   sites 2 x 3 x 1.5 = 9 h = 1,800; report 4 + 4.5 = 8.5 h = 1,700 -> 45.75 h, 8,700.00
    let cases = [
        ("small 2/1", "small", 2, 1, dec!(14), dec!(2550.00)),
        ("medium 9/3", "medium", 9, 3, dec!(45.75), dec!(8700.00)),
    ];
    let book = book();
    for (name, kind, servers, locations, hours, total) in cases {
        let fee = price_assessment(
            &book,
            &AssessmentRequest {
                infrastructure_type: kind.into(),
                servers,
                locations,
            },
        )
        .unwrap();
        assert_eq!(fee.hours, hours, "case {name}");
        assert_eq!(fee.total, total, "case {name}");
        assert_eq!(fee.activities.len(), 5, "case {name}");
    }
    let error = price_assessment(
        &book,
        &AssessmentRequest {
            infrastructure_type: "huge".into(),
            servers: 1,
            locations: 1,
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("allowed: small, medium, enterprise"),
        "{error}"
    );
}

// ---------------------------------------------------------------- support-hour ledger

fn ledger_request(
    start: (i32, u32),
    months: u32,
    devices: u32,
    usage: Vec<Usage>,
) -> LedgerRequest {
    LedgerRequest {
        start: YearMonth {
            year: start.0,
            month: start.1,
        },
        months,
        devices,
        tier: "bronze".into(),
        usage,
    }
}

fn usage(year: i32, month: u32, kind: UsageKind, hours: Decimal) -> Usage {
    Usage {
        month: YearMonth { year, month },
        kind,
        hours,
    }
}

#[test]
fn a_ledger_started_in_march_expires_flex_hours_on_31_december() {
    // 5 servers at Bronze: 5 h flex a month from March: March-December = 10 months = 50 h,
    // expiring on 31 December 2026; January 2027 starts again from 0.
    let book = book();
    let ledger = build_ledger(&book, &ledger_request((2026, 3), 12, 5, vec![])).unwrap();
    let december = &ledger.months[9];
    assert_eq!(december.month.to_string(), "2026-12");
    assert_eq!(december.flex_expired, dec!(50));
    assert_eq!(december.flex_closing, dec!(0));
    for month in &ledger.months[..10] {
        assert_eq!(month.flex_expires_on.unwrap().to_string(), "2026-12-31");
        assert!(month.flex_closing <= dec!(160));
        assert_eq!(month.support_included, dec!(5));
        assert_eq!(
            month.support_lost,
            dec!(5),
            "unused support is lost each month"
        );
    }
    assert_eq!(ledger.months[10].flex_opening, dec!(0));
    assert_eq!(ledger.months[10].flex_closing, dec!(5));
    assert_eq!(
        ledger.months[10].flex_expires_on.unwrap().to_string(),
        "2027-12-31"
    );
    assert_eq!(ledger.flex_peak, dec!(50));
}

#[test]
fn the_flex_bank_never_holds_more_than_160_hours() {
    // 20 servers from January: 20 h a month; January-August reach 160 h; September to
    // December accrue nothing (20 h forfeited each); 160 h expire on 31 December.
    let book = book();
    let ledger = build_ledger(&book, &ledger_request((2026, 1), 12, 20, vec![])).unwrap();
    let closings: Vec<Decimal> = ledger.months.iter().map(|m| m.flex_closing).collect();
    assert_eq!(
        closings,
        [20, 40, 60, 80, 100, 120, 140, 160, 160, 160, 160, 0].map(Decimal::from)
    );
    assert_eq!(ledger.months[8].flex_accrued, dec!(0));
    assert_eq!(ledger.months[8].flex_forfeited_at_cap, dec!(20));
    assert_eq!(ledger.flex_forfeited_at_cap, dec!(80));
    assert_eq!(ledger.months[11].flex_expired, dec!(160));
    assert_eq!(ledger.flex_peak, dec!(160));
}

#[test]
fn a_ledger_across_a_calendar_year_end() {
    // 5 servers from November 2026: Nov +5 = 5; Dec +5 = 10, 3 h flex used -> 7 expire on
    // 31 December; Jan 2027 +5, 2 h flex used -> 3; Feb +5 -> 8.
    let book = book();
    let ledger = build_ledger(
        &book,
        &ledger_request(
            (2026, 11),
            4,
            5,
            vec![
                usage(2026, 12, UsageKind::Flex, dec!(3)),
                usage(2027, 1, UsageKind::Flex, dec!(2)),
            ],
        ),
    )
    .unwrap();
    let rows: Vec<(String, Decimal, Decimal, Decimal)> = ledger
        .months
        .iter()
        .map(|m| {
            (
                m.month.to_string(),
                m.flex_used,
                m.flex_expired,
                m.flex_closing,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("2026-11".to_string(), dec!(0), dec!(0), dec!(5)),
            ("2026-12".to_string(), dec!(3), dec!(7), dec!(0)),
            ("2027-01".to_string(), dec!(2), dec!(0), dec!(3)),
            ("2027-02".to_string(), dec!(0), dec!(0), dec!(8)),
        ]
    );
    assert_eq!(ledger.billable_amount, dec!(0));
}

#[test]
fn usage_is_covered_then_billed_at_the_right_rate() {
    let book = book();
    let cases = [
        // 1 server, 10 minutes of support: counted as 15 minutes (0.25 h) of the 1 h included.
        (
            "10 minutes",
            1,
            usage(2026, 1, UsageKind::Support, dec!(0.1)),
            dec!(0.25),
            dec!(0.25),
            dec!(0),
            dec!(0),
            dec!(0.00),
        ),
        // 1 server, 3 h support: 1 h included, 1 h from the bank (1 h accrued), 1 h billable at
        // remote-support 125.00 = 125.00.
        (
            "support over both",
            1,
            usage(2026, 1, UsageKind::Support, dec!(3)),
            dec!(3),
            dec!(1),
            dec!(1),
            dec!(1),
            dec!(125.00),
        ),
        // 5 servers, 6 h on-site flex in month 1: 2 blocks of 4 h needed, the bank (5 h) holds
        // 1: 4 h covered, 2 h billable at onsite-support 150.00 in hours = 300.00.
        (
            "on-site blocks",
            5,
            usage(2026, 1, UsageKind::FlexOnSite, dec!(6)),
            dec!(8),
            dec!(0),
            dec!(4),
            dec!(2),
            dec!(300.00),
        ),
        // 5 servers, 6.1 h support: counted 6.25; 5 included, 1.25 from the bank, nothing billable.
        (
            "support into flex",
            5,
            usage(2026, 1, UsageKind::Support, dec!(6.1)),
            dec!(6.25),
            dec!(5),
            dec!(1.25),
            dec!(0),
            dec!(0.00),
        ),
    ];
    for (name, devices, entry, counted, from_support, from_flex, billable, amount) in cases {
        let ledger =
            build_ledger(&book, &ledger_request((2026, 1), 1, devices, vec![entry])).unwrap();
        let outcome = &ledger.months[0].usage[0];
        assert_eq!(outcome.hours_counted, counted, "case {name}");
        assert_eq!(outcome.covered_by_support, from_support, "case {name}");
        assert_eq!(outcome.covered_by_flex, from_flex, "case {name}");
        assert_eq!(outcome.billable_hours, billable, "case {name}");
        assert_eq!(outcome.amount, amount, "case {name}");
    }
    let error = build_ledger(
        &book,
        &ledger_request(
            (2026, 3),
            2,
            5,
            vec![usage(2026, 7, UsageKind::Flex, dec!(1))],
        ),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("2026-03 to 2026-04"), "{error}");
}

proptest! {
    #[test]
    fn the_bank_stays_within_the_cap(
        devices in 1u32..60,
        start_month in 1u32..=12,
        months in 1u32..40,
        used in proptest::collection::vec((0u32..40, 0u32..3, 1u32..40), 0..10),
    ) {
        let book = book();
        let start = YearMonth { year: 2026, month: start_month };
        let mut usage_entries = Vec::new();
        for (offset, kind, hours) in used {
            let mut month = start;
            for _ in 0..(offset % months) {
                month = month.next();
            }
            let kind = [UsageKind::Support, UsageKind::Flex, UsageKind::FlexOnSite][kind as usize];
            usage_entries.push(Usage { month, kind, hours: Decimal::from(hours) });
        }
        let request = LedgerRequest { start, months, devices, tier: "silver".into(), usage: usage_entries };
        let ledger = build_ledger(&book, &request).unwrap();
        for month in &ledger.months {
            prop_assert!(month.flex_opening + month.flex_accrued <= dec!(160));
            prop_assert!(month.flex_closing >= Decimal::ZERO);
            if month.month.month == 12 {
                prop_assert_eq!(month.flex_closing, Decimal::ZERO);
            }
        }
    }

    #[test]
    fn billed_minutes_are_the_smallest_whole_increment_covering_the_work(minutes in 1u32..10_000) {
        let book = book();
        let result = estimate(&book, &[item(minutes, Place::Remote, Urgency::Normal)]).unwrap();
        let billed = result.items[0].billed_minutes;
        prop_assert_eq!(billed % 15, 0);
        prop_assert!(billed >= minutes && billed < minutes + 15);
    }
}

// ---------------------------------------------------------------- the binary

fn run(args: &[&str]) -> (i32, String, String) {
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

fn run_json(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn tm_json_bills_a_16_minute_remote_task_30_minutes() {
    let value = run_json(&[
        "tm",
        "--item",
        "Reset router:16:remote:normal",
        "--format",
        "json",
    ]);
    let first = &value["items"][0];
    assert_eq!(first["description"], "Reset router");
    assert_eq!(first["billed_minutes"], 30);
    assert_eq!(first["amount"], "62.50");
    assert_eq!(value["discount_percent"], "0");
    assert_eq!(value["total"], "62.50");
}

#[test]
fn assessment_and_ledger_json() {
    let value = run_json(&[
        "assessment",
        "--type",
        "small",
        "--servers",
        "2",
        "--locations",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(value["total"], "2550.00");
    assert_eq!(value["hours"], "14");
    let value = run_json(&[
        "ledger",
        "--start",
        "2026-03",
        "--devices",
        "5",
        "--months",
        "12",
        "--usage",
        "2026-04:support:6",
        "--format",
        "json",
    ]);
    assert_eq!(value["months"][9]["month"], "2026-12");
    assert_eq!(value["months"][9]["flex_expires_on"], "2026-12-31");
    // 50 h accrued March-December, 1 h of April's 6 h support came from the bank -> 49 expire.
    assert_eq!(value["months"][9]["flex_expired"], "49");
    assert_eq!(value["totals"]["flex_peak"], "49");
    assert_eq!(value["totals"]["billable_amount"], "0.00");
}

#[test]
fn price_json_carries_components_and_packages() {
    let value = run_json(&[
        "price",
        "--component",
        "monitoring:server=5",
        "--phase",
        "2:server=5",
        "--package",
        "11-25",
        "--device",
        "silver:server=7",
        "--format",
        "json",
    ]);
    let options = &value["options"];
    assert_eq!(options["components"][0]["per_device_monthly_fee"], "70.00");
    assert_eq!(options["components"][0]["monthly"], "350.00");
    assert_eq!(options["components"][1]["per_device_monthly_fee"], "119.00");
    assert_eq!(options["package"]["band"], "11-25");
    assert_eq!(options["package"]["monthly_fee"], "1390.00");
    // 350 + 595 + 1,390 = 2,335.00; + Silver 4,830.00 = 7,165.00 a month; the quote's total
    // (4,830 x 12 + 1,000 = 58,960.00) + 2,335 x 12 (= 28,020) = 86,980.00.
    assert_eq!(options["options_monthly"], "2335.00");
    assert_eq!(options["combined_monthly_recurring"], "7165.00");
    assert_eq!(options["combined_total_contract_value"], "86980.00");
    // A package alone over 24 months, setup up front: 1-10 owned over 24 months = 750.00 a
    // month (see a_package_spreads_over_longer_terms_and_amortizes_setup). The quote alone
    // bills only the 1,000.00 setup, so its 1,200.00 month-24 credit would be lost; with the
    // package in every month it applies up to month 24's 750.00 (a credit never makes a
    // month negative; the other 450.00 is lost): 1,000 + 750 x 24 - 750 = 18,250.00.
    let value = run_json(&[
        "price",
        "--package",
        "1-10",
        "--term",
        "24",
        "--format",
        "json",
    ]);
    assert_eq!(value["options"]["package"]["monthly_fee"], "750.00");
    assert_eq!(value["options"]["combined_first_invoice"], "1750.00");
    assert_eq!(
        value["options"]["combined_total_contract_value"],
        "18250.00"
    );
    // Without option flags, price's JSON has no options object.
    let plain = run_json(&["price", "--device", "silver:server=7", "--format", "json"]);
    assert!(plain.get("options").is_none());
}

#[test]
fn bad_option_input_exits_2_with_one_line() {
    let cases = [
        (
            "tm place",
            vec!["tm", "--item", "Reset:16:moon:normal"],
            "is not remote or on-site",
        ),
        (
            "tm minutes",
            vec!["tm", "--item", "Reset:0:remote:normal"],
            "at least 1",
        ),
        (
            "tm shape",
            vec!["tm", "--item", "Reset router"],
            "DESCRIPTION:MINUTES",
        ),
        (
            "assessment type",
            vec!["assessment", "--type", "huge", "--servers", "2"],
            "unknown infrastructure type 'huge'",
        ),
        (
            "ledger start",
            vec!["ledger", "--start", "2026-13", "--devices", "5"],
            "is not a month",
        ),
        (
            "ledger usage",
            vec![
                "ledger",
                "--start",
                "2026-03",
                "--devices",
                "5",
                "--usage",
                "2026-04:naps:2",
            ],
            "not support, flex or flex-onsite",
        ),
        (
            "ledger tier",
            vec![
                "ledger",
                "--start",
                "2026-03",
                "--devices",
                "5",
                "--tier",
                "tin",
            ],
            "unknown tier 'tin'",
        ),
        (
            "package too big",
            vec!["price", "--package", "51"],
            "custom package",
        ),
        (
            "package band",
            vec!["price", "--package", "5-9"],
            "unknown package band '5-9'",
        ),
        (
            "component",
            vec!["price", "--component", "backup:server=2"],
            "unknown component 'backup'",
        ),
        (
            "phase",
            vec!["price", "--phase", "9:server=2"],
            "unknown phase '9'",
        ),
    ];
    for (name, args, message) in cases {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 2, "case {name}: {stdout}");
        assert_eq!(stderr.lines().count(), 1, "case {name}: {stderr}");
        assert!(stderr.starts_with("error: "), "case {name}: {stderr}");
        assert!(stderr.contains(message), "case {name}: {stderr}");
    }
}
