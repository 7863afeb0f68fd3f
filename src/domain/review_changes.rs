//! What a review changed (issue 20): each answer against the signed version it reviews, so the
//! section page can say "Before: Some problems, 1 June 2026" beside a changed answer, and flag a
//! narrative left as it was while the scored answers of its section changed. Copying answers
//! forward is how a review starts; this is how it stays a review, not a copy.
//!
//! ```
//! use jiff::civil::date;
//! use probation_workbook::domain::answers::{Answer, Answers};
//! use probation_workbook::domain::questionnaire::section;
//! use probation_workbook::domain::review_changes::{before_line, stale_narratives, Base};
//! let mut then = Answers::default();
//! then.set("9.1", Answer::Choice("2".into()));
//! then.set("9.97", Answer::Text("Drinks most days.".into()));
//! let base = Base { number: 1, day: date(2026, 6, 1), answers: &then };
//! let mut now = then.clone();
//! now.set("9.1", Answer::Choice("1".into()));
//! let alcohol = section("9").unwrap();
//! let item = alcohol.item("9.1").unwrap();
//! let line = before_line(item, &base, &now, &|_| None).unwrap();
//! assert!(line.starts_with("Before: "), "{line}");
//! assert!(line.ends_with(", 1 June 2026"), "{line}");
//! let stale = stale_narratives(alcohol, &base, &now);
//! assert_eq!(stale[0].narrative.code, "9.97");
//! assert_eq!(stale[0].changed.iter().map(|item| item.code).collect::<Vec<_>>(), ["9.1"]);
//! ```

use jiff::civil::Date;

use crate::domain::answers::{Answer, Answers};
use crate::domain::check_answers::{describe, NOT_ANSWERED};
use crate::domain::dates::{format_long, london_date_of};
use crate::domain::questionnaire::{Item, ItemKind, Section};
use crate::domain::signing::{CaseSigning, DraftStatus, SignedVersion};
use crate::domain::validation::capitalise;

/// The signed version a draft is compared with: its number, its day, its answers.
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    pub number: u32,
    pub day: Date,
    pub answers: &'a Answers,
}

/// The day a version speaks for: a review's assessment date, or the (London) day it was signed.
pub fn version_day(version: &SignedVersion) -> Option<Date> {
    version
        .review
        .as_ref()
        .map(|review| review.date)
        .or_else(|| london_date_of(&version.signed_at))
}

/// What the open draft is compared with: the latest signed version, while a draft after it is
/// open (a review, or the rework of a returned version). `None` for a first assessment.
pub fn review_base(signing: &CaseSigning) -> Option<Base<'_>> {
    if !matches!(signing.draft_status(), DraftStatus::Open { .. }) {
        return None;
    }
    let latest = signing.latest()?;
    Some(Base {
        number: latest.number,
        day: version_day(latest)?,
        answers: &latest.snapshot.answers,
    })
}

/// An answer as it counts: blank text is no answer, so a box typed into and emptied is unchanged.
fn meaningful<'a>(answers: &'a Answers, code: &str) -> Option<&'a Answer> {
    answers.get(code).filter(|answer| match answer {
        Answer::Text(text) => !text.trim().is_empty(),
        Answer::Choices(ticked) => !ticked.is_empty(),
        Answer::Grid(cells) => !cells.is_empty(),
        Answer::Group(entries) => !entries.is_empty(),
        Answer::Choice(_) | Answer::Date(_) => true,
    })
}

/// Whether item `code`'s answer differs between the two (text compared as typed, trimmed).
pub fn answer_changed(before: &Answers, now: &Answers, code: &str) -> bool {
    match (meaningful(before, code), meaningful(now, code)) {
        (Some(Answer::Text(one)), Some(Answer::Text(other))) => one.trim() != other.trim(),
        (one, other) => one != other,
    }
}

/// An answer in words, on one line; a repeating group entry by entry ("Offence 1: …; Date of
/// offence: …").
pub fn describe_inline(
    item: &Item,
    answers: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> String {
    let text = match item.kind {
        ItemKind::Repeat(repeat) => {
            let entries = answers.entries(item.code);
            let parts: Vec<String> = entries
                .iter()
                .enumerate()
                .map(|(index, entry)| {
                    let fields: Vec<String> = repeat
                        .items
                        .iter()
                        .filter(|part| entry.answers.is_answered(part))
                        .map(|part| describe(part, &entry.answers, describe_offence))
                        .collect();
                    format!(
                        "{} {}: {}",
                        capitalise(repeat.entry_name),
                        index + 1,
                        fields.join(", ")
                    )
                })
                .collect();
            if parts.is_empty() {
                NOT_ANSWERED.to_string()
            } else {
                parts.join("; ")
            }
        }
        _ => describe(item, answers, describe_offence),
    };
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Before: Some problems, 1 June 2026" when the item's answer differs from the version reviewed;
/// `None` when it is the same.
pub fn before_line(
    item: &Item,
    base: &Base,
    now: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    answer_changed(base.answers, now, item.code).then(|| {
        format!(
            "Before: {}, {}",
            describe_inline(item, base.answers, describe_offence),
            format_long(base.day)
        )
    })
}

/// A section's narrative (its free text) left as it was while scored answers of the section changed.
#[derive(Debug, Clone)]
pub struct StaleNarrative {
    pub narrative: &'static Item,
    /// The scored items whose answers changed, in section order.
    pub changed: Vec<&'static Item>,
}

impl StaleNarrative {
    /// What the section page says above the narrative.
    pub fn message(&self, base: &Base) -> String {
        let codes: Vec<&str> = self.changed.iter().map(|item| item.code).collect();
        format!(
            "You changed {} since version {} ({}), but not this. Check this still says what you mean.",
            match codes.as_slice() {
                [one] => format!("the answer to {one}"),
                many => format!("the answers to {}", many.join(", ")),
            },
            base.number,
            format_long(base.day)
        )
    }
}

/// The section's narratives to check again: every free-text item whose text is as it was (and said
/// something), when an answer counted in the section's need score changed. Empty for an unscored
/// section.
pub fn stale_narratives(
    section: &'static Section,
    base: &Base,
    now: &Answers,
) -> Vec<StaleNarrative> {
    let changed: Vec<&'static Item> = section
        .need_items()
        .filter(|item| answer_changed(base.answers, now, item.code))
        .collect();
    if changed.is_empty() {
        return Vec::new();
    }
    section
        .items
        .iter()
        .filter(|item| matches!(item.kind, ItemKind::FreeText { .. }))
        .filter(|item| meaningful(base.answers, item.code).is_some())
        .filter(|item| !answer_changed(base.answers, now, item.code))
        .map(|narrative| StaleNarrative {
            narrative,
            changed: changed.clone(),
        })
        .collect()
}

/// A run of words of a narrative's change: kept, taken out, or put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Same(String),
    Removed(String),
    Added(String),
}

/// The word-level difference between two texts (the `similar` crate's diff of words): each stretch
/// of change is one run taken out and one put in ("at weekends" → "most days"), the spaces between
/// changed words inside it included, so a reader sees the phrases, not word confetti. The runs
/// rebuild both texts exactly.
pub fn word_diff(before: &str, after: &str) -> Vec<Words> {
    let diff = similar::TextDiff::from_words(before, after);
    let changes: Vec<(similar::ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|change| (change.tag(), change.value()))
        .collect();
    let is_change = |at: usize| {
        changes
            .get(at)
            .is_some_and(|(tag, _)| *tag != similar::ChangeTag::Equal)
    };
    let mut runs: Vec<Words> = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    let flush = |runs: &mut Vec<Words>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            runs.push(Words::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            runs.push(Words::Added(std::mem::take(added)));
        }
    };
    for (at, (tag, text)) in changes.iter().enumerate() {
        match tag {
            similar::ChangeTag::Delete => removed.push_str(text),
            similar::ChangeTag::Insert => added.push_str(text),
            similar::ChangeTag::Equal => {
                let inside = !(removed.is_empty() && added.is_empty()) && is_change(at + 1);
                if inside && text.trim().is_empty() {
                    removed.push_str(text);
                    added.push_str(text);
                    continue;
                }
                flush(&mut runs, &mut removed, &mut added);
                match runs.last_mut() {
                    Some(Words::Same(last)) => last.push_str(text),
                    _ => runs.push(Words::Same(text.to_string())),
                }
            }
        }
    }
    flush(&mut runs, &mut removed, &mut added);
    runs
}

/// One answer that differs between two versions, in words.
#[derive(Debug, Clone)]
pub struct ItemChange {
    pub item: &'static Item,
    pub before: String,
    pub after: String,
    /// For free text (a narrative), the change word by word.
    pub words: Option<Vec<Words>>,
}

/// A section's changed answers, in question order.
#[derive(Debug, Clone)]
pub struct SectionChanges {
    pub section: &'static Section,
    pub items: Vec<ItemChange>,
}

/// Every answer that differs between `before` and `after`, section by section in task-list order;
/// sections without a change are left out (the screen collapses them).
pub fn item_changes(
    before: &Answers,
    after: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> Vec<SectionChanges> {
    crate::domain::questionnaire::SECTIONS
        .iter()
        .filter_map(|section| {
            let items: Vec<ItemChange> = section
                .items
                .iter()
                .filter(|item| item.applies(before) || item.applies(after))
                .filter(|item| answer_changed(before, after, item.code))
                .map(|item| ItemChange {
                    item,
                    before: describe_inline(item, before, describe_offence),
                    after: describe_inline(item, after, describe_offence),
                    words: matches!(item.kind, ItemKind::FreeText { .. })
                        .then(|| word_diff(before.text(item.code), after.text(item.code))),
                })
                .collect();
            (!items.is_empty()).then_some(SectionChanges { section, items })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::questionnaire::section;

    fn base(answers: &Answers) -> Base<'_> {
        Base {
            number: 1,
            day: date(2026, 6, 1),
            answers,
        }
    }

    #[test]
    fn a_changed_scored_answer_flags_the_narrative_until_it_changes_too() {
        let mut then = Answers::default();
        then.set("9.1", Answer::Choice("2".into()));
        then.set("9.2", Answer::Choice("2".into()));
        then.set("9.97", Answer::Text("Drinks most days.".into()));
        let alcohol = section("9").unwrap();
        let mut now = then.clone();
        assert!(
            stale_narratives(alcohol, &base(&then), &now).is_empty(),
            "nothing changed"
        );
        now.set("9.1", Answer::Choice("1".into()));
        now.set("9.2", Answer::Choice("0".into()));
        let stale = stale_narratives(alcohol, &base(&then), &now);
        assert_eq!(stale.len(), 1);
        assert_eq!(
            stale[0].message(&base(&then)),
            "You changed the answers to 9.1, 9.2 since version 1 (1 June 2026), but not this. Check this still says what you mean."
        );
        // Spaces added at the end are not a change of what it says.
        now.set("9.97", Answer::Text("Drinks most days.  ".into()));
        assert_eq!(stale_narratives(alcohol, &base(&then), &now).len(), 1);
        now.set(
            "9.97",
            Answer::Text("Drinks at weekends only since June.".into()),
        );
        assert!(stale_narratives(alcohol, &base(&then), &now).is_empty());
        // An unscored change (the judgement 9.98) never flags it.
        let mut judged = then.clone();
        judged.set("9.98", Answer::Choice("yes".into()));
        assert!(stale_narratives(alcohol, &base(&then), &judged).is_empty());
        // A narrative that said nothing before has nothing to check.
        let mut silent = then.clone();
        silent.remove("9.97");
        let mut rescored = silent.clone();
        rescored.set("9.1", Answer::Choice("0".into()));
        assert!(stale_narratives(alcohol, &base(&silent), &rescored).is_empty());
    }

    #[test]
    fn before_is_said_only_for_a_changed_answer_and_blank_is_no_answer() {
        let mut then = Answers::default();
        then.set("3.97", Answer::Text("Sofa surfing".into()));
        let accommodation = section("3").unwrap();
        let issues = accommodation.item("3.97").unwrap();
        let mut now = then.clone();
        assert_eq!(before_line(issues, &base(&then), &now, &|_| None), None);
        now.set("3.97", Answer::Text("In a hostel".into()));
        assert_eq!(
            before_line(issues, &base(&then), &now, &|_| None).as_deref(),
            Some("Before: Sofa surfing, 1 June 2026")
        );
        let empty = Answers::default();
        let mut blank = Answers::default();
        blank.set("3.97", Answer::Text("  ".into()));
        assert!(!answer_changed(&empty, &blank, "3.97"));
        assert_eq!(
            before_line(issues, &base(&empty), &now, &|_| None).as_deref(),
            Some("Before: Not answered, 1 June 2026")
        );
    }

    #[test]
    fn a_narrative_differs_word_by_word_and_other_answers_old_to_new() {
        assert_eq!(
            word_diff(
                "Drinks at weekends with friends.",
                "Drinks most days with friends."
            ),
            [
                Words::Same("Drinks ".into()),
                Words::Removed("at weekends".into()),
                Words::Added("most days".into()),
                Words::Same(" with friends.".into()),
            ]
        );
        let mut then = Answers::default();
        then.set("9.1", Answer::Choice("0".into()));
        then.set("9.97", Answer::Text("Drinks at weekends.".into()));
        then.set("3.3", Answer::Choice("no".into()));
        let mut now = then.clone();
        now.set("9.1", Answer::Choice("1".into()));
        now.set("9.97", Answer::Text("Drinks most days.".into()));
        let changes = item_changes(&then, &now, &|_| None);
        assert_eq!(changes.len(), 1, "section 3 is unchanged and left out");
        assert_eq!(changes[0].section.id, "9");
        let codes: Vec<&str> = changes[0]
            .items
            .iter()
            .map(|change| change.item.code)
            .collect();
        assert_eq!(codes, ["9.1", "9.97"]);
        assert_eq!(changes[0].items[0].before, "No problems");
        assert_eq!(changes[0].items[0].after, "Some problems");
        assert_eq!(changes[0].items[0].words, None);
        assert!(changes[0].items[1]
            .words
            .as_ref()
            .unwrap()
            .contains(&Words::Added("most days.".into())));
        assert!(item_changes(&then, &then, &|_| None).is_empty());
    }

    #[test]
    fn offences_before_are_listed_entry_by_entry() {
        let mut then = Answers::default();
        then.add_entry("1.1", "a");
        then.entry_mut("1.1", "a")
            .unwrap()
            .set("offence", Answer::Text("00801".into()));
        let item = section("1").unwrap().item("1.1").unwrap();
        assert_eq!(
            describe_inline(item, &then, &|code| (code == "00801")
                .then(|| "Wounding".to_string())),
            "Offence 1: 00801 Wounding"
        );
        assert_eq!(
            describe_inline(item, &Answers::default(), &|_| None),
            NOT_ANSWERED
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::domain::strategies;

        proptest! {
            /// Whatever two texts (an edited package's, say), the runs rebuild both exactly.
            #[test]
            fn the_word_runs_rebuild_both_texts(before in "\\PC{0,200}", after in "\\PC{0,200}") {
                let runs = word_diff(&before, &after);
                let old: String = runs.iter().filter_map(|run| match run {
                    Words::Same(text) | Words::Removed(text) => Some(text.as_str()),
                    Words::Added(_) => None,
                }).collect();
                let new: String = runs.iter().filter_map(|run| match run {
                    Words::Same(text) | Words::Added(text) => Some(text.as_str()),
                    Words::Removed(_) => None,
                }).collect();
                prop_assert_eq!(old, before);
                prop_assert_eq!(new, after);
            }

            /// Any two sets of answers: never a panic, and an item is listed only when it changed.
            #[test]
            fn only_changed_answers_are_listed(before in strategies::answers(), after in strategies::answers()) {
                for section in item_changes(&before, &after, &|_| None) {
                    for change in section.items {
                        prop_assert!(answer_changed(&before, &after, change.item.code));
                    }
                }
                prop_assert!(item_changes(&after, &after, &|_| None).is_empty());
            }
        }
    }
}
