//! When the sentence plan is due and when it must be reviewed (domain.md §5, our rule from practice and
//! National Standards). Every date carries the reason an officer would give for it.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::plan::SentencePlan;
//! use probation_workbook::domain::reviews::{review_schedule, ReviewKind, ReviewSettings};
//! let case = CaseDetails {
//!     conviction_date: None,
//!     main_offence: None,
//!     name: "Alex Marsh".into(),
//!     crn: "X123456".into(),
//!     date_of_birth: date(1991, 7, 17),
//!     sex: Sex::Male,
//!     sentence_type: SentenceType::Licence,
//!     sentence_date: None,
//!     sentence_or_release_date: date(2026, 11, 2),
//!     sentence_end_date: date(2027, 11, 1),
//! };
//! let today = date(2026, 11, 3);
//! let dates = review_schedule(&case, &ReviewSettings::default(), &SentencePlan::default(), &[], &[], today);
//! assert_eq!(dates[0].kind, ReviewKind::InitialPlan);
//! assert_eq!(dates[0].date, date(2026, 11, 23));
//! assert_eq!(
//!     dates[0].reason,
//!     "Initial sentence plan due: 15 working days from the release date 2 November 2026"
//! );
//! ```

mod bank_holidays;
mod change_form;
mod done;
mod significant_change;

use jiff::civil::Date;
use jiff::{Span, ToSpan};
use serde::{Deserialize, Serialize};

pub use bank_holidays::{
    add_working_days, bank_holiday, bank_holidays_between, bank_holidays_in, easter_sunday,
    is_working_day, BankHoliday, OneOffChange, ONE_OFF_CHANGES,
};
pub use change_form::*;
pub use done::{last_review_done, reviews_done, ReviewDone};
pub use significant_change::{ChangeKind, SignificantChange};

use super::case::{CaseDetails, SentenceType};
use super::dates::format_long;
use super::plan::{GoalStatus, SentencePlan};
use super::signing::AssessmentPurpose;

/// Working days from the sentence or release date to the initial plan, for community sentences and licences.
pub const INITIAL_PLAN_WORKING_DAYS: u32 = 15;
/// Weeks to the initial plan in custody when release is less than [`CUSTODY_NEAR_RELEASE_YEARS`] away.
pub const CUSTODY_INITIAL_PLAN_WEEKS_NEAR_RELEASE: i64 = 8;
/// Weeks to the initial plan in custody when release is further away.
pub const CUSTODY_INITIAL_PLAN_WEEKS: i64 = 16;
pub const CUSTODY_NEAR_RELEASE_YEARS: i64 = 2;
/// The longest a goal's words run in a reason before they are cut short.
const GOAL_WORDS_IN_REASON: usize = 60;

/// How often one case is reviewed. Set per case; the defaults are the usual practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSettings {
    /// A review at least this often; 0 schedules no regular reviews.
    pub interval_months: u8,
    /// How long before release from custody the pre-release review falls.
    pub pre_release_weeks: u8,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        Self {
            interval_months: 6,
            pre_release_weeks: 8,
        }
    }
}

/// Why a review falls on its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    InitialPlan,
    ScheduledReview,
    PreRelease,
    Termination,
    GoalTarget,
    SignificantChange,
}

impl ReviewKind {
    pub fn label(self) -> &'static str {
        match self {
            ReviewKind::InitialPlan => "Initial sentence plan",
            ReviewKind::ScheduledReview => "Review",
            ReviewKind::PreRelease => "Pre-release review",
            ReviewKind::Termination => "Termination review",
            ReviewKind::GoalTarget => "Goal target date",
            ReviewKind::SignificantChange => "Significant change review",
        }
    }
}

/// One date the plan is due or reviewed, with the rule behind it in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct ReviewDate {
    pub date: Date,
    pub kind: ReviewKind,
    /// E.g. "Initial sentence plan due: 15 working days from the release date 2 November 2026".
    pub reason: String,
    /// The date has passed and it is not done: only a review that is due and not done is overdue.
    pub overdue: bool,
    /// When it was done: the day the plan was agreed (initial plan), or the day the review
    /// assessment that covers it was signed. Absent while it is not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Date>,
}

impl ReviewDate {
    /// What the review means for the person on probation, in plain words for the printed plan:
    /// no internal terms ("Termination review", "15 working days from…").
    pub fn for_the_person(&self) -> String {
        match self.kind {
            ReviewKind::InitialPlan => "We agree your sentence plan together".to_string(),
            ReviewKind::ScheduledReview => {
                "We look at your plan together and check how it is going".to_string()
            }
            ReviewKind::PreRelease => "We plan your release together".to_string(),
            ReviewKind::Termination => {
                "Your sentence ends: we look back at your plan together".to_string()
            }
            ReviewKind::GoalTarget => match self.reason.split_once('"') {
                Some((_, goal)) => format!("The date you aim to reach your goal \"{}", goal),
                None => "The date you aim to reach one of your goals".to_string(),
            },
            ReviewKind::SignificantChange => {
                "We look at your plan again because something has changed".to_string()
            }
        }
    }

    pub fn is_done(&self) -> bool {
        self.done_on.is_some()
    }
}

/// The next date due: the first not done on or after `today` (`dates` sorted by date, as
/// [`review_schedule`] gives them).
pub fn next_review_due(dates: &[ReviewDate], today: Date) -> Option<&ReviewDate> {
    dates
        .iter()
        .find(|review| !review.is_done() && review.date >= today)
}

/// Every date the plan is due or reviewed, sorted by date, each with whether it is done and overdue:
///
/// - **Initial plan.** Community order, suspended sentence and licence: 15 working days (weekends and
///   bank holidays skipped) after the sentence or release date. Custody: "8 weeks if under 2 years to
///   release, otherwise 16 weeks" for custody of 12 months or more, both counted from the **sentence
///   date** (`CaseDetails::sentence_date`), so the date never moves from day to day. Every custody case
///   is taken to be of 12 months or more. A custody case saved before the sentence date was asked has
///   no initial plan date until its details give one ([`CaseDetails::needs_sentence_date`]). A custody
///   case whose release date has passed is treated as released: 15 working days from the release date.
///   Done when the plan is agreed.
/// - **Scheduled reviews** every `interval_months` from the sentence or release date (computed from
///   that date each time, so 31 January + 1 month is the end of February and + 2 months is 31 March).
///   In custody before release they run every `interval_months` from the initial plan until the
///   pre-release review. None on or after the sentence end date. A **review done**
///   ([`ReviewDone`]: a signed review, significant change, pre-release or termination assessment)
///   restarts the count: the next scheduled review is `interval_months` after the latest review done
///   in that stretch (from the initial plan to the pre-release review, or from the sentence or
///   release date to the end). Of the scheduled reviews already passed only the latest is listed,
///   since it supersedes the earlier ones; it is overdue, as no review was done since.
/// - **Pre-release review**: `pre_release_weeks` before release, for custody with release still to come.
/// - **Termination review** on the sentence end date.
/// - **Each active goal's target date.**
/// - **Each significant change** up to the sentence end, due on the day it was recorded
///   ([`SignificantChange::review_due`]: its own date when recorded the same day).
///
/// The pre-release, termination, goal and significant change reviews are done by a review signed
/// on or after their date (after the change itself, for a significant change); a pre-release or
/// termination assessment also does its own review whenever it is signed. A date is **overdue** when
/// it has passed (it is before `today`: a review is due on its day and overdue from the next) and
/// it is not done. `reviews_done` may be in any order; initial assessments among them are ignored.
///
/// A date that cannot be worked out because it would fall outside the calendar (a sentence date in
/// the year 9999, say, from a record saved before dates were limited to 1900–2100) is left off: the
/// schedule never fails, whatever the case holds.
pub fn review_schedule(
    case: &CaseDetails,
    settings: &ReviewSettings,
    plan: &SentencePlan,
    significant_changes: &[SignificantChange],
    reviews_done: &[ReviewDone],
    today: Date,
) -> Vec<ReviewDate> {
    let start = case.sentence_or_release_date;
    let end = case.sentence_end_date;
    let in_custody = case.sentence_type == SentenceType::Custody && start > today;
    let mut done: Vec<ReviewDone> = reviews_done
        .iter()
        .filter(|review| review.purpose.is_review())
        .copied()
        .collect();
    done.sort();
    // The first review done on or after `from`, or with `purpose` whenever it was signed.
    let done_from = |from: Date, purpose: Option<AssessmentPurpose>| {
        done.iter()
            .find(|review| review.date >= from || Some(review.purpose) == purpose)
            .map(|review| review.date)
    };
    let mut dates: Vec<(Date, ReviewKind, String, Option<Date>)> = Vec::new();

    let initial = initial_plan(case, in_custody);
    if let Some((date, reason)) = &initial {
        let agreed = plan.is_agreed().then(|| {
            plan.agreed_on
                .or(plan.agreement_updated_on)
                .unwrap_or(*date)
        });
        dates.push((*date, ReviewKind::InitialPlan, reason.clone(), agreed));
    }

    let initial = initial.map(|(date, _)| date);
    let scheduled = scheduled_reviews(case, settings, initial, in_custody, &done);
    let latest_past = scheduled
        .iter()
        .map(|(date, _)| *date)
        .filter(|date| *date < today)
        .max();
    for (date, reason) in scheduled {
        if date >= today || Some(date) == latest_past {
            dates.push((date, ReviewKind::ScheduledReview, reason, None));
        }
    }

    if let Some(pre_release) = in_custody
        .then(|| pre_release_date(start, settings))
        .flatten()
    {
        let reason = format!(
            "Pre-release review: {} weeks before release on {}",
            settings.pre_release_weeks,
            format_long(start)
        );
        let done_on = done_from(pre_release, Some(AssessmentPurpose::PreRelease));
        dates.push((pre_release, ReviewKind::PreRelease, reason, done_on));
    }

    let ends = if case.sentence_type == SentenceType::Licence {
        "the licence ends"
    } else {
        "the sentence ends"
    };
    let reason = format!("Termination review: {ends} on {}", format_long(end));
    let done_on = done_from(end, Some(AssessmentPurpose::Termination));
    dates.push((end, ReviewKind::Termination, reason, done_on));

    for goal in plan.goals_with_status(GoalStatus::Active) {
        if let Some(target) = goal.target_date {
            let reason = format!("Target date of the goal \"{}\"", shorten(&goal.text));
            dates.push((
                target,
                ReviewKind::GoalTarget,
                reason,
                done_from(target, None),
            ));
        }
    }

    for change in significant_changes
        .iter()
        .filter(|change| change.date <= end)
    {
        let done_on = done_from(change.date, None);
        dates.push((
            change.review_due(),
            ReviewKind::SignificantChange,
            change.describe(),
            done_on,
        ));
    }

    let mut dates: Vec<ReviewDate> = dates
        .into_iter()
        .map(|(date, kind, reason, done_on)| ReviewDate {
            date,
            kind,
            reason,
            overdue: date < today && done_on.is_none(),
            done_on,
        })
        .collect();
    dates.sort_by_key(|review| (review.date, review.kind));
    dates
}

/// When the initial plan is due, and why (see [`review_schedule`]); `None` when it would fall
/// outside the calendar, or for custody without a sentence date.
fn initial_plan(case: &CaseDetails, in_custody: bool) -> Option<(Date, String)> {
    let start = case.sentence_or_release_date;
    if in_custody {
        let sentenced = case.sentence_date?;
        // Two years from a sentence date at the very end of the calendar is past every release date.
        let near = sentenced
            .checked_add(CUSTODY_NEAR_RELEASE_YEARS.years())
            .map_or(true, |two_years_on| start < two_years_on);
        let weeks = if near {
            CUSTODY_INITIAL_PLAN_WEEKS_NEAR_RELEASE
        } else {
            CUSTODY_INITIAL_PLAN_WEEKS
        };
        let distance = if near { "less than" } else { "at least" };
        let reason = format!(
            "Initial sentence plan due: {weeks} weeks from the sentence date {}, as release on {} is \
             {distance} {CUSTODY_NEAR_RELEASE_YEARS} years after it",
            format_long(sentenced),
            format_long(start)
        );
        return Some((sentenced.checked_add(weeks.weeks()).ok()?, reason));
    }
    let due = add_working_days(start, INITIAL_PLAN_WORKING_DAYS)?;
    let skipped: Vec<&str> = bank_holidays_between(start, due)
        .map(|holiday| holiday.name)
        .collect();
    let skipped = match skipped.as_slice() {
        [] => String::new(),
        names => format!(" (bank holidays not counted: {})", and_list(names)),
    };
    let reason = format!(
        "Initial sentence plan due: {INITIAL_PLAN_WORKING_DAYS} working days from the {} {}{skipped}",
        case.sentence_type.start_date_label().to_lowercase(),
        format_long(start)
    );
    Some((due, reason))
}

/// Every regular review from the start to the end of the sentence, passed or not, with its reason.
/// `initial` is the initial plan's date, when it could be worked out. In each stretch (custody: from
/// the initial plan until the pre-release review; then from the sentence or release date to the
/// end) the count restarts from the latest review `done` within it.
fn scheduled_reviews(
    case: &CaseDetails,
    settings: &ReviewSettings,
    initial: Option<Date>,
    in_custody: bool,
    done: &[ReviewDone],
) -> Vec<(Date, String)> {
    let interval = i64::from(settings.interval_months);
    if interval == 0 {
        return Vec::new();
    }
    let start = case.sentence_or_release_date;
    let end = case.sentence_end_date;
    let every_n = format!("a review every {interval} months");
    // The latest review done on or after `from` and before `until`.
    let last_done = |from: Date, until: Date| {
        done.iter()
            .map(|review| review.date)
            .filter(|date| *date >= from && *date < until)
            .max()
    };
    let from_review = |months: i64, signed: Date| {
        format!(
            "Review due: {months} months from the last review, signed on {} ({every_n})",
            format_long(signed)
        )
    };
    let mut reviews = Vec::new();
    if let (true, Some(initial)) = (in_custody, initial) {
        // With no pre-release date (it would be before the calendar), no review falls before it.
        if let Some(pre_release) = pre_release_date(start, settings) {
            let until = pre_release.min(end);
            match last_done(initial, until) {
                Some(signed) => reviews.extend(
                    every(signed, interval, until)
                        .map(|(months, date)| (date, from_review(months, signed))),
                ),
                None => reviews.extend(every(initial, interval, until).map(|(months, date)| {
                    let reason = format!(
                        "Review due: {months} months from the initial sentence plan, until release ({every_n})"
                    );
                    (date, reason)
                })),
            }
        }
    }
    match last_done(start, end) {
        Some(signed) => reviews.extend(
            every(signed, interval, end).map(|(months, date)| (date, from_review(months, signed))),
        ),
        None => {
            let start_label = case.sentence_type.start_date_label().to_lowercase();
            reviews.extend(every(start, interval, end).map(|(months, date)| {
                let reason = format!(
                    "Review due: {months} months from the {start_label} {} ({every_n})",
                    format_long(start)
                );
                (date, reason)
            }));
        }
    }
    reviews
}

/// `from` + k × `interval` months for k = 1, 2, …, while before `until` and within the calendar;
/// each with its months from `from`.
fn every(from: Date, interval: i64, until: Date) -> impl Iterator<Item = (i64, Date)> {
    (1..)
        .map(move |k: i64| {
            let months = k.saturating_mul(interval);
            let date = Span::new()
                .try_months(months)
                .ok()
                .and_then(|span| from.checked_add(span).ok());
            (months, date)
        })
        .map_while(|(months, date)| date.map(|date| (months, date)))
        .take_while(move |(_, date)| *date < until)
}

/// `pre_release_weeks` before release; `None` when that is before the start of the calendar.
fn pre_release_date(release: Date, settings: &ReviewSettings) -> Option<Date> {
    release
        .checked_sub(i64::from(settings.pre_release_weeks).weeks())
        .ok()
}

/// A goal's words, cut at a word boundary with "…" when long.
fn shorten(text: &str) -> String {
    if text.chars().count() <= GOAL_WORDS_IN_REASON {
        return text.to_string();
    }
    // One character more than fits, so a word ending exactly at the limit is kept whole.
    let cut: String = text.chars().take(GOAL_WORDS_IN_REASON + 1).collect();
    let cut = match cut.rsplit_once(' ') {
        Some((head, _)) => head.trim_end().to_string(),
        None => cut.chars().take(GOAL_WORDS_IN_REASON).collect(),
    };
    format!("{cut}…")
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => only.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod done_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
