//! CouchDB revision ids ("3-9c1f…") and revision paths (`_revisions`), read strictly: a server or a
//! peer sends them, so nothing here trusts them (issue 21, sync.md "Replication").

use std::cmp::Ordering;
use std::fmt;

use crate::domain::keys::sha256_hex;
use serde::{Deserialize, Serialize};

/// The longest revision hash read: CouchDB writes 32 hex digits (MD5), we write 32 too; a peer
/// may write longer ones, and nothing longer than this is a revision.
pub const MAX_HASH_CHARS: usize = 64;
/// The most ancestors a path may name (CouchDB's default `_revs_limit`).
pub const MAX_PATH_LENGTH: usize = 1000;

/// One revision of a document: its generation (1 for the first edit) and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rev {
    pub generation: u64,
    pub hash: String,
}

/// Why a revision or a path was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionError {
    #[error("\"{0}\" is not a revision id (a number, a dash and a hexadecimal hash)")]
    NotARevision(String),
    #[error("A revision path must name at least one revision")]
    EmptyPath,
    #[error("A revision path of {0} revisions is longer than the {MAX_PATH_LENGTH} kept")]
    PathTooLong(usize),
    #[error("A revision path starting at generation {start} cannot hold {length} revisions")]
    PathBelowOne { start: u64, length: usize },
    #[error("\"{0}\" is not a revision hash (hexadecimal, at most {MAX_HASH_CHARS} digits)")]
    NotAHash(String),
}

fn is_hash(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_HASH_CHARS
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Rev {
    /// Reads "N-hash": N from 1, the hash lowercase hexadecimal.
    pub fn parse(text: &str) -> Result<Rev, RevisionError> {
        let refuse = || RevisionError::NotARevision(text.chars().take(80).collect());
        let (generation, hash) = text.split_once('-').ok_or_else(refuse)?;
        if generation.is_empty()
            || generation.len() > 20
            || !generation.bytes().all(|b| b.is_ascii_digit())
            || generation.starts_with('0')
            || !is_hash(hash)
        {
            return Err(refuse());
        }
        let generation = generation.parse().map_err(|_| refuse())?;
        Ok(Rev {
            generation,
            hash: hash.to_string(),
        })
    }

    /// The revision that follows `parent` (the first when `None`) with this body: its hash is the
    /// first 128 bits of SHA-256 over the parent's id and the body, so the same edit of the same
    /// revision gets the same id on every device, and different bodies different ids.
    pub fn next(parent: Option<&Rev>, body: &[u8]) -> Rev {
        let parent_id = parent.map(Rev::to_string).unwrap_or_default();
        let mut hashed = (parent_id.len() as u64).to_be_bytes().to_vec();
        hashed.extend_from_slice(parent_id.as_bytes());
        hashed.extend_from_slice(body);
        let mut hash = sha256_hex(&hashed);
        hash.truncate(32);
        Rev {
            generation: parent.map_or(1, |parent| parent.generation.saturating_add(1)),
            hash,
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

/// Revisions compare as CouchDB ranks them: the higher generation, then the higher hash.
impl Ord for Rev {
    fn cmp(&self, other: &Self) -> Ordering {
        self.generation
            .cmp(&other.generation)
            .then_with(|| self.hash.cmp(&other.hash))
    }
}

impl PartialOrd for Rev {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Rev {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rev::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A document's `_revisions`: the generation of its newest revision and the hashes back from it,
/// newest first (as `GET …?revs=true` and `_bulk_docs` with `new_edits: false` carry them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisions {
    pub start: u64,
    pub ids: Vec<String>,
}

impl Revisions {
    /// The path as revisions, newest first; refused when empty, too long, below generation 1 or
    /// with a hash that is not one.
    pub fn path(&self) -> Result<Vec<Rev>, RevisionError> {
        if self.ids.is_empty() {
            return Err(RevisionError::EmptyPath);
        }
        if self.ids.len() > MAX_PATH_LENGTH {
            return Err(RevisionError::PathTooLong(self.ids.len()));
        }
        if (self.ids.len() as u64) > self.start {
            return Err(RevisionError::PathBelowOne {
                start: self.start,
                length: self.ids.len(),
            });
        }
        self.ids
            .iter()
            .enumerate()
            .map(|(back, hash)| {
                if !is_hash(hash) {
                    return Err(RevisionError::NotAHash(hash.chars().take(80).collect()));
                }
                Ok(Rev {
                    generation: self.start - back as u64,
                    hash: hash.clone(),
                })
            })
            .collect()
    }

    /// The `_revisions` of a path, newest first (the reverse of [`Revisions::path`]); `None` for
    /// an empty path or one whose generations do not follow one another.
    pub fn of(path: &[Rev]) -> Option<Revisions> {
        let start = path.first()?.generation;
        let follows = path
            .iter()
            .enumerate()
            .all(|(back, rev)| rev.generation + back as u64 == start);
        follows.then(|| Revisions {
            start,
            ids: path.iter().map(|rev| rev.hash.clone()).collect(),
        })
    }
}
