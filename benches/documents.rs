//! Rendering the proposal for a typical 10-device quote, a quote of 1,000 device lines (the
//! documents sum them into one fee row per tier, kind and price) and a quote of 300 distinct
//! add-ons from a book that has them (a fee table over some ten pages).

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::price_book::{AddOn, AddOnUnit, PriceBook};
use msp_quote::core::quote::{AddOnLine, Quote};
use msp_quote::documents::{DocumentAssets, DocumentInputs, render_proposal};
use msp_quote::formats::price_book::standard_book;
use rust_decimal::Decimal;

/// The pricing bench's quote, for "Contoso Dental".
fn quote_with_lines(lines: usize, count: u32) -> Quote {
    let mut quote = crate::pricing::quote_with_lines(lines, count);
    quote.customer.name = "Contoso Dental".to_string();
    quote
}

/// `book` with `count` more flat add-ons, and a one-server quote with one of each.
fn quote_with_distinct_addons(book: &mut PriceBook, count: usize) -> Quote {
    book.addons.extend((0..count).map(|index| AddOn {
        id: format!("service-{index:03}"),
        name: format!("Managed extra service {index:03}"),
        unit: AddOnUnit::Flat,
        monthly_price: Decimal::ONE_HUNDRED,
        discountable: false,
    }));
    let mut quote = quote_with_lines(1, 1);
    quote.addons = (0..count)
        .map(|index| AddOnLine {
            id: format!("service-{index:03}"),
            quantity: 1,
        })
        .collect();
    quote
}

/// The documents' benchmarks.
pub fn benches(c: &mut Criterion) {
    let Ok(loaded) = standard_book() else {
        return;
    };
    let mut addons_book = loaded.book.clone();
    let addons_quote = quote_with_distinct_addons(&mut addons_book, 300);
    let pin = loaded.pin();
    for (name, book, quote) in [
        (
            "documents/proposal, 10-device quote",
            &loaded.book,
            quote_with_lines(2, 5),
        ),
        (
            "documents/proposal, 1,000 device lines",
            &loaded.book,
            quote_with_lines(1_000, 1),
        ),
        (
            "documents/proposal, 300 distinct add-ons",
            &addons_book,
            addons_quote,
        ),
    ] {
        let evaluation = evaluate(book, &quote, &EvaluationSettings::default());
        if evaluation.priced.is_err() {
            return;
        }
        let inputs = DocumentInputs {
            book,
            book_pin: &pin,
            quote: &quote,
            evaluation: &evaluation,
            roi: None,
            assets: DocumentAssets::standard(),
        };
        c.bench_function(name, |b| b.iter(|| render_proposal(black_box(&inputs))));
    }
}
