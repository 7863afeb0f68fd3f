//! What a senior reads first (issue 20), on the review screen and every signed version: the overall
//! RoSH with its level grid, each scored section with its score and severity, the predictors with
//! their bands, why countersigning is needed and who signed and decided (`domain::version_summary`);
//! and a version's goals in full. The assessment report draws its grid with [`RoshGrid`] too.

use leptos::prelude::*;

use super::components::summary_list;
use super::predictors_panel::PredictorsPanel;
use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;
use crate::domain::plan::Goal;
use crate::domain::predictors::inputs_from_assessment;
use crate::domain::questionnaire::ROSH_GRID;
use crate::domain::rosh::{rosh_rating, RoshLevel, ROSH_GRID_ITEM};
use crate::domain::signing::SignedVersion;
use crate::domain::version_summary::{countersigning_reasons, decisions, need_rows};

/// The RoSH level grid as a table: who, in the community and in custody.
#[component]
pub fn RoshGrid(answers: Answers, testid: &'static str) -> impl IntoView {
    let rows = ROSH_GRID
        .rows
        .iter()
        .map(|row| {
            let cells = ROSH_GRID
                .columns
                .iter()
                .map(|column| {
                    let level = if row.only.is_some_and(|only| !only.contains(&column.key)) {
                        "—".to_string()
                    } else {
                        answers
                            .cell(ROSH_GRID_ITEM, row.key, column.key)
                            .and_then(RoshLevel::from_code)
                            .map_or_else(|| "Not rated".to_string(), |level| level.label().to_string())
                    };
                    view! { <td class="govuk-table__cell">{level}</td> }
                })
                .collect_view();
            view! { <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{row.label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="govuk-table" data-testid=testid>
            <caption class="govuk-table__caption govuk-table__caption--m">"Risk of serious harm levels"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Who"</th>
                    {ROSH_GRID.columns.iter().map(|column| view! { <th scope="col" class="govuk-table__header">{column.label}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
}

/// The summary header of a signed version.
#[component]
pub fn VersionSummary(
    case_id: String,
    details: CaseDetails,
    version: SignedVersion,
) -> impl IntoView {
    let answers = version.snapshot.answers.clone();
    let mut facts = vec![
        ("Overall RoSH".to_string(), rosh_rating(&answers).describe()),
        (
            "What it is for".to_string(),
            version.purpose().label().to_string(),
        ),
    ];
    if let Some(review) = &version.review {
        facts.push(("Review".to_string(), review.describe()));
    }
    facts.push((
        "Countersigning".to_string(),
        countersigning_reasons(&version),
    ));
    facts.push((
        "Signed and decided".to_string(),
        decisions(&version).join("\n"),
    ));
    let needs = need_rows(&answers)
        .into_iter()
        .map(|row| {
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{row.heading}</th>
                    <td class="govuk-table__cell">{row.score}</td>
                    <td class="govuk-table__cell">
                        {if row.is_need { view! { <strong class="govuk-tag govuk-tag--orange">{row.level}</strong> }.into_any() } else { row.level.into_any() }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let inputs = inputs_from_assessment(&details, &answers);
    view! {
        <section class="workbook-version-summary" data-testid="version-summary" aria-labelledby="version-summary-title">
            <h2 class="govuk-heading-l" id="version-summary-title">"Summary"</h2>
            <div data-testid="summary-facts">{summary_list(facts)}</div>
            <RoshGrid answers=answers testid="summary-rosh-grid" />
            <table class="govuk-table" data-testid="summary-needs">
                <caption class="govuk-table__caption govuk-table__caption--m">"Needs"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Section"</th>
                        <th scope="col" class="govuk-table__header">"Score"</th>
                        <th scope="col" class="govuk-table__header">"Need"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{needs}</tbody>
            </table>
            <PredictorsPanel case_id=case_id inputs=Signal::stored(inputs) />
        </section>
    }
}

/// A goal as a senior needs it: what, which need, by when, how progress is measured, and every
/// step with who does it and how it stands.
pub fn goal_details(goal: &Goal) -> impl IntoView {
    let mut rows = vec![
        (
            "Area of need".to_string(),
            goal.area_of_need.label().to_string(),
        ),
        ("Target".to_string(), goal.timing_line()),
        ("Status".to_string(), goal.status.label().to_string()),
    ];
    if !goal.how_progress_is_measured.trim().is_empty() {
        rows.push((
            "How progress is measured".to_string(),
            goal.how_progress_is_measured.clone(),
        ));
    }
    let steps: Vec<String> = goal
        .steps
        .iter()
        .map(|step| {
            format!(
                "{} — {} ({})",
                step.description,
                step.actor.label(),
                step.status.label().to_lowercase()
            )
        })
        .collect();
    rows.push((
        "Steps".to_string(),
        if steps.is_empty() {
            "No steps yet".to_string()
        } else {
            steps.join("\n")
        },
    ));
    view! {
        <h3 class="govuk-heading-s">{format!("Goal: {}", goal.text)}</h3>
        <div data-testid="goal-details">{summary_list(rows)}</div>
    }
}
