//! Team sync on screen (issue 21): the sync status line on every screen, the loop that runs the
//! engine (`crate::team_sync`) while connected, and the "Team" page: "Connect to your team"
//! (server address, user name, password; the password goes to the server once and is never kept)
//! and, once connected, who and where, the status, and "Disconnect", which warns while changes
//! wait and removes the team's data from this browser. The practice space never syncs.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, TextInput, WarningText,
};
use super::db::store;
use super::signed::trusted_team;
use crate::domain::errors::FieldErrors;
use crate::domain::keys::Team;
use crate::domain::sync::conflicts::{field_label, value_in_words, OpenConflict, OpenConflicts};
use crate::domain::sync::connect::{
    member_name, membership, team_address, ConnectError, Connection, ADDRESS_FIELD, NAME_FIELD,
    PASSWORD_FIELD,
};
use crate::domain::sync::replicate::{Method, Request, SyncError, Transport};
use crate::domain::sync::status::{Backoff, SyncStatus};
use crate::net::{self, FetchTransport, SignInError};
use crate::store::identity::MyKeys;
use crate::store::Store;
use crate::team_sync::{self, TeamSync};
use futures::future::Either;

/// How often a connected browser syncs while the server answers.
const INTERVAL: Duration = Duration::from_secs(3);
/// The longest a caught-up loop waits on the server's longpoll before a cycle of its own.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// This tab's sync: what the status line says, the connection, what the last cycle found.
#[derive(Clone, Copy)]
pub struct SyncState {
    pub status: RwSignal<SyncStatus>,
    pub connection: RwSignal<Option<Connection>>,
    /// Documents that did not open, with why.
    pub quarantined: RwSignal<Vec<(String, String)>>,
    /// Fields changed on two devices, waiting for the officer's choice (kept in the replica).
    pub open_conflicts: RwSignal<OpenConflicts>,
    pub waiting_for_key: RwSignal<bool>,
    /// Rises whenever a cycle wrote records here or the team's data left (the caseload reloads).
    pub arrived: RwSignal<u32>,
    /// Rises to ask the loop for a cycle now (after connecting or disconnecting): `wake`.
    asked: RwSignal<u32>,
    /// Ends the loop's current wait at once, if it is waiting.
    wait: StoredValue<Option<js_sys::Function>, LocalStorage>,
}

pub fn sync_state() -> SyncState {
    expect_context::<SyncState>()
}

/// Provides the sync state and starts the loop (not in the practice space).
pub fn provide_sync() {
    let state = SyncState {
        status: RwSignal::new(SyncStatus::NotConnected),
        connection: RwSignal::new(None),
        quarantined: RwSignal::new(Vec::new()),
        open_conflicts: RwSignal::new(OpenConflicts::default()),
        waiting_for_key: RwSignal::new(false),
        arrived: RwSignal::new(0),
        asked: RwSignal::new(0),
        wait: StoredValue::new_local(None),
    };
    provide_context(state);
    if !super::practice::is_practice() {
        spawn_local(run(state, super::loading::use_case_store()));
    }
}

impl SyncState {
    /// Asks the loop for a cycle now, ending its wait.
    fn wake(&self) {
        let _ = self.asked.try_update(|n| *n += 1);
        if let Some(resolve) = self.wait.try_update_value(Option::take).flatten() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// Waits `duration`, or less if asked to wake (`SyncState::wake`).
async fn sleep(duration: Duration, state: SyncState) {
    let millis = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        state.wait.try_set_value(Some(resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    state.wait.try_set_value(None);
}

/// The loop: while connected, a cycle every few seconds; offline, backing off; signed out or
/// refused, waiting for the officer.
async fn run(state: SyncState, cases: super::loading::CaseStore) {
    let mut engine: Option<TeamSync> = None;
    let mut backoff = Backoff::default();
    // Conflicts found before this tab opened hold up signing at once, online or not.
    refresh_conflicts(state).await;
    // A case record changed (in this tab or another): a cycle seals and sends it now. So does a
    // change to the officer's team list: a senior's removal of someone starts a new key epoch.
    let _changes =
        crate::store::notices::Listener::new(super::db::database_name(), move |notice| {
            let team_list =
                notice.store == crate::store::SETTINGS && notice.key == crate::store::TEAM_KEY;
            if crate::domain::sync::documents::syncs(&notice.store) || team_list {
                state.wake();
            }
        });
    loop {
        let connection = match store().await {
            Ok(store) => team_sync::connection(&store).await.ok().flatten(),
            Err(_) => None,
        };
        if state.connection.try_get_untracked().is_none() {
            return; // the tab is going away
        }
        if state.connection.get_untracked() != connection {
            state.connection.set(connection.clone());
            engine = None;
        }
        let Some(connection) = connection else {
            state.status.set(SyncStatus::NotConnected);
            sleep(INTERVAL, state).await;
            continue;
        };
        if engine.is_none() {
            engine = start(connection).await;
            if engine.is_none() {
                sleep(INTERVAL, state).await;
                continue;
            }
        }
        let Some(running) = engine.as_mut() else {
            continue;
        };
        if matches!(state.status.get_untracked(), SyncStatus::NotConnected) {
            state.status.set(SyncStatus::Syncing { done: 0, of: None });
        }
        // The officer's team list as it is now: someone added or removed on the Team page is
        // trusted, or published by a senior, from this cycle on.
        if let Some(team) = current_team().await {
            running.set_team(team);
        }
        let asked = state.asked.get_untracked();
        let wait = match running.cycle().await {
            Ok(cycle) => {
                let cycle_pending = cycle.pending;
                backoff.succeeded();
                state.waiting_for_key.set(cycle.waiting_for_key);
                taken_here(state, &cases, &cycle.written);
                if !cycle.quarantined.is_empty() {
                    state.quarantined.update(|list| {
                        for entry in cycle.quarantined {
                            if !list.contains(&entry) {
                                list.push(entry);
                            }
                        }
                    });
                }
                refresh_conflicts(state).await;
                let at = clock::local_time_of(&clock::timestamp())
                    .map(|time| time[..5].to_string())
                    .unwrap_or_default();
                state.status.set(SyncStatus::Synced { at });
                if state.asked.get_untracked() != asked {
                    // Something changed here during the cycle: another one at once.
                    continue;
                }
                if cycle_pending > 0 {
                    // A record moved under its merge: taken in again shortly, not after a longpoll.
                    sleep(INTERVAL, state).await;
                    continue;
                }
                // Online and caught up: the server answers as soon as the team changes something,
                // and a change made here ends the wait (`wake`, from the store's notices).
                let longpoll = running.wait_for_change();
                let woken = sleep(LONGEST_WAIT, state);
                futures::pin_mut!(longpoll, woken);
                match futures::future::select(longpoll, woken).await {
                    Either::Left((Err(_), _)) => INTERVAL,
                    _ => continue,
                }
            }
            Err(SyncError::Offline(_)) => {
                let waiting = running.waiting().await as u64;
                state.status.set(SyncStatus::Offline { waiting });
                Duration::from_millis(backoff.failed(js_sys::Math::random()))
            }
            Err(SyncError::SignInAgain) => {
                state.status.set(SyncStatus::SignInAgain);
                engine = None;
                wait_for_officer(state).await;
                continue;
            }
            Err(SyncError::NotInTeam) => {
                // The server refused this person the team: the team's data leaves this browser,
                // and the caseload on screen redraws without it.
                if let Ok(store) = store().await {
                    let _ = team_sync::remove_team_data(&store).await;
                }
                state.connection.set(None);
                state.open_conflicts.set(OpenConflicts::default());
                state.status.set(SyncStatus::NoLongerInTeam);
                state.arrived.update(|n| *n += 1);
                engine = None;
                wait_for_officer(state).await;
                continue;
            }
            Err(_) => Duration::from_millis(backoff.failed(js_sys::Math::random())),
        };
        sleep(wait, state).await;
    }
}

/// Records team sync wrote here (store, key, revision): handed to this tab's open case like
/// another tab's save, and the caseload redrawn.
fn taken_here(
    state: SyncState,
    cases: &super::loading::CaseStore,
    written: &[(String, String, u64)],
) {
    if written.is_empty() {
        return;
    }
    for (store, key, revision) in written {
        cases.changed_by_sync(&crate::store::notices::Notice {
            store: store.clone(),
            key: key.clone(),
            revision: *revision,
        });
    }
    let _ = state.arrived.try_update(|n| *n += 1);
}

/// Reads the open conflicts kept in this browser into the sync state (redrawn only if they differ).
async fn refresh_conflicts(state: SyncState) {
    let Ok(store) = store().await else {
        return;
    };
    if let Ok(open) = team_sync::open_conflicts(&store).await {
        if state.open_conflicts.try_with_untracked(|now| *now != open) == Some(true) {
            state.open_conflicts.set(open);
        }
    }
}

/// One field changed on two devices: both changes with who made them, and the choice of which to
/// keep (`team_sync::settle_conflict`); the loop is woken so the choice goes to the team at once.
#[component]
fn ConflictChoice(
    conflict: OpenConflict,
    at: usize,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let state = sync_state();
    let cases = super::loading::use_case_store();
    let id = format!("conflict-{at}");
    let chosen = RwSignal::new(None::<String>);
    let error = error_at(errors, id.clone());
    let field = StoredValue::new(id.clone());
    // This choice's message, beside it and in the page's error summary; the others' kept.
    let set_error = move |message: Option<String>| {
        let field = field.get_value();
        let _ = errors.try_update(|errors| {
            errors.0.retain(|other| other.field != field);
            if let Some(message) = message {
                errors.push(field, message);
            }
        });
    };
    let busy = RwSignal::new(false);
    let options = vec![
        (
            "later".to_string(),
            format!(
                "{} — {} (stands now)",
                value_in_words(conflict.later.value.as_ref()),
                conflict.later.by
            ),
        ),
        (
            "earlier".to_string(),
            format!(
                "{} — {}",
                value_in_words(conflict.earlier.value.as_ref()),
                conflict.earlier.by
            ),
        ),
    ];
    let legend = format!(
        "{}: {} was changed on two devices. Which change do you keep?",
        conflict.case_name,
        field_label(&conflict.field)
    );
    let keep = move |_| {
        let Some(choice) = chosen.get_untracked() else {
            set_error(Some("Select which change to keep".to_string()));
            focus_error_summary();
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let conflict = conflict.clone();
        spawn_local(async move {
            let outcome = match store().await {
                Ok(store) => team_sync::settle_conflict(&store, &conflict, choice == "earlier")
                    .await
                    .map_err(|error| error.to_string()),
                Err(error) => Err(error.to_string()),
            };
            let _ = busy.try_set(false);
            match outcome {
                Ok(written) => {
                    taken_here(state, &cases, written.as_slice());
                    refresh_conflicts(state).await;
                    state.wake();
                }
                Err(why) => {
                    set_error(Some(format!("Your choice was not kept: {why}")));
                    focus_error_summary();
                }
            }
        });
    };
    view! {
        <div class="govuk-inset-text" data-testid="sync-conflict">
            <super::components::Radios
                id=id
                legend=legend
                options=options
                selected=Signal::derive(move || chosen.get())
                on_select=Callback::new(move |value: String| { chosen.set(Some(value)); set_error(None); })
                error=error
            />
            <button type="button" class="govuk-button govuk-button--secondary" disabled=move || busy.get() on:click=keep>"Keep this change"</button>
        </div>
    }
}

/// Waits until the Team page asks for a cycle (a new sign-in).
async fn wait_for_officer(state: SyncState) {
    let asked = state.asked.get_untracked();
    while state.asked.try_get_untracked() == Some(asked) {
        sleep(Duration::from_secs(60), state).await;
    }
}

/// The engine for `connection`, if this officer has a profile and keys.
async fn start(connection: Connection) -> Option<TeamSync> {
    let store = store().await.ok()?;
    let (team, keys) = trusted(&store).await?;
    TeamSync::new(&store, connection, keys, team).await.ok()
}

/// This officer's team list with themself in it, and their keys.
async fn trusted(store: &Store) -> Option<(Team, MyKeys)> {
    let profile = store.profile().await.ok()??.profile;
    trusted_team(&profile).await.ok()
}

/// This officer's team list as it is now, themself in it.
async fn current_team() -> Option<Team> {
    Some(trusted(&store().await.ok()?).await?.0)
}

/// The phase banner's words: where this browser's work goes.
#[component]
pub fn WhereWorkGoes() -> impl IntoView {
    let state = sync_state();
    move || {
        if state.connection.get().is_some() {
            view! {
                <strong class="govuk-tag govuk-phase-banner__content__tag">"Team sync"</strong>
                <span class="govuk-phase-banner__text">"Your cases are encrypted in this browser and sent to your team's server; only your team can read them."</span>
            }
            .into_any()
        } else {
            view! {
                <strong class="govuk-tag govuk-phase-banner__content__tag">"Offline"</strong>
                <span class="govuk-phase-banner__text">"Everything you enter stays in this browser until you export it."</span>
            }
            .into_any()
        }
    }
}

/// The status line on every screen: "Team sync: Synced at 14:03"; and, once the server has
/// refused this person the team, "You are no longer in this team" (the connection is gone by then).
#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let state = sync_state();
    move || {
        let shown =
            state.connection.get().is_some() || state.status.get() == SyncStatus::NoLongerInTeam;
        shown.then(|| {
            view! {
                <p class="govuk-body-s workbook-sync-status" data-testid="sync-status">
                    <a class="govuk-link" href="/team-sync">"Team sync"</a>": "{move || state.status.get().describe()}
                </p>
            }
        })
    }
}

#[component]
pub fn TeamSyncPage() -> impl IntoView {
    let state = sync_state();
    view! {
        {move || if state.connection.get().is_some() && state.status.get() != SyncStatus::SignInAgain {
            view! { <Connected /> }.into_any()
        } else {
            view! { <ConnectForm /> }.into_any()
        }}
    }
}

fn connect_error(error: &ConnectError) -> &'static str {
    match error {
        ConnectError::NoAddress | ConnectError::BadAddress | ConnectError::NotSecure => {
            ADDRESS_FIELD
        }
        ConnectError::NoName | ConnectError::BadName => NAME_FIELD,
        ConnectError::NoPassword | ConnectError::NotAMember => PASSWORD_FIELD,
    }
}

#[component]
fn ConnectForm() -> impl IntoView {
    let state = sync_state();
    // Signing in again: the address and name as they were.
    let kept = state.connection.get_untracked();
    let address = RwSignal::new(kept.as_ref().map(Connection::address).unwrap_or_default());
    let name = RwSignal::new(kept.map(|connection| connection.name).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let busy = RwSignal::new(false);
    Effect::new(move |_| set_title("Connect to your team", !errors.get().is_empty()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut found = FieldErrors::default();
        let place = team_address(&address.get_untracked());
        let who = member_name(&name.get_untracked());
        let secret = password.get_untracked();
        for error in [place.as_ref().err(), who.as_ref().err()]
            .into_iter()
            .flatten()
        {
            found.push(connect_error(error), error.to_string());
        }
        if secret.is_empty() {
            found.push(PASSWORD_FIELD, ConnectError::NoPassword.to_string());
        }
        let (Ok(place), Ok(who), true) = (place, who, found.is_empty()) else {
            errors.set(found);
            focus_error_summary();
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let result = sign_in_and_keep(&place.server, &place.database, &who, &secret).await;
            // The password is not kept anywhere, not even in the form.
            let _ = password.try_set(String::new());
            let _ = busy.try_set(false);
            match result {
                Ok(connection) => {
                    let _ = errors.try_set(FieldErrors::default());
                    let _ = state
                        .status
                        .try_set(SyncStatus::Syncing { done: 0, of: None });
                    let _ = state.connection.try_set(Some(connection));
                    state.wake();
                }
                Err((field, message)) => {
                    let mut found = FieldErrors::default();
                    found.push(field, message);
                    let _ = errors.try_set(found);
                    focus_error_summary();
                }
            }
        });
    };
    view! {
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors=errors />
            {move || matches!(state.status.get(), SyncStatus::NoLongerInTeam).then(|| view! {
                <WarningText testid="no-longer-in-team" alert=true>"You are no longer in this team. The team's cases have been removed from this browser; your own cases are still here."</WarningText>
            })}
            {move || matches!(state.status.get(), SyncStatus::SignInAgain).then(|| view! {
                <WarningText testid="sign-in-again" alert=true>"Sign in again: the server ended your session. Nothing is sent until you do."</WarningText>
            })}
            <h1 class="govuk-heading-l" tabindex="-1">"Connect to your team"</h1>
            <p class="govuk-body">"Your team's cases on every device you use, and drafts in your senior's queue without files. Everything is encrypted in this browser before it is sent: the server cannot read a name, a CRN or an answer."</p>
            {super::practice::is_practice().then(|| view! {
                <p class="govuk-inset-text">"Practice cases never leave this browser: connect from your live workbook."</p>
            })}
            <form novalidate on:submit=submit>
                <TextInput id=ADDRESS_FIELD label="Server address" hint="As your senior gave it, like https://team.example.org/db/t-5d1c9e0b7a3f2c11" autocomplete="url" value=address on_input=Callback::new(move |v| address.set(v)) error=error_at(errors, ADDRESS_FIELD) />
                <TextInput id=NAME_FIELD label="User name" class="govuk-!-width-one-half" autocomplete="username" value=name on_input=Callback::new(move |v| name.set(v)) error=error_at(errors, NAME_FIELD) />
                <TextInput id=PASSWORD_FIELD label="Password" hint="Sent to the server once to sign in; never kept in this browser" class="govuk-!-width-one-half" autocomplete="current-password" input_type="password" value=password on_input=Callback::new(move |v| password.set(v)) error=error_at(errors, PASSWORD_FIELD) />
                <button type="submit" class="govuk-button" disabled=move || busy.get() || super::practice::is_practice()>"Connect"</button>
            </form>
            <p class="govuk-body"><a class="govuk-link" href="/team">"Your team list"</a>" — the colleagues whose signatures you trust; team sync trusts the same people."</p>
        </div></div>
    }
}

/// Signs in, checks the team's database answers this person, and keeps the connection.
async fn sign_in_and_keep(
    server: &str,
    database: &str,
    who: &str,
    secret: &str,
) -> Result<Connection, (&'static str, String)> {
    let session = net::sign_in(server, who, secret).await.map_err(|error| {
        let field = match error {
            SignInError::Refused => PASSWORD_FIELD,
            _ => ADDRESS_FIELD,
        };
        (field, error.to_string())
    })?;
    let (team, senior) =
        membership(&session.roles).map_err(|error| (connect_error(&error), error.to_string()))?;
    let answer = FetchTransport::new(server)
        .send(Request {
            method: Method::Get,
            path: format!("/{database}"),
            body: None,
        })
        .await
        .map_err(|error| {
            (
                ADDRESS_FIELD,
                format!("The server did not answer ({error})."),
            )
        })?;
    if answer.status != 200 {
        return Err((
            ADDRESS_FIELD,
            format!("You signed in, but the server refused you this team's database (it answered {}): check the address with your senior.", answer.status),
        ));
    }
    let store = store()
        .await
        .map_err(|error| (ADDRESS_FIELD, error.to_string()))?;
    if store
        .profile()
        .await
        .map_err(|error| (ADDRESS_FIELD, error.to_string()))?
        .is_none()
    {
        return Err((
            NAME_FIELD,
            "Save your profile first (your name and grade): your changes are signed with it".into(),
        ));
    }
    let connection = Connection {
        server: server.to_string(),
        database: database.to_string(),
        team,
        name: who.to_string(),
        senior,
    };
    team_sync::connect(&store, &connection)
        .await
        .map_err(|error| (ADDRESS_FIELD, error.to_string()))?;
    Ok(connection)
}

#[component]
fn Connected() -> impl IntoView {
    let state = sync_state();
    let conflict_errors = RwSignal::new(FieldErrors::default());
    Effect::new(move |_| set_title("Team sync", !conflict_errors.with(FieldErrors::is_empty)));
    let confirming = RwSignal::new(false);
    let disconnect = move |_| {
        spawn_local(async move {
            if let Some(connection) = state.connection.get_untracked() {
                let _ = net::sign_out(&connection.server).await;
            }
            if let Ok(store) = store().await {
                let _ = team_sync::remove_team_data(&store).await;
            }
            let _ = state.quarantined.try_set(Vec::new());
            let _ = state.open_conflicts.try_set(OpenConflicts::default());
            let _ = state.status.try_set(SyncStatus::NotConnected);
            let _ = state.connection.try_set(None);
            let _ = state.arrived.try_update(|n| *n += 1);
            state.wake();
        });
    };
    view! {
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors=conflict_errors />
            <h1 class="govuk-heading-l" tabindex="-1">"Team sync"</h1>
            {move || state.connection.get().map(|connection| view! {
                <dl class="govuk-summary-list" data-testid="team-connection">
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Team"</dt><dd class="govuk-summary-list__value">{connection.team.clone()}{connection.senior.then_some(" (you are its senior)")}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Signed in as"</dt><dd class="govuk-summary-list__value">{connection.name.clone()}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Server address"</dt><dd class="govuk-summary-list__value">{connection.address()}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">"Status"</dt><dd class="govuk-summary-list__value" data-testid="team-sync-status">{move || state.status.get().describe()}</dd></div>
                </dl>
            })}
            {move || state.waiting_for_key.get().then(|| view! {
                <p class="govuk-inset-text" data-testid="waiting-for-key">"Waiting for your senior to add you to team sync: they need your identity card in their team list, and you theirs in yours. Nothing of yours is sent until then."</p>
            })}
            {move || {
                let open = state.open_conflicts.get();
                (!open.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Changed on two devices while offline"</h2>
                    <p class="govuk-body">"One of the two changes stands until you choose which to keep. A case cannot be signed while one of its answers waits for your choice. Check each with the colleague named."</p>
                    <div data-testid="sync-conflicts">
                        {open.0.into_iter().enumerate().map(|(at, conflict)| view! { <ConflictChoice conflict=conflict at=at errors=conflict_errors /> }).collect_view()}
                    </div>
                })
            }}
            {move || {
                let quarantined = state.quarantined.get();
                (!quarantined.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Could not be verified"</h2>
                    <p class="govuk-body">"These documents on the server were changed by someone other than their author, or cannot be read here. Nothing of them was applied; the rest synced."</p>
                    <ul class="govuk-list govuk-list--bullet" data-testid="quarantined">
                        {quarantined.into_iter().map(|(id, why)| view! { <li>{format!("Document {id}: {why}")}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || if confirming.get() {
                view! {
                    <WarningText testid="disconnect-warning">{move || match state.status.get() {
                        SyncStatus::Offline { waiting } if waiting > 0 => format!("{} of your changes have not reached the team yet and will not be sent. ", waiting),
                        _ => String::new(),
                    }}"Disconnecting removes the team's cases and documents from this browser. Your own cases stay."</WarningText>
                    <div class="govuk-button-group">
                        <button type="button" class="govuk-button govuk-button--warning" on:click=disconnect>"Disconnect and remove team data"</button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| confirming.set(false)>"Stay connected"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| confirming.set(true)>"Disconnect"</button>
                }.into_any()
            }}
        </div></div>
    }
}
