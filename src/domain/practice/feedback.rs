//! Feedback on a practice attempt: where the trainee agrees with the reference assessment and
//! where not, item by item and section by section, with the reference's rationale.
//!
//! Compared: every choice item and every "select all that apply" item that applies in the
//! reference (the x.98 and x.99 judgements included; an optional one only when the reference answers
//! it), the ticks of each grid as a whole (the drug grid, offences of concern, and the
//! self-assessment's "linked to offending" ticks, the trainee's judgement), and each cell of the
//! RoSH level grid. Not compared: free text, numbers, dates and offence codes (facts copied from the
//! case file, or the trainee's own words), and the person's own answers in the self-assessment.

use std::collections::BTreeSet;

use crate::domain::answers::{cell_key, Answers};
use crate::domain::check_answers::{describe, NOT_ANSWERED};
use crate::domain::questionnaire::{GridCell, Item, ItemKind, Section, ROSH_GRID, SECTIONS};
use crate::domain::rosh::{rosh_rating, RoshLevel, ROSH_GRID_ITEM};
use crate::domain::scoring::{score_section, NeedLevel};

use super::{mentions, ReferenceAssessment};

/// One answer compared with the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemComparison {
    pub section_id: &'static str,
    /// The item's code ("3.4"); "R10.6" for every cell of the RoSH grid.
    pub code: &'static str,
    /// Unique within the feedback: the code, or "R10.6/row/column" for a RoSH grid cell.
    pub key: String,
    pub question: String,
    /// The trainee's answer in words, or "Not answered".
    pub given: String,
    /// The reference answer in words.
    pub expected: String,
    pub agrees: bool,
    /// The case-file sentences the reference answer rests on.
    pub evidence: Vec<&'static str>,
}

/// One point of a reference narrative, and whether the trainee's narrative mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointCheck {
    pub point: &'static str,
    pub words: &'static [&'static str],
    /// The case-file sentence the point rests on.
    pub sentence: &'static str,
    /// By [`mentions`]: a prompt, not a mark.
    pub mentioned: bool,
}

/// A narrative item as a checklist: the points the reference makes, each ticked when the
/// trainee's text mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrativeFeedback {
    pub code: &'static str,
    pub question: String,
    /// What the trainee wrote, trimmed ("" when nothing).
    pub given: String,
    pub points: Vec<PointCheck>,
}

impl NarrativeFeedback {
    pub fn mentioned(&self) -> usize {
        self.points.iter().filter(|point| point.mentioned).count()
    }
}

/// A section compared: counts, score and need, and the rationale for the reference answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionFeedback {
    pub section_id: &'static str,
    /// "3. Accommodation"
    pub heading: String,
    pub agreed: usize,
    pub compared: usize,
    /// `None` for sections not scored for need.
    pub need_given: Option<NeedLevel>,
    pub need_expected: Option<NeedLevel>,
    pub need_agrees: bool,
    pub score_given: u32,
    pub score_expected: u32,
    /// The section's maximum score (0 for sections that are not scored).
    pub score_max: u32,
    pub rationale: &'static str,
    /// Every item compared, in questionnaire order.
    pub items: Vec<ItemComparison>,
    /// The items where the trainee differs from the reference.
    pub differences: Vec<ItemComparison>,
    /// The section's narratives as checklists, in questionnaire order.
    pub narratives: Vec<NarrativeFeedback>,
}

/// One cell of the RoSH level grid compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoshCellComparison {
    pub row: &'static str,
    pub column: &'static str,
    pub given: Option<RoshLevel>,
    pub expected: Option<RoshLevel>,
    pub agrees: bool,
}

/// The RoSH levels compared: each cell, and the overall level (the highest cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoshFeedback {
    pub cells: Vec<RoshCellComparison>,
    /// `None` when the trainee rated no cell: "RoSH not yet assessed".
    pub overall_given: Option<RoshLevel>,
    pub overall_expected: Option<RoshLevel>,
    pub overall_agrees: bool,
}

/// Everything the trainee sees when they mark a practice assessment complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Every section available in the reference, in task-list order.
    pub sections: Vec<SectionFeedback>,
    pub rosh: RoshFeedback,
    pub agreed: usize,
    pub compared: usize,
    /// Items agreeing out of items compared, rounded to a whole percent (0 when nothing is compared).
    pub agreement_percent: u32,
}

impl Feedback {
    pub fn section(&self, id: &str) -> Option<&SectionFeedback> {
        self.sections
            .iter()
            .find(|section| section.section_id == id)
    }

    /// Every difference, in questionnaire order.
    pub fn differences(&self) -> impl Iterator<Item = &ItemComparison> {
        self.sections
            .iter()
            .flat_map(|section| section.differences.iter())
    }

    /// Sections where the need level differs from the reference.
    pub fn need_differences(&self) -> impl Iterator<Item = &SectionFeedback> {
        self.sections.iter().filter(|section| !section.need_agrees)
    }
}

/// Compares an attempt with a sample case's reference assessment.
pub fn compare(attempt: &Answers, reference: &ReferenceAssessment) -> Feedback {
    let expected = &reference.answers;
    let sections: Vec<SectionFeedback> = SECTIONS
        .iter()
        .filter(|section| section.is_available(expected))
        .map(|section| compare_section(section, attempt, reference))
        .collect();
    let agreed = sections.iter().map(|section| section.agreed).sum();
    let compared = sections.iter().map(|section| section.compared).sum();
    Feedback {
        sections,
        rosh: compare_rosh(attempt, expected),
        agreed,
        compared,
        agreement_percent: percent(agreed, compared),
    }
}

fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    ((part * 100 + whole / 2) / whole) as u32
}

fn compare_section(
    section: &'static Section,
    attempt: &Answers,
    reference: &ReferenceAssessment,
) -> SectionFeedback {
    let expected = &reference.answers;
    let mut items = Vec::new();
    for item in section
        .items
        .iter()
        .filter(|item| item.applies(expected) && is_compared(item, expected))
    {
        if item.code == ROSH_GRID_ITEM {
            items.extend(
                rosh_cells(attempt, expected).map(|(row, column, comparison)| ItemComparison {
                    section_id: section.id,
                    code: item.code,
                    key: cell_key_of(row, column),
                    question: format!("{} ({})", row_label(row), column_label(column)),
                    given: level_words(comparison.given),
                    expected: level_words(comparison.expected),
                    agrees: comparison.agrees,
                    evidence: reference.evidence_for(item.code),
                }),
            );
            continue;
        }
        let shown = |answers: &Answers| {
            if section.is_available(answers) && item.applies(answers) {
                describe(item, answers, &|_| None)
            } else {
                NOT_ANSWERED.to_string()
            }
        };
        let given_applies = section.is_available(attempt) && item.applies(attempt);
        items.push(ItemComparison {
            section_id: section.id,
            code: item.code,
            key: item.code.to_string(),
            question: item.title(),
            given: shown(attempt),
            expected: shown(expected),
            agrees: given_applies && same_answer(item, attempt, expected),
            evidence: reference.evidence_for(item.code),
        });
    }
    let narratives = section
        .items
        .iter()
        .filter_map(|item| {
            let points: Vec<PointCheck> = reference
                .points_for(item.code)
                .map(|point| PointCheck {
                    point: point.point,
                    words: point.words,
                    sentence: point.sentence,
                    mentioned: mentions(attempt.text(item.code), point.words),
                })
                .collect();
            (!points.is_empty()).then(|| NarrativeFeedback {
                code: item.code,
                question: item.title(),
                given: attempt.text(item.code).trim().to_string(),
                points,
            })
        })
        .collect();
    let given_score = score_section(section, attempt);
    let expected_score = score_section(section, expected);
    let agreed = items.iter().filter(|item| item.agrees).count();
    SectionFeedback {
        section_id: section.id,
        heading: section.heading(),
        agreed,
        compared: items.len(),
        need_given: given_score.need,
        need_expected: expected_score.need,
        need_agrees: given_score.need == expected_score.need,
        score_given: given_score.score,
        score_expected: expected_score.score,
        score_max: expected_score.max,
        rationale: reference.rationale_for(section.id),
        differences: items.iter().filter(|item| !item.agrees).cloned().collect(),
        items,
        narratives,
    }
}

/// Which items are the trainee's judgement rather than facts or words (see the module comment).
fn is_compared(item: &Item, reference: &Answers) -> bool {
    let judged = match item.kind {
        ItemKind::Choice(_) | ItemKind::MultipleChoice(_) => true,
        ItemKind::Grid(grid) => {
            item.code == ROSH_GRID_ITEM
                || grid
                    .columns
                    .iter()
                    .any(|column| column.cell == GridCell::Check)
        }
        _ => false,
    };
    judged && (item.required || reference.is_answered(item))
}

fn same_answer(item: &Item, given: &Answers, expected: &Answers) -> bool {
    match item.kind {
        ItemKind::Choice(_) => given.choice(item.code) == expected.choice(item.code),
        ItemKind::MultipleChoice(_) => {
            let set = |answers: &Answers| -> BTreeSet<String> {
                answers.choices(item.code).iter().cloned().collect()
            };
            set(given) == set(expected)
        }
        // The ticks are the trainee's judgement; other cells (the person's own answers) are facts.
        ItemKind::Grid(grid) => grid
            .cells()
            .filter(|(_, column)| item.code == ROSH_GRID_ITEM || column.cell == GridCell::Check)
            .all(|(row, column)| {
                given.cell(item.code, row.key, column.key)
                    == expected.cell(item.code, row.key, column.key)
            }),
        _ => true,
    }
}

fn cell_key_of(row: &str, column: &str) -> String {
    format!("{ROSH_GRID_ITEM}/{}", cell_key(row, column))
}

fn row_label(row: &str) -> &'static str {
    ROSH_GRID
        .rows
        .iter()
        .find(|r| r.key == row)
        .map_or("", |r| r.label)
}

fn column_label(column: &str) -> &'static str {
    ROSH_GRID
        .columns
        .iter()
        .find(|c| c.key == column)
        .map_or("", |c| c.label)
}

fn level_words(level: Option<RoshLevel>) -> String {
    level.map_or(NOT_ANSWERED, RoshLevel::label).to_string()
}

fn level(answers: &Answers, row: &str, column: &str) -> Option<RoshLevel> {
    answers
        .cell(ROSH_GRID_ITEM, row, column)
        .and_then(RoshLevel::from_code)
}

fn rosh_cells<'a>(
    attempt: &'a Answers,
    expected: &'a Answers,
) -> impl Iterator<Item = (&'static str, &'static str, RoshCellComparison)> + 'a {
    ROSH_GRID.cells().map(move |(row, column)| {
        let given = level(attempt, row.key, column.key);
        let wanted = level(expected, row.key, column.key);
        (
            row.key,
            column.key,
            RoshCellComparison {
                row: row.key,
                column: column.key,
                given,
                expected: wanted,
                agrees: given.is_some() && given == wanted,
            },
        )
    })
}

fn compare_rosh(attempt: &Answers, expected: &Answers) -> RoshFeedback {
    let overall_given = rosh_rating(attempt).overall;
    let overall_expected = rosh_rating(expected).overall;
    RoshFeedback {
        cells: rosh_cells(attempt, expected)
            .map(|(_, _, cell)| cell)
            .collect(),
        overall_given,
        overall_expected,
        overall_agrees: overall_given.is_some() && overall_given == overall_expected,
    }
}

/// What changed between two attempts at the same sample case, in plain sentences:
/// "Section 3: you now agree on 2 more items", "Overall agreement rose from 61% to 78%".
pub fn compare_attempts(previous: &Feedback, current: &Feedback) -> Vec<String> {
    let mut sentences = Vec::new();
    for now in &current.sections {
        let Some(before) = previous.section(now.section_id) else {
            continue;
        };
        let name = section_name(now);
        if now.agreed > before.agreed {
            sentences.push(format!(
                "{name}: you now agree on {}",
                items(now.agreed - before.agreed, "more")
            ));
        } else if now.agreed < before.agreed {
            sentences.push(format!(
                "{name}: you now agree on {}",
                items(before.agreed - now.agreed, "fewer")
            ));
        }
        if now.need_expected.is_some() && now.need_agrees != before.need_agrees {
            sentences.push(if now.need_agrees {
                format!("{name}: your need level now matches the reference")
            } else {
                format!("{name}: your need level no longer matches the reference")
            });
        }
    }
    if current.rosh.overall_agrees != previous.rosh.overall_agrees {
        sentences.push(if current.rosh.overall_agrees {
            "Your overall RoSH level now matches the reference".to_string()
        } else {
            "Your overall RoSH level no longer matches the reference".to_string()
        });
    }
    let (before, now) = (previous.agreement_percent, current.agreement_percent);
    sentences.push(match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("Overall agreement rose from {before}% to {now}%"),
        std::cmp::Ordering::Less => format!("Overall agreement fell from {before}% to {now}%"),
        std::cmp::Ordering::Equal => format!("Overall agreement stayed at {now}%"),
    });
    sentences
}

/// "Section 3" for numbered sections, the title for the others.
fn section_name(section: &SectionFeedback) -> String {
    if section.section_id.chars().all(|c| c.is_ascii_digit()) {
        format!("Section {}", section.section_id)
    } else {
        crate::domain::questionnaire::section(section.section_id)
            .map_or_else(|| section.heading.clone(), |s| s.title.to_string())
    }
}

fn items(count: usize, more_or_fewer: &str) -> String {
    if count == 1 {
        format!("1 {more_or_fewer} item")
    } else {
        format!("{count} {more_or_fewer} items")
    }
}
