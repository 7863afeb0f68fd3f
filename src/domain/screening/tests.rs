use proptest::prelude::*;

use super::*;
use crate::domain::answers::Entry;
use crate::domain::questionnaire::{section, ItemKind};
use crate::domain::strategies;
use crate::domain::validation::{validate_section, Strictness};

fn with_offences(codes: &[&str]) -> Answers {
    let mut answers = Answers::default();
    let entries = codes
        .iter()
        .enumerate()
        .map(|(index, code)| {
            let mut entry = Answers::default();
            entry.set("offence", Answer::Text(code.to_string()));
            Entry {
                id: format!("e{index}"),
                answers: entry,
            }
        })
        .collect();
    answers.set(CURRENT_OFFENCES_ITEM, Answer::Group(entries));
    answers
}

fn tick(answers: &mut Answers, row: &str, column: &str) {
    answers.set_cell(OFFENCES_OF_CONCERN_ITEM, row, column, Some("yes".into()));
}

fn choose(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Choice(value.to_string()));
}

fn screening_problems(answers: &Answers) -> Vec<(String, String)> {
    let screening = section("rosh-screening").unwrap();
    validate_section(screening, answers, None, Strictness::ToComplete)
        .iter()
        .map(|problem| (problem.field.clone(), problem.message.clone()))
        .collect()
}

#[test]
fn the_table_reads_whole_and_names_only_rows_of_r1_2() {
    let rows = row_order();
    assert_eq!(rows.len(), 11);
    let lines = TABLE.lines().filter(|line| !line.starts_with('#')).count();
    assert_eq!(table().len(), lines, "every line of the table reads");
    assert!(table().len() > 400);
    for (code, concerns) in table() {
        assert_eq!(code.len(), 5, "{code}");
        for row in concerns {
            assert!(rows.contains(row), "{code} names {row}, not a row of R1.2");
        }
    }
    assert!(
        TABLE.starts_with("# R1.2 offences of concern"),
        "the source is named first"
    );
}

#[test]
fn home_office_codes_fall_under_the_offences_of_concern_they_are() {
    assert_eq!(
        concerns_of("00801"),
        ["wounding"],
        "GBH without intent (s20)"
    );
    assert_eq!(concerns_of("00100"), ["murder"]);
    assert_eq!(concerns_of("05600"), ["arson"]);
    assert_eq!(concerns_of("03400"), ["robbery"]);
    assert_eq!(concerns_of("02900"), ["aggravated_burglary"]);
    assert_eq!(
        concerns_of("01908"),
        ["sexual_adult"],
        "rape of a female aged 16 or over"
    );
    assert!(
        concerns_of("00859").contains(&"aggravated") && concerns_of("00859").contains(&"wounding")
    );
    assert_eq!(
        concerns_of("02800"),
        [] as [&str; 0],
        "burglary in a dwelling is not one"
    );
    assert_eq!(concerns_of("not a code"), [] as [&str; 0]);
    assert_eq!(concerns_of(" 00801 "), ["wounding"]);
}

#[test]
fn r1_2_starts_with_the_current_offences_of_concern_1_1_names() {
    let answers = with_offences(&["02800", "00801", "00100"]);
    let Some(Answer::Grid(cells)) = prefilled_offences_of_concern(&answers) else {
        panic!("R1.2 is pre-filled");
    };
    let ticked: Vec<&str> = cells.keys().map(String::as_str).collect();
    assert_eq!(ticked, ["murder/current", "wounding/current"]);

    // Once R1.2 has an answer of the officer's, it is never pre-filled again.
    let mut touched = answers.clone();
    tick(&mut touched, "arson", "previous");
    assert_eq!(prefilled_offences_of_concern(&touched), None);
    assert!(matches!(
        prefill_on_opening(SCREENING_SECTION, &answers),
        Some(("R1.2", Answer::Grid(_)))
    ));
    assert_eq!(
        prefill_on_opening("1", &answers),
        None,
        "only the screening writes on opening"
    );
    assert_eq!(prefill_on_opening(SCREENING_SECTION, &touched), None);
    // Nothing to tick, nothing written.
    assert_eq!(
        prefilled_offences_of_concern(&with_offences(&["02800"])),
        None
    );
    assert_eq!(prefilled_offences_of_concern(&Answers::default()), None);
}

#[test]
fn an_offence_of_concern_left_out_of_r1_2_is_a_contradiction_until_ticked_or_explained() {
    // 1.1 is GBH; R1.2 empty: the screening cannot be completed without a tick or a reason.
    let mut answers = with_offences(&["00801"]);
    let found = contradiction(&answers, OFFENCES_OF_CONCERN_ITEM).expect("a contradiction");
    assert_eq!(found.earlier, "1.1");
    assert!(
        found
            .message
            .contains("wounding or grievous bodily harm (00801)"),
        "{}",
        found.message
    );
    assert!(screening_problems(&answers)
        .iter()
        .any(|(field, _)| field == "R1.2.reason"));

    tick(&mut answers, "wounding", "previous");
    assert!(
        contradiction(&answers, OFFENCES_OF_CONCERN_ITEM).is_some(),
        "previous is not current"
    );
    tick(&mut answers, "wounding", "current");
    assert_eq!(contradiction(&answers, OFFENCES_OF_CONCERN_ITEM), None);
    assert!(!screening_problems(&answers)
        .iter()
        .any(|(field, _)| field == "R1.2.reason"));

    // Explained instead of ticked: the reason completes it.
    let mut explained = with_offences(&["00801"]);
    explained.set(
        "R1.2.reason",
        Answer::Text("Convicted of s20 but the injury was minor; CPS reduced the charge".into()),
    );
    assert!(contradiction(&explained, OFFENCES_OF_CONCERN_ITEM).is_some());
    assert!(!screening_problems(&explained)
        .iter()
        .any(|(field, _)| field == "R1.2.reason"));
}

#[test]
fn a_sexual_offence_in_1_30_needs_a_sexual_offence_in_r1_2() {
    let mut answers = Answers::default();
    choose(&mut answers, "1.30", "yes");
    let found = contradiction(&answers, OFFENCES_OF_CONCERN_ITEM).expect("a contradiction");
    assert_eq!(found.earlier, "1.30");
    tick(&mut answers, "sexual_child", "previous");
    assert_eq!(contradiction(&answers, OFFENCES_OF_CONCERN_ITEM), None);
}

#[test]
fn domestic_abuse_as_a_perpetrator_contradicts_r2_3_no() {
    let mut answers = Answers::default();
    choose(&mut answers, "6.7", "yes");
    answers.set("6.7.1", Answer::Choices(vec!["perpetrator".into()]));
    assert_eq!(contradiction(&answers, "R2.3"), None, "not yet answered");
    choose(&mut answers, "R2.3", "no");
    let found = contradiction(&answers, "R2.3").expect("a contradiction");
    assert_eq!((found.item, found.earlier), ("R2.3", "6.7.1"));
    assert_eq!(
        found.message,
        "R2.3 says No, but 6.7.1 records domestic abuse as a perpetrator"
    );
    assert!(screening_problems(&answers)
        .iter()
        .any(|(field, _)| field == "R2.3.reason"));
    choose(&mut answers, "R2.3", "dont_know");
    assert!(contradiction(&answers, "R2.3").is_some());
    choose(&mut answers, "R2.3", "yes");
    assert_eq!(contradiction(&answers, "R2.3"), None);

    // A victim is not a perpetrator; and 6.7.1 is not evidence once 6.7 says no abuse.
    let mut victim = Answers::default();
    choose(&mut victim, "6.7", "yes");
    victim.set("6.7.1", Answer::Choices(vec!["victim".into()]));
    choose(&mut victim, "R2.3", "no");
    assert_eq!(contradiction(&victim, "R2.3"), None);
    let mut withdrawn = answers.clone();
    choose(&mut withdrawn, "6.7", "no");
    choose(&mut withdrawn, "R2.3", "no");
    assert_eq!(contradiction(&withdrawn, "R2.3"), None);
}

#[test]
fn self_harm_in_10_5_contradicts_r5_2_no() {
    let mut answers = Answers::default();
    choose(&mut answers, "10.5", "yes");
    choose(&mut answers, "R5.2", "no");
    let found = contradiction(&answers, "R5.2").expect("a contradiction");
    assert_eq!(found.earlier, "10.5");
    assert_eq!(contradictions(&answers).len(), 1);
    choose(&mut answers, "10.5", "no");
    assert_eq!(contradiction(&answers, "R5.2"), None);
}

#[test]
fn every_checked_item_has_its_reason_item_right_after_it_in_the_screening() {
    let screening = section("rosh-screening").unwrap();
    for (item, reason) in CHECKED_ITEMS {
        let at = screening
            .items
            .iter()
            .position(|known| known.code == *item)
            .unwrap();
        let next = &screening.items[at + 1];
        assert_eq!(next.code, *reason);
        assert!(matches!(next.kind, ItemKind::FreeText { .. }));
        assert!(next.required);
        assert_eq!(reason_item(item), Some(*reason));
    }
}

proptest! {
    /// Nothing in any answers makes the checks panic; a pre-filled R1.2 never contradicts 1.1.
    #[test]
    fn checks_never_panic_and_a_prefilled_r1_2_agrees_with_1_1(
        mut answers in strategies::answers(),
        codes in prop::collection::vec(prop_oneof![
            prop::sample::select(table().keys().copied().collect::<Vec<_>>()).prop_map(String::from),
            "[0-9 ]{0,6}",
        ], 0..4),
    ) {
        let _ = contradictions(&answers);
        let _ = prefilled_offences_of_concern(&answers);
        let entries = codes.iter().enumerate().map(|(index, code)| {
            let mut entry = Answers::default();
            entry.set("offence", Answer::Text(code.clone()));
            Entry { id: format!("e{index}"), answers: entry }
        }).collect();
        answers.set(CURRENT_OFFENCES_ITEM, Answer::Group(entries));
        answers.remove(OFFENCES_OF_CONCERN_ITEM);
        if let Some(prefilled) = prefilled_offences_of_concern(&answers) {
            answers.set(OFFENCES_OF_CONCERN_ITEM, prefilled);
            let left = contradiction(&answers, OFFENCES_OF_CONCERN_ITEM);
            prop_assert!(left.as_ref().is_none_or(|found| found.earlier == "1.30"), "{left:?}");
        }
    }
}
