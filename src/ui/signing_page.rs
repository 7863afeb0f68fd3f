//! Signing and countersigning a case: who needs to countersign and why, signing a version, sending
//! it as a case package, the versions signed so far, the comments from seniors, and the timeline.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::autosave::SaveStatusLine;
use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, DateInput, ErrorSummary, Radios,
};
use super::export::download_json;
use super::loading::{LiveCase, LiveCaseView, Loaded};
use super::signed::signed_act;
use crate::domain::dates::DateParts;
use crate::domain::errors::FieldErrors;
use crate::domain::keys::{PublicKey, Team, TeamMember, RECIPIENT_FIELD};
use crate::domain::package::{sealed_package_file_name, CasePackage, PackagedCase};
use crate::domain::questionnaire::CheckContext;
use crate::domain::review_changes::version_day;
use crate::domain::signing::{
    all_comments, countersigning_needed, describe_need_for, long_day, review_fields, sign_problems,
    signing_offer, validate_review_start, AssessmentPurpose, CaseSigning, DraftAction,
    ListedThread, Profile, ReviewStartForm, NEW_DRAFT_PURPOSE_FIELD, SEND_FOR_COUNTERSIGNING,
};
use crate::domain::sync::conflicts::signing_waits_for;
use crate::store::identity::seal_for;
use crate::store::SigningRecord;

/// The case package of this case sealed for `recipient`: the file's name and text. No plain-text
/// package is ever written.
pub async fn sealed_package(
    loaded: &Loaded,
    signing: &CaseSigning,
    by: &Profile,
    at: &str,
    recipient: &TeamMember,
) -> Result<(String, String), String> {
    let case = PackagedCase {
        id: loaded.case.id.clone(),
        created_at: loaded.case.created_at.clone(),
        details: loaded.case.details.clone(),
    };
    let package = CasePackage::build(case, signing.clone(), Some(loaded.snapshot()), by, at);
    let name = sealed_package_file_name(
        &loaded.case.details.crn,
        signing.latest().map(|latest| (latest.number, latest.state)),
        clock::today(),
        &recipient.name,
    );
    let sealed = seal_for(&recipient.keys(), package.to_json().as_bytes()).await?;
    Ok((name, sealed.to_json()))
}

/// The team and this officer's signing key, once read: whom a package may be sealed for.
type Recipients = Option<Result<(Team, PublicKey), String>>;

/// The MoJ timeline of a case, newest first.
#[component]
pub fn Timeline(#[prop(into)] signing: Signal<CaseSigning>) -> impl IntoView {
    move || {
        let signing = signing.get();
        let items = signing
            .history
            .iter()
            .rev()
            .map(|event| {
                view! {
                    <div class="moj-timeline__item">
                        <div class="moj-timeline__header">
                            <h3 class="moj-timeline__title">{event.title()}</h3>
                            {event.byline().map(|by| view! { " " <p class="moj-timeline__byline">{by}</p> })}
                        </div>
                        <p class="moj-timeline__date"><time datetime=event.at.clone()>{event.day()}</time></p>
                        {event.note.clone().map(|note| view! { <div class="moj-timeline__description"><p class="govuk-body">{note}</p></div> })}
                        {event.review.as_ref().map(|review| view! { <div class="moj-timeline__description"><p class="govuk-body">{review.describe()}</p></div> })}
                    </div>
                }
            })
            .collect_view();
        view! { <div class="moj-timeline" data-testid="timeline">{items}</div> }
    }
}

#[component]
pub fn SigningPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| {
            let loaded = live.loaded();
            let autosave = live.signing;
            let record = autosave.draft;
            let signing = Signal::derive(move || record.with(|record| record.signing.clone()));
            let profile = loaded.profile.clone();
            let context = CheckContext { date_of_birth: loaded.case.details.date_of_birth, today: clock::today() };
            let snapshot = loaded.snapshot();
            let problems = RwSignal::new(Vec::<String>::new());
            let reasons: Vec<&'static str> = profile
                .as_ref()
                .map(|profile| record.with_untracked(|record| countersigning_needed(profile.grade, &record.signing.case_facts(&snapshot.answers))))
                .unwrap_or_default();
            let need = record.with_untracked(|record| {
                describe_need_for(profile.as_ref().map(|profile| profile.grade), &record.signing.case_facts(&snapshot.answers))
            });
            let case_id = loaded.case.id.clone();
            let stored_case_id = StoredValue::new(case_id.clone());
            let open_conflicts = super::team_sync_page::sync_state().open_conflicts;
            // While team sync carries this browser's cases, versions and decisions travel with them.
            let synced = super::team_sync_page::sync_state().connection;
            // Signing and sealing take WebCrypto a moment: the buttons wait meanwhile.
            let busy = RwSignal::new(false);
            type Act = dyn Fn(&mut SigningRecord, &Profile, &str) -> Result<(), String> + Send + Sync;
            // A signing event, signed with this officer's key and kept with its signature
            // (`signed::signed_act`): tried on the live copy and then on the stored one.
            type Then = Option<Arc<dyn Fn() + Send + Sync>>;
            let act = move |change: Arc<Act>, then: Then| {
                let Some(profile) = live.profile.get_untracked() else {
                    problems.set(vec!["Set up your profile (your name and grade) before signing".to_string()]);
                    return;
                };
                if busy.get_untracked() {
                    return;
                }
                busy.set(true);
                let at = clock::timestamp();
                let act: super::signed::Act = Arc::new(move |record: &mut SigningRecord| change(record, &profile, &at));
                spawn_local(async move {
                    let outcome = signed_act(autosave, stored_case_id.get_value(), act).await;
                    if let (Ok(()), Some(then)) = (&outcome, then) {
                        then();
                    }
                    let _ = busy.try_set(false);
                    let _ = problems.try_set(outcome.err().into_iter().collect());
                });
            };
            let sign = {
                let reasons = reasons.clone();
                move |_| {
                    // What is signed is the draft as it stands now, not as the page first showed it.
                    let snapshot = untrack(|| live.snapshot());
                    let mut found = sign_problems(&snapshot, Some(&context));
                    // Not while an answer of the case waits for the officer's choice (team sync).
                    let waiting = open_conflicts.with_untracked(|open| open.of_case(&stored_case_id.get_value()));
                    found.extend(signing_waits_for(waiting));
                    if !found.is_empty() {
                        problems.set(found);
                        return;
                    }
                    let reasons = reasons.clone();
                    // The officer's replies to comments are signed with it, and then are no longer drafts.
                    act(Arc::new(move |record, profile, at| {
                        record.signing.sign_with_replies(snapshot.clone(), true, profile, &reasons, &record.reply_drafts, at).map_err(|e| e.to_string())?;
                        record.reply_drafts.clear();
                        Ok(())
                    }), None);
                }
            };
            // Starting a review asks what it is for (domain.md §5), its date, and for a significant
            // change which one (`?change=N` from the Review dates page chooses it).
            let query = use_query_map();
            let asked_change = query.with_untracked(|query| query.get("change"));
            let purpose_chosen = RwSignal::new(asked_change.as_ref().map(|_| AssessmentPurpose::SignificantChange.code().to_string()));
            let change_chosen = RwSignal::new(asked_change);
            let review_date = RwSignal::new(DateParts::from_date(clock::today()));
            let purpose_errors = RwSignal::new(FieldErrors::default());
            let send_errors = RwSignal::new(FieldErrors::default());
            Effect::new(move |_| set_title("Signing and countersigning", !purpose_errors.with(FieldErrors::is_empty) || !send_errors.with(FieldErrors::is_empty)));
            let changes = Memo::new(move |_| live.plan.draft.with(|plan| plan.significant_changes.clone()));
            let new_draft = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let form = ReviewStartForm {
                    purpose: purpose_chosen.get_untracked(),
                    date: review_date.get_untracked(),
                    change: change_chosen.get_untracked(),
                };
                let last_signed = record.with_untracked(|record| record.signing.latest().and_then(version_day));
                match changes.with_untracked(|changes| validate_review_start(&form, clock::today(), last_signed, changes)) {
                    Ok(review) => {
                        purpose_errors.set(FieldErrors::default());
                        // Every completed section is carried forward, to be checked in the review.
                        let carry: Arc<dyn Fn() + Send + Sync> = Arc::new(move || live.assessment.change_now(|draft| draft.carry_forward()));
                        act(Arc::new(move |record, profile, at| record.signing.start_review(&review, profile, at).map(|_| ()).map_err(|e| e.to_string())), Some(carry));
                        purpose_chosen.set(None);
                        change_chosen.set(None);
                    }
                    Err(errors) => {
                        purpose_errors.set(errors);
                        focus_error_summary();
                    }
                }
            };
            let purpose_options: Vec<(String, String)> = AssessmentPurpose::FOR_NEW_DRAFT
                .iter()
                .map(|purpose| (purpose.code().to_string(), purpose.label().to_string()))
                .collect();
            // Whom a package may be sealed for: the team, read once, and this officer's key.
            let recipients = RwSignal::new(None as Recipients);
            if profile.is_some() {
                spawn_local(async move {
                    let read = super::signed::team_and_my_key().await;
                    let _ = recipients.try_set(Some(read));
                });
            }
            let recipient_chosen = RwSignal::new(None::<String>);
            // Sending: the package, with the sending on its timeline, sealed for the member chosen
            // (`Team::chosen_recipient`); the sending is recorded once the sealed file is made.
            let sent_note = RwSignal::new(None::<String>);
            let send = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let Some(profile) = live.profile.get_untracked() else {
                    problems.set(vec!["Set up your profile (your name and grade) before signing".to_string()]);
                    return;
                };
                let Some(Ok((team, me))) = recipients.get_untracked() else {
                    return;
                };
                let for_countersigning = record.with_untracked(|record| record.signing.export_sends_for_countersigning(&profile));
                let recipient = match team.chosen_recipient(&me, for_countersigning, recipient_chosen.get_untracked().as_deref()) {
                    Ok(recipient) => recipient,
                    Err(errors) => {
                        send_errors.set(errors);
                        focus_error_summary();
                        return;
                    }
                };
                send_errors.set(FieldErrors::default());
                if busy.get_untracked() {
                    return;
                }
                busy.set(true);
                let loaded = untrack(|| live.loaded());
                spawn_local(async move {
                    let outcome = async {
                        let at = clock::timestamp();
                        let mut signing = loaded.signing.signing.clone();
                        signing.record_export(&profile, &at).map_err(|e| e.to_string())?;
                        let (name, text) = sealed_package(&loaded, &signing, &profile, &at, &recipient).await?;
                        if for_countersigning {
                            let (by, when) = (profile.clone(), at.clone());
                            autosave.try_change(move |record| record.signing.record_export(&by, &when).map(|_| ()).map_err(|e| e.to_string()))?;
                        }
                        download_json(&name, &text)?;
                        Ok::<_, String>(name)
                    }
                    .await;
                    let _ = busy.try_set(false);
                    // What the file is and what to do with it, until team sync carries it.
                    let _ = sent_note.try_set(outcome.as_ref().ok().map(|name| format!(
                        "{name} is in your downloads. Only {} can open it: send it to them by your team's usual secure route (a shared drive or secure email). They import it under “Import a case package”{}",
                        recipient.name,
                        if for_countersigning { ", decide, and send their decision back to you the same way: import it here to see it." } else { "." }
                    )));
                    let _ = problems.try_set(outcome.err().into_iter().collect());
                });
            };
            let actions = {
                let profile = profile.clone();
                move || {
                // What this person may do now is the domain's rule (`signing_offer`).
                let offer = record.with(|record| signing_offer(&record.signing, profile.as_ref(), super::practice::is_practice()));
                let Some(offer) = offer else {
                    return view! {
                        <div class="govuk-inset-text" data-testid="practice-no-signing">
                            "This is a practice case: it cannot be signed or sent for countersigning as real work."
                        </div>
                    }
                    .into_any();
                };
                let primary = match offer.draft {
                    DraftAction::Sign { .. } => view! {
                        <button type="button" class="govuk-button" data-module="govuk-button" disabled=move || busy.get() on:click=sign.clone()>{offer.draft.label()}</button>
                    }.into_any(),
                    DraftAction::StartNewDraft { .. } => view! {
                        <form novalidate on:submit=new_draft data-testid="new-draft">
                            <Radios
                                id=NEW_DRAFT_PURPOSE_FIELD.to_string()
                                legend="What is the new version of the assessment for?".to_string()
                                hint=Some("A signed review, significant change, pre-release or termination assessment is the review done: the next regular review counts on from the day it is signed.".to_string())
                                options=purpose_options.clone()
                                selected=Signal::derive(move || purpose_chosen.get())
                                on_select=Callback::new(move |value: String| purpose_chosen.set(Some(value)))
                                error=error_at(purpose_errors, NEW_DRAFT_PURPOSE_FIELD)
                            />
                            {move || (purpose_chosen.get().as_deref() == Some(AssessmentPurpose::SignificantChange.code()) && !changes.with(Vec::is_empty)).then(|| {
                                let options = changes.get().iter().enumerate().map(|(index, change)| (index.to_string(), change.describe())).collect();
                                view! {
                                    <Radios
                                        id=review_fields::CHANGE.to_string()
                                        legend="Which significant change is this review for?".to_string()
                                        options=options
                                        selected=Signal::derive(move || change_chosen.get())
                                        on_select=Callback::new(move |value: String| change_chosen.set(Some(value)))
                                        error=error_at(purpose_errors, review_fields::CHANGE)
                                    />
                                }
                            })}
                            <DateInput
                                id=review_fields::DATE.to_string()
                                legend=Signal::stored("Assessment date".to_string())
                                hint="The day of the review interview. For example, 1 12 2026"
                                value=review_date
                                on_input=Callback::new(move |parts| review_date.set(parts))
                                error=error_at(purpose_errors, review_fields::DATE)
                            />
                            <p class="govuk-body">"Every answer is carried forward. Each completed section is marked “Carried forward — check” until you confirm it unchanged or change it."</p>
                            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=move || busy.get()>{offer.draft.label()}</button>
                        </form>
                    }.into_any(),
                    DraftAction::WaitForSenior { .. } | DraftAction::WithOfficer { .. } => {
                        let draft = offer.draft;
                        (move || match draft.label_when_synced().filter(|_| synced.with(Option::is_some)) {
                            Some(words) => view! { <p class="govuk-body" data-testid="sent-by-sync">{words}</p> }.into_any(),
                            None => view! { <p class="govuk-body" data-testid="draft-action">{draft.label()}</p> }.into_any(),
                        }).into_any()
                    }
                };
                let review_href = format!("/cases/{}/review", record.with_untracked(|r| r.case_id.clone()));
                let send_form = offer.export.map(|label| {
                    let for_countersigning = label == SEND_FOR_COUNTERSIGNING;
                    move || match recipients.get() {
                        None => view! { <p class="govuk-body" aria-busy="true">"Reading your team…"</p> }.into_any(),
                        Some(Err(problem)) => view! { <p class="govuk-body" data-testid="no-recipients">{format!("Your team cannot be read here: {problem}")}</p> }.into_any(),
                        Some(Ok((team, me))) => {
                            let members = team.recipients(&me, for_countersigning);
                            if members.is_empty() {
                                let who = if for_countersigning { "the senior who will countersign it" } else { "the colleague it is for" };
                                return view! {
                                    <div class="govuk-inset-text" data-testid="no-recipients">
                                        {format!("To send the case package, first add {who} to ")}
                                        <a class="govuk-link" href="/team">"your team"</a>
                                        ", from their identity card. A package is sealed so that only the person it is for can open it."
                                    </div>
                                }.into_any();
                            }
                            let options: Vec<(String, String)> = members.iter().map(|member| (member.fingerprint.to_string(), team.label(member))).collect();
                            view! {
                                <form novalidate on:submit=send data-testid="send-package">
                                    <Radios
                                        id=RECIPIENT_FIELD.to_string()
                                        legend=(if for_countersigning { "Who will countersign it?" } else { "Who is the case package for?" }).to_string()
                                        hint=Some(if for_countersigning {
                                            "This downloads one file, sealed with their key so only they can open it. You send it to them; they import it, review the version and decide, and their decision comes back to you as a file the same way."
                                        } else {
                                            "This downloads one file, sealed with their key so only they can open it. You send it to them, and they import it under “Import a case package”."
                                        }.to_string())
                                        options=options
                                        selected=Signal::derive(move || recipient_chosen.get())
                                        on_select=Callback::new(move |value: String| recipient_chosen.set(Some(value)))
                                        error=error_at(send_errors, RECIPIENT_FIELD)
                                    />
                                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=move || busy.get()>{label}</button>
                                </form>
                            }.into_any()
                        }
                    }
                });
                // With team sync, a package is only for someone outside the team's server.
                let send_form = send_form.map(|form| move || {
                    let form = form();
                    if synced.with(Option::is_some) {
                        view! {
                            <details class="govuk-details" data-testid="package-instead">
                                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">"Send a case package instead"</span></summary>
                                <div class="govuk-details__text">{form}</div>
                            </details>
                        }.into_any()
                    } else {
                        form
                    }
                });
                view! {
                    <div class="govuk-button-group">
                        {primary}
                        {offer.review.then(|| view! { <a class="govuk-button" role="button" draggable="false" href=review_href>"Review and decide"</a> })}
                    </div>
                    {send_form}
                    {move || sent_note.get().map(|note| view! {
                        <div class="govuk-inset-text" role="status" data-testid="sent-note">{note}</div>
                    })}
                }
                .into_any()
                }
            };
            let case_link = case_id.clone();
            let versions = move || {
                let case_link = case_link.clone();
                let signing = signing.get();
                (!signing.versions.is_empty()).then(|| view! {
                    <table class="govuk-table" data-testid="versions">
                        <caption class="govuk-table__caption govuk-table__caption--m">"Versions"</caption>
                        <thead class="govuk-table__head"><tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">"Version"</th>
                            <th scope="col" class="govuk-table__header">"For"</th>
                            <th scope="col" class="govuk-table__header">"State"</th>
                            <th scope="col" class="govuk-table__header">"Signed"</th>
                            <th scope="col" class="govuk-table__header">"Countersigned or returned"</th>
                        </tr></thead>
                        <tbody class="govuk-table__body">
                            {signing.versions.iter().rev().map(|version| {
                                let decided = version.countersigned_by.as_ref().map(|by| format!("{}, {}", by.describe(), version.countersigned_at.as_deref().map(long_day).unwrap_or_default()))
                                    .or_else(|| version.returned_reason.as_ref().map(|reason| format!("Returned: {reason}")))
                                    .unwrap_or_default();
                                view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell">
                                            <a class="govuk-link" href=format!("/cases/{}/versions/{}", case_link, version.number)>{format!("Version {}", version.number)}</a>
                                        </td>
                                        <td class="govuk-table__cell" data-testid="version-purpose">{version.purpose().label()}</td>
                                        <td class="govuk-table__cell">{version.state.label()}</td>
                                        <td class="govuk-table__cell">{format!("{}, {}", version.signed_by.describe(), long_day(&version.signed_at))}</td>
                                        <td class="govuk-table__cell">{decided}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            };
            let comments = move || {
                let signing = signing.get();
                let listed = all_comments(&signing);
                let open = listed.iter().filter(|thread| thread.open).count();
                (!listed.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Comments from countersigners"</h2>
                    <p class="govuk-body" data-testid="open-threads">{match open {
                        0 => "No comment is open.".to_string(),
                        1 => "1 comment is open: reply beside its item, and your countersigner resolves it.".to_string(),
                        n => format!("{n} comments are open: reply beside each item, and your countersigner resolves them."),
                    }}</p>
                    <dl class="govuk-summary-list" data-testid="comments">
                        {listed.into_iter().map(|ListedThread { place, lines, link, open }| view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{match link {
                                    Some(link) => view! { <a class="govuk-link" href=format!("/cases/{}/{link}", record.with_untracked(|record| record.case_id.clone()))>{place}</a> }.into_any(),
                                    None => place.into_any(),
                                }}</dt>
                                <dd class="govuk-summary-list__value"><super::threads::ThreadLines lines=lines open=open /></dd>
                            </div>
                        }).collect_view()}
                    </dl>
                })
            };
            let (name, crn) = (loaded.case.details.name.clone(), loaded.case.details.crn.clone());
            view! {
                <a href=format!("/cases/{case_id}") class="govuk-back-link">"Back to case"</a>
                <span class="govuk-caption-l">{format!("{name} ({crn})")}</span>
                <h1 class="govuk-heading-l">"Signing and countersigning"</h1>
                <ErrorSummary errors=purpose_errors />
                <ErrorSummary errors=send_errors />
                <SaveStatusLine status=autosave.status />
                {move || (!problems.with(Vec::is_empty)).then(|| view! {
                    <div class="govuk-error-summary" role="alert" tabindex="-1">
                        <h2 class="govuk-error-summary__title">"This cannot be done yet"</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list" data-testid="signing-problems">
                                {problems.get().into_iter().map(|problem| view! { <li>{problem}</li> }).collect_view()}
                            </ul>
                        </div>
                    </div>
                })}
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"You"</dt>
                        <dd class="govuk-summary-list__value" data-testid="signer">{profile.as_ref().map_or_else(|| "No profile yet".to_string(), Profile::describe)}</dd>
                        <dd class="govuk-summary-list__actions"><a class="govuk-link" href="/profile">"Change"<span class="govuk-visually-hidden">" your profile"</span></a></dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Status"</dt>
                        <dd class="govuk-summary-list__value" data-testid="signing-status">{move || record.with(|record| record.signing.status_line())}</dd>
                    </div>
                    {move || record.with(|record| record.signing.draft_purpose()).map(|purpose| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">"This draft is for"</dt>
                            <dd class="govuk-summary-list__value" data-testid="draft-purpose">{purpose.label()}</dd>
                        </div>
                    })}
                    {move || record.with(|record| record.signing.draft_review()).map(|review| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">"Review"</dt>
                            <dd class="govuk-summary-list__value" data-testid="draft-review">{review.describe()}</dd>
                        </div>
                    })}
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Countersigning"</dt>
                        <dd class="govuk-summary-list__value" data-testid="countersigning-need">{need}</dd>
                    </div>
                </dl>
                {actions}
                {comments}
                // Comments on the whole assessment and plan are answered here.
                <super::threads::ItemThreads target=crate::domain::signing::CommentTarget::General signing=live.signing locked=Memo::new(move |_| live.is_locked()) level=3 />
                {versions}
                <h2 class="govuk-heading-m">"Timeline"</h2>
                <Timeline signing=signing />
            }.into_any()
        }} />
    }
}
