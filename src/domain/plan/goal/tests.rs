//! Target dates (month ends, leap years), the goal form's problems all at once, and labels.

use jiff::civil::date;

use super::*;

#[test]
fn months_keep_the_day_or_clamp_to_the_month_end() {
    let in_months = |target: GoalTarget, y, m, d| target.resolve(date(y, m, d)).unwrap();
    assert_eq!(
        in_months(GoalTarget::InThreeMonths, 2026, 11, 25),
        date(2027, 2, 25)
    );
    assert_eq!(
        in_months(GoalTarget::InThreeMonths, 2026, 11, 30),
        date(2027, 2, 28)
    );
    assert_eq!(
        in_months(GoalTarget::InThreeMonths, 2027, 11, 30),
        date(2028, 2, 29)
    );
    assert_eq!(
        in_months(GoalTarget::InSixMonths, 2026, 8, 31),
        date(2027, 2, 28)
    );
    assert_eq!(
        in_months(GoalTarget::InSixMonths, 2027, 3, 31),
        date(2027, 9, 30)
    );
    assert_eq!(
        in_months(GoalTarget::InTwelveMonths, 2028, 2, 29),
        date(2029, 2, 28)
    );
    assert_eq!(
        in_months(GoalTarget::InTwelveMonths, 2026, 12, 31),
        date(2027, 12, 31)
    );
}

#[test]
fn one_month_from_31_january_is_the_end_of_february() {
    // The rule every target and review date follows: jiff's month arithmetic clamps the day.
    assert_eq!(
        date(2026, 1, 31).checked_add(1.month()).unwrap(),
        date(2026, 2, 28)
    );
    assert_eq!(
        date(2028, 1, 31).checked_add(1.month()).unwrap(),
        date(2028, 2, 29)
    );
}

#[test]
fn a_chosen_date_is_kept_as_chosen_from_today_on() {
    let today = date(2026, 11, 25);
    assert_eq!(GoalTarget::OnDate(today).resolve(today), Ok(today));
    assert_eq!(
        GoalTarget::OnDate(date(2030, 1, 1)).resolve(today),
        Ok(date(2030, 1, 1))
    );
    assert_eq!(
        GoalTarget::OnDate(date(2026, 11, 24)).resolve(today),
        Err(PlanError::TargetDateInPast)
    );
}

#[test]
fn the_goal_form_lists_every_problem_in_form_order() {
    let details = GoalDetails {
        text: "".into(),
        area_of_need: AreaOfNeed::DrugMisuse,
        related_areas: vec![],
        how_progress_is_measured: "x".repeat(TEXT_MAX_CHARS + 1),
        timing: GoalTiming {
            can_start_now: true,
            target: Some(GoalTarget::OnDate(date(2020, 1, 1))),
            reminder_date: Some(date(2027, 1, 1)),
        },
    };
    let messages: Vec<String> = details
        .problems(date(2026, 11, 25))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        messages,
        [
            "Enter the goal",
            "How progress will be measured must be 4,000 characters or fewer",
            "The target date must be today or in the future",
            "Only a future goal can have a reminder date",
        ]
    );
}

#[test]
fn labels_are_the_words_on_screen() {
    assert_eq!(GoalTarget::InTwelveMonths.label(), "In 12 months");
    assert_eq!(
        GoalTarget::OnDate(date(2027, 3, 1)).label(),
        "By 1 March 2027"
    );
    assert_eq!(GoalStatus::Future.label(), "Future");
    assert!(GoalStatus::Future.is_current() && !GoalStatus::Removed.is_current());
    assert_eq!(
        serde_json::to_value(GoalStatus::Removed).unwrap(),
        "removed"
    );
}

/// Issue 12: a target is never worked out past the calendar, and none falls after 2100.
#[test]
fn a_target_outside_1900_to_2100_is_refused_rather_than_worked_out() {
    let today = date(2100, 6, 30);
    assert_eq!(
        GoalTarget::InSixMonths.resolve(today),
        Ok(date(2100, 12, 30))
    );
    assert_eq!(
        GoalTarget::InTwelveMonths.resolve(today),
        Err(PlanError::TargetDateOutsideYears)
    );
    assert_eq!(
        GoalTarget::InThreeMonths.resolve(date(9999, 12, 1)),
        Err(PlanError::TargetDateOutsideYears)
    );
    assert_eq!(
        GoalTarget::OnDate(date(2101, 1, 1)).resolve(today),
        Err(PlanError::TargetDateOutsideYears)
    );
    assert_eq!(
        GoalTarget::OnDate(date(2100, 12, 31)).resolve(today),
        Ok(date(2100, 12, 31))
    );
    assert_eq!(
        PlanError::TargetDateOutsideYears.to_string(),
        "The target date must be between 1900 and 2100"
    );
}

/// Issue 19: "Target: By 15 September 2027: 15 September 2027".
#[test]
fn a_goal_says_when_it_is_for_once() {
    let mut goal = Goal {
        id: "g1".into(),
        text: "Keep a settled address".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        can_start_now: true,
        target: Some(GoalTarget::OnDate(date(2027, 9, 15))),
        target_date: Some(date(2027, 9, 15)),
        reminder_date: None,
        status: GoalStatus::Active,
        status_note: None,
        status_changed_on: None,
        steps: vec![],
        created_on: date(2026, 12, 1),
    };
    assert_eq!(goal.timing_line(), "By 15 September 2027");
    goal.target = Some(GoalTarget::InSixMonths);
    goal.target_date = Some(date(2027, 6, 1));
    assert_eq!(goal.timing_line(), "In 6 months: 1 June 2027");
    goal.target = None;
    goal.target_date = None;
    assert_eq!(goal.timing_line(), "Future goal: no target date yet");
    goal.reminder_date = Some(date(2027, 2, 1));
    assert_eq!(
        goal.timing_line(),
        "Future goal: reminder on 1 February 2027"
    );
}
