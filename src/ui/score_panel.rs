//! The panel beside a section: its score, maximum and need flag; the overall RoSH beside the RoSH
//! summary; the MAPPA prompt beside the risk management plan.

use leptos::prelude::*;

use super::predictors_panel::PredictorsPanel;
use crate::domain::predictors::{inputs_from_assessment, INPUT_SOURCES};
use crate::domain::questionnaire::find_item;
use crate::domain::questionnaire::Section;
use crate::domain::rosh::{mappa_referral_prompt, rosh_rating};
use crate::domain::scoring::score_section;
use crate::store::{AssessmentRecord, CaseRecord};

/// Whether any predictor input is answered in this section.
fn feeds_predictors(section: &Section) -> bool {
    INPUT_SOURCES
        .iter()
        .any(|(_, code)| find_item(code).is_some_and(|(feeding, _)| feeding.id == section.id))
}

#[component]
pub fn ScorePanel(
    section: &'static Section,
    draft: RwSignal<AssessmentRecord>,
    case: CaseRecord,
) -> impl IntoView {
    let score = Memo::new(move |_| draft.with(|draft| score_section(section, &draft.answers)));
    let rosh = Memo::new(move |_| draft.with(|draft| rosh_rating(&draft.answers)));
    let mappa = Memo::new(move |_| draft.with(|draft| mappa_referral_prompt(&draft.answers)));
    let scored = section.is_scored().then(|| {
        view! {
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
        }
    });
    let rosh_panel = matches!(section.id, "rosh-summary" | "rmp").then(|| {
        view! {
            <aside class="workbook-score" aria-labelledby="rosh-heading">
                <h2 class="govuk-heading-m" id="rosh-heading">"Overall RoSH"</h2>
                <p class="govuk-body govuk-!-font-weight-bold" data-testid="overall-rosh">{move || rosh.get().describe()}</p>
                <p class="govuk-body-s">"The highest level in the grid of the RoSH summary."</p>
            </aside>
        }
    });
    let mappa_prompt = (section.id == "rmp").then_some({
        move || {
            mappa.get().then(|| view! {
                <div class="govuk-warning-text govuk-!-margin-top-4" data-testid="mappa-prompt">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "RoSH is High or Very high and there is domestic abuse: consider a MAPPA referral, and record your decision in the plan."
                    </strong>
                </div>
            })
        }
    });
    let predictors = feeds_predictors(section).then(|| {
        let details = case.details.clone();
        let inputs = Memo::new(move |_| {
            draft.with(|draft| inputs_from_assessment(&details, &draft.answers))
        });
        view! { <PredictorsPanel case_id=case.id.clone() inputs=inputs /> }
    });
    view! { {scored} {rosh_panel} {mappa_prompt} {predictors} }
}
