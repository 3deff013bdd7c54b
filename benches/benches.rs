//! `cargo bench`: one benchmark binary, a module per part of the product.

mod app;
mod contract;
mod cost;
mod documents;
mod export;
mod import;
mod options;
mod price_book_editor;
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
    app::benches,
    export::benches,
    import::benches,
    price_book_editor::benches,
    contract::benches
);
criterion_main!(all);
