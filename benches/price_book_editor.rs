//! Benchmarks: price_book_editor (to be filled in).

use criterion::Criterion;

pub fn benches(_c: &mut Criterion) {}
