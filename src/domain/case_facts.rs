//! One source for each fact (issue 19): what the case record already holds is not asked again in
//! the assessment. Item 1.38, the start of the community sentence or the earliest release date
//! (the predictors' start of follow-up, domain.md §1), is the case's sentence date (community and
//! suspended sentences) or release date (custody and licence): section 1 shows it from the case,
//! read-only, and the open case writes it into the draft whenever the case details change, so the
//! scores, predictors, check answers, exports and signed versions all read the same date.
//!
//! 1.29, the date of the current conviction, is the case's own "Date of conviction" when the case
//! details give it (it is optional there), and asked in section 1 otherwise. A conviction is often
//! days or weeks before the sentence (sentencing adjourned for a pre-sentence report, as in every
//! sample case), so the sentence date never stands in for it.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::answers::Answers;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::case_facts::{case_fact, sync_case_facts};
//! let case = CaseDetails {
//!     conviction_date: None,
//!     main_offence: None,
//!     name: "Alex Marsh".into(),
//!     crn: "X123456".into(),
//!     date_of_birth: date(1991, 7, 17),
//!     sex: Sex::Male,
//!     sentence_type: SentenceType::Licence,
//!     sentence_date: None,
//!     sentence_or_release_date: date(2026, 11, 2),
//!     sentence_end_date: date(2028, 11, 1),
//! };
//! assert_eq!(case_fact("1.38", &case), Some(("Release date", date(2026, 11, 2))));
//! let mut answers = Answers::default();
//! assert!(sync_case_facts(&mut answers, &case));
//! assert_eq!(answers.date("1.38").unwrap().day, "2");
//! assert!(!sync_case_facts(&mut answers, &case), "nothing to change the second time");
//! ```

use jiff::civil::Date;

use crate::domain::answers::{Answer, Answers, Entry};
use crate::domain::case::CaseDetails;
use crate::domain::dates::DateParts;
use crate::domain::screening::CURRENT_OFFENCES_ITEM;

/// The part of each 1.1 entry that holds the offence code.
const OFFENCE_PART: &str = "offence";

/// The items the case record answers, in section order (1.29 only when the case gives it).
pub const CASE_FACT_ITEMS: [&str; 2] = ["1.29", "1.38"];

/// The items every case answers whatever the officer typed: they never make a section or a draft
/// "started". (A conviction date is the officer's own answer, given in the case form.)
pub const ALWAYS_FROM_CASE: [&str; 1] = ["1.38"];

/// The case's answer to item `code`, with the name the case form gives it, if the case holds it.
pub fn case_fact(code: &str, case: &CaseDetails) -> Option<(&'static str, Date)> {
    match code {
        "1.29" => case
            .conviction_date
            .map(|day| (crate::domain::case::CONVICTION_DATE_LABEL, day)),
        "1.38" => Some((
            case.sentence_type.start_date_label(),
            case.sentence_or_release_date,
        )),
        _ => None,
    }
}

/// The case's facts the answers do not hold yet, as the date boxes they should read.
fn out_of_step<'a>(
    answers: &'a Answers,
    case: &'a CaseDetails,
) -> impl Iterator<Item = (&'static str, DateParts)> + 'a {
    CASE_FACT_ITEMS.into_iter().filter_map(move |code| {
        let (_, date) = case_fact(code, case)?;
        let parts = DateParts::from_date(date);
        (answers.date(code) != Some(&parts)).then_some((code, parts))
    })
}

/// Writes the case's facts into the answers where they differ; says whether anything changed.
pub fn sync_case_facts(answers: &mut Answers, case: &CaseDetails) -> bool {
    let missing: Vec<_> = out_of_step(answers, case).collect();
    let mut changed = !missing.is_empty();
    for (code, parts) in missing {
        answers.set(code, Answer::Date(parts));
    }
    if let Some(code) = case.main_offence_code() {
        changed |= put_main_offence_first(answers, code);
    }
    changed
}

/// The id of the entry a main offence from the case is written under when section 1 has none.
pub const CASE_OFFENCE_ENTRY: &str = "case-main-offence";

/// Makes `code` the first offence of 1.1 without losing one the officer typed: an entry already
/// holding it moves to the front (keeping its date), an empty first entry takes it, and otherwise
/// a new entry goes first (the offences already there stay, after it).
fn put_main_offence_first(answers: &mut Answers, code: &str) -> bool {
    let group = CURRENT_OFFENCES_ITEM;
    let mut entries = answers.entries(group).to_vec();
    let offence = |entry: &Entry| entry.answers.text(OFFENCE_PART).trim().to_string();
    if entries.first().is_some_and(|first| offence(first) == code) {
        return false;
    }
    if let Some(at) = entries.iter().position(|entry| offence(entry) == code) {
        let entry = entries.remove(at);
        entries.insert(0, entry);
    } else if entries
        .first()
        .is_some_and(|first| offence(first).is_empty())
    {
        entries[0]
            .answers
            .set(OFFENCE_PART, Answer::Text(code.to_string()));
    } else {
        let mut entry = Entry {
            id: unused_entry_id(&entries),
            answers: Answers::default(),
        };
        entry
            .answers
            .set(OFFENCE_PART, Answer::Text(code.to_string()));
        entries.insert(0, entry);
    }
    answers.set(group, Answer::Group(entries));
    true
}

/// [`CASE_OFFENCE_ENTRY`], numbered on if an earlier main offence already took it.
fn unused_entry_id(entries: &[Entry]) -> String {
    (1..)
        .map(|n| match n {
            1 => CASE_OFFENCE_ENTRY.to_string(),
            n => format!("{CASE_OFFENCE_ENTRY}-{n}"),
        })
        .find(|id| entries.iter().all(|entry| entry.id != *id))
        .unwrap_or_default()
}

/// The entry of repeating group `group` whose offence the case gives (1.1's first entry, while
/// the case holds a main offence): section 1 shows that offence read-only and offers no "Remove".
pub fn entry_held_by_case<'a>(
    group: &str,
    answers: &'a Answers,
    case: &CaseDetails,
) -> Option<&'a str> {
    let code = case.main_offence_code()?;
    (group == CURRENT_OFFENCES_ITEM)
        .then(|| answers.entries(group).first())
        .flatten()
        .filter(|first| first.answers.text(OFFENCE_PART).trim() == code)
        .map(|first| first.id.as_str())
}

/// The main offence's code: the first offence of 1.1 ("The first is the main offence"). The case
/// details give it when the officer chose it there (and section 1 then reads it); otherwise
/// section 1 is its source. The case page shows it from here either way.
pub fn main_offence(answers: &Answers) -> Option<&str> {
    answers
        .entries(CURRENT_OFFENCES_ITEM)
        .iter()
        .map(|entry| entry.answers.text(OFFENCE_PART).trim())
        .find(|code| !code.is_empty())
}

/// Whether the officer has answered anything: answers the case gives do not count.
pub fn officer_answered_any(answers: &Answers) -> bool {
    answers
        .0
        .keys()
        .any(|code| !ALWAYS_FROM_CASE.contains(&code.as_str()))
}

/// Whether the answers already hold every fact of the case.
/// Cheap enough for every change of the draft: it reads, never copies, the answers.
pub fn case_facts_in_step(answers: &Answers, case: &CaseDetails) -> bool {
    out_of_step(answers, case).next().is_none()
        && (case.main_offence_code().is_none()
            || entry_held_by_case(CURRENT_OFFENCES_ITEM, answers, case).is_some())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::case::{SentenceType, Sex};
    use crate::domain::practice::sample_cases;
    use crate::domain::questionnaire::find_item;

    fn case(kind: SentenceType) -> CaseDetails {
        CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: "Sam Fictional".into(),
            crn: "X654321".into(),
            date_of_birth: date(1990, 1, 2),
            sex: Sex::Female,
            sentence_type: kind,
            sentence_date: (kind == SentenceType::Custody).then(|| date(2026, 1, 5)),
            sentence_or_release_date: date(2026, 6, 1),
            sentence_end_date: date(2027, 6, 1),
        }
    }

    #[test]
    fn the_follow_up_start_is_the_sentence_date_or_the_release_date() {
        assert_eq!(
            case_fact("1.38", &case(SentenceType::CommunityOrder)),
            Some(("Sentence date", date(2026, 6, 1)))
        );
        assert_eq!(
            case_fact("1.38", &case(SentenceType::Custody)),
            Some(("Release date", date(2026, 6, 1)))
        );
        assert_eq!(case_fact("1.29", &case(SentenceType::Custody)), None);
        let convicted = CaseDetails {
            conviction_date: Some(date(2025, 12, 1)),
            ..case(SentenceType::Custody)
        };
        assert_eq!(
            case_fact("1.29", &convicted),
            Some(("Date of conviction", date(2025, 12, 1)))
        );
        for code in CASE_FACT_ITEMS {
            assert!(find_item(code).is_some(), "{code} is a questionnaire item");
        }
    }

    #[test]
    fn a_typed_answer_that_differs_is_replaced_by_the_cases_and_others_are_kept() {
        let details = case(SentenceType::Licence);
        let mut answers = Answers::default();
        answers.set("1.38", Answer::Date(DateParts::new("12", "12", "2021")));
        answers.set("1.29", Answer::Date(DateParts::new("3", "5", "2026")));
        assert!(!case_facts_in_step(&answers, &details));
        assert!(sync_case_facts(&mut answers, &details));
        assert_eq!(
            answers.date("1.38"),
            Some(&DateParts::from_date(date(2026, 6, 1)))
        );
        assert_eq!(
            answers.date("1.29"),
            Some(&DateParts::new("3", "5", "2026"))
        );
        assert!(case_facts_in_step(&answers, &details));
        assert!(officer_answered_any(&answers));
        let mut only_the_case = Answers::default();
        sync_case_facts(&mut only_the_case, &details);
        assert!(!officer_answered_any(&only_the_case));
        // A change of the case's date shows in the answer.
        let moved = CaseDetails {
            conviction_date: None,
            sentence_or_release_date: date(2026, 7, 1),
            ..details
        };
        assert!(sync_case_facts(&mut answers, &moved));
        assert_eq!(
            answers.date("1.38"),
            Some(&DateParts::from_date(date(2026, 7, 1)))
        );
    }

    #[test]
    fn a_section_the_case_answered_is_not_started_and_neither_is_the_draft() {
        use crate::domain::caseload::{AssessmentStatus, DraftProgress};
        use crate::domain::progress::{section_status, SectionStatus};
        use crate::domain::questionnaire::{section, CheckContext};
        let details = case(SentenceType::CommunityOrder);
        let mut answers = Answers::default();
        sync_case_facts(&mut answers, &details);
        let offending = section("1").unwrap();
        assert_eq!(
            section_status(offending, &answers, false, None),
            SectionStatus::NotStarted
        );
        let context = CheckContext {
            date_of_birth: details.date_of_birth,
            today: date(2026, 12, 3),
        };
        let progress =
            DraftProgress::of(&answers, &Default::default(), &context, &Default::default());
        assert_eq!(
            AssessmentStatus::of(&Default::default(), progress),
            AssessmentStatus::NotStarted
        );
        answers.set("1.30", Answer::Choice("no".into()));
        assert_eq!(
            section_status(offending, &answers, false, None),
            SectionStatus::InProgress
        );
    }

    #[test]
    fn the_main_offence_is_the_first_offence_given_in_1_1() {
        let mut answers = Answers::default();
        assert_eq!(main_offence(&answers), None);
        answers.add_entry("1.1", "a");
        answers.add_entry("1.1", "b");
        answers
            .entry_mut("1.1", "b")
            .unwrap()
            .set("offence", Answer::Text("02800".into()));
        assert_eq!(
            main_offence(&answers),
            Some("02800"),
            "an empty first entry is skipped"
        );
        answers
            .entry_mut("1.1", "a")
            .unwrap()
            .set("offence", Answer::Text(" 05000 ".into()));
        assert_eq!(main_offence(&answers), Some("05000"));
    }

    fn offences(answers: &Answers) -> Vec<(String, String, String)> {
        answers
            .entries("1.1")
            .iter()
            .map(|entry| {
                (
                    entry.id.clone(),
                    entry.answers.text("offence").to_string(),
                    entry
                        .answers
                        .date("date")
                        .map(|parts| parts.year.clone())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    fn with_offences(given: &[(&str, &str)]) -> Answers {
        let mut answers = Answers::default();
        for (id, code) in given {
            answers.add_entry("1.1", id);
            let entry = answers.entry_mut("1.1", id).unwrap();
            entry.set("offence", Answer::Text(code.to_string()));
            entry.set("date", Answer::Date(DateParts::new("1", "2", "2026")));
        }
        answers
    }

    #[test]
    fn the_cases_main_offence_goes_first_in_1_1_and_no_offence_typed_is_lost() {
        let given = CaseDetails {
            main_offence: Some("00801".into()),
            ..case(SentenceType::CommunityOrder)
        };
        // No offence yet: the case's becomes the first (and only) entry.
        let mut answers = Answers::default();
        assert!(!case_facts_in_step(&answers, &given));
        assert!(sync_case_facts(&mut answers, &given));
        assert_eq!(main_offence(&answers), Some("00801"));
        assert_eq!(
            entry_held_by_case("1.1", &answers, &given),
            Some(CASE_OFFENCE_ENTRY)
        );
        assert!(case_facts_in_step(&answers, &given));
        assert!(
            !sync_case_facts(&mut answers, &given),
            "in step the second time"
        );

        // Section 1 already holds it, second: that entry (with its date) moves to the front.
        let mut answers = with_offences(&[("a", "02800"), ("b", "00801")]);
        assert!(sync_case_facts(&mut answers, &given));
        assert_eq!(
            offences(&answers),
            [
                ("b".into(), "00801".into(), "2026".into()),
                ("a".into(), "02800".into(), "2026".into())
            ]
        );
        assert_eq!(entry_held_by_case("1.1", &answers, &given), Some("b"));

        // A different first offence stays, after the case's.
        let mut answers = with_offences(&[("a", "02800")]);
        assert!(sync_case_facts(&mut answers, &given));
        assert_eq!(
            offences(&answers)
                .iter()
                .map(|(_, code, _)| code.as_str())
                .collect::<Vec<_>>(),
            ["00801", "02800"]
        );

        // An empty first entry (added, nothing chosen yet) takes it.
        let mut answers = Answers::default();
        answers.add_entry("1.1", "empty");
        sync_case_facts(&mut answers, &given);
        assert_eq!(
            offences(&answers),
            [("empty".into(), "00801".into(), String::new())]
        );

        // A change of the case's main offence shows in section 1; the old one is kept after it.
        let changed = CaseDetails {
            main_offence: Some("05000".into()),
            ..given.clone()
        };
        assert!(!case_facts_in_step(&answers, &changed));
        sync_case_facts(&mut answers, &changed);
        assert_eq!(main_offence(&answers), Some("05000"));
        assert_eq!(answers.entries("1.1").len(), 2);

        // Section 1 is the source again once the case no longer gives one.
        let none = CaseDetails {
            main_offence: None,
            ..given
        };
        assert!(case_facts_in_step(&answers, &none));
        assert_eq!(entry_held_by_case("1.1", &answers, &none), None);
    }

    #[test]
    fn a_main_offence_of_the_wrong_shape_in_the_case_is_read_as_none() {
        for odd in ["", "  ", "8O1", "008011", "GBH"] {
            let details = CaseDetails {
                main_offence: Some(odd.into()),
                ..case(SentenceType::CommunityOrder)
            };
            let mut answers = with_offences(&[("a", "02800")]);
            sync_case_facts(&mut answers, &details);
            assert_eq!(main_offence(&answers), Some("02800"), "{odd:?}");
            assert!(case_facts_in_step(&answers, &details), "{odd:?}");
        }
    }

    #[test]
    fn every_sample_cases_reference_answers_agree_with_its_case_file() {
        for sample in sample_cases() {
            let details = (sample.details)();
            let reference = (sample.reference)();
            assert!(
                case_facts_in_step(&reference.answers, &details),
                "{}: 1.38 differs from the case file",
                sample.id
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::domain::strategies;

        fn code() -> impl Strategy<Value = String> {
            prop_oneof![
                prop::sample::select(vec!["00801", "02800", "05000", "", " 00801 ", "x"])
                    .prop_map(str::to_string),
                "[0-9 ]{0,6}",
            ]
        }

        proptest! {
            /// Whatever section 1 and the case hold, one write puts them in step, a second changes
            /// nothing, and every offence section 1 held is still there.
            #[test]
            fn the_sync_settles_at_once_and_loses_no_offence(
                details in strategies::case_details(),
                main in prop::option::of(code()),
                given in prop::collection::vec(code(), 0..4),
                mut answers in strategies::answers(),
            ) {
                let details = CaseDetails { main_offence: main, ..details };
                for (n, code) in given.iter().enumerate() {
                    let id = format!("e{n}");
                    answers.add_entry("1.1", &id);
                    answers.entry_mut("1.1", &id).unwrap().set("offence", Answer::Text(code.clone()));
                }
                let before: Vec<String> = answers
                    .entries("1.1")
                    .iter()
                    .map(|entry| entry.answers.text("offence").trim().to_string())
                    .filter(|code| !code.is_empty())
                    .collect();
                sync_case_facts(&mut answers, &details);
                prop_assert!(case_facts_in_step(&answers, &details));
                prop_assert!(!sync_case_facts(&mut answers, &details));
                let after: Vec<String> = answers
                    .entries("1.1")
                    .iter()
                    .map(|entry| entry.answers.text("offence").trim().to_string())
                    .collect();
                for code in before {
                    prop_assert!(after.contains(&code), "{code} lost");
                }
                if let Some(code) = details.main_offence_code() {
                    prop_assert_eq!(main_offence(&answers), Some(code));
                }
            }
        }
    }
}
