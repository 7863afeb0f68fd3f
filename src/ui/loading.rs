//! The one live copy of the open case, shared by every screen of that case (a Leptos context), and
//! the waiting and failure states while it loads.
//!
//! `provide_case_store` (once, in `App`) keeps the open case: its record, assessment, plan and
//! signing, each an `Autosave` (the live copy plus the machinery that saves changes to it), and the
//! officer's profile. Every screen of a case asks `use_live_case` for it; moving between sections or
//! screens of one case never reloads it, so no screen can hold an older copy and save it over a newer
//! one. Opening another case closes this one (saving what is waiting). Other tabs' committed changes
//! arrive as notices (`store::notices`) and are taken into the live copy at once.

use std::cell::Cell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::{Autosave, Guard};
use super::db::{database_name, store};
use super::health::health;
use crate::domain::case_facts::{case_facts_in_step, sync_case_facts};
use crate::domain::closure::{self, CaseClosure};
use crate::domain::signing::{
    assessment_change_refused, plan_change_refused, DraftStatus, OfficerContact, Profile, Snapshot,
};
use crate::store::notices::{Listener, Notice};
use crate::store::{
    AssessmentRecord, CaseRecord, PlanRecord, ProfileRecord, Record, SigningRecord, StoreError,
    PROFILE_KEY, RECORD_SCHEMA_VERSION, SETTINGS,
};

/// The open case: one live copy of each of its records.
#[derive(Clone, Copy)]
pub struct LiveCase {
    pub case: Autosave<CaseRecord>,
    pub assessment: Autosave<AssessmentRecord>,
    pub plan: Autosave<PlanRecord>,
    pub signing: Autosave<SigningRecord>,
    /// Who uses this browser, if they have said.
    pub profile: RwSignal<Option<Profile>>,
    /// How the person on probation reaches them (the printed plan shows it).
    pub contact: RwSignal<OfficerContact>,
}

/// A copy of the open case as it stands, for screens that only show it (they redraw when it changes).
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub case: CaseRecord,
    pub assessment: AssessmentRecord,
    pub plan: PlanRecord,
    pub signing: SigningRecord,
    pub profile: Option<Profile>,
    pub contact: OfficerContact,
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
}

/// Read-only while the latest version is signed or with a senior, and in a senior's copy of a
/// version returned for rework (`CaseSigning::reworked_by_someone_else`).
fn is_locked(signing: &SigningRecord, profile: Option<&Profile>) -> bool {
    !matches!(signing.signing.draft_status(), DraftStatus::Open { .. })
        || signing.signing.reworked_by_someone_else(profile).is_some()
}

impl LiveCase {
    pub fn id(&self) -> String {
        self.case.draft.with_untracked(|case| case.id.clone())
    }

    /// The whole case as it stands (tracked: a screen built from it redraws when anything changes).
    pub fn loaded(&self) -> Loaded {
        Loaded {
            case: self.case.draft.get(),
            assessment: self.assessment.draft.get(),
            plan: self.plan.draft.get(),
            signing: self.signing.draft.get(),
            profile: self.profile.get(),
            contact: self.contact.get(),
        }
    }

    /// The draft assessment and plan as a version would hold them (tracked).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            answers: self.assessment.draft.with(|record| record.answers.clone()),
            completed_sections: self
                .assessment
                .draft
                .with(|record| record.completed_sections.clone()),
            plan: self.plan.draft.with(|record| record.plan.clone()),
        }
    }

    /// Whether the answers and plan are read-only now (tracked: signing in another tab locks this one).
    pub fn is_locked(&self) -> bool {
        let profile = self.profile;
        self.signing
            .draft
            .with(|signing| profile.with(|profile| is_locked(signing, profile.as_ref())))
    }

    /// Who reworks the returned version when it is not this browser's user (tracked): then this
    /// copy is read-only and says whose it is.
    pub fn reworked_by(&self) -> Option<Profile> {
        let profile = self.profile;
        self.signing.draft.with(|signing| {
            profile.with(|profile| {
                signing
                    .signing
                    .reworked_by_someone_else(profile.as_ref())
                    .cloned()
            })
        })
    }

    /// The case's closure, once it is closed (tracked): then every screen of it is read-only.
    pub fn closure(&self) -> Option<CaseClosure> {
        self.case.draft.with(|case| case.closure.clone())
    }

    /// "Alex Marsh (X123456)", for captions (tracked).
    pub fn caption(&self) -> String {
        self.case
            .draft
            .with(|case| format!("{} ({})", case.details.name, case.details.crn))
    }

    /// While the latest version is signed or with a senior, every change to what a version holds is
    /// refused at the one place writes begin (`domain::signing::lock`), whichever screen asks.
    fn guarded(self) -> Self {
        let signing = self.signing.draft;
        let case = self.case.draft;
        let profile = self.profile;
        let locked = move || {
            signing
                .try_with_untracked(|signing| {
                    profile.try_with_untracked(|profile| is_locked(signing, profile.as_ref()))
                })
                .flatten()
                .unwrap_or(false)
        };
        // A closed case takes no change but reopening (`domain::closure`), on every record.
        let closed = move || {
            case.try_with_untracked(|case| case.closure.is_some())
                .unwrap_or(false)
        };
        self.case.set_guard(Guard {
            active: Arc::new(closed),
            refused: Arc::new(closure::case_change_refused),
        });
        self.assessment.set_guard(Guard {
            active: Arc::new(move || closed() || locked()),
            refused: Arc::new(move |before, after| {
                if closed() {
                    closure::assessment_change_refused(before, after)
                } else {
                    assessment_change_refused(before, after)
                }
            }),
        });
        self.plan.set_guard(Guard {
            active: Arc::new(move || closed() || locked()),
            refused: Arc::new(move |before, after| {
                if closed() {
                    closure::plan_change_refused(before, after)
                } else {
                    plan_change_refused(before, after)
                }
            }),
        });
        self.signing.set_guard(Guard {
            active: Arc::new(closed),
            refused: Arc::new(closure::signing_change_refused),
        });
        self
    }

    /// Keeps the answers the case record gives (`domain::case_facts`: 1.38 from the sentence or
    /// release date) equal to the case's, from opening and after every change of its details or draft,
    /// while the draft is open to change (never in a signed, sent or closed case).
    fn with_case_facts(self) -> Self {
        let (case, assessment, signing) = (self.case.draft, self.assessment, self.signing.draft);
        let profile = self.profile;
        Effect::new(move |_| {
            let details =
                case.with(|record| record.closure.is_none().then(|| record.details.clone()));
            let open = !signing
                .with(|signing| profile.with(|profile| is_locked(signing, profile.as_ref())));
            let Some(details) = details.filter(|_| open) else {
                return;
            };
            // Tracked too: a draft replaced whole (practice's "try again", an import) is put right.
            let in_step = assessment
                .draft
                .with(|record| case_facts_in_step(&record.answers, &details));
            if !in_step {
                assessment.change_now(move |record| {
                    sync_case_facts(&mut record.answers, &details);
                });
            }
        });
        self
    }

    /// Saves waiting typing in every record of the case now.
    fn flush(&self) {
        self.case.flush();
        self.assessment.flush();
        self.plan.flush();
        self.signing.flush();
    }

    /// Whether every change to the case has been committed.
    fn is_saved(&self) -> bool {
        self.case.is_saved()
            && self.assessment.is_saved()
            && self.plan.is_saved()
            && self.signing.is_saved()
    }

    /// Takes another tab's committed change to one of this case's records.
    fn changed_elsewhere(&self, notice: &Notice) {
        match notice.store.as_str() {
            crate::store::CASES => self.case.changed_elsewhere(notice.revision),
            crate::store::ASSESSMENTS => self.assessment.changed_elsewhere(notice.revision),
            crate::store::PLANS => self.plan.changed_elsewhere(notice.revision),
            crate::store::SIGNING => self.signing.changed_elsewhere(notice.revision),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState<T> {
    Loading,
    NotFound,
    Failed(String),
    Ready(T),
}

impl<T> LoadState<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> LoadState<U> {
        match self {
            LoadState::Loading => LoadState::Loading,
            LoadState::NotFound => LoadState::NotFound,
            LoadState::Failed(message) => LoadState::Failed(message),
            LoadState::Ready(value) => LoadState::Ready(f(value)),
        }
    }
}

/// The open case of this tab, held above every screen.
#[derive(Clone, Copy)]
pub struct CaseStore {
    /// The case id and how far its loading has got.
    current: RwSignal<Option<(String, LoadState<LiveCase>)>>,
    /// The reactive owner of the open case's signals (disposed when another case is opened).
    owner: StoredValue<Option<Owner>>,
    /// The app's owner, under which each open case gets its own.
    root: StoredValue<Owner>,
}

/// Keeps the open case for every screen; listens for other tabs' changes. Call once, in `App`.
pub fn provide_case_store() {
    let root = Owner::current().unwrap_or_default();
    let cases = CaseStore {
        current: RwSignal::new(None),
        owner: StoredValue::new(None),
        root: StoredValue::new(root),
    };
    provide_context(cases);
    let listener = Listener::new(database_name(), move |notice| {
        cases.changed_elsewhere(&notice)
    });
    // Lives as long as the page.
    std::mem::forget(listener);
}

impl CaseStore {
    /// The live copy of case `id`, if it is the open case.
    pub fn open_case(&self, id: &str) -> Option<LiveCase> {
        self.current.with_untracked(|current| match current {
            Some((open, LoadState::Ready(live))) if open == id => Some(*live),
            _ => None,
        })
    }

    /// A record written in this tab by team sync: taken into the open case as another tab's save.
    pub fn changed_by_sync(&self, notice: &Notice) {
        self.changed_elsewhere(notice);
    }

    fn changed_elsewhere(&self, notice: &Notice) {
        if notice.store == SETTINGS && notice.key == PROFILE_KEY {
            if let Some(live) = self.current.with_untracked(|current| match current {
                Some((_, LoadState::Ready(live))) => Some(*live),
                _ => None,
            }) {
                spawn_local(async move {
                    let profile = async { store().await?.profile().await }.await;
                    if let Ok(Some(record)) = profile {
                        let _ = live.profile.try_set(Some(record.profile));
                        let _ = live.contact.try_set(record.contact);
                    }
                });
            }
            return;
        }
        if let Some(live) = self.open_case(&notice.key) {
            live.changed_elsewhere(notice);
            if notice.store == crate::store::CASES {
                // Deleted in another tab: this one shows "Case not found", never a copy to save.
                let (this, id) = (*self, notice.key.clone());
                spawn_local(async move {
                    if let Ok(None) = async { store().await?.case(&id).await }.await {
                        this.forget(&id);
                        let _ = this.current.try_set(Some((id, LoadState::NotFound)));
                    }
                });
            }
        }
    }

    /// Saves waiting typing of the open case now, and says whether every change of this tab is
    /// committed: the open case's and those of cases closed while their saves were on the way.
    pub fn save_everything_now(&self) -> bool {
        let live = self.current.with_untracked(|current| match current {
            Some((_, LoadState::Ready(live))) => Some(*live),
            _ => None,
        });
        if let Some(live) = live {
            live.flush();
        }
        live.is_none_or(|live| live.is_saved()) && CLOSING.with(Cell::get) == 0
    }

    /// Forgets the open case if it is `id` (its records were replaced whole, by an import), so the
    /// next screen reads it afresh.
    pub fn forget(&self, id: &str) {
        let open = self
            .current
            .with_untracked(|current| current.as_ref().is_some_and(|(open, _)| open == id));
        if open {
            self.close();
        }
    }

    fn close(&self) {
        let live = self.current.with_untracked(|current| match current {
            Some((_, LoadState::Ready(live))) => Some(*live),
            _ => None,
        });
        if let Some(owner) = self.owner.try_update_value(Option::take).flatten() {
            dispose_when_saved(owner, live);
        }
        self.current.set(None);
    }

    /// Opens case `id` unless it is open (or opening) already.
    fn open(&self, id: String) {
        let already = self.current.with_untracked(|current| {
            current
                .as_ref()
                .is_some_and(|(open, state)| *open == id && !matches!(state, LoadState::Failed(_)))
        });
        if already {
            return;
        }
        self.close();
        self.current.set(Some((id.clone(), LoadState::Loading)));
        let this = *self;
        spawn_local(async move {
            let result = load(&id).await;
            let still_wanted = this.current.try_with_untracked(|current| {
                current.as_ref().is_some_and(|(open, _)| *open == id)
            }) == Some(true);
            if !still_wanted {
                return;
            }
            let state = match result {
                Ok(None) => LoadState::NotFound,
                Err(error) => LoadState::Failed(error.to_string()),
                Ok(Some(records)) => {
                    let owner = this.root.get_value().child();
                    let live = owner.with(|| records.into_live());
                    this.owner.set_value(Some(owner));
                    LoadState::Ready(live)
                }
            };
            this.current.set(Some((id, state)));
        });
    }
}

/// Lets a closed case's live copy go only once everything it was saving is saved: a change still
/// on its way (or failing and being retried) is never dropped because another case was opened.
fn dispose_when_saved(owner: Owner, live: Option<LiveCase>) {
    let Some(live) = live else {
        owner.cleanup();
        return;
    };
    live.flush();
    if live.is_saved() {
        owner.cleanup();
        return;
    }
    CLOSING.with(|closing| closing.set(closing.get() + 1));
    set_timeout(
        move || {
            CLOSING.with(|closing| closing.set(closing.get().saturating_sub(1)));
            dispose_when_saved(owner, Some(live))
        },
        std::time::Duration::from_millis(200),
    );
}

thread_local! {
    /// Closed cases whose copies are still saving (`dispose_when_saved`).
    static CLOSING: Cell<usize> = const { Cell::new(0) };
}

/// What is stored for a case, read once when it is opened.
struct Stored {
    case: CaseRecord,
    assessment: Option<AssessmentRecord>,
    plan: Option<PlanRecord>,
    signing: Option<SigningRecord>,
    profile: Option<ProfileRecord>,
}

impl Stored {
    fn into_live(self) -> LiveCase {
        let id = self.case.id.clone();
        let newer = [
            self.case.schema_version(),
            self.assessment.as_ref().map_or(0, Record::schema_version),
            self.plan.as_ref().map_or(0, Record::schema_version),
            self.signing.as_ref().map_or(0, Record::schema_version),
        ]
        .into_iter()
        .any(|version| version > RECORD_SCHEMA_VERSION);
        if newer {
            health().stop_writes(StoreError::Newer.to_string());
        }
        let fresh_signing = SigningRecord::new(&id, &self.case.created_at);
        LiveCase {
            case: Autosave::new(&id, self.case, None),
            assessment: Autosave::new(
                &id,
                self.assessment
                    .unwrap_or_else(|| AssessmentRecord::new(&id)),
                Some(AssessmentRecord::new(&id)),
            ),
            plan: Autosave::new(
                &id,
                self.plan.unwrap_or_else(|| PlanRecord::new(&id)),
                Some(PlanRecord::new(&id)),
            ),
            signing: Autosave::new(
                &id,
                self.signing.unwrap_or_else(|| fresh_signing.clone()),
                Some(fresh_signing),
            ),
            profile: RwSignal::new(self.profile.as_ref().map(|record| record.profile.clone())),
            contact: RwSignal::new(
                self.profile
                    .map(|record| record.contact)
                    .unwrap_or_default(),
            ),
        }
        .guarded()
        .with_case_facts()
    }
}

async fn load(id: &str) -> Result<Option<Stored>, StoreError> {
    let store = store().await?;
    let Some(case) = store.case(id).await? else {
        return Ok(None);
    };
    Ok(Some(Stored {
        case,
        assessment: store.assessment(id).await?,
        plan: store.plan(id).await?,
        signing: store.signing(id).await?,
        profile: store.profile().await?,
    }))
}

/// The open case named by `case_id` (opening it if another, or none, is open).
pub fn use_live_case(
    case_id: impl Fn() -> String + Send + Sync + 'static,
) -> Signal<LoadState<LiveCase>> {
    let cases = expect_context::<CaseStore>();
    let case_id = Memo::new(move |_| case_id());
    Effect::new(move |_| cases.open(case_id.get()));
    Signal::derive(move || {
        let id = case_id.get();
        cases.current.with(|current| match current {
            Some((open, state)) if *open == id => state.clone(),
            _ => LoadState::Loading,
        })
    })
}

/// The case store itself, for screens that replace records whole (an import).
pub fn use_case_store() -> CaseStore {
    expect_context::<CaseStore>()
}

/// Shows `render` once loaded; until then a waiting line, and a clear message if the case is missing.
#[component]
pub fn LoadedView<T, F>(#[prop(into)] loaded: Signal<LoadState<T>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> AnyView + Send + Sync + 'static,
{
    // Redrawn only when the state changes kind, never because the loaded value changed.
    let kind = Memo::new(move |_| loaded.with(|state| state.clone().map(|_| ())));
    move || match (kind.get(), loaded.get_untracked()) {
        // Untracked: what the screen reads while it is built must not rebuild the whole screen.
        (LoadState::Ready(()), LoadState::Ready(value)) => untrack(|| render(value)),
        (_, LoadState::NotFound) => {
            super::components::set_title("Case not found", false);
            view! {
                <h1 class="govuk-heading-l">"Case not found"</h1>
                <p class="govuk-body">"There is no case at this address in this browser."</p>
                <p class="govuk-body"><a class="govuk-link" href="/">"Go to your caseload"</a></p>
            }
            .into_any()
        }
        (_, LoadState::Failed(message)) => view! {
            <div class="govuk-error-summary" role="alert">
                <h2 class="govuk-error-summary__title">"Saved work could not be read"</h2>
                <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
            </div>
        }
        .into_any(),
        _ => view! { <p class="govuk-body" aria-busy="true">"Loading…"</p> }.into_any(),
    }
}

/// An editing screen of the open case: `render` runs once when it is loaded and reads the live
/// copy reactively from there on. While the case is closed the screen is read-only: under the
/// closed banner, inside a disabled fieldset (every field and button of it disabled; links work).
#[component]
pub fn LiveCaseView<F>(case_id: Memo<String>, render: F) -> impl IntoView
where
    F: Fn(LiveCase) -> AnyView + Send + Sync + 'static,
{
    let loaded = use_live_case(move || case_id.get());
    let render = Arc::new(render);
    view! {
        <LoadedView loaded=loaded render=move |live: LiveCase| {
            let render = render.clone();
            let closed = Memo::new(move |_| live.closure().is_some());
            (move || {
                if closed.get() {
                    view! {
                        <ClosedBanner live=live />
                        <fieldset class="workbook-read-only" disabled=true>
                            {untrack(|| render(live))}
                        </fieldset>
                    }
                    .into_any()
                } else {
                    untrack(|| render(live))
                }
            })
            .into_any()
        } />
    }
}

/// A screen that only shows the open case: it is drawn again whenever the case changes (here or in
/// another tab).
#[component]
pub fn LoadedCaseView<F>(case_id: Memo<String>, render: F) -> impl IntoView
where
    F: Fn(Loaded) -> AnyView + Send + Sync + 'static,
{
    let loaded = use_live_case(move || case_id.get());
    let render = Arc::new(render);
    view! {
        <LoadedView loaded=loaded render=move |live: LiveCase| {
            let render = render.clone();
            view! {
                <ClosedBanner live=live />
                {move || render(live.loaded())}
            }
            .into_any()
        } />
    }
}

/// "This case is closed": why and when, on every screen of a closed case, with the way to its
/// page (where it is reopened or deleted). Nothing while the case is open.
#[component]
fn ClosedBanner(live: LiveCase) -> impl IntoView {
    move || {
        live.closure().map(|closure| {
            let href = format!("/cases/{}", live.id());
            view! {
                <div class="govuk-notification-banner workbook-no-print" role="region" aria-labelledby="closed-banner-title" data-testid="closed-banner">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="closed-banner-title">"Closed case"</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{format!("{}. It is read-only.", closure.describe())}</p>
                        <p class="govuk-body"><a class="govuk-notification-banner__link" href=href>"Reopen or delete it from the case page"</a></p>
                    </div>
                </div>
            }
        })
    }
}
