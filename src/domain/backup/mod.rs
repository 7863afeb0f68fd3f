//! "Back up the workbook" and "Restore": every live case in one file, encrypted with a passphrase,
//! and a restore that shows what it would change and then writes everything or nothing.
//!
//! Pure rules only; the encryption itself is the browser's WebCrypto (`store::crypto`), and the
//! reading and writing of records `store::backup`.
//!
//! - `envelope` — the file: how it is locked (PBKDF2-SHA-256, AES-256-GCM, the header as associated
//!   data), and [`parse_envelope`], which refuses any file it cannot use with a sentence.
//! - `payload` — what is inside: [`BackupPayload`], every case's records ([`CaseRecords`]) and the
//!   profile; [`read_payload`] reads them as the store reads records (older layouts brought up).
//! - `preview` — [`restore_preview`] (what a restore would add, replace or keep) and
//!   [`restore_writes`] (what a confirmed restore writes).
//! - `reminder` — the [`BackupLog`] kept in the settings store and [`backup_reminder`].
//! - `passphrase` — [`check_passphrase`] and [`backup_file_name`].
//!
//! ```
//! use probation_workbook::domain::backup::*;
//! let payload = BackupPayload::new("2026-12-01T22:35:00Z", Vec::new(), None);
//! assert_eq!(read_payload(&payload.to_json_bytes()), Ok(payload));
//! let envelope = Envelope::new("2026-12-01T22:35:00Z", [7; 16], [9; 12], vec![1; 40]);
//! let file = envelope.to_json_bytes();
//! assert_eq!(parse_envelope(&file), Ok(envelope.clone()));
//! let cut = parse_envelope(&file[..file.len() / 2]).unwrap_err();
//! assert!(cut.to_string().starts_with("The backup file is incomplete: it ends too early"));
//! // A ciphertext changed without its digest: damage, not a wrong passphrase.
//! let mut changed = envelope.clone();
//! changed.ciphertext[3] ^= 1;
//! assert_eq!(parse_envelope(&changed.to_json_bytes()), Err(BackupError::Altered));
//! ```

mod envelope;
mod error;
mod passphrase;
mod payload;
mod preview;
mod reminder;

pub use envelope::{
    parse_envelope, sha256_hex, Envelope, CIPHER_NAME, FORMAT, IV_BYTES, KDF_HASH, KDF_NAME,
    MAX_BACKUP_BYTES, MAX_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, SALT_BYTES, TAG_BYTES, VERSION,
};
pub use error::BackupError;
pub use passphrase::{
    backup_file_name, check_passphrase, check_passphrase_to_open, MIN_PASSPHRASE_CHARS,
    PASSPHRASE_CONFIRM_FIELD, PASSPHRASE_FIELD,
};
pub use payload::{
    compare_times, group_records, read_payload, BackupPayload, CaseRecords, CONTENTS_FORMAT,
};
pub use preview::{
    restore_preview, restore_writes, PreviewLine, ProfileChange, RestorePreview, RestoreWrites,
};
pub use reminder::{
    backup_reminder, parse_reminder_days, BackupLog, BackupReminder, BACKUP_LOG_KEY,
    DEFAULT_REMINDER_DAYS, MAX_REMINDER_DAYS, MIN_REMINDER_DAYS, REMINDER_DAYS_FIELD,
};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod preview_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
