//! The sentence plan (domain.md §4): the goals the person works towards, the steps towards each, and the
//! person's agreement to the plan.
//!
//! Every change is a method that checks the rules and says in a sentence why it was refused:
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::plan::*;
//! let today = date(2026, 11, 25);
//! let mut plan = SentencePlan::default();
//! let goal = GoalDetails {
//!     text: "Find settled accommodation".into(),
//!     area_of_need: AreaOfNeed::Accommodation,
//!     related_areas: vec![],
//!     how_progress_is_measured: "A tenancy in their name".into(),
//!     timing: GoalTiming::start_now(GoalTarget::InSixMonths),
//! };
//! plan.add_goal("goal-1", goal, today).unwrap();
//! assert_eq!(plan.goals[0].target_date, Some(date(2027, 5, 25)));
//! let refused = plan.agree(Agreement::Agrees, today).unwrap_err();
//! assert_eq!(refused.to_string(), "Add at least one step to the goal \"Find settled accommodation\"");
//! ```

mod agreement;
mod area;
mod form;
mod goal;
mod step;
mod suggestions;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use agreement::{Agreement, ReadinessProblem};
pub use area::AreaOfNeed;
pub use form::{
    actor_code, agreement_fields, goal_fields, step_field, step_status_code, step_status_from_code,
    AgreementForm, GoalForm, StepForm, STEP_STATUSES,
};
pub use goal::{Goal, GoalDetails, GoalStatus, GoalTarget, GoalTiming, TEXT_MAX_CHARS};
pub use step::{Actor, Step, StepDetails, StepStatus};
pub use suggestions::{offered_suggestions, suggest_goals, GoalSuggestion};

use crate::domain::validation::thousands;
use goal::check_text;

/// Whether the person has agreed the plan yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    #[default]
    Draft,
    /// The person's answer is recorded: agrees, does not agree, or could not answer.
    Agreed,
}

/// The sentence plan of one case.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct SentencePlan {
    /// In the order they were added.
    pub goals: Vec<Goal>,
    pub agreement: Option<Agreement>,
    pub agreed_on: Option<Date>,
    /// When a "could not answer" was later replaced by the person's answer.
    pub agreement_updated_on: Option<Date>,
    pub status: PlanStatus,
    /// What the person agreed to, as a digest of every goal's words, timing and steps (not their
    /// progress) when the agreement was recorded (issue 20): a plan that no longer matches it is
    /// "changed since it was agreed" until the agreement is recorded again. Absent on plans agreed
    /// before it was kept, which are taken as they stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_digest: Option<String>,
}

/// Why a change to the plan was refused. Each message is the sentence the officer reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("Enter the goal")]
    GoalTextMissing,
    #[error("{what} must be {} characters or fewer", thousands(*.max as u64))]
    TooLong { what: &'static str, max: usize },
    #[error("Select when they should aim to achieve this goal")]
    TargetMissing,
    #[error("The target date must be today or in the future")]
    TargetDateInPast,
    /// The target would fall in a year before 1900 or after 2100 (see `dates::EARLIEST_YEAR`).
    #[error(
        "The target date must be between {} and {}",
        crate::domain::dates::EARLIEST_YEAR,
        crate::domain::dates::LATEST_YEAR
    )]
    TargetDateOutsideYears,
    #[error(
        "A future goal cannot have a target date: choose whether they can start working on it now"
    )]
    TargetForFutureGoal,
    #[error("Only a future goal can have a reminder date")]
    ReminderForCurrentGoal,
    #[error("The reminder date must be today or in the future")]
    ReminderInPast,
    #[error("Enter a description of the step")]
    StepDescriptionMissing,
    #[error("Enter the name of who will do this step")]
    ActorNameMissing,
    #[error("There is no goal with the id {0}")]
    GoalNotFound(String),
    #[error("There is no step with the id {0}")]
    StepNotFound(String),
    #[error("A goal or step with the id {0} already exists")]
    DuplicateId(String),
    #[error("This goal is {}: it can no longer be changed", .0.label().to_lowercase())]
    GoalNotCurrent(GoalStatus),
    #[error("Only a removed goal can be added back")]
    GoalNotRemoved,
    #[error("Add a note saying why the goal is achieved")]
    AchievedNoteMissing,
    #[error("Add a note saying why the goal is removed")]
    RemovedNoteMissing,
    #[error("Once the plan is agreed, a step cannot be deleted: mark it as no longer needed")]
    StepDeletedAfterAgreement,
    #[error("Only a draft plan can be agreed")]
    PlanNotDraft,
    #[error("Give details of why they do not agree with the plan")]
    DisagreementDetailsMissing,
    #[error("Give details of why they could not answer")]
    CouldNotAnswerDetailsMissing,
    /// Every reason the plan cannot be agreed yet, for the error summary to list.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(". "))]
    NotReadyToAgree(Vec<ReadinessProblem>),
    #[error("Only an agreement they could not answer can be updated")]
    AgreementNotOpen,
    #[error("Select whether they agree or do not agree with the plan")]
    AgreementStillUnanswered,
}

/// A goal's words for naming it in a sentence: at most 60 characters, cut with "…".
fn goal_words(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX).collect();
    format!("{}…", cut.trim_end())
}

impl SentencePlan {
    /// The digest of what the plan commits to: each goal's words, area, timing, whether it was
    /// taken out, and its steps' words and who does them. Progress (a step done, a goal achieved)
    /// is not a change of what was agreed.
    pub fn commitments_digest(&self) -> String {
        let goals: Vec<serde_json::Value> = self
            .goals
            .iter()
            .map(|goal| {
                serde_json::json!({
                    "id": goal.id,
                    "text": goal.text,
                    "area": goal.area_of_need,
                    "related": goal.related_areas,
                    "measure": goal.how_progress_is_measured,
                    "now": goal.can_start_now,
                    "target": goal.target,
                    "target_date": goal.target_date,
                    "reminder": goal.reminder_date,
                    "removed": goal.status == GoalStatus::Removed,
                    "steps": goal.steps.iter().map(|step| serde_json::json!({
                        "id": step.id,
                        "what": step.description,
                        "who": step.actor,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        crate::domain::package::sha256_hex(&crate::domain::package::canonical_json(
            &serde_json::Value::Array(goals),
        ))
    }

    /// The day of the agreement that no longer holds, when the plan changed since it was agreed.
    pub fn agreement_out_of_date(&self) -> Option<Date> {
        let agreed = self.agreed_digest.as_deref()?;
        (self.is_agreed() && agreed != self.commitments_digest())
            .then(|| self.agreement_updated_on.or(self.agreed_on))
            .flatten()
    }

    /// The plan's state in one line, as the plan page and the print say it: "Agreed on 1 December
    /// 2026: Agrees with the plan", with "changed since it was agreed" while that holds.
    pub fn status_line(&self) -> String {
        match (&self.agreement, self.agreed_on) {
            (Some(agreement), Some(on)) => match self.agreement_out_of_date() {
                Some(agreed) => format!(
                    "Changed since it was agreed on {}: record the person's agreement again ({} then)",
                    crate::domain::dates::format_long(agreed),
                    agreement.label().to_lowercase()
                ),
                None => format!(
                    "Agreed on {}: {}",
                    crate::domain::dates::format_long(on),
                    agreement.label()
                ),
            },
            _ => "Draft: not yet agreed with the person on probation".to_string(),
        }
    }

    /// Puts a goal back as it was before a change the officer undoes (a removal, say): in its
    /// place if it is still there, else at `at` (or the end).
    pub fn put_back(&mut self, goal: Goal, at: usize) {
        match self.goals.iter_mut().find(|kept| kept.id == goal.id) {
            Some(kept) => *kept = goal,
            None => {
                let at = at.min(self.goals.len());
                self.goals.insert(at, goal);
            }
        }
    }

    /// Every date the plan holds, each with words naming it ("target date of the goal \"Find
    /// settled accommodation\""), in the order of the goals: for telling which one is out of range.
    pub fn dates(&self) -> Vec<(String, Date)> {
        let mut dates = Vec::new();
        for goal in &self.goals {
            let of_goal = |what: &str| format!("{what} of the goal \"{}\"", goal_words(&goal.text));
            if let Some(GoalTarget::OnDate(date)) = goal.target {
                dates.push((of_goal("target date"), date));
            }
            let optional = [
                ("target date", goal.target_date),
                ("reminder date", goal.reminder_date),
                ("date of the last change of status", goal.status_changed_on),
                ("date of creation", Some(goal.created_on)),
            ];
            for (what, date) in optional {
                if let Some(date) = date {
                    dates.push((of_goal(what), date));
                }
            }
        }
        let agreement = [
            ("date the plan was agreed", self.agreed_on),
            ("date the agreement was updated", self.agreement_updated_on),
        ];
        for (what, date) in agreement {
            if let Some(date) = date {
                dates.push((what.to_string(), date));
            }
        }
        dates
    }

    /// The first of [`SentencePlan::dates`] in a year before 1900 or after 2100, if any.
    pub fn date_outside_years(&self) -> Option<(String, Date)> {
        self.dates()
            .into_iter()
            .find(|(_, date)| !crate::domain::dates::is_within_years(*date))
    }

    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    fn goal_mut(&mut self, id: &str) -> Result<&mut Goal, PlanError> {
        self.goals
            .iter_mut()
            .find(|goal| goal.id == id)
            .ok_or_else(|| PlanError::GoalNotFound(id.to_string()))
    }

    /// A goal still worked on (active or future), for changing it or its steps.
    fn current_goal_mut(&mut self, id: &str) -> Result<&mut Goal, PlanError> {
        let goal = self.goal_mut(id)?;
        if goal.status.is_current() {
            Ok(goal)
        } else {
            Err(PlanError::GoalNotCurrent(goal.status))
        }
    }

    /// Goals with this status, in the order added.
    pub fn goals_with_status(&self, status: GoalStatus) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |goal| goal.status == status)
    }

    /// The active and future goals.
    pub fn current_goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|goal| goal.status.is_current())
    }

    pub fn is_agreed(&self) -> bool {
        self.status == PlanStatus::Agreed
    }

    fn is_id_taken(&self, id: &str) -> bool {
        self.goals
            .iter()
            .any(|goal| goal.id == id || goal.steps.iter().any(|step| step.id == id))
    }

    /// Adds a goal: active with a target date when work can start now, otherwise a future goal.
    /// `id` is chosen by the caller and must be new.
    pub fn add_goal(
        &mut self,
        id: &str,
        details: GoalDetails,
        today: Date,
    ) -> Result<&Goal, PlanError> {
        if self.is_id_taken(id) {
            return Err(PlanError::DuplicateId(id.to_string()));
        }
        let goal = details.into_goal(id, today)?;
        self.goals.push(goal);
        Ok(self.goals.last().expect("just added"))
    }

    /// Changes the words, areas or timing of an active or future goal.
    pub fn change_goal(
        &mut self,
        id: &str,
        details: GoalDetails,
        today: Date,
    ) -> Result<(), PlanError> {
        self.current_goal_mut(id)?.change(details, today)
    }

    /// Marks an active or future goal achieved. Once the plan is agreed, a note is needed.
    pub fn mark_goal_achieved(
        &mut self,
        id: &str,
        note: Option<&str>,
        today: Date,
    ) -> Result<(), PlanError> {
        let note = self.status_note(note, PlanError::AchievedNoteMissing)?;
        let goal = self.current_goal_mut(id)?;
        goal.status = GoalStatus::Achieved;
        goal.status_note = note;
        goal.status_changed_on = Some(today);
        Ok(())
    }

    /// Removes a goal. In a draft plan it is deleted; once the plan is agreed it is kept as removed,
    /// with a note saying why.
    pub fn remove_goal(
        &mut self,
        id: &str,
        note: Option<&str>,
        today: Date,
    ) -> Result<(), PlanError> {
        if !self.is_agreed() {
            self.goal_mut(id)?;
            self.goals.retain(|goal| goal.id != id);
            return Ok(());
        }
        let note = self.status_note(note, PlanError::RemovedNoteMissing)?;
        let goal = self.current_goal_mut(id)?;
        goal.status = GoalStatus::Removed;
        goal.status_note = note;
        goal.status_changed_on = Some(today);
        Ok(())
    }

    /// Adds a removed goal back with a new date: active or future again, its steps kept.
    pub fn add_goal_back(
        &mut self,
        id: &str,
        timing: GoalTiming,
        today: Date,
    ) -> Result<(), PlanError> {
        let goal = self.goal_mut(id)?;
        if goal.status != GoalStatus::Removed {
            return Err(PlanError::GoalNotRemoved);
        }
        if let Some(problem) = timing.problems(today).into_iter().next() {
            return Err(problem);
        }
        goal.set_timing(timing, today)?;
        goal.status_note = None;
        goal.status_changed_on = Some(today);
        Ok(())
    }

    /// The note for achieving or removing a goal: optional in a draft, required once agreed.
    fn status_note(
        &self,
        note: Option<&str>,
        missing: PlanError,
    ) -> Result<Option<String>, PlanError> {
        let note = note.map(str::trim).filter(|note| !note.is_empty());
        match note {
            None if self.is_agreed() => Err(missing),
            None => Ok(None),
            Some(note) => {
                check_text(note, "Note", missing)?;
                Ok(Some(note.to_string()))
            }
        }
    }

    /// Adds a step, not started yet, to an active or future goal. `step_id` is chosen by the caller.
    pub fn add_step(
        &mut self,
        goal_id: &str,
        step_id: &str,
        details: StepDetails,
    ) -> Result<(), PlanError> {
        if self.is_id_taken(step_id) {
            return Err(PlanError::DuplicateId(step_id.to_string()));
        }
        let details = details.checked()?;
        self.current_goal_mut(goal_id)?.steps.push(Step {
            id: step_id.to_string(),
            description: details.description,
            actor: details.actor,
            status: StepStatus::NotStarted,
        });
        Ok(())
    }

    /// Changes what a step is and who does it.
    pub fn change_step(
        &mut self,
        goal_id: &str,
        step_id: &str,
        details: StepDetails,
    ) -> Result<(), PlanError> {
        let details = details.checked()?;
        let step = self.current_goal_mut(goal_id)?.step_mut(step_id)?;
        step.description = details.description;
        step.actor = details.actor;
        Ok(())
    }

    pub fn set_step_status(
        &mut self,
        goal_id: &str,
        step_id: &str,
        status: StepStatus,
    ) -> Result<(), PlanError> {
        self.current_goal_mut(goal_id)?.step_mut(step_id)?.status = status;
        Ok(())
    }

    /// Deletes a step while the plan is a draft; once agreed, a step is marked no longer needed instead.
    pub fn remove_step(&mut self, goal_id: &str, step_id: &str) -> Result<(), PlanError> {
        let agreed = self.is_agreed();
        let goal = self.current_goal_mut(goal_id)?;
        goal.step_mut(step_id)?;
        if agreed {
            return Err(PlanError::StepDeletedAfterAgreement);
        }
        goal.steps.retain(|step| step.id != step_id);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
