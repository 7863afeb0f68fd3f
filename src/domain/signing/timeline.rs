//! The case's timeline (the MoJ timeline pattern): what happened, who did it and when.

use serde::{Deserialize, Serialize};

use super::{AssessmentPurpose, Profile};
use crate::domain::dates::{format_long, london_date_of};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    Signed,
    /// A case package was exported to hand the case over.
    Sent,
    /// A case package was imported into this browser.
    Imported,
    Countersigned,
    DoubleCountersignRequested,
    DoubleCountersigned,
    Returned,
    /// The officer started changing a signed assessment: the changes become the next version.
    NewDraft,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub kind: EventKind,
    /// Who did it; `None` for a case created before any profile existed.
    pub by: Option<Profile>,
    /// RFC 3339.
    pub at: String,
    /// The version it happened to, if any.
    pub version: Option<u32>,
    /// The comment given with it (why it was returned, why a second countersignature is needed).
    pub note: Option<String>,
    /// What a new draft is for; absent on other events and on new drafts started before drafts
    /// stated it (read as a review).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<AssessmentPurpose>,
    /// A review's assessment date and the change it is for, on the new draft that started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<super::ReviewDetails>,
}

impl TimelineEvent {
    /// The timeline item's title: "Version 2 countersigned".
    pub fn title(&self) -> String {
        let version = self
            .version
            .map(|number| format!("Version {number}"))
            .unwrap_or_else(|| "Assessment".to_string());
        match self.kind {
            EventKind::Created => "Case created".to_string(),
            EventKind::Signed => format!("{version} signed"),
            EventKind::Sent => match self.version {
                Some(number) => format!("Case package sent (version {number})"),
                None => "Case package sent".to_string(),
            },
            EventKind::Imported => "Case package imported".to_string(),
            EventKind::Countersigned => format!("{version} countersigned"),
            EventKind::DoubleCountersignRequested => {
                format!("{version} countersigned, double countersignature requested")
            }
            EventKind::DoubleCountersigned => format!("{version} double countersigned"),
            EventKind::Returned => format!("{version} returned for rework"),
            EventKind::NewDraft => match self.purpose {
                Some(purpose) => format!(
                    "{version} started as a new draft: {}",
                    purpose.label().to_lowercase()
                ),
                None => format!("{version} started as a new draft"),
            },
        }
    }

    /// "by Sam Patel (PO)", or nothing when nobody is recorded.
    pub fn byline(&self) -> Option<String> {
        self.by.as_ref().map(|by| format!("by {}", by.describe()))
    }

    /// The day it happened in London, "25 November 2026", or the stored text if it is not a time.
    pub fn day(&self) -> String {
        long_day(&self.at)
    }
}

/// "25 November 2026" for an RFC 3339 time (its day in London, see
/// [`crate::domain::dates::london_date`]), or the text unchanged if it is not a time.
///
/// ```
/// use probation_workbook::domain::signing::long_day;
/// // Countersigned at 00:30 on a summer night in London.
/// assert_eq!(long_day("2026-07-14T23:30:00Z"), "15 July 2026");
/// assert_eq!(long_day("2026-12-14T23:30:00Z"), "14 December 2026");
/// ```
pub fn long_day(at: &str) -> String {
    match london_date_of(at) {
        Some(day) => format_long(day),
        None => at.to_string(),
    }
}
