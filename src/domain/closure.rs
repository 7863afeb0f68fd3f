//! A case from start to close: closing a case at the end of its sentence (why and when), what a
//! closed case still lets change (nothing but reopening it), how long a closed case is kept
//! before it may be deleted, and the typed confirmation a deletion needs.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::closure::{ClosureForm, ClosureReason, Retention};
//! use probation_workbook::domain::dates::DateParts;
//! let case = CaseDetails {
//!     conviction_date: None,
//!     main_offence: None,
//!     name: "Alex Marsh".into(),
//!     crn: "X123456".into(),
//!     date_of_birth: date(1991, 7, 17),
//!     sex: Sex::Male,
//!     sentence_type: SentenceType::Licence,
//!     sentence_date: None,
//!     sentence_or_release_date: date(2024, 11, 2),
//!     sentence_end_date: date(2026, 11, 1),
//! };
//! let form = ClosureForm {
//!     reason: "sentence_ended".into(),
//!     closed_on: DateParts::new("1", "11", "2026"),
//!     note: String::new(),
//! };
//! let closure = form.validate(&case, date(2026, 12, 3), "2026-12-03T09:00:00Z").unwrap();
//! assert_eq!(closure.reason, ClosureReason::SentenceEnded);
//! let kept = Retention::default();
//! assert_eq!(kept.deletable_from(&closure), Some(date(2027, 11, 1)));
//! assert!(!kept.allows_deletion(&closure, date(2027, 10, 31)));
//! ```

use jiff::civil::Date;
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use crate::domain::case::{normalise_crn, CaseDetails};
use crate::domain::dates::{format_long, parse_date, DateParts};
use crate::domain::errors::FieldErrors;
use crate::domain::records::{AssessmentRecord, CaseRecord, PlanRecord, SigningRecord};
use crate::domain::reviews::sentence_start;

/// Why a case was closed (domain.md §8: "Termination has reasons (order expired, death,
/// deportation, …)").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    /// The order, sentence or licence ran its course.
    SentenceEnded,
    /// Ended early by the court: revoked, or resentenced.
    Revoked,
    /// Transferred to another officer or area (the case package went with it).
    Transferred,
    Died,
    Deported,
    Other,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 6] = [
        ClosureReason::SentenceEnded,
        ClosureReason::Revoked,
        ClosureReason::Transferred,
        ClosureReason::Died,
        ClosureReason::Deported,
        ClosureReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ClosureReason::SentenceEnded => "sentence_ended",
            ClosureReason::Revoked => "revoked",
            ClosureReason::Transferred => "transferred",
            ClosureReason::Died => "died",
            ClosureReason::Deported => "deported",
            ClosureReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ClosureReason> {
        ClosureReason::ALL
            .into_iter()
            .find(|reason| reason.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            ClosureReason::SentenceEnded => "The sentence or licence ended",
            ClosureReason::Revoked => "The order was revoked or the person resentenced",
            ClosureReason::Transferred => "Transferred to another officer",
            ClosureReason::Died => "The person died",
            ClosureReason::Deported => "The person was deported",
            ClosureReason::Other => "Another reason",
        }
    }
}

/// A closed case: why, the day it ended, and when that was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseClosure {
    pub reason: ClosureReason,
    pub closed_on: Date,
    /// What the officer added (required for "Another reason"; for a transfer, to whom).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// RFC 3339: when the closure was recorded.
    pub recorded_at: String,
}

impl CaseClosure {
    /// The case handed to another officer today: their case package was sent, so this copy is
    /// closed, read-only, as "transferred to another officer (to Jo Fictional)".
    pub fn transferred(to: &str, today: Date, recorded_at: &str) -> CaseClosure {
        CaseClosure {
            reason: ClosureReason::Transferred,
            closed_on: today,
            note: format!("to {}", to.trim()),
            recorded_at: recorded_at.to_string(),
        }
    }

    /// "Closed on 1 November 2026: the sentence or licence ended", with the note if there is one.
    pub fn describe(&self) -> String {
        let reason = self.reason.label();
        let mut words = format!(
            "Closed on {}: {}{}",
            format_long(self.closed_on),
            reason[..1].to_lowercase(),
            &reason[1..]
        );
        if !self.note.is_empty() {
            words.push_str(&format!(" ({})", self.note));
        }
        words
    }
}

/// The longest note on a closure, in characters.
pub const CLOSURE_NOTE_MAX_CHARS: usize = 500;

/// Field ids of the close form, shared by its inputs and the error summary.
pub mod closure_fields {
    /// The reason radios (the first radio has this id).
    pub const REASON: &str = "close-reason";
    /// The day box of the date input.
    pub const DATE: &str = "close-date";
    pub const NOTE: &str = "close-note";
    /// The typed confirmation on the delete page.
    pub const CONFIRM: &str = "delete-confirm";
}

const DATE_LABEL: &str = "Date the case closed";

/// The close form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosureForm {
    /// A [`ClosureReason`] code, empty until one is chosen.
    pub reason: String,
    pub closed_on: DateParts,
    pub note: String,
}

impl ClosureForm {
    /// The closure, recorded at `recorded_at`, or every problem in form order. The date must be a
    /// real date, no later than today and not before the sentence began; "the sentence ended" no
    /// earlier than the sentence end date (an earlier end has another reason); "Another reason"
    /// and a transfer need a note (what happened; to whom).
    pub fn validate(
        &self,
        case: &CaseDetails,
        today: Date,
        recorded_at: &str,
    ) -> Result<CaseClosure, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = ClosureReason::from_code(&self.reason);
        if reason.is_none() {
            errors.push(closure_fields::REASON, "Select why the case is closing");
        }
        let date = match parse_date(&self.closed_on) {
            Err(error) => Err(error.message(DATE_LABEL)),
            Ok(date) if date > today => Err(format!("{DATE_LABEL} must be today or in the past")),
            Ok(date) => match sentence_start(case) {
                Some((label, start)) if date < start => Err(format!(
                    "{DATE_LABEL} must be on or after the {} {}",
                    label.to_lowercase(),
                    format_long(start)
                )),
                _ if reason == Some(ClosureReason::SentenceEnded)
                    && date < case.sentence_end_date =>
                {
                    Err(format!(
                        "The sentence ends on {}: for an earlier date, choose another reason",
                        format_long(case.sentence_end_date)
                    ))
                }
                _ => Ok(date),
            },
        };
        if let Err(message) = &date {
            errors.push(closure_fields::DATE, message.clone());
        }
        let note = self.note.trim().to_string();
        match reason {
            Some(ClosureReason::Other) if note.is_empty() => {
                errors.push(closure_fields::NOTE, "Enter why the case is closing")
            }
            Some(ClosureReason::Transferred) if note.is_empty() => {
                errors.push(closure_fields::NOTE, "Enter who the case is transferred to")
            }
            _ => {}
        }
        if note.chars().count() > CLOSURE_NOTE_MAX_CHARS {
            errors.push(
                closure_fields::NOTE,
                format!("The note must be {CLOSURE_NOTE_MAX_CHARS} characters or fewer"),
            );
        }
        match (reason, date) {
            (Some(reason), Ok(closed_on)) if errors.is_empty() => Ok(CaseClosure {
                reason,
                closed_on,
                note,
                recorded_at: recorded_at.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

/// How long a closed case is kept in this browser before it may be deleted, in months from the
/// day it closed.
///
/// The default, 12 months, is **our rule**, not a national one: this workbook is a working copy,
/// and the record of reference is the one in the probation service's case management system, kept
/// under HMPPS's own retention schedule. A year lets an officer answer questions about a case they
/// closed (a complaint, a new offence, a parole report) without keeping personal data longer than
/// the work needs (UK GDPR Article 5(1)(e), storage limitation). A team can set 0 to 120 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    pub months: u32,
}

/// The longest retention the setting takes, in months.
pub const RETENTION_MAX_MONTHS: u32 = 120;

impl Default for Retention {
    fn default() -> Self {
        Retention { months: 12 }
    }
}

impl Retention {
    /// A retention period as typed, or why it is refused.
    pub fn parse(typed: &str) -> Result<Retention, String> {
        match typed.trim().parse::<u32>() {
            Ok(months) if months <= RETENTION_MAX_MONTHS => Ok(Retention { months }),
            Ok(_) => Err(format!(
                "Months to keep a closed case must be {RETENTION_MAX_MONTHS} or fewer"
            )),
            Err(_) if typed.trim().is_empty() => {
                Err("Enter how many months to keep a closed case".to_string())
            }
            Err(_) => {
                Err("Months to keep a closed case must be a whole number, like 12".to_string())
            }
        }
    }

    /// The first day the case may be deleted (`None`: a date past the calendar, so never).
    pub fn deletable_from(&self, closure: &CaseClosure) -> Option<Date> {
        closure
            .closed_on
            .checked_add(i64::from(self.months).months())
            .ok()
    }

    pub fn allows_deletion(&self, closure: &CaseClosure, today: Date) -> bool {
        self.deletable_from(closure)
            .is_some_and(|from| today >= from)
    }
}

/// Whether what was typed confirms deleting this case: its case reference number, in any case and
/// spacing.
pub fn confirms_deletion(typed: &str, case: &CaseDetails) -> Result<(), FieldErrors> {
    if normalise_crn(&typed.split_whitespace().collect::<String>()) == case.crn {
        return Ok(());
    }
    let mut errors = FieldErrors::default();
    errors.push(
        closure_fields::CONFIRM,
        if typed.trim().is_empty() {
            format!("Enter the case reference number {} to confirm", case.crn)
        } else {
            format!(
                "The case reference number does not match: enter {} to delete this case",
                case.crn
            )
        },
    );
    Err(errors)
}

/// What a closed case refuses, in the words of the status line.
pub const CLOSED_MESSAGE: &str = "This case is closed: reopen it from the case page to change it";

/// A closed case's details and appointment are kept as they are; closing and reopening it are
/// the changes it takes.
pub fn case_change_refused(before: &CaseRecord, after: &CaseRecord) -> Option<&'static str> {
    let still_closed = before.closure.is_some() && after.closure.is_some();
    (still_closed
        && (before.details != after.details
            || before.next_appointment != after.next_appointment
            || before.photo != after.photo
            || before.closure != after.closure))
        .then_some(CLOSED_MESSAGE)
}

/// A closed case's assessment: the answers and completed sections stay as they are (the place in
/// it may move, as the officer reads it).
pub fn assessment_change_refused(
    before: &AssessmentRecord,
    after: &AssessmentRecord,
) -> Option<&'static str> {
    (before.answers != after.answers || before.completed_sections != after.completed_sections)
        .then_some(CLOSED_MESSAGE)
}

/// A closed case's plan record: nothing in it changes, forms as typed included.
pub fn plan_change_refused(before: &PlanRecord, after: &PlanRecord) -> Option<&'static str> {
    let content = |record: &PlanRecord| {
        let mut record = record.clone();
        record.revision = 0;
        record.updated_at.clear();
        record
    };
    (content(before) != content(after)).then_some(CLOSED_MESSAGE)
}

/// A closed case's signing record: nothing is signed, sent or commented on.
pub fn signing_change_refused(
    before: &SigningRecord,
    after: &SigningRecord,
) -> Option<&'static str> {
    (before.signing != after.signing || before.comment_drafts != after.comment_drafts)
        .then_some(CLOSED_MESSAGE)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
