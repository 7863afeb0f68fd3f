//! The caseload table: one [`CaseloadRow`] per case, the filters and sorts officers use on it, and
//! the forgiving search ([`SearchIndex`]).
//!
//! - `row` — [`CaseloadRow`] built from a case's records, [`AssessmentStatus`], [`parse_appointment`].
//! - `search` — [`SearchIndex`]: names and CRNs, forgiving typos, order, accents and partial CRNs.
//! - `unreadable` — [`Caseload`]: the rows and the [`UnreadableRecord`]s (records that could not be
//!   read, always listed by id), and what the table shows for a search, filters and sort.
//!
//! ```
//! use probation_workbook::domain::caseload::{sort_rows, Filter, SortKey};
//! # fn rows() -> Vec<probation_workbook::domain::caseload::CaseloadRow> { Vec::new() }
//! let mut rows: Vec<_> = rows()
//!     .into_iter()
//!     .filter(|row| Filter::OverdueReview.keeps(row))
//!     .collect();
//! sort_rows(&mut rows, SortKey::NextReview, true);
//! ```

mod queue;
mod row;
mod search;
mod unreadable;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod unreadable_tests;

use std::cmp::Ordering;

mod glance;
pub use glance::{rosh_line, KeyFacts};
pub use queue::{
    awaiting_me, by_officer, reviewed_for_a_colleague, whose, Awaiting, Whose, NOT_IN_TEAM_LIST,
};
pub use row::{parse_appointment, AssessmentStatus, CaseloadRow, DraftProgress, ROSH_NOT_ASSESSED};
pub use search::{SearchIndex, MIN_SCORE};
pub use unreadable::{Caseload, ShownCaseload, UnreadableRecord};

use crate::domain::rosh::RoshLevel;

/// A filter above the caseload table; several together keep the cases every one of them keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    OverdueReview,
    AwaitingCountersign,
    /// Returned for rework by a senior: the officer has work to do on it.
    ReturnedToMe,
    RoshHighOrVeryHigh,
}

impl Filter {
    pub const ALL: [Filter; 4] = [
        Filter::OverdueReview,
        Filter::AwaitingCountersign,
        Filter::ReturnedToMe,
        Filter::RoshHighOrVeryHigh,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Filter::OverdueReview => "Overdue review",
            Filter::AwaitingCountersign => "Awaiting countersign",
            Filter::ReturnedToMe => "Returned to me",
            Filter::RoshHighOrVeryHigh => "RoSH high or very high",
        }
    }

    pub fn keeps(&self, row: &CaseloadRow) -> bool {
        match self {
            Filter::OverdueReview => row.overdue,
            Filter::AwaitingCountersign => row.status == AssessmentStatus::AwaitingCountersign,
            Filter::ReturnedToMe => row.status == AssessmentStatus::Returned,
            Filter::RoshHighOrVeryHigh => row.rosh >= Some(RoshLevel::High),
        }
    }
}

/// Whether a row passes every filter chosen (all of them when none is).
pub fn keeps_all(filters: &[Filter], row: &CaseloadRow) -> bool {
    filters.iter().all(|filter| filter.keeps(row))
}

/// A column of the caseload table to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Crn,
    NextReview,
    /// The release date where there is one (custody and licence), then the sentence end date.
    ReleaseOrEnd,
    Rosh,
    Status,
    NextAppointment,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::Name,
        SortKey::Crn,
        SortKey::NextReview,
        SortKey::ReleaseOrEnd,
        SortKey::Rosh,
        SortKey::Status,
        SortKey::NextAppointment,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Name",
            SortKey::Crn => "CRN",
            SortKey::NextReview => "Next review",
            SortKey::ReleaseOrEnd => "Release / sentence end",
            SortKey::Rosh => "RoSH",
            SortKey::Status => "Assessment",
            SortKey::NextAppointment => "Next appointment",
        }
    }
}

/// Sorts the table by one column. Missing values (no review, no release date, RoSH not yet assessed,
/// no appointment) go last whichever way it is sorted; names ignore case; RoSH sorts by level; equal
/// rows keep their order.
pub fn sort_rows(rows: &mut [CaseloadRow], key: SortKey, ascending: bool) {
    rows.sort_by(|a, b| compare(a, b, key, ascending));
}

/// [`sort_rows`] on positions in `rows` (the rows stay where they are).
pub fn sort_positions(
    rows: &[CaseloadRow],
    positions: &mut [usize],
    key: SortKey,
    ascending: bool,
) {
    positions.sort_by(|a, b| match (rows.get(*a), rows.get(*b)) {
        (Some(a), Some(b)) => compare(a, b, key, ascending),
        _ => a.cmp(b),
    });
}

/// What the table shows, as positions in `rows`: with no search, the rows every filter keeps,
/// sorted by `key`; with a search (`index` made from `rows` in their order), the rows found, best
/// match first, that every filter keeps.
pub fn shown_positions(
    rows: &[CaseloadRow],
    index: &SearchIndex,
    query: &str,
    filters: &[Filter],
    key: SortKey,
    ascending: bool,
) -> Vec<usize> {
    let kept = |position: &usize| {
        rows.get(*position)
            .is_some_and(|row| keeps_all(filters, row))
    };
    if query.trim().is_empty() {
        let mut positions: Vec<usize> = (0..rows.len()).filter(kept).collect();
        sort_positions(rows, &mut positions, key, ascending);
        positions
    } else {
        index
            .positions(query)
            .into_iter()
            .map(|(position, _)| position)
            .filter(kept)
            .collect()
    }
}

fn compare(a: &CaseloadRow, b: &CaseloadRow, key: SortKey, ascending: bool) -> Ordering {
    let direct = |ordering: Ordering| {
        if ascending {
            ordering
        } else {
            ordering.reverse()
        }
    };
    match key {
        SortKey::Name => direct(a.name.to_lowercase().cmp(&b.name.to_lowercase())),
        SortKey::Crn => direct(a.crn.to_uppercase().cmp(&b.crn.to_uppercase())),
        SortKey::NextReview => missing_last(
            a.next_review.as_ref().map(|review| review.date),
            b.next_review.as_ref().map(|review| review.date),
            direct,
        ),
        SortKey::ReleaseOrEnd => missing_last(a.release_or_end.0, b.release_or_end.0, direct)
            .then_with(|| direct(a.release_or_end.1.cmp(&b.release_or_end.1))),
        SortKey::Rosh => missing_last(a.rosh, b.rosh, direct),
        SortKey::Status => direct(a.status.cmp(&b.status)),
        SortKey::NextAppointment => missing_last(a.next_appointment, b.next_appointment, direct),
    }
}

fn missing_last<T: Ord>(
    a: Option<T>,
    b: Option<T>,
    direct: impl Fn(Ordering) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => direct(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// What the caseload says when a search or the filters find nothing: the heading and a hint.
pub fn no_matches(query: &str, filtered: bool) -> (String, &'static str) {
    let query = query.trim();
    match (query.is_empty(), filtered) {
        (false, false) => (
            format!("No cases match “{query}”"),
            "Check the spelling, or search by part of the name or by the CRN (a letter and 6 numbers).",
        ),
        (false, true) => (
            format!("No cases match “{query}” with these filters"),
            "Clear the filters, check the spelling, or search by part of the name or by the CRN.",
        ),
        (true, _) => (
            "No cases match these filters".to_string(),
            "Clear a filter to see more cases.",
        ),
    }
}
