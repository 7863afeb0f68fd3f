//! OGRS3 against domain.md §7: the worked example, age bands, bands, clamping and refusals.

use super::*;
use jiff::civil::date;

/// domain.md §7: male, born 1991-07-17, convicted 2021-08-05, follow-up from 2021-12-12, 2 sanctions,
/// first at 21, weight 0.1599 (code 05000).
fn worked_example() -> PredictorInputs {
    PredictorInputs {
        sex: Some(Sex::Male),
        date_of_birth: Some(date(1991, 7, 17)),
        conviction_date: Some(date(2021, 8, 5)),
        follow_up_start: Some(date(2021, 12, 12)),
        total_sanctions: Some(2),
        age_at_first_sanction: Some(21),
        offence_code: Some("05000".into()),
        ..PredictorInputs::default()
    }
}

fn calculate(inputs: &PredictorInputs) -> Result<Ogrs3Result, PredictorError> {
    ogrs3(inputs, OffenceTable::bundled())
}

#[test]
fn worked_example_is_11_and_20_percent_low() {
    let result = calculate(&worked_example()).unwrap();
    assert_eq!(
        (result.one_year, result.two_year, result.band),
        (11, 20, Band::Low)
    );
    let terms = result.terms;
    assert_eq!((terms.age_at_conviction, terms.age_at_follow_up), (30, 30));
    assert_eq!(terms.age_sex, -1.326);
    assert_eq!(terms.status, 0.46306);
    assert_eq!(terms.offence_weight, 0.1599);
    assert!((terms.offending_rate - 1.25112 * (2.0f64 / 19.0).ln()).abs() < 1e-12);
    assert!((terms.x - -3.51969).abs() < 1e-4, "{}", terms.x);
}

#[test]
fn age_sex_term_changes_at_each_band_edge() {
    for pair in AGE_SEX_TERMS.windows(2) {
        let ((last_age, last_male, last_female), (first_age, male, female)) = (pair[0], pair[1]);
        assert_eq!(age_sex_term(Sex::Male, first_age - 1), last_male);
        assert_eq!(age_sex_term(Sex::Female, first_age - 1), last_female);
        assert_eq!(age_sex_term(Sex::Male, first_age), male);
        assert_eq!(age_sex_term(Sex::Female, first_age), female);
        assert_eq!(age_sex_term(Sex::Male, last_age), last_male);
    }
    assert_eq!(age_sex_term(Sex::Male, 17), -0.0616);
    assert_eq!(age_sex_term(Sex::Male, 18), -0.6251);
    assert_eq!(age_sex_term(Sex::Female, 20), -0.8975);
    assert_eq!(age_sex_term(Sex::Female, 21), -1.0285);
    assert_eq!(age_sex_term(Sex::Male, 49), -1.4997);
    assert_eq!(age_sex_term(Sex::Male, 50), -2.0253);
    assert_eq!(age_sex_term(Sex::Female, 95), -2.4498);
}

#[test]
fn age_at_follow_up_counts_whole_years_from_the_birthday() {
    let at = |sex, follow_up_start| {
        let inputs = PredictorInputs {
            sex: Some(sex),
            date_of_birth: Some(date(2000, 3, 15)),
            conviction_date: Some(date(2010, 3, 15)),
            follow_up_start: Some(follow_up_start),
            total_sanctions: Some(3),
            age_at_first_sanction: Some(10),
            ..worked_example()
        };
        let terms = calculate(&inputs).unwrap().terms;
        (terms.age_at_follow_up, terms.age_sex)
    };
    assert_eq!(at(Sex::Male, date(2018, 3, 14)), (17, -0.0616));
    assert_eq!(at(Sex::Male, date(2018, 3, 15)), (18, -0.6251));
    assert_eq!(at(Sex::Female, date(2021, 3, 14)), (20, -0.8975));
    assert_eq!(at(Sex::Female, date(2021, 3, 15)), (21, -1.0285));
    assert_eq!(at(Sex::Male, date(2050, 3, 14)), (49, -1.4997));
    assert_eq!(at(Sex::Male, date(2050, 3, 15)), (50, -2.0253));
    assert_eq!(at(Sex::Female, date(2050, 3, 15)), (50, -2.4498));
}

#[test]
fn band_edges() {
    let edges = [
        (1, Band::Low),
        (49, Band::Low),
        (50, Band::Medium),
        (74, Band::Medium),
        (75, Band::High),
        (89, Band::High),
        (90, Band::VeryHigh),
        (99, Band::VeryHigh),
    ];
    for (two_year, expected) in edges {
        assert_eq!(band(two_year), expected, "{two_year}%");
    }
}

#[test]
fn a_first_sanction_has_the_lower_status() {
    let inputs = PredictorInputs {
        total_sanctions: Some(1),
        ..worked_example()
    };
    assert_eq!(calculate(&inputs).unwrap().terms.status, 0.12614);
}

#[test]
fn percentages_are_clamped_to_1_and_99() {
    let lowest = PredictorInputs {
        date_of_birth: Some(date(1930, 1, 1)),
        conviction_date: Some(date(2020, 1, 1)),
        follow_up_start: Some(date(2020, 1, 1)),
        total_sanctions: Some(1),
        age_at_first_sanction: Some(10),
        offence_code: Some("07750".into()),
        ..worked_example()
    };
    let result = calculate(&lowest).unwrap();
    assert!(logistic(result.terms.x + ONE_YEAR_CONSTANT) < 0.005);
    assert_eq!(result.one_year, 1);
    let highest = PredictorInputs {
        sex: Some(Sex::Female),
        date_of_birth: Some(date(2008, 1, 1)),
        conviction_date: Some(date(2020, 1, 1)),
        follow_up_start: Some(date(2020, 1, 1)),
        total_sanctions: Some(200),
        age_at_first_sanction: Some(10),
        offence_code: Some("02400".into()),
        ..PredictorInputs::default()
    };
    let result = calculate(&highest).unwrap();
    assert!(logistic(result.terms.x + TWO_YEAR_CONSTANT) > 0.995);
    assert_eq!((result.two_year, result.band), (99, Band::VeryHigh));
}

#[test]
fn names_every_missing_input() {
    assert_eq!(
        calculate(&PredictorInputs::default()),
        Err(PredictorError::Missing(NEEDS.to_vec()))
    );
    let inputs = PredictorInputs {
        offence_code: None,
        total_sanctions: None,
        ..worked_example()
    };
    assert_eq!(
        calculate(&inputs),
        Err(PredictorError::Missing(vec![
            "total_sanctions",
            "offence_code"
        ]))
    );
}

#[test]
fn refuses_impossible_inputs() {
    let cases = [
        (
            PredictorInputs {
                total_sanctions: Some(0),
                ..worked_example()
            },
            PredictorError::NoSanctions,
        ),
        (
            PredictorInputs {
                age_at_first_sanction: Some(9),
                ..worked_example()
            },
            PredictorError::FirstSanctionUnderTen { age: 9 },
        ),
        (
            PredictorInputs {
                age_at_first_sanction: Some(31),
                ..worked_example()
            },
            PredictorError::FirstSanctionAfterConviction {
                age_at_first_sanction: 31,
                age_at_conviction: 30,
            },
        ),
        (
            PredictorInputs {
                follow_up_start: Some(date(1990, 1, 1)),
                ..worked_example()
            },
            PredictorError::FollowUpBeforeBirth,
        ),
        (
            PredictorInputs {
                conviction_date: Some(date(1990, 1, 1)),
                ..worked_example()
            },
            PredictorError::ConvictionBeforeBirth,
        ),
        (
            PredictorInputs {
                follow_up_start: Some(date(2021, 8, 4)),
                ..worked_example()
            },
            PredictorError::FollowUpBeforeConviction,
        ),
    ];
    for (inputs, expected) in cases {
        assert_eq!(calculate(&inputs), Err(expected));
    }
}

#[test]
fn says_why_an_offence_code_has_no_weight() {
    let with_code = |code: &str| PredictorInputs {
        offence_code: Some(code.into()),
        ..worked_example()
    };
    let no_weight = |code: &str, reason| PredictorError::NoOgrs3Weight {
        code: code.into(),
        reason,
    };
    assert!(OffenceTable::bundled().get("99999").is_none());
    assert_eq!(
        calculate(&with_code("00878")),
        Err(no_weight("00878", NoWeightReason::TooCoarse))
    );
    assert_eq!(
        calculate(&with_code("08800")),
        Err(no_weight("08800", NoWeightReason::NotUsable))
    );
    assert_eq!(
        calculate(&with_code(" 99999 ")),
        Err(no_weight("99999", NoWeightReason::UnknownCode))
    );
}
