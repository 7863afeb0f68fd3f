//! The restore preview and what a restore writes.

use super::tests::{case_records, profile_record, AT};
use super::*;
use crate::domain::answers::Answer;
use crate::domain::records::ProfileRecord;

const EARLY: &str = "2026-11-20T10:00:00Z";
const LATE: &str = "2026-12-05T10:00:00Z";

fn names(lines: &[PreviewLine]) -> Vec<&str> {
    lines.iter().map(|line| line.name.as_str()).collect()
}

/// The backup: Dee (new here), Bea and Cy (replaced), Eve (newer here), Al (the same).
/// Here: Bea, Cy, Eve, Al and Fin (only here).
fn scene() -> (BackupPayload, Vec<CaseRecords>) {
    let al = case_records("al", "Al Able", "A000001", AT);
    let bea = case_records("bea", "Bea Jones", "B000002", AT);
    let cy = case_records("cy", "cy lower", "C000003", AT);
    let dee = case_records("dee", "Dee New", "D000004", AT);
    let eve = case_records("eve", "Eve Later", "E000005", AT);
    let fin = case_records("fin", "Fin Only", "F000006", AT);

    // Al here: the same work, written more often.
    let mut al_here = al.clone();
    al_here.case.revision = 40;
    al_here.assessment.as_mut().unwrap().revision = 41;
    // Bea here: an older copy (changed before the backup).
    let mut bea_here = bea.clone();
    bea_here
        .assessment
        .as_mut()
        .unwrap()
        .answers
        .set("3.4", Answer::Choice("0".into()));
    bea_here.assessment.as_mut().unwrap().updated_at = EARLY.into();
    bea_here.case.updated_at = EARLY.into();
    bea_here.plan.as_mut().unwrap().updated_at = EARLY.into();
    bea_here.signing.as_mut().unwrap().updated_at = EARLY.into();
    // Cy here: differs, changed at the same time as the backup's copy: the backup's wins.
    let mut cy_here = cy.clone();
    cy_here.case.details.name = "Cy Renamed".into();
    // Eve here: changed after the backup.
    let mut eve_here = eve.clone();
    eve_here
        .plan
        .as_mut()
        .unwrap()
        .dismissed_suggestions
        .push("x".into());
    eve_here.plan.as_mut().unwrap().updated_at = LATE.into();

    let backup = BackupPayload::new(AT, vec![eve, dee, cy, bea, al], Some(profile_record(AT)));
    (backup, vec![fin, eve_here, cy_here, bea_here, al_here])
}

#[test]
fn the_preview_sorts_every_case_of_both_sides_into_one_list() {
    let (backup, here) = scene();
    let preview = restore_preview(&backup, &here, None);
    assert_eq!(preview.backup_created_at, AT);
    assert_eq!(names(&preview.new_cases), ["Dee New"]);
    assert_eq!(
        names(&preview.replaced),
        ["Bea Jones", "cy lower"],
        "by name, whatever the case"
    );
    assert_eq!(names(&preview.newer_here), ["Eve Later"]);
    assert_eq!(names(&preview.same), ["Al Able"]);
    assert_eq!(names(&preview.only_here), ["Fin Only"]);
    assert_eq!(preview.profile, ProfileChange::New);
    assert!(!preview.is_up_to_date());

    let dee = &preview.new_cases[0];
    assert_eq!(
        dee,
        &PreviewLine {
            id: "dee".into(),
            name: "Dee New".into(),
            crn: "D000004".into(),
            backup_changed_at: Some(AT.into()),
            here_changed_at: None,
        }
    );
    let bea = &preview.replaced[0];
    assert_eq!(bea.backup_changed_at.as_deref(), Some(AT));
    assert_eq!(bea.here_changed_at.as_deref(), Some(EARLY));
    let eve = &preview.newer_here[0];
    assert_eq!(eve.here_changed_at.as_deref(), Some(LATE));
    let fin = &preview.only_here[0];
    assert_eq!(
        (fin.backup_changed_at.as_ref(), fin.crn.as_str()),
        (None, "F000006")
    );
    // The backup's name for a case in both.
    assert_eq!(preview.replaced[1].name, "cy lower");
}

#[test]
fn a_restore_writes_new_and_replaced_cases_and_newer_work_here_only_when_asked() {
    let (backup, here) = scene();
    let preview = restore_preview(&backup, &here, None);
    let ids = |writes: &RestoreWrites| -> Vec<String> {
        writes
            .cases
            .iter()
            .map(|records| records.id().to_string())
            .collect()
    };
    let writes = restore_writes(&backup, &preview, false);
    assert_eq!(ids(&writes), ["dee", "bea", "cy"]);
    let dee = backup
        .cases
        .iter()
        .find(|records| records.id() == "dee")
        .unwrap();
    assert_eq!(
        &writes.cases[0], dee,
        "records whole, as the backup holds them"
    );
    assert_eq!(writes.profile, backup.profile);
    let writes = restore_writes(&backup, &preview, true);
    assert_eq!(ids(&writes), ["dee", "bea", "cy", "eve"]);
    assert!(!writes.is_empty());
}

#[test]
fn a_backup_of_the_same_work_writes_nothing() {
    let (backup, _) = scene();
    let mut here = backup.cases.clone();
    for records in &mut here {
        records.case.revision += 10;
    }
    let profile = ProfileRecord {
        revision: 99,
        ..backup.profile.clone().unwrap()
    };
    let preview = restore_preview(&backup, &here, Some(&profile));
    assert_eq!(preview.same.len(), 5);
    assert_eq!(preview.profile, ProfileChange::Same);
    assert!(preview.is_up_to_date());
    assert!(restore_writes(&backup, &preview, true).is_empty());
    // An empty browser takes everything.
    let preview = restore_preview(&backup, &[], None);
    assert_eq!(preview.new_cases.len(), 5);
    assert_eq!(restore_writes(&backup, &preview, false).cases.len(), 5);
}

#[test]
fn the_profile_is_replaced_when_it_differs_and_the_backups_is_as_new_or_newer() {
    use crate::domain::signing::{Grade, Profile};
    let (mut backup, here) = scene();
    let mut mine = profile_record(AT);
    mine.profile = Profile::new("Sam Patel", Grade::Spo).unwrap();

    let preview = restore_preview(&backup, &here, Some(&mine));
    assert_eq!(
        preview.profile,
        ProfileChange::Replaced { newer_here: false }
    );
    assert_eq!(
        restore_writes(&backup, &preview, false).profile,
        backup.profile
    );

    mine.updated_at = LATE.into();
    let preview = restore_preview(&backup, &here, Some(&mine));
    assert_eq!(
        preview.profile,
        ProfileChange::Replaced { newer_here: true }
    );
    assert_eq!(restore_writes(&backup, &preview, false).profile, None);
    assert_eq!(
        restore_writes(&backup, &preview, true).profile,
        backup.profile
    );

    backup.profile = None;
    let preview = restore_preview(&backup, &here, Some(&mine));
    assert_eq!(preview.profile, ProfileChange::None);
    assert_eq!(restore_writes(&backup, &preview, true).profile, None);
}

#[test]
fn a_case_whose_records_here_are_fewer_differs() {
    let (backup, _) = scene();
    let mut here = backup.cases.clone();
    here[0].signing = None;
    let preview = restore_preview(&backup, &here, None);
    assert_eq!(names(&preview.replaced), ["Eve Later"]);
}
