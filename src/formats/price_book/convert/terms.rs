//! The terms a raw book offers -> validated [`TermOption`]s, shortest first.

use std::collections::BTreeSet;

use super::super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::Checker;

pub(super) fn terms_of(check: &mut Checker, raw: &[RawTerm], decimals: u32) -> Vec<TermOption> {
    if raw.is_empty() {
        check.error("terms", "at least one term must be offered");
    }
    let mut seen = BTreeSet::new();
    let mut terms: Vec<TermOption> = raw
        .iter()
        .enumerate()
        .map(|(index, term)| {
            let path = format!("terms[{index}]");
            if term.months < 12 {
                check.error(
                    format!("{path}.months"),
                    format!(
                        "a term of {} months is under the 12-month minimum",
                        term.months
                    ),
                );
            } else {
                check.months(format!("{path}.months"), term.months);
            }
            if !seen.insert(term.months) {
                check.error(
                    format!("{path}.months"),
                    format!("duplicate term of {} months", term.months),
                );
            }
            let credits = term
                .credits
                .iter()
                .enumerate()
                .map(|(credit_index, credit)| {
                    let credit_path = format!("{path}.credits[{credit_index}]");
                    if credit.month == 0 || credit.month > term.months {
                        check.error(
                            format!("{credit_path}.month"),
                            format!(
                                "credit in month {} is outside the {}-month term",
                                credit.month, term.months
                            ),
                        );
                    }
                    TermCredit {
                        month: credit.month,
                        amount: check.amount(
                            &format!("{credit_path}.amount"),
                            &credit.amount,
                            decimals,
                        ),
                        per: match credit.per {
                            RawCreditBasis::PerContract => CreditBasis::PerContract,
                            RawCreditBasis::PerDevice => CreditBasis::PerDevice,
                        },
                    }
                })
                .collect();
            TermOption {
                months: term.months,
                credits,
            }
        })
        .collect();
    terms.sort_by_key(|term| term.months);
    terms
}
