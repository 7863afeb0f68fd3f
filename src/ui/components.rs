//! GOV.UK form widgets shared by the screens: error summary, radios, date input, character count.

use leptos::prelude::*;

use crate::domain::dates::DateParts;
use crate::domain::errors::FieldErrors;

/// The error shown at one field, from the page's list of problems.
pub fn error_at(
    errors: impl Into<Signal<FieldErrors>>,
    field: impl Into<String>,
) -> Signal<Option<String>> {
    let (errors, field) = (errors.into(), field.into());
    Signal::derive(move || errors.with(|errors| errors.for_field(&field).map(str::to_string)))
}

/// Sets the browser tab's title the GOV.UK way, with "Error: " in front while a form has errors.
/// In the practice space every title starts with "PRACTICE".
pub fn set_title(title: &str, has_errors: bool) {
    let prefix = if has_errors { "Error: " } else { "" };
    let space = if super::practice::is_practice() {
        "PRACTICE – "
    } else {
        ""
    };
    document().set_title(&format!("{prefix}{space}{title} – Probation Workbook"));
}

/// Moves focus to the error summary once it is drawn, as the GOV.UK pattern asks.
pub fn focus_error_summary() {
    request_animation_frame(|| focus_element("error-summary"));
}

/// Moves focus to a field from the error summary, showing its question too (as GOV.UK Frontend does):
/// a plain fragment link would scroll to the input but neither focus it nor show its label.
pub fn focus_field(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let question = input
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|fieldset| fieldset.query_selector("legend").ok().flatten())
        .or_else(|| {
            document()
                .query_selector(&format!("label[for='{id}']"))
                .ok()
                .flatten()
        });
    match question {
        Some(question) => question.scroll_into_view(),
        None => input.scroll_into_view(),
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = input.focus_with_options(&options);
}

/// Brings the element with this id into view and focuses it (it has `tabindex="-1"`): where a
/// link to something inside a page lands.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The error summary at the top of a page, linking to each field with a problem.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<FieldErrors>,
    /// Turns a field name into the id of the input to link to, where they differ.
    #[prop(optional)]
    link: Option<fn(&str) -> String>,
) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div class="govuk-error-summary" id="error-summary" tabindex="-1" data-module="govuk-error-summary">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">
                                {errors
                                    .iter()
                                    .map(|error| {
                                        let target = link.map_or_else(|| error.field.clone(), |link| link(&error.field));
                                        let href = format!("#{target}");
                                        view! {
                                            <li>
                                                <a href=href on:click=move |ev| {
                                                    ev.prevent_default();
                                                    focus_field(&target);
                                                }>{error.message.clone()}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// The red message above a field.
#[component]
pub fn ErrorMessage(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|message| {
            view! {
                <p class="govuk-error-message" id=id.clone()>
                    <span class="govuk-visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// What a text box shows: the live value, except while the officer is typing in this very box and
/// the live value changed under them (another tab saved the same field). Then what they typed stays
/// on screen and `elsewhere` holds the other tab's value, so they can be told and choose.
pub fn guarded_value(
    id: String,
    value: Signal<String>,
    elsewhere: RwSignal<Option<String>>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let live = value.get();
        let typing_here = document()
            .active_element()
            .filter(|element| element.id() == id)
            .and_then(|element| shown_text(&element));
        match typing_here {
            Some(shown) if shown != live => {
                elsewhere.try_set(Some(live));
                shown
            }
            _ => {
                if elsewhere.try_get_untracked().flatten().is_some() {
                    elsewhere.try_set(None);
                }
                live
            }
        }
    }
}

/// The text in an input or textarea as it is on screen.
fn shown_text(element: &web_sys::Element) -> Option<String> {
    use wasm_bindgen::JsCast;
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(input.value());
    }
    element
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(web_sys::HtmlTextAreaElement::value)
}

/// "Changed in another tab to: …", under a box whose answer another tab saved while the officer was
/// typing in it, with a button to take that answer instead.
#[component]
pub fn ChangedElsewhere(id: String, elsewhere: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        elsewhere.get().map(|other| {
            let id = id.clone();
            let take = other.clone();
            view! {
                <div class="govuk-inset-text workbook-changed-elsewhere" role="status" data-testid="changed-elsewhere">
                    <p class="govuk-body govuk-!-margin-bottom-1">{format!("Changed in another tab to: “{other}”")}</p>
                    <p class="govuk-body govuk-!-margin-bottom-2">"What you type here replaces it."</p>
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| {
                        use wasm_bindgen::JsCast;
                        let element = document().get_element_by_id(&id);
                        if let Some(input) = element.as_ref().and_then(|e| e.dyn_ref::<web_sys::HtmlInputElement>()) {
                            input.set_value(&take);
                        } else if let Some(area) = element.as_ref().and_then(|e| e.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
                            area.set_value(&take);
                        }
                        elsewhere.set(None);
                    }>"Use the other tab’s answer"</button>
                </div>
            }
        })
    }
}

/// A text input with label, optional hint and error. `on_input` receives every keystroke.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    /// "password" for a passphrase; "text" when not given.
    #[prop(optional)]
    input_type: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            )
        }
    };
    let elsewhere = RwSignal::new(None::<String>);
    let shown = guarded_value(id.clone(), value, elsewhere);
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <ChangedElsewhere id=id.clone() elsewhere=elsewhere />
            <input
                class=format!("govuk-input {class}")
                class:govuk-input--error=move || error.get().is_some()
                id=id.clone()
                name=id
                type=if input_type.is_empty() { "text" } else { input_type }
                spellcheck="false"
                autocomplete=if autocomplete.is_empty() { "off" } else { autocomplete }
                aria-describedby=described_by
                prop:value=shown
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A textarea with label, optional hint, error and the GOV.UK character count.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = 4000)] max_chars: usize,
    #[prop(default = 4)] rows: u32,
    /// Called when focus leaves the box (to save waiting typing at once).
    #[prop(optional)]
    on_blur: Option<crate::ui::autosave::Flush>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let count_id = format!("{id}-info");
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id, count_id) = (hint_id.clone(), error_id.clone(), count_id.clone());
        move || {
            let ids = described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            );
            format!("{} {count_id}", ids.unwrap_or_default())
                .trim()
                .to_string()
        }
    };
    let elsewhere = RwSignal::new(None::<String>);
    let shown = guarded_value(id.clone(), value, elsewhere);
    view! {
        <div class="govuk-form-group govuk-character-count" class:govuk-form-group--error=move || error.get().is_some()>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
            <ErrorMessage id=error_id message=error />
            <ChangedElsewhere id=id.clone() elsewhere=elsewhere />
            <textarea
                class="govuk-textarea"
                class:govuk-textarea--error=move || error.get().is_some()
                id=id.clone()
                name=id
                rows=rows
                aria-describedby=described
                prop:value=shown
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:blur=move |_| {
                    if let Some(on_blur) = &on_blur {
                        on_blur();
                    }
                }
            ></textarea>
            <div class="govuk-hint govuk-character-count__message" id=count_id aria-live="polite">
                {move || characters_left_message(value.with(|text| text.chars().count()), max_chars)}
            </div>
        </div>
    }
}

/// Joins the ids that describe a field, or nothing when there are none.
pub fn described_by(hint: Option<&String>, error: Option<&String>) -> Option<String> {
    let ids: Vec<&str> = [hint, error]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A set of radios in a fieldset. `on_select` receives the chosen value.
#[component]
pub fn Radios(
    /// Used as the `name`, and (suffixed by each value) as the inputs' ids; the first input has `id` itself.
    id: String,
    legend: String,
    #[prop(default = None)] hint: Option<String>,
    #[prop(optional)] inline: bool,
    options: Vec<(String, String)>,
    #[prop(into)] selected: Signal<Option<String>>,
    on_select: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            )
        }
    };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let input_id = if index == 0 { id.clone() } else { format!("{id}-{value}") };
            let checked_value = value.clone();
            let chosen_value = value.clone();
            view! {
                <div class="govuk-radios__item">
                    <input
                        class="govuk-radios__input"
                        id=input_id.clone()
                        name=id.clone()
                        type="radio"
                        value=value
                        prop:checked=move || selected.get().as_deref() == Some(checked_value.as_str())
                        on:change=move |_| on_select.run(chosen_value.clone())
                    />
                    <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <fieldset class="govuk-fieldset" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
                <ErrorMessage id=error_id message=error />
                <div class="govuk-radios govuk-radios--small" class:govuk-radios--inline=inline data-module="govuk-radios">
                    {radios}
                </div>
            </fieldset>
        </div>
    }
}

/// The GOV.UK date input: day, month and year boxes. The day box has `id`, so error links land on it.
/// `on_input` receives all three boxes after every keystroke.
#[component]
pub fn DateInput(
    id: String,
    #[prop(into)] legend: Signal<String>,
    #[prop(into)] hint: String,
    #[prop(into)] value: Signal<DateParts>,
    on_input: Callback<DateParts>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Called when focus leaves one of the boxes.
    #[prop(optional)]
    on_blur: Option<crate::ui::autosave::Flush>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || described_by(Some(&hint_id), error.get().is_some().then_some(&error_id))
    };
    let part = move |part_id: String,
                     label: &'static str,
                     width: &'static str,
                     numeric: bool,
                     get: fn(&DateParts) -> String,
                     set: fn(&mut DateParts, String)| {
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=part_id.clone()>{label}</label>
                    <input
                        class=format!("govuk-input govuk-date-input__input {width}")
                        class:govuk-input--error=move || error.get().is_some()
                        id=part_id.clone()
                        name=part_id
                        type="text"
                        inputmode=if numeric { Some("numeric") } else { None }
                        autocomplete="off"
                        prop:value=move || value.with(get)
                        on:input=move |ev| {
                            let mut parts = value.get_untracked();
                            set(&mut parts, event_target_value(&ev));
                            on_input.run(parts);
                        }
                        on:blur={
                            let on_blur = on_blur.clone();
                            move |_| {
                                if let Some(on_blur) = &on_blur {
                                    on_blur();
                                }
                            }
                        }
                    />
                </div>
            </div>
        }
    };
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{move || legend.get()}</legend>
                <div class="govuk-hint" id=hint_id.clone()>{hint}</div>
                <ErrorMessage id=error_id message=error />
                <div class="govuk-date-input" id=format!("{id}-group")>
                    {part(id.clone(), "Day", "govuk-input--width-2", true, |p| p.day.clone(), |p, v| p.day = v)}
                    {part(format!("{id}-month"), "Month", "govuk-input--width-3", false, |p| p.month.clone(), |p, v| p.month = v)}
                    {part(format!("{id}-year"), "Year", "govuk-input--width-4", true, |p| p.year.clone(), |p, v| p.year = v)}
                </div>
            </fieldset>
        </div>
    }
}

/// GOV.UK checkboxes in a fieldset: "select all that apply". The first box has `id`.
#[component]
pub fn Checkboxes(
    id: String,
    legend: String,
    #[prop(default = None)] hint: Option<String>,
    options: Vec<(String, String)>,
    #[prop(into)] ticked: Signal<Vec<String>>,
    /// Receives the value and whether it is now ticked.
    on_toggle: Callback<(String, bool)>,
    #[prop(into)] error: Signal<Option<String>>,
    /// Answers that stand alone ("None"): shown after an "or" divider, as GOV.UK does.
    #[prop(optional)]
    exclusive: Vec<String>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            described_by(
                has_hint.then_some(&hint_id),
                error.get().is_some().then_some(&error_id),
            )
        }
    };
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let input_id = if index == 0 { id.clone() } else { format!("{id}-{value}") };
            let checked_value = value.clone();
            let toggled_value = value.clone();
            let alone = exclusive.contains(&value);
            view! {
                {alone.then(|| view! { <div class="govuk-checkboxes__divider">"or"</div> })}
                <div class="govuk-checkboxes__item">
                    <input
                        class="govuk-checkboxes__input"
                        id=input_id.clone()
                        name=id.clone()
                        type="checkbox"
                        data-behaviour=alone.then_some("exclusive")
                        value=value
                        prop:checked=move || ticked.with(|ticked| ticked.contains(&checked_value))
                        on:change=move |ev| on_toggle.run((toggled_value.clone(), event_target_checked(&ev)))
                    />
                    <label class="govuk-label govuk-checkboxes__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="govuk-form-group" class:govuk-form-group--error=move || error.get().is_some()>
            <fieldset class="govuk-fieldset" aria-describedby=described>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
                <ErrorMessage id=error_id message=error />
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">{boxes}</div>
            </fieldset>
        </div>
    }
}

/// A GOV.UK summary list of key and value rows; values keep their line breaks.
pub fn summary_list<K: Into<String>>(rows: impl IntoIterator<Item = (K, String)>) -> impl IntoView {
    let rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(key, value)| (key.into(), value))
        .collect();
    view! {
        <dl class="govuk-summary-list">
            {rows.into_iter().map(|(key, value)| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value workbook-pre-line">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The GOV.UK character count message under a textarea.
pub fn characters_left_message(used: usize, max: usize) -> String {
    if used <= max {
        let left = max - used;
        format!(
            "You have {left} character{} remaining",
            if left == 1 { "" } else { "s" }
        )
    } else {
        let over = used - max;
        format!(
            "You have {over} character{} too many",
            if over == 1 { "" } else { "s" }
        )
    }
}

/// "This version is signed, so it cannot be changed", while the latest version is signed or with a
/// senior, on every screen that changes what a version holds (its controls sit in a disabled
/// fieldset, and `domain::signing::lock` refuses the change anyway).
#[component]
pub fn LockedBanner(case_id: String, #[prop(into)] locked: Signal<bool>) -> impl IntoView {
    // In a senior's copy of a version returned for rework, whose it is to rework.
    let reworked_by = super::loading::use_case_store()
        .open_case(&case_id)
        .map(|live| Memo::new(move |_| live.reworked_by()));
    move || {
        let case_id = case_id.clone();
        let officer = reworked_by.and_then(|officer| officer.get());
        locked.get().then(move || match officer {
            Some(officer) => view! {
                <NotificationBanner title="Returned for rework" testid="locked">
                    <p class="govuk-notification-banner__heading">{format!("{} reworks this version, so you cannot change it here.", officer.name)}</p>
                    <p class="govuk-body">"You can read it, and comment on the signing page."</p>
                </NotificationBanner>
            }.into_any(),
            None => view! {
                <NotificationBanner title="Signed" testid="locked">
                    <p class="govuk-notification-banner__heading">"This version is signed, so it cannot be changed."</p>
                    <p class="govuk-body"><a class="govuk-notification-banner__link" href=format!("/cases/{case_id}/signing")>"Start a new draft on the signing page"</a>" to make changes."</p>
                </NotificationBanner>
            }.into_any(),
        })
    }
}

/// A GOV.UK notification banner (blue, for information): its title and content; `testid` names it
/// for tests and its title's id.
#[component]
pub fn NotificationBanner(
    title: &'static str,
    testid: &'static str,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{testid}-title");
    let labelled_by = title_id.clone();
    view! {
        <div class="govuk-notification-banner" role="region" aria-labelledby=labelled_by data-testid=testid>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title_id>{title}</h2>
            </div>
            <div class="govuk-notification-banner__content">{children()}</div>
        </div>
    }
}

/// The GOV.UK warning text: the "!" icon, then the words in bold, said as "Warning: …" by screen
/// readers. `testid` and `alert` (read out as soon as it appears) are optional.
#[component]
pub fn WarningText(
    #[prop(optional)] testid: &'static str,
    #[prop(optional)] alert: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="govuk-warning-text" data-testid=(!testid.is_empty()).then_some(testid) role=alert.then_some("alert")>
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                {children()}
            </strong>
        </div>
    }
}
