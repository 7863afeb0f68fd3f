//! What the sync status line says on every screen (issue 21, item 4), how far a pull has got, and
//! how long to wait before trying again while the server cannot be reached.

use serde_json::Value;

use crate::domain::validation::thousands;

/// The state of this browser's sync with its team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    NotConnected,
    /// Pulling or pushing: how many of the server's changes are in, of how many, when known.
    Syncing {
        done: u64,
        of: Option<u64>,
    },
    /// Last synced at this time of day ("14:03", Europe/London).
    Synced {
        at: String,
    },
    /// The server cannot be reached: this many local changes wait to be sent.
    Offline {
        waiting: u64,
    },
    /// The session ended (401): nothing is sent until the officer signs in again.
    SignInAgain,
    /// The server refused this person the team's database (403).
    NoLongerInTeam,
}

impl SyncStatus {
    /// The line shown: "Synced at 14:03", "Syncing… 1,200 of 11,000", "Offline — 3 changes
    /// waiting", "Not connected", "Sign in again".
    pub fn describe(&self) -> String {
        match self {
            SyncStatus::NotConnected => "Not connected".to_string(),
            SyncStatus::Syncing { done, of: Some(of) } if done <= of => {
                format!("Syncing… {} of {}", thousands(*done), thousands(*of))
            }
            SyncStatus::Syncing { .. } => "Syncing…".to_string(),
            SyncStatus::Synced { at } => format!("Synced at {at}"),
            SyncStatus::Offline { waiting: 0 } => "Offline — nothing waiting".to_string(),
            SyncStatus::Offline { waiting: 1 } => "Offline — 1 change waiting".to_string(),
            SyncStatus::Offline { waiting } => {
                format!("Offline — {} changes waiting", thousands(*waiting))
            }
            SyncStatus::SignInAgain => "Sign in again".to_string(),
            SyncStatus::NoLongerInTeam => "You are no longer in this team".to_string(),
        }
    }
}

/// The number at the start of a sequence, for progress only (sequences stay opaque otherwise):
/// the test peer's `42`, CouchDB's `"42-g1AAAA…"`. `None` for anything else.
pub fn sequence_number(seq: &Value) -> Option<u64> {
    match seq {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => {
            let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
            let rest = &text[digits.len()..];
            (!digits.is_empty() && (rest.is_empty() || rest.starts_with('-')))
                .then(|| digits.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

/// How long to wait before the next try while the server cannot be reached: 2 s doubling to at
/// most 5 minutes, from a fraction (0 to 1, random) of that so a team's devices do not all
/// retry at once; back to the start after a success.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Backoff {
    failures: u32,
}

/// The first wait and the longest, in milliseconds.
pub const FIRST_WAIT_MS: u64 = 2_000;
pub const LONGEST_WAIT_MS: u64 = 5 * 60 * 1_000;

impl Backoff {
    /// After a failure: the wait before the next try, `jitter` (0.0 to 1.0) choosing within the
    /// upper half of the current step.
    pub fn failed(&mut self, jitter: f64) -> u64 {
        let step = FIRST_WAIT_MS
            .saturating_mul(1u64 << self.failures.min(20))
            .min(LONGEST_WAIT_MS);
        self.failures = self.failures.saturating_add(1);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        step / 2 + ((step / 2) as f64 * jitter) as u64
    }

    pub fn succeeded(&mut self) {
        self.failures = 0;
    }
}
