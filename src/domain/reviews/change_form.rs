//! The "record a significant change" form: what changed and when, as typed, turned into a
//! [`SignificantChange`] or every problem under the field it belongs to.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::dates::DateParts;
//! use probation_workbook::domain::reviews::SignificantChangeForm;
//! let case = CaseDetails {
//!     name: "Alex Marsh".into(),
//!     crn: "X123456".into(),
//!     date_of_birth: date(1991, 7, 17),
//!     sex: Sex::Male,
//!     sentence_type: SentenceType::Licence,
//!     sentence_date: None,
//!     sentence_or_release_date: date(2026, 11, 2),
//!     sentence_end_date: date(2028, 11, 1),
//! };
//! let form = SignificantChangeForm {
//!     reason: " Moved to a new address ".into(),
//!     date: DateParts::new("20", "11", "2026"),
//! };
//! let change = form.to_change(&case, date(2026, 11, 25)).unwrap();
//! assert_eq!((change.date, change.reason.as_str()), (date(2026, 11, 20), "Moved to a new address"));
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::SignificantChange;
use crate::domain::case::CaseDetails;
use crate::domain::dates::{format_long, parse_date, DateParts};
use crate::domain::errors::FieldErrors;

/// Field ids of the form, shared by its inputs and the error summary.
pub mod change_fields {
    pub const REASON: &str = "change-reason";
    /// The day box of the date input (error links land on it).
    pub const DATE: &str = "change-date";
}

/// The longest "what changed", in characters: a line in the review dates, not a case note.
pub const CHANGE_REASON_MAX_CHARS: usize = 200;

/// How the date is named in its error messages, e.g. "Date of the change must be a real date".
const DATE_LABEL: &str = "Date of the change";

/// The form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignificantChangeForm {
    pub reason: String,
    pub date: DateParts,
}

impl SignificantChangeForm {
    /// An empty form dated today, since a change is usually recorded the day it is heard of.
    pub fn dated(today: Date) -> Self {
        Self {
            reason: String::new(),
            date: DateParts::from_date(today),
        }
    }

    /// The change, or every problem in form order. The date must be a real date, no later than today,
    /// and within the sentence: from the sentence or release date to the sentence end date (a change
    /// after the end makes no review, so recording it would be lost).
    pub fn to_change(
        &self,
        case: &CaseDetails,
        today: Date,
    ) -> Result<SignificantChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = self.reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() {
            errors.push(change_fields::REASON, "Enter what changed");
        } else if reason.chars().count() > CHANGE_REASON_MAX_CHARS {
            errors.push(
                change_fields::REASON,
                format!("What changed must be {CHANGE_REASON_MAX_CHARS} characters or fewer"),
            );
        }
        let start = case.sentence_or_release_date;
        let end = case.sentence_end_date;
        let date = match parse_date(&self.date) {
            Err(error) => Err(error.message(DATE_LABEL)),
            Ok(date) if date > today => Err(format!("{DATE_LABEL} must be today or in the past")),
            Ok(date) if date < start => Err(format!(
                "{DATE_LABEL} must be on or after the {} {}",
                case.sentence_type.start_date_label().to_lowercase(),
                format_long(start)
            )),
            Ok(date) if date > end => Err(format!(
                "{DATE_LABEL} must be on or before the sentence end date {}",
                format_long(end)
            )),
            Ok(date) => Ok(date),
        };
        match date {
            Ok(date) if errors.is_empty() => Ok(SignificantChange { date, reason }),
            Ok(_) => Err(errors),
            Err(message) => {
                errors.push(change_fields::DATE, message);
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::case::{SentenceType, Sex};
    use crate::domain::plan::SentencePlan;
    use crate::domain::reviews::{review_schedule, ReviewKind, ReviewSettings};

    fn licence() -> CaseDetails {
        CaseDetails {
            name: "Alex Marsh".into(),
            crn: "X123456".into(),
            date_of_birth: date(1991, 7, 17),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: date(2026, 11, 2),
            sentence_end_date: date(2028, 11, 1),
        }
    }

    fn today() -> Date {
        date(2026, 11, 25)
    }

    fn form(reason: &str, day: &str, month: &str, year: &str) -> SignificantChangeForm {
        SignificantChangeForm {
            reason: reason.into(),
            date: DateParts::new(day, month, year),
        }
    }

    fn problems(form: &SignificantChangeForm, case: &CaseDetails) -> Vec<(String, String)> {
        form.to_change(case, today())
            .unwrap_err()
            .iter()
            .map(|error| (error.field.clone(), error.message.clone()))
            .collect()
    }

    /// Issue 12: the date of a change is between 1900 and 2100 like every date typed.
    #[test]
    fn a_change_dated_outside_1900_to_2100_is_refused_under_its_date() {
        for year in ["1899", "2101", "9999"] {
            assert_eq!(
                problems(&form("Moved", "20", "12", year), &licence()),
                [(
                    change_fields::DATE.to_string(),
                    "Date of the change must be between 1900 and 2100".to_string()
                )],
                "{year}"
            );
        }
    }

    #[test]
    fn a_new_form_is_dated_today_and_blank() {
        let form = SignificantChangeForm::dated(today());
        assert_eq!(form.date, DateParts::new("25", "11", "2026"));
        assert_eq!(form.reason, "");
    }

    #[test]
    fn a_valid_change_is_trimmed_and_dated() {
        let change = form("  Recalled   to custody ", "25", "nov", "2026")
            .to_change(&licence(), today())
            .unwrap();
        assert_eq!(
            change,
            SignificantChange {
                date: date(2026, 11, 25),
                reason: "Recalled to custody".into(),
            }
        );
    }

    #[test]
    fn an_empty_form_names_both_fields_in_form_order() {
        assert_eq!(
            problems(&form(" ", "", "", ""), &licence()),
            [
                (change_fields::REASON.into(), "Enter what changed".into()),
                (
                    change_fields::DATE.into(),
                    "Enter the date of the change".into()
                ),
            ]
        );
    }

    #[test]
    fn what_changed_is_at_most_200_characters() {
        let at_limit = "a".repeat(CHANGE_REASON_MAX_CHARS);
        assert!(form(&at_limit, "20", "11", "2026")
            .to_change(&licence(), today())
            .is_ok());
        let over = "é".repeat(CHANGE_REASON_MAX_CHARS + 1);
        assert_eq!(
            problems(&form(&over, "20", "11", "2026"), &licence()),
            [(
                change_fields::REASON.into(),
                "What changed must be 200 characters or fewer".into()
            )]
        );
    }

    #[test]
    fn the_date_follows_the_govuk_date_rules() {
        let message = |day: &str, month: &str, year: &str| {
            problems(&form("Moved", day, month, year), &licence())[0]
                .1
                .clone()
        };
        assert_eq!(
            message("20", "", "2026"),
            "Date of the change must include a month"
        );
        assert_eq!(
            message("31", "11", "2026"),
            "Date of the change must be a real date"
        );
        assert_eq!(message("20", "11", "26"), "Year must include 4 numbers");
    }

    #[test]
    fn the_date_cannot_be_in_the_future() {
        assert_eq!(
            problems(&form("Moved", "26", "11", "2026"), &licence()),
            [(
                change_fields::DATE.into(),
                "Date of the change must be today or in the past".into()
            )]
        );
    }

    #[test]
    fn the_date_cannot_be_before_the_sentence_or_release_date() {
        assert!(form("Moved", "2", "11", "2026")
            .to_change(&licence(), today())
            .is_ok());
        assert_eq!(
            problems(&form("Moved", "1", "11", "2026"), &licence()),
            [(
                change_fields::DATE.into(),
                "Date of the change must be on or after the release date 2 November 2026".into()
            )]
        );
        let order = CaseDetails {
            sentence_type: SentenceType::CommunityOrder,
            ..licence()
        };
        assert_eq!(
            problems(&form("Moved", "1", "11", "2026"), &order)[0].1,
            "Date of the change must be on or after the sentence date 2 November 2026"
        );
    }

    #[test]
    fn the_date_cannot_be_after_the_sentence_ends() {
        let ended = CaseDetails {
            sentence_or_release_date: date(2024, 1, 8),
            sentence_end_date: date(2025, 1, 7),
            ..licence()
        };
        assert!(form("Moved", "7", "1", "2025")
            .to_change(&ended, today())
            .is_ok());
        assert_eq!(
            problems(&form("Moved", "8", "1", "2025"), &ended),
            [(
                change_fields::DATE.into(),
                "Date of the change must be on or before the sentence end date 7 January 2025"
                    .into()
            )]
        );
    }

    #[test]
    fn a_recorded_change_makes_a_review_due_that_day() {
        let change = form("Moved to a new address", "20", "11", "2026")
            .to_change(&licence(), today())
            .unwrap();
        let dates = review_schedule(
            &licence(),
            &ReviewSettings::default(),
            &SentencePlan::default(),
            &[change],
            today(),
        );
        let review = dates
            .iter()
            .find(|review| review.kind == ReviewKind::SignificantChange)
            .unwrap();
        assert_eq!(review.date, date(2026, 11, 20));
        assert_eq!(review.reason, "Significant change: Moved to a new address");
    }
}
