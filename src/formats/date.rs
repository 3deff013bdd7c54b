//! The date a new quote gets when none is given.

use chrono::NaiveDate;

/// Today's date (UTC), or the date of `SOURCE_DATE_EPOCH` (seconds since 1970-01-01) when it
/// is set, so that a reproducible build can pin it. Used for quotes built from flags and for
/// the window's new quotes; a date outside chrono's range gives 1970-01-01.
pub fn default_date() -> NaiveDate {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|text| text.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| {
                    i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
                })
        });
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|moment| moment.date_naive())
        .unwrap_or_default()
}
