//! The support-hour ledger: month by month, the technical-support and flex hours a contract
//! includes, and what logged usage is covered and what is billable (pricing-rules.md section 1,
//! tier notes).
//!
//! # Rules
//! - Included technical support: `devices x tier's support hours` each month (rounded down to
//!   the accrual increment); used in the month or lost, never carried over.
//! - Flex time: `devices x tier's flex hours` accrue at the start of each month into a bank
//!   capped at `flex_time.bank_cap_hours` (accrual above the cap is forfeited); the bank expires
//!   at the end of each calendar year (31 December), when `expires_at_calendar_year_end`.
//! - Usage is counted in the accrual increment (15 minutes), rounded up.
//!   - `support`: the month's included hours first, then the flex bank, then billable at the
//!     time-and-materials remote normal rate.
//!   - `flex`: remote work from the flex bank, then billable at the remote normal rate.
//!   - `flex-onsite`: on-site work taken from the bank in whole blocks
//!     (`flex_time.on_site_block_hours`, 4 h): as many blocks as the work needs and the bank
//!     holds; the hours those blocks do not cover are billable at the on-site normal rate.
//! - Billable hours are rounded up to the billing rate's increment; amounts are hours x rate,
//!   rounded half away from zero to the cent. The quantity discount never applies.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::OptionError;
use super::time_materials::{Place, Urgency, rate_for};
use crate::core::limits::{MAX_COUNT, MAX_HOURS};
use crate::core::money::{AmountTooLarge, Checked};
use crate::core::price_book::{PriceBook, join_display};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    /// 1-12.
    pub month: u32,
}

impl YearMonth {
    /// The month after this one.
    pub fn next(self) -> YearMonth {
        if self.month >= 12 {
            YearMonth {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month.saturating_add(1),
            }
        }
    }

    /// 31 December of this month's year.
    pub fn year_end(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, 12, 31)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What logged hours were used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsageKind {
    /// Remote or phone technical support.
    Support,
    /// Remote work taken from the flex bank.
    Flex,
    /// On-site project work taken from the flex bank in blocks.
    FlexOnSite,
}

impl UsageKind {
    /// The CLI and JSON name ("support", "flex", "flex-onsite").
    pub fn name(self) -> &'static str {
        match self {
            UsageKind::Support => "support",
            UsageKind::Flex => "flex",
            UsageKind::FlexOnSite => "flex-onsite",
        }
    }
}

/// Hours logged in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub month: YearMonth,
    pub kind: UsageKind,
    /// Hours of work (more than 0).
    pub hours: Decimal,
}

/// What the ledger is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRequest {
    pub start: YearMonth,
    /// Months to show (1-600).
    pub months: u32,
    /// Managed devices (at least 1).
    pub devices: u32,
    /// The tier whose included hours accrue.
    pub tier: String,
    pub usage: Vec<Usage>,
}

/// What happened to one usage entry.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageOutcome {
    pub kind: UsageKind,
    pub hours_logged: Decimal,
    /// Hours counted after rounding up to the accrual increment (support, flex) or blocks
    /// needed (flex-onsite).
    pub hours_counted: Decimal,
    pub covered_by_support: Decimal,
    pub covered_by_flex: Decimal,
    /// Hours billed, rounded up to the billing rate's increment.
    pub billable_hours: Decimal,
    /// The rate billable hours are charged at (None when nothing is billable).
    pub rate_id: Option<String>,
    pub hourly_rate: Decimal,
    pub amount: Decimal,
}

/// One month of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerMonth {
    pub month: YearMonth,
    pub support_included: Decimal,
    pub support_used: Decimal,
    /// Included hours not used this month (lost).
    pub support_lost: Decimal,
    pub flex_opening: Decimal,
    /// Hours added to the bank this month (after the cap).
    pub flex_accrued: Decimal,
    /// Accrual that did not fit under the cap.
    pub flex_forfeited_at_cap: Decimal,
    pub flex_used: Decimal,
    /// Bank expired at the end of this month (December only).
    pub flex_expired: Decimal,
    pub flex_closing: Decimal,
    /// When the bank expires (31 December of this year), if it does.
    pub flex_expires_on: Option<NaiveDate>,
    pub usage: Vec<UsageOutcome>,
    pub billable_amount: Decimal,
}

/// The ledger over the requested months.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    pub tier: String,
    pub devices: u32,
    pub bank_cap_hours: Decimal,
    pub on_site_block_hours: Decimal,
    pub months: Vec<LedgerMonth>,
    pub support_included: Decimal,
    pub support_used: Decimal,
    pub support_lost: Decimal,
    pub flex_accrued: Decimal,
    pub flex_forfeited_at_cap: Decimal,
    pub flex_used: Decimal,
    pub flex_expired: Decimal,
    /// The largest bank balance reached (never above the cap).
    pub flex_peak: Decimal,
    pub billable_amount: Decimal,
}

/// Most months a ledger shows.
pub const MAX_LEDGER_MONTHS: u32 = 600;

/// Builds the ledger.
///
/// # Errors
/// [`OptionError`] for an unknown tier, 0 devices, months outside 1-600, a start month
/// outside 1-12, usage outside the ledger's months or of 0 hours, or billable usage when the
/// book has no time-and-materials rates.
pub fn build_ledger(book: &PriceBook, request: &LedgerRequest) -> Result<Ledger, OptionError> {
    let tier = book
        .tier(&request.tier)
        .ok_or_else(|| OptionError::Unknown {
            what: "tier",
            id: request.tier.clone(),
            allowed: join_display(book.tiers.iter().map(|t| &t.id)),
        })?;
    check_request(request)?;
    // Within these limits no hour figure below can overflow; amounts are checked where
    // they are computed.
    for (field, hours) in [
        ("included_support_hours", tier.included_support_hours),
        ("included_flex_hours", tier.included_flex_hours),
    ] {
        if hours > MAX_HOURS {
            return Err(AmountTooLarge {
                figure: format!("tiers.{}.{field}", tier.id),
            }
            .into());
        }
    }
    let increment_minutes = Decimal::from(book.technical_support.accrual_increment_minutes);
    let devices = Decimal::from(request.devices);
    let support_included =
        round_down_to_minutes(devices * tier.included_support_hours, increment_minutes);
    let flex_per_month = devices * tier.included_flex_hours;
    let cap = book.flex_time.bank_cap_hours;
    let rules = Rules {
        book,
        increment_minutes,
        block: book.flex_time.on_site_block_hours,
    };

    let mut bank = Decimal::ZERO;
    let mut months = Vec::with_capacity(request.months as usize);
    let mut month = request.start;
    for _ in 0..request.months {
        let flex_opening = bank;
        let room = (cap - bank).max(Decimal::ZERO);
        let flex_accrued = flex_per_month.min(room);
        bank += flex_accrued;
        let mut support_left = support_included;
        let mut usage = Vec::new();
        for entry in request.usage.iter().filter(|entry| entry.month == month) {
            usage.push(rules.apply(entry, &mut support_left, &mut bank)?);
        }
        let flex_used = usage.iter().map(|u| u.covered_by_flex).sum();
        let expires = book.flex_time.expires_at_calendar_year_end;
        let flex_expired = if expires && month.month == 12 {
            std::mem::take(&mut bank)
        } else {
            Decimal::ZERO
        };
        months.push(LedgerMonth {
            month,
            support_included,
            support_used: support_included - support_left,
            support_lost: support_left,
            flex_opening,
            flex_accrued,
            flex_forfeited_at_cap: flex_per_month - flex_accrued,
            flex_used,
            flex_expired,
            flex_closing: bank,
            flex_expires_on: if expires { month.year_end() } else { None },
            billable_amount: usage
                .iter()
                .map(|u| u.amount)
                .sum::<Checked>()
                .or_too_large_with(|| format!("the billable amount of {month}"))?,
            usage,
        });
        month = month.next();
    }
    let total = |field: fn(&LedgerMonth) -> Decimal| {
        months
            .iter()
            .map(field)
            .sum::<Checked>()
            .value()
            .unwrap_or(Decimal::MAX)
    };
    let billable_amount = months
        .iter()
        .map(|m| m.billable_amount)
        .sum::<Checked>()
        .or_too_large("the ledger's billable amount")?;
    Ok(Ledger {
        tier: tier.id.clone(),
        devices: request.devices,
        bank_cap_hours: cap,
        on_site_block_hours: rules.block,
        support_included: total(|m| m.support_included),
        support_used: total(|m| m.support_used),
        support_lost: total(|m| m.support_lost),
        flex_accrued: total(|m| m.flex_accrued),
        flex_forfeited_at_cap: total(|m| m.flex_forfeited_at_cap),
        flex_used: total(|m| m.flex_used),
        flex_expired: total(|m| m.flex_expired),
        flex_peak: months
            .iter()
            .map(|m| m.flex_opening + m.flex_accrued)
            .max()
            .unwrap_or_default(),
        billable_amount,
        months,
    })
}

fn check_request(request: &LedgerRequest) -> Result<(), OptionError> {
    if !(1..=MAX_COUNT).contains(&request.devices) {
        return Err(OptionError::OutOfRange {
            what: "the number of devices",
            value: request.devices.to_string(),
            rule: format!("allowed: 1-{MAX_COUNT}"),
        });
    }
    if !(1..=MAX_LEDGER_MONTHS).contains(&request.months) {
        return Err(OptionError::OutOfRange {
            what: "the number of months",
            value: request.months.to_string(),
            rule: format!("allowed: 1-{MAX_LEDGER_MONTHS}"),
        });
    }
    if !(1..=12).contains(&request.start.month) {
        return Err(OptionError::OutOfRange {
            what: "the start month",
            value: request.start.month.to_string(),
            rule: "months are 1-12".to_string(),
        });
    }
    let mut last = request.start;
    for _ in 1..request.months {
        last = last.next();
    }
    for entry in &request.usage {
        if entry.month < request.start || entry.month > last {
            return Err(OptionError::OutOfRange {
                what: "a usage month",
                value: entry.month.to_string(),
                rule: format!("the ledger runs {} to {last}", request.start),
            });
        }
        if entry.hours <= Decimal::ZERO || entry.hours > MAX_HOURS {
            return Err(OptionError::OutOfRange {
                what: "a usage entry's hours",
                value: entry.hours.to_string(),
                rule: format!("hours must be more than 0 and at most {MAX_HOURS}"),
            });
        }
    }
    Ok(())
}

/// `hours` rounded down to a whole number of `minutes`-minute increments (unchanged when
/// `minutes` is 0).
fn round_down_to_minutes(hours: Decimal, minutes: Decimal) -> Decimal {
    if minutes.is_zero() {
        hours
    } else {
        (hours * Decimal::from(60) / minutes).floor() * minutes / Decimal::from(60)
    }
}

/// `hours` rounded up to a whole number of `minutes`-minute increments (unchanged when
/// `minutes` is 0).
fn round_up_to_minutes(hours: Decimal, minutes: Decimal) -> Decimal {
    if minutes.is_zero() {
        hours
    } else {
        (hours * Decimal::from(60) / minutes).ceil() * minutes / Decimal::from(60)
    }
}

/// `value` rounded up to a multiple of `step` (unchanged when `step` is 0); failed when a
/// tiny step makes the quotient overflow.
fn round_up_to(value: Decimal, step: Decimal) -> Checked {
    if step.is_zero() {
        value.into()
    } else {
        (Checked::from(value) / step).map(|blocks| blocks.ceil()) * step
    }
}

struct Rules<'a> {
    book: &'a PriceBook,
    increment_minutes: Decimal,
    block: Decimal,
}

impl Rules<'_> {
    fn apply(
        &self,
        entry: &Usage,
        support_left: &mut Decimal,
        bank: &mut Decimal,
    ) -> Result<UsageOutcome, OptionError> {
        let (counted, from_support, from_flex, uncovered, place) = match entry.kind {
            UsageKind::Support | UsageKind::Flex => {
                let counted = round_up_to_minutes(entry.hours, self.increment_minutes);
                let from_support = if entry.kind == UsageKind::Support {
                    counted.min(*support_left)
                } else {
                    Decimal::ZERO
                };
                *support_left -= from_support;
                let from_flex = (counted - from_support).min(*bank);
                *bank -= from_flex;
                (
                    counted,
                    from_support,
                    from_flex,
                    counted - from_support - from_flex,
                    Place::Remote,
                )
            }
            UsageKind::FlexOnSite => {
                let block_figure = || AmountTooLarge {
                    figure: "flex_time.on_site_block_hours (hours / block)".to_string(),
                };
                let counted = round_up_to(entry.hours, self.block)
                    .value()
                    .ok_or_else(block_figure)?;
                let from_flex = if self.block.is_zero() {
                    counted.min(*bank)
                } else {
                    let blocks_needed = (Checked::from(counted) / self.block)
                        .value()
                        .ok_or_else(block_figure)?;
                    let blocks_held = (Checked::from(*bank) / self.block)
                        .value()
                        .ok_or_else(block_figure)?
                        .floor();
                    (Checked::from(blocks_needed.min(blocks_held)) * self.block)
                        .value()
                        .ok_or_else(block_figure)?
                };
                *bank -= from_flex;
                let uncovered = (entry.hours - from_flex).max(Decimal::ZERO);
                (counted, Decimal::ZERO, from_flex, uncovered, Place::OnSite)
            }
        };
        let (rate_id, hourly_rate, billable_hours, amount) = if uncovered > Decimal::ZERO {
            let rate = rate_for(self.book, place, Urgency::Normal)?;
            let step = Decimal::from(rate.billing_increment_minutes);
            let hours = round_up_to_minutes(uncovered, step);
            let amount = (Checked::from(hours) * rate.rate)
                .round(self.book.currency.decimals)
                .or_too_large_with(|| format!("hourly_rates.{}.rate x {hours} h", rate.id))?;
            (Some(rate.id.clone()), rate.rate, hours, amount)
        } else {
            (None, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
        };
        Ok(UsageOutcome {
            kind: entry.kind,
            hours_logged: entry.hours,
            hours_counted: counted,
            covered_by_support: from_support,
            covered_by_flex: from_flex,
            billable_hours,
            rate_id,
            hourly_rate,
            amount,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn hours_round_to_whole_increments() {
        // 15-minute increments: 0.1 h = 6 min -> 15 min = 0.25 h (up) or 0 (down);
        // 1.3 h = 78 min -> 90 min = 1.5 h (up) or 75 min = 1.25 h (down).
        let cases = [
            ("6 minutes", dec!(0.1), dec!(0.25), dec!(0)),
            ("78 minutes", dec!(1.3), dec!(1.5), dec!(1.25)),
            ("exact hour", dec!(1), dec!(1), dec!(1)),
        ];
        for (name, hours, up, down) in cases {
            assert_eq!(round_up_to_minutes(hours, dec!(15)), up, "case {name}");
            assert_eq!(round_down_to_minutes(hours, dec!(15)), down, "case {name}");
        }
        assert_eq!(
            round_up_to(dec!(6), dec!(4)).value(),
            Some(dec!(8)),
            "two 4-hour blocks"
        );
        assert_eq!(
            round_up_to(dec!(6), dec!(0)).value(),
            Some(dec!(6)),
            "no block size"
        );
    }

    #[test]
    fn months_roll_over_into_the_next_year() {
        let december = YearMonth {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            december.next(),
            YearMonth {
                year: 2027,
                month: 1
            }
        );
        assert_eq!(december.to_string(), "2026-12");
        assert_eq!(
            december.year_end().map(|date| date.to_string()),
            Some("2026-12-31".to_string())
        );
    }
}
