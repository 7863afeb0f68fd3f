//! Section scores and need thresholds, section by section.

use super::*;
use crate::domain::answers::Answer;
use crate::domain::questionnaire::ACCOMMODATION;

fn accommodation(nfa: &str, suitability: &str, permanence: &str, location: &str) -> SectionScore {
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

use crate::domain::questionnaire::{section, ItemKind, LinkedTo, SECTIONS};

/// domain.md §2, both tables: (section, items in the need score, maximum, need from, severe from).
const NEED_SCORES: &[(&str, &[&str], u32, u32, u32)] = &[
    ("3", &["3.3", "3.4", "3.5", "3.6"], 8, 2, 7),
    ("4", &["4.2", "4.3", "4.4", "4.5"], 8, 3, 7),
    ("6", &["6.1", "6.3", "6.6"], 6, 2, 5),
    ("7", &["7.2", "7.3", "7.5"], 6, 2, 5),
    ("8", &["8.4", "8.5", "8.6", "8.8", "8.9"], 10, 2, 8),
    ("9", &["9.1", "9.2", "9.3", "9.5"], 8, 4, 7),
    ("11", &["11.5", "11.6", "11.7", "11.9"], 8, 4, 7),
    ("12", &["12.1", "12.4", "12.5", "12.8"], 8, 2, 7),
];

/// Items asked in a scored section that MoJ does not count (domain.md §2).
const ASKED_NOT_SCORED: &[&str] = &[
    "4.7", "6.4", "7.4", "9.4", "11.1", "11.2", "11.3", "11.4", "11.11", "11.12", "12.9",
];

/// Answers every need-score item of a section so that the total is exactly `target`, giving each
/// item the highest score that still fits.
fn answers_scoring(section_id: &str, target: u32) -> Answers {
    let section = section(section_id).unwrap();
    let mut answers = Answers::default();
    if section_id == "8" {
        answers.set("8.1", Answer::Choice("yes".into()));
    }
    let mut left = target;
    for item in section.need_items() {
        let choice = item
            .choices()
            .iter()
            .filter(|choice| choice.score.unwrap() <= left)
            .max_by_key(|choice| choice.score)
            .unwrap();
        left -= choice.score.unwrap();
        answers.set(item.code, Answer::Choice(choice.value.into()));
    }
    assert_eq!(left, 0, "section {section_id} cannot reach {target}");
    answers
}

fn need_at(section_id: &str, target: u32) -> Option<NeedLevel> {
    let score = score_section(
        section(section_id).unwrap(),
        &answers_scoring(section_id, target),
    );
    assert_eq!(score.score, target);
    assert!(score.is_complete());
    score.need
}

#[test]
fn every_need_score_is_the_items_and_thresholds_of_the_tables() {
    for &(id, items, max, need_from, severe_from) in NEED_SCORES {
        let section = section(id).unwrap();
        let need_score = section.need_score.unwrap();
        assert_eq!(need_score.items, items, "section {id} items");
        assert_eq!(
            (need_score.need_from, need_score.severe_from),
            (need_from, severe_from),
            "section {id}"
        );
        assert_eq!(
            score_section(section, &Answers::default()).max,
            max,
            "section {id} maximum"
        );
        assert_eq!(
            need_at(id, max),
            Some(NeedLevel::Severe),
            "section {id} at its maximum"
        );
        for item in section.need_items() {
            assert!(
                item.required,
                "{}: a need-score item must be answered",
                item.code
            );
        }
    }
    let scored: Vec<&str> = SECTIONS
        .iter()
        .filter(|section| section.is_scored())
        .map(|section| section.id)
        .collect();
    let expected: Vec<&str> = NEED_SCORES.iter().map(|(id, ..)| *id).collect();
    assert_eq!(scored, expected, "only these sections are scored for need");
}

#[test]
fn every_need_threshold_boundary_below_at_and_above() {
    for &(id, _, max, need_from, severe_from) in NEED_SCORES {
        assert_eq!(need_at(id, 0), Some(NeedLevel::NoNeed), "section {id} at 0");
        assert_eq!(
            need_at(id, need_from - 1),
            Some(NeedLevel::NoNeed),
            "section {id} one below need"
        );
        assert_eq!(
            need_at(id, need_from),
            Some(NeedLevel::Need),
            "section {id} at need"
        );
        assert_eq!(
            need_at(id, need_from + 1),
            Some(NeedLevel::Need),
            "section {id} one above need"
        );
        assert_eq!(
            need_at(id, severe_from - 1),
            Some(NeedLevel::Need),
            "section {id} one below severe"
        );
        assert_eq!(
            need_at(id, severe_from),
            Some(NeedLevel::Severe),
            "section {id} at severe"
        );
        assert!(severe_from < max, "section {id} can go above severe");
        assert_eq!(
            need_at(id, severe_from + 1),
            Some(NeedLevel::Severe),
            "section {id} one above severe"
        );
    }
}

#[test]
fn items_outside_the_need_score_never_change_a_score() {
    for &(id, items, ..) in NEED_SCORES {
        let section = section(id).unwrap();
        for target in [0, 1, 3] {
            let answers = answers_scoring(id, target);
            let expected = score_section(section, &answers);
            let mut worst = answers.clone();
            worst.set("1.30", Answer::Choice("yes".into()));
            for item in section
                .items
                .iter()
                .filter(|item| !items.contains(&item.code))
            {
                let Some(highest) = item.choices().iter().max_by_key(|choice| choice.score) else {
                    continue;
                };
                if item.code != "8.1" {
                    worst.set(item.code, Answer::Choice(highest.value.into()));
                }
            }
            assert_eq!(
                score_section(section, &worst),
                expected,
                "section {id}: only {items:?} count"
            );
        }
    }
    for code in ASKED_NOT_SCORED {
        let (section, item) = crate::domain::questionnaire::find_item(code).unwrap();
        assert!(section.is_scored(), "{code} is asked in a scored section");
        assert!(matches!(item.kind, ItemKind::Choice(_)), "{code}");
        assert!(
            !section.need_score.unwrap().items.contains(code),
            "{code} is not in the need score"
        );
        assert!(
            item.hint
                .is_some_and(|hint| hint.contains("Not part of the section score")),
            "{code} says so"
        );
    }
}

#[test]
fn thinking_and_behaviour_is_out_of_eight_whatever_11_1_to_11_4_say() {
    let mut answers = Answers::default();
    for code in ["11.1", "11.2", "11.3", "11.4"] {
        answers.set(code, Answer::Choice("2".into()));
    }
    let score = score_section(section("11").unwrap(), &answers);
    assert_eq!((score.score, score.max), (0, 8));
    assert_eq!(score.need, Some(NeedLevel::NoNeed));
    assert_eq!((score.scored_answered, score.scored_items), (0, 4));
}

#[test]
fn sections_without_a_need_score_are_not_scored() {
    for id in [
        "1",
        "2",
        "5",
        "10",
        "13",
        "saq",
        "rosh-screening",
        "rosh-full",
        "rosh-summary",
        "rmp",
    ] {
        let section = section(id).unwrap();
        assert!(!section.is_scored(), "section {id} is not scored");
        assert_eq!(section.need_score, None, "section {id}");
        let score = score_section(section, &Answers::default());
        assert_eq!((score.max, score.need, score.scored_items), (0, None, 0));
    }
    let mut answers = Answers::default();
    answers.set("5.4", Answer::Choice("yes".into()));
    answers.set("10.5", Answer::Choice("yes".into()));
    assert_eq!(score_section(section("5").unwrap(), &answers).score, 0);
    assert_eq!(score_section(section("10").unwrap(), &answers).score, 0);
}

#[test]
fn the_linked_to_judgements_never_add_to_a_score() {
    for &(id, ..) in NEED_SCORES {
        let section = section(id).unwrap();
        let mut answers = answers_scoring(id, 1);
        for to in [LinkedTo::RiskOfSeriousHarm, LinkedTo::Offending] {
            let item = section.linked_item(to).unwrap();
            answers.set(item.code, Answer::Choice("yes".into()));
        }
        assert_eq!(score_section(section, &answers).score, 1, "section {id}");
    }
}

#[test]
fn motivation_injecting_and_yes_sometimes_no_score_towards_the_problem() {
    let mut answers = Answers::default();
    answers.set("7.3", Answer::Choice("sometimes".into()));
    answers.set("7.5", Answer::Choice("yes".into()));
    assert_eq!(score_section(section("7").unwrap(), &answers).score, 3);
    let mut answers = Answers::default();
    answers.set("8.1", Answer::Choice("yes".into()));
    answers.set("8.6", Answer::Choice("1".into()));
    answers.set("8.8", Answer::Choice("2".into()));
    assert_eq!(score_section(section("8").unwrap(), &answers).score, 3);
}

#[test]
fn answers_hidden_by_a_condition_are_kept_but_not_scored() {
    let mut answers = answers_scoring("8", 10);
    assert_eq!(score_section(section("8").unwrap(), &answers).score, 10);
    answers.set("8.1", Answer::Choice("no".into()));
    let score = score_section(section("8").unwrap(), &answers);
    assert_eq!(
        (score.score, score.max, score.need),
        (0, 10, Some(NeedLevel::NoNeed))
    );
    assert_eq!(score.scored_items, 0);
    assert_eq!(
        answers.choice("8.4"),
        Some("2"),
        "the hidden answer is still there"
    );
}

#[test]
fn the_summary_lists_every_identified_need_in_order() {
    let mut answers = answers_scoring("3", 2);
    answers.0.extend(answers_scoring("9", 3).0);
    answers.0.extend(answers_scoring("12", 7).0);
    let needs: Vec<_> = identified_needs(&answers)
        .into_iter()
        .map(|(section, score)| (section.id, score.need))
        .collect();
    assert_eq!(
        needs,
        [
            ("3", Some(NeedLevel::Need)),
            ("12", Some(NeedLevel::Severe))
        ],
        "alcohol at 3 is below its threshold of 4"
    );
}
