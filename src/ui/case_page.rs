//! A case at a glance: the person and sentence (GOV.UK summary list), when the last review was done
//! and the next is due, and the way into the assessment.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::components::{set_title, WarningText};
use super::loading::{Loaded, LoadedCaseView};
use super::reviews_page::describe_last_review;
use crate::domain::case::{SentenceType, CUSTODY_SENTENCE_DATE_LABEL};
use crate::domain::caseload::KeyFacts;
use crate::domain::dates::{age_on, format_long};
use crate::domain::reviews::{next_review_due, review_schedule, reviews_done};
use crate::domain::sync::conflicts::changed_on_two_devices;

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let offences = super::offences::use_offence_table();
    view! {
        <LoadedCaseView case_id=case_id render={move |Loaded { case, assessment, plan, signing, .. }| {
            let appointment_case = case.clone();
            let closed = case.closure.is_some();
            let live = super::loading::use_case_store().open_case(&case.id);
            let details = case.details;
            set_title(&details.name, false);
            let edit = format!("/cases/{}/edit", case.id);
            let today = super::clock::today();
            let context = crate::domain::questionnaire::CheckContext { date_of_birth: details.date_of_birth, today };
            let facts = KeyFacts::of(&assessment.answers, &assessment.completed_sections, &context, &plan.plan, &signing.signing);
            let age = age_on(details.date_of_birth, today);
            let done = reviews_done(&signing.signing);
            let schedule = review_schedule(&details, &plan.review_settings, &plan.plan, &plan.significant_changes, &done, today);
            let next_review = match schedule.iter().find(|review| review.overdue) {
                Some(review) => format!("{} (overdue) — {}", format_long(review.date), review.reason),
                None => match next_review_due(&schedule, today) {
                    Some(review) => format!("{} — {}", format_long(review.date), review.reason),
                    None => "No more reviews are due".to_string(),
                },
            };
            // A closed case has no reviews to come and no next step: it is kept to read.
            let (next_review, next_step, assessment_button) = if closed {
                let none = "None: the case is closed".to_string();
                (none.clone(), none, "Read the assessment".to_string())
            } else {
                (next_review, facts.next_step.clone(), facts.assessment_button.to_string())
            };
            let last_review = describe_last_review(&done);
            // The case's own, or section 1's first offence while the case gives none (section 1
            // reads the case's: the two agree), in words once the list is in.
            let main_offence = match details.main_offence_code().or_else(|| crate::domain::case_facts::main_offence(&assessment.answers)) {
                Some(code) => super::offences::describe_offence(offences, code).map_or_else(|| code.to_string(), |words| format!("{code} {words}")),
                None => "Not recorded yet: choose it in the case details, or as the first offence in section 1".to_string(),
            };
            let reviews_href = format!("/cases/{}/reviews", case.id);
            let mut rows = vec![
                ("Full name", details.name.clone()),
                ("Case reference number (CRN)", details.crn.clone()),
                ("Date of birth", format!("{} (age {age})", format_long(details.date_of_birth))),
                ("Sex", details.sex.label().to_string()),
                ("Sentence type", details.sentence_type.label().to_string()),
            ];
            if details.sentence_type == SentenceType::Custody {
                let sentenced = details
                    .sentence_date
                    .map_or_else(|| "Not given yet: add it to see when the initial plan is due".to_string(), format_long);
                rows.push((CUSTODY_SENTENCE_DATE_LABEL, sentenced));
            }
            rows.extend([
                (details.sentence_type.start_date_label(), format_long(details.sentence_or_release_date)),
                ("Sentence end date", format_long(details.sentence_end_date)),
            ]);
            // An answer changed on two devices (team sync) waits for the officer's choice.
            let open_conflicts = super::team_sync_page::sync_state().open_conflicts;
            let conflicted_case = case.id.clone();
            let conflicts = move || {
                open_conflicts
                    .with(|open| changed_on_two_devices(open.of_case(&conflicted_case)))
                    .map(|what| view! {
                        <WarningText testid="case-conflicts">{format!("{what}: choose which change to keep on ")}<a class="govuk-link" href="/team-sync">"Team sync"</a>"."</WarningText>
                    })
            };
            view! {
                <a href="/" class="govuk-back-link">"Back to caseload"</a>
                <span class="govuk-caption-l">{details.crn.clone()}</span>
                <h1 class="govuk-heading-l">{details.name.clone()}</h1>
                {conflicts}
                // Key facts first, at a glance: where the work stands and what comes next; the photo beside them.
                <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                <dl class="govuk-summary-list" data-testid="key-facts">
                    {[
                        ("Main offence", main_offence.clone(), "key-main-offence"),
                        ("Overall RoSH", facts.rosh.clone(), "key-rosh"),
                        ("Identified needs", facts.needs.clone(), "key-needs"),
                        ("Assessment", facts.status.label(), "key-status"),
                        ("Next review due", next_review.clone(), "key-next-review"),
                        ("Next step", next_step.clone(), "key-next-step"),
                    ].into_iter().map(|(key, value, id)| view! {
                        <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                            <dt class="govuk-summary-list__key">{key}</dt>
                            <dd class="govuk-summary-list__value" data-testid=id>{value}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                </div>
                <div class="govuk-grid-column-one-third">
                    {live.map(|live| view! { <super::photo::CasePhotoPanel live=live /> })}
                </div>
                </div>
                <h2 class="govuk-heading-m">"The person and the sentence"</h2>
                <dl class="govuk-summary-list">
                    {rows.into_iter().map(|(key, value)| {
                        let edit = edit.clone();
                        view! {
                            <div class=if closed { "govuk-summary-list__row govuk-summary-list__row--no-actions" } else { "govuk-summary-list__row" }>
                                <dt class="govuk-summary-list__key">{key}</dt>
                                <dd class="govuk-summary-list__value">{value}</dd>
                                {(!closed).then(|| view! {
                                    <dd class="govuk-summary-list__actions">
                                        <a class="govuk-link" href=edit>"Change"<span class="govuk-visually-hidden">{format!(" {}", key.to_lowercase())}</span></a>
                                    </dd>
                                })}
                            </div>
                        }
                    }).collect_view()}
                </dl>
                <h2 class="govuk-heading-m">"Reviews"</h2>
                <dl class="govuk-summary-list" data-testid="case-reviews">
                    <div class="govuk-summary-list__row govuk-summary-list__row--no-actions">
                        <dt class="govuk-summary-list__key">"Last review done"</dt>
                        <dd class="govuk-summary-list__value" data-testid="case-last-review">{last_review}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Next review due"</dt>
                        <dd class="govuk-summary-list__value" data-testid="case-next-review">{next_review}</dd>
                        <dd class="govuk-summary-list__actions">
                            <a class="govuk-link" href=reviews_href>"All review dates"</a>
                        </dd>
                    </div>
                </dl>
                <div class="govuk-button-group">
                    <a href=format!("/cases/{}/assessment", case.id) class="govuk-button" role="button" draggable="false">
                        {assessment_button}
                    </a>
                    <a href=format!("/cases/{}/plan", case.id) class="govuk-button govuk-button--secondary" role="button" draggable="false">"Sentence plan"</a>
                    <a href=format!("/cases/{}/reviews", case.id) class="govuk-link">"Review dates"</a>
                    <a href=format!("/cases/{}/signing", case.id) class="govuk-link">"Signing and countersigning"</a>
                </div>
                {(!closed).then(|| view! { <super::appointment::NextAppointment case=appointment_case /> })}
                {live.map(|live| view! { <super::closure_pages::CaseClosureActions live=live /> })}
            }.into_any()
        }} />
    }
}
