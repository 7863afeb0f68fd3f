//! Backups in a real browser: WebCrypto locking and unlocking, and restores in IndexedDB, all or
//! nothing. Run with `make wasm-test` (Chromium and Firefox).
#![cfg(target_arch = "wasm32")]

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use jiff::civil::date;
use probation_workbook::domain::answers::Answer;
use probation_workbook::domain::backup::{
    backup_reminder, restore_preview, restore_writes, BackupError, BackupPayload, BackupReminder,
    CaseRecords, ProfileChange,
};
use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
use probation_workbook::domain::plan::{AreaOfNeed, GoalForm};
use probation_workbook::domain::signing::{CaseSigning, Grade, Profile, Snapshot};
use probation_workbook::store::crypto::{open_backup, seal_backup};
use probation_workbook::store::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, SigningRecord, Store, StoreError,
    ASSESSMENTS, CASES, PLANS, RECORD_SCHEMA_VERSION, SETTINGS, SIGNING,
};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const AT: &str = "2026-12-01T22:35:00Z";
const PASSPHRASE: &str = "correct horse battery staple";

async fn fresh_store(test: &str) -> Store {
    let name = format!("workbook-test-backup-{test}-{}", js_sys::Math::random());
    Store::open(&name).await.expect("the database opens")
}

fn officer() -> Profile {
    Profile::new("Sam Patel", Grade::Po).unwrap()
}

fn profile_record() -> ProfileRecord {
    ProfileRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        profile: officer(),
        contact: Default::default(),
        updated_at: "2026-11-01T09:00:00Z".into(),
    }
}

/// A case with an assessment, a plan with a goal, and a signed version of both.
fn case_records(id: &str, name: &str, crn: &str, at: &str) -> CaseRecords {
    let case = CaseRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        id: id.into(),
        details: CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: name.into(),
            crn: crn.into(),
            date_of_birth: date(1991, 7, 17),
            sex: Sex::Female,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: date(2026, 11, 2),
            sentence_end_date: date(2028, 11, 1),
        },
        next_appointment: Some(date(2026, 12, 8).at(10, 30, 0, 0)),
        closure: None,
        photo: None,
        created_at: "2026-11-01T09:00:00Z".into(),
        updated_at: at.into(),
    };
    let mut assessment = AssessmentRecord::new(id);
    assessment.answers.set("3.4", Answer::Choice("2".into()));
    assessment
        .answers
        .set("3.97", Answer::Text(format!("Sofa surfing ({name})")));
    assessment.completed_sections.insert("3".into());
    assessment.last_section = Some("3".into());
    assessment.updated_at = at.into();
    let mut plan = PlanRecord::new(id);
    let today = date(2026, 11, 25);
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    form.target = "6".into();
    plan.plan
        .add_goal("g1", form.to_details(today).unwrap(), today)
        .unwrap();
    plan.updated_at = at.into();
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer()));
    let snapshot = Snapshot {
        answers: assessment.answers.clone(),
        completed_sections: assessment.completed_sections.clone(),
        plan: plan.plan.clone(),
    };
    signing
        .sign(snapshot, true, &officer(), &[], "2026-11-26T09:00:00Z")
        .unwrap();
    assert_eq!(signing.versions.len(), 1, "a signed version");
    let signing = SigningRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 0,
        case_id: id.into(),
        signing,
        comment_drafts: Default::default(),
        reply_drafts: Default::default(),
        updated_at: at.into(),
    };
    CaseRecords {
        case,
        assessment: Some(assessment),
        plan: Some(plan),
        signing: Some(signing),
    }
}

async fn put_case(store: &Store, records: &CaseRecords) {
    store.put_case(&records.case).await.unwrap();
    if let Some(record) = &records.assessment {
        store.put_assessment(record).await.unwrap();
    }
    if let Some(record) = &records.plan {
        store.put_plan(record).await.unwrap();
    }
    if let Some(record) = &records.signing {
        store.put_signing(record).await.unwrap();
    }
}

/// A store holding two cases and the profile.
async fn store_with_work(test: &str) -> (Store, Vec<CaseRecords>) {
    let store = fresh_store(test).await;
    let cases = vec![
        case_records("case-1", "Alex Marsh", "X123456", "2026-11-30T10:00:00Z"),
        case_records("case-2", "Bea Jones", "Y654321", "2026-11-29T10:00:00Z"),
    ];
    for records in &cases {
        put_case(&store, records).await;
    }
    store.put_profile(&profile_record()).await.unwrap();
    (store, cases)
}

async fn run_js(script: &str) -> JsValueResult {
    let promise: js_sys::Promise = js_sys::Function::new_no_args(script)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
        .unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await
}
type JsValueResult = Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

/// Writes a raw value under `key`, as a newer build might.
async fn put_raw(store_name: &str, key: &str, value: &Value, database: &str) {
    let script = format!(
        "return new Promise((resolve, reject) => {{ const open = indexedDB.open({database:?}); open.onsuccess = () => {{ const db = open.result; const tx = db.transaction({store_name:?}, 'readwrite'); tx.objectStore({store_name:?}).put({value}, {key:?}); tx.oncomplete = () => {{ db.close(); resolve(); }}; tx.onerror = () => reject(tx.error); }}; open.onerror = () => reject(open.error); }});"
    );
    run_js(&script).await.unwrap();
}

/// Every key and value of every store, exactly as stored.
async fn dump(database: &str) -> Value {
    let stores = json!([CASES, ASSESSMENTS, PLANS, SIGNING, SETTINGS]);
    let script = format!(
        "return new Promise((resolve, reject) => {{ const open = indexedDB.open({database:?}); open.onsuccess = () => {{ const db = open.result; const names = {stores}; const tx = db.transaction(names, 'readonly'); const out = {{}}; for (const name of names) {{ const store = tx.objectStore(name); const keys = store.getAllKeys(); const values = store.getAll(); values.onsuccess = () => {{ out[name] = keys.result.map((key, i) => [key, values.result[i]]); }}; }} tx.oncomplete = () => {{ db.close(); resolve(JSON.stringify(out)); }}; tx.onerror = () => reject(tx.error); }}; open.onerror = () => reject(open.error); }});"
    );
    let text = run_js(&script).await.unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The backup file with its ciphertext changed by `change` (the digest kept as it was).
fn with_ciphertext(file: &[u8], change: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let mut value: Value = serde_json::from_slice(file).unwrap();
    let mut ciphertext = STANDARD
        .decode(value["ciphertext"].as_str().unwrap())
        .unwrap();
    change(&mut ciphertext);
    value["ciphertext"] = Value::String(STANDARD.encode(&ciphertext));
    serde_json::to_vec(&value).unwrap()
}

#[wasm_bindgen_test]
async fn a_backup_restored_into_a_fresh_database_holds_every_record() {
    let (store, cases) = store_with_work("round-trip").await;
    let (payload, unreadable) = store.backup_payload(AT).await.unwrap();
    assert!(unreadable.is_empty());
    assert_eq!(payload.created_at, AT);
    assert_eq!(payload.cases, cases, "every record of every case");
    assert_eq!(payload.profile, Some(profile_record()));

    let file = seal_backup(PASSPHRASE, &payload, AT).await.unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    assert!(text.contains("\"iterations\": 600000"));
    assert!(
        !text.contains("Alex Marsh"),
        "nothing readable without the passphrase"
    );
    let opened = open_backup(PASSPHRASE, &file).await.unwrap();
    assert_eq!(opened, payload);
    // The same contents locked twice: a new salt and IV each time.
    let again = seal_backup(PASSPHRASE, &payload, AT).await.unwrap();
    assert_ne!(again, file);

    let fresh = fresh_store("round-trip-into").await;
    let (here, here_profile) = fresh.here_for_restore().await.unwrap();
    assert!(here.is_empty() && here_profile.is_none());
    let preview = restore_preview(&opened, &here, here_profile.as_ref());
    assert_eq!(preview.new_cases.len(), 2);
    assert_eq!(preview.profile, ProfileChange::New);
    fresh
        .restore(&restore_writes(&opened, &preview, false))
        .await
        .unwrap();

    let (restored, profile) = fresh.here_for_restore().await.unwrap();
    assert_eq!(restored.len(), 2);
    for original in &cases {
        let copy = restored
            .iter()
            .find(|records| records.case.id == original.case.id)
            .unwrap();
        assert!(
            copy.same_work(original),
            "{} restored exactly",
            original.case.id
        );
        assert_eq!(
            copy.case.updated_at, original.case.updated_at,
            "kept as in the backup"
        );
        assert_eq!(copy.case.revision, original.case.revision + 1);
        assert_eq!(copy.signing.as_ref().unwrap().signing.versions.len(), 1);
    }
    let profile = profile.unwrap();
    assert_eq!(profile.profile, officer());
    assert_eq!(profile.revision, 1);

    // Restoring the same backup again writes nothing.
    let preview = restore_preview(&opened, &restored, Some(&profile));
    assert_eq!(preview.same.len(), 2);
    assert!(preview.is_up_to_date());
    let before = dump(fresh.name()).await;
    fresh
        .restore(&restore_writes(&opened, &preview, true))
        .await
        .unwrap();
    assert_eq!(dump(fresh.name()).await, before);
    store.delete().await.unwrap();
    fresh.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_or_an_edited_header_does_not_unlock() {
    let payload = BackupPayload::new(
        AT,
        vec![case_records("case-1", "Alex Marsh", "X1", AT)],
        None,
    );
    let file = seal_backup(PASSPHRASE, &payload, AT).await.unwrap();
    assert_eq!(
        open_backup("correct horse battery stapler", &file).await,
        Err(BackupError::WrongPassphrase)
    );
    assert_eq!(
        open_backup("", &file).await,
        Err(BackupError::WrongPassphrase)
    );
    // The header is bound to the ciphertext: changing when it was made, or the rounds, is noticed.
    let text = String::from_utf8(file.clone()).unwrap();
    let dated = text.replace(AT, "2026-12-02T22:35:00Z");
    assert_ne!(dated, text);
    assert_eq!(
        open_backup(PASSPHRASE, dated.as_bytes()).await,
        Err(BackupError::WrongPassphrase)
    );
    let rounds = text.replace("600000", "600001");
    assert_eq!(
        open_backup(PASSPHRASE, rounds.as_bytes()).await,
        Err(BackupError::WrongPassphrase)
    );
    // Unicode passphrases: the same words, composed or not, unlock.
    let file = seal_backup("café au lait s'il vous plaît", &payload, AT)
        .await
        .unwrap();
    let decomposed = "cafe\u{301} au lait s'il vous plai\u{302}t";
    assert_eq!(open_backup(decomposed, &file).await, Ok(payload));
}

#[wasm_bindgen_test]
async fn a_changed_or_cut_off_file_is_refused_before_any_key_is_made() {
    let payload = BackupPayload::new(
        AT,
        vec![case_records("case-1", "Alex Marsh", "X1", AT)],
        None,
    );
    let file = seal_backup(PASSPHRASE, &payload, AT).await.unwrap();
    let flipped = with_ciphertext(&file, |ciphertext| ciphertext[10] ^= 0x20);
    assert_eq!(
        open_backup(PASSPHRASE, &flipped).await,
        Err(BackupError::Altered)
    );
    let tag_flipped = with_ciphertext(&file, |ciphertext| {
        let last = ciphertext.len() - 1;
        ciphertext[last] ^= 1;
    });
    assert_eq!(
        open_backup(PASSPHRASE, &tag_flipped).await,
        Err(BackupError::Altered)
    );
    let cut = &file[..file.len() * 2 / 3];
    let error = open_backup(PASSPHRASE, cut).await.unwrap_err();
    assert!(matches!(error, BackupError::Truncated { .. }), "{error:?}");
    assert!(error
        .to_string()
        .starts_with("The backup file is incomplete"));
    assert_eq!(open_backup(PASSPHRASE, b"").await, Err(BackupError::Empty));
    // The digest recomputed after a change: AES-GCM still refuses it.
    let mut value: Value = serde_json::from_slice(&flipped).unwrap();
    let ciphertext = STANDARD
        .decode(value["ciphertext"].as_str().unwrap())
        .unwrap();
    value["ciphertext_sha256"] =
        Value::String(probation_workbook::domain::backup::sha256_hex(&ciphertext));
    let resealed = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        open_backup(PASSPHRASE, &resealed).await,
        Err(BackupError::WrongPassphrase)
    );
}

#[wasm_bindgen_test]
async fn a_restore_over_a_newer_builds_record_writes_nothing_at_all() {
    let store = fresh_store("newer").await;
    let name = store.name().to_string();
    let mine = case_records("case-1", "Alex Marsh", "X123456", "2026-11-01T10:00:00Z");
    put_case(&store, &mine).await;
    let newer = json!({
        "schema_version": RECORD_SCHEMA_VERSION + 1, "revision": 7, "case_id": "case-1",
        "answers": {"3.4": {"choice": "2"}}, "last_section": null,
        "updated_at": "2027-01-01T00:00:00Z", "from_a_newer_build": "kept"
    });
    put_raw(ASSESSMENTS, "case-1", &newer, &name).await;
    let before = dump(&name).await;

    // The backup: this case changed later, a new case, and a profile.
    let mut theirs = case_records("case-1", "Alex Marsh", "X123456", AT);
    theirs.case.details.name = "Alex Marsh-Smith".into();
    let backup = BackupPayload::new(
        AT,
        vec![case_records("case-0", "Aaron New", "Z000001", AT), theirs],
        Some(profile_record()),
    );
    let (here, here_profile) = store.here_for_restore().await.unwrap();
    let preview = restore_preview(&backup, &here, here_profile.as_ref());
    assert_eq!(preview.new_cases.len(), 1);
    assert_eq!(preview.replaced.len(), 1);
    let writes = restore_writes(&backup, &preview, false);
    assert_eq!(writes.cases.len(), 2);
    assert_eq!(store.restore(&writes).await, Err(StoreError::Newer));
    assert_eq!(
        dump(&name).await,
        before,
        "nothing at all changed in any store"
    );
    assert_eq!(store.case("case-0").await.unwrap(), None);
    assert_eq!(store.profile().await.unwrap(), None);
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn a_restore_keeps_cases_only_here_and_newer_work_unless_asked() {
    let store = fresh_store("only-here").await;
    let only_here = case_records("case-9", "Zed Only", "Q999999", "2026-11-15T10:00:00Z");
    let mut later_here = case_records("case-2", "Bea Jones", "Y654321", "2026-12-05T10:00:00Z");
    later_here
        .assessment
        .as_mut()
        .unwrap()
        .answers
        .set("3.5", Answer::Choice("1".into()));
    put_case(&store, &only_here).await;
    put_case(&store, &later_here).await;

    let backup = BackupPayload::new(
        AT,
        vec![
            case_records("case-1", "Alex Marsh", "X123456", AT),
            case_records("case-2", "Bea Jones", "Y654321", AT),
        ],
        None,
    );
    let (here, here_profile) = store.here_for_restore().await.unwrap();
    let preview = restore_preview(&backup, &here, here_profile.as_ref());
    assert_eq!(preview.only_here.len(), 1);
    assert_eq!(preview.only_here[0].id, "case-9");
    assert_eq!(preview.newer_here.len(), 1);
    store
        .restore(&restore_writes(&backup, &preview, false))
        .await
        .unwrap();
    let (after, _) = store.here_for_restore().await.unwrap();
    assert_eq!(after.len(), 3);
    let find = |id: &str| after.iter().find(|records| records.case.id == id).unwrap();
    assert_eq!(find("case-9"), &only_here, "never deleted, never rewritten");
    assert_eq!(find("case-2"), &later_here, "the newer work here is kept");
    assert!(find("case-1").same_work(&backup.cases[0]));

    // Asked to, the restore replaces the newer work too, each record with the next revision.
    store
        .restore(&restore_writes(&backup, &preview, true))
        .await
        .unwrap();
    let bea = store.assessment("case-2").await.unwrap().unwrap();
    assert_eq!(bea.answers.choice("3.5"), None);
    assert_eq!(bea.revision, 1);
    assert_eq!(bea.updated_at, AT);
    let (after, _) = store.here_for_restore().await.unwrap();
    assert!(after.contains(&only_here));
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn what_cannot_be_backed_up_is_named() {
    let (store, _) = store_with_work("unreadable").await;
    let name = store.name().to_string();
    put_raw(
        CASES,
        "case-3",
        &json!({"id": "case-3", "details": 42}),
        &name,
    )
    .await;
    let orphan = AssessmentRecord::new("case-4");
    store.put_assessment(&orphan).await.unwrap();
    let (payload, unreadable) = store.backup_payload(AT).await.unwrap();
    assert_eq!(payload.cases.len(), 2);
    let named: Vec<(&str, &str)> = unreadable
        .iter()
        .map(|record| (record.store, record.id.as_str()))
        .collect();
    assert_eq!(named, [(CASES, "case-3"), (ASSESSMENTS, "case-4")]);
    assert!(unreadable.iter().all(|record| !record.reason.is_empty()));
    store.delete().await.unwrap();
}

#[wasm_bindgen_test]
async fn the_backup_log_remembers_the_last_backup_and_the_reminder_interval() {
    let store = fresh_store("log").await;
    let log = store.backup_log().await.unwrap();
    assert_eq!(
        (log.last_backup_at.as_deref(), log.reminder_days),
        (None, 7)
    );
    let now: jiff::Timestamp = "2026-12-10T12:00:00Z".parse().unwrap();
    assert_eq!(backup_reminder(&log, now, 1), Some(BackupReminder::Never));

    let log = store.record_backup(AT).await.unwrap();
    assert_eq!(log.last_backup_at.as_deref(), Some(AT));
    assert_eq!(log.revision, 1);
    assert_eq!(
        backup_reminder(&log, now, 1),
        Some(BackupReminder::DaysAgo(8))
    );
    let log = store
        .set_reminder_days(14, "2026-12-02T09:00:00Z")
        .await
        .unwrap();
    assert_eq!((log.reminder_days, log.revision), (14, 2));
    assert_eq!(log.last_backup_at.as_deref(), Some(AT), "kept");
    assert_eq!(store.backup_log().await.unwrap(), log);
    assert_eq!(backup_reminder(&log, now, 1), None);
    assert_eq!(
        store
            .set_reminder_days(500, AT)
            .await
            .unwrap()
            .reminder_days,
        90
    );
    // The profile beside it in the settings store is untouched.
    assert_eq!(store.profile().await.unwrap(), None);
    store.delete().await.unwrap();
}
