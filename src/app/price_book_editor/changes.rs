//! The list of what changed (old -> new) when a new version is saved or another book is
//! loaded.

use super::fields::rows_ui;
use crate::app::named_value_ui;
use crate::core::money::plain;
use crate::core::price_book::PriceBook;

/// What changed between two books, one line per change.
#[derive(Debug, Clone)]
pub(crate) struct ChangeList {
    /// What happened ("Saved version 2026.2").
    pub(crate) title: String,
    /// "Silver server 750.00 -> 790.00", one per change.
    pub(crate) lines: Vec<String>,
}

impl ChangeList {
    /// The changes from `old` to `new`, under `title`.
    pub(crate) fn between(old: &PriceBook, new: &PriceBook, title: &str) -> Self {
        let mut lines = Vec::new();
        if old.id != new.id || old.version != new.version {
            lines.push(format!(
                "Book {} {} ({}) -> {} {} ({})",
                old.id, old.version, old.effective_date, new.id, new.version, new.effective_date
            ));
        }
        lines.extend(price_changes(old, new));
        ChangeList {
            title: title.to_string(),
            lines,
        }
    }

    /// Draws the list under a collapsible header.
    pub(crate) fn list_ui(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(format!(
            "What changed: {} ({} changes)",
            self.title,
            self.lines.len()
        ))
        .id_salt("book-editor-changes")
        .default_open(true)
        .show(ui, |ui| {
            if self.lines.is_empty() {
                ui.label("No price changed.");
            }
            rows_ui(ui, "changes", self.lines.len(), |ui, index| {
                if let Some(line) = self.lines.get(index) {
                    named_value_ui(ui, &format!("Change {}", index + 1), line.as_str());
                }
            });
        });
    }
}

/// Every changed tier price, old -> new, until the core's full book diff is on main.
fn price_changes(old: &PriceBook, new: &PriceBook) -> Vec<String> {
    let mut lines = Vec::new();
    for tier in &new.tiers {
        let Some(before) = old.tier(&tier.id) else {
            lines.push(format!("Tier {} added", tier.name));
            continue;
        };
        let decimals = new.currency.decimals;
        for (kind, price) in &tier.monthly_prices {
            let price = plain(*price, decimals);
            match before
                .monthly_prices
                .get(kind)
                .map(|previous| plain(*previous, decimals))
            {
                Some(previous) if previous == price => {}
                Some(previous) => lines.push(format!(
                    "{} {} {previous} -> {price}",
                    tier.name,
                    new.kind_name(kind).to_lowercase()
                )),
                None => lines.push(format!(
                    "{} {} added at {price}",
                    tier.name,
                    new.kind_name(kind).to_lowercase()
                )),
            }
        }
    }
    lines
}
