//! The cost-analysis tab (the analyst's screen).
//!
//! PLACEHOLDER: the cost-analysis engine (issue 3, `core::cost`) is not on this branch yet;
//! the tab says so instead of computing anything itself.

use super::{QuoteApp, meeting_mode};

/// Draws the cost-analysis tab.
pub(crate) fn cost_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp) {
    ui.heading("Cost analysis");
    meeting_mode::internal_ui(ui, app.meeting_mode, |ui| {
        ui.label(
            "Placeholder: the cost-analysis engine (issue 3) has not been merged into this build \
             yet. Cost lines, markups, labour, per-device fee and margins appear here once it is.",
        );
    });
}
