//! What is written to IndexedDB. Every record carries its own `schema_version`, so a later
//! migration can tell old records from new ones.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;

/// The record layout this build writes. Version 2 added `completed_sections` to assessments;
/// a version 1 record reads with none completed.
pub const RECORD_SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub schema_version: u32,
    pub id: String,
    pub details: CaseDetails,
    /// RFC 3339 timestamps.
    pub created_at: String,
    pub updated_at: String,
}

/// The draft assessment of a case, saved whole after every answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRecord {
    pub schema_version: u32,
    pub case_id: String,
    pub answers: Answers,
    /// The section the officer was last in, to bring them back to it.
    pub last_section: Option<String>,
    /// Sections the officer answered "Yes" to "Have you completed this section?".
    #[serde(default)]
    pub completed_sections: BTreeSet<String>,
    pub updated_at: String,
}

impl AssessmentRecord {
    pub fn new(case_id: &str) -> Self {
        Self {
            schema_version: RECORD_SCHEMA_VERSION,
            case_id: case_id.to_string(),
            answers: Answers::default(),
            last_section: None,
            completed_sections: BTreeSet::new(),
            updated_at: String::new(),
        }
    }
}
