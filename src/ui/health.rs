//! Whether this tab's work is safe: saves that failed and are being retried, and whether the tab
//! must stop writing because a newer build of the workbook took over its data. One copy per tab,
//! shown by `HealthBanners` on every screen and consulted by `beforeunload`.

use std::collections::BTreeSet;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Health {
    /// Why this tab stopped writing (a newer build owns the data), if it did.
    stopped: RwSignal<Option<String>>,
    /// Records with changes whose last save failed, by "store/key".
    failing: RwSignal<BTreeSet<String>>,
    /// Why opening the database is waiting (an older tab blocks the upgrade), if it is.
    blocked: RwSignal<Option<String>>,
}

thread_local! {
    static HEALTH: Health = Health {
        stopped: RwSignal::new(None),
        failing: RwSignal::new(BTreeSet::new()),
        blocked: RwSignal::new(None),
    };
}

/// This tab's health (the same signals wherever it is asked for).
pub fn health() -> Health {
    HEALTH.with(|health| *health)
}

impl Health {
    /// Stops every write from this tab for good, saying why.
    pub fn stop_writes(&self, why: String) {
        if self.stopped.get_untracked().is_none() {
            self.stopped.set(Some(why));
        }
    }

    pub fn writes_stopped(&self) -> Option<String> {
        self.stopped.get_untracked()
    }

    pub fn set_failing(&self, record: &str, failing: bool) {
        let known = self.failing.with_untracked(|set| set.contains(record));
        if failing && !known {
            self.failing.update(|set| {
                set.insert(record.to_string());
            });
        } else if !failing && known {
            self.failing.update(|set| {
                set.remove(record);
            });
        }
    }

    /// Whether leaving now would lose something: a save failed and is being retried, or this tab
    /// stopped writing with changes it could not save.
    pub fn has_unsaved(&self) -> bool {
        self.failing.with_untracked(|set| !set.is_empty())
    }

    pub fn set_blocked(&self, why: Option<String>) {
        self.blocked.set(why);
    }
}

/// The banners every screen shows while work is not safe: "Not saved yet — retrying", "updated in
/// another tab", "close the other tabs".
#[component]
pub fn HealthBanners() -> impl IntoView {
    let health = health();
    // Leaving while a save is failing asks first (the browser shows its own words).
    let on_leave = window_event_listener(leptos::ev::beforeunload, move |event| {
        if health.has_unsaved() {
            event.prevent_default();
            event.set_return_value("Some of your changes are not saved yet.");
        }
    });
    on_cleanup(move || on_leave.remove());
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        {move || health.stopped.get().map(|why| view! {
            <ProblemBanner id="stale" title="Reload this tab">
                <p class="govuk-notification-banner__heading">{why}</p>
                <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=reload>"Reload"</button>
            </ProblemBanner>
        })}
        {move || health.blocked.get().map(|why| view! {
            <ProblemBanner id="blocked" title="Waiting for another tab">
                <p class="govuk-notification-banner__heading">{why}</p>
            </ProblemBanner>
        })}
        {move || (!health.failing.with(BTreeSet::is_empty)).then(|| view! {
            <ProblemBanner id="unsaved" title="Not saved yet — retrying">
                <p class="govuk-notification-banner__heading">"Your latest changes are kept in this tab and will be saved as soon as the browser allows. Keep this tab open until this message goes."</p>
            </ProblemBanner>
        })}
    }
}

/// A GOV.UK notification banner in the error colour, announced at once ("{id}-banner" for tests).
#[component]
fn ProblemBanner(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <div class="govuk-notification-banner workbook-banner--problem" role="alert" aria-labelledby=labelled_by data-testid=format!("{id}-banner")>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>{title}</h2>
            </div>
            <div class="govuk-notification-banner__content">{children()}</div>
        </div>
    }
}
