//! Public keys, signatures and fingerprints as bytes and as the files write them.
//!
//! - A public key (signing or encryption) is P-256 in raw uncompressed SEC1 form: 65 bytes, `0x04`
//!   then x then y, what WebCrypto's `exportKey("raw", key)` gives; in files, standard base64 with
//!   padding. Reading one checks that it is a point on the curve.
//! - A signature is ECDSA P-256 with SHA-256 over the message bytes, as WebCrypto's `sign` gives it:
//!   64 bytes, r then s, each 32 bytes big-endian. S is not normalised (a high S verifies).
//! - A fingerprint is the first 16 bytes of SHA-256(signing key raw ‖ encryption key raw), in
//!   upper-case hex in 8 groups of 4 separated by single spaces: "3F2A 91C0 …".

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::{FileKind, KeyError};

/// Bytes of a raw uncompressed P-256 public key.
pub const PUBLIC_KEY_BYTES: usize = 65;
/// Bytes of an ECDSA P-256 signature (r ‖ s).
pub const SIGNATURE_BYTES: usize = 64;
/// Bytes of a fingerprint.
pub const FINGERPRINT_BYTES: usize = 16;

/// A P-256 public key, checked to be on the curve; base64 of its raw form in files.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PublicKey([u8; PUBLIC_KEY_BYTES]);

impl PublicKey {
    /// The key from its raw form: refused unless 65 bytes from `0x04` naming a point on P-256.
    pub fn from_raw(bytes: &[u8]) -> Option<PublicKey> {
        let raw = <[u8; PUBLIC_KEY_BYTES]>::try_from(bytes).ok()?;
        if raw[0] != 0x04 {
            return None;
        }
        p256::PublicKey::from_sec1_bytes(&raw).ok()?;
        Some(PublicKey(raw))
    }

    /// The key from base64, each refusal naming the file and field.
    pub fn from_base64(
        text: &str,
        what: FileKind,
        field: &'static str,
    ) -> Result<PublicKey, KeyError> {
        let bytes = decode(text, what, field)?;
        if bytes.len() != PUBLIC_KEY_BYTES {
            return Err(KeyError::BadLength {
                what,
                field,
                expected: PUBLIC_KEY_BYTES,
                found: bytes.len(),
            });
        }
        PublicKey::from_raw(&bytes).ok_or(KeyError::BadKey { what, field })
    }

    pub fn as_bytes(&self) -> &[u8; PUBLIC_KEY_BYTES] {
        &self.0
    }

    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.0)
    }

    /// Whether `signature` (r ‖ s, 64 bytes) is this key's ECDSA P-256 SHA-256 signature of
    /// `message`. Never panics: anything malformed is `false`.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(key) = VerifyingKey::from_sec1_bytes(&self.0) else {
            return false;
        };
        let Ok(signature) = Signature::from_slice(signature) else {
            return false;
        };
        key.verify(message, &signature).is_ok()
    }

    /// The key as the `p256` crate holds it (for ECDH).
    pub(super) fn to_p256(self) -> p256::PublicKey {
        p256::PublicKey::from_sec1_bytes(&self.0).expect("checked when made")
    }
}

impl TryFrom<String> for PublicKey {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bytes = STANDARD
            .decode(text.as_bytes())
            .map_err(|_| "a public key is not base64".to_string())?;
        PublicKey::from_raw(&bytes)
            .ok_or_else(|| "a public key is not a P-256 public key (65 bytes, raw)".to_string())
    }
}

impl From<PublicKey> for String {
    fn from(key: PublicKey) -> String {
        key.to_base64()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_base64())
    }
}

/// A signature's 64 bytes (r ‖ s); base64 in files. Only its length is checked when read.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SignatureBytes([u8; SIGNATURE_BYTES]);

impl SignatureBytes {
    pub fn from_slice(bytes: &[u8]) -> Option<SignatureBytes> {
        <[u8; SIGNATURE_BYTES]>::try_from(bytes)
            .ok()
            .map(SignatureBytes)
    }

    pub fn as_bytes(&self) -> &[u8; SIGNATURE_BYTES] {
        &self.0
    }

    pub fn to_base64(&self) -> String {
        STANDARD.encode(self.0)
    }
}

impl TryFrom<String> for SignatureBytes {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bytes = STANDARD
            .decode(text.as_bytes())
            .map_err(|_| "a signature is not base64".to_string())?;
        SignatureBytes::from_slice(&bytes)
            .ok_or_else(|| format!("a signature is {} bytes, not 64", bytes.len()))
    }
}

impl From<SignatureBytes> for String {
    fn from(signature: SignatureBytes) -> String {
        signature.to_base64()
    }
}

impl fmt::Debug for SignatureBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignatureBytes({})", self.to_base64())
    }
}

/// What two people read to each other to know a card is the person's: see the module.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fingerprint([u8; FINGERPRINT_BYTES]);

impl Fingerprint {
    /// SHA-256(signing key raw ‖ encryption key raw), first 16 bytes.
    pub fn of(signing: &PublicKey, encryption: &PublicKey) -> Fingerprint {
        let mut hash = Sha256::new();
        hash.update(signing.as_bytes());
        hash.update(encryption.as_bytes());
        let digest = hash.finalize();
        let mut bytes = [0; FINGERPRINT_BYTES];
        bytes.copy_from_slice(&digest[..FINGERPRINT_BYTES]);
        Fingerprint(bytes)
    }

    /// Reads a fingerprint as typed or printed: 32 hex digits, in either case, spaces anywhere.
    ///
    /// ```
    /// use probation_workbook::domain::keys::Fingerprint;
    /// let printed = "3F2A 91C0 0011 2233 4455 6677 8899 AABB";
    /// let fingerprint = Fingerprint::parse("3f2a91c0 00112233 44556677 8899aabb").unwrap();
    /// assert_eq!(fingerprint.to_string(), printed);
    /// assert_eq!(Fingerprint::parse("3F2A"), None);
    /// assert_eq!(Fingerprint::parse("+F2A 91C0 0011 2233 4455 6677 8899 AABB"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let digits: Vec<u8> = text.bytes().filter(|byte| *byte != b' ').collect();
        if digits.len() != FINGERPRINT_BYTES * 2 || !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let mut bytes = [0; FINGERPRINT_BYTES];
        for (index, pair) in digits.chunks(2).enumerate() {
            let pair = std::str::from_utf8(pair).ok()?;
            bytes[index] = u8::from_str_radix(pair, 16).ok()?;
        }
        Some(Fingerprint(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; FINGERPRINT_BYTES] {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, pair) in self.0.chunks(2).enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{:02X}{:02X}", pair[0], pair[1])?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

impl TryFrom<String> for Fingerprint {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Fingerprint::parse(&text).ok_or_else(|| "a fingerprint is not 32 hex digits".to_string())
    }
}

impl From<Fingerprint> for String {
    fn from(fingerprint: Fingerprint) -> String {
        fingerprint.to_string()
    }
}

/// A person's two public keys: one to check their signatures, one to seal packages for them. They
/// are never the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IdentityKeys {
    /// ECDSA P-256.
    pub signing: PublicKey,
    /// ECDH P-256.
    pub encryption: PublicKey,
}

impl IdentityKeys {
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(&self.signing, &self.encryption)
    }
}

/// Standard base64 (with padding, canonical), refused naming the file and field.
pub(super) fn decode(text: &str, what: FileKind, field: &'static str) -> Result<Vec<u8>, KeyError> {
    STANDARD
        .decode(text.as_bytes())
        .map_err(|_| KeyError::BadBase64 { what, field })
}

/// Base64 that must decode to exactly `N` bytes.
pub(super) fn decode_fixed<const N: usize>(
    text: &str,
    what: FileKind,
    field: &'static str,
) -> Result<[u8; N], KeyError> {
    let bytes = decode(text, what, field)?;
    <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| KeyError::BadLength {
        what,
        field,
        expected: N,
        found: bytes.len(),
    })
}

/// SHA-256 of the bytes, 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
