//! When this browser last made a backup, and the reminder to make one: a browser's storage can be
//! cleared by the browser itself, and a backup is the only copy of the work outside it.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldError;
use crate::domain::questionnaire::migrate::StoredAnswers;
use crate::domain::records::{record_in, RECORD_SCHEMA_VERSION, SETTINGS};

/// The key of the [`BackupLog`] in the settings store.
pub const BACKUP_LOG_KEY: &str = "backup";
/// Days between reminders until the officer chooses otherwise.
pub const DEFAULT_REMINDER_DAYS: u32 = 7;
/// The fewest and most days between reminders the officer may choose.
pub const MIN_REMINDER_DAYS: u32 = 1;
pub const MAX_REMINDER_DAYS: u32 = 90;
/// The id of the "days between reminders" input.
pub const REMINDER_DAYS_FIELD: &str = "reminder-days";

/// This browser's backups: when the last one was made and how often to remind. Kept in the settings
/// store under [`BACKUP_LOG_KEY`], changed through `Store::update` like any record; never in a
/// backup (it is about this browser).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupLog {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    /// RFC 3339: when the last backup was saved, if ever.
    #[serde(default)]
    pub last_backup_at: Option<String>,
    /// Days after a backup before the reminder shows ([`MIN_REMINDER_DAYS`] to
    /// [`MAX_REMINDER_DAYS`]).
    #[serde(default = "default_reminder_days")]
    pub reminder_days: u32,
    /// RFC 3339: when the log last changed.
    #[serde(default)]
    pub updated_at: String,
}

fn default_reminder_days() -> u32 {
    DEFAULT_REMINDER_DAYS
}

impl Default for BackupLog {
    /// No backup yet, a reminder every [`DEFAULT_REMINDER_DAYS`] days.
    fn default() -> Self {
        BackupLog {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            last_backup_at: None,
            reminder_days: DEFAULT_REMINDER_DAYS,
            updated_at: String::new(),
        }
    }
}

record_in!(BackupLog, SETTINGS, StoredAnswers::None);

/// Why the officer is reminded to make a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReminder {
    /// No backup was ever made in this browser.
    Never,
    /// The last backup was made this many whole days (of 24 hours) ago.
    DaysAgo(i64),
}

/// Whether to remind the officer to make a backup now: when there is at least one live case, and
/// no backup was made or the last one is at least `reminder_days` days (of 24 hours) old. A
/// reminder interval outside 1–90 (edited by hand) counts as the nearest allowed; a last backup
/// that cannot be read counts as none.
pub fn backup_reminder(
    log: &BackupLog,
    now: Timestamp,
    live_cases: usize,
) -> Option<BackupReminder> {
    if live_cases == 0 {
        return None;
    }
    let last = log
        .last_backup_at
        .as_deref()
        .and_then(|at| at.parse::<Timestamp>().ok());
    let Some(last) = last else {
        return Some(BackupReminder::Never);
    };
    let days = now
        .as_second()
        .saturating_sub(last.as_second())
        .div_euclid(86_400);
    let every = log
        .reminder_days
        .clamp(MIN_REMINDER_DAYS, MAX_REMINDER_DAYS);
    (days >= i64::from(every)).then_some(BackupReminder::DaysAgo(days))
}

/// The "days between reminders" as typed: a whole number from 1 to 90.
pub fn parse_reminder_days(text: &str) -> Result<u32, FieldError> {
    let refuse = |message: &str| Err(FieldError::new(REMINDER_DAYS_FIELD, message));
    let text = text.trim();
    if text.is_empty() {
        return refuse("Enter the number of days between reminders, from 1 to 90");
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return refuse("Days between reminders must be a whole number, like 7");
    }
    match text.parse::<u32>() {
        Ok(days) if (MIN_REMINDER_DAYS..=MAX_REMINDER_DAYS).contains(&days) => Ok(days),
        _ => refuse("Days between reminders must be between 1 and 90"),
    }
}
