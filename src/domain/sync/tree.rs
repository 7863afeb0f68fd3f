//! A document's revision tree, kept as CouchDB keeps it: every revision known with its parent (a
//! stemmed tree may have several roots), which leaves are deleted, and the winner CouchDB would
//! pick, so every replica of a document agrees on which revision it shows whatever order the
//! revisions arrived in (issue 21, sync.md "Replication").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::revision::Rev;

/// What the tree knows of one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Its parent, when known (`None` for a first edit, or where older history was stemmed).
    pub parent: Option<Rev>,
    /// A tombstone: the revision that deleted the document on its branch.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// Every revision of one document this replica knows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionTree {
    nodes: BTreeMap<Rev, Node>,
}

/// What merging a path changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    /// Every revision in it was known already.
    Nothing,
    /// It added revisions (its newest, at least).
    Added,
}

impl RevisionTree {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.nodes.contains_key(rev)
    }

    pub fn node(&self, rev: &Rev) -> Option<&Node> {
        self.nodes.get(rev)
    }

    /// Takes in a revision path, newest first (as [`super::Revisions::path`] reads it), whose
    /// newest revision is deleted or not. Revisions already known keep what they were; a known
    /// revision whose parent was stemmed learns it. The generations must follow one another.
    pub fn merge_path(&mut self, path: &[Rev], deleted: bool) -> Merged {
        let Some(newest) = path.first() else {
            return Merged::Nothing;
        };
        debug_assert!(path
            .windows(2)
            .all(|pair| pair[0].generation == pair[1].generation + 1));
        let added = !self.nodes.contains_key(newest);
        for (at, rev) in path.iter().enumerate() {
            let parent = path.get(at + 1).cloned();
            match self.nodes.get_mut(rev) {
                Some(node) => {
                    if node.parent.is_none() {
                        node.parent = parent;
                    }
                }
                None => {
                    self.nodes.insert(
                        rev.clone(),
                        Node {
                            parent,
                            deleted: at == 0 && deleted,
                        },
                    );
                }
            }
        }
        if added {
            Merged::Added
        } else {
            Merged::Nothing
        }
    }

    /// The revisions no other revision follows: the tips of the branches.
    pub fn leaves(&self) -> Vec<&Rev> {
        let parents: BTreeSet<&Rev> = self
            .nodes
            .values()
            .filter_map(|node| node.parent.as_ref())
            .collect();
        self.nodes
            .keys()
            .filter(|rev| !parents.contains(rev))
            .collect()
    }

    /// The revision CouchDB shows: of the leaves, one not deleted if there is one, then the higher
    /// generation, then the higher hash. `None` for an empty tree.
    pub fn winner(&self) -> Option<&Rev> {
        self.leaves().into_iter().max_by(|a, b| {
            let alive = |rev: &Rev| !self.nodes[rev].deleted;
            alive(a).cmp(&alive(b)).then_with(|| a.cmp(b))
        })
    }

    /// Whether the document is deleted: its winner is a tombstone (every leaf is one).
    pub fn is_deleted(&self) -> bool {
        self.winner().is_some_and(|rev| self.nodes[rev].deleted)
    }

    /// The other leaves that are not deleted: the document's open conflicts.
    pub fn conflicts(&self) -> Vec<&Rev> {
        let winner = self.winner();
        self.leaves()
            .into_iter()
            .filter(|rev| Some(*rev) != winner && !self.nodes[*rev].deleted)
            .collect()
    }

    /// The path back from `rev`, newest first, as far as the tree knows it (for `_revisions`).
    pub fn path_to(&self, rev: &Rev) -> Vec<Rev> {
        let mut path = Vec::new();
        let mut at = Some(rev.clone());
        while let Some(rev) = at {
            let Some(node) = self.nodes.get(&rev) else {
                break;
            };
            at = node.parent.clone();
            path.push(rev);
            if path.len() >= super::revision::MAX_PATH_LENGTH {
                break;
            }
        }
        path
    }

    /// Of these revisions, the ones this tree lacks (`_revs_diff`'s "missing"), in order, once each.
    pub fn missing<'a>(&self, revs: impl IntoIterator<Item = &'a Rev>) -> Vec<Rev> {
        let mut seen = BTreeSet::new();
        revs.into_iter()
            .filter(|rev| !self.nodes.contains_key(rev) && seen.insert((*rev).clone()))
            .cloned()
            .collect()
    }
}
