//! `cargo bench`: one benchmark binary, a module per part of the product.

mod app;
mod cost;
mod documents;
mod options;
mod pricing;
mod roi;

use criterion::{criterion_group, criterion_main};

criterion_group!(
    all,
    pricing::benches,
    options::benches,
    documents::benches,
    cost::benches,
    roi::benches,
    app::benches
);
criterion_main!(all);
