//! The day and time in Europe/London at an instant, without a time zone database: Greenwich Mean Time,
//! and British Summer Time (one hour ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October (the rule since 1981, applied to every year).
//!
//! "Today" and every date the officer reads are London's, whatever the device's time zone: a
//! countersignature at 00:30 on a summer night is dated that day, not the day before.
//!
//! ```
//! use jiff::civil::date;
//! use jiff::Timestamp;
//! use probation_workbook::domain::dates::{london_date, london_datetime};
//! let half_past_midnight_bst: Timestamp = "2026-07-14T23:30:00Z".parse().unwrap();
//! assert_eq!(london_date(half_past_midnight_bst), date(2026, 7, 15));
//! assert_eq!(london_datetime(half_past_midnight_bst), date(2026, 7, 15).at(0, 30, 0, 0));
//! ```

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

/// The hour (UTC) at which the clocks change, on both Sundays.
const CHANGE_HOUR_UTC: i8 = 1;

/// 01:00 UTC on the last Sunday of `month` in `year`, as a UTC civil time; `None` outside the calendar.
fn change_instant(year: i16, month: i8) -> Option<DateTime> {
    let sunday = Date::new(year, month, 1)
        .ok()?
        .nth_weekday_of_month(-1, Weekday::Sunday)
        .ok()?;
    Some(sunday.at(CHANGE_HOUR_UTC, 0, 0, 0))
}

/// Whether London keeps British Summer Time at `instant`.
///
/// ```
/// use jiff::Timestamp;
/// use probation_workbook::domain::dates::is_british_summer_time;
/// let at = |text: &str| text.parse::<Timestamp>().unwrap();
/// assert!(!is_british_summer_time(at("2026-03-29T00:59:59Z")));
/// assert!(is_british_summer_time(at("2026-03-29T01:00:00Z")));
/// assert!(is_british_summer_time(at("2026-10-25T00:59:59Z")));
/// assert!(!is_british_summer_time(at("2026-10-25T01:00:00Z")));
/// ```
pub fn is_british_summer_time(instant: Timestamp) -> bool {
    let utc = TimeZone::UTC.to_datetime(instant);
    let year = utc.year();
    match (change_instant(year, 3), change_instant(year, 10)) {
        (Some(starts), Some(ends)) => starts <= utc && utc < ends,
        _ => false,
    }
}

/// London's offset from UTC at `instant`: +01:00 in British Summer Time, otherwise zero.
pub fn london_offset(instant: Timestamp) -> Offset {
    if is_british_summer_time(instant) {
        Offset::constant(1)
    } else {
        Offset::UTC
    }
}

/// The civil date and time in London at `instant`. Never fails: summer time never reaches the end
/// of the calendar (31 December 9999).
pub fn london_datetime(instant: Timestamp) -> DateTime {
    london_offset(instant).to_datetime(instant)
}

/// The day it is in London at `instant`.
pub fn london_date(instant: Timestamp) -> Date {
    london_datetime(instant).date()
}

/// The London day of an RFC 3339 time ("2026-07-14T23:30:00Z" is 15 July 2026), or `None` when the
/// text is not a time.
pub fn london_date_of(at: &str) -> Option<Date> {
    at.parse::<Timestamp>().ok().map(london_date)
}

/// "1 December 2026 at 22:40": an RFC 3339 time as a day and time in London, or `None` when the
/// text is not a time.
pub fn london_long_time(at: &str) -> Option<String> {
    let time = london_datetime(at.parse::<Timestamp>().ok()?);
    Some(format!(
        "{} at {:02}:{:02}",
        super::format_long(time.date()),
        time.hour(),
        time.minute()
    ))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_long_time_is_the_day_and_time_in_london() {
        assert_eq!(
            london_long_time("2026-12-01T22:40:59Z").as_deref(),
            Some("1 December 2026 at 22:40")
        );
        assert_eq!(
            london_long_time("2026-07-14T23:30:00Z").as_deref(),
            Some("15 July 2026 at 00:30")
        );
        assert_eq!(london_long_time("yesterday"), None);
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn summer_time_starts_at_one_in_the_morning_utc_on_the_last_sunday_of_march() {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST.
        assert_eq!(
            london_datetime(at("2026-03-29T00:59:59Z")),
            date(2026, 3, 29).at(0, 59, 59, 0)
        );
        assert_eq!(
            london_datetime(at("2026-03-29T01:00:00Z")),
            date(2026, 3, 29).at(2, 0, 0, 0)
        );
        assert_eq!(
            london_datetime(at("2026-03-29T01:00:01Z")),
            date(2026, 3, 29).at(2, 0, 1, 0)
        );
        // The Saturday before and a Sunday earlier in the month are winter time.
        assert!(!is_british_summer_time(at("2026-03-28T12:00:00Z")));
        assert!(!is_british_summer_time(at("2026-03-22T12:00:00Z")));
        // 2027: the last Sunday is 28 March.
        assert!(!is_british_summer_time(at("2027-03-28T00:59:59Z")));
        assert!(is_british_summer_time(at("2027-03-28T01:00:00Z")));
    }

    #[test]
    fn summer_time_ends_at_one_in_the_morning_utc_on_the_last_sunday_of_october() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:xx happens twice.
        assert_eq!(
            london_datetime(at("2026-10-25T00:59:59Z")),
            date(2026, 10, 25).at(1, 59, 59, 0)
        );
        assert_eq!(
            london_datetime(at("2026-10-25T01:00:00Z")),
            date(2026, 10, 25).at(1, 0, 0, 0)
        );
        assert_eq!(
            london_datetime(at("2026-10-25T01:00:01Z")),
            date(2026, 10, 25).at(1, 0, 1, 0)
        );
        assert!(is_british_summer_time(at("2026-10-24T23:00:00Z")));
        assert!(!is_british_summer_time(at("2026-10-31T12:00:00Z")));
    }

    #[test]
    fn half_past_midnight_in_summer_is_already_the_next_day() {
        // Countersigned at 00:30 BST on 15 July: 23:30 UTC on the 14th.
        assert_eq!(london_date(at("2026-07-14T23:30:00Z")), date(2026, 7, 15));
        assert_eq!(london_date(at("2026-07-14T22:59:59Z")), date(2026, 7, 14));
        assert_eq!(london_date(at("2026-07-14T23:00:00Z")), date(2026, 7, 15));
        // In winter London is on UTC: 00:30 is 00:30.
        assert_eq!(london_date(at("2026-12-14T23:30:00Z")), date(2026, 12, 14));
        assert_eq!(london_date(at("2026-12-15T00:30:00Z")), date(2026, 12, 15));
        // Offsets in the text are honoured.
        assert_eq!(
            london_date(at("2026-07-15T00:30:00+01:00")),
            date(2026, 7, 15)
        );
    }

    #[test]
    fn new_year_and_the_ends_of_the_calendar_are_winter_time() {
        assert_eq!(
            london_datetime(at("2026-12-31T23:59:59Z")),
            date(2026, 12, 31).at(23, 59, 59, 0)
        );
        assert_eq!(
            london_datetime(Timestamp::MAX),
            TimeZone::UTC.to_datetime(Timestamp::MAX)
        );
        assert_eq!(
            london_datetime(Timestamp::MIN),
            TimeZone::UTC.to_datetime(Timestamp::MIN)
        );
    }

    #[test]
    fn a_text_that_is_not_a_time_has_no_day() {
        assert_eq!(
            london_date_of("2026-07-14T23:30:00Z"),
            Some(date(2026, 7, 15))
        );
        assert_eq!(london_date_of("not a time"), None);
        assert_eq!(london_date_of(""), None);
    }
}

/// Any instant jiff can hold (native only): converted without panicking, one hour ahead only in summer.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use jiff::ToSpan;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn any_instant_has_a_london_time_zero_or_one_hour_ahead(
            seconds in prop_oneof![
                Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
                // 1900 to 2100, where the work is.
                -2_208_988_800i64..=4_133_980_799,
            ],
        ) {
            let instant = Timestamp::from_second(seconds).unwrap();
            let utc = TimeZone::UTC.to_datetime(instant);
            let london = london_datetime(instant);
            let ahead = utc.until(london).unwrap().total(jiff::Unit::Second).unwrap();
            if is_british_summer_time(instant) {
                prop_assert_eq!(ahead, 3600.0);
                prop_assert!((3..=10).contains(&utc.month()));
                prop_assert_eq!(london.checked_sub(1.hour()).unwrap(), utc);
            } else {
                prop_assert_eq!(ahead, 0.0);
            }
            let day = london_date(instant);
            prop_assert!(day == utc.date() || utc.date().tomorrow().ok() == Some(day));
        }
    }
}
