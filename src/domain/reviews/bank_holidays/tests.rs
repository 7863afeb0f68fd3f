//! The rules checked against GOV.UK's published lists for England and Wales (2018–2027), the one-off
//! changes, Easter and Christmas in later years, a leap day, and working days counted across them.

use jiff::civil::{date, Date, Weekday};

use super::*;

fn days_of(year: i16) -> Vec<Date> {
    bank_holidays_in(year)
        .iter()
        .map(|holiday| holiday.date)
        .collect()
}

fn named(year: i16) -> Vec<(Date, &'static str)> {
    bank_holidays_in(year)
        .iter()
        .map(|holiday| (holiday.date, holiday.name))
        .collect()
}

/// GOV.UK's bank holidays for England and Wales (www.gov.uk/bank-holidays), 2018 to 2027.
#[test]
fn the_rules_give_govuks_published_lists_for_2018_to_2027() {
    let d = |y, m, d| date(y, m, d);
    let published: [(i16, Vec<Date>); 10] = [
        (
            2018,
            vec![
                d(2018, 1, 1),
                d(2018, 3, 30),
                d(2018, 4, 2),
                d(2018, 5, 7),
                d(2018, 5, 28),
                d(2018, 8, 27),
                d(2018, 12, 25),
                d(2018, 12, 26),
            ],
        ),
        (
            2019,
            vec![
                d(2019, 1, 1),
                d(2019, 4, 19),
                d(2019, 4, 22),
                d(2019, 5, 6),
                d(2019, 5, 27),
                d(2019, 8, 26),
                d(2019, 12, 25),
                d(2019, 12, 26),
            ],
        ),
        (
            2020,
            vec![
                d(2020, 1, 1),
                d(2020, 4, 10),
                d(2020, 4, 13),
                d(2020, 5, 8),
                d(2020, 5, 25),
                d(2020, 8, 31),
                d(2020, 12, 25),
                d(2020, 12, 28),
            ],
        ),
        (
            2021,
            vec![
                d(2021, 1, 1),
                d(2021, 4, 2),
                d(2021, 4, 5),
                d(2021, 5, 3),
                d(2021, 5, 31),
                d(2021, 8, 30),
                d(2021, 12, 27),
                d(2021, 12, 28),
            ],
        ),
        (
            2022,
            vec![
                d(2022, 1, 3),
                d(2022, 4, 15),
                d(2022, 4, 18),
                d(2022, 5, 2),
                d(2022, 6, 2),
                d(2022, 6, 3),
                d(2022, 8, 29),
                d(2022, 9, 19),
                d(2022, 12, 26),
                d(2022, 12, 27),
            ],
        ),
        (
            2023,
            vec![
                d(2023, 1, 2),
                d(2023, 4, 7),
                d(2023, 4, 10),
                d(2023, 5, 1),
                d(2023, 5, 8),
                d(2023, 5, 29),
                d(2023, 8, 28),
                d(2023, 12, 25),
                d(2023, 12, 26),
            ],
        ),
        (
            2024,
            vec![
                d(2024, 1, 1),
                d(2024, 3, 29),
                d(2024, 4, 1),
                d(2024, 5, 6),
                d(2024, 5, 27),
                d(2024, 8, 26),
                d(2024, 12, 25),
                d(2024, 12, 26),
            ],
        ),
        (
            2025,
            vec![
                d(2025, 1, 1),
                d(2025, 4, 18),
                d(2025, 4, 21),
                d(2025, 5, 5),
                d(2025, 5, 26),
                d(2025, 8, 25),
                d(2025, 12, 25),
                d(2025, 12, 26),
            ],
        ),
        (
            2026,
            vec![
                d(2026, 1, 1),
                d(2026, 4, 3),
                d(2026, 4, 6),
                d(2026, 5, 4),
                d(2026, 5, 25),
                d(2026, 8, 31),
                d(2026, 12, 25),
                d(2026, 12, 28),
            ],
        ),
        (
            2027,
            vec![
                d(2027, 1, 1),
                d(2027, 3, 26),
                d(2027, 3, 29),
                d(2027, 5, 3),
                d(2027, 5, 31),
                d(2027, 8, 30),
                d(2027, 12, 27),
                d(2027, 12, 28),
            ],
        ),
    ];
    for (year, expected) in published {
        assert_eq!(days_of(year), expected, "{year}");
    }
}

#[test]
fn substitute_days_and_one_offs_have_govuks_names() {
    assert_eq!(
        named(2022),
        [
            (date(2022, 1, 3), "New Year's Day (substitute day)"),
            (date(2022, 4, 15), "Good Friday"),
            (date(2022, 4, 18), "Easter Monday"),
            (date(2022, 5, 2), "Early May bank holiday"),
            (date(2022, 6, 2), "Spring bank holiday"),
            (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
            (date(2022, 8, 29), "Summer bank holiday"),
            (
                date(2022, 9, 19),
                "Bank Holiday for the State Funeral of Queen Elizabeth II"
            ),
            (date(2022, 12, 26), "Boxing Day"),
            (date(2022, 12, 27), "Christmas Day (substitute day)"),
        ]
    );
    let name = |y, m, d| bank_holiday(date(y, m, d)).map(|holiday| holiday.name);
    assert_eq!(name(2020, 5, 8), Some("Early May bank holiday (VE day)"));
    assert_eq!(name(2020, 5, 4), None, "moved to the 8th");
    assert_eq!(name(2020, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2021, 12, 27), Some("Christmas Day (substitute day)"));
    assert_eq!(name(2021, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(
        name(2023, 5, 8),
        Some("Bank holiday for the coronation of King Charles III")
    );
    assert_eq!(name(2026, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2028, 1, 3), Some("New Year's Day (substitute day)"));
    assert_eq!(name(2026, 12, 24), None);
}

#[test]
fn the_jubilees_moved_the_spring_bank_holiday_into_june() {
    let june = |year: i16| -> Vec<(Date, &str)> {
        named(year)
            .into_iter()
            .filter(|(day, _)| day.month() == 5 || day.month() == 6)
            .collect()
    };
    assert_eq!(
        june(2012),
        [
            (date(2012, 5, 7), "Early May bank holiday"),
            (date(2012, 6, 4), "Spring bank holiday"),
            (date(2012, 6, 5), "Queen's Diamond Jubilee"),
        ]
    );
    assert_eq!(
        june(2002),
        [
            (date(2002, 5, 6), "Early May bank holiday"),
            (date(2002, 6, 3), "Queen's Golden Jubilee"),
            (date(2002, 6, 4), "Spring bank holiday"),
        ]
    );
    assert!(bank_holiday(date(2012, 5, 28)).is_none());
    assert!(bank_holiday(date(2022, 5, 30)).is_none());
    assert_eq!(days_of(2012).len(), 9);
    assert_eq!(days_of(1995)[3], date(1995, 5, 8));
    assert_eq!(days_of(1999).last(), Some(&date(1999, 12, 31)));
    assert!(bank_holiday(date(2011, 4, 29)).is_some());
}

#[test]
fn easter_sunday_by_the_gregorian_algorithm() {
    for (year, month, day) in [
        (1943, 4, 25),
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2024, 3, 31),
        (2026, 4, 5),
        (2031, 4, 13),
        (2032, 3, 28),
        (2035, 3, 25),
        (2038, 4, 25),
        (2285, 3, 22),
    ] {
        assert_eq!(easter_sunday(year), Some(date(year, month, day)), "{year}");
    }
}

#[test]
fn easter_and_christmas_after_2030_come_from_the_rules() {
    let name = |y, m, d| bank_holiday(date(y, m, d)).map(|holiday| holiday.name);
    // 2031: Easter Sunday 13 April.
    assert_eq!(name(2031, 4, 11), Some("Good Friday"));
    assert_eq!(name(2031, 4, 14), Some("Easter Monday"));
    // 2038: the latest Easter, 25 April.
    assert_eq!(name(2038, 4, 23), Some("Good Friday"));
    assert_eq!(name(2038, 4, 26), Some("Easter Monday"));
    // Christmas 2032 on a Saturday, 2033 on a Sunday, 2037 on a Friday.
    assert_eq!(name(2032, 12, 27), Some("Christmas Day (substitute day)"));
    assert_eq!(name(2032, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2033, 12, 26), Some("Boxing Day"));
    assert_eq!(name(2033, 12, 27), Some("Christmas Day (substitute day)"));
    assert_eq!(name(2037, 12, 25), Some("Christmas Day"));
    assert_eq!(name(2037, 12, 28), Some("Boxing Day (substitute day)"));
    assert_eq!(name(2031, 12, 25), Some("Christmas Day"));
    assert!(!is_working_day(date(2031, 12, 25)));
    assert_eq!(
        add_working_days(date(2031, 12, 24), 1),
        Some(date(2031, 12, 29))
    );
    assert_eq!(days_of(2100).len(), 8);
}

#[test]
fn a_leap_day_is_an_ordinary_working_day() {
    // Tuesday 29 February 2028.
    assert_eq!(date(2028, 2, 29).weekday(), Weekday::Tuesday);
    assert!(is_working_day(date(2028, 2, 29)));
    assert_eq!(
        add_working_days(date(2028, 2, 25), 2),
        Some(date(2028, 2, 29))
    );
    assert_eq!(
        add_working_days(date(2028, 2, 28), 1),
        Some(date(2028, 2, 29))
    );
    // Sunday 29 February 2032 is a weekend day.
    assert!(!is_working_day(date(2032, 2, 29)));
    assert_eq!(
        add_working_days(date(2032, 2, 27), 1),
        Some(date(2032, 3, 1))
    );
}

#[test]
fn the_rules_follow_the_law_of_earlier_years() {
    // New Year's Day from 1974, early May from 1978.
    assert!(bank_holiday(date(1973, 1, 1)).is_none());
    assert_eq!(
        bank_holiday(date(1974, 1, 1)).map(|h| h.name),
        Some("New Year's Day")
    );
    assert!(days_of(1977).iter().all(|day| *day != date(1977, 5, 2)));
    assert_eq!(
        bank_holiday(date(1978, 5, 1)).map(|h| h.name),
        Some("Early May bank holiday")
    );
    // Before 1971: Whit Monday and the first Monday of August.
    assert_eq!(
        bank_holiday(date(1960, 6, 6)).map(|h| h.name),
        Some("Spring bank holiday")
    );
    assert_eq!(
        bank_holiday(date(1960, 8, 1)).map(|h| h.name),
        Some("Summer bank holiday")
    );
}

#[test]
fn no_bank_holiday_falls_on_a_weekend_and_each_year_is_in_order() {
    for year in 1900..=2100 {
        let days = days_of(year);
        assert!(days.iter().all(|day| !is_weekend(*day)), "{year}");
        assert!(days.windows(2).all(|pair| pair[0] < pair[1]), "{year}");
        assert!(days.iter().all(|day| day.year() == year), "{year}");
        assert!((6..=10).contains(&days.len()), "{year}");
    }
    assert!(ONE_OFF_CHANGES
        .windows(2)
        .all(|pair| pair[0].year() <= pair[1].year()));
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
    // The coronation: Friday 5 May 2023 + 1 is Tuesday 9 May.
    assert_eq!(
        add_working_days(date(2023, 5, 5), 1),
        Some(date(2023, 5, 9))
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
    assert_eq!(
        bank_holidays_between(date(2027, 1, 14), date(2026, 12, 21)).count(),
        0
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
    assert!(bank_holidays_in(9999).iter().all(|h| h.date.year() == 9999));
    assert!(!bank_holidays_in(-9999).is_empty());
}
