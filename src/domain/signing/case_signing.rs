//! A case's signed versions and timeline, and every move between states as a method that checks who and
//! what, and says in a sentence why it was refused.
//!
//! The work being written lives outside, in the store's draft records. Signing copies it into a new
//! version, which is then read-only. To change the assessment after that, the officer starts a new draft
//! ([`CaseSigning::start_new_draft`], a timeline entry), and the next signing makes the next version.
//! A version returned for rework reopens the draft by itself. While a version waits for a senior, the
//! draft stays locked, so the versions form one line and a package always says the latest word.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::rules::{describe_need, CaseFacts};
use super::state::{next_state, Action, VersionState};
use super::timeline::{EventKind, TimelineEvent};
use super::versions::{Comment, CommentTarget, SignedVersion, Snapshot};
use super::{AssessmentPurpose, Profile, ReviewDetails, ReviewStart, SigningError};
use crate::domain::answers::Answers;
use crate::domain::plan::TEXT_MAX_CHARS;
use crate::domain::questionnaire;

/// Every signed version of one case, and its timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSigning {
    /// Numbered 1, 2, 3… in the order signed.
    pub versions: Vec<SignedVersion>,
    /// In the order it happened.
    pub history: Vec<TimelineEvent>,
}

/// Whether the draft can be changed, and which version it is or follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStatus {
    /// The answers and plan can be changed; signing makes version `next`.
    Open { next: u32 },
    /// Version `latest` is signed and nothing was started since: read-only until a new draft is started.
    Locked { latest: u32 },
    /// Version `latest` waits for a senior: read-only, and no new draft until it is countersigned or returned.
    WithSenior { latest: u32 },
}

impl CaseSigning {
    /// A case's timeline from its creation.
    pub fn new(created_at: &str, by: Option<&Profile>) -> Self {
        let mut signing = Self::default();
        signing.record(EventKind::Created, by, created_at, None, None);
        signing
    }

    pub fn latest(&self) -> Option<&SignedVersion> {
        self.versions.last()
    }

    pub(super) fn version_mut(&mut self, number: u32) -> Option<&mut SignedVersion> {
        self.versions
            .iter_mut()
            .find(|version| version.number == number)
    }

    pub fn version(&self, number: u32) -> Option<&SignedVersion> {
        self.versions
            .iter()
            .find(|version| version.number == number)
    }

    /// How many versions stand (self-signed or countersigned): none means the next is the first
    /// assessment of the period of supervision.
    pub fn accepted_versions(&self) -> usize {
        self.versions
            .iter()
            .filter(|version| version.state.is_accepted())
            .count()
    }

    /// The facts the countersigning rules read, for the next version.
    pub fn case_facts(&self, answers: &Answers) -> CaseFacts {
        CaseFacts::from_assessment(answers, self.accepted_versions())
    }

    pub fn draft_status(&self) -> DraftStatus {
        let Some(latest) = self.latest() else {
            return DraftStatus::Open { next: 1 };
        };
        let next = latest.number + 1;
        let started = self
            .history
            .iter()
            .any(|event| event.kind == EventKind::NewDraft && event.version == Some(next));
        match latest.state {
            state if state.is_awaiting() => DraftStatus::WithSenior {
                latest: latest.number,
            },
            VersionState::Returned => DraftStatus::Open { next },
            _ if started => DraftStatus::Open { next },
            _ => DraftStatus::Locked {
                latest: latest.number,
            },
        }
    }

    /// What the open draft is for, `None` while no draft is open: the initial assessment before any
    /// version is signed; the purpose of a version returned for rework; otherwise the purpose stated
    /// when the draft was started (a review, for drafts started before drafts stated it).
    pub fn draft_purpose(&self) -> Option<AssessmentPurpose> {
        let DraftStatus::Open { next } = self.draft_status() else {
            return None;
        };
        let Some(latest) = self.latest() else {
            return Some(AssessmentPurpose::Initial);
        };
        if latest.state == VersionState::Returned {
            return Some(latest.purpose());
        }
        let started = self
            .history
            .iter()
            .rev()
            .find(|event| event.kind == EventKind::NewDraft && event.version == Some(next));
        Some(
            started
                .and_then(|event| event.purpose)
                .unwrap_or_else(|| AssessmentPurpose::of_unstated(next)),
        )
    }

    /// The open draft's review details (its assessment date, the change it is for), as given when
    /// it was started ([`CaseSigning::start_review`]), or the returned version's when it is being
    /// reworked. `None` for an initial assessment and a draft started before reviews stated them.
    pub fn draft_review(&self) -> Option<ReviewDetails> {
        let DraftStatus::Open { next } = self.draft_status() else {
            return None;
        };
        let latest = self.latest()?;
        if latest.state == VersionState::Returned {
            return latest.review.clone();
        }
        self.history
            .iter()
            .rev()
            .find(|event| event.kind == EventKind::NewDraft && event.version == Some(next))
            .and_then(|event| event.review.clone())
    }

    /// Who reworks the open draft, when it is not `me`: a version returned for rework is reworked by
    /// the officer who signed it, and in anyone else's browser (the senior's copy, after returning
    /// it) the draft is read-only: the senior's work is comments and a decision, never the
    /// officer's assessment (issue 20). `None` when `me` may change the draft, or there is no
    /// profile to tell. People are told apart by name, whatever their grade now (a promotion
    /// between versions does not lock an officer out); signatures, not names, say who signed.
    pub fn reworked_by_someone_else(&self, me: Option<&Profile>) -> Option<&Profile> {
        let latest = self.latest()?;
        let me = me?;
        (latest.state == VersionState::Returned && !me.is_same_person(&latest.signed_by))
            .then_some(&latest.signed_by)
    }

    /// The latest version is signed and stands: changing the assessment needs `start_new_draft` first.
    pub fn needs_new_draft(&self) -> bool {
        matches!(self.draft_status(), DraftStatus::Locked { .. })
    }

    /// Whether a version is read-only: every signed version is. A number not yet signed is the draft.
    pub fn is_locked(&self, number: u32) -> bool {
        self.version(number)
            .is_some_and(|version| version.state.is_locked())
    }

    /// Where the case stands, in a line: "Version 2 awaiting countersignature".
    pub fn status_line(&self) -> String {
        let Some(latest) = self.latest() else {
            return "Unsigned draft".to_string();
        };
        let state = latest.state.label().to_lowercase();
        match self.draft_status() {
            DraftStatus::Open { next } => {
                format!(
                    "Version {next} is a draft (version {} {state})",
                    latest.number
                )
            }
            _ => format!("Version {} {state}", latest.number),
        }
    }

    /// What a senior compares version `number` with: the latest earlier version a senior decided
    /// on, returned (the rework answers it) or countersigned (what stood until now). `None` for the
    /// first version a senior sees.
    pub fn compared_with(&self, number: u32) -> Option<&SignedVersion> {
        self.versions.iter().rev().find(|version| {
            version.number < number
                && matches!(
                    version.state,
                    VersionState::Returned
                        | VersionState::Countersigned
                        | VersionState::DoubleCountersigned
                )
        })
    }

    /// The last version before `number` that a senior countersigned: what a review compares with.
    pub fn last_countersigned_before(&self, number: u32) -> Option<&SignedVersion> {
        self.versions.iter().rev().find(|version| {
            version.number < number
                && matches!(
                    version.state,
                    VersionState::Countersigned | VersionState::DoubleCountersigned
                )
        })
    }

    /// Signs the draft as the next version, with the draft's purpose ([`CaseSigning::draft_purpose`]):
    /// self-signed when `countersign_reasons` is empty, otherwise awaiting countersignature (the
    /// reasons are kept with it). Refused unless the draft is `complete` (every section completed and
    /// the plan agreed: see `sign_problems`) and open.
    pub fn sign(
        &mut self,
        snapshot: Snapshot,
        complete: bool,
        signer: &Profile,
        countersign_reasons: &[&str],
        at: &str,
    ) -> Result<u32, SigningError> {
        check_time(at)?;
        check_profile(signer)?;
        let number = match self.draft_status() {
            DraftStatus::Open { next } => next,
            DraftStatus::Locked { latest } => return Err(SigningError::NoDraft(latest)),
            DraftStatus::WithSenior { latest } => return Err(SigningError::WithSenior(latest)),
        };
        if !complete {
            return Err(SigningError::NotComplete);
        }
        let action = if countersign_reasons.is_empty() {
            Action::Sign
        } else {
            Action::SignForCountersigning
        };
        let state = next_state(VersionState::UnsignedDraft, action)
            .expect("an unsigned draft can be signed");
        let purpose = self
            .draft_purpose()
            .unwrap_or_else(|| AssessmentPurpose::of_unstated(number));
        let mut version = SignedVersion::signed(
            number,
            state,
            purpose,
            snapshot,
            signer,
            at,
            countersign_reasons,
        );
        version.review = self.draft_review();
        self.versions.push(version);
        let need = describe_need(countersign_reasons);
        self.record(
            EventKind::Signed,
            Some(signer),
            at,
            Some(number),
            Some(need),
        );
        Ok(number)
    }

    /// Starts changing a signed assessment for `purpose` (a review of some kind: a version after a
    /// signed one is never the initial assessment): the changes become the next version. Returns its
    /// number.
    pub fn start_new_draft(
        &mut self,
        purpose: AssessmentPurpose,
        by: &Profile,
        at: &str,
    ) -> Result<u32, SigningError> {
        check_time(at)?;
        check_profile(by)?;
        match self.draft_status() {
            DraftStatus::Locked { latest } => {
                if !AssessmentPurpose::FOR_NEW_DRAFT.contains(&purpose) {
                    return Err(SigningError::NotInitial(latest + 1));
                }
                self.record(EventKind::NewDraft, Some(by), at, Some(latest + 1), None);
                if let Some(event) = self.history.last_mut() {
                    event.purpose = Some(purpose);
                }
                Ok(latest + 1)
            }
            DraftStatus::Open { next } => Err(SigningError::DraftAlreadyOpen(next)),
            DraftStatus::WithSenior { latest } => Err(SigningError::WithSenior(latest)),
        }
    }

    /// Starts a review of the signed assessment ([`validate_review_start`](super::validate_review_start)):
    /// a new draft for its purpose that keeps its assessment date and the change it is for.
    pub fn start_review(
        &mut self,
        review: &ReviewStart,
        by: &Profile,
        at: &str,
    ) -> Result<u32, SigningError> {
        let next = self.start_new_draft(review.purpose, by, at)?;
        if let Some(event) = self.history.last_mut() {
            event.review = Some(review.details.clone());
        }
        Ok(next)
    }

    /// A senior countersigns a version awaiting countersignature.
    pub fn countersign(&mut self, number: u32, by: &Profile, at: &str) -> Result<(), SigningError> {
        let version = self.senior_acts(number, Action::Countersign, by, at)?;
        version.countersigned_by = Some(by.clone());
        version.countersigned_at = Some(at.to_string());
        self.record(EventKind::Countersigned, Some(by), at, Some(number), None);
        Ok(())
    }

    /// A senior countersigns and asks a second senior to countersign too, saying why.
    pub fn request_double_countersign(
        &mut self,
        number: u32,
        comment: &str,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let comment = required(comment, SigningError::DoubleCountersignCommentMissing)?;
        let version = self.senior_acts(number, Action::RequestDoubleCountersign, by, at)?;
        version.countersigned_by = Some(by.clone());
        version.countersigned_at = Some(at.to_string());
        version.double_countersign_reason = Some(comment.clone());
        let kind = EventKind::DoubleCountersignRequested;
        self.record(kind, Some(by), at, Some(number), Some(comment));
        Ok(())
    }

    /// A second senior, not the first countersigner, countersigns.
    pub fn double_countersign(
        &mut self,
        number: u32,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let version = self.senior_acts(number, Action::DoubleCountersign, by, at)?;
        version.double_countersigned_by = Some(by.clone());
        version.double_countersigned_at = Some(at.to_string());
        self.record(
            EventKind::DoubleCountersigned,
            Some(by),
            at,
            Some(number),
            None,
        );
        Ok(())
    }

    /// A senior returns a version for rework, saying what needs rework; the draft reopens.
    pub fn return_for_rework(
        &mut self,
        number: u32,
        comment: &str,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let comment = required(comment, SigningError::ReturnCommentMissing)?;
        let version = self.senior_acts(number, Action::ReturnForRework, by, at)?;
        version.returned_by = Some(by.clone());
        version.returned_at = Some(at.to_string());
        version.returned_reason = Some(comment.clone());
        self.record(
            EventKind::Returned,
            Some(by),
            at,
            Some(number),
            Some(comment),
        );
        Ok(())
    }

    /// A senior comments on a section, a goal or the whole of a version waiting for them.
    pub fn add_comment(
        &mut self,
        number: u32,
        on: CommentTarget,
        text: &str,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let text = required(text, SigningError::CommentMissing)?;
        let version = self
            .version(number)
            .ok_or(SigningError::VersionNotFound(number))?;
        match &on {
            CommentTarget::Section(id) if questionnaire::section(id).is_none() => {
                return Err(SigningError::UnknownSection(id.clone()));
            }
            CommentTarget::Item(code) if questionnaire::find_item(code).is_none() => {
                return Err(SigningError::UnknownItem(code.clone()));
            }
            CommentTarget::Goal(id) if version.snapshot.plan.goal(id).is_none() => {
                let goal = id.clone();
                return Err(SigningError::UnknownGoal {
                    version: number,
                    goal,
                });
            }
            _ => {}
        }
        let version = self.senior_acts(number, Action::Comment, by, at)?;
        let by = by.clone();
        let at = at.to_string();
        version.comments.push(Comment::new(on, text, by, at));
        Ok(())
    }

    /// Records that a case package was exported, with the latest version in it.
    pub fn record_sent(&mut self, by: &Profile, at: &str) -> Result<(), SigningError> {
        check_time(at)?;
        check_profile(by)?;
        let latest = self.latest().map(|version| version.number);
        self.record(EventKind::Sent, Some(by), at, latest, None);
        Ok(())
    }

    /// Records that a case package was imported into this browser.
    pub fn record_imported(&mut self, by: &Profile, at: &str) -> Result<(), SigningError> {
        check_time(at)?;
        check_profile(by)?;
        let latest = self.latest().map(|version| version.number);
        self.record(EventKind::Imported, Some(by), at, latest, None);
        Ok(())
    }

    /// The checks every senior's move shares: a real time, a profile, a version whose state allows the
    /// move, someone other than the signer (and the first countersigner), and a countersigning grade.
    pub(super) fn senior_acts(
        &mut self,
        number: u32,
        action: Action,
        by: &Profile,
        at: &str,
    ) -> Result<&mut SignedVersion, SigningError> {
        check_time(at)?;
        check_profile(by)?;
        let version = self
            .versions
            .iter_mut()
            .find(|version| version.number == number)
            .ok_or(SigningError::VersionNotFound(number))?;
        let Some(state) = next_state(version.state, action) else {
            let state = version.state;
            return Err(SigningError::NotAllowed {
                version: number,
                state,
                action,
            });
        };
        if by.is_same_person(&version.signed_by) {
            return Err(SigningError::OwnWork(number));
        }
        let first = version.countersigned_by.as_ref();
        if action == Action::DoubleCountersign
            && first.is_some_and(|first| by.is_same_person(first))
        {
            return Err(SigningError::SameCountersigner(number));
        }
        if !by.grade.can_countersign() {
            return Err(SigningError::GradeCannotCountersign(by.grade));
        }
        version.state = state;
        Ok(version)
    }

    fn record(
        &mut self,
        kind: EventKind,
        by: Option<&Profile>,
        at: &str,
        version: Option<u32>,
        note: Option<String>,
    ) {
        self.history.push(TimelineEvent {
            review: None,
            kind,
            by: by.cloned(),
            at: at.to_string(),
            version,
            note,
            purpose: None,
        });
    }
}

fn check_time(at: &str) -> Result<(), SigningError> {
    at.parse::<Timestamp>()
        .map(|_| ())
        .map_err(|_| SigningError::InvalidTime(at.to_string()))
}

fn check_profile(profile: &Profile) -> Result<(), SigningError> {
    profile.check().map_err(|_| SigningError::ProfileIncomplete)
}

/// The comment trimmed, refused when empty or too long.
pub(super) fn required(comment: &str, missing: SigningError) -> Result<String, SigningError> {
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(missing);
    }
    if comment.chars().count() > TEXT_MAX_CHARS {
        return Err(SigningError::CommentTooLong);
    }
    Ok(comment.to_string())
}
