//! Leptos components, one module per screen or widget. They call `domain` and `store`, never the reverse.

mod agreement_page;
mod appointment;
mod autosave;
mod backup;
mod case_form;
mod case_page;
mod caseload;
mod check_answers;
mod clock;
mod closure_pages;
mod components;
mod db;
mod export;
mod fields;
mod files;
mod goal_form;
mod health;
mod import_page;
mod loading;
mod offences;
mod offline;
mod photo;
mod plan_page;
mod practice;
mod practice_pages;
mod predictors_panel;
mod print_page;
mod profile_page;
mod queue_page;
mod report_page;
mod restore_page;
mod review_page;
mod reviews_page;
mod score_panel;
mod section_page;
mod shortcuts;
mod signed;
mod signing_page;
mod storage;
mod storage_page;
mod task_list;
mod team_page;
mod team_sync_page;
mod threads;
mod version_page;
mod version_summary;

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

/// Where the officer last was, so reopening the app brings them back there (one place per space).
fn last_location_key() -> &'static str {
    if practice::is_practice() {
        "workbook.last-location.practice"
    } else {
        "workbook.last-location"
    }
}

/// Starts the app in the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    if practice::is_practice() {
        if let Some(body) = document().body() {
            body.set_class_name("govuk-template__body workbook-practice");
        }
    }
    return_to_last_location();
    leptos::mount::mount_to_body(App);
    // After mounting: the app's task executor exists from then on.
    offline::start();
}

/// "/cases/{id}/assessment/{section}": the only pages worth resuming, since work happens there.
fn is_section_page(path: &str) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(parts.as_slice(), ["cases", id, "assessment", section] if !id.is_empty() && !section.is_empty())
}

/// Opening the app at its front page after closing the tab (or a crash) brings the officer back to
/// the assessment section they were in, if that is where they were.
fn return_to_last_location() {
    let location = window().location();
    let at_front_page = location.pathname().is_ok_and(|path| path == "/");
    if !at_front_page {
        return;
    }
    if let Ok(last) = LocalStorage::get::<String>(last_location_key()) {
        if is_section_page(&last) {
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&last));
            }
        }
    }
}

#[component]
fn App() -> impl IntoView {
    loading::provide_case_store();
    team_sync_page::provide_sync();
    view! {
        <Router>
            <RememberLocation />
            <FocusHeadingOnNavigation />
            <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">"Skip to main content"</a>
            <header class="govuk-header workbook-header" data-module="govuk-header">
                <div class="govuk-header__container govuk-width-container">
                    <div class="govuk-header__logo">
                        <a href="/" class="govuk-header__link govuk-header__link--homepage workbook-header__name">"Probation Workbook"</a>
                    </div>
                    <nav aria-label="Menu" class="govuk-header__navigation workbook-header__navigation">
                        <ul class="govuk-header__navigation-list">
                            <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/team-sync">"Team"</a></li>
                            <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/import">"Import a case package"</a></li>
                            <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/storage">"Storage and backup"</a></li>
                            <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/profile">"Your profile"</a></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <practice::PracticeBanner />
            <div class="govuk-width-container">
                <aside class="govuk-phase-banner" aria-label="About this service">
                    <p class="govuk-phase-banner__content">
                        <team_sync_page::WhereWorkGoes />
                    </p>
                </aside>
                <team_sync_page::SyncStatusLine />
                <offline::UpdateBanner />
                <health::HealthBanners />
                <shortcuts::GlobalShortcuts />
                <main class="govuk-main-wrapper" id="main-content">
                    <Routes fallback=|| view! {
                        <h1 class="govuk-heading-l">"Page not found"</h1>
                        <p class="govuk-body"><a class="govuk-link" href="/">"Go to your caseload"</a></p>
                    }>
                        <Route path=path!("/") view=|| if practice::is_practice() { view! { <practice_pages::PracticeCaseload /> }.into_any() } else { view! { <caseload::Caseload /> }.into_any() } />
                        <Route path=path!("/cases/:id/case-file") view=practice_pages::CaseFilePage />
                        <Route path=path!("/cases/:id/feedback") view=practice_pages::FeedbackPage />
                        <Route path=path!("/cases/new") view=case_form::NewCasePage />
                        <Route path=path!("/profile") view=profile_page::ProfilePage />
                        <Route path=path!("/team") view=team_page::TeamPage />
                        <Route path=path!("/team-sync") view=team_sync_page::TeamSyncPage />
                        <Route path=path!("/storage") view=storage_page::StoragePage />
                        <Route path=path!("/storage/restore") view=restore_page::RestorePage />
                        <Route path=path!("/import") view=import_page::ImportPage />
                        <Route path=path!("/cases/:id/signing") view=signing_page::SigningPage />
                        <Route path=path!("/cases/:id/review") view=review_page::ReviewPage />
                        <Route path=path!("/cases/:id/versions/:number") view=version_page::VersionPage />
                        <Route path=path!("/cases/:id") view=case_page::CasePage />
                        <Route path=path!("/cases/:id/edit") view=case_form::EditCasePage />
                        <Route path=path!("/cases/:id/close") view=closure_pages::ClosePage />
                        <Route path=path!("/cases/:id/delete") view=closure_pages::DeletePage />
                        <Route path=path!("/cases/:id/transfer") view=closure_pages::TransferPage />
                        <Route path=path!("/closed") view=closure_pages::ClosedCasesPage />
                        <Route path=path!("/queue") view=queue_page::QueuePage />
                        <Route path=path!("/cases/:id/assessment") view=task_list::TaskListPage />
                        // Before "/cases/:id/assessment/:section", which would take "report" for a section.
                        <Route path=path!("/cases/:id/assessment/report") view=report_page::AssessmentReportPage />
                        <Route path=path!("/cases/:id/assessment/:section") view=section_page::SectionPage />
                        <Route path=path!("/cases/:id/assessment/:section/check") view=check_answers::CheckAnswersPage />
                        <Route path=path!("/cases/:id/reviews") view=reviews_page::ReviewsPage />
                        <Route path=path!("/cases/:id/plan") view=plan_page::PlanPage />
                        // Before any "/cases/:id/plan/:x": leptos_router takes the first route that matches.
                        <Route path=path!("/cases/:id/plan/print") view=print_page::PrintPlanPage />
                        <Route path=path!("/cases/:id/plan/goals/new") view=goal_form::GoalFormPage />
                        <Route path=path!("/cases/:id/plan/goals/:goal") view=goal_form::GoalFormPage />
                        <Route path=path!("/cases/:id/plan/agreement") view=agreement_page::AgreementPage />
                    </Routes>
                </main>
            </div>
        </Router>
    }
}

/// After every change of page, focus moves to the new page's `h1` (the GOV.UK pattern for
/// single-page services), so Tab and a screen reader start from the top of the new page. Not on
/// the first page, and not when the new page has put the focus somewhere itself (the field to
/// change, the error summary).
#[component]
fn FocusHeadingOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            let before = document().active_element();
            focus_heading_when_shown(before, 120);
        }
        path
    });
}

/// Focuses `main h1` once it is there (pages that load a case show it a few frames later),
/// unless focus has moved since the navigation to something other than the page itself.
fn focus_heading_when_shown(before: Option<web_sys::Element>, frames_left: u32) {
    request_animation_frame(move || {
        let document = document();
        let now = document.active_element();
        let moved_by_page = match &now {
            None => false,
            Some(now) => {
                now.tag_name() != "BODY" && now.is_connected() && before.as_ref() != Some(now)
            }
        };
        if moved_by_page {
            return;
        }
        match document.query_selector("main h1").ok().flatten() {
            Some(heading) => {
                use wasm_bindgen::JsCast;
                let _ = heading.set_attribute("tabindex", "-1");
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
            None if frames_left > 0 => focus_heading_when_shown(before, frames_left - 1),
            None => {}
        }
    });
}

/// Writes every location the officer visits, for `return_to_last_location`.
#[component]
fn RememberLocation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let _ = LocalStorage::set(last_location_key(), path);
    });
}
