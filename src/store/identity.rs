//! This browser's own keys (issue 15): an ECDSA P-256 key pair to sign with and an ECDH P-256 key
//! pair to open packages sealed for this officer, made by WebCrypto with **non-extractable** private
//! keys and kept in the `keys` object store as the `CryptoKey` objects themselves (IndexedDB stores
//! them by structured clone; their bytes can never be read, exported or put in a backup). The public
//! halves are kept as raw bytes (`domain::keys::IdentityKeys`), from which the fingerprint comes.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CryptoKey, CryptoKeyPair, EcKeyGenParams, EcKeyImportParams, EcdhKeyDeriveParams, EcdsaParams,
    SubtleCrypto,
};

use super::crypto::{failure, settled, usages, window_crypto};
use super::{read_error, write_error, Store, StoreError, KEYS};
use crate::domain::keys::{
    open_with_shared_secret, seal_with_shared_secret, IdentityKeys, PublicKey, SealedPackage,
    IV_BYTES,
};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

/// The key of this officer's keys in the `keys` store.
pub const MY_KEYS: &str = "mine";
const CURVE: &str = "P-256";

/// This officer's keys: the private halves usable only through WebCrypto, the public halves as bytes.
#[derive(Debug, Clone)]
pub struct MyKeys {
    pub signing_private: CryptoKey,
    pub encryption_private: CryptoKey,
    pub public: IdentityKeys,
    /// RFC 3339: when the keys were made.
    pub created_at: String,
}

fn subtle() -> Result<SubtleCrypto, String> {
    Ok(window_crypto()?.subtle())
}

async fn settle(promise: Result<js_sys::Promise, JsValue>, what: &str) -> Result<JsValue, String> {
    settled(promise.map_err(|error| failure(what, &error))?, what).await
}

/// A fresh key pair of `algorithm` ("ECDSA" or "ECDH") on P-256, its private half non-extractable.
async fn key_pair(algorithm: &str, uses: &[&str]) -> Result<(CryptoKey, PublicKey), String> {
    let subtle = subtle()?;
    let params = EcKeyGenParams::new(algorithm, CURVE);
    let pair: CryptoKeyPair = settle(
        subtle.generate_key_with_object(&params, false, &usages(uses)),
        "could not make a key",
    )
    .await?
    .unchecked_into();
    let raw = settle(
        subtle.export_key("raw", &pair.get_public_key()),
        "could not read the public key",
    )
    .await?;
    let public = PublicKey::from_raw(&Uint8Array::new(&raw).to_vec())
        .ok_or_else(|| "the browser made a public key that is not on P-256".to_string())?;
    Ok((pair.get_private_key(), public))
}

/// Makes this officer's keys (nothing is stored yet: `Store::put_my_keys`).
pub async fn make_my_keys(created_at: &str) -> Result<MyKeys, String> {
    let (signing_private, signing) = key_pair("ECDSA", &["sign"]).await?;
    let (encryption_private, encryption) = key_pair("ECDH", &["deriveBits"]).await?;
    Ok(MyKeys {
        signing_private,
        encryption_private,
        public: IdentityKeys {
            signing,
            encryption,
        },
        created_at: created_at.to_string(),
    })
}

/// An ECDSA P-256 / SHA-256 signature (64 bytes, r‖s) by `key` over `message`.
pub async fn sign(key: &CryptoKey, message: &[u8]) -> Result<Vec<u8>, String> {
    let subtle = subtle()?;
    let params = EcdsaParams::new_with_str("ECDSA", "SHA-256");
    let signature = settle(
        subtle.sign_with_object_and_u8_array(&params, key, message),
        "could not sign",
    )
    .await?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// The ECDH shared secret (32 bytes) of `private` and the P-256 public key `public`.
async fn shared_secret(private: &CryptoKey, public: &PublicKey) -> Result<Vec<u8>, String> {
    let subtle = subtle()?;
    let params = EcKeyImportParams::new("ECDH");
    params.set_named_curve(CURVE);
    let raw = Uint8Array::from(public.as_bytes().as_slice());
    let theirs: CryptoKey = settle(
        subtle.import_key_with_object("raw", &raw, &params, true, &usages(&[])),
        "could not read the other key",
    )
    .await?
    .unchecked_into();
    let bits = settle(
        subtle.derive_bits_with_object(&EcdhKeyDeriveParams::new("ECDH", &theirs), private, 256),
        "could not agree a key",
    )
    .await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// Seals `plaintext` (a case package's bytes) for `recipient`: a fresh ephemeral ECDH P-256 key
/// pair and a random IV from WebCrypto, then HKDF and AES-256-GCM as `domain::keys::sealed` says.
pub async fn seal_for(recipient: &IdentityKeys, plaintext: &[u8]) -> Result<SealedPackage, String> {
    let (ephemeral_private, ephemeral_public) = key_pair("ECDH", &["deriveBits"]).await?;
    let shared = shared_secret(&ephemeral_private, &recipient.encryption).await?;
    let mut iv = [0u8; IV_BYTES];
    window_crypto()?
        .get_random_values_with_u8_array(&mut iv)
        .map_err(|error| failure("could not make a random number", &error))?;
    seal_with_shared_secret(plaintext, recipient, ephemeral_public, iv, &shared)
        .map_err(|error| error.to_string())
}

/// Opens a package sealed for this officer: the case package's bytes. Refused when it was sealed
/// for someone else or changed after sealing.
pub async fn open_sealed_for_me(keys: &MyKeys, sealed: &SealedPackage) -> Result<Vec<u8>, String> {
    sealed
        .check_recipient(&keys.public.fingerprint())
        .map_err(|error| error.to_string())?;
    let shared = shared_secret(&keys.encryption_private, &sealed.header.ephemeral_key).await?;
    open_with_shared_secret(sealed, &shared, &keys.public).map_err(|error| error.to_string())
}

fn set(object: &Object, key: &str, value: &JsValue) -> Result<(), StoreError> {
    Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|error| write_error(failure("could not keep the keys", &error)))
}

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

impl Store {
    /// Keeps this officer's keys (the `CryptoKey` objects and the public bytes), once: keys already
    /// kept are never replaced, so a second tab making keys at the same moment keeps the first's.
    /// Returns the keys kept.
    pub async fn put_my_keys(&self, keys: &MyKeys) -> Result<MyKeys, StoreError> {
        let transaction = self
            .db
            .transaction(KEYS)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = transaction.object_store(KEYS).map_err(write_error)?;
        if let Some(existing) = kept_keys(&store, write_error).await? {
            transaction.commit().await.map_err(write_error)?;
            return Ok(existing);
        }
        let record = Object::new();
        set(&record, "schema_version", &JsValue::from(1))?;
        set(&record, "signing_private", &keys.signing_private)?;
        set(&record, "encryption_private", &keys.encryption_private)?;
        set(
            &record,
            "signing_public",
            &Uint8Array::from(keys.public.signing.as_bytes().as_slice()),
        )?;
        set(
            &record,
            "encryption_public",
            &Uint8Array::from(keys.public.encryption.as_bytes().as_slice()),
        )?;
        set(&record, "created_at", &JsValue::from_str(&keys.created_at))?;
        store
            .put(JsValue::from(record))
            .with_key(MY_KEYS)
            .primitive()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        transaction.commit().await.map_err(write_error)?;
        Ok(keys.clone())
    }

    /// This officer's keys, made now (and kept) if this browser has none yet: a profile saved
    /// before keys existed gets them the first time they are needed.
    pub async fn my_keys_or_make(&self, at: &str) -> Result<MyKeys, StoreError> {
        if let Some(keys) = self.my_keys().await? {
            return Ok(keys);
        }
        let keys = make_my_keys(at).await.map_err(write_error)?;
        self.put_my_keys(&keys).await
    }

    /// This officer's keys, if they were made in this browser.
    pub async fn my_keys(&self) -> Result<Option<MyKeys>, StoreError> {
        let transaction = self.db.transaction(KEYS).build().map_err(read_error)?;
        let store = transaction.object_store(KEYS).map_err(read_error)?;
        kept_keys(&store, read_error).await
    }
}

/// The keys kept in `store` (of the `keys` object store), if any; a failure is `as_error` (a read,
/// or a write about to keep keys).
async fn kept_keys(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    as_error: fn(indexed_db_futures::error::Error) -> StoreError,
) -> Result<Option<MyKeys>, StoreError> {
    let value: Option<JsValue> = store
        .get(MY_KEYS)
        .primitive()
        .map_err(as_error)?
        .await
        .map_err(as_error)?;
    match value.filter(|value| !value.is_undefined()) {
        None => Ok(None),
        Some(value) => read_keys(&value)
            .map(Some)
            .ok_or_else(|| read_error("the keys kept here cannot be read")),
    }
}

fn read_keys(value: &JsValue) -> Option<MyKeys> {
    let bytes = |key: &str| get(value, key).map(|value| Uint8Array::new(&value).to_vec());
    Some(MyKeys {
        signing_private: get(value, "signing_private")?.dyn_into().ok()?,
        encryption_private: get(value, "encryption_private")?.dyn_into().ok()?,
        public: IdentityKeys {
            signing: PublicKey::from_raw(&bytes("signing_public")?)?,
            encryption: PublicKey::from_raw(&bytes("encryption_public")?)?,
        },
        created_at: get(value, "created_at")?.as_string()?,
    })
}
