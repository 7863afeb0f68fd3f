//! The answer scales officers choose from, shared by many items.

use super::Choice;

const fn scored(value: &'static str, label: &'static str, score: u32) -> Choice {
    Choice {
        value,
        label,
        score: Some(score),
        exclusive: false,
    }
}

const fn unscored(value: &'static str, label: &'static str) -> Choice {
    Choice {
        value,
        label,
        score: None,
        exclusive: false,
    }
}

/// An answer of a "select all that apply" question that excludes every other ("None").
const fn only(value: &'static str, label: &'static str) -> Choice {
    Choice {
        value,
        label,
        score: None,
        exclusive: true,
    }
}

/// 0 / 1 / 2 problem scale, in the words officers use.
pub const PROBLEM_SCALE: &[Choice] = &[
    scored("0", "No problems", 0),
    scored("1", "Some problems", 1),
    scored("2", "Significant problems", 2),
];

/// Yes / No where "yes" is the problem: Yes = 2, No = 0.
pub const YES_NO_SCORED: &[Choice] = &[scored("yes", "Yes", 2), scored("no", "No", 0)];

/// Yes / sometimes / no, scored towards the problem.
pub const YES_SOMETIMES_NO: &[Choice] = &[
    scored("yes", "Yes", 2),
    scored("sometimes", "Sometimes", 1),
    scored("no", "No", 0),
];

/// Yes / No that is a fact or the officer's judgement and never adds to a score.
pub const YES_NO: &[Choice] = &[unscored("yes", "Yes"), unscored("no", "No")];

/// RoSH screening answers: "don't know" is a real answer while information is awaited.
pub const YES_NO_DONT_KNOW: &[Choice] = &[
    unscored("yes", "Yes"),
    unscored("no", "No"),
    unscored("dont_know", "Don't know"),
];

/// Motivation to change (8.8, 9.5, 12.8): the less motivated, the higher the score.
pub const MOTIVATION: &[Choice] = &[
    scored("0", "Very motivated", 0),
    scored("1", "Quite motivated", 1),
    scored("2", "Not at all motivated", 2),
];

/// 8.6: injecting drugs.
pub const INJECTING: &[Choice] = &[
    scored("0", "Never", 0),
    scored("1", "Previously", 1),
    scored("2", "Currently", 2),
];

/// 8.5: how often the main drug is used.
pub const DRUG_USE_LEVEL: &[Choice] = &[
    scored("0", "Occasional or none", 0),
    scored("1", "At least once a week", 1),
    scored("2", "Daily", 2),
];

/// The self-assessment questionnaire, in the person's own words.
pub const SAQ_ANSWERS: &[Choice] = &[
    unscored("yes", "Yes"),
    unscored("sometimes", "Sometimes"),
    unscored("no", "No"),
];

/// Whether the person filled in the self-assessment questionnaire.
pub const SAQ_COMPLETED: &[Choice] = &[
    unscored("yes", "Yes"),
    unscored("refused", "No, they refused"),
    unscored("not_able", "No, they were not able to"),
];

/// Levels of risk of serious harm, lowest first (domain.md §3).
pub const ROSH_LEVELS: &[Choice] = &[
    unscored("low", "Low"),
    unscored("medium", "Medium"),
    unscored("high", "High"),
    unscored("very_high", "Very high"),
];

pub const RELATIONSHIP_STATUS: &[Choice] = &[
    unscored("single", "Single"),
    unscored("living_together", "In a relationship, living together"),
    unscored(
        "not_living_together",
        "In a relationship, not living together",
    ),
    unscored("separated", "Separated or divorced"),
    unscored("widowed", "Widowed"),
];

/// 2.2: what the offence involved.
pub const OFFENCE_INVOLVED: &[Choice] = &[
    unscored("weapon", "Carrying or using a weapon"),
    unscored("violence", "Violence or threat of violence or coercion"),
    unscored(
        "excessive_violence",
        "Excessive violence or sadistic violence",
    ),
    unscored("arson", "Arson"),
    unscored("damage", "Physical damage to property"),
    unscored("sexual", "A sexual element"),
    unscored("domestic_abuse", "Domestic abuse"),
];

/// 2.3: what occurred in the offence.
pub const OFFENCE_OCCURRED: &[Choice] = &[
    unscored(
        "targeting",
        "The victim was targeted through direct contact",
    ),
    unscored(
        "specific_victim",
        "It was a response to a specific victim, for example revenge",
    ),
    unscored("repeat", "Repeat victimisation of the same person"),
    unscored("stalking", "Stalking or harassment"),
];

/// 2.4.1: who the victims were.
pub const VICTIMS: &[Choice] = &[
    unscored("adult", "An adult"),
    unscored("child", "A child"),
    unscored("vulnerable", "A vulnerable adult"),
    unscored("no_direct_victim", "No direct victim"),
];

/// 2.4.2: the victims' relationship to the person.
pub const VICTIM_RELATIONSHIP: &[Choice] = &[
    unscored("stranger", "A stranger"),
    unscored("known", "Someone known to the person"),
    unscored("partner", "A partner or ex-partner"),
    unscored("family", "A family member"),
];

/// 2.9: what motivated the offence.
pub const MOTIVATIONS: &[Choice] = &[
    unscored("sexual", "Sexual"),
    unscored("financial", "Financial"),
    unscored("addiction", "To fund an addiction"),
    unscored("emotional", "Emotional, for example anger or jealousy"),
    unscored("hate", "Racial or other hate"),
    unscored("thrill", "Thrill seeking"),
    unscored("other", "Something else"),
];

/// 2.10: what lowered the person's inhibitions at the time.
pub const DISINHIBITORS: &[Choice] = &[
    unscored("alcohol", "Alcohol"),
    unscored("drugs", "Drugs"),
    unscored("prescribed", "Prescribed medication"),
    unscored("other", "Something else"),
    only("none", "None"),
];

pub const INCOME_SOURCES: &[Choice] = &[
    unscored("employment", "Employment"),
    unscored("benefits", "Benefits"),
    unscored("pension", "Pension"),
    unscored("family", "Family, partner or friends"),
    unscored("illegal", "Illegal earnings"),
    unscored("other", "Other"),
    only("none", "No income"),
];

pub const DOMESTIC_ABUSE_ROLE: &[Choice] = &[
    unscored("perpetrator", "As a perpetrator"),
    unscored("victim", "As a victim"),
];

/// MAPPA category (domain.md §3), or none.
pub const MAPPA_CATEGORIES: &[Choice] = &[
    unscored("1", "Category 1: registered sexual offender"),
    unscored("2", "Category 2: violent offender"),
    unscored("3", "Category 3: other dangerous offender"),
    unscored("none", "None: not managed under MAPPA"),
];

/// The MAPPA categories that are managed under MAPPA, and so have a level.
pub const MAPPA_CATEGORY_VALUES: &[&str] = &["1", "2", "3"];

/// MAPPA level of management.
pub const MAPPA_LEVELS: &[Choice] = &[
    unscored("1", "Level 1: ordinary agency management"),
    unscored("2", "Level 2: active multi-agency management"),
    unscored(
        "3",
        "Level 3: active multi-agency management with senior oversight",
    ),
];
