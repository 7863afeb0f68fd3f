//! The practice space: fictional sample cases in a database of their own, marked on every screen,
//! never mixed with live work. Which space a tab is in is that tab's own (sessionStorage), read
//! once when the tab opens and never changed under it: another tab switching space changes
//! nothing here, and practice writes only to the practice database.

use std::sync::OnceLock;

use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;

const SPACE_KEY: &str = "workbook.space";
const PRACTICE: &str = "practice";

static SPACE_IS_PRACTICE: OnceLock<bool> = OnceLock::new();

/// Whether this tab is in the practice space (fixed for the life of the page).
pub fn is_practice() -> bool {
    *SPACE_IS_PRACTICE.get_or_init(|| {
        SessionStorage::get::<String>(SPACE_KEY).is_ok_and(|space| space == PRACTICE)
    })
}

/// Switches this tab's space and reopens the app at its front page, so nothing from one space is
/// still on screen (or held open) in the other. Other tabs stay where they are.
pub fn switch_space(practice: bool) {
    if practice {
        let _ = SessionStorage::set(SPACE_KEY, PRACTICE);
    } else {
        SessionStorage::delete(SPACE_KEY);
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
