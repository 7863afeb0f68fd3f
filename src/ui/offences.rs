//! The Home Office offence list, fetched from the app's own files the first time a screen needs it
//! (it is large, so it is not part of the app's start-up), then kept for the rest of the visit.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::offences::OffenceTable;

/// Where Trunk puts `assets/offences/` (with its licence) in the built app.
const OFFENCES_URL: &str = "/offences/offences.tsv";

thread_local! {
    static TABLE: Cell<Option<&'static OffenceTable>> = const { Cell::new(None) };
}

/// The offence table, loaded once. The error is a sentence for the officer.
pub async fn offence_table() -> Result<&'static OffenceTable, String> {
    if let Some(table) = TABLE.with(Cell::get) {
        return Ok(table);
    }
    let problem = |detail: String| {
        format!("The offence list could not be loaded ({detail}). Reload the page to try again.")
    };
    let window = web_sys::window().ok_or_else(|| problem("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(OFFENCES_URL))
        .await
        .map_err(|error| problem(format!("{error:?}")))?
        .dyn_into()
        .map_err(|_| problem("not a response".into()))?;
    if !response.ok() {
        return Err(problem(format!("HTTP {}", response.status())));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|error| problem(format!("{error:?}")))?,
    )
    .await
    .map_err(|error| problem(format!("{error:?}")))?
    .as_string()
    .unwrap_or_default();
    let table = OffenceTable::parse(&text).map_err(|error| problem(error.to_string()))?;
    // Kept for the rest of the visit: one table, never freed, so screens can borrow it freely.
    let table: &'static OffenceTable = Box::leak(Box::new(table));
    TABLE.with(|cell| cell.set(Some(table)));
    Ok(table)
}

/// The table as a signal: `None` while loading.
pub fn use_offence_table() -> RwSignal<Option<Result<&'static OffenceTable, String>>> {
    let state = RwSignal::new(TABLE.with(Cell::get).map(Ok));
    if state.with_untracked(Option::is_none) {
        spawn_local(async move {
            let result = offence_table().await;
            let _ = state.try_set(Some(result));
        });
    }
    state
}
