//! Review dates: the initial plan for each kind of sentence, month ends and leap years, bank holidays,
//! release dates in the past, the sentence end, the interval, goals and significant changes.

use jiff::civil::{date, Date};

use super::*;
use crate::domain::case::Sex;
use crate::domain::plan::{Actor, AreaOfNeed, GoalDetails, GoalTarget, GoalTiming, StepDetails};

fn case(sentence_type: SentenceType, start: Date, end: Date) -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Alex Marsh".into(),
        crn: "X123456".into(),
        date_of_birth: date(1991, 7, 17),
        sex: Sex::Male,
        sentence_type,
        sentence_date: None,
        sentence_or_release_date: start,
        sentence_end_date: end,
    }
}

fn schedule(case: &CaseDetails, today: Date) -> Vec<ReviewDate> {
    review_schedule(
        case,
        &ReviewSettings::default(),
        &SentencePlan::default(),
        &[],
        &[],
        today,
    )
}

fn of_kind(dates: &[ReviewDate], kind: ReviewKind) -> Vec<Date> {
    dates
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.date)
        .collect()
}

#[test]
fn a_community_order_plan_is_due_15_working_days_after_sentence() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2028, 11, 1),
    );
    let dates = schedule(&order, date(2026, 11, 2));
    assert_eq!(dates[0].kind, ReviewKind::InitialPlan);
    assert_eq!(dates[0].date, date(2026, 11, 23));
    assert_eq!(
        dates[0].reason,
        "Initial sentence plan due: 15 working days from the sentence date 2 November 2026"
    );
    assert!(!dates[0].overdue);
    for kind in [SentenceType::SuspendedSentenceOrder, SentenceType::Licence] {
        let other = case(kind, date(2026, 11, 2), date(2028, 11, 1));
        assert_eq!(
            schedule(&other, date(2026, 11, 2))[0].date,
            date(2026, 11, 23)
        );
    }
}

#[test]
fn working_days_skip_christmas_and_new_year() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 12, 21),
        date(2027, 12, 20),
    );
    let initial = &schedule(&order, date(2026, 12, 21))[0];
    assert_eq!(initial.date, date(2027, 1, 14));
    assert_eq!(
        initial.reason,
        "Initial sentence plan due: 15 working days from the sentence date 21 December 2026 \
         (bank holidays not counted: Christmas Day, Boxing Day (substitute day) and New Year's Day)"
    );
}

/// A custody case sentenced on `sentenced` and released on `release`.
fn custody(sentenced: Date, release: Date, end: Date) -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        sentence_date: Some(sentenced),
        ..case(SentenceType::Custody, release, end)
    }
}

/// Issue 13: the custody initial plan counted its weeks from today, so its date moved every day.
#[test]
fn custody_with_release_under_two_years_away_is_due_8_weeks_from_the_sentence_date() {
    let custody = custody(date(2026, 9, 7), date(2027, 11, 2), date(2029, 11, 1));
    let initial = &schedule(&custody, date(2026, 11, 25))[0];
    assert_eq!(initial.kind, ReviewKind::InitialPlan);
    assert_eq!(initial.date, date(2026, 11, 2));
    assert_eq!(
        initial.reason,
        "Initial sentence plan due: 8 weeks from the sentence date 7 September 2026, as release \
         on 2 November 2027 is less than 2 years after it"
    );
    // The same whichever day it is looked at.
    for today in [
        date(2026, 9, 7),
        date(2026, 9, 8),
        date(2026, 11, 2),
        date(2027, 6, 1),
    ] {
        assert_eq!(
            schedule(&custody, today)[0].date,
            date(2026, 11, 2),
            "{today}"
        );
    }
}

#[test]
fn custody_with_release_two_years_or_more_away_is_due_in_16_weeks() {
    let today = date(2026, 11, 25);
    let custody = custody(date(2026, 11, 25), date(2028, 11, 25), date(2030, 11, 1));
    let dates = schedule(&custody, today);
    assert_eq!(dates[0].date, date(2027, 3, 17));
    assert_eq!(
        dates[0].reason,
        "Initial sentence plan due: 16 weeks from the sentence date 25 November 2026, as release \
         on 25 November 2028 is at least 2 years after it"
    );
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview)[..4],
        [
            date(2027, 9, 17),
            date(2028, 3, 17),
            date(2028, 9, 17),
            date(2029, 5, 25)
        ],
        "every 6 months in custody until the pre-release review, then from release"
    );
}

#[test]
fn two_years_to_release_is_the_edge_between_8_and_16_weeks() {
    let sentenced = date(2026, 3, 2);
    let weeks = |release: Date| {
        let case = custody(sentenced, release, date(2031, 1, 1));
        let initial = schedule(&case, date(2026, 3, 2)).remove(0);
        assert_eq!(initial.kind, ReviewKind::InitialPlan);
        sentenced.until(initial.date).unwrap().get_days() / 7
    };
    assert_eq!(weeks(date(2028, 3, 1)), 8, "a day under two years");
    assert_eq!(weeks(date(2028, 3, 2)), 16, "two years exactly");
    assert_eq!(weeks(date(2028, 3, 3)), 16, "a day over two years");
}

#[test]
fn custody_saved_without_a_sentence_date_has_no_initial_plan_until_it_is_given() {
    let today = date(2026, 11, 25);
    let old = case(SentenceType::Custody, date(2027, 11, 2), date(2029, 11, 1));
    assert!(old.needs_sentence_date());
    let dates = schedule(&old, today);
    assert!(of_kind(&dates, ReviewKind::InitialPlan).is_empty());
    assert_eq!(of_kind(&dates, ReviewKind::PreRelease), [date(2027, 9, 7)]);
    assert_eq!(
        of_kind(&dates, ReviewKind::Termination),
        [date(2029, 11, 1)]
    );
    // Released already: the initial plan counts from release and needs no sentence date.
    let released = case(SentenceType::Custody, date(2026, 11, 2), date(2029, 11, 1));
    assert_eq!(
        of_kind(&schedule(&released, today), ReviewKind::InitialPlan),
        [date(2026, 11, 23)]
    );
}

#[test]
fn custody_has_a_pre_release_review_before_release() {
    let today = date(2026, 11, 25);
    let custody = custody(date(2026, 9, 7), date(2027, 11, 2), date(2029, 11, 1));
    let dates = schedule(&custody, today);
    let pre_release = dates
        .iter()
        .find(|d| d.kind == ReviewKind::PreRelease)
        .unwrap();
    assert_eq!(pre_release.date, date(2027, 9, 7));
    assert_eq!(
        pre_release.reason,
        "Pre-release review: 8 weeks before release on 2 November 2027"
    );
    let settings = ReviewSettings {
        pre_release_weeks: 12,
        ..ReviewSettings::default()
    };
    let dates = review_schedule(
        &custody,
        &settings,
        &SentencePlan::default(),
        &[],
        &[],
        today,
    );
    assert_eq!(of_kind(&dates, ReviewKind::PreRelease), [date(2027, 8, 10)]);
}

#[test]
fn custody_released_already_is_planned_like_a_licence_without_pre_release() {
    let today = date(2026, 11, 25);
    let custody = case(SentenceType::Custody, date(2026, 11, 2), date(2027, 11, 1));
    let dates = schedule(&custody, today);
    assert_eq!(dates[0].date, date(2026, 11, 23));
    assert!(dates[0].overdue);
    assert!(of_kind(&dates, ReviewKind::PreRelease).is_empty());
}

#[test]
fn reviews_follow_every_6_months_with_month_ends_clamped() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2027, 8, 31),
        date(2029, 8, 30),
    );
    let dates = schedule(&order, date(2027, 8, 31));
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview),
        [date(2028, 2, 29), date(2028, 8, 31), date(2029, 2, 28)],
        "from the start date each time, so 31 August comes back after February"
    );
    assert_eq!(
        dates
            .iter()
            .find(|d| d.kind == ReviewKind::ScheduledReview)
            .unwrap()
            .reason,
        "Review due: 6 months from the sentence date 31 August 2027 (a review every 6 months)"
    );
}

#[test]
fn one_month_from_31_january_is_the_end_of_february() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2027, 1, 31),
        date(2027, 5, 15),
    );
    let monthly = ReviewSettings {
        interval_months: 1,
        ..ReviewSettings::default()
    };
    let dates = review_schedule(
        &order,
        &monthly,
        &SentencePlan::default(),
        &[],
        &[],
        date(2027, 1, 31),
    );
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview),
        [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    );
}

#[test]
fn twelve_months_from_29_february_is_28_february() {
    let licence = case(SentenceType::Licence, date(2028, 2, 29), date(2032, 3, 1));
    let yearly = ReviewSettings {
        interval_months: 12,
        ..ReviewSettings::default()
    };
    let dates = review_schedule(
        &licence,
        &yearly,
        &SentencePlan::default(),
        &[],
        &[],
        date(2028, 2, 29),
    );
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview),
        [
            date(2029, 2, 28),
            date(2030, 2, 28),
            date(2031, 2, 28),
            date(2032, 2, 29)
        ]
    );
}

#[test]
fn no_scheduled_review_on_or_after_the_sentence_end_which_has_the_termination_review() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2027, 11, 2),
    );
    let dates = schedule(&order, date(2026, 11, 2));
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview),
        [date(2027, 5, 2)]
    );
    let last = dates.last().unwrap();
    assert_eq!(last.kind, ReviewKind::Termination);
    assert_eq!(last.date, date(2027, 11, 2));
    assert_eq!(
        last.reason,
        "Termination review: the sentence ends on 2 November 2027"
    );
    assert!(dates.iter().all(|d| d.date <= date(2027, 11, 2)));
}

#[test]
fn the_interval_is_set_per_case_and_zero_means_no_regular_reviews() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2027, 11, 1),
    );
    let quarterly = ReviewSettings {
        interval_months: 3,
        ..ReviewSettings::default()
    };
    let dates = review_schedule(
        &order,
        &quarterly,
        &SentencePlan::default(),
        &[],
        &[],
        date(2026, 11, 2),
    );
    assert_eq!(
        of_kind(&dates, ReviewKind::ScheduledReview),
        [date(2027, 2, 2), date(2027, 5, 2), date(2027, 8, 2)]
    );
    assert!(dates[1].reason.ends_with("(a review every 3 months)"));
    let never = ReviewSettings {
        interval_months: 0,
        ..ReviewSettings::default()
    };
    let dates = review_schedule(
        &order,
        &never,
        &SentencePlan::default(),
        &[],
        &[],
        date(2026, 11, 2),
    );
    assert!(of_kind(&dates, ReviewKind::ScheduledReview).is_empty());
}

#[test]
fn a_release_date_in_the_past_keeps_the_cycle_and_lists_only_the_latest_passed_review() {
    let licence = case(SentenceType::Licence, date(2025, 6, 10), date(2028, 6, 9));
    let today = date(2026, 11, 25);
    let dates = schedule(&licence, today);
    let reviews: Vec<_> = dates
        .iter()
        .filter(|d| d.kind == ReviewKind::ScheduledReview)
        .map(|d| (d.date, d.overdue))
        .collect();
    assert_eq!(
        reviews,
        [
            (date(2026, 6, 10), true),
            (date(2026, 12, 10), false),
            (date(2027, 6, 10), false),
            (date(2027, 12, 10), false),
        ]
    );
    assert_eq!(dates[0].kind, ReviewKind::InitialPlan);
    assert_eq!(dates[0].date, date(2025, 7, 1));
    assert!(dates[0].overdue, "no plan agreed yet");
}

#[test]
fn an_agreed_plan_means_the_initial_plan_is_not_overdue() {
    let licence = case(SentenceType::Licence, date(2025, 6, 10), date(2028, 6, 9));
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: GoalTiming::start_now(GoalTarget::InThreeMonths),
    };
    let today = date(2026, 11, 25);
    plan.add_goal("g", goal, today).unwrap();
    let step = StepDetails {
        description: "Bid".into(),
        actor: Actor::PersonOnProbation,
    };
    plan.add_step("g", "s", step).unwrap();
    plan.agree(crate::domain::plan::Agreement::Agrees, today)
        .unwrap();
    let dates = review_schedule(&licence, &ReviewSettings::default(), &plan, &[], &[], today);
    assert!(!dates[0].overdue);
    let target = dates
        .iter()
        .find(|d| d.kind == ReviewKind::GoalTarget)
        .unwrap();
    assert_eq!(target.date, date(2027, 2, 25));
    assert_eq!(
        target.reason,
        "Target date of the goal \"Find settled accommodation\""
    );
}

#[test]
fn only_active_goals_give_target_dates_and_long_goals_are_cut_short() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2028, 11, 1),
    );
    let today = date(2026, 11, 25);
    let mut plan = SentencePlan::default();
    let long = "Find settled accommodation close to family and away from the people he used to offend with";
    for (id, text, timing) in [
        ("a", long, GoalTiming::start_now(GoalTarget::InSixMonths)),
        ("b", "Get a job", GoalTiming::future(None)),
    ] {
        let goal = GoalDetails {
            text: text.into(),
            area_of_need: AreaOfNeed::Accommodation,
            related_areas: vec![],
            how_progress_is_measured: String::new(),
            timing,
        };
        plan.add_goal(id, goal, today).unwrap();
    }
    let dates = review_schedule(&order, &ReviewSettings::default(), &plan, &[], &[], today);
    let targets: Vec<_> = dates
        .iter()
        .filter(|d| d.kind == ReviewKind::GoalTarget)
        .collect();
    assert_eq!(targets.len(), 1);
    assert_eq!(
        targets[0].reason,
        "Target date of the goal \"Find settled accommodation close to family and away from the…\""
    );
}

#[test]
fn a_significant_change_makes_a_review_due_on_its_date() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2027, 11, 1),
    );
    let changes = [
        SignificantChange {
            date: date(2027, 2, 14),
            kind: None,
            reason: "Moved to a new address".into(),
            recorded_on: None,
        },
        SignificantChange {
            date: date(2026, 11, 20),
            kind: None,
            reason: "Arrested for a new offence".into(),
            recorded_on: None,
        },
        SignificantChange {
            date: date(2028, 1, 1),
            kind: None,
            reason: "After the sentence".into(),
            recorded_on: None,
        },
    ];
    let today = date(2026, 11, 25);
    let dates = review_schedule(
        &order,
        &ReviewSettings::default(),
        &SentencePlan::default(),
        &changes,
        &[],
        today,
    );
    let found: Vec<_> = dates
        .iter()
        .filter(|d| d.kind == ReviewKind::SignificantChange)
        .map(|d| (d.date, d.reason.as_str(), d.overdue))
        .collect();
    assert_eq!(
        found,
        [
            (
                date(2026, 11, 20),
                "Significant change: Arrested for a new offence",
                true
            ),
            (
                date(2027, 2, 14),
                "Significant change: Moved to a new address",
                false
            ),
        ]
    );
}

#[test]
fn dates_are_sorted_and_serialise_as_iso_dates_and_snake_case_kinds() {
    let order = case(
        SentenceType::CommunityOrder,
        date(2026, 11, 2),
        date(2028, 11, 1),
    );
    let dates = schedule(&order, date(2026, 11, 25));
    assert!(dates.windows(2).all(|pair| pair[0].date <= pair[1].date));
    let json = serde_json::to_value(&dates[0]).unwrap();
    assert_eq!(json["date"], "2026-11-23");
    assert_eq!(json["kind"], "initial_plan");
    assert_eq!(json["overdue"], true);
    assert_eq!(ReviewKind::PreRelease.label(), "Pre-release review");
}

/// Issue 12: a case sentenced on 20 December 9999 took the app down, since 15 working days later is
/// past the end of the calendar. A date that cannot be worked out is left off instead.
#[test]
fn a_sentence_date_at_the_end_of_the_calendar_does_not_panic() {
    let order = case(
        SentenceType::CommunityOrder,
        date(9999, 12, 20),
        date(9999, 12, 31),
    );
    let dates = schedule(&order, date(2026, 11, 2));
    assert!(of_kind(&dates, ReviewKind::InitialPlan).is_empty());
    assert_eq!(
        of_kind(&dates, ReviewKind::Termination),
        [date(9999, 12, 31)]
    );
}

/// Issue 19: the printed plan said "Termination review" and "8 weeks from…" to the person.
#[test]
fn each_review_reads_in_plain_words_for_the_person() {
    let review = |kind, reason: &str| ReviewDate {
        date: date(2027, 1, 1),
        kind,
        reason: reason.to_string(),
        overdue: false,
        done_on: None,
    };
    for kind in [
        ReviewKind::InitialPlan,
        ReviewKind::ScheduledReview,
        ReviewKind::PreRelease,
        ReviewKind::Termination,
        ReviewKind::SignificantChange,
    ] {
        let words = review(
            kind,
            "Termination review: the sentence ends on 2 November 2027",
        )
        .for_the_person();
        for internal in [
            "Termination review",
            "working days",
            "weeks from",
            "sentence plan due",
        ] {
            assert!(!words.contains(internal), "{kind:?}: {words}");
        }
    }
    assert_eq!(
        review(
            ReviewKind::GoalTarget,
            "Target date of the goal \"Find settled accommodation\""
        )
        .for_the_person(),
        "The date you aim to reach your goal \"Find settled accommodation\""
    );
}
