//! A case from start to close (issue 19): "Close the case" (why and when, with the termination
//! review beside it), the closed cases list with the retention setting, and "Delete this case",
//! offered only once the retention period has passed, after an export and a typed confirmation.
//! The rules are `domain::closure`; a closed case's screens are read-only (`loading::LiveCaseView`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, DateInput, ErrorSummary, Radios, TextArea, TextInput,
    WarningText,
};
use super::db::store;
use super::export::{download_json, ExportPlanButton};
use super::loading::{use_case_store, use_live_case, LiveCase, LiveCaseView, LoadedView};
use super::reviews_page::reviews_done_of;
use super::signing_page::sealed_package;
use crate::domain::closure::{
    closure_fields, confirms_deletion, CaseClosure, ClosureForm, ClosureReason, Retention,
    CLOSURE_NOTE_MAX_CHARS,
};
use crate::domain::dates::{format_long, DateParts};
use crate::domain::errors::FieldErrors;
use crate::domain::keys::{PublicKey, Team, RECIPIENT_FIELD};
use crate::domain::reviews::{review_schedule, reviews_done, ReviewKind};
use crate::store::{CaseRecord, RetentionRecord, RETENTION_KEY};

/// The retention setting as stored, or the default while none is.
async fn retention() -> Retention {
    match async {
        store()
            .await?
            .record::<RetentionRecord>(RETENTION_KEY)
            .await
    }
    .await
    {
        Ok(Some(record)) => record.retention,
        _ => Retention::default(),
    }
}

/// `/cases/:id/close`
#[component]
pub fn ClosePage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| view! { <CloseForm live=live /> }.into_any()} />
    }
}

#[component]
fn CloseForm(live: LiveCase) -> impl IntoView {
    let case = live.case.draft.get_untracked();
    let id = case.id.clone();
    let back = format!("/cases/{id}");
    if case.closure.is_some() {
        set_title("Close the case", false);
        return view! {
            <a href=back.clone() class="govuk-back-link">"Back to the case"</a>
            <h1 class="govuk-heading-l">"This case is already closed"</h1>
            <p class="govuk-body"><a class="govuk-link" href=back>"Go to the case"</a></p>
        }
        .into_any();
    }
    let details = StoredValue::new(case.details.clone());
    let today = clock::today();
    let ended = case.details.sentence_end_date;
    let form = RwSignal::new(ClosureForm {
        reason: String::new(),
        closed_on: if ended <= today {
            DateParts::from_date(ended)
        } else {
            DateParts::default()
        },
        note: String::new(),
    });
    let errors = RwSignal::new(FieldErrors::default());
    Effect::new(move |_| set_title("Close the case", !errors.with(FieldErrors::is_empty)));
    let error_for = move |field: &'static str| error_at(errors, field);
    // The termination review beside the form: due when, and whether a termination review is signed.
    let termination = {
        let plan = live.plan.draft.get_untracked();
        let signing = live.signing.draft.get_untracked();
        review_schedule(
            &case.details,
            &plan.review_settings,
            &plan.plan,
            &plan.significant_changes,
            &reviews_done(&signing.signing),
            today,
        )
        .into_iter()
        .find(|review| review.kind == ReviewKind::Termination)
    };
    let termination_line = match &termination {
        Some(review) => match review.done_on {
            Some(done) => format!(
                "The termination review was due on {} and was done on {}.",
                format_long(review.date),
                format_long(done)
            ),
            None => format!(
                "The termination review is due on {} and is not done yet.",
                format_long(review.date)
            ),
        },
        None => "No termination review is scheduled for this case.".to_string(),
    };
    let termination_missing = termination
        .as_ref()
        .is_some_and(|review| review.done_on.is_none());
    let navigate = use_navigate();
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let result = form.with_untracked(|form| {
                details.with_value(|details| {
                    form.validate(details, clock::today(), &clock::timestamp())
                })
            });
            match result {
                Err(problems) => {
                    errors.set(problems);
                    focus_error_summary();
                }
                Ok(closure) => {
                    errors.set(FieldErrors::default());
                    live.case
                        .change_now(move |record| record.closure = Some(closure.clone()));
                    navigate(&format!("/cases/{id}"), Default::default());
                }
            }
        }
    };
    let reasons = ClosureReason::ALL
        .iter()
        .map(|reason| (reason.code().to_string(), reason.label().to_string()))
        .collect();
    view! {
        <a href=back.clone() class="govuk-back-link">"Back to the case"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <span class="govuk-caption-l">{live.caption()}</span>
                <h1 class="govuk-heading-l">"Close the case"</h1>
                <p class="govuk-body">"A closed case leaves your caseload for the closed cases list. It is kept read-only: you can read and export it, and reopen it if it was closed by mistake."</p>
                <p class="govuk-body" data-testid="termination-review">{termination_line}</p>
                {termination_missing.then(|| view! {
                    <WarningText>"Sign a termination review first if one is needed: once the case is closed nothing in it can change."</WarningText>
                })}
                <form novalidate on:submit=submit>
                    <Radios
                        id=closure_fields::REASON.to_string()
                        legend="Why is the case closing?".to_string()
                        options=reasons
                        selected=Signal::derive(move || form.with(|form| Some(form.reason.clone()).filter(|code| !code.is_empty())))
                        on_select=Callback::new(move |code| form.update(|form| form.reason = code))
                        error=error_for(closure_fields::REASON)
                    />
                    <DateInput
                        id=closure_fields::DATE.to_string()
                        legend=Signal::stored("When did the case close?".to_string())
                        hint=format!("The day the sentence or licence ended, or the day of the event. For example, {} {} {}", ended.day(), ended.month(), ended.year())
                        value=Signal::derive(move || form.with(|form| form.closed_on.clone()))
                        on_input=Callback::new(move |parts| form.update(|form| form.closed_on = parts))
                        error=error_for(closure_fields::DATE)
                    />
                    <TextArea
                        id=closure_fields::NOTE
                        label="Note"
                        hint="Needed for another reason, and for a transfer (who takes the case)."
                        value=Signal::derive(move || form.with(|form| form.note.clone()))
                        on_input=Callback::new(move |text| form.update(|form| form.note = text))
                        error=error_for(closure_fields::NOTE)
                        max_chars=CLOSURE_NOTE_MAX_CHARS
                        rows=3
                    />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">"Close the case"</button>
                        <a class="govuk-link" href=back>"Cancel"</a>
                    </div>
                </form>
            </div>
        </div>
    }
    .into_any()
}

/// The way to close, reopen or delete the case, on its page.
#[component]
pub fn CaseClosureActions(live: LiveCase) -> impl IntoView {
    let id = live.id();
    move || {
        match live.closure() {
        None => view! {
            <h2 class="govuk-heading-m">"End of the case"</h2>
            <p class="govuk-body"><a class="govuk-link" href=format!("/cases/{id}/close")>"Close the case"</a>" at the end of the sentence, or "<a class="govuk-link" href=format!("/cases/{id}/transfer")>"transfer it to another officer"</a>" (their case package is sent, and your copy closed)."</p>
        }
        .into_any(),
        Some(closure) => {
            let id = id.clone();
            let reopen = move |_| live.case.change_now(|record| record.closure = None);
            view! {
                <h2 class="govuk-heading-m">"Closed case"</h2>
                <p class="govuk-body" data-testid="closure">{closure.describe()}</p>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=reopen>"Reopen the case"</button>
                    <a class="govuk-link" href=format!("/cases/{id}/delete")>"Delete this case"</a>
                </div>
            }
            .into_any()
        }
    }
    }
}

/// `/cases/:id/delete`
#[component]
pub fn DeletePage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let deleted = RwSignal::new(None::<String>);
    let loaded = use_live_case(move || case_id.get());
    move || {
        match deleted.get() {
        Some(who) => {
            set_title("Case deleted", false);
            view! {
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">"Case deleted"</h1>
                    <div class="govuk-panel__body" data-testid="deleted">{format!("{who}: the case, its assessment, plan and signing records are deleted from this browser")}</div>
                </div>
                <p class="govuk-body"><a class="govuk-link" href="/closed">"Closed cases"</a></p>
                <p class="govuk-body"><a class="govuk-link" href="/">"Your caseload"</a></p>
            }
            .into_any()
        }
        None => view! {
            <LoadedView loaded=loaded render=move |live: LiveCase| view! { <DeleteCase live=live deleted=deleted /> }.into_any() />
        }
        .into_any(),
    }
    }
}

#[component]
fn DeleteCase(live: LiveCase, deleted: RwSignal<Option<String>>) -> impl IntoView {
    set_title("Delete this case", false);
    let case = live.case.draft.get_untracked();
    let back = format!("/cases/{}", case.id);
    let header = view! {
        <a href=back.clone() class="govuk-back-link">"Back to the case"</a>
        <span class="govuk-caption-l">{live.caption()}</span>
        <h1 class="govuk-heading-l">"Delete this case"</h1>
    };
    let Some(closure) = case.closure.clone() else {
        return view! {
            {header}
            <p class="govuk-body" data-testid="delete-refused">"Only a closed case can be deleted. Close the case first."</p>
        }
        .into_any();
    };
    let retention = LocalResource::new(retention);
    let exported = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let details = StoredValue::new(case.details.clone());
    // Asked for here: a context is not there inside the task that deletes.
    let cases = use_case_store();
    let answers =
        Signal::derive(move || live.assessment.draft.with(|record| record.answers.clone()));
    let signing = Signal::derive(move || live.signing.draft.with(|record| record.signing.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(problems) =
            details.with_value(|details| confirms_deletion(&typed.get_untracked(), details))
        {
            errors.set(problems);
            focus_error_summary();
            return;
        }
        errors.set(FieldErrors::default());
        let id = live.id();
        let who = live.caption();
        spawn_local(async move {
            match async { store().await?.delete_case(&id).await }.await {
                Ok(()) => {
                    cases.forget(&id);
                    let _ = deleted.try_set(Some(who));
                }
                Err(error) => {
                    let mut problems = FieldErrors::default();
                    problems.push(closure_fields::CONFIRM, error.to_string());
                    let _ = errors.try_set(problems);
                    focus_error_summary();
                }
            }
        });
    };
    let case_for_export = case.clone();
    view! {
        <ErrorSummary errors=errors />
        {header}
        <p class="govuk-body" data-testid="closure">{closure.describe()}</p>
        {move || retention.get().map(|retention| {
            let today = clock::today();
            if !retention.allows_deletion(&closure, today) {
                let from = retention.deletable_from(&closure).map_or_else(|| "no date".to_string(), format_long);
                return view! {
                    <p class="govuk-body" data-testid="delete-refused">{format!(
                        "Closed cases are kept for {} months. This case can be deleted from {from}.",
                        retention.months
                    )}</p>
                    <p class="govuk-body"><a class="govuk-link" href="/closed">"Change how long closed cases are kept"</a></p>
                }.into_any();
            }
            let case_for_export = case_for_export.clone();
            view! {
                <WarningText>"Deleting removes the case, its assessment, sentence plan, signed versions and comments from this browser. It cannot be undone."</WarningText>
                <h2 class="govuk-heading-m">"1. Export the case"</h2>
                <p class="govuk-body">"Keep the export with the case's record before you delete it here."</p>
                <ExportPlanButton
                    case=case_for_export
                    answers=answers
                    plan=live.plan.draft
                    reviews_done=reviews_done_of(&live)
                    signing=signing
                    on_exported=Callback::new(move |()| exported.set(true))
                />
                <h2 class="govuk-heading-m">"2. Confirm"</h2>
                {move || if exported.get() {
                    let crn = details.with_value(|details| details.crn.clone());
                    view! {
                        <form novalidate on:submit=submit>
                            <TextInput
                                id=closure_fields::CONFIRM
                                label=format!("Type the case reference number {crn} to confirm")
                                class="govuk-input--width-10"
                                value=typed
                                on_input=Callback::new(move |text| typed.set(text))
                                error=error_at(errors, closure_fields::CONFIRM)
                            />
                            <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">"Delete this case"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="govuk-body" data-testid="export-first">"Export the case first: then you can confirm the deletion."</p> }.into_any()
                }}
            }.into_any()
        })}
    }
    .into_any()
}

/// A closed case in the list: its record and the day it may be deleted from.
fn closed_rows(mut cases: Vec<CaseRecord>) -> Vec<CaseRecord> {
    cases.retain(|case| case.closure.is_some());
    cases.sort_by(|a, b| {
        let on = |case: &CaseRecord| case.closure.as_ref().map(|closure| closure.closed_on);
        on(b).cmp(&on(a))
    });
    cases
}

/// `/closed`: the closed cases, newest first, and how long they are kept.
#[component]
pub fn ClosedCasesPage() -> impl IntoView {
    set_title("Closed cases", false);
    let cases = LocalResource::new(|| async {
        store()
            .await?
            .all_records::<CaseRecord>()
            .await
            .map(|(cases, _)| closed_rows(cases))
    });
    let kept = RwSignal::new(None::<Retention>);
    spawn_local(async move {
        let _ = kept.try_set(Some(retention().await));
    });
    let typed = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(retention) = kept.get() {
            if typed.get_untracked().is_empty() {
                typed.set(retention.months.to_string());
            }
        }
    });
    let errors = RwSignal::new(FieldErrors::default());
    let saved = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Retention::parse(&typed.get_untracked()) {
            Err(message) => {
                let mut problems = FieldErrors::default();
                problems.push(RETENTION_FIELD, message);
                errors.set(problems);
                saved.set(None);
                focus_error_summary();
            }
            Ok(retention) => {
                errors.set(FieldErrors::default());
                spawn_local(async move {
                    let at = clock::timestamp();
                    let result = async {
                        store()
                            .await?
                            .update::<RetentionRecord>(
                                RETENTION_KEY,
                                Some(RetentionRecord::default()),
                                &at,
                                &|record| record.retention = retention,
                            )
                            .await
                    }
                    .await;
                    let _ = saved.try_set(Some(match result {
                        Ok(_) => {
                            let _ = kept.try_set(Some(retention));
                            format!(
                                "Saved: closed cases are kept for {} months",
                                retention.months
                            )
                        }
                        Err(error) => error.to_string(),
                    }));
                });
            }
        }
    };
    Effect::new(move |_| set_title("Closed cases", !errors.with(FieldErrors::is_empty)));
    view! {
        <a href="/" class="govuk-back-link">"Back to your caseload"</a>
        <ErrorSummary errors=errors />
        <h1 class="govuk-heading-l">"Closed cases"</h1>
        <p class="govuk-body">"Closed cases are read-only. Each can be deleted from this browser once it has been kept for the months set below."</p>
        <Suspense fallback=|| view! { <p class="govuk-body" aria-busy="true">"Loading…"</p> }>
            {move || cases.get().map(|cases| match cases {
                Err(error) => view! { <p class="govuk-body" role="alert">{error.to_string()}</p> }.into_any(),
                Ok(cases) if cases.is_empty() => view! { <p class="govuk-body" data-testid="no-closed-cases">"There are no closed cases."</p> }.into_any(),
                Ok(cases) => view! { <ClosedTable cases=cases kept=kept /> }.into_any(),
            })}
        </Suspense>
        <h2 class="govuk-heading-m">"How long closed cases are kept"</h2>
        {move || saved.get().map(|message| view! { <div class="govuk-inset-text" role="status" data-testid="retention-saved">{message}</div> })}
        <form novalidate on:submit=save>
            <TextInput
                id=RETENTION_FIELD
                label="Months to keep a closed case before it can be deleted"
                hint="12 months is the workbook's own rule, not a national one: this is a working copy, and the case management system keeps the record of reference under the HMPPS retention schedule. From 0 to 120."
                class="govuk-input--width-3"
                value=typed
                on_input=Callback::new(move |text| typed.set(text))
                error=error_at(errors, RETENTION_FIELD)
            />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Save"</button>
        </form>
    }
}

/// The id of the retention field.
const RETENTION_FIELD: &str = "retention-months";

#[component]
fn ClosedTable(cases: Vec<CaseRecord>, kept: RwSignal<Option<Retention>>) -> impl IntoView {
    let today = clock::today();
    view! {
        <table class="govuk-table" data-testid="closed-cases">
            <caption class="govuk-table__caption govuk-visually-hidden">"Closed cases, most recently closed first"</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">"Name"</th>
                    <th scope="col" class="govuk-table__header">"CRN"</th>
                    <th scope="col" class="govuk-table__header">"Closed"</th>
                    <th scope="col" class="govuk-table__header">"Reason"</th>
                    <th scope="col" class="govuk-table__header">"Can be deleted"</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {cases.into_iter().filter_map(|case| {
                    let closure = case.closure.clone()?;
                    let href = format!("/cases/{}", case.id);
                    let delete = format!("/cases/{}/delete", case.id);
                    let name = case.details.name.clone();
                    let closed_on = format_long(closure.closed_on);
                    let reason = closure.reason.label();
                    let deletable = move || {
                        let retention = kept.get().unwrap_or_default();
                        match retention.deletable_from(&closure) {
                            Some(from) if from <= today => view! {
                                <span>"Now: "<a class="govuk-link" href=delete.clone()>"Delete"<span class="govuk-visually-hidden">{format!(" {name}")}</span></a></span>
                            }.into_any(),
                            Some(from) => view! { <span>{format!("From {}", format_long(from))}</span> }.into_any(),
                            None => view! { <span>"Never"</span> }.into_any(),
                        }
                    };
                    Some(view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell"><a class="govuk-link" href=href>{case.details.name.clone()}</a></td>
                            <td class="govuk-table__cell">{case.details.crn.clone()}</td>
                            <td class="govuk-table__cell">{closed_on}</td>
                            <td class="govuk-table__cell">{reason}</td>
                            <td class="govuk-table__cell">{deletable}</td>
                        </tr>
                    })
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// `/cases/:id/transfer`: the case package sealed for the colleague who takes the case, and this
/// copy closed as transferred once the file is made.
#[component]
pub fn TransferPage() -> impl IntoView {
    let params = use_params_map();
    let case_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <LiveCaseView case_id=case_id render={|live: LiveCase| view! { <TransferForm live=live /> }.into_any()} />
    }
}

#[component]
fn TransferForm(live: LiveCase) -> impl IntoView {
    set_title("Transfer the case", false);
    let id = live.id();
    let back = format!("/cases/{id}");
    let header = view! {
        <a href=back.clone() class="govuk-back-link">"Back to the case"</a>
        <span class="govuk-caption-l">{live.caption()}</span>
        <h1 class="govuk-heading-l">"Transfer the case"</h1>
    };
    if live
        .case
        .draft
        .with_untracked(|case| case.closure.is_some())
    {
        return view! { {header} <p class="govuk-body">"This case is closed."</p> }.into_any();
    }
    if super::practice::is_practice() {
        return view! {
            {header}
            <p class="govuk-body" data-testid="no-recipients">"This is a practice case: it cannot be sent to anyone as real work."</p>
        }
        .into_any();
    }
    let Some(profile) = live.profile.get_untracked() else {
        return view! {
            {header}
            <p class="govuk-body" data-testid="no-recipients">"Set up "<a class="govuk-link" href="/profile">"your profile"</a>" first: the case package is sent in your name."</p>
        }
        .into_any();
    };
    let recipients = RwSignal::new(None::<Result<(Team, PublicKey), String>>);
    spawn_local(async move {
        let read = super::signed::team_and_my_key().await;
        let _ = recipients.try_set(Some(read));
    });
    let chosen = RwSignal::new(None::<String>);
    let errors = RwSignal::new(FieldErrors::default());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok((team, me))) = recipients.get_untracked() else {
            return;
        };
        let recipient = match team.chosen_recipient(&me, false, chosen.get_untracked().as_deref()) {
            Ok(recipient) => recipient,
            Err(problems) => {
                errors.set(problems);
                focus_error_summary();
                return;
            }
        };
        errors.set(FieldErrors::default());
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let loaded = untrack(|| live.loaded());
        let (profile, navigate, id) = (profile.clone(), navigate.clone(), id.clone());
        let to = team.label(&recipient);
        spawn_local(async move {
            let at = clock::timestamp();
            let sent = async {
                let (name, text) =
                    sealed_package(&loaded, &loaded.signing.signing, &profile, &at, &recipient)
                        .await?;
                download_json(&name, &text)
            }
            .await;
            let _ = busy.try_set(false);
            match sent {
                Ok(()) => {
                    let closure = CaseClosure::transferred(&to, clock::today(), &at);
                    live.case
                        .change_now(move |record| record.closure = Some(closure.clone()));
                    navigate(&format!("/cases/{id}"), Default::default());
                }
                Err(message) => {
                    let _ = problem.try_set(Some(message));
                }
            }
        });
    };
    view! {
        <ErrorSummary errors=errors />
        {header}
        <p class="govuk-body">"The whole case — details, assessment, plan, signed versions, comments and timeline — goes to the colleague who takes it over, sealed so that only they can open it. They import it under “Import a case package”. Your copy is then closed as transferred: read-only, in your closed cases."</p>
        {move || problem.get().map(|message| view! {
            <p class="govuk-error-message" role="alert"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
        })}
        {move || match recipients.get() {
            None => view! { <p class="govuk-body" aria-busy="true">"Reading your team…"</p> }.into_any(),
            Some(Err(problem)) => view! { <p class="govuk-body" data-testid="no-recipients">{format!("Your team cannot be read here: {problem}")}</p> }.into_any(),
            Some(Ok((team, me))) => {
                let members = team.recipients(&me, false);
                if members.is_empty() {
                    return view! {
                        <div class="govuk-inset-text" data-testid="no-recipients">
                            "To transfer the case, first add the officer who takes it to "
                            <a class="govuk-link" href="/team">"your team"</a>
                            ", from their identity card."
                        </div>
                    }.into_any();
                }
                let options: Vec<(String, String)> = members.iter().map(|member| (member.fingerprint.to_string(), team.label(member))).collect();
                view! {
                    <form novalidate on:submit=submit.clone()>
                        <Radios
                            id=RECIPIENT_FIELD.to_string()
                            legend="Who takes the case over?".to_string()
                            hint=Some("The case package is sealed with their key.".to_string())
                            options=options
                            selected=Signal::derive(move || chosen.get())
                            on_select=Callback::new(move |value: String| chosen.set(Some(value)))
                            error=error_at(errors, RECIPIENT_FIELD)
                        />
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Send the case package and close the case"</button>
                    </form>
                }.into_any()
            }
        }}
    }
    .into_any()
}
