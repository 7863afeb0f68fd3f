//! Records that could not be read: always listed by id beside the good rows, which still search,
//! filter and sort as before.

use super::tests::sample_rows;
use super::*;

fn damaged() -> Vec<UnreadableRecord> {
    vec![
        UnreadableRecord::new("plans", "case-X000003", "invalid type: string, expected u8"),
        UnreadableRecord::new("cases", "case-zz", "missing field `details`"),
        UnreadableRecord::new("cases", "case-aa", ""),
        UnreadableRecord::new("cases", "case-zz", "missing field `details`"),
    ]
}

fn caseload() -> Caseload {
    Caseload::new(sample_rows(), damaged())
}

fn names(shown: &ShownCaseload) -> Vec<&str> {
    shown.rows.iter().map(|row| row.name.as_str()).collect()
}

fn ids(shown: &ShownCaseload) -> Vec<(&str, &str)> {
    shown
        .unreadable
        .iter()
        .map(|record| (record.id.as_str(), record.store.as_str()))
        .collect()
}

#[test]
fn an_unreadable_record_is_named_by_its_id() {
    let record = UnreadableRecord::new("cases", "case-7", "missing field `details`");
    assert_eq!(record.title(), "Record case-7 could not be read");
    assert_eq!(record.detail(), "In cases: missing field `details`");
    assert_eq!(
        UnreadableRecord::new("signing", "case-7", " ").detail(),
        "In signing"
    );
    assert_eq!(
        record.sentence(),
        "The case record “case-7” could not be read (missing field `details`)."
    );
    assert_eq!(
        UnreadableRecord::new("plans", "case-7", "").sentence(),
        "The sentence plan of the case “case-7” could not be read."
    );
    assert_eq!(
        UnreadableRecord::new("settings", "profile", "bad").sentence(),
        "The record “profile” could not be read (bad)."
    );
}

#[test]
fn unreadable_records_are_listed_once_each_in_order_of_id() {
    let caseload = caseload();
    let every = [
        ("case-X000003", "plans"),
        ("case-aa", "cases"),
        ("case-zz", "cases"),
    ];
    let shown = caseload.shown(&caseload.search_index(), "", &[], SortKey::Name, true);
    assert_eq!(ids(&shown), every);
    assert_eq!(
        caseload
            .unreadable_for("case-X000003")
            .map(|record| record.store.as_str())
            .collect::<Vec<_>>(),
        ["plans"]
    );
    assert!(!caseload.is_empty());
    assert!(Caseload::new(Vec::new(), Vec::new()).is_empty());
    assert!(!Caseload::new(Vec::new(), damaged()).is_empty());
}

#[test]
fn filters_sorting_and_search_keep_working_and_never_hide_an_unreadable_record() {
    let caseload = caseload();
    let index = caseload.search_index();
    let all = caseload.shown(&index, "  ", &[], SortKey::Name, true);
    assert_eq!(
        names(&all),
        [
            "alex Marsh",
            "Bea Owusu",
            "ben Adams",
            "Cal Reid",
            "Dee Quinn"
        ]
    );
    assert_eq!(all.caption(), "5 cases; 3 records could not be read");

    let down = caseload.shown(&index, "", &[], SortKey::Name, false);
    assert_eq!(names(&down)[0], "Dee Quinn");

    let filtered = caseload.shown(&index, "", &[Filter::OverdueReview], SortKey::Name, true);
    assert_eq!(names(&filtered), ["alex Marsh"]);
    assert_eq!(filtered.unreadable, all.unreadable);
    assert_eq!(
        filtered.caption(),
        "1 of 5 cases; 3 records could not be read"
    );

    let none = caseload.shown(
        &index,
        "",
        &[Filter::OverdueReview, Filter::AwaitingCountersign],
        SortKey::Rosh,
        true,
    );
    assert!(none.rows.is_empty());
    assert_eq!(none.unreadable.len(), 3);

    let found = caseload.shown(&index, "bea owsu", &[], SortKey::Name, true);
    assert_eq!(names(&found)[0], "Bea Owusu");
    assert_eq!(found.unreadable, all.unreadable);
    let found_and_filtered =
        caseload.shown(&index, "bea", &[Filter::OverdueReview], SortKey::Name, true);
    assert!(found_and_filtered.rows.is_empty());
    assert_eq!(found_and_filtered.unreadable.len(), 3);
}

#[test]
fn the_caption_counts_cases_as_before_when_everything_was_read() {
    let caseload = Caseload::new(sample_rows(), Vec::new());
    let index = caseload.search_index();
    assert_eq!(
        caseload
            .shown(&index, "", &[], SortKey::Name, true)
            .caption(),
        "5 cases"
    );
    let one = Caseload::new(sample_rows().into_iter().take(1).collect(), Vec::new());
    assert_eq!(
        one.shown(&one.search_index(), "", &[], SortKey::Name, true)
            .caption(),
        "1 case"
    );
    let only_damaged = Caseload::new(Vec::new(), damaged().into_iter().take(1).collect());
    assert_eq!(
        only_damaged
            .shown(&only_damaged.search_index(), "", &[], SortKey::Name, true)
            .caption(),
        "0 cases; 1 record could not be read"
    );
}
