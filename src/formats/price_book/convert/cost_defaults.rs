//! The cost defaults of a raw book -> validated [`CostDefaults`].

use std::collections::BTreeSet;

use super::super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::Checker;

pub(super) fn cost_defaults_of(
    check: &mut Checker,
    raw: &RawCostDefaults,
    decimals: u32,
    kinds: &BTreeSet<&str>,
) -> CostDefaults {
    check.unique_ids(
        "cost_defaults.labour_roles",
        raw.labour_roles.iter().map(|r| r.id.as_str()),
    );
    check.unique_ids(
        "cost_defaults.tasks",
        raw.tasks.iter().map(|t| t.id.as_str()),
    );
    let roles: BTreeSet<&str> = raw.labour_roles.iter().map(|r| r.id.as_str()).collect();
    CostDefaults {
        labour_roles: raw
            .labour_roles
            .iter()
            .enumerate()
            .map(|(index, role)| LabourRole {
                id: role.id.clone(),
                name: role.name.clone(),
                hourly_cost: check.amount(
                    &format!("cost_defaults.labour_roles[{index}].hourly_cost"),
                    &role.hourly_cost,
                    decimals,
                ),
            })
            .collect(),
        tasks: raw
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| {
                let path = format!("cost_defaults.tasks[{index}]");
                if !roles.contains(task.role.as_str()) {
                    check.error(
                        format!("{path}.role"),
                        format!("unknown labour role '{}'", task.role),
                    );
                }
                LabourTask {
                    id: task.id.clone(),
                    name: task.name.clone(),
                    role: task.role.clone(),
                    hours_per_month: check
                        .hours(&format!("{path}.hours_per_month"), &task.hours_per_month),
                    hours_by_kind: super::super::kinds::hours_by_kind(check, &path, task, kinds),
                    per_group: task.per_group,
                    components: task.components.clone(),
                }
            })
            .collect(),
        markups: raw
            .markups
            .iter()
            .map(|(category, text)| {
                let value = check.markup(&format!("cost_defaults.markups.{category}"), text);
                (category.clone(), value)
            })
            .collect(),
        setup_cost_per_device: check.amount(
            "cost_defaults.setup_cost_per_device",
            &raw.setup_cost_per_device,
            decimals,
        ),
    }
}
