//! Test vectors made by WebCrypto (`scripts/make-key-vectors.mjs`, in `tests/vectors/`): the Rust
//! side verifies WebCrypto's signatures over the bytes it says to sign, reads the cards and team
//! made from them, and opens a package WebCrypto sealed. Native only.
//!
//! `write_key_vectors` (ignored; the script runs it) writes what the Rust side decides: the exact
//! messages to sign, and once they are signed, the signed package, the cards and the team list.

use std::path::PathBuf;

use serde_json::{json, Value};

use super::support::{is_high_s, CASE_ID};
use super::*;
use crate::domain::package::{parse_package, verify_package, CasePackage};
use crate::domain::signing::{CaseSigning, Grade, Profile, ReviewDecision, Snapshot};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(name)
}

fn read(name: &str) -> Option<Vec<u8>> {
    std::fs::read(path(name)).ok()
}

fn read_json(name: &str) -> Value {
    serde_json::from_slice(&read(name).unwrap_or_else(|| panic!("tests/vectors/{name}"))).unwrap()
}

/// One of the two people of the vectors.
struct Party {
    id: &'static str,
    profile: Profile,
    keys: IdentityKeys,
    fingerprint: String,
    created_at: String,
}

fn parties() -> (Party, Party) {
    let keys = read_json("keys.json");
    let party = |id: &'static str| {
        let person = &keys[id];
        let text = |field: &str| person[field].as_str().unwrap().to_string();
        let grade = Grade::from_code(&text("grade")).unwrap();
        Party {
            id,
            profile: Profile::new(&text("name"), grade).unwrap(),
            keys: IdentityKeys {
                signing: PublicKey::from_base64(
                    &text("signing_key"),
                    FileKind::IdentityCard,
                    "signing key",
                )
                .unwrap(),
                encryption: PublicKey::from_base64(
                    &text("encryption_key"),
                    FileKind::IdentityCard,
                    "encryption key",
                )
                .unwrap(),
            },
            fingerprint: text("fingerprint"),
            created_at: text("created_at"),
        }
    };
    (party("officer"), party("senior"))
}

fn signature(signatures: Option<&Value>, section: &str, id: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let text = signatures?[section][id].as_str()?;
    Some(
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap(),
    )
}

/// A message to sign: its id, whose key signs it, and the text.
type Message = (String, String, String);

/// Signs the decision of `kind` on version `number` with the vector's signature, or, before there
/// is one, holds a placeholder (the next message does not depend on the signature).
fn step(
    signing: &mut CaseSigning,
    messages: &mut Vec<Message>,
    signatures: Option<&Value>,
    (number, kind, party, id): (u32, SignedEventKind, &Party, &str),
) {
    let event = signing
        .event_to_sign(CASE_ID, number, kind, party.keys.signing)
        .unwrap();
    messages.push((
        id.to_string(),
        party.id.to_string(),
        String::from_utf8(event.message()).unwrap(),
    ));
    match signature(signatures, "events", id) {
        Some(bytes) => {
            let event = event
                .with_signature(&bytes)
                .unwrap_or_else(|_| panic!("WebCrypto's signature of {id} verifies"));
            signing.attach_signature(CASE_ID, event).unwrap();
        }
        None => {
            let version = signing
                .versions
                .iter_mut()
                .find(|version| version.number == number)
                .unwrap();
            version.signatures.push(SignedEvent {
                kind: event.kind,
                version: event.version,
                at: event.at,
                signer_key: event.signer_key,
                signer: event.signer,
                comments: event.comments,
                previous: event.previous,
                content_digest: event.content_digest,
                signature: SignatureBytes::from_slice(&[0; 64]).unwrap(),
            });
        }
    }
}

fn work(note: &str) -> Snapshot {
    let mut snapshot = Snapshot::default();
    snapshot
        .answers
        .set("3.97", crate::domain::answers::Answer::Text(note.into()));
    snapshot.completed_sections.insert("3".into());
    snapshot
}

/// The officer signs version 1 (it needs countersigning: high RoSH), the senior returns it with a
/// comment on section 3, the officer signs version 2, and the senior countersigns it with a comment.
fn flow(
    officer: &Party,
    senior: &Party,
    signatures: Option<&Value>,
) -> (CaseSigning, Vec<Message>) {
    use SignedEventKind as K;
    let reasons = ["countersigning needed: the RoSH is High"];
    let mut messages = Vec::new();
    let mut signing = CaseSigning::new("2026-11-21T09:00:00Z", Some(&officer.profile));
    let at = "2026-11-23T10:15:00Z";
    signing
        .sign(work("Sofa surfing"), true, &officer.profile, &reasons, at)
        .unwrap();
    step(
        &mut signing,
        &mut messages,
        signatures,
        (1, K::Sign, officer, "v1-sign"),
    );
    let drafts = [
        ("section:3".to_string(), "Say where he sleeps".to_string()),
        (
            String::new(),
            "Rework the accommodation section".to_string(),
        ),
    ]
    .into_iter()
    .collect();
    let at = "2026-11-24T11:00:00Z";
    signing
        .decide(
            1,
            ReviewDecision::ReturnForRework,
            &drafts,
            &senior.profile,
            at,
        )
        .unwrap();
    step(
        &mut signing,
        &mut messages,
        signatures,
        (1, K::ReturnForRework, senior, "v1-return"),
    );
    let at = "2026-11-25T14:03:07Z";
    signing
        .sign(
            work("Sleeps at his sister's — “for now”"),
            true,
            &officer.profile,
            &reasons,
            at,
        )
        .unwrap();
    step(
        &mut signing,
        &mut messages,
        signatures,
        (2, K::Sign, officer, "v2-sign"),
    );
    let drafts = [(String::new(), "Good plan".to_string())]
        .into_iter()
        .collect();
    let at = "2026-11-26T16:45:00Z";
    signing
        .decide(2, ReviewDecision::Countersign, &drafts, &senior.profile, at)
        .unwrap();
    step(
        &mut signing,
        &mut messages,
        signatures,
        (2, K::Countersign, senior, "v2-countersign"),
    );
    (signing, messages)
}

fn card(party: &Party) -> UnsignedIdentityCard {
    UnsignedIdentityCard::new(&party.profile, party.keys, &party.created_at).unwrap()
}

fn package(senior: &Party, signing: CaseSigning) -> CasePackage {
    let mut case = super::support::case();
    case.created_at = "2026-11-21T09:00:00Z".into();
    let mut package =
        CasePackage::build(case, signing, None, &senior.profile, "2026-11-26T17:00:00Z");
    // Pinned, so the package does not change with the app's version.
    package.app_version = "0.1.0".into();
    crate::domain::package::seal(package)
}

#[test]
#[ignore = "writes tests/vectors: run by scripts/make-key-vectors.mjs"]
fn write_key_vectors() {
    let (officer, senior) = parties();
    let signatures =
        read("signatures.json").map(|bytes| serde_json::from_slice::<Value>(&bytes).unwrap());
    let (signing, events) = flow(&officer, &senior, signatures.as_ref());
    let cards: Vec<Value> = [&officer, &senior]
        .into_iter()
        .map(|party| {
            json!({"person": party.id, "message": String::from_utf8(card(party).message()).unwrap()})
        })
        .collect();
    let events: Vec<Value> = events
        .into_iter()
        .map(|(id, person, message)| json!({"id": id, "person": person, "message": message}))
        .collect();
    let messages = json!({
        "note": "The exact bytes to sign (UTF-8 of each message), written by the Rust side: cargo test --lib keys::vectors::write_key_vectors -- --ignored",
        "cards": cards,
        "events": events,
    });
    let write = |name: &str, text: String| std::fs::write(path(name), text).unwrap();
    write(
        "messages.json",
        format!("{}\n", serde_json::to_string_pretty(&messages).unwrap()),
    );
    let Some(signatures) = signatures else {
        return;
    };
    let mut team = Team::default();
    for party in [&officer, &senior] {
        let bytes = signature(Some(&signatures), "cards", party.id).unwrap();
        let card = card(party).with_signature(&bytes).unwrap();
        write(&format!("{}-card.json", party.id), card.to_json());
        team.add(&card, party.profile.grade, "2026-11-22T12:00:00Z")
            .unwrap();
    }
    write("team.json", team.to_json());
    write("package.json", package(&senior, signing).to_json());
}

#[test]
fn webcrypto_signatures_verify_over_the_bytes_rust_says_to_sign() {
    let (officer, senior) = parties();
    let signatures = read_json("signatures.json");
    let messages = read_json("messages.json");
    // Attaching each event verifies WebCrypto's signature.
    let (signing, events) = flow(&officer, &senior, Some(&signatures));
    let written: Vec<Message> = messages["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| {
            let text = |field: &str| event[field].as_str().unwrap().to_string();
            (text("id"), text("person"), text("message"))
        })
        .collect();
    assert_eq!(
        events, written,
        "the message format changed: regenerate the vectors"
    );
    let team = parse_team(&read("team.json").unwrap()).unwrap();
    for version in &signing.versions {
        for event in &version.signatures {
            assert!(verify_event(CASE_ID, version, event, &team).is_verified());
        }
    }
    let forced = signatures["high_s"][0].as_str().unwrap();
    let high = signature(Some(&signatures), "events", forced).unwrap();
    assert!(is_high_s(&high), "{forced} has a high S");
    assert!(signing.versions[1].signatures[1].signature.as_bytes()[..] == high[..]);
}

#[test]
fn webcrypto_cards_and_fingerprints_match() {
    let (officer, senior) = parties();
    let signatures = read_json("signatures.json");
    let messages = read_json("messages.json");
    for (index, party) in [&officer, &senior].into_iter().enumerate() {
        let unsigned = card(party);
        assert_eq!(
            messages["cards"][index]["message"]
                .as_str()
                .unwrap()
                .as_bytes(),
            unsigned.message()
        );
        let bytes = signature(Some(&signatures), "cards", party.id).unwrap();
        let made = unsigned.with_signature(&bytes).unwrap();
        let file = read(&format!("{}-card.json", party.id)).unwrap();
        let read = parse_identity_card(&file).unwrap();
        assert_eq!(read, made);
        assert_eq!(
            read.fingerprint().to_string(),
            party.fingerprint,
            "as WebCrypto's SHA-256 made it"
        );
    }
    let team = parse_team(&read("team.json").unwrap()).unwrap();
    assert_eq!(team.members.len(), 2);
    assert_eq!(team.members[1].grade, Grade::Spo);
}

#[test]
fn the_signed_package_verifies_against_the_team() {
    let (officer, senior) = parties();
    let signatures = read_json("signatures.json");
    let (signing, _) = flow(&officer, &senior, Some(&signatures));
    let text = String::from_utf8(read("package.json").unwrap()).unwrap();
    let package = parse_package(&text).unwrap();
    assert_eq!(package.signing, signing);
    let team = parse_team(&read("team.json").unwrap()).unwrap();
    let verification = verify_package(&package, &team);
    assert!(verification.all_verified(), "{verification:?}");
    assert!(verification.version(2).unwrap().is_countersigned());
}

fn jwk(name: &str) -> EcdhPrivateKey {
    EcdhPrivateKey::from_jwk(&read(name).unwrap()).unwrap()
}

#[test]
fn a_package_webcrypto_sealed_opens_for_the_senior_only() {
    let (officer, senior) = parties();
    let sealed = parse_sealed(&read("sealed-package.json").unwrap()).unwrap();
    let key = jwk("senior-encryption-key.jwk");
    assert_eq!(key.public_key(), senior.keys.encryption);
    let opened = open_sealed(&sealed, &key, &senior.keys).unwrap();
    assert_eq!(opened, read("package.json").unwrap());
    assert!(parse_package(std::str::from_utf8(&opened).unwrap()).is_ok());
    let theirs = jwk("officer-encryption-key.jwk");
    assert_eq!(
        open_sealed(&sealed, &theirs, &officer.keys),
        Err(KeyError::SealedForSomeoneElse {
            fingerprint: senior.fingerprint.clone()
        })
    );
    assert_eq!(
        open_sealed_with(&sealed, &theirs, &officer.keys.encryption),
        Err(KeyError::CannotOpen)
    );
}
