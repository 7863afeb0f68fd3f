//! The sync protocol's pure logic: revision ids, the revision tree and its winner, replication
//! logs, batch sizes and the field merge, with property tests for what must hold whatever the
//! arrival order.

use proptest::prelude::*;
use serde_json::json;

use super::*;

fn rev(text: &str) -> Rev {
    Rev::parse(text).unwrap()
}

#[test]
fn a_revision_id_reads_back_and_anything_else_is_refused() {
    let one = rev("3-9c1fa5b1d0e2");
    assert_eq!(one.generation, 3);
    assert_eq!(one.to_string(), "3-9c1fa5b1d0e2");
    assert_eq!(serde_json::to_string(&one).unwrap(), r#""3-9c1fa5b1d0e2""#);
    assert_eq!(
        serde_json::from_str::<Rev>(r#""3-9c1fa5b1d0e2""#).unwrap(),
        one
    );
    for bad in [
        "",
        "3",
        "-abc",
        "3-",
        "0-abc",
        "03-abc",
        "3-ABC",
        "3-xyz",
        "3-a b",
        "x-abc",
        "99999999999999999999-abc",
        "123456789012345678901-abc",
    ] {
        assert!(Rev::parse(bad).is_err(), "{bad:?}");
    }
    let long = format!("1-{}", "a".repeat(65));
    assert!(Rev::parse(&long).is_err());
    assert!(serde_json::from_str::<Rev>(r#""1-zz""#).is_err());
}

#[test]
fn a_new_revision_follows_its_parent_and_depends_on_the_body() {
    let first = Rev::next(None, b"{\"a\":1}");
    assert_eq!(first.generation, 1);
    assert_eq!(first.hash.len(), 32);
    assert_eq!(Rev::parse(&first.to_string()), Ok(first.clone()));
    let second = Rev::next(Some(&first), b"{\"a\":2}");
    assert_eq!(second.generation, 2);
    // The same edit of the same revision: the same id, on any device.
    assert_eq!(Rev::next(Some(&first), b"{\"a\":2}"), second);
    assert_ne!(Rev::next(Some(&first), b"{\"a\":3}"), second);
    // The same body after another parent: another id.
    assert_ne!(
        Rev::next(Some(&rev("1-00")), b"{\"a\":2}").hash,
        second.hash
    );
}

#[test]
fn a_revision_path_reads_newest_first_and_a_bad_one_is_refused() {
    let revisions = Revisions {
        start: 3,
        ids: vec!["cc".into(), "bb".into(), "aa".into()],
    };
    let path = revisions.path().unwrap();
    assert_eq!(path, [rev("3-cc"), rev("2-bb"), rev("1-aa")]);
    assert_eq!(Revisions::of(&path), Some(revisions));
    assert_eq!(Revisions::of(&[rev("3-cc"), rev("1-aa")]), None);
    let refused = |start, ids: &[&str]| {
        Revisions {
            start,
            ids: ids.iter().map(|id| id.to_string()).collect(),
        }
        .path()
        .unwrap_err()
        .to_string()
    };
    assert_eq!(
        refused(1, &[]),
        "A revision path must name at least one revision"
    );
    assert_eq!(
        refused(1, &["aa", "bb"]),
        "A revision path starting at generation 1 cannot hold 2 revisions"
    );
    assert_eq!(
        refused(2, &["aa", "Not-hex"]),
        "\"Not-hex\" is not a revision hash (hexadecimal, at most 64 digits)"
    );
    let long = vec!["ab"; 1001];
    assert_eq!(
        refused(2000, &long),
        "A revision path of 1001 revisions is longer than the 1000 kept"
    );
}

#[test]
fn the_winner_is_a_live_leaf_then_the_longer_branch_then_the_higher_hash() {
    let mut tree = RevisionTree::new();
    assert_eq!(tree.winner(), None);
    assert_eq!(
        tree.merge_path(&[rev("2-aa"), rev("1-00")], false),
        Merged::Added
    );
    assert_eq!(
        tree.merge_path(&[rev("2-bb"), rev("1-00")], false),
        Merged::Added
    );
    // Same generation: the higher hash wins; the other is a conflict.
    assert_eq!(tree.winner(), Some(&rev("2-bb")));
    assert_eq!(tree.conflicts(), [&rev("2-aa")]);
    // A longer branch wins whatever its hash.
    tree.merge_path(&[rev("3-01"), rev("2-aa"), rev("1-00")], false);
    assert_eq!(tree.winner(), Some(&rev("3-01")));
    assert_eq!(tree.conflicts(), [&rev("2-bb")]);
    // A deleted leaf loses to any live one, however long its branch.
    tree.merge_path(&[rev("4-ff"), rev("3-01"), rev("2-aa")], true);
    assert_eq!(tree.winner(), Some(&rev("2-bb")));
    assert!(tree.conflicts().is_empty(), "a tombstone is no conflict");
    assert!(!tree.is_deleted());
    // Every leaf deleted: the document is, and the longest tombstone wins.
    tree.merge_path(&[rev("3-02"), rev("2-bb")], true);
    assert!(tree.is_deleted());
    assert_eq!(tree.winner(), Some(&rev("4-ff")));
    // Known again: nothing changes.
    assert_eq!(
        tree.merge_path(&[rev("2-bb"), rev("1-00")], false),
        Merged::Nothing
    );
    assert_eq!(
        tree.path_to(&rev("4-ff")),
        [rev("4-ff"), rev("3-01"), rev("2-aa"), rev("1-00")]
    );
}

#[test]
fn a_stemmed_tree_learns_its_ancestry_and_revs_diff_names_what_it_lacks() {
    let mut tree = RevisionTree::new();
    tree.merge_path(&[rev("5-ee"), rev("4-dd")], false);
    assert_eq!(tree.node(&rev("4-dd")).unwrap().parent, None);
    tree.merge_path(&[rev("4-dd"), rev("3-cc")], false);
    assert_eq!(tree.node(&rev("4-dd")).unwrap().parent, Some(rev("3-cc")));
    assert_eq!(tree.leaves(), [&rev("5-ee")]);
    let asked = [
        rev("5-ee"),
        rev("6-ff"),
        rev("3-cc"),
        rev("6-ff"),
        rev("2-bb"),
    ];
    assert_eq!(tree.missing(&asked), [rev("6-ff"), rev("2-bb")]);
    // The tree round-trips through JSON as the store keeps it.
    let json = serde_json::to_string(&tree).unwrap();
    assert_eq!(serde_json::from_str::<RevisionTree>(&json).unwrap(), tree);
}

/// A random revision tree, as the paths from each leaf back to its root, with each leaf deleted or
/// not: what replicas would send one another.
fn paths() -> impl Strategy<Value = Vec<(Vec<Rev>, bool)>> {
    // Each new revision's parent: an index among those before it (or a new root).
    (1usize..12)
        .prop_flat_map(|count| {
            (
                proptest::collection::vec(
                    (any::<prop::sample::Index>(), 0u8..4, any::<bool>()),
                    count,
                ),
                proptest::collection::vec(any::<bool>(), count),
            )
        })
        .prop_map(|(shape, deleted)| {
            let mut revs: Vec<(Rev, Option<usize>)> = Vec::new();
            for (at, (parent, hash, root)) in shape.into_iter().enumerate() {
                let parent = (!revs.is_empty() && !root).then(|| parent.index(revs.len()));
                let generation = parent.map_or(1, |parent| revs[parent].0.generation + 1);
                // Few hashes, so generations tie and the hash decides.
                let rev = Rev {
                    generation,
                    hash: format!("{hash:x}{at:02x}"),
                };
                revs.push((rev, parent));
            }
            let parents: std::collections::BTreeSet<usize> =
                revs.iter().filter_map(|(_, parent)| *parent).collect();
            (0..revs.len())
                .filter(|at| !parents.contains(at))
                .map(|leaf| {
                    let mut path = vec![revs[leaf].0.clone()];
                    let mut at = revs[leaf].1;
                    while let Some(parent) = at {
                        path.push(revs[parent].0.clone());
                        at = revs[parent].1;
                    }
                    (path, deleted[leaf])
                })
                .collect()
        })
}

fn tree_of(paths: &[(Vec<Rev>, bool)]) -> RevisionTree {
    let mut tree = RevisionTree::new();
    for (path, deleted) in paths {
        tree.merge_path(path, *deleted);
    }
    tree
}

proptest! {
    #[test]
    fn the_same_paths_make_the_same_tree_and_winner_in_any_order(
        (paths, shuffled) in paths().prop_flat_map(|paths| (Just(paths.clone()), Just(paths).prop_shuffle()))
    ) {
        let (one, other) = (tree_of(&paths), tree_of(&shuffled));
        prop_assert_eq!(&one, &other);
        prop_assert_eq!(one.winner(), other.winner());
        // Merged twice: nothing changes.
        let mut again = one.clone();
        for (path, deleted) in &paths {
            prop_assert_eq!(again.merge_path(path, *deleted), Merged::Nothing);
        }
        prop_assert_eq!(&again, &one);
    }

    #[test]
    fn the_winner_is_the_best_leaf_by_couchdbs_rules(paths in paths()) {
        let tree = tree_of(&paths);
        let winner = tree.winner().expect("a tree with paths has a winner").clone();
        let leaves: Vec<(Rev, bool)> = paths.iter().map(|(path, deleted)| (path[0].clone(), *deleted)).collect();
        prop_assert!(leaves.iter().any(|(leaf, _)| *leaf == winner));
        let winner_deleted = tree.node(&winner).unwrap().deleted;
        for (leaf, deleted) in &leaves {
            // No live leaf is passed over for a tombstone, and no better leaf of the same kind.
            prop_assert!(*deleted || !winner_deleted);
            if *deleted == winner_deleted {
                prop_assert!(*leaf <= winner);
            }
        }
        prop_assert_eq!(tree.is_deleted(), leaves.iter().all(|(_, deleted)| *deleted));
        prop_assert!(tree.missing(paths.iter().flat_map(|(path, _)| path)).is_empty());
    }

    #[test]
    fn a_revision_id_never_panics_and_reads_back(text in "\\PC{0,30}", generation in 1u64.., hash in "[0-9a-f]{1,64}") {
        let _ = Rev::parse(&text);
        let made = Rev { generation, hash };
        prop_assert_eq!(Rev::parse(&made.to_string()), Ok(made));
    }
}

fn log(
    session: &str,
    seq: serde_json::Value,
    history: &[(&str, serde_json::Value)],
) -> ReplicationLog {
    ReplicationLog {
        session_id: session.into(),
        source_last_seq: seq,
        history: history
            .iter()
            .map(|(session, seq)| SessionRecord {
                session_id: session.to_string(),
                recorded_seq: seq.clone(),
            })
            .collect(),
    }
}

#[test]
fn a_replication_starts_where_both_logs_agree_or_from_the_beginning() {
    let ours = log(
        "s3",
        json!("42-g1AA"),
        &[("s3", json!("42-g1AA")), ("s2", json!("17-g1AA"))],
    );
    // The same last session on both sides: its last sequence, opaque as it came.
    assert_eq!(
        start_from(Some(&ours), Some(&ours.clone())),
        Some(json!("42-g1AA"))
    );
    // The server's log is a session behind (a batch's checkpoint did not reach it): the newest
    // session both hold.
    let theirs = log(
        "s2",
        json!("17-g1AA"),
        &[("s2", json!("17-g1AA")), ("s1", json!(3))],
    );
    assert_eq!(
        start_from(Some(&ours), Some(&theirs)),
        Some(json!("17-g1AA"))
    );
    // A wiped browser (no log here) or logs with nothing in common: a full sync.
    assert_eq!(start_from(None, Some(&theirs)), None);
    assert_eq!(start_from(Some(&ours), None), None);
    let stranger = log("s9", json!(5), &[("s9", json!(5))]);
    assert_eq!(start_from(Some(&ours), Some(&stranger)), None);
}

#[test]
fn a_log_after_a_batch_puts_its_session_first_and_keeps_fifty() {
    let mut log = ReplicationLog::after_batch(None, "s1", json!(1));
    for at in 2..=60 {
        log = ReplicationLog::after_batch(Some(&log), &format!("s{at}"), json!(at));
    }
    // The same session again: one entry, moved to the front.
    let log = ReplicationLog::after_batch(Some(&log), "s60", json!(61));
    assert_eq!(log.history.len(), 50);
    assert_eq!(log.history[0].session_id, "s60");
    assert_eq!(log.history[0].recorded_seq, json!(61));
    assert_eq!(log.history[1].session_id, "s59");
    assert_eq!(log.source_last_seq, json!(61));
    let json = serde_json::to_value(&log).unwrap();
    assert_eq!(serde_json::from_value::<ReplicationLog>(json).unwrap(), log);
}

#[test]
fn a_replication_id_is_one_per_browser_database_and_direction_and_names_neither() {
    let pull = replication_id("browser-1", "http://127.0.0.1:5984/t-1", Direction::Pull);
    assert_eq!(pull.len(), 32);
    assert!(!pull.contains("browser") && !pull.contains("t-1"));
    assert_eq!(
        pull,
        replication_id("browser-1", "http://127.0.0.1:5984/t-1", Direction::Pull)
    );
    assert_ne!(
        pull,
        replication_id("browser-1", "http://127.0.0.1:5984/t-1", Direction::Push)
    );
    assert_ne!(
        pull,
        replication_id("browser-2", "http://127.0.0.1:5984/t-1", Direction::Pull)
    );
    // Parts are length-prefixed: moving a character from one to the other is another id.
    assert_ne!(
        replication_id("ab", "c", Direction::Pull),
        replication_id("a", "bc", Direction::Pull)
    );
}

#[test]
fn a_batch_too_large_is_halved_down_to_one_document() {
    let mut size = BatchSize::default();
    assert_eq!(size.get(), 200);
    let mut sizes = vec![size.get()];
    while let Some(half) = size.halved() {
        size = half;
        sizes.push(size.get());
    }
    assert_eq!(sizes, [200, 100, 50, 25, 12, 6, 3, 1]);
}

#[test]
fn a_hybrid_clock_always_moves_forward() {
    let start = Hlc {
        wall_ms: 1_000,
        counter: 0,
    };
    // The wall clock ahead: it is taken.
    assert_eq!(
        start.tick(2_000),
        Hlc {
            wall_ms: 2_000,
            counter: 0
        }
    );
    // The wall clock behind (set back, or the same millisecond): the counter moves on.
    assert_eq!(
        start.tick(500),
        Hlc {
            wall_ms: 1_000,
            counter: 1
        }
    );
    // A remote reading ahead of both: after it.
    let remote = Hlc {
        wall_ms: 5_000,
        counter: 7,
    };
    assert_eq!(
        start.receive(remote, 900),
        Hlc {
            wall_ms: 5_000,
            counter: 8
        }
    );
    assert_eq!(
        start.receive(remote, 9_000),
        Hlc {
            wall_ms: 9_000,
            counter: 0
        }
    );
    // At the counter's end: the next millisecond.
    let full = Hlc {
        wall_ms: 1_000,
        counter: u32::MAX,
    };
    assert_eq!(
        full.tick(1_000),
        Hlc {
            wall_ms: 1_001,
            counter: 0
        }
    );
}

fn field(value: serde_json::Value, wall_ms: u64, by: &str) -> Field {
    Field {
        value,
        at: Hlc {
            wall_ms,
            counter: 0,
        },
        by: by.into(),
    }
}

fn fields(entries: &[(&str, Field)]) -> Fields {
    entries
        .iter()
        .map(|(name, field)| (name.to_string(), field.clone()))
        .collect()
}

#[test]
fn different_fields_are_both_kept_and_the_same_field_is_a_conflict() {
    let ancestor = fields(&[
        ("answers.3.4", field(json!("some"), 1, "alex")),
        ("answers.9.1", field(json!(0), 1, "alex")),
        ("plan.target", field(json!("Housing"), 1, "alex")),
    ]);
    // The officer changed 3.4 and the target offline; the senior changed 9.1 and the target.
    let officer = fields(&[
        ("answers.3.4", field(json!("significant"), 5, "alex")),
        ("answers.9.1", field(json!(0), 1, "alex")),
        ("plan.target", field(json!("Housing by March"), 6, "alex")),
    ]);
    let senior = fields(&[
        ("answers.3.4", field(json!("some"), 1, "alex")),
        ("answers.9.1", field(json!(2), 4, "sam")),
        ("plan.target", field(json!("Housing by May"), 7, "sam")),
        ("answers.10.1", field(json!("yes"), 8, "sam")),
    ]);
    let merged = merge(&ancestor, &officer, &senior);
    assert_eq!(merged.fields["answers.3.4"].value, json!("significant"));
    assert_eq!(merged.fields["answers.9.1"].value, json!(2));
    assert_eq!(merged.fields["answers.10.1"].value, json!("yes"));
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts["plan.target"];
    assert_eq!(
        conflict.later.as_ref().unwrap().value,
        json!("Housing by May")
    );
    assert_eq!(
        conflict.earlier.as_ref().unwrap().value,
        json!("Housing by March")
    );
    // Until it is settled, the later value stands; both are kept.
    assert_eq!(merged.fields["plan.target"].value, json!("Housing by May"));
    let names = |key: &str| match key {
        "alex" => "Alex Trainee".to_string(),
        _ => "Sam Senior".to_string(),
    };
    assert_eq!(
        conflict.describe(names),
        "Changed by Sam Senior and by Alex Trainee while offline"
    );
    // A field removed on one side and changed on the other is a conflict too, the change first.
    let mut removed = officer.clone();
    removed.remove("answers.9.1");
    let merged = merge(&ancestor, &removed, &senior);
    let conflict = &merged.conflicts["answers.9.1"];
    assert_eq!(conflict.later.as_ref().unwrap().value, json!(2));
    assert_eq!(conflict.earlier, None);
    assert_eq!(
        conflict.describe(names),
        "Changed by Sam Senior and by removed on one device while offline"
    );
}

fn some_fields() -> impl Strategy<Value = Fields> {
    proptest::collection::btree_map(
        "[abc]",
        (0u8..3, 0u64..3, "[xy]")
            .prop_map(|(value, wall_ms, by)| field(json!(value), wall_ms, &by)),
        0..4,
    )
}

proptest! {
    #[test]
    fn a_merge_is_the_same_either_way_round_and_a_replica_merges_with_itself(
        ancestor in some_fields(), ours in some_fields(), theirs in some_fields()
    ) {
        prop_assert_eq!(merge(&ancestor, &ours, &theirs), merge(&ancestor, &theirs, &ours));
        let same = merge(&ancestor, &ours, &ours);
        prop_assert_eq!(&same.fields, &ours);
        prop_assert!(same.conflicts.is_empty());
        // One side unchanged: the other side's record, with no conflict.
        let one_sided = merge(&ancestor, &ancestor, &theirs);
        prop_assert_eq!(&one_sided.fields, &theirs);
        prop_assert!(one_sided.conflicts.is_empty());
        // Nothing either side holds is lost: each field is one side's, or a conflict keeping both.
        let merged = merge(&ancestor, &ours, &theirs);
        for name in ours.keys().chain(theirs.keys()) {
            let kept = merged.fields.get(name);
            let conflict = merged.conflicts.get(name);
            prop_assert!(
                conflict.is_some() || kept == ours.get(name) || kept == theirs.get(name),
                "{name} lost"
            );
        }
    }
}

proptest! {
    #[test]
    fn branches_taken_in_any_order_give_the_same_fields_and_lose_nothing(
        ancestor in some_fields(), winner in some_fields(), one in some_fields(), other in some_fields()
    ) {
        use super::documents::take_branches;
        let (a, b) = ((ancestor.clone(), one.clone()), (ancestor.clone(), other.clone()));
        let forwards = take_branches(&winner, &[a.clone(), b.clone()]);
        let backwards = take_branches(&winner, &[b, a]);
        prop_assert_eq!(&forwards.fields, &backwards.fields);
        // No branch: the winner as it is.
        let alone = take_branches(&winner, &[]);
        prop_assert_eq!(&alone.fields, &winner);
        prop_assert!(alone.conflicts.is_empty());
        // A branch that changed nothing since the revision it shares with the winner changes nothing.
        prop_assert_eq!(&take_branches(&winner, &[(ancestor.clone(), ancestor.clone())]).fields, &winner);
        // Nothing shared known: nothing either holds is lost either.
        let unknown = take_branches(&winner, &[(Fields::new(), one.clone())]);
        for name in winner.keys().chain(one.keys()) {
            let kept = unknown.fields.get(name);
            let conflict = unknown.conflicts.iter().any(|(known, _)| known == name);
            prop_assert!(conflict || kept == winner.get(name) || kept == one.get(name), "{name} lost");
        }
        // Every field a branch holds is kept from some branch, or is a conflict.
        for name in winner.keys().chain(one.keys()).chain(other.keys()) {
            let kept = forwards.fields.get(name);
            let conflict = forwards.conflicts.iter().any(|(known, _)| known == name);
            prop_assert!(
                conflict || kept == winner.get(name) || kept == one.get(name) || kept == other.get(name),
                "{name} lost"
            );
        }
    }
}

#[test]
fn a_branch_that_lost_ended_with_a_tombstone_leaves_one_branch() {
    use super::memory::Document;
    let mut laptop = Document::default();
    laptop.edit(json!({"n": 1}), false);
    let mut desk = laptop.clone();
    laptop.edit(json!({"n": 2}), false);
    desk.edit(json!({"n": 3}), false);
    for pulled in desk.leaves("d") {
        laptop.take(pulled);
    }
    assert_eq!(laptop.tree.conflicts().len(), 1);
    let winner = laptop.tree.winner().cloned();
    let lost = laptop.tree.conflicts()[0].clone();
    laptop.edit_from(Some(lost), json!({"ended": true}), true);
    // A tombstone never wins over a live leaf: the winner stays, with no branch beside it.
    assert_eq!(laptop.tree.winner().cloned(), winner);
    assert!(laptop.tree.conflicts().is_empty());
    laptop.edit(json!({"n": 4}), false);
    assert!(laptop.tree.conflicts().is_empty());
    assert!(!laptop.tree.is_deleted());
}

#[test]
fn a_branch_of_another_device_is_taken_in_and_its_own_changes_kept() {
    use super::documents::take_branches;
    let ancestor: Fields = [
        ("details/name".to_string(), field(json!("Jordan"), 1, "x")),
        ("details/crn".to_string(), field(json!("X1"), 1, "x")),
    ]
    .into();
    let mut winner = ancestor.clone();
    winner.insert("details/name".into(), field(json!("Jordan Smith"), 5, "x"));
    let mut branch = ancestor.clone();
    branch.insert("details/crn".into(), field(json!("X2"), 4, "y"));
    let taken = take_branches(&winner, &[(ancestor.clone(), branch.clone())]);
    assert_eq!(taken.fields["details/name"].value, json!("Jordan Smith"));
    assert_eq!(taken.fields["details/crn"].value, json!("X2"));
    assert!(taken.conflicts.is_empty());
    // Merged against the wrong base (the winner itself, as a device that sealed it last would
    // hold as agreed), the branch's unchanged name would read as a change and undo the winner's.
    let wrong = take_branches(&winner, &[(winner.clone(), branch)]);
    assert_eq!(wrong.fields["details/name"].value, json!("Jordan"));
}

#[test]
fn a_team_server_is_set_up_with_checked_names_and_roles_kept_apart() {
    use super::server_setup::*;
    assert_eq!(team_id("north-2"), Ok("north-2"));
    for bad in ["", "North", "a b", "x'); throw", &"a".repeat(41)] {
        assert!(team_id(bad).is_err(), "{bad:?}");
    }
    assert_eq!(user_name("alex.trainee_2"), Ok("alex.trainee_2"));
    for bad in ["", "_admin", "Alex", "a:b", "a/b"] {
        assert!(user_name(bad).is_err(), "{bad:?}");
    }
    let database = new_database_name([0xab; 8]);
    assert_eq!(database, "t-abababababababab");
    assert_eq!(database_name(&database), Ok(database.as_str()));
    assert!(database_name("t-north").is_err());
    // The validation names the team's role, and nothing is left to fill in.
    let validation = validation_for("north");
    assert!(validation.contains("var member = 'team:north';"));
    assert!(!validation.contains('%'));
    let requests = setup_requests("north", &database);
    assert_eq!(requests.len(), 3);
    let security = requests[1].body.as_ref().unwrap();
    assert_eq!(security["members"]["roles"], json!(["team:north"]));
    assert_eq!(security["admins"]["roles"], json!([]), "no database admins");
    // Adding keeps another team's roles and the revision; removing takes only this team's.
    let existing = json!({"_id": "org.couchdb.user:kim", "_rev": "3-aa", "name": "kim", "roles": ["team:south", "team:north"]});
    let added = member_document("north", "kim", "pw", true, Some(&existing));
    assert_eq!(
        added["roles"],
        json!(["team:south", "team:north", "team:north:senior"])
    );
    assert_eq!(added["_rev"], "3-aa");
    assert_eq!(added["password"], "pw");
    let removed = without_team("north", &added);
    assert_eq!(removed["roles"], json!(["team:south"]));
    assert_eq!(user_path("kim.o"), "/_users/org.couchdb.user%3Akim.o");
}

#[test]
fn the_sync_status_line_says_where_sync_is() {
    use super::status::SyncStatus as S;
    let lines: Vec<String> = [
        S::Synced { at: "14:03".into() },
        S::Syncing {
            done: 1200,
            of: Some(11_000),
        },
        S::Syncing { done: 5, of: None },
        S::Syncing {
            done: 12,
            of: Some(11),
        },
        S::Offline { waiting: 3 },
        S::Offline { waiting: 1 },
        S::Offline { waiting: 0 },
        S::NotConnected,
        S::SignInAgain,
        S::NoLongerInTeam,
    ]
    .iter()
    .map(S::describe)
    .collect();
    assert_eq!(
        lines,
        [
            "Synced at 14:03",
            "Syncing… 1,200 of 11,000",
            "Syncing…",
            "Syncing…",
            "Offline — 3 changes waiting",
            "Offline — 1 change waiting",
            "Offline — nothing waiting",
            "Not connected",
            "Sign in again",
            "You are no longer in this team",
        ]
    );
}

#[test]
fn progress_reads_the_number_of_either_kind_of_sequence_and_nothing_else() {
    use super::status::sequence_number;
    assert_eq!(sequence_number(&json!(42)), Some(42));
    assert_eq!(
        sequence_number(&json!("42-g1AAAAGjeJzLYWBgYMpgTmHgz8tPSTV0MDQy")),
        Some(42)
    );
    assert_eq!(sequence_number(&json!("7")), Some(7));
    for other in [
        json!("g1AA"),
        json!("-3"),
        json!("4x"),
        json!(-1),
        json!(null),
        json!([1]),
    ] {
        assert_eq!(sequence_number(&other), None, "{other}");
    }
}

#[test]
fn retries_while_offline_wait_longer_each_time_up_to_five_minutes_and_start_again_after_a_success()
{
    use super::status::{Backoff, LONGEST_WAIT_MS};
    let mut backoff = Backoff::default();
    let waits: Vec<u64> = (0..10).map(|_| backoff.failed(1.0)).collect();
    assert_eq!(waits[..4], [2_000, 4_000, 8_000, 16_000]);
    assert!(waits.windows(2).all(|pair| pair[0] <= pair[1]));
    assert_eq!(*waits.last().unwrap(), LONGEST_WAIT_MS);
    // The lower half of the step with no jitter; never more than the step, whatever it is given.
    let mut fresh = Backoff::default();
    assert_eq!(fresh.failed(0.0), 1_000);
    assert_eq!(fresh.failed(f64::NAN), 2_000);
    assert_eq!(fresh.failed(7.0), 8_000);
    for _ in 0..100 {
        assert!(fresh.failed(1.0) <= LONGEST_WAIT_MS);
    }
    fresh.succeeded();
    assert_eq!(fresh.failed(1.0), 2_000);
}
