//! A goal (domain.md §4): what the person works towards, in which area of need, and by when.

use jiff::civil::Date;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use super::{AreaOfNeed, PlanError, Step};
use crate::domain::dates::{format_long, is_within_years};

/// The longest goal, step, note or agreement details, in characters.
pub const TEXT_MAX_CHARS: usize = 4000;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    /// Work has started: the goal has a target date.
    Active,
    /// Work cannot start yet: no target date, perhaps a reminder.
    Future,
    Achieved,
    /// Kept only once the plan is agreed; in a draft, removing a goal deletes it.
    Removed,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "Active",
            GoalStatus::Future => "Future",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::Removed => "Removed",
        }
    }

    /// Active and future goals are the current ones: the ones still worked on.
    pub fn is_current(self) -> bool {
        matches!(self, GoalStatus::Active | GoalStatus::Future)
    }
}

/// When the person should aim to achieve a goal they can start now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalTarget {
    InThreeMonths,
    InSixMonths,
    InTwelveMonths,
    /// A date the officer chose: today or later.
    OnDate(Date),
}

impl GoalTarget {
    /// The choices with a fixed period, in the order they are offered.
    pub const PERIODS: [GoalTarget; 3] = [
        GoalTarget::InThreeMonths,
        GoalTarget::InSixMonths,
        GoalTarget::InTwelveMonths,
    ];

    /// "In 6 months", or "By 1 March 2027" for a chosen date.
    pub fn label(self) -> String {
        match self {
            GoalTarget::InThreeMonths => "In 3 months".into(),
            GoalTarget::InSixMonths => "In 6 months".into(),
            GoalTarget::InTwelveMonths => "In 12 months".into(),
            GoalTarget::OnDate(date) => format!("By {}", format_long(date)),
        }
    }

    /// The target date when set on `today`. Months keep the day of the month, or the month's last day
    /// when it has no such day (31 January + 1 month is 28 or 29 February).
    ///
    /// ```
    /// use jiff::civil::date;
    /// use probation_workbook::domain::plan::GoalTarget;
    /// assert_eq!(GoalTarget::InThreeMonths.resolve(date(2027, 11, 30)), Ok(date(2028, 2, 29)));
    /// assert!(GoalTarget::OnDate(date(2026, 1, 1)).resolve(date(2026, 1, 2)).is_err());
    /// ```
    ///
    /// A target outside the years 1900 to 2100 is refused, never worked out past the calendar's end.
    pub fn resolve(self, today: Date) -> Result<Date, PlanError> {
        let months: i64 = match self {
            GoalTarget::InThreeMonths => 3,
            GoalTarget::InSixMonths => 6,
            GoalTarget::InTwelveMonths => 12,
            GoalTarget::OnDate(date) if date < today => return Err(PlanError::TargetDateInPast),
            GoalTarget::OnDate(date) if !is_within_years(date) => {
                return Err(PlanError::TargetDateOutsideYears)
            }
            GoalTarget::OnDate(date) => return Ok(date),
        };
        today
            .checked_add(months.months())
            .ok()
            .filter(|date| is_within_years(*date))
            .ok_or(PlanError::TargetDateOutsideYears)
    }
}

/// Whether work on a goal can start now, and so whether it has a target date or is a future goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoalTiming {
    pub can_start_now: bool,
    /// Needed when work can start now; refused for a future goal.
    pub target: Option<GoalTarget>,
    /// Only for a future goal: when to look at it again.
    pub reminder_date: Option<Date>,
}

impl GoalTiming {
    /// A goal to start now, aiming for `target`.
    pub fn start_now(target: GoalTarget) -> Self {
        Self {
            can_start_now: true,
            target: Some(target),
            reminder_date: None,
        }
    }

    /// A future goal, perhaps with a reminder date.
    pub fn future(reminder_date: Option<Date>) -> Self {
        Self {
            can_start_now: false,
            target: None,
            reminder_date,
        }
    }

    /// Every problem with the timing, in form order.
    pub(super) fn problems(&self, today: Date) -> Vec<PlanError> {
        let mut problems = Vec::new();
        match (self.can_start_now, self.target) {
            (true, None) => problems.push(PlanError::TargetMissing),
            (true, Some(target)) => problems.extend(target.resolve(today).err()),
            (false, Some(_)) => problems.push(PlanError::TargetForFutureGoal),
            (false, None) => {}
        }
        match self.reminder_date {
            Some(_) if self.can_start_now => problems.push(PlanError::ReminderForCurrentGoal),
            Some(reminder) if reminder < today => problems.push(PlanError::ReminderInPast),
            _ => {}
        }
        problems
    }
}

/// What the officer fills in to add a goal or change one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalDetails {
    pub text: String,
    pub area_of_need: AreaOfNeed,
    /// Other areas the goal also helps with; the main area is left out if repeated here.
    pub related_areas: Vec<AreaOfNeed>,
    pub how_progress_is_measured: String,
    pub timing: GoalTiming,
}

impl GoalDetails {
    /// Every problem at once, in form order, for the error summary. Empty when the goal can be saved.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use probation_workbook::domain::plan::{AreaOfNeed, GoalDetails, GoalTiming, PlanError};
    /// let details = GoalDetails {
    ///     text: " ".into(),
    ///     area_of_need: AreaOfNeed::Accommodation,
    ///     related_areas: vec![],
    ///     how_progress_is_measured: String::new(),
    ///     timing: GoalTiming { can_start_now: true, target: None, reminder_date: None },
    /// };
    /// assert_eq!(details.problems(date(2026, 11, 25)), vec![PlanError::GoalTextMissing, PlanError::TargetMissing]);
    /// ```
    pub fn problems(&self, today: Date) -> Vec<PlanError> {
        let mut problems = Vec::new();
        problems.extend(check_text(&self.text, "Goal", PlanError::GoalTextMissing).err());
        problems.extend(
            check_length(
                &self.how_progress_is_measured,
                "How progress will be measured",
            )
            .err(),
        );
        problems.extend(self.timing.problems(today));
        problems
    }

    /// The goal these details describe, or the first problem.
    pub(super) fn into_goal(self, id: &str, today: Date) -> Result<Goal, PlanError> {
        if let Some(problem) = self.problems(today).into_iter().next() {
            return Err(problem);
        }
        let mut goal = Goal {
            id: id.to_string(),
            text: String::new(),
            area_of_need: self.area_of_need,
            related_areas: Vec::new(),
            how_progress_is_measured: String::new(),
            can_start_now: false,
            target: None,
            target_date: None,
            reminder_date: None,
            status: GoalStatus::Future,
            status_note: None,
            status_changed_on: None,
            steps: Vec::new(),
            created_on: today,
        };
        goal.set_timing(self.timing, today)?;
        goal.set_words(self);
        Ok(goal)
    }
}

/// Something the person works towards, with the steps to get there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Goal {
    pub id: String,
    /// In the person's words where possible; at most 4,000 characters.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(min = 1, max = TEXT_MAX_CHARS)))]
    pub text: String,
    pub area_of_need: AreaOfNeed,
    pub related_areas: Vec<AreaOfNeed>,
    pub how_progress_is_measured: String,
    /// No means a future goal: no target date, perhaps a reminder date.
    pub can_start_now: bool,
    /// The officer's choice of target, as picked.
    pub target: Option<GoalTarget>,
    /// The target resolved to a date on the day it was set.
    pub target_date: Option<Date>,
    pub reminder_date: Option<Date>,
    pub status: GoalStatus,
    /// Why the goal was achieved or removed.
    pub status_note: Option<String>,
    /// When it was last marked achieved, removed or added back.
    pub status_changed_on: Option<Date>,
    pub steps: Vec<Step>,
    pub created_on: Date,
}

impl Goal {
    /// When the goal is for, in one line: "By 15 September 2027" for a chosen date (never the date
    /// twice), "In 6 months: 15 March 2027", or a future goal's reminder.
    pub fn timing_line(&self) -> String {
        match (self.target, self.target_date) {
            (Some(GoalTarget::OnDate(date)), _) => format!("By {}", format_long(date)),
            (Some(target), Some(date)) => format!("{}: {}", target.label(), format_long(date)),
            _ => match self.reminder_date {
                Some(reminder) => format!("Future goal: reminder on {}", format_long(reminder)),
                None => "Future goal: no target date yet".to_string(),
            },
        }
    }

    /// Changes a current goal. An unchanged target keeps its date, so rewording a goal set "in 6 months"
    /// does not move its target, and a chosen date or reminder already passed is not refused again.
    pub(super) fn change(&mut self, details: GoalDetails, today: Date) -> Result<(), PlanError> {
        let timing_changed = details.timing.can_start_now != self.can_start_now
            || details.timing.target != self.target;
        let reminder_changed = details.timing.reminder_date != self.reminder_date;
        let problem = details
            .problems(today)
            .into_iter()
            .find(|problem| match problem {
                PlanError::TargetDateInPast => timing_changed,
                PlanError::ReminderInPast => reminder_changed,
                _ => true,
            });
        if let Some(problem) = problem {
            return Err(problem);
        }
        if timing_changed {
            self.set_timing(details.timing, today)?;
        } else {
            self.reminder_date = details.timing.reminder_date;
        }
        self.set_words(details);
        Ok(())
    }

    fn set_words(&mut self, details: GoalDetails) {
        self.text = details.text.trim().to_string();
        self.related_areas = related_areas(details.area_of_need, details.related_areas);
        self.area_of_need = details.area_of_need;
        self.how_progress_is_measured = details.how_progress_is_measured.trim().to_string();
    }

    /// Sets when work starts, making the goal active with a target date, or a future goal.
    pub(super) fn set_timing(&mut self, timing: GoalTiming, today: Date) -> Result<(), PlanError> {
        self.can_start_now = timing.can_start_now;
        self.target = timing.target;
        self.target_date = match timing.target {
            Some(target) => Some(target.resolve(today)?),
            None => None,
        };
        self.reminder_date = timing.reminder_date;
        self.status = if timing.can_start_now {
            GoalStatus::Active
        } else {
            GoalStatus::Future
        };
        Ok(())
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|step| step.id == id)
    }

    pub(super) fn step_mut(&mut self, id: &str) -> Result<&mut Step, PlanError> {
        self.steps
            .iter_mut()
            .find(|step| step.id == id)
            .ok_or_else(|| PlanError::StepNotFound(id.to_string()))
    }
}

/// The related areas without the main one and without repeats, in the order given.
fn related_areas(main: AreaOfNeed, given: Vec<AreaOfNeed>) -> Vec<AreaOfNeed> {
    let mut areas: Vec<AreaOfNeed> = Vec::new();
    for area in given {
        if area != main && !areas.contains(&area) {
            areas.push(area);
        }
    }
    areas
}

/// Text that must be given and fit in [`TEXT_MAX_CHARS`]; `what` names it in the message.
pub(super) fn check_text(
    text: &str,
    what: &'static str,
    missing: PlanError,
) -> Result<(), PlanError> {
    if text.trim().is_empty() {
        return Err(missing);
    }
    check_length(text, what)
}

/// Optional text that must fit in [`TEXT_MAX_CHARS`].
pub(super) fn check_length(text: &str, what: &'static str) -> Result<(), PlanError> {
    if text.trim().chars().count() > TEXT_MAX_CHARS {
        Err(PlanError::TooLong {
            what,
            max: TEXT_MAX_CHARS,
        })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
