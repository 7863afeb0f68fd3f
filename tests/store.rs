//! The store in a real browser's IndexedDB: creating and upgrading a database, saving and reading back.
//! Run with `make wasm-test` (Chromium and Firefox).
#![cfg(target_arch = "wasm32")]

use jiff::civil::date;
use probation_workbook::domain::answers::Answer;
use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
use probation_workbook::store::replica::{SYNC_CHANGES, SYNC_DOCUMENTS, SYNC_LOGS};
use probation_workbook::store::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, SigningRecord, Store, StoreError,
    ASSESSMENTS, CASES, DATABASE_VERSION, KEYS, PLANS, RECORD_SCHEMA_VERSION, SETTINGS, SIGNING,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A database of its own per test, so tests never see each other's records.
async fn fresh_store(test: &str) -> Store {
    let name = format!("workbook-test-{test}-{}", js_sys::Math::random());
    Store::open(&name).await.expect("the database opens")
}

fn case_record(id: &str, crn: &str, created_at: &str) -> CaseRecord {
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
            name: "Alex Marsh".into(),
            crn: crn.into(),
            date_of_birth: date(1991, 7, 17),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: date(2026, 11, 2),
            sentence_end_date: date(2028, 11, 1),
        },
        created_at: created_at.into(),
        updated_at: created_at.into(),
    }
}

#[wasm_bindgen_test]
async fn an_empty_database_is_upgraded_to_the_current_schema() {
    let store = fresh_store("upgrade").await;
    assert_eq!(store.version(), DATABASE_VERSION);
    let mut names = store.object_store_names();
    names.sort();
    assert_eq!(
        names,
        vec![
            ASSESSMENTS.to_string(),
            CASES.to_string(),
            KEYS.to_string(),
            PLANS.to_string(),
            SETTINGS.to_string(),
            SIGNING.to_string(),
            SYNC_CHANGES.to_string(),
            SYNC_DOCUMENTS.to_string(),
            SYNC_LOGS.to_string()
        ]
    );
    assert!(store.cases().await.unwrap().is_empty());
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_case_is_saved_and_read_back_exactly() {
    let store = fresh_store("case").await;
    let case = case_record("case-1", "X123456", "2026-11-24T10:00:00Z");
    store.put_case(&case).await.unwrap();
    assert_eq!(store.case("case-1").await.unwrap(), Some(case.clone()));
    assert_eq!(store.case("missing").await.unwrap(), None);

    let newer = case_record("case-2", "Y654321", "2026-11-24T11:00:00Z");
    store.put_case(&newer).await.unwrap();
    let ids: Vec<_> = store
        .cases()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, vec!["case-2", "case-1"], "newest first");
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn an_assessment_draft_is_replaced_by_each_save() {
    let store = fresh_store("assessment").await;
    let mut draft = AssessmentRecord::new("case-1");
    draft.answers.set("3.4", Answer::Choice("1".into()));
    store.put_assessment(&draft).await.unwrap();

    draft.answers.set("3.4", Answer::Choice("2".into()));
    draft
        .answers
        .set("3.97", Answer::Text("Sofa surfing since the summer".into()));
    draft.last_section = Some("3".into());
    store.put_assessment(&draft).await.unwrap();

    let read = store.assessment("case-1").await.unwrap().expect("saved");
    assert_eq!(read, draft);
    assert_eq!(read.schema_version, RECORD_SCHEMA_VERSION);
    assert_eq!(read.answers.choice("3.4"), Some("2"));

    // A review's sections carried forward are kept as they are, through IndexedDB and back.
    draft.mark_completed("3", true);
    draft.mark_completed("9", true);
    draft.carry_forward();
    draft.mark_completed("9", true);
    store.put_assessment(&draft).await.unwrap();
    let read = store.assessment("case-1").await.unwrap().expect("saved");
    assert_eq!(read.carried_forward.iter().collect::<Vec<_>>(), ["3"]);
    assert_eq!(read.completed_sections.iter().collect::<Vec<_>>(), ["9"]);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_cases_main_offence_is_kept_with_it() {
    let store = fresh_store("main-offence").await;
    let mut case = case_record("case-1", "X123456", "2026-11-24T10:00:00Z");
    case.details.main_offence = Some("00801".into());
    store.put_case(&case).await.unwrap();
    let read = store.case("case-1").await.unwrap().expect("saved");
    assert_eq!(read.details.main_offence.as_deref(), Some("00801"));
    assert_eq!(read.details.main_offence_code(), Some("00801"));
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn reopening_keeps_what_was_saved() {
    let name = format!("workbook-test-reopen-{}", js_sys::Math::random());
    let store = Store::open(&name).await.unwrap();
    store
        .put_case(&case_record("case-1", "X123456", "2026-11-24T10:00:00Z"))
        .await
        .unwrap();
    store.close();
    let again = Store::open(&name).await.unwrap();
    assert_eq!(again.cases().await.unwrap().len(), 1);
    again.delete().await.unwrap();
}

/// An assessment saved by an earlier build (record version 1, before `completed_sections`) still reads,
/// with no section completed, and every answer kept; it reads as this build's version from then on.
#[wasm_bindgen_test]
async fn a_version_1_assessment_record_still_reads() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let name = format!("workbook-test-v1-record-{}", js_sys::Math::random());
    Store::open(&name).await.unwrap().close();
    let db = Database::open(&name).await.unwrap();
    let old = serde_json::json!({
        "schema_version": 1,
        "case_id": "case-1",
        "answers": {"3.4": {"choice": "2"}, "3.97": {"text": "Sofa surfing"}},
        "last_section": "3",
        "updated_at": "2026-11-20T10:00:00Z"
    });
    let transaction = db
        .transaction(ASSESSMENTS)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let assessments = transaction.object_store(ASSESSMENTS).unwrap();
    assessments
        .put(&old)
        .with_key("case-1".to_string())
        .serde()
        .unwrap()
        .await
        .unwrap();
    transaction.commit().await.unwrap();
    db.close();

    let store = Store::open(&name).await.unwrap();
    let read = store
        .assessment("case-1")
        .await
        .unwrap()
        .expect("the old record");
    assert_eq!(read.schema_version, RECORD_SCHEMA_VERSION);
    assert!(read.completed_sections.is_empty());
    assert_eq!(read.answers.choice("3.4"), Some("2"));
    assert_eq!(read.answers.text("3.97"), "Sofa surfing");
    assert_eq!(read.last_section.as_deref(), Some("3"));
    store.delete().await.unwrap();
}

/// A database made by the first release (version 1: cases and assessments only) is upgraded in
/// place: the plans store is added and every saved case stays.
#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_and_keeps_its_cases() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;

    let name = format!("workbook-test-v1-db-{}", js_sys::Math::random());
    let db = Database::open(&name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store(CASES).build()?;
            db.create_object_store(ASSESSMENTS).build()?;
            Ok(())
        })
        .await
        .unwrap();
    let case = case_record("case-1", "X123456", "2026-11-24T10:00:00Z");
    let transaction = db
        .transaction(CASES)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    transaction
        .object_store(CASES)
        .unwrap()
        .put(&case)
        .with_key("case-1".to_string())
        .serde()
        .unwrap()
        .await
        .unwrap();
    transaction.commit().await.unwrap();
    db.close();

    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.version(), DATABASE_VERSION);
    assert!(store.object_store_names().contains(&PLANS.to_string()));
    assert_eq!(store.case("case-1").await.unwrap(), Some(case));
    assert_eq!(store.plan("case-1").await.unwrap(), None);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_plan_is_saved_and_read_back_exactly() {
    use probation_workbook::domain::plan::{AreaOfNeed, GoalForm};
    use probation_workbook::domain::reviews::SignificantChange;

    let store = fresh_store("plan").await;
    let mut record = PlanRecord::new("case-1");
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    form.target = "6".into();
    let today = date(2026, 11, 25);
    record
        .plan
        .add_goal("g1", form.to_details(today).unwrap(), today)
        .unwrap();
    record.significant_changes.push(SignificantChange {
        date: today,
        kind: None,
        reason: "Moved to a hostel".into(),
        recorded_on: None,
    });
    record.goal_form = Some(GoalForm::suggested(AreaOfNeed::DrugMisuse, "Half typed"));
    store.put_plan(&record).await.unwrap();
    assert_eq!(store.plan("case-1").await.unwrap(), Some(record));
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_profile_and_signing_are_saved_and_an_import_writes_every_record() {
    use probation_workbook::domain::signing::{CaseSigning, Grade, Profile};

    let store = fresh_store("signing").await;
    assert_eq!(store.profile().await.unwrap(), None);
    let profile = Profile::new("Sam Senior", Grade::Spo).unwrap();
    let record = ProfileRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        profile: profile.clone(),
        contact: Default::default(),
        updated_at: "2026-11-25T10:00:00Z".into(),
    };
    store.put_profile(&record).await.unwrap();
    assert_eq!(store.profile().await.unwrap(), Some(record));

    let case = case_record("case-9", "Y111111", "2026-11-25T10:00:00Z");
    let mut assessment = AssessmentRecord::new("case-9");
    assessment.answers.set("3.4", Answer::Choice("1".into()));
    let plan = PlanRecord::new("case-9");
    let signing = SigningRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        case_id: "case-9".into(),
        signing: CaseSigning::new("2026-11-25T10:00:00Z", Some(&profile)),
        comment_drafts: Default::default(),
        // An officer's reply as typed (record layout 9) comes back as it went in.
        reply_drafts: [("1.0".to_string(), "Checked with the landlord".to_string())].into(),
        updated_at: "2026-11-25T10:00:00Z".into(),
    };
    store
        .import_case(&case, Some(&assessment), Some(&plan), &signing)
        .await
        .unwrap();
    // Each record replaced by an import takes the next revision, so other tabs take it.
    let (mut case, mut assessment, mut plan, mut signing) = (case, assessment, plan, signing);
    case.revision = 1;
    assessment.revision = 1;
    plan.revision = 1;
    signing.revision = 1;
    assert_eq!(store.case("case-9").await.unwrap(), Some(case));
    assert_eq!(store.assessment("case-9").await.unwrap(), Some(assessment));
    assert_eq!(store.plan("case-9").await.unwrap(), Some(plan));
    assert_eq!(store.signing("case-9").await.unwrap(), Some(signing));
    store.delete().await.unwrap();
}

/// Writes a raw JavaScript value under `key`, as a hand edit, an older or a newer build might.
async fn put_raw(store_name: &str, key: &str, value: &serde_json::Value, database: &str) {
    use wasm_bindgen::JsCast;
    let json = js_sys::JSON::parse(&value.to_string()).unwrap();
    let script = format!(
        "return new Promise((resolve, reject) => {{ const open = indexedDB.open({database:?}); open.onsuccess = () => {{ const db = open.result; const tx = db.transaction({store_name:?}, 'readwrite'); tx.objectStore({store_name:?}).put(value, {key:?}); tx.oncomplete = () => {{ db.close(); resolve(); }}; tx.onerror = () => reject(tx.error); }}; open.onerror = () => reject(open.error); }});"
    );
    let function = js_sys::Function::new_with_args("value", &script);
    let promise: js_sys::Promise = function
        .call1(&wasm_bindgen::JsValue::NULL, &json)
        .unwrap()
        .unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_update_applies_its_change_to_the_record_as_stored_now() {
    let store = fresh_store("update").await;
    let first = store
        .update(
            "case-1",
            Some(AssessmentRecord::new("case-1")),
            "2026-12-01T10:00:00Z",
            &|record: &mut AssessmentRecord| {
                record.answers.set("3.4", Answer::Choice("2".into()));
            },
        )
        .await
        .unwrap();
    assert_eq!(first.revision, 1);
    // A second tab, whose copy never saw 3.4, changes another field: both are kept.
    let second = store
        .update(
            "case-1",
            Some(AssessmentRecord::new("case-1")),
            "2026-12-01T10:00:01Z",
            &|record: &mut AssessmentRecord| {
                record
                    .answers
                    .set("3.97", Answer::Text("Sofa surfing".into()));
            },
        )
        .await
        .unwrap();
    assert_eq!(second.revision, 2);
    let stored = store.assessment("case-1").await.unwrap().unwrap();
    assert_eq!(stored.answers.choice("3.4"), Some("2"));
    assert_eq!(stored.answers.text("3.97"), "Sofa surfing");
    assert_eq!(stored.revision, 2);
    assert_eq!(stored.updated_at, "2026-12-01T10:00:01Z");
    // A record that must exist is never created by a change.
    let missing = store
        .update(
            "nobody",
            None,
            "2026-12-01T10:00:02Z",
            &|record: &mut CaseRecord| record.details.name = "X".into(),
        )
        .await;
    assert!(matches!(missing, Err(StoreError::Missing(_))));
    assert_eq!(store.case("nobody").await.unwrap(), None);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_record_of_a_newer_build_is_never_written_over() {
    let store = fresh_store("newer").await;
    let name = store.name().to_string();
    let newer = serde_json::json!({
        "schema_version": RECORD_SCHEMA_VERSION + 1, "revision": 7, "case_id": "case-1",
        "answers": {"3.4": {"choice": "2"}}, "last_section": null, "updated_at": "2027-01-01T00:00:00Z",
        "from_a_newer_build": "kept"
    });
    put_raw(ASSESSMENTS, "case-1", &newer, &name).await;
    let result = store
        .update(
            "case-1",
            Some(AssessmentRecord::new("case-1")),
            "2026-12-01T10:00:00Z",
            &|record: &mut AssessmentRecord| {
                record.answers.set("3.5", Answer::Choice("1".into()));
            },
        )
        .await;
    assert_eq!(result.unwrap_err(), StoreError::Newer);
    assert!(store.is_newer::<AssessmentRecord>("case-1").await.unwrap());
    let case = case_record("case-1", "X123456", "2026-11-24T10:00:00Z");
    let signing = SigningRecord::new("case-1", "2026-11-24T10:00:00Z");
    let assessment = AssessmentRecord::new("case-1");
    assert_eq!(
        store
            .import_case(&case, Some(&assessment), None, &signing)
            .await
            .unwrap_err(),
        StoreError::Newer
    );
    // Nothing of that import was written either.
    assert_eq!(store.case("case-1").await.unwrap(), None);
    let kept = store.assessment("case-1").await.unwrap().unwrap();
    assert_eq!(kept.revision, 7);
    assert_eq!(kept.answers.choice("3.5"), None);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_named_and_the_others_still_read() {
    let store = fresh_store("unreadable").await;
    let name = store.name().to_string();
    store
        .put_case(&case_record("case-1", "X123456", "2026-11-24T10:00:00Z"))
        .await
        .unwrap();
    store
        .put_case(&case_record("case-3", "X123458", "2026-11-24T10:00:00Z"))
        .await
        .unwrap();
    put_raw(
        CASES,
        "case-2",
        &serde_json::json!({"id": "case-2", "details": 42}),
        &name,
    )
    .await;
    put_raw(CASES, "case-4", &serde_json::json!("not a record"), &name).await;
    let (cases, unreadable) = store.all_records::<CaseRecord>().await.unwrap();
    assert_eq!(
        cases
            .iter()
            .map(|case| case.id.as_str())
            .collect::<Vec<_>>(),
        ["case-1", "case-3"]
    );
    assert_eq!(
        unreadable
            .iter()
            .map(|record| record.id.as_str())
            .collect::<Vec<_>>(),
        ["case-2", "case-4"]
    );
    assert!(unreadable
        .iter()
        .all(|record| record.store == CASES && !record.reason.is_empty()));
    assert_eq!(store.cases().await.unwrap().len(), 2);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_an_older_tab_is_reported_and_goes_ahead_once_it_lets_go() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;

    let name = format!("workbook-test-blocked-{}", js_sys::Math::random());
    // An older tab: a connection at version 2 (cases, assessments, plans) that ignores
    // `versionchange`.
    let script = format!(
        "return new Promise((resolve, reject) => {{ const open = indexedDB.open({name:?}, 2); open.onupgradeneeded = () => {{ open.result.createObjectStore('cases'); open.result.createObjectStore('assessments'); open.result.createObjectStore('plans'); }}; open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); }});"
    );
    let promise: js_sys::Promise = js_sys::Function::new_no_args(&script)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
        .unchecked_into();
    let older_tab = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let blocked = Rc::new(Cell::new(false));
    let seen = blocked.clone();
    let store = Store::open_watched(&name, move || {
        seen.set(true);
        // The older tab is closed (or reloaded) as the message asks.
        let close: js_sys::Function = js_sys::Reflect::get(&older_tab, &"close".into())
            .unwrap()
            .unchecked_into();
        close.call0(&older_tab).unwrap();
    })
    .await
    .expect("the upgrade goes ahead once the older tab lets go");
    assert!(blocked.get(), "the blocked upgrade was reported");
    assert_eq!(store.version(), DATABASE_VERSION);
    assert!(store.object_store_names().contains(&SIGNING.to_string()));
    assert!(store.object_store_names().contains(&KEYS.to_string()));
    store.delete().await.unwrap();
}

/// An assessment draft saved before the item codes of issue 13 (record version 4) reads with every
/// answer under today's codes, wherever it is read from, and is saved back as this version without
/// being moved a second time.
#[wasm_bindgen_test]
async fn an_older_assessment_record_is_read_migrated_and_saved_as_this_version() {
    let store = fresh_store("migrate-assessment").await;
    let name = store.name().to_string();
    let old = serde_json::json!({
        "schema_version": 4, "revision": 2, "case_id": "case-1",
        "answers": {
            "2.3": {"choices": ["stranger", "child"]},
            "2.4": {"text": "To sell the tools"},
            "2.5": {"choice": "yes"},
            "2.7": {"choice": "no"},
            "2.98": {"choice": "no"},
            "2.99": {"choice": "yes"},
            "4.98": {"choice": "yes"},
            "4.99": {"choice": "no"},
            "3.4": {"choice": "2"}
        },
        "last_section": "2", "completed_sections": ["2", "4"], "updated_at": "2026-11-20T10:00:00Z"
    });
    const { assert!(RECORD_SCHEMA_VERSION > 4) };
    put_raw(ASSESSMENTS, "case-1", &old, &name).await;

    let read = store
        .assessment("case-1")
        .await
        .unwrap()
        .expect("the old record");
    assert_eq!(read.schema_version, RECORD_SCHEMA_VERSION);
    assert_eq!(read.revision, 2);
    let answers = &read.answers;
    assert_eq!(answers.choices("2.4.1"), ["child"]);
    assert_eq!(answers.choices("2.4.2"), ["stranger"]);
    assert_eq!(answers.text("2.8"), "To sell the tools");
    assert_eq!(answers.choice("2.14"), Some("yes"));
    assert_eq!(answers.choice("2.11"), Some("no"));
    assert_eq!(answers.choice("2.7"), None);
    assert_eq!(answers.choice("2.99"), Some("no"), "linked to harm");
    assert_eq!(answers.choice("2.98"), Some("yes"), "linked to offending");
    assert_eq!(answers.choice("4.96"), Some("yes"), "linked to harm");
    assert_eq!(answers.choice("4.98"), Some("no"), "linked to offending");
    assert_eq!(answers.choice("3.4"), Some("2"));
    assert_eq!(read.completed_sections.len(), 2);
    assert_eq!(
        store.record::<AssessmentRecord>("case-1").await.unwrap(),
        Some(read.clone())
    );
    assert_eq!(store.assessments().await.unwrap(), vec![read.clone()]);

    // Saved back whole, then changed: the answers are not moved again.
    store.put_assessment(&read).await.unwrap();
    let changed = store
        .update(
            "case-1",
            None,
            "2026-12-01T10:00:00Z",
            &|record: &mut AssessmentRecord| {
                record.answers.set("3.5", Answer::Choice("1".into()));
            },
        )
        .await
        .unwrap();
    assert_eq!(changed.schema_version, RECORD_SCHEMA_VERSION);
    let again = store.assessment("case-1").await.unwrap().unwrap();
    assert_eq!(
        again.answers.choice("2.98"),
        Some("yes"),
        "not swapped back"
    );
    assert_eq!(again.answers.choice("4.98"), Some("no"));
    assert_eq!(again.answers.choice("3.5"), Some("1"));
    assert_eq!(again.schema_version, RECORD_SCHEMA_VERSION);
    store.delete().await.unwrap();
}

/// The signed versions of an older signing record read with their answers under today's codes, so
/// that they compare equal with an imported package's (migrated the same way).
#[wasm_bindgen_test]
async fn an_older_signing_record_is_read_with_every_version_migrated() {
    use probation_workbook::domain::answers::Answers;
    use probation_workbook::domain::signing::{CaseSigning, Grade, Profile, Snapshot};
    let store = fresh_store("migrate-signing").await;
    let name = store.name().to_string();
    let officer = Profile::new("Sam Patel", Grade::Po).unwrap();
    let mut old_answers = Answers::default();
    old_answers.set("2.99", Answer::Choice("yes".into()));
    old_answers.set("4.99", Answer::Choice("no".into()));
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
    let snapshot = Snapshot {
        answers: old_answers,
        ..Snapshot::default()
    };
    signing
        .sign(snapshot, true, &officer, &[], "2026-11-02T09:00:00Z")
        .unwrap();
    let old = serde_json::json!({
        "schema_version": 3, "case_id": "case-1", "signing": signing,
        "updated_at": "2026-11-20T10:00:00Z"
    });
    put_raw(SIGNING, "case-1", &old, &name).await;
    let read = store
        .signing("case-1")
        .await
        .unwrap()
        .expect("the old record");
    assert_eq!(read.schema_version, RECORD_SCHEMA_VERSION);
    let answers = &read.signing.versions[0].snapshot.answers;
    assert_eq!(answers.choice("2.98"), Some("yes"));
    assert_eq!(answers.choice("2.99"), None);
    assert_eq!(answers.choice("4.98"), Some("no"));
    assert_eq!(answers.choice("4.99"), None);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn this_officers_keys_are_made_kept_and_sign_but_the_private_halves_never_leave() {
    use probation_workbook::store::identity::{make_my_keys, sign};
    let store = fresh_store("keys").await;
    assert!(store.my_keys().await.unwrap().is_none());
    let made = make_my_keys("2026-12-01T09:00:00Z").await.unwrap();
    let kept = store.put_my_keys(&made).await.unwrap();
    assert_eq!(kept.public, made.public);
    // A second set made in another tab at the same moment never replaces the first.
    let other = make_my_keys("2026-12-01T09:00:01Z").await.unwrap();
    assert_ne!(other.public, made.public);
    assert_eq!(store.put_my_keys(&other).await.unwrap().public, made.public);
    let read = store.my_keys().await.unwrap().expect("the keys are kept");
    assert_eq!(read.public, made.public);
    assert_eq!(read.created_at, "2026-12-01T09:00:00Z");
    // The kept private key signs, and the domain's verifier (RustCrypto) accepts the signature.
    let message = b"probation-workbook test message";
    let signature = sign(&read.signing_private, message).await.unwrap();
    assert_eq!(signature.len(), 64);
    assert!(read.public.signing.verifies(message, &signature));
    assert!(!read.public.signing.verifies(b"another message", &signature));
    // Neither private key can be exported.
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    for key in [&read.signing_private, &read.encryption_private] {
        assert!(!key.extractable());
        let export = subtle.export_key("pkcs8", key).unwrap();
        assert!(wasm_bindgen_futures::JsFuture::from(export).await.is_err());
    }
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_package_sealed_by_webcrypto_opens_only_with_its_recipients_kept_key() {
    use probation_workbook::domain::keys::{parse_sealed, parse_sealed_for};
    use probation_workbook::store::identity::{open_sealed_for_me, seal_for};
    let store = fresh_store("sealing").await;
    let mine = store.my_keys_or_make("2026-12-01T09:00:00Z").await.unwrap();
    // Made once: asked again, the same keys.
    let again = store.my_keys_or_make("2026-12-02T09:00:00Z").await.unwrap();
    assert_eq!(again.public, mine.public);
    let plaintext = br#"{"format":"probation-workbook-case-package"}"#;
    let sealed = seal_for(&mine.public, plaintext).await.unwrap();
    let text = sealed.to_json();
    assert!(!text.contains("probation-workbook-case-package"));
    let read = parse_sealed_for(text.as_bytes(), &mine.public.fingerprint()).unwrap();
    assert_eq!(open_sealed_for_me(&mine, &read).await.unwrap(), plaintext);
    // Each sealing is fresh: another ephemeral key and IV.
    let twice = seal_for(&mine.public, plaintext).await.unwrap();
    assert_ne!(twice.header.ephemeral_key, sealed.header.ephemeral_key);
    assert_ne!(twice.header.iv, sealed.header.iv);
    // A flipped ciphertext byte, or a changed header, does not open.
    let mut flipped = read.clone();
    flipped.ciphertext[0] ^= 1;
    assert!(open_sealed_for_me(&mine, &flipped).await.is_err());
    let mut moved = read.clone();
    moved.header.iv[0] ^= 1;
    assert!(open_sealed_for_me(&mine, &moved).await.is_err());
    // Sealed for someone else: refused by fingerprint before any key is used.
    let someone = probation_workbook::store::identity::make_my_keys("2026-12-01T09:00:00Z")
        .await
        .unwrap();
    let theirs = seal_for(&someone.public, plaintext).await.unwrap();
    let refused = open_sealed_for_me(&mine, &parse_sealed(theirs.to_json().as_bytes()).unwrap())
        .await
        .unwrap_err();
    assert!(
        refused.starts_with("This package was sealed for someone else"),
        "{refused}"
    );
    store.delete().await.unwrap();
}

/// A closed case with all four records, and the records of another case beside it.
async fn two_cases_with_every_record(store: &Store) {
    for (id, crn) in [("case-1", "X123456"), ("case-2", "Y654321")] {
        store
            .put_case(&case_record(id, crn, "2026-11-24T10:00:00Z"))
            .await
            .unwrap();
        let mut draft = AssessmentRecord::new(id);
        draft.answers.set("3.4", Answer::Choice("1".into()));
        store.put_assessment(&draft).await.unwrap();
        store.put_plan(&PlanRecord::new(id)).await.unwrap();
        store
            .put_signing(&SigningRecord::new(id, "2026-11-24T10:00:00Z"))
            .await
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn deleting_a_closed_case_deletes_its_four_records_and_nothing_else() {
    use probation_workbook::domain::closure::{CaseClosure, ClosureReason};
    let store = fresh_store("delete-case").await;
    two_cases_with_every_record(&store).await;
    let profile = ProfileRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        profile: probation_workbook::domain::signing::Profile::new(
            "Sam Fictional",
            probation_workbook::domain::signing::Grade::Po,
        )
        .unwrap(),
        contact: Default::default(),
        updated_at: "2026-11-24T10:00:00Z".into(),
    };
    store.put_profile(&profile).await.unwrap();

    // An open case is never deleted: nothing changes.
    assert!(matches!(
        store.delete_case("case-1").await,
        Err(StoreError::NotClosed)
    ));
    assert!(store.case("case-1").await.unwrap().is_some());
    assert!(store.assessment("case-1").await.unwrap().is_some());

    let mut closed = store.case("case-1").await.unwrap().unwrap();
    closed.closure = Some(CaseClosure {
        reason: ClosureReason::SentenceEnded,
        closed_on: date(2028, 11, 1),
        note: String::new(),
        recorded_at: "2028-11-02T09:00:00Z".into(),
    });
    store.put_case(&closed).await.unwrap();
    store.delete_case("case-1").await.unwrap();

    assert_eq!(store.case("case-1").await.unwrap(), None);
    assert_eq!(store.assessment("case-1").await.unwrap(), None);
    assert_eq!(store.plan("case-1").await.unwrap(), None);
    assert_eq!(store.signing("case-1").await.unwrap(), None);
    // The other case and the profile are untouched.
    let other = store.case("case-2").await.unwrap().expect("kept");
    assert_eq!(other.details.crn, "Y654321");
    assert!(store.assessment("case-2").await.unwrap().is_some());
    assert!(store.plan("case-2").await.unwrap().is_some());
    assert!(store.signing("case-2").await.unwrap().is_some());
    assert_eq!(store.profile().await.unwrap(), Some(profile));
    // A case that is not there: said, not a panic.
    assert!(matches!(
        store.delete_case("case-1").await,
        Err(StoreError::Missing(_))
    ));
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_closed_case_written_by_a_newer_build_is_not_deleted() {
    use probation_workbook::domain::closure::{CaseClosure, ClosureReason};
    let store = fresh_store("delete-newer").await;
    two_cases_with_every_record(&store).await;
    let mut closed = store.case("case-1").await.unwrap().unwrap();
    closed.closure = Some(CaseClosure {
        reason: ClosureReason::Died,
        closed_on: date(2027, 1, 5),
        note: String::new(),
        recorded_at: "2027-01-06T09:00:00Z".into(),
    });
    store.put_case(&closed).await.unwrap();
    let mut newer_plan = PlanRecord::new("case-1");
    newer_plan.schema_version = RECORD_SCHEMA_VERSION + 1;
    store.put_plan(&newer_plan).await.unwrap();
    assert!(matches!(
        store.delete_case("case-1").await,
        Err(StoreError::Newer)
    ));
    // All or nothing: the case and its assessment, deleted before the plan was reached, are still there.
    assert!(store.case("case-1").await.unwrap().is_some());
    assert!(store.assessment("case-1").await.unwrap().is_some());
    store.delete().await.unwrap();
}
