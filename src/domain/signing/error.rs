//! Why a signing step was refused, in the sentence the officer reads.

use super::{Action, Grade, VersionState};
use crate::domain::plan::TEXT_MAX_CHARS;
use crate::domain::validation::thousands;

/// Why signing, countersigning, returning or commenting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    #[error("Enter your name in your profile first: it goes on everything you sign, comment on, send or import")]
    ProfileIncomplete,
    #[error("Complete every section of the assessment and record the person's agreement to the sentence plan before signing")]
    NotComplete,
    #[error("Version {0} is waiting for a senior: it must be countersigned or returned before the assessment can be changed or signed again")]
    WithSenior(u32),
    #[error("Version {0} is already signed and has not been changed since: start a new version to change it")]
    NoDraft(u32),
    #[error("Version {0} is already a draft that can be changed")]
    DraftAlreadyOpen(u32),
    #[error("There is no version {0}")]
    VersionNotFound(u32),
    #[error("Version {version} is {}: it cannot be {}", .state.label().to_lowercase(), .action.refused_as())]
    NotAllowed {
        version: u32,
        state: VersionState,
        action: Action,
    },
    #[error(
        "You signed version {0}: someone else must countersign it, return it or comment on it"
    )]
    OwnWork(u32),
    #[error(
        "You countersigned version {0}: a different senior must give the second countersignature"
    )]
    SameCountersigner(u32),
    #[error("Only a senior probation officer or a head of service can countersign, return or comment: your profile says {}", .0.label())]
    GradeCannotCountersign(Grade),
    #[error("Enter a comment saying what needs to be reworked")]
    ReturnCommentMissing,
    #[error("Enter a comment saying why a second countersignature is needed")]
    DoubleCountersignCommentMissing,
    #[error("Enter a comment")]
    CommentMissing,
    #[error("A comment must be {} characters or fewer", thousands(TEXT_MAX_CHARS as u64))]
    CommentTooLong,
    #[error("There is no section {0} in the assessment")]
    UnknownSection(String),
    #[error("There is no question {0} in the assessment")]
    UnknownItem(String),
    #[error("There is no goal with the id {goal} in version {version}")]
    UnknownGoal { version: u32, goal: String },
    #[error("\"{0}\" is not a date and time")]
    InvalidTime(String),
    #[error("There is no version of this case waiting for countersignature")]
    NothingToReview,
    #[error("Version {0} follows a signed version, so it cannot be the initial assessment: select what it is for")]
    NotInitial(u32),
    /// A reply or a resolution names a comment that is not there, or is itself a reply or a
    /// resolution, or was made on the version being signed or decided.
    #[error("There is no earlier comment {} (version {}, comment {}) to answer or resolve", .0.key(), .0.version, .0.index + 1)]
    NoSuchComment(super::CommentRef),
    #[error("\"{0}\" does not name a comment")]
    UnknownCommentKey(String),
    #[error("The comment of version {} was already resolved", .0.version)]
    AlreadyResolved(super::CommentRef),
}
