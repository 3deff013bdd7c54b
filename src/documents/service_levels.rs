//! The SOW appendix's SLA section: response targets per priority and the service credit for
//! a missed target, with the monthly cap in money for the quote (pricing-rules.md section 10).

use super::layout::{Align, Column, Layout, Row, Style, Table};
use super::{Document, Formats, percent};

/// The SLA: response targets per priority and the service credit, with the monthly cap in
/// money for this quote's monthly fee.
pub(super) fn section(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let Some(levels) = &inputs.book.service_levels else {
        return;
    };
    let rows = levels
        .targets
        .iter()
        .map(|target| {
            Row::new(vec![
                target.priority.clone().into(),
                target.description.clone().into(),
                response_text(target.response_minutes).into(),
                target.resolution.clone().into(),
            ])
        })
        .collect();
    layout.table(&Table {
        columns: vec![
            Column::new("Priority", 1.3, Align::Left),
            Column::new("Meaning", 2.6, Align::Left),
            Column::new("Initial response", 1.4, Align::Left),
            Column::new("Resolution", 2.2, Align::Left),
        ],
        rows,
    });
    let monthly = inputs.priced.monthly_recurring;
    let decimals = inputs.priced.currency.decimals;
    layout.bullets(
        &[
            format!(
                "For each missed response target the customer receives a service credit of {} \
                 of that month's recurring fee ({} at the monthly fee of {}).",
                percent(levels.credit_percent_per_miss),
                formats.money(levels.credit_per_miss(monthly, decimals)),
                formats.money(monthly)
            ),
            format!(
                "Service credits are at most {} of a month's recurring fee: {} a month for this \
                 quote.",
                percent(levels.monthly_credit_cap_percent),
                formats.money(levels.monthly_credit_cap(monthly, decimals))
            ),
            "A service credit is applied to the next invoice like a term credit and never \
             makes an invoice negative."
                .to_string(),
        ],
        Style::BODY,
    );
}

/// "15 minutes", "1 hour", "3 hours".
fn response_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".to_string(),
        (h, 0) => format!("{h} hours"),
        _ => format!("{minutes} minutes"),
    }
}
