//! Whether a signed assessment needs countersigning, by rules kept as data (domain.md §6).
//!
//! Our reading of domain.md §6 ("trainees/PQiP and unapproved staff always; approved officers when the case
//! is High or Very high RoSH, has identifiable children at risk, a MAPPA referral, or is the first
//! assessment of the period of supervision"):
//! - **Unapproved staff** are trainees (PQiP) and probation services officers (PSO): a PSO is not a
//!   qualified probation officer, so their assessments are countersigned like a trainee's. An area that
//!   approves its PSOs changes [`UNAPPROVED_GRADES`].
//! - **Approved officers** are every other grade: PO, SPO and head of service. A senior who signs their
//!   own case is countersigned by another senior on the same terms.
//! - The case rules apply to every grade, so unapproved staff see the case's reasons too and the senior
//!   knows what to look at.
//!
//! ```
//! use probation_workbook::domain::rosh::RoshLevel;
//! use probation_workbook::domain::signing::{countersigning_needed, CaseFacts, Grade};
//! let facts = CaseFacts { rosh: Some(RoshLevel::High), ..CaseFacts::default() };
//! assert_eq!(countersigning_needed(Grade::Po, &facts), ["countersigning needed: RoSH High"]);
//! assert!(countersigning_needed(Grade::Po, &CaseFacts::default()).is_empty());
//! ```

use crate::domain::answers::Answers;
use crate::domain::rosh::{mappa, rosh_rating, RoshLevel};

use super::Grade;

/// The RoSH screening item "Is there a risk to identifiable children?".
pub const IDENTIFIABLE_CHILDREN_ITEM: &str = "R4.1";

/// Trainees and probation services officers: their assessments are always countersigned.
pub const UNAPPROVED_GRADES: &[Grade] = &[Grade::TraineePqip, Grade::Pso];

/// What a rule looks at in the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseCondition {
    /// Whatever the case.
    Always,
    /// The overall RoSH is exactly this level.
    Rosh(RoshLevel),
    IdentifiableChildrenAtRisk,
    MappaReferral,
    FirstAssessmentOfSupervision,
}

/// One rule: for these grades, when the case meets the condition, countersigning is needed for this reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountersignRule {
    pub grades: &'static [Grade],
    pub when: CaseCondition,
    /// The sentence shown to the officer, beginning "countersigning needed: ".
    pub reason: &'static str,
}

/// Our defaults (domain.md §6), in the order their reasons are shown.
pub const COUNTERSIGN_RULES: &[CountersignRule] = &[
    CountersignRule {
        grades: &[Grade::TraineePqip],
        when: CaseCondition::Always,
        reason: "countersigning needed: trainee (PQiP) assessments are always countersigned",
    },
    CountersignRule {
        grades: &[Grade::Pso],
        when: CaseCondition::Always,
        reason:
            "countersigning needed: assessments by unapproved staff (PSO) are always countersigned",
    },
    CountersignRule {
        grades: &Grade::ALL,
        when: CaseCondition::Rosh(RoshLevel::VeryHigh),
        reason: "countersigning needed: RoSH Very high",
    },
    CountersignRule {
        grades: &Grade::ALL,
        when: CaseCondition::Rosh(RoshLevel::High),
        reason: "countersigning needed: RoSH High",
    },
    CountersignRule {
        grades: &Grade::ALL,
        when: CaseCondition::IdentifiableChildrenAtRisk,
        reason: "countersigning needed: identifiable children at risk",
    },
    CountersignRule {
        grades: &Grade::ALL,
        when: CaseCondition::MappaReferral,
        reason: "countersigning needed: MAPPA referral",
    },
    CountersignRule {
        grades: &Grade::ALL,
        when: CaseCondition::FirstAssessmentOfSupervision,
        reason: "countersigning needed: first assessment of the period of supervision",
    },
];

/// What the rules need to know about a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseFacts {
    /// The overall RoSH; `None` while not yet assessed.
    pub rosh: Option<RoshLevel>,
    /// R4.1 answered "yes".
    pub identifiable_children_at_risk: bool,
    pub mappa_referral: bool,
    /// No version of this case has been accepted yet (self-signed or countersigned).
    pub first_assessment_of_supervision: bool,
}

impl CaseFacts {
    /// The facts from the answers, and how many versions were accepted before this one
    /// (`CaseSigning::accepted_versions`: a version returned for rework does not count).
    ///
    /// A MAPPA referral is the recorded fact (RM.9: category 1, 2 or 3), never the prompt to
    /// consider one.
    pub fn from_assessment(answers: &Answers, accepted_versions_before: usize) -> CaseFacts {
        CaseFacts {
            rosh: rosh_rating(answers).overall,
            identifiable_children_at_risk: answers.choice(IDENTIFIABLE_CHILDREN_ITEM)
                == Some("yes"),
            mappa_referral: mappa(answers).is_managed(),
            first_assessment_of_supervision: accepted_versions_before == 0,
        }
    }

    /// Whether the case meets a rule's condition.
    pub fn meets(&self, condition: CaseCondition) -> bool {
        match condition {
            CaseCondition::Always => true,
            CaseCondition::Rosh(level) => self.rosh == Some(level),
            CaseCondition::IdentifiableChildrenAtRisk => self.identifiable_children_at_risk,
            CaseCondition::MappaReferral => self.mappa_referral,
            CaseCondition::FirstAssessmentOfSupervision => self.first_assessment_of_supervision,
        }
    }
}

/// Every reason the default rules give for countersigning this grade's work on this case;
/// empty when countersigning is not needed.
pub fn countersigning_needed(grade: Grade, facts: &CaseFacts) -> Vec<&'static str> {
    countersigning_needed_by(COUNTERSIGN_RULES, grade, facts)
}

/// The same, by another table of rules.
pub fn countersigning_needed_by(
    rules: &[CountersignRule],
    grade: Grade,
    facts: &CaseFacts,
) -> Vec<&'static str> {
    rules
        .iter()
        .filter(|rule| rule.grades.contains(&grade) && facts.meets(rule.when))
        .map(|rule| rule.reason)
        .collect()
}

/// What the signing page says about countersigning. With no profile yet there is no grade, so
/// it never says "not needed": it asks for the profile, naming what in the case calls for
/// countersigning at some grades.
pub fn describe_need_for(grade: Option<Grade>, facts: &CaseFacts) -> String {
    match grade {
        Some(grade) => {
            let reasons = countersigning_needed(grade, facts);
            if reasons.is_empty() {
                "Countersigning is not needed for your grade and this case.".to_string()
            } else {
                describe_need(&reasons)
            }
        }
        None => {
            let mut case_reasons: Vec<&str> = Vec::new();
            for rule in COUNTERSIGN_RULES {
                if rule.when != CaseCondition::Always
                    && facts.meets(rule.when)
                    && !case_reasons.contains(&rule.reason)
                {
                    case_reasons.push(rule.reason);
                }
            }
            let ask = "Set up your profile (your name and grade) to see whether countersigning is needed: it depends on your grade as well as the case.";
            if case_reasons.is_empty() {
                ask.to_string()
            } else {
                format!("{ask} This case has: {}.", reasons_in_words(&case_reasons))
            }
        }
    }
}

/// The line shown before signing: "Countersigning needed: RoSH High; MAPPA referral" or
/// "Countersigning not needed".
pub fn describe_need(reasons: &[&str]) -> String {
    if reasons.is_empty() {
        return "Countersigning not needed".to_string();
    }
    format!("Countersigning needed: {}", reasons_in_words(reasons))
}

/// "RoSH High; MAPPA referral": the reasons without their "countersigning needed: " prefix.
fn reasons_in_words(reasons: &[&str]) -> String {
    let details: Vec<&str> = reasons
        .iter()
        .map(|reason| {
            reason
                .strip_prefix("countersigning needed: ")
                .unwrap_or(reason)
        })
        .collect();
    details.join("; ")
}
