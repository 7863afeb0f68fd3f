//! A case: the person on probation and the sentence the assessment is about.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dates::{age_on, is_within_years, parse_date, DateParts};
use super::errors::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];

    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "Male",
            Sex::Female => "Female",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        Sex::ALL.into_iter().find(|sex| sex.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentenceType {
    CommunityOrder,
    SuspendedSentenceOrder,
    Custody,
    Licence,
}

impl SentenceType {
    pub const ALL: [SentenceType; 4] = [
        SentenceType::CommunityOrder,
        SentenceType::SuspendedSentenceOrder,
        SentenceType::Custody,
        SentenceType::Licence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SentenceType::CommunityOrder => "Community order",
            SentenceType::SuspendedSentenceOrder => "Suspended sentence order",
            SentenceType::Custody => "Custody",
            SentenceType::Licence => "Licence",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            SentenceType::CommunityOrder => "community_order",
            SentenceType::SuspendedSentenceOrder => "suspended_sentence_order",
            SentenceType::Custody => "custody",
            SentenceType::Licence => "licence",
        }
    }

    pub fn from_code(code: &str) -> Option<SentenceType> {
        SentenceType::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    /// Custody counts from the release date; the other sentences from the day they were passed.
    pub fn start_date_label(self) -> &'static str {
        match self {
            SentenceType::Custody | SentenceType::Licence => "Release date",
            _ => "Sentence date",
        }
    }
}

/// The facts about a person and their sentence, once every field has passed validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetails {
    pub name: String,
    pub crn: String,
    pub date_of_birth: Date,
    pub sex: Sex,
    pub sentence_type: SentenceType,
    /// The sentence date for community and suspended sentences, the release date for custody and licence.
    pub sentence_or_release_date: Date,
    pub sentence_end_date: Date,
}

impl CaseDetails {
    /// Each date of the case with its label as the case form names it: "Date of birth", the
    /// sentence type's "Sentence date" or "Release date", and "Sentence end date".
    pub fn dates(&self) -> [(&'static str, Date); 3] {
        [
            ("Date of birth", self.date_of_birth),
            (
                self.sentence_type.start_date_label(),
                self.sentence_or_release_date,
            ),
            ("Sentence end date", self.sentence_end_date),
        ]
    }

    /// The first date of the case in a year before 1900 or after 2100 (see
    /// [`crate::domain::dates::EARLIEST_YEAR`]), with its label: such a case was never accepted by
    /// the case form, and is refused on import.
    pub fn date_outside_years(&self) -> Option<(&'static str, Date)> {
        self.dates()
            .into_iter()
            .find(|(_, date)| !is_within_years(*date))
    }
}

/// What the officer typed into the case form, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseForm {
    pub name: String,
    pub crn: String,
    pub date_of_birth: DateParts,
    pub sex: String,
    pub sentence_type: String,
    pub sentence_or_release_date: DateParts,
    pub sentence_end_date: DateParts,
}

impl CaseForm {
    /// The form filled in from a saved case, for changing its details.
    pub fn from_details(details: &CaseDetails) -> Self {
        Self {
            name: details.name.clone(),
            crn: details.crn.clone(),
            date_of_birth: DateParts::from_date(details.date_of_birth),
            sex: details.sex.code().into(),
            sentence_type: details.sentence_type.code().into(),
            sentence_or_release_date: DateParts::from_date(details.sentence_or_release_date),
            sentence_end_date: DateParts::from_date(details.sentence_end_date),
        }
    }
}

/// Field ids, shared by the form's inputs and the error summary's links.
pub mod fields {
    pub const NAME: &str = "case-name";
    pub const CRN: &str = "case-crn";
    pub const DATE_OF_BIRTH: &str = "case-dob";
    pub const SEX: &str = "case-sex";
    pub const SENTENCE_TYPE: &str = "case-sentence-type";
    pub const SENTENCE_OR_RELEASE_DATE: &str = "case-sentence-date";
    pub const SENTENCE_END_DATE: &str = "case-sentence-end";
}

pub const NAME_MAX_CHARS: usize = 100;
/// The youngest age at which a person can be convicted in England and Wales.
pub const AGE_OF_CRIMINAL_RESPONSIBILITY: i32 = 10;

/// "x123456 " becomes "X123456": a case reference number is a letter and six digits.
pub fn normalise_crn(text: &str) -> String {
    text.trim().to_uppercase()
}

pub fn is_valid_crn(crn: &str) -> bool {
    let mut chars = crn.chars();
    matches!(chars.next(), Some(first) if first.is_ascii_uppercase())
        && crn.len() == 7
        && chars.all(|c| c.is_ascii_digit())
}

/// Checks every field and returns the case, or every problem at once (in form order).
/// `other_crns` are the CRNs of the other cases already held, which must not be repeated.
/// Every date must be in a year from 1900 to 2100 ("Sentence end date must be between 1900 and 2100").
pub fn validate_case(
    form: &CaseForm,
    today: Date,
    other_crns: &[String],
) -> Result<CaseDetails, FieldErrors> {
    let mut errors = FieldErrors::default();

    let name = form.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        errors.push(fields::NAME, "Enter the person's full name");
    } else if name.chars().count() > NAME_MAX_CHARS {
        errors.push(
            fields::NAME,
            format!("Full name must be {NAME_MAX_CHARS} characters or fewer"),
        );
    }

    let crn = normalise_crn(&form.crn);
    if crn.is_empty() {
        errors.push(fields::CRN, "Enter the case reference number (CRN)");
    } else if !is_valid_crn(&crn) {
        errors.push(
            fields::CRN,
            "Case reference number must be a letter followed by 6 numbers, like X123456",
        );
    } else if other_crns.iter().any(|other| normalise_crn(other) == crn) {
        errors.push(
            fields::CRN,
            format!("A case with the reference number {crn} already exists"),
        );
    }

    let date_of_birth = match parse_date(&form.date_of_birth) {
        Err(error) => {
            errors.push(fields::DATE_OF_BIRTH, error.message("Date of birth"));
            None
        }
        Ok(born) if born >= today => {
            errors.push(fields::DATE_OF_BIRTH, "Date of birth must be in the past");
            None
        }
        Ok(born) if age_on(born, today) < AGE_OF_CRIMINAL_RESPONSIBILITY => {
            errors.push(
                fields::DATE_OF_BIRTH,
                format!("The person must be at least {AGE_OF_CRIMINAL_RESPONSIBILITY} years old"),
            );
            None
        }
        Ok(born) => Some(born),
    };

    let sex = Sex::from_code(&form.sex);
    if sex.is_none() {
        errors.push(fields::SEX, "Select the person's sex");
    }

    let sentence_type = SentenceType::from_code(&form.sentence_type);
    if sentence_type.is_none() {
        errors.push(fields::SENTENCE_TYPE, "Select the type of sentence");
    }

    let start_label = "Sentence or release date";
    let start = match parse_date(&form.sentence_or_release_date) {
        Err(error) => {
            errors.push(fields::SENTENCE_OR_RELEASE_DATE, error.message(start_label));
            None
        }
        Ok(start) if date_of_birth.is_some_and(|born| start <= born) => {
            errors.push(
                fields::SENTENCE_OR_RELEASE_DATE,
                "Sentence or release date must be after the date of birth",
            );
            None
        }
        Ok(start) => Some(start),
    };

    let end = match parse_date(&form.sentence_end_date) {
        Err(error) => {
            errors.push(
                fields::SENTENCE_END_DATE,
                error.message("Sentence end date"),
            );
            None
        }
        Ok(end) if start.is_some_and(|start| end <= start) => {
            errors.push(
                fields::SENTENCE_END_DATE,
                "Sentence end date must be after the sentence or release date",
            );
            None
        }
        Ok(end) => Some(end),
    };

    match (date_of_birth, sex, sentence_type, start, end) {
        (Some(date_of_birth), Some(sex), Some(sentence_type), Some(start), Some(end))
            if errors.is_empty() =>
        {
            Ok(CaseDetails {
                name,
                crn,
                date_of_birth,
                sex,
                sentence_type,
                sentence_or_release_date: start,
                sentence_end_date: end,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn today() -> Date {
        date(2026, 11, 24)
    }

    fn valid_form() -> CaseForm {
        CaseForm {
            name: "  Alex   Marsh ".into(),
            crn: "x123456".into(),
            date_of_birth: DateParts::new("17", "jul", "1991"),
            sex: "male".into(),
            sentence_type: "community_order".into(),
            sentence_or_release_date: DateParts::new("2", "11", "2026"),
            sentence_end_date: DateParts::new("1", "11", "2028"),
        }
    }

    fn messages(form: &CaseForm) -> Vec<(&'static str, String)> {
        validate_case(form, today(), &[])
            .unwrap_err()
            .iter()
            .map(|e| {
                let field = [
                    fields::NAME,
                    fields::CRN,
                    fields::DATE_OF_BIRTH,
                    fields::SEX,
                    fields::SENTENCE_TYPE,
                    fields::SENTENCE_OR_RELEASE_DATE,
                    fields::SENTENCE_END_DATE,
                ]
                .into_iter()
                .find(|field| *field == e.field)
                .expect("a known field");
                (field, e.message.clone())
            })
            .collect()
    }

    #[test]
    fn a_complete_form_makes_a_case_with_tidied_name_and_crn() {
        let case = validate_case(&valid_form(), today(), &[]).unwrap();
        assert_eq!(case.name, "Alex Marsh");
        assert_eq!(case.crn, "X123456");
        assert_eq!(case.date_of_birth, date(1991, 7, 17));
        assert_eq!(case.sentence_type, SentenceType::CommunityOrder);
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_order() {
        let fields: Vec<_> = messages(&CaseForm::default())
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(
            fields,
            vec![
                fields::NAME,
                fields::CRN,
                fields::DATE_OF_BIRTH,
                fields::SEX,
                fields::SENTENCE_TYPE,
                fields::SENTENCE_OR_RELEASE_DATE,
                fields::SENTENCE_END_DATE
            ]
        );
    }

    #[test]
    fn an_empty_name_is_refused() {
        let form = CaseForm {
            name: "   ".into(),
            ..valid_form()
        };
        assert_eq!(
            messages(&form),
            vec![(fields::NAME, "Enter the person's full name".to_string())]
        );
    }

    #[test]
    fn a_crn_must_be_a_letter_and_six_digits_and_unique() {
        for bad in ["123456", "X12345", "X1234567", "XX12345", "X12345A"] {
            let form = CaseForm {
                crn: bad.into(),
                ..valid_form()
            };
            assert_eq!(messages(&form)[0].0, fields::CRN, "{bad}");
        }
        let errors = validate_case(&valid_form(), today(), &["X123456".into()]).unwrap_err();
        assert_eq!(
            errors.for_field(fields::CRN),
            Some("A case with the reference number X123456 already exists")
        );
    }

    #[test]
    fn a_date_of_birth_that_does_not_exist_is_refused() {
        let form = CaseForm {
            date_of_birth: DateParts::new("31", "2", "1990"),
            ..valid_form()
        };
        assert_eq!(
            messages(&form),
            vec![(
                fields::DATE_OF_BIRTH,
                "Date of birth must be a real date".to_string()
            )]
        );
    }

    #[test]
    fn a_date_of_birth_must_be_in_the_past_and_old_enough() {
        let form = CaseForm {
            date_of_birth: DateParts::new("25", "11", "2026"),
            ..valid_form()
        };
        assert_eq!(
            messages(&form)[0].1,
            "Date of birth must be in the past".to_string()
        );
        let form = CaseForm {
            date_of_birth: DateParts::new("25", "11", "2016"),
            ..valid_form()
        };
        assert_eq!(
            messages(&form)[0].1,
            "The person must be at least 10 years old"
        );
        let form = CaseForm {
            date_of_birth: DateParts::new("24", "11", "2016"),
            sentence_or_release_date: DateParts::new("24", "11", "2026"),
            ..valid_form()
        };
        assert!(validate_case(&form, today(), &[]).is_ok());
    }

    #[test]
    fn the_sentence_must_end_after_it_starts() {
        for end in [("2", "11", "2026"), ("1", "11", "2026")] {
            let form = CaseForm {
                sentence_end_date: DateParts::new(end.0, end.1, end.2),
                ..valid_form()
            };
            assert_eq!(
                messages(&form),
                vec![(
                    fields::SENTENCE_END_DATE,
                    "Sentence end date must be after the sentence or release date".to_string()
                )]
            );
        }
    }

    #[test]
    fn the_sentence_cannot_start_before_birth() {
        let form = CaseForm {
            sentence_or_release_date: DateParts::new("1", "1", "1990"),
            ..valid_form()
        };
        assert_eq!(messages(&form)[0].0, fields::SENTENCE_OR_RELEASE_DATE);
    }

    /// Issue 12: each date of the case, in the years below, at and above each bound.
    #[test]
    fn every_date_must_be_between_1900_and_2100() {
        // Dates that fit one another, in the years either side of the bounds.
        let form = |born: &str, start: &str, end: &str| CaseForm {
            date_of_birth: DateParts::new("1", "1", born),
            sentence_or_release_date: DateParts::new("1", "6", start),
            sentence_end_date: DateParts::new("31", "12", end),
            ..valid_form()
        };
        let today = date(2101, 6, 1);
        let outcome = |form: &CaseForm| validate_case(form, today, &[]);
        let only = |form: &CaseForm, field: &str, message: &str| {
            let errors = outcome(form).unwrap_err();
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors.for_field(field), Some(message));
        };
        // At the bounds: accepted.
        assert!(outcome(&form("1900", "1900", "1900")).is_ok());
        assert!(outcome(&form("1900", "2100", "2100")).is_ok());
        assert!(outcome(&form("2089", "2100", "2100")).is_ok());
        // Below the lower bound.
        only(
            &form("1899", "1990", "2000"),
            fields::DATE_OF_BIRTH,
            "Date of birth must be between 1900 and 2100",
        );
        only(
            &form("1980", "1899", "2000"),
            fields::SENTENCE_OR_RELEASE_DATE,
            "Sentence or release date must be between 1900 and 2100",
        );
        only(
            &form("1980", "1990", "1899"),
            fields::SENTENCE_END_DATE,
            "Sentence end date must be between 1900 and 2100",
        );
        // Above the upper bound.
        only(
            &form("2101", "2026", "2030"),
            fields::DATE_OF_BIRTH,
            "Date of birth must be between 1900 and 2100",
        );
        only(
            &form("1980", "2101", "2100"),
            fields::SENTENCE_OR_RELEASE_DATE,
            "Sentence or release date must be between 1900 and 2100",
        );
        only(
            &form("1980", "2026", "2101"),
            fields::SENTENCE_END_DATE,
            "Sentence end date must be between 1900 and 2100",
        );
        // The case of issue 12: sentenced on 20 December 9999.
        let issue = CaseForm {
            sentence_or_release_date: DateParts::new("20", "12", "9999"),
            sentence_end_date: DateParts::new("31", "12", "9999"),
            ..valid_form()
        };
        assert_eq!(
            messages(&issue),
            vec![
                (
                    fields::SENTENCE_OR_RELEASE_DATE,
                    "Sentence or release date must be between 1900 and 2100".to_string()
                ),
                (
                    fields::SENTENCE_END_DATE,
                    "Sentence end date must be between 1900 and 2100".to_string()
                )
            ]
        );
    }

    #[test]
    fn a_case_names_its_first_date_outside_the_years() {
        let mut case = validate_case(&valid_form(), today(), &[]).unwrap();
        assert_eq!(case.date_outside_years(), None);
        case.sentence_end_date = date(2101, 1, 1);
        assert_eq!(
            case.date_outside_years(),
            Some(("Sentence end date", date(2101, 1, 1)))
        );
        case.sentence_type = SentenceType::Licence;
        case.sentence_or_release_date = date(1899, 12, 31);
        assert_eq!(
            case.date_outside_years(),
            Some(("Release date", date(1899, 12, 31)))
        );
        case.date_of_birth = date(-9999, 1, 1);
        assert_eq!(case.date_outside_years().unwrap().0, "Date of birth");
    }

    #[test]
    fn a_saved_case_fills_the_form_back_exactly() {
        let case = validate_case(&valid_form(), today(), &[]).unwrap();
        let again = validate_case(&CaseForm::from_details(&case), today(), &[]).unwrap();
        assert_eq!(case, again);
    }
}
