//! Why an identity card, a team list, a signature or a sealed package was refused: each a sentence
//! the officer reads.

/// Which kind of file was being read, for the sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    IdentityCard,
    TeamList,
    SealedPackage,
    PrivateKey,
}

impl FileKind {
    /// "identity card".
    pub fn noun(self) -> &'static str {
        match self {
            FileKind::IdentityCard => "identity card",
            FileKind::TeamList => "team list",
            FileKind::SealedPackage => "sealed package",
            FileKind::PrivateKey => "key file",
        }
    }

    /// "a Probation Workbook identity card".
    pub fn described(self) -> &'static str {
        match self {
            FileKind::IdentityCard => "a Probation Workbook identity card",
            FileKind::TeamList => "a Probation Workbook team list",
            FileKind::SealedPackage => "a sealed Probation Workbook case package",
            FileKind::PrivateKey => "a private key in JWK form",
        }
    }

    /// The largest file of this kind read, refused before parsing.
    pub fn max_bytes(self) -> usize {
        match self {
            FileKind::IdentityCard | FileKind::PrivateKey => 64 * 1024,
            FileKind::TeamList => 4 * 1024 * 1024,
            FileKind::SealedPackage => super::sealed::MAX_SEALED_BYTES,
        }
    }
}

/// Why a file or a key was refused. Nothing changes on a refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("The file is too large to be {}", .what.described())]
    TooLarge { what: FileKind },
    #[error("The file is empty")]
    Empty,
    #[error("The file is not {}: it is not text", .what.described())]
    NotText { what: FileKind },
    /// The file ends before its JSON does: cut short while being copied.
    #[error("The {} is incomplete: it ends too early (line {line}, column {column}). It may have been cut off while being copied: ask for it again", .what.noun())]
    Truncated {
        what: FileKind,
        line: usize,
        column: usize,
    },
    #[error("The file is not {}: it is not valid JSON (line {line}, column {column}: {detail})", .what.described())]
    NotJson {
        what: FileKind,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("The file is not {}", .what.described())]
    WrongFormat { what: FileKind },
    /// Another Probation Workbook file ("a case package that is not sealed", "an identity card").
    #[error("The file is {found}, not {}", .what.described())]
    OtherFormat { what: FileKind, found: &'static str },
    #[error("The {} was made by a newer version of Probation Workbook (format version {found}): update this browser's copy first", .what.noun())]
    NewerVersion { what: FileKind, found: u64 },
    #[error("The {} is damaged: {detail}", .what.noun())]
    Damaged { what: FileKind, detail: String },
    #[error("The {} is damaged: its {field} cannot be read (it is not base64)", .what.noun())]
    BadBase64 { what: FileKind, field: &'static str },
    #[error("The {} is damaged: its {field} is {found} bytes long, and should be {expected}", .what.noun())]
    BadLength {
        what: FileKind,
        field: &'static str,
        expected: usize,
        found: usize,
    },
    /// Not a point on the P-256 curve, or not in the raw uncompressed form (65 bytes from 0x04).
    #[error("The {} is damaged: its {field} is not a P-256 public key", .what.noun())]
    BadKey { what: FileKind, field: &'static str },
    /// The card's self-signature does not verify with its own signing key.
    #[error("The identity card was changed after it was made: its self-signature does not match its contents. Ask its owner to send it again")]
    BadSelfSignature,
    /// A signature just made does not verify with the key that was to make it.
    #[error("The signature does not match the key it was made with: nothing was signed")]
    SignatureMismatch,
    /// The sealed package names another recipient's fingerprint.
    #[error("This package was sealed for someone else: {fingerprint}")]
    SealedForSomeoneElse { fingerprint: String },
    /// The ciphertext is shorter than the AES-GCM tag: cut off.
    #[error("The sealed package is incomplete: its locked contents are too short. It may have been cut off while being copied: ask for it again")]
    CiphertextTooShort,
    /// AES-GCM refused: the envelope or ciphertext changed, or the key is not the recipient's.
    #[error("The sealed package cannot be opened: it was changed or damaged after it was sealed, or it was not sealed with this key")]
    CannotOpen,
    /// The private key given is not a P-256 key, or does not belong with the public key given.
    #[error("The key cannot be used: {detail}")]
    BadPrivateKey { detail: String },
}

impl KeyError {
    pub(super) fn damaged(what: FileKind, detail: impl Into<String>) -> KeyError {
        KeyError::Damaged {
            what,
            detail: detail.into(),
        }
    }
}
