//! `cargo bench`: one benchmark binary, a module per part of the product.

mod pricing;

use criterion::{criterion_group, criterion_main};

criterion_group!(all, pricing::benches);
criterion_main!(all);
