//! Amendments priced by the core: proration, re-banding, reduction fee, chaining, calendar.

use msp_quote::core::contract::{ContractBooks, ContractError, contract_schedule};
use msp_quote::core::quote::SetupMode;

use super::{amended, book, contract, date, due, money, schedule_of};

#[test]
fn example_4_adding_servers_mid_month_prorates_on_the_next_invoice() {
    // pricing-rules.md 10, example 4: 7 Silver, 24 months, setup up front, from 2026-01-15.
    // Month 5 runs 2026-05-15..2026-06-14 (31 days); on 2026-06-01 11 Silver: band 11-20
    // (12%), 750.00 x 0.88 = 660.00, monthly 7,260.00 (was 4,830.00).
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 11)],
    );
    let contract = schedule_of(&quote);
    let amendment = &contract.amendments[0];
    assert_eq!(amendment.effective_month, 5);
    assert_eq!(amendment.old_monthly_recurring, money("4830.00"));
    assert_eq!(amendment.new_monthly_recurring, money("7260.00"));
    // 2,430.00 x 14 / 31 = 1,097.419... -> 1,097.42 on month 6.
    let proration = amendment.proration.unwrap();
    assert_eq!(
        (proration.month, proration.days, proration.days_in_month),
        (6, 14, 31)
    );
    assert_eq!(proration.amount, money("1097.42"));
    assert_eq!(amendment.reduction_fee, None);
    // Month 5 was invoiced at the old fee; month 6 = 7,260.00 + 1,097.42.
    assert_eq!(due(&contract, 5), money("4830.00"));
    assert_eq!(due(&contract, 6), money("8357.42"));
    // Month 24 = 7,260.00 - 1,200.00.
    assert_eq!(due(&contract, 24), money("6060.00"));
    // 5 x 4,830.00 + 1,000.00 + 19 x 7,260.00 + 1,097.42 - 1,200.00 = 162,987.42.
    assert_eq!(contract.total_contract_value, money("162987.42"));
}

#[test]
fn an_amendment_on_the_first_day_of_a_month_has_no_proration() {
    // 2026-06-15 is the first day of month 6 (start 2026-01-15 + 5 months): month 6 is
    // invoiced at 7,260.00 with nothing else.
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-15",
        &[("silver", 11)],
    );
    let contract = schedule_of(&quote);
    let amendment = &contract.amendments[0];
    assert_eq!(amendment.effective_month, 6);
    assert_eq!(amendment.first_new_month, 6);
    assert_eq!(amendment.proration, None);
    assert_eq!(due(&contract, 5), money("4830.00"));
    assert_eq!(due(&contract, 6), money("7260.00"));
    // 5 x 4,830.00 + 1,000.00 + 19 x 7,260.00 - 1,200.00 = 161,890.00.
    assert_eq!(contract.total_contract_value, money("161890.00"));
}

#[test]
fn removing_servers_rebands_credits_the_proration_and_charges_the_reduction_fee() {
    // 7 Silver (6-10: 8%, 690.00, 4,830.00) down to 5 on 2026-06-01 (month 5, 14 of 31 days):
    // band 2-5 (4%): 750.00 x 0.96 = 720.00, monthly 3,600.00; difference -1,230.00.
    let quote = amended(
        contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
        "2026-06-01",
        &[("silver", 5)],
    );
    let contract = schedule_of(&quote);
    let amendment = &contract.amendments[0];
    assert_eq!(amendment.new_monthly_recurring, money("3600.00"));
    // -1,230.00 x 14 / 31 = -555.483... -> -555.48, a credit on month 6.
    assert_eq!(amendment.proration.unwrap().amount, money("-555.48"));
    // Months 6..24 are at the new fee: 19 left, min(3, 19) = 3: 1,230.00 x 3 = 3,690.00.
    let fee = amendment.reduction_fee.unwrap();
    assert_eq!(
        (fee.month, fee.months, fee.amount),
        (6, 3, money("3690.00"))
    );
    // Month 6: 3,600.00 + 3,690.00 - 555.48 = 6,734.52.
    let month_6 = contract.months[5];
    assert_eq!(month_6.adjustment, money("3690.00"));
    assert_eq!(month_6.credit, money("555.48"));
    assert_eq!(month_6.due, money("6734.52"));
    // Month 24: 3,600.00 - 1,200.00 = 2,400.00.
    assert_eq!(due(&contract, 24), money("2400.00"));
    // 5 x 4,830 + 1,000 + 19 x 3,600 + 3,690 - 555.48 - 1,200 = 95,484.52.
    assert_eq!(contract.total_contract_value, money("95484.52"));
}

#[test]
fn a_start_on_the_31st_clamps_the_months_and_prorates_by_the_short_month() {
    // Start 2026-01-31: month 1 runs 2026-01-31..2026-02-27 (28 days), month 2
    // 2026-02-28..2026-03-30, month 3 from 2026-03-31 (back on the 31st).
    // On 2026-02-14 a second Bronze server: band 2-5 (4%), 500.00 x 0.96 = 480.00 x 2 =
    // 960.00 (was 500.00); 460.00 x 14 / 28 = 230.00 on month 2: 960.00 + 230.00 = 1,190.00.
    let quote = amended(
        contract(&[("bronze", 1)], 12, SetupMode::Upfront, "2026-01-31"),
        "2026-02-14",
        &[("bronze", 2)],
    );
    let contract = schedule_of(&quote);
    let months = &contract.months;
    assert_eq!(
        (months[0].first_day, months[0].last_day),
        (date("2026-01-31"), date("2026-02-27"))
    );
    assert_eq!(
        (months[1].first_day, months[1].last_day),
        (date("2026-02-28"), date("2026-03-30"))
    );
    assert_eq!(months[2].first_day, date("2026-03-31"));
    let proration = contract.amendments[0].proration.unwrap();
    assert_eq!((proration.days, proration.days_in_month), (14, 28));
    assert_eq!(proration.amount, money("230.00"));
    assert_eq!(due(&contract, 2), money("1190.00"));
    // Term ends the day before 2027-01-31: 2027-01-30.
    assert_eq!(contract.end_date(), date("2027-01-30"));
}

#[test]
fn two_amendments_chain_each_on_the_contract_the_previous_left() {
    // Example 4 (11 Silver from 2026-06-01, 7,260.00), then on 2026-09-01 21 Silver:
    // band 21-50 (18%), 750.00 x 0.82 = 615.00 x 21 = 12,915.00. 2026-09-01 is in month 8
    // (2026-08-15..2026-09-14, 31 days), 14 days left: (12,915.00 - 7,260.00) x 14 / 31 =
    // 5,655.00 x 14 / 31 = 2,553.870... -> 2,553.87 on month 9.
    let quote = amended(
        amended(
            contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15"),
            "2026-06-01",
            &[("silver", 11)],
        ),
        "2026-09-01",
        &[("silver", 21)],
    );
    let contract = schedule_of(&quote);
    let second = &contract.amendments[1];
    assert_eq!(second.old_monthly_recurring, money("7260.00"));
    assert_eq!(second.new_monthly_recurring, money("12915.00"));
    assert_eq!(second.effective_month, 8);
    assert_eq!(second.proration.unwrap().amount, money("2553.87"));
    assert_eq!(due(&contract, 8), money("7260.00"));
    // Month 9: 12,915.00 + 2,553.87 = 15,468.87.
    assert_eq!(due(&contract, 9), money("15468.87"));
    // 5 x 4,830 + 1,000 + 3 x 7,260 + 1,097.42 + 16 x 12,915 + 2,553.87 - 1,200 = 256,021.29.
    assert_eq!(contract.total_contract_value, money("256021.29"));
}

#[test]
fn effective_dates_outside_the_term_or_out_of_order_are_refused_with_the_range() {
    let base = contract(&[("silver", 7)], 24, SetupMode::Upfront, "2026-01-15");
    let book = book();
    let cases = [
        ("before the start", "2026-01-14"),
        ("after the term", "2028-01-15"),
        // Month 24 starts 2027-12-15: later days of it have no invoice left.
        ("late in the last month", "2027-12-20"),
    ];
    for (name, effective) in cases {
        let quote = amended(base.clone(), effective, &[("silver", 8)]);
        let error = contract_schedule(ContractBooks::single(&book), &quote).unwrap_err();
        assert!(
            matches!(error, ContractError::EffectiveDateOutside { .. }),
            "case {name}: {error:?}"
        );
        assert!(
            error
                .to_string()
                .contains("allowed: 2026-01-15 to 2027-12-15"),
            "case {name}: {error}"
        );
    }
    let out_of_order = amended(
        amended(base, "2026-06-01", &[("silver", 8)]),
        "2026-05-01",
        &[("silver", 9)],
    );
    let error = contract_schedule(ContractBooks::single(&book), &out_of_order).unwrap_err();
    assert!(
        matches!(error, ContractError::OutOfOrder { .. }),
        "{error:?}"
    );
}
