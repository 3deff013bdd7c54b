//! Per-service, per-device monthly prices for single components (monitoring, patching,
//! updating, anti-virus) and for the phased path (phases 1-4), derived cost-plus from the
//! book's labour-task catalog (pricing-rules.md sections 4 and 5).
//!
//! # Derivation
//! For a set of component tags and a group of `n` devices of one kind:
//! 1. Take every catalog task that carries at least one of the tags (each task once).
//! 2. Its cost per device per month is `hours_per_month x role hourly_cost`; a per-group task
//!    (done once for a group of identical devices, e.g. testing a patch) is divided by `n`.
//! 3. The per-device monthly fee is the sum of those costs `x (1 + labour markup / 100)`,
//!    rounded half away from zero to the cent; the line's monthly amount is fee `x n`.
//!
//! The quantity discount does not apply: components are cost-plus, like à la carte services.

use rust_decimal::Decimal;

use super::OptionError;
use crate::core::money::{AmountTooLarge, Checked};
use crate::core::price_book::{PriceBook, join_display};

pub use crate::core::quote_options::{ComponentChoice, ComponentLine};

/// A priced component or phase line.
#[derive(Debug, Clone, PartialEq)]
pub struct PricedComponent {
    /// "monitoring" or "phase-2".
    pub id: String,
    pub name: String,
    pub kind: String,
    pub count: u32,
    /// Task ids the price is derived from, in catalog order.
    pub tasks: Vec<String>,
    /// Internal labour cost per device per month, exact (analyst-only).
    pub cost_per_device: Decimal,
    /// Labour markup applied, percent (analyst-only).
    pub markup_percent: Decimal,
    /// Price per device per month, rounded to the cent.
    pub per_device_monthly_fee: Decimal,
    /// `per_device_monthly_fee x count`.
    pub monthly: Decimal,
}

/// Prices one component or phase line.
///
/// # Errors
/// [`OptionError`] when the book has no service components (or phased path), the component,
/// phase or device kind is unknown, the count is 0, or the labour markup or a task's role is
/// missing from `cost_defaults`.
pub fn price_component(
    book: &PriceBook,
    line: &ComponentLine,
) -> Result<PricedComponent, OptionError> {
    let rules = book
        .options
        .service_components
        .as_ref()
        .ok_or(OptionError::NotInBook {
            section: "service_components",
            what: "components or phases",
        })?;
    if book.device_kind(&line.kind).is_none() {
        return Err(OptionError::Unknown {
            what: "device kind",
            id: line.kind.clone(),
            allowed: join_display(book.device_kinds.iter().map(|k| &k.id)),
        });
    }
    if line.count == 0 {
        return Err(OptionError::OutOfRange {
            what: "the device count",
            value: "0".to_string(),
            rule: "counts start at 1".to_string(),
        });
    }
    let (id, name, tags) = match &line.choice {
        ComponentChoice::Component(id) => {
            let component = rules
                .components
                .iter()
                .find(|component| &component.id == id)
                .ok_or_else(|| OptionError::Unknown {
                    what: "component",
                    id: id.clone(),
                    allowed: join_display(rules.components.iter().map(|c| &c.id)),
                })?;
            (
                component.id.clone(),
                component.name.clone(),
                &component.tags,
            )
        }
        ComponentChoice::Phase(number) => {
            let phase = book
                .options
                .phased_path
                .iter()
                .find(|phase| phase.number == *number)
                .ok_or_else(|| OptionError::Unknown {
                    what: "phase",
                    id: number.to_string(),
                    allowed: join_display(book.options.phased_path.iter().map(|p| p.number)),
                })?;
            (format!("phase-{number}"), phase.name.clone(), &phase.tags)
        }
    };
    let markup_percent = book
        .cost_defaults
        .markups
        .get(&rules.labour_markup)
        .copied()
        .ok_or_else(|| OptionError::Unknown {
            what: "markup category",
            id: rules.labour_markup.clone(),
            allowed: join_display(book.cost_defaults.markups.keys()),
        })?;
    let group = Decimal::from(line.count);
    let mut cost_per_device = Checked::ZERO;
    let mut tasks = Vec::new();
    for task in &book.cost_defaults.tasks {
        if !task.components.iter().any(|tag| tags.contains(tag)) {
            continue;
        }
        let role = book
            .cost_defaults
            .labour_roles
            .iter()
            .find(|role| role.id == task.role)
            .ok_or_else(|| OptionError::Unknown {
                what: "labour role",
                id: task.role.clone(),
                allowed: join_display(book.cost_defaults.labour_roles.iter().map(|r| &r.id)),
            })?;
        let task_cost = Checked::from(task.hours_per_month) * role.hourly_cost;
        cost_per_device = cost_per_device
            + if task.per_group {
                task_cost / group
            } else {
                task_cost
            };
        if cost_per_device.value().is_none() {
            return Err(AmountTooLarge {
                figure: format!("cost_defaults.labour_roles.{}.hourly_cost", role.id),
            }
            .into());
        }
        tasks.push(task.id.clone());
    }
    let decimals = book.currency.decimals;
    let cost_per_device = cost_per_device.or_too_large("the component's cost per device")?;
    let per_device_monthly_fee = (Checked::from(cost_per_device)
        * (Checked::from(Decimal::ONE) + markup_percent / Decimal::ONE_HUNDRED))
        .round(decimals)
        .or_too_large_with(|| format!("cost_defaults.markups.{}", rules.labour_markup))?;
    let monthly = (Checked::from(per_device_monthly_fee) * group)
        .or_too_large_with(|| format!("the monthly amount of {} x {}", id, line.count))?;
    Ok(PricedComponent {
        id,
        name,
        kind: line.kind.clone(),
        count: line.count,
        tasks,
        cost_per_device,
        markup_percent,
        per_device_monthly_fee,
        monthly,
    })
}
