//! The assessment as a GOV.UK task list: each section with its status, how many are completed,
//! and the summary of identified needs and the overall RoSH.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::components::set_title;
use super::loading::{Loaded, LoadedCaseView};
use super::predictors_panel::PredictorsPanel;
use crate::domain::predictors::inputs_from_assessment;
use crate::domain::progress::{
    completed_count, next_step, statuses_in_review, when_required, NextStep, SectionStatus,
};
use crate::domain::questionnaire::CheckContext;
use crate::domain::scoring::{identified_needs, score_section};

#[component]
pub fn TaskListPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LoadedCaseView case_id=case_id render={|Loaded { case, assessment, plan, signing, .. }| {
            set_title("Assessment", false);
            let context = CheckContext { date_of_birth: case.details.date_of_birth, today: super::clock::today() };
            let answers = &assessment.answers;
            let all = statuses_in_review(answers, &assessment.completed_sections, &assessment.carried_forward, Some(&context));
            let (done, total) = completed_count(&all);
            // The next step, one key away: the next section needing work, then the plan, then signing.
            let step = next_step(&all, None, plan.plan.is_agreed());
            let next_view = (!super::practice::is_practice()).then(|| {
                let (lead, words) = match step {
                    NextStep::Section(section) => (format!("Next not yet completed: {}", section.heading()), "Continue with the next section"),
                    NextStep::SentencePlan => ("Every section is completed. Next, the sentence plan.".to_string(), "Go to the sentence plan"),
                    NextStep::Signing => ("Every section is completed and the plan is agreed. Next, sign the assessment.".to_string(), "Go to signing"),
                };
                view! {
                    <div data-testid="task-list-next">
                        <p class="govuk-body">{lead}</p>
                        <a href=super::check_answers::next_step_href(&case.id, step) class="govuk-button" role="button" draggable="false">{words}</a>
                    </div>
                }
            });
            let items = all.iter().map(|(section, status)| {
                let status_id = format!("section-{}-status", section.id);
                let score = score_section(section, answers);
                let hint = (section.is_scored() && answers.answered_in(section) > 0).then(|| score.line());
                // A senior's comments to act on show beside their section.
                let to_act_on = signing.signing.threads_to_act_on_in_section(section.id);
                let hint = match (to_act_on, hint) {
                    (0, hint) => hint,
                    (n, hint) => Some(format!("{n} comment{} from your countersigner to act on{}", if n == 1 { "" } else { "s" }, hint.map(|hint| format!(". {hint}")).unwrap_or_default())),
                };
                let hint = match status {
                    SectionStatus::CannotStartYet => Some("Answer yes to a risk of serious harm screening question first".to_string()),
                    SectionStatus::Optional => when_required(section).map(|when| format!("Optional now. {when}")),
                    SectionStatus::CarriedForward => Some("From the signed version: confirm it unchanged, or change it".to_string()),
                    _ => hint,
                };
                let status_view = match status {
                    SectionStatus::NotStarted => view! { <strong class="govuk-tag govuk-tag--blue">{status.label()}</strong> }.into_any(),
                    SectionStatus::InProgress => view! { <strong class="govuk-tag govuk-tag--light-blue">{status.label()}</strong> }.into_any(),
                    SectionStatus::Problem => view! { <strong class="govuk-tag govuk-tag--red">{status.label()}</strong> }.into_any(),
                    SectionStatus::Optional => view! { <strong class="govuk-tag govuk-tag--grey">{status.label()}</strong> }.into_any(),
                    SectionStatus::CarriedForward => view! { <strong class="govuk-tag govuk-tag--yellow">{status.label()}</strong> }.into_any(),
                    SectionStatus::Completed | SectionStatus::CannotStartYet => status.label().into_any(),
                };
                let name = if *status == SectionStatus::CannotStartYet {
                    view! { <span>{section.heading()}</span> }.into_any()
                } else {
                    view! {
                        <a class="govuk-link govuk-task-list__link" href=format!("/cases/{}/assessment/{}", case.id, section.id) aria-describedby=status_id.clone()>
                            {section.heading()}
                        </a>
                    }.into_any()
                };
                let status_class = if *status == SectionStatus::CannotStartYet {
                    "govuk-task-list__status govuk-task-list__status--cannot-start-yet"
                } else {
                    "govuk-task-list__status"
                };
                view! {
                    <li class="govuk-task-list__item" class:govuk-task-list__item--with-link=*status != SectionStatus::CannotStartYet>
                        <div class="govuk-task-list__name-and-hint">
                            {name}
                            {hint.map(|hint| view! { <div class="govuk-task-list__hint">{hint}</div> })}
                        </div>
                        <div class=status_class id=status_id>{status_view}</div>
                    </li>
                }
            }).collect_view();
            let needs = identified_needs(answers);
            let needs_view = if needs.is_empty() {
                view! { <p class="govuk-body" data-testid="identified-needs">"No criminogenic needs identified so far."</p> }.into_any()
            } else {
                view! {
                    <ul class="govuk-list govuk-list--bullet" data-testid="identified-needs">
                        {needs.into_iter().map(|(section, score)| view! {
                            <li>{score.need_line(section)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            };
            // Marked as the draft's level until a version is signed, as on the case page and caseload.
            let rosh = crate::domain::caseload::rosh_line(answers, &signing.signing);
            let inputs = inputs_from_assessment(&case.details, answers);
            view! {
                <a href=format!("/cases/{}", case.id) class="govuk-back-link">"Back to case"</a>
                <span class="govuk-caption-l">{format!("{} ({})", case.details.name, case.details.crn)}</span>
                <h1 class="govuk-heading-l">"Assessment"</h1>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <h2 class="govuk-heading-s govuk-!-margin-bottom-2" data-testid="completed-count">{format!("Completed {done} of {total} sections")}</h2>
                        <p class="govuk-body">"Answers are saved as you go. You can leave a section and come back to it at any time."</p>
                        <ul class="govuk-task-list">{items}</ul>
                        {next_view}
                        <p class="govuk-body"><a class="govuk-link" href=format!("/cases/{}/assessment/report", case.id)>"Assessment report (to read or print)"</a></p>
                        {(super::practice::is_practice() && done == total).then(|| view! {
                            <a href=format!("/cases/{}/feedback", case.id) class="govuk-button" role="button" draggable="false">"Get feedback on your assessment"</a>
                        })}
                    </div>
                    <div class="govuk-grid-column-one-third">
                        <aside class="workbook-score" aria-labelledby="summary-heading">
                            <h2 class="govuk-heading-m" id="summary-heading">"Summary"</h2>
                            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">"Overall RoSH"</h3>
                            <p class="govuk-body" data-testid="overall-rosh">{rosh}</p>
                            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">"Identified needs"</h3>
                            {needs_view}
                        </aside>
                        <PredictorsPanel case_id=case.id.clone() inputs=Signal::stored(inputs) />
                        <super::appointment::NextAppointment case=case.clone() />
                    </div>
                </div>
            }.into_any()
        }} />
    }
}
