//! How the person on probation reaches their officer: the phone, email and office on the officer's
//! profile, printed on the sentence plan they take away. Kept beside the profile, never in what is
//! signed (a changed phone number does not change a signature) and never in a package.

use serde::{Deserialize, Serialize};

use crate::domain::errors::FieldErrors;

/// The longest office address the profile takes, in characters.
pub const OFFICE_MAX_CHARS: usize = 300;
/// The longest email address, in characters (RFC 5321's path limit).
pub const EMAIL_MAX_CHARS: usize = 254;

/// The officer's contact details, each optional; empty means not given.
///
/// ```
/// use probation_workbook::domain::signing::ContactForm;
/// let contact = ContactForm {
///     phone: " 01632  960 001 ".into(),
///     email: "Sam.Fictional@Example.org".into(),
///     office: "1 Fictional Street\nExampletown".into(),
/// }
/// .validate()
/// .unwrap();
/// assert_eq!(contact.phone, "01632 960 001");
/// assert_eq!(contact.lines()[2], ("Probation office", "1 Fictional Street, Exampletown".to_string()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerContact {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// The office address, its lines as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub office: String,
}

impl OfficerContact {
    pub fn is_empty(&self) -> bool {
        self.phone.is_empty() && self.email.is_empty() && self.office.is_empty()
    }

    /// Each detail given, with its label as the printed plan shows it (the office on one line).
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let office = office_lines(&self.office).join(", ");
        [
            ("Practitioner's phone", self.phone.clone()),
            ("Practitioner's email", self.email.clone()),
            ("Probation office", office),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect()
    }
}

/// The contact details as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContactForm {
    pub phone: String,
    pub email: String,
    pub office: String,
}

/// The ids of the contact fields, for error messages and the error summary.
pub mod contact_fields {
    pub const PHONE: &str = "profile-phone";
    pub const EMAIL: &str = "profile-email";
    pub const OFFICE: &str = "profile-office";
}

impl ContactForm {
    pub fn from_contact(contact: &OfficerContact) -> Self {
        Self {
            phone: contact.phone.clone(),
            email: contact.email.clone(),
            office: contact.office.clone(),
        }
    }

    /// The contact details tidied, or every problem at once under its field. Each may be left empty.
    pub fn validate(&self) -> Result<OfficerContact, FieldErrors> {
        let mut errors = FieldErrors::default();
        let phone = self.phone.split_whitespace().collect::<Vec<_>>().join(" ");
        if !phone.is_empty() && !is_phone_number(&phone) {
            errors.push(
                contact_fields::PHONE,
                "Enter a phone number, like 01632 960 001 or +44 808 157 0192",
            );
        }
        let email = self.email.trim().to_string();
        if !email.is_empty() && !is_email_address(&email) {
            errors.push(
                contact_fields::EMAIL,
                "Enter an email address in the correct format, like name@example.com",
            );
        }
        let office = office_lines(&self.office).join("\n");
        if office.chars().count() > OFFICE_MAX_CHARS {
            errors.push(
                contact_fields::OFFICE,
                format!("Office address must be {OFFICE_MAX_CHARS} characters or fewer"),
            );
        }
        if errors.is_empty() {
            Ok(OfficerContact {
                phone,
                email,
                office,
            })
        } else {
            Err(errors)
        }
    }
}

/// The office address's lines as typed, trimmed, blank ones left out.
fn office_lines(office: &str) -> Vec<&str> {
    office
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
}

/// A UK or international number as people write it: digits with spaces, brackets, dashes and an
/// optional leading "+", 10 to 15 digits (a UK number has 10 or 11; E.164 allows 15), and an
/// optional extension ("ext 123").
fn is_phone_number(phone: &str) -> bool {
    let lower = phone.to_lowercase();
    let (number, extension) = match lower.split_once("ext") {
        Some((number, extension)) => (number, Some(extension.trim_start_matches('.').trim())),
        None => (lower.as_str(), None),
    };
    let number = number.trim();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let shape_ok = number
        .char_indices()
        .all(|(at, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && at == 0));
    let extension_ok = extension.is_none_or(|extension| {
        !extension.is_empty()
            && extension.len() <= 6
            && extension.chars().all(|c| c.is_ascii_digit())
    });
    shape_ok && (10..=15).contains(&digits) && extension_ok
}

/// An address the GOV.UK pattern accepts: something, one "@", a domain with a dot, no spaces.
fn is_email_address(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.chars().count() <= EMAIL_MAX_CHARS
        && !local.is_empty()
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(phone: &str, email: &str, office: &str) -> ContactForm {
        ContactForm {
            phone: phone.into(),
            email: email.into(),
            office: office.into(),
        }
    }

    #[test]
    fn all_empty_is_fine_and_prints_nothing() {
        let contact = form(" ", "", "\n \n").validate().unwrap();
        assert!(contact.is_empty());
        assert!(contact.lines().is_empty());
    }

    #[test]
    fn numbers_as_people_write_them() {
        for phone in [
            "01632 960 001",
            "01632960001",
            "+44 808 157 0192",
            "(01632) 960-001",
            "07700 900 982 ext 123",
        ] {
            assert!(form(phone, "", "").validate().is_ok(), "{phone}");
        }
        for phone in [
            "123",
            "call me",
            "01632 960 001 2345 6789",
            "44+ 1632 960 001",
            "01632 960 001 ext",
        ] {
            let errors = form(phone, "", "").validate().unwrap_err();
            assert_eq!(
                errors.for_field(contact_fields::PHONE),
                Some("Enter a phone number, like 01632 960 001 or +44 808 157 0192"),
                "{phone}"
            );
        }
    }

    #[test]
    fn email_addresses() {
        assert!(form("", " sam@probation.example.org ", "")
            .validate()
            .is_ok());
        for email in [
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam @example.org",
            "a@b@c.org",
            "sam@example..org",
        ] {
            let errors = form("", email, "").validate().unwrap_err();
            assert!(errors.for_field(contact_fields::EMAIL).is_some(), "{email}");
        }
    }

    #[test]
    fn every_problem_at_once_and_a_long_office_refused() {
        let errors = form("x", "y", &"a".repeat(OFFICE_MAX_CHARS + 1))
            .validate()
            .unwrap_err();
        assert_eq!(errors.0.len(), 3);
        assert_eq!(
            errors.for_field(contact_fields::OFFICE),
            Some("Office address must be 300 characters or fewer")
        );
    }

    #[test]
    fn older_profiles_read_without_contact_and_write_none() {
        let none = OfficerContact::default();
        assert_eq!(serde_json::to_string(&none).unwrap(), "{}");
        let read: OfficerContact = serde_json::from_str("{}").unwrap();
        assert_eq!(read, none);
    }
}
