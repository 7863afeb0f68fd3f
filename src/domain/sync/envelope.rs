//! The envelope every synced document travels in (issue 21, sync.md "Encryption and keys"): the
//! server stores only this. AES-256-GCM under the team key of its epoch, over the padded JSON of the
//! record; associated data binding the team, the database, the document id, the revision's
//! generation and parent, the epoch, the schema and the author, so ciphertext cannot be moved to
//! another document or replayed as another revision; and the author's ECDSA P-256 signature over
//! associated data ‖ IV ‖ ciphertext, checked against the team list.
//!
//! ```json
//! {"v":1,"schema":10,"epoch":3,"by":"3F2A 91C0 …","iv":"<base64, 12 bytes>","ct":"<base64>","sig":"<base64, 64 bytes>"}
//! ```
//!
//! Two departures from sync.md's `{v, epoch, iv, ct, sig}`, both in clear and both bound in the
//! associated data: the author's fingerprint (`by`), without which a reader would try every
//! member's key (the server knows who wrote from the session anyway); and the record's layout
//! version (`schema`), which a reader needs to rebuild the associated data before it can open it.
//!
//! Sealing and opening are pure and tested here, and the browser uses them too: the team key is
//! held in memory only while the app runs (unwrapped from the keyring with the officer's
//! non-extractable ECDH key, never stored unwrapped), and the author signs with their
//! non-extractable WebCrypto key ([`seal_unsigned`], then [`Unsigned::signed`]).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::revision::Rev;
use crate::domain::keys::{Fingerprint, PublicKey};
use crate::domain::package::canonical_json;

/// The envelope layout this build writes and reads.
pub const ENVELOPE_VERSION: u32 = 1;
/// Bytes of the IV, the tag, a team key and a signature.
pub const IV_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
pub const KEY_BYTES: usize = 32;
pub const SIGNATURE_BYTES: usize = 64;
/// Padded plaintexts are a whole number of these (after a 4-byte length): sizes tell the server
/// little more than "small" or "large".
pub const PAD_TO: usize = 1024;
/// The largest plaintext sealed or opened (4 MiB): far beyond a record's size.
pub const MAX_PLAINTEXT_BYTES: usize = 4 * 1024 * 1024;

/// An envelope as the server stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub v: u32,
    /// The layout version of the record inside (the store's `RECORD_SCHEMA_VERSION` when sealed).
    pub schema: u32,
    pub epoch: u32,
    pub by: String,
    pub iv: String,
    pub ct: String,
    pub sig: String,
}

/// Where a document's revision sits: what its ciphertext is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place<'a> {
    pub team: &'a str,
    pub database: &'a str,
    pub id: &'a str,
    pub generation: u64,
    /// The revision it follows (`None` for a first edit).
    pub parent: Option<&'a Rev>,
}

/// Why an envelope was not opened. Each names what is wrong, for the quarantine list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    #[error("it is not an envelope this version of Probation Workbook reads")]
    Malformed,
    #[error("it uses envelope version {0}, which this version of Probation Workbook cannot read")]
    Newer(u32),
    #[error("it was sealed under team key {0}, which this browser does not have")]
    UnknownEpoch(u32),
    #[error(
        "it was sealed under team key {epoch}, replaced by key {current} when the team changed"
    )]
    SupersededEpoch { epoch: u32, current: u32 },
    #[error("it was written by someone not in your team list")]
    UnknownAuthor,
    #[error("it was written by someone no longer in your team")]
    RemovedAuthor,
    #[error("its signature does not match: it was changed, moved or replayed on the server")]
    BadSignature,
    #[error("it does not decrypt: it was changed on the server")]
    CannotOpen,
}

/// Who an author is to this team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    /// In the current team list, with this signing key.
    Member(PublicKey),
    /// In an earlier team list, not this one.
    Removed,
    Unknown,
}

/// What an opener knows of the team: its keys by epoch, the current epoch, and its members.
pub struct Keyring<'a> {
    pub keys: &'a dyn Fn(u32) -> Option<[u8; KEY_BYTES]>,
    pub current_epoch: u32,
    pub author: &'a dyn Fn(&Fingerprint) -> Author,
}

/// The associated data of a revision: the canonical JSON of where it sits, its record's layout,
/// its epoch and author.
pub fn associated_data(place: &Place<'_>, schema: u32, epoch: u32, by: &Fingerprint) -> Vec<u8> {
    canonical_json(&json!({
        "v": ENVELOPE_VERSION,
        "team": place.team,
        "database": place.database,
        "id": place.id,
        "generation": place.generation,
        "parent": place.parent.map(Rev::to_string),
        "schema": schema,
        "epoch": epoch,
        "by": by.to_string(),
    }))
    .into_bytes()
}

/// What the author signs: associated data ‖ IV ‖ ciphertext, each but the IV length-prefixed.
pub fn signed_message(associated_data: &[u8], iv: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(associated_data.len() + iv.len() + ciphertext.len() + 16);
    message.extend_from_slice(&(associated_data.len() as u64).to_be_bytes());
    message.extend_from_slice(associated_data);
    message.extend_from_slice(iv);
    message.extend_from_slice(&(ciphertext.len() as u64).to_be_bytes());
    message.extend_from_slice(ciphertext);
    message
}

/// The plaintext padded: its length (4 bytes, big-endian), it, then zeros to a multiple of
/// [`PAD_TO`]. `None` beyond [`MAX_PLAINTEXT_BYTES`].
pub fn pad(plaintext: &[u8]) -> Option<Vec<u8>> {
    if plaintext.len() > MAX_PLAINTEXT_BYTES {
        return None;
    }
    let mut padded = Vec::with_capacity(plaintext.len() + 4 + PAD_TO);
    padded.extend_from_slice(&(plaintext.len() as u32).to_be_bytes());
    padded.extend_from_slice(plaintext);
    padded.resize(padded.len().div_ceil(PAD_TO) * PAD_TO, 0);
    Some(padded)
}

/// The reverse of [`pad`]; `None` for anything [`pad`] does not make.
pub fn unpad(padded: &[u8]) -> Option<&[u8]> {
    let length = u32::from_be_bytes(padded.get(..4)?.try_into().ok()?) as usize;
    let body = padded.get(4..4 + length)?;
    let rest = &padded[4 + length..];
    (padded.len().is_multiple_of(PAD_TO) && rest.iter().all(|&byte| byte == 0)).then_some(body)
}

/// An envelope sealed but not yet signed: what the author signs is [`Unsigned::message`]. In the
/// browser the signing key is a non-extractable WebCrypto key, whose `sign` is asynchronous, so
/// sealing is two steps there: [`seal_unsigned`], then [`Unsigned::signed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsigned {
    envelope: Envelope,
    message: Vec<u8>,
}

impl Unsigned {
    /// Associated data ‖ IV ‖ ciphertext: what the author's ECDSA P-256 key signs.
    pub fn message(&self) -> &[u8] {
        &self.message
    }

    /// An envelope whose `ct` is `payload` as it is (already sealed for its reader, as a keyring
    /// entry is), with no IV, signed like any other over where it is stored.
    pub fn of_payload(
        payload: &[u8],
        place: &Place<'_>,
        schema: u32,
        epoch: u32,
        by: &Fingerprint,
    ) -> Unsigned {
        let aad = associated_data(place, schema, epoch, by);
        Unsigned {
            message: signed_message(&aad, &[], payload),
            envelope: Envelope {
                v: ENVELOPE_VERSION,
                schema,
                epoch,
                by: by.to_string(),
                iv: String::new(),
                ct: STANDARD.encode(payload),
                sig: String::new(),
            },
        }
    }

    /// The envelope with the author's signature (64 bytes, r‖s).
    pub fn signed(self, signature: &[u8]) -> Envelope {
        Envelope {
            sig: STANDARD.encode(signature),
            ..self.envelope
        }
    }
}

/// Seals a record's JSON without signing it: padded, encrypted under `key` with `iv` (random, from
/// the browser's WebCrypto, never reused with a key). `None` for a plaintext too large.
pub fn seal_unsigned(
    plaintext: &[u8],
    place: &Place<'_>,
    schema: u32,
    epoch: u32,
    key: &[u8; KEY_BYTES],
    iv: [u8; IV_BYTES],
    by: &Fingerprint,
) -> Option<Unsigned> {
    let aad = associated_data(place, schema, epoch, by);
    let padded = pad(plaintext)?;
    let cipher = Aes256Gcm::new_from_slice(key).ok()?;
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: &padded,
                aad: &aad,
            },
        )
        .ok()?;
    Some(Unsigned {
        message: signed_message(&aad, &iv, &ciphertext),
        envelope: Envelope {
            v: ENVELOPE_VERSION,
            schema,
            epoch,
            by: by.to_string(),
            iv: STANDARD.encode(iv),
            ct: STANDARD.encode(&ciphertext),
            sig: String::new(),
        },
    })
}

/// Seals and signs in one step, for a signer at hand (`sign`; natively, in tests).
#[allow(clippy::too_many_arguments)] // each is one of the parameters the module names
pub fn seal(
    plaintext: &[u8],
    place: &Place<'_>,
    schema: u32,
    epoch: u32,
    key: &[u8; KEY_BYTES],
    iv: [u8; IV_BYTES],
    by: &Fingerprint,
    sign: &dyn Fn(&[u8]) -> Vec<u8>,
) -> Option<Envelope> {
    let unsigned = seal_unsigned(plaintext, place, schema, epoch, key, iv, by)?;
    let signature = sign(unsigned.message());
    Some(unsigned.signed(&signature))
}

/// The author an envelope names, only in the one spelling this build writes: any other would be
/// the same key in bytes nobody signed, a change a server could make unnoticed.
pub fn author_of(envelope: &Envelope) -> Result<Fingerprint, EnvelopeError> {
    Fingerprint::parse(&envelope.by)
        .filter(|by| by.to_string() == envelope.by)
        .ok_or(EnvelopeError::Malformed)
}

/// Opens an envelope stored at `place`: the author must be in the team list, the epoch the
/// current one and its key here, the signature the author's over this place, and the ciphertext
/// intact. Never panics on anything a server sends.
pub fn open(
    envelope: &Envelope,
    place: &Place<'_>,
    keyring: &Keyring<'_>,
) -> Result<Vec<u8>, EnvelopeError> {
    if envelope.v != ENVELOPE_VERSION {
        return Err(if envelope.v > ENVELOPE_VERSION {
            EnvelopeError::Newer(envelope.v)
        } else {
            EnvelopeError::Malformed
        });
    }
    let by = author_of(envelope)?;
    let decode = |text: &str, limit: usize| {
        (text.len() <= limit)
            .then(|| STANDARD.decode(text).ok())
            .flatten()
            .ok_or(EnvelopeError::Malformed)
    };
    let iv = decode(&envelope.iv, 32)?;
    let ciphertext = decode(
        &envelope.ct,
        (MAX_PLAINTEXT_BYTES + PAD_TO + TAG_BYTES) / 3 * 4 + 8,
    )?;
    let signature = decode(&envelope.sig, 128)?;
    if iv.len() != IV_BYTES || signature.len() != SIGNATURE_BYTES || ciphertext.len() < TAG_BYTES {
        return Err(EnvelopeError::Malformed);
    }
    let signer = match (keyring.author)(&by) {
        Author::Member(key) => key,
        Author::Removed => return Err(EnvelopeError::RemovedAuthor),
        Author::Unknown => return Err(EnvelopeError::UnknownAuthor),
    };
    let aad = associated_data(place, envelope.schema, envelope.epoch, &by);
    if !signer.verifies(&signed_message(&aad, &iv, &ciphertext), &signature) {
        return Err(EnvelopeError::BadSignature);
    }
    if envelope.epoch < keyring.current_epoch {
        return Err(EnvelopeError::SupersededEpoch {
            epoch: envelope.epoch,
            current: keyring.current_epoch,
        });
    }
    let key = (keyring.keys)(envelope.epoch).ok_or(EnvelopeError::UnknownEpoch(envelope.epoch))?;
    let cipher = Aes256Gcm::new_from_slice(&key).map_err(|_| EnvelopeError::CannotOpen)?;
    let padded = cipher
        .decrypt(
            Nonce::from_slice(&iv),
            Payload {
                msg: &ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| EnvelopeError::CannotOpen)?;
    unpad(&padded)
        .map(<[u8]>::to_vec)
        .ok_or(EnvelopeError::CannotOpen)
}

/// The payload of an envelope made by [`Unsigned::of_payload`], if `signer` signed it over `place`.
pub fn open_payload(
    envelope: &Envelope,
    place: &Place<'_>,
    signer: &PublicKey,
) -> Result<Vec<u8>, EnvelopeError> {
    if envelope.v != ENVELOPE_VERSION || !envelope.iv.is_empty() {
        return Err(EnvelopeError::Malformed);
    }
    let by = author_of(envelope)?;
    let payload = (envelope.ct.len() <= 64 * 1024)
        .then(|| STANDARD.decode(&envelope.ct).ok())
        .flatten()
        .ok_or(EnvelopeError::Malformed)?;
    let signature = STANDARD
        .decode(&envelope.sig)
        .map_err(|_| EnvelopeError::Malformed)?;
    let aad = associated_data(place, envelope.schema, envelope.epoch, &by);
    if signature.len() != SIGNATURE_BYTES
        || !signer.verifies(&signed_message(&aad, &[], &payload), &signature)
    {
        return Err(EnvelopeError::BadSignature);
    }
    Ok(payload)
}

/// A pulled revision that did not open: kept apart, named, never applied; the rest of its batch
/// applies (sync.md "Encryption and keys").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub id: String,
    pub rev: String,
    pub reason: String,
}

impl Quarantined {
    /// "Document 3f…a8 (revision 2-9c…) could not be verified: its signature does not match: …".
    pub fn describe(&self) -> String {
        format!(
            "Document {} (revision {}) could not be verified: {}",
            self.id, self.rev, self.reason
        )
    }
}

/// A pulled revision opened: its record's layout version and its JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub id: String,
    pub rev: super::Rev,
    pub deleted: bool,
    pub schema: u32,
    pub plaintext: Vec<u8>,
}

/// Opens each pulled revision of `team`'s `database`: those that open, and those quarantined
/// with their reason. The place each is bound to is read from its own revision path, so one
/// moved or replayed revision is refused without touching the others.
pub fn open_batch(
    pulled: &[super::replicate::Pulled],
    team: &str,
    database: &str,
    keyring: &Keyring<'_>,
) -> (Vec<Opened>, Vec<Quarantined>) {
    let mut opened = Vec::new();
    let mut quarantined = Vec::new();
    for doc in pulled {
        let Some(rev) = doc.path.first() else {
            continue;
        };
        let place = Place {
            team,
            database,
            id: &doc.id,
            generation: rev.generation,
            parent: doc.path.get(1),
        };
        let outcome = serde_json::from_value::<Envelope>(doc.envelope.clone())
            .map_err(|_| EnvelopeError::Malformed)
            .and_then(|envelope| {
                open(&envelope, &place, keyring).map(|plaintext| (envelope.schema, plaintext))
            });
        match outcome {
            Ok((schema, plaintext)) => opened.push(Opened {
                id: doc.id.clone(),
                rev: rev.clone(),
                deleted: doc.deleted,
                schema,
                plaintext,
            }),
            Err(error) => quarantined.push(Quarantined {
                id: doc.id.clone(),
                rev: rev.to_string(),
                reason: error.to_string(),
            }),
        }
    }
    (opened, quarantined)
}
