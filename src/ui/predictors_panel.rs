//! OGRS3, OGP and OVP, worked out live from the answers: percentages, band and the points behind
//! them, or what is still needed (with a link to the question) or why they cannot be worked out.

use leptos::prelude::*;

use super::offences::use_offence_weights;
use crate::domain::predictors::{predict, source_of, Band, PredictorError, PredictorInputs};
use crate::domain::questionnaire::find_item;

fn band_tag(band: Band) -> &'static str {
    match band {
        Band::Low => "govuk-tag govuk-tag--green",
        Band::Medium => "govuk-tag govuk-tag--yellow",
        Band::High => "govuk-tag govuk-tag--orange",
        Band::VeryHigh => "govuk-tag govuk-tag--red",
    }
}

/// One predictor's result: the figures and band with how they were worked out, or the problem.
struct Shown {
    figures: String,
    band: Band,
    workings: Vec<String>,
}

#[component]
pub fn PredictorsPanel(
    case_id: String,
    #[prop(into)] inputs: Signal<PredictorInputs>,
) -> impl IntoView {
    let table = use_offence_weights();
    let predictions = Memo::new(move |_| match table.get() {
        Some(Ok(table)) => Some(Ok(inputs.with(|inputs| predict(inputs, table)))),
        Some(Err(problem)) => Some(Err(problem)),
        None => None,
    });
    let problem_view = move |error: PredictorError| {
        let missing = error.missing_inputs();
        if missing.is_empty() {
            return view! { <p class="govuk-body-s workbook-predictor__problem">{error.to_string()}</p> }.into_any();
        }
        let items = missing
            .into_iter()
            .map(|input| {
                let link = source_of(input.name)
                    .and_then(find_item)
                    .map(|(section, item)| {
                        format!(
                            "/cases/{case_id}/assessment/{}?change={}",
                            section.id, item.code
                        )
                    });
                match link {
                    Some(href) => {
                        view! { <li><a class="govuk-link" href=href>{input.label}</a></li> }
                            .into_any()
                    }
                    None => view! { <li>{input.label}</li> }.into_any(),
                }
            })
            .collect_view();
        view! {
            <p class="govuk-body-s govuk-!-margin-bottom-1">"Still needed:"</p>
            <ul class="govuk-list govuk-list--bullet govuk-body-s">{items}</ul>
        }
        .into_any()
    };
    let predictor = move |key: &'static str,
                          name: &'static str,
                          what: &'static str,
                          shown: Result<Shown, PredictorError>| {
        let body = match shown {
            Ok(shown) => view! {
                <p class="govuk-body govuk-!-margin-bottom-1" data-testid=format!("predictor-{key}")>
                    {shown.figures}" "<strong class=band_tag(shown.band)>{shown.band.label()}</strong>
                </p>
                <details class="govuk-details govuk-!-margin-bottom-2">
                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{format!("How {name} was worked out")}</span></summary>
                    <div class="govuk-details__text">
                        <ul class="govuk-list govuk-body-s">{shown.workings.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                </details>
            }
            .into_any(),
            Err(error) => view! { <div data-testid=format!("predictor-{key}")>{problem_view.clone()(error)}</div> }.into_any(),
        };
        view! {
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{name}<span class="govuk-body-s">{format!(" · {what}")}</span></h3>
            {body}
        }
    };
    let figures =
        |one_year: u8, two_year: u8| format!("{one_year}% in 1 year, {two_year}% in 2 years");
    let content = move || match predictions.get() {
        None => view! { <p class="govuk-body-s">"Loading the offence list…"</p> }.into_any(),
        Some(Err(problem)) => view! { <p class="govuk-body-s">{problem}</p> }.into_any(),
        Some(Ok(predictions)) => {
            let ogrs3 = predictions.ogrs3.map(|result| Shown {
                figures: figures(result.one_year, result.two_year),
                band: result.band,
                workings: vec![
                    format!(
                        "Age {} at the start of follow-up, age {} at conviction",
                        result.terms.age_at_follow_up, result.terms.age_at_conviction
                    ),
                    format!("Age and sex: {:+.4}", result.terms.age_sex),
                    format!("Sanction history: {:+.4}", result.terms.status),
                    format!("Rate of offending: {:+.4}", result.terms.offending_rate),
                    format!("Offence: {:+.4}", result.terms.offence_weight),
                    format!("Total: {:+.4}", result.terms.x),
                ],
            });
            let points = |terms: Vec<(String, u32)>, total: u32| {
                let mut lines: Vec<String> = terms
                    .into_iter()
                    .map(|(label, points)| format!("{label}: {points}"))
                    .collect();
                lines.push(format!("Total: {total} points"));
                lines
            };
            let ogp = predictions.ogp.map(|result| Shown {
                figures: figures(result.one_year, result.two_year),
                band: result.band,
                workings: points(result.terms, result.points),
            });
            let ovp = predictions.ovp.map(|result| Shown {
                figures: figures(result.one_year, result.two_year),
                band: result.band,
                workings: points(result.terms, result.points),
            });
            view! {
                {predictor("ogrs3", "OGRS3", "proven reoffending", ogrs3)}
                {predictor("ogp", "OGP", "general reoffending", ogp)}
                {predictor("ovp", "OVP", "violent reoffending", ovp)}
            }
            .into_any()
        }
    };
    view! {
        <aside class="workbook-score workbook-predictors" aria-labelledby="predictors-heading">
            <h2 class="govuk-heading-m" id="predictors-heading">"Predictors"</h2>
            <p class="govuk-body-s">"Predictors support, and never replace, your professional judgement."</p>
            {content}
        </aside>
    }
}
