//! Number fields that never rewrite the value they were given.
//!
//! A quote file may hold any value its format accepts; the window shows it exactly as it is
//! (opening a quote and closing it changes nothing). A field only refuses an *edit* outside
//! the range the files accept, and says so beside the field; the value stays as it was.

use std::ops::RangeInclusive;

/// The ranges the window accepts for an edit: the same ranges the quote files and the command
/// line accept (see the input limits in docs/QUOTE.md and `formats::quote`).
pub(crate) mod limits {
    use std::ops::RangeInclusive;

    /// A device line's count.
    pub(crate) const DEVICE_COUNT: RangeInclusive<u32> = 1..=10_000_000;
    /// Counts that start at 1: add-on, hardware, software and affiliate quantities, managed
    /// devices, identical groups, option line counts.
    pub(crate) const QUANTITY: RangeInclusive<u32> = 1..=10_000_000;
    /// Counts that may be 0: the customer's sites, users and desktops.
    pub(crate) const CUSTOMER_COUNT: RangeInclusive<u32> = 0..=10_000_000;
    /// Months of a lease and the avoided hire's start month.
    pub(crate) const MONTHS: RangeInclusive<u32> = 1..=120;
}

/// A whole-number field (drag it or type into it) named `name` for assistive technology.
///
/// The value is shown as it is, even outside `allowed`. An edit to a value outside `allowed`
/// is refused: the value stays, and a note beside the field says what is allowed until the
/// next accepted edit. Returns the field's response (changed only for an accepted edit).
pub(crate) fn count_field_ui(
    ui: &mut egui::Ui,
    value: &mut u32,
    allowed: RangeInclusive<u32>,
    name: &str,
) -> egui::Response {
    count_field_with_speed_ui(ui, value, allowed, name, 0.25)
}

/// [`count_field_ui`] with a drag speed (value change per point dragged).
pub(crate) fn count_field_with_speed_ui(
    ui: &mut egui::Ui,
    value: &mut u32,
    allowed: RangeInclusive<u32>,
    name: &str,
    speed: f64,
) -> egui::Response {
    let mut edited = *value;
    let mut response = ui
        .add(egui::DragValue::new(&mut edited).speed(speed))
        .accessible_name(name);
    let refusal_id = response.id.with("refused");
    if edited != *value {
        if allowed.contains(&edited) {
            *value = edited;
            ui.data_mut(|data| data.remove_temp::<String>(refusal_id));
        } else {
            let note = format!(
                "{edited} refused: {} to {} allowed",
                allowed.start(),
                allowed.end()
            );
            ui.data_mut(|data| data.insert_temp(refusal_id, note));
            response.flags.set(egui::response::Flags::CHANGED, false);
        }
    }
    if let Some(note) = ui.data(|data| data.get_temp::<String>(refusal_id)) {
        ui.colored_label(ui.visuals().error_fg_color, note.as_str())
            .accessible_name(format!("{name}, refused edit"));
        // In a narrow table cell the note may be clipped: the field says it on hover too.
        response = response.on_hover_text(note);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the field once around `value` and returns what it holds after the frame.
    fn shown(value: u32, allowed: RangeInclusive<u32>) -> u32 {
        let ctx = egui::Context::default();
        let mut value = value;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            count_field_ui(ui, &mut value, allowed.clone(), "Count");
        });
        output.textures_delta.clear();
        value
    }

    #[test]
    fn a_value_above_the_range_is_shown_unchanged() {
        assert_eq!(shown(4_000_000_000, limits::DEVICE_COUNT), 4_000_000_000);
        assert_eq!(shown(600, limits::MONTHS), 600);
    }

    #[test]
    fn a_value_below_the_range_is_shown_unchanged() {
        assert_eq!(shown(0, limits::QUANTITY), 0);
    }
}
