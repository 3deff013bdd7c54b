//! The pricing options: time and materials, ledger, phases, packages.

use std::hint::black_box;

use criterion::Criterion;

/// The pricing options: a 100-item time-and-materials estimate, a 120-month ledger with
/// usage, every phase for 50 servers and a leased 36-month package.
pub fn benches(c: &mut Criterion) {
    use msp_quote::core::options::components::{ComponentChoice, ComponentLine, price_component};
    use msp_quote::core::options::ledger::{
        LedgerRequest, Usage, UsageKind, YearMonth, build_ledger,
    };
    use msp_quote::core::options::package::{Acquisition, PackageRequest, price_package};
    use msp_quote::core::options::time_materials::{Place, Urgency, WorkItem, estimate};
    use msp_quote::core::quote::SetupMode;
    use rust_decimal::Decimal;

    let Ok(loaded) = msp_quote::formats::price_book::standard_book() else {
        return;
    };
    let book = loaded.book;
    let items: Vec<WorkItem> = (1..=100)
        .map(|minutes| WorkItem {
            description: format!("item {minutes}"),
            minutes,
            place: if minutes % 3 == 0 {
                Place::OnSite
            } else {
                Place::Remote
            },
            urgency: Urgency::Normal,
        })
        .collect();
    c.bench_function("options/tm_100_items", |b| {
        b.iter(|| estimate(black_box(&book), black_box(&items)))
    });
    let start = YearMonth {
        year: 2026,
        month: 3,
    };
    let mut month = start;
    let mut usage = Vec::new();
    for index in 0..120 {
        usage.push(Usage {
            month,
            kind: [UsageKind::Support, UsageKind::Flex, UsageKind::FlexOnSite][index % 3],
            hours: Decimal::from(index % 7 + 1),
        });
        month = month.next();
    }
    let request = LedgerRequest {
        start,
        months: 120,
        devices: 20,
        tier: "silver".to_string(),
        usage,
    };
    c.bench_function("options/ledger_120_months", |b| {
        b.iter(|| build_ledger(black_box(&book), black_box(&request)))
    });
    c.bench_function("options/phases_1_to_4_for_50_servers", |b| {
        b.iter(|| {
            (1..=4)
                .map(|phase| {
                    price_component(
                        black_box(&book),
                        &ComponentLine {
                            choice: ComponentChoice::Phase(phase),
                            kind: "server".to_string(),
                            count: 50,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let package = PackageRequest {
        users: 30,
        term_months: 36,
        acquisition: Acquisition::Leased,
        setup_mode: SetupMode::Amortized,
    };
    c.bench_function("options/leased_package_36_months", |b| {
        b.iter(|| price_package(black_box(&book), black_box(&package)))
    });
}
