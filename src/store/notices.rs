//! Cross-tab notices: every committed change is announced on a `BroadcastChannel` named after the
//! database, so the other tabs of the same space re-read that record and redraw. A notice says only
//! which record changed and its new revision; the record itself is always read from IndexedDB.

use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

/// One committed change: the object store, the record's key and its revision after the write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub store: String,
    pub key: String,
    pub revision: u64,
}

fn channel_name(database: &str) -> String {
    format!("{database}:changes")
}

/// Tells every other tab of this database that a change was committed. A browser without
/// `BroadcastChannel` simply has tabs that agree on their next reload.
pub fn announce(database: &str, notice: &Notice) {
    let Ok(channel) = BroadcastChannel::new(&channel_name(database)) else {
        return;
    };
    if let Ok(text) = serde_json::to_string(notice) {
        let _ = channel.post_message(&text.into());
    }
    channel.close();
}

/// Listens for other tabs' notices until dropped.
pub struct Listener {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl Listener {
    pub fn new(database: &str, on_notice: impl Fn(Notice) + 'static) -> Option<Listener> {
        let channel = BroadcastChannel::new(&channel_name(database)).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let notice = event
                .data()
                .as_string()
                .and_then(|text| serde_json::from_str::<Notice>(&text).ok());
            if let Some(notice) = notice {
                on_notice(notice);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Listener {
            channel,
            _on_message: on_message,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
