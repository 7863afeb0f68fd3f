//! A significant change in the person's life or risk (domain.md §5): what kind, what happened, when,
//! and when it was recorded. The plan is reviewed straight away: the review falls due on the day the
//! change is recorded (its own date when recorded the same day), so a change recorded late is never
//! overdue the moment it is recorded.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::domain::dates::{format_long, lower_first};

/// The kinds of significant change domain.md §5 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    NewOffence,
    Recall,
    ChangeOfAddress,
    ChangeOfEmployment,
    ChangeOfRelationship,
    /// A change in the risk of serious harm.
    RoshChange,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 6] = [
        ChangeKind::NewOffence,
        ChangeKind::Recall,
        ChangeKind::ChangeOfAddress,
        ChangeKind::ChangeOfEmployment,
        ChangeKind::ChangeOfRelationship,
        ChangeKind::RoshChange,
    ];

    /// The stored value: "change_of_address".
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::NewOffence => "new_offence",
            ChangeKind::Recall => "recall",
            ChangeKind::ChangeOfAddress => "change_of_address",
            ChangeKind::ChangeOfEmployment => "change_of_employment",
            ChangeKind::ChangeOfRelationship => "change_of_relationship",
            ChangeKind::RoshChange => "rosh_change",
        }
    }

    pub fn from_code(code: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// What the officer reads: "Change of address".
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::NewOffence => "New offence",
            ChangeKind::Recall => "Recall",
            ChangeKind::ChangeOfAddress => "Change of address",
            ChangeKind::ChangeOfEmployment => "Change of employment",
            ChangeKind::ChangeOfRelationship => "Change of relationship",
            ChangeKind::RoshChange => "Change in risk of serious harm (RoSH)",
        }
    }
}

/// Something that changed in the person's life or risk: the plan is reviewed straight away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignificantChange {
    /// When it changed.
    pub date: Date,
    /// What kind of change; absent in changes recorded before the kind was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChangeKind>,
    /// What changed, in the officer's words ("Moved to a new address"); may be empty when the kind
    /// says enough (from `workbook assess`).
    pub reason: String,
    /// The day it was recorded; absent in changes recorded before it was kept, which count as
    /// recorded on their own date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_on: Option<Date>,
}

impl SignificantChange {
    /// The day the review it calls for is due: the day it was recorded, or its own date if later
    /// (a change is never recorded before it happens, but old or imported data may say so).
    ///
    /// ```
    /// use jiff::civil::date;
    /// use probation_workbook::domain::reviews::{ChangeKind, SignificantChange};
    /// let change = SignificantChange {
    ///     date: date(2026, 11, 20),
    ///     kind: Some(ChangeKind::ChangeOfAddress),
    ///     reason: "Moved to a new address".into(),
    ///     recorded_on: Some(date(2026, 11, 25)),
    /// };
    /// assert_eq!(change.review_due(), date(2026, 11, 25));
    /// assert_eq!(change.describe(), "Significant change (change of address): Moved to a new address, on 20 November 2026, recorded 25 November 2026");
    /// ```
    pub fn review_due(&self) -> Date {
        self.recorded_on
            .map_or(self.date, |recorded| recorded.max(self.date))
    }

    /// The reason of its review date: the kind and the officer's words, and both days when it was
    /// recorded later than it happened.
    pub fn describe(&self) -> String {
        let words = self.reason.trim();
        let what = match (self.kind, words.is_empty()) {
            (Some(kind), false) => format!(
                "Significant change ({}): {words}",
                lower_first(kind.label())
            ),
            (Some(kind), true) => format!("Significant change: {}", lower_first(kind.label())),
            (None, false) => format!("Significant change: {words}"),
            (None, true) => "Significant change".to_string(),
        };
        if self.review_due() > self.date {
            format!(
                "{what}, on {}, recorded {}",
                format_long(self.date),
                format_long(self.review_due())
            )
        } else {
            what
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn change(kind: Option<ChangeKind>, reason: &str, recorded: Option<Date>) -> SignificantChange {
        SignificantChange {
            date: date(2026, 11, 20),
            kind,
            reason: reason.into(),
            recorded_on: recorded,
        }
    }

    #[test]
    fn kinds_have_codes_and_labels() {
        for kind in ChangeKind::ALL {
            assert_eq!(ChangeKind::from_code(kind.code()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::String(kind.code().into())
            );
        }
        assert_eq!(ChangeKind::from_code("moved"), None);
    }

    #[test]
    fn the_review_is_due_the_day_the_change_is_recorded() {
        let same_day = change(None, "Moved", Some(date(2026, 11, 20)));
        assert_eq!(same_day.review_due(), date(2026, 11, 20));
        let late = change(None, "Moved", Some(date(2026, 11, 25)));
        assert_eq!(late.review_due(), date(2026, 11, 25));
        let unknown = change(None, "Moved", None);
        assert_eq!(unknown.review_due(), date(2026, 11, 20));
        let impossible = change(None, "Moved", Some(date(2026, 11, 1)));
        assert_eq!(impossible.review_due(), date(2026, 11, 20));
    }

    #[test]
    fn the_reason_names_the_kind_and_the_words() {
        let on_the_day = Some(date(2026, 11, 20));
        assert_eq!(
            change(Some(ChangeKind::NewOffence), "Arrested", on_the_day).describe(),
            "Significant change (new offence): Arrested"
        );
        assert_eq!(
            change(Some(ChangeKind::RoshChange), " ", on_the_day).describe(),
            "Significant change: change in risk of serious harm (RoSH)"
        );
        assert_eq!(
            change(None, "Moved to a new address", None).describe(),
            "Significant change: Moved to a new address"
        );
        assert_eq!(change(None, "", None).describe(), "Significant change");
    }

    #[test]
    fn a_change_stored_before_kinds_and_recording_days_still_reads() {
        let old = serde_json::json!({"date": "2026-11-20", "reason": "Moved house"});
        let read: SignificantChange = serde_json::from_value(old.clone()).unwrap();
        assert_eq!(read, change(None, "Moved house", None));
        assert_eq!(serde_json::to_value(&read).unwrap(), old);
    }
}
