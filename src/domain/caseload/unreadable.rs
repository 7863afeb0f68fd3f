//! The caseload as a whole: the rows of the cases that could be read, and the records that could not,
//! which are listed by their id beside the rows so that nothing saved silently disappears.
//!
//! ```
//! use probation_workbook::domain::caseload::{Caseload, SortKey, UnreadableRecord};
//! let caseload = Caseload::new(
//!     Vec::new(),
//!     vec![UnreadableRecord::new("cases", "case-7", "missing field `details`")],
//! );
//! let shown = caseload.shown(&caseload.search_index(), "", &[], SortKey::Name, true);
//! assert_eq!(shown.unreadable[0].title(), "Record case-7 could not be read");
//! assert_eq!(shown.caption(), "0 cases; 1 record could not be read");
//! ```

use super::{shown_positions, CaseloadRow, Filter, SearchIndex, SortKey};

/// A record of the caseload that could not be read (damaged, or written by a newer version): the
/// screen lists it as "Record case-7 could not be read" rather than leaving it out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnreadableRecord {
    /// The object store it is kept in: "cases", "assessments", "plans" or "signing".
    pub store: String,
    /// Its key: the case id.
    pub id: String,
    /// Why it could not be read, e.g. the error from reading its JSON.
    pub reason: String,
}

impl UnreadableRecord {
    pub fn new(store: &str, id: &str, reason: impl Into<String>) -> Self {
        Self {
            store: store.to_string(),
            id: id.to_string(),
            reason: reason.into(),
        }
    }

    /// "Record case-7 could not be read".
    pub fn title(&self) -> String {
        format!("Record {} could not be read", self.id)
    }

    /// "The case record “case-7” could not be read (missing field `details`).": what kind of record
    /// it is, from its store, and why.
    pub fn sentence(&self) -> String {
        let kind = match self.store.as_str() {
            "cases" => "case record",
            "assessments" => "assessment of the case",
            "plans" => "sentence plan of the case",
            "signing" => "signing record of the case",
            _ => "record",
        };
        let reason = self.reason.trim();
        if reason.is_empty() {
            format!("The {kind} “{}” could not be read.", self.id)
        } else {
            format!("The {kind} “{}” could not be read ({reason}).", self.id)
        }
    }

    /// "In cases: missing field `details`", for the line under the title.
    pub fn detail(&self) -> String {
        let reason = self.reason.trim();
        if reason.is_empty() {
            format!("In {}", self.store)
        } else {
            format!("In {}: {reason}", self.store)
        }
    }
}

/// Every case the caseload holds: the rows that could be built, and the records that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caseload {
    pub rows: Vec<CaseloadRow>,
    /// In order of id, then store; each once.
    pub unreadable: Vec<UnreadableRecord>,
}

/// What the table shows for a search, filters and sort ([`Caseload::shown`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShownCaseload {
    /// The rows kept, in the order shown.
    pub rows: Vec<CaseloadRow>,
    /// Always every unreadable record: a search or filter never hides one.
    pub unreadable: Vec<UnreadableRecord>,
    /// How many rows there are before searching and filtering.
    pub total: usize,
}

impl ShownCaseload {
    /// The table's caption: "3 cases", "1 of 3 cases", with "; 1 record could not be read" after it
    /// when any could not be.
    pub fn caption(&self) -> String {
        let (found, total) = (self.rows.len(), self.total);
        let mut caption = if found == total {
            format!("{total} case{}", if total == 1 { "" } else { "s" })
        } else {
            format!("{found} of {total} cases")
        };
        match self.unreadable.len() {
            0 => {}
            1 => caption.push_str("; 1 record could not be read"),
            many => caption.push_str(&format!("; {many} records could not be read")),
        }
        caption
    }
}

impl Caseload {
    /// The caseload from the rows built and the records that failed to read, in any order.
    pub fn new(rows: Vec<CaseloadRow>, mut unreadable: Vec<UnreadableRecord>) -> Self {
        unreadable.sort_by(|a, b| (&a.id, &a.store, &a.reason).cmp(&(&b.id, &b.store, &b.reason)));
        unreadable.dedup_by(|a, b| a.id == b.id && a.store == b.store);
        Self { rows, unreadable }
    }

    /// No cases at all, readable or not.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.unreadable.is_empty()
    }

    /// The search index over the rows' names and CRNs.
    pub fn search_index(&self) -> SearchIndex {
        let entries: Vec<(&str, &str, &str)> = self
            .rows
            .iter()
            .map(|row| (row.case_id.as_str(), row.name.as_str(), row.crn.as_str()))
            .collect();
        SearchIndex::new(&entries)
    }

    /// The unreadable records of one case, e.g. to mark its row when only its plan could not be read.
    pub fn unreadable_for<'a>(
        &'a self,
        case_id: &'a str,
    ) -> impl Iterator<Item = &'a UnreadableRecord> + 'a {
        self.unreadable
            .iter()
            .filter(move |record| record.id == case_id)
    }

    /// What the table shows. With no search, the rows every filter keeps, sorted by `key`; with a
    /// search (`index` from [`Caseload::search_index`]), the rows found, best match first, that every
    /// filter keeps. The unreadable records are always all listed.
    pub fn shown(
        &self,
        index: &SearchIndex,
        query: &str,
        filters: &[Filter],
        key: SortKey,
        ascending: bool,
    ) -> ShownCaseload {
        let rows = shown_positions(&self.rows, index, query, filters, key, ascending)
            .into_iter()
            .filter_map(|position| self.rows.get(position).cloned())
            .collect();
        ShownCaseload {
            rows,
            unreadable: self.unreadable.clone(),
            total: self.rows.len(),
        }
    }
}
