//! The signed team list on the server, epoch by epoch: who may sign it, what a browser makes of
//! the lists and keys it holds, and what a senior publishes when their list changes.

use proptest::prelude::*;

use super::envelope::{seal, Author, Envelope, Place, IV_BYTES, KEY_BYTES};
use super::epochs::*;
use crate::domain::keys::support::{team_of as team, Person};
use crate::domain::keys::{Team, TeamMember};
use crate::domain::signing::Grade;

const KEY_1: [u8; KEY_BYTES] = [11; KEY_BYTES];
const KEY_2: [u8; KEY_BYTES] = [22; KEY_BYTES];
const IV: [u8; IV_BYTES] = [3; IV_BYTES];

fn place(id: &str) -> Place<'_> {
    Place {
        team: "north",
        database: "t-1",
        id,
        generation: 1,
        parent: None,
    }
}

/// Epoch `epoch`'s list as `by` seals and signs it, stored at `id`.
fn list_document(
    by: &Person,
    id: &str,
    epoch: u32,
    key: &[u8; KEY_BYTES],
    plaintext: &[u8],
) -> Envelope {
    seal(
        plaintext,
        &place(id),
        TEAM_LIST_SCHEMA,
        epoch,
        key,
        IV,
        &by.keys().fingerprint(),
        &|message| by.sign(message),
    )
    .unwrap()
}

#[test]
fn a_team_list_is_taken_only_from_a_trusted_senior_under_its_own_epochs_key_where_it_was_stored() {
    let (officer, senior, next_senior, stranger) = (
        Person::officer(),
        Person::senior(),
        Person::second_senior(),
        Person::stranger(),
    );
    let list = team(&[&officer, &senior]);
    let id = team_list_id(1);
    assert_eq!(id, "team-list-1");
    let plaintext = team_list_plaintext("north", 1, &list);
    let trusted = team(&[&officer, &senior]);
    let document = list_document(&senior, &id, 1, &KEY_1, &plaintext);
    assert_eq!(
        open_team_list(&document, &place(&id), "north", 1, &KEY_1, &trusted, None),
        Ok(list.clone())
    );
    // Signed by someone who may not countersign, or by a stranger who shares a senior's name.
    for by in [&officer, &stranger] {
        let document = list_document(by, &id, 1, &KEY_1, &plaintext);
        assert!(matches!(
            open_team_list(&document, &place(&id), "north", 1, &KEY_1, &trusted, None),
            Err(TeamListError::Envelope(_))
        ));
    }
    // Moved to epoch 2's id, or opened with another epoch's key.
    let elsewhere = team_list_id(2);
    assert!(open_team_list(
        &document,
        &place(&elsewhere),
        "north",
        2,
        &KEY_1,
        &trusted,
        None
    )
    .is_err());
    assert!(open_team_list(&document, &place(&id), "north", 1, &KEY_2, &trusted, None).is_err());
    // Epoch 1's list sealed again at epoch 2's place: it says which epoch it is.
    let replayed = list_document(&senior, &elsewhere, 2, &KEY_2, &plaintext);
    assert_eq!(
        open_team_list(
            &replayed,
            &place(&elsewhere),
            "north",
            2,
            &KEY_2,
            &trusted,
            None
        )
        .unwrap_err()
        .to_string(),
        "it is the list of team north, key 1, not of team north, key 2"
    );
    // A new senior, in the list before, signs the next one; they are not in the officer's own list.
    let before = team(&[&officer, &senior, &next_senior]);
    let second = team_list_plaintext("north", 2, &team(&[&officer, &next_senior]));
    let handed_over = list_document(&next_senior, &elsewhere, 2, &KEY_2, &second);
    assert!(open_team_list(
        &handed_over,
        &place(&elsewhere),
        "north",
        2,
        &KEY_2,
        &trusted,
        None
    )
    .is_err());
    assert_eq!(
        open_team_list(
            &handed_over,
            &place(&elsewhere),
            "north",
            2,
            &KEY_2,
            &trusted,
            Some(&before)
        )
        .unwrap()
        .members
        .len(),
        2
    );
    // Damaged inside: a member's fingerprint that is not their keys', or not a list at all.
    let mut damaged = list.clone();
    damaged.members[0].fingerprint = senior.keys().fingerprint();
    let broken = list_document(
        &senior,
        &id,
        1,
        &KEY_1,
        &team_list_plaintext("north", 1, &damaged),
    );
    assert!(matches!(
        open_team_list(&broken, &place(&id), "north", 1, &KEY_1, &trusted, None),
        Err(TeamListError::Damaged(_))
    ));
    let nothing = list_document(&senior, &id, 1, &KEY_1, b"[]");
    assert_eq!(
        open_team_list(&nothing, &place(&id), "north", 1, &KEY_1, &trusted, None),
        Err(TeamListError::Malformed)
    );
}

#[test]
fn a_member_leaving_makes_a_new_current_epoch_and_their_writes_a_leavers() {
    let (officer, senior, leaver, stranger) = (
        Person::officer(),
        Person::senior(),
        Person::second_senior(),
        Person::stranger(),
    );
    let fingerprint = |person: &Person| person.keys().fingerprint();
    let mut epochs = Epochs::new(team(&[&officer, &senior]));
    // Nothing yet: no key, so nothing is sealed; the officer's own list names authors.
    assert_eq!((epochs.current(), epochs.sealing()), (1, None));
    assert_eq!(epochs.author(&fingerprint(&leaver)), Author::Unknown);
    epochs.add_key(1, KEY_1);
    assert_eq!(epochs.sealing(), Some(1));
    assert_eq!(epochs.ids_key(), Some(KEY_1));
    epochs.take_list(1, team(&[&senior, &leaver, &officer]));
    assert_eq!(epochs.current(), 1);
    assert_eq!(
        epochs.author(&fingerprint(&leaver)),
        Author::Member(leaver.signing_key())
    );
    // Epoch 2's key arrives before its list: sealed under it already, epoch 1 still current.
    epochs.add_key(2, KEY_2);
    assert_eq!((epochs.current(), epochs.sealing()), (1, Some(2)));
    epochs.take_list(2, team(&[&senior, &officer]));
    assert_eq!((epochs.current(), epochs.sealing()), (2, Some(2)));
    assert_eq!(epochs.author(&fingerprint(&leaver)), Author::Removed);
    assert_eq!(epochs.author(&fingerprint(&stranger)), Author::Unknown);
    assert_eq!(
        epochs.author(&fingerprint(&officer)),
        Author::Member(officer.signing_key())
    );
    // A list out of order is not taken; the latest one is replaced when someone joins.
    epochs.take_list(4, team(&[&stranger]));
    assert_eq!(epochs.lists().len(), 2);
    epochs.take_list(2, team(&[&senior, &officer, &stranger]));
    assert_eq!(epochs.current(), 2);
    assert!(matches!(
        epochs.author(&fingerprint(&stranger)),
        Author::Member(_)
    ));
    // A removed member who was given only epoch 1's key seals under nothing current.
    let mut theirs = Epochs::new(team(&[&leaver, &senior]));
    theirs.add_key(1, KEY_1);
    theirs.take_list(1, team(&[&senior, &leaver]));
    theirs.take_list(2, team(&[&senior]));
    assert_eq!(theirs.sealing(), None);
}

#[test]
fn a_remaining_members_write_under_the_old_key_is_taken_and_a_leavers_is_refused() {
    use super::envelope::EnvelopeError;
    use super::Rev;
    let (officer, senior, leaver) = (Person::officer(), Person::senior(), Person::second_senior());
    let parent = Rev::parse("1-0a1b2c3d4e5f60718293a4b5c6d7e8f9").unwrap();
    let at = Place {
        team: "north",
        database: "t-1",
        id: "c3b1a2f09e8d7c6b5a4f3e2d1c0b9a88",
        generation: 2,
        parent: Some(&parent),
    };
    let written = |by: &Person, epoch: u32, key: &[u8; KEY_BYTES]| {
        seal(
            b"{}",
            &at,
            10,
            epoch,
            key,
            IV,
            &by.keys().fingerprint(),
            &|m| by.sign(m),
        )
        .unwrap()
    };
    let mut epochs = Epochs::new(team(&[&officer, &senior]));
    epochs.add_key(1, KEY_1);
    epochs.add_key(2, KEY_2);
    epochs.take_list(1, team(&[&senior, &officer, &leaver]));
    // Before the leaver is out, their write opens like anyone's.
    assert_eq!(
        epochs.open(&written(&leaver, 1, &KEY_1), &at),
        Ok(b"{}".to_vec())
    );
    epochs.take_list(2, team(&[&senior, &officer]));
    // The officer edited offline, before they learnt of key 2: kept.
    assert_eq!(
        epochs.open(&written(&officer, 1, &KEY_1), &at),
        Ok(b"{}".to_vec())
    );
    assert_eq!(
        epochs.open(&written(&officer, 2, &KEY_2), &at),
        Ok(b"{}".to_vec())
    );
    // The leaver's, under the key they still hold: refused as theirs.
    assert_eq!(
        epochs.open(&written(&leaver, 1, &KEY_1), &at),
        Err(EnvelopeError::RemovedAuthor)
    );
    // Epoch 1 passed off as epoch 2 (the envelope's epoch changed): the signature no longer fits.
    let mut moved = written(&officer, 1, &KEY_1);
    moved.epoch = 2;
    assert_eq!(epochs.open(&moved, &at), Err(EnvelopeError::BadSignature));
}

#[test]
fn a_senior_publishes_what_they_changed_and_never_undoes_another_seniors_change() {
    let (officer, senior, leaver, second) = (
        Person::officer(),
        Person::senior(),
        Person::second_senior(),
        Person::new(4, "Kim Officer", Grade::Po),
    );
    let own = team(&[&senior, &officer, &leaver]);
    // The first list is the senior's own, under epoch 1.
    assert_eq!(
        to_publish(None, None, &own, &[]),
        Publish::Replace {
            epoch: 1,
            list: own.clone()
        }
    );
    // Published and unchanged: nothing.
    assert_eq!(
        to_publish(Some((1, &own)), Some(&own), &own, &[]),
        Publish::Nothing
    );
    // Someone added: the same epoch, the list replaced.
    let added = team(&[&senior, &officer, &leaver, &second]);
    assert_eq!(
        to_publish(Some((1, &own)), Some(&own), &added, &[]),
        Publish::Replace {
            epoch: 1,
            list: added.clone()
        }
    );
    // Someone removed: a new epoch without them.
    let without = team(&[&senior, &officer, &second]);
    assert_eq!(
        to_publish(Some((1, &added)), Some(&added), &without, &[]),
        Publish::NewEpoch {
            epoch: 2,
            list: without.clone()
        }
    );
    // Another senior, who never listed `second` and never published from this browser, removes
    // nobody and adds themself; the leaver, still in their own list, is not let back in.
    let other = Person::new(5, "Lee Senior", Grade::Spo);
    let theirs = team(&[&other, &senior, &officer, &leaver]);
    let earlier = [added.clone()];
    let Publish::Replace { epoch: 2, list } =
        to_publish(Some((2, &without)), None, &theirs, &earlier)
    else {
        panic!("the other senior adds themself");
    };
    assert_eq!(list.members.len(), 4);
    assert!(list.by_fingerprint(&second.keys().fingerprint()).is_some());
    assert!(list.by_fingerprint(&leaver.keys().fingerprint()).is_none());
    // Once they have published, removing the leaver again is theirs to do, and adding them back.
    assert_eq!(
        to_publish(Some((2, &list)), Some(&theirs), &theirs, &earlier),
        Publish::Nothing
    );
    // A grade confirmed again replaces the entry, not a second one.
    let mut regraded = without.clone();
    regraded.members[2].grade = Grade::Spo;
    assert_eq!(
        to_publish(Some((2, &without)), Some(&without), &regraded, &[]),
        Publish::Replace {
            epoch: 2,
            list: regraded.clone()
        }
    );
}

fn people() -> Vec<Person> {
    (1..=6)
        .map(|seed| {
            let grade = if seed % 3 == 0 { Grade::Spo } else { Grade::Po };
            Person::new(seed, &format!("Member {seed}"), grade)
        })
        .collect()
}

fn subset(people: &[Person], mask: u8) -> Team {
    team(
        &people
            .iter()
            .enumerate()
            .filter(|(n, _)| mask & (1 << n) != 0)
            .map(|(_, person)| person)
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the server's list, the last published and the senior's own: publishing twice
    /// changes nothing the second time; nobody in their own list is removed; everyone they added
    /// is in; nobody appears who was in neither list; a new epoch exactly when someone they took
    /// out was on the server.
    #[test]
    fn publishing_is_idempotent_and_applies_only_the_seniors_own_changes(
        server in 0u8..64, published in proptest::option::of(0u8..64), own in 0u8..64,
        earlier in 0u8..64,
    ) {
        let people = people();
        let (server, own) = (subset(&people, server), subset(&people, own));
        let published = published.map(|mask| subset(&people, mask));
        let earlier = [subset(&people, earlier)];
        let outcome = to_publish(Some((3, &server)), published.as_ref(), &own, &earlier);
        let next = match &outcome {
            Publish::Nothing => server.clone(),
            Publish::Replace { epoch, list } => { prop_assert_eq!(*epoch, 3); list.clone() }
            Publish::NewEpoch { epoch, list } => { prop_assert_eq!(*epoch, 4); list.clone() }
        };
        prop_assert_eq!(to_publish(Some((3, &next)), Some(&own), &own, &earlier), Publish::Nothing);
        let listed = |member: &TeamMember| {
            server.by_fingerprint(&member.fingerprint).is_some()
                || earlier[0].by_fingerprint(&member.fingerprint).is_some()
        };
        for member in &own.members {
            // Left out only if another senior took them out since this one published, or, with
            // nothing published from here, if some list held them before.
            let left_out = match &published {
                Some(p) => p.members.contains(member) && server.by_fingerprint(&member.fingerprint).is_none(),
                None => listed(member) && server.by_fingerprint(&member.fingerprint).is_none(),
            };
            prop_assert!(left_out || next.by_fingerprint(&member.fingerprint).is_some());
        }
        for member in &next.members {
            prop_assert!(server.members.contains(member) || own.members.contains(member));
        }
        let left = server.members.iter().any(|member| {
            published.as_ref().is_some_and(|p| p.by_fingerprint(&member.fingerprint).is_some())
                && own.by_fingerprint(&member.fingerprint).is_none()
        });
        prop_assert_eq!(matches!(outcome, Publish::NewEpoch { .. }), left);
    }

    /// A team list document changed anywhere on the server is refused, never a panic.
    #[test]
    fn a_team_list_altered_anywhere_is_refused(at in 0usize..2000, bit in 0u8..8) {
        let (officer, senior) = (Person::officer(), Person::senior());
        let list = team(&[&officer, &senior]);
        let id = team_list_id(1);
        let document = list_document(&senior, &id, 1, &KEY_1, &team_list_plaintext("north", 1, &list));
        let mut text = serde_json::to_string(&document).unwrap().into_bytes();
        let at = at % text.len();
        text[at] ^= 1 << bit;
        if let Ok(altered) = serde_json::from_slice::<Envelope>(&text) {
            if altered != document {
                prop_assert!(open_team_list(&altered, &place(&id), "north", 1, &KEY_1, &list, None).is_err());
            }
        }
    }
}
