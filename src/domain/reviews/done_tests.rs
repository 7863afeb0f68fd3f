//! Issue 13: a past review stayed overdue for ever. A signed review assessment is the review done:
//! the next scheduled review counts on from it, and only a review that is due and not done is
//! overdue. Each rule at, below and above its edge.

use jiff::civil::{date, Date};

use super::*;
use crate::domain::case::Sex;
use crate::domain::plan::{
    Actor, Agreement, AreaOfNeed, GoalDetails, GoalTarget, GoalTiming, StepDetails,
};

/// A licence from 10 June 2025 to 9 June 2028: reviews due every 6 months on the 10th.
fn licence() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Alex Marsh".into(),
        crn: "X123456".into(),
        date_of_birth: date(1991, 7, 17),
        sex: Sex::Male,
        sentence_type: SentenceType::Licence,
        sentence_date: None,
        sentence_or_release_date: date(2025, 6, 10),
        sentence_end_date: date(2028, 6, 9),
    }
}

fn review(date: Date) -> ReviewDone {
    ReviewDone {
        date,
        purpose: AssessmentPurpose::Review,
    }
}

fn with_done(case: &CaseDetails, done: &[ReviewDone], today: Date) -> Vec<ReviewDate> {
    review_schedule(
        case,
        &ReviewSettings::default(),
        &SentencePlan::default(),
        &[],
        done,
        today,
    )
}

/// The scheduled reviews as (date, overdue).
fn scheduled(dates: &[ReviewDate]) -> Vec<(Date, bool)> {
    dates
        .iter()
        .filter(|review| review.kind == ReviewKind::ScheduledReview)
        .map(|review| (review.date, review.overdue))
        .collect()
}

fn of_kind(dates: &[ReviewDate], kind: ReviewKind) -> &ReviewDate {
    dates.iter().find(|review| review.kind == kind).unwrap()
}

#[test]
fn without_a_review_done_the_passed_review_is_overdue() {
    let dates = with_done(&licence(), &[], date(2026, 11, 25));
    assert_eq!(
        scheduled(&dates)[..2],
        [(date(2026, 6, 10), true), (date(2026, 12, 10), false)]
    );
}

#[test]
fn a_review_signed_after_it_fell_due_ends_the_overdue_and_the_count_restarts_from_it() {
    let today = date(2026, 11, 25);
    // Signed a day late, on the day, and a day early: the next review is 6 months after each.
    for (signed, next) in [
        (date(2026, 6, 11), date(2026, 12, 11)),
        (date(2026, 6, 10), date(2026, 12, 10)),
        (date(2026, 6, 9), date(2026, 12, 9)),
    ] {
        let dates = with_done(&licence(), &[review(signed)], today);
        let reviews = scheduled(&dates);
        assert_eq!(reviews[0], (next, false), "signed {signed}");
        assert!(dates
            .iter()
            .all(|review| !review.overdue || review.kind == ReviewKind::InitialPlan));
        let first = dates
            .iter()
            .find(|review| review.kind == ReviewKind::ScheduledReview)
            .unwrap();
        assert_eq!(
            first.reason,
            format!(
                "Review due: 6 months from the last review, signed on {} (a review every 6 months)",
                crate::domain::dates::format_long(signed)
            )
        );
    }
}

#[test]
fn the_next_review_counted_from_a_review_done_is_due_on_its_day_and_overdue_the_day_after() {
    let done = [review(date(2026, 6, 11))];
    let on_the_day = with_done(&licence(), &done, date(2026, 12, 11));
    assert_eq!(scheduled(&on_the_day)[0], (date(2026, 12, 11), false));
    let day_before = with_done(&licence(), &done, date(2026, 12, 10));
    assert_eq!(scheduled(&day_before)[0], (date(2026, 12, 11), false));
    let day_after = with_done(&licence(), &done, date(2026, 12, 12));
    assert_eq!(scheduled(&day_after)[0], (date(2026, 12, 11), true));
    assert!(day_after.iter().all(
        |review| review.kind != ReviewKind::ScheduledReview || review.date > date(2026, 6, 11)
    ));
}

#[test]
fn only_the_latest_review_done_counts_and_its_order_does_not_matter() {
    let today = date(2027, 3, 1);
    let done = [review(date(2026, 12, 20)), review(date(2026, 6, 11))];
    let dates = with_done(&licence(), &done, today);
    assert_eq!(
        scheduled(&dates),
        [(date(2027, 6, 20), false), (date(2027, 12, 20), false),]
    );
}

#[test]
fn every_review_purpose_counts_but_an_initial_assessment_or_a_transfer_does_not() {
    let today = date(2026, 11, 25);
    for purpose in AssessmentPurpose::FOR_NEW_DRAFT
        .into_iter()
        .filter(|purpose| purpose.is_review())
    {
        let done = [ReviewDone {
            date: date(2026, 7, 1),
            purpose,
        }];
        assert_eq!(
            scheduled(&with_done(&licence(), &done, today))[0],
            (date(2027, 1, 1), false),
            "{purpose:?}"
        );
    }
    for purpose in [AssessmentPurpose::Initial, AssessmentPurpose::Transfer] {
        let not_a_review = [ReviewDone {
            date: date(2026, 7, 1),
            purpose,
        }];
        assert_eq!(
            scheduled(&with_done(&licence(), &not_a_review, today))[0],
            (date(2026, 6, 10), true),
            "{purpose:?}"
        );
    }
}

#[test]
fn a_review_done_before_the_start_or_after_the_end_does_not_move_the_count() {
    let today = date(2026, 11, 25);
    for outside in [date(2025, 6, 9), date(2028, 6, 9), date(2030, 1, 1)] {
        assert_eq!(
            scheduled(&with_done(&licence(), &[review(outside)], today))[..2],
            [(date(2026, 6, 10), true), (date(2026, 12, 10), false)],
            "{outside}"
        );
    }
}

#[test]
fn in_custody_a_review_restarts_the_count_until_release() {
    // Sentenced 7 September 2026, initial plan 2 November 2026, pre-release 7 September 2027.
    let custody = CaseDetails {
        conviction_date: None,
        sentence_type: SentenceType::Custody,
        sentence_date: Some(date(2026, 9, 7)),
        sentence_or_release_date: date(2027, 11, 2),
        sentence_end_date: date(2029, 11, 1),
        ..licence()
    };
    let today = date(2027, 6, 1);
    let none = with_done(&custody, &[], today);
    assert_eq!(
        scheduled(&none)[..2],
        [(date(2027, 5, 2), true), (date(2028, 5, 2), false)],
        "6 months from the initial plan, then 6 months from release"
    );
    // A review on 20 May 2027: the next would be 20 November, after the pre-release review, so
    // nothing more is due in custody; after release the count is from release.
    let dates = with_done(&custody, &[review(date(2027, 5, 20))], today);
    assert_eq!(scheduled(&dates)[0], (date(2028, 5, 2), false));
    let overdue: Vec<ReviewKind> = dates
        .iter()
        .filter(|review| review.overdue)
        .map(|review| review.kind)
        .collect();
    assert_eq!(overdue, [ReviewKind::InitialPlan], "no plan agreed yet");
    // A review early in custody: the next is 6 months after it, still before the pre-release review.
    let dates = with_done(&custody, &[review(date(2027, 1, 15))], today);
    assert_eq!(
        scheduled(&dates)[..2],
        [(date(2027, 7, 15), false), (date(2028, 5, 2), false)]
    );
}

#[test]
fn the_pre_release_review_is_done_by_a_review_on_or_after_its_day_or_a_pre_release_assessment() {
    let custody = CaseDetails {
        conviction_date: None,
        sentence_type: SentenceType::Custody,
        sentence_date: Some(date(2026, 9, 7)),
        sentence_or_release_date: date(2027, 11, 2),
        sentence_end_date: date(2029, 11, 1),
        ..licence()
    };
    // Pre-release review due 7 September 2027.
    let today = date(2027, 10, 1);
    let pre_release = |done: &[ReviewDone]| {
        of_kind(&with_done(&custody, done, today), ReviewKind::PreRelease).clone()
    };
    assert!(pre_release(&[]).overdue);
    assert!(
        pre_release(&[review(date(2027, 9, 6))]).overdue,
        "a day early"
    );
    assert_eq!(
        pre_release(&[review(date(2027, 9, 7))]).done_on,
        Some(date(2027, 9, 7))
    );
    assert!(!pre_release(&[review(date(2027, 9, 8))]).overdue);
    let early_pre_release = ReviewDone {
        date: date(2027, 8, 1),
        purpose: AssessmentPurpose::PreRelease,
    };
    assert_eq!(
        pre_release(&[early_pre_release]).done_on,
        Some(date(2027, 8, 1))
    );
}

#[test]
fn the_termination_review_is_done_by_a_review_on_or_after_the_end_or_a_termination_assessment() {
    let today = date(2028, 7, 1);
    let termination = |done: &[ReviewDone]| {
        of_kind(&with_done(&licence(), done, today), ReviewKind::Termination).clone()
    };
    assert!(termination(&[]).overdue);
    assert!(termination(&[review(date(2028, 6, 8))]).overdue);
    assert!(!termination(&[review(date(2028, 6, 9))]).overdue);
    let early = ReviewDone {
        date: date(2028, 5, 20),
        purpose: AssessmentPurpose::Termination,
    };
    assert_eq!(termination(&[early]).done_on, Some(date(2028, 5, 20)));
    // Due on the end date itself: not yet overdue.
    let on_the_day = with_done(&licence(), &[], date(2028, 6, 9));
    assert!(!of_kind(&on_the_day, ReviewKind::Termination).overdue);
}

#[test]
fn a_goal_target_is_done_by_a_review_on_or_after_it_and_the_initial_plan_by_agreement() {
    let case = licence();
    let today = date(2026, 11, 25);
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: GoalTiming::start_now(GoalTarget::OnDate(date(2026, 9, 1))),
    };
    plan.add_goal("g", goal, date(2026, 8, 1)).unwrap();
    let step = StepDetails {
        description: "Bid".into(),
        actor: Actor::PersonOnProbation,
    };
    plan.add_step("g", "s", step).unwrap();
    plan.agree(Agreement::Agrees, date(2026, 8, 3)).unwrap();
    let target = |done: &[ReviewDone]| {
        let dates = review_schedule(&case, &ReviewSettings::default(), &plan, &[], done, today);
        let initial = of_kind(&dates, ReviewKind::InitialPlan).clone();
        assert_eq!(initial.done_on, Some(date(2026, 8, 3)), "agreed");
        assert!(!initial.overdue);
        of_kind(&dates, ReviewKind::GoalTarget).clone()
    };
    assert!(target(&[]).overdue);
    assert!(target(&[review(date(2026, 8, 31))]).overdue);
    assert_eq!(
        target(&[review(date(2026, 9, 1))]).done_on,
        Some(date(2026, 9, 1))
    );
    assert!(!target(&[review(date(2026, 9, 2))]).overdue);
}

#[test]
fn the_next_review_due_skips_the_ones_done() {
    let case = licence();
    let change = SignificantChange {
        date: date(2026, 11, 25),
        kind: Some(ChangeKind::Recall),
        reason: String::new(),
        recorded_on: Some(date(2026, 11, 25)),
    };
    let today = date(2026, 11, 25);
    let done = [review(today)];
    let dates = review_schedule(
        &case,
        &ReviewSettings::default(),
        &SentencePlan::default(),
        std::slice::from_ref(&change),
        &done,
        today,
    );
    let change_review = of_kind(&dates, ReviewKind::SignificantChange);
    assert_eq!(change_review.done_on, Some(today));
    let next = next_review_due(&dates, today).unwrap();
    assert_eq!(next.kind, ReviewKind::ScheduledReview);
    assert_eq!(next.date, date(2027, 5, 25));
    assert_eq!(next_review_due(&[], today), None);
}

#[test]
fn a_review_date_done_is_exported_with_its_day_and_one_not_done_without() {
    let dates = with_done(&licence(), &[review(date(2026, 6, 11))], date(2026, 11, 25));
    let initial = serde_json::to_value(&dates[0]).unwrap();
    assert!(initial.get("done_on").is_none());
    let mut done = dates[0].clone();
    done.done_on = Some(date(2026, 6, 11));
    assert_eq!(
        serde_json::to_value(&done).unwrap()["done_on"],
        "2026-06-11"
    );
    let read: ReviewDate = serde_json::from_value(initial).unwrap();
    assert_eq!(read, dates[0]);
}
