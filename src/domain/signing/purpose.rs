//! What an assessment version is for (domain.md §5): the first of a period of supervision, or a
//! review — regular, after a significant change, before release or at termination. A review
//! version, once signed, is the review done (`reviews::reviews_done`).

use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldErrors;

/// The id of the "what is the new version for?" radios on the signing page.
pub const NEW_DRAFT_PURPOSE_FIELD: &str = "new-draft-purpose";

/// Why a version of the assessment was written. Version 1 is the initial assessment; each new draft
/// after a signed version states its purpose when it is started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentPurpose {
    Initial,
    Review,
    SignificantChange,
    PreRelease,
    Termination,
    /// Before a case moves to another officer or area: a new version, but not a review done.
    Transfer,
}

impl AssessmentPurpose {
    pub const ALL: [AssessmentPurpose; 6] = [
        AssessmentPurpose::Initial,
        AssessmentPurpose::Review,
        AssessmentPurpose::SignificantChange,
        AssessmentPurpose::PreRelease,
        AssessmentPurpose::Termination,
        AssessmentPurpose::Transfer,
    ];

    /// The purposes a new draft after a signed version can have, as the signing page offers them.
    pub const FOR_NEW_DRAFT: [AssessmentPurpose; 5] = [
        AssessmentPurpose::Review,
        AssessmentPurpose::SignificantChange,
        AssessmentPurpose::PreRelease,
        AssessmentPurpose::Termination,
        AssessmentPurpose::Transfer,
    ];

    /// The stored value: "significant_change".
    pub fn code(self) -> &'static str {
        match self {
            AssessmentPurpose::Initial => "initial",
            AssessmentPurpose::Review => "review",
            AssessmentPurpose::SignificantChange => "significant_change",
            AssessmentPurpose::PreRelease => "pre_release",
            AssessmentPurpose::Termination => "termination",
            AssessmentPurpose::Transfer => "transfer",
        }
    }

    pub fn from_code(code: &str) -> Option<AssessmentPurpose> {
        AssessmentPurpose::ALL
            .into_iter()
            .find(|purpose| purpose.code() == code)
    }

    /// What the officer reads: "Significant change review".
    pub fn label(self) -> &'static str {
        match self {
            AssessmentPurpose::Initial => "Initial assessment",
            AssessmentPurpose::Review => "Review",
            AssessmentPurpose::SignificantChange => "Significant change review",
            AssessmentPurpose::PreRelease => "Pre-release review",
            AssessmentPurpose::Termination => "Termination review",
            AssessmentPurpose::Transfer => "Transfer review",
        }
    }

    /// Whether a signed version with this purpose is a review done (domain.md §5: review,
    /// significant change, pre-release and termination; not the initial assessment, nor a transfer).
    pub fn is_review(self) -> bool {
        !matches!(
            self,
            AssessmentPurpose::Initial | AssessmentPurpose::Transfer
        )
    }

    /// The purpose of a version stored before versions stated one: version 1 was the initial
    /// assessment, and a later version was started to review it.
    ///
    /// ```
    /// use probation_workbook::domain::signing::AssessmentPurpose;
    /// assert_eq!(AssessmentPurpose::of_unstated(1), AssessmentPurpose::Initial);
    /// assert_eq!(AssessmentPurpose::of_unstated(2), AssessmentPurpose::Review);
    /// ```
    pub fn of_unstated(version: u32) -> AssessmentPurpose {
        if version <= 1 {
            AssessmentPurpose::Initial
        } else {
            AssessmentPurpose::Review
        }
    }
}

/// The purpose chosen when starting a new draft (a radio's value), or the error to show under the
/// radios when none, or one a new draft cannot have, is chosen.
///
/// ```
/// use probation_workbook::domain::signing::{new_draft_purpose, AssessmentPurpose};
/// assert_eq!(new_draft_purpose(Some("pre_release")), Ok(AssessmentPurpose::PreRelease));
/// let errors = new_draft_purpose(None).unwrap_err();
/// assert_eq!(errors.iter().next().unwrap().message, "Select what the new version is for");
/// ```
pub fn new_draft_purpose(chosen: Option<&str>) -> Result<AssessmentPurpose, FieldErrors> {
    match chosen.and_then(AssessmentPurpose::from_code) {
        Some(purpose) if AssessmentPurpose::FOR_NEW_DRAFT.contains(&purpose) => Ok(purpose),
        _ => {
            let mut errors = FieldErrors::default();
            errors.push(
                NEW_DRAFT_PURPOSE_FIELD,
                "Select what the new version is for",
            );
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_labels_and_serde_agree() {
        for purpose in AssessmentPurpose::ALL {
            assert_eq!(AssessmentPurpose::from_code(purpose.code()), Some(purpose));
            assert_eq!(
                serde_json::to_value(purpose).unwrap(),
                serde_json::Value::String(purpose.code().into())
            );
            assert!(!purpose.label().is_empty());
        }
        assert_eq!(AssessmentPurpose::from_code("other"), None);
        assert!(!AssessmentPurpose::Initial.is_review());
        assert!(AssessmentPurpose::FOR_NEW_DRAFT
            .iter()
            .all(|purpose| *purpose != AssessmentPurpose::Initial));
        assert!(!AssessmentPurpose::Transfer.is_review());
    }

    #[test]
    fn a_new_draft_needs_one_of_the_review_purposes() {
        for purpose in AssessmentPurpose::FOR_NEW_DRAFT {
            assert_eq!(new_draft_purpose(Some(purpose.code())), Ok(purpose));
        }
        for chosen in [None, Some(""), Some("initial"), Some("other")] {
            let errors = new_draft_purpose(chosen).unwrap_err();
            assert_eq!(
                errors.for_field(NEW_DRAFT_PURPOSE_FIELD),
                Some("Select what the new version is for"),
                "{chosen:?}"
            );
        }
    }
}
