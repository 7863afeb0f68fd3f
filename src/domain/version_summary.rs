//! The summary a senior reads first (issue 20), on the review screen and every signed version: the
//! overall RoSH (the screens draw its level grid), each scored section with its score and
//! severity, why countersigning is needed (each reason once), and who signed and decided, when.
//! The predictors are worked out by the screen from the same answers (they need the offence list).
//!
//! ```
//! use probation_workbook::domain::answers::{Answer, Answers};
//! use probation_workbook::domain::version_summary::need_rows;
//! let mut answers = Answers::default();
//! answers.set("3.3", Answer::Choice("yes".into()));
//! answers.set("3.4", Answer::Choice("2".into()));
//! let accommodation = &need_rows(&answers)[0];
//! assert_eq!(accommodation.heading, "3. Accommodation");
//! assert!(accommodation.score.ends_with(" out of 8"), "{}", accommodation.score);
//! ```

use crate::domain::answers::Answers;
use crate::domain::questionnaire::SECTIONS;
use crate::domain::scoring::score_section;
use crate::domain::signing::{describe_need, long_day, SignedVersion};

/// One scored section: its heading, "4 out of 8", and "Identified need" or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedRow {
    pub heading: String,
    pub score: String,
    pub level: &'static str,
    pub is_need: bool,
}

/// Every section scored for need, in task-list order, with its score and severity.
pub fn need_rows(answers: &Answers) -> Vec<NeedRow> {
    SECTIONS
        .iter()
        .filter(|section| section.is_scored())
        .map(|section| {
            let score = score_section(section, answers);
            NeedRow {
                heading: section.heading(),
                score: format!("{} out of {}", score.score, score.max),
                level: score.need.map_or("Not scored", |need| need.label()),
                is_need: score.is_need(),
            }
        })
        .collect()
}

/// Why countersigning was needed when the version was signed, each reason once, in words.
pub fn countersigning_reasons(version: &SignedVersion) -> String {
    let mut reasons: Vec<&str> = Vec::new();
    for reason in &version.countersign_reasons {
        if !reasons.contains(&reason.as_str()) {
            reasons.push(reason);
        }
    }
    describe_need(&reasons)
}

/// Who signed the version and each decision on it, with the day: "Signed by Alex Officer (PO) on
/// 3 December 2026", "Countersigned by …", "Returned for rework by … on …: why".
pub fn decisions(version: &SignedVersion) -> Vec<String> {
    let on = |at: &Option<String>| at.as_deref().map(long_day).unwrap_or_default();
    let mut lines = vec![format!(
        "Signed by {} on {}",
        version.signed_by.describe(),
        long_day(&version.signed_at)
    )];
    if let Some(by) = &version.countersigned_by {
        lines.push(format!(
            "Countersigned by {} on {}",
            by.describe(),
            on(&version.countersigned_at)
        ));
    }
    if let Some(by) = &version.double_countersigned_by {
        lines.push(format!(
            "Double countersigned by {} on {}",
            by.describe(),
            on(&version.double_countersigned_at)
        ));
    }
    if let Some(by) = &version.returned_by {
        let reason = version
            .returned_reason
            .as_deref()
            .map(|reason| format!(": {reason}"))
            .unwrap_or_default();
        lines.push(format!(
            "Returned for rework by {} on {}{reason}",
            by.describe(),
            on(&version.returned_at)
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::signing::{Grade, Profile, Snapshot, VersionState};

    #[test]
    fn reasons_are_said_once_and_every_decision_with_its_day() {
        let officer = Profile::new("Alex Officer", Grade::Po).unwrap();
        let senior = Profile::new("Sam Senior", Grade::Spo).unwrap();
        let mut version: SignedVersion = serde_json::from_value(serde_json::json!({
            "number": 1,
            "state": "returned",
            "snapshot": Snapshot::default(),
            "signed_by": officer,
            "signed_at": "2026-12-01T10:00:00Z",
            "countersign_reasons": [
                "countersigning needed: RoSH High",
                "countersigning needed: RoSH High",
                "countersigning needed: first assessment of the period of supervision"
            ],
            "countersigned_by": null,
            "countersigned_at": null,
            "double_countersign_reason": null,
            "double_countersigned_by": null,
            "double_countersigned_at": null,
            "returned_by": senior,
            "returned_at": "2026-12-02T23:30:00Z",
            "returned_reason": "Say more about the risk to the neighbour",
            "comments": []
        }))
        .unwrap();
        assert_eq!(
            countersigning_reasons(&version),
            "Countersigning needed: RoSH High; first assessment of the period of supervision"
        );
        assert_eq!(
            decisions(&version),
            [
                "Signed by Alex Officer (PO) on 1 December 2026",
                "Returned for rework by Sam Senior (SPO) on 2 December 2026: Say more about the risk to the neighbour"
            ]
        );
        version.state = VersionState::Countersigned;
        version.returned_by = None;
        version.countersigned_by = Some(Profile::new("Sam Senior", Grade::Spo).unwrap());
        version.countersigned_at = Some("2026-12-03T09:00:00Z".into());
        assert_eq!(
            decisions(&version)[1],
            "Countersigned by Sam Senior (SPO) on 3 December 2026"
        );
    }

    #[test]
    fn every_scored_section_is_listed_with_its_need() {
        let rows = need_rows(&Answers::default());
        assert!(rows.iter().all(|row| row.score.starts_with("0 out of ")));
        assert_eq!(
            rows.len(),
            SECTIONS
                .iter()
                .filter(|section| section.is_scored())
                .count()
        );
        assert!(rows.iter().all(|row| !row.is_need));
    }
}
