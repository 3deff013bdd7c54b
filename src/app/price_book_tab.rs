//! The price-book tab: which book is in use, loading another, the recently used books; then
//! the editor (outside meeting mode) or, in meeting mode, the book's customer-facing figures
//! read-only (tiers, bands, terms, rates, add-ons, guardrails).

use super::{Action, QuoteApp, meeting_mode, money, named_value_ui, price_book_editor};
use crate::core::lint::{customer_safe_lint, lint_price_book};
use crate::core::money::percent_text;
use crate::core::price_book::{CreditBasis, DiscountMode, PastLastBand, RateOverride};
use crate::formats::price_book::LoadedBook;

/// Draws the price-book tab.
pub(crate) fn price_book_tab_ui(ui: &mut egui::Ui, app: &mut QuoteApp, actions: &mut Vec<Action>) {
    book_header_ui(ui, app, actions);
    ui.separator();
    let meeting = app.meeting_mode;
    egui::ScrollArea::vertical()
        .id_salt("price-book-scroll")
        .show(ui, |ui| {
            if meeting {
                read_only_book_ui(ui, &app.book, meeting);
            } else {
                price_book_editor::editor_ui(ui, app);
            }
        });
}

/// The book's name and source, its sha256, the load button, a load error, the recent books.
fn book_header_ui(ui: &mut egui::Ui, app: &QuoteApp, actions: &mut Vec<Action>) {
    let loaded = &app.book;
    let book = &loaded.book;
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!("{} {}", book.name, book.version));
        if ui.button("Load another price book…").clicked() {
            actions.push(Action::LoadBook);
        }
    });
    let source = loaded
        .path
        .as_ref()
        .map_or("embedded standard book".to_string(), |path| {
            path.display().to_string()
        });
    ui.label(format!(
        "id {} · effective {} · {} · {source}",
        book.id, book.effective_date, book.currency.code
    ));
    named_value_ui(ui, "Price book sha256", format!("sha256 {}", loaded.sha256));
    if let Some(error) = &app.book_error {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "The last price book could not be loaded; this book and the quote stay in use:",
            );
            ui.colored_label(ui.visuals().error_fg_color, error.as_str())
                .accessible_name("Price book error");
        });
    }
    if !app.files.recent_books.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Recently used:");
            for path in &app.files.recent_books {
                let name = path.file_name().map_or(path.display().to_string(), |name| {
                    name.to_string_lossy().into_owned()
                });
                if ui
                    .link(name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    actions.push(Action::LoadBookFrom(path.clone()));
                }
            }
        });
    }
}

/// The book read-only: lint, tiers, bands, terms, rates, add-ons, guardrails.
fn read_only_book_ui(ui: &mut egui::Ui, loaded: &LoadedBook, meeting: bool) {
    // In meeting mode only the warnings that name no internal figure.
    let lint = if meeting {
        customer_safe_lint(&loaded.book)
    } else {
        lint_price_book(&loaded.book)
    };
    ui.heading(format!("Lint warnings ({})", lint.len()));
    if lint.is_empty() {
        ui.label("None.");
    }
    for warning in &lint {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {warning}"));
    }
    ui.separator();
    tiers_table_ui(ui, loaded, meeting);
    ui.separator();
    discounts_and_terms_ui(ui, loaded);
    ui.separator();
    rates_and_addons_ui(ui, loaded);
    ui.separator();
    ui.heading("Guardrails");
    let guardrails = &loaded.book.guardrails;
    ui.label(format!(
        "Extra discount up to {}% without approval",
        percent_text(guardrails.max_extra_discount_percent)
    ));
    meeting_mode::internal_ui(ui, meeting, |ui| {
        named_value_ui(
            ui,
            "Margin floor",
            format!(
                "Margin floor {}%",
                percent_text(guardrails.margin_floor_percent)
            ),
        );
    });
}

fn tiers_table_ui(ui: &mut egui::Ui, loaded: &LoadedBook, meeting: bool) {
    let book = &loaded.book;
    ui.heading("Tiers (monthly per device)");
    egui::Grid::new("book-tiers").striped(true).show(ui, |ui| {
        ui.strong("Tier");
        for kind in &book.device_kinds {
            ui.strong(kind.name.as_str());
        }
        ui.strong("Support h");
        ui.strong("Flex h");
        ui.strong("Discount schedule");
        if !meeting {
            ui.strong("Internal reserve");
        }
        ui.end_row();
        for tier in &book.tiers {
            ui.label(tier.name.as_str());
            for kind in &book.device_kinds {
                match tier.monthly_prices.get(&kind.id) {
                    Some(price) => ui.label(money(loaded, *price)),
                    None => ui.weak("—"),
                };
            }
            ui.label(tier.included_support_hours.normalize().to_string());
            ui.label(tier.included_flex_hours.normalize().to_string());
            ui.label(tier.discount_schedule.as_deref().unwrap_or("none"));
            if !meeting {
                named_value_ui(
                    ui,
                    &format!("Internal reserve, {}", tier.name),
                    money(loaded, tier.internal_reserve_per_device),
                );
            }
            ui.end_row();
        }
    });
}

fn discounts_and_terms_ui(ui: &mut egui::Ui, loaded: &LoadedBook) {
    let book = &loaded.book;
    ui.heading("Quantity discounts");
    for schedule in &book.discount_schedules {
        let mode = match schedule.mode {
            DiscountMode::Volume => "volume",
            DiscountMode::Graduated => "graduated",
        };
        let past = match schedule.past_last_band {
            PastLastBand::LastRateWithWarning => "last rate, needs approval",
            PastLastBand::Refuse => "refused",
        };
        ui.label(format!(
            "{} ({mode}; counts {}; above the last band: {past})",
            schedule.id,
            book.kind_name(&schedule.counted_kind).to_lowercase()
        ));
        egui::Grid::new(("bands", schedule.id.as_str()))
            .striped(true)
            .show(ui, |ui| {
                ui.strong("Devices");
                for band in &schedule.bands {
                    ui.label(format!("{}-{}", band.min, band.max));
                }
                ui.end_row();
                ui.strong("Discount");
                for band in &schedule.bands {
                    ui.label(format!("{}%", percent_text(band.discount_percent)));
                }
                ui.end_row();
            });
    }
    ui.separator();
    ui.heading("Terms");
    for term in &book.terms {
        let credits: Vec<String> = term
            .credits
            .iter()
            .map(|credit| {
                let per = match credit.per {
                    CreditBasis::PerContract => "per contract",
                    CreditBasis::PerDevice => "per device",
                };
                let amount = money(loaded, credit.amount);
                format!("{amount} {per} in month {}", credit.month)
            })
            .collect();
        let credits = if credits.is_empty() {
            "no credits".to_string()
        } else {
            credits.join("; ")
        };
        ui.label(format!("{} months: {credits}", term.months));
    }
    ui.label(format!(
        "Setup fee {} (up front: {}, amortized: {})",
        money(loaded, book.setup.amount),
        yes_no(book.setup.upfront_offered),
        yes_no(book.setup.amortized_offered)
    ));
}

fn rates_and_addons_ui(ui: &mut egui::Ui, loaded: &LoadedBook) {
    let book = &loaded.book;
    ui.heading("Hourly rates");
    egui::Grid::new("book-rates").striped(true).show(ui, |ui| {
        ui.strong("Rate");
        ui.strong("Card");
        for tier in &book.tiers {
            ui.strong(tier.name.as_str());
        }
        ui.strong("Increment");
        ui.end_row();
        for rate in &book.hourly_rates {
            ui.label(rate.name.as_str());
            ui.label(money(loaded, rate.rate));
            for tier in &book.tiers {
                match book.tier_rate(tier, rate) {
                    RateOverride::Rate(amount) => ui.label(money(loaded, amount)),
                    RateOverride::Included => ui.label("included"),
                };
            }
            ui.label(format!("{} min", rate.billing_increment_minutes));
            ui.end_row();
        }
    });
    ui.separator();
    ui.heading("Add-ons");
    egui::Grid::new("book-addons").striped(true).show(ui, |ui| {
        for addon in &book.addons {
            ui.label(addon.name.as_str());
            ui.label(money(loaded, addon.monthly_price));
            ui.label(if addon.discountable {
                "discountable"
            } else {
                "not discounted"
            });
            ui.end_row();
        }
    });
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
