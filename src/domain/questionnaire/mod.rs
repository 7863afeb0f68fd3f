//! The questionnaire as data: one definition drives rendering, scoring, validation, conditions,
//! check-answers and export.
//!
//! Every item keeps its OASys code (e.g. "3.4") as its stable id; answers are stored under that id.
//! Adding a question is one entry in `sections.rs` or `rosh.rs`:
//!
//! ```ignore
//! item("7.5", "Does the person take risks or act recklessly?", ItemKind::Choice(YES_SOMETIMES_NO)),
//! ```
//!
//! Which items make up a section's need score is data beside its thresholds (`NeedScore`, domain.md
//! §2): other items are still asked, and may feed predictors, but never add to the need score.
//! Answers stored under the codes of an earlier build are moved to today's by `migrate`.

mod checks;
pub mod migrate;
mod rosh;
mod scales;
mod sections;

pub use checks::{Check, CheckContext};
pub use rosh::{FULL_ANALYSIS, RISK_MANAGEMENT_PLAN, ROSH_GRID, ROSH_SCREENING, ROSH_SUMMARY, SAQ};
pub use scales::*;
pub use sections::*;

use super::answers::Answers;
use super::rosh::{rosh_rating, RoshLevel};

/// One answer the officer can pick. `score` is what it adds to the section score when the item is
/// one of its section's need-score items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub score: Option<u32>,
    /// In a "select all that apply" question, an answer that stands alone ("No income", "None"):
    /// ticking it clears the others, and ticking another clears it.
    pub exclusive: bool,
}

/// What kind of answer an item takes, and so how it is asked, stored, checked and shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemKind {
    /// Radios; scored (when the item is in its section's need score) when every choice carries a score.
    Choice(&'static [Choice]),
    /// Checkboxes: "select all that apply". Never scored.
    MultipleChoice(&'static [Choice]),
    /// A one-line text input.
    ShortText { max_chars: usize },
    /// A textarea with a character count.
    FreeText { max_chars: usize },
    /// The GOV.UK date input (day, month, year); kept exactly as typed.
    Date,
    /// A whole number within a range; kept exactly as typed.
    Number { min: u32, max: u32 },
    /// A Home Office offence code picked by code or by words; the answer is the 5-digit code.
    Offence,
    /// A table of cells, one answer per row and column.
    Grid(&'static Grid),
    /// A list of entries, each answering the same questions (several offences, several children).
    Repeat(&'static Repeat),
}

/// How a grid cell is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridCell {
    /// A tick box: ticked or not.
    Check,
    /// One of these choices, picked from a list.
    Choice(&'static [Choice]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridRow {
    pub key: &'static str,
    pub label: &'static str,
    /// The column keys this row has, or `None` for every column (Prisoners have no Community cell).
    pub only: Option<&'static [&'static str]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridColumn {
    pub key: &'static str,
    pub label: &'static str,
    pub cell: GridCell,
}

/// A grid: when required, every choice cell must be answered, and a grid of tick boxes needs one tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub rows: &'static [GridRow],
    pub columns: &'static [GridColumn],
}

impl Grid {
    /// Every (row, column) that exists, in reading order.
    pub fn cells(&self) -> impl Iterator<Item = (&'static GridRow, &'static GridColumn)> + '_ {
        self.rows.iter().flat_map(move |row| {
            self.columns
                .iter()
                .filter(move |column| row.only.is_none_or(|only| only.contains(&column.key)))
                .map(move |column| (row, column))
        })
    }

    pub fn has_cell(&self, row: &str, column: &str) -> bool {
        self.cells().any(|(r, c)| r.key == row && c.key == column)
    }
}

/// A repeating group: each entry answers `items`; at least `min` entries when required.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Repeat {
    /// What one entry is called: "offence" gives "Offence 1", "Add another offence".
    pub entry_name: &'static str,
    pub items: &'static [Item],
    pub min: usize,
}

/// When an item (or a whole section) applies. Answers to items that do not apply are kept, but
/// are not scored, validated or exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The choice answered to `code` is `value`.
    Is {
        code: &'static str,
        value: &'static str,
    },
    /// The choice answered to `code` is one of `values`.
    IsOneOf {
        code: &'static str,
        values: &'static [&'static str],
    },
    /// The overall RoSH (the highest level rated in the RoSH summary grid) is at least this level;
    /// never while RoSH is not yet assessed.
    RoshAtLeast(RoshLevel),
    /// Any of these items is answered "yes" (or, for a grid of tick boxes, has a tick).
    AnyYes(&'static [&'static str]),
    /// Any item of the section with this id is answered "yes" or ticked.
    AnyYesInSection(&'static str),
    /// The answer to this screening item contradicts an earlier answer (`domain::screening`).
    Contradicted(&'static str),
}

/// What a closing "linked to" judgement of sections 2–12 is about (domain.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkedTo {
    RiskOfSeriousHarm,
    Offending,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The OASys code, e.g. "3.4"; the stable id of the item. Inside a repeat, a key unique in it.
    pub code: &'static str,
    pub question: &'static str,
    pub hint: Option<&'static str>,
    pub kind: ItemKind,
    /// Must be answered before the section can be completed (when it applies).
    pub required: bool,
    pub condition: Option<Condition>,
    /// For the closing judgements: whether the officer judges the section linked to risk of
    /// serious harm or to offending. Never scored.
    pub linked_to: Option<LinkedTo>,
}

/// An item with the usual defaults: answers that feed scores and facts are required; free text,
/// tick boxes and grids of tick boxes are not.
pub const fn item(code: &'static str, question: &'static str, kind: ItemKind) -> Item {
    let required = !matches!(
        kind,
        ItemKind::FreeText { .. } | ItemKind::ShortText { .. } | ItemKind::MultipleChoice(_)
    );
    Item {
        code,
        question,
        hint: None,
        kind,
        required,
        condition: None,
        linked_to: None,
    }
}

impl Item {
    pub const fn hint(self, hint: &'static str) -> Self {
        Item {
            hint: Some(hint),
            ..self
        }
    }

    pub const fn required(self) -> Self {
        Item {
            required: true,
            ..self
        }
    }

    pub const fn optional(self) -> Self {
        Item {
            required: false,
            ..self
        }
    }

    pub const fn when(self, condition: Condition) -> Self {
        Item {
            condition: Some(condition),
            ..self
        }
    }

    pub const fn linked_to(self, to: LinkedTo) -> Self {
        Item {
            linked_to: Some(to),
            ..self
        }
    }

    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            ItemKind::Choice(choices) | ItemKind::MultipleChoice(choices) => choices,
            _ => &[],
        }
    }

    /// The highest score a choice gives, or `None` when its choices carry no score. Whether the
    /// item adds to its section's score is the section's `NeedScore`.
    pub fn max_score(&self) -> Option<u32> {
        match self.kind {
            ItemKind::Choice(choices) => choices.iter().filter_map(|choice| choice.score).max(),
            _ => None,
        }
    }

    pub fn choice(&self, value: &str) -> Option<&'static Choice> {
        self.choices().iter().find(|choice| choice.value == value)
    }

    /// The sub-item of a repeat with this key.
    pub fn part(&self, key: &str) -> Option<&'static Item> {
        match self.kind {
            ItemKind::Repeat(repeat) => repeat.items.iter().find(|item| item.code == key),
            _ => None,
        }
    }

    /// Whether the item applies given the answers so far.
    pub fn applies(&self, answers: &Answers) -> bool {
        self.condition
            .is_none_or(|condition| condition.holds(answers))
    }

    /// "3.4 Suitability of accommodation": how the item is named in messages and summaries.
    /// A reason item reads under the code of the answer it explains ("R2.3 Why does…").
    pub fn title(&self) -> String {
        let shown = self.code.strip_suffix(".reason").unwrap_or(self.code);
        format!("{shown} {}", self.question)
    }
}

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match *self {
            Condition::Is { code, value } => answers.choice(code) == Some(value),
            Condition::IsOneOf { code, values } => answers
                .choice(code)
                .is_some_and(|answered| values.contains(&answered)),
            Condition::RoshAtLeast(level) => rosh_rating(answers).overall >= Some(level),
            Condition::AnyYes(codes) => codes.iter().any(|code| answers.says_yes(code)),
            Condition::AnyYesInSection(id) => section(id).is_some_and(|section| {
                section
                    .items
                    .iter()
                    .any(|item| item.applies(answers) && answers.says_yes(item.code))
            }),
            Condition::Contradicted(code) => {
                crate::domain::screening::contradiction(answers, code).is_some()
            }
        }
    }

    /// The items this condition reads, for telling the officer why something is hidden.
    pub fn depends_on(&self) -> Vec<&'static str> {
        match *self {
            Condition::Is { code, .. } | Condition::IsOneOf { code, .. } => vec![code],
            Condition::RoshAtLeast(_) => vec![super::rosh::ROSH_GRID_ITEM],
            Condition::AnyYes(codes) => codes.to_vec(),
            Condition::AnyYesInSection(id) => section(id)
                .map(|section| section.items.iter().map(|item| item.code).collect())
                .unwrap_or_default(),
            Condition::Contradicted(code) => crate::domain::screening::inputs_of(code).to_vec(),
        }
    }
}

/// How a section is scored for need (domain.md §2): the items whose answers add up to its score,
/// and the thresholds. A score at or above `need_from` is an identified criminogenic need; at or
/// above `severe_from`, severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedScore {
    /// The codes of the items in the score, each a choice whose every answer carries a score.
    pub items: &'static [&'static str],
    pub need_from: u32,
    pub severe_from: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The id used in addresses and records: the section number ("3") or a name ("rosh-summary").
    pub id: &'static str,
    pub title: &'static str,
    /// What an identified need in this section is called in a summary ("Accommodation").
    pub need_name: &'static str,
    pub items: &'static [Item],
    /// `None` for sections not scored for need (1, 2, 5, 10, 13 and those around them).
    pub need_score: Option<NeedScore>,
    /// When the section can be started; `None` for always.
    pub available_when: Option<Condition>,
    /// When the section must be completed; `None` for always. Otherwise it is optional: nothing in it
    /// is missing, and it counts towards "completed" only once the officer completes it.
    pub required_when: Option<Condition>,
    /// Rules across items (dates in order, counts that add up), run when validating.
    pub checks: &'static [Check],
}

impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Section {
    pub fn item(&self, code: &str) -> Option<&'static Item> {
        self.items.iter().find(|item| item.code == code)
    }

    /// "3. Accommodation" for numbered sections, the title alone for the others.
    pub fn heading(&self) -> String {
        if self.id.chars().all(|c| c.is_ascii_digit()) {
            format!("{}. {}", self.id, self.title)
        } else {
            self.title.to_string()
        }
    }

    /// Whether the section has a need score (and so a score, maximum and need flag to show).
    pub fn is_scored(&self) -> bool {
        self.need_score.is_some()
    }

    /// The items that add to the section's need score, in questionnaire order.
    pub fn need_items(&self) -> impl Iterator<Item = &'static Item> + '_ {
        let codes = self.need_score.map_or(&[][..], |score| score.items);
        self.items
            .iter()
            .filter(move |item| codes.contains(&item.code))
    }

    /// The closing judgement "linked to risk of serious harm" or "linked to offending", if the section has it.
    pub fn linked_item(&self, to: LinkedTo) -> Option<&'static Item> {
        self.items.iter().find(|item| item.linked_to == Some(to))
    }

    pub fn is_available(&self, answers: &Answers) -> bool {
        self.available_when
            .is_none_or(|condition| condition.holds(answers))
    }

    /// Whether the section must be completed, given the answers so far (the risk management plan
    /// only for a RoSH of Medium or higher).
    pub fn is_required(&self, answers: &Answers) -> bool {
        self.required_when
            .is_none_or(|condition| condition.holds(answers))
    }
}

/// The sections of the assessment, in task-list order.
pub const SECTIONS: &[Section] = &[
    OFFENDING_INFORMATION,
    ANALYSIS_OF_OFFENCES,
    ACCOMMODATION,
    EDUCATION_TRAINING_EMPLOYABILITY,
    FINANCIAL_MANAGEMENT,
    RELATIONSHIPS,
    LIFESTYLE_AND_ASSOCIATES,
    DRUG_MISUSE,
    ALCOHOL_MISUSE,
    EMOTIONAL_WELLBEING,
    THINKING_AND_BEHAVIOUR,
    ATTITUDES,
    HEALTH_AND_OTHER_CONSIDERATIONS,
    SAQ,
    ROSH_SCREENING,
    FULL_ANALYSIS,
    ROSH_SUMMARY,
    RISK_MANAGEMENT_PLAN,
];

/// The section before (`forward` false) or after this one in task-list order, for the `[` and `]`
/// shortcuts; `None` at either end or for an unknown id.
pub fn adjacent_section(id: &str, forward: bool) -> Option<&'static Section> {
    let at = SECTIONS.iter().position(|section| section.id == id)?;
    if forward {
        SECTIONS.get(at + 1)
    } else {
        at.checked_sub(1).and_then(|before| SECTIONS.get(before))
    }
}

pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.id == id)
}

/// The item with this code anywhere in the assessment, with its section.
pub fn find_item(code: &str) -> Option<(&'static Section, &'static Item)> {
    SECTIONS
        .iter()
        .find_map(|section| section.item(code).map(|item| (section, item)))
}

#[cfg(test)]
mod tests;
