//! Packages: sealing, the digest, and every refusal of a file. Fixtures for the other tests.

use jiff::civil::date;
use serde_json::{json, Value};

use super::*;
use crate::domain::answers::{Answer, Answers};
use crate::domain::case::{SentenceType, Sex};
use crate::domain::signing::{CommentTarget, Grade};

pub(super) const AT: &str = "2026-11-25T14:03:07Z";

pub(super) fn officer() -> Profile {
    Profile::new("Sam Patel", Grade::TraineePqip).unwrap()
}

pub(super) fn senior() -> Profile {
    Profile::new("Jo Bloggs", Grade::Spo).unwrap()
}

pub(super) fn case() -> PackagedCase {
    PackagedCase {
        id: "case-18c2f-9a1".into(),
        created_at: "2026-11-01T09:00:00Z".into(),
        details: CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: "Alex Smith".into(),
            crn: "X123456".into(),
            date_of_birth: date(1990, 1, 2),
            sex: Sex::Male,
            sentence_type: SentenceType::CommunityOrder,
            sentence_date: None,
            sentence_or_release_date: date(2026, 10, 1),
            sentence_end_date: date(2027, 10, 1),
        },
    }
}

fn work(note: &str) -> Snapshot {
    let mut snapshot = Snapshot::default();
    snapshot.answers.set("3.97", Answer::Text(note.into()));
    snapshot.answers.set("3.4", Answer::Choice("2".into()));
    snapshot.completed_sections.insert("3".into());
    snapshot
}

/// Version 1 returned with comments; version 2 signed and sent: what the officer sends the senior.
pub(super) fn sent_for_countersigning() -> CaseSigning {
    let reasons = ["countersigning needed: trainee (PQiP) assessments are always countersigned"];
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer()));
    signing
        .sign(work("Sofa surfing"), true, &officer(), &reasons, AT)
        .unwrap();
    let on = CommentTarget::Section("3".into());
    signing
        .add_comment(1, on, "Say where they sleep", &senior(), AT)
        .unwrap();
    signing
        .return_for_rework(1, "Rework section 3", &senior(), AT)
        .unwrap();
    signing
        .sign(
            work("Sofa surfing at his sister's"),
            true,
            &officer(),
            &reasons,
            AT,
        )
        .unwrap();
    signing
        .record_sent(&officer(), "2026-11-26T09:00:00Z")
        .unwrap();
    signing
}

pub(super) fn package() -> CasePackage {
    CasePackage::build(
        case(),
        sent_for_countersigning(),
        None,
        &officer(),
        "2026-11-26T09:00:00Z",
    )
}

/// A change made to a package's JSON after sealing.
type Change = fn(&mut Value);

fn reseal(value: &mut Value) -> String {
    value["digest"] = Value::String(digest_of(value));
    serde_json::to_string_pretty(value).unwrap()
}

/// JSON with every object's keys in reverse order and odd whitespace between the tokens.
fn scrambled(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let entries: Vec<String> = map
                .iter()
                .rev()
                .map(|(key, item)| format!("\n\t {} :\r\n{}", json!(key), scrambled(item)))
                .collect();
            format!("{{ {} \n}}", entries.join(" ,"))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(scrambled).collect();
            format!("[ {} ]", items.join(" , "))
        }
        other => other.to_string(),
    }
}

#[test]
fn a_sealed_package_reads_back_as_itself() {
    let package = package();
    assert_eq!(package.format, FORMAT);
    assert_eq!(package.schema_version, SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 5);
    assert_eq!(package.digest.len(), 64);
    assert!(package
        .digest
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(parse_package(&package.to_json()), Ok(package.clone()));
    assert_eq!(
        parse_package_bytes(package.to_json().as_bytes()),
        Ok(package.clone())
    );
    assert_eq!(
        seal(package.clone()),
        package,
        "sealing twice changes nothing"
    );
    let with_bom = format!("\u{feff}{}", package.to_json());
    assert_eq!(parse_package(&with_bom), Ok(package));
}

#[test]
fn the_digest_does_not_depend_on_key_order_or_whitespace() {
    let package = package();
    let value = serde_json::to_value(&package).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    let reordered = scrambled(&value);
    assert_ne!(compact, reordered);
    let reparsed: Value = serde_json::from_str(&reordered).unwrap();
    assert_eq!(canonical_json(&reparsed), canonical_json(&value));
    assert_eq!(digest_of(&reparsed), package.digest);
    assert_eq!(parse_package(&compact), Ok(package.clone()));
    assert_eq!(parse_package(&reordered), Ok(package));
}

#[test]
fn canonical_json_sorts_keys_and_escapes_strings() {
    let value: Value = serde_json::from_str(
        r#"{"é": "a\"b\\c\n", "B": 1.5, "a": [-0, 12345678901234567890, {"z": {}, "y": []}]}"#,
    )
    .unwrap();
    assert_eq!(
        canonical_json(&value),
        r#"{"B":1.5,"a":[-0.0,12345678901234567890,{"y":[],"z":{}}],"é":"a\"b\\c\n"}"#
    );
    assert_eq!(
        sha256_hex("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn any_change_after_sealing_is_detected() {
    let text = package().to_json();
    let original: Value = serde_json::from_str(&text).unwrap();
    let changes: [(&str, Change); 8] = [
        ("a letter in an answer", |v| {
            v["signing"]["versions"][1]["snapshot"]["answers"]["3.97"]["text"] =
                json!("Sofa surfing at his sistr's")
        }),
        ("a comment", |v| {
            v["signing"]["versions"][0]["comments"][0]["text"] = json!("Say where they slept")
        }),
        ("a state", |v| {
            v["signing"]["versions"][1]["state"] = json!("self_signed")
        }),
        ("the sender's grade", |v| {
            v["exported_by"]["grade"] = json!("spo")
        }),
        ("a timeline entry taken out", |v| {
            v["signing"]["history"].as_array_mut().unwrap().pop();
        }),
        ("a field added", |v| v["case"]["note"] = json!("")),
        ("the digest in capitals", |v| {
            let upper = v["digest"].as_str().unwrap().to_uppercase();
            v["digest"] = json!(upper)
        }),
        ("a date of birth", |v| {
            v["case"]["details"]["date_of_birth"] = json!("1990-01-03")
        }),
    ];
    for (what, change) in changes {
        let mut value = original.clone();
        change(&mut value);
        let error = parse_package(&serde_json::to_string(&value).unwrap()).unwrap_err();
        assert_eq!(error, PackageError::DigestMismatch, "{what}");
    }
    assert_eq!(
        PackageError::DigestMismatch.to_string(),
        "The package was altered after it was signed: its contents do not match its digest"
    );
}

#[test]
fn a_file_that_is_not_a_package_is_refused_with_the_reason() {
    let text = package().to_json();
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "The file is empty"),
        ("  \n".into(), "The file is empty"),
        ("hello".into(), "The file is not a case package: it is not valid JSON (line 1, column 1: expected value)"),
        ("[1, 2]".into(), "The file is not a Probation Workbook case package"),
        (r#"{"format": "sentence-plan"}"#.into(), "The file is not a Probation Workbook case package"),
        (
            r#"{"format": "probation-workbook-case-package", "schema_version": 6}"#.into(),
            "The package uses schema version 6, which this version of Probation Workbook cannot read: it reads version 1, 2, 3, 4, 5",
        ),
        (
            r#"{"format": "probation-workbook-case-package"}"#.into(),
            "The package uses schema version (none), which this version of Probation Workbook cannot read: it reads version 1, 2, 3, 4, 5",
        ),
        (
            text.replace("\"digest\"", "\"digestion\""),
            "The package has no digest, so nobody can tell whether it was changed after it was written: ask the sender to export it again",
        ),
        (
            text[..text.len() / 2].to_string(),
            "The file is incomplete: it ends too early",
        ),
    ];
    for (input, message) in cases {
        let error = parse_package(&input).unwrap_err().to_string();
        assert!(
            error.starts_with(message),
            "{error:?} for {:?}",
            &input[..input.len().min(40)]
        );
    }
    assert_eq!(
        parse_package_bytes(&[0xff, 0xfe, b'{']),
        Err(PackageError::NotText)
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let huge = " ".repeat(MAX_PACKAGE_BYTES + 1);
    let started = std::time::Instant::now();
    let error = parse_package(&huge).unwrap_err();
    assert!(started.elapsed().as_millis() < 50);
    assert_eq!(
        error,
        PackageError::TooLarge {
            bytes: MAX_PACKAGE_BYTES + 1
        }
    );
    assert_eq!(
        error.to_string(),
        "The file is too large to be a case package: it is 20.1 MB, and a package is at most 20 MB"
    );
    assert!(matches!(
        parse_package_bytes(huge.as_bytes()),
        Err(PackageError::TooLarge { .. })
    ));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        parse_package(&deep),
        Err(PackageError::NotJson { .. })
    ));
}

#[test]
fn a_resealed_package_of_the_wrong_shape_is_refused() {
    let original: Value = serde_json::to_value(package()).unwrap();
    let mut value = original.clone();
    value["signing"]["versions"][1]["state"] = json!("approved");
    let error = parse_package(&reseal(&mut value)).unwrap_err().to_string();
    assert!(
        error.starts_with("The package is damaged: unknown variant `approved`"),
        "{error}"
    );
    let mut value = original.clone();
    value["signing"]["versions"][0]["number"] = json!(3);
    assert_eq!(
        parse_package(&reseal(&mut value)).unwrap_err().to_string(),
        "The package does not hold together: the versions are not numbered 1, 2, 3… in order: version 3 is number 1 in the list"
    );
    let mut value = original.clone();
    value["signing"]["versions"][0]["state"] = json!("awaiting_countersign");
    let error = parse_package(&reseal(&mut value)).unwrap_err().to_string();
    assert!(
        error.contains("version 1 is awaiting countersignature but who signed"),
        "{error}"
    );
    let mut value = original.clone();
    value["signing"]["versions"][0]["comments"][0]["at"] = json!("soon");
    assert_eq!(
        parse_package(&reseal(&mut value)).unwrap_err().to_string(),
        "The package does not hold together: a time in a comment on version 1 is not a date and time"
    );
    let mut value = original;
    value["exported_by"]["name"] = json!(" ");
    assert_eq!(
        parse_package(&reseal(&mut value)).unwrap_err().to_string(),
        "The package does not hold together: the name of whoever exported it is missing or too long"
    );
}

#[test]
fn the_file_name_says_whose_case_which_version_and_when() {
    let day = date(2026, 11, 25);
    assert_eq!(
        package_file_name("X123456", Some(2), day),
        "case-package-X123456-v2-2026-11-25.json"
    );
    assert_eq!(
        package_file_name("x 12/3", None, day),
        "case-package-x123-2026-11-25.json"
    );
    assert_eq!(package().latest_version(), Some(2));
}

/// A package an earlier build wrote (schema 1): answers under the first item codes, sealed then.
fn version_1_package(answers: &Answers) -> String {
    let mut value = serde_json::to_value(package()).unwrap();
    value["schema_version"] = json!(1);
    for version in value["signing"]["versions"].as_array_mut().unwrap() {
        version["snapshot"]["answers"] = serde_json::to_value(answers).unwrap();
    }
    value["draft"] = serde_json::to_value(Snapshot {
        answers: answers.clone(),
        ..Snapshot::default()
    })
    .unwrap();
    value["digest"] = Value::String(digest_of(&value));
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_version_1_package_is_read_with_its_answers_on_todays_codes() {
    let mut old = Answers::default();
    old.set("2.7", Answer::Choice("yes".into()));
    old.set("2.98", Answer::Choice("no".into()));
    old.set("2.99", Answer::Choice("yes".into()));
    old.set("4.99", Answer::Choice("yes".into()));
    old.set("3.4", Answer::Choice("2".into()));
    let read = parse_package(&version_1_package(&old)).expect("an older package reads");
    assert_eq!(read.schema_version, SCHEMA_VERSION);
    assert_eq!(
        read.digest,
        read.expected_digest(),
        "sealed again as this build writes it"
    );
    let migrated = crate::domain::questionnaire::migrate::migrate_answers(old, 1);
    assert_eq!(migrated.choice("2.11"), Some("yes"));
    assert_eq!(migrated.choice("2.98"), Some("yes"));
    assert_eq!(migrated.choice("4.98"), Some("yes"));
    for version in &read.signing.versions {
        assert_eq!(
            version.snapshot.answers, migrated,
            "version {}",
            version.number
        );
    }
    assert_eq!(
        read.draft.as_ref().unwrap().answers,
        migrated,
        "the draft too"
    );
    let again = parse_package(&read.clone().to_json()).unwrap();
    assert_eq!(again, read, "read again, nothing moves twice");
}

#[test]
fn a_version_1_package_altered_after_it_was_written_is_still_refused() {
    let text = version_1_package(&Answers::default()).replace("Alex Smith", "Alex Smyth");
    assert_eq!(parse_package(&text), Err(PackageError::DigestMismatch));
}
