//! Test people with fixed keys (signing natively, as the browser would with WebCrypto), and a case
//! whose every decision they signed. Shared by the keys and package tests.

use jiff::civil::date;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::PrimeField;

use super::*;
use crate::domain::answers::Answer;
use crate::domain::case::{CaseDetails, SentenceType, Sex};
use crate::domain::package::{CasePackage, PackagedCase};
use crate::domain::signing::{CaseSigning, Grade, Profile, ReviewDecision, Snapshot};

pub(crate) const AT: &str = "2026-11-25T14:03:07Z";
pub(crate) const CASE_ID: &str = "case-7f3a-01";

/// Someone with a signing key and an encryption key made from fixed scalars.
pub(crate) struct Person {
    pub signing: SigningKey,
    pub ecdh: EcdhPrivateKey,
    pub profile: Profile,
}

impl Person {
    pub fn new(seed: u8, name: &str, grade: Grade) -> Person {
        Person {
            signing: SigningKey::from_slice(&[seed; 32]).unwrap(),
            ecdh: EcdhPrivateKey::from_scalar(&[seed.wrapping_add(100); 32]).unwrap(),
            profile: Profile::new(name, grade).unwrap(),
        }
    }

    /// Sam Patel, a trainee: their work is always countersigned.
    pub fn officer() -> Person {
        Person::new(1, "Sam Patel", Grade::TraineePqip)
    }

    /// Jo Bloggs, SPO.
    pub fn senior() -> Person {
        Person::new(2, "Jo Bloggs", Grade::Spo)
    }

    /// Ann Lee, head of service: the second countersigner.
    pub fn second_senior() -> Person {
        Person::new(3, "Ann Lee", Grade::HeadOfService)
    }

    /// Someone else who also calls themselves Jo Bloggs (SPO): not in anyone's team.
    pub fn stranger() -> Person {
        Person::new(9, "Jo Bloggs", Grade::Spo)
    }

    pub fn signing_key(&self) -> PublicKey {
        let point = self.signing.verifying_key().to_encoded_point(false);
        PublicKey::from_raw(point.as_bytes()).unwrap()
    }

    pub fn keys(&self) -> IdentityKeys {
        IdentityKeys {
            signing: self.signing_key(),
            encryption: self.ecdh.public_key(),
        }
    }

    /// ECDSA P-256 SHA-256, r ‖ s (RFC 6979, so the same each run).
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        let signature: Signature = self.signing.sign(message);
        signature.to_bytes().to_vec()
    }

    pub fn card(&self) -> IdentityCard {
        let card = UnsignedIdentityCard::new(&self.profile, self.keys(), AT).unwrap();
        let signature = self.sign(&card.message());
        card.with_signature(&signature).unwrap()
    }

    /// In a team, with the grade their profile states.
    pub fn member(&self) -> TeamMember {
        TeamMember::from_card(&self.card(), self.profile.grade, AT)
    }
}

/// The same signature with S replaced by n − S: as valid, and what WebCrypto may give (it does
/// not normalise S).
pub(crate) fn other_s(signature: &[u8]) -> Vec<u8> {
    let signature = Signature::from_slice(signature).unwrap();
    let (r, s) = signature.split_scalars();
    let flipped = -*s.as_ref();
    Signature::from_scalars(r.to_repr(), flipped.to_repr())
        .unwrap()
        .to_bytes()
        .to_vec()
}

/// Whether S is above n/2.
pub(crate) fn is_high_s(signature: &[u8]) -> bool {
    Signature::from_slice(signature)
        .unwrap()
        .normalize_s()
        .is_some()
}

pub(crate) fn team_of(people: &[&Person]) -> Team {
    Team {
        members: people.iter().map(|person| person.member()).collect(),
    }
}

/// Signs the decision of `kind` that version `number` records, as `person`.
pub(crate) fn sign_event(
    signing: &mut CaseSigning,
    number: u32,
    kind: SignedEventKind,
    person: &Person,
) {
    let event = signing
        .event_to_sign(CASE_ID, number, kind, person.signing_key())
        .unwrap();
    let signature = person.sign(&event.message());
    let event = event.with_signature(&signature).unwrap();
    signing.attach_signature(CASE_ID, event).unwrap();
}

pub(crate) fn work(note: &str) -> Snapshot {
    let mut snapshot = Snapshot::default();
    snapshot.answers.set("3.97", Answer::Text(note.into()));
    snapshot.answers.set("3.4", Answer::Choice("2".into()));
    snapshot.completed_sections.insert("3".into());
    snapshot
}

const REASONS: [&str; 1] =
    ["countersigning needed: trainee (PQiP) assessments are always countersigned"];

/// Version 1 signed by the trainee and returned by the senior with a comment on section 3;
/// version 2 signed and sent: every step signed.
pub(crate) fn sent_signing() -> CaseSigning {
    let (officer, senior) = (Person::officer(), Person::senior());
    let mut signing = CaseSigning::new("2026-11-01T09:00:00Z", Some(&officer.profile));
    signing
        .sign(work("Sofa surfing"), true, &officer.profile, &REASONS, AT)
        .unwrap();
    sign_event(&mut signing, 1, SignedEventKind::Sign, &officer);
    let drafts = [
        ("section:3".to_string(), "Say where they sleep".to_string()),
        (String::new(), "Rework section 3".to_string()),
    ]
    .into_iter()
    .collect();
    let at = "2026-11-26T10:00:00Z";
    signing
        .decide(
            1,
            ReviewDecision::ReturnForRework,
            &drafts,
            &senior.profile,
            at,
        )
        .unwrap();
    sign_event(&mut signing, 1, SignedEventKind::ReturnForRework, &senior);
    let at = "2026-11-27T09:30:00Z";
    signing
        .sign(
            work("Sleeps at his sister's"),
            true,
            &officer.profile,
            &REASONS,
            at,
        )
        .unwrap();
    sign_event(&mut signing, 2, SignedEventKind::Sign, &officer);
    signing.record_sent(&officer.profile, at).unwrap();
    signing
}

/// [`sent_signing`], then version 2 countersigned by the senior with a general comment.
pub(crate) fn countersigned_signing() -> CaseSigning {
    let mut signing = sent_signing();
    countersign_version_2(&mut signing, &[("", "Good plan")]);
    signing
}

/// The senior countersigns version 2 with what they typed (`comment_drafts`), signed.
pub(crate) fn countersign_version_2(signing: &mut CaseSigning, typed: &[(&str, &str)]) {
    let senior = Person::senior();
    let drafts = typed
        .iter()
        .map(|(key, text)| (key.to_string(), text.to_string()))
        .collect();
    signing
        .decide(
            2,
            ReviewDecision::Countersign,
            &drafts,
            &senior.profile,
            "2026-11-28T16:45:00Z",
        )
        .unwrap();
    sign_event(signing, 2, SignedEventKind::Countersign, &senior);
}

pub(crate) fn case() -> PackagedCase {
    PackagedCase {
        id: CASE_ID.into(),
        created_at: "2026-11-01T09:00:00Z".into(),
        details: CaseDetails {
            conviction_date: None,
            main_offence: None,
            name: "Alex Smith".into(),
            crn: "X123456".into(),
            date_of_birth: date(1990, 1, 2),
            sex: Sex::Male,
            sentence_type: SentenceType::CommunityOrder,
            sentence_date: None,
            sentence_or_release_date: date(2026, 10, 1),
            sentence_end_date: date(2027, 10, 1),
        },
    }
}

/// The package the senior sends back: version 2 countersigned.
pub(crate) fn countersigned_package() -> CasePackage {
    let senior = Person::senior();
    CasePackage::build(
        case(),
        countersigned_signing(),
        None,
        &senior.profile,
        "2026-11-28T17:00:00Z",
    )
}
