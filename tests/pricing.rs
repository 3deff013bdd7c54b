//! The pricing engine against figures derived by hand from pricing-rules.md sections 2, 3 and 9.

use msp_quote::core::price_book::{DiscountMode, PriceBook};
use msp_quote::core::pricing::{PricedQuote, PricingError, WarningKind, price_quote};
use msp_quote::core::quote::{AddOnLine, DeviceLine, ExtraDiscount, Quote, SetupMode};
use msp_quote::formats::price_book::standard_book;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub fn book() -> PriceBook {
    standard_book().unwrap().book
}

pub fn quote(devices: &[(&str, u32)], term: u32, setup: SetupMode) -> Quote {
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    quote.devices = devices
        .iter()
        .map(|(tier, count)| DeviceLine {
            tier: tier.to_string(),
            kind: "server".to_string(),
            count: *count,
        })
        .collect();
    quote.term_months = term;
    quote.setup_mode = setup;
    quote
}

fn price(devices: &[(&str, u32)], term: u32, setup: SetupMode) -> PricedQuote {
    price_quote(&book(), &quote(devices, term, setup)).unwrap()
}

fn has_warning(priced: &PricedQuote, kind: WarningKind) -> bool {
    priced.warnings.iter().any(|w| w.kind == kind)
}

#[test]
fn worked_example_9_1_seven_silver_for_24_months() {
    // 9.1: band 6-10 -> 8%; 750 x 0.92 = 690.00; x7 = 4,830.00; month 1 = 4,830 + 1,000;
    // month 24 = 4,830 - 1,200; TCV = 4,830 x 24 + 1,000 - 1,200 = 115,720.00.
    let priced = price(&[("silver", 7)], 24, SetupMode::Upfront);
    assert_eq!(priced.lines[0].unit_net, dec!(690.00));
    assert_eq!(priced.monthly_recurring, dec!(4830.00));
    assert_eq!(priced.schedule[0].due, dec!(5830.00));
    assert_eq!(priced.schedule[23].credit, dec!(1200.00));
    assert_eq!(priced.schedule[23].due, dec!(3630.00));
    assert_eq!(priced.total_contract_value, dec!(115720.00));
    // 115,720 / 24 = 4,821.666... -> 4,821.67
    assert_eq!(priced.effective_monthly, dec!(4821.67));
    assert!(priced.warnings.is_empty(), "{:?}", priced.warnings);
}

#[test]
fn worked_example_9_2_one_bronze_amortized_setup() {
    // 9.2: 1,000 / 12 = 83.33 for months 1-11, 83.37 in month 12; 583.33 / 583.37 due.
    let priced = price(&[("bronze", 1)], 12, SetupMode::Amortized);
    for month in &priced.schedule[..11] {
        assert_eq!(month.setup, dec!(83.33), "month {}", month.month);
        assert_eq!(month.due, dec!(583.33), "month {}", month.month);
    }
    assert_eq!(priced.schedule[11].setup, dec!(83.37));
    assert_eq!(priced.schedule[11].due, dec!(583.37));
    assert_eq!(priced.total_contract_value, dec!(7000.00));
}

#[test]
fn every_band_edge_prices_silver_as_derived() {
    // Silver list 750.00; unit = 750 x (1 - band%), rounded to the cent; monthly = unit x count.
    let cases: [(u32, Decimal, Decimal, Decimal); 12] = [
        (1, dec!(0), dec!(750.00), dec!(750.00)),
        (2, dec!(4), dec!(720.00), dec!(1440.00)),
        (5, dec!(4), dec!(720.00), dec!(3600.00)),
        (6, dec!(8), dec!(690.00), dec!(4140.00)),
        (10, dec!(8), dec!(690.00), dec!(6900.00)),
        (11, dec!(12), dec!(660.00), dec!(7260.00)),
        (20, dec!(12), dec!(660.00), dec!(13200.00)),
        (21, dec!(18), dec!(615.00), dec!(12915.00)),
        (50, dec!(18), dec!(615.00), dec!(30750.00)),
        (51, dec!(25), dec!(562.50), dec!(28687.50)),
        (100, dec!(25), dec!(562.50), dec!(56250.00)),
        (101, dec!(25), dec!(562.50), dec!(56812.50)),
    ];
    for (count, percent, unit, monthly) in cases {
        let priced = price(&[("silver", count)], 12, SetupMode::Upfront);
        let line = &priced.lines[0];
        assert_eq!(line.discount_percent, percent, "{count} servers: band");
        assert_eq!(line.unit_net, unit, "{count} servers: unit");
        assert_eq!(
            priced.monthly_recurring, monthly,
            "{count} servers: monthly"
        );
        assert_eq!(
            has_warning(&priced, WarningKind::PastLastBand),
            count > 100,
            "{count} servers: past-last-band warning"
        );
    }
}

#[test]
fn cliff_warnings_name_the_cliff_on_both_sides() {
    // 50 x 0.82 = 41.00 > 51 x 0.75 = 38.25: 47..=50 cost more than 51 (46 x 0.82 = 37.72).
    let cases = [
        (46, false),
        (47, true),
        (50, true),
        (51, true),
        (52, false),
        (20, true),
        (21, true),
        (19, false),
    ];
    for (count, expected) in cases {
        let priced = price(&[("gold", count)], 12, SetupMode::Upfront);
        assert_eq!(
            has_warning(&priced, WarningKind::Cliff),
            expected,
            "{count} gold servers"
        );
    }
    let at_50 = price(&[("gold", 50)], 12, SetupMode::Upfront);
    assert!(
        at_50
            .warnings
            .iter()
            .any(|w| w.message.contains("50 -> 51")),
        "{:?}",
        at_50.warnings
    );
}

#[test]
fn mixed_tiers_share_one_band() {
    // 3 Bronze + 4 Gold = 7 servers -> 8%: 460.00 x 3 = 1,380.00; 920.00 x 4 = 3,680.00.
    let priced = price(&[("bronze", 3), ("gold", 4)], 12, SetupMode::Upfront);
    assert_eq!(priced.lines[0].monthly, dec!(1380.00));
    assert_eq!(priced.lines[1].monthly, dec!(3680.00));
    assert_eq!(priced.monthly_recurring, dec!(5060.00));
    assert_eq!(priced.band.as_ref().unwrap().count, 7);
}

#[test]
fn each_term_and_a_credit_larger_than_a_month() {
    // 2 Bronze: 4% -> 480.00 x 2 = 960.00 a month.
    // 12: 960 x 12 + 1,000 = 12,520.00.
    // 24: month 24 = 960 - 960 (credit 1,200 > 960), 240 lost: 960 x 24 + 1,000 - 960 = 23,080.00.
    // 36: month 30 takes 960 of 1,200, month 31 the other 240 (720 due); month 36 takes 960 of
    //     1,200, 240 lost: 960 x 36 + 1,000 - 2,160 = 33,400.00.
    let cases = [
        (12, dec!(12520.00), dec!(0), dec!(0)),
        (24, dec!(23080.00), dec!(960.00), dec!(240.00)),
        (36, dec!(33400.00), dec!(2160.00), dec!(240.00)),
    ];
    for (term, total, applied, lost) in cases {
        let priced = price(&[("bronze", 2)], term, SetupMode::Upfront);
        assert_eq!(priced.total_contract_value, total, "term {term}: TCV");
        assert_eq!(
            priced.credits_applied(),
            applied,
            "term {term}: credits applied"
        );
        assert_eq!(priced.credit_lost, lost, "term {term}: credit lost");
        assert_eq!(
            has_warning(&priced, WarningKind::CreditLost),
            lost > Decimal::ZERO,
            "term {term}"
        );
        assert!(
            priced.schedule.iter().all(|m| m.due >= Decimal::ZERO),
            "term {term}: no negative month"
        );
    }
    let priced = price(&[("bronze", 2)], 36, SetupMode::Upfront);
    assert_eq!(priced.schedule[29].due, dec!(0.00), "month 30");
    assert_eq!(
        priced.schedule[30].credit,
        dec!(240.00),
        "month 31 takes the carried excess"
    );
    assert_eq!(priced.schedule[30].due, dec!(720.00), "month 31");
}

#[test]
fn amortized_setup_on_each_term() {
    // 1,000 / 12 = 83.33 (last 83.37); / 24 = 41.66 (last 1,000 - 41.66 x 23 = 41.82);
    // / 36 = 27.77 (last 1,000 - 27.77 x 35 = 28.05).
    let cases = [
        (12, dec!(83.33), dec!(83.37)),
        (24, dec!(41.66), dec!(41.82)),
        (36, dec!(27.77), dec!(28.05)),
    ];
    for (term, each, last) in cases {
        let priced = price(&[("silver", 1)], term, SetupMode::Amortized);
        assert_eq!(priced.schedule[0].setup, each, "term {term}: first month");
        assert_eq!(
            priced.schedule[term as usize - 2].setup,
            each,
            "term {term}: month before last"
        );
        assert_eq!(
            priced.schedule[term as usize - 1].setup,
            last,
            "term {term}: last month"
        );
        let setup_total: Decimal = priced.schedule.iter().map(|m| m.setup).sum();
        assert_eq!(
            setup_total,
            dec!(1000.00),
            "term {term}: setup sums exactly"
        );
    }
}

#[test]
fn graduated_mode_on_the_same_counts() {
    // Graduated Silver: unit 1 at 750.00, units 2-5 at 720.00, 6-10 at 690.00, 11-20 at 660.00,
    // 21-50 at 615.00, 51+ at 562.50.
    // 7: 750 + 4 x 720 + 2 x 690 = 5,010.00. 20: 750 + 2,880 + 3,450 + 6,600 = 13,680.00.
    // 21: 13,680 + 615 = 14,295.00. 51: 13,680 + 30 x 615 + 562.50 = 32,692.50.
    let mut book = book();
    book.discount_schedules[0].mode = DiscountMode::Graduated;
    let cases = [
        (1, dec!(750.00)),
        (7, dec!(5010.00)),
        (20, dec!(13680.00)),
        (21, dec!(14295.00)),
        (51, dec!(32692.50)),
    ];
    for (count, monthly) in cases {
        let priced =
            price_quote(&book, &quote(&[("silver", count)], 12, SetupMode::Upfront)).unwrap();
        assert_eq!(priced.monthly_recurring, monthly, "graduated {count}");
        assert!(
            !has_warning(&priced, WarningKind::Cliff),
            "graduated mode has no cliffs"
        );
    }
    // Two lines share the positions: 3 Bronze take units 1-3, 4 Gold units 4-7.
    // Bronze: 500 + 2 x 480 = 1,460.00; Gold: 2 x 960 + 2 x 920 = 3,760.00.
    let priced = price_quote(
        &book,
        &quote(&[("bronze", 3), ("gold", 4)], 12, SetupMode::Upfront),
    )
    .unwrap();
    assert_eq!(priced.lines[0].monthly, dec!(1460.00));
    assert_eq!(priced.lines[1].monthly, dec!(3760.00));
}

#[test]
fn extra_discount_rounds_once_and_needs_approval_above_the_guardrail() {
    // 51 Silver, extra 3%: 750 x 0.75 x 0.97 = 545.625 -> 545.63 (half away); x51 = 27,827.13.
    let mut q = quote(&[("silver", 51)], 12, SetupMode::Upfront);
    q.extra_discount = Some(ExtraDiscount {
        percent: dec!(3),
        reason: "identical servers".to_string(),
    });
    let priced = price_quote(&book(), &q).unwrap();
    assert_eq!(priced.lines[0].unit_net, dec!(545.63));
    assert_eq!(priced.monthly_recurring, dec!(27827.13));
    assert!(
        !has_warning(&priced, WarningKind::NeedsApproval),
        "3% is within the 5% guardrail"
    );
    let steps: Vec<Decimal> = priced.lines[0]
        .waterfall
        .iter()
        .map(|s| s.running)
        .collect();
    assert_eq!(
        steps,
        [
            dec!(750),
            dec!(562.50),
            dec!(545.625),
            dec!(545.63),
            dec!(545.63)
        ]
    );

    // 7 Silver, extra 10%: 750 x 0.92 x 0.90 = 621.00; x7 = 4,347.00; above 5%: approval.
    q = quote(&[("silver", 7)], 12, SetupMode::Upfront);
    q.extra_discount = Some(ExtraDiscount {
        percent: dec!(10),
        reason: "competitive".to_string(),
    });
    let priced = price_quote(&book(), &q).unwrap();
    assert_eq!(priced.monthly_recurring, dec!(4347.00));
    assert!(has_warning(&priced, WarningKind::NeedsApproval));
}

#[test]
fn addons_are_discounted_only_when_marked() {
    // 7 servers -> 8%. Off-site backup (discountable) 50.00 x 0.92 = 46.00 x 7 = 322.00;
    // spam filtering (not discountable) 3.00 x 40 = 120.00. Monthly: 4,830 + 322 + 120 = 5,272.00.
    let mut q = quote(&[("silver", 7)], 12, SetupMode::Upfront);
    q.addons = vec![
        AddOnLine {
            id: "offsite-backup".to_string(),
            quantity: 7,
        },
        AddOnLine {
            id: "spam-filtering".to_string(),
            quantity: 40,
        },
    ];
    let priced = price_quote(&book(), &q).unwrap();
    assert_eq!(priced.addons[0].unit_net, dec!(46.00));
    assert_eq!(priced.addons[0].monthly, dec!(322.00));
    assert_eq!(priced.addons[1].unit_net, dec!(3.00));
    assert_eq!(priced.addons[1].monthly, dec!(120.00));
    assert_eq!(priced.monthly_recurring, dec!(5272.00));
}

#[test]
fn refused_quotes_name_the_value_and_what_is_allowed() {
    let book = book();
    let mut unknown_tier = quote(&[("platinum", 1)], 12, SetupMode::Upfront);
    let error = price_quote(&book, &unknown_tier).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown tier 'platinum' (allowed: bronze, silver, gold)"
    );

    unknown_tier.devices[0].tier = "silver".to_string();
    unknown_tier.term_months = 18;
    let error = price_quote(&book, &unknown_tier).unwrap_err();
    assert!(matches!(
        error,
        PricingError::TermNotOffered { term: 18, .. }
    ));
    assert_eq!(
        error.to_string(),
        "a term of 18 months is not offered (allowed: 12, 24, 36)"
    );

    let mut workstation = quote(&[("silver", 1)], 12, SetupMode::Upfront);
    workstation.devices[0].kind = "workstation".to_string();
    assert!(matches!(
        price_quote(&book, &workstation).unwrap_err(),
        PricingError::KindNotPriced { .. }
    ));

    let zero = quote(&[("silver", 0)], 12, SetupMode::Upfront);
    assert!(matches!(
        price_quote(&book, &zero).unwrap_err(),
        PricingError::ZeroCount { .. }
    ));
}

#[test]
fn yearly_totals_sum_to_the_contract_value() {
    // 7 Silver / 24: year 1 = 4,830 x 12 + 1,000 = 58,960.00; year 2 = 4,830 x 12 - 1,200 = 56,760.00.
    let priced = price(&[("silver", 7)], 24, SetupMode::Upfront);
    assert_eq!(priced.yearly_totals(), vec![dec!(58960.00), dec!(56760.00)]);
}
