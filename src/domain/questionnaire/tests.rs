//! The definition itself: every item well formed, every condition pointing at a real item.

use std::collections::HashSet;

use super::*;

fn all_items() -> impl Iterator<Item = (&'static Section, &'static Item)> {
    SECTIONS
        .iter()
        .flat_map(|section| section.items.iter().map(move |item| (section, item)))
}

fn check_kind(code: &str, kind: &ItemKind) {
    match *kind {
        ItemKind::Choice(choices) | ItemKind::MultipleChoice(choices) => {
            assert!(choices.len() >= 2, "{code} offers fewer than two choices");
            let values: HashSet<_> = choices.iter().map(|c| c.value).collect();
            assert_eq!(values.len(), choices.len(), "{code} repeats a choice value");
            assert!(
                choices.iter().all(|c| !c.label.trim().is_empty()),
                "{code} has a choice without a label"
            );
            let scored = choices.iter().filter(|c| c.score.is_some()).count();
            assert!(
                scored == 0 || scored == choices.len(),
                "{code} mixes scored and unscored choices"
            );
            if matches!(kind, ItemKind::MultipleChoice(_)) {
                assert_eq!(scored, 0, "{code}: multiple choice is never scored");
            }
        }
        ItemKind::ShortText { max_chars } | ItemKind::FreeText { max_chars } => {
            assert!(max_chars > 0, "{code} allows no characters")
        }
        ItemKind::Number { min, max } => assert!(min < max, "{code} has an empty range"),
        ItemKind::Date | ItemKind::Offence => {}
        ItemKind::Grid(grid) => {
            assert!(
                !grid.rows.is_empty() && !grid.columns.is_empty(),
                "{code} is an empty grid"
            );
            let rows: HashSet<_> = grid.rows.iter().map(|r| r.key).collect();
            let columns: HashSet<_> = grid.columns.iter().map(|c| c.key).collect();
            assert_eq!(rows.len(), grid.rows.len(), "{code} repeats a row");
            assert_eq!(columns.len(), grid.columns.len(), "{code} repeats a column");
            for row in grid.rows {
                assert!(!row.key.contains('/'), "{code}: row keys cannot hold '/'");
                for only in row.only.unwrap_or(&[]) {
                    assert!(
                        columns.contains(only),
                        "{code}: row {} names an unknown column {only}",
                        row.key
                    );
                }
            }
            for column in grid.columns {
                if let GridCell::Choice(choices) = column.cell {
                    assert!(
                        choices.iter().all(|c| c.score.is_none()),
                        "{code}: grid cells are not scored"
                    );
                }
            }
        }
        ItemKind::Repeat(repeat) => {
            assert!(!repeat.items.is_empty(), "{code} repeats nothing");
            assert!(!repeat.entry_name.is_empty(), "{code} has no entry name");
            let mut keys = HashSet::new();
            for part in repeat.items {
                assert!(
                    keys.insert(part.code),
                    "{code} repeats the part {}",
                    part.code
                );
                assert!(
                    !part.code.contains('/'),
                    "{code}: part keys cannot hold '/'"
                );
                assert!(
                    !part.question.trim().is_empty(),
                    "{code}/{} has no label",
                    part.code
                );
                assert!(
                    !matches!(part.kind, ItemKind::Repeat(_)),
                    "{code}: repeats do not nest"
                );
                check_kind(&format!("{code}/{}", part.code), &part.kind);
            }
        }
    }
}

#[test]
fn every_item_has_a_unique_id_a_label_and_a_known_kind() {
    let mut codes = HashSet::new();
    for (section, item) in all_items() {
        assert!(codes.insert(item.code), "duplicate item code {}", item.code);
        assert!(
            !item.question.trim().is_empty(),
            "{} has no question",
            item.code
        );
        assert!(
            !item.code.contains('/'),
            "{}: '/' is kept for keys inside repeats",
            item.code
        );
        if section.id.chars().all(|c| c.is_ascii_digit()) {
            assert!(
                item.code.starts_with(&format!("{}.", section.id)),
                "{} is filed under section {}",
                item.code,
                section.id
            );
        }
        check_kind(item.code, &item.kind);
    }
    assert!(
        codes.len() > 140,
        "the whole assessment is defined ({} items)",
        codes.len()
    );
}

#[test]
fn every_condition_reads_an_item_that_exists_and_comes_first() {
    let order: Vec<&str> = all_items().map(|(_, item)| item.code).collect();
    for (_, item) in all_items() {
        if let Some(condition) = item.condition {
            for code in condition.depends_on() {
                let position = order.iter().position(|c| *c == code);
                assert!(
                    position.is_some(),
                    "{} depends on unknown item {code}",
                    item.code
                );
                let own = order.iter().position(|c| *c == item.code).unwrap();
                assert!(
                    position < Some(own),
                    "{} depends on {code}, which is asked later",
                    item.code
                );
            }
        }
        let awaited = match item.condition {
            Some(Condition::Is { code, value }) => vec![(code, value)],
            Some(Condition::IsOneOf { code, values }) => {
                values.iter().map(|value| (code, *value)).collect()
            }
            _ => vec![],
        };
        for (code, value) in awaited {
            let (_, target) = find_item(code).unwrap();
            assert!(
                target.choice(value).is_some(),
                "{} waits for {code} = {value}, not a choice of it",
                item.code
            );
        }
    }
    for section in SECTIONS {
        if let Some(Condition::AnyYesInSection(id)) = section.available_when {
            assert!(
                super::section(id).is_some(),
                "{} waits on unknown section {id}",
                section.id
            );
        }
    }
}

#[test]
fn sections_are_in_task_list_order_with_unique_ids() {
    let ids: Vec<_> = SECTIONS.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13",
            "saq",
            "rosh-screening",
            "rosh-full",
            "rosh-summary",
            "rmp"
        ]
    );
    assert_eq!(section("3").unwrap().heading(), "3. Accommodation");
    assert_eq!(
        section("rosh-summary").unwrap().heading(),
        "Risk of serious harm summary"
    );
}

/// domain.md §2: (section, issues, linked to risk of serious harm, linked to offending).
const CLOSING_CODES: &[(&str, &str, &str, &str)] = &[
    ("2", "2.97", "2.99", "2.98"),
    ("3", "3.97", "3.98", "3.99"),
    ("4", "4.97", "4.96", "4.98"),
    ("5", "5.97", "5.98", "5.99"),
    ("6", "6.97", "6.98", "6.99"),
    ("7", "7.97", "7.98", "7.99"),
    ("8", "8.97", "8.98", "8.99"),
    ("9", "9.97", "9.98", "9.99"),
    ("10", "10.97", "10.98", "10.99"),
    ("11", "11.97", "11.98", "11.99"),
    ("12", "12.97", "12.98", "12.99"),
];

#[test]
fn sections_2_to_12_end_with_issues_and_the_two_judgements_under_their_oasys_codes() {
    for &(id, issues, harm, offending) in CLOSING_CODES {
        let section = section(id).unwrap();
        let last: Vec<_> = section
            .items
            .iter()
            .rev()
            .take(3)
            .map(|item| item.code)
            .collect();
        assert_eq!(last, [offending, harm, issues], "section {id}");
        let harm_item = section.linked_item(LinkedTo::RiskOfSeriousHarm).unwrap();
        let offending_item = section.linked_item(LinkedTo::Offending).unwrap();
        assert_eq!((harm_item.code, offending_item.code), (harm, offending));
        assert!(harm_item
            .question
            .ends_with("linked to risk of serious harm?"));
        assert!(offending_item
            .question
            .ends_with("linked to offending behaviour?"));
        for item in [harm_item, offending_item] {
            assert!(
                matches!(item.kind, ItemKind::Choice(choices) if choices == YES_NO),
                "{} is yes or no, never scored",
                item.code
            );
            assert!(item.required, "{} is required", item.code);
            assert!(
                !section
                    .need_score
                    .is_some_and(|score| score.items.contains(&item.code)),
                "{} is judgement, never scored",
                item.code
            );
        }
    }
    for section in SECTIONS {
        let judged = CLOSING_CODES.iter().any(|(id, ..)| *id == section.id);
        assert_eq!(
            section.linked_item(LinkedTo::Offending).is_some(),
            judged,
            "{}",
            section.id
        );
        assert_eq!(
            section.linked_item(LinkedTo::RiskOfSeriousHarm).is_some(),
            judged,
            "{}",
            section.id
        );
    }
}

#[test]
fn section_2_asks_what_oasys_asks_in_order() {
    let codes: Vec<_> = ANALYSIS_OF_OFFENCES
        .items
        .iter()
        .map(|item| item.code)
        .collect();
    assert_eq!(
        codes,
        [
            "2.1", "2.2", "2.3", "2.4.1", "2.4.2", "2.5", "2.6", "2.7", "2.7.1", "2.7.2", "2.8",
            "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.97", "2.99", "2.98"
        ]
    );
    let involved: Vec<_> = ANALYSIS_OF_OFFENCES
        .item("2.2")
        .unwrap()
        .choices()
        .iter()
        .map(|choice| choice.value)
        .collect();
    assert_eq!(
        involved,
        [
            "weapon",
            "violence",
            "excessive_violence",
            "arson",
            "damage",
            "sexual",
            "domestic_abuse"
        ]
    );
    let motivations: Vec<_> = ANALYSIS_OF_OFFENCES
        .item("2.9")
        .unwrap()
        .choices()
        .iter()
        .map(|choice| choice.value)
        .collect();
    assert_eq!(
        motivations,
        [
            "sexual",
            "financial",
            "addiction",
            "emotional",
            "hate",
            "thrill",
            "other"
        ]
    );
    for (code, kind) in [("2.1", "text"), ("2.8", "text"), ("2.12", "text")] {
        assert!(
            matches!(
                ANALYSIS_OF_OFFENCES.item(code).unwrap().kind,
                ItemKind::FreeText { .. }
            ),
            "{code} is {kind}"
        );
    }
    use crate::domain::answers::{Answer, Answers};
    let mut answers = Answers::default();
    let others = ANALYSIS_OF_OFFENCES.item("2.7.1").unwrap();
    assert!(!others.applies(&answers));
    answers.set("2.7", Answer::Choice("yes".into()));
    assert!(others.applies(&answers));
    assert!(ANALYSIS_OF_OFFENCES
        .item("2.7.2")
        .unwrap()
        .applies(&answers));
}

#[test]
fn every_item_is_worded_in_sentence_case() {
    // The RoSH level names, as domain.md §3 spells them ("High or Very high").
    const NAMES: &[&str] = &["High", "Very"];
    for (_, item) in all_items() {
        let first_word = item.question.split_whitespace().next().unwrap();
        let rest: Vec<&str> = item.question.split_whitespace().skip(1).collect();
        assert!(
            first_word.chars().next().unwrap().is_uppercase(),
            "{} starts with a capital",
            item.code
        );
        for word in rest {
            let acronym = word
                .chars()
                .filter(char::is_ascii_alphabetic)
                .all(|c| c.is_ascii_uppercase());
            assert!(
                acronym || NAMES.contains(&word) || !word.chars().next().unwrap().is_uppercase(),
                "{}: \"{word}\" is not in sentence case",
                item.code
            );
        }
    }
}

#[test]
fn the_domain_items_are_all_present() {
    for code in [
        "1.29", "1.30", "1.32", "1.40", "1.38", "2.1", "2.2", "2.3", "2.4.1", "2.4.2", "2.5",
        "2.6", "2.7", "2.7.1", "2.7.2", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14",
        "3.3", "3.4", "3.5", "3.6", "4.2", "4.3", "4.4", "4.5", "4.7", "5.5", "6.1", "6.3", "6.4",
        "6.6", "6.7", "6.8", "7.2", "7.3", "7.4", "7.5", "8.1", "8.8", "9.1", "9.2", "9.3", "9.5",
        "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "11.1", "11.2", "11.3", "11.4", "11.5",
        "11.6", "11.7", "11.9", "11.11", "11.12", "12.1", "12.4", "12.5", "12.8", "12.9", "R10.6",
    ] {
        assert!(find_item(code).is_some(), "{code} is missing");
    }
    let rmp: Vec<_> = RISK_MANAGEMENT_PLAN
        .items
        .iter()
        .map(|item| item.question)
        .collect();
    assert_eq!(
        rmp,
        [
            "Key information about the current situation",
            "Further considerations",
            "Supervision",
            "Monitoring and control",
            "Interventions and treatment",
            "Victim safety planning",
            "Contingency plans",
            "Additional comments",
            "MAPPA category",
            "MAPPA level"
        ],
        "the eight risk management plan headings, then MAPPA"
    );
}

#[test]
fn conditions_show_and_hide_items() {
    use crate::domain::answers::{Answer, Answers};
    let drug_grid = DRUG_MISUSE.item("8.2").unwrap();
    let mut answers = Answers::default();
    assert!(!drug_grid.applies(&answers));
    answers.set("8.1", Answer::Choice("yes".into()));
    assert!(drug_grid.applies(&answers));
    answers.set("8.1", Answer::Choice("no".into()));
    assert!(!drug_grid.applies(&answers));

    let children = FULL_ANALYSIS.item("FA.3").unwrap();
    answers.set("R4.2", Answer::Choice("yes".into()));
    assert!(
        !children.applies(&answers),
        "children in general is not identifiable children"
    );
    answers.set("R4.1", Answer::Choice("yes".into()));
    assert!(children.applies(&answers));
}

#[test]
fn sections_have_neighbours_in_task_list_order() {
    assert_eq!(adjacent_section("1", true).map(|s| s.id), Some("2"));
    assert_eq!(adjacent_section("2", false).map(|s| s.id), Some("1"));
    assert_eq!(adjacent_section("1", false).map(|s| s.id), None);
    let last = SECTIONS.last().unwrap().id;
    assert_eq!(adjacent_section(last, true).map(|s| s.id), None);
    assert_eq!(
        adjacent_section("no-such-section", true).map(|s| s.id),
        None
    );
}
