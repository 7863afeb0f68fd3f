//! The actuarial predictors an officer reads beside the assessment: OGRS3 (proven reoffending), OGP (general
//! reoffending) and OVP (violent reoffending), as set out in `docs/domain.md` §7.
//!
//! Predictors are decision support: each result carries its points or terms so the screen can show how it
//! was reached, and a predictor that cannot be calculated says why in a sentence, naming any missing input.
//!
//! ```
//! use probation_workbook::domain::offences::OffenceTable;
//! use probation_workbook::domain::predictors::{predict, Band, PredictorInputs};
//! let inputs: PredictorInputs = serde_json::from_str(r#"{
//!     "sex": "male", "date_of_birth": "1991-07-17", "conviction_date": "2021-08-05",
//!     "follow_up_start": "2021-12-12", "total_sanctions": 2, "age_at_first_sanction": 21,
//!     "offence_code": "05000"
//! }"#).unwrap();
//! let predictions = predict(&inputs, OffenceTable::bundled());
//! let ogrs3 = predictions.ogrs3.unwrap();
//! assert_eq!((ogrs3.one_year, ogrs3.two_year, ogrs3.band), (11, 20, Band::Low));
//! assert!(predictions.ogp.unwrap_err().missing_inputs().len() > 0);
//! ```

mod error;
mod from_assessment;
mod inputs;
mod ogp;
mod ogrs3;
mod ovp;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

use serde::{Deserialize, Serialize};

use super::offences::OffenceTable;

pub use error::{NoWeightReason, PredictorError};
pub use from_assessment::{inputs_from_assessment, source_of, INPUT_SOURCES};
pub use inputs::{input_field, InputField, PredictorInputs, INPUT_FIELDS};
pub use ogp::{ogp, ogp_from_ogrs3, OgpResult};
pub use ogrs3::{ogrs3, Ogrs3Result, Ogrs3Terms};
pub use ovp::{ovp, OvpResult};

/// The band a predictor's 2-year percentage falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Medium,
    High,
    /// "very_high" in JSON.
    VeryHigh,
}

impl Band {
    /// The words on screen, e.g. "Very high".
    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "Low",
            Band::Medium => "Medium",
            Band::High => "High",
            Band::VeryHigh => "Very high",
        }
    }

    /// The name in JSON, e.g. "very_high".
    pub fn code(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::VeryHigh => "very_high",
        }
    }

    /// The band of `percent`, given each band's lowest percentage in rising order.
    fn of(percent: u8, lowest: &[(u8, Band)]) -> Band {
        lowest
            .iter()
            .rev()
            .find(|(from, _)| percent >= *from)
            .map_or(Band::Low, |(_, band)| *band)
    }
}

/// All three predictors for one set of inputs; each succeeds or says why not on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Predictions {
    /// Proven reoffending.
    pub ogrs3: Result<Ogrs3Result, PredictorError>,
    /// General reoffending.
    pub ogp: Result<OgpResult, PredictorError>,
    /// Violent reoffending.
    pub ovp: Result<OvpResult, PredictorError>,
}

/// Calculates OGRS3, OGP and OVP from the same inputs.
pub fn predict(inputs: &PredictorInputs, table: &OffenceTable) -> Predictions {
    Predictions {
        ogrs3: ogrs3(inputs, table),
        ogp: ogp(inputs, table),
        ovp: ovp(inputs),
    }
}

impl Predictions {
    /// The pretty JSON `workbook predict` prints: per predictor its percentages and band (and points for
    /// OGP and OVP), or `{"error": sentence}` with `"missing": [json names]` when inputs are missing.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("predictions always serialise")
    }
}

/// Serialises in the shape of [`Predictions::to_json`], keys in reading order.
impl Serialize for Predictions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            ogrs3: Outcome<'a>,
            ogp: Outcome<'a>,
            ovp: Outcome<'a>,
        }
        let shape = Shape {
            ogrs3: Outcome::of(&self.ogrs3, |r| (r.one_year, r.two_year, r.band, None)),
            ogp: Outcome::of(&self.ogp, |r| {
                (r.one_year, r.two_year, r.band, Some(r.points))
            }),
            ovp: Outcome::of(&self.ovp, |r| {
                (r.one_year, r.two_year, r.band, Some(r.points))
            }),
        };
        shape.serialize(serializer)
    }
}

/// One predictor in the command line's output.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome<'a> {
    Calculated {
        one_year: u8,
        two_year: u8,
        band: Band,
        #[serde(skip_serializing_if = "Option::is_none")]
        points: Option<u32>,
    },
    NotCalculated {
        error: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        missing: Option<&'a [&'static str]>,
    },
}

impl<'a> Outcome<'a> {
    fn of<T>(
        outcome: &'a Result<T, PredictorError>,
        summary: impl Fn(&T) -> (u8, u8, Band, Option<u32>),
    ) -> Outcome<'a> {
        match outcome {
            Ok(result) => {
                let (one_year, two_year, band, points) = summary(result);
                Outcome::Calculated {
                    one_year,
                    two_year,
                    band,
                    points,
                }
            }
            Err(error) => Outcome::NotCalculated {
                error: error.to_string(),
                missing: match error {
                    PredictorError::Missing(names) => Some(names),
                    _ => None,
                },
            },
        }
    }
}

/// A probability as the whole percentage officers read: ×100, rounded half-up, kept within 1–99.
pub fn percent(probability: f64) -> u8 {
    (probability * 100.0).round().clamp(1.0, 99.0) as u8
}

fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// `numerator / denominator` rounded half-up, in whole numbers so no float can land just below a half.
fn round_half_up(numerator: u32, denominator: u32) -> u32 {
    (2 * numerator + denominator) / (2 * denominator)
}

/// `numerator / denominator` rounded up.
fn round_up(numerator: u32, denominator: u32) -> u32 {
    numerator.div_ceil(denominator)
}

/// Checks an item scored 0–2 and returns it as points.
fn score_0_to_2(input: &'static str, value: u8) -> Result<u32, PredictorError> {
    if value <= 2 {
        Ok(u32::from(value))
    } else {
        Err(PredictorError::OutOfRange { input, value })
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(0.125), 13);
        assert_eq!(percent(0.375), 38);
        assert_eq!(percent(0.625), 63);
        assert_eq!(percent(0.1249), 12);
        assert_eq!(percent(0.2), 20);
    }

    #[test]
    fn percentages_are_clamped_to_1_and_99() {
        assert_eq!(percent(0.0), 1);
        assert_eq!(percent(0.004), 1);
        assert_eq!(percent(0.02), 2);
        assert_eq!(percent(0.98), 98);
        assert_eq!(percent(0.99), 99);
        assert_eq!(percent(0.9951), 99);
        assert_eq!(percent(1.0), 99);
    }

    #[test]
    fn whole_number_rounding() {
        assert_eq!(round_half_up(5, 2), 3);
        assert_eq!(round_half_up(7, 3), 2);
        assert_eq!(round_half_up(8, 3), 3);
        assert_eq!(round_half_up(0, 6), 0);
        assert_eq!(round_up(5, 2), 3);
        assert_eq!(round_up(4, 2), 2);
        assert_eq!(round_up(0, 2), 0);
    }

    #[test]
    fn items_must_score_0_to_2() {
        assert_eq!(score_0_to_2("temper_control_11_4", 2), Ok(2));
        assert_eq!(
            score_0_to_2("temper_control_11_4", 3),
            Err(PredictorError::OutOfRange {
                input: "temper_control_11_4",
                value: 3
            })
        );
    }

    #[test]
    fn bands_have_labels_and_json_names() {
        assert_eq!(Band::VeryHigh.label(), "Very high");
        assert_eq!(serde_json::to_value(Band::VeryHigh).unwrap(), "very_high");
        for band in [Band::Low, Band::Medium, Band::High, Band::VeryHigh] {
            assert_eq!(serde_json::to_value(band).unwrap(), band.code());
        }
    }

    #[test]
    fn missing_inputs_are_named_in_the_json() {
        let predictions = predict(&PredictorInputs::default(), OffenceTable::bundled());
        let json: serde_json::Value = serde_json::from_str(&predictions.to_json()).unwrap();
        assert!(json["ogrs3"]["error"]
            .as_str()
            .unwrap()
            .starts_with("Some inputs are missing: Sex, Date of birth"));
        assert_eq!(json["ogrs3"]["missing"][0], "sex");
        assert_eq!(json["ovp"]["missing"].as_array().unwrap().len(), 13);
        let refused = Predictions {
            ogrs3: Err(PredictorError::NoSanctions),
            ogp: Err(PredictorError::NoSanctions),
            ovp: Err(PredictorError::NoSanctions),
        };
        assert_eq!(
            serde_json::to_value(&refused).unwrap()["ovp"],
            serde_json::json!({
                "error": "Total sanctions must be at least 1: it includes the current sanction."
            })
        );
    }

    #[test]
    fn results_print_in_reading_order() {
        let inputs: PredictorInputs = serde_json::from_str(
            r#"{"sex": "male", "date_of_birth": "1991-07-17", "conviction_date": "2021-08-05",
                "follow_up_start": "2021-12-12", "total_sanctions": 2, "age_at_first_sanction": 21,
                "offence_code": "05000"}"#,
        )
        .unwrap();
        let text = serde_json::to_string(&predict(&inputs, OffenceTable::bundled())).unwrap();
        assert!(
            text.starts_with(
                r#"{"ogrs3":{"one_year":11,"two_year":20,"band":"low"},"ogp":{"error":"#
            ),
            "{text}"
        );
    }
}
