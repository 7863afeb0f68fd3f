//! Bank holidays in England and Wales, 2024 to 2030, as published by GOV.UK: the one list working days
//! are counted from. Substitute days are listed where a holiday falls on a weekend.

use jiff::civil::{date, Date, Weekday};

/// A bank holiday and its name, e.g. "Boxing Day (substitute day)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankHoliday {
    pub date: Date,
    pub name: &'static str,
}

const fn holiday(year: i16, month: i8, day: i8, name: &'static str) -> BankHoliday {
    BankHoliday {
        date: date(year, month, day),
        name,
    }
}

/// The first and last years the list covers. Outside them only weekends are skipped.
pub const FIRST_LISTED_YEAR: i16 = 2024;
pub const LAST_LISTED_YEAR: i16 = 2030;

const NEW_YEAR: &str = "New Year's Day";
const NEW_YEAR_SUBSTITUTE: &str = "New Year's Day (substitute day)";
const GOOD_FRIDAY: &str = "Good Friday";
const EASTER_MONDAY: &str = "Easter Monday";
const EARLY_MAY: &str = "Early May bank holiday";
const SPRING: &str = "Spring bank holiday";
const SUMMER: &str = "Summer bank holiday";
const CHRISTMAS: &str = "Christmas Day";
const CHRISTMAS_SUBSTITUTE: &str = "Christmas Day (substitute day)";
const BOXING_DAY: &str = "Boxing Day";
const BOXING_DAY_SUBSTITUTE: &str = "Boxing Day (substitute day)";

/// Every bank holiday in England and Wales from 2024 to 2030, in date order.
pub const BANK_HOLIDAYS: &[BankHoliday] = &[
    holiday(2024, 1, 1, NEW_YEAR),
    holiday(2024, 3, 29, GOOD_FRIDAY),
    holiday(2024, 4, 1, EASTER_MONDAY),
    holiday(2024, 5, 6, EARLY_MAY),
    holiday(2024, 5, 27, SPRING),
    holiday(2024, 8, 26, SUMMER),
    holiday(2024, 12, 25, CHRISTMAS),
    holiday(2024, 12, 26, BOXING_DAY),
    holiday(2025, 1, 1, NEW_YEAR),
    holiday(2025, 4, 18, GOOD_FRIDAY),
    holiday(2025, 4, 21, EASTER_MONDAY),
    holiday(2025, 5, 5, EARLY_MAY),
    holiday(2025, 5, 26, SPRING),
    holiday(2025, 8, 25, SUMMER),
    holiday(2025, 12, 25, CHRISTMAS),
    holiday(2025, 12, 26, BOXING_DAY),
    holiday(2026, 1, 1, NEW_YEAR),
    holiday(2026, 4, 3, GOOD_FRIDAY),
    holiday(2026, 4, 6, EASTER_MONDAY),
    holiday(2026, 5, 4, EARLY_MAY),
    holiday(2026, 5, 25, SPRING),
    holiday(2026, 8, 31, SUMMER),
    holiday(2026, 12, 25, CHRISTMAS),
    holiday(2026, 12, 28, BOXING_DAY_SUBSTITUTE),
    holiday(2027, 1, 1, NEW_YEAR),
    holiday(2027, 3, 26, GOOD_FRIDAY),
    holiday(2027, 3, 29, EASTER_MONDAY),
    holiday(2027, 5, 3, EARLY_MAY),
    holiday(2027, 5, 31, SPRING),
    holiday(2027, 8, 30, SUMMER),
    holiday(2027, 12, 27, CHRISTMAS_SUBSTITUTE),
    holiday(2027, 12, 28, BOXING_DAY_SUBSTITUTE),
    holiday(2028, 1, 3, NEW_YEAR_SUBSTITUTE),
    holiday(2028, 4, 14, GOOD_FRIDAY),
    holiday(2028, 4, 17, EASTER_MONDAY),
    holiday(2028, 5, 1, EARLY_MAY),
    holiday(2028, 5, 29, SPRING),
    holiday(2028, 8, 28, SUMMER),
    holiday(2028, 12, 25, CHRISTMAS),
    holiday(2028, 12, 26, BOXING_DAY),
    holiday(2029, 1, 1, NEW_YEAR),
    holiday(2029, 3, 30, GOOD_FRIDAY),
    holiday(2029, 4, 2, EASTER_MONDAY),
    holiday(2029, 5, 7, EARLY_MAY),
    holiday(2029, 5, 28, SPRING),
    holiday(2029, 8, 27, SUMMER),
    holiday(2029, 12, 25, CHRISTMAS),
    holiday(2029, 12, 26, BOXING_DAY),
    holiday(2030, 1, 1, NEW_YEAR),
    holiday(2030, 4, 19, GOOD_FRIDAY),
    holiday(2030, 4, 22, EASTER_MONDAY),
    holiday(2030, 5, 6, EARLY_MAY),
    holiday(2030, 5, 27, SPRING),
    holiday(2030, 8, 26, SUMMER),
    holiday(2030, 12, 25, CHRISTMAS),
    holiday(2030, 12, 26, BOXING_DAY),
];

/// The bank holiday on `day`, if there is one.
pub fn bank_holiday(day: Date) -> Option<&'static BankHoliday> {
    BANK_HOLIDAYS.iter().find(|holiday| holiday.date == day)
}

/// Monday to Friday, and not a bank holiday.
pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && bank_holiday(day).is_none()
}

/// The `n`th working day after `day` (`day` itself does not count), skipping weekends and bank holidays;
/// `None` when the count runs past the last day of the calendar (31 December 9999).
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::reviews::add_working_days;
/// // Friday 18 December 2026 + 3 working days: Monday 21, Tuesday 22, Wednesday 23.
/// assert_eq!(add_working_days(date(2026, 12, 18), 3), Some(date(2026, 12, 23)));
/// // Christmas Day and the Boxing Day substitute are skipped.
/// assert_eq!(add_working_days(date(2026, 12, 24), 1), Some(date(2026, 12, 29)));
/// // Past the end of the calendar there is no such day.
/// assert_eq!(add_working_days(date(9999, 12, 20), 15), None);
/// ```
pub fn add_working_days(day: Date, n: u32) -> Option<Date> {
    let mut current = day;
    let mut counted = 0;
    while counted < n {
        current = current.tomorrow().ok()?;
        if is_working_day(current) {
            counted += 1;
        }
    }
    Some(current)
}

/// The bank holidays strictly after `from` and up to `to`, for saying which ones a count skipped.
pub fn bank_holidays_between(from: Date, to: Date) -> impl Iterator<Item = &'static BankHoliday> {
    BANK_HOLIDAYS
        .iter()
        .filter(move |holiday| holiday.date > from && holiday.date <= to)
}

#[cfg(test)]
mod tests;
