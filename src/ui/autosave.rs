//! Saving a record (the case, its assessment, plan or signing) as it is changed, and telling the
//! officer so. One `Autosave` per record of the open case, shared by every screen (see `live_case`).
//!
//! Every edit is a *change* (a function of the record), applied at once to the live copy on screen
//! and queued. A save applies the queued changes to the record **as it is stored now**, inside one
//! read-write transaction (`Store::update`), so two tabs editing different fields both keep theirs.
//! After the commit the live copy becomes the committed record with any changes made meanwhile
//! applied on top. Choices are saved at once; typing within `TEXT_SAVE_DELAY` (a throttle, so steady
//! typing is still saved; committed within 300 ms) and at once on blur, when the tab is hidden and
//! on `pagehide`. A failed save keeps its changes, retries with backoff and raises the "Not saved
//! yet" banner until it lands; a newer build's record is never written over.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::db::store;
use super::health::health;
use crate::domain::answers::Answers;
use crate::store::{AssessmentRecord, Record, StoreError, RECORD_SCHEMA_VERSION};

/// How long typing waits before its save starts. The promise is that typing is committed within
/// 300 ms, and a commit itself takes tens of milliseconds on a loaded machine, so the wait is
/// shorter than the promise (at 300 ms, CI saw a crash lose text typed 300 ms before it).
pub const TEXT_SAVE_DELAY: Duration = Duration::from_millis(200);
/// The first retry after a failed save; each next one waits twice as long, up to `RETRY_MAX`.
const RETRY_FIRST: Duration = Duration::from_millis(500);
const RETRY_MAX: Duration = Duration::from_secs(8);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened; the record was last saved at this time, if ever.
    Unchanged(Option<String>),
    Saving,
    Saved(String),
    Failed(String),
}

impl SaveStatus {
    pub fn message(&self) -> String {
        match self {
            SaveStatus::Unchanged(Some(time)) => format!("Last saved at {time}"),
            SaveStatus::Unchanged(None) => "Answers are saved as you go".to_string(),
            SaveStatus::Saving => "Saving…".to_string(),
            SaveStatus::Saved(time) => format!("Saved at {time}"),
            SaveStatus::Failed(message) => message.clone(),
        }
    }
}

/// A record kept live on screen and saved change by change.
pub trait Draft: Record + PartialEq + Send + Sync {}
impl<R: Record + PartialEq + Send + Sync> Draft for R {}

/// "Save what is waiting now", for a field's blur. A plain function of the `Autosave` (which lives as
/// long as the open case), so it still works while the field that calls it is being taken down.
pub type Flush = Arc<dyn Fn() + Send + Sync>;

/// One edit, applied to whichever copy of the record it is given (the live one, then the stored one).
pub type Change<D> = Arc<dyn Fn(&mut D) + Send + Sync>;

/// A rule every change must keep: `active` says cheaply whether it applies now; `refused` compares
/// the record before and after a change and says why it is refused, if it is.
#[derive(Clone)]
pub struct Guard<D> {
    pub active: Arc<dyn Fn() -> bool + Send + Sync>,
    pub refused: Refusal<D>,
}

/// Why a change from the first record to the second is refused, if it is.
pub type Refusal<D> = Arc<dyn Fn(&D, &D) -> Option<&'static str> + Send + Sync>;

/// The record being changed, and the machinery that keeps it saved.
pub struct Autosave<D: Draft = AssessmentRecord> {
    /// The live copy every screen reads.
    pub draft: RwSignal<D>,
    pub status: RwSignal<SaveStatus>,
    key: StoredValue<String>,
    /// What to start from when nothing is stored yet (`None`: the record must exist).
    fallback: StoredValue<Option<D>>,
    /// Changes not yet sent to the store.
    pending: StoredValue<Vec<Change<D>>>,
    /// Whether a save is under way (its changes are no longer in `pending`).
    saving: StoredValue<bool>,
    /// Another tab changed the record while a save was under way: read it again afterwards.
    reread_after_save: StoredValue<bool>,
    typing_timer: StoredValue<Option<TimeoutHandle>>,
    retry_timer: StoredValue<Option<TimeoutHandle>>,
    failures: StoredValue<u32>,
    /// The rule changes must keep (a signed version locks its parts), if any.
    guard: StoredValue<Option<Guard<D>>>,
}

impl<D: Draft> Clone for Autosave<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Draft> Copy for Autosave<D> {}

impl<D: Draft> Autosave<D> {
    /// Starts from the stored copy (or `fallback` if nothing is stored), under `key`.
    pub fn new(key: &str, draft: D, fallback: Option<D>) -> Self {
        let last_saved = clock::local_time_of(draft.updated_at());
        let autosave = Self {
            draft: RwSignal::new(draft),
            status: RwSignal::new(SaveStatus::Unchanged(last_saved)),
            key: StoredValue::new(key.to_string()),
            fallback: StoredValue::new(fallback),
            pending: StoredValue::new(Vec::new()),
            saving: StoredValue::new(false),
            reread_after_save: StoredValue::new(false),
            typing_timer: StoredValue::new(None),
            retry_timer: StoredValue::new(None),
            failures: StoredValue::new(0),
            guard: StoredValue::new(None),
        };
        autosave.flush_when_leaving();
        autosave
    }

    fn health_key(&self) -> String {
        format!("{}/{}", D::STORE, self.key.get_value())
    }

    /// Every change from now on must keep `guard`.
    pub fn set_guard(&self, guard: Guard<D>) {
        self.guard.set_value(Some(guard));
    }

    /// Applies a change to the live copy and queues it for the store, unless the guard refuses it
    /// (then nothing changes, and the status line says why).
    fn record(&self, change: Change<D>) -> bool {
        if let Some(guard) = self.guard.try_get_value().flatten() {
            if (guard.active)() {
                let before = self.draft.get_untracked();
                let mut after = before.clone();
                change(&mut after);
                if let Some(why) = (guard.refused)(&before, &after) {
                    self.status.set(SaveStatus::Failed(why.to_string()));
                    return false;
                }
            }
        }
        self.draft.update(|draft| change(draft));
        self.pending.update_value(|pending| pending.push(change));
        true
    }

    /// A choice, a tick, an added or removed entry: recorded and saved straight away.
    pub fn change_now(&self, change: impl Fn(&mut D) + Send + Sync + 'static) {
        if self.record(Arc::new(change)) {
            self.save_now();
        }
    }

    /// A keystroke: recorded now, saved within `TEXT_SAVE_DELAY`.
    pub fn change_typing(&self, change: impl Fn(&mut D) + Send + Sync + 'static) {
        if !self.record(Arc::new(change)) {
            return;
        }
        if self.typing_timer.with_value(Option::is_none) {
            self.status.set(SaveStatus::Saving);
            let this = *self;
            let handle = set_timeout_with_handle(move || this.save_now(), TEXT_SAVE_DELAY).ok();
            self.typing_timer.set_value(handle);
        }
    }

    /// A change the record's own rules may refuse: tried on the live copy first (its error is
    /// returned, nothing changes), then saved. On the stored copy it is tried again and kept only
    /// if it still holds there.
    pub fn try_change<E>(
        &self,
        change: impl Fn(&mut D) -> Result<(), E> + Send + Sync + 'static,
    ) -> Result<(), E> {
        let mut next = self.draft.get_untracked();
        change(&mut next)?;
        self.change_now(move |record| {
            let mut next = record.clone();
            if change(&mut next).is_ok() {
                *record = next;
            }
        });
        Ok(())
    }

    /// Saves at once if typing is waiting to be saved.
    pub fn flush(&self) {
        if self.typing_timer.try_with_value(Option::is_some) == Some(true) {
            self.save_now();
        }
    }

    /// Whether every change has been committed (nothing queued, no save under way).
    pub fn is_saved(&self) -> bool {
        self.saving.try_get_value() != Some(true)
            && self.pending.try_with_value(Vec::is_empty) != Some(false)
    }

    /// `flush`, for a field's `on_blur`.
    pub fn flusher(&self) -> Flush {
        let this = *self;
        Arc::new(move || this.flush())
    }

    fn clear_timer(timer: StoredValue<Option<TimeoutHandle>>) {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn save_now(&self) {
        if self.pending.try_with_value(|_| ()).is_none() {
            // The case was closed; its last changes were saved when it was.
            return;
        }
        Self::clear_timer(self.typing_timer);
        Self::clear_timer(self.retry_timer);
        if self.saving.get_value() || self.pending.with_value(Vec::is_empty) {
            // A save under way picks up what is queued when it finishes.
            return;
        }
        if let Some(why) = health().writes_stopped() {
            self.status.set(SaveStatus::Failed(why));
            return;
        }
        let batch: Vec<Change<D>> = self
            .pending
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        self.saving.set_value(true);
        self.status.set(SaveStatus::Saving);
        let this = *self;
        let key = self.key.get_value();
        let fallback = self.fallback.get_value();
        spawn_local(async move {
            let at = clock::timestamp();
            let result = match store().await {
                Ok(store) => {
                    store
                        .update(&key, fallback, &at, &|record: &mut D| {
                            for change in &batch {
                                change(record);
                            }
                        })
                        .await
                }
                Err(error) => Err(error),
            };
            this.finish_save(batch, result);
        });
    }

    fn finish_save(&self, batch: Vec<Change<D>>, result: Result<D, StoreError>) {
        // The page may be gone (the case was closed): nothing is left to update.
        if self.saving.try_set_value(false).is_some() {
            return;
        }
        match result {
            Ok(committed) => {
                self.failures.set_value(0);
                health().set_failing(&self.health_key(), false);
                let time = clock::local_time_of(committed.updated_at()).unwrap_or_default();
                self.rebase(committed);
                if self.reread_after_save.try_update_value(std::mem::take) == Some(true) {
                    self.reread();
                }
                if self.pending.with_value(Vec::is_empty) {
                    self.status.set(SaveStatus::Saved(time));
                } else if self.typing_timer.with_value(Option::is_none) {
                    self.save_now();
                }
            }
            Err(error) => {
                // Nothing is lost: the batch goes back in front of anything queued since.
                self.pending.update_value(|pending| {
                    let later = std::mem::take(pending);
                    *pending = batch;
                    pending.extend(later);
                });
                if error.is_version_skew() {
                    health().stop_writes(error.to_string());
                    health().set_failing(&self.health_key(), true);
                    self.status.set(SaveStatus::Failed(error.to_string()));
                    return;
                }
                let failures = self.failures.try_update_value(|n| {
                    *n += 1;
                    *n
                });
                health().set_failing(&self.health_key(), true);
                self.status.set(SaveStatus::Failed(format!(
                    "Not saved yet — retrying. {error}"
                )));
                let delay = RETRY_FIRST
                    .saturating_mul(2u32.saturating_pow(failures.unwrap_or(1).saturating_sub(1)))
                    .min(RETRY_MAX);
                let this = *self;
                let handle = set_timeout_with_handle(move || this.save_now(), delay).ok();
                self.retry_timer.set_value(handle);
            }
        }
    }

    /// Makes the live copy the committed record with every change not yet saved applied on top.
    /// Nothing is redrawn if that is what is on screen already.
    fn rebase(&self, committed: D) {
        let mut next = committed;
        self.pending.with_value(|pending| {
            for change in pending {
                change(&mut next);
            }
        });
        let same = self.draft.with_untracked(|draft| {
            let mut mine = draft.clone();
            mine.stamp(next.revision(), next.updated_at());
            mine == next
        });
        if same {
            self.draft.update_untracked(|draft| *draft = next);
        } else {
            self.draft.set(next);
        }
    }

    /// Another tab committed `revision` of this record: take it if it is newer than ours.
    pub fn changed_elsewhere(&self, revision: u64) {
        if self.draft.with_untracked(|draft| draft.revision()) >= revision {
            return;
        }
        if self.saving.get_value() {
            self.reread_after_save.set_value(true);
        } else {
            self.reread();
        }
    }

    fn reread(&self) {
        let this = *self;
        let key = self.key.get_value();
        spawn_local(async move {
            let Ok(store) = store().await else { return };
            let Ok(Some(stored)) = store.record::<D>(&key).await else {
                return;
            };
            if stored.schema_version() > RECORD_SCHEMA_VERSION {
                health().stop_writes(StoreError::Newer.to_string());
            }
            if this.saving.try_get_value() == Some(true) {
                let _ = this.reread_after_save.try_set_value(true);
                return;
            }
            if this
                .draft
                .try_with_untracked(|draft| draft.revision() < stored.revision())
                == Some(true)
            {
                this.rebase(stored);
            }
        });
    }

    /// Saves waiting typing when the tab is hidden or the page is going away.
    fn flush_when_leaving(&self) {
        let this = *self;
        let on_hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                this.flush();
            }
        });
        let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| this.flush());
        on_cleanup(move || {
            this.flush();
            on_hidden.remove();
            on_pagehide.remove();
        });
    }
}

impl Autosave<AssessmentRecord> {
    /// An answer to item `code` given by a choice, tick or entry: saved straight away.
    pub fn answer_now(
        &self,
        code: &'static str,
        change: impl Fn(&mut Answers) + Send + Sync + 'static,
    ) {
        self.change_now(move |draft| {
            change(&mut draft.answers);
            draft.answered(code);
        });
    }

    /// An answer to item `code` being typed: saved within `TEXT_SAVE_DELAY`.
    pub fn answer_typing(
        &self,
        code: &'static str,
        change: impl Fn(&mut Answers) + Send + Sync + 'static,
    ) {
        self.change_typing(move |draft| {
            change(&mut draft.answers);
            draft.answered(code);
        });
    }

    /// Remembers which section the officer is in, so a reopened tab returns them there.
    pub fn visit_section(&self, number: &str) {
        if self
            .draft
            .with_untracked(|draft| draft.last_section.as_deref() != Some(number))
        {
            let number = number.to_string();
            self.change_now(move |draft| draft.last_section = Some(number.clone()));
        }
    }

    /// Records the answer to "Have you completed this section?".
    pub fn mark_completed(&self, section: &str, completed: bool) {
        let section = section.to_string();
        self.change_now(move |draft| draft.mark_completed(&section, completed));
    }
}

/// "Saved at 14:03:07", "Saving…" or what went wrong, announced politely to screen readers.
#[component]
pub fn SaveStatusLine(status: RwSignal<SaveStatus>) -> impl IntoView {
    let failed = move || matches!(status.get(), SaveStatus::Failed(_));
    view! {
        <p class="govuk-body workbook-save-status" class:workbook-save-status--failed=failed role="status" aria-live="polite" data-testid="save-status">
            {move || status.get().message()}
        </p>
    }
}
