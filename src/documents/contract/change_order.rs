//! The change order: what an amendment changes from which date, its proration or reduction
//! fee, the new monthly fee, the rest of the schedule and an acceptance block.

use super::super::layout::{Align, Column, Row, Style, Table};
use super::super::{DocumentError, DocumentInputs, Formats, long_date, pdf, quote_label};
use super::{acceptance, document, schedule_table, title_block};
use crate::core::contract::{ContractSchedule, PricedAmendment};
use crate::core::pricing::PricedQuote;

const TITLE: &str = "Change order";

/// Renders the change order of amendment `number` (1-based) of `contract`; `inputs.quote`
/// is the contract and `inputs.priced` what it prices to (its figures are not read here).
///
/// # Errors
/// A [`DocumentError`] when the logo or font is unusable, or the amendment does not exist.
pub fn render_change_order(
    inputs: &DocumentInputs,
    contract: &ContractSchedule,
    number: usize,
) -> Result<Vec<u8>, DocumentError> {
    let amendment = number
        .checked_sub(1)
        .and_then(|index| contract.amendments.get(index))
        .ok_or_else(|| DocumentError::Assemble {
            reason: format!("the contract has no amendment {number}"),
        })?;
    let previous = match number {
        1 => &contract.base,
        _ => &contract.amendments[number - 2].priced,
    };
    let priced = contract.as_priced_quote();
    let document = document(inputs, &priced);
    let inputs = &document;
    let customer = super::super::customer_name(inputs.quote);
    let company = &inputs.book.branding.company_name;
    let (mut layout, logo) = pdf::start(
        inputs,
        format!("{company} \u{2014} {TITLE} {number} \u{2014} {customer}"),
    )?;
    let formats = Formats::new(&contract.base);
    title_block(
        &mut layout,
        inputs,
        logo.as_ref(),
        &format!("{TITLE} {number}"),
        contract,
    );
    layout.heading("What changes", 70.0);
    layout.paragraph(
        &format!(
            "From {} (contract month {}), the services of contract {} change as below. The term, \
             the term credits and the setup fee do not change.",
            long_date(amendment.effective_date),
            amendment.effective_month,
            quote_label(inputs.quote)
        ),
        Style::BODY,
    );
    layout.table(&changes_table(previous, &amendment.priced, &formats));
    layout.heading("Fees", 70.0);
    layout.bullets(&fee_sentences(amendment, &formats), Style::BODY);
    layout.heading("Schedule from the change", 70.0);
    layout.table(&schedule_table(
        contract,
        amendment.effective_month,
        contract.term_months,
        &formats,
    ));
    layout.paragraph(
        &format!(
            "Contract value over the whole term after this change: {}.",
            formats.money(contract.total_contract_value)
        ),
        Style::BODY.bold(),
    );
    acceptance(
        &mut layout,
        inputs,
        &format!(
            "Signed for and on behalf of the parties, accepting change order {number} to \
             contract {} on the terms above.",
            quote_label(inputs.quote)
        ),
    );
    let footer = format!(
        "{company} \u{00B7} Change order {number} \u{00B7} {} \u{00B7} {customer}",
        quote_label(inputs.quote)
    );
    let pages = layout.finish(&footer);
    pdf::save(
        inputs,
        pages,
        logo,
        &format!("{TITLE} {number}: {customer}"),
    )
}

/// Each line before and after: count, unit price and monthly amount.
fn changes_table(before: &PricedQuote, after: &PricedQuote, formats: &Formats) -> Table {
    let mut labels: Vec<(String, String)> = Vec::new();
    for line in before.lines.iter().chain(&after.lines) {
        let key = format!("{}:{}", line.tier, line.kind);
        if !labels.iter().any(|(k, _)| k == &key) {
            labels.push((key, format!("{} {}", line.tier_name, line.kind_name)));
        }
    }
    for addon in before.addons.iter().chain(&after.addons) {
        let key = format!("addon:{}", addon.id);
        if !labels.iter().any(|(k, _)| k == &key) {
            labels.push((key, addon.name.clone()));
        }
    }
    let figures = |priced: &PricedQuote, key: &str| -> Option<(u32, String, String)> {
        priced
            .lines
            .iter()
            .find(|line| format!("{}:{}", line.tier, line.kind) == key)
            .map(|line| {
                (
                    line.count,
                    formats.money(line.unit_net),
                    formats.money(line.monthly),
                )
            })
            .or_else(|| {
                priced
                    .addons
                    .iter()
                    .find(|addon| format!("addon:{}", addon.id) == key)
                    .map(|addon| {
                        (
                            addon.quantity,
                            formats.money(addon.unit_net),
                            formats.money(addon.monthly),
                        )
                    })
            })
    };
    let dash = || "\u{2013}".to_string();
    let mut rows: Vec<Row> = labels
        .iter()
        .map(|(key, label)| {
            let old = figures(before, key);
            let new = figures(after, key);
            Row::new(vec![
                label.clone().into(),
                old.as_ref().map_or_else(dash, |f| f.0.to_string()).into(),
                new.as_ref().map_or_else(dash, |f| f.0.to_string()).into(),
                old.as_ref().map_or_else(dash, |f| f.1.clone()).into(),
                new.as_ref().map_or_else(dash, |f| f.1.clone()).into(),
                new.as_ref().map_or_else(dash, |f| f.2.clone()).into(),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        "Monthly fee".into(),
        "".into(),
        "".into(),
        formats.money(before.monthly_recurring).into(),
        formats.money(after.monthly_recurring).into(),
        formats.money(after.monthly_recurring).into(),
    ]));
    Table {
        columns: vec![
            Column::new("Service", 2.6, Align::Left),
            Column::new("Count before", 1.0, Align::Right),
            Column::new("Count after", 1.0, Align::Right),
            Column::new("Unit before", 1.3, Align::Right),
            Column::new("Unit after", 1.3, Align::Right),
            Column::new("Monthly after", 1.4, Align::Right),
        ],
        rows,
    }
}

fn fee_sentences(amendment: &PricedAmendment, formats: &Formats) -> Vec<String> {
    let mut items = vec![format!(
        "The monthly fee changes from {} to {}, first invoiced for contract month {}.",
        formats.money(amendment.old_monthly_recurring),
        formats.money(amendment.new_monthly_recurring),
        amendment.first_new_month
    )];
    match amendment.proration {
        Some(proration) if proration.amount.is_sign_negative() => items.push(format!(
            "Proration credit for the {} of {} days of contract month {} at the new fee: {} on \
             the invoice of month {}.",
            proration.days,
            proration.days_in_month,
            amendment.effective_month,
            formats.money(proration.amount),
            proration.month
        )),
        Some(proration) => items.push(format!(
            "Proration for the {} of {} days of contract month {} at the new fee: {} on the \
             invoice of month {}.",
            proration.days,
            proration.days_in_month,
            amendment.effective_month,
            formats.money(proration.amount),
            proration.month
        )),
        None => items.push(
            "No proration: the change starts on the first day of a contract month.".to_string(),
        ),
    }
    if let Some(fee) = amendment.reduction_fee {
        items.push(format!(
            "Reduction fee: {} months of the monthly reduction, {} on the invoice of month {}.",
            fee.months,
            formats.money(fee.amount),
            fee.month
        ));
    }
    items
}
