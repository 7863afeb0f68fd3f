//! The export's JSON Schema (native builds only, so neither schemars nor the validator reach the wasm):
//! generated from the Rust types, committed at [`SCHEMA_PATH`], and used to check exported files.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use super::{SentencePlanExport, SCHEMA_PATH};
use crate::domain::case::{SentenceType, Sex};
use crate::domain::predictors::Band;
use crate::domain::rosh::RoshLevel;

/// The committed schema, as `workbook validate-export` checks files against it.
pub const COMMITTED_SCHEMA: &str = include_str!("../../../assets/schema/sentence-plan.schema.json");

/// The schema generated from [`SentencePlanExport`]: pretty JSON with a trailing newline, exactly as
/// committed at `assets/schema/sentence-plan.schema.json`.
pub fn export_schema_json() -> String {
    let schema = schemars::schema_for!(SentencePlanExport);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}

/// A lower-case string that must be one of `codes`: how the case's and the risk's choices are written.
fn one_of(codes: &[&str]) -> Schema {
    json_schema!({ "type": "string", "enum": codes })
}

// The enums below belong to the case, the RoSH grid and the predictors; their schemas come from their
// own `code()` lists, so the schema cannot drift from what serde writes.

impl JsonSchema for Sex {
    fn schema_name() -> Cow<'static, str> {
        "Sex".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&Sex::ALL.map(Sex::code))
    }
}

impl JsonSchema for SentenceType {
    fn schema_name() -> Cow<'static, str> {
        "SentenceType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&SentenceType::ALL.map(SentenceType::code))
    }
}

impl JsonSchema for RoshLevel {
    fn schema_name() -> Cow<'static, str> {
        "RoshLevel".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&RoshLevel::ALL.map(RoshLevel::code))
    }
}

impl JsonSchema for Band {
    fn schema_name() -> Cow<'static, str> {
        "Band".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of(&[Band::Low, Band::Medium, Band::High, Band::VeryHigh].map(Band::code))
    }
}

/// One way a file breaks the schema: where (a JSON pointer, "/" for the whole file) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportProblem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file is not a sentence plan export.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportCheckError {
    /// The text is not JSON at all.
    #[error("The file is not JSON: {0}")]
    Malformed(String),
    /// JSON, but not in the shape of the schema; every problem found.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<ExportProblem>),
}

/// Checks a file against the committed schema (formats such as dates included), then reads it.
///
/// ```
/// use probation_workbook::domain::export::{check_export, ExportCheckError};
/// assert!(matches!(check_export("{"), Err(ExportCheckError::Malformed(_))));
/// let Err(ExportCheckError::Invalid(problems)) = check_export("{}") else { panic!() };
/// assert!(problems[0].message.contains("is a required property"));
/// ```
pub fn check_export(text: &str) -> Result<SentencePlanExport, ExportCheckError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|error| ExportCheckError::Malformed(error.to_string()))?;
    let schema: serde_json::Value =
        serde_json::from_str(COMMITTED_SCHEMA).expect("the committed schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|error| panic!("{SCHEMA_PATH} is not a usable schema: {error}"));
    let problems: Vec<ExportProblem> = validator
        .iter_errors(&value)
        .map(|error| ExportProblem {
            path: pointer_or_root(error.instance_path().to_string()),
            message: error.to_string(),
        })
        .collect();
    if !problems.is_empty() {
        return Err(ExportCheckError::Invalid(problems));
    }
    serde_json::from_value(value).map_err(|error| {
        ExportCheckError::Invalid(vec![ExportProblem {
            path: "/".into(),
            message: error.to_string(),
        }])
    })
}

fn pointer_or_root(pointer: String) -> String {
    if pointer.is_empty() {
        "/".into()
    } else {
        pointer
    }
}
