//! Bank holidays in England and Wales for any year, by the rules that make them (the Banking and
//! Financial Dealings Act 1971 and the royal proclamations that follow it each year), plus the one-off
//! changes kept as data: the one list working days are counted from.
//!
//! The rules, for a year from 1978 on:
//! - New Year's Day (1 January), Christmas Day and Boxing Day; one that falls on a Saturday or Sunday
//!   has a substitute day on the next weekday not already a holiday (so Christmas on a Saturday gives
//!   Monday 27 and Tuesday 28 December, and Christmas on a Sunday gives Boxing Day on Monday 26 and the
//!   Christmas substitute on Tuesday 27, as GOV.UK names them);
//! - Good Friday and Easter Monday, from Easter Sunday by the anonymous Gregorian algorithm
//!   (Meeus/Jones/Butcher);
//! - the early May bank holiday (first Monday of May), the spring bank holiday (last Monday of May)
//!   and the summer bank holiday (last Monday of August).
//!
//! Earlier years follow the law of their time as far as it is a rule: New Year's Day is a bank
//! holiday from 1974 and the early May bank holiday from 1978; before 1971 the spring and summer
//! holidays are Whit Monday and the first Monday of August (Bank Holidays Act 1871). The trial dates
//! of 1965–1970 are not kept.
//!
//! One-off changes ([`ONE_OFF_CHANGES`]) move a holiday or add one: 8 May 2020 for VE day, the
//! jubilees of 2002, 2012 and 2022, the state funeral of 19 September 2022, the coronation of 8 May 2023…
//! A new one is one line there.

use jiff::civil::{date, Date, Weekday};
use jiff::ToSpan;

/// A bank holiday and its name, e.g. "Boxing Day (substitute day)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BankHoliday {
    pub date: Date,
    pub name: &'static str,
}

pub const NEW_YEAR: &str = "New Year's Day";
pub const GOOD_FRIDAY: &str = "Good Friday";
pub const EASTER_MONDAY: &str = "Easter Monday";
pub const EARLY_MAY: &str = "Early May bank holiday";
pub const SPRING: &str = "Spring bank holiday";
pub const SUMMER: &str = "Summer bank holiday";
pub const CHRISTMAS: &str = "Christmas Day";
pub const BOXING_DAY: &str = "Boxing Day";
const NEW_YEAR_SUBSTITUTE: &str = "New Year's Day (substitute day)";
const CHRISTMAS_SUBSTITUTE: &str = "Christmas Day (substitute day)";
const BOXING_DAY_SUBSTITUTE: &str = "Boxing Day (substitute day)";

/// The first year New Year's Day was a bank holiday in England and Wales.
const NEW_YEAR_FROM: i16 = 1974;
/// The first year of the early May bank holiday.
const EARLY_MAY_FROM: i16 = 1978;
/// The first year of the spring and summer bank holidays on the last Mondays of May and August
/// (before it, Whit Monday and the first Monday of August).
const LAST_MONDAYS_FROM: i16 = 1971;

/// A change to one year's bank holidays, announced by proclamation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OneOffChange {
    /// The holiday the rules name `rule` (e.g. [`SPRING`]) falls that year on another day, and may be
    /// renamed ("Early May bank holiday (VE day)").
    Moved {
        rule: &'static str,
        to: Date,
        name: &'static str,
    },
    /// An extra bank holiday.
    Extra(BankHoliday),
}

const fn moved(rule: &'static str, to: Date, name: &'static str) -> OneOffChange {
    OneOffChange::Moved { rule, to, name }
}

const fn extra(date: Date, name: &'static str) -> OneOffChange {
    OneOffChange::Extra(BankHoliday { date, name })
}

/// Every one-off change to the rules, in date order.
pub const ONE_OFF_CHANGES: &[OneOffChange] = &[
    extra(date(1973, 11, 14), "Royal wedding"),
    extra(date(1977, 6, 7), "Queen's Silver Jubilee"),
    extra(date(1981, 7, 29), "Royal wedding"),
    moved(
        EARLY_MAY,
        date(1995, 5, 8),
        "Early May bank holiday (VE day)",
    ),
    extra(date(1999, 12, 31), "Millennium celebrations"),
    extra(date(2002, 6, 3), "Queen's Golden Jubilee"),
    moved(SPRING, date(2002, 6, 4), SPRING),
    extra(date(2011, 4, 29), "Royal wedding"),
    moved(SPRING, date(2012, 6, 4), SPRING),
    extra(date(2012, 6, 5), "Queen's Diamond Jubilee"),
    moved(
        EARLY_MAY,
        date(2020, 5, 8),
        "Early May bank holiday (VE day)",
    ),
    moved(SPRING, date(2022, 6, 2), SPRING),
    extra(date(2022, 6, 3), "Platinum Jubilee bank holiday"),
    extra(
        date(2022, 9, 19),
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    extra(
        date(2023, 5, 8),
        "Bank holiday for the coronation of King Charles III",
    ),
];

impl OneOffChange {
    fn year(&self) -> i16 {
        match self {
            OneOffChange::Moved { to, .. } => to.year(),
            OneOffChange::Extra(holiday) => holiday.date.year(),
        }
    }
}

/// Easter Sunday of `year` (Gregorian calendar), by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher); `None` only outside the calendar jiff holds.
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::reviews::easter_sunday;
/// assert_eq!(easter_sunday(2026), Some(date(2026, 4, 5)));
/// assert_eq!(easter_sunday(2038), Some(date(2038, 4, 25)));
/// ```
pub fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The `nth` Monday of `month` (`-1` is the last), if the calendar holds it.
fn monday(year: i16, month: i8, nth: i8) -> Option<Date> {
    Date::new(year, month, 1)
        .ok()?
        .nth_weekday_of_month(nth, Weekday::Monday)
        .ok()
}

/// The holidays on fixed dates (New Year, Christmas, Boxing Day) with their substitutes: each that
/// falls on a weekday keeps its date; each that falls on a weekend moves to the next weekday not
/// already taken, in order.
fn with_substitutes(fixed: &[(Date, &'static str, &'static str)], out: &mut Vec<BankHoliday>) {
    let kept: Vec<Date> = fixed
        .iter()
        .filter(|(day, ..)| !is_weekend(*day))
        .map(|(day, ..)| *day)
        .collect();
    let mut taken = kept.clone();
    for (day, name, substitute_name) in fixed {
        if !is_weekend(*day) {
            out.push(BankHoliday { date: *day, name });
            continue;
        }
        let mut substitute = *day;
        while is_weekend(substitute) || taken.contains(&substitute) {
            match substitute.tomorrow() {
                Ok(next) => substitute = next,
                // The last days of the calendar: no substitute can be given.
                Err(_) => return,
            }
        }
        taken.push(substitute);
        out.push(BankHoliday {
            date: substitute,
            name: substitute_name,
        });
    }
}

/// Every bank holiday in England and Wales in `year`, in date order, by the rules and the one-off
/// changes (see the module's notes). Never fails: a day the calendar cannot hold (Christmas 9999's
/// substitute) is left off.
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::reviews::bank_holidays_in;
/// let days: Vec<_> = bank_holidays_in(2022).iter().map(|holiday| holiday.date).collect();
/// assert_eq!(days, [
///     date(2022, 1, 3), date(2022, 4, 15), date(2022, 4, 18), date(2022, 5, 2), date(2022, 6, 2),
///     date(2022, 6, 3), date(2022, 8, 29), date(2022, 9, 19), date(2022, 12, 26), date(2022, 12, 27),
/// ]);
/// ```
pub fn bank_holidays_in(year: i16) -> Vec<BankHoliday> {
    let mut holidays = Vec::with_capacity(10);
    let mut rule = |day: Option<Date>, name: &'static str| {
        if let Some(date) = day {
            holidays.push(BankHoliday { date, name });
        }
    };
    let easter = easter_sunday(year);
    rule(
        easter.and_then(|sunday| sunday.checked_sub(2.days()).ok()),
        GOOD_FRIDAY,
    );
    rule(
        easter.and_then(|sunday| sunday.checked_add(1.day()).ok()),
        EASTER_MONDAY,
    );
    if year >= EARLY_MAY_FROM {
        rule(monday(year, 5, 1), EARLY_MAY);
    }
    if year >= LAST_MONDAYS_FROM {
        rule(monday(year, 5, -1), SPRING);
        rule(monday(year, 8, -1), SUMMER);
    } else {
        // Whit Monday: the day after Pentecost, seven weeks after Easter.
        rule(
            easter.and_then(|sunday| sunday.checked_add(50.days()).ok()),
            SPRING,
        );
        rule(monday(year, 8, 1), SUMMER);
    }
    let fixed = |month: i8, day: i8| Date::new(year, month, day).ok();
    if year >= NEW_YEAR_FROM {
        if let Some(new_year) = fixed(1, 1) {
            with_substitutes(&[(new_year, NEW_YEAR, NEW_YEAR_SUBSTITUTE)], &mut holidays);
        }
    }
    if let (Some(christmas), Some(boxing_day)) = (fixed(12, 25), fixed(12, 26)) {
        with_substitutes(
            &[
                (christmas, CHRISTMAS, CHRISTMAS_SUBSTITUTE),
                (boxing_day, BOXING_DAY, BOXING_DAY_SUBSTITUTE),
            ],
            &mut holidays,
        );
    }
    for change in ONE_OFF_CHANGES
        .iter()
        .filter(|change| change.year() == year)
    {
        match *change {
            OneOffChange::Moved { rule, to, name } => {
                if let Some(holiday) = holidays.iter_mut().find(|holiday| holiday.name == rule) {
                    *holiday = BankHoliday { date: to, name };
                }
            }
            OneOffChange::Extra(holiday) => holidays.push(holiday),
        }
    }
    holidays.sort_by_key(|holiday| holiday.date);
    holidays
}

/// The bank holiday on `day`, if there is one.
pub fn bank_holiday(day: Date) -> Option<BankHoliday> {
    bank_holidays_in(day.year())
        .into_iter()
        .find(|holiday| holiday.date == day)
}

/// Monday to Friday, and not a bank holiday.
pub fn is_working_day(day: Date) -> bool {
    !is_weekend(day) && bank_holiday(day).is_none()
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
    // The holidays of the year being counted through, worked out once per year.
    let mut holidays: (i16, Vec<BankHoliday>) = (day.year(), bank_holidays_in(day.year()));
    while counted < n {
        current = current.tomorrow().ok()?;
        if holidays.0 != current.year() {
            holidays = (current.year(), bank_holidays_in(current.year()));
        }
        let holiday = holidays.1.iter().any(|holiday| holiday.date == current);
        if !is_weekend(current) && !holiday {
            counted += 1;
        }
    }
    Some(current)
}

/// The bank holidays strictly after `from` and up to `to`, for saying which ones a count skipped.
pub fn bank_holidays_between(from: Date, to: Date) -> impl Iterator<Item = BankHoliday> {
    (from.year()..=to.year())
        .flat_map(bank_holidays_in)
        .filter(move |holiday| holiday.date > from && holiday.date <= to)
}

#[cfg(test)]
mod tests;
