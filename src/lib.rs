//! Probation Workbook: a structured risk and needs assessment that runs offline in the browser.
//!
//! `domain` holds the rules (native, no browser types); `store` persists to IndexedDB; `net` is
//! `fetch` to the team's server (sync only); `ui` is Leptos.
//! The UI calls the domain and the store, never the reverse.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod net;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod team_sync;
#[cfg(target_arch = "wasm32")]
pub mod ui;
