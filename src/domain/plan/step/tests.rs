//! Steps: added, changed, their status set, and deleted only while the plan is a draft; labels and JSON names.

use super::super::tests::{agreed, draft, step};
use super::super::*;

#[test]
fn labels_are_the_words_on_screen() {
    assert_eq!(StepStatus::CannotBeDoneYet.label(), "Cannot be done yet");
    assert_eq!(
        Actor::CommissionedProvider.label(),
        "Commissioned rehabilitative services provider"
    );
    assert_eq!(
        Actor::NAMED.len() + 1,
        6,
        "five named actors and someone else"
    );
}

#[test]
fn statuses_and_actors_are_snake_case_in_json() {
    for (status, name) in StepStatus::ALL.iter().zip([
        "not_started",
        "in_progress",
        "cannot_be_done_yet",
        "no_longer_needed",
        "completed",
    ]) {
        assert_eq!(serde_json::to_value(status).unwrap(), name);
    }
    assert_eq!(
        serde_json::to_value(Actor::CommissionedProvider).unwrap(),
        "commissioned_provider"
    );
}

#[test]
fn steps_are_added_changed_and_their_status_set() {
    let mut plan = draft();
    plan.add_step(
        "goal-1",
        "step-2",
        StepDetails {
            description: " Bid for a flat ".into(),
            actor: Actor::SomeoneElse {
                name: " Housing officer ".into(),
            },
        },
    )
    .unwrap();
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.steps[1].description, "Bid for a flat");
    assert_eq!(goal.steps[1].actor.label(), "Housing officer");
    plan.change_step(
        "goal-1",
        "step-2",
        StepDetails {
            description: "Bid for a flat every week".into(),
            actor: Actor::ProbationPractitioner,
        },
    )
    .unwrap();
    plan.set_step_status("goal-1", "step-2", StepStatus::InProgress)
        .unwrap();
    let step = plan.goal("goal-1").unwrap().step("step-2").unwrap();
    assert_eq!(step.actor, Actor::ProbationPractitioner);
    assert_eq!(step.status, StepStatus::InProgress);
    assert_eq!(
        plan.set_step_status("goal-1", "step-9", StepStatus::Completed)
            .unwrap_err(),
        PlanError::StepNotFound("step-9".into())
    );
}

#[test]
fn a_step_needs_a_description_and_someone_else_needs_a_name() {
    let mut plan = draft();
    assert_eq!(
        plan.add_step("goal-1", "s", step(" "))
            .unwrap_err()
            .to_string(),
        "Enter a description of the step"
    );
    let unnamed = StepDetails {
        description: "Help with forms".into(),
        actor: Actor::SomeoneElse { name: "".into() },
    };
    assert_eq!(unnamed.problems(), vec![PlanError::ActorNameMissing]);
    assert_eq!(
        plan.add_step("goal-1", "s", unnamed).unwrap_err(),
        PlanError::ActorNameMissing
    );
    let long = step(&"x".repeat(4001));
    assert_eq!(
        plan.add_step("goal-1", "s", long).unwrap_err().to_string(),
        "Step must be 4,000 characters or fewer"
    );
}

#[test]
fn a_step_is_deleted_in_a_draft_but_only_marked_no_longer_needed_once_agreed() {
    let mut plan = draft();
    plan.add_step("goal-1", "step-2", step("Second")).unwrap();
    plan.remove_step("goal-1", "step-2").unwrap();
    assert!(plan.goal("goal-1").unwrap().step("step-2").is_none());

    let mut plan = agreed();
    assert_eq!(
        plan.remove_step("goal-1", "step-1").unwrap_err(),
        PlanError::StepDeletedAfterAgreement
    );
    plan.set_step_status("goal-1", "step-1", StepStatus::NoLongerNeeded)
        .unwrap();
}
