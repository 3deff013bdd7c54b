//! Device and add-on lines, both ways: one conversion serves the quote's own lines and each
//! amendment's complete configuration, so both get the same limits and field paths.

use super::raw::{RawAddOnLine, RawDeviceLine};
use crate::core::limits::MAX_QUOTE_DEVICES;
use crate::core::quote::{AddOnLine, DeviceLine};
use crate::formats::problem::Checker;

/// Converts device lines written at `path` (`devices`, `amendments[0].devices`), recording a
/// count above the count limit at `path[i].count` and a sum above [`MAX_QUOTE_DEVICES`] at
/// `path`. A count of 0 passes: it is for a per-user kind (the engine takes the quote's users
/// and refuses it for any other kind).
pub(super) fn device_lines_from_raw(
    lines: &[RawDeviceLine],
    path: &str,
    check: &mut Checker,
) -> Vec<DeviceLine> {
    let total_devices: u64 = lines.iter().map(|line| u64::from(line.count)).sum();
    let devices = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            check.count(format!("{path}[{index}].count"), line.count);
            DeviceLine {
                tier: line.tier.clone(),
                kind: line.kind.clone(),
                count: line.count,
            }
        })
        .collect();
    if total_devices > MAX_QUOTE_DEVICES {
        check.error(
            path,
            format!("{total_devices} devices in all is above the limit of 100,000,000"),
        );
    }
    devices
}

/// Converts add-on lines written at `path` (`addons`, `amendments[0].addons`), recording a
/// quantity of 0 or above the count limit at `path[i].quantity`.
pub(super) fn addon_lines_from_raw(
    lines: &[RawAddOnLine],
    path: &str,
    check: &mut Checker,
) -> Vec<AddOnLine> {
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let field = format!("{path}[{index}].quantity");
            if line.quantity == 0 {
                check.error(field.clone(), "quantity is 0; quantities start at 1");
            }
            check.count(field, line.quantity);
            AddOnLine {
                id: line.id.clone(),
                quantity: line.quantity,
            }
        })
        .collect()
}

/// Device lines as written.
pub(super) fn device_lines_to_raw(lines: &[DeviceLine]) -> Vec<RawDeviceLine> {
    lines
        .iter()
        .map(|line| RawDeviceLine {
            tier: line.tier.clone(),
            kind: line.kind.clone(),
            count: line.count,
        })
        .collect()
}

/// Add-on lines as written.
pub(super) fn addon_lines_to_raw(lines: &[AddOnLine]) -> Vec<RawAddOnLine> {
    lines
        .iter()
        .map(|line| RawAddOnLine {
            id: line.id.clone(),
            quantity: line.quantity,
        })
        .collect()
}
