//! Practice grounded in the case file (issue 20): every reference answer cites the sentence of the
//! case file it rests on, and every reference narrative lists the points it makes, so a trainee
//! learns to answer from evidence rather than by guessing.
//!
//! The trainee's narrative is checked against those points by key words: a point counts as
//! mentioned when the trainee's text has a word beginning with one of the point's key words
//! ("drink" finds "drinking"), or one of its key phrases word for word ("rough sleep" finds "rough
//! sleeper"). It is a prompt, not a
//! mark: see [`MATCHING_EXPLAINED`].

use super::CaseFile;

/// A sentence of the case file and the reference answers that rest on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// The items it supports, by code ("3.4", "SAQ.2", "R10.6", "1.1").
    pub codes: &'static [&'static str],
    /// One whole sentence, word for word as the case file has it.
    pub sentence: &'static str,
}

/// `cite(&["3.3", "3.5"], "She has told him he must leave by Christmas.")`
pub(super) const fn cite(codes: &'static [&'static str], sentence: &'static str) -> Citation {
    Citation { codes, sentence }
}

/// One point a reference narrative makes, with the evidence for it and the words that show a
/// trainee's narrative makes it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NarrativePoint {
    /// The narrative item ("R10.3", "RM.5", "2.1").
    pub code: &'static str,
    /// The point in a few words: "Withdrawal from heroin".
    pub point: &'static str,
    /// Lower-case key words (word beginnings) or phrases; any one of them is enough.
    pub words: &'static [&'static str],
    /// The case-file sentence the point rests on.
    pub sentence: &'static str,
}

/// `point("R10.3", "Withdrawal from heroin", &["withdraw", "clucking"], "He says …")`
pub(super) const fn point(
    code: &'static str,
    point: &'static str,
    words: &'static [&'static str],
    sentence: &'static str,
) -> NarrativePoint {
    NarrativePoint {
        code,
        point,
        words,
        sentence,
    }
}

/// What the trainee is told about how their narrative is checked, and what that cannot do.
pub const MATCHING_EXPLAINED: &str = "A point counts as mentioned when your text uses one of its \
key words (a word that starts the same way counts: \"drink\" finds \"drinking\"). It is a \
prompt, not a mark: it cannot tell whether you made the point well, or at all (\"no drug use\" \
mentions drugs), and it misses a point made in other words. Read the evidence and judge for \
yourself.";

/// The words of a text, lower case, split at anything that is not a letter or a digit.
fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` mentions any of `words`: a word of the text that starts with a key word, or, for
/// a key phrase ("rough sleep"), its words in a row, the last one matched by its start too.
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let text_words = words_of(text);
    words.iter().any(|key| {
        let key_words = words_of(key);
        let Some((last, before)) = key_words.split_last() else {
            return false;
        };
        text_words.windows(key_words.len()).any(|run| {
            run[..before.len()] == *before && run[before.len()].starts_with(last.as_str())
        })
    })
}

impl CaseFile {
    /// Its four parts, in the order the trainee reads them.
    pub fn parts(&self) -> [&'static str; 4] {
        [
            self.offence_summary,
            self.previous_convictions,
            self.interview_notes,
            self.other_agencies,
        ]
    }

    /// Whether `sentence` is one whole sentence of the file, word for word: found in one part,
    /// starting a paragraph or after the end of a sentence and a space, and ending with a full stop,
    /// question or exclamation mark (or a closing quotation mark after one) that ends the paragraph
    /// or is followed by a space.
    pub fn has_sentence(&self, sentence: &str) -> bool {
        fn ends_a_sentence(text: &str) -> bool {
            text.trim_end_matches(['\'', '"', '’', '”'])
                .ends_with(['.', '?', '!'])
        }
        if sentence.is_empty() || sentence.trim() != sentence || !ends_a_sentence(sentence) {
            return false;
        }
        self.parts().iter().any(|part| {
            part.match_indices(sentence).any(|(at, _)| {
                let before = &part[..at];
                let starts = before.is_empty()
                    || before.ends_with('\n')
                    || (before.ends_with(char::is_whitespace)
                        && ends_a_sentence(before.trim_end()));
                let after = part[at + sentence.len()..].chars().next();
                starts && after.is_none_or(char::is_whitespace)
            })
        })
    }
}
