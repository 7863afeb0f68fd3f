//! The team's content keys (issue 21, sync.md "Encryption and keys"): one AES-256 key per epoch,
//! made on the senior's device and wrapped to each member's ECDH P-256 encryption key with the
//! same sealing as case packages (`keys::sealed`: ephemeral ECDH → HKDF-SHA-256 → AES-256-GCM,
//! the recipient's fingerprint bound in). The sealed plaintext names the team and the epoch, so an
//! entry cannot be passed off as another team's or another epoch's key. Who wrote a document, and
//! the epochs a member's removal starts, are [`super::epochs`].

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::envelope::{
    author_of, open_payload, Envelope, EnvelopeError, Place, Unsigned, KEY_BYTES,
};
use crate::domain::keys::{parse_sealed, Fingerprint, SealedPackage, Team};
use crate::domain::package::canonical_json;

/// What a keyring entry seals for one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrappedKey {
    team: String,
    epoch: u32,
    key: String,
}

/// Why a keyring entry's contents were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("the keyring entry is not one this version of Probation Workbook reads")]
    Malformed,
    #[error("the keyring entry is for {found}, not for {expected}")]
    Elsewhere { expected: String, found: String },
}

/// The plaintext sealed for a member: the canonical JSON of the team, the epoch and the key.
pub fn key_plaintext(team: &str, epoch: u32, key: &[u8; KEY_BYTES]) -> Vec<u8> {
    canonical_json(&serde_json::json!({
        "team": team,
        "epoch": epoch,
        "key": STANDARD.encode(key),
    }))
    .into_bytes()
}

/// The key in an opened keyring entry, refused unless it is the key of `team`'s `epoch`.
pub fn key_from_plaintext(
    plaintext: &[u8],
    team: &str,
    epoch: u32,
) -> Result<[u8; KEY_BYTES], KeyringError> {
    let wrapped: WrappedKey =
        serde_json::from_slice(plaintext).map_err(|_| KeyringError::Malformed)?;
    if wrapped.team != team || wrapped.epoch != epoch {
        return Err(KeyringError::Elsewhere {
            expected: format!("team {team}, key {epoch}"),
            found: format!("team {}, key {}", wrapped.team, wrapped.epoch),
        });
    }
    let key = STANDARD
        .decode(wrapped.key.as_bytes())
        .map_err(|_| KeyringError::Malformed)?;
    key.try_into().map_err(|_| KeyringError::Malformed)
}

/// The document id of member `fingerprint`'s entry for `epoch`: "keyring-1-3545ce2b…" (the
/// validation lets only seniors write ids of this form).
pub fn keyring_id(epoch: u32, member: &Fingerprint) -> String {
    let hex: String = member
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    format!("keyring-{epoch}-{}", hex.to_ascii_lowercase())
}

/// The layout version a keyring entry's envelope carries (its `ct` is a sealed package, not a
/// record).
pub const KEYRING_SCHEMA: u32 = 0;

/// A keyring entry as an envelope, not yet signed: the sealed package (its JSON, in base64) in `ct`,
/// no IV of its own (the package has its own), bound to where it is stored and signed by the senior
/// who made it, so a member takes a key only from a senior they trust.
pub fn keyring_entry(
    sealed: &SealedPackage,
    place: &Place<'_>,
    epoch: u32,
    by: &Fingerprint,
) -> Unsigned {
    Unsigned::of_payload(
        sealed.to_json().as_bytes(),
        place,
        KEYRING_SCHEMA,
        epoch,
        by,
    )
}

/// Why a keyring entry was not taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("it was not signed by a senior in your team list")]
    NotBySenior,
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),
    #[error("the sealed key inside is not one this version reads")]
    Sealed,
}

/// The sealed package in a keyring entry stored at `place`, if it is signed over that place by a
/// member of `team` who may countersign (a senior this officer added from their card).
pub fn open_keyring_entry(
    envelope: &Envelope,
    place: &Place<'_>,
    team: &Team,
) -> Result<SealedPackage, EntryError> {
    let by = author_of(envelope)?;
    let senior = team
        .by_fingerprint(&by)
        .filter(|member| member.grade.can_countersign())
        .ok_or(EntryError::NotBySenior)?;
    let payload = open_payload(envelope, place, &senior.signing_key)?;
    parse_sealed(&payload).map_err(|_| EntryError::Sealed)
}
