//! The price book's SLA section as written in RON, and its validation:
//!
//! ```ron
//! service_levels: Some((
//!     targets: [(priority: "Level 1", description: "Productivity halted",
//!                response_minutes: 15, resolution: "")],
//!     credit_percent_per_miss: "5",
//!     monthly_credit_cap_percent: "25",
//!     credits_are_placeholders: true,
//! )),
//! ```

use serde::{Deserialize, Serialize};

use crate::core::price_book::{ResponseTarget, ServiceLevels};
use crate::formats::problem::Checker;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServiceLevels {
    pub targets: Vec<RawResponseTarget>,
    pub credit_percent_per_miss: String,
    pub monthly_credit_cap_percent: String,
    #[serde(default)]
    pub credits_are_placeholders: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponseTarget {
    pub priority: String,
    pub description: String,
    pub response_minutes: u32,
    #[serde(default)]
    pub resolution: String,
}

/// Validates the SLA section: percentages within 0-100, the per-miss credit not above the
/// monthly cap, every target named with a response time of at least one minute.
pub fn service_levels_of(check: &mut Checker, raw: &RawServiceLevels) -> ServiceLevels {
    let per_miss = check.percent(
        "service_levels.credit_percent_per_miss",
        &raw.credit_percent_per_miss,
    );
    let cap = check.percent(
        "service_levels.monthly_credit_cap_percent",
        &raw.monthly_credit_cap_percent,
    );
    if per_miss > cap {
        check.error(
            "service_levels.credit_percent_per_miss",
            format!("{per_miss}% per miss is above the monthly cap of {cap}%"),
        );
    }
    let targets = raw
        .targets
        .iter()
        .enumerate()
        .map(|(index, target)| {
            if target.priority.trim().is_empty() {
                check.error(
                    format!("service_levels.targets[{index}].priority"),
                    "no priority name",
                );
            }
            if target.response_minutes == 0 {
                check.error(
                    format!("service_levels.targets[{index}].response_minutes"),
                    "must be at least 1",
                );
            }
            ResponseTarget {
                priority: target.priority.clone(),
                description: target.description.clone(),
                response_minutes: target.response_minutes,
                resolution: target.resolution.clone(),
            }
        })
        .collect();
    ServiceLevels {
        targets,
        credit_percent_per_miss: per_miss,
        monthly_credit_cap_percent: cap,
        credits_are_placeholders: raw.credits_are_placeholders,
    }
}

/// The SLA section as written.
pub fn service_levels_to_raw(levels: &ServiceLevels) -> RawServiceLevels {
    RawServiceLevels {
        targets: levels
            .targets
            .iter()
            .map(|target| RawResponseTarget {
                priority: target.priority.clone(),
                description: target.description.clone(),
                response_minutes: target.response_minutes,
                resolution: target.resolution.clone(),
            })
            .collect(),
        credit_percent_per_miss: levels.credit_percent_per_miss.to_string(),
        monthly_credit_cap_percent: levels.monthly_credit_cap_percent.to_string(),
        credits_are_placeholders: levels.credits_are_placeholders,
    }
}
