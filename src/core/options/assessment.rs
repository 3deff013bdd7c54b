//! The assessment fee: from the type, size (servers) and locations of the customer's
//! infrastructure (handbook, "Establishing Assessment Fees").
//!
//! # Derivation
//! Hours per activity, each at its rate-card entry:
//! - travel: `travel_hours_per_location x locations`;
//! - pre-assessment discovery: `discovery_hours` (once);
//! - server analysis: `analysis_hours_per_server x servers x type factor`;
//! - site analysis: `analysis_hours_per_site x locations x type factor`;
//! - report writing: `report_hours + report_hours_per_server x servers`.
//!
//! Each activity's amount is hours x hourly rate, rounded half away from zero to the cent;
//! the fee is their sum. No quantity discount applies (hourly rates).

use rust_decimal::Decimal;

use super::OptionError;
use crate::core::money::Checked;
use crate::core::price_book::{HourlyRate, PriceBook, join_display};

/// What is assessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRequest {
    /// Infrastructure type id ("small", "medium", "enterprise" in the standard book).
    pub infrastructure_type: String,
    /// Servers (at least 1).
    pub servers: u32,
    /// Locations (at least 1).
    pub locations: u32,
}

/// One activity of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentActivity {
    /// "travel", "discovery", "server-analysis", "site-analysis", "report".
    pub id: &'static str,
    pub name: &'static str,
    pub hours: Decimal,
    pub rate_id: String,
    pub hourly_rate: Decimal,
    /// hours x rate, rounded to the cent.
    pub amount: Decimal,
}

/// A priced assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentFee {
    pub infrastructure_type: String,
    pub infrastructure_name: String,
    pub analysis_factor: Decimal,
    pub servers: u32,
    pub locations: u32,
    pub activities: Vec<AssessmentActivity>,
    pub hours: Decimal,
    pub total: Decimal,
}

/// Prices an assessment.
///
/// # Errors
/// [`OptionError`] when the book has no `assessment` section, the type or a rate is unknown,
/// or servers or locations is 0.
pub fn price_assessment(
    book: &PriceBook,
    request: &AssessmentRequest,
) -> Result<AssessmentFee, OptionError> {
    let rules = book
        .options
        .assessment
        .as_ref()
        .ok_or(OptionError::NotInBook {
            section: "assessment",
            what: "assessment fees",
        })?;
    let kind = rules
        .infrastructure_types
        .iter()
        .find(|kind| kind.id == request.infrastructure_type)
        .ok_or_else(|| OptionError::Unknown {
            what: "infrastructure type",
            id: request.infrastructure_type.clone(),
            allowed: join_display(rules.infrastructure_types.iter().map(|k| &k.id)),
        })?;
    for (what, value) in [
        ("the number of servers", request.servers),
        ("the number of locations", request.locations),
    ] {
        if value == 0 {
            return Err(OptionError::OutOfRange {
                what,
                value: "0".to_string(),
                rule: "it starts at 1".to_string(),
            });
        }
    }
    let servers = Decimal::from(request.servers);
    let locations = Decimal::from(request.locations);
    let factor = kind.analysis_factor;
    let plan: [(&'static str, &'static str, Checked, &str); 5] = [
        (
            "travel",
            "Travel",
            Checked::from(rules.travel_hours_per_location) * locations,
            &rules.travel_rate,
        ),
        (
            "discovery",
            "Pre-assessment discovery",
            rules.discovery_hours.into(),
            &rules.discovery_rate,
        ),
        (
            "server-analysis",
            "Analysis of the servers",
            Checked::from(rules.analysis_hours_per_server) * servers * factor,
            &rules.analysis_rate,
        ),
        (
            "site-analysis",
            "Analysis of each site's supporting infrastructure",
            Checked::from(rules.analysis_hours_per_site) * locations * factor,
            &rules.analysis_rate,
        ),
        (
            "report",
            "Assessment and recommendation report",
            Checked::from(rules.report_hours)
                + Checked::from(rules.report_hours_per_server) * servers,
            &rules.report_rate,
        ),
    ];
    let decimals = book.currency.decimals;
    let mut activities = Vec::with_capacity(plan.len());
    for (id, name, hours, rate_id) in plan {
        let rate = rate_of(book, rate_id)?;
        let figure = || format!("the assessment's {id} hours");
        activities.push(AssessmentActivity {
            id,
            name,
            hours: hours.or_too_large_with(figure)?,
            rate_id: rate.id.clone(),
            hourly_rate: rate.rate,
            amount: (hours * rate.rate)
                .round(decimals)
                .or_too_large_with(figure)?,
        });
    }
    Ok(AssessmentFee {
        infrastructure_type: kind.id.clone(),
        infrastructure_name: kind.name.clone(),
        analysis_factor: factor,
        servers: request.servers,
        locations: request.locations,
        hours: activities
            .iter()
            .map(|a| a.hours)
            .sum::<Checked>()
            .or_too_large("the assessment's hours")?,
        total: activities
            .iter()
            .map(|a| a.amount)
            .sum::<Checked>()
            .or_too_large("the assessment's total")?,
        activities,
    })
}

fn rate_of<'a>(book: &'a PriceBook, id: &str) -> Result<&'a HourlyRate, OptionError> {
    book.hourly_rate(id).ok_or_else(|| OptionError::Unknown {
        what: "hourly rate",
        id: id.to_string(),
        allowed: join_display(book.hourly_rates.iter().map(|r| &r.id)),
    })
}
