//! The Home Office offence codes an officer picks the current offence from, with each code's OGRS3 weight.
//!
//! The list is `assets/offences/offences.tsv`, derived by `scripts/derive-offences.mjs` from the Ministry of
//! Justice data (MIT licence, Crown Copyright; `assets/offences/LICENSE`). Weights are per code, never guessed
//! from a category.
//!
//! ```
//! use probation_workbook::domain::offences::OffenceTable;
//! let table = OffenceTable::bundled();
//! let burglary = table.get("02801").unwrap();
//! assert_eq!(burglary.category, "Burglary in a dwelling");
//! assert_eq!(table.search("burglary dwelling", 5)[0].code, "02800");
//! ```

use std::sync::OnceLock;

/// What the offence list says about using a code in OGRS3.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ogrs3Weight {
    /// The offence term added to OGRS3.
    Weight(f64),
    /// The code is too coarse: OGRS3 needs the details of the exact offence (a blank weight in the source).
    TooCoarse,
    /// The code cannot be used for OGRS3 (`999` in the source).
    NotUsable,
}

/// One offence code as the officer chooses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Offence {
    /// The 5-digit Home Office code: 3-digit offence group and 2-digit sub-code, e.g. "02801".
    pub code: String,
    /// The offence term of OGRS3, or why there is none.
    pub ogrs3_weight: Ogrs3Weight,
    /// Whether a sanction for this offence counts as a violent sanction.
    pub violent: bool,
    /// The broad group, e.g. "Burglary".
    pub group: String,
    /// The offence, e.g. "Burglary in a dwelling".
    pub category: String,
    /// The exact form of the offence, when the source says more than the category.
    pub sub_category: Option<String>,
}

impl Offence {
    /// A readable one-liner for a picker or a summary, e.g.
    /// "Burglary in a dwelling – Other burglary in a dwelling."
    pub fn description(&self) -> String {
        match &self.sub_category {
            Some(sub_category) => format!("{} – {}", self.category, sub_category),
            None => self.category.clone(),
        }
    }
}

/// Why the offence list could not be read; each names the line, counted from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OffenceTableError {
    #[error("Line {line} of the offence list has {found} columns; it needs {needed}.")]
    WrongColumnCount {
        line: usize,
        found: usize,
        needed: usize,
    },
    #[error("Line {line} of the offence list has the code \"{code}\"; a code is 5 digits.")]
    BadCode { line: usize, code: String },
    #[error(
        "Line {line} of the offence list has the OGRS3 weight \"{weight}\", which is not a number."
    )]
    BadWeight { line: usize, weight: String },
    #[error("Line {line} of the offence list marks violence as \"{value}\"; it must be 1 or 0.")]
    BadViolentFlag { line: usize, value: String },
    #[error("Line {line} of the offence list repeats the code {code}.")]
    RepeatedCode { line: usize, code: String },
}

/// Every offence code, in code order, searchable by code or by words.
#[derive(Debug, Clone, PartialEq)]
pub struct OffenceTable {
    offences: Vec<Offence>,
    /// Lower-case group, category and sub-category of each offence, for word search.
    search_text: Vec<String>,
}

const BUNDLED_TSV: &str = include_str!("../../assets/offences/offences.tsv");

/// The columns of the full list: code, OGRS3 weight, violent, group, category, sub-category.
const FULL_COLUMNS: usize = 6;
/// The columns of the predictors' list (`offence-weights.tsv`): code, OGRS3 weight, violent.
const WEIGHT_COLUMNS: usize = 3;

/// The `999` the source uses for "not usable for OGRS3".
const NOT_USABLE_WEIGHT: f64 = 999.0;

impl OffenceTable {
    /// Reads the TSV written by `scripts/derive-offences.mjs`; lines starting with `#` and blank lines are skipped.
    pub fn parse(tsv: &str) -> Result<OffenceTable, OffenceTableError> {
        Self::parse_columns(tsv, FULL_COLUMNS)
    }

    /// Reads the predictors' list, `offence-weights.tsv` (code, OGRS3 weight, violent: what the
    /// predictors beside every section need, a tenth of the full list's size): a table whose
    /// offences have no words (empty group and category), for [`crate::domain::predictors::predict`]
    /// only, never for a picker or a summary.
    pub fn parse_weights(tsv: &str) -> Result<OffenceTable, OffenceTableError> {
        Self::parse_columns(tsv, WEIGHT_COLUMNS)
    }

    fn parse_columns(tsv: &str, needed: usize) -> Result<OffenceTable, OffenceTableError> {
        let mut offences: Vec<(usize, Offence)> = Vec::new();
        for (index, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            offences.push((index + 1, parse_line(index + 1, line, needed)?));
        }
        offences.sort_by(|(_, a), (_, b)| a.code.cmp(&b.code));
        if let Some(pair) = offences
            .windows(2)
            .find(|pair| pair[0].1.code == pair[1].1.code)
        {
            return Err(OffenceTableError::RepeatedCode {
                line: pair[0].0.max(pair[1].0),
                code: pair[0].1.code.clone(),
            });
        }
        let offences: Vec<Offence> = offences.into_iter().map(|(_, offence)| offence).collect();
        let search_text = offences.iter().map(searchable).collect();
        Ok(OffenceTable {
            offences,
            search_text,
        })
    }

    /// The list shipped with the app, read once.
    pub fn bundled() -> &'static OffenceTable {
        static TABLE: OnceLock<OffenceTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            OffenceTable::parse(BUNDLED_TSV)
                .expect("the bundled offence list is checked by its tests")
        })
    }

    /// The offence with this exact 5-digit code.
    pub fn get(&self, code: &str) -> Option<&Offence> {
        self.offences
            .binary_search_by(|offence| offence.code.as_str().cmp(code))
            .ok()
            .map(|index| &self.offences[index])
    }

    /// Offences matching what the officer typed, at most `limit`.
    ///
    /// Digits find codes starting with them, in code order. Words (two letters or more, any case) must all
    /// appear in the group, category or sub-category; offences whose category holds every word come first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Offence> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        // Shorthand first ("GBH", "s20", "section 20", "TWOC"), then what the words find.
        let shorthand: Vec<&Offence> = shorthand_codes(query)
            .iter()
            .filter_map(|code| self.get(code))
            .collect();
        if !shorthand.is_empty() {
            let mut found = shorthand;
            for offence in self.search_words(query, limit) {
                if found.len() >= limit {
                    break;
                }
                if !found.iter().any(|known| known.code == offence.code) {
                    found.push(offence);
                }
            }
            found.truncate(limit);
            return found;
        }
        self.search_words(query, limit)
    }

    fn search_words(&self, query: &str, limit: usize) -> Vec<&Offence> {
        if query.chars().all(|c| c.is_ascii_digit()) {
            return self
                .offences
                .iter()
                .filter(|offence| offence.code.starts_with(query))
                .take(limit)
                .collect();
        }
        let words: Vec<String> = query
            .split_whitespace()
            .filter(|word| word.chars().count() >= 2)
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut matches: Vec<(bool, &Offence)> = self
            .offences
            .iter()
            .zip(&self.search_text)
            .filter(|(_, text)| words.iter().all(|word| text.contains(word.as_str())))
            .map(|(offence, _)| {
                let category = offence.category.to_lowercase();
                let in_category = words.iter().all(|word| category.contains(word.as_str()));
                (!in_category, offence)
            })
            .collect();
        // Stable sort: within each rank the offences stay in code order.
        matches.sort_by_key(|(later, _)| *later);
        matches
            .into_iter()
            .take(limit)
            .map(|(_, offence)| offence)
            .collect()
    }

    /// How many offence codes the list holds.
    pub fn len(&self) -> usize {
        self.offences.len()
    }

    /// Whether the list holds no offence at all.
    pub fn is_empty(&self) -> bool {
        self.offences.is_empty()
    }

    /// Every offence, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &Offence> {
        self.offences.iter()
    }
}

const SHORTHAND: &str = include_str!("offences/shorthand.tsv");

/// "Section 20", "S.20 " and "s 20" all read as "s20"; case and spacing never matter.
pub fn normalise_shorthand(query: &str) -> String {
    let lower = query.to_lowercase().replace('.', " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut joined: Vec<String> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = words[index];
        let next_is_number = words
            .get(index + 1)
            .is_some_and(|next| next.chars().all(|c| c.is_ascii_digit()));
        if (word == "section" || word == "s") && next_is_number {
            joined.push(format!("s{}", words[index + 1]));
            index += 2;
        } else {
            joined.push(word.to_string());
            index += 1;
        }
    }
    joined.join(" ")
}

/// The codes a shorthand stands for (none for anything else), from `offences/shorthand.tsv`.
pub fn shorthand_codes(query: &str) -> Vec<&'static str> {
    let wanted = normalise_shorthand(query);
    SHORTHAND
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut columns = line.split('\t');
            Some((columns.next()?, columns.next()?))
        })
        .find(|(shorthand, _)| *shorthand == wanted)
        .map(|(_, codes)| codes.split(',').map(str::trim).collect())
        .unwrap_or_default()
}

fn parse_line(line_number: usize, line: &str, needed: usize) -> Result<Offence, OffenceTableError> {
    let mut columns: Vec<&str> = line.split('\t').map(str::trim).collect();
    if columns.len() != needed {
        return Err(OffenceTableError::WrongColumnCount {
            line: line_number,
            found: columns.len(),
            needed,
        });
    }
    columns.resize(FULL_COLUMNS, "");
    let [code, weight, violent, group, category, sub_category] = columns[..] else {
        return Err(OffenceTableError::WrongColumnCount {
            line: line_number,
            found: columns.len(),
            needed,
        });
    };
    if !is_offence_code(code) {
        return Err(OffenceTableError::BadCode {
            line: line_number,
            code: code.to_string(),
        });
    }
    let ogrs3_weight = match weight {
        "" => Ogrs3Weight::TooCoarse,
        text => match text.parse::<f64>() {
            Ok(value) if value == NOT_USABLE_WEIGHT => Ogrs3Weight::NotUsable,
            Ok(value) if value.is_finite() => Ogrs3Weight::Weight(value),
            _ => {
                return Err(OffenceTableError::BadWeight {
                    line: line_number,
                    weight: text.to_string(),
                })
            }
        },
    };
    let violent = match violent {
        "1" => true,
        "0" => false,
        other => {
            return Err(OffenceTableError::BadViolentFlag {
                line: line_number,
                value: other.to_string(),
            })
        }
    };
    Ok(Offence {
        code: code.to_string(),
        ogrs3_weight,
        violent,
        group: group.to_string(),
        category: category.to_string(),
        sub_category: (!sub_category.is_empty()).then(|| sub_category.to_string()),
    })
}

fn searchable(offence: &Offence) -> String {
    format!(
        "{} {} {}",
        offence.group,
        offence.category,
        offence.sub_category.as_deref().unwrap_or("")
    )
    .to_lowercase()
}

/// Whether `code` has the shape of a Home Office offence code: five digits, like "00801".
pub fn is_offence_code(code: &str) -> bool {
    code.len() == 5 && code.chars().all(|c| c.is_ascii_digit())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
