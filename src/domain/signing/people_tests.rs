//! Who may do what: nobody countersigns their own work, only seniors countersign, and the comments
//! that are required.

use super::transition_tests::{case_in, officer, senior};
use super::*;

use VersionState as S;

const AT: &str = "2026-11-25T14:03:07Z";

#[test]
fn nobody_countersigns_their_own_work() {
    for state in [S::AwaitingCountersign, S::AwaitingDoubleCountersign] {
        let mut signing = case_in(state);
        let same = Profile::new(" sam  PATEL", Grade::HeadOfService).unwrap();
        let own = Err(SigningError::OwnWork(1));
        let signed = if state == S::AwaitingCountersign {
            signing.countersign(1, &same, AT)
        } else {
            signing.double_countersign(1, &same, AT)
        };
        assert_eq!(signed, own, "{state:?}");
        assert_eq!(
            signing.return_for_rework(1, "No", &same, AT),
            Err(SigningError::OwnWork(1))
        );
        let on = CommentTarget::General;
        assert_eq!(
            signing.add_comment(1, on, "Fine", &same, AT),
            Err(SigningError::OwnWork(1))
        );
        assert_eq!(signing.latest().unwrap().state, state);
    }
    let mut signing = case_in(S::AwaitingDoubleCountersign);
    assert_eq!(
        signing.double_countersign(1, &officer(), AT),
        Err(SigningError::OwnWork(1))
    );
    let first = Profile::new("Jo Bloggs", Grade::HeadOfService).unwrap();
    let error = signing.double_countersign(1, &first, AT).unwrap_err();
    assert_eq!(error, SigningError::SameCountersigner(1));
    assert_eq!(
        error.to_string(),
        "You countersigned version 1: a different senior must give the second countersignature"
    );
}

#[test]
fn only_a_senior_countersigns_returns_or_comments() {
    for grade in [Grade::TraineePqip, Grade::Pso, Grade::Po] {
        let colleague = Profile::new("Lee Chan", grade).unwrap();
        let mut signing = case_in(S::AwaitingCountersign);
        let refused = Err(SigningError::GradeCannotCountersign(grade));
        assert_eq!(signing.countersign(1, &colleague, AT), refused);
        assert_eq!(
            signing.request_double_countersign(1, "Why", &colleague, AT),
            refused
        );
        assert_eq!(signing.return_for_rework(1, "Why", &colleague, AT), refused);
        assert_eq!(
            signing.add_comment(1, CommentTarget::General, "Hm", &colleague, AT),
            refused
        );
    }
    let error = SigningError::GradeCannotCountersign(Grade::Po);
    assert_eq!(
        error.to_string(),
        "Only a senior probation officer or a head of service can countersign, return or comment: your profile says Probation officer (PO)"
    );
}

#[test]
fn a_return_needs_a_comment_and_keeps_it() {
    let mut signing = case_in(S::AwaitingCountersign);
    for blank in ["", "   ", "\n\t"] {
        let error = signing
            .return_for_rework(1, blank, &senior(), AT)
            .unwrap_err();
        assert_eq!(error, SigningError::ReturnCommentMissing);
        assert_eq!(
            error.to_string(),
            "Enter a comment saying what needs to be reworked"
        );
    }
    assert_eq!(signing.latest().unwrap().state, S::AwaitingCountersign);
    let too_long = "a".repeat(4001);
    assert_eq!(
        signing.return_for_rework(1, &too_long, &senior(), AT),
        Err(SigningError::CommentTooLong)
    );
    signing
        .return_for_rework(1, "  Rework the RoSH summary ", &senior(), AT)
        .unwrap();
    let version = signing.latest().unwrap();
    assert_eq!(
        version.returned_reason.as_deref(),
        Some("Rework the RoSH summary")
    );
    assert_eq!(version.returned_by, Some(senior()));
    let event = signing.history.last().unwrap();
    assert_eq!((event.kind, event.version), (EventKind::Returned, Some(1)));
    assert_eq!(event.note.as_deref(), Some("Rework the RoSH summary"));
}

#[test]
fn a_double_countersignature_request_needs_a_reason() {
    let mut signing = case_in(S::AwaitingCountersign);
    assert_eq!(
        signing.request_double_countersign(1, " ", &senior(), AT),
        Err(SigningError::DoubleCountersignCommentMissing)
    );
    signing
        .request_double_countersign(1, "MAPPA level 3", &senior(), AT)
        .unwrap();
    let version = signing.latest().unwrap();
    assert_eq!(version.countersigned_by, Some(senior()));
    assert_eq!(
        version.double_countersign_reason.as_deref(),
        Some("MAPPA level 3")
    );
}
