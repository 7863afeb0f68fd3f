//! The Home Office offence list, fetched from the app's own files the first time a screen needs it
//! (it is large, so it is not part of the app's start-up), then kept for the rest of the visit.
//!
//! Two files (`scripts/derive-offences.mjs`): `offences.tsv`, every column, for the screens that
//! name an offence (the offence picker, check answers), and `offence-weights.tsv`, its first three
//! columns (a tenth of the size), for the predictors beside every section and in the export. Once
//! the full list is here it serves both.

use std::cell::Cell;
use std::thread::LocalKey;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::offences::{OffenceTable, OffenceTableError};

type Kept = Cell<Option<&'static OffenceTable>>;

thread_local! {
    static FULL: Kept = const { Cell::new(None) };
    static WEIGHTS: Kept = const { Cell::new(None) };
}

/// One of the two files: where Trunk puts it (`assets/offences/`, with its licence), how it is
/// read, and where it is kept once read.
struct List {
    url: &'static str,
    parse: fn(&str) -> Result<OffenceTable, OffenceTableError>,
    kept: &'static LocalKey<Kept>,
}

const FULL_LIST: List = List {
    url: "/offences/offences.tsv",
    parse: OffenceTable::parse,
    kept: &FULL,
};
const WEIGHTS_LIST: List = List {
    url: "/offences/offence-weights.tsv",
    parse: OffenceTable::parse_weights,
    kept: &WEIGHTS,
};

async fn load(list: &List) -> Result<&'static OffenceTable, String> {
    if let Some(table) = list.kept.with(Cell::get) {
        return Ok(table);
    }
    let problem = |detail: String| {
        format!("The offence list could not be loaded ({detail}). Reload the page to try again.")
    };
    let window = web_sys::window().ok_or_else(|| problem("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(list.url))
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
    let table = (list.parse)(&text).map_err(|error| problem(error.to_string()))?;
    // Kept for the rest of the visit: one table, never freed, so screens can borrow it freely.
    let table: &'static OffenceTable = Box::leak(Box::new(table));
    list.kept.with(|cell| cell.set(Some(table)));
    Ok(table)
}

/// The full offence table, loaded once. The error is a sentence for the officer.
pub async fn offence_table() -> Result<&'static OffenceTable, String> {
    load(&FULL_LIST).await
}

/// A table with every code's OGRS3 weight and violence flag, enough for the predictors: the full
/// one if it is already here, otherwise the small list.
pub async fn offence_weights() -> Result<&'static OffenceTable, String> {
    match FULL.with(Cell::get) {
        Some(table) => Ok(table),
        None => load(&WEIGHTS_LIST).await,
    }
}

type TableState = RwSignal<Option<Result<&'static OffenceTable, String>>>;

fn use_list(kept: Option<&'static OffenceTable>, load: fn() -> TableFuture) -> TableState {
    let state = RwSignal::new(kept.map(Ok));
    if state.with_untracked(Option::is_none) {
        spawn_local(async move {
            let result = load().await;
            let _ = state.try_set(Some(result));
        });
    }
    state
}

type TableFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<&'static OffenceTable, String>>>>;

/// An offence code in words from a table signal (tracked), or `None` while the list loads, when
/// it could not be loaded, or for a code it does not hold.
pub fn describe_offence(table: TableState, code: &str) -> Option<String> {
    table.with(|state| match state {
        Some(Ok(table)) => table.get(code).map(|offence| offence.description()),
        _ => None,
    })
}

/// The full table as a signal: `None` while loading.
pub fn use_offence_table() -> TableState {
    use_list(FULL.with(Cell::get), || Box::pin(offence_table()))
}

/// The predictors' table as a signal (see [`offence_weights`]): `None` while loading.
pub fn use_offence_weights() -> TableState {
    let kept = FULL.with(Cell::get).or_else(|| WEIGHTS.with(Cell::get));
    use_list(kept, || Box::pin(offence_weights()))
}
