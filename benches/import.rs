//! Benchmarks: import (to be filled in).

use criterion::Criterion;

pub fn benches(_c: &mut Criterion) {}
