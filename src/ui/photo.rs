//! The optional photo of the person on the case page (issue 19; the rules are `domain::photo`):
//! added from a picture file, made smaller in the browser, kept with the case record; changed or
//! removed there too. A closed case shows it without the controls.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::components::ErrorMessage;
use super::loading::LiveCase;
use crate::domain::photo::PHOTO_TYPES;

/// The id of the file input (its error is `{PHOTO_FIELD}-error`).
const PHOTO_FIELD: &str = "case-photo-file";

#[component]
pub fn CasePhotoPanel(live: LiveCase) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let name = live
        .case
        .draft
        .with_untracked(|case| case.details.name.clone());
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = super::files::file_input_of(&ev) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let read = super::files::chosen_photo(&input, &clock::timestamp()).await;
            input.set_value("");
            let _ = busy.try_set(false);
            match read {
                Ok(photo) => {
                    let _ = error.try_set(None);
                    live.case
                        .change_now(move |record| record.photo = Some(photo.clone()));
                }
                Err(message) => {
                    let _ = error.try_set(Some(message));
                }
            }
        });
    };
    let remove = move |_| live.case.change_now(|record| record.photo = None);
    let accept = PHOTO_TYPES.join(",");
    move || {
        let photo = live
            .case
            .draft
            .with(|case| case.photo.clone())
            .filter(|photo| photo.check().is_ok());
        let closed = live.closure().is_some();
        let alt = format!("Photo of {name}");
        let has_photo = photo.is_some();
        view! {
            <div class="workbook-case-photo" data-testid="case-photo">
                {photo.map(|photo| view! {
                    <img src=photo.data_url width=photo.width height=photo.height alt=alt.clone() class="workbook-case-photo__image" />
                })}
                {(!closed).then(|| view! {
                    <div class="govuk-form-group govuk-!-margin-bottom-2" class:govuk-form-group--error=move || error.get().is_some()>
                        <label class="govuk-label govuk-label--s" for=PHOTO_FIELD>{if has_photo { "Change the photo" } else { "Add a photo (optional)" }}</label>
                        <div class="govuk-hint" id=format!("{PHOTO_FIELD}-hint")>"A JPG, PNG, WEBP or GIF. It is made smaller and kept in this browser with the case, and in backups; it goes in an export only if you ask, and never in a case package."</div>
                        <ErrorMessage id=format!("{PHOTO_FIELD}-error") message=error />
                        <input
                            class="govuk-file-upload"
                            class:govuk-file-upload--error=move || error.get().is_some()
                            type="file"
                            id=PHOTO_FIELD
                            name=PHOTO_FIELD
                            accept=accept.clone()
                            aria-describedby=move || if error.get().is_some() { format!("{PHOTO_FIELD}-hint {PHOTO_FIELD}-error") } else { format!("{PHOTO_FIELD}-hint") }
                            disabled=move || busy.get()
                            on:change=on_change
                        />
                    </div>
                    {has_photo.then(|| view! {
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" on:click=remove>"Remove the photo"</button>
                    })}
                })}
            </div>
        }
    }
}
