//! The sentence plan of a case: suggested goals from the assessment, the goals with their steps,
//! and the person's agreement. Every change is saved as it is made.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::autosave::{Autosave, SaveStatusLine};
use super::clock;
use super::components::{
    error_at, set_title, summary_list, ErrorMessage, LockedBanner, Radios, TextArea, TextInput,
};
use super::export::ExportPlanButton;
use super::loading::{LiveCase, LiveCaseView};
use crate::domain::errors::FieldErrors;
use crate::domain::plan::{
    actor_code, offered_suggestions, step_field, step_status_code, step_status_from_code,
    suggest_goals, Actor, Goal, GoalForm, GoalStatus, GoalTarget, GoalTiming, PlanError, StepForm,
    STEP_STATUSES,
};
use crate::store::PlanRecord;

/// Applies a change to a copy of the plan record and keeps it only if the plan accepts it (on the
/// live copy now, and again on the stored copy when it is saved).
pub fn apply(
    autosave: Autosave<PlanRecord>,
    change: impl Fn(&mut PlanRecord) -> Result<(), PlanError> + Send + Sync + 'static,
) -> Result<(), PlanError> {
    autosave.try_change(change)
}

/// What the officer can take back: a goal as it was before "Remove goal", or a dismissal.
#[derive(Clone)]
enum Undo {
    Goal { before: Goal, at: usize },
    Dismissed(String),
}

impl Undo {
    fn message(&self) -> String {
        match self {
            Undo::Goal { before, .. } => format!("Goal removed: {}", before.text),
            Undo::Dismissed(text) => format!("Suggestion dismissed: {text}"),
        }
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| {
            set_title("Sentence plan", false);
            let autosave = live.plan;
            let record = autosave.draft;
            let case = live.case.draft.get_untracked();
            let case_id = case.id.clone();
            let assessment = live.assessment.draft;
            let export_answers = Signal::derive(move || assessment.with(|record| record.answers.clone()));
            let export_case = case.clone();
            let case_details = StoredValue::new(case.details.clone());
            let suggestions = Memo::new(move |_| {
                assessment.with(|assessment| {
                    record.with(|record| offered_suggestions(&assessment.answers, &record.plan, &record.dismissed_suggestions))
                })
            });
            let status_line = move || record.with(|record| record.plan.status_line());
            // The last removal or dismissal, offered back until the next one.
            let undo = RwSignal::new(None::<Undo>);
            let undo_view = move || undo.get().map(|last| {
                let message = last.message();
                view! {
                    <div class="govuk-notification-banner" role="region" aria-labelledby="undo-title" data-testid="undo">
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title" id="undo-title">"Done"</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-notification-banner__heading" role="status">{message}</p>
                            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| {
                                let Some(last) = undo.get_untracked() else { return };
                                let done = match last {
                                    Undo::Goal { before, at } => apply(autosave, move |record| {
                                        record.plan.put_back(before.clone(), at);
                                        Ok(())
                                    }),
                                    Undo::Dismissed(text) => apply(autosave, move |record| {
                                        record.dismissed_suggestions.retain(|dismissed| *dismissed != text);
                                        Ok(())
                                    }),
                                };
                                if done.is_ok() {
                                    undo.set(None);
                                }
                            }>"Undo"</button>
                        </div>
                    </div>
                }
            });
            // Dismissed suggestions, with what led to each, to bring back.
            let dismissed = Memo::new(move |_| {
                assessment.with(|assessment| {
                    record.with(|record| {
                        let suggested = suggest_goals(&assessment.answers);
                        record.dismissed_suggestions.iter().map(|text| {
                            let reason = suggested.iter().find(|suggestion| suggestion.text == *text).map(|suggestion| format!("{} · {}", suggestion.area.label(), suggestion.reason));
                            (text.clone(), reason)
                        }).collect::<Vec<_>>()
                    })
                })
            });
            let dismissed_view = move || {
                let list = dismissed.get();
                (!list.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Dismissed suggestions"</h2>
                    <ul class="govuk-list" data-testid="dismissed-suggestions">
                        {list.into_iter().map(|(text, reason)| {
                            let back = text.clone();
                            view! {
                                <li>
                                    <strong>{text.clone()}</strong>
                                    {reason.map(|reason| view! { <span class="govuk-body-s">{format!(" ({reason})")}</span> })}
                                    " "
                                    <button type="button" class="govuk-link workbook-link-button" on:click=move |_| {
                                        let back = back.clone();
                                        let _ = apply(autosave, move |record| {
                                            record.dismissed_suggestions.retain(|dismissed| *dismissed != back);
                                            Ok(())
                                        });
                                    }>"Bring back"<span class="govuk-visually-hidden">{format!(" suggestion: {text}")}</span></button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            };
            let goal_ids = Memo::new(move |_| {
                record.with(|record| {
                    let order = [GoalStatus::Active, GoalStatus::Future, GoalStatus::Achieved, GoalStatus::Removed];
                    let mut goals: Vec<&Goal> = record.plan.goals.iter().collect();
                    goals.sort_by_key(|goal| order.iter().position(|status| *status == goal.status));
                    goals.into_iter().map(|goal| goal.id.clone()).collect::<Vec<_>>()
                })
            });
            let navigate = use_navigate();
            let locked = Memo::new(move |_| live.is_locked());
            let plan_href = format!("/cases/{case_id}/plan");
            let suggestion_view = {
                let case_id = case_id.clone();
                move || {
                    let list = suggestions.get();
                    if list.is_empty() {
                        return view! { <p class="govuk-body" data-testid="no-suggestions">"No more suggestions: every identified need and risk factor has a goal, or was dismissed."</p> }.into_any();
                    }
                    list.into_iter().enumerate().map(|(index, suggestion)| {
                        let heading_id = format!("suggestion-{index}");
                        let labelled_by = heading_id.clone();
                        let (accept_text, edit_text, dismiss_text) = (suggestion.text.clone(), suggestion.text.clone(), suggestion.text.clone());
                        let area = suggestion.area;
                        let navigate = navigate.clone();
                        let new_goal = format!("/cases/{case_id}/plan/goals/new");
                        view! {
                            <div class="govuk-summary-card workbook-suggestion" aria-labelledby=labelled_by>
                                <div class="govuk-summary-card__title-wrapper">
                                    <h3 class="govuk-summary-card__title" id=heading_id>{suggestion.text.clone()}</h3>
                                </div>
                                <div class="govuk-summary-card__content">
                                    <p class="govuk-body-s">{format!("{} · {}", area.label(), suggestion.reason)}</p>
                                    <div class="govuk-button-group">
                                        <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=move |_| {
                                            let text = accept_text.clone();
                                            let (id, today) = (clock::new_id("g"), clock::today());
                                            let details = case_details.get_value();
                                            let _ = apply(autosave, move |record| record.plan.accept_suggestion(&id, area, &text, &details, today));
                                        }>
                                            "Accept"<span class="govuk-visually-hidden">{format!(" goal: {}", suggestion.text)}</span>
                                        </button>
                                        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| {
                                            let text = edit_text.clone();
                                            autosave.change_now(move |record| record.goal_form = Some(GoalForm::suggested(area, &text)));
                                            navigate(&new_goal, Default::default());
                                        }>
                                            "Edit and add"<span class="govuk-visually-hidden">{format!(" goal: {}", suggestion.text)}</span>
                                        </button>
                                        <button type="button" class="govuk-link workbook-link-button" on:click=move |_| {
                                            let text = dismiss_text.clone();
                                            undo.set(Some(Undo::Dismissed(text.clone())));
                                            autosave.change_now(move |record| {
                                                if !record.dismissed_suggestions.contains(&text) {
                                                    record.dismissed_suggestions.push(text.clone());
                                                }
                                            });
                                        }>
                                            "Dismiss"<span class="govuk-visually-hidden">{format!(" suggestion: {}", suggestion.text)}</span>
                                        </button>
                                    </div>
                                </div>
                            </div>
                        }.into_any()
                    }).collect_view().into_any()
                }
            };
            let goals_view = {
                let case_id = case_id.clone();
                move || {
                    let ids = goal_ids.get();
                    if ids.is_empty() {
                        return view! { <p class="govuk-body" data-testid="no-goals">"There are no goals yet. Accept a suggested goal or add one."</p> }.into_any();
                    }
                    ids.into_iter().map(|id| view! { <GoalCard autosave=autosave goal_id=id case_id=case_id.clone() undo=undo signing=live.signing locked=locked /> }).collect_view().into_any()
                }
            };
            view! {
                <a href=format!("/cases/{case_id}") class="govuk-back-link">"Back to case"</a>
                <span class="govuk-caption-l">{move || live.caption()}</span>
                <h1 class="govuk-heading-l">"Sentence plan"</h1>
                <SaveStatusLine status=autosave.status />
                <LockedBanner case_id=case_id.clone() locked=locked />
                <p class="govuk-body" data-testid="plan-status">{status_line}</p>
                <div class="govuk-button-group">
                    {
                        let (goal_href, agreement_href) = (format!("{plan_href}/goals/new"), format!("{plan_href}/agreement"));
                        move || (!locked.get()).then(|| view! {
                            <a href=goal_href.clone() class="govuk-button" role="button" draggable="false" on:click=move |_| {
                                if record.with_untracked(|record| record.goal_form.as_ref().is_some_and(|form| form.editing.is_some())) {
                                    autosave.change_now(|record| record.goal_form = None);
                                }
                            }>"Add a goal"</a>
                            <a href=agreement_href.clone() class="govuk-button govuk-button--secondary" role="button" draggable="false">"Record agreement"</a>
                        })
                    }
                    <a href=format!("/cases/{case_id}/reviews") class="govuk-link">"Review dates"</a>
                    <a href=format!("{plan_href}/print") class="govuk-link">"Print the plan"</a>
                </div>
                {undo_view}
                <ExportPlanButton case=export_case answers=export_answers plan=record reviews_done=super::reviews_page::reviews_done_of(&live) signing=Signal::derive(move || live.signing.draft.with(|record| record.signing.clone())) />
                <fieldset class="workbook-lockable" disabled=move || locked.get()>
                    // The plan as agreed so far first; then what the assessment suggests, most pressing first.
                    <h2 class="govuk-heading-m">"Goals"</h2>
                    {goals_view}
                    <h2 class="govuk-heading-m">"Suggested goals"</h2>
                    <p class="govuk-body">"Suggested from the needs and risk of serious harm in the assessment, most pressing first. Accept one as it is, edit it first, or dismiss it."</p>
                    {suggestion_view}
                    {dismissed_view}
                </fieldset>
            }.into_any()
        }} />
    }
}

/// One goal: what it is, its target, its steps and the form to add one, and what can be done to it.
#[component]
fn GoalCard(
    autosave: Autosave<PlanRecord>,
    goal_id: String,
    case_id: String,
    undo: RwSignal<Option<Undo>>,
    /// The case's signing record: the comments on this goal, with the officer's replies.
    signing: Autosave<crate::store::SigningRecord>,
    locked: Memo<bool>,
) -> impl IntoView {
    let target = crate::domain::signing::CommentTarget::Goal(goal_id.clone());
    let record = autosave.draft;
    let goal = {
        let goal_id = goal_id.clone();
        Memo::new(move |_| record.with(|record| record.plan.goal(&goal_id).cloned()))
    };
    let agreed = Memo::new(move |_| record.with(|record| record.plan.is_agreed()));
    let note = RwSignal::new(String::new());
    let note_error = RwSignal::new(None::<String>);
    let note_id = format!("goal-note-{goal_id}");
    let status_change = {
        let goal_id = goal_id.clone();
        move |achieved: bool| {
            let typed = note.get_untracked();
            let (goal_id, today) = (goal_id.clone(), clock::today());
            // As it was, to put back on "Undo".
            let before = record.with_untracked(|record| {
                record
                    .plan
                    .goals
                    .iter()
                    .position(|goal| goal.id == goal_id)
                    .map(|at| (record.plan.goals[at].clone(), at))
            });
            let result = apply(autosave, move |record| {
                let note_given = (!typed.trim().is_empty()).then_some(typed.as_str());
                if achieved {
                    record.plan.mark_goal_achieved(&goal_id, note_given, today)
                } else {
                    record.plan.remove_goal(&goal_id, note_given, today)
                }
            });
            note_error.set(result.err().map(|error| error.to_string()));
            if note_error.with_untracked(Option::is_none) {
                note.set(String::new());
                if let (false, Some((before, at))) = (achieved, before) {
                    undo.set(Some(Undo::Goal { before, at }));
                }
            }
        }
    };
    move || {
        let Some(goal) = goal.get() else {
            return ().into_any();
        };
        let heading_id = format!("goal-{}", goal.id);
        let labelled_by = heading_id.clone();
        let current = goal.status.is_current();
        let timing = goal.timing_line();
        let related = goal
            .related_areas
            .iter()
            .map(|area| area.label())
            .collect::<Vec<_>>()
            .join(", ");
        let mut rows = vec![
            ("Area of need", goal.area_of_need.label().to_string()),
            ("Target", timing),
        ];
        if !related.is_empty() {
            rows.push(("Related areas", related));
        }
        if !goal.how_progress_is_measured.trim().is_empty() {
            rows.push((
                "How progress will be measured",
                goal.how_progress_is_measured.clone(),
            ));
        }
        if let Some(note) = goal.status_note.clone() {
            rows.push(("Note", note));
        }
        let tag = match goal.status {
            GoalStatus::Active => "govuk-tag govuk-tag--blue",
            GoalStatus::Future => "govuk-tag govuk-tag--grey",
            GoalStatus::Achieved => "govuk-tag govuk-tag--green",
            GoalStatus::Removed => "govuk-tag govuk-tag--red",
        };
        let steps = goal.steps.iter().map(|step| {
            let (goal_id, step_id) = (goal.id.clone(), step.id.clone());
            let select_id = format!("step-status-{}", step.id);
            let label = format!("Status of step: {}", step.description);
            let selected = step_status_code(step.status);
            let remove = (!agreed.get_untracked() && current).then(|| {
                let (goal_id, step_id) = (goal.id.clone(), step.id.clone());
                view! {
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=move |_| {
                        let (goal_id, step_id) = (goal_id.clone(), step_id.clone());
                        let _ = apply(autosave, move |record| record.plan.remove_step(&goal_id, &step_id));
                    }>"Remove"<span class="govuk-visually-hidden">{format!(" step: {}", step.description)}</span></button>
                }
            });
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{step.description.clone()}</td>
                    <td class="govuk-table__cell">{step.actor.label().to_string()}</td>
                    <td class="govuk-table__cell">
                        <label class="govuk-visually-hidden" for=select_id.clone()>{label}</label>
                        <select class="govuk-select" id=select_id disabled=!current on:change=move |ev| {
                            if let Some(status) = step_status_from_code(&event_target_value(&ev)) {
                                let (goal_id, step_id) = (goal_id.clone(), step_id.clone());
                                let _ = apply(autosave, move |record| record.plan.set_step_status(&goal_id, &step_id, status));
                            }
                        }>
                            {STEP_STATUSES.iter().map(|(status, code)| view! { <option value=*code selected=*code == selected>{status.label()}</option> }).collect_view()}
                        </select>
                    </td>
                    <td class="govuk-table__cell">{remove}</td>
                </tr>
            }
        }).collect_view();
        let steps_table = (!goal.steps.is_empty()).then(|| {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">"Steps"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Step"</th>
                        <th scope="col" class="govuk-table__header">"Who"</th>
                        <th scope="col" class="govuk-table__header">"Status"</th>
                        <td class="govuk-table__header"></td>
                    </tr></thead>
                    <tbody class="govuk-table__body">{steps}</tbody>
                </table>
            }
        });
        let actions = current.then(|| {
            let (achieve, remove) = (status_change.clone(), status_change.clone());
            let note_label = if agreed.get_untracked() { "Note (needed to mark as achieved or remove)" } else { "Note (optional)" };
            view! {
                <AddStepForm autosave=autosave goal_id=goal.id.clone() />
                <TextArea id=note_id.clone() label=note_label value=note on_input=Callback::new(move |text| note.set(text)) error=note_error rows=2 />
                <div class="govuk-button-group">
                    <a class="govuk-link" href=format!("/cases/{case_id}/plan/goals/{}", goal.id)>"Change goal"<span class="govuk-visually-hidden">{format!(" ({})", goal.text)}</span></a>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| achieve(true)>"Mark as achieved"<span class="govuk-visually-hidden">{format!(" ({})", goal.text)}</span></button>
                    <button type="button" class="govuk-button govuk-button--warning" on:click=move |_| remove(false)>"Remove goal"<span class="govuk-visually-hidden">{format!(" ({})", goal.text)}</span></button>
                </div>
            }
        });
        let add_back = (goal.status == GoalStatus::Removed).then(|| {
            let goal_id = goal.id.clone();
            let select_id = format!("add-back-{}", goal.id);
            let months = RwSignal::new("6".to_string());
            view! {
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-label--s" for=select_id.clone()>"Add this goal back, with a new target"</label>
                    <ErrorMessage id=format!("{select_id}-error") message=note_error />
                    <select class="govuk-select" id=select_id on:change=move |ev| months.set(event_target_value(&ev))>
                        <option value="3">"In 3 months"</option>
                        <option value="6" selected=true>"In 6 months"</option>
                        <option value="12">"In 12 months"</option>
                    </select>
                </div>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| {
                    let target = match months.get_untracked().as_str() {
                        "3" => GoalTarget::InThreeMonths,
                        "12" => GoalTarget::InTwelveMonths,
                        _ => GoalTarget::InSixMonths,
                    };
                    let (goal_id, today) = (goal_id.clone(), clock::today());
                    let result = apply(autosave, move |record| record.plan.add_goal_back(&goal_id, GoalTiming::start_now(target), today));
                    note_error.set(result.err().map(|error| error.to_string()));
                }>"Add goal back"<span class="govuk-visually-hidden">{format!(" ({})", goal.text)}</span></button>
            }
        });
        view! {
            <section class="govuk-summary-card" aria-labelledby=labelled_by data-testid="goal">
                <div class="govuk-summary-card__title-wrapper">
                    <h3 class="govuk-summary-card__title" id=heading_id>{goal.text.clone()}</h3>
                    <strong class=tag>{goal.status.label()}</strong>
                </div>
                <div class="govuk-summary-card__content">
                    {summary_list(rows)}
                    <super::threads::ItemThreads target=target.clone() signing=signing locked=locked level=4 />
                    {steps_table}
                    {actions}
                    {add_back}
                </div>
            </section>
        }
        .into_any()
    }
}

/// "Add a step" under a goal: kept as typed (saved as you go), added to the plan when valid.
#[component]
fn AddStepForm(autosave: Autosave<PlanRecord>, goal_id: String) -> impl IntoView {
    let record = autosave.draft;
    let form = {
        let goal_id = goal_id.clone();
        Memo::new(move |_| {
            record.with(|record| record.step_forms.get(&goal_id).cloned().unwrap_or_default())
        })
    };
    let errors = RwSignal::new(FieldErrors::default());
    let error_for = move |field: String| error_at(errors, field);
    let edit = {
        let goal_id = goal_id.clone();
        move |change: std::sync::Arc<dyn Fn(&mut StepForm) + Send + Sync>, typing: bool| {
            let goal_id = goal_id.clone();
            let apply_change = move |record: &mut PlanRecord| {
                change(record.step_forms.entry(goal_id.clone()).or_default())
            };
            if typing {
                autosave.change_typing(apply_change);
            } else {
                autosave.change_now(apply_change);
            }
        }
    };
    let add = {
        let goal_id = goal_id.clone();
        move |_| {
            let typed = form.get_untracked();
            match typed.to_details(&goal_id) {
                Err(problems) => errors.set(problems),
                Ok(details) => {
                    let (step_goal, step_id) = (goal_id.clone(), clock::new_id("s"));
                    let result = apply(autosave, move |record| {
                        record
                            .plan
                            .add_step(&step_goal, &step_id, details.clone())?;
                        record.step_forms.remove(&step_goal);
                        Ok(())
                    });
                    let mut problems = FieldErrors::default();
                    if let Err(error) = result {
                        problems.push(step_field("description", &goal_id), error.to_string());
                    }
                    errors.set(problems);
                }
            }
        }
    };
    let actors: Vec<(String, String)> = Actor::NAMED
        .iter()
        .map(|actor| (actor_code(actor).to_string(), actor.label().to_string()))
        .chain([("someone_else".to_string(), "Someone else".to_string())])
        .collect();
    let (edit_description, edit_actor, edit_name) = (edit.clone(), edit.clone(), edit.clone());
    // Whether the name box exists depends on the choice alone: typing the name never rebuilds it.
    let someone_else = Memo::new(move |_| form.with(|form| form.actor == "someone_else"));
    let name_field = step_field("name", &goal_id);
    view! {
        <div class="workbook-step-form">
            <h4 class="govuk-heading-s">"Add a step"</h4>
            <ErrorMessage id=format!("step-errors-{goal_id}") message=Signal::derive(move || (errors.with(|e| e.len()) > 1).then(|| "There are problems with this step".to_string())) />
            <TextArea
                id=step_field("description", &goal_id)
                label="What will be done"
                value=Signal::derive(move || form.with(|form| form.description.clone()))
                on_input=Callback::new(move |text: String| edit_description(std::sync::Arc::new(move |form: &mut StepForm| form.description = text.clone()), true))
                on_blur=autosave.flusher()
                error=error_for(step_field("description", &goal_id))
                rows=2
            />
            <Radios
                id=step_field("actor", &goal_id)
                legend="Who will do it".to_string()
                options=actors
                selected=Signal::derive(move || form.with(|form| (!form.actor.is_empty()).then(|| form.actor.clone())))
                on_select=Callback::new(move |code: String| edit_actor(std::sync::Arc::new(move |form: &mut StepForm| form.actor = code.clone()), false))
                error=error_for(step_field("actor", &goal_id))
            />
            {move || someone_else.get().then(|| {
                let edit_name = edit_name.clone();
                view! {
                    <TextInput
                        id=name_field.clone()
                        label="Name of who will do it"
                        value=Signal::derive(move || form.with(|form| form.name.clone()))
                        on_input=Callback::new(move |text: String| edit_name(std::sync::Arc::new(move |form: &mut StepForm| form.name = text.clone()), true))
                        error=error_for(name_field.clone())
                    />
                }
            })}
            <button type="button" class="govuk-button govuk-button--secondary" on:click=add>"Add step"</button>
        </div>
    }
}
