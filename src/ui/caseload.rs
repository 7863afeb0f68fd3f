//! The caseload: every case held in this browser, and the way to create one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::set_title;
use super::db::store;
use super::loading::{LoadState, LoadedView};
use crate::domain::dates::format_long;
use crate::store::CaseRecord;

#[component]
pub fn Caseload() -> impl IntoView {
    set_title("Your caseload", false);
    let cases = RwSignal::new(LoadState::<Vec<CaseRecord>>::Loading);
    spawn_local(async move {
        let result = match store().await {
            Ok(store) => store.cases().await,
            Err(error) => Err(error),
        };
        let _ = cases.try_set(match result {
            Ok(list) => LoadState::Ready(list),
            Err(error) => LoadState::Failed(error.to_string()),
        });
    });
    view! {
        <h1 class="govuk-heading-l">"Your caseload"</h1>
        <div class="govuk-button-group">
            <a href="/cases/new" class="govuk-button" role="button" draggable="false">"Create a case"</a>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=|_| super::practice::switch_space(true)>"Practise on sample cases"</button>
        </div>
        <LoadedView loaded=cases render={|cases: Vec<CaseRecord>| {
            if cases.is_empty() {
                return view! { <p class="govuk-body" data-testid="empty-caseload">"You have no cases yet. Create a case to start an assessment."</p> }.into_any();
            }
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--m">{format!("{} case{}", cases.len(), if cases.len() == 1 { "" } else { "s" })}</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Name"</th>
                            <th scope="col" class="govuk-table__header">"CRN"</th>
                            <th scope="col" class="govuk-table__header">"Sentence"</th>
                            <th scope="col" class="govuk-table__header">"Sentence or release date"</th>
                            <th scope="col" class="govuk-table__header">"Sentence end"</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">
                        {cases.into_iter().map(|case| {
                            let details = case.details;
                            view! {
                                <tr class="govuk-table__row">
                                    <th scope="row" class="govuk-table__header">
                                        <a class="govuk-link" href=format!("/cases/{}", case.id)>{details.name}</a>
                                    </th>
                                    <td class="govuk-table__cell">{details.crn}</td>
                                    <td class="govuk-table__cell">{details.sentence_type.label()}</td>
                                    <td class="govuk-table__cell">{format_long(details.sentence_or_release_date)}</td>
                                    <td class="govuk-table__cell">{format_long(details.sentence_end_date)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }} />
    }
}
