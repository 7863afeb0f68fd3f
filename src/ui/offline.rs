//! The app with no network, and its updates.
//!
//! A release build registers the service worker its build wrote (`/sw.js`, see
//! `scripts/precache.mjs`): from the first visit on, every file of the build comes from the
//! browser's cache. A newer build is fetched in the background (the browser checks on every
//! navigation; this tab also asks every 30 minutes, when the network comes back and when the tab is
//! shown again) and waits: the banner says "A new version is ready", and only the Reload button
//! lets it take over — after every change of this tab is saved. Nothing reloads by itself; a tab
//! still on the old build keeps writing safely (the store refuses to write over a newer build's
//! records).
//!
//! A development build (`make serve`) registers nothing and removes any worker a release build left
//! for this address, so an old cached build never hides the code being worked on.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::components::NotificationBanner;
use super::health::health;
use super::loading::CaseStore;

/// What this tab knows of a newer build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NewBuild {
    /// Nothing newer (or no service worker).
    None,
    /// A newer build is installed and waiting, or already running in another tab.
    Ready,
    /// The officer pressed Reload: saving this tab's changes first.
    Saving,
    /// Still saving, and a save has failed: the reload waits until it lands.
    WaitingForSave,
}

thread_local! {
    /// Reference-counted, so no screen's disposal takes it away.
    static UPDATE: ArcRwSignal<NewBuild> = ArcRwSignal::new(NewBuild::None);
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// The officer asked for the new build in this tab: reload when it takes control.
    static RELOAD_WHEN_CONTROLLED: Cell<bool> = const { Cell::new(false) };
    /// This tab ran under a worker already (so a change of controller is a newer build).
    static HAD_CONTROLLER: Cell<bool> = const { Cell::new(false) };
}

fn update() -> ArcRwSignal<NewBuild> {
    UPDATE.with(ArcRwSignal::clone)
}

/// How often an open tab asks whether a newer build is out.
const UPDATE_CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Whether this page is served by the app's service worker (it then opens with no network).
pub fn works_offline() -> bool {
    container().is_some_and(|container| container.controller().is_some())
}

/// Registers the build's service worker (release) or removes any (development). Call once, at start.
pub fn start() {
    let Some(container) = container() else {
        return;
    };
    if cfg!(debug_assertions) {
        spawn_local(unregister_every_worker(container));
        return;
    }
    HAD_CONTROLLER.with(|had| had.set(container.controller().is_some()));
    let on_controller_change = Closure::<dyn Fn()>::new(|| {
        if RELOAD_WHEN_CONTROLLED.with(Cell::get) {
            reload();
        } else if HAD_CONTROLLER.with(|had| had.replace(true)) {
            // Another tab let a newer build take over: this tab still runs the old one.
            update().set(NewBuild::Ready);
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("/sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch_for_updates(&container, &registration);
        REGISTRATION.with(|cell| *cell.borrow_mut() = Some(registration));
    });
    check_for_updates_now_and_then();
}

async fn unregister_every_worker(container: ServiceWorkerContainer) {
    let Ok(registrations) = JsFuture::from(container.get_registrations()).await else {
        return;
    };
    for registration in js_sys::Array::from(&registrations).iter() {
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Ok(promise) = registration.unregister() {
            let _ = JsFuture::from(promise).await;
        }
    }
}

/// A build waiting now, or one that finishes installing later, is a new version (unless it is the
/// very first, which only makes this page work offline).
fn watch_for_updates(container: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration) {
    if registration.waiting().is_some() && container.controller().is_some() {
        update().set(NewBuild::Ready);
    }
    let found = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            // A page already controlled by a build: this one is newer (not the first install).
            if worker.state() == ServiceWorkerState::Installed && works_offline() {
                let _ = update().try_update(|update| {
                    if *update == NewBuild::None {
                        *update = NewBuild::Ready;
                    }
                });
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Asks the browser to look for a newer build: every half hour, when the network comes back and
/// when the tab is shown again.
fn check_for_updates_now_and_then() {
    let check = || {
        REGISTRATION.with(|cell| {
            if let Some(registration) = cell.borrow().as_ref() {
                if let Ok(promise) = registration.update() {
                    // A failed check (offline) is retried next time; it must not reach the console
                    // as an unhandled rejection.
                    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                    let _ = promise.catch(&ignore);
                    ignore.forget();
                }
            }
        })
    };
    let _ = set_interval_with_handle(check, UPDATE_CHECK_EVERY);
    let online = window_event_listener_untyped("online", move |_| check());
    std::mem::forget(online);
    let shown = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            check();
        }
    });
    std::mem::forget(shown);
}

fn reload() {
    let _ = window().location().reload();
}

/// Reload pressed: save everything this tab holds, then let the waiting build take over (this tab
/// reloads when it has) — or, if another tab already let it, reload now.
fn take_the_update(cases: CaseStore) {
    if health().writes_stopped().is_some() {
        // A newer build already owns the data: nothing more can be saved from here.
        activate_waiting_build();
        return;
    }
    if cases.save_everything_now() {
        activate_waiting_build();
        return;
    }
    update().set(if health().has_unsaved() {
        NewBuild::WaitingForSave
    } else {
        NewBuild::Saving
    });
    set_timeout(move || take_the_update(cases), Duration::from_millis(100));
}

fn activate_waiting_build() {
    let waiting = REGISTRATION.with(|cell| cell.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(waiting) = waiting else {
        reload();
        return;
    };
    RELOAD_WHEN_CONTROLLED.with(|reload| reload.set(true));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
    if waiting.post_message(&message).is_err() {
        reload();
        return;
    }
    // If the new build never takes control (it failed), reload anyway: the old one is still there.
    set_timeout(reload, Duration::from_secs(5));
}

/// "A new version is ready" with its Reload button, on every screen while a newer build waits.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let cases = expect_context::<CaseStore>();
    let state = RwSignal::from(update());
    let press = move |_| take_the_update(cases);
    move || {
        (state.get() != NewBuild::None).then(|| {
            let busy = move || state.get() != NewBuild::Ready;
            view! {
                <NotificationBanner title="Update" testid="update-banner">
                        <p class="govuk-notification-banner__heading">"A new version is ready"</p>
                        <p class="govuk-body">"Reload to start using it. Your work is saved first: nothing you have typed is lost."</p>
                        {move || (state.get() == NewBuild::WaitingForSave).then(|| view! {
                            <p class="govuk-body" role="status">"Some of your changes are not saved yet. The new version will load as soon as they are."</p>
                        })}
                        <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=press disabled=busy aria-disabled=move || busy().to_string()>
                            {move || if busy() { "Saving your work…" } else { "Reload" }}
                        </button>
                    </NotificationBanner>
            }
        })
    }
}
