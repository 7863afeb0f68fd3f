//! "Your team": the colleagues whose signatures this officer trusts. A colleague is added from their
//! identity card only after the officer has read its fingerprint with them and confirmed their grade
//! (the grade decides whether they may countersign); removing them stops trusting their signatures.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, Radios, WarningText,
};
use super::db::store;
use super::files::chosen_file_bytes;
use super::signed::my_team;
use crate::domain::dates::london_long_time;
use crate::domain::errors::FieldErrors;
use crate::domain::keys::{parse_identity_card, Fingerprint, IdentityCard, Team};
use crate::domain::signing::Grade;
use crate::store::{TeamRecord, TEAM_KEY};

const CARD_FIELD: &str = "identity-card";
const GRADE_FIELD: &str = "confirmed-grade";
const COMPARED_FIELD: &str = "fingerprint-compared";

/// Changes the stored team (`Store::update`), refusing what the team's rules refuse.
async fn change_team(
    change: impl Fn(&mut Team) -> Result<(), String> + 'static,
) -> Result<Team, String> {
    // Tried on the stored copy first, for its error; then applied in one transaction.
    let mut trial = my_team().await?;
    change(&mut trial)?;
    let at = clock::timestamp();
    let written = async {
        store()
            .await?
            .update(
                TEAM_KEY,
                Some(TeamRecord::default()),
                &at,
                &|record: &mut TeamRecord| {
                    let mut next = record.team.clone();
                    if change(&mut next).is_ok() {
                        record.team = next;
                    }
                },
            )
            .await
    }
    .await
    .map_err(|error| error.to_string())?;
    Ok(written.team)
}

/// Identity cards are small: anything larger is not one.
const MAX_CARD_BYTES: usize = 64 * 1024;

async fn chosen_card(input: &web_sys::HtmlInputElement) -> Result<IdentityCard, String> {
    let bytes = chosen_file_bytes(input, MAX_CARD_BYTES)
        .await
        .map_err(|problem| {
            problem.message("Select an identity card file", |_| {
                "The file is too large to be an identity card".to_string()
            })
        })?;
    parse_identity_card(&bytes).map_err(|error| error.to_string())
}

#[component]
pub fn TeamPage() -> impl IntoView {
    set_title("Your team", false);
    if super::practice::is_practice() {
        return view! {
            <h1 class="govuk-heading-l">"Your team"</h1>
            <p class="govuk-body">"Your team is live work: leave practice to change it."</p>
        }
        .into_any();
    }
    let team = RwSignal::new(None::<Result<Team, String>>);
    spawn_local(async move {
        let _ = team.try_set(Some(my_team().await));
    });
    let card = RwSignal::new(None::<IdentityCard>);
    let grade = RwSignal::new(String::new());
    let compared = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::default());
    let notice = RwSignal::new(None::<String>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let refuse = move |field: &str, message: String| {
        let mut problems = FieldErrors::default();
        problems.push(field, message);
        errors.set(problems);
        focus_error_summary();
    };
    let check_card = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        notice.set(None);
        spawn_local(async move {
            let checked = async {
                let read = chosen_card(&input).await?;
                my_team()
                    .await?
                    .check_add(&read)
                    .map_err(|error| error.to_string())?;
                Ok::<_, String>(read)
            }
            .await;
            match checked {
                Ok(read) => {
                    errors.set(FieldErrors::default());
                    grade.set(read.grade.code().to_string());
                    compared.set(false);
                    card.set(Some(read));
                }
                Err(message) => refuse(CARD_FIELD, message),
            }
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(read) = card.get_untracked() else {
            return;
        };
        let mut problems = FieldErrors::default();
        let confirmed = Grade::from_code(&grade.get_untracked());
        if confirmed.is_none() {
            problems.push(GRADE_FIELD, format!("Select {}'s grade", read.name));
        }
        if !compared.get_untracked() {
            problems.push(
                COMPARED_FIELD,
                format!("Confirm you have read the fingerprint with {}", read.name),
            );
        }
        let Some(confirmed) = confirmed.filter(|_| problems.is_empty()) else {
            errors.set(problems);
            focus_error_summary();
            return;
        };
        spawn_local(async move {
            let at = clock::timestamp();
            let adding = read.clone();
            let result = change_team(move |team| {
                team.add(&adding, confirmed, &at)
                    .map(|_| ())
                    .map_err(|error| error.to_string())
            })
            .await;
            match result {
                Ok(written) => {
                    errors.set(FieldErrors::default());
                    notice.set(Some(format!("{} is in your team.", read.name)));
                    card.set(None);
                    if let Some(input) = file_input.get_untracked() {
                        let input: web_sys::HtmlInputElement = input.unchecked_into();
                        input.set_value("");
                    }
                    team.set(Some(Ok(written)));
                }
                Err(message) => refuse(CARD_FIELD, message),
            }
        });
    };
    let remove = move |fingerprint: Fingerprint, name: String| {
        spawn_local(async move {
            match change_team(move |team| {
                team.remove(&fingerprint)
                    .map(|_| ())
                    .map_err(|error| error.to_string())
            })
            .await
            {
                Ok(written) => {
                    notice.set(Some(format!("{name} is no longer in your team: their signatures are not trusted from now on.")));
                    team.set(Some(Ok(written)));
                }
                Err(message) => notice.set(Some(message)),
            }
        });
    };
    let grades: Vec<(String, String)> = Grade::ALL
        .iter()
        .map(|grade| (grade.code().to_string(), grade.label().to_string()))
        .collect();
    let card_error = error_at(errors, CARD_FIELD);
    view! {
        <a href="/profile" class="govuk-back-link">"Back to your profile"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="govuk-heading-l">"Your team"</h1>
                <p class="govuk-body">"The colleagues whose signatures you trust. A countersignature counts only when it is made with the key of someone in your team whose grade may countersign."</p>
                {move || notice.get().map(|message| view! { <div class="govuk-inset-text" role="status" data-testid="team-notice">{message}</div> })}
                {move || match team.get() {
                    None => view! { <p class="govuk-body">"Loading…"</p> }.into_any(),
                    Some(Err(message)) => view! { <p class="govuk-error-message" role="alert">{message}</p> }.into_any(),
                    Some(Ok(team)) if team.members.is_empty() => view! { <p class="govuk-body" data-testid="team-empty">"Nobody is in your team yet."</p> }.into_any(),
                    Some(Ok(team)) => view! {
                        <table class="govuk-table" data-testid="team">
                            <caption class="govuk-table__caption govuk-table__caption--m">{format!("{} in your team", team.members.len())}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Name"</th>
                                <th scope="col" class="govuk-table__header">"Grade"</th>
                                <th scope="col" class="govuk-table__header">"Fingerprint"</th>
                                <th scope="col" class="govuk-table__header">"Added"</th>
                                <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Remove"</span></th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {team.members.iter().map(|member| {
                                    let (fingerprint, name) = (member.fingerprint, member.name.clone());
                                    view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">{member.name.clone()}</td>
                                            <td class="govuk-table__cell">{member.grade.label()}</td>
                                            <td class="govuk-table__cell"><code>{member.fingerprint.to_string()}</code></td>
                                            <td class="govuk-table__cell">{london_long_time(&member.added_at).unwrap_or_default()}</td>
                                            <td class="govuk-table__cell">
                                                <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" on:click=move |_| remove(fingerprint, name.clone())>
                                                    "Remove"<span class="govuk-visually-hidden">{format!(" {}", member.name)}</span>
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }}
                <h2 class="govuk-heading-m">"Add a colleague"</h2>
                <form novalidate on:submit=check_card hidden=move || card.with(Option::is_some)>
                    <div class="govuk-form-group" class:govuk-form-group--error=move || card_error.get().is_some()>
                        <label class="govuk-label govuk-label--s" for=CARD_FIELD>"Their identity card"</label>
                        <div class="govuk-hint" id="identity-card-hint">"The file they downloaded from their profile page, named like identity-card-sam-patel.json"</div>
                        {move || card_error.get().map(|message| view! {
                            <p class="govuk-error-message" id="identity-card-error"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                        })}
                        <input class="govuk-file-upload" id=CARD_FIELD name=CARD_FIELD type="file" accept=".json,application/json" node_ref=file_input aria-describedby="identity-card-hint" />
                    </div>
                    <button type="submit" class="govuk-button govuk-button--secondary">"Check the card"</button>
                </form>
                {move || card.get().map(|read| {
                    let name = read.name.clone();
                    view! {
                        <div data-testid="card-preview">
                            <dl class="govuk-summary-list">
                                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Name on the card"</dt><dd class="govuk-summary-list__value">{read.name.clone()}</dd></div>
                                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Grade on the card"</dt><dd class="govuk-summary-list__value">{read.grade.label()}</dd></div>
                                <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Fingerprint"</dt><dd class="govuk-summary-list__value govuk-!-font-size-24"><code data-testid="card-fingerprint">{read.fingerprint().to_string()}</code></dd></div>
                            </dl>
                            <WarningText>{format!("Read this fingerprint with {name}, by phone or in person. Add them only if it matches the one on their profile page: a card can be sent by anyone.")}</WarningText>
                            <form novalidate on:submit=add>
                                <Radios
                                    id=GRADE_FIELD.to_string()
                                    legend=format!("What is {name}'s grade?")
                                    hint=Some("Their grade decides whether they may countersign: check it, whatever the card says.".to_string())
                                    options=grades.clone()
                                    selected=Signal::derive(move || Some(grade.get()).filter(|grade| !grade.is_empty()))
                                    on_select=Callback::new(move |code| grade.set(code))
                                    error=error_at(errors, GRADE_FIELD)
                                />
                                <div class="govuk-form-group" class:govuk-form-group--error=move || error_at(errors, COMPARED_FIELD).get().is_some()>
                                    {move || error_at(errors, COMPARED_FIELD).get().map(|message| view! {
                                        <p class="govuk-error-message" id="fingerprint-compared-error"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                                    })}
                                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                                        <div class="govuk-checkboxes__item">
                                            <input class="govuk-checkboxes__input" id=COMPARED_FIELD type="checkbox" prop:checked=move || compared.get() on:change=move |ev| compared.set(event_target_checked(&ev)) />
                                            <label class="govuk-label govuk-checkboxes__label" for=COMPARED_FIELD>{format!("I have read the fingerprint with {name} and it matches")}</label>
                                        </div>
                                    </div>
                                </div>
                                <div class="govuk-button-group">
                                    <button type="submit" class="govuk-button">"Add to your team"</button>
                                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| card.set(None)>"Cancel"</button>
                                </div>
                            </form>
                        </div>
                    }
                })}
            </div>
        </div>
    }
    .into_any()
}
