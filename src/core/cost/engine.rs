//! The cost-plus engine: lines -> categories -> markups -> per-device fee, margins and
//! guardrail warnings (pricing-rules.md section 5, worked example 9.3).

use rust_decimal::Decimal;

use super::breakdown::{
    CategoryFigures, CostBreakdown, CostCategory, CostError, CostLine, CostWarning,
    CostWarningKind, TierMargin,
};
use super::labour::{RoleCosts, labour_lines};
use super::lines::{LineContext, affiliate_line, hardware_lines, software_line};
use super::model::CostAnalysis;
use crate::core::limits::MAX_QUOTE_DEVICES;
use crate::core::money::{Checked, display, percent_text, round_percent};
use crate::core::price_book::{PriceBook, Tier, join_display};
use crate::core::pricing::price_quote;
use crate::core::quote::{DeviceLine, Quote};

/// Analyses the monthly cost of serving `quote`'s customer as `analysis` describes, and
/// derives the cost-plus per-device fee, the gross margin, what each of the book's tiers
/// would earn for the same devices, and the guardrail warnings.
///
/// # Errors
/// A [`CostError`] naming the field when there are no managed devices, or the analysis names
/// a task, role, tier or markup category the book does not have, or a lease cannot be
/// computed.
pub fn analyse_cost(
    book: &PriceBook,
    quote: &Quote,
    analysis: &CostAnalysis,
) -> Result<CostBreakdown, CostError> {
    let decimals = book.currency.decimals;
    let devices = match analysis.managed_devices {
        Some(devices) => devices,
        None => u32::try_from(quote.device_count())
            .ok()
            .filter(|count| u64::from(*count) <= MAX_QUOTE_DEVICES)
            .ok_or_else(|| {
                CostError::new(
                    "devices",
                    format!(
                        "the quote has {} devices in all; at most {MAX_QUOTE_DEVICES} can be analysed",
                        quote.device_count()
                    ),
                )
            })?,
    };
    if devices == 0 {
        return Err(CostError::new(
            "cost_analysis.managed_devices",
            "there are no managed devices to divide the cost over: add device lines or set managed_devices",
        ));
    }
    for category in analysis.markups.keys() {
        if !CostCategory::from_id(category).is_some_and(CostCategory::takes_markup) {
            return Err(CostError::new(
                format!("cost_analysis.markups.{category}"),
                format!(
                    "unknown markup category '{category}' (allowed: {})",
                    markup_ids()
                ),
            ));
        }
    }
    let context = LineContext {
        devices,
        users: quote.customer.users,
        term_months: quote.term_months,
        symbol: &book.currency.symbol,
        decimals,
    };
    let mut warnings = Vec::new();
    let mut lines = Vec::with_capacity(
        analysis.hardware.len() + analysis.software.len() + analysis.affiliates.len(),
    );
    for (index, line) in analysis.hardware.iter().enumerate() {
        let (line, interest) = hardware_lines(&context, index, line)?;
        lines.push(line);
        lines.extend(interest);
    }
    for (index, line) in analysis.software.iter().enumerate() {
        lines.push(software_line(&context, index, line)?);
    }
    for (index, line) in analysis.affiliates.iter().enumerate() {
        lines.push(affiliate_line(&context, index, line, &mut warnings)?);
    }
    let roles = RoleCosts::new(book, analysis)?;
    lines.extend(labour_lines(&context, book, quote, analysis, &roles)?);

    let categories = category_figures(book, analysis, &lines, decimals, &mut warnings)?;
    let total_monthly_cost = categories
        .iter()
        .map(|figures| figures.cost)
        .sum::<Checked>()
        .or_too_large("the total monthly cost")?;
    let total_monthly_markup = categories
        .iter()
        .map(|figures| figures.markup)
        .sum::<Checked>()
        .or_too_large("the total monthly markup")?;
    let total_monthly_price = (Checked::from(total_monthly_cost) + total_monthly_markup)
        .or_too_large("the total monthly price")?;
    let per_device_monthly_fee = (Checked::from(total_monthly_price) / devices)
        .round(decimals)
        .or_too_large("the per-device monthly fee")?;
    let gross_margin = (Checked::from(total_monthly_price) - total_monthly_cost)
        .or_too_large("the gross margin")?;
    let gross_margin_percent = percent_of(gross_margin, total_monthly_price);
    let floor = book.guardrails.margin_floor_percent;
    let money = |amount| display(amount, &book.currency.symbol, decimals);

    if gross_margin_percent < floor && floor < Decimal::ONE_HUNDRED {
        let needed_price = Checked::from(total_monthly_cost)
            / (Checked::from(Decimal::ONE) - floor / Decimal::ONE_HUNDRED);
        let shortfall = (needed_price - total_monthly_price)
            .round(decimals)
            .or_too_large("the price the margin floor needs")?;
        let needed_fee = (needed_price / devices)
            .round(decimals)
            .or_too_large("the per-device fee the margin floor needs")?;
        warnings.push(CostWarning {
            kind: CostWarningKind::MarginBelowFloor,
            message: format!(
                "cost-plus gross margin {}% is {} points below the {}% floor: the price needs {} more a month (a fee of {} per device)",
                percent_text(gross_margin_percent),
                percent_text(floor - gross_margin_percent),
                percent_text(floor),
                money(shortfall),
                money(needed_fee)
            ),
        });
    }

    let tier_comparison = compare_tiers(book, quote, devices, total_monthly_cost, &mut warnings)?;

    Ok(CostBreakdown {
        currency: book.currency.clone(),
        devices,
        term_months: quote.term_months,
        lines,
        categories,
        total_monthly_cost,
        total_monthly_markup,
        total_monthly_price,
        per_device_monthly_fee,
        gross_margin,
        gross_margin_percent,
        margin_floor_percent: floor,
        tier_comparison,
        warnings,
    })
}

fn markup_ids() -> String {
    join_display(
        CostCategory::ALL
            .into_iter()
            .filter(|category| category.takes_markup())
            .map(CostCategory::id),
    )
}

/// `part / whole x 100`, rounded to two decimals; zero when `whole` is not positive. The
/// division comes first when `part x 100` would overflow (the percent itself then still fits
/// or is reported as zero: it only decides warnings).
fn percent_of(part: Decimal, whole: Decimal) -> Decimal {
    if whole <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    (Checked::from(part) * Decimal::ONE_HUNDRED / whole)
        .value()
        .or_else(|| (Checked::from(part) / whole * Decimal::ONE_HUNDRED).value())
        .map_or(Decimal::ZERO, round_percent)
}

/// Sums the lines per category and applies each category's markup.
fn category_figures(
    book: &PriceBook,
    analysis: &CostAnalysis,
    lines: &[CostLine],
    decimals: u32,
    warnings: &mut Vec<CostWarning>,
) -> Result<Vec<CategoryFigures>, CostError> {
    let mut figures = Vec::new();
    for category in CostCategory::ALL {
        let mut in_category = lines
            .iter()
            .filter(|line| line.category == category)
            .peekable();
        if in_category.peek().is_none() {
            continue;
        }
        let cost = in_category
            .map(|line| line.monthly_cost)
            .sum::<Checked>()
            .or_too_large_with(|| format!("the {} cost", category.id()))?;
        let markup_percent = if category.takes_markup() {
            match analysis
                .markups
                .get(category.id())
                .or_else(|| book.cost_defaults.markups.get(category.id()))
            {
                Some(percent) => *percent,
                None => {
                    warnings.push(CostWarning {
                        kind: CostWarningKind::MissingMarkup,
                        message: format!(
                            "no markup for '{}' in the price book or the quote: 0% used",
                            category.id()
                        ),
                    });
                    Decimal::ZERO
                }
            }
        } else {
            Decimal::ZERO
        };
        let markup_figure = || format!("the {} markup", category.id());
        let markup = Checked::from(cost)
            .percent(markup_percent)
            .round(decimals)
            .or_too_large_with(markup_figure)?;
        figures.push(CategoryFigures {
            category,
            cost,
            markup_percent,
            markup,
            price: (Checked::from(cost) + markup).or_too_large_with(markup_figure)?,
        });
    }
    Ok(figures)
}

/// What each tier of the book would earn for the quote's devices (or, when the quote has no
/// device lines, `devices` of the first kind the tier prices): its price after the quantity
/// discount, minus its internal reserve, minus the analysis's total monthly cost.
fn compare_tiers(
    book: &PriceBook,
    quote: &Quote,
    devices: u32,
    total_cost: Decimal,
    warnings: &mut Vec<CostWarning>,
) -> Result<Vec<TierMargin>, CostError> {
    let decimals = book.currency.decimals;
    let money = |amount| display(amount, &book.currency.symbol, decimals);
    let floor = book.guardrails.margin_floor_percent;
    let mut comparison = Vec::new();
    for tier in &book.tiers {
        let Some(lines) = tier_lines(tier, quote, devices) else {
            continue;
        };
        let count = u32::try_from(lines.iter().map(|line| u64::from(line.count)).sum::<u64>())
            .unwrap_or(u32::MAX);
        let candidate = Quote {
            number: quote.number.clone(),
            customer: quote.customer.clone(),
            devices: lines,
            term_months: quote.term_months,
            setup_mode: quote.setup_mode,
            ..Quote::empty(quote.date)
        };
        let priced = match price_quote(book, &candidate) {
            Ok(priced) => priced,
            Err(error) => {
                warnings.push(CostWarning {
                    kind: CostWarningKind::TierNotComparable,
                    message: format!("{} is left out of the tier comparison: {error}", tier.name),
                });
                continue;
            }
        };
        let monthly_price = priced
            .lines
            .iter()
            .map(|line| line.monthly)
            .sum::<Checked>()
            .or_too_large_with(|| format!("the monthly price of {}", tier.id))?;
        let reserve = (Checked::from(tier.internal_reserve_per_device) * count)
            .or_too_large_with(|| format!("tiers.{}.internal_reserve_per_device", tier.id))?;
        let margin = (Checked::from(monthly_price) - reserve - total_cost)
            .or_too_large_with(|| format!("the margin of {}", tier.id))?;
        let margin_percent = percent_of(margin, monthly_price);
        let discount = percent_text(priced.discount_percent());
        if margin < Decimal::ZERO {
            warnings.push(CostWarning {
                kind: CostWarningKind::NegativeMargin,
                message: format!(
                    "{} for {count} devices ({discount}% quantity discount) loses {} a month: price {} minus reserve {} is below the cost {}",
                    tier.name,
                    money(margin.abs()),
                    money(monthly_price),
                    money(reserve),
                    money(total_cost)
                ),
            });
        } else if margin_percent < floor {
            let needed = (Checked::from(monthly_price) * floor / Decimal::ONE_HUNDRED)
                .round(decimals)
                .or_too_large_with(|| format!("the margin floor of {}", tier.id))?;
            warnings.push(CostWarning {
                kind: CostWarningKind::TierMarginBelowFloor,
                message: format!(
                    "{} for {count} devices ({discount}% quantity discount): margin {}% is {} points below the {}% floor, {} a month short",
                    tier.name,
                    percent_text(margin_percent),
                    percent_text(floor - margin_percent),
                    percent_text(floor),
                    money((Checked::from(needed) - margin).value().unwrap_or(needed))
                ),
            });
        }
        comparison.push(TierMargin {
            tier: tier.id.clone(),
            tier_name: tier.name.clone(),
            devices: count,
            monthly_price,
            reserve,
            margin,
            margin_percent,
        });
    }
    Ok(comparison)
}

/// The quote's device lines moved to `tier`, or `devices` of the first kind the tier prices
/// when the quote has none; `None` when the tier prices nothing.
fn tier_lines(tier: &Tier, quote: &Quote, devices: u32) -> Option<Vec<DeviceLine>> {
    if quote.devices.is_empty() {
        let kind = tier.monthly_prices.keys().next()?;
        return Some(vec![DeviceLine {
            tier: tier.id.clone(),
            kind: kind.clone(),
            count: devices,
        }]);
    }
    Some(quote.devices_at_tier(&tier.id))
}
