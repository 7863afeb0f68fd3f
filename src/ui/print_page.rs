//! The sentence plan as one clean A4 document for the person on probation: their goals with the steps
//! towards each, goals achieved, their agreement and the next review dates. The print styles in
//! `assets/app.css` ("Print view") hide the app's header, links and buttons on paper.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::clock;
use super::components::{set_title, summary_list};
use super::loading::{Loaded, LoadedCaseView};
use crate::domain::dates::format_long;
use crate::domain::plan::{Goal, GoalStatus, SentencePlan};
use crate::domain::reviews::{review_schedule, reviews_done, ReviewDate};

/// `/cases/:id/plan/print`
#[component]
pub fn PrintPlanPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LoadedCaseView case_id=case_id render={|Loaded { case, plan: record, signing, profile, contact, .. }| {
            let details = case.details;
            let title = format!("Sentence plan for {}", details.name);
            set_title(&title, false);
            let today = clock::today();
            let upcoming: Vec<ReviewDate> = review_schedule(
                &details,
                &record.review_settings,
                &record.plan,
                &record.significant_changes,
                &reviews_done(&signing.signing),
                today,
            )
            .into_iter()
            .filter(|review| review.date >= today && !review.is_done())
            .collect();
            let plan = record.plan;
            let status = plan.status_line();
            let officer = profile.as_ref().map(|profile| profile.name.clone());
            let mut facts = vec![
                ("Name", details.name.clone()),
                ("Probation practitioner", officer.clone().unwrap_or_else(|| "Not recorded: set up your profile".to_string())),
            ];
            // How to reach the practitioner, from their profile (each line only when given).
            facts.extend(contact.lines());
            facts.extend([
                ("Case reference number (CRN)", details.crn.clone()),
                ("Date printed", format_long(today)),
                (details.sentence_type.start_date_label(), format_long(details.sentence_or_release_date)),
                ("Sentence end date", format_long(details.sentence_end_date)),
                ("Plan", status.to_string()),
            ]);
            view! {
                <div class="workbook-no-print">
                    <a href=format!("/cases/{}/plan", case.id) class="govuk-back-link">"Back to the sentence plan"</a>
                </div>
                <article class="workbook-print" aria-labelledby="print-title">
                    <h1 class="govuk-heading-l" id="print-title">{title}</h1>
                    <dl class="govuk-summary-list govuk-summary-list--no-border workbook-print__facts" data-testid="print-facts">
                        {facts.into_iter().map(|(key, value)| view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{key}</dt>
                                <dd class="govuk-summary-list__value">{value}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                    <button type="button" class="govuk-button workbook-no-print" data-module="govuk-button" on:click=move |_| { let _ = window().print(); }>
                        "Print this plan"
                    </button>
                    <CurrentGoals plan=plan.clone() />
                    <AchievedGoals plan=plan.clone() />
                    <AgreementSection plan=plan />
                    <UpcomingReviews reviews=upcoming />
                    <Signatures person=details.name.clone() officer=officer />
                </article>
            }.into_any()
        }} />
    }
}

/// The goals still worked on (active and future), each with its steps.
#[component]
fn CurrentGoals(plan: SentencePlan) -> impl IntoView {
    let goals: Vec<Goal> = plan.current_goals().cloned().collect();
    let body = if goals.is_empty() {
        view! { <p class="govuk-body">"No goals have been added to this plan yet."</p> }.into_any()
    } else {
        goals
            .into_iter()
            .enumerate()
            .map(|(index, goal)| view! { <GoalSection number=index + 1 goal=goal /> })
            .collect_view()
            .into_any()
    };
    view! {
        <h2 class="govuk-heading-m workbook-print__section">"Goals"</h2>
        {body}
    }
}

#[component]
fn GoalSection(number: usize, goal: Goal) -> impl IntoView {
    let heading_id = format!("goal-{number}-heading");
    let mut areas = goal.area_of_need.label().to_string();
    if !goal.related_areas.is_empty() {
        let related: Vec<&str> = goal.related_areas.iter().map(|area| area.label()).collect();
        areas.push_str(&format!(" (also {})", related.join(", ")));
    }
    let target = match (goal.status, goal.target_date, goal.reminder_date) {
        (GoalStatus::Active, Some(date), _) => format_long(date),
        (_, _, Some(reminder)) => {
            format!("Future goal: to look at again on {}", format_long(reminder))
        }
        _ => "Future goal".to_string(),
    };
    let measured = if goal.how_progress_is_measured.trim().is_empty() {
        "Not recorded".to_string()
    } else {
        goal.how_progress_is_measured.clone()
    };
    let rows = [
        ("Area of need", areas),
        ("Target date", target),
        ("How progress will be measured", measured),
    ];
    let steps = if goal.steps.is_empty() {
        view! { <p class="govuk-body">"No steps have been added to this goal yet."</p> }.into_any()
    } else {
        view! {
            <table class="govuk-table workbook-print__steps">
                <caption class="govuk-table__caption govuk-table__caption--s">"Steps"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Who"</th>
                        <th scope="col" class="govuk-table__header">"What"</th>
                        <th scope="col" class="govuk-table__header">"Status"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {goal.steps.iter().map(|step| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{step.actor.label().to_string()}</td>
                            <td class="govuk-table__cell workbook-pre-line">{step.description.clone()}</td>
                            <td class="govuk-table__cell">{step.status.label()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="workbook-print__goal" aria-labelledby=labelled_by data-testid="print-goal">
            <span class="govuk-caption-m">{format!("Goal {number}")}</span>
            <h3 class="govuk-heading-m workbook-pre-line" id=heading_id>{goal.text.clone()}</h3>
            {summary_list(rows)}
            {steps}
        </section>
    }
}

/// Goals already achieved, briefly: the goal and when.
#[component]
fn AchievedGoals(plan: SentencePlan) -> impl IntoView {
    let achieved: Vec<(String, Option<String>)> = plan
        .goals_with_status(GoalStatus::Achieved)
        .map(|goal| (goal.text.clone(), goal.status_changed_on.map(format_long)))
        .collect();
    (!achieved.is_empty()).then(|| {
        view! {
            <section class="workbook-print__section" aria-labelledby="achieved-heading">
                <h2 class="govuk-heading-m" id="achieved-heading">"Goals achieved"</h2>
                <ul class="govuk-list govuk-list--bullet">
                    {achieved.into_iter().map(|(text, on)| view! {
                        <li>{text}{on.map(|on| format!(" (achieved on {on})"))}</li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// What the person said when the plan was put to them, or that it has not been yet.
#[component]
fn AgreementSection(plan: SentencePlan) -> impl IntoView {
    let body = match &plan.agreement {
        Some(agreement) => {
            let mut rows = vec![("Their answer", agreement.label().to_string())];
            if let Some(details) = agreement.details() {
                rows.push(("Details", details.to_string()));
            }
            if let Some(on) = plan.agreed_on {
                rows.push(("Date", format_long(on)));
            }
            if let Some(on) = plan.agreement_updated_on {
                rows.push(("Updated", format_long(on)));
            }
            if plan.agreement_out_of_date().is_some() {
                rows.push(("Out of date", "The plan changed after this agreement: it is to be agreed again".to_string()));
            }
            view! {
                {summary_list(rows)}
            }
            .into_any()
        }
        None => view! {
            <p class="govuk-body">"This plan has not been agreed yet. It is a draft and may change when you talk it through with your probation practitioner."</p>
        }
        .into_any(),
    };
    view! {
        <section class="workbook-print__section" aria-labelledby="agreement-heading">
            <h2 class="govuk-heading-m" id="agreement-heading">"Agreement"</h2>
            {body}
        </section>
    }
}

/// The review dates still to come, each with its reason.
#[component]
fn UpcomingReviews(reviews: Vec<ReviewDate>) -> impl IntoView {
    let body = if reviews.is_empty() {
        view! { <p class="govuk-body">"No more reviews are due."</p> }.into_any()
    } else {
        view! {
            <table class="govuk-table" data-testid="print-reviews">
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Date"</th>
                        <th scope="col" class="govuk-table__header">"What happens"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {reviews.into_iter().map(|review| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell workbook-print__date" data-date=review.date.to_string()>{format_long(review.date)}</td>
                            <td class="govuk-table__cell">{review.for_the_person()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="workbook-print__section" aria-labelledby="reviews-heading">
            <h2 class="govuk-heading-m" id="reviews-heading">"Next review dates"</h2>
            {body}
        </section>
    }
}

/// Lines to sign and date on paper, for the person and the practitioner, each named.
#[component]
fn Signatures(person: String, officer: Option<String>) -> impl IntoView {
    let line = |role: &'static str, name: Option<String>| {
        view! {
            <div class="workbook-print__signature" data-testid="print-signature">
                <p class="govuk-body govuk-!-margin-bottom-1"><strong>{role}</strong>{name.map(|name| format!(": {name}"))}</p>
                <p class="govuk-body workbook-print__sign-line">"Signature"</p>
                <p class="govuk-body workbook-print__sign-line">"Date"</p>
            </div>
        }
    };
    view! {
        <section class="workbook-print__section" aria-labelledby="signatures-heading">
            <h2 class="govuk-heading-m" id="signatures-heading">"Signatures"</h2>
            <p class="govuk-body">"We have talked this plan through and agree to work on it together."</p>
            {line("Person on probation", Some(person))}
            {line("Probation practitioner", officer)}
        </section>
    }
}
