//! The pricing-option sections of a price book (`service_components`, `phased_path`,
//! `packages`, `time_materials`, `assessment`): raw -> validated, with field paths, and back.

use std::collections::BTreeSet;

use super::raw::*;
use crate::core::options::book::*;
use crate::formats::problem::Checker;

/// The raw option sections, for [`super::to_raw`].
pub struct RawOptionSections {
    pub service_components: Option<RawServiceComponents>,
    pub phased_path: Vec<RawPhase>,
    pub packages: Option<RawPackages>,
    pub time_materials: Option<RawTimeMaterials>,
    pub assessment: Option<RawAssessment>,
}

/// Validates the option sections of `raw`, recording every problem in `check`.
pub fn options_of(check: &mut Checker, raw: &RawPriceBook, decimals: u32) -> PricingOptions {
    let markups: BTreeSet<&str> = raw
        .cost_defaults
        .as_ref()
        .map(|defaults| defaults.markups.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let task_tags: BTreeSet<&str> = raw
        .cost_defaults
        .as_ref()
        .map(|defaults| {
            defaults
                .tasks
                .iter()
                .flat_map(|task| task.components.iter().map(String::as_str))
                .collect()
        })
        .unwrap_or_default();
    let service_components = raw
        .service_components
        .as_ref()
        .map(|section| components_of(check, section, &markups, &task_tags));
    if !raw.phased_path.is_empty() && service_components.is_none() {
        check.error(
            "phased_path",
            "the phased path needs a service_components section (for its labour markup)",
        );
    }
    let phased_path = raw
        .phased_path
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let path = format!("phased_path[{index}]");
            let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if phase.phase != expected {
                check.error(
                    format!("{path}.phase"),
                    format!(
                        "phase {} is out of order: phases are numbered 1, 2, 3, ... (expected {expected})",
                        phase.phase
                    ),
                );
            }
            check_tags(check, &format!("{path}.tags"), &phase.tags, &task_tags);
            Phase {
                number: phase.phase,
                name: phase.name.clone(),
                tags: phase.tags.clone(),
            }
        })
        .collect();
    let packages = raw
        .packages
        .as_ref()
        .map(|section| packages_of(check, raw, section, &markups, decimals));
    let time_materials = raw
        .time_materials
        .as_ref()
        .map(|section| time_materials_of(check, raw, section));
    let assessment = raw
        .assessment
        .as_ref()
        .map(|section| assessment_of(check, raw, section));
    PricingOptions {
        service_components,
        phased_path,
        packages,
        time_materials,
        assessment,
    }
}

fn check_tags(check: &mut Checker, path: &str, tags: &[String], task_tags: &BTreeSet<&str>) {
    if tags.is_empty() {
        check.error(path, "needs at least one component tag");
    }
    for (index, tag) in tags.iter().enumerate() {
        if !task_tags.contains(tag.as_str()) {
            check.error(
                format!("{path}[{index}]"),
                format!("no task of cost_defaults.tasks carries the component tag '{tag}'"),
            );
        }
    }
}

fn components_of(
    check: &mut Checker,
    raw: &RawServiceComponents,
    markups: &BTreeSet<&str>,
    task_tags: &BTreeSet<&str>,
) -> ServiceComponents {
    if !markups.contains(raw.labour_markup.as_str()) {
        check.error(
            "service_components.labour_markup",
            format!(
                "'{}' is not a category of cost_defaults.markups",
                raw.labour_markup
            ),
        );
    }
    check.unique_ids(
        "service_components.components",
        raw.components.iter().map(|c| c.id.as_str()),
    );
    ServiceComponents {
        labour_markup: raw.labour_markup.clone(),
        components: raw
            .components
            .iter()
            .enumerate()
            .map(|(index, component)| {
                check_tags(
                    check,
                    &format!("service_components.components[{index}].tags"),
                    &component.tags,
                    task_tags,
                );
                ServiceComponent {
                    id: component.id.clone(),
                    name: component.name.clone(),
                    tags: component.tags.clone(),
                }
            })
            .collect(),
    }
}

fn packages_of(
    check: &mut Checker,
    raw: &RawPriceBook,
    section: &RawPackages,
    markups: &BTreeSet<&str>,
    decimals: u32,
) -> PackageRules {
    let lease_annual_rate_percent = check.percent(
        "packages.lease_annual_rate_percent",
        &section.lease_annual_rate_percent,
    );
    check.unique_ids(
        "packages.bands",
        section.bands.iter().map(|b| b.id.as_str()),
    );
    if section.bands.is_empty() {
        check.error("packages.bands", "at least one band is needed");
    }
    let mut expected_min = 1;
    let bands = section
        .bands
        .iter()
        .enumerate()
        .map(|(index, band)| {
            let path = format!("packages.bands[{index}]");
            if band.min_users > band.max_users {
                check.error(
                    &path,
                    format!("min_users {} is above max_users {}", band.min_users, band.max_users),
                );
            }
            if band.min_users != expected_min {
                check.error(
                    format!("{path}.min_users"),
                    format!(
                        "bands must be sorted and contiguous from 1 user: expected {expected_min}, found {}",
                        band.min_users
                    ),
                );
            }
            expected_min = band.max_users.saturating_add(1);
            match raw.tiers.iter().find(|tier| tier.id == band.service_tier) {
                None => check.error(
                    format!("{path}.service_tier"),
                    format!("unknown tier '{}'", band.service_tier),
                ),
                Some(tier) if !tier.monthly_prices.contains_key(&band.service_kind) => check
                    .error(
                        format!("{path}.service_kind"),
                        format!(
                            "tier '{}' has no price for device kind '{}'",
                            tier.id, band.service_kind
                        ),
                    ),
                Some(_) => {}
            }
            if band.service_devices == 0 {
                check.error(format!("{path}.service_devices"), "must be at least 1");
            }
            check.count(format!("{path}.service_devices"), band.service_devices);
            if band.items.is_empty() {
                check.error(format!("{path}.items"), "a bundle needs at least one item");
            }
            let items = band
                .items
                .iter()
                .enumerate()
                .map(|(item_index, item)| {
                    let item_path = format!("{path}.items[{item_index}]");
                    if !markups.contains(item.category.as_str()) {
                        check.error(
                            format!("{item_path}.category"),
                            format!(
                                "'{}' is not a category of cost_defaults.markups",
                                item.category
                            ),
                        );
                    }
                    PackageItem {
                        name: item.name.clone(),
                        category: item.category.clone(),
                        cost: check.amount(&format!("{item_path}.cost"), &item.cost, decimals),
                    }
                })
                .collect();
            PackageBand {
                id: band.id.clone(),
                name: band.name.clone(),
                min_users: band.min_users,
                max_users: band.max_users,
                service_tier: band.service_tier.clone(),
                service_kind: band.service_kind.clone(),
                service_devices: band.service_devices,
                items,
            }
        })
        .collect();
    PackageRules {
        bands,
        lease_annual_rate_percent,
    }
}

fn check_rate(
    check: &mut Checker,
    raw: &RawPriceBook,
    path: &str,
    id: &str,
    on_site: Option<bool>,
) {
    match raw.hourly_rates.iter().find(|rate| rate.id == id) {
        None => check.error(path, format!("unknown hourly rate '{id}'")),
        Some(rate) => {
            if let Some(wanted) = on_site
                && rate.on_site != wanted
            {
                let place = if wanted { "on-site" } else { "remote" };
                check.error(
                    path,
                    format!("rate '{id}' is not marked on_site: {wanted}, but {place} work is billed at it"),
                );
            }
        }
    }
}

fn time_materials_of(
    check: &mut Checker,
    raw: &RawPriceBook,
    section: &RawTimeMaterials,
) -> TimeMaterialsRates {
    for (field, id, on_site) in [
        ("remote_normal", &section.remote_normal, false),
        ("remote_emergency", &section.remote_emergency, false),
        ("remote_escalated", &section.remote_escalated, false),
        ("onsite_normal", &section.onsite_normal, true),
        ("onsite_emergency", &section.onsite_emergency, true),
        ("onsite_escalated", &section.onsite_escalated, true),
    ] {
        check_rate(
            check,
            raw,
            &format!("time_materials.{field}"),
            id,
            Some(on_site),
        );
    }
    TimeMaterialsRates {
        remote_normal: section.remote_normal.clone(),
        remote_emergency: section.remote_emergency.clone(),
        remote_escalated: section.remote_escalated.clone(),
        onsite_normal: section.onsite_normal.clone(),
        onsite_emergency: section.onsite_emergency.clone(),
        onsite_escalated: section.onsite_escalated.clone(),
    }
}

fn assessment_of(
    check: &mut Checker,
    raw: &RawPriceBook,
    section: &RawAssessment,
) -> AssessmentRules {
    check.unique_ids(
        "assessment.infrastructure_types",
        section.infrastructure_types.iter().map(|t| t.id.as_str()),
    );
    if section.infrastructure_types.is_empty() {
        check.error(
            "assessment.infrastructure_types",
            "at least one type is needed",
        );
    }
    for (field, id) in [
        ("travel_rate", &section.travel_rate),
        ("discovery_rate", &section.discovery_rate),
        ("analysis_rate", &section.analysis_rate),
        ("report_rate", &section.report_rate),
    ] {
        check_rate(check, raw, &format!("assessment.{field}"), id, None);
    }
    let mut hours = |field: &str, text: &str| check.hours(&format!("assessment.{field}"), text);
    let travel_hours_per_location = hours(
        "travel_hours_per_location",
        &section.travel_hours_per_location,
    );
    let discovery_hours = hours("discovery_hours", &section.discovery_hours);
    let analysis_hours_per_server = hours(
        "analysis_hours_per_server",
        &section.analysis_hours_per_server,
    );
    let analysis_hours_per_site =
        hours("analysis_hours_per_site", &section.analysis_hours_per_site);
    let report_hours = hours("report_hours", &section.report_hours);
    let report_hours_per_server =
        hours("report_hours_per_server", &section.report_hours_per_server);
    AssessmentRules {
        infrastructure_types: section
            .infrastructure_types
            .iter()
            .enumerate()
            .map(|(index, kind)| InfrastructureType {
                id: kind.id.clone(),
                name: kind.name.clone(),
                analysis_factor: check.quantity(
                    &format!("assessment.infrastructure_types[{index}].analysis_factor"),
                    &kind.analysis_factor,
                ),
            })
            .collect(),
        travel_hours_per_location,
        travel_rate: section.travel_rate.clone(),
        discovery_hours,
        discovery_rate: section.discovery_rate.clone(),
        analysis_hours_per_server,
        analysis_hours_per_site,
        analysis_rate: section.analysis_rate.clone(),
        report_hours,
        report_hours_per_server,
        report_rate: section.report_rate.clone(),
    }
}

/// The raw option sections of `options`; loading them gives the same options back.
pub fn options_to_raw(options: &PricingOptions) -> RawOptionSections {
    RawOptionSections {
        service_components: options.service_components.as_ref().map(|section| {
            RawServiceComponents {
                labour_markup: section.labour_markup.clone(),
                components: section
                    .components
                    .iter()
                    .map(|component| RawServiceComponent {
                        id: component.id.clone(),
                        name: component.name.clone(),
                        tags: component.tags.clone(),
                    })
                    .collect(),
            }
        }),
        phased_path: options
            .phased_path
            .iter()
            .map(|phase| RawPhase {
                phase: phase.number,
                name: phase.name.clone(),
                tags: phase.tags.clone(),
            })
            .collect(),
        packages: options.packages.as_ref().map(|rules| RawPackages {
            lease_annual_rate_percent: rules.lease_annual_rate_percent.to_string(),
            bands: rules
                .bands
                .iter()
                .map(|band| RawPackageBand {
                    id: band.id.clone(),
                    name: band.name.clone(),
                    min_users: band.min_users,
                    max_users: band.max_users,
                    service_tier: band.service_tier.clone(),
                    service_kind: band.service_kind.clone(),
                    service_devices: band.service_devices,
                    items: band
                        .items
                        .iter()
                        .map(|item| RawPackageItem {
                            name: item.name.clone(),
                            category: item.category.clone(),
                            cost: item.cost.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        }),
        time_materials: options
            .time_materials
            .as_ref()
            .map(|rates| RawTimeMaterials {
                remote_normal: rates.remote_normal.clone(),
                remote_emergency: rates.remote_emergency.clone(),
                remote_escalated: rates.remote_escalated.clone(),
                onsite_normal: rates.onsite_normal.clone(),
                onsite_emergency: rates.onsite_emergency.clone(),
                onsite_escalated: rates.onsite_escalated.clone(),
            }),
        assessment: options.assessment.as_ref().map(|rules| RawAssessment {
            infrastructure_types: rules
                .infrastructure_types
                .iter()
                .map(|kind| RawInfrastructureType {
                    id: kind.id.clone(),
                    name: kind.name.clone(),
                    analysis_factor: kind.analysis_factor.to_string(),
                })
                .collect(),
            travel_hours_per_location: rules.travel_hours_per_location.to_string(),
            travel_rate: rules.travel_rate.clone(),
            discovery_hours: rules.discovery_hours.to_string(),
            discovery_rate: rules.discovery_rate.clone(),
            analysis_hours_per_server: rules.analysis_hours_per_server.to_string(),
            analysis_hours_per_site: rules.analysis_hours_per_site.to_string(),
            analysis_rate: rules.analysis_rate.clone(),
            report_hours: rules.report_hours.to_string(),
            report_hours_per_server: rules.report_hours_per_server.to_string(),
            report_rate: rules.report_rate.clone(),
        }),
    }
}
