//! The pricing options a quote carries beside its tiers (components, phases, a complete
//! package): plain data beside [`Quote`](super::quote::Quote); the functions that price them
//! are in [`options`](super::options).

/// What a quote chose instead of a tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComponentChoice {
    /// A single service by component id ("monitoring").
    Component(String),
    /// A phase of the phased path (1-4).
    Phase(u32),
}

/// A component or phase chosen for a number of devices of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentLine {
    pub choice: ComponentChoice,
    /// Device kind id ("server").
    pub kind: String,
    /// Devices in the group (at least 1).
    pub count: u32,
}

/// Whether the provider owns the bundle's hardware and software or leases it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Acquisition {
    /// Bought; the cost is spread evenly over the term.
    #[default]
    Owned,
    /// Leased; each item is an annuity over the term at the book's lease rate.
    Leased,
}

impl Acquisition {
    /// The CLI and JSON name ("owned", "leased").
    pub fn name(self) -> &'static str {
        match self {
            Acquisition::Owned => "owned",
            Acquisition::Leased => "leased",
        }
    }
}

/// How a quote names its complete package: a band id ("11-25") or a number of users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageSelector {
    /// The band with this id.
    Band(String),
    /// The band whose user range holds this many users.
    Users(u32),
}

/// A complete package chosen on a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageChoice {
    pub selector: PackageSelector,
    /// Owned (spread over the term) or leased.
    pub acquisition: Acquisition,
}

/// The options a quote carries besides its tiers; empty by default.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteOptions {
    /// Single-service lines (`ComponentChoice::Component`).
    pub components: Vec<ComponentLine>,
    /// Phased-path lines (`ComponentChoice::Phase`).
    pub phases: Vec<ComponentLine>,
    pub package: Option<PackageChoice>,
}

impl QuoteOptions {
    /// True when no component, phase or package is chosen.
    pub fn is_empty(&self) -> bool {
        self.components.is_empty() && self.phases.is_empty() && self.package.is_none()
    }
}
