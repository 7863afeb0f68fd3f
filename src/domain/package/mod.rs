//! The case package: one file that hands a case over without a server — the case, every signed version
//! with its comments, the timeline and the work in progress — sealed with a SHA-256 digest so that a
//! package changed after it was written is refused.
//!
//! - `canonical` — the canonical JSON form and the digest over it.
//! - `parse` — reading a file: every refusal as a [`PackageError`] sentence.
//! - `import` — what an import would change, refused when the package is older than what is here.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::package::*;
//! use probation_workbook::domain::signing::{CaseSigning, Grade, Profile};
//! let officer = Profile::new("Sam Patel", Grade::Po).unwrap();
//! let case = PackagedCase {
//!     id: "case-1".into(),
//!     created_at: "2026-11-01T09:00:00Z".into(),
//!     details: CaseDetails {
//!         conviction_date: None,
//!         main_offence: None,
//!         name: "Alex Smith".into(), crn: "X123456".into(), date_of_birth: date(1990, 1, 2),
//!         sex: Sex::Male, sentence_type: SentenceType::CommunityOrder,
//!         sentence_date: None,
//!         sentence_or_release_date: date(2026, 10, 1), sentence_end_date: date(2027, 10, 1),
//!     },
//! };
//! let signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
//! let package = CasePackage::build(case, signing, None, &officer, "2026-11-25T14:03:07Z");
//! let text = package.to_json();
//! assert_eq!(parse_package(&text), Ok(package));
//! let altered = text.replace("Alex Smith", "Alex Smyth");
//! assert_eq!(parse_package(&altered).unwrap_err().to_string(),
//!     "The package was altered after it was signed: its contents do not match its digest");
//! ```

mod canonical;
mod import;
mod parse;
mod verify;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::case::CaseDetails;
use super::signing::{CaseSigning, Profile, Snapshot, VersionState};

pub use canonical::{canonical_json, digest_of, sha256_hex};
use import::preview_import_with;
pub use import::{
    check_package_dates, compare, import_writes, preview_import, ImportPreview, ImportWrites,
};
pub use parse::{parse_package, parse_package_bytes, PackageError};
pub use verify::{
    preview_verified_import, unverified_refusal, verified_import, verify_package, verify_signing,
    ClaimCheck, EventCheck, PackageVerification, VerifiedImport, VersionTrust,
};

/// What every case package says it is.
pub const FORMAT: &str = "probation-workbook-case-package";
/// The shape this build writes. A change that could break a reader raises it. Version 2 holds its
/// answers under the item codes of issue 13 (`questionnaire::migrate`, answer codes version 2); a
/// version 1 package's answers, in every version and the draft, are moved to them when it is read.
/// Version 3 holds each version's signed events (`SignedVersion::signatures`, issue 15): a build that
/// reads only up to 2 would import it and drop them, so it refuses the package as newer instead.
/// Version 4 holds comment threads (`Comment::reply_to`, `Comment::resolves`, issue 20): a build
/// that reads only up to 3 would read a reply as a senior's comment, so it refuses it too.
/// Version 5 holds comments on single questions (`CommentTarget::Item`, issue 20): a build that
/// reads only up to 4 cannot read them, so it refuses the package as newer instead of failing on it.
pub const SCHEMA_VERSION: u32 = 5;
/// The shapes this build reads.
pub const KNOWN_SCHEMA_VERSIONS: &[u32] = &[1, 2, 3, 4, 5];

/// The item codes a package of this schema version holds its answers under.
pub fn answer_codes_of_package(schema_version: u32) -> u32 {
    if schema_version < 2 {
        1
    } else {
        crate::domain::questionnaire::migrate::ANSWER_CODES_VERSION
    }
}
/// The largest file read, in bytes (20 MB): far more than a case needs, and refused before parsing.
pub const MAX_PACKAGE_BYTES: usize = 20 * 1024 * 1024;

/// The case as the package carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackagedCase {
    /// The case's record id, the same in every browser it travels to.
    pub id: String,
    /// RFC 3339.
    pub created_at: String,
    pub details: CaseDetails,
}

/// A case package file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePackage {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`SCHEMA_VERSION`] when written by this build.
    pub schema_version: u32,
    /// The version of Probation Workbook that wrote it.
    pub app_version: String,
    /// RFC 3339.
    pub exported_at: String,
    /// Who wrote the package: their name and grade.
    pub exported_by: Profile,
    pub case: PackagedCase,
    /// Every signed version (with its assessment, plan and comments) and the timeline.
    pub signing: CaseSigning,
    /// The assessment and plan being worked on when the package was written, if a draft was open.
    /// An import never replaces a draft already here with it.
    pub draft: Option<Snapshot>,
    /// SHA-256, as 64 lower-case hex digits, over the canonical JSON of everything else (`digest_of`).
    pub digest: String,
}

impl CasePackage {
    /// A sealed package. Record the sending first (`CaseSigning::record_sent`) so the timeline says so.
    pub fn build(
        case: PackagedCase,
        signing: CaseSigning,
        draft: Option<Snapshot>,
        exported_by: &Profile,
        exported_at: &str,
    ) -> CasePackage {
        seal(CasePackage {
            format: FORMAT.to_string(),
            schema_version: SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_at: exported_at.to_string(),
            exported_by: exported_by.clone(),
            case,
            signing,
            draft,
            digest: String::new(),
        })
    }

    /// The digest the package's contents call for.
    pub fn expected_digest(&self) -> String {
        let value = serde_json::to_value(self).expect("a package always serialises");
        digest_of(&value)
    }

    /// The file's text: indented JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a package always serialises")
    }

    /// The latest version's number, if any version is signed.
    pub fn latest_version(&self) -> Option<u32> {
        self.signing.latest().map(|version| version.number)
    }
}

/// The package with its digest filled in.
pub fn seal(mut package: CasePackage) -> CasePackage {
    package.digest = package.expected_digest();
    package
}

/// "case-package-X123456-v2-2026-11-25.json": the CRN (letters and digits only), the latest version and
/// the day of export.
pub fn package_file_name(crn: &str, version: Option<u32>, date: Date) -> String {
    let crn = crn_for_file_name(crn);
    match version {
        Some(version) => format!("case-package-{crn}-v{version}-{date}.json"),
        None => format!("case-package-{crn}-{date}.json"),
    }
}

/// The CRN as a file name may hold it: letters and digits only.
fn crn_for_file_name(crn: &str) -> String {
    crn.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// "case-package-X123456-v2-returned-2026-11-25-for-jo-bloggs.sealed.json": a package sealed for
/// one team member, named so both can tell it is theirs, that it is sealed, and what its latest
/// version is (awaiting countersignature, returned, countersigned…).
pub fn sealed_package_file_name(
    crn: &str,
    latest: Option<(u32, VersionState)>,
    date: Date,
    recipient: &str,
) -> String {
    let crn = crn_for_file_name(crn);
    let stem = match latest {
        Some((version, state)) => format!(
            "case-package-{crn}-v{version}-{}-{date}",
            state.code().replace('_', "-")
        ),
        None => format!("case-package-{crn}-{date}"),
    };
    match crate::domain::keys::name_slug(recipient) {
        Some(slug) => format!("{stem}-for-{slug}.sealed.json"),
        None => format!("{stem}.sealed.json"),
    }
}

#[cfg(test)]
#[test]
fn a_sealed_package_is_named_for_its_recipient() {
    let date = jiff::civil::date(2026, 11, 25);
    assert_eq!(
        sealed_package_file_name(
            "X123456",
            Some((2, VersionState::Returned)),
            date,
            "Jo Bloggs"
        ),
        "case-package-X123456-v2-returned-2026-11-25-for-jo-bloggs.sealed.json"
    );
    assert_eq!(
        sealed_package_file_name(
            "X123456",
            Some((3, VersionState::AwaitingCountersign)),
            date,
            "Jo Bloggs"
        ),
        "case-package-X123456-v3-awaiting-countersign-2026-11-25-for-jo-bloggs.sealed.json"
    );
    assert_eq!(
        sealed_package_file_name("X/1", None, date, "!!"),
        "case-package-X1-2026-11-25.sealed.json"
    );
}

#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verify_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
