//! The pricing options a quote carries beside its tiers (components, phases, a complete
//! package), priced in one place for the CLI, the documents and the window.

use rust_decimal::Decimal;

use super::OptionError;
use super::components::{PricedComponent, price_component};
use super::package::{PackageRequest, PricedPackage, package_band_by_id, price_package};
use crate::core::money::{AmountTooLarge, Checked, round_half_away};
use crate::core::pricing::{PricedQuote, ScheduleMonth};

pub use crate::core::quote_options::{PackageChoice, PackageSelector, QuoteOptions};

/// The quote's options, priced, and the quote combined with them.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedOptions {
    /// Component lines then phase lines, in quote order.
    pub components: Vec<PricedComponent>,
    pub package: Option<PricedPackage>,
    /// Components' and package's monthly amounts (setup excluded).
    pub options_monthly: Decimal,
    /// The quote with the options added to every month (setup counted once, by the quote).
    pub combined: super::CombinedTotals,
}

/// Prices a quote's options beside its priced tiers: each component and phase line
/// cost-plus, the package for the quote's term and setup mode, and their sum added to every
/// month of the quote's schedule ([`super::combine_with_quote`]).
///
/// # Errors
/// [`OptionError`] for a component, phase, kind or package band the book cannot price.
pub fn price_quote_options(
    book: &crate::core::price_book::PriceBook,
    options: &QuoteOptions,
    priced: &PricedQuote,
) -> Result<PricedOptions, OptionError> {
    let components = options
        .components
        .iter()
        .chain(&options.phases)
        .map(|line| price_component(book, line))
        .collect::<Result<Vec<_>, _>>()?;
    let package = match &options.package {
        None => None,
        Some(choice) => {
            let users = match &choice.selector {
                PackageSelector::Users(users) => *users,
                PackageSelector::Band(id) => package_band_by_id(book, id)?.min_users,
            };
            let request = PackageRequest {
                users,
                term_months: priced.term_months,
                acquisition: choice.acquisition,
                setup_mode: priced.setup_mode,
            };
            Some(price_package(book, &request)?)
        }
    };
    let options_monthly = (components.iter().map(|line| line.monthly).sum::<Checked>()
        + package.as_ref().map_or(Decimal::ZERO, |p| p.monthly_fee))
    .or_too_large("the options' monthly amount")?;
    Ok(PricedOptions {
        combined: super::combine_with_quote(priced, options_monthly)?,
        components,
        package,
        options_monthly,
    })
}

/// The quote's schedule with `options_monthly` added to each month's recurring amount and
/// the term credits applied again by the quote's rule (in their month, never making a month
/// negative, the excess carried forward); also returns the credit lost after the last month.
///
/// # Errors
/// [`AmountTooLarge`] naming the month whose amount overflows.
pub fn combined_schedule(
    priced: &PricedQuote,
    options_monthly: Decimal,
) -> Result<(Vec<ScheduleMonth>, Decimal), AmountTooLarge> {
    let mut carried = Decimal::ZERO;
    let schedule = priced
        .schedule
        .iter()
        .map(|row| {
            let figure = || {
                format!(
                    "the amount due with options in contract month {}",
                    row.month
                )
            };
            carried = (Checked::from(carried)
                + priced
                    .credits
                    .iter()
                    .filter(|credit| credit.month == row.month)
                    .map(|credit| credit.amount)
                    .sum::<Checked>())
            .or_too_large("the term credits")?;
            let recurring =
                (Checked::from(row.recurring) + options_monthly).or_too_large_with(figure)?;
            let gross = (Checked::from(recurring) + row.setup).or_too_large_with(figure)?;
            let credit = carried.min(gross);
            carried = (Checked::from(carried) - credit).or_too_large("the term credits")?;
            Ok(ScheduleMonth {
                month: row.month,
                recurring,
                setup: row.setup,
                credit,
                due: (Checked::from(gross) - credit).or_too_large_with(figure)?,
            })
        })
        .collect::<Result<Vec<ScheduleMonth>, AmountTooLarge>>()?;
    Ok((schedule, carried))
}

/// The priced quote as the customer pays it with its options: monthly recurring, schedule,
/// credit lost, total contract value and effective monthly all combined (equal to
/// [`PricedOptions::combined`]); lines and add-ons are the quote's own.
///
/// # Errors
/// [`AmountTooLarge`] naming the figure that overflows (never for `options` that
/// [`price_quote_options`] priced for this `priced`: it checks the same figures).
pub fn priced_with_options(
    priced: &PricedQuote,
    options: &PricedOptions,
) -> Result<PricedQuote, AmountTooLarge> {
    let (schedule, credit_lost) = combined_schedule(priced, options.options_monthly)?;
    let total_contract_value = schedule
        .iter()
        .map(|month| month.due)
        .sum::<Checked>()
        .or_too_large("the total contract value with options")?;
    let effective_monthly = round_half_away(
        total_contract_value / Decimal::from(priced.term_months.max(1)),
        priced.currency.decimals,
    );
    Ok(PricedQuote {
        monthly_recurring: (Checked::from(priced.monthly_recurring) + options.options_monthly)
            .or_too_large("the monthly recurring total with options")?,
        schedule,
        credit_lost,
        total_contract_value,
        effective_monthly,
        ..priced.clone()
    })
}

/// The priced quote as the customer pays it: `priced` itself when the quote has no options,
/// else with its options priced and combined into every month ([`priced_with_options`]).
///
/// # Errors
/// The [`OptionError`] of an option the book cannot price.
pub fn priced_as_paid(
    book: &crate::core::price_book::PriceBook,
    quote: &crate::core::quote::Quote,
    priced: &PricedQuote,
) -> Result<PricedQuote, OptionError> {
    if quote.options.is_empty() {
        return Ok(priced.clone());
    }
    let options = price_quote_options(book, &quote.options, priced)?;
    Ok(priced_with_options(priced, &options)?)
}
