//! What the predictors are calculated from: every input optional, so the ones not yet known can be named.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::case::Sex;

/// The facts the three predictors read, as the command line and the UI hand them over.
///
/// Every field may be missing; each predictor names the inputs it still needs. Scores are 0–2 like the
/// assessment items they come from. Unknown fields are refused, so a misspelt name is caught.
///
/// ```
/// use probation_workbook::domain::predictors::PredictorInputs;
/// let inputs: PredictorInputs = serde_json::from_str(r#"{"sex": "male", "total_sanctions": 2}"#).unwrap();
/// assert_eq!(inputs.total_sanctions, Some(2));
/// assert!(serde_json::from_str::<PredictorInputs>(r#"{"sexx": "male"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictorInputs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
    /// Date of the current conviction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conviction_date: Option<Date>,
    /// Start of the follow-up period: the start of the community sentence or release from custody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_start: Option<Date>,
    /// All sanctions, including the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_sanctions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violent_sanctions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_at_first_sanction: Option<u32>,
    /// The 5-digit Home Office code of the current offence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offence_code: Option<String>,
    /// 3.3: no fixed abode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_fixed_abode: Option<bool>,
    /// 4.2: unemployed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unemployed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regular_activities_7_2: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_drug_misuse: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drug_motivation_8_8: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem_solving_11_6: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub awareness_of_consequences_11_7: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub understands_views_11_9: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pro_criminal_attitudes_12_1: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognises_impact_2_6: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alcohol_current_9_1: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alcohol_binge_9_2: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub psychiatric_treatment: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temper_control_11_4: Option<u8>,
}

/// One input by its JSON name and the label an officer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputField {
    /// The field name in JSON and in `PredictorInputs`, e.g. "regular_activities_7_2".
    pub name: &'static str,
    /// What the officer reads, e.g. "Regular activities (7.2)".
    pub label: &'static str,
}

const fn field(name: &'static str, label: &'static str) -> InputField {
    InputField { name, label }
}

/// Every input, in the order of `PredictorInputs`: the one list of names and labels.
pub const INPUT_FIELDS: [InputField; 22] = [
    field("sex", "Sex"),
    field("date_of_birth", "Date of birth"),
    field("conviction_date", "Date of current conviction"),
    field("follow_up_start", "Start of follow-up"),
    field(
        "total_sanctions",
        "Total sanctions, including the current one",
    ),
    field("violent_sanctions", "Violent sanctions"),
    field("age_at_first_sanction", "Age at first sanction"),
    field("offence_code", "Current offence code"),
    field("no_fixed_abode", "No fixed abode (3.3)"),
    field("unemployed", "Unemployed (4.2)"),
    field("regular_activities_7_2", "Regular activities (7.2)"),
    field("current_drug_misuse", "Current drug misuse"),
    field(
        "drug_motivation_8_8",
        "Motivation to tackle drug misuse (8.8)",
    ),
    field("problem_solving_11_6", "Problem solving skills (11.6)"),
    field(
        "awareness_of_consequences_11_7",
        "Awareness of consequences (11.7)",
    ),
    field(
        "understands_views_11_9",
        "Understands other people's views (11.9)",
    ),
    field(
        "pro_criminal_attitudes_12_1",
        "Pro-criminal attitudes (12.1)",
    ),
    field(
        "recognises_impact_2_6",
        "Recognises the impact of offending (2.6)",
    ),
    field("alcohol_current_9_1", "Current alcohol misuse (9.1)"),
    field("alcohol_binge_9_2", "Binge drinking (9.2)"),
    field("psychiatric_treatment", "Current psychiatric treatment"),
    field("temper_control_11_4", "Temper control (11.4)"),
];

/// The input with this JSON name, e.g. `input_field("sex").unwrap().label == "Sex"`.
pub fn input_field(name: &str) -> Option<InputField> {
    INPUT_FIELDS.into_iter().find(|field| field.name == name)
}

impl PredictorInputs {
    /// Whether each input is given, by JSON name, in the order of [`INPUT_FIELDS`].
    fn given(&self) -> [(&'static str, bool); 22] {
        [
            ("sex", self.sex.is_some()),
            ("date_of_birth", self.date_of_birth.is_some()),
            ("conviction_date", self.conviction_date.is_some()),
            ("follow_up_start", self.follow_up_start.is_some()),
            ("total_sanctions", self.total_sanctions.is_some()),
            ("violent_sanctions", self.violent_sanctions.is_some()),
            (
                "age_at_first_sanction",
                self.age_at_first_sanction.is_some(),
            ),
            ("offence_code", self.offence_code.is_some()),
            ("no_fixed_abode", self.no_fixed_abode.is_some()),
            ("unemployed", self.unemployed.is_some()),
            (
                "regular_activities_7_2",
                self.regular_activities_7_2.is_some(),
            ),
            ("current_drug_misuse", self.current_drug_misuse.is_some()),
            ("drug_motivation_8_8", self.drug_motivation_8_8.is_some()),
            ("problem_solving_11_6", self.problem_solving_11_6.is_some()),
            (
                "awareness_of_consequences_11_7",
                self.awareness_of_consequences_11_7.is_some(),
            ),
            (
                "understands_views_11_9",
                self.understands_views_11_9.is_some(),
            ),
            (
                "pro_criminal_attitudes_12_1",
                self.pro_criminal_attitudes_12_1.is_some(),
            ),
            (
                "recognises_impact_2_6",
                self.recognises_impact_2_6.is_some(),
            ),
            ("alcohol_current_9_1", self.alcohol_current_9_1.is_some()),
            ("alcohol_binge_9_2", self.alcohol_binge_9_2.is_some()),
            (
                "psychiatric_treatment",
                self.psychiatric_treatment.is_some(),
            ),
            ("temper_control_11_4", self.temper_control_11_4.is_some()),
        ]
    }

    /// The JSON names among `needed` that are not given, in the order of [`INPUT_FIELDS`].
    pub(super) fn missing(&self, needed: &[&'static str]) -> Vec<&'static str> {
        self.given()
            .into_iter()
            .filter(|(name, given)| !given && needed.contains(name))
            .map(|(name, _)| name)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_has_one_label_in_struct_order() {
        let names: Vec<&str> = PredictorInputs::default()
            .given()
            .iter()
            .map(|(name, _)| *name)
            .collect();
        let listed: Vec<&str> = INPUT_FIELDS.iter().map(|field| field.name).collect();
        assert_eq!(names, listed);
    }

    #[test]
    fn every_field_name_is_a_json_name() {
        for field in INPUT_FIELDS {
            let json = format!(r#"{{"{}": null}}"#, field.name);
            assert!(
                serde_json::from_str::<PredictorInputs>(&json).is_ok(),
                "{}",
                field.name
            );
        }
        assert_eq!(input_field("sex").map(|field| field.label), Some("Sex"));
        assert_eq!(input_field("nope"), None);
    }

    #[test]
    fn lists_missing_inputs_in_field_order() {
        let inputs = PredictorInputs {
            sex: Some(Sex::Female),
            ..PredictorInputs::default()
        };
        assert_eq!(
            inputs.missing(&["offence_code", "sex", "date_of_birth"]),
            ["date_of_birth", "offence_code"]
        );
    }

    #[test]
    fn reads_dates_and_sex_from_json() {
        let inputs: PredictorInputs = serde_json::from_str(
            r#"{"sex": "female", "date_of_birth": "1991-07-17", "unemployed": true}"#,
        )
        .unwrap();
        assert_eq!(inputs.sex, Some(Sex::Female));
        assert_eq!(inputs.date_of_birth, Some(jiff::civil::date(1991, 7, 17)));
        assert_eq!(
            serde_json::to_string(&inputs).unwrap(),
            r#"{"sex":"female","date_of_birth":"1991-07-17","unemployed":true}"#
        );
    }
}
