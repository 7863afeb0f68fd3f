//! The offence picker: a combobox that finds an offence by its code ("02800") or by words
//! ("burglary dwelling"), with arrow keys, Enter and Escape as in the ARIA combobox pattern.

use leptos::prelude::*;

use super::Slot;
use crate::domain::answers::Answer;
use crate::ui::components::{described_by, ErrorMessage};
use crate::ui::offences::use_offence_table;

const RESULTS_SHOWN: usize = 10;

/// The offence of an assessment item (1.1's entries), saved as soon as one is chosen.
#[component]
pub fn OffencePicker(field: Slot, error: Signal<Option<String>>) -> impl IntoView {
    let code = field.item.code;
    let chosen = {
        let field = field.clone();
        Memo::new(move |_| field.read(|answers| answers.text(code).trim().to_string()))
    };
    let on_choose = {
        let field = field.clone();
        Callback::new(move |picked: String| {
            field.write_now(move |answers| answers.set(code, Answer::Text(picked.clone())))
        })
    };
    view! {
        <OffenceCombobox
            id=field.field_id()
            label=field.question()
            hint=field.item.hint.unwrap_or("Type a code or words from the offence").to_string()
            chosen=chosen.into()
            on_choose=on_choose
            on_clear=None
            error=error
        />
    }
}

/// The combobox itself: `chosen` is the code held now, `on_choose` gets the code picked, and
/// `on_clear` (for an optional offence) offers to take the choice away.
#[component]
pub fn OffenceCombobox(
    id: String,
    label: String,
    hint: String,
    chosen: Signal<String>,
    on_choose: Callback<String>,
    on_clear: Option<Callback<()>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let chosen_id = format!("{id}-chosen");
    let chosen_code = chosen;
    let table = use_offence_table();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let results = Memo::new(move |_| match table.get() {
        Some(Ok(table)) => query.with(|query| {
            table
                .search(query, RESULTS_SHOWN)
                .into_iter()
                .map(|offence| (offence.code.clone(), offence.description()))
                .collect::<Vec<_>>()
        }),
        _ => Vec::new(),
    });
    let chosen_text = move || {
        let code = chosen_code.get();
        if code.is_empty() {
            return "No offence chosen yet".to_string();
        }
        match table.get() {
            Some(Ok(table)) => match table.get(&code) {
                Some(offence) => format!("Chosen: {code} {}", offence.description()),
                None => format!("Chosen: {code} (not in the offence list)"),
            },
            _ => format!("Chosen: {code}"),
        }
    };
    let choose = move |index: usize| {
        let Some((picked, description)) =
            results.with_untracked(|results| results.get(index).cloned())
        else {
            return;
        };
        query.set(format!("{picked} {description}"));
        open.set(false);
        active.set(None);
        on_choose.run(picked);
    };
    let on_keydown = {
        move |ev: leptos::ev::KeyboardEvent| {
            let count = results.with_untracked(Vec::len);
            match ev.key().as_str() {
                "ArrowDown" if count > 0 => {
                    ev.prevent_default();
                    open.set(true);
                    active.update(|active| {
                        *active = Some(active.map_or(0, |i| (i + 1).min(count - 1)))
                    });
                }
                "ArrowUp" if count > 0 => {
                    ev.prevent_default();
                    active
                        .update(|active| *active = Some(active.map_or(0, |i| i.saturating_sub(1))));
                }
                "Enter" => {
                    // Enter picks the highlighted offence, or the only one found; it never submits the form.
                    ev.prevent_default();
                    let pick = active.get_untracked().or((count == 1).then_some(0));
                    if let (true, Some(index)) = (open.get_untracked(), pick) {
                        choose(index);
                    }
                }
                "Escape" => {
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        }
    };
    let option_id = {
        let list_id = list_id.clone();
        move |index: usize| format!("{list_id}-{index}")
    };
    let described = {
        let (hint_id, error_id, chosen_id) = (hint_id.clone(), error_id.clone(), chosen_id.clone());
        move || {
            let ids = described_by(Some(&hint_id), error.get().is_some().then_some(&error_id))
                .unwrap_or_default();
            format!("{ids} {chosen_id}")
        }
    };
    let status = move || match table.get() {
        None => "Loading the offence list…".to_string(),
        Some(Err(problem)) => problem,
        Some(Ok(_)) if query.with(|q| q.trim().is_empty()) => String::new(),
        Some(Ok(_)) if !open.get() => String::new(),
        Some(Ok(_)) => match results.with(Vec::len) {
            0 => "No offences match. Try the code, or fewer words".to_string(),
            1 => "1 offence found. Press Enter to choose it".to_string(),
            n => format!(
                "{n} offences found. Use the up and down arrows to choose one, then press Enter"
            ),
        },
    };
    let list_view = {
        let option_id = option_id.clone();
        move || {
            (open.get() && !results.with(Vec::is_empty)).then(|| {
                results
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, (code, description))| {
                        view! {
                            <li
                                class="workbook-offence__option"
                                class:workbook-offence__option--active=move || active.get() == Some(index)
                                role="option"
                                id=option_id(index)
                                aria-selected=move || if active.get() == Some(index) { "true" } else { "false" }
                                on:mousedown=move |ev| {
                                    ev.prevent_default();
                                    choose(index);
                                }
                            >
                                <strong>{code}</strong>" "{description}
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <div class="govuk-form-group workbook-offence" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            <div class="govuk-hint" id=hint_id>{hint}</div>
            <ErrorMessage id=error_id message=error />
            <input
                class="govuk-input"
                class:govuk-input--error=move || error.get().is_some()
                id=id.clone()
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || if open.get() && !results.with(Vec::is_empty) { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| open.get()).map(option_id.clone())
                aria-describedby=described
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:blur=move |_| {
                    // Also fires while the page is taken down, after its signals are gone.
                    open.try_set(false);
                }
            />
            <ul class="workbook-offence__list" role="listbox" id=list_id aria-label="Offences found">{list_view}</ul>
            <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" id=chosen_id>{chosen_text}</p>
            {on_clear.map(|clear| view! {
                <Show when=move || !chosen_code.with(String::is_empty)>
                    <button
                        type="button"
                        class="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
                        on:click=move |_| {
                            query.set(String::new());
                            clear.run(());
                        }
                    >
                        "Clear the offence"
                    </button>
                </Show>
            })}
            <div class="govuk-visually-hidden" role="status" aria-live="polite">{status}</div>
        </div>
    }
}
