//! Team sync on CouchDB (issue 21, `../shared/docs/sync.md`): the protocol's pure logic, natively
//! tested. So far: revision ids and paths ([`revision`]), a document's revision tree and the
//! winner CouchDB picks ([`tree`]), replication logs and where a replication starts, batch sizes
//! ([`checkpoint`]), the field-by-field merge with its conflicts ([`merge`]), and the envelope a
//! document travels in, sealed and opened ([`envelope`]), team keys wrapped to members
//! ([`keyring`]), the signed team list and its epochs ([`epochs`]), and pull and push
//! ([`replicate`], [`memory`]). The browser's side is `team_sync`, `net` and `store::replica`.

pub mod checkpoint;
pub mod conflicts;
pub mod connect;
pub mod documents;
pub mod envelope;
pub mod epochs;
pub mod keyring;
pub mod memory;
pub mod merge;
pub mod replicate;
pub mod revision;
pub mod server_setup;
pub mod status;
pub mod tree;

pub use checkpoint::{
    replication_id, start_from, BatchSize, Direction, ReplicationLog, SessionRecord,
};
pub use merge::{merge, Conflict, Field, Fields, Hlc, Merge};
pub use revision::{Rev, RevisionError, Revisions};
pub use tree::{Merged, Node, RevisionTree};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod envelope_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod epochs_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod keyring_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
