//! The officer's answers to an assessment, keyed by item code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::dates::DateParts;
use super::questionnaire::{GridCell, Item, ItemKind, Section};

/// One answer, exactly as given: typed text is kept as typed, so nothing is lost to validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The `value` of the chosen choice.
    Choice(String),
    /// Free or short text, a whole number as typed, or an offence code.
    Text(String),
    /// The values ticked in a "select all that apply" question.
    Choices(Vec<String>),
    /// A date as typed into the day, month and year boxes.
    Date(DateParts),
    /// Grid cells by "row/column": "yes" for a tick, a choice value otherwise.
    Grid(BTreeMap<String, String>),
    /// The entries of a repeating group, in the order added.
    Group(Vec<Entry>),
}

/// One entry of a repeating group. `id` is stable while entries are added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub answers: Answers,
}

/// Every answer given so far, under the item's OASys code ("3.4").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

/// "row/column", the key of a grid cell.
pub fn cell_key(row: &str, column: &str) -> String {
    format!("{row}/{column}")
}

impl Answer {
    /// An answer that says nothing: it is removed, so "unanswered" has one meaning.
    fn is_empty(&self) -> bool {
        match self {
            Answer::Choice(_) => false,
            Answer::Text(text) => text.is_empty(),
            Answer::Choices(values) => values.is_empty(),
            Answer::Date(parts) => parts.is_blank(),
            Answer::Grid(cells) => cells.is_empty(),
            Answer::Group(entries) => entries.is_empty(),
        }
    }
}

impl Answers {
    pub fn get(&self, code: &str) -> Option<&Answer> {
        self.0.get(code)
    }

    /// Records an answer; an empty one removes it.
    pub fn set(&mut self, code: &str, answer: Answer) {
        if answer.is_empty() {
            self.0.remove(code);
        } else {
            self.0.insert(code.to_string(), answer);
        }
    }

    pub fn remove(&mut self, code: &str) {
        self.0.remove(code);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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

    pub fn choices(&self, code: &str) -> &[String] {
        match self.0.get(code) {
            Some(Answer::Choices(values)) => values,
            _ => &[],
        }
    }

    /// Ticks or unticks one value of a "select all that apply" question, keeping the definition's order.
    /// An exclusive answer ("No income") ticked clears every other; another ticked clears it.
    pub fn toggle_choice(&mut self, item: &Item, value: &str, ticked: bool) {
        let current = self.choices(item.code);
        let choices = item.choices();
        let ticked_exclusive = ticked
            && choices
                .iter()
                .any(|choice| choice.value == value && choice.exclusive);
        let values = choices
            .iter()
            .filter(|candidate| {
                if candidate.value == value {
                    ticked
                } else if ticked && (ticked_exclusive || candidate.exclusive) {
                    false
                } else {
                    current.iter().any(|v| v == candidate.value)
                }
            })
            .map(|choice| choice.value)
            .map(str::to_string)
            .collect();
        self.set(item.code, Answer::Choices(values));
    }

    pub fn date(&self, code: &str) -> Option<&DateParts> {
        match self.0.get(code) {
            Some(Answer::Date(parts)) => Some(parts),
            _ => None,
        }
    }

    pub fn grid(&self, code: &str) -> Option<&BTreeMap<String, String>> {
        match self.0.get(code) {
            Some(Answer::Grid(cells)) => Some(cells),
            _ => None,
        }
    }

    pub fn cell(&self, code: &str, row: &str, column: &str) -> Option<&str> {
        self.grid(code)
            .and_then(|cells| cells.get(&cell_key(row, column)))
            .map(String::as_str)
    }

    /// Sets one grid cell; `None` (or an empty value) clears it.
    pub fn set_cell(&mut self, code: &str, row: &str, column: &str, value: Option<String>) {
        let mut cells = self.grid(code).cloned().unwrap_or_default();
        match value.filter(|value| !value.is_empty()) {
            Some(value) => cells.insert(cell_key(row, column), value),
            None => cells.remove(&cell_key(row, column)),
        };
        self.set(code, Answer::Grid(cells));
    }

    pub fn entries(&self, code: &str) -> &[Entry] {
        match self.0.get(code) {
            Some(Answer::Group(entries)) => entries,
            _ => &[],
        }
    }

    /// The answers of one entry of a repeating group.
    pub fn entry(&self, code: &str, id: &str) -> Option<&Answers> {
        self.entries(code)
            .iter()
            .find(|entry| entry.id == id)
            .map(|entry| &entry.answers)
    }

    pub fn entry_mut(&mut self, code: &str, id: &str) -> Option<&mut Answers> {
        match self.0.get_mut(code) {
            Some(Answer::Group(entries)) => entries
                .iter_mut()
                .find(|entry| entry.id == id)
                .map(|entry| &mut entry.answers),
            _ => None,
        }
    }

    pub fn add_entry(&mut self, code: &str, id: &str) {
        let mut entries = self.entries(code).to_vec();
        entries.push(Entry {
            id: id.to_string(),
            answers: Answers::default(),
        });
        self.set(code, Answer::Group(entries));
    }

    pub fn remove_entry(&mut self, code: &str, id: &str) {
        let entries = self
            .entries(code)
            .iter()
            .filter(|entry| entry.id != id)
            .cloned()
            .collect();
        self.set(code, Answer::Group(entries));
    }

    /// "Yes" to a choice, or any tick in a grid: what screening and conditions look for.
    pub fn says_yes(&self, code: &str) -> bool {
        match self.0.get(code) {
            Some(Answer::Choice(value)) => value == "yes",
            Some(Answer::Grid(cells)) => cells.values().any(|value| value == "yes"),
            _ => false,
        }
    }

    /// Whether an item has an answer the definition recognises (entries and cells may still be incomplete).
    pub fn is_answered(&self, item: &Item) -> bool {
        match item.kind {
            ItemKind::Choice(_) => self
                .choice(item.code)
                .is_some_and(|value| item.choice(value).is_some()),
            ItemKind::MultipleChoice(_) => !self.choices(item.code).is_empty(),
            ItemKind::FreeText { .. }
            | ItemKind::ShortText { .. }
            | ItemKind::Number { .. }
            | ItemKind::Offence => !self.text(item.code).trim().is_empty(),
            ItemKind::Date => self.date(item.code).is_some(),
            ItemKind::Grid(grid) => grid.cells().any(|(row, column)| {
                self.cell(item.code, row.key, column.key)
                    .is_some_and(|value| match column.cell {
                        GridCell::Check => value == "yes",
                        GridCell::Choice(choices) => choices.iter().any(|c| c.value == value),
                    })
            }),
            ItemKind::Repeat(_) => !self.entries(item.code).is_empty(),
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::questionnaire::{find_item, ACCOMMODATION};

    /// 5.1 sources of income: "No income" stands alone.
    fn income() -> &'static Item {
        find_item("5.1").map(|(_, item)| item).expect("5.1 exists")
    }

    #[test]
    fn an_exclusive_answer_clears_the_others_and_another_clears_it() {
        let mut answers = Answers::default();
        answers.toggle_choice(income(), "benefits", true);
        answers.toggle_choice(income(), "family", true);
        assert_eq!(answers.choices("5.1"), ["benefits", "family"]);
        answers.toggle_choice(income(), "none", true);
        assert_eq!(answers.choices("5.1"), ["none"]);
        answers.toggle_choice(income(), "employment", true);
        assert_eq!(answers.choices("5.1"), ["employment"]);
        answers.toggle_choice(income(), "employment", false);
        assert_eq!(answers.get("5.1"), None);
        // 2.10 disinhibitors offer "None" too.
        let disinhibitors = find_item("2.10").unwrap().1;
        answers.toggle_choice(disinhibitors, "alcohol", true);
        answers.toggle_choice(disinhibitors, "none", true);
        assert_eq!(answers.choices("2.10"), ["none"]);
    }

    proptest::proptest! {
        /// Whatever is ticked and unticked, in any order, an exclusive answer is never kept with another.
        #[test]
        fn no_toggles_keep_an_exclusive_answer_with_another(
            toggles in proptest::collection::vec((proptest::sample::select(vec!["employment", "benefits", "pension", "family", "illegal", "other", "none", "unknown"]), proptest::bool::ANY), 0..20)
        ) {
            let mut answers = Answers::default();
            for (value, on) in toggles {
                answers.toggle_choice(income(), value, on);
                let ticked = answers.choices("5.1");
                proptest::prop_assert!(!(ticked.len() > 1 && ticked.iter().any(|v| v == "none")), "{ticked:?}");
                proptest::prop_assert!(ticked.iter().all(|v| v != "unknown"));
            }
        }
    }

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

    #[test]
    fn ticks_keep_the_definition_order_and_unticking_the_last_clears_the_answer() {
        let (_, item) = find_item("2.2").unwrap();
        let mut answers = Answers::default();
        answers.toggle_choice(item, "arson", true);
        answers.toggle_choice(item, "weapon", true);
        assert_eq!(answers.choices("2.2"), ["weapon", "arson"]);
        answers.toggle_choice(item, "weapon", false);
        answers.toggle_choice(item, "arson", false);
        assert_eq!(answers.get("2.2"), None);
    }

    #[test]
    fn grid_cells_are_set_and_cleared_one_by_one() {
        let mut answers = Answers::default();
        answers.set_cell("8.2", "heroin", "injected", Some("yes".into()));
        answers.set_cell("8.2", "cannabis", "current", Some("yes".into()));
        assert_eq!(answers.cell("8.2", "heroin", "injected"), Some("yes"));
        assert!(answers.says_yes("8.2"));
        answers.set_cell("8.2", "heroin", "injected", None);
        answers.set_cell("8.2", "cannabis", "current", None);
        assert_eq!(answers.get("8.2"), None, "an empty grid is no answer");
    }

    #[test]
    fn entries_keep_their_own_answers_when_others_are_removed() {
        let mut answers = Answers::default();
        answers.add_entry("1.1", "a");
        answers.add_entry("1.1", "b");
        answers
            .entry_mut("1.1", "b")
            .unwrap()
            .set("offence", Answer::Text("02800".into()));
        answers.remove_entry("1.1", "a");
        assert_eq!(answers.entries("1.1").len(), 1);
        assert_eq!(answers.entry("1.1", "b").unwrap().text("offence"), "02800");
        answers.remove_entry("1.1", "b");
        assert_eq!(answers.get("1.1"), None);
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(json, "{}");
    }

    #[test]
    fn a_blank_date_is_no_answer_but_a_partial_one_is_kept() {
        let mut answers = Answers::default();
        answers.set("1.29", Answer::Date(DateParts::new("5", "", "")));
        assert_eq!(answers.date("1.29"), Some(&DateParts::new("5", "", "")));
        answers.set("1.29", Answer::Date(DateParts::default()));
        assert_eq!(answers.get("1.29"), None);
    }
}
