//! Where the assessment stands: each section's task-list status, and how many are completed.

use std::collections::BTreeSet;

use super::answers::Answers;
use super::questionnaire::{CheckContext, Section, SECTIONS};
use super::validation::{validate_section, Strictness};

/// The GOV.UK task list statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
    /// The section depends on answers elsewhere (the full analysis on a screening "yes").
    CannotStartYet,
    /// Marked as completed, but something required is missing or impossible.
    Problem,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Not yet started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Completed => "Completed",
            SectionStatus::CannotStartYet => "Cannot start yet",
            SectionStatus::Problem => "There is a problem",
        }
    }
}

/// A section's status from its answers and whether the officer said it is completed.
pub fn section_status(
    section: &Section,
    answers: &Answers,
    marked_completed: bool,
    context: Option<&CheckContext>,
) -> SectionStatus {
    if !section.is_available(answers) {
        return SectionStatus::CannotStartYet;
    }
    if marked_completed {
        let errors = validate_section(section, answers, context, Strictness::ToComplete);
        return if errors.is_empty() {
            SectionStatus::Completed
        } else {
            SectionStatus::Problem
        };
    }
    if answers.answered_in(section) > 0 {
        SectionStatus::InProgress
    } else {
        SectionStatus::NotStarted
    }
}

/// Every section with its status, in task-list order.
pub fn statuses(
    answers: &Answers,
    completed: &BTreeSet<String>,
    context: Option<&CheckContext>,
) -> Vec<(&'static Section, SectionStatus)> {
    SECTIONS
        .iter()
        .map(|section| {
            let status = section_status(section, answers, completed.contains(section.id), context);
            (section, status)
        })
        .collect()
}

/// "Completed 9 of 17 sections": sections that cannot start yet are not counted.
pub fn completed_count(statuses: &[(&'static Section, SectionStatus)]) -> (usize, usize) {
    let done = statuses
        .iter()
        .filter(|(_, status)| *status == SectionStatus::Completed)
        .count();
    let total = statuses
        .iter()
        .filter(|(_, status)| *status != SectionStatus::CannotStartYet)
        .count();
    (done, total)
}

/// Items whose answers are kept but hidden because a condition no longer holds.
pub fn hidden_answers(section: &Section, answers: &Answers) -> Vec<&'static str> {
    section
        .items
        .iter()
        .filter(|item| !item.applies(answers) && answers.is_answered(item))
        .map(|item| item.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::questionnaire::section;

    fn yes(answers: &mut Answers, code: &str) {
        answers.set(code, Answer::Choice("yes".into()));
    }

    #[test]
    fn a_section_goes_from_not_started_to_in_progress_to_completed_or_a_problem() {
        let accommodation = section("3").unwrap();
        let mut answers = Answers::default();
        let status =
            |answers: &Answers, marked| section_status(accommodation, answers, marked, None);
        assert_eq!(status(&answers, false), SectionStatus::NotStarted);
        yes(&mut answers, "3.3");
        assert_eq!(status(&answers, false), SectionStatus::InProgress);
        assert_eq!(status(&answers, true), SectionStatus::Problem);
        for code in ["3.4", "3.5", "3.6"] {
            answers.set(code, Answer::Choice("0".into()));
        }
        yes(&mut answers, "3.98");
        yes(&mut answers, "3.99");
        assert_eq!(status(&answers, true), SectionStatus::Completed);
        assert_eq!(status(&answers, false), SectionStatus::InProgress);
    }

    #[test]
    fn the_full_analysis_cannot_start_until_the_screening_has_a_yes() {
        let mut answers = Answers::default();
        let full = section("rosh-full").unwrap();
        assert_eq!(
            section_status(full, &answers, false, None),
            SectionStatus::CannotStartYet
        );
        answers.set("R2.1", Answer::Choice("dont_know".into()));
        assert_eq!(
            section_status(full, &answers, false, None),
            SectionStatus::CannotStartYet
        );
        yes(&mut answers, "R5.2");
        assert_eq!(
            section_status(full, &answers, false, None),
            SectionStatus::NotStarted
        );
        let mut ticked = Answers::default();
        ticked.set_cell("R1.2", "arson", "previous", Some("yes".into()));
        assert_eq!(
            section_status(full, &ticked, false, None),
            SectionStatus::NotStarted
        );
    }

    #[test]
    fn the_count_leaves_out_sections_that_cannot_start() {
        let mut answers = Answers::default();
        let mut completed = BTreeSet::new();
        completed.insert("13".to_string());
        answers.set("13.1", Answer::Choice("no".into()));
        let all = statuses(&answers, &completed, None);
        assert_eq!(all.len(), 18);
        assert_eq!(completed_count(&all), (1, 17));
        yes(&mut answers, "R2.2");
        assert_eq!(
            completed_count(&statuses(&answers, &completed, None)),
            (1, 18)
        );
    }

    #[test]
    fn answers_hidden_by_a_change_are_named() {
        let drugs = section("8").unwrap();
        let mut answers = Answers::default();
        yes(&mut answers, "8.1");
        answers.set("8.4", Answer::Choice("2".into()));
        answers.set_cell("8.2", "heroin", "current", Some("yes".into()));
        assert!(hidden_answers(drugs, &answers).is_empty());
        answers.set("8.1", Answer::Choice("no".into()));
        assert_eq!(hidden_answers(drugs, &answers), ["8.2", "8.4"]);
    }
}
