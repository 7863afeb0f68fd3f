//! Persistence only: the IndexedDB schema, its versioned migrations, and reading and writing records.
//!
//! ```ignore
//! let store = Store::open(DATABASE_NAME).await?;
//! store.put_case(&record).await?;
//! ```

mod backup;
pub mod crypto;
pub mod identity;
pub mod notices;
pub mod replica;
pub mod tab_lock;

// The record layouts are pure domain types (so a backup can be read natively); every
// `crate::store::X` path to them keeps working.
pub use crate::domain::records::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, Record, RetentionRecord,
    SigningRecord, TeamRecord, ASSESSMENTS, CASES, CASE_STORES, PLANS, PROFILE_KEY,
    RECORD_SCHEMA_VERSION, RETENTION_KEY, SETTINGS, SIGNING, TEAM_KEY,
};

use crate::domain::questionnaire::migrate::upgrade_stored_record;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

/// The database the app uses for live work; tests open others by name.
pub const DATABASE_NAME: &str = "probation-workbook";
/// The practice space's own database: sample cases never share storage with live work.
pub const PRACTICE_DATABASE_NAME: &str = "probation-workbook-practice";
/// The IndexedDB version this build expects; `migrate` brings any older database up to it.
pub const DATABASE_VERSION: u32 = 5;
/// This officer's own keys (`identity`): WebCrypto `CryptoKey` objects, never in a backup.
pub const KEYS: &str = "keys";

/// A storage failure, worded for the officer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("This browser could not open its storage ({0}). Your work cannot be saved: check that the browser is not in private mode and has free disk space.")]
    Open(String),
    #[error("Could not save ({0}).")]
    Write(String),
    #[error("Could not read saved work ({0}).")]
    Read(String),
    /// The stored record was written by a newer build: this tab must not write over it.
    #[error("The workbook was updated in another tab. Reload this tab to keep working: this tab has stopped saving so that it cannot overwrite newer work.")]
    Newer,
    /// A newer build asked for the database: this tab closed its connection.
    #[error("The workbook was updated in another tab. Reload this tab to keep working: this tab has stopped saving so that it cannot overwrite newer work.")]
    Closed,
    /// This build needs a newer database layout, and a tab of an older build still holds it open.
    #[error("The workbook has been updated, but another tab of it is still open on the older version. Close or reload the other tabs of the workbook to carry on.")]
    Blocked,
    #[error("There is no {0} to change in this browser.")]
    Missing(&'static str),
    /// Only a closed case is deleted.
    #[error("This case is not closed, so it was not deleted: close it first.")]
    NotClosed,
}

impl StoreError {
    /// Whether this tab must stop writing altogether (a newer build owns the data now).
    pub fn is_version_skew(&self) -> bool {
        matches!(self, StoreError::Newer | StoreError::Closed)
    }
}

/// A stored record that could not be read, listed by its key so the officer can say which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub store: &'static str,
    pub id: String,
    pub reason: String,
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
/// version 2: plans; version 3: signing (versions, comments, timeline) and settings (the profile);
/// version 4: keys (this officer's own signing and encryption keys); version 5: the team's synced
/// documents, their change log and replication logs (`replica`).
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
            4 => {
                db.create_object_store(KEYS).build()?;
            }
            5 => {
                db.create_object_store(replica::SYNC_DOCUMENTS).build()?;
                db.create_object_store(replica::SYNC_CHANGES).build()?;
                db.create_object_store(replica::SYNC_LOGS).build()?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// The schema version a stored value says it was written with (0 if it says nothing).
fn stored_schema_version(value: &serde_json::Value) -> u64 {
    value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0)
}

/// The revision a stored value says it is at (0 if it says nothing).
pub fn stored_revision(value: &serde_json::Value) -> u64 {
    value
        .get("revision")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0)
}

/// The value under `key` as JSON, not yet read as a record; a failure is `as_error` (a read, or a
/// write about to replace the value).
async fn stored_value(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: &str,
    as_error: fn(String) -> StoreError,
) -> Result<Option<serde_json::Value>, StoreError> {
    let failed = |error: indexed_db_futures::error::Error| as_error(error.to_string());
    store
        .get(key.to_string())
        .serde()
        .map_err(failed)?
        .await
        .map_err(failed)
}

/// Puts `value` under `key` in `store`, within the transaction the store belongs to.
async fn put_value<T: serde::Serialize>(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: &str,
    value: &T,
) -> Result<(), StoreError> {
    store
        .put(value)
        .with_key(key.to_string())
        .serde()
        .map_err(write_error)?
        .await
        .map(|_| ())
        .map_err(write_error)
}

/// Reads a stored value as a record of this build, as far as this build understands it: a record of
/// an older layout is brought up to this one first (its answers moved to today's item codes).
fn upgrade_and_read<R: Record>(mut value: serde_json::Value) -> Result<R, StoreError> {
    upgrade_stored_record(&mut value, R::ANSWERS, RECORD_SCHEMA_VERSION);
    serde_json::from_value(value).map_err(read_error)
}

/// Reads a stored value as a record of this build, refusing one written by a newer build.
fn read_record<R: Record>(value: serde_json::Value) -> Result<R, StoreError> {
    if stored_schema_version(&value) > u64::from(RECORD_SCHEMA_VERSION) {
        return Err(StoreError::Newer);
    }
    upgrade_and_read(value)
}

/// Replaces the record under `key` whole, inside `transaction` (which must cover `R::STORE`), for a
/// write of records from elsewhere (an import, a restore): it takes the next revision after both
/// the stored copy's and its own (so other tabs take it), keeps its own `updated_at`, and is never
/// put over a record written by a newer build (`StoreError::Newer`; dropping the transaction then
/// writes nothing of it). Returns the revision written.
async fn replace<R: Record>(
    transaction: &indexed_db_futures::transaction::Transaction<'_>,
    key: &str,
    record: &R,
) -> Result<u64, StoreError> {
    let store = transaction.object_store(R::STORE).map_err(write_error)?;
    let previous = match stored_value(&store, key, StoreError::Write).await? {
        Some(value) if stored_schema_version(&value) > u64::from(RECORD_SCHEMA_VERSION) => {
            return Err(StoreError::Newer)
        }
        Some(value) => stored_revision(&value),
        None => 0,
    };
    let mut record = record.clone();
    let revision = previous.max(record.revision()) + 1;
    let at = record.updated_at().to_string();
    record.stamp(revision, &at);
    put_value(&store, key, &record).await?;
    Ok(revision)
}

/// Replaces a case's records whole inside `transaction` (which must cover the four case stores),
/// each under the case's id (see [`replace`]); a record given as `None` is left as it is. Returns
/// what was written, `(store, key, revision)`, to announce once the transaction commits.
async fn replace_case(
    transaction: &indexed_db_futures::transaction::Transaction<'_>,
    case: &CaseRecord,
    assessment: Option<&AssessmentRecord>,
    plan: Option<&PlanRecord>,
    signing: Option<&SigningRecord>,
) -> Result<Vec<(&'static str, String, u64)>, StoreError> {
    let key = case.id.as_str();
    let mut written = vec![(
        CASES,
        key.to_string(),
        replace(transaction, key, case).await?,
    )];
    if let Some(assessment) = assessment {
        let revision = replace(transaction, key, assessment).await?;
        written.push((ASSESSMENTS, key.to_string(), revision));
    }
    if let Some(plan) = plan {
        written.push((
            PLANS,
            key.to_string(),
            replace(transaction, key, plan).await?,
        ));
    }
    if let Some(signing) = signing {
        written.push((
            SIGNING,
            key.to_string(),
            replace(transaction, key, signing).await?,
        ));
    }
    Ok(written)
}

/// Deletes every record of these cases from the four case stores inside `transaction` (which must
/// cover them); with `keep_newer`, refuses (`StoreError::Newer`) if a newer build wrote one. Returns
/// what was deleted, `(store, key, revision)`, to announce once the transaction commits.
async fn delete_records(
    transaction: &indexed_db_futures::transaction::Transaction<'_>,
    ids: &[String],
    keep_newer: bool,
) -> Result<Vec<(&'static str, String, u64)>, StoreError> {
    let mut deleted = Vec::new();
    for name in CASE_STORES {
        let store = transaction.object_store(name).map_err(write_error)?;
        for id in ids {
            let Some(value) = stored_value(&store, id, StoreError::Write).await? else {
                continue;
            };
            if keep_newer && stored_schema_version(&value) > u64::from(RECORD_SCHEMA_VERSION) {
                return Err(StoreError::Newer);
            }
            let revision = stored_revision(&value);
            store
                .delete(id.to_string())
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
            deleted.push((name, id.clone(), revision.saturating_add(1)));
        }
    }
    Ok(deleted)
}

/// Every key of `store` and every value, in key order, each read on its own (`Err` where one could
/// not be).
#[allow(clippy::type_complexity)]
async fn keys_and_values(
    transaction: &indexed_db_futures::transaction::Transaction<'_>,
    store: &str,
) -> Result<
    (
        Vec<Result<String, indexed_db_futures::error::Error>>,
        Vec<Result<serde_json::Value, indexed_db_futures::error::Error>>,
    ),
    StoreError,
> {
    let store = transaction.object_store(store).map_err(read_error)?;
    let keys = store
        .get_all_keys::<String>()
        .primitive()
        .map_err(read_error)?
        .await
        .map_err(read_error)?
        .collect();
    let values = store
        .get_all::<serde_json::Value>()
        .serde()
        .map_err(read_error)?
        .await
        .map_err(read_error)?
        .collect();
    Ok((keys, values))
}

/// Every record of `R::STORE` inside `transaction`, each read on its own: one that cannot be read
/// is listed by its key in the second list, and never hides the others.
async fn read_all<R: Record>(
    transaction: &indexed_db_futures::transaction::Transaction<'_>,
) -> Result<(Vec<R>, Vec<Unreadable>), StoreError> {
    let (keys, values) = keys_and_values(transaction, R::STORE).await?;
    let mut records = Vec::new();
    let mut unreadable = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        let id = match keys.get(index) {
            Some(Ok(key)) => key.clone(),
            _ => format!("number {}", index + 1),
        };
        let read = value
            .map_err(|error| error.to_string())
            .and_then(|value| read_record::<R>(value).map_err(unreadable_reason));
        match read {
            Ok(record) => records.push(record),
            Err(reason) => unreadable.push(Unreadable {
                store: R::STORE,
                id,
                reason,
            }),
        }
    }
    Ok((records, unreadable))
}

/// Why a record could not be read, for the list of unreadable records.
fn unreadable_reason(error: StoreError) -> String {
    match error {
        StoreError::Read(reason) => reason,
        StoreError::Newer => {
            "saved by a newer version of the workbook: reload this tab".to_string()
        }
        other => other.to_string(),
    }
}

/// An open connection to one workbook database.
#[derive(Debug, Clone)]
pub struct Store {
    db: Database,
    name: String,
}

impl Store {
    /// Opens (creating or upgrading as needed) the database with this name.
    pub async fn open(name: &str) -> Result<Store, StoreError> {
        Self::open_watched(name, || {}).await
    }

    /// Opens the database; `on_blocked` runs while an older tab holds it open and keeps the
    /// upgrade this build needs from happening.
    pub async fn open_watched(
        name: &str,
        on_blocked: impl Fn() + 'static,
    ) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DATABASE_VERSION)
            .with_on_blocked(move |_| {
                on_blocked();
                Ok(())
            })
            .with_on_upgrade_needed(migrate)
            .await
            .map_err(open_error)?;
        Ok(Store {
            db,
            name: name.to_string(),
        })
    }

    /// Closes this connection when a newer build asks for the database (`versionchange`), so the
    /// other tab's upgrade is never blocked by this one, and then calls `on_closed`.
    pub fn close_on_version_change(&self, on_closed: impl FnOnce() + 'static) {
        let db = self.db.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(mut changes) = db.version_changes() else {
                return;
            };
            if changes.recv().await.is_some() {
                db.close();
                on_closed();
            }
        });
    }

    pub fn name(&self) -> &str {
        &self.name
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

    /// Writes a record whole (a new case, or a test's fixture). Changes to existing records go
    /// through `update`.
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
        put_value(&store, key, value).await?;
        transaction.commit().await.map_err(write_error)
    }

    /// One stored value as JSON, without reading it as a record yet.
    async fn get_value(
        &self,
        store_name: &str,
        key: &str,
    ) -> Result<Option<serde_json::Value>, StoreError> {
        let transaction = self
            .db
            .transaction(store_name)
            .build()
            .map_err(read_error)?;
        let store = transaction.object_store(store_name).map_err(read_error)?;
        stored_value(&store, key, StoreError::Read).await
    }

    async fn get<T: serde::de::DeserializeOwned>(
        &self,
        store_name: &str,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        self.get_value(store_name, key)
            .await?
            .map(|value| serde_json::from_value(value).map_err(read_error))
            .transpose()
    }

    /// The stored copy of one record, if any; one of an older layout is brought up to this one. A
    /// record written by a newer build reads as far as this build understands it; `update` will
    /// refuse to write over it.
    pub async fn record<R: Record>(&self, key: &str) -> Result<Option<R>, StoreError> {
        self.get_value(R::STORE, key)
            .await?
            .map(upgrade_and_read)
            .transpose()
    }

    /// Whether the stored copy of this record was written by a newer build than this one.
    pub async fn is_newer<R: Record>(&self, key: &str) -> Result<bool, StoreError> {
        Ok(self
            .get_value(R::STORE, key)
            .await?
            .is_some_and(|value| stored_schema_version(&value) > u64::from(RECORD_SCHEMA_VERSION)))
    }

    /// Applies `change` to the record as it is stored now, in one read-write transaction: read,
    /// apply, put with the next revision, commit. Two tabs changing different fields both keep
    /// theirs. `fallback` is what to start from when nothing is stored yet (`None`: the record must
    /// exist). A record written by a newer build is never written over (`StoreError::Newer`).
    /// Every committed change is announced to the other tabs.
    pub async fn update<R: Record>(
        &self,
        key: &str,
        fallback: Option<R>,
        at: &str,
        change: &dyn Fn(&mut R),
    ) -> Result<R, StoreError> {
        let transaction = self
            .db
            .transaction(R::STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = transaction.object_store(R::STORE).map_err(write_error)?;
        let stored = stored_value(&store, key, StoreError::Write).await?;
        let mut record = match stored {
            Some(value) => read_record::<R>(value)?,
            None => fallback.ok_or(StoreError::Missing(R::STORE))?,
        };
        let revision = record.revision() + 1;
        change(&mut record);
        record.stamp(revision, at);
        put_value(&store, key, &record).await?;
        transaction.commit().await.map_err(write_error)?;
        notices::announce(
            &self.name,
            &notices::Notice {
                store: R::STORE.to_string(),
                key: key.to_string(),
                revision,
            },
        );
        Ok(record)
    }

    pub async fn put_case(&self, case: &CaseRecord) -> Result<(), StoreError> {
        self.put(CASES, &case.id, case).await
    }

    pub async fn case(&self, id: &str) -> Result<Option<CaseRecord>, StoreError> {
        self.record(id).await
    }

    /// Every record of one object store, each read on its own: one that cannot be read is listed
    /// by its key in the second list, and never hides the others.
    pub async fn all_records<R: Record>(&self) -> Result<(Vec<R>, Vec<Unreadable>), StoreError> {
        let transaction = self.db.transaction(R::STORE).build().map_err(read_error)?;
        read_all(&transaction).await
    }

    /// Every record of one object store, in key order (failing if any cannot be read).
    async fn all<R: Record>(&self) -> Result<Vec<R>, StoreError> {
        let (records, unreadable) = self.all_records::<R>().await?;
        match unreadable.first() {
            Some(first) => Err(StoreError::Read(format!(
                "{} {}: {}",
                first.store, first.id, first.reason
            ))),
            None => Ok(records),
        }
    }

    /// Every case that can be read, newest first (`all_records` also names the ones that cannot).
    pub async fn cases(&self) -> Result<Vec<CaseRecord>, StoreError> {
        let (mut cases, _unreadable) = self.all_records::<CaseRecord>().await?;
        cases.sort_by(|a, b| b.created_at.cmp(&a.created_at));
        Ok(cases)
    }

    /// Every assessment draft (failing if any cannot be read; the caseload uses `all_records`).
    pub async fn assessments(&self) -> Result<Vec<AssessmentRecord>, StoreError> {
        self.all().await
    }

    pub async fn put_assessment(&self, assessment: &AssessmentRecord) -> Result<(), StoreError> {
        self.put(ASSESSMENTS, &assessment.case_id, assessment).await
    }

    pub async fn assessment(&self, case_id: &str) -> Result<Option<AssessmentRecord>, StoreError> {
        self.record(case_id).await
    }

    pub async fn put_plan(&self, plan: &PlanRecord) -> Result<(), StoreError> {
        self.put(PLANS, &plan.case_id, plan).await
    }

    pub async fn plan(&self, case_id: &str) -> Result<Option<PlanRecord>, StoreError> {
        self.record(case_id).await
    }

    pub async fn put_signing(&self, signing: &SigningRecord) -> Result<(), StoreError> {
        self.put(SIGNING, &signing.case_id, signing).await
    }

    pub async fn signing(&self, case_id: &str) -> Result<Option<SigningRecord>, StoreError> {
        self.record(case_id).await
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
        self.record(PROFILE_KEY).await
    }

    /// Changes the profile as it is stored now (see `update`), creating it from `fallback`.
    pub async fn update_profile(
        &self,
        fallback: ProfileRecord,
        at: &str,
        change: &dyn Fn(&mut ProfileRecord),
    ) -> Result<ProfileRecord, StoreError> {
        self.update(PROFILE_KEY, Some(fallback), at, change).await
    }

    /// Writes an imported case whole, in one transaction: either every record is written or, if
    /// anything fails, none is, so a failed import changes nothing. Each record replaced gets the
    /// next revision (so other tabs take it); a record written by a newer build is never replaced.
    pub async fn import_case(
        &self,
        case: &CaseRecord,
        assessment: Option<&AssessmentRecord>,
        plan: Option<&PlanRecord>,
        signing: &SigningRecord,
    ) -> Result<(), StoreError> {
        let transaction = self.case_transaction()?;
        let written = replace_case(&transaction, case, assessment, plan, Some(signing)).await?;
        transaction.commit().await.map_err(write_error)?;
        self.announce_all(written);
        Ok(())
    }

    /// Deletes every record of one closed case (its case, assessment, plan and signing records)
    /// in one transaction, and nothing else: all of them or, if anything fails, none. Refused,
    /// deleting nothing, unless the stored case is closed (another tab may have reopened it), and
    /// never over a record a newer build wrote. The other tabs are told, as after any write.
    pub async fn delete_case(&self, id: &str) -> Result<(), StoreError> {
        let transaction = self.case_transaction()?;
        let cases = transaction.object_store(CASES).map_err(write_error)?;
        let case: CaseRecord = match stored_value(&cases, id, StoreError::Write).await? {
            Some(value) => read_record(value)?,
            None => return Err(StoreError::Missing("case")),
        };
        if case.closure.is_none() {
            return Err(StoreError::NotClosed);
        }
        let deleted = delete_records(&transaction, &[id.to_string()], true).await?;
        transaction.commit().await.map_err(write_error)?;
        self.announce_all(deleted);
        Ok(())
    }

    /// A read-write transaction over a case's four record stores.
    fn case_transaction(
        &self,
    ) -> Result<indexed_db_futures::transaction::Transaction<'_>, StoreError> {
        self.db
            .transaction(CASE_STORES)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)
    }

    /// Announces committed writes (`(store, key, revision)`) to the other tabs.
    fn announce_all(&self, written: impl IntoIterator<Item = (&'static str, String, u64)>) {
        for (store, key, revision) in written {
            notices::announce(
                &self.name,
                &notices::Notice {
                    store: store.to_string(),
                    key,
                    revision,
                },
            );
        }
    }
}
