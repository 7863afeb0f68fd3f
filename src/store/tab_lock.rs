//! One tab at a time: the browser's Web Locks (`navigator.locks`), so that work several tabs of
//! this browser would otherwise do at once on the same stores (a team sync cycle: each tab runs its
//! own loop over the one replica) runs in one tab after another. Where the browser has no Web Locks
//! (an old browser, a page that is not a secure context) the work runs unlocked, as before.
//! web-sys marks `LockManager` unstable, so the one call is made through `js_sys`.

use std::future::Future;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The lock every tab's team sync takes for a cycle, and for removing the team's data.
pub const TEAM_SYNC: &str = "probation-workbook-team-sync";

/// The team sync lock of the workbook database `database`: one replica, one lock (two databases
/// in one origin, as in the in-browser tests, sync independently).
pub fn team_sync_lock(database: &str) -> String {
    format!("{TEAM_SYNC}:{database}")
}

/// Resolves the lock's promise when dropped: the lock is released however `work` ends.
struct Release(Function);

impl Drop for Release {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}

/// `navigator.locks` and its `request`, if this browser has them.
fn lock_manager() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks"))
        .ok()
        .filter(JsValue::is_object)?;
    let request = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((locks, request))
}

/// Runs `work` holding the exclusive lock `name`, waiting first for any other tab holding it.
pub async fn exclusively<T>(name: &str, work: impl Future<Output = T>) -> T {
    let Some((locks, request)) = lock_manager() else {
        return work.await;
    };
    let mut granted: Option<Function> = None;
    let acquired = Promise::new(&mut |resolve, _| granted = Some(resolve));
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let (Some(granted), Some(release)) = (granted, release) else {
        return work.await;
    };
    // The lock is held until the promise the callback returns (`held`) resolves.
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = granted.call0(&JsValue::NULL);
        held.into()
    });
    let release = Release(release);
    if request
        .call2(&locks, &JsValue::from_str(name), &callback)
        .is_err()
    {
        return work.await;
    }
    if JsFuture::from(acquired).await.is_err() {
        return work.await;
    }
    let done = work.await;
    drop(release);
    done
}
