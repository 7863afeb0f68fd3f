//! Issue 13: every version states its purpose. Version 1 is the initial assessment; a new draft says
//! what it is for; a version returned for rework keeps its purpose; versions and new drafts stored
//! before purposes were stated still read (version 1 initial, later ones a review).

use serde_json::json;

use super::transition_tests::{case_in, officer, senior};
use super::*;

const AT: &str = "2026-11-25T14:03:07Z";

fn sign(signing: &mut CaseSigning, reasons: &[&str]) -> u32 {
    signing
        .sign(Snapshot::default(), true, &officer(), reasons, AT)
        .unwrap()
}

#[test]
fn version_1_is_the_initial_assessment() {
    let mut signing = CaseSigning::new(AT, Some(&officer()));
    assert_eq!(signing.draft_purpose(), Some(AssessmentPurpose::Initial));
    sign(&mut signing, &[]);
    let version = signing.latest().unwrap();
    assert_eq!(version.purpose, Some(AssessmentPurpose::Initial));
    assert_eq!(version.purpose(), AssessmentPurpose::Initial);
    assert_eq!(signing.draft_purpose(), None, "no draft is open");
}

#[test]
fn a_new_draft_states_its_purpose_and_the_version_signed_keeps_it() {
    for purpose in AssessmentPurpose::FOR_NEW_DRAFT {
        let mut signing = case_in(VersionState::Countersigned);
        assert_eq!(
            signing.start_new_draft(purpose, &officer(), AT),
            Ok(2),
            "{purpose:?}"
        );
        assert_eq!(signing.draft_purpose(), Some(purpose));
        let event = signing.history.last().unwrap();
        assert_eq!(event.kind, EventKind::NewDraft);
        assert_eq!(event.purpose, Some(purpose));
        sign(&mut signing, &[]);
        assert_eq!(signing.latest().unwrap().purpose(), purpose);
        assert_eq!(
            signing.version(1).unwrap().purpose(),
            AssessmentPurpose::Initial
        );
    }
    let mut signing = case_in(VersionState::SelfSigned);
    signing
        .start_new_draft(AssessmentPurpose::SignificantChange, &officer(), AT)
        .unwrap();
    assert_eq!(
        signing.history.last().unwrap().title(),
        "Version 2 started as a new draft: significant change review"
    );
}

#[test]
fn a_new_draft_cannot_be_the_initial_assessment() {
    let mut signing = case_in(VersionState::Countersigned);
    let before = signing.clone();
    let error = signing
        .start_new_draft(AssessmentPurpose::Initial, &officer(), AT)
        .unwrap_err();
    assert_eq!(error, SigningError::NotInitial(2));
    assert_eq!(
        error.to_string(),
        "Version 2 follows a signed version, so it cannot be the initial assessment: select what it is for"
    );
    assert_eq!(signing, before, "nothing recorded");
}

#[test]
fn rework_after_a_return_keeps_the_returned_versions_purpose() {
    let mut signing = case_in(VersionState::Countersigned);
    signing
        .start_new_draft(AssessmentPurpose::PreRelease, &officer(), AT)
        .unwrap();
    sign(&mut signing, &["Trainee"]);
    signing
        .return_for_rework(2, "Say more about release", &senior(), AT)
        .unwrap();
    assert_eq!(signing.draft_purpose(), Some(AssessmentPurpose::PreRelease));
    sign(&mut signing, &["Trainee"]);
    assert_eq!(
        signing.version(3).unwrap().purpose(),
        AssessmentPurpose::PreRelease
    );
}

#[test]
fn records_stored_before_purposes_read_as_initial_then_review() {
    let mut signing = case_in(VersionState::Countersigned);
    signing
        .start_new_draft(AssessmentPurpose::Termination, &officer(), AT)
        .unwrap();
    sign(&mut signing, &[]);
    // The same record as an older build wrote it: no purpose anywhere.
    let mut old = serde_json::to_value(&signing).unwrap();
    for version in old["versions"].as_array_mut().unwrap() {
        version.as_object_mut().unwrap().remove("purpose");
    }
    for event in old["history"].as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("purpose");
    }
    let read: CaseSigning = serde_json::from_value(old.clone()).unwrap();
    assert_eq!(read.version(1).unwrap().purpose, None);
    assert_eq!(
        read.version(1).unwrap().purpose(),
        AssessmentPurpose::Initial
    );
    assert_eq!(
        read.version(2).unwrap().purpose(),
        AssessmentPurpose::Review
    );
    // Written back unchanged: no purpose is added to what was stored without one.
    assert_eq!(serde_json::to_value(&read).unwrap(), old);
    // An old new draft not yet signed is a review.
    let mut open = case_in(VersionState::Countersigned);
    open.start_new_draft(AssessmentPurpose::Termination, &officer(), AT)
        .unwrap();
    let mut old = serde_json::to_value(&open).unwrap();
    old["history"].as_array_mut().unwrap().last_mut().unwrap()["purpose"] = json!(null);
    let read: CaseSigning = serde_json::from_value(old).unwrap();
    assert_eq!(read.draft_purpose(), Some(AssessmentPurpose::Review));
}

#[test]
fn a_stated_purpose_is_stored_by_its_code() {
    let mut signing = CaseSigning::new(AT, Some(&officer()));
    sign(&mut signing, &[]);
    let json = serde_json::to_value(&signing).unwrap();
    assert_eq!(json["versions"][0]["purpose"], "initial");
    assert!(json["history"][0].get("purpose").is_none());
}

#[test]
fn a_review_keeps_its_date_and_change_through_signing_and_rework_and_its_signature_covers_them() {
    let mut signing = case_in(VersionState::Countersigned);
    let review = ReviewStart {
        purpose: AssessmentPurpose::SignificantChange,
        details: ReviewDetails {
            date: jiff::civil::date(2026, 11, 24),
            for_change: Some("Significant change: recall".into()),
        },
    };
    assert_eq!(signing.draft_review(), None, "no draft is open");
    assert_eq!(signing.start_review(&review, &officer(), AT), Ok(2));
    assert_eq!(signing.draft_review(), Some(review.details.clone()));
    assert_eq!(
        signing.history.last().unwrap().review,
        Some(review.details.clone())
    );
    sign(&mut signing, &["Trainee"]);
    assert_eq!(signing.draft_review(), None);
    assert_eq!(
        signing.version(2).unwrap().review,
        Some(review.details.clone())
    );
    // Returned for rework, the draft is the same review.
    signing
        .return_for_rework(2, "Say more about the recall", &senior(), AT)
        .unwrap();
    assert_eq!(signing.draft_review(), Some(review.details.clone()));
    sign(&mut signing, &["Trainee"]);
    assert_eq!(
        signing.version(3).unwrap().review,
        Some(review.details.clone())
    );
    // What a signature covers names the review, so a package edited to move its date fails.
    let version = signing.version(3).unwrap();
    let digest = crate::domain::keys::content_digest(
        "case-1",
        version,
        crate::domain::keys::SignedEventKind::Sign,
        0,
    );
    assert!(digest.is_some());
    let mut moved = version.clone();
    moved.review.as_mut().unwrap().date = jiff::civil::date(2026, 11, 23);
    assert_ne!(
        digest,
        crate::domain::keys::content_digest(
            "case-1",
            &moved,
            crate::domain::keys::SignedEventKind::Sign,
            0
        )
    );
    // A version without review details digests as before (no "review" key at all).
    let mut plain = version.clone();
    plain.review = None;
    let content = crate::domain::keys::event_content(
        "case-1",
        &plain,
        crate::domain::keys::SignedEventKind::Sign,
        0,
    )
    .unwrap();
    assert!(content.get("review").is_none());
    // The initial assessment and an old draft have none.
    assert_eq!(signing.version(1).unwrap().review, None);
}

#[test]
fn a_transfer_is_a_new_version_but_not_a_review_done() {
    let mut signing = case_in(VersionState::Countersigned);
    assert_eq!(
        signing.start_new_draft(AssessmentPurpose::Transfer, &officer(), AT),
        Ok(2)
    );
    assert_eq!(signing.draft_purpose(), Some(AssessmentPurpose::Transfer));
    assert!(!AssessmentPurpose::Transfer.is_review());
    assert_eq!(AssessmentPurpose::Transfer.label(), "Transfer review");
}
