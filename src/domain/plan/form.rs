//! What the officer types into the goal, step and agreement forms, kept exactly as typed (so it can
//! be saved field by field before it is valid), and turned into plan details with every problem
//! filed under the field it belongs to.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{
    Actor, Agreement, AreaOfNeed, Goal, GoalDetails, GoalTarget, GoalTiming, PlanError,
    StepDetails, StepStatus,
};
use crate::domain::dates::{parse_date, DateParts};
use crate::domain::errors::FieldErrors;

/// Field ids of the goal form, shared by its inputs and the error summary.
pub mod goal_fields {
    pub const TEXT: &str = "goal-text";
    pub const AREA: &str = "goal-area";
    pub const MEASURED: &str = "goal-measured";
    pub const START_NOW: &str = "goal-start-now";
    pub const TARGET: &str = "goal-target";
    /// Not "goal-target-date": that is the id of the "Set another date" radio of `TARGET`.
    pub const TARGET_DATE: &str = "goal-date";
    pub const REMINDER_DATE: &str = "goal-reminder-date";
}

/// The goal form as typed. `editing` names the goal being changed; `None` adds a new one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalForm {
    pub editing: Option<String>,
    pub text: String,
    /// An `AreaOfNeed` code.
    pub area: String,
    pub related: Vec<String>,
    pub measured: String,
    /// "yes", "no" or "" before it is answered.
    pub start_now: String,
    /// "3", "6", "12", "date" or "".
    pub target: String,
    pub target_date: DateParts,
    pub reminder_date: DateParts,
}

impl GoalForm {
    /// A new goal's form filled in from a suggestion.
    pub fn suggested(area: AreaOfNeed, text: &str) -> Self {
        GoalForm {
            text: text.to_string(),
            area: area.code().to_string(),
            ..GoalForm::default()
        }
    }

    /// The form for changing a goal, filled in from it.
    pub fn from_goal(goal: &Goal) -> Self {
        let (target, target_date) = match goal.target {
            Some(GoalTarget::InThreeMonths) => ("3", DateParts::default()),
            Some(GoalTarget::InSixMonths) => ("6", DateParts::default()),
            Some(GoalTarget::InTwelveMonths) => ("12", DateParts::default()),
            Some(GoalTarget::OnDate(date)) => ("date", DateParts::from_date(date)),
            None => ("", DateParts::default()),
        };
        GoalForm {
            editing: Some(goal.id.clone()),
            text: goal.text.clone(),
            area: goal.area_of_need.code().to_string(),
            related: goal
                .related_areas
                .iter()
                .map(|area| area.code().to_string())
                .collect(),
            measured: goal.how_progress_is_measured.clone(),
            start_now: if goal.can_start_now { "yes" } else { "no" }.to_string(),
            target: target.to_string(),
            target_date,
            reminder_date: goal
                .reminder_date
                .map(DateParts::from_date)
                .unwrap_or_default(),
        }
    }

    /// The goal details, or every problem under its field.
    pub fn to_details(&self, today: Date) -> Result<GoalDetails, FieldErrors> {
        use goal_fields::*;
        let mut errors = FieldErrors::default();
        let area = AreaOfNeed::from_code(&self.area);
        let timing = match self.start_now.as_str() {
            "yes" => {
                let target = match self.target.as_str() {
                    "3" => Some(GoalTarget::InThreeMonths),
                    "6" => Some(GoalTarget::InSixMonths),
                    "12" => Some(GoalTarget::InTwelveMonths),
                    "date" => match parse_date(&self.target_date) {
                        Ok(date) => Some(GoalTarget::OnDate(date)),
                        Err(error) => {
                            errors.push(TARGET_DATE, error.message("Target date"));
                            None
                        }
                    },
                    _ => None,
                };
                Some(GoalTiming {
                    can_start_now: true,
                    target,
                    reminder_date: None,
                })
            }
            "no" => {
                let reminder = if self.reminder_date.is_blank() {
                    None
                } else {
                    match parse_date(&self.reminder_date) {
                        Ok(date) => Some(date),
                        Err(error) => {
                            errors.push(REMINDER_DATE, error.message("Reminder date"));
                            None
                        }
                    }
                };
                Some(GoalTiming::future(reminder))
            }
            _ => None,
        };
        let details = GoalDetails {
            text: self.text.clone(),
            area_of_need: area.unwrap_or(AreaOfNeed::Accommodation),
            related_areas: self
                .related
                .iter()
                .filter_map(|code| AreaOfNeed::from_code(code))
                .collect(),
            how_progress_is_measured: self.measured.clone(),
            timing: timing.unwrap_or_default(),
        };
        let mut problems = FieldErrors::default();
        for problem in details.problems(today) {
            let field = match problem {
                PlanError::GoalTextMissing => TEXT,
                PlanError::TooLong { what: "Goal", .. } => TEXT,
                PlanError::TooLong { .. } => MEASURED,
                PlanError::TargetMissing
                | PlanError::TargetForFutureGoal
                | PlanError::TargetDateOutsideYears => TARGET,
                PlanError::TargetDateInPast => TARGET_DATE,
                PlanError::ReminderForCurrentGoal | PlanError::ReminderInPast => REMINDER_DATE,
                _ => TEXT,
            };
            let skip = (field == TARGET && (timing.is_none() || self.target == "date"))
                || errors.for_field(field).is_some();
            if !skip {
                problems.push(field, problem.to_string());
            }
        }
        if area.is_none() {
            problems.push(AREA, "Select the main area of need this goal is about");
        }
        if timing.is_none() {
            problems.push(
                START_NOW,
                "Select whether they can start working on this goal now",
            );
        }
        problems.extend(errors);
        let order = [
            TEXT,
            AREA,
            MEASURED,
            START_NOW,
            TARGET,
            TARGET_DATE,
            REMINDER_DATE,
        ];
        problems
            .0
            .sort_by_key(|error| order.iter().position(|field| *field == error.field));
        if problems.is_empty() {
            Ok(details)
        } else {
            Err(problems)
        }
    }
}

/// The stable code of a step's actor, as in the export.
pub fn actor_code(actor: &Actor) -> &'static str {
    match actor {
        Actor::PersonOnProbation => "person_on_probation",
        Actor::ProbationPractitioner => "probation_practitioner",
        Actor::ProgrammeStaff => "programme_staff",
        Actor::PartnershipAgency => "partnership_agency",
        Actor::CommissionedProvider => "commissioned_provider",
        Actor::SomeoneElse { .. } => "someone_else",
    }
}

/// Every step status, in the order officers move through them, with its code.
pub const STEP_STATUSES: [(StepStatus, &str); 5] = [
    (StepStatus::NotStarted, "not_started"),
    (StepStatus::InProgress, "in_progress"),
    (StepStatus::CannotBeDoneYet, "cannot_be_done_yet"),
    (StepStatus::NoLongerNeeded, "no_longer_needed"),
    (StepStatus::Completed, "completed"),
];

pub fn step_status_code(status: StepStatus) -> &'static str {
    STEP_STATUSES
        .iter()
        .find(|(candidate, _)| *candidate == status)
        .map_or("not_started", |(_, code)| code)
}

pub fn step_status_from_code(code: &str) -> Option<StepStatus> {
    STEP_STATUSES
        .iter()
        .find(|(_, c)| *c == code)
        .map(|(status, _)| *status)
}

/// The add-a-step form under one goal, as typed. Field ids end with the goal id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepForm {
    pub description: String,
    /// An actor code, or "" before one is picked.
    pub actor: String,
    /// The name when the actor is someone else.
    pub name: String,
}

/// Field ids of the step form under the goal `goal_id`.
pub fn step_field(field: &str, goal_id: &str) -> String {
    format!("step-{field}-{goal_id}")
}

impl StepForm {
    pub fn to_details(&self, goal_id: &str) -> Result<StepDetails, FieldErrors> {
        let mut errors = FieldErrors::default();
        let actor = match self.actor.as_str() {
            "someone_else" => Some(Actor::SomeoneElse {
                name: self.name.clone(),
            }),
            code => Actor::NAMED
                .into_iter()
                .find(|actor| actor_code(actor) == code),
        };
        let details = StepDetails {
            description: self.description.clone(),
            actor: actor.clone().unwrap_or(Actor::PersonOnProbation),
        };
        for problem in details.problems() {
            let field = match problem {
                PlanError::ActorNameMissing => "name",
                _ => "description",
            };
            errors.push(step_field(field, goal_id), problem.to_string());
        }
        if actor.is_none() {
            errors.push(step_field("actor", goal_id), "Select who will do this step");
        }
        let order = ["description", "actor", "name"].map(|field| step_field(field, goal_id));
        errors
            .0
            .sort_by_key(|error| order.iter().position(|field| *field == error.field));
        if errors.is_empty() {
            Ok(details)
        } else {
            Err(errors)
        }
    }
}

/// The agreement form as typed: "agrees", "does_not_agree", "could_not_answer" and details.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementForm {
    pub answer: String,
    pub details: String,
}

pub mod agreement_fields {
    pub const ANSWER: &str = "agreement";
    pub const DETAILS: &str = "agreement-details";
}

impl AgreementForm {
    pub fn to_agreement(&self) -> Result<Agreement, FieldErrors> {
        let mut errors = FieldErrors::default();
        let details = self.details.trim().to_string();
        let agreement = match self.answer.as_str() {
            "agrees" => Some(Agreement::Agrees),
            "does_not_agree" if details.is_empty() => {
                errors.push(
                    agreement_fields::DETAILS,
                    PlanError::DisagreementDetailsMissing.to_string(),
                );
                None
            }
            "does_not_agree" => Some(Agreement::DoesNotAgree { details }),
            "could_not_answer" if details.is_empty() => {
                errors.push(
                    agreement_fields::DETAILS,
                    PlanError::CouldNotAnswerDetailsMissing.to_string(),
                );
                None
            }
            "could_not_answer" => Some(Agreement::CouldNotAnswer { details }),
            _ => {
                errors.push(
                    agreement_fields::ANSWER,
                    "Select whether they agree with the plan",
                );
                None
            }
        };
        agreement.ok_or(errors)
    }
}

#[cfg(test)]
mod tests;
