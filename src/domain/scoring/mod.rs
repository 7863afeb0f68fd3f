//! Section scores and the criminogenic need flag (domain.md §2): each scored section adds up the
//! items of its `NeedScore` (the items table) and compares the total with its thresholds.

use super::answers::Answers;
use super::questionnaire::{Section, SECTIONS};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedLevel {
    /// Below the threshold (so far, if items are unanswered).
    NoNeed,
    Need,
    Severe,
}

impl NeedLevel {
    pub fn label(self) -> &'static str {
        match self {
            NeedLevel::NoNeed => "Not an identified need",
            NeedLevel::Need => "Identified need",
            NeedLevel::Severe => "Identified need (severe)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionScore {
    pub score: u32,
    pub max: u32,
    /// Need-score items with an answer, and how many need-score items there are.
    /// Only items that apply count: answers hidden by a condition are kept but not scored.
    pub scored_answered: usize,
    pub scored_items: usize,
    /// `None` for sections not scored for need (1, 2, 5, 10, 13 and those around them).
    pub need: Option<NeedLevel>,
}

impl SectionScore {
    /// "Score 4 out of 8 · Identified need": the task list's hint and the report's line.
    pub fn line(&self) -> String {
        let need = self
            .need
            .map(|need| format!(" · {}", need.label()))
            .unwrap_or_default();
        format!("Score {} out of {}{need}", self.score, self.max)
    }

    /// "Accommodation (2 out of 8)" or "Drug misuse (8 out of 10, severe)": an identified need.
    pub fn need_line(&self, section: &Section) -> String {
        let severe = if self.need == Some(NeedLevel::Severe) {
            ", severe"
        } else {
            ""
        };
        format!(
            "{} ({} out of {}{severe})",
            section.need_name, self.score, self.max
        )
    }

    pub fn is_complete(&self) -> bool {
        self.scored_answered == self.scored_items
    }
}

/// Adds up the need-score items answered so far (an unanswered item counts 0, as MoJ counts it, so
/// a need shown while answering can only grow as the officer goes on; validation keeps the section
/// from being completed). Other items of the section never add to it. The maximum is the section's,
/// whatever applies.
pub fn score_section(section: &Section, answers: &Answers) -> SectionScore {
    let max = section
        .need_items()
        .filter_map(|item| item.max_score())
        .sum();
    let scored_items: Vec<_> = section
        .need_items()
        .filter(|item| item.applies(answers))
        .collect();
    let mut score = 0;
    let mut scored_answered = 0;
    for item in &scored_items {
        if let Some(choice) = answers
            .choice(item.code)
            .and_then(|value| item.choice(value))
        {
            score += choice.score.unwrap_or(0);
            scored_answered += 1;
        }
    }
    let need = section.need_score.map(|threshold| {
        if score >= threshold.severe_from {
            NeedLevel::Severe
        } else if score >= threshold.need_from {
            NeedLevel::Need
        } else {
            NeedLevel::NoNeed
        }
    });
    SectionScore {
        score,
        max,
        scored_answered,
        scored_items: scored_items.len(),
        need,
    }
}

impl SectionScore {
    /// Whether the section is an identified criminogenic need (severe or not).
    pub fn is_need(&self) -> bool {
        matches!(self.need, Some(NeedLevel::Need | NeedLevel::Severe))
    }
}

/// Every section whose score so far reaches its need threshold, in assessment order.
pub fn identified_needs(answers: &Answers) -> Vec<(&'static Section, SectionScore)> {
    SECTIONS
        .iter()
        .map(|section| (section, score_section(section, answers)))
        .filter(|(_, score)| score.is_need())
        .collect()
}

#[cfg(test)]
mod tests;
