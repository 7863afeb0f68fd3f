//! The panel beside a section: its score, maximum and need flag; the overall RoSH beside the RoSH
//! summary; beside the risk management plan, whether it is needed, the MAPPA recorded and the
//! MAPPA prompt.

use leptos::prelude::*;

use super::predictors_panel::PredictorsPanel;
use crate::domain::predictors::{inputs_from_assessment, INPUT_SOURCES};
use crate::domain::progress::when_required;
use crate::domain::questionnaire::find_item;
use crate::domain::questionnaire::Section;
use crate::domain::rosh::{mappa, mappa_referral_prompt, rosh_rating};
use crate::domain::scoring::score_section;
use crate::store::{AssessmentRecord, CaseRecord};

/// Whether any predictor input is answered in this section.
fn feeds_predictors(section: &Section) -> bool {
    INPUT_SOURCES
        .iter()
        .any(|(_, code)| find_item(code).is_some_and(|(feeding, _)| feeding.id == section.id))
}

/// "3.3, 3.4, 3.5 and 3.6".
fn and_list(codes: &[&str]) -> String {
    match codes.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[component]
pub fn ScorePanel(
    section: &'static Section,
    draft: RwSignal<AssessmentRecord>,
    case: CaseRecord,
) -> impl IntoView {
    let score = Memo::new(move |_| draft.with(|draft| score_section(section, &draft.answers)));
    let rosh = Memo::new(move |_| draft.with(|draft| rosh_rating(&draft.answers)));
    let prompt = Memo::new(move |_| draft.with(|draft| mappa_referral_prompt(&draft.answers)));
    let recorded = Memo::new(move |_| draft.with(|draft| mappa(&draft.answers)));
    let required = Memo::new(move |_| draft.with(|draft| section.is_required(&draft.answers)));
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
                {section.need_score.map(|need_score| view! {
                    <p class="govuk-body-s" data-testid="need-score-items">
                        {format!("The score is made up of {}. Other questions here are not part of it.", and_list(need_score.items))}
                    </p>
                    <p class="govuk-body-s">
                        {format!("A score of {} or more is an identified need; {} or more is severe.", need_score.need_from, need_score.severe_from)}
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
                {when_required(section).map(|when| view! {
                    <p class="govuk-body-s" data-testid="section-required">
                        {move || if required.get() {
                            "This plan is needed: the overall RoSH is Medium or higher.".to_string()
                        } else {
                            format!("This plan is optional now. {when}.")
                        }}
                    </p>
                })}
            </aside>
        }
    });
    let mappa_panel = (section.id == "rmp").then(|| {
        view! {
            <aside class="workbook-score" aria-labelledby="mappa-heading">
                <h2 class="govuk-heading-m" id="mappa-heading">"MAPPA"</h2>
                <p class="govuk-body" data-testid="mappa-recorded">{move || recorded.get().describe()}</p>
                {move || prompt.get().then(|| view! {
                    <div class="govuk-warning-text govuk-!-margin-top-4" data-testid="mappa-prompt">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            "RoSH is High or Very high and the person has been a perpetrator of domestic abuse: consider a MAPPA referral, and record the MAPPA category and level in this plan."
                        </strong>
                    </div>
                })}
            </aside>
        }
    });
    let predictors = feeds_predictors(section).then(|| {
        let details = case.details.clone();
        let inputs = Memo::new(move |_| {
            draft.with(|draft| inputs_from_assessment(&details, &draft.answers))
        });
        view! { <PredictorsPanel case_id=case.id.clone() inputs=inputs /> }
    });
    view! { {scored} {rosh_panel} {mappa_panel} {predictors} }
}
