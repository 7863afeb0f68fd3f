//! The practice space: fictional sample cases in a database of their own, marked on every screen,
//! never mixed with live work. Which space is open is a small UI preference kept in localStorage.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const SPACE_KEY: &str = "workbook.space";
const PRACTICE: &str = "practice";

/// Whether this tab is in the practice space.
pub fn is_practice() -> bool {
    LocalStorage::get::<String>(SPACE_KEY).is_ok_and(|space| space == PRACTICE)
}

/// Switches space and reopens the app at its front page, so nothing from one space is still on screen
/// (or held open) in the other.
pub fn switch_space(practice: bool) {
    if practice {
        let _ = LocalStorage::set(SPACE_KEY, PRACTICE);
    } else {
        LocalStorage::delete(SPACE_KEY);
    }
    let _ = window().location().set_href("/");
}

/// The banner on every screen of the practice space.
#[component]
pub fn PracticeBanner() -> impl IntoView {
    is_practice().then(|| {
        view! {
            <div class="workbook-practice-banner" role="region" aria-label="Practice" data-testid="practice-banner">
                <div class="govuk-width-container">
                    <p class="govuk-body govuk-!-margin-0">
                        <strong class="govuk-tag workbook-practice-tag">"PRACTICE"</strong>
                        " Fictional sample cases only, kept apart from your live cases. Nothing here can be signed or sent as real work. "
                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-0 workbook-no-print" on:click=|_| switch_space(false)>
                            "Leave practice"
                        </button>
                    </p>
                </div>
            </div>
        }
    })
}
