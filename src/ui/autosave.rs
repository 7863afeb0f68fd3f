//! Saving an assessment as it is answered, and telling the officer so.
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
use crate::store::{AssessmentRecord, RECORD_SCHEMA_VERSION};

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

/// The draft being answered, and the machinery that keeps it saved.
#[derive(Clone, Copy)]
pub struct Autosave {
    pub draft: RwSignal<AssessmentRecord>,
    pub status: RwSignal<SaveStatus>,
    pending: StoredValue<Option<TimeoutHandle>>,
    latest_save: StoredValue<u64>,
}

impl Autosave {
    pub fn new(draft: AssessmentRecord) -> Self {
        let last_saved = clock::local_time_of(&draft.updated_at);
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
    pub fn answer_now(&self, change: impl FnOnce(&mut Answers)) {
        self.draft.update(|draft| change(&mut draft.answers));
        self.save_now();
    }

    /// A keystroke: recorded now, saved within `TEXT_SAVE_DELAY`.
    pub fn answer_typing(&self, change: impl FnOnce(&mut Answers)) {
        self.draft.update(|draft| change(&mut draft.answers));
        if self.pending.with_value(Option::is_none) {
            self.status.set(SaveStatus::Saving);
            let this = *self;
            let handle = set_timeout_with_handle(move || this.save_now(), TEXT_SAVE_DELAY).ok();
            self.pending.set_value(handle);
        }
    }

    /// Remembers which section the officer is in, so a reopened tab returns them there.
    pub fn visit_section(&self, number: &str) {
        if self
            .draft
            .with_untracked(|draft| draft.last_section.as_deref() != Some(number))
        {
            self.draft
                .update(|draft| draft.last_section = Some(number.to_string()));
            self.save_now();
        }
    }

    /// Records the answer to "Have you completed this section?".
    pub fn mark_completed(&self, section: &str, completed: bool) {
        self.draft.update(|draft| {
            if completed {
                draft.completed_sections.insert(section.to_string());
            } else {
                draft.completed_sections.remove(section);
            }
        });
        self.save_now();
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
        self.draft.update_untracked(|draft| {
            draft.updated_at = clock::timestamp();
            draft.schema_version = RECORD_SCHEMA_VERSION;
        });
        let snapshot = self.draft.get_untracked();
        let save_number = self.latest_save.try_update_value(|n| {
            *n += 1;
            *n
        });
        self.status.set(SaveStatus::Saving);
        let status = self.status;
        let latest_save = self.latest_save;
        spawn_local(async move {
            let result = match store().await {
                Ok(store) => store.put_assessment(&snapshot).await,
                Err(error) => Err(error),
            };
            match result {
                Err(error) => {
                    let _ = status.try_set(SaveStatus::Failed(error.to_string()));
                }
                Ok(()) if latest_save.try_get_value() == save_number => {
                    let time = clock::local_time_of(&snapshot.updated_at).unwrap_or_default();
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
