//! The waterfall from list to net unit price, with checked arithmetic.

use rust_decimal::Decimal;

use super::{WaterfallStep, WaterfallStepKind};
use crate::core::money::{Checked, round_half_away};

/// The steps from `unit_list` to the net unit price: the quantity discount `percent` (when
/// `discountable`), the `extra` discount, rounding to `decimals` places; `None` when a step
/// overflows.
pub(super) fn waterfall(
    unit_list: Decimal,
    percent: Decimal,
    extra: Decimal,
    discountable: bool,
    decimals: u32,
) -> Option<Vec<WaterfallStep>> {
    let mut steps = vec![WaterfallStep {
        kind: WaterfallStepKind::List,
        change: unit_list,
        running: unit_list,
    }];
    let mut running = unit_list;
    if discountable && !percent.is_zero() {
        let after = discounted(running.into(), percent).value()?;
        steps.push(WaterfallStep {
            kind: WaterfallStepKind::QuantityDiscount { percent },
            change: (Checked::from(after) - running).value()?,
            running: after,
        });
        running = after;
    }
    if !extra.is_zero() {
        let after = discounted(running.into(), extra).value()?;
        steps.push(WaterfallStep {
            kind: WaterfallStepKind::ExtraDiscount { percent: extra },
            change: (Checked::from(after) - running).value()?,
            running: after,
        });
        running = after;
    }
    let net = round_half_away(running, decimals);
    if net != running {
        steps.push(WaterfallStep {
            kind: WaterfallStepKind::Rounding,
            change: (Checked::from(net) - running).value()?,
            running: net,
        });
    }
    steps.push(WaterfallStep {
        kind: WaterfallStepKind::Net,
        change: Decimal::ZERO,
        running: net,
    });
    Some(steps)
}

/// `amount x (100 - percent) / 100`, checked: the multiplication comes first, as the rules
/// write it, so that exact results stay exact.
pub(super) fn discounted(amount: Checked, percent: Decimal) -> Checked {
    match (Checked::from(Decimal::ONE_HUNDRED) - percent).value() {
        Some(kept) => amount.percent(kept),
        None => Checked::OVERFLOW,
    }
}
