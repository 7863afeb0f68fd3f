//! Agreeing a plan: what must be in place first, the answers and their details, and updating "could not answer".

use jiff::civil::date;

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
