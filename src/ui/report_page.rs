//! The assessment report: one document for courts, the parole board and MAPPA meetings. The person
//! and the sentence, where the assessment stands, the overall RoSH with its level grid, the
//! identified needs with their scores, the predictors with their inputs, and every section in words
//! (the RoSH summary's narrative and the risk management plan among them). Read-only; the print
//! styles hide the app around it, and a draft says so on every page.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::clock;
use super::components::{set_title, summary_list};
use super::loading::{Loaded, LoadedCaseView};
use super::offences::{describe_offence, use_offence_table};
use super::predictors_panel::PredictorsPanel;
use crate::domain::caseload::KeyFacts;
use crate::domain::check_answers::summary_rows;
use crate::domain::dates::format_long;
use crate::domain::predictors::inputs_from_assessment;
use crate::domain::questionnaire::{CheckContext, SECTIONS};
use crate::domain::scoring::score_section;

/// `/cases/:id/assessment/report`
#[component]
pub fn AssessmentReportPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let offences = use_offence_table();
    view! {
        <LoadedCaseView case_id=case_id render={move |Loaded { case, assessment, plan, signing, profile, .. }| {
            let details = case.details.clone();
            let title = format!("Assessment report: {}", details.name);
            set_title(&title, false);
            let today = clock::today();
            let context = CheckContext { date_of_birth: details.date_of_birth, today };
            let facts = KeyFacts::of(&assessment.answers, &assessment.completed_sections, &context, &plan.plan, &signing.signing);
            let draft = facts.status.is_draft();
            let answers = assessment.answers.clone();
            let inputs = inputs_from_assessment(&details, &answers);
            let header = [
                ("Name", details.name.clone()),
                ("Case reference number (CRN)", details.crn.clone()),
                ("Date of birth", format_long(details.date_of_birth)),
                ("Sentence type", details.sentence_type.label().to_string()),
                (details.sentence_type.start_date_label(), format_long(details.sentence_or_release_date)),
                ("Sentence end date", format_long(details.sentence_end_date)),
                ("Assessment", facts.status.label()),
                ("Assessed by", profile.as_ref().map_or_else(|| "Not recorded".to_string(), |profile| format!("{} ({})", profile.name, profile.grade.label()))),
                ("Date printed", format_long(today)),
            ];
            let summary = [
                ("Overall RoSH", facts.rosh.clone()),
                ("Identified needs", facts.needs.clone()),
            ];
            let sections_answers = answers.clone();
            let sections = move || {
                let describe_offence = |code: &str| describe_offence(offences, code);
                SECTIONS
                    .iter()
                    .filter(|section| section.is_available(&sections_answers))
                    .map(|section| {
                        let rows: Vec<(String, String)> = summary_rows(section, &sections_answers, &describe_offence)
                            .into_iter()
                            .map(|row| (row.question, row.answer))
                            .collect();
                        let score = section.is_scored().then(|| score_section(section, &sections_answers).line());
                        view! {
                            <section class="workbook-print__section" data-testid="report-section">
                                <h3 class="govuk-heading-m">{section.heading()}</h3>
                                {score.map(|score| view! { <p class="govuk-body govuk-!-font-weight-bold">{score}</p> })}
                                {summary_list(rows)}
                            </section>
                        }
                    })
                    .collect_view()
            };
            view! {
                <div class="workbook-no-print">
                    <a href=format!("/cases/{}/assessment", case.id) class="govuk-back-link">"Back to the assessment"</a>
                </div>
                <article class="workbook-print" aria-labelledby="report-title">
                    {draft.then(|| view! { <p class="govuk-tag govuk-tag--yellow workbook-print__draft" data-testid="report-draft">"Draft: not yet signed"</p> })}
                    <h1 class="govuk-heading-l" id="report-title">{title}</h1>
                    <div data-testid="report-facts">{summary_list(header)}</div>
                    <button type="button" class="govuk-button workbook-no-print" data-module="govuk-button" on:click=move |_| { let _ = window().print(); }>
                        "Print this report"
                    </button>
                    <h2 class="govuk-heading-l workbook-print__section">"Summary"</h2>
                    <div data-testid="report-summary">{summary_list(summary)}</div>
                    <super::version_summary::RoshGrid answers=answers.clone() testid="report-rosh-grid" />
                    <PredictorsPanel case_id=case.id.clone() inputs=Signal::stored(inputs) />
                    <h2 class="govuk-heading-l workbook-print__section">"The assessment, section by section"</h2>
                    {sections}
                </article>
            }.into_any()
        }} />
    }
}
