//! The one open connection to the workbook's database, shared by every screen.

use std::cell::RefCell;

use crate::store::{Store, StoreError, DATABASE_NAME, PRACTICE_DATABASE_NAME};

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The shared store of the space this tab is in (live work, or practice), opened on first use.
pub async fn store() -> Result<Store, StoreError> {
    if let Some(store) = STORE.with(|cell| cell.borrow().clone()) {
        return Ok(store);
    }
    let name = if super::practice::is_practice() {
        PRACTICE_DATABASE_NAME
    } else {
        DATABASE_NAME
    };
    let store = Store::open(name).await?;
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
