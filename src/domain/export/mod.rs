//! The sentence plan as one JSON file (issue 5): the case, a summary of the assessment, the plan and its
//! review dates, in a shape other systems can rely on.
//!
//! The shape is [`SentencePlanExport`]; its JSON Schema is generated from these types and committed at
//! `assets/schema/sentence-plan.schema.json` (see `export_schema_json`, native builds only). Dates are
//! ISO 8601 (`2026-11-25`), names of choices are lower-case snake case, and no text holds HTML.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::export::export_file_name;
//! assert_eq!(export_file_name("X123456", date(2026, 11, 25)), "sentence-plan-X123456-2026-11-25.json");
//! ```

#[cfg(not(target_arch = "wasm32"))]
mod assess;
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod signing;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::case::{SentenceType, Sex};
use super::plan::{AreaOfNeed, SentencePlan};
use super::predictors::Band;
use super::reviews::ReviewDate;
use super::rosh::RoshLevel;

#[cfg(not(target_arch = "wasm32"))]
pub use assess::{
    assess, assess_json, AssessCase, AssessChange, AssessInput, AssessOutput, SectionOutcome,
};
pub use build::build_export;
#[cfg(not(target_arch = "wasm32"))]
pub use schema::{
    check_export, export_schema_json, ExportCheckError, ExportProblem, COMMITTED_SCHEMA,
};
pub use signing::export_signing;

/// The version of this shape. A change that could break a reader raises it. Version 2: the signing
/// block tells the truth (every status, who signed, countersigned or returned the version, and when,
/// and the version before an unsigned draft). Version 3: the RoSH summary's narratives and the risk
/// management plan (its headings and the MAPPA category and level).
pub const SCHEMA_VERSION: u32 = 3;
/// Where the schema is committed, from the crate root.
pub const SCHEMA_PATH: &str = "assets/schema/sentence-plan.schema.json";

/// A sentence plan exported from Probation Workbook, with the case and assessment it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SentencePlanExport {
    /// Always 3 for this shape (2 had no RoSH narratives or risk management plan; 1 a signing block
    /// of unsigned drafts only).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 3)))]
    pub schema_version: u32,
    /// The version of Probation Workbook that wrote the file.
    pub app_version: String,
    /// When the file was written, in RFC 3339, e.g. "2026-11-25T14:03:07Z".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("format" = "date-time")))]
    pub exported_at: String,
    pub case: ExportedCase,
    pub assessment_summary: AssessmentSummary,
    pub plan: SentencePlan,
    /// Every date the plan is due or reviewed, by date, each with its reason.
    pub review_dates: Vec<ReviewDate>,
    pub signing: Signing,
}

/// The person and their sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportedCase {
    pub name: String,
    /// Case reference number: a letter and six digits.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^[A-Z][0-9]{6}$"))
    )]
    pub crn: String,
    pub date_of_birth: Date,
    pub sex: Sex,
    pub sentence_type: SentenceType,
    /// Custody only: the day the sentence was passed, which the initial plan counts from. Absent for
    /// the other sentences and for custody cases recorded without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_date: Option<Date>,
    /// The sentence date for community and suspended sentences, the release date for custody and licence.
    pub sentence_or_release_date: Date,
    pub sentence_end_date: Date,
    /// The person's photo, only when the officer asked for it when exporting (`with_photo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<ExportedPhoto>,
}

/// The case's photo in an export: a JPEG, at most 480 pixels a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportedPhoto {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(regex(pattern = r"^data:image/jpeg;base64,[A-Za-z0-9+/=]+$"))
    )]
    pub data_url: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 480)))]
    pub width: u32,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 480)))]
    pub height: u32,
}

impl SentencePlanExport {
    /// The export with the case's photo in it: only when the officer asks (the photo is never in
    /// an export otherwise), and only a photo that passes `CasePhoto::check`.
    pub fn with_photo(mut self, photo: &crate::domain::photo::CasePhoto) -> Self {
        if photo.check().is_ok() {
            self.case.photo = Some(ExportedPhoto {
                data_url: photo.data_url.clone(),
                width: photo.width,
                height: photo.height,
            });
        }
        self
    }
}

/// What the assessment found, as far as it has been answered. Only answers to items that apply count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentSummary {
    /// Each scored section with its score so far.
    pub sections: Vec<SectionSummary>,
    /// The areas whose section score reaches its need threshold.
    pub identified_needs: Vec<AreaOfNeed>,
    /// Ids of the sections the officer judged linked to risk of serious harm (x.98 yes; 4.96 and 2.99 in sections 4 and 2).
    pub linked_to_harm: Vec<String>,
    /// Ids of the sections the officer judged linked to offending behaviour (x.99 yes; 4.98 and 2.98 in sections 4 and 2).
    pub linked_to_offending: Vec<String>,
    pub rosh: RoshSummary,
    pub risk_management_plan: RiskManagementPlan,
    /// OGRS3, OGP and OVP when they were calculated for the export.
    pub predictors: Option<PredictorsSummary>,
}

/// One scored section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SectionSummary {
    /// The section number, e.g. "3".
    pub id: String,
    pub title: String,
    pub score: u32,
    pub max: u32,
    /// Null for a section not scored for need.
    pub need: Option<NeedFlag>,
    /// Every scored item that applies is answered.
    pub complete: bool,
}

/// Whether a section's score reaches its need threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedFlag {
    NoNeed,
    Need,
    Severe,
}

/// The RoSH level grid. A grid with no level rated is "not yet assessed", never low.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoshSummary {
    /// At least one cell of the grid is rated.
    pub rosh_assessed: bool,
    /// The highest level in the grid; null when not yet assessed.
    pub overall: Option<RoshLevel>,
    /// Every cell of the grid, rated or not.
    pub grid: Vec<RoshCell>,
    /// The summary's answers in words (who is at risk, the nature of the risk, when it is greatest,
    /// what increases and what reduces it), each answered one in the questionnaire's order.
    pub narratives: Vec<Narrative>,
}

/// One free-text answer of the assessment: its item code, its question and what the officer wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// E.g. "R10.1" or "RM.3".
    pub code: String,
    pub question: String,
    pub text: String,
}

/// The risk management plan (domain.md §3): each heading answered, and MAPPA as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskManagementPlan {
    /// Whether the plan is needed for this assessment (Medium RoSH or above).
    pub required: bool,
    /// Each heading answered, in the questionnaire's order.
    pub headings: Vec<Narrative>,
    /// "MAPPA category 2, level 1", "Not managed under MAPPA" or "MAPPA not recorded".
    pub mappa: String,
}

/// One cell of the RoSH grid: who may be harmed, where, and how likely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoshCell {
    /// "children", "public", "known_adult", "staff" or "prisoners".
    pub group: String,
    /// "community" or "custody".
    pub setting: String,
    /// Null when not rated.
    pub level: Option<RoshLevel>,
}

/// The three predictors, each calculated or with the reason it could not be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PredictorsSummary {
    pub ogrs3: PredictorOutcome,
    pub ogp: PredictorOutcome,
    pub ovp: PredictorOutcome,
}

/// A predictor's result, in the shape `workbook predict` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PredictorOutcome {
    Calculated(CalculatedPredictor),
    NotCalculated(PredictorNotCalculated),
}

/// A predictor's percentages and band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalculatedPredictor {
    /// Percentages, 1–99.
    pub one_year: u8,
    pub two_year: u8,
    pub band: Band,
    /// Points for OGP and OVP; absent for OGRS3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
}

/// Why a predictor could not be calculated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PredictorNotCalculated {
    /// Why, in a sentence.
    pub error: String,
    /// The JSON names of the inputs still needed, if that is why.
    pub missing: Vec<String>,
}

/// Where the exported plan stands in countersigning, as the case's signing record says (the export is
/// the draft as it stands: while a version is signed or with a senior the draft is locked and is that
/// version; otherwise it is the next, unsigned version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signing {
    pub status: SigningStatus,
    /// The version of the assessment and plan, from 1.
    pub version: u32,
    /// Who signed this version and when; absent for an unsigned draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Signature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countersigned: Option<Signature>,
    /// A second countersignature, when the first countersigner asked for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_countersigned: Option<Signature>,
    /// Who returned this version for rework, when, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<Signature>,
    /// For an unsigned draft that follows signed versions: the latest signed version, as it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_version: Option<Box<Signing>>,
}

/// A person's act on a version: who (name and grade as their profile said), when, and any reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: String,
    /// "PO", "SPO", "Trainee (PQiP)"…
    pub grade: String,
    /// RFC 3339.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigningStatus {
    UnsignedDraft,
    /// Signed by an officer whose work needs no countersignature.
    Signed,
    AwaitingCountersignature,
    Countersigned,
    AwaitingSecondCountersignature,
    SecondCountersigned,
    ReturnedForRework,
}

/// "sentence-plan-X123456-2026-11-25.json": the CRN (letters and digits only) and the day of export.
pub fn export_file_name(crn: &str, date: Date) -> String {
    let crn: String = crn.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("sentence-plan-{crn}-{date}.json")
}

/// The tests read the schema, which is native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
