//! Signing acts and sealed packages in the browser (issue 15). Every rule is the domain's
//! (`domain::keys`, `domain::package`); here WebCrypto signs and seals (`store::identity`) and the
//! results are handed back.
//!
//! - [`signed_act`]: a signing act (sign, countersign, return, double countersign) is tried on a
//!   copy, each decision it made is signed with this officer's key, and the act and its signatures
//!   are kept in one change: no decision is ever saved unsigned.
//! - [`my_team`] and [`trusted_team`]: the team list, and the team with the officer themself in
//!   it, against which packages are verified.

use std::sync::Arc;

use leptos::prelude::*;

use super::autosave::Autosave;
use super::clock;
use super::db::store;
use crate::domain::keys::{Team, TeamMember};
use crate::domain::signing::Profile;
use crate::store::identity::{self, MyKeys};
use crate::store::{SigningRecord, TeamRecord, TEAM_KEY};

/// A change to a signing record that its rules may refuse (the reason, in words).
pub type Act = Arc<dyn Fn(&mut SigningRecord) -> Result<(), String> + Send + Sync>;

/// Said when the case changed (in another tab, say) between signing and saving.
const CHANGED_WHILE_SIGNING: &str =
    "The case changed while it was being signed (in another tab or window, perhaps): look again and sign again";

/// This officer's keys, made now if their profile was saved before keys existed.
pub async fn my_keys() -> Result<MyKeys, String> {
    async { store().await?.my_keys_or_make(&clock::timestamp()).await }
        .await
        .map_err(|error| error.to_string())
}

/// The team list as stored now.
pub async fn my_team() -> Result<Team, String> {
    let record: Option<TeamRecord> = async { store().await?.record(TEAM_KEY).await }
        .await
        .map_err(|error| error.to_string())?;
    Ok(record.map(|record| record.team).unwrap_or_default())
}

/// The team and this officer's signing key, read now: whom a package may be sealed for
/// (`Team::recipients` leaves the officer out).
pub async fn team_and_my_key() -> Result<(Team, crate::domain::keys::PublicKey), String> {
    Ok((my_team().await?, my_keys().await?.public.signing))
}

/// The team with the officer themself in it (`Team::including`), and their keys: what a package's
/// signatures are checked against, so their own signatures count when they come back.
pub async fn trusted_team(profile: &Profile) -> Result<(Team, MyKeys), String> {
    let keys = my_keys().await?;
    let team = my_team().await?;
    let me = TeamMember::myself(profile, keys.public, &keys.created_at);
    Ok((team.including(me), keys))
}

/// Makes `act` on the case's signing record (`case_id`), signed: tried on a copy of the live
/// record first (its refusal is returned, nothing changes), each decision it made signed with this
/// officer's key, then the act and the signatures applied together (`Autosave::try_change`). If the
/// record changed meanwhile so that a signature no longer fits, nothing is kept and the officer is
/// asked to sign again.
pub async fn signed_act(
    autosave: Autosave<SigningRecord>,
    case_id: String,
    act: Act,
) -> Result<(), String> {
    let keys = my_keys().await?;
    let before = autosave
        .draft
        .try_get_untracked()
        .ok_or(CHANGED_WHILE_SIGNING)?;
    let mut trial = before.clone();
    act(&mut trial)?;
    let mut events = Vec::new();
    for (number, kind) in trial.signing.new_decisions(&before.signing) {
        let unsigned = trial
            .signing
            .event_to_sign(&case_id, number, kind, keys.public.signing)
            .map_err(|error| error.to_string())?;
        let signature = identity::sign(&keys.signing_private, &unsigned.message()).await?;
        let event = unsigned
            .with_signature(&signature)
            .map_err(|error| error.to_string())?;
        trial
            .signing
            .attach_signature(&case_id, event.clone())
            .map_err(|error| error.to_string())?;
        events.push(event);
    }
    if autosave.draft.try_get_untracked().is_none() {
        return Err(CHANGED_WHILE_SIGNING.to_string());
    }
    autosave.try_change(move |record| {
        act(record)?;
        for event in &events {
            record
                .signing
                .attach_signature(&case_id, event.clone())
                .map_err(|_| CHANGED_WHILE_SIGNING.to_string())?;
        }
        Ok(())
    })
}
