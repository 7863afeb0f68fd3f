//! Saving a draft (an assessment, a sentence plan) as it is changed, and telling the officer so.
//!
//! Choices are saved at once. Typing is saved at most 300 ms after the first unsaved keystroke
//! (a throttle, not a debounce, so steady typing is still saved), and at once on blur, when the
//! tab is hidden and on `pagehide`. Every save writes the whole draft, so a failed save is
//! repaired by the next one. IndexedDB runs read-write transactions on one store in the order
//! they were created, so the newest draft always lands last.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clock;
use super::db::store;
use crate::domain::answers::Answers;
use crate::store::{
    AssessmentRecord, PlanRecord, SigningRecord, Store, StoreError, RECORD_SCHEMA_VERSION,
};

/// Typing is never more than this far from being saved.
pub const TEXT_SAVE_DELAY: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened; the draft was last saved at this time, if ever.
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

/// A record saved whole after every change.
pub trait Draft: Clone + Send + Sync + 'static {
    fn updated_at(&self) -> &str;
    /// Marks the record as written now, by this build.
    fn stamp(&mut self, timestamp: String);
    fn save(self, store: Store) -> impl std::future::Future<Output = Result<(), StoreError>>;
}

/// Each record kind is a draft the same way; only the store method that writes it differs.
macro_rules! draft_saved_by {
    ($record:ty, $put:ident) => {
        impl Draft for $record {
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
            fn stamp(&mut self, timestamp: String) {
                self.updated_at = timestamp;
                self.schema_version = RECORD_SCHEMA_VERSION;
            }
            async fn save(self, store: Store) -> Result<(), StoreError> {
                store.$put(&self).await
            }
        }
    };
}

draft_saved_by!(AssessmentRecord, put_assessment);
draft_saved_by!(PlanRecord, put_plan);
draft_saved_by!(SigningRecord, put_signing);

/// The draft being changed, and the machinery that keeps it saved.
pub struct Autosave<D: Draft = AssessmentRecord> {
    pub draft: RwSignal<D>,
    pub status: RwSignal<SaveStatus>,
    pending: StoredValue<Option<TimeoutHandle>>,
    latest_save: StoredValue<u64>,
}

impl<D: Draft> Clone for Autosave<D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D: Draft> Copy for Autosave<D> {}

impl<D: Draft> Autosave<D> {
    pub fn new(draft: D) -> Self {
        let last_saved = clock::local_time_of(draft.updated_at());
        let autosave = Self {
            draft: RwSignal::new(draft),
            status: RwSignal::new(SaveStatus::Unchanged(last_saved)),
            pending: StoredValue::new(None),
            latest_save: StoredValue::new(0),
        };
        autosave.flush_when_leaving();
        autosave
    }

    /// A choice, a tick, an added or removed entry: recorded and saved straight away.
    pub fn change_now(&self, change: impl FnOnce(&mut D)) {
        self.draft.update(change);
        self.save_now();
    }

    /// A keystroke: recorded now, saved within `TEXT_SAVE_DELAY`.
    pub fn change_typing(&self, change: impl FnOnce(&mut D)) {
        self.draft.update(change);
        if self.pending.with_value(Option::is_none) {
            self.status.set(SaveStatus::Saving);
            let this = *self;
            let handle = set_timeout_with_handle(move || this.save_now(), TEXT_SAVE_DELAY).ok();
            self.pending.set_value(handle);
        }
    }

    /// Saves at once if typing is waiting to be saved.
    pub fn flush(&self) {
        if self.pending.with_value(Option::is_some) {
            self.save_now();
        }
    }

    fn save_now(&self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.draft
            .update_untracked(|draft| draft.stamp(clock::timestamp()));
        let snapshot = self.draft.get_untracked();
        let save_number = self.latest_save.try_update_value(|n| {
            *n += 1;
            *n
        });
        self.status.set(SaveStatus::Saving);
        let status = self.status;
        let latest_save = self.latest_save;
        spawn_local(async move {
            let time = clock::local_time_of(snapshot.updated_at()).unwrap_or_default();
            let result = match store().await {
                Ok(store) => snapshot.save(store).await,
                Err(error) => Err(error),
            };
            match result {
                Err(error) => {
                    let _ = status.try_set(SaveStatus::Failed(error.to_string()));
                }
                Ok(()) if latest_save.try_get_value() == save_number => {
                    let _ = status.try_set(SaveStatus::Saved(time));
                }
                Ok(()) => {}
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
    /// An answer given by a choice, tick or entry: saved straight away.
    pub fn answer_now(&self, change: impl FnOnce(&mut Answers)) {
        self.change_now(|draft| change(&mut draft.answers));
    }

    /// An answer being typed: saved within `TEXT_SAVE_DELAY`.
    pub fn answer_typing(&self, change: impl FnOnce(&mut Answers)) {
        self.change_typing(|draft| change(&mut draft.answers));
    }

    /// Remembers which section the officer is in, so a reopened tab returns them there.
    pub fn visit_section(&self, number: &str) {
        if self
            .draft
            .with_untracked(|draft| draft.last_section.as_deref() != Some(number))
        {
            self.change_now(|draft| draft.last_section = Some(number.to_string()));
        }
    }

    /// Records the answer to "Have you completed this section?".
    pub fn mark_completed(&self, section: &str, completed: bool) {
        self.change_now(|draft| {
            if completed {
                draft.completed_sections.insert(section.to_string());
            } else {
                draft.completed_sections.remove(section);
            }
        });
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
