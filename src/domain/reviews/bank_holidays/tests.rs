//! The list checked against known dates and against the rules that make it: Easter by the Gregorian
//! computus, the Monday holidays, and substitute days for weekends.

use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;

use super::*;

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(year, month as i8, day as i8)
}

fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The next weekday on or after `day` not already taken by another holiday.
fn substitute(day: Date, taken: &[Date]) -> Date {
    let mut current = day;
    while is_weekend(current) || taken.contains(&current) {
        current = current.tomorrow().unwrap();
    }
    current
}

/// The holidays of `year` from the rules, in date order.
fn by_the_rules(year: i16) -> Vec<Date> {
    let easter = easter_sunday(year);
    let new_year = substitute(date(year, 1, 1), &[]);
    let christmas = substitute(date(year, 12, 25), &[]);
    let boxing_day = substitute(date(year, 12, 26), &[christmas]);
    vec![
        new_year,
        easter.checked_sub(2.days()).unwrap(),
        easter.checked_add(1.day()).unwrap(),
        date(year, 5, 1)
            .nth_weekday_of_month(1, Weekday::Monday)
            .unwrap(),
        date(year, 5, 1)
            .nth_weekday_of_month(-1, Weekday::Monday)
            .unwrap(),
        date(year, 8, 1)
            .nth_weekday_of_month(-1, Weekday::Monday)
            .unwrap(),
        christmas,
        boxing_day,
    ]
}

#[test]
fn the_list_matches_the_rules_for_every_year() {
    for year in FIRST_LISTED_YEAR..=LAST_LISTED_YEAR {
        let listed: Vec<Date> = BANK_HOLIDAYS
            .iter()
            .filter(|holiday| holiday.date.year() == year)
            .map(|holiday| holiday.date)
            .collect();
        assert_eq!(listed, by_the_rules(year), "{year}");
    }
    assert_eq!(BANK_HOLIDAYS.len(), 8 * 7);
}

#[test]
fn known_dates_are_listed_with_their_names() {
    assert_eq!(easter_sunday(2024), date(2024, 3, 31));
    let name = |y, m, d| bank_holiday(date(y, m, d)).map(|holiday| holiday.name);
    assert_eq!(name(2024, 3, 29), Some("Good Friday"));
    assert_eq!(name(2025, 4, 18), Some("Good Friday"));
    assert_eq!(name(2026, 4, 3), Some("Good Friday"));
    assert_eq!(name(2026, 4, 6), Some("Easter Monday"));
    assert_eq!(name(2026, 8, 31), Some("Summer bank holiday"));
    assert_eq!(name(2026, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2027, 12, 27), Some("Christmas Day (substitute day)"));
    assert_eq!(name(2027, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2028, 1, 3), Some("New Year's Day (substitute day)"));
    assert_eq!(name(2026, 12, 24), None);
}

#[test]
fn no_bank_holiday_falls_on_a_weekend_and_the_list_is_in_order() {
    for holiday in BANK_HOLIDAYS {
        assert!(!is_weekend(holiday.date), "{holiday:?}");
    }
    assert!(BANK_HOLIDAYS
        .windows(2)
        .all(|pair| pair[0].date < pair[1].date));
}

#[test]
fn working_days_skip_weekends_and_bank_holidays() {
    assert!(is_working_day(date(2026, 11, 25)));
    assert!(!is_working_day(date(2026, 11, 28)), "a Saturday");
    assert!(!is_working_day(date(2026, 12, 28)), "a substitute day");
    assert_eq!(
        add_working_days(date(2026, 11, 25), 0),
        Some(date(2026, 11, 25))
    );
    assert_eq!(
        add_working_days(date(2026, 11, 27), 1),
        Some(date(2026, 11, 30))
    );
    // Easter 2026: Thursday 2 April + 1 is Tuesday 7 April.
    assert_eq!(
        add_working_days(date(2026, 4, 2), 1),
        Some(date(2026, 4, 7))
    );
    // Monday 21 December 2026 + 15: skips 25 and 28 December and 1 January.
    assert_eq!(
        add_working_days(date(2026, 12, 21), 15),
        Some(date(2027, 1, 14))
    );
}

#[test]
fn outside_the_listed_years_only_weekends_are_skipped() {
    assert!(is_working_day(date(2031, 12, 25)));
    assert_eq!(
        add_working_days(date(2031, 12, 24), 1),
        Some(date(2031, 12, 25))
    );
}

#[test]
fn the_holidays_a_count_skipped_can_be_named() {
    let skipped: Vec<&str> = bank_holidays_between(date(2026, 12, 21), date(2027, 1, 14))
        .map(|holiday| holiday.name)
        .collect();
    assert_eq!(
        skipped,
        [
            "Christmas Day",
            "Boxing Day (substitute day)",
            "New Year's Day"
        ]
    );
}

#[test]
fn no_working_day_is_counted_past_the_end_of_the_calendar() {
    assert_eq!(add_working_days(date(9999, 12, 31), 1), None);
    assert_eq!(add_working_days(date(9999, 12, 20), 15), None);
    assert_eq!(
        add_working_days(date(9999, 12, 31), 0),
        Some(date(9999, 12, 31))
    );
    assert!(add_working_days(date(-9999, 1, 1), 15).is_some());
}
