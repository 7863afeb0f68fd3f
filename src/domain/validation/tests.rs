//! Validation messages, item kind by item kind, and the rules across items.

use jiff::civil::date;

use super::*;
use crate::domain::answers::Answer;
use crate::domain::dates::DateParts;
use crate::domain::questionnaire::section;

fn context() -> CheckContext {
    CheckContext {
        date_of_birth: date(1991, 7, 17),
        today: date(2026, 11, 25),
    }
}

fn problems(id: &str, answers: &Answers, strictness: Strictness) -> Vec<(String, String)> {
    validate_section(section(id).unwrap(), answers, Some(&context()), strictness)
        .iter()
        .map(|error| (error.field.clone(), error.message.clone()))
        .collect()
}

fn message_for(id: &str, answers: &Answers, key: &str) -> Option<String> {
    problems(id, answers, Strictness::ToComplete)
        .into_iter()
        .find(|(field, _)| field == key)
        .map(|(_, message)| message)
}

fn choose(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Choice(value.into()));
}

fn text(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Text(value.into()));
}

fn date_parts(answers: &mut Answers, code: &str, day: &str, month: &str, year: &str) {
    answers.set(code, Answer::Date(DateParts::new(day, month, year)));
}

#[test]
fn an_empty_section_lists_every_required_item_in_order() {
    let keys: Vec<_> = problems("3", &Answers::default(), Strictness::ToComplete)
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    assert_eq!(keys, ["3.3", "3.4", "3.5", "3.6", "3.98", "3.99"]);
    assert_eq!(
        message_for("3", &Answers::default(), "3.4").unwrap(),
        "Select an answer for 3.4 Suitability of accommodation"
    );
}

#[test]
fn while_answering_nothing_missing_is_reported() {
    assert!(problems("1", &Answers::default(), Strictness::WhileAnswering).is_empty());
    let mut answers = Answers::default();
    date_parts(&mut answers, "1.29", "5", "", "");
    assert!(
        problems("1", &answers, Strictness::WhileAnswering).is_empty(),
        "a half-typed date is fine while typing"
    );
    assert_eq!(
        message_for("1", &answers, "1.29").unwrap(),
        "Date of current conviction must include a month and year"
    );
}

#[test]
fn text_too_long_is_impossible_even_while_answering() {
    let mut answers = Answers::default();
    text(&mut answers, "3.97", &"x".repeat(4001));
    assert_eq!(
        problems("3", &answers, Strictness::WhileAnswering),
        [(
            "3.97".to_string(),
            "Accommodation issues, including positive factors and strengths must be 4000 characters or fewer".to_string()
        )]
    );
}

#[test]
fn numbers_must_be_whole_and_in_range() {
    let mut answers = Answers::default();
    text(&mut answers, "1.32", "two");
    assert_eq!(
        message_for("1", &answers, "1.32").unwrap(),
        "Total number of sanctions, including the current one must be a whole number, like 1"
    );
    text(&mut answers, "1.32", "0");
    assert_eq!(
        message_for("1", &answers, "1.32").unwrap(),
        "Total number of sanctions, including the current one must be between 1 and 999"
    );
    text(&mut answers, "1.32", " 4 ");
    assert_eq!(message_for("1", &answers, "1.32"), None);
    text(&mut answers, "1.8", "9");
    assert_eq!(
        message_for("1", &answers, "1.8").unwrap(),
        "Age at first sanction must be between 10 and 120"
    );
    answers.remove("1.8");
    assert_eq!(
        message_for("1", &answers, "1.8").unwrap(),
        "Enter a number for 1.8 Age at first sanction"
    );
}

#[test]
fn dates_follow_the_govuk_rules_and_the_order_of_events() {
    let mut answers = Answers::default();
    assert_eq!(
        message_for("1", &answers, "1.29").unwrap(),
        "Enter the date of current conviction"
    );
    date_parts(&mut answers, "1.29", "31", "2", "2026");
    assert_eq!(
        message_for("1", &answers, "1.29").unwrap(),
        "Date of current conviction must be a real date"
    );
    date_parts(&mut answers, "1.29", "1", "1", "2027");
    assert_eq!(
        message_for("1", &answers, "1.29").unwrap(),
        "Date of current conviction must be today or in the past"
    );
    date_parts(&mut answers, "1.29", "16", "7", "2001");
    assert_eq!(
        message_for("1", &answers, "1.29").unwrap(),
        "Date of current conviction must be after the person's 10th birthday"
    );
    date_parts(&mut answers, "1.29", "5", "aug", "2021");
    date_parts(&mut answers, "1.38", "4", "8", "2021");
    assert_eq!(message_for("1", &answers, "1.29"), None);
    assert_eq!(
        message_for("1", &answers, "1.38").unwrap(),
        "Start of community sentence or earliest release date must be on or after the date of current conviction"
    );
    date_parts(&mut answers, "1.38", "12", "12", "2021");
    assert_eq!(message_for("1", &answers, "1.38"), None);
    // Issue 12: a questionnaire date, like every date, is between 1900 and 2100.
    date_parts(&mut answers, "1.38", "12", "12", "2101");
    assert_eq!(
        message_for("1", &answers, "1.38").unwrap(),
        "Date of start of community sentence, or earliest release date must be between 1900 and 2100"
    );
}

#[test]
fn counts_of_sanctions_must_add_up() {
    let mut answers = Answers::default();
    date_parts(&mut answers, "1.29", "5", "8", "2021");
    text(&mut answers, "1.8", "31");
    text(&mut answers, "1.32", "2");
    text(&mut answers, "1.40", "3");
    assert_eq!(
        message_for("1", &answers, "1.8").unwrap(),
        "Age at first sanction must be 30 or less: the person was 30 at the current conviction"
    );
    assert_eq!(
        message_for("1", &answers, "1.40").unwrap(),
        "Number of violent sanctions must be 2 or fewer, the total number of sanctions"
    );
    assert_eq!(
        problems("1", &answers, Strictness::WhileAnswering).len(),
        2,
        "impossible values show while answering"
    );
}

#[test]
fn every_entry_of_a_repeat_is_checked_under_its_own_key() {
    let mut answers = Answers::default();
    assert_eq!(
        message_for("1", &answers, "1.1").unwrap(),
        "Add at least 1 offence for 1.1 Current offences"
    );
    answers.add_entry("1.1", "a");
    answers.add_entry("1.1", "b");
    let first = answers.entry_mut("1.1", "a").unwrap();
    first.set("offence", Answer::Text("02800".into()));
    let second = answers.entry_mut("1.1", "b").unwrap();
    second.set("date", Answer::Date(DateParts::new("30", "2", "2026")));
    assert_eq!(message_for("1", &answers, "1.1"), None);
    assert_eq!(message_for("1", &answers, "1.1/a/offence"), None);
    assert_eq!(
        message_for("1", &answers, "1.1/b/offence").unwrap(),
        "Offence 2: enter the offence and choose it from the list"
    );
    assert_eq!(
        message_for("1", &answers, "1.1/b/date").unwrap(),
        "Offence 2: date of offence must be a real date"
    );
}

#[test]
fn grids_need_a_tick_or_every_cell_rated() {
    let mut answers = Answers::default();
    choose(&mut answers, "8.1", "yes");
    assert_eq!(
        message_for("8", &answers, "8.2").unwrap(),
        "Tick at least one box in 8.2 Which drugs, and how?"
    );
    answers.set_cell("8.2", "cannabis", "current", Some("yes".into()));
    assert_eq!(message_for("8", &answers, "8.2"), None);

    answers.set_cell("R10.6", "public", "community", Some("medium".into()));
    assert_eq!(
        message_for("rosh-summary", &answers, "R10.6").unwrap(),
        "Answer every row of R10.6 Risk of serious harm levels: 8 still to answer"
    );
}

#[test]
fn items_that_do_not_apply_are_not_required() {
    let mut answers = Answers::default();
    choose(&mut answers, "8.1", "no");
    let keys: Vec<_> = problems("8", &answers, Strictness::ToComplete)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["8.98", "8.99"]);
    choose(&mut answers, "8.1", "yes");
    let keys: Vec<_> = problems("8", &answers, Strictness::ToComplete)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        keys,
        ["8.2", "8.4", "8.5", "8.6", "8.8", "8.9", "8.98", "8.99"]
    );
}

#[test]
fn contradicting_answers_about_injecting_are_named() {
    let mut answers = Answers::default();
    choose(&mut answers, "8.1", "yes");
    answers.set_cell("8.2", "heroin", "injected", Some("yes".into()));
    choose(&mut answers, "8.6", "0");
    assert_eq!(
        message_for("8", &answers, "8.6").unwrap(),
        "8.6 says the person has never injected, but the drug grid (8.2) shows a drug injected"
    );
}

#[test]
fn a_follow_up_question_is_required_only_when_it_applies() {
    let mut answers = Answers::default();
    choose(&mut answers, "6.7", "yes");
    assert_eq!(
        message_for("6", &answers, "6.7.1").unwrap(),
        "Select at least one option for 6.7.1 Domestic abuse"
    );
    choose(&mut answers, "6.7", "no");
    assert_eq!(message_for("6", &answers, "6.7.1"), None);
}

fn keys(id: &str, answers: &Answers) -> Vec<String> {
    problems(id, answers, Strictness::ToComplete)
        .into_iter()
        .map(|(key, _)| key)
        .collect()
}

#[test]
fn the_risk_management_plan_is_required_from_medium_rosh_only() {
    let mut answers = Answers::default();
    assert!(keys("rmp", &answers).is_empty(), "RoSH not yet assessed");
    answers.set_cell("R10.6", "staff", "custody", Some("low".into()));
    assert!(keys("rmp", &answers).is_empty(), "RoSH Low");
    text(&mut answers, "RM.2", &"x".repeat(4001));
    assert_eq!(
        keys("rmp", &answers),
        ["RM.2"],
        "an impossible answer is a problem even when the plan is optional"
    );
    text(&mut answers, "RM.2", "");
    answers.set_cell("R10.6", "staff", "custody", Some("medium".into()));
    assert_eq!(
        keys("rmp", &answers),
        ["RM.1", "RM.3", "RM.4", "RM.5", "RM.6", "RM.7", "RM.9"]
    );
    choose(&mut answers, "RM.9", "3");
    assert_eq!(
        message_for("rmp", &answers, "RM.10").unwrap(),
        "Select an answer for RM.10 MAPPA level"
    );
    assert!(
        problems("rmp", &answers, Strictness::WhileAnswering).is_empty(),
        "nothing is missing while answering"
    );
}

#[test]
fn the_new_section_2_questions_are_required_and_2_7_asks_more_when_others_were_involved() {
    let mut answers = Answers::default();
    assert_eq!(
        keys("2", &answers),
        ["2.1", "2.6", "2.7", "2.11", "2.13", "2.14", "2.99", "2.98"]
    );
    choose(&mut answers, "2.7", "yes");
    assert_eq!(
        keys("2", &answers),
        ["2.1", "2.6", "2.7.1", "2.7.2", "2.11", "2.13", "2.14", "2.99", "2.98"]
    );
    text(&mut answers, "2.7.1", "0");
    assert_eq!(
        message_for("2", &answers, "2.7.1").unwrap(),
        "How many other people were involved? must be between 1 and 99"
    );
}

#[test]
fn an_exclusive_answer_kept_with_another_is_a_problem_at_its_field() {
    // Only a record edited by hand (or from before "No income" stood alone) can hold both.
    let mut answers = Answers::default();
    answers.set(
        "5.1",
        Answer::Choices(vec!["benefits".into(), "none".into()]),
    );
    assert_eq!(
        problems("5", &answers, Strictness::WhileAnswering),
        [(
            "5.1".to_string(),
            "Sources of income: “No income” cannot be selected with another answer".to_string()
        )]
    );
    answers.set("5.1", Answer::Choices(vec!["none".into()]));
    assert!(problems("5", &answers, Strictness::WhileAnswering).is_empty());
}
