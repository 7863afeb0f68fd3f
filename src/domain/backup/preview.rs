//! What restoring a backup would change here, before anything is written, and what a confirmed
//! restore writes.
//!
//! A restore adds the cases this browser lacks and replaces the ones that differ, but never deletes
//! a case that is only here, and by default keeps a case whose copy here changed after the
//! backup's (restoring it would lose that work): the officer may choose to replace those too.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::payload::{compare_times, BackupPayload, CaseRecords};
use crate::domain::records::ProfileRecord;

/// One case in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewLine {
    pub id: String,
    /// The person's name and CRN, as the backup has them (as this browser has them for a case
    /// only here).
    pub name: String,
    pub crn: String,
    /// When the backup's copy last changed (the latest `updated_at` of its records); `None` for a
    /// case only here.
    pub backup_changed_at: Option<String>,
    /// When this browser's copy last changed; `None` for a case new here.
    pub here_changed_at: Option<String>,
}

/// What restoring the profile would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileChange {
    /// The backup holds no profile: the one here (if any) is kept.
    None,
    /// This browser has no profile: the backup's is added.
    New,
    /// Both have one and they differ. `newer_here`: the one here changed later than the backup's,
    /// so it is replaced only when the officer asks to replace newer work.
    Replaced { newer_here: bool },
    /// Both have the same profile: nothing to write.
    Same,
}

/// What restoring a backup would change here, for the preview screen. Every list is sorted by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePreview {
    /// RFC 3339: when the backup was made.
    pub backup_created_at: String,
    /// Cases in the backup and not here: added.
    pub new_cases: Vec<PreviewLine>,
    /// Cases here that differ from the backup's copy, which is as new or newer: replaced.
    pub replaced: Vec<PreviewLine>,
    /// Cases here that differ from the backup's copy and changed later than it: kept unless the
    /// officer asks to replace them (losing the work done since the backup).
    pub newer_here: Vec<PreviewLine>,
    /// Cases holding the same work here and in the backup: nothing to write.
    pub same: Vec<PreviewLine>,
    /// Cases here and not in the backup: a restore never deletes them.
    pub only_here: Vec<PreviewLine>,
    pub profile: ProfileChange,
}

impl RestorePreview {
    /// Whether restoring (without replacing newer work) would write nothing at all.
    pub fn is_up_to_date(&self) -> bool {
        self.new_cases.is_empty()
            && self.replaced.is_empty()
            && matches!(
                self.profile,
                ProfileChange::None
                    | ProfileChange::Same
                    | ProfileChange::Replaced { newer_here: true }
            )
    }
}

/// What a confirmed restore writes, in one transaction: records whole, as the backup holds them.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoreWrites {
    /// Each case to write with its records; a record the backup lacks is left as it is here.
    pub cases: Vec<CaseRecords>,
    /// The profile to write, if any.
    pub profile: Option<ProfileRecord>,
}

impl RestoreWrites {
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty() && self.profile.is_none()
    }
}

fn line(
    records: &CaseRecords,
    backup: Option<&CaseRecords>,
    here: Option<&CaseRecords>,
) -> PreviewLine {
    PreviewLine {
        id: records.case.id.clone(),
        name: records.case.details.name.clone(),
        crn: records.case.details.crn.clone(),
        backup_changed_at: backup.map(|records| records.changed_at().to_string()),
        here_changed_at: here.map(|records| records.changed_at().to_string()),
    }
}

fn by_name(lines: &mut [PreviewLine]) {
    lines.sort_by(|a, b| {
        let key =
            |line: &PreviewLine| (line.name.to_lowercase(), line.crn.clone(), line.id.clone());
        key(a).cmp(&key(b))
    });
}

/// Compares a backup with what this browser holds: `here` is every case here with its records
/// (`Store::here_for_restore`), `here_profile` the profile here.
pub fn restore_preview(
    backup: &BackupPayload,
    here: &[CaseRecords],
    here_profile: Option<&ProfileRecord>,
) -> RestorePreview {
    let here_by_id: BTreeMap<&str, &CaseRecords> =
        here.iter().map(|records| (records.id(), records)).collect();
    let mut preview = RestorePreview {
        backup_created_at: backup.created_at.clone(),
        new_cases: Vec::new(),
        replaced: Vec::new(),
        newer_here: Vec::new(),
        same: Vec::new(),
        only_here: Vec::new(),
        profile: ProfileChange::None,
    };
    for theirs in &backup.cases {
        let Some(&mine) = here_by_id.get(theirs.id()) else {
            preview.new_cases.push(line(theirs, Some(theirs), None));
            continue;
        };
        let entry = line(theirs, Some(theirs), Some(mine));
        if theirs.same_work(mine) {
            preview.same.push(entry);
        } else if compare_times(mine.changed_at(), theirs.changed_at()) == Ordering::Greater {
            preview.newer_here.push(entry);
        } else {
            preview.replaced.push(entry);
        }
    }
    let in_backup: std::collections::BTreeSet<&str> =
        backup.cases.iter().map(CaseRecords::id).collect();
    for mine in here {
        if !in_backup.contains(mine.id()) {
            preview.only_here.push(line(mine, None, Some(mine)));
        }
    }
    preview.profile = match (&backup.profile, here_profile) {
        (None, _) => ProfileChange::None,
        (Some(_), None) => ProfileChange::New,
        (Some(theirs), Some(mine)) => {
            let (mut a, mut b) = (theirs.clone(), mine.clone());
            (a.revision, b.revision) = (0, 0);
            if a == b {
                ProfileChange::Same
            } else {
                let newer_here = compare_times(&mine.updated_at, &theirs.updated_at).is_gt();
                ProfileChange::Replaced { newer_here }
            }
        }
    };
    for lines in [
        &mut preview.new_cases,
        &mut preview.replaced,
        &mut preview.newer_here,
        &mut preview.same,
        &mut preview.only_here,
    ] {
        by_name(lines);
    }
    preview
}

/// What a restore of `backup` writes once the officer confirms `preview` (made by
/// [`restore_preview`] for this backup): the cases new here and those replaced, and the cases
/// changed here since the backup only when `replace_newer_here`; the profile when it is new here,
/// or differs and the backup's is as new or newer (or `replace_newer_here`). Cases holding the same
/// work are not rewritten, and nothing is ever deleted.
pub fn restore_writes(
    backup: &BackupPayload,
    preview: &RestorePreview,
    replace_newer_here: bool,
) -> RestoreWrites {
    let by_id: BTreeMap<&str, &CaseRecords> = backup
        .cases
        .iter()
        .map(|records| (records.id(), records))
        .collect();
    let newer_here: &[PreviewLine] = if replace_newer_here {
        &preview.newer_here
    } else {
        &[]
    };
    let cases = preview
        .new_cases
        .iter()
        .chain(&preview.replaced)
        .chain(newer_here)
        .filter_map(|line| {
            by_id
                .get(line.id.as_str())
                .map(|records| (*records).clone())
        })
        .collect();
    let profile = match preview.profile {
        ProfileChange::New | ProfileChange::Replaced { newer_here: false } => {
            backup.profile.clone()
        }
        ProfileChange::Replaced { newer_here: true } if replace_newer_here => {
            backup.profile.clone()
        }
        _ => None,
    };
    RestoreWrites { cases, profile }
}
