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
fn linked_to_offending_is_read_under_each_sections_own_code() {
    let mut answers = Answers::default();
    choose(&mut answers, "4.96", "yes");
    choose(&mut answers, "2.99", "yes");
    assert!(
        suggest_goals(&answers).is_empty(),
        "4.96 and 2.99 are linked to risk of serious harm, not to offending"
    );
    choose(&mut answers, "4.98", "yes");
    let suggestions = suggest_goals(&answers);
    assert_eq!(
        areas(&answers),
        vec![AreaOfNeed::EducationTrainingEmployability]
    );
    assert_eq!(
        suggestions[0].reason,
        "You judged education, training and employability issues linked to offending behaviour (4.98)"
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

// --- which suggestions the plan page offers -------------------------------------------------------

/// Accommodation and drug misuse are identified needs.
fn two_needs() -> Answers {
    let mut answers = Answers::default();
    choose(&mut answers, "3.3", "yes");
    choose(&mut answers, "8.1", "yes");
    choose(&mut answers, "8.4", "2");
    answers
}

fn offered(plan: &SentencePlan, dismissed: &[&str]) -> Vec<AreaOfNeed> {
    let dismissed: Vec<String> = dismissed.iter().map(|text| text.to_string()).collect();
    offered_suggestions(&two_needs(), plan, &dismissed)
        .iter()
        .map(|suggestion| suggestion.area)
        .collect()
}

fn plan_with_goal(area: AreaOfNeed, text: &str) -> SentencePlan {
    let mut plan = SentencePlan::default();
    let goal = crate::domain::plan::GoalDetails {
        text: text.into(),
        area_of_need: area,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: crate::domain::plan::GoalTiming::future(None),
    };
    plan.add_goal("goal-1", goal, jiff::civil::date(2026, 11, 25))
        .unwrap();
    plan
}

#[test]
fn every_suggestion_is_offered_on_an_empty_plan() {
    assert_eq!(
        offered(&SentencePlan::default(), &[]),
        [AreaOfNeed::Accommodation, AreaOfNeed::DrugMisuse]
    );
    assert!(offered_suggestions(&Answers::default(), &SentencePlan::default(), &[]).is_empty());
}

#[test]
fn a_dismissed_suggestion_is_not_offered_again() {
    let housing = suggest_goals(&two_needs())[0].text.clone();
    assert_eq!(
        offered(&SentencePlan::default(), &[&housing]),
        [AreaOfNeed::DrugMisuse]
    );
    assert_eq!(
        offered(&SentencePlan::default(), &["Some other words"]).len(),
        2
    );
}

#[test]
fn a_goal_with_the_same_words_or_area_covers_the_suggestion() {
    let drugs = suggest_goals(&two_needs())[1].text.clone();
    // Accepted as it is.
    let accepted = plan_with_goal(AreaOfNeed::DrugMisuse, &drugs);
    assert_eq!(offered(&accepted, &[]), [AreaOfNeed::Accommodation]);
    // Reworded before it was added: the area still covers it.
    let reworded = plan_with_goal(
        AreaOfNeed::DrugMisuse,
        "Stop using heroin once she has moved",
    );
    assert_eq!(offered(&reworded, &[]), [AreaOfNeed::Accommodation]);
    // The same words filed under another area.
    let elsewhere = plan_with_goal(AreaOfNeed::Health, &drugs);
    assert_eq!(offered(&elsewhere, &[]), [AreaOfNeed::Accommodation]);
    // A goal in another area with other words covers nothing.
    let other = plan_with_goal(AreaOfNeed::Finance, "Open a bank account");
    assert_eq!(offered(&other, &[]).len(), 2);
}

#[test]
fn a_goal_achieved_or_removed_still_covers_its_suggestion() {
    let housing = suggest_goals(&two_needs())[0].text.clone();
    let mut plan = plan_with_goal(AreaOfNeed::Accommodation, &housing);
    plan.mark_goal_achieved("goal-1", None, jiff::civil::date(2026, 12, 1))
        .unwrap();
    assert_eq!(offered(&plan, &[]), [AreaOfNeed::DrugMisuse]);
    plan.goals[0].status = crate::domain::plan::GoalStatus::Removed;
    assert_eq!(offered(&plan, &[]), [AreaOfNeed::DrugMisuse]);
}

/// Issue 19: suggestions ordered by need severity and RoSH, not assessment order alone.
#[test]
fn the_most_pressing_suggestions_come_first() {
    let mut answers = two_needs();
    // Accommodation (a need) and drugs (a need), then domestic abuse at Medium RoSH: assessment order.
    choose(&mut answers, "R2.3", "yes");
    answers.set_cell(ROSH_GRID_ITEM, "public", "community", Some("medium".into()));
    assert_eq!(
        areas(&answers),
        [
            AreaOfNeed::Accommodation,
            AreaOfNeed::DrugMisuse,
            AreaOfNeed::RiskOfSeriousHarm
        ]
    );
    // At High RoSH the risk goals come before the needs.
    answers.set_cell(ROSH_GRID_ITEM, "public", "community", Some("high".into()));
    let order = areas(&answers);
    assert_eq!(order[0], AreaOfNeed::RiskOfSeriousHarm);
    assert_eq!(
        order[order.len() - 2..],
        [AreaOfNeed::Accommodation, AreaOfNeed::DrugMisuse]
    );
    // A severe need comes before a need: accommodation at its maximum.
    let mut severe = two_needs();
    for code in ["3.4", "3.5", "3.6"] {
        choose(&mut severe, code, "2");
    }
    let suggestions = suggest_goals(&severe);
    assert_eq!(suggestions[0].area, AreaOfNeed::Accommodation);
    assert!(
        suggestions[0].reason.ends_with("(severe)"),
        "{}",
        suggestions[0].reason
    );
    assert!(suggestions
        .windows(2)
        .all(|pair| pair[0].priority <= pair[1].priority));
}
