//! Whatever a file holds, reading it never panics and a refusal always says why (native only).

use proptest::prelude::*;
use serde_json::Value;

use super::import_tests::senior_round;
use super::tests::{case, package, senior, AT};
use super::*;
use crate::domain::caseload::CaseloadRow;
use crate::domain::dates::is_within_years;
use crate::domain::plan::{AreaOfNeed, GoalDetails, GoalTarget, GoalTiming};
use crate::domain::reviews::{review_schedule, ReviewSettings};
use crate::domain::strategies::{any_date, json_pointers, json_value, refused_with_a_reason};

/// The case's signing at each step of a round trip, to compare with one another.
fn signings() -> Vec<CaseSigning> {
    let sent = package().signing;
    let back = senior_round(&package());
    let mut returned = sent.clone();
    returned.return_for_rework(2, "No", &senior(), AT).unwrap();
    let mut countersigned = sent.clone();
    countersigned.countersign(2, &senior(), AT).unwrap();
    vec![sent, back, returned, countersigned]
}

/// A signing with some of its versions, timeline entries and comments left off the end.
fn cut(mut signing: CaseSigning, versions: usize, history: usize, comments: usize) -> CaseSigning {
    signing.versions.truncate(versions);
    signing.history.truncate(history);
    for version in &mut signing.versions {
        version.comments.truncate(comments);
    }
    signing
}

/// The paths of fields in a package, to put something else in.
const FIELDS: &[&str] = &[
    "/schema_version",
    "/exported_at",
    "/exported_by",
    "/exported_by/grade",
    "/case",
    "/case/details/date_of_birth",
    "/signing/versions",
    "/signing/versions/0",
    "/signing/versions/1/state",
    "/signing/versions/1/number",
    "/signing/versions/0/comments/0/on",
    "/signing/versions/1/snapshot/answers",
    "/signing/versions/1/snapshot/plan",
    "/signing/history/0",
    "/signing/history/2/version",
    "/draft",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_without_panicking(text in any::<String>()) {
        let result = parse_package(&text);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn any_bytes_are_read_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let result = parse_package_bytes(&bytes);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn json_like_text_is_read_without_panicking(text in r#"[{}\[\]":,0-9a-z_ .\-\n\\]{0,300}"#) {
        refused_with_a_reason(parse_package(&text))?;
    }

    #[test]
    fn a_cut_off_package_is_refused(cut in 0.0f64..1.0) {
        let text = package().to_json();
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let result = parse_package(&text[..at]);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn a_package_with_one_byte_changed_is_refused_or_unchanged(position in 0.0f64..1.0, byte in any::<u8>()) {
        let original = package();
        let mut bytes = original.to_json().into_bytes();
        let at = ((bytes.len() as f64) * position) as usize;
        bytes[at] = byte;
        match parse_package_bytes(&bytes) {
            Ok(read) => prop_assert_eq!(read, original, "only whitespace may change"),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn a_resealed_package_with_any_value_in_a_field_never_panics(
        field in prop::sample::select(FIELDS),
        replacement in json_value(),
    ) {
        let mut value = serde_json::to_value(package()).unwrap();
        if let Some(slot) = value.pointer_mut(field) {
            *slot = replacement;
        }
        value["digest"] = Value::String(digest_of(&value));
        let text = serde_json::to_string(&value).unwrap();
        let result = parse_package(&text);
        if let Ok(read) = &result {
            prop_assert_eq!(serde_json::to_value(read).unwrap(), value, "what is read is what was sealed");
        }
        refused_with_a_reason(result)?;
    }

    #[test]
    fn the_canonical_form_survives_reformatting(value in json_value()) {
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let reread: Value = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(canonical_json(&reread), canonical_json(&value));
        let canonical: Value = serde_json::from_str(&canonical_json(&value)).unwrap();
        prop_assert_eq!(canonical_json(&canonical), canonical_json(&value));
        prop_assert_eq!(digest_of(&reread), digest_of(&value));
    }

    #[test]
    fn a_change_to_any_value_is_detected(pick in any::<prop::sample::Index>(), extra in "[a-z0-9 ]") {
        let mut value = serde_json::to_value(package()).unwrap();
        let paths = json_pointers(&value, false);
        let path = pick.get(&paths);
        prop_assume!(path != "/digest");
        let slot = value.pointer_mut(path).unwrap();
        *slot = match slot.take() {
            Value::String(text) => Value::String(text + &extra),
            Value::Number(number) => Value::from(number.as_u64().unwrap_or(0) + 1),
            Value::Bool(flag) => Value::Bool(!flag),
            Value::Null => Value::String(extra.clone()),
            other => other,
        };
        let result = parse_package(&serde_json::to_string(&value).unwrap());
        let error = result.unwrap_err();
        let detected = matches!(error, PackageError::DigestMismatch | PackageError::WrongFormat | PackageError::UnknownSchemaVersion { .. });
        prop_assert!(detected, "{} changed: {}", path, error);
    }

    #[test]
    fn comparing_any_two_stages_never_panics(
        (here, there) in (0usize..4, 0usize..4),
        cuts in (0usize..3, 0usize..9, 0usize..2, 0usize..3, 0usize..9, 0usize..2),
    ) {
        let all = signings();
        let local = cut(all[here].clone(), cuts.0, cuts.1, cuts.2);
        let incoming = cut(all[there].clone(), cuts.3, cuts.4, cuts.5);
        match compare(Some(&local), &incoming) {
            Ok(preview) => prop_assert_eq!(preview.merged.versions, incoming.versions),
            Err(error) => prop_assert!(!error.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn a_package_with_any_date_anywhere_is_refused_outside_1900_to_2100(
        field in prop::sample::select(DATE_FIELDS),
        day in any_date(),
    ) {
        let mut value = serde_json::to_value(package_with_work()).unwrap();
        let replacement = if field.ends_with("/target") {
            serde_json::json!({ "on_date": day })
        } else {
            serde_json::to_value(day).unwrap()
        };
        *value.pointer_mut(field).expect("the field is in the package") = replacement;
        value["digest"] = Value::String(digest_of(&value));
        let package = parse_package(&serde_json::to_string(&value).unwrap()).unwrap();
        let here = case();
        for local in [None, Some(&here)] {
            let signing = local.map(|_| &package.signing);
            match preview_import(local, signing, &package) {
                Ok(preview) => {
                    prop_assert!(is_within_years(day), "{} on {} was let in", field, day);
                    imports_without_panicking(&package, preview)?;
                }
                Err(error) => {
                    prop_assert!(!is_within_years(day), "{} on {}: {}", field, day, error);
                    let is_date_refusal = matches!(error, PackageError::DateOutsideYears { .. });
                    prop_assert!(is_date_refusal, "{}", error);
                    prop_assert!(error.to_string().contains("must be between 1900 and 2100"));
                }
            }
        }
    }

    #[test]
    fn any_value_anywhere_is_previewed_without_panicking_and_never_lets_a_date_out_of_range_in(
        field in prop::sample::select([FIELDS, DATE_FIELDS].concat()),
        replacement in prop_oneof![
            json_value(),
            any_date().prop_map(|day| serde_json::to_value(day).unwrap()),
        ],
    ) {
        let mut value = serde_json::to_value(package_with_work()).unwrap();
        if let Some(slot) = value.pointer_mut(field) {
            *slot = replacement;
        }
        value["digest"] = Value::String(digest_of(&value));
        let Ok(package) = parse_package(&serde_json::to_string(&value).unwrap()) else {
            return Ok(());
        };
        let here = case();
        for local in [None, Some(&here)] {
            let signing = local.map(|_| &package.signing);
            if let Ok(preview) = preview_import(local, signing, &package) {
                prop_assert_eq!(package.case.details.date_outside_years(), None);
                let plans = package
                    .draft
                    .iter()
                    .chain(package.signing.versions.iter().map(|version| &version.snapshot));
                for work in plans {
                    prop_assert_eq!(work.plan.date_outside_years(), None);
                }
                imports_without_panicking(&package, preview)?;
            }
        }
    }
}

/// The fields of a package that hold a date the workbook counts from.
const DATE_FIELDS: &[&str] = &[
    "/case/details/date_of_birth",
    "/case/details/sentence_or_release_date",
    "/case/details/sentence_end_date",
    "/draft/plan/goals/0/target",
    "/draft/plan/goals/0/target_date",
    "/draft/plan/goals/0/created_on",
    "/draft/plan/goals/1/reminder_date",
    "/draft/plan/agreed_on",
    "/signing/versions/1/snapshot/plan/agreed_on",
    "/signing/versions/0/snapshot/plan/agreement_updated_on",
];

/// The package sent for countersigning, with a draft plan of an active and a future goal.
fn package_with_work() -> CasePackage {
    let mut work = Snapshot::default();
    let today = jiff::civil::date(2026, 11, 25);
    for (id, timing) in [
        ("goal-1", GoalTiming::start_now(GoalTarget::InSixMonths)),
        (
            "goal-2",
            GoalTiming::future(Some(jiff::civil::date(2027, 1, 1))),
        ),
    ] {
        let goal = GoalDetails {
            text: format!("Goal {id}"),
            area_of_need: AreaOfNeed::Accommodation,
            related_areas: vec![],
            how_progress_is_measured: String::new(),
            timing,
        };
        work.plan.add_goal(id, goal, today).unwrap();
    }
    let sent = package();
    CasePackage::build(
        sent.case,
        sent.signing,
        Some(work),
        &sent.exported_by,
        &sent.exported_at,
    )
}

/// Importing, then working out the case's reviews and caseload row from what was written.
fn imports_without_panicking(
    package: &CasePackage,
    preview: ImportPreview,
) -> Result<(), TestCaseError> {
    let writes = import_writes(package, preview, &senior(), AT).unwrap();
    let details = &package.case.details;
    let plan = writes.work.map(|work| work.plan).unwrap_or_default();
    let today = jiff::civil::date(2026, 11, 27);
    let settings = ReviewSettings::default();
    review_schedule(details, &settings, &plan, &[], &[], today);
    let row = CaseloadRow::build(
        &package.case.id,
        details,
        &Default::default(),
        &Default::default(),
        &plan,
        &settings,
        &[],
        &writes.signing,
        None,
        today,
    );
    prop_assert_eq!(row.case_id, package.case.id.clone());
    Ok(())
}
