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
}
