//! The complete package: hardware and software bundles sized by users (1-10, 11-25, 26-50),
//! under warranty for the term, priced into one monthly fee (pricing-rules.md section 4).
//!
//! # Derivation
//! - Services: the band's tier for its devices, priced by the pricing engine (so the tier's
//!   list price and quantity discount apply exactly as for a tier quote).
//! - Each hardware or software item: its cost marked up by its category's markup
//!   (`cost_defaults.markups`), `P = cost x (1 + markup / 100)`, then
//!   - owned: spread evenly over the term, `P / term`;
//!   - leased: the annuity payment `P x r / (1 - (1 + r)^-term)` with `r` = the book's annual
//!     lease rate / 12 (`P / term` when the rate is 0);
//!
//!   each rounded half away from zero to the cent.
//! - Monthly fee = services + the items' monthly amounts.
//! - Setup (the book's setup fee) is charged up front in month 1, or amortized: setup / term
//!   rounded down each month and the remainder in the last month.

use rust_decimal::Decimal;

use super::OptionError;
use super::book::PackageBand;
use crate::core::money::{Checked, round_half_away, split_keeping_remainder};
use crate::core::price_book::{PriceBook, join_display};
use crate::core::pricing::price_quote;
use crate::core::quote::{DeviceLine, Quote, SetupMode};

pub use crate::core::quote_options::Acquisition;

/// What the customer asks a package for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageRequest {
    /// Number of users (chooses the band).
    pub users: u32,
    /// Contract term in months (must be one the book offers).
    pub term_months: u32,
    pub acquisition: Acquisition,
    pub setup_mode: SetupMode,
}

/// A hardware or software item's share of the monthly fee.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedPackageItem {
    pub name: String,
    pub category: String,
    /// Monthly amount (marked up, spread or leased), rounded to the cent.
    pub monthly: Decimal,
}

/// A priced complete package.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedPackage {
    pub band_id: String,
    pub band_name: String,
    pub users: u32,
    pub term_months: u32,
    pub acquisition: Acquisition,
    pub service_tier: String,
    pub service_kind: String,
    pub service_devices: u32,
    /// The services' monthly amount (tier price after the quantity discount).
    pub services_monthly: Decimal,
    pub items: Vec<PricedPackageItem>,
    /// Sum of the items' monthly amounts.
    pub equipment_monthly: Decimal,
    /// services + equipment: the package's monthly fee before setup.
    pub monthly_fee: Decimal,
    pub setup_fee: Decimal,
    pub setup_mode: SetupMode,
    /// The setup fee's part in each month (length = term; month 1 holds it all when up front).
    pub setup_by_month: Vec<Decimal>,
    /// Monthly fee + month 1's setup part.
    pub first_month_due: Decimal,
    /// Monthly fee x term + setup.
    pub total_over_term: Decimal,
}

/// The band for `users`.
///
/// # Errors
/// [`OptionError`] when the book has no packages, users is 0, or users is above the last band
/// (a custom package, priced à la carte).
pub fn package_band(book: &PriceBook, users: u32) -> Result<&PackageBand, OptionError> {
    let rules = book
        .options
        .packages
        .as_ref()
        .ok_or(OptionError::NotInBook {
            section: "packages",
            what: "complete packages",
        })?;
    if users == 0 {
        return Err(OptionError::OutOfRange {
            what: "the number of users",
            value: "0".to_string(),
            rule: "a package is for at least 1 user".to_string(),
        });
    }
    rules
        .bands
        .iter()
        .find(|band| (band.min_users..=band.max_users).contains(&users))
        .ok_or_else(|| OptionError::OutOfRange {
            what: "the number of users",
            value: users.to_string(),
            rule: format!(
                "standard packages cover {}; above that, price a custom package à la carte",
                join_display(rules.bands.iter().map(|b| &b.id))
            ),
        })
}

/// The band with id `id` ("11-25").
///
/// # Errors
/// [`OptionError`] when the book has no packages or no band of that id.
pub fn package_band_by_id<'a>(
    book: &'a PriceBook,
    id: &str,
) -> Result<&'a PackageBand, OptionError> {
    let rules = book
        .options
        .packages
        .as_ref()
        .ok_or(OptionError::NotInBook {
            section: "packages",
            what: "complete packages",
        })?;
    rules
        .bands
        .iter()
        .find(|band| band.id == id)
        .ok_or_else(|| OptionError::Unknown {
            what: "package band",
            id: id.to_string(),
            allowed: join_display(rules.bands.iter().map(|b| &b.id)),
        })
}

/// Prices a complete package.
///
/// # Errors
/// [`OptionError`] as [`package_band`], when the term or setup mode is not offered, an item's
/// markup category is missing, or the lease computation overflows.
pub fn price_package(
    book: &PriceBook,
    request: &PackageRequest,
) -> Result<PricedPackage, OptionError> {
    let band = package_band(book, request.users)?;
    let decimals = book.currency.decimals;
    let mut services_quote = Quote::empty(book.effective_date);
    services_quote.devices = vec![DeviceLine {
        tier: band.service_tier.clone(),
        kind: band.service_kind.clone(),
        count: band.service_devices,
    }];
    services_quote.term_months = request.term_months;
    services_quote.setup_mode = request.setup_mode;
    let services = price_quote(book, &services_quote)?;
    let term = Decimal::from(request.term_months);
    let monthly_rate = book
        .options
        .packages
        .as_ref()
        .map_or(Decimal::ZERO, |rules| rules.lease_annual_rate_percent)
        / Decimal::from(1200);

    let mut items = Vec::with_capacity(band.items.len());
    for item in &band.items {
        let markup = book
            .cost_defaults
            .markups
            .get(&item.category)
            .copied()
            .ok_or_else(|| OptionError::Unknown {
                what: "markup category",
                id: item.category.clone(),
                allowed: join_display(book.cost_defaults.markups.keys()),
            })?;
        let item_figure = || format!("packages.{}.items ({}).cost", band.id, item.name);
        let marked_up = (Checked::from(item.cost)
            * (Checked::from(Decimal::ONE) + markup / Decimal::ONE_HUNDRED))
            .or_too_large_with(item_figure)?;
        let monthly = match request.acquisition {
            Acquisition::Owned => marked_up / term,
            Acquisition::Leased => annuity_payment(marked_up, monthly_rate, request.term_months)?,
        };
        items.push(PricedPackageItem {
            name: item.name.clone(),
            category: item.category.clone(),
            monthly: round_half_away(monthly, decimals),
        });
    }
    let equipment_monthly = items
        .iter()
        .map(|item| item.monthly)
        .sum::<Checked>()
        .or_too_large("the package's monthly equipment amount")?;
    let monthly_fee = (Checked::from(services.monthly_recurring) + equipment_monthly)
        .or_too_large("the package's monthly fee")?;
    let setup_fee = book.setup.amount;
    let setup_by_month = match request.setup_mode {
        SetupMode::Amortized => split_keeping_remainder(setup_fee, request.term_months, decimals),
        SetupMode::Upfront => {
            let mut months = vec![Decimal::ZERO; request.term_months as usize];
            if let Some(first) = months.first_mut() {
                *first = setup_fee;
            }
            months
        }
    };
    let first_month_due = (Checked::from(monthly_fee)
        + setup_by_month.first().copied().unwrap_or_default())
    .or_too_large("the package's first month")?;
    let total_over_term = (Checked::from(monthly_fee) * term + setup_fee)
        .or_too_large("the package's total over the term")?;
    Ok(PricedPackage {
        band_id: band.id.clone(),
        band_name: band.name.clone(),
        users: request.users,
        term_months: request.term_months,
        acquisition: request.acquisition,
        service_tier: band.service_tier.clone(),
        service_kind: band.service_kind.clone(),
        service_devices: band.service_devices,
        services_monthly: services.monthly_recurring,
        items,
        equipment_monthly,
        monthly_fee,
        setup_fee,
        setup_mode: request.setup_mode,
        setup_by_month,
        first_month_due,
        total_over_term,
    })
}

/// The level monthly payment that repays `principal` over `months` at `monthly_rate` (a
/// fraction, 0.01 = 1% a month): `P r / (1 - (1 + r)^-n)`, or `P / n` when the rate is 0.
/// Not rounded.
///
/// # Errors
/// [`OptionError::Overflow`] when `(1 + r)^n` does not fit a decimal; `OutOfRange` for 0 months.
pub fn annuity_payment(
    principal: Decimal,
    monthly_rate: Decimal,
    months: u32,
) -> Result<Decimal, OptionError> {
    if months == 0 {
        return Err(OptionError::OutOfRange {
            what: "the lease term",
            value: "0".to_string(),
            rule: "a lease needs at least 1 month".to_string(),
        });
    }
    if monthly_rate.is_zero() {
        return Ok(principal / Decimal::from(months));
    }
    let overflow = OptionError::Overflow {
        what: "the lease payment",
    };
    let compounded = (Checked::from(Decimal::ONE) + monthly_rate)
        .power(months)
        .value()
        .ok_or(overflow.clone())?;
    let denominator = compounded - Decimal::ONE;
    if denominator.is_zero() {
        return Err(overflow);
    }
    principal
        .checked_mul(monthly_rate)
        .and_then(|value| value.checked_mul(compounded))
        .and_then(|value| value.checked_div(denominator))
        .ok_or(overflow)
}
