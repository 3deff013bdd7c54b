//! The termination statement: what was paid, the termination amount and its parts, the
//! credits not granted, and the full-term value.

use super::super::layout::{Align, Column, Row, Style, Table};
use super::super::{DocumentError, DocumentInputs, Formats, long_date, months, pdf, quote_label};
use super::{acceptance, document, schedule_table, title_block};
use crate::core::contract::{ContractSchedule, Termination};

const TITLE: &str = "Termination statement";

/// Renders the statement of `termination` of `contract`.
///
/// # Errors
/// A [`DocumentError`] when the logo or font is unusable.
pub fn render_termination_statement(
    inputs: &DocumentInputs,
    contract: &ContractSchedule,
    termination: &Termination,
) -> Result<Vec<u8>, DocumentError> {
    let priced = contract.as_priced_quote();
    let document = document(inputs, &priced);
    let inputs = &document;
    let customer = super::super::customer_name(inputs.quote);
    let company = &inputs.book.branding.company_name;
    let (mut layout, logo) = pdf::start(
        inputs,
        format!("{company} \u{2014} {TITLE} \u{2014} {customer}"),
    )?;
    let formats = Formats::new(&contract.base);
    title_block(&mut layout, inputs, logo.as_ref(), TITLE, contract);
    layout.heading("Termination", 70.0);
    layout.paragraph(
        &format!(
            "Contract {} ends early, after contract month {} of {}: its last day is {}.",
            quote_label(inputs.quote),
            termination.after_month,
            contract.term_months,
            long_date(termination.last_day)
        ),
        Style::BODY,
    );
    layout.table(&amount_table(termination, &formats));
    let mut notes = vec![format!(
        "Liquidated damages: {} of the monthly fee in force in month {} ({}).",
        months(termination.liquidated_damages_months),
        termination.after_month,
        formats.money(termination.monthly_recurring)
    )];
    for credit in &termination.credits_not_granted {
        notes.push(format!(
            "The term credit of month {} ({}) is not granted.",
            credit.month,
            formats.money(credit.amount)
        ));
    }
    if !termination.credit_lost.is_zero() {
        notes.push(format!(
            "Credit carried forward and not yet applied is lost: {}.",
            formats.money(termination.credit_lost)
        ));
    }
    layout.bullets(&notes, Style::BODY);
    layout.heading("Paid to date", 70.0);
    layout.table(&schedule_table(
        contract,
        1,
        termination.after_month,
        &formats,
    ));
    acceptance(
        &mut layout,
        inputs,
        &format!(
            "Signed for and on behalf of the parties, accepting the early termination of \
             contract {} on the terms above.",
            quote_label(inputs.quote)
        ),
    );
    let footer = format!(
        "{company} \u{00B7} Termination statement \u{00B7} {} \u{00B7} {customer}",
        quote_label(inputs.quote)
    );
    let pages = layout.finish(&footer);
    pdf::save(inputs, pages, logo, &format!("{TITLE}: {customer}"))
}

fn amount_table(termination: &Termination, formats: &Formats) -> Table {
    let row = |label: &str, amount| Row::new(vec![label.into(), formats.money(amount).into()]);
    let paid = format!("Paid in months 1 to {}", termination.after_month);
    Table {
        columns: vec![
            Column::new("", 3.0, Align::Left),
            Column::new("Amount", 1.4, Align::Right),
        ],
        rows: vec![
            row(&paid, termination.paid_to_date),
            row("Liquidated damages", termination.liquidated_damages),
            row("Setup fee not yet billed", termination.unbilled_setup),
            Row::total(vec![
                "Termination amount".into(),
                formats.money(termination.termination_amount).into(),
            ]),
            row(
                "Full-term value of the contract",
                termination.full_term_value,
            ),
        ],
    }
}
