//! Rows read from the workbook -> a raw price book, each value remembering its cell.
//!
//! Only the workbook's shape is checked here (known sheets, ids that rows refer to, words such
//! as `volume` or `per_contract`); the book's rules are checked afterwards by the same
//! validation as a RON file.

use std::collections::BTreeMap;

use super::super::raw::*;
use super::read::ReadRow;
use super::sheets::PAIR_SEPARATOR;
use crate::formats::problem::{Location, Problem};

/// The rows of every sheet, by sheet name.
pub type SheetRows = BTreeMap<&'static str, Vec<ReadRow>>;

/// The rows of sheet `name` (none when the sheet was not read).
pub fn rows_of<'a>(sheets: &'a SheetRows, name: &str) -> &'a [ReadRow] {
    sheets.get(name).map_or(&[], Vec::as_slice)
}

/// A raw book being assembled, with the problems found and each field path's cell.
#[derive(Default)]
pub struct Assembly {
    pub problems: Vec<Problem>,
    /// Field path (`tiers[1].monthly_prices.server`) -> where its value was read.
    pub paths: Vec<(String, Location)>,
}

impl Assembly {
    fn problem(&mut self, location: Location, message: impl Into<String>) {
        self.problems.push(Problem {
            location,
            message: message.into(),
        });
    }

    fn path(&mut self, path: impl Into<String>, location: Location) {
        self.paths.push((path.into(), location));
    }

    /// A RON word (`volume`, `per_contract`, `A4`) read as the raw enum.
    pub fn word<T: serde::de::DeserializeOwned>(
        &mut self,
        row: &ReadRow,
        index: usize,
        what: &str,
    ) -> Option<T> {
        let text = row.values.get(index).map_or("", String::as_str).trim();
        let word = text.to_lowercase().replace([' ', '-'], "_");
        let candidates = [word.clone(), text.to_string(), text.to_uppercase()];
        let parsed = candidates.iter().find_map(|w| ron::from_str::<T>(w).ok());
        if parsed.is_none() {
            self.problem(row.at(index), format!("'{text}' is not a {what}"));
        }
        parsed
    }

    pub fn count(&mut self, row: &ReadRow, index: usize) -> u32 {
        let text = row.values.get(index).map_or("", String::as_str);
        text.parse::<u32>().unwrap_or_else(|_| {
            self.problem(row.at(index), format!("'{text}' is not a whole number"));
            0
        })
    }
}

fn value(row: &ReadRow, index: usize) -> String {
    row.values.get(index).cloned().unwrap_or_default()
}

fn flag(row: &ReadRow, index: usize) -> bool {
    value(row, index) == "yes"
}

fn list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every setting of the Book sheet.
const SETTINGS: [&str; 26] = [
    "id",
    "name",
    "version",
    "effective_date",
    "currency.code",
    "currency.symbol",
    "currency.decimals",
    "setup.amount",
    "setup.upfront_offered",
    "setup.amortized_offered",
    "contract.late_fee_percent_per_month",
    "contract.liquidated_damages_months",
    "contract.quote_valid_days",
    "technical_support.accrual_increment_minutes",
    "technical_support.carry_over",
    "flex_time.bank_cap_hours",
    "flex_time.expires_at_calendar_year_end",
    "flex_time.on_site_block_hours",
    "guardrails.max_extra_discount_percent",
    "guardrails.margin_floor_percent",
    "branding.company_name",
    "branding.address_lines",
    "branding.logo",
    "branding.accent_colour",
    "branding.paper",
    "cost_defaults.setup_cost_per_device",
];

/// The Book sheet's settings, by setting name, with their rows.
fn settings(rows: &[ReadRow]) -> BTreeMap<String, &ReadRow> {
    rows.iter().map(|row| (value(row, 0), row)).collect()
}

/// The raw book from the sheets' rows.
pub fn raw_book(sheets: &SheetRows, assembly: &mut Assembly) -> RawPriceBook {
    let rows = |name: &str| rows_of(sheets, name);
    let book = settings(rows("Book"));
    for row in rows("Book") {
        let setting = value(row, 0);
        if !SETTINGS.contains(&setting.as_str()) {
            assembly.problem(
                row.at(0),
                format!(
                    "unknown setting '{setting}' (the Book sheet's settings: {})",
                    SETTINGS.join(", ")
                ),
            );
        }
    }
    let get = |assembly: &mut Assembly, setting: &str| -> String {
        match book.get(setting) {
            Some(row) => {
                assembly.path(setting.to_string(), row.at(1));
                value(row, 1)
            }
            None => {
                assembly.problem(
                    Location::Whole,
                    format!("sheet 'Book' has no row for '{setting}'"),
                );
                String::new()
            }
        }
    };
    let count = |assembly: &mut Assembly, setting: &str| -> u32 {
        let text = get(assembly, setting);
        text.parse().unwrap_or_else(|_| {
            let location = book.get(setting).map_or(Location::Whole, |row| row.at(1));
            assembly.problem(location, format!("'{text}' is not a whole number"));
            0
        })
    };
    let yes = |assembly: &mut Assembly, setting: &str| -> bool {
        let text = book.get(setting).map_or(String::new(), |row| value(row, 1));
        match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "x" => true,
            "no" | "n" | "false" | "0" | "" => false,
            other => {
                let location = book.get(setting).map_or(Location::Whole, |row| row.at(1));
                assembly.problem(location, format!("'{other}' is not yes or no"));
                false
            }
        }
    };
    let paper = match book.get("branding.paper") {
        Some(row) => assembly.word::<RawPaperSize>(row, 1, "paper size (A4 or Letter)"),
        None => None,
    };
    let cost_setup = book
        .get("cost_defaults.setup_cost_per_device")
        .map_or(String::new(), |row| value(row, 1));
    let address = get(assembly, "branding.address_lines");
    let logo = get(assembly, "branding.logo");
    let mut raw = RawPriceBook {
        id: get(assembly, "id"),
        name: get(assembly, "name"),
        version: get(assembly, "version"),
        effective_date: get(assembly, "effective_date"),
        currency: RawCurrency {
            code: get(assembly, "currency.code"),
            symbol: get(assembly, "currency.symbol"),
            decimals: count(assembly, "currency.decimals"),
        },
        device_kinds: Vec::new(),
        tiers: Vec::new(),
        discount_schedules: Vec::new(),
        terms: Vec::new(),
        setup: RawSetup {
            amount: get(assembly, "setup.amount"),
            upfront_offered: yes(assembly, "setup.upfront_offered"),
            amortized_offered: yes(assembly, "setup.amortized_offered"),
        },
        hourly_rates: Vec::new(),
        addons: Vec::new(),
        contract: RawContract {
            late_fee_percent_per_month: get(assembly, "contract.late_fee_percent_per_month"),
            liquidated_damages_months: count(assembly, "contract.liquidated_damages_months"),
            quote_valid_days: count(assembly, "contract.quote_valid_days"),
        },
        technical_support: RawTechnicalSupport {
            accrual_increment_minutes: count(
                assembly,
                "technical_support.accrual_increment_minutes",
            ),
            carry_over: yes(assembly, "technical_support.carry_over"),
        },
        flex_time: RawFlexTime {
            bank_cap_hours: get(assembly, "flex_time.bank_cap_hours"),
            expires_at_calendar_year_end: yes(assembly, "flex_time.expires_at_calendar_year_end"),
            on_site_block_hours: get(assembly, "flex_time.on_site_block_hours"),
        },
        guardrails: RawGuardrails {
            max_extra_discount_percent: get(assembly, "guardrails.max_extra_discount_percent"),
            margin_floor_percent: get(assembly, "guardrails.margin_floor_percent"),
        },
        customer_requirements: rows("Requirements")
            .iter()
            .map(|row| value(row, 0))
            .collect(),
        patch_targets: rows("Patch targets")
            .iter()
            .map(|row| RawPatchTarget {
                class: value(row, 0),
                target: value(row, 1),
            })
            .collect(),
        // From the Options sheet's "service_levels" row, when the book has the section.
        service_levels: None,
        branding: RawBranding {
            company_name: get(assembly, "branding.company_name"),
            address_lines: address
                .lines()
                .map(str::to_string)
                .filter(|l| !l.is_empty())
                .collect(),
            logo: (!logo.is_empty()).then_some(logo),
            accent_colour: get(assembly, "branding.accent_colour"),
            paper: paper.unwrap_or(RawPaperSize::Letter),
        },
        cost_defaults: None,
        service_components: None,
        phased_path: Vec::new(),
        packages: None,
        time_materials: None,
        assessment: None,
    };
    raw.device_kinds = rows("Device kinds")
        .iter()
        .enumerate()
        .map(|(index, row)| {
            assembly.path(format!("device_kinds[{index}]"), row.location.clone());
            RawDeviceKind {
                id: value(row, 0),
                name: value(row, 1),
                counted_from_users: flag(row, 2),
            }
        })
        .collect();
    super::from_sheets_parts::tiers(&mut raw, sheets, assembly);
    super::from_sheets_parts::schedules(&mut raw, sheets, assembly);
    super::from_sheets_parts::terms(&mut raw, sheets, assembly);
    super::from_sheets_parts::rates_and_addons(&mut raw, sheets, assembly);
    let has_costs = !cost_setup.is_empty()
        || ["Labour roles", "Tasks", "Markups"]
            .iter()
            .any(|name| !rows(name).is_empty());
    if has_costs {
        raw.cost_defaults = Some(cost_defaults(sheets, cost_setup, assembly));
    }
    super::from_sheets_parts::options(&mut raw, rows("Options"), assembly);
    raw
}

fn cost_defaults(
    sheets: &SheetRows,
    setup_cost: String,
    assembly: &mut Assembly,
) -> RawCostDefaults {
    let rows = |name: &str| rows_of(sheets, name);
    let labour_roles = rows("Labour roles")
        .iter()
        .enumerate()
        .map(|(index, row)| {
            assembly.path(
                format!("cost_defaults.labour_roles[{index}]"),
                row.location.clone(),
            );
            RawLabourRole {
                id: value(row, 0),
                name: value(row, 1),
                hourly_cost: value(row, 2),
            }
        })
        .collect();
    let tasks = rows("Tasks")
        .iter()
        .enumerate()
        .map(|(index, row)| {
            assembly.path(
                format!("cost_defaults.tasks[{index}]"),
                row.location.clone(),
            );
            let mut hours_by_kind = BTreeMap::new();
            for pair in value(row, 4)
                .split(PAIR_SEPARATOR.trim())
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                match pair.split_once('=') {
                    Some((kind, hours)) => {
                        hours_by_kind.insert(kind.trim().to_string(), hours.trim().to_string());
                    }
                    None => assembly.problem(row.at(4), format!("'{pair}' is not kind=hours")),
                }
            }
            RawLabourTask {
                id: value(row, 0),
                name: value(row, 1),
                role: value(row, 2),
                hours_per_month: value(row, 3),
                hours_by_kind,
                per_group: flag(row, 5),
                components: list(&value(row, 6)),
            }
        })
        .collect();
    let markups = rows("Markups")
        .iter()
        .map(|row| {
            assembly.path(
                format!("cost_defaults.markups.{}", value(row, 0)),
                row.at(1),
            );
            (value(row, 0), value(row, 1))
        })
        .collect();
    RawCostDefaults {
        labour_roles,
        tasks,
        markups,
        setup_cost_per_device: if setup_cost.is_empty() {
            "0".to_string()
        } else {
            setup_cost
        },
    }
}
