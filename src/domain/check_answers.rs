//! The "check your answers" rows of a section: each answer in words, ready for a summary list.

use super::answers::Answers;
use super::dates::{format_long, parse_date, DateError, EARLIEST_YEAR, LATEST_YEAR};
use super::questionnaire::{GridCell, Item, ItemKind, Section};
use super::validation::capitalise;

pub const NOT_ANSWERED: &str = "Not answered";

/// One row: the question, the answer in words (lines separated by '\n'), and the item to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The top-level item code the Change link returns to.
    pub change: &'static str,
    pub question: String,
    pub answer: String,
}

/// Rows for every item that applies, in order; hidden items are left out.
pub fn summary_rows(
    section: &Section,
    answers: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> Vec<SummaryRow> {
    let mut rows = Vec::new();
    for item in section.items.iter().filter(|item| item.applies(answers)) {
        match item.kind {
            ItemKind::Repeat(repeat) => {
                let entries = answers.entries(item.code);
                if entries.is_empty() {
                    rows.push(SummaryRow {
                        change: item.code,
                        question: item.title(),
                        answer: format!("No {} added", repeat.entry_name),
                    });
                }
                for (index, entry) in entries.iter().enumerate() {
                    for part in repeat
                        .items
                        .iter()
                        .filter(|part| part.applies(&entry.answers))
                    {
                        rows.push(SummaryRow {
                            change: item.code,
                            question: format!(
                                "{} {}: {}",
                                capitalise(repeat.entry_name),
                                index + 1,
                                part.question
                            ),
                            answer: describe(part, &entry.answers, describe_offence),
                        });
                    }
                }
            }
            _ => rows.push(SummaryRow {
                change: item.code,
                question: item.title(),
                answer: describe(item, answers, describe_offence),
            }),
        }
    }
    rows
}

/// One answer in words, or "Not answered".
pub fn describe(
    item: &Item,
    answers: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> String {
    let text = match item.kind {
        ItemKind::Choice(_) => answers
            .choice(item.code)
            .and_then(|value| item.choice(value))
            .map(|choice| choice.label.to_string())
            .unwrap_or_default(),
        ItemKind::MultipleChoice(_) => answers
            .choices(item.code)
            .iter()
            .filter_map(|value| item.choice(value))
            .map(|choice| choice.label)
            .collect::<Vec<_>>()
            .join("\n"),
        ItemKind::ShortText { .. } | ItemKind::FreeText { .. } | ItemKind::Number { .. } => {
            answers.text(item.code).trim().to_string()
        }
        ItemKind::Date => match answers.date(item.code) {
            None => String::new(),
            Some(parts) => match parse_date(parts) {
                Ok(date) => format_long(date),
                Err(DateError::OutsideYears) => format!(
                    "Not between {EARLIEST_YEAR} and {LATEST_YEAR}: {} {} {}",
                    parts.day, parts.month, parts.year
                ),
                Err(_) => format!(
                    "Not a real date: {} {} {}",
                    parts.day, parts.month, parts.year
                ),
            },
        },
        ItemKind::Offence => {
            let code = answers.text(item.code).trim();
            match describe_offence(code) {
                Some(description) if !code.is_empty() => format!("{code} {description}"),
                _ => code.to_string(),
            }
        }
        ItemKind::Grid(grid) => grid
            .rows
            .iter()
            .filter_map(|row| {
                let cells: Vec<String> = grid
                    .cells()
                    .filter(|(r, _)| r.key == row.key)
                    .filter_map(|(_, column)| {
                        let value = answers.cell(item.code, row.key, column.key)?;
                        match column.cell {
                            GridCell::Check => (value == "yes").then(|| column.label.to_string()),
                            GridCell::Choice(choices) => choices
                                .iter()
                                .find(|choice| choice.value == value)
                                .map(|choice| format!("{} {}", column.label, choice.label)),
                        }
                    })
                    .collect();
                (!cells.is_empty()).then(|| format!("{}: {}", row.label, cells.join(", ")))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        ItemKind::Repeat(_) => String::new(),
    };
    if text.is_empty() {
        NOT_ANSWERED.to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Answer;
    use crate::domain::dates::DateParts;
    use crate::domain::questionnaire::section;

    fn no_offences(_: &str) -> Option<String> {
        None
    }

    fn row<'a>(rows: &'a [SummaryRow], question: &str) -> &'a SummaryRow {
        rows.iter()
            .find(|row| row.question == question)
            .unwrap_or_else(|| panic!("no row {question}"))
    }

    #[test]
    fn every_kind_of_answer_reads_in_words() {
        let mut answers = Answers::default();
        answers.set("1.29", Answer::Date(DateParts::new("5", "aug", "2021")));
        answers.set("1.32", Answer::Text(" 3 ".into()));
        answers.add_entry("1.1", "a");
        answers
            .entry_mut("1.1", "a")
            .unwrap()
            .set("offence", Answer::Text("02800".into()));
        let describe_offence =
            |code: &str| (code == "02800").then(|| "Burglary in a dwelling".to_string());
        let rows = summary_rows(section("1").unwrap(), &answers, &describe_offence);
        assert_eq!(
            row(&rows, "1.29 Date of current conviction").answer,
            "5 August 2021"
        );
        assert_eq!(
            row(
                &rows,
                "1.32 Total number of sanctions, including the current one"
            )
            .answer,
            "3"
        );
        assert_eq!(
            row(&rows, "Offence 1: Offence").answer,
            "02800 Burglary in a dwelling"
        );
        assert_eq!(row(&rows, "Offence 1: Offence").change, "1.1");
        assert_eq!(
            row(&rows, "Offence 1: Date of offence").answer,
            NOT_ANSWERED
        );
        assert_eq!(row(&rows, "1.8 Age at first sanction").answer, NOT_ANSWERED);
    }

    #[test]
    fn a_date_outside_1900_to_2100_reads_as_typed_with_why() {
        let mut answers = Answers::default();
        answers.set("1.29", Answer::Date(DateParts::new("5", "aug", "9999")));
        let rows = summary_rows(section("1").unwrap(), &answers, &no_offences);
        assert_eq!(
            row(&rows, "1.29 Date of current conviction").answer,
            "Not between 1900 and 2100: 5 aug 9999"
        );
    }

    #[test]
    fn grids_list_only_the_rows_answered() {
        let mut answers = Answers::default();
        answers.set("8.1", Answer::Choice("yes".into()));
        answers.set_cell("8.2", "heroin", "current", Some("yes".into()));
        answers.set_cell("8.2", "heroin", "injected", Some("yes".into()));
        answers.set_cell("8.2", "cannabis", "previous", Some("yes".into()));
        let rows = summary_rows(section("8").unwrap(), &answers, &no_offences);
        assert_eq!(
            row(&rows, "8.2 Which drugs, and how?").answer,
            "Heroin: Current use, Injected\nCannabis: Previous use"
        );
        let mut answers = Answers::default();
        answers.set_cell("R10.6", "staff", "custody", Some("high".into()));
        let rows = summary_rows(section("rosh-summary").unwrap(), &answers, &no_offences);
        assert_eq!(
            row(&rows, "R10.6 Risk of serious harm levels").answer,
            "Staff: Custody High"
        );
    }

    #[test]
    fn hidden_items_are_left_out_and_choices_use_their_labels() {
        let mut answers = Answers::default();
        answers.set("8.1", Answer::Choice("no".into()));
        answers.set("8.4", Answer::Choice("2".into()));
        let rows = summary_rows(section("8").unwrap(), &answers, &no_offences);
        assert_eq!(
            row(&rows, "8.1 Has the person ever misused drugs?").answer,
            "No"
        );
        assert!(rows.iter().all(|row| !row.question.starts_with("8.4")));
        answers.set(
            "2.2",
            Answer::Choices(vec!["weapon".into(), "arson".into()]),
        );
        let rows = summary_rows(section("2").unwrap(), &answers, &no_offences);
        assert_eq!(
            row(
                &rows,
                "2.2 Did the current offence involve any of the following?"
            )
            .answer,
            "Carrying or using a weapon\nArson"
        );
    }
}
