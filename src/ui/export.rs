//! The sentence plan leaves the browser only here: as a JSON file the officer downloads on purpose.
//!
//! ```ignore
//! view! { <ExportPlanButton case=case answers=Signal::stored(answers) plan=autosave.draft reviews_done=reviews_done_of(&live) signing=signing /> }
//! ```

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::clock;
use super::offences::{offence_weights, use_offence_weights};
use crate::domain::answers::Answers;
use crate::domain::export::{build_export, export_file_name};
use crate::domain::offences::OffenceTable;
use crate::domain::predictors::{inputs_from_assessment, predict};
use crate::domain::reviews::{review_schedule, ReviewDone};
use crate::domain::signing::CaseSigning;
use crate::store::{CaseRecord, PlanRecord};

/// How long a downloaded file's object URL is kept before it is revoked.
const URL_LIFETIME: Duration = Duration::from_secs(40);

/// Offers `json` to the officer as a download named `file_name` (a `Blob` of type `application/json`
/// behind a temporary `<a download>`), or says in a sentence why it could not.
pub fn download_json(file_name: &str, json: &str) -> Result<(), String> {
    let problem = |error: JsValue| format!("The file could not be downloaded ({error:?}).");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(problem)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(problem)?;
    let clicked = click_download_link(&url, file_name);
    // Freed a while later, not at once: some browsers (Safari, older Firefox) still read the file
    // after the click has returned, and a revoked address would cancel the download.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        URL_LIFETIME,
    );
    clicked.map_err(problem)
}

/// Clicks a hidden `<a download>` to `url`, then takes it away again.
fn click_download_link(url: &str, file_name: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.set_hidden(true);
    // In the document while clicked, as older Firefox only downloads from a link it can see.
    let body = document().body().ok_or("the page has no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// "Export sentence plan (JSON)": the case, the assessment summary with its predictors, the plan and
/// every review date with its reason, in the shape of `assets/schema/sentence-plan.schema.json`.
#[component]
pub fn ExportPlanButton(
    case: CaseRecord,
    #[prop(into)] answers: Signal<Answers>,
    #[prop(into)] plan: Signal<PlanRecord>,
    /// The reviews done (signed review assessments), which the review dates count on from.
    #[prop(into)]
    reviews_done: Signal<Vec<ReviewDone>>,
    /// The case's signing record, for the export's signing block.
    #[prop(into)]
    signing: Signal<CaseSigning>,
    /// Told once the file is handed to the browser (the delete page waits for it).
    #[prop(optional)]
    on_exported: Option<Callback<()>>,
) -> impl IntoView {
    // Asked for now, so the list is usually in hand by the time the button is pressed.
    let table = use_offence_weights();
    let problem = RwSignal::new(None::<String>);
    // The photo goes only when asked for, here (`SentencePlanExport::with_photo`).
    let has_photo = case.photo.is_some();
    let include_photo = RwSignal::new(false);
    let case = StoredValue::new(case);
    let export = move |table: Option<&OffenceTable>| {
        let today = clock::today();
        let case = case.get_value();
        let json = plan.with_untracked(|record| {
            answers.with_untracked(|answers| {
                let reviews = review_schedule(
                    &case.details,
                    &record.review_settings,
                    &record.plan,
                    &record.significant_changes,
                    &reviews_done.get_untracked(),
                    today,
                );
                let predictions = table
                    .map(|table| predict(&inputs_from_assessment(&case.details, answers), table));
                let export = build_export(
                    &case.details,
                    answers,
                    &record.plan,
                    &reviews,
                    predictions.as_ref(),
                    &signing.get_untracked(),
                    &clock::timestamp(),
                );
                let export = match &case.photo {
                    Some(photo) if include_photo.get_untracked() => export.with_photo(photo),
                    _ => export,
                };
                serde_json::to_string_pretty(&export)
            })
        });
        let outcome = json
            .map_err(|error| format!("The sentence plan could not be written out ({error})."))
            .and_then(|json| {
                download_json(
                    &practice_file_name(export_file_name(&case.details.crn, today)),
                    &json,
                )
            });
        if outcome.is_ok() {
            if let Some(on_exported) = on_exported {
                on_exported.run(());
            }
        }
        problem.set(outcome.err());
    };
    let on_click = move |_| match table.get_untracked() {
        Some(Ok(table)) => export(Some(table)),
        // Without the offence list the predictors cannot be worked out: the export leaves them out.
        Some(Err(_)) => export(None),
        None => spawn_local(async move { export(offence_weights().await.ok()) }),
    };
    view! {
        {move || problem.get().map(|message| view! {
            <p class="govuk-error-message" role="alert"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
        })}
        {has_photo.then(|| view! {
            <div class="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-2" data-module="govuk-checkboxes">
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id="export-photo" type="checkbox" prop:checked=move || include_photo.get() on:change=move |ev| include_photo.set(event_target_checked(&ev)) />
                    <label class="govuk-label govuk-checkboxes__label" for="export-photo">"Include the person's photo in the export"</label>
                </div>
            </div>
        })}
        <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=on_click>
            "Export sentence plan (JSON)"
        </button>
    }
}

/// Files exported from the practice space say so in their name: "PRACTICE-sentence-plan-….json".
pub fn practice_file_name(name: String) -> String {
    if super::practice::is_practice() {
        format!("PRACTICE-{name}")
    } else {
        name
    }
}
