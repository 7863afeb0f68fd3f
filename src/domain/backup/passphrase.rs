//! The passphrase a backup is locked with, as typed, and the backup's file name.

use jiff::civil::DateTime;

use crate::domain::errors::FieldErrors;

/// The fewest characters a new backup's passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The ids of the passphrase inputs.
pub const PASSPHRASE_FIELD: &str = "passphrase";
pub const PASSPHRASE_CONFIRM_FIELD: &str = "passphrase-confirm";

/// The passphrase for a new backup and its confirmation: every problem at once. Nothing is
/// trimmed (a space may be part of it), but one of spaces only counts as none.
pub fn check_passphrase(passphrase: &str, confirmation: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if passphrase.trim().is_empty() {
        errors.push(PASSPHRASE_FIELD, "Enter a passphrase");
    } else if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        errors.push(
            PASSPHRASE_FIELD,
            "Passphrase must be 12 characters or more — three random words work well",
        );
    }
    if confirmation.is_empty() {
        errors.push(PASSPHRASE_CONFIRM_FIELD, "Enter the same passphrase again");
    } else if confirmation != passphrase {
        errors.push(PASSPHRASE_CONFIRM_FIELD, "The passphrases do not match");
    }
    errors
}

/// The passphrase typed to open a backup: only that there is one (any length: a backup made
/// elsewhere is opened with whatever it was locked with).
pub fn check_passphrase_to_open(passphrase: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if passphrase.is_empty() {
        errors.push(
            PASSPHRASE_FIELD,
            "Enter the passphrase the backup was made with",
        );
    }
    errors
}

/// "probation-workbook-backup-2026-12-01-2235.json": the day and time (hours and minutes) in
/// London the backup was made.
pub fn backup_file_name(date_time_in_london: DateTime) -> String {
    format!(
        "probation-workbook-backup-{}-{:02}{:02}.json",
        date_time_in_london.date(),
        date_time_in_london.hour(),
        date_time_in_london.minute()
    )
}
