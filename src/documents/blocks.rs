//! Blocks several customer documents share: the brand and title that open the pricing
//! appendix, the change order and the termination statement, and the acceptance block that
//! closes every document a party signs (the proposal, the change order, the termination
//! statement).

use super::layout::{Layout, MUTED, Style, tint};
use super::pdf::{LOGO_RESOURCE, Logo};
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

/// Draws the logo (if any), the company name and address, and `title` at the top of the first
/// page; leaves the cursor below the title, where the document's facts go.
pub(super) fn brand_and_title(
    layout: &mut Layout,
    inputs: &Document,
    logo: Option<&Logo>,
    title: &str,
) {
    let top = layout.geometry.margin_top - 20.0;
    let mut text_left = layout.left();
    if let Some(logo) = logo {
        layout.image(LOGO_RESOURCE, logo.pixels, layout.left(), top, 40.0);
        text_left += 52.0;
    }
    let accent = layout.accent;
    let branding = &inputs.book.branding;
    layout.text(
        text_left,
        top + 16.0,
        &branding.company_name,
        Style::BODY.sized(13.0).bold().coloured(accent),
    );
    layout.text(
        text_left,
        top + 32.0,
        &branding.address_lines.join(", "),
        Style::BODY.sized(8.5).coloured(MUTED),
    );
    layout.set_cursor(top + 62.0);
    layout.text(
        layout.left(),
        layout.cursor(),
        title,
        Style::BODY.sized(18.0).bold(),
    );
    layout.space(14.0);
}
