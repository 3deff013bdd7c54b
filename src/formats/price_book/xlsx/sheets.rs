//! The workbook's layout: one sheet per section of the book, its columns, and the book's
//! values as rows of canonical text (numbers normalised, percents without "%", flags "yes" or
//! "no"), each row with the key of the RON comments it carries.

use rust_decimal::Decimal;

/// How a column's cells are written and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A number (money, hours, counts): a numeric cell.
    Number,
    /// A percentage 0-100, written as "8%", read as 8, "8%" or a 0.08 percent-formatted cell.
    Percent,
    /// yes / no.
    Bool,
}

/// A column of a sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The header written (first) and the names read back.
    pub names: &'static [&'static str],
    pub kind: Kind,
    pub required: bool,
}

const fn col(names: &'static [&'static str], kind: Kind, required: bool) -> Column {
    Column {
        names,
        kind,
        required,
    }
}

/// A sheet: its name and value columns (a "Notes" column and two hidden columns holding the
/// exported values and notes follow them).
#[derive(Debug, Clone, Copy)]
pub struct SheetDef {
    pub name: &'static str,
    pub columns: &'static [Column],
    /// A book can leave the sheet out (an empty section).
    pub optional: bool,
}

use Kind::{Bool, Number, Percent, Text};

pub const BOOK: SheetDef = SheetDef {
    name: "Book",
    columns: &[col(&["Setting"], Text, true), col(&["Value"], Text, true)],
    optional: false,
};
pub const KINDS: SheetDef = SheetDef {
    name: "Device kinds",
    columns: &[
        col(&["Kind id"], Text, true),
        col(&["Kind name"], Text, true),
        col(&["Counted from users"], Bool, false),
    ],
    optional: false,
};
pub const TIERS: SheetDef = SheetDef {
    name: "Tiers",
    columns: &[
        col(&["Tier id"], Text, true),
        col(&["Tier name"], Text, true),
        col(&["Support hours"], Number, true),
        col(&["Flex hours"], Number, true),
        col(&["Internal reserve"], Number, true),
        col(&["Discount schedule"], Text, false),
    ],
    optional: false,
};
pub const PRICES: SheetDef = SheetDef {
    name: "Tier prices",
    columns: &[
        col(&["Price tier"], Text, true),
        col(&["Price kind"], Text, true),
        col(&["Monthly price"], Number, true),
    ],
    optional: false,
};
pub const INCLUSIONS: SheetDef = SheetDef {
    name: "Inclusions",
    columns: &[
        col(&["Inclusion tier"], Text, true),
        col(&["Inclusion"], Text, true),
    ],
    optional: true,
};
pub const OVERRIDES: SheetDef = SheetDef {
    name: "Rate overrides",
    columns: &[
        col(&["Override tier"], Text, true),
        col(&["Override rate"], Text, true),
        col(&["Tier pays"], Text, true),
        col(&["Condition"], Text, false),
    ],
    optional: true,
};
pub const KIND_SCHEDULES: SheetDef = SheetDef {
    name: "Kind schedules",
    columns: &[
        col(&["Schedule tier"], Text, true),
        col(&["Schedule kind"], Text, true),
        col(&["Kind schedule"], Text, true),
    ],
    optional: true,
};
pub const SCHEDULES: SheetDef = SheetDef {
    name: "Discount schedules",
    columns: &[
        col(&["Schedule id"], Text, true),
        col(&["Mode"], Text, true),
        col(&["Counted kind"], Text, true),
        col(&["Applies to kinds"], Text, true),
        col(&["Discountable add-ons"], Bool, false),
        col(&["Past last band"], Text, true),
    ],
    optional: true,
};
pub const BANDS: SheetDef = SheetDef {
    name: "Bands",
    columns: &[
        col(&["Band schedule"], Text, true),
        col(&["Min"], Number, true),
        col(&["Max"], Number, true),
        col(&["Discount %"], Percent, true),
    ],
    optional: true,
};
pub const TERMS: SheetDef = SheetDef {
    name: "Terms",
    columns: &[col(&["Term months"], Number, true)],
    optional: false,
};
pub const CREDITS: SheetDef = SheetDef {
    name: "Credits",
    columns: &[
        col(&["Credit term"], Number, true),
        col(&["Credit month"], Number, true),
        col(&["Credit amount"], Number, true),
        col(&["Credit per"], Text, true),
    ],
    optional: true,
};
pub const RATES: SheetDef = SheetDef {
    name: "Hourly rates",
    columns: &[
        col(&["Rate id"], Text, true),
        col(&["Rate name"], Text, true),
        col(&["Hourly rate"], Number, true),
        col(&["Billing increment minutes"], Number, true),
        col(&["Discountable"], Bool, false),
        col(&["On site"], Bool, false),
        col(&["Travel premium"], Number, false),
    ],
    optional: true,
};
pub const ADDONS: SheetDef = SheetDef {
    name: "Add-ons",
    columns: &[
        col(&["Add-on id"], Text, true),
        col(&["Add-on name"], Text, true),
        col(&["Unit"], Text, true),
        col(&["Add-on monthly price"], Number, true),
        col(&["Add-on discountable"], Bool, false),
    ],
    optional: true,
};
pub const ROLES: SheetDef = SheetDef {
    name: "Labour roles",
    columns: &[
        col(&["Role id"], Text, true),
        col(&["Role name"], Text, true),
        col(&["Hourly cost"], Number, true),
    ],
    optional: true,
};
pub const TASKS: SheetDef = SheetDef {
    name: "Tasks",
    columns: &[
        col(&["Task id"], Text, true),
        col(&["Task name"], Text, true),
        col(&["Task role"], Text, true),
        col(&["Hours per month"], Number, true),
        col(&["Hours by kind"], Text, false),
        col(&["Per group"], Bool, false),
        col(&["Components"], Text, false),
    ],
    optional: true,
};
pub const MARKUPS: SheetDef = SheetDef {
    name: "Markups",
    columns: &[
        col(&["Markup category"], Text, true),
        col(&["Markup percent"], Percent, true),
    ],
    optional: true,
};
pub const REQUIREMENTS: SheetDef = SheetDef {
    name: "Requirements",
    columns: &[col(&["Customer requirement"], Text, true)],
    optional: true,
};
pub const PATCHES: SheetDef = SheetDef {
    name: "Patch targets",
    columns: &[
        col(&["Patch class"], Text, true),
        col(&["Patch target"], Text, true),
    ],
    optional: true,
};
pub const OPTIONS: SheetDef = SheetDef {
    name: "Options",
    columns: &[
        col(&["Option section"], Text, true),
        col(&["Option RON"], Text, true),
    ],
    optional: true,
};
/// Comments that belong to no row (section headings, the file's header).
pub const NOTES: SheetDef = SheetDef {
    name: "Notes",
    columns: &[col(&["Note key"], Text, true), col(&["Note"], Text, true)],
    optional: true,
};

/// Every sheet, in workbook order.
pub const ALL: [&SheetDef; 20] = [
    &BOOK,
    &KINDS,
    &TIERS,
    &PRICES,
    &INCLUSIONS,
    &OVERRIDES,
    &KIND_SCHEDULES,
    &SCHEDULES,
    &BANDS,
    &TERMS,
    &CREDITS,
    &RATES,
    &ADDONS,
    &ROLES,
    &TASKS,
    &MARKUPS,
    &REQUIREMENTS,
    &PATCHES,
    &OPTIONS,
    &NOTES,
];

/// The kind of each setting of the Book sheet's Value column (by setting name).
pub fn setting_kind(setting: &str) -> Kind {
    match setting {
        "currency.decimals"
        | "setup.amount"
        | "contract.liquidated_damages_months"
        | "contract.quote_valid_days"
        | "technical_support.accrual_increment_minutes"
        | "flex_time.bank_cap_hours"
        | "flex_time.on_site_block_hours"
        | "cost_defaults.setup_cost_per_device" => Number,
        "contract.late_fee_percent_per_month"
        | "guardrails.max_extra_discount_percent"
        | "guardrails.margin_floor_percent" => Percent,
        "setup.upfront_offered"
        | "setup.amortized_offered"
        | "technical_support.carry_over"
        | "flex_time.expires_at_calendar_year_end" => Bool,
        _ => Text,
    }
}

/// One row: the comment key it carries and its values (canonical text, "" when empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub values: Vec<String>,
}

/// A sheet's rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub def: &'static SheetDef,
    pub rows: Vec<Row>,
}

/// A number's canonical text: normalised ("750.00" -> "750"); other text as it is.
pub fn canonical_number(text: &str) -> String {
    text.trim()
        .parse::<Decimal>()
        .map_or_else(|_| text.trim().to_string(), |d| d.normalize().to_string())
}

pub fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

/// The separator of list cells ("Applies to kinds", "Components").
pub const LIST_SEPARATOR: &str = ", ";

/// The separator of "kind=hours" pairs in "Hours by kind".
pub const PAIR_SEPARATOR: &str = "; ";

/// The text of an enum variant as RON writes it (`last_rate_with_warning`).
pub fn variant<T: serde::Serialize>(value: &T) -> String {
    ron::ser::to_string(value).unwrap_or_default()
}

impl Column {
    /// The header text written to the sheet.
    pub fn header(&self) -> &'static str {
        self.names.first().copied().unwrap_or("")
    }
}

/// The comment key of a row of `def` with these values (as `to_sheets` gives it).
pub fn key_of(def: &SheetDef, values: &[String]) -> String {
    let v = |index: usize| values.get(index).map_or("", String::as_str);
    match def.name {
        "Book" => v(0).replace('.', "/"),
        "Device kinds" => format!("device_kinds/{}", v(0)),
        "Tiers" => format!("tiers/{}", v(0)),
        "Tier prices" => format!("tiers/{}/monthly_prices", v(0)),
        "Inclusions" => format!("tiers/{}/inclusions", v(0)),
        "Rate overrides" => format!("tiers/{}/rate_overrides", v(0)),
        "Kind schedules" => format!("tiers/{}/kind_discount_schedules", v(0)),
        "Discount schedules" => format!("discount_schedules/{}", v(0)),
        "Bands" => format!("discount_schedules/{}/bands/min={}", v(0), v(1)),
        "Terms" => format!("terms/months={}", v(0)),
        "Credits" => format!("terms/months={}/credits/month={}", v(0), v(1)),
        "Hourly rates" => format!("hourly_rates/{}", v(0)),
        "Add-ons" => format!("addons/{}", v(0)),
        "Labour roles" => format!("cost_defaults/labour_roles/{}", v(0)),
        "Tasks" => format!("cost_defaults/tasks/{}", v(0)),
        "Markups" => format!("cost_defaults/markups/{}", v(0)),
        "Requirements" => "customer_requirements".to_string(),
        "Patch targets" => format!("patch_targets/{}", v(0)),
        _ => v(0).to_string(),
    }
}
