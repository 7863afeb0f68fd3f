//! Small helpers that make a reference assessment read like a filled-in form.

use crate::domain::answers::{Answer, Answers};
use crate::domain::dates::DateParts;
use crate::domain::questionnaire::{section, LinkedTo, ROSH_GRID};
use crate::domain::rosh::ROSH_GRID_ITEM;

/// Picks one choice: `choose(a, "3.4", "1")`.
pub(super) fn choose(answers: &mut Answers, code: &str, value: &str) {
    answers.set(code, Answer::Choice(value.into()));
}

/// Picks several choices at once: `[("3.3", "no"), ("3.4", "1")]`.
pub(super) fn choose_each(answers: &mut Answers, choices: &[(&str, &str)]) {
    for (code, value) in choices {
        choose(answers, code, value);
    }
}

/// The "linked to risk of serious harm" and "linked to offending" judgements of a section, under
/// their codes (x.98 and x.99 in most sections; 4.96 and 4.98, 2.99 and 2.98 in sections 4 and 2).
pub(super) fn linked(answers: &mut Answers, section_id: &str, to_harm: bool, to_offending: bool) {
    let yes_no = |yes: bool| if yes { "yes" } else { "no" };
    let Some(section) = section(section_id) else {
        return;
    };
    for (to, yes) in [
        (LinkedTo::RiskOfSeriousHarm, to_harm),
        (LinkedTo::Offending, to_offending),
    ] {
        if let Some(item) = section.linked_item(to) {
            choose(answers, item.code, yes_no(yes));
        }
    }
}

/// Ticks the values of a "select all that apply" question.
pub(super) fn tick(answers: &mut Answers, code: &str, values: &[&str]) {
    answers.set(
        code,
        Answer::Choices(values.iter().map(|value| value.to_string()).collect()),
    );
}

pub(super) fn text(answers: &mut Answers, code: &str, words: &str) {
    answers.set(code, Answer::Text(words.into()));
}

pub(super) fn number(answers: &mut Answers, code: &str, value: u32) {
    text(answers, code, &value.to_string());
}

/// A date typed as day, month and year.
pub(super) fn date(answers: &mut Answers, code: &str, day: u8, month: u8, year: u16) {
    answers.set(
        code,
        Answer::Date(DateParts::new(
            &day.to_string(),
            &month.to_string(),
            &year.to_string(),
        )),
    );
}

/// Adds a current offence (1.1) by its Home Office code.
pub(super) fn offence(answers: &mut Answers, entry: &str, code: &str) {
    answers.add_entry("1.1", entry);
    if let Some(offence) = answers.entry_mut("1.1", entry) {
        text(offence, "offence", code);
    }
}

/// Sets one grid cell: a tick is "yes", otherwise a choice value.
pub(super) fn cell(answers: &mut Answers, code: &str, row: &str, column: &str, value: &str) {
    answers.set_cell(code, row, column, Some(value.into()));
}

/// Rates one cell of the RoSH level grid (R10.6).
pub(super) fn rate(answers: &mut Answers, row: &str, column: &str, level: &str) {
    cell(answers, ROSH_GRID_ITEM, row, column, level);
}

/// Rates every cell of the RoSH grid the same; the cells that differ are rated after.
pub(super) fn rate_every_cell(answers: &mut Answers, level: &str) {
    for (row, column) in ROSH_GRID.cells() {
        rate(answers, row.key, column.key, level);
    }
}

/// Copies the person's self-assessment answers (SAQ.2): (statement, their answer, linked to offending).
pub(super) fn self_assessment(answers: &mut Answers, rows: &[(&str, &str, bool)]) {
    choose(answers, "SAQ.1", "yes");
    for (row, answer, linked) in rows {
        cell(answers, "SAQ.2", row, "answer", answer);
        if *linked {
            cell(answers, "SAQ.2", row, "linked", "yes");
        }
    }
}

/// Adds an identifiable child at risk to the full analysis (FA.3).
pub(super) fn child(
    answers: &mut Answers,
    entry: &str,
    initials: &str,
    age: u32,
    relationship: &str,
    concerns: &str,
) {
    answers.add_entry("FA.3", entry);
    if let Some(child) = answers.entry_mut("FA.3", entry) {
        text(child, "initials", initials);
        number(child, "age", age);
        text(child, "relationship", relationship);
        text(child, "concerns", concerns);
    }
}
