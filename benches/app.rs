//! The window's CPU cost per frame with a 1,000-line quote, driven headless through
//! egui_kittest (layout, widgets and the AccessKit tree; no GPU); and with 10,000 and 100,000
//! cost lines (issue 13: under 4 ms idle, under 8 ms after an edit at 10,000 lines; memory
//! under 300 MB at 100,000).

use criterion::Criterion;
use egui_kittest::Harness;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};
use msp_quote::core::cost::{Acquisition, HardwareLine};
use msp_quote::core::quote::{DeviceLine, Quote};
use rust_decimal::Decimal;

fn thousand_line_quote() -> Quote {
    let mut quote = Quote::empty(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default());
    quote.term_months = 36;
    let tiers = ["bronze", "silver", "gold"];
    let kinds = ["server", "workstation", "network-device"];
    quote.devices = (0..1_000)
        .map(|index| DeviceLine {
            tier: tiers[index % 3].to_string(),
            kind: kinds[(index / 3) % 3].to_string(),
            count: 1 + (index % 4) as u32,
        })
        .collect();
    quote
}

/// The app with a 1,000-line quote; `with_analyses` keeps the sample's cost analysis and
/// customer costs, so every edit also reruns the cost and ROI engines.
fn harness(with_analyses: bool) -> Harness<'static, QuoteApp> {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    let mut quote = thousand_line_quote();
    if with_analyses {
        quote.cost_analysis = app.quote().cost_analysis.clone();
        quote.customer_costs = app.quote().customer_costs.clone();
    }
    app.replace_quote(quote);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app)
}

/// The window's benchmarks.
pub fn benches(c: &mut Criterion) {
    let mut idle = harness(false);
    c.bench_function("frame/1,000-line quote, idle frame", |b| {
        b.iter(|| idle.step())
    });
    for (name, with_analyses) in [
        (
            "frame/1,000-line quote, an edit per frame (reprices)",
            false,
        ),
        (
            "frame/1,000-line quote with cost and ROI, an edit per frame",
            true,
        ),
    ] {
        let mut editing = harness(with_analyses);
        let mut count = 1;
        c.bench_function(name, |b| {
            b.iter(|| {
                count = count % 50 + 1;
                editing.state_mut().edit_quote(|quote| {
                    if let Some(line) = quote.devices.first_mut() {
                        line.count = count;
                    }
                });
                editing.step();
            })
        });
    }
    cost_line_benches(c);
}

/// The sample quote with `lines` purchased hardware lines in its cost analysis.
fn quote_with_cost_lines(app: &QuoteApp, lines: usize) -> Quote {
    let mut quote = app.quote().clone();
    let analysis = quote.cost_analysis.get_or_insert_with(Default::default);
    analysis.hardware = (1..=lines)
        .map(|n| HardwareLine {
            description: format!("Hardware item {n:06}"),
            quantity: 1 + (n % 3) as u32,
            unit_cost: Decimal::new(n as i64 % 100_000 + 100, 2),
            acquisition: Acquisition::Purchased,
            source: None,
        })
        .collect();
    quote
}

/// The window on its Cost analysis tab with `lines` cost lines.
fn cost_harness(lines: usize) -> Harness<'static, QuoteApp> {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    let quote = quote_with_cost_lines(&app, lines);
    app.replace_quote(quote);
    app.set_tab(Tab::Cost);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// A line of /proc/self/status ("VmRSS", "VmHWM") in MiB, where the system has it.
fn memory_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// The window's frame with long cost analyses, idle and after an edit of one line's cost
/// (which reruns the engine over every line); memory printed to stderr.
pub fn cost_line_benches(c: &mut Criterion) {
    for lines in [10_000, 100_000] {
        let rss_before = memory_mib("VmRSS").unwrap_or(0.0);
        let mut idle = cost_harness(lines);
        let rss_after = memory_mib("VmRSS").unwrap_or(0.0);
        c.bench_function(&format!("frame/{lines} cost lines, idle frame"), |b| {
            b.iter(|| idle.step())
        });
        drop(idle);
        let mut editing = cost_harness(lines);
        let mut cents = 100;
        c.bench_function(
            &format!("frame/{lines} cost lines, an edit per frame"),
            |b| {
                b.iter(|| {
                    cents = cents % 5_000 + 1;
                    editing.state_mut().edit_quote(|quote| {
                        if let Some(line) = quote
                            .cost_analysis
                            .as_mut()
                            .and_then(|analysis| analysis.hardware.get_mut(lines / 2))
                        {
                            line.unit_cost = Decimal::new(cents, 2);
                        }
                    });
                    editing.step();
                })
            },
        );
        eprintln!(
            "memory/{lines} cost lines: RSS {rss_before:.0} MiB before the window, {rss_after:.0} MiB \
             with it, {:.0} MiB after the edits; peak (VmHWM) {:.0} MiB",
            memory_mib("VmRSS").unwrap_or(0.0),
            memory_mib("VmHWM").unwrap_or(0.0)
        );
    }
}
