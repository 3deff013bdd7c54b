//! `price-book adjust`: every selected price x (1 + p/100), half away from zero to the cent.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use msp_quote::core::price_book_adjust::{AdjustError, AdjustScope, adjust_prices};
use msp_quote::formats::price_book::{load_price_book, standard_book};

use super::{STANDARD, ok, path_str, scratch};

fn tier_price(book: &msp_quote::core::price_book::PriceBook, tier: &str) -> Decimal {
    book.tier(tier).unwrap().monthly_prices["server"]
}

#[test]
fn acceptance_adjust_5_percent_on_tiers_only() {
    // 500 x 1.05 = 525.00; 750 x 1.05 = 787.50; 1,000 x 1.05 = 1,050.00. --only tiers: the
    // hourly rates (emergency on-site 185.00) and add-ons (off-site backup 50.00) stay.
    let dir = scratch("adjust");
    let out = dir.join("new.ron");
    let stdout = ok(&[
        "price-book",
        "adjust",
        STANDARD,
        "--percent",
        "5",
        "--only",
        "tiers",
        "-o",
        path_str(&out),
    ]);
    let book = load_price_book(&out).unwrap().book;
    let cases = [
        ("bronze", dec!(525.00)),
        ("silver", dec!(787.50)),
        ("gold", dec!(1050.00)),
    ];
    for (tier, expected) in cases {
        assert_eq!(tier_price(&book, tier), expected, "case {tier}");
    }
    assert_eq!(
        book.hourly_rate("emergency-onsite").unwrap().rate,
        dec!(185.00)
    );
    assert_eq!(
        book.addon("offsite-backup").unwrap().monthly_price,
        dec!(50.00)
    );
    assert_eq!(book.version, "2026.1+5%");
    // The diff is shown.
    assert!(
        stdout.contains("Silver server 750.00 -> 787.50"),
        "{stdout}"
    );
    assert!(stdout.contains("version 2026.1 -> 2026.1+5%"), "{stdout}");
    assert!(!stdout.contains("hourly rate"), "{stdout}");
    // The written book passes check-price-book.
    ok(&["check-price-book", path_str(&out)]);
}

#[test]
fn adjust_scopes_pick_their_prices_and_round_half_away() {
    let book = standard_book().unwrap().book;
    // 3% of 185.00 = 190.55; of 125.00 = 128.75; of 3.00 = 3.09; of 750.00 = 772.50.
    // 2.5% of 3.00 = 3.075 -> 3.08 (half away from zero); of 125.00 = 128.125 -> 128.13.
    let cases = [
        (
            "rates 3%",
            AdjustScope::Rates,
            dec!(3),
            dec!(750.00),
            dec!(190.55),
            dec!(3.00),
        ),
        (
            "addons 3%",
            AdjustScope::AddOns,
            dec!(3),
            dec!(750.00),
            dec!(185.00),
            dec!(3.09),
        ),
        (
            "all 2.5%",
            AdjustScope::All,
            dec!(2.5),
            dec!(768.75),
            dec!(189.63),
            dec!(3.08),
        ),
    ];
    for (name, scope, percent, silver, emergency, spam) in cases {
        let adjusted = adjust_prices(&book, percent, scope, "next").unwrap();
        assert_eq!(tier_price(&adjusted, "silver"), silver, "case {name}");
        assert_eq!(
            adjusted.hourly_rate("emergency-onsite").unwrap().rate,
            emergency,
            "case {name}"
        );
        assert_eq!(
            adjusted.addon("spam-filtering").unwrap().monthly_price,
            spam,
            "case {name}"
        );
    }
    let remote = adjust_prices(&book, dec!(2.5), AdjustScope::All, "next").unwrap();
    assert_eq!(
        remote.hourly_rate("remote-support").unwrap().rate,
        dec!(128.13)
    );
    // Gold's included on-site support stays included; the reserve is not a price.
    assert_eq!(
        remote.tier("gold").unwrap().internal_reserve_per_device,
        dec!(500.00)
    );
}

#[test]
fn adjust_refuses_a_same_version_or_a_percent_out_of_range() {
    let book = standard_book().unwrap().book;
    assert!(matches!(
        adjust_prices(&book, dec!(5), AdjustScope::All, "2026.1"),
        Err(AdjustError::SameVersion { .. })
    ));
    assert!(matches!(
        adjust_prices(&book, dec!(-101), AdjustScope::All, "x"),
        Err(AdjustError::PercentOutOfRange { .. })
    ));
}
