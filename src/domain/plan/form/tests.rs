//! The plan forms: every problem under its field, and typed answers turned into plan details.

use jiff::civil::date;

use super::*;

fn today() -> Date {
    date(2026, 11, 25)
}

fn fields(errors: FieldErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.field.clone(), e.message.clone()))
        .collect()
}

#[test]
fn an_empty_goal_form_lists_every_problem_in_form_order() {
    let problems = fields(GoalForm::default().to_details(today()).unwrap_err());
    assert_eq!(
        problems,
        [
            (goal_fields::TEXT.into(), "Enter the goal".into()),
            (
                goal_fields::AREA.into(),
                "Select the main area of need this goal is about".into()
            ),
            (
                goal_fields::START_NOW.into(),
                "Select whether they can start working on this goal now".into()
            ),
        ]
    );
}

#[test]
fn a_goal_that_starts_now_needs_a_target_and_a_real_future_date() {
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::TARGET.into(),
            "Select when they should aim to achieve this goal".into()
        )]
    );
    form.target = "date".into();
    form.target_date = DateParts::new("31", "2", "2027");
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::TARGET_DATE.into(),
            "Target date must be a real date".into()
        )]
    );
    form.target_date = DateParts::new("1", "11", "2026");
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::TARGET_DATE.into(),
            "The target date must be today or in the future".into()
        )]
    );
    form.target = "6".into();
    let details = form.to_details(today()).unwrap();
    assert_eq!(
        details.timing,
        GoalTiming::start_now(GoalTarget::InSixMonths)
    );
    assert_eq!(details.area_of_need, AreaOfNeed::Accommodation);
}

#[test]
fn a_future_goal_may_have_a_reminder_in_the_future() {
    let mut form = GoalForm::suggested(AreaOfNeed::DrugMisuse, "Start a drug treatment programme");
    form.start_now = "no".into();
    assert_eq!(
        form.to_details(today()).unwrap().timing,
        GoalTiming::future(None)
    );
    form.reminder_date = DateParts::new("1", "jan", "2020");
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::REMINDER_DATE.into(),
            "The reminder date must be today or in the future".into()
        )]
    );
    form.reminder_date = DateParts::new("1", "feb", "2027");
    assert_eq!(
        form.to_details(today()).unwrap().timing.reminder_date,
        Some(date(2027, 2, 1))
    );
}

#[test]
fn a_goal_round_trips_through_its_form() {
    let mut plan = super::super::SentencePlan::default();
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    form.target = "date".into();
    form.target_date = DateParts::new("1", "3", "2027");
    form.related = vec!["finance".into()];
    form.measured = "A tenancy in his name".into();
    plan.add_goal("g1", form.to_details(today()).unwrap(), today())
        .unwrap();
    let again = GoalForm::from_goal(plan.goal("g1").unwrap());
    assert_eq!(again.editing.as_deref(), Some("g1"));
    assert_eq!(
        again.to_details(today()).unwrap(),
        form.to_details(today()).unwrap()
    );
}

#[test]
fn a_step_needs_a_description_and_who_does_it() {
    let mut form = StepForm::default();
    assert_eq!(
        fields(form.to_details("g1").unwrap_err()),
        [
            (
                "step-description-g1".into(),
                "Enter a description of the step".into()
            ),
            (
                "step-actor-g1".into(),
                "Select who will do this step".into()
            ),
        ]
    );
    form.description = "Register with the council's housing team".into();
    form.actor = "someone_else".into();
    assert_eq!(
        fields(form.to_details("g1").unwrap_err()),
        [(
            "step-name-g1".into(),
            "Enter the name of who will do this step".into()
        )]
    );
    form.name = "His sister".into();
    assert_eq!(
        form.to_details("g1").unwrap().actor,
        Actor::SomeoneElse {
            name: "His sister".into()
        }
    );
    form.actor = "probation_practitioner".into();
    assert_eq!(
        form.to_details("g1").unwrap().actor,
        Actor::ProbationPractitioner
    );
}

#[test]
fn step_status_codes_are_the_export_names() {
    for (status, code) in STEP_STATUSES {
        assert_eq!(serde_json::to_value(status).unwrap(), code);
        assert_eq!(step_status_from_code(code), Some(status));
        assert_eq!(step_status_code(status), code);
    }
    for actor in Actor::NAMED {
        assert_eq!(serde_json::to_value(&actor).unwrap(), actor_code(&actor));
    }
}

#[test]
fn disagreeing_or_not_answering_needs_details() {
    let mut form = AgreementForm::default();
    assert_eq!(
        fields(form.to_agreement().unwrap_err())[0].0,
        agreement_fields::ANSWER
    );
    form.answer = "does_not_agree".into();
    assert_eq!(
        fields(form.to_agreement().unwrap_err()),
        [(
            agreement_fields::DETAILS.into(),
            "Give details of why they do not agree with the plan".into()
        )]
    );
    form.details = "Wants to live with his partner instead".into();
    assert!(matches!(
        form.to_agreement(),
        Ok(Agreement::DoesNotAgree { .. })
    ));
    form.answer = "agrees".into();
    assert_eq!(form.to_agreement(), Ok(Agreement::Agrees));
}

/// Issue 12: the target and reminder dates are refused outside 1900 to 2100, under their fields.
#[test]
fn target_and_reminder_dates_must_be_between_1900_and_2100() {
    let mut form = GoalForm::suggested(AreaOfNeed::Accommodation, "Find settled accommodation");
    form.start_now = "yes".into();
    form.target = "date".into();
    form.target_date = DateParts::new("20", "12", "9999");
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::TARGET_DATE.into(),
            "Target date must be between 1900 and 2100".into()
        )]
    );
    form.target_date = DateParts::new("31", "12", "2100");
    assert!(form.to_details(today()).is_ok());
    form.target_date = DateParts::new("1", "1", "2101");
    assert!(form.to_details(today()).is_err());

    form.target = "12".into();
    assert_eq!(
        fields(form.to_details(date(2100, 6, 1)).unwrap_err()),
        [(
            goal_fields::TARGET.into(),
            "The target date must be between 1900 and 2100".into()
        )]
    );

    form.start_now = "no".into();
    form.reminder_date = DateParts::new("1", "1", "2101");
    assert_eq!(
        fields(form.to_details(today()).unwrap_err()),
        [(
            goal_fields::REMINDER_DATE.into(),
            "Reminder date must be between 1900 and 2100".into()
        )]
    );
    form.reminder_date = DateParts::new("31", "12", "2100");
    assert!(form.to_details(today()).is_ok());
}
