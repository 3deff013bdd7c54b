//! Pricing a typical 10-server quote (alone, and evaluated at every tier), and a quote of 10,000
//! device lines.

use std::hint::black_box;

use criterion::Criterion;
use msp_quote::core::evaluate::{EvaluationSettings, evaluate};
use msp_quote::core::pricing::price_quote;
use msp_quote::core::quote::{DeviceLine, Quote};
use msp_quote::formats::price_book::standard_book;

/// A quote of `lines` server lines (Bronze, Silver, Gold in turn) of `count` each, 36 months.
pub fn quote_with_lines(lines: usize, count: u32) -> Quote {
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default());
    quote.term_months = 36;
    let tiers = ["bronze", "silver", "gold"];
    quote.devices = (0..lines)
        .map(|index| DeviceLine {
            tier: tiers[index % 3].to_string(),
            kind: "server".to_string(),
            count,
        })
        .collect();
    quote
}

/// The pricing engine's benchmarks.
pub fn benches(c: &mut Criterion) {
    let Ok(loaded) = standard_book() else {
        return;
    };
    let book = loaded.book;
    let typical = quote_with_lines(2, 5);
    c.bench_function("pricing/typical 10-server quote", |b| {
        b.iter(|| price_quote(black_box(&book), black_box(&typical)))
    });
    let settings = EvaluationSettings::default();
    c.bench_function(
        "pricing/evaluate a typical 10-server quote (every tier)",
        |b| b.iter(|| evaluate(black_box(&book), black_box(&typical), &settings)),
    );
    let large = quote_with_lines(10_000, 1);
    c.bench_function("pricing/10,000 device lines", |b| {
        b.iter(|| price_quote(black_box(&book), black_box(&large)))
    });
}
