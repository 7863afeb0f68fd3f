//! Who is signing: the officer's profile, kept in their own browser, and their grade.

use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldErrors;

/// The longest name a profile takes, in characters.
pub const PROFILE_NAME_MAX_CHARS: usize = 100;

/// The officer's grade. With the case, it decides whether their work is countersigned (see `rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// A trainee on the Professional Qualification in Probation.
    TraineePqip,
    /// Probation services officer.
    Pso,
    /// Probation officer.
    Po,
    /// Senior probation officer.
    Spo,
    HeadOfService,
}

/// The grades that may countersign: a senior probation officer or a head of service.
pub const COUNTERSIGNING_GRADES: &[Grade] = &[Grade::Spo, Grade::HeadOfService];

impl Grade {
    /// In order of seniority, as the profile form offers them.
    pub const ALL: [Grade; 5] = [
        Grade::TraineePqip,
        Grade::Pso,
        Grade::Po,
        Grade::Spo,
        Grade::HeadOfService,
    ];

    /// What the officer reads: "Probation officer (PO)".
    pub fn label(self) -> &'static str {
        match self {
            Grade::TraineePqip => "Trainee (PQiP)",
            Grade::Pso => "Probation services officer (PSO)",
            Grade::Po => "Probation officer (PO)",
            Grade::Spo => "Senior probation officer (SPO)",
            Grade::HeadOfService => "Head of service",
        }
    }

    /// The short form used beside a name: "PO", "Head of service".
    pub fn short_label(self) -> &'static str {
        match self {
            Grade::TraineePqip => "PQiP",
            Grade::Pso => "PSO",
            Grade::Po => "PO",
            Grade::Spo => "SPO",
            Grade::HeadOfService => "Head of service",
        }
    }

    /// The stored value, as serde writes it: "trainee_pqip".
    pub fn code(self) -> &'static str {
        match self {
            Grade::TraineePqip => "trainee_pqip",
            Grade::Pso => "pso",
            Grade::Po => "po",
            Grade::Spo => "spo",
            Grade::HeadOfService => "head_of_service",
        }
    }

    pub fn from_code(code: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|grade| grade.code() == code)
    }

    /// Whether this grade may countersign someone else's work.
    pub fn can_countersign(self) -> bool {
        COUNTERSIGNING_GRADES.contains(&self)
    }
}

/// The person using this browser: their name and grade, written into everything they sign.
///
/// Profiles have no other identity, so "the same person" means the same name (ignoring case and spacing).
///
/// ```
/// use probation_workbook::domain::signing::{Grade, Profile};
/// let officer = Profile::new("  Sam   Patel ", Grade::Po).unwrap();
/// assert_eq!(officer.name, "Sam Patel");
/// assert_eq!(officer.describe(), "Sam Patel (PO)");
/// assert!(officer.is_same_person(&Profile::new("sam patel", Grade::Spo).unwrap()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub grade: Grade,
}

/// Why a profile was refused; each message is the sentence the officer reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("Enter your name")]
    NameMissing,
    #[error("Your name must be {PROFILE_NAME_MAX_CHARS} characters or fewer")]
    NameTooLong,
    #[error("Select your grade")]
    GradeMissing,
}

impl Profile {
    /// A profile with the name's spacing tidied; refused without a name.
    pub fn new(name: &str, grade: Grade) -> Result<Profile, ProfileError> {
        let name = tidy(name);
        if name.is_empty() {
            return Err(ProfileError::NameMissing);
        }
        if name.chars().count() > PROFILE_NAME_MAX_CHARS {
            return Err(ProfileError::NameTooLong);
        }
        Ok(Profile { name, grade })
    }

    /// Whether a profile read from elsewhere (a package, storage) meets the rules of `Profile::new`.
    pub fn check(&self) -> Result<(), ProfileError> {
        Profile::new(&self.name, self.grade).map(|_| ())
    }

    /// "Sam Patel (PO)".
    pub fn describe(&self) -> String {
        format!("{} ({})", self.name, self.grade.short_label())
    }

    /// Same name, ignoring case and spacing.
    pub fn is_same_person(&self, other: &Profile) -> bool {
        tidy(&self.name).to_lowercase() == tidy(&other.name).to_lowercase()
    }
}

fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The profile form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileForm {
    pub name: String,
    /// A `Grade::code`, or empty while none is selected.
    pub grade: String,
}

/// The ids of the profile form's fields, for error messages and the error summary.
pub mod profile_fields {
    pub const NAME: &str = "profile-name";
    pub const GRADE: &str = "profile-grade";
}

impl ProfileForm {
    /// The form filled in from a saved profile.
    pub fn from_profile(profile: &Profile) -> Self {
        Self {
            name: profile.name.clone(),
            grade: profile.grade.code().into(),
        }
    }

    /// The profile, or every problem at once under its field.
    pub fn validate(&self) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::default();
        let grade = Grade::from_code(&self.grade);
        let profile = Profile::new(&self.name, grade.unwrap_or(Grade::Po));
        if let Err(error) = &profile {
            errors.push(profile_fields::NAME, error.to_string());
        }
        if grade.is_none() {
            errors.push(
                profile_fields::GRADE,
                ProfileError::GradeMissing.to_string(),
            );
        }
        match profile {
            Ok(profile) if errors.is_empty() => Ok(profile),
            _ => Err(errors),
        }
    }
}
