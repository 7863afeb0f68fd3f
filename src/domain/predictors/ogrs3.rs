//! OGRS3: the likelihood of proven reoffending within 1 and 2 years, from static facts only.

use jiff::civil::Date;
use serde::Serialize;

use super::{logistic, percent, Band, NoWeightReason, PredictorError, PredictorInputs};
use crate::domain::case::Sex;
use crate::domain::dates::age_on;
use crate::domain::offences::{OffenceTable, Ogrs3Weight};

/// The inputs OGRS3 needs, by JSON name.
pub(super) const NEEDS: [&str; 7] = [
    "sex",
    "date_of_birth",
    "conviction_date",
    "follow_up_start",
    "total_sanctions",
    "age_at_first_sanction",
    "offence_code",
];

/// The age/sex term by age at the start of follow-up: (youngest age in the band, male, female).
const AGE_SEX_TERMS: [(i32, f64, f64); 11] = [
    (10, 0.0, 0.785),
    (12, 0.08392, 0.61385),
    (14, 0.07578, 0.66952),
    (16, -0.0616, -0.9592),
    (18, -0.6251, -0.8975),
    (21, -1.0515, -1.0285),
    (25, -1.1667, -1.0528),
    (30, -1.326, -1.1291),
    (35, -1.368, -1.4219),
    (40, -1.4997, -1.5247),
    (50, -2.0253, -2.4498),
];
const STATUS_FIRST_SANCTION: f64 = 0.12614;
const STATUS_PREVIOUS_SANCTIONS: f64 = 0.46306;
/// Multiplies ln(sanctions / (10 + years in the criminal career)), the rate-of-offending term.
const OFFENDING_RATE_FACTOR: f64 = 1.25112;
const ONE_YEAR_CONSTANT: f64 = 1.40256;
const TWO_YEAR_CONSTANT: f64 = 2.1217;
/// Each band's lowest 2-year percentage.
const BANDS: [(u8, Band); 4] = [
    (0, Band::Low),
    (50, Band::Medium),
    (75, Band::High),
    (90, Band::VeryHigh),
];
/// The youngest age at first sanction OGRS3 accepts (the age of criminal responsibility).
const YOUNGEST_FIRST_SANCTION: u32 = 10;

/// OGRS3 percentages, band and the terms they came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ogrs3Result {
    /// Likelihood within 1 year, as a whole percentage (1–99).
    pub one_year: u8,
    /// Likelihood within 2 years, as a whole percentage (1–99).
    pub two_year: u8,
    /// The band of the 2-year percentage.
    pub band: Band,
    /// How the percentages were reached.
    pub terms: Ogrs3Terms,
}

/// How OGRS3 was reached, for showing beside the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ogrs3Terms {
    /// Whole years at the date of the current conviction.
    pub age_at_conviction: i32,
    /// Whole years at the start of follow-up.
    pub age_at_follow_up: i32,
    /// From the age/sex table, by age at the start of follow-up.
    pub age_sex: f64,
    /// 0.12614 for a first sanction, 0.46306 otherwise.
    pub status: f64,
    /// 1.25112 × ln(sanctions / (10 + age at conviction − age at first sanction)): the rate of offending.
    pub offending_rate: f64,
    /// The weight of the current offence code, from the offence list.
    pub offence_weight: f64,
    /// The sum of the terms, before each period's constant is added.
    pub x: f64,
}

/// Calculates OGRS3 with the offence weight from `table`.
pub fn ogrs3(
    inputs: &PredictorInputs,
    table: &OffenceTable,
) -> Result<Ogrs3Result, PredictorError> {
    let facts = Facts::gather(inputs).map_err(PredictorError::Missing)?;
    if facts.sanctions < 1 {
        return Err(PredictorError::NoSanctions);
    }
    if facts.age_at_first_sanction < YOUNGEST_FIRST_SANCTION {
        return Err(PredictorError::FirstSanctionUnderTen {
            age: facts.age_at_first_sanction,
        });
    }
    if facts.follow_up_start < facts.born {
        return Err(PredictorError::FollowUpBeforeBirth);
    }
    if facts.convicted < facts.born {
        return Err(PredictorError::ConvictionBeforeBirth);
    }
    if facts.follow_up_start < facts.convicted {
        return Err(PredictorError::FollowUpBeforeConviction);
    }
    let age_at_conviction = age_on(facts.born, facts.convicted);
    let age_at_follow_up = age_on(facts.born, facts.follow_up_start);
    let first = i64::from(facts.age_at_first_sanction);
    if first > i64::from(age_at_conviction) {
        return Err(PredictorError::FirstSanctionAfterConviction {
            age_at_first_sanction: facts.age_at_first_sanction,
            age_at_conviction,
        });
    }
    let offence_weight = offence_weight(facts.offence_code, table)?;

    let age_sex = age_sex_term(facts.sex, age_at_follow_up);
    let status = if facts.sanctions == 1 {
        STATUS_FIRST_SANCTION
    } else {
        STATUS_PREVIOUS_SANCTIONS
    };
    let career_years = 10 + i64::from(age_at_conviction) - first;
    let offending_rate =
        OFFENDING_RATE_FACTOR * (f64::from(facts.sanctions) / career_years as f64).ln();
    let x = age_sex + status + offending_rate + offence_weight;
    let two_year = percent(logistic(x + TWO_YEAR_CONSTANT));
    Ok(Ogrs3Result {
        one_year: percent(logistic(x + ONE_YEAR_CONSTANT)),
        two_year,
        band: band(two_year),
        terms: Ogrs3Terms {
            age_at_conviction,
            age_at_follow_up,
            age_sex,
            status,
            offending_rate,
            offence_weight,
            x,
        },
    })
}

/// The inputs OGRS3 reads, all given.
struct Facts<'a> {
    sex: Sex,
    born: Date,
    convicted: Date,
    follow_up_start: Date,
    sanctions: u32,
    age_at_first_sanction: u32,
    offence_code: &'a str,
}

impl<'a> Facts<'a> {
    fn gather(inputs: &'a PredictorInputs) -> Result<Self, Vec<&'static str>> {
        match inputs {
            PredictorInputs {
                sex: Some(sex),
                date_of_birth: Some(born),
                conviction_date: Some(convicted),
                follow_up_start: Some(follow_up_start),
                total_sanctions: Some(sanctions),
                age_at_first_sanction: Some(age_at_first_sanction),
                offence_code: Some(offence_code),
                ..
            } => Ok(Facts {
                sex: *sex,
                born: *born,
                convicted: *convicted,
                follow_up_start: *follow_up_start,
                sanctions: *sanctions,
                age_at_first_sanction: *age_at_first_sanction,
                offence_code: offence_code.trim(),
            }),
            _ => Err(inputs.missing(&NEEDS)),
        }
    }
}

/// The age/sex term for an age of 10 or over (younger ages take the 10–11 row).
fn age_sex_term(sex: Sex, age: i32) -> f64 {
    let (_, male, female) = AGE_SEX_TERMS
        .iter()
        .rev()
        .find(|(youngest, _, _)| age >= *youngest)
        .unwrap_or(&AGE_SEX_TERMS[0]);
    match sex {
        Sex::Male => *male,
        Sex::Female => *female,
    }
}

fn offence_weight(code: &str, table: &OffenceTable) -> Result<f64, PredictorError> {
    let reason = match table.get(code).map(|offence| offence.ogrs3_weight) {
        Some(Ogrs3Weight::Weight(weight)) => return Ok(weight),
        Some(Ogrs3Weight::TooCoarse) => NoWeightReason::TooCoarse,
        Some(Ogrs3Weight::NotUsable) => NoWeightReason::NotUsable,
        None => NoWeightReason::UnknownCode,
    };
    Err(PredictorError::NoOgrs3Weight {
        code: code.to_string(),
        reason,
    })
}

/// The band of an OGRS3 2-year percentage.
fn band(two_year: u8) -> Band {
    Band::of(two_year, &BANDS)
}

#[cfg(test)]
mod tests;
