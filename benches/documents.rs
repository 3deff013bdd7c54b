//! Rendering the proposal for a typical 10-device quote, a quote of 1,000 device lines (the
//! documents sum them into one fee row per tier, kind and price) and a quote of 1,000 add-on
//! lines (a fee table over some 30 pages).

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::quote::{AddOnLine, Quote};
use msp_quote::documents::{DocumentAssets, DocumentInputs, render_proposal};
use msp_quote::formats::price_book::standard_book;

/// The pricing bench's quote, for "Contoso Dental".
fn quote_with_lines(lines: usize, count: u32) -> Quote {
    let mut quote = crate::pricing::quote_with_lines(lines, count);
    quote.customer.name = "Contoso Dental".to_string();
    quote
}

/// A one-server quote with `lines` add-on lines of the quarterly review.
fn quote_with_addon_lines(lines: usize) -> Quote {
    let mut quote = quote_with_lines(1, 1);
    quote.addons = (0..lines)
        .map(|_| AddOnLine {
            id: "quarterly-review".to_string(),
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
    let pin = loaded.pin();
    for (name, quote) in [
        (
            "documents/proposal, 10-device quote",
            quote_with_lines(2, 5),
        ),
        (
            "documents/proposal, 1,000 device lines",
            quote_with_lines(1_000, 1),
        ),
        (
            "documents/proposal, 1,000 add-on lines",
            quote_with_addon_lines(1_000),
        ),
    ] {
        let evaluation = evaluate(&loaded.book, &quote, &EvaluationSettings::default());
        if evaluation.priced.is_err() {
            return;
        }
        let inputs = DocumentInputs {
            book: &loaded.book,
            book_pin: &pin,
            quote: &quote,
            evaluation: &evaluation,
            roi: None,
            assets: DocumentAssets::standard(),
        };
        c.bench_function(name, |b| b.iter(|| render_proposal(black_box(&inputs))));
    }
}
