//! Section scores and the criminogenic need flag (domain.md §2, thresholds table).

use super::answers::Answers;
use super::questionnaire::Section;

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
    /// Scored items with an answer, and how many scored items there are.
    pub scored_answered: usize,
    pub scored_items: usize,
    /// `None` for sections not scored for need (5, 10 and 13).
    pub need: Option<NeedLevel>,
}

impl SectionScore {
    pub fn is_complete(&self) -> bool {
        self.scored_answered == self.scored_items
    }
}

/// Adds up the scored items answered so far. Unanswered items add nothing, so a need shown while
/// answering can only grow as the officer goes on.
pub fn score_section(section: &Section, answers: &Answers) -> SectionScore {
    let scored_items: Vec<_> = section
        .items
        .iter()
        .filter(|item| item.max_score().is_some())
        .collect();
    let max = scored_items
        .iter()
        .filter_map(|item| item.max_score())
        .sum();
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
    let need = section.need_threshold.map(|threshold| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::questionnaire::ACCOMMODATION;

    fn accommodation(
        nfa: &str,
        suitability: &str,
        permanence: &str,
        location: &str,
    ) -> SectionScore {
        let mut answers = Answers::default();
        for (code, value) in [
            ("3.3", nfa),
            ("3.4", suitability),
            ("3.5", permanence),
            ("3.6", location),
        ] {
            if !value.is_empty() {
                answers.set(code, Answer::Choice(value.into()));
            }
        }
        score_section(&ACCOMMODATION, &answers)
    }

    #[test]
    fn accommodation_scores_out_of_eight() {
        let score = accommodation("yes", "2", "2", "2");
        assert_eq!((score.score, score.max), (8, 8));
        assert!(score.is_complete());
        assert_eq!(score.need, Some(NeedLevel::Severe));
    }

    #[test]
    fn accommodation_need_starts_at_two() {
        assert_eq!(
            accommodation("no", "0", "1", "0").need,
            Some(NeedLevel::NoNeed)
        );
        assert_eq!(
            accommodation("no", "1", "1", "0").need,
            Some(NeedLevel::Need)
        );
        assert_eq!(
            accommodation("no", "1", "1", "1").need,
            Some(NeedLevel::Need)
        );
    }

    #[test]
    fn accommodation_is_severe_from_seven() {
        assert_eq!(
            accommodation("yes", "2", "2", "0").need,
            Some(NeedLevel::Need)
        );
        assert_eq!(
            accommodation("yes", "2", "2", "1").need,
            Some(NeedLevel::Severe)
        );
        assert_eq!(accommodation("yes", "2", "2", "1").score, 7);
    }

    #[test]
    fn unanswered_items_add_nothing_and_are_counted() {
        let score = accommodation("yes", "", "", "");
        assert_eq!((score.score, score.max), (2, 8));
        assert_eq!((score.scored_answered, score.scored_items), (1, 4));
        assert!(!score.is_complete());
        assert_eq!(score.need, Some(NeedLevel::Need));
        assert_eq!(accommodation("", "", "", "").need, Some(NeedLevel::NoNeed));
    }

    #[test]
    fn judgement_items_never_add_to_the_score() {
        let mut answers = Answers::default();
        answers.set("3.98", Answer::Choice("yes".into()));
        answers.set("3.99", Answer::Choice("yes".into()));
        assert_eq!(score_section(&ACCOMMODATION, &answers).score, 0);
    }
}
