//! What a signed version locks: while the latest version is signed, with a senior, or countersigned,
//! nothing that a version holds may change in the draft — the answers and the sections marked
//! completed, the sentence plan (goals, steps, agreement) and the review settings. Recording a
//! significant change, dismissing a suggestion and the officer's own place in the assessment stay
//! open: they are not part of any version. Every write of the open case passes these rules
//! (`ui::autosave` guards), so no screen can forget them.

use crate::domain::records::{AssessmentRecord, PlanRecord};

/// Why a change was refused while the version is locked.
pub const LOCKED_MESSAGE: &str =
    "This version is signed, so it cannot be changed. Start a new draft on the signing page to make changes.";

/// Whether `after` changes what a locked version holds of the assessment draft.
pub fn assessment_change_refused(
    before: &AssessmentRecord,
    after: &AssessmentRecord,
) -> Option<&'static str> {
    (before.answers != after.answers || before.completed_sections != after.completed_sections)
        .then_some(LOCKED_MESSAGE)
}

/// Whether `after` changes what a locked version holds of the plan record.
pub fn plan_change_refused(before: &PlanRecord, after: &PlanRecord) -> Option<&'static str> {
    (before.plan != after.plan || before.review_settings != after.review_settings)
        .then_some(LOCKED_MESSAGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::reviews::SignificantChange;

    #[test]
    fn answers_and_completed_sections_are_locked_and_the_place_in_the_assessment_is_not() {
        let before = AssessmentRecord::new("case-1");
        let mut answered = before.clone();
        answered.answers.set("3.3", Answer::Choice("yes".into()));
        assert_eq!(
            assessment_change_refused(&before, &answered),
            Some(LOCKED_MESSAGE)
        );
        let mut completed = before.clone();
        completed.completed_sections.insert("3".into());
        assert!(assessment_change_refused(&before, &completed).is_some());
        let mut visited = before.clone();
        visited.last_section = Some("4".into());
        assert_eq!(assessment_change_refused(&before, &visited), None);
    }

    #[test]
    fn the_plan_and_review_settings_are_locked_and_significant_changes_are_not() {
        let before = PlanRecord::new("case-1");
        let mut interval = before.clone();
        interval.review_settings.interval_months = 3;
        assert_eq!(
            plan_change_refused(&before, &interval),
            Some(LOCKED_MESSAGE)
        );
        let mut agreed = before.clone();
        agreed.plan.agreed_on = Some(jiff::civil::date(2026, 11, 30));
        assert!(plan_change_refused(&before, &agreed).is_some());
        let mut change = before.clone();
        change.significant_changes.push(SignificantChange {
            date: jiff::civil::date(2026, 11, 20),
            kind: None,
            reason: "Moved to a new address".into(),
            recorded_on: None,
        });
        assert_eq!(plan_change_refused(&before, &change), None);
        let mut dismissed = before.clone();
        dismissed
            .dismissed_suggestions
            .push("Find settled accommodation".into());
        assert_eq!(plan_change_refused(&before, &dismissed), None);
    }
}
