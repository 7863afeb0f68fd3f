//! The team sync engine (issue 21): one cycle pulls the team's documents, takes the team key from
//! the keyring (a senior makes it and wraps it to each member of their team list), merges what
//! came in into this browser's records field by field, seals what changed here, and pushes. The
//! rules are `domain::sync`; documents and logs are `store::replica`; the network is `net`. Only
//! the live workbook's records sync, never the practice space's.
//!
//! Fields both sides changed are kept (`domain::sync::conflicts`) until the officer chooses.
//!
//! A document that branched on the server is merged from all its live leaves, the others ended
//! with tombstones.
//!
//! The team list on the server (`domain::sync::epochs`): a senior publishes their list's changes,
//! signed and sealed, and a member's removal starts a new epoch — a new key wrapped to those who
//! remain, the team's documents re-sealed under it by the senior — so a leaver's later writes are
//! refused. Authors are checked against the latest list (the officer's own before there is one).

use std::collections::BTreeMap;

use serde_json::json;

use crate::domain::keys::{Fingerprint, Team, TeamMember};
use crate::domain::sync::conflicts::{with_field, OpenConflict, OpenConflicts};
use crate::domain::sync::connect::Connection;
use crate::domain::sync::documents::{
    document_id, fields_of, id_secret, latest, take, take_branches, unflatten, Content,
    SYNCED_STORES,
};
use crate::domain::sync::envelope::{
    seal_unsigned, Envelope, EnvelopeError, Place, Unsigned, IV_BYTES, KEY_BYTES,
};
use crate::domain::sync::epochs::{
    open_team_list, team_list_id, team_list_plaintext, to_publish, Epochs, Publish,
    TEAM_LIST_SCHEMA,
};
use crate::domain::sync::keyring::{
    key_from_plaintext, key_plaintext, keyring_entry, keyring_id, open_keyring_entry,
};
use crate::domain::sync::memory::Document;
use crate::domain::sync::replicate::{
    pull, push, wait_for_change, Replica, SyncError, LONGPOLL_MS, PULL_BATCH,
};
use crate::domain::sync::{replication_id, Conflict, Direction, Fields, Hlc, Rev};
use crate::net::FetchTransport;
use crate::store::crypto::window_crypto;
use crate::store::identity::{open_sealed_for_me, seal_for, sign, MyKeys};
use crate::store::replica::IdbReplica;
use crate::store::tab_lock::{exclusively, team_sync_lock};
use crate::store::{Store, StoreError, CASES, RECORD_SCHEMA_VERSION};

/// The setting holding the team list a senior last published to the server (or adopted): what
/// their own list's changes are measured from (`epochs::to_publish`).
const PUBLISHED: &str = "published-team";

/// The setting listing the cases that came from the team.
const ARRIVED: &str = "arrived";
/// The setting naming who made each case that came from the team: case id → the fingerprint that
/// first sealed its record (the author of its `created_at`).
const OWNERS: &str = "owners";
/// The setting noting, for each record ("store/key"), the revision of it here that was last agreed
/// with the team: a record still at that revision has not changed here since, and is not read
/// again field by field (a cycle over 1,000 cases read every record's document each time).
const AGREED_REVISIONS: &str = "agreed-revisions";

/// The setting listing documents pulled but not yet taken in: each time, the record was saved
/// here between being read and being written (they are taken in again next cycle, and not
/// sealed until then, which would write the stale merge over the team's revision).
const PENDING: &str = "pending";
/// How many times a cycle reads and merges a record again when it was saved here meanwhile.
const TAKE_ATTEMPTS: usize = 3;

/// Whether a pulled document was taken in, or the record moved under the merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taking {
    Done,
    Moved,
}

/// Why a revision was not opened, and whether it was a leaver's write.
struct Refused {
    reason: String,
    leaver: bool,
}

impl Refused {
    fn other(reason: &str) -> Refused {
        Refused {
            reason: reason.to_string(),
            leaver: false,
        }
    }
}

/// Records' revisions here when last agreed with the team (`AGREED_REVISIONS`).
type Noted = BTreeMap<String, u64>;

fn noted_key(store: &str, key: &str) -> String {
    format!("{store}/{key}")
}

fn revision_of(value: &serde_json::Value) -> Option<u64> {
    value.get("revision").and_then(serde_json::Value::as_u64)
}

async fn arrived_cases(replica: &IdbReplica) -> Result<Vec<String>, SyncError> {
    Ok(replica
        .setting::<Vec<String>>(ARRIVED)
        .await
        .map_err(store_error)?
        .unwrap_or_default())
}

/// Who made each case that came from the team: case id → their fingerprint (empty when not
/// connected). The caseload lists a colleague's under "Team cases" (`domain::caseload::whose`).
pub async fn case_owners(store: &Store) -> Result<BTreeMap<String, String>, StoreError> {
    Ok(IdbReplica::new(store)
        .setting(OWNERS)
        .await?
        .unwrap_or_default())
}

/// The connection this browser keeps, if it is connected.
pub async fn connection(store: &Store) -> Result<Option<Connection>, StoreError> {
    IdbReplica::new(store).setting("connection").await
}

/// Keeps the connection (after signing in: never a password).
pub async fn connect(store: &Store, connection: &Connection) -> Result<(), StoreError> {
    IdbReplica::new(store)
        .put_setting("connection", connection)
        .await
}

/// Removes the team's data from this browser: the cases that came from the team (every record of
/// them), the team's documents, logs and the connection. The officer's own cases stay.
/// Where the open conflicts are kept: a replica setting, so "Disconnect" removes them too.
const CONFLICTS: &str = "conflicts";

async fn open_conflicts_in(replica: &IdbReplica) -> Result<OpenConflicts, SyncError> {
    Ok(replica
        .setting(CONFLICTS)
        .await
        .map_err(store_error)?
        .unwrap_or_default())
}

/// The fields changed on two devices that wait for the officer's choice.
pub async fn open_conflicts(store: &Store) -> Result<OpenConflicts, SyncError> {
    open_conflicts_in(&IdbReplica::new(store)).await
}

/// The officer's choice of a conflict: keeping the earlier change writes it into the record as a
/// change made here (the next cycle seals it with a later stamp, so every device takes it);
/// keeping the later one leaves the record as it stands. Either way the conflict is settled.
/// Returns the record written, if any (store, key, revision: this tab's open case takes it).
pub async fn settle_conflict(
    store: &Store,
    conflict: &OpenConflict,
    keep_earlier: bool,
) -> Result<Option<(String, String, u64)>, SyncError> {
    exclusively(&team_sync_lock(store.name()), async {
        let replica = IdbReplica::new(store);
        let mut open = open_conflicts_in(&replica).await?;
        let Some(settled) = open.settle(&conflict.store, &conflict.case, &conflict.field) else {
            return Ok(None);
        };
        let mut written = None;
        if keep_earlier {
            if let Some(value) = store
                .synced_value(&settled.store, &settled.case)
                .await
                .map_err(store_error)?
            {
                let record = with_field(&value, &settled.field, settled.earlier.value.as_ref());
                let Some(revision) = store
                    .put_synced(&settled.store, &settled.case, record, Some(&value))
                    .await
                    .map_err(store_error)?
                else {
                    return Err(SyncError::Store(
                        "the case changed while your choice was kept: choose again".into(),
                    ));
                };
                written = Some((settled.store.clone(), settled.case.clone(), revision));
            }
        }
        replica
            .put_setting(CONFLICTS, &open)
            .await
            .map_err(store_error)?;
        Ok(written)
    })
    .await
}

/// Never while another tab's cycle is writing team data here.
pub async fn remove_team_data(store: &Store) -> Result<(), SyncError> {
    exclusively(&team_sync_lock(store.name()), async {
        let replica = IdbReplica::new(store);
        let arrived = arrived_cases(&replica).await?;
        store.remove_cases(&arrived).await.map_err(store_error)?;
        replica.clear().await.map_err(store_error)
    })
    .await
}

/// What one cycle did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cycle {
    pub pulled: usize,
    pub pushed: usize,
    /// Records written here from the team: store, key and the revision written (this tab's
    /// screens take them as they take another tab's save).
    pub written: Vec<(String, String, u64)>,
    /// Records sealed here for the team.
    pub sealed: usize,
    /// Documents that did not open: id and why (nothing of them applied).
    pub quarantined: Vec<(String, String)>,
    /// Fields both sides changed, by document: shown to the officer.
    pub conflicts: BTreeMap<String, Vec<(String, Conflict)>>,
    /// No team key for this officer yet: their senior has not added them to team sync.
    pub waiting_for_key: bool,
    /// Documents pulled but not taken in (the record was saved here under the merge each time):
    /// the next cycle takes them in, and should come soon.
    pub pending: usize,
    /// Documents a senior sealed again under a new team key (someone left the team).
    pub resealed: usize,
}

fn store_error(error: StoreError) -> SyncError {
    SyncError::Store(error.to_string())
}

fn random<const N: usize>() -> Result<[u8; N], SyncError> {
    let mut bytes = [0u8; N];
    window_crypto()
        .and_then(|crypto| {
            crypto
                .get_random_values_with_u8_array(&mut bytes)
                .map(|_| ())
                .map_err(|_| "no random numbers".to_string())
        })
        .map_err(SyncError::Store)?;
    Ok(bytes)
}

fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// A leaf revision of a document as this browser holds it (the winner, or a branch that lost):
/// the revision, the one it follows, and its envelope (or why there is none).
struct Winning {
    rev: Rev,
    parent: Option<Rev>,
    envelope: Result<Envelope, &'static str>,
}

impl Winning {
    fn of(document: &Document) -> Option<Winning> {
        Some(Winning::at(document, document.tree.winner()?.clone()))
    }

    fn at(document: &Document, rev: Rev) -> Winning {
        let parent = document
            .tree
            .node(&rev)
            .and_then(|node| node.parent.clone());
        let envelope = document
            .bodies
            .get(&rev)
            .ok_or("nothing stored for its winning revision")
            .and_then(|body| {
                serde_json::from_value(body.clone()).map_err(|_| "it is not an envelope")
            });
        Winning {
            rev,
            parent,
            envelope,
        }
    }
}

/// One browser's sync with its team.
pub struct TeamSync {
    store: Store,
    replica: IdbReplica,
    connection: Connection,
    keys: MyKeys,
    /// The team keys this browser was given and the team lists it has taken, with the officer's
    /// own team list (themself in it): whose keyring entries and team lists are trusted.
    epochs: Epochs,
    /// Keyring entries (their ids) known to be here: not looked for again.
    wrapped: std::collections::BTreeSet<String>,
    /// The revision of each epoch's team list last taken: one still winning is not opened and
    /// checked again every cycle.
    lists_taken: BTreeMap<u32, Rev>,
    client: String,
}

impl TeamSync {
    /// The engine for `store` (the live workbook's) and its connection.
    pub async fn new(
        store: &Store,
        connection: Connection,
        keys: MyKeys,
        team: Team,
    ) -> Result<TeamSync, SyncError> {
        let replica = IdbReplica::new(store);
        let client = match replica
            .setting::<String>("client")
            .await
            .map_err(store_error)?
        {
            Some(client) => client,
            None => {
                let client: String = random::<16>()?.iter().map(|b| format!("{b:02x}")).collect();
                replica
                    .put_setting("client", &client)
                    .await
                    .map_err(store_error)?;
                client
            }
        };
        Ok(TeamSync {
            store: store.clone(),
            replica,
            connection,
            keys,
            epochs: Epochs::new(team),
            wrapped: Default::default(),
            lists_taken: BTreeMap::new(),
            client,
        })
    }

    /// The officer's own team list changed (someone added or removed on the Team page): trusted
    /// from the next cycle, and published by a senior.
    pub fn set_team(&mut self, team: Team) {
        if self.epochs.own() != &team {
            // The lists were taken on the strength of the old one: checked again.
            self.lists_taken.clear();
            self.epochs.set_own(team);
        }
    }

    fn me(&self) -> Fingerprint {
        self.keys.public.fingerprint()
    }

    fn place<'a>(&'a self, id: &'a str, parent: Option<&'a Rev>) -> Place<'a> {
        Place {
            team: &self.connection.team,
            database: &self.connection.database,
            id,
            generation: parent.map_or(1, |rev| rev.generation + 1),
            parent,
        }
    }

    /// Where a pulled winning revision sits: its own generation (its parent may be stemmed).
    fn place_of<'a>(&'a self, id: &'a str, winning: &'a Winning) -> Place<'a> {
        Place {
            generation: winning.rev.generation,
            ..self.place(id, winning.parent.as_ref())
        }
    }

    /// Pull, keys, merge in, seal out, push: in one tab of this browser at a time (every tab runs
    /// its own loop over the one replica; two cycles at once would seal a change twice, and
    /// their checkpoints collide on the server).
    pub async fn cycle(&mut self) -> Result<Cycle, SyncError> {
        exclusively(&team_sync_lock(self.store.name()), self.cycle_here()).await
    }

    async fn cycle_here(&mut self) -> Result<Cycle, SyncError> {
        let mut cycle = Cycle::default();
        let mut transport = FetchTransport::new(&self.connection.server);
        let database = self.connection.database.clone();
        let (pull_id, push_id) = (
            self.replication(Direction::Pull),
            self.replication(Direction::Push),
        );
        let before = self.replica.last_sequence().await.map_err(store_error)?;
        cycle.pulled = pull(
            &mut transport,
            &mut self.replica,
            &database,
            &pull_id,
            &self.client,
            PULL_BATCH,
        )
        .await?
        .revisions;
        cycle.quarantined.extend(self.read_epochs().await?);
        let publishing = if self.connection.senior {
            self.prepare_publishing().await?
        } else {
            None
        };
        if self.epochs.sealing().is_none() || self.epochs.ids_key().is_none() {
            cycle.waiting_for_key = true;
            return Ok(cycle);
        }
        let changed = self.replica.changes_since(before, usize::MAX).await;
        let read = self.clock().await?;
        let mut clock = read;
        let noted_before = self.noted().await?;
        let mut noted = noted_before.clone();
        let pending: Vec<String> = self
            .replica
            .setting(PENDING)
            .await
            .map_err(store_error)?
            .unwrap_or_default();
        let mut ids: Vec<String> = changed
            .into_iter()
            .map(|(_, id)| id)
            .filter(|id| id.len() == 32)
            .collect();
        for id in &pending {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        let mut still = Vec::new();
        for id in ids {
            let mut taking = Taking::Moved;
            for _ in 0..TAKE_ATTEMPTS {
                taking = self
                    .take_in(&id, &mut clock, &mut cycle, &mut noted)
                    .await?;
                if taking == Taking::Done {
                    break;
                }
            }
            if taking == Taking::Moved {
                still.push(id);
            }
        }
        cycle.pending = still.len();
        if still != pending {
            self.replica
                .put_setting(PENDING, &still)
                .await
                .map_err(store_error)?;
        }
        self.note_owners().await?;
        self.seal_out(&mut clock, &mut cycle, &mut noted, &still)
            .await?;
        if let Some((publish, published)) = publishing {
            self.publish(publish, &published, &mut cycle).await?;
        }
        if noted != noted_before {
            self.replica
                .put_setting(AGREED_REVISIONS, &noted)
                .await
                .map_err(store_error)?;
        }
        if clock != read {
            self.replica
                .put_setting("clock", &clock)
                .await
                .map_err(store_error)?;
        }
        cycle.pushed = push(
            &mut transport,
            &mut self.replica,
            &database,
            &push_id,
            &self.client,
        )
        .await?
        .revisions;
        Ok(cycle)
    }

    /// Waits, with CouchDB's longpoll, until the team's database has a change this browser has not
    /// pulled, or [`LONGPOLL_MS`] pass: `true` when there is one. Outside the tab lock: a tab
    /// waiting never holds up another's cycle.
    pub async fn wait_for_change(&self) -> Result<bool, SyncError> {
        let mut transport =
            FetchTransport::new(&self.connection.server).with_timeout(LONGPOLL_MS as i32 + 10_000);
        wait_for_change(
            &mut transport,
            &self.replica,
            &self.connection.database,
            &self.replication(Direction::Pull),
            LONGPOLL_MS,
        )
        .await
    }

    /// This browser's replication id for the team's database, one way.
    fn replication(&self, direction: Direction) -> String {
        let url = format!("{}/{}", self.connection.server, self.connection.database);
        replication_id(&self.client, &url, direction)
    }

    async fn noted(&self) -> Result<Noted, SyncError> {
        Ok(self
            .replica
            .setting(AGREED_REVISIONS)
            .await
            .map_err(store_error)?
            .unwrap_or_default())
    }

    async fn clock(&self) -> Result<Hlc, SyncError> {
        Ok(self
            .replica
            .setting::<Hlc>("clock")
            .await
            .map_err(store_error)?
            .unwrap_or_default())
    }

    /// The winning revision of document `id` here, with its envelope, if it has one.
    async fn winning(&self, id: &str) -> Result<Option<(Winning, Envelope)>, SyncError> {
        let Some(document) = self.replica.document(id).await.map_err(store_error)? else {
            return Ok(None);
        };
        Ok(Winning::of(&document).and_then(|winning| {
            let envelope = winning.envelope.clone().ok()?;
            Some((winning, envelope))
        }))
    }

    /// This officer's key for `epoch`, from their keyring entry, if a trusted senior wrote one.
    async fn take_key(&self, epoch: u32) -> Result<Option<[u8; KEY_BYTES]>, SyncError> {
        let id = keyring_id(epoch, &self.me());
        let Some((winning, envelope)) = self.winning(&id).await? else {
            return Ok(None);
        };
        let place = self.place_of(&id, &winning);
        let Ok(sealed) = open_keyring_entry(&envelope, &place, self.epochs.own()) else {
            return Ok(None);
        };
        let Ok(plaintext) = open_sealed_for_me(&self.keys, &sealed).await else {
            return Ok(None);
        };
        Ok(key_from_plaintext(&plaintext, &self.connection.team, epoch).ok())
    }

    /// The keys this officer was given, epoch by epoch, and the team lists on the server that
    /// open and were signed by a trusted senior, in order (the latest read again: a senior may
    /// have added someone). A list that does not open is named, with why.
    async fn read_epochs(&mut self) -> Result<Vec<(String, String)>, SyncError> {
        let mut epoch = 1;
        loop {
            if self.epochs.key(epoch).is_none() {
                match self.take_key(epoch).await? {
                    Some(key) => self.epochs.add_key(epoch, key),
                    None => break,
                }
            }
            epoch += 1;
        }
        let mut refused = Vec::new();
        let mut epoch = u32::try_from(self.epochs.lists().len())
            .unwrap_or(u32::MAX)
            .max(1);
        while let Some(key) = self.epochs.key(epoch) {
            let id = team_list_id(epoch);
            let Some((winning, envelope)) = self.winning(&id).await? else {
                break;
            };
            if self.lists_taken.get(&epoch) == Some(&winning.rev) {
                epoch += 1;
                continue;
            }
            let previous = (epoch as usize)
                .checked_sub(2)
                .and_then(|n| self.epochs.lists().get(n));
            match open_team_list(
                &envelope,
                &self.place_of(&id, &winning),
                &self.connection.team,
                epoch,
                &key,
                self.epochs.own(),
                previous,
            ) {
                Ok(list) => {
                    self.epochs.take_list(epoch, list);
                    self.lists_taken.insert(epoch, winning.rev);
                }
                Err(error) => {
                    refused.push((id, format!("the team list {epoch}: {error}")));
                    break;
                }
            }
            epoch += 1;
        }
        Ok(refused)
    }

    /// A senior's side of the team list before the cycle merges and seals: what to publish (and
    /// the list it measures from), the key of the epoch it is for (a new one when someone left,
    /// or for a team with no key yet), and keyring entries for everyone in it who has none, so
    /// what this cycle seals is readable by them and only them.
    async fn prepare_publishing(&mut self) -> Result<Option<(Publish, Team)>, SyncError> {
        let own = self.epochs.own().clone();
        let published: Option<Team> = self.replica.setting(PUBLISHED).await.map_err(store_error)?;
        let server = self
            .epochs
            .latest_list()
            .map(|list| (self.epochs.current(), list));
        let publish = to_publish(server, published.as_ref(), &own, self.epochs.lists());
        // Keys are wrapped only as far as the list they go with: a key ahead of the current list
        // (another senior's new epoch, its list not here yet) is never wrapped to the old list,
        // which holds the one who left.
        let (list, up_to) = match &publish {
            Publish::Replace { epoch, list } | Publish::NewEpoch { epoch, list } => {
                if self.epochs.key(*epoch).is_none() {
                    if *epoch == 1 || matches!(publish, Publish::NewEpoch { .. }) {
                        self.epochs.add_key(*epoch, random::<KEY_BYTES>()?);
                    } else {
                        // A list of an epoch whose key this senior was never given.
                        return Ok(None);
                    }
                }
                (list.clone(), *epoch)
            }
            Publish::Nothing => (self.epochs.members().clone(), self.epochs.current()),
        };
        self.wrap_for(&list, up_to).await?;
        if publish == Publish::Nothing {
            if published.is_none() {
                self.replica
                    .put_setting(PUBLISHED, &own)
                    .await
                    .map_err(store_error)?;
            }
            return Ok(None);
        }
        Ok(Some((publish, own)))
    }

    /// Publishes a senior's team list, after the cycle sealed its changes: for a new epoch, every
    /// document of the team whose winner is under an earlier key is first sealed again under the
    /// new one, so the list that makes it current comes last.
    async fn publish(
        &mut self,
        publish: Publish,
        own: &Team,
        cycle: &mut Cycle,
    ) -> Result<(), SyncError> {
        let (epoch, list, new_epoch) = match publish {
            Publish::Nothing => return Ok(()),
            Publish::Replace { epoch, list } => (epoch, list, false),
            Publish::NewEpoch { epoch, list } => (epoch, list, true),
        };
        if new_epoch {
            self.reseal(epoch, cycle).await?;
        }
        if self.epochs.key(epoch).is_none() {
            return Ok(());
        }
        let id = team_list_id(epoch);
        let parent = self.winning(&id).await?.map(|(winning, _)| winning.rev);
        let plaintext = team_list_plaintext(&self.connection.team, epoch, &list);
        let envelope = self
            .sealed(&id, parent.as_ref(), &plaintext, TEAM_LIST_SCHEMA, epoch)
            .await?;
        if self
            .replica
            .edit_after(&id, parent.as_ref(), envelope, false, None)
            .await
            .map_err(store_error)?
            .is_some()
        {
            self.epochs.take_list(epoch, list);
            self.replica
                .put_setting(PUBLISHED, own)
                .await
                .map_err(store_error)?;
        }
        Ok(())
    }

    /// Seals again under `epoch` every record document whose winner is sealed under an earlier
    /// key: opened as any pulled revision is, the same fields, signed by this senior, the fields
    /// last agreed left as they are. One that does not open is left (and stays refused).
    async fn reseal(&self, epoch: u32, cycle: &mut Cycle) -> Result<(), SyncError> {
        let mut ids: Vec<String> = self
            .replica
            .changes_since(0, usize::MAX)
            .await
            .into_iter()
            .map(|(_, id)| id)
            .filter(|id| id.len() == 32)
            .collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let Some(document) = self.replica.document(&id).await.map_err(store_error)? else {
                continue;
            };
            // A record ended everywhere stays ended: its tombstone is not sealed again.
            if document.tree.is_deleted() {
                continue;
            }
            let Some(winning) = Winning::of(&document) else {
                continue;
            };
            let Ok(envelope) = &winning.envelope else {
                continue;
            };
            if envelope.epoch >= epoch {
                continue;
            }
            // Opened as any pulled revision is: what was refused stays refused.
            let Ok((content, _)) = self.open_record(&id, &winning) else {
                continue;
            };
            let envelope = self
                .envelope_under(&id, Some(&winning.rev), &content, epoch)
                .await?;
            if self
                .replica
                .edit_after(&id, Some(&winning.rev), envelope, false, None)
                .await
                .map_err(store_error)?
                .is_some()
            {
                cycle.resealed += 1;
            }
        }
        Ok(())
    }

    /// A senior's keyring entries: for each member of `list` who has none yet, one for every epoch
    /// up to `up_to` whose key this senior holds (the first's makes document ids; the latest's
    /// seals). The senior's own first, so a new key is never lost if the tab closes meanwhile.
    async fn wrap_for(&mut self, list: &Team, up_to: u32) -> Result<(), SyncError> {
        let me = self.me();
        let mut members: Vec<&TeamMember> = list.members.iter().collect();
        members.sort_by_key(|member| member.fingerprint != me);
        for member in members {
            for epoch in 1..=up_to {
                let Some(key) = self.epochs.key(epoch) else {
                    continue;
                };
                let id = keyring_id(epoch, &member.fingerprint);
                if self.wrapped.contains(&id) {
                    continue;
                }
                if self
                    .replica
                    .document(&id)
                    .await
                    .map_err(store_error)?
                    .is_none()
                {
                    let plaintext = key_plaintext(&self.connection.team, epoch, &key);
                    let sealed = seal_for(&member.keys(), &plaintext)
                        .await
                        .map_err(SyncError::Store)?;
                    let unsigned =
                        keyring_entry(&sealed, &self.place(&id, None), epoch, &self.me());
                    let envelope = self.signed(unsigned).await?;
                    self.replica
                        .edit_after(&id, None, envelope, false, None)
                        .await
                        .map_err(store_error)?;
                }
                self.wrapped.insert(id);
            }
        }
        Ok(())
    }

    /// An envelope signed with this officer's key.
    async fn signed(&self, unsigned: Unsigned) -> Result<serde_json::Value, SyncError> {
        let signature = sign(&self.keys.signing_private, unsigned.message())
            .await
            .map_err(SyncError::Store)?;
        serde_json::to_value(unsigned.signed(&signature))
            .map_err(|error| SyncError::Store(error.to_string()))
    }

    /// The key document ids are made under (the first epoch's).
    fn id_secret(&self) -> Option<[u8; 32]> {
        self.epochs.ids_key().map(|key| id_secret(&key))
    }

    /// Opens the record a revision of document `id` holds, with the envelope's schema version: its
    /// author checked against the latest team list and its key as `Epochs::open` says, and the
    /// record's own document id checked against `id`.
    fn open_record(&self, id: &str, revision: &Winning) -> Result<(Content, u32), Refused> {
        let place = self.place_of(id, revision);
        let envelope = revision.envelope.clone().map_err(Refused::other)?;
        let bytes = self
            .epochs
            .open(&envelope, &place)
            .map_err(|error| Refused {
                leaver: error == EnvelopeError::RemovedAuthor,
                reason: error.to_string(),
            })?;
        let content = Content::from_bytes(&bytes)
            .ok_or_else(|| Refused::other("it does not hold a record"))?;
        let secret = self
            .id_secret()
            .ok_or_else(|| Refused::other("the team's first key is not here"))?;
        if document_id(&secret, &content.store, &content.key) != id {
            return Err(Refused::other(
                "it holds a record that belongs to another document",
            ));
        }
        Ok((content, envelope.schema))
    }

    /// Takes a pulled record document into this browser's record, merged field by field.
    async fn take_in(
        &self,
        id: &str,
        clock: &mut Hlc,
        cycle: &mut Cycle,
        noted: &mut Noted,
    ) -> Result<Taking, SyncError> {
        let Some((document, agreed)) = self
            .replica
            .document_and_agreed(id)
            .await
            .map_err(store_error)?
        else {
            return Ok(Taking::Done);
        };
        let agreed = agreed.unwrap_or_default();
        let Some(winning) = Winning::of(&document) else {
            return Ok(Taking::Done);
        };
        let winner_path = document.tree.path_to(&winning.rev);
        // A winner that does not open is named. If it is a leaver's write and this browser holds
        // the revision it replaced, that is taken in instead and sealed again after it (`repair`),
        // so the rest of the team, who may never have had it, get it back. Only for a leaver's:
        // a revision this browser cannot read for its own reasons (a key or a list it lacks) is
        // never written over.
        let mut repair = false;
        let (theirs, schema) = match self.open_record(id, &winning) {
            Ok(opened) => opened,
            Err(refused) => {
                cycle.quarantined.push((id.to_string(), refused.reason));
                let replaced = winner_path
                    .get(1)
                    .filter(|rev| refused.leaver && document.bodies.contains_key(*rev))
                    .and_then(|rev| {
                        self.open_record(id, &Winning::at(&document, rev.clone()))
                            .ok()
                    });
                match replaced {
                    Some(opened) => {
                        repair = true;
                        opened
                    }
                    None => return Ok(Taking::Done),
                }
            }
        };
        // Branches that lost (two devices pushed after the same revision): each opened as the
        // winner is, taken in, and ended with a tombstone in the same write as the merge. One that
        // does not open is named and left as it is.
        let mut branches = Vec::new();
        let mut ended = Vec::new();
        for leaf in document.tree.conflicts() {
            match self.open_record(id, &Winning::at(&document, leaf.clone())) {
                Ok((branch, _)) if branch.store == theirs.store && branch.key == theirs.key => {
                    // The fields of the revision the branch and the winner last shared, if this
                    // browser holds it and it opens (never `agreed`: that may be one of the two).
                    let shared = document
                        .tree
                        .path_to(leaf)
                        .into_iter()
                        .find(|rev| winner_path.contains(rev))
                        .and_then(|rev| self.open_record(id, &Winning::at(&document, rev)).ok())
                        .map(|(content, _)| content.fields)
                        .unwrap_or_default();
                    branches.push((shared, branch.fields));
                    ended.push(leaf.clone());
                }
                Ok(_) => cycle.quarantined.push((
                    id.to_string(),
                    format!("a branch of it ({leaf}) holds another record"),
                )),
                Err(refused) => cycle.quarantined.push((
                    id.to_string(),
                    format!("a branch of it ({leaf}): {}", refused.reason),
                )),
            }
        }
        let winner_fields = theirs.fields.clone();
        let merged = take_branches(&theirs.fields, &branches);
        let theirs = Content {
            fields: merged.fields,
            ..theirs
        };
        *clock = clock.receive(latest(&theirs.fields), now_ms());
        let here = self
            .store
            .synced_value(&theirs.store, &theirs.key)
            .await
            .map_err(store_error)?;
        let ours = match &here {
            Some(value) => fields_of(value, &agreed, clock.tick(now_ms()), &self.me().to_string()),
            None => agreed.clone(),
        };
        let mut taken = take(&agreed, &ours, &theirs.fields);
        taken.conflicts.extend(merged.conflicts);
        // The revision here once this is done: the one written, or the one read.
        let mut revision_here = here.as_ref().and_then(revision_of);
        if !taken.conflicts.is_empty() {
            self.keep_conflicts(&theirs.store, &theirs.key, &taken.conflicts)
                .await?;
            cycle
                .conflicts
                .insert(id.to_string(), taken.conflicts.clone());
        }
        if here.is_none() || taken.fields != ours {
            let mut record = unflatten(&taken.fields);
            record["schema_version"] = json!(schema);
            record["revision"] = json!(0);
            record["updated_at"] = json!(String::from(js_sys::Date::new_0().to_iso_string()));
            if here.is_none() {
                self.arrived(&theirs.key).await?;
            }
            match self
                .store
                .put_synced(&theirs.store, &theirs.key, record, here.as_ref())
                .await
            {
                // Saved here since it was read: merged again with that save, never over it.
                Ok(None) => return Ok(Taking::Moved),
                Ok(Some(revision)) => {
                    revision_here = Some(revision);
                    cycle
                        .written
                        .push((theirs.store.clone(), theirs.key.clone(), revision))
                }
                Err(StoreError::Newer) => {
                    // A newer build here wrote it: this tab leaves it alone.
                    return Ok(Taking::Done);
                }
                Err(error) => {
                    cycle.quarantined.push((
                        id.to_string(),
                        format!("it could not be saved here: {error}"),
                    ));
                    return Ok(Taking::Done);
                }
            }
        }
        let place = noted_key(&theirs.store, &theirs.key);
        // A winner a member sealed under a key no longer current (written before they learnt of
        // the new one, while a senior was sealing the team's documents again) is sealed again
        // under the current key by a senior's browser, as the others were: only a senior's, so
        // two members never trade revisions over it.
        let stale = self.connection.senior
            && winning
                .envelope
                .as_ref()
                .is_ok_and(|envelope| envelope.epoch < self.epochs.current());
        let agreed_now = if taken.fields == winner_fields && ended.is_empty() && !repair && !stale {
            self.replica
                .set_agreed(id, taken.fields)
                .await
                .map_err(store_error)?;
            true
        } else {
            let content = Content {
                fields: taken.fields,
                ..theirs
            };
            cycle.sealed += 1;
            self.seal_ending(id, Some(&winning.rev), content, &ended)
                .await?
        };
        // What is here is what was agreed: until it changes here, it need not be read again.
        match revision_here.filter(|_| agreed_now) {
            Some(revision) => noted.insert(place, revision),
            None => noted.remove(&place),
        };
        Ok(Taking::Done)
    }

    /// Notes who made each case that came from the team and is not named yet: the author of the
    /// `created_at` field last agreed for its case record.
    async fn note_owners(&self) -> Result<(), SyncError> {
        let arrived = arrived_cases(&self.replica).await?;
        let mut owners: BTreeMap<String, String> = self
            .replica
            .setting(OWNERS)
            .await
            .map_err(store_error)?
            .unwrap_or_default();
        let known = owners.len();
        let Some(secret) = self.id_secret() else {
            return Ok(());
        };
        let unnamed: Vec<&String> = arrived
            .iter()
            .filter(|case| !owners.contains_key(*case))
            .collect();
        for case in unnamed {
            let id = document_id(&secret, CASES, case);
            if let Some((_, Some(agreed))) = self
                .replica
                .document_and_agreed(&id)
                .await
                .map_err(store_error)?
            {
                if let Some(made) = agreed.get("created_at") {
                    owners.insert(case.clone(), made.by.clone());
                }
            }
        }
        if owners.len() != known {
            self.replica
                .put_setting(OWNERS, &owners)
                .await
                .map_err(store_error)?;
        }
        Ok(())
    }

    /// Notes that case `key` came from the team (it leaves this browser on disconnecting).
    async fn arrived(&self, key: &str) -> Result<(), SyncError> {
        let mut arrived = arrived_cases(&self.replica).await?;
        if !arrived.iter().any(|known| known == key) {
            arrived.push(key.to_string());
            self.replica
                .put_setting(ARRIVED, &arrived)
                .await
                .map_err(store_error)?;
        }
        Ok(())
    }

    /// Keeps the fields both sides changed until the officer chooses, each side named from the
    /// officer's team list (`domain::sync::conflicts`).
    async fn keep_conflicts(
        &self,
        store: &str,
        case: &str,
        conflicts: &[(String, Conflict)],
    ) -> Result<(), SyncError> {
        let case_name = self
            .store
            .case(case)
            .await
            .ok()
            .flatten()
            .map(|record| record.details.name)
            .unwrap_or_default();
        let name = |by: &str| {
            let fingerprint = Fingerprint::parse(by);
            [self.epochs.members(), self.epochs.own()]
                .into_iter()
                .find_map(|team| {
                    let member = team.by_fingerprint(fingerprint.as_ref()?)?;
                    Some(team.label(member))
                })
                .unwrap_or_else(|| "someone not in your team list".to_string())
        };
        let mut open = open_conflicts_in(&self.replica).await?;
        for (field, conflict) in conflicts {
            open.record(OpenConflict::of(
                store, case, &case_name, field, conflict, name,
            ));
        }
        self.replica
            .put_setting(CONFLICTS, &open)
            .await
            .map_err(store_error)
    }

    /// How many records changed here wait to be sealed and sent (0 before the team key is known).
    /// The key is taken from this browser's keyring entry if no cycle has taken it yet: a tab
    /// opened offline counts what waits as well as one that synced before the network went.
    pub async fn waiting(&mut self) -> usize {
        if self.epochs.ids_key().is_none() {
            let _ = self.read_epochs().await;
        }
        let mut noted = self.noted().await.unwrap_or_default();
        self.changed_here(Hlc::default(), &mut noted, &[])
            .await
            .map_or(0, |changed| changed.len())
    }

    /// This browser's case records whose fields (stamped `at` where changed) differ from those last
    /// agreed with the team, each with its document id and winning revision: one read per store.
    /// A record still at the revision `noted` when last agreed is passed over unread; one found
    /// unchanged is noted.
    async fn changed_here(
        &self,
        at: Hlc,
        noted: &mut Noted,
        pending: &[String],
    ) -> Result<Vec<(String, Option<Rev>, Content, Option<u64>)>, StoreError> {
        let Some(secret) = self.id_secret() else {
            return Ok(Vec::new());
        };
        let me = self.me().to_string();
        let cases = self.store.cases().await?;
        let mut changed = Vec::new();
        for store in SYNCED_STORES {
            let values = self.store.synced_values(store).await?;
            for case in &cases {
                let Some(value) = values.get(&case.id) else {
                    continue;
                };
                let place = noted_key(store, &case.id);
                let revision = revision_of(value);
                if revision.is_some() && noted.get(&place) == revision.as_ref() {
                    continue;
                }
                let id = document_id(&secret, store, &case.id);
                if pending.contains(&id) {
                    continue;
                }
                let (winner, agreed) = match self.replica.document_and_agreed(&id).await? {
                    Some((document, agreed)) => (document.tree.winner().cloned(), agreed),
                    None => (None, None),
                };
                let fields = fields_of(value, agreed.as_ref().unwrap_or(&Fields::new()), at, &me);
                if agreed.as_ref() != Some(&fields) {
                    let content = Content {
                        store: store.to_string(),
                        key: case.id.clone(),
                        fields,
                    };
                    changed.push((id, winner, content, revision));
                } else if let Some(revision) = revision {
                    noted.insert(place, revision);
                }
            }
        }
        Ok(changed)
    }

    /// Seals every record changed here since it was last agreed.
    async fn seal_out(
        &self,
        clock: &mut Hlc,
        cycle: &mut Cycle,
        noted: &mut Noted,
        pending: &[String],
    ) -> Result<(), SyncError> {
        let at = clock.tick(now_ms());
        let changed = self
            .changed_here(at, noted, pending)
            .await
            .map_err(store_error)?;
        if !changed.is_empty() {
            *clock = at;
        }
        for (id, winner, content, revision) in changed {
            let place = noted_key(&content.store, &content.key);
            if self.seal(&id, winner.as_ref(), content).await? {
                cycle.sealed += 1;
                match revision {
                    Some(revision) => noted.insert(place, revision),
                    None => noted.remove(&place),
                };
            }
        }
        Ok(())
    }

    /// Seals `content` as the next revision of `id` after `parent`; `false` if a pull moved the
    /// winner meanwhile (the next cycle merges first).
    async fn seal(
        &self,
        id: &str,
        parent: Option<&Rev>,
        content: Content,
    ) -> Result<bool, SyncError> {
        self.seal_ending(id, parent, content, &[]).await
    }

    /// A sealed and signed envelope of `content` for the revision of `id` after `parent`, under
    /// the latest key this browser holds.
    async fn envelope(
        &self,
        id: &str,
        parent: Option<&Rev>,
        content: &Content,
    ) -> Result<serde_json::Value, SyncError> {
        let epoch = self
            .epochs
            .sealing()
            .ok_or_else(|| SyncError::Store("no team key to seal with".into()))?;
        self.envelope_under(id, parent, content, epoch).await
    }

    /// [`TeamSync::envelope`] under `epoch`'s key.
    async fn envelope_under(
        &self,
        id: &str,
        parent: Option<&Rev>,
        content: &Content,
        epoch: u32,
    ) -> Result<serde_json::Value, SyncError> {
        self.sealed(
            id,
            parent,
            &content.to_bytes(),
            RECORD_SCHEMA_VERSION,
            epoch,
        )
        .await
    }

    /// `plaintext` (of layout `schema`) sealed under `epoch`'s key as the revision of `id` after
    /// `parent`, and signed: a record or a team list.
    async fn sealed(
        &self,
        id: &str,
        parent: Option<&Rev>,
        plaintext: &[u8],
        schema: u32,
        epoch: u32,
    ) -> Result<serde_json::Value, SyncError> {
        let key = self
            .epochs
            .key(epoch)
            .ok_or_else(|| SyncError::Store(format!("team key {epoch} is not here")))?;
        let iv = random::<IV_BYTES>()?;
        let unsigned = seal_unsigned(
            plaintext,
            &self.place(id, parent),
            schema,
            epoch,
            &key,
            iv,
            &self.me(),
        )
        .ok_or_else(|| SyncError::Store("a document too large to seal".into()))?;
        self.signed(unsigned).await
    }

    /// Seals `content` after `parent` as [`TeamSync::seal`] does, and ends each branch in `ended`
    /// with a tombstone, in one write: the merge of a branched document.
    async fn seal_ending(
        &self,
        id: &str,
        parent: Option<&Rev>,
        content: Content,
        ended: &[Rev],
    ) -> Result<bool, SyncError> {
        let envelope = self.envelope(id, parent, &content).await?;
        let mut tombstones = Vec::new();
        for leaf in ended {
            let nothing = Content {
                fields: Fields::new(),
                ..content.clone()
            };
            tombstones.push((leaf.clone(), self.envelope(id, Some(leaf), &nothing).await?));
        }
        Ok(self
            .replica
            .edit_after_ending(id, parent, envelope, Some(content.fields), tombstones)
            .await
            .map_err(store_error)?
            .is_some())
    }
}
