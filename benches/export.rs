//! `msp-quote export` of an inventory quote (every output: proposal, appendix, cost workbook,
//! JSON) at 10, 1,000 and 10,000 devices, and its peak memory at 100,000 cost lines.
//!
//! An inventory quote of N devices: a tenth of them Silver servers, the rest Bronze servers
//! (the standard book prices servers); a cost analysis of N lines (half hardware, half software, one per device,
//! each with its own description) over N managed devices; and the customer's current costs.
//! Targets (2-core machine, release): 15 ms, 40 ms, 250 ms; peak memory under 150 MiB at
//! 100,000 lines (docs/PERFORMANCE.md).

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::Criterion;

/// The RON text of an inventory quote of `devices` devices and as many cost lines.
pub fn inventory_quote_ron(devices: u32) -> String {
    let servers = (devices / 10).max(1);
    let workstations = devices.saturating_sub(servers);
    let mut text = String::with_capacity(devices as usize * 150 + 2_000);
    let _ = write!(
        text,
        "(\n    number: \"Q-BENCH-{devices}\",\n    revision: 1,\n    date: \"2026-03-02\",\n    \
         customer: (name: \"Inventory Analytics Ltd\", contact: \"Analyst\", sites: 3, users: {devices}, desktops: {workstations}),\n    \
         devices: [\n        (tier: \"silver\", kind: \"server\", count: {servers}),\n"
    );
    if workstations > 0 {
        let _ = writeln!(
            text,
            "        (tier: \"bronze\", kind: \"server\", count: {workstations}),"
        );
    }
    let _ = write!(
        text,
        "    ],\n    term_months: 36,\n    setup: amortized,\n    cost_analysis: Some((\n        \
         managed_devices: Some({devices}),\n        hardware: [\n"
    );
    let hardware = devices / 2;
    for line in 0..hardware {
        let _ = writeln!(
            text,
            "            (description: \"Laptop, asset tag A-{line:06}\", quantity: 1, unit_cost: \"{}.{:02}\", acquisition: purchased),",
            900 + line % 400,
            line % 100
        );
    }
    text.push_str("        ],\n        software: [\n");
    for line in hardware..devices {
        let _ = writeln!(
            text,
            "            (description: \"Endpoint licence, asset tag A-{line:06}\", basis: flat, quantity: Some(1), unit_cost: \"{}.{:02}\", billing: monthly),",
            2 + line % 7,
            line % 100
        );
    }
    text.push_str(
        "        ],\n    )),\n    customer_costs: Some((\n        lines: [\n            \
         (category: \"internal_staff\", description: \"IT administrators\", amount: periodic(amount: \"18000.00\", period: monthly), avoidable_percent: \"80\"),\n            \
         (category: \"internal_staff\", description: \"Help desk contractor\", amount: periodic(amount: \"4000.00\", period: monthly), avoidable_percent: \"100\"),\n        ],\n        \
         annual_growth_percent: \"3\",\n    )),\n)\n",
    );
    text
}

/// A folder for the bench's files, emptied first.
fn bench_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("msp-quote-bench-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// `export QUOTE --proposal --appendix --xlsx --json`, every output into `dir`.
fn export_args(quote: &Path, dir: &Path) -> Vec<String> {
    let mut args = vec![
        "msp-quote".to_string(),
        "export".to_string(),
        quote.display().to_string(),
    ];
    for (flag, name) in [
        ("--proposal", "p.pdf"),
        ("--appendix", "a.pdf"),
        ("--xlsx", "c.xlsx"),
        ("--json", "r.json"),
    ] {
        args.push(flag.to_string());
        args.push(dir.join(name).display().to_string());
    }
    args
}

/// The export benchmarks.
pub fn benches(c: &mut Criterion) {
    for (name, devices) in [
        ("export/inventory quote, 10 devices", 10),
        ("export/inventory quote, 1,000 devices", 1_000),
        ("export/inventory quote, 10,000 devices", 10_000),
    ] {
        let dir = bench_dir(&devices.to_string());
        let quote = dir.join("quote.ron");
        if std::fs::write(&quote, inventory_quote_ron(devices)).is_err() {
            return;
        }
        let args = export_args(&quote, &dir);
        c.bench_function(name, |b| {
            b.iter(|| {
                if let Err(error) = msp_quote::cli::run_with_args(black_box(&args)) {
                    panic!("export failed: {}", error.message);
                }
            })
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    peak_memory_bench(c);
}

/// Runs the release binary's `export` of a 100,000-line inventory quote under
/// `/usr/bin/time -v` and prints its peak resident memory (the time per run is the bench's).
fn peak_memory_bench(c: &mut Criterion) {
    let dir = bench_dir("100000");
    let quote = dir.join("quote.ron");
    if std::fs::write(&quote, inventory_quote_ron(100_000)).is_err() {
        return;
    }
    let args = export_args(&quote, &dir);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("peak memory, 100,000-line quote (process)", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            let mut peak_kib = 0_u64;
            for _ in 0..iterations {
                let started = Instant::now();
                let output = Command::new("/usr/bin/time")
                    .arg("-v")
                    .arg(env!("CARGO_BIN_EXE_msp-quote"))
                    .args(&args[1..])
                    .output();
                total += started.elapsed();
                let Ok(output) = output else {
                    continue;
                };
                assert!(output.status.success(), "export of 100,000 lines failed");
                peak_kib = peak_kib.max(maximum_resident_kib(&output.stderr));
            }
            eprintln!(
                "export, 100,000-line quote: peak resident memory {:.1} MiB",
                peak_kib as f64 / 1024.0
            );
            total
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// "Maximum resident set size (kbytes): N" of `/usr/bin/time -v`'s report.
fn maximum_resident_kib(report: &[u8]) -> u64 {
    String::from_utf8_lossy(report)
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("Maximum resident set size (kbytes):")
                .and_then(|kib| kib.trim().parse().ok())
        })
        .unwrap_or(0)
}
