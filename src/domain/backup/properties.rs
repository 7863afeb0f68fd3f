//! Whatever a file or its contents hold, reading them never panics and a refusal always says why;
//! a changed ciphertext is always told apart from a wrong passphrase (native only).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use proptest::prelude::*;
use serde_json::Value;

use super::tests::{case_records, envelope, payload, profile_record, AT};
use super::*;
use crate::domain::answers::Answer;
use crate::domain::dates::is_within_years;
use crate::domain::records::{ProfileRecord, RECORD_SCHEMA_VERSION};
use crate::domain::strategies::{
    answers, any_date, any_datetime, case_details, json_pointers, json_value, plan,
    refused_with_a_reason, significant_changes, signing,
};

/// An envelope around any ciphertext (as long as a tag at least), with any salt and IV.
fn any_envelope() -> impl Strategy<Value = Envelope> {
    (
        any::<[u8; SALT_BYTES]>(),
        any::<[u8; IV_BYTES]>(),
        prop::collection::vec(any::<u8>(), TAG_BYTES..400),
    )
        .prop_map(|(salt, iv, ciphertext)| Envelope::new(AT, salt, iv, ciphertext))
}

/// A case's records made of any domain values (dates anywhere in the calendar).
fn any_case_records() -> impl Strategy<Value = CaseRecords> {
    (
        case_details(),
        prop::option::of(any_datetime()),
        answers(),
        plan(),
        significant_changes(),
        signing(),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(
            |(details, next, answers, plan, changes, signing, (has_a, has_p, has_s))| {
                let mut records = case_records("case-1", "Alex Marsh", "X123456", AT);
                records.case.details = details;
                records.case.next_appointment = next;
                if let Some(record) = &mut records.assessment {
                    record.answers = answers;
                }
                if let Some(record) = &mut records.plan {
                    record.plan = plan;
                    record.significant_changes = changes;
                }
                if let Some(record) = &mut records.signing {
                    record.signing = signing;
                }
                if !has_a {
                    records.assessment = None;
                }
                if !has_p {
                    records.plan = None;
                }
                if !has_s {
                    records.signing = None;
                }
                records
            },
        )
}

/// A pool of cases, each in the backup, here, or both (changed on either side, at either time).
fn scene() -> impl Strategy<Value = (BackupPayload, Vec<CaseRecords>, Option<ProfileRecord>)> {
    let times = ["2026-11-01T09:00:00Z", AT, "2026-12-09T09:00:00Z"];
    let side = (0u8..3, any::<bool>(), 0usize..3, 0usize..3, 0u64..5);
    (
        prop::collection::vec(side, 0..8),
        prop::option::of(0usize..3),
        prop::option::of(0usize..3),
    )
        .prop_map(move |(cases, profile_there, profile_here)| {
            let mut backup = Vec::new();
            let mut here = Vec::new();
            for (index, (place, changed, there_at, here_at, revision)) in
                cases.into_iter().enumerate()
            {
                let id = format!("case-{index}");
                let mut theirs =
                    case_records(&id, &format!("Person {index}"), "X1", times[there_at]);
                let mut mine = case_records(&id, &format!("Person {index}"), "X1", times[here_at]);
                mine.case.revision += revision;
                if changed {
                    let answers = &mut mine.assessment.as_mut().unwrap().answers;
                    answers.set("3.4", Answer::Choice("0".into()));
                }
                if here_at == there_at {
                    // The same time on both sides: the only difference is the change, if any.
                    mine.case.updated_at = theirs.case.updated_at.clone();
                } else {
                    theirs.case.details.name.push('!');
                }
                match place {
                    0 => backup.push(theirs),
                    1 => here.push(mine),
                    _ => {
                        backup.push(theirs);
                        here.push(mine);
                    }
                }
            }
            let profile = |at: Option<usize>| at.map(|at| profile_record(times[at]));
            (
                BackupPayload::new(AT, backup, profile(profile_there)),
                here,
                profile(profile_here),
            )
        })
}

fn ids(lines: &[PreviewLine]) -> Vec<String> {
    lines.iter().map(|line| line.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_as_an_envelope_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let result = parse_envelope(&bytes);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn json_like_text_is_read_as_an_envelope_without_panicking(text in r#"[{}\[\]":,0-9a-zA-Z_+/= .\-\n\\]{0,300}"#) {
        refused_with_a_reason(parse_envelope(text.as_bytes()))?;
    }

    #[test]
    fn any_envelope_is_read_back_exactly(envelope in any_envelope()) {
        prop_assert_eq!(parse_envelope(&envelope.to_json_bytes()), Ok(envelope));
    }

    #[test]
    fn any_flipped_bit_of_the_ciphertext_is_altered(
        envelope in any_envelope(),
        at in any::<prop::sample::Index>(),
        mask in 1u8..=255,
    ) {
        let mut value: Value = serde_json::from_slice(&envelope.to_json_bytes()).unwrap();
        let mut ciphertext = envelope.ciphertext.clone();
        let at = at.index(ciphertext.len());
        ciphertext[at] ^= mask;
        value["ciphertext"] = Value::String(STANDARD.encode(&ciphertext));
        let result = parse_envelope(&serde_json::to_vec(&value).unwrap());
        prop_assert_eq!(result, Err(BackupError::Altered));
    }

    #[test]
    fn any_cut_off_envelope_is_refused(envelope in any_envelope(), cut in 0.0f64..1.0) {
        let file = envelope.to_json_bytes();
        let at = (file.len() as f64 * cut) as usize;
        let result = parse_envelope(&file[..at]);
        let incomplete = matches!(result, Err(BackupError::Truncated { .. } | BackupError::Empty));
        prop_assert!(incomplete, "cut at {}: {:?}", at, result);
    }

    #[test]
    fn no_single_changed_byte_lets_another_ciphertext_or_header_through_unnoticed(
        position in 0.0f64..1.0,
        byte in any::<u8>(),
    ) {
        let original = envelope();
        let mut file = original.to_json_bytes();
        let at = (file.len() as f64 * position) as usize;
        file[at] = byte;
        match parse_envelope(&file) {
            // Whitespace, or the digest's case: the same envelope. Anything else read is a different
            // header, which AES-GCM refuses since the header is its associated data.
            Ok(read) => {
                prop_assert_eq!(&read.ciphertext, &original.ciphertext);
                prop_assert!(read == original || read.associated_data() != original.associated_data());
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn any_value_anywhere_in_an_envelope_is_read_without_panicking(
        pick in any::<prop::sample::Index>(),
        replacement in json_value(),
    ) {
        let mut value: Value = serde_json::from_slice(&envelope().to_json_bytes()).unwrap();
        let all = json_pointers(&value, true);
        let path = pick.get(&all).clone();
        *value.pointer_mut(&path).unwrap() = replacement;
        let result = parse_envelope(&serde_json::to_vec(&value).unwrap());
        if let Ok(read) = &result {
            prop_assert!(path == "/ciphertext_sha256" || read.associated_data() != envelope().associated_data() || *read == envelope(), "{}", path);
        }
        refused_with_a_reason(result)?;
    }

    #[test]
    fn any_bytes_are_read_as_contents_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let result = read_payload(&bytes);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn any_cut_off_contents_are_refused(cut in 0.0f64..1.0) {
        let bytes = payload().to_json_bytes();
        let at = (bytes.len() as f64 * cut) as usize;
        let result = read_payload(&bytes[..at]);
        prop_assert!(result.is_err());
        refused_with_a_reason(result)?;
    }

    #[test]
    fn any_value_anywhere_in_the_contents_is_read_without_panicking(
        pick in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            json_value(),
            any_date().prop_map(|day| serde_json::to_value(day).unwrap()),
            (0u32..8).prop_map(Value::from),
        ],
    ) {
        let mut value: Value = serde_json::from_slice(&payload().to_json_bytes()).unwrap();
        let all = json_pointers(&value, true);
        let path = pick.get(&all).clone();
        *value.pointer_mut(&path).unwrap() = replacement;
        match read_payload(&serde_json::to_vec(&value).unwrap()) {
            Ok(read) => {
                for records in &read.cases {
                    prop_assert_eq!(records.date_outside_years(), None);
                    prop_assert_eq!(records.case.schema_version, RECORD_SCHEMA_VERSION);
                }
                // What was read reads again the same.
                prop_assert_eq!(read_payload(&read.to_json_bytes()), Ok(read));
            }
            Err(error) => prop_assert!(!error.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn any_case_is_read_back_exactly_unless_a_date_is_outside_1900_to_2100(records in any_case_records()) {
        let outside = records.date_outside_years();
        let payload = BackupPayload::new(AT, vec![records], None);
        match read_payload(&payload.to_json_bytes()) {
            Ok(read) => {
                prop_assert_eq!(outside, None);
                prop_assert_eq!(read, payload);
            }
            Err(error) => {
                let (_, date) = outside.expect("refused only for a date");
                prop_assert!(!is_within_years(date));
                let is_date_refusal = matches!(error, BackupError::DateOutsideYears { .. });
                prop_assert!(is_date_refusal, "{}", error);
            }
        }
    }

    #[test]
    fn every_case_of_either_side_is_in_exactly_one_list_and_only_the_chosen_are_written(
        (backup, here, here_profile) in scene(),
        replace_newer_here in any::<bool>(),
    ) {
        let preview = restore_preview(&backup, &here, here_profile.as_ref());
        let mut from_backup = [
            ids(&preview.new_cases), ids(&preview.replaced), ids(&preview.newer_here), ids(&preview.same),
        ].concat();
        from_backup.sort();
        let mut expected: Vec<String> = backup.cases.iter().map(|records| records.id().to_string()).collect();
        expected.sort();
        prop_assert_eq!(from_backup, expected);
        let mut from_here = [
            ids(&preview.replaced), ids(&preview.newer_here), ids(&preview.same), ids(&preview.only_here),
        ].concat();
        from_here.sort();
        let mut expected: Vec<String> = here.iter().map(|records| records.id().to_string()).collect();
        expected.sort();
        prop_assert_eq!(from_here, expected);
        for line in &preview.newer_here {
            prop_assert!(compare_times(line.here_changed_at.as_deref().unwrap(), line.backup_changed_at.as_deref().unwrap()).is_gt());
        }
        for line in &preview.replaced {
            prop_assert!(!compare_times(line.here_changed_at.as_deref().unwrap(), line.backup_changed_at.as_deref().unwrap()).is_gt());
        }

        let writes = restore_writes(&backup, &preview, replace_newer_here);
        let written: Vec<String> = writes.cases.iter().map(|records| records.id().to_string()).collect();
        for id in &written {
            prop_assert!(!ids(&preview.same).contains(id) && !ids(&preview.only_here).contains(id));
            prop_assert!(replace_newer_here || !ids(&preview.newer_here).contains(id));
        }
        prop_assert_eq!(
            written.len(),
            preview.new_cases.len() + preview.replaced.len() + if replace_newer_here { preview.newer_here.len() } else { 0 }
        );
        for records in &writes.cases {
            prop_assert!(backup.cases.contains(records), "written as the backup holds it");
        }
        match (&writes.profile, preview.profile) {
            (Some(profile), _) => prop_assert_eq!(Some(profile), backup.profile.as_ref()),
            (None, ProfileChange::New) => prop_assert!(false, "a new profile is written"),
            (None, ProfileChange::Replaced { newer_here }) => prop_assert!(newer_here && !replace_newer_here),
            (None, _) => {}
        }
        // Restoring the writes makes the backup's cases the same here, except newer work kept.
        let mut after: Vec<CaseRecords> = here.clone();
        for records in writes.cases {
            after.retain(|mine| mine.id() != records.id());
            after.push(records);
        }
        let again = restore_preview(&backup, &after, writes.profile.as_ref().or(here_profile.as_ref()));
        prop_assert!(again.new_cases.is_empty() && again.replaced.is_empty());
        prop_assert_eq!(again.only_here.len(), preview.only_here.len());
    }
}
