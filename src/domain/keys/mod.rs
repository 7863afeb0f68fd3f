//! Personal keys (issue 15): who signed what, checked by key, never by name; and packages only
//! their recipient can read.
//!
//! Each officer has two P-256 key pairs, made and kept by the browser's WebCrypto (private keys
//! non-extractable): an ECDSA one to sign, an ECDH one to receive sealed packages. This module
//! decides everything else, the same code natively and in the browser (RustCrypto: `p256`, `hkdf`,
//! `aes-gcm`):
//!
//! - `public_key` — [`PublicKey`] (raw SEC1, 65 bytes), [`SignatureBytes`] (r ‖ s), [`Fingerprint`]
//!   and [`IdentityKeys`]; signature verification.
//! - `identity` — the identity card file and its self-signature ([`parse_identity_card`]).
//! - `team` — the team list ([`Team`], [`TeamMember`], [`parse_team`]).
//! - `events` — signed events on a version: the exact bytes signed ([`event_message`]), attaching
//!   them ([`CaseSigning::event_to_sign`](crate::domain::signing::CaseSigning::event_to_sign)), and
//!   [`verify_event`].
//! - `sealed` — the sealed package ([`parse_sealed`], [`open_sealed`]; its HKDF salt and info and its
//!   AES-GCM associated data for the browser).
//!
//! Whether a whole package is trusted is `package::verify_package`.
//!
//! ```
//! use probation_workbook::domain::keys::*;
//! let printed = "3F2A 91C0 0011 2233 4455 6677 8899 AABB";
//! assert_eq!(Fingerprint::parse(printed).unwrap().to_string(), printed);
//! assert_eq!(parse_identity_card(b"").unwrap_err().to_string(), "The file is empty");
//! ```

mod error;
mod events;
mod file;
mod identity;
mod public_key;
mod sealed;
mod team;

pub use error::{FileKind, KeyError};
pub use events::{
    claim, claims, content_digest, event_content, event_message, verify_event, Claim, EventError,
    EventVerdict, SignedEvent, SignedEventKind, UnsignedEvent, EVENT_FORMAT, EVENT_FORMAT_VERSION,
};
pub(crate) use identity::name_slug;
pub use identity::{
    identity_card_file_name, parse_identity_card, IdentityCard, UnsignedIdentityCard,
    IDENTITY_FORMAT, IDENTITY_VERSION,
};
pub use public_key::{
    sha256_hex, Fingerprint, IdentityKeys, PublicKey, SignatureBytes, FINGERPRINT_BYTES,
    PUBLIC_KEY_BYTES, SIGNATURE_BYTES,
};
pub use sealed::{
    is_sealed, open_sealed, open_sealed_with, open_with_shared_secret, parse_sealed,
    parse_sealed_for, seal_with, seal_with_shared_secret, EcdhPrivateKey, SealedHeader,
    SealedPackage, HKDF_INFO, IV_BYTES, KEY_BYTES, MAX_SEALED_BYTES, SEALED_ALGORITHM,
    SEALED_FORMAT, SEALED_VERSION, TAG_BYTES,
};
pub use team::{
    parse_team, Added, Team, TeamError, TeamMember, RECIPIENT_FIELD, TEAM_FORMAT, TEAM_VERSION,
};

#[cfg(test)]
pub(crate) mod support;
#[cfg(test)]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod vectors;
