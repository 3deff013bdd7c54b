//! Early termination and renewal priced by the core.

use msp_quote::core::contract::{ContractError, renew, terminate};
use msp_quote::core::quote::SetupMode;

use super::{amended, book, contract, date, money, schedule_of};

#[test]
fn example_5_terminating_an_amortized_contract_after_month_10() {
    // pricing-rules.md 10, example 5: 7 Silver, 24 months, setup amortized (1,000 / 24 =
    // 41.66 a month, 41.82 in month 24). Damages 3 x 4,830.00 = 14,490.00; setup not yet
    // billed 1,000.00 - 10 x 41.66 = 583.40; paid 10 x (4,830.00 + 41.66) = 48,716.60.
    let contract = schedule_of(&contract(
        &[("silver", 7)],
        24,
        SetupMode::Amortized,
        "2026-01-15",
    ));
    let termination = terminate(&contract, 10).unwrap();
    assert_eq!(termination.monthly_recurring, money("4830.00"));
    assert_eq!(termination.liquidated_damages, money("14490.00"));
    assert_eq!(termination.unbilled_setup, money("583.40"));
    assert_eq!(termination.termination_amount, money("15073.40"));
    assert_eq!(termination.paid_to_date, money("48716.60"));
    assert_eq!(termination.credits_not_granted.len(), 1);
    assert_eq!(termination.credits_not_granted[0].month, 24);
    assert_eq!(termination.credits_not_granted[0].amount, money("1200.00"));
    // Full term: 24 x 4,830.00 + 1,000.00 - 1,200.00 = 115,720.00.
    assert_eq!(termination.full_term_value, money("115720.00"));
    // Month 10 runs 2026-10-15..2026-11-14.
    assert_eq!(termination.last_day, date("2026-11-14"));
}

#[test]
fn damages_late_in_a_36_month_term_are_capped_by_the_months_left() {
    // 7 Silver, 36 months, up front: credits of 1,200.00 in months 30 and 36. After month 34
    // two months are left: min(3, 2) x 4,830.00 = 9,660.00; setup fully billed (0.00).
    // Paid: 34 x 4,830.00 + 1,000.00 - 1,200.00 = 164,020.00; the month-36 credit is not
    // granted. Full term: 36 x 4,830.00 + 1,000.00 - 2,400.00 = 172,480.00.
    let contract = schedule_of(&contract(
        &[("silver", 7)],
        36,
        SetupMode::Upfront,
        "2026-01-15",
    ));
    let termination = terminate(&contract, 34).unwrap();
    assert_eq!(termination.liquidated_damages_months, 2);
    assert_eq!(termination.liquidated_damages, money("9660.00"));
    assert_eq!(termination.unbilled_setup, money("0.00"));
    assert_eq!(termination.termination_amount, money("9660.00"));
    assert_eq!(termination.paid_to_date, money("164020.00"));
    let months: Vec<u32> = termination
        .credits_not_granted
        .iter()
        .map(|c| c.month)
        .collect();
    assert_eq!(months, vec![36]);
    assert_eq!(termination.full_term_value, money("172480.00"));
}

#[test]
fn an_amortized_setup_terminated_early_owes_what_was_not_billed() {
    // 1 Bronze, 12 months, amortized: 1,000 / 12 = 83.33 a month (83.37 in month 12).
    // After month 3: damages 3 x 500.00 = 1,500.00; setup left 1,000.00 - 3 x 83.33 =
    // 750.01; termination 2,250.01; paid 3 x 583.33 = 1,749.99.
    let contract = schedule_of(&contract(
        &[("bronze", 1)],
        12,
        SetupMode::Amortized,
        "2026-03-01",
    ));
    let termination = terminate(&contract, 3).unwrap();
    assert_eq!(termination.liquidated_damages, money("1500.00"));
    assert_eq!(termination.unbilled_setup, money("750.01"));
    assert_eq!(termination.termination_amount, money("2250.01"));
    assert_eq!(termination.paid_to_date, money("1749.99"));
    assert!(termination.credits_not_granted.is_empty());
}

#[test]
fn termination_uses_the_fee_in_force_after_amendments() {
    // Example 4's contract terminated after month 7: the fee in force is 7,260.00;
    // damages 3 x 7,260.00 = 21,780.00. Paid: 5 x 4,830 + 1,000 + 7,260 + 1,097.42 + 7,260
    // = 40,767.42.
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    );
    let termination = terminate(&schedule_of(&quote), 7).unwrap();
    assert_eq!(termination.liquidated_damages, money("21780.00"));
    assert_eq!(termination.paid_to_date, money("40767.42"));
}

#[test]
fn a_termination_month_outside_the_term_is_refused_with_the_range() {
    let contract = schedule_of(&contract(
        &[("silver", 7)],
        24,
        SetupMode::Upfront,
        "2026-01-15",
    ));
    for month in [0, 24, 25] {
        let error = terminate(&contract, month).unwrap_err();
        assert!(
            matches!(error, ContractError::TerminationMonth { .. }),
            "month {month}"
        );
        assert!(
            error.to_string().contains("allowed 1 to 23"),
            "month {month}: {error}"
        );
    }
}

#[test]
fn a_renewal_starts_the_day_after_the_term_without_setup_at_the_new_prices() {
    // Example 4's contract ends 2028-01-14 with 11 Silver at 660.00. Renewed for 12 months
    // with the standard book: from 2028-01-15, 11 x 660.00 = 7,260.00 a month, no setup,
    // no credit for a 12-month term: 12 x 7,260.00 = 87,120.00; difference 0.00.
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    );
    let old = schedule_of(&quote);
    let book = book();
    let renewal = renew(&quote, &old, &book, Some(12), date("2027-12-01")).unwrap();
    assert_eq!(renewal.schedule.start_date, date("2028-01-15"));
    assert_eq!(renewal.quote.devices[0].count, 11);
    assert_eq!(
        renewal.quote.contract.renews.as_ref().unwrap().number,
        "C-2026-0007"
    );
    assert_eq!(renewal.schedule.setup_fee, money("0"));
    assert_eq!(renewal.schedule.months[0].due, money("7260.00"));
    assert_eq!(renewal.schedule.total_contract_value, money("87120.00"));
    assert_eq!(renewal.lines[0].old_unit, Some(money("660.00")));
    assert_eq!(renewal.lines[0].new_unit, money("660.00"));
    assert_eq!(renewal.monthly_difference, money("0.00"));
}

#[test]
fn a_renewal_with_a_dearer_book_lists_old_and_new_unit_prices() {
    // The book with Silver at 800.00: 11 Silver (12%) 800.00 x 0.88 = 704.00, monthly
    // 7,744.00; difference 7,744.00 - 7,260.00 = 484.00.
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    );
    let old = schedule_of(&quote);
    let text = msp_quote::formats::price_book::STANDARD_BOOK_RON.replace(
        "monthly_prices: {\"server\": \"750.00\"}",
        "monthly_prices: {\"server\": \"800.00\"}",
    );
    let dearer = msp_quote::formats::price_book::parse_price_book(&text, "dearer").unwrap();
    let renewal = renew(&quote, &old, &dearer, None, date("2027-12-01")).unwrap();
    assert_eq!(renewal.lines[0].old_unit, Some(money("660.00")));
    assert_eq!(renewal.lines[0].new_unit, money("704.00"));
    assert_eq!(renewal.new_monthly_recurring, money("7744.00"));
    assert_eq!(renewal.monthly_difference, money("484.00"));
    assert_eq!(renewal.schedule.term_months, 24);
}
