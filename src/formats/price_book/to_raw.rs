//! Validated [`PriceBook`] -> raw RON types, for saving. Loading what this writes gives the
//! same book back.

use super::raw::*;
use crate::core::price_book::*;

/// The raw form of `book`.
pub fn to_raw(book: &PriceBook) -> RawPriceBook {
    let options = super::options::options_to_raw(&book.options);
    RawPriceBook {
        id: book.id.clone(),
        name: book.name.clone(),
        version: book.version.clone(),
        effective_date: book.effective_date.format("%Y-%m-%d").to_string(),
        currency: RawCurrency {
            code: book.currency.code.clone(),
            symbol: book.currency.symbol.clone(),
            decimals: book.currency.decimals,
        },
        device_kinds: book
            .device_kinds
            .iter()
            .map(|kind| RawDeviceKind {
                id: kind.id.clone(),
                name: kind.name.clone(),
                counted_from_users: kind.counted_from_users,
            })
            .collect(),
        tiers: book.tiers.iter().map(tier_to_raw).collect(),
        discount_schedules: book
            .discount_schedules
            .iter()
            .map(schedule_to_raw)
            .collect(),
        terms: book
            .terms
            .iter()
            .map(|term| RawTerm {
                months: term.months,
                credits: term
                    .credits
                    .iter()
                    .map(|credit| RawCredit {
                        month: credit.month,
                        amount: credit.amount.to_string(),
                        per: match credit.per {
                            CreditBasis::PerContract => RawCreditBasis::PerContract,
                            CreditBasis::PerDevice => RawCreditBasis::PerDevice,
                        },
                    })
                    .collect(),
            })
            .collect(),
        setup: RawSetup {
            amount: book.setup.amount.to_string(),
            upfront_offered: book.setup.upfront_offered,
            amortized_offered: book.setup.amortized_offered,
        },
        hourly_rates: book
            .hourly_rates
            .iter()
            .map(|rate| RawHourlyRate {
                id: rate.id.clone(),
                name: rate.name.clone(),
                rate: rate.rate.to_string(),
                billing_increment_minutes: rate.billing_increment_minutes,
                discountable: rate.discountable,
                on_site: rate.on_site,
                travel_premium: (!rate.travel_premium.is_zero())
                    .then(|| rate.travel_premium.to_string()),
            })
            .collect(),
        addons: book
            .addons
            .iter()
            .map(|addon| RawAddOn {
                id: addon.id.clone(),
                name: addon.name.clone(),
                unit: match addon.unit {
                    AddOnUnit::PerDevice => RawAddOnUnit::PerDevice,
                    AddOnUnit::PerUser => RawAddOnUnit::PerUser,
                    AddOnUnit::Flat => RawAddOnUnit::Flat,
                },
                monthly_price: addon.monthly_price.to_string(),
                discountable: addon.discountable,
            })
            .collect(),
        contract: RawContract {
            late_fee_percent_per_month: book.contract.late_fee_percent_per_month.to_string(),
            liquidated_damages_months: book.contract.liquidated_damages_months,
            quote_valid_days: book.contract.quote_valid_days,
        },
        technical_support: RawTechnicalSupport {
            accrual_increment_minutes: book.technical_support.accrual_increment_minutes,
            carry_over: book.technical_support.carry_over,
        },
        flex_time: RawFlexTime {
            bank_cap_hours: book.flex_time.bank_cap_hours.to_string(),
            expires_at_calendar_year_end: book.flex_time.expires_at_calendar_year_end,
            on_site_block_hours: book.flex_time.on_site_block_hours.to_string(),
        },
        guardrails: RawGuardrails {
            max_extra_discount_percent: book.guardrails.max_extra_discount_percent.to_string(),
            margin_floor_percent: book.guardrails.margin_floor_percent.to_string(),
        },
        customer_requirements: book.customer_requirements.clone(),
        patch_targets: book
            .patch_targets
            .iter()
            .map(|target| RawPatchTarget {
                class: target.class.clone(),
                target: target.target.clone(),
            })
            .collect(),
        service_levels: book
            .service_levels
            .as_ref()
            .map(super::service_levels::service_levels_to_raw),
        branding: RawBranding {
            company_name: book.branding.company_name.clone(),
            address_lines: book.branding.address_lines.clone(),
            logo: book.branding.logo.clone(),
            accent_colour: format!(
                "#{:02X}{:02X}{:02X}",
                book.branding.accent_rgb[0],
                book.branding.accent_rgb[1],
                book.branding.accent_rgb[2]
            ),
            paper: match book.branding.paper {
                PaperSize::A4 => RawPaperSize::A4,
                PaperSize::Letter => RawPaperSize::Letter,
            },
        },
        cost_defaults: (book.cost_defaults != CostDefaults::default())
            .then(|| cost_defaults_to_raw(&book.cost_defaults)),
        service_components: options.service_components,
        phased_path: options.phased_path,
        packages: options.packages,
        time_materials: options.time_materials,
        assessment: options.assessment,
    }
}

fn tier_to_raw(tier: &Tier) -> RawTier {
    RawTier {
        id: tier.id.clone(),
        name: tier.name.clone(),
        monthly_prices: tier
            .monthly_prices
            .iter()
            .map(|(kind, price)| (kind.clone(), price.to_string()))
            .collect(),
        inclusions: tier.inclusions.clone(),
        included_support_hours: tier.included_support_hours.to_string(),
        included_flex_hours: tier.included_flex_hours.to_string(),
        rate_overrides: tier
            .rate_overrides
            .iter()
            .map(|(rate, value)| {
                let raw = match value {
                    RateOverride::Included => RawRateOverride::Included,
                    RateOverride::Rate(amount) => RawRateOverride::Rate(amount.to_string()),
                };
                (rate.clone(), raw)
            })
            .collect(),
        included_conditions: tier.included_conditions.clone(),
        internal_reserve_per_device: tier.internal_reserve_per_device.to_string(),
        discount_schedule: tier.discount_schedule.clone(),
        kind_discount_schedules: tier.kind_discount_schedules.clone(),
    }
}

fn schedule_to_raw(schedule: &DiscountSchedule) -> RawDiscountSchedule {
    RawDiscountSchedule {
        id: schedule.id.clone(),
        mode: Some(match schedule.mode {
            DiscountMode::Volume => RawDiscountMode::Volume,
            DiscountMode::Graduated => RawDiscountMode::Graduated,
        }),
        counted_kind: schedule.counted_kind.clone(),
        applies_to_kinds: schedule.applies_to_kinds.clone(),
        applies_to_discountable_addons: schedule.applies_to_discountable_addons,
        bands: schedule
            .bands
            .iter()
            .map(|band| RawBand {
                min: band.min,
                max: band.max,
                discount_percent: band.discount_percent.to_string(),
            })
            .collect(),
        past_last_band: match schedule.past_last_band {
            PastLastBand::LastRateWithWarning => RawPastLastBand::LastRateWithWarning,
            PastLastBand::Refuse => RawPastLastBand::Refuse,
        },
    }
}

fn cost_defaults_to_raw(defaults: &CostDefaults) -> RawCostDefaults {
    RawCostDefaults {
        labour_roles: defaults
            .labour_roles
            .iter()
            .map(|role| RawLabourRole {
                id: role.id.clone(),
                name: role.name.clone(),
                hourly_cost: role.hourly_cost.to_string(),
            })
            .collect(),
        tasks: defaults
            .tasks
            .iter()
            .map(|task| RawLabourTask {
                id: task.id.clone(),
                name: task.name.clone(),
                role: task.role.clone(),
                hours_per_month: task.hours_per_month.to_string(),
                hours_by_kind: task
                    .hours_by_kind
                    .iter()
                    .map(|(kind, hours)| (kind.clone(), hours.to_string()))
                    .collect(),
                per_group: task.per_group,
                components: task.components.clone(),
            })
            .collect(),
        markups: defaults
            .markups
            .iter()
            .map(|(category, percent)| (category.clone(), percent.to_string()))
            .collect(),
        setup_cost_per_device: defaults.setup_cost_per_device.to_string(),
    }
}
