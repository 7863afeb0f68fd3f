//! Team keys wrapped to each member, taken only from a trusted senior.

use super::envelope::KEY_BYTES;
use super::keyring::*;
use crate::domain::keys::support::{team_of as team, Person};
use crate::domain::keys::{open_sealed, seal_with, EcdhPrivateKey};

const KEY: [u8; KEY_BYTES] = [42; KEY_BYTES];

#[test]
fn a_team_key_wrapped_to_a_member_opens_only_for_them_and_only_as_its_team_and_epoch() {
    let (officer, senior) = (Person::officer(), Person::senior());
    let ephemeral = EcdhPrivateKey::from_scalar(&[77; 32]).unwrap();
    let sealed = seal_with(
        &key_plaintext("north", 2, &KEY),
        &officer.keys(),
        &ephemeral,
        [5; 12],
    );
    let opened = open_sealed(&sealed, &officer.ecdh, &officer.keys()).unwrap();
    assert_eq!(key_from_plaintext(&opened, "north", 2), Ok(KEY));
    // Not the senior's to open.
    assert!(open_sealed(&sealed, &senior.ecdh, &senior.keys()).is_err());
    // Passed off as another epoch's key, or another team's: refused, naming both.
    assert_eq!(
        key_from_plaintext(&opened, "north", 3)
            .unwrap_err()
            .to_string(),
        "the keyring entry is for team north, key 2, not for team north, key 3"
    );
    assert!(key_from_plaintext(&opened, "south", 2).is_err());
    for broken in [
        &b"{}"[..],
        b"not json",
        br#"{"team":"north","epoch":2,"key":"AAAA"}"#,
    ] {
        assert_eq!(
            key_from_plaintext(broken, "north", 2),
            Err(KeyringError::Malformed)
        );
    }
    let extra =
        br#"{"epoch":2,"key":"KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=","team":"north","x":1}"#;
    assert_eq!(
        key_from_plaintext(extra, "north", 2),
        Err(KeyringError::Malformed)
    );
}

#[test]
fn a_keyring_entry_is_taken_only_from_a_trusted_senior_and_only_where_it_was_stored() {
    use super::envelope::{Envelope, Place};
    let (officer, senior) = (Person::officer(), Person::senior());
    let ephemeral = EcdhPrivateKey::from_scalar(&[77; 32]).unwrap();
    let sealed = seal_with(
        &key_plaintext("north", 1, &KEY),
        &officer.keys(),
        &ephemeral,
        [5; 12],
    );
    let id = keyring_id(1, &officer.keys().fingerprint());
    assert!(id.starts_with("keyring-1-"));
    assert_eq!(id.len(), "keyring-1-".len() + 32);
    fn place(id: &str) -> Place<'_> {
        Place {
            team: "north",
            database: "t-1",
            id,
            generation: 1,
            parent: None,
        }
    }
    let sign = |by: &Person, id: &str| -> Envelope {
        let unsigned = keyring_entry(&sealed, &place(id), 1, &by.keys().fingerprint());
        let signature = by.sign(unsigned.message());
        unsigned.signed(&signature)
    };
    // The officer trusts the senior (added from their card) and themselves.
    let trusted = team(&[&officer, &senior]);
    let entry = sign(&senior, &id);
    let opened = open_keyring_entry(&entry, &place(&id), &trusted).unwrap();
    let plaintext = open_sealed(&opened, &officer.ecdh, &officer.keys()).unwrap();
    assert_eq!(key_from_plaintext(&plaintext, "north", 1), Ok(KEY));
    // Moved to another member's id: refused.
    let elsewhere = keyring_id(1, &senior.keys().fingerprint());
    assert!(matches!(
        open_keyring_entry(&entry, &place(&elsewhere), &trusted),
        Err(EntryError::Envelope(_))
    ));
    // Signed by someone who may not countersign (the officer themselves), or by a stranger.
    assert_eq!(
        open_keyring_entry(&sign(&officer, &id), &place(&id), &trusted),
        Err(EntryError::NotBySenior)
    );
    assert_eq!(
        open_keyring_entry(&entry, &place(&id), &team(&[&officer])),
        Err(EntryError::NotBySenior)
    );
    // A byte changed on the server.
    let mut tampered = entry.clone();
    tampered.ct = tampered.ct.replacen('A', "B", 1);
    assert!(open_keyring_entry(&tampered, &place(&id), &trusted).is_err());
}
