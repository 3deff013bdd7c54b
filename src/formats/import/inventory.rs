//! Per-device inventory sheets: one row per managed device, money columns per category
//! (Hardware, Software, Affiliate / Third-party), labour as hours (at the sheet's Rate or the
//! quote's role cost) or as a cost, a Type column mapped to the book's device kinds.
//!
//! Each device's money becomes one cost line per category, keeping its sheet!cell. Money columns
//! are monthly costs, unless the header says otherwise: "purchase" or "capex" for a purchase
//! price (spread over the term), "annual" or "per year" for a yearly licence.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::cost_lines::labour::labour_line;
use super::cost_lines::{CostImportOptions, ImportedCostLines};
use super::header::normalize;
use super::infer::device_kind;
use super::{ColumnKind, ColumnSpec, ImportedRow, ImportedTable};
use crate::core::cost::{
    Acquisition, AffiliateLine, AffiliateModel, FeePeriod, HardwareLine, SoftwareBasis,
    SoftwareBilling, SoftwareLine,
};
use crate::formats::problem::{Location, Problem};

const fn column(
    key: &'static str,
    synonyms: &'static [&'static str],
    kind: ColumnKind,
) -> ColumnSpec {
    ColumnSpec {
        key,
        synonyms,
        required: false,
        kind,
    }
}

/// The columns of a per-device inventory sheet.
pub const INVENTORY_COLUMNS: [ColumnSpec; 9] = [
    column(
        "device",
        &[
            "device",
            "device name",
            "hostname",
            "host name",
            "computer name",
            "asset",
            "asset tag",
            "asset name",
            "name",
            "description",
        ],
        ColumnKind::Text,
    ),
    column(
        "type",
        &["type", "device type", "kind", "device kind", "class"],
        ColumnKind::Text,
    ),
    column(
        "site",
        &["site", "location", "office", "branch"],
        ColumnKind::Text,
    ),
    column(
        "hardware",
        &[
            "hardware",
            "hardware cost",
            "hw",
            "hardware purchase",
            "equipment",
        ],
        ColumnKind::Amount,
    ),
    column(
        "software",
        &[
            "software",
            "software cost",
            "sw",
            "licences",
            "licenses",
            "licence",
            "license",
        ],
        ColumnKind::Amount,
    ),
    column(
        "affiliate",
        &[
            "affiliate",
            "affiliates",
            "third party",
            "3rd party",
            "affiliate services",
            "services",
        ],
        ColumnKind::Amount,
    ),
    column(
        "labour_hours",
        &[
            "labour hrs",
            "labor hrs",
            "labour hours",
            "labor hours",
            "labour h",
            "hours",
        ],
        ColumnKind::Number,
    ),
    column(
        "labour_cost",
        &[
            "labour cost",
            "labor cost",
            "labour",
            "labor",
            "support cost",
        ],
        ColumnKind::Amount,
    ),
    column(
        "rate",
        &[
            "rate",
            "hourly rate",
            "rate per hour",
            "cost per hour",
            "labour rate",
            "labor rate",
        ],
        ColumnKind::Amount,
    ),
];

/// What an inventory held: devices by kind and how the Type cells were mapped.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct InventorySummary {
    /// Device rows read (the managed-device count the sheet gives).
    pub devices: u32,
    /// Devices by the book's kind id.
    pub by_kind: BTreeMap<String, u32>,
    /// Each Type text seen and the kind it was mapped to ("" when unmapped), with its count.
    pub mapping: BTreeMap<String, (String, u32)>,
}

/// How a money column's header reads: monthly, a purchase, or annual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    Monthly,
    Purchase,
    Annual,
}

fn basis_of(header: &str) -> Basis {
    let words = format!(" {} ", normalize(header));
    if [" purchase ", " capex ", " bought ", " price "]
        .iter()
        .any(|w| words.contains(w))
    {
        Basis::Purchase
    } else if [" annual ", " year ", " yearly ", " annually "]
        .iter()
        .any(|w| words.contains(w))
    {
        Basis::Annual
    } else {
        Basis::Monthly
    }
}

/// Maps an inventory table to cost lines, one per device and category.
pub fn inventory_from_table(
    table: ImportedTable,
    options: &CostImportOptions,
) -> ImportedCostLines {
    let header_of = |key: &str| {
        table
            .keys
            .iter()
            .position(|found| *found == key)
            .and_then(|index| table.matched.get(index))
            .cloned()
            .unwrap_or_default()
    };
    let hardware_basis = basis_of(&header_of("hardware"));
    let software_basis = basis_of(&header_of("software"));
    let mut lines = ImportedCostLines {
        choice: table.choice(),
        sheet: table.sheet.clone(),
        skipped: table.skipped.clone(),
        warnings: table.warnings.clone(),
        sheets: table.sheets.clone(),
        rows: table.rows.len(),
        ..ImportedCostLines::default()
    };
    let mut summary = InventorySummary::default();
    let mut from_inputs: Vec<Location> = Vec::new();
    for row in &table.rows {
        let name = row
            .text("device")
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| format!("Device {}", row.location));
        let type_text = row.text("type").unwrap_or_default();
        let description = if type_text.trim().is_empty() {
            name
        } else {
            format!("{name} ({})", type_text.trim())
        };
        summary.devices += 1;
        count_kind(&mut summary, &type_text, options);
        let mut money = |key: &str| -> Option<(Decimal, Location)> {
            let cell = row.cell(key)?;
            let value = cell.value.number()?;
            if value < Decimal::ZERO {
                lines.skipped.push(Problem {
                    location: cell.location.clone(),
                    message: format!("{value} in column '{key}' is negative: cell skipped"),
                });
                return None;
            }
            (value > Decimal::ZERO).then(|| (value, cell.location.clone()))
        };
        if let Some((cost, at)) = money("hardware") {
            lines.hardware.push(HardwareLine {
                description: description.clone(),
                quantity: 1,
                unit_cost: cost,
                acquisition: match hardware_basis {
                    Basis::Purchase => Acquisition::Purchased,
                    _ => Acquisition::Monthly,
                },
                source: Some(at.to_string()),
            });
        }
        if let Some((cost, at)) = money("software") {
            lines.software.push(SoftwareLine {
                description: description.clone(),
                basis: SoftwareBasis::Flat,
                quantity: None,
                unit_cost: cost,
                billing: match software_basis {
                    Basis::Annual => SoftwareBilling::Annual,
                    _ => SoftwareBilling::Monthly,
                },
                source: Some(at.to_string()),
            });
        }
        if let Some((cost, at)) = money("affiliate") {
            lines.affiliates.push(AffiliateLine {
                description: description.clone(),
                model: AffiliateModel::DeviceBased {
                    unit_cost: cost,
                    period: FeePeriod::Month,
                    quantity: Some(1),
                },
                source: Some(at.to_string()),
            });
        }
        labour_of_row(row, &description, options, &mut lines, &mut from_inputs);
    }
    if let (Some(first), Some(last)) = (from_inputs.first(), from_inputs.last()) {
        lines.warnings.push(Problem {
            location: first.clone(),
            message: format!(
                "{} labour cost formula{} up to {last} without a calculated value: taken from the row's labour hours x rate",
                from_inputs.len(),
                if from_inputs.len() == 1 { "" } else { "s" }
            ),
        });
    }
    lines.inventory = Some(summary);
    lines
}

/// The labour of one device row: a calculated labour cost, else hours x the sheet's rate (or
/// the role's cost); nothing when the row has no labour.
fn labour_of_row(
    row: &ImportedRow,
    description: &str,
    options: &CostImportOptions,
    lines: &mut ImportedCostLines,
    from_inputs: &mut Vec<Location>,
) {
    let hours = row.number("labour_hours").filter(|hours| !hours.is_zero());
    let cost_uncalculated = row.uncalculated.contains(&"labour_cost");
    let cost = row
        .number("labour_cost")
        .filter(|cost| !cost.is_zero() && !cost_uncalculated);
    if hours.is_none() && cost.is_none() {
        return;
    }
    let rate = row.number("rate");
    let at = row
        .cell("labour_cost")
        .or_else(|| row.cell("labour_hours"))
        .map_or_else(|| row.location.clone(), |cell| cell.location.clone());
    if cost_uncalculated && hours.is_some() && rate.is_some() {
        from_inputs.push(at.clone());
    }
    let labour_description = format!("{description} labour");
    let result = match cost {
        Some(cost) => labour_line(
            &labour_description,
            None,
            None,
            Some(cost),
            None,
            options.labour.as_ref(),
        ),
        None => labour_line(
            &labour_description,
            hours,
            rate,
            None,
            None,
            options.labour.as_ref(),
        ),
    };
    match result {
        Ok(line) => lines.labour.push(line),
        Err(reason) => lines.skipped.push(Problem {
            location: at,
            message: format!("{reason}: labour skipped"),
        }),
    }
}

fn count_kind(summary: &mut InventorySummary, type_text: &str, options: &CostImportOptions) {
    let key = type_text.trim().to_string();
    let by_hand = options
        .kind_map
        .iter()
        .find(|(from, _)| normalize(from) == normalize(&key))
        .map(|(_, to)| to.clone());
    let kind = by_hand
        .or_else(|| device_kind(&key).map(str::to_string))
        .unwrap_or_default();
    if !kind.is_empty() {
        *summary.by_kind.entry(kind.clone()).or_default() += 1;
    }
    let entry = summary.mapping.entry(key).or_insert((kind, 0));
    entry.1 += 1;
}
