//! Reading a case package file. Each refusal is a sentence the officer reads; reading never panics,
//! whatever the file holds.
//!
//! The checks, in order: size, text, JSON, the format, the schema version, the digest (so a package
//! changed after it was written says so), the shape, and whether the versions hold together. A
//! package of an older schema is then brought up to this build's (`upgrade`).

use jiff::Timestamp;
use serde_json::error::Category;
use serde_json::Value;

use super::{
    answer_codes_of_package, digest_of, seal, CasePackage, FORMAT, KNOWN_SCHEMA_VERSIONS,
    MAX_PACKAGE_BYTES, SCHEMA_VERSION,
};
use crate::domain::dates::{EARLIEST_YEAR, LATEST_YEAR};
use crate::domain::errors::{json_error_detail, megabytes};
use crate::domain::questionnaire::migrate::migrate_answers;
use crate::domain::signing::{CaseSigning, EventKind, Profile};

/// Why a package was refused. Nothing local changes on a refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    #[error("The file is too large to be a case package: it is {} MB, and a package is at most {} MB", megabytes(*.bytes), megabytes(MAX_PACKAGE_BYTES))]
    TooLarge { bytes: usize },
    #[error("The file is empty")]
    Empty,
    #[error("The file is not a case package: it is not text")]
    NotText,
    #[error("The file is incomplete: it ends too early (line {line}, column {column}). It may have been cut off while being copied: ask for it again")]
    Truncated { line: usize, column: usize },
    #[error("The file is not a case package: it is not valid JSON (line {line}, column {column}: {detail})")]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("The file is not a Probation Workbook case package")]
    WrongFormat,
    #[error("The package uses schema version {found}, which this version of Probation Workbook cannot read: it reads version {}", known_versions())]
    UnknownSchemaVersion { found: String },
    #[error("The package has no digest, so nobody can tell whether it was changed after it was written: ask the sender to export it again")]
    MissingDigest,
    #[error("The package was altered after it was signed: its contents do not match its digest")]
    DigestMismatch,
    #[error("The package is damaged: {detail} (line {line}, column {column})")]
    Structure {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("The package does not hold together: {0}")]
    Inconsistent(String),
    /// Its signatures do not stand against the team list (`verify_package`): changed outside
    /// Probation Workbook, or countersigned by someone who cannot countersign.
    #[error("The package cannot be imported: {0}")]
    NotGenuine(String),
    #[error("This package is older than what is here: {0}")]
    Older(String),
    #[error("This package does not match the case here: {0}")]
    Conflict(String),
    /// A date the workbook counts from (a case date, a goal's target…) is not between 1900 and 2100.
    #[error("{field} must be between {EARLIEST_YEAR} and {LATEST_YEAR}, but in the package it is {date}")]
    DateOutsideYears {
        /// What the date is, as a sentence begins: "Sentence end date", "Target date of the goal
        /// \"Find settled accommodation\" in version 2".
        field: String,
        /// The date as the package has it, "20 December 9999".
        date: String,
    },
}

fn known_versions() -> String {
    let known: Vec<String> = KNOWN_SCHEMA_VERSIONS.iter().map(u32::to_string).collect();
    known.join(", ")
}

/// Reads a file's bytes: refused when too large or not UTF-8 text, then as `parse_package`.
pub fn parse_package_bytes(bytes: &[u8]) -> Result<CasePackage, PackageError> {
    if bytes.len() > MAX_PACKAGE_BYTES {
        return Err(PackageError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| PackageError::NotText)?;
    parse_package(text)
}

/// Reads a package file's text, checks its digest, and checks that it holds together.
pub fn parse_package(text: &str) -> Result<CasePackage, PackageError> {
    if text.len() > MAX_PACKAGE_BYTES {
        return Err(PackageError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(PackageError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(not_json)?;
    let Value::Object(fields) = &value else {
        return Err(PackageError::WrongFormat);
    };
    if fields.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(PackageError::WrongFormat);
    }
    match fields.get("schema_version") {
        Some(Value::Number(number))
            if number.as_u64().is_some_and(|n| {
                KNOWN_SCHEMA_VERSIONS
                    .iter()
                    .any(|known| u64::from(*known) == n)
            }) => {}
        Some(found) => {
            let found = serde_json::to_string(found).unwrap_or_default();
            return Err(PackageError::UnknownSchemaVersion { found });
        }
        None => {
            let found = "(none)".to_string();
            return Err(PackageError::UnknownSchemaVersion { found });
        }
    }
    let Some(Value::String(digest)) = fields.get("digest") else {
        return Err(PackageError::MissingDigest);
    };
    if digest.is_empty() {
        return Err(PackageError::MissingDigest);
    }
    if *digest != digest_of(&value) {
        return Err(PackageError::DigestMismatch);
    }
    let package: CasePackage =
        serde_json::from_str(text).map_err(|error| PackageError::Structure {
            line: error.line(),
            column: error.column(),
            detail: json_error_detail(&error),
        })?;
    check_package(&package).map_err(PackageError::Inconsistent)?;
    Ok(upgrade(package))
}

/// A package of an older schema as this build would have written it: the answers of every version
/// and of the draft under today's item codes, the schema version this build's, sealed again. Read
/// only after its own digest was checked; a package of this schema comes back as it is.
pub(super) fn upgrade(package: CasePackage) -> CasePackage {
    if package.schema_version >= SCHEMA_VERSION {
        return package;
    }
    let from = answer_codes_of_package(package.schema_version);
    let mut package = package;
    for version in &mut package.signing.versions {
        version.snapshot.answers =
            migrate_answers(std::mem::take(&mut version.snapshot.answers), from);
    }
    if let Some(draft) = &mut package.draft {
        draft.answers = migrate_answers(std::mem::take(&mut draft.answers), from);
    }
    package.schema_version = SCHEMA_VERSION;
    seal(package)
}

fn not_json(error: serde_json::Error) -> PackageError {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => PackageError::Truncated { line, column },
        _ => PackageError::NotJson {
            line,
            column,
            detail: json_error_detail(&error),
        },
    }
}

/// Whether the package's contents fit together, in a sentence saying what does not.
fn check_package(package: &CasePackage) -> Result<(), String> {
    if package.exported_by.check().is_err() {
        return Err("the name of whoever exported it is missing or too long".to_string());
    }
    if package.exported_at.parse::<Timestamp>().is_err() {
        return Err("the time it was exported is not a date and time".to_string());
    }
    if package.case.id.trim().is_empty() {
        return Err("the case has no id".to_string());
    }
    if package.case.created_at.parse::<Timestamp>().is_err() {
        return Err("the time the case was created is not a date and time".to_string());
    }
    check_signing(&package.signing)
}

/// The versions are numbered 1, 2, 3…, each fits its state, only the latest may wait for a senior, and
/// every person and time is real.
pub(super) fn check_signing(signing: &CaseSigning) -> Result<(), String> {
    let count = signing.versions.len();
    for (index, version) in signing.versions.iter().enumerate() {
        let number = version.number;
        if number as usize != index + 1 {
            return Err(format!(
                "the versions are not numbered 1, 2, 3… in order: version {number} is number {} in the list",
                index + 1
            ));
        }
        version.check()?;
        if version.state.is_awaiting() && index + 1 < count {
            return Err(format!(
                "version {number} is waiting for a senior, but a later version was signed"
            ));
        }
        let place = format!("version {number}");
        check_profile(&version.signed_by, &place)?;
        check_time(&version.signed_at, &place)?;
        let decisions = [
            (&version.countersigned_by, &version.countersigned_at),
            (
                &version.double_countersigned_by,
                &version.double_countersigned_at,
            ),
            (&version.returned_by, &version.returned_at),
        ];
        for (by, at) in decisions {
            if let (Some(by), Some(at)) = (by, at) {
                check_profile(by, &place)?;
                check_time(at, &place)?;
            }
        }
        for comment in &version.comments {
            let place = format!("a comment on version {number}");
            check_profile(&comment.by, &place)?;
            check_time(&comment.at, &place)?;
        }
    }
    for event in &signing.history {
        check_time(&event.at, "the timeline")?;
        if let Some(by) = &event.by {
            check_profile(by, "the timeline")?;
        }
        let highest = if event.kind == EventKind::NewDraft {
            count + 1
        } else {
            count
        };
        if event
            .version
            .is_some_and(|number| number == 0 || number as usize > highest)
        {
            return Err(
                "an entry of the timeline names a version the package does not hold".into(),
            );
        }
    }
    Ok(())
}

fn check_profile(profile: &Profile, place: &str) -> Result<(), String> {
    profile
        .check()
        .map_err(|_| format!("a name in {place} is missing or too long"))
}

fn check_time(at: &str, place: &str) -> Result<(), String> {
    at.parse::<Timestamp>()
        .map(|_| ())
        .map_err(|_| format!("a time in {place} is not a date and time"))
}
