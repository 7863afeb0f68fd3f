//! Trainee practice (issue 7): fictional sample cases, each with a case file to read and a
//! reference assessment to compare against, and the feedback a trainee sees when they finish.
//!
//! Every person, place and event in the samples is invented for this project. Their CRNs start
//! with "Z" so they can never be mistaken for a live case.
//!
//! ```ignore
//! let sample = sample_case("sample-acquisitive").unwrap();
//! let feedback = compare(&attempt.answers, &(sample.reference)());
//! println!("You agreed on {}% of items", feedback.agreement_percent);
//! ```

mod evidence;
mod feedback;
mod form;
mod samples;

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::case::CaseDetails;
use super::questionnaire::CheckContext;

pub use evidence::{mentions, Citation, NarrativePoint, MATCHING_EXPLAINED};
pub use feedback::{
    compare, compare_attempts, Feedback, ItemComparison, NarrativeFeedback, PointCheck,
    RoshCellComparison, RoshFeedback, SectionFeedback,
};

/// What the trainee reads before assessing, as a probation officer would find it on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFile {
    /// What happened, from the police summary and the court.
    pub offence_summary: &'static str,
    /// The record, oldest first.
    pub previous_convictions: &'static str,
    /// What the person said at interview (paragraphs separated by a blank line).
    pub interview_notes: &'static str,
    /// What the police, children's services, health and others said.
    pub other_agencies: &'static str,
}

/// The assessment an experienced officer made of a sample case: the answer the trainee's attempt
/// is compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceAssessment {
    /// A complete assessment: every section that is available can be marked completed.
    pub answers: Answers,
    /// Why each section was answered as it was, by section id.
    pub rationale: Vec<(&'static str, &'static str)>,
    /// The goals the sentence plan should start from.
    pub key_goals: Vec<&'static str>,
    /// The case-file sentence each reference answer rests on: every answered item is cited at
    /// least once (checked for every sample by a native test).
    pub evidence: Vec<Citation>,
    /// The points the reference narratives make, each with its evidence, for the trainee's
    /// checklist: every narrative the reference writes has at least one.
    pub points: Vec<NarrativePoint>,
}

impl ReferenceAssessment {
    /// The rationale for one section, or "" when the section has none.
    pub fn rationale_for(&self, section_id: &str) -> &'static str {
        self.rationale
            .iter()
            .find(|(id, _)| *id == section_id)
            .map(|(_, why)| *why)
            .unwrap_or("")
    }

    /// The case-file sentences an item's reference answer rests on, in the order cited: a
    /// narrative's are those of its points.
    pub fn evidence_for(&self, code: &str) -> Vec<&'static str> {
        let cited = self
            .evidence
            .iter()
            .filter(|citation| citation.codes.contains(&code))
            .map(|citation| citation.sentence);
        let mut sentences: Vec<&'static str> = Vec::new();
        for sentence in cited.chain(self.points_for(code).map(|point| point.sentence)) {
            if !sentences.contains(&sentence) {
                sentences.push(sentence);
            }
        }
        sentences
    }

    /// The points the reference narrative of one item makes, in the order given.
    pub fn points_for<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a NarrativePoint> {
        self.points.iter().filter(move |point| point.code == code)
    }
}

/// A fictional case for practice: the person, the file to read and the reference assessment.
#[derive(Debug, Clone, Copy)]
pub struct SampleCase {
    /// A stable id, e.g. "sample-acquisitive".
    pub id: &'static str,
    /// What the case is about, e.g. "Acquisitive offending and drug misuse".
    pub title: &'static str,
    pub details: fn() -> CaseDetails,
    pub case_file: CaseFile,
    pub reference: fn() -> ReferenceAssessment,
}

impl SampleCase {
    /// What the cross-item checks need to know, for validating the trainee's attempt.
    pub fn check_context(&self, today: Date) -> CheckContext {
        CheckContext {
            date_of_birth: (self.details)().date_of_birth,
            today,
        }
    }
}

/// Every sample case, in the order a trainee is offered them.
pub fn sample_cases() -> &'static [SampleCase] {
    samples::SAMPLE_CASES
}

/// The sample case with this id.
pub fn sample_case(id: &str) -> Option<&'static SampleCase> {
    sample_cases().iter().find(|sample| sample.id == id)
}

/// One finished try at a sample case, kept so a second try can be compared with the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeAttempt {
    /// The sample case's id.
    pub sample_id: String,
    /// 1 for the first try, 2 for "try again", and so on.
    pub number: u32,
    pub answers: Answers,
    /// The sections the trainee marked as completed.
    pub completed_sections: BTreeSet<String>,
    /// When the trainee marked the attempt complete (an RFC 3339 timestamp from the browser clock).
    pub finished_at: String,
}

impl PracticeAttempt {
    /// The feedback on this attempt, or `None` if its sample case no longer exists.
    pub fn feedback(&self) -> Option<Feedback> {
        sample_case(&self.sample_id).map(|sample| compare(&self.answers, &(sample.reference)()))
    }
}

#[cfg(test)]
mod tests;
