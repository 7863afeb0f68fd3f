//! The identity card: the file an officer sends colleagues so they can add them to their team.
//!
//! ```json
//! {"format":"probation-workbook-identity","version":1,"name":"Sam Patel","grade":"po",
//!  "signing_key":"<base64, 65 bytes>","encryption_key":"<base64, 65 bytes>",
//!  "fingerprint":"3F2A 91C0 …","created_at":"2026-11-25T14:03:07Z",
//!  "self_signature":"<base64, 64 bytes>"}
//! ```
//!
//! **The self-signature** is the card owner's ECDSA P-256 SHA-256 signature, by the card's own
//! signing key, over [`UnsignedIdentityCard::message`]: the UTF-8 bytes of the canonical JSON
//! (`package::canonical_json`: keys sorted, no whitespace) of every field above except
//! `self_signature`, i.e.
//! `{"created_at":…,"encryption_key":…,"fingerprint":…,"format":"probation-workbook-identity","grade":…,"name":…,"signing_key":…,"version":1}`.
//! It proves whoever made the card holds the signing key; it says nothing about who they are,
//! which is why the fingerprint is read out before a card is added to a team.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::{FileKind, KeyError};
use super::file::{read_object, shape};
use super::public_key::{decode_fixed, Fingerprint, IdentityKeys, PublicKey, SIGNATURE_BYTES};
use crate::domain::package::canonical_json;
use crate::domain::signing::{Grade, Profile};

/// What every identity card says it is.
pub const IDENTITY_FORMAT: &str = "probation-workbook-identity";
/// The card layout this build writes and reads.
pub const IDENTITY_VERSION: u32 = 1;

/// A card before its owner's browser signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsignedIdentityCard {
    /// As the owner's profile has it.
    pub name: String,
    /// As the owner states it; whoever adds them confirms it.
    pub grade: Grade,
    pub keys: IdentityKeys,
    /// RFC 3339.
    pub created_at: String,
}

/// An identity card whose self-signature was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityCard {
    pub name: String,
    /// The grade the card states.
    pub grade: Grade,
    pub keys: IdentityKeys,
    /// RFC 3339.
    pub created_at: String,
    pub self_signature: [u8; SIGNATURE_BYTES],
}

/// The file's JSON, field by field, in the order written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardJson {
    format: String,
    version: u32,
    name: String,
    grade: Grade,
    signing_key: String,
    encryption_key: String,
    fingerprint: String,
    created_at: String,
    self_signature: String,
}

/// "identity-card-sam-patel.json": the card's file name, from the owner's name (letters and digits,
/// lower case, words joined by hyphens).
pub fn identity_card_file_name(name: &str) -> String {
    match name_slug(name) {
        None => "identity-card.json".to_string(),
        Some(slug) => format!("identity-card-{slug}.json"),
    }
}

/// "sam-patel": a name as a file name's part (letters and digits, lower case, words joined by
/// hyphens); `None` when nothing is left.
pub(crate) fn name_slug(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

#[cfg(test)]
#[test]
fn the_card_file_is_named_after_its_owner() {
    assert_eq!(
        identity_card_file_name("Sam Patel"),
        "identity-card-sam-patel.json"
    );
    assert_eq!(
        identity_card_file_name(" Zoë  O'Neil-Smith "),
        "identity-card-zoë-o-neil-smith.json"
    );
    assert_eq!(identity_card_file_name("!!"), "identity-card.json");
}

impl UnsignedIdentityCard {
    /// The card of `profile` with its keys, made at `created_at`. Refused when the profile is
    /// incomplete, the time is not a time, or the two keys are the same key.
    pub fn new(
        profile: &Profile,
        keys: IdentityKeys,
        created_at: &str,
    ) -> Result<UnsignedIdentityCard, KeyError> {
        let card = UnsignedIdentityCard {
            name: profile.name.clone(),
            grade: profile.grade,
            keys,
            created_at: created_at.to_string(),
        };
        card.check()?;
        Ok(card)
    }

    /// The exact bytes the owner's signing key signs (see the module).
    pub fn message(&self) -> Vec<u8> {
        canonical_json(&self.header()).into_bytes()
    }

    /// The card with its self-signature (64 bytes, r ‖ s, as WebCrypto's `sign` gives it),
    /// refused unless it verifies with the card's signing key.
    pub fn with_signature(self, signature: &[u8]) -> Result<IdentityCard, KeyError> {
        let self_signature = <[u8; SIGNATURE_BYTES]>::try_from(signature)
            .map_err(|_| KeyError::SignatureMismatch)?;
        if !self.keys.signing.verifies(&self.message(), signature) {
            return Err(KeyError::SignatureMismatch);
        }
        Ok(IdentityCard {
            name: self.name,
            grade: self.grade,
            keys: self.keys,
            created_at: self.created_at,
            self_signature,
        })
    }

    fn header(&self) -> serde_json::Value {
        serde_json::json!({
            "format": IDENTITY_FORMAT,
            "version": IDENTITY_VERSION,
            "name": self.name,
            "grade": self.grade,
            "signing_key": self.keys.signing.to_base64(),
            "encryption_key": self.keys.encryption.to_base64(),
            "fingerprint": self.keys.fingerprint().to_string(),
            "created_at": self.created_at,
        })
    }

    fn check(&self) -> Result<(), KeyError> {
        let what = FileKind::IdentityCard;
        let profile = Profile {
            name: self.name.clone(),
            grade: self.grade,
        };
        if profile.check().is_err() || profile.name != self.name {
            return Err(KeyError::damaged(
                what,
                "its name is missing, too long or not written as a profile writes it",
            ));
        }
        if self.created_at.parse::<Timestamp>().is_err() {
            return Err(KeyError::damaged(
                what,
                "the time it was made is not a date and time",
            ));
        }
        if self.keys.signing == self.keys.encryption {
            return Err(KeyError::damaged(
                what,
                "it uses one key both to sign and to receive sealed packages",
            ));
        }
        Ok(())
    }
}

impl IdentityCard {
    pub fn fingerprint(&self) -> Fingerprint {
        self.keys.fingerprint()
    }

    /// The name and grade as the card states them.
    pub fn profile(&self) -> Profile {
        Profile {
            name: self.name.clone(),
            grade: self.grade,
        }
    }

    /// The card without its signature: what was signed.
    pub fn unsigned(&self) -> UnsignedIdentityCard {
        UnsignedIdentityCard {
            name: self.name.clone(),
            grade: self.grade,
            keys: self.keys,
            created_at: self.created_at.clone(),
        }
    }

    /// The file's text: indented JSON.
    pub fn to_json(&self) -> String {
        let json = CardJson {
            format: IDENTITY_FORMAT.to_string(),
            version: IDENTITY_VERSION,
            name: self.name.clone(),
            grade: self.grade,
            signing_key: self.keys.signing.to_base64(),
            encryption_key: self.keys.encryption.to_base64(),
            fingerprint: self.fingerprint().to_string(),
            created_at: self.created_at.clone(),
            self_signature: base64_of(&self.self_signature),
        };
        serde_json::to_string_pretty(&json).expect("strings always serialise")
    }
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Reads an identity card file. The checks, in order: size, text, JSON (a file that ends too
/// early is [`KeyError::Truncated`]), format (another Probation Workbook file says what it is),
/// format version (a later one is [`KeyError::NewerVersion`]), shape, the keys (each a P-256
/// point), the name, the time, the fingerprint against the keys, and last the self-signature
/// ([`KeyError::BadSelfSignature`]). Never panics.
///
/// ```
/// use probation_workbook::domain::keys::{parse_identity_card, KeyError};
/// assert_eq!(parse_identity_card(b"{\"format\": \"probation-workbook-identity\", \"vers").unwrap_err().to_string(),
///     "The identity card is incomplete: it ends too early (line 1, column 47). It may have been cut off while being copied: ask for it again");
/// assert_eq!(parse_identity_card(br#"{"format": "probation-workbook-identity", "version": 2}"#),
///     Err(KeyError::NewerVersion { what: probation_workbook::domain::keys::FileKind::IdentityCard, found: 2 }));
/// ```
pub fn parse_identity_card(bytes: &[u8]) -> Result<IdentityCard, KeyError> {
    let what = FileKind::IdentityCard;
    let fields = read_object(bytes, what, IDENTITY_FORMAT, IDENTITY_VERSION)?;
    let json: CardJson = shape(fields, what)?;
    let keys = IdentityKeys {
        signing: PublicKey::from_base64(&json.signing_key, what, "signing key")?,
        encryption: PublicKey::from_base64(&json.encryption_key, what, "encryption key")?,
    };
    let self_signature =
        decode_fixed::<SIGNATURE_BYTES>(&json.self_signature, what, "self-signature")?;
    let unsigned = UnsignedIdentityCard {
        name: json.name,
        grade: json.grade,
        keys,
        created_at: json.created_at,
    };
    unsigned.check()?;
    if Fingerprint::parse(&json.fingerprint) != Some(keys.fingerprint()) {
        return Err(KeyError::damaged(
            what,
            "its fingerprint does not match its keys",
        ));
    }
    unsigned
        .with_signature(&self_signature)
        .map_err(|_| KeyError::BadSelfSignature)
}
