//! The "record a significant change" form: what kind of change, what changed and when, as typed,
//! turned into a [`SignificantChange`] (recorded today) or every problem under the field it belongs
//! to. A change can be recorded at any time during the sentence, in custody too.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::dates::DateParts;
//! use probation_workbook::domain::reviews::SignificantChangeForm;
//! let case = CaseDetails {
//!     conviction_date: None,
//!     main_offence: None,
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
//!     kind: "change_of_address".into(),
//!     reason: " Moved to a new address ".into(),
//!     date: DateParts::new("20", "11", "2026"),
//! };
//! let change = form.to_change(&case, date(2026, 11, 25)).unwrap();
//! assert_eq!((change.date, change.reason.as_str()), (date(2026, 11, 20), "Moved to a new address"));
//! assert_eq!(change.recorded_on, Some(date(2026, 11, 25)));
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ChangeKind, SignificantChange};
use crate::domain::case::{CaseDetails, SentenceType, CUSTODY_SENTENCE_DATE_LABEL};
use crate::domain::dates::{format_long, parse_date, DateParts};
use crate::domain::errors::FieldErrors;

/// Field ids of the form, shared by its inputs and the error summary.
pub mod change_fields {
    /// The kind radios (the first radio has this id).
    pub const KIND: &str = "change-kind";
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
    /// The chosen [`ChangeKind`]'s code, empty until one is chosen.
    #[serde(default)]
    pub kind: String,
    pub reason: String,
    pub date: DateParts,
}

impl SignificantChangeForm {
    /// An empty form dated today, since a change is usually recorded the day it is heard of.
    pub fn dated(today: Date) -> Self {
        Self {
            kind: String::new(),
            reason: String::new(),
            date: DateParts::from_date(today),
        }
    }

    /// The change, recorded `today`, or every problem in form order. A kind must be chosen. The date
    /// must be a real date, no later than today, and within the sentence: from its start (see
    /// [`sentence_start`]) to the sentence end date (a change after the end makes no review, so
    /// recording it would be lost).
    pub fn to_change(
        &self,
        case: &CaseDetails,
        today: Date,
    ) -> Result<SignificantChange, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = ChangeKind::from_code(&self.kind);
        if kind.is_none() {
            errors.push(change_fields::KIND, "Select what kind of change it was");
        }
        let reason = self.reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() {
            errors.push(change_fields::REASON, "Enter what changed");
        } else if reason.chars().count() > CHANGE_REASON_MAX_CHARS {
            errors.push(
                change_fields::REASON,
                format!("What changed must be {CHANGE_REASON_MAX_CHARS} characters or fewer"),
            );
        }
        let end = case.sentence_end_date;
        let start = sentence_start(case);
        let date = match parse_date(&self.date) {
            Err(error) => Err(error.message(DATE_LABEL)),
            Ok(date) if date > today => Err(format!("{DATE_LABEL} must be today or in the past")),
            Ok(date) if start.is_some_and(|(_, start)| date < start) => {
                let (label, start) = start.expect("checked just above");
                Err(format!(
                    "{DATE_LABEL} must be on or after the {} {}",
                    label.to_lowercase(),
                    format_long(start)
                ))
            }
            Ok(date) if date > end => Err(format!(
                "{DATE_LABEL} must be on or before the sentence end date {}",
                format_long(end)
            )),
            Ok(date) => Ok(date),
        };
        match date {
            Ok(date) if errors.is_empty() => Ok(SignificantChange {
                date,
                kind,
                reason,
                recorded_on: Some(today),
            }),
            Ok(_) => Err(errors),
            Err(message) => {
                errors.push(change_fields::DATE, message);
                Err(errors)
            }
        }
    }
}

/// When the sentence began, for the earliest date a change can have, with its label: the sentence date
/// of a community or suspended sentence; for custody, the day the sentence was passed (no limit
/// when a case saved before it was asked does not say); for a licence, the release date (or the
/// sentence date, when one is known).
pub fn sentence_start(case: &CaseDetails) -> Option<(&'static str, Date)> {
    match (case.sentence_type, case.sentence_date) {
        (SentenceType::Custody | SentenceType::Licence, Some(sentenced)) => {
            Some((CUSTODY_SENTENCE_DATE_LABEL, sentenced))
        }
        (SentenceType::Custody, None) => None,
        (kind, _) => Some((kind.start_date_label(), case.sentence_or_release_date)),
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
            conviction_date: None,
            main_offence: None,
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
            kind: "change_of_address".into(),
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
                kind: Some(ChangeKind::ChangeOfAddress),
                reason: "Recalled to custody".into(),
                recorded_on: Some(today()),
            }
        );
    }

    #[test]
    fn an_empty_form_names_every_field_in_form_order() {
        let empty = SignificantChangeForm {
            kind: String::new(),
            ..form(" ", "", "", "")
        };
        assert_eq!(
            problems(&empty, &licence()),
            [
                (
                    change_fields::KIND.into(),
                    "Select what kind of change it was".into()
                ),
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
            conviction_date: None,
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
            conviction_date: None,
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

    /// Issue 13: a change could not be recorded for someone in custody before release.
    #[test]
    fn a_change_can_be_recorded_in_custody_before_release() {
        let custody = CaseDetails {
            conviction_date: None,
            sentence_type: SentenceType::Custody,
            sentence_date: Some(date(2026, 3, 2)),
            sentence_or_release_date: date(2027, 9, 1),
            sentence_end_date: date(2029, 3, 1),
            ..licence()
        };
        for (day, month) in [("2", "3"), ("3", "3"), ("20", "11"), ("25", "11")] {
            assert!(
                form("Recalled", day, month, "2026")
                    .to_change(&custody, today())
                    .is_ok(),
                "{day}/{month}"
            );
        }
        assert_eq!(
            problems(&form("Moved", "1", "3", "2026"), &custody),
            [(
                change_fields::DATE.into(),
                "Date of the change must be on or after the sentence date 2 March 2026".into()
            )]
        );
        assert_eq!(
            problems(&form("Moved", "26", "11", "2026"), &custody)[0].1,
            "Date of the change must be today or in the past"
        );
        // Saved before the sentence date was asked: any day up to today.
        let old = CaseDetails {
            conviction_date: None,
            sentence_date: None,
            ..custody
        };
        assert_eq!(sentence_start(&old), None);
        assert!(form("Moved", "1", "1", "1990")
            .to_change(&old, today())
            .is_ok());
        // A licence with a known sentence date counts from it, not from release.
        let licence_sentenced = CaseDetails {
            conviction_date: None,
            sentence_date: Some(date(2025, 1, 6)),
            ..licence()
        };
        assert!(form("Moved", "6", "1", "2025")
            .to_change(&licence_sentenced, today())
            .is_ok());
    }

    #[test]
    fn the_kind_of_change_is_one_of_the_kinds_listed() {
        for kind in ChangeKind::ALL {
            let chosen = SignificantChangeForm {
                kind: kind.code().into(),
                ..form("Moved", "20", "11", "2026")
            };
            assert_eq!(
                chosen.to_change(&licence(), today()).unwrap().kind,
                Some(kind)
            );
        }
        for bad in ["", "moved", "other"] {
            let chosen = SignificantChangeForm {
                kind: bad.into(),
                ..form("Moved", "20", "11", "2026")
            };
            assert_eq!(
                problems(&chosen, &licence()),
                [(
                    change_fields::KIND.into(),
                    "Select what kind of change it was".into()
                )],
                "{bad:?}"
            );
        }
    }

    fn change_review(
        changes: &[SignificantChange],
        done: &[crate::domain::reviews::ReviewDone],
        today: Date,
    ) -> crate::domain::reviews::ReviewDate {
        review_schedule(
            &licence(),
            &ReviewSettings::default(),
            &SentencePlan::default(),
            changes,
            done,
            today,
        )
        .into_iter()
        .find(|review| review.kind == ReviewKind::SignificantChange)
        .unwrap()
    }

    #[test]
    fn a_change_recorded_on_its_day_makes_a_review_due_that_day() {
        let day = date(2026, 11, 20);
        let change = form("Moved to a new address", "20", "11", "2026")
            .to_change(&licence(), day)
            .unwrap();
        let review = change_review(std::slice::from_ref(&change), &[], day);
        assert_eq!(review.date, day);
        assert_eq!(
            review.reason,
            "Significant change (change of address): Moved to a new address"
        );
        assert!(!review.overdue, "due on the day");
        let next_day = change_review(std::slice::from_ref(&change), &[], date(2026, 11, 21));
        assert!(next_day.overdue, "overdue from the next day");
    }

    /// Issue 13: a change recorded today, dated yesterday, was overdue the moment it was recorded.
    #[test]
    fn a_change_recorded_late_is_due_the_day_it_is_recorded_not_overdue_at_once() {
        let change = form("Moved to a new address", "24", "11", "2026")
            .to_change(&licence(), today())
            .unwrap();
        assert_eq!(change.recorded_on, Some(today()));
        let changes = std::slice::from_ref(&change);
        let review = change_review(changes, &[], today());
        assert_eq!(review.date, today());
        assert!(!review.overdue);
        assert_eq!(
            review.reason,
            "Significant change (change of address): Moved to a new address, on 24 November 2026, \
             recorded 25 November 2026"
        );
        assert!(change_review(changes, &[], date(2026, 11, 26)).overdue);
    }

    #[test]
    fn a_review_signed_on_or_after_the_change_does_it() {
        use crate::domain::reviews::ReviewDone;
        use crate::domain::signing::AssessmentPurpose;
        let change = form("Moved", "20", "11", "2026")
            .to_change(&licence(), date(2026, 11, 20))
            .unwrap();
        let changes = std::slice::from_ref(&change);
        let signed = |day: i8| ReviewDone {
            date: date(2026, 11, day),
            purpose: AssessmentPurpose::SignificantChange,
        };
        let later = date(2026, 12, 1);
        let before = change_review(changes, &[signed(19)], later);
        assert!(
            before.overdue,
            "a review the day before the change does not cover it"
        );
        assert_eq!(before.done_on, None);
        for day in [20, 21] {
            let review = change_review(changes, &[signed(day)], later);
            assert!(!review.overdue, "{day}");
            assert_eq!(review.done_on, Some(date(2026, 11, day)));
        }
        // An initial assessment is not a review.
        let initial = ReviewDone {
            purpose: AssessmentPurpose::Initial,
            ..signed(21)
        };
        assert!(change_review(changes, &[initial], later).overdue);
    }
}
