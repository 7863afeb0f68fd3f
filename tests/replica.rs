//! Team sync's browser side (issue 21) in a real browser: the IndexedDB replica (`store::replica`)
//! on its own, then with the browser's `fetch` (`net`) pushing and pulling through the test peer on
//! loopback, signed in as a demo member with a session cookie. `make wasm-test` starts the peer
//! (`tests/team-server/with-peer.mjs`, port 5985) and runs this in Chromium and Firefox.
#![cfg(target_arch = "wasm32")]

use probation_workbook::domain::sync::replicate::{pull, push, Pulled, Replica, SyncError};
use probation_workbook::domain::sync::{replication_id, Direction, ReplicationLog, Rev};
use probation_workbook::net::{self, FetchTransport, SignInError};
use probation_workbook::store::replica::IdbReplica;
use probation_workbook::store::Store;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod peer;
use peer::{demo, PEER};

async fn fresh_store(test: &str) -> Store {
    let name = format!("workbook-replica-{test}-{}", js_sys::Math::random());
    Store::open(&name).await.expect("the database opens")
}

fn envelope(text: &str) -> Value {
    json!({"v": 1, "schema": 10, "epoch": 1, "by": "3545 CE2B 9053 ED4A B29D 1AC1 8CEE 1033", "iv": "CQkJCQkJCQkJCQkJ", "ct": text, "sig": "c2ln"})
}

/// A document id of 32 hex digits, different in every run (the peer lives for the whole run).
fn id(n: u8) -> String {
    let run = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{run:08x}{:024x}", n)
}

#[wasm_bindgen_test]
async fn an_edit_is_a_new_revision_logged_once_and_kept_after_reopening() {
    let store = fresh_store("edit").await;
    let name = store.name().to_string();
    let replica = IdbReplica::new(&store);
    let first = replica.edit("a", envelope("one"), false).await.unwrap();
    let second = replica.edit("a", envelope("two"), false).await.unwrap();
    replica.edit("b", envelope("bee"), false).await.unwrap();
    assert_eq!(first.generation, 1);
    assert_eq!(second.generation, 2);
    // The log lists each document once, at its latest change, oldest first.
    let changes = replica.changes_since(0, 10).await;
    assert_eq!(changes, vec![(2, "a".to_string()), (3, "b".to_string())]);
    assert_eq!(
        replica.changes_since(2, 10).await,
        vec![(3, "b".to_string())]
    );
    assert_eq!(replica.changes_since(0, 1).await.len(), 1);
    let leaves = replica.leaves("a").await;
    assert_eq!(leaves.len(), 1);
    assert_eq!(leaves[0].path, vec![second.clone(), first.clone()]);
    assert_eq!(leaves[0].envelope, envelope("two"));
    store.close();

    let reopened = Store::open(&name).await.unwrap();
    let replica = IdbReplica::new(&reopened);
    let a = replica.document("a").await.unwrap().unwrap();
    assert_eq!(a.tree.winner(), Some(&second));
    assert_eq!(a.winning_body(), Some(&envelope("two")));
    assert_eq!(replica.count().await.unwrap(), 2);
    reopened.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_pulled_batch_and_its_log_apply_together_and_clearing_removes_all_team_data() {
    let store = fresh_store("apply").await;
    let mut replica = IdbReplica::new(&store);
    let one = Rev::next(None, b"one");
    let two = Rev::next(Some(&one), b"two");
    let other = Rev::next(Some(&one), b"other");
    let log = ReplicationLog::after_batch(None, "s1", json!(7));
    let batch = vec![
        Pulled {
            id: "x".into(),
            path: vec![two.clone(), one.clone()],
            deleted: false,
            envelope: envelope("two"),
        },
        Pulled {
            id: "x".into(),
            path: vec![other.clone(), one.clone()],
            deleted: false,
            envelope: envelope("other"),
        },
    ];
    replica.apply("r1", batch, log.clone()).await.unwrap();
    assert_eq!(replica.log("r1").await, Some(log));
    let x = replica.document("x").await.unwrap().unwrap();
    assert_eq!(x.tree.leaves().len(), 2, "both branches kept");
    assert_eq!(x.tree.conflicts().len(), 1);
    let trees = replica.trees(&["x".into(), "nothing".into()]).await;
    assert_eq!(trees.len(), 1);
    assert_eq!(trees["x"], x.tree);
    // One change-log entry for the document, however many revisions the batch held.
    assert_eq!(replica.changes_since(0, 10).await.len(), 1);
    assert_eq!(replica.leaves("x").await.len(), 2);

    replica.clear().await.unwrap();
    assert_eq!(replica.count().await.unwrap(), 0);
    assert_eq!(replica.log("r1").await, None);
    assert!(replica.changes_since(0, 10).await.is_empty());
    // Sequences start again from the beginning after a clear.
    replica.edit("y", envelope("y"), false).await.unwrap();
    assert_eq!(
        replica.changes_since(0, 10).await,
        vec![(1, "y".to_string())]
    );
    store.delete().await.unwrap();
}

async fn sync(
    replica: &mut IdbReplica,
    database: &str,
    client: &str,
) -> Result<(usize, usize), SyncError> {
    let mut transport = FetchTransport::new(PEER);
    let url = format!("{PEER}/{database}");
    let pushed = push(
        &mut transport,
        replica,
        database,
        &replication_id(client, &url, Direction::Push),
        "s1",
    )
    .await?;
    let pulled = pull(
        &mut transport,
        replica,
        database,
        &replication_id(client, &url, Direction::Pull),
        "s1",
        2,
    )
    .await?;
    Ok((pushed.revisions, pulled.revisions))
}

#[wasm_bindgen_test]
async fn signed_in_with_a_cookie_a_browser_pushes_and_another_pulls_through_the_peer() {
    let (database, officer, _) = demo().await;
    let (name, password, team) = (officer.name, officer.password, officer.team);
    // A wrong password is refused, in words, and signs nobody in.
    assert_eq!(
        net::sign_in(PEER, &name, "not-the-password").await,
        Err(SignInError::Refused)
    );
    let session = net::sign_in(PEER, &name, &password).await.unwrap();
    assert_eq!(session.name, name);
    assert!(session.roles.contains(&format!("team:{team}")));
    assert_eq!(
        net::current_session(PEER).await.unwrap().map(|s| s.name),
        Some(name.clone())
    );

    let laptop_store = fresh_store("laptop").await;
    let desk_store = fresh_store("desk").await;
    let mut laptop = IdbReplica::new(&laptop_store);
    let mut desk = IdbReplica::new(&desk_store);
    let ids: Vec<String> = (1..=5).map(id).collect();
    for (n, id) in ids.iter().enumerate() {
        laptop
            .edit(id, envelope(&format!("case-{n}")), false)
            .await
            .unwrap();
    }
    assert_eq!(sync(&mut laptop, &database, "laptop").await.unwrap().0, 5);
    // The other browser pulls them (batches of two, each checkpointed) and agrees on every winner.
    let (_, pulled) = sync(&mut desk, &database, "desk").await.unwrap();
    assert!(pulled >= 5, "at least the five new documents ({pulled})");
    for (n, id) in ids.iter().enumerate() {
        let (a, b) = (
            laptop.document(id).await.unwrap().unwrap(),
            desk.document(id).await.unwrap().unwrap(),
        );
        assert_eq!(a.tree, b.tree);
        assert_eq!(b.winning_body(), Some(&envelope(&format!("case-{n}"))));
    }
    // Nothing new: nothing fetched, nothing sent.
    assert_eq!(sync(&mut desk, &database, "desk").await.unwrap(), (0, 0));

    // Both edit one document offline: after both sync, both branches are on both, one winner.
    laptop
        .edit(&ids[1], envelope("laptop-edit"), false)
        .await
        .unwrap();
    desk.edit(&ids[1], envelope("desk-edit"), false)
        .await
        .unwrap();
    sync(&mut laptop, &database, "laptop").await.unwrap();
    sync(&mut desk, &database, "desk").await.unwrap();
    sync(&mut laptop, &database, "laptop").await.unwrap();
    let (a, b) = (
        laptop.document(&ids[1]).await.unwrap().unwrap(),
        desk.document(&ids[1]).await.unwrap().unwrap(),
    );
    assert_eq!(a.tree, b.tree);
    assert_eq!(a.tree.conflicts().len(), 1, "both edits kept");

    // This browser's team data is wiped; the server's checkpoint is still there: a full sync.
    laptop.clear().await.unwrap();
    let (_, again) = sync(&mut laptop, &database, "laptop").await.unwrap();
    assert!(again >= 6, "every revision pulled again ({again})");
    assert_eq!(
        laptop.document(&ids[1]).await.unwrap().unwrap().tree,
        b.tree
    );

    // Signed out, the server says so: "Sign in again", not "offline".
    net::sign_out(PEER).await.unwrap();
    assert_eq!(net::current_session(PEER).await.unwrap(), None);
    assert_eq!(
        sync(&mut desk, &database, "desk").await,
        Err(SyncError::SignInAgain)
    );
    laptop_store.delete().await.unwrap();
    desk_store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn no_server_is_offline_not_a_crash() {
    let mut transport = FetchTransport::new("http://127.0.0.1:9").with_timeout(5_000);
    let store = fresh_store("offline").await;
    let mut replica = IdbReplica::new(&store);
    let result = pull(
        &mut transport,
        &mut replica,
        "t-0000000000000000",
        "r",
        "s",
        10,
    )
    .await;
    assert!(matches!(result, Err(SyncError::Offline(_))), "{result:?}");
    assert!(matches!(
        net::sign_in("http://127.0.0.1:9", "alex", "x").await,
        Err(SignInError::NoAnswer(_))
    ));
    store.delete().await.unwrap();
}
