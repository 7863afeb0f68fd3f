//! Locking and unlocking a backup with the browser's WebCrypto (`crypto.subtle`): nothing here is
//! cryptography of its own, only SubtleCrypto's primitives, as `domain::backup` describes them.
//!
//! - The key: PBKDF2-HMAC-SHA-256 over the passphrase (UTF-8, in Unicode NFC so the same words
//!   typed on another system give the same key) with a random 16-byte salt, the envelope's
//!   iteration count, deriving a non-extractable AES-GCM 256-bit key used for one purpose only.
//! - The contents: AES-256-GCM with a random 12-byte IV and a 128-bit tag, the envelope's header as
//!   additional authenticated data (`Envelope::associated_data`).
//!
//! Every JavaScript failure becomes a [`BackupError`]; nothing here panics.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, Crypto, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::domain::backup::{
    parse_envelope, read_payload, BackupError, BackupPayload, Envelope, CIPHER_NAME, IV_BYTES,
    KDF_HASH, KDF_NAME, SALT_BYTES,
};

/// Bits of the AES key.
const KEY_BITS: u32 = 256;

/// The error's `name` and `message` (a `DOMException` or `Error`), or what it says.
fn describe(error: &JsValue) -> (String, String) {
    let field = |key: &str| {
        js_sys::Reflect::get(error, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name.is_empty() && message.is_empty() {
        let text = error
            .as_string()
            .or_else(|| {
                js_sys::JSON::stringify(error)
                    .ok()
                    .and_then(|s| s.as_string())
            })
            .unwrap_or_else(|| "unknown error".to_string());
        return (String::new(), text);
    }
    (name, message)
}

/// "what: name: message", a failed WebCrypto call in words.
pub(crate) fn failure(what: &str, error: &JsValue) -> String {
    let (name, message) = describe(error);
    let detail = [name, message]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    format!("{what}: {detail}")
}

fn crypto_error(what: &str) -> impl Fn(JsValue) -> BackupError + '_ {
    move |error| BackupError::Crypto(failure(what, &error))
}

/// The browser's `crypto`, or why there is none.
pub(crate) fn window_crypto() -> Result<Crypto, String> {
    let window = web_sys::window().ok_or_else(|| "there is no browser window".to_string())?;
    window
        .crypto()
        .map_err(|error| failure("no cryptography", &error))
}

fn crypto() -> Result<Crypto, BackupError> {
    window_crypto().map_err(BackupError::Crypto)
}

fn subtle(crypto: &Crypto) -> SubtleCrypto {
    crypto.subtle()
}

/// What a WebCrypto promise settles to, or "what: why" when it is refused.
pub(crate) async fn settled(promise: js_sys::Promise, what: &str) -> Result<JsValue, String> {
    JsFuture::from(promise)
        .await
        .map_err(|error| failure(what, &error))
}

async fn settle(promise: js_sys::Promise, what: &str) -> Result<JsValue, BackupError> {
    settled(promise, what).await.map_err(BackupError::Crypto)
}

/// A key's usages, as WebCrypto takes them.
pub(crate) fn usages(list: &[&str]) -> Array {
    list.iter().map(|usage| JsValue::from_str(usage)).collect()
}

/// The AES-GCM key for `usage` ("encrypt" or "decrypt"), from the passphrase, salt and rounds.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8; SALT_BYTES],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, BackupError> {
    let normalised: String = js_sys::JsString::from(passphrase).normalize("NFC").into();
    let secret = Uint8Array::from(normalised.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &secret, KDF_NAME, false, &usages(&["deriveKey"]))
        .map_err(crypto_error("could not use the passphrase"))?;
    let base: CryptoKey = settle(base, "could not use the passphrase")
        .await?
        .dyn_into()
        .map_err(crypto_error("could not use the passphrase"))?;
    let salt = Uint8Array::from(salt.as_slice());
    let params = Pbkdf2Params::new_with_str(KDF_NAME, KDF_HASH, iterations, &salt);
    let key_type = AesDerivedKeyParams::new(CIPHER_NAME, KEY_BITS);
    let key = subtle
        .derive_key_with_object_and_object(&params, &base, &key_type, false, &usages(&[usage]))
        .map_err(crypto_error("could not make the key"))?;
    settle(key, "could not make the key")
        .await?
        .dyn_into()
        .map_err(crypto_error("could not make the key"))
}

fn gcm_params(iv: &[u8; IV_BYTES], associated_data: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new(CIPHER_NAME, &Uint8Array::from(iv.as_slice()));
    params.set_additional_data(&Uint8Array::from(associated_data));
    params.set_tag_length(128);
    params
}

fn bytes_of(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// Locks `payload` with `passphrase`: a random salt and IV, PBKDF2-SHA-256 with
/// `PBKDF2_ITERATIONS` rounds, AES-256-GCM with the header as associated data. Returns the backup
/// file's bytes (the envelope's JSON). Check the passphrase first (`check_passphrase`).
pub async fn seal_backup(
    passphrase: &str,
    payload: &BackupPayload,
    created_at: &str,
) -> Result<Vec<u8>, BackupError> {
    let crypto = crypto()?;
    let subtle = subtle(&crypto);
    let mut salt = [0u8; SALT_BYTES];
    let mut iv = [0u8; IV_BYTES];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(crypto_error("no random numbers"))?;
    crypto
        .get_random_values_with_u8_array(&mut iv)
        .map_err(crypto_error("no random numbers"))?;
    // The header is known before the ciphertext: it is what the ciphertext is bound to.
    let header = Envelope::new(created_at, salt, iv, Vec::new());
    let key = derive_key(&subtle, passphrase, &salt, header.iterations, "encrypt").await?;
    let params = gcm_params(&iv, &header.associated_data());
    let plaintext = payload.to_json_bytes();
    let sealed = subtle
        .encrypt_with_object_and_u8_array(&params, &key, &plaintext)
        .map_err(crypto_error("could not lock the backup"))?;
    let ciphertext = bytes_of(&settle(sealed, "could not lock the backup").await?);
    Ok(Envelope::new(created_at, salt, iv, ciphertext).to_json_bytes())
}

/// Unlocks a backup file: reads the envelope (every refusal of `parse_envelope`, so a damaged file
/// is `Altered` or `Truncated` before any key is made), derives the key, decrypts (a passphrase that
/// does not fit, or an edited header, is `WrongPassphrase`) and reads the contents
/// (`read_payload`).
pub async fn open_backup(passphrase: &str, file: &[u8]) -> Result<BackupPayload, BackupError> {
    let envelope = parse_envelope(file)?;
    let crypto = crypto()?;
    let subtle = subtle(&crypto);
    let key = derive_key(
        &subtle,
        passphrase,
        &envelope.salt,
        envelope.iterations,
        "decrypt",
    )
    .await?;
    let params = gcm_params(&envelope.iv, &envelope.associated_data());
    let opened = subtle
        .decrypt_with_object_and_u8_array(&params, &key, &envelope.ciphertext)
        .map_err(crypto_error("could not unlock the backup"))?;
    let plaintext = match JsFuture::from(opened).await {
        Ok(buffer) => bytes_of(&buffer),
        // AES-GCM says only that the tag does not fit: the key (the passphrase) or the
        // associated data (the header) differs from the one it was locked with.
        Err(error) if describe(&error).0 == "OperationError" => {
            return Err(BackupError::WrongPassphrase)
        }
        Err(error) => return Err(crypto_error("could not unlock the backup")(error)),
    };
    read_payload(&plaintext)
}
