//! Why a backup could not be made, opened or restored: each refusal a sentence the officer reads.

use super::envelope::{MAX_BACKUP_BYTES, MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS};
use crate::domain::dates::{EARLIEST_YEAR, LATEST_YEAR};
use crate::domain::errors::megabytes;
use crate::domain::validation::thousands;

/// Why a backup was refused. Nothing in this browser changes on a refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("The file is too large to be a Probation Workbook backup: it is {} MB, and a backup is at most {} MB", megabytes(*.bytes), megabytes(MAX_BACKUP_BYTES))]
    TooLarge { bytes: usize },
    #[error("The file is empty")]
    Empty,
    #[error("The file is not a Probation Workbook backup: it is not text")]
    NotText,
    #[error("The file is not a Probation Workbook backup: it is not valid JSON (line {line}, column {column}: {detail})")]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The file ends before its JSON does: cut short while being copied or downloaded.
    #[error("The backup file is incomplete: it ends too early (line {line}, column {column}). It may have been cut off while being copied or downloaded: use another copy of it")]
    Truncated { line: usize, column: usize },
    /// The ciphertext is shorter than the authentication tag every AES-GCM ciphertext ends with.
    #[error("The backup file is incomplete: its locked contents are too short to be a backup. It may have been cut off while being copied or downloaded: use another copy of it")]
    CiphertextTooShort,
    #[error("The file is not a Probation Workbook backup")]
    NotABackup,
    /// A case package (`domain::package`), which is imported, not restored.
    #[error("The file is a case package, not a backup: import it as a case package instead")]
    CasePackage,
    #[error("The backup was made by a newer version of Probation Workbook: update this browser's copy first")]
    NewerVersion { found: u64 },
    #[error("The backup is locked with a method this version of Probation Workbook does not use ({found})")]
    UnsupportedKdf { found: String },
    #[error("The backup is locked with a method this version of Probation Workbook does not use ({found})")]
    UnsupportedCipher { found: String },
    /// Fewer rounds than this build ever writes (weaker than it allows), or so many that deriving
    /// the key would hang the browser.
    #[error("The backup file is damaged or was not made by Probation Workbook: its passphrase is stretched {found} times, and Probation Workbook uses {} to {}", thousands(u64::from(PBKDF2_ITERATIONS)), thousands(u64::from(MAX_PBKDF2_ITERATIONS)))]
    Iterations { found: u64 },
    #[error(
        "The backup file is damaged: its {what} is {found} bytes long, and should be {expected}"
    )]
    BadLength {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("The backup file is damaged: its {what} cannot be read (it is not base64)")]
    BadBase64 { what: &'static str },
    /// A field missing, of the wrong kind, or unknown to this format version.
    #[error("The backup file is damaged: {detail}")]
    Damaged { detail: String },
    /// The ciphertext does not match the digest the file carries.
    #[error("The backup file has been changed or damaged since it was made: its locked contents do not match the digest it carries. Use another copy of it")]
    Altered,
    /// Decryption failed: the passphrase differs from the one the backup was made with, or the
    /// file's details (the header bound to the ciphertext as associated data) were edited.
    #[error("The passphrase is wrong, or the backup file's details were changed since it was made. Check the passphrase and try again")]
    WrongPassphrase,
    /// The browser's cryptography failed for another reason.
    #[error("This browser could not lock or unlock the backup ({0})")]
    Crypto(String),
    /// The contents decrypted, but are not what a backup holds.
    #[error("The backup was unlocked, but its contents cannot be read: {detail}")]
    Contents { detail: String },
    /// A record (or the contents as a whole) of a layout newer than this build's.
    #[error("The backup holds work saved by a newer version of Probation Workbook ({what}): update this browser's copy first")]
    NewerRecords { what: String },
    /// One record of a case cannot be read.
    #[error("The backup cannot be restored: the {record} of the case of {case} cannot be read ({detail})")]
    Record {
        case: String,
        record: &'static str,
        detail: String,
    },
    #[error("The backup cannot be restored: it holds the case of {case} more than once")]
    DuplicateCase { case: String },
    #[error("The backup cannot be restored: the {record} filed under the case of {case} belongs to another case")]
    MismatchedRecord { case: String, record: &'static str },
    /// A date the workbook counts from is not between 1900 and 2100.
    #[error("The backup cannot be restored: in the case of {case}, {field} must be between {EARLIEST_YEAR} and {LATEST_YEAR}, but in the backup it is {date}")]
    DateOutsideYears {
        /// "Alex Smith (CRN X123456)".
        case: String,
        /// What the date is, in lower case: "the date of birth", "the target date of the goal …".
        field: String,
        /// "20 December 9999".
        date: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(600_000), "600,000");
        assert_eq!(thousands(10_000_000), "10,000,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(megabytes(MAX_BACKUP_BYTES), "200");
        assert_eq!(megabytes(MAX_BACKUP_BYTES + 1), "200.1");
    }
}
