//! The export's signing block from the case's signing record: the truth about the exported version.

use super::{Signature, Signing, SigningStatus};
use crate::domain::signing::{CaseSigning, DraftStatus, Profile, SignedVersion, VersionState};

fn signature(
    by: Option<&Profile>,
    at: Option<&String>,
    reason: Option<&String>,
) -> Option<Signature> {
    let (by, at) = (by?, at?);
    Some(Signature {
        name: by.name.clone(),
        grade: by.grade.short_label().to_string(),
        at: at.clone(),
        reason: reason.cloned(),
    })
}

fn status_of(state: VersionState) -> SigningStatus {
    match state {
        VersionState::UnsignedDraft => SigningStatus::UnsignedDraft,
        VersionState::SelfSigned => SigningStatus::Signed,
        VersionState::AwaitingCountersign => SigningStatus::AwaitingCountersignature,
        VersionState::Countersigned => SigningStatus::Countersigned,
        VersionState::AwaitingDoubleCountersign => SigningStatus::AwaitingSecondCountersignature,
        VersionState::DoubleCountersigned => SigningStatus::SecondCountersigned,
        VersionState::Returned => SigningStatus::ReturnedForRework,
    }
}

fn of_version(version: &SignedVersion) -> Signing {
    Signing {
        status: status_of(version.state),
        version: version.number,
        signed: signature(Some(&version.signed_by), Some(&version.signed_at), None),
        countersigned: signature(
            version.countersigned_by.as_ref(),
            version.countersigned_at.as_ref(),
            version.double_countersign_reason.as_ref(),
        ),
        second_countersigned: signature(
            version.double_countersigned_by.as_ref(),
            version.double_countersigned_at.as_ref(),
            None,
        ),
        returned: signature(
            version.returned_by.as_ref(),
            version.returned_at.as_ref(),
            version.returned_reason.as_ref(),
        ),
        previous_version: None,
    }
}

/// The signing block of an export made now: the locked version itself while one is signed or with a
/// senior, else the open draft (the next version) with the latest signed version beside it.
pub fn export_signing(signing: &CaseSigning) -> Signing {
    match signing.draft_status() {
        DraftStatus::Locked { latest } | DraftStatus::WithSenior { latest } => signing
            .version(latest)
            .map(of_version)
            .unwrap_or_else(|| draft(latest, None)),
        DraftStatus::Open { next } => draft(next, signing.latest().map(of_version)),
    }
}

fn draft(version: u32, previous: Option<Signing>) -> Signing {
    Signing {
        status: SigningStatus::UnsignedDraft,
        version,
        signed: None,
        countersigned: None,
        second_countersigned: None,
        returned: None,
        previous_version: previous.map(Box::new),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::signing::{Grade, Snapshot};

    const AT: &str = "2026-11-25T14:03:07Z";

    fn people() -> (Profile, Profile) {
        (
            Profile::new("Alex Trainee", Grade::TraineePqip).unwrap(),
            Profile::new("Sam Senior", Grade::Spo).unwrap(),
        )
    }

    #[test]
    fn a_case_never_signed_is_an_unsigned_draft_of_version_1() {
        let export = export_signing(&CaseSigning::new(AT, None));
        assert_eq!(export.status, SigningStatus::UnsignedDraft);
        assert_eq!(export.version, 1);
        assert_eq!(export.signed, None);
        assert_eq!(export.previous_version, None);
    }

    #[test]
    fn a_version_with_a_senior_says_who_signed_it_and_that_it_awaits_countersignature() {
        let (officer, senior) = people();
        let mut signing = CaseSigning::new(AT, Some(&officer));
        let version = signing
            .sign(Snapshot::default(), true, &officer, &["trainee"], AT)
            .unwrap();
        let export = export_signing(&signing);
        assert_eq!(export.status, SigningStatus::AwaitingCountersignature);
        assert_eq!(export.version, 1);
        let signed = export.signed.unwrap();
        assert_eq!(
            (
                signed.name.as_str(),
                signed.grade.as_str(),
                signed.at.as_str()
            ),
            ("Alex Trainee", Grade::TraineePqip.short_label(), AT)
        );
        assert_eq!(export.countersigned, None);

        signing
            .countersign(version, &senior, "2026-11-26T10:00:00Z")
            .unwrap();
        let export = export_signing(&signing);
        assert_eq!(export.status, SigningStatus::Countersigned);
        let countersigned = export.countersigned.unwrap();
        assert_eq!(countersigned.name, "Sam Senior");
        assert_eq!(countersigned.grade, "SPO");
        assert_eq!(countersigned.at, "2026-11-26T10:00:00Z");
    }

    #[test]
    fn a_returned_version_makes_the_export_the_next_draft_with_the_return_beside_it() {
        let (officer, senior) = people();
        let mut signing = CaseSigning::new(AT, Some(&officer));
        let version = signing
            .sign(Snapshot::default(), true, &officer, &["trainee"], AT)
            .unwrap();
        signing
            .return_for_rework(version, "Say more about the risk to children", &senior, AT)
            .unwrap();
        let export = export_signing(&signing);
        assert_eq!(export.status, SigningStatus::UnsignedDraft);
        assert_eq!(export.version, 2);
        let previous = export.previous_version.unwrap();
        assert_eq!(previous.status, SigningStatus::ReturnedForRework);
        assert_eq!(previous.version, 1);
        let returned = previous.returned.unwrap();
        assert_eq!(returned.name, "Sam Senior");
        assert_eq!(
            returned.reason.as_deref(),
            Some("Say more about the risk to children")
        );
    }
}
