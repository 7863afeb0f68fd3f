//! The sample cases are complete, valid and varied; the feedback names exactly what differs.

use std::collections::BTreeSet;

use jiff::civil::{date, Date};

use super::*;
use crate::domain::answers::Answer;
use crate::domain::case::is_valid_crn;
use crate::domain::offences::OffenceTable;
use crate::domain::progress::{statuses, SectionStatus};
use crate::domain::questionnaire::{find_item, section, ItemKind, SECTIONS};
use crate::domain::rosh::{rosh_rating, RoshLevel};
use crate::domain::scoring::{identified_needs, NeedLevel};

fn today() -> Date {
    date(2026, 11, 25)
}

fn acquisitive() -> &'static SampleCase {
    sample_case("sample-acquisitive").expect("the acquisitive sample exists")
}

fn every_section() -> BTreeSet<String> {
    SECTIONS
        .iter()
        .map(|section| section.id.to_string())
        .collect()
}

#[test]
fn there_are_at_least_four_samples_with_unique_ids_and_titles() {
    let samples = sample_cases();
    assert!(samples.len() >= 4);
    let ids: BTreeSet<_> = samples.iter().map(|sample| sample.id).collect();
    let titles: BTreeSet<_> = samples.iter().map(|sample| sample.title).collect();
    assert_eq!(ids.len(), samples.len());
    assert_eq!(titles.len(), samples.len());
    for id in [
        "sample-acquisitive",
        "sample-domestic-abuse",
        "sample-young-adult",
        "sample-alcohol",
    ] {
        assert!(sample_case(id).is_some(), "{id}");
    }
}

#[test]
fn every_reference_passes_the_same_validation_as_a_live_assessment() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let context = sample.check_context(today());
        for (section, status) in statuses(&reference.answers, &every_section(), Some(&context)) {
            if status == SectionStatus::CannotStartYet {
                continue;
            }
            let problems = crate::domain::validation::validate_section(
                section,
                &reference.answers,
                Some(&context),
                crate::domain::validation::Strictness::ToComplete,
            );
            assert_eq!(
                status,
                SectionStatus::Completed,
                "{} section {}: {:?}",
                sample.id,
                section.id,
                problems
            );
        }
    }
}

#[test]
fn every_answer_in_a_reference_belongs_to_a_real_item_and_choice() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        for (code, answer) in &reference.answers.0 {
            let (_, item) =
                find_item(code).unwrap_or_else(|| panic!("{}: no item {code}", sample.id));
            match answer {
                Answer::Choice(_) | Answer::Choices(_) | Answer::Grid(_) => {
                    assert!(reference.answers.is_answered(item), "{}: {code}", sample.id)
                }
                _ => {}
            }
            if let (ItemKind::Grid(grid), Answer::Grid(cells)) = (item.kind, answer) {
                for key in cells.keys() {
                    let (row, column) = key.split_once('/').unwrap();
                    assert!(grid.has_cell(row, column), "{}: {code} {key}", sample.id);
                }
            }
            if let ItemKind::MultipleChoice(_) = item.kind {
                for value in reference.answers.choices(code) {
                    assert!(
                        item.choice(value).is_some(),
                        "{}: {code} {value}",
                        sample.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_offence_code_is_in_the_offence_list() {
    let table = OffenceTable::bundled();
    for sample in sample_cases() {
        let reference = (sample.reference)();
        for entry in reference.answers.entries("1.1") {
            let code = entry.answers.text("offence");
            assert!(table.get(code).is_some(), "{}: {code}", sample.id);
        }
    }
}

#[test]
fn every_available_section_has_a_rationale_and_every_rationale_a_section() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        for section in SECTIONS
            .iter()
            .filter(|section| section.is_available(&reference.answers))
        {
            assert!(
                !reference.rationale_for(section.id).is_empty(),
                "{} has no rationale for section {}",
                sample.id,
                section.id
            );
        }
        for (id, _) in &reference.rationale {
            let section = section(id).unwrap_or_else(|| panic!("{}: no section {id}", sample.id));
            assert!(
                section.is_available(&reference.answers),
                "{} {id}",
                sample.id
            );
        }
        assert!(reference.key_goals.len() >= 2, "{}", sample.id);
    }
}

#[test]
fn the_people_are_fictional_with_unique_z_crns_and_dates_in_range() {
    let mut crns = BTreeSet::new();
    for sample in sample_cases() {
        let details = (sample.details)();
        assert!(details.crn.starts_with('Z'), "{}", details.crn);
        assert!(is_valid_crn(&details.crn), "{}", details.crn);
        assert!(crns.insert(details.crn.clone()), "repeated {}", details.crn);
        assert!(!details.name.is_empty());
        assert!(details.sentence_or_release_date.year() == 2026);
        assert!(details.sentence_or_release_date < today());
        assert!(details.sentence_end_date > today());
        let file = sample.case_file;
        for part in [
            file.offence_summary,
            file.previous_convictions,
            file.interview_notes,
            file.other_agencies,
        ] {
            assert!(
                part.len() > 200,
                "{}: a case file part is too short",
                sample.id
            );
        }
    }
}

#[test]
fn the_samples_vary_in_rosh_and_needs() {
    let references: Vec<_> = sample_cases().iter().map(|s| (s.reference)()).collect();
    let levels: Vec<Option<RoshLevel>> = references
        .iter()
        .map(|r| rosh_rating(&r.answers).overall)
        .collect();
    assert_eq!(
        levels,
        [
            Some(RoshLevel::Low),
            Some(RoshLevel::High),
            Some(RoshLevel::Medium),
            Some(RoshLevel::Medium)
        ]
    );
    let need_sets: BTreeSet<Vec<&str>> = references
        .iter()
        .map(|r| {
            identified_needs(&r.answers)
                .into_iter()
                .map(|(section, _)| section.id)
                .collect()
        })
        .collect();
    assert_eq!(need_sets.len(), references.len(), "{need_sets:?}");
    let needs_of = |index: usize| -> Vec<&str> {
        identified_needs(&references[index].answers)
            .into_iter()
            .map(|(section, _)| section.id)
            .collect()
    };
    assert_eq!(needs_of(0), ["3", "4", "7", "8", "12"]);
    assert_eq!(needs_of(1), ["6", "9", "11", "12"]);
    assert_eq!(needs_of(2), ["3", "4", "6", "7", "8", "9", "11", "12"]);
    assert_eq!(needs_of(3), ["6", "9"]);
    let with_full_analysis = references
        .iter()
        .filter(|r| section("rosh-full").unwrap().is_available(&r.answers))
        .count();
    assert_eq!(
        with_full_analysis, 3,
        "only the Low RoSH sample screens out"
    );
    let sections_with_a_need: BTreeSet<&str> = need_sets.iter().flatten().copied().collect();
    assert_eq!(
        sections_with_a_need.len(),
        8,
        "every needs section is a need in some sample"
    );
}

#[test]
fn the_reference_compared_with_itself_agrees_completely() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let feedback = compare(&reference.answers, &reference);
        assert_eq!(feedback.agreement_percent, 100, "{}", sample.id);
        assert_eq!(feedback.agreed, feedback.compared);
        assert!(
            feedback.compared > 100,
            "{}: {}",
            sample.id,
            feedback.compared
        );
        assert_eq!(feedback.differences().count(), 0);
        assert_eq!(feedback.need_differences().count(), 0);
        assert!(feedback.rosh.overall_agrees);
        assert!(feedback.rosh.cells.iter().all(|cell| cell.agrees));
        for section in &feedback.sections {
            assert!(!section.rationale.is_empty());
        }
    }
}

#[test]
fn three_deliberate_differences_are_named_exactly() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    attempt.set("3.4", Answer::Choice("2".into()));
    attempt.set("9.1", Answer::Choice("2".into()));
    attempt.set_cell("R10.6", "public", "community", Some("medium".into()));
    let feedback = compare(&attempt, &reference);

    let differences: Vec<&str> = feedback
        .differences()
        .map(|difference| difference.key.as_str())
        .collect();
    assert_eq!(differences, ["3.4", "9.1", "R10.6/public/community"]);
    assert_eq!(feedback.agreed + 3, feedback.compared);

    let accommodation = feedback.section("3").unwrap();
    assert_eq!((accommodation.agreed, accommodation.compared), (5, 6));
    assert_eq!(accommodation.differences[0].given, "Significant problems");
    assert_eq!(accommodation.differences[0].expected, "Some problems");
    assert_eq!(
        (accommodation.score_given, accommodation.score_expected),
        (5, 4)
    );
    assert!(accommodation.need_agrees, "a need either way");
    assert!(accommodation.rationale.contains("Christmas"));

    let alcohol = feedback.section("9").unwrap();
    assert_eq!((alcohol.agreed, alcohol.compared), (6, 7));
    assert_eq!(alcohol.need_given, Some(NeedLevel::NoNeed));
    assert_eq!(alcohol.need_expected, Some(NeedLevel::NoNeed));
    assert_eq!((alcohol.score_given, alcohol.score_expected), (3, 1));

    let summary = feedback.section("rosh-summary").unwrap();
    assert_eq!((summary.agreed, summary.compared), (8, 9));
    assert_eq!(summary.differences[0].question, "Public (Community)");
    assert_eq!(summary.differences[0].given, "Medium");
    assert_eq!(summary.differences[0].expected, "Low");
    assert_eq!(feedback.rosh.overall_given, Some(RoshLevel::Medium));
    assert_eq!(feedback.rosh.overall_expected, Some(RoshLevel::Low));
    assert!(!feedback.rosh.overall_agrees);

    for section in feedback
        .sections
        .iter()
        .filter(|s| !["3", "9", "rosh-summary"].contains(&s.section_id))
    {
        assert_eq!(section.agreed, section.compared, "{}", section.section_id);
    }
}

#[test]
fn a_changed_need_is_flagged() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    attempt.set("9.1", Answer::Choice("2".into()));
    attempt.set("9.2", Answer::Choice("2".into()));
    let feedback = compare(&attempt, &reference);
    let alcohol = feedback.section("9").unwrap();
    assert_eq!(alcohol.need_given, Some(NeedLevel::Need));
    assert!(!alcohol.need_agrees);
    let flagged: Vec<_> = feedback.need_differences().map(|s| s.section_id).collect();
    assert_eq!(flagged, ["9"]);
}

#[test]
fn an_empty_attempt_agrees_on_nothing() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let feedback = compare(&Answers::default(), &reference);
        assert_eq!(feedback.agreement_percent, 0);
        assert_eq!(feedback.agreed, 0);
        assert_eq!(feedback.differences().count(), feedback.compared);
        assert!(feedback
            .differences()
            .all(|difference| difference.given == "Not answered"));
        assert_eq!(feedback.rosh.overall_given, None);
        assert!(!feedback.rosh.overall_agrees);
    }
}

#[test]
fn hidden_items_in_the_attempt_read_not_answered() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    attempt.set("8.1", Answer::Choice("no".into()));
    let feedback = compare(&attempt, &reference);
    let drugs = feedback.section("8").unwrap();
    let keys: Vec<&str> = drugs.differences.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["8.1", "8.2", "8.4", "8.5", "8.6", "8.8", "8.9"]);
    assert!(drugs.differences[1..]
        .iter()
        .all(|d| d.given == "Not answered"));
    assert_eq!(
        drugs.differences[1].expected,
        "Heroin: Current use, Injected\nCrack cocaine: Current use"
    );
}

#[test]
fn free_text_and_the_persons_own_answers_are_not_compared() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    attempt.set("2.1", Answer::Text("Something else entirely".into()));
    attempt.set("1.32", Answer::Text("3".into()));
    attempt.set_cell("SAQ.2", "drugs", "answer", Some("no".into()));
    let feedback = compare(&attempt, &reference);
    assert_eq!(feedback.agreement_percent, 100);
}

#[test]
fn the_self_assessment_compares_what_the_trainee_ticked() {
    let reference = (acquisitive().reference)();
    assert_eq!(
        reference.answers.cell("SAQ.2", "drugs", "linked"),
        Some("yes"),
        "the reference links his drug use"
    );
    // No link ticked at all: the section does not agree, and says which ticks differ.
    let mut attempt = reference.answers.clone();
    for row in [
        "accommodation",
        "employment",
        "money",
        "friends",
        "drugs",
        "impulsive",
    ] {
        attempt.set_cell("SAQ.2", row, "linked", None);
    }
    let feedback = compare(&attempt, &reference);
    let saq = feedback.section("saq").unwrap();
    assert!(
        saq.compared >= 2,
        "the ticks are compared, not only whether it was filled in"
    );
    assert!(
        saq.agreed < saq.compared,
        "Agrees {} of {}",
        saq.agreed,
        saq.compared
    );
    assert!(saq.differences.iter().any(|d| d.code == "SAQ.2"));
}

#[test]
fn agreement_is_rounded_to_a_whole_percent() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    attempt.set("3.4", Answer::Choice("2".into()));
    let feedback = compare(&attempt, &reference);
    let expected = ((feedback.compared - 1) * 100 + feedback.compared / 2) / feedback.compared;
    assert_eq!(feedback.agreement_percent as usize, expected);
    assert!(feedback.agreement_percent < 100);
}

#[test]
fn a_second_try_is_compared_with_the_first_in_plain_sentences() {
    let reference = (acquisitive().reference)();
    let mut first = reference.answers.clone();
    for code in ["3.4", "3.5", "3.6"] {
        first.set(code, Answer::Choice("0".into()));
    }
    first.set_cell("R10.6", "public", "community", Some("medium".into()));
    let mut second = reference.answers.clone();
    second.set("3.6", Answer::Choice("0".into()));
    second.set("7.2", Answer::Choice("0".into()));

    let before = compare(&first, &reference);
    let after = compare(&second, &reference);
    let sentences = compare_attempts(&before, &after);
    assert_eq!(
        sentences,
        [
            "Section 3: you now agree on 2 more items".to_string(),
            "Section 3: your need level now matches the reference".to_string(),
            "Section 7: you now agree on 1 fewer item".to_string(),
            "Risk of serious harm summary: you now agree on 1 more item".to_string(),
            "Your overall RoSH level now matches the reference".to_string(),
            format!(
                "Overall agreement rose from {}% to {}%",
                before.agreement_percent, after.agreement_percent
            ),
        ]
    );
    assert!(after.agreement_percent > before.agreement_percent);
    assert_eq!(
        compare_attempts(&after, &after),
        [format!(
            "Overall agreement stayed at {}%",
            after.agreement_percent
        )]
    );
}

#[test]
fn a_practice_attempt_keeps_its_answers_through_json() {
    let reference = (acquisitive().reference)();
    let attempt = PracticeAttempt {
        sample_id: "sample-acquisitive".into(),
        number: 2,
        answers: reference.answers.clone(),
        completed_sections: every_section(),
        finished_at: "2026-11-25T10:15:00Z".into(),
    };
    let json = serde_json::to_string(&attempt).unwrap();
    let back: PracticeAttempt = serde_json::from_str(&json).unwrap();
    assert_eq!(back, attempt);
    assert_eq!(back.feedback().unwrap().agreement_percent, 100);
    let unknown = PracticeAttempt {
        sample_id: "gone".into(),
        ..attempt
    };
    assert!(unknown.feedback().is_none());
}

// Practice grounded in the case file (issue 20).

#[test]
fn every_cited_sentence_is_a_whole_sentence_of_its_own_case_file() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let cited = reference
            .evidence
            .iter()
            .map(|citation| citation.sentence)
            .chain(reference.points.iter().map(|point| point.sentence));
        for sentence in cited {
            assert!(
                sample.case_file.has_sentence(sentence),
                "{}: the case file has no sentence {sentence:?}",
                sample.id
            );
        }
    }
}

#[test]
fn every_reference_answer_cites_the_case_file_and_every_citation_an_answer() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let missing: Vec<&String> = reference
            .answers
            .0
            .keys()
            .filter(|code| reference.evidence_for(code).is_empty())
            .collect();
        assert!(
            missing.is_empty(),
            "{}: reference answers with no case-file sentence: {missing:?}",
            sample.id
        );
        for citation in &reference.evidence {
            assert!(!citation.codes.is_empty(), "{}: {citation:?}", sample.id);
            for code in citation.codes {
                assert!(
                    reference.answers.get(code).is_some(),
                    "{}: {code} is cited but not answered",
                    sample.id
                );
            }
        }
    }
}

#[test]
fn every_reference_narrative_lists_its_points_and_makes_each_of_them() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        for (code, answer) in &reference.answers.0 {
            let (_, item) = find_item(code).unwrap();
            if let (ItemKind::FreeText { .. }, Answer::Text(_)) = (item.kind, answer) {
                assert!(
                    reference.points_for(code).next().is_some(),
                    "{}: the narrative {code} lists no points",
                    sample.id
                );
            }
        }
        for point in &reference.points {
            let (_, item) = find_item(point.code)
                .unwrap_or_else(|| panic!("{}: no item {}", sample.id, point.code));
            assert!(
                matches!(item.kind, ItemKind::FreeText { .. }),
                "{}: {} is not a narrative",
                sample.id,
                point.code
            );
            assert!(
                !point.words.is_empty()
                    && point.words.iter().all(|word| *word == word.to_lowercase()),
                "{}: {point:?}",
                sample.id
            );
            assert!(
                mentions(reference.answers.text(point.code), point.words),
                "{}: the reference {} does not mention its point {:?}",
                sample.id,
                point.code,
                point.point
            );
        }
    }
}

#[test]
fn a_file_sentence_must_be_whole_and_word_for_word() {
    let file = acquisitive().case_file;
    assert!(file.has_sentence("There was no violence or threat to staff."));
    // Part of a sentence, or one with a word changed, is not evidence.
    assert!(!file.has_sentence("There was no violence"));
    assert!(!file.has_sentence("no violence or threat to staff."));
    assert!(!file.has_sentence("There was no violence or threat to shoppers."));
    assert!(!file.has_sentence(" There was no violence or threat to staff."));
    assert!(!file.has_sentence(""));
}

#[test]
fn a_narrative_mentions_a_point_by_a_word_beginning_or_a_phrase() {
    assert!(mentions("He drinks most nights", &["drink"]));
    assert!(mentions("HEROIN withdrawal", &["heroin"]));
    assert!(mentions(
        "an opiate substitute script",
        &["opiate substitute"]
    ));
    assert!(!mentions(
        "a substitute for opiates",
        &["opiate substitute"]
    ));
    assert!(mentions(
        "referred to the rough sleeper team",
        &["rough sleep"]
    ));
    // A word is matched from its start only, and an empty key never matches.
    assert!(!mentions("overdrinking", &["drink"]));
    assert!(!mentions("anything", &[""]));
    assert!(!mentions("", &["drink"]));
}

#[test]
fn the_reference_narratives_get_every_point_ticked_and_an_empty_one_none() {
    for sample in sample_cases() {
        let reference = (sample.reference)();
        let own = compare(&reference.answers, &reference);
        let empty = compare(&Answers::default(), &reference);
        let narratives = |feedback: &Feedback| -> Vec<NarrativeFeedback> {
            feedback
                .sections
                .iter()
                .flat_map(|section| section.narratives.clone())
                .collect()
        };
        assert_eq!(narratives(&own).len(), narratives(&empty).len());
        assert!(!narratives(&own).is_empty(), "{}", sample.id);
        for narrative in narratives(&own) {
            assert_eq!(
                narrative.mentioned(),
                narrative.points.len(),
                "{}",
                sample.id
            );
        }
        for narrative in narratives(&empty) {
            assert_eq!(narrative.mentioned(), 0, "{}", sample.id);
            assert_eq!(narrative.given, "");
        }
        // Each difference carries the evidence for the reference answer.
        for item in empty.differences() {
            assert!(!item.evidence.is_empty(), "{}: {}", sample.id, item.key);
        }
    }
}

#[test]
fn a_trainee_narrative_is_ticked_point_by_point() {
    let reference = (acquisitive().reference)();
    let mut attempt = reference.answers.clone();
    let code = reference.points[0].code;
    attempt.set(code, Answer::Text(String::new()));
    let first = reference.points_for(code).next().unwrap();
    attempt.set(code, Answer::Text(format!("  {}  ", first.words[0])));
    let feedback = compare(&attempt, &reference);
    let narrative = feedback
        .sections
        .iter()
        .flat_map(|section| &section.narratives)
        .find(|narrative| narrative.code == code)
        .unwrap();
    assert_eq!(narrative.given, first.words[0]);
    assert!(narrative.points[0].mentioned);
}

#[cfg(not(target_arch = "wasm32"))]
mod mentions_properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text and any key words: an answer, never a panic; more text never un-mentions.
        #[test]
        fn mentioning_is_total_and_grows_with_the_text(text in "\\PC{0,80}", more in "\\PC{0,40}", key in "\\PC{0,12}") {
            let before = mentions(&text, &[key.as_str()]);
            let after = mentions(&format!("{text} {more}"), &[key.as_str()]);
            prop_assert!(!before || after);
        }

        /// The file check answers for any string, never panics on a multi-byte boundary.
        #[test]
        fn any_string_is_checked_against_the_file(sentence in "\\PC{0,60}") {
            let _ = acquisitive().case_file.has_sentence(&sentence);
        }
    }
}
