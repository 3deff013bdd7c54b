//! Line pricing: bands, discounts, rounding and warnings.

use rust_decimal::Decimal;

use super::band::counted_total;
use super::kinds::{applied_bands, with_user_counts};
use super::schedule::build_schedule;
use super::waterfall::{discounted, waterfall};
use super::{
    AppliedBand, LineSegment, PricedAddOn, PricedLine, PricedQuote, PricingError, Warning,
    WarningField, WarningKind,
};
use crate::core::bands::{band_for_count, graduated_split};
use crate::core::limits::{MAX_QUOTE_DEVICES, MAX_TERM_MONTHS};
use crate::core::money::{AmountTooLarge, Checked, display, percent_text, round_half_away};
use crate::core::price_book::{DiscountMode, DiscountSchedule, PriceBook, Tier, join_display};
use crate::core::quote::{Quote, SetupMode};

/// Prices `quote` against `book`.
///
/// # Errors
/// A [`PricingError`] when the quote names a tier, kind, add-on or term the book does not
/// offer, has a zero count, an extra discount outside 0-100, a setup mode the book does not
/// offer, or a count above the last band of a schedule that refuses such counts; more than
/// [`MAX_QUOTE_DEVICES`] devices or a term above [`MAX_TERM_MONTHS`]; an amount too large to
/// compute exactly (naming the field or figure).
pub fn price_quote(book: &PriceBook, quote: &Quote) -> Result<PricedQuote, PricingError> {
    let with_users;
    let quote = match with_user_counts(book, quote)? {
        Some(resolved) => {
            with_users = resolved;
            &with_users
        }
        None => quote,
    };
    let decimals = book.currency.decimals;
    if quote.term_months > MAX_TERM_MONTHS {
        return Err(PricingError::TermTooLong {
            term: quote.term_months,
            max: MAX_TERM_MONTHS,
        });
    }
    let term = book
        .term(quote.term_months)
        .ok_or_else(|| PricingError::TermNotOffered {
            term: quote.term_months,
            allowed: book.offered_terms_text(),
        })?;
    check_setup_mode(book, quote.setup_mode)?;
    let extra_percent = extra_discount_percent(quote)?;
    let tiers = resolve_tiers(book, quote)?;
    // Every u32 sum of counts below stays far from wrapping once the total is checked here.
    let total_devices = quote.device_count();
    if total_devices > MAX_QUOTE_DEVICES {
        return Err(PricingError::TooManyDevices {
            count: total_devices,
            max: MAX_QUOTE_DEVICES,
        });
    }

    let mut warnings = Vec::new();
    let bands = applied_bands(book, quote, &mut warnings)?;
    let band = bands.first().cloned();
    let context = DiscountContext {
        book,
        extra_percent,
        decimals,
        counted_totals: book
            .discount_schedules
            .iter()
            .map(|schedule| (schedule.id.as_str(), counted_total(schedule, quote)))
            .collect(),
    };

    let mut position_by_schedule = std::collections::BTreeMap::<&str, u32>::new();
    let mut lines = Vec::with_capacity(quote.devices.len());
    for (index, (line, tier)) in quote.devices.iter().zip(&tiers).enumerate() {
        let schedule = book.schedule_for(tier, &line.kind);
        let first_position = schedule
            .filter(|schedule| schedule.counted_kind == line.kind)
            .map(|schedule| {
                let next = position_by_schedule.entry(&schedule.id).or_insert(1);
                let first = *next;
                *next = next.saturating_add(line.count);
                first
            });
        let priced = context.price_line(tier, &line.kind, line.count, schedule, first_position);
        lines.push(priced.map_err(|error| AmountTooLarge {
            figure: format!(
                "devices[{index}] ({}:{}) at {}",
                line.tier, line.kind, error.figure
            ),
        })?);
    }

    let addons = price_addons(&context, quote, band.as_ref())?;
    let monthly_recurring = (lines.iter().map(|line| line.monthly).sum::<Checked>()
        + addons.iter().map(|addon| addon.monthly).sum::<Checked>())
    .or_too_large("the monthly recurring total")?;

    if let Some(percent) = extra_percent
        && percent > book.guardrails.max_extra_discount_percent
    {
        warnings.push(Warning {
            kind: WarningKind::NeedsApproval,
            field: WarningField::ExtraDiscount,
            message: format!(
                "extra discount {}% is above the {}% a rep may give: needs approval",
                percent_text(percent),
                percent_text(book.guardrails.max_extra_discount_percent)
            ),
        });
    }

    let schedule = build_schedule(book, term, quote, monthly_recurring, decimals)?;
    if schedule.credit_lost > Decimal::ZERO {
        warnings.push(Warning {
            kind: WarningKind::CreditLost,
            field: WarningField::Term,
            message: format!(
                "{} of term credit exceeds what is left to bill and is lost at month {}",
                display(schedule.credit_lost, &book.currency.symbol, decimals),
                quote.term_months
            ),
        });
    }
    let total_contract_value = schedule
        .months
        .iter()
        .map(|month| month.due)
        .sum::<Checked>()
        .or_too_large("the total contract value")?;
    let effective_monthly = (Checked::from(total_contract_value) / quote.term_months.max(1))
        .round(decimals)
        .or_too_large("the effective monthly amount")?;

    Ok(PricedQuote {
        currency: book.currency.clone(),
        term_months: quote.term_months,
        band,
        bands,
        lines,
        addons,
        monthly_recurring,
        setup_fee: book.setup.amount,
        setup_mode: quote.setup_mode,
        credits: schedule.granted,
        credit_lost: schedule.credit_lost,
        schedule: schedule.months,
        total_contract_value,
        effective_monthly,
        warnings,
    })
}

fn check_setup_mode(book: &PriceBook, mode: SetupMode) -> Result<(), PricingError> {
    let offered = match mode {
        SetupMode::Upfront => book.setup.upfront_offered,
        SetupMode::Amortized => book.setup.amortized_offered,
    };
    if offered {
        Ok(())
    } else {
        Err(PricingError::SetupModeNotOffered {
            mode: mode.name().to_string(),
        })
    }
}

fn extra_discount_percent(quote: &Quote) -> Result<Option<Decimal>, PricingError> {
    match &quote.extra_discount {
        None => Ok(None),
        Some(extra) if extra.percent < Decimal::ZERO || extra.percent > Decimal::ONE_HUNDRED => {
            Err(PricingError::ExtraDiscountOutOfRange {
                percent: extra.percent.to_string(),
            })
        }
        Some(extra) if extra.percent.is_zero() => Ok(None),
        Some(extra) => Ok(Some(extra.percent)),
    }
}

/// Resolves each device line's tier, checking kinds, prices and counts.
fn resolve_tiers<'a>(book: &'a PriceBook, quote: &Quote) -> Result<Vec<&'a Tier>, PricingError> {
    quote
        .devices
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let tier = book
                .tier(&line.tier)
                .ok_or_else(|| PricingError::UnknownTier {
                    tier: line.tier.clone(),
                    allowed: join_display(book.tiers.iter().map(|t| &t.id)),
                })?;
            if book.device_kind(&line.kind).is_none() {
                return Err(PricingError::UnknownKind {
                    kind: line.kind.clone(),
                    allowed: join_display(book.device_kinds.iter().map(|k| &k.id)),
                });
            }
            if !tier.monthly_prices.contains_key(&line.kind) {
                return Err(PricingError::KindNotPriced {
                    tier: tier.id.clone(),
                    kind: line.kind.clone(),
                    allowed: join_display(tier.monthly_prices.keys()),
                });
            }
            if line.count == 0 {
                return Err(PricingError::ZeroCount {
                    line: index + 1,
                    tier: line.tier.clone(),
                    kind: line.kind.clone(),
                });
            }
            Ok(tier)
        })
        .collect()
}

struct DiscountContext<'a> {
    book: &'a PriceBook,
    extra_percent: Option<Decimal>,
    decimals: u32,
    /// Total count of each schedule's counted kind on the quote, by schedule id (computed
    /// once: a quote can have thousands of lines).
    counted_totals: std::collections::BTreeMap<&'a str, u32>,
}

impl DiscountContext<'_> {
    /// Prices one device line. `first_position` is the 1-based position of the line's first
    /// unit among the schedule's counted devices (graduated mode), `None` when not counted.
    fn price_line(
        &self,
        tier: &Tier,
        kind: &str,
        count: u32,
        schedule: Option<&DiscountSchedule>,
        first_position: Option<u32>,
    ) -> Result<PricedLine, AmountTooLarge> {
        let unit_list = tier.monthly_prices.get(kind).copied().unwrap_or_default();
        let total_count = schedule
            .and_then(|schedule| self.counted_totals.get(schedule.id.as_str()).copied())
            .unwrap_or(0);
        let percents: Vec<(Decimal, u32)> = match schedule {
            None => vec![(Decimal::ZERO, count)],
            Some(schedule) => match (schedule.mode, first_position) {
                (DiscountMode::Graduated, Some(first)) => {
                    graduated_split(&schedule.bands, first, count)
                        .into_iter()
                        .map(|(index, units)| (schedule.bands[index].discount_percent, units))
                        .collect()
                }
                _ => vec![(volume_percent(schedule, total_count), count)],
            },
        };
        let price_field = || format!("tiers.{}.monthly_prices.{kind}", tier.id);
        let segments = percents
            .iter()
            .map(|&(percent, units)| {
                let unit_net = self
                    .net_unit_price(unit_list, percent)
                    .or_too_large_with(price_field)?;
                Ok(LineSegment {
                    count: units,
                    discount_percent: percent,
                    unit_net,
                    amount: (Checked::from(unit_net) * units)
                        .or_too_large_with(|| format!("{} x {units} devices", price_field()))?,
                })
            })
            .collect::<Result<Vec<LineSegment>, AmountTooLarge>>()?;
        let monthly = segments
            .iter()
            .map(|segment| segment.amount)
            .sum::<Checked>()
            .or_too_large_with(|| format!("{} (the line's monthly amount)", price_field()))?;
        let first_percent = percents.first().map_or(Decimal::ZERO, |p| p.0);
        let unit_net = match segments.as_slice() {
            [only] => only.unit_net,
            _ => round_half_away(monthly / Decimal::from(count.max(1)), self.decimals),
        };
        Ok(PricedLine {
            tier: tier.id.clone(),
            tier_name: tier.name.clone(),
            kind: kind.to_string(),
            kind_name: self.book.kind_name(kind).to_string(),
            count,
            unit_list,
            discount_percent: first_percent,
            extra_discount_percent: self.extra_percent_for(schedule.is_some()),
            unit_net,
            monthly,
            segments,
            waterfall: waterfall(
                unit_list,
                first_percent,
                self.extra_percent_for(schedule.is_some()),
                schedule.is_some(),
                self.decimals,
            )
            .ok_or_else(|| AmountTooLarge {
                figure: price_field(),
            })?,
        })
    }

    fn extra_percent_for(&self, discountable: bool) -> Decimal {
        match self.extra_percent {
            Some(percent) if discountable => percent,
            _ => Decimal::ZERO,
        }
    }

    /// list x (1 - band%) x (1 - extra%), rounded half away from zero to the currency's places.
    fn net_unit_price(&self, unit_list: Decimal, band_percent: Decimal) -> Checked {
        self.unrounded_net(unit_list, band_percent, true)
            .round(self.decimals)
    }

    fn unrounded_net(
        &self,
        unit_list: Decimal,
        band_percent: Decimal,
        discountable: bool,
    ) -> Checked {
        let after_band = discounted(unit_list.into(), band_percent);
        discounted(after_band, self.extra_percent_for(discountable))
    }
}

/// The band rate for the schedule's total count (0% when the count is below every band).
fn volume_percent(schedule: &DiscountSchedule, count: u32) -> Decimal {
    band_for_count(&schedule.bands, count).map_or(Decimal::ZERO, |lookup| {
        schedule.bands[lookup.index].discount_percent
    })
}

fn price_addons(
    context: &DiscountContext<'_>,
    quote: &Quote,
    band: Option<&AppliedBand>,
) -> Result<Vec<PricedAddOn>, PricingError> {
    let book = context.book;
    quote
        .addons
        .iter()
        .map(|line| {
            let addon = book
                .addon(&line.id)
                .ok_or_else(|| PricingError::UnknownAddOn {
                    addon: line.id.clone(),
                    allowed: join_display(book.addons.iter().map(|a| &a.id)),
                })?;
            if line.quantity == 0 {
                return Err(PricingError::ZeroQuantity {
                    addon: line.id.clone(),
                });
            }
            let schedule_discounts_addons = band
                .and_then(|band| book.discount_schedule(&band.schedule_id))
                .is_some_and(|schedule| schedule.applies_to_discountable_addons);
            let discountable = addon.discountable && schedule_discounts_addons;
            let percent = match band {
                Some(band) if discountable => band.discount_percent,
                _ => Decimal::ZERO,
            };
            let price_field = || format!("addons.{}.monthly_price", addon.id);
            let unit_net = context
                .unrounded_net(addon.monthly_price, percent, discountable)
                .round(context.decimals)
                .or_too_large_with(price_field)?;
            Ok(PricedAddOn {
                id: addon.id.clone(),
                name: addon.name.clone(),
                quantity: line.quantity,
                unit_list: addon.monthly_price,
                discount_percent: percent,
                unit_net,
                monthly: (Checked::from(unit_net) * line.quantity).or_too_large_with(|| {
                    format!(
                        "the monthly amount of add-on '{}' x {}",
                        addon.id, line.quantity
                    )
                })?,
            })
        })
        .collect()
}
