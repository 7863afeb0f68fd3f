//! Keyboard shortcuts on every screen: `/` goes to the caseload's search from anywhere, `[` and `]`
//! move to the previous and next section of an assessment, `?` lists them. The caseload has its own
//! (a superset, `caseload.rs`), so these stay quiet there. None fires while typing in a box.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use crate::domain::questionnaire::adjacent_section;

/// The caseload's search box, focused by `/`.
pub const SEARCH_ID: &str = "caseload-search";

/// Whether a key press is typing: into a text box, a text area, a select or editable text. Radios,
/// checkboxes and buttons are not, so shortcuts work while one of them has the focus.
pub fn is_typing(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| match element.tag_name().as_str() {
            "INPUT" => !matches!(
                element.get_attribute("type").as_deref(),
                Some("radio" | "checkbox" | "button" | "submit" | "reset" | "file")
            ),
            "TEXTAREA" | "SELECT" => true,
            _ => element.has_attribute("contenteditable"),
        })
}

/// `/cases/ID/assessment/SECTION` → (ID, SECTION); anything else → `None`.
fn section_of(path: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["cases", id, "assessment", section] | ["cases", id, "assessment", section, "check"] => {
            Some((id.to_string(), section.to_string()))
        }
        _ => None,
    }
}

/// Focuses the element with `id` once it is on the page (the caseload shows it once loaded).
pub fn focus_when_shown(id: &'static str, frames_left: u32) {
    request_animation_frame(move || {
        match document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(element) => {
                let _ = element.focus();
            }
            None if frames_left > 0 => focus_when_shown(id, frames_left - 1),
            None => {}
        }
    });
}

#[component]
pub fn GlobalShortcuts() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let on_key = window_event_listener(leptos::ev::keydown, move |event| {
        let path = location.pathname.get_untracked();
        if path == "/" || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        if is_typing(&event) {
            return;
        }
        match event.key().as_str() {
            "/" => {
                event.prevent_default();
                navigate("/", Default::default());
                focus_when_shown(SEARCH_ID, 120);
            }
            key @ ("[" | "]") => {
                if let Some((case_id, section)) = section_of(&path) {
                    if let Some(next) = adjacent_section(&section, key == "]") {
                        event.prevent_default();
                        navigate(
                            &format!("/cases/{case_id}/assessment/{}", next.id),
                            Default::default(),
                        );
                    }
                }
            }
            "?" => open.update(|open| *open = !*open),
            "Escape" if open.get_untracked() => open.set(false),
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
    move || {
        open.get().then(|| {
            view! {
                <div class="govuk-inset-text" id="shortcuts" data-testid="shortcuts" role="region" aria-label="Keyboard shortcuts">
                    <h2 class="govuk-heading-s">"Keyboard shortcuts"</h2>
                    <dl class="govuk-summary-list govuk-summary-list--no-border">
                        {[("/", "Search the caseload, from any screen"), ("[ and ]", "Previous and next section of the assessment"), ("?", "Show or hide these shortcuts"), ("Esc", "Hide them")]
                            .into_iter()
                            .map(|(key, what)| view! { <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key"><kbd>{key}</kbd></dt><dd class="govuk-summary-list__value">{what}</dd></div> })
                            .collect_view()}
                    </dl>
                </div>
            }
        })
    }
}
