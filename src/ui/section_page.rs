//! One section of the assessment: its questions, rendered from the questionnaire definition, the
//! score and need flag as the officer answers, and "Have you completed this section?".

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::autosave::{Autosave, SaveStatusLine};
use super::components::{
    focus_element, focus_error_summary, focus_field, set_title, ErrorSummary, LockedBanner, Radios,
    WarningText,
};
use super::fields::{item_field_id, ItemField, Slot};
use super::loading::{LiveCase, LiveCaseView};
use super::score_panel::ScorePanel;
use crate::domain::dates::format_long;
use crate::domain::errors::FieldErrors;
use crate::domain::progress::hidden_answers;
use crate::domain::questionnaire::{self, CheckContext, Section};
use crate::domain::screening;
use crate::domain::signing::{CommentTarget, THREAD_QUERY};
use crate::domain::validation::{validate_section, Strictness};

/// The id of the "Have you completed this section?" radios, for error links.
const COMPLETED_FIELD: &str = "section-completed";

/// The id of the block of a question's comments: where a link to them lands.
fn item_threads_id(code: &str) -> String {
    format!("threads-{}", code.replace('.', "-"))
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let section_id = Memo::new(move |_| params.read().get("section").unwrap_or_default());
    move || {
        let Some(section) = questionnaire::section(&section_id.get()) else {
            set_title("Section not found", false);
            return view! {
                <h1 class="govuk-heading-l">"Section not found"</h1>
                <p class="govuk-body"><a class="govuk-link" href=format!("/cases/{}/assessment", case_id.get())>"Back to the assessment"</a></p>
            }
            .into_any();
        };
        let change = query.read_untracked().get("change");
        // Came from a comment on one of its questions (`comment_link`): that question's comments.
        let thread = query.read_untracked().get(THREAD_QUERY);
        view! {
            <LiveCaseView case_id=case_id render={move |live: LiveCase| {
                if !live.signing.draft.with_untracked(|_| live.is_locked()) {
                    live.assessment.visit_section(section.id);
                    let prefill = live.assessment.draft.with_untracked(|draft| screening::prefill_on_opening(section.id, &draft.answers));
                    if let Some((code, answer)) = prefill {
                        live.assessment.change_now(move |draft| {
                            if draft.answers.get(code).is_none() {
                                draft.answers.set(code, answer.clone());
                            }
                        });
                    }
                }
                view! { <SectionForm section=section live=live change=change.clone() thread=thread.clone() /> }.into_any()
            }} />
        }
        .into_any()
    }
}

#[component]
fn SectionForm(
    section: &'static Section,
    /// The open case (its live copy, shared with every other screen).
    live: LiveCase,
    /// The item to change, when the officer came from "check your answers".
    change: Option<String>,
    /// The question whose comments to bring into view, when the officer followed a link to them.
    thread: Option<String>,
) -> impl IntoView {
    let autosave: Autosave = live.assessment;
    let draft = autosave.draft;
    let case = live.case.draft.get_untracked();
    let context = CheckContext {
        date_of_birth: case.details.date_of_birth,
        today: super::clock::today(),
    };
    let caption = move || live.caption();
    let case_id = case.id.clone();
    // A signed version is read-only until a new draft is started (signing in another tab locks it here too).
    let locked = Memo::new(move |_| live.is_locked());

    let marked_completed =
        Memo::new(move |_| draft.with(|draft| draft.completed_sections.contains(section.id)));
    // A section already marked completed shows what stops it being complete straight away.
    let show_all_problems = RwSignal::new(marked_completed.get_untracked());
    let errors = Memo::new(move |_| {
        let strictness = if show_all_problems.get() && marked_completed.get() {
            Strictness::ToComplete
        } else {
            Strictness::WhileAnswering
        };
        draft.with(|draft| validate_section(section, &draft.answers, Some(&context), strictness))
    });
    let title = section.heading();
    Effect::new({
        let title = title.clone();
        move |_| set_title(&title, !errors.with(FieldErrors::is_empty))
    });
    let available = Memo::new(move |_| draft.with(|draft| section.is_available(&draft.answers)));
    let hidden = Memo::new(move |_| draft.with(|draft| hidden_answers(section, &draft.answers)));
    let task_list = format!("/cases/{case_id}/assessment");
    let check_answers = format!("/cases/{case_id}/assessment/{}/check", section.id);
    let returning = change.is_some();
    if let Some(code) = change {
        request_animation_frame(move || focus_field(&item_field_id(&code)));
    } else if let Some(code) = thread {
        request_animation_frame(move || focus_element(&item_threads_id(&code)));
    }

    let navigate = use_navigate();
    let continue_on = {
        let (task_list, check_answers) = (task_list.clone(), check_answers.clone());
        move |_| {
            autosave.flush();
            if returning {
                navigate(&check_answers, Default::default());
                return;
            }
            if !marked_completed.get_untracked() {
                navigate(&task_list, Default::default());
                return;
            }
            let complete = draft.with_untracked(|draft| {
                validate_section(
                    section,
                    &draft.answers,
                    Some(&context),
                    Strictness::ToComplete,
                )
                .is_empty()
            });
            if complete {
                navigate(&check_answers, Default::default());
            } else {
                show_all_problems.set(true);
                focus_error_summary();
            }
        }
    };

    let items = section
        .items
        .iter()
        .map(|item| {
            // What a countersigner said about this very question, under it.
            view! {
                <ItemField field=Slot::top(autosave, item) errors=errors />
                <div id=item_threads_id(item.code) tabindex="-1" class="workbook-item-threads">
                    <super::threads::ItemThreads target=CommentTarget::Item(item.code.to_string()) signing=live.signing locked=locked />
                </div>
            }
        })
        .collect_view();
    // Neither choice is picked until the officer picks one (or marked the section completed before).
    let completed_choice =
        RwSignal::new(marked_completed.get_untracked().then(|| "yes".to_string()));
    // A review carried this section forward: checked in one action, or changed.
    let carried =
        Memo::new(move |_| draft.with(|draft| draft.carried_forward.contains(section.id)));
    let reviewed = Memo::new(move |_| {
        live.signing.draft.with(|record| {
            crate::domain::review_changes::review_base(&record.signing)
                .map(|base| format!("version {} ({})", base.number, format_long(base.day)))
        })
    });
    let confirmed = RwSignal::new(false);
    let confirm_unchanged = move |_| {
        autosave.mark_completed(section.id, true);
        completed_choice.set(Some("yes".to_string()));
        confirmed.set(true);
        request_animation_frame(|| focus_field("confirmed-unchanged"));
    };

    view! {
        <a href=task_list.clone() class="govuk-back-link" on:click=move |_| autosave.flush()>"Back to assessment"</a>
        <ErrorSummary errors=errors link=item_field_id />
        <span class="govuk-caption-l">{caption}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        <SaveStatusLine status=autosave.status />
        <LockedBanner case_id=live.id() locked=locked />
        {move || (carried.get() && !locked.get()).then(|| view! {
            <div class="govuk-notification-banner" role="region" aria-labelledby="carried-forward-title" data-testid="carried-forward">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="carried-forward-title">"Carried forward — check"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">
                        {format!("These answers are carried forward from {}. Check that each still holds.", reviewed.get().unwrap_or_else(|| "the signed version".to_string()))}
                    </p>
                    <p class="govuk-body">"Change any answer that no longer holds: the earlier answer shows under it. If nothing has changed, say so."</p>
                    <button type="button" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button" on:click=confirm_unchanged>"This section is unchanged"</button>
                </div>
            </div>
        })}
        {move || confirmed.get().then(|| view! {
            <div class="govuk-inset-text" id="confirmed-unchanged" tabindex="-1" data-testid="confirmed-unchanged">"Confirmed unchanged: the section is completed."</div>
        })}
        // What countersigners said about this section: to act on now, with a reply box, and
        // earlier comments with their replies and how they ended.
        <super::threads::ItemThreads target=CommentTarget::Section(section.id.to_string()) signing=live.signing locked=locked />
        {move || (!available.get()).then(|| view! {
            <WarningText>"This section cannot start yet: answer yes to at least one risk of serious harm screening question first. Anything you enter here is kept, but is not part of the assessment until then."</WarningText>
        })}
        {move || {
            let hidden = hidden.get();
            (!hidden.is_empty()).then(|| view! {
                <div class="govuk-inset-text" data-testid="hidden-answers">
                    {format!(
                        "Answers to {} are hidden because of a change to an earlier answer. They are kept, but are not scored, checked or exported. Change the earlier answer back to show them.",
                        hidden.join(", ")
                    )}
                </div>
            })
        }}
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <form novalidate on:submit=|ev| ev.prevent_default()>
                    <fieldset class="workbook-lockable" disabled=move || locked.get()>
                    {items}
                    {(!returning).then(|| view! {
                        <Radios
                            id=COMPLETED_FIELD.to_string()
                            legend="Have you completed this section?".to_string()
                            inline=false
                            options=vec![("yes".into(), "Yes".into()), ("no".into(), "No, I'll come back later".into())]
                            selected=completed_choice
                            on_select=Callback::new(move |value: String| {
                                autosave.mark_completed(section.id, value == "yes");
                                completed_choice.set(Some(value));
                            })
                            error=Signal::stored(None::<String>)
                        />
                    })}
                    </fieldset>
                </form>
                <button type="button" class="govuk-button" data-module="govuk-button" on:click=continue_on>
                    {if returning { "Return to check your answers" } else { "Continue" }}
                </button>
            </div>
            <div class="govuk-grid-column-one-third">
                <ScorePanel section=section draft=draft case=case />
            </div>
        </div>
    }
}
