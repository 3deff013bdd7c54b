//! Internal labour: catalog tasks, extra labour, the tiers' included hours and setup, priced
//! at fully burdened hourly costs per role.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::breakdown::{CostCategory, CostDetail, CostError, CostLine};
use super::lines::LineContext;
use super::model::{CostAnalysis, TaskUse};
use crate::core::money::{Checked, display};
use crate::core::price_book::{CostDefaults, PriceBook, join_display};
use crate::core::quote::Quote;

/// Hourly cost per role id: the book's, with the analysis's overrides.
pub(super) struct RoleCosts<'a> {
    defaults: &'a CostDefaults,
    costs: BTreeMap<&'a str, Decimal>,
}

impl<'a> RoleCosts<'a> {
    /// The book's roles with `analysis`'s overrides.
    ///
    /// # Errors
    /// A [`CostError`] for an override naming a role the book does not have.
    pub(super) fn new(book: &'a PriceBook, analysis: &'a CostAnalysis) -> Result<Self, CostError> {
        let defaults = &book.cost_defaults;
        let mut costs: BTreeMap<&str, Decimal> = defaults
            .labour_roles
            .iter()
            .map(|role| (role.id.as_str(), role.hourly_cost))
            .collect();
        for (role, cost) in &analysis.hourly_costs {
            match costs.get_mut(role.as_str()) {
                Some(slot) => *slot = *cost,
                None => {
                    return Err(CostError::new(
                        format!("cost_analysis.hourly_costs.{role}"),
                        format!(
                            "unknown labour role '{role}' (allowed: {})",
                            role_ids(defaults)
                        ),
                    ));
                }
            }
        }
        Ok(RoleCosts { defaults, costs })
    }

    fn cost(&self, role: &str, field: &str) -> Result<Decimal, CostError> {
        self.costs.get(role).copied().ok_or_else(|| {
            CostError::new(
                field,
                format!(
                    "unknown labour role '{role}' (allowed: {})",
                    role_ids(self.defaults)
                ),
            )
        })
    }

    fn name<'b>(&'b self, role: &'b str) -> &'b str {
        self.defaults
            .labour_roles
            .iter()
            .find(|candidate| candidate.id == role)
            .map_or(role, |candidate| candidate.name.as_str())
    }
}

fn role_ids(defaults: &CostDefaults) -> String {
    let ids = join_display(defaults.labour_roles.iter().map(|role| role.id.as_str()));
    if ids.is_empty() {
        "none: the price book has no labour roles".to_string()
    } else {
        ids
    }
}

/// Every labour cost line of the analysis.
///
/// # Errors
/// A [`CostError`] for an unknown task, role or tier.
pub(super) fn labour_lines(
    context: &LineContext<'_>,
    book: &PriceBook,
    quote: &Quote,
    analysis: &CostAnalysis,
    roles: &RoleCosts<'_>,
) -> Result<Vec<CostLine>, CostError> {
    let plan = &analysis.labour;
    let money = |amount| display(amount, context.symbol, context.decimals);
    let mut lines = Vec::new();

    let catalog_uses: Vec<TaskUse>;
    let (uses, field_prefix): (&[TaskUse], &str) = match &plan.tasks {
        Some(uses) => (uses, "cost_analysis.labour.tasks"),
        None => {
            catalog_uses = book
                .cost_defaults
                .tasks
                .iter()
                .map(|task| TaskUse {
                    task: task.id.clone(),
                    devices: None,
                    groups: None,
                    hours_per_month: None,
                })
                .collect();
            (&catalog_uses, "price_book.cost_defaults.tasks")
        }
    };
    for (index, usage) in uses.iter().enumerate() {
        let field = format!("{field_prefix}[{index}]");
        let task = book
            .cost_defaults
            .tasks
            .iter()
            .find(|task| task.id == usage.task)
            .ok_or_else(|| {
                CostError::new(
                    format!("{field}.task"),
                    format!(
                        "unknown task '{}' (allowed: {})",
                        usage.task,
                        join_display(book.cost_defaults.tasks.iter().map(|t| t.id.as_str()))
                    ),
                )
            })?;
        let rate = roles.cost(&task.role, &format!("{field}.task"))?;
        if let Some((hours, detail)) = hours_by_kind(book, quote, task, usage) {
            lines.push(CostLine {
                category: CostCategory::Labour,
                description: task.name.clone(),
                detail: CostDetail::Text(format!(
                    "{detail} x {}/h ({})",
                    money(rate),
                    roles.name(&task.role)
                )),
                monthly_cost: (Checked::from(hours) * rate)
                    .round(context.decimals)
                    .or_too_large_with(|| {
                        format!("{field} (hours x the hourly cost of '{}')", task.role)
                    })?,
                field,
                source: None,
            });
            continue;
        }
        let hours_each = usage.hours_per_month.unwrap_or(task.hours_per_month);
        let (times, unit) = if task.per_group {
            (usage.groups.unwrap_or(plan.identical_groups), "group")
        } else {
            (usage.devices.unwrap_or(context.devices), "device")
        };
        let hours = Checked::from(hours_each) * times;
        lines.push(CostLine {
            category: CostCategory::Labour,
            description: task.name.clone(),
            detail: CostDetail::Text(format!(
                "{} h x {times} {unit}{} x {}/h ({})",
                hours_each.normalize(),
                if times == 1 { "" } else { "s" },
                money(rate),
                roles.name(&task.role)
            )),
            monthly_cost: (hours * rate)
                .round(context.decimals)
                .or_too_large_with(|| {
                    format!("{field} (hours x the hourly cost of '{}')", task.role)
                })?,
            field,
            source: None,
        });
    }

    for (index, extra) in plan.extra.iter().enumerate() {
        let field = format!("cost_analysis.labour.extra[{index}]");
        let rate = roles.cost(&extra.role, &format!("{field}.role"))?;
        lines.push(CostLine {
            category: CostCategory::Labour,
            description: extra.description.clone(),
            detail: CostDetail::Text(format!(
                "{} h x {}/h ({})",
                extra.hours_per_month.normalize(),
                money(rate),
                roles.name(&extra.role)
            )),
            monthly_cost: (Checked::from(extra.hours_per_month) * rate)
                .round(context.decimals)
                .or_too_large_with(|| {
                    format!(
                        "{field}.hours_per_month (x the hourly cost of '{}')",
                        extra.role
                    )
                })?,
            field,
            source: None,
        });
    }

    if plan.include_tier_hours {
        let role = included_hours_role(book, analysis);
        let field = "cost_analysis.labour.included_hours_role";
        let mut hours = Checked::ZERO;
        for (index, line) in quote.devices.iter().enumerate() {
            let tier = book.tier(&line.tier).ok_or_else(|| {
                CostError::new(
                    format!("devices[{index}].tier"),
                    format!(
                        "unknown tier '{}' (allowed: {})",
                        line.tier,
                        join_display(book.tiers.iter().map(|tier| tier.id.as_str()))
                    ),
                )
            })?;
            hours = hours
                + (Checked::from(tier.included_support_hours) + tier.included_flex_hours)
                    * line.count;
        }
        let hours = hours.or_too_large("the tiers' included hours of the device lines")?;
        if !hours.is_zero() {
            let role = role.ok_or_else(|| {
                CostError::new(
                    field,
                    "the price book has no labour role to work the included hours",
                )
            })?;
            let rate = roles.cost(&role, field)?;
            lines.push(CostLine {
                category: CostCategory::Labour,
                description: "Included support and flex hours".to_string(),
                detail: CostDetail::Text(format!(
                    "{} h x {}/h ({})",
                    hours.normalize(),
                    money(rate),
                    roles.name(&role)
                )),
                monthly_cost: (Checked::from(hours) * rate)
                    .round(context.decimals)
                    .or_too_large_with(|| format!("cost_analysis.hourly_costs.{role}"))?,
                field: "devices".to_string(),
                source: None,
            });
        }
    }

    let setup_each = plan
        .setup_cost_per_device
        .unwrap_or(book.cost_defaults.setup_cost_per_device);
    if !setup_each.is_zero() {
        let months = context.term_months.max(1);
        lines.push(CostLine {
            category: CostCategory::Labour,
            description: "Managed-services setup".to_string(),
            detail: CostDetail::Text(format!(
                "{} x {} devices over {months} months",
                money(setup_each),
                context.devices
            )),
            monthly_cost: (Checked::from(setup_each) * context.devices / months)
                .round(context.decimals)
                .or_too_large("cost_analysis.labour.setup_cost_per_device")?,
            field: "cost_analysis.labour.setup_cost_per_device".to_string(),
            source: None,
        });
    }
    Ok(lines)
}

/// The role that works the included hours: the plan's, else "technical-specialist" when the
/// book has it, else the book's first role.
fn included_hours_role(book: &PriceBook, analysis: &CostAnalysis) -> Option<String> {
    if let Some(role) = &analysis.labour.included_hours_role {
        return Some(role.clone());
    }
    let roles = &book.cost_defaults.labour_roles;
    roles
        .iter()
        .find(|role| role.id == "technical-specialist")
        .or_else(|| roles.first())
        .map(|role| role.id.clone())
}

/// A per-device task whose hours differ by device kind (handbook: "it depends on the type of
/// device"), used as the catalog says: the hours of each of the quote's lines at its kind's
/// hours, and the detail text ("0.5 h x 2 servers + 0.25 h x 35 workstations"). `None` when
/// the task has no per-kind hours, is done per group, or the analysis overrides its devices
/// or hours.
fn hours_by_kind(
    book: &PriceBook,
    quote: &Quote,
    task: &crate::core::price_book::LabourTask,
    usage: &TaskUse,
) -> Option<(Decimal, String)> {
    if task.hours_by_kind.is_empty()
        || task.per_group
        || usage.devices.is_some()
        || usage.hours_per_month.is_some()
        || quote.devices.is_empty()
    {
        return None;
    }
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for line in &quote.devices {
        let per_user = book
            .device_kind(&line.kind)
            .is_some_and(|kind| kind.counted_from_users);
        let count = if line.count == 0 && per_user {
            quote.customer.users
        } else {
            line.count
        };
        let slot = counts.entry(line.kind.as_str()).or_default();
        *slot = slot.saturating_add(count);
    }
    let mut hours = Decimal::ZERO;
    let mut parts = Vec::new();
    for (kind, count) in counts {
        let each = task
            .hours_by_kind
            .get(kind)
            .copied()
            .unwrap_or(task.hours_per_month);
        hours = hours.checked_add(each.checked_mul(Decimal::from(count))?)?;
        let name = book.kind_name(kind).to_lowercase();
        parts.push(format!(
            "{} h x {count} {name}{}",
            each.normalize(),
            if count == 1 { "" } else { "s" }
        ));
    }
    Some((hours, parts.join(" + ")))
}
