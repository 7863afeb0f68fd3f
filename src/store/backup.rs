//! Backups and restores in IndexedDB: everything live read in one transaction, and a restore written
//! in one transaction, all or nothing. The rules (what a backup holds, what a restore writes) are
//! `domain::backup`; the encryption is `store::crypto`.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

use super::{
    read_all, read_error, read_record, replace, replace_case, stored_value, unreadable_reason,
    write_error, AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, SigningRecord, Store,
    StoreError, Unreadable, ASSESSMENTS, CASES, PLANS, PROFILE_KEY, SETTINGS, SIGNING,
};
use crate::domain::backup::{
    group_records, BackupLog, BackupPayload, CaseRecords, RestoreWrites, BACKUP_LOG_KEY,
    MAX_REMINDER_DAYS, MIN_REMINDER_DAYS,
};

/// Why a record was left out of a backup although it could be read: its case could not.
const CASE_LEFT_OUT: &str =
    "not in the backup: the case it belongs to is missing or cannot be read";

/// Every case with its records and the profile, read in one transaction (so a write in another tab
/// lands wholly before or after it); what cannot be read is named, never hiding the rest.
async fn snapshot(
    transaction: &Transaction<'_>,
) -> Result<(Vec<CaseRecords>, Option<ProfileRecord>, Vec<Unreadable>), StoreError> {
    let (cases, mut unreadable) = read_all::<CaseRecord>(transaction).await?;
    let (assessments, more) = read_all::<AssessmentRecord>(transaction).await?;
    unreadable.extend(more);
    let (plans, more) = read_all::<PlanRecord>(transaction).await?;
    unreadable.extend(more);
    let (signings, more) = read_all::<SigningRecord>(transaction).await?;
    unreadable.extend(more);
    let (grouped, left_out) = group_records(cases, assessments, plans, signings);
    unreadable.extend(left_out.into_iter().map(|(store, id)| Unreadable {
        store,
        id,
        reason: CASE_LEFT_OUT.to_string(),
    }));
    let settings = transaction.object_store(SETTINGS).map_err(read_error)?;
    let profile = match stored_value(&settings, PROFILE_KEY, StoreError::Read).await? {
        None => None,
        Some(value) => match read_record::<ProfileRecord>(value) {
            Ok(profile) => Some(profile),
            Err(error) => {
                unreadable.push(Unreadable {
                    store: SETTINGS,
                    id: PROFILE_KEY.to_string(),
                    reason: unreadable_reason(error),
                });
                None
            }
        },
    };
    Ok((grouped, profile, unreadable))
}

impl Store {
    fn read_everything(&self) -> Result<Transaction<'_>, StoreError> {
        self.db
            .transaction([CASES, ASSESSMENTS, PLANS, SIGNING, SETTINGS])
            .build()
            .map_err(read_error)
    }

    /// What a backup made now holds: every record of every case in this database that can be read,
    /// grouped by case, and the profile, all read in one transaction. The second list names what is
    /// left out (records that cannot be read, a newer build's, and records whose case cannot be
    /// read), for the officer to hear before saving the file. Call it on the live database only.
    pub async fn backup_payload(
        &self,
        created_at: &str,
    ) -> Result<(BackupPayload, Vec<Unreadable>), StoreError> {
        let transaction = self.read_everything()?;
        let (cases, profile, unreadable) = snapshot(&transaction).await?;
        Ok((BackupPayload::new(created_at, cases, profile), unreadable))
    }

    /// Every case here with its records, and the profile: what `domain::backup::restore_preview`
    /// compares a backup with.
    pub async fn here_for_restore(
        &self,
    ) -> Result<(Vec<CaseRecords>, Option<ProfileRecord>), StoreError> {
        let transaction = self.read_everything()?;
        let (cases, profile, _unreadable) = snapshot(&transaction).await?;
        Ok((cases, profile))
    }

    /// Writes a confirmed restore (`domain::backup::restore_writes`) in ONE read-write transaction
    /// over all five stores: every record is written or, if anything fails, none is. Each record
    /// replaced takes the next revision after both copies' (so other tabs take it) and keeps its
    /// `updated_at` from the backup. A record here written by a newer build makes the whole restore
    /// fail with `StoreError::Newer`, writing nothing. Every write is announced once committed.
    pub async fn restore(&self, writes: &RestoreWrites) -> Result<(), StoreError> {
        if writes.is_empty() {
            return Ok(());
        }
        let transaction = self
            .db
            .transaction([CASES, ASSESSMENTS, PLANS, SIGNING, SETTINGS])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let mut written = Vec::new();
        for records in &writes.cases {
            let case = replace_case(
                &transaction,
                &records.case,
                records.assessment.as_ref(),
                records.plan.as_ref(),
                records.signing.as_ref(),
            )
            .await?;
            written.extend(case);
        }
        if let Some(profile) = &writes.profile {
            let revision = replace(&transaction, PROFILE_KEY, profile).await?;
            written.push((SETTINGS, PROFILE_KEY.to_string(), revision));
        }
        transaction.commit().await.map_err(write_error)?;
        self.announce_all(written);
        Ok(())
    }

    /// This browser's backup log: when the last backup was made and how often to remind (the
    /// defaults before the first backup). One written by a newer build reads as far as this build
    /// understands it.
    pub async fn backup_log(&self) -> Result<BackupLog, StoreError> {
        Ok(self
            .record::<BackupLog>(BACKUP_LOG_KEY)
            .await?
            .unwrap_or_default())
    }

    /// Notes that a backup was saved `at` (RFC 3339), through `update`.
    pub async fn record_backup(&self, at: &str) -> Result<BackupLog, StoreError> {
        let when = at.to_string();
        self.update(
            BACKUP_LOG_KEY,
            Some(BackupLog::default()),
            at,
            &move |log: &mut BackupLog| log.last_backup_at = Some(when.clone()),
        )
        .await
    }

    /// Sets the days between backup reminders (kept within 1–90; parse what was typed with
    /// `domain::backup::parse_reminder_days` first), through `update`.
    pub async fn set_reminder_days(&self, days: u32, at: &str) -> Result<BackupLog, StoreError> {
        let days = days.clamp(MIN_REMINDER_DAYS, MAX_REMINDER_DAYS);
        self.update(
            BACKUP_LOG_KEY,
            Some(BackupLog::default()),
            at,
            &move |log: &mut BackupLog| log.reminder_days = days,
        )
        .await
    }
}
