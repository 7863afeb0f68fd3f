//! The team sync engine (`team_sync`) in a real browser against the test peer (issue 21): an
//! officer's and a senior's workbooks (two IndexedDB databases, each with its own WebCrypto keys
//! and team list), signed in in turn as members of a team of the test's own on the peer. The
//! senior's first cycle makes the team key and wraps it to both; the officer's case reaches the
//! senior sealed; edits to different fields on both sides are both kept; the same field changed
//! on both is a conflict; the server holds no name, CRN or typed text; a document altered on the
//! server is quarantined; two tabs cycling at once seal a change once (the Web Lock), with no
//! conflict on the server; a member who leaves starts a new key epoch and what they write
//! afterwards is refused by the rest.
//! `make wasm-test` runs it (Chromium and Firefox) beside the peer.
#![cfg(target_arch = "wasm32")]

use jiff::civil::date;
use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
use probation_workbook::domain::keys::{Team, TeamMember};
use probation_workbook::domain::signing::{Grade, Profile};
use probation_workbook::domain::sync::conflicts::value_in_words;
use probation_workbook::domain::sync::connect::Connection;
use probation_workbook::domain::sync::keyring::keyring_id;
use probation_workbook::domain::sync::replicate::{Method, Request, SyncError, Transport};
use probation_workbook::net::{self, FetchTransport};
use probation_workbook::store::identity::{make_my_keys, MyKeys};
use probation_workbook::store::{CaseRecord, Store, RECORD_SCHEMA_VERSION};
use probation_workbook::team_sync::{self, TeamSync};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod peer;
use peer::{demo, remove, Demo, Member, PEER};
const AT: &str = "2026-12-04T09:00:00Z";

struct Workbook {
    store: Store,
    keys: MyKeys,
    profile: Profile,
}

async fn workbook(test: &str, name: &str, grade: Grade) -> Workbook {
    let store = Store::open(&format!("workbook-sync-{test}-{}", js_sys::Math::random()))
        .await
        .unwrap();
    let keys = store
        .put_my_keys(&make_my_keys(AT).await.unwrap())
        .await
        .unwrap();
    Workbook {
        store,
        keys,
        profile: Profile::new(name, grade).unwrap(),
    }
}

fn team_of(people: &[&Workbook]) -> Team {
    Team {
        members: people
            .iter()
            .map(|w| TeamMember::myself(&w.profile, w.keys.public, AT))
            .collect(),
    }
}

fn case(id: &str) -> CaseRecord {
    CaseRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        id: id.into(),
        next_appointment: None,
        closure: None,
        photo: None,
        details: CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: "Jordan Fictional".into(),
            crn: "X987654".into(),
            date_of_birth: date(1990, 3, 14),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: date(2026, 11, 2),
            sentence_end_date: date(2028, 11, 1),
        },
        created_at: AT.into(),
        updated_at: AT.into(),
    }
}

async fn engine(
    workbook: &Workbook,
    team: Team,
    database: &str,
    member: &Member,
    senior: bool,
) -> TeamSync {
    let connection = Connection {
        server: PEER.into(),
        database: database.into(),
        team: member.team.clone(),
        name: member.name.clone(),
        senior,
    };
    TeamSync::new(&workbook.store, connection, workbook.keys.clone(), team)
        .await
        .unwrap()
}

async fn signed_in(member: &Member) {
    net::sign_in(PEER, &member.name, &member.password)
        .await
        .unwrap();
}

async fn rename(store: &Store, id: &str, change: impl Fn(&mut CaseRecord) + 'static) {
    store
        .update(id, None, AT, &move |record: &mut CaseRecord| change(record))
        .await
        .unwrap();
}

/// The demo team's two members, an officer's and a senior's workbook (each has added the other
/// from their identity card, so each trusts the other), and a case of the officer's.
struct Pair {
    database: String,
    officer_member: Member,
    senior_member: Member,
    officer: Workbook,
    senior: Workbook,
    team: Team,
    case_id: String,
}

async fn pair(test: &str) -> Pair {
    let (database, officer_member, senior_member) = demo().await;
    let officer = workbook(&format!("{test}-officer"), "Alex Trainee", Grade::Po).await;
    let senior = workbook(&format!("{test}-senior"), "Sam Senior", Grade::Spo).await;
    let team = team_of(&[&officer, &senior]);
    let case_id = format!("case-{}", (js_sys::Math::random() * 1e12) as u64);
    officer.store.put_case(&case(&case_id)).await.unwrap();
    Pair {
        database,
        officer_member,
        senior_member,
        officer,
        senior,
        team,
        case_id,
    }
}

#[wasm_bindgen_test]
async fn an_officers_case_reaches_the_senior_sealed_and_both_sides_edits_merge() {
    let Pair {
        database,
        officer_member,
        senior_member,
        officer,
        senior,
        team,
        case_id,
    } = pair("merge").await;

    // Before the senior has made the team key, the officer waits for it and sends nothing.
    signed_in(&officer_member).await;
    let mut at_officer = engine(&officer, team.clone(), &database, &officer_member, false).await;
    let first = at_officer.cycle().await.unwrap();
    assert!(first.waiting_for_key);
    assert_eq!(first.sealed, 0);

    // The senior's first cycle makes the key and wraps it to both of them.
    signed_in(&senior_member).await;
    let mut at_senior = engine(&senior, team.clone(), &database, &senior_member, true).await;
    let made = at_senior.cycle().await.unwrap();
    assert!(!made.waiting_for_key);
    assert!(
        made.pushed >= 2,
        "a keyring entry for each ({})",
        made.pushed
    );

    // The officer takes the key and seals their case; the senior's browser gets it.
    signed_in(&officer_member).await;
    let sent = at_officer.cycle().await.unwrap();
    assert!(!sent.waiting_for_key);
    assert_eq!(sent.sealed, 1, "{sent:?}");
    signed_in(&senior_member).await;
    let got = at_senior.cycle().await.unwrap();
    assert_eq!(got.written.len(), 1, "{got:?}");
    let there = senior.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(there.details, case(&case_id).details);

    // Nothing on the server reads as the case: no name, no CRN.
    let everything = on_server(&database).await;
    let text = Value::from(everything.clone()).to_string();
    assert!(text.contains("envelope"), "the documents were read");
    for secret in ["Jordan", "Fictional", "X987654", case_id.as_str()] {
        assert!(!text.contains(secret), "{secret} is on the server");
    }

    // Both change different fields while apart: both changes are kept on both.
    rename(&officer.store, &case_id, |r| {
        r.details.name = "Jordan Fictional-Smith".into()
    })
    .await;
    rename(&senior.store, &case_id, |r| {
        r.details.crn = "X111111".into()
    })
    .await;
    // What the status line counts while offline: the officer's one changed record waits, also
    // in a tab opened offline, whose engine has not yet had a cycle (it takes the team key from
    // this browser's keyring entry).
    assert_eq!(
        at_officer.waiting().await,
        1,
        "the renamed case waits to go"
    );
    let mut opened_offline =
        engine(&officer, team.clone(), &database, &officer_member, false).await;
    assert_eq!(
        opened_offline.waiting().await,
        1,
        "counted before any cycle"
    );
    signed_in(&officer_member).await;
    at_officer.cycle().await.unwrap();
    assert_eq!(at_officer.waiting().await, 0, "sent: nothing waits");
    signed_in(&senior_member).await;
    let merged = at_senior.cycle().await.unwrap();
    assert!(merged.conflicts.is_empty(), "{merged:?}");
    signed_in(&officer_member).await;
    at_officer.cycle().await.unwrap();
    for store in [&officer.store, &senior.store] {
        let record = store.case(&case_id).await.unwrap().unwrap();
        assert_eq!(record.details.name, "Jordan Fictional-Smith");
        assert_eq!(record.details.crn, "X111111");
    }

    // The same field changed on both: a conflict, with both values, shown to the one who merges.
    rename(&officer.store, &case_id, |r| {
        r.details.name = "Jordan A Fictional".into()
    })
    .await;
    rename(&senior.store, &case_id, |r| {
        r.details.name = "Jordan B Fictional".into()
    })
    .await;
    at_officer.cycle().await.unwrap();
    signed_in(&senior_member).await;
    let clashed = at_senior.cycle().await.unwrap();
    let conflicts: Vec<&String> = clashed
        .conflicts
        .values()
        .flatten()
        .map(|(field, _)| field)
        .collect();
    assert_eq!(conflicts, vec!["details/name"], "{clashed:?}");
    let (_, conflict) = &clashed.conflicts.values().next().unwrap()[0];
    let values: Vec<Value> = [&conflict.later, &conflict.earlier]
        .iter()
        .map(|side| side.as_ref().unwrap().value.clone())
        .collect();
    assert!(
        values.contains(&json!("Jordan A Fictional"))
            && values.contains(&json!("Jordan B Fictional"))
    );
    // Kept in the senior's browser until they choose, each side named from their team list.
    let open = team_sync::open_conflicts(&senior.store).await.unwrap();
    assert_eq!(open.0.len(), 1, "{open:?}");
    let waiting = open.0[0].clone();
    assert_eq!(
        (waiting.case.as_str(), waiting.field.as_str()),
        (case_id.as_str(), "details/name")
    );
    let mut named = [waiting.later.by.clone(), waiting.earlier.by.clone()];
    named.sort();
    assert_eq!(named, ["Alex Trainee (PO)", "Sam Senior (SPO)"]);
    assert_eq!(open.of_case(&case_id), 1);
    // The senior keeps the earlier change: it is written here, the conflict is settled, and the
    // next cycles carry it to the officer too.
    let kept = value_in_words(waiting.earlier.value.as_ref());
    let written = team_sync::settle_conflict(&senior.store, &waiting, true)
        .await
        .unwrap();
    assert!(written.is_some());
    assert!(team_sync::open_conflicts(&senior.store)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        senior
            .store
            .case(&case_id)
            .await
            .unwrap()
            .unwrap()
            .details
            .name,
        kept
    );
    let sent = at_senior.cycle().await.unwrap();
    assert_eq!(sent.sealed, 1, "{sent:?}");
    signed_in(&officer_member).await;
    let taken = at_officer.cycle().await.unwrap();
    assert!(taken.conflicts.is_empty(), "{taken:?}");
    assert_eq!(
        officer
            .store
            .case(&case_id)
            .await
            .unwrap()
            .unwrap()
            .details
            .name,
        kept
    );
    signed_in(&senior_member).await;
    at_senior.cycle().await.unwrap();

    // A document altered on the server (a new revision with one byte of its ciphertext changed,
    // written by a member) is quarantined, named, and changes nothing here.
    // The officer takes the senior's merge first; then the case's own document (the one this
    // team's members wrote: the peer also holds other tests' documents) is altered.
    signed_in(&officer_member).await;
    at_officer.cycle().await.unwrap();
    let before = officer.store.case(&case_id).await.unwrap().unwrap();
    let authors = [
        officer.keys.public.fingerprint().to_string(),
        senior.keys.public.fingerprint().to_string(),
    ];
    let victim = everything
        .iter()
        .filter(|doc| doc["_id"].as_str().is_some_and(|id| id.len() == 32))
        .find(|doc| {
            doc["envelope"]["by"]
                .as_str()
                .is_some_and(|by| authors.iter().any(|author| author == by))
        })
        .expect("the case's document is on the server")["_id"]
        .as_str()
        .unwrap()
        .to_string();
    signed_in(&senior_member).await;
    let mut transport = FetchTransport::new(PEER);
    let current = transport
        .send(Request {
            method: Method::Get,
            path: format!("/{database}/{victim}"),
            body: None,
        })
        .await
        .unwrap()
        .body;
    let mut altered = current.clone();
    let ct = altered["envelope"]["ct"].as_str().unwrap().to_string();
    let flipped = if ct.starts_with('A') {
        ct.replacen('A', "B", 1)
    } else {
        format!("A{}", &ct[1..])
    };
    altered["envelope"]["ct"] = json!(flipped);
    let written = transport
        .send(Request {
            method: Method::Put,
            path: format!("/{database}/{victim}"),
            body: Some(altered),
        })
        .await
        .unwrap();
    assert_eq!(written.status, 201, "{:?}", written.body);
    signed_in(&officer_member).await;
    let checked = at_officer.cycle().await.unwrap();
    assert_eq!(
        checked
            .quarantined
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>(),
        vec![victim.as_str()],
        "{checked:?}"
    );
    let after = officer.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(after.details, before.details);
    officer.store.delete().await.unwrap();
    senior.store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn two_tabs_syncing_at_once_send_one_revision_not_a_conflict_with_themselves() {
    let Pair {
        database,
        officer_member,
        senior_member,
        officer,
        senior,
        team,
        case_id,
    } = pair("tabs").await;
    signed_in(&senior_member).await;
    let mut at_senior = engine(&senior, team.clone(), &database, &senior_member, true).await;
    at_senior.cycle().await.unwrap();

    // Two tabs of the officer's browser, each with its own sync loop, cycle at the same moment:
    // the case is sealed once, not once by each.
    signed_in(&officer_member).await;
    let mut first_tab = engine(&officer, team.clone(), &database, &officer_member, false).await;
    let mut second_tab = engine(&officer, team.clone(), &database, &officer_member, false).await;
    let (one, two) = futures::join!(first_tab.cycle(), second_tab.cycle());
    let (one, two) = (one.unwrap(), two.unwrap());
    assert_eq!(one.sealed + two.sealed, 1, "{one:?} {two:?}");
    rename(&officer.store, &case_id, |r| {
        r.details.name = "Jordan Fictional-Smith".into()
    })
    .await;
    let (one, two) = futures::join!(first_tab.cycle(), second_tab.cycle());
    let (one, two) = (one.unwrap(), two.unwrap());
    assert_eq!(one.sealed + two.sealed, 1, "{one:?} {two:?}");

    // The senior gets the change with no conflict, and the server holds one branch of it.
    signed_in(&senior_member).await;
    let got = at_senior.cycle().await.unwrap();
    assert!(got.conflicts.is_empty(), "{got:?}");
    let there = senior.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(there.details.name, "Jordan Fictional-Smith");
    let branched = branched_on_the_server(&database, &[&officer]).await;
    assert!(branched.is_empty(), "{branched:?}");
    officer.store.delete().await.unwrap();
    senior.store.delete().await.unwrap();
}

/// Documents on the server with more than one live leaf whose winner one of `authors` wrote, as
/// `_all_docs` shows them.
async fn branched_on_the_server(database: &str, authors: &[&Workbook]) -> Vec<Value> {
    let authors: Vec<String> = authors
        .iter()
        .map(|workbook| workbook.keys.public.fingerprint().to_string())
        .collect();
    on_server(database)
        .await
        .into_iter()
        .filter(|doc| doc["_conflicts"].as_array().is_some_and(|c| !c.is_empty()))
        .filter(|doc| {
            doc["envelope"]["by"]
                .as_str()
                .is_some_and(|by| authors.iter().any(|author| author == by))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_document_two_devices_pushed_at_the_same_moment_is_merged_and_its_other_branch_ended() {
    let Pair {
        database,
        officer_member,
        senior_member,
        officer,
        senior,
        team,
        case_id,
    } = pair("branches").await;
    signed_in(&senior_member).await;
    let mut at_senior = engine(&senior, team.clone(), &database, &senior_member, true).await;
    at_senior.cycle().await.unwrap();
    signed_in(&officer_member).await;
    let mut at_officer = engine(&officer, team.clone(), &database, &officer_member, false).await;
    at_officer.cycle().await.unwrap();
    signed_in(&senior_member).await;
    at_senior.cycle().await.unwrap();

    // Each changes a different detail, and both browsers sync at the same moment: each pulls
    // before the other pushes, so the server keeps two branches of the case's document.
    rename(&officer.store, &case_id, |r| {
        r.details.name = "Jordan Fictional-Smith".into()
    })
    .await;
    rename(&senior.store, &case_id, |r| {
        r.details.crn = "X111111".into()
    })
    .await;
    let (one, two) = futures::join!(at_officer.cycle(), at_senior.cycle());
    assert_eq!(one.unwrap().sealed + two.unwrap().sealed, 2);
    assert_eq!(
        branched_on_the_server(&database, &[&officer, &senior])
            .await
            .len(),
        1
    );

    // The officer's next cycle takes in the other branch, keeps both changes, and ends that
    // branch in the same push: the server holds one branch again.
    let merged = at_officer.cycle().await.unwrap();
    assert!(merged.conflicts.is_empty(), "{merged:?}");
    assert!(merged.quarantined.is_empty(), "{merged:?}");
    let here = officer.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(
        (here.details.name.as_str(), here.details.crn.as_str()),
        ("Jordan Fictional-Smith", "X111111")
    );
    assert_eq!(
        branched_on_the_server(&database, &[&officer, &senior]).await,
        Vec::<Value>::new()
    );
    // And the senior's browser ends with both too, with nothing to choose.
    let got = at_senior.cycle().await.unwrap();
    assert!(got.conflicts.is_empty(), "{got:?}");
    let there = senior.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(there.details, here.details);
    officer.store.delete().await.unwrap();
    senior.store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_record_saved_here_after_team_sync_read_it_is_never_written_over() {
    let workbook = workbook("race", "Alex Trainee", Grade::Po).await;
    let id = format!("case-{}", (js_sys::Math::random() * 1e12) as u64);
    workbook.store.put_case(&case(&id)).await.unwrap();
    // Team sync reads the record to merge a colleague's rename into it...
    let read = workbook
        .store
        .synced_value("cases", &id)
        .await
        .unwrap()
        .unwrap();
    let mut merged = read.clone();
    merged["details"]["name"] = json!("Jordan Fictional-Smith");
    // ...the officer saves a new CRN meanwhile: the merge read before it is not written.
    rename(&workbook.store, &id, |r| r.details.crn = "X111111".into()).await;
    let written = workbook
        .store
        .put_synced("cases", &id, merged.clone(), Some(&read))
        .await
        .unwrap();
    assert_eq!(written, None);
    let here = workbook.store.case(&id).await.unwrap().unwrap();
    assert_eq!(
        (here.details.name.as_str(), here.details.crn.as_str()),
        ("Jordan Fictional", "X111111")
    );
    // Read again and merged again, it goes in.
    let again = workbook
        .store
        .synced_value("cases", &id)
        .await
        .unwrap()
        .unwrap();
    let mut merged = again.clone();
    merged["details"]["name"] = json!("Jordan Fictional-Smith");
    let written = workbook
        .store
        .put_synced("cases", &id, merged, Some(&again))
        .await
        .unwrap();
    assert!(written.is_some());
    let here = workbook.store.case(&id).await.unwrap().unwrap();
    assert_eq!(
        (here.details.name.as_str(), here.details.crn.as_str()),
        ("Jordan Fictional-Smith", "X111111")
    );
    workbook.store.delete().await.unwrap();
}

/// Every document on the team's server, as a member signed in reads them (with `_conflicts`).
async fn on_server(database: &str) -> Vec<Value> {
    let everything = FetchTransport::new(PEER)
        .send(Request {
            method: Method::Get,
            path: format!("/{database}/_all_docs?include_docs=true&conflicts=true"),
            body: None,
        })
        .await
        .unwrap();
    assert_eq!(everything.status, 200, "{}", everything.body);
    everything.body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["doc"].clone())
        .collect()
}

fn epoch_of(document: &Value) -> u64 {
    document["envelope"]["epoch"].as_u64().unwrap()
}

#[wasm_bindgen_test]
async fn a_member_who_leaves_starts_a_new_key_and_their_later_writes_are_refused_by_the_rest() {
    let Demo {
        database,
        officer: officer_member,
        second: leaver_member,
        senior: senior_member,
    } = peer::team().await;
    let officer = workbook("leave-officer", "Alex Trainee", Grade::Po).await;
    let leaver = workbook("leave-leaver", "Lee Leaver", Grade::Po).await;
    let senior = workbook("leave-senior", "Sam Senior", Grade::Spo).await;
    let case_id = format!("case-{}", (js_sys::Math::random() * 1e12) as u64);
    officer.store.put_case(&case(&case_id)).await.unwrap();
    // Each officer has added only their senior from a card: the rest of the team they trust
    // from the list the senior signs on the server.
    let everyone = team_of(&[&officer, &leaver, &senior]);
    let mut at_senior = engine(&senior, everyone.clone(), &database, &senior_member, true).await;
    let mut at_officer = engine(
        &officer,
        team_of(&[&officer, &senior]),
        &database,
        &officer_member,
        false,
    )
    .await;
    let mut at_leaver = engine(
        &leaver,
        team_of(&[&leaver, &senior]),
        &database,
        &leaver_member,
        false,
    )
    .await;
    signed_in(&senior_member).await;
    at_senior.cycle().await.unwrap();
    let first = on_server(&database).await;
    let list = first
        .iter()
        .find(|document| document["_id"] == "team-list-1")
        .expect("the senior's team list is on the server");
    let text = list.to_string();
    for secret in ["Alex", "Lee Leaver", "Sam Senior"] {
        assert!(
            !text.contains(secret),
            "{secret} is readable in the team list"
        );
    }
    signed_in(&officer_member).await;
    assert_eq!(at_officer.cycle().await.unwrap().sealed, 1);
    // The leaver's browser takes the officer's case: the officer is in the signed list.
    signed_in(&leaver_member).await;
    let taken = at_leaver.cycle().await.unwrap();
    assert!(taken.quarantined.is_empty(), "{taken:?}");
    assert!(leaver.store.case(&case_id).await.unwrap().is_some());

    // The senior takes the leaver out of their list: a new key, wrapped to those who remain; the
    // team's documents sealed again under it; then the list that makes it current.
    at_senior.set_team(team_of(&[&officer, &senior]));
    signed_in(&senior_member).await;
    let rekeyed = at_senior.cycle().await.unwrap();
    assert!(rekeyed.resealed >= 1, "{rekeyed:?}");
    let second = on_server(&database).await;
    let ids: Vec<&str> = second
        .iter()
        .filter_map(|document| document["_id"].as_str())
        .collect();
    assert!(ids.contains(&"team-list-2"), "{ids:?}");
    let fingerprint = |workbook: &Workbook| keyring_id(2, &workbook.keys.public.fingerprint());
    assert!(ids.contains(&fingerprint(&officer).as_str()));
    assert!(ids.contains(&fingerprint(&senior).as_str()));
    assert!(
        !ids.contains(&fingerprint(&leaver).as_str()),
        "nothing new is sealed to the leaver"
    );
    for document in second
        .iter()
        .filter(|d| d["_id"].as_str().is_some_and(|id| id.len() == 32))
    {
        assert_eq!(epoch_of(document), 2, "{document}");
    }

    // The officer carries on under the new key.
    signed_in(&officer_member).await;
    let carried = at_officer.cycle().await.unwrap();
    assert!(carried.quarantined.is_empty(), "{carried:?}");
    rename(&officer.store, &case_id, |r| {
        r.details.crn = "X222222".into()
    })
    .await;
    assert_eq!(at_officer.cycle().await.unwrap().sealed, 1);

    // The leaver, not yet out on the server, cannot read what is sealed under the new key, and
    // what they write now (under the old one) is refused by the rest of the team.
    signed_in(&leaver_member).await;
    let shut_out = at_leaver.cycle().await.unwrap();
    assert!(!shut_out.quarantined.is_empty(), "{shut_out:?}");
    rename(&leaver.store, &case_id, |r| {
        r.details.name = "Someone Else".into()
    })
    .await;
    let written = at_leaver.cycle().await.unwrap();
    assert_eq!(written.sealed, 1, "{written:?}");
    signed_in(&officer_member).await;
    let refused = at_officer.cycle().await.unwrap();
    let reasons: Vec<&String> = refused
        .quarantined
        .iter()
        .map(|(_, reason)| reason)
        .collect();
    assert!(
        reasons
            .iter()
            .any(|reason| reason.contains("no longer") || reason.contains("replaced by key 2")),
        "{refused:?}"
    );
    let kept = officer.store.case(&case_id).await.unwrap().unwrap();
    assert_eq!(kept.details.name, "Jordan Fictional");
    assert_eq!(kept.details.crn, "X222222");

    // Still allowed in by the server for a while, the leaver's browser writes nothing over what it
    // cannot read, and the officer's none over it again: no revision goes back and forth.
    signed_in(&leaver_member).await;
    let again = at_leaver.cycle().await.unwrap();
    assert_eq!(again.sealed, 0, "{again:?}");
    signed_in(&officer_member).await;
    let settled = at_officer.cycle().await.unwrap();
    assert_eq!((settled.sealed, settled.pulled), (0, 0), "{settled:?}");

    // Taken out on the server too: the leaver's browser is told, and stops.
    remove(&leaver_member).await;
    signed_in(&leaver_member).await;
    assert!(matches!(at_leaver.cycle().await, Err(SyncError::NotInTeam)));

    // The senior, who never had the officer's revision the leaver wrote over, gets it back: the
    // officer's browser sealed it again after the refused one.
    signed_in(&senior_member).await;
    let read = at_senior.cycle().await.unwrap();
    assert_eq!(
        senior
            .store
            .case(&case_id)
            .await
            .unwrap()
            .unwrap()
            .details
            .crn,
        "X222222",
        "{read:?}"
    );
}
