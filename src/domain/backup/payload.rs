//! What a backup holds once unlocked: every live case's records, grouped by case, and the profile,
//! as UTF-8 JSON.
//!
//! [`read_payload`] reads the records as the store does (a record of an older layout brought up to
//! this build's by `questionnaire::migrate::upgrade_stored_record`, its answers moved to today's
//! codes), refuses the whole backup if anything in it was written by a newer build, and checks that
//! it holds together. Never panics.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::BackupError;
use crate::domain::dates::{format_long, is_within_years, lower_first};
use crate::domain::errors::json_error_detail;
use crate::domain::questionnaire::migrate::upgrade_stored_record;
use crate::domain::records::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, Record, SigningRecord,
    RECORD_SCHEMA_VERSION,
};

/// What the unlocked contents of every backup say they are.
pub const CONTENTS_FORMAT: &str = "probation-workbook-backup-contents";

/// The unlocked contents of a backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupPayload {
    /// Always [`CONTENTS_FORMAT`].
    pub format: String,
    /// The record layout of every record in it ([`RECORD_SCHEMA_VERSION`] when written, and once
    /// read by [`read_payload`], which brings older records up to it).
    pub record_schema_version: u32,
    /// RFC 3339: when the backup was made.
    pub created_at: String,
    pub cases: Vec<CaseRecords>,
    /// The officer's profile, if one was set.
    pub profile: Option<ProfileRecord>,
}

/// One case and the records kept under its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRecords {
    pub case: CaseRecord,
    pub assessment: Option<AssessmentRecord>,
    pub plan: Option<PlanRecord>,
    pub signing: Option<SigningRecord>,
}

impl BackupPayload {
    /// The contents of a backup made now, of this build's record layout.
    pub fn new(
        created_at: &str,
        cases: Vec<CaseRecords>,
        profile: Option<ProfileRecord>,
    ) -> BackupPayload {
        BackupPayload {
            format: CONTENTS_FORMAT.to_string(),
            record_schema_version: RECORD_SCHEMA_VERSION,
            created_at: created_at.to_string(),
            cases,
            profile,
        }
    }

    /// The contents as compact UTF-8 JSON, ready to encrypt.
    pub fn to_json_bytes(&self) -> Vec<u8> {
        // Records are strings, numbers, maps with string keys and jiff dates: they always serialise
        // (the store writes the same records as JSON).
        serde_json::to_vec(self).expect("records always serialise")
    }
}

impl CaseRecords {
    /// A case with none of its other records.
    pub fn new(case: CaseRecord) -> CaseRecords {
        CaseRecords {
            case,
            assessment: None,
            plan: None,
            signing: None,
        }
    }

    pub fn id(&self) -> &str {
        &self.case.id
    }

    /// "Alex Smith (CRN X123456)": how the officer knows the case.
    pub fn describe(&self) -> String {
        describe(&self.case.details.name, &self.case.details.crn)
    }

    /// The latest `updated_at` of the case's records (RFC 3339 compared as instants; text that is
    /// not one compares as text).
    pub fn changed_at(&self) -> &str {
        let mut latest = self.case.updated_at.as_str();
        let others = [
            self.assessment.as_ref().map(Record::updated_at),
            self.plan.as_ref().map(Record::updated_at),
            self.signing.as_ref().map(Record::updated_at),
        ];
        for at in others.into_iter().flatten() {
            if compare_times(at, latest).is_gt() {
                latest = at;
            }
        }
        latest
    }

    /// The same records with every `revision` set to 0: a revision counts writes in one browser,
    /// not a difference in the work.
    pub fn without_revisions(&self) -> CaseRecords {
        let mut records = self.clone();
        records.case.revision = 0;
        if let Some(record) = &mut records.assessment {
            record.revision = 0;
        }
        if let Some(record) = &mut records.plan {
            record.revision = 0;
        }
        if let Some(record) = &mut records.signing {
            record.revision = 0;
        }
        records
    }

    /// Whether both hold the same work (every record equal but for its revision).
    pub fn same_work(&self, other: &CaseRecords) -> bool {
        self.without_revisions() == other.without_revisions()
    }

    /// The first date of the case the workbook counts from that is not in 1900–2100, with words
    /// naming it ("the date of birth", "the target date of the goal … in version 2"): the case's dates, its
    /// next appointment, the plan's dates, significant changes, and the plan of each signed version.
    /// (Answers keep dates as typed, checked like any typed date.)
    pub fn date_outside_years(&self) -> Option<(String, Date)> {
        let mut dates: Vec<(String, Date)> = self
            .case
            .details
            .dates()
            .into_iter()
            .map(|(label, date)| (format!("the {}", lower_first(label)), date))
            .collect();
        if let Some(at) = self.case.next_appointment {
            dates.push(("the date of the next appointment".into(), at.date()));
        }
        if let Some(plan) = &self.plan {
            let plan_dates = plan.plan.dates().into_iter();
            dates.extend(plan_dates.map(|(what, date)| (format!("the {what}"), date)));
            for change in &plan.significant_changes {
                dates.push(("the date of a significant change".into(), change.date));
                if let Some(recorded) = change.recorded_on {
                    dates.push(("the day a significant change was recorded".into(), recorded));
                }
            }
        }
        if let Some(signing) = &self.signing {
            for version in &signing.signing.versions {
                let number = version.number;
                for (what, date) in version.snapshot.plan.dates() {
                    dates.push((format!("the {what} in version {number}"), date));
                }
            }
        }
        dates.into_iter().find(|(_, date)| !is_within_years(*date))
    }
}

/// "Alex Smith (CRN X123456)".
fn describe(name: &str, crn: &str) -> String {
    match (name.trim(), crn.trim()) {
        ("", "") => "a case with no name or CRN".to_string(),
        (name, "") => name.to_string(),
        ("", crn) => format!("CRN {crn}"),
        (name, crn) => format!("{name} (CRN {crn})"),
    }
}

/// Two RFC 3339 times in order; text that is not one compares as text.
pub fn compare_times(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => a.cmp(&b),
        _ => a.cmp(b),
    }
}

/// Groups every record of each store by its case (in the order of `cases`). A record whose case is
/// not among `cases` (its case record missing or unreadable) cannot be restored on its own, and is
/// named in the second list by its store and key, so the officer hears that it is left out.
pub fn group_records(
    cases: Vec<CaseRecord>,
    assessments: Vec<AssessmentRecord>,
    plans: Vec<PlanRecord>,
    signings: Vec<SigningRecord>,
) -> (Vec<CaseRecords>, Vec<(&'static str, String)>) {
    let mut grouped: Vec<CaseRecords> = cases.into_iter().map(CaseRecords::new).collect();
    let mut left_out = Vec::new();
    let index: std::collections::BTreeMap<String, usize> = grouped
        .iter()
        .enumerate()
        .map(|(position, records)| (records.case.id.clone(), position))
        .collect();
    for record in assessments {
        match index.get(&record.case_id) {
            Some(&at) => grouped[at].assessment = Some(record),
            None => left_out.push((AssessmentRecord::STORE, record.case_id)),
        }
    }
    for record in plans {
        match index.get(&record.case_id) {
            Some(&at) => grouped[at].plan = Some(record),
            None => left_out.push((PlanRecord::STORE, record.case_id)),
        }
    }
    for record in signings {
        match index.get(&record.case_id) {
            Some(&at) => grouped[at].signing = Some(record),
            None => left_out.push((SigningRecord::STORE, record.case_id)),
        }
    }
    (grouped, left_out)
}

fn contents(detail: impl Into<String>) -> BackupError {
    BackupError::Contents {
        detail: detail.into(),
    }
}

/// The schema version a record's JSON says it was written with (0 if it says nothing).
fn schema_version_of(value: &Value) -> u64 {
    value
        .get("schema_version")
        .and_then(Value::as_u64)
        .unwrap_or(0)
}

/// "Alex Smith (CRN X123456)", or "number 3 in the backup" when the case says neither.
fn describe_value(entry: &Value, index: usize) -> String {
    let text = |pointer: &str| {
        entry
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let (name, crn) = (text("/case/details/name"), text("/case/details/crn"));
    if name.trim().is_empty() && crn.trim().is_empty() {
        format!("number {} in the backup", index + 1)
    } else {
        describe(&name, &crn)
    }
}

/// The kinds of record a case entry holds, by field, with the words naming them.
const RECORD_FIELDS: [(&str, &str); 4] = [
    ("case", "case record"),
    ("assessment", "assessment"),
    ("plan", "sentence plan"),
    ("signing", "signed versions"),
];

/// A record's JSON read as this build reads a stored one: brought up to this layout first.
fn read_record<R: Record>(
    mut value: Value,
    case: &str,
    record: &'static str,
) -> Result<R, BackupError> {
    upgrade_stored_record(&mut value, R::ANSWERS, RECORD_SCHEMA_VERSION);
    serde_json::from_value(value).map_err(|error| BackupError::Record {
        case: case.to_string(),
        record,
        detail: json_error_detail(&error),
    })
}

/// An optional record of a case entry: absent or `null` is none.
fn optional<R: Record>(
    entry: &mut serde_json::Map<String, Value>,
    field: &str,
    case: &str,
    record: &'static str,
) -> Result<Option<R>, BackupError> {
    match entry.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => read_record(value, case, record).map(Some),
    }
}

/// Reads a backup's unlocked contents: refused whole if any of it was written by a newer build, a
/// record cannot be read, a case appears twice, a record is filed under another case, or a case
/// holds a date outside 1900–2100. Older records are brought up to this build's layout, and the
/// contents come back as this build would have written them.
pub fn read_payload(bytes: &[u8]) -> Result<BackupPayload, BackupError> {
    let text = std::str::from_utf8(bytes).map_err(|_| contents("they are not text"))?;
    let value: Value = serde_json::from_str(text).map_err(|error| {
        contents(format!(
            "they are not valid JSON ({})",
            json_error_detail(&error)
        ))
    })?;
    let Value::Object(mut fields) = value else {
        return Err(contents("they are not a backup's contents"));
    };
    if fields.get("format").and_then(Value::as_str) != Some(CONTENTS_FORMAT) {
        return Err(contents("they are not a backup's contents"));
    }
    match fields.get("record_schema_version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(RECORD_SCHEMA_VERSION) => {
            return Err(BackupError::NewerRecords {
                what: format!(
                    "record layout {version}, and this version reads up to {RECORD_SCHEMA_VERSION}"
                ),
            })
        }
        Some(_) => {}
        None => return Err(contents("they do not say their record layout")),
    }
    let Some(Value::String(created_at)) = fields.remove("created_at") else {
        return Err(contents("they do not say when the backup was made"));
    };
    let Some(Value::Array(entries)) = fields.remove("cases") else {
        return Err(contents("they hold no list of cases"));
    };
    let profile = fields.remove("profile").unwrap_or(Value::Null);

    // Anything of a newer build refuses the whole backup, before any record is read.
    for (index, entry) in entries.iter().enumerate() {
        for (field, record) in RECORD_FIELDS {
            if entry
                .get(field)
                .is_some_and(|value| schema_version_of(value) > u64::from(RECORD_SCHEMA_VERSION))
            {
                return Err(BackupError::NewerRecords {
                    what: format!(
                        "the {record} of the case of {}",
                        describe_value(entry, index)
                    ),
                });
            }
        }
    }
    if schema_version_of(&profile) > u64::from(RECORD_SCHEMA_VERSION) {
        return Err(BackupError::NewerRecords {
            what: "your profile".to_string(),
        });
    }

    let mut cases = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        let described = describe_value(&entry, index);
        let Value::Object(mut entry) = entry else {
            return Err(BackupError::Record {
                case: described,
                record: "records",
                detail: "they are not a case's records".to_string(),
            });
        };
        let Some(case) = entry.remove("case") else {
            return Err(BackupError::Record {
                case: described,
                record: "case record",
                detail: "it is missing".to_string(),
            });
        };
        let case: CaseRecord = read_record(case, &described, "case record")?;
        let records = CaseRecords {
            assessment: optional(&mut entry, "assessment", &described, "assessment")?,
            plan: optional(&mut entry, "plan", &described, "sentence plan")?,
            signing: optional(&mut entry, "signing", &described, "signed versions")?,
            case,
        };
        cases.push(records);
    }
    let profile = match profile {
        Value::Null => None,
        value => {
            let mut value = value;
            upgrade_stored_record(&mut value, ProfileRecord::ANSWERS, RECORD_SCHEMA_VERSION);
            Some(
                serde_json::from_value::<ProfileRecord>(value).map_err(|error| {
                    contents(format!(
                        "your profile cannot be read ({})",
                        json_error_detail(&error)
                    ))
                })?,
            )
        }
    };
    check_cases(&cases)?;
    Ok(BackupPayload {
        format: CONTENTS_FORMAT.to_string(),
        record_schema_version: RECORD_SCHEMA_VERSION,
        created_at,
        cases,
        profile,
    })
}

/// Every case once, with an id, its records filed under it, and its dates within 1900–2100.
fn check_cases(cases: &[CaseRecords]) -> Result<(), BackupError> {
    let mut ids = BTreeSet::new();
    for records in cases {
        let case = records.describe();
        if records.case.id.trim().is_empty() {
            return Err(BackupError::Record {
                case,
                record: "case record",
                detail: "it has no id".to_string(),
            });
        }
        if !ids.insert(records.case.id.as_str()) {
            return Err(BackupError::DuplicateCase { case });
        }
        let filed_under = [
            (
                "assessment",
                records.assessment.as_ref().map(|r| &r.case_id),
            ),
            ("sentence plan", records.plan.as_ref().map(|r| &r.case_id)),
            (
                "signed versions",
                records.signing.as_ref().map(|r| &r.case_id),
            ),
        ];
        for (record, case_id) in filed_under {
            if case_id.is_some_and(|id| *id != records.case.id) {
                return Err(BackupError::MismatchedRecord { case, record });
            }
        }
        if let Some((field, date)) = records.date_outside_years() {
            return Err(BackupError::DateOutsideYears {
                case,
                field,
                date: format_long(date),
            });
        }
    }
    Ok(())
}
