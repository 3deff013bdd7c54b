//! The price-book editor's CPU cost per frame with the standard book, driven headless through
//! egui_kittest (layout, widgets and the AccessKit tree; no GPU). Target: under 4 ms a frame.

use criterion::Criterion;
use egui_kittest::Harness;
use msp_quote::app::{AppSetup, QuoteApp, ScriptedDialogs, Tab};

/// The app on the Price book tab (the editor) with the standard book and the sample quote.
fn editor_harness() -> Harness<'static, QuoteApp> {
    let mut app = QuoteApp::new(AppSetup::headless(ScriptedDialogs::new()));
    app.set_tab(Tab::PriceBook);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuoteApp| app.show(ui), app);
    harness.run_steps(2);
    harness
}

/// The editor's benchmarks.
pub fn benches(c: &mut Criterion) {
    let mut idle = editor_harness();
    c.bench_function("price_book_editor/standard book, idle frame", |b| {
        b.iter(|| idle.step())
    });
    // Each frame edits the Silver server price (valid: validated, linted, the quote
    // re-priced with the edited book), as typing does.
    let mut editing = editor_harness();
    let mut cents = 0u32;
    c.bench_function(
        "price_book_editor/standard book, an edit per frame (validates, re-prices)",
        |b| {
            b.iter(|| {
                cents = (cents + 1) % 100;
                editing.state_mut().edit_book(|raw| {
                    if let Some(silver) = raw.tiers.iter_mut().find(|tier| tier.id == "silver") {
                        silver
                            .monthly_prices
                            .insert("server".to_string(), format!("750.{cents:02}"));
                    }
                });
                editing.step();
            })
        },
    );
}
