//! The browser's side of team sync (issue 21): the sealed documents this device holds, their
//! revision trees, a change log and the replication logs, in IndexedDB — the [`Replica`] that
//! `domain::sync::replicate`'s `pull` and `push` work on. Documents change only through
//! [`Document`]'s methods, the same as in `MemoryReplica`, so both follow one set of rules.
//!
//! - `sync_documents`: document id → its tree, what each revision holds, and its place in the log.
//! - `sync_changes`: the change log, `"{sequence:020}"` → document id, one entry per document (its
//!   latest change), so a push walks what changed since its checkpoint in order, each once.
//! - `sync_logs`: replication id → this side's replication log; `~sequence` → the last sequence;
//!   `~connection`, `~client` and other small values of team sync's own (`setting`).
//!
//! A pulled batch, its log and their change-log entries are one transaction: a tab closed mid-batch
//! leaves the batch wholly there or wholly absent, and the checkpoint agrees with it.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use super::{
    read_error, stored_value, write_error, AssessmentRecord, CaseRecord, PlanRecord, Record,
    SigningRecord, Store, StoreError, ASSESSMENTS, CASES, PLANS, SIGNING,
};
use crate::domain::sync::memory::Document;
use crate::domain::sync::replicate::{Pulled, Replica, ToPush};
use crate::domain::sync::{Fields, ReplicationLog, Rev, RevisionTree};

pub const SYNC_DOCUMENTS: &str = "sync_documents";
pub const SYNC_CHANGES: &str = "sync_changes";
pub const SYNC_LOGS: &str = "sync_logs";
const STORES: [&str; 3] = [SYNC_DOCUMENTS, SYNC_CHANGES, SYNC_LOGS];
/// The key of the last sequence used (no replication id starts with `~`: they are hex).
const SEQUENCE_KEY: &str = "~sequence";

/// A document as stored: the document, the sequence of its latest change here, and, for a record's
/// document, the fields this device last agreed with the team (the common ancestor of the next
/// merge; never sent).
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    seq: u64,
    #[serde(flatten)]
    document: Document,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agreed: Option<Fields>,
}

impl Stored {
    fn new() -> Stored {
        Stored {
            seq: 0,
            document: Document::default(),
            agreed: None,
        }
    }
}

fn change_key(seq: u64) -> String {
    format!("{seq:020}")
}

/// The team's documents in this browser's workbook database.
#[derive(Debug, Clone)]
pub struct IdbReplica {
    store: Store,
}

impl IdbReplica {
    pub fn new(store: &Store) -> Self {
        IdbReplica {
            store: store.clone(),
        }
    }

    fn transaction(&self, mode: TransactionMode) -> Result<Transaction<'_>, StoreError> {
        self.store
            .db
            .transaction(STORES)
            .with_mode(mode)
            .build()
            .map_err(if mode == TransactionMode::Readwrite {
                write_error
            } else {
                read_error
            })
    }

    /// One document, if this device holds it.
    pub async fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let transaction = self.transaction(TransactionMode::Readonly)?;
        Ok(stored(&transaction, id, StoreError::Read)
            .await?
            .map(|stored| stored.document))
    }

    /// A local edit of document `id`: a new revision after its winner holding `envelope` (a
    /// tombstone if `deleted`), logged as a change to push. Returns the new revision.
    pub async fn edit(&self, id: &str, envelope: Value, deleted: bool) -> Result<Rev, StoreError> {
        let winner = self
            .document(id)
            .await?
            .and_then(|document| document.tree.winner().cloned());
        self.edit_after(id, winner.as_ref(), envelope, deleted, None)
            .await?
            .ok_or_else(|| StoreError::Write("the document changed meanwhile".into()))
    }

    /// A local edit sealed after `parent` (what its associated data binds): made only if `parent`
    /// is still the winner (`Ok(None)` if a pull moved it meanwhile: seal again). `agreed`, if
    /// given, becomes the fields agreed with the team, in the same transaction.
    pub async fn edit_after(
        &self,
        id: &str,
        parent: Option<&Rev>,
        envelope: Value,
        deleted: bool,
        agreed: Option<Fields>,
    ) -> Result<Option<Rev>, StoreError> {
        self.edit_ending(id, parent, (envelope, deleted), agreed, Vec::new())
            .await
    }

    /// [`IdbReplica::edit_after`] for a document that branched: each `(leaf, envelope)` in
    /// `ended` ends that branch with a tombstone, and the new revision follows the winner
    /// `parent`, all in one transaction (refused, `None`, if the winner moved).
    pub async fn edit_after_ending(
        &self,
        id: &str,
        parent: Option<&Rev>,
        envelope: Value,
        agreed: Option<Fields>,
        ended: Vec<(Rev, Value)>,
    ) -> Result<Option<Rev>, StoreError> {
        self.edit_ending(id, parent, (envelope, false), agreed, ended)
            .await
    }

    async fn edit_ending(
        &self,
        id: &str,
        parent: Option<&Rev>,
        (envelope, deleted): (Value, bool),
        agreed: Option<Fields>,
        ended: Vec<(Rev, Value)>,
    ) -> Result<Option<Rev>, StoreError> {
        let transaction = self.transaction(TransactionMode::Readwrite)?;
        let mut sequence = Sequence::read(&transaction).await?;
        let mut document = stored(&transaction, id, StoreError::Write)
            .await?
            .unwrap_or_else(Stored::new);
        if document.document.tree.winner() != parent {
            return Ok(None);
        }
        for (leaf, tombstone) in ended {
            document.document.edit_from(Some(leaf), tombstone, true);
        }
        let rev = document
            .document
            .edit_from(parent.cloned(), envelope, deleted);
        if agreed.is_some() {
            document.agreed = agreed;
        }
        write_document(&transaction, id, document, &mut sequence).await?;
        sequence.write(&transaction).await?;
        transaction.commit().await.map_err(write_error)?;
        Ok(Some(rev))
    }

    /// A document with the fields this device last agreed with the team for its record, if any.
    pub async fn document_and_agreed(
        &self,
        id: &str,
    ) -> Result<Option<(Document, Option<Fields>)>, StoreError> {
        let transaction = self.transaction(TransactionMode::Readonly)?;
        Ok(stored(&transaction, id, StoreError::Read)
            .await?
            .map(|stored| (stored.document, stored.agreed)))
    }

    /// Records `agreed` as the fields agreed for document `id`, without a new revision (what was
    /// pulled is what this device has).
    pub async fn set_agreed(&self, id: &str, agreed: Fields) -> Result<(), StoreError> {
        let transaction = self.transaction(TransactionMode::Readwrite)?;
        let Some(mut document) = stored(&transaction, id, StoreError::Write).await? else {
            return Ok(());
        };
        document.agreed = Some(agreed);
        let documents = transaction
            .object_store(SYNC_DOCUMENTS)
            .map_err(write_error)?;
        super::put_value(&documents, id, &document).await?;
        transaction.commit().await.map_err(write_error)
    }

    /// The last sequence of this device's change log (a pull's changes are those after it).
    pub async fn last_sequence(&self) -> Result<u64, StoreError> {
        let transaction = self.transaction(TransactionMode::Readonly)?;
        let logs = transaction.object_store(SYNC_LOGS).map_err(read_error)?;
        Ok(stored_value(&logs, SEQUENCE_KEY, StoreError::Read)
            .await?
            .and_then(|value| value.as_u64())
            .unwrap_or(0))
    }

    /// A small value of team sync's own (the connection, this browser's client id), cleared with
    /// the team data.
    pub async fn setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        self.store
            .get_value(SYNC_LOGS, &format!("~{key}"))
            .await?
            .map(|value| serde_json::from_value(value).map_err(read_error))
            .transpose()
    }

    pub async fn put_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        self.store.put(SYNC_LOGS, &format!("~{key}"), value).await
    }

    /// How many documents this device holds.
    pub async fn count(&self) -> Result<u32, StoreError> {
        let transaction = self.transaction(TransactionMode::Readonly)?;
        let documents = transaction
            .object_store(SYNC_DOCUMENTS)
            .map_err(read_error)?;
        documents
            .count()
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)
    }

    /// Removes every team document, the change log and the replication logs from this browser
    /// (disconnecting, or no longer in the team), in one transaction.
    pub async fn clear(&self) -> Result<(), StoreError> {
        let transaction = self.transaction(TransactionMode::Readwrite)?;
        for name in STORES {
            transaction
                .object_store(name)
                .map_err(write_error)?
                .clear()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
        }
        transaction.commit().await.map_err(write_error)
    }
}

async fn stored(
    transaction: &Transaction<'_>,
    id: &str,
    as_error: fn(String) -> StoreError,
) -> Result<Option<Stored>, StoreError> {
    let documents = transaction
        .object_store(SYNC_DOCUMENTS)
        .map_err(|error| as_error(error.to_string()))?;
    stored_value(&documents, id, as_error)
        .await?
        .map(|value| serde_json::from_value(value).map_err(|error| as_error(error.to_string())))
        .transpose()
}

/// The last sequence used, read once per transaction and written back before it commits.
struct Sequence(u64);

impl Sequence {
    async fn read(transaction: &Transaction<'_>) -> Result<Sequence, StoreError> {
        let logs = transaction.object_store(SYNC_LOGS).map_err(write_error)?;
        Ok(Sequence(
            stored_value(&logs, SEQUENCE_KEY, StoreError::Write)
                .await?
                .and_then(|value| value.as_u64())
                .unwrap_or(0),
        ))
    }

    fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }

    async fn write(&self, transaction: &Transaction<'_>) -> Result<(), StoreError> {
        let logs = transaction.object_store(SYNC_LOGS).map_err(write_error)?;
        super::put_value(&logs, SEQUENCE_KEY, &self.0).await
    }
}

/// Writes a changed document under the next sequence, moving its change-log entry there.
async fn write_document(
    transaction: &Transaction<'_>,
    id: &str,
    mut document: Stored,
    sequence: &mut Sequence,
) -> Result<(), StoreError> {
    let changes = transaction
        .object_store(SYNC_CHANGES)
        .map_err(write_error)?;
    if document.seq > 0 {
        changes
            .delete(change_key(document.seq))
            .primitive()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
    }
    document.seq = sequence.next();
    super::put_value(&changes, &change_key(document.seq), &id).await?;
    let documents = transaction
        .object_store(SYNC_DOCUMENTS)
        .map_err(write_error)?;
    super::put_value(&documents, id, &document).await
}

impl Replica for IdbReplica {
    async fn log(&self, replication: &str) -> Option<ReplicationLog> {
        let value = self.store.get_value(SYNC_LOGS, replication).await.ok()??;
        serde_json::from_value(value).ok()
    }

    async fn trees(&self, ids: &[String]) -> BTreeMap<String, RevisionTree> {
        let mut trees = BTreeMap::new();
        let Ok(transaction) = self.transaction(TransactionMode::Readonly) else {
            return trees;
        };
        for id in ids {
            if let Ok(Some(stored)) = stored(&transaction, id, StoreError::Read).await {
                trees.insert(id.clone(), stored.document.tree);
            }
        }
        trees
    }

    async fn apply(
        &mut self,
        replication: &str,
        pulled: Vec<Pulled>,
        log: ReplicationLog,
    ) -> Result<(), String> {
        let apply = async {
            let transaction = self.transaction(TransactionMode::Readwrite)?;
            let mut sequence = Sequence::read(&transaction).await?;
            // One write per document, however many of its revisions came in the batch.
            let mut changed: BTreeMap<String, Stored> = BTreeMap::new();
            for doc in pulled {
                let id = doc.id.clone();
                let entry = match changed.remove(&id) {
                    Some(entry) => entry,
                    None => stored(&transaction, &id, StoreError::Write)
                        .await?
                        .unwrap_or_else(Stored::new),
                };
                let mut entry = entry;
                entry.document.take(doc);
                changed.insert(id, entry);
            }
            for (id, document) in changed {
                write_document(&transaction, &id, document, &mut sequence).await?;
            }
            sequence.write(&transaction).await?;
            let logs = transaction.object_store(SYNC_LOGS).map_err(write_error)?;
            super::put_value(&logs, replication, &log).await?;
            transaction.commit().await.map_err(write_error)
        };
        apply.await.map_err(|error: StoreError| error.to_string())
    }

    async fn changes_since(&self, since: u64, limit: usize) -> Vec<(u64, String)> {
        let read = async {
            let transaction = self.transaction(TransactionMode::Readonly)?;
            let changes = transaction.object_store(SYNC_CHANGES).map_err(read_error)?;
            let limit = u32::try_from(limit).unwrap_or(u32::MAX);
            let from = change_key(since.saturating_add(1));
            let keys: Vec<String> = changes
                .get_all_keys::<String>()
                .with_query(from.clone()..)
                .with_limit(limit)
                .primitive()
                .map_err(read_error)?
                .await
                .map_err(read_error)?
                .filter_map(Result::ok)
                .collect();
            let ids: Vec<String> = changes
                .get_all::<String>()
                .with_query(from..)
                .with_limit(limit)
                .serde()
                .map_err(read_error)?
                .await
                .map_err(read_error)?
                .filter_map(Result::ok)
                .collect();
            Ok::<_, StoreError>(
                keys.iter()
                    .zip(ids)
                    .filter_map(|(key, id)| Some((key.parse::<u64>().ok()?, id)))
                    .collect(),
            )
        };
        read.await.unwrap_or_default()
    }

    async fn leaves(&self, id: &str) -> Vec<ToPush> {
        match self.document(id).await {
            Ok(Some(document)) => document.leaves(id),
            _ => Vec::new(),
        }
    }

    async fn save_log(&mut self, replication: &str, log: ReplicationLog) -> Result<(), String> {
        self.store
            .put(SYNC_LOGS, replication, &log)
            .await
            .map_err(|error| error.to_string())
    }
}

impl Store {
    /// Every record of `store` as stored JSON, by key, in one read (what cannot be read is left
    /// out).
    pub async fn synced_values(
        &self,
        store: &str,
    ) -> Result<std::collections::HashMap<String, Value>, StoreError> {
        let transaction = self.db.transaction(store).build().map_err(read_error)?;
        let (keys, values) = super::keys_and_values(&transaction, store).await?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(key, value)| Some((key.ok()?, value.ok()?)))
            .collect())
    }

    /// A synced record's stored JSON (`None` if this browser has none).
    pub async fn synced_value(&self, store: &str, key: &str) -> Result<Option<Value>, StoreError> {
        self.get_value(store, key).await
    }

    /// Writes a record that came from the team: read as this build's record (an older layout
    /// brought up to date, a newer build's refused), written whole with the next revision and
    /// announced, so open tabs take it as they take another tab's save. Only if the record here is
    /// still at the revision of `read`, the value the merge read (`None`: there was none), in the
    /// same transaction: a save made here since is never written over (`Ok(None)`: read and merge
    /// again).
    /// Returns the revision written.
    pub async fn put_synced(
        &self,
        store: &str,
        key: &str,
        value: Value,
        read: Option<&Value>,
    ) -> Result<Option<u64>, StoreError> {
        let read = read.map(super::stored_revision);
        match store {
            CASES => self.put_synced_as::<CaseRecord>(key, value, read).await,
            ASSESSMENTS => {
                self.put_synced_as::<AssessmentRecord>(key, value, read)
                    .await
            }
            PLANS => self.put_synced_as::<PlanRecord>(key, value, read).await,
            SIGNING => self.put_synced_as::<SigningRecord>(key, value, read).await,
            _ => Err(StoreError::Missing("synced record")),
        }
    }

    async fn put_synced_as<R: Record>(
        &self,
        key: &str,
        value: Value,
        read: Option<u64>,
    ) -> Result<Option<u64>, StoreError> {
        let record: R = super::read_record(value)?;
        let transaction = self
            .db
            .transaction(R::STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let now = super::stored_value(
            &transaction.object_store(R::STORE).map_err(write_error)?,
            key,
            StoreError::Write,
        )
        .await?
        .map(|value| super::stored_revision(&value));
        if now != read {
            return Ok(None);
        }
        let revision = super::replace(&transaction, key, &record).await?;
        transaction.commit().await.map_err(write_error)?;
        self.announce_all([(R::STORE, key.to_string(), revision)]);
        Ok(Some(revision))
    }
}

impl Store {
    /// Deletes every record of these cases (team cases leaving with the team data), in one
    /// transaction, open or closed, and tells the other tabs.
    pub async fn remove_cases(&self, ids: &[String]) -> Result<(), StoreError> {
        let transaction = self.case_transaction()?;
        let deleted = super::delete_records(&transaction, ids, false).await?;
        transaction.commit().await.map_err(write_error)?;
        self.announce_all(deleted);
        Ok(())
    }
}
