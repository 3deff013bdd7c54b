//! A quote's pricing options as written in RON, and their conversion into
//! [`QuoteOptions`] with every problem located by field path:
//!
//! ```ron
//! options: (
//!     components: [(component: "monitoring", kind: "server", count: 5)],
//!     phases: [(phase: 2, kind: "workstation", count: 20)],
//!     package: Some((band: Some("11-25"), acquisition: leased)),
//! ),
//! ```

use serde::{Deserialize, Serialize};

use crate::core::options::components::{ComponentChoice, ComponentLine};
use crate::core::options::package::Acquisition;
use crate::core::options::{PackageChoice, PackageSelector, QuoteOptions};
use crate::formats::problem::Checker;

/// `options: (...)` in a quote file (omitted when the quote has none).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuoteOptions {
    #[serde(default)]
    pub components: Vec<RawComponentLine>,
    #[serde(default)]
    pub phases: Vec<RawPhaseLine>,
    #[serde(default)]
    pub package: Option<RawPackageChoice>,
}

impl RawQuoteOptions {
    /// True when nothing is chosen (the field is then left out of a saved file).
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.phases.is_empty() && self.package.is_none()
    }
}

/// `(component: "monitoring", kind: "server", count: 5)`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponentLine {
    pub component: String,
    pub kind: String,
    pub count: u32,
}

/// `(phase: 2, kind: "server", count: 5)`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhaseLine {
    pub phase: u32,
    pub kind: String,
    pub count: u32,
}

/// `(band: Some("11-25"), acquisition: owned)` or `(users: Some(18), acquisition: leased)`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackageChoice {
    #[serde(default)]
    pub band: Option<String>,
    #[serde(default)]
    pub users: Option<u32>,
    #[serde(default)]
    pub acquisition: RawAcquisition,
}

/// `owned` (default) or `leased`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawAcquisition {
    #[default]
    Owned,
    Leased,
}

fn devices_part(check: &mut Checker, path: &str, kind: &str, count: u32) -> String {
    if kind.trim().is_empty() {
        check.error(format!("{path}.kind"), "no device kind");
    }
    if count == 0 {
        check.error(format!("{path}.count"), "count is 0; counts start at 1");
    }
    check.count(format!("{path}.count"), count);
    kind.to_string()
}

/// Converts raw options found at field path `path`, recording every problem in `check`.
/// Ids are kept as written (like device lines) and checked against the book when the options
/// are priced, so the round trip is exact.
pub fn options_from_raw(raw: &RawQuoteOptions, path: &str, check: &mut Checker) -> QuoteOptions {
    let components = raw
        .components
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let at = format!("{path}.components[{index}]");
            if line.component.trim().is_empty() {
                check.error(format!("{at}.component"), "no component id");
            }
            ComponentLine {
                choice: ComponentChoice::Component(line.component.clone()),
                kind: devices_part(check, &at, &line.kind, line.count),
                count: line.count,
            }
        })
        .collect();
    let phases = raw
        .phases
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let at = format!("{path}.phases[{index}]");
            if line.phase == 0 {
                check.error(format!("{at}.phase"), "phase is 0; phases start at 1");
            }
            ComponentLine {
                choice: ComponentChoice::Phase(line.phase),
                kind: devices_part(check, &at, &line.kind, line.count),
                count: line.count,
            }
        })
        .collect();
    let package = raw.package.as_ref().and_then(|choice| {
        let at = format!("{path}.package");
        let selector = match (&choice.band, choice.users) {
            (Some(band), None) if !band.trim().is_empty() => {
                Some(PackageSelector::Band(band.clone()))
            }
            (None, Some(users)) if users >= 1 => Some(PackageSelector::Users(users)),
            (None, Some(_)) => {
                check.error(
                    format!("{at}.users"),
                    "users is 0; a package is for at least 1 user",
                );
                None
            }
            (Some(_), None) => {
                check.error(format!("{at}.band"), "no band id");
                None
            }
            _ => {
                check.error(at, "name exactly one of band (\"11-25\") or users (18)");
                None
            }
        };
        selector.map(|selector| PackageChoice {
            selector,
            acquisition: match choice.acquisition {
                RawAcquisition::Owned => Acquisition::Owned,
                RawAcquisition::Leased => Acquisition::Leased,
            },
        })
    });
    QuoteOptions {
        components,
        phases,
        package,
    }
}

/// The options as written in RON (parsing them gives the same options back).
pub fn options_to_raw(options: &QuoteOptions) -> RawQuoteOptions {
    let line_parts = |line: &ComponentLine| (line.kind.clone(), line.count);
    RawQuoteOptions {
        components: options
            .components
            .iter()
            .filter_map(|line| match &line.choice {
                ComponentChoice::Component(id) => {
                    let (kind, count) = line_parts(line);
                    Some(RawComponentLine {
                        component: id.clone(),
                        kind,
                        count,
                    })
                }
                ComponentChoice::Phase(_) => None,
            })
            .collect(),
        phases: options
            .phases
            .iter()
            .filter_map(|line| match &line.choice {
                ComponentChoice::Phase(phase) => {
                    let (kind, count) = line_parts(line);
                    Some(RawPhaseLine {
                        phase: *phase,
                        kind,
                        count,
                    })
                }
                ComponentChoice::Component(_) => None,
            })
            .collect(),
        package: options.package.as_ref().map(|choice| {
            let (band, users) = match &choice.selector {
                PackageSelector::Band(id) => (Some(id.clone()), None),
                PackageSelector::Users(users) => (None, Some(*users)),
            };
            RawPackageChoice {
                band,
                users,
                acquisition: match choice.acquisition {
                    Acquisition::Owned => RawAcquisition::Owned,
                    Acquisition::Leased => RawAcquisition::Leased,
                },
            }
        }),
    }
}
