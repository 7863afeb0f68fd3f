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

use crate::domain::questionnaire::{section, ItemKind};

/// domain.md §2: (section, maximum, need from, severe from).
const THRESHOLDS: &[(&str, u32, u32, u32)] = &[
    ("3", 8, 2, 7),
    ("4", 10, 3, 7),
    ("6", 8, 2, 5),
    ("7", 8, 2, 5),
    ("8", 10, 2, 8),
    ("9", 10, 4, 7),
    ("11", 16, 4, 7),
    ("12", 10, 2, 7),
];

/// Answers every applicable scored item of a section so that the total is exactly `target`,
/// giving each item the highest score that still fits.
fn answers_scoring(section_id: &str, target: u32) -> Answers {
    let section = section(section_id).unwrap();
    let mut answers = Answers::default();
    if section_id == "8" {
        answers.set("8.1", Answer::Choice("yes".into()));
    }
    let mut left = target;
    for item in section
        .items
        .iter()
        .filter(|item| item.max_score().is_some())
    {
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
fn every_scored_section_has_the_maximum_and_thresholds_of_the_table() {
    for &(id, max, need_from, severe_from) in THRESHOLDS {
        let section = section(id).unwrap();
        let threshold = section.need_threshold.unwrap();
        assert_eq!(
            (threshold.need_from, threshold.severe_from),
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
    }
}

#[test]
fn every_need_threshold_boundary_below_at_and_above() {
    for &(id, max, need_from, severe_from) in THRESHOLDS {
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
        if severe_from < max {
            assert_eq!(
                need_at(id, severe_from + 1),
                Some(NeedLevel::Severe),
                "section {id} above severe"
            );
        }
    }
}

#[test]
fn sections_not_scored_for_need_still_show_a_score_or_none() {
    for id in ["5", "10"] {
        let section = section(id).unwrap();
        assert!(section.is_scored(), "section {id} has scored items");
        assert_eq!(
            section.need_threshold, None,
            "section {id} is not scored for need"
        );
        assert_eq!(score_section(section, &answers_scoring(id, 3)).need, None);
    }
    assert_eq!(
        score_section(section("5").unwrap(), &Answers::default()).max,
        10
    );
    assert_eq!(
        score_section(section("10").unwrap(), &Answers::default()).max,
        12
    );
    for id in [
        "1",
        "2",
        "13",
        "saq",
        "rosh-screening",
        "rosh-full",
        "rosh-summary",
        "rmp",
    ] {
        assert!(
            !section(id).unwrap().is_scored(),
            "section {id} is not scored"
        );
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
fn unscored_problem_items_never_add_to_thinking_and_behaviour() {
    let mut answers = Answers::default();
    answers.set("1.30", Answer::Choice("yes".into()));
    answers.set("11.11", Answer::Choice("2".into()));
    answers.set("11.12", Answer::Choice("2".into()));
    assert_eq!(score_section(section("11").unwrap(), &answers).score, 0);
    let item = section("11").unwrap().item("11.11").unwrap();
    assert!(matches!(item.kind, ItemKind::Choice(_)) && item.max_score().is_none());
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
