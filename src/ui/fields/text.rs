//! Typed answers: one-line text and whole numbers, and free text with a GOV.UK character count.
//! Typing is kept exactly as typed and saved within the autosave delay, and at once on blur.

use leptos::prelude::*;

use super::Slot;
use crate::domain::answers::Answer;
use crate::domain::questionnaire::ItemKind;
use crate::ui::components::{
    characters_left_message, described_by, guarded_value, ChangedElsewhere, ErrorMessage,
};

/// A one-line text input, or a whole number (numeric keyboard on phones, checked but never refused).
#[component]
pub fn LineField(field: Slot, error: Signal<Option<String>>) -> impl IntoView {
    let item = field.item;
    let id = field.field_id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let (numeric, width) = match item.kind {
        ItemKind::Number { .. } => (true, "govuk-input--width-4"),
        ItemKind::ShortText { max_chars } if max_chars <= 10 => (false, "govuk-input--width-10"),
        _ => (false, "govuk-!-width-two-thirds"),
    };
    let has_hint = item.hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            )
        }
    };
    let value = {
        let field = field.clone();
        Memo::new(move |_| field.read(|answers| answers.text(item.code).to_string()))
    };
    let elsewhere = RwSignal::new(None::<String>);
    let value = guarded_value(id.clone(), value.into(), elsewhere);
    let autosave = field.autosave;
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id.clone()>{field.question()}</label>
            {item.hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <ChangedElsewhere id=id.clone() elsewhere=elsewhere />
            <input
                class=format!("govuk-input {width}")
                class:govuk-input--error=move || error.get().is_some()
                id=id.clone()
                name=id
                type="text"
                inputmode=numeric.then_some("numeric")
                spellcheck=if numeric { "false" } else { "true" }
                autocomplete="off"
                aria-describedby=described
                prop:value=value
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    field.write_typing(move |answers| answers.set(item.code, Answer::Text(text.clone())));
                }
                on:blur=move |_| autosave.flush()
            />
        </div>
    }
}

/// A textarea with the GOV.UK character count under it.
#[component]
pub fn TextAreaField(
    field: Slot,
    max_chars: usize,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let item = field.item;
    let id = field.field_id();
    let count_id = format!("{id}-info");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let text = {
        let field = field.clone();
        Memo::new(move |_| field.read(|answers| answers.text(item.code).to_string()))
    };
    let described = {
        let (count_id, error_id, hint_id) = (count_id.clone(), error_id.clone(), hint_id.clone());
        move || {
            let mut ids = vec![];
            if item.hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.push(count_id.clone());
            ids.join(" ")
        }
    };
    let elsewhere = RwSignal::new(None::<String>);
    let shown = guarded_value(id.clone(), text.into(), elsewhere);
    let autosave = field.autosave;
    view! {
        <div class="govuk-form-group govuk-character-count" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id.clone()>{field.question()}</label>
            {item.hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <ChangedElsewhere id=id.clone() elsewhere=elsewhere />
            <textarea
                class="govuk-textarea govuk-js-character-count"
                class:govuk-textarea--error=move || error.get().is_some()
                id=id.clone()
                name=id
                rows="5"
                aria-describedby=described
                prop:value=shown
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    field.write_typing(move |answers| answers.set(item.code, Answer::Text(typed.clone())));
                }
                on:blur=move |_| autosave.flush()
            ></textarea>
            <div class="govuk-hint govuk-character-count__message" id=count_id aria-live="polite">
                {move || characters_left_message(text.with(|text| text.chars().count()), max_chars)}
            </div>
        </div>
    }
}
