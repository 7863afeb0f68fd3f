//! The officer's answers to an assessment, keyed by item code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questionnaire::{Item, ItemKind, Section};

/// One answer, exactly as given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The `value` of the chosen choice.
    Choice(String),
    Text(String),
}

/// Every answer given so far, under the item's OASys code ("3.4").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, code: &str) -> Option<&Answer> {
        self.0.get(code)
    }

    /// Records an answer; an empty text removes it, so "unanswered" has one meaning.
    pub fn set(&mut self, code: &str, answer: Answer) {
        match &answer {
            Answer::Text(text) if text.is_empty() => {
                self.0.remove(code);
            }
            _ => {
                self.0.insert(code.to_string(), answer);
            }
        }
    }

    pub fn choice(&self, code: &str) -> Option<&str> {
        match self.0.get(code) {
            Some(Answer::Choice(value)) => Some(value),
            _ => None,
        }
    }

    pub fn text(&self, code: &str) -> &str {
        match self.0.get(code) {
            Some(Answer::Text(text)) => text,
            _ => "",
        }
    }

    /// Whether an item has an answer the definition recognises.
    pub fn is_answered(&self, item: &Item) -> bool {
        match item.kind {
            ItemKind::Choice(_) => self
                .choice(item.code)
                .is_some_and(|value| item.choice(value).is_some()),
            ItemKind::FreeText { .. } => !self.text(item.code).trim().is_empty(),
        }
    }

    /// How many of a section's items are answered.
    pub fn answered_in(&self, section: &Section) -> usize {
        section
            .items
            .iter()
            .filter(|item| self.is_answered(item))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::ACCOMMODATION;

    #[test]
    fn an_emptied_text_is_no_answer() {
        let mut answers = Answers::default();
        answers.set("3.97", Answer::Text("Sofa surfing".into()));
        assert_eq!(answers.text("3.97"), "Sofa surfing");
        answers.set("3.97", Answer::Text(String::new()));
        assert_eq!(answers.get("3.97"), None);
    }

    #[test]
    fn an_unknown_choice_does_not_count_as_answered() {
        let mut answers = Answers::default();
        answers.set("3.4", Answer::Choice("7".into()));
        answers.set("3.5", Answer::Choice("1".into()));
        assert_eq!(answers.answered_in(&ACCOMMODATION), 1);
    }

    #[test]
    fn answers_serialise_as_a_plain_map() {
        let mut answers = Answers::default();
        answers.set("3.4", Answer::Choice("2".into()));
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(json, r#"{"3.4":{"choice":"2"}}"#);
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    }
}
