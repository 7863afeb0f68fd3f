//! What the signing and review pages offer the person using them: signing the draft or starting a
//! new one, exporting or sending the case package, reviewing a version waiting for a senior and the
//! decisions on it; and the comments seniors made, as the pages list them.
//!
//! ```
//! use probation_workbook::domain::signing::*;
//! let officer = Profile::new("Sam Patel", Grade::TraineePqip).unwrap();
//! let senior = Profile::new("Jo Bloggs", Grade::Spo).unwrap();
//! let at = "2026-11-25T14:03:07Z";
//! let mut signing = CaseSigning::new(at, Some(&officer));
//! signing.sign(Snapshot::default(), true, &officer, &["Trainee"], at).unwrap();
//! let offer = signing_offer(&signing, Some(&officer), false).unwrap();
//! assert_eq!(offer.export, Some("Send for countersigning"));
//! assert!(!offer.review);
//! assert!(signing_offer(&signing, Some(&senior), false).unwrap().review);
//! assert_eq!(signing.version_to_review(Some(&officer)), Err(SigningError::OwnWork(1)));
//! ```

use std::collections::BTreeMap;

use super::{CaseSigning, CommentTarget, DraftStatus, Profile, SignedVersion};
use super::{SigningError, VersionState};
use crate::domain::questionnaire;

/// What can be done with the draft, the signing page's main button (or words, while a senior has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftAction {
    /// Sign the draft as version `next`.
    Sign { next: u32 },
    /// Start changing the signed assessment: the changes become version `next`.
    StartNewDraft { next: u32 },
    /// Version `latest` waits for a senior: nothing to do but send it.
    WaitForSenior { latest: u32 },
    /// Version `latest` was returned for rework and is someone else's to rework (this is the
    /// senior's copy): nothing to do but send it back.
    WithOfficer { latest: u32 },
}

impl DraftAction {
    pub fn of(status: DraftStatus) -> DraftAction {
        match status {
            DraftStatus::Open { next } => DraftAction::Sign { next },
            DraftStatus::Locked { latest } => DraftAction::StartNewDraft { next: latest + 1 },
            DraftStatus::WithSenior { latest } => DraftAction::WaitForSenior { latest },
        }
    }

    /// The button's label, or the sentence shown while a senior has the version.
    pub fn label(self) -> String {
        match self {
            DraftAction::Sign { next } => format!("Sign version {next}"),
            DraftAction::StartNewDraft { next } => format!("Start a new draft (version {next})"),
            DraftAction::WaitForSenior { latest } => format!(
                "Version {latest} is waiting for a senior. Send the case package to them; their \
                 decision comes back the same way."
            ),
            DraftAction::WithOfficer { latest } => format!(
                "Version {latest} was returned for rework: the officer who signed it reworks it, \
                 and the reworked version comes back to you to decide on. Send the case package \
                 back to them if you have not yet."
            ),
        }
    }
}

impl DraftAction {
    /// The sentence shown instead of [`DraftAction::label`] while team sync carries this browser's
    /// cases (issue 21): the version or the decision travels with the case, so there is no file
    /// to send. `None` where there is a button instead.
    pub fn label_when_synced(self) -> Option<String> {
        match self {
            DraftAction::WaitForSenior { latest } => Some(format!(
                "Team sync takes version {latest} to your team's server: it will wait in \
                 “Awaiting my countersignature” for a senior in your team. You do not need to \
                 send a file."
            )),
            DraftAction::WithOfficer { latest } => Some(format!(
                "Version {latest} was returned for rework: team sync takes your decision to the \
                 officer who signed it, and the reworked version comes back to your \
                 “Awaiting my countersignature”. You do not need to send a file."
            )),
            DraftAction::Sign { .. } | DraftAction::StartNewDraft { .. } => None,
        }
    }
}

/// The label of the export button when exporting sends the latest version for countersigning.
pub const SEND_FOR_COUNTERSIGNING: &str = "Send for countersigning";
/// The label of the export button otherwise.
pub const EXPORT_CASE_PACKAGE: &str = "Export case package";

/// What the signing page offers one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigningOffer {
    pub draft: DraftAction,
    /// The export button's label once a version is signed ([`SEND_FOR_COUNTERSIGNING`] when the
    /// export sends it, see [`CaseSigning::export_sends_for_countersigning`], otherwise
    /// [`EXPORT_CASE_PACKAGE`]); `None` while nothing is signed.
    pub export: Option<&'static str>,
    /// Offer "Review and decide": `profile` may decide on the latest version
    /// ([`CaseSigning::version_to_review`]).
    pub review: bool,
}

/// What the signing page offers `profile` (`None`: no profile yet). `None` in practice: practice work
/// is never signed, sent or reviewed as real work.
pub fn signing_offer(
    signing: &CaseSigning,
    profile: Option<&Profile>,
    practice: bool,
) -> Option<SigningOffer> {
    if practice {
        return None;
    }
    let sends = profile.is_some_and(|profile| signing.export_sends_for_countersigning(profile));
    let export = signing.latest().map(|_| {
        if sends {
            SEND_FOR_COUNTERSIGNING
        } else {
            EXPORT_CASE_PACKAGE
        }
    });
    let draft = match (signing.reworked_by_someone_else(profile), signing.latest()) {
        (Some(_), Some(latest)) => DraftAction::WithOfficer {
            latest: latest.number,
        },
        _ => DraftAction::of(signing.draft_status()),
    };
    Some(SigningOffer {
        draft,
        export,
        review: signing.may_review(profile),
    })
}

/// A senior's decision on a version waiting for them, as the review page offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewDecision {
    Countersign,
    ReturnForRework,
    /// Countersign, and ask a second senior to countersign too.
    RequestDoubleCountersign,
    /// Give the second countersignature a first countersigner asked for.
    DoubleCountersign,
}

impl ReviewDecision {
    pub const ALL: [ReviewDecision; 4] = [
        ReviewDecision::Countersign,
        ReviewDecision::ReturnForRework,
        ReviewDecision::RequestDoubleCountersign,
        ReviewDecision::DoubleCountersign,
    ];

    /// The radio's value: "countersign", "return", "double", "double_countersign".
    pub fn code(self) -> &'static str {
        match self {
            ReviewDecision::Countersign => "countersign",
            ReviewDecision::ReturnForRework => "return",
            ReviewDecision::RequestDoubleCountersign => "double",
            ReviewDecision::DoubleCountersign => "double_countersign",
        }
    }

    pub fn from_code(code: &str) -> Option<ReviewDecision> {
        ReviewDecision::ALL
            .into_iter()
            .find(|decision| decision.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewDecision::Countersign => "Countersign",
            ReviewDecision::ReturnForRework => "Return for rework",
            ReviewDecision::RequestDoubleCountersign => {
                "Countersign and request a double countersignature"
            }
            ReviewDecision::DoubleCountersign => "Give the second countersignature",
        }
    }

    /// The decisions a version in `state` allows, in the order offered: awaiting countersignature,
    /// countersign, return or ask for a double countersignature; awaiting the second, give it or
    /// return; otherwise none.
    pub fn offered(state: VersionState) -> &'static [ReviewDecision] {
        match state {
            VersionState::AwaitingCountersign => &[
                ReviewDecision::Countersign,
                ReviewDecision::ReturnForRework,
                ReviewDecision::RequestDoubleCountersign,
            ],
            VersionState::AwaitingDoubleCountersign => &[
                ReviewDecision::DoubleCountersign,
                ReviewDecision::ReturnForRework,
            ],
            _ => &[],
        }
    }
}

/// The key of a senior's comment box as typed (`SigningRecord::comment_drafts`): "section:3",
/// "item:3.4", "goal:g-1", and "" for the general comment.
pub fn comment_draft_key(target: &CommentTarget) -> String {
    match target {
        CommentTarget::Section(id) => format!("section:{id}"),
        CommentTarget::Item(code) => format!("item:{code}"),
        CommentTarget::Goal(id) => format!("goal:{id}"),
        CommentTarget::General => String::new(),
    }
}

/// What a comment box's key is about: the reverse of [`comment_draft_key`]; `None` for a key it
/// never makes.
pub fn comment_draft_target(key: &str) -> Option<CommentTarget> {
    if key.is_empty() {
        return Some(CommentTarget::General);
    }
    match key.split_once(':') {
        Some(("section", id)) => Some(CommentTarget::Section(id.to_string())),
        Some(("item", code)) => Some(CommentTarget::Item(code.to_string())),
        Some(("goal", id)) => Some(CommentTarget::Goal(id.to_string())),
        _ => None,
    }
}

impl CaseSigning {
    /// Whether an export of the case package by `by` sends the latest version for countersigning:
    /// it waits for a senior, and `by` signed it. The timeline then records the sending.
    pub fn export_sends_for_countersigning(&self, by: &Profile) -> bool {
        matches!(self.draft_status(), DraftStatus::WithSenior { .. })
            && self
                .latest()
                .is_some_and(|latest| by.is_same_person(&latest.signed_by))
    }

    /// Records an export of the case package by `by`: "sent" on the timeline when it sends the
    /// latest version for countersigning, otherwise nothing changes. Returns whether it was recorded.
    pub fn record_export(&mut self, by: &Profile, at: &str) -> Result<bool, SigningError> {
        if !self.export_sends_for_countersigning(by) {
            return Ok(false);
        }
        self.record_sent(by, at)?;
        Ok(true)
    }

    /// The version `profile` may review and decide on: the latest, while it waits for a senior,
    /// for someone with a countersigning grade who did not sign it (nor, for the second
    /// countersignature, give the first). Otherwise the reason, as the review page says it.
    pub fn version_to_review(
        &self,
        profile: Option<&Profile>,
    ) -> Result<&SignedVersion, SigningError> {
        let latest = self
            .latest()
            .filter(|version| version.state.is_awaiting())
            .ok_or(SigningError::NothingToReview)?;
        let profile = profile.ok_or(SigningError::ProfileIncomplete)?;
        profile
            .check()
            .map_err(|_| SigningError::ProfileIncomplete)?;
        if profile.is_same_person(&latest.signed_by) {
            return Err(SigningError::OwnWork(latest.number));
        }
        let first = latest.countersigned_by.as_ref();
        if latest.state == VersionState::AwaitingDoubleCountersign
            && first.is_some_and(|first| profile.is_same_person(first))
        {
            return Err(SigningError::SameCountersigner(latest.number));
        }
        if !profile.grade.can_countersign() {
            return Err(SigningError::GradeCannotCountersign(profile.grade));
        }
        Ok(latest)
    }

    /// Whether `profile` may review the latest version ([`CaseSigning::version_to_review`]).
    pub fn may_review(&self, profile: Option<&Profile>) -> bool {
        self.version_to_review(profile).is_ok()
    }

    /// A senior's decision on version `number`, with the comments typed in its boxes
    /// (`comment_drafts`, keyed by [`comment_draft_key`]): each section's and goal's comment that is
    /// not blank is added, then the decision is made. The general comment ("") is the reason when
    /// returning or asking for a double countersignature, and an ordinary comment when
    /// countersigning. All or nothing: on a refusal the signing is unchanged.
    pub fn decide(
        &mut self,
        number: u32,
        decision: ReviewDecision,
        comment_drafts: &BTreeMap<String, String>,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let mut next = self.clone();
        // Threads marked resolved first: a resolution answers a comment made before this version.
        for (key, note) in comment_drafts {
            if let Some(of) = key.strip_prefix(super::RESOLVE_DRAFT_PREFIX) {
                let of = super::CommentRef::parse(of)
                    .ok_or_else(|| SigningError::UnknownCommentKey(key.clone()))?;
                next.resolve(number, of, note, by, at)?;
            }
        }
        for (key, text) in comment_drafts {
            if text.trim().is_empty() || key.starts_with(super::RESOLVE_DRAFT_PREFIX) {
                continue;
            }
            match comment_draft_target(key) {
                None | Some(CommentTarget::General) => {}
                Some(target) => next.add_comment(number, target, text, by, at)?,
            }
        }
        let general = comment_drafts.get("").map_or("", String::as_str);
        let general_as_comment = |signing: &mut CaseSigning| {
            if general.trim().is_empty() {
                Ok(())
            } else {
                signing.add_comment(number, CommentTarget::General, general, by, at)
            }
        };
        match decision {
            ReviewDecision::Countersign => {
                general_as_comment(&mut next)?;
                next.countersign(number, by, at)?;
            }
            ReviewDecision::DoubleCountersign => {
                general_as_comment(&mut next)?;
                next.double_countersign(number, by, at)?;
            }
            ReviewDecision::RequestDoubleCountersign => {
                next.request_double_countersign(number, general, by, at)?
            }
            ReviewDecision::ReturnForRework => next.return_for_rework(number, general, by, at)?,
        }
        *self = next;
        Ok(())
    }
}

/// The query of a section page's address that names the question whose comments to bring into
/// view ([`comment_link`]).
pub const THREAD_QUERY: &str = "thread";

/// Where a comment was made, in words: the section's heading, the section's heading and the
/// question ("3. Accommodation, 3.4 …"), "Goal: …" (or "A goal" when the version has no such
/// goal), or "The whole assessment and plan".
pub fn comment_place(target: &CommentTarget, version: &SignedVersion) -> String {
    match target {
        CommentTarget::Section(id) => {
            questionnaire::section(id).map_or(id.clone(), |section| section.heading())
        }
        CommentTarget::Item(code) => questionnaire::find_item(code)
            .map_or(code.clone(), |(section, item)| {
                format!("{}, {}", section.heading(), item.title())
            }),
        CommentTarget::Goal(id) => version.snapshot.plan.goal(id).map_or_else(
            || "A goal".to_string(),
            |goal| format!("Goal: {}", goal.text),
        ),
        CommentTarget::General => "The whole assessment and plan".to_string(),
    }
}

/// Where in the case a comment's item is, under `/cases/:id/`: "assessment/3" for a section,
/// "assessment/3?thread=3.4" for a question (the section page brings its comments into view),
/// "plan" for a goal; `None` for a comment on the whole assessment and plan, or on a question no
/// section has.
pub fn comment_link(target: &CommentTarget) -> Option<String> {
    match target {
        CommentTarget::Section(id) => Some(format!("assessment/{id}")),
        CommentTarget::Item(code) => target
            .section_id()
            .map(|section| format!("assessment/{section}?{THREAD_QUERY}={code}")),
        CommentTarget::Goal(_) => Some("plan".to_string()),
        CommentTarget::General => None,
    }
}

/// A thread as the signing page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedThread {
    /// Where: "Version 2: 3. Accommodation".
    pub place: String,
    /// The comment, each reply and how it ended ([`super::Thread::lines`]).
    pub lines: Vec<String>,
    /// Its item under `/cases/:id/` ([`comment_link`]).
    pub link: Option<String>,
    pub open: bool,
}

/// Every thread, newest version first: the signing page's list, each with a link to its item.
pub fn all_comments(signing: &CaseSigning) -> Vec<ListedThread> {
    let mut threads: Vec<ListedThread> = signing
        .threads()
        .iter()
        .filter_map(|thread| {
            let version = signing.version(thread.at.version)?;
            Some(ListedThread {
                place: format!(
                    "Version {}: {}",
                    version.number,
                    comment_place(&thread.comment.on, version)
                ),
                lines: thread.lines(),
                link: comment_link(&thread.comment.on),
                open: thread.is_open(),
            })
        })
        .collect();
    threads.reverse();
    threads
}
