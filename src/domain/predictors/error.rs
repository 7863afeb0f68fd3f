//! Why a predictor cannot be calculated, in sentences an officer can act on.

use super::inputs::{input_field, InputField};

/// Why the offence code gives OGRS3 no offence weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoWeightReason {
    /// The code is too coarse: the exact offence is needed (a blank weight in the offence list).
    TooCoarse,
    /// The offence list says the code cannot be used for OGRS3 (`999`).
    NotUsable,
    /// The code is not in the offence list.
    UnknownCode,
}

/// Why a predictor cannot be calculated from the inputs given.
///
/// ```
/// use probation_workbook::domain::predictors::PredictorError;
/// let error = PredictorError::Missing(vec!["sex", "offence_code"]);
/// assert_eq!(error.to_string(), "Some inputs are missing: Sex and Current offence code.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PredictorError {
    /// Inputs not given, by JSON name (see [`PredictorError::missing_inputs`] for their labels).
    #[error("Some inputs are missing: {}.", and_list(&labels(.0)))]
    Missing(Vec<&'static str>),
    #[error(
        "The age at first sanction ({age_at_first_sanction}) is after the age at the current conviction \
         ({age_at_conviction})."
    )]
    FirstSanctionAfterConviction {
        age_at_first_sanction: u32,
        age_at_conviction: i32,
    },
    #[error("The start of follow-up is before the date of birth.")]
    FollowUpBeforeBirth,
    #[error("The date of the current conviction is before the date of birth.")]
    ConvictionBeforeBirth,
    #[error("The start of follow-up is before the date of the current conviction.")]
    FollowUpBeforeConviction,
    #[error("OVP is not defined for people under 18: the age at the start of follow-up is {age}.")]
    UnderEighteenForOvp { age: i32 },
    #[error("{}", no_weight_sentence(.code, .reason))]
    NoOgrs3Weight {
        code: String,
        reason: NoWeightReason,
    },
    #[error("There are more violent sanctions ({violent}) than sanctions in all ({total}).")]
    ViolentMoreThanTotal { violent: u32, total: u32 },
    #[error("Total sanctions must be at least 1: it includes the current sanction.")]
    NoSanctions,
    #[error("The age at first sanction must be 10 or over; it is {age}.")]
    FirstSanctionUnderTen { age: u32 },
    #[error("{} must be 0, 1 or 2; it is {value}.", label(.input))]
    OutOfRange { input: &'static str, value: u8 },
}

impl PredictorError {
    /// The inputs still needed, with their labels; empty for every other error.
    pub fn missing_inputs(&self) -> Vec<InputField> {
        match self {
            PredictorError::Missing(names) => {
                names.iter().filter_map(|name| input_field(name)).collect()
            }
            _ => Vec::new(),
        }
    }
}

fn label(name: &str) -> &'static str {
    input_field(name).map_or("An input", |field| field.label)
}

fn labels(names: &[&'static str]) -> Vec<&'static str> {
    names.iter().map(|name| label(name)).collect()
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn no_weight_sentence(code: &str, reason: &NoWeightReason) -> String {
    match reason {
        NoWeightReason::TooCoarse => format!(
            "Offence code {code} is too general for OGRS3: choose the code of the exact offence."
        ),
        NoWeightReason::NotUsable => format!("Offence code {code} cannot be used for OGRS3."),
        NoWeightReason::UnknownCode => format!("Offence code {code} is not in the offence list."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_inputs_are_listed_by_label() {
        let error = PredictorError::Missing(vec!["sex", "date_of_birth", "offence_code"]);
        assert_eq!(
            error.to_string(),
            "Some inputs are missing: Sex, Date of birth and Current offence code."
        );
        let fields = error.missing_inputs();
        assert_eq!(fields.len(), 3);
        assert_eq!(fields[1].name, "date_of_birth");
        assert_eq!(fields[1].label, "Date of birth");
        assert!(PredictorError::NoSanctions.missing_inputs().is_empty());
    }

    #[test]
    fn every_error_is_a_plain_sentence() {
        let errors = [
            PredictorError::FirstSanctionAfterConviction {
                age_at_first_sanction: 31,
                age_at_conviction: 30,
            },
            PredictorError::FollowUpBeforeBirth,
            PredictorError::ConvictionBeforeBirth,
            PredictorError::FollowUpBeforeConviction,
            PredictorError::UnderEighteenForOvp { age: 17 },
            PredictorError::NoOgrs3Weight {
                code: "02800".into(),
                reason: NoWeightReason::TooCoarse,
            },
            PredictorError::ViolentMoreThanTotal {
                violent: 3,
                total: 2,
            },
            PredictorError::NoSanctions,
            PredictorError::FirstSanctionUnderTen { age: 9 },
            PredictorError::OutOfRange {
                input: "temper_control_11_4",
                value: 3,
            },
        ];
        for error in errors {
            let sentence = error.to_string();
            assert!(sentence.ends_with('.'), "{sentence}");
            assert!(sentence.starts_with(char::is_uppercase), "{sentence}");
        }
        assert_eq!(
            PredictorError::OutOfRange {
                input: "temper_control_11_4",
                value: 3
            }
            .to_string(),
            "Temper control (11.4) must be 0, 1 or 2; it is 3."
        );
    }

    #[test]
    fn says_why_an_offence_has_no_weight() {
        let sentence = |reason| {
            PredictorError::NoOgrs3Weight {
                code: "12345".into(),
                reason,
            }
            .to_string()
        };
        assert!(sentence(NoWeightReason::TooCoarse).contains("exact offence"));
        assert!(sentence(NoWeightReason::NotUsable).contains("cannot be used"));
        assert!(sentence(NoWeightReason::UnknownCode).contains("not in the offence list"));
    }
}
