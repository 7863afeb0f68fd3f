//! Around the sections (domain.md §2–3): the self-assessment questionnaire, RoSH screening,
//! full analysis, the RoSH summary with its level grid, and the risk management plan.

use super::scales::*;
use super::{
    item, Condition, Grid, GridCell, GridColumn, GridRow, Item, ItemKind, Repeat, Section,
};
use crate::domain::rosh::RoshLevel;

const DETAILS: ItemKind = ItemKind::FreeText { max_chars: 4000 };
const SCREEN: ItemKind = ItemKind::Choice(YES_NO_DONT_KNOW);

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

const fn statement(key: &'static str, label: &'static str) -> GridRow {
    GridRow {
        key,
        label,
        only: None,
    }
}

const SAQ_GRID: Grid = Grid {
    columns: &[
        GridColumn {
            key: "answer",
            label: "Their answer",
            cell: GridCell::Choice(SAQ_ANSWERS),
        },
        GridColumn {
            key: "linked",
            label: "Linked to offending",
            cell: GridCell::Check,
        },
    ],
    rows: &[
        statement("accommodation", "I have problems with where I live"),
        statement("employment", "I have problems getting or keeping a job"),
        statement("money", "I have problems with money or debts"),
        statement("relationships", "I have problems with my family or partner"),
        statement("friends", "My friends get me into trouble"),
        statement("drugs", "I use drugs"),
        statement("alcohol", "I drink too much"),
        statement("feelings", "I feel low or anxious"),
        statement("impulsive", "I act without thinking"),
        statement("temper", "I lose my temper easily"),
        statement("offending_ok", "Offending is sometimes worth it"),
        statement("stop", "I want to stop offending"),
    ],
};

pub const SAQ: Section = section(
    "saq",
    "Self-assessment questionnaire",
    &[
        item(
            "SAQ.1",
            "Did the person fill in the self-assessment questionnaire?",
            ItemKind::Choice(SAQ_COMPLETED),
        ),
        item("SAQ.2", "The person's answers", ItemKind::Grid(&SAQ_GRID))
            .required()
            .hint("Copy each answer the person gave, and tick where you think it is linked to their offending")
            .when(Condition::Is {
                code: "SAQ.1",
                value: "yes",
            }),
        item("SAQ.3", "What the person said about their answers", DETAILS),
    ],
);

const OFFENCES_OF_CONCERN: Grid = Grid {
    columns: &[
        GridColumn {
            key: "current",
            label: "Current offence",
            cell: GridCell::Check,
        },
        GridColumn {
            key: "previous",
            label: "Previous offence",
            cell: GridCell::Check,
        },
    ],
    rows: &[
        statement("murder", "Murder or manslaughter"),
        statement("wounding", "Wounding or grievous bodily harm"),
        statement("arson", "Arson"),
        statement("robbery", "Robbery"),
        statement("aggravated_burglary", "Aggravated burglary"),
        statement("kidnap", "Kidnap or false imprisonment"),
        statement("sexual_child", "Sexual offence against a child"),
        statement("sexual_adult", "Sexual offence against an adult"),
        statement("weapons", "Offence involving weapons or firearms"),
        statement("aggravated", "Racially or religiously aggravated offence"),
        statement("custody", "Offence committed in custody"),
    ],
};

/// The reason asked for when a screening answer contradicts an earlier one (`domain::screening`),
/// kept under "R2.3.reason" beside "R2.3".
const fn reason(code: &'static str, reason_code: &'static str) -> Item {
    item(
        reason_code,
        "Why does this screening answer differ from the earlier answer?",
        DETAILS,
    )
    .required()
    .hint("The full analysis is asked for only when the screening finds a risk. Change the screening answer, or say why the earlier answer does not apply")
    .when(Condition::Contradicted(code))
}

/// The screening items, also read by the full analysis' conditions.
pub const ROSH_SCREENING: Section = section(
    "rosh-screening",
    "Risk of serious harm screening",
    &[
        item("R1.2", "Current or previous offences of concern", ItemKind::Grid(&OFFENCES_OF_CONCERN))
            .optional()
            .hint("Tick every offence of concern, current or previous. Current offences of concern named in 1.1 are ticked for you. Leave blank if there are none"),
        reason("R1.2", "R1.2.reason"),
        item("R2.1", "Has the person ever assaulted or threatened to assault staff?", SCREEN),
        item("R2.2", "Has the person ever assaulted or threatened others?", SCREEN),
        item("R2.3", "Has the person been a perpetrator of domestic abuse?", SCREEN),
        reason("R2.3", "R2.3.reason"),
        item("R2.4", "Has the person stalked or harassed anyone?", SCREEN),
        item("R2.5", "Has the person shown hate-based attitudes or behaviour?", SCREEN),
        item("R2.6", "Has the person previously been assessed as High or Very high risk of serious harm?", SCREEN),
        item(
            "R3.1",
            "Is the person subject to a civil or protective order?",
            SCREEN,
        )
        .hint("For example a restraining order, non-molestation order or sexual harm prevention order"),
        item("R4.1", "Is there a risk to identifiable children?", SCREEN),
        item("R4.2", "Is there a risk to children in general?", SCREEN),
        item("R5.1", "Is there a risk of suicide?", SCREEN),
        item("R5.2", "Is there a risk of self-harm?", SCREEN),
        reason("R5.2", "R5.2.reason"),
        item("R5.3", "Are there concerns about coping in custody or in a hostel?", SCREEN),
        item("R5.4", "Is the person vulnerable, for example to exploitation or bullying?", SCREEN),
        item("R6.1", "Is there a risk of escape or absconding?", SCREEN),
        item("R6.2", "Is there a risk of breach of trust?", SCREEN)
            .hint("For example a position of trust at work or as a volunteer"),
        item("R6.3", "Is there a risk to other prisoners?", SCREEN),
    ],
);

const CHILD_AT_RISK: Repeat = Repeat {
    entry_name: "child",
    min: 1,
    items: &[
        item(
            "initials",
            "Child's initials",
            ItemKind::ShortText { max_chars: 10 },
        )
        .required(),
        item("age", "Child's age", ItemKind::Number { min: 0, max: 17 }),
        item(
            "relationship",
            "Relationship to the person",
            ItemKind::ShortText { max_chars: 100 },
        )
        .required(),
        item("concerns", "What are the concerns for this child?", DETAILS).required(),
    ],
};

pub const FULL_ANALYSIS: Section = Section {
    available_when: Some(Condition::AnyYesInSection("rosh-screening")),
    ..section(
        "rosh-full",
        "Risk of serious harm full analysis",
        &[
            item(
                "FA.1",
                "Harmful behaviour: what did the person do, to whom, and in what circumstances?",
                DETAILS,
            )
            .required(),
            item(
                "FA.2",
                "Patterns and triggers of harmful behaviour",
                DETAILS,
            )
            .required(),
            item("FA.3", "Children at risk", ItemKind::Repeat(&CHILD_AT_RISK))
                .hint("Add each identifiable child at risk. Use initials only")
                .when(Condition::AnyYes(&["R4.1"])),
            item(
                "FA.4",
                "Suicide, self-harm, coping and vulnerability",
                DETAILS,
            )
            .required()
            .when(Condition::AnyYes(&["R5.1", "R5.2", "R5.3", "R5.4"])),
            item("FA.5", "Escape, disruption and breach of trust", DETAILS)
                .required()
                .when(Condition::AnyYes(&["R6.1", "R6.2", "R6.3"])),
        ],
    )
};

const COMMUNITY_AND_CUSTODY: &[GridColumn] = &[
    GridColumn {
        key: "community",
        label: "Community",
        cell: GridCell::Choice(ROSH_LEVELS),
    },
    GridColumn {
        key: "custody",
        label: "Custody",
        cell: GridCell::Choice(ROSH_LEVELS),
    },
];

/// Who may be harmed (rows) and where (columns); prisoners only in custody.
pub const ROSH_GRID: Grid = Grid {
    columns: COMMUNITY_AND_CUSTODY,
    rows: &[
        statement("children", "Children"),
        statement("public", "Public"),
        statement("known_adult", "Known adult"),
        statement("staff", "Staff"),
        GridRow {
            key: "prisoners",
            label: "Prisoners",
            only: Some(&["custody"]),
        },
    ],
};

pub const ROSH_SUMMARY: Section = section(
    "rosh-summary",
    "Risk of serious harm summary",
    &[
        item("R10.1", "Who is at risk?", DETAILS).required(),
        item("R10.2", "What is the nature of the risk?", DETAILS).required(),
        item("R10.3", "When is the risk likely to be greatest?", DETAILS).required(),
        item("R10.4", "What circumstances are likely to increase the risk?", DETAILS).required(),
        item("R10.5", "What factors are likely to reduce the risk?", DETAILS).required(),
        item("R10.6", "Risk of serious harm levels", ItemKind::Grid(&ROSH_GRID)).hint(
            "Low: current evidence does not indicate likelihood of causing serious harm. \
             Medium: identifiable indicators, unlikely to cause serious harm unless circumstances change. \
             High: could happen at any time and the impact would be serious. \
             Very high: imminent, and more likely than not.",
        ),
    ],
);

/// The risk management plan is completed when the overall RoSH is Medium, High or Very high, and is
/// optional when it is Low or not yet assessed (domain.md §3). MAPPA is recorded in it as a fact.
pub const RISK_MANAGEMENT_PLAN: Section = Section {
    required_when: Some(Condition::RoshAtLeast(RoshLevel::Medium)),
    ..section(
        "rmp",
        "Risk management plan",
        &[
            item(
                "RM.1",
                "Key information about the current situation",
                DETAILS,
            )
            .required(),
            item("RM.2", "Further considerations", DETAILS),
            item("RM.3", "Supervision", DETAILS)
                .required()
                .hint("Who will see the person, how often, and where"),
            item("RM.4", "Monitoring and control", DETAILS)
                .required()
                .hint("For example licence conditions, curfew, electronic monitoring, drug testing"),
            item("RM.5", "Interventions and treatment", DETAILS).required(),
            item("RM.6", "Victim safety planning", DETAILS).required(),
            item("RM.7", "Contingency plans", DETAILS)
                .required()
                .hint("What you will do if the risk increases or the plan breaks down"),
            item("RM.8", "Additional comments", DETAILS),
            item("RM.9", "MAPPA category", ItemKind::Choice(MAPPA_CATEGORIES))
                .hint("Multi-agency public protection arrangements. Choose none if the person is not managed under MAPPA"),
            item("RM.10", "MAPPA level", ItemKind::Choice(MAPPA_LEVELS)).when(Condition::IsOneOf {
                code: "RM.9",
                values: MAPPA_CATEGORY_VALUES,
            }),
        ],
    )
};
