//! Whether a package's signatures stand, against this officer's team list: the import policy of
//! issue 15.
//!
//! - Every signed event on every version is checked ([`verify_event`]): an event that does not
//!   match what its version holds or records (`Altered`), a countersignature or return by a member
//!   whose grade cannot countersign (`CannotCountersign`), or a senior's act made with the key that
//!   signed the version (`SameSigner`) refuses the whole import, naming the version and event.
//! - A version's comments that no signature covers, while every decision it records is signed,
//!   refuse it too (comments only come with a decision); so does a timeline entry of a signed
//!   version that the version does not record.
//! - A signature by a key nobody in the team has (`UnknownSigner`) is shown, and never counts; nor
//!   does a decision the version records with no signature at all (a version signed before
//!   signatures existed, or one whose signature was removed). [`VersionTrust::trusted_state`] is
//!   what the team can rely on: the recorded decisions in order, up to the first not verified.
//!
//! The package's digest stays what it was, an integrity check: anyone can recompute it.

use super::{preview_import_with, CasePackage, ImportPreview, PackageError, PackagedCase};
use crate::domain::keys::{claims, verify_event, EventVerdict, PublicKey, SignedEventKind, Team};
use crate::domain::signing::{long_day, CaseSigning, Profile, SignedVersion, VersionState};

/// One signed event and what checking it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCheck {
    pub version: u32,
    pub kind: SignedEventKind,
    /// As the signer stated it.
    pub signer: Profile,
    pub signer_key: PublicKey,
    pub verdict: EventVerdict,
}

/// A decision a version records, and the verdict on its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimCheck {
    pub kind: SignedEventKind,
    /// As the version records it.
    pub by: Profile,
    pub at: String,
    /// `None`: the version holds no signature for it.
    pub verdict: Option<EventVerdict>,
}

impl ClaimCheck {
    pub fn is_verified(&self) -> bool {
        self.verdict.as_ref().is_some_and(EventVerdict::is_verified)
    }

    /// Completes "the package says …, but …": why it does not count.
    fn why_not(&self, team: &Team) -> String {
        let what = format!("the {} by {}", self.kind.noun(), self.by.describe());
        match &self.verdict {
            None => format!("it holds no signature for {what}"),
            Some(EventVerdict::UnknownSigner) => {
                format!("{what} was signed by someone not in your team")
            }
            Some(verdict) => format!("{what} is {}", verdict.words(team)),
        }
    }
}

/// What the team can rely on about one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionTrust {
    pub number: u32,
    /// The state the package records.
    pub claimed: VersionState,
    /// Whether it was signed for countersigning (its countersigning reasons).
    pub for_countersigning: bool,
    /// Each decision the version records, in order.
    pub claims: Vec<ClaimCheck>,
    /// Comments no signature covers (they came with a decision that has no signature).
    pub unsigned_comments: usize,
}

fn is_countersigned(state: VersionState) -> bool {
    matches!(
        state,
        VersionState::Countersigned
            | VersionState::AwaitingDoubleCountersign
            | VersionState::DoubleCountersigned
    )
}

impl VersionTrust {
    /// The state the verified signatures support: the recorded decisions in order, up to the
    /// first one not verified. `None` when the signing itself is not verified.
    pub fn trusted_state(&self) -> Option<VersionState> {
        let mut state = None;
        for claim in &self.claims {
            if !claim.is_verified() {
                break;
            }
            state = Some(match claim.kind {
                SignedEventKind::Sign if self.for_countersigning => {
                    VersionState::AwaitingCountersign
                }
                SignedEventKind::Sign => VersionState::SelfSigned,
                SignedEventKind::Countersign => VersionState::Countersigned,
                SignedEventKind::RequestDoubleCountersign => {
                    VersionState::AwaitingDoubleCountersign
                }
                SignedEventKind::DoubleCountersign => VersionState::DoubleCountersigned,
                SignedEventKind::ReturnForRework => VersionState::Returned,
            });
        }
        state
    }

    /// Countersigned (once at least) as far as the team knows.
    pub fn is_countersigned(&self) -> bool {
        self.trusted_state().is_some_and(is_countersigned)
    }

    /// Every decision recorded is verified: the version is what the package says.
    pub fn is_fully_verified(&self) -> bool {
        self.trusted_state() == Some(self.claimed) && self.unsigned_comments == 0
    }

    /// In a few words, for a list of versions: "countersigned (verified)", "NOT countersigned as
    /// far as your team knows", "not signed as far as your team knows".
    pub fn short(&self) -> String {
        let claimed = self.claimed.label().to_lowercase();
        match self.trusted_state() {
            Some(state) if state == self.claimed => format!("{claimed} (verified)"),
            _ if is_countersigned(self.claimed) && !self.is_countersigned() => {
                "NOT countersigned as far as your team knows".to_string()
            }
            None => "not signed as far as your team knows".to_string(),
            Some(state) => format!(
                "{} as far as your team knows (the package says {claimed})",
                state.label().to_lowercase()
            ),
        }
    }

    /// A sentence for the import preview: "Version 2: signed by Sam Patel (PO) and countersigned
    /// by Jo Bloggs (SPO), verified" or "Version 2 is NOT countersigned as far as your team knows:
    /// the package says countersigned, but the countersignature by Jo Bloggs (SPO) was signed by
    /// someone not in your team".
    pub fn summary(&self, team: &Team) -> String {
        let number = self.number;
        let claimed = self.claimed.label().to_lowercase();
        let Some(first) = self.claims.iter().find(|claim| !claim.is_verified()) else {
            let who: Vec<String> = self
                .claims
                .iter()
                .map(|claim| {
                    let label = match &claim.verdict {
                        Some(EventVerdict::Verified { member }) => team.label(member),
                        _ => claim.by.describe(),
                    };
                    format!("{} by {label}", claim.kind.past())
                })
                .collect();
            let mut line = format!("Version {number}: {}, verified", join_and(&who));
            if self.unsigned_comments > 0 {
                line.push_str(&format!(
                    " ({} not signed)",
                    count(self.unsigned_comments, "comment")
                ));
            }
            return line;
        };
        let head = match self.trusted_state() {
            _ if is_countersigned(self.claimed) && !self.is_countersigned() => {
                format!("Version {number} is NOT countersigned as far as your team knows")
            }
            None => format!("Version {number} is not signed as far as your team knows"),
            Some(state) => format!(
                "Version {number} is {} as far as your team knows",
                state.label().to_lowercase()
            ),
        };
        format!(
            "{head}: the package says {claimed}, but {}",
            first.why_not(team)
        )
    }

    fn claim(&self, kind: SignedEventKind) -> Option<&ClaimCheck> {
        self.claims.iter().find(|claim| claim.kind == kind)
    }
}

/// Every signature of a package (or a case's signing) against a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageVerification {
    /// Every signed event, version by version, in the order held.
    pub events: Vec<EventCheck>,
    pub versions: Vec<VersionTrust>,
    /// Refusals not about one signature (see the module), one sentence each.
    pub problems: Vec<String>,
}

impl PackageVerification {
    /// Why the import must be refused, if it must: the first refused event or problem.
    pub fn refusal(&self) -> Option<String> {
        let event = self.events.iter().find(|event| event.verdict.is_refused());
        if let Some(event) = event {
            return Some(match &event.verdict {
                EventVerdict::Altered { reason } => {
                    format!("it was changed outside Probation Workbook: {reason}")
                }
                EventVerdict::CannotCountersign { member, grade } => format!(
                    "version {} was {} by {}, whose grade in your team ({}) cannot countersign",
                    event.version,
                    event.kind.past(),
                    member.name,
                    grade.short_label()
                ),
                EventVerdict::SameSigner { reason } => reason.clone(),
                EventVerdict::Verified { .. } | EventVerdict::UnknownSigner => String::new(),
            });
        }
        self.problems.first().cloned()
    }

    pub fn is_refused(&self) -> bool {
        self.refusal().is_some()
    }

    /// Nothing refused, and every decision of every version verified.
    pub fn all_verified(&self) -> bool {
        !self.is_refused() && self.versions.iter().all(VersionTrust::is_fully_verified)
    }

    pub fn version(&self, number: u32) -> Option<&VersionTrust> {
        self.versions
            .iter()
            .find(|version| version.number == number)
    }

    /// One sentence per version ([`VersionTrust::summary`]).
    pub fn lines(&self, team: &Team) -> Vec<String> {
        self.versions
            .iter()
            .map(|version| version.summary(team))
            .collect()
    }

    /// What to add to a line saying version `number` was `kind` (signed, countersigned…): nothing
    /// when verified, otherwise ", which is NOT verified: …".
    pub(super) fn note(&self, number: u32, kind: SignedEventKind, team: &Team) -> String {
        match self.version(number).and_then(|version| version.claim(kind)) {
            Some(claim) if claim.is_verified() => String::new(),
            Some(claim) => format!(", which is NOT verified: {}", claim.why_not(team)),
            None => String::new(),
        }
    }
}

/// Checks every signature of `signing` (the versions of case `case_id`) against `team`.
pub fn verify_signing(case_id: &str, signing: &CaseSigning, team: &Team) -> PackageVerification {
    let mut verification = PackageVerification {
        events: Vec::new(),
        versions: Vec::new(),
        problems: Vec::new(),
    };
    for version in &signing.versions {
        let trust = verify_version(case_id, version, team, &mut verification);
        verification.versions.push(trust);
    }
    check_timeline(signing, &mut verification.problems);
    verification
}

/// Checks every signature of a package against `team` (see the module).
pub fn verify_package(package: &CasePackage, team: &Team) -> PackageVerification {
    verify_signing(&package.case.id, &package.signing, team)
}

fn verify_version(
    case_id: &str,
    version: &SignedVersion,
    team: &Team,
    verification: &mut PackageVerification,
) -> VersionTrust {
    let number = version.number;
    let verdicts: Vec<EventVerdict> = version
        .signatures
        .iter()
        .map(|event| verify_event(case_id, version, event, team))
        .collect();
    for (event, verdict) in version.signatures.iter().zip(&verdicts) {
        verification.events.push(EventCheck {
            version: number,
            kind: event.kind,
            signer: event.signer.clone(),
            signer_key: event.signer_key,
            verdict: verdict.clone(),
        });
    }
    for (index, event) in version.signatures.iter().enumerate() {
        if version.signatures[..index]
            .iter()
            .any(|earlier| earlier.kind == event.kind)
        {
            verification.problems.push(format!(
                "version {number} holds more than one {}",
                event.kind.noun()
            ));
        }
    }
    let claims: Vec<ClaimCheck> = claims(version)
        .into_iter()
        .map(|claim| ClaimCheck {
            kind: claim.kind,
            by: claim.by.clone(),
            at: claim.at.to_string(),
            verdict: version
                .signatures
                .iter()
                .position(|event| event.kind == claim.kind)
                .map(|index| verdicts[index].clone()),
        })
        .collect();
    let covered = version
        .signatures
        .iter()
        .map(|event| event.comments as usize)
        .max()
        .unwrap_or(0);
    let unsigned_comments = version.comments.len().saturating_sub(covered);
    // The officer's replies are theirs only if their own signature covers them.
    let replies = version
        .comments
        .iter()
        .take_while(|comment| comment.reply_to.is_some())
        .count();
    let signed_replies = version
        .signatures
        .iter()
        .find(|event| event.kind == SignedEventKind::Sign)
        .map_or(0, |event| event.comments as usize);
    if replies > signed_replies && !version.signatures.is_empty() {
        verification.problems.push(format!(
            "it was changed outside Probation Workbook: version {number} holds {} its signer's signature does not cover",
            count(replies - signed_replies, "reply")
        ));
    }
    let every_claim_signed = claims.iter().all(|claim| claim.verdict.is_some());
    if unsigned_comments > 0 && !version.signatures.is_empty() && every_claim_signed {
        verification.problems.push(format!(
            "it was changed outside Probation Workbook: version {number} holds {} that no signature covers",
            count(unsigned_comments, "comment")
        ));
    }
    VersionTrust {
        number,
        claimed: version.state,
        for_countersigning: !version.countersign_reasons.is_empty(),
        claims,
        unsigned_comments,
    }
}

/// Each timeline entry of a signed act on a version holding signatures must be what the version
/// records: who and when.
fn check_timeline(signing: &CaseSigning, problems: &mut Vec<String>) {
    for event in &signing.history {
        let (Some(kind), Some(number)) = (SignedEventKind::of_timeline(event.kind), event.version)
        else {
            continue;
        };
        let Some(version) = signing.version(number) else {
            continue;
        };
        if version.signatures.is_empty() {
            continue;
        }
        let recorded = crate::domain::keys::claim(version, kind)
            .is_some_and(|claim| Some(claim.by) == event.by.as_ref() && claim.at == event.at);
        if !recorded {
            let by = event
                .by
                .as_ref()
                .map_or("someone".to_string(), Profile::describe);
            problems.push(format!(
                "it was changed outside Probation Workbook: the timeline says version {number} was {} by {by} on {}, but version {number} does not record it",
                kind.past(),
                long_day(&event.at)
            ));
        }
    }
}

/// The import preview of a package whose signatures were checked against `team`, and what the
/// check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedImport {
    /// As [`super::preview_import`] gives it, with every version's state and every decision in the
    /// words of what the team can rely on: a version whose countersignature is not verified is
    /// never called countersigned, and one sentence per version says what was verified.
    pub preview: ImportPreview,
    pub verification: PackageVerification,
}

/// [`super::preview_import`] for a package checked against `team` first: refused
/// ([`PackageError::NotGenuine`]) when the check refuses it (see the module).
pub fn preview_verified_import(
    local_case: Option<&PackagedCase>,
    local_signing: Option<&CaseSigning>,
    package: &CasePackage,
    team: &Team,
) -> Result<VerifiedImport, PackageError> {
    let verification = verify_package(package, team);
    if let Some(reason) = verification.refusal() {
        return Err(PackageError::NotGenuine(reason));
    }
    let mut preview = preview_import_with(
        local_case,
        local_signing,
        package,
        Some((&verification, team)),
    )?;
    let at = preview
        .holds
        .iter()
        .position(|line| {
            line == "No signed versions"
                || (line.starts_with(|c: char| c.is_ascii_digit()) && line.contains(": version 1 "))
        })
        .map_or(preview.holds.len(), |index| index + 1);
    for (offset, line) in verification.lines(team).into_iter().enumerate() {
        preview.holds.insert(at + offset, line);
    }
    Ok(VerifiedImport {
        preview,
        verification,
    })
}

/// Why a package whose signatures all stand must still not be imported: a version that differs
/// from this browser's copy (or is new here) records a decision the team cannot verify, signed by
/// someone not in the team or not signed at all. Writing it would let that decision count here
/// (lock the draft, set the next review, show as countersigned), so it is refused, naming the
/// version and what is not verified. A version exactly as this browser holds it is never a reason.
pub fn unverified_refusal(
    verification: &PackageVerification,
    local_signing: Option<&CaseSigning>,
    package: &CasePackage,
    team: &Team,
) -> Option<String> {
    let version = package.signing.versions.iter().find(|version| {
        let same_here = local_signing
            .and_then(|local| local.version(version.number))
            .is_some_and(|here| here == *version);
        !same_here
            && verification
                .version(version.number)
                .is_none_or(|trust| !trust.is_fully_verified())
    })?;
    let summary = verification
        .version(version.number)
        .map(|trust| trust.summary(team))
        .unwrap_or_else(|| format!("Version {} is not verified", version.number));
    Some(format!(
        "{summary}. A decision counts only when it is signed by someone in your team: if they are in it, add them from their identity card (comparing the fingerprint with them) and import the package again"
    ))
}

/// The import screen's check: [`preview_verified_import`], refused too (as
/// [`PackageError::NotGenuine`]) when [`unverified_refusal`] gives a reason. What it returns can be
/// imported, and every decision it writes is verified.
pub fn verified_import(
    local_case: Option<&PackagedCase>,
    local_signing: Option<&CaseSigning>,
    package: &CasePackage,
    team: &Team,
) -> Result<VerifiedImport, PackageError> {
    let import = preview_verified_import(local_case, local_signing, package, team)?;
    match unverified_refusal(&import.verification, local_signing, package, team) {
        Some(reason) => Err(PackageError::NotGenuine(reason)),
        None => Ok(import),
    }
}

/// "signed by A and countersigned by B", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

use super::import::count;
