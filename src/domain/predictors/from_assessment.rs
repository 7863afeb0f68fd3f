//! The predictors' inputs read from a case and its assessment answers, and which question answers
//! each input, so a missing input can link to the question that gives it.

use super::inputs::PredictorInputs;
use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;
use crate::domain::dates::parse_date;
use crate::domain::questionnaire::find_item;

/// The assessment item that gives each input (by JSON name); sex and date of birth come from the case.
pub const INPUT_SOURCES: &[(&str, &str)] = &[
    ("conviction_date", "1.29"),
    ("follow_up_start", "1.38"),
    ("total_sanctions", "1.32"),
    ("violent_sanctions", "1.40"),
    ("age_at_first_sanction", "1.8"),
    ("offence_code", "1.1"),
    ("no_fixed_abode", "3.3"),
    ("unemployed", "4.2"),
    ("regular_activities_7_2", "7.2"),
    ("current_drug_misuse", "8.4"),
    ("drug_motivation_8_8", "8.8"),
    ("problem_solving_11_6", "11.6"),
    ("awareness_of_consequences_11_7", "11.7"),
    ("understands_views_11_9", "11.9"),
    ("pro_criminal_attitudes_12_1", "12.1"),
    ("recognises_impact_2_6", "2.6"),
    ("alcohol_current_9_1", "9.1"),
    ("alcohol_binge_9_2", "9.2"),
    ("psychiatric_treatment", "10.7"),
    ("temper_control_11_4", "11.4"),
];

/// The item code that answers an input, if it comes from the assessment.
pub fn source_of(input: &str) -> Option<&'static str> {
    INPUT_SOURCES
        .iter()
        .find(|(name, _)| *name == input)
        .map(|(_, code)| *code)
}

/// Every input the answers give so far. An answer that does not apply (hidden by a condition) gives
/// nothing, except that "never misused drugs" (8.1 = no) means no drug misuse and nothing to tackle.
pub fn inputs_from_assessment(case: &CaseDetails, answers: &Answers) -> PredictorInputs {
    let applies = |code: &str| find_item(code).is_some_and(|(_, item)| item.applies(answers));
    let date = |code: &str| answers.date(code).and_then(|parts| parse_date(parts).ok());
    let number = |code: &str| answers.text(code).trim().parse::<u32>().ok();
    let yes = |code: &str| match answers.choice(code) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    };
    let level = |code: &str| {
        answers
            .choice(code)
            .filter(|_| applies(code))
            .and_then(|value| value.parse::<u8>().ok())
    };
    let no_drugs = answers.choice("8.1") == Some("no");
    let drug_level = |code: &str| if no_drugs { Some(0) } else { level(code) };
    PredictorInputs {
        sex: Some(case.sex),
        date_of_birth: Some(case.date_of_birth),
        conviction_date: date("1.29"),
        follow_up_start: date("1.38"),
        total_sanctions: number("1.32"),
        violent_sanctions: number("1.40"),
        age_at_first_sanction: number("1.8"),
        offence_code: answers
            .entries("1.1")
            .iter()
            .map(|entry| entry.answers.text("offence").trim().to_string())
            .find(|code| !code.is_empty()),
        no_fixed_abode: yes("3.3"),
        unemployed: yes("4.2"),
        regular_activities_7_2: level("7.2"),
        current_drug_misuse: drug_level("8.4"),
        drug_motivation_8_8: drug_level("8.8"),
        problem_solving_11_6: level("11.6"),
        awareness_of_consequences_11_7: level("11.7"),
        understands_views_11_9: level("11.9"),
        pro_criminal_attitudes_12_1: level("12.1"),
        recognises_impact_2_6: yes("2.6"),
        alcohol_current_9_1: level("9.1"),
        alcohol_binge_9_2: level("9.2"),
        psychiatric_treatment: yes("10.7"),
        temper_control_11_4: level("11.4"),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::case::{SentenceType, Sex};
    use crate::domain::dates::DateParts;
    use crate::domain::offences::OffenceTable;
    use crate::domain::predictors::{predict, Band, INPUT_FIELDS};

    fn case() -> CaseDetails {
        CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: "Jordan Fictional".into(),
            crn: "X123456".into(),
            date_of_birth: date(1991, 7, 17),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: date(2021, 12, 12),
            sentence_end_date: date(2023, 12, 11),
        }
    }

    /// domain.md §7's OGRS3 example, as an officer would answer section 1.
    fn worked_example() -> Answers {
        let mut answers = Answers::default();
        answers.add_entry("1.1", "a");
        let entry = answers.entry_mut("1.1", "a").unwrap();
        entry.set("offence", Answer::Text("05000".into()));
        answers.set("1.29", Answer::Date(DateParts::new("5", "aug", "2021")));
        answers.set("1.38", Answer::Date(DateParts::new("12", "12", "2021")));
        answers.set("1.32", Answer::Text("2".into()));
        answers.set("1.8", Answer::Text("21".into()));
        answers.set("1.40", Answer::Text("0".into()));
        answers
    }

    #[test]
    fn every_source_is_a_real_item_and_a_real_input() {
        for (input, code) in INPUT_SOURCES {
            assert!(
                find_item(code).is_some(),
                "{input} comes from unknown item {code}"
            );
            assert!(
                INPUT_FIELDS.iter().any(|field| field.name == *input),
                "{input} is not an input"
            );
        }
    }

    #[test]
    fn the_worked_example_answered_in_the_assessment_gives_ogrs3_11_and_20() {
        let inputs = inputs_from_assessment(&case(), &worked_example());
        let predictions = predict(&inputs, OffenceTable::bundled());
        let ogrs3 = predictions.ogrs3.unwrap();
        assert_eq!(
            (ogrs3.one_year, ogrs3.two_year, ogrs3.band),
            (11, 20, Band::Low)
        );
        let missing: Vec<_> = predictions
            .ogp
            .unwrap_err()
            .missing_inputs()
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(missing.contains(&"unemployed") && missing.contains(&"regular_activities_7_2"));
    }

    #[test]
    fn no_drug_misuse_means_zero_and_hidden_answers_give_nothing() {
        let mut answers = worked_example();
        answers.set("8.4", Answer::Choice("2".into()));
        assert_eq!(
            inputs_from_assessment(&case(), &answers).current_drug_misuse,
            None,
            "8.4 hidden until 8.1"
        );
        answers.set("8.1", Answer::Choice("yes".into()));
        assert_eq!(
            inputs_from_assessment(&case(), &answers).current_drug_misuse,
            Some(2)
        );
        answers.set("8.1", Answer::Choice("no".into()));
        let inputs = inputs_from_assessment(&case(), &answers);
        assert_eq!(
            (inputs.current_drug_misuse, inputs.drug_motivation_8_8),
            (Some(0), Some(0))
        );
    }

    #[test]
    fn yes_no_answers_become_facts() {
        let mut answers = Answers::default();
        answers.set("3.3", Answer::Choice("yes".into()));
        answers.set("4.2", Answer::Choice("no".into()));
        answers.set("2.6", Answer::Choice("yes".into()));
        let inputs = inputs_from_assessment(&case(), &answers);
        assert_eq!(inputs.no_fixed_abode, Some(true));
        assert_eq!(inputs.unemployed, Some(false));
        assert_eq!(inputs.recognises_impact_2_6, Some(true));
        assert_eq!(inputs.psychiatric_treatment, None);
    }
}
