//! Answers stored under the item codes of an earlier build, moved to today's codes. Pure: the store
//! runs [`upgrade_stored_record`] on every record it reads of an older layout, and the package
//! import [`migrate_answers`] on every snapshot of an older package, so nothing anywhere is read
//! under the wrong code.
//!
//! Nothing answered is lost: an answer whose item moved goes to its new code, and any other answer
//! stays under its own code. In the one case where that code is already taken by a moved answer
//! (which no build ever wrote), the answer is kept under [`LEGACY_PREFIX`] and its code.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::domain::answers::{Answer, Answers};

/// The item codes answers are stored under today.
///
/// - 1: the codes of the first builds (records of schema 1–4, case packages of schema 1).
/// - 2: section 2 and the "linked to" judgements of sections 2 and 4 as OASys numbers them
///   (domain.md §2); see [`RENAMED_IN_2`].
pub const ANSWER_CODES_VERSION: u32 = 2;

/// Where an answer is kept when its own code is taken: "legacy:2.8". Never asked, scored or shown.
pub const LEGACY_PREFIX: &str = "legacy:";

/// Version 2: each old code whose answer moved, and its new code.
///
/// - 2.4 "Motive and reasons for the offence" is now 2.8 "Motivation and triggers".
/// - 2.5 "Part of an established pattern of similar offending?" is now 2.14.
/// - 2.7 "Does the person accept responsibility?" is now 2.11 (2.7 now asks who else was involved).
/// - Section 2's judgements swap: 2.98 (linked to harm) is now 2.99, and 2.99 (linked to offending) 2.98.
/// - Section 4's judgements: 4.98 (linked to harm) is now 4.96, and 4.99 (linked to offending) 4.98.
///
/// And old 2.3 "Who were the victims?" is split ([`VICTIMS_CODE_1`]): the relationships
/// ([`RELATIONSHIP_VALUES`]) go to 2.4.2, every other value to 2.4.1 "Who were the victims?".
pub const RENAMED_IN_2: &[(&str, &str)] = &[
    ("2.4", "2.8"),
    ("2.5", "2.14"),
    ("2.7", "2.11"),
    ("2.98", "2.99"),
    ("2.99", "2.98"),
    ("4.98", "4.96"),
    ("4.99", "4.98"),
];

/// Old 2.3, "Who were the victims?" (stranger, known, partner, family, child, vulnerable, no direct victim).
pub const VICTIMS_CODE_1: &str = "2.3";
/// The values of old 2.3 that are the victims' relationship to the person: now 2.4.2.
pub const RELATIONSHIP_VALUES: &[&str] = &["stranger", "known", "partner", "family"];
const VICTIMS_CODE_2: &str = "2.4.1";
const RELATIONSHIP_CODE_2: &str = "2.4.2";

/// The answers moved from the codes of version `from` to today's ([`ANSWER_CODES_VERSION`]). Answers
/// already under today's codes (or a later build's) come back as they are.
pub fn migrate_answers(answers: Answers, from: u32) -> Answers {
    let mut answers = answers;
    if from < 2 {
        answers = to_version_2(answers);
    }
    answers
}

fn to_version_2(old: Answers) -> Answers {
    // Moved answers first: their new codes are distinct, and they take their codes before the rest.
    let mut moved: BTreeMap<String, Answer> = BTreeMap::new();
    let mut stayed: Vec<(String, Answer)> = Vec::new();
    for (code, answer) in old.0 {
        if let Some((_, new)) = RENAMED_IN_2.iter().find(|(old, _)| *old == code) {
            moved.insert(new.to_string(), answer);
            continue;
        }
        match answer {
            Answer::Choices(values) if code == VICTIMS_CODE_1 && !values.is_empty() => {
                let (relationships, victims): (Vec<String>, Vec<String>) = values
                    .into_iter()
                    .partition(|value| RELATIONSHIP_VALUES.contains(&value.as_str()));
                for (new, values) in [
                    (VICTIMS_CODE_2, victims),
                    (RELATIONSHIP_CODE_2, relationships),
                ] {
                    if !values.is_empty() {
                        moved.insert(new.to_string(), Answer::Choices(values));
                    }
                }
            }
            answer => stayed.push((code, answer)),
        }
    }
    let mut answers = moved;
    for (code, answer) in stayed {
        let mut key = code;
        while answers.contains_key(&key) {
            key = format!("{LEGACY_PREFIX}{key}");
        }
        answers.insert(key, answer);
    }
    Answers(answers)
}

/// The item codes each layout version of a stored record (the store's `RECORD_SCHEMA_VERSION`)
/// holds its answers under, oldest first: versions 1–4 the first codes, versions 5 to 7 today's. A new
/// record version adds a row.
pub const ANSWER_CODES_BY_RECORD_VERSION: &[(u32, u32)] = &[
    (1, 1),
    (2, 1),
    (3, 1),
    (4, 1),
    (5, 2),
    (6, 2),
    (7, 2),
    (8, 2),
    (9, 2),
    (10, 2),
];

/// The item codes a record of this layout version holds: a record that says no version is of the
/// oldest; one newer than the table, of today's (this build reads it as far as it understands it).
pub fn answer_codes_of_record(schema_version: u32) -> u32 {
    ANSWER_CODES_BY_RECORD_VERSION
        .iter()
        .find(|(version, _)| *version == schema_version)
        .map_or(
            if schema_version == 0 {
                1
            } else {
                ANSWER_CODES_VERSION
            },
            |(_, codes)| *codes,
        )
}

/// Where a kind of stored record keeps answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredAnswers {
    /// An assessment draft: `answers`.
    Draft,
    /// A signing record: each signed version's `signing.versions[].snapshot.answers`.
    SignedVersions,
    /// No answers (cases, plans, the profile).
    None,
}

/// Brings a stored record's JSON, as read, up to layout version `latest`: the answers it holds moved
/// to today's codes, and `schema_version` set to `latest`, so it is never migrated twice. A record of
/// version `latest` or newer, or one that says no version, is left exactly as it is; so is anything
/// that is not answers where answers should be (reading the record will then say it is unreadable).
pub fn upgrade_stored_record(value: &mut Value, holds: StoredAnswers, latest: u32) {
    let Some(version) = value.get("schema_version").and_then(Value::as_u64) else {
        return;
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version >= latest {
        return;
    }
    let from = answer_codes_of_record(version);
    match holds {
        StoredAnswers::Draft => migrate_in_place(value.get_mut("answers"), from),
        StoredAnswers::SignedVersions => {
            if let Some(versions) = value
                .pointer_mut("/signing/versions")
                .and_then(Value::as_array_mut)
            {
                for version in versions {
                    migrate_in_place(version.pointer_mut("/snapshot/answers"), from);
                }
            }
        }
        StoredAnswers::None => {}
    }
    value["schema_version"] = Value::from(latest);
}

fn migrate_in_place(answers: Option<&mut Value>, from: u32) {
    let Some(slot) = answers else {
        return;
    };
    let Ok(old) = serde_json::from_value::<Answers>(slot.clone()) else {
        return;
    };
    if let Ok(new) = serde_json::to_value(migrate_answers(old, from)) {
        *slot = new;
    }
}

#[cfg(test)]
mod tests;
