//! The GOV.UK date input: day, month and year typed separately, checked with the pattern's own messages;
//! and the day in London at an instant (`london`).

use jiff::civil::Date;

mod london;

pub use london::{
    is_british_summer_time, london_date, london_date_of, london_datetime, london_long_time,
    london_offset,
};

/// The earliest year a date may be in: no one on probation was born, sentenced or seen before it.
pub const EARLIEST_YEAR: i16 = 1900;
/// The latest year a date may be in. Working days, review intervals and target months are counted
/// from dates, so a date far in the future (9999) would run past the end of the calendar.
pub const LATEST_YEAR: i16 = 2100;

/// Whether a date is in a year from [`EARLIEST_YEAR`] to [`LATEST_YEAR`], both included.
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::dates::is_within_years;
/// assert!(is_within_years(date(1900, 1, 1)) && is_within_years(date(2100, 12, 31)));
/// assert!(!is_within_years(date(1899, 12, 31)) && !is_within_years(date(2101, 1, 1)));
/// ```
pub fn is_within_years(date: Date) -> bool {
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year())
}

/// What the officer typed into the three boxes of a date input, exactly as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    pub fn new(day: &str, month: &str, year: &str) -> Self {
        Self {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// The boxes filled in from a date already known, for changing it.
    pub fn from_date(date: Date) -> Self {
        Self {
            day: date.day().to_string(),
            month: date.month().to_string(),
            year: date.year().to_string(),
        }
    }

    pub fn is_blank(&self) -> bool {
        [&self.day, &self.month, &self.year]
            .iter()
            .all(|part| part.trim().is_empty())
    }
}

/// Why a typed date was refused; `message` turns it into the GOV.UK sentence for a named field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("missing")]
    Missing,
    #[error("incomplete")]
    Incomplete { missing: Vec<&'static str> },
    #[error("year is not four digits")]
    YearNotFourDigits,
    #[error("not a real date")]
    NotReal,
    /// A real date, but in a year before [`EARLIEST_YEAR`] or after [`LATEST_YEAR`].
    #[error("not between {EARLIEST_YEAR} and {LATEST_YEAR}")]
    OutsideYears,
}

impl DateError {
    /// The message shown next to the field, e.g. "Date of birth must include a month".
    pub fn message(&self, label: &str) -> String {
        match self {
            DateError::Missing => format!("Enter the {}", lower_first(label)),
            DateError::Incomplete { missing } => {
                format!("{label} must include a {}", missing.join(" and "))
            }
            DateError::YearNotFourDigits => "Year must include 4 numbers".to_string(),
            DateError::NotReal => format!("{label} must be a real date"),
            DateError::OutsideYears => {
                format!("{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
            }
        }
    }
}

/// "Date of birth" → "date of birth".
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month typed as a number ("3", "03") or a name or its first three letters ("mar", "March").
fn parse_month(text: &str) -> Option<i8> {
    let text = text.trim().to_lowercase();
    if let Ok(number) = text.parse::<i8>() {
        return (1..=12).contains(&number).then_some(number);
    }
    if text.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|name| name.starts_with(&text))
        .map(|index| index as i8 + 1)
}

/// Reads the three boxes into a calendar date, or says which GOV.UK rule it breaks. A real date is
/// refused when its year is not from [`EARLIEST_YEAR`] to [`LATEST_YEAR`].
pub fn parse_date(parts: &DateParts) -> Result<Date, DateError> {
    if parts.is_blank() {
        return Err(DateError::Missing);
    }
    let missing: Vec<&'static str> = [
        ("day", &parts.day),
        ("month", &parts.month),
        ("year", &parts.year),
    ]
    .into_iter()
    .filter(|(_, value)| value.trim().is_empty())
    .map(|(name, _)| name)
    .collect();
    if !missing.is_empty() {
        return Err(DateError::Incomplete { missing });
    }
    let year_text = parts.year.trim();
    if year_text.len() != 4 || !year_text.chars().all(|c| c.is_ascii_digit()) {
        return Err(DateError::YearNotFourDigits);
    }
    let year: i16 = year_text
        .parse()
        .map_err(|_| DateError::YearNotFourDigits)?;
    let day: i8 = parts.day.trim().parse().map_err(|_| DateError::NotReal)?;
    let month = parse_month(&parts.month).ok_or(DateError::NotReal)?;
    let date = Date::new(year, month, day).map_err(|_| DateError::NotReal)?;
    if !is_within_years(date) {
        return Err(DateError::OutsideYears);
    }
    Ok(date)
}

/// Whole years from `born` to `on`, as a person's age is counted.
pub fn age_on(born: Date, on: Date) -> i32 {
    let mut age = i32::from(on.year()) - i32::from(born.year());
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// "17 July 1991", the GOV.UK way of writing a date.
pub fn format_long(date: Date) -> String {
    let month = MONTH_NAMES[(date.month() - 1) as usize];
    let mut month_title = month.to_string();
    month_title[..1].make_ascii_uppercase();
    format!("{} {} {}", date.day(), month_title, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_a_plain_date() {
        assert_eq!(
            parse_date(&DateParts::new("17", "7", "1991")),
            Ok(date(1991, 7, 17))
        );
        assert_eq!(
            parse_date(&DateParts::new(" 01 ", "07", "1991")),
            Ok(date(1991, 7, 1))
        );
    }

    #[test]
    fn accepts_month_names_and_abbreviations() {
        assert_eq!(
            parse_date(&DateParts::new("3", "jan", "2024")),
            Ok(date(2024, 1, 3))
        );
        assert_eq!(
            parse_date(&DateParts::new("3", "September", "2024")),
            Ok(date(2024, 9, 3))
        );
        assert_eq!(
            parse_date(&DateParts::new("3", "Sept", "2024")),
            Ok(date(2024, 9, 3))
        );
        assert_eq!(
            parse_date(&DateParts::new("3", "ju", "2024")),
            Err(DateError::NotReal)
        );
    }

    #[test]
    fn refuses_dates_that_do_not_exist() {
        assert_eq!(
            parse_date(&DateParts::new("31", "2", "2024")),
            Err(DateError::NotReal)
        );
        assert_eq!(
            parse_date(&DateParts::new("29", "2", "2023")),
            Err(DateError::NotReal)
        );
        assert_eq!(
            parse_date(&DateParts::new("29", "2", "2024")),
            Ok(date(2024, 2, 29))
        );
        assert_eq!(
            parse_date(&DateParts::new("1", "13", "2024")),
            Err(DateError::NotReal)
        );
        assert_eq!(
            parse_date(&DateParts::new("x", "1", "2024")),
            Err(DateError::NotReal)
        );
    }

    #[test]
    fn says_which_part_is_missing() {
        let error = parse_date(&DateParts::new("12", "", "")).unwrap_err();
        assert_eq!(
            error.message("Date of birth"),
            "Date of birth must include a month and year"
        );
        let error = parse_date(&DateParts::new("", "", "")).unwrap_err();
        assert_eq!(error.message("Date of birth"), "Enter the date of birth");
        let error = parse_date(&DateParts::new("1", "2", "92")).unwrap_err();
        assert_eq!(
            error.message("Date of birth"),
            "Year must include 4 numbers"
        );
    }

    #[test]
    fn refuses_years_before_1900_and_after_2100() {
        let read = |year: &str| parse_date(&DateParts::new("1", "1", year));
        assert_eq!(read("1899"), Err(DateError::OutsideYears));
        assert_eq!(read("1900"), Ok(date(1900, 1, 1)));
        assert_eq!(read("2100"), Ok(date(2100, 1, 1)));
        assert_eq!(read("2101"), Err(DateError::OutsideYears));
        assert_eq!(read("9999"), Err(DateError::OutsideYears));
        assert_eq!(read("0000"), Err(DateError::OutsideYears));
        assert_eq!(
            parse_date(&DateParts::new("31", "12", "1899")),
            Err(DateError::OutsideYears)
        );
        assert_eq!(
            parse_date(&DateParts::new("31", "12", "2100")),
            Ok(date(2100, 12, 31))
        );
        // A date that does not exist says so first, whatever its year.
        assert_eq!(
            parse_date(&DateParts::new("30", "2", "9999")),
            Err(DateError::NotReal)
        );
        assert_eq!(
            DateError::OutsideYears.message("Sentence end date"),
            "Sentence end date must be between 1900 and 2100"
        );
    }

    #[test]
    fn counts_age_in_whole_years() {
        assert_eq!(age_on(date(1991, 7, 17), date(2021, 7, 16)), 29);
        assert_eq!(age_on(date(1991, 7, 17), date(2021, 7, 17)), 30);
        assert_eq!(age_on(date(2000, 2, 29), date(2021, 2, 28)), 20);
        assert_eq!(age_on(date(2000, 2, 29), date(2021, 3, 1)), 21);
    }

    #[test]
    fn writes_dates_the_govuk_way() {
        assert_eq!(format_long(date(1991, 7, 17)), "17 July 1991");
    }
}
