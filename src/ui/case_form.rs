//! Creating a case, and changing its details. Nothing is written until every field is valid, so a
//! mistake never overwrites what was saved.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, DateInput, ErrorSummary, Radios, TextInput,
};
use super::db::store;
use super::fields::offence_picker::OffenceCombobox;
use super::loading::{LiveCase, LiveCaseView};
use crate::domain::case::{
    fields, validate_case, CaseForm, SentenceType, Sex, CONVICTION_DATE_LABEL,
    CUSTODY_SENTENCE_DATE_LABEL,
};
use crate::domain::errors::FieldErrors;
use crate::store::{CaseRecord, RECORD_SCHEMA_VERSION};

/// `/cases/new`
#[component]
pub fn NewCasePage() -> impl IntoView {
    view! { <CaseFormView existing=None /> }
}

/// `/cases/:id/edit`
#[component]
pub fn EditCasePage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| view! { <CaseFormView existing=Some(live) /> }.into_any()} />
    }
}

/// A new case (`existing` is `None`), or the open case's details.
#[component]
fn CaseFormView(existing: Option<LiveCase>) -> impl IntoView {
    let live = existing;
    let existing = live.map(|live| live.case.draft.get_untracked());
    // What the form opened on: a save writes only what the officer changed from it.
    let started = StoredValue::new(existing.as_ref().map(|case| case.details.clone()));
    let initial = existing
        .as_ref()
        .map(|case| CaseForm::from_details(&case.details))
        .unwrap_or_default();
    let name = RwSignal::new(initial.name);
    let crn = RwSignal::new(initial.crn);
    let date_of_birth = RwSignal::new(initial.date_of_birth);
    let sex = RwSignal::new(initial.sex);
    let sentence_type = RwSignal::new(initial.sentence_type);
    let custody_sentence_date = RwSignal::new(initial.sentence_date);
    let sentence_date = RwSignal::new(initial.sentence_or_release_date);
    let sentence_end = RwSignal::new(initial.sentence_end_date);
    let conviction = RwSignal::new(initial.conviction_date);
    // The case's own, or (while it has none) section 1's first offence: saved here, it is the case's.
    let main_offence = RwSignal::new(if initial.main_offence.is_empty() {
        live.and_then(|live| {
            live.assessment.draft.with_untracked(|draft| {
                crate::domain::case_facts::main_offence(&draft.answers).map(str::to_string)
            })
        })
        .unwrap_or_default()
    } else {
        initial.main_offence
    });
    let errors = RwSignal::new(FieldErrors::default());
    let saving = RwSignal::new(false);
    let navigate = use_navigate();

    let is_new = existing.is_none();
    let title = if is_new {
        "Create a case"
    } else {
        "Change case details"
    };
    Effect::new(move |_| set_title(title, !errors.with(FieldErrors::is_empty)));
    let error_for = move |field: &'static str| error_at(errors, field);
    let start_label = Signal::derive(move || {
        SentenceType::from_code(&sentence_type.get())
            .map(|kind| kind.start_date_label().to_string())
            .unwrap_or_else(|| "Sentence or release date".to_string())
    });
    let existing = StoredValue::new(existing.map(|case| case.id));
    let is_custody =
        move || SentenceType::from_code(&sentence_type.get()) == Some(SentenceType::Custody);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let form = CaseForm {
            conviction_date: conviction.get_untracked(),
            main_offence: main_offence.get_untracked(),
            name: name.get_untracked(),
            crn: crn.get_untracked(),
            date_of_birth: date_of_birth.get_untracked(),
            sex: sex.get_untracked(),
            sentence_type: sentence_type.get_untracked(),
            sentence_date: custody_sentence_date.get_untracked(),
            sentence_or_release_date: sentence_date.get_untracked(),
            sentence_end_date: sentence_end.get_untracked(),
        };
        let existing = existing.get_value();
        let navigate = navigate.clone();
        saving.set(true);
        spawn_local(async move {
            let outcome = async {
                let store = store().await?;
                let others: Vec<String> = store
                    .cases()
                    .await?
                    .into_iter()
                    .filter(|case| existing.as_ref().is_none_or(|this| *this != case.id))
                    .map(|case| case.details.crn)
                    .collect();
                let details = match validate_case(&form, clock::today(), &others) {
                    Ok(details) => details,
                    Err(field_errors) => return Ok(Err(field_errors)),
                };
                if let (Some(id), Some(live)) = (existing, live) {
                    // A change to the open case: its live copy, saved like every other change.
                    let started = started.get_value().unwrap_or_else(|| details.clone());
                    live.case.change_now(move |record| {
                        record.details = record.details.with_changes(&started, &details)
                    });
                    return Ok(Ok(id));
                }
                let now = clock::timestamp();
                let record = CaseRecord {
                    schema_version: RECORD_SCHEMA_VERSION,
                    revision: 1,
                    id: clock::new_id("case"),
                    details,
                    next_appointment: None,
                    closure: None,
                    photo: None,
                    created_at: now.clone(),
                    updated_at: now,
                };
                store.put_case(&record).await?;
                super::storage::request_persistence();
                Ok::<_, crate::store::StoreError>(Ok(record.id))
            }
            .await;
            let _ = saving.try_set(false);
            match outcome {
                Ok(Ok(id)) => navigate(&format!("/cases/{id}"), Default::default()),
                Ok(Err(field_errors)) => {
                    errors.set(field_errors);
                    focus_error_summary();
                }
                Err(store_error) => {
                    let mut problems = FieldErrors::default();
                    problems.push(fields::NAME, store_error.to_string());
                    errors.set(problems);
                    focus_error_summary();
                }
            }
        });
    };

    let sex_options = Sex::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label().to_string()))
        .collect();
    let sentence_options = SentenceType::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label().to_string()))
        .collect();
    let cancel_href = existing.with_value(|case| {
        case.as_ref()
            .map_or("/".to_string(), |id| format!("/cases/{id}"))
    });

    view! {
        <a href=cancel_href.clone() class="govuk-back-link">"Back"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="govuk-heading-l">{title}</h1>
                <form novalidate on:submit=submit>
                    <TextInput id=fields::NAME label="Full name" autocomplete="name" value=name on_input=Callback::new(move |text| name.set(text)) error=error_for(fields::NAME) />
                    <TextInput
                        id=fields::CRN
                        label="Case reference number (CRN)"
                        hint="A letter followed by 6 numbers, for example X123456"
                        class="govuk-input--width-10"
                        value=crn
                        on_input=Callback::new(move |text| crn.set(text))
                        error=error_for(fields::CRN)
                    />
                    <DateInput
                        id=fields::DATE_OF_BIRTH.to_string()
                        legend=Signal::stored("Date of birth".to_string())
                        hint="For example, 27 3 1990"
                        value=date_of_birth
                        on_input=Callback::new(move |parts| date_of_birth.set(parts))
                        error=error_for(fields::DATE_OF_BIRTH)
                    />
                    <Radios
                        id=fields::SEX.to_string()
                        legend="Sex".to_string()
                        inline=true
                        options=sex_options
                        selected=Signal::derive(move || Some(sex.get()))
                        on_select=Callback::new(move |value| sex.set(value))
                        error=error_for(fields::SEX)
                    />
                    <Radios
                        id=fields::SENTENCE_TYPE.to_string()
                        legend="Sentence type".to_string()
                        options=sentence_options
                        selected=Signal::derive(move || Some(sentence_type.get()))
                        on_select=Callback::new(move |value| sentence_type.set(value))
                        error=error_for(fields::SENTENCE_TYPE)
                    />
                    // Custody only: the initial plan counts from the day the sentence was passed.
                    <Show when=is_custody>
                        <DateInput
                            id=fields::CUSTODY_SENTENCE_DATE.to_string()
                            legend=Signal::stored(CUSTODY_SENTENCE_DATE_LABEL.to_string())
                            hint="The day the custodial sentence was passed. The initial sentence plan is due 8 or 16 weeks after it. For example, 2 3 2026"
                            value=custody_sentence_date
                            on_input=Callback::new(move |parts| custody_sentence_date.set(parts))
                            error=error_for(fields::CUSTODY_SENTENCE_DATE)
                        />
                    </Show>
                    <DateInput
                        id=fields::SENTENCE_OR_RELEASE_DATE.to_string()
                        legend=start_label
                        hint="The date of sentence for community and suspended sentences, the release date for custody and licence. For example, 2 11 2026"
                        value=sentence_date
                        on_input=Callback::new(move |parts| sentence_date.set(parts))
                        error=error_for(fields::SENTENCE_OR_RELEASE_DATE)
                    />
                    <DateInput
                        id=fields::SENTENCE_END_DATE.to_string()
                        legend=Signal::stored("Sentence end date".to_string())
                        hint="For example, 1 11 2028"
                        value=sentence_end
                        on_input=Callback::new(move |parts| sentence_end.set(parts))
                        error=error_for(fields::SENTENCE_END_DATE)
                    />
                    <DateInput
                        id=fields::CONVICTION_DATE.to_string()
                        legend=Signal::stored(format!("{CONVICTION_DATE_LABEL} (optional)"))
                        hint="The day of the current conviction, often before the sentence. Given here, the assessment does not ask it again (1.29). For example, 5 8 2026"
                        value=conviction
                        on_input=Callback::new(move |parts| conviction.set(parts))
                        error=error_for(fields::CONVICTION_DATE)
                    />
                    <OffenceCombobox
                        id=fields::MAIN_OFFENCE.to_string()
                        label="Main offence (optional)".to_string()
                        hint="Type the Home Office offence code, like 00801, or words such as GBH, wounding or burglary dwelling, then choose it. Given here, section 1 reads it as the first offence (1.1).".to_string()
                        chosen=main_offence.into()
                        on_choose=Callback::new(move |code| main_offence.set(code))
                        on_clear=Some(Callback::new(move |()| main_offence.set(String::new())))
                        error=error_for(fields::MAIN_OFFENCE)
                    />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || saving.get()>
                            {if is_new { "Create case" } else { "Save changes" }}
                        </button>
                        <a class="govuk-link" href=cancel_href>"Cancel"</a>
                    </div>
                </form>
            </div>
        </div>
    }
}
