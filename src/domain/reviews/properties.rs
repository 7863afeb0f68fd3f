//! Whatever a case holds, the review schedule is worked out without panicking (native only): any
//! dates jiff can hold, in any order, any interval and weeks, any goals, significant changes and
//! reviews done; and bank holidays for any year.

use proptest::prelude::*;

use super::*;
use crate::domain::dates::is_within_years;
use crate::domain::strategies::{
    any_date, case_details, date_within_years, plan, review_settings, reviews_done,
    significant_changes,
};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_case_and_plan_give_a_sorted_schedule_without_panicking(
        case in case_details(),
        settings in review_settings(),
        plan in plan(),
        changes in significant_changes(),
        done in reviews_done(),
        today in any_date(),
    ) {
        let dates = review_schedule(&case, &settings, &plan, &changes, &done, today);
        prop_assert!(dates.windows(2).all(|pair| (pair[0].date, pair[0].kind) <= (pair[1].date, pair[1].kind)));
        let review_days: Vec<Date> = done
            .iter()
            .filter(|review| review.purpose.is_review())
            .map(|review| review.date)
            .collect();
        for review in &dates {
            prop_assert!(!review.reason.trim().is_empty());
            // Only a review that is due and not done is overdue.
            prop_assert_eq!(review.overdue, review.date < today && review.done_on.is_none());
            match (review.kind, review.done_on) {
                (ReviewKind::InitialPlan, done_on) => prop_assert_eq!(done_on.is_some(), plan.is_agreed()),
                (ReviewKind::ScheduledReview, done_on) => prop_assert_eq!(done_on, None),
                (_, Some(day)) => prop_assert!(review_days.contains(&day)),
                (_, None) => {}
            }
        }
        let terminations: Vec<Date> = dates
            .iter()
            .filter(|review| review.kind == ReviewKind::Termination)
            .map(|review| review.date)
            .collect();
        prop_assert_eq!(terminations, vec![case.sentence_end_date]);
        // Outside custody, the regular reviews count on from the latest review done in the sentence.
        let in_custody = case.sentence_type == crate::domain::case::SentenceType::Custody
            && case.sentence_or_release_date > today;
        let latest = review_days
            .iter()
            .filter(|day| **day >= case.sentence_or_release_date && **day < case.sentence_end_date)
            .max();
        if let (false, Some(latest)) = (in_custody, latest) {
            for review in dates.iter().filter(|review| review.kind == ReviewKind::ScheduledReview) {
                prop_assert!(review.date > *latest);
            }
        }
        if let Some(next) = next_review_due(&dates, today) {
            prop_assert!(!next.is_done() && next.date >= today);
        }
    }

    /// Dates the forms accept (1900 to 2100) always give an initial plan date, except for custody
    /// before release saved without its sentence date.
    #[test]
    fn dates_from_1900_to_2100_always_give_an_initial_plan(
        case in case_details().prop_filter("dates within 1900 to 2100", |case| {
            [case.date_of_birth, case.sentence_or_release_date, case.sentence_end_date]
                .iter()
                .all(|date| is_within_years(*date))
        }),
        sentenced in prop::option::of(date_within_years()),
        settings in review_settings(),
        today in any_date().prop_filter("today within 1900 to 2100", |day| is_within_years(*day)),
    ) {
        let case = CaseDetails { sentence_date: sentenced, ..case };
        let dates = review_schedule(&case, &settings, &SentencePlan::default(), &[], &[], today);
        let in_custody = case.sentence_type == crate::domain::case::SentenceType::Custody
            && case.sentence_or_release_date > today;
        let expected = usize::from(!(in_custody && case.sentence_date.is_none()));
        prop_assert_eq!(
            dates.iter().filter(|review| review.kind == ReviewKind::InitialPlan).count(),
            expected
        );
    }

    #[test]
    fn working_days_never_panic_and_land_on_a_working_day(day in any_date(), n in 0u32..40) {
        match add_working_days(day, n) {
            Some(later) => {
                prop_assert!(later >= day);
                prop_assert!(n == 0 || is_working_day(later));
            }
            None => prop_assert!(day > Date::MAX.checked_sub(jiff::ToSpan::days(60)).unwrap()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any year of the calendar, and every one from 1900 to 2100 in particular: the holidays are worked
    /// out without panicking, in order, in their year, and never on a weekend.
    #[test]
    fn bank_holidays_of_any_year_are_weekdays_in_order(
        year in prop_oneof![1900i16..=2100, -9999i16..=9999],
    ) {
        let holidays = bank_holidays_in(year);
        prop_assert!(holidays.windows(2).all(|pair| pair[0].date < pair[1].date));
        for holiday in &holidays {
            prop_assert_eq!(holiday.date.year(), year);
            prop_assert!(!matches!(
                holiday.date.weekday(),
                jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
            ));
            prop_assert!(!is_working_day(holiday.date));
        }
        if (1978..=2100).contains(&year) {
            prop_assert!(holidays.len() >= 8);
        }
    }
}
