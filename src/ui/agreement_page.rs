//! Recording whether the person on probation agrees with the plan. The plan is checked first (a
//! current goal, a step under every active goal); every problem is listed at once.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::autosave::SaveStatusLine;
use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, LockedBanner, Radios, TextArea,
    WarningText,
};
use super::loading::{LiveCase, LiveCaseView};
use super::plan_page::apply;
use crate::domain::dates::format_long;
use crate::domain::errors::FieldErrors;
use crate::domain::plan::{agreement_fields, Agreement, PlanError};

#[component]
pub fn AgreementPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={move |live: LiveCase| {
            let autosave = live.plan;
            let case = live.case.draft.get_untracked();
            let record = autosave.draft;
            let errors = RwSignal::new(FieldErrors::default());
            Effect::new(move |_| set_title("Record agreement", !errors.with(FieldErrors::is_empty)));
            let plan_href = format!("/cases/{}/plan", case.id);
            let navigate = use_navigate();
            let form = Memo::new(move |_| record.with(|record| record.agreement_form.clone()));
            // Which boxes exist depends on the answer alone: typing the details never rebuilds them.
            let details_label = Memo::new(move |_| form.with(|form| match form.answer.as_str() {
                "does_not_agree" => Some("Why do they not agree?"),
                "could_not_answer" => Some("Why could they not answer?"),
                _ => None,
            }));
            let details = Memo::new(move |_| form.with(|form| form.details.clone()));
            let locked = Memo::new(move |_| live.is_locked());
            // Open to record: a draft plan, a "could not answer", or a plan changed since it was agreed.
            let open = Memo::new(move |_| record.with(|record| !record.plan.is_agreed() || matches!(record.plan.agreement, Some(Agreement::CouldNotAnswer { .. })) || record.plan.agreement_out_of_date().is_some()));
            let save = {
                let plan_href = plan_href.clone();
                move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let agreement = match form.get_untracked().to_agreement() {
                        Ok(agreement) => agreement,
                        Err(problems) => {
                            errors.set(problems);
                            focus_error_summary();
                            return;
                        }
                    };
                    let today = clock::today();
                    let result = apply(autosave, move |record| {
                        if record.plan.agreement_out_of_date().is_some() {
                            record.plan.agree_again(agreement.clone(), today)?;
                        } else if record.plan.is_agreed() {
                            record.plan.update_agreement(agreement.clone(), today)?;
                        } else {
                            record.plan.agree(agreement.clone(), today)?;
                        }
                        record.agreement_form = Default::default();
                        Ok(())
                    });
                    match result {
                        Ok(()) => navigate(&plan_href, Default::default()),
                        Err(PlanError::NotReadyToAgree(problems)) => {
                            let mut listed = FieldErrors::default();
                            for problem in problems {
                                listed.push(agreement_fields::ANSWER, problem.to_string());
                            }
                            errors.set(listed);
                            focus_error_summary();
                        }
                        Err(error) => {
                            let mut listed = FieldErrors::default();
                            listed.push(agreement_fields::ANSWER, error.to_string());
                            errors.set(listed);
                            focus_error_summary();
                        }
                    }
                }
            };
            let error_for = move |field: &'static str| error_at(errors, field);
            let readiness = move || record.with(|record| record.plan.readiness_problems());
            let recorded = move || record.with(|record| match (&record.plan.agreement, record.plan.agreed_on) {
                (Some(agreement), Some(on)) => Some(format!(
                    "Recorded on {}: {}{}",
                    format_long(on),
                    agreement.label(),
                    agreement.details().map(|details| format!(". {details}")).unwrap_or_default()
                )),
                _ => None,
            });
            view! {
                <a href=plan_href.clone() class="govuk-back-link">"Back to the plan"</a>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=errors />
                        <span class="govuk-caption-l">{format!("{} ({})", case.details.name, case.details.crn)}</span>
                        <h1 class="govuk-heading-l">"Record agreement"</h1>
                        <SaveStatusLine status=autosave.status />
                        <LockedBanner case_id=case.id.clone() locked=locked />
                        {move || recorded().map(|text| view! { <div class="govuk-inset-text" data-testid="agreement-recorded">{text}</div> })}
                        {move || {
                            let problems = readiness();
                            (!problems.is_empty() && !record.with(|record| record.plan.is_agreed())).then(|| view! {
                                <WarningText>"Before the plan can be agreed:"</WarningText>
                                <ul class="govuk-list govuk-list--bullet" data-testid="readiness">
                                    {problems.into_iter().map(|problem| view! { <li>{problem.to_string()}</li> }).collect_view()}
                                </ul>
                            })
                        }}
                        {move || open.get().then(|| view! {
                            <form novalidate on:submit=save.clone()>
                              <fieldset class="workbook-lockable" disabled=move || locked.get()>
                                <Radios
                                    id=agreement_fields::ANSWER.to_string()
                                    legend="Does the person on probation agree with the plan?".to_string()
                                    options=vec![
                                        ("agrees".into(), "Yes, they agree".into()),
                                        ("does_not_agree".into(), "No, they do not agree".into()),
                                        ("could_not_answer".into(), "They could not answer".into()),
                                    ]
                                    selected=Signal::derive(move || form.with(|form| (!form.answer.is_empty()).then(|| form.answer.clone())))
                                    on_select=Callback::new(move |answer: String| autosave.change_now(move |record| record.agreement_form.answer = answer.clone()))
                                    error=error_for(agreement_fields::ANSWER)
                                />
                                {move || details_label.get().map(|label| view! {
                                    <TextArea
                                        id=agreement_fields::DETAILS
                                        label=label
                                        value=details
                                        on_input=Callback::new(move |text: String| autosave.change_typing(move |record| record.agreement_form.details = text.clone()))
                                        on_blur=autosave.flusher()
                                        error=error_for(agreement_fields::DETAILS)
                                        rows=3
                                    />
                                })}
                                <button type="submit" class="govuk-button" data-module="govuk-button">"Save agreement"</button>
                              </fieldset>
                            </form>
                        })}
                    </div>
                </div>
            }.into_any()
        }} />
    }
}
