//! The store in a real browser's IndexedDB: creating and upgrading a database, saving and reading back.
//! Run with `make wasm-test` (Chromium and Firefox).
#![cfg(target_arch = "wasm32")]

use jiff::civil::date;
use probation_workbook::domain::answers::Answer;
use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
use probation_workbook::store::{
    AssessmentRecord, CaseRecord, Store, ASSESSMENTS, CASES, DATABASE_VERSION,
    RECORD_SCHEMA_VERSION,
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
        id: id.into(),
        details: CaseDetails {
            name: "Alex Marsh".into(),
            crn: crn.into(),
            date_of_birth: date(1991, 7, 17),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
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
    assert_eq!(names, vec![ASSESSMENTS.to_string(), CASES.to_string()]);
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
