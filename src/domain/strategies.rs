//! Generators of arbitrary domain values for the property tests (native only): every date jiff can
//! hold (years -9999 to 9999, with the ends of the calendar and 1900–2100 favoured), cases, plans,
//! review settings, significant changes, answers and signings, including ones no form would accept.

use jiff::civil::{Date, DateTime, Time};
use jiff::ToSpan;
use proptest::prelude::*;

use super::answers::{Answer, Answers};
use super::case::{CaseDetails, SentenceType, Sex};
use super::dates::DateParts;
use super::plan::{
    Agreement, AreaOfNeed, Goal, GoalStatus, GoalTarget, PlanStatus, SentencePlan, Step, StepStatus,
};
use super::questionnaire::{ROSH_GRID, SECTIONS};
use super::reviews::{ChangeKind, ReviewDone, ReviewSettings, SignificantChange};
use super::rosh::ROSH_GRID_ITEM;
use super::signing::{AssessmentPurpose, CaseSigning, CommentTarget, Grade, Profile, Snapshot};

/// Days from the first to the last day jiff can hold (-9999-01-01 to 9999-12-31).
fn days_in_calendar() -> i32 {
    Date::MIN.until(Date::MAX).unwrap().get_days()
}

/// The day `offset` days after the first day of the calendar.
fn from_first(offset: i32) -> Date {
    Date::MIN.checked_add(offset.days()).unwrap()
}

/// Any civil date: anywhere in the calendar, near either end, or in 1890–2110.
pub fn any_date() -> impl Strategy<Value = Date> {
    let total = days_in_calendar();
    let from_1890 = Date::MIN
        .until(jiff::civil::date(1890, 1, 1))
        .unwrap()
        .get_days();
    prop_oneof![
        (0..=total).prop_map(from_first),
        (0..800i32).prop_map(|back| Date::MAX.checked_sub(back.days()).unwrap()),
        (0..800i32).prop_map(from_first),
        (0..(220 * 366)).prop_map(move |days| from_first(from_1890 + days)),
    ]
}

/// A date in a year from 1900 to 2100, as every form accepts.
pub fn date_within_years() -> impl Strategy<Value = Date> {
    let first = jiff::civil::date(1900, 1, 1);
    let days = first
        .until(jiff::civil::date(2100, 12, 31))
        .unwrap()
        .get_days();
    (0..=days).prop_map(move |offset| first.checked_add(offset.days()).unwrap())
}

pub fn any_datetime() -> impl Strategy<Value = DateTime> {
    (any_date(), 0i8..24, 0i8..60)
        .prop_map(|(day, hour, minute)| day.to_datetime(Time::new(hour, minute, 0, 0).unwrap()))
}

pub fn sentence_type() -> impl Strategy<Value = SentenceType> {
    prop::sample::select(SentenceType::ALL.to_vec())
}

/// A case with any dates, in any order (an end before the start, a birth after the sentence…), with
/// or without a custody sentence date, whatever the sentence.
pub fn case_details() -> impl Strategy<Value = CaseDetails> {
    (
        any_date(),
        prop::sample::select(Sex::ALL.to_vec()),
        sentence_type(),
        prop::option::of(any_date()),
        any_date(),
        any_date(),
    )
        .prop_map(
            |(born, sex, sentence_type, sentenced, start, end)| CaseDetails {
                conviction_date: None,
                main_offence: None,
                name: "Alex Marsh".into(),
                crn: "X123456".into(),
                date_of_birth: born,
                sex,
                sentence_type,
                sentence_date: sentenced,
                sentence_or_release_date: start,
                sentence_end_date: end,
            },
        )
}

pub fn review_settings() -> impl Strategy<Value = ReviewSettings> {
    (any::<u8>(), any::<u8>()).prop_map(|(interval_months, pre_release_weeks)| ReviewSettings {
        interval_months,
        pre_release_weeks,
    })
}

pub fn significant_changes() -> impl Strategy<Value = Vec<SignificantChange>> {
    prop::collection::vec(
        (
            any_date(),
            prop::option::of(prop::sample::select(ChangeKind::ALL.to_vec())),
            ".{0,20}",
            prop::option::of(any_date()),
        )
            .prop_map(|(date, kind, reason, recorded_on)| SignificantChange {
                date,
                kind,
                reason,
                recorded_on,
            }),
        0..4,
    )
}

/// Reviews done on any dates, of any purpose (the initial ones are not reviews).
pub fn reviews_done() -> impl Strategy<Value = Vec<ReviewDone>> {
    prop::collection::vec(
        (
            any_date(),
            prop::sample::select(AssessmentPurpose::ALL.to_vec()),
        )
            .prop_map(|(date, purpose)| ReviewDone { date, purpose }),
        0..4,
    )
}

fn goal_target() -> impl Strategy<Value = Option<GoalTarget>> {
    prop_oneof![
        Just(None),
        Just(Some(GoalTarget::InThreeMonths)),
        Just(Some(GoalTarget::InSixMonths)),
        Just(Some(GoalTarget::InTwelveMonths)),
        any_date().prop_map(|date| Some(GoalTarget::OnDate(date))),
    ]
}

fn goal() -> impl Strategy<Value = Goal> {
    (
        (
            ".{0,80}",
            prop::sample::select(AreaOfNeed::all().collect::<Vec<_>>()),
            any::<bool>(),
            goal_target(),
        ),
        (
            prop::option::of(any_date()),
            prop::option::of(any_date()),
            prop::sample::select(vec![
                GoalStatus::Active,
                GoalStatus::Future,
                GoalStatus::Achieved,
                GoalStatus::Removed,
            ]),
            prop::option::of(any_date()),
            any_date(),
            0usize..3,
        ),
    )
        .prop_map(
            |(
                (text, area, can_start_now, target),
                (target_date, reminder_date, status, changed, created, steps),
            )| Goal {
                id: format!("goal-{}", text.len()),
                text,
                area_of_need: area,
                related_areas: vec![],
                how_progress_is_measured: String::new(),
                can_start_now,
                target,
                target_date,
                reminder_date,
                status,
                status_note: None,
                status_changed_on: changed,
                steps: (0..steps)
                    .map(|n| Step {
                        id: format!("step-{n}"),
                        description: "A step".into(),
                        actor: super::plan::Actor::PersonOnProbation,
                        status: StepStatus::NotStarted,
                    })
                    .collect(),
                created_on: created,
            },
        )
}

/// A plan with up to four goals of any kind, agreed or not, with any dates.
pub fn plan() -> impl Strategy<Value = SentencePlan> {
    (
        prop::collection::vec(goal(), 0..4),
        any::<bool>(),
        prop::option::of(any_date()),
        prop::option::of(any_date()),
    )
        .prop_map(|(goals, agreed, agreed_on, updated)| SentencePlan {
            goals,
            agreement: agreed.then_some(Agreement::Agrees),
            agreed_on,
            agreement_updated_on: updated,
            status: if agreed {
                PlanStatus::Agreed
            } else {
                PlanStatus::Draft
            },
            // Sometimes what was agreed, sometimes an older plan's (or an edited file's) digest.
            agreed_digest: (agreed && agreed_on.is_some()).then(|| "0".repeat(64)),
        })
}

/// Every item code of the questionnaire, top level.
fn item_codes() -> Vec<&'static str> {
    SECTIONS
        .iter()
        .flat_map(|section| section.items.iter().map(|item| item.code))
        .collect()
}

fn answer() -> impl Strategy<Value = Answer> {
    let value = prop_oneof![
        prop::sample::select(vec![
            "yes",
            "no",
            "0",
            "1",
            "2",
            "dont_know",
            "low",
            "medium",
            "high",
            "very_high",
        ])
        .prop_map(String::from),
        ".{0,6}",
    ];
    prop_oneof![
        value.clone().prop_map(Answer::Choice),
        ".{0,12}".prop_map(Answer::Text),
        prop::collection::vec(value.clone(), 0..3).prop_map(Answer::Choices),
        ("[0-9]{0,3}", "[0-9a-z]{0,4}", "[0-9]{0,5}")
            .prop_map(|(d, m, y)| Answer::Date(DateParts::new(&d, &m, &y))),
        prop::collection::btree_map("[a-z_]{1,8}/[a-z_]{1,8}", value, 0..3).prop_map(Answer::Grid),
    ]
}

/// Any answers to any items, and some of the RoSH grid rated.
pub fn answers() -> impl Strategy<Value = Answers> {
    let cells: Vec<(&str, &str)> = ROSH_GRID
        .cells()
        .map(|(row, column)| (row.key, column.key))
        .collect();
    (
        prop::collection::vec((prop::sample::select(item_codes()), answer()), 0..12),
        prop::collection::vec(
            (
                prop::sample::select(cells),
                prop::sample::select(vec!["low", "medium", "high", "very_high", "yes", "x"]),
            ),
            0..4,
        ),
    )
        .prop_map(|(given, rated)| {
            let mut answers = Answers::default();
            for (code, answer) in given {
                answers.set(code, answer);
            }
            for ((row, column), level) in rated {
                answers.set_cell(ROSH_GRID_ITEM, row, column, Some(level.to_string()));
            }
            answers
        })
}

/// A move someone might make on a case's versions, good or not.
#[derive(Debug, Clone)]
enum Move {
    Sign(bool),
    NewDraft(AssessmentPurpose),
    Countersign,
    RequestDouble,
    DoubleCountersign,
    Return,
    Comment,
}

fn people() -> [Profile; 4] {
    [
        Profile::new("Sam Patel", Grade::TraineePqip).unwrap(),
        Profile::new("Kim Lee", Grade::Po).unwrap(),
        Profile::new("Jo Bloggs", Grade::Spo).unwrap(),
        Profile::new("Ade Okafor", Grade::HeadOfService).unwrap(),
    ]
}

/// A case's versions after any sequence of moves by anyone (the refused ones change nothing).
pub fn signing() -> impl Strategy<Value = CaseSigning> {
    let step = (
        prop_oneof![
            any::<bool>().prop_map(Move::Sign),
            prop::sample::select(AssessmentPurpose::ALL.to_vec()).prop_map(Move::NewDraft),
            Just(Move::Countersign),
            Just(Move::RequestDouble),
            Just(Move::DoubleCountersign),
            Just(Move::Return),
            Just(Move::Comment),
        ],
        0usize..4,
        plan(),
    );
    prop::collection::vec(step, 0..8).prop_map(|steps| {
        let at = "2026-11-25T14:03:07Z";
        let people = people();
        let mut signing = CaseSigning::new(at, Some(&people[0]));
        for (action, who, plan) in steps {
            let by = &people[who];
            let number = signing.latest().map_or(1, |version| version.number);
            let _ = match action {
                Move::Sign(needs) => {
                    let reasons: &[&str] = if needs { &["Trainee"] } else { &[] };
                    let snapshot = Snapshot {
                        plan,
                        ..Snapshot::default()
                    };
                    signing.sign(snapshot, true, by, reasons, at).map(|_| ())
                }
                Move::NewDraft(purpose) => signing.start_new_draft(purpose, by, at).map(|_| ()),
                Move::Countersign => signing.countersign(number, by, at),
                Move::RequestDouble => signing.request_double_countersign(number, "Why", by, at),
                Move::DoubleCountersign => signing.double_countersign(number, by, at),
                Move::Return => signing.return_for_rework(number, "Rework", by, at),
                Move::Comment => {
                    let on = CommentTarget::Section("3".into());
                    signing.add_comment(number, on, "A comment", by, at)
                }
            };
        }
        signing
    })
}

/// Any JSON value, a few levels deep.
pub fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Any stored record's JSON: up to six top-level keys (bookkeeping ones such as `revision` among
/// them), each any JSON value (team sync's fields and conflicts).
pub fn any_record() -> impl Strategy<Value = serde_json::Value> {
    prop::collection::btree_map("[a-z_]{1,8}", json_value(), 0..6)
        .prop_map(|map| serde_json::Value::Object(map.into_iter().collect()))
}

/// Passes when `result` is a value, or a refusal that says why (a sentence, never empty).
pub fn refused_with_a_reason<T, E: std::fmt::Display>(
    result: Result<T, E>,
) -> Result<(), proptest::test_runner::TestCaseError> {
    if let Err(error) = result {
        prop_assert!(!error.to_string().trim().is_empty());
    }
    Ok(())
}

/// The JSON pointer of every leaf of `value` ("/case/details/name"), and with `with_inner` of every
/// object and array too (the root is ""), for tests that change a file at any place.
pub fn json_pointers(value: &serde_json::Value, with_inner: bool) -> Vec<String> {
    fn walk(value: &serde_json::Value, path: String, with_inner: bool, out: &mut Vec<String>) {
        use serde_json::Value;
        let inner = matches!(value, Value::Object(_) | Value::Array(_));
        if !inner || with_inner {
            out.push(path.clone());
        }
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    walk(item, format!("{path}/{key}"), with_inner, out);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, format!("{path}/{index}"), with_inner, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), with_inner, &mut out);
    out
}
