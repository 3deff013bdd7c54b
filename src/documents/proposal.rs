//! The customer proposal: cover, executive summary, configuration and tier comparison, fees,
//! term credits and yearly totals, ROI, requirements, terms and acceptance.

use super::blocks::acceptance;
use super::layout::{Align, Column, Layout, MUTED, Row, Style, Table};
use super::pdf::{self, LOGO_RESOURCE, Logo};
use super::{
    Document, DocumentError, Formats, chart, customer_name, long_date, months, percent,
    quote_label, tables, valid_until,
};
use crate::core::options::PricedOptions;

const TITLE: &str = "Managed services proposal";

/// Renders the proposal.
pub(super) fn render(
    inputs: &Document,
    options: Option<&PricedOptions>,
) -> Result<Vec<u8>, DocumentError> {
    let customer = customer_name(inputs.quote);
    let company = &inputs.book.branding.company_name;
    let (mut layout, logo) =
        pdf::start(inputs, format!("{company} \u{2014} {TITLE} for {customer}"))?;
    let formats = Formats::new(inputs.priced);
    cover(&mut layout, inputs, logo.as_ref());
    layout.new_page();
    executive_summary(&mut layout, inputs, options.is_some(), &formats);
    configuration(&mut layout, inputs, &formats);
    fees(&mut layout, inputs, options, &formats);
    term_and_totals(&mut layout, inputs, &formats);
    if let Some(roi) = inputs.roi {
        return_on_investment(&mut layout, roi, inputs.roi_warnings, &formats);
    }
    requirements(&mut layout, inputs);
    terms(&mut layout, inputs, &formats);
    proposal_acceptance(&mut layout, inputs);
    let footer = format!(
        "{company} \u{00B7} Proposal {} \u{00B7} {customer}",
        quote_label(inputs.quote)
    );
    let pages = layout.finish(&footer);
    pdf::save(inputs, pages, logo, &format!("{TITLE}: {customer}"))
}

fn cover(layout: &mut Layout, inputs: &Document, logo: Option<&Logo>) {
    let branding = &inputs.book.branding;
    let accent = layout.accent;
    let width = layout.geometry.width;
    layout.fill_rect(0.0, 0.0, width, 10.0, accent);
    let top = layout.geometry.margin_top;
    let mut text_left = layout.left();
    if let Some(logo) = logo {
        layout.image(LOGO_RESOURCE, logo.pixels, layout.left(), top, 56.0);
        text_left += 70.0;
    }
    let name_style = Style::BODY.sized(16.0).bold().coloured(accent);
    let company = layout.fit(&branding.company_name, 16.0, layout.right() - text_left);
    layout.text(text_left, top + 20.0, &company, name_style);
    let address = Style::BODY.sized(9.0).coloured(MUTED);
    for (index, line) in branding.address_lines.iter().enumerate() {
        layout.text(text_left, top + 36.0 + index as f32 * 12.0, line, address);
    }

    let title_top = layout.geometry.height * 0.30;
    let inner = layout.left() + 20.0;
    layout.text(
        inner,
        title_top + 30.0,
        "Managed IT services proposal",
        Style::BODY.sized(26.0).bold(),
    );
    layout.text(
        inner,
        title_top + 62.0,
        "Prepared for",
        Style::BODY.sized(11.0).coloured(MUTED),
    );
    let name_width = layout.right() - inner;
    // A long customer name takes two lines; anything beyond is shortened.
    let mut name_lines = layout.wrap(customer_name(inputs.quote), 20.0, name_width);
    if name_lines.len() > 2 {
        let rest = name_lines[1..].join(" ");
        name_lines = vec![name_lines[0].clone(), layout.fit(&rest, 20.0, name_width)];
    }
    let name_style = Style::BODY.sized(20.0).bold().coloured(accent);
    for (index, line) in name_lines.iter().enumerate() {
        layout.text(
            inner,
            title_top + 86.0 + index as f32 * 24.0,
            line,
            name_style,
        );
    }
    let extra = (name_lines.len().max(1) - 1) as f32 * 24.0;
    layout.fill_rect(layout.left(), title_top, 6.0, 112.0 + extra, accent);
    if !inputs.quote.customer.contact.trim().is_empty() {
        let contact = format!("Attention: {}", inputs.quote.customer.contact);
        let contact = layout.fit(&contact, 10.0, name_width);
        layout.text(
            inner,
            title_top + 104.0 + extra,
            &contact,
            Style::BODY.sized(10.0),
        );
    }

    layout.set_cursor(title_top + 160.0 + extra);
    let quote = inputs.quote;
    layout.facts(
        &[
            ("Quote number".to_string(), quote.number.clone()),
            ("Revision".to_string(), quote.revision.to_string()),
            ("Date".to_string(), long_date(quote.date)),
            (
                "Valid until".to_string(),
                long_date(valid_until(quote, inputs.book)),
            ),
            ("Term".to_string(), months(inputs.priced.term_months)),
        ],
        110.0,
        Style::BODY.sized(11.0),
    );
    let bottom = layout.geometry.height - layout.geometry.margin_bottom - 20.0;
    layout.text(
        layout.left(),
        bottom,
        &format!("Prepared by {}", branding.company_name),
        Style::BODY.sized(9.0).coloured(MUTED),
    );
}

fn executive_summary(layout: &mut Layout, inputs: &Document, has_options: bool, formats: &Formats) {
    let priced = inputs.priced;
    let quote = inputs.quote;
    layout.heading("Executive summary", 60.0);
    let devices = quote.device_count();
    let device_word = if devices == 1 { "device" } else { "devices" };
    layout.paragraph(
        &format!(
            "{} proposes to manage {devices} {device_word} for {} under a {}-month agreement \
             for a fixed monthly fee of {}. The fee covers the {} described below; \
             other work is billed at the hourly rates of the pricing appendix.",
            inputs.book.branding.company_name,
            customer_name(quote),
            priced.term_months,
            formats.money(priced.monthly_recurring),
            if has_options {
                "service tiers and the per-service components and packages"
            } else {
                "service tiers"
            },
        ),
        Style::BODY,
    );
    let mut rows = vec![
        Row::new(vec![
            "Monthly fee".into(),
            formats.money(priced.monthly_recurring).into(),
        ]),
        Row::new(vec!["Term".into(), months(priced.term_months).into()]),
        Row::new(vec![
            "First invoice (due before installation)".into(),
            formats.money(priced.first_invoice()).into(),
        ]),
        Row::new(vec![
            "Term credits".into(),
            formats.money(priced.credits_applied()).into(),
        ]),
    ];
    if let Some(roi) = inputs.roi {
        rows.push(Row::new(vec![
            "Net savings over the term".into(),
            formats.money(roi.net_savings).into(),
        ]));
        rows.push(Row::new(vec![
            "Return on investment".into(),
            roi.roi_percent
                .map_or("not applicable".to_string(), percent)
                .into(),
        ]));
        rows.push(Row::new(vec![
            "Payback".into(),
            roi.payback_month
                .map_or("not within the term".to_string(), |month| {
                    format!("month {month}")
                })
                .into(),
        ]));
    }
    rows.push(Row::total(vec![
        "Total contract value".into(),
        formats.money(priced.total_contract_value).into(),
    ]));
    layout.table(&Table {
        columns: vec![
            Column::new("Key figures", 4.0, Align::Left),
            Column::new("", 2.0, Align::Right),
        ],
        rows,
    });
}

fn configuration(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let priced = inputs.priced;
    layout.heading("Recommended configuration", 80.0);
    // One row per tier and kind, and one per add-on, however many lines the quote splits
    // them into.
    let items = priced
        .lines
        .iter()
        .map(|line| (line.tier_name.as_str(), line.kind_name.as_str(), line.count))
        .chain(
            priced
                .addons
                .iter()
                .map(|addon| ("Add-on", addon.name.as_str(), addon.quantity)),
        );
    let mut groups: Vec<(&str, &str, u64)> = Vec::new();
    for (group, item, count) in items {
        match groups
            .iter_mut()
            .find(|(known_group, known_item, _)| *known_group == group && *known_item == item)
        {
            Some(known) => known.2 += u64::from(count),
            None => groups.push((group, item, u64::from(count))),
        }
    }
    let rows = groups
        .iter()
        .map(|(group, item, count)| {
            Row::new(vec![
                (*group).into(),
                (*item).into(),
                count.to_string().into(),
            ])
        })
        .collect();
    layout.table(&Table {
        columns: vec![
            Column::new("Service tier", 2.0, Align::Left),
            Column::new("Managed item", 3.5, Align::Left),
            Column::new("Quantity", 1.2, Align::Right),
        ],
        rows,
    });
    if let Some(band) = &priced.band {
        let kind = inputs.book.kind_name(&band.counted_kind).to_lowercase();
        let counted = if band.count == 1 {
            format!("1 {kind}")
        } else {
            format!("{} {kind}s", band.count)
        };
        let range = if band.min == band.max {
            band.min.to_string()
        } else {
            format!("{}-{}", band.min, band.max)
        };
        let text = if band.discount_percent.is_zero() {
            format!("With {counted} across all tiers, no quantity discount applies.")
        } else if band.past_last_band {
            format!(
                "With {counted} across all tiers, this quote is above the largest band \
                 ({range}), whose quantity discount of {} applies to every tiered \
                 per-{kind} fee.",
                percent(band.discount_percent)
            )
        } else {
            format!(
                "With {counted} across all tiers, this quote falls in the {range} band: a \
                 quantity discount of {} on every tiered per-{kind} fee.",
                percent(band.discount_percent)
            )
        };
        layout.paragraph(&text, Style::BODY);
    }
    let proposed: Vec<&str> = priced.lines.iter().map(|line| line.tier.as_str()).collect();
    let comparison = tables::tier_comparison(inputs.book, &proposed, formats);
    layout.subheading(
        "Bronze, Silver and Gold compared",
        layout.start_height(&comparison),
    );
    layout.table(&comparison);
}

fn fees(
    layout: &mut Layout,
    inputs: &Document,
    options: Option<&PricedOptions>,
    formats: &Formats,
) {
    let recurring = tables::recurring_fees(
        inputs.priced,
        options.map(|options| (inputs.book, options)),
        formats,
    );
    layout.heading("Fees", layout.start_height(&recurring));
    layout.table(&recurring);
    let one_time = tables::one_time_fees(inputs.priced, formats);
    layout.subheading("One-time fees", layout.start_height(&one_time));
    layout.table(&one_time);
    if options.is_some() {
        layout.paragraph(
            "The per-service components and packages carry no setup fee of their own; the \
             pricing appendix lists what each includes.",
            Style::BODY,
        );
    }
}

fn term_and_totals(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let priced = inputs.priced;
    layout.heading("Term credits and yearly totals", 80.0);
    if priced.credits.is_empty() {
        layout.paragraph(
            &format!(
                "A {}-month term carries no term credits.",
                priced.term_months
            ),
            Style::BODY,
        );
    } else {
        layout.paragraph(
            &format!(
                "A {}-month term earns the credits below, applied to the invoice of the month \
                 shown.",
                priced.term_months
            ),
            Style::BODY,
        );
        layout.table(&tables::credits(inputs.quote, priced, formats));
    }
    layout.table(&tables::yearly_totals(inputs.quote, priced, formats));
}

fn return_on_investment(
    layout: &mut Layout,
    roi: &chart::RoiFigures,
    warnings: &[&str],
    formats: &Formats,
) {
    layout.heading("Return on investment", 260.0);
    let payback = roi.payback_month.map_or(
        "The avoided costs do not reach the payments within the term.".to_string(),
        |month| format!("The investment pays back in month {month}."),
    );
    layout.paragraph(
        &format!(
            "Compared with what you spend on IT support today, managed services save {} over \
             the term{}. {payback}",
            formats.money(roi.net_savings),
            roi.roi_percent.map_or(String::new(), |value| format!(
                ", a return on investment of {}",
                percent(value)
            ))
        ),
        Style::BODY,
    );
    for warning in warnings {
        layout.paragraph(&format!("Note: {warning}."), Style::BODY);
    }
    chart::draw(layout, roi, formats, 230.0);
}

fn requirements(layout: &mut Layout, inputs: &Document) {
    if inputs.book.customer_requirements.is_empty() {
        return;
    }
    layout.heading("What you provide", 60.0);
    layout.paragraph(
        "To receive the service, the customer provides and maintains:",
        Style::BODY,
    );
    layout.bullets(&inputs.book.customer_requirements, Style::BODY);
}

fn terms(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let book = inputs.book;
    let priced = inputs.priced;
    let minimum = book.terms.first().map_or(priced.term_months, |t| t.months);
    layout.heading("Terms", 80.0);
    let items = vec![
        "Fees are invoiced monthly, in advance, for the coming month.".to_string(),
        super::due_before_installation(priced, formats),
        format!(
            "Late payments carry a late fee of {} per month on the overdue amount, from the due \
             date.",
            percent(book.contract.late_fee_percent_per_month)
        ),
        format!(
            "The minimum term is {}; this agreement runs for {}.",
            months(minimum),
            months(priced.term_months)
        ),
        format!(
            "Early termination carries liquidated damages of {} of service fees, as the pricing \
             appendix sets out.",
            months(book.contract.liquidated_damages_months)
        ),
        format!(
            "The prices of this proposal are valid until {}.",
            long_date(valid_until(inputs.quote, book))
        ),
    ];
    layout.bullets(&items, Style::BODY);
}

fn proposal_acceptance(layout: &mut Layout, inputs: &Document) {
    acceptance(
        layout,
        inputs,
        &format!(
            "Signed for and on behalf of the parties, accepting proposal {} on the terms above \
             and in the statement of work.",
            quote_label(inputs.quote)
        ),
    );
}
