//! Sections 1–13 of the assessment (domain.md §2), as officers know them.

use super::checks::*;
use super::scales::*;
use super::{
    item, Condition, Grid, GridCell, GridColumn, GridRow, Item, ItemKind, LinkedTo, NeedScore,
    Repeat, Section,
};

pub const ISSUES_MAX_CHARS: usize = 4000;
pub const DETAILS_MAX_CHARS: usize = 4000;

const FREE_TEXT: ItemKind = ItemKind::FreeText {
    max_chars: DETAILS_MAX_CHARS,
};
const PROBLEM: ItemKind = ItemKind::Choice(PROBLEM_SCALE);

/// What the judgement items say under their question.
const JUDGEMENT_HINT: &str = "Your professional judgement: this never changes the score";
/// What items asked in a scored section, but not part of its need score, say under their question.
const NOT_SCORED: &str = "Not part of the section score";

/// The three items that end sections 2–12: issues and strengths, linked to risk of serious harm and
/// linked to offending behaviour, under their OASys codes (domain.md §2: x.98 and x.99 in sections 3
/// and 5–12, 4.96 and 4.98 in section 4, 2.99 and 2.98 in section 2). The judgements are the
/// officer's and never add to a score.
macro_rules! closing_items {
    ($number:literal, $topic:literal, $lower_topic:literal) => {
        closing_items!(
            $topic,
            $lower_topic,
            issues concat!($number, ".97"),
            harm concat!($number, ".98"),
            offending concat!($number, ".99")
        )
    };
    ($topic:literal, $lower_topic:literal, issues $issues:expr, harm $harm:expr, offending $offending:expr) => {
        [
            item(
                $issues,
                concat!($topic, " issues, including positive factors and strengths"),
                ItemKind::FreeText {
                    max_chars: ISSUES_MAX_CHARS,
                },
            ),
            item(
                $harm,
                concat!(
                    "Are ",
                    $lower_topic,
                    " issues linked to risk of serious harm?"
                ),
                ItemKind::Choice(YES_NO),
            )
            .hint(JUDGEMENT_HINT)
            .linked_to(LinkedTo::RiskOfSeriousHarm),
            item(
                $offending,
                concat!(
                    "Are ",
                    $lower_topic,
                    " issues linked to offending behaviour?"
                ),
                ItemKind::Choice(YES_NO),
            )
            .hint(JUDGEMENT_HINT)
            .linked_to(LinkedTo::Offending),
        ]
    };
}

/// Joins the section's own items and its closing items into one `&'static [Item]`.
macro_rules! with_closing_items {
    ([$($item:expr),* $(,)?], $($closing:tt)*) => {{
        const CLOSING: [Item; 3] = closing_items!($($closing)*);
        &[$($item,)* CLOSING[0], CLOSING[1], CLOSING[2]]
    }};
}

const fn section(id: &'static str, title: &'static str, items: &'static [Item]) -> Section {
    Section {
        id,
        title,
        need_name: title,
        items,
        need_score: None,
        available_when: None,
        required_when: None,
        checks: &[],
    }
}

/// A section's need score (domain.md §2): the items that add up to it, the score that is an
/// identified need, and the score from which the need is severe.
const fn need_score(
    items: &'static [&'static str],
    need_from: u32,
    severe_from: u32,
) -> Option<NeedScore> {
    Some(NeedScore {
        items,
        need_from,
        severe_from,
    })
}

const CURRENT_OFFENCE: Repeat = Repeat {
    entry_name: "offence",
    min: 1,
    items: &[
        item("offence", "Offence", ItemKind::Offence)
            .hint("Type the Home Office offence code, like 02800, or words from the offence, like burglary dwelling"),
        item("date", "Date of offence", ItemKind::Date).optional().hint("For example, 27 3 2026"),
    ],
};

pub const OFFENDING_INFORMATION: Section = Section {
    checks: &[
        conviction_date_is_possible,
        follow_up_starts_after_conviction,
        first_sanction_is_possible,
        violent_sanctions_within_total,
    ],
    ..section(
        "1",
        "Offending information",
        &[
            item("1.1", "Current offences", ItemKind::Repeat(&CURRENT_OFFENCE))
                .hint("Add each offence the person was convicted of this time. The first is the main offence."),
            item("1.29", "Date of current conviction", ItemKind::Date).hint("For example, 5 8 2026"),
            item(
                "1.30",
                "Has the person ever committed a sexual offence or an offence with a sexual motivation?",
                ItemKind::Choice(YES_NO),
            ),
            item(
                "1.32",
                "Total number of sanctions, including the current one",
                ItemKind::Number { min: 1, max: 999 },
            )
            .hint("Convictions, cautions, reprimands and final warnings"),
            item("1.8", "Age at first sanction", ItemKind::Number { min: 10, max: 120 }),
            item(
                "1.40",
                "Number of sanctions for violent offences",
                ItemKind::Number { min: 0, max: 999 },
            ),
            item(
                "1.38",
                "Date of start of community sentence, or earliest release date",
                ItemKind::Date,
            )
            .hint("This is the start of the follow-up period for the predictors. For example, 12 12 2026"),
        ],
    )
};

const OTHERS_INVOLVED: Condition = Condition::Is {
    code: "2.7",
    value: "yes",
};

pub const ANALYSIS_OF_OFFENCES: Section = section(
    "2",
    "Analysis of offences",
    with_closing_items!(
        [
            item("2.1", "Offence analysis", FREE_TEXT)
                .required()
                .hint("Brief details of the current offence: what happened, where, when and to whom"),
            item("2.2", "Did the current offence involve any of the following?", ItemKind::MultipleChoice(OFFENCE_INVOLVED))
                .hint("Select all that apply"),
            item("2.3", "What occurred?", ItemKind::MultipleChoice(OFFENCE_OCCURRED)).hint("Select all that apply"),
            item("2.4.1", "Who were the victims?", ItemKind::MultipleChoice(VICTIMS)).hint("Select all that apply"),
            item(
                "2.4.2",
                "What was the victims' relationship to the person?",
                ItemKind::MultipleChoice(VICTIM_RELATIONSHIP),
            )
            .hint("Select all that apply"),
            item("2.5", "Impact on the victims", FREE_TEXT)
                .hint("For example physical injury, fear, or financial loss"),
            item(
                "2.6",
                "Does the person recognise the impact and consequences of their offending on victims, the community or society?",
                ItemKind::Choice(YES_NO),
            ),
            item("2.7", "Were other people involved in the offence?", ItemKind::Choice(YES_NO)),
            item("2.7.1", "How many other people were involved?", ItemKind::Number { min: 1, max: 99 })
                .when(OTHERS_INVOLVED),
            item(
                "2.7.2",
                "Was the offence influenced by the person's peer group?",
                ItemKind::Choice(YES_NO),
            )
            .when(OTHERS_INVOLVED),
            item("2.8", "Motivation and triggers for the offence", FREE_TEXT),
            item("2.9", "What motivated the offence?", ItemKind::MultipleChoice(MOTIVATIONS))
                .hint("Select all that apply"),
            item("2.10", "Were there any disinhibitors?", ItemKind::MultipleChoice(DISINHIBITORS))
                .hint("Select all that apply. Leave blank if there were none"),
            item("2.11", "Does the person accept responsibility for the current offence?", ItemKind::Choice(YES_NO)),
            item("2.12", "Pattern of offending", FREE_TEXT)
                .hint("For example the kinds of offence, victims, places and times that recur"),
            item(
                "2.13",
                "Does the current offence show an escalation in seriousness?",
                ItemKind::Choice(YES_NO),
            ),
            item(
                "2.14",
                "Is the current offence part of an established pattern of similar offending?",
                ItemKind::Choice(YES_NO),
            ),
        ],
        "Offence analysis",
        "offence analysis",
        issues "2.97",
        harm "2.99",
        offending "2.98"
    ),
);

pub const ACCOMMODATION: Section = Section {
    need_score: need_score(&["3.3", "3.4", "3.5", "3.6"], 2, 7),
    ..section(
        "3",
        "Accommodation",
        with_closing_items!(
            [
                item(
                    "3.3",
                    "Is the person currently of no fixed abode or in transient accommodation?",
                    ItemKind::Choice(YES_NO_SCORED),
                ),
                item("3.4", "Suitability of accommodation", PROBLEM)
                    .hint("For example overcrowding, poor state of repair, or shared with people who encourage offending"),
                item("3.5", "Permanence of accommodation", PROBLEM)
                    .hint("For example a short tenancy, facing eviction, or staying with friends"),
                item("3.6", "Suitability of location of accommodation", PROBLEM)
                    .hint("For example near victims, associates or a drug market"),
            ],
            "3",
            "Accommodation",
            "accommodation"
        ),
    )
};

pub const EDUCATION_TRAINING_EMPLOYABILITY: Section = Section {
    need_score: need_score(&["4.2", "4.3", "4.4", "4.5"], 3, 7),
    need_name: "Education, training and employability",
    ..section(
        "4",
        "Education, training and employability",
        with_closing_items!(
            [
                item(
                    "4.2",
                    "Is the person unemployed, or will they be unemployed on release?",
                    ItemKind::Choice(YES_NO_SCORED),
                ),
                item("4.3", "Employment history", PROBLEM)
                    .hint("For example long gaps, or no work at all"),
                item("4.4", "Work-related skills", PROBLEM),
                item("4.5", "Attitude to employment", PROBLEM),
                item("4.7", "Problems with reading, writing or numeracy", PROBLEM).hint(NOT_SCORED),
            ],
            "Education, training and employability",
            "education, training and employability",
            issues "4.97",
            harm "4.96",
            offending "4.98"
        ),
    )
};

pub const FINANCIAL_MANAGEMENT: Section = section(
    "5",
    "Financial management and income",
    with_closing_items!(
        [
            item(
                "5.1",
                "Sources of income",
                ItemKind::MultipleChoice(INCOME_SOURCES)
            )
            .hint("Select all that apply"),
            item("5.2", "Financial situation", PROBLEM),
            item("5.3", "Financial management", PROBLEM),
            item(
                "5.4",
                "Are illegal earnings a source of income?",
                ItemKind::Choice(YES_NO_SCORED)
            ),
            item(
                "5.5",
                "Over-reliance on family or friends for financial support",
                PROBLEM
            ),
            item("5.6", "Severe debts", PROBLEM),
        ],
        "5",
        "Financial",
        "financial"
    ),
);

pub const RELATIONSHIPS: Section = Section {
    need_score: need_score(&["6.1", "6.3", "6.6"], 2, 5),
    ..section(
        "6",
        "Relationships",
        with_closing_items!(
            [
                item(
                    "6.1",
                    "Current relationship with close family members",
                    PROBLEM
                ),
                item("6.3", "Experience of childhood", PROBLEM)
                    .hint("For example abuse, neglect or time in care"),
                item("6.4", "Current relationship with partner", PROBLEM).hint(NOT_SCORED),
                item("6.6", "Previous experience of close relationships", PROBLEM),
                item(
                    "6.7",
                    "Is there evidence of domestic abuse?",
                    ItemKind::Choice(YES_NO)
                ),
                item(
                    "6.7.1",
                    "Domestic abuse",
                    ItemKind::MultipleChoice(DOMESTIC_ABUSE_ROLE)
                )
                .required()
                .hint("Select all that apply")
                .when(Condition::Is {
                    code: "6.7",
                    value: "yes",
                }),
                item(
                    "6.8",
                    "Current relationship status",
                    ItemKind::Choice(RELATIONSHIP_STATUS)
                ),
            ],
            "6",
            "Relationship",
            "relationship"
        ),
    )
};

pub const LIFESTYLE_AND_ASSOCIATES: Section = Section {
    need_score: need_score(&["7.2", "7.3", "7.5"], 2, 5),
    need_name: "Lifestyle and associates",
    ..section(
        "7",
        "Lifestyle and associates",
        with_closing_items!(
            [
                item("7.2", "Regular activities encourage offending", PROBLEM)
                    .hint("For example time spent with people who offend, or nothing to do"),
                item(
                    "7.3",
                    "Is the person easily influenced by criminal associates?",
                    ItemKind::Choice(YES_SOMETIMES_NO),
                ),
                item("7.4", "Manipulative or predatory lifestyle", PROBLEM).hint(NOT_SCORED),
                item(
                    "7.5",
                    "Does the person take risks or act recklessly?",
                    ItemKind::Choice(YES_SOMETIMES_NO),
                ),
            ],
            "7",
            "Lifestyle",
            "lifestyle"
        ),
    )
};

const DRUG_COLUMNS: &[GridColumn] = &[
    GridColumn {
        key: "current",
        label: "Current use",
        cell: GridCell::Check,
    },
    GridColumn {
        key: "previous",
        label: "Previous use",
        cell: GridCell::Check,
    },
    GridColumn {
        key: "injected",
        label: "Injected",
        cell: GridCell::Check,
    },
];

const fn drug(key: &'static str, label: &'static str) -> GridRow {
    GridRow {
        key,
        label,
        only: None,
    }
}

const DRUG_GRID: Grid = Grid {
    columns: DRUG_COLUMNS,
    rows: &[
        drug("heroin", "Heroin"),
        drug("methadone", "Methadone (not prescribed)"),
        drug("other_opiates", "Other opiates"),
        drug("crack", "Crack cocaine"),
        drug("cocaine", "Cocaine hydrochloride"),
        drug("prescribed", "Misused prescribed drugs"),
        drug("benzodiazepines", "Benzodiazepines"),
        drug("amphetamines", "Amphetamines"),
        drug("ecstasy", "Ecstasy"),
        drug("cannabis", "Cannabis"),
        drug(
            "synthetic_cannabinoids",
            "Synthetic cannabinoids (for example spice)",
        ),
        drug("hallucinogens", "Hallucinogens"),
        drug("solvents", "Solvents"),
        drug("steroids", "Steroids"),
        drug("other", "Other drugs"),
    ],
};

const MISUSED_DRUGS: Condition = Condition::Is {
    code: "8.1",
    value: "yes",
};

pub const DRUG_MISUSE: Section = Section {
    need_score: need_score(&["8.4", "8.5", "8.6", "8.8", "8.9"], 2, 8),
    checks: &[injecting_matches_the_drug_grid],
    ..section(
        "8",
        "Drug misuse",
        with_closing_items!(
            [
                item("8.1", "Has the person ever misused drugs?", ItemKind::Choice(YES_NO))
                    .hint("In the community or in custody. Answering no hides the rest of this section's questions"),
                item("8.2", "Which drugs, and how?", ItemKind::Grid(&DRUG_GRID))
                    .hint("Tick every drug the person uses now, has used before, or has injected")
                    .when(MISUSED_DRUGS),
                item("8.4", "Current drug misuse", PROBLEM).when(MISUSED_DRUGS),
                item("8.5", "Level of use of the main drug", ItemKind::Choice(DRUG_USE_LEVEL)).when(MISUSED_DRUGS),
                item("8.6", "Has the person ever injected drugs?", ItemKind::Choice(INJECTING)).when(MISUSED_DRUGS),
                item("8.8", "Motivation to tackle drug misuse", ItemKind::Choice(MOTIVATION)).when(MISUSED_DRUGS),
                item("8.9", "Using and obtaining drugs is a major activity", PROBLEM).when(MISUSED_DRUGS),
            ],
            "8",
            "Drug misuse",
            "drug misuse"
        ),
    )
};

pub const ALCOHOL_MISUSE: Section = Section {
    need_score: need_score(&["9.1", "9.2", "9.3", "9.5"], 4, 7),
    ..section(
        "9",
        "Alcohol misuse",
        with_closing_items!(
            [
                item("9.1", "Is current use of alcohol a problem?", PROBLEM),
                item(
                    "9.2",
                    "Binge drinking or excessive use of alcohol in the last 6 months",
                    PROBLEM
                ),
                item("9.3", "Level of alcohol misuse in the past", PROBLEM),
                item(
                    "9.4",
                    "Violent behaviour related to alcohol use at any time",
                    PROBLEM
                )
                .hint(NOT_SCORED),
                item(
                    "9.5",
                    "Motivation to tackle alcohol misuse",
                    ItemKind::Choice(MOTIVATION)
                ),
            ],
            "9",
            "Alcohol misuse",
            "alcohol misuse"
        ),
    )
};

pub const EMOTIONAL_WELLBEING: Section = section(
    "10",
    "Emotional well-being",
    with_closing_items!(
        [
            item("10.1", "Difficulties coping", PROBLEM),
            item("10.2", "Current psychological problems or depression", PROBLEM),
            item("10.3", "Social isolation", PROBLEM),
            item("10.4", "Attitude to self", PROBLEM),
            item(
                "10.5",
                "Has the person ever self-harmed, attempted suicide, or had suicidal thoughts or feelings?",
                ItemKind::Choice(YES_NO_SCORED),
            ),
            item("10.6", "Current psychiatric problems", PROBLEM),
            item(
                "10.7",
                "Is the person receiving psychiatric treatment now, or is treatment pending?",
                ItemKind::Choice(YES_NO),
            ),
        ],
        "10",
        "Emotional well-being",
        "emotional well-being"
    ),
);

const SEXUAL_OFFENDING: Condition = Condition::Is {
    code: "1.30",
    value: "yes",
};

pub const THINKING_AND_BEHAVIOUR: Section = Section {
    need_score: need_score(&["11.5", "11.6", "11.7", "11.9"], 4, 7),
    ..section(
        "11",
        "Thinking and behaviour",
        with_closing_items!(
            [
                item("11.1", "Level of interpersonal skills", PROBLEM).hint(NOT_SCORED),
                item("11.2", "Impulsivity", PROBLEM).hint(NOT_SCORED),
                item("11.3", "Aggressive or controlling behaviour", PROBLEM).hint(NOT_SCORED),
                item("11.4", "Temper control", PROBLEM).hint(NOT_SCORED),
                item("11.5", "Ability to recognise problems", PROBLEM),
                item("11.6", "Problem-solving skills", PROBLEM),
                item("11.7", "Awareness of consequences", PROBLEM),
                item("11.9", "Understands other people's views", PROBLEM),
                item("11.11", "Sexual pre-occupation", PROBLEM)
                .hint("Asked because 1.30 records sexual offending. Not part of the section score")
                .when(SEXUAL_OFFENDING),
                item("11.12", "Offence-related sexual interests", PROBLEM)
                .hint(NOT_SCORED)
                .when(SEXUAL_OFFENDING),
            ],
            "11",
            "Thinking and behaviour",
            "thinking and behaviour"
        ),
    )
};

pub const ATTITUDES: Section = Section {
    need_score: need_score(&["12.1", "12.4", "12.5", "12.8"], 2, 7),
    ..section(
        "12",
        "Attitudes",
        with_closing_items!(
            [
                item("12.1", "Pro-criminal attitudes", PROBLEM),
                item("12.4", "Attitude towards supervision or licence", PROBLEM),
                item("12.5", "Attitude towards the community or society", PROBLEM),
                item(
                    "12.8",
                    "Motivation to address offending behaviour",
                    ItemKind::Choice(MOTIVATION)
                ),
                item("12.9", "Hostile orientation", PROBLEM).hint(NOT_SCORED),
            ],
            "12",
            "Attitude",
            "attitude"
        ),
    )
};

pub const HEALTH_AND_OTHER_CONSIDERATIONS: Section = section(
    "13",
    "Health and other considerations",
    &[
        item(
            "13.1",
            "Does the person have physical or mental health problems, a disability, or other needs that could affect how they engage?",
            ItemKind::Choice(YES_NO),
        ),
        item("13.2", "Details of health, disability and other needs", FREE_TEXT)
            .hint("For example reading difficulties, caring responsibilities, medication, or adjustments needed for appointments")
            .required()
            .when(Condition::Is {
                code: "13.1",
                value: "yes",
            }),
    ],
);
