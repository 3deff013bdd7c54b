//! Cost analysis: hand-derived cases from pricing-rules.md section 5 and worked example 9.3.

mod cli;
mod import;
mod xlsx;

use std::path::Path;

use msp_quote::core::cost::*;
use msp_quote::core::price_book::PriceBook;
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::formats::price_book::standard_book;
use msp_quote::formats::quote::{load_quote, parse_quote, quote_to_ron};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn book() -> PriceBook {
    standard_book().unwrap().book
}

fn example(name: &str) -> Quote {
    load_quote(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .unwrap()
}

fn analyse(quote: &Quote) -> CostBreakdown {
    analyse_cost(&book(), quote, quote.cost_analysis.as_ref().unwrap()).unwrap()
}

/// A quote of `servers` Bronze servers (12 months) with `analysis`.
fn quote_with(servers: u32, analysis: CostAnalysis) -> Quote {
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    quote.devices = vec![DeviceLine {
        tier: "bronze".into(),
        kind: "server".into(),
        count: servers,
    }];
    quote.customer.users = 40;
    quote.cost_analysis = Some(analysis);
    quote
}

/// Labour switched off (no catalog tasks, no included hours, no setup): only the lines given.
fn no_labour() -> LabourPlan {
    LabourPlan {
        tasks: Some(Vec::new()),
        include_tier_hours: false,
        setup_cost_per_device: Some(Decimal::ZERO),
        ..LabourPlan::default()
    }
}

fn monthly_hardware(description: &str, amount: Decimal) -> HardwareLine {
    HardwareLine {
        description: description.into(),
        quantity: 1,
        unit_cost: amount,
        acquisition: Acquisition::Monthly,
        source: None,
    }
}

fn affiliate(model: AffiliateModel) -> AffiliateLine {
    AffiliateLine {
        description: "affiliate".into(),
        model,
        source: None,
    }
}

fn figures(breakdown: &CostBreakdown, category: CostCategory) -> (Decimal, Decimal, Decimal) {
    let figures = breakdown
        .category(category)
        .unwrap_or_else(|| panic!("no {category:?} category"));
    (figures.cost, figures.markup, figures.price)
}

#[test]
fn worked_example_9_3_gives_547_per_device() {
    // pricing-rules.md 9.3: hardware 1,000 (12,000 purchased / 12 months), software 500
    // (5 x 100), affiliate 300 (5 x 180 a quarter / 3), labour 10 h x 50.00 = 500 (5 Bronze
    // servers x (1 h support + 1 h flex)); markups 10/15/20/40%:
    // 1,100 + 575 + 360 + 700 = 2,735.00; / 5 devices = 547.00.
    let breakdown = analyse(&example("worked-example-9-3.ron"));
    let cases = [
        (
            "hardware",
            CostCategory::Hardware,
            (dec!(1000), dec!(100), dec!(1100)),
        ),
        (
            "software",
            CostCategory::Software,
            (dec!(500), dec!(75), dec!(575)),
        ),
        (
            "affiliate",
            CostCategory::Affiliate,
            (dec!(300), dec!(60), dec!(360)),
        ),
        (
            "labour",
            CostCategory::Labour,
            (dec!(500), dec!(200), dec!(700)),
        ),
    ];
    for (name, category, expected) in cases {
        assert_eq!(figures(&breakdown, category), expected, "case {name}");
    }
    assert_eq!(breakdown.categories.len(), 4, "no other category appears");
    assert_eq!(breakdown.devices, 5);
    assert_eq!(breakdown.total_monthly_cost, dec!(2300));
    assert_eq!(breakdown.total_monthly_price, dec!(2735.00));
    assert_eq!(breakdown.per_device_monthly_fee, dec!(547.00));
    // Margin 435 / 2,735 = 15.9049% -> 15.90%.
    assert_eq!(breakdown.gross_margin, dec!(435));
    assert_eq!(breakdown.gross_margin_percent, dec!(15.90));
}

#[test]
fn worked_example_9_3_warns_of_the_shortfall_below_the_floor() {
    // Floor 30%: the price that reaches it is 2,300 / 0.7 = 3,285.714..., 550.71 more than
    // 2,735.00; 3,285.714 / 5 = 657.14 per device; 30 - 15.90 = 14.10 points.
    let breakdown = analyse(&example("worked-example-9-3.ron"));
    let floor = breakdown
        .warnings
        .iter()
        .find(|w| w.kind == CostWarningKind::MarginBelowFloor)
        .expect("margin below floor warns");
    assert!(floor.message.contains("15.9%"), "{}", floor.message);
    assert!(floor.message.contains("14.1 points"), "{}", floor.message);
    assert!(floor.message.contains("$550.71"), "{}", floor.message);
    assert!(floor.message.contains("$657.14"), "{}", floor.message);
}

#[test]
fn tier_comparison_prices_the_same_devices_after_discount_and_reserve() {
    // 5 servers: band 2-5, 4% off. Cost 2,300.
    // Bronze 500 x 0.96 = 480 x 5 = 2,400; reserve 0; margin 100; 100/2,400 = 4.17%.
    // Silver 750 x 0.96 = 720 x 5 = 3,600; reserve 5 x 250 = 1,250; margin 50; 1.39%.
    // Gold 1,000 x 0.96 = 960 x 5 = 4,800; reserve 5 x 500 = 2,500 (pricing-rules.md
    // section 1: $250 + an additional $250); margin 4,800 - 2,500 - 2,300 = 0; 0%.
    let breakdown = analyse(&example("worked-example-9-3.ron"));
    let got: Vec<_> = breakdown
        .tier_comparison
        .iter()
        .map(|t| {
            (
                t.tier.as_str(),
                t.monthly_price,
                t.reserve,
                t.margin,
                t.margin_percent,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "bronze",
                dec!(2400.00),
                dec!(0.00),
                dec!(100.00),
                dec!(4.17)
            ),
            (
                "silver",
                dec!(3600.00),
                dec!(1250.00),
                dec!(50.00),
                dec!(1.39)
            ),
            ("gold", dec!(4800.00), dec!(2500.00), dec!(0.00), dec!(0)),
        ]
    );
    let below = breakdown
        .warnings
        .iter()
        .filter(|w| w.kind == CostWarningKind::TierMarginBelowFloor)
        .count();
    assert_eq!(below, 3, "every tier is below the 30% floor");
}

#[test]
fn negative_tier_margin_in_the_51_100_band_warns() {
    // 60 Bronze servers: band 51-100, 25% off: 375 x 60 = 22,500 a month. Costs: hardware
    // 20,000 a month (markup 10%) and labour 60 x 0.5 h monitoring x 50 = 1,500 (40%): a
    // blended markup of (2,000 + 600) / 21,500 = 12.1%. Bronze margin 22,500 - 21,500 = 1,000
    // (4.44%, below the floor); Silver 750 x 0.75 = 562.50 x 60 = 33,750, reserve 15,000:
    // 33,750 - 15,000 - 21,500 = -2,750: loses money; Gold 1,000 x 0.75 = 750 x 60 = 45,000,
    // reserve 60 x 500 = 30,000 (pricing-rules.md section 1): 45,000 - 30,000 - 21,500 =
    // -6,500: loses money too.
    let analysis = CostAnalysis {
        hardware: vec![monthly_hardware("servers", dec!(20000))],
        labour: LabourPlan {
            tasks: Some(vec![TaskUse {
                task: "monitoring".into(),
                devices: None,
                groups: None,
                hours_per_month: None,
            }]),
            ..no_labour()
        },
        ..CostAnalysis::default()
    };
    let breakdown = analyse(&quote_with(60, analysis));
    assert_eq!(breakdown.total_monthly_cost, dec!(21500));
    let silver = &breakdown.tier_comparison[1];
    assert_eq!(
        (silver.monthly_price, silver.margin),
        (dec!(33750.00), dec!(-2750.00))
    );
    let bronze = &breakdown.tier_comparison[0];
    assert_eq!(
        (bronze.margin, bronze.margin_percent),
        (dec!(1000.00), dec!(4.44))
    );
    let losing: Vec<_> = breakdown
        .warnings
        .iter()
        .filter(|w| w.kind == CostWarningKind::NegativeMargin)
        .map(|w| w.message.clone())
        .collect();
    assert_eq!(losing.len(), 2, "{losing:?}");
    assert!(
        losing[0].contains("Silver for 60 devices (25% quantity discount) loses $2,750.00"),
        "{}",
        losing[0]
    );
    assert!(
        losing[1].contains("Gold for 60 devices (25% quantity discount) loses $6,500.00"),
        "{}",
        losing[1]
    );
    // Bronze: the floor needs 22,500 x 30% = 6,750 of margin: 5,750.00 short.
    assert!(
        breakdown
            .warnings
            .iter()
            .any(|w| w.kind == CostWarningKind::TierMarginBelowFloor
                && w.message.contains("Bronze")
                && w.message.contains("$5,750.00 a month short"))
    );
}

#[test]
fn leased_hardware_splits_the_annuity_into_principal_and_interest() {
    // 2 x 5,000 = 10,000 leased at 6% APR over 36 months: r = 0.005,
    // 10,000 x 0.005 x 1.005^36 / (1.005^36 - 1) = 304.2194 -> 304.22 a month.
    // Principal part 10,000 / 36 = 277.777... -> 277.78 (hardware, 10% -> 27.78);
    // interest 304.22 - 277.78 = 26.44 (financing, 10% -> 2.644 -> 2.64).
    let analysis = CostAnalysis {
        hardware: vec![HardwareLine {
            description: "servers".into(),
            quantity: 2,
            unit_cost: dec!(5000),
            acquisition: Acquisition::Leased {
                apr_percent: dec!(6),
                months: 36,
            },
            source: None,
        }],
        labour: no_labour(),
        ..CostAnalysis::default()
    };
    let breakdown = analyse(&quote_with(2, analysis));
    assert_eq!(
        figures(&breakdown, CostCategory::Hardware),
        (dec!(277.78), dec!(27.78), dec!(305.56))
    );
    assert_eq!(
        figures(&breakdown, CostCategory::Financing),
        (dec!(26.44), dec!(2.64), dec!(29.08))
    );
    assert_eq!(breakdown.total_monthly_cost, dec!(304.22));
}

#[test]
fn labour_counts_per_device_and_per_group_tasks() {
    // 8 devices, 3 groups of identical servers. Rates: Technical Specialist 50, Systems
    // Consultant 85 (overridden to 90 for one case).
    let task = |task: &str, groups: Option<u32>| TaskUse {
        task: task.into(),
        devices: None,
        groups,
        hours_per_month: None,
    };
    let cases: [(&str, Vec<TaskUse>, Option<Decimal>, Decimal); 5] = [
        // monitoring 0.5 h per device: 0.5 x 8 x 50 = 200.
        (
            "per device",
            vec![task("monitoring", None)],
            None,
            dec!(200),
        ),
        // patch testing 1 h per group: 1 x 3 x 50 = 150 (not 8 x 50).
        (
            "per group",
            vec![task("patch-testing", None)],
            None,
            dec!(150),
        ),
        // the task's own group count wins: 1 x 1 x 50 = 50.
        (
            "one group",
            vec![task("patch-testing", Some(1))],
            None,
            dec!(50),
        ),
        // debriefing 1 h per group, consultant: 1 x 3 x 85 = 255.
        (
            "consultant",
            vec![task("debriefing", None)],
            None,
            dec!(255),
        ),
        // with the consultant overridden to 90: 3 x 90 = 270.
        (
            "override",
            vec![task("debriefing", None)],
            Some(dec!(90)),
            dec!(270),
        ),
    ];
    for (name, tasks, consultant, expected) in cases {
        let mut analysis = CostAnalysis {
            labour: LabourPlan {
                tasks: Some(tasks),
                identical_groups: 3,
                ..no_labour()
            },
            ..CostAnalysis::default()
        };
        if let Some(rate) = consultant {
            analysis
                .hourly_costs
                .insert("systems-consultant".into(), rate);
        }
        let breakdown = analyse(&quote_with(8, analysis));
        assert_eq!(
            figures(&breakdown, CostCategory::Labour).0,
            expected,
            "case {name}"
        );
    }
}

#[test]
fn whole_catalog_and_setup_are_the_default_labour() {
    // Default plan on 1 Bronze server, 12 months: per-device catalog hours 0.5+0.25+0.25+0.5
    // +0.5+0.25+0.25+0.25 = 2.75 h x 50 = 137.50, per-group patch testing 1 h x 50 = 50;
    // consultant 0.25+0.25+0.5 = 1 h x 85 = 85 plus debriefing 1 h x 85 = 85; included hours
    // 2 h x 50 = 100; setup 150 x 1 / 12 = 12.50. Total 137.50 + 50 + 170 + 100 + 12.50 = 470.
    let breakdown = analyse(&quote_with(1, CostAnalysis::default()));
    assert_eq!(figures(&breakdown, CostCategory::Labour).0, dec!(470.00));
    let setup = breakdown
        .lines
        .iter()
        .find(|l| l.description == "Managed-services setup")
        .unwrap();
    assert_eq!(setup.monthly_cost, dec!(12.50));
}

#[test]
fn included_hours_follow_the_tiers_and_the_chosen_role() {
    // 3 Gold + 2 Bronze servers: (1 h support + 1 h flex) x 5 = 10 h.
    let cases = [
        ("specialist", None, true, Some(dec!(500))), // 10 x 50
        (
            "consultant",
            Some("systems-consultant"),
            true,
            Some(dec!(850)),
        ), // 10 x 85
        ("switched off", None, false, None),
    ];
    for (name, role, include, expected) in cases {
        let analysis = CostAnalysis {
            hardware: vec![monthly_hardware("x", dec!(1))],
            labour: LabourPlan {
                include_tier_hours: include,
                included_hours_role: role.map(String::from),
                ..no_labour()
            },
            ..CostAnalysis::default()
        };
        let mut quote = quote_with(2, analysis);
        quote.devices.push(DeviceLine {
            tier: "gold".into(),
            kind: "server".into(),
            count: 3,
        });
        let breakdown = analyse(&quote);
        assert_eq!(
            breakdown.category(CostCategory::Labour).map(|f| f.cost),
            expected,
            "case {name}"
        );
    }
}

#[test]
fn affiliate_fees_per_user_device_and_quarter() {
    // 40 users, 5 devices.
    let cases = [
        // 40 x 2.50 a month = 100.00.
        (
            "user month",
            AffiliateModel::UserBased {
                unit_cost: dec!(2.50),
                period: FeePeriod::Month,
                quantity: None,
            },
            dec!(100.00),
        ),
        // 40 x 10.00 a quarter = 400 / 3 = 133.333 -> 133.33.
        (
            "user quarter",
            AffiliateModel::UserBased {
                unit_cost: dec!(10),
                period: FeePeriod::Quarter,
                quantity: None,
            },
            dec!(133.33),
        ),
        // 5 x 20.00 a quarter = 100 / 3 = 33.333 -> 33.33.
        (
            "device quarter",
            AffiliateModel::DeviceBased {
                unit_cost: dec!(20),
                period: FeePeriod::Quarter,
                quantity: None,
            },
            dec!(33.33),
        ),
        // 7 given devices x 0.05 a quarter = 0.35 / 3 = 0.11666 -> 0.12.
        (
            "device quarter given",
            AffiliateModel::DeviceBased {
                unit_cost: dec!(0.05),
                period: FeePeriod::Quarter,
                quantity: Some(7),
            },
            dec!(0.12),
        ),
    ];
    for (name, model, expected) in cases {
        let analysis = CostAnalysis {
            affiliates: vec![affiliate(model)],
            labour: no_labour(),
            ..CostAnalysis::default()
        };
        let breakdown = analyse(&quote_with(5, analysis));
        assert_eq!(
            figures(&breakdown, CostCategory::Affiliate).0,
            expected,
            "case {name}"
        );
    }
}

#[test]
fn agent_fee_is_income_that_lowers_net_cost() {
    // Hardware 1,000 a month (+10% = 1,100); the affiliate sells 1,000 a month to the
    // customer and pays us 12.5%: 125.00 income, never marked up. Net cost 1,000 - 125 = 875;
    // markup 100; price 975; 5 devices: 195.00. Margin 100 / 975 = 10.26%.
    let analysis = CostAnalysis {
        hardware: vec![monthly_hardware("kit", dec!(1000))],
        affiliates: vec![affiliate(AffiliateModel::AgentFee {
            monthly_sell_price: dec!(1000),
            royalty_percent: dec!(12.5),
        })],
        labour: no_labour(),
        ..CostAnalysis::default()
    };
    let breakdown = analyse(&quote_with(5, analysis));
    assert_eq!(
        figures(&breakdown, CostCategory::AgentIncome),
        (dec!(-125.00), dec!(0), dec!(-125.00))
    );
    assert_eq!(breakdown.total_monthly_cost, dec!(875.00));
    assert_eq!(breakdown.total_monthly_price, dec!(975.00));
    assert_eq!(breakdown.per_device_monthly_fee, dec!(195.00));
    assert_eq!(breakdown.gross_margin_percent, dec!(10.26));
}

#[test]
fn subscription_cost_per_unit_follows_its_band_at_every_edge() {
    // Bands 1-10 at 5.00, 11-50 at 4.00, 51-100 at 3.00 per unit per month (volume: the whole
    // quantity at its band's cost); above 100 the last band's cost with a warning.
    let bands = vec![
        SubscriptionBand {
            min: 1,
            max: 10,
            unit_cost: dec!(5.00),
        },
        SubscriptionBand {
            min: 11,
            max: 50,
            unit_cost: dec!(4.00),
        },
        SubscriptionBand {
            min: 51,
            max: 100,
            unit_cost: dec!(3.00),
        },
    ];
    let cases = [
        (1, FeePeriod::Month, dec!(5.00), false),
        (10, FeePeriod::Month, dec!(50.00), false), // 10 x 5
        (11, FeePeriod::Month, dec!(44.00), false), // 11 x 4
        (50, FeePeriod::Month, dec!(200.00), false), // 50 x 4
        (51, FeePeriod::Month, dec!(153.00), false), // 51 x 3
        (100, FeePeriod::Month, dec!(300.00), false), // 100 x 3
        (101, FeePeriod::Month, dec!(303.00), true), // 101 x 3, past the last band
        (11, FeePeriod::Quarter, dec!(14.67), false), // 11 x 4 = 44 / 3 = 14.666 -> 14.67
    ];
    for (quantity, period, expected, past) in cases {
        let analysis = CostAnalysis {
            affiliates: vec![affiliate(AffiliateModel::Subscription {
                bands: bands.clone(),
                period,
                quantity: Some(quantity),
            })],
            labour: no_labour(),
            ..CostAnalysis::default()
        };
        let breakdown = analyse(&quote_with(1, analysis));
        assert_eq!(
            figures(&breakdown, CostCategory::Affiliate).0,
            expected,
            "quantity {quantity} {period:?}"
        );
        let warned = breakdown
            .warnings
            .iter()
            .any(|w| w.kind == CostWarningKind::PastLastBand);
        assert_eq!(warned, past, "quantity {quantity}");
    }
}

#[test]
fn incident_based_affiliate_has_its_own_higher_markup() {
    // 2.5 incidents a month x 80.00 = 200.00; "affiliate-incident" markup 25% = 50.00
    // (the plain affiliate category is 20%).
    let analysis = CostAnalysis {
        affiliates: vec![affiliate(AffiliateModel::IncidentBased {
            incidents_per_month: dec!(2.5),
            cost_per_incident: dec!(80),
        })],
        labour: no_labour(),
        ..CostAnalysis::default()
    };
    let breakdown = analyse(&quote_with(1, analysis));
    assert_eq!(
        figures(&breakdown, CostCategory::AffiliateIncident),
        (dec!(200.00), dec!(50.00), dec!(250.00))
    );
    assert!(breakdown.category(CostCategory::Affiliate).is_none());
}

#[test]
fn software_is_counted_by_its_basis_and_annual_costs_are_monthly() {
    // 40 users, 3 devices.
    let line = |basis, quantity, unit_cost, billing| SoftwareLine {
        description: "s".into(),
        basis,
        quantity,
        unit_cost,
        billing,
        source: None,
    };
    let cases = [
        // 40 users x 120 a year / 12 = 400.00.
        (
            "per user annual",
            line(
                SoftwareBasis::PerUser,
                None,
                dec!(120),
                SoftwareBilling::Annual,
            ),
            dec!(400.00),
        ),
        // 3 devices x 7.50 a month = 22.50.
        (
            "per device monthly",
            line(
                SoftwareBasis::PerDevice,
                None,
                dec!(7.50),
                SoftwareBilling::Monthly,
            ),
            dec!(22.50),
        ),
        // flat 1,000 a year / 12 = 83.333 -> 83.33.
        (
            "flat annual",
            line(
                SoftwareBasis::Flat,
                None,
                dec!(1000),
                SoftwareBilling::Annual,
            ),
            dec!(83.33),
        ),
        // quantity given: 25 x 3 = 75.
        (
            "given quantity",
            line(
                SoftwareBasis::PerUser,
                Some(25),
                dec!(3),
                SoftwareBilling::Monthly,
            ),
            dec!(75.00),
        ),
    ];
    for (name, software, expected) in cases {
        let analysis = CostAnalysis {
            software: vec![software],
            labour: no_labour(),
            ..CostAnalysis::default()
        };
        let breakdown = analyse(&quote_with(3, analysis));
        assert_eq!(
            figures(&breakdown, CostCategory::Software).0,
            expected,
            "case {name}"
        );
    }
}

#[test]
fn quote_markups_override_the_book() {
    // Labour 10 h x 50 = 500 at 50% instead of 40%: 250; hardware 1,000 at 12%: 120.
    let mut quote = example("worked-example-9-3.ron");
    let analysis = quote.cost_analysis.as_mut().unwrap();
    analysis.markups.insert("labour".into(), dec!(50));
    analysis.markups.insert("hardware".into(), dec!(12));
    let breakdown = analyse(&quote);
    assert_eq!(figures(&breakdown, CostCategory::Labour).1, dec!(250.00));
    assert_eq!(figures(&breakdown, CostCategory::Hardware).1, dec!(120.00));
}

#[test]
fn unknown_references_name_their_field() {
    let cases = [
        (
            "task",
            CostAnalysis {
                labour: LabourPlan {
                    tasks: Some(vec![TaskUse {
                        task: "juggling".into(),
                        devices: None,
                        groups: None,
                        hours_per_month: None,
                    }]),
                    ..no_labour()
                },
                ..CostAnalysis::default()
            },
            "cost_analysis.labour.tasks[0].task",
        ),
        (
            "role",
            CostAnalysis {
                labour: LabourPlan {
                    extra: vec![LabourLine {
                        description: "x".into(),
                        role: "wizard".into(),
                        hours_per_month: dec!(1),
                    }],
                    ..no_labour()
                },
                ..CostAnalysis::default()
            },
            "cost_analysis.labour.extra[0].role",
        ),
        (
            "devices",
            CostAnalysis {
                managed_devices: Some(0),
                ..CostAnalysis::default()
            },
            "cost_analysis.managed_devices",
        ),
    ];
    for (name, analysis, field) in cases {
        let quote = quote_with(1, analysis.clone());
        let error = analyse_cost(&book(), &quote, &analysis).unwrap_err();
        assert_eq!(error.field, field, "case {name}: {error}");
    }
}

#[test]
fn examples_round_trip_exactly_through_ron() {
    for name in [
        "worked-example-9-3.ron",
        "small-customer.ron",
        "medium-customer.ron",
    ] {
        let quote = example(name);
        assert!(quote.cost_analysis.is_some(), "{name} has a cost analysis");
        let text = quote_to_ron(&quote).unwrap();
        assert_eq!(parse_quote(&text, name).unwrap(), quote, "{name}");
        analyse(&quote);
    }
}

#[test]
fn bad_cost_fields_are_reported_with_their_paths() {
    let text = r#"(
        number: "Q-1", revision: 1, date: "2026-03-02", term_months: 12, setup: upfront,
        cost_analysis: Some((
            managed_devices: Some(0),
            hardware: [(description: "x", quantity: 0, unit_cost: "-5", acquisition: leased(apr_percent: "140", months: 0))],
            affiliates: [(description: "s", model: subscription(bands: [(min: 2, max: 1, unit_cost: "abc")], period: month))],
            markups: {"snacks": "10"},
        )),
    )"#;
    let error = parse_quote(text, "bad.ron").unwrap_err();
    let lines = error.lines();
    for expected in [
        "bad.ron:cost_analysis.managed_devices:",
        "bad.ron:cost_analysis.hardware[0].quantity:",
        "bad.ron:cost_analysis.hardware[0].unit_cost:",
        "bad.ron:cost_analysis.hardware[0].acquisition.apr_percent:",
        "bad.ron:cost_analysis.hardware[0].acquisition.months:",
        "bad.ron:cost_analysis.affiliates[0].model.bands[0].min:",
        "bad.ron:cost_analysis.affiliates[0].model.bands[0].max:",
        "bad.ron:cost_analysis.affiliates[0].model.bands[0].unit_cost:",
        "bad.ron:cost_analysis.markups.snacks:",
    ] {
        assert!(
            lines.iter().any(|line| line.starts_with(expected)),
            "missing {expected} in {lines:#?}"
        );
    }
}

proptest! {
    #[test]
    fn fee_times_devices_is_within_half_a_cent_per_device_of_the_price(
        devices in 1u32..500,
        cents in proptest::collection::vec(0i64..10_000_000, 1..6),
        labour_cents in 0i64..5_000_000,
    ) {
        let analysis = CostAnalysis {
            managed_devices: Some(devices),
            hardware: cents.iter().map(|c| monthly_hardware("h", Decimal::new(*c, 2))).collect(),
            labour: LabourPlan {
                extra: vec![LabourLine { description: "l".into(), role: "technical-specialist".into(), hours_per_month: Decimal::new(labour_cents, 4) }],
                ..no_labour()
            },
            ..CostAnalysis::default()
        };
        let breakdown = analyse(&quote_with(1, analysis));
        let gap = (breakdown.per_device_monthly_fee * Decimal::from(devices) - breakdown.total_monthly_price).abs();
        prop_assert!(gap <= dec!(0.005) * Decimal::from(devices), "gap {gap}");
        prop_assert_eq!(breakdown.total_monthly_price, breakdown.total_monthly_cost + breakdown.total_monthly_markup);
    }
}

#[test]
fn every_cost_field_round_trips_exactly_through_ron() {
    // Fields the examples leave at their defaults: sources, given quantities, roles, overrides,
    // scales (trailing zeros must survive: "7.50" stays "7.50").
    let analysis = CostAnalysis {
        managed_devices: Some(12),
        hardware: vec![HardwareLine {
            description: "Imported \"quoted\" line".into(),
            quantity: 3,
            unit_cost: dec!(7.50),
            acquisition: Acquisition::Leased {
                apr_percent: dec!(6.900),
                months: 48,
            },
            source: Some("Costs!7:7".into()),
        }],
        software: vec![SoftwareLine {
            description: "s".into(),
            basis: SoftwareBasis::Flat,
            quantity: Some(4),
            unit_cost: dec!(0.125),
            billing: SoftwareBilling::Annual,
            source: Some("Costs!B9".into()),
        }],
        affiliates: vec![affiliate(AffiliateModel::Subscription {
            bands: vec![SubscriptionBand {
                min: 1,
                max: 1,
                unit_cost: dec!(9.90),
            }],
            period: FeePeriod::Quarter,
            quantity: Some(1),
        })],
        labour: LabourPlan {
            tasks: Some(vec![TaskUse {
                task: "monitoring".into(),
                devices: Some(2),
                groups: Some(3),
                hours_per_month: Some(dec!(0.750)),
            }]),
            extra: vec![LabourLine {
                description: "x".into(),
                role: "systems-consultant".into(),
                hours_per_month: dec!(1.5),
            }],
            identical_groups: 4,
            include_tier_hours: false,
            included_hours_role: Some("systems-consultant".into()),
            setup_cost_per_device: Some(dec!(0.00)),
        },
        markups: [
            ("labour".to_string(), dec!(47.5)),
            ("affiliate-incident".to_string(), dec!(30)),
        ]
        .into(),
        hourly_costs: [("technical-specialist".to_string(), dec!(55.25))].into(),
    };
    let quote = quote_with(2, analysis);
    let text = quote_to_ron(&quote).unwrap();
    let again = parse_quote(&text, "round-trip.ron").unwrap();
    assert_eq!(again, quote);
    assert_eq!(
        quote_to_ron(&again).unwrap(),
        text,
        "byte-identical on the second save"
    );
    let hardware = &again.cost_analysis.as_ref().unwrap().hardware[0];
    assert_eq!(hardware.unit_cost.to_string(), "7.50", "scale kept");
}
