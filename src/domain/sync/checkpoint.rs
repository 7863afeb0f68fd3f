//! Replication checkpoints: the replication log each side keeps (`_local/<replication id>` on the
//! server, its copy in IndexedDB), where a replication starts again ("Compare Replication Logs" in
//! CouchDB's replication protocol), and how big the next batch is (issue 21, sync.md).

use crate::domain::keys::sha256_hex;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many sessions a log remembers (CouchDB keeps 50).
pub const HISTORY_KEPT: usize = 50;

/// One session of a replication, as its log remembers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub session_id: String,
    /// The source's sequence this session had replicated up to. Opaque: a number on the test peer,
    /// a string on CouchDB; only ever sent back as it came.
    pub recorded_seq: Value,
}

/// A replication log: the last session and the sequence it reached, then older sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplicationLog {
    pub session_id: String,
    pub source_last_seq: Value,
    #[serde(default)]
    pub history: Vec<SessionRecord>,
}

impl ReplicationLog {
    /// The log after a batch of `session_id` reached `seq`: the session first in the history,
    /// older sessions after it, no more than [`HISTORY_KEPT`].
    pub fn after_batch(previous: Option<&ReplicationLog>, session_id: &str, seq: Value) -> Self {
        let mut history = vec![SessionRecord {
            session_id: session_id.to_string(),
            recorded_seq: seq.clone(),
        }];
        if let Some(previous) = previous {
            history.extend(
                previous
                    .history
                    .iter()
                    .filter(|record| record.session_id != session_id)
                    .cloned(),
            );
        }
        history.truncate(HISTORY_KEPT);
        ReplicationLog {
            session_id: session_id.to_string(),
            source_last_seq: seq,
            history,
        }
    }
}

/// Where a replication starts: the sequence both logs agree was reached, or the beginning
/// (`None`) when either log is missing or they share no session (a wiped browser, a restored
/// server). The protocol's rule: the same last session → its `source_last_seq`; otherwise the
/// newest session both histories hold → its `recorded_seq`.
pub fn start_from(
    source: Option<&ReplicationLog>,
    target: Option<&ReplicationLog>,
) -> Option<Value> {
    let (source, target) = (source?, target?);
    if source.session_id == target.session_id {
        return Some(source.source_last_seq.clone());
    }
    source.history.iter().find_map(|record| {
        target
            .history
            .iter()
            .any(|other| other.session_id == record.session_id)
            .then(|| record.recorded_seq.clone())
    })
}

/// The id of a replication between this browser (`client_id`, random, kept locally) and one
/// team database, one per direction: the name of both sides' `_local` logs. Hex, so it names
/// neither the browser nor the database to anyone reading the server.
pub fn replication_id(client_id: &str, database_url: &str, direction: Direction) -> String {
    let mut hashed = Vec::new();
    for part in [client_id, database_url, direction.word()] {
        hashed.extend_from_slice(&(part.len() as u64).to_be_bytes());
        hashed.extend_from_slice(part.as_bytes());
    }
    let mut id = sha256_hex(&hashed);
    id.truncate(32);
    id
}

/// Which way a replication goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Pull,
    Push,
}

impl Direction {
    fn word(self) -> &'static str {
        match self {
            Direction::Pull => "pull",
            Direction::Push => "push",
        }
    }
}

/// The size of push batches: a few hundred documents; halved when the server says a request was
/// too large (HTTP 413), never below one; a single document too large is the caller's to report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchSize(usize);

/// The documents a batch starts with.
pub const BATCH_DOCUMENTS: usize = 200;

impl Default for BatchSize {
    fn default() -> Self {
        BatchSize(BATCH_DOCUMENTS)
    }
}

impl BatchSize {
    pub fn get(self) -> usize {
        self.0
    }

    /// After a 413: half as many, or `None` when a single document was already too large.
    pub fn halved(self) -> Option<BatchSize> {
        (self.0 > 1).then_some(BatchSize(self.0 / 2))
    }
}
