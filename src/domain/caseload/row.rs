//! One line of the caseload table: what an officer needs to see about a case at a glance.

use std::collections::BTreeSet;

use jiff::civil::{Date, DateTime, Time};

use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType};
use crate::domain::case_facts::officer_answered_any;
use crate::domain::dates::{parse_date, DateParts};
use crate::domain::plan::SentencePlan;
use crate::domain::progress::{completed_count, statuses, SectionStatus};
use crate::domain::questionnaire::{CheckContext, Section};
use crate::domain::reviews::{
    last_review_done, next_review_due, review_schedule, reviews_done, ReviewDate, ReviewDone,
    ReviewSettings, SignificantChange,
};
use crate::domain::rosh::{rosh_rating, RoshLevel};
use crate::domain::signing::{CaseSigning, VersionState};

/// Where the assessment stands: the latest signed version's state, or while nothing newer is signed,
/// how far the draft has got.
///
/// The order is the order of the work: a draft comes before a signed version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AssessmentStatus {
    /// A draft with nothing answered yet.
    NotStarted,
    /// A draft with `completed` of `of` needed sections completed.
    InProgress { completed: usize, of: usize },
    /// Every needed section completed and the plan agreed: it can be signed.
    ReadyToSign,
    /// Returned for rework by a senior.
    Returned,
    /// Waiting for a senior's countersignature (or a second one).
    AwaitingCountersign,
    /// Signed by an officer whose work needs no countersigning.
    SelfSigned,
    /// Countersigned (once or twice).
    Countersigned,
}

/// How far a draft has got, read from its answers, completed sections and plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DraftProgress {
    pub answered_any: bool,
    pub completed: usize,
    pub of: usize,
    pub plan_agreed: bool,
}

impl DraftProgress {
    pub fn of(
        answers: &Answers,
        completed_sections: &BTreeSet<String>,
        context: &CheckContext,
        plan: &SentencePlan,
    ) -> DraftProgress {
        if answers.is_empty() && completed_sections.is_empty() {
            // Nothing answered: a section's status looks at a case only through its answers and
            // the sections marked completed, so every such case counts the same; worked out once
            // (a caseload of thousands holds many cases not yet assessed).
            static NOTHING_YET: std::sync::OnceLock<(usize, usize)> = std::sync::OnceLock::new();
            let (completed, of) = *NOTHING_YET
                .get_or_init(|| completed_count(&statuses(answers, completed_sections, None)));
            return DraftProgress {
                answered_any: false,
                completed,
                of,
                plan_agreed: plan.is_agreed(),
            };
        }
        DraftProgress::from_statuses(
            &statuses(answers, completed_sections, Some(context)),
            answers,
            completed_sections,
            plan,
        )
    }

    /// The same, from the sections' statuses already worked out.
    pub fn from_statuses(
        statuses: &[(&'static Section, SectionStatus)],
        answers: &Answers,
        completed_sections: &BTreeSet<String>,
        plan: &SentencePlan,
    ) -> DraftProgress {
        let (completed, of) = completed_count(statuses);
        DraftProgress {
            answered_any: officer_answered_any(answers) || !completed_sections.is_empty(),
            completed,
            of,
            plan_agreed: plan.is_agreed(),
        }
    }
}

impl AssessmentStatus {
    /// The state of the latest signed version; while the latest is a draft (or nothing is signed),
    /// how far the draft has got.
    ///
    /// ```
    /// use probation_workbook::domain::caseload::{AssessmentStatus, DraftProgress};
    /// use probation_workbook::domain::signing::CaseSigning;
    /// let fresh = DraftProgress { answered_any: false, completed: 0, of: 16, plan_agreed: false };
    /// assert_eq!(AssessmentStatus::of(&CaseSigning::default(), fresh), AssessmentStatus::NotStarted);
    /// ```
    pub fn of(signing: &CaseSigning, draft: DraftProgress) -> AssessmentStatus {
        match signing.latest().map(|version| version.state) {
            None | Some(VersionState::UnsignedDraft) => {
                if draft.of > 0 && draft.completed >= draft.of && draft.plan_agreed {
                    AssessmentStatus::ReadyToSign
                } else if draft.answered_any {
                    AssessmentStatus::InProgress {
                        completed: draft.completed,
                        of: draft.of,
                    }
                } else {
                    AssessmentStatus::NotStarted
                }
            }
            Some(VersionState::SelfSigned) => AssessmentStatus::SelfSigned,
            Some(VersionState::AwaitingCountersign | VersionState::AwaitingDoubleCountersign) => {
                AssessmentStatus::AwaitingCountersign
            }
            Some(VersionState::Countersigned | VersionState::DoubleCountersigned) => {
                AssessmentStatus::Countersigned
            }
            Some(VersionState::Returned) => AssessmentStatus::Returned,
        }
    }

    /// Whether the latest version of `signing` is an unsigned draft (or there is none): the
    /// statuses read from the draft's progress.
    pub fn latest_is_draft(signing: &CaseSigning) -> bool {
        matches!(
            signing.latest().map(|version| version.state),
            None | Some(VersionState::UnsignedDraft)
        )
    }

    /// Whether the latest version is an unsigned draft (nothing newer is signed).
    pub fn is_draft(self) -> bool {
        matches!(
            self,
            AssessmentStatus::NotStarted
                | AssessmentStatus::InProgress { .. }
                | AssessmentStatus::ReadyToSign
        )
    }

    /// What the officer reads in the table: "In progress (9 of 18)".
    pub fn label(self) -> String {
        match self {
            AssessmentStatus::NotStarted => "Not started".to_string(),
            AssessmentStatus::InProgress { completed, of } => {
                format!("In progress ({completed} of {of})")
            }
            AssessmentStatus::ReadyToSign => "Ready to sign".to_string(),
            AssessmentStatus::Returned => "Returned".to_string(),
            AssessmentStatus::AwaitingCountersign => "Awaiting countersignature".to_string(),
            AssessmentStatus::SelfSigned => "Signed".to_string(),
            AssessmentStatus::Countersigned => "Countersigned".to_string(),
        }
    }
}

/// The RoSH column when the grid has no level yet.
pub const ROSH_NOT_ASSESSED: &str = "Not yet assessed";

/// One case in the caseload table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadRow {
    pub case_id: String,
    pub name: String,
    pub crn: String,
    /// The earliest overdue review, or else the next one not done on or after today.
    pub next_review: Option<ReviewDate>,
    /// The latest review assessment signed, if any.
    pub last_review: Option<ReviewDone>,
    /// The release date (custody and licence only) and the sentence end date.
    pub release_or_end: (Option<Date>, Date),
    /// The overall RoSH; `None` is "not yet assessed", never Low.
    pub rosh: Option<RoshLevel>,
    pub status: AssessmentStatus,
    pub next_appointment: Option<DateTime>,
    /// A review date has passed and no review was done since: shown in red.
    pub overdue: bool,
}

impl CaseloadRow {
    /// Reads one case's records into its line of the table, as it stands on `today`.
    ///
    /// The arguments are the case's records as the store keeps them, one each.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        case_id: &str,
        details: &CaseDetails,
        answers: &Answers,
        completed_sections: &BTreeSet<String>,
        plan: &SentencePlan,
        review_settings: &ReviewSettings,
        significant_changes: &[SignificantChange],
        signing: &CaseSigning,
        next_appointment: Option<DateTime>,
        today: Date,
    ) -> CaseloadRow {
        let done = reviews_done(signing);
        let schedule = review_schedule(
            details,
            review_settings,
            plan,
            significant_changes,
            &done,
            today,
        );
        let next_review = next_review(schedule, today);
        let release = matches!(
            details.sentence_type,
            SentenceType::Custody | SentenceType::Licence
        )
        .then_some(details.sentence_or_release_date);
        CaseloadRow {
            case_id: case_id.to_string(),
            name: details.name.clone(),
            crn: details.crn.clone(),
            overdue: next_review.as_ref().is_some_and(|review| review.overdue),
            next_review,
            last_review: last_review_done(&done),
            release_or_end: (release, details.sentence_end_date),
            rosh: rosh_rating(answers).overall,
            status: AssessmentStatus::of(
                signing,
                DraftProgress::of(
                    answers,
                    completed_sections,
                    &CheckContext {
                        date_of_birth: details.date_of_birth,
                        today,
                    },
                    plan,
                ),
            ),
            next_appointment,
        }
    }

    /// The RoSH column: "High", "High (draft)" while no version is signed, or "Not yet assessed".
    pub fn rosh_label(&self) -> String {
        match self.rosh {
            None => ROSH_NOT_ASSESSED.to_string(),
            Some(level) if self.status.is_draft() => format!("{} (draft)", level.label()),
            Some(level) => level.label().to_string(),
        }
    }
}

/// The earliest overdue review, or else the first not done on or after `today`. `schedule` is
/// sorted by date.
fn next_review(schedule: Vec<ReviewDate>, today: Date) -> Option<ReviewDate> {
    let overdue = schedule.iter().find(|review| review.overdue);
    overdue
        .or_else(|| next_review_due(&schedule, today))
        .cloned()
}

/// Reads the next appointment from a GOV.UK date input and a time box.
///
/// The time may be written "14:30", "14.30", "9:05", "2pm", "2:30pm", "2.30 pm", "noon" or "midday".
/// Errors are the sentences shown next to the fields.
///
/// ```
/// use jiff::civil::date;
/// use probation_workbook::domain::caseload::parse_appointment;
/// use probation_workbook::domain::dates::DateParts;
/// let day = DateParts::new("3", "11", "2026");
/// assert_eq!(parse_appointment(&day, "2pm"), Ok(date(2026, 11, 3).at(14, 0, 0, 0)));
/// assert_eq!(parse_appointment(&day, "25:00").unwrap_err(), "Appointment time must be a real time");
/// ```
pub fn parse_appointment(date: &DateParts, time: &str) -> Result<DateTime, String> {
    let day = parse_date(date).map_err(|error| error.message("Appointment date"))?;
    let time = parse_time(time)?;
    Ok(day.to_datetime(time))
}

fn parse_time(text: &str) -> Result<Time, String> {
    const FORMAT: &str = "Enter the appointment time like 14:30 or 2:30pm";
    let text = text.trim().to_lowercase().replace(' ', "");
    if text.is_empty() {
        return Err("Enter the appointment time".to_string());
    }
    if text == "noon" || text == "midday" {
        return Ok(Time::constant(12, 0, 0, 0));
    }
    let (clock, half) = match text.strip_suffix("am") {
        Some(clock) => (clock, Some(false)),
        None => match text.strip_suffix("pm") {
            Some(clock) => (clock, Some(true)),
            None => (text.as_str(), None),
        },
    };
    let (hour, minute) = match clock.split_once([':', '.']) {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        Some(_) => return Err(FORMAT.to_string()),
        None if half.is_some() => (clock, "0"),
        None => return Err(FORMAT.to_string()),
    };
    let digits = |part: &str| {
        (!part.is_empty() && part.len() <= 2 && part.chars().all(|c| c.is_ascii_digit()))
            .then(|| part.parse::<i8>().ok())
            .flatten()
    };
    let (Some(hour), Some(minute)) = (digits(hour), digits(minute)) else {
        return Err(FORMAT.to_string());
    };
    let hour = match half {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => {
            return Err("Appointment time must be a real time".to_string())
        }
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    Time::new(hour, minute, 0, 0).map_err(|_| "Appointment time must be a real time".to_string())
}
