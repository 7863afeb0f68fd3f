//! The RoSH screening checked against what the assessment already says (domain.md §3, and the
//! "consistency rules" of §8). The full analysis opens only on a "yes", so a screening that
//! contradicts an earlier answer could skip it: each contradiction is named beside the screening
//! question, with the earlier answer it contradicts, and a reason is asked for before the screening
//! can be completed (the reason items are conditions of the questionnaire: `Condition::Contradicted`).
//!
//! R1.2 "offences of concern" is pre-filled from 1.1's offence codes; which codes count is data
//! (`questionnaire/offences-of-concern.tsv`, with its source in its first line).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::domain::answers::{cell_key, Answer, Answers};
use crate::domain::questionnaire::{find_item, GridRow, ItemKind};

/// R1.2: current or previous offences of concern, a grid of rows by "current" and "previous".
pub const OFFENCES_OF_CONCERN_ITEM: &str = "R1.2";
/// 1.1: the current offences, a repeating group whose entries name an offence code.
pub const CURRENT_OFFENCES_ITEM: &str = "1.1";
/// The id of the RoSH screening section.
pub const SCREENING_SECTION: &str = "rosh-screening";
const CURRENT_COLUMN: &str = "current";
const PREVIOUS_COLUMN: &str = "previous";

/// The rows of R1.2 for sexual offences, which 1.30 (a sexual offence ever) speaks to.
const SEXUAL_ROWS: &[&str] = &["sexual_child", "sexual_adult"];

const TABLE: &str = include_str!("questionnaire/offences-of-concern.tsv");

/// Offence code → the R1.2 rows it falls under, read once from the table.
fn table() -> &'static BTreeMap<&'static str, Vec<&'static str>> {
    static TABLE_BY_CODE: OnceLock<BTreeMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    TABLE_BY_CODE.get_or_init(|| parse_table(TABLE))
}

/// Reads "code<TAB>row,row" lines; comment lines start with '#'. A line that does not read is
/// skipped (the table is ours and tested: see `the_table_reads_whole`).
fn parse_table(text: &'static str) -> BTreeMap<&'static str, Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (code, rows) = line.split_once('\t')?;
            Some((code.trim(), rows.split(',').map(str::trim).collect()))
        })
        .collect()
}

/// The R1.2 rows an offence code falls under (none for a code that is not an offence of concern,
/// or not a code at all).
pub fn concerns_of(code: &str) -> &'static [&'static str] {
    table().get(code.trim()).map_or(&[], Vec::as_slice)
}

/// Each R1.2 row that 1.1's offences call for as a *current* offence, with the first code that
/// does, in the order of R1.2's rows.
pub fn current_concerns(answers: &Answers) -> Vec<(&'static str, String)> {
    let mut found: Vec<(&'static str, String)> = Vec::new();
    for entry in answers.entries(CURRENT_OFFENCES_ITEM) {
        let code = entry.answers.text("offence").trim().to_string();
        for row in concerns_of(&code) {
            if !found.iter().any(|(known, _)| known == row) {
                found.push((row, code.clone()));
            }
        }
    }
    let order = row_order();
    found.sort_by_key(|(row, _)| order.iter().position(|known| known == row));
    found
}

/// R1.2's rows, in the questionnaire's order.
fn rows() -> &'static [GridRow] {
    match find_item(OFFENCES_OF_CONCERN_ITEM).map(|(_, item)| item.kind) {
        Some(ItemKind::Grid(grid)) => grid.rows,
        _ => &[],
    }
}

fn row_order() -> Vec<&'static str> {
    rows().iter().map(|row| row.key).collect()
}

fn row_label(row: &str) -> &'static str {
    rows()
        .iter()
        .find(|known| known.key == row)
        .map_or("", |known| known.label)
}

/// What R1.2 starts as: the current offences of concern 1.1 names, ticked. Only while R1.2 has
/// no answer at all (once the officer has touched it, their ticks stand, and a row they leave out
/// is a contradiction instead); `None` when there is nothing to tick.
pub fn prefilled_offences_of_concern(answers: &Answers) -> Option<Answer> {
    if answers.get(OFFENCES_OF_CONCERN_ITEM).is_some() {
        return None;
    }
    let cells: BTreeMap<String, String> = current_concerns(answers)
        .into_iter()
        .map(|(row, _)| (cell_key(row, CURRENT_COLUMN), "yes".to_string()))
        .collect();
    (!cells.is_empty()).then_some(Answer::Grid(cells))
}

/// What opening a section writes before the officer answers: R1.2 pre-filled when the screening
/// opens (see [`prefilled_offences_of_concern`]); nothing for any other section.
pub fn prefill_on_opening(section_id: &str, answers: &Answers) -> Option<(&'static str, Answer)> {
    (section_id == SCREENING_SECTION)
        .then(|| prefilled_offences_of_concern(answers))
        .flatten()
        .map(|answer| (OFFENCES_OF_CONCERN_ITEM, answer))
}

/// A screening answer that an earlier answer contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// The screening item ("R2.3").
    pub item: &'static str,
    /// The earlier item it contradicts ("6.7.1").
    pub earlier: &'static str,
    /// What is contradicted, in words, naming both answers.
    pub message: String,
}

/// The screening items that can be contradicted, each with the item its reason is kept under.
pub const CHECKED_ITEMS: &[(&str, &str)] = &[
    (OFFENCES_OF_CONCERN_ITEM, "R1.2.reason"),
    ("R2.3", "R2.3.reason"),
    ("R5.2", "R5.2.reason"),
];

/// The items each check reads, for `Condition::depends_on`.
pub fn inputs_of(item: &str) -> &'static [&'static str] {
    match item {
        OFFENCES_OF_CONCERN_ITEM => &[CURRENT_OFFENCES_ITEM, "1.30", OFFENCES_OF_CONCERN_ITEM],
        "R2.3" => &["6.7.1", "R2.3"],
        "R5.2" => &["10.5", "R5.2"],
        _ => &[],
    }
}

/// Whether an item applies now (an answer to a question that is not asked is not evidence).
fn applies(answers: &Answers, code: &str) -> bool {
    find_item(code).is_some_and(|(_, item)| item.applies(answers))
}

/// The contradiction of one screening item, if its answer contradicts an earlier one.
pub fn contradiction(answers: &Answers, item: &str) -> Option<Contradiction> {
    match item {
        OFFENCES_OF_CONCERN_ITEM => offences_of_concern_left_out(answers),
        "R2.3" => {
            let perpetrator = applies(answers, "6.7.1")
                && answers
                    .choices("6.7.1")
                    .iter()
                    .any(|role| role == "perpetrator");
            let answer = answers.choice("R2.3")?;
            (perpetrator && answer != "yes").then(|| Contradiction {
                item: "R2.3",
                earlier: "6.7.1",
                message: format!(
                    "R2.3 says {}, but 6.7.1 records domestic abuse as a perpetrator",
                    said(answer)
                ),
            })
        }
        "R5.2" => {
            let answer = answers.choice("R5.2")?;
            (answers.choice("10.5") == Some("yes") && answer != "yes").then(|| Contradiction {
                item: "R5.2",
                earlier: "10.5",
                message: format!(
                    "R5.2 says {}, but 10.5 records that the person has self-harmed, attempted suicide or had suicidal thoughts or feelings",
                    said(answer)
                ),
            })
        }
        _ => None,
    }
}

/// "no" → "No", as the screening's options read.
fn said(value: &str) -> &'static str {
    match value {
        "no" => "No",
        "dont_know" => "Don't know",
        _ => "another answer",
    }
}

fn offences_of_concern_left_out(answers: &Answers) -> Option<Contradiction> {
    // Untouched, R1.2 is pre-filled from 1.1 when the screening opens; an offence of concern added
    // to 1.1 later, or a tick taken away, is a contradiction until ticked or explained.
    let ticked = |row: &str, column: &str| {
        answers.cell(OFFENCES_OF_CONCERN_ITEM, row, column) == Some("yes")
    };
    let left_out: Vec<String> = current_concerns(answers)
        .into_iter()
        .filter(|(row, _)| !ticked(row, CURRENT_COLUMN))
        .map(|(row, code)| format!("{} ({code})", row_label(row).to_lowercase()))
        .collect();
    if !left_out.is_empty() {
        return Some(Contradiction {
            item: OFFENCES_OF_CONCERN_ITEM,
            earlier: CURRENT_OFFENCES_ITEM,
            message: format!(
                "1.1 records current offences of concern that R1.2 does not tick as current: {}",
                left_out.join(", ")
            ),
        });
    }
    let sexual_ticked = SEXUAL_ROWS
        .iter()
        .any(|row| ticked(row, CURRENT_COLUMN) || ticked(row, PREVIOUS_COLUMN));
    (answers.choice("1.30") == Some("yes") && !sexual_ticked).then(|| Contradiction {
        item: OFFENCES_OF_CONCERN_ITEM,
        earlier: "1.30",
        message: "1.30 says the person has committed a sexual offence, but R1.2 ticks no sexual offence, current or previous".to_string(),
    })
}

/// Every contradiction in the screening, in the screening's order.
pub fn contradictions(answers: &Answers) -> Vec<Contradiction> {
    CHECKED_ITEMS
        .iter()
        .filter_map(|(item, _)| contradiction(answers, item))
        .collect()
}

/// The reason item of a checked screening item ("R2.3" → "R2.3.reason").
pub fn reason_item(item: &str) -> Option<&'static str> {
    CHECKED_ITEMS
        .iter()
        .find(|(checked, _)| *checked == item)
        .map(|(_, reason)| *reason)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
