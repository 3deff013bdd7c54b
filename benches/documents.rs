//! Rendering the proposal for a typical 10-device quote and for a 1,000-line quote.

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::quote::Quote;
use msp_quote::documents::{DocumentAssets, DocumentInputs, render_proposal};
use msp_quote::formats::price_book::standard_book;

/// The pricing bench's quote, for "Contoso Dental".
fn quote_with_lines(lines: usize, count: u32) -> Quote {
    let mut quote = crate::pricing::quote_with_lines(lines, count);
    quote.customer.name = "Contoso Dental".to_string();
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
            "documents/proposal, 1,000-line quote",
            quote_with_lines(1_000, 1),
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
