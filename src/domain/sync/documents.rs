//! What a synced document holds and how a record becomes one and comes back (issue 21, sync.md
//! "Grain and documents", "Conflicts"). One document per record of a case (the case, its
//! assessment draft, plan and signing record); its id is an HMAC-SHA-256 of the record's store and
//! key under the team's id secret, so every member finds the same document for a record and the
//! server learns nothing from the id. Inside the envelope, a record travels as its **fields**
//! (`Fields`: each value with the clock reading and the author of its last change), so two devices'
//! edits merge field by field. Practice work never syncs: only the live workbook's records do.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::Sha256;

use super::merge::{merge, Conflict, Field, Fields, Hlc};
use crate::domain::records::CASE_STORES;

/// The stores whose records sync, one document each per case.
pub const SYNCED_STORES: [&str; 4] = CASE_STORES;
/// A record's own bookkeeping, kept per device and never a field: each device numbers its own
/// revisions and stamps its own writes.
pub(super) const LOCAL_KEYS: [&str; 3] = ["revision", "updated_at", "schema_version"];
/// Separates a top-level key from the key inside it ("answers/3.4"); record keys never hold it.
const SEPARATOR: char = '/';

/// Whether records of the workbook database `database` may leave this browser: live work only,
/// never the practice space's sample cases.
pub fn may_sync(database: &str, live_database: &str) -> bool {
    database == live_database
}

/// Whether a record of `store` syncs.
pub fn syncs(store: &str) -> bool {
    SYNCED_STORES.contains(&store)
}

/// The document id of record `key` of `store`: the first 128 bits of HMAC-SHA-256 under the team's
/// id secret, in hex (32 digits, as the validation requires).
pub fn document_id(id_secret: &[u8; 32], store: &str, key: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(id_secret).expect("HMAC takes a key of any length");
    mac.update(store.as_bytes());
    mac.update(&[0]);
    mac.update(key.as_bytes());
    mac.finalize().into_bytes()[..16]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The secret document ids are made under: HKDF-SHA-256 of the team's first key (epoch 1), so
/// ids stay the same when later epochs change the content key.
pub fn id_secret(first_key: &[u8; 32]) -> [u8; 32] {
    let mut secret = [0u8; 32];
    hkdf::Hkdf::<Sha256>::new(None, first_key)
        .expand(b"probation-workbook sync document ids", &mut secret)
        .expect("32 bytes is a valid HKDF-SHA-256 length");
    secret
}

/// The plaintext inside a document's envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// The store the record belongs in (`cases`, `assessments`, `plans`, `signing`).
    pub store: String,
    /// The record's key there (the case id).
    pub key: String,
    pub fields: Fields,
}

impl Content {
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The content of an opened envelope, if it is one of a synced record.
    pub fn from_bytes(bytes: &[u8]) -> Option<Content> {
        let content: Content = serde_json::from_slice(bytes).ok()?;
        syncs(&content.store).then_some(content)
    }
}

/// A record's JSON as fields: each top-level value, except that an object's entries are fields of
/// their own ("answers/3.4", "details/name"), so edits to different answers never collide. An
/// empty object is kept whole, so it comes back. Arrays and deeper values are one field.
pub fn flatten(record: &Value) -> Vec<(String, Value)> {
    let mut fields = Vec::new();
    let Some(object) = record.as_object() else {
        return fields;
    };
    for (key, value) in object {
        if LOCAL_KEYS.contains(&key.as_str()) {
            continue;
        }
        match value.as_object() {
            Some(inner) if !inner.is_empty() => {
                for (name, value) in inner {
                    fields.push((format!("{key}{SEPARATOR}{name}"), value.clone()));
                }
            }
            _ => fields.push((key.clone(), value.clone())),
        }
    }
    fields
}

/// A record's JSON from its fields (the inverse of [`flatten`]; local bookkeeping is not in it).
pub fn unflatten(fields: &Fields) -> Value {
    let mut record = Map::new();
    for (name, field) in fields {
        match name.split_once(SEPARATOR) {
            None => {
                let existing = record.get(name).and_then(Value::as_object).is_some();
                // An emptied object and a new entry in it (two devices): the entry is kept.
                if !(existing && field.value.as_object().is_some_and(Map::is_empty)) {
                    record.insert(name.clone(), field.value.clone());
                }
            }
            Some((top, inner)) => {
                let slot = record
                    .entry(top.to_string())
                    .or_insert_with(|| Value::Object(Map::new()));
                if !slot.is_object() {
                    *slot = Value::Object(Map::new());
                }
                if let Some(object) = slot.as_object_mut() {
                    object.insert(inner.to_string(), field.value.clone());
                }
            }
        }
    }
    Value::Object(record)
}

/// The fields of `record` as changed by `by` at `at`: a field whose value is what it was in
/// `before` keeps its stamp; a new or changed one gets `at` and `by`; one gone is gone.
pub fn fields_of(record: &Value, before: &Fields, at: Hlc, by: &str) -> Fields {
    flatten(record)
        .into_iter()
        .map(|(name, value)| {
            let field = match before.get(&name) {
                Some(field) if field.value == value => field.clone(),
                _ => Field {
                    value,
                    at,
                    by: by.to_string(),
                },
            };
            (name, field)
        })
        .collect()
}

/// The latest clock reading among `fields` (a device receiving them moves its clock past it).
pub fn latest(fields: &Fields) -> Hlc {
    fields
        .values()
        .map(|field| field.at)
        .max()
        .unwrap_or_default()
}

/// What a pulled document does to this device's record: the merged fields to write (their record is
/// [`unflatten`]ed) and the fields both sides changed, to show to the officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub fields: Fields,
    pub conflicts: Vec<(String, Conflict)>,
}

/// Takes `theirs` (a pulled document's fields) into `ours` (this device's record as fields now),
/// both descended from `synced` (the fields last agreed between them). With nothing in common yet
/// (a record first seen), `synced` is empty and every field both sides hold differently is a
/// conflict.
pub fn take(synced: &Fields, ours: &Fields, theirs: &Fields) -> Taken {
    let merged = merge(synced, ours, theirs);
    Taken {
        fields: merged.fields,
        conflicts: merged.conflicts.into_iter().collect(),
    }
}

/// Takes the other leaves of a document that branched on the server (two devices pushed after
/// the same revision at the same moment: CouchDB keeps both and picks a winner) into the winner's
/// fields. Each branch comes with the fields of the revision it and the winner last shared (empty
/// when this browser does not hold it: then every field they hold differently is a conflict, and
/// nothing is lost): what either changed since is kept, and a field both changed differently is a
/// conflict, as between two devices. The order of the branches makes no difference.
pub fn take_branches(winner: &Fields, branches: &[(Fields, Fields)]) -> Taken {
    let mut taken = Taken {
        fields: winner.clone(),
        conflicts: Vec::new(),
    };
    for (shared, branch) in branches {
        let next = take(shared, &taken.fields, branch);
        taken.fields = next.fields;
        for (name, conflict) in next.conflicts {
            taken.conflicts.retain(|(known, _)| *known != name);
            taken.conflicts.push((name, conflict));
        }
    }
    taken.conflicts.sort_by(|one, other| one.0.cmp(&other.0));
    taken
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::records::{ASSESSMENTS, CASES, SIGNING};
    use crate::domain::strategies::any_record;
    use proptest::prelude::*;
    use serde_json::json;

    fn at(ms: u64) -> Hlc {
        Hlc {
            wall_ms: ms,
            counter: 0,
        }
    }

    fn case() -> Value {
        json!({
            "schema_version": 10, "revision": 7, "updated_at": "2026-12-04T10:00:00Z",
            "id": "c-1", "closure": null,
            "details": {"name": "Alex Marsh", "crn": "X123456", "sex": "Male"},
        })
    }

    #[test]
    fn a_record_flattens_to_fields_and_back_without_its_local_bookkeeping() {
        let fields = fields_of(&case(), &Fields::new(), at(1), "A");
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "closure",
                "details/crn",
                "details/name",
                "details/sex",
                "id"
            ]
        );
        let mut expected = case();
        for key in LOCAL_KEYS {
            expected.as_object_mut().unwrap().remove(key);
        }
        assert_eq!(unflatten(&fields), expected);
    }

    #[test]
    fn an_unchanged_field_keeps_its_stamp_and_a_changed_one_takes_the_new() {
        let before = fields_of(&case(), &Fields::new(), at(1), "A");
        let mut changed = case();
        changed["details"]["name"] = json!("Alex Marsh-Jones");
        let after = fields_of(&changed, &before, at(5), "B");
        assert_eq!(after["details/crn"], before["details/crn"]);
        assert_eq!(after["details/name"].at, at(5));
        assert_eq!(after["details/name"].by, "B");
        assert_eq!(latest(&after), at(5));
    }

    #[test]
    fn edits_to_different_fields_on_two_devices_are_both_kept() {
        let synced = fields_of(&case(), &Fields::new(), at(1), "A");
        let mut mine = case();
        mine["details"]["name"] = json!("Alex Marsh-Jones");
        let mut theirs = case();
        theirs["details"]["crn"] = json!("X654321");
        let ours = fields_of(&mine, &synced, at(5), "A");
        let theirs = fields_of(&theirs, &synced, at(6), "B");
        let taken = take(&synced, &ours, &theirs);
        assert!(taken.conflicts.is_empty());
        let record = unflatten(&taken.fields);
        assert_eq!(record["details"]["name"], json!("Alex Marsh-Jones"));
        assert_eq!(record["details"]["crn"], json!("X654321"));
    }

    #[test]
    fn the_same_field_changed_on_both_is_a_conflict_with_both_values() {
        let synced = fields_of(&case(), &Fields::new(), at(1), "A");
        let mut mine = case();
        mine["details"]["name"] = json!("Alex Marsh-Jones");
        let mut theirs = case();
        theirs["details"]["name"] = json!("Alexandra Marsh");
        let taken = take(
            &synced,
            &fields_of(&mine, &synced, at(5), "A"),
            &fields_of(&theirs, &synced, at(6), "B"),
        );
        assert_eq!(taken.conflicts.len(), 1);
        let (name, conflict) = &taken.conflicts[0];
        assert_eq!(name, "details/name");
        assert_eq!(
            conflict.later.as_ref().unwrap().value,
            json!("Alexandra Marsh")
        );
        assert_eq!(
            conflict.earlier.as_ref().unwrap().value,
            json!("Alex Marsh-Jones")
        );
        // The later stands until the officer chooses.
        assert_eq!(
            unflatten(&taken.fields)["details"]["name"],
            json!("Alexandra Marsh")
        );
    }

    #[test]
    fn an_emptied_object_and_a_new_entry_keep_the_entry() {
        let synced = fields_of(
            &json!({"answers": {"1.1": "a"}}),
            &Fields::new(),
            at(1),
            "A",
        );
        let emptied = fields_of(&json!({"answers": {}}), &synced, at(2), "A");
        let added = fields_of(
            &json!({"answers": {"1.1": "a", "2.1": "b"}}),
            &synced,
            at(3),
            "B",
        );
        let taken = take(&synced, &emptied, &added);
        assert_eq!(unflatten(&taken.fields), json!({"answers": {"2.1": "b"}}));
    }

    #[test]
    fn the_document_id_is_the_same_for_every_member_and_hides_the_record() {
        let secret = [7u8; 32];
        let id = document_id(&secret, CASES, "c-1");
        assert_eq!(id.len(), 32);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(id, document_id(&secret, CASES, "c-1"));
        assert_ne!(id, document_id(&secret, ASSESSMENTS, "c-1"));
        assert_ne!(id, document_id(&[8u8; 32], CASES, "c-1"));
        assert!(!id.contains("c-1"));
        // Store and key are kept apart: "cases" + "x" is not "case" + "sx".
        assert_ne!(
            document_id(&secret, "cases", "x"),
            document_id(&secret, "case", "sx")
        );
    }

    #[test]
    fn only_the_live_workbooks_case_records_sync() {
        assert!(may_sync("probation-workbook", "probation-workbook"));
        assert!(!may_sync(
            "probation-workbook-practice",
            "probation-workbook"
        ));
        assert!(syncs(CASES) && syncs(SIGNING));
        assert!(!syncs("settings") && !syncs("keys"));
    }

    proptest! {
        #[test]
        fn any_record_comes_back_from_its_fields(record in any_record()) {
            let mut record = record;
            if let Some(record) = record.as_object_mut() {
                record.retain(|key, _| !LOCAL_KEYS.contains(&key.as_str()));
            }
            let fields = fields_of(&record, &Fields::new(), at(1), "A");
            prop_assert_eq!(unflatten(&fields), record);
        }

        #[test]
        fn taking_what_was_already_agreed_changes_nothing(record in any_record()) {
            let fields = fields_of(&record, &Fields::new(), at(1), "A");
            let taken = take(&fields, &fields, &fields);
            prop_assert!(taken.conflicts.is_empty());
            prop_assert_eq!(taken.fields, fields);
        }
    }
}
