//! Before signing: is the work complete? In review: what changed since the last countersigned version?

use super::versions::Snapshot;
use crate::domain::plan::{PlanStatus, SentencePlan};
use crate::domain::progress::{completed_count, statuses};
use crate::domain::questionnaire::{CheckContext, SECTIONS};

/// What stops the work being signed, one sentence each; empty when it can be signed.
/// Every section that can start must be completed, and the person's agreement to the plan recorded.
pub fn sign_problems(snapshot: &Snapshot, context: Option<&CheckContext>) -> Vec<String> {
    let mut problems = Vec::new();
    let all = statuses(&snapshot.answers, &snapshot.completed_sections, context);
    let (done, total) = completed_count(&all);
    if done < total {
        problems.push(format!(
            "Complete every section of the assessment: {done} of {total} are completed"
        ));
    }
    if snapshot.plan.status != PlanStatus::Agreed {
        problems.push("Record whether the person agrees with the sentence plan".to_string());
    } else if let Some(agreed) = snapshot.plan.agreement_out_of_date() {
        problems.push(format!(
            "The plan changed since it was agreed on {}: record the person's agreement again",
            crate::domain::dates::format_long(agreed)
        ));
    }
    problems
}

/// What differs between two versions' work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionChanges {
    /// Ids of sections with a changed answer or completion mark, in task-list order.
    pub sections: Vec<&'static str>,
    /// Goal ids, in the later version's order (removed ones in the earlier version's order).
    pub goals_added: Vec<String>,
    pub goals_changed: Vec<String>,
    pub goals_removed: Vec<String>,
    /// The agreement, or when it was given or updated, differs.
    pub agreement_changed: bool,
}

impl VersionChanges {
    pub fn is_empty(&self) -> bool {
        *self == VersionChanges::default()
    }

    pub fn section_changed(&self, id: &str) -> bool {
        self.sections.contains(&id)
    }

    /// Added or changed.
    pub fn goal_changed(&self, id: &str) -> bool {
        self.goals_added
            .iter()
            .chain(&self.goals_changed)
            .any(|goal| goal == id)
    }

    /// The changes in sentences, for the review screen: "Changed sections: 3. Accommodation, …".
    pub fn describe(&self, before: &SentencePlan, after: &SentencePlan) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.sections.is_empty() {
            let headings: Vec<String> = SECTIONS
                .iter()
                .filter(|section| self.sections.contains(&section.id))
                .map(|section| section.heading())
                .collect();
            lines.push(format!("Changed sections: {}", headings.join(", ")));
        }
        let goal_text = |plan: &SentencePlan, id: &String| {
            plan.goal(id)
                .map(|goal| format!("\"{}\"", goal.text))
                .unwrap_or_else(|| id.clone())
        };
        let goals = |label: &str, ids: &[String], plan: &SentencePlan| {
            (!ids.is_empty()).then(|| {
                let texts: Vec<String> = ids.iter().map(|id| goal_text(plan, id)).collect();
                format!("{label}: {}", texts.join(", "))
            })
        };
        lines.extend(goals("Goals added", &self.goals_added, after));
        lines.extend(goals("Goals changed", &self.goals_changed, after));
        lines.extend(goals("Goals taken out", &self.goals_removed, before));
        if self.agreement_changed {
            lines.push("The person's agreement to the plan changed".to_string());
        }
        if lines.is_empty() {
            lines.push("Nothing changed".to_string());
        }
        lines
    }
}

/// What changed from `before` to `after`. Answers are compared by top-level item code, so a change
/// inside a repeating group marks its section.
pub fn changes_between(before: &Snapshot, after: &Snapshot) -> VersionChanges {
    let sections = SECTIONS
        .iter()
        .filter(|section| {
            let marked = |snapshot: &Snapshot| snapshot.completed_sections.contains(section.id);
            marked(before) != marked(after)
                || section
                    .items
                    .iter()
                    .any(|item| before.answers.get(item.code) != after.answers.get(item.code))
        })
        .map(|section| section.id)
        .collect();
    let (old, new) = (&before.plan, &after.plan);
    let goals_added = new
        .goals
        .iter()
        .filter(|goal| old.goal(&goal.id).is_none())
        .map(|goal| goal.id.clone())
        .collect();
    let goals_changed = new
        .goals
        .iter()
        .filter(|goal| old.goal(&goal.id).is_some_and(|earlier| earlier != *goal))
        .map(|goal| goal.id.clone())
        .collect();
    let goals_removed = old
        .goals
        .iter()
        .filter(|goal| new.goal(&goal.id).is_none())
        .map(|goal| goal.id.clone())
        .collect();
    let agreement_changed = (
        old.agreement.clone(),
        old.agreed_on,
        old.agreement_updated_on,
    ) != (
        new.agreement.clone(),
        new.agreed_on,
        new.agreement_updated_on,
    );
    VersionChanges {
        sections,
        goals_added,
        goals_changed,
        goals_removed,
        agreement_changed,
    }
}
