//! A repeating group (several offences, several children): each entry in its own fieldset, with
//! "Remove" on each and "Add another" below, as the MoJ "add another" pattern does.

use leptos::prelude::*;

use super::{ItemField, Slot};
use crate::domain::errors::FieldErrors;
use crate::domain::questionnaire::Repeat;
use crate::domain::validation::capitalise;
use crate::ui::clock;
use crate::ui::components::{focus_field, ErrorMessage};

#[component]
pub fn RepeatField(
    field: Slot,
    repeat: &'static Repeat,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let code = field.item.code;
    let autosave = field.autosave;
    let id = field.field_id();
    let error = crate::ui::components::error_at(errors, field.key.clone());
    let entry_ids = Memo::new({
        let field = field.clone();
        move |_| {
            field.read(|answers| {
                answers
                    .entries(code)
                    .iter()
                    .map(|entry| entry.id.clone())
                    .collect::<Vec<_>>()
            })
        }
    });
    // The entry the case details give (the main offence) is changed there, never removed here.
    let held = super::entry_held_by_case(autosave, code);
    let add = move |_| {
        let entry = clock::new_id("e");
        let added = entry.clone();
        autosave.answer_now(code, move |answers| answers.add_entry(code, &added));
        let first = repeat.items.first().map(|part| {
            super::item_field_id(&crate::domain::validation::entry_key(
                code, &entry, part.code,
            ))
        });
        request_animation_frame(move || {
            if let Some(first) = first {
                focus_field(&first);
            }
        });
    };
    let entries = move || {
        let ids = entry_ids.get();
        ids.into_iter()
            .enumerate()
            .map(|(index, entry)| {
                let number = index + 1;
                let legend = format!("{} {number}", capitalise(repeat.entry_name));
                let remove_label = format!("Remove {} {number}", repeat.entry_name);
                let parts = repeat
                    .items
                    .iter()
                    .map(|part| view! { <ItemField field=Slot::in_entry(autosave, code, entry.clone(), part) errors=errors /> })
                    .collect_view();
                let removed = entry.clone();
                let this = entry.clone();
                let removable = move || held.with(|held| held.as_deref() != Some(this.as_str()));
                view! {
                    <fieldset class="govuk-fieldset workbook-repeat__entry">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                        {parts}
                        <button
                            type="button"
                            hidden=move || !removable()
                            class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            on:click=move |_| {
                                let removed = removed.clone();
                                autosave.answer_now(code, move |answers| answers.remove_entry(code, &removed))
                            }
                        >
                            {remove_label}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_label = move || {
        if entry_ids.with(Vec::is_empty) {
            format!("Add {} {}", article(repeat.entry_name), repeat.entry_name)
        } else {
            format!("Add another {}", repeat.entry_name)
        }
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="govuk-form-group workbook-repeat" class:govuk-form-group--error=move || error.get().is_some()>
            <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{field.question()}</h2>
            {field.item.hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=format!("{id}-error") message=error />
            {entries}
            <p class="govuk-body govuk-!-margin-bottom-0" aria-live="polite">
                {move || {
                    let count = entry_ids.with(Vec::len);
                    format!("{count} {} added", if count == 1 { repeat.entry_name.to_string() } else { format!("{}s", repeat.entry_name) })
                }}
            </p>
            <button type="button" id=id class="govuk-button govuk-button--secondary" on:click=add>
                {add_label}
            </button>
        </div>
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
