//! A signed version: the assessment and plan exactly as signed, who signed and countersigned it, and the
//! senior's comments.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{AssessmentPurpose, Profile, VersionState};
use crate::domain::answers::Answers;
use crate::domain::keys::SignedEvent;
use crate::domain::plan::SentencePlan;

/// The assessment and plan at the moment of signing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub answers: Answers,
    /// Ids of the sections marked completed.
    pub completed_sections: BTreeSet<String>,
    pub plan: SentencePlan,
}

/// What a comment is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentTarget {
    /// A section of the assessment, by its id ("3", "rosh-summary").
    Section(String),
    /// A single question of the assessment, by its item code ("3.4"; package schema 5, record
    /// layout 10).
    Item(String),
    /// A goal of the plan, by its id.
    Goal(String),
    /// The version as a whole.
    General,
}

impl CommentTarget {
    /// The section a comment on a section or on one of its questions belongs to: where the task
    /// list counts it. `None` for a goal, the whole assessment, or a code no section has.
    pub fn section_id(&self) -> Option<&'static str> {
        match self {
            CommentTarget::Section(id) => {
                crate::domain::questionnaire::section(id).map(|section| section.id)
            }
            CommentTarget::Item(code) => {
                crate::domain::questionnaire::find_item(code).map(|(section, _)| section.id)
            }
            CommentTarget::Goal(_) | CommentTarget::General => None,
        }
    }
}

/// Which comment: the version it was made on and its place among that version's comments (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CommentRef {
    pub version: u32,
    pub index: u32,
}

impl CommentRef {
    /// "1.0": the key of a reply or a resolution as typed (`SigningRecord::reply_drafts`).
    pub fn key(&self) -> String {
        format!("{}.{}", self.version, self.index)
    }

    /// The reverse of [`CommentRef::key`]; `None` for anything else.
    pub fn parse(key: &str) -> Option<CommentRef> {
        let (version, index) = key.split_once('.')?;
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        if !digits(version) || !digits(index) {
            return None;
        }
        Some(CommentRef {
            version: version.parse().ok()?,
            index: index.parse().ok()?,
        })
    }
}

/// A comment on a version: a senior's, or in a thread (`signing::threads`) an officer's reply to
/// one (`reply_to`, signed with the officer's next version) or a senior marking one resolved
/// (`resolves`, with their decision on a later version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// What it is about; a reply or a resolution is about what its comment is about.
    pub on: CommentTarget,
    /// Empty only for a resolution given without a note.
    pub text: String,
    pub by: Profile,
    /// RFC 3339.
    pub at: String,
    /// The comment this answers. Absent on a senior's comment (and on every comment made before
    /// threads), so older versions read, and digest, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<CommentRef>,
    /// The comment this marks resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolves: Option<CommentRef>,
}

impl Comment {
    /// A senior's comment, not in reply to anything.
    pub fn new(on: CommentTarget, text: String, by: Profile, at: String) -> Comment {
        Comment {
            on,
            text,
            by,
            at,
            reply_to: None,
            resolves: None,
        }
    }

    /// Who said it, the day and what: "Jo Bloggs (SPO), 25 November 2026: Say where they sleep";
    /// a resolution without a note says "Resolved".
    pub fn said(&self) -> String {
        let text = if self.text.is_empty() && self.resolves.is_some() {
            "Resolved"
        } else {
            self.text.as_str()
        };
        format!(
            "{}, {}: {text}",
            self.by.describe(),
            super::long_day(&self.at),
        )
    }

    /// A comment that starts a thread: neither a reply nor a resolution.
    pub fn starts_thread(&self) -> bool {
        self.reply_to.is_none() && self.resolves.is_none()
    }
}

/// One signed version of a case's assessment and plan. It never changes except by the moves in
/// `state::next_state`; the work it holds is read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedVersion {
    /// From 1, one more for each version signed.
    pub number: u32,
    pub state: VersionState,
    /// What the version is for; absent in versions signed before versions stated it (read with
    /// [`SignedVersion::purpose`]: initial for version 1, review after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<AssessmentPurpose>,
    /// A review's assessment date and the change it is for; absent on an initial assessment and
    /// on versions signed before reviews kept them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<super::ReviewDetails>,
    pub snapshot: Snapshot,
    pub signed_by: Profile,
    /// RFC 3339.
    pub signed_at: String,
    /// Why countersigning was needed when it was signed (`rules`); empty when self-signed.
    pub countersign_reasons: Vec<String>,
    pub countersigned_by: Option<Profile>,
    pub countersigned_at: Option<String>,
    /// Why the countersigner asked for a second countersignature.
    pub double_countersign_reason: Option<String>,
    pub double_countersigned_by: Option<Profile>,
    pub double_countersigned_at: Option<String>,
    pub returned_by: Option<Profile>,
    pub returned_at: Option<String>,
    /// What needs rework: required when returning.
    pub returned_reason: Option<String>,
    /// In the order given.
    pub comments: Vec<Comment>,
    /// The signatures of its signing and of each senior's decision, in the order made
    /// (`keys::events`). Absent in versions signed before signatures (and written only when there
    /// is one), so older records and packages read, and digest, as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<SignedEvent>,
}

impl SignedVersion {
    /// A version just signed, before any senior has seen it.
    pub(super) fn signed(
        number: u32,
        state: VersionState,
        purpose: AssessmentPurpose,
        snapshot: Snapshot,
        signed_by: &Profile,
        signed_at: &str,
        countersign_reasons: &[&str],
    ) -> Self {
        Self {
            number,
            state,
            purpose: Some(purpose),
            review: None,
            snapshot,
            signed_by: signed_by.clone(),
            signed_at: signed_at.to_string(),
            countersign_reasons: countersign_reasons.iter().map(|r| r.to_string()).collect(),
            countersigned_by: None,
            countersigned_at: None,
            double_countersign_reason: None,
            double_countersigned_by: None,
            double_countersigned_at: None,
            returned_by: None,
            returned_at: None,
            returned_reason: None,
            comments: Vec::new(),
            signatures: Vec::new(),
        }
    }

    /// What the version is for: as stated, or for a version stored before versions stated it,
    /// [`AssessmentPurpose::of_unstated`] (initial for version 1, review after it).
    pub fn purpose(&self) -> AssessmentPurpose {
        self.purpose
            .unwrap_or_else(|| AssessmentPurpose::of_unstated(self.number))
    }

    /// The comments on one section, goal, or the whole version, in the order given: those that
    /// start a thread (replies and resolutions are read with their thread, `signing::threads`).
    pub fn comments_on<'a>(
        &'a self,
        target: &'a CommentTarget,
    ) -> impl Iterator<Item = &'a Comment> {
        self.comments
            .iter()
            .filter(move |comment| &comment.on == target && comment.starts_thread())
    }

    /// Whether the recorded people and times fit the state, in a sentence saying what does not.
    /// A package is refused when one of its versions does not hold together.
    pub fn check(&self) -> Result<(), String> {
        use VersionState as S;
        let number = self.number;
        // Each pair of who and when is given together or not at all.
        let given = |by: &Option<Profile>, at: &Option<String>| match (by, at) {
            (Some(_), Some(_)) => Some(true),
            (None, None) => Some(false),
            _ => None,
        };
        let countersigned = given(&self.countersigned_by, &self.countersigned_at);
        let double_asked = Some(self.double_countersign_reason.is_some());
        let double_done = given(&self.double_countersigned_by, &self.double_countersigned_at);
        let returned = match given(&self.returned_by, &self.returned_at) {
            Some(given) if given == self.returned_reason.is_some() => Some(given),
            _ => None,
        };
        let (yes, no) = (Some(true), Some(false));
        let fits = match self.state {
            S::UnsignedDraft => false,
            S::SelfSigned | S::AwaitingCountersign => {
                (countersigned, double_asked, double_done, returned) == (no, no, no, no)
            }
            S::Countersigned => {
                (countersigned, double_asked, double_done, returned) == (yes, no, no, no)
            }
            S::AwaitingDoubleCountersign => {
                (countersigned, double_asked, double_done, returned) == (yes, yes, no, no)
            }
            S::DoubleCountersigned => {
                (countersigned, double_asked, double_done, returned) == (yes, yes, yes, no)
            }
            // Returned while awaiting the first countersignature, or the second.
            S::Returned => {
                returned == yes
                    && double_done == no
                    && countersigned.is_some()
                    && countersigned == double_asked
            }
        };
        if self.state == S::UnsignedDraft {
            return Err(format!("version {number} is stored as an unsigned draft"));
        }
        if !fits {
            return Err(format!(
                "version {number} is {} but who signed, countersigned or returned it does not fit",
                self.state.label().to_lowercase()
            ));
        }
        if self.state == S::SelfSigned && !self.countersign_reasons.is_empty() {
            return Err(format!(
                "version {number} is self-signed but says it needed countersigning"
            ));
        }
        self.check_threads()
    }

    /// Replies are the signer's, made when signing (so they come first), to comments of earlier
    /// versions; resolutions are a senior's, of comments of earlier versions.
    fn check_threads(&self) -> Result<(), String> {
        let number = self.number;
        let replies = self
            .comments
            .iter()
            .take_while(|comment| comment.reply_to.is_some())
            .count();
        for (index, comment) in self.comments.iter().enumerate() {
            let place = format!("comment {} of version {number}", index + 1);
            match (comment.reply_to, comment.resolves) {
                (Some(_), Some(_)) => {
                    return Err(format!("{place} is both a reply and a resolution"));
                }
                (Some(to), None) => {
                    if index >= replies
                        || to.version >= number
                        || !comment.by.is_same_person(&self.signed_by)
                    {
                        return Err(format!(
                            "{place} is a reply, but not one its signer made when signing it, to an earlier version"
                        ));
                    }
                }
                (None, Some(of)) => {
                    if of.version >= number || comment.by.is_same_person(&self.signed_by) {
                        return Err(format!(
                            "{place} resolves a comment, but not one of an earlier version, or it is by its own signer"
                        ));
                    }
                }
                (None, None) => {}
            }
        }
        Ok(())
    }
}
