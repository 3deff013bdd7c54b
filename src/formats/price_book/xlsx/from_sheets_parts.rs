//! The list sections of the raw book from their sheets (tiers and what hangs off them,
//! schedules and bands, terms and credits, rates, add-ons, the options' RON).

use std::collections::BTreeMap;

use super::super::raw::*;
use super::from_sheets::{Assembly, SheetRows, rows_of};
use super::read::ReadRow;

fn value(row: &ReadRow, index: usize) -> String {
    row.values.get(index).cloned().unwrap_or_default()
}

fn flag(row: &ReadRow, index: usize) -> bool {
    value(row, index) == "yes"
}

/// The index of the item `id` in `ids`, or a problem at the row's first cell.
fn owner(ids: &[String], row: &ReadRow, what: &str, assembly: &mut Assembly) -> Option<usize> {
    let id = value(row, 0);
    let found = ids.iter().position(|candidate| *candidate == id);
    if found.is_none() {
        assembly.problems.push(crate::formats::problem::Problem {
            location: row.at(0),
            message: format!("unknown {what} '{id}' (it is not on its own sheet)"),
        });
    }
    found
}

pub fn tiers(raw: &mut RawPriceBook, sheets: &SheetRows, assembly: &mut Assembly) {
    for (index, row) in rows_of(sheets, "Tiers").iter().enumerate() {
        let path = format!("tiers[{index}]");
        assembly.paths.push((path.clone(), row.location.clone()));
        for (field, col) in [
            ("included_support_hours", 2),
            ("included_flex_hours", 3),
            ("internal_reserve_per_device", 4),
        ] {
            assembly
                .paths
                .push((format!("{path}.{field}"), row.at(col)));
        }
        let schedule = value(row, 5);
        raw.tiers.push(RawTier {
            id: value(row, 0),
            name: value(row, 1),
            monthly_prices: BTreeMap::new(),
            inclusions: Vec::new(),
            included_support_hours: value(row, 2),
            included_flex_hours: value(row, 3),
            rate_overrides: BTreeMap::new(),
            included_conditions: BTreeMap::new(),
            internal_reserve_per_device: value(row, 4),
            discount_schedule: (!schedule.is_empty()).then_some(schedule),
            kind_discount_schedules: BTreeMap::new(),
        });
    }
    let ids: Vec<String> = raw.tiers.iter().map(|tier| tier.id.clone()).collect();
    for row in rows_of(sheets, "Tier prices") {
        if let Some(index) = owner(&ids, row, "tier", assembly) {
            let kind = value(row, 1);
            assembly
                .paths
                .push((format!("tiers[{index}].monthly_prices.{kind}"), row.at(2)));
            if raw.tiers[index]
                .monthly_prices
                .insert(kind.clone(), value(row, 2))
                .is_some()
            {
                assembly.problems.push(crate::formats::problem::Problem {
                    location: row.at(1),
                    message: format!("a second price for '{kind}'"),
                });
            }
        }
    }
    for row in rows_of(sheets, "Inclusions") {
        if let Some(index) = owner(&ids, row, "tier", assembly) {
            raw.tiers[index].inclusions.push(value(row, 1));
        }
    }
    for row in rows_of(sheets, "Rate overrides") {
        if let Some(index) = owner(&ids, row, "tier", assembly) {
            let rate = value(row, 1);
            let pays = value(row, 2);
            let override_ = if pays.trim().eq_ignore_ascii_case("included") {
                RawRateOverride::Included
            } else {
                RawRateOverride::Rate(pays)
            };
            assembly
                .paths
                .push((format!("tiers[{index}].rate_overrides.{rate}"), row.at(2)));
            assembly.paths.push((
                format!("tiers[{index}].included_conditions.{rate}"),
                row.at(3),
            ));
            let tier = &mut raw.tiers[index];
            tier.rate_overrides.insert(rate.clone(), override_);
            let condition = value(row, 3);
            if !condition.is_empty() {
                tier.included_conditions.insert(rate, condition);
            }
        }
    }
    for row in rows_of(sheets, "Kind schedules") {
        if let Some(index) = owner(&ids, row, "tier", assembly) {
            let kind = value(row, 1);
            assembly.paths.push((
                format!("tiers[{index}].kind_discount_schedules.{kind}"),
                row.at(2),
            ));
            raw.tiers[index]
                .kind_discount_schedules
                .insert(kind, value(row, 2));
        }
    }
}

pub fn schedules(raw: &mut RawPriceBook, sheets: &SheetRows, assembly: &mut Assembly) {
    for (index, row) in rows_of(sheets, "Discount schedules").iter().enumerate() {
        assembly
            .paths
            .push((format!("discount_schedules[{index}]"), row.location.clone()));
        let mode = assembly.word::<RawDiscountMode>(row, 1, "band mode (volume or graduated)");
        let past = assembly.word::<RawPastLastBand>(
            row,
            5,
            "rule past the last band (last_rate_with_warning or refuse)",
        );
        raw.discount_schedules.push(RawDiscountSchedule {
            id: value(row, 0),
            mode,
            counted_kind: value(row, 2),
            applies_to_kinds: value(row, 3)
                .split([',', ';'])
                .map(str::trim)
                .filter(|kind| !kind.is_empty())
                .map(str::to_string)
                .collect(),
            applies_to_discountable_addons: flag(row, 4),
            bands: Vec::new(),
            past_last_band: past.unwrap_or(RawPastLastBand::Refuse),
        });
    }
    let ids: Vec<String> = raw
        .discount_schedules
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for row in rows_of(sheets, "Bands") {
        if let Some(index) = owner(&ids, row, "discount schedule", assembly) {
            let band_index = raw.discount_schedules[index].bands.len();
            let path = format!("discount_schedules[{index}].bands[{band_index}]");
            assembly.paths.push((path.clone(), row.location.clone()));
            assembly
                .paths
                .push((format!("{path}.discount_percent"), row.at(3)));
            let min = assembly.count(row, 1);
            let max = assembly.count(row, 2);
            raw.discount_schedules[index].bands.push(RawBand {
                min,
                max,
                discount_percent: value(row, 3),
            });
        }
    }
}

pub fn terms(raw: &mut RawPriceBook, sheets: &SheetRows, assembly: &mut Assembly) {
    for (index, row) in rows_of(sheets, "Terms").iter().enumerate() {
        assembly
            .paths
            .push((format!("terms[{index}]"), row.location.clone()));
        raw.terms.push(RawTerm {
            months: assembly.count(row, 0),
            credits: Vec::new(),
        });
    }
    let ids: Vec<String> = raw.terms.iter().map(|t| t.months.to_string()).collect();
    for row in rows_of(sheets, "Credits") {
        if let Some(index) = owner(&ids, row, "term", assembly) {
            let credit_index = raw.terms[index].credits.len();
            let path = format!("terms[{index}].credits[{credit_index}]");
            assembly.paths.push((format!("{path}.month"), row.at(1)));
            assembly.paths.push((format!("{path}.amount"), row.at(2)));
            let per = assembly.word::<RawCreditBasis>(
                row,
                3,
                "credit basis (per_contract or per_device)",
            );
            raw.terms[index].credits.push(RawCredit {
                month: assembly.count(row, 1),
                amount: value(row, 2),
                per: per.unwrap_or(RawCreditBasis::PerContract),
            });
        }
    }
}

pub fn rates_and_addons(raw: &mut RawPriceBook, sheets: &SheetRows, assembly: &mut Assembly) {
    for (index, row) in rows_of(sheets, "Hourly rates").iter().enumerate() {
        let path = format!("hourly_rates[{index}]");
        assembly.paths.push((path.clone(), row.location.clone()));
        assembly.paths.push((format!("{path}.rate"), row.at(2)));
        assembly
            .paths
            .push((format!("{path}.billing_increment_minutes"), row.at(3)));
        assembly
            .paths
            .push((format!("{path}.travel_premium"), row.at(6)));
        let premium = value(row, 6);
        raw.hourly_rates.push(RawHourlyRate {
            id: value(row, 0),
            name: value(row, 1),
            rate: value(row, 2),
            billing_increment_minutes: assembly.count(row, 3),
            discountable: flag(row, 4),
            on_site: flag(row, 5),
            travel_premium: (!premium.is_empty() && premium != "0").then_some(premium),
        });
    }
    for (index, row) in rows_of(sheets, "Add-ons").iter().enumerate() {
        let path = format!("addons[{index}]");
        assembly.paths.push((path.clone(), row.location.clone()));
        assembly
            .paths
            .push((format!("{path}.monthly_price"), row.at(3)));
        let unit = assembly.word::<RawAddOnUnit>(row, 2, "unit (per_device, per_user or flat)");
        raw.addons.push(RawAddOn {
            id: value(row, 0),
            name: value(row, 1),
            unit: unit.unwrap_or(RawAddOnUnit::Flat),
            monthly_price: value(row, 3),
            discountable: flag(row, 4),
        });
    }
}

/// The options' sections from their RON text.
pub fn options(raw: &mut RawPriceBook, rows: &[ReadRow], assembly: &mut Assembly) {
    for row in rows {
        let section = value(row, 0);
        let text = value(row, 1);
        let location = row.at(1);
        let mut fail = |error: String| {
            assembly.problems.push(crate::formats::problem::Problem {
                location: location.clone(),
                message: format!("{section}: {error}"),
            });
        };
        match section.as_str() {
            "service_components" => match ron::from_str(&text) {
                Ok(value) => raw.service_components = Some(value),
                Err(error) => fail(error.to_string()),
            },
            "phased_path" => match ron::from_str(&text) {
                Ok(value) => raw.phased_path = value,
                Err(error) => fail(error.to_string()),
            },
            "packages" => match ron::from_str(&text) {
                Ok(value) => raw.packages = Some(value),
                Err(error) => fail(error.to_string()),
            },
            "time_materials" => match ron::from_str(&text) {
                Ok(value) => raw.time_materials = Some(value),
                Err(error) => fail(error.to_string()),
            },
            "assessment" => match ron::from_str(&text) {
                Ok(value) => raw.assessment = Some(value),
                Err(error) => fail(error.to_string()),
            },
            "service_levels" => match ron::from_str(&text) {
                Ok(value) => raw.service_levels = Some(value),
                Err(error) => fail(error.to_string()),
            },
            other => fail(format!(
                "unknown section '{other}' (service_components, phased_path, packages, time_materials, assessment, service_levels)"
            )),
        }
    }
}
