//! Adding a goal, or changing one. What is typed is saved as it is typed (in the plan record's
//! `goal_form`), and becomes part of the plan only when every answer is valid.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::autosave::{Autosave, SaveStatusLine};
use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, Checkboxes, DateInput, ErrorSummary, LockedBanner,
    Radios, TextArea,
};
use super::loading::{LiveCase, LiveCaseView};
use super::plan_page::apply;
use crate::domain::errors::FieldErrors;
use crate::domain::plan::{goal_fields, AreaOfNeed, GoalForm};
use crate::store::PlanRecord;

/// `/cases/:id/plan/goals/new` and `/cases/:id/plan/goals/:goal`.
#[component]
pub fn GoalFormPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={move |live: LiveCase| {
            let editing = params.read_untracked().get("goal");
            let autosave = live.plan;
            let case = live.case.draft.get_untracked();
            // The form kept for this goal (or a new goal) is picked up again; anything else starts afresh.
            let kept = autosave.draft.with_untracked(|record| record.goal_form.clone()).filter(|form| form.editing == editing);
            let form = match (kept, &editing) {
                (Some(form), _) => form,
                (None, Some(id)) => match autosave.draft.with_untracked(|record| record.plan.goal(id).map(GoalForm::from_goal)) {
                    Some(form) => form,
                    None => {
                        set_title("Goal not found", false);
                        return view! { <h1 class="govuk-heading-l">"Goal not found"</h1> }.into_any();
                    }
                },
                (None, None) => GoalForm::default(),
            };
            if autosave.draft.with_untracked(|record| record.goal_form.as_ref() != Some(&form)) {
                autosave.change_now(move |record| record.goal_form = Some(form.clone()));
            }
            let locked = Memo::new(move |_| live.is_locked());
            view! { <GoalFormView autosave=autosave case_id=case.id.clone() caption=format!("{} ({})", case.details.name, case.details.crn) editing=editing.is_some() locked=locked /> }.into_any()
        }} />
    }
}

#[component]
fn GoalFormView(
    autosave: Autosave<PlanRecord>,
    case_id: String,
    caption: String,
    editing: bool,
    locked: Memo<bool>,
) -> impl IntoView {
    let record = autosave.draft;
    let form =
        Memo::new(move |_| record.with(|record| record.goal_form.clone().unwrap_or_default()));
    // Each box reads its own part of the form through a memo: a keystroke in one re-runs only its own.
    fn pick<T: Clone + PartialEq + Send + Sync + 'static>(
        form: Memo<GoalForm>,
        get: fn(&GoalForm) -> T,
    ) -> Memo<T> {
        Memo::new(move |_| form.with(get))
    }
    let errors = RwSignal::new(FieldErrors::default());
    let title = if editing { "Change goal" } else { "Add a goal" };
    Effect::new(move |_| set_title(title, !errors.with(FieldErrors::is_empty)));
    let error_for = move |field: &'static str| error_at(errors, field);
    let typing = move |change: fn(&mut GoalForm, String)| {
        Callback::new(move |value: String| {
            autosave.change_typing(move |record| {
                change(
                    record.goal_form.get_or_insert_with(GoalForm::default),
                    value.clone(),
                )
            })
        })
    };
    let choosing = move |change: fn(&mut GoalForm, String)| {
        Callback::new(move |value: String| {
            autosave.change_now(move |record| {
                change(
                    record.goal_form.get_or_insert_with(GoalForm::default),
                    value.clone(),
                )
            })
        })
    };
    let plan_href = format!("/cases/{case_id}/plan");
    let navigate = use_navigate();
    let save = {
        let plan_href = plan_href.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = form.get_untracked();
            let today = clock::today();
            let details = match typed.to_details(today) {
                Ok(details) => details,
                Err(problems) => {
                    errors.set(problems);
                    focus_error_summary();
                    return;
                }
            };
            let new_id = clock::new_id("g");
            let result = apply(autosave, move |record| {
                match &typed.editing {
                    Some(id) => record.plan.change_goal(id, details.clone(), today)?,
                    None => {
                        record.plan.add_goal(&new_id, details.clone(), today)?;
                    }
                }
                record.goal_form = None;
                Ok(())
            });
            match result {
                Ok(()) => navigate(&plan_href, Default::default()),
                Err(error) => {
                    let mut problems = FieldErrors::default();
                    problems.push(goal_fields::TEXT, error.to_string());
                    errors.set(problems);
                    focus_error_summary();
                }
            }
        }
    };
    let areas: Vec<(String, String)> = AreaOfNeed::all()
        .map(|area| (area.code().to_string(), area.label().to_string()))
        .collect();
    // The parts of the form that decide which boxes exist are memos: typing into a box changes the
    // form, but must never rebuild the boxes (that loses focus and the letters typed next).
    let start_now = pick(form, |form| form.start_now.clone());
    let target_is_date = pick(form, |form| form.target == "date");
    let target_date = pick(form, |form| form.target_date.clone());
    let reminder_date = pick(form, |form| form.reminder_date.clone());
    view! {
        <a href=plan_href.clone() class="govuk-back-link">"Back to the plan"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <span class="govuk-caption-l">{caption}</span>
                <h1 class="govuk-heading-l">{title}</h1>
                <SaveStatusLine status=autosave.status />
                <LockedBanner case_id=case_id.clone() locked=locked />
                <form novalidate on:submit=save>
                <fieldset class="workbook-lockable" disabled=move || locked.get()>
                    <TextArea
                        id=goal_fields::TEXT
                        label="What is the goal?"
                        hint="In words the person on probation would use, for example: find a settled place to live"
                        value=pick(form, |form| form.text.clone())
                        on_input=typing(|form, text| form.text = text)
                        on_blur=autosave.flusher()
                        error=error_for(goal_fields::TEXT)
                    />
                    <Radios
                        id=goal_fields::AREA.to_string()
                        legend="What is the main area of need?".to_string()
                        options=areas.clone()
                        selected=pick(form, |form| (!form.area.is_empty()).then(|| form.area.clone()))
                        on_select=choosing(|form, code| form.area = code)
                        error=error_for(goal_fields::AREA)
                    />
                    <Checkboxes
                        id="goal-related".to_string()
                        legend="Does it help with any other areas? (optional)".to_string()
                        hint=Some("Select all that apply".to_string())
                        options=areas
                        ticked=pick(form, |form| form.related.clone())
                        on_toggle=Callback::new(move |(code, on): (String, bool)| autosave.change_now(move |record| {
                            let form = record.goal_form.get_or_insert_with(GoalForm::default);
                            form.related.retain(|related| *related != code);
                            if on {
                                form.related.push(code.clone());
                            }
                        }))
                        error=Signal::stored(None::<String>)
                    />
                    <TextArea
                        id=goal_fields::MEASURED
                        label="How will progress be measured? (optional)"
                        value=pick(form, |form| form.measured.clone())
                        on_input=typing(|form, text| form.measured = text)
                        on_blur=autosave.flusher()
                        error=error_for(goal_fields::MEASURED)
                        rows=3
                    />
                    <Radios
                        id=goal_fields::START_NOW.to_string()
                        legend="Can they start working on this goal now?".to_string()
                        inline=true
                        options=vec![("yes".into(), "Yes".into()), ("no".into(), "No, it is a future goal".into())]
                        selected=pick(form, |form| (!form.start_now.is_empty()).then(|| form.start_now.clone()))
                        on_select=choosing(|form, value| form.start_now = value)
                        error=error_for(goal_fields::START_NOW)
                    />
                    {move || match start_now.get().as_str() {
                        "yes" => view! {
                            <div class="govuk-inset-text">
                                <Radios
                                    id=goal_fields::TARGET.to_string()
                                    legend="When should they aim to achieve it?".to_string()
                                    options=vec![
                                        ("3".into(), "In 3 months".into()),
                                        ("6".into(), "In 6 months".into()),
                                        ("12".into(), "In 12 months".into()),
                                        ("date".into(), "Set another date".into()),
                                    ]
                                    selected=pick(form, |form| (!form.target.is_empty()).then(|| form.target.clone()))
                                    on_select=choosing(|form, value| form.target = value)
                                    error=error_for(goal_fields::TARGET)
                                />
                                {move || target_is_date.get().then(|| view! {
                                    <DateInput
                                        id=goal_fields::TARGET_DATE.to_string()
                                        legend="Target date"
                                        hint="Today or later. For example, 27 3 2027"
                                        value=target_date
                                        on_input=Callback::new(move |parts: crate::domain::dates::DateParts| autosave.change_typing(move |record| record.goal_form.get_or_insert_with(GoalForm::default).target_date = parts.clone()))
                                        on_blur=autosave.flusher()
                                        error=error_for(goal_fields::TARGET_DATE)
                                    />
                                })}
                            </div>
                        }.into_any(),
                        "no" => view! {
                            <div class="govuk-inset-text">
                                <DateInput
                                    id=goal_fields::REMINDER_DATE.to_string()
                                    legend="Reminder date (optional)"
                                    hint="When to look at this goal again. For example, 27 3 2027"
                                    value=reminder_date
                                    on_input=Callback::new(move |parts: crate::domain::dates::DateParts| autosave.change_typing(move |record| record.goal_form.get_or_insert_with(GoalForm::default).reminder_date = parts.clone()))
                                    on_blur=autosave.flusher()
                                    error=error_for(goal_fields::REMINDER_DATE)
                                />
                            </div>
                        }.into_any(),
                        _ => ().into_any(),
                    }}
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" data-module="govuk-button">"Save goal"</button>
                        <a class="govuk-link" href=plan_href.clone() on:click=move |_| autosave.change_now(|record| record.goal_form = None)>"Cancel"</a>
                    </div>
                </fieldset>
                </form>
            </div>
        </div>
    }
}
