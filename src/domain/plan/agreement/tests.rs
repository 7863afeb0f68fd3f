//! Agreeing a plan: what must be in place first, the answers and their details, and updating "could not answer".

use jiff::civil::{date, Date};

use super::super::tests::{agreed, details, draft, step, today};
use super::super::*;

#[test]
fn an_empty_plan_cannot_be_agreed() {
    let mut plan = SentencePlan::default();
    assert_eq!(
        plan.readiness_problems(),
        vec![ReadinessProblem::NoCurrentGoal]
    );
    let error = plan.agree(Agreement::Agrees, today()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Add at least one goal they can work on now or in the future"
    );
    assert_eq!(plan.status, PlanStatus::Draft);
}

#[test]
fn every_active_goal_needs_a_step_and_every_problem_is_listed() {
    let mut plan = draft();
    for (id, text) in [("goal-3", "Open a bank account"), ("goal-4", "See a GP")] {
        plan.add_goal(
            id,
            details(text, GoalTiming::start_now(GoalTarget::InThreeMonths)),
            today(),
        )
        .unwrap();
    }
    let problems = plan.readiness_problems();
    assert_eq!(
        problems.len(),
        2,
        "goal-2 is a future goal and needs no step"
    );
    assert_eq!(
        problems[0],
        ReadinessProblem::GoalWithoutSteps {
            goal_id: "goal-3".into(),
            goal_text: "Open a bank account".into()
        }
    );
    match plan.agree(Agreement::Agrees, today()).unwrap_err() {
        PlanError::NotReadyToAgree(listed) => assert_eq!(listed, problems),
        other => panic!("{other}"),
    }
    plan.add_step("goal-3", "s3", step("Bring ID")).unwrap();
    plan.add_step("goal-4", "s4", step("Book an appointment"))
        .unwrap();
    plan.agree(Agreement::Agrees, today()).unwrap();
}

#[test]
fn future_goals_alone_are_enough_to_agree() {
    let mut plan = draft();
    plan.remove_goal("goal-1", None, today()).unwrap();
    assert!(plan.readiness_problems().is_empty());
}

#[test]
fn achieved_goals_are_not_current_goals() {
    let mut plan = draft();
    plan.remove_goal("goal-2", None, today()).unwrap();
    plan.mark_goal_achieved("goal-1", None, today()).unwrap();
    assert_eq!(
        plan.readiness_problems(),
        vec![ReadinessProblem::NoCurrentGoal]
    );
}

#[test]
fn agreeing_records_the_answer_and_the_day() {
    let plan = agreed();
    assert_eq!(plan.status, PlanStatus::Agreed);
    assert_eq!(plan.agreement, Some(Agreement::Agrees));
    assert_eq!(plan.agreed_on, Some(today()));
}

#[test]
fn does_not_agree_and_could_not_answer_need_details() {
    let mut plan = draft();
    let refused = plan
        .agree(
            Agreement::DoesNotAgree {
                details: " ".into(),
            },
            today(),
        )
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Give details of why they do not agree with the plan"
    );
    let refused = plan
        .agree(Agreement::CouldNotAnswer { details: "".into() }, today())
        .unwrap_err();
    assert_eq!(refused, PlanError::CouldNotAnswerDetailsMissing);
    assert_eq!(plan.status, PlanStatus::Draft);
    plan.agree(
        Agreement::DoesNotAgree {
            details: " Wants to live with his brother ".into(),
        },
        today(),
    )
    .unwrap();
    assert_eq!(
        plan.agreement.as_ref().and_then(Agreement::details),
        Some("Wants to live with his brother")
    );
}

#[test]
fn only_a_draft_plan_can_be_agreed() {
    let mut plan = agreed();
    assert_eq!(
        plan.agree(Agreement::Agrees, today()).unwrap_err(),
        PlanError::PlanNotDraft
    );
}

#[test]
fn could_not_answer_can_later_be_updated_to_an_answer() {
    let mut plan = draft();
    plan.agree(
        Agreement::CouldNotAnswer {
            details: "Too unwell at the appointment".into(),
        },
        today(),
    )
    .unwrap();
    assert!(plan.is_agreed());
    assert_eq!(
        plan.update_agreement(
            Agreement::CouldNotAnswer {
                details: "Still unwell".into()
            },
            today()
        )
        .unwrap_err(),
        PlanError::AgreementStillUnanswered
    );
    assert_eq!(
        plan.update_agreement(Agreement::DoesNotAgree { details: "".into() }, today())
            .unwrap_err(),
        PlanError::DisagreementDetailsMissing
    );
    let later = date(2026, 12, 2);
    plan.update_agreement(Agreement::Agrees, later).unwrap();
    assert_eq!(plan.agreement, Some(Agreement::Agrees));
    assert_eq!(plan.agreed_on, Some(today()));
    assert_eq!(plan.agreement_updated_on, Some(later));
}

#[test]
fn an_answered_agreement_cannot_be_updated() {
    let mut plan = agreed();
    assert_eq!(
        plan.update_agreement(
            Agreement::DoesNotAgree {
                details: "Changed mind".into()
            },
            today()
        )
        .unwrap_err(),
        PlanError::AgreementNotOpen
    );
    assert_eq!(
        SentencePlan::default()
            .update_agreement(Agreement::Agrees, today())
            .unwrap_err(),
        PlanError::AgreementNotOpen
    );
}

#[test]
fn answers_serialise_with_their_details() {
    let answer = Agreement::CouldNotAnswer {
        details: "Not present".into(),
    };
    let json = serde_json::to_value(&answer).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"answer": "could_not_answer", "details": "Not present"})
    );
    assert_eq!(serde_json::from_value::<Agreement>(json).unwrap(), answer);
    assert_eq!(Agreement::Agrees.label(), "Agrees with the plan");
}

#[test]
fn a_change_to_an_agreed_plan_puts_the_agreement_out_of_date_until_it_is_recorded_again() {
    let mut plan = agreed();
    assert_eq!(plan.agreement_out_of_date(), None);
    assert_eq!(
        plan.status_line(),
        "Agreed on 25 November 2026: Agrees with the plan"
    );
    // Progress is not a change of what was agreed.
    plan.set_step_status("goal-1", "step-1", StepStatus::Completed)
        .unwrap();
    assert_eq!(plan.agreement_out_of_date(), None);
    // A new target is.
    plan.change_goal(
        "goal-1",
        details(
            "Find settled accommodation",
            GoalTiming::start_now(GoalTarget::InTwelveMonths),
        ),
        today(),
    )
    .unwrap();
    assert_eq!(plan.agreement_out_of_date(), Some(today()));
    assert_eq!(
        plan.status_line(),
        "Changed since it was agreed on 25 November 2026: record the person's agreement again (agrees with the plan then)"
    );
    let problems = crate::domain::signing::sign_problems(
        &crate::domain::signing::Snapshot {
            plan: plan.clone(),
            ..Default::default()
        },
        None,
    );
    assert!(problems.contains(&"The plan changed since it was agreed on 25 November 2026: record the person's agreement again".to_string()), "{problems:?}");
    // Recorded again: agreed as it stands, on the new day.
    let later = date(2026, 12, 1);
    plan.agree_again(Agreement::Agrees, later).unwrap();
    assert_eq!(plan.agreement_out_of_date(), None);
    assert_eq!(plan.agreed_on, Some(later));
    assert_eq!(
        plan.agree_again(Agreement::Agrees, later),
        Err(PlanError::AgreementNotOpen),
        "nothing to record again"
    );
    // A step added, or a goal removed, is a change too; undone, the plan is as agreed again.
    let before = plan.goal("goal-1").unwrap().clone();
    plan.remove_goal("goal-1", Some("Moved out of area"), later)
        .unwrap();
    assert!(plan.agreement_out_of_date().is_some());
    plan.put_back(before, 0);
    assert_eq!(plan.agreement_out_of_date(), None);
    plan.add_step("goal-1", "step-2", step("View a flat"))
        .unwrap();
    assert!(plan.agreement_out_of_date().is_some());
}

#[test]
fn a_plan_agreed_before_the_digest_was_kept_is_taken_as_it_stands() {
    let mut plan = agreed();
    plan.agreed_digest = None;
    plan.add_step("goal-1", "step-2", step("View a flat"))
        .unwrap();
    assert_eq!(plan.agreement_out_of_date(), None);
    let json = serde_json::to_value(&plan).unwrap();
    assert!(json.get("agreed_digest").is_none());
}

#[test]
fn a_removed_draft_goal_is_put_back_where_it_was() {
    let mut plan = draft();
    let before = plan.goal("goal-1").unwrap().clone();
    plan.remove_goal("goal-1", None, today()).unwrap();
    assert!(plan.goal("goal-1").is_none());
    plan.put_back(before.clone(), 0);
    assert_eq!(plan.goals[0], before);
    assert_eq!(plan.goals.len(), 2);
}

#[test]
fn a_suggestion_accepted_in_custody_counts_from_the_release_date() {
    use crate::domain::case::{CaseDetails, SentenceType, Sex};
    let case = |kind: SentenceType, release: Date| CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Sam Fictional".into(),
        crn: "X654321".into(),
        date_of_birth: date(1990, 1, 2),
        sex: Sex::Female,
        sentence_type: kind,
        sentence_date: (kind == SentenceType::Custody).then(|| date(2026, 1, 5)),
        sentence_or_release_date: release,
        sentence_end_date: date(2029, 6, 1),
    };
    let mut plan = SentencePlan::default();
    plan.accept_suggestion(
        "g1",
        AreaOfNeed::Accommodation,
        "Find settled accommodation",
        &case(SentenceType::Custody, date(2027, 3, 10)),
        today(),
    )
    .unwrap();
    assert_eq!(plan.goals[0].target_date, Some(date(2027, 9, 10)));
    assert_eq!(plan.goals[0].timing_line(), "By 10 September 2027");
    // Released already, or in the community: six months from today.
    for (kind, release) in [
        (SentenceType::Custody, date(2026, 1, 5)),
        (SentenceType::CommunityOrder, date(2027, 3, 10)),
    ] {
        let mut plan = SentencePlan::default();
        plan.accept_suggestion(
            "g1",
            AreaOfNeed::Accommodation,
            "Find settled accommodation",
            &case(kind, release),
            today(),
        )
        .unwrap();
        assert_eq!(
            plan.goals[0].target,
            Some(GoalTarget::InSixMonths),
            "{kind:?}"
        );
        assert_eq!(plan.goals[0].target_date, Some(date(2027, 5, 25)));
    }
}
