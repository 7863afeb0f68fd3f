//! Rules across items of a section that no single answer can break alone: dates in order, counts
//! that add up, answers that contradict each other. Each names the field to fix.

use jiff::civil::Date;

use crate::domain::answers::Answers;
use crate::domain::dates::{age_on, parse_date};
use crate::domain::errors::FieldErrors;

/// What a check may need to know beyond the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckContext {
    pub date_of_birth: Date,
    pub today: Date,
}

/// A cross-item rule: adds a problem for each field it finds wrong.
pub type Check = fn(&Answers, &CheckContext, &mut FieldErrors);

fn date(answers: &Answers, code: &str) -> Option<Date> {
    answers.date(code).and_then(|parts| parse_date(parts).ok())
}

fn number(answers: &Answers, code: &str) -> Option<u32> {
    answers.text(code).trim().parse().ok()
}

/// 1.29: a conviction happens after the tenth birthday and not in the future.
pub fn conviction_date_is_possible(
    answers: &Answers,
    context: &CheckContext,
    errors: &mut FieldErrors,
) {
    let Some(convicted) = date(answers, "1.29") else {
        return;
    };
    if convicted > context.today {
        errors.push(
            "1.29",
            "Date of current conviction must be today or in the past",
        );
    } else if age_on(context.date_of_birth, convicted) < 10 {
        errors.push(
            "1.29",
            "Date of current conviction must be after the person's 10th birthday",
        );
    }
}

/// 1.38: follow-up starts on or after the conviction.
pub fn follow_up_starts_after_conviction(
    answers: &Answers,
    _: &CheckContext,
    errors: &mut FieldErrors,
) {
    if let (Some(convicted), Some(follow_up)) = (date(answers, "1.29"), date(answers, "1.38")) {
        if follow_up < convicted {
            errors.push(
                "1.38",
                "Start of community sentence or earliest release date must be on or after the date of current conviction",
            );
        }
    }
}

/// 1.8: the first sanction came at 10 or older and not after the current conviction.
pub fn first_sanction_is_possible(
    answers: &Answers,
    context: &CheckContext,
    errors: &mut FieldErrors,
) {
    let (Some(first), Some(convicted)) = (number(answers, "1.8"), date(answers, "1.29")) else {
        return;
    };
    let age_at_conviction = age_on(context.date_of_birth, convicted);
    if i64::from(first) > i64::from(age_at_conviction) {
        errors.push(
            "1.8",
            format!("Age at first sanction must be {age_at_conviction} or less: the person was {age_at_conviction} at the current conviction"),
        );
    }
}

/// 1.40 cannot exceed 1.32; and the current sanction makes at least one.
pub fn violent_sanctions_within_total(
    answers: &Answers,
    _: &CheckContext,
    errors: &mut FieldErrors,
) {
    if let (Some(total), Some(violent)) = (number(answers, "1.32"), number(answers, "1.40")) {
        if violent > total {
            errors.push(
                "1.40",
                format!("Number of violent sanctions must be {total} or fewer, the total number of sanctions"),
            );
        }
    }
}

/// 8.6 "never injected" contradicts a tick in the drug grid's "injected" column.
pub fn injecting_matches_the_drug_grid(
    answers: &Answers,
    _: &CheckContext,
    errors: &mut FieldErrors,
) {
    let injected_in_grid = answers.grid("8.2").is_some_and(|cells| {
        cells
            .iter()
            .any(|(key, value)| key.ends_with("/injected") && value == "yes")
    });
    if injected_in_grid && answers.choice("8.6") == Some("0") {
        errors.push(
            "8.6",
            "8.6 says the person has never injected, but the drug grid (8.2) shows a drug injected",
        );
    }
}
