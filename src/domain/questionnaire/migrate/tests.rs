//! The move from each earlier set of item codes to today's: every old answer lands where it belongs,
//! nothing is lost, and today's answers are left alone.

use super::*;
use crate::domain::questionnaire::{find_item, section, LinkedTo};

fn choose(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Choice(value.into()));
}

fn tick(answers: &mut Answers, code: &str, values: &[&str]) {
    answers.set(
        code,
        Answer::Choices(values.iter().map(|value| value.to_string()).collect()),
    );
}

/// Section 2 and 4 as the first builds stored them, with answers elsewhere that do not move.
fn version_1() -> Answers {
    let mut old = Answers::default();
    old.set("2.1", Answer::Text("Broke into a garage.".into()));
    tick(&mut old, "2.2", &["weapon", "arson"]);
    tick(
        &mut old,
        "2.3",
        &["stranger", "child", "partner", "no_direct_victim"],
    );
    old.set("2.4", Answer::Text("To sell the tools.".into()));
    choose(&mut old, "2.5", "yes");
    choose(&mut old, "2.6", "no");
    choose(&mut old, "2.7", "yes");
    old.set("2.97", Answer::Text("Steady work now.".into()));
    choose(&mut old, "2.98", "no");
    choose(&mut old, "2.99", "yes");
    choose(&mut old, "4.2", "yes");
    old.set("4.97", Answer::Text("Wants to train.".into()));
    choose(&mut old, "4.98", "yes");
    choose(&mut old, "4.99", "no");
    choose(&mut old, "3.98", "no");
    choose(&mut old, "3.99", "yes");
    old.set_cell("R10.6", "public", "community", Some("medium".into()));
    old
}

#[test]
fn version_1_answers_move_to_their_oasys_codes() {
    let new = migrate_answers(version_1(), 1);
    assert_eq!(new.text("2.1"), "Broke into a garage.");
    assert_eq!(new.choices("2.2"), ["weapon", "arson"]);
    assert_eq!(new.choices("2.4.1"), ["child", "no_direct_victim"]);
    assert_eq!(new.choices("2.4.2"), ["stranger", "partner"]);
    assert_eq!(new.get("2.3"), None, "2.3 now asks what occurred");
    assert_eq!(new.text("2.8"), "To sell the tools.");
    assert_eq!(new.get("2.4"), None);
    assert_eq!(new.choice("2.14"), Some("yes"), "established pattern");
    assert_eq!(new.choice("2.6"), Some("no"));
    assert_eq!(new.choice("2.11"), Some("yes"), "accepts responsibility");
    assert_eq!(new.get("2.7"), None, "2.7 now asks who else was involved");
    assert_eq!(new.text("2.97"), "Steady work now.");
    assert_eq!(new.choice("2.99"), Some("no"), "linked to harm");
    assert_eq!(new.choice("2.98"), Some("yes"), "linked to offending");
    assert_eq!(new.choice("4.2"), Some("yes"));
    assert_eq!(new.text("4.97"), "Wants to train.");
    assert_eq!(new.choice("4.96"), Some("yes"), "linked to harm");
    assert_eq!(new.choice("4.98"), Some("no"), "linked to offending");
    assert_eq!(new.get("4.99"), None);
    assert_eq!(new.choice("3.98"), Some("no"));
    assert_eq!(new.choice("3.99"), Some("yes"));
    assert_eq!(new.cell("R10.6", "public", "community"), Some("medium"));
    assert_eq!(
        new.0.len(),
        version_1().0.len() + 1,
        "2.3 became two answers"
    );
}

#[test]
fn the_moved_answers_mean_the_same_to_todays_questionnaire() {
    let new = migrate_answers(version_1(), 1);
    let two = section("2").unwrap();
    let four = section("4").unwrap();
    let linked = |section: &crate::domain::questionnaire::Section, to| {
        new.choice(section.linked_item(to).unwrap().code)
    };
    assert_eq!(linked(two, LinkedTo::RiskOfSeriousHarm), Some("no"));
    assert_eq!(linked(two, LinkedTo::Offending), Some("yes"));
    assert_eq!(linked(four, LinkedTo::RiskOfSeriousHarm), Some("yes"));
    assert_eq!(linked(four, LinkedTo::Offending), Some("no"));
    for (code, answer) in &new.0 {
        let (_, item) = find_item(code).unwrap_or_else(|| panic!("{code} is an item"));
        if let Answer::Choices(values) = answer {
            for value in values {
                assert!(item.choice(value).is_some(), "{code} offers {value}");
            }
        }
        if let Answer::Choice(value) = answer {
            if !matches!(item.kind, crate::domain::questionnaire::ItemKind::Grid(_)) {
                assert!(item.choice(value).is_some(), "{code} offers {value}");
            }
        }
    }
}

#[test]
fn todays_answers_are_left_alone() {
    let new = migrate_answers(version_1(), 1);
    assert_eq!(
        migrate_answers(new.clone(), ANSWER_CODES_VERSION),
        new,
        "migrating twice would swap 2.98 and 2.99 back: it must not happen"
    );
    assert_eq!(migrate_answers(new.clone(), ANSWER_CODES_VERSION + 1), new);
    assert_eq!(migrate_answers(Answers::default(), 1), Answers::default());
}

#[test]
fn an_old_answer_with_no_new_home_stays_under_its_own_code() {
    let mut old = Answers::default();
    old.set("2.3", Answer::Text("not a list".into()));
    old.set("made.up", Answer::Text("kept".into()));
    old.set("2.3.1", Answer::Choice("yes".into()));
    let new = migrate_answers(old.clone(), 1);
    assert_eq!(new, old);
    let mut unknown = Answers::default();
    tick(&mut unknown, "2.3", &["martian"]);
    assert_eq!(
        migrate_answers(unknown, 1).choices("2.4.1"),
        ["martian"],
        "a value neither list knows goes with the victims"
    );
}

#[test]
fn an_answer_whose_code_is_taken_is_kept_aside_never_dropped() {
    let mut old = Answers::default();
    old.set("2.4", Answer::Text("moved".into()));
    old.set("2.8", Answer::Text("already there".into()));
    old.set("legacy:2.8", Answer::Text("an earlier one".into()));
    let new = migrate_answers(old, 1);
    assert_eq!(new.text("2.8"), "moved");
    assert_eq!(new.text("legacy:2.8"), "already there");
    assert_eq!(new.text("legacy:legacy:2.8"), "an earlier one");
}

#[test]
fn every_renamed_code_was_an_item_and_lands_on_one() {
    for (old, new) in RENAMED_IN_2 {
        assert!(find_item(new).is_some(), "{old} → {new}");
    }
    let relationship = find_item("2.4.2").unwrap().1;
    for value in RELATIONSHIP_VALUES {
        assert!(relationship.choice(value).is_some(), "{value}");
    }
    let victims = find_item("2.4.1").unwrap().1;
    for value in ["child", "vulnerable", "no_direct_victim"] {
        assert!(victims.choice(value).is_some(), "{value}");
    }
}

/// The record layout this table ends at: the store's `RECORD_SCHEMA_VERSION` (checked there).
fn latest() -> u32 {
    ANSWER_CODES_BY_RECORD_VERSION.last().unwrap().0
}

/// An assessment record as a build of `version` wrote it, with these answers.
fn assessment_record(version: u32, answers: &Answers) -> serde_json::Value {
    let mut record = serde_json::json!({
        "schema_version": version,
        "case_id": "case-1",
        "answers": answers,
        "last_section": "2",
        "updated_at": "2026-11-20T10:00:00Z"
    });
    if version >= 2 {
        record["completed_sections"] = serde_json::json!(["2", "4"]);
    }
    if version >= 4 {
        record["revision"] = serde_json::json!(3);
    }
    record
}

/// A signing record as a build of `version` wrote it: one signed version holding these answers.
fn signing_record(version: u32, answers: &Answers) -> serde_json::Value {
    use crate::domain::signing::{CaseSigning, Grade, Profile, Snapshot};
    let officer = Profile::new("Sam Patel", Grade::Po).unwrap();
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer));
    let snapshot = Snapshot {
        answers: answers.clone(),
        ..Snapshot::default()
    };
    signing
        .sign(snapshot, true, &officer, &[], "2026-11-02T09:00:00Z")
        .unwrap();
    let mut record = serde_json::json!({
        "schema_version": version,
        "case_id": "case-1",
        "signing": signing,
        "updated_at": "2026-11-20T10:00:00Z"
    });
    if version >= 4 {
        record["revision"] = serde_json::json!(1);
    }
    record
}

#[test]
fn the_record_versions_are_numbered_from_1_and_only_the_latest_is_on_todays_codes() {
    let versions: Vec<u32> = ANSWER_CODES_BY_RECORD_VERSION
        .iter()
        .map(|(version, _)| *version)
        .collect();
    assert_eq!(versions, (1..=latest()).collect::<Vec<_>>());
    assert_eq!(latest(), 10);
    for (version, codes) in ANSWER_CODES_BY_RECORD_VERSION {
        assert_eq!(answer_codes_of_record(*version), *codes);
        assert!(*codes <= ANSWER_CODES_VERSION);
    }
    assert_eq!(answer_codes_of_record(latest()), ANSWER_CODES_VERSION);
    assert_eq!(
        answer_codes_of_record(0),
        1,
        "a record that says no version is the oldest"
    );
    assert_eq!(
        answer_codes_of_record(99),
        ANSWER_CODES_VERSION,
        "a newer build's"
    );
}

#[test]
fn an_assessment_record_of_every_past_version_is_read_on_todays_codes() {
    let migrated = migrate_answers(version_1(), 1);
    for version in (1..latest()).filter(|version| answer_codes_of_record(*version) == 1) {
        let mut record = assessment_record(version, &version_1());
        let before = record.clone();
        upgrade_stored_record(&mut record, StoredAnswers::Draft, latest());
        assert_eq!(record["schema_version"], latest(), "version {version}");
        let answers: Answers = serde_json::from_value(record["answers"].clone()).unwrap();
        assert_eq!(answers, migrated, "version {version}");
        for field in [
            "case_id",
            "last_section",
            "updated_at",
            "completed_sections",
            "revision",
        ] {
            assert_eq!(
                record.get(field),
                before.get(field),
                "version {version}: {field} is kept"
            );
        }
    }
    // Version 5 already holds today's codes: read as they are, the record now says version 6.
    let mut five = assessment_record(5, &migrated);
    upgrade_stored_record(&mut five, StoredAnswers::Draft, latest());
    assert_eq!(five["schema_version"], latest());
    assert_eq!(
        serde_json::from_value::<Answers>(five["answers"].clone()).unwrap(),
        migrated
    );
    let mut current = assessment_record(latest(), &migrated);
    let before = current.clone();
    upgrade_stored_record(&mut current, StoredAnswers::Draft, latest());
    assert_eq!(current, before, "a record of this build is read as it is");
}

#[test]
fn every_signed_version_of_an_older_signing_record_is_read_on_todays_codes() {
    let migrated = migrate_answers(version_1(), 1);
    for version in (1..latest()).filter(|version| answer_codes_of_record(*version) == 1) {
        let mut record = signing_record(version, &version_1());
        upgrade_stored_record(&mut record, StoredAnswers::SignedVersions, latest());
        assert_eq!(record["schema_version"], latest());
        let signing: crate::domain::signing::CaseSigning =
            serde_json::from_value(record["signing"].clone()).unwrap();
        assert_eq!(
            signing.versions[0].snapshot.answers, migrated,
            "version {version}"
        );
    }
    let mut current = signing_record(latest(), &migrated);
    let before = current.clone();
    upgrade_stored_record(&mut current, StoredAnswers::SignedVersions, latest());
    assert_eq!(current, before);
}

#[test]
fn a_record_upgraded_once_is_never_migrated_again() {
    let mut record = assessment_record(4, &version_1());
    upgrade_stored_record(&mut record, StoredAnswers::Draft, latest());
    let once = record.clone();
    upgrade_stored_record(&mut record, StoredAnswers::Draft, latest());
    assert_eq!(record, once, "2.98 and 2.99 are not swapped back");
}

#[test]
fn records_without_answers_newer_or_unreadable_ones_only_change_version_if_at_all() {
    let mut case = serde_json::json!({"schema_version": 3, "id": "case-1", "details": {}});
    upgrade_stored_record(&mut case, StoredAnswers::None, latest());
    assert_eq!(case["schema_version"], latest());
    assert_eq!(case["id"], "case-1");
    let mut newer = assessment_record(latest() + 1, &version_1());
    let before = newer.clone();
    upgrade_stored_record(&mut newer, StoredAnswers::Draft, latest());
    assert_eq!(newer, before, "a newer build's record is never changed");
    let mut damaged = serde_json::json!({"schema_version": 2, "answers": 42});
    upgrade_stored_record(&mut damaged, StoredAnswers::Draft, latest());
    assert_eq!(
        damaged["answers"], 42,
        "not answers: left for the reader to refuse"
    );
    for mut odd in [
        serde_json::json!("not a record"),
        serde_json::json!({"answers": {}}),
        serde_json::json!(null),
    ] {
        let before = odd.clone();
        upgrade_stored_record(&mut odd, StoredAnswers::Draft, latest());
        assert_eq!(odd, before);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;
    use crate::domain::strategies;

    /// Codes a first build wrote, today's codes that an old record cannot hold, and others.
    const CODES: &[&str] = &[
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "2.7",
        "2.97",
        "2.98",
        "2.99",
        "4.2",
        "4.97",
        "4.98",
        "4.99",
        "2.8",
        "2.11",
        "2.14",
        "2.4.1",
        "2.4.2",
        "4.96",
        "3.98",
        "legacy:2.8",
        "made.up",
    ];

    /// Any answers, with some under the codes the migration moves, and old 2.3 as a list of victims.
    fn old_answers() -> impl Strategy<Value = Answers> {
        let victims = prop::collection::vec(
            prop::sample::select(vec![
                "stranger",
                "known",
                "partner",
                "family",
                "child",
                "vulnerable",
                "no_direct_victim",
                "x",
            ])
            .prop_map(String::from),
            0..5,
        );
        (
            strategies::answers(),
            prop::collection::vec((prop::sample::select(CODES), strategies::answers()), 0..8),
            prop::option::of(victims),
        )
            .prop_map(|(mut answers, extra, victims)| {
                for (code, source) in extra {
                    if let Some((_, answer)) = source.0.into_iter().next() {
                        answers.0.insert(code.to_string(), answer);
                    }
                }
                if let Some(victims) = victims {
                    answers
                        .0
                        .insert(VICTIMS_CODE_1.to_string(), Answer::Choices(victims));
                }
                answers
            })
    }

    /// Any JSON value, a few levels deep.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            ".{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec![
                        "2.3",
                        "2.98",
                        "choice",
                        "choices",
                        "schema_version",
                        "x"
                    ])
                    .prop_map(String::from),
                    inner,
                    0..4
                )
                .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    /// Every answer, with each ticked value of a "select all that apply" answer on its own (old
    /// 2.3 is split by value): what must survive a migration, wherever it goes.
    fn pieces(answers: &Answers) -> Vec<String> {
        let mut pieces: Vec<String> = answers
            .0
            .values()
            .flat_map(|answer| match answer {
                Answer::Choices(values) if !values.is_empty() => values
                    .iter()
                    .map(|value| format!("tick {value}"))
                    .collect::<Vec<_>>(),
                answer => vec![serde_json::to_string(answer).unwrap()],
            })
            .collect();
        pieces.sort();
        pieces
    }

    /// Whether `key` is `home`, or `home` kept aside under one or more legacy prefixes.
    fn is_home_or_aside(key: &str, home: &str) -> bool {
        let mut key = key;
        loop {
            if key == home {
                return true;
            }
            match key.strip_prefix(LEGACY_PREFIX) {
                Some(rest) => key = rest,
                None => return false,
            }
        }
    }

    proptest! {
        #[test]
        fn nothing_answered_is_lost(old in old_answers()) {
            let new = migrate_answers(old.clone(), 1);
            prop_assert_eq!(pieces(&new), pieces(&old));
        }

        #[test]
        fn each_old_answer_is_under_its_new_code_its_own_or_kept_aside(old in old_answers()) {
            let new = migrate_answers(old.clone(), 1);
            let moved: BTreeMap<&str, &str> = RENAMED_IN_2.iter().copied().collect();
            for (code, answer) in &old.0 {
                if code == VICTIMS_CODE_1 && matches!(answer, Answer::Choices(v) if !v.is_empty()) {
                    continue;
                }
                let home = moved.get(code.as_str()).copied().unwrap_or(code);
                let placed = new.get(home) == Some(answer)
                    || new
                        .0
                        .iter()
                        .any(|(key, kept)| kept == answer && is_home_or_aside(key, home));
                prop_assert!(placed, "{} went missing", code);
                if moved.contains_key(code.as_str()) {
                    prop_assert_eq!(new.get(home), Some(answer), "a moved answer takes its new code");
                }
            }
        }

        #[test]
        fn todays_answers_never_change(answers in old_answers()) {
            prop_assert_eq!(migrate_answers(answers.clone(), ANSWER_CODES_VERSION), answers);
        }

        #[test]
        fn an_old_record_holding_any_answers_reads_as_they_migrate(
            old in old_answers(),
            version in 1u32..5,
        ) {
            let mut record = assessment_record(version, &old);
            upgrade_stored_record(&mut record, StoredAnswers::Draft, latest());
            let answers: Answers = serde_json::from_value(record["answers"].clone()).unwrap();
            prop_assert_eq!(answers, migrate_answers(old, answer_codes_of_record(version)));
        }

        #[test]
        fn any_stored_value_is_upgraded_without_panicking(value in json_value(), version in 0u64..8) {
            for holds in [StoredAnswers::Draft, StoredAnswers::SignedVersions, StoredAnswers::None] {
                let mut value = value.clone();
                upgrade_stored_record(&mut value, holds, latest());
                let mut record = serde_json::json!({
                    "schema_version": version,
                    "answers": value.clone(),
                    "signing": {"versions": [{"snapshot": {"answers": value.clone()}}, value.clone()]}
                });
                upgrade_stored_record(&mut record, holds, latest());
                prop_assert!(record["schema_version"].as_u64().is_some());
            }
        }

        #[test]
        fn a_migrated_record_reads_like_any_other(old in old_answers()) {
            let new = migrate_answers(old, 1);
            let json = serde_json::to_string(&new).unwrap();
            prop_assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), new);
        }
    }
}
