//! The window's CPU cost per frame with a 1,000-line quote, driven headless through
//! egui_kittest (layout, widgets and the AccessKit tree; no GPU).

use criterion::Criterion;
use egui_kittest::Harness;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs};
use msp_quote::core::quote::{DeviceLine, Quote};

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
}
