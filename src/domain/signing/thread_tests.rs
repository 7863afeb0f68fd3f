//! Comment threads: the officer replies with the next version, the senior resolves with a decision.

use std::collections::BTreeMap;

use super::transition_tests::{officer, senior};
use super::*;

const AT: &str = "2026-12-02T10:00:00Z";
const LATER: &str = "2026-12-03T11:00:00Z";
const REASONS: &[&str] = &["countersigning needed: RoSH High"];

fn accommodation() -> CommentTarget {
    CommentTarget::Section("3".into())
}

/// Version 1 returned with a comment on section 3: the first comment of version 1 is "1.0".
fn returned_with_a_comment() -> CaseSigning {
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer()));
    signing
        .sign(Snapshot::default(), true, &officer(), REASONS, AT)
        .unwrap();
    let drafts = BTreeMap::from([
        (
            comment_draft_key(&accommodation()),
            "Say where he sleeps".to_string(),
        ),
        (String::new(), "Please rework section 3".to_string()),
    ]);
    signing
        .decide(1, ReviewDecision::ReturnForRework, &drafts, &senior(), AT)
        .unwrap();
    signing
}

fn replies(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(key, text)| (key.to_string(), text.to_string()))
        .collect()
}

/// [`returned_with_a_comment`], then version 2 signed with these replies.
fn signed_again(typed: &[(&str, &str)]) -> CaseSigning {
    let mut signing = returned_with_a_comment();
    sign_next(&mut signing, typed);
    signing
}

/// The next version signed by the officer with these replies.
fn sign_next(signing: &mut CaseSigning, typed: &[(&str, &str)]) {
    signing
        .sign_with_replies(
            Snapshot::default(),
            true,
            &officer(),
            REASONS,
            &replies(typed),
            LATER,
        )
        .unwrap();
}

const FIRST: CommentRef = CommentRef {
    version: 1,
    index: 0,
};

#[test]
fn the_officer_replies_with_the_next_version_and_the_senior_resolves_with_a_decision() {
    let mut signing = returned_with_a_comment();
    let threads = signing.threads_on(&accommodation());
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].at, FIRST);
    assert!(threads[0].is_open());

    // Signed with a reply (a blank one is skipped): the reply is version 2's first comment.
    let number = signing
        .sign_with_replies(
            Snapshot::default(),
            true,
            &officer(),
            REASONS,
            &replies(&[
                ("1.0", "  He sleeps at his sister's: checked with her  "),
                ("1.1", " "),
            ]),
            LATER,
        )
        .unwrap();
    assert_eq!(number, 2);
    let reply = &signing.version(2).unwrap().comments[0];
    assert_eq!(reply.reply_to, Some(FIRST));
    assert_eq!(reply.on, accommodation());
    assert_eq!(reply.text, "He sleeps at his sister's: checked with her");
    assert!(signing.version(2).unwrap().check().is_ok());
    // A reply is read with its thread, never as a comment of its own.
    assert_eq!(
        signing
            .version(2)
            .unwrap()
            .comments_on(&accommodation())
            .count(),
        0
    );
    let thread = &signing.threads_on(&accommodation())[0];
    assert_eq!(thread.replies.len(), 1);
    assert!(thread.is_open());
    // The reason for returning it is the return's, not a comment.
    assert_eq!(signing.open_threads().len(), 1);

    // The senior resolves it with the countersignature.
    let drafts = BTreeMap::from([(format!("{RESOLVE_DRAFT_PREFIX}1.0"), String::new())]);
    signing
        .decide(2, ReviewDecision::Countersign, &drafts, &senior(), LATER)
        .unwrap();
    let thread = &signing.threads_on(&accommodation())[0];
    assert!(!thread.is_open());
    assert_eq!(
        thread.lines(),
        [
            "Version 1, Jo Bloggs (SPO), 2 December 2026: Say where he sleeps",
            "Reply with version 2, Sam Patel (PO), 3 December 2026: He sleeps at his sister's: checked with her",
            "Resolved with version 2, Jo Bloggs (SPO), 3 December 2026: Resolved",
        ]
    );
    assert!(signing.open_threads().is_empty());
    assert!(signing.version(2).unwrap().check().is_ok());
}

#[test]
fn a_reply_to_no_comment_refuses_the_signing_and_changes_nothing() {
    for key in ["9.0", "1.7", "2.0", "nonsense", ""] {
        let mut signing = returned_with_a_comment();
        let before = signing.clone();
        let refused = signing.sign_with_replies(
            Snapshot::default(),
            true,
            &officer(),
            REASONS,
            &replies(&[(key, "An answer")]),
            LATER,
        );
        assert!(
            matches!(
                refused,
                Err(SigningError::NoSuchComment(_) | SigningError::UnknownCommentKey(_))
            ),
            "{key}: {refused:?}"
        );
        assert_eq!(signing, before, "{key}");
    }
}

#[test]
fn a_thread_is_resolved_once_and_only_from_a_later_version() {
    let mut signing = signed_again(&[]);
    let resolve =
        |key: &str| BTreeMap::from([(format!("{RESOLVE_DRAFT_PREFIX}{key}"), "Done".to_string())]);
    // Version 2's own comments cannot be resolved by the decision on version 2.
    let mut commented = signing.clone();
    commented
        .add_comment(2, accommodation(), "And the tenancy?", &senior(), LATER)
        .unwrap();
    let refused = commented.decide(
        2,
        ReviewDecision::Countersign,
        &resolve("2.0"),
        &senior(),
        LATER,
    );
    assert!(
        matches!(refused, Err(SigningError::NoSuchComment(_))),
        "{refused:?}"
    );
    // Resolved with a request for a second countersignature: a second resolution is refused.
    signing
        .decide(
            2,
            ReviewDecision::RequestDoubleCountersign,
            &BTreeMap::from([
                (format!("{RESOLVE_DRAFT_PREFIX}1.0"), "Done".to_string()),
                (String::new(), "Child protection".to_string()),
            ]),
            &senior(),
            LATER,
        )
        .unwrap();
    let second = Profile::new("Ade Okafor", Grade::HeadOfService).unwrap();
    let before = signing.clone();
    let refused = signing.decide(
        2,
        ReviewDecision::DoubleCountersign,
        &resolve("1.0"),
        &second,
        LATER,
    );
    assert_eq!(refused, Err(SigningError::AlreadyResolved(FIRST)));
    assert_eq!(signing, before);
}

#[test]
fn a_version_whose_replies_are_not_its_signers_or_not_first_does_not_hold_together() {
    let signing = signed_again(&[("1.0", "Checked")]);
    let good = signing.version(2).unwrap().clone();
    // A reply put in someone else's mouth.
    let mut forged = good.clone();
    forged.comments[0].by = senior();
    assert!(forged
        .check()
        .unwrap_err()
        .contains("is a reply, but not one its signer made"));
    // A reply after a senior's comment: not made when signing.
    let mut late = good.clone();
    late.comments.insert(
        0,
        Comment::new(accommodation(), "Hmm".into(), senior(), LATER.into()),
    );
    assert!(late
        .check()
        .unwrap_err()
        .contains("comment 2 of version 2 is a reply"));
    // A reply to its own version, and a resolution by the version's signer.
    let mut own = good.clone();
    own.comments[0].reply_to = Some(CommentRef {
        version: 2,
        index: 0,
    });
    assert!(own.check().is_err());
    let mut self_resolved = good.clone();
    self_resolved.comments.push(Comment {
        resolves: Some(FIRST),
        ..Comment::new(accommodation(), String::new(), officer(), LATER.into())
    });
    assert!(self_resolved
        .check()
        .unwrap_err()
        .contains("resolves a comment"));
    let mut both = good;
    both.comments[0].resolves = Some(FIRST);
    assert!(both
        .check()
        .unwrap_err()
        .contains("both a reply and a resolution"));
}

#[test]
fn a_comment_key_reads_back_and_nothing_else_does() {
    let at = CommentRef {
        version: 12,
        index: 3,
    };
    assert_eq!(at.key(), "12.3");
    assert_eq!(CommentRef::parse("12.3"), Some(at));
    for bad in [
        "",
        "1",
        "1.",
        ".1",
        "a.1",
        "1.b",
        "-1.0",
        "1.0.0",
        "+1.0",
        "99999999999.0",
    ] {
        assert_eq!(CommentRef::parse(bad), None, "{bad}");
    }
}

#[test]
fn a_comment_on_a_question_is_a_thread_counted_with_its_section_until_it_is_settled() {
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer()));
    signing
        .sign(Snapshot::default(), true, &officer(), REASONS, AT)
        .unwrap();
    let question = CommentTarget::Item("3.4".into());
    let drafts = BTreeMap::from([
        (
            comment_draft_key(&question),
            "How many live there?".to_string(),
        ),
        (
            comment_draft_key(&accommodation()),
            "Say where he sleeps".to_string(),
        ),
        (
            comment_draft_key(&CommentTarget::Item("4.2".into())),
            "Which course?".to_string(),
        ),
        (String::new(), "Please rework".to_string()),
    ]);
    signing
        .decide(1, ReviewDecision::ReturnForRework, &drafts, &senior(), AT)
        .unwrap();
    // Threads on the question are its own; the section counts them with its own.
    assert_eq!(signing.threads_to_act_on(&question).len(), 1);
    assert_eq!(signing.threads_to_act_on(&accommodation()).len(), 1);
    assert_eq!(signing.threads_to_act_on_in_section("3"), 2);
    assert_eq!(signing.threads_to_act_on_in_section("4"), 1);
    assert_eq!(signing.threads_to_act_on_in_section("5"), 0);
    // The officer replies to the question's comment with version 2: none to act on while it
    // waits; the countersignature settles them all.
    let key = signing.threads_on(&question)[0].at.key();
    sign_next(&mut signing, &[(&key, "Four, in two rooms")]);
    assert_eq!(signing.threads_to_act_on_in_section("3"), 0);
    let thread = &signing.threads_on(&question)[0];
    assert_eq!(thread.replies.len(), 1);
    assert!(thread.is_open());
    signing
        .decide(
            2,
            ReviewDecision::Countersign,
            &BTreeMap::new(),
            &senior(),
            LATER,
        )
        .unwrap();
    assert!(!signing.threads_on(&question)[0].is_open());
}
