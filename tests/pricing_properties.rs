//! Invariants of the pricing engine and the RON formats, over generated inputs.

use msp_quote::core::price_book::DiscountMode;
use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::{
    AddOnLine, Customer, DeviceLine, ExtraDiscount, PriceBookPin, Quote, SetupMode,
};
use msp_quote::formats::price_book::{STANDARD_BOOK_RON, parse_price_book, price_book_to_ron};
use msp_quote::formats::quote::{parse_quote, quote_to_ron};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::pricing::book;

fn device_lines() -> impl Strategy<Value = Vec<DeviceLine>> {
    prop::collection::vec(
        (
            prop::sample::select(vec!["bronze", "silver", "gold"]),
            1u32..60,
        ),
        1..5,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|(tier, count)| DeviceLine {
                tier: tier.to_string(),
                kind: "server".to_string(),
                count,
            })
            .collect()
    })
}

fn quotes() -> impl Strategy<Value = Quote> {
    (
        device_lines(),
        prop::sample::select(vec![12u32, 24, 36]),
        any::<bool>(),
        prop::option::of((0u32..2000).prop_map(|hundredths| Decimal::new(hundredths.into(), 2))),
        prop::collection::vec(
            (
                prop::sample::select(vec!["offsite-backup", "spam-filtering", "quarterly-review"]),
                1u32..50,
            ),
            0..3,
        ),
        "[A-Za-z ,.&'-]{0,30}",
    )
        .prop_map(|(devices, term, amortized, extra, addons, name)| {
            let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
            quote.devices = devices;
            quote.term_months = term;
            quote.setup_mode = if amortized {
                SetupMode::Amortized
            } else {
                SetupMode::Upfront
            };
            quote.extra_discount = extra.map(|percent| ExtraDiscount {
                percent,
                reason: "volume of identical servers".to_string(),
            });
            quote.addons = addons
                .into_iter()
                .map(|(id, quantity)| AddOnLine {
                    id: id.to_string(),
                    quantity,
                })
                .collect();
            quote.customer = Customer {
                name,
                contact: "ops@example.com".to_string(),
                sites: 2,
                users: 40,
                desktops: 35,
            };
            quote.price_book_pin = Some(PriceBookPin {
                id: "standard".to_string(),
                version: "2026.1".to_string(),
                sha256: "ab".repeat(32),
            });
            quote
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn schedule_reconciles_with_the_contract_value(quote in quotes()) {
        let priced = price_quote(&book(), &quote).unwrap();
        let dues: Decimal = priced.schedule.iter().map(|m| m.due).sum();
        prop_assert_eq!(dues, priced.total_contract_value);
        let term = Decimal::from(quote.term_months);
        prop_assert_eq!(
            priced.total_contract_value,
            priced.monthly_recurring * term + priced.setup_fee - priced.credits_applied()
        );
        let granted: Decimal = priced.credits.iter().map(|c| c.amount).sum();
        prop_assert_eq!(priced.credits_applied() + priced.credit_lost, granted);
        prop_assert!(priced.schedule.iter().all(|m| m.due >= Decimal::ZERO));
    }

    #[test]
    fn net_unit_price_never_exceeds_list(quote in quotes()) {
        let priced = price_quote(&book(), &quote).unwrap();
        for line in &priced.lines {
            prop_assert!(line.unit_net <= line.unit_list);
            prop_assert!(line.unit_net >= Decimal::ZERO);
        }
        for addon in &priced.addons {
            prop_assert!(addon.unit_net <= addon.unit_list);
        }
    }

    #[test]
    fn graduated_total_never_falls_when_a_device_is_added(tier in prop::sample::select(vec!["bronze", "silver", "gold"]), count in 1u32..150) {
        let mut book = book();
        book.discount_schedules[0].mode = DiscountMode::Graduated;
        let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        quote.devices = vec![DeviceLine { tier: tier.to_string(), kind: "server".to_string(), count }];
        let before = price_quote(&book, &quote).unwrap().monthly_recurring;
        quote.devices[0].count += 1;
        let after = price_quote(&book, &quote).unwrap().monthly_recurring;
        prop_assert!(after >= before, "{} -> {}: {} -> {}", count, count + 1, before, after);
    }

    #[test]
    fn volume_unit_price_is_constant_within_a_band(tier in prop::sample::select(vec!["bronze", "silver", "gold"]), count in 1u32..100) {
        let book = book();
        let bands = &book.discount_schedules[0].bands;
        let same_band = bands.iter().any(|b| b.contains(count) && b.contains(count + 1));
        let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        quote.devices = vec![DeviceLine { tier: tier.to_string(), kind: "server".to_string(), count }];
        let before = price_quote(&book, &quote).unwrap().lines[0].unit_net;
        quote.devices[0].count += 1;
        let after = price_quote(&book, &quote).unwrap().lines[0].unit_net;
        if same_band {
            prop_assert_eq!(before, after);
        } else {
            prop_assert!(after <= before);
        }
    }

    #[test]
    fn quote_ron_round_trip_is_the_identity(quote in quotes()) {
        let text = quote_to_ron(&quote).unwrap();
        let back = parse_quote(&text, "generated.ron").unwrap();
        prop_assert_eq!(back, quote);
    }

    #[test]
    fn book_ron_round_trip_is_the_identity(cents in 1u32..500_000, tier in 0usize..3) {
        let mut book = book();
        book.tiers[tier].monthly_prices.insert("server".to_string(), Decimal::new(cents.into(), 2));
        let text = price_book_to_ron(&book).unwrap();
        let back = parse_price_book(&text, "generated.ron").unwrap();
        prop_assert_eq!(back, book);
    }

    #[test]
    fn mangled_book_text_is_an_error_never_a_panic(cut in 0usize..STANDARD_BOOK_RON.len(), junk in "[(){}\\[\\],:\"a-z0-9 -]{0,8}") {
        let mut text = STANDARD_BOOK_RON.to_string();
        let at = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        text.insert_str(at, &junk);
        let _ = parse_price_book(&text, "mangled.ron");
        let end = (0..=cut).rev().find(|i| STANDARD_BOOK_RON.is_char_boundary(*i)).unwrap_or(0);
        let _ = parse_price_book(&STANDARD_BOOK_RON[..end], "truncated.ron");
    }

    #[test]
    fn arbitrary_text_is_never_a_panic(text in "\\PC{0,200}") {
        let _ = parse_price_book(&text, "arbitrary.ron");
        let _ = parse_quote(&text, "arbitrary.ron");
    }

    #[test]
    fn arbitrary_quotes_price_or_fail_cleanly(tier in "[a-z]{0,8}", kind in "[a-z]{0,8}", count in 0u32..100_000, term in 0u32..100) {
        let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        quote.devices = vec![DeviceLine { tier, kind, count }];
        quote.term_months = term;
        let _ = price_quote(&book(), &quote);
    }
}
