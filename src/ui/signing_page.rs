//! Signing and countersigning a case: who needs to countersign and why, signing a version, sending
//! it as a case package, the versions signed so far, the comments from seniors, and the timeline.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::autosave::{Autosave, SaveStatusLine};
use super::clock;
use super::components::set_title;
use super::export::download_json;
use super::loading::{load_case_and_assessment, Loaded, LoadedView};
use crate::domain::package::{package_file_name, CasePackage, PackagedCase};
use crate::domain::questionnaire::{self, CheckContext};
use crate::domain::signing::{
    countersigning_needed, describe_need, long_day, sign_problems, CaseSigning, CommentTarget,
    DraftStatus, Profile, SignedVersion,
};

/// Where a comment was made, in words.
pub fn comment_place(target: &CommentTarget, version: &SignedVersion) -> String {
    match target {
        CommentTarget::Section(id) => {
            questionnaire::section(id).map_or(id.clone(), |section| section.heading())
        }
        CommentTarget::Goal(id) => version.snapshot.plan.goal(id).map_or_else(
            || "A goal".to_string(),
            |goal| format!("Goal: {}", goal.text),
        ),
        CommentTarget::General => "The whole assessment and plan".to_string(),
    }
}

/// The case package of this case, as the file to send.
pub fn package_json(
    loaded: &Loaded,
    signing: &CaseSigning,
    by: &Profile,
    at: &str,
) -> (String, String) {
    let case = PackagedCase {
        id: loaded.case.id.clone(),
        created_at: loaded.case.created_at.clone(),
        details: loaded.case.details.clone(),
    };
    let package = CasePackage::build(case, signing.clone(), Some(loaded.snapshot()), by, at);
    let name = package_file_name(
        &loaded.case.details.crn,
        package.latest_version(),
        clock::today(),
    );
    (name, package.to_json())
}

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
    let loaded = load_case_and_assessment(move || params.read().get("id").unwrap_or_default());
    view! {
        <LoadedView loaded=loaded render={|loaded: Loaded| {
            set_title("Signing and countersigning", false);
            let autosave = Autosave::new(loaded.signing.clone());
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
            let need = if reasons.is_empty() {
                "Countersigning is not needed for your grade and this case.".to_string()
            } else {
                describe_need(&reasons)
            };
            let case_id = loaded.case.id.clone();
            let loaded = StoredValue::new(loaded);
            let act = move |change: &dyn Fn(&mut CaseSigning, &Profile, &str) -> Result<(), String>| {
                let Some(profile) = loaded.with_value(|loaded| loaded.profile.clone()) else {
                    problems.set(vec!["Set up your profile (your name and grade) before signing".to_string()]);
                    return;
                };
                let mut next = record.get_untracked();
                match change(&mut next.signing, &profile, &clock::timestamp()) {
                    Ok(()) => {
                        problems.set(Vec::new());
                        autosave.change_now(|record| *record = next);
                    }
                    Err(problem) => problems.set(vec![problem]),
                }
            };
            let sign = {
                let snapshot = snapshot.clone();
                let reasons = reasons.clone();
                move |_| {
                    let found = sign_problems(&snapshot, Some(&context));
                    if !found.is_empty() {
                        problems.set(found);
                        return;
                    }
                    act(&|signing, profile, at| signing.sign(snapshot.clone(), true, profile, &reasons, at).map(|_| ()).map_err(|e| e.to_string()));
                }
            };
            let new_draft = move |_| act(&|signing, profile, at| signing.start_new_draft(profile, at).map(|_| ()).map_err(|e| e.to_string()));
            let send = move |_| {
                act(&|signing, profile, at| {
                    let sending = matches!(signing.draft_status(), DraftStatus::WithSenior { .. })
                        && signing.latest().is_some_and(|latest| profile.is_same_person(&latest.signed_by));
                    if sending {
                        signing.record_sent(profile, at).map_err(|e| e.to_string())?;
                    }
                    let (name, json) = loaded.with_value(|loaded| package_json(loaded, signing, profile, at));
                    download_json(&name, &json)
                });
            };
            let is_senior_reviewer = {
                let profile = profile.clone();
                Memo::new(move |_| {
                    record.with(|record| match (&profile, record.signing.latest()) {
                        (Some(profile), Some(latest)) => latest.state.is_awaiting() && profile.grade.can_countersign() && !profile.is_same_person(&latest.signed_by),
                        _ => false,
                    })
                })
            };
            let actions = move || {
                if super::practice::is_practice() {
                    return view! {
                        <div class="govuk-inset-text" data-testid="practice-no-signing">
                            "This is a practice case: it cannot be signed or sent for countersigning as real work."
                        </div>
                    }
                    .into_any();
                }
                let status = record.with(|record| record.signing.draft_status());
                let has_versions = record.with(|record| record.signing.latest().is_some());
                let primary = match status {
                    DraftStatus::Open { next } => view! {
                        <button type="button" class="govuk-button" data-module="govuk-button" on:click=sign.clone()>{format!("Sign version {next}")}</button>
                    }.into_any(),
                    DraftStatus::Locked { latest } => view! {
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=new_draft>{format!("Start a new draft (version {})", latest + 1)}</button>
                    }.into_any(),
                    DraftStatus::WithSenior { latest } => view! {
                        <p class="govuk-body">{format!("Version {latest} is waiting for a senior. Send the case package to them; their decision comes back the same way.")}</p>
                    }.into_any(),
                };
                let export_label = if matches!(status, DraftStatus::WithSenior { .. }) && !is_senior_reviewer.get() { "Send for countersigning" } else { "Export case package" };
                view! {
                    <div class="govuk-button-group">
                        {primary}
                        {has_versions.then(|| view! { <button type="button" class="govuk-button govuk-button--secondary" on:click=send>{export_label}</button> })}
                        {move || is_senior_reviewer.get().then(|| view! { <a class="govuk-button" role="button" draggable="false" href=format!("/cases/{}/review", record.with_untracked(|r| r.case_id.clone()))>"Review and decide"</a> })}
                    </div>
                }
                .into_any()
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
                let listed: Vec<(String, String)> = signing
                    .versions
                    .iter()
                    .rev()
                    .flat_map(|version| version.comments.iter().map(move |comment| (format!("Version {}: {}", version.number, comment_place(&comment.on, version)), format!("{} ({}): {}", comment.by.describe(), long_day(&comment.at), comment.text))))
                    .collect();
                (!listed.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Comments from countersigners"</h2>
                    <dl class="govuk-summary-list" data-testid="comments">
                        {listed.into_iter().map(|(place, text)| view! {
                            <div class="govuk-summary-list__row">
                                <dt class="govuk-summary-list__key">{place}</dt>
                                <dd class="govuk-summary-list__value">{text}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                })
            };
            let (name, crn) = loaded.with_value(|loaded| (loaded.case.details.name.clone(), loaded.case.details.crn.clone()));
            view! {
                <a href=format!("/cases/{case_id}") class="govuk-back-link">"Back to case"</a>
                <span class="govuk-caption-l">{format!("{name} ({crn})")}</span>
                <h1 class="govuk-heading-l">"Signing and countersigning"</h1>
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
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Countersigning"</dt>
                        <dd class="govuk-summary-list__value" data-testid="countersigning-need">{need}</dd>
                    </div>
                </dl>
                {actions}
                {comments}
                {versions}
                <h2 class="govuk-heading-m">"Timeline"</h2>
                <Timeline signing=signing />
            }.into_any()
        }} />
    }
}
