//! What importing a package would change here, before anything is written.
//!
//! **Older, precisely.** The versions of a case form one line (the draft is locked while a version waits
//! for a senior), so a later package holds everything an earlier one does. A package is refused as
//! *older* when, compared with this browser, it
//! - holds fewer versions;
//! - holds a version in an earlier state (awaiting countersignature here countersigned);
//! - holds fewer of a version's comments; or
//! - holds nothing new at all, and lacks timeline entries this browser has.
//!
//! It is refused as a *conflict* when a version differs in what was signed or who signed it, when a
//! version's states went different ways (returned here, countersigned there), when a decision was made by
//! different people, or when the comments differ. Otherwise the import keeps every timeline entry from
//! both sides (this browser's first, then the package's new ones, each in its own order) and takes the
//! package's versions.

use jiff::civil::Date;

use super::parse::check_signing;
use super::verify::PackageVerification;
use super::{CasePackage, PackageError, PackagedCase};
use crate::domain::case::normalise_crn;
use crate::domain::dates::format_long;
use crate::domain::keys::{SignedEventKind, Team};
use crate::domain::signing::{
    long_day, CaseSigning, Profile, SignedVersion, SigningError, Snapshot, TimelineEvent,
    VersionState,
};

/// What a package holds and what importing it would change, for the preview screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// What the package holds, one line each.
    pub holds: Vec<String>,
    /// What importing would change here, one sentence each; empty when everything is already here.
    pub changes: Vec<String>,
    /// The case's versions and timeline once imported.
    pub merged: CaseSigning,
    /// The package's case is not in this browser yet: importing adds it (set by [`preview_import`];
    /// [`compare`], which sees only the versions, leaves it `false`).
    pub case_is_new: bool,
}

/// Everything a confirmed import writes, in one transaction, as domain values the store wraps in
/// its records ([`import_writes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWrites {
    /// The case to add when it is new here. `None`: the case here is kept exactly as it is, since a
    /// package never changes a case's details.
    pub case: Option<PackagedCase>,
    /// For a case new here, the assessment and plan to start from: the package's draft, or failing
    /// that the work of its latest version. `None` when the case is already here (a draft here is
    /// never replaced) or the package holds no work at all.
    pub work: Option<Snapshot>,
    /// The versions and timeline to save, with the import on the timeline.
    pub signing: CaseSigning,
}

impl ImportPreview {
    /// Everything in the package is already here: importing changes nothing.
    pub fn is_up_to_date(&self) -> bool {
        self.changes.is_empty()
    }

    /// The versions and timeline to save, with the import on the timeline.
    pub fn apply(self, by: &Profile, at: &str) -> Result<CaseSigning, SigningError> {
        let mut merged = self.merged;
        merged.record_imported(by, at)?;
        Ok(merged)
    }
}

/// What importing `package` writes once the officer confirms `preview` (made by [`preview_import`]
/// for this package): the import policy, so the screen only wraps these values in records.
/// Refused, with nothing to write, when `by` or `at` cannot go on the timeline.
pub fn import_writes(
    package: &CasePackage,
    preview: ImportPreview,
    by: &Profile,
    at: &str,
) -> Result<ImportWrites, SigningError> {
    let case_is_new = preview.case_is_new;
    let signing = preview.apply(by, at)?;
    let work = case_is_new
        .then(|| {
            package.draft.clone().or_else(|| {
                package
                    .signing
                    .latest()
                    .map(|version| version.snapshot.clone())
            })
        })
        .flatten();
    Ok(ImportWrites {
        case: case_is_new.then(|| package.case.clone()),
        work,
        signing,
    })
}

/// Refuses a package holding a date in a year before 1900 or after 2100 that the workbook would count
/// from: the case's dates, and every date of the plan in the draft and in each version (a goal's
/// target, reminder…). The refusal names the first such date. (A package carries no review settings,
/// significant changes or appointment; answers keep dates as typed and are checked like any typed date.)
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
/// use probation_workbook::domain::package::*;
/// use probation_workbook::domain::signing::{CaseSigning, Grade, Profile};
/// let officer = Profile::new("Sam Patel", Grade::Po).unwrap();
/// let details = CaseDetails {
///     conviction_date: None,
///     main_offence: None,
///     name: "Alex Smith".into(), crn: "X123456".into(), date_of_birth: date(1990, 1, 2),
///     sex: Sex::Male, sentence_type: SentenceType::CommunityOrder,
///     sentence_date: None,
///     sentence_or_release_date: date(9999, 12, 20), sentence_end_date: date(9999, 12, 31),
/// };
/// let case = PackagedCase { id: "case-1".into(), created_at: "2026-11-01T09:00:00Z".into(), details };
/// let signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
/// let package = CasePackage::build(case, signing, None, &officer, "2026-11-25T14:03:07Z");
/// assert_eq!(
///     preview_import(None, None, &package).unwrap_err().to_string(),
///     "Sentence date must be between 1900 and 2100, but in the package it is 20 December 9999"
/// );
/// ```
pub fn check_package_dates(package: &CasePackage) -> Result<(), PackageError> {
    let refuse = |field: String, date: Date| {
        Err(PackageError::DateOutsideYears {
            field,
            date: format_long(date),
        })
    };
    if let Some((label, date)) = package.case.details.date_outside_years() {
        return refuse(label.to_string(), date);
    }
    let plans = package
        .draft
        .iter()
        .map(|draft| (&draft.plan, "in the work in progress".to_string()))
        .chain(package.signing.versions.iter().map(|version| {
            let place = format!("in version {}", version.number);
            (&version.snapshot.plan, place)
        }));
    for (plan, place) in plans {
        if let Some((what, date)) = plan.date_outside_years() {
            return refuse(format!("{} {place}", capitalise(&what)), date);
        }
    }
    Ok(())
}

/// The preview of importing a whole package. `local_case` is the case here with the package's id, or
/// failing that with its CRN; `local_signing` is that case's versions and timeline, if any.
/// The case details here are kept: a package never changes them. A package holding a date outside
/// 1900 to 2100 is refused first ([`check_package_dates`]).
pub fn preview_import(
    local_case: Option<&PackagedCase>,
    local_signing: Option<&CaseSigning>,
    package: &CasePackage,
) -> Result<ImportPreview, PackageError> {
    preview_import_with(local_case, local_signing, package, None)
}

/// What the team can rely on, when the package's signatures were checked: the preview then says
/// each version's state and each decision in those words.
pub(super) type Trust<'a> = Option<(&'a PackageVerification, &'a Team)>;

/// [`preview_import`], its words taken from `trust` when given (`verify::preview_verified_import`).
pub(super) fn preview_import_with(
    local_case: Option<&PackagedCase>,
    local_signing: Option<&CaseSigning>,
    package: &CasePackage,
    trust: Trust<'_>,
) -> Result<ImportPreview, PackageError> {
    check_package_dates(package)?;
    let incoming = &package.case;
    let details = &incoming.details;
    if let Some(here) = local_case {
        let (crn_there, crn_here) = (
            normalise_crn(&details.crn),
            normalise_crn(&here.details.crn),
        );
        if here.id != incoming.id {
            return Err(PackageError::Conflict(format!(
                "a different case here already has the CRN {crn_there}"
            )));
        }
        if crn_here != crn_there {
            return Err(PackageError::Conflict(format!(
                "the package is for CRN {crn_there}, but the same case here is for CRN {crn_here}"
            )));
        }
    }
    let mut preview = compare_with(local_signing, &package.signing, trust)?;
    let mut holds = vec![
        format!("Case: {} (CRN {})", details.name, details.crn),
        format!(
            "Exported by {} on {}",
            package.exported_by.describe(),
            long_day(&package.exported_at)
        ),
    ];
    holds.append(&mut preview.holds);
    preview.holds = holds;
    preview.case_is_new = local_case.is_none();
    match local_case {
        None => preview.changes.insert(
            0,
            format!(
                "Adds the case of {} (CRN {}) to this browser",
                details.name, details.crn
            ),
        ),
        Some(here) if here.details != *details => preview.changes.push(
            "The case details in the package differ from the ones here: the ones here are kept"
                .to_string(),
        ),
        Some(_) => {}
    }
    Ok(preview)
}

/// Compares a package's versions and timeline with the ones here (`None`: this browser has none).
pub fn compare(
    local: Option<&CaseSigning>,
    incoming: &CaseSigning,
) -> Result<ImportPreview, PackageError> {
    compare_with(local, incoming, None)
}

fn compare_with(
    local: Option<&CaseSigning>,
    incoming: &CaseSigning,
    trust: Trust<'_>,
) -> Result<ImportPreview, PackageError> {
    check_signing(incoming).map_err(PackageError::Inconsistent)?;
    let holds = holdings(incoming, trust);
    let Some(local) = local else {
        let changes = incoming
            .versions
            .iter()
            .map(|version| format!("Adds {}", version_line(version, trust)))
            .collect();
        let merged = incoming.clone();
        return Ok(ImportPreview {
            holds,
            changes,
            merged,
            case_is_new: false,
        });
    };
    let (here, there) = (local.versions.len(), incoming.versions.len());
    if there < here {
        return Err(PackageError::Older(format!(
            "it holds {} and this browser has {}",
            count(there, "version"),
            count(here, "version")
        )));
    }
    let mut changes = Vec::new();
    for (mine, theirs) in local.versions.iter().zip(&incoming.versions) {
        compare_version(mine, theirs, &mut changes, trust)?;
    }
    for version in &incoming.versions[here..] {
        changes.push(format!("Adds {}", version_line(version, trust)));
    }
    let (new_events, missing) = history_difference(&local.history, &incoming.history);
    if changes.is_empty() && new_events.is_empty() && missing > 0 {
        return Err(PackageError::Older(format!(
            "it holds nothing new, and lacks {} this browser has",
            count(missing, "timeline entry")
        )));
    }
    if !new_events.is_empty() {
        let titles: Vec<String> = new_events
            .iter()
            .map(|event| {
                let note = match (
                    SignedEventKind::of_timeline(event.kind),
                    event.version,
                    trust,
                ) {
                    (Some(kind), Some(number), Some((verification, team))) => {
                        verification.note(number, kind, team)
                    }
                    _ => String::new(),
                };
                format!("{}{note}", event.title())
            })
            .collect();
        changes.push(format!(
            "Adds {} to the timeline: {}",
            count(new_events.len(), "entry"),
            titles.join("; ")
        ));
    }
    let mut history = local.history.clone();
    history.extend(new_events.into_iter().cloned());
    let merged = CaseSigning {
        versions: incoming.versions.clone(),
        history,
    };
    Ok(ImportPreview {
        holds,
        changes,
        merged,
        case_is_new: false,
    })
}

/// Checks one version held on both sides, adding what the package's copy would change.
fn compare_version(
    here: &SignedVersion,
    there: &SignedVersion,
    changes: &mut Vec<String>,
    trust: Trust<'_>,
) -> Result<(), PackageError> {
    let number = here.number;
    let signed = |version: &SignedVersion| {
        format!(
            "{} on {}",
            version.signed_by.describe(),
            long_day(&version.signed_at)
        )
    };
    if (&here.signed_by, &here.signed_at) != (&there.signed_by, &there.signed_at) {
        return Err(PackageError::Conflict(format!(
            "version {number} in the package was signed by {}, but version {number} here by {}",
            signed(there),
            signed(here)
        )));
    }
    if (&here.snapshot, &here.countersign_reasons) != (&there.snapshot, &there.countersign_reasons)
    {
        return Err(PackageError::Conflict(format!(
            "version {number} in the package holds a different assessment or plan from version {number} here"
        )));
    }
    if here.state != there.state {
        let states = format!(
            "version {number} is {} here, but {} in the package",
            here.state.label().to_lowercase(),
            there.state.label().to_lowercase()
        );
        if there.state.leads_to(here.state) {
            return Err(PackageError::Older(states));
        }
        if !here.state.leads_to(there.state) {
            return Err(PackageError::Conflict(states));
        }
    }
    for ((what, mine), (_, theirs)) in decisions(here).into_iter().zip(decisions(there)) {
        let kind = match what {
            "countersigned" if there.double_countersign_reason.is_some() => {
                SignedEventKind::RequestDoubleCountersign
            }
            "countersigned" => SignedEventKind::Countersign,
            "double countersigned" => SignedEventKind::DoubleCountersign,
            _ => SignedEventKind::ReturnForRework,
        };
        match (mine, theirs) {
            (Some(mine), Some(theirs)) if mine != theirs => {
                return Err(PackageError::Conflict(format!(
                    "version {number} was {what} by {} here, but by {} in the package",
                    mine.0.describe(),
                    theirs.0.describe()
                )));
            }
            (None, Some((by, at, note))) => {
                let mut line = format!(
                    "Version {number} was {what} by {} on {}",
                    by.describe(),
                    long_day(at)
                );
                if let Some(note) = note {
                    let why = if what == "countersigned" {
                        ", who asked for a double countersignature"
                    } else {
                        ""
                    };
                    line.push_str(&format!("{why}: {note}"));
                }
                if let Some((verification, team)) = trust {
                    line.push_str(&verification.note(number, kind, team));
                }
                changes.push(line);
            }
            _ => {}
        }
    }
    let (mine, theirs) = (&here.signatures, &there.signatures);
    if !theirs.starts_with(mine) {
        if mine.starts_with(theirs) {
            return Err(PackageError::Older(format!(
                "version {number} has {} here, but {} in the package",
                count(mine.len(), "signature"),
                count(theirs.len(), "signature")
            )));
        }
        return Err(PackageError::Conflict(format!(
            "the signatures of version {number} differ from the ones here"
        )));
    }
    let (mine, theirs) = (&here.comments, &there.comments);
    if theirs.starts_with(mine) {
        if theirs.len() > mine.len() {
            let new = count(theirs.len() - mine.len(), "comment");
            changes.push(format!("Adds {new} on version {number}"));
        }
    } else if mine.starts_with(theirs) {
        return Err(PackageError::Older(format!(
            "version {number} has {} here, but {} in the package",
            count(mine.len(), "comment"),
            count(theirs.len(), "comment")
        )));
    } else {
        return Err(PackageError::Conflict(format!(
            "the comments on version {number} differ from the ones here"
        )));
    }
    Ok(())
}

/// Who made a decision, when, and the comment with it.
type Decision<'a> = (&'a Profile, &'a String, &'a Option<String>);

/// Each decision a senior can make on a version, and whether it was made.
fn decisions(version: &SignedVersion) -> [(&'static str, Option<Decision<'_>>); 3] {
    fn made<'a>(
        by: &'a Option<Profile>,
        at: &'a Option<String>,
        note: &'a Option<String>,
    ) -> Option<Decision<'a>> {
        Some((by.as_ref()?, at.as_ref()?, note))
    }
    [
        (
            "countersigned",
            made(
                &version.countersigned_by,
                &version.countersigned_at,
                &version.double_countersign_reason,
            ),
        ),
        (
            "double countersigned",
            made(
                &version.double_countersigned_by,
                &version.double_countersigned_at,
                &None,
            ),
        ),
        (
            "returned for rework",
            made(
                &version.returned_by,
                &version.returned_at,
                &version.returned_reason,
            ),
        ),
    ]
}

/// The package's timeline entries not here, and how many entries here the package lacks.
/// Equal entries are matched one for one, so a package sent twice keeps both "sent" entries.
fn history_difference<'a>(
    local: &[TimelineEvent],
    incoming: &'a [TimelineEvent],
) -> (Vec<&'a TimelineEvent>, usize) {
    let mut matched = vec![false; local.len()];
    let mut new = Vec::new();
    for event in incoming {
        let found = local
            .iter()
            .enumerate()
            .position(|(index, mine)| !matched[index] && mine == event);
        match found {
            Some(index) => matched[index] = true,
            None => new.push(event),
        }
    }
    let missing = matched.iter().filter(|matched| !**matched).count();
    (new, missing)
}

/// "version 2, signed by Sam Patel (PO) on 25 November 2026: awaiting countersignature".
fn version_line(version: &SignedVersion, trust: Trust<'_>) -> String {
    format!(
        "version {}, signed by {} on {}: {}",
        version.number,
        version.signed_by.describe(),
        long_day(&version.signed_at),
        state_of(version, trust)
    )
}

/// The version's state in words: as recorded, or with `trust` what the team can rely on.
fn state_of(version: &SignedVersion, trust: Trust<'_>) -> String {
    trust
        .and_then(|(verification, _)| verification.version(version.number))
        .map_or_else(|| state_words(version.state), |trust| trust.short())
}

/// What the package holds, for the preview.
fn holdings(signing: &CaseSigning, trust: Trust<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    if signing.versions.is_empty() {
        lines.push("No signed versions".to_string());
    } else {
        let states: Vec<String> = signing
            .versions
            .iter()
            .map(|version| format!("version {} {}", version.number, state_of(version, trust)))
            .collect();
        lines.push(format!(
            "{}: {}",
            capitalise(&count(signing.versions.len(), "version")),
            states.join(", ")
        ));
    }
    // Comments, the officer's replies and the threads resolved, each counted apart.
    let all = || {
        signing
            .versions
            .iter()
            .flat_map(|version| &version.comments)
    };
    let comments = all().filter(|comment| comment.starts_thread()).count();
    let replies = all().filter(|comment| comment.reply_to.is_some()).count();
    let resolved = all().filter(|comment| comment.resolves.is_some()).count();
    let mut said = Vec::new();
    if comments > 0 {
        said.push(count(comments, "comment"));
    }
    if replies > 0 {
        said.push(count(replies, "reply"));
    }
    if resolved > 0 {
        said.push(format!("{resolved} resolved"));
    }
    if !said.is_empty() {
        lines.push(capitalise(&said.join(", ")));
    }
    lines.push(capitalise(&count(signing.history.len(), "timeline entry")));
    lines
}

fn state_words(state: VersionState) -> String {
    state.label().to_lowercase()
}

/// "1 version", "3 versions", "2 timeline entries", "2 replies".
pub(super) fn count(number: usize, noun: &str) -> String {
    match (number, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{number} {stem}ies"),
        (_, None) => format!("{number} {noun}s"),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
