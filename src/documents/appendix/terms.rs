//! The appendix's sections on support, term, invoicing, cancellation, patches and the pricing
//! basis.

use rust_decimal::Decimal;

use crate::documents::layout::{Align, Column, Layout, Row, Style, Table};
use crate::documents::{Document, Formats, long_date, months, percent, quantity};

fn hours(value: Decimal) -> String {
    if value == Decimal::ONE {
        "1 hour".to_string()
    } else {
        format!("{} hours", quantity(value))
    }
}

pub(super) fn support_and_flex(layout: &mut Layout, inputs: &Document, _formats: &Formats) {
    let book = inputs.book;
    let mut items: Vec<String> = book
        .tiers
        .iter()
        .map(|tier| {
            format!(
                "{}: {} of technical support and {} of flex time per device per month.",
                tier.name,
                hours(tier.included_support_hours),
                hours(tier.included_flex_hours)
            )
        })
        .collect();
    let support = book.technical_support;
    items.push(format!(
        "Technical support (remote assistance, phone support or remote maintenance) accrues in \
         {}-minute increments.",
        support.accrual_increment_minutes
    ));
    items.push(if support.carry_over {
        "Unused technical-support hours carry over to the next month.".to_string()
    } else {
        "Technical-support hours must be used in the month they are earned: there is no \
         carry-over."
            .to_string()
    });
    let flex = book.flex_time;
    items.push(format!(
        "Flex time can be banked and used later for technical support or on-site project work, \
         up to a cap of {} banked.",
        hours(flex.bank_cap_hours)
    ));
    if flex.expires_at_calendar_year_end {
        items.push("Banked flex time expires at the end of each calendar year.".to_string());
    }
    items.push(format!(
        "On-site use of flex time is taken in blocks of {}.",
        hours(flex.on_site_block_hours)
    ));
    layout.bullets(&items, Style::BODY);
}

pub(super) fn term_and_credits(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let priced = inputs.priced;
    let credits = if priced.credits.is_empty() {
        "It carries no term credits.".to_string()
    } else {
        let list: Vec<String> = priced
            .credits
            .iter()
            .map(|credit| format!("{} in month {}", formats.money(credit.amount), credit.month))
            .collect();
        format!(
            "It earns term credits of {}, applied to that month's invoice; a credit never makes \
             an invoice negative.",
            list.join(" and ")
        )
    };
    let starting = match inputs.quote.contract.start_date {
        Some(start) => format!(
            "starting on {} (the billing start)",
            crate::documents::long_date(start)
        ),
        None => "starting with the month of installation".to_string(),
    };
    layout.paragraph(
        &format!(
            "The term is {}, {starting}. {credits} The amounts due by contract month:",
            months(priced.term_months)
        ),
        Style::BODY,
    );
    let mut rows: Vec<Row> = priced
        .schedule
        .iter()
        .map(|month| {
            let number = month.month.to_string();
            Row::new(vec![
                crate::documents::contract_period(inputs.quote, month.month, month.month)
                    .map_or(number.clone(), |period| format!("{number}: {period}"))
                    .into(),
                formats.money(month.recurring).into(),
                formats.money(month.setup).into(),
                if month.credit.is_zero() {
                    "".into()
                } else {
                    format!("-{}", formats.money(month.credit)).into()
                },
                formats.money(month.due).into(),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        "Total".into(),
        formats
            .money(priced.schedule.iter().map(|m| m.recurring).sum())
            .into(),
        formats
            .money(priced.schedule.iter().map(|m| m.setup).sum())
            .into(),
        format!("-{}", formats.money(priced.credits_applied())).into(),
        formats.money(priced.total_contract_value).into(),
    ]));
    layout.table(&Table {
        columns: vec![
            // Wide enough for "12: 15 Mar 2027 to 14 Apr 2027" on one line.
            Column::new(
                "Contract month",
                if inputs.quote.contract.start_date.is_some() {
                    3.2
                } else {
                    1.4
                },
                Align::Left,
            ),
            Column::new("Recurring", 1.5, Align::Right),
            Column::new("Setup", 1.3, Align::Right),
            Column::new("Term credit", 1.3, Align::Right),
            Column::new("Amount due", 1.5, Align::Right),
        ],
        rows,
    });
}

pub(super) fn invoicing(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let priced = inputs.priced;
    layout.bullets(
        &[
            "Invoices are issued monthly, in advance, for the coming month.".to_string(),
            crate::documents::due_before_installation(priced, formats),
            format!(
                "Late payment: {} per month on the overdue amount, from the due date.",
                percent(inputs.book.contract.late_fee_percent_per_month)
            ),
        ],
        Style::BODY,
    );
}

pub(super) fn cancellation(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    let priced = inputs.priced;
    let damages_months = inputs.book.contract.liquidated_damages_months;
    let factor = Decimal::from(damages_months);
    let mut items = vec![format!(
        "Early termination of the agreement: liquidated damages of {} of the monthly service \
         fees, {} x {} = {}.",
        months(damages_months),
        damages_months,
        formats.money(priced.monthly_recurring),
        formats.money(factor * priced.monthly_recurring)
    )];
    // One sentence per distinct tier, kind and net price, however many lines share them.
    for line in &priced.lines {
        let sentence = format!(
            "Removing a {} {} before the end of the term: {} of its fee, {} x {} = {} per \
             device.",
            line.tier_name,
            line.kind_name.to_lowercase(),
            months(damages_months),
            damages_months,
            formats.money(line.unit_net),
            formats.money(factor * line.unit_net)
        );
        if !items.contains(&sentence) {
            items.push(sentence);
        }
    }
    items.push(
        "After a removal, the remaining devices are charged the price book's fee for their new \
         count, from the next invoice."
            .to_string(),
    );
    layout.bullets(&items, Style::BODY);
}

pub(super) fn patch_targets(layout: &mut Layout, inputs: &Document, _formats: &Formats) {
    let rows = inputs
        .book
        .patch_targets
        .iter()
        .map(|target| {
            Row::new(vec![
                target.class.clone().into(),
                target.target.clone().into(),
            ])
        })
        .collect();
    layout.table(&Table {
        columns: vec![
            Column::new("Patch class", 2.0, Align::Left),
            Column::new("Deployed", 3.0, Align::Left),
        ],
        rows,
    });
}

pub(super) fn pricing_basis(layout: &mut Layout, inputs: &Document, _formats: &Formats) {
    let book = inputs.book;
    let pin = inputs.book_pin;
    let quote = inputs.quote;
    layout.paragraph(
        "The figures of this appendix were produced from exactly this price book and quote:",
        Style::BODY,
    );
    layout.facts(
        &[
            ("Price book".to_string(), book.name.clone()),
            ("Price book id".to_string(), pin.id.clone()),
            ("Version".to_string(), pin.version.clone()),
            ("Effective from".to_string(), long_date(book.effective_date)),
            ("SHA-256".to_string(), pin.sha256.clone()),
            ("Quote".to_string(), quote.number.clone()),
            ("Quote revision".to_string(), quote.revision.to_string()),
            ("Quote date".to_string(), long_date(quote.date)),
        ],
        100.0,
        Style::BODY,
    );
}
