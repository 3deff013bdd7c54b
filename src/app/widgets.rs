//! Small widgets every tab uses: money as text, named value labels, exact decimal fields.

use rust_decimal::Decimal;

use crate::formats::price_book::LoadedBook;

/// Money for the screen, in the book's currency ("$4,830.00").
pub(crate) fn money(book: &LoadedBook, amount: Decimal) -> String {
    book.book.currency.money(amount)
}

/// A value label named for assistive technology (and the tests) by `name`.
pub(crate) fn named_value_ui(ui: &mut egui::Ui, name: &str, value: impl Into<String>) {
    ui.label(value.into()).accessible_name(name);
}

/// A text field for an exact decimal: shows the value, keeps what is typed while the field
/// has focus, and writes the value back only when the text parses.
pub(crate) fn decimal_field_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    value: &mut Decimal,
    name: &str,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    let mut text = ui
        .data(|data| data.get_temp::<String>(id))
        .unwrap_or_else(|| value.normalize().to_string());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(70.0)
                .min_size(egui::vec2(70.0, 0.0)),
        )
        .accessible_name(name);
    if response.has_focus() || response.changed() {
        match text.trim().parse::<Decimal>() {
            Ok(parsed) => {
                if parsed != *value {
                    *value = parsed;
                }
            }
            Err(_) => {
                ui.colored_label(ui.visuals().error_fg_color, "not a number");
            }
        }
        ui.data_mut(|data| data.insert_temp(id, text));
    } else {
        ui.data_mut(|data| data.remove_temp::<String>(id));
    }
    response
}
