//! Goals to suggest from the assessment (domain.md §4): one per identified need, and risk goals from the
//! RoSH level and screening. The officer picks, rewords or ignores them.

use serde::{Deserialize, Serialize};

use super::{AreaOfNeed, SentencePlan};
use crate::domain::answers::Answers;
use crate::domain::questionnaire::{find_item, LinkedTo, SECTIONS};
use crate::domain::rosh::{rosh_rating, RoshLevel};
use crate::domain::scoring::{score_section, NeedLevel};

/// A goal the officer may add, and why it is suggested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSuggestion {
    pub area: AreaOfNeed,
    pub text: String,
    /// A sentence naming what in the assessment led to it.
    pub reason: String,
    /// Lower first: 0 a severe need or a risk goal at High or Very high RoSH, 1 an identified need,
    /// 2 another risk goal, 3 an area only judged linked to offending.
    pub priority: u8,
}

/// The goal suggested for each area of need, in words an officer would accept as a starting point.
pub const NEED_GOALS: &[(AreaOfNeed, &str)] = &[
    (
        AreaOfNeed::Accommodation,
        "Find settled accommodation that supports staying away from offending",
    ),
    (
        AreaOfNeed::EducationTrainingEmployability,
        "Get into education, training or work that gives structure to the week and a steady income",
    ),
    (
        AreaOfNeed::Finance,
        "Manage money and debts so that there is enough to live on without offending",
    ),
    (
        AreaOfNeed::Relationships,
        "Build relationships with family, partner and friends that support a life without offending",
    ),
    (
        AreaOfNeed::LifestyleAndAssociates,
        "Spend time on activities and with people that support staying away from offending",
    ),
    (
        AreaOfNeed::DrugMisuse,
        "Reduce and stop drug misuse, with the support of drug treatment services",
    ),
    (
        AreaOfNeed::AlcoholMisuse,
        "Reduce drinking to a level that does not lead to offending or harm",
    ),
    (
        AreaOfNeed::EmotionalWellbeing,
        "Look after emotional and mental health, with support where it is needed",
    ),
    (
        AreaOfNeed::ThinkingAndBehaviour,
        "Learn to stop and think before acting, and to solve problems without offending",
    ),
    (
        AreaOfNeed::Attitudes,
        "Recognise the harm offending causes and work with supervision to live without it",
    ),
    (
        AreaOfNeed::Health,
        "Get support for health needs that make it harder to keep to the sentence",
    ),
];

/// What in the RoSH part of the assessment calls for a risk goal.
#[derive(Debug, Clone, Copy)]
enum RiskTrigger {
    /// The overall RoSH is at least this level.
    RoshAtLeast(RoshLevel),
    /// This screening item is answered "yes".
    ScreeningYes(&'static str),
}

/// The risk goals, with what triggers each and the reason given.
const RISK_GOALS: &[(RiskTrigger, &str, &str)] = &[
    (
        RiskTrigger::RoshAtLeast(RoshLevel::High),
        "Keep to the risk management plan and the conditions that protect others",
        "Risk of serious harm is {level}",
    ),
    (
        RiskTrigger::ScreeningYes("R2.3"),
        "Have safe, respectful relationships, free from abuse and controlling behaviour",
        "The RoSH screening records domestic abuse (R2.3)",
    ),
    (
        RiskTrigger::ScreeningYes("R4.1"),
        "Keep children safe by keeping to the safeguarding arrangements and any contact restrictions",
        "The RoSH screening records a risk to identifiable children (R4.1)",
    ),
];

/// A "yes" that counts: the item applies given the other answers.
fn says_yes(answers: &Answers, code: &str) -> bool {
    find_item(code).is_some_and(|(section, item)| {
        section.is_available(answers) && item.applies(answers) && answers.says_yes(code)
    })
}

/// Suggested goals, most pressing first (severe needs and, at High or Very high RoSH, the risk
/// goals; then needs; then other risk goals; then areas only judged linked), in assessment order
/// within each. One for each area that is an identified need, or that the
/// officer judged linked to offending (x.99; 4.98 and 2.98 in sections 4 and 2), then the risk goals.
///
/// ```
/// use probation_workbook::domain::answers::{Answer, Answers};
/// use probation_workbook::domain::plan::{suggest_goals, AreaOfNeed};
/// let mut answers = Answers::default();
/// answers.set("3.3", Answer::Choice("yes".into()));
/// let suggestions = suggest_goals(&answers);
/// assert_eq!(suggestions[0].area, AreaOfNeed::Accommodation);
/// assert_eq!(suggestions[0].text, "Find settled accommodation that supports staying away from offending");
/// ```
pub fn suggest_goals(answers: &Answers) -> Vec<GoalSuggestion> {
    let mut suggestions = Vec::new();
    for section in SECTIONS
        .iter()
        .filter(|section| section.is_available(answers))
    {
        let Some(area) = AreaOfNeed::for_section(section.id) else {
            continue;
        };
        let Some((_, text)) = NEED_GOALS.iter().find(|(need, _)| *need == area) else {
            continue;
        };
        let score = score_section(section, answers);
        let linked_code = section
            .linked_item(LinkedTo::Offending)
            .map_or("", |item| item.code);
        let priority = match score.need {
            Some(NeedLevel::Severe) => 0,
            Some(NeedLevel::Need) => 1,
            _ => 3,
        };
        let reason = match score.need {
            Some(level @ (NeedLevel::Need | NeedLevel::Severe)) => format!(
                "{} scored {} out of {}: {}",
                section.need_name,
                score.score,
                score.max,
                level.label().to_lowercase()
            ),
            _ if says_yes(answers, linked_code) => format!(
                "You judged {} issues linked to offending behaviour ({linked_code})",
                section.need_name.to_lowercase()
            ),
            _ => continue,
        };
        suggestions.push(GoalSuggestion {
            area,
            text: text.to_string(),
            reason,
            priority,
        });
    }
    let overall = rosh_rating(answers).overall;
    for (trigger, text, reason) in RISK_GOALS {
        let reason = match *trigger {
            RiskTrigger::RoshAtLeast(lowest) => match overall {
                Some(level) if level >= lowest => {
                    reason.replace("{level}", &level.label().to_lowercase())
                }
                _ => continue,
            },
            RiskTrigger::ScreeningYes(code) if says_yes(answers, code) => reason.to_string(),
            RiskTrigger::ScreeningYes(_) => continue,
        };
        suggestions.push(GoalSuggestion {
            area: AreaOfNeed::RiskOfSeriousHarm,
            text: text.to_string(),
            reason,
            priority: if overall >= Some(RoshLevel::High) {
                0
            } else {
                2
            },
        });
    }
    // Most pressing first; a stable sort keeps assessment order within each priority.
    suggestions.sort_by_key(|suggestion| suggestion.priority);
    suggestions
}

/// The suggestions the plan page offers: [`suggest_goals`] without those the officer dismissed (by
/// their words) and those a goal of the plan already covers, whatever the goal's status (achieved
/// and removed goals too): a goal with the same words, or in the same area of need. So a suggestion
/// reworded before it was added is not offered again. (The risk goals share one area, so a goal for
/// one of them covers them all.)
pub fn offered_suggestions(
    answers: &Answers,
    plan: &SentencePlan,
    dismissed: &[String],
) -> Vec<GoalSuggestion> {
    suggest_goals(answers)
        .into_iter()
        .filter(|suggestion| !dismissed.contains(&suggestion.text))
        .filter(|suggestion| {
            !plan
                .goals
                .iter()
                .any(|goal| goal.text == suggestion.text || goal.area_of_need == suggestion.area)
        })
        .collect()
}

/// When a goal accepted from a suggestion counts from: today, or for a custody case the release
/// date while it is still to come (work in the community starts on release).
pub fn suggested_goal_start(
    case: &crate::domain::case::CaseDetails,
    today: jiff::civil::Date,
) -> jiff::civil::Date {
    match case.sentence_type {
        crate::domain::case::SentenceType::Custody => today.max(case.sentence_or_release_date),
        _ => today,
    }
}

impl SentencePlan {
    /// Accepts a suggested goal as it is: active, due six months from when it starts
    /// ([`suggested_goal_start`]): "In 6 months" from today, or a date six months after a release
    /// still to come.
    pub fn accept_suggestion(
        &mut self,
        id: &str,
        area: AreaOfNeed,
        text: &str,
        case: &crate::domain::case::CaseDetails,
        today: jiff::civil::Date,
    ) -> Result<(), super::PlanError> {
        let start = suggested_goal_start(case, today);
        let mut form = super::GoalForm::suggested(area, text);
        form.start_now = "yes".into();
        if start > today {
            let due = start
                .checked_add(jiff::Span::new().months(6))
                .unwrap_or(start);
            form.target = "date".into();
            form.target_date = crate::domain::dates::DateParts::from_date(due);
        } else {
            form.target = "6".into();
        }
        let details = form
            .to_details(today)
            .map_err(|_| super::PlanError::GoalTextMissing)?;
        self.add_goal(id, details, today).map(|_| ())
    }
}

#[cfg(test)]
mod tests;
