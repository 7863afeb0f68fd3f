//! Suggested goals: one per identified need, the officer's "linked to offending", and the risk goals.

use super::*;
use crate::domain::answers::Answer;
use crate::domain::rosh::ROSH_GRID_ITEM;

fn choose(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Choice(value.into()));
}

fn areas(answers: &Answers) -> Vec<AreaOfNeed> {
    suggest_goals(answers).iter().map(|s| s.area).collect()
}

#[test]
fn no_answers_suggest_nothing() {
    assert!(suggest_goals(&Answers::default()).is_empty());
}

#[test]
fn every_need_area_has_one_suggested_goal() {
    for area in AreaOfNeed::all() {
        let count = NEED_GOALS.iter().filter(|(need, _)| *need == area).count();
        let expected = usize::from(!matches!(
            area,
            AreaOfNeed::OffendingBehaviour | AreaOfNeed::RiskOfSeriousHarm
        ));
        assert_eq!(count, expected, "{area:?}");
    }
}

#[test]
fn each_identified_need_suggests_its_goal_with_the_score_as_reason() {
    let mut answers = Answers::default();
    choose(&mut answers, "3.3", "yes");
    choose(&mut answers, "3.4", "2");
    choose(&mut answers, "12.1", "2");
    choose(&mut answers, "4.3", "1");
    let suggestions = suggest_goals(&answers);
    assert_eq!(
        areas(&answers),
        vec![AreaOfNeed::Accommodation, AreaOfNeed::Attitudes],
        "4 scores 1, below its threshold of 3"
    );
    assert_eq!(
        suggestions[0].text,
        "Find settled accommodation that supports staying away from offending"
    );
    assert_eq!(
        suggestions[0].reason,
        "Accommodation scored 4 out of 8: identified need"
    );
}

#[test]
fn a_section_judged_linked_to_offending_is_suggested_even_below_its_threshold() {
    let mut answers = Answers::default();
    choose(&mut answers, "5.99", "yes");
    choose(&mut answers, "6.99", "no");
    let suggestions = suggest_goals(&answers);
    assert_eq!(areas(&answers), vec![AreaOfNeed::Finance]);
    assert_eq!(
        suggestions[0].reason,
        "You judged financial management and income issues linked to offending behaviour (5.99)"
    );
}

#[test]
fn high_rosh_suggests_a_risk_goal_and_medium_does_not() {
    let mut answers = Answers::default();
    answers.set_cell(ROSH_GRID_ITEM, "public", "community", Some("medium".into()));
    assert!(suggest_goals(&answers).is_empty());
    answers.set_cell(
        ROSH_GRID_ITEM,
        "known_adult",
        "community",
        Some("very_high".into()),
    );
    let suggestions = suggest_goals(&answers);
    assert_eq!(areas(&answers), vec![AreaOfNeed::RiskOfSeriousHarm]);
    assert_eq!(suggestions[0].reason, "Risk of serious harm is very high");
}

#[test]
fn domestic_abuse_and_children_at_risk_suggest_risk_goals() {
    let mut answers = Answers::default();
    choose(&mut answers, "R2.3", "yes");
    choose(&mut answers, "R4.1", "dont_know");
    assert_eq!(suggest_goals(&answers).len(), 1);
    choose(&mut answers, "R4.1", "yes");
    let suggestions = suggest_goals(&answers);
    assert_eq!(suggestions.len(), 2);
    assert!(suggestions[0].reason.contains("domestic abuse (R2.3)"));
    assert!(suggestions[1].text.starts_with("Keep children safe"));
    assert!(suggestions
        .iter()
        .all(|s| s.area == AreaOfNeed::RiskOfSeriousHarm));
}

#[test]
fn answers_to_items_that_do_not_apply_do_not_count() {
    let mut answers = Answers::default();
    choose(&mut answers, "8.1", "no");
    choose(&mut answers, "8.4", "2");
    choose(&mut answers, "8.6", "2");
    assert!(
        suggest_goals(&answers).is_empty(),
        "drug answers kept after 8.1 became no"
    );
}
