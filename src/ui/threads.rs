//! A comment thread on screen (issue 20): the comment, each reply and how it ended, as the
//! domain words them (`Thread::lines`); with, where the page offers it, the officer's reply box or
//! the senior's "Mark as resolved".

use leptos::prelude::*;

use super::autosave::Autosave;
use super::components::TextArea;
use crate::domain::signing::{CommentTarget, Thread};
use crate::store::SigningRecord;

/// The lines of one thread, the first (the comment) in bold.
#[component]
pub fn ThreadLines(lines: Vec<String>, open: bool) -> impl IntoView {
    let state = if open {
        view! { <strong class="govuk-tag govuk-tag--yellow">"Open"</strong> }.into_any()
    } else {
        view! { <strong class="govuk-tag govuk-tag--grey">"Closed"</strong> }.into_any()
    };
    let mut lines = lines.into_iter();
    let first = lines.next().unwrap_or_default();
    view! {
        <p class="govuk-body govuk-!-margin-bottom-1">{state}" "<span class="govuk-!-font-weight-bold">{first}</span></p>
        <ul class="govuk-list workbook-thread-replies">
            {lines.map(|line| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
}

/// A single tick box bound to a yes/no signal: "Mark as resolved".
#[component]
pub fn TickBox(
    id: String,
    label: String,
    ticked: Signal<bool>,
    on_toggle: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
                <input
                    class="govuk-checkboxes__input"
                    id=id.clone()
                    type="checkbox"
                    prop:checked=move || ticked.get()
                    on:change=move |ev| on_toggle.run(event_target_checked(&ev))
                />
                <label class="govuk-label govuk-checkboxes__label" for=id>{label}</label>
            </div>
        </div>
    }
}

/// What a page shows of a thread: its key, the reply box's label, its lines and whether it is open.
type Shown = (String, String, Vec<String>, bool);

fn shown(threads: Vec<Thread<'_>>) -> Vec<Shown> {
    threads
        .iter()
        .map(|thread| {
            let label = format!(
                "Your reply to comment {} of version {} (optional)",
                thread.at.index + 1,
                thread.at.version
            );
            (thread.at.key(), label, thread.lines(), thread.is_open())
        })
        .collect()
}

/// The threads on one section, question, goal or the whole assessment, beside it: those to act on
/// now, each with the officer's reply box (saved as typed, signed with the next version; none when
/// `locked`), and the earlier ones folded away with their replies and how they ended.
#[component]
pub fn ItemThreads(
    target: CommentTarget,
    signing: Autosave<SigningRecord>,
    locked: Memo<bool>,
    /// The level of its heading, one below the heading it sits under (2 on a section's page, 4 in
    /// a goal's card).
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    // A question's threads sit under the question, among the section's own: named apart.
    let (heading_text, current_id, earlier_id) = match target {
        CommentTarget::Item(_) => (
            "Comments from your countersigner on this question",
            "item-comments",
            "earlier-item-comments",
        ),
        _ => (
            "Comments from your countersigner",
            "section-comments",
            "earlier-section-comments",
        ),
    };
    let threads = Memo::new(move |_| {
        signing.draft.with(|record| {
            (
                shown(record.signing.threads_to_act_on(&target)),
                shown(record.signing.earlier_threads(&target)),
            )
        })
    });
    move || {
        let (current, earlier) = threads.get();
        view! {
            {(!current.is_empty()).then(|| view! {
                <div class="govuk-inset-text" data-testid=current_id>
                    {heading(level, heading_text)}
                    <p class="govuk-body-s">"Your reply goes to your countersigner with the next version you sign."</p>
                    {current.into_iter().map(|(key, label, lines, open)| {
                        let read_key = key.clone();
                        let reply = (!locked.get_untracked()).then(|| view! {
                            <TextArea
                                id=format!("reply-{}", key.replace('.', "-"))
                                label=label
                                value=Signal::derive(move || signing.draft.with(|record| record.reply_drafts.get(&read_key).cloned().unwrap_or_default()))
                                on_input=Callback::new(move |text: String| {
                                    let key = key.clone();
                                    signing.change_typing(move |record| {
                                        record.reply_drafts.insert(key.clone(), text.clone());
                                    })
                                })
                                on_blur=signing.flusher()
                                error=Signal::stored(None::<String>)
                                rows=2
                            />
                        });
                        view! {
                            <div class="workbook-thread" data-testid="thread">
                                <ThreadLines lines=lines open=open />
                                {reply}
                            </div>
                        }
                    }).collect_view()}
                </div>
            })}
            {(!earlier.is_empty()).then(|| view! {
                <details class="govuk-details" data-testid=earlier_id>
                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{format!("Earlier comments ({})", earlier.len())}</span></summary>
                    <div class="govuk-details__text">
                        {earlier.into_iter().map(|(_, _, lines, open)| view! {
                            <div class="workbook-thread" data-testid="thread"><ThreadLines lines=lines open=open /></div>
                        }).collect_view()}
                    </div>
                </details>
            })}
        }
    }
}

/// A small heading at `level` (2 to 4).
fn heading(level: u8, text: &'static str) -> AnyView {
    let class = "govuk-heading-s govuk-!-margin-bottom-2";
    match level {
        3 => view! { <h3 class=class>{text}</h3> }.into_any(),
        4 => view! { <h4 class=class>{text}</h4> }.into_any(),
        _ => view! { <h2 class=class>{text}</h2> }.into_any(),
    }
}
