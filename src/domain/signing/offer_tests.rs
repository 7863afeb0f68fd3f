//! What the signing and review pages offer whom, a senior's decision with the comments typed, sending,
//! and the comments as the pages list them.

use std::collections::BTreeMap;

use jiff::civil::date;

use super::transition_tests::{case_in, officer, second_senior, senior};
use super::*;
use crate::domain::plan::{AreaOfNeed, GoalDetails, GoalTarget, GoalTiming, SentencePlan};
use crate::domain::questionnaire;

use VersionState as S;

const AT: &str = "2026-11-25T14:03:07Z";

fn another_officer() -> Profile {
    Profile::new("Kim Lee", Grade::Po).unwrap()
}

fn offer(signing: &CaseSigning, profile: Option<&Profile>) -> SigningOffer {
    signing_offer(signing, profile, false).unwrap()
}

#[test]
fn the_draft_action_follows_the_draft_status() {
    assert_eq!(
        DraftAction::of(DraftStatus::Open { next: 2 }).label(),
        "Sign version 2"
    );
    assert_eq!(
        DraftAction::of(DraftStatus::Locked { latest: 2 }),
        DraftAction::StartNewDraft { next: 3 }
    );
    assert_eq!(
        DraftAction::StartNewDraft { next: 3 }.label(),
        "Start a new draft (version 3)"
    );
    assert_eq!(
        DraftAction::of(DraftStatus::WithSenior { latest: 1 }).label(),
        "Version 1 is waiting for a senior. Send the case package to them; their decision comes \
         back the same way."
    );
}

#[test]
fn with_team_sync_nothing_is_sent_by_hand() {
    assert_eq!(
        DraftAction::WaitForSenior { latest: 2 }
            .label_when_synced()
            .as_deref(),
        Some(
            "Team sync takes version 2 to your team's server: it will wait in “Awaiting my \
             countersignature” for a senior in your team. You do not need to send a file."
        )
    );
    let returned = DraftAction::WithOfficer { latest: 1 }
        .label_when_synced()
        .unwrap();
    assert!(
        returned.starts_with("Version 1 was returned for rework: team sync takes your decision")
    );
    assert!(!returned.contains("package"));
    // Where there is a button, the button stays.
    assert_eq!(DraftAction::Sign { next: 1 }.label_when_synced(), None);
    assert_eq!(
        DraftAction::StartNewDraft { next: 2 }.label_when_synced(),
        None
    );
}

#[test]
fn before_anything_is_signed_there_is_only_signing() {
    let signing = case_in(S::UnsignedDraft);
    let offered = offer(&signing, Some(&officer()));
    assert_eq!(offered.draft, DraftAction::Sign { next: 1 });
    assert_eq!(offered.export, None);
    assert!(!offered.review);
}

#[test]
fn practice_offers_nothing() {
    for state in [S::UnsignedDraft, S::AwaitingCountersign] {
        let signing = case_in(state);
        assert_eq!(signing_offer(&signing, Some(&officer()), true), None);
        assert_eq!(signing_offer(&signing, Some(&senior()), true), None);
    }
}

#[test]
fn the_signer_sends_a_version_waiting_for_a_senior_and_the_senior_reviews_it() {
    for state in [S::AwaitingCountersign, S::AwaitingDoubleCountersign] {
        let signing = case_in(state);
        let by_signer = offer(&signing, Some(&officer()));
        assert_eq!(by_signer.draft, DraftAction::WaitForSenior { latest: 1 });
        assert_eq!(by_signer.export, Some(SEND_FOR_COUNTERSIGNING));
        assert!(!by_signer.review, "{state:?}");
        for someone in [another_officer(), senior()] {
            let by_other = offer(&signing, Some(&someone));
            assert_eq!(by_other.export, Some(EXPORT_CASE_PACKAGE), "{someone:?}");
        }
        assert_eq!(offer(&signing, None).export, Some(EXPORT_CASE_PACKAGE));
        assert!(!offer(&signing, None).review);
        assert!(!offer(&signing, Some(&another_officer())).review);
    }
    let waiting = case_in(S::AwaitingCountersign);
    assert!(offer(&waiting, Some(&senior())).review);
    assert!(offer(&waiting, Some(&second_senior())).review);
    let second = case_in(S::AwaitingDoubleCountersign);
    assert!(
        !offer(&second, Some(&senior())).review,
        "the first countersigner cannot give the second"
    );
    assert!(offer(&second, Some(&second_senior())).review);
}

#[test]
fn a_version_that_stands_is_exported_not_sent() {
    for state in [S::SelfSigned, S::Countersigned, S::DoubleCountersigned] {
        let signing = case_in(state);
        let offered = offer(&signing, Some(&officer()));
        assert_eq!(offered.draft, DraftAction::StartNewDraft { next: 2 });
        assert_eq!(offered.export, Some(EXPORT_CASE_PACKAGE));
        assert!(!offered.review);
        assert!(!offer(&signing, Some(&senior())).review);
    }
    let returned = case_in(S::Returned);
    assert_eq!(
        offer(&returned, Some(&officer())).draft,
        DraftAction::Sign { next: 2 }
    );
}

#[test]
fn only_an_export_that_sends_is_recorded_on_the_timeline() {
    let mut signing = case_in(S::AwaitingCountersign);
    let before = signing.clone();
    assert_eq!(signing.record_export(&senior(), AT), Ok(false));
    assert_eq!(signing, before);
    assert_eq!(signing.record_export(&officer(), AT), Ok(true));
    assert_eq!(
        signing.history.last().unwrap().title(),
        "Case package sent (version 1)"
    );
    assert_eq!(
        signing.record_export(&officer(), "soon"),
        Err(SigningError::InvalidTime("soon".into()))
    );
    let mut countersigned = case_in(S::Countersigned);
    let before = countersigned.clone();
    assert_eq!(countersigned.record_export(&officer(), AT), Ok(false));
    assert_eq!(countersigned, before);
}

#[test]
fn who_may_review_and_why_not() {
    for state in [
        S::UnsignedDraft,
        S::SelfSigned,
        S::Countersigned,
        S::Returned,
    ] {
        assert_eq!(
            case_in(state).version_to_review(Some(&senior())),
            Err(SigningError::NothingToReview),
            "{state:?}"
        );
    }
    assert_eq!(
        SigningError::NothingToReview.to_string(),
        "There is no version of this case waiting for countersignature"
    );
    let waiting = case_in(S::AwaitingCountersign);
    assert_eq!(
        waiting.version_to_review(None),
        Err(SigningError::ProfileIncomplete)
    );
    let nameless = Profile {
        name: " ".into(),
        grade: Grade::Spo,
    };
    assert_eq!(
        waiting.version_to_review(Some(&nameless)),
        Err(SigningError::ProfileIncomplete)
    );
    assert_eq!(
        waiting.version_to_review(Some(&officer())),
        Err(SigningError::OwnWork(1))
    );
    assert_eq!(
        waiting.version_to_review(Some(&another_officer())),
        Err(SigningError::GradeCannotCountersign(Grade::Po))
    );
    assert_eq!(
        waiting.version_to_review(Some(&senior())).unwrap().number,
        1
    );
    let second = case_in(S::AwaitingDoubleCountersign);
    assert_eq!(
        second.version_to_review(Some(&senior())),
        Err(SigningError::SameCountersigner(1))
    );
    assert!(second.version_to_review(Some(&second_senior())).is_ok());
}

#[test]
fn the_decisions_offered_follow_the_state() {
    use ReviewDecision as D;
    assert_eq!(
        D::offered(S::AwaitingCountersign),
        [
            D::Countersign,
            D::ReturnForRework,
            D::RequestDoubleCountersign
        ]
    );
    assert_eq!(
        D::offered(S::AwaitingDoubleCountersign),
        [D::DoubleCountersign, D::ReturnForRework]
    );
    for state in [
        S::UnsignedDraft,
        S::SelfSigned,
        S::Countersigned,
        S::Returned,
    ] {
        assert!(D::offered(state).is_empty());
    }
    for decision in D::ALL {
        assert_eq!(D::from_code(decision.code()), Some(decision));
        assert!(!decision.label().is_empty());
    }
    assert_eq!(D::from_code(""), None);
    let codes: Vec<&str> = D::ALL.iter().map(|d| d.code()).collect();
    assert_eq!(
        codes,
        ["countersign", "return", "double", "double_countersign"]
    );
}

#[test]
fn comment_box_keys_name_what_the_comment_is_about() {
    for target in [
        CommentTarget::Section("rosh-summary".into()),
        CommentTarget::Item("3.4".into()),
        CommentTarget::Goal("g-1".into()),
        CommentTarget::General,
    ] {
        assert_eq!(
            comment_draft_target(&comment_draft_key(&target)),
            Some(target)
        );
    }
    assert_eq!(
        comment_draft_key(&CommentTarget::Section("3".into())),
        "section:3"
    );
    assert_eq!(
        comment_draft_key(&CommentTarget::Item("3.4".into())),
        "item:3.4"
    );
    assert_eq!(comment_draft_target("plan:1"), None);
    assert_eq!(comment_draft_target("section"), None);
}

fn drafts(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries
        .iter()
        .map(|(key, text)| (key.to_string(), text.to_string()))
        .collect()
}

/// A version waiting for a senior whose plan has the goal "g-1".
fn waiting_with_a_goal() -> CaseSigning {
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: GoalTiming::start_now(GoalTarget::InSixMonths),
    };
    plan.add_goal("g-1", goal, date(2026, 11, 25)).unwrap();
    let snapshot = Snapshot {
        plan,
        ..Snapshot::default()
    };
    let mut signing = CaseSigning::new(AT, Some(&officer()));
    signing
        .sign(snapshot, true, &officer(), &["Trainee"], AT)
        .unwrap();
    signing
}

#[test]
fn countersigning_adds_every_comment_typed_then_countersigns() {
    let mut signing = waiting_with_a_goal();
    let typed = drafts(&[
        ("", "Good work"),
        ("goal:g-1", "Name the housing provider"),
        ("section:3", "Say where they sleep"),
        ("section:4", "   "),
        ("unknown", "Ignored"),
    ]);
    signing
        .decide(1, ReviewDecision::Countersign, &typed, &senior(), AT)
        .unwrap();
    let version = signing.latest().unwrap();
    assert_eq!(version.state, S::Countersigned);
    let comments: Vec<(&CommentTarget, &str)> = version
        .comments
        .iter()
        .map(|comment| (&comment.on, comment.text.as_str()))
        .collect();
    assert_eq!(
        comments,
        [
            (
                &CommentTarget::Goal("g-1".into()),
                "Name the housing provider"
            ),
            (&CommentTarget::Section("3".into()), "Say where they sleep"),
            (&CommentTarget::General, "Good work"),
        ]
    );
}

#[test]
fn returning_and_asking_for_a_second_countersignature_take_the_general_comment_as_the_reason() {
    let mut returned = case_in(S::AwaitingCountersign);
    returned
        .decide(
            1,
            ReviewDecision::ReturnForRework,
            &drafts(&[("", "Rework section 6"), ("section:6", "Too short")]),
            &senior(),
            AT,
        )
        .unwrap();
    let version = returned.latest().unwrap();
    assert_eq!(version.state, S::Returned);
    assert_eq!(version.returned_reason.as_deref(), Some("Rework section 6"));
    assert_eq!(
        version.comments.len(),
        1,
        "the reason is not also a comment"
    );

    let mut double = case_in(S::AwaitingCountersign);
    double
        .decide(
            1,
            ReviewDecision::RequestDoubleCountersign,
            &drafts(&[("", "Children at risk")]),
            &senior(),
            AT,
        )
        .unwrap();
    assert_eq!(double.latest().unwrap().state, S::AwaitingDoubleCountersign);
    double
        .decide(
            1,
            ReviewDecision::DoubleCountersign,
            &drafts(&[("", "Agreed")]),
            &second_senior(),
            AT,
        )
        .unwrap();
    let version = double.latest().unwrap();
    assert_eq!(version.state, S::DoubleCountersigned);
    assert_eq!(version.comments[0].text, "Agreed");
}

#[test]
fn a_refused_decision_changes_nothing() {
    let mut signing = case_in(S::AwaitingCountersign);
    let before = signing.clone();
    let typed = drafts(&[("section:3", "Say where they sleep")]);
    assert_eq!(
        signing.decide(1, ReviewDecision::ReturnForRework, &typed, &senior(), AT),
        Err(SigningError::ReturnCommentMissing)
    );
    assert_eq!(
        signing.decide(
            1,
            ReviewDecision::RequestDoubleCountersign,
            &typed,
            &senior(),
            AT
        ),
        Err(SigningError::DoubleCountersignCommentMissing)
    );
    assert!(matches!(
        signing.decide(1, ReviewDecision::DoubleCountersign, &typed, &senior(), AT),
        Err(SigningError::NotAllowed { .. })
    ));
    assert_eq!(
        signing.decide(1, ReviewDecision::Countersign, &typed, &officer(), AT),
        Err(SigningError::OwnWork(1))
    );
    let unknown = drafts(&[("section:99", "Where?")]);
    assert_eq!(
        signing.decide(1, ReviewDecision::Countersign, &unknown, &senior(), AT),
        Err(SigningError::UnknownSection("99".into()))
    );
    assert_eq!(signing, before);
}

#[test]
fn open_threads_are_to_act_on_while_the_draft_is_open_and_the_rest_are_earlier() {
    let mut signing = case_in(S::AwaitingCountersign);
    let on = CommentTarget::Section("3".into());
    signing
        .add_comment(1, on.clone(), "Say where they sleep", &senior(), AT)
        .unwrap();
    signing
        .add_comment(1, CommentTarget::General, "Not this one", &senior(), AT)
        .unwrap();
    signing
        .return_for_rework(1, "Rework section 3", &senior(), AT)
        .unwrap();
    let lines = |threads: Vec<Thread<'_>>| -> Vec<Vec<String>> {
        threads.iter().map(Thread::lines).collect()
    };
    // Returned: the draft is the rework, and version 1's comment is to act on.
    assert_eq!(
        lines(signing.threads_to_act_on(&on)),
        [["Version 1, Jo Bloggs (SPO), 25 November 2026: Say where they sleep"]]
    );
    assert!(signing.earlier_threads(&on).is_empty());
    assert!(signing
        .threads_to_act_on(&CommentTarget::Section("4".into()))
        .is_empty());
    signing
        .sign(Snapshot::default(), true, &officer(), &["Trainee"], AT)
        .unwrap();
    let later = "2026-11-27T09:00:00Z";
    signing
        .add_comment(2, on.clone(), "Better", &second_senior(), later)
        .unwrap();
    // Version 2 waits for a senior: nothing is to act on; every thread so far is an earlier one,
    // still open.
    assert!(signing.threads_to_act_on(&on).is_empty());
    let earlier = signing.earlier_threads(&on);
    assert_eq!(
        lines(earlier.clone()),
        [
            vec!["Version 1, Jo Bloggs (SPO), 25 November 2026: Say where they sleep"],
            vec!["Version 2, Ade Okafor (Head of service), 27 November 2026: Better"],
        ]
    );
    assert!(earlier.iter().all(Thread::is_open));
    // Returned again: both open threads are to act on.
    let mut returned = signing.clone();
    returned
        .return_for_rework(2, "Name the street", &second_senior(), later)
        .unwrap();
    assert_eq!(returned.threads_to_act_on(&on).len(), 2);
    // Countersigned instead: version 1's thread is settled by it, and earlier.
    let mut countersigned = signing.clone();
    countersigned
        .countersign(2, &second_senior(), later)
        .unwrap();
    countersigned
        .start_new_draft(AssessmentPurpose::Review, &officer(), later)
        .unwrap();
    assert!(countersigned.threads_to_act_on(&on).is_empty());
    assert_eq!(
        countersigned.earlier_threads(&on)[0].lines(),
        [
            "Version 1, Jo Bloggs (SPO), 25 November 2026: Say where they sleep",
            "Settled when version 2 was countersigned",
        ]
    );

    let listed = all_comments(&signing);
    assert_eq!(listed.len(), 3);
    let heading = questionnaire::section("3").unwrap().heading();
    assert_eq!(listed[0].place, format!("Version 2: {heading}"));
    assert_eq!(
        listed[0].lines,
        ["Version 2, Ade Okafor (Head of service), 27 November 2026: Better"]
    );
    assert!(listed[0].open);
    assert_eq!(listed[1].place, "Version 1: The whole assessment and plan");
    assert_eq!(
        listed[0].link.as_deref(),
        Some("assessment/3"),
        "a section's comment links to it"
    );
    assert_eq!(
        listed[1].link, None,
        "a comment on the whole has no one place"
    );
}

#[test]
fn a_comment_on_a_goal_is_placed_by_the_goals_words() {
    let signing = waiting_with_a_goal();
    let version = signing.latest().unwrap();
    assert_eq!(
        comment_place(&CommentTarget::Goal("g-1".into()), version),
        "Goal: Find settled accommodation"
    );
    assert_eq!(
        comment_place(&CommentTarget::Goal("gone".into()), version),
        "A goal"
    );
    assert_eq!(
        comment_place(&CommentTarget::Section("unknown".into()), version),
        "unknown"
    );
}

#[test]
fn a_comment_on_a_question_is_placed_by_its_section_and_question_and_links_to_it() {
    let signing = waiting_with_a_goal();
    let version = signing.latest().unwrap();
    let on = CommentTarget::Item("3.4".into());
    assert_eq!(
        comment_place(&on, version),
        "3. Accommodation, 3.4 Suitability of accommodation"
    );
    assert_eq!(on.section_id(), Some("3"));
    assert_eq!(
        comment_link(&on).as_deref(),
        Some("assessment/3?thread=3.4"),
        "the section page brings the question's comments into view"
    );
    // A code no section has (a hand-edited package) is named as it is, and links nowhere.
    let unknown = CommentTarget::Item("99.1".into());
    assert_eq!(comment_place(&unknown, version), "99.1");
    assert_eq!(unknown.section_id(), None);
    assert_eq!(comment_link(&unknown), None);
}

#[test]
fn a_version_returned_for_rework_is_its_signers_to_rework_and_read_only_in_the_seniors_copy() {
    let returned = case_in(S::Returned);
    let signer = returned.latest().unwrap().signed_by.clone();
    // The officer who signed it (whatever their grade now) reworks it.
    assert_eq!(returned.reworked_by_someone_else(Some(&signer)), None);
    let promoted = Profile::new(&signer.name.to_uppercase(), Grade::Spo).unwrap();
    assert_eq!(returned.reworked_by_someone_else(Some(&promoted)), None);
    assert_eq!(
        offer(&returned, Some(&signer)).draft,
        DraftAction::Sign { next: 2 }
    );
    // The senior who returned it, or anyone else, reads it: no "Sign version 2".
    for other in [senior(), another_officer()] {
        assert_eq!(
            returned.reworked_by_someone_else(Some(&other)),
            Some(&signer)
        );
        let offered = offer(&returned, Some(&other));
        assert_eq!(offered.draft, DraftAction::WithOfficer { latest: 1 });
        assert!(offered
            .draft
            .label()
            .starts_with("Version 1 was returned for rework"));
    }
    // No profile to tell: not locked (nobody can sign without one anyway).
    assert_eq!(returned.reworked_by_someone_else(None), None);
    // Any other state is not a rework.
    for state in [S::Countersigned, S::AwaitingCountersign, S::SelfSigned] {
        assert_eq!(
            case_in(state).reworked_by_someone_else(Some(&senior())),
            None
        );
    }
}
