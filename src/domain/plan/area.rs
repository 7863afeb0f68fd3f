//! Areas of need: what a goal is about, in the words of the assessment's sections.

use serde::{Deserialize, Serialize};

/// The area of need a goal addresses: the needs sections of the assessment, plus the risk of serious harm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AreaOfNeed {
    /// The current offence and the pattern of offending (sections 1 and 2).
    OffendingBehaviour,
    Accommodation,
    EducationTrainingEmployability,
    Finance,
    Relationships,
    LifestyleAndAssociates,
    DrugMisuse,
    AlcoholMisuse,
    EmotionalWellbeing,
    ThinkingAndBehaviour,
    Attitudes,
    Health,
    /// Harm to others: the RoSH screening, full analysis, summary and risk management plan.
    RiskOfSeriousHarm,
}

/// One area: its stable code, the words on screen and the questionnaire sections it comes from.
struct AreaDefinition {
    area: AreaOfNeed,
    code: &'static str,
    label: &'static str,
    sections: &'static [&'static str],
}

const fn area(
    area: AreaOfNeed,
    code: &'static str,
    label: &'static str,
    sections: &'static [&'static str],
) -> AreaDefinition {
    AreaDefinition {
        area,
        code,
        label,
        sections,
    }
}

/// Every area in the order officers meet them in the assessment. Labels of the needs sections are the
/// sections' own need names (a test keeps them equal).
const AREAS: &[AreaDefinition] = &[
    area(
        AreaOfNeed::OffendingBehaviour,
        "offending_behaviour",
        "Offending behaviour",
        &["1", "2"],
    ),
    area(
        AreaOfNeed::Accommodation,
        "accommodation",
        "Accommodation",
        &["3"],
    ),
    area(
        AreaOfNeed::EducationTrainingEmployability,
        "education_training_employability",
        "Education, training and employability",
        &["4"],
    ),
    area(
        AreaOfNeed::Finance,
        "finance",
        "Financial management and income",
        &["5"],
    ),
    area(
        AreaOfNeed::Relationships,
        "relationships",
        "Relationships",
        &["6"],
    ),
    area(
        AreaOfNeed::LifestyleAndAssociates,
        "lifestyle_and_associates",
        "Lifestyle and associates",
        &["7"],
    ),
    area(AreaOfNeed::DrugMisuse, "drug_misuse", "Drug misuse", &["8"]),
    area(
        AreaOfNeed::AlcoholMisuse,
        "alcohol_misuse",
        "Alcohol misuse",
        &["9"],
    ),
    area(
        AreaOfNeed::EmotionalWellbeing,
        "emotional_wellbeing",
        "Emotional well-being",
        &["10"],
    ),
    area(
        AreaOfNeed::ThinkingAndBehaviour,
        "thinking_and_behaviour",
        "Thinking and behaviour",
        &["11"],
    ),
    area(AreaOfNeed::Attitudes, "attitudes", "Attitudes", &["12"]),
    area(AreaOfNeed::Health, "health", "Health", &["13"]),
    area(
        AreaOfNeed::RiskOfSeriousHarm,
        "risk_of_serious_harm",
        "Risk of serious harm",
        &["rosh-screening", "rosh-full", "rosh-summary", "rmp"],
    ),
];

impl AreaOfNeed {
    /// Every area, in assessment order: the choices offered for a goal's area of need.
    pub fn all() -> impl Iterator<Item = AreaOfNeed> {
        AREAS.iter().map(|definition| definition.area)
    }

    fn definition(self) -> &'static AreaDefinition {
        AREAS
            .iter()
            .find(|definition| definition.area == self)
            .expect("every area is in the table")
    }

    /// The words on screen, e.g. "Education, training and employability".
    pub fn label(self) -> &'static str {
        self.definition().label
    }

    /// The stable name in JSON and records, e.g. "education_training_employability".
    pub fn code(self) -> &'static str {
        self.definition().code
    }

    pub fn from_code(code: &str) -> Option<AreaOfNeed> {
        AREAS
            .iter()
            .find(|definition| definition.code == code)
            .map(|definition| definition.area)
    }

    /// The area a questionnaire section is about ("3" is accommodation); `None` for the self-assessment.
    ///
    /// ```
    /// use probation_workbook::domain::plan::AreaOfNeed;
    /// assert_eq!(AreaOfNeed::for_section("3"), Some(AreaOfNeed::Accommodation));
    /// assert_eq!(AreaOfNeed::for_section("rosh-summary"), Some(AreaOfNeed::RiskOfSeriousHarm));
    /// assert_eq!(AreaOfNeed::Accommodation.label(), "Accommodation");
    /// assert_eq!(AreaOfNeed::DrugMisuse.code(), "drug_misuse");
    /// ```
    pub fn for_section(section_id: &str) -> Option<AreaOfNeed> {
        AREAS
            .iter()
            .find(|definition| definition.sections.contains(&section_id))
            .map(|definition| definition.area)
    }

    /// The questionnaire sections this area comes from.
    pub fn sections(self) -> &'static [&'static str] {
        self.definition().sections
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::{section, SECTIONS};

    #[test]
    fn codes_are_the_json_names() {
        for area in AreaOfNeed::all() {
            assert_eq!(serde_json::to_value(area).unwrap(), area.code());
            assert_eq!(AreaOfNeed::from_code(area.code()), Some(area));
        }
        assert_eq!(AreaOfNeed::all().count(), AREAS.len());
    }

    #[test]
    fn every_section_but_the_self_assessment_has_an_area() {
        for section in SECTIONS {
            assert_eq!(
                AreaOfNeed::for_section(section.id).is_some(),
                section.id != "saq",
                "{}",
                section.id
            );
        }
        for area in AreaOfNeed::all() {
            for id in area.sections() {
                assert!(section(id).is_some(), "{id} is a section");
            }
        }
    }

    #[test]
    fn labels_of_scored_needs_are_the_sections_need_names() {
        for section in SECTIONS.iter().filter(|s| s.is_scored()) {
            let area = AreaOfNeed::for_section(section.id).unwrap();
            assert_eq!(area.label(), section.need_name);
        }
        assert_eq!(
            AreaOfNeed::for_section("10").unwrap().label(),
            section("10").unwrap().need_name
        );
    }
}
