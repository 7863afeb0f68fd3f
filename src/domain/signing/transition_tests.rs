//! The state machine: every (state, action) pair, in the pure table and through `CaseSigning`.

use super::*;
use crate::domain::signing::AssessmentPurpose;

use Action as A;
use VersionState as S;

const AT: &str = "2026-11-25T14:03:07Z";

pub(super) fn officer() -> Profile {
    Profile::new("Sam Patel", Grade::Po).unwrap()
}

pub(super) fn senior() -> Profile {
    Profile::new("Jo Bloggs", Grade::Spo).unwrap()
}

pub(super) fn second_senior() -> Profile {
    Profile::new("Ade Okafor", Grade::HeadOfService).unwrap()
}

const REASONS: &[&str] = &["countersigning needed: RoSH High"];

#[test]
fn the_table_of_moves_allows_exactly_the_moves_of_domain_md() {
    let allowed = [
        (S::UnsignedDraft, A::Sign, S::SelfSigned),
        (
            S::UnsignedDraft,
            A::SignForCountersigning,
            S::AwaitingCountersign,
        ),
        (S::AwaitingCountersign, A::Countersign, S::Countersigned),
        (
            S::AwaitingCountersign,
            A::RequestDoubleCountersign,
            S::AwaitingDoubleCountersign,
        ),
        (S::AwaitingCountersign, A::ReturnForRework, S::Returned),
        (S::AwaitingCountersign, A::Comment, S::AwaitingCountersign),
        (
            S::AwaitingDoubleCountersign,
            A::DoubleCountersign,
            S::DoubleCountersigned,
        ),
        (
            S::AwaitingDoubleCountersign,
            A::ReturnForRework,
            S::Returned,
        ),
        (
            S::AwaitingDoubleCountersign,
            A::Comment,
            S::AwaitingDoubleCountersign,
        ),
    ];
    let mut checked = 0;
    for from in VersionState::ALL {
        for action in Action::ALL {
            let expected = allowed
                .iter()
                .find(|(state, act, _)| *state == from && *act == action)
                .map(|(_, _, to)| *to);
            assert_eq!(next_state(from, action), expected, "{from:?} + {action:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 49);
}

#[test]
fn only_the_draft_is_unlocked_and_states_lead_only_forwards() {
    assert!(!S::UnsignedDraft.is_locked());
    assert!(VersionState::ALL
        .iter()
        .skip(1)
        .all(|state| state.is_locked()));
    assert!(S::UnsignedDraft.leads_to(S::DoubleCountersigned));
    assert!(S::AwaitingCountersign.leads_to(S::Returned));
    assert!(!S::Countersigned.leads_to(S::AwaitingCountersign));
    assert!(!S::Returned.leads_to(S::Countersigned));
    assert!(!S::Countersigned.leads_to(S::Returned));
    assert!(!S::SelfSigned.leads_to(S::AwaitingCountersign));
}

/// Something done to a case, through `CaseSigning`.
#[derive(Debug, Clone, Copy)]
enum Move {
    Sign,
    SignForCountersigning,
    Countersign,
    RequestDouble,
    DoubleCountersign,
    Return,
    Comment,
    StartNewDraft,
}

const MOVES: [Move; 8] = [
    Move::Sign,
    Move::SignForCountersigning,
    Move::Countersign,
    Move::RequestDouble,
    Move::DoubleCountersign,
    Move::Return,
    Move::Comment,
    Move::StartNewDraft,
];

/// A case whose latest version is in `state` (no version at all for the unsigned draft).
pub(super) fn case_in(state: VersionState) -> CaseSigning {
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer()));
    let reasons = if state == S::SelfSigned {
        &[][..]
    } else {
        REASONS
    };
    if state != S::UnsignedDraft {
        signing
            .sign(Snapshot::default(), true, &officer(), reasons, AT)
            .unwrap();
    }
    match state {
        S::Countersigned => signing.countersign(1, &senior(), AT).unwrap(),
        S::AwaitingDoubleCountersign | S::DoubleCountersigned => signing
            .request_double_countersign(1, "Child protection plan", &senior(), AT)
            .unwrap(),
        S::Returned => signing
            .return_for_rework(1, "Rework section 6", &senior(), AT)
            .unwrap(),
        _ => {}
    }
    if state == S::DoubleCountersigned {
        signing.double_countersign(1, &second_senior(), AT).unwrap();
    }
    assert_eq!(
        signing.latest().map_or(S::UnsignedDraft, |v| v.state),
        state
    );
    signing
}

/// Does the move on the latest version (or version 1), returning the latest version's state after it.
fn run(signing: &mut CaseSigning, action: Move) -> Result<VersionState, SigningError> {
    let number = signing.latest().map_or(1, |version| version.number);
    let snapshot = Snapshot::default();
    match action {
        Move::Sign => signing
            .sign(snapshot, true, &officer(), &[], AT)
            .map(|_| ()),
        Move::SignForCountersigning => signing
            .sign(snapshot, true, &officer(), REASONS, AT)
            .map(|_| ()),
        Move::Countersign => signing.countersign(number, &senior(), AT),
        Move::RequestDouble => {
            signing.request_double_countersign(number, "MAPPA level 2", &senior(), AT)
        }
        Move::DoubleCountersign => signing.double_countersign(number, &second_senior(), AT),
        Move::Return => signing.return_for_rework(number, "Rework the plan", &senior(), AT),
        Move::Comment => {
            let on = CommentTarget::Section("3".into());
            signing.add_comment(number, on, "Check 3.4", &senior(), AT)
        }
        Move::StartNewDraft => signing
            .start_new_draft(AssessmentPurpose::Review, &officer(), AT)
            .map(|_| ()),
    }?;
    Ok(signing
        .latest()
        .map_or(S::UnsignedDraft, |version| version.state))
}

fn refused(state: VersionState, action: Action) -> Result<VersionState, SigningError> {
    Err(SigningError::NotAllowed {
        version: 1,
        state,
        action,
    })
}

/// What each move does from each state of the latest version.
fn expected(from: VersionState, action: Move) -> Result<VersionState, SigningError> {
    use Move as M;
    let missing = Err(SigningError::VersionNotFound(1));
    match (from, action) {
        (S::UnsignedDraft, M::Sign) => Ok(S::SelfSigned),
        (S::UnsignedDraft, M::SignForCountersigning) => Ok(S::AwaitingCountersign),
        (S::UnsignedDraft, M::StartNewDraft) => Err(SigningError::DraftAlreadyOpen(1)),
        (S::UnsignedDraft, _) => missing,
        (S::Returned, M::Sign) => Ok(S::SelfSigned),
        (S::Returned, M::SignForCountersigning) => Ok(S::AwaitingCountersign),
        (S::Returned, M::StartNewDraft) => Err(SigningError::DraftAlreadyOpen(2)),
        (
            S::SelfSigned | S::Countersigned | S::DoubleCountersigned,
            M::Sign | M::SignForCountersigning,
        ) => Err(SigningError::NoDraft(1)),
        (S::SelfSigned | S::Countersigned | S::DoubleCountersigned, M::StartNewDraft) => Ok(from),
        (
            S::AwaitingCountersign | S::AwaitingDoubleCountersign,
            M::Sign | M::SignForCountersigning | M::StartNewDraft,
        ) => Err(SigningError::WithSenior(1)),
        (S::AwaitingCountersign, M::Countersign) => Ok(S::Countersigned),
        (S::AwaitingCountersign, M::RequestDouble) => Ok(S::AwaitingDoubleCountersign),
        (S::AwaitingDoubleCountersign, M::DoubleCountersign) => Ok(S::DoubleCountersigned),
        (S::AwaitingCountersign | S::AwaitingDoubleCountersign, M::Return) => Ok(S::Returned),
        (S::AwaitingCountersign | S::AwaitingDoubleCountersign, M::Comment) => Ok(from),
        (_, M::Countersign) => refused(from, A::Countersign),
        (_, M::RequestDouble) => refused(from, A::RequestDoubleCountersign),
        (_, M::DoubleCountersign) => refused(from, A::DoubleCountersign),
        (_, M::Return) => refused(from, A::ReturnForRework),
        (_, M::Comment) => refused(from, A::Comment),
    }
}

#[test]
fn every_move_from_every_state_is_allowed_or_refused_as_the_rules_say() {
    let mut checked = 0;
    for from in VersionState::ALL {
        for action in MOVES {
            let mut signing = case_in(from);
            let before = signing.clone();
            let outcome = run(&mut signing, action);
            assert_eq!(outcome, expected(from, action), "{from:?} + {action:?}");
            if outcome.is_err() {
                assert_eq!(signing, before, "a refused {action:?} changes nothing");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 56);
}

#[test]
fn a_refusal_reads_as_a_sentence() {
    let mut signing = case_in(S::Countersigned);
    let error = signing
        .return_for_rework(1, "Too late", &senior(), AT)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Version 1 is countersigned: it cannot be returned for rework"
    );
    let error = case_in(S::AwaitingCountersign)
        .start_new_draft(AssessmentPurpose::Review, &officer(), AT)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Version 1 is waiting for a senior: it must be countersigned or returned before the assessment can be changed or signed again"
    );
}

#[test]
fn signing_needs_complete_work_a_profile_and_a_time() {
    let mut signing = CaseSigning::new(AT, None);
    let snapshot = Snapshot::default();
    let error = signing
        .sign(snapshot.clone(), false, &officer(), &[], AT)
        .unwrap_err();
    assert_eq!(error, SigningError::NotComplete);
    let nameless = Profile {
        name: "  ".into(),
        grade: Grade::Po,
    };
    assert_eq!(
        signing.sign(snapshot.clone(), true, &nameless, &[], AT),
        Err(SigningError::ProfileIncomplete)
    );
    assert_eq!(
        signing.sign(snapshot.clone(), true, &officer(), &[], "yesterday"),
        Err(SigningError::InvalidTime("yesterday".into()))
    );
    assert!(signing.versions.is_empty());
    assert_eq!(
        signing.sign(snapshot, true, &officer(), &[], "2026-11-25T14:03:07.123Z"),
        Ok(1)
    );
}

#[test]
fn a_move_on_a_version_that_does_not_exist_is_refused() {
    let mut signing = case_in(S::AwaitingCountersign);
    let error = signing.countersign(7, &senior(), AT).unwrap_err();
    assert_eq!(error.to_string(), "There is no version 7");
}

#[test]
fn a_countersigned_assessment_is_changed_in_a_new_version() {
    let mut signing = case_in(S::Countersigned);
    assert!(signing.needs_new_draft());
    assert!(signing.is_locked(1));
    assert!(!signing.is_locked(2));
    assert_eq!(signing.status_line(), "Version 1 countersigned");
    assert_eq!(
        signing.start_new_draft(AssessmentPurpose::Review, &officer(), AT),
        Ok(2)
    );
    assert!(!signing.needs_new_draft());
    assert_eq!(
        signing.status_line(),
        "Version 2 is a draft (version 1 countersigned)"
    );
    assert_eq!(
        signing.sign(Snapshot::default(), true, &officer(), &[], AT),
        Ok(2)
    );
    assert_eq!(
        signing.last_countersigned_before(2).map(|v| v.number),
        Some(1)
    );
    assert_eq!(signing.last_countersigned_before(1), None);
    assert_eq!(signing.accepted_versions(), 2);
    let kinds: Vec<EventKind> = signing.history.iter().map(|event| event.kind).collect();
    use EventKind as E;
    assert_eq!(
        kinds,
        [
            E::Created,
            E::Signed,
            E::Countersigned,
            E::NewDraft,
            E::Signed
        ]
    );
}

#[test]
fn a_senior_compares_with_the_version_returned_or_else_the_last_countersigned() {
    // Version 1 countersigned, version 2 self-signed (no senior saw it), version 3 sent: the
    // senior compares with version 1, the last they countersigned, not with version 2.
    let mut signing = case_in(S::Countersigned);
    assert_eq!(signing.compared_with(1), None, "the first version: all new");
    signing
        .start_new_draft(AssessmentPurpose::Review, &officer(), AT)
        .unwrap();
    signing
        .sign(Snapshot::default(), true, &officer(), &[], AT)
        .unwrap();
    signing
        .start_new_draft(AssessmentPurpose::Review, &officer(), AT)
        .unwrap();
    signing
        .sign(Snapshot::default(), true, &officer(), REASONS, AT)
        .unwrap();
    assert_eq!(signing.compared_with(3).map(|v| v.number), Some(1));
    // Version 3 returned: its rework (version 4) is compared with the version returned.
    signing
        .return_for_rework(3, "Rework section 6", &senior(), AT)
        .unwrap();
    signing
        .sign(Snapshot::default(), true, &officer(), REASONS, AT)
        .unwrap();
    assert_eq!(signing.compared_with(4).map(|v| v.number), Some(3));
    assert_eq!(
        signing.last_countersigned_before(4).map(|v| v.number),
        Some(1)
    );
    // Never a later version, nor the version itself.
    assert_eq!(signing.compared_with(3).map(|v| v.number), Some(1));
}

#[test]
fn a_returned_version_reopens_the_draft_and_does_not_count_as_accepted() {
    let signing = case_in(S::Returned);
    assert_eq!(signing.draft_status(), DraftStatus::Open { next: 2 });
    assert!(!signing.needs_new_draft());
    assert_eq!(signing.accepted_versions(), 0);
    assert!(
        signing
            .case_facts(&Default::default())
            .first_assessment_of_supervision
    );
    assert_eq!(
        signing.status_line(),
        "Version 2 is a draft (version 1 returned for rework)"
    );
}
