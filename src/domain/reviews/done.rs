//! Reviews done (domain.md §5): a review is done when a review assessment — a version whose purpose
//! is review, significant change, pre-release or termination — is signed. The day it counts from is
//! the London day it was signed by the officer. A version returned for rework is not a review done
//! (its rework, once signed, is); one still waiting for a countersignature is, as the officer has done
//! the review.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::dates::london_date_of;
use crate::domain::signing::{AssessmentPurpose, CaseSigning, VersionState};

/// A review assessment signed on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewDone {
    pub date: Date,
    pub purpose: AssessmentPurpose,
}

/// Every review done in a case's signed versions, by date (see the module's notes).
///
/// ```
/// use probation_workbook::domain::reviews::reviews_done;
/// use probation_workbook::domain::signing::{AssessmentPurpose, CaseSigning, Grade, Profile, Snapshot};
/// let officer = Profile::new("Kim Lee", Grade::Po).unwrap();
/// let mut signing = CaseSigning::new("2026-03-02T09:00:00Z", Some(&officer));
/// signing.sign(Snapshot::default(), true, &officer, &[], "2026-03-20T10:00:00Z").unwrap();
/// signing.start_new_draft(AssessmentPurpose::Review, &officer, "2026-08-30T10:00:00Z").unwrap();
/// signing.sign(Snapshot::default(), true, &officer, &[], "2026-08-31T23:30:00Z").unwrap();
/// let done = reviews_done(&signing);
/// assert_eq!(done.len(), 1, "the initial assessment is not a review");
/// assert_eq!(done[0].date.to_string(), "2026-09-01", "00:30 in London");
/// ```
pub fn reviews_done(signing: &CaseSigning) -> Vec<ReviewDone> {
    let mut done: Vec<ReviewDone> = signing
        .versions
        .iter()
        .filter(|version| {
            !matches!(
                version.state,
                VersionState::UnsignedDraft | VersionState::Returned
            )
        })
        .filter(|version| version.purpose().is_review())
        .filter_map(|version| {
            london_date_of(&version.signed_at).map(|date| ReviewDone {
                date,
                purpose: version.purpose(),
            })
        })
        .collect();
    done.sort();
    done
}

/// The latest review done, of any review purpose (`reviews` in any order).
pub fn last_review_done(reviews: &[ReviewDone]) -> Option<ReviewDone> {
    reviews
        .iter()
        .filter(|review| review.purpose.is_review())
        .max_by_key(|review| review.date)
        .copied()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::signing::{Grade, Profile, Snapshot};

    fn officer() -> Profile {
        Profile::new("Sam Patel", Grade::TraineePqip).unwrap()
    }

    fn senior() -> Profile {
        Profile::new("Jo Bloggs", Grade::Spo).unwrap()
    }

    /// Version 1 (initial) countersigned, then a review signed at `at` and left awaiting.
    fn with_review(purpose: AssessmentPurpose, at: &str) -> CaseSigning {
        let mut signing = CaseSigning::new("2026-03-02T09:00:00Z", Some(&officer()));
        let reasons = ["Trainee"];
        signing
            .sign(
                Snapshot::default(),
                true,
                &officer(),
                &reasons,
                "2026-03-20T10:00:00Z",
            )
            .unwrap();
        signing
            .countersign(1, &senior(), "2026-03-21T10:00:00Z")
            .unwrap();
        signing
            .start_new_draft(purpose, &officer(), "2026-08-01T10:00:00Z")
            .unwrap();
        signing
            .sign(Snapshot::default(), true, &officer(), &reasons, at)
            .unwrap();
        signing
    }

    #[test]
    fn a_signed_review_of_any_purpose_is_a_review_done_on_its_london_day() {
        let transfer = with_review(AssessmentPurpose::Transfer, "2026-09-01T12:00:00Z");
        assert_eq!(
            reviews_done(&transfer),
            [],
            "a transfer is not a review done"
        );
        for purpose in AssessmentPurpose::FOR_NEW_DRAFT
            .into_iter()
            .filter(|purpose| purpose.is_review())
        {
            let signing = with_review(purpose, "2026-09-01T12:00:00Z");
            assert_eq!(
                reviews_done(&signing),
                [ReviewDone {
                    date: date(2026, 9, 1),
                    purpose
                }]
            );
        }
        let late = with_review(AssessmentPurpose::Review, "2026-08-31T23:30:00Z");
        assert_eq!(reviews_done(&late)[0].date, date(2026, 9, 1));
    }

    #[test]
    fn a_review_returned_for_rework_is_not_done_until_the_rework_is_signed() {
        let mut signing = with_review(AssessmentPurpose::Review, "2026-09-01T12:00:00Z");
        signing
            .return_for_rework(2, "Say more", &senior(), "2026-09-02T12:00:00Z")
            .unwrap();
        assert!(reviews_done(&signing).is_empty());
        signing
            .sign(
                Snapshot::default(),
                true,
                &officer(),
                &["Trainee"],
                "2026-09-05T12:00:00Z",
            )
            .unwrap();
        assert_eq!(
            reviews_done(&signing),
            [ReviewDone {
                date: date(2026, 9, 5),
                purpose: AssessmentPurpose::Review
            }]
        );
    }

    #[test]
    fn the_latest_review_is_the_last_done() {
        let reviews = [
            ReviewDone {
                date: date(2026, 9, 1),
                purpose: AssessmentPurpose::Review,
            },
            ReviewDone {
                date: date(2027, 1, 4),
                purpose: AssessmentPurpose::SignificantChange,
            },
            ReviewDone {
                date: date(2027, 3, 1),
                purpose: AssessmentPurpose::Initial,
            },
        ];
        assert_eq!(last_review_done(&reviews), Some(reviews[1]));
        assert_eq!(last_review_done(&[]), None);
        assert!(reviews_done(&CaseSigning::default()).is_empty());
    }
}
