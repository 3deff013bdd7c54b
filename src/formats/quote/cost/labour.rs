//! The labour plan of a cost analysis, as written -> the core's [`LabourPlan`].

use super::raw::*;
use crate::core::cost::{LabourLine, LabourPlan, TaskUse};
use crate::formats::problem::Checker;

pub(super) fn labour_from_raw(check: &mut Checker, path: &str, raw: &RawLabourPlan) -> LabourPlan {
    if raw.identical_groups == 0 {
        check.error(
            format!("{path}.identical_groups"),
            "identical groups is 0; there is at least 1 group",
        );
    }
    check.count(format!("{path}.identical_groups"), raw.identical_groups);
    let tasks = raw.tasks.as_ref().map(|tasks| {
        tasks
            .iter()
            .enumerate()
            .map(|(index, usage)| {
                let task_path = format!("{path}.tasks[{index}]");
                if let Some(devices) = usage.devices {
                    check.count(format!("{task_path}.devices"), devices);
                }
                if let Some(groups) = usage.groups {
                    check.count(format!("{task_path}.groups"), groups);
                }
                TaskUse {
                    task: usage.task.clone(),
                    devices: usage.devices,
                    groups: usage.groups,
                    hours_per_month: usage
                        .hours_per_month
                        .as_ref()
                        .map(|text| check.hours(&format!("{task_path}.hours_per_month"), text)),
                }
            })
            .collect()
    });
    let extra = raw
        .extra
        .iter()
        .enumerate()
        .map(|(index, line)| LabourLine {
            description: line.description.clone(),
            role: line.role.clone(),
            hours_per_month: check.hours(
                &format!("{path}.extra[{index}].hours_per_month"),
                &line.hours_per_month,
            ),
        })
        .collect();
    LabourPlan {
        tasks,
        extra,
        identical_groups: raw.identical_groups,
        include_tier_hours: raw.include_tier_hours,
        included_hours_role: raw.included_hours_role.clone(),
        setup_cost_per_device: raw
            .setup_cost_per_device
            .as_ref()
            .map(|text| check.quantity(&format!("{path}.setup_cost_per_device"), text)),
    }
}
