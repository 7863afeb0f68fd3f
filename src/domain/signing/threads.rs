//! Comments are conversations (issue 20): a senior's comment starts a thread; the officer answers
//! it with a reply, signed with their next version; a senior marks it resolved with their decision
//! on a later version. Replies and resolutions are comments of the version they were signed with
//! (`Comment::reply_to`, `Comment::resolves`), so every signature that covers a version's comments
//! covers them too, and a package carries them as it carries comments.
//!
//! A thread is open until a senior resolves it, or countersigns its version or a later one (which
//! settles the comments made before or with it). While the draft is open, its open threads are the
//! ones to act on: shown under the item with a reply box, counted on the task list, and listed on
//! the signing page as links to the item; the rest are earlier comments, each with its replies and
//! how it ended.

use std::collections::BTreeMap;

use super::case_signing::required;
use super::{
    Action, CaseSigning, Comment, CommentRef, CommentTarget, Profile, SigningError, Snapshot,
};

/// The prefix of a senior's "mark as resolved" box in `SigningRecord::comment_drafts`:
/// "resolve:1.0" resolves comment 0 of version 1 with the decision, its text the note ("" none).
pub const RESOLVE_DRAFT_PREFIX: &str = "resolve:";

/// A comment and what followed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread<'a> {
    pub at: CommentRef,
    pub comment: &'a Comment,
    /// Each reply, with the version it was signed with, in order.
    pub replies: Vec<(u32, &'a Comment)>,
    /// Who resolved it, with the version whose decision did.
    pub resolved: Option<(u32, &'a Comment)>,
    /// Not resolved, but its own version or a later one was countersigned (a countersignature
    /// settles the comments made before or with it): the first such version.
    pub settled_by: Option<u32>,
}

impl Thread<'_> {
    pub fn is_open(&self) -> bool {
        self.resolved.is_none() && self.settled_by.is_none()
    }

    /// The thread as lines to read, oldest first: "Version 1, Sam Senior (SPO), 2 December 2026:
    /// Check 3.4", "Reply with version 2, Alex Trainee (PQiP), 3 December 2026: Checked",
    /// "Resolved with version 2, Sam Senior (SPO), 3 December 2026: Resolved".
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "Version {}, {}",
            self.at.version,
            self.comment.said()
        )];
        lines.extend(
            self.replies
                .iter()
                .map(|(version, reply)| format!("Reply with version {version}, {}", reply.said())),
        );
        if let Some((version, resolution)) = self.resolved {
            lines.push(format!(
                "Resolved with version {version}, {}",
                resolution.said()
            ));
        } else if let Some(version) = self.settled_by {
            lines.push(format!("Settled when version {version} was countersigned"));
        }
        lines
    }
}

impl CaseSigning {
    /// Every thread, in the order its comment was made (version by version).
    pub fn threads(&self) -> Vec<Thread<'_>> {
        let mut threads: Vec<Thread<'_>> = Vec::new();
        for version in &self.versions {
            for (index, comment) in version.comments.iter().enumerate() {
                let at = CommentRef {
                    version: version.number,
                    index: index as u32,
                };
                match (comment.reply_to, comment.resolves) {
                    (Some(to), _) => {
                        if let Some(thread) = threads.iter_mut().find(|thread| thread.at == to) {
                            thread.replies.push((version.number, comment));
                        }
                    }
                    (None, Some(of)) => {
                        if let Some(thread) = threads.iter_mut().find(|thread| thread.at == of) {
                            thread.resolved.get_or_insert((version.number, comment));
                        }
                    }
                    (None, None) => threads.push(Thread {
                        at,
                        comment,
                        replies: Vec::new(),
                        resolved: None,
                        settled_by: None,
                    }),
                }
            }
        }
        for thread in threads
            .iter_mut()
            .filter(|thread| thread.resolved.is_none())
        {
            thread.settled_by = self
                .versions
                .iter()
                .find(|version| {
                    version.number >= thread.at.version && version.countersigned_by.is_some()
                })
                .map(|version| version.number);
        }
        threads
    }

    /// The threads on one section, goal or the whole assessment, oldest first.
    pub fn threads_on<'a>(&'a self, target: &CommentTarget) -> Vec<Thread<'a>> {
        self.threads()
            .into_iter()
            .filter(|thread| &thread.comment.on == target)
            .collect()
    }

    /// The open threads: what the officer and the senior still have to settle.
    pub fn open_threads(&self) -> Vec<Thread<'_>> {
        self.threads().into_iter().filter(Thread::is_open).collect()
    }

    /// The threads on `target` to act on now: the open ones while the draft is open (a rework,
    /// or a review); none while a version waits for a senior or is locked.
    pub fn threads_to_act_on<'a>(&'a self, target: &CommentTarget) -> Vec<Thread<'a>> {
        if !self.draft_is_open() {
            return Vec::new();
        }
        self.threads_on(target)
            .into_iter()
            .filter(Thread::is_open)
            .collect()
    }

    /// How many threads on section `section_id` or on one of its questions are to act on now: the
    /// task list's count beside the section.
    pub fn threads_to_act_on_in_section(&self, section_id: &str) -> usize {
        if !self.draft_is_open() {
            return 0;
        }
        self.threads()
            .iter()
            .filter(|thread| thread.is_open() && thread.comment.on.section_id() == Some(section_id))
            .count()
    }

    fn draft_is_open(&self) -> bool {
        matches!(self.draft_status(), super::DraftStatus::Open { .. })
    }

    /// The threads on `target` not to act on now ([`CaseSigning::threads_to_act_on`]), oldest
    /// first: what the draft shows under "Earlier comments".
    pub fn earlier_threads<'a>(&'a self, target: &CommentTarget) -> Vec<Thread<'a>> {
        let acting = self.draft_is_open();
        self.threads_on(target)
            .into_iter()
            .filter(|thread| !(acting && thread.is_open()))
            .collect()
    }

    /// The threads on `target` started before version `number`: what a senior reviewing it sees
    /// beside the item, each open one with a box to mark it resolved.
    pub fn threads_before<'a>(&'a self, target: &CommentTarget, number: u32) -> Vec<Thread<'a>> {
        self.threads_on(target)
            .into_iter()
            .filter(|thread| thread.at.version < number)
            .collect()
    }

    /// The comment a reply or a resolution made with version `number` can refer to: one that
    /// starts a thread, on an earlier version, and is not resolved.
    fn thread_to_answer(&self, of: CommentRef, number: u32) -> Result<&Comment, SigningError> {
        let thread = self
            .threads()
            .into_iter()
            .find(|thread| thread.at == of && of.version < number)
            .ok_or(SigningError::NoSuchComment(of))?;
        if !thread.is_open() {
            return Err(SigningError::AlreadyResolved(of));
        }
        Ok(thread.comment)
    }

    /// Signs the draft ([`CaseSigning::sign`]) with the officer's replies as typed
    /// (`SigningRecord::reply_drafts`, keyed by [`CommentRef::key`]; blank ones skipped): each
    /// becomes a comment of the new version, so the signature covers it. All or nothing: a reply
    /// to no comment, or to a resolved one, refuses the signing and changes nothing.
    pub fn sign_with_replies(
        &mut self,
        snapshot: Snapshot,
        complete: bool,
        signer: &Profile,
        countersign_reasons: &[&str],
        replies: &BTreeMap<String, String>,
        at: &str,
    ) -> Result<u32, SigningError> {
        let mut next = self.clone();
        let number = next.sign(snapshot, complete, signer, countersign_reasons, at)?;
        for (key, text) in replies {
            if text.trim().is_empty() {
                continue;
            }
            let of = CommentRef::parse(key)
                .ok_or_else(|| SigningError::UnknownCommentKey(key.clone()))?;
            let on = next.thread_to_answer(of, number)?.on.clone();
            let text = required(text, SigningError::CommentMissing)?;
            let version = next
                .version_mut(number)
                .ok_or(SigningError::VersionNotFound(number))?;
            version.comments.push(Comment {
                reply_to: Some(of),
                ..Comment::new(on, text, signer.clone(), at.to_string())
            });
        }
        *self = next;
        Ok(number)
    }

    /// A senior marks the thread at `of` resolved, with a note or none, as part of their
    /// decision on version `number` (`CaseSigning::decide`, from a "resolve:" box).
    pub(super) fn resolve(
        &mut self,
        number: u32,
        of: CommentRef,
        note: &str,
        by: &Profile,
        at: &str,
    ) -> Result<(), SigningError> {
        let on = self.thread_to_answer(of, number)?.on.clone();
        let note = note.trim();
        if note.chars().count() > crate::domain::plan::TEXT_MAX_CHARS {
            return Err(SigningError::CommentTooLong);
        }
        let version = self.senior_acts(number, Action::Comment, by, at)?;
        version.comments.push(Comment {
            resolves: Some(of),
            ..Comment::new(on, note.to_string(), by.clone(), at.to_string())
        });
        Ok(())
    }
}
