//! `/queue`: "Awaiting my countersignature" (issue 20). Every version in this browser waiting for
//! this senior's decision, oldest first, with whose case it is, since when and why; each links to
//! its review (`domain::caseload::awaiting_me`).

use leptos::prelude::*;

use super::components::set_title;
use super::db::store;
use crate::domain::caseload::{awaiting_me, Awaiting};
use crate::store::{CaseRecord, SigningRecord, StoreError};

/// The queue for the profile in this browser: `None` without a profile.
async fn load_queue() -> Result<Option<Vec<Awaiting>>, StoreError> {
    let store = store().await?;
    let Some(me) = store.profile().await?.map(|record| record.profile) else {
        return Ok(None);
    };
    let (cases, _) = store.all_records::<CaseRecord>().await?;
    let (signings, _) = store.all_records::<SigningRecord>().await?;
    let by_case: std::collections::HashMap<&str, &SigningRecord> = signings
        .iter()
        .map(|signing| (signing.case_id.as_str(), signing))
        .collect();
    let pairs = cases
        .iter()
        .filter(|case| case.closure.is_none())
        .filter_map(|case| {
            by_case
                .get(case.id.as_str())
                .map(|signing| (case.id.as_str(), &case.details, &signing.signing))
        });
    Ok(Some(awaiting_me(pairs, &me)))
}

#[component]
pub fn QueuePage() -> impl IntoView {
    set_title("Awaiting my countersignature", false);
    let sync = super::team_sync_page::sync_state();
    // Versions team sync brings in join the queue on screen.
    let arrived = sync.arrived;
    let queue = LocalResource::new(move || {
        arrived.track();
        load_queue()
    });
    let body = move || {
        match queue.get() {
        None => view! { <p class="govuk-body" aria-busy="true">"Reading the cases…"</p> }.into_any(),
        Some(Err(problem)) => view! { <p class="govuk-body">{format!("The cases could not be read: {problem}")}</p> }.into_any(),
        Some(Ok(None)) => view! {
            <p class="govuk-body">"Set up "<a class="govuk-link" href="/profile">"your profile"</a>" first: the queue is the versions waiting for you."</p>
        }.into_any(),
        Some(Ok(Some(rows))) if rows.is_empty() => view! {
            <p class="govuk-body" data-testid="queue-empty">{if sync.connection.with(Option::is_some) {
                "Nothing is waiting for your countersignature. Versions your team signs arrive here by team sync; one sent to you as a file appears once you import its case package."
            } else {
                "Nothing is waiting for your countersignature. A version sent to you appears here once you import its case package."
            }}</p>
        }.into_any(),
        Some(Ok(Some(rows))) => {
            let count = rows.len();
            view! {
                <table class="govuk-table" data-testid="queue">
                    <caption class="govuk-table__caption govuk-table__caption--m">{format!("{count} waiting, oldest first")}</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Case"</th>
                            <th scope="col" class="govuk-table__header">"Officer"</th>
                            <th scope="col" class="govuk-table__header">"Waiting since"</th>
                            <th scope="col" class="govuk-table__header">"Why"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {rows.into_iter().map(|row| view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=format!("/cases/{}/review", row.case_id)>{format!("{} (version {})", row.name, row.version)}</a>
                                    <br /><span class="govuk-body-s">{format!("{} · {}", row.crn, row.waiting_for)}</span>
                                </td>
                                <td class="govuk-table__cell">{row.officer}</td>
                                <td class="govuk-table__cell">{row.since_day}</td>
                                <td class="govuk-table__cell">{row.reasons}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }
    }
    };
    view! {
        <a href="/" class="govuk-back-link">"Back to caseload"</a>
        <h1 class="govuk-heading-l">"Awaiting my countersignature"</h1>
        {body}
        <p class="govuk-body"><a class="govuk-link" href="/import">"Import a case package"</a></p>
    }
}
