//! Importing a case package (from an officer, or back from a senior): a sealed package is opened
//! with this officer's key, every signature in it is checked against their team (and themself,
//! `package::verified_import`), and what it holds and would change are shown, in the words of what
//! the team can rely on, before anything is written. A package that cannot be imported says why,
//! and nothing here changes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::clock;
use super::components::set_title;
use super::db::store;
use super::files::{chosen_files, file_bytes};
use super::signed::trusted_team;
use crate::domain::errors::megabytes;
use crate::domain::keys::{is_sealed, parse_sealed_for, MAX_SEALED_BYTES};
use crate::domain::package::{
    import_writes, parse_package_bytes, verified_import, CasePackage, ImportPreview, PackagedCase,
};
use crate::domain::signing::CaseSigning;
use crate::store::identity::open_sealed_for_me;
use crate::store::{
    AssessmentRecord, CaseRecord, PlanRecord, SigningRecord, StoreError, RECORD_SCHEMA_VERSION,
};

#[derive(Clone)]
enum Step {
    Reading,
    Refused(String),
    Preview {
        package: Box<CasePackage>,
        preview: Box<ImportPreview>,
        case_here: bool,
    },
    Imported(String),
}

/// The case package in the chosen file: opened first with this officer's key when it is sealed.
/// `None` with the reason when it cannot be read or opened.
async fn read_package(
    file: &web_sys::File,
    keys: &crate::store::identity::MyKeys,
) -> Result<CasePackage, String> {
    let bytes = file_bytes(file, MAX_SEALED_BYTES)
        .await
        .map_err(|problem| {
            problem.message("Choose a case package file", |bytes| {
                format!(
                    "The file is {}: a case package is never larger than {}",
                    megabytes(bytes),
                    megabytes(MAX_SEALED_BYTES)
                )
            })
        })?;
    let bytes = if is_sealed(&bytes) {
        let sealed = parse_sealed_for(&bytes, &keys.public.fingerprint())
            .map_err(|error| error.to_string())?;
        open_sealed_for_me(keys, &sealed).await?
    } else {
        bytes
    };
    parse_package_bytes(&bytes).map_err(|error| error.to_string())
}

/// What this browser holds of the package's case: the case itself and its signing, by id, or by CRN.
async fn local_copy(
    package: &CasePackage,
) -> Result<(Option<CaseRecord>, Option<CaseSigning>), StoreError> {
    let store = store().await?;
    let case = match store.case(&package.case.id).await? {
        Some(case) => Some(case),
        None => store
            .cases()
            .await?
            .into_iter()
            .find(|case| case.details.crn == package.case.details.crn),
    };
    let signing = match &case {
        Some(case) => store.signing(&case.id).await?.map(|record| record.signing),
        None => None,
    };
    Ok((case, signing))
}

#[component]
pub fn ImportPage() -> impl IntoView {
    set_title("Import a case package", false);
    if super::practice::is_practice() {
        return view! {
            <h1 class="govuk-heading-l">"Import a case package"</h1>
            <p class="govuk-body" data-testid="practice-no-import">"Case packages are live work: leave practice to import one."</p>
        }
        .into_any();
    }
    // One step per file chosen: several packages can be taken in at once, each previewed and
    // imported or refused on its own.
    let steps = RwSignal::new(Vec::<(String, Step)>::new());
    let set_step = move |at: usize, step: Step| {
        steps.try_update(|steps| {
            if let Some(entry) = steps.get_mut(at) {
                entry.1 = step;
            }
        });
    };
    let navigate = use_navigate();
    let cases = super::loading::use_case_store();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = super::files::file_input_of(&ev) else {
            return;
        };
        let files = chosen_files(&input);
        if files.is_empty() {
            steps.set(vec![(
                String::new(),
                Step::Refused("Choose a case package file".to_string()),
            )]);
            return;
        }
        steps.set(
            files
                .iter()
                .map(|file| (file.name(), Step::Reading))
                .collect(),
        );
        for (at, file) in files.into_iter().enumerate() {
            spawn_local(async move {
                let outcome = async {
                    let profile = store()
                        .await
                        .map_err(|error| error.to_string())?
                        .profile()
                        .await
                        .map_err(|error| error.to_string())?
                        .ok_or_else(|| {
                            "set up your profile (your name and grade) before importing: a package is checked against your team and your own key".to_string()
                        })?
                        .profile;
                    let (team, keys) = trusted_team(&profile).await?;
                    let package = read_package(&file, &keys).await?;
                    let (case, signing) = local_copy(&package)
                        .await
                        .map_err(|error| error.to_string())?;
                    let here = case.as_ref().map(|case| PackagedCase {
                        id: case.id.clone(),
                        created_at: case.created_at.clone(),
                        details: case.details.clone(),
                    });
                    let preview = verified_import(here.as_ref(), signing.as_ref(), &package, &team)
                        .map_err(|error| error.to_string())?
                        .preview;
                    Ok::<_, String>(Step::Preview {
                        package: Box::new(package),
                        preview: Box::new(preview),
                        case_here: case.is_some(),
                    })
                }
                .await;
                set_step(at, outcome.unwrap_or_else(Step::Refused));
            });
        }
    };
    let import = move |at: usize, package: CasePackage, preview: ImportPreview| {
        set_step(at, Step::Reading);
        spawn_local(async move {
            let outcome = async {
                let store = store().await.map_err(|error| error.to_string())?;
                let profile = store
                    .profile()
                    .await
                    .map_err(|error| error.to_string())?
                    .ok_or_else(|| {
                        "set up your profile (your name and grade) before importing".to_string()
                    })?
                    .profile;
                let now = clock::timestamp();
                // What an import writes is the domain's policy (`import_writes`); here it is only
                // wrapped in records and written in one transaction.
                let writes = import_writes(&package, preview, &profile, &now)
                    .map_err(|error| error.to_string())?;
                let id = package.case.id.clone();
                let case = match writes.case {
                    Some(new) => CaseRecord {
                        schema_version: RECORD_SCHEMA_VERSION,
                        revision: 0,
                        id: id.clone(),
                        details: new.details,
                        next_appointment: None,
                        closure: None,
                        photo: None,
                        created_at: new.created_at,
                        updated_at: now.clone(),
                    },
                    None => store
                        .case(&id)
                        .await
                        .map_err(|error| error.to_string())?
                        .ok_or_else(|| "the case here could not be read".to_string())?,
                };
                let (assessment, plan) = match writes.work {
                    Some(snapshot) => {
                        let mut assessment = AssessmentRecord::new(&id);
                        assessment.answers = snapshot.answers;
                        assessment.completed_sections = snapshot.completed_sections;
                        assessment.updated_at = now.clone();
                        let mut plan = PlanRecord::new(&id);
                        plan.plan = snapshot.plan;
                        plan.updated_at = now.clone();
                        (Some(assessment), Some(plan))
                    }
                    None => (None, None),
                };
                // A senior's comments and an officer's replies typed here and not yet sent stay.
                let drafts = store
                    .signing(&id)
                    .await
                    .ok()
                    .flatten()
                    .map(|record| (record.comment_drafts, record.reply_drafts))
                    .unwrap_or_default();
                let (comment_drafts, reply_drafts) = drafts;
                let signing = SigningRecord {
                    schema_version: RECORD_SCHEMA_VERSION,
                    revision: 0,
                    case_id: id.clone(),
                    signing: writes.signing,
                    comment_drafts,
                    reply_drafts,
                    updated_at: now,
                };
                store
                    .import_case(&case, assessment.as_ref(), plan.as_ref(), &signing)
                    .await
                    .map_err(|error| error.to_string())?;
                super::storage::request_persistence();
                Ok::<_, String>(id)
            }
            .await;
            if let Ok(id) = &outcome {
                // The open copy of this case (if any) is read again from what was imported.
                cases.forget(id);
            }
            // Another file for the same case was previewed against what was here before this
            // import: its preview no longer holds, so it is never imported as it was shown.
            if let Ok(id) = &outcome {
                steps.try_update(|steps| {
                    for (other, (_, step)) in steps.iter_mut().enumerate() {
                        let same_case = matches!(step, Step::Preview { package, .. } if package.case.id == *id);
                        if other != at && same_case {
                            *step = Step::Refused("Another package for this case was just imported, so what this one would change has changed: choose it again to see".to_string());
                        }
                    }
                });
            }
            set_step(
                at,
                match outcome {
                    Ok(id) => Step::Imported(id),
                    Err(problem) => Step::Refused(problem),
                },
            );
        });
    };
    let one = move |at: usize, step: Step, several: bool| {
        match step {
        Step::Reading => view! { <p class="govuk-body" aria-busy="true">"Reading the package…"</p> }.into_any(),
        Step::Refused(reason) => view! {
            <div class="govuk-error-summary" role="alert" tabindex="-1" data-testid="import-refused">
                <h2 class="govuk-error-summary__title">"This package cannot be imported"</h2>
                <div class="govuk-error-summary__body">
                    <p class="govuk-body">{format!("{}. Nothing has been changed.", reason.trim_end_matches('.'))}</p>
                </div>
            </div>
        }
        .into_any(),
        Step::Imported(id) if !several => {
            let navigate = navigate.clone();
            request_animation_frame(move || navigate(&format!("/cases/{id}/signing"), Default::default()));
            view! { <p class="govuk-body">"Imported."</p> }.into_any()
        }
        // One of several: the others are still to decide on, so the page stays.
        Step::Imported(id) => view! {
            <p class="govuk-body" data-testid="package-imported">
                "Imported. "<a class="govuk-link" href=format!("/cases/{id}/signing")>"Open its signing page"</a>
            </p>
        }.into_any(),
        Step::Preview { package, preview, case_here } => {
            let holds = preview.holds.clone();
            let changes = preview.changes.clone();
            let up_to_date = preview.is_up_to_date();
            let (package, preview) = (*package, *preview);

            view! {
                <h2 class="govuk-heading-m">{format!("{} ({})", package.case.details.name, package.case.details.crn)}</h2>
                <p class="govuk-body">{format!("Exported by {} on {}.", package.exported_by.describe(), crate::domain::signing::long_day(&package.exported_at))}</p>
                <h3 class="govuk-heading-s">"The package holds"</h3>
                <ul class="govuk-list govuk-list--bullet" data-testid="package-holds">{holds.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                <h3 class="govuk-heading-s">"What importing it does"</h3>
                {if up_to_date {
                    view! { <p class="govuk-body" data-testid="package-changes">"Nothing changes: this browser already has everything in it."</p> }.into_any()
                } else {
                    view! { <ul class="govuk-list govuk-list--bullet" data-testid="package-changes">{changes.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }.into_any()
                }}
                {(!case_here).then(|| view! { <p class="govuk-body">"The case is new to this browser: it will be added to your caseload."</p> })}
                <button type="button" class="govuk-button" data-module="govuk-button" on:click=move |_| import(at, package.clone(), preview.clone())>"Import this package"</button>
            }
            .into_any()
        }
    }
    };
    let body = move || {
        let all = steps.get();
        let several = all.len() > 1;
        all.into_iter()
            .enumerate()
            .map(|(at, (name, step))| {
                let shown = one(at, step, several);
                let label = name.clone();
                if several {
                    view! {
                        <section class="govuk-summary-card" data-testid="package-file" aria-label=label>
                            <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">{name}</h2></div>
                            <div class="govuk-summary-card__content">{shown}</div>
                        </section>
                    }
                    .into_any()
                } else {
                    shown
                }
            })
            .collect_view()
    };
    view! {
        <a href="/" class="govuk-back-link">"Back to your caseload"</a>
        <h1 class="govuk-heading-l">"Import a case package"</h1>
        <p class="govuk-body">"A case package is the file an officer sends for countersigning, or a senior sends back, sealed so that only you can open it. Every signature in it is checked against your team. You will see what it holds and what it would change before anything is saved."</p>
        <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="package-file">"Case package file"</label>
            <div class="govuk-hint" id="package-file-hint">"The file you were sent, for example case-package-X123456-v1-awaiting-countersign-2026-11-25-for-sam-patel.sealed.json. Choose several at once to take in a day's packages: each is shown, and imported or refused, on its own."</div>
            <input class="govuk-file-upload" id="package-file" name="package-file" type="file" multiple=true accept=".json,application/json" aria-describedby="package-file-hint" on:change=on_change />
        </div>
        {body}
    }
    .into_any()
}
