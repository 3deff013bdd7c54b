//! The add-on lines of the quote: add-on, quantity, the engine's unit net and monthly amount.

use crate::app::fields::{count_field_ui, limits};
use crate::app::{money, named_value_ui};
use crate::core::pricing::{PricedAddOn, PricedQuote};
use crate::core::quote::{AddOnLine, Quote};
use crate::formats::price_book::LoadedBook;

pub(super) fn addons_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    quote: &mut Quote,
    priced: Option<&PricedQuote>,
) {
    ui.horizontal(|ui| {
        ui.heading("Add-ons");
        let unused = book
            .book
            .addons
            .iter()
            .find(|addon| !quote.addons.iter().any(|line| line.id == addon.id));
        if ui
            .add_enabled(unused.is_some(), egui::Button::new("Add add-on"))
            .clicked()
            && let Some(addon) = unused
        {
            quote.addons.push(AddOnLine {
                id: addon.id.clone(),
                quantity: 1,
            });
        }
    });
    let priced_addons = priced
        .filter(|priced| priced.addons.len() == quote.addons.len())
        .map(|priced| priced.addons.as_slice());
    let mut remove = None;
    egui::ScrollArea::vertical()
        .id_salt("addons-scroll")
        .show(ui, |ui| {
            egui::Grid::new("addon-lines")
                .num_columns(5)
                .striped(true)
                .show(ui, |ui| {
                    for (index, line) in quote.addons.iter_mut().enumerate() {
                        let priced = priced_addons.and_then(|addons| addons.get(index));
                        if addon_row_ui(ui, book, index, line, priced) {
                            remove = Some(index);
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(index) = remove {
        quote.addons.remove(index);
    }
}

/// One add-on line; true when its Remove button was clicked. (A book has a handful of
/// add-ons and a quote uses each at most once, so this list stays short.)
fn addon_row_ui(
    ui: &mut egui::Ui,
    book: &LoadedBook,
    index: usize,
    line: &mut AddOnLine,
    priced: Option<&PricedAddOn>,
) -> bool {
    let number = index + 1;
    let selected = book
        .book
        .addon(&line.id)
        .map_or(line.id.clone(), |addon| addon.name.clone());
    let response = egui::ComboBox::from_id_salt(("addon", index))
        .selected_text(selected)
        .width(220.0)
        .show_ui(ui, |ui| {
            for addon in &book.book.addons {
                ui.selectable_value(&mut line.id, addon.id.clone(), &addon.name);
            }
        });
    let _ = response
        .response
        .accessible_name(format!("Add-on, line {number}"));
    ui.horizontal(|ui| {
        count_field_ui(
            ui,
            &mut line.quantity,
            limits::QUANTITY,
            &format!("Add-on quantity, line {number}"),
        );
    });
    match priced {
        Some(addon) => {
            named_value_ui(
                ui,
                &format!("Add-on unit net, line {number}"),
                money(book, addon.unit_net),
            );
            named_value_ui(
                ui,
                &format!("Add-on monthly, line {number}"),
                money(book, addon.monthly),
            );
        }
        None => {
            ui.label("");
            ui.label("");
        }
    }
    ui.small_button("Remove")
        .accessible_name(format!("Remove add-on {number}"))
        .clicked()
}
