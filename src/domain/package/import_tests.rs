//! Imports: what a package would change, and the refusals of older and conflicting packages.

use super::tests::{case, officer, package, senior, sent_for_countersigning, AT};
use super::*;
use jiff::civil::date;

use crate::domain::answers::Answer;
use crate::domain::plan::{AreaOfNeed, GoalDetails, GoalTarget, GoalTiming, SentencePlan};
use crate::domain::signing::{CommentTarget, Grade, SigningError, VersionState};

#[test]
fn the_senior_sees_what_a_new_case_would_add() {
    let package = package();
    let preview = preview_import(None, None, &package).unwrap();
    assert_eq!(
        preview.holds,
        [
            "Case: Alex Smith (CRN X123456)",
            "Exported by Sam Patel (PQiP) on 26 November 2026",
            "2 versions: version 1 returned for rework, version 2 awaiting countersignature",
            "1 comment",
            "5 timeline entries",
        ]
    );
    assert_eq!(
        preview.changes,
        [
            "Adds the case of Alex Smith (CRN X123456) to this browser",
            "Adds version 1, signed by Sam Patel (PQiP) on 25 November 2026: returned for rework",
            "Adds version 2, signed by Sam Patel (PQiP) on 25 November 2026: awaiting countersignature",
        ]
    );
    let imported = preview.apply(&senior(), "2026-11-27T09:00:00Z").unwrap();
    assert_eq!(imported.versions, package.signing.versions);
    assert_eq!(
        imported.history.last().unwrap().title(),
        "Case package imported"
    );
}

/// The senior's round: import, comment, countersign with a request for a double countersignature, send.
pub(super) fn senior_round(package: &CasePackage) -> CaseSigning {
    let at = "2026-11-27T09:00:00Z";
    let preview = compare(None, &package.signing).unwrap();
    let mut signing = preview.apply(&senior(), at).unwrap();
    let on = CommentTarget::Section("3".into());
    signing.add_comment(2, on, "Better", &senior(), at).unwrap();
    signing
        .request_double_countersign(2, "Children at risk", &senior(), at)
        .unwrap();
    signing.record_sent(&senior(), at).unwrap();
    signing
}

#[test]
fn the_officer_sees_what_the_senior_did() {
    let sent = package();
    let back = senior_round(&sent);
    let preview = compare(Some(&sent.signing), &back).unwrap();
    assert_eq!(
        preview.changes,
        [
            "Version 2 was countersigned by Jo Bloggs (SPO) on 27 November 2026, who asked for a double countersignature: Children at risk",
            "Adds 1 comment on version 2",
            "Adds 3 entries to the timeline: Case package imported; Version 2 countersigned, double countersignature requested; Case package sent (version 2)",
        ]
    );
    assert_eq!(preview.merged.versions, back.versions);
    assert_eq!(preview.merged.history, back.history);
    assert!(!preview.is_up_to_date());
}

#[test]
fn an_import_of_what_is_already_here_changes_nothing() {
    let signing = sent_for_countersigning();
    let preview = compare(Some(&signing), &signing).unwrap();
    assert!(preview.is_up_to_date());
    assert_eq!(preview.merged, signing);
}

#[test]
fn an_older_package_is_refused_with_the_reason() {
    let sent = package();
    let back = senior_round(&sent);
    let error = compare(Some(&back), &sent.signing).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This package is older than what is here: version 2 is awaiting double countersignature here, but awaiting countersignature in the package"
    );
    let mut fewer = sent.signing.clone();
    fewer.versions.pop();
    fewer.history.truncate(3);
    let error = compare(Some(&sent.signing), &fewer).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This package is older than what is here: it holds 1 version and this browser has 2 versions"
    );
    let mut earlier = sent.signing.clone();
    earlier.history.pop();
    let error = compare(Some(&sent.signing), &earlier).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This package is older than what is here: it holds nothing new, and lacks 1 timeline entry this browser has"
    );
    let mut fewer_comments = back.clone();
    fewer_comments.versions[1].comments.clear();
    let error = compare(Some(&back), &fewer_comments).unwrap_err();
    assert!(error
        .to_string()
        .ends_with("version 2 has 1 comment here, but 0 comments in the package"));
}

#[test]
fn a_package_that_went_another_way_is_refused_as_a_conflict() {
    let sent = package();
    let mut returned = sent.signing.clone();
    returned.return_for_rework(2, "No", &senior(), AT).unwrap();
    let mut countersigned = sent.signing.clone();
    countersigned.countersign(2, &senior(), AT).unwrap();
    let error = compare(Some(&returned), &countersigned).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This package does not match the case here: version 2 is returned for rework here, but countersigned in the package"
    );
    let other = Profile::new("Kim Lee", Grade::HeadOfService).unwrap();
    let mut by_other = sent.signing.clone();
    by_other.countersign(2, &other, AT).unwrap();
    let error = compare(Some(&countersigned), &by_other).unwrap_err();
    assert!(error.to_string().ends_with("version 2 was countersigned by Jo Bloggs (SPO) here, but by Kim Lee (Head of service) in the package"));
    let mut changed = sent.signing.clone();
    changed.versions[1]
        .snapshot
        .answers
        .set("3.4", Answer::Choice("0".into()));
    let error = compare(Some(&sent.signing), &changed).unwrap_err();
    assert!(matches!(error, PackageError::Conflict(_)));
}

#[test]
fn both_sides_timeline_entries_are_kept() {
    let sent = package();
    let mut here = sent.signing.clone();
    here.record_sent(&officer(), "2026-11-26T10:00:00Z")
        .unwrap();
    let back = senior_round(&sent);
    let preview = compare(Some(&here), &back).unwrap();
    let sent_entries = preview
        .merged
        .history
        .iter()
        .filter(|event| event.title() == "Case package sent (version 2)")
        .count();
    assert_eq!(sent_entries, 3, "two from the officer, one from the senior");
    assert_eq!(preview.merged.history.len(), here.history.len() + 3);
}

#[test]
fn a_package_for_another_case_is_refused() {
    let package = package();
    let mut here = case();
    here.details.crn = "Y654321".into();
    let error = preview_import(Some(&here), None, &package).unwrap_err();
    assert_eq!(
        error.to_string(),
        "This package does not match the case here: the package is for CRN X123456, but the same case here is for CRN Y654321"
    );
    let mut other = case();
    other.id = "case-other".into();
    let error = preview_import(Some(&other), None, &package).unwrap_err();
    assert!(error
        .to_string()
        .ends_with("a different case here already has the CRN X123456"));
    let mut renamed = case();
    renamed.details.name = "Alex Smyth".into();
    let preview = preview_import(Some(&renamed), Some(&package.signing), &package).unwrap();
    assert_eq!(
        preview.changes,
        ["The case details in the package differ from the ones here: the ones here are kept"]
    );
}

#[test]
fn an_import_needs_a_profile() {
    let preview = compare(None, &package().signing).unwrap();
    let nameless = Profile {
        name: String::new(),
        grade: Grade::Spo,
    };
    assert_eq!(
        preview.apply(&nameless, AT),
        Err(SigningError::ProfileIncomplete)
    );
    assert_eq!(
        package().signing.latest().unwrap().state,
        VersionState::AwaitingCountersign
    );
}

// --- dates outside 1900 to 2100 (issue 12) --------------------------------------------------------

/// A plan with one goal aiming at `target`.
fn plan_aiming_at(target: jiff::civil::Date) -> SentencePlan {
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: "A tenancy".into(),
        timing: GoalTiming::start_now(GoalTarget::InSixMonths),
    };
    plan.add_goal("goal-1", goal, date(2026, 11, 25)).unwrap();
    plan.goals[0].target_date = Some(target);
    plan
}

fn refusal(package: &CasePackage) -> Option<String> {
    preview_import(None, None, package)
        .err()
        .map(|error| error.to_string())
}

#[test]
fn a_case_date_outside_1900_to_2100_is_refused_naming_it() {
    type Set = fn(&mut CaseDetails, jiff::civil::Date);
    let fields: [(&str, Set); 3] = [
        ("Date of birth", |case, day| case.date_of_birth = day),
        ("Sentence date", |case, day| {
            case.sentence_or_release_date = day
        }),
        ("Sentence end date", |case, day| {
            case.sentence_end_date = day
        }),
    ];
    for (label, set) in fields {
        let with = |day| {
            let mut package = package();
            set(&mut package.case.details, day);
            refusal(&package)
        };
        assert_eq!(
            with(date(1899, 12, 31)),
            Some(format!(
                "{label} must be between 1900 and 2100, but in the package it is 31 December 1899"
            ))
        );
        assert_eq!(with(date(1900, 1, 1)), None, "{label}");
        assert_eq!(with(date(2100, 12, 31)), None, "{label}");
        assert_eq!(
            with(date(2101, 1, 1)),
            Some(format!(
                "{label} must be between 1900 and 2100, but in the package it is 1 January 2101"
            ))
        );
    }
    let mut released = package();
    released.case.details.sentence_type = crate::domain::case::SentenceType::Licence;
    released.case.details.sentence_or_release_date = date(9999, 12, 20);
    assert_eq!(
        refusal(&released).unwrap(),
        "Release date must be between 1900 and 2100, but in the package it is 20 December 9999"
    );
    // Refused before anything else, even for a case already here.
    let error = preview_import(Some(&case()), Some(&released.signing), &released).unwrap_err();
    assert!(matches!(error, PackageError::DateOutsideYears { .. }));
}

#[test]
fn a_goal_date_outside_1900_to_2100_is_refused_naming_the_goal_and_version() {
    let mut draft = package();
    draft.draft = Some(Snapshot {
        plan: plan_aiming_at(date(2101, 1, 1)),
        ..Snapshot::default()
    });
    assert_eq!(
        refusal(&draft).unwrap(),
        "Target date of the goal \"Find settled accommodation\" in the work in progress must be \
         between 1900 and 2100, but in the package it is 1 January 2101"
    );
    draft.draft = Some(Snapshot {
        plan: plan_aiming_at(date(2100, 12, 31)),
        ..Snapshot::default()
    });
    assert_eq!(refusal(&draft), None);

    let mut signed = package();
    signed.signing.versions[1].snapshot.plan = plan_aiming_at(date(1899, 12, 31));
    assert_eq!(
        refusal(&signed).unwrap(),
        "Target date of the goal \"Find settled accommodation\" in version 2 must be between 1900 \
         and 2100, but in the package it is 31 December 1899"
    );
    signed.signing.versions[1].snapshot.plan = plan_aiming_at(date(1900, 1, 1));
    assert_eq!(refusal(&signed), None);

    let mut agreed = package();
    agreed.signing.versions[0].snapshot.plan.agreed_on = Some(date(9999, 1, 1));
    assert_eq!(
        refusal(&agreed).unwrap(),
        "Date the plan was agreed in version 1 must be between 1900 and 2100, but in the package \
         it is 1 January 9999"
    );
}

// --- what a confirmed import writes ---------------------------------------------------------------

#[test]
fn a_new_case_is_written_with_the_packages_draft_or_else_its_latest_work() {
    let mut with_draft = package();
    let draft = Snapshot {
        plan: plan_aiming_at(date(2027, 5, 25)),
        ..Snapshot::default()
    };
    with_draft.draft = Some(draft.clone());
    let preview = preview_import(None, None, &with_draft).unwrap();
    assert!(preview.case_is_new);
    let writes = import_writes(&with_draft, preview, &senior(), AT).unwrap();
    assert_eq!(writes.case, Some(case()));
    assert_eq!(writes.work, Some(draft));
    assert_eq!(writes.signing.versions, with_draft.signing.versions);
    assert_eq!(
        writes.signing.history.last().unwrap().title(),
        "Case package imported"
    );

    let without_draft = package();
    let preview = preview_import(None, None, &without_draft).unwrap();
    let writes = import_writes(&without_draft, preview, &senior(), AT).unwrap();
    assert_eq!(
        writes.work.as_ref(),
        Some(&without_draft.signing.latest().unwrap().snapshot)
    );

    let mut nothing_signed = package();
    nothing_signed.signing = CaseSigning::new(AT, Some(&officer()));
    let preview = preview_import(None, None, &nothing_signed).unwrap();
    let writes = import_writes(&nothing_signed, preview, &senior(), AT).unwrap();
    assert_eq!(writes.case, Some(case()));
    assert_eq!(writes.work, None, "no work to start from");
}

#[test]
fn a_case_already_here_keeps_its_details_and_draft() {
    let mut sent = package();
    sent.draft = Some(Snapshot {
        plan: plan_aiming_at(date(2027, 5, 25)),
        ..Snapshot::default()
    });
    let back = CasePackage {
        signing: senior_round(&sent),
        ..sent.clone()
    };
    let mut here = case();
    here.details.name = "Alex Smyth".into();
    let preview = preview_import(Some(&here), Some(&sent.signing), &back).unwrap();
    assert!(!preview.case_is_new);
    let writes = import_writes(&back, preview, &officer(), AT).unwrap();
    assert_eq!(writes.case, None, "the case here is kept as it is");
    assert_eq!(writes.work, None, "a draft here is never replaced");
    assert_eq!(writes.signing.versions, back.signing.versions);
}

#[test]
fn an_import_written_by_no_one_writes_nothing() {
    let package = package();
    let preview = preview_import(None, None, &package).unwrap();
    let nameless = Profile {
        name: String::new(),
        grade: Grade::Spo,
    };
    assert_eq!(
        import_writes(&package, preview.clone(), &nameless, AT),
        Err(SigningError::ProfileIncomplete)
    );
    assert_eq!(
        import_writes(&package, preview, &senior(), "yesterday"),
        Err(SigningError::InvalidTime("yesterday".into()))
    );
}
