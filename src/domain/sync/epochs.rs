//! The team's epochs (issue 21, sync.md "Encryption and keys", "Removing a member"): the signed
//! team list a senior keeps on the server, one per epoch, and what a browser makes of the lists
//! and keys it holds — which key seals new documents, which revisions it takes, whose writes count.
//!
//! The server's list `team-list-N` is sealed under epoch N's key (the server learns membership
//! from its users anyway, but not names or grades) and signed by a senior: one of the officer's
//! own team list (added from an identity card, the trust anchor), or of the list before it, so a
//! team can change seniors. A senior publishes their own list's changes since they last published
//! ([`to_publish`]): someone added is added to the server's list under the same key; someone
//! removed starts a new epoch, whose key is wrapped only to those who remain, and the senior
//! re-seals the team's documents under it. A leaver's writes are refused as theirs; a remaining
//! member's sealed under the old key (made before they learnt of the new one) are still taken
//! (`Epochs::open`): refusing them would lose their work and protect nothing their signature
//! does not. This departs from sync.md, which refuses every revision under a superseded epoch.
//!
//! Known limits: two seniors starting a new epoch at the same moment make two keys, and the
//! server's winner decides whose; a senior removed from the server's list but still in an
//! officer's own list is still trusted by that officer to sign lists and keyring entries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::envelope::{open, Author, Envelope, EnvelopeError, Keyring, Place, KEY_BYTES};
use crate::domain::keys::{Fingerprint, Team, TeamMember, TEAM_VERSION};
use crate::domain::package::canonical_json;

/// The layout version a team list document's envelope carries.
pub const TEAM_LIST_SCHEMA: u32 = TEAM_VERSION;

/// The document id of epoch `epoch`'s team list: "team-list-2" (the validation lets only seniors
/// write ids of this form).
pub fn team_list_id(epoch: u32) -> String {
    format!("team-list-{epoch}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListedTeam {
    team: String,
    epoch: u32,
    members: Vec<TeamMember>,
}

/// Why a team list document was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamListError {
    #[error("it could not be opened: {0}")]
    Envelope(#[from] EnvelopeError),
    #[error("it is not a team list this version of Probation Workbook reads")]
    Malformed,
    #[error("it is the list of {found}, not of {expected}")]
    Elsewhere { expected: String, found: String },
    #[error("it does not hold together: {0}")]
    Damaged(String),
}

/// The plaintext of epoch `epoch`'s list of team `team`: canonical JSON naming both, so a list
/// cannot be passed off as another team's or another epoch's.
pub fn team_list_plaintext(team: &str, epoch: u32, list: &Team) -> Vec<u8> {
    let listed = ListedTeam {
        team: team.to_string(),
        epoch,
        members: list.members.clone(),
    };
    let value = serde_json::to_value(&listed).unwrap_or_default();
    canonical_json(&value).into_bytes()
}

/// The list in an opened team list, refused unless it is `team`'s for `epoch` and holds together.
pub fn team_list_from_plaintext(
    plaintext: &[u8],
    team: &str,
    epoch: u32,
) -> Result<Team, TeamListError> {
    let listed: ListedTeam =
        serde_json::from_slice(plaintext).map_err(|_| TeamListError::Malformed)?;
    if listed.team != team || listed.epoch != epoch {
        return Err(TeamListError::Elsewhere {
            expected: format!("team {team}, key {epoch}"),
            found: format!("team {}, key {}", listed.team, listed.epoch),
        });
    }
    let list = Team {
        members: listed.members,
    };
    list.check().map_err(TeamListError::Damaged)?;
    Ok(list)
}

/// Whoever in `lists` may countersign, as an author: the seniors a team list is taken from.
fn senior_in(lists: &[&Team], fingerprint: &Fingerprint) -> Author {
    lists
        .iter()
        .find_map(|list| list.by_fingerprint(fingerprint))
        .filter(|member| member.grade.can_countersign())
        .map_or(Author::Unknown, |member| Author::Member(member.signing_key))
}

/// Opens epoch `epoch`'s team list, stored at `place` and sealed under that epoch's `key`: taken
/// only if signed by a senior of `trusted` (the officer's own list) or of `previous` (the list of
/// the epoch before, already taken).
pub fn open_team_list(
    envelope: &Envelope,
    place: &Place<'_>,
    team: &str,
    epoch: u32,
    key: &[u8; KEY_BYTES],
    trusted: &Team,
    previous: Option<&Team>,
) -> Result<Team, TeamListError> {
    let signers: Vec<&Team> = std::iter::once(trusted).chain(previous).collect();
    let keys = |wanted: u32| (wanted == epoch).then_some(*key);
    let author = |fingerprint: &Fingerprint| senior_in(&signers, fingerprint);
    let keyring = Keyring {
        keys: &keys,
        current_epoch: epoch,
        author: &author,
    };
    let plaintext = open(envelope, place, &keyring)?;
    team_list_from_plaintext(&plaintext, team, epoch)
}

/// What this browser knows of its team's epochs: the key of each it was given (from its keyring
/// entries) and the list of each it has taken (from the server), oldest first; and, until the
/// server holds a list, the officer's own team list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Epochs {
    keys: BTreeMap<u32, [u8; KEY_BYTES]>,
    /// `lists[n]` is epoch `n + 1`'s.
    lists: Vec<Team>,
    own: Team,
}

impl Epochs {
    /// Before any key or list: the officer's own team list (themself in it) names the authors.
    pub fn new(own: Team) -> Epochs {
        Epochs {
            own,
            ..Epochs::default()
        }
    }

    pub fn own(&self) -> &Team {
        &self.own
    }

    pub fn set_own(&mut self, own: Team) {
        self.own = own;
    }

    /// Epoch `epoch`'s key, if this browser was given it.
    pub fn key(&self, epoch: u32) -> Option<[u8; KEY_BYTES]> {
        self.keys.get(&epoch).copied()
    }

    pub fn add_key(&mut self, epoch: u32, key: [u8; KEY_BYTES]) {
        self.keys.insert(epoch, key);
    }

    /// The first epoch's key: document ids are made under it for good (`documents::id_secret`),
    /// so every member is given it, whenever they joined.
    pub fn ids_key(&self) -> Option<[u8; KEY_BYTES]> {
        self.key(1)
    }

    /// The lists taken so far, oldest first.
    pub fn lists(&self) -> &[Team] {
        &self.lists
    }

    /// The list of the latest epoch taken, if the server holds any.
    pub fn latest_list(&self) -> Option<&Team> {
        self.lists.last()
    }

    /// Takes epoch `lists().len() + 1`'s list, or replaces the latest one's (the same epoch, someone
    /// added).
    pub fn take_list(&mut self, epoch: u32, list: Team) {
        let taken = self.lists.len();
        if epoch as usize == taken + 1 {
            self.lists.push(list);
        } else if epoch as usize == taken && taken > 0 {
            self.lists[taken - 1] = list;
        }
    }

    /// The epoch whose documents are current: the latest list's (1 before the server holds one).
    /// A revision sealed under an earlier one is refused.
    pub fn current(&self) -> u32 {
        u32::try_from(self.lists.len()).unwrap_or(u32::MAX).max(1)
    }

    /// The epoch new documents are sealed under: the latest this browser has a key for (it may
    /// be ahead of [`Epochs::current`] while a senior's new list is on its way). `None` without
    /// any key, or without the current epoch's.
    pub fn sealing(&self) -> Option<u32> {
        let latest = *self.keys.keys().next_back()?;
        (latest >= self.current()).then_some(latest)
    }

    /// The members who name authors now: the latest list, or the officer's own before any.
    pub fn members(&self) -> &Team {
        self.lists.last().unwrap_or(&self.own)
    }

    /// Who wrote a document signed with this fingerprint's key, as the latest list says: a member,
    /// someone only an earlier list holds (a leaver, whose new writes are refused), or unknown.
    /// Before the server holds a list, the officer's own list names them.
    pub fn author(&self, fingerprint: &Fingerprint) -> Author {
        if let Some(member) = self.members().by_fingerprint(fingerprint) {
            return Author::Member(member.signing_key);
        }
        if self
            .lists
            .iter()
            .any(|list| list.by_fingerprint(fingerprint).is_some())
        {
            Author::Removed
        } else {
            Author::Unknown
        }
    }

    /// Opens a record's envelope stored at `place`: its author a member of the latest list, sealed
    /// under the current epoch's key or, by a member still in the team, an earlier one's (an edit
    /// made before they learnt of the new key). A leaver's is refused as theirs
    /// (`EnvelopeError::RemovedAuthor`), whatever its epoch.
    pub fn open(&self, envelope: &Envelope, place: &Place<'_>) -> Result<Vec<u8>, EnvelopeError> {
        let keys = |epoch: u32| self.key(epoch);
        let author = |fingerprint: &Fingerprint| self.author(fingerprint);
        let keyring = |current_epoch: u32| Keyring {
            keys: &keys,
            current_epoch,
            author: &author,
        };
        match open(envelope, place, &keyring(self.current())) {
            Err(EnvelopeError::SupersededEpoch { epoch, .. }) => {
                open(envelope, place, &keyring(epoch))
            }
            opened => opened,
        }
    }
}

/// What a senior's browser sends the server when their team list has changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publish {
    /// The server's list is as this senior's changes leave it.
    Nothing,
    /// Epoch `epoch`'s list, replaced (someone added, or the first list): the same key.
    Replace { epoch: u32, list: Team },
    /// A new epoch with this list (someone left): a new key, wrapped to those who remain.
    NewEpoch { epoch: u32, list: Team },
}

/// What a senior publishes, given the server's latest list (`server`, of epoch `epoch`), the list
/// they last published or adopted (`published`), their own list now (`own`, themself in it) and
/// every list the server held before (`earlier`). The changes they made since they last published
/// are applied to the server's list, so two seniors' changes both stand and neither undoes the
/// other's; someone they never listed is never removed. A senior who has not published from this
/// browser yet adds only people no list ever held: a leaver still in their own list is not let
/// back in. Before the server holds a list, their own list is epoch 1's.
pub fn to_publish(
    server: Option<(u32, &Team)>,
    published: Option<&Team>,
    own: &Team,
    earlier: &[Team],
) -> Publish {
    let Some((epoch, server)) = server else {
        return Publish::Replace {
            epoch: 1,
            list: own.clone(),
        };
    };
    // Added or changed (a grade confirmed again) since last published.
    let ever_listed = |member: &TeamMember| {
        std::iter::once(server)
            .chain(earlier)
            .any(|list| list.by_fingerprint(&member.fingerprint).is_some())
    };
    let changed: Vec<&TeamMember> = own
        .members
        .iter()
        .filter(|member| match published {
            Some(base) => !base.members.contains(member),
            None => !ever_listed(member),
        })
        .collect();
    let removed: Vec<&Fingerprint> = match published {
        Some(base) => base
            .members
            .iter()
            .map(|member| &member.fingerprint)
            .filter(|fingerprint| own.by_fingerprint(fingerprint).is_none())
            .collect(),
        None => Vec::new(),
    };
    let mut next = Team {
        members: server
            .members
            .iter()
            .filter(|member| !removed.contains(&&member.fingerprint))
            .map(|member| {
                changed
                    .iter()
                    .find(|change| change.fingerprint == member.fingerprint)
                    .map_or_else(|| member.clone(), |change| (*change).clone())
            })
            .collect(),
    };
    for member in changed {
        if next.by_fingerprint(&member.fingerprint).is_none()
            && next.by_signing_key(&member.signing_key).is_none()
            && next.by_encryption_key(&member.encryption_key).is_none()
        {
            next.members.push(member.clone());
        }
    }
    let left = server
        .members
        .iter()
        .any(|member| removed.contains(&&member.fingerprint));
    if left {
        Publish::NewEpoch {
            epoch: epoch.saturating_add(1),
            list: next,
        }
    } else if &next != server {
        Publish::Replace { epoch, list: next }
    } else {
        Publish::Nothing
    }
}
