//! The backup file: a JSON envelope around the encrypted contents, saying how to unlock them.
//!
//! ```json
//! {"format":"probation-workbook-backup","version":1,"created_at":"2026-12-01T22:35:00Z",
//!  "kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"<base64, 16 bytes>"},
//!  "cipher":{"name":"AES-GCM","iv":"<base64, 12 bytes>"},
//!  "ciphertext_sha256":"<hex>","ciphertext":"<base64>"}
//! ```
//!
//! The key is derived from the officer's passphrase with PBKDF2-HMAC-SHA-256 and the salt; the
//! contents are sealed with AES-256-GCM under the IV, with [`Envelope::associated_data`] (the whole
//! header: everything but the ciphertext and its digest) as additional authenticated data, so a file
//! whose header was edited (fewer iterations, another date…) does not decrypt.
//!
//! `ciphertext_sha256` is **only a diagnostic**: anyone can recompute it, so it authenticates
//! nothing (AES-GCM does). It lets a damaged or edited ciphertext be told apart from a wrong
//! passphrase before any key is derived ([`BackupError::Altered`] rather than
//! [`BackupError::WrongPassphrase`]).
//!
//! [`parse_envelope`] reads any bytes without panicking, refusing with a [`BackupError`] sentence.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::BackupError;
use crate::domain::errors::json_error_detail;
use crate::domain::package::canonical_json;

/// What every backup file says it is.
pub const FORMAT: &str = "probation-workbook-backup";
/// The envelope layout this build writes and reads; a file of a later one is refused as newer.
pub const VERSION: u32 = 1;
/// PBKDF2 rounds this build writes, and the fewest it accepts (OWASP's figure for
/// PBKDF2-HMAC-SHA-256, 2023).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most rounds accepted: a file asking for more would keep the browser busy for minutes.
pub const MAX_PBKDF2_ITERATIONS: u32 = 10_000_000;
/// The key derivation and the cipher, as WebCrypto names them.
pub const KDF_NAME: &str = "PBKDF2";
pub const KDF_HASH: &str = "SHA-256";
pub const CIPHER_NAME: &str = "AES-GCM";
/// Bytes of PBKDF2 salt, of AES-GCM IV and of the AES-GCM tag that ends every ciphertext.
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
/// The largest file read (200 MB), refused before parsing: years of a caseload are far smaller.
pub const MAX_BACKUP_BYTES: usize = 200 * 1024 * 1024;

/// A backup file as read: everything needed to derive the key and decrypt the contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// RFC 3339: when the backup was made.
    pub created_at: String,
    /// PBKDF2 rounds ([`PBKDF2_ITERATIONS`] when written by this build).
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub iv: [u8; IV_BYTES],
    /// SHA-256 of `ciphertext`, 64 lower-case hex digits (a diagnostic only: see the module).
    pub ciphertext_sha256: String,
    /// AES-GCM output: the encrypted contents followed by the tag.
    pub ciphertext: Vec<u8>,
}

/// The file's JSON, field by field, in the order written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeJson {
    format: String,
    version: u32,
    created_at: String,
    kdf: KdfJson,
    cipher: CipherJson,
    ciphertext_sha256: String,
    ciphertext: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfJson {
    name: String,
    hash: String,
    iterations: u64,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CipherJson {
    name: String,
    iv: String,
}

impl Envelope {
    /// The envelope of freshly encrypted contents, with this build's iteration count and the digest.
    pub fn new(
        created_at: &str,
        salt: [u8; SALT_BYTES],
        iv: [u8; IV_BYTES],
        ciphertext: Vec<u8>,
    ) -> Envelope {
        Envelope {
            created_at: created_at.to_string(),
            iterations: PBKDF2_ITERATIONS,
            salt,
            iv,
            ciphertext_sha256: sha256_hex(&ciphertext),
            ciphertext,
        }
    }

    /// The header as the file has it (no ciphertext, no digest).
    fn header(&self) -> Value {
        serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "created_at": self.created_at,
            "kdf": {
                "name": KDF_NAME,
                "hash": KDF_HASH,
                "iterations": self.iterations,
                "salt": STANDARD.encode(self.salt),
            },
            "cipher": {"name": CIPHER_NAME, "iv": STANDARD.encode(self.iv)},
        })
    }

    /// The additional authenticated data for AES-GCM: the canonical JSON (`package::canonical_json`)
    /// of everything in the file but `ciphertext` and `ciphertext_sha256`. Sealing and opening both
    /// pass it, so a file whose header was edited does not decrypt.
    pub fn associated_data(&self) -> Vec<u8> {
        canonical_json(&self.header()).into_bytes()
    }

    /// The file's text: indented JSON, the header first.
    pub fn to_json(&self) -> String {
        let json = EnvelopeJson {
            format: FORMAT.to_string(),
            version: VERSION,
            created_at: self.created_at.clone(),
            kdf: KdfJson {
                name: KDF_NAME.to_string(),
                hash: KDF_HASH.to_string(),
                iterations: u64::from(self.iterations),
                salt: STANDARD.encode(self.salt),
            },
            cipher: CipherJson {
                name: CIPHER_NAME.to_string(),
                iv: STANDARD.encode(self.iv),
            },
            ciphertext_sha256: self.ciphertext_sha256.clone(),
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string_pretty(&json).expect("strings and numbers always serialise")
    }

    /// The file's bytes (UTF-8 of [`Envelope::to_json`]).
    pub fn to_json_bytes(&self) -> Vec<u8> {
        self.to_json().into_bytes()
    }
}

/// SHA-256 of the bytes, as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Reads a backup file's bytes. The checks, in order: size, text, JSON (a file that ends too early
/// is [`BackupError::Truncated`]), the format (a case package says so), the version (a newer one
/// is [`BackupError::NewerVersion`]), the key derivation and cipher with their parameters, the
/// shape, and last the ciphertext against its digest ([`BackupError::Altered`]). Never panics.
pub fn parse_envelope(bytes: &[u8]) -> Result<Envelope, BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BackupError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(not_json)?;
    let Value::Object(fields) = &value else {
        return Err(BackupError::NotABackup);
    };
    match fields.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(crate::domain::package::FORMAT) => return Err(BackupError::CasePackage),
        _ => return Err(BackupError::NotABackup),
    }
    match fields.get("version") {
        Some(version) if version.as_u64() == Some(u64::from(VERSION)) => {}
        Some(version) if version.as_u64().is_some_and(|n| n > u64::from(VERSION)) => {
            let found = version.as_u64().unwrap_or_default();
            return Err(BackupError::NewerVersion { found });
        }
        Some(version) => return Err(damaged(format!("its format version is {version}"))),
        None => return Err(damaged("it does not say its format version")),
    }
    let name_of = |object: &str| fields.get(object).and_then(|value| value.get("name"));
    match name_of("kdf").and_then(Value::as_str) {
        Some(KDF_NAME) => {}
        Some(other) => {
            return Err(BackupError::UnsupportedKdf {
                found: other.to_string(),
            })
        }
        None => return Err(damaged("it does not say how its key is made")),
    }
    match value.pointer("/kdf/hash").and_then(Value::as_str) {
        Some(KDF_HASH) => {}
        Some(other) => {
            return Err(BackupError::UnsupportedKdf {
                found: format!("{KDF_NAME} with {other}"),
            })
        }
        None => return Err(damaged("it does not say how its key is made")),
    }
    match name_of("cipher").and_then(Value::as_str) {
        Some(CIPHER_NAME) => {}
        Some(other) => {
            return Err(BackupError::UnsupportedCipher {
                found: other.to_string(),
            })
        }
        None => return Err(damaged("it does not say how it is locked")),
    }
    let json: EnvelopeJson =
        serde_json::from_value(value).map_err(|error| damaged(json_error_detail(&error)))?;
    let iterations = u32::try_from(json.kdf.iterations)
        .ok()
        .filter(|n| (PBKDF2_ITERATIONS..=MAX_PBKDF2_ITERATIONS).contains(n))
        .ok_or(BackupError::Iterations {
            found: json.kdf.iterations,
        })?;
    let salt = fixed::<SALT_BYTES>(&json.kdf.salt, "salt")?;
    let iv = fixed::<IV_BYTES>(&json.cipher.iv, "initialisation vector (IV)")?;
    if json.created_at.parse::<Timestamp>().is_err() {
        return Err(damaged("the time it was made is not a date and time"));
    }
    let digest = json.ciphertext_sha256.to_ascii_lowercase();
    if digest.len() != 64 || !digest.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return Err(damaged("its digest is not 64 hexadecimal digits"));
    }
    let ciphertext =
        STANDARD
            .decode(json.ciphertext.as_bytes())
            .map_err(|_| BackupError::BadBase64 {
                what: "locked contents",
            })?;
    if ciphertext.len() < TAG_BYTES {
        return Err(BackupError::CiphertextTooShort);
    }
    if sha256_hex(&ciphertext) != digest {
        return Err(BackupError::Altered);
    }
    Ok(Envelope {
        created_at: json.created_at,
        iterations,
        salt,
        iv,
        ciphertext_sha256: digest,
        ciphertext,
    })
}

/// Base64 text that must decode to exactly `N` bytes.
fn fixed<const N: usize>(text: &str, what: &'static str) -> Result<[u8; N], BackupError> {
    let bytes = STANDARD
        .decode(text.as_bytes())
        .map_err(|_| BackupError::BadBase64 { what })?;
    <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| BackupError::BadLength {
        what,
        expected: N,
        found: bytes.len(),
    })
}

fn damaged(detail: impl Into<String>) -> BackupError {
    BackupError::Damaged {
        detail: detail.into(),
    }
}

fn not_json(error: serde_json::Error) -> BackupError {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => BackupError::Truncated { line, column },
        _ => BackupError::NotJson {
            line,
            column,
            detail: json_error_detail(&error),
        },
    }
}
