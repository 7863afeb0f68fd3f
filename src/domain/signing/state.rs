//! The states of a version and the one table of moves between them (domain.md §6):
//!
//! ```text
//! unsigned draft ─sign─▶ self-signed
//!                └─sign for countersigning─▶ awaiting countersign ─countersign─▶ countersigned
//!                                              │  └─request double─▶ awaiting double countersign ─double countersign─▶ double countersigned
//!                                              └─return─▶ returned ◀─return─┘
//! ```
//!
//! Comments are added only while a version waits for a senior; they do not change its state.

use serde::{Deserialize, Serialize};

/// Where one version of the assessment and plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionState {
    /// Being written: never stored as a version, it is the draft in the store.
    UnsignedDraft,
    /// Signed by an officer whose work needs no countersigning.
    SelfSigned,
    AwaitingCountersign,
    Countersigned,
    /// Countersigned once, and the countersigner asked for a second senior's countersignature.
    AwaitingDoubleCountersign,
    DoubleCountersigned,
    /// Returned for rework, with comments: the rework is a new draft.
    Returned,
}

impl VersionState {
    pub const ALL: [VersionState; 7] = [
        VersionState::UnsignedDraft,
        VersionState::SelfSigned,
        VersionState::AwaitingCountersign,
        VersionState::Countersigned,
        VersionState::AwaitingDoubleCountersign,
        VersionState::DoubleCountersigned,
        VersionState::Returned,
    ];

    /// What the officer reads, e.g. in a tag: "Awaiting countersignature".
    pub fn label(self) -> &'static str {
        match self {
            VersionState::UnsignedDraft => "Unsigned draft",
            VersionState::SelfSigned => "Self-signed",
            VersionState::AwaitingCountersign => "Awaiting countersignature",
            VersionState::Countersigned => "Countersigned",
            VersionState::AwaitingDoubleCountersign => "Awaiting double countersignature",
            VersionState::DoubleCountersigned => "Double countersigned",
            VersionState::Returned => "Returned for rework",
        }
    }

    /// The stored value: "awaiting_countersign".
    pub fn code(self) -> &'static str {
        match self {
            VersionState::UnsignedDraft => "unsigned_draft",
            VersionState::SelfSigned => "self_signed",
            VersionState::AwaitingCountersign => "awaiting_countersign",
            VersionState::Countersigned => "countersigned",
            VersionState::AwaitingDoubleCountersign => "awaiting_double_countersign",
            VersionState::DoubleCountersigned => "double_countersigned",
            VersionState::Returned => "returned",
        }
    }

    /// Every signed state is read-only: later edits make a new version.
    pub fn is_locked(self) -> bool {
        self != VersionState::UnsignedDraft
    }

    /// Waiting for a senior to countersign, ask for a second countersignature, or return it.
    pub fn is_awaiting(self) -> bool {
        matches!(
            self,
            VersionState::AwaitingCountersign | VersionState::AwaitingDoubleCountersign
        )
    }

    /// Signed and not returned: the version stands as the assessment of the case.
    pub fn is_accepted(self) -> bool {
        matches!(
            self,
            VersionState::SelfSigned
                | VersionState::Countersigned
                | VersionState::DoubleCountersigned
        )
    }

    /// Whether `later` can be reached from this state by zero or more moves: how an import tells
    /// a newer copy of a version from an older or a conflicting one.
    pub fn leads_to(self, later: VersionState) -> bool {
        self == later
            || Action::ALL
                .iter()
                .filter_map(|action| next_state(self, *action))
                .filter(|next| *next != self)
                .any(|next| next.leads_to(later))
    }
}

/// Something done to a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Sign work that needs no countersigning.
    Sign,
    /// Sign work that needs countersigning: it goes to a senior.
    SignForCountersigning,
    Countersign,
    /// Countersign and ask a second senior to countersign too.
    RequestDoubleCountersign,
    DoubleCountersign,
    ReturnForRework,
    Comment,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Sign,
        Action::SignForCountersigning,
        Action::Countersign,
        Action::RequestDoubleCountersign,
        Action::DoubleCountersign,
        Action::ReturnForRework,
        Action::Comment,
    ];

    /// Completes "it cannot be …": "signed again", "countersigned".
    pub fn refused_as(self) -> &'static str {
        match self {
            Action::Sign | Action::SignForCountersigning => "signed again",
            Action::Countersign => "countersigned",
            Action::RequestDoubleCountersign => "sent for a double countersignature",
            Action::DoubleCountersign => "double countersigned",
            Action::ReturnForRework => "returned for rework",
            Action::Comment => "commented on",
        }
    }
}

/// The state an action leads to, or `None` when the state does not allow it.
/// The one table of moves; `CaseSigning` adds the checks on who and what.
pub fn next_state(from: VersionState, action: Action) -> Option<VersionState> {
    use Action as A;
    use VersionState as S;
    match (from, action) {
        (S::UnsignedDraft, A::Sign) => Some(S::SelfSigned),
        (S::UnsignedDraft, A::SignForCountersigning) => Some(S::AwaitingCountersign),
        (S::AwaitingCountersign, A::Countersign) => Some(S::Countersigned),
        (S::AwaitingCountersign, A::RequestDoubleCountersign) => Some(S::AwaitingDoubleCountersign),
        (S::AwaitingDoubleCountersign, A::DoubleCountersign) => Some(S::DoubleCountersigned),
        (S::AwaitingCountersign | S::AwaitingDoubleCountersign, A::ReturnForRework) => {
            Some(S::Returned)
        }
        (S::AwaitingCountersign | S::AwaitingDoubleCountersign, A::Comment) => Some(from),
        _ => None,
    }
}
