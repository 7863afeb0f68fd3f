//! Merging two replicas of one record field by field (issue 21, sync.md "Conflicts"): where only
//! one side changed a field since their common ancestor, that change wins; where both changed it
//! differently, it is a conflict the officer sees and settles, never a silent loss. Each field
//! carries who changed it and when, on a hybrid logical clock.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A hybrid logical clock reading: wall-clock milliseconds, and a counter for events in the same
/// millisecond or behind a clock that ran ahead. Ordered by both.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
}

impl Hlc {
    /// The reading for a local change at `now_ms`: later than this one, whatever the wall clock
    /// says.
    pub fn tick(self, now_ms: u64) -> Hlc {
        if now_ms > self.wall_ms {
            Hlc {
                wall_ms: now_ms,
                counter: 0,
            }
        } else {
            self.bump(self.wall_ms, self.counter)
        }
    }

    /// The reading after receiving `remote` at `now_ms`: later than both.
    pub fn receive(self, remote: Hlc, now_ms: u64) -> Hlc {
        let wall_ms = self.wall_ms.max(remote.wall_ms).max(now_ms);
        let counter = match (wall_ms == self.wall_ms, wall_ms == remote.wall_ms) {
            (true, true) => self.counter.max(remote.counter),
            (true, false) => self.counter,
            (false, true) => remote.counter,
            (false, false) => {
                return Hlc {
                    wall_ms,
                    counter: 0,
                }
            }
        };
        self.bump(wall_ms, counter)
    }

    /// One step after (`wall_ms`, `counter`); past the counter's end, the next millisecond.
    fn bump(self, wall_ms: u64, counter: u32) -> Hlc {
        match counter.checked_add(1) {
            Some(counter) => Hlc { wall_ms, counter },
            None => Hlc {
                wall_ms: wall_ms.saturating_add(1),
                counter: 0,
            },
        }
    }
}

/// One field's value, when it was set and by whom (a key id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub value: Value,
    pub at: Hlc,
    pub by: String,
}

impl Field {
    /// The order two versions of a field are shown in, and which one stands until a conflict is
    /// settled: the later clock, then the author's key id, then the value.
    fn rank(&self, other: &Field) -> Ordering {
        self.at
            .cmp(&other.at)
            .then_with(|| self.by.cmp(&other.by))
            .then_with(|| self.value.to_string().cmp(&other.value.to_string()))
    }
}

/// A record's fields by name ("answers.3.4", "plan.goal.g-1.target").
pub type Fields = BTreeMap<String, Field>;

/// A field both sides changed differently: each side's version (`None` where it was removed), the
/// later first. The later stands in the record until the officer chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub later: Option<Field>,
    pub earlier: Option<Field>,
}

impl Conflict {
    fn of(one: Option<&Field>, other: Option<&Field>) -> Conflict {
        let order = match (one, other) {
            (Some(one), Some(other)) => one.rank(other),
            // A removal has no stamp of its own: the side that set a value is shown first.
            (Some(_), None) => Ordering::Greater,
            (None, Some(_)) => Ordering::Less,
            (None, None) => Ordering::Equal,
        };
        let (later, earlier) = if order == Ordering::Less {
            (other, one)
        } else {
            (one, other)
        };
        Conflict {
            later: later.cloned(),
            earlier: earlier.cloned(),
        }
    }

    /// "Changed by Alex Trainee and by Sam Senior while offline", naming each side by `name`.
    pub fn describe(&self, name: impl Fn(&str) -> String) -> String {
        let who = |field: &Option<Field>| {
            field.as_ref().map_or_else(
                || "removed on one device".to_string(),
                |field| name(&field.by),
            )
        };
        format!(
            "Changed by {} and by {} while offline",
            who(&self.later),
            who(&self.earlier)
        )
    }
}

/// Two replicas merged: every field, and the fields in conflict (whose value in `fields` is the
/// later side's, until settled).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    pub fields: Fields,
    pub conflicts: BTreeMap<String, Conflict>,
}

/// Merges `ours` and `theirs`, both descended from `ancestor`, field by field. The same whichever
/// side is which, and merging a replica with itself gives it back.
pub fn merge(ancestor: &Fields, ours: &Fields, theirs: &Fields) -> Merge {
    let names: BTreeSet<&String> = ancestor
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut merged = Merge::default();
    for name in names {
        let (base, one, other) = (ancestor.get(name), ours.get(name), theirs.get(name));
        let kept = if one == other || other == base {
            one
        } else if one == base {
            other
        } else {
            let conflict = Conflict::of(one, other);
            let kept = conflict.later.clone();
            merged.conflicts.insert(name.clone(), conflict);
            if let Some(field) = kept {
                merged.fields.insert(name.clone(), field);
            }
            continue;
        };
        if let Some(field) = kept {
            merged.fields.insert(name.clone(), field.clone());
        }
    }
    merged
}
