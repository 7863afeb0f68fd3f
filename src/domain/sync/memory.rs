//! A replica kept in memory: the [`Replica`] the native tests replicate into. The browser's replica
//! is the store's (`store::replica`, IndexedDB); both keep [`Document`]s and follow the same rules: a
//! pulled batch and its checkpoint apply together, every local edit is a new revision in the change
//! log.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::checkpoint::ReplicationLog;
use super::replicate::{Pulled, Replica, ToPush};
use super::revision::Rev;
use super::tree::RevisionTree;

/// One document as a replica keeps it: its revision tree and what each known revision holds. Both
/// replicas (this one and the browser's, `store::replica`) change documents only through these
/// methods, so they follow the same rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub tree: RevisionTree,
    pub bodies: BTreeMap<Rev, Value>,
}

impl Document {
    /// What the winning revision holds.
    pub fn winning_body(&self) -> Option<&Value> {
        self.bodies.get(self.tree.winner()?)
    }

    /// A local edit: a new revision after the winner (or the first), holding `envelope`.
    pub fn edit(&mut self, envelope: Value, deleted: bool) -> Rev {
        let parent = self.tree.winner().cloned();
        self.edit_from(parent, envelope, deleted)
    }

    /// A new revision after `parent` (any leaf, or none for a new document): ending a branch
    /// that lost with a tombstone, as well as editing the winner.
    pub fn edit_from(&mut self, parent: Option<Rev>, envelope: Value, deleted: bool) -> Rev {
        let rev = Rev::next(parent.as_ref(), envelope.to_string().as_bytes());
        let mut path = vec![rev.clone()];
        if let Some(parent) = parent {
            path.extend(self.tree.path_to(&parent));
        }
        self.tree.merge_path(&path, deleted);
        self.bodies.insert(rev.clone(), envelope);
        rev
    }

    /// A pulled revision: its path merged into the tree, what it holds kept.
    pub fn take(&mut self, pulled: Pulled) {
        if let Some(rev) = pulled.path.first() {
            self.bodies.insert(rev.clone(), pulled.envelope);
        }
        self.tree.merge_path(&pulled.path, pulled.deleted);
    }

    /// The leaves of document `id` with what each holds, for pushing.
    pub fn leaves(&self, id: &str) -> Vec<ToPush> {
        self.tree
            .leaves()
            .into_iter()
            .filter_map(|leaf| {
                Some(ToPush {
                    id: id.to_string(),
                    path: self.tree.path_to(leaf),
                    deleted: self.tree.node(leaf)?.deleted,
                    envelope: self.bodies.get(leaf)?.clone(),
                })
            })
            .collect()
    }
}

#[derive(Debug, Clone, Default)]
pub struct MemoryReplica {
    pub documents: BTreeMap<String, Document>,
    /// Local sequence → document: every edit and every pulled revision, in order.
    changes: Vec<(u64, String)>,
    logs: BTreeMap<String, ReplicationLog>,
}

impl MemoryReplica {
    pub fn new() -> Self {
        Self::default()
    }

    fn record(&mut self, id: &str) {
        let seq = self.changes.last().map_or(1, |(seq, _)| seq + 1);
        self.changes.push((seq, id.to_string()));
    }

    /// A local edit: a new revision after the winner (or the first), holding `envelope`.
    pub fn edit(&mut self, id: &str, envelope: Value, deleted: bool) -> Rev {
        let rev = self
            .documents
            .entry(id.to_string())
            .or_default()
            .edit(envelope, deleted);
        self.record(id);
        rev
    }
}

impl Replica for MemoryReplica {
    async fn log(&self, replication: &str) -> Option<ReplicationLog> {
        self.logs.get(replication).cloned()
    }

    async fn trees(&self, ids: &[String]) -> BTreeMap<String, RevisionTree> {
        ids.iter()
            .filter_map(|id| Some((id.clone(), self.documents.get(id)?.tree.clone())))
            .collect()
    }

    async fn apply(
        &mut self,
        replication: &str,
        pulled: Vec<Pulled>,
        log: ReplicationLog,
    ) -> Result<(), String> {
        for doc in pulled {
            let id = doc.id.clone();
            self.documents.entry(id.clone()).or_default().take(doc);
            // Pulled revisions are changes here too (pushing them back is a no-op: _revs_diff).
            self.record(&id);
        }
        self.logs.insert(replication.to_string(), log);
        Ok(())
    }

    async fn changes_since(&self, since: u64, limit: usize) -> Vec<(u64, String)> {
        self.changes
            .iter()
            .filter(|(seq, _)| *seq > since)
            .take(limit)
            .cloned()
            .collect()
    }

    async fn leaves(&self, id: &str) -> Vec<ToPush> {
        self.documents
            .get(id)
            .map_or_else(Vec::new, |document| document.leaves(id))
    }

    async fn save_log(&mut self, replication: &str, log: ReplicationLog) -> Result<(), String> {
        self.logs.insert(replication.to_string(), log);
        Ok(())
    }
}
