//! The team list: the people whose signatures this officer trusts, each added from their identity
//! card after reading the fingerprint to them, with the grade the officer confirmed.
//!
//! Identity is the key, never the name: two members may share a name (they are told apart by
//! fingerprint wherever they are named, [`Team::label`]), but never a key.
//!
//! The file (`workbook verify-package --team TEAM.json`, and an export of the list):
//!
//! ```json
//! {"format":"probation-workbook-team","version":1,"members":[
//!   {"name":"Jo Bloggs","grade":"spo","signing_key":"<base64>","encryption_key":"<base64>",
//!    "fingerprint":"3F2A 91C0 …","added_at":"2026-11-20T10:00:00Z"}]}
//! ```
//!
//! `Team` itself (serde: `{"members": [...]}`) is what a store keeps.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::{FileKind, KeyError};
use super::file::{read_object, shape};
use super::identity::IdentityCard;
use super::public_key::{Fingerprint, IdentityKeys, PublicKey};
use crate::domain::signing::{Grade, Profile};

/// What every team list file says it is.
pub const TEAM_FORMAT: &str = "probation-workbook-team";
/// The send form's question: who a sealed package is for.
pub const RECIPIENT_FIELD: &str = "package-recipient";
/// The team list layout this build writes and reads.
pub const TEAM_VERSION: u32 = 1;

/// Someone whose signatures this officer trusts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// As their card states it.
    pub name: String,
    /// As the officer confirmed it when adding them: this grade decides whether they may
    /// countersign, whatever their card or their signatures state.
    pub grade: Grade,
    pub signing_key: PublicKey,
    pub encryption_key: PublicKey,
    /// Of the two keys; checked against them when read.
    pub fingerprint: Fingerprint,
    /// RFC 3339.
    pub added_at: String,
}

impl TeamMember {
    /// The member a card makes, with the grade the officer confirmed.
    pub fn from_card(card: &IdentityCard, confirmed_grade: Grade, at: &str) -> TeamMember {
        TeamMember {
            name: card.name.clone(),
            grade: confirmed_grade,
            signing_key: card.keys.signing,
            encryption_key: card.keys.encryption,
            fingerprint: card.fingerprint(),
            added_at: at.to_string(),
        }
    }

    /// The officer themself, as their own team list never holds them: with the grade of their
    /// profile, so that their own signatures count when a package brings them back.
    pub fn myself(profile: &Profile, keys: IdentityKeys, at: &str) -> TeamMember {
        TeamMember {
            name: profile.name.clone(),
            grade: profile.grade,
            signing_key: keys.signing,
            encryption_key: keys.encryption,
            fingerprint: keys.fingerprint(),
            added_at: at.to_string(),
        }
    }

    pub fn keys(&self) -> IdentityKeys {
        IdentityKeys {
            signing: self.signing_key,
            encryption: self.encryption_key,
        }
    }

    /// The name and confirmed grade.
    pub fn profile(&self) -> Profile {
        Profile {
            name: self.name.clone(),
            grade: self.grade,
        }
    }

    /// "Jo Bloggs (SPO)".
    pub fn describe(&self) -> String {
        self.profile().describe()
    }
}

/// The people whose signatures this officer trusts, in the order added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub members: Vec<TeamMember>,
}

/// Why a card could not be added, or a member removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TeamError {
    #[error("{name} is already in your team with this card (fingerprint {fingerprint})")]
    AlreadyInTeam {
        name: String,
        fingerprint: Fingerprint,
    },
    /// Another card of someone in the team shares one of its keys: a key is one person's.
    #[error("This card uses a key that {name} already uses in your team (fingerprint {fingerprint}): ask whoever sent it to make a new identity card")]
    KeyInUse {
        name: String,
        fingerprint: Fingerprint,
    },
    #[error("Nobody in your team has the fingerprint {0}")]
    NotInTeam(Fingerprint),
    #[error("{0} is not a date and time")]
    InvalidTime(String),
}

/// A card just added, and the members already there with the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub member: TeamMember,
    pub same_name: Vec<TeamMember>,
}

impl Added {
    /// What the officer reads when the name is shared, `None` otherwise: "Your team now has 2
    /// people called Jo Bloggs: … Wherever they are named, their fingerprint tells them apart."
    pub fn notice(&self) -> Option<String> {
        if self.same_name.is_empty() {
            return None;
        }
        let others: Vec<String> = self
            .same_name
            .iter()
            .map(|other| {
                format!(
                    "{} with fingerprint {}",
                    other.describe(),
                    other.fingerprint
                )
            })
            .collect();
        Some(format!(
            "Your team now has {} people called {}: {}, and {} with fingerprint {} (just added). \
             They have different keys, so they are different people to Probation Workbook: \
             wherever they are named, their fingerprint tells them apart",
            self.same_name.len() + 1,
            self.member.name,
            others.join(", "),
            self.member.describe(),
            self.member.fingerprint
        ))
    }
}

impl Team {
    /// Whether `card` can be added, and who in the team already has its name (for the preview,
    /// before the officer confirms).
    pub fn check_add(&self, card: &IdentityCard) -> Result<Vec<&TeamMember>, TeamError> {
        let fingerprint = card.fingerprint();
        if let Some(member) = self.by_fingerprint(&fingerprint) {
            return Err(TeamError::AlreadyInTeam {
                name: member.name.clone(),
                fingerprint,
            });
        }
        let keys = [card.keys.signing, card.keys.encryption];
        if let Some(member) = self.members.iter().find(|member| {
            keys.contains(&member.signing_key) || keys.contains(&member.encryption_key)
        }) {
            return Err(TeamError::KeyInUse {
                name: member.name.clone(),
                fingerprint: member.fingerprint,
            });
        }
        Ok(self
            .members
            .iter()
            .filter(|member| same_name(&member.name, &card.name))
            .collect())
    }

    /// Adds the person of `card` with the grade the officer confirmed, at `at`. Refused for a
    /// card already in the team, or one sharing a key with a member; a name already in the team
    /// is allowed and said ([`Added::notice`]).
    pub fn add(
        &mut self,
        card: &IdentityCard,
        confirmed_grade: Grade,
        at: &str,
    ) -> Result<Added, TeamError> {
        if at.parse::<Timestamp>().is_err() {
            return Err(TeamError::InvalidTime(at.to_string()));
        }
        let same_name = self.check_add(card)?.into_iter().cloned().collect();
        let member = TeamMember::from_card(card, confirmed_grade, at);
        self.members.push(member.clone());
        Ok(Added { member, same_name })
    }

    /// Removes the member with `fingerprint`; their signatures are no longer trusted.
    pub fn remove(&mut self, fingerprint: &Fingerprint) -> Result<TeamMember, TeamError> {
        let index = self
            .members
            .iter()
            .position(|member| member.fingerprint == *fingerprint)
            .ok_or(TeamError::NotInTeam(*fingerprint))?;
        Ok(self.members.remove(index))
    }

    pub fn by_signing_key(&self, key: &PublicKey) -> Option<&TeamMember> {
        self.members
            .iter()
            .find(|member| member.signing_key == *key)
    }

    pub fn by_encryption_key(&self, key: &PublicKey) -> Option<&TeamMember> {
        self.members
            .iter()
            .find(|member| member.encryption_key == *key)
    }

    pub fn by_fingerprint(&self, fingerprint: &Fingerprint) -> Option<&TeamMember> {
        self.members
            .iter()
            .find(|member| member.fingerprint == *fingerprint)
    }

    /// How to name a member: "Jo Bloggs (SPO)", or with the fingerprint when someone else in the
    /// team has the same name: "Jo Bloggs (SPO, fingerprint 3F2A 91C0 …)".
    pub fn label(&self, member: &TeamMember) -> String {
        let shared = self.members.iter().any(|other| {
            other.fingerprint != member.fingerprint && same_name(&other.name, &member.name)
        });
        if shared {
            format!(
                "{} ({}, fingerprint {})",
                member.name,
                member.grade.short_label(),
                member.fingerprint
            )
        } else {
            member.describe()
        }
    }

    /// Who the holder of signing key `me` may seal a case package for: everyone in the team but
    /// themself, and only those whose grade can countersign when the package sends a version for
    /// countersigning.
    pub fn recipients(&self, me: &PublicKey, for_countersigning: bool) -> Vec<&TeamMember> {
        self.members
            .iter()
            .filter(|member| member.signing_key != *me)
            .filter(|member| !for_countersigning || member.grade.can_countersign())
            .collect()
    }

    /// The recipient chosen on the send form (by fingerprint, as the form's values are), checked
    /// against [`Team::recipients`]: "Select who the package is for" next to the field otherwise.
    pub fn chosen_recipient(
        &self,
        me: &PublicKey,
        for_countersigning: bool,
        chosen: Option<&str>,
    ) -> Result<TeamMember, crate::domain::errors::FieldErrors> {
        let allowed = self.recipients(me, for_countersigning);
        chosen
            .and_then(Fingerprint::parse)
            .and_then(|fingerprint| {
                allowed
                    .into_iter()
                    .find(|member| member.fingerprint == fingerprint)
            })
            .cloned()
            .ok_or_else(|| {
                let mut errors = crate::domain::errors::FieldErrors::default();
                errors.push(RECIPIENT_FIELD, "Select who the package is for");
                errors
            })
    }

    /// This team with `member` too, unless their key is already in it: how the officer's own
    /// identity is trusted when their own signatures come back in a package.
    pub fn including(&self, member: TeamMember) -> Team {
        let mut team = self.clone();
        if team.by_signing_key(&member.signing_key).is_none() {
            team.members.push(member);
        }
        team
    }

    /// Whether a team read from storage or a file holds together: each fingerprint matches its
    /// keys, no key is used twice or for both signing and encryption, every name and time is real.
    pub fn check(&self) -> Result<(), String> {
        let mut keys = std::collections::BTreeSet::new();
        for member in &self.members {
            if member.keys().fingerprint() != member.fingerprint {
                return Err(format!(
                    "the fingerprint of {} does not match their keys",
                    member.name
                ));
            }
            if member.profile().check().is_err() {
                return Err("a name is missing or too long".to_string());
            }
            if member.added_at.parse::<Timestamp>().is_err() {
                return Err(format!(
                    "the time {} was added is not a date and time",
                    member.name
                ));
            }
            for key in [member.signing_key, member.encryption_key] {
                if !keys.insert(key) {
                    return Err(format!(
                        "a key of {} is used more than once in the team",
                        member.name
                    ));
                }
            }
        }
        Ok(())
    }

    /// The team list file's text: indented JSON (see the module).
    pub fn to_json(&self) -> String {
        let file = TeamFile {
            format: TEAM_FORMAT.to_string(),
            version: TEAM_VERSION,
            members: self.members.clone(),
        };
        serde_json::to_string_pretty(&file).expect("a team always serialises")
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TeamFile {
    format: String,
    version: u32,
    members: Vec<TeamMember>,
}

/// Reads a team list file (see the module): refused, never panicking, when it is not one, is
/// damaged, or does not hold together ([`Team::check`]).
pub fn parse_team(bytes: &[u8]) -> Result<Team, KeyError> {
    let what = FileKind::TeamList;
    let fields = read_object(bytes, what, TEAM_FORMAT, TEAM_VERSION)?;
    let file: TeamFile = shape(fields, what)?;
    let team = Team {
        members: file.members,
    };
    team.check()
        .map_err(|detail| KeyError::damaged(what, detail))?;
    Ok(team)
}

/// The same name, ignoring case and spacing (as [`Profile::is_same_person`]).
fn same_name(a: &str, b: &str) -> bool {
    let tidy = |name: &str| {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    tidy(a) == tidy(b)
}
