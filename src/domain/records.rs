//! The record layouts the workbook keeps: what is written to IndexedDB and what a backup holds.
//! Every record carries its own `schema_version`, so a later migration can tell old records from
//! new ones. Pure serde types, so that a backup can be read (and tested) natively; `crate::store`
//! re-exports everything here.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;
use crate::domain::closure::{CaseClosure, Retention};
use crate::domain::photo::CasePhoto;
use crate::domain::plan::{AgreementForm, GoalForm, SentencePlan, StepForm};
use crate::domain::questionnaire::migrate::{StoredAnswers, ANSWER_CODES_BY_RECORD_VERSION};
use crate::domain::reviews::{ReviewSettings, SignificantChange};
use crate::domain::signing::{CaseSigning, OfficerContact, Profile};

/// The record layout this build writes. Version 2 added `completed_sections` to assessments (a
/// version 1 record reads with none completed); version 3 added `next_appointment` to cases (older
/// records read with none set); version 4 added `revision` to every record (older records read as
/// revision 0); version 5 keeps answers under the item codes of issue 13 (section 2 and the "linked
/// to" judgements of sections 2 and 4 as OASys numbers them): an older assessment draft, and every
/// signed version of an older signing record, is migrated as it is read
/// (`questionnaire::migrate::upgrade_stored_record`), and reads as version 5 from then on. Version 6
/// keeps each signed version's signed events (`SignedVersion::signatures`, issue 15): a version 5
/// build would read them as absent and drop them when it next saved, so it must not write over a
/// version 6 record. Version 7 adds a case's `closure` (issue 19: a closed case is read-only) and
/// `photo`, and the officer's `contact` on the profile: a version 6 build would drop them, reopening the case.
/// Version 8 adds the case's `main_offence`, the assessment's `carried_forward` sections, and a
/// version's review details and the "transfer" purpose (issue 20): a version 7 build would drop them.
/// Version 9 adds comment threads: replies and resolutions (`Comment::reply_to`, `resolves`) and the
/// officer's `reply_drafts` (issue 20): a version 8 build would read a reply as a senior's comment.
/// Version 10 adds comments on single questions (`CommentTarget::Item`, issue 20): a version 9 build
/// cannot read them.
/// A build never writes over a record of a newer version than this.
pub const RECORD_SCHEMA_VERSION: u32 = 10;

/// The object stores, one per kind of record, each keyed by the case id (the settings store by
/// setting: [`PROFILE_KEY`] and others).
pub const CASES: &str = "cases";
pub const ASSESSMENTS: &str = "assessments";
pub const PLANS: &str = "plans";
pub const SIGNING: &str = "signing";
pub const SETTINGS: &str = "settings";
/// The four stores holding a case's records, each under the case id.
pub const CASE_STORES: [&str; 4] = [CASES, ASSESSMENTS, PLANS, SIGNING];
/// The key of the officer's profile in `SETTINGS`.
pub const PROFILE_KEY: &str = "profile";

// Each record version says which item codes its answers are under: a new version adds its row there.
const _: () = assert!(
    ANSWER_CODES_BY_RECORD_VERSION[ANSWER_CODES_BY_RECORD_VERSION.len() - 1].0
        == RECORD_SCHEMA_VERSION,
    "add the new record version to questionnaire::migrate::ANSWER_CODES_BY_RECORD_VERSION"
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub id: String,
    pub details: CaseDetails,
    /// The next appointment with the person, if one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_appointment: Option<jiff::civil::DateTime>,
    /// Set once the case is closed (version 7): it leaves the caseload and is read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closure: Option<CaseClosure>,
    /// An optional photo of the person (version 7), made smaller in the browser: in backups, never
    /// in a package, in an export only when asked (`SentencePlanExport::with_photo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<CasePhoto>,
    /// RFC 3339 timestamps.
    pub created_at: String,
    pub updated_at: String,
}

/// The draft assessment of a case, saved whole after every answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub case_id: String,
    pub answers: Answers,
    /// The section the officer was last in, to bring them back to it.
    pub last_section: Option<String>,
    /// Sections the officer answered "Yes" to "Have you completed this section?".
    #[serde(default)]
    pub completed_sections: BTreeSet<String>,
    /// Sections a review carried forward from the signed version and nobody has checked yet (record
    /// version 8): "Carried forward — check" on the task list, not completed until the officer
    /// confirms them unchanged or changes them and completes them again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub carried_forward: BTreeSet<String>,
    pub updated_at: String,
}

impl AssessmentRecord {
    pub fn new(case_id: &str) -> Self {
        Self {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            case_id: case_id.to_string(),
            answers: Answers::default(),
            last_section: None,
            completed_sections: BTreeSet::new(),
            carried_forward: BTreeSet::new(),
            updated_at: String::new(),
        }
    }

    /// A review starts: every completed section is carried forward, to be checked again.
    pub fn carry_forward(&mut self) {
        self.carried_forward
            .extend(std::mem::take(&mut self.completed_sections));
    }

    /// The answer to "Have you completed this section?" (or "This section is unchanged", which is
    /// a yes): either way the section has been looked at, so it is no longer carried forward.
    pub fn mark_completed(&mut self, section: &str, completed: bool) {
        self.carried_forward.remove(section);
        if completed {
            self.completed_sections.insert(section.to_string());
        } else {
            self.completed_sections.remove(section);
        }
    }

    /// An answer to item `code` (a top-level code: a repeating group's for its entries) changed:
    /// its section, if carried forward, is being worked on again ("In progress" until completed).
    pub fn answered(&mut self, code: &str) {
        if self.carried_forward.is_empty() {
            return;
        }
        if let Some((section, _)) = crate::domain::questionnaire::find_item(code) {
            self.carried_forward.remove(section.id);
        }
    }
}

/// A case's sentence plan and everything around it, saved whole after every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub case_id: String,
    pub plan: SentencePlan,
    #[serde(default)]
    pub review_settings: ReviewSettings,
    /// Each "record a significant change", which makes a review due on its date.
    #[serde(default)]
    pub significant_changes: Vec<SignificantChange>,
    /// Suggested goals the officer dismissed, by their text.
    #[serde(default)]
    pub dismissed_suggestions: Vec<String>,
    /// The goal being added or changed, as typed, until it is saved to the plan.
    #[serde(default)]
    pub goal_form: Option<GoalForm>,
    /// The "add a step" form under each goal, as typed.
    #[serde(default)]
    pub step_forms: BTreeMap<String, StepForm>,
    /// The person's agreement, as typed, until it is recorded.
    #[serde(default)]
    pub agreement_form: AgreementForm,
    pub updated_at: String,
}

impl PlanRecord {
    pub fn new(case_id: &str) -> Self {
        Self {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            case_id: case_id.to_string(),
            plan: SentencePlan::default(),
            review_settings: ReviewSettings::default(),
            significant_changes: Vec::new(),
            dismissed_suggestions: Vec::new(),
            goal_form: None,
            step_forms: BTreeMap::new(),
            agreement_form: AgreementForm::default(),
            updated_at: String::new(),
        }
    }
}

/// A case's signed versions, comments and timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SigningRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub case_id: String,
    pub signing: CaseSigning,
    /// A senior's comments as typed, by section id or goal id ("" for the general comment), until
    /// the decision is recorded.
    #[serde(default)]
    pub comment_drafts: BTreeMap<String, String>,
    /// The officer's replies to comments as typed, by the comment's `CommentRef::key`, until they
    /// are signed with the next version (record layout 9).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub reply_drafts: BTreeMap<String, String>,
    pub updated_at: String,
}

impl SigningRecord {
    /// A case's signing record before anything was signed: a timeline of its creation only.
    pub fn new(case_id: &str, case_created_at: &str) -> Self {
        Self {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            case_id: case_id.to_string(),
            signing: CaseSigning::new(case_created_at, None),
            comment_drafts: BTreeMap::new(),
            reply_drafts: BTreeMap::new(),
            updated_at: String::new(),
        }
    }
}

/// Who is using this browser: their name and grade, for signing and countersigning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub profile: Profile,
    /// The officer's phone, email and office, for the printed plan (version 7; older profiles
    /// read with none).
    #[serde(default, skip_serializing_if = "OfficerContact::is_empty")]
    pub contact: OfficerContact,
    pub updated_at: String,
}

/// A kind of record kept in one object store under one key, written only through `Store::update`
/// (read the stored copy, apply the change, put, commit, in one transaction).
pub trait Record: Serialize + serde::de::DeserializeOwned + Clone + 'static {
    /// The object store it lives in.
    const STORE: &'static str;
    /// Where it keeps answers, for moving an older record's answers to today's item codes.
    const ANSWERS: StoredAnswers;
    fn revision(&self) -> u64;
    /// The record layout it was written with (newer than `RECORD_SCHEMA_VERSION`: a newer build).
    fn schema_version(&self) -> u32;
    fn updated_at(&self) -> &str;
    /// Marks the record as written now by this build, with its next revision.
    fn stamp(&mut self, revision: u64, at: &str);
}

/// Implements [`Record`] for a record type with `revision`, `schema_version` and `updated_at` fields,
/// kept in object store `$store` with its answers (if any) where `$answers` says.
macro_rules! record_in {
    ($record:ty, $store:expr, $answers:expr) => {
        impl $crate::domain::records::Record for $record {
            const STORE: &'static str = $store;
            const ANSWERS: $crate::domain::questionnaire::migrate::StoredAnswers = $answers;
            fn revision(&self) -> u64 {
                self.revision
            }
            fn schema_version(&self) -> u32 {
                self.schema_version
            }
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
            fn stamp(&mut self, revision: u64, at: &str) {
                self.revision = revision;
                self.schema_version = $crate::domain::records::RECORD_SCHEMA_VERSION;
                self.updated_at = at.to_string();
            }
        }
    };
}
pub(crate) use record_in;

record_in!(CaseRecord, CASES, StoredAnswers::None);
record_in!(AssessmentRecord, ASSESSMENTS, StoredAnswers::Draft);
record_in!(PlanRecord, PLANS, StoredAnswers::None);
record_in!(SigningRecord, SIGNING, StoredAnswers::SignedVersions);
record_in!(ProfileRecord, SETTINGS, StoredAnswers::None);

/// The key of the team list in `SETTINGS`.
pub const TEAM_KEY: &str = "team";

/// The people whose signatures this officer trusts (`domain::keys::Team`), kept in this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub team: crate::domain::keys::Team,
    pub updated_at: String,
}

impl Default for TeamRecord {
    fn default() -> Self {
        TeamRecord {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            team: crate::domain::keys::Team::default(),
            updated_at: String::new(),
        }
    }
}

record_in!(TeamRecord, SETTINGS, StoredAnswers::None);

/// The key of the retention setting in `SETTINGS`.
pub const RETENTION_KEY: &str = "retention";

/// How long closed cases are kept before they may be deleted (`domain::closure::Retention`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRecord {
    pub schema_version: u32,
    /// Rises by one with every write, so a tab can tell a newer copy from its own.
    #[serde(default)]
    pub revision: u64,
    pub retention: Retention,
    pub updated_at: String,
}

impl Default for RetentionRecord {
    fn default() -> Self {
        RetentionRecord {
            schema_version: RECORD_SCHEMA_VERSION,
            revision: 0,
            retention: Retention::default(),
            updated_at: String::new(),
        }
    }
}

record_in!(RetentionRecord, SETTINGS, StoredAnswers::None);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_carries_every_completed_section_forward_until_it_is_checked_or_changed() {
        let mut record = AssessmentRecord::new("case-1");
        for section in ["1", "3", "9"] {
            record.mark_completed(section, true);
        }
        record.carry_forward();
        assert!(
            record.completed_sections.is_empty(),
            "none is completed until checked"
        );
        assert_eq!(
            record.carried_forward.iter().collect::<Vec<_>>(),
            ["1", "3", "9"]
        );
        // Confirmed unchanged: completed again.
        record.mark_completed("3", true);
        assert!(record.completed_sections.contains("3"));
        assert!(!record.carried_forward.contains("3"));
        // Changed: worked on again, in progress until completed.
        record.answered("9.1");
        assert!(!record.carried_forward.contains("9"));
        assert!(!record.completed_sections.contains("9"));
        // An answer in an entry of 1.1 counts for section 1; an unknown code changes nothing.
        record.answered("nonsense");
        assert!(record.carried_forward.contains("1"));
        record.answered("1.1");
        assert!(record.carried_forward.is_empty());
        // Stored without the field when empty, so older records read and write as before.
        let json = serde_json::to_value(&record).unwrap();
        assert!(json.get("carried_forward").is_none());
    }

    #[test]
    fn carried_sections_show_as_carried_forward_and_are_not_counted_completed() {
        use crate::domain::progress::{completed_count, statuses_in_review, SectionStatus};
        let mut record = AssessmentRecord::new("case-1");
        record
            .answers
            .set("3.3", crate::domain::answers::Answer::Choice("yes".into()));
        record.mark_completed("3", true);
        record.carry_forward();
        let all = statuses_in_review(
            &record.answers,
            &record.completed_sections,
            &record.carried_forward,
            None,
        );
        let accommodation = all.iter().find(|(section, _)| section.id == "3").unwrap();
        assert_eq!(accommodation.1, SectionStatus::CarriedForward);
        assert_eq!(accommodation.1.label(), "Carried forward — check");
        assert_eq!(completed_count(&all).0, 0);
    }
}
