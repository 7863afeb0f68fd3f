//! The questionnaire as data: one definition drives rendering, scoring and what is saved.
//!
//! Every item keeps its OASys code (e.g. "3.4") as its stable id; answers are stored under that id.

/// One answer the officer can pick. `score` is what it adds to the section score, if the item is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub score: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// Radios; scored when every choice carries a score.
    Choice(&'static [Choice]),
    /// A textarea with a character count.
    FreeText { max_chars: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The OASys code, e.g. "3.4"; the stable id of the item.
    pub code: &'static str,
    pub question: &'static str,
    pub hint: Option<&'static str>,
    pub kind: ItemKind,
}

impl Item {
    pub fn choices(&self) -> &'static [Choice] {
        match self.kind {
            ItemKind::Choice(choices) => choices,
            ItemKind::FreeText { .. } => &[],
        }
    }

    /// The highest score a choice gives, or `None` when the item is not scored.
    pub fn max_score(&self) -> Option<u32> {
        self.choices()
            .iter()
            .filter_map(|choice| choice.score)
            .max()
    }

    pub fn choice(&self, value: &str) -> Option<&'static Choice> {
        self.choices().iter().find(|choice| choice.value == value)
    }
}

/// A section's score at or above `need_from` is an identified criminogenic need; at or above `severe_from`, severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedThreshold {
    pub need_from: u32,
    pub severe_from: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The section number as officers know it ("3"), used in addresses.
    pub number: &'static str,
    pub title: &'static str,
    pub items: &'static [Item],
    pub need_threshold: Option<NeedThreshold>,
}

impl Section {
    pub fn item(&self, code: &str) -> Option<&'static Item> {
        self.items.iter().find(|item| item.code == code)
    }
}

/// 0 / 1 / 2 problem scale, in the words officers use.
pub const PROBLEM_SCALE: &[Choice] = &[
    Choice {
        value: "0",
        label: "No problems",
        score: Some(0),
    },
    Choice {
        value: "1",
        label: "Some problems",
        score: Some(1),
    },
    Choice {
        value: "2",
        label: "Significant problems",
        score: Some(2),
    },
];

/// Yes / No where "yes" is the problem: Yes = 2, No = 0.
pub const YES_NO_SCORED: &[Choice] = &[
    Choice {
        value: "yes",
        label: "Yes",
        score: Some(2),
    },
    Choice {
        value: "no",
        label: "No",
        score: Some(0),
    },
];

/// Yes / No that is the officer's judgement and never adds to a score.
pub const YES_NO: &[Choice] = &[
    Choice {
        value: "yes",
        label: "Yes",
        score: None,
    },
    Choice {
        value: "no",
        label: "No",
        score: None,
    },
];

pub const ISSUES_MAX_CHARS: usize = 4000;

pub const ACCOMMODATION: Section = Section {
    number: "3",
    title: "Accommodation",
    need_threshold: Some(NeedThreshold {
        need_from: 2,
        severe_from: 7,
    }),
    items: &[
        Item {
            code: "3.3",
            question: "Is the person currently of no fixed abode or in transient accommodation?",
            hint: None,
            kind: ItemKind::Choice(YES_NO_SCORED),
        },
        Item {
            code: "3.4",
            question: "Suitability of accommodation",
            hint: Some("For example overcrowding, poor state of repair, or shared with people who encourage offending"),
            kind: ItemKind::Choice(PROBLEM_SCALE),
        },
        Item {
            code: "3.5",
            question: "Permanence of accommodation",
            hint: Some("For example a short tenancy, facing eviction, or staying with friends"),
            kind: ItemKind::Choice(PROBLEM_SCALE),
        },
        Item {
            code: "3.6",
            question: "Suitability of location of accommodation",
            hint: Some("For example near victims, associates or a drug market"),
            kind: ItemKind::Choice(PROBLEM_SCALE),
        },
        Item {
            code: "3.97",
            question: "Accommodation issues, including positive factors and strengths",
            hint: None,
            kind: ItemKind::FreeText {
                max_chars: ISSUES_MAX_CHARS,
            },
        },
        Item {
            code: "3.98",
            question: "Are accommodation issues linked to risk of serious harm?",
            hint: None,
            kind: ItemKind::Choice(YES_NO),
        },
        Item {
            code: "3.99",
            question: "Are accommodation issues linked to offending behaviour?",
            hint: None,
            kind: ItemKind::Choice(YES_NO),
        },
    ],
};

/// The sections of the assessment, in task-list order.
pub const SECTIONS: &[Section] = &[ACCOMMODATION];

pub fn section(number: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.number == number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_item_has_a_unique_code_in_its_section_and_a_question() {
        let mut codes = HashSet::new();
        for section in SECTIONS {
            for item in section.items {
                assert!(codes.insert(item.code), "duplicate item code {}", item.code);
                assert!(
                    item.code.starts_with(&format!("{}.", section.number)),
                    "{} is filed under section {}",
                    item.code,
                    section.number
                );
                assert!(
                    !item.question.trim().is_empty(),
                    "{} has no question",
                    item.code
                );
            }
        }
    }

    #[test]
    fn choices_are_either_all_scored_or_none() {
        for section in SECTIONS {
            for item in section.items {
                let scored = item.choices().iter().filter(|c| c.score.is_some()).count();
                assert!(
                    scored == 0 || scored == item.choices().len(),
                    "{} mixes scored and unscored choices",
                    item.code
                );
            }
        }
    }

    #[test]
    fn accommodation_has_the_oasys_items() {
        let codes: Vec<_> = ACCOMMODATION.items.iter().map(|item| item.code).collect();
        assert_eq!(codes, ["3.3", "3.4", "3.5", "3.6", "3.97", "3.98", "3.99"]);
        assert_eq!(section("3"), Some(&ACCOMMODATION));
    }
}
