//! Whatever the stored records hold, a caseload row is built without panicking, and the table
//! filters and sorts it (native only).

use proptest::prelude::*;

use super::*;
use crate::domain::questionnaire::CheckContext;
use crate::domain::strategies::{
    answers, any_date, any_datetime, case_details, plan, review_settings, significant_changes,
    signing,
};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_records_make_a_row_without_panicking(
        case in case_details(),
        answers in answers(),
        plan in plan(),
        settings in review_settings(),
        changes in significant_changes(),
        signing in signing(),
        appointment in prop::option::of(any_datetime()),
        today in any_date(),
    ) {
        let row = CaseloadRow::build(
            "case-1", &case, &answers, &Default::default(), &plan, &settings, &changes, &signing, appointment, today,
        );
        prop_assert_eq!(row.overdue, row.next_review.as_ref().is_some_and(|review| review.overdue));
        prop_assert_eq!(row.release_or_end.1, case.sentence_end_date);
        let draft = DraftProgress::of(&answers, &Default::default(), &CheckContext { date_of_birth: case.date_of_birth, today }, &plan);
        prop_assert_eq!(row.status, AssessmentStatus::of(&signing, draft));
        let done = crate::domain::reviews::reviews_done(&signing);
        prop_assert_eq!(row.last_review, crate::domain::reviews::last_review_done(&done));
        if let Some(next) = &row.next_review {
            prop_assert!(next.overdue || (!next.is_done() && next.date >= today));
        }
        prop_assert!(!row.rosh_label().is_empty());

        let unreadable = vec![UnreadableRecord::new("plans", "case-2", "damaged")];
        let caseload = Caseload::new(vec![row.clone(), row], unreadable);
        let index = caseload.search_index();
        for key in SortKey::ALL {
            for filter in Filter::ALL {
                let shown = caseload.shown(&index, "", &[filter], key, false);
                prop_assert_eq!(shown.unreadable.len(), 1);
                prop_assert!(shown.rows.iter().all(|row| filter.keeps(row)));
            }
        }
        let found = caseload.shown(&index, "Alex", &[], SortKey::Name, true);
        prop_assert_eq!(found.rows.len(), 2);
    }

    #[test]
    fn positions_sort_and_find_as_the_rows_themselves_do(
        cases in prop::collection::vec(
            (case_details(), plan(), review_settings(), significant_changes(), signing(), prop::option::of(any_datetime())),
            0..6,
        ),
        today in any_date(),
        query in "[A-Za-z0-9 ]{0,8}",
    ) {
        let rows: Vec<CaseloadRow> = cases
            .iter()
            .enumerate()
            .map(|(n, (case, plan, settings, changes, signing, appointment))| {
                CaseloadRow::build(&format!("case-{n}"), case, &Default::default(), &Default::default(), plan, settings, changes, signing, *appointment, today)
            })
            .collect();
        let entries: Vec<(&str, &str, &str)> = rows.iter().map(|row| (row.case_id.as_str(), row.name.as_str(), row.crn.as_str())).collect();
        let index = SearchIndex::new(&entries);
        let ids = |positions: Vec<usize>| positions.into_iter().map(|position| rows[position].case_id.clone()).collect::<Vec<_>>();
        for key in SortKey::ALL {
            for ascending in [true, false] {
                let mut sorted = rows.clone();
                sort_rows(&mut sorted, key, ascending);
                let expected: Vec<String> = sorted.into_iter().map(|row| row.case_id).collect();
                prop_assert_eq!(ids(shown_positions(&rows, &index, "", &[], key, ascending)), expected);
            }
        }
        let found: Vec<String> = index.search(&query).into_iter().map(|(id, _)| id).collect();
        prop_assert_eq!(ids(shown_positions(&rows, &index, &query, &[], SortKey::Name, true)), found);
    }
}
