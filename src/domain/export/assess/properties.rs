//! Whatever dates and answers it is given, `assess` answers or refuses, and never panics (native only).

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::domain::strategies::{any_date, sentence_type};

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..5).prop_map(Value::from),
        prop::sample::select(vec![
            "yes",
            "no",
            "0",
            "1",
            "2",
            "high",
            "2026-02-30",
            "1899-01-01"
        ])
        .prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        Just(json!(["yes"])),
        Just(json!({"public/community": "high", "x/y": "low"})),
    ]
}

fn code() -> impl Strategy<Value = String> {
    let codes: Vec<String> = SECTIONS
        .iter()
        .flat_map(|section| section.items.iter().map(|item| item.code.to_string()))
        .chain(["nope".to_string()])
        .collect();
    prop::sample::select(codes)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_input_is_assessed_or_refused_without_panicking(
        today in any_date(),
        born in any_date(),
        kind in sentence_type(),
        sentenced in prop::option::of(any_date()),
        start in any_date(),
        end in any_date(),
        agreed in prop::option::of(any_date()),
        done in prop::collection::vec((any_date(), prop::sample::select(crate::domain::signing::AssessmentPurpose::ALL.to_vec())), 0..3),
        changes in prop::collection::vec((any_date(), prop::sample::select(ChangeKind::ALL.to_vec()), prop::option::of(any_date())), 0..3),
        answers in prop::collection::btree_map(code(), value(), 0..6),
    ) {
        let input = json!({
            "today": today,
            "case": {
                "sex": "female", "date_of_birth": born, "sentence_type": kind,
                "sentence_date": sentenced, "sentence_or_release_date": start, "sentence_end_date": end
            },
            "answers": answers,
            "plan_agreed_on": agreed,
            "reviews_done": done.iter().map(|(date, purpose)| json!({"date": date, "purpose": purpose})).collect::<Vec<_>>(),
            "significant_changes": changes.iter().map(|(date, kind, recorded)| json!({"date": date, "kind": kind, "recorded_on": recorded})).collect::<Vec<_>>(),
        });
        match assess_json(&input.to_string()) {
            Ok(text) => {
                let output: AssessOutput = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(output.sections.len(), 8);
                prop_assert!(output.review_dates.windows(2).all(|pair| pair[0].date <= pair[1].date));
            }
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }
}
