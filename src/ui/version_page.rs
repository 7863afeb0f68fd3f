//! An earlier signed version, read-only, with its dates: what was signed, by whom, and what became of it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::components::set_title;
use super::loading::{Loaded, LoadedCaseView};
use super::offences::{describe_offence, use_offence_table};
use super::review_page::answers_list_with;
use super::version_summary::{goal_details, VersionSummary};
use crate::domain::questionnaire::SECTIONS;
use crate::domain::signing::long_day;

#[component]
pub fn VersionPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let offences = use_offence_table();
    view! {
        <LoadedCaseView case_id=case_id render={move |loaded: Loaded| {
            let number: u32 = params.read_untracked().get("number").and_then(|n| n.parse().ok()).unwrap_or(0);
            let back = format!("/cases/{}/signing", loaded.case.id);
            let Some(version) = loaded.signing.signing.version(number).cloned() else {
                set_title("Version not found", false);
                return view! {
                    <a href=back class="govuk-back-link">"Back to signing"</a>
                    <h1 class="govuk-heading-l">"There is no such version"</h1>
                }.into_any();
            };
            set_title(&format!("Version {number}"), false);
            let decided = version
                .countersigned_by
                .as_ref()
                .map(|by| format!("Countersigned by {} on {}.", by.describe(), version.countersigned_at.as_deref().map(long_day).unwrap_or_default()))
                .or_else(|| version.returned_reason.as_ref().map(|reason| format!("Returned for rework: {reason}")));
            let snapshot = version.snapshot.clone();
            // One copy of the answers, read by every section's list.
            let answers = StoredValue::new(snapshot.answers.clone());
            view! {
                <a href=back class="govuk-back-link">"Back to signing"</a>
                <span class="govuk-caption-l">{format!("{} ({})", loaded.case.details.name, loaded.case.details.crn)}</span>
                <h1 class="govuk-heading-l">{format!("Version {number}: {}", version.state.label())}</h1>
                <p class="govuk-body" data-testid="version-signed">{format!("Signed by {} on {}.", version.signed_by.describe(), long_day(&version.signed_at))}</p>
                {decided.map(|text| view! { <p class="govuk-body">{text}</p> })}
                <div class="govuk-inset-text">"This version is read-only: it is kept exactly as it was signed."</div>
                <VersionSummary case_id=loaded.case.id.clone() details=loaded.case.details.clone() version=version.clone() />
                <h2 class="govuk-heading-l">"The assessment"</h2>
                {SECTIONS.iter().filter(|section| section.is_available(&snapshot.answers)).map(|section| {
                    view! {
                        <h2 class="govuk-heading-m">{section.heading()}</h2>
                        {move || answers.with_value(|answers| answers_list_with(section, answers, &|code: &str| describe_offence(offences, code)))}
                    }
                }).collect_view()}
                <h2 class="govuk-heading-m">"Sentence plan"</h2>
                {snapshot.plan.goals.iter().map(goal_details).collect_view()}
            }.into_any()
        }} />
    }
}
