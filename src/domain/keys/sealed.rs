//! The sealed package: a case package's JSON encrypted for one team member, so only they can read it.
//!
//! ```json
//! {"format":"probation-workbook-sealed-package","version":1,
//!  "algorithm":"ECDH-P256/HKDF-SHA-256/AES-256-GCM",
//!  "recipient":"3F2A 91C0 …",                 // the recipient's fingerprint
//!  "ephemeral_key":"<base64, 65 bytes raw>",  // the sender's one-off ECDH P-256 public key
//!  "iv":"<base64, 12 bytes>",
//!  "ciphertext":"<base64: AES-GCM output, the tag (16 bytes) at its end>"}
//! ```
//!
//! # The parameters (an interface: WebCrypto and this module agree byte for byte)
//!
//! 1. The sender makes an ephemeral ECDH P-256 key pair and a random 12-byte IV.
//! 2. Shared secret: ECDH between the ephemeral private key and the recipient's *encryption* public
//!    key (never their signing key): the x-coordinate, 32 bytes (WebCrypto
//!    `deriveBits({name: "ECDH", public}, privateKey, 256)`).
//! 3. Key: HKDF-SHA-256 (RFC 5869) of the shared secret with
//!    **salt** = ephemeral public key raw (65 bytes) ‖ recipient encryption public key raw (65
//!    bytes) ([`SealedHeader::hkdf_salt`], 130 bytes) and **info** = the ASCII bytes of
//!    `probation-workbook sealed package v1` ([`HKDF_INFO`]), 32 bytes out: an AES-256-GCM key.
//! 4. AES-256-GCM with the IV, a 128-bit tag, and **associated data** = the UTF-8 of the canonical
//!    JSON (`package::canonical_json`) of the envelope without `ciphertext`
//!    ([`SealedHeader::associated_data`]):
//!    `{"algorithm":"ECDH-P256/HKDF-SHA-256/AES-256-GCM","ephemeral_key":"…","format":"probation-workbook-sealed-package","iv":"…","recipient":"3F2A 91C0 …","version":1}`
//!    (the fingerprint as printed: upper case, 8 groups of 4). A changed header does not open.
//!
//! The plaintext is the case package file's bytes, read as any package is once opened. Sealing
//! proves nothing about the sender: the signed events inside do.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha256;

use super::error::{FileKind, KeyError};
use super::file::{read_object, shape};
use super::public_key::{decode, decode_fixed, Fingerprint, IdentityKeys, PublicKey};
use crate::domain::package::{canonical_json, MAX_PACKAGE_BYTES};

/// What every sealed package says it is.
pub const SEALED_FORMAT: &str = "probation-workbook-sealed-package";
/// The envelope layout this build writes and reads; a later one is refused as newer.
pub const SEALED_VERSION: u32 = 1;
/// The one way of sealing this version uses.
pub const SEALED_ALGORITHM: &str = "ECDH-P256/HKDF-SHA-256/AES-256-GCM";
/// HKDF's info.
pub const HKDF_INFO: &[u8] = b"probation-workbook sealed package v1";
/// Bytes of AES-GCM IV and tag, and of the AES key.
pub const IV_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
pub const KEY_BYTES: usize = 32;
/// The largest sealed file read: a largest package in base64, and room for the envelope.
pub const MAX_SEALED_BYTES: usize = MAX_PACKAGE_BYTES / 3 * 4 + 64 * 1024;

/// Everything in a sealed package but the ciphertext: all of it is bound to the ciphertext.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedHeader {
    /// The fingerprint of the person it is sealed for.
    pub recipient: Fingerprint,
    /// The sender's one-off ECDH public key.
    pub ephemeral_key: PublicKey,
    pub iv: [u8; IV_BYTES],
}

/// A sealed package as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedPackage {
    pub header: SealedHeader,
    /// AES-GCM output: the encrypted package followed by the tag.
    pub ciphertext: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedJson {
    format: String,
    version: u32,
    algorithm: String,
    recipient: String,
    ephemeral_key: String,
    iv: String,
    ciphertext: String,
}

impl SealedHeader {
    /// The header of a package about to be sealed for `recipient`.
    pub fn new(recipient: &IdentityKeys, ephemeral_key: PublicKey, iv: [u8; IV_BYTES]) -> Self {
        SealedHeader {
            recipient: recipient.fingerprint(),
            ephemeral_key,
            iv,
        }
    }

    fn value(&self) -> Value {
        serde_json::json!({
            "format": SEALED_FORMAT,
            "version": SEALED_VERSION,
            "algorithm": SEALED_ALGORITHM,
            "recipient": self.recipient.to_string(),
            "ephemeral_key": self.ephemeral_key.to_base64(),
            "iv": STANDARD.encode(self.iv),
        })
    }

    /// AES-GCM's associated data: see the module.
    pub fn associated_data(&self) -> Vec<u8> {
        canonical_json(&self.value()).into_bytes()
    }

    /// HKDF's salt: the ephemeral public key raw ‖ the recipient's encryption public key raw.
    pub fn hkdf_salt(&self, recipient_encryption_key: &PublicKey) -> Vec<u8> {
        let mut salt = self.ephemeral_key.as_bytes().to_vec();
        salt.extend_from_slice(recipient_encryption_key.as_bytes());
        salt
    }
}

impl SealedPackage {
    pub fn associated_data(&self) -> Vec<u8> {
        self.header.associated_data()
    }

    pub fn hkdf_salt(&self, recipient_encryption_key: &PublicKey) -> Vec<u8> {
        self.header.hkdf_salt(recipient_encryption_key)
    }

    /// Refused with "This package was sealed for someone else: …" unless it is sealed for the
    /// person with fingerprint `mine`.
    pub fn check_recipient(&self, mine: &Fingerprint) -> Result<(), KeyError> {
        if self.header.recipient == *mine {
            Ok(())
        } else {
            Err(KeyError::SealedForSomeoneElse {
                fingerprint: self.header.recipient.to_string(),
            })
        }
    }

    /// The file's text: indented JSON, the header first.
    pub fn to_json(&self) -> String {
        let json = SealedJson {
            format: SEALED_FORMAT.to_string(),
            version: SEALED_VERSION,
            algorithm: SEALED_ALGORITHM.to_string(),
            recipient: self.header.recipient.to_string(),
            ephemeral_key: self.header.ephemeral_key.to_base64(),
            iv: STANDARD.encode(self.header.iv),
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string_pretty(&json).expect("strings always serialise")
    }
}

/// Whether the bytes say they are a sealed package (to tell one from a plain case package before
/// reading either): its format, or for a file that is not JSON (cut off, say), its format's name
/// near the start.
pub fn is_sealed(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    match serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(&text)) {
        Ok(value) => value.get("format").and_then(Value::as_str) == Some(SEALED_FORMAT),
        Err(_) => {
            let start: String = text.chars().take(200).collect();
            start.contains(&format!("\"{SEALED_FORMAT}\""))
        }
    }
}

/// Reads a sealed package file. The checks, in order: size, text, JSON (cut off:
/// [`KeyError::Truncated`]), format (a plain package says so), format version (newer:
/// [`KeyError::NewerVersion`]), algorithm, shape, the recipient's fingerprint, the ephemeral key
/// (a P-256 point), the IV, and the ciphertext (at least a tag long). Never panics. Whether it
/// opens is only known by opening it.
pub fn parse_sealed(bytes: &[u8]) -> Result<SealedPackage, KeyError> {
    let what = FileKind::SealedPackage;
    let fields = read_object(bytes, what, SEALED_FORMAT, SEALED_VERSION)?;
    match fields.get("algorithm").and_then(Value::as_str) {
        Some(SEALED_ALGORITHM) => {}
        Some(other) => {
            return Err(KeyError::damaged(
                what,
                format!(
                "it is sealed with {other}, which this version of Probation Workbook does not use"
            ),
            ))
        }
        None => return Err(KeyError::damaged(what, "it does not say how it is sealed")),
    }
    let json: SealedJson = shape(fields, what)?;
    let recipient = Fingerprint::parse(&json.recipient)
        .ok_or_else(|| KeyError::damaged(what, "its recipient's fingerprint cannot be read"))?;
    let ephemeral_key = PublicKey::from_base64(&json.ephemeral_key, what, "ephemeral key")?;
    let iv = decode_fixed::<IV_BYTES>(&json.iv, what, "initialisation vector (IV)")?;
    let ciphertext = decode(&json.ciphertext, what, "locked contents")?;
    if ciphertext.len() < TAG_BYTES {
        return Err(KeyError::CiphertextTooShort);
    }
    Ok(SealedPackage {
        header: SealedHeader {
            recipient,
            ephemeral_key,
            iv,
        },
        ciphertext,
    })
}

/// [`parse_sealed`], then refused unless sealed for the person with fingerprint `mine`.
pub fn parse_sealed_for(bytes: &[u8], mine: &Fingerprint) -> Result<SealedPackage, KeyError> {
    let sealed = parse_sealed(bytes)?;
    sealed.check_recipient(mine)?;
    Ok(sealed)
}

/// An ECDH P-256 private key held natively (the command line's and the tests'; the browser's stay
/// in WebCrypto).
#[derive(Clone)]
pub struct EcdhPrivateKey {
    secret: p256::SecretKey,
}

impl std::fmt::Debug for EcdhPrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EcdhPrivateKey({})", self.public_key().to_base64())
    }
}

impl EcdhPrivateKey {
    /// From the raw 32-byte big-endian scalar (JWK `d`).
    pub fn from_scalar(bytes: &[u8]) -> Result<EcdhPrivateKey, KeyError> {
        if bytes.len() != KEY_BYTES {
            return Err(KeyError::BadPrivateKey {
                detail: format!(
                    "a P-256 private key is {KEY_BYTES} bytes, and this one is {}",
                    bytes.len()
                ),
            });
        }
        let secret = p256::SecretKey::from_slice(bytes).map_err(|_| KeyError::BadPrivateKey {
            detail: "it is not a P-256 private key".to_string(),
        })?;
        Ok(EcdhPrivateKey { secret })
    }

    /// From a JWK as WebCrypto's `exportKey("jwk", key)` gives an extractable ECDH P-256 private
    /// key: `{"kty":"EC","crv":"P-256","x":…,"y":…,"d":…}` (base64url without padding; other
    /// members such as `ext` and `key_ops` are ignored). `x` and `y` must be `d`'s public key.
    pub fn from_jwk(bytes: &[u8]) -> Result<EcdhPrivateKey, KeyError> {
        let bad = |detail: &str| KeyError::BadPrivateKey {
            detail: detail.to_string(),
        };
        if bytes.len() > FileKind::PrivateKey.max_bytes() {
            return Err(KeyError::TooLarge {
                what: FileKind::PrivateKey,
            });
        }
        let value: Value =
            serde_json::from_slice(bytes).map_err(|_| bad("the key file is not a JWK (JSON)"))?;
        let member = |name: &str| value.get(name).and_then(Value::as_str);
        if member("kty") != Some("EC") || member("crv") != Some("P-256") {
            return Err(bad("it is not a P-256 key (JWK kty \"EC\", crv \"P-256\")"));
        }
        let part = |name: &str| {
            let text = member(name).ok_or_else(|| bad("it has no private part (JWK d)"))?;
            URL_SAFE_NO_PAD
                .decode(text.as_bytes())
                .map_err(|_| bad("a part of it is not base64url"))
        };
        let key = EcdhPrivateKey::from_scalar(&part("d")?)?;
        let mut raw = vec![0x04];
        raw.extend(part("x")?);
        raw.extend(part("y")?);
        if raw != key.public_key().as_bytes() {
            return Err(bad(
                "its public part (x, y) does not belong to its private part (d)",
            ));
        }
        Ok(key)
    }

    pub fn public_key(&self) -> PublicKey {
        let point = self.secret.public_key().to_encoded_point(false);
        PublicKey::from_raw(point.as_bytes()).expect("a P-256 public key is 65 bytes raw")
    }

    /// The AES-256-GCM key for `header`, with `their_public` as the other side of the exchange
    /// and `recipient_encryption_key` in the salt.
    fn aes_key(
        &self,
        their_public: &PublicKey,
        header: &SealedHeader,
        recipient_encryption_key: &PublicKey,
    ) -> [u8; KEY_BYTES] {
        key_from_shared_secret(
            &self.shared_secret(their_public),
            header,
            recipient_encryption_key,
        )
    }

    /// The ECDH shared secret with `their_public`: the x-coordinate, as WebCrypto's
    /// `deriveBits(…, 256)` gives it.
    pub fn shared_secret(&self, their_public: &PublicKey) -> [u8; KEY_BYTES] {
        let shared = p256::ecdh::diffie_hellman(
            self.secret.to_nonzero_scalar(),
            their_public.to_p256().as_affine(),
        );
        let mut bytes = [0; KEY_BYTES];
        bytes.copy_from_slice(shared.raw_secret_bytes());
        bytes
    }
}

/// Step 3 of the module: the AES-256-GCM key from the ECDH shared secret (the x-coordinate).
fn key_from_shared_secret(
    shared: &[u8],
    header: &SealedHeader,
    recipient_encryption_key: &PublicKey,
) -> [u8; KEY_BYTES] {
    let salt = header.hkdf_salt(recipient_encryption_key);
    let hkdf = Hkdf::<Sha256>::new(Some(&salt), shared);
    let mut key = [0; KEY_BYTES];
    hkdf.expand(HKDF_INFO, &mut key)
        .expect("32 bytes is a valid HKDF-SHA-256 length");
    key
}

fn shared_secret_length(shared: &[u8]) -> Result<(), KeyError> {
    if shared.len() == KEY_BYTES {
        Ok(())
    } else {
        Err(KeyError::BadPrivateKey {
            detail: format!(
                "an ECDH P-256 shared secret is {KEY_BYTES} bytes, and this one is {}",
                shared.len()
            ),
        })
    }
}

fn encrypt(plaintext: &[u8], header: SealedHeader, key: [u8; KEY_BYTES]) -> SealedPackage {
    let cipher = Aes256Gcm::new_from_slice(&key).expect("the key is 32 bytes");
    let aad = header.associated_data();
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&header.iv),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .expect("AES-GCM seals any package this size");
    SealedPackage { header, ciphertext }
}

fn decrypt(sealed: &SealedPackage, key: [u8; KEY_BYTES]) -> Result<Vec<u8>, KeyError> {
    let cipher = Aes256Gcm::new_from_slice(&key).expect("the key is 32 bytes");
    let aad = sealed.header.associated_data();
    cipher
        .decrypt(
            Nonce::from_slice(&sealed.header.iv),
            Payload {
                msg: &sealed.ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| KeyError::CannotOpen)
}

/// Seals `plaintext` for `recipient` in the browser, where WebCrypto made the ephemeral ECDH key
/// pair (its public half `ephemeral_key`), the random `iv`, and `shared`, the 32 bytes of
/// `deriveBits({name: "ECDH", public: recipient's encryption key}, ephemeral private key, 256)`.
/// Steps 3 and 4 of the module are done here.
pub fn seal_with_shared_secret(
    plaintext: &[u8],
    recipient: &IdentityKeys,
    ephemeral_key: PublicKey,
    iv: [u8; IV_BYTES],
    shared: &[u8],
) -> Result<SealedPackage, KeyError> {
    shared_secret_length(shared)?;
    let header = SealedHeader::new(recipient, ephemeral_key, iv);
    let key = key_from_shared_secret(shared, &header, &recipient.encryption);
    Ok(encrypt(plaintext, header, key))
}

/// Opens a sealed package in the browser, where the recipient's ECDH private key never leaves
/// WebCrypto: `shared` is `deriveBits({name: "ECDH", public: the package's ephemeral key}, private
/// key, 256)`. Refused as [`open_sealed`] refuses.
pub fn open_with_shared_secret(
    sealed: &SealedPackage,
    shared: &[u8],
    recipient: &IdentityKeys,
) -> Result<Vec<u8>, KeyError> {
    sealed.check_recipient(&recipient.fingerprint())?;
    shared_secret_length(shared)?;
    let key = key_from_shared_secret(shared, &sealed.header, &recipient.encryption);
    decrypt(sealed, key)
}

/// Opens a sealed package with the recipient's ECDH private key: the case package's bytes.
/// `recipient` are the recipient's public keys: refused when the package names another
/// fingerprint, when the private key is not theirs, and ([`KeyError::CannotOpen`]) when the
/// envelope or ciphertext changed after sealing.
pub fn open_sealed(
    sealed: &SealedPackage,
    private_key: &EcdhPrivateKey,
    recipient: &IdentityKeys,
) -> Result<Vec<u8>, KeyError> {
    sealed.check_recipient(&recipient.fingerprint())?;
    open_sealed_with(sealed, private_key, &recipient.encryption)
}

/// [`open_sealed`] when only the recipient's encryption key is known (the command line, given a key
/// file only): no fingerprint is checked, so a package sealed for someone else fails to open.
pub fn open_sealed_with(
    sealed: &SealedPackage,
    private_key: &EcdhPrivateKey,
    recipient_encryption_key: &PublicKey,
) -> Result<Vec<u8>, KeyError> {
    if private_key.public_key() != *recipient_encryption_key {
        return Err(KeyError::BadPrivateKey {
            detail: "it is not the private part of the recipient's encryption key".to_string(),
        });
    }
    let key = private_key.aes_key(
        &sealed.header.ephemeral_key,
        &sealed.header,
        recipient_encryption_key,
    );
    decrypt(sealed, key)
}

/// Seals `plaintext` for `recipient` with a given ephemeral private key and IV: what the browser
/// does with WebCrypto, here for tests (both must be fresh and random for every package).
pub fn seal_with(
    plaintext: &[u8],
    recipient: &IdentityKeys,
    ephemeral: &EcdhPrivateKey,
    iv: [u8; IV_BYTES],
) -> SealedPackage {
    let header = SealedHeader::new(recipient, ephemeral.public_key(), iv);
    let key = ephemeral.aes_key(&recipient.encryption, &header, &recipient.encryption);
    encrypt(plaintext, header, key)
}
