//! Backups: the envelope and every refusal of a file, the contents, the reminder and the passphrase.
//! Fixtures for the preview tests and the property tests.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use jiff::civil::date;
use serde_json::{json, Value};

use super::*;
use crate::domain::answers::Answer;
use crate::domain::case::{CaseDetails, SentenceType, Sex};
use crate::domain::plan::{AreaOfNeed, GoalForm};
use crate::domain::records::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, SigningRecord, RECORD_SCHEMA_VERSION,
};
use crate::domain::reviews::SignificantChange;
use crate::domain::signing::{CaseSigning, Grade, Profile, Snapshot};

pub(super) const AT: &str = "2026-12-01T22:35:00Z";

pub(super) fn officer() -> Profile {
    Profile::new("Sam Patel", Grade::Po).unwrap()
}

pub(super) fn profile_record(at: &str) -> ProfileRecord {
    ProfileRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 3,
        profile: officer(),
        contact: Default::default(),
        updated_at: at.into(),
    }
}

/// A case with an assessment, a plan with a goal and a significant change, and one signed version.
pub(super) fn case_records(id: &str, name: &str, crn: &str, at: &str) -> CaseRecords {
    let case = CaseRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 2,
        id: id.into(),
        details: CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: name.into(),
            crn: crn.into(),
            date_of_birth: date(1990, 1, 2),
            sex: Sex::Male,
            sentence_type: SentenceType::CommunityOrder,
            sentence_date: None,
            sentence_or_release_date: date(2026, 10, 1),
            sentence_end_date: date(2027, 10, 1),
        },
        next_appointment: Some(date(2026, 12, 8).at(10, 30, 0, 0)),
        closure: None,
        photo: None,
        created_at: "2026-11-01T09:00:00Z".into(),
        updated_at: at.into(),
    };
    let mut assessment = AssessmentRecord::new(id);
    assessment.revision = 5;
    assessment.answers.set("3.4", Answer::Choice("2".into()));
    assessment
        .answers
        .set("3.97", Answer::Text(format!("Sofa surfing ({name})")));
    assessment.completed_sections.insert("3".into());
    assessment.updated_at = at.into();
    let mut plan = PlanRecord::new(id);
    let today = date(2026, 11, 25);
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    form.target = "6".into();
    plan.plan
        .add_goal("g1", form.to_details(today).unwrap(), today)
        .unwrap();
    plan.significant_changes.push(SignificantChange {
        date: today,
        kind: None,
        reason: "Moved to a hostel".into(),
        recorded_on: Some(today),
    });
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
    let signing = SigningRecord {
        schema_version: RECORD_SCHEMA_VERSION,
        revision: 1,
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

pub(super) fn payload() -> BackupPayload {
    BackupPayload::new(
        AT,
        vec![
            case_records("case-1", "Alex Smith", "X123456", "2026-11-30T10:00:00Z"),
            case_records("case-2", "Bea Jones", "Y654321", "2026-11-29T10:00:00Z"),
        ],
        Some(profile_record("2026-11-01T09:00:00Z")),
    )
}

pub(super) fn envelope() -> Envelope {
    let ciphertext: Vec<u8> = (0..=255u8).cycle().take(300).collect();
    Envelope::new(AT, [7; SALT_BYTES], [9; IV_BYTES], ciphertext)
}

/// The envelope's file as JSON, to edit.
pub(super) fn file_value() -> Value {
    serde_json::from_slice(&envelope().to_json_bytes()).unwrap()
}

/// The file with the value at `pointer` replaced.
fn edited(pointer: &str, value: Value) -> Vec<u8> {
    let mut file = file_value();
    *file.pointer_mut(pointer).expect("the field exists") = value;
    serde_json::to_vec(&file).unwrap()
}

fn refusal(bytes: &[u8]) -> BackupError {
    parse_envelope(bytes).expect_err("refused")
}

// The envelope.

#[test]
fn an_envelope_is_written_as_the_format_says_and_read_back() {
    let envelope = envelope();
    let file = envelope.to_json_bytes();
    assert_eq!(parse_envelope(&file), Ok(envelope.clone()));
    let value: Value = serde_json::from_slice(&file).unwrap();
    assert_eq!(
        value,
        json!({
            "format": "probation-workbook-backup",
            "version": 1,
            "created_at": AT,
            "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000,
                    "salt": STANDARD.encode([7u8; 16])},
            "cipher": {"name": "AES-GCM", "iv": STANDARD.encode([9u8; 12])},
            "ciphertext_sha256": sha256_hex(&envelope.ciphertext),
            "ciphertext": STANDARD.encode(&envelope.ciphertext),
        })
    );
    assert_eq!(envelope.iterations, PBKDF2_ITERATIONS);
    assert_eq!(envelope.ciphertext_sha256.len(), 64);
    // The header comes first, for anyone reading the file.
    assert!(String::from_utf8(file)
        .unwrap()
        .starts_with("{\n  \"format\": \"probation-workbook-backup\""));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let mut file = "\u{feff}".as_bytes().to_vec();
    file.extend(envelope().to_json_bytes());
    assert_eq!(parse_envelope(&file), Ok(envelope()));
}

#[test]
fn the_associated_data_is_the_canonical_header_and_binds_every_field_of_it() {
    let envelope = envelope();
    let mut header = file_value();
    let map = header.as_object_mut().unwrap();
    map.remove("ciphertext");
    map.remove("ciphertext_sha256");
    assert_eq!(
        envelope.associated_data(),
        crate::domain::package::canonical_json(&header).into_bytes()
    );
    assert!(String::from_utf8(envelope.associated_data())
        .unwrap()
        .starts_with(r#"{"cipher":{"iv":"#));
    let changed = [
        Envelope {
            iterations: PBKDF2_ITERATIONS + 1,
            ..envelope.clone()
        },
        Envelope {
            created_at: "2026-12-02T22:35:00Z".into(),
            ..envelope.clone()
        },
        Envelope {
            salt: [8; SALT_BYTES],
            ..envelope.clone()
        },
        Envelope {
            iv: [8; IV_BYTES],
            ..envelope.clone()
        },
    ];
    for other in changed {
        assert_ne!(other.associated_data(), envelope.associated_data());
    }
    // The ciphertext is authenticated by AES-GCM itself, not as associated data.
    let other = Envelope::new(AT, envelope.salt, envelope.iv, vec![1; 40]);
    assert_eq!(other.associated_data(), envelope.associated_data());
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_saying_what_it_is() {
    assert_eq!(refusal(b""), BackupError::Empty);
    assert_eq!(refusal(b" \n\t"), BackupError::Empty);
    assert_eq!(refusal(&[0xff, 0xfe, 0x00, 0x41]), BackupError::NotText);
    assert!(matches!(refusal(b"hello"), BackupError::NotJson { .. }));
    assert_eq!(
        refusal(b"hello").to_string(),
        "The file is not a Probation Workbook backup: it is not valid JSON (line 1, column 1: expected value)"
    );
    assert_eq!(refusal(b"[1, 2]"), BackupError::NotABackup);
    assert_eq!(refusal(b"{}"), BackupError::NotABackup);
    assert_eq!(
        refusal(br#"{"format": "something-else", "version": 1}"#),
        BackupError::NotABackup
    );
    assert_eq!(
        refusal(br#"{"format": "probation-workbook-backup-contents", "cases": []}"#),
        BackupError::NotABackup
    );
    let package = br#"{"format": "probation-workbook-case-package", "schema_version": 2}"#;
    assert_eq!(refusal(package), BackupError::CasePackage);
    assert_eq!(
        refusal(package).to_string(),
        "The file is a case package, not a backup: import it as a case package instead"
    );
    assert_eq!(
        refusal(&[0u8; MAX_BACKUP_BYTES + 1]).to_string(),
        "The file is too large to be a Probation Workbook backup: it is 200.1 MB, and a backup is at most 200 MB"
    );
}

#[test]
fn a_file_cut_short_is_incomplete_wherever_it_was_cut() {
    let file = envelope().to_json_bytes();
    for end in 1..file.len() {
        match refusal(&file[..end]) {
            BackupError::Truncated { .. } | BackupError::Empty => {}
            other => panic!("cut at {end}: {other:?}"),
        }
    }
    assert_eq!(
        refusal(&file[..file.len() - 1]).to_string(),
        "The backup file is incomplete: it ends too early (line 17, column 0). It may have been cut off while being copied or downloaded: use another copy of it"
    );
}

#[test]
fn a_newer_format_version_is_refused_asking_for_an_update() {
    let error = refusal(&edited("/version", json!(2)));
    assert_eq!(error, BackupError::NewerVersion { found: 2 });
    assert_eq!(
        error.to_string(),
        "The backup was made by a newer version of Probation Workbook: update this browser's copy first"
    );
    // Whatever else a newer layout holds.
    let newer =
        br#"{"format": "probation-workbook-backup", "version": 7, "kdf": {"name": "Argon2id"}}"#;
    assert_eq!(refusal(newer), BackupError::NewerVersion { found: 7 });
    for version in [json!(0), json!("1"), json!(1.5), json!(-1), Value::Null] {
        assert!(matches!(
            refusal(&edited("/version", version)),
            BackupError::Damaged { .. }
        ));
    }
}

#[test]
fn an_unknown_key_derivation_or_cipher_is_refused() {
    assert_eq!(
        refusal(&edited("/kdf/name", json!("scrypt"))),
        BackupError::UnsupportedKdf {
            found: "scrypt".into()
        }
    );
    assert_eq!(
        refusal(&edited("/kdf/hash", json!("SHA-1"))).to_string(),
        "The backup is locked with a method this version of Probation Workbook does not use (PBKDF2 with SHA-1)"
    );
    assert_eq!(
        refusal(&edited("/cipher/name", json!("AES-CBC"))),
        BackupError::UnsupportedCipher {
            found: "AES-CBC".into()
        }
    );
    assert!(matches!(
        refusal(&edited("/kdf", json!("PBKDF2"))),
        BackupError::Damaged { .. }
    ));
    assert!(matches!(
        refusal(&edited("/cipher", Value::Null)),
        BackupError::Damaged { .. }
    ));
}

#[test]
fn an_iteration_count_below_the_minimum_or_absurdly_high_is_refused() {
    for found in [
        0,
        1000,
        u64::from(PBKDF2_ITERATIONS) - 1,
        10_000_001,
        u64::MAX,
    ] {
        assert_eq!(
            refusal(&edited("/kdf/iterations", json!(found))),
            BackupError::Iterations { found }
        );
    }
    assert_eq!(
        refusal(&edited("/kdf/iterations", json!(1000))).to_string(),
        "The backup file is damaged or was not made by Probation Workbook: its passphrase is stretched 1000 times, and Probation Workbook uses 600,000 to 10,000,000"
    );
    for accepted in [
        PBKDF2_ITERATIONS,
        PBKDF2_ITERATIONS + 1,
        MAX_PBKDF2_ITERATIONS,
    ] {
        let parsed = parse_envelope(&edited("/kdf/iterations", json!(accepted))).unwrap();
        assert_eq!(parsed.iterations, accepted);
    }
    assert!(matches!(
        refusal(&edited("/kdf/iterations", json!(-5))),
        BackupError::Damaged { .. }
    ));
}

#[test]
fn a_salt_or_iv_of_the_wrong_length_or_not_base64_is_refused() {
    assert_eq!(
        refusal(&edited("/kdf/salt", json!(STANDARD.encode([1u8; 8])))),
        BackupError::BadLength {
            what: "salt",
            expected: 16,
            found: 8
        }
    );
    assert_eq!(
        refusal(&edited("/cipher/iv", json!(STANDARD.encode([1u8; 16])))).to_string(),
        "The backup file is damaged: its initialisation vector (IV) is 16 bytes long, and should be 12"
    );
    assert_eq!(
        refusal(&edited("/kdf/salt", json!("not base64!"))),
        BackupError::BadBase64 { what: "salt" }
    );
    assert_eq!(
        refusal(&edited("/cipher/iv", json!(""))),
        BackupError::BadLength {
            what: "initialisation vector (IV)",
            expected: 12,
            found: 0
        }
    );
    assert_eq!(
        refusal(&edited("/ciphertext", json!("AAAA*AAA"))).to_string(),
        "The backup file is damaged: its locked contents cannot be read (it is not base64)"
    );
}

#[test]
fn a_missing_unknown_or_mistyped_field_is_damage() {
    let mut file = file_value();
    file.as_object_mut().unwrap().remove("created_at");
    assert!(matches!(
        refusal(&serde_json::to_vec(&file).unwrap()),
        BackupError::Damaged { .. }
    ));
    let mut file = file_value();
    file["extra"] = json!(true);
    assert_eq!(
        refusal(&serde_json::to_vec(&file).unwrap()).to_string(),
        "The backup file is damaged: unknown field `extra`, expected one of `format`, `version`, `created_at`, `kdf`, `cipher`, `ciphertext_sha256`, `ciphertext`"
    );
    let mut file = file_value();
    file["kdf"]["memory"] = json!(1);
    assert!(matches!(
        refusal(&serde_json::to_vec(&file).unwrap()),
        BackupError::Damaged { .. }
    ));
    assert_eq!(
        refusal(&edited("/created_at", json!("last Tuesday"))).to_string(),
        "The backup file is damaged: the time it was made is not a date and time"
    );
    assert_eq!(
        refusal(&edited("/ciphertext_sha256", json!("abc"))).to_string(),
        "The backup file is damaged: its digest is not 64 hexadecimal digits"
    );
    assert!(matches!(
        refusal(&edited("/ciphertext", json!(42))),
        BackupError::Damaged { .. }
    ));
}

#[test]
fn a_ciphertext_that_does_not_match_its_digest_is_altered() {
    let envelope = envelope();
    let mut ciphertext = envelope.ciphertext.clone();
    ciphertext[100] ^= 0x01;
    let error = refusal(&edited("/ciphertext", json!(STANDARD.encode(&ciphertext))));
    assert_eq!(error, BackupError::Altered);
    assert_eq!(
        error.to_string(),
        "The backup file has been changed or damaged since it was made: its locked contents do not match the digest it carries. Use another copy of it"
    );
    // The digest edited instead: the same.
    let other = sha256_hex(b"something else");
    assert_eq!(
        refusal(&edited("/ciphertext_sha256", json!(other))),
        BackupError::Altered
    );
    // Shorter, or longer.
    let shorter = &envelope.ciphertext[..200];
    assert_eq!(
        refusal(&edited("/ciphertext", json!(STANDARD.encode(shorter)))),
        BackupError::Altered
    );
    // An upper-case digest is the same digest.
    let upper = envelope.ciphertext_sha256.to_uppercase();
    assert_eq!(
        parse_envelope(&edited("/ciphertext_sha256", json!(upper))),
        Ok(envelope)
    );
}

#[test]
fn a_ciphertext_shorter_than_its_tag_is_incomplete() {
    let short = Envelope::new(AT, [7; 16], [9; 12], vec![1; TAG_BYTES - 1]);
    assert_eq!(
        refusal(&short.to_json_bytes()),
        BackupError::CiphertextTooShort
    );
    let empty = Envelope::new(AT, [7; 16], [9; 12], Vec::new());
    assert_eq!(
        refusal(&empty.to_json_bytes()),
        BackupError::CiphertextTooShort
    );
    let tag_only = Envelope::new(AT, [7; 16], [9; 12], vec![1; TAG_BYTES]);
    assert_eq!(parse_envelope(&tag_only.to_json_bytes()), Ok(tag_only));
}

#[test]
fn the_wrong_passphrase_says_it_may_also_be_an_edited_header() {
    assert_eq!(
        BackupError::WrongPassphrase.to_string(),
        "The passphrase is wrong, or the backup file's details were changed since it was made. Check the passphrase and try again"
    );
}

// The contents.

fn contents_value() -> Value {
    serde_json::from_slice(&payload().to_json_bytes()).unwrap()
}

fn read(value: &Value) -> Result<BackupPayload, BackupError> {
    read_payload(&serde_json::to_vec(value).unwrap())
}

#[test]
fn the_contents_are_read_back_exactly() {
    let payload = payload();
    assert_eq!(read_payload(&payload.to_json_bytes()), Ok(payload.clone()));
    let value = contents_value();
    assert_eq!(value["format"], "probation-workbook-backup-contents");
    assert_eq!(value["record_schema_version"], RECORD_SCHEMA_VERSION);
    assert_eq!(value["cases"][0]["case"]["id"], "case-1");
    assert_eq!(value["cases"][1]["signing"]["case_id"], "case-2");
    assert_eq!(value["profile"]["profile"]["name"], "Sam Patel");
    // A case with only its case record, and no profile.
    let bare = BackupPayload::new(
        AT,
        vec![CaseRecords::new(payload.cases[0].case.clone())],
        None,
    );
    assert_eq!(read_payload(&bare.to_json_bytes()), Ok(bare));
}

#[test]
fn contents_that_are_not_a_backups_are_refused() {
    let refused = |bytes: &[u8]| read_payload(bytes).unwrap_err();
    assert_eq!(
        refused(&[0xff, 0x00]).to_string(),
        "The backup was unlocked, but its contents cannot be read: they are not text"
    );
    assert!(matches!(refused(b"{"), BackupError::Contents { .. }));
    assert!(matches!(refused(b"[]"), BackupError::Contents { .. }));
    let mut value = contents_value();
    value["format"] = json!("probation-workbook-case-package");
    assert!(matches!(read(&value), Err(BackupError::Contents { .. })));
    let mut value = contents_value();
    value["cases"] = json!({});
    assert_eq!(
        read(&value).unwrap_err().to_string(),
        "The backup was unlocked, but its contents cannot be read: they hold no list of cases"
    );
    let mut value = contents_value();
    value
        .as_object_mut()
        .unwrap()
        .remove("record_schema_version");
    assert!(matches!(read(&value), Err(BackupError::Contents { .. })));
    let mut value = contents_value();
    value["profile"] = json!({"name": "nobody"});
    assert!(matches!(read(&value), Err(BackupError::Contents { .. })));
}

#[test]
fn anything_written_by_a_newer_build_refuses_the_whole_backup() {
    let newer = RECORD_SCHEMA_VERSION + 1;
    let mut value = contents_value();
    value["record_schema_version"] = json!(newer);
    assert_eq!(
        read(&value).unwrap_err().to_string(),
        format!("The backup holds work saved by a newer version of Probation Workbook (record layout {newer}, and this version reads up to {RECORD_SCHEMA_VERSION}): update this browser's copy first")
    );
    for (field, record) in [
        ("case", "case record"),
        ("assessment", "assessment"),
        ("plan", "sentence plan"),
        ("signing", "signed versions"),
    ] {
        let mut value = contents_value();
        value["cases"][1][field]["schema_version"] = json!(newer);
        // Even with something unreadable earlier in the backup: the newer build is what to fix.
        value["cases"][0]["plan"] = json!("damaged");
        assert_eq!(
            read(&value),
            Err(BackupError::NewerRecords {
                what: format!("the {record} of the case of Bea Jones (CRN Y654321)")
            })
        );
    }
    let mut value = contents_value();
    value["profile"]["schema_version"] = json!(newer);
    assert_eq!(
        read(&value),
        Err(BackupError::NewerRecords {
            what: "your profile".into()
        })
    );
}

#[test]
fn older_records_are_brought_up_to_this_layout_as_the_store_reads_them() {
    let mut value = contents_value();
    value["record_schema_version"] = json!(4);
    value["cases"][0]["assessment"] = json!({
        "schema_version": 4, "revision": 2, "case_id": "case-1",
        "answers": {"2.4": {"text": "To sell the tools"}, "2.98": {"choice": "no"}, "3.4": {"choice": "2"}},
        "last_section": "2", "updated_at": "2026-11-20T10:00:00Z"
    });
    value["cases"][0]["case"]["schema_version"] = json!(2);
    value["cases"][0]["case"]
        .as_object_mut()
        .unwrap()
        .remove("revision");
    let payload = read(&value).unwrap();
    assert_eq!(payload.record_schema_version, RECORD_SCHEMA_VERSION);
    let assessment = payload.cases[0].assessment.as_ref().unwrap();
    assert_eq!(assessment.schema_version, RECORD_SCHEMA_VERSION);
    assert_eq!(assessment.answers.text("2.8"), "To sell the tools");
    assert_eq!(assessment.answers.choice("2.99"), Some("no"));
    assert_eq!(assessment.answers.choice("3.4"), Some("2"));
    assert_eq!(payload.cases[0].case.schema_version, RECORD_SCHEMA_VERSION);
    assert_eq!(payload.cases[0].case.revision, 0);
}

#[test]
fn a_record_that_cannot_be_read_names_its_case() {
    let mut value = contents_value();
    value["cases"][1]["plan"]["plan"] = json!(42);
    let error = read(&value).unwrap_err();
    assert!(matches!(
        &error,
        BackupError::Record { case, record: "sentence plan", .. } if case == "Bea Jones (CRN Y654321)"
    ));
    assert!(error
        .to_string()
        .starts_with("The backup cannot be restored: the sentence plan of the case of Bea Jones (CRN Y654321) cannot be read ("));
    let mut value = contents_value();
    value["cases"][0] = json!({"assessment": null});
    assert_eq!(
        read(&value).unwrap_err().to_string(),
        "The backup cannot be restored: the case record of the case of number 1 in the backup cannot be read (it is missing)"
    );
    let mut value = contents_value();
    value["cases"][0] = json!(7);
    assert!(matches!(read(&value), Err(BackupError::Record { .. })));
    let mut value = contents_value();
    value["cases"][0]["case"]["id"] = json!("  ");
    assert!(matches!(read(&value), Err(BackupError::Record { .. })));
}

#[test]
fn a_case_held_twice_or_a_record_filed_under_another_case_is_refused() {
    let mut value = contents_value();
    value["cases"][1]["case"]["id"] = json!("case-1");
    value["cases"][1]["assessment"]["case_id"] = json!("case-1");
    value["cases"][1]["plan"]["case_id"] = json!("case-1");
    value["cases"][1]["signing"]["case_id"] = json!("case-1");
    assert_eq!(
        read(&value).unwrap_err().to_string(),
        "The backup cannot be restored: it holds the case of Bea Jones (CRN Y654321) more than once"
    );
    let mut value = contents_value();
    value["cases"][0]["signing"]["case_id"] = json!("case-2");
    assert_eq!(
        read(&value).unwrap_err().to_string(),
        "The backup cannot be restored: the signed versions filed under the case of Alex Smith (CRN X123456) belongs to another case"
    );
}

#[test]
fn a_case_with_a_date_outside_1900_to_2100_is_refused_naming_the_case_and_the_date() {
    let refused = |change: &dyn Fn(&mut CaseRecords)| {
        let mut payload = payload();
        change(&mut payload.cases[1]);
        read_payload(&payload.to_json_bytes())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused(&|records| records.case.details.date_of_birth = date(1850, 3, 4)),
        "The backup cannot be restored: in the case of Bea Jones (CRN Y654321), the date of birth must be between 1900 and 2100, but in the backup it is 4 March 1850"
    );
    assert_eq!(
        refused(&|records| records.case.details.sentence_end_date = date(9999, 12, 31)),
        "The backup cannot be restored: in the case of Bea Jones (CRN Y654321), the sentence end date must be between 1900 and 2100, but in the backup it is 31 December 9999"
    );
    assert!(refused(
        &|records| records.case.next_appointment = Some(date(2101, 1, 1).at(9, 0, 0, 0))
    )
    .contains("the date of the next appointment must be between 1900 and 2100"));
    assert!(refused(&|records| {
        records.plan.as_mut().unwrap().plan.goals[0].target_date = Some(date(2200, 1, 1))
    })
    .contains(
        "the target date of the goal \"Find settled accommodation\" must be between 1900 and 2100"
    ));
    assert!(refused(&|records| {
        records.plan.as_mut().unwrap().significant_changes[0].date = date(1, 1, 1)
    })
    .contains("the date of a significant change must be between"));
    assert!(refused(&|records| {
        records.plan.as_mut().unwrap().significant_changes[0].recorded_on = Some(date(1, 1, 1))
    })
    .contains("the day a significant change was recorded must be between"));
    assert!(refused(&|records| {
        let version = &mut records.signing.as_mut().unwrap().signing.versions[0];
        version.snapshot.plan.goals[0].created_on = date(1899, 12, 31);
    })
    .contains("the date of creation of the goal \"Find settled accommodation\" in version 1 must be between 1900 and 2100, but in the backup it is 31 December 1899"));
    // The ends of the range are accepted.
    let mut payload = payload();
    payload.cases[0].case.details.date_of_birth = date(1900, 1, 1);
    payload.cases[0].case.details.sentence_end_date = date(2100, 12, 31);
    assert!(read_payload(&payload.to_json_bytes()).is_ok());
}

#[test]
fn records_are_grouped_by_case_and_those_without_their_case_are_named() {
    let one = case_records("case-1", "Alex Smith", "X123456", AT);
    let two = case_records("case-2", "Bea Jones", "Y654321", AT);
    let orphan = case_records("case-3", "Cy Brown", "Z111111", AT);
    let (grouped, left_out) = group_records(
        vec![one.case.clone(), two.case.clone()],
        vec![
            two.assessment.clone().unwrap(),
            orphan.assessment.clone().unwrap(),
        ],
        vec![one.plan.clone().unwrap()],
        vec![
            one.signing.clone().unwrap(),
            two.signing.clone().unwrap(),
            orphan.signing.clone().unwrap(),
        ],
    );
    assert_eq!(
        grouped,
        vec![
            CaseRecords {
                assessment: None,
                ..one
            },
            CaseRecords { plan: None, ..two }
        ]
    );
    assert_eq!(
        left_out,
        vec![
            ("assessments", "case-3".to_string()),
            ("signing", "case-3".to_string())
        ]
    );
}

#[test]
fn a_case_changed_at_is_its_latest_record_as_an_instant() {
    let mut records = case_records("case-1", "Alex Smith", "X123456", "2026-11-30T10:00:00Z");
    assert_eq!(records.changed_at(), "2026-11-30T10:00:00Z");
    records.plan.as_mut().unwrap().updated_at = "2026-12-01T09:30:00+01:00".into();
    records.signing.as_mut().unwrap().updated_at = "2026-12-01T09:00:00Z".into();
    // 09:30 BST is 08:30 GMT: the signing record is the latest.
    assert_eq!(records.changed_at(), "2026-12-01T09:00:00Z");
    records.assessment.as_mut().unwrap().updated_at = String::new();
    assert_eq!(records.changed_at(), "2026-12-01T09:00:00Z");
    assert_eq!(records.describe(), "Alex Smith (CRN X123456)");
    assert_eq!(records.id(), "case-1");
    assert!(compare_times("2026-12-01T09:30:00+01:00", "2026-12-01T09:00:00Z").is_lt());
    assert!(compare_times("not a time", "2026-12-01T09:00:00Z").is_gt());
}

// The reminder.

fn at(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

#[test]
fn the_reminder_is_due_once_the_last_backup_is_old_enough_and_there_is_work() {
    let mut log = BackupLog::default();
    assert_eq!(log.reminder_days, 7);
    let now = at("2026-12-08T12:00:00Z");
    assert_eq!(
        backup_reminder(&log, now, 0),
        None,
        "no case, nothing to lose"
    );
    assert_eq!(backup_reminder(&log, now, 3), Some(BackupReminder::Never));
    log.last_backup_at = Some("2026-12-01T12:00:01Z".into());
    assert_eq!(backup_reminder(&log, now, 3), None, "six days and 23:59:59");
    log.last_backup_at = Some("2026-12-01T12:00:00Z".into());
    assert_eq!(
        backup_reminder(&log, now, 3),
        Some(BackupReminder::DaysAgo(7))
    );
    assert_eq!(backup_reminder(&log, now, 0), None);
    log.reminder_days = 30;
    assert_eq!(backup_reminder(&log, now, 3), None);
    log.reminder_days = 1;
    assert_eq!(
        backup_reminder(&log, at("2026-12-02T12:00:00Z"), 1),
        Some(BackupReminder::DaysAgo(1))
    );
    // Out of range (edited by hand): the nearest allowed.
    log.reminder_days = 0;
    assert_eq!(backup_reminder(&log, at("2026-12-01T13:00:00Z"), 1), None);
    log.reminder_days = 5000;
    assert_eq!(
        backup_reminder(&log, at("2027-03-01T12:00:00Z"), 1),
        Some(BackupReminder::DaysAgo(90))
    );
    // A last backup that cannot be read counts as none; one in the future (a clock put back) is
    // not due.
    log.last_backup_at = Some("yesterday".into());
    assert_eq!(backup_reminder(&log, now, 1), Some(BackupReminder::Never));
    log.last_backup_at = Some("2027-01-01T00:00:00Z".into());
    log.reminder_days = 7;
    assert_eq!(backup_reminder(&log, now, 1), None);
}

#[test]
fn the_backup_log_reads_with_defaults_and_is_a_settings_record() {
    use crate::domain::records::{Record, SETTINGS};
    let log: BackupLog = serde_json::from_value(
        json!({"schema_version": crate::domain::records::RECORD_SCHEMA_VERSION}),
    )
    .unwrap();
    assert_eq!(log, BackupLog::default());
    assert_eq!(BackupLog::STORE, SETTINGS);
    assert_eq!(BACKUP_LOG_KEY, "backup");
    let mut log = BackupLog::default();
    log.stamp(4, AT);
    assert_eq!((log.revision(), log.updated_at()), (4, AT));
    assert_eq!(log.schema_version(), RECORD_SCHEMA_VERSION);
}

#[test]
fn the_days_between_reminders_are_a_whole_number_from_1_to_90() {
    assert_eq!(parse_reminder_days("7"), Ok(7));
    assert_eq!(parse_reminder_days(" 90 "), Ok(90));
    assert_eq!(parse_reminder_days("1"), Ok(1));
    let message = |text: &str| parse_reminder_days(text).unwrap_err().message;
    assert_eq!(
        message(""),
        "Enter the number of days between reminders, from 1 to 90"
    );
    for text in ["seven", "7.5", "-3", "1e2", "+7"] {
        assert_eq!(
            message(text),
            "Days between reminders must be a whole number, like 7"
        );
    }
    for text in ["0", "91", "99999999999999999999"] {
        assert_eq!(
            message(text),
            "Days between reminders must be between 1 and 90"
        );
    }
    assert_eq!(parse_reminder_days("x").unwrap_err().field, "reminder-days");
}

// The passphrase and the file name.

#[test]
fn a_new_passphrase_is_12_characters_or_more_and_typed_twice() {
    assert!(check_passphrase("correct horse battery", "correct horse battery").is_empty());
    assert!(
        check_passphrase("ééééééééééé€", "ééééééééééé€").is_empty(),
        "characters, not bytes"
    );
    let errors = check_passphrase("", "");
    assert_eq!(errors.for_field("passphrase"), Some("Enter a passphrase"));
    assert_eq!(
        errors.for_field("passphrase-confirm"),
        Some("Enter the same passphrase again")
    );
    let errors = check_passphrase("   ", "   ");
    assert_eq!(errors.for_field("passphrase"), Some("Enter a passphrase"));
    let errors = check_passphrase("short one", "short one");
    assert_eq!(
        errors.for_field("passphrase"),
        Some("Passphrase must be 12 characters or more — three random words work well")
    );
    assert_eq!(errors.len(), 1);
    let errors = check_passphrase("correct horse battery", "correct horse batery");
    assert_eq!(
        errors.for_field("passphrase-confirm"),
        Some("The passphrases do not match")
    );
    assert_eq!(errors.for_field("passphrase"), None);
    assert_eq!(
        check_passphrase("correct horse battery", "Correct horse battery").len(),
        1
    );
    assert_eq!(
        check_passphrase_to_open("").for_field("passphrase"),
        Some("Enter the passphrase the backup was made with")
    );
    assert!(check_passphrase_to_open("short").is_empty());
}

#[test]
fn the_file_name_has_the_day_and_time_in_london() {
    assert_eq!(
        backup_file_name(date(2026, 12, 1).at(22, 35, 59, 0)),
        "probation-workbook-backup-2026-12-01-2235.json"
    );
    assert_eq!(
        backup_file_name(date(2027, 3, 4).at(7, 5, 0, 0)),
        "probation-workbook-backup-2027-03-04-0705.json"
    );
}
