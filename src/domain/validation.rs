//! What stops a section being completed: required answers that are missing, and impossible values.
//! Validation never stops saving; it only decides whether "completed" can stand.
//!
//! Each problem is filed under an answer key the screen links to: the item code ("1.29"), or for
//! an item inside a repeating group "1.1/<entry id>/offence".

use super::answers::Answers;
use super::dates::{lower_first, parse_date, DateError};
use super::errors::FieldErrors;
use super::questionnaire::{CheckContext, GridCell, Item, ItemKind, Section};

/// How much to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// While answering: only values that can never be right (too long, not a number, out of range,
    /// contradicting another answer). Missing answers and half-typed dates are fine.
    WhileAnswering,
    /// To complete the section: everything, including missing required answers.
    ToComplete,
}

/// How one item is checked: `complete` for everything a completed section needs, and `missing` when
/// a required answer that is not there is a problem (never in a section that is optional now).
#[derive(Debug, Clone, Copy)]
struct Mode {
    complete: bool,
    missing: bool,
}

/// The key of an item inside an entry of a repeating group.
pub fn entry_key(group: &str, entry: &str, part: &str) -> String {
    format!("{group}/{entry}/{part}")
}

/// Every problem in the section, in the order the fields appear. In a section that is optional now
/// (`Section::is_required`), nothing is missing; impossible values are still problems.
pub fn validate_section(
    section: &Section,
    answers: &Answers,
    context: Option<&CheckContext>,
    strictness: Strictness,
) -> FieldErrors {
    let complete = strictness == Strictness::ToComplete;
    let mode = Mode {
        complete,
        missing: complete && section.is_required(answers),
    };
    let mut errors = FieldErrors::default();
    for item in section.items.iter().filter(|item| item.applies(answers)) {
        validate_item(
            item,
            answers,
            item.code,
            &item.title(),
            "",
            mode,
            &mut errors,
        );
    }
    if let Some(context) = context {
        let mut cross = FieldErrors::default();
        for check in section.checks {
            check(answers, context, &mut cross);
        }
        for error in cross.iter() {
            if errors.for_field(&error.field).is_none() {
                errors.push(error.field.clone(), error.message.clone());
            }
        }
    }
    errors
}

fn validate_item(
    item: &Item,
    answers: &Answers,
    key: &str,
    title: &str,
    prefix: &str,
    mode: Mode,
    errors: &mut FieldErrors,
) {
    let complete = mode.complete;
    let missing = mode.missing && item.required && !answers.is_answered(item);
    let mut problem = |message: String| {
        let message = if prefix.is_empty() {
            message
        } else {
            format!("{prefix}{}", lower_first(&message))
        };
        errors.push(key, message)
    };
    match item.kind {
        ItemKind::Choice(_) => {
            if missing {
                problem(format!("Select an answer for {title}"));
            }
        }
        ItemKind::MultipleChoice(choices) => {
            let ticked = answers.choices(item.code);
            let alone = choices.iter().find(|choice| {
                choice.exclusive && ticked.iter().any(|value| value == choice.value)
            });
            if let (Some(alone), true) = (alone, ticked.len() > 1) {
                // Only a record from before exclusive answers, or one edited by hand, can hold both.
                problem(format!(
                    "{}: “{}” cannot be selected with another answer",
                    item.question, alone.label
                ));
            } else if missing {
                problem(format!("Select at least one option for {title}"));
            }
        }
        ItemKind::ShortText { max_chars } | ItemKind::FreeText { max_chars } => {
            if answers.text(item.code).chars().count() > max_chars {
                problem(format!(
                    "{} must be {max_chars} characters or fewer",
                    item.question
                ));
            } else if missing {
                problem(format!("Enter an answer for {title}"));
            }
        }
        ItemKind::Number { min, max } => {
            let text = answers.text(item.code).trim();
            if text.is_empty() {
                if missing {
                    problem(format!("Enter a number for {title}"));
                }
            } else {
                match text.parse::<i64>() {
                    Err(_) => problem(format!(
                        "{} must be a whole number, like {min}",
                        item.question
                    )),
                    Ok(value) if value < i64::from(min) || value > i64::from(max) => {
                        problem(format!("{} must be between {min} and {max}", item.question))
                    }
                    Ok(_) => {}
                }
            }
        }
        ItemKind::Date => match answers.date(item.code).map(parse_date) {
            None if missing => problem(DateError::Missing.message(item.question)),
            Some(Err(error)) if complete => problem(error.message(item.question)),
            _ => {}
        },
        ItemKind::Offence => {
            let code = answers.text(item.code).trim();
            if !code.is_empty() && !crate::domain::offences::is_offence_code(code) {
                problem("Choose the offence from the list".to_string());
            } else if missing {
                problem("Enter the offence and choose it from the list".to_string());
            }
        }
        ItemKind::Grid(grid) => {
            let has_choice_cells = grid
                .columns
                .iter()
                .any(|column| matches!(column.cell, GridCell::Choice(_)));
            if mode.missing && item.required && has_choice_cells {
                let unrated = grid
                    .cells()
                    .filter(|(_, column)| matches!(column.cell, GridCell::Choice(_)))
                    .filter(|(row, column)| answers.cell(item.code, row.key, column.key).is_none())
                    .count();
                if unrated > 0 {
                    problem(format!(
                        "Answer every row of {title}: {unrated} still to answer"
                    ));
                }
            } else if missing {
                problem(format!("Tick at least one box in {title}"));
            }
        }
        ItemKind::Repeat(repeat) => {
            let entries = answers.entries(item.code);
            if mode.missing && item.required && entries.len() < repeat.min {
                problem(format!(
                    "Add at least {} {} for {title}",
                    repeat.min, repeat.entry_name
                ));
            }
            for (index, entry) in entries.iter().enumerate() {
                let prefix = format!("{} {}: ", capitalise(repeat.entry_name), index + 1);
                for part in repeat
                    .items
                    .iter()
                    .filter(|part| part.applies(&entry.answers))
                {
                    let key = entry_key(item.code, &entry.id, part.code);
                    validate_item(
                        part,
                        &entry.answers,
                        &key,
                        part.question,
                        &prefix,
                        mode,
                        errors,
                    );
                }
            }
        }
    }
}

/// "offence" → "Offence".
/// A number as GOV.UK writes it: 4000 as "4,000", 600000 as "600,000".
pub fn thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
