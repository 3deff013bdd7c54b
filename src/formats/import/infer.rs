//! Categories and device kinds inferred from the words of a description or a Type cell, for
//! sheets without a Category column. Every inference is listed to the user by the caller;
//! text that matches nothing is never given a default category.

use super::header::normalize;
use crate::core::roi::CostCategory;

/// True when `words` (normalized) contains the normalized `phrase` as whole words.
fn has_phrase(words: &str, phrase: &str) -> bool {
    let phrase = normalize(phrase);
    !phrase.is_empty() && format!(" {words} ").contains(&format!(" {phrase} "))
}

/// The first entry of `table` whose phrases appear in `text`, with the phrase that decided.
fn first_match<T: Copy>(text: &str, table: &[(T, &[&'static str])]) -> Option<(T, &'static str)> {
    let words = normalize(text);
    table.iter().find_map(|(value, phrases)| {
        phrases
            .iter()
            .find(|phrase| has_phrase(&words, phrase))
            .map(|phrase| (*value, *phrase))
    })
}

/// Customer-cost categories by description words, most specific first.
const CUSTOMER_COST_WORDS: &[(CostCategory, &[&str])] = &[
    (
        CostCategory::EmployeeTimeLost,
        &[
            "lost productivity",
            "productivity loss",
            "time lost",
            "employee time",
            "idle time",
        ],
    ),
    (CostCategory::Downtime, &["downtime", "outage", "outages"]),
    (
        CostCategory::EmergencySupport,
        &[
            "break fix",
            "emergency",
            "call out",
            "callout",
            "call outs",
            "after hours",
        ],
    ),
    (
        CostCategory::StaffAugmentation,
        &[
            "contractor",
            "contractors",
            "temporary staff",
            "temp staff",
            "staff augmentation",
        ],
    ),
    (
        CostCategory::Training,
        &[
            "training",
            "course",
            "courses",
            "certification",
            "certifications",
        ],
    ),
    (
        CostCategory::RecruitingAdvertising,
        &[
            "recruiting",
            "recruitment",
            "advertising",
            "job ads",
            "job ad",
        ],
    ),
    (
        CostCategory::ConsultantFees,
        &["consultant", "consultants", "consulting", "consultancy"],
    ),
    (CostCategory::MileageTravel, &["mileage", "travel"]),
    (
        CostCategory::Subscriptions,
        &["publication", "publications", "magazine", "magazines"],
    ),
    (
        CostCategory::Depreciation,
        &[
            "depreciation",
            "hardware refresh",
            "refresh",
            "replacement cycle",
        ],
    ),
    (
        CostCategory::AffiliateIncidentSupport,
        &["incident support", "remote support", "remote incident"],
    ),
    (
        CostCategory::InternalTools,
        &[
            "licences", "licenses", "licence", "license", "software", "tools", "tooling",
        ],
    ),
    (CostCategory::TaxEffect, &["tax effect", "opex vs capex"]),
    (
        CostCategory::InternalStaff,
        &[
            "staff",
            "salary",
            "salaries",
            "payroll",
            "wages",
            "it admin",
            "administrator",
            "sysadmin",
            "technician",
        ],
    ),
];

/// The customer-cost category a description names, and the words that decided it.
pub fn customer_cost_category(description: &str) -> Option<(CostCategory, &'static str)> {
    first_match(description, CUSTOMER_COST_WORDS)
}

/// What kind of cost-analysis line a description names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Hardware,
    Software,
    Affiliate,
}

const LINE_WORDS: &[(LineKind, &[&str])] = &[
    (
        LineKind::Software,
        &[
            "licence",
            "licences",
            "license",
            "licenses",
            "software",
            "antivirus",
            "anti virus",
            "office 365",
            "microsoft 365",
            "cal",
            "cals",
        ],
    ),
    (
        LineKind::Affiliate,
        &[
            "monitoring service",
            "spam filtering",
            "hosting",
            "offsite backup",
            "off site backup",
            "backup service",
        ],
    ),
    (
        LineKind::Hardware,
        &[
            "laptop",
            "laptops",
            "desktop",
            "desktops",
            "workstation",
            "workstations",
            "server",
            "servers",
            "switch",
            "router",
            "firewall",
            "ups",
            "printer",
            "printers",
            "monitor",
            "monitors",
            "nas",
            "disk",
            "disks",
            "cable",
            "cables",
            "access point",
            "hardware",
            "pc",
            "pcs",
            "notebook",
        ],
    ),
];

/// The cost-line kind a description names, and the words that decided it.
pub fn line_kind(description: &str) -> Option<(LineKind, &'static str)> {
    first_match(description, LINE_WORDS)
}

const KIND_WORDS: &[(&str, &[&str])] = &[
    (
        "network-device",
        &[
            "firewall",
            "switch",
            "router",
            "access point",
            "ap",
            "wifi",
            "wi fi",
            "gateway",
            "network",
            "network device",
        ],
    ),
    (
        "server",
        &[
            "server",
            "servers",
            "vm",
            "virtual machine",
            "host",
            "hypervisor",
            "nas",
        ],
    ),
    (
        "workstation",
        &[
            "workstation",
            "laptop",
            "desktop",
            "pc",
            "notebook",
            "macbook",
            "imac",
            "thin client",
            "computer",
        ],
    ),
];

/// The standard book's device kind a Type cell names ("Laptop" -> "workstation").
pub fn device_kind(type_text: &str) -> Option<&'static str> {
    first_match(type_text, KIND_WORDS).map(|(kind, _)| kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_name_customer_cost_categories() {
        let cases = [
            ("IT staff salaries", Some(CostCategory::InternalStaff)),
            ("Payroll, IT admin", Some(CostCategory::InternalStaff)),
            ("Break/fix call-outs", Some(CostCategory::EmergencySupport)),
            ("Outside consultant", Some(CostCategory::ConsultantFees)),
            ("Lost productivity", Some(CostCategory::EmployeeTimeLost)),
            ("Unplanned downtime", Some(CostCategory::Downtime)),
            ("Licences bought direct", Some(CostCategory::InternalTools)),
            ("Hardware refresh", Some(CostCategory::Depreciation)),
            ("Staff training", Some(CostCategory::Training)),
            ("Excise duty", None),
            ("Basic customs duty", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                customer_cost_category(text).map(|(c, _)| c),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn types_map_to_kinds() {
        let cases = [
            ("Laptop", Some("workstation")),
            ("Desktop PC", Some("workstation")),
            ("Firewall", Some("network-device")),
            ("Core switch", Some("network-device")),
            ("File server", Some("server")),
            ("Printer", None),
        ];
        for (text, expected) in cases {
            assert_eq!(device_kind(text), expected, "{text}");
        }
    }
}
