//! The ROI tab.
//!
//! PLACEHOLDER: the ROI engine (issue 4, `core::roi`) is not on this branch yet; the tab says
//! so instead of computing anything itself.

use super::QuoteApp;

/// Draws the ROI tab.
pub(crate) fn roi_tab_ui(ui: &mut egui::Ui, _app: &mut QuoteApp) {
    ui.heading("Return on investment");
    ui.label(
        "Placeholder: the ROI engine (issue 4) has not been merged into this build yet. \
         Customer cost lines, the avoided hire, the discount rate, the payback chart and the \
         month table appear here once it is.",
    );
}
