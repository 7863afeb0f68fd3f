//! A comment thread on screen (issue 20): the comment, each reply and how it ended, as the
//! domain words them (`Thread::lines`); with, where the page offers it, the officer's reply box or
//! the senior's "Mark as resolved".

use leptos::prelude::*;

/// The lines of one thread, the first (the comment) in bold.
#[component]
pub fn ThreadLines(lines: Vec<String>, open: bool) -> impl IntoView {
    let state = if open {
        view! { <strong class="govuk-tag govuk-tag--yellow">"Open"</strong> }.into_any()
    } else {
        view! { <strong class="govuk-tag govuk-tag--grey">"Closed"</strong> }.into_any()
    };
    let mut lines = lines.into_iter();
    let first = lines.next().unwrap_or_default();
    view! {
        <p class="govuk-body govuk-!-margin-bottom-1">{state}" "<span class="govuk-!-font-weight-bold">{first}</span></p>
        <ul class="govuk-list workbook-thread-replies">
            {lines.map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// A single tick box bound to a yes/no signal: "Mark as resolved".
#[component]
pub fn TickBox(
    id: String,
    label: String,
    ticked: Signal<bool>,
    on_toggle: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
                <input
                    class="govuk-checkboxes__input"
                    id=id.clone()
                    type="checkbox"
                    prop:checked=move || ticked.get()
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev))
                />
                <label class="govuk-label govuk-checkboxes__label" for=id>{label}</label>
            </div>
        </div>
    }
}
