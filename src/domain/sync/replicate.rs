//! Pull and push with CouchDB's replication protocol, the smallest correct subset of sync.md
//! (issue 21): the network behind [`Transport`] (the browser's `fetch`; a native client in tests)
//! and this device's documents behind [`Replica`] (the store's change log; [`MemoryReplica`]
//! natively). Sequences are opaque JSON; a checkpoint is written on both sides after every batch,
//! so a replication cut off anywhere starts again from the last batch, with nothing twice.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::checkpoint::{start_from, BatchSize, ReplicationLog};
use super::revision::{Rev, Revisions};
use super::tree::RevisionTree;

/// An HTTP request to the team's CouchDB, its path from the server's root ("/t-1/_changes?…").
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
}

/// What came back: the status and the JSON body (`Value::Null` when there was none).
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: Value,
}

/// Why a replication stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SyncError {
    #[error("The server cannot be reached: {0}")]
    Offline(String),
    #[error("Sign in again: the server did not accept this session")]
    SignInAgain,
    #[error("You are no longer in this team")]
    NotInTeam,
    #[error("The server answered {status}: {reason}")]
    Server { status: u16, reason: String },
    #[error("The server's answer was not what the replication protocol says: {0}")]
    BadAnswer(String),
    #[error("This browser could not save what was synced: {0}")]
    Store(String),
}

/// The network: one request, one response. `Err` only when no response came.
#[allow(async_fn_in_trait)] // one thread in the browser, and natively in tests: no `Send` bound
pub trait Transport {
    async fn send(&mut self, request: Request) -> Result<Response, String>;
}

/// One revision of a document, pulled or to push: its id, the path to it (newest first), whether
/// it deletes the document, and the envelope it holds (opened by the caller, never here).
#[derive(Debug, Clone, PartialEq)]
pub struct Pulled {
    pub id: String,
    pub path: Vec<Rev>,
    pub deleted: bool,
    pub envelope: Value,
}

/// A leaf revision offered to the server: the same shape as one pulled.
pub type ToPush = Pulled;

/// This device's side of the replication.
#[allow(async_fn_in_trait)]
pub trait Replica {
    /// This side's copy of a replication log.
    async fn log(&self, replication: &str) -> Option<ReplicationLog>;
    /// The revision trees of these documents (missing ones are new here).
    async fn trees(&self, ids: &[String]) -> BTreeMap<String, RevisionTree>;
    /// Applies a pulled batch and the log of `replication` after it, all or nothing.
    async fn apply(
        &mut self,
        replication: &str,
        pulled: Vec<Pulled>,
        log: ReplicationLog,
    ) -> Result<(), String>;
    /// Local changes after local sequence `since`: (sequence, document id), oldest first.
    async fn changes_since(&self, since: u64, limit: usize) -> Vec<(u64, String)>;
    /// The leaves of a document with what each holds, for pushing.
    async fn leaves(&self, id: &str) -> Vec<ToPush>;
    /// Saves this side's copy of a log.
    async fn save_log(&mut self, replication: &str, log: ReplicationLog) -> Result<(), String>;
}

/// What a pull or push did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub batches: usize,
    /// Revisions fetched or sent.
    pub revisions: usize,
    /// Documents the server refused for good (`forbidden`): id and reason. Never retried.
    pub refused: Vec<(String, String)>,
}

/// How many changes a pull batch asks for.
pub const PULL_BATCH: usize = 200;

/// Percent-encodes a query value or a path segment (everything but unreserved characters).
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

async fn call<T: Transport>(
    transport: &mut T,
    method: Method,
    path: String,
    body: Option<Value>,
) -> Result<Response, SyncError> {
    let response = transport
        .send(Request { method, path, body })
        .await
        .map_err(SyncError::Offline)?;
    match response.status {
        404 => Ok(response),
        _ => refusal(&response).map_or(Ok(response), Err),
    }
}

/// What a response that is not a success means: "Sign in again" (401), "no longer in this team"
/// (403), or the server's reason; `None` for a success.
fn refusal(response: &Response) -> Option<SyncError> {
    match response.status {
        200..=299 => None,
        401 => Some(SyncError::SignInAgain),
        403 => Some(SyncError::NotInTeam),
        status => Some(SyncError::Server {
            status,
            reason: response.body["reason"]
                .as_str()
                .unwrap_or("no reason given")
                .chars()
                .take(200)
                .collect(),
        }),
    }
}

fn bad(what: &str) -> SyncError {
    SyncError::BadAnswer(what.to_string())
}

/// Reads the server's copy of a log (`None` when there is none, or it is not one).
async fn remote_log<T: Transport>(
    transport: &mut T,
    database: &str,
    replication: &str,
) -> Result<(Option<ReplicationLog>, Option<String>), SyncError> {
    let response = call(
        transport,
        Method::Get,
        format!("/{database}/_local/{replication}"),
        None,
    )
    .await?;
    if response.status == 404 {
        return Ok((None, None));
    }
    let rev = response.body["_rev"].as_str().map(str::to_string);
    Ok((serde_json::from_value(response.body).ok(), rev))
}

async fn save_remote_log<T: Transport>(
    transport: &mut T,
    database: &str,
    replication: &str,
    log: &ReplicationLog,
    rev: Option<String>,
) -> Result<Option<String>, SyncError> {
    let mut body = serde_json::to_value(log).map_err(|error| bad(&error.to_string()))?;
    if let Some(rev) = rev {
        body["_rev"] = Value::String(rev);
    }
    let response = call(
        transport,
        Method::Put,
        format!("/{database}/_local/{replication}"),
        Some(body),
    )
    .await?;
    Ok(response.body["rev"].as_str().map(str::to_string))
}

/// How long a longpoll asks the server to hold its answer while nothing changes (ms): shorter
/// than a transport's own cut-off, so a quiet team never reads as a lost network.
pub const LONGPOLL_MS: u32 = 25_000;

/// CouchDB's longpoll (`feed=longpoll`): answers as soon as `database` has a change after the last
/// one `replication` pulled into `replica`, or after `timeout_ms` without one. `true` when there
/// is something to pull.
pub async fn wait_for_change<T: Transport, R: Replica>(
    transport: &mut T,
    replica: &R,
    database: &str,
    replication: &str,
    timeout_ms: u32,
) -> Result<bool, SyncError> {
    let since = replica
        .log(replication)
        .await
        .map_or(json!(0), |log| log.source_last_seq);
    let since_text = since.to_string();
    let changes = call(
        transport,
        Method::Get,
        format!(
            "/{database}/_changes?feed=longpoll&since={}&limit=1&timeout={timeout_ms}",
            encode(since_text.trim_matches('"'))
        ),
        None,
    )
    .await?;
    Ok(changes.body["results"]
        .as_array()
        .is_some_and(|results| !results.is_empty()))
}

/// Pulls every change of `database` since the logs agree into `replica`, in batches of `limit`,
/// checkpointing both sides after each.
pub async fn pull<T: Transport, R: Replica>(
    transport: &mut T,
    replica: &mut R,
    database: &str,
    replication: &str,
    session: &str,
    limit: usize,
) -> Result<Summary, SyncError> {
    let (remote, mut remote_rev) = remote_log(transport, database, replication).await?;
    let mut log = replica.log(replication).await;
    let mut since = start_from(log.as_ref(), remote.as_ref()).unwrap_or(json!(0));
    let mut summary = Summary::default();
    loop {
        let since_text = since.to_string();
        let changes = call(
            transport,
            Method::Get,
            format!(
                "/{database}/_changes?style=all_docs&since={}&limit={limit}",
                encode(since_text.trim_matches('"'))
            ),
            None,
        )
        .await?;
        let results = changes.body["results"]
            .as_array()
            .ok_or_else(|| bad("_changes without results"))?;
        if results.is_empty() {
            break;
        }
        let last_seq = changes.body["last_seq"].clone();
        // What each change names, and what of it this side lacks.
        let mut wanted: Vec<(String, Rev)> = Vec::new();
        let ids: Vec<String> = results
            .iter()
            .filter_map(|change| change["id"].as_str().map(str::to_string))
            .collect();
        let trees = replica.trees(&ids).await;
        for change in results {
            let id = change["id"]
                .as_str()
                .ok_or_else(|| bad("a change without an id"))?;
            if id.starts_with("_design/") {
                continue;
            }
            let revs = change["changes"]
                .as_array()
                .ok_or_else(|| bad("a change without revisions"))?
                .iter()
                .map(|rev| {
                    rev["rev"]
                        .as_str()
                        .and_then(|text| Rev::parse(text).ok())
                        .ok_or_else(|| bad("a change with a revision that is not one"))
                })
                .collect::<Result<Vec<Rev>, SyncError>>()?;
            let missing = trees
                .get(id)
                .map_or_else(|| revs.clone(), |tree| tree.missing(&revs));
            wanted.extend(missing.into_iter().map(|rev| (id.to_string(), rev)));
        }
        let pulled = if wanted.is_empty() {
            Vec::new()
        } else {
            fetch(transport, database, &wanted).await?
        };
        summary.revisions += pulled.len();
        summary.batches += 1;
        let next = ReplicationLog::after_batch(log.as_ref(), session, last_seq.clone());
        replica
            .apply(replication, pulled, next.clone())
            .await
            .map_err(SyncError::Store)?;
        remote_rev = save_remote_log(transport, database, replication, &next, remote_rev).await?;
        log = Some(next);
        since = last_seq;
        if results.len() < limit {
            break;
        }
    }
    Ok(summary)
}

/// Fetches these revisions with `_bulk_get?revs=true`, each with its path.
async fn fetch<T: Transport>(
    transport: &mut T,
    database: &str,
    wanted: &[(String, Rev)],
) -> Result<Vec<Pulled>, SyncError> {
    let docs: Vec<Value> = wanted
        .iter()
        .map(|(id, rev)| json!({"id": id, "rev": rev.to_string()}))
        .collect();
    let response = call(
        transport,
        Method::Post,
        format!("/{database}/_bulk_get?revs=true"),
        Some(json!({ "docs": docs })),
    )
    .await?;
    let results = response.body["results"]
        .as_array()
        .ok_or_else(|| bad("_bulk_get without results"))?;
    let mut pulled = Vec::new();
    for result in results {
        for doc in result["docs"].as_array().into_iter().flatten() {
            let Some(doc) = doc.get("ok") else {
                continue; // gone meanwhile: the next _changes names what replaced it
            };
            let id = doc["_id"]
                .as_str()
                .ok_or_else(|| bad("a document without an id"))?;
            let revisions: Revisions = serde_json::from_value(doc["_revisions"].clone())
                .map_err(|_| bad("a document without _revisions"))?;
            let path = revisions
                .path()
                .map_err(|error| SyncError::BadAnswer(error.to_string()))?;
            let stated = doc["_rev"].as_str().and_then(|rev| Rev::parse(rev).ok());
            if stated.as_ref() != path.first() {
                return Err(bad(
                    "a document whose _rev is not the first of its _revisions",
                ));
            }
            pulled.push(Pulled {
                id: id.to_string(),
                path,
                deleted: doc["_deleted"].as_bool().unwrap_or(false),
                envelope: doc["envelope"].clone(),
            });
        }
    }
    Ok(pulled)
}

/// Pushes every local change after the push log into `database`: `_revs_diff` first, then only
/// the missing revisions with `_bulk_docs` and `new_edits: false`, halving a batch the server
/// finds too large (413). A document refused as `forbidden` is reported, never retried.
pub async fn push<T: Transport, R: Replica>(
    transport: &mut T,
    replica: &mut R,
    database: &str,
    replication: &str,
    session: &str,
) -> Result<Summary, SyncError> {
    let (remote, mut remote_rev) = remote_log(transport, database, replication).await?;
    let mut log = replica.log(replication).await;
    let mut since = start_from(log.as_ref(), remote.as_ref())
        .and_then(|seq| seq.as_u64())
        .unwrap_or(0);
    let mut summary = Summary::default();
    let mut size = BatchSize::default();
    loop {
        let changes = replica.changes_since(since, size.get()).await;
        let Some(&(last, _)) = changes.last() else {
            break;
        };
        let mut offered: BTreeMap<String, Vec<ToPush>> = BTreeMap::new();
        for (_, id) in &changes {
            if !offered.contains_key(id) {
                offered.insert(id.clone(), replica.leaves(id).await);
            }
        }
        let diff: serde_json::Map<String, Value> = offered
            .iter()
            .map(|(id, leaves)| {
                let revs = leaves
                    .iter()
                    .filter_map(|leaf| leaf.path.first().map(Rev::to_string))
                    .map(Value::String)
                    .collect();
                (id.clone(), Value::Array(revs))
            })
            .collect();
        let missing = call(
            transport,
            Method::Post,
            format!("/{database}/_revs_diff"),
            Some(Value::Object(diff)),
        )
        .await?;
        let mut docs = Vec::new();
        for (id, leaves) in &offered {
            let wanted: Vec<&str> = missing.body[id.as_str()]["missing"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            for leaf in leaves {
                let Some(rev) = leaf.path.first() else {
                    continue;
                };
                if !wanted.contains(&rev.to_string().as_str()) {
                    continue;
                }
                let revisions = Revisions::of(&leaf.path).ok_or_else(|| {
                    SyncError::Store(format!("the revision path of {id} does not follow"))
                })?;
                let mut doc = json!({
                    "_id": id,
                    "_rev": rev.to_string(),
                    "_revisions": revisions,
                    "envelope": leaf.envelope,
                });
                if leaf.deleted {
                    doc["_deleted"] = Value::Bool(true);
                }
                docs.push(doc);
            }
        }
        if !docs.is_empty() {
            let sent = transport
                .send(Request {
                    method: Method::Post,
                    path: format!("/{database}/_bulk_docs"),
                    body: Some(json!({"docs": docs, "new_edits": false})),
                })
                .await
                .map_err(SyncError::Offline)?;
            if sent.status == 413 {
                size = size.halved().ok_or_else(|| SyncError::Server {
                    status: 413,
                    reason: "a single document is larger than the server accepts".into(),
                })?;
                continue;
            }
            if let Some(error) = refusal(&sent) {
                return Err(error);
            }
            let refused: Vec<(String, String)> = sent
                .body
                .as_array()
                .into_iter()
                .flatten()
                .filter(|result| result["error"].as_str() == Some("forbidden"))
                .map(|result| {
                    (
                        result["id"].as_str().unwrap_or("").to_string(),
                        result["reason"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect();
            summary.revisions += docs.len().saturating_sub(refused.len());
            summary.refused.extend(refused);
        }
        summary.batches += 1;
        let next = ReplicationLog::after_batch(log.as_ref(), session, json!(last));
        remote_rev = save_remote_log(transport, database, replication, &next, remote_rev).await?;
        replica
            .save_log(replication, next.clone())
            .await
            .map_err(SyncError::Store)?;
        log = Some(next);
        since = last;
    }
    Ok(summary)
}
