//! The browser's storage promises (`navigator.storage`): whether this site's storage is persistent,
//! how much of the quota it uses, and asking for persistence once real work starts. What it means
//! for the officer is `domain::storage`; `storage_page.rs` shows it.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::components::NotificationBanner;
use crate::domain::storage::StorageFacts;

thread_local! {
    /// Whether the browser agreed to keep storage when it was last asked in this tab (`None`: not
    /// asked yet, or no Storage API). Reference-counted, so no screen's disposal takes it away.
    static PERSISTENCE: ArcRwSignal<Option<bool>> = ArcRwSignal::new(None);
}

fn persistence() -> ArcRwSignal<Option<bool>> {
    PERSISTENCE.with(ArcRwSignal::clone)
}

/// The small UI preference "Hide this message" of the refused-persistence banner.
const HIDE_REFUSED_KEY: &str = "workbook.storage-refused-banner-hidden";

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = window().navigator();
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn promised_bool(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// What the browser says now: persisted, usage and quota.
pub async fn facts() -> StorageFacts {
    let Some(manager) = manager() else {
        return StorageFacts {
            persisted: None,
            usage: None,
            quota: None,
        };
    };
    let persisted = promised_bool(manager.persisted()).await;
    let estimate = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .map(|value| value.unchecked_into::<web_sys::StorageEstimate>()),
        Err(_) => None,
    };
    StorageFacts {
        persisted,
        usage: estimate.as_ref().and_then(|estimate| estimate.get_usage()),
        quota: estimate.as_ref().and_then(|estimate| estimate.get_quota()),
    }
}

/// Asks the browser to keep this site's storage (`persist()`), once per tab, when real work starts:
/// a case created, imported or restored, or a caseload with live cases opened. Never waits: Firefox
/// may ask the officer first, and nothing else must hang on the answer.
pub fn request_persistence() {
    if persistence().get_untracked().is_some() {
        return;
    }
    let Some(manager) = manager() else {
        return;
    };
    spawn_local(async move {
        let answer = match promised_bool(manager.persisted()).await {
            Some(true) => Some(true),
            _ => promised_bool(manager.persist()).await,
        };
        if let Some(answer) = answer {
            let _ = persistence().try_set(Some(answer));
        }
    });
}

/// Asks again, when the officer presses "Ask the browser to keep storage".
pub async fn ask_again() -> Option<bool> {
    let answer = promised_bool(manager()?.persist()).await;
    if let Some(answer) = answer {
        let _ = persistence().try_set(Some(answer));
    }
    answer
}

/// The banner when the browser refused to keep storage: what it means and where to back up. The
/// officer can hide it (remembered in this browser); the "Storage and backup" page still says so.
#[component]
pub fn PersistenceRefusedBanner() -> impl IntoView {
    let hidden = RwSignal::new(LocalStorage::get::<bool>(HIDE_REFUSED_KEY).unwrap_or(false));
    let hide = move |_| {
        let _ = LocalStorage::set(HIDE_REFUSED_KEY, true);
        hidden.set(true);
    };
    move || {
        (persistence().get() == Some(false) && !hidden.get()).then(|| {
            view! {
                <NotificationBanner title="Important" testid="storage-refused-banner">
                        <p class="govuk-notification-banner__heading">"This browser may delete your cases if the computer runs short of space"</p>
                        <p class="govuk-body">"It did not agree to keep the workbook's storage. "<a class="govuk-notification-banner__link" href="/storage">"Back up the workbook"</a>" regularly, or install the app to make this less likely."</p>
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=hide>"Hide this message"</button>
                    </NotificationBanner>
            }
        })
    }
}
