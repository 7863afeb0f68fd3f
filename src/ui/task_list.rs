//! The assessment as a GOV.UK task list: each section with its status and score.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::components::set_title;
use super::loading::{load_case_and_assessment, Loaded, LoadedView};
use crate::domain::questionnaire::SECTIONS;
use crate::domain::scoring::score_section;

#[component]
pub fn TaskListPage() -> impl IntoView {
    let params = use_params_map();
    let loaded = load_case_and_assessment(move || params.read().get("id").unwrap_or_default());
    view! {
        <LoadedView loaded=loaded render={|Loaded { case, assessment }| {
            set_title("Assessment", false);
            let items = SECTIONS.iter().map(|section| {
                let answered = assessment.answers.answered_in(section);
                let score = score_section(section, &assessment.answers);
                let status_id = format!("section-{}-status", section.number);
                let (status, tag_class) = if answered == 0 {
                    ("Not yet started", "govuk-tag govuk-tag--blue")
                } else {
                    ("In progress", "govuk-tag govuk-tag--light-blue")
                };
                let hint = (answered > 0).then(|| {
                    let need = score.need.map(|need| format!(" · {}", need.label())).unwrap_or_default();
                    format!("Score {} out of {}{need}", score.score, score.max)
                });
                view! {
                    <li class="govuk-task-list__item govuk-task-list__item--with-link">
                        <div class="govuk-task-list__name-and-hint">
                            <a class="govuk-link govuk-task-list__link" href=format!("/cases/{}/assessment/{}", case.id, section.number) aria-describedby=status_id.clone()>
                                {format!("{}. {}", section.number, section.title)}
                            </a>
                            {hint.map(|hint| view! { <div class="govuk-task-list__hint">{hint}</div> })}
                        </div>
                        <div class="govuk-task-list__status" id=status_id>
                            <strong class=tag_class>{status}</strong>
                        </div>
                    </li>
                }
            }).collect_view();
            view! {
                <a href=format!("/cases/{}", case.id) class="govuk-back-link">"Back to case"</a>
                <span class="govuk-caption-l">{format!("{} ({})", case.details.name, case.details.crn)}</span>
                <h1 class="govuk-heading-l">"Assessment"</h1>
                <p class="govuk-body">"Answers are saved as you go. You can leave a section and come back to it at any time."</p>
                <h2 class="govuk-heading-m">"Sections"</h2>
                <ul class="govuk-task-list">{items}</ul>
            }.into_any()
        }} />
    }
}
