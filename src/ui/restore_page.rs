//! "Restore from a backup": the file and its passphrase, then a preview of what restoring would
//! change (cases added, replaced, changed here since the backup, the same, only here), and only on
//! confirmation one transaction that writes all of it or nothing. A wrong passphrase, a damaged or
//! cut-off file, or one from a newer version is refused at its field, and nothing here changes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::components::{
    error_at, focus_error_summary, set_title, ErrorSummary, TextInput, WarningText,
};
use super::db::store;
use super::files::chosen_file_bytes;
use super::loading::use_case_store;
use crate::domain::backup::{
    check_passphrase_to_open, restore_preview, restore_writes, BackupError, BackupPayload,
    PreviewLine, ProfileChange, RestorePreview, MAX_BACKUP_BYTES, PASSPHRASE_FIELD,
};
use crate::domain::dates::london_long_time;
use crate::domain::errors::FieldErrors;
use crate::store::crypto::open_backup;

const FILE_FIELD: &str = "backup-file";

#[derive(Clone)]
enum Step {
    Choose,
    Checking,
    Preview {
        payload: Box<BackupPayload>,
        preview: Box<RestorePreview>,
        /// Set when the preview was made again because this browser changed meanwhile.
        changed: bool,
    },
    Restoring,
    Restored {
        written: usize,
    },
}

/// The chosen file's bytes, refusing a missing or huge one before reading it.
async fn chosen_file(input: &web_sys::HtmlInputElement) -> Result<Vec<u8>, FieldErrors> {
    chosen_file_bytes(input, MAX_BACKUP_BYTES)
        .await
        .map_err(|problem| {
            let mut errors = FieldErrors::default();
            errors.push(
                FILE_FIELD,
                problem.message("Select a backup file", |bytes| {
                    BackupError::TooLarge { bytes }.to_string()
                }),
            );
            errors
        })
}

/// Unlocks the backup and compares it with this browser.
async fn check(
    input: web_sys::HtmlInputElement,
    passphrase: String,
) -> Result<(BackupPayload, RestorePreview), FieldErrors> {
    let bytes = chosen_file(&input).await?;
    let payload = open_backup(&passphrase, &bytes).await.map_err(|error| {
        let field = match error {
            BackupError::WrongPassphrase => PASSPHRASE_FIELD,
            _ => FILE_FIELD,
        };
        let mut errors = FieldErrors::default();
        errors.push(field, error.to_string());
        errors
    })?;
    let preview = preview_here(&payload).await.map_err(|message| {
        let mut errors = FieldErrors::default();
        errors.push(FILE_FIELD, message);
        errors
    })?;
    Ok((payload, preview))
}

async fn preview_here(payload: &BackupPayload) -> Result<RestorePreview, String> {
    let (here, profile) = async { store().await?.here_for_restore().await }
        .await
        .map_err(|error| error.to_string())?;
    Ok(restore_preview(payload, &here, profile.as_ref()))
}

fn time_words(at: Option<&str>) -> String {
    at.and_then(london_long_time)
        .unwrap_or_else(|| "an unknown time".to_string())
}

/// One list of the preview, under its heading, or nothing when it is empty.
fn preview_list(
    heading: &str,
    testid: &'static str,
    lines: &[PreviewLine],
    when: fn(&PreviewLine) -> String,
) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        let heading = format!("{heading} ({})", lines.len());
        let rows = lines
            .iter()
            .map(|line| {
                let what = format!("{} ({})", line.name, line.crn);
                let detail = when(line);
                view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{what}</dt>
                        <dd class="govuk-summary-list__value">{detail}</dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2 class="govuk-heading-m">{heading}</h2>
            <dl class="govuk-summary-list" data-testid=testid>{rows}</dl>
        }
    })
}

#[component]
pub fn RestorePage() -> impl IntoView {
    set_title("Restore from a backup", false);
    if super::practice::is_practice() {
        return view! {
            <h1 class="govuk-heading-l">"Restore from a backup"</h1>
            <p class="govuk-body" data-testid="practice-no-restore">"Backups are live work: leave practice to restore one."</p>
        }
        .into_any();
    }
    let step = RwSignal::new(Step::Choose);
    let errors = RwSignal::new(FieldErrors::default());
    let passphrase = RwSignal::new(String::new());
    let replace_newer = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let cases = use_case_store();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        let typed = passphrase.get_untracked();
        let mut problems = FieldErrors::default();
        if input.files().and_then(|files| files.get(0)).is_none() {
            problems.push(FILE_FIELD, "Select a backup file");
        }
        problems.0.extend(check_passphrase_to_open(&typed).0);
        if !problems.is_empty() {
            errors.set(problems);
            focus_error_summary();
            return;
        }
        errors.set(FieldErrors::default());
        step.set(Step::Checking);
        spawn_local(async move {
            match check(input, typed).await {
                Ok((payload, preview)) => {
                    let _ = passphrase.try_set(String::new());
                    let _ = replace_newer.try_set(false);
                    let _ = step.try_set(Step::Preview {
                        payload: Box::new(payload),
                        preview: Box::new(preview),
                        changed: false,
                    });
                }
                Err(problems) => {
                    let _ = errors.try_set(problems);
                    let _ = step.try_set(Step::Choose);
                    focus_error_summary();
                }
            }
        });
    };
    let confirm = move |_| {
        let Step::Preview {
            payload, preview, ..
        } = step.get_untracked()
        else {
            return;
        };
        let replace = replace_newer.get_untracked();
        step.set(Step::Restoring);
        spawn_local(async move {
            // What this browser holds may have changed since the preview (another tab): compare
            // again, and ask again if the preview no longer holds.
            let now = match preview_here(&payload).await {
                Ok(now) => now,
                Err(message) => {
                    let mut problems = FieldErrors::default();
                    problems.push(FILE_FIELD, message);
                    let _ = errors.try_set(problems);
                    let _ = step.try_set(Step::Choose);
                    return;
                }
            };
            if now != *preview {
                let _ = step.try_set(Step::Preview {
                    payload,
                    preview: Box::new(now),
                    changed: true,
                });
                return;
            }
            let writes = restore_writes(&payload, &preview, replace);
            let written = writes.cases.len();
            let result = async { store().await?.restore(&writes).await }.await;
            match result {
                Ok(()) => {
                    for records in &writes.cases {
                        cases.forget(records.id());
                    }
                    super::storage::request_persistence();
                    let _ = step.try_set(Step::Restored { written });
                }
                Err(error) => {
                    let mut problems = FieldErrors::default();
                    problems.push(
                        FILE_FIELD,
                        format!("Nothing was restored, and nothing here changed. {error}"),
                    );
                    let _ = errors.try_set(problems);
                    let _ = step.try_set(Step::Choose);
                    focus_error_summary();
                }
            }
        });
    };
    let error_for = move |field: &'static str| error_at(errors, field);
    let file_error = error_for(FILE_FIELD);
    let checking = move || matches!(step.get(), Step::Checking);
    view! {
        <a href="/storage" class="govuk-back-link">"Back to storage and backup"</a>
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="govuk-heading-l">"Restore from a backup"</h1>
                // The form stays on the page while a backup is checked and after a refusal, so the
                // chosen file is still chosen when the passphrase is typed again.
                <div hidden=move || !matches!(step.get(), Step::Choose | Step::Checking)>
                    <p class="govuk-body">"Restoring adds the backup's cases to this browser and replaces older copies of them. It never deletes a case, and you see what would change before anything does."</p>
                    <form novalidate on:submit=submit>
                        <div class="govuk-form-group" class:govuk-form-group--error=move || file_error.get().is_some()>
                            <label class="govuk-label govuk-label--s" for=FILE_FIELD>"Backup file"</label>
                            <div class="govuk-hint" id="backup-file-hint">"A file named like probation-workbook-backup-2026-12-01-1640.json"</div>
                            {move || file_error.get().map(|message| view! {
                                <p class="govuk-error-message" id="backup-file-error"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                            })}
                            <input class="govuk-file-upload" class:govuk-file-upload--error=move || file_error.get().is_some() id=FILE_FIELD name=FILE_FIELD type="file" accept=".json,application/json" node_ref=file_input
                                aria-describedby=move || if file_error.get().is_some() { "backup-file-hint backup-file-error" } else { "backup-file-hint" } />
                        </div>
                        <TextInput
                            id=PASSPHRASE_FIELD
                            label="Passphrase"
                            hint="The passphrase the backup was made with"
                            input_type="password"
                            autocomplete="current-password"
                            value=passphrase
                            on_input=Callback::new(move |text| passphrase.set(text))
                            error=error_for(PASSPHRASE_FIELD)
                        />
                        <button type="submit" class="govuk-button" disabled=checking>
                            {move || if checking() { "Unlocking the backup…" } else { "Check the backup" }}
                        </button>
                    </form>
                </div>
                {move || match step.get() {
                    Step::Choose | Step::Checking => ().into_any(),
                    Step::Preview { preview, changed, .. } => {
                        let up_to_date = preview.is_up_to_date() && preview.newer_here.is_empty();
                        let newer = preview.newer_here.len();
                        let profile = match preview.profile {
                            ProfileChange::None => None,
                            ProfileChange::New => Some("Your profile is added from the backup."),
                            ProfileChange::Replaced { newer_here: false } => Some("Your profile is replaced by the backup's."),
                            ProfileChange::Replaced { newer_here: true } => Some("Your profile here changed after the backup: it is kept unless you tick the box below."),
                            ProfileChange::Same => None,
                        };
                        view! {
                            {changed.then(|| view! {
                                <WarningText alert=true>"Something changed in this browser since you checked the backup. This is what restoring would change now."</WarningText>
                            })}
                            <p class="govuk-body" data-testid="backup-made">{format!("This backup was made on {}.", time_words(Some(&preview.backup_created_at)))}</p>
                            {preview_list("Cases added", "restore-new", &preview.new_cases, |_| "Not in this browser: added".to_string())}
                            {preview_list("Cases replaced by the backup's copy", "restore-replaced", &preview.replaced, |line| format!("Here last changed {}; the backup's copy {}", time_words(line.here_changed_at.as_deref()), time_words(line.backup_changed_at.as_deref())))}
                            {preview_list("Cases changed here since the backup", "restore-newer-here", &preview.newer_here, |line| format!("Kept: changed here {}, after the backup's copy ({})", time_words(line.here_changed_at.as_deref()), time_words(line.backup_changed_at.as_deref())))}
                            {preview_list("Cases already the same", "restore-same", &preview.same, |_| "Nothing to change".to_string())}
                            {preview_list("Cases only in this browser", "restore-only-here", &preview.only_here, |_| "Kept: a restore never deletes a case".to_string())}
                            {profile.map(|words| view! { <p class="govuk-body" data-testid="restore-profile">{words}</p> })}
                            {(newer > 0 || matches!(preview.profile, ProfileChange::Replaced { newer_here: true })).then(|| view! {
                                <div class="govuk-form-group">
                                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                                        <div class="govuk-checkboxes__item">
                                            <input class="govuk-checkboxes__input" id="replace-newer" type="checkbox" prop:checked=move || replace_newer.get() on:change=move |ev| replace_newer.set(event_target_checked(&ev)) />
                                            <label class="govuk-label govuk-checkboxes__label" for="replace-newer">"Also replace what changed here since the backup (the work done here since then is lost)"</label>
                                        </div>
                                    </div>
                                </div>
                            })}
                            {if up_to_date {
                                view! {
                                    <p class="govuk-body" data-testid="restore-nothing">"This browser already holds everything in the backup: there is nothing to restore."</p>
                                    <a class="govuk-button govuk-button--secondary" href="/storage" role="button">"Back to storage and backup"</a>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="govuk-button-group">
                                        <button type="button" class="govuk-button" on:click=confirm>"Restore"</button>
                                        <a class="govuk-link" href="/storage">"Cancel"</a>
                                    </div>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Step::Restoring => view! { <p class="govuk-body" role="status">"Restoring…"</p> }.into_any(),
                    Step::Restored { written } => view! {
                        <div class="govuk-panel govuk-panel--confirmation" role="status" data-testid="restored">
                            <h2 class="govuk-panel__title">"Backup restored"</h2>
                            <div class="govuk-panel__body">{if written == 0 {
                                "Nothing was written: every case here is the same as the backup's copy, or newer".to_string()
                            } else {
                                format!("{written} case{} written", if written == 1 { "" } else { "s" })
                            }}</div>
                        </div>
                        <p class="govuk-body"><a class="govuk-link" href="/">"Go to your caseload"</a></p>
                    }.into_any(),
                }}
            </div>
        </div>
    }
    .into_any()
}
