//! The import policy of issue 15: a package's signatures against the team, and the import preview
//! in those words. A package edited outside the app is refused, or shown as not verified: never as
//! countersigned.

use serde_json::Value;

use super::*;
use crate::domain::keys::support::*;
use crate::domain::keys::{EventVerdict, SignedEventKind, Team};
use crate::domain::signing::{CaseSigning, EventKind, Grade, Profile, TimelineEvent, VersionState};

fn team() -> Team {
    team_of(&[&Person::officer(), &Person::senior()])
}

/// The package's JSON edited by `edit`, its digest recomputed, read back: what anyone with a text
/// editor and a few lines of script can make.
fn redigested(package: &CasePackage, edit: impl FnOnce(&mut Value)) -> CasePackage {
    let mut value = serde_json::to_value(package).unwrap();
    edit(&mut value);
    value["digest"] = Value::String(digest_of(&value));
    parse_package(&value.to_string()).expect("the digest checks out")
}

fn refusal(package: &CasePackage, team: &Team) -> String {
    match preview_verified_import(None, None, package, team) {
        Err(PackageError::NotGenuine(reason)) => reason,
        other => panic!("not refused: {other:?}"),
    }
}

/// Every line of the preview that says "countersigned".
fn countersigned_lines(import: &VerifiedImport) -> Vec<String> {
    import
        .preview
        .holds
        .iter()
        .chain(&import.preview.changes)
        .filter(|line| line.contains("countersigned"))
        .cloned()
        .collect()
}

#[test]
fn a_package_signed_by_the_team_is_verified_and_the_preview_says_so() {
    let package = countersigned_package();
    let verification = verify_package(&package, &team());
    assert!(verification.all_verified());
    assert_eq!(verification.refusal(), None);
    assert_eq!(verification.events.len(), 4);
    assert!(verification.events.iter().all(|e| e.verdict.is_verified()));
    let import = preview_verified_import(None, None, &package, &team()).unwrap();
    assert_eq!(
        import.preview.holds,
        [
            "Case: Alex Smith (CRN X123456)",
            "Exported by Jo Bloggs (SPO) on 28 November 2026",
            "2 versions: version 1 returned for rework (verified), version 2 countersigned (verified)",
            "Version 1: signed by Sam Patel (PQiP) and returned for rework by Jo Bloggs (SPO), verified",
            "Version 2: signed by Sam Patel (PQiP) and countersigned by Jo Bloggs (SPO), verified",
            "2 comments",
            "6 timeline entries",
        ]
    );
    assert_eq!(
        import.preview.changes[1..3],
        [
            "Adds version 1, signed by Sam Patel (PQiP) on 25 November 2026: returned for rework (verified)",
            "Adds version 2, signed by Sam Patel (PQiP) on 27 November 2026: countersigned (verified)",
        ]
    );
    let trust = import.verification.version(2).unwrap();
    assert_eq!(trust.trusted_state(), Some(VersionState::Countersigned));
    assert!(trust.is_countersigned());
    // The preview without a team is as before.
    let plain = preview_import(None, None, &package).unwrap();
    assert_eq!(
        plain.holds[2],
        "2 versions: version 1 returned for rework, version 2 countersigned"
    );
    assert_eq!(import.preview.merged, plain.merged);
}

#[test]
fn a_package_with_names_changed_and_its_digest_recomputed_is_refused() {
    // Issue 15, as found: the officer's and the senior's names changed in a text editor, the
    // digest recomputed.
    let package = countersigned_package();
    let text = package
        .to_json()
        .replace("Sam Patel", "Tom Hill")
        .replace("Jo Bloggs", "Ann Lee");
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["digest"] = Value::String(digest_of(&value));
    let edited = parse_package(&value.to_string()).expect("the digest checks out");
    let reason = refusal(&edited, &team());
    assert_eq!(
        reason,
        "it was changed outside Probation Workbook: the signature of version 1 by Tom Hill (PQiP) does not match: it was changed after it was made"
    );
    assert_eq!(
        PackageError::NotGenuine(reason).to_string(),
        "The package cannot be imported: it was changed outside Probation Workbook: the signature of version 1 by Tom Hill (PQiP) does not match: it was changed after it was made"
    );
}

#[test]
fn work_changed_after_countersigning_is_refused_naming_the_version_and_event() {
    let edited = redigested(&countersigned_package(), |value| {
        value["signing"]["versions"][1]["snapshot"]["answers"]["3.97"]["text"] =
            "Settled at home".into();
    });
    assert_eq!(
        refusal(&edited, &team()),
        "it was changed outside Probation Workbook: version 2 was changed after Sam Patel (PQiP) signed it: the signature does not match what the version holds"
    );
    // Only the countersignature's content digest recomputed: its signature fails.
    let package = countersigned_package();
    let mut signing = package.signing.clone();
    signing.versions[1].countersign_reasons.clear();
    signing.versions[1].state = VersionState::Countersigned;
    let edited = redigested(&package, |value| {
        value["signing"] = serde_json::to_value(&signing).unwrap();
    });
    assert!(refusal(&edited, &team()).contains("version 2"));
}

#[test]
fn a_countersignature_by_a_stranger_is_shown_but_never_counts() {
    // A forger adds a countersignature as "Jo Bloggs (SPO)", signed with their own key.
    let stranger = Person::stranger();
    let mut signing = sent_signing();
    let at = "2026-11-28T16:45:00Z";
    signing.countersign(2, &stranger.profile, at).unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Countersign, &stranger);
    let package = CasePackage::build(case(), signing, None, &stranger.profile, at);
    let import = preview_verified_import(None, None, &package, &team()).unwrap();
    let trust = import.verification.version(2).unwrap();
    assert_eq!(trust.claimed, VersionState::Countersigned);
    assert_eq!(
        trust.trusted_state(),
        Some(VersionState::AwaitingCountersign)
    );
    assert!(!trust.is_countersigned());
    assert!(!import.verification.all_verified());
    assert_eq!(
        countersigned_lines(&import),
        [
            "2 versions: version 1 returned for rework (verified), version 2 NOT countersigned as far as your team knows",
            "Version 2 is NOT countersigned as far as your team knows: the package says countersigned, but the countersignature by Jo Bloggs (SPO) was signed by someone not in your team",
            "Adds version 2, signed by Sam Patel (PQiP) on 27 November 2026: NOT countersigned as far as your team knows",
        ]
    );
}

#[test]
fn the_preview_never_says_countersigned_unless_the_team_verified_it() {
    let stranger = Person::stranger();
    let here = sent_signing();
    let mut signing = here.clone();
    signing
        .countersign(2, &stranger.profile, "2026-11-28T16:45:00Z")
        .unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Countersign, &stranger);
    let package = CasePackage::build(
        case(),
        signing,
        None,
        &stranger.profile,
        crate::domain::keys::support::AT,
    );
    // Against the officer's own copy: the decision line says it is not verified.
    let import = preview_verified_import(Some(&case()), Some(&here), &package, &team()).unwrap();
    assert_eq!(
        import.preview.changes[0],
        "Version 2 was countersigned by Jo Bloggs (SPO) on 28 November 2026, which is NOT verified: the countersignature by Jo Bloggs (SPO) was signed by someone not in your team"
    );
    for line in countersigned_lines(&import) {
        assert!(line.contains("NOT"), "{line}");
    }
}

#[test]
fn a_decision_without_a_signature_does_not_count() {
    // The countersignature removed, the version still saying countersigned.
    let edited = redigested(&countersigned_package(), |value| {
        value["signing"]["versions"][1]["signatures"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    let import = preview_verified_import(None, None, &edited, &team()).unwrap();
    let trust = import.verification.version(2).unwrap();
    assert_eq!(trust.unsigned_comments, 1);
    assert!(!trust.is_countersigned());
    assert_eq!(
        trust.summary(&team()),
        "Version 2 is NOT countersigned as far as your team knows: the package says countersigned, but it holds no signature for the countersignature by Jo Bloggs (SPO)"
    );
}

#[test]
fn a_package_from_before_signatures_is_read_as_not_signed() {
    let package = super::tests::package();
    assert!(package
        .signing
        .versions
        .iter()
        .all(|v| v.signatures.is_empty()));
    let import = preview_verified_import(None, None, &package, &team()).unwrap();
    assert_eq!(
        import.preview.holds[2],
        "2 versions: version 1 not signed as far as your team knows, version 2 not signed as far as your team knows"
    );
    assert_eq!(
        import.preview.holds[4],
        "Version 2 is not signed as far as your team knows: the package says awaiting countersignature, but it holds no signature for the signature by Sam Patel (PQiP)"
    );
    assert!(!import.verification.all_verified());
    assert!(import.verification.events.is_empty());
}

#[test]
fn a_countersignature_by_a_grade_that_cannot_countersign_refuses_the_import() {
    let mut team = team_of(&[&Person::officer()]);
    team.add(&Person::senior().card(), Grade::Po, AT).unwrap();
    assert_eq!(
        refusal(&countersigned_package(), &team),
        "version 1 was returned for rework by Jo Bloggs, whose grade in your team (PO) cannot countersign"
    );
}

#[test]
fn a_comment_no_signature_covers_refuses_the_import() {
    let package = countersigned_package();
    let edited = redigested(&package, |value| {
        let comments = &mut value["signing"]["versions"][1]["comments"];
        let mut forged = comments[0].clone();
        forged["text"] = "Needs nothing more".into();
        comments.as_array_mut().unwrap().push(forged);
    });
    assert_eq!(
        refusal(&edited, &team()),
        "it was changed outside Probation Workbook: version 2 holds 1 comment that no signature covers"
    );
}

#[test]
fn a_timeline_entry_a_signed_version_does_not_record_refuses_the_import() {
    let package = countersigned_package();
    let mut signing = package.signing.clone();
    signing.history.push(TimelineEvent {
        kind: EventKind::DoubleCountersigned,
        by: Some(Profile::new("Ann Lee", Grade::HeadOfService).unwrap()),
        at: "2026-11-29T09:00:00Z".into(),
        version: Some(2),
        note: None,
        purpose: None,
        review: None,
    });
    let edited = redigested(&package, |value| {
        value["signing"] = serde_json::to_value(&signing).unwrap();
    });
    assert_eq!(
        refusal(&edited, &team()),
        "it was changed outside Probation Workbook: the timeline says version 2 was double countersigned by Ann Lee (Head of service) on 29 November 2026, but version 2 does not record it"
    );
}

#[test]
fn ones_own_signatures_count_once_ones_own_identity_is_included() {
    // The officer's team holds only the senior; their own key is theirs.
    let officer = Person::officer();
    let seniors = team_of(&[&Person::senior()]);
    let package = countersigned_package();
    let without = verify_package(&package, &seniors);
    assert!(!without.version(2).unwrap().is_countersigned());
    let with = verify_package(&package, &seniors.including(officer.member()));
    assert!(with.all_verified());
}

#[test]
fn a_package_whose_signatures_were_removed_is_older_than_the_copy_here() {
    let package = countersigned_package();
    let here = package.signing.clone();
    let edited = redigested(&package, |value| {
        for version in value["signing"]["versions"].as_array_mut().unwrap() {
            version.as_object_mut().unwrap().remove("signatures");
        }
    });
    assert_eq!(
        preview_import(Some(&case()), Some(&here), &edited)
            .unwrap_err()
            .to_string(),
        "This package is older than what is here: version 1 has 2 signatures here, but 0 signatures in the package"
    );
    // Signatures that differ conflict.
    let mut other: CaseSigning = here.clone();
    other.versions[0].signatures[0].previous = Some("00".into());
    let edited = redigested(&package, |value| {
        value["signing"] = serde_json::to_value(&other).unwrap();
    });
    assert_eq!(
        preview_import(Some(&case()), Some(&here), &edited)
            .unwrap_err()
            .to_string(),
        "This package does not match the case here: the signatures of version 1 differ from the ones here"
    );
}

#[test]
fn every_event_is_listed_with_its_verdict() {
    let package = countersigned_package();
    let team = team_of(&[&Person::officer()]);
    let verification = verify_package(&package, &team);
    let listed: Vec<(u32, SignedEventKind, bool)> = verification
        .events
        .iter()
        .map(|event| {
            (
                event.version,
                event.kind,
                event.verdict == EventVerdict::UnknownSigner,
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (1, SignedEventKind::Sign, false),
            (1, SignedEventKind::ReturnForRework, true),
            (2, SignedEventKind::Sign, false),
            (2, SignedEventKind::Countersign, true),
        ]
    );
    assert_eq!(
        verification.lines(&team),
        [
            "Version 1 is awaiting countersignature as far as your team knows: the package says returned for rework, but the return for rework by Jo Bloggs (SPO) was signed by someone not in your team",
            "Version 2 is NOT countersigned as far as your team knows: the package says countersigned, but the countersignature by Jo Bloggs (SPO) was signed by someone not in your team",
        ]
    );
}

// ─── What the import screen lets through (`verified_import`) ────────────────────────────────────

#[test]
fn the_import_screen_refuses_a_decision_by_someone_not_in_the_team() {
    let stranger = Person::stranger();
    let mut signing = sent_signing();
    let at = "2026-11-28T16:45:00Z";
    signing.countersign(2, &stranger.profile, at).unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Countersign, &stranger);
    let package = CasePackage::build(case(), signing, None, &stranger.profile, at);
    let here = sent_signing();
    let refused = verified_import(Some(&case()), Some(&here), &package, &team()).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "The package cannot be imported: Version 2 is NOT countersigned as far as your team knows: the package says countersigned, but the countersignature by Jo Bloggs (SPO) was signed by someone not in your team. A decision counts only when it is signed by someone in your team: if they are in it, add them from their identity card (comparing the fingerprint with them) and import the package again"
    );
    // Once the signer is in the team (someone the officer really works with), it is imported.
    let with_them = team().including(stranger.member());
    assert!(verified_import(Some(&case()), Some(&here), &package, &with_them).is_ok());
}

#[test]
fn the_import_screen_refuses_versions_with_no_signatures_unless_already_here() {
    let package = super::tests::package();
    let refused = verified_import(None, None, &package, &team()).unwrap_err();
    assert!(
        refused.to_string().starts_with(
            "The package cannot be imported: Version 1 is not signed as far as your team knows"
        ),
        "{refused}"
    );
    // The same versions already here (signed before signatures existed): nothing new to trust.
    assert!(verified_import(
        Some(&package.case),
        Some(&package.signing),
        &package,
        &team()
    )
    .is_ok());
    // A removed countersignature, the version still saying countersigned.
    let edited = redigested(&countersigned_package(), |value| {
        value["signing"]["versions"][1]["signatures"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    let refused =
        verified_import(Some(&case()), Some(&sent_signing()), &edited, &team()).unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("it holds no signature for the countersignature by Jo Bloggs (SPO)"),
        "{refused}"
    );
}

#[test]
fn the_import_screen_takes_a_package_whose_every_new_decision_is_verified() {
    let import = verified_import(
        Some(&case()),
        Some(&sent_signing()),
        &countersigned_package(),
        &team(),
    )
    .unwrap();
    assert!(import.verification.all_verified());
    assert!(verified_import(None, None, &countersigned_package(), &team()).is_ok());
    // The officer's own signatures count once their identity is included, as the screen does.
    let senior_only = team_of(&[&Person::senior()]);
    assert!(verified_import(None, None, &countersigned_package(), &senior_only).is_err());
    assert!(verified_import(
        None,
        None,
        &countersigned_package(),
        &senior_only.including(Person::officer().member())
    )
    .is_ok());
}

/// Version 1 returned with a comment on section 3, and version 2 signed by the officer with its
/// signature; `edit` runs on the signing between the officer's signature and the senior's
/// countersignature (what a senior with a text editor could do).
fn thread_package(reply: &str, edit: impl FnOnce(&mut CaseSigning)) -> CasePackage {
    let (officer, senior) = (Person::officer(), Person::senior());
    let mut signing = sent_signing();
    // Version 2 again, this time signed with a reply to the senior's comment ("1.0").
    signing.versions.pop();
    let replies = [("1.0".to_string(), reply.to_string())]
        .into_iter()
        .collect();
    let reasons = ["countersigning needed: trainee (PQiP) assessments are always countersigned"];
    signing
        .sign_with_replies(
            work("Sleeps at his sister's"),
            true,
            &officer.profile,
            &reasons,
            &replies,
            "2026-11-27T09:30:00Z",
        )
        .unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Sign, &officer);
    edit(&mut signing);
    countersign_version_2(&mut signing, &[("resolve:1.0", "")]);
    CasePackage::build(
        case(),
        signing,
        None,
        &senior.profile,
        "2026-11-28T17:00:00Z",
    )
}

#[test]
fn an_officers_reply_and_a_seniors_resolution_travel_signed_and_verify() {
    let package = thread_package("He sleeps at his sister's", |_| {});
    let import = preview_verified_import(None, None, &package, &team()).unwrap();
    let holds = &import.preview.holds;
    let says = |line: &str| holds.iter().any(|held| held == line);
    assert!(
        says(
            "Version 2: signed by Sam Patel (PQiP) and countersigned by Jo Bloggs (SPO), verified"
        ),
        "{holds:?}"
    );
    assert!(says("1 comment, 1 reply, 1 resolved"), "{holds:?}");
    let back = parse_package(&serde_json::to_string(&package).unwrap()).unwrap();
    let thread = &back.signing.threads()[0];
    assert_eq!(thread.replies[0].1.text, "He sleeps at his sister's");
    assert!(!thread.is_open());
}

#[test]
fn a_reply_the_officers_signature_does_not_cover_refuses_the_import() {
    // The senior slips in a second "reply" in the officer's name before countersigning: their own
    // signature covers it, the officer's does not.
    let package = thread_package("He sleeps at his sister's", |signing| {
        let mut forged = signing.versions[1].comments[0].clone();
        forged.text = "I admit I made it up".into();
        signing.versions[1].comments.insert(1, forged);
    });
    assert_eq!(
        refusal(&package, &team()),
        "it was changed outside Probation Workbook: version 2 holds 1 reply its signer's signature does not cover"
    );
}
