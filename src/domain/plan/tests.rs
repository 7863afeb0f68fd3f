//! The plan's rules for goals and steps, allowed and refused, and its JSON.

use jiff::civil::{date, Date};

use super::*;

pub(super) fn today() -> Date {
    date(2026, 11, 25)
}

pub(super) fn details(text: &str, timing: GoalTiming) -> GoalDetails {
    GoalDetails {
        text: text.into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: "A tenancy in their own name".into(),
        timing,
    }
}

pub(super) fn step(description: &str) -> StepDetails {
    StepDetails {
        description: description.into(),
        actor: Actor::PersonOnProbation,
    }
}

/// A draft with one active goal (one step) and one future goal.
pub(super) fn draft() -> SentencePlan {
    let mut plan = SentencePlan::default();
    plan.add_goal(
        "goal-1",
        details(
            "Find settled accommodation",
            GoalTiming::start_now(GoalTarget::InSixMonths),
        ),
        today(),
    )
    .unwrap();
    plan.add_step(
        "goal-1",
        "step-1",
        step("Register with the council housing team"),
    )
    .unwrap();
    plan.add_goal(
        "goal-2",
        details("Get a job", GoalTiming::future(Some(date(2027, 3, 1)))),
        today(),
    )
    .unwrap();
    plan
}

pub(super) fn agreed() -> SentencePlan {
    let mut plan = draft();
    plan.agree(Agreement::Agrees, today()).unwrap();
    plan
}

#[test]
fn a_goal_that_can_start_now_is_active_with_its_target_date() {
    let plan = draft();
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.target, Some(GoalTarget::InSixMonths));
    assert_eq!(goal.target_date, Some(date(2027, 5, 25)));
    assert_eq!(goal.created_on, today());
    assert_eq!(goal.steps[0].status, StepStatus::NotStarted);
}

#[test]
fn a_goal_that_cannot_start_now_is_a_future_goal_without_a_target() {
    let plan = draft();
    let goal = plan.goal("goal-2").unwrap();
    assert_eq!(goal.status, GoalStatus::Future);
    assert!(!goal.can_start_now);
    assert_eq!((goal.target, goal.target_date), (None, None));
    assert_eq!(goal.reminder_date, Some(date(2027, 3, 1)));
}

#[test]
fn goal_text_is_required_trimmed_and_at_most_4000_characters() {
    let mut plan = SentencePlan::default();
    let timing = GoalTiming::start_now(GoalTarget::InThreeMonths);
    assert_eq!(
        plan.add_goal("g", details("   ", timing), today())
            .unwrap_err(),
        PlanError::GoalTextMissing
    );
    let too_long = "é".repeat(4001);
    let error = plan
        .add_goal("g", details(&too_long, timing), today())
        .unwrap_err();
    assert_eq!(error.to_string(), "Goal must be 4,000 characters or fewer");
    let longest = "é".repeat(4000);
    plan.add_goal("g", details(&format!(" {longest} "), timing), today())
        .unwrap();
    assert_eq!(plan.goals[0].text, longest);
}

#[test]
fn a_chosen_target_date_must_be_today_or_later() {
    let mut plan = SentencePlan::default();
    let on = |day| GoalTiming::start_now(GoalTarget::OnDate(day));
    assert_eq!(
        plan.add_goal("g", details("Goal", on(date(2026, 11, 24))), today())
            .unwrap_err(),
        PlanError::TargetDateInPast
    );
    plan.add_goal("g", details("Goal", on(today())), today())
        .unwrap();
    assert_eq!(plan.goals[0].target_date, Some(today()));
}

#[test]
fn a_goal_that_can_start_now_needs_a_target_and_no_reminder() {
    let mut plan = SentencePlan::default();
    let no_target = GoalTiming {
        can_start_now: true,
        target: None,
        reminder_date: None,
    };
    assert_eq!(
        plan.add_goal("g", details("Goal", no_target), today())
            .unwrap_err(),
        PlanError::TargetMissing
    );
    let with_reminder = GoalTiming {
        reminder_date: Some(date(2027, 1, 1)),
        ..GoalTiming::start_now(GoalTarget::InThreeMonths)
    };
    let error = plan
        .add_goal("g", details("Goal", with_reminder), today())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Only a future goal can have a reminder date"
    );
}

#[test]
fn a_future_goal_has_no_target_and_no_reminder_in_the_past() {
    let mut plan = SentencePlan::default();
    let with_target = GoalTiming {
        can_start_now: false,
        target: Some(GoalTarget::InThreeMonths),
        reminder_date: None,
    };
    assert_eq!(
        plan.add_goal("g", details("Goal", with_target), today())
            .unwrap_err(),
        PlanError::TargetForFutureGoal
    );
    let past = GoalTiming::future(Some(date(2026, 11, 1)));
    assert_eq!(
        plan.add_goal("g", details("Goal", past), today())
            .unwrap_err(),
        PlanError::ReminderInPast
    );
    plan.add_goal("g", details("Goal", GoalTiming::future(None)), today())
        .unwrap();
}

#[test]
fn ids_must_be_new() {
    let mut plan = draft();
    let timing = GoalTiming::start_now(GoalTarget::InThreeMonths);
    assert_eq!(
        plan.add_goal("step-1", details("Goal", timing), today())
            .unwrap_err(),
        PlanError::DuplicateId("step-1".into())
    );
    assert_eq!(
        plan.add_step("goal-1", "goal-2", step("Step")).unwrap_err(),
        PlanError::DuplicateId("goal-2".into())
    );
}

#[test]
fn related_areas_leave_out_the_main_area_and_repeats() {
    let mut plan = SentencePlan::default();
    let mut goal = details("Goal", GoalTiming::future(None));
    goal.related_areas = vec![
        AreaOfNeed::Finance,
        AreaOfNeed::Accommodation,
        AreaOfNeed::Finance,
        AreaOfNeed::Relationships,
    ];
    plan.add_goal("g", goal, today()).unwrap();
    assert_eq!(
        plan.goals[0].related_areas,
        vec![AreaOfNeed::Finance, AreaOfNeed::Relationships]
    );
}

#[test]
fn changing_the_words_keeps_the_target_date_and_a_new_target_moves_it() {
    let mut plan = draft();
    let later = date(2027, 1, 10);
    plan.change_goal(
        "goal-1",
        details(
            "Find a settled home",
            GoalTiming::start_now(GoalTarget::InSixMonths),
        ),
        later,
    )
    .unwrap();
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.text, "Find a settled home");
    assert_eq!(goal.target_date, Some(date(2027, 5, 25)));
    plan.change_goal(
        "goal-1",
        details(
            "Find a settled home",
            GoalTiming::start_now(GoalTarget::InThreeMonths),
        ),
        later,
    )
    .unwrap();
    assert_eq!(
        plan.goal("goal-1").unwrap().target_date,
        Some(date(2027, 4, 10))
    );
}

#[test]
fn a_chosen_date_now_passed_is_not_refused_when_only_the_words_change() {
    let mut plan = SentencePlan::default();
    let on = GoalTiming::start_now(GoalTarget::OnDate(date(2026, 12, 1)));
    plan.add_goal("g", details("Goal", on), today()).unwrap();
    plan.change_goal("g", details("Reworded", on), date(2027, 1, 5))
        .unwrap();
    assert_eq!(plan.goals[0].target_date, Some(date(2026, 12, 1)));
}

#[test]
fn a_future_goal_becomes_active_when_work_can_start() {
    let mut plan = draft();
    plan.change_goal(
        "goal-2",
        details(
            "Get a job",
            GoalTiming::start_now(GoalTarget::InTwelveMonths),
        ),
        today(),
    )
    .unwrap();
    let goal = plan.goal("goal-2").unwrap();
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.reminder_date, None);
    assert_eq!(goal.target_date, Some(date(2027, 11, 25)));
}

#[test]
fn in_a_draft_removing_a_goal_deletes_it() {
    let mut plan = draft();
    plan.remove_goal("goal-1", None, today()).unwrap();
    assert!(plan.goal("goal-1").is_none());
    assert_eq!(
        plan.remove_goal("goal-1", None, today()).unwrap_err(),
        PlanError::GoalNotFound("goal-1".into())
    );
}

#[test]
fn in_a_draft_a_goal_can_be_marked_achieved_without_a_note() {
    let mut plan = draft();
    plan.mark_goal_achieved("goal-1", None, today()).unwrap();
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.status, GoalStatus::Achieved);
    assert_eq!(goal.status_note, None);
}

#[test]
fn once_agreed_achieving_or_removing_needs_a_note() {
    let mut plan = agreed();
    assert_eq!(
        plan.mark_goal_achieved("goal-1", Some("  "), today())
            .unwrap_err(),
        PlanError::AchievedNoteMissing
    );
    assert_eq!(
        plan.remove_goal("goal-2", None, today())
            .unwrap_err()
            .to_string(),
        "Add a note saying why the goal is removed"
    );
    plan.mark_goal_achieved("goal-1", Some(" Tenancy signed "), date(2027, 2, 1))
        .unwrap();
    plan.remove_goal(
        "goal-2",
        Some("Moved to a goal about training"),
        date(2027, 2, 1),
    )
    .unwrap();
    let achieved = plan.goal("goal-1").unwrap();
    assert_eq!(achieved.status, GoalStatus::Achieved);
    assert_eq!(achieved.status_note.as_deref(), Some("Tenancy signed"));
    assert_eq!(achieved.status_changed_on, Some(date(2027, 2, 1)));
    let removed = plan.goal("goal-2").unwrap();
    assert_eq!(removed.status, GoalStatus::Removed, "kept, not deleted");
}

#[test]
fn an_achieved_or_removed_goal_can_no_longer_be_changed() {
    let mut plan = agreed();
    plan.mark_goal_achieved("goal-1", Some("Done"), today())
        .unwrap();
    let error = plan
        .mark_goal_achieved("goal-1", Some("Again"), today())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "This goal is achieved: it can no longer be changed"
    );
    assert_eq!(
        plan.add_step("goal-1", "step-2", step("More")).unwrap_err(),
        PlanError::GoalNotCurrent(GoalStatus::Achieved)
    );
    assert_eq!(
        plan.add_goal_back("goal-1", GoalTiming::future(None), today())
            .unwrap_err(),
        PlanError::GoalNotRemoved
    );
}

#[test]
fn a_removed_goal_can_be_added_back_with_a_new_date() {
    let mut plan = agreed();
    plan.remove_goal("goal-1", Some("Moved to a hostel"), today())
        .unwrap();
    let back_on = date(2027, 3, 31);
    assert_eq!(
        plan.add_goal_back(
            "goal-1",
            GoalTiming::start_now(GoalTarget::OnDate(today())),
            back_on
        )
        .unwrap_err(),
        PlanError::TargetDateInPast
    );
    plan.add_goal_back(
        "goal-1",
        GoalTiming::start_now(GoalTarget::InThreeMonths),
        back_on,
    )
    .unwrap();
    let goal = plan.goal("goal-1").unwrap();
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.target_date, Some(date(2027, 6, 30)));
    assert_eq!(goal.status_note, None);
    assert_eq!(goal.steps.len(), 1, "its steps are kept");

    plan.remove_goal("goal-1", Some("Again"), back_on).unwrap();
    plan.add_goal_back("goal-1", GoalTiming::future(None), back_on)
        .unwrap();
    assert_eq!(plan.goal("goal-1").unwrap().status, GoalStatus::Future);
}

#[test]
fn goals_and_steps_can_still_be_added_once_agreed() {
    let mut plan = agreed();
    plan.add_goal(
        "goal-3",
        details(
            "Open a bank account",
            GoalTiming::start_now(GoalTarget::InThreeMonths),
        ),
        today(),
    )
    .unwrap();
    plan.add_step("goal-3", "step-3", step("Bring ID to the bank"))
        .unwrap();
    assert!(plan.is_agreed());
}

#[test]
fn the_plan_serialises_with_lower_case_names_and_reads_back_equal() {
    let mut plan = agreed();
    plan.add_step(
        "goal-1",
        "step-2",
        StepDetails {
            description: "Meet the landlord".into(),
            actor: Actor::SomeoneElse {
                name: "Support worker".into(),
            },
        },
    )
    .unwrap();
    plan.add_goal(
        "goal-3",
        details(
            "Save a deposit",
            GoalTiming::start_now(GoalTarget::OnDate(date(2027, 2, 1))),
        ),
        today(),
    )
    .unwrap();
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["status"], "agreed");
    assert_eq!(json["agreement"], serde_json::json!({"answer": "agrees"}));
    assert_eq!(json["agreed_on"], "2026-11-25");
    let goal = &json["goals"][0];
    assert_eq!(goal["area_of_need"], "accommodation");
    assert_eq!(goal["target"], "in_six_months");
    assert_eq!(goal["target_date"], "2027-05-25");
    assert_eq!(goal["status"], "active");
    assert_eq!(goal["steps"][0]["actor"], "person_on_probation");
    assert_eq!(goal["steps"][0]["status"], "not_started");
    assert_eq!(
        goal["steps"][1]["actor"],
        serde_json::json!({"someone_else": {"name": "Support worker"}})
    );
    assert_eq!(json["goals"][1]["status"], "future");
    assert_eq!(
        json["goals"][2]["target"],
        serde_json::json!({"on_date": "2027-02-01"})
    );
    let back: SentencePlan = serde_json::from_value(json).unwrap();
    assert_eq!(back, plan);
}

#[test]
fn numbers_are_written_with_thousands_separators() {
    assert_eq!(thousands(4000), "4,000");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1234567), "1,234,567");
}

/// Issue 12: the plan names each of its dates, so an import can say which one is out of range.
#[test]
fn the_plan_names_its_dates_and_the_first_outside_1900_to_2100() {
    let mut plan = draft();
    assert_eq!(plan.date_outside_years(), None);
    let named: Vec<String> = plan.dates().into_iter().map(|(what, _)| what).collect();
    assert!(named.contains(&"target date of the goal \"Find settled accommodation\"".to_string()));
    plan.goals[1].reminder_date = Some(date(2101, 1, 1));
    let (what, when) = plan.date_outside_years().unwrap();
    assert!(what.starts_with("reminder date of the goal"), "{what}");
    assert_eq!(when, date(2101, 1, 1));
    plan.goals[0].text = "x".repeat(100);
    plan.goals[0].created_on = date(1899, 12, 31);
    let (what, _) = plan.date_outside_years().unwrap();
    assert_eq!(
        what,
        format!("date of creation of the goal \"{}…\"", "x".repeat(60))
    );
}
