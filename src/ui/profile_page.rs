//! The officer's profile: their name and grade, used when they sign and countersign.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, Radios, TextInput,
};
use super::db::store;
use crate::domain::errors::FieldErrors;
use crate::domain::signing::{profile_fields, Grade, ProfileForm};
use crate::store::{ProfileRecord, RECORD_SCHEMA_VERSION};

#[component]
pub fn ProfilePage() -> impl IntoView {
    set_title("Your profile", false);
    let name = RwSignal::new(String::new());
    let grade = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let saved = RwSignal::new(None::<String>);
    spawn_local(async move {
        if let Ok(Some(record)) = async { store().await?.profile().await }.await {
            let form = ProfileForm::from_profile(&record.profile);
            let _ = name.try_set(form.name);
            let _ = grade.try_set(form.grade);
        }
    });
    let error_for = move |field: &'static str| error_at(errors, field);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ProfileForm {
            name: name.get_untracked(),
            grade: grade.get_untracked(),
        };
        match form.validate() {
            Err(problems) => {
                errors.set(problems);
                saved.set(None);
                focus_error_summary();
            }
            Ok(profile) => {
                errors.set(FieldErrors::default());
                let at = clock::timestamp();
                let record = ProfileRecord {
                    schema_version: RECORD_SCHEMA_VERSION,
                    revision: 0,
                    profile: profile.clone(),
                    updated_at: at.clone(),
                };
                spawn_local(async move {
                    let given = profile.clone();
                    let result = async {
                        store()
                            .await?
                            .update_profile(record, &at, &|stored| stored.profile = given.clone())
                            .await
                    }
                    .await;
                    let _ = saved.try_set(Some(match result {
                        Ok(_) => format!("Saved: you sign as {}", profile.describe()),
                        Err(error) => error.to_string(),
                    }));
                });
            }
        }
    };
    let grades = Grade::ALL
        .iter()
        .map(|grade| (grade.code().to_string(), grade.label().to_string()))
        .collect();
    view! {
        <a href="/" class="govuk-back-link">"Back to your caseload"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="govuk-heading-l">"Your profile"</h1>
                <p class="govuk-body">"Your name and grade go on every version you sign or countersign, and decide whether your work needs countersigning. They stay in this browser."</p>
                {move || saved.get().map(|message| view! { <div class="govuk-inset-text" role="status" data-testid="profile-saved">{message}</div> })}
                <form novalidate on:submit=submit>
                    <TextInput id=profile_fields::NAME label="Your full name" autocomplete="name" value=name on_input=Callback::new(move |text| name.set(text)) error=error_for(profile_fields::NAME) />
                    <Radios
                        id=profile_fields::GRADE.to_string()
                        legend="Your grade".to_string()
                        options=grades
                        selected=Signal::derive(move || Some(grade.get()).filter(|grade| !grade.is_empty()))
                        on_select=Callback::new(move |code| grade.set(code))
                        error=error_for(profile_fields::GRADE)
                    />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save profile"</button>
                </form>
            </div>
        </div>
    }
}
