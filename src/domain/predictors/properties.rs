//! Properties that hold for any valid inputs: checked with generated cases (native only).

use jiff::civil::{date, Date};
use jiff::ToSpan;
use proptest::prelude::*;

use super::{ogp, ogrs3, ovp, PredictorInputs};
use crate::domain::case::Sex;
use crate::domain::dates::age_on;
use crate::domain::offences::OffenceTable;

/// Codes with an OGRS3 weight across the range of weights in the offence list.
const WEIGHTED_CODES: [&str; 8] = [
    "07750", "01612", "02800", "00832", "00100", "05000", "05400", "02400",
];

fn sex() -> impl Strategy<Value = Sex> {
    prop_oneof![Just(Sex::Male), Just(Sex::Female)]
}

/// Valid static inputs: a conviction at 10 to 90, follow-up within 5 years, first sanction at 10 or later.
fn static_inputs() -> impl Strategy<Value = PredictorInputs> {
    (
        sex(),
        0i64..25_000,
        3_660i64..33_000,
        0i64..1_900,
        1u32..150,
        0u32..=100,
        prop::sample::select(WEIGHTED_CODES.to_vec()),
    )
        .prop_map(
            |(sex, born_offset, conviction_age_days, follow_up_days, sanctions, first, code)| {
                let born: Date = date(1930, 1, 1) + born_offset.days();
                let convicted = born + conviction_age_days.days();
                let age_at_conviction = age_on(born, convicted).max(10) as u32;
                PredictorInputs {
                    sex: Some(sex),
                    date_of_birth: Some(born),
                    conviction_date: Some(convicted),
                    follow_up_start: Some(convicted + follow_up_days.days()),
                    total_sanctions: Some(sanctions),
                    age_at_first_sanction: Some(10 + first % (age_at_conviction - 9)),
                    offence_code: Some(code.to_string()),
                    ..PredictorInputs::default()
                }
            },
        )
}

/// Valid inputs for all three predictors, with an adult at follow-up.
fn full_inputs() -> impl Strategy<Value = PredictorInputs> {
    (
        static_inputs(),
        any::<[bool; 5]>(),
        prop::array::uniform10(0u8..=2),
        0u32..=200,
    )
        .prop_map(|(inputs, flags, scores, violent)| {
            let sanctions = inputs.total_sanctions.unwrap_or(1);
            PredictorInputs {
                violent_sanctions: Some(violent % (sanctions + 1)),
                no_fixed_abode: Some(flags[0]),
                unemployed: Some(flags[1]),
                recognises_impact_2_6: Some(flags[2]),
                psychiatric_treatment: Some(flags[3]),
                regular_activities_7_2: Some(scores[0]),
                current_drug_misuse: Some(scores[1]),
                drug_motivation_8_8: Some(scores[2]),
                problem_solving_11_6: Some(scores[3]),
                awareness_of_consequences_11_7: Some(scores[4]),
                understands_views_11_9: Some(scores[5]),
                pro_criminal_attitudes_12_1: Some(scores[6]),
                alcohol_current_9_1: Some(scores[7]),
                alcohol_binge_9_2: Some(scores[8]),
                temper_control_11_4: Some(scores[9]),
                ..inputs
            }
        })
}

proptest! {
    #[test]
    fn more_sanctions_never_lower_ogrs3(inputs in static_inputs(), extra in 1u32..50) {
        let table = OffenceTable::bundled();
        let before = ogrs3(&inputs, table).unwrap();
        let more = PredictorInputs {
            total_sanctions: inputs.total_sanctions.map(|sanctions| sanctions + extra),
            ..inputs.clone()
        };
        let after = ogrs3(&more, table).unwrap();
        prop_assert!(after.terms.x > before.terms.x);
        prop_assert!(after.one_year >= before.one_year);
        prop_assert!(after.two_year >= before.two_year);
        prop_assert!(after.band >= before.band);
    }

    #[test]
    fn percentages_stay_within_1_and_99_and_one_year_never_exceeds_two(inputs in full_inputs()) {
        let table = OffenceTable::bundled();
        let ogrs3 = ogrs3(&inputs, table).unwrap();
        let ogp = ogp(&inputs, table).unwrap();
        let mut pairs = vec![(ogrs3.one_year, ogrs3.two_year), (ogp.one_year, ogp.two_year)];
        match ovp(&inputs) {
            Ok(ovp) => pairs.push((ovp.one_year, ovp.two_year)),
            Err(error) => {
                let under_eighteen =
                    matches!(error, super::PredictorError::UnderEighteenForOvp { age } if age < 18);
                prop_assert!(under_eighteen, "{}", error);
            }
        }
        for (one_year, two_year) in pairs {
            prop_assert!((1..=99).contains(&one_year));
            prop_assert!((1..=99).contains(&two_year));
            prop_assert!(one_year <= two_year);
        }
        prop_assert_eq!(ogp.points, ogp.terms.iter().map(|(_, points)| points).sum::<u32>());
    }
}
