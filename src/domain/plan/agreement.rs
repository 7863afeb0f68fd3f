//! The person's agreement to their plan (domain.md §4), and what must be in place before it is asked for.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::goal::check_text;
use super::{GoalStatus, PlanError, PlanStatus, SentencePlan};

/// What the person said when the plan was put to them.
///
/// In JSON: `{"answer": "agrees"}`, `{"answer": "does_not_agree", "details": "..."}` or
/// `{"answer": "could_not_answer", "details": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Agreement {
    Agrees,
    /// With the person's reasons, which are required.
    DoesNotAgree {
        details: String,
    },
    /// For example too unwell or not present; the reason is required. Can be updated later.
    CouldNotAnswer {
        details: String,
    },
}

impl Agreement {
    pub fn label(&self) -> &'static str {
        match self {
            Agreement::Agrees => "Agrees with the plan",
            Agreement::DoesNotAgree { .. } => "Does not agree with the plan",
            Agreement::CouldNotAnswer { .. } => "Could not answer",
        }
    }

    pub fn details(&self) -> Option<&str> {
        match self {
            Agreement::Agrees => None,
            Agreement::DoesNotAgree { details } | Agreement::CouldNotAnswer { details } => {
                Some(details)
            }
        }
    }

    /// The answer with its details trimmed, or why the details are refused.
    fn checked(self) -> Result<Agreement, PlanError> {
        Ok(match self {
            Agreement::Agrees => Agreement::Agrees,
            Agreement::DoesNotAgree { details } => {
                check_text(&details, "Details", PlanError::DisagreementDetailsMissing)?;
                Agreement::DoesNotAgree {
                    details: details.trim().to_string(),
                }
            }
            Agreement::CouldNotAnswer { details } => {
                check_text(&details, "Details", PlanError::CouldNotAnswerDetailsMissing)?;
                Agreement::CouldNotAnswer {
                    details: details.trim().to_string(),
                }
            }
        })
    }
}

/// Something to put right before the plan can be agreed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadinessProblem {
    #[error("Add at least one goal they can work on now or in the future")]
    NoCurrentGoal,
    /// An active goal with no steps; the goal's words name it for the officer.
    #[error("Add at least one step to the goal \"{goal_text}\"")]
    GoalWithoutSteps { goal_id: String, goal_text: String },
}

impl SentencePlan {
    /// Everything that stops the plan being agreed, all at once: at least one active or future goal, and
    /// a step for every active goal. Empty when the plan is ready.
    pub fn readiness_problems(&self) -> Vec<ReadinessProblem> {
        let mut problems = Vec::new();
        if self.current_goals().next().is_none() {
            problems.push(ReadinessProblem::NoCurrentGoal);
        }
        problems.extend(
            self.goals_with_status(GoalStatus::Active)
                .filter(|goal| goal.steps.is_empty())
                .map(|goal| ReadinessProblem::GoalWithoutSteps {
                    goal_id: goal.id.clone(),
                    goal_text: goal.text.clone(),
                }),
        );
        problems
    }

    /// Records the person's answer to a draft plan, which makes it agreed (whatever the answer).
    pub fn agree(&mut self, agreement: Agreement, today: Date) -> Result<(), PlanError> {
        if self.status != PlanStatus::Draft {
            return Err(PlanError::PlanNotDraft);
        }
        self.record_agreement(agreement, today)
    }

    /// Records the person's answer again to a plan changed since it was agreed: it is agreed as it
    /// stands now, on `today`.
    pub fn agree_again(&mut self, agreement: Agreement, today: Date) -> Result<(), PlanError> {
        if self.agreement_out_of_date().is_none() {
            return Err(PlanError::AgreementNotOpen);
        }
        self.record_agreement(agreement, today)
    }

    /// The answer, once the plan is ready for it: agreed as it stands on `today`.
    fn record_agreement(&mut self, agreement: Agreement, today: Date) -> Result<(), PlanError> {
        let agreement = agreement.checked()?;
        let problems = self.readiness_problems();
        if !problems.is_empty() {
            return Err(PlanError::NotReadyToAgree(problems));
        }
        self.agreement = Some(agreement);
        self.agreed_on = Some(today);
        self.agreement_updated_on = None;
        self.status = PlanStatus::Agreed;
        self.agreed_digest = Some(self.commitments_digest());
        Ok(())
    }

    /// Replaces "could not answer" with the person's answer once they can give it.
    pub fn update_agreement(&mut self, agreement: Agreement, today: Date) -> Result<(), PlanError> {
        if !matches!(self.agreement, Some(Agreement::CouldNotAnswer { .. })) {
            return Err(PlanError::AgreementNotOpen);
        }
        if matches!(agreement, Agreement::CouldNotAnswer { .. }) {
            return Err(PlanError::AgreementStillUnanswered);
        }
        self.agreement = Some(agreement.checked()?);
        self.agreement_updated_on = Some(today);
        self.agreed_digest = Some(self.commitments_digest());
        Ok(())
    }
}

#[cfg(test)]
mod tests;
