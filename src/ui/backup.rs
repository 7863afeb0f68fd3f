//! "Back up the workbook": every live case in one file locked with a passphrase the officer chooses
//! (`store::crypto`: PBKDF2-SHA-256 and AES-256-GCM in the browser's WebCrypto), the reminder
//! interval, and the caseload's reminder when the last backup is too old. Practice cases are never
//! backed up: a practice tab offers no backup at all.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::components::{
    error_at, focus_error_summary, ErrorSummary, NotificationBanner, TextInput,
};
use super::db::store;
use super::export::download_json;
use crate::domain::backup::{
    backup_file_name, backup_reminder, check_passphrase, parse_reminder_days, BackupLog,
    BackupReminder, PASSPHRASE_CONFIRM_FIELD, PASSPHRASE_FIELD, REMINDER_DAYS_FIELD,
};
use crate::domain::dates::{london_datetime, london_long_time};
use crate::domain::errors::FieldErrors;
use crate::store::crypto::seal_backup;

/// What the last backup attempt came to.
#[derive(Clone)]
enum Outcome {
    Saved {
        file_name: String,
        cases: usize,
        left_out: Vec<String>,
    },
    Failed(String),
}

/// The "Last backup" line.
fn last_backup_words(log: &BackupLog) -> String {
    log.last_backup_at
        .as_deref()
        .and_then(london_long_time)
        .unwrap_or_else(|| "Never in this browser".to_string())
}

/// Makes the backup file and offers it as a download, then notes the time in the backup log.
async fn back_up(passphrase: String) -> Result<Outcome, String> {
    let store = store().await.map_err(|error| error.to_string())?;
    let at = clock::timestamp();
    let (payload, unreadable) = store
        .backup_payload(&at)
        .await
        .map_err(|error| error.to_string())?;
    let sealed = seal_backup(&passphrase, &payload, &at)
        .await
        .map_err(|error| error.to_string())?;
    let file_name = backup_file_name(london_datetime(clock::now()));
    let text =
        String::from_utf8(sealed).map_err(|_| "The backup could not be written".to_string())?;
    download_json(&file_name, &text)?;
    store
        .record_backup(&at)
        .await
        .map_err(|error| error.to_string())?;
    Ok(Outcome::Saved {
        file_name,
        cases: payload.cases.len(),
        left_out: unreadable
            .into_iter()
            .map(|record| format!("{} {}: {}", record.store, record.id, record.reason))
            .collect(),
    })
}

/// The backup form, its last-backup line and the reminder setting, for the "Storage and backup" page.
#[component]
pub fn BackupSection() -> impl IntoView {
    if super::practice::is_practice() {
        return view! {
            <h2 class="govuk-heading-m">"Back up the workbook"</h2>
            <p class="govuk-body" data-testid="practice-no-backup">"Practice cases are never backed up. Leave practice to back up your live work."</p>
        }
        .into_any();
    }
    let log = RwSignal::new(None::<BackupLog>);
    let reload_log = move || {
        spawn_local(async move {
            if let Ok(read) = async { store().await?.backup_log().await }.await {
                let _ = log.try_set(Some(read));
            }
        })
    };
    reload_log();
    let passphrase = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::default());
    let working = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        let problems = check_passphrase(&typed, &confirmation.get_untracked());
        if !problems.is_empty() {
            errors.set(problems);
            outcome.set(None);
            focus_error_summary();
            return;
        }
        errors.set(FieldErrors::default());
        working.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = back_up(typed).await;
            let _ = working.try_set(false);
            if result.is_ok() {
                let _ = passphrase.try_set(String::new());
                let _ = confirmation.try_set(String::new());
            }
            let _ = outcome.try_set(Some(result.unwrap_or_else(Outcome::Failed)));
            reload_log();
        });
    };
    let error_for = move |field: &'static str| error_at(errors, field);
    view! {
        <h2 class="govuk-heading-m" id="backup">"Back up the workbook"</h2>
        <p class="govuk-body">"A backup is one file holding every case in this browser — the case details, assessments, sentence plans, signed versions and comments — and your profile, locked with a passphrase you choose. Keep it somewhere safe away from this computer. With the file and the passphrase you can restore the workbook in any browser."</p>
        <p class="govuk-body">"Your signing key and your team list stay in this browser and are not in a backup: in a new browser, save your profile to make a new key, and send your colleagues your new identity card."</p>
        <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Last backup"</dt>
                <dd class="govuk-summary-list__value" data-testid="last-backup">{move || log.get().map(|log| last_backup_words(&log))}</dd>
            </div>
        </dl>
        {move || outcome.get().map(|outcome| match outcome {
            Outcome::Saved { file_name, cases, left_out } => view! {
                <div class="govuk-panel govuk-panel--confirmation workbook-panel--left" role="status" data-testid="backup-saved">
                    <h2 class="govuk-panel__title govuk-!-font-size-27">"Backup saved"</h2>
                    <div class="govuk-panel__body govuk-!-font-size-19">
                        {format!("{cases} case{} in {file_name}, in your downloads. Keep the passphrase: without it the backup cannot be opened.", if cases == 1 { "" } else { "s" })}
                    </div>
                </div>
                {(!left_out.is_empty()).then(|| view! {
                    <div class="govuk-warning-text">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <div class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">"Warning"</span>
                            "These records could not be read and are not in the backup:"
                            <ul class="govuk-list govuk-list--bullet">{left_out.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        </div>
                    </div>
                })}
            }.into_any(),
            Outcome::Failed(message) => view! {
                <div class="govuk-error-summary" role="alert" data-testid="backup-failed">
                    <h2 class="govuk-error-summary__title">"The backup was not made"</h2>
                    <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
                </div>
            }.into_any(),
        })}
        <ErrorSummary errors=errors />
        <form novalidate on:submit=submit>
            <TextInput
                id=PASSPHRASE_FIELD
                label="Passphrase"
                hint="12 characters or more. Three random words work well, like \"lantern pebble orchard\". Nobody can recover a forgotten passphrase."
                input_type="password"
                autocomplete="new-password"
                value=passphrase
                on_input=Callback::new(move |text| passphrase.set(text))
                error=error_for(PASSPHRASE_FIELD)
            />
            <TextInput
                id=PASSPHRASE_CONFIRM_FIELD
                label="Confirm passphrase"
                input_type="password"
                autocomplete="new-password"
                value=confirmation
                on_input=Callback::new(move |text| confirmation.set(text))
                error=error_for(PASSPHRASE_CONFIRM_FIELD)
            />
            <button type="submit" class="govuk-button" disabled=move || working.get()>
                {move || if working.get() { "Backing up…" } else { "Back up the workbook" }}
            </button>
        </form>
        <p class="govuk-body"><a class="govuk-link" href="/storage/restore">"Restore from a backup"</a></p>
        <ReminderSetting log=log />
    }
    .into_any()
}

/// "Remind me to back up after [7] days".
#[component]
fn ReminderSetting(log: RwSignal<Option<BackupLog>>) -> impl IntoView {
    let typed = RwSignal::new(None::<String>);
    let shown = Signal::derive(move || {
        typed.get().unwrap_or_else(|| {
            log.get()
                .map(|log| log.reminder_days.to_string())
                .unwrap_or_default()
        })
    });
    let errors = RwSignal::new(FieldErrors::default());
    let saved = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_reminder_days(&shown.get_untracked()) {
            Err(problem) => {
                errors.set(FieldErrors(vec![problem]));
                saved.set(None);
            }
            Ok(days) => {
                errors.set(FieldErrors::default());
                spawn_local(async move {
                    let at = clock::timestamp();
                    let result = async { store().await?.set_reminder_days(days, &at).await }.await;
                    let _ = saved.try_set(Some(match result {
                        Ok(written) => {
                            let _ = log.try_set(Some(written));
                            let _ = typed.try_set(None);
                            format!(
                                "Saved: you will be reminded {days} day{} after each backup.",
                                if days == 1 { "" } else { "s" }
                            )
                        }
                        Err(error) => error.to_string(),
                    }));
                });
            }
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Backup reminder"</h2>
        <ErrorSummary errors=errors />
        {move || saved.get().map(|message| view! { <div class="govuk-inset-text" role="status" data-testid="reminder-saved">{message}</div> })}
        <form novalidate on:submit=submit>
            <TextInput
                id=REMINDER_DAYS_FIELD
                label="Remind me to back up after this many days"
                hint="From 1 to 90. The caseload shows the reminder once the last backup is this old."
                class="govuk-input--width-3"
                value=shown
                on_input=Callback::new(move |text| typed.set(Some(text)))
                error=error_at(errors, REMINDER_DAYS_FIELD)
            />
            <button type="submit" class="govuk-button govuk-button--secondary">"Save reminder"</button>
        </form>
    }
}

/// The caseload's reminder: no backup yet, or the last one older than the interval (live cases only).
#[component]
pub fn BackupReminderBanner(live_cases: usize) -> impl IntoView {
    let reminder = RwSignal::new(None::<BackupReminder>);
    if !super::practice::is_practice() {
        spawn_local(async move {
            if let Ok(log) = async { store().await?.backup_log().await }.await {
                let _ = reminder.try_set(backup_reminder(&log, clock::now(), live_cases));
            }
        });
    }
    move || {
        reminder.get().map(|reminder| {
            let heading = match reminder {
                BackupReminder::Never => "You have not backed up the workbook yet".to_string(),
                BackupReminder::DaysAgo(days) => format!("Your last backup was {days} days ago"),
            };
            view! {
                <NotificationBanner title="Back up" testid="backup-reminder">
                        <p class="govuk-notification-banner__heading">{heading}</p>
                        <p class="govuk-body">"Your cases are only in this browser. "<a class="govuk-notification-banner__link" href="/storage#backup">"Back up the workbook"</a>" to keep a copy you can restore."</p>
                    </NotificationBanner>
            }
        })
    }
}
