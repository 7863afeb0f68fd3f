//! Keys, identity cards, the team list, signed events and sealed packages: what each accepts and
//! every refusal, in the officer's words.

use serde_json::Value;

use super::support::*;
use super::*;
use crate::domain::signing::{Grade, Profile};

// ─── Keys and fingerprints ───────────────────────────────────────────────────────────────────────

#[test]
fn a_fingerprint_is_the_first_16_bytes_of_sha_256_over_both_keys_in_8_groups_of_4() {
    let keys = Person::officer().keys();
    let mut both = keys.signing.as_bytes().to_vec();
    both.extend_from_slice(keys.encryption.as_bytes());
    let digest = sha256_hex(&both).to_uppercase();
    let printed = keys.fingerprint().to_string();
    let groups: Vec<&str> = printed.split(' ').collect();
    assert_eq!(groups.len(), 8);
    assert!(groups.iter().all(|group| group.len() == 4));
    assert_eq!(printed.replace(' ', ""), digest[..32]);
    assert_eq!(
        Fingerprint::parse(&printed.to_lowercase()),
        Some(keys.fingerprint())
    );
    // Either key changes it.
    let swapped = IdentityKeys {
        signing: keys.encryption,
        encryption: keys.signing,
    };
    assert_ne!(swapped.fingerprint(), keys.fingerprint());
}

#[test]
fn a_public_key_is_65_raw_bytes_of_a_point_on_p256() {
    let key = Person::officer().signing_key();
    assert_eq!(PublicKey::from_raw(key.as_bytes()), Some(key));
    assert_eq!(PublicKey::from_raw(&key.as_bytes()[..64]), None);
    // The compressed form (33 bytes) is not what WebCrypto's raw export gives.
    let mut compressed = vec![0x02 | (key.as_bytes()[64] & 1)];
    compressed.extend_from_slice(&key.as_bytes()[1..33]);
    assert_eq!(PublicKey::from_raw(&compressed), None);
    let mut off_the_curve = *key.as_bytes();
    off_the_curve[64] ^= 1;
    assert_eq!(PublicKey::from_raw(&off_the_curve), None);
    let mut not_uncompressed = *key.as_bytes();
    not_uncompressed[0] = 0x05;
    assert_eq!(PublicKey::from_raw(&not_uncompressed), None);
    assert_eq!(PublicKey::from_raw(&[0x04; 65]), None);
}

#[test]
fn a_signature_verifies_with_low_or_high_s_and_nothing_else() {
    let officer = Person::officer();
    let key = officer.signing_key();
    let message = b"version 2";
    let signature = officer.sign(message);
    assert!(key.verifies(message, &signature));
    let flipped = other_s(&signature);
    assert_ne!(is_high_s(&signature), is_high_s(&flipped));
    assert!(
        key.verifies(message, &flipped),
        "WebCrypto does not normalise S"
    );
    assert!(!key.verifies(b"version 3", &signature));
    assert!(!Person::senior().signing_key().verifies(message, &signature));
    assert!(!key.verifies(message, &signature[..63]));
    assert!(!key.verifies(message, &[0; 64]));
    assert!(!key.verifies(message, &[0xff; 64]));
}

// ─── Identity cards ──────────────────────────────────────────────────────────────────────────────

fn card_json() -> Value {
    serde_json::from_str(&Person::officer().card().to_json()).unwrap()
}

fn parse_value(value: &Value) -> Result<IdentityCard, KeyError> {
    parse_identity_card(value.to_string().as_bytes())
}

#[test]
fn an_identity_card_reads_back_as_itself_with_its_fingerprint() {
    let officer = Person::officer();
    let card = officer.card();
    let text = card.to_json();
    let read = parse_identity_card(text.as_bytes()).unwrap();
    assert_eq!(read, card);
    assert_eq!(read.fingerprint(), officer.keys().fingerprint());
    assert_eq!(read.profile(), officer.profile);
    assert!(text.contains(&format!("\"fingerprint\": \"{}\"", read.fingerprint())));
    // A byte-order mark and other whitespace change nothing.
    let with_bom = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    assert_eq!(parse_identity_card(with_bom.as_bytes()), Ok(card));
}

#[test]
fn the_self_signature_covers_the_canonical_card_without_it() {
    let card = Person::officer().card();
    let message = String::from_utf8(card.unsigned().message()).unwrap();
    let keys = card.keys;
    assert_eq!(
        message,
        format!(
            "{{\"created_at\":\"{AT}\",\"encryption_key\":\"{}\",\"fingerprint\":\"{}\",\
             \"format\":\"probation-workbook-identity\",\"grade\":\"trainee_pqip\",\
             \"name\":\"Sam Patel\",\"signing_key\":\"{}\",\"version\":1}}",
            keys.encryption.to_base64(),
            keys.fingerprint(),
            keys.signing.to_base64()
        )
    );
    assert!(keys
        .signing
        .verifies(message.as_bytes(), &card.self_signature));
}

#[test]
fn an_altered_card_is_refused_as_changed_after_it_was_made() {
    for (field, value) in [
        ("name", Value::from("Jo Bloggs")),
        ("grade", Value::from("spo")),
        ("created_at", Value::from("2026-11-25T14:03:08Z")),
    ] {
        let mut json = card_json();
        json[field] = value;
        assert_eq!(
            parse_value(&json),
            Err(KeyError::BadSelfSignature),
            "{field}"
        );
    }
    assert_eq!(
        KeyError::BadSelfSignature.to_string(),
        "The identity card was changed after it was made: its self-signature does not match its contents. Ask its owner to send it again"
    );
    // Someone else's keys with the fingerprint made to match: the self-signature still fails.
    let mut json = card_json();
    let senior = Person::senior().keys();
    json["signing_key"] = senior.signing.to_base64().into();
    json["fingerprint"] = IdentityKeys {
        signing: senior.signing,
        encryption: Person::officer().keys().encryption,
    }
    .fingerprint()
    .to_string()
    .into();
    assert_eq!(parse_value(&json), Err(KeyError::BadSelfSignature));
    let mut json = card_json();
    json["self_signature"] = base64_of(&other_s(&Person::officer().card().self_signature)).into();
    assert!(
        parse_value(&json).is_ok(),
        "a high-S self-signature verifies"
    );
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn a_card_with_bad_keys_or_fields_is_refused_naming_what_is_wrong() {
    let what = FileKind::IdentityCard;
    let key = Person::officer().signing_key();
    let mut off_curve = *key.as_bytes();
    off_curve[64] ^= 1;
    let cases: Vec<(&str, Value, KeyError)> = vec![
        (
            "signing_key",
            base64_of(&off_curve).into(),
            KeyError::BadKey {
                what,
                field: "signing key",
            },
        ),
        (
            "encryption_key",
            base64_of(&key.as_bytes()[..33]).into(),
            KeyError::BadLength {
                what,
                field: "encryption key",
                expected: 65,
                found: 33,
            },
        ),
        (
            "signing_key",
            "not base64!".into(),
            KeyError::BadBase64 {
                what,
                field: "signing key",
            },
        ),
        (
            "self_signature",
            base64_of(&[1; 63]).into(),
            KeyError::BadLength {
                what,
                field: "self-signature",
                expected: 64,
                found: 63,
            },
        ),
    ];
    for (field, value, error) in cases {
        let mut json = card_json();
        json[field] = value;
        assert_eq!(parse_value(&json), Err(error), "{field}");
    }
    assert_eq!(
        KeyError::BadKey {
            what,
            field: "signing key"
        }
        .to_string(),
        "The identity card is damaged: its signing key is not a P-256 public key"
    );
    let damaged = |json: &Value| match parse_value(json) {
        Err(KeyError::Damaged { detail, .. }) => detail,
        other => panic!("{other:?}"),
    };
    let mut json = card_json();
    json["fingerprint"] = "0000 0000 0000 0000 0000 0000 0000 0000".into();
    assert_eq!(damaged(&json), "its fingerprint does not match its keys");
    let mut json = card_json();
    json["encryption_key"] = json["signing_key"].clone();
    assert_eq!(
        damaged(&json),
        "it uses one key both to sign and to receive sealed packages"
    );
    let mut json = card_json();
    json["name"] = "  ".into();
    assert!(damaged(&json).starts_with("its name is missing"));
    let mut json = card_json();
    json["grade"] = "chief".into();
    assert!(damaged(&json).contains("unknown variant `chief`"));
    let mut json = card_json();
    json["photo"] = "x".into();
    assert!(damaged(&json).contains("unknown field `photo`"));
    let mut json = card_json();
    json.as_object_mut().unwrap().remove("self_signature");
    assert!(damaged(&json).contains("missing field `self_signature`"));
    let mut json = card_json();
    json["created_at"] = "yesterday".into();
    assert_eq!(
        damaged(&json),
        "the time it was made is not a date and time"
    );
}

#[test]
fn a_file_that_is_not_an_identity_card_is_refused_with_the_reason() {
    let text = Person::officer().card().to_json();
    let what = FileKind::IdentityCard;
    let cut = &text.as_bytes()[..text.len() / 2];
    assert!(matches!(
        parse_identity_card(cut),
        Err(KeyError::Truncated { .. })
    ));
    assert!(parse_identity_card(cut)
        .unwrap_err()
        .to_string()
        .starts_with("The identity card is incomplete: it ends too early"));
    assert_eq!(parse_identity_card(b"  \n"), Err(KeyError::Empty));
    assert_eq!(
        parse_identity_card(&[0xff, 0xfe, 0x00]),
        Err(KeyError::NotText { what })
    );
    assert!(matches!(
        parse_identity_card(b"{\"format\": nope}"),
        Err(KeyError::NotJson { .. })
    ));
    assert_eq!(
        parse_identity_card(b"[1, 2]"),
        Err(KeyError::WrongFormat { what })
    );
    assert_eq!(
        parse_identity_card(br#"{"format": "something-else", "version": 1}"#)
            .unwrap_err()
            .to_string(),
        "The file is not a Probation Workbook identity card"
    );
    let package = countersigned_package().to_json();
    assert_eq!(
        parse_identity_card(package.as_bytes())
            .unwrap_err()
            .to_string(),
        "The file is a case package that is not sealed, not a Probation Workbook identity card"
    );
    let mut json = card_json();
    json["version"] = 2.into();
    assert_eq!(
        parse_value(&json).unwrap_err().to_string(),
        "The identity card was made by a newer version of Probation Workbook (format version 2): update this browser's copy first"
    );
    json["version"] = 0.into();
    assert!(matches!(parse_value(&json), Err(KeyError::Damaged { .. })));
    let huge = vec![b' '; 70 * 1024];
    assert_eq!(parse_identity_card(&huge), Err(KeyError::TooLarge { what }));
}

#[test]
fn a_card_is_made_only_with_a_real_signature_of_its_owner() {
    let officer = Person::officer();
    let card = UnsignedIdentityCard::new(&officer.profile, officer.keys(), AT).unwrap();
    let wrong = Person::senior().sign(&card.message());
    assert_eq!(
        card.clone().with_signature(&wrong),
        Err(KeyError::SignatureMismatch)
    );
    assert_eq!(
        card.clone().with_signature(&[1, 2, 3]),
        Err(KeyError::SignatureMismatch)
    );
    let same_key = IdentityKeys {
        signing: officer.signing_key(),
        encryption: officer.signing_key(),
    };
    assert!(UnsignedIdentityCard::new(&officer.profile, same_key, AT).is_err());
    assert!(UnsignedIdentityCard::new(&officer.profile, officer.keys(), "now").is_err());
}

// ─── The team list ───────────────────────────────────────────────────────────────────────────────

#[test]
fn a_card_is_added_once_with_the_grade_the_officer_confirmed() {
    let mut team = Team::default();
    let senior = Person::senior();
    let added = team.add(&senior.card(), Grade::Po, AT).unwrap();
    assert_eq!(added.notice(), None);
    assert_eq!(
        added.member.grade,
        Grade::Po,
        "the confirmed grade, not the card's"
    );
    assert_eq!(added.member.fingerprint, senior.keys().fingerprint());
    assert_eq!(
        team.by_signing_key(&senior.signing_key()),
        Some(&added.member)
    );
    assert_eq!(
        team.by_encryption_key(&senior.ecdh.public_key()),
        Some(&added.member)
    );
    assert_eq!(team.by_signing_key(&senior.ecdh.public_key()), None);
    let again = team.add(&senior.card(), Grade::Spo, AT).unwrap_err();
    assert_eq!(
        again.to_string(),
        format!(
            "Jo Bloggs is already in your team with this card (fingerprint {})",
            senior.keys().fingerprint()
        )
    );
    assert_eq!(team.members.len(), 1);
    assert_eq!(
        team.add(&Person::officer().card(), Grade::Po, "soon"),
        Err(TeamError::InvalidTime("soon".into()))
    );
}

#[test]
fn two_people_with_one_name_are_told_apart_by_fingerprint() {
    let (senior, stranger) = (Person::senior(), Person::stranger());
    let mut team = Team::default();
    team.add(&senior.card(), Grade::Spo, AT).unwrap();
    assert_eq!(team.check_add(&stranger.card()).unwrap().len(), 1);
    let added = team.add(&stranger.card(), Grade::Po, AT).unwrap();
    let (first, second) = (senior.keys().fingerprint(), stranger.keys().fingerprint());
    assert_eq!(
        added.notice().unwrap(),
        format!(
            "Your team now has 2 people called Jo Bloggs: Jo Bloggs (SPO) with fingerprint {first}, \
             and Jo Bloggs (PO) with fingerprint {second} (just added). They have different keys, so \
             they are different people to Probation Workbook: wherever they are named, their \
             fingerprint tells them apart"
        )
    );
    let labels: Vec<String> = team.members.iter().map(|m| team.label(m)).collect();
    assert_eq!(
        labels,
        [
            format!("Jo Bloggs (SPO, fingerprint {first})"),
            format!("Jo Bloggs (PO, fingerprint {second})")
        ]
    );
    let removed = team.remove(&first).unwrap();
    assert_eq!(removed.name, "Jo Bloggs");
    assert_eq!(team.label(&team.members[0]), "Jo Bloggs (PO)");
    assert_eq!(team.remove(&first), Err(TeamError::NotInTeam(first)));
    assert_eq!(
        TeamError::NotInTeam(first).to_string(),
        format!("Nobody in your team has the fingerprint {first}")
    );
}

#[test]
fn a_card_sharing_a_key_with_a_member_is_refused() {
    let (officer, senior) = (Person::officer(), Person::senior());
    let mut team = team_of(&[&senior]);
    // The senior's signing key with the officer's encryption key: a different fingerprint.
    let keys = IdentityKeys {
        signing: senior.signing_key(),
        encryption: officer.ecdh.public_key(),
    };
    let card = UnsignedIdentityCard::new(&officer.profile, keys, AT).unwrap();
    let card = card
        .clone()
        .with_signature(&senior.sign(&card.message()))
        .unwrap();
    let refused = team.add(&card, Grade::Po, AT).unwrap_err();
    assert!(matches!(refused, TeamError::KeyInUse { .. }));
    assert!(refused
        .to_string()
        .starts_with("This card uses a key that Jo Bloggs already uses in your team"));
}

#[test]
fn a_team_list_file_reads_back_and_refuses_what_does_not_hold_together() {
    let team = team_of(&[&Person::officer(), &Person::senior()]);
    let text = team.to_json();
    assert_eq!(parse_team(text.as_bytes()), Ok(team.clone()));
    let stored = serde_json::to_string(&team).unwrap();
    assert!(stored.starts_with("{\"members\":["));
    assert_eq!(serde_json::from_str::<Team>(&stored).unwrap(), team);
    let mut json: Value = serde_json::from_str(&text).unwrap();
    json["members"][1]["fingerprint"] = json["members"][0]["fingerprint"].clone();
    assert_eq!(
        parse_team(json.to_string().as_bytes())
            .unwrap_err()
            .to_string(),
        "The team list is damaged: the fingerprint of Jo Bloggs does not match their keys"
    );
    let mut json: Value = serde_json::from_str(&text).unwrap();
    json["members"][0]["signing_key"] = base64_of(&[4; 65]).into();
    assert!(parse_team(json.to_string().as_bytes())
        .unwrap_err()
        .to_string()
        .starts_with("The team list is damaged: a public key is not a P-256 public key"));
    let mut json: Value = serde_json::from_str(&text).unwrap();
    let member = json["members"][0].clone();
    json["members"].as_array_mut().unwrap().push(member);
    assert!(parse_team(json.to_string().as_bytes())
        .unwrap_err()
        .to_string()
        .contains("is used more than once"));
    let card = Person::officer().card().to_json();
    assert_eq!(
        parse_team(card.as_bytes()).unwrap_err().to_string(),
        "The file is an identity card, not a Probation Workbook team list"
    );
}

#[test]
fn including_ones_own_identity_adds_it_once() {
    let team = team_of(&[&Person::senior()]);
    let me = Person::officer().member();
    let with_me = team.including(me.clone());
    assert_eq!(with_me.members.len(), 2);
    assert_eq!(with_me.including(me).members.len(), 2);
}

// ─── Signed events ───────────────────────────────────────────────────────────────────────────────

#[test]
fn the_event_message_is_the_canonical_json_of_the_documented_fields() {
    let signing = countersigned_signing();
    let version = signing.version(2).unwrap();
    let event = &version.signatures[1];
    let message = String::from_utf8(event.message()).unwrap();
    let senior = Person::senior();
    let previous = version.signatures[0].message_hash();
    let digest = content_digest(CASE_ID, version, SignedEventKind::Countersign, 1).unwrap();
    assert_eq!(
        message,
        format!(
            "{{\"at\":\"2026-11-28T16:45:00Z\",\"comments\":1,\"content_digest\":\"{digest}\",\
             \"format\":\"probation-workbook-signed-event\",\"format_version\":1,\
             \"kind\":\"countersign\",\"previous\":\"{previous}\",\
             \"signer\":{{\"grade\":\"spo\",\"key\":\"{}\",\"name\":\"Jo Bloggs\"}},\"version\":2}}",
            senior.signing_key().to_base64()
        )
    );
    assert_eq!(event.content_digest, digest);
    let first = String::from_utf8(version.signatures[0].message()).unwrap();
    assert!(first.contains("\"comments\":0,"));
    assert!(first.contains("\"previous\":null,"));
    assert!(first.contains("\"kind\":\"sign\","));
}

#[test]
fn the_content_holds_the_case_the_work_the_comments_and_the_decision() {
    let signing = countersigned_signing();
    let version = signing.version(1).unwrap();
    let content = event_content(CASE_ID, version, SignedEventKind::ReturnForRework, 1).unwrap();
    assert_eq!(content["case_id"], CASE_ID);
    assert_eq!(content["version"], 1);
    assert_eq!(content["purpose"], "initial");
    assert_eq!(
        content["snapshot"],
        serde_json::to_value(&version.snapshot).unwrap()
    );
    assert_eq!(
        content["countersign_reasons"],
        serde_json::to_value(&version.countersign_reasons).unwrap()
    );
    assert_eq!(content["comments"].as_array().unwrap().len(), 1);
    assert_eq!(content["comments"][0]["text"], "Say where they sleep");
    assert_eq!(
        content["decision"],
        serde_json::json!({"kind": "return_for_rework", "at": "2026-11-26T10:00:00Z", "comment": "Rework section 3"})
    );
    assert_eq!(
        content_digest(CASE_ID, version, SignedEventKind::ReturnForRework, 1).unwrap(),
        sha256_hex(crate::domain::package::canonical_json(&content).as_bytes())
    );
    assert_eq!(
        event_content(CASE_ID, version, SignedEventKind::ReturnForRework, 2),
        None
    );
    assert_eq!(
        event_content(CASE_ID, version, SignedEventKind::Countersign, 0),
        None
    );
}

#[test]
fn every_decision_signed_by_the_team_is_verified() {
    let signing = countersigned_signing();
    let team = team_of(&[&Person::officer(), &Person::senior()]);
    let mut kinds = Vec::new();
    for version in &signing.versions {
        for event in &version.signatures {
            let verdict = verify_event(CASE_ID, version, event, &team);
            assert!(verdict.is_verified(), "{verdict:?}");
            kinds.push((version.number, event.kind));
        }
    }
    use SignedEventKind as K;
    assert_eq!(
        kinds,
        [
            (1, K::Sign),
            (1, K::ReturnForRework),
            (2, K::Sign),
            (2, K::Countersign)
        ]
    );
    let verdict = verify_event(
        CASE_ID,
        &signing.versions[1],
        &signing.versions[1].signatures[1],
        &team,
    );
    assert_eq!(verdict.words(&team), "verified (Jo Bloggs (SPO))");
}

#[test]
fn a_double_countersignature_is_signed_and_verified_in_turn() {
    use crate::domain::signing::ReviewDecision;
    let (senior, second) = (Person::senior(), Person::second_senior());
    let mut signing = sent_signing();
    let drafts = [(String::new(), "Needs a second view".to_string())]
        .into_iter()
        .collect();
    let at = "2026-11-28T16:45:00Z";
    signing
        .decide(
            2,
            ReviewDecision::RequestDoubleCountersign,
            &drafts,
            &senior.profile,
            at,
        )
        .unwrap();
    sign_event(
        &mut signing,
        2,
        SignedEventKind::RequestDoubleCountersign,
        &senior,
    );
    let drafts = [("section:3".to_string(), "Agreed".to_string())]
        .into_iter()
        .collect();
    signing
        .decide(
            2,
            ReviewDecision::DoubleCountersign,
            &drafts,
            &second.profile,
            "2026-11-29T09:00:00Z",
        )
        .unwrap();
    sign_event(&mut signing, 2, SignedEventKind::DoubleCountersign, &second);
    let team = team_of(&[&Person::officer(), &senior, &second]);
    let version = signing.version(2).unwrap();
    assert_eq!(version.signatures.len(), 3);
    assert_eq!(version.signatures[2].comments, 1);
    for event in &version.signatures {
        assert!(verify_event(CASE_ID, version, event, &team).is_verified());
    }
    // The request's comment is the reason, bound to its signature.
    let content = event_content(
        CASE_ID,
        version,
        SignedEventKind::RequestDoubleCountersign,
        0,
    )
    .unwrap();
    assert_eq!(content["decision"]["comment"], "Needs a second view");
}

fn verdicts(signing: &crate::domain::signing::CaseSigning, team: &Team) -> Vec<EventVerdict> {
    signing
        .versions
        .iter()
        .flat_map(|version| {
            version
                .signatures
                .iter()
                .map(move |event| verify_event(CASE_ID, version, event, team))
        })
        .collect()
}

fn altered_reasons(signing: &crate::domain::signing::CaseSigning) -> Vec<String> {
    let team = team_of(&[&Person::officer(), &Person::senior()]);
    verdicts(signing, &team)
        .into_iter()
        .filter_map(|verdict| match verdict {
            EventVerdict::Altered { reason } => Some(reason),
            _ => None,
        })
        .collect()
}

#[test]
fn work_changed_after_signing_is_altered_naming_the_version_and_event() {
    let mut signing = countersigned_signing();
    signing.versions[1].snapshot.answers.set(
        "3.97",
        crate::domain::answers::Answer::Text("Settled".into()),
    );
    assert_eq!(
        altered_reasons(&signing),
        [
            "version 2 was changed after Sam Patel (PQiP) signed it: the signature does not match what the version holds",
            "version 2 was changed after Jo Bloggs (SPO) countersigned it: the countersignature does not match what the version holds",
        ]
    );
}

#[test]
fn every_part_of_the_content_is_covered() {
    type Edit = fn(&mut crate::domain::signing::SignedVersion);
    let edits: [(&str, Edit); 6] = [
        ("purpose", |v| {
            v.purpose = Some(crate::domain::signing::AssessmentPurpose::Termination)
        }),
        ("completed sections", |v| {
            v.snapshot.completed_sections.clear();
        }),
        ("reasons", |v| v.countersign_reasons.clear()),
        ("comment text", |v| v.comments[0].text = "Fine".into()),
        ("comment author", |v| {
            v.comments[0].by.name = "Ann Lee".into()
        }),
        ("answers", |v| v.snapshot.answers = Default::default()),
    ];
    for (what, edit) in edits {
        let mut signing = countersigned_signing();
        edit(&mut signing.versions[1]);
        assert!(!altered_reasons(&signing).is_empty(), "{what}");
    }
    let mut signing = countersigned_signing();
    signing.versions[0].returned_reason = Some("Fine really".into());
    assert_eq!(altered_reasons(&signing).len(), 1, "the return's comment");
}

#[test]
fn a_decision_recorded_as_someone_else_or_at_another_time_is_altered() {
    let mut signing = countersigned_signing();
    signing.versions[1].countersigned_by =
        Some(Profile::new("Ann Lee", Grade::HeadOfService).unwrap());
    assert_eq!(
        altered_reasons(&signing),
        ["version 2 says it was countersigned by Ann Lee (Head of service) on 28 November 2026, but its countersignature is by Jo Bloggs (SPO) on 28 November 2026"]
    );
    let mut signing = countersigned_signing();
    signing.versions[1].countersigned_at = Some("2026-12-01T10:00:00Z".into());
    assert_eq!(altered_reasons(&signing).len(), 1);
    // The event's own stated name changed: its signature no longer matches.
    let mut signing = countersigned_signing();
    signing.versions[1].signatures[1].signer.name = "Ann Lee".into();
    signing.versions[1].countersigned_by = Some(signing.versions[1].signatures[1].signer.clone());
    assert_eq!(
        altered_reasons(&signing),
        ["the countersignature of version 2 by Ann Lee (SPO) does not match: it was changed after it was made"]
    );
}

#[test]
fn a_signature_moved_removed_or_reordered_is_altered() {
    // Moved to another case.
    let signing = countersigned_signing();
    let team = team_of(&[&Person::officer(), &Person::senior()]);
    let version = &signing.versions[1];
    assert!(matches!(
        verify_event("another-case", version, &version.signatures[1], &team),
        EventVerdict::Altered { .. }
    ));
    // The officer's signature removed: the countersignature's chain breaks.
    let mut signing = countersigned_signing();
    signing.versions[1].signatures.remove(0);
    assert_eq!(
        altered_reasons(&signing),
        ["the signatures of version 2 are out of order, or one before the countersignature by Jo Bloggs (SPO) was removed"]
    );
    // A countersignature the version does not record.
    let mut signing = countersigned_signing();
    let event = signing.versions[1].signatures[1].clone();
    signing.versions[0].signatures.push(event);
    assert!(altered_reasons(&signing)[0]
        .starts_with("a countersignature held in version 1 is for version 2"));
    // The comments the countersignature covers removed.
    let mut signing = countersigned_signing();
    signing.versions[1].comments.clear();
    assert_eq!(
        altered_reasons(&signing),
        ["comments on version 2 were removed after Jo Bloggs (SPO) countersigned it"]
    );
}

#[test]
fn a_signature_by_a_key_not_in_the_team_is_shown_as_unknown() {
    let signing = countersigned_signing();
    let team = team_of(&[&Person::officer()]);
    let found = verdicts(&signing, &team);
    assert_eq!(found[3], EventVerdict::UnknownSigner);
    assert_eq!(found[3].words(&team), "signed by someone not in your team");
    assert!(!found[3].is_refused());
    // A stranger with the senior's name, signing with their own key.
    let mut signing = sent_signing();
    let stranger = Person::stranger();
    signing
        .countersign(2, &stranger.profile, "2026-11-28T16:45:00Z")
        .unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Countersign, &stranger);
    let team = team_of(&[&Person::officer(), &Person::senior()]);
    assert_eq!(verdicts(&signing, &team)[3], EventVerdict::UnknownSigner);
}

#[test]
fn a_countersignature_by_a_grade_that_cannot_countersign_is_refused() {
    let signing = countersigned_signing();
    let mut team = team_of(&[&Person::officer()]);
    team.add(&Person::senior().card(), Grade::Po, AT).unwrap();
    let verdict = &verdicts(&signing, &team)[3];
    assert!(matches!(
        verdict,
        EventVerdict::CannotCountersign {
            grade: Grade::Po,
            ..
        }
    ));
    assert!(verdict.is_refused());
    assert_eq!(
        verdict.words(&team),
        "cannot countersign: in your team, Jo Bloggs is a probation officer (PO), and only a senior probation officer or a head of service can countersign"
    );
    // The return of version 1 too: a senior's act.
    assert!(matches!(
        verdicts(&signing, &team)[1],
        EventVerdict::CannotCountersign { .. }
    ));
}

#[test]
fn countersigning_with_the_key_that_signed_is_refused_whatever_the_names() {
    // One person with an SPO key signs as "Sam Patel" and countersigns as "Jo Bloggs".
    let insider = Person::new(5, "Sam Patel", Grade::Spo);
    let as_senior = Profile::new("Jo Bloggs", Grade::Spo).unwrap();
    let mut signing = crate::domain::signing::CaseSigning::new(AT, Some(&insider.profile));
    signing
        .sign(work("x"), true, &insider.profile, &["High RoSH"], AT)
        .unwrap();
    sign_event(&mut signing, 1, SignedEventKind::Sign, &insider);
    signing
        .countersign(1, &as_senior, "2026-11-26T10:00:00Z")
        .unwrap();
    sign_event(&mut signing, 1, SignedEventKind::Countersign, &insider);
    let team = team_of(&[&insider]);
    let verdict = &verdicts(&signing, &team)[1];
    assert_eq!(
        verdict,
        &EventVerdict::SameSigner {
            reason:
                "the countersignature of version 1 was made with the key that made its signature"
                    .into()
        }
    );
}

#[test]
fn an_event_is_kept_only_when_it_is_the_one_to_sign_and_its_signature_matches() {
    let (officer, senior) = (Person::officer(), Person::senior());
    let mut signing = sent_signing();
    assert_eq!(
        signing.event_to_sign(CASE_ID, 2, SignedEventKind::Sign, officer.signing_key()),
        Err(EventError::AlreadySigned {
            version: 2,
            kind: SignedEventKind::Sign
        })
    );
    assert_eq!(
        signing.event_to_sign(
            CASE_ID,
            2,
            SignedEventKind::Countersign,
            senior.signing_key()
        ),
        Err(EventError::NotRecorded {
            version: 2,
            kind: SignedEventKind::Countersign
        })
    );
    assert_eq!(
        signing.event_to_sign(CASE_ID, 3, SignedEventKind::Sign, officer.signing_key()),
        Err(EventError::VersionNotFound(3))
    );
    signing
        .countersign(2, &senior.profile, "2026-11-28T16:45:00Z")
        .unwrap();
    let event = signing
        .event_to_sign(
            CASE_ID,
            2,
            SignedEventKind::Countersign,
            senior.signing_key(),
        )
        .unwrap();
    assert_eq!(
        event
            .clone()
            .with_signature(&officer.sign(&event.message())),
        Err(EventError::BadSignature)
    );
    let signed = event
        .clone()
        .with_signature(&senior.sign(&event.message()))
        .unwrap();
    // Made for another case, or for the version as it was before: refused.
    assert!(matches!(
        signing
            .clone()
            .attach_signature("another-case", signed.clone()),
        Err(EventError::Stale { .. })
    ));
    let mut forged = signed.clone();
    forged.signature = SignatureBytes::from_slice(&officer.sign(&event.message())).unwrap();
    assert_eq!(
        signing.clone().attach_signature(CASE_ID, forged),
        Err(EventError::BadSignature)
    );
    signing.attach_signature(CASE_ID, signed.clone()).unwrap();
    assert_eq!(
        signing.attach_signature(CASE_ID, signed),
        Err(EventError::AlreadySigned {
            version: 2,
            kind: SignedEventKind::Countersign
        })
    );
    // A high-S signature is kept as it is.
    let mut signing = sent_signing();
    signing
        .countersign(2, &senior.profile, "2026-11-28T16:45:00Z")
        .unwrap();
    let event = signing
        .event_to_sign(
            CASE_ID,
            2,
            SignedEventKind::Countersign,
            senior.signing_key(),
        )
        .unwrap();
    let high = other_s(&senior.sign(&event.message()));
    signing
        .attach_signature(CASE_ID, event.with_signature(&high).unwrap())
        .unwrap();
    let team = team_of(&[&officer, &senior]);
    assert!(verdicts(&signing, &team)[3].is_verified());
}

#[test]
fn versions_without_signatures_serialise_as_before() {
    let mut signing = sent_signing();
    for version in &mut signing.versions {
        version.signatures.clear();
    }
    let json = serde_json::to_string(&signing).unwrap();
    assert!(!json.contains("signatures"));
    let read: crate::domain::signing::CaseSigning = serde_json::from_str(&json).unwrap();
    assert_eq!(read, signing);
    let signed = serde_json::to_string(&sent_signing()).unwrap();
    assert!(signed.contains("\"signatures\":[{\"kind\":\"sign\""));
}

#[test]
fn kinds_name_their_decision_and_timeline_entry() {
    use crate::domain::signing::{EventKind, ReviewDecision};
    for kind in SignedEventKind::ALL {
        assert_eq!(
            SignedEventKind::of_timeline(kind.timeline_kind()),
            Some(kind)
        );
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
    }
    assert_eq!(SignedEventKind::of_timeline(EventKind::Sent), None);
    for decision in ReviewDecision::ALL {
        assert!(SignedEventKind::of_decision(decision).is_senior());
    }
}

// ─── Sealed packages ─────────────────────────────────────────────────────────────────────────────

const IV: [u8; 12] = [7; 12];

fn sealed_for_senior() -> (Vec<u8>, SealedPackage) {
    let plaintext = countersigned_package().to_json().into_bytes();
    let ephemeral = EcdhPrivateKey::from_scalar(&[42; 32]).unwrap();
    let sealed = seal_with(&plaintext, &Person::senior().keys(), &ephemeral, IV);
    (plaintext, sealed)
}

#[test]
fn a_sealed_package_opens_for_its_recipient_only() {
    let (plaintext, sealed) = sealed_for_senior();
    let senior = Person::senior();
    let text = sealed.to_json();
    let read = parse_sealed(text.as_bytes()).unwrap();
    assert_eq!(read, sealed);
    assert!(is_sealed(text.as_bytes()));
    assert!(!is_sealed(&plaintext));
    assert!(is_sealed(&text.as_bytes()[..text.len() / 2]), "cut off");
    assert_eq!(
        open_sealed(&read, &senior.ecdh, &senior.keys()),
        Ok(plaintext.clone())
    );
    assert_eq!(
        open_sealed_with(&read, &senior.ecdh, &senior.ecdh.public_key()),
        Ok(plaintext)
    );
    assert_eq!(
        parse_sealed_for(text.as_bytes(), &senior.keys().fingerprint()),
        Ok(sealed)
    );
    let officer = Person::officer();
    let someone_else = format!(
        "This package was sealed for someone else: {}",
        senior.keys().fingerprint()
    );
    assert_eq!(
        parse_sealed_for(text.as_bytes(), &officer.keys().fingerprint())
            .unwrap_err()
            .to_string(),
        someone_else
    );
    assert_eq!(
        open_sealed(&read, &officer.ecdh, &officer.keys())
            .unwrap_err()
            .to_string(),
        someone_else
    );
    // The officer's key given as the senior's: not theirs.
    assert!(matches!(
        open_sealed(&read, &officer.ecdh, &senior.keys()),
        Err(KeyError::BadPrivateKey { .. })
    ));
    assert_eq!(
        open_sealed_with(&read, &officer.ecdh, &officer.ecdh.public_key()),
        Err(KeyError::CannotOpen)
    );
}

/// The browser's way: WebCrypto derives the shared secret (its private keys never leave it), and
/// the domain does HKDF and AES-GCM. Byte for byte what sealing with the private key does.
#[test]
fn sealing_and_opening_with_a_shared_secret_match_the_private_key_way() {
    let (plaintext, sealed) = sealed_for_senior();
    let senior = Person::senior();
    let ephemeral = EcdhPrivateKey::from_scalar(&[42; 32]).unwrap();
    let shared = ephemeral.shared_secret(&senior.ecdh.public_key());
    assert_eq!(shared, senior.ecdh.shared_secret(&ephemeral.public_key()));
    let made = seal_with_shared_secret(
        &plaintext,
        &senior.keys(),
        ephemeral.public_key(),
        IV,
        &shared,
    )
    .unwrap();
    assert_eq!(made, sealed);
    assert_eq!(
        open_with_shared_secret(&sealed, &shared, &senior.keys()),
        Ok(plaintext.clone())
    );
    // Another secret (the officer's key, say) does not open it; nor does a flipped byte.
    let officer = Person::officer();
    let wrong = officer.ecdh.shared_secret(&ephemeral.public_key());
    assert_eq!(
        open_with_shared_secret(&sealed, &wrong, &senior.keys()),
        Err(KeyError::CannotOpen)
    );
    let mut flipped = sealed.clone();
    flipped.ciphertext[3] ^= 1;
    assert_eq!(
        open_with_shared_secret(&flipped, &shared, &senior.keys()),
        Err(KeyError::CannotOpen)
    );
    assert!(matches!(
        open_with_shared_secret(&sealed, &shared, &officer.keys()),
        Err(KeyError::SealedForSomeoneElse { .. })
    ));
    assert!(matches!(
        open_with_shared_secret(&sealed, &shared[..31], &senior.keys()),
        Err(KeyError::BadPrivateKey { .. })
    ));
    assert!(matches!(
        seal_with_shared_secret(&plaintext, &senior.keys(), ephemeral.public_key(), IV, &[]),
        Err(KeyError::BadPrivateKey { .. })
    ));
}

#[test]
fn the_associated_data_and_salt_are_exactly_as_documented() {
    let (_, sealed) = sealed_for_senior();
    let senior = Person::senior();
    assert_eq!(
        String::from_utf8(sealed.associated_data()).unwrap(),
        format!(
            "{{\"algorithm\":\"ECDH-P256/HKDF-SHA-256/AES-256-GCM\",\"ephemeral_key\":\"{}\",\
             \"format\":\"probation-workbook-sealed-package\",\"iv\":\"BwcHBwcHBwcHBwcH\",\
             \"recipient\":\"{}\",\"version\":1}}",
            sealed.header.ephemeral_key.to_base64(),
            senior.keys().fingerprint()
        )
    );
    let salt = sealed.hkdf_salt(&senior.ecdh.public_key());
    assert_eq!(salt.len(), 130);
    assert_eq!(&salt[..65], sealed.header.ephemeral_key.as_bytes());
    assert_eq!(&salt[65..], senior.ecdh.public_key().as_bytes());
    assert_eq!(HKDF_INFO, b"probation-workbook sealed package v1");
}

fn sealed_json() -> Value {
    serde_json::from_str(&sealed_for_senior().1.to_json()).unwrap()
}

fn open_value(value: &Value) -> Result<Vec<u8>, KeyError> {
    let senior = Person::senior();
    let sealed = parse_sealed(value.to_string().as_bytes())?;
    open_sealed(&sealed, &senior.ecdh, &senior.keys())
}

#[test]
fn a_flipped_byte_anywhere_fails_authentication() {
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    let json = sealed_json();
    let ciphertext = engine.decode(json["ciphertext"].as_str().unwrap()).unwrap();
    for index in [0, ciphertext.len() / 2, ciphertext.len() - 1] {
        let mut flipped = ciphertext.clone();
        flipped[index] ^= 0x01;
        let mut json = json.clone();
        json["ciphertext"] = engine.encode(&flipped).into();
        assert_eq!(open_value(&json), Err(KeyError::CannotOpen), "byte {index}");
    }
    let mut json = sealed_json();
    json["iv"] = engine.encode([8u8; 12]).into();
    assert_eq!(open_value(&json), Err(KeyError::CannotOpen));
    let mut json = sealed_json();
    json["ephemeral_key"] = Person::officer().ecdh.public_key().to_base64().into();
    assert_eq!(open_value(&json), Err(KeyError::CannotOpen));
    assert_eq!(
        KeyError::CannotOpen.to_string(),
        "The sealed package cannot be opened: it was changed or damaged after it was sealed, or it was not sealed with this key"
    );
}

#[test]
fn a_file_that_is_not_a_sealed_package_is_refused_with_the_reason() {
    let what = FileKind::SealedPackage;
    let text = sealed_for_senior().1.to_json();
    let cut = &text.as_bytes()[..text.len() - 40];
    assert!(matches!(parse_sealed(cut), Err(KeyError::Truncated { .. })));
    assert!(parse_sealed(cut)
        .unwrap_err()
        .to_string()
        .starts_with("The sealed package is incomplete: it ends too early"));
    let mut json = sealed_json();
    json["ciphertext"] = "AAAA".into();
    assert_eq!(
        parse_sealed(json.to_string().as_bytes()),
        Err(KeyError::CiphertextTooShort)
    );
    let mut json = sealed_json();
    json["version"] = 2.into();
    assert_eq!(
        parse_sealed(json.to_string().as_bytes()),
        Err(KeyError::NewerVersion { what, found: 2 })
    );
    let mut json = sealed_json();
    json["algorithm"] = "RSA".into();
    assert_eq!(
        parse_sealed(json.to_string().as_bytes()).unwrap_err().to_string(),
        "The sealed package is damaged: it is sealed with RSA, which this version of Probation Workbook does not use"
    );
    let mut json = sealed_json();
    json["recipient"] = "someone".into();
    assert!(matches!(
        parse_sealed(json.to_string().as_bytes()),
        Err(KeyError::Damaged { .. })
    ));
    let mut json = sealed_json();
    json["iv"] = "AAAA".into();
    assert_eq!(
        parse_sealed(json.to_string().as_bytes()),
        Err(KeyError::BadLength {
            what,
            field: "initialisation vector (IV)",
            expected: 12,
            found: 3
        })
    );
    let mut json = sealed_json();
    json["ephemeral_key"] = base64_of(&[4; 65]).into();
    assert_eq!(
        parse_sealed(json.to_string().as_bytes()),
        Err(KeyError::BadKey {
            what,
            field: "ephemeral key"
        })
    );
    let plain = countersigned_package().to_json();
    assert_eq!(
        parse_sealed(plain.as_bytes()).unwrap_err().to_string(),
        "The file is a case package that is not sealed, not a sealed Probation Workbook case package"
    );
    assert_eq!(parse_sealed(b""), Err(KeyError::Empty));
}

#[test]
fn a_private_key_is_read_from_a_webcrypto_jwk() {
    use base64::Engine;
    let url = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let senior = Person::senior();
    let raw = senior.ecdh.public_key();
    let jwk = serde_json::json!({
        "kty": "EC", "crv": "P-256", "ext": true, "key_ops": ["deriveBits"],
        "x": url.encode(&raw.as_bytes()[1..33]),
        "y": url.encode(&raw.as_bytes()[33..]),
        "d": url.encode([102u8; 32]),
    });
    let key = EcdhPrivateKey::from_jwk(jwk.to_string().as_bytes()).unwrap();
    assert_eq!(key.public_key(), raw);
    let mut wrong = jwk.clone();
    wrong["d"] = url.encode([103u8; 32]).into();
    assert_eq!(
        EcdhPrivateKey::from_jwk(wrong.to_string().as_bytes())
            .unwrap_err()
            .to_string(),
        "The key cannot be used: its public part (x, y) does not belong to its private part (d)"
    );
    let mut public_only = jwk.clone();
    public_only.as_object_mut().unwrap().remove("d");
    assert!(EcdhPrivateKey::from_jwk(public_only.to_string().as_bytes()).is_err());
    let mut other_curve = jwk;
    other_curve["crv"] = "P-384".into();
    assert!(EcdhPrivateKey::from_jwk(other_curve.to_string().as_bytes()).is_err());
    assert!(EcdhPrivateKey::from_jwk(b"not json").is_err());
    assert!(EcdhPrivateKey::from_scalar(&[0; 32]).is_err());
    assert!(
        EcdhPrivateKey::from_scalar(&[0xff; 32]).is_err(),
        "above the group order"
    );
    assert!(EcdhPrivateKey::from_scalar(&[1; 31]).is_err());
}

#[test]
fn each_act_has_exactly_the_decisions_it_made_to_sign() {
    let senior = Person::senior();
    let before = sent_signing();
    let mut after = before.clone();
    let drafts = [(String::new(), "Good plan".to_string())]
        .into_iter()
        .collect();
    after
        .decide(
            2,
            crate::domain::signing::ReviewDecision::Countersign,
            &drafts,
            &senior.profile,
            "2026-11-28T16:45:00Z",
        )
        .unwrap();
    assert_eq!(
        after.new_decisions(&before),
        [(2, SignedEventKind::Countersign)]
    );
    let mut double = before.clone();
    double
        .decide(
            2,
            crate::domain::signing::ReviewDecision::RequestDoubleCountersign,
            &drafts,
            &senior.profile,
            "2026-11-28T16:45:00Z",
        )
        .unwrap();
    assert_eq!(
        double.new_decisions(&before),
        [(2, SignedEventKind::RequestDoubleCountersign)]
    );
    // Recording a sending, or the timeline alone, is no decision.
    let mut sent = before.clone();
    sent.record_sent(&Person::officer().profile, "2026-11-28T09:00:00Z")
        .unwrap();
    assert!(sent.new_decisions(&before).is_empty());
    assert!(
        before.new_decisions(&after).is_empty(),
        "a decision taken away is not one made"
    );
}

#[test]
fn a_package_is_sealed_only_for_someone_else_in_the_team_who_can_take_it() {
    let (officer, senior, head) = (Person::officer(), Person::senior(), Person::second_senior());
    let team = team_of(&[&officer, &senior, &head]);
    let names =
        |members: Vec<&TeamMember>| members.iter().map(|m| m.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(team.recipients(&officer.signing_key(), true)),
        ["Jo Bloggs", "Ann Lee"]
    );
    assert_eq!(
        names(team.recipients(&senior.signing_key(), true)),
        ["Ann Lee"]
    );
    assert_eq!(
        names(team.recipients(&senior.signing_key(), false)),
        ["Sam Patel", "Ann Lee"]
    );
    assert!(Team::default()
        .recipients(&officer.signing_key(), false)
        .is_empty());
}

#[test]
fn the_recipient_chosen_must_be_one_offered() {
    let (officer, senior) = (Person::officer(), Person::senior());
    let team = team_of(&[&officer, &senior]);
    let me = officer.signing_key();
    let print = senior.keys().fingerprint().to_string();
    assert_eq!(
        team.chosen_recipient(&me, true, Some(&print)).unwrap().name,
        "Jo Bloggs"
    );
    let refused = |chosen: Option<&str>| {
        team.chosen_recipient(&me, true, chosen)
            .unwrap_err()
            .for_field(RECIPIENT_FIELD)
            .map(str::to_string)
    };
    let select = Some("Select who the package is for".to_string());
    assert_eq!(refused(None), select);
    assert_eq!(refused(Some("not a fingerprint")), select);
    // Oneself, or someone who cannot countersign, is never a recipient for countersigning.
    assert_eq!(
        refused(Some(&officer.keys().fingerprint().to_string())),
        select
    );
    let mine = TeamMember::myself(&officer.profile, officer.keys(), AT);
    assert_eq!(mine, officer.member());
}
