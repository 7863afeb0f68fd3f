//! Fields of a case changed on two devices while apart (issue 21): kept in this browser until the
//! officer chooses a side, shown with both values and who made each, and holding up signing the
//! case until none is open. The later change stands in the record meanwhile (`merge`); keeping the
//! earlier one writes it as a new change of this officer's, so it reaches every device.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::documents::{flatten, unflatten, LOCAL_KEYS};
use super::merge::{Conflict, Field, Fields, Hlc};
use crate::domain::questionnaire::find_item;

/// One side of a conflict: the value (`None` where that device removed it) and who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub value: Option<Value>,
    pub by: String,
}

/// A field of one of a case's records that both sides changed, waiting for the officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConflict {
    /// The record's store ("cases", "assessments", …) and the case's id.
    pub store: String,
    pub case: String,
    /// The case's name when the conflict was found, to say which case it is.
    pub case_name: String,
    /// The field ("details/name", "answers/3.4").
    pub field: String,
    /// The change that stands until the officer chooses, and the other.
    pub later: Side,
    pub earlier: Side,
}

impl OpenConflict {
    /// From a merge's conflict, naming each side's author with `name` (their key id → a name).
    pub fn of(
        store: &str,
        case: &str,
        case_name: &str,
        field: &str,
        conflict: &Conflict,
        name: impl Fn(&str) -> String,
    ) -> OpenConflict {
        let side = |field: &Option<Field>| Side {
            value: field.as_ref().map(|field| field.value.clone()),
            by: field
                .as_ref()
                .map_or_else(|| "another device".to_string(), |field| name(&field.by)),
        };
        OpenConflict {
            store: store.to_string(),
            case: case.to_string(),
            case_name: case_name.to_string(),
            field: field.to_string(),
            later: side(&conflict.later),
            earlier: side(&conflict.earlier),
        }
    }

    fn is_for(&self, store: &str, case: &str, field: &str) -> bool {
        self.store == store && self.case == case && self.field == field
    }
}

/// The field as the officer knows it: "Full name", "3.4 Suitability of accommodation"; the
/// stored name where there is no better one ("plan/goals").
pub fn field_label(field: &str) -> String {
    let known = match field {
        "details/name" => Some("Full name"),
        "details/crn" => Some("Case reference number (CRN)"),
        "details/date_of_birth" => Some("Date of birth"),
        "details/sex" => Some("Sex"),
        "details/sentence_type" => Some("Sentence type"),
        "details/sentence_or_release_date" => Some("Sentence or release date"),
        "details/sentence_end_date" => Some("Sentence end date"),
        "details/main_offence" => Some("Main offence"),
        _ => None,
    };
    if let Some(label) = known {
        return label.to_string();
    }
    field
        .strip_prefix("answers/")
        .and_then(find_item)
        .map_or_else(|| field.to_string(), |(_, item)| item.title())
}

/// A side's value in words: text as typed, "(removed)" where it was taken out.
pub fn value_in_words(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(removed)".to_string(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// Every open conflict in this browser, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConflicts(pub Vec<OpenConflict>);

impl OpenConflicts {
    /// Keeps `conflict`, in place of an open one of the same field (the newer clash is the one to
    /// choose from).
    pub fn record(&mut self, conflict: OpenConflict) {
        match self
            .0
            .iter_mut()
            .find(|open| open.is_for(&conflict.store, &conflict.case, &conflict.field))
        {
            Some(open) => *open = conflict,
            None => self.0.push(conflict),
        }
    }

    /// Takes the conflict of this field out (chosen): `None` if it is not open.
    pub fn settle(&mut self, store: &str, case: &str, field: &str) -> Option<OpenConflict> {
        let at = self
            .0
            .iter()
            .position(|open| open.is_for(store, case, field))?;
        Some(self.0.remove(at))
    }

    /// How many fields of this case wait for a choice.
    pub fn of_case(&self, case: &str) -> usize {
        self.0.iter().filter(|open| open.case == case).count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why the case cannot be signed yet, if a field of it waits for a choice: a signed version must
/// say what the officer chose, not what one device happened to hold.
pub fn signing_waits_for(open: usize) -> Option<String> {
    changed_on_two_devices(open)
        .map(|what| format!("Choose which change to keep: {what} (Team sync)"))
}

/// What the case page says while a field of the case waits for a choice.
pub fn changed_on_two_devices(open: usize) -> Option<String> {
    match open {
        0 => None,
        1 => Some("1 answer of this case was changed on two devices".to_string()),
        n => Some(format!(
            "{n} answers of this case were changed on two devices"
        )),
    }
}

/// `record` (a stored record's JSON) with `field` set to `value`, or taken out for `None`; every
/// other field and the record's own bookkeeping as they were.
pub fn with_field(record: &Value, field: &str, value: Option<&Value>) -> Value {
    let as_field = |value: Value| Field {
        value,
        at: Hlc::default(),
        by: String::new(),
    };
    let mut fields: Fields = flatten(record)
        .into_iter()
        .map(|(name, value)| (name, as_field(value)))
        .collect();
    match value {
        Some(value) => {
            fields.insert(field.to_string(), as_field(value.clone()));
        }
        None => {
            fields.remove(field);
        }
    }
    let mut rebuilt = unflatten(&fields);
    if let (Some(rebuilt), Some(original)) = (rebuilt.as_object_mut(), record.as_object()) {
        for key in LOCAL_KEYS {
            if let Some(value) = original.get(key) {
                rebuilt.insert(key.to_string(), value.clone());
            }
        }
    }
    rebuilt
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::strategies::any_record;
    use proptest::prelude::*;
    use serde_json::json;

    fn clash(field: &str, later: &str, earlier: &str) -> OpenConflict {
        let side = |value: &str, by: &str| {
            Some(Field {
                value: json!(value),
                at: Hlc::default(),
                by: by.to_string(),
            })
        };
        let conflict = Conflict {
            later: side(later, "key-of-sam"),
            earlier: side(earlier, "key-of-alex"),
        };
        let name = |by: &str| match by {
            "key-of-sam" => "Sam Senior (SPO)".to_string(),
            _ => "Alex Trainee (PO)".to_string(),
        };
        OpenConflict::of(
            "cases",
            "case-1",
            "Jordan Fictional",
            field,
            &conflict,
            name,
        )
    }

    #[test]
    fn a_conflict_names_both_sides_and_a_newer_clash_of_the_field_replaces_it() {
        let mut open = OpenConflicts::default();
        open.record(clash("details/name", "Jordan B", "Jordan A"));
        assert_eq!(open.0[0].later.by, "Sam Senior (SPO)");
        assert_eq!(open.0[0].earlier.value, Some(json!("Jordan A")));
        open.record(clash("details/crn", "X2", "X1"));
        open.record(clash("details/name", "Jordan C", "Jordan A"));
        assert_eq!(open.0.len(), 2);
        assert_eq!(open.0[0].later.value, Some(json!("Jordan C")));
        assert_eq!(open.of_case("case-1"), 2);
        assert_eq!(open.of_case("case-2"), 0);
        let settled = open.settle("cases", "case-1", "details/name").unwrap();
        assert_eq!(settled.field, "details/name");
        assert_eq!(open.settle("cases", "case-1", "details/name"), None);
        assert_eq!(open.of_case("case-1"), 1);
    }

    #[test]
    fn fields_are_named_as_the_officer_knows_them() {
        assert_eq!(field_label("details/crn"), "Case reference number (CRN)");
        assert!(
            field_label("answers/3.4").starts_with("3.4 "),
            "{}",
            field_label("answers/3.4")
        );
        assert_eq!(field_label("answers/no-such-item"), "answers/no-such-item");
        assert_eq!(field_label("plan/goals"), "plan/goals");
    }

    #[test]
    fn signing_waits_while_a_field_of_the_case_is_in_conflict() {
        assert_eq!(signing_waits_for(0), None);
        assert_eq!(changed_on_two_devices(0), None);
        assert_eq!(
            changed_on_two_devices(2).unwrap(),
            "2 answers of this case were changed on two devices"
        );
        assert!(signing_waits_for(1)
            .unwrap()
            .contains("1 answer of this case was changed"));
        assert!(signing_waits_for(3)
            .unwrap()
            .contains("3 answers of this case were changed"));
    }

    #[test]
    fn keeping_a_side_sets_that_field_only_and_keeps_the_bookkeeping() {
        let record = json!({
            "id": "case-1", "revision": 7, "schema_version": 10, "updated_at": "2026-12-04T09:00:00Z",
            "details": { "name": "Jordan B", "crn": "X1" },
            "closure": null
        });
        let kept = with_field(&record, "details/name", Some(&json!("Jordan A")));
        assert_eq!(kept["details"], json!({ "name": "Jordan A", "crn": "X1" }));
        assert_eq!(kept["revision"], json!(7));
        assert_eq!(kept["updated_at"], json!("2026-12-04T09:00:00Z"));
        assert_eq!(kept["closure"], Value::Null);
        let removed = with_field(&record, "details/crn", None);
        assert_eq!(removed["details"], json!({ "name": "Jordan B" }));
        assert_eq!(value_in_words(None), "(removed)");
        assert_eq!(value_in_words(Some(&json!("Jordan A"))), "Jordan A");
    }

    proptest! {
        /// Keeping a field's own value changes nothing, whatever the record.
        #[test]
        fn keeping_the_value_a_field_has_changes_nothing(record in any_record(), pick in any::<prop::sample::Index>()) {
            let fields = flatten(&record);
            prop_assume!(!fields.is_empty());
            let (name, value) = &fields[pick.index(fields.len())];
            prop_assert_eq!(with_field(&record, name, Some(value)), record.clone());
        }
    }
}
