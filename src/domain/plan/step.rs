//! A step towards a goal (domain.md §4): what is done, who does it, and how far it has got.

use serde::{Deserialize, Serialize};

use super::goal::check_text;
use super::PlanError;

/// Who does a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    PersonOnProbation,
    ProbationPractitioner,
    ProgrammeStaff,
    PartnershipAgency,
    /// A commissioned rehabilitative services provider.
    CommissionedProvider,
    SomeoneElse {
        name: String,
    },
}

impl Actor {
    /// The people offered by name; "someone else" also needs a name typed in.
    pub const NAMED: [Actor; 5] = [
        Actor::PersonOnProbation,
        Actor::ProbationPractitioner,
        Actor::ProgrammeStaff,
        Actor::PartnershipAgency,
        Actor::CommissionedProvider,
    ];

    /// "Probation practitioner", or the name typed in for someone else.
    pub fn label(&self) -> &str {
        match self {
            Actor::PersonOnProbation => "The person on probation",
            Actor::ProbationPractitioner => "Probation practitioner",
            Actor::ProgrammeStaff => "Programme staff",
            Actor::PartnershipAgency => "Partnership agency",
            Actor::CommissionedProvider => "Commissioned rehabilitative services provider",
            Actor::SomeoneElse { name } => name,
        }
    }
}

/// How far a step has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    CannotBeDoneYet,
    NoLongerNeeded,
    Completed,
}

impl StepStatus {
    pub const ALL: [StepStatus; 5] = [
        StepStatus::NotStarted,
        StepStatus::InProgress,
        StepStatus::CannotBeDoneYet,
        StepStatus::NoLongerNeeded,
        StepStatus::Completed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::CannotBeDoneYet => "Cannot be done yet",
            StepStatus::NoLongerNeeded => "No longer needed",
            StepStatus::Completed => "Completed",
        }
    }
}

/// One thing someone does towards a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Step {
    pub id: String,
    pub description: String,
    pub actor: Actor,
    pub status: StepStatus,
}

/// What the officer fills in to add a step or change one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDetails {
    pub description: String,
    pub actor: Actor,
}

impl StepDetails {
    /// Every problem at once, in form order.
    pub fn problems(&self) -> Vec<PlanError> {
        let mut problems = Vec::new();
        problems
            .extend(check_text(&self.description, "Step", PlanError::StepDescriptionMissing).err());
        if let Actor::SomeoneElse { name } = &self.actor {
            problems.extend(check_text(name, "Name", PlanError::ActorNameMissing).err());
        }
        problems
    }

    /// The details, trimmed, or the first problem.
    pub(super) fn checked(self) -> Result<StepDetails, PlanError> {
        if let Some(problem) = self.problems().into_iter().next() {
            return Err(problem);
        }
        let actor = match self.actor {
            Actor::SomeoneElse { name } => Actor::SomeoneElse {
                name: name.trim().to_string(),
            },
            actor => actor,
        };
        Ok(StepDetails {
            description: self.description.trim().to_string(),
            actor,
        })
    }
}

#[cfg(test)]
mod tests;
