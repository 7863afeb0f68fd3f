//! "Awaiting my countersignature" (issue 20): every version waiting for this senior's decision,
//! across the cases in this browser, oldest first, with whose case it is, since when and why it
//! needs countersigning. Which versions count is `CaseSigning::version_to_review`, the rule the
//! review screen applies: never the senior's own work, nor a second countersignature they gave
//! the first of.

use crate::domain::case::CaseDetails;
use crate::domain::keys::{Fingerprint, Team};
use crate::domain::signing::{long_day, CaseSigning, Profile, VersionState};
use crate::domain::version_summary::countersigning_reasons;

/// One version in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awaiting {
    pub case_id: String,
    pub name: String,
    pub crn: String,
    /// Who signed it: "Alex Officer (PO)".
    pub officer: String,
    pub version: u32,
    /// RFC 3339: when it started waiting (signed, or countersigned for a second countersignature).
    pub since: String,
    /// "3 December 2026".
    pub since_day: String,
    /// What it waits for: "Countersignature" or "Second countersignature".
    pub waiting_for: &'static str,
    pub reasons: String,
}

/// The versions waiting for `me`, oldest first (by when they started waiting, then by case).
pub fn awaiting_me<'a>(
    cases: impl IntoIterator<Item = (&'a str, &'a CaseDetails, &'a CaseSigning)>,
    me: &Profile,
) -> Vec<Awaiting> {
    let mut queue: Vec<Awaiting> = cases
        .into_iter()
        .filter_map(|(case_id, details, signing)| {
            let version = signing.version_to_review(Some(me)).ok()?;
            let double = version.state == VersionState::AwaitingDoubleCountersign;
            let since = if double {
                version
                    .countersigned_at
                    .clone()
                    .unwrap_or_else(|| version.signed_at.clone())
            } else {
                version.signed_at.clone()
            };
            Some(Awaiting {
                case_id: case_id.to_string(),
                name: details.name.clone(),
                crn: details.crn.clone(),
                officer: version.signed_by.describe(),
                version: version.number,
                since_day: long_day(&since),
                since,
                waiting_for: if double {
                    "Second countersignature"
                } else {
                    "Countersignature"
                },
                reasons: countersigning_reasons(version),
            })
        })
        .collect();
    // RFC 3339 times in UTC compare as text; an unreadable one sorts first, so it is not missed.
    queue.sort_by(|one, other| {
        (one.since.as_str(), one.crn.as_str()).cmp(&(other.since.as_str(), other.crn.as_str()))
    });
    queue
}

/// Whether a case in this browser is a colleague's that `me` reviews, listed apart from "Your
/// caseload" (issue 20): every version of it was signed by someone else, and `me` has a version
/// of it to review or has decided on one (countersigned, returned, or countersigned a second
/// time). A case transferred to `me` is mine, not a team case: nobody asked me to review it.
pub fn reviewed_for_a_colleague(signing: &CaseSigning, me: &Profile) -> bool {
    let versions = &signing.versions;
    let decided_by_me = |version: &crate::domain::signing::SignedVersion| {
        [
            &version.countersigned_by,
            &version.returned_by,
            &version.double_countersigned_by,
        ]
        .into_iter()
        .flatten()
        .any(|by| me.is_same_person(by))
    };
    !versions.is_empty()
        && versions
            .iter()
            .all(|version| !me.is_same_person(&version.signed_by))
        && (signing.may_review(Some(me)) || versions.iter().any(decided_by_me))
}

/// Whose a case is on the caseload (issue 21): "Your cases", or a colleague's under "Team cases".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Whose {
    Mine,
    /// The colleague's name as the team list gives it: "Alex Trainee (PQiP)".
    Colleague(String),
}

/// A colleague whose key is not in this officer's team list.
pub const NOT_IN_TEAM_LIST: &str = "Someone not in your team list";

/// Whose the case is. One team sync brought here (`made_by`: the fingerprint that first sealed its
/// record, `team_sync::case_owners`) is its maker's: mine if I made it (a browser of mine wiped
/// and synced again), else the colleague's, named from `team`. Otherwise one this senior reviews
/// for a colleague ([`reviewed_for_a_colleague`]) is the officer's who signed it; the rest are mine.
pub fn whose(
    signing: &CaseSigning,
    me: Option<&Profile>,
    made_by: Option<&str>,
    my_fingerprint: Option<&Fingerprint>,
    team: &Team,
) -> Whose {
    if let Some(maker) = made_by.and_then(Fingerprint::parse) {
        if my_fingerprint == Some(&maker) {
            return Whose::Mine;
        }
        return Whose::Colleague(
            team.by_fingerprint(&maker)
                .map_or_else(|| NOT_IN_TEAM_LIST.to_string(), |member| team.label(member)),
        );
    }
    if me.is_some_and(|me| reviewed_for_a_colleague(signing, me)) {
        let officer = signing
            .latest()
            .map(|version| version.signed_by.describe())
            .unwrap_or_default();
        return Whose::Colleague(officer);
    }
    Whose::Mine
}

/// Team cases grouped by officer, officers in alphabetical order, each officer's cases in the
/// order given.
pub fn by_officer<T>(cases: Vec<(T, String)>) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for (case, officer) in cases {
        match groups.iter_mut().find(|(name, _)| *name == officer) {
            Some((_, group)) => group.push(case),
            None => groups.push((officer, vec![case])),
        }
    }
    groups.sort_by_key(|(name, _)| name.to_lowercase());
    groups
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::case::{SentenceType, Sex};
    use crate::domain::signing::{Grade, Snapshot};

    fn details(name: &str, crn: &str) -> CaseDetails {
        CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: name.into(),
            crn: crn.into(),
            date_of_birth: date(1990, 1, 2),
            sex: Sex::Female,
            sentence_type: SentenceType::CommunityOrder,
            sentence_date: None,
            sentence_or_release_date: date(2026, 6, 1),
            sentence_end_date: date(2027, 6, 1),
        }
    }

    fn signed_by(officer: &Profile, at: &str) -> CaseSigning {
        let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(officer));
        signing
            .sign(
                Snapshot::default(),
                true,
                officer,
                &["countersigning needed: RoSH High"],
                at,
            )
            .unwrap();
        signing
    }

    #[test]
    fn a_case_team_sync_brought_is_its_makers_and_one_reviewed_for_a_colleague_the_signers() {
        use crate::domain::keys::support::{team_of, Person};
        let (officer, senior, stranger) = (Person::officer(), Person::senior(), Person::stranger());
        let team = team_of(&[&officer]);
        let me = &senior.profile;
        let mine = senior.keys().fingerprint();
        let fresh = CaseSigning::new("2026-11-01T09:00:00Z", Some(me));
        let made = |person: &Person| person.keys().fingerprint().to_string();
        // Brought by team sync: whoever first sealed it.
        assert_eq!(
            whose(&fresh, Some(me), Some(&made(&officer)), Some(&mine), &team),
            Whose::Colleague(team.label(&team.members[0]))
        );
        assert_eq!(
            whose(&fresh, Some(me), Some(&made(&senior)), Some(&mine), &team),
            Whose::Mine
        );
        assert_eq!(
            whose(&fresh, Some(me), Some(&made(&stranger)), Some(&mine), &team),
            Whose::Colleague(NOT_IN_TEAM_LIST.into())
        );
        // A maker that does not read as a fingerprint is not trusted as one.
        assert_eq!(
            whose(
                &fresh,
                Some(me),
                Some("not a fingerprint"),
                Some(&mine),
                &team
            ),
            Whose::Mine
        );
        // From a package: reviewed for the officer who signed it.
        let sent = signed_by(&officer.profile, "2026-12-02T10:00:00Z");
        assert_eq!(
            whose(&sent, Some(me), None, Some(&mine), &team),
            Whose::Colleague(officer.profile.describe())
        );
        assert_eq!(
            whose(&fresh, Some(me), None, Some(&mine), &team),
            Whose::Mine
        );
        assert_eq!(whose(&sent, None, None, None, &team), Whose::Mine);
    }

    #[test]
    fn team_cases_are_grouped_by_officer_in_alphabetical_order() {
        let grouped = by_officer(vec![
            (1, "Sam Senior (SPO)".to_string()),
            (2, "alex Trainee (PQiP)".to_string()),
            (3, "Sam Senior (SPO)".to_string()),
        ]);
        assert_eq!(
            grouped,
            vec![
                ("alex Trainee (PQiP)".to_string(), vec![2]),
                ("Sam Senior (SPO)".to_string(), vec![1, 3]),
            ]
        );
    }

    #[test]
    fn every_version_waiting_for_me_oldest_first_and_never_my_own() {
        let officer = Profile::new("Alex Officer", Grade::Po).unwrap();
        let me = Profile::new("Sam Senior", Grade::Spo).unwrap();
        let (a, b, c) = (
            details("Robin Fictional", "R111111"),
            details("Kit Fictional", "K222222"),
            details("Sam Senior", "S333333"),
        );
        let newer = signed_by(&officer, "2026-12-02T10:00:00Z");
        let older = signed_by(&officer, "2026-11-20T10:00:00Z");
        let mine = signed_by(&me, "2026-11-01T10:00:00Z");
        let mut decided = signed_by(&officer, "2026-11-10T10:00:00Z");
        decided.countersign(1, &me, "2026-11-11T10:00:00Z").unwrap();
        let queue = awaiting_me(
            [
                ("a", &a, &newer),
                ("b", &b, &older),
                ("c", &c, &mine),
                ("d", &a, &decided),
            ],
            &me,
        );
        assert_eq!(
            queue
                .iter()
                .map(|row| row.case_id.as_str())
                .collect::<Vec<_>>(),
            ["b", "a"]
        );
        assert_eq!(queue[0].since_day, "20 November 2026");
        assert_eq!(queue[0].officer, "Alex Officer (PO)");
        assert_eq!(queue[0].waiting_for, "Countersignature");
        assert_eq!(queue[0].reasons, "Countersigning needed: RoSH High");
        // A grade that cannot countersign has no queue.
        let po = Profile::new("Kim Lee", Grade::Po).unwrap();
        assert!(awaiting_me([("a", &a, &newer)], &po).is_empty());
    }

    #[test]
    fn a_colleagues_case_i_review_is_a_team_case_and_my_own_or_a_transferred_one_is_not() {
        let officer = Profile::new("Alex Officer", Grade::Po).unwrap();
        let me = Profile::new("Sam Senior", Grade::Spo).unwrap();
        // Waiting for me, or decided by me (countersigned or returned): a team case.
        let waiting = signed_by(&officer, "2026-12-02T10:00:00Z");
        assert!(reviewed_for_a_colleague(&waiting, &me));
        let mut countersigned = signed_by(&officer, "2026-11-10T10:00:00Z");
        countersigned
            .countersign(1, &me, "2026-11-11T10:00:00Z")
            .unwrap();
        assert!(reviewed_for_a_colleague(&countersigned, &me));
        let mut returned = signed_by(&officer, "2026-11-10T10:00:00Z");
        returned
            .return_for_rework(1, "Say where he sleeps", &me, "2026-11-11T10:00:00Z")
            .unwrap();
        assert!(reviewed_for_a_colleague(&returned, &me));
        // My own work, a case with nothing signed, and a colleague's case countersigned by
        // someone else (transferred to me) are mine.
        assert!(!reviewed_for_a_colleague(
            &signed_by(&me, "2026-11-01T10:00:00Z"),
            &me
        ));
        assert!(!reviewed_for_a_colleague(
            &CaseSigning::new("2026-11-01T09:00:00Z", Some(&me)),
            &me
        ));
        let other_senior = Profile::new("Jo Bloggs", Grade::Spo).unwrap();
        let mut transferred = signed_by(&officer, "2026-11-10T10:00:00Z");
        transferred
            .countersign(1, &other_senior, "2026-11-11T10:00:00Z")
            .unwrap();
        assert!(!reviewed_for_a_colleague(&transferred, &me));
        // The officer's own browser: their case is never a team case.
        assert!(!reviewed_for_a_colleague(&countersigned, &officer));
    }
}
