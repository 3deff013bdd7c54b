//! The contract calendar (pricing-rules.md section 10): contract month m runs from
//! start + (m - 1) calendar months to the day before start + m months; a start on the
//! 29th-31st is clamped to a shorter month's last day.

use chrono::{Months, NaiveDate};

/// The first day of contract month `month` (1-based), or `None` past the calendar's end.
pub fn month_first_day(start: NaiveDate, month: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(month.checked_sub(1)?))
}

/// The last day of contract month `month` (1-based): the day before the next month's first.
pub fn month_last_day(start: NaiveDate, month: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(month))?.pred_opt()
}

/// Days in contract month `month` (28-31).
pub fn days_in_month(start: NaiveDate, month: u32) -> Option<u32> {
    let first = month_first_day(start, month)?;
    let last = month_last_day(start, month)?;
    u32::try_from((last - first).num_days() + 1).ok()
}

/// The contract month (1..=term) that contains `date`, or `None` outside the term.
pub fn month_containing(start: NaiveDate, term_months: u32, date: NaiveDate) -> Option<u32> {
    if date < start {
        return None;
    }
    (1..=term_months).find(|&month| month_last_day(start, month).is_some_and(|last| date <= last))
}

/// The last day of the term (the last day of month `term_months`).
pub fn term_end(start: NaiveDate, term_months: u32) -> Option<NaiveDate> {
    month_last_day(start, term_months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_run_from_the_start_day_to_the_day_before() {
        // (case, start, month, first, last, days): derived by counting calendar days.
        let cases = [
            (
                "example 4 month 5",
                "2026-01-15",
                5,
                "2026-05-15",
                "2026-06-14",
                31,
            ),
            (
                "example 4 month 6",
                "2026-01-15",
                6,
                "2026-06-15",
                "2026-07-14",
                30,
            ),
            (
                "first of month",
                "2026-03-01",
                1,
                "2026-03-01",
                "2026-03-31",
                31,
            ),
            (
                "31st clamped to Feb 28",
                "2026-01-31",
                1,
                "2026-01-31",
                "2026-02-27",
                28,
            ),
            (
                "31st month 2",
                "2026-01-31",
                2,
                "2026-02-28",
                "2026-03-30",
                31,
            ),
            (
                "31st month 3 back on 31",
                "2026-01-31",
                3,
                "2026-03-31",
                "2026-04-29",
                30,
            ),
            (
                "leap year Feb 29",
                "2028-01-31",
                2,
                "2028-02-29",
                "2028-03-30",
                31,
            ),
        ];
        for (name, start, month, first, last, days) in cases {
            let start = date(start);
            assert_eq!(month_first_day(start, month), Some(date(first)), "{name}");
            assert_eq!(month_last_day(start, month), Some(date(last)), "{name}");
            assert_eq!(days_in_month(start, month), Some(days), "{name}");
        }
    }

    #[test]
    fn a_date_falls_in_one_month_of_the_term_or_none() {
        let start = date("2026-01-15");
        assert_eq!(month_containing(start, 24, date("2026-06-01")), Some(5));
        assert_eq!(month_containing(start, 24, date("2026-06-15")), Some(6));
        assert_eq!(month_containing(start, 24, date("2026-01-14")), None);
        assert_eq!(month_containing(start, 24, date("2028-01-14")), Some(24));
        assert_eq!(month_containing(start, 24, date("2028-01-15")), None);
        assert_eq!(term_end(start, 24), Some(date("2028-01-14")));
    }
}
