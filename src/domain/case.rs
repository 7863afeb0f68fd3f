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
    /// The day a custodial sentence was passed: the custody initial plan counts from it. Asked for
    /// custody only; `None` for the other sentences (their sentence date is
    /// `sentence_or_release_date`) and for custody cases saved before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_date: Option<Date>,
    /// The sentence date for community and suspended sentences, the release date for custody and licence.
    pub sentence_or_release_date: Date,
    pub sentence_end_date: Date,
    /// The day of the current conviction, if the officer gave it here: section 1's 1.29 reads it
    /// (`case_facts`). Optional, and absent in cases saved before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conviction_date: Option<Date>,
    /// The Home Office code of the main offence ("00801"), if the officer gave it here: section 1
    /// reads it as its first offence (`case_facts`). Optional, and absent in cases saved before
    /// it was asked (record version 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_offence: Option<String>,
}

impl CaseDetails {
    /// The case as it is now (`self`) with what an officer changed in a form opened on `before`
    /// (`after`, as saved): a detail they left as it was keeps what the case holds now, so a
    /// colleague's change that arrived by team sync (or another tab's) while the form was open is
    /// not put back.
    pub fn with_changes(&self, before: &CaseDetails, after: &CaseDetails) -> CaseDetails {
        fn pick<T: Clone + PartialEq>(now: &T, before: &T, after: &T) -> T {
            if after == before {
                now.clone()
            } else {
                after.clone()
            }
        }
        CaseDetails {
            name: pick(&self.name, &before.name, &after.name),
            crn: pick(&self.crn, &before.crn, &after.crn),
            date_of_birth: pick(
                &self.date_of_birth,
                &before.date_of_birth,
                &after.date_of_birth,
            ),
            sex: pick(&self.sex, &before.sex, &after.sex),
            sentence_type: pick(
                &self.sentence_type,
                &before.sentence_type,
                &after.sentence_type,
            ),
            sentence_date: pick(
                &self.sentence_date,
                &before.sentence_date,
                &after.sentence_date,
            ),
            sentence_or_release_date: pick(
                &self.sentence_or_release_date,
                &before.sentence_or_release_date,
                &after.sentence_or_release_date,
            ),
            sentence_end_date: pick(
                &self.sentence_end_date,
                &before.sentence_end_date,
                &after.sentence_end_date,
            ),
            conviction_date: pick(
                &self.conviction_date,
                &before.conviction_date,
                &after.conviction_date,
            ),
            main_offence: pick(
                &self.main_offence,
                &before.main_offence,
                &after.main_offence,
            ),
        }
    }

    /// The main offence the case gives, if it holds a code of the right shape (one from an edited
    /// backup or package that does not is read as none, and section 1 asks).
    pub fn main_offence_code(&self) -> Option<&str> {
        self.main_offence
            .as_deref()
            .map(str::trim)
            .filter(|code| crate::domain::offences::is_offence_code(code))
    }

    /// Each date of the case with its label as the case form names it: "Date of birth", the
    /// custody "Sentence date" when there is one, the sentence type's "Sentence date" or "Release
    /// date", and "Sentence end date".
    pub fn dates(&self) -> Vec<(&'static str, Date)> {
        let mut dates = vec![("Date of birth", self.date_of_birth)];
        if let Some(convicted) = self.conviction_date {
            dates.push((CONVICTION_DATE_LABEL, convicted));
        }
        if let Some(sentenced) = self.sentence_date {
            dates.push((CUSTODY_SENTENCE_DATE_LABEL, sentenced));
        }
        dates.push((
            self.sentence_type.start_date_label(),
            self.sentence_or_release_date,
        ));
        dates.push(("Sentence end date", self.sentence_end_date));
        dates
    }

    /// A custody case saved before the sentence date was asked: the initial plan cannot be worked
    /// out until the case details give it.
    pub fn needs_sentence_date(&self) -> bool {
        self.sentence_type == SentenceType::Custody && self.sentence_date.is_none()
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

/// How the conviction date is named on the form and in its messages.
pub const CONVICTION_DATE_LABEL: &str = "Date of conviction";

/// How the custody sentence date is named on the form and in its messages.
pub const CUSTODY_SENTENCE_DATE_LABEL: &str = "Sentence date";

/// What the officer typed into the case form, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseForm {
    pub name: String,
    pub crn: String,
    pub date_of_birth: DateParts,
    pub sex: String,
    pub sentence_type: String,
    /// Shown and read for custody only.
    pub sentence_date: DateParts,
    pub sentence_or_release_date: DateParts,
    pub sentence_end_date: DateParts,
    /// Optional: left blank, 1.29 is asked in section 1.
    pub conviction_date: DateParts,
    /// The main offence's code as chosen from the list; optional (section 1 asks it when blank).
    pub main_offence: String,
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
            sentence_date: details
                .sentence_date
                .map(DateParts::from_date)
                .unwrap_or_default(),
            sentence_or_release_date: DateParts::from_date(details.sentence_or_release_date),
            sentence_end_date: DateParts::from_date(details.sentence_end_date),
            conviction_date: details
                .conviction_date
                .map(DateParts::from_date)
                .unwrap_or_default(),
            main_offence: details.main_offence.clone().unwrap_or_default(),
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
    /// The custody sentence date (custody only).
    pub const CUSTODY_SENTENCE_DATE: &str = "case-custody-sentence-date";
    pub const SENTENCE_OR_RELEASE_DATE: &str = "case-sentence-date";
    pub const SENTENCE_END_DATE: &str = "case-sentence-end";
    pub const CONVICTION_DATE: &str = "case-conviction-date";
    pub const MAIN_OFFENCE: &str = "case-main-offence";
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
/// Custody also needs the sentence date: after the date of birth, today or earlier, and before the
/// release date. For the other sentences the custody sentence date is not read.
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
        Err(error) => Err(error.message(start_label)),
        Ok(start) if date_of_birth.is_some_and(|born| start <= born) => {
            Err("Sentence or release date must be after the date of birth".to_string())
        }
        Ok(start) => Ok(start),
    };

    // The custody sentence date, shown on the form above the release date.
    let sentence_date = match sentence_type {
        Some(SentenceType::Custody) => {
            let label = CUSTODY_SENTENCE_DATE_LABEL;
            match parse_date(&form.sentence_date) {
                Err(error) => Err(error.message(label)),
                Ok(day) if date_of_birth.is_some_and(|born| day <= born) => {
                    Err(format!("{label} must be after the date of birth"))
                }
                Ok(day) if day > today => Err(format!("{label} must be today or in the past")),
                Ok(day) if start.as_ref().is_ok_and(|release| day >= *release) => {
                    Err(format!("{label} must be before the release date"))
                }
                Ok(day) => Ok(Some(day)),
            }
        }
        _ => Ok(None),
    };
    let sentence_date = match sentence_date {
        Ok(day) => day,
        Err(message) => {
            errors.push(fields::CUSTODY_SENTENCE_DATE, message);
            None
        }
    };
    let start = match start {
        Ok(start) => Some(start),
        Err(message) => {
            errors.push(fields::SENTENCE_OR_RELEASE_DATE, message);
            None
        }
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

    // Optional: on or before the day the sentence was passed, never in the future.
    let passed = match sentence_type {
        Some(SentenceType::Custody) => sentence_date,
        Some(SentenceType::Licence) => sentence_date.or(start),
        _ => start,
    };
    let conviction_date = if form.conviction_date.is_blank() {
        None
    } else {
        let label = CONVICTION_DATE_LABEL;
        let checked = match parse_date(&form.conviction_date) {
            Err(error) => Err(error.message(label)),
            Ok(day) if date_of_birth.is_some_and(|born| day <= born) => {
                Err(format!("{label} must be after the date of birth"))
            }
            Ok(day) if day > today => Err(format!("{label} must be today or in the past")),
            Ok(day) if passed.is_some_and(|passed| day > passed) => Err(format!(
                "{label} must be on or before the {} {}",
                if sentence_type == Some(SentenceType::Licence) && sentence_date.is_none() {
                    "release date"
                } else {
                    "sentence date"
                },
                crate::domain::dates::format_long(passed.expect("checked just above"))
            )),
            Ok(day) => Ok(day),
        };
        match checked {
            Ok(day) => Some(day),
            Err(message) => {
                errors.push(fields::CONVICTION_DATE, message);
                None
            }
        }
    };

    // Optional: a code chosen from the offence list (the picker writes nothing else).
    let main_offence = match form.main_offence.trim() {
        "" => None,
        code if crate::domain::offences::is_offence_code(code) => Some(code.to_string()),
        _ => {
            errors.push(
                fields::MAIN_OFFENCE,
                "Choose the main offence from the list, or leave it blank",
            );
            None
        }
    };

    match (date_of_birth, sex, sentence_type, start, end) {
        (Some(date_of_birth), Some(sex), Some(sentence_type), Some(start), Some(end))
            if errors.is_empty() =>
        {
            Ok(CaseDetails {
                conviction_date,
                main_offence,
                name,
                crn,
                date_of_birth,
                sex,
                sentence_type,
                sentence_date,
                sentence_or_release_date: start,
                sentence_end_date: end,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_form_saves_what_the_officer_changed_over_what_arrived_meanwhile() {
        let before = CaseDetails {
            name: "Jordan Fictional".into(),
            crn: "X123456".into(),
            date_of_birth: jiff::civil::date(1990, 3, 14),
            sex: Sex::Male,
            sentence_type: SentenceType::Licence,
            sentence_date: None,
            sentence_or_release_date: jiff::civil::date(2026, 11, 2),
            sentence_end_date: jiff::civil::date(2028, 11, 1),
            conviction_date: None,
            main_offence: None,
        };
        // A colleague renamed the case while this form was open; here only the CRN was changed.
        let now = CaseDetails {
            name: "Jordan Fictional-Smith".into(),
            ..before.clone()
        };
        let after = CaseDetails {
            crn: "X111111".into(),
            ..before.clone()
        };
        let saved = now.with_changes(&before, &after);
        assert_eq!(
            (saved.name.as_str(), saved.crn.as_str()),
            ("Jordan Fictional-Smith", "X111111")
        );
        // Both changed the same detail: the one saved last (this form) stands.
        let renamed = CaseDetails {
            name: "Jordan Smith".into(),
            ..before.clone()
        };
        assert_eq!(now.with_changes(&before, &renamed).name, "Jordan Smith");
        // Nothing changed in the form: the case as it is now.
        assert_eq!(now.with_changes(&before, &before), now);
    }
    use super::*;
    use jiff::civil::date;

    fn today() -> Date {
        date(2026, 11, 24)
    }

    fn valid_form() -> CaseForm {
        CaseForm {
            conviction_date: DateParts::default(),
            main_offence: String::new(),
            name: "  Alex   Marsh ".into(),
            crn: "x123456".into(),
            date_of_birth: DateParts::new("17", "jul", "1991"),
            sex: "male".into(),
            sentence_type: "community_order".into(),
            sentence_date: DateParts::default(),
            sentence_or_release_date: DateParts::new("2", "11", "2026"),
            sentence_end_date: DateParts::new("1", "11", "2028"),
        }
    }

    /// Sentenced to custody on 2 March 2026, released on 1 September 2027.
    fn custody_form() -> CaseForm {
        CaseForm {
            conviction_date: DateParts::default(),
            sentence_type: "custody".into(),
            sentence_date: DateParts::new("2", "3", "2026"),
            sentence_or_release_date: DateParts::new("1", "9", "2027"),
            sentence_end_date: DateParts::new("1", "3", "2029"),
            ..valid_form()
        }
    }

    #[test]
    fn the_main_offence_is_optional_and_a_code_from_the_list() {
        let blank = validate_case(&valid_form(), today(), &[]).unwrap();
        assert_eq!(blank.main_offence, None);
        let chosen = CaseForm {
            main_offence: " 00801 ".into(),
            ..valid_form()
        };
        let details = validate_case(&chosen, today(), &[]).unwrap();
        assert_eq!(details.main_offence.as_deref(), Some("00801"));
        assert_eq!(
            CaseForm::from_details(&details).main_offence,
            "00801",
            "shown again when the details are changed"
        );
        for typed in ["GBH", "0080", "008011"] {
            let form = CaseForm {
                main_offence: typed.into(),
                ..valid_form()
            };
            assert_eq!(
                validate_case(&form, today(), &[])
                    .unwrap_err()
                    .for_field(fields::MAIN_OFFENCE),
                Some("Choose the main offence from the list, or leave it blank"),
                "{typed}"
            );
        }
    }

    #[test]
    fn the_conviction_date_is_optional_and_on_or_before_the_sentence() {
        let blank = validate_case(&valid_form(), today(), &[]).unwrap();
        assert_eq!(blank.conviction_date, None);
        let convicted = CaseForm {
            conviction_date: DateParts::new("5", "10", "2026"),
            ..valid_form()
        };
        assert_eq!(
            validate_case(&convicted, today(), &[])
                .unwrap()
                .conviction_date,
            Some(date(2026, 10, 5))
        );
        let message = |day: &str, month: &str, year: &str, form: CaseForm| {
            let form = CaseForm {
                conviction_date: DateParts::new(day, month, year),
                ..form
            };
            validate_case(&form, today(), &[])
                .unwrap_err()
                .for_field(fields::CONVICTION_DATE)
                .map(str::to_string)
        };
        assert_eq!(
            message("3", "11", "2026", valid_form()).as_deref(),
            Some("Date of conviction must be on or before the sentence date 2 November 2026")
        );
        assert_eq!(
            message("3", "3", "2026", custody_form()).as_deref(),
            Some("Date of conviction must be on or before the sentence date 2 March 2026")
        );
        assert_eq!(
            message("31", "2", "2026", valid_form()).as_deref(),
            Some("Date of conviction must be a real date")
        );
        assert_eq!(
            message("1", "1", "1990", valid_form()).as_deref(),
            Some("Date of conviction must be after the date of birth")
        );
        let licence = CaseForm {
            sentence_type: "licence".into(),
            ..valid_form()
        };
        assert_eq!(
            message("3", "11", "2026", licence).as_deref(),
            Some("Date of conviction must be on or before the release date 2 November 2026")
        );
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
                    fields::CUSTODY_SENTENCE_DATE,
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
            conviction_date: DateParts::default(),
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
                conviction_date: DateParts::default(),
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
            conviction_date: DateParts::default(),
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
            conviction_date: DateParts::default(),
            date_of_birth: DateParts::new("25", "11", "2026"),
            ..valid_form()
        };
        assert_eq!(
            messages(&form)[0].1,
            "Date of birth must be in the past".to_string()
        );
        let form = CaseForm {
            conviction_date: DateParts::default(),
            date_of_birth: DateParts::new("25", "11", "2016"),
            ..valid_form()
        };
        assert_eq!(
            messages(&form)[0].1,
            "The person must be at least 10 years old"
        );
        let form = CaseForm {
            conviction_date: DateParts::default(),
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
                conviction_date: DateParts::default(),
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
            conviction_date: DateParts::default(),
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
            conviction_date: DateParts::default(),
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
            conviction_date: DateParts::default(),
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
        for form in [valid_form(), custody_form()] {
            let case = validate_case(&form, today(), &[]).unwrap();
            let again = validate_case(&CaseForm::from_details(&case), today(), &[]).unwrap();
            assert_eq!(case, again);
        }
    }

    /// Issue 13: custody asks the sentence date, which the initial plan counts from.
    #[test]
    fn custody_needs_its_sentence_date() {
        let case = validate_case(&custody_form(), today(), &[]).unwrap();
        assert_eq!(case.sentence_date, Some(date(2026, 3, 2)));
        assert!(!case.needs_sentence_date());
        assert_eq!(
            case.dates(),
            vec![
                ("Date of birth", date(1991, 7, 17)),
                ("Sentence date", date(2026, 3, 2)),
                ("Release date", date(2027, 9, 1)),
                ("Sentence end date", date(2029, 3, 1)),
            ]
        );
        let missing = CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::default(),
            ..custody_form()
        };
        assert_eq!(
            messages(&missing),
            vec![(
                fields::CUSTODY_SENTENCE_DATE,
                "Enter the sentence date".to_string()
            )]
        );
        let part = CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new("2", "", "2026"),
            ..custody_form()
        };
        assert_eq!(
            messages(&part),
            vec![(
                fields::CUSTODY_SENTENCE_DATE,
                "Sentence date must include a month".to_string()
            )]
        );
        let unreal = CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new("30", "2", "2026"),
            ..custody_form()
        };
        assert_eq!(
            messages(&unreal)[0].1,
            "Sentence date must be a real date".to_string()
        );
    }

    #[test]
    fn the_custody_sentence_date_is_between_birth_today_and_release() {
        let with = |day: &str, month: &str, year: &str| CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new(day, month, year),
            ..custody_form()
        };
        let problem = |form: &CaseForm| {
            validate_case(form, today(), &[]).err().and_then(|errors| {
                errors
                    .for_field(fields::CUSTODY_SENTENCE_DATE)
                    .map(String::from)
            })
        };
        // Today (24 November 2026) is accepted, tomorrow is not.
        assert_eq!(problem(&with("24", "11", "2026")), None);
        assert_eq!(
            problem(&with("25", "11", "2026")).as_deref(),
            Some("Sentence date must be today or in the past")
        );
        // Before the release date (1 September 2027): the day before is fine, the day itself is not.
        let released_next_year = |day: &str, month: &str, year: &str| CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new(day, month, year),
            sentence_or_release_date: DateParts::new("25", "11", "2026"),
            ..custody_form()
        };
        assert_eq!(problem(&released_next_year("24", "11", "2026")), None);
        let on_release = CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new("24", "11", "2026"),
            sentence_or_release_date: DateParts::new("24", "11", "2026"),
            sentence_end_date: DateParts::new("1", "1", "2028"),
            ..custody_form()
        };
        assert_eq!(
            problem(&on_release).as_deref(),
            Some("Sentence date must be before the release date")
        );
        // After the date of birth (17 July 1991).
        assert_eq!(problem(&with("18", "7", "1991")), None);
        assert_eq!(
            problem(&with("17", "7", "1991")).as_deref(),
            Some("Sentence date must be after the date of birth")
        );
        // Within 1900 to 2100, like every date.
        let old = CaseForm {
            conviction_date: DateParts::default(),
            date_of_birth: DateParts::new("1", "1", "1880"),
            ..with("31", "12", "1899")
        };
        assert_eq!(
            problem(&old).as_deref(),
            Some("Sentence date must be between 1900 and 2100")
        );
        let later = |year: &str| CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new("1", "1", year),
            sentence_or_release_date: DateParts::new("1", "6", "2101"),
            sentence_end_date: DateParts::new("1", "6", "2102"),
            ..custody_form()
        };
        assert_eq!(
            validate_case(&later("2101"), date(2101, 3, 1), &[])
                .unwrap_err()
                .for_field(fields::CUSTODY_SENTENCE_DATE),
            Some("Sentence date must be between 1900 and 2100")
        );
        assert_eq!(
            validate_case(&later("2100"), date(2101, 3, 1), &[])
                .unwrap_err()
                .for_field(fields::CUSTODY_SENTENCE_DATE),
            None
        );
    }

    #[test]
    fn the_sentence_date_error_comes_between_the_sentence_type_and_release_date() {
        let form = CaseForm {
            conviction_date: DateParts::default(),
            sentence_date: DateParts::new("x", "1", "2026"),
            sentence_or_release_date: DateParts::default(),
            ..custody_form()
        };
        let fields: Vec<_> = messages(&form)
            .into_iter()
            .map(|(field, _)| field)
            .collect();
        assert_eq!(
            fields,
            [
                fields::CUSTODY_SENTENCE_DATE,
                fields::SENTENCE_OR_RELEASE_DATE
            ]
        );
    }

    #[test]
    fn other_sentences_do_not_read_the_custody_sentence_date() {
        for kind in ["community_order", "suspended_sentence_order", "licence"] {
            let form = CaseForm {
                conviction_date: DateParts::default(),
                sentence_type: kind.into(),
                sentence_date: DateParts::new("99", "x", "9"),
                ..valid_form()
            };
            let case = validate_case(&form, today(), &[]).unwrap();
            assert_eq!(case.sentence_date, None, "{kind}");
            assert!(!case.needs_sentence_date());
        }
    }

    #[test]
    fn a_case_saved_before_the_sentence_date_was_asked_still_reads() {
        let old = serde_json::json!({
            "name": "Alex Marsh", "crn": "X123456", "date_of_birth": "1991-07-17", "sex": "male",
            "sentence_type": "custody", "sentence_or_release_date": "2027-09-01",
            "sentence_end_date": "2029-03-01"
        });
        let case: CaseDetails = serde_json::from_value(old.clone()).unwrap();
        assert_eq!(case.sentence_date, None);
        assert!(case.needs_sentence_date());
        assert_eq!(
            serde_json::to_value(&case).unwrap(),
            old,
            "written back as it was"
        );
        let with = CaseDetails {
            conviction_date: None,
            sentence_date: Some(date(2026, 3, 2)),
            ..case
        };
        assert_eq!(
            serde_json::to_value(&with).unwrap()["sentence_date"],
            "2026-03-02"
        );
    }
}
