//! The one open connection to the workbook's database, shared by every screen of this tab.

use std::cell::RefCell;

use super::health::health;
use crate::store::{Store, StoreError, DATABASE_NAME, PRACTICE_DATABASE_NAME};

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The database of the space this tab is in (fixed when the tab opened).
pub fn database_name() -> &'static str {
    if super::practice::is_practice() {
        PRACTICE_DATABASE_NAME
    } else {
        DATABASE_NAME
    }
}

/// The shared store of this tab's space, opened on first use. Once a newer build has taken the
/// database over (`versionchange`), the connection is closed and every call fails with
/// `StoreError::Closed`, so this tab never writes again.
pub async fn store() -> Result<Store, StoreError> {
    if let Some(store) = STORE.with(|cell| cell.borrow().clone()) {
        return Ok(store);
    }
    if health().writes_stopped().is_some() {
        return Err(StoreError::Closed);
    }
    let store = Store::open_watched(database_name(), || {
        health().set_blocked(Some(StoreError::Blocked.to_string()));
    })
    .await?;
    health().set_blocked(None);
    store.close_on_version_change(|| {
        STORE.with(|cell| cell.borrow_mut().take());
        health().stop_writes(StoreError::Closed.to_string());
    });
    STORE.with(|cell| *cell.borrow_mut() = Some(store.clone()));
    Ok(store)
}

/// Deletes the practice database (and only it), for "Reset practice".
pub async fn reset_practice() -> Result<(), StoreError> {
    if let Some(store) = STORE.with(|cell| cell.borrow_mut().take()) {
        store.close();
    }
    Store::open(PRACTICE_DATABASE_NAME).await?.delete().await
}
