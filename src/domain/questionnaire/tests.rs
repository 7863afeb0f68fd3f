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
        if let Some(Condition::Is { code, value }) = item.condition {
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

#[test]
fn sections_2_to_12_end_with_issues_and_the_two_judgements() {
    for number in 2..=12 {
        let section = section(&number.to_string()).unwrap();
        let last: Vec<_> = section
            .items
            .iter()
            .rev()
            .take(3)
            .map(|item| item.code)
            .collect();
        assert_eq!(
            last,
            [
                format!("{number}.99"),
                format!("{number}.98"),
                format!("{number}.97")
            ]
        );
        for code in [format!("{number}.98"), format!("{number}.99")] {
            let item = section.item(&code).unwrap();
            assert_eq!(item.max_score(), None, "{code} is judgement, never scored");
            assert!(item.required, "{code} is required");
        }
    }
}

#[test]
fn the_domain_items_are_all_present() {
    for code in [
        "1.29", "1.30", "1.32", "1.40", "1.38", "2.2", "2.6", "3.3", "3.4", "3.5", "3.6", "4.2",
        "4.3", "4.4", "4.5", "4.7", "5.5", "6.1", "6.3", "6.4", "6.6", "6.7", "6.8", "7.2", "7.3",
        "7.4", "7.5", "8.1", "8.8", "9.1", "9.2", "9.3", "9.5", "10.1", "10.2", "10.3", "10.4",
        "10.5", "10.6", "11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.9", "11.11",
        "11.12", "12.1", "12.4", "12.5", "12.8", "12.9", "R10.6",
    ] {
        assert!(find_item(code).is_some(), "{code} is missing");
    }
    let rmp: Vec<_> = RISK_MANAGEMENT_PLAN
        .items
        .iter()
        .map(|item| item.question)
        .collect();
    assert_eq!(rmp.len(), 8, "the eight risk management plan headings");
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
