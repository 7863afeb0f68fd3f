//! Countersigning (domain.md §6): who needs it, the signed versions of a case and the moves between their
//! states, comments, and the case's timeline.
//!
//! - `grade` — the officer's [`Profile`] (name and [`Grade`]).
//! - `rules` — [`COUNTERSIGN_RULES`], the table that decides whether countersigning is needed, and why.
//! - `state` — [`VersionState`] and [`next_state`], the one table of moves.
//! - `purpose` — [`AssessmentPurpose`]: what a version is for (initial, review, significant change,
//!   pre-release, termination); version 1 is initial, a new draft states its purpose.
//! - `versions` — [`SignedVersion`]: the work as signed ([`Snapshot`]), who signed it, comments.
//! - `case_signing` — [`CaseSigning`]: every version and the timeline, with the moves as methods.
//! - `changes` — whether the work can be signed, and what changed between two versions.
//! - `lock` — what a signed version locks in the draft (answers, completed sections, plan, review
//!   settings), checked on every write of the open case.
//! - `offer` — what the signing and review pages offer whom ([`signing_offer`],
//!   [`CaseSigning::version_to_review`], [`ReviewDecision`]), a senior's decision
//!   ([`CaseSigning::decide`]), sending ([`CaseSigning::record_export`]) and the comments as listed.
//!
//! ```
//! use probation_workbook::domain::signing::*;
//! let officer = Profile::new("Sam Patel", Grade::TraineePqip).unwrap();
//! let senior = Profile::new("Jo Bloggs", Grade::Spo).unwrap();
//! let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
//! let reasons = countersigning_needed(officer.grade, &CaseFacts::default());
//! let at = "2026-11-25T14:03:07Z";
//! let version = signing.sign(Snapshot::default(), true, &officer, &reasons, at).unwrap();
//! assert_eq!(signing.latest().unwrap().state, VersionState::AwaitingCountersign);
//! let refused = signing.countersign(version, &officer, at).unwrap_err();
//! assert_eq!(refused.to_string(), "You signed version 1: someone else must countersign it, return it or comment on it");
//! signing.return_for_rework(version, "Say more about the risk to children", &senior, at).unwrap();
//! assert_eq!(signing.draft_status(), DraftStatus::Open { next: 2 });
//! ```

mod case_signing;
mod changes;
mod contact;
mod error;
mod grade;
mod lock;
mod offer;
mod purpose;
mod review_start;
mod rules;
mod state;
mod threads;
mod timeline;
mod versions;

pub use case_signing::{CaseSigning, DraftStatus};
pub use changes::{changes_between, sign_problems, VersionChanges};
pub use contact::{contact_fields, ContactForm, OfficerContact, EMAIL_MAX_CHARS, OFFICE_MAX_CHARS};
pub use error::SigningError;
pub use grade::{
    profile_fields, Grade, Profile, ProfileError, ProfileForm, COUNTERSIGNING_GRADES,
    PROFILE_NAME_MAX_CHARS,
};
pub use lock::{assessment_change_refused, plan_change_refused, LOCKED_MESSAGE};
pub use offer::{
    all_comments, comment_draft_key, comment_draft_target, comment_link, comment_place,
    signing_offer, DraftAction, ListedThread, ReviewDecision, SigningOffer, EXPORT_CASE_PACKAGE,
    SEND_FOR_COUNTERSIGNING, THREAD_QUERY,
};
pub use purpose::{new_draft_purpose, AssessmentPurpose, NEW_DRAFT_PURPOSE_FIELD};
pub use review_start::{
    review_fields, validate_review_start, ReviewDetails, ReviewStart, ReviewStartForm,
};
pub use rules::{
    countersigning_needed, countersigning_needed_by, describe_need, describe_need_for,
    CaseCondition, CaseFacts, CountersignRule, COUNTERSIGN_RULES, IDENTIFIABLE_CHILDREN_ITEM,
    UNAPPROVED_GRADES,
};
pub use state::{next_state, Action, VersionState};
pub use threads::{Thread, RESOLVE_DRAFT_PREFIX};
pub use timeline::{long_day, EventKind, TimelineEvent};
pub use versions::{Comment, CommentRef, CommentTarget, SignedVersion, Snapshot};

#[cfg(test)]
mod offer_tests;
#[cfg(test)]
mod people_tests;
#[cfg(test)]
mod purpose_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod thread_tests;
#[cfg(test)]
mod transition_tests;
