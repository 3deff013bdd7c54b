//! What changed between a quote's saved figures and a fresh pricing.

use rust_decimal::Decimal;

use super::PricedQuote;
use crate::core::quote::{PricedSnapshot, SnapshotLine};

/// The figures of a priced quote worth keeping in its file.
pub fn snapshot_of(priced: &PricedQuote) -> PricedSnapshot {
    let mut lines: Vec<SnapshotLine> = priced
        .lines
        .iter()
        .map(|line| SnapshotLine {
            label: format!("{} {} x{}", line.tier, line.kind, line.count),
            unit_net: line.unit_net,
            monthly: line.monthly,
        })
        .collect();
    lines.extend(priced.addons.iter().map(|addon| SnapshotLine {
        label: format!("addon {} x{}", addon.id, addon.quantity),
        unit_net: addon.unit_net,
        monthly: addon.monthly,
    }));
    PricedSnapshot {
        lines,
        monthly_recurring: priced.monthly_recurring,
        total_contract_value: priced.total_contract_value,
    }
}

/// A figure that differs between the saved snapshot and the fresh pricing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    /// The line's label, or "monthly recurring" / "total contract value".
    pub label: String,
    /// The saved figure (`None` when the line is new).
    pub old: Option<Decimal>,
    /// The fresh figure (`None` when the line is gone).
    pub new: Option<Decimal>,
}

/// Compares the monthly amount of every line, the monthly recurring and the total contract
/// value of `old` with `new`; returns only what differs, in line order.
pub fn compare_with_snapshot(old: &PricedSnapshot, new: &PricedQuote) -> Vec<LineChange> {
    let fresh = snapshot_of(new);
    let mut changes = Vec::new();
    for line in &old.lines {
        let now = fresh.lines.iter().find(|l| l.label == line.label);
        if now.map(|l| l.monthly) != Some(line.monthly) {
            changes.push(LineChange {
                label: line.label.clone(),
                old: Some(line.monthly),
                new: now.map(|l| l.monthly),
            });
        }
    }
    for line in &fresh.lines {
        if !old.lines.iter().any(|l| l.label == line.label) {
            changes.push(LineChange {
                label: line.label.clone(),
                old: None,
                new: Some(line.monthly),
            });
        }
    }
    for (label, before, after) in [
        (
            "monthly recurring",
            old.monthly_recurring,
            fresh.monthly_recurring,
        ),
        (
            "total contract value",
            old.total_contract_value,
            fresh.total_contract_value,
        ),
    ] {
        if before != after {
            changes.push(LineChange {
                label: label.to_string(),
                old: Some(before),
                new: Some(after),
            });
        }
    }
    changes
}

/// Warnings for a quote priced with a different book than the one it pins: one naming both
/// versions, then one per changed figure when the quote kept a snapshot.
pub fn repricing_warnings(
    pinned: Option<&crate::core::quote::PriceBookPin>,
    snapshot: Option<&PricedSnapshot>,
    current: &crate::core::quote::PriceBookPin,
    priced: &PricedQuote,
) -> Vec<super::Warning> {
    let Some(pinned) = pinned else {
        return Vec::new();
    };
    if pinned.sha256 == current.sha256 {
        return Vec::new();
    }
    let short = |sha: &str| sha.chars().take(12).collect::<String>();
    let mut warnings = vec![super::Warning {
        kind: super::WarningKind::PriceBookChanged,
        field: super::WarningField::PriceBook,
        message: format!(
            "quote was priced with price book {} {} (sha256 {}), now priced with {} {} (sha256 {})",
            pinned.id,
            pinned.version,
            short(&pinned.sha256),
            current.id,
            current.version,
            short(&current.sha256)
        ),
    }];
    if let Some(snapshot) = snapshot {
        let decimals = priced.currency.decimals;
        let text = |amount: Option<Decimal>| {
            amount.map_or("none".to_string(), |a| {
                crate::core::money::plain(a, decimals)
            })
        };
        warnings.extend(
            compare_with_snapshot(snapshot, priced)
                .into_iter()
                .map(|change| super::Warning {
                    kind: super::WarningKind::PriceBookChanged,
                    field: super::WarningField::PriceBook,
                    message: format!(
                        "{}: {} -> {}",
                        change.label,
                        text(change.old),
                        text(change.new)
                    ),
                }),
        );
    }
    warnings
}
