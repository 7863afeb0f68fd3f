//! A senior's review of a version waiting for countersignature: the assessment and plan read-only,
//! what changed since the last countersigned version, a comment box per section and per goal (and
//! per question, opened with "Comment" beside its answer), and the decision. Comments are saved as
//! they are typed.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::autosave::{Autosave, SaveStatusLine};
use super::clock;
use super::components::{focus_field, set_title, summary_list, ErrorMessage, TextArea};
use super::loading::{LiveCase, LiveCaseView};
use super::offences::{describe_offence, use_offence_table};
use super::signed::{signed_act, Act};
use super::version_summary::{goal_details, VersionSummary};
use crate::domain::answers::Answers;
use crate::domain::case::CaseDetails;
use crate::domain::check_answers::{summary_rows, SummaryRow};
use crate::domain::questionnaire::{Section, SECTIONS};
use crate::domain::review_changes::{item_changes, Words};
use crate::domain::signing::{
    changes_between, comment_draft_key, comment_draft_target, CommentTarget, Profile,
    ReviewDecision, SignedVersion, RESOLVE_DRAFT_PREFIX,
};
use crate::store::SigningRecord;

/// A section's answers in words, read-only, as a summary list, offences by code and name.
pub fn answers_list_with(
    section: &Section,
    answers: &Answers,
    describe_offence: &dyn Fn(&str) -> Option<String>,
) -> impl IntoView {
    summary_list(
        summary_rows(section, answers, describe_offence)
            .into_iter()
            .map(|row| (row.question, row.answer)),
    )
}

/// A section's answers as a summary list, each question with a "Comment" action (on the first
/// row of a repeat) that opens a comment box on that question.
fn answers_to_comment_on(
    section: &'static Section,
    rows: Vec<SummaryRow>,
    comment_on: Callback<&'static str>,
) -> impl IntoView {
    let mut offered = BTreeSet::new();
    view! {
        <dl class="govuk-summary-list">
            {rows.into_iter().map(|row| {
                let code = row.change;
                let action = offered.insert(code).then(|| {
                    let title = section.item(code).map_or_else(|| code.to_string(), |item| item.title());
                    view! {
                        <dd class="govuk-summary-list__actions">
                            <button type="button" class="govuk-link workbook-link-button" on:click=move |_| comment_on.run(code)>
                                "Comment"<span class="govuk-visually-hidden">{format!(" on {title}")}</span>
                            </button>
                        </dd>
                    }
                });
                let no_actions = action.is_none();
                view! {
                    <div class="govuk-summary-list__row" class:govuk-summary-list__row--no-actions=no_actions>
                        <dt class="govuk-summary-list__key">{row.question}</dt>
                        <dd class="govuk-summary-list__value workbook-pre-line">{row.answer}</dd>
                        {action}
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// A narrative's change, word by word: what was taken out struck through, what was put in marked,
/// each said in words to a screen reader too.
pub fn words_view(words: Vec<Words>) -> impl IntoView {
    words
        .into_iter()
        .map(|run| match run {
            Words::Same(text) => view! { <span>{text}</span> }.into_any(),
            Words::Removed(text) => view! {
                <del class="workbook-removed"><span class="govuk-visually-hidden">" removed: "</span>{text}</del>
            }
            .into_any(),
            Words::Added(text) => view! {
                <ins class="workbook-added"><span class="govuk-visually-hidden">" added: "</span>{text}</ins>
            }
            .into_any(),
        })
        .collect_view()
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| {
            let loaded = live.loaded();
            set_title("Review and decide", false);
            let case_id = loaded.case.id.clone();
            // Who may review which version is the domain's rule (`version_to_review`).
            let waiting = loaded.signing.signing.version_to_review(loaded.profile.as_ref()).cloned();
            let (Ok(version), Some(profile)) = (waiting, loaded.profile.clone()) else {
                return view! {
                    <a href=format!("/cases/{case_id}/signing") class="govuk-back-link">"Back"</a>
                    <h1 class="govuk-heading-l">"Nothing to review"</h1>
                    <p class="govuk-body">"There is no version of this case waiting for your countersignature, or you have not set up your profile."</p>
                }.into_any();
            };
            let autosave = live.signing;
            // Compared with the version the senior returned, or the last one countersigned.
            let previous = loaded.signing.signing.compared_with(version.number).cloned();
            let details = loaded.case.details.clone();
            view! { <ReviewForm autosave=autosave version=version previous=previous profile=profile case_id=case_id details=details /> }.into_any()
        }} />
    }
}

#[component]
fn ReviewForm(
    autosave: Autosave<SigningRecord>,
    version: SignedVersion,
    previous: Option<SignedVersion>,
    profile: Profile,
    case_id: String,
    details: CaseDetails,
) -> impl IntoView {
    let caption = format!("{} ({})", details.name, details.crn);
    let record = autosave.draft;
    let number = version.number;
    let offences = use_offence_table();
    let changes = previous
        .as_ref()
        .map(|before| changes_between(&before.snapshot, &version.snapshot));
    let changed_lines = match (&previous, &changes) {
        (Some(before), Some(changes)) if !changes.is_empty() => {
            changes.describe(&before.snapshot.plan, &version.snapshot.plan)
        }
        (Some(_), _) => vec![format!(
            "Nothing has changed since version {}.",
            previous.as_ref().map_or(0, |before| before.number)
        )],
        (None, _) => {
            vec!["This is the first version to be countersigned: all of it is new.".to_string()]
        }
    };
    let compared = previous.as_ref().map(|before| {
        format!(
            "What changed since version {} ({})",
            before.number,
            before.state.label().to_lowercase()
        )
    });
    // Item by item against the version compared with: old → new, narratives word by word.
    let item_changes = {
        let (before, after) = (
            previous
                .as_ref()
                .map(|before| before.snapshot.answers.clone()),
            version.snapshot.answers.clone(),
        );
        Signal::derive(move || {
            let describe_offence = |code: &str| describe_offence(offences, code);
            before
                .as_ref()
                .map(|before| item_changes(before, &after, &describe_offence))
                .unwrap_or_default()
        })
    };
    // Earlier threads beside their item: each with its replies, an open one with "Mark as
    // resolved" (kept with the typed comments, and resolved with the decision).
    let earlier = move |target: CommentTarget, heading: String| {
        let threads: Vec<(String, Vec<String>, bool)> = record.with(|record| {
            record
                .signing
                .threads_before(&target, number)
                .iter()
                .map(|thread| (thread.at.key(), thread.lines(), thread.is_open()))
                .collect()
        });
        (!threads.is_empty()).then(|| view! {
            <div class="govuk-inset-text" data-testid="earlier-comments">
                <h3 class="govuk-heading-s govuk-!-margin-bottom-2">{heading}</h3>
                {threads.into_iter().map(|(key, lines, open)| {
                    let draft_key = format!("{RESOLVE_DRAFT_PREFIX}{key}");
                    let read_key = draft_key.clone();
                    let resolve = open.then(|| view! {
                        <super::threads::TickBox
                            id=format!("resolve-{}", key.replace('.', "-"))
                            label="Mark as resolved".to_string()
                            ticked=Signal::derive(move || record.with(|record| record.comment_drafts.contains_key(&read_key)))
                            on_toggle=Callback::new(move |ticked: bool| {
                                let key = draft_key.clone();
                                autosave.change_now(move |record| {
                                    if ticked {
                                        record.comment_drafts.insert(key.clone(), String::new());
                                    } else {
                                        record.comment_drafts.remove(&key);
                                    }
                                })
                            })
                        />
                    });
                    view! {
                        <div class="workbook-thread" data-testid="thread">
                            <super::threads::ThreadLines lines=lines open=open />
                            {resolve}
                        </div>
                    }
                }).collect_view()}
            </div>
        })
    };
    let comment_box = move |target: CommentTarget, label: String| {
        let key = comment_draft_key(&target);
        let id = comment_box_id(&key);
        let read_key = key.clone();
        view! {
            <TextArea
                id=id
                label=label
                value=Signal::derive(move || record.with(|record| record.comment_drafts.get(&read_key).cloned().unwrap_or_default()))
                on_input=Callback::new(move |text: String| {
                    let key = key.clone();
                    autosave.change_typing(move |record| {
                        record.comment_drafts.insert(key.clone(), text.clone());
                    })
                })
                on_blur=autosave.flusher()
                error=Signal::stored(None::<String>)
                rows=2
            />
        }
    };
    // The questions with a comment box open: those with a comment typed, and those the senior
    // pressed "Comment" beside (its box is focused).
    let opened = RwSignal::new(record.with_untracked(|record| {
        record
            .comment_drafts
            .keys()
            .filter_map(|key| match comment_draft_target(key) {
                Some(CommentTarget::Item(code)) => Some(code),
                _ => None,
            })
            .collect::<BTreeSet<String>>()
    }));
    let comment_on = Callback::new(move |code: &'static str| {
        opened.update(|opened| {
            opened.insert(code.to_string());
        });
        let id = comment_box_id(&comment_draft_key(&CommentTarget::Item(code.to_string())));
        request_animation_frame(move || focus_field(&id));
    });
    // One copy of the answers, read by every section's list (it redraws once the offence list is in).
    let answers = StoredValue::new(version.snapshot.answers.clone());
    let sections = SECTIONS
        .iter()
        .filter(|section| section.is_available(&version.snapshot.answers))
        .map(|section| {
            let changed = changes.as_ref().is_some_and(|changes| changes.section_changed(section.id));
            let list = move || {
                let describe_offence = |code: &str| describe_offence(offences, code);
                let rows = answers.with_value(|answers| summary_rows(section, answers, &describe_offence));
                answers_to_comment_on(section, rows, comment_on)
            };
            // A comment box for each question the senior chose to comment on, in the section's order.
            let question_boxes = view! {
                <For
                    each=move || {
                        let opened = opened.get();
                        section.items.iter().filter(move |item| opened.contains(item.code)).collect::<Vec<_>>()
                    }
                    key=|item| item.code
                    children=move |item| comment_box(CommentTarget::Item(item.code.to_string()), format!("Comment on {} (optional)", item.title()))
                />
            };
            let comment = comment_box(CommentTarget::Section(section.id.to_string()), format!("Comment on {} (optional)", section.heading()));
            // Earlier comments on the section, then on each of its questions.
            let earlier = (
                earlier(CommentTarget::Section(section.id.to_string()), "Earlier comments".to_string()),
                section.items.iter().map(|item| earlier(CommentTarget::Item(item.code.to_string()), format!("Earlier comments on {}", item.title()))).collect_view(),
            );
            // Unchanged since the version compared with: folded away, still there to read and comment on.
            if previous.is_some() && !changed {
                view! {
                    <details class="govuk-details" data-testid="unchanged-section">
                        <summary class="govuk-details__summary">
                            <span class="govuk-details__summary-text">{format!("{} (unchanged)", section.heading())}</span>
                        </summary>
                        <div class="govuk-details__text">{list}{question_boxes}{earlier}{comment}</div>
                    </details>
                }.into_any()
            } else {
                view! {
                    <h2 class="govuk-heading-m">{section.heading()}{changed.then(|| view! { " " <strong class="govuk-tag govuk-tag--yellow">"Changed"</strong> })}</h2>
                    {list}
                    {question_boxes}
                    {earlier}
                    {comment}
                }.into_any()
            }
        })
        .collect_view();
    let goals = version
        .snapshot
        .plan
        .goals
        .iter()
        .map(|goal| {
            view! {
                {goal_details(goal)}
                {earlier(CommentTarget::Goal(goal.id.clone()), "Earlier comments".to_string())}
                {comment_box(CommentTarget::Goal(goal.id.clone()), format!("Comment on the goal: {} (optional)", goal.text))}
            }
        })
        .collect_view();
    let changes_view = move || {
        item_changes
            .get()
            .into_iter()
            .map(|section| {
                let rows = section.items.into_iter().map(|change| {
                    let now = match change.words {
                        Some(words) => words_view(words).into_any(),
                        None => change.after.into_any(),
                    };
                    view! {
                        <tr class="govuk-table__row">
                            <th scope="row" class="govuk-table__header">{change.item.title()}</th>
                            <td class="govuk-table__cell workbook-pre-line">{change.before}</td>
                            <td class="govuk-table__cell workbook-pre-line">{now}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <table class="govuk-table" data-testid="item-changes">
                        <caption class="govuk-table__caption govuk-table__caption--s">{section.section.heading()}</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Question"</th>
                                <th scope="col" class="govuk-table__header">"Before"</th>
                                <th scope="col" class="govuk-table__header">"Now"</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">{rows}</tbody>
                    </table>
                }
            })
            .collect_view()
    };
    let decision = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Signing the decision takes WebCrypto a moment: the button waits meanwhile.
    let busy = RwSignal::new(false);
    let stored_case_id = StoredValue::new(case_id.clone());
    let navigate = use_navigate();
    let signing_href = format!("/cases/{case_id}/signing");
    let decide = {
        let signing_href = signing_href.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(choice) = ReviewDecision::from_code(&decision.get_untracked()) else {
                problem.set(Some("Select your decision".to_string()));
                return;
            };
            if busy.get_untracked() {
                return;
            }
            let at = clock::timestamp();
            let profile = profile.clone();
            // The decision, with every comment typed, applied to the signing record as it is
            // stored when it is saved (and tried on the live copy first, for its error), signed
            // with this senior's key (`signed::signed_act`).
            let decide: Act = Arc::new(move |record: &mut SigningRecord| {
                let drafts = std::mem::take(&mut record.comment_drafts);
                let decided = record
                    .signing
                    .decide(number, choice, &drafts, &profile, &at);
                if decided.is_err() {
                    record.comment_drafts = drafts;
                }
                decided.map_err(|error| error.to_string())
            });
            busy.set(true);
            let (navigate, signing_href) = (navigate.clone(), signing_href.clone());
            spawn_local(async move {
                let outcome = signed_act(autosave, stored_case_id.get_value(), decide).await;
                let _ = busy.try_set(false);
                match outcome {
                    Err(error) => {
                        let _ = problem.try_set(Some(error));
                    }
                    Ok(()) => navigate(&signing_href, Default::default()),
                }
            });
        }
    };
    let options = ReviewDecision::offered(version.state)
        .iter()
        .map(|decision| (decision.code(), decision.label()));
    view! {
        <a href=signing_href.clone() class="govuk-back-link">"Back to signing"</a>
        <span class="govuk-caption-l">{caption}</span>
        <h1 class="govuk-heading-l">{format!("Review version {number}")}</h1>
        <SaveStatusLine status=autosave.status />
        <VersionSummary case_id=case_id.clone() details=details version=version.clone() />
        <div class="govuk-inset-text" data-testid="review-changes">
            <h2 class="govuk-heading-m">{compared.unwrap_or_else(|| "What changed".to_string())}</h2>
            <ul class="govuk-list govuk-list--bullet">{changed_lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            {changes_view}
        </div>
        <h2 class="govuk-heading-l">"The assessment"</h2>
        {sections}
        <h2 class="govuk-heading-m">"Sentence plan"</h2>
        {goals}
        <form novalidate on:submit=decide>
            <div class="govuk-form-group" class:govuk-form-group--error=move || problem.get().is_some()>
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">"Your decision"</legend>
                    <ErrorMessage id="decision-error".to_string() message=problem />
                    <div class="govuk-radios" data-module="govuk-radios">
                        {options.into_iter().map(|(value, label)| {
                            let id = format!("decision-{value}");
                            view! {
                                <div class="govuk-radios__item">
                                    <input class="govuk-radios__input" id=id.clone() name="decision" type="radio" value=value
                                        prop:checked=move || decision.get() == value
                                        on:change=move |_| decision.set(value.to_string()) />
                                    <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
            {earlier(CommentTarget::General, "Earlier comments".to_string())}
            {comment_box(CommentTarget::General, "Comment for the officer (needed to return or to ask for a double countersignature)".to_string())}
            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Confirm decision"</button>
        </form>
    }
}

/// The id of a comment box: "comment-general", "comment-section-3", "comment-item-3.4".
fn comment_box_id(key: &str) -> String {
    if key.is_empty() {
        "comment-general".to_string()
    } else {
        format!("comment-{}", key.replace(':', "-"))
    }
}
