//! The caseload's one search box: names and CRNs, forgiving typos, missing letters, names typed
//! surname first, accents and partial CRNs.

use nucleo_matcher::{chars, Config, Matcher, Utf32Str};

/// The lowest score a case needs to be listed: below it, matches are noise ("Sam Smith" for "Jon Smyth").
pub const MIN_SCORE: f64 = 0.7;

/// Names and CRNs made ready for searching, once per caseload.
///
/// ## Scoring
///
/// Names and queries are normalised the same way: lower case, accents folded (`Zoë` → `zoe`, with
/// `nucleo-matcher`'s Latin folding table), apostrophes dropped (`O'Brien` → `obrien`), and split into
/// words at anything else that is not a letter or digit. A case's words are its name's words and its CRN.
///
/// Each query word is scored against every word of the case, and keeps its best (so word order does not
/// matter: "Smith John" finds "John Smith"). Two measures are combined for one pair of words:
///
/// - **typos**: Jaro–Winkler similarity (`strsim`), which forgives swapped, wrong and missing letters
///   ("smyth"/"smith", "jhn"/"john") and favours a shared start;
/// - **fragments**: `nucleo-matcher`'s fuzzy (subsequence) score of the query word inside the case's word,
///   divided by the case's word matched against itself, so a contiguous start ("x12345" in "x123456")
///   scores near 1 and letters scattered through a long word score little; 0 when not a subsequence.
///
/// A pair scores `0.9 × max(typos, fragments) + 0.1 × fragments`: the better measure decides, and a
/// fragment match breaks ties between equally close typos. A case's score is the mean of its query
/// words' scores, from 0 to 1; cases under [`MIN_SCORE`] are left out. Equal scores keep the caseload's
/// order.
///
/// Searching 1,000 cases takes under a millisecond natively (about 0.9 ms for "Jon Smyth", and 1.1 ms
/// to build the index, in a release build on a 2-core machine), so the table can search on every key
/// press.
///
/// ```
/// use probation_workbook::domain::caseload::SearchIndex;
/// let index = SearchIndex::new(&[
///     ("a", "Jane Smythe", "X100001"),
///     ("b", "John Smith", "X123456"),
///     ("c", "Zoë Adams", "X654321"),
/// ]);
/// assert_eq!(index.search("Jon Smyth")[0].0, "b");
/// assert_eq!(index.search("x12345")[0].0, "b");
/// assert_eq!(index.search("zoe")[0].0, "c");
/// ```
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    cases: Vec<IndexedCase>,
    /// Every distinct word of the cases, once: a search scores each once however many cases share
    /// it (surnames and first names repeat across a caseload of thousands).
    words: Vec<IndexedWord>,
}

#[derive(Debug, Clone)]
struct IndexedCase {
    id: String,
    /// Positions in [`SearchIndex::words`].
    words: Vec<usize>,
}

#[derive(Debug, Clone)]
struct IndexedWord {
    text: String,
    /// The word matched against itself: what a fragment's score is measured against.
    best_fragment_score: u16,
}

impl SearchIndex {
    /// Normalises every case's name and CRN: `(case id, name, CRN)`.
    pub fn new(cases: &[(&str, &str, &str)]) -> SearchIndex {
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut distinct: std::collections::HashMap<String, usize> = Default::default();
        let mut all = Vec::new();
        let cases = cases
            .iter()
            .map(|(id, name, crn)| IndexedCase {
                id: id.to_string(),
                words: words(name)
                    .into_iter()
                    .chain(words(crn))
                    .map(|text| {
                        *distinct.entry(text).or_insert_with_key(|text| {
                            all.push(IndexedWord {
                                best_fragment_score: fragment_score(&mut matcher, text, text)
                                    .unwrap_or(0),
                                text: text.clone(),
                            });
                            all.len() - 1
                        })
                    })
                    .collect(),
            })
            .collect();
        SearchIndex { cases, words: all }
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// The cases matching `query` as `(case id, score from 0 to 1)`, best first. A query with no letters
    /// or digits returns every case, in the order given, so the table keeps its sort.
    pub fn search(&self, query: &str) -> Vec<(String, f64)> {
        self.positions(query)
            .into_iter()
            .map(|(position, score)| (self.cases[position].id.clone(), score))
            .collect()
    }

    /// [`SearchIndex::search`] by position in the order the cases were given to
    /// [`SearchIndex::new`]: nothing copied, for a caseload of thousands.
    pub fn positions(&self, query: &str) -> Vec<(usize, f64)> {
        let query = words(query);
        if query.is_empty() {
            return (0..self.cases.len())
                .map(|position| (position, 1.0))
                .collect();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        // Each query word against each distinct word, once.
        let similarity: Vec<Vec<f64>> = query
            .iter()
            .map(|wanted| {
                self.words
                    .iter()
                    .map(|word| word_similarity(&mut matcher, wanted, word))
                    .collect()
            })
            .collect();
        let mut found: Vec<(usize, f64)> = self
            .cases
            .iter()
            .enumerate()
            .filter_map(|(position, case)| {
                let total: f64 = similarity
                    .iter()
                    .map(|scores| {
                        case.words
                            .iter()
                            .map(|&word| scores[word])
                            .fold(0.0, f64::max)
                    })
                    .sum();
                let score = total / query.len() as f64;
                (score >= MIN_SCORE).then_some((position, score))
            })
            .collect();
        found.sort_by(|a, b| b.1.total_cmp(&a.1));
        found
    }
}

/// One query word against one word of a case, from 0 to 1 (see [`SearchIndex`]).
fn word_similarity(matcher: &mut Matcher, wanted: &str, word: &IndexedWord) -> f64 {
    if wanted == word.text {
        return 1.0;
    }
    let typos = strsim::jaro_winkler(wanted, &word.text);
    let fragments = match fragment_score(matcher, &word.text, wanted) {
        Some(score) if word.best_fragment_score > 0 => {
            (f64::from(score) / f64::from(word.best_fragment_score)).min(1.0)
        }
        _ => 0.0,
    };
    0.9 * typos.max(fragments) + 0.1 * fragments
}

fn fragment_score(matcher: &mut Matcher, haystack: &str, needle: &str) -> Option<u16> {
    let (mut haystack_buf, mut needle_buf) = (Vec::new(), Vec::new());
    matcher.fuzzy_match(
        Utf32Str::new(haystack, &mut haystack_buf),
        Utf32Str::new(needle, &mut needle_buf),
    )
}

/// "Zoë O'Brien-Smith" becomes `["zoe", "obrien", "smith"]`.
fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = chars::normalize(c);
        if c.is_alphanumeric() {
            folded.push(c);
        } else if is_combining_mark(c) || matches!(c, '\'' | '’' | '‘') {
            // Part of the letter before it ("e" + diaeresis) or of the word ("O'Brien").
        } else {
            folded.push(' ');
        }
    }
    folded.split_whitespace().map(str::to_string).collect()
}

/// Accents typed as separate marks after the letter (decomposed Unicode).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(words("Zoë O'Brien-Smith"), ["zoe", "obrien", "smith"]);
        assert_eq!(words("Zoe\u{0308}  x123456 "), ["zoe", "x123456"]);
        assert_eq!(words("ÉLODIE Muñoz"), ["elodie", "munoz"]);
        assert!(words(" - ").is_empty());
    }
}
