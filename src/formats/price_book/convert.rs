//! Raw price book -> validated [`PriceBook`], reporting every problem with its field path.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::raw::*;
use crate::core::price_book::*;
use crate::formats::problem::{Checker, Problem};

/// Converts a raw book, reporting every problem at once.
pub fn validate(raw: &RawPriceBook) -> Result<PriceBook, Vec<Problem>> {
    let mut check = Checker::default();
    let decimals = raw.currency.decimals;
    if decimals > 4 {
        check.error(
            "currency.decimals",
            format!("{decimals} decimal places; at most 4"),
        );
    }
    for (path, text) in [
        ("id", &raw.id),
        ("name", &raw.name),
        ("version", &raw.version),
    ] {
        if text.trim().is_empty() {
            check.error(path, "must not be empty");
        }
    }
    let effective_date = check.date("effective_date", &raw.effective_date);

    check.unique_ids(
        "device_kinds",
        raw.device_kinds.iter().map(|k| k.id.as_str()),
    );
    let kinds: BTreeSet<&str> = raw.device_kinds.iter().map(|k| k.id.as_str()).collect();
    let schedule_ids: BTreeSet<&str> = raw
        .discount_schedules
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let rate_ids: BTreeSet<&str> = raw.hourly_rates.iter().map(|r| r.id.as_str()).collect();

    check.unique_ids("tiers", raw.tiers.iter().map(|t| t.id.as_str()));
    let tiers = raw
        .tiers
        .iter()
        .enumerate()
        .map(|(index, tier)| {
            tier_of(
                &mut check,
                index,
                tier,
                decimals,
                &kinds,
                &schedule_ids,
                &rate_ids,
            )
        })
        .collect();

    check.unique_ids(
        "discount_schedules",
        raw.discount_schedules.iter().map(|s| s.id.as_str()),
    );
    let discount_schedules = raw
        .discount_schedules
        .iter()
        .enumerate()
        .map(|(index, schedule)| schedule_of(&mut check, index, schedule, &kinds))
        .collect();

    super::kinds::check_kind_schedules_apply(&mut check, raw);
    let terms = terms_of(&mut check, &raw.terms, decimals);
    let setup = SetupFee {
        amount: check.amount("setup.amount", &raw.setup.amount, decimals),
        upfront_offered: raw.setup.upfront_offered,
        amortized_offered: raw.setup.amortized_offered,
    };
    if !setup.upfront_offered && !setup.amortized_offered {
        check.error("setup", "neither upfront nor amortized is offered");
    }

    check.unique_ids(
        "hourly_rates",
        raw.hourly_rates.iter().map(|r| r.id.as_str()),
    );
    let hourly_rates = raw
        .hourly_rates
        .iter()
        .enumerate()
        .map(|(index, rate)| {
            let path = format!("hourly_rates[{index}]");
            if rate.billing_increment_minutes == 0 {
                check.error(
                    format!("{path}.billing_increment_minutes"),
                    "must be at least 1",
                );
            }
            HourlyRate {
                id: rate.id.clone(),
                name: rate.name.clone(),
                rate: check.amount(&format!("{path}.rate"), &rate.rate, decimals),
                billing_increment_minutes: rate.billing_increment_minutes,
                discountable: rate.discountable,
                on_site: rate.on_site,
                travel_premium: rate
                    .travel_premium
                    .as_deref()
                    .map_or(Decimal::ZERO, |text| {
                        check.amount(&format!("{path}.travel_premium"), text, decimals)
                    }),
            }
        })
        .collect();

    check.unique_ids("addons", raw.addons.iter().map(|a| a.id.as_str()));
    let addons = raw
        .addons
        .iter()
        .enumerate()
        .map(|(index, addon)| AddOn {
            id: addon.id.clone(),
            name: addon.name.clone(),
            unit: match addon.unit {
                RawAddOnUnit::PerDevice => AddOnUnit::PerDevice,
                RawAddOnUnit::PerUser => AddOnUnit::PerUser,
                RawAddOnUnit::Flat => AddOnUnit::Flat,
            },
            monthly_price: check.amount(
                &format!("addons[{index}].monthly_price"),
                &addon.monthly_price,
                decimals,
            ),
            discountable: addon.discountable,
        })
        .collect();

    let contract = ContractRules {
        late_fee_percent_per_month: check.percent(
            "contract.late_fee_percent_per_month",
            &raw.contract.late_fee_percent_per_month,
        ),
        liquidated_damages_months: raw.contract.liquidated_damages_months,
        quote_valid_days: raw.contract.quote_valid_days,
    };
    if raw.technical_support.accrual_increment_minutes == 0 {
        check.error(
            "technical_support.accrual_increment_minutes",
            "must be at least 1",
        );
    }
    let flex_time = FlexTimeRules {
        bank_cap_hours: check.hours("flex_time.bank_cap_hours", &raw.flex_time.bank_cap_hours),
        expires_at_calendar_year_end: raw.flex_time.expires_at_calendar_year_end,
        on_site_block_hours: check.hours(
            "flex_time.on_site_block_hours",
            &raw.flex_time.on_site_block_hours,
        ),
    };
    if flex_time.on_site_block_hours.is_zero() {
        check.error(
            "flex_time.on_site_block_hours",
            "must be above 0 (on-site flex time is billed in blocks of this many hours)",
        );
    }
    let guardrails = Guardrails {
        max_extra_discount_percent: check.percent(
            "guardrails.max_extra_discount_percent",
            &raw.guardrails.max_extra_discount_percent,
        ),
        margin_floor_percent: check.percent(
            "guardrails.margin_floor_percent",
            &raw.guardrails.margin_floor_percent,
        ),
    };
    let branding = branding_of(&mut check, &raw.branding);
    let cost_defaults = raw
        .cost_defaults
        .as_ref()
        .map(|defaults| cost_defaults_of(&mut check, defaults, decimals, &kinds))
        .unwrap_or_default();
    let options = super::options::options_of(&mut check, raw, decimals);
    let service_levels = raw
        .service_levels
        .as_ref()
        .map(|levels| super::service_levels::service_levels_of(&mut check, levels));

    let book = PriceBook {
        id: raw.id.clone(),
        name: raw.name.clone(),
        version: raw.version.clone(),
        effective_date,
        currency: Currency {
            code: raw.currency.code.clone(),
            symbol: raw.currency.symbol.clone(),
            decimals,
        },
        device_kinds: raw
            .device_kinds
            .iter()
            .map(|kind| DeviceKind {
                id: kind.id.clone(),
                name: kind.name.clone(),
                counted_from_users: kind.counted_from_users,
            })
            .collect(),
        tiers,
        discount_schedules,
        terms,
        setup,
        hourly_rates,
        addons,
        contract,
        technical_support: TechnicalSupportRules {
            accrual_increment_minutes: raw.technical_support.accrual_increment_minutes,
            carry_over: raw.technical_support.carry_over,
        },
        flex_time,
        guardrails,
        customer_requirements: raw.customer_requirements.clone(),
        patch_targets: raw
            .patch_targets
            .iter()
            .map(|target| PatchTarget {
                class: target.class.clone(),
                target: target.target.clone(),
            })
            .collect(),
        service_levels,
        branding,
        cost_defaults,
        options,
    };
    if check.problems.is_empty() {
        Ok(book)
    } else {
        Err(check.problems)
    }
}

fn tier_of(
    check: &mut Checker,
    index: usize,
    tier: &RawTier,
    decimals: u32,
    kinds: &BTreeSet<&str>,
    schedule_ids: &BTreeSet<&str>,
    rate_ids: &BTreeSet<&str>,
) -> Tier {
    let path = format!("tiers[{index}]");
    let monthly_prices = tier
        .monthly_prices
        .iter()
        .map(|(kind, text)| {
            let field = format!("{path}.monthly_prices.{kind}");
            if !kinds.contains(kind.as_str()) {
                check.error(&field, format!("unknown device kind '{kind}'"));
            }
            (kind.clone(), check.amount(&field, text, decimals))
        })
        .collect();
    if tier.monthly_prices.is_empty() {
        check.error(
            format!("{path}.monthly_prices"),
            "a tier needs at least one price",
        );
    }
    let rate_overrides = tier
        .rate_overrides
        .iter()
        .map(|(rate, override_)| {
            let field = format!("{path}.rate_overrides.{rate}");
            if !rate_ids.contains(rate.as_str()) {
                check.error(&field, format!("unknown hourly rate '{rate}'"));
            }
            let value = match override_ {
                RawRateOverride::Included => RateOverride::Included,
                RawRateOverride::Rate(text) => {
                    RateOverride::Rate(check.amount(&field, text, decimals))
                }
            };
            (rate.clone(), value)
        })
        .collect();
    super::kinds::check_tier_additions(check, &path, tier, kinds, schedule_ids);
    if let Some(schedule) = &tier.discount_schedule
        && !schedule_ids.contains(schedule.as_str())
    {
        check.error(
            format!("{path}.discount_schedule"),
            format!("unknown discount schedule '{schedule}'"),
        );
    }
    Tier {
        id: tier.id.clone(),
        name: tier.name.clone(),
        monthly_prices,
        inclusions: tier.inclusions.clone(),
        included_support_hours: check.hours(
            &format!("{path}.included_support_hours"),
            &tier.included_support_hours,
        ),
        included_flex_hours: check.hours(
            &format!("{path}.included_flex_hours"),
            &tier.included_flex_hours,
        ),
        rate_overrides,
        included_conditions: tier.included_conditions.clone(),
        internal_reserve_per_device: check.amount(
            &format!("{path}.internal_reserve_per_device"),
            &tier.internal_reserve_per_device,
            decimals,
        ),
        discount_schedule: tier.discount_schedule.clone(),
        kind_discount_schedules: tier.kind_discount_schedules.clone(),
    }
}

fn schedule_of(
    check: &mut Checker,
    index: usize,
    schedule: &RawDiscountSchedule,
    kinds: &BTreeSet<&str>,
) -> DiscountSchedule {
    let path = format!("discount_schedules[{index}]");
    let mode = match schedule.mode {
        Some(RawDiscountMode::Volume) => DiscountMode::Volume,
        Some(RawDiscountMode::Graduated) => DiscountMode::Graduated,
        None => {
            check.error(
                format!("{path}.mode"),
                "missing band mode: write `mode: Some(volume)` or `mode: Some(graduated)`",
            );
            DiscountMode::Volume
        }
    };
    if !kinds.contains(schedule.counted_kind.as_str()) {
        check.error(
            format!("{path}.counted_kind"),
            format!("unknown device kind '{}'", schedule.counted_kind),
        );
    }
    for (kind_index, kind) in schedule.applies_to_kinds.iter().enumerate() {
        if !kinds.contains(kind.as_str()) {
            check.error(
                format!("{path}.applies_to_kinds[{kind_index}]"),
                format!("unknown device kind '{kind}'"),
            );
        }
    }
    let bands: Vec<Band> = schedule
        .bands
        .iter()
        .enumerate()
        .map(|(band_index, band)| Band {
            min: band.min,
            max: band.max,
            discount_percent: check.percent(
                &format!("{path}.bands[{band_index}].discount_percent"),
                &band.discount_percent,
            ),
        })
        .collect();
    check_bands(check, &path, &bands);
    DiscountSchedule {
        id: schedule.id.clone(),
        mode,
        counted_kind: schedule.counted_kind.clone(),
        applies_to_kinds: schedule.applies_to_kinds.clone(),
        applies_to_discountable_addons: schedule.applies_to_discountable_addons,
        bands,
        past_last_band: match schedule.past_last_band {
            RawPastLastBand::LastRateWithWarning => PastLastBand::LastRateWithWarning,
            RawPastLastBand::Refuse => PastLastBand::Refuse,
        },
    }
}

/// Bands must start at 1, each min <= max, and each start right after the previous ends.
fn check_bands(check: &mut Checker, path: &str, bands: &[Band]) {
    if bands.is_empty() {
        check.error(
            format!("{path}.bands"),
            "a schedule needs at least one band",
        );
        return;
    }
    if bands[0].min != 1 {
        check.error(
            format!("{path}.bands[0].min"),
            format!(
                "the first band starts at {}; it must start at 1",
                bands[0].min
            ),
        );
    }
    for (index, band) in bands.iter().enumerate() {
        if band.min > band.max {
            check.error(
                format!("{path}.bands[{index}]"),
                format!("min {} is above max {}", band.min, band.max),
            );
        }
        if index == 0 {
            continue;
        }
        let previous = bands[index - 1];
        let expected = previous.max.saturating_add(1);
        if band.min < previous.min {
            check.error(
                format!("{path}.bands[{index}]"),
                format!(
                    "bands are not sorted: {}-{} comes after {}-{}",
                    band.min, band.max, previous.min, previous.max
                ),
            );
        } else if band.min < expected {
            check.error(
                format!("{path}.bands[{index}]"),
                format!(
                    "band {}-{} overlaps {}-{}",
                    band.min, band.max, previous.min, previous.max
                ),
            );
        } else if band.min > expected {
            check.error(
                format!("{path}.bands[{index}]"),
                format!("gap: no band covers {expected}-{}", band.min - 1),
            );
        }
    }
}

fn terms_of(check: &mut Checker, raw: &[RawTerm], decimals: u32) -> Vec<TermOption> {
    if raw.is_empty() {
        check.error("terms", "at least one term must be offered");
    }
    let mut seen = BTreeSet::new();
    let mut terms: Vec<TermOption> = raw
        .iter()
        .enumerate()
        .map(|(index, term)| {
            let path = format!("terms[{index}]");
            if term.months < 12 {
                check.error(
                    format!("{path}.months"),
                    format!(
                        "a term of {} months is under the 12-month minimum",
                        term.months
                    ),
                );
            } else {
                check.months(format!("{path}.months"), term.months);
            }
            if !seen.insert(term.months) {
                check.error(
                    format!("{path}.months"),
                    format!("duplicate term of {} months", term.months),
                );
            }
            let credits = term
                .credits
                .iter()
                .enumerate()
                .map(|(credit_index, credit)| {
                    let credit_path = format!("{path}.credits[{credit_index}]");
                    if credit.month == 0 || credit.month > term.months {
                        check.error(
                            format!("{credit_path}.month"),
                            format!(
                                "credit in month {} is outside the {}-month term",
                                credit.month, term.months
                            ),
                        );
                    }
                    TermCredit {
                        month: credit.month,
                        amount: check.amount(
                            &format!("{credit_path}.amount"),
                            &credit.amount,
                            decimals,
                        ),
                        per: match credit.per {
                            RawCreditBasis::PerContract => CreditBasis::PerContract,
                            RawCreditBasis::PerDevice => CreditBasis::PerDevice,
                        },
                    }
                })
                .collect();
            TermOption {
                months: term.months,
                credits,
            }
        })
        .collect();
    terms.sort_by_key(|term| term.months);
    terms
}

fn branding_of(check: &mut Checker, raw: &RawBranding) -> Branding {
    let accent_rgb = parse_colour(&raw.accent_colour).unwrap_or_else(|| {
        check.error(
            "branding.accent_colour",
            format!("'{}' is not a colour (write #RRGGBB)", raw.accent_colour),
        );
        [0, 0, 0]
    });
    if raw.company_name.trim().is_empty() {
        check.error("branding.company_name", "must not be empty");
    }
    Branding {
        company_name: raw.company_name.clone(),
        address_lines: raw.address_lines.clone(),
        logo: raw.logo.clone(),
        accent_rgb,
        paper: match raw.paper {
            RawPaperSize::A4 => PaperSize::A4,
            RawPaperSize::Letter => PaperSize::Letter,
        },
    }
}

/// Parses `#RRGGBB`.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

fn cost_defaults_of(
    check: &mut Checker,
    raw: &RawCostDefaults,
    decimals: u32,
    kinds: &BTreeSet<&str>,
) -> CostDefaults {
    check.unique_ids(
        "cost_defaults.labour_roles",
        raw.labour_roles.iter().map(|r| r.id.as_str()),
    );
    check.unique_ids(
        "cost_defaults.tasks",
        raw.tasks.iter().map(|t| t.id.as_str()),
    );
    let roles: BTreeSet<&str> = raw.labour_roles.iter().map(|r| r.id.as_str()).collect();
    CostDefaults {
        labour_roles: raw
            .labour_roles
            .iter()
            .enumerate()
            .map(|(index, role)| LabourRole {
                id: role.id.clone(),
                name: role.name.clone(),
                hourly_cost: check.amount(
                    &format!("cost_defaults.labour_roles[{index}].hourly_cost"),
                    &role.hourly_cost,
                    decimals,
                ),
            })
            .collect(),
        tasks: raw
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| {
                let path = format!("cost_defaults.tasks[{index}]");
                if !roles.contains(task.role.as_str()) {
                    check.error(
                        format!("{path}.role"),
                        format!("unknown labour role '{}'", task.role),
                    );
                }
                LabourTask {
                    id: task.id.clone(),
                    name: task.name.clone(),
                    role: task.role.clone(),
                    hours_per_month: check
                        .hours(&format!("{path}.hours_per_month"), &task.hours_per_month),
                    hours_by_kind: super::kinds::hours_by_kind(check, &path, task, kinds),
                    per_group: task.per_group,
                    components: task.components.clone(),
                }
            })
            .collect(),
        markups: raw
            .markups
            .iter()
            .map(|(category, text)| {
                let value = check.markup(&format!("cost_defaults.markups.{category}"), text);
                (category.clone(), value)
            })
            .collect(),
        setup_cost_per_device: check.amount(
            "cost_defaults.setup_cost_per_device",
            &raw.setup_cost_per_device,
            decimals,
        ),
    }
}
