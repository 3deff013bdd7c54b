//! The acceptance block that closes every customer document a party signs (the proposal, the
//! change order, the termination statement): one sentence, then signature lines for both
//! parties side by side.

use super::layout::{Layout, MUTED, Style, tint};
use super::{Document, customer_name};

/// Draws the "Acceptance" heading, `sentence`, and signature, name, title and date lines for
/// the customer (left) and the provider (right); leaves the cursor below them.
pub(super) fn acceptance(layout: &mut Layout, inputs: &Document, sentence: &str) {
    layout.heading("Acceptance", 190.0);
    layout.paragraph(sentence, Style::BODY);
    layout.space(10.0);
    let top = layout.cursor();
    let gap = 30.0;
    let column = (layout.content_width() - gap) / 2.0;
    let parties = [
        customer_name(inputs.quote).to_string(),
        inputs.book.branding.company_name.clone(),
    ];
    let label = Style::BODY.sized(8.5).coloured(MUTED);
    for (index, party) in parties.iter().enumerate() {
        let x = layout.left() + index as f32 * (column + gap);
        layout.text(x, top + 10.0, &format!("For {party}"), Style::BODY.bold());
        for (row, field) in ["Signature", "Name", "Title", "Date"].iter().enumerate() {
            let line_y = top + 52.0 + row as f32 * 34.0;
            layout.line(&[(x, line_y), (x + column, line_y)], tint(MUTED, 0.3), 0.6);
            layout.text(x, line_y + 10.0, field, label);
        }
    }
    layout.set_cursor(top + 52.0 + 4.0 * 34.0);
}
