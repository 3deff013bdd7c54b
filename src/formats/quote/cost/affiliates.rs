//! An affiliate line's pricing model, both ways, and its fee period.

use super::raw::*;
use super::{positive_quantity, text};
use crate::core::cost::{AffiliateModel, FeePeriod, SubscriptionBand};
use crate::formats::problem::Checker;

pub(super) fn period_from_raw(period: RawFeePeriod) -> FeePeriod {
    match period {
        RawFeePeriod::Month => FeePeriod::Month,
        RawFeePeriod::Quarter => FeePeriod::Quarter,
    }
}

pub(super) fn affiliate_model_from_raw(
    check: &mut Checker,
    path: &str,
    model: &RawAffiliateModel,
) -> AffiliateModel {
    match model {
        RawAffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => AffiliateModel::AgentFee {
            monthly_sell_price: check
                .quantity(&format!("{path}.monthly_sell_price"), monthly_sell_price),
            royalty_percent: check.percent(&format!("{path}.royalty_percent"), royalty_percent),
        },
        RawAffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            AffiliateModel::UserBased {
                unit_cost: check.quantity(&format!("{path}.unit_cost"), unit_cost),
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            AffiliateModel::DeviceBased {
                unit_cost: check.quantity(&format!("{path}.unit_cost"), unit_cost),
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => {
            positive_quantity(check, path, *quantity);
            if bands.is_empty() {
                check.error(
                    format!("{path}.bands"),
                    "a subscription needs at least one band",
                );
            }
            let mut expected_min = 1;
            let bands = bands
                .iter()
                .enumerate()
                .map(|(index, band)| {
                    let band_path = format!("{path}.bands[{index}]");
                    if band.min != expected_min {
                        check.error(
                            format!("{band_path}.min"),
                            format!(
                                "band starts at {} but must start at {expected_min} (bands ascend from 1 without gaps or overlaps)",
                                band.min
                            ),
                        );
                    }
                    if band.max < band.min {
                        check.error(
                            format!("{band_path}.max"),
                            format!("max {} is below min {}", band.max, band.min),
                        );
                    }
                    expected_min = band.max.saturating_add(1);
                    SubscriptionBand {
                        min: band.min,
                        max: band.max,
                        unit_cost: check.quantity(&format!("{band_path}.unit_cost"), &band.unit_cost),
                    }
                })
                .collect();
            AffiliateModel::Subscription {
                bands,
                period: period_from_raw(*period),
                quantity: *quantity,
            }
        }
        RawAffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => AffiliateModel::IncidentBased {
            incidents_per_month: check
                .hours(&format!("{path}.incidents_per_month"), incidents_per_month),
            cost_per_incident: check
                .quantity(&format!("{path}.cost_per_incident"), cost_per_incident),
        },
    }
}

fn period_to_raw(period: FeePeriod) -> RawFeePeriod {
    match period {
        FeePeriod::Month => RawFeePeriod::Month,
        FeePeriod::Quarter => RawFeePeriod::Quarter,
    }
}

pub(super) fn affiliate_model_to_raw(model: &AffiliateModel) -> RawAffiliateModel {
    match model {
        AffiliateModel::AgentFee {
            monthly_sell_price,
            royalty_percent,
        } => RawAffiliateModel::AgentFee {
            monthly_sell_price: text(*monthly_sell_price),
            royalty_percent: text(*royalty_percent),
        },
        AffiliateModel::UserBased {
            unit_cost,
            period,
            quantity,
        } => RawAffiliateModel::UserBased {
            unit_cost: text(*unit_cost),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::DeviceBased {
            unit_cost,
            period,
            quantity,
        } => RawAffiliateModel::DeviceBased {
            unit_cost: text(*unit_cost),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::Subscription {
            bands,
            period,
            quantity,
        } => RawAffiliateModel::Subscription {
            bands: bands
                .iter()
                .map(|band| RawSubscriptionBand {
                    min: band.min,
                    max: band.max,
                    unit_cost: text(band.unit_cost),
                })
                .collect(),
            period: period_to_raw(*period),
            quantity: *quantity,
        },
        AffiliateModel::IncidentBased {
            incidents_per_month,
            cost_per_incident,
        } => RawAffiliateModel::IncidentBased {
            incidents_per_month: text(*incidents_per_month),
            cost_per_incident: text(*cost_per_incident),
        },
    }
}
