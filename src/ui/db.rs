//! The one open connection to the workbook's database, shared by every screen.

use std::cell::RefCell;

use crate::store::{Store, StoreError, DATABASE_NAME};

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// The shared store, opened (and migrated) on first use.
pub async fn store() -> Result<Store, StoreError> {
    if let Some(store) = STORE.with(|cell| cell.borrow().clone()) {
        return Ok(store);
    }
    let store = Store::open(DATABASE_NAME).await?;
    STORE.with(|cell| *cell.borrow_mut() = Some(store.clone()));
    Ok(store)
}
