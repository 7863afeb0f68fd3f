//! Where the assessment stands: each section's task-list status, and how many are completed.

use std::collections::BTreeSet;

use super::answers::Answers;
use super::case_facts::ALWAYS_FROM_CASE;
use super::questionnaire::{CheckContext, Condition, Section, SECTIONS};
use super::rosh::RoshLevel;
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
    /// Not needed for these answers, and not marked as completed: the risk management plan while
    /// the overall RoSH is Low or not yet assessed.
    Optional,
    /// A review carried the section forward from the signed version and nobody has checked it
    /// since: not completed until it is confirmed unchanged, or changed and completed again.
    CarriedForward,
}

impl SectionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Not yet started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Completed => "Completed",
            SectionStatus::CannotStartYet => "Cannot start yet",
            SectionStatus::Problem => "There is a problem",
            SectionStatus::Optional => "Optional",
            SectionStatus::CarriedForward => "Carried forward — check",
        }
    }
}

/// A section's status from its answers and whether the officer said it is completed. A section that
/// is optional now is "Optional" until the officer completes it.
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
    if !section.is_required(answers) {
        return SectionStatus::Optional;
    }
    // An answer the case record gives (`case_facts`) is not the officer's start on the section.
    let given_by_case = section
        .items
        .iter()
        .filter(|item| ALWAYS_FROM_CASE.contains(&item.code) && answers.is_answered(item))
        .count();
    if answers.answered_in(section) > given_by_case {
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

/// Every section with its status, a review's unchecked sections as "Carried forward — check"
/// (they were taken out of the completed ones when the review started: `AssessmentRecord::carry_forward`).
pub fn statuses_in_review(
    answers: &Answers,
    completed: &BTreeSet<String>,
    carried_forward: &BTreeSet<String>,
    context: Option<&CheckContext>,
) -> Vec<(&'static Section, SectionStatus)> {
    let mut all = statuses(answers, completed, context);
    for (section, status) in &mut all {
        if carried_forward.contains(section.id)
            && !matches!(
                status,
                SectionStatus::Completed | SectionStatus::CannotStartYet
            )
        {
            *status = SectionStatus::CarriedForward;
        }
    }
    all
}

/// "Completed 9 of 17 sections": sections that cannot start yet are not counted, nor optional ones
/// until they are completed.
pub fn completed_count(statuses: &[(&'static Section, SectionStatus)]) -> (usize, usize) {
    let done = statuses
        .iter()
        .filter(|(_, status)| *status == SectionStatus::Completed)
        .count();
    let total = statuses
        .iter()
        .filter(|(_, status)| {
            !matches!(
                status,
                SectionStatus::CannotStartYet | SectionStatus::Optional
            )
        })
        .count();
    (done, total)
}

/// When an optional section is needed, in words: "Needed when the overall RoSH is Medium, High or
/// Very high". `None` for a section that is always needed.
pub fn when_required(section: &Section) -> Option<String> {
    match section.required_when? {
        Condition::RoshAtLeast(lowest) => {
            let levels: Vec<&str> = RoshLevel::ALL
                .into_iter()
                .filter(|level| *level >= lowest)
                .map(RoshLevel::label)
                .collect();
            let levels = match levels.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => return None,
            };
            Some(format!("Needed when the overall RoSH is {levels}"))
        }
        _ => Some("Needed only for some answers".to_string()),
    }
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

/// Whether a section still needs the officer: it can start, is needed now, and is not completed.
fn needs_work(status: SectionStatus) -> bool {
    matches!(
        status,
        SectionStatus::NotStarted
            | SectionStatus::InProgress
            | SectionStatus::Problem
            | SectionStatus::CarriedForward
    )
}

/// The section to go to from `current` ("Save and go to the next section"): the first after it in
/// task-list order that still needs work, else the first before it; `None` when none does.
pub fn next_section(
    statuses: &[(&'static Section, SectionStatus)],
    current: &str,
) -> Option<&'static Section> {
    let at = statuses
        .iter()
        .position(|(section, _)| section.id == current)
        .map_or(0, |at| at + 1);
    statuses[at..]
        .iter()
        .chain(&statuses[..at])
        .find(|(section, status)| section.id != current && needs_work(*status))
        .map(|(section, _)| *section)
}

/// What the officer does next once the sections allow it.
#[derive(Debug, Clone, Copy)]
pub enum NextStep {
    /// A section still needs work.
    Section(&'static Section),
    /// Every needed section is completed; the plan is not yet agreed.
    SentencePlan,
    /// Assessment completed and plan agreed: sign it.
    Signing,
}

impl PartialEq for NextStep {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (NextStep::Section(one), NextStep::Section(other)) => one.id == other.id,
            (NextStep::SentencePlan, NextStep::SentencePlan)
            | (NextStep::Signing, NextStep::Signing) => true,
            _ => false,
        }
    }
}

/// The next step from the task list or from a section's check answers.
pub fn next_step(
    statuses: &[(&'static Section, SectionStatus)],
    current: Option<&str>,
    plan_agreed: bool,
) -> NextStep {
    if let Some(section) = next_section(statuses, current.unwrap_or("")) {
        return NextStep::Section(section);
    }
    // Only the current section is left: it is the next step itself.
    let current_left = statuses
        .iter()
        .find(|(section, status)| Some(section.id) == current && needs_work(*status));
    match current_left {
        Some((section, _)) => NextStep::Section(section),
        None if plan_agreed => NextStep::Signing,
        None => NextStep::SentencePlan,
    }
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
        assert_eq!(
            completed_count(&all),
            (1, 16),
            "no full analysis yet, and no risk management plan needed while RoSH is not assessed"
        );
        yes(&mut answers, "R2.2");
        assert_eq!(
            completed_count(&statuses(&answers, &completed, None)),
            (1, 17)
        );
        answers.set_cell("R10.6", "public", "community", Some("medium".into()));
        assert_eq!(
            completed_count(&statuses(&answers, &completed, None)),
            (1, 18)
        );
    }

    fn rate(answers: &mut Answers, level: &str) {
        answers.set_cell("R10.6", "public", "community", Some(level.into()));
    }

    #[test]
    fn the_risk_management_plan_is_needed_from_medium_rosh_only() {
        let plan = section("rmp").unwrap();
        let mut answers = Answers::default();
        let status = |answers: &Answers, marked| section_status(plan, answers, marked, None);
        assert_eq!(
            status(&answers, false),
            SectionStatus::Optional,
            "not yet assessed"
        );
        assert_eq!(
            status(&answers, true),
            SectionStatus::Completed,
            "completed with nothing in it"
        );
        rate(&mut answers, "low");
        assert_eq!(status(&answers, false), SectionStatus::Optional);
        answers.set("RM.1", Answer::Text("Living with his sister.".into()));
        assert_eq!(status(&answers, false), SectionStatus::Optional);
        assert_eq!(status(&answers, true), SectionStatus::Completed);
        answers.set("RM.1", Answer::Text("x".repeat(4001)));
        assert_eq!(
            status(&answers, true),
            SectionStatus::Problem,
            "an impossible answer is still a problem"
        );
        answers.set("RM.1", Answer::Text("Living with his sister.".into()));
        for level in ["medium", "high", "very_high"] {
            rate(&mut answers, level);
            assert_eq!(
                status(&answers, false),
                SectionStatus::InProgress,
                "{level}"
            );
            assert_eq!(status(&answers, true), SectionStatus::Problem, "{level}");
        }
        for (code, text) in [
            ("RM.3", "Weekly."),
            ("RM.4", "Licence conditions."),
            ("RM.5", "Programme."),
            ("RM.6", "No contact."),
            ("RM.7", "Recall."),
        ] {
            answers.set(code, Answer::Text(text.into()));
        }
        assert_eq!(
            status(&answers, true),
            SectionStatus::Problem,
            "MAPPA is missing"
        );
        answers.set("RM.9", Answer::Choice("2".into()));
        assert_eq!(
            status(&answers, true),
            SectionStatus::Problem,
            "and its level"
        );
        answers.set("RM.10", Answer::Choice("1".into()));
        assert_eq!(status(&answers, true), SectionStatus::Completed);
        answers.set("RM.9", Answer::Choice("none".into()));
        assert_eq!(
            status(&answers, true),
            SectionStatus::Completed,
            "no level without a category"
        );
    }

    #[test]
    fn an_optional_section_says_when_it_is_needed() {
        assert_eq!(
            when_required(section("rmp").unwrap()).as_deref(),
            Some("Needed when the overall RoSH is Medium, High or Very high")
        );
        assert_eq!(when_required(section("3").unwrap()), None);
    }

    #[test]
    fn an_optional_section_counts_once_it_is_completed() {
        let mut completed = BTreeSet::new();
        let answers = Answers::default();
        let (_, total) = completed_count(&statuses(&answers, &completed, None));
        completed.insert("rmp".to_string());
        assert_eq!(
            completed_count(&statuses(&answers, &completed, None)),
            (1, total + 1)
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

    #[test]
    fn the_next_section_is_the_next_one_not_yet_completed_wrapping_round() {
        let mut answers = Answers::default();
        let mut completed = BTreeSet::new();
        for id in ["1", "2", "3"] {
            completed.insert(id.to_string());
        }
        let all = statuses(&answers, &completed, None);
        // 1, 2 and 3 are marked completed but 1 and 3 have problems (nothing answered): from 2, 3 is next.
        assert_eq!(next_section(&all, "2").map(|s| s.id), Some("3"));
        // Sections that cannot start yet (the full analysis) or are optional (the risk management
        // plan at Low) are passed over.
        let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
        let before_full = ids[ids.iter().position(|id| *id == "rosh-full").unwrap() - 1];
        let after = next_section(&all, before_full).unwrap();
        assert_ne!(after.id, "rosh-full");
        // From the last section, it wraps round to the first that needs work.
        let last = *ids.last().unwrap();
        assert_eq!(next_section(&all, last).map(|s| s.id), Some("1"));
        // Nothing needs work: no next section; the plan, then signing, come next.
        yes(&mut answers, "3.3");
        let everything: BTreeSet<String> = ids.iter().map(|id| id.to_string()).collect();
        let done: Vec<_> = statuses(&answers, &everything, None)
            .into_iter()
            .map(|(section, _)| (section, SectionStatus::Completed))
            .collect();
        assert_eq!(next_section(&done, "3"), None);
        assert_eq!(next_step(&done, Some("3"), false), NextStep::SentencePlan);
        assert_eq!(next_step(&done, None, true), NextStep::Signing);
        // Only the current one left: it is the next step itself.
        let mut one_left = done.clone();
        one_left[2].1 = SectionStatus::InProgress;
        assert_eq!(
            next_step(&one_left, Some("3"), false),
            NextStep::Section(one_left[2].0)
        );
        assert_eq!(
            next_step(&one_left, Some("5"), false),
            NextStep::Section(one_left[2].0)
        );
    }
}
