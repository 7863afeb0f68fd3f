//! `workbook assess` (native only): a case, answers and review history as JSON in, section scores,
//! identified needs, the overall RoSH and every review date as JSON out, on the app's own rules —
//! the case form's checks ([`validate_case`]), the significant change form's, the scoring
//! ([`score_section`], [`identified_needs`], [`rosh_rating`]) and [`review_schedule`].
//!
//! ```
//! use probation_workbook::domain::export::assess_json;
//! let input = r#"{"today": "2026-12-01",
//!   "case": {"sex": "male", "date_of_birth": "1990-01-01", "sentence_type": "community_order",
//!            "sentence_or_release_date": "2026-11-02", "sentence_end_date": "2028-11-01"},
//!   "answers": {"3.3": "yes", "3.4": 2}}"#;
//! let output: serde_json::Value = serde_json::from_str(&assess_json(input).unwrap()).unwrap();
//! assert_eq!(output["sections"][0]["section"], "3");
//! assert_eq!(output["identified_needs"][0], "3");
//! assert_eq!(output["overall_rosh"], "not_yet_assessed");
//! assert_eq!(output["review_dates"][0]["kind"], "initial_plan");
//! ```

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::answers::{cell_key, Answer, Answers};
use crate::domain::case::{fields, validate_case, CaseDetails, CaseForm, SentenceType, Sex};
use crate::domain::dates::{format_long, is_within_years, DateParts, EARLIEST_YEAR, LATEST_YEAR};
use crate::domain::plan::{Agreement, PlanStatus, SentencePlan};
use crate::domain::questionnaire::{find_item, GridCell, Item, ItemKind, SECTIONS};
use crate::domain::reviews::{
    review_schedule, ChangeKind, ReviewDate, ReviewDone, ReviewSettings, SignificantChange,
    SignificantChangeForm,
};
use crate::domain::rosh::rosh_rating;
use crate::domain::scoring::{identified_needs, score_section, NeedLevel};

/// What `workbook assess` reads. Unknown fields are refused.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessInput {
    /// The day to work the review dates out on (overdue is before it).
    pub today: Date,
    pub case: AssessCase,
    /// Item code → answer: a scored item's score (0, 1, 2), "yes"/"no" or the value the app stores;
    /// text for text items; "YYYY-MM-DD" for dates; a whole number; a list for "select all"; an
    /// object of "row/column" → value for a grid. `null` leaves an item unanswered.
    #[serde(default)]
    pub answers: BTreeMap<String, Value>,
    /// The day the person agreed the sentence plan, if they have.
    #[serde(default)]
    pub plan_agreed_on: Option<Date>,
    #[serde(default)]
    pub reviews_done: Vec<ReviewDone>,
    #[serde(default)]
    pub significant_changes: Vec<AssessChange>,
}

/// The person and sentence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessCase {
    pub sex: Sex,
    pub date_of_birth: Date,
    pub sentence_type: SentenceType,
    /// Needed for custody (the initial plan counts from it); not read for the other sentences.
    #[serde(default)]
    pub sentence_date: Option<Date>,
    pub sentence_or_release_date: Date,
    pub sentence_end_date: Date,
}

/// A significant change.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessChange {
    pub date: Date,
    pub kind: ChangeKind,
    /// What changed, in words; the kind alone when absent.
    #[serde(default)]
    pub reason: Option<String>,
    /// The day it was recorded; its own date when absent.
    #[serde(default)]
    pub recorded_on: Option<Date>,
}

/// What `workbook assess` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessOutput {
    /// Every section scored for need (3, 4, 6, 7, 8, 9, 11, 12), in assessment order.
    pub sections: Vec<SectionOutcome>,
    /// The ids of the sections whose score reaches their need threshold.
    pub identified_needs: Vec<String>,
    /// "low", "medium", "high", "very_high", or "not_yet_assessed" while no grid cell is rated.
    pub overall_rosh: String,
    /// Every review date, in date order.
    pub review_dates: Vec<ReviewDate>,
}

/// One section's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionOutcome {
    pub section: String,
    pub score: u32,
    pub max: u32,
    /// The score reaches the need threshold (severe or not).
    pub need: bool,
    pub severe: bool,
}

/// Reads the input text and prints the outcome as pretty JSON, or says in a sentence what is wrong
/// with the input (malformed JSON, an unknown field, a value of the wrong type, a date outside
/// 1900–2100, a case the case form would refuse, an answer the questionnaire does not offer).
pub fn assess_json(text: &str) -> Result<String, String> {
    let input: AssessInput =
        serde_json::from_str(text).map_err(|error| format!("cannot read the input: {error}"))?;
    let output = assess(&input)?;
    serde_json::to_string_pretty(&output).map_err(|error| error.to_string())
}

/// The outcome, or what is wrong with the input (see [`assess_json`]).
pub fn assess(input: &AssessInput) -> Result<AssessOutput, String> {
    let today = input.today;
    within_years("today", today)?;
    let case = case_details(&input.case, today)?;
    let answers = answers(&input.answers)?;
    let plan = plan(input.plan_agreed_on, today)?;
    for (index, review) in input.reviews_done.iter().enumerate() {
        let field = format!("reviews_done[{index}].date");
        within_years(&field, review.date)?;
        if review.date > today {
            return Err(format!("{field} must be today or in the past"));
        }
    }
    let changes = input
        .significant_changes
        .iter()
        .enumerate()
        .map(|(index, change)| significant_change(index, change, &case, today))
        .collect::<Result<Vec<_>, _>>()?;

    let sections = SECTIONS
        .iter()
        .filter(|section| section.is_scored())
        .map(|section| {
            let score = score_section(section, &answers);
            SectionOutcome {
                section: section.id.to_string(),
                score: score.score,
                max: score.max,
                need: score.is_need(),
                severe: score.need == Some(NeedLevel::Severe),
            }
        })
        .collect();
    let identified_needs = identified_needs(&answers)
        .into_iter()
        .map(|(section, _)| section.id.to_string())
        .collect();
    let overall_rosh = rosh_rating(&answers)
        .overall
        .map_or("not_yet_assessed", |level| level.code())
        .to_string();
    let review_dates = review_schedule(
        &case,
        &ReviewSettings::default(),
        &plan,
        &changes,
        &input.reviews_done,
        today,
    );
    Ok(AssessOutput {
        sections,
        identified_needs,
        overall_rosh,
        review_dates,
    })
}

fn within_years(field: &str, date: Date) -> Result<(), String> {
    if is_within_years(date) {
        Ok(())
    } else {
        Err(format!(
            "{field} must be between {EARLIEST_YEAR} and {LATEST_YEAR} (it is {date})"
        ))
    }
}

/// The case through the case form's own checks, each problem named by its input field.
fn case_details(case: &AssessCase, today: Date) -> Result<CaseDetails, String> {
    let form = CaseForm {
        conviction_date: DateParts::default(),
        main_offence: String::new(),
        name: "Person assessed".into(),
        crn: "X000000".into(),
        date_of_birth: DateParts::from_date(case.date_of_birth),
        sex: case.sex.code().into(),
        sentence_type: case.sentence_type.code().into(),
        sentence_date: case
            .sentence_date
            .map(DateParts::from_date)
            .unwrap_or_default(),
        sentence_or_release_date: DateParts::from_date(case.sentence_or_release_date),
        sentence_end_date: DateParts::from_date(case.sentence_end_date),
    };
    validate_case(&form, today, &[]).map_err(|errors| {
        errors
            .iter()
            .map(|error| {
                let field = match error.field.as_str() {
                    fields::DATE_OF_BIRTH => "date_of_birth",
                    fields::CUSTODY_SENTENCE_DATE => "sentence_date",
                    fields::SENTENCE_OR_RELEASE_DATE => "sentence_or_release_date",
                    fields::SENTENCE_END_DATE => "sentence_end_date",
                    other => other,
                };
                format!("case.{field}: {}", error.message)
            })
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// An agreed plan with no goals when `agreed_on` is given (the initial plan is then done).
fn plan(agreed_on: Option<Date>, today: Date) -> Result<SentencePlan, String> {
    let Some(agreed_on) = agreed_on else {
        return Ok(SentencePlan::default());
    };
    within_years("plan_agreed_on", agreed_on)?;
    if agreed_on > today {
        return Err("plan_agreed_on must be today or in the past".into());
    }
    Ok(SentencePlan {
        agreement: Some(Agreement::Agrees),
        agreed_on: Some(agreed_on),
        status: PlanStatus::Agreed,
        ..SentencePlan::default()
    })
}

/// The change through the significant change form's checks (a date within the sentence and not
/// after today), recorded on `recorded_on` or its own date.
fn significant_change(
    index: usize,
    change: &AssessChange,
    case: &CaseDetails,
    today: Date,
) -> Result<SignificantChange, String> {
    let field = format!("significant_changes[{index}]");
    let words = change.reason.as_deref().map(str::trim).unwrap_or_default();
    let form = SignificantChangeForm {
        kind: change.kind.code().into(),
        // The form needs words; the kind's name stands in when none are given.
        reason: if words.is_empty() {
            change.kind.label().into()
        } else {
            words.into()
        },
        date: DateParts::from_date(change.date),
    };
    let mut recorded = form.to_change(case, today).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|error| error.message.clone()).collect();
        format!("{field}: {}", messages.join("; "))
    })?;
    recorded.reason = words.to_string();
    let recorded_on = change.recorded_on.unwrap_or(change.date);
    within_years(&format!("{field}.recorded_on"), recorded_on)?;
    if recorded_on < change.date || recorded_on > today {
        return Err(format!(
            "{field}.recorded_on must be from the date of the change {} to today",
            format_long(change.date)
        ));
    }
    recorded.recorded_on = Some(recorded_on);
    Ok(recorded)
}

/// Every answer as the app stores it, or the first that the questionnaire does not offer.
fn answers(given: &BTreeMap<String, Value>) -> Result<Answers, String> {
    let mut answers = Answers::default();
    for (code, value) in given {
        if value.is_null() {
            continue;
        }
        let (_, item) = find_item(code)
            .ok_or_else(|| format!("answers.{code}: there is no item {code} in the assessment"))?;
        let answer = answer(item, value).map_err(|problem| format!("answers.{code}: {problem}"))?;
        answers.set(code, answer);
    }
    Ok(answers)
}

/// One answer for `item`, read from the JSON given.
fn answer(item: &Item, value: &Value) -> Result<Answer, String> {
    match item.kind {
        ItemKind::Choice(choices) => {
            let scored = choices.iter().any(|choice| choice.score.is_some());
            let found = match value {
                Value::Number(number) if scored => number.as_u64().and_then(|score| {
                    choices
                        .iter()
                        .find(|choice| choice.score.map(u64::from) == Some(score))
                }),
                Value::Number(number) => {
                    let value = number.to_string();
                    choices.iter().find(|choice| choice.value == value)
                }
                Value::String(text) => choices.iter().find(|choice| choice.value == text),
                Value::Bool(yes) => {
                    let value = if *yes { "yes" } else { "no" };
                    choices.iter().find(|choice| choice.value == value)
                }
                _ => None,
            };
            let offered: Vec<String> = choices
                .iter()
                .map(|choice| match choice.score {
                    Some(score) => format!("\"{}\" (scores {score})", choice.value),
                    None => format!("\"{}\"", choice.value),
                })
                .collect();
            found
                .map(|choice| Answer::Choice(choice.value.to_string()))
                .ok_or_else(|| {
                    format!(
                        "{value} is not an answer to \"{}\": give one of {}",
                        item.question,
                        offered.join(", ")
                    )
                })
        }
        ItemKind::MultipleChoice(choices) => {
            let Value::Array(values) = value else {
                return Err(format!("give a list of the answers ticked, not {value}"));
            };
            values
                .iter()
                .map(|value| match value {
                    Value::String(text) if item.choice(text).is_some() => Ok(text.clone()),
                    other => Err(format!(
                        "{other} is not one of {}",
                        choices
                            .iter()
                            .map(|choice| format!("\"{}\"", choice.value))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Answer::Choices)
        }
        ItemKind::ShortText { .. } | ItemKind::FreeText { .. } | ItemKind::Offence => match value {
            Value::String(text) => Ok(Answer::Text(text.clone())),
            other => Err(format!("give text, not {other}")),
        },
        ItemKind::Number { min, max } => match value.as_u64() {
            Some(number) if (u64::from(min)..=u64::from(max)).contains(&number) => {
                Ok(Answer::Text(number.to_string()))
            }
            _ => Err(format!(
                "give a whole number from {min} to {max}, not {value}"
            )),
        },
        ItemKind::Date => match value.as_str().and_then(|text| text.parse::<Date>().ok()) {
            Some(date) if is_within_years(date) => Ok(Answer::Date(DateParts::from_date(date))),
            _ => Err(format!(
                "give a date from {EARLIEST_YEAR} to {LATEST_YEAR} as \"YYYY-MM-DD\", not {value}"
            )),
        },
        ItemKind::Grid(grid) => {
            let Value::Object(cells) = value else {
                return Err(format!(
                    "give an object of \"row/column\": answer, not {value}"
                ));
            };
            let mut answered = BTreeMap::new();
            for (key, cell) in cells {
                let (row, column) = key.split_once('/').unwrap_or((key.as_str(), ""));
                let column_kind = grid
                    .cells()
                    .find(|(r, c)| r.key == row && c.key == column)
                    .map(|(_, c)| c.cell)
                    .ok_or_else(|| format!("there is no cell \"{key}\" in the grid"))?;
                let value = match (column_kind, cell) {
                    (_, Value::Null) => continue,
                    (GridCell::Check, Value::Bool(true)) => "yes".to_string(),
                    (GridCell::Check, Value::Bool(false)) => continue,
                    (GridCell::Check, Value::String(text)) if text == "yes" => text.clone(),
                    (GridCell::Choice(choices), Value::String(text))
                        if choices.iter().any(|choice| choice.value == text) =>
                    {
                        text.clone()
                    }
                    (_, other) => {
                        return Err(format!("{other} is not an answer for the cell \"{key}\""))
                    }
                };
                answered.insert(cell_key(row, column), value);
            }
            Ok(Answer::Grid(answered))
        }
        ItemKind::Repeat(_) => Err(
            "answers inside a repeating group (several offences, several children) are not read"
                .to_string(),
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
