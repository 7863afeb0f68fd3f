//! The caseload rows: the filters, sorting with missing values, overdue reviews against a fixed today,
//! status from the signing states, and reading an appointment. The search is in `search_tests`.

use jiff::civil::{date, Date};

use super::*;
use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType, Sex};
use crate::domain::dates::DateParts;
use crate::domain::plan::SentencePlan;
use crate::domain::questionnaire::ROSH_GRID;
use crate::domain::reviews::{ReviewKind, ReviewSettings, SignificantChange};
use crate::domain::rosh::ROSH_GRID_ITEM;
use crate::domain::signing::{CaseSigning, Grade, Profile, Snapshot};

const TODAY: Date = date(2026, 11, 3);
const AT: &str = "2026-11-03T10:00:00Z";

// --- rows, filters and sorting --------------------------------------------------------------------

fn details(name: &str, sentence_type: SentenceType, start: Date, end: Date) -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: name.into(),
        crn: "X123456".into(),
        date_of_birth: date(1991, 7, 17),
        sex: Sex::Female,
        sentence_type,
        sentence_date: None,
        sentence_or_release_date: start,
        sentence_end_date: end,
    }
}

fn build_on(case: &CaseDetails, changes: &[SignificantChange], today: Date) -> CaseloadRow {
    CaseloadRow::build(
        "case-1",
        case,
        &Answers::default(),
        &Default::default(),
        &SentencePlan::default(),
        &ReviewSettings::default(),
        changes,
        &CaseSigning::default(),
        None,
        today,
    )
}

fn change_on(day: Date) -> SignificantChange {
    SignificantChange {
        date: day,
        kind: None,
        reason: "Moved house".into(),
        recorded_on: None,
    }
}

/// Sentenced today: the initial plan is weeks away, so only the change can be due.
fn sentenced_today() -> CaseDetails {
    details(
        "Alex Marsh",
        SentenceType::CommunityOrder,
        TODAY,
        date(2028, 11, 2),
    )
}

#[test]
fn a_review_yesterday_is_overdue() {
    let row = build_on(
        &sentenced_today(),
        &[change_on(TODAY.yesterday().unwrap())],
        TODAY,
    );
    let review = row.next_review.as_ref().unwrap();
    assert_eq!(review.kind, ReviewKind::SignificantChange);
    assert_eq!(review.date, date(2026, 11, 2));
    assert!(review.overdue);
    assert!(row.overdue);
}

#[test]
fn a_review_today_is_not_overdue_yet() {
    let row = build_on(&sentenced_today(), &[change_on(TODAY)], TODAY);
    let review = row.next_review.as_ref().unwrap();
    assert_eq!(review.kind, ReviewKind::SignificantChange);
    assert_eq!(review.date, TODAY);
    assert!(!row.overdue);
}

#[test]
fn without_anything_overdue_the_next_review_is_the_first_from_today() {
    let row = build_on(&sentenced_today(), &[], TODAY);
    let review = row.next_review.unwrap();
    assert_eq!(review.kind, ReviewKind::InitialPlan);
    assert_eq!(review.date, date(2026, 11, 24));
    assert!(!row.overdue);
}

#[test]
fn an_overdue_review_comes_before_a_sooner_upcoming_one() {
    let case = details(
        "Alex Marsh",
        SentenceType::CommunityOrder,
        date(2026, 9, 1),
        date(2028, 8, 31),
    );
    let row = build_on(&case, &[change_on(TODAY)], TODAY);
    let review = row.next_review.unwrap();
    assert_eq!(review.kind, ReviewKind::InitialPlan);
    assert_eq!(review.date, date(2026, 9, 22));
    assert!(row.overdue);
}

#[test]
fn the_release_date_shows_for_custody_and_licence_only() {
    let end = date(2029, 1, 31);
    for (kind, release) in [
        (SentenceType::Custody, Some(date(2027, 5, 1))),
        (SentenceType::Licence, Some(date(2027, 5, 1))),
        (SentenceType::CommunityOrder, None),
        (SentenceType::SuspendedSentenceOrder, None),
    ] {
        let case = details("Alex Marsh", kind, date(2027, 5, 1), end);
        assert_eq!(build_on(&case, &[], TODAY).release_or_end, (release, end));
    }
}

#[test]
fn the_rosh_is_the_grid_level_or_not_yet_assessed() {
    let case = sentenced_today();
    let row = build_on(&case, &[], TODAY);
    assert_eq!(row.rosh, None);
    assert_eq!(row.rosh_label(), "Not yet assessed");

    let mut answers = Answers::default();
    let (grid_row, column) = ROSH_GRID.cells().next().unwrap();
    answers.set_cell(
        ROSH_GRID_ITEM,
        grid_row.key,
        column.key,
        Some("very_high".into()),
    );
    let row = CaseloadRow::build(
        "case-1",
        &case,
        &answers,
        &Default::default(),
        &SentencePlan::default(),
        &ReviewSettings::default(),
        &[],
        &CaseSigning::default(),
        Some(date(2026, 11, 10).at(14, 30, 0, 0)),
        TODAY,
    );
    assert_eq!(row.rosh, Some(RoshLevel::VeryHigh));
    assert_eq!(
        row.rosh_label(),
        "Very high (draft)",
        "nothing is signed yet"
    );
    assert_eq!(
        row.next_appointment,
        Some(date(2026, 11, 10).at(14, 30, 0, 0))
    );
    assert_eq!(
        (row.case_id.as_str(), row.crn.as_str()),
        ("case-1", "X123456")
    );
}

fn people() -> (Profile, Profile, Profile) {
    (
        Profile::new("Sam Patel", Grade::TraineePqip).unwrap(),
        Profile::new("Jo Bloggs", Grade::Spo).unwrap(),
        Profile::new("Ray Ahmed", Grade::Spo).unwrap(),
    )
}

#[test]
fn the_status_follows_the_latest_signed_version() {
    let (officer, senior, second) = people();
    let mut signing = CaseSigning::new(AT, Some(&officer));
    assert_eq!(
        AssessmentStatus::of(&signing, FRESH),
        AssessmentStatus::NotStarted
    );

    let version = signing
        .sign(Snapshot::default(), true, &officer, &["Trainee"], AT)
        .unwrap();
    assert_eq!(
        AssessmentStatus::of(&signing, FRESH),
        AssessmentStatus::AwaitingCountersign
    );

    signing
        .return_for_rework(version, "Say more about the risk to children", &senior, AT)
        .unwrap();
    assert_eq!(
        AssessmentStatus::of(&signing, FRESH),
        AssessmentStatus::Returned
    );

    let version = signing
        .sign(Snapshot::default(), true, &officer, &["Trainee"], AT)
        .unwrap();
    signing
        .request_double_countersign(version, "Very high RoSH", &senior, AT)
        .unwrap();
    assert_eq!(
        AssessmentStatus::of(&signing, FRESH),
        AssessmentStatus::AwaitingCountersign
    );
    signing.double_countersign(version, &second, AT).unwrap();
    assert_eq!(
        AssessmentStatus::of(&signing, FRESH),
        AssessmentStatus::Countersigned
    );

    let mut self_signed = CaseSigning::new(AT, Some(&senior));
    self_signed
        .sign(Snapshot::default(), true, &senior, &[], AT)
        .unwrap();
    assert_eq!(
        AssessmentStatus::of(&self_signed, FRESH),
        AssessmentStatus::SelfSigned
    );

    let mut countersigned = CaseSigning::new(AT, Some(&officer));
    let version = countersigned
        .sign(Snapshot::default(), true, &officer, &["Trainee"], AT)
        .unwrap();
    countersigned.countersign(version, &senior, AT).unwrap();
    assert_eq!(
        AssessmentStatus::of(&countersigned, FRESH),
        AssessmentStatus::Countersigned
    );
}

/// Issue 13: a case whose review was done stayed overdue on the caseload for ever.
#[test]
fn a_review_signed_after_the_date_passed_clears_the_overdue_flag() {
    let (officer, senior, _) = people();
    // Released 10 June 2025: reviews due 10 December 2025, 10 June 2026, 10 December 2026…
    let case = details(
        "Alex Marsh",
        SentenceType::Licence,
        date(2025, 6, 10),
        date(2028, 6, 9),
    );
    let mut plan = SentencePlan::default();
    plan.status = crate::domain::plan::PlanStatus::Agreed;
    plan.agreed_on = Some(date(2025, 6, 20));
    let build = |signing: &CaseSigning, today: Date| {
        CaseloadRow::build(
            "case-1",
            &case,
            &Answers::default(),
            &Default::default(),
            &plan,
            &ReviewSettings::default(),
            &[],
            signing,
            None,
            today,
        )
    };
    let mut signing = CaseSigning::new(AT, Some(&officer));
    signing
        .sign(
            Snapshot::default(),
            true,
            &officer,
            &["Trainee"],
            "2025-06-20T10:00:00Z",
        )
        .unwrap();
    signing
        .countersign(1, &senior, "2025-06-21T10:00:00Z")
        .unwrap();
    let before = build(&signing, TODAY);
    assert!(before.overdue);
    assert_eq!(before.next_review.as_ref().unwrap().date, date(2026, 6, 10));
    assert_eq!(before.last_review, None);

    signing
        .start_new_draft(
            crate::domain::signing::AssessmentPurpose::Review,
            &officer,
            "2026-07-01T10:00:00Z",
        )
        .unwrap();
    // Signed at 00:30 on 2 July in London.
    signing
        .sign(
            Snapshot::default(),
            true,
            &officer,
            &["Trainee"],
            "2026-07-01T23:30:00Z",
        )
        .unwrap();
    let after = build(&signing, TODAY);
    assert!(!after.overdue);
    let next = after.next_review.unwrap();
    assert_eq!(
        (next.kind, next.date),
        (ReviewKind::ScheduledReview, date(2027, 1, 2))
    );
    let last = after.last_review.unwrap();
    assert_eq!(last.date, date(2026, 7, 2));
    // The next review falls due in its turn: overdue the day after it.
    assert!(!build(&signing, date(2027, 1, 2)).overdue);
    assert!(build(&signing, date(2027, 1, 3)).overdue);
    // Only the overdue filter's cases are overdue.
    assert!(!Filter::OverdueReview.keeps(&build(&signing, TODAY)));
}

/// A change recorded late is due the day it is recorded, so the caseload does not show it overdue
/// at once.
#[test]
fn a_change_recorded_today_dated_yesterday_is_not_overdue_yet() {
    let change = SignificantChange {
        recorded_on: Some(TODAY),
        ..change_on(TODAY.yesterday().unwrap())
    };
    let row = build_on(&sentenced_today(), std::slice::from_ref(&change), TODAY);
    let review = row.next_review.as_ref().unwrap();
    assert_eq!(review.kind, ReviewKind::SignificantChange);
    assert_eq!(review.date, TODAY);
    assert!(!row.overdue);
    let tomorrow = build_on(&sentenced_today(), &[change], TODAY.tomorrow().unwrap());
    assert!(tomorrow.overdue);
}

const FRESH: DraftProgress = DraftProgress {
    answered_any: false,
    completed: 0,
    of: 16,
    plan_agreed: false,
};

/// Issue 19: "Draft" both for a case never started and for one at 18 of 18.
#[test]
fn a_draft_says_how_far_it_has_got_and_every_status_has_a_label() {
    let signing = CaseSigning::default();
    let status = |answered_any, completed, of, plan_agreed| {
        AssessmentStatus::of(
            &signing,
            DraftProgress {
                answered_any,
                completed,
                of,
                plan_agreed,
            },
        )
    };
    assert_eq!(status(false, 0, 16, false).label(), "Not started");
    assert_eq!(status(true, 9, 18, false).label(), "In progress (9 of 18)");
    assert_eq!(status(true, 0, 16, false).label(), "In progress (0 of 16)");
    assert_eq!(
        status(true, 18, 18, false).label(),
        "In progress (18 of 18)",
        "the plan is not agreed yet"
    );
    assert_eq!(status(true, 18, 18, true).label(), "Ready to sign");
    let labels: Vec<String> = [
        AssessmentStatus::Returned,
        AssessmentStatus::AwaitingCountersign,
        AssessmentStatus::SelfSigned,
        AssessmentStatus::Countersigned,
    ]
    .iter()
    .map(|s| s.label())
    .collect();
    assert_eq!(
        labels,
        [
            "Returned",
            "Awaiting countersignature",
            "Signed",
            "Countersigned"
        ]
    );

    // Read from the records: answers and completed sections of a case's draft.
    let case = sentenced_today();
    let mut answers = Answers::default();
    answers.set("3.3", crate::domain::answers::Answer::Choice("yes".into()));
    let completed: std::collections::BTreeSet<String> = ["3".to_string()].into();
    let row = CaseloadRow::build(
        "case-1",
        &case,
        &answers,
        &completed,
        &SentencePlan::default(),
        &ReviewSettings::default(),
        &[],
        &CaseSigning::default(),
        None,
        TODAY,
    );
    assert!(
        matches!(row.status, AssessmentStatus::InProgress { .. }),
        "{:?}",
        row.status
    );
    assert!(
        row.status.label().starts_with("In progress ("),
        "{}",
        row.status.label()
    );
}

/// A row written out, for the filters and sorting.
pub(super) fn row(name: &str, crn: &str) -> CaseloadRow {
    CaseloadRow {
        case_id: format!("case-{crn}"),
        name: name.into(),
        crn: crn.into(),
        next_review: None,
        last_review: None,
        release_or_end: (None, date(2028, 1, 1)),
        rosh: None,
        status: AssessmentStatus::NotStarted,
        next_appointment: None,
        overdue: false,
    }
}

fn review_on(day: Date) -> crate::domain::reviews::ReviewDate {
    crate::domain::reviews::ReviewDate {
        date: day,
        kind: ReviewKind::ScheduledReview,
        reason: "Review".into(),
        overdue: day < TODAY,
        done_on: None,
    }
}

pub(super) fn sample_rows() -> Vec<CaseloadRow> {
    let mut overdue = row("alex Marsh", "X000001");
    overdue.next_review = Some(review_on(date(2026, 10, 1)));
    overdue.overdue = true;
    overdue.rosh = Some(RoshLevel::High);
    overdue.status = AssessmentStatus::Returned;
    overdue.release_or_end = (Some(date(2027, 3, 1)), date(2028, 3, 1));

    let mut waiting = row("Bea Owusu", "X000002");
    waiting.next_review = Some(review_on(date(2026, 12, 1)));
    waiting.rosh = Some(RoshLevel::VeryHigh);
    waiting.status = AssessmentStatus::AwaitingCountersign;
    waiting.next_appointment = Some(date(2026, 11, 5).at(9, 0, 0, 0));

    let mut medium = row("Cal Reid", "X000003");
    medium.rosh = Some(RoshLevel::Medium);
    medium.status = AssessmentStatus::Countersigned;
    medium.release_or_end = (Some(date(2026, 12, 24)), date(2027, 12, 24));
    medium.next_appointment = Some(date(2026, 11, 4).at(14, 30, 0, 0));

    let mut low = row("ben Adams", "X000004");
    low.rosh = Some(RoshLevel::Low);
    low.status = AssessmentStatus::SelfSigned;
    low.next_review = Some(review_on(TODAY));
    low.release_or_end = (None, date(2027, 1, 1));

    vec![overdue, waiting, medium, low, row("Dee Quinn", "X000005")]
}

fn kept(filters: &[Filter]) -> Vec<String> {
    sample_rows()
        .into_iter()
        .filter(|row| keeps_all(filters, row))
        .map(|row| row.name)
        .collect()
}

#[test]
fn each_filter_keeps_its_cases() {
    assert_eq!(kept(&[Filter::OverdueReview]), ["alex Marsh"]);
    assert_eq!(kept(&[Filter::AwaitingCountersign]), ["Bea Owusu"]);
    assert_eq!(kept(&[Filter::ReturnedToMe]), ["alex Marsh"]);
    assert_eq!(
        kept(&[Filter::RoshHighOrVeryHigh]),
        ["alex Marsh", "Bea Owusu"]
    );
    assert_eq!(
        kept(&[Filter::RoshHighOrVeryHigh, Filter::AwaitingCountersign]),
        ["Bea Owusu"]
    );
    assert_eq!(kept(&[]).len(), 5);
    let labels: Vec<&str> = Filter::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(
        labels,
        [
            "Overdue review",
            "Awaiting countersign",
            "Returned to me",
            "RoSH high or very high"
        ]
    );
}

fn sorted(key: SortKey, ascending: bool) -> Vec<String> {
    let mut rows = sample_rows();
    sort_rows(&mut rows, key, ascending);
    rows.into_iter().map(|row| row.name).collect()
}

#[test]
fn names_sort_ignoring_case() {
    let up = [
        "alex Marsh",
        "Bea Owusu",
        "ben Adams",
        "Cal Reid",
        "Dee Quinn",
    ];
    assert_eq!(sorted(SortKey::Name, true), up);
    let mut down = up.to_vec();
    down.reverse();
    assert_eq!(sorted(SortKey::Name, false), down);
    assert_eq!(sorted(SortKey::Crn, false)[0], "Dee Quinn");
}

#[test]
fn missing_values_sort_last_both_ways() {
    assert_eq!(
        sorted(SortKey::NextReview, true),
        [
            "alex Marsh",
            "ben Adams",
            "Bea Owusu",
            "Cal Reid",
            "Dee Quinn"
        ]
    );
    assert_eq!(
        sorted(SortKey::NextReview, false),
        [
            "Bea Owusu",
            "ben Adams",
            "alex Marsh",
            "Cal Reid",
            "Dee Quinn"
        ]
    );
    assert_eq!(
        sorted(SortKey::NextAppointment, false),
        [
            "Bea Owusu",
            "Cal Reid",
            "alex Marsh",
            "ben Adams",
            "Dee Quinn"
        ]
    );
    assert_eq!(
        sorted(SortKey::ReleaseOrEnd, true),
        [
            "Cal Reid",
            "alex Marsh",
            "ben Adams",
            "Bea Owusu",
            "Dee Quinn"
        ]
    );
}

#[test]
fn rosh_sorts_by_level_with_not_assessed_last() {
    assert_eq!(
        sorted(SortKey::Rosh, true),
        [
            "ben Adams",
            "Cal Reid",
            "alex Marsh",
            "Bea Owusu",
            "Dee Quinn"
        ]
    );
    assert_eq!(
        sorted(SortKey::Rosh, false),
        [
            "Bea Owusu",
            "alex Marsh",
            "Cal Reid",
            "ben Adams",
            "Dee Quinn"
        ]
    );
    assert_eq!(
        sorted(SortKey::Status, true),
        [
            "Dee Quinn",
            "alex Marsh",
            "Bea Owusu",
            "ben Adams",
            "Cal Reid"
        ]
    );
    assert_eq!(SortKey::ALL.len(), 7);
}

// --- appointments ---------------------------------------------------------------------------------

fn appointment(time: &str) -> Result<jiff::civil::DateTime, String> {
    parse_appointment(&DateParts::new("10", "11", "2026"), time)
}

#[test]
fn appointment_times_read_both_clocks() {
    let on = |h, m| Ok(date(2026, 11, 10).at(h, m, 0, 0));
    assert_eq!(appointment("14:30"), on(14, 30));
    assert_eq!(appointment(" 9.05 "), on(9, 5));
    assert_eq!(appointment("2pm"), on(14, 0));
    assert_eq!(appointment("2:30 PM"), on(14, 30));
    assert_eq!(appointment("12am"), on(0, 0));
    assert_eq!(appointment("12pm"), on(12, 0));
    assert_eq!(appointment("11.45am"), on(11, 45));
    assert_eq!(appointment("midday"), on(12, 0));
    assert_eq!(
        parse_appointment(&DateParts::new("10", "Nov", "2026"), "00:00"),
        on(0, 0)
    );
}

#[test]
fn appointment_errors_say_what_to_fix() {
    assert_eq!(appointment("").unwrap_err(), "Enter the appointment time");
    for bad in ["2", "half two", "14:3", "1430", "2::30pm", ":30"] {
        assert_eq!(
            appointment(bad).unwrap_err(),
            "Enter the appointment time like 14:30 or 2:30pm",
            "{bad}"
        );
    }
    for unreal in ["25:00", "13pm", "0am", "14:60"] {
        assert_eq!(
            appointment(unreal).unwrap_err(),
            "Appointment time must be a real time",
            "{unreal}"
        );
    }
    assert_eq!(
        parse_appointment(&DateParts::default(), "2pm").unwrap_err(),
        "Enter the appointment date"
    );
    assert_eq!(
        parse_appointment(&DateParts::new("31", "2", "2026"), "2pm").unwrap_err(),
        "Appointment date must be a real date"
    );
}

/// Issue 12: an appointment date, like every date, is between 1900 and 2100.
#[test]
fn an_appointment_date_must_be_between_1900_and_2100() {
    for year in ["1899", "2101", "9999"] {
        assert_eq!(
            parse_appointment(&DateParts::new("20", "12", year), "2pm").unwrap_err(),
            "Appointment date must be between 1900 and 2100",
            "{year}"
        );
    }
    for year in [1900, 2100] {
        assert_eq!(
            parse_appointment(&DateParts::new("20", "12", &year.to_string()), "2pm"),
            Ok(date(year, 12, 20).at(14, 0, 0, 0))
        );
    }
}

#[test]
fn a_search_that_finds_nothing_says_so_with_a_hint() {
    let (heading, hint) = no_matches("  Zebedee ", false);
    assert_eq!(heading, "No cases match “Zebedee”");
    assert!(hint.contains("CRN"));
    assert_eq!(no_matches("", true).0, "No cases match these filters");
    assert!(no_matches("x1", true).0.ends_with("with these filters"));
}

#[test]
fn a_case_not_yet_assessed_counts_its_sections_as_working_them_out_would() {
    use crate::domain::progress::statuses;
    use crate::domain::questionnaire::CheckContext;
    let (answers, completed) = (Answers::default(), std::collections::BTreeSet::new());
    for (date_of_birth, today) in [
        (date(1991, 7, 17), TODAY),
        (date(2008, 1, 1), date(2026, 1, 2)),
    ] {
        let context = CheckContext {
            date_of_birth,
            today,
        };
        let plan = SentencePlan::default();
        let worked_out = DraftProgress::from_statuses(
            &statuses(&answers, &completed, Some(&context)),
            &answers,
            &completed,
            &plan,
        );
        assert_eq!(
            DraftProgress::of(&answers, &completed, &context, &plan),
            worked_out
        );
        assert!(worked_out.of > 0 && worked_out.completed == 0 && !worked_out.answered_any);
    }
}
