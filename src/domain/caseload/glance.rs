//! The case page's key facts: overall RoSH (marked as the draft's until a version is signed), the
//! identified needs, where the assessment stands, and the next step in words, with the words of
//! the button into the assessment.

use std::collections::BTreeSet;

use super::{AssessmentStatus, DraftProgress};
use crate::domain::answers::Answers;
use crate::domain::plan::SentencePlan;
use crate::domain::progress::{next_step, statuses, NextStep};
use crate::domain::questionnaire::CheckContext;
use crate::domain::rosh::rosh_rating;
use crate::domain::scoring::identified_needs;
use crate::domain::signing::CaseSigning;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFacts {
    /// "High", "High (draft: not yet signed)" or "RoSH not yet assessed".
    pub rosh: String,
    /// "Accommodation (2 out of 8); Drug misuse (8 out of 10, severe)", or none so far.
    pub needs: String,
    pub status: AssessmentStatus,
    /// What to do next, in words.
    pub next_step: String,
    /// "Start assessment", "Continue assessment" (only while something is left to do) or
    /// "View assessment".
    pub assessment_button: &'static str,
}

/// The overall RoSH in words, marked as the draft's while no newer version is signed:
/// "High (draft: not yet signed)", "High" or "RoSH not yet assessed".
pub fn rosh_line(answers: &Answers, signing: &CaseSigning) -> String {
    let rating = rosh_rating(answers);
    match rating.overall {
        Some(_) if AssessmentStatus::latest_is_draft(signing) => {
            format!("{} (draft: not yet signed)", rating.describe())
        }
        _ => rating.describe(),
    }
}

impl KeyFacts {
    pub fn of(
        answers: &Answers,
        completed_sections: &BTreeSet<String>,
        context: &CheckContext,
        plan: &SentencePlan,
        signing: &CaseSigning,
    ) -> KeyFacts {
        let all = statuses(answers, completed_sections, Some(context));
        let status = AssessmentStatus::of(
            signing,
            DraftProgress::from_statuses(&all, answers, completed_sections, plan),
        );
        let rosh = rosh_line(answers, signing);
        let needs: Vec<String> = identified_needs(answers)
            .into_iter()
            .map(|(section, score)| score.need_line(section))
            .collect();
        let needs = if needs.is_empty() {
            "None identified so far".to_string()
        } else {
            needs.join("; ")
        };
        let step = next_step(&all, None, plan.is_agreed());
        let next_step = match status {
            AssessmentStatus::NotStarted => "Start the assessment".to_string(),
            AssessmentStatus::InProgress { .. } | AssessmentStatus::ReadyToSign => match step {
                NextStep::Section(section) => format!("Continue the assessment: {}", section.heading()),
                NextStep::SentencePlan => "Agree the sentence plan with the person".to_string(),
                NextStep::Signing => "Sign the assessment".to_string(),
            },
            AssessmentStatus::Returned => {
                "Rework the returned version (see the senior's comments), then sign it again".to_string()
            }
            AssessmentStatus::AwaitingCountersign => {
                "Waiting for the countersignature: send the package to your countersigner if you have not".to_string()
            }
            AssessmentStatus::SelfSigned | AssessmentStatus::Countersigned => {
                "Start a new draft at the next review or on a significant change".to_string()
            }
        };
        let assessment_button = match status {
            AssessmentStatus::NotStarted => "Start assessment",
            AssessmentStatus::InProgress { .. } if matches!(step, NextStep::Section(_)) => {
                "Continue assessment"
            }
            _ => "View assessment",
        };
        KeyFacts {
            rosh,
            needs,
            status,
            next_step,
            assessment_button,
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::questionnaire::SECTIONS;
    use crate::domain::rosh::ROSH_GRID_ITEM;

    fn context() -> CheckContext {
        CheckContext {
            date_of_birth: date(1991, 7, 17),
            today: date(2026, 12, 2),
        }
    }

    #[test]
    fn a_case_page_says_where_the_work_stands_and_what_is_next() {
        let signing = CaseSigning::default();
        let plan = SentencePlan::default();
        let none = KeyFacts::of(
            &Answers::default(),
            &BTreeSet::new(),
            &context(),
            &plan,
            &signing,
        );
        assert_eq!(none.rosh, "RoSH not yet assessed");
        assert_eq!(none.needs, "None identified so far");
        assert_eq!(none.status, AssessmentStatus::NotStarted);
        assert_eq!(none.next_step, "Start the assessment");
        assert_eq!(none.assessment_button, "Start assessment");

        let mut answers = Answers::default();
        answers.set("3.3", Answer::Choice("yes".into()));
        answers.set_cell(ROSH_GRID_ITEM, "public", "community", Some("high".into()));
        let started = KeyFacts::of(&answers, &BTreeSet::new(), &context(), &plan, &signing);
        assert!(
            started.rosh.starts_with("High") && started.rosh.ends_with("(draft: not yet signed)"),
            "{}",
            started.rosh
        );
        assert_eq!(started.needs, "Accommodation (2 out of 8)");
        assert_eq!(
            started.next_step,
            "Continue the assessment: 1. Offending information"
        );
        assert_eq!(started.assessment_button, "Continue assessment");

        // Marked completed with answers missing is "There is a problem": still something to continue.
        let every: BTreeSet<String> = SECTIONS.iter().map(|s| s.id.to_string()).collect();
        let marked = KeyFacts::of(&answers, &every, &context(), &plan, &signing);
        assert_eq!(marked.assessment_button, "Continue assessment");

        // A whole assessment (a practice reference): nothing to continue; next, the plan.
        let sample = &crate::domain::practice::sample_cases()[0];
        let reference = (sample.reference)();
        let whole = KeyFacts::of(
            &reference.answers,
            &every,
            &sample.check_context(date(2026, 12, 2)),
            &plan,
            &signing,
        );
        assert_eq!(whole.next_step, "Agree the sentence plan with the person");
        assert_eq!(whole.assessment_button, "View assessment");
    }
}
