//! Tables both documents print, built only from customer-facing figures.

use rust_decimal::Decimal;

use super::fee_rows::{addon_fee_rows, device_fee_rows};
use super::layout::{Align, Cell, Column, Row, Table};
use super::{Formats, percent};
use crate::core::options::PricedOptions;
use crate::core::options::components::PricedComponent;
use crate::core::price_book::{HourlyRate, PriceBook, RateOverride, Tier};
use crate::core::pricing::PricedQuote;
use crate::core::quote::{Quote, SetupMode};

/// The discount a line gets, as text ("8%", "8% + 2%", "none").
fn discount_text(quantity: Decimal, extra: Decimal) -> String {
    match (quantity.is_zero(), extra.is_zero()) {
        (true, true) => "none".to_string(),
        (false, true) => percent(quantity),
        (true, false) => percent(extra),
        (false, false) => format!("{} + {}", percent(quantity), percent(extra)),
    }
}

/// Recurring fees: one row per tier, kind and price and one per add-on and price (lines that
/// share them are summed into one row, however many lines the quote splits them into), then
/// each component or phase line and package, and the monthly total (combined with the
/// options when `priced` is).
pub fn recurring_fees(
    priced: &PricedQuote,
    options: Option<(&PriceBook, &PricedOptions)>,
    formats: &Formats,
) -> Table {
    let columns = vec![
        Column::new("Service", 3.2, Align::Left),
        Column::new("Quantity", 0.9, Align::Right),
        Column::new("List price", 1.2, Align::Right),
        Column::new("Discount", 1.1, Align::Right),
        Column::new("Net price", 1.2, Align::Right),
        Column::new("Monthly", 1.3, Align::Right),
    ];
    let mut rows: Vec<Row> = device_fee_rows(priced)
        .into_iter()
        .map(|row| {
            Row::new(vec![
                format!("{} managed service, {}", row.tier_name, row.kind_name).into(),
                row.count.to_string().into(),
                formats.money(row.unit_list).into(),
                discount_text(row.discount_percent, row.extra_discount_percent).into(),
                formats.money(row.unit_net).into(),
                formats.money(row.monthly).into(),
            ])
        })
        .collect();
    rows.extend(addon_fee_rows(priced).into_iter().map(|row| {
        Row::new(vec![
            row.name.into(),
            row.quantity.to_string().into(),
            formats.money(row.unit_list).into(),
            discount_text(row.discount_percent, Decimal::ZERO).into(),
            formats.money(row.unit_net).into(),
            formats.money(row.monthly).into(),
        ])
    }));
    if let Some((book, options)) = options {
        rows.extend(option_rows(book, options, formats));
    }
    rows.push(Row::total(vec![
        "Monthly recurring fee".into(),
        "".into(),
        "".into(),
        "".into(),
        "".into(),
        formats.money(priced.monthly_recurring).into(),
    ]));
    Table { columns, rows }
}

/// The customer's label of a component or phase line ("Patching, Server").
pub fn component_label(book: &PriceBook, line: &PricedComponent) -> String {
    format!("{}, {}", line.name, book.kind_name(&line.kind))
}

/// The customer's label of a package ("Complete package: Small office (1-10 users), owned").
pub fn package_label(package: &crate::core::options::package::PricedPackage) -> String {
    format!(
        "Complete package: {}, {}",
        package.band_name,
        package.acquisition.name()
    )
}

/// Fee rows of the options: each component or phase line, then the package (never
/// discounted; the price only, never its cost-plus derivation).
fn option_rows(book: &PriceBook, options: &PricedOptions, formats: &Formats) -> Vec<Row> {
    let mut rows: Vec<Row> = options
        .components
        .iter()
        .map(|line| {
            Row::new(vec![
                component_label(book, line).into(),
                line.count.to_string().into(),
                formats.money(line.per_device_monthly_fee).into(),
                "none".into(),
                formats.money(line.per_device_monthly_fee).into(),
                formats.money(line.monthly).into(),
            ])
        })
        .collect();
    if let Some(package) = &options.package {
        rows.push(Row::new(vec![
            package_label(package).into(),
            "1".into(),
            formats.money(package.monthly_fee).into(),
            "none".into(),
            formats.money(package.monthly_fee).into(),
            formats.money(package.monthly_fee).into(),
        ]));
    }
    rows
}

/// One-time fees: the setup fee and how it is billed.
pub fn one_time_fees(priced: &PricedQuote, formats: &Formats) -> Table {
    let billing = match priced.setup_mode {
        SetupMode::Upfront => {
            "Once, with the first month's invoice, before installation".to_string()
        }
        SetupMode::Amortized => {
            let first = priced.schedule.first().map_or(Decimal::ZERO, |m| m.setup);
            let last = priced.schedule.last().map_or(Decimal::ZERO, |m| m.setup);
            if first == last {
                format!(
                    "Spread over the {} months of the term: {} a month",
                    priced.term_months,
                    formats.money(first)
                )
            } else {
                format!(
                    "Spread over the {} months of the term: {} a month, {} in month {}",
                    priced.term_months,
                    formats.money(first),
                    formats.money(last),
                    priced.term_months
                )
            }
        }
    };
    Table {
        columns: vec![
            Column::new("Fee", 2.0, Align::Left),
            Column::new("Billing", 4.4, Align::Left),
            Column::new("Amount", 1.4, Align::Right),
        ],
        rows: vec![Row::new(vec![
            "Setup (per contract)".into(),
            billing.into(),
            formats.money(priced.setup_fee).into(),
        ])],
    }
}

/// Amounts due per contract year and the total contract value; each year's dates when the
/// quote states its billing start.
pub fn yearly_totals(quote: &Quote, priced: &PricedQuote, formats: &Formats) -> Table {
    let mut rows: Vec<Row> = priced
        .yearly_totals()
        .iter()
        .enumerate()
        .map(|(index, amount)| {
            let first = index * 12 + 1;
            let last = (first + 11).min(priced.schedule.len());
            let months = format!("Months {first}-{last}");
            let period = u32::try_from(first)
                .ok()
                .zip(u32::try_from(last).ok())
                .and_then(|(first, last)| super::contract_period(quote, first, last));
            Row::new(vec![
                format!("Year {}", index + 1).into(),
                period
                    .map_or(months.clone(), |period| format!("{months}: {period}"))
                    .into(),
                formats.money(*amount).into(),
            ])
        })
        .collect();
    rows.push(Row::total(vec![
        "Total contract value".into(),
        super::months(priced.term_months).into(),
        formats.money(priced.total_contract_value).into(),
    ]));
    // Dated months ("Months 13-24: 15 Apr 2027 to 14 Apr 2028") need the room on one line.
    let dated = quote.contract.start_date.is_some();
    Table {
        columns: vec![
            Column::new("Contract year", if dated { 1.2 } else { 2.0 }, Align::Left),
            Column::new("Months", if dated { 3.4 } else { 2.0 }, Align::Left),
            Column::new("Amount due", if dated { 1.4 } else { 2.0 }, Align::Right),
        ],
        rows,
    }
}

/// Term credits: the month each is granted (with its dates when the quote states its billing
/// start), its amount, and the amount due that month.
pub fn credits(quote: &Quote, priced: &PricedQuote, formats: &Formats) -> Table {
    let rows = priced
        .credits
        .iter()
        .map(|credit| {
            let due = priced
                .schedule
                .iter()
                .find(|month| month.month == credit.month)
                .map_or(Decimal::ZERO, |month| month.due);
            let month = format!("Month {}", credit.month);
            Row::new(vec![
                super::contract_period(quote, credit.month, credit.month)
                    .map_or(month.clone(), |period| format!("{month}: {period}"))
                    .into(),
                formats.money(credit.amount).into(),
                formats.money(due).into(),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::new("Contract month", 2.0, Align::Left),
            Column::new("Term credit", 2.0, Align::Right),
            Column::new("Amount due that month", 2.0, Align::Right),
        ],
        rows,
    }
}

/// The hourly rate card: rate, billing increment, travel premium, and each tier's rate.
pub fn rate_card(book: &PriceBook, formats: &Formats) -> Table {
    let mut columns = vec![
        Column::new("Service", 2.6, Align::Left),
        Column::new("Rate per hour", 1.2, Align::Right),
        Column::new("Billed in", 1.1, Align::Right),
        Column::new("Travel premium", 1.2, Align::Right),
    ];
    columns.extend(
        book.tiers
            .iter()
            .map(|tier| Column::new(tier.name.clone(), 1.0, Align::Right)),
    );
    let rows = book
        .hourly_rates
        .iter()
        .map(|rate| {
            let mut cells: Vec<Cell> = vec![
                rate.name.clone().into(),
                formats.money(rate.rate).into(),
                format!("{} min", rate.billing_increment_minutes).into(),
                if rate.travel_premium.is_zero() {
                    "none".into()
                } else {
                    format!("{} a visit", formats.money(rate.travel_premium)).into()
                },
            ];
            cells.extend(
                book.tiers
                    .iter()
                    .map(|tier| Cell::Text(tier_rate_text(book, tier, rate, formats))),
            );
            Row::new(cells)
        })
        .collect();
    Table { columns, rows }
}

/// The tiers side by side: a check mark for every inclusion a tier has, then list prices.
pub fn tier_comparison(book: &PriceBook, proposed_tiers: &[&str], formats: &Formats) -> Table {
    let mut columns = vec![Column::new("What is included", 4.0, Align::Left)];
    columns.extend(book.tiers.iter().map(|tier| {
        let header = if proposed_tiers.contains(&tier.id.as_str()) {
            format!("{} (proposed)", tier.name)
        } else {
            tier.name.clone()
        };
        Column::new(header, 1.3, Align::Centre)
    }));
    let mut inclusions: Vec<&str> = Vec::new();
    for tier in &book.tiers {
        for inclusion in &tier.inclusions {
            if !inclusions.contains(&inclusion.as_str()) {
                inclusions.push(inclusion);
            }
        }
    }
    let mut rows: Vec<Row> = inclusions
        .iter()
        .map(|inclusion| {
            let mut cells: Vec<Cell> = vec![(*inclusion).into()];
            cells.extend(
                book.tiers
                    .iter()
                    .map(|tier| Cell::Check(tier.inclusions.iter().any(|i| i == inclusion))),
            );
            Row::new(cells)
        })
        .collect();
    for rate in &book.hourly_rates {
        let differs = book
            .tiers
            .iter()
            .any(|tier| book.tier_rate(tier, rate) != RateOverride::Rate(rate.rate));
        if differs {
            let mut cells: Vec<Cell> = vec![format!("{} (per hour)", rate.name).into()];
            cells.extend(
                book.tiers
                    .iter()
                    .map(|tier| Cell::Text(tier_rate_text(book, tier, rate, formats))),
            );
            rows.push(Row::new(cells));
        }
    }
    for kind in &book.device_kinds {
        if book
            .tiers
            .iter()
            .all(|tier| !tier.monthly_prices.contains_key(&kind.id))
        {
            continue;
        }
        let mut cells: Vec<Cell> =
            vec![format!("List price per {} per month", kind.name.to_lowercase()).into()];
        cells.extend(book.tiers.iter().map(|tier| {
            Cell::Text(
                tier.monthly_prices
                    .get(&kind.id)
                    .map_or("-".to_string(), |price| formats.money(*price)),
            )
        }));
        rows.push(Row::total(cells));
    }
    Table { columns, rows }
}

/// What a tier pays for a rate as a cell: the amount, or "Included" with the tier's condition
/// for it beside it (pricing-rules.md section 1: Gold's on-site support covers failures caused
/// by the provider's changes).
fn tier_rate_text(book: &PriceBook, tier: &Tier, rate: &HourlyRate, formats: &Formats) -> String {
    match book.tier_rate(tier, rate) {
        RateOverride::Included => match tier.included_conditions.get(&rate.id) {
            Some(condition) => format!("Included {condition}"),
            None => "Included".to_string(),
        },
        RateOverride::Rate(amount) => formats.money(amount),
    }
}
