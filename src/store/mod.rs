//! Persistence only: the IndexedDB schema, its versioned migrations, and reading and writing records.
//!
//! ```ignore
//! let store = Store::open(DATABASE_NAME).await?;
//! store.put_case(&record).await?;
//! ```

mod records;

pub use records::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, SigningRecord, RECORD_SCHEMA_VERSION,
};

use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

/// The database the app uses for live work; tests open others by name.
pub const DATABASE_NAME: &str = "probation-workbook";
/// The practice space's own database: sample cases never share storage with live work.
pub const PRACTICE_DATABASE_NAME: &str = "probation-workbook-practice";
/// The IndexedDB version this build expects; `migrate` brings any older database up to it.
pub const DATABASE_VERSION: u32 = 3;

pub const CASES: &str = "cases";
pub const ASSESSMENTS: &str = "assessments";
pub const PLANS: &str = "plans";
pub const SIGNING: &str = "signing";
pub const SETTINGS: &str = "settings";
/// The key of the officer's profile in `SETTINGS`.
const PROFILE_KEY: &str = "profile";

/// A storage failure, worded for the officer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("This browser could not open its storage ({0}). Your work cannot be saved: check that the browser is not in private mode and has free disk space.")]
    Open(String),
    #[error("Could not save ({0}). Your answer is still on screen; it will be saved again with your next change.")]
    Write(String),
    #[error("Could not read saved work ({0}).")]
    Read(String),
}

fn open_error(error: impl std::fmt::Display) -> StoreError {
    StoreError::Open(error.to_string())
}
fn write_error(error: impl std::fmt::Display) -> StoreError {
    StoreError::Write(error.to_string())
}
fn read_error(error: impl std::fmt::Display) -> StoreError {
    StoreError::Read(error.to_string())
}

/// Applies every schema step from `old_version` up to `DATABASE_VERSION`, one version at a time,
/// so a database of any age reaches the current layout. Version 1: cases and assessments;
/// version 2: plans; version 3: signing (versions, comments, timeline) and settings (the profile).
fn migrate(event: VersionChangeEvent, db: Database) -> indexed_db_futures::Result<()> {
    let old_version = event.old_version() as u32;
    for version in (old_version + 1)..=DATABASE_VERSION {
        match version {
            1 => {
                db.create_object_store(CASES).build()?;
                db.create_object_store(ASSESSMENTS).build()?;
            }
            2 => {
                db.create_object_store(PLANS).build()?;
            }
            3 => {
                db.create_object_store(SIGNING).build()?;
                db.create_object_store(SETTINGS).build()?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Records turned into JSON values, so one function can write records of different types.
mod erased {
    pub trait Serialize {
        fn to_json(&self) -> Result<serde_json::Value, serde_json::Error>;
    }

    impl<T: serde::Serialize> Serialize for T {
        fn to_json(&self) -> Result<serde_json::Value, serde_json::Error> {
            serde_json::to_value(self)
        }
    }
}

/// An open connection to one workbook database.
#[derive(Debug, Clone)]
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens (creating or upgrading as needed) the database with this name.
    pub async fn open(name: &str) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DATABASE_VERSION)
            .with_on_upgrade_needed(migrate)
            .await
            .map_err(open_error)?;
        Ok(Store { db })
    }

    pub fn version(&self) -> u32 {
        self.db.version() as u32
    }

    pub fn object_store_names(&self) -> Vec<String> {
        self.db.object_store_names().collect()
    }

    /// Closes the connection; other connections can then upgrade or delete the database.
    pub fn close(self) {
        self.db.close();
    }

    /// Closes the connection and deletes the whole database (used by tests).
    pub async fn delete(self) -> Result<(), StoreError> {
        self.db
            .delete()
            .map_err(write_error)?
            .await
            .map_err(write_error)
    }

    async fn put<T: serde::Serialize>(
        &self,
        store_name: &str,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        let transaction = self
            .db
            .transaction(store_name)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = transaction.object_store(store_name).map_err(write_error)?;
        store
            .put(value)
            .with_key(key.to_string())
            .serde()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        transaction.commit().await.map_err(write_error)
    }

    async fn get<T: serde::de::DeserializeOwned>(
        &self,
        store_name: &str,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let transaction = self
            .db
            .transaction(store_name)
            .build()
            .map_err(read_error)?;
        let store = transaction.object_store(store_name).map_err(read_error)?;
        store
            .get(key.to_string())
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)
    }

    pub async fn put_case(&self, case: &CaseRecord) -> Result<(), StoreError> {
        self.put(CASES, &case.id, case).await
    }

    pub async fn case(&self, id: &str) -> Result<Option<CaseRecord>, StoreError> {
        self.get(CASES, id).await
    }

    /// Every record of one object store, in key order.
    async fn all<T: serde::de::DeserializeOwned>(
        &self,
        store_name: &str,
    ) -> Result<Vec<T>, StoreError> {
        let transaction = self
            .db
            .transaction(store_name)
            .build()
            .map_err(read_error)?;
        let store = transaction.object_store(store_name).map_err(read_error)?;
        store
            .get_all::<T>()
            .serde()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(read_error)
    }

    /// Every case, newest first.
    pub async fn cases(&self) -> Result<Vec<CaseRecord>, StoreError> {
        let mut cases: Vec<CaseRecord> = self.all(CASES).await?;
        cases.sort_by(|a, b| b.created_at.cmp(&a.created_at));
        Ok(cases)
    }

    /// Every assessment draft, for the caseload (one read, however many cases).
    pub async fn assessments(&self) -> Result<Vec<AssessmentRecord>, StoreError> {
        self.all(ASSESSMENTS).await
    }

    /// Every plan record, for the caseload.
    pub async fn plans(&self) -> Result<Vec<PlanRecord>, StoreError> {
        self.all(PLANS).await
    }

    /// Every case's signing record, for the caseload.
    pub async fn signings(&self) -> Result<Vec<SigningRecord>, StoreError> {
        self.all(SIGNING).await
    }

    pub async fn put_assessment(&self, assessment: &AssessmentRecord) -> Result<(), StoreError> {
        self.put(ASSESSMENTS, &assessment.case_id, assessment).await
    }

    pub async fn assessment(&self, case_id: &str) -> Result<Option<AssessmentRecord>, StoreError> {
        self.get(ASSESSMENTS, case_id).await
    }

    pub async fn put_plan(&self, plan: &PlanRecord) -> Result<(), StoreError> {
        self.put(PLANS, &plan.case_id, plan).await
    }

    pub async fn plan(&self, case_id: &str) -> Result<Option<PlanRecord>, StoreError> {
        self.get(PLANS, case_id).await
    }

    pub async fn put_signing(&self, signing: &SigningRecord) -> Result<(), StoreError> {
        self.put(SIGNING, &signing.case_id, signing).await
    }

    pub async fn signing(&self, case_id: &str) -> Result<Option<SigningRecord>, StoreError> {
        self.get(SIGNING, case_id).await
    }

    /// A small setting or record of the app's own under `key` in the settings store.
    pub async fn put_setting<T: serde::Serialize>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        self.put(SETTINGS, key, value).await
    }

    pub async fn setting<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        self.get(SETTINGS, key).await
    }

    pub async fn put_profile(&self, profile: &ProfileRecord) -> Result<(), StoreError> {
        self.put(SETTINGS, PROFILE_KEY, profile).await
    }

    pub async fn profile(&self) -> Result<Option<ProfileRecord>, StoreError> {
        self.get(SETTINGS, PROFILE_KEY).await
    }

    /// Writes an imported case whole, in one transaction: either every record is written or, if
    /// anything fails, none is, so a failed import changes nothing.
    pub async fn import_case(
        &self,
        case: &CaseRecord,
        assessment: Option<&AssessmentRecord>,
        plan: Option<&PlanRecord>,
        signing: &SigningRecord,
    ) -> Result<(), StoreError> {
        let transaction = self
            .db
            .transaction([CASES, ASSESSMENTS, PLANS, SIGNING])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let put = |store_name: &str, key: &str, value: serde_json::Value| {
            let store = transaction.object_store(store_name).map_err(write_error)?;
            store
                .put(value)
                .with_key(key.to_string())
                .serde()
                .map_err(write_error)
                .map(|request| (store, request))
        };
        let value = |record: &dyn erased::Serialize| record.to_json().map_err(write_error);
        let mut requests = Vec::new();
        requests.push(put(CASES, &case.id, value(case)?)?);
        if let Some(assessment) = assessment {
            requests.push(put(ASSESSMENTS, &case.id, value(assessment)?)?);
        }
        if let Some(plan) = plan {
            requests.push(put(PLANS, &case.id, value(plan)?)?);
        }
        requests.push(put(SIGNING, &case.id, value(signing)?)?);
        for (_, request) in requests {
            request.await.map_err(write_error)?;
        }
        transaction.commit().await.map_err(write_error)
    }
}
