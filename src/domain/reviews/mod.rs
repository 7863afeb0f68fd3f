//! When the sentence plan is due and when it must be reviewed (domain.md §5, our rule from practice and
//! National Standards). Every date carries the reason an officer would give for it.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::case::{CaseDetails, SentenceType, Sex};
//! use probation_workbook::domain::plan::SentencePlan;
//! use probation_workbook::domain::reviews::{review_schedule, ReviewKind, ReviewSettings};
//! let case = CaseDetails {
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
//! let dates = review_schedule(&case, &ReviewSettings::default(), &SentencePlan::default(), &[], today);
//! assert_eq!(dates[0].kind, ReviewKind::InitialPlan);
//! assert_eq!(dates[0].date, date(2026, 11, 23));
//! assert_eq!(
//!     dates[0].reason,
//!     "Initial sentence plan due: 15 working days from the release date 2 November 2026"
//! );
//! ```

mod bank_holidays;
mod change_form;

use jiff::civil::Date;
use jiff::{Span, ToSpan};
use serde::{Deserialize, Serialize};

pub use bank_holidays::{
    add_working_days, bank_holiday, bank_holidays_between, bank_holidays_in, easter_sunday,
    is_working_day, BankHoliday, OneOffChange, ONE_OFF_CHANGES,
};
pub use change_form::*;

use super::case::{CaseDetails, SentenceType};
use super::dates::format_long;
use super::plan::{GoalStatus, SentencePlan};

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

/// Something that changed in the person's life or risk (a new offence, recall, a move, a new job or
/// relationship, a change in RoSH): the plan is reviewed straight away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignificantChange {
    pub date: Date,
    pub reason: String,
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
    /// The date is before today (an initial plan already agreed is never overdue).
    pub overdue: bool,
}

/// Every date the plan is due or reviewed, sorted by date:
///
/// - **Initial plan.** Community order, suspended sentence and licence: 15 working days (weekends and
///   bank holidays skipped) after the sentence or release date. Custody: "8 weeks if under 2 years to
///   release, otherwise 16 weeks" for custody of 12 months or more, both counted from the **sentence
///   date** (`CaseDetails::sentence_date`), so the date never moves from day to day. Every custody case
///   is taken to be of 12 months or more. A custody case saved before the sentence date was asked has
///   no initial plan date until its details give one ([`CaseDetails::needs_sentence_date`]). A custody
///   case whose release date has passed is treated as released: 15 working days from the release date.
/// - **Scheduled reviews** every `interval_months` from the sentence or release date (computed from
///   that date each time, so 31 January + 1 month is the end of February and + 2 months is 31 March).
///   In custody before release they run every `interval_months` from the initial plan until the
///   pre-release review. None on or after the sentence end date. Of the reviews already passed only the
///   latest is listed, since it supersedes the earlier ones.
/// - **Pre-release review**: `pre_release_weeks` before release, for custody with release still to come.
/// - **Termination review** on the sentence end date.
/// - **Each active goal's target date.**
/// - **Each significant change** on its date, up to the sentence end.
///
/// A date that cannot be worked out because it would fall outside the calendar (a sentence date in
/// the year 9999, say, from a record saved before dates were limited to 1900–2100) is left off: the
/// schedule never fails, whatever the case holds.
pub fn review_schedule(
    case: &CaseDetails,
    settings: &ReviewSettings,
    plan: &SentencePlan,
    significant_changes: &[SignificantChange],
    today: Date,
) -> Vec<ReviewDate> {
    let start = case.sentence_or_release_date;
    let end = case.sentence_end_date;
    let in_custody = case.sentence_type == SentenceType::Custody && start > today;
    let mut dates = Vec::new();
    let mut add = |date: Date, kind: ReviewKind, reason: String| {
        dates.push((date, kind, reason));
    };

    let initial = initial_plan(case, in_custody);
    if let Some((date, reason)) = &initial {
        add(*date, ReviewKind::InitialPlan, reason.clone());
    }

    let initial = initial.map(|(date, _)| date);
    let scheduled = scheduled_reviews(case, settings, initial, in_custody);
    let latest_past = scheduled
        .iter()
        .map(|(date, _)| *date)
        .filter(|date| *date < today)
        .max();
    for (date, reason) in scheduled {
        if date >= today || Some(date) == latest_past {
            add(date, ReviewKind::ScheduledReview, reason);
        }
    }

    if let Some(pre_release) = in_custody
        .then(|| pre_release_date(start, settings))
        .flatten()
    {
        add(
            pre_release,
            ReviewKind::PreRelease,
            format!(
                "Pre-release review: {} weeks before release on {}",
                settings.pre_release_weeks,
                format_long(start)
            ),
        );
    }

    let ends = if case.sentence_type == SentenceType::Licence {
        "the licence ends"
    } else {
        "the sentence ends"
    };
    add(
        end,
        ReviewKind::Termination,
        format!("Termination review: {ends} on {}", format_long(end)),
    );

    for goal in plan.goals_with_status(GoalStatus::Active) {
        if let Some(target) = goal.target_date {
            add(
                target,
                ReviewKind::GoalTarget,
                format!("Target date of the goal \"{}\"", shorten(&goal.text)),
            );
        }
    }

    for change in significant_changes
        .iter()
        .filter(|change| change.date <= end)
    {
        add(
            change.date,
            ReviewKind::SignificantChange,
            format!("Significant change: {}", change.reason.trim()),
        );
    }

    let initial_plan_done = plan.is_agreed();
    let mut dates: Vec<ReviewDate> = dates
        .into_iter()
        .map(|(date, kind, reason)| ReviewDate {
            date,
            kind,
            reason,
            overdue: date < today && !(kind == ReviewKind::InitialPlan && initial_plan_done),
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
/// `initial` is the initial plan's date, when it could be worked out.
fn scheduled_reviews(
    case: &CaseDetails,
    settings: &ReviewSettings,
    initial: Option<Date>,
    in_custody: bool,
) -> Vec<(Date, String)> {
    let interval = i64::from(settings.interval_months);
    if interval == 0 {
        return Vec::new();
    }
    let start = case.sentence_or_release_date;
    let end = case.sentence_end_date;
    let every_n = format!("a review every {interval} months");
    let mut reviews = Vec::new();
    if let (true, Some(initial)) = (in_custody, initial) {
        // With no pre-release date (it would be before the calendar), no review falls before it.
        if let Some(pre_release) = pre_release_date(start, settings) {
            let until = pre_release.min(end);
            reviews.extend(every(initial, interval, until).map(|(months, date)| {
                let reason = format!(
                    "Review due: {months} months from the initial sentence plan, until release ({every_n})"
                );
                (date, reason)
            }));
        }
    }
    let start_label = case.sentence_type.start_date_label().to_lowercase();
    reviews.extend(every(start, interval, end).map(|(months, date)| {
        let reason = format!(
            "Review due: {months} months from the {start_label} {} ({every_n})",
            format_long(start)
        );
        (date, reason)
    }));
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
