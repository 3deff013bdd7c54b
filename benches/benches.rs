//! `cargo bench`: one benchmark binary, a module per part of the product.

mod app;
mod pricing;

use criterion::{criterion_group, criterion_main};

criterion_group!(all, pricing::benches, app::benches);
criterion_main!(all);
