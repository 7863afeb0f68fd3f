//! "Check your answers" for one section: every answer in words with a Change link that returns
//! here after the change, and whether the section stands as completed.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::components::set_title;
use super::loading::{Loaded, LoadedCaseView};
use super::offences::{describe_offence, use_offence_table};
use crate::domain::check_answers::summary_rows;
use crate::domain::progress::{
    next_step, section_status, statuses_in_review, NextStep, SectionStatus,
};
use crate::domain::questionnaire::{self, CheckContext};

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let offences = use_offence_table();
    view! {
        <LoadedCaseView case_id=case_id render={move |Loaded { case, assessment, plan, .. }| {
            let section_id = params.read_untracked().get("section").unwrap_or_default();
            let Some(section) = questionnaire::section(&section_id) else {
                set_title("Section not found", false);
                return view! { <h1 class="govuk-heading-l">"Section not found"</h1> }.into_any();
            };
            set_title(&format!("Check your answers: {}", section.heading()), false);
            let context = CheckContext { date_of_birth: case.details.date_of_birth, today: super::clock::today() };
            let marked = assessment.completed_sections.contains(section.id);
            let status = section_status(section, &assessment.answers, marked, Some(&context));
            let all = statuses_in_review(&assessment.answers, &assessment.completed_sections, &assessment.carried_forward, Some(&context));
            let status = if assessment.carried_forward.contains(section.id) { SectionStatus::CarriedForward } else { status };
            let next = next_step_link(&case.id, next_step(&all, Some(section.id), plan.plan.is_agreed()));
            let section_href = format!("/cases/{}/assessment/{}", case.id, section.id);
            let task_list = format!("/cases/{}/assessment", case.id);
            let answers = assessment.answers.clone();
            let rows = move || {
                let describe_offence = |code: &str| describe_offence(offences, code);
                summary_rows(section, &answers, &describe_offence)
                    .into_iter()
                    .map(|row| {
                        let href = format!("{section_href}?change={}", row.change);
                        view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{row.question.clone()}</dt>
                                <dd class="govuk-summary-list__value workbook-pre-line">{row.answer}</dd>
                                <dd class="govuk-summary-list__actions">
                                    <a class="govuk-link" href=href>
                                        "Change"<span class="govuk-visually-hidden">{format!(" {}", row.question)}</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            };
            let (message, class) = match status {
                SectionStatus::Completed => ("You have marked this section as completed.", "govuk-inset-text"),
                SectionStatus::Problem => ("This section is marked as completed, but something needs fixing. Go back to the section to see what.", "govuk-inset-text workbook-inset--problem"),
                SectionStatus::CannotStartYet => ("This section cannot start yet.", "govuk-inset-text"),
                SectionStatus::Optional => ("This section is optional for this assessment, and you have not marked it as completed.", "govuk-inset-text"),
                SectionStatus::CarriedForward => ("These answers were carried forward from the signed version. Check that each still holds: go back to the section to confirm it unchanged, or change it.", "govuk-inset-text"),
                _ => ("You have not marked this section as completed yet.", "govuk-inset-text"),
            };
            view! {
                <a href=format!("/cases/{}/assessment/{}", case.id, section.id) class="govuk-back-link">"Back to the section"</a>
                <span class="govuk-caption-l">{format!("{} ({})", case.details.name, case.details.crn)}</span>
                <h1 class="govuk-heading-l">{format!("Check your answers: {}", section.heading())}</h1>
                <dl class="govuk-summary-list" data-testid="check-answers">{rows}</dl>
                <div class=class data-testid="section-status">{message}</div>
                <div class="govuk-button-group">
                    <a href=next.0 class="govuk-button" role="button" draggable="false" data-testid="next-step">{next.1}</a>
                    <a href=task_list class="govuk-button govuk-button--secondary" role="button" draggable="false">"Return to the task list"</a>
                </div>
            }.into_any()
        }} />
    }
}

/// Where the next step is (here and on the task list).
pub fn next_step_href(case_id: &str, step: NextStep) -> String {
    match step {
        NextStep::Section(section) => format!("/cases/{case_id}/assessment/{}", section.id),
        NextStep::SentencePlan => format!("/cases/{case_id}/plan"),
        NextStep::Signing => format!("/cases/{case_id}/signing"),
    }
}

/// Where the next step is, and the words of its button. Answers are saved as they are given, so
/// "save and" only says that nothing is left behind.
fn next_step_link(case_id: &str, step: NextStep) -> (String, &'static str) {
    let words = match step {
        NextStep::Section(_) => "Save and go to the next section",
        NextStep::SentencePlan => "Save and go to the sentence plan",
        NextStep::Signing => "Save and go to signing",
    };
    (next_step_href(case_id, step), words)
}
