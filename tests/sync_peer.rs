//! The replicator against the team sync test peer (issue 21): a real CouchDB-protocol server on
//! loopback (`tests/team-server/server.mjs`, started and stopped here), two replicas in memory
//! pushing and pulling through it. Needs `node` and the npm packages (`make setup-test`).
#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::io::{BufRead, BufReader};
use std::pin::pin;
use std::process::{Child, Command, Stdio};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use probation_workbook::domain::sync::memory::MemoryReplica;
use probation_workbook::domain::sync::replicate::{
    pull, push, wait_for_change, Method, Replica, Request, Response, SyncError, Transport,
};
use probation_workbook::domain::sync::{replication_id, Direction};
use serde_json::{json, Value};

/// Runs a future whose every await is ready at once (the blocking transport below).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

struct Peer {
    child: Child,
    base: String,
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ADMIN: (&str, &str) = ("admin", "sync-test-admin");

/// Starts the test peer on a free port and sets up a team with `workbook team-server`: its
/// database, an officer (alex) and a senior (sam).
fn start_peer() -> (Peer, Team) {
    let mut child = Command::new("node")
        .args(["tests/team-server/server.mjs", "--port", "0"])
        .env("TEAM_SERVER_ADMIN", ADMIN.0)
        .env("TEAM_SERVER_PASSWORD", ADMIN.1)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs the test peer (make setup-test installs it)");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut base = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("team server: http://") {
            base = format!("http://{}", rest.split(' ').next().unwrap());
        }
        if line == "team server: ready" {
            break;
        }
    }
    assert!(
        base.starts_with("http://127.0.0.1:"),
        "the peer said where it listens"
    );
    // The rest of its output is drained so the pipe never fills.
    std::thread::spawn(move || for _ in lines {});
    let peer = Peer { child, base };
    let base = peer.base.as_str();
    let setup = team_server("setup", base, "north", &[]);
    let member = |more: &[&str]| {
        team_server("add-member", base, "north", more)["password"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let team = Team {
        database: setup["database"].as_str().unwrap().to_string(),
        officer: member(&["--name", "alex"]),
        senior: member(&["--name", "sam", "--senior"]),
    };
    (peer, team)
}

/// A team on the peer: its database and its members' first passwords.
struct Team {
    database: String,
    officer: String,
    senior: String,
}

/// Plain HTTP to the peer with a `_session` cookie: what the browser's `fetch` does.
struct Http {
    agent: ureq::Agent,
    base: String,
    cookie: String,
    /// Every request, to count them.
    sent: Vec<Request>,
}

impl Http {
    fn signed_in(base: &str, name: &str, password: &str) -> Http {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let response = agent
            .post(&format!("{base}/_session"))
            .header("content-type", "application/json")
            .send(json!({"name": name, "password": password}).to_string())
            .unwrap();
        assert_eq!(response.status(), 200, "{name} signs in");
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .unwrap()
            .to_string();
        Http {
            agent,
            base: base.to_string(),
            cookie,
            sent: Vec::new(),
        }
    }
}

impl Transport for Http {
    async fn send(&mut self, request: Request) -> Result<Response, String> {
        self.sent.push(request.clone());
        let url = format!("{}{}", self.base, request.path);
        let result = match (request.method, &request.body) {
            (Method::Get, _) => self.agent.get(&url).header("cookie", &self.cookie).call(),
            (method, body) => {
                let body = body.clone().unwrap_or(Value::Null).to_string();
                let builder = match method {
                    Method::Put => self.agent.put(&url),
                    _ => self.agent.post(&url),
                };
                builder
                    .header("cookie", &self.cookie)
                    .header("content-type", "application/json")
                    .send(body)
            }
        };
        let mut response = result.map_err(|error| error.to_string())?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|error| error.to_string())?;
        if std::env::var_os("SYNC_DEBUG").is_some() {
            eprintln!(
                "{:?} {} {:?} -> {status} {}",
                request.method,
                request.path,
                request
                    .body
                    .as_ref()
                    .map(|b| b.to_string().chars().take(300).collect::<String>()),
                text.chars().take(300).collect::<String>()
            );
        }
        Ok(Response {
            status,
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        })
    }
}

fn envelope(text: &str) -> Value {
    json!({"v": 1, "schema": 10, "epoch": 1, "by": "3545 CE2B 9053 ED4A B29D 1AC1 8CEE 1033", "iv": "CQkJCQkJCQkJCQkJ", "ct": text, "sig": "c2ln"})
}

fn id(n: u8) -> String {
    format!("{n:032x}")
}

fn sync(
    http: &mut Http,
    replica: &mut MemoryReplica,
    database: &str,
    client: &str,
) -> (usize, usize) {
    let url = format!("{}/{database}", http.base);
    let pushed = block_on(push(
        http,
        replica,
        database,
        &replication_id(client, &url, Direction::Push),
        "s1",
    ))
    .unwrap();
    let pulled = block_on(pull(
        http,
        replica,
        database,
        &replication_id(client, &url, Direction::Pull),
        "s1",
        2,
    ))
    .unwrap();
    (pushed.revisions, pulled.revisions)
}

#[test]
fn two_devices_push_and_pull_through_the_peer_and_agree() {
    let (peer, team) = start_peer();
    let database = team.database.clone();
    let mut officer = Http::signed_in(&peer.base, "alex", &team.officer);
    let mut senior = Http::signed_in(&peer.base, "sam", &team.senior);
    let (mut laptop, mut desk) = (MemoryReplica::new(), MemoryReplica::new());

    // The officer's laptop writes five documents and pushes them.
    for n in 1..=5 {
        laptop.edit(&id(n), envelope(&format!("case-{n}")), false);
    }
    assert_eq!(sync(&mut officer, &mut laptop, &database, "laptop"), (5, 0));
    // The senior's desk pulls them, in batches of two, each checkpointed.
    let before = senior.sent.len();
    assert_eq!(sync(&mut senior, &mut desk, &database, "desk"), (0, 5));
    let checkpoints = senior.sent[before..]
        .iter()
        .filter(|request| request.method == Method::Put && request.path.contains("/_local/"))
        .count();
    assert!(
        checkpoints >= 3,
        "a checkpoint after every batch ({checkpoints})"
    );
    for n in 1..=5 {
        let (a, b) = (&laptop.documents[&id(n)], &desk.documents[&id(n)]);
        assert_eq!(a.tree.winner(), b.tree.winner());
        assert_eq!(b.winning_body(), Some(&envelope(&format!("case-{n}"))));
    }
    // Nothing new: nothing fetched, nothing sent.
    assert_eq!(sync(&mut senior, &mut desk, &database, "desk"), (0, 0));

    // Both edit document 2 offline, and the senior also document 3; both sync, in either order.
    laptop.edit(&id(2), envelope("laptop-edit"), false);
    desk.edit(&id(2), envelope("desk-edit"), false);
    desk.edit(&id(3), envelope("desk-only"), false);
    sync(&mut officer, &mut laptop, &database, "laptop");
    sync(&mut senior, &mut desk, &database, "desk");
    sync(&mut officer, &mut laptop, &database, "laptop");
    for n in 1..=5 {
        let (a, b) = (&laptop.documents[&id(n)], &desk.documents[&id(n)]);
        assert_eq!(
            a.tree, b.tree,
            "document {n}: the same revisions on both devices"
        );
        assert_eq!(a.tree.winner(), b.tree.winner());
    }
    let two = &laptop.documents[&id(2)];
    assert_eq!(
        two.tree.conflicts().len(),
        1,
        "both edits kept: one wins, the other is a conflict"
    );
    assert_eq!(
        laptop.documents[&id(3)].winning_body(),
        Some(&envelope("desk-only"))
    );

    // PouchDB in Node, a second and independent peer, pulls the same database: it sees our
    // revisions, and its winner and conflicts are ours.
    let second = Command::new("node")
        .args([
            "tests/team-server/second-peer.mjs",
            &peer.base,
            &database,
            &officer.cookie,
        ])
        .output()
        .unwrap();
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let seen: Value = serde_json::from_slice(&second.stdout).unwrap();
    for n in 1..=5 {
        let tree = &laptop.documents[&id(n)].tree;
        let mut conflicts: Vec<String> =
            tree.conflicts().iter().map(|rev| rev.to_string()).collect();
        conflicts.sort();
        assert_eq!(
            seen[id(n)],
            json!({"rev": tree.winner().unwrap().to_string(), "conflicts": conflicts}),
            "document {n}"
        );
    }

    // The server agrees on every winner.
    for n in 1..=5 {
        let response = block_on(officer.send(Request {
            method: Method::Get,
            path: format!("/{database}/{}?conflicts=true", id(n)),
            body: None,
        }))
        .unwrap();
        let winner = laptop.documents[&id(n)].tree.winner().unwrap().to_string();
        assert_eq!(response.body["_rev"], json!(winner), "document {n}");
    }
}

#[test]
fn a_longpoll_is_held_while_nothing_changes_and_answers_at_once_when_the_team_writes() {
    let (peer, team) = start_peer();
    let database = team.database.clone();
    let mut officer = Http::signed_in(&peer.base, "alex", &team.officer);
    let mut senior = Http::signed_in(&peer.base, "sam", &team.senior);
    let (mut laptop, mut desk) = (MemoryReplica::new(), MemoryReplica::new());
    laptop.edit(&id(1), envelope("case-1"), false);
    sync(&mut officer, &mut laptop, &database, "laptop");
    sync(&mut senior, &mut desk, &database, "desk");
    let desk_pull = replication_id(
        "desk",
        &format!("{}/{database}", senior.base),
        Direction::Pull,
    );
    // Caught up: the server holds the answer until the timeout, then says nothing changed.
    let started = Instant::now();
    let changed = block_on(wait_for_change(
        &mut senior,
        &desk,
        &database,
        &desk_pull,
        1_500,
    ));
    assert_eq!(changed, Ok(false));
    assert!(
        started.elapsed() >= Duration::from_millis(1_200),
        "held, not answered at once ({:?})",
        started.elapsed()
    );
    // The officer changes something: the wait answers without waiting out its timeout, and the
    // pull brings that one change.
    laptop.edit(&id(1), envelope("case-1 edited"), false);
    sync(&mut officer, &mut laptop, &database, "laptop");
    let started = Instant::now();
    let changed = block_on(wait_for_change(
        &mut senior,
        &desk,
        &database,
        &desk_pull,
        60_000,
    ));
    assert_eq!(changed, Ok(true));
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(sync(&mut senior, &mut desk, &database, "desk"), (0, 1));
    assert_eq!(
        desk.documents[&id(1)].winning_body(),
        Some(&envelope("case-1 edited"))
    );
}

/// The connection to the server cut at the `nth` request whose path holds `path`: with
/// `reached`, the request reaches the server and is applied and its answer is lost (the server
/// stopped after committing it); without, it never reaches the server. The test peer keeps its
/// databases in memory, so a stopped peer cannot be started again with them: this is the server's
/// death as the replicator sees it.
struct Cut {
    http: Http,
    path: &'static str,
    nth: usize,
    reached: bool,
    seen: usize,
}

impl Cut {
    fn new(http: Http, path: &'static str, nth: usize, reached: bool) -> Cut {
        Cut {
            http,
            path,
            nth,
            reached,
            seen: 0,
        }
    }
}

impl Transport for Cut {
    async fn send(&mut self, request: Request) -> Result<Response, String> {
        if request.path.contains(self.path) {
            self.seen += 1;
        }
        if request.path.contains(self.path) && self.seen == self.nth {
            if self.reached {
                let _ = self.http.send(request).await;
            }
            return Err("the connection was reset".into());
        }
        self.http.send(request).await
    }
}

#[test]
fn a_replication_cut_mid_batch_resumes_from_its_last_checkpoint_with_nothing_twice() {
    let (peer, team) = start_peer();
    let database = team.database.clone();
    let officer = Http::signed_in(&peer.base, "alex", &team.officer);
    let mut senior = Http::signed_in(&peer.base, "sam", &team.senior);
    let url = format!("{}/{database}", peer.base);
    let mut laptop = MemoryReplica::new();
    for n in 1..=7 {
        laptop.edit(&id(n), envelope(&format!("case-{n}")), false);
    }
    let push_id = replication_id("laptop", &url, Direction::Push);
    // Push: the batch's _bulk_docs reaches the server and is applied, its answer lost. The push
    // stops; the next one finds nothing missing and sends nothing twice.
    let mut cut = Cut::new(officer, "/_bulk_docs", 1, true);
    let first = block_on(push(&mut cut, &mut laptop, &database, &push_id, "s1"));
    assert!(matches!(first, Err(SyncError::Offline(_))), "{first:?}");
    assert_eq!(
        cut.http
            .sent
            .last()
            .map(|r| r.path.ends_with("/_bulk_docs")),
        Some(true)
    );
    let mut officer = cut.http;
    block_on(push(&mut officer, &mut laptop, &database, &push_id, "s2")).unwrap();
    let all = block_on(senior.send(Request {
        method: Method::Get,
        path: format!("/{database}/_all_docs?include_docs=true&conflicts=true"),
        body: None,
    }))
    .unwrap();
    let records: Vec<&Value> = all.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["id"].as_str().is_some_and(|id| id.len() == 32))
        .collect();
    assert_eq!(records.len(), 7);
    for row in &records {
        assert!(
            row["doc"]["_rev"].as_str().unwrap().starts_with("1-"),
            "{row}"
        );
        assert!(row["doc"].get("_conflicts").is_none(), "{row}");
    }

    // Pull in batches of two, cut at the second batch's _bulk_get (before it reaches the server):
    // the first batch is kept with its checkpoint; the next pull fetches only the other five.
    let pull_id = replication_id("desk", &url, Direction::Pull);
    let mut desk = MemoryReplica::new();
    let mut cut = Cut::new(senior, "/_bulk_get", 2, false);
    let first = block_on(pull(&mut cut, &mut desk, &database, &pull_id, "s1", 2));
    assert!(matches!(first, Err(SyncError::Offline(_))), "{first:?}");
    let kept = desk.documents.keys().filter(|id| id.len() == 32).count();
    assert!((1..7).contains(&kept), "the first batch kept ({kept})");
    let mut senior = cut.http;
    block_on(pull(&mut senior, &mut desk, &database, &pull_id, "s2", 2)).unwrap();
    // Every record's revision fetched once over both pulls: nothing twice.
    let fetched: usize = senior
        .sent
        .iter()
        .filter(|request| request.path.contains("/_bulk_get"))
        .filter_map(|request| request.body.as_ref()?["docs"].as_array().cloned())
        .flatten()
        .filter(|doc| doc["id"].as_str().is_some_and(|id| id.len() == 32))
        .count();
    assert_eq!(fetched, 7);
    for n in 1..=7 {
        assert_eq!(
            desk.documents[&id(n)].tree,
            laptop.documents[&id(n)].tree,
            "document {n}"
        );
    }
}

#[test]
fn a_wiped_browser_with_the_servers_checkpoint_still_there_syncs_in_full() {
    let (peer, team) = start_peer();
    let database = team.database.clone();
    let mut officer = Http::signed_in(&peer.base, "alex", &team.officer);
    let mut laptop = MemoryReplica::new();
    for n in 1..=3 {
        laptop.edit(&id(n), envelope(&format!("case-{n}")), false);
    }
    sync(&mut officer, &mut laptop, &database, "laptop");
    assert_eq!(sync(&mut officer, &mut laptop, &database, "laptop"), (0, 0));
    // The browser's data is wiped; the same browser (the same replication ids) pulls again: the
    // server's log alone does not say where to start, so it starts from the beginning.
    let mut wiped = MemoryReplica::new();
    assert_eq!(sync(&mut officer, &mut wiped, &database, "laptop"), (0, 3));
    assert_eq!(wiped.documents.len(), 3);
}

#[test]
fn a_refused_document_is_reported_not_retried_and_a_stranger_is_turned_away() {
    let (peer, team) = start_peer();
    let database = team.database.clone();
    let mut officer = Http::signed_in(&peer.base, "alex", &team.officer);
    let mut laptop = MemoryReplica::new();
    // Not an envelope: the validation refuses it; the good one goes through.
    laptop.edit(&id(1), json!({"name": "Jordan Fictional"}), false);
    laptop.edit(&id(2), envelope("fine"), false);
    let url = format!("{}/{database}", peer.base);
    let replication = replication_id("laptop", &url, Direction::Push);
    let mut push_once = || {
        block_on(push(
            &mut officer,
            &mut laptop,
            &database,
            &replication,
            "s1",
        ))
        .unwrap()
    };
    let summary = push_once();
    assert_eq!(summary.revisions, 1);
    assert_eq!(summary.refused.len(), 1);
    assert_eq!(summary.refused[0].0, id(1));
    assert!(
        summary.refused[0].1.contains("An envelope has no field"),
        "{:?}",
        summary.refused
    );
    // Pushed again: nothing is sent (the checkpoint moved on).
    let again = push_once();
    assert_eq!(again.revisions, 0);
    assert!(again.refused.is_empty());
    // Without a session, the server is closed: "Sign in again".
    let mut stranger = Http {
        cookie: String::new(),
        ..Http::signed_in(&peer.base, "alex", &team.officer)
    };
    let mut nothing = MemoryReplica::new();
    let refused = block_on(pull(&mut stranger, &mut nothing, &database, "x", "s1", 10));
    assert_eq!(refused, Err(SyncError::SignInAgain));
    assert!(block_on(nothing.log("x")).is_none(), "nothing written");
}

/// `workbook team-server …` as the server's admin.
fn workbook(args: &[&str], password: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(args)
        .env("COUCHDB_USER", ADMIN.0)
        .env("COUCHDB_PASSWORD", password)
        .output()
        .unwrap()
}

fn printed(output: &std::process::Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// `workbook team-server COMMAND --server BASE --team TEAM` and `more`, as the admin: its JSON.
fn team_server(command: &str, base: &str, team: &str, more: &[&str]) -> Value {
    let mut args = vec!["team-server", command, "--server", base, "--team", team];
    args.extend_from_slice(more);
    printed(&workbook(&args, ADMIN.1))
}

#[test]
fn workbook_team_server_sets_up_a_team_and_adds_and_removes_members() {
    let (peer, _) = start_peer();
    let base = peer.base.as_str();
    let setup = team_server("setup", base, "west", &[]);
    let database = setup["database"].as_str().unwrap().to_string();
    assert!(
        database.starts_with("t-") && !database.contains("west"),
        "an opaque name: {database}"
    );
    assert_eq!(setup["member_role"], "team:west");
    let kim = team_server("add-member", base, "west", &["--name", "kim.officer"]);
    assert_eq!(kim["roles"], json!(["team:west"]));
    let jo = team_server(
        "add-member",
        base,
        "west",
        &["--name", "jo.senior", "--senior"],
    );
    assert_eq!(jo["roles"], json!(["team:west", "team:west:senior"]));

    // The member pushes an envelope; only the senior writes the keyring.
    let mut officer = Http::signed_in(base, "kim.officer", kim["password"].as_str().unwrap());
    let mut laptop = MemoryReplica::new();
    laptop.edit(&id(9), envelope("case-9"), false);
    let url = format!("{base}/{database}");
    let pushed = block_on(push(
        &mut officer,
        &mut laptop,
        &database,
        &replication_id("kim", &url, Direction::Push),
        "s1",
    ))
    .unwrap();
    assert_eq!(pushed.revisions, 1);
    let keyring = |http: &mut Http| {
        block_on(http.send(Request {
            method: Method::Put,
            path: format!("/{database}/keyring-1-aa"),
            body: Some(json!({ "envelope": envelope("wrapped") })),
        }))
        .unwrap()
        .status
    };
    assert_eq!(keyring(&mut officer), 403);
    let mut senior = Http::signed_in(base, "jo.senior", jo["password"].as_str().unwrap());
    assert_eq!(keyring(&mut senior), 201);

    // Removed: the member signs in, and the team's database is closed to them.
    let removed = team_server("remove-member", base, "west", &["--name", "kim.officer"]);
    assert_eq!(removed["roles"], json!([]));
    let mut leaver = Http::signed_in(base, "kim.officer", kim["password"].as_str().unwrap());
    let mut nothing = MemoryReplica::new();
    let refused = block_on(pull(
        &mut leaver,
        &mut nothing,
        &database,
        "kim-pull",
        "s2",
        10,
    ));
    // Signed in but no longer a member: forbidden, not "sign in again".
    assert!(matches!(refused, Err(SyncError::NotInTeam)), "{refused:?}");

    // Usage problems (exit 2) and a refusal (exit 1), each said.
    let no_team = workbook(&["team-server", "setup", "--server", base], ADMIN.1);
    assert_eq!(no_team.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_team.stderr).contains("team-server needs --team TEAM"));
    let bad_team = workbook(
        &["team-server", "setup", "--server", base, "--team", "West!"],
        ADMIN.1,
    );
    assert_eq!(bad_team.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_team.stderr)
        .contains("A team id is 1 to 40 lower-case letters"));
    let no_admin = Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(["team-server", "setup", "--server", base, "--team", "west"])
        .env_remove("COUCHDB_USER")
        .env_remove("COUCHDB_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(no_admin.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_admin.stderr).contains("set COUCHDB_USER"));
    let wrong = workbook(
        &["team-server", "setup", "--server", base, "--team", "west"],
        "not-the-password",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr)
        .contains("did not accept the admin's name and password"));
}
