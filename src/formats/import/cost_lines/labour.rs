//! Imported labour as the analysis's extra labour lines: hours of a role, priced by the engine
//! at the role's hourly cost. Hours at a sheet's own rate, or labour given as a cost, become the
//! hours of the role that cost the same (to 6 decimal places, so each line's monthly cost is the
//! sheet's to the cent), and the description says so.

use rust_decimal::Decimal;

use crate::core::cost::LabourLine;
use crate::core::limits::MAX_HOURS;
use crate::core::money::round_half_away;
use crate::formats::import::header::normalize;

/// A labour role and its fully burdened hourly cost (the quote's, or the book's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCost {
    pub id: String,
    pub name: String,
    pub hourly_cost: Decimal,
}

/// The roles imported labour is priced at; the first is used when a row names none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabourPricing {
    pub roles: Vec<RoleCost>,
}

impl LabourPricing {
    /// The role a Role cell names (by id or name, or "junior"/"senior"), else the first role.
    fn role(&self, named: Option<&str>) -> Result<&RoleCost, String> {
        let first = self
            .roles
            .first()
            .ok_or_else(|| "the price book has no labour roles".to_string())?;
        let Some(named) = named.map(normalize).filter(|text| !text.is_empty()) else {
            return Ok(first);
        };
        let alias = match named.as_str() {
            "junior" | "technician" | "specialist" => "technical specialist",
            "senior" | "consultant" => "systems consultant",
            other => other,
        };
        self.roles
            .iter()
            .find(|role| normalize(&role.id) == alias || normalize(&role.name) == alias)
            .ok_or_else(|| {
                let ids: Vec<&str> = self.roles.iter().map(|role| role.id.as_str()).collect();
                format!(
                    "role '{named}' is not one of the book's roles ({})",
                    ids.join(", ")
                )
            })
    }
}

/// Hours of `role` that cost `cost`, to 6 places.
fn equivalent_hours(cost: Decimal, role: &RoleCost) -> Result<Decimal, String> {
    if role.hourly_cost <= Decimal::ZERO {
        return Err(format!(
            "{} has no hourly cost to price labour given as money",
            role.name
        ));
    }
    let hours = cost
        .checked_div(role.hourly_cost)
        .map(|hours| round_half_away(hours, 6))
        .ok_or_else(|| "labour cost too large".to_string())?;
    within_hours_limit(hours)
}

/// `hours` a month when within a quote file's limit, so a quote saved after the import opens.
fn within_hours_limit(hours: Decimal) -> Result<Decimal, String> {
    if hours > MAX_HOURS {
        return Err(format!(
            "{} h a month is above the limit of 1,000,000 hours",
            hours.normalize()
        ));
    }
    Ok(hours)
}

/// A labour line from a row's hours (at the role's cost, or at `rate` when the sheet gives
/// one) or its `cost`.
///
/// # Errors
/// The reason, when the row has neither hours nor a cost, a negative value, or money that
/// cannot be priced without `pricing`, or hours a month past the quote file's limit.
pub fn labour_line(
    description: &str,
    hours: Option<Decimal>,
    rate: Option<Decimal>,
    cost: Option<Decimal>,
    role_named: Option<&str>,
    pricing: Option<&LabourPricing>,
) -> Result<LabourLine, String> {
    if [hours, rate, cost]
        .iter()
        .flatten()
        .any(|value| *value < Decimal::ZERO)
    {
        return Err("negative labour hours, rate or cost".to_string());
    }
    if let Some(hours) = hours {
        within_hours_limit(hours)?;
    }
    let need_pricing = || {
        pricing
            .ok_or_else(|| "labour given as money needs the quote's role hourly costs".to_string())
    };
    let line = |role: &RoleCost, hours_per_month: Decimal, description: String| LabourLine {
        description,
        role: role.id.clone(),
        hours_per_month,
    };
    match (hours, rate, cost) {
        (Some(hours), Some(rate), _) => {
            let role = need_pricing()?.role(role_named)?;
            if rate == role.hourly_cost {
                return Ok(line(role, hours, description.to_string()));
            }
            let cost = hours
                .checked_mul(rate)
                .ok_or_else(|| "labour cost too large".to_string())?;
            let equivalent = equivalent_hours(cost, role)?;
            Ok(line(
                role,
                equivalent,
                format!(
                    "{description} ({} h at {}/h from the sheet, as {} h of {})",
                    hours.normalize(),
                    rate.normalize(),
                    equivalent.normalize(),
                    role.name
                ),
            ))
        }
        (Some(hours), None, _) => match pricing {
            Some(pricing) => Ok(line(
                pricing.role(role_named)?,
                hours,
                description.to_string(),
            )),
            None => Ok(LabourLine {
                description: description.to_string(),
                role: role_named
                    .map(normalize)
                    .filter(|role| !role.is_empty())
                    .map_or_else(
                        || "technical-specialist".to_string(),
                        |role| role.replace(' ', "-"),
                    ),
                hours_per_month: hours,
            }),
        },
        (None, _, Some(cost)) => {
            let role = need_pricing()?.role(role_named)?;
            let equivalent = equivalent_hours(cost, role)?;
            Ok(line(
                role,
                equivalent,
                format!(
                    "{description} (labour cost {} from the sheet, as {} h of {})",
                    cost.normalize(),
                    equivalent.normalize(),
                    role.name
                ),
            ))
        }
        (None, _, None) => Err("labour with neither hours nor a cost".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn pricing() -> LabourPricing {
        LabourPricing {
            roles: vec![RoleCost {
                id: "technical-specialist".into(),
                name: "Technical Specialist".into(),
                hourly_cost: dec!(45),
            }],
        }
    }

    #[test]
    fn hours_past_the_quote_files_limit_are_refused_however_they_are_given() {
        let pricing = pricing();
        // At 45.00/h: 45,000,045.00 is 1,000,001 h; 2 h at 22,500,000/h is 45,000,000.00 =
        // 1,000,000 h exactly (the limit itself is taken).
        for (case, hours, rate, cost, refused) in [
            ("hours given", Some(dec!(1000001)), None, None, true),
            ("hours at the limit", Some(dec!(1000000)), None, None, false),
            ("a cost", None, None, Some(dec!(45000045)), true),
            (
                "hours at a rate",
                Some(dec!(2)),
                Some(dec!(22500000)),
                None,
                false,
            ),
            (
                "hours at a higher rate",
                Some(dec!(2)),
                Some(dec!(22500045)),
                None,
                true,
            ),
        ] {
            let result = labour_line("x", hours, rate, cost, None, Some(&pricing));
            assert_eq!(
                result
                    .as_ref()
                    .is_err_and(|reason| reason.contains("above the limit of 1,000,000 hours")),
                refused,
                "case {case}: {result:?}"
            );
        }
    }

    #[test]
    fn money_becomes_hours_that_cost_the_same_to_the_cent() {
        // 100.00 at 45.00/h: 2.222222 h, x 45 = 99.99999 -> 100.00.
        let line = labour_line("x", None, None, Some(dec!(100)), None, Some(&pricing())).unwrap();
        assert_eq!(line.hours_per_month, dec!(2.222222));
        assert_eq!(
            round_half_away(line.hours_per_month * dec!(45), 2),
            dec!(100.00)
        );
        // 2.5 h at 55/h = 137.50.
        let line = labour_line(
            "y",
            Some(dec!(2.5)),
            Some(dec!(55)),
            None,
            None,
            Some(&pricing()),
        )
        .unwrap();
        assert_eq!(
            round_half_away(line.hours_per_month * dec!(45), 2),
            dec!(137.50)
        );
        assert!(line.description.contains("2.5 h at 55/h"));
    }
}
