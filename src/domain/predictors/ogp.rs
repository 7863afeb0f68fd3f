//! OGP: the likelihood of general reoffending, OGRS3 plus the dynamic factors from the assessment.

use serde::Serialize;

use super::{
    logistic, ogrs3, percent, round_half_up, score_0_to_2, yes_no, Band, PredictorError,
    PredictorInputs,
};
use crate::domain::offences::OffenceTable;

/// The inputs OGP needs besides those of OGRS3, by JSON name.
const NEEDS: [&str; 9] = [
    "no_fixed_abode",
    "unemployed",
    "regular_activities_7_2",
    "current_drug_misuse",
    "drug_motivation_8_8",
    "problem_solving_11_6",
    "awareness_of_consequences_11_7",
    "understands_views_11_9",
    "pro_criminal_attitudes_12_1",
];

/// OGRS3 2-year percentage × 6/10.
const OGRS3_SHARE: (u32, u32) = (6, 10);
const NO_FIXED_ABODE_POINTS: u32 = 5;
const UNEMPLOYED_POINTS: u32 = 5;
/// Points for 7.2 regular activities scored 0, 1, 2.
const REGULAR_ACTIVITIES_POINTS: [u32; 3] = [0, 3, 5];
/// (current drug misuse + 8.8 motivation) × 15/4, i.e. × 3.75.
const DRUG_SHARE: (u32, u32) = (15, 4);
/// (11.6 + 11.7 + 11.9) × 5/6.
const THINKING_SHARE: (u32, u32) = (5, 6);
/// Points for 12.1 pro-criminal attitudes scored 0, 1, 2.
const PRO_CRIMINAL_ATTITUDES_POINTS: [u32; 3] = [0, 3, 5];
/// (slope, constant) of the logistic for each period.
const ONE_YEAR: (f64, f64) = (0.0616, -3.6832);
const TWO_YEAR: (f64, f64) = (0.0616, -3.0795);
/// Each band's lowest 2-year percentage.
const BANDS: [(u8, Band); 4] = [
    (0, Band::Low),
    (34, Band::Medium),
    (67, Band::High),
    (85, Band::VeryHigh),
];

/// OGP percentages, band and the points they came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OgpResult {
    /// Likelihood within 1 year, as a whole percentage (1–99).
    pub one_year: u8,
    /// Likelihood within 2 years, as a whole percentage (1–99).
    pub two_year: u8,
    /// The band of the 2-year percentage.
    pub band: Band,
    /// The total of `terms`.
    pub points: u32,
    /// Each factor as the officer reads it, with its points, e.g. ("Unemployed (4.2): yes", 5).
    pub terms: Vec<(String, u32)>,
}

/// Calculates OGP, with OGRS3 worked out from the same inputs.
///
/// Missing inputs of OGRS3 and OGP are named together; an OGRS3 that cannot be calculated stops OGP.
pub fn ogp(inputs: &PredictorInputs, table: &OffenceTable) -> Result<OgpResult, PredictorError> {
    let needed: Vec<&'static str> = ogrs3::NEEDS.iter().chain(&NEEDS).copied().collect();
    let missing = inputs.missing(&needed);
    if !missing.is_empty() {
        return Err(PredictorError::Missing(missing));
    }
    let facts = Facts::gather(inputs)?;
    let ogrs3 = ogrs3::ogrs3(inputs, table)?;
    Ok(facts.score(ogrs3.two_year))
}

/// Calculates OGP from an OGRS3 2-year percentage (1–99) already known, and the dynamic inputs.
pub fn ogp_from_ogrs3(
    ogrs3_two_year: u8,
    inputs: &PredictorInputs,
) -> Result<OgpResult, PredictorError> {
    Ok(Facts::gather(inputs)?.score(ogrs3_two_year))
}

/// The dynamic inputs OGP reads, all given and each 0–2 item checked.
struct Facts {
    no_fixed_abode: bool,
    unemployed: bool,
    regular_activities: u32,
    drug_misuse: u32,
    drug_motivation: u32,
    problem_solving: u32,
    awareness_of_consequences: u32,
    understands_views: u32,
    pro_criminal_attitudes: u32,
}

impl Facts {
    fn gather(inputs: &PredictorInputs) -> Result<Facts, PredictorError> {
        let PredictorInputs {
            no_fixed_abode: Some(no_fixed_abode),
            unemployed: Some(unemployed),
            regular_activities_7_2: Some(regular_activities),
            current_drug_misuse: Some(drug_misuse),
            drug_motivation_8_8: Some(drug_motivation),
            problem_solving_11_6: Some(problem_solving),
            awareness_of_consequences_11_7: Some(awareness_of_consequences),
            understands_views_11_9: Some(understands_views),
            pro_criminal_attitudes_12_1: Some(pro_criminal_attitudes),
            ..
        } = *inputs
        else {
            return Err(PredictorError::Missing(inputs.missing(&NEEDS)));
        };
        Ok(Facts {
            no_fixed_abode,
            unemployed,
            regular_activities: score_0_to_2("regular_activities_7_2", regular_activities)?,
            drug_misuse: score_0_to_2("current_drug_misuse", drug_misuse)?,
            drug_motivation: score_0_to_2("drug_motivation_8_8", drug_motivation)?,
            problem_solving: score_0_to_2("problem_solving_11_6", problem_solving)?,
            awareness_of_consequences: score_0_to_2(
                "awareness_of_consequences_11_7",
                awareness_of_consequences,
            )?,
            understands_views: score_0_to_2("understands_views_11_9", understands_views)?,
            pro_criminal_attitudes: score_0_to_2(
                "pro_criminal_attitudes_12_1",
                pro_criminal_attitudes,
            )?,
        })
    }

    fn score(&self, ogrs3_two_year: u8) -> OgpResult {
        let ogrs3_points = round_half_up(u32::from(ogrs3_two_year) * OGRS3_SHARE.0, OGRS3_SHARE.1);
        let drug_points = round_half_up(
            (self.drug_misuse + self.drug_motivation) * DRUG_SHARE.0,
            DRUG_SHARE.1,
        );
        let thinking =
            self.problem_solving + self.awareness_of_consequences + self.understands_views;
        let thinking_points = round_half_up(thinking * THINKING_SHARE.0, THINKING_SHARE.1);
        let terms = vec![
            (format!("OGRS3 2-year ({ogrs3_two_year}%)"), ogrs3_points),
            (
                format!("No fixed abode (3.3): {}", yes_no(self.no_fixed_abode)),
                if self.no_fixed_abode {
                    NO_FIXED_ABODE_POINTS
                } else {
                    0
                },
            ),
            (
                format!("Unemployed (4.2): {}", yes_no(self.unemployed)),
                if self.unemployed {
                    UNEMPLOYED_POINTS
                } else {
                    0
                },
            ),
            (
                format!("Regular activities (7.2): {}", self.regular_activities),
                REGULAR_ACTIVITIES_POINTS[self.regular_activities as usize],
            ),
            (
                format!(
                    "Drug misuse: current {} + motivation (8.8) {}",
                    self.drug_misuse, self.drug_motivation
                ),
                drug_points,
            ),
            (
                format!(
                    "Thinking and behaviour: 11.6 {} + 11.7 {} + 11.9 {}",
                    self.problem_solving, self.awareness_of_consequences, self.understands_views
                ),
                thinking_points,
            ),
            (
                format!(
                    "Pro-criminal attitudes (12.1): {}",
                    self.pro_criminal_attitudes
                ),
                PRO_CRIMINAL_ATTITUDES_POINTS[self.pro_criminal_attitudes as usize],
            ),
        ];
        let points = terms.iter().map(|(_, points)| points).sum();
        let two_year = percent(probability(TWO_YEAR, points));
        OgpResult {
            one_year: percent(probability(ONE_YEAR, points)),
            two_year,
            band: band(two_year),
            points,
            terms,
        }
    }
}

fn probability((slope, constant): (f64, f64), points: u32) -> f64 {
    logistic(slope * f64::from(points) + constant)
}

fn band(two_year: u8) -> Band {
    Band::of(two_year, &BANDS)
}

#[cfg(test)]
mod tests;
