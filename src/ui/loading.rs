//! Reading a case (and its draft assessment) for a screen, with the waiting and failure states.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::db::store;
use crate::domain::signing::{CaseSigning, DraftStatus, Profile, Snapshot};
use crate::store::{
    AssessmentRecord, CaseRecord, PlanRecord, SigningRecord, RECORD_SCHEMA_VERSION,
};

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub case: CaseRecord,
    pub assessment: AssessmentRecord,
    /// The sentence plan (a new, empty one if none was started).
    pub plan: PlanRecord,
    /// Signed versions, comments and the timeline (a timeline of creation only, if none yet).
    pub signing: SigningRecord,
    /// Who uses this browser, if they have said.
    pub profile: Option<Profile>,
}

impl Loaded {
    /// The draft assessment and plan as they stand, as a version would hold them.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            answers: self.assessment.answers.clone(),
            completed_sections: self.assessment.completed_sections.clone(),
            plan: self.plan.plan.clone(),
        }
    }

    /// Whether the answers and plan are read-only: the latest version is signed and no new draft
    /// was started, or it is with a senior.
    pub fn is_locked(&self) -> bool {
        !matches!(
            self.signing.signing.draft_status(),
            DraftStatus::Open { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState<T> {
    Loading,
    NotFound,
    Failed(String),
    Ready(T),
}

/// Loads the case named by `case_id`, its draft assessment and its plan (new, empty ones if none was started).
pub fn load_case_and_assessment(
    case_id: impl Fn() -> String + Send + Sync + 'static,
) -> RwSignal<LoadState<Loaded>> {
    let state = RwSignal::new(LoadState::Loading);
    Effect::new(move |_| {
        let id = case_id();
        state.set(LoadState::Loading);
        spawn_local(async move {
            let result = async {
                let store = store().await?;
                let Some(case) = store.case(&id).await? else {
                    return Ok(None);
                };
                let assessment = store
                    .assessment(&id)
                    .await?
                    .unwrap_or_else(|| AssessmentRecord::new(&id));
                let plan = store
                    .plan(&id)
                    .await?
                    .unwrap_or_else(|| PlanRecord::new(&id));
                let signing = store.signing(&id).await?.unwrap_or_else(|| SigningRecord {
                    schema_version: RECORD_SCHEMA_VERSION,
                    case_id: id.clone(),
                    signing: CaseSigning::new(&case.created_at, None),
                    comment_drafts: Default::default(),
                    updated_at: String::new(),
                });
                let profile = store.profile().await?.map(|record| record.profile);
                Ok::<_, crate::store::StoreError>(Some(Loaded {
                    case,
                    assessment,
                    plan,
                    signing,
                    profile,
                }))
            }
            .await;
            let _ = state.try_set(match result {
                Ok(Some(loaded)) => LoadState::Ready(loaded),
                Ok(None) => LoadState::NotFound,
                Err(error) => LoadState::Failed(error.to_string()),
            });
        });
    });
    state
}

/// Shows `render` once loaded; until then a waiting line, and a clear message if the case is missing.
#[component]
pub fn LoadedView<T, F>(loaded: RwSignal<LoadState<T>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> AnyView + Send + Sync + 'static,
{
    move || match loaded.get() {
        LoadState::Loading => {
            view! { <p class="govuk-body" aria-busy="true">"Loading…"</p> }.into_any()
        }
        LoadState::NotFound => {
            super::components::set_title("Case not found", false);
            view! {
                <h1 class="govuk-heading-l">"Case not found"</h1>
                <p class="govuk-body">"There is no case at this address in this browser."</p>
                <p class="govuk-body"><a class="govuk-link" href="/">"Go to your caseload"</a></p>
            }
            .into_any()
        }
        LoadState::Failed(message) => view! {
            <div class="govuk-error-summary" role="alert">
                <h2 class="govuk-error-summary__title">"Saved work could not be read"</h2>
                <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
            </div>
        }
        .into_any(),
        LoadState::Ready(value) => render(value),
    }
}
