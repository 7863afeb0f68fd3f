//! One section of the assessment: its questions, rendered from the questionnaire definition,
//! with the score, maximum and need flag updating as the officer answers.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::autosave::Autosave;
use super::components::{characters_left_message, set_title, ErrorMessage, ErrorSummary, Radios};
use super::loading::{load_case_and_assessment, Loaded, LoadedView};
use crate::domain::errors::FieldErrors;
use crate::domain::questionnaire::{self, Item, ItemKind, Section};
use crate::domain::scoring::score_section;

/// The id of an item's first input, used by error links: "item-3-4".
pub fn item_field_id(code: &str) -> String {
    format!("item-{}", code.replace('.', "-"))
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = move || params.read().get("id").unwrap_or_default();
    let section_number = move || params.read().get("section").unwrap_or_default();
    let loaded = load_case_and_assessment(case_id);
    move || {
        let Some(section) = questionnaire::section(&section_number()) else {
            set_title("Section not found", false);
            return view! {
                <h1 class="govuk-heading-l">"Section not found"</h1>
                <p class="govuk-body"><a class="govuk-link" href=format!("/cases/{}/assessment", case_id())>"Back to the assessment"</a></p>
            }
            .into_any();
        };
        view! {
            <LoadedView loaded=loaded render={move |Loaded { case, assessment }| {
                let autosave = Autosave::new(assessment);
                autosave.visit_section(section.number);
                view! { <SectionForm section=section case_name=case.details.name.clone() crn=case.details.crn.clone() case_id=case.id.clone() autosave=autosave /> }.into_any()
            }} />
        }
        .into_any()
    }
}

#[component]
fn SectionForm(
    section: &'static Section,
    case_name: String,
    crn: String,
    case_id: String,
    autosave: Autosave,
) -> impl IntoView {
    let draft = autosave.draft;
    let errors = Memo::new(move |_| {
        let mut errors = FieldErrors::default();
        draft.with(|draft| {
            for item in section.items {
                if let ItemKind::FreeText { max_chars } = item.kind {
                    let used = draft.answers.text(item.code).chars().count();
                    if used > max_chars {
                        errors.push(
                            item.code,
                            format!("{} must be {max_chars} characters or fewer", item.question),
                        );
                    }
                }
            }
        });
        errors
    });
    let title = format!("{}. {}", section.number, section.title);
    Effect::new({
        let title = title.clone();
        move |_| set_title(&title, !errors.with(FieldErrors::is_empty))
    });
    let score = Memo::new(move |_| draft.with(|draft| score_section(section, &draft.answers)));
    let task_list = format!("/cases/{case_id}/assessment");

    view! {
        <a href=task_list.clone() class="govuk-back-link">"Back to assessment"</a>
        <ErrorSummary errors=errors link=item_field_id />
        <span class="govuk-caption-l">{format!("{case_name} ({crn})")}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        <SaveStatusLine autosave=autosave />
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <form novalidate on:submit=|ev| ev.prevent_default()>
                    {section
                        .items
                        .iter()
                        .map(|item| view! { <ItemField item=item autosave=autosave errors=errors /> })
                        .collect_view()}
                </form>
                <a href=task_list class="govuk-button" role="button" draggable="false" on:click=move |_| autosave.flush()>
                    "Return to the task list"
                </a>
            </div>
            <div class="govuk-grid-column-one-third">
                <aside class="workbook-score" aria-labelledby="score-heading">
                    <h2 class="govuk-heading-m" id="score-heading">"Section score"</h2>
                    <dl class="govuk-summary-list govuk-summary-list--no-border">
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">"Score"</dt>
                            <dd class="govuk-summary-list__value" data-testid="section-score">
                                {move || format!("{} out of {}", score.get().score, score.get().max)}
                            </dd>
                        </div>
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">"Need"</dt>
                            <dd class="govuk-summary-list__value" data-testid="section-need">
                                {move || score.get().need.map(|need| need.label()).unwrap_or("Not scored for need")}
                            </dd>
                        </div>
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">"Answered"</dt>
                            <dd class="govuk-summary-list__value">
                                {move || {
                                    let score = score.get();
                                    format!("{} of {} scored questions", score.scored_answered, score.scored_items)
                                }}
                            </dd>
                        </div>
                    </dl>
                    {section.need_threshold.map(|threshold| view! {
                        <p class="govuk-body-s">
                            {format!("A score of {} or more is an identified need; {} or more is severe.", threshold.need_from, threshold.severe_from)}
                        </p>
                    })}
                </aside>
            </div>
        </div>
    }
}

/// "Saved at 14:03:07", "Saving…" or what went wrong, announced politely to screen readers.
#[component]
fn SaveStatusLine(autosave: Autosave) -> impl IntoView {
    let failed = move || {
        matches!(
            autosave.status.get(),
            super::autosave::SaveStatus::Failed(_)
        )
    };
    view! {
        <p class="govuk-body workbook-save-status" class:workbook-save-status--failed=failed role="status" aria-live="polite" data-testid="save-status">
            {move || autosave.status.get().message()}
        </p>
    }
}

#[component]
fn ItemField(item: &'static Item, autosave: Autosave, errors: Memo<FieldErrors>) -> impl IntoView {
    let field_id = item_field_id(item.code);
    let error = Signal::derive(move || {
        errors.with(|errors| errors.for_field(item.code).map(str::to_string))
    });
    let question = format!("{} {}", item.code, item.question);
    match item.kind {
        ItemKind::Choice(choices) => {
            let options = choices
                .iter()
                .map(|choice| (choice.value.to_string(), choice.label.to_string()))
                .collect();
            let selected = Signal::derive(move || {
                autosave
                    .draft
                    .with(|draft| draft.answers.choice(item.code).map(str::to_string))
            });
            view! {
                <Radios
                    id=field_id
                    legend=question
                    hint=item.hint.map(str::to_string).unwrap_or_default()
                    inline=choices.len() == 2
                    options=options
                    selected=selected
                    on_select=Callback::new(move |value: String| autosave.choose(item.code, value))
                    error=error
                />
            }
            .into_any()
        }
        ItemKind::FreeText { max_chars } => {
            let text = move || {
                autosave
                    .draft
                    .with(|draft| draft.answers.text(item.code).to_string())
            };
            let count_id = format!("{field_id}-info");
            let error_id = format!("{field_id}-error");
            let hint_id = format!("{field_id}-hint");
            let described = {
                let count_id = count_id.clone();
                let error_id = error_id.clone();
                let hint_id = hint_id.clone();
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
            view! {
                <div class="govuk-form-group govuk-character-count" class:govuk-form-group--error=move || error.get().is_some()>
                    <label class="govuk-label govuk-label--s" for=field_id.clone()>{question}</label>
                    {item.hint.map(|hint| view! { <div class="govuk-hint" id=hint_id.clone()>{hint}</div> })}
                    <ErrorMessage id=error_id message=error />
                    <textarea
                        class="govuk-textarea govuk-js-character-count"
                        class:govuk-textarea--error=move || error.get().is_some()
                        id=field_id.clone()
                        name=field_id
                        rows="6"
                        aria-describedby=described
                        prop:value=text
                        on:input=move |ev| autosave.type_text(item.code, event_target_value(&ev))
                        on:blur=move |_| autosave.flush()
                    ></textarea>
                    <div class="govuk-hint govuk-character-count__message" id=count_id aria-live="polite">
                        {move || characters_left_message(text().chars().count(), max_chars)}
                    </div>
                </div>
            }
            .into_any()
        }
    }
}
