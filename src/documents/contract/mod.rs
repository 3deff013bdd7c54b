//! Contract documents after the signature: the change order (an amendment) and the
//! termination statement. Customer-facing and deterministic like the proposal: every figure
//! comes from the core's [`ContractSchedule`], never an internal cost, markup, margin or
//! reserve.

mod change_order;
mod termination;

pub use change_order::render_change_order;
pub use termination::render_termination_statement;

use super::blocks::{acceptance, brand_and_title};
use super::layout::{Align, Column, Layout, Row, Style, Table};
use super::pdf::Logo;
use super::{Document, DocumentInputs, Formats, customer_name, long_date, quote_label};
use crate::core::contract::ContractSchedule;
use crate::core::pricing::PricedQuote;

/// What the renderers draw from: the inputs with the contract as one priced quote.
fn document<'a>(inputs: &DocumentInputs<'a>, priced: &'a PricedQuote) -> Document<'a> {
    Document {
        book: inputs.book,
        book_pin: inputs.book_pin,
        quote: inputs.quote,
        priced,
        roi: None,
        roi_warnings: &[],
        assets: inputs.assets,
    }
}

/// The brand, the title and the contract's facts at the top of the first page.
fn title_block(
    layout: &mut Layout,
    inputs: &Document,
    logo: Option<&Logo>,
    title: &str,
    contract: &ContractSchedule,
) {
    brand_and_title(layout, inputs, logo, title);
    layout.facts(
        &[
            (
                "Customer".to_string(),
                customer_name(inputs.quote).to_string(),
            ),
            ("Contract".to_string(), quote_label(inputs.quote)),
            ("Billing start".to_string(), long_date(contract.start_date)),
            ("Term ends".to_string(), long_date(contract.end_date())),
        ],
        100.0,
        Style::BODY,
    );
}

/// The schedule rows `from..=to` (contract months): dates, recurring, setup, adjustment,
/// credit and due.
fn schedule_table(contract: &ContractSchedule, from: u32, to: u32, formats: &Formats) -> Table {
    let rows = contract
        .months
        .iter()
        .filter(|month| (from..=to).contains(&month.month))
        .map(|month| {
            Row::new(vec![
                month.month.to_string().into(),
                format!(
                    "{} \u{2013} {}",
                    month.first_day.format("%-d %b %Y"),
                    month.last_day.format("%-d %b %Y")
                )
                .into(),
                formats.money(month.recurring).into(),
                formats.money(month.setup).into(),
                formats.money(month.adjustment).into(),
                formats.money(-month.credit).into(),
                formats.money(month.due).into(),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::new("Month", 0.7, Align::Right),
            Column::new("Dates", 2.6, Align::Left),
            Column::new("Monthly fee", 1.4, Align::Right),
            Column::new("Setup", 1.1, Align::Right),
            Column::new("Adjustment", 1.3, Align::Right),
            Column::new("Credit", 1.2, Align::Right),
            Column::new("Amount due", 1.4, Align::Right),
        ],
        rows,
    }
}
