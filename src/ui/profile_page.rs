//! The officer's profile: their name and grade, used when they sign and countersign.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, Radios, TextArea, TextInput,
};
use super::db::store;
use super::export::download_json;
use crate::domain::errors::FieldErrors;
use crate::domain::keys::{identity_card_file_name, IdentityKeys, UnsignedIdentityCard};
use crate::domain::signing::{
    contact_fields, profile_fields, ContactForm, Grade, Profile, ProfileForm, OFFICE_MAX_CHARS,
};
use crate::store::identity::{make_my_keys, sign};
use crate::store::{ProfileRecord, RECORD_SCHEMA_VERSION};

#[component]
pub fn ProfilePage() -> impl IntoView {
    set_title("Your profile", false);
    let name = RwSignal::new(String::new());
    let grade = RwSignal::new(String::new());
    let contact = RwSignal::new(ContactForm::default());
    let errors = RwSignal::new(FieldErrors::default());
    let saved = RwSignal::new(None::<String>);
    let keys = RwSignal::new(None::<Result<IdentityKeys, String>>);
    if !super::practice::is_practice() {
        spawn_local(async move {
            if let Ok(Some(mine)) = async { store().await?.my_keys().await }.await {
                let _ = keys.try_set(Some(Ok(mine.public)));
            }
        });
    }
    spawn_local(async move {
        if let Ok(Some(record)) = async { store().await?.profile().await }.await {
            let form = ProfileForm::from_profile(&record.profile);
            let _ = name.try_set(form.name);
            let _ = grade.try_set(form.grade);
            let _ = contact.try_set(ContactForm::from_contact(&record.contact));
        }
    });
    let error_for = move |field: &'static str| error_at(errors, field);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ProfileForm {
            name: name.get_untracked(),
            grade: grade.get_untracked(),
        };
        match (
            form.validate(),
            contact.with_untracked(ContactForm::validate),
        ) {
            (Ok(profile), Ok(details)) => {
                errors.set(FieldErrors::default());
                contact.set(ContactForm::from_contact(&details));
                let at = clock::timestamp();
                let record = ProfileRecord {
                    schema_version: RECORD_SCHEMA_VERSION,
                    revision: 0,
                    profile: profile.clone(),
                    contact: details.clone(),
                    updated_at: at.clone(),
                };
                spawn_local(async move {
                    let given = profile.clone();
                    let result = async {
                        store()
                            .await?
                            .update_profile(record, &at, &|stored| {
                                stored.profile = given.clone();
                                stored.contact = details.clone();
                            })
                            .await
                    }
                    .await;
                    let saved_ok = result.is_ok();
                    let _ = saved.try_set(Some(match result {
                        Ok(_) => format!("Saved: you sign as {}", profile.describe()),
                        Err(error) => error.to_string(),
                    }));
                    if saved_ok && !super::practice::is_practice() {
                        let _ = keys.try_set(Some(ensure_keys().await));
                    }
                });
            }
            (profile, details) => {
                let mut problems = profile.err().unwrap_or_default();
                problems.extend(details.err().unwrap_or_default());
                errors.set(problems);
                saved.set(None);
                focus_error_summary();
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
                    <h2 class="govuk-heading-m">"How people reach you"</h2>
                    <p class="govuk-body">"Printed on the sentence plan the person takes away. Each is optional."</p>
                    <TextInput id=contact_fields::PHONE label="Phone number" input_type="tel" autocomplete="tel" class="govuk-input--width-20" value=Signal::derive(move || contact.with(|form| form.phone.clone())) on_input=Callback::new(move |text| contact.update(|form| form.phone = text)) error=error_for(contact_fields::PHONE) />
                    <TextInput id=contact_fields::EMAIL label="Email address" input_type="email" autocomplete="email" value=Signal::derive(move || contact.with(|form| form.email.clone())) on_input=Callback::new(move |text| contact.update(|form| form.email = text)) error=error_for(contact_fields::EMAIL) />
                    <TextArea id=contact_fields::OFFICE label="Office address" hint="The office where the person reports." value=Signal::derive(move || contact.with(|form| form.office.clone())) on_input=Callback::new(move |text| contact.update(|form| form.office = text)) error=error_for(contact_fields::OFFICE) max_chars=OFFICE_MAX_CHARS rows=3 />
                    <button type="submit" class="govuk-button" data-module="govuk-button">"Save profile"</button>
                </form>
                <YourKey keys=keys name=name grade=grade />
            </div>
        </div>
    }
}

/// This officer's keys, made the first time the profile is saved: kept in this browser, the
/// private halves never readable (`store::identity`).
async fn ensure_keys() -> Result<IdentityKeys, String> {
    let store = store().await.map_err(|error| error.to_string())?;
    if let Some(mine) = store.my_keys().await.map_err(|error| error.to_string())? {
        return Ok(mine.public);
    }
    let made = make_my_keys(&clock::timestamp()).await?;
    let kept = store
        .put_my_keys(&made)
        .await
        .map_err(|error| error.to_string())?;
    Ok(kept.public)
}

/// The identity card of this officer, signed by their own key, as the file to send colleagues.
async fn identity_card(profile: Profile) -> Result<(String, String), String> {
    let store = store().await.map_err(|error| error.to_string())?;
    let mine = store
        .my_keys()
        .await
        .map_err(|error| error.to_string())?
        .ok_or_else(|| "Save your profile first: that makes your key".to_string())?;
    let unsigned = UnsignedIdentityCard::new(&profile, mine.public, &clock::timestamp())
        .map_err(|error| error.to_string())?;
    let signature = sign(&mine.signing_private, &unsigned.message()).await?;
    let card = unsigned
        .with_signature(&signature)
        .map_err(|error| error.to_string())?;
    Ok((identity_card_file_name(&profile.name), card.to_json()))
}

/// "Your signing key": its fingerprint in groups to read out, and the identity card to send.
#[component]
fn YourKey(
    keys: RwSignal<Option<Result<IdentityKeys, String>>>,
    name: RwSignal<String>,
    grade: RwSignal<String>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let download = move |_| {
        let form = ProfileForm {
            name: name.get_untracked(),
            grade: grade.get_untracked(),
        };
        let Ok(profile) = form.validate() else {
            problem.set(Some("Save your profile first".to_string()));
            return;
        };
        spawn_local(async move {
            let outcome = match identity_card(profile).await {
                Ok((file_name, json)) => download_json(&file_name, &json),
                Err(message) => Err(message),
            };
            let _ = problem.try_set(outcome.err());
        });
    };
    move || {
        keys.get().map(|keys| match keys {
            Err(message) => view! {
                <p class="govuk-error-message" role="alert" data-testid="key-problem"><span class="govuk-visually-hidden">"Error: "</span>{format!("Your signing key could not be made: {message}")}</p>
            }.into_any(),
            Ok(keys) => view! {
                <h2 class="govuk-heading-m">"Your signing key"</h2>
                <p class="govuk-body">"This browser made a key that signs your work. It cannot be copied out of this browser. Colleagues add you to their team with your identity card, and check it is yours by reading this fingerprint with you:"</p>
                <p class="govuk-body govuk-!-font-size-24 workbook-fingerprint" data-testid="fingerprint"><code>{keys.fingerprint().to_string()}</code></p>
                {move || problem.get().map(|message| view! {
                    <p class="govuk-error-message" role="alert"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                })}
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download>"Download your identity card"</button>
                    <a class="govuk-link" href="/team">"Your team"</a>
                </div>
            }.into_any(),
        })
    }
}
