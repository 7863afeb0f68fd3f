//! OVP: the likelihood of violent reoffending, from static history and dynamic factors.

use jiff::civil::Date;
use serde::Serialize;

use super::{
    logistic, percent, round_up, score_0_to_2, yes_no, Band, PredictorError, PredictorInputs,
};
use crate::domain::case::Sex;
use crate::domain::dates::age_on;

/// The inputs OVP needs, by JSON name.
const NEEDS: [&str; 13] = [
    "sex",
    "date_of_birth",
    "follow_up_start",
    "total_sanctions",
    "violent_sanctions",
    "no_fixed_abode",
    "unemployed",
    "pro_criminal_attitudes_12_1",
    "recognises_impact_2_6",
    "alcohol_current_9_1",
    "alcohol_binge_9_2",
    "psychiatric_treatment",
    "temper_control_11_4",
];

const ANY_SANCTION_POINTS: u32 = 5;
/// Points for 0 to 5 violent sanctions; each one more adds a point, up to [`MOST_VIOLENT_SANCTION_POINTS`].
const VIOLENT_SANCTION_POINTS: [u32; 6] = [0, 4, 7, 9, 11, 12];
/// Reached at 18 violent sanctions.
const MOST_VIOLENT_SANCTION_POINTS: u32 = 25;
/// Non-violent sanctions (total − violent): (fewest in the band, points).
const NON_VIOLENT_SANCTION_POINTS: [(u32, u32); 5] = [(0, 0), (3, 2), (5, 3), (11, 4), (21, 5)];
/// Age at the start of follow-up: (youngest in the band, points). Not defined under 18.
const AGE_POINTS: [(i32, u32); 10] = [
    (18, 20),
    (20, 17),
    (22, 14),
    (24, 12),
    (26, 10),
    (31, 8),
    (36, 6),
    (41, 4),
    (46, 2),
    (51, 0),
];
const MALE_POINTS: u32 = 5;
const DOES_NOT_RECOGNISE_IMPACT_POINTS: u32 = 4;
const NO_FIXED_ABODE_POINTS: u32 = 4;
const UNEMPLOYED_POINTS: u32 = 4;
/// (9.1 + 9.2) × 5/2, rounded up.
const ALCOHOL_SHARE: (u32, u32) = (5, 2);
const PSYCHIATRIC_TREATMENT_POINTS: u32 = 4;
const TEMPER_CONTROL_FACTOR: u32 = 3;
const PRO_CRIMINAL_ATTITUDES_FACTOR: u32 = 3;
/// (slope, constant) of the logistic for each period.
const ONE_YEAR: (f64, f64) = (0.0722, -4.5215);
const TWO_YEAR: (f64, f64) = (0.0722, -3.8773);
/// Each band's lowest 2-year percentage.
const BANDS: [(u8, Band); 4] = [
    (0, Band::Low),
    (30, Band::Medium),
    (60, Band::High),
    (80, Band::VeryHigh),
];

/// OVP percentages, band and the points they came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OvpResult {
    /// Likelihood within 1 year, as a whole percentage (1–99).
    pub one_year: u8,
    /// Likelihood within 2 years, as a whole percentage (1–99).
    pub two_year: u8,
    /// The band of the 2-year percentage.
    pub band: Band,
    /// `static_points` + `dynamic_points`.
    pub points: u32,
    /// From the criminal history, age and sex.
    pub static_points: u32,
    /// From the assessment.
    pub dynamic_points: u32,
    /// Each factor as the officer reads it, static first, e.g. ("Violent sanctions (3)", 9).
    pub terms: Vec<(String, u32)>,
}

/// Calculates OVP; it is not defined for anyone under 18 at the start of follow-up.
pub fn ovp(inputs: &PredictorInputs) -> Result<OvpResult, PredictorError> {
    let facts = Facts::gather(inputs)?;
    if facts.sanctions < 1 {
        return Err(PredictorError::NoSanctions);
    }
    if facts.violent_sanctions > facts.sanctions {
        return Err(PredictorError::ViolentMoreThanTotal {
            violent: facts.violent_sanctions,
            total: facts.sanctions,
        });
    }
    if facts.follow_up_start < facts.born {
        return Err(PredictorError::FollowUpBeforeBirth);
    }
    let age = age_on(facts.born, facts.follow_up_start);
    let age_points = age_points(age).ok_or(PredictorError::UnderEighteenForOvp { age })?;
    let non_violent = facts.sanctions - facts.violent_sanctions;

    let static_terms = vec![
        ("Any sanction".to_string(), ANY_SANCTION_POINTS),
        (
            format!("Violent sanctions ({})", facts.violent_sanctions),
            violent_sanction_points(facts.violent_sanctions),
        ),
        (
            format!("Non-violent sanctions ({non_violent})"),
            from_bands(non_violent, &NON_VIOLENT_SANCTION_POINTS),
        ),
        (format!("Age at start of follow-up ({age})"), age_points),
        (
            format!("Sex ({})", facts.sex.code()),
            if facts.sex == Sex::Male {
                MALE_POINTS
            } else {
                0
            },
        ),
    ];
    let alcohol = facts.alcohol_current + facts.alcohol_binge;
    let dynamic_terms = vec![
        (
            format!(
                "Recognises the impact of offending (2.6): {}",
                yes_no(facts.recognises_impact)
            ),
            if facts.recognises_impact {
                0
            } else {
                DOES_NOT_RECOGNISE_IMPACT_POINTS
            },
        ),
        (
            format!("No fixed abode (3.3): {}", yes_no(facts.no_fixed_abode)),
            if facts.no_fixed_abode {
                NO_FIXED_ABODE_POINTS
            } else {
                0
            },
        ),
        (
            format!("Unemployed (4.2): {}", yes_no(facts.unemployed)),
            if facts.unemployed {
                UNEMPLOYED_POINTS
            } else {
                0
            },
        ),
        (
            format!(
                "Alcohol misuse: 9.1 {} + 9.2 {}",
                facts.alcohol_current, facts.alcohol_binge
            ),
            round_up(alcohol * ALCOHOL_SHARE.0, ALCOHOL_SHARE.1),
        ),
        (
            format!(
                "Current psychiatric treatment: {}",
                yes_no(facts.psychiatric_treatment)
            ),
            if facts.psychiatric_treatment {
                PSYCHIATRIC_TREATMENT_POINTS
            } else {
                0
            },
        ),
        (
            format!("Temper control (11.4): {}", facts.temper_control),
            facts.temper_control * TEMPER_CONTROL_FACTOR,
        ),
        (
            format!(
                "Pro-criminal attitudes (12.1): {}",
                facts.pro_criminal_attitudes
            ),
            facts.pro_criminal_attitudes * PRO_CRIMINAL_ATTITUDES_FACTOR,
        ),
    ];
    let sum = |terms: &[(String, u32)]| terms.iter().map(|(_, points)| points).sum::<u32>();
    let static_points = sum(&static_terms);
    let dynamic_points = sum(&dynamic_terms);
    let points = static_points + dynamic_points;
    let two_year = percent(probability(TWO_YEAR, points));
    Ok(OvpResult {
        one_year: percent(probability(ONE_YEAR, points)),
        two_year,
        band: band(two_year),
        points,
        static_points,
        dynamic_points,
        terms: static_terms.into_iter().chain(dynamic_terms).collect(),
    })
}

/// The inputs OVP reads, all given and each 0–2 item checked.
struct Facts {
    sex: Sex,
    born: Date,
    follow_up_start: Date,
    sanctions: u32,
    violent_sanctions: u32,
    no_fixed_abode: bool,
    unemployed: bool,
    pro_criminal_attitudes: u32,
    recognises_impact: bool,
    alcohol_current: u32,
    alcohol_binge: u32,
    psychiatric_treatment: bool,
    temper_control: u32,
}

impl Facts {
    fn gather(inputs: &PredictorInputs) -> Result<Facts, PredictorError> {
        let PredictorInputs {
            sex: Some(sex),
            date_of_birth: Some(born),
            follow_up_start: Some(follow_up_start),
            total_sanctions: Some(sanctions),
            violent_sanctions: Some(violent_sanctions),
            no_fixed_abode: Some(no_fixed_abode),
            unemployed: Some(unemployed),
            pro_criminal_attitudes_12_1: Some(pro_criminal_attitudes),
            recognises_impact_2_6: Some(recognises_impact),
            alcohol_current_9_1: Some(alcohol_current),
            alcohol_binge_9_2: Some(alcohol_binge),
            psychiatric_treatment: Some(psychiatric_treatment),
            temper_control_11_4: Some(temper_control),
            ..
        } = *inputs
        else {
            return Err(PredictorError::Missing(inputs.missing(&NEEDS)));
        };
        Ok(Facts {
            sex,
            born,
            follow_up_start,
            sanctions,
            violent_sanctions,
            no_fixed_abode,
            unemployed,
            pro_criminal_attitudes: score_0_to_2(
                "pro_criminal_attitudes_12_1",
                pro_criminal_attitudes,
            )?,
            recognises_impact,
            alcohol_current: score_0_to_2("alcohol_current_9_1", alcohol_current)?,
            alcohol_binge: score_0_to_2("alcohol_binge_9_2", alcohol_binge)?,
            psychiatric_treatment,
            temper_control: score_0_to_2("temper_control_11_4", temper_control)?,
        })
    }
}

fn violent_sanction_points(violent: u32) -> u32 {
    match VIOLENT_SANCTION_POINTS.get(violent as usize) {
        Some(points) => *points,
        None => {
            let beyond_table = violent - (VIOLENT_SANCTION_POINTS.len() as u32 - 1);
            (VIOLENT_SANCTION_POINTS[VIOLENT_SANCTION_POINTS.len() - 1] + beyond_table)
                .min(MOST_VIOLENT_SANCTION_POINTS)
        }
    }
}

/// The points of the band `value` falls in, given each band's lowest value in rising order.
fn from_bands(value: u32, bands: &[(u32, u32)]) -> u32 {
    bands
        .iter()
        .rev()
        .find(|(lowest, _)| value >= *lowest)
        .map_or(0, |(_, points)| *points)
}

/// Points for the age at the start of follow-up; `None` under 18.
fn age_points(age: i32) -> Option<u32> {
    AGE_POINTS
        .iter()
        .rev()
        .find(|(youngest, _)| age >= *youngest)
        .map(|(_, points)| *points)
}

fn probability((slope, constant): (f64, f64), points: u32) -> f64 {
    logistic(slope * f64::from(points) + constant)
}

fn band(two_year: u8) -> Band {
    Band::of(two_year, &BANDS)
}

#[cfg(test)]
mod tests;
