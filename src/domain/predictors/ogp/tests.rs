//! OGP against domain.md §7: the worked example, point rounding, tables, bands and refusals.

use super::*;
use crate::domain::case::Sex;
use jiff::civil::date;

/// domain.md §7: unemployed, 7.2 = 1, no drug problem, 11.6 = 1, 11.7 = 1, 11.9 = 0, 12.1 = 1.
fn worked_example() -> PredictorInputs {
    PredictorInputs {
        no_fixed_abode: Some(false),
        unemployed: Some(true),
        regular_activities_7_2: Some(1),
        current_drug_misuse: Some(0),
        drug_motivation_8_8: Some(0),
        problem_solving_11_6: Some(1),
        awareness_of_consequences_11_7: Some(1),
        understands_views_11_9: Some(0),
        pro_criminal_attitudes_12_1: Some(1),
        ..PredictorInputs::default()
    }
}

/// Static inputs giving OGRS3 68 % / 81 %: male aged 19, 10 sanctions, first at 12, weight 0.1599.
fn with_ogrs3_of_81(dynamic: PredictorInputs) -> PredictorInputs {
    PredictorInputs {
        sex: Some(Sex::Male),
        date_of_birth: Some(date(2002, 1, 10)),
        conviction_date: Some(date(2021, 3, 1)),
        follow_up_start: Some(date(2021, 6, 1)),
        total_sanctions: Some(10),
        age_at_first_sanction: Some(12),
        offence_code: Some("05000".into()),
        ..dynamic
    }
}

#[test]
fn worked_example_is_62_points_53_and_68_percent_high() {
    let result = ogp_from_ogrs3(81, &worked_example()).unwrap();
    assert_eq!(result.points, 62);
    assert_eq!(
        (result.one_year, result.two_year, result.band),
        (53, 68, Band::High)
    );
    let points: Vec<u32> = result.terms.iter().map(|(_, points)| *points).collect();
    assert_eq!(points, [49, 0, 5, 3, 0, 2, 3]);
    assert_eq!(result.terms[2].0, "Unemployed (4.2): yes");
}

#[test]
fn worked_example_from_the_static_inputs() {
    let inputs = with_ogrs3_of_81(worked_example());
    assert_eq!(
        ogrs3::ogrs3(&inputs, OffenceTable::bundled())
            .unwrap()
            .two_year,
        81
    );
    let result = ogp(&inputs, OffenceTable::bundled()).unwrap();
    assert_eq!(
        (result.points, result.one_year, result.two_year),
        (62, 53, 68)
    );
}

#[test]
fn points_round_half_up() {
    let points = |inputs: PredictorInputs| ogp_from_ogrs3(1, &inputs).unwrap().terms;
    // 11.6 + 11.7 + 11.9 = 3 → 2.5 → 3; drugs 1 + 1 = 2 → 7.5 → 8.
    let terms = points(PredictorInputs {
        problem_solving_11_6: Some(2),
        awareness_of_consequences_11_7: Some(1),
        understands_views_11_9: Some(0),
        current_drug_misuse: Some(1),
        drug_motivation_8_8: Some(1),
        ..worked_example()
    });
    assert_eq!((terms[4].1, terms[5].1), (8, 3));
    // drugs 1 → 3.75 → 4; 3 → 11.25 → 11; 4 → 15.  thinking 1 → 0.83 → 1; 4 → 3.33 → 3; 6 → 5.
    for (drugs, thinking, expected) in [(1, 1, (4, 1)), (3, 4, (11, 3)), (4, 6, (15, 5))] {
        let terms = points(PredictorInputs {
            current_drug_misuse: Some(drugs.min(2)),
            drug_motivation_8_8: Some(drugs - drugs.min(2)),
            problem_solving_11_6: Some(thinking.min(2)),
            awareness_of_consequences_11_7: Some((thinking - thinking.min(2)).min(2)),
            understands_views_11_9: Some(thinking.saturating_sub(4)),
            ..worked_example()
        });
        assert_eq!((terms[4].1, terms[5].1), expected);
    }
    // OGRS3 share: 81 × 0.6 = 48.6 → 49; 80 → 48; 1 → 0.6 → 1.
    assert_eq!(
        ogp_from_ogrs3(80, &worked_example()).unwrap().terms[0].1,
        48
    );
    assert_eq!(ogp_from_ogrs3(1, &worked_example()).unwrap().terms[0].1, 1);
}

#[test]
fn table_items_score_by_their_tables() {
    for (value, expected) in [(0, 0), (1, 3), (2, 5)] {
        let result = ogp_from_ogrs3(
            50,
            &PredictorInputs {
                regular_activities_7_2: Some(value),
                pro_criminal_attitudes_12_1: Some(value),
                ..worked_example()
            },
        )
        .unwrap();
        assert_eq!((result.terms[3].1, result.terms[6].1), (expected, expected));
    }
}

#[test]
fn band_edges() {
    let edges = [
        (1, Band::Low),
        (33, Band::Low),
        (34, Band::Medium),
        (66, Band::Medium),
        (67, Band::High),
        (84, Band::High),
        (85, Band::VeryHigh),
        (99, Band::VeryHigh),
    ];
    for (two_year, expected) in edges {
        assert_eq!(band(two_year), expected, "{two_year}%");
    }
}

#[test]
fn fewest_and_most_points() {
    let none = ogp_from_ogrs3(
        1,
        &PredictorInputs {
            unemployed: Some(false),
            regular_activities_7_2: Some(0),
            problem_solving_11_6: Some(0),
            awareness_of_consequences_11_7: Some(0),
            pro_criminal_attitudes_12_1: Some(0),
            ..worked_example()
        },
    )
    .unwrap();
    assert_eq!((none.points, none.one_year, none.two_year), (1, 3, 5));
    let all = PredictorInputs {
        no_fixed_abode: Some(true),
        unemployed: Some(true),
        regular_activities_7_2: Some(2),
        current_drug_misuse: Some(2),
        drug_motivation_8_8: Some(2),
        problem_solving_11_6: Some(2),
        awareness_of_consequences_11_7: Some(2),
        understands_views_11_9: Some(2),
        pro_criminal_attitudes_12_1: Some(2),
        ..PredictorInputs::default()
    };
    let most = ogp_from_ogrs3(99, &all).unwrap();
    assert_eq!(most.points, 59 + 5 + 5 + 5 + 15 + 5 + 5);
    assert_eq!(
        (most.one_year, most.two_year, most.band),
        (92, 95, Band::VeryHigh)
    );
}

#[test]
fn names_missing_inputs_of_ogrs3_and_ogp_together() {
    let inputs = PredictorInputs {
        sex: None,
        unemployed: None,
        ..with_ogrs3_of_81(worked_example())
    };
    assert_eq!(
        ogp(&inputs, OffenceTable::bundled()),
        Err(PredictorError::Missing(vec!["sex", "unemployed"]))
    );
    let Err(PredictorError::Missing(all)) =
        ogp(&PredictorInputs::default(), OffenceTable::bundled())
    else {
        panic!("every input is missing");
    };
    assert_eq!(all.len(), 16);
}

#[test]
fn refuses_scores_above_2_and_passes_on_ogrs3_errors() {
    let inputs = PredictorInputs {
        understands_views_11_9: Some(3),
        ..with_ogrs3_of_81(worked_example())
    };
    assert_eq!(
        ogp(&inputs, OffenceTable::bundled()),
        Err(PredictorError::OutOfRange {
            input: "understands_views_11_9",
            value: 3
        })
    );
    let inputs = PredictorInputs {
        total_sanctions: Some(0),
        ..with_ogrs3_of_81(worked_example())
    };
    assert_eq!(
        ogp(&inputs, OffenceTable::bundled()),
        Err(PredictorError::NoSanctions)
    );
}
