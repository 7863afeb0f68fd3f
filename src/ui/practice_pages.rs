//! The practice space's own screens: the sample cases to practise on, each case file, and the
//! feedback that compares a trainee's assessment with the reference, attempt by attempt.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::clock;
use super::components::set_title;
use super::db::{reset_practice, store};
use super::loading::{LiveCase, LiveCaseView};
use super::practice::switch_space;
use crate::domain::practice::{
    compare, compare_attempts, sample_cases, Feedback, NarrativeFeedback, PracticeAttempt,
    SampleCase, MATCHING_EXPLAINED,
};
use crate::domain::progress::{completed_count, statuses};
use crate::domain::questionnaire::CheckContext;
use crate::store::{AssessmentRecord, CaseRecord, RECORD_SCHEMA_VERSION};

fn sample(id: &str) -> Option<&'static SampleCase> {
    sample_cases().iter().find(|sample| sample.id == id)
}

fn attempts_key(case_id: &str) -> String {
    format!("attempts:{case_id}")
}

/// The practice caseload: every sample case, started or not, and "Reset practice".
#[component]
pub fn PracticeCaseload() -> impl IntoView {
    set_title("Practice cases", false);
    let started = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(cases) = async { store().await?.cases().await }.await {
            let _ = started.try_set(cases.into_iter().map(|case| case.id).collect());
        }
    });
    let navigate = use_navigate();
    let start = move |sample: &'static SampleCase| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let now = clock::timestamp();
            let record = CaseRecord {
                revision: 1,
                schema_version: RECORD_SCHEMA_VERSION,
                id: sample.id.to_string(),
                details: (sample.details)(),
                next_appointment: None,
                closure: None,
                photo: None,
                created_at: now.clone(),
                updated_at: now,
            };
            if let Ok(store) = store().await {
                if store.case(sample.id).await.ok().flatten().is_none()
                    && store.put_case(&record).await.is_err()
                {
                    return;
                }
            }
            navigate(
                &format!("/cases/{}/case-file", sample.id),
                Default::default(),
            );
        });
    };
    let reset = move |_| {
        spawn_local(async move {
            let _ = reset_practice().await;
            switch_space(true);
        });
    };
    view! {
        <h1 class="govuk-heading-l">"Practice cases"</h1>
        <p class="govuk-body">"Assess a fictional person from their case file, then compare your assessment with a reference assessment and its reasons. Practice is kept apart from your live cases."</p>
        <ul class="govuk-list workbook-samples">
            {sample_cases().iter().map(|sample| {
                let start = start.clone();
                let details = (sample.details)();
                view! {
                    <li class="govuk-summary-card">
                        <div class="govuk-summary-card__title-wrapper">
                            <h2 class="govuk-summary-card__title">{sample.title}</h2>
                        </div>
                        <div class="govuk-summary-card__content">
                            <p class="govuk-body">{format!("{} ({})", details.name, details.crn)}</p>
                            <button type="button" class="govuk-button govuk-!-margin-bottom-0" on:click=move |_| start(sample)>
                                {move || if started.with(|ids| ids.iter().any(|id| id == sample.id)) { "Continue" } else { "Start" }}
                                <span class="govuk-visually-hidden">{format!(" practice case: {}", sample.title)}</span>
                            </button>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2 class="govuk-heading-m">"Start again"</h2>
        <p class="govuk-body">"Reset practice deletes every practice case and attempt. Your live cases are not touched."</p>
        <button type="button" class="govuk-button govuk-button--warning" on:click=reset>"Reset practice"</button>
    }
}

/// `/cases/:id/case-file`: what the trainee reads before assessing.
#[component]
pub fn CaseFilePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let Some(sample) = sample(&id) else {
            set_title("Case file not found", false);
            return view! { <h1 class="govuk-heading-l">"There is no case file for this case"</h1> }.into_any();
        };
        set_title(&format!("Case file: {}", sample.title), false);
        let details = (sample.details)();
        let parts = [
            ("Offence summary", sample.case_file.offence_summary),
            (
                "Previous convictions",
                sample.case_file.previous_convictions,
            ),
            ("Interview notes", sample.case_file.interview_notes),
            (
                "Information from other agencies",
                sample.case_file.other_agencies,
            ),
        ];
        view! {
            <a href="/" class="govuk-back-link">"Back to practice cases"</a>
            <span class="govuk-caption-l">{format!("{} ({})", details.name, details.crn)}</span>
            <h1 class="govuk-heading-l">{format!("Case file: {}", sample.title)}</h1>
            {parts.into_iter().map(|(heading, text)| view! {
                <h2 class="govuk-heading-m">{heading}</h2>
                {text.split("\n\n").map(|paragraph| view! { <p class="govuk-body">{paragraph.to_string()}</p> }).collect_view()}
            }).collect_view()}
            <a href=format!("/cases/{id}/assessment") class="govuk-button" role="button" draggable="false">"Start the assessment"</a>
        }
        .into_any()
    }
}

/// `/cases/:id/feedback`: the trainee's assessment against the reference, and against their last attempt.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| {
            let loaded = live.loaded();
            set_title("Feedback on your assessment", false);
            let Some(sample) = sample(&loaded.case.id) else {
                return view! { <h1 class="govuk-heading-l">"Feedback is for practice cases only"</h1> }.into_any();
            };
            let context = CheckContext { date_of_birth: loaded.case.details.date_of_birth, today: clock::today() };
            let answers = &loaded.assessment.answers;
            let (done, total) = completed_count(&statuses(answers, &loaded.assessment.completed_sections, Some(&context)));
            let case_id = loaded.case.id.clone();
            if done < total {
                return view! {
                    <a href=format!("/cases/{case_id}/assessment") class="govuk-back-link">"Back to the assessment"</a>
                    <h1 class="govuk-heading-l">"Feedback on your assessment"</h1>
                    <p class="govuk-body" data-testid="feedback-not-ready">{format!("Complete every section first: {done} of {total} completed.")}</p>
                }.into_any();
            }
            let feedback = compare(answers, &(sample.reference)());
            let previous = RwSignal::new(Vec::<PracticeAttempt>::new());
            {
                let key = attempts_key(&case_id);
                spawn_local(async move {
                    if let Ok(Some(attempts)) = async { store().await?.setting::<Vec<PracticeAttempt>>(&key).await }.await {
                        let _ = previous.try_set(attempts);
                    }
                });
            }
            let reference = (sample.reference)();
            let against_last = {
                let feedback = feedback.clone();
                move || {
                    previous.with(|attempts| attempts.last().map(|last| {
                        let before: Feedback = compare(&last.answers, &reference);
                        compare_attempts(&before, &feedback)
                    }))
                }
            };
            let navigate = use_navigate();
            // "Try again" asks whether the next attempt starts blank or from these answers.
            let asking = RwSignal::new(false);
            let keep_choice = RwSignal::new(None::<String>);
            let keep_error = RwSignal::new(None::<String>);
            let try_again = {
                let case_id = case_id.clone();
                let answers = loaded.assessment.answers.clone();
                let completed = loaded.assessment.completed_sections.clone();
                move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let keep = match keep_choice.get_untracked().as_deref() {
                        Some("keep") => true,
                        Some("clear") => false,
                        _ => {
                            keep_error.set(Some("Select whether to keep your answers or start again from blank".to_string()));
                            return;
                        }
                    };
                    let case_id = case_id.clone();
                    let (answers, completed_sections) = (answers.clone(), completed.clone());
                    let navigate = navigate.clone();
                    spawn_local(async move {
                        let result = async {
                            let store = store().await?;
                            let key = attempts_key(&case_id);
                            let mut attempts: Vec<PracticeAttempt> = store.setting(&key).await?.unwrap_or_default();
                            attempts.push(PracticeAttempt {
                                sample_id: case_id.clone(),
                                number: attempts.len() as u32 + 1,
                                answers,
                                completed_sections,
                                finished_at: clock::timestamp(),
                            });
                            store.put_setting(&key, &attempts).await
                        }
                        .await;
                        if result.is_ok() {
                            // The next attempt, in the one live copy of the case: from nothing, or
                            // from these answers with every section to complete again.
                            live.assessment.change_now(move |record| {
                                let fresh = AssessmentRecord::new(&record.case_id);
                                if !keep {
                                    record.answers = fresh.answers;
                                }
                                record.completed_sections = fresh.completed_sections;
                                record.carried_forward = fresh.carried_forward;
                                record.last_section = fresh.last_section;
                            });
                            navigate(&format!("/cases/{case_id}/assessment"), Default::default());
                        }
                    });
                }
            };
            view! {
                <a href=format!("/cases/{case_id}/assessment") class="govuk-back-link">"Back to the assessment"</a>
                <span class="govuk-caption-l">{sample.title}</span>
                <h1 class="govuk-heading-l">"Feedback on your assessment"</h1>
                <div class="govuk-panel govuk-panel--confirmation workbook-feedback-panel">
                    <h2 class="govuk-panel__title" data-testid="agreement">{format!("{}% agreement", feedback.agreement_percent)}</h2>
                    <div class="govuk-panel__body">{format!("You agree with the reference on {} of {} answers", feedback.agreed, feedback.compared)}</div>
                </div>
                {move || against_last().map(|lines| view! {
                    <div class="govuk-inset-text" data-testid="against-last-attempt">
                        <h2 class="govuk-heading-s">"Compared with your last attempt"</h2>
                        <ul class="govuk-list">{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                })}
                <FeedbackDetail feedback=feedback />
                <Show when=move || asking.get() fallback=move || view! {
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| asking.set(true)>"Try again"</button>
                }>
                    <form novalidate on:submit=try_again.clone() data-testid="try-again">
                        <super::components::Radios
                            id="try-again-keep".to_string()
                            legend="How do you want to start the next attempt?".to_string()
                            hint=Some("This attempt is kept either way, so your next feedback can compare the two.".to_string())
                            options=vec![("clear".to_string(), "Start again from blank answers".to_string()), ("keep".to_string(), "Keep my answers and change them".to_string())]
                            selected=Signal::derive(move || keep_choice.get())
                            on_select=Callback::new(move |value: String| { keep_choice.set(Some(value)); keep_error.set(None); })
                            error=keep_error
                        />
                        <button type="submit" class="govuk-button">"Start the next attempt"</button>
                    </form>
                </Show>
                <p class="govuk-body">"Trying again keeps this attempt, so your next feedback can compare the two."</p>
            }.into_any()
        }} />
    }
}

/// One narrative as a checklist: the points the reference makes, each with its evidence, and
/// whether the trainee's text mentions it (by key words: `MATCHING_EXPLAINED`).
#[component]
fn NarrativeChecklist(narrative: NarrativeFeedback) -> impl IntoView {
    let mentioned = narrative.mentioned();
    let total = narrative.points.len();
    let written = if narrative.given.is_empty() {
        view! { <p class="govuk-body-s">"You wrote nothing here."</p> }.into_any()
    } else {
        view! { <p class="govuk-body-s workbook-written">"You wrote: "<q>{narrative.given.clone()}</q></p> }.into_any()
    };
    view! {
        <div class="workbook-narrative" data-testid=format!("narrative-{}", narrative.code)>
            <h3 class="govuk-heading-s">{narrative.question.clone()}</h3>
            {written}
            <p class="govuk-body-s" data-testid="narrative-count">{format!("You mention {mentioned} of the {total} points the reference makes.")}</p>
            <ul class="govuk-list workbook-checklist">
                {narrative.points.iter().map(|point| {
                    let tag = if point.mentioned {
                        view! { <strong class="govuk-tag govuk-tag--green">"Mentioned"</strong> }.into_any()
                    } else {
                        view! { <strong class="govuk-tag govuk-tag--grey">"Not mentioned"</strong> }.into_any()
                    };
                    view! {
                        <li data-testid="narrative-point" data-mentioned=point.mentioned.to_string()>
                            {tag}" "<span class="govuk-!-font-weight-bold">{point.point}</span>
                            <span class="govuk-body-s workbook-keywords">{format!(" (key words: {})", point.words.join(", "))}</span>
                            <p class="govuk-body-s workbook-evidence">{format!("Case file: “{}”", point.sentence)}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

fn need_words(need: Option<crate::domain::scoring::NeedLevel>) -> &'static str {
    need.map_or("Not scored for need", |need| need.label())
}

fn level_words(level: Option<crate::domain::rosh::RoshLevel>) -> &'static str {
    level.map_or("Not rated", |level| level.label())
}

/// Section by section: agreement, need flags, and each difference with the reference's reasons.
#[component]
fn FeedbackDetail(feedback: Feedback) -> impl IntoView {
    let rosh = feedback.rosh.clone();
    let sections = feedback
        .sections
        .into_iter()
        .filter(|section| section.compared > 0 || !section.narratives.is_empty())
        .map(|section| {
            let need_row = (section.need_given.is_some() || section.need_expected.is_some()).then(|| {
                let class = if section.need_agrees { "workbook-feedback--agree" } else { "workbook-feedback--differ" };
                view! {
                    <p class=format!("govuk-body {class}")>
                        {format!(
                            "Need: you said {} (score {}), the reference says {} (score {}).",
                            need_words(section.need_given).to_lowercase(),
                            section.score_given,
                            need_words(section.need_expected).to_lowercase(),
                            section.score_expected
                        )}
                    </p>
                }
            });
            let differences = (!section.differences.is_empty()).then(|| view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-table__caption--s">"Where you differ"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Question"</th>
                        <th scope="col" class="govuk-table__header">"Your answer"</th>
                        <th scope="col" class="govuk-table__header">"Reference"</th>
                        <th scope="col" class="govuk-table__header">"What the case file says"</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {section.differences.iter().map(|item| view! {
                            <tr class="govuk-table__row" data-testid="difference">
                                <th scope="row" class="govuk-table__header">{item.question.clone()}</th>
                                <td class="govuk-table__cell workbook-lines">{item.given.clone()}</td>
                                <td class="govuk-table__cell workbook-lines">{item.expected.clone()}</td>
                                <td class="govuk-table__cell govuk-body-s" data-testid="evidence">
                                    {item.evidence.iter().map(|sentence| view! { <p class="govuk-body-s workbook-evidence">{format!("“{sentence}”")}</p> }).collect_view()}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            });
            let narratives = section.narratives.iter().map(|narrative| view! { <NarrativeChecklist narrative=narrative.clone() /> }).collect_view();
            let tag = if section.differences.is_empty() && section.need_agrees {
                view! { <strong class="govuk-tag govuk-tag--green">"Agrees"</strong> }.into_any()
            } else {
                view! { <strong class="govuk-tag govuk-tag--orange">"Differs"</strong> }.into_any()
            };
            view! {
                <section class="govuk-summary-card" data-testid=format!("feedback-{}", section.section_id)>
                    <div class="govuk-summary-card__title-wrapper">
                        <h2 class="govuk-summary-card__title">{section.heading.clone()}</h2>
                        {tag}
                    </div>
                    <div class="govuk-summary-card__content">
                        {(section.compared > 0).then(|| view! {
                            <p class="govuk-body">{format!("You agree on {} of {} answers.", section.agreed, section.compared)}</p>
                        })}
                        {need_row}
                        {differences}
                        {narratives}
                        <p class="govuk-body-s"><strong>"Why the reference says this: "</strong>{section.rationale}</p>
                    </div>
                </section>
            }
        })
        .collect_view();
    let any_level_differs = rosh.cells.iter().any(|cell| !cell.agrees);
    let rosh_rows = rosh
        .cells
        .iter()
        .filter(|cell| !cell.agrees)
        .map(|cell| view! {
            <tr class="govuk-table__row" data-testid="rosh-difference">
                <th scope="row" class="govuk-table__header">{format!("{}, {}", cell.row, cell.column)}</th>
                <td class="govuk-table__cell">{level_words(cell.given)}</td>
                <td class="govuk-table__cell">{level_words(cell.expected)}</td>
            </tr>
        })
        .collect_view();
    view! {
        <details class="govuk-details" data-testid="matching-explained">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"How your narratives are checked"</span></summary>
            <div class="govuk-details__text">{MATCHING_EXPLAINED}</div>
        </details>
        <h2 class="govuk-heading-m">"Risk of serious harm"</h2>
        <p class="govuk-body" data-testid="rosh-feedback">
            {format!("Overall RoSH: you said {}, the reference says {}.", level_words(rosh.overall_given), level_words(rosh.overall_expected))}
        </p>
        {(!any_level_differs).then(|| view! { <p class="govuk-body" data-testid="rosh-levels-agree">"Every level in the grid agrees with the reference."</p> })}
        {any_level_differs.then(move || view! {
        <table class="govuk-table" data-testid="rosh-differences">
            <caption class="govuk-table__caption govuk-table__caption--s">"Levels that differ"</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">"Who and where"</th>
                <th scope="col" class="govuk-table__header">"Your level"</th>
                <th scope="col" class="govuk-table__header">"Reference"</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rosh_rows}</tbody>
        </table>
        })}
        {sections}
    }
}
