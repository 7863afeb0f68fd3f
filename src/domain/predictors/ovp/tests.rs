//! OVP against domain.md §7: the worked example, every table edge, bands and refusals.

use super::*;
use jiff::civil::date;

/// domain.md §7: male aged 63 at follow-up, 30 sanctions of which 10 violent, recognises impact, no fixed
/// abode, unemployed, all else 0.
fn worked_example() -> PredictorInputs {
    PredictorInputs {
        sex: Some(Sex::Male),
        date_of_birth: Some(date(1958, 5, 1)),
        follow_up_start: Some(date(2021, 6, 1)),
        total_sanctions: Some(30),
        violent_sanctions: Some(10),
        recognises_impact_2_6: Some(true),
        no_fixed_abode: Some(true),
        unemployed: Some(true),
        alcohol_current_9_1: Some(0),
        alcohol_binge_9_2: Some(0),
        psychiatric_treatment: Some(false),
        temper_control_11_4: Some(0),
        pro_criminal_attitudes_12_1: Some(0),
        ..PredictorInputs::default()
    }
}

fn points_of(inputs: PredictorInputs) -> Vec<u32> {
    ovp(&inputs)
        .unwrap()
        .terms
        .into_iter()
        .map(|(_, points)| points)
        .collect()
}

#[test]
fn worked_example_is_39_points_15_and_26_percent_low() {
    let result = ovp(&worked_example()).unwrap();
    assert_eq!(
        (result.static_points, result.dynamic_points, result.points),
        (31, 8, 39)
    );
    assert_eq!(
        (result.one_year, result.two_year, result.band),
        (15, 26, Band::Low)
    );
    assert_eq!(
        points_of(worked_example()),
        [5, 17, 4, 0, 5, 0, 4, 4, 0, 0, 0, 0]
    );
    assert_eq!(result.terms[1].0, "Violent sanctions (10)");
    assert_eq!(result.terms[3].0, "Age at start of follow-up (63)");
}

#[test]
fn violent_sanctions_follow_the_table_then_add_one_each_up_to_25() {
    let expected = [
        (0, 0),
        (1, 4),
        (2, 7),
        (3, 9),
        (4, 11),
        (5, 12),
        (6, 13),
        (17, 24),
        (18, 25),
        (19, 25),
        (400, 25),
    ];
    for (violent, points) in expected {
        assert_eq!(violent_sanction_points(violent), points, "{violent}");
    }
    let inputs = PredictorInputs {
        total_sanctions: Some(3),
        violent_sanctions: Some(3),
        ..worked_example()
    };
    assert_eq!(
        ovp(&inputs).unwrap().terms[1],
        ("Violent sanctions (3)".to_string(), 9)
    );
}

#[test]
fn non_violent_sanctions_band_edges() {
    let expected = [
        (0, 0),
        (2, 0),
        (3, 2),
        (4, 2),
        (5, 3),
        (10, 3),
        (11, 4),
        (20, 4),
        (21, 5),
        (99, 5),
    ];
    for (non_violent, points) in expected {
        let inputs = PredictorInputs {
            total_sanctions: Some(non_violent + 1),
            violent_sanctions: Some(1),
            ..worked_example()
        };
        assert_eq!(points_of(inputs)[2], points, "{non_violent} non-violent");
    }
}

#[test]
fn age_band_edges() {
    let expected = [
        (18, 20),
        (19, 20),
        (20, 17),
        (21, 17),
        (22, 14),
        (23, 14),
        (24, 12),
        (25, 12),
        (26, 10),
        (30, 10),
        (31, 8),
        (35, 8),
        (36, 6),
        (40, 6),
        (41, 4),
        (45, 4),
        (46, 2),
        (50, 2),
        (51, 0),
        (90, 0),
    ];
    for (age, points) in expected {
        assert_eq!(age_points(age), Some(points), "aged {age}");
    }
    assert_eq!(age_points(17), None);
}

#[test]
fn age_counts_whole_years_at_the_start_of_follow_up() {
    let aged = |follow_up_start| PredictorInputs {
        date_of_birth: Some(date(2000, 3, 15)),
        follow_up_start: Some(follow_up_start),
        ..worked_example()
    };
    assert_eq!(
        ovp(&aged(date(2018, 3, 14))),
        Err(PredictorError::UnderEighteenForOvp { age: 17 })
    );
    assert_eq!(points_of(aged(date(2018, 3, 15)))[3], 20);
    assert_eq!(points_of(aged(date(2020, 3, 14)))[3], 20);
    assert_eq!(points_of(aged(date(2020, 3, 15)))[3], 17);
    assert_eq!(points_of(aged(date(2050, 3, 14)))[3], 2);
    assert_eq!(points_of(aged(date(2051, 3, 15)))[3], 0);
}

#[test]
fn sex_and_dynamic_factors() {
    let female = PredictorInputs {
        sex: Some(Sex::Female),
        ..worked_example()
    };
    assert_eq!(points_of(female)[4], 0);
    let everything = PredictorInputs {
        recognises_impact_2_6: Some(false),
        psychiatric_treatment: Some(true),
        temper_control_11_4: Some(2),
        pro_criminal_attitudes_12_1: Some(1),
        alcohol_current_9_1: Some(2),
        alcohol_binge_9_2: Some(2),
        ..worked_example()
    };
    assert_eq!(&points_of(everything)[5..], [4, 4, 4, 10, 4, 6, 3]);
}

#[test]
fn alcohol_points_round_up() {
    let expected = [
        ((0, 0), 0),
        ((1, 0), 3),
        ((1, 1), 5),
        ((2, 1), 8),
        ((2, 2), 10),
    ];
    for ((current, binge), points) in expected {
        let inputs = PredictorInputs {
            alcohol_current_9_1: Some(current),
            alcohol_binge_9_2: Some(binge),
            ..worked_example()
        };
        assert_eq!(points_of(inputs)[8], points, "9.1 {current} 9.2 {binge}");
    }
}

#[test]
fn band_edges() {
    let edges = [
        (1, Band::Low),
        (29, Band::Low),
        (30, Band::Medium),
        (59, Band::Medium),
        (60, Band::High),
        (79, Band::High),
        (80, Band::VeryHigh),
        (99, Band::VeryHigh),
    ];
    for (two_year, expected) in edges {
        assert_eq!(band(two_year), expected, "{two_year}%");
    }
}

#[test]
fn names_every_missing_input() {
    assert_eq!(
        ovp(&PredictorInputs::default()),
        Err(PredictorError::Missing(
            crate::domain::predictors::INPUT_FIELDS
                .iter()
                .map(|field| field.name)
                .filter(|name| NEEDS.contains(name))
                .collect()
        ))
    );
    let inputs = PredictorInputs {
        violent_sanctions: None,
        temper_control_11_4: None,
        ..worked_example()
    };
    assert_eq!(
        ovp(&inputs),
        Err(PredictorError::Missing(vec![
            "violent_sanctions",
            "temper_control_11_4"
        ]))
    );
}

#[test]
fn refuses_impossible_inputs() {
    let cases = [
        (
            PredictorInputs {
                total_sanctions: Some(0),
                violent_sanctions: Some(0),
                ..worked_example()
            },
            PredictorError::NoSanctions,
        ),
        (
            PredictorInputs {
                total_sanctions: Some(2),
                violent_sanctions: Some(3),
                ..worked_example()
            },
            PredictorError::ViolentMoreThanTotal {
                violent: 3,
                total: 2,
            },
        ),
        (
            PredictorInputs {
                follow_up_start: Some(date(1958, 4, 30)),
                ..worked_example()
            },
            PredictorError::FollowUpBeforeBirth,
        ),
        (
            PredictorInputs {
                alcohol_binge_9_2: Some(3),
                ..worked_example()
            },
            PredictorError::OutOfRange {
                input: "alcohol_binge_9_2",
                value: 3,
            },
        ),
        (
            PredictorInputs {
                temper_control_11_4: Some(7),
                ..worked_example()
            },
            PredictorError::OutOfRange {
                input: "temper_control_11_4",
                value: 7,
            },
        ),
    ];
    for (inputs, expected) in cases {
        assert_eq!(ovp(&inputs), Err(expected));
    }
}
