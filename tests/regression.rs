//! Regression tests: one per fixed bug, each named after the bug it keeps fixed (ripgrep's
//! style). A test here reproduces what a user saw, then asserts the behaviour we want instead.

// ---------------------------------------------------------------------------------------------
// Defects a user saw in the window and the command line (issue "One evaluation for every view")
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Imports (issue "Imports that take the analyst's own workbook")
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Contracts after the signature, price-book tools, the window's lists
// ---------------------------------------------------------------------------------------------
