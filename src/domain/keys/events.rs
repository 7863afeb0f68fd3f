//! Signed events: signing a version, countersigning it, asking for a double countersignature, giving
//! it, and returning a version for rework are each an ECDSA P-256 signature by the actor's key over
//! the version's content and the decision. A version keeps its events in
//! [`SignedVersion::signatures`], in the order made.
//!
//! # What is signed (an interface: the browser signs exactly these bytes)
//!
//! **The content** of an event is this JSON object ([`event_content`]):
//!
//! ```json
//! {"case_id": "<the case's record id>",
//!  "version": 2,
//!  "purpose": "review",                       // SignedVersion::purpose(), serde code
//!  "snapshot": {"answers": …, "completed_sections": […], "plan": …},   // serde of Snapshot
//!  "countersign_reasons": ["…"],              // why it needed countersigning; [] when self-signed
//!  "comments": [ {"on": …, "text": …, "by": {"name": …, "grade": …}, "at": …}, … ],
//!                                             // the version's first `comments` comments (serde)
//!  "decision": {"kind": "countersign", "at": "<RFC 3339>", "comment": null}}
//! ```
//!
//! where the decision's `comment` is the reason given when returning (`returned_reason`) or asking
//! for a double countersignature (`double_countersign_reason`), and `null` otherwise. Its
//! **content digest** is SHA-256 over the UTF-8 bytes of its canonical JSON
//! (`package::canonical_json`: compact, object keys sorted by code point, strings escaped as
//! serde_json escapes them), as 64 lower-case hex digits.
//!
//! **The message** ([`event_message`], the bytes signed) is the UTF-8 of the canonical JSON of:
//!
//! ```json
//! {"format": "probation-workbook-signed-event", "format_version": 1,
//!  "kind": "sign" | "countersign" | "request_double_countersign" | "double_countersign" | "return_for_rework",
//!  "version": 2, "at": "<RFC 3339, as the version records the decision>",
//!  "signer": {"name": "Jo Bloggs", "grade": "spo", "key": "<base64 of the 65-byte raw key>"},
//!  "comments": 3,               // how many of the version's comments the content holds
//!  "previous": null | "<hex SHA-256 of the previous event's message in this version>",
//!  "content_digest": "<hex>"}
//! ```
//!
//! so in canonical order `{"at":…,"comments":…,"content_digest":…,"format":…,"format_version":1,
//! "kind":…,"previous":…,"signer":{"grade":…,"key":…,"name":…},"version":…}`. The browser gets
//! these bytes from [`CaseSigning::event_to_sign`] (`UnsignedEvent::message`), signs them with
//! `crypto.subtle.sign({name: "ECDSA", hash: "SHA-256"}, signingKey, bytes)` (64 bytes, r ‖ s),
//! and hands the signature back with [`UnsignedEvent::with_signature`] and
//! [`CaseSigning::attach_signature`].
//!
//! `previous` chains the events of a version, so an event cannot be removed from the middle or the
//! start, nor the order changed, without the later signatures failing; the case id keeps a
//! signature from being moved to another case.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::public_key::{sha256_hex, PublicKey, SignatureBytes};
use super::team::{Team, TeamMember};
use crate::domain::package::canonical_json;
use crate::domain::signing::{
    long_day, CaseSigning, EventKind, Grade, Profile, ReviewDecision, SignedVersion,
};

/// What every event message says it is.
pub const EVENT_FORMAT: &str = "probation-workbook-signed-event";
/// The message layout this build signs and checks.
pub const EVENT_FORMAT_VERSION: u32 = 1;

/// What a signed event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedEventKind {
    /// The officer signed the version (self-signed, or for countersigning).
    Sign,
    Countersign,
    /// Countersigned, asking a second senior to countersign too.
    RequestDoubleCountersign,
    DoubleCountersign,
    ReturnForRework,
}

impl SignedEventKind {
    pub const ALL: [SignedEventKind; 5] = [
        SignedEventKind::Sign,
        SignedEventKind::Countersign,
        SignedEventKind::RequestDoubleCountersign,
        SignedEventKind::DoubleCountersign,
        SignedEventKind::ReturnForRework,
    ];

    /// The serde value, as in the message: "return_for_rework".
    pub fn code(self) -> &'static str {
        match self {
            SignedEventKind::Sign => "sign",
            SignedEventKind::Countersign => "countersign",
            SignedEventKind::RequestDoubleCountersign => "request_double_countersign",
            SignedEventKind::DoubleCountersign => "double_countersign",
            SignedEventKind::ReturnForRework => "return_for_rework",
        }
    }

    /// "the countersignature": what the signature is, in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            SignedEventKind::Sign => "signature",
            SignedEventKind::Countersign => "countersignature",
            SignedEventKind::RequestDoubleCountersign => {
                "countersignature (asking for a double countersignature)"
            }
            SignedEventKind::DoubleCountersign => "double countersignature",
            SignedEventKind::ReturnForRework => "return for rework",
        }
    }

    /// "countersigned": completes "version 2 was … by".
    pub fn past(self) -> &'static str {
        match self {
            SignedEventKind::Sign => "signed",
            SignedEventKind::Countersign | SignedEventKind::RequestDoubleCountersign => {
                "countersigned"
            }
            SignedEventKind::DoubleCountersign => "double countersigned",
            SignedEventKind::ReturnForRework => "returned for rework",
        }
    }

    /// "returned it for rework": completes "after Jo Bloggs (SPO) …".
    pub fn did_it(self) -> &'static str {
        match self {
            SignedEventKind::Sign => "signed it",
            SignedEventKind::Countersign | SignedEventKind::RequestDoubleCountersign => {
                "countersigned it"
            }
            SignedEventKind::DoubleCountersign => "double countersigned it",
            SignedEventKind::ReturnForRework => "returned it for rework",
        }
    }

    /// A senior's act: only a countersigning grade may make it, never on their own work.
    pub fn is_senior(self) -> bool {
        self != SignedEventKind::Sign
    }

    /// Whether it is a countersignature (the first or the second).
    pub fn is_countersignature(self) -> bool {
        matches!(
            self,
            SignedEventKind::Countersign
                | SignedEventKind::RequestDoubleCountersign
                | SignedEventKind::DoubleCountersign
        )
    }

    /// The event a senior's decision on the review page makes.
    pub fn of_decision(decision: ReviewDecision) -> SignedEventKind {
        match decision {
            ReviewDecision::Countersign => SignedEventKind::Countersign,
            ReviewDecision::ReturnForRework => SignedEventKind::ReturnForRework,
            ReviewDecision::RequestDoubleCountersign => SignedEventKind::RequestDoubleCountersign,
            ReviewDecision::DoubleCountersign => SignedEventKind::DoubleCountersign,
        }
    }

    /// The timeline entry that records the same act.
    pub fn timeline_kind(self) -> EventKind {
        match self {
            SignedEventKind::Sign => EventKind::Signed,
            SignedEventKind::Countersign => EventKind::Countersigned,
            SignedEventKind::RequestDoubleCountersign => EventKind::DoubleCountersignRequested,
            SignedEventKind::DoubleCountersign => EventKind::DoubleCountersigned,
            SignedEventKind::ReturnForRework => EventKind::Returned,
        }
    }

    /// The signed event behind a timeline entry, if it is one of these acts.
    pub fn of_timeline(kind: EventKind) -> Option<SignedEventKind> {
        SignedEventKind::ALL
            .into_iter()
            .find(|signed| signed.timeline_kind() == kind)
    }
}

/// A decision as the version records it: who, when, and the comment with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim<'a> {
    pub kind: SignedEventKind,
    pub by: &'a Profile,
    pub at: &'a str,
    pub comment: Option<&'a str>,
}

/// The decision of `kind` the version records, if it records one.
pub fn claim(version: &SignedVersion, kind: SignedEventKind) -> Option<Claim<'_>> {
    let decided = |by: &Option<Profile>, at: &Option<String>| by.is_some() && at.is_some();
    let asked_double = version.double_countersign_reason.is_some();
    let (by, at, comment) = match kind {
        SignedEventKind::Sign => (
            Some(&version.signed_by),
            Some(&version.signed_at),
            None::<&String>,
        ),
        SignedEventKind::Countersign | SignedEventKind::RequestDoubleCountersign => {
            if !decided(&version.countersigned_by, &version.countersigned_at)
                || asked_double != (kind == SignedEventKind::RequestDoubleCountersign)
            {
                return None;
            }
            (
                version.countersigned_by.as_ref(),
                version.countersigned_at.as_ref(),
                version.double_countersign_reason.as_ref(),
            )
        }
        SignedEventKind::DoubleCountersign => (
            version.double_countersigned_by.as_ref(),
            version.double_countersigned_at.as_ref(),
            None,
        ),
        SignedEventKind::ReturnForRework => (
            version.returned_by.as_ref(),
            version.returned_at.as_ref(),
            version.returned_reason.as_ref(),
        ),
    };
    Some(Claim {
        kind,
        by: by?,
        at: at?.as_str(),
        comment: comment.map(String::as_str),
    })
}

/// Every decision the version records, in the order they are made.
pub fn claims(version: &SignedVersion) -> Vec<Claim<'_>> {
    SignedEventKind::ALL
        .into_iter()
        .filter_map(|kind| claim(version, kind))
        .collect()
}

/// An event before it is signed: everything the signature covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsignedEvent {
    pub kind: SignedEventKind,
    /// The version's number.
    pub version: u32,
    /// RFC 3339, as the version records the decision.
    pub at: String,
    /// The signer's signing key.
    pub signer_key: PublicKey,
    /// The signer's name and grade as they stated them (their profile).
    pub signer: Profile,
    /// How many of the version's comments the content holds (its first ones).
    pub comments: u32,
    /// Hex SHA-256 of the previous event's message in this version; `None` for the first.
    pub previous: Option<String>,
    /// Hex SHA-256 of the canonical content ([`event_content`]).
    pub content_digest: String,
}

/// A signed event as a version keeps it (and a package carries it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedEvent {
    pub kind: SignedEventKind,
    pub version: u32,
    pub at: String,
    pub signer_key: PublicKey,
    pub signer: Profile,
    pub comments: u32,
    pub previous: Option<String>,
    pub content_digest: String,
    /// ECDSA P-256 SHA-256 over [`SignedEvent::message`]: 64 bytes, r ‖ s.
    pub signature: SignatureBytes,
}

impl UnsignedEvent {
    /// The exact bytes the signer's key signs ([`event_message`]).
    pub fn message(&self) -> Vec<u8> {
        event_message(self)
    }

    /// The event with its signature (64 bytes, r ‖ s, as WebCrypto's `sign` gives it), refused
    /// unless it verifies with the event's signer key.
    pub fn with_signature(self, signature: &[u8]) -> Result<SignedEvent, EventError> {
        let signature = SignatureBytes::from_slice(signature).ok_or(EventError::BadSignature)?;
        if !self
            .signer_key
            .verifies(&self.message(), signature.as_bytes())
        {
            return Err(EventError::BadSignature);
        }
        Ok(SignedEvent {
            kind: self.kind,
            version: self.version,
            at: self.at,
            signer_key: self.signer_key,
            signer: self.signer,
            comments: self.comments,
            previous: self.previous,
            content_digest: self.content_digest,
            signature,
        })
    }
}

impl SignedEvent {
    /// What was signed.
    pub fn unsigned(&self) -> UnsignedEvent {
        UnsignedEvent {
            kind: self.kind,
            version: self.version,
            at: self.at.clone(),
            signer_key: self.signer_key,
            signer: self.signer.clone(),
            comments: self.comments,
            previous: self.previous.clone(),
            content_digest: self.content_digest.clone(),
        }
    }

    /// The bytes its signature is over.
    pub fn message(&self) -> Vec<u8> {
        event_message(&self.unsigned())
    }

    /// Hex SHA-256 of the message: what the next event's `previous` holds.
    pub fn message_hash(&self) -> String {
        sha256_hex(&self.message())
    }
}

/// The exact bytes signed for an event: the UTF-8 of the canonical JSON described in the module.
pub fn event_message(event: &UnsignedEvent) -> Vec<u8> {
    let message = json!({
        "format": EVENT_FORMAT,
        "format_version": EVENT_FORMAT_VERSION,
        "kind": event.kind.code(),
        "version": event.version,
        "at": event.at,
        "signer": {
            "name": event.signer.name,
            "grade": event.signer.grade.code(),
            "key": event.signer_key.to_base64(),
        },
        "comments": event.comments,
        "previous": event.previous,
        "content_digest": event.content_digest,
    });
    canonical_json(&message).into_bytes()
}

/// The content an event of `kind` on `version` of case `case_id` covers, holding the version's
/// first `comments` comments (see the module). `None` when the version records no such decision
/// or holds fewer comments.
pub fn event_content(
    case_id: &str,
    version: &SignedVersion,
    kind: SignedEventKind,
    comments: usize,
) -> Option<Value> {
    let claim = claim(version, kind)?;
    let comments = version.comments.get(..comments)?;
    let value = json!({
        "case_id": case_id,
        "version": version.number,
        "purpose": version.purpose(),
        "snapshot": version.snapshot,
        "countersign_reasons": version.countersign_reasons,
        "comments": comments,
        "decision": {
            "kind": kind.code(),
            "at": claim.at,
            "comment": claim.comment,
        },
    });
    // Signed too when there is one; absent, the content (and every older signature) is as before.
    let mut value = value;
    if let Some(review) = &version.review {
        value["review"] = json!(review);
    }
    Some(value)
}

/// Hex SHA-256 of the canonical JSON of [`event_content`].
pub fn content_digest(
    case_id: &str,
    version: &SignedVersion,
    kind: SignedEventKind,
    comments: usize,
) -> Option<String> {
    event_content(case_id, version, kind, comments)
        .map(|content| sha256_hex(canonical_json(&content).as_bytes()))
}

/// Why an event could not be made or kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("There is no version {0}")]
    VersionNotFound(u32),
    #[error("Version {version} records no {} to sign", .kind.noun())]
    NotRecorded { version: u32, kind: SignedEventKind },
    #[error("The {} of version {version} is already signed", .kind.noun())]
    AlreadySigned { version: u32, kind: SignedEventKind },
    /// The event does not say what the version records now (made for another state of it).
    #[error("The {} does not match version {version} as it is now: sign it again", .kind.noun())]
    Stale { version: u32, kind: SignedEventKind },
    #[error("The signature does not match the key it was made with: nothing was signed")]
    BadSignature,
}

impl CaseSigning {
    /// The event to sign for the decision of `kind` that version `number` records (just made by
    /// `sign`, `decide`…), by the holder of `signer_key`, in case `case_id`. Refused when the
    /// version records no such decision or it is already signed.
    pub fn event_to_sign(
        &self,
        case_id: &str,
        number: u32,
        kind: SignedEventKind,
        signer_key: PublicKey,
    ) -> Result<UnsignedEvent, EventError> {
        let version = self
            .version(number)
            .ok_or(EventError::VersionNotFound(number))?;
        if version.signatures.iter().any(|event| event.kind == kind) {
            return Err(EventError::AlreadySigned {
                version: number,
                kind,
            });
        }
        let claim = claim(version, kind).ok_or(EventError::NotRecorded {
            version: number,
            kind,
        })?;
        let comments = version.comments.len();
        let content_digest =
            content_digest(case_id, version, kind, comments).ok_or(EventError::NotRecorded {
                version: number,
                kind,
            })?;
        Ok(UnsignedEvent {
            kind,
            version: number,
            at: claim.at.to_string(),
            signer_key,
            signer: claim.by.clone(),
            comments: u32::try_from(comments).unwrap_or(u32::MAX),
            previous: version.signatures.last().map(SignedEvent::message_hash),
            content_digest,
        })
    }

    /// The decisions `self` records that `before` did not, version by version and in the order
    /// made: what an act (signing, a senior's decision) just did, each to be signed by its actor.
    ///
    /// ```
    /// use probation_workbook::domain::keys::SignedEventKind;
    /// use probation_workbook::domain::signing::{CaseSigning, Grade, Profile, Snapshot};
    /// let officer = Profile::new("Sam Patel", Grade::Po).unwrap();
    /// let before = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
    /// let mut after = before.clone();
    /// after.sign(Snapshot::default(), true, &officer, &[], "2026-11-25T14:03:07Z").unwrap();
    /// assert_eq!(after.new_decisions(&before), [(1, SignedEventKind::Sign)]);
    /// assert!(after.new_decisions(&after).is_empty());
    /// ```
    pub fn new_decisions(&self, before: &CaseSigning) -> Vec<(u32, SignedEventKind)> {
        self.versions
            .iter()
            .flat_map(|version| {
                let earlier = before.version(version.number);
                claims(version)
                    .into_iter()
                    .filter(move |made| {
                        earlier.is_none_or(|earlier| {
                            claim(earlier, made.kind).is_none_or(|was| was != *made)
                        })
                    })
                    .map(|made| (version.number, made.kind))
            })
            .collect()
    }

    /// Keeps a signed event on its version, refused unless it is exactly the event
    /// [`CaseSigning::event_to_sign`] gives now for the same key and its signature verifies.
    pub fn attach_signature(
        &mut self,
        case_id: &str,
        event: SignedEvent,
    ) -> Result<(), EventError> {
        let expected = self.event_to_sign(case_id, event.version, event.kind, event.signer_key)?;
        if expected != event.unsigned() {
            return Err(EventError::Stale {
                version: event.version,
                kind: event.kind,
            });
        }
        if !event
            .signer_key
            .verifies(&event.message(), event.signature.as_bytes())
        {
            return Err(EventError::BadSignature);
        }
        let version = self
            .versions
            .iter_mut()
            .find(|version| version.number == event.version)
            .ok_or(EventError::VersionNotFound(event.version))?;
        version.signatures.push(event);
        Ok(())
    }
}

/// What checking one event against the team found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventVerdict {
    /// The signature matches the version and was made by this member's key.
    Verified { member: TeamMember },
    /// The signature matches, but its key is nobody's in the team: shown, never counted.
    UnknownSigner,
    /// The signature does not match what the version holds or records: the package was changed.
    /// The reason names the version and the event.
    Altered { reason: String },
    /// A countersignature (or a return) by a member whose grade in the team cannot countersign.
    CannotCountersign { member: TeamMember, grade: Grade },
    /// A senior's act made with the key that signed the version (or gave the first
    /// countersignature): nobody countersigns their own work.
    SameSigner { reason: String },
}

impl EventVerdict {
    /// Whether the package holding it must be refused.
    pub fn is_refused(&self) -> bool {
        matches!(
            self,
            EventVerdict::Altered { .. }
                | EventVerdict::CannotCountersign { .. }
                | EventVerdict::SameSigner { .. }
        )
    }

    pub fn is_verified(&self) -> bool {
        matches!(self, EventVerdict::Verified { .. })
    }

    /// In a few words, as the CLI prints it: "verified (Jo Bloggs (SPO))", "signed by someone not
    /// in your team", "altered: …", "cannot countersign: …", "refused: …".
    pub fn words(&self, team: &Team) -> String {
        match self {
            EventVerdict::Verified { member } => format!("verified ({})", team.label(member)),
            EventVerdict::UnknownSigner => "signed by someone not in your team".to_string(),
            EventVerdict::Altered { reason } => format!("altered: {reason}"),
            EventVerdict::CannotCountersign { member, grade } => {
                let label = grade.label();
                let mut chars = label.chars();
                let grade: String = chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default();
                let who = team.label(member);
                let who = if who.contains("fingerprint") {
                    who
                } else {
                    member.name.clone()
                };
                format!(
                    "cannot countersign: in your team, {who} is a {grade}, and only a senior probation officer or a head of service can countersign"
                )
            }
            EventVerdict::SameSigner { reason } => format!("refused: {reason}"),
        }
    }
}

/// Checks one of `version`'s events (of case `case_id`) against what the version holds and
/// records, then its signature, then its key against `team` (see [`EventVerdict`], checked in that
/// order). `event` is normally one of `version.signatures`; another is checked as if it came next.
pub fn verify_event(
    case_id: &str,
    version: &SignedVersion,
    event: &SignedEvent,
    team: &Team,
) -> EventVerdict {
    let number = version.number;
    let altered = |reason: String| EventVerdict::Altered { reason };
    let signer = event.signer.describe();
    let noun = event.kind.noun();
    if event.version != number {
        return altered(format!(
            "a {noun} held in version {number} is for version {}",
            event.version
        ));
    }
    let Some(claim) = claim(version, event.kind) else {
        return altered(format!(
            "version {number} holds a {noun} by {signer} that the version does not record"
        ));
    };
    if *claim.by != event.signer || claim.at != event.at {
        return altered(format!(
            "version {number} says it was {} by {} on {}, but its {noun} is by {signer} on {}",
            event.kind.past(),
            claim.by.describe(),
            long_day(claim.at),
            long_day(&event.at)
        ));
    }
    let index = version
        .signatures
        .iter()
        .position(|held| held == event)
        .unwrap_or(version.signatures.len());
    let previous = index
        .checked_sub(1)
        .and_then(|before| version.signatures.get(before))
        .map(SignedEvent::message_hash);
    if previous != event.previous {
        return altered(format!(
            "the signatures of version {number} are out of order, or one before the {noun} by {signer} was removed"
        ));
    }
    let Some(digest) = content_digest(case_id, version, event.kind, event.comments as usize) else {
        return altered(format!(
            "comments on version {number} were removed after {signer} {}",
            event.kind.did_it()
        ));
    };
    if digest != event.content_digest {
        return altered(format!(
            "version {number} was changed after {signer} {}: the {noun} does not match what the version holds",
            event.kind.did_it()
        ));
    }
    if !event
        .signer_key
        .verifies(&event.message(), event.signature.as_bytes())
    {
        return altered(format!(
            "the {noun} of version {number} by {signer} does not match: it was changed after it was made"
        ));
    }
    let Some(member) = team.by_signing_key(&event.signer_key) else {
        return EventVerdict::UnknownSigner;
    };
    if event.kind.is_senior() {
        if !member.grade.can_countersign() {
            return EventVerdict::CannotCountersign {
                member: member.clone(),
                grade: member.grade,
            };
        }
        let earlier_by_same_key = version.signatures[..index.min(version.signatures.len())]
            .iter()
            .find(|earlier| {
                earlier.signer_key == event.signer_key
                    && (earlier.kind == SignedEventKind::Sign
                        || (event.kind == SignedEventKind::DoubleCountersign
                            && earlier.kind.is_countersignature()))
            });
        if let Some(earlier) = earlier_by_same_key {
            return EventVerdict::SameSigner {
                reason: format!(
                    "the {noun} of version {number} was made with the key that made its {}",
                    earlier.kind.noun()
                ),
            };
        }
    }
    EventVerdict::Verified {
        member: member.clone(),
    }
}
