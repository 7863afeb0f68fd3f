//! The sync envelope: a known-answer vector, and every refusal (issue 21's list).

use proptest::prelude::*;

use super::envelope::*;
use super::Rev;
use crate::domain::keys::support::Person;
use crate::domain::keys::Fingerprint;

const KEY: [u8; KEY_BYTES] = [7; KEY_BYTES];
const IV: [u8; IV_BYTES] = [9; IV_BYTES];
const RECORD: &[u8] = br#"{"answers":{"3.4":"significant"},"name":"Jordan Fictional"}"#;

fn parent() -> Rev {
    Rev::parse("1-0a1b2c3d4e5f60718293a4b5c6d7e8f9").unwrap()
}

fn place(parent: &Rev) -> Place<'_> {
    Place {
        team: "team-1",
        database: "t-5d1c9e",
        id: "c3b1a2f09e8d7c6b5a4f3e2d1c0b9a88",
        generation: 2,
        parent: Some(parent),
    }
}

fn sealed(by: &Person, epoch: u32) -> Envelope {
    let parent = parent();
    seal(
        RECORD,
        &place(&parent),
        10,
        epoch,
        &KEY,
        IV,
        &by.keys().fingerprint(),
        &|message| by.sign(message),
    )
    .unwrap()
}

/// The team: the officer and the senior now; a leaver who was in it before.
fn author(fingerprint: &Fingerprint) -> Author {
    let (officer, senior, leaver) = (Person::officer(), Person::senior(), Person::second_senior());
    if *fingerprint == officer.keys().fingerprint() {
        Author::Member(officer.signing_key())
    } else if *fingerprint == senior.keys().fingerprint() {
        Author::Member(senior.signing_key())
    } else if *fingerprint == leaver.keys().fingerprint() {
        Author::Removed
    } else {
        Author::Unknown
    }
}

fn keys(epoch: u32) -> Option<[u8; KEY_BYTES]> {
    (1..=2).contains(&epoch).then_some(KEY)
}

fn keyring(
    current_epoch: u32,
) -> (
    impl Fn(u32) -> Option<[u8; KEY_BYTES]>,
    impl Fn(&Fingerprint) -> Author,
    u32,
) {
    (keys, author, current_epoch)
}

fn opened(envelope: &Envelope, place: &Place<'_>) -> Result<Vec<u8>, EnvelopeError> {
    let (keys, author, current_epoch) = keyring(2);
    open(
        envelope,
        place,
        &Keyring {
            keys: &keys,
            current_epoch,
            author: &author,
        },
    )
}

#[test]
fn a_sealed_record_opens_at_its_place_and_matches_the_vector() {
    let envelope = sealed(&Person::officer(), 2);
    let parent = parent();
    assert_eq!(opened(&envelope, &place(&parent)).unwrap(), RECORD);
    // Nothing of the record is in clear, and the size is padded.
    let json = serde_json::to_string(&envelope).unwrap();
    assert!(!json.contains("Jordan") && !json.contains("3.4"));
    use base64::Engine;
    let ct = base64::engine::general_purpose::STANDARD
        .decode(&envelope.ct)
        .unwrap();
    assert_eq!(ct.len(), PAD_TO + TAG_BYTES);
    // The vector the browser's sealing must reproduce byte for byte (tests/vectors).
    // (`UPDATE_VECTORS=1 cargo test --lib sync` writes it after a deliberate change.)
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/sync-envelope-v1.json"
    );
    let aad = associated_data(
        &place(&parent),
        10,
        2,
        &Person::officer().keys().fingerprint(),
    );
    let made = serde_json::json!({
        "about": "A record sealed with sync envelope v1: key = 32 bytes of 7, iv = 12 bytes of 9, the author the test officer (signing key from 32 bytes of 1, RFC 6979), the place as associated_data says.",
        "plaintext": String::from_utf8(RECORD.to_vec()).unwrap(),
        "associated_data": String::from_utf8(aad).unwrap(),
        "envelope": envelope,
    });
    if std::env::var_os("UPDATE_VECTORS").is_some() {
        std::fs::write(path, serde_json::to_string_pretty(&made).unwrap() + "\n").unwrap();
    }
    let vector: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(vector, made);
}

#[test]
fn every_tampering_on_the_server_is_refused_and_named() {
    let parent = parent();
    let here = place(&parent);
    let envelope = sealed(&Person::officer(), 2);
    // A flipped byte of the ciphertext, or of the signature.
    let flip = |text: &str| {
        use base64::Engine;
        let engine = base64::engine::general_purpose::STANDARD;
        let mut bytes = engine.decode(text).unwrap();
        bytes[5] ^= 1;
        engine.encode(bytes)
    };
    let flipped = Envelope {
        ct: flip(&envelope.ct),
        ..envelope.clone()
    };
    assert_eq!(opened(&flipped, &here), Err(EnvelopeError::BadSignature));
    let flipped = Envelope {
        sig: flip(&envelope.sig),
        ..envelope.clone()
    };
    assert_eq!(opened(&flipped, &here), Err(EnvelopeError::BadSignature));
    // Moved to another document.
    let elsewhere = Place {
        id: "0000000000000000000000000000beef",
        ..here.clone()
    };
    assert_eq!(
        opened(&envelope, &elsewhere),
        Err(EnvelopeError::BadSignature)
    );
    // An old ciphertext replayed as a new revision (the next generation, after this one).
    let this = Rev::parse("2-1111").unwrap();
    let replayed = Place {
        generation: 3,
        parent: Some(&this),
        ..here.clone()
    };
    assert_eq!(
        opened(&envelope, &replayed),
        Err(EnvelopeError::BadSignature)
    );
    // A changed epoch, or a changed record layout.
    let epoch = Envelope {
        epoch: 3,
        ..envelope.clone()
    };
    assert_eq!(opened(&epoch, &here), Err(EnvelopeError::BadSignature));
    let schema = Envelope {
        schema: 9,
        ..envelope.clone()
    };
    assert_eq!(opened(&schema, &here), Err(EnvelopeError::BadSignature));
    // Another author's name on it.
    let claimed = Envelope {
        by: Person::senior().keys().fingerprint().to_string(),
        ..envelope.clone()
    };
    assert_eq!(opened(&claimed, &here), Err(EnvelopeError::BadSignature));
    // A member who signs garbage: signed, but it does not decrypt.
    let officer = Person::officer();
    let garbage = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::STANDARD;
        let ct = engine.decode(flip(&envelope.ct)).unwrap();
        let aad = associated_data(&here, 10, 2, &officer.keys().fingerprint());
        let sig = officer.sign(&signed_message(&aad, &IV, &ct));
        Envelope {
            ct: engine.encode(ct),
            sig: engine.encode(sig),
            ..envelope.clone()
        }
    };
    assert_eq!(opened(&garbage, &here), Err(EnvelopeError::CannotOpen));
    // A key not in the team list, and a removed member's new write.
    assert_eq!(
        opened(&sealed(&Person::stranger(), 2), &here),
        Err(EnvelopeError::UnknownAuthor)
    );
    assert_eq!(
        opened(&sealed(&Person::second_senior(), 2), &here),
        Err(EnvelopeError::RemovedAuthor)
    );
    // Sealed under the key the team replaced, or one this browser never had.
    assert_eq!(
        opened(&sealed(&officer, 1), &here),
        Err(EnvelopeError::SupersededEpoch {
            epoch: 1,
            current: 2
        })
    );
    assert_eq!(
        opened(&sealed(&officer, 5), &here),
        Err(EnvelopeError::UnknownEpoch(5))
    );
    // A newer layout, and what is not an envelope at all.
    assert_eq!(
        opened(
            &Envelope {
                v: 2,
                ..envelope.clone()
            },
            &here
        ),
        Err(EnvelopeError::Newer(2))
    );
    for broken in [
        Envelope {
            v: 0,
            ..envelope.clone()
        },
        Envelope {
            iv: "not base64!".into(),
            ..envelope.clone()
        },
        Envelope {
            iv: "AAAA".into(),
            ..envelope.clone()
        },
        Envelope {
            sig: "AAAA".into(),
            ..envelope.clone()
        },
        Envelope {
            ct: String::new(),
            ..envelope.clone()
        },
        Envelope {
            by: "someone".into(),
            ..envelope.clone()
        },
        // The author's fingerprint spelt another way (lower case, no spaces): the same key, but
        // not the bytes that were signed, so a server could not alter it unnoticed.
        Envelope {
            by: envelope.by.to_ascii_lowercase(),
            ..envelope.clone()
        },
        Envelope {
            by: envelope.by.replace(' ', ""),
            ..envelope.clone()
        },
    ] {
        assert_eq!(
            opened(&broken, &here),
            Err(EnvelopeError::Malformed),
            "{broken:?}"
        );
    }
    assert_eq!(
        EnvelopeError::BadSignature.to_string(),
        "its signature does not match: it was changed, moved or replayed on the server"
    );
    // Unknown fields are refused when the envelope is read.
    let mut json = serde_json::to_value(&envelope).unwrap();
    json["name"] = "Jordan Fictional".into();
    assert!(serde_json::from_value::<Envelope>(json).is_err());
}

#[test]
fn padding_reads_back_and_refuses_what_it_does_not_make() {
    for size in [0, 1, 1019, 1020, 1021, 5000] {
        let plaintext = vec![b'x'; size];
        let padded = pad(&plaintext).unwrap();
        assert_eq!(padded.len() % PAD_TO, 0);
        assert_eq!(unpad(&padded), Some(&plaintext[..]));
    }
    assert_eq!(pad(&[1, 2, 3]).unwrap().len(), PAD_TO);
    assert_eq!(unpad(&[0, 0, 0]), None);
    let mut padded = pad(b"abc").unwrap();
    padded[10] = 1;
    assert_eq!(
        unpad(&padded),
        None,
        "a byte after the end that is not zero"
    );
    let mut padded = pad(b"abc").unwrap();
    padded[1] = 200;
    assert_eq!(unpad(&padded), None, "a length past the end");
    assert_eq!(pad(&vec![0; MAX_PLAINTEXT_BYTES + 1]), None);
}

proptest! {
    #[test]
    fn opening_anything_never_panics(
        v in 0u32..3, epoch in 0u32..4, by in "\\PC{0,60}", iv in "[A-Za-z0-9+/=]{0,24}",
        ct in "[A-Za-z0-9+/=]{0,64}", sig in "[A-Za-z0-9+/=]{0,100}",
    ) {
        let parent = parent();
        let _ = opened(&Envelope { v, schema: epoch * 5, epoch, by, iv, ct, sig }, &place(&parent));
    }

    #[test]
    fn any_record_opens_as_it_was_sealed(record in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let parent = parent();
        let officer = Person::officer();
        let envelope = seal(&record, &place(&parent), 10, 2, &KEY, IV, &officer.keys().fingerprint(), &|m| officer.sign(m)).unwrap();
        prop_assert_eq!(opened(&envelope, &place(&parent)).unwrap(), record);
    }
}

#[test]
fn a_batch_opens_what_verifies_and_quarantines_the_rest_by_name() {
    use super::replicate::Pulled;
    let parent = parent();
    let officer = Person::officer();
    let good = sealed(&officer, 2);
    let here = place(&parent);
    let pulled = |envelope: &Envelope, id: &str| Pulled {
        id: id.to_string(),
        path: vec![Rev::parse("2-1234").unwrap(), parent.clone()],
        deleted: false,
        envelope: serde_json::to_value(envelope).unwrap(),
    };
    let batch = vec![
        pulled(&good, here.id),
        // The same ciphertext copied to another document.
        pulled(&good, "00000000000000000000000000000bad"),
        pulled(&sealed(&Person::stranger(), 2), here.id),
        Pulled {
            envelope: serde_json::json!({"v": 1, "name": "Jordan Fictional"}),
            ..pulled(&good, here.id)
        },
    ];
    let (keys, author, current_epoch) = keyring(2);
    let (opened, quarantined) = open_batch(
        &batch,
        here.team,
        here.database,
        &Keyring {
            keys: &keys,
            current_epoch,
            author: &author,
        },
    );
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0].plaintext, RECORD);
    assert_eq!(opened[0].schema, 10);
    let reasons: Vec<String> = quarantined.iter().map(Quarantined::describe).collect();
    assert_eq!(
        reasons,
        [
            "Document 00000000000000000000000000000bad (revision 2-1234) could not be verified: its signature does not match: it was changed, moved or replayed on the server",
            "Document c3b1a2f09e8d7c6b5a4f3e2d1c0b9a88 (revision 2-1234) could not be verified: it was written by someone not in your team list",
            "Document c3b1a2f09e8d7c6b5a4f3e2d1c0b9a88 (revision 2-1234) could not be verified: it is not an envelope this version of Probation Workbook reads",
        ]
    );
}
