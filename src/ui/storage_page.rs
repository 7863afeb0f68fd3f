//! "Storage and backup": whether the browser keeps the workbook's storage, how much it uses, whether
//! the app opens with no network, when the workbook was last backed up — and the backup itself.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::set_title;
use super::offline::works_offline;
use super::storage::{ask_again, facts};
use crate::domain::storage::{summarise, StorageSummary};

#[component]
pub fn StoragePage() -> impl IntoView {
    set_title("Storage and backup", false);
    let summary = RwSignal::new(None::<StorageSummary>);
    let refresh = move || {
        spawn_local(async move {
            let _ = summary.try_set(Some(summarise(facts().await)));
        })
    };
    refresh();
    let asked = RwSignal::new(None::<String>);
    let ask = move |_| {
        spawn_local(async move {
            let message = match ask_again().await {
                Some(true) => "The browser agreed to keep the workbook's storage.",
                Some(false) => "The browser did not agree. Installing the app, or using it more often, makes this more likely; until then, back up regularly.",
                None => "This browser cannot keep storage on request.",
            };
            let _ = asked.try_set(Some(message.to_string()));
            refresh();
        })
    };
    view! {
        <a href="/" class="govuk-back-link">"Back to your caseload"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">"Storage and backup"</h1>
                <p class="govuk-body">"Your cases are kept in this browser, on this computer, and nowhere else. This page says how safe they are there, and lets you keep a copy."</p>
                <h2 class="govuk-heading-m">"This browser's storage"</h2>
                {move || summary.get().map(|summary| {
                    let persistent = summary.status == "Persistent";
                    let status_class = if persistent { "govuk-tag govuk-tag--green" } else { "govuk-tag govuk-tag--yellow" };
                    view! {
                        <dl class="govuk-summary-list" data-testid="storage-summary">
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"Storage"</dt>
                                <dd class="govuk-summary-list__value"><strong class=status_class>{summary.status}</strong></dd>
                            </div>
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"Space used"</dt>
                                <dd class="govuk-summary-list__value">{summary.used.clone().unwrap_or_else(|| "This browser does not say".to_string())}</dd>
                            </div>
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">"Works with no network"</dt>
                                <dd class="govuk-summary-list__value">{if works_offline() { "Yes: this browser keeps a copy of the app" } else { "Not yet: reload this page once while online" }}</dd>
                            </div>
                        </dl>
                        {summary.explanation.into_iter().map(|sentence| view! { <p class="govuk-body">{sentence}</p> }).collect_view()}
                        {(!persistent).then(|| view! {
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=ask>"Ask the browser to keep storage"</button>
                        })}
                    }
                })}
                {move || asked.get().map(|message| view! { <div class="govuk-inset-text" role="status">{message}</div> })}
                <super::backup::BackupSection />
            </div>
        </div>
    }
}
