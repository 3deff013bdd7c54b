//! The SOW pricing appendix: numbered sections a contract specialist attaches to the statement
//! of work, from recurring fees to the price book that produced them.

use super::blocks::brand_and_title;
use super::layout::{Align, Column, Layout, Row, Style, Table};
use super::pdf::{self, Logo};
use super::{
    Document, DocumentError, Formats, customer_name, long_date, months, percent, quote_label,
    tables, valid_until,
};
use crate::core::options::PricedOptions;
use crate::core::price_book::{DiscountMode, PastLastBand};

mod terms;

use terms::{
    cancellation, invoicing, patch_targets, pricing_basis, support_and_flex, term_and_credits,
};

const TITLE: &str = "Pricing appendix to the statement of work";

/// Draws the body of one numbered section.
type Section = fn(&mut Layout, &Document, &Formats);

/// Renders the appendix.
pub(super) fn render(
    inputs: &Document,
    options: Option<&PricedOptions>,
) -> Result<Vec<u8>, DocumentError> {
    let customer = customer_name(inputs.quote);
    let company = &inputs.book.branding.company_name;
    let (mut layout, logo) = pdf::start(
        inputs,
        format!("{company} \u{2014} {TITLE} \u{2014} {customer}"),
    )?;
    let formats = Formats::new(inputs.priced);
    title_block(&mut layout, inputs, logo.as_ref());
    // Sections drawn with the priced options have a no-op body here; the loop draws them.
    let mut sections: Vec<(&str, Section)> = vec![
        (RECURRING_TITLE, |_, _, _| {}),
        ("Quantity discounts", quantity_discounts),
        ("One-time fees", one_time_fees),
        ("Hourly rates and what each tier includes", rate_card),
        ("Technical support and flex time", support_and_flex),
        ("Term and term credits", term_and_credits),
        ("Invoicing and late payment", invoicing),
        ("Cancellation and device removal", cancellation),
        ("Patch deployment targets", patch_targets),
        ("Pricing basis", pricing_basis),
    ];
    if inputs.book.service_levels.is_some() {
        let before_basis = sections.len() - 1;
        sections.insert(
            before_basis,
            (
                "Service levels and service credits",
                super::service_levels::section,
            ),
        );
    }
    if options.is_some() {
        sections.insert(1, (OPTIONS_TITLE, |_, _, _| {}));
    }
    for (index, (title, section)) in sections.iter().enumerate() {
        layout.heading(&format!("{}. {title}", index + 1), 70.0);
        match (*title, options) {
            (RECURRING_TITLE, _) => recurring_fees(&mut layout, inputs, options, &formats),
            (OPTIONS_TITLE, Some(options)) => {
                components_and_packages(&mut layout, inputs.book, options, &formats);
            }
            _ => section(&mut layout, inputs, &formats),
        }
    }
    let footer = format!(
        "{company} \u{00B7} Pricing appendix \u{00B7} {} \u{00B7} {customer}",
        quote_label(inputs.quote)
    );
    let pages = layout.finish(&footer);
    pdf::save(inputs, pages, logo, &format!("{TITLE}: {customer}"))
}

fn title_block(layout: &mut Layout, inputs: &Document, logo: Option<&Logo>) {
    brand_and_title(layout, inputs, logo, TITLE);
    let quote = inputs.quote;
    layout.facts(
        &[
            ("Customer".to_string(), customer_name(quote).to_string()),
            ("Quote".to_string(), quote_label(quote)),
            ("Quote date".to_string(), long_date(quote.date)),
            (
                "Prices valid until".to_string(),
                long_date(valid_until(quote, inputs.book)),
            ),
        ],
        100.0,
        Style::BODY,
    );
}

const RECURRING_TITLE: &str = "Recurring fees";
const OPTIONS_TITLE: &str = "Per-service components and packages";

fn recurring_fees(
    layout: &mut Layout,
    inputs: &Document,
    options: Option<&PricedOptions>,
    formats: &Formats,
) {
    layout.paragraph(
        "Monthly fees per device and tier after the quantity discount (and any extra discount), \
         each net price rounded to the cent before it is multiplied by the quantity.",
        Style::BODY,
    );
    layout.table(&tables::recurring_fees(
        inputs.priced,
        options.map(|options| (inputs.book, options)),
        formats,
    ));
}

/// The quote's components, phases and package: each line's devices, monthly price per device
/// and monthly amount, and what the package includes (prices only, never their derivation).
fn components_and_packages(
    layout: &mut Layout,
    book: &crate::core::price_book::PriceBook,
    options: &PricedOptions,
    formats: &Formats,
) {
    if !options.components.is_empty() {
        layout.paragraph(
            "Single services and phases of the phased path, per device per month. The quantity \
             discount does not apply to them.",
            Style::BODY,
        );
        let mut rows: Vec<Row> = options
            .components
            .iter()
            .map(|line| {
                Row::new(vec![
                    tables::component_label(book, line).into(),
                    line.count.to_string().into(),
                    formats.money(line.per_device_monthly_fee).into(),
                    formats.money(line.monthly).into(),
                ])
            })
            .collect();
        rows.push(Row::total(vec![
            "Components and phases".into(),
            "".into(),
            "".into(),
            formats
                .money(options.components.iter().map(|line| line.monthly).sum())
                .into(),
        ]));
        layout.table(&Table {
            columns: vec![
                Column::new("Service", 3.6, Align::Left),
                Column::new("Devices", 1.0, Align::Right),
                Column::new("Per device", 1.4, Align::Right),
                Column::new("Monthly", 1.4, Align::Right),
            ],
            rows,
        });
    }
    if let Some(package) = &options.package {
        layout.paragraph(
            &format!(
                "{}: hardware and software {} for the term of {} under manufacturer warranty, \
                 for a monthly fee of {}. It includes:",
                tables::package_label(package),
                match package.acquisition {
                    crate::core::options::package::Acquisition::Owned => "provided",
                    crate::core::options::package::Acquisition::Leased => "leased",
                },
                months(package.term_months),
                formats.money(package.monthly_fee)
            ),
            Style::BODY,
        );
        let tier = book
            .tier(&package.service_tier)
            .map_or(package.service_tier.as_str(), |tier| tier.name.as_str());
        let kind = book.kind_name(&package.service_kind).to_lowercase();
        let mut items = vec![format!(
            "{tier} managed service for {} {kind}{}",
            package.service_devices,
            if package.service_devices == 1 {
                ""
            } else {
                "s"
            }
        )];
        items.extend(package.items.iter().map(|item| item.name.clone()));
        layout.bullets(&items, Style::BODY);
    }
    layout.paragraph(
        &format!(
            "These options add {} to the monthly fee; they carry no setup fee of their own. \
             The totals of this appendix include them.",
            formats.money(options.options_monthly)
        ),
        Style::BODY,
    );
}

fn quantity_discounts(layout: &mut Layout, inputs: &Document, _formats: &Formats) {
    let book = inputs.book;
    let priced = inputs.priced;
    let used: Vec<&str> = priced
        .lines
        .iter()
        .filter_map(|line| book.tier(&line.tier))
        .filter_map(|tier| tier.discount_schedule.as_deref())
        .collect();
    let schedules: Vec<_> = book
        .discount_schedules
        .iter()
        .filter(|schedule| used.is_empty() || used.contains(&schedule.id.as_str()))
        .collect();
    if schedules.is_empty() {
        layout.paragraph("No quantity discount applies to this quote.", Style::BODY);
    }
    for schedule in schedules {
        let kind = book.kind_name(&schedule.counted_kind).to_lowercase();
        let applies: Vec<String> = schedule
            .applies_to_kinds
            .iter()
            .map(|id| book.kind_name(id).to_lowercase())
            .collect();
        let mode = match schedule.mode {
            DiscountMode::Volume => format!(
                "The band is chosen by the total number of {kind}s on the quote across all \
                 tiers, and every {kind} gets that band's discount."
            ),
            DiscountMode::Graduated => format!(
                "Each {kind} gets the discount of the band its position falls in (graduated)."
            ),
        };
        layout.paragraph(
            &format!(
                "{mode} The discount applies to the tiered monthly fees of: {}.",
                applies.join(", ")
            ),
            Style::BODY,
        );
        let rows = schedule
            .bands
            .iter()
            .map(|band| {
                let range = if band.min == band.max {
                    band.min.to_string()
                } else {
                    format!("{}-{}", band.min, band.max)
                };
                let this_quote = priced.band.as_ref().is_some_and(|applied| {
                    applied.schedule_id == schedule.id
                        && applied.min == band.min
                        && applied.max == band.max
                });
                Row::new(vec![
                    range.into(),
                    percent(band.discount_percent).into(),
                    if this_quote {
                        format!(
                            "this quote ({} {kind}s)",
                            priced.band.as_ref().map_or(0, |b| b.count)
                        )
                    } else {
                        String::new()
                    }
                    .into(),
                ])
            })
            .collect();
        layout.table(&Table {
            columns: vec![
                Column::new(format!("Number of {kind}s"), 2.0, Align::Left),
                Column::new("Discount", 1.5, Align::Right),
                Column::new("", 2.5, Align::Left),
            ],
            rows,
        });
        let last = schedule.bands.last().map_or(0, |band| band.max);
        let past = match schedule.past_last_band {
            PastLastBand::LastRateWithWarning => format!(
                "Above {last} {kind}s the last band's discount applies and the pricing needs \
                 approval."
            ),
            PastLastBand::Refuse => format!("Quotes above {last} {kind}s are priced separately."),
        };
        let discountable: Vec<&str> = book
            .addons
            .iter()
            .filter(|addon| addon.discountable && schedule.applies_to_discountable_addons)
            .map(|addon| addon.name.as_str())
            .collect();
        let addons = if discountable.is_empty() {
            "à la carte add-ons".to_string()
        } else {
            format!("à la carte add-ons other than {}", discountable.join(", "))
        };
        layout.bullets(
            &[
                format!("The discount does not apply to hourly rates, nor to {addons}."),
                past,
            ],
            Style::BODY,
        );
    }
}

fn one_time_fees(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    layout.table(&tables::one_time_fees(inputs.priced, formats));
}

fn rate_card(layout: &mut Layout, inputs: &Document, formats: &Formats) {
    layout.paragraph(
        "Work outside the included hours is billed at these hourly rates, in whole billing \
         increments rounded up. On-site work carries the travel premium shown, once per visit. \
         The escalated rate applies to work that needs a senior systems consultant. Hourly \
         rates are never discounted.",
        Style::BODY,
    );
    layout.table(&tables::rate_card(inputs.book, formats));
    let proposed: Vec<&str> = inputs
        .priced
        .lines
        .iter()
        .map(|line| line.tier.as_str())
        .collect();
    let comparison = tables::tier_comparison(inputs.book, &proposed, formats);
    layout.subheading("What each tier includes", layout.start_height(&comparison));
    layout.table(&comparison);
}
