//! Invariants of the amended schedule over many contracts.

use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::SetupMode;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{amended, book, contract, schedule_of};

fn tiers() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["bronze", "silver", "gold"])
}

/// Contracts of 3-40 servers (every monthly fee above the 1,200.00 credit, so no credit is
/// carried), any term and setup mode, starting on any day of 2026.
fn contracts() -> impl Strategy<Value = (&'static str, u32, u32, bool, u32)> {
    (
        tiers(),
        3u32..40,
        prop::sample::select(vec![12u32, 24, 36]),
        any::<bool>(),
        0u32..365,
    )
}

fn start_text(day_of_year: u32) -> String {
    (super::date("2026-01-01") + chrono::Days::new(u64::from(day_of_year)))
        .format("%Y-%m-%d")
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn without_amendments_the_schedule_is_the_quotes_own(
        (tier, count, term, amortized, day) in contracts()
    ) {
        let setup = if amortized { SetupMode::Amortized } else { SetupMode::Upfront };
        let quote = contract(&[(tier, count)], term, setup, &start_text(day));
        let priced = price_quote(&book(), &quote).unwrap();
        let contract = schedule_of(&quote);
        prop_assert_eq!(contract.months.len(), priced.schedule.len());
        for (month, row) in contract.months.iter().zip(&priced.schedule) {
            prop_assert_eq!(month.recurring, row.recurring);
            prop_assert_eq!(month.setup, row.setup);
            prop_assert_eq!(month.credit, row.credit);
            prop_assert_eq!(month.due, row.due);
            prop_assert_eq!(month.adjustment, Decimal::ZERO);
        }
        prop_assert_eq!(contract.total_contract_value, priced.total_contract_value);
        prop_assert_eq!(contract.as_priced_quote(), priced);
    }

    #[test]
    fn restoring_the_old_configuration_costs_only_the_prorations_and_fees(
        (tier, count, term, amortized, day) in contracts(),
        other in 3u32..40,
        first in 0u32..200,
        gap in 1u32..150,
    ) {
        let setup = if amortized { SetupMode::Amortized } else { SetupMode::Upfront };
        let start = start_text(day);
        let base = contract(&[(tier, count)], term, setup, &start);
        let d1 = super::date(&start) + chrono::Days::new(u64::from(first));
        let d2 = d1 + chrono::Days::new(u64::from(gap));
        let last = msp_quote::core::contract::calendar::month_first_day(super::date(&start), term)
            .unwrap();
        prop_assume!(d2 <= last);
        let both = amended(
            amended(base.clone(), &d1.to_string(), &[(tier, other)]),
            &d2.to_string(),
            &[(tier, count)],
        );
        let plain = schedule_of(&base);
        let changed = schedule_of(&both);
        // After the restore the months are the unamended ones again.
        let restore = &changed.amendments[1];
        for index in (restore.first_new_month as usize - 1)..plain.months.len() {
            prop_assert_eq!(changed.months[index].recurring, plain.months[index].recurring);
        }
        // The difference is the other fee over the months billed at it, plus every
        // proration and reduction fee.
        let other_fee = changed.amendments[0].new_monthly_recurring;
        let base_fee = plain.base.monthly_recurring;
        let months_at_other = Decimal::from(
            restore.first_new_month - changed.amendments[0].first_new_month,
        );
        let adjustments: Decimal = changed
            .amendments
            .iter()
            .map(|a| {
                a.proration.map_or(Decimal::ZERO, |p| p.amount)
                    + a.reduction_fee.map_or(Decimal::ZERO, |f| f.amount)
            })
            .sum();
        prop_assert_eq!(
            changed.total_contract_value - plain.total_contract_value,
            (other_fee - base_fee) * months_at_other + adjustments
        );
    }

    #[test]
    fn sums_reconcile_month_by_month_and_over_the_term(
        (tier, count, term, amortized, day) in contracts(),
        other in 1u32..60,
        offset in 0u32..300,
    ) {
        let setup = if amortized { SetupMode::Amortized } else { SetupMode::Upfront };
        let start = start_text(day);
        let effective = super::date(&start) + chrono::Days::new(u64::from(offset));
        let quote = amended(
            contract(&[(tier, count)], term, setup, &start),
            &effective.to_string(),
            &[(tier, other)],
        );
        let contract = schedule_of(&quote);
        let mut dues = Decimal::ZERO;
        for month in &contract.months {
            prop_assert_eq!(month.due, month.recurring + month.setup + month.adjustment - month.credit);
            prop_assert!(month.due >= Decimal::ZERO);
            dues += month.due;
        }
        prop_assert_eq!(dues, contract.total_contract_value);
        let setup_total: Decimal = contract.months.iter().map(|m| m.setup).sum();
        prop_assert_eq!(setup_total, Decimal::from(1000));
        // Credits granted (term credits + proration credits) = applied + lost.
        let amendment = &contract.amendments[0];
        let proration_credit = amendment
            .proration
            .map_or(Decimal::ZERO, |p| (-p.amount).max(Decimal::ZERO));
        let granted: Decimal =
            contract.credits.iter().map(|c| c.amount).sum::<Decimal>() + proration_credit;
        let applied: Decimal = contract.months.iter().map(|m| m.credit).sum();
        prop_assert_eq!(granted, applied + contract.credit_lost);
    }
}
