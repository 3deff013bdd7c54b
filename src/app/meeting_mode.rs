//! Meeting mode: one keystroke (F9, or Ctrl+M) hides every internal figure (cost, markup,
//! margin, reserve) in every tab, so the screen can face the customer.
//!
//! Every drawing function that shows an internal figure draws it through [`internal_ui`],
//! which draws nothing in meeting mode: the figure is then absent from the screen and from
//! the accessibility tree alike.

use egui::{Key, KeyboardShortcut, Modifiers};

/// The main key that toggles meeting mode.
pub const TOGGLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F9);

/// The second key that toggles meeting mode.
pub const TOGGLE_ALTERNATIVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::M);

/// Consumes the toggle keys of this frame; true when one was pressed.
pub fn toggle_pressed(ctx: &egui::Context) -> bool {
    ctx.input_mut(|input| {
        input.consume_shortcut(&TOGGLE) | input.consume_shortcut(&TOGGLE_ALTERNATIVE)
    })
}

/// Draws `add_contents` (internal figures) unless `meeting_mode` is on; in meeting mode draws
/// a short note without any figure instead.
pub fn internal_ui(
    ui: &mut egui::Ui,
    meeting_mode: bool,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    if meeting_mode {
        ui.weak("Internal figures hidden (meeting mode, F9)");
    } else {
        add_contents(ui);
    }
}

/// The toggle in the top bar.
pub fn toggle_ui(ui: &mut egui::Ui, meeting_mode: &mut bool) {
    let text = if *meeting_mode {
        "Meeting mode: on"
    } else {
        "Meeting mode: off"
    };
    let response = ui
        .selectable_label(*meeting_mode, text)
        .on_hover_text("Hide every internal figure: cost, markup, margin, reserve (F9 or Ctrl+M)");
    if response.clicked() {
        *meeting_mode = !*meeting_mode;
    }
}
