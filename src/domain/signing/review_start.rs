//! Starting a review (issue 20): what the new version is for, the day of the assessment, and for a
//! significant change review, the change recorded that calls for it. The answers are carried
//! forward, but each completed section must be checked again (`AssessmentRecord::carry_forward`).
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::dates::DateParts;
//! use probation_workbook::domain::reviews::{ChangeKind, SignificantChange};
//! use probation_workbook::domain::signing::{validate_review_start, AssessmentPurpose, ReviewStartForm};
//! let moved = SignificantChange {
//!     date: date(2026, 11, 20),
//!     kind: Some(ChangeKind::ChangeOfAddress),
//!     reason: "Moved to a hostel".into(),
//!     recorded_on: Some(date(2026, 11, 21)),
//! };
//! let form = ReviewStartForm {
//!     purpose: Some("significant_change".into()),
//!     date: DateParts::new("25", "11", "2026"),
//!     change: Some("0".into()),
//! };
//! let review = validate_review_start(&form, date(2026, 12, 1), None, &[moved]).unwrap();
//! assert_eq!(review.purpose, AssessmentPurpose::SignificantChange);
//! assert_eq!(review.details.date, date(2026, 11, 25));
//! assert_eq!(
//!     review.details.for_change.as_deref(),
//!     Some("Significant change (change of address): Moved to a hostel, on 20 November 2026, recorded 21 November 2026")
//! );
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::AssessmentPurpose;
use crate::domain::dates::{format_long, parse_date, DateParts};
use crate::domain::errors::FieldErrors;
use crate::domain::reviews::SignificantChange;

/// The ids of the "start a review" form's fields (the purpose radios keep theirs).
pub mod review_fields {
    pub use super::super::NEW_DRAFT_PURPOSE_FIELD as PURPOSE;
    pub const DATE: &str = "review-date";
    pub const CHANGE: &str = "review-change";
}

/// A review's own facts, kept with the new draft and, once signed, with its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDetails {
    /// The day of the assessment (the interview), on or before the day it is started.
    pub date: Date,
    /// For a significant change review: the change recorded, as the Review dates page describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_change: Option<String>,
}

impl ReviewDetails {
    /// "Assessment date 25 November 2026", and the change it is for.
    pub fn describe(&self) -> String {
        match &self.for_change {
            Some(change) => format!("Assessment date {}, for: {change}", format_long(self.date)),
            None => format!("Assessment date {}", format_long(self.date)),
        }
    }
}

/// The form as filled in: the purpose radio's value, the date boxes, the chosen change's index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewStartForm {
    pub purpose: Option<String>,
    pub date: DateParts,
    pub change: Option<String>,
}

/// A review ready to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewStart {
    pub purpose: AssessmentPurpose,
    pub details: ReviewDetails,
}

/// The review the form asks for, or each problem under its field. The date is a real day, not in
/// the future, and not before `last_signed` (the day the version it reviews was signed). A
/// significant change review names one of the `changes` recorded, and is not dated before it.
pub fn validate_review_start(
    form: &ReviewStartForm,
    today: Date,
    last_signed: Option<Date>,
    changes: &[SignificantChange],
) -> Result<ReviewStart, FieldErrors> {
    let mut errors = FieldErrors::default();
    let purpose = match super::new_draft_purpose(form.purpose.as_deref()) {
        Ok(purpose) => Some(purpose),
        Err(problems) => {
            errors.extend(problems);
            None
        }
    };
    let label = "Assessment date";
    let date = match parse_date(&form.date) {
        Err(error) => {
            errors.push(review_fields::DATE, error.message(label));
            None
        }
        Ok(day) if day > today => {
            errors.push(
                review_fields::DATE,
                format!("{label} must be today or in the past"),
            );
            None
        }
        Ok(day) if last_signed.is_some_and(|signed| day < signed) => {
            errors.push(
                review_fields::DATE,
                format!(
                    "{label} must be on or after {}, when the version it reviews was signed",
                    format_long(last_signed.unwrap_or(day))
                ),
            );
            None
        }
        Ok(day) => Some(day),
    };
    let mut for_change = None;
    if purpose == Some(AssessmentPurpose::SignificantChange) {
        let chosen = form
            .change
            .as_deref()
            .and_then(|index| index.parse::<usize>().ok())
            .and_then(|index| changes.get(index));
        match chosen {
            None if changes.is_empty() => errors.push(
                review_fields::PURPOSE,
                "Record the significant change on the Review dates page first, then start its review from there",
            ),
            None => errors.push(
                review_fields::CHANGE,
                "Select the significant change this review is for",
            ),
            Some(change) => {
                if let Some(day) = date.filter(|day| *day < change.date) {
                    errors.push(
                        review_fields::DATE,
                        format!(
                            "{label} must be on or after the change it reviews, {} (it is {})",
                            format_long(change.date),
                            format_long(day)
                        ),
                    );
                }
                for_change = Some(change.describe());
            }
        }
    }
    match (purpose, date) {
        (Some(purpose), Some(date)) if errors.is_empty() => Ok(ReviewStart {
            purpose,
            details: ReviewDetails { date, for_change },
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::reviews::ChangeKind;

    fn change(day: Date) -> SignificantChange {
        SignificantChange {
            date: day,
            kind: Some(ChangeKind::Recall),
            reason: "Recalled to custody".into(),
            recorded_on: None,
        }
    }

    fn form(purpose: &str, day: (&str, &str, &str), change: Option<&str>) -> ReviewStartForm {
        ReviewStartForm {
            purpose: Some(purpose.into()),
            date: DateParts::new(day.0, day.1, day.2),
            change: change.map(str::to_string),
        }
    }

    fn problems(form: &ReviewStartForm, changes: &[SignificantChange]) -> Vec<(String, String)> {
        validate_review_start(form, date(2026, 12, 1), Some(date(2026, 6, 1)), changes)
            .unwrap_err()
            .iter()
            .map(|error| (error.field.clone(), error.message.clone()))
            .collect()
    }

    #[test]
    fn every_review_purpose_starts_with_a_date_and_transfer_is_one_of_them() {
        for purpose in AssessmentPurpose::FOR_NEW_DRAFT {
            let changes = [change(date(2026, 11, 1))];
            let review = validate_review_start(
                &form(purpose.code(), ("1", "12", "2026"), Some("0")),
                date(2026, 12, 1),
                Some(date(2026, 6, 1)),
                &changes,
            )
            .unwrap();
            assert_eq!(review.purpose, purpose);
            assert_eq!(review.details.date, date(2026, 12, 1));
            assert_eq!(
                review.details.for_change.is_some(),
                purpose == AssessmentPurpose::SignificantChange,
                "only a significant change review names its change"
            );
        }
        assert!(AssessmentPurpose::FOR_NEW_DRAFT.contains(&AssessmentPurpose::Transfer));
    }

    #[test]
    fn each_problem_is_said_under_its_field() {
        let blank = ReviewStartForm::default();
        assert_eq!(
            problems(&blank, &[]),
            [
                (
                    review_fields::PURPOSE.to_string(),
                    "Select what the new version is for".to_string()
                ),
                (
                    review_fields::DATE.to_string(),
                    "Enter the assessment date".to_string()
                ),
            ]
        );
        assert_eq!(
            problems(&form("review", ("2", "12", "2026"), None), &[]),
            [(
                review_fields::DATE.to_string(),
                "Assessment date must be today or in the past".to_string()
            )]
        );
        assert_eq!(
            problems(&form("review", ("31", "5", "2026"), None), &[]),
            [(
                review_fields::DATE.to_string(),
                "Assessment date must be on or after 1 June 2026, when the version it reviews was signed".to_string()
            )]
        );
        assert_eq!(
            problems(&form("review", ("1", "1", "9999"), None), &[])[0].0,
            review_fields::DATE
        );
        assert_eq!(
            problems(&form("significant_change", ("1", "12", "2026"), None), &[]),
            [(
                review_fields::PURPOSE.to_string(),
                "Record the significant change on the Review dates page first, then start its review from there".to_string()
            )]
        );
        let changes = [change(date(2026, 11, 10))];
        for chosen in [None, Some("1"), Some("x")] {
            assert_eq!(
                problems(
                    &form("significant_change", ("1", "12", "2026"), chosen),
                    &changes
                ),
                [(
                    review_fields::CHANGE.to_string(),
                    "Select the significant change this review is for".to_string()
                )],
                "{chosen:?}"
            );
        }
        assert_eq!(
            problems(&form("significant_change", ("9", "11", "2026"), Some("0")), &changes),
            [(
                review_fields::DATE.to_string(),
                "Assessment date must be on or after the change it reviews, 10 November 2026 (it is 9 November 2026)".to_string()
            )]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::domain::strategies;

        proptest! {
            /// Whatever is typed (year 9999, letters, a change index out of range), never a panic:
            /// a review, or problems each under a field of the form; and a review started is never
            /// dated after today nor before the version it reviews.
            #[test]
            fn any_form_starts_a_review_or_says_why(
                purpose in prop::option::of(prop::sample::select(vec!["review", "significant_change", "pre_release", "termination", "transfer", "initial", "", "x"])),
                day in "[0-9]{0,3}", month in "[0-9a-z]{0,3}", year in "[0-9]{0,5}",
                change in prop::option::of("[0-9x]{0,3}"),
                today in strategies::date_within_years(),
                signed in prop::option::of(strategies::date_within_years()),
                changes in strategies::significant_changes(),
            ) {
                let form = ReviewStartForm {
                    purpose: purpose.map(str::to_string),
                    date: DateParts::new(&day, &month, &year),
                    change,
                };
                match validate_review_start(&form, today, signed, &changes) {
                    Ok(review) => {
                        prop_assert!(review.details.date <= today);
                        prop_assert!(signed.is_none_or(|signed| review.details.date >= signed));
                        prop_assert!(AssessmentPurpose::FOR_NEW_DRAFT.contains(&review.purpose));
                    }
                    Err(errors) => {
                        prop_assert!(!errors.is_empty());
                        for error in errors.iter() {
                            prop_assert!([review_fields::PURPOSE, review_fields::DATE, review_fields::CHANGE].contains(&error.field.as_str()));
                        }
                    }
                }
            }
        }
    }
}
