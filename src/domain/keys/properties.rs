//! Whatever a file holds, reading it never panics; whatever is changed in a package, nothing
//! changed is ever verified (native only).

use proptest::prelude::*;
use serde_json::Value;

use super::support::*;
use super::*;
use crate::domain::package::{digest_of, parse_package, preview_verified_import, verify_package};
use crate::domain::strategies::json_pointers;

/// A leaf's new value: another string, number or flag, or null.
fn new_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u32..10).prop_map(Value::from),
        "[A-Za-z0-9 +/=:-]{0,12}".prop_map(Value::String),
    ]
}

/// A byte change: flip some bits at a place, cut the file there, or insert a byte.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
    ]
}

fn mutate(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    match *mutation {
        Mutation::Flip(at, bits) => {
            let at = at % bytes.len();
            bytes[at] ^= bits;
        }
        Mutation::Cut(at) => bytes.truncate(at % bytes.len()),
        Mutation::Insert(at, byte) => bytes.insert(at % (bytes.len() + 1), byte),
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_are_read_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for result in [
            parse_identity_card(&bytes).err(),
            parse_team(&bytes).err(),
            parse_sealed(&bytes).err(),
            EcdhPrivateKey::from_jwk(&bytes).err(),
        ].into_iter().flatten() {
            prop_assert!(!result.to_string().trim().is_empty());
        }
    }

    #[test]
    fn a_changed_identity_card_is_refused_or_reads_as_the_same_card(mutation in mutation()) {
        let card = Person::officer().card();
        let bytes = mutate(card.to_json().as_bytes(), &mutation);
        match parse_identity_card(&bytes) {
            // Only whitespace (or an equivalent spelling) changed.
            Ok(read) => prop_assert_eq!(read, card),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn a_changed_identity_card_field_is_refused(path_index in any::<prop::sample::Index>(), value in new_leaf()) {
        let card = Person::officer().card();
        let mut json: Value = serde_json::from_str(&card.to_json()).unwrap();
        let paths = json_pointers(&json, false);
        let path = path_index.get(&paths).clone();
        let before = json.pointer(&path).cloned();
        *json.pointer_mut(&path).unwrap() = value.clone();
        let read = parse_identity_card(json.to_string().as_bytes());
        if before.as_ref() != Some(&value) {
            // A fingerprint written another way still reads as the same card.
            if let Ok(read) = read {
                prop_assert_eq!(read, card);
            }
        }
    }

    #[test]
    fn a_changed_sealed_package_never_panics_and_never_opens_as_something_else(mutation in mutation()) {
        let senior = Person::senior();
        let plaintext = b"{\"format\":\"probation-workbook-case-package\"}".to_vec();
        let ephemeral = EcdhPrivateKey::from_scalar(&[42; 32]).unwrap();
        let sealed = seal_with(&plaintext, &senior.keys(), &ephemeral, [9; 12]);
        let bytes = mutate(sealed.to_json().as_bytes(), &mutation);
        if let Ok(read) = parse_sealed(&bytes) {
            if let Ok(opened) = open_sealed(&read, &senior.ecdh, &senior.keys()) {
                prop_assert_eq!(opened, plaintext);
            }
        }
    }

    #[test]
    fn nothing_changed_in_a_package_is_verified(path_index in any::<prop::sample::Index>(), value in new_leaf()) {
        let package = countersigned_package();
        let team = team_of(&[&Person::officer(), &Person::senior()]);
        let mut json = serde_json::to_value(&package).unwrap();
        let paths = json_pointers(&json, false);
        let path = path_index.get(&paths).clone();
        *json.pointer_mut(&path).unwrap() = value;
        json["digest"] = Value::String(digest_of(&json));
        let Ok(edited) = parse_package(&json.to_string()) else {
            return Ok(());
        };
        let verification = verify_package(&edited, &team);
        let _ = preview_verified_import(None, None, &edited, &team);
        for (trust, (mine, theirs)) in verification
            .versions
            .iter()
            .zip(package.signing.versions.iter().zip(&edited.signing.versions))
        {
            if trust.is_fully_verified() && !verification.is_refused() {
                // Verified means what was signed, who signed it and what they decided.
                prop_assert_eq!(&mine.snapshot, &theirs.snapshot);
                prop_assert_eq!(&mine.comments, &theirs.comments);
                prop_assert_eq!(mine.state, theirs.state);
                prop_assert_eq!(&mine.countersigned_by, &theirs.countersigned_by);
                prop_assert_eq!(&mine.returned_reason, &theirs.returned_reason);
                prop_assert_eq!(&mine.countersign_reasons, &theirs.countersign_reasons);
            }
            if trust.is_countersigned() && !verification.is_refused() {
                prop_assert_eq!(&mine.snapshot, &theirs.snapshot);
                prop_assert_eq!(&mine.countersigned_by, &theirs.countersigned_by);
            }
        }
    }
}
