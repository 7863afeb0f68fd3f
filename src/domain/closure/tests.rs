use jiff::civil::date;

use super::*;
use crate::domain::answers::Answer;
use crate::domain::case::{SentenceType, Sex};

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
        sentence_or_release_date: date(2024, 11, 2),
        sentence_end_date: date(2026, 11, 1),
    }
}

fn form(reason: &str, day: &str, month: &str, year: &str, note: &str) -> ClosureForm {
    ClosureForm {
        reason: reason.into(),
        closed_on: DateParts::new(day, month, year),
        note: note.into(),
    }
}

const TODAY: Date = date(2026, 12, 3);
const AT: &str = "2026-12-03T09:00:00Z";

#[test]
fn nothing_chosen_says_what_is_missing_under_each_field() {
    let errors = ClosureForm::default()
        .validate(&licence(), TODAY, AT)
        .unwrap_err();
    assert_eq!(
        errors.for_field(closure_fields::REASON),
        Some("Select why the case is closing")
    );
    assert_eq!(
        errors.for_field(closure_fields::DATE),
        Some("Enter the date the case closed")
    );
    assert_eq!(errors.len(), 2);
}

#[test]
fn the_date_is_real_not_in_the_future_and_within_the_sentence() {
    let case = licence();
    let message = |f: ClosureForm| {
        f.validate(&case, TODAY, AT)
            .unwrap_err()
            .for_field(closure_fields::DATE)
            .map(str::to_string)
    };
    assert_eq!(
        message(form("died", "31", "2", "2026", "")).as_deref(),
        Some("Date the case closed must be a real date")
    );
    assert_eq!(
        message(form("died", "4", "12", "2026", "")).as_deref(),
        Some("Date the case closed must be today or in the past")
    );
    assert_eq!(
        message(form("died", "1", "11", "2024", "")).as_deref(),
        Some("Date the case closed must be on or after the release date 2 November 2024")
    );
    assert_eq!(
        message(form("died", "1", "1", "9999", "")).as_deref(),
        Some("Date the case closed must be between 1900 and 2100")
    );
    // "The sentence ended" before the end date is another reason.
    assert_eq!(
        message(form("sentence_ended", "31", "10", "2026", "")).as_deref(),
        Some("The sentence ends on 1 November 2026: for an earlier date, choose another reason")
    );
    let closed = form("sentence_ended", "1", "11", "2026", " ")
        .validate(&case, TODAY, AT)
        .unwrap();
    assert_eq!(
        closed,
        CaseClosure {
            reason: ClosureReason::SentenceEnded,
            closed_on: date(2026, 11, 1),
            note: String::new(),
            recorded_at: AT.into(),
        }
    );
    assert_eq!(
        closed.describe(),
        "Closed on 1 November 2026: the sentence or licence ended"
    );
}

#[test]
fn another_reason_and_a_transfer_need_a_note() {
    let case = licence();
    let note_error = |reason: &str, note: &str| {
        form(reason, "1", "12", "2026", note)
            .validate(&case, TODAY, AT)
            .err()
            .and_then(|errors| errors.for_field(closure_fields::NOTE).map(str::to_string))
    };
    assert_eq!(
        note_error("other", "").as_deref(),
        Some("Enter why the case is closing")
    );
    assert_eq!(
        note_error("transferred", " ").as_deref(),
        Some("Enter who the case is transferred to")
    );
    assert_eq!(note_error("transferred", "Jo Fictional, Exampletown"), None);
    assert_eq!(note_error("died", ""), None);
    assert_eq!(
        note_error("died", &"a".repeat(CLOSURE_NOTE_MAX_CHARS + 1)).as_deref(),
        Some("The note must be 500 characters or fewer")
    );
    let transferred = form("transferred", "1", "12", "2026", "Jo Fictional")
        .validate(&case, TODAY, AT)
        .unwrap();
    assert_eq!(
        transferred.describe(),
        "Closed on 1 December 2026: transferred to another officer (Jo Fictional)"
    );
}

#[test]
fn a_transfer_closes_the_case_today_naming_who_took_it() {
    let closure = CaseClosure::transferred(" Jo Fictional ", TODAY, AT);
    assert_eq!(closure.reason, ClosureReason::Transferred);
    assert_eq!(closure.closed_on, TODAY);
    assert_eq!(
        closure.describe(),
        "Closed on 3 December 2026: transferred to another officer (to Jo Fictional)"
    );
}

#[test]
fn every_reason_reads_back_from_its_code() {
    for reason in ClosureReason::ALL {
        assert_eq!(ClosureReason::from_code(reason.code()), Some(reason));
        let json = serde_json::to_string(&reason).unwrap();
        assert_eq!(json, format!("\"{}\"", reason.code()));
    }
    assert_eq!(ClosureReason::from_code("archived"), None);
}

#[test]
fn retention_counts_months_from_the_day_the_case_closed() {
    let closure = CaseClosure {
        reason: ClosureReason::Died,
        closed_on: date(2025, 1, 31),
        note: String::new(),
        recorded_at: AT.into(),
    };
    let year = Retention::default();
    assert_eq!(year.months, 12);
    assert_eq!(year.deletable_from(&closure), Some(date(2026, 1, 31)));
    assert!(!year.allows_deletion(&closure, date(2026, 1, 30)));
    assert!(year.allows_deletion(&closure, date(2026, 1, 31)));
    let month = Retention { months: 1 };
    assert_eq!(month.deletable_from(&closure), Some(date(2025, 2, 28)));
    let none = Retention { months: 0 };
    assert!(none.allows_deletion(&closure, closure.closed_on));
    // A date past the calendar is never deletable, never a panic.
    let late = CaseClosure {
        closed_on: date(9999, 6, 1),
        ..closure
    };
    assert_eq!(year.deletable_from(&late), None);
    assert!(!year.allows_deletion(&late, date(9999, 12, 31)));
}

#[test]
fn the_retention_setting_as_typed() {
    assert_eq!(Retention::parse(" 24 "), Ok(Retention { months: 24 }));
    assert_eq!(Retention::parse("0"), Ok(Retention { months: 0 }));
    assert_eq!(
        Retention::parse("121").unwrap_err(),
        "Months to keep a closed case must be 120 or fewer"
    );
    assert_eq!(
        Retention::parse("").unwrap_err(),
        "Enter how many months to keep a closed case"
    );
    for typed in ["-1", "1.5", "twelve", "99999999999999999999"] {
        assert!(Retention::parse(typed).is_err(), "{typed}");
    }
}

#[test]
fn deleting_is_confirmed_by_the_case_reference_number() {
    let case = licence();
    assert!(confirms_deletion(" x123 456 ", &case).is_ok());
    let wrong = confirms_deletion("X123457", &case).unwrap_err();
    assert_eq!(
        wrong.for_field(closure_fields::CONFIRM),
        Some("The case reference number does not match: enter X123456 to delete this case")
    );
    let empty = confirms_deletion("", &case).unwrap_err();
    assert_eq!(
        empty.for_field(closure_fields::CONFIRM),
        Some("Enter the case reference number X123456 to confirm")
    );
    assert!(confirms_deletion("Alex Marsh", &case).is_err());
}

fn case_record(closure: Option<CaseClosure>) -> CaseRecord {
    CaseRecord {
        schema_version: crate::domain::records::RECORD_SCHEMA_VERSION,
        revision: 3,
        id: "case-1".into(),
        details: licence(),
        next_appointment: None,
        closure,
        photo: None,
        created_at: AT.into(),
        updated_at: AT.into(),
    }
}

fn closed() -> CaseClosure {
    CaseClosure {
        reason: ClosureReason::SentenceEnded,
        closed_on: date(2026, 11, 1),
        note: String::new(),
        recorded_at: AT.into(),
    }
}

#[test]
fn a_closed_case_only_reopens() {
    let open = case_record(None);
    let shut = case_record(Some(closed()));
    // Closing and reopening are allowed.
    assert_eq!(case_change_refused(&open, &shut), None);
    assert_eq!(case_change_refused(&shut, &open), None);
    // Nothing else changes while it is closed, the closure itself included.
    let mut renamed = shut.clone();
    renamed.details.name = "Alex Other".into();
    assert_eq!(case_change_refused(&shut, &renamed), Some(CLOSED_MESSAGE));
    let mut appointment = shut.clone();
    appointment.next_appointment = Some(date(2026, 12, 8).at(10, 0, 0, 0));
    assert_eq!(
        case_change_refused(&shut, &appointment),
        Some(CLOSED_MESSAGE)
    );
    let mut pictured = shut.clone();
    pictured.photo = Some(crate::domain::photo::CasePhoto {
        data_url: "data:image/jpeg;base64,/9j/".into(),
        width: 1,
        height: 1,
        added_at: AT.into(),
    });
    assert_eq!(case_change_refused(&shut, &pictured), Some(CLOSED_MESSAGE));
    let mut moved = shut.clone();
    moved.closure.as_mut().unwrap().closed_on = date(2026, 11, 2);
    assert_eq!(case_change_refused(&shut, &moved), Some(CLOSED_MESSAGE));
    // A stamp (the store's revision and time) is not a change.
    let mut stamped = shut.clone();
    stamped.revision += 1;
    stamped.updated_at = "2026-12-04T09:00:00Z".into();
    assert_eq!(case_change_refused(&shut, &stamped), None);
}

#[test]
fn a_closed_cases_records_refuse_every_change_of_content() {
    let assessment = AssessmentRecord::new("case-1");
    let mut answered = assessment.clone();
    answered.answers.set("3.3", Answer::Choice("yes".into()));
    assert_eq!(
        assessment_change_refused(&assessment, &answered),
        Some(CLOSED_MESSAGE)
    );
    let mut visited = assessment.clone();
    visited.last_section = Some("4".into());
    assert_eq!(assessment_change_refused(&assessment, &visited), None);

    let plan = PlanRecord::new("case-1");
    let mut dismissed = plan.clone();
    dismissed
        .dismissed_suggestions
        .push("Find settled accommodation".into());
    assert_eq!(plan_change_refused(&plan, &dismissed), Some(CLOSED_MESSAGE));
    let mut stamped = plan.clone();
    stamped.revision = 9;
    stamped.updated_at = AT.into();
    assert_eq!(plan_change_refused(&plan, &stamped), None);

    let signing = SigningRecord::new("case-1", AT);
    let mut drafted = signing.clone();
    drafted
        .comment_drafts
        .insert(String::new(), "Looks fine".into());
    assert_eq!(
        signing_change_refused(&signing, &drafted),
        Some(CLOSED_MESSAGE)
    );
}

#[test]
fn an_older_case_record_reads_as_open_and_an_open_one_writes_no_closure() {
    let open = case_record(None);
    let json = serde_json::to_value(&open).unwrap();
    assert!(json.get("closure").is_none());
    let shut = case_record(Some(closed()));
    let json = serde_json::to_value(&shut).unwrap();
    assert_eq!(json["closure"]["reason"], "sentence_ended");
    assert_eq!(json["closure"]["closed_on"], "2026-11-01");
    let read: CaseRecord = serde_json::from_value(json).unwrap();
    assert_eq!(read, shut);
}

proptest::proptest! {
    /// Whatever is typed, the form answers with a closure or sentences, never a panic, and a
    /// closure it gives is within the sentence and not in the future.
    #[test]
    fn the_close_form_never_panics(
        reason in proptest::sample::select(vec!["", "sentence_ended", "revoked", "transferred", "died", "deported", "other", "x"]),
        day in "[0-9a-z ]{0,4}",
        month in "[0-9a-z ]{0,6}",
        year in "[0-9 ]{0,6}",
        note in "\\PC{0,20}",
        typed in "\\PC{0,12}",
        months in "\\PC{0,6}",
    ) {
        let case = licence();
        if let Ok(closure) = form(reason, &day, &month, &year, &note).validate(&case, TODAY, AT) {
            proptest::prop_assert!(closure.closed_on <= TODAY);
            proptest::prop_assert!(closure.closed_on >= case.sentence_or_release_date);
        }
        let _ = confirms_deletion(&typed, &case);
        if let Ok(retention) = Retention::parse(&months) {
            proptest::prop_assert!(retention.months <= RETENTION_MAX_MONTHS);
            let _ = retention.deletable_from(&closed());
        }
    }
}
