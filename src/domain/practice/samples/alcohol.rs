//! A woman with alcohol misuse and an abusive partner: an assault on a door supervisor while drunk.
//! Reference: RoSH Medium (the public); needs in relationships and alcohol (severe).

use jiff::civil;

use super::super::form::*;
use super::super::{CaseFile, ReferenceAssessment, SampleCase};
use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType, Sex};

pub(in crate::domain::practice) const CASE: SampleCase = SampleCase {
    id: "sample-alcohol",
    title: "A woman with alcohol misuse and an abusive partner",
    details,
    case_file: CaseFile {
        offence_summary: "Ms Marchbeck was convicted of common assault. In March 2026 she was \
refused entry to a bar because she was drunk; she swore at the door supervisor, slapped him and \
scratched his face. He was not seriously hurt. She was arrested at the scene and was tearful and \
apologetic in interview the next day.

She pleaded guilty. The court imposed an 18-month community order with an alcohol treatment \
requirement and 15 rehabilitation activity requirement days.",
        previous_convictions: "Five sanctions, the first at the age of 29: drunk and disorderly \
(2012), drink driving (2014), a caution for criminal damage to her own front door (2019), \
assault on a police officer while drunk (2023) and the current offence.

She completed a previous community order without breach.",
        interview_notes:
            "Ms Marchbeck is 42 and works part-time as a care assistant. She says she \
drinks a bottle of wine most nights and more at weekends, and has done since her twenties; she \
drinks 'to stop thinking'. She has tried to stop twice without help.

She lives with her partner of six years in her housing association flat. At first she said \
everything was fine; later she said he 'has a temper', checks her phone, takes her wages and has \
pushed her. She has an adult daughter she rarely sees. Her childhood was unsettled and her father \
drank.

She says she feels low most days, has thought about ending her life when drunk, and her GP has \
referred her to the community mental health team. She completed the self-assessment \
questionnaire: yes to money, relationships, feeling low, drinking and wanting to stop; sometimes \
to temper.",
        other_agencies:
            "Police: two call-outs to her address in 2025 for shouting, with Ms Marchbeck \
named as the victim; she declined to make a statement. No intelligence about her associates.

GP: prescribed antidepressants; abnormal liver function tests; referral to the community mental \
health team pending. Employer: no concerns about her work.

Children's services: no involvement; no children in the household.",
    },
    reference,
};

fn details() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Leanne Marchbeck".into(),
        crn: "Z900004".into(),
        date_of_birth: civil::date(1983, 11, 30),
        sex: Sex::Female,
        sentence_type: SentenceType::CommunityOrder,
        sentence_date: None,
        sentence_or_release_date: civil::date(2026, 5, 18),
        sentence_end_date: civil::date(2027, 11, 17),
    }
}

fn reference() -> ReferenceAssessment {
    let mut a = Answers::default();

    // 1. Offending information
    offence(&mut a, "assault", "10501");
    date(&mut a, "1.29", 27, 4, 2026);
    choose(&mut a, "1.30", "no");
    number(&mut a, "1.32", 5);
    number(&mut a, "1.8", 29);
    number(&mut a, "1.40", 2);
    date(&mut a, "1.38", 18, 5, 2026);

    // 2. Analysis of offences
    text(&mut a, "2.1", "Slapped and scratched a door supervisor who refused her entry to a bar because she was drunk.");
    tick(&mut a, "2.2", &["violence"]);
    tick(&mut a, "2.4.1", &["adult"]);
    tick(&mut a, "2.4.2", &["stranger"]);
    choose_each(&mut a, &[("2.6", "yes"), ("2.7", "no")]);
    text(
        &mut a,
        "2.8",
        "Frustration and disinhibition after heavy drinking.",
    );
    tick(&mut a, "2.9", &["emotional"]);
    tick(&mut a, "2.10", &["alcohol"]);
    choose_each(&mut a, &[("2.11", "yes"), ("2.13", "no"), ("2.14", "yes")]);
    linked(&mut a, "2", false, true);

    // 3. Accommodation: her own tenancy, shared with an abusive partner
    choose_each(
        &mut a,
        &[("3.3", "no"), ("3.4", "1"), ("3.5", "0"), ("3.6", "0")],
    );
    linked(&mut a, "3", false, false);

    // 4. Education, training and employability
    choose_each(
        &mut a,
        &[
            ("4.2", "no"),
            ("4.3", "0"),
            ("4.4", "0"),
            ("4.5", "0"),
            ("4.7", "0"),
        ],
    );
    text(
        &mut a,
        "4.97",
        "Steady part-time work as a care assistant; valued by her employer.",
    );
    linked(&mut a, "4", false, false);

    // 5. Financial management and income
    tick(&mut a, "5.1", &["employment", "benefits"]);
    choose_each(
        &mut a,
        &[
            ("5.2", "1"),
            ("5.3", "1"),
            ("5.4", "no"),
            ("5.5", "0"),
            ("5.6", "1"),
        ],
    );
    linked(&mut a, "5", false, false);

    // 6. Relationships
    choose_each(
        &mut a,
        &[
            ("6.1", "1"),
            ("6.3", "1"),
            ("6.4", "2"),
            ("6.6", "2"),
            ("6.7", "yes"),
        ],
    );
    tick(&mut a, "6.7.1", &["victim"]);
    choose(&mut a, "6.8", "living_together");
    linked(&mut a, "6", false, true);

    // 7. Lifestyle and associates
    choose_each(
        &mut a,
        &[("7.2", "1"), ("7.3", "no"), ("7.4", "0"), ("7.5", "no")],
    );
    linked(&mut a, "7", false, false);

    // 8. Drug misuse
    choose(&mut a, "8.1", "no");
    linked(&mut a, "8", false, false);

    // 9. Alcohol misuse
    choose_each(
        &mut a,
        &[
            ("9.1", "2"),
            ("9.2", "2"),
            ("9.3", "2"),
            ("9.4", "2"),
            ("9.5", "1"),
        ],
    );
    linked(&mut a, "9", true, true);

    // 10. Emotional well-being
    choose_each(
        &mut a,
        &[
            ("10.1", "2"),
            ("10.2", "2"),
            ("10.3", "2"),
            ("10.4", "1"),
            ("10.5", "yes"),
            ("10.6", "1"),
            ("10.7", "yes"),
        ],
    );
    linked(&mut a, "10", false, true);

    // 11. Thinking and behaviour
    choose_each(
        &mut a,
        &[
            ("11.1", "0"),
            ("11.2", "1"),
            ("11.3", "0"),
            ("11.4", "1"),
            ("11.5", "0"),
            ("11.6", "1"),
            ("11.7", "0"),
            ("11.9", "0"),
        ],
    );
    linked(&mut a, "11", false, false);

    // 12. Attitudes
    choose_each(
        &mut a,
        &[
            ("12.1", "0"),
            ("12.4", "0"),
            ("12.5", "0"),
            ("12.8", "0"),
            ("12.9", "0"),
        ],
    );
    linked(&mut a, "12", false, false);

    // 13. Health and other considerations
    choose(&mut a, "13.1", "yes");
    text(&mut a, "13.2", "Depression treated by her GP, community mental health team referral pending; abnormal liver function. Works shifts: appointments to fit around her rota.");

    // Self-assessment questionnaire
    self_assessment(
        &mut a,
        &[
            ("accommodation", "no", false),
            ("employment", "no", false),
            ("money", "yes", false),
            ("relationships", "yes", true),
            ("friends", "no", false),
            ("drugs", "no", false),
            ("alcohol", "yes", true),
            ("feelings", "yes", true),
            ("impulsive", "no", false),
            ("temper", "sometimes", true),
            ("offending_ok", "no", false),
            ("stop", "yes", false),
        ],
    );

    // RoSH screening
    choose_each(
        &mut a,
        &[
            ("R2.1", "no"),
            ("R2.2", "yes"),
            ("R2.3", "no"),
            ("R2.4", "no"),
            ("R2.5", "no"),
            ("R2.6", "no"),
            ("R3.1", "no"),
            ("R4.1", "no"),
            ("R4.2", "no"),
            ("R5.1", "yes"),
            ("R5.2", "no"),
            ("R5.3", "no"),
            ("R5.4", "yes"),
            ("R6.1", "no"),
            ("R6.2", "no"),
            ("R6.3", "no"),
        ],
    );

    text(
        &mut a,
        "R5.2.reason",
        "10.5 is her suicidal thoughts when drunk, recorded at R5.1; she has never self-harmed.",
    );

    // RoSH full analysis
    text(&mut a, "FA.1", "Assaults on a door supervisor and, in 2023, a police officer: slapping, scratching, pushing when drunk and thwarted. No weapons, no serious injury.");
    text(
        &mut a,
        "FA.2",
        "Heavy drinking in public, being refused or challenged by people in authority.",
    );
    text(&mut a, "FA.4", "Suicidal thoughts when drunk and low; victim of domestic abuse and financial control by her partner.");

    // RoSH summary
    text(&mut a, "R10.1", "Members of the public, in particular door staff and police officers. She is herself at risk from her partner.");
    text(
        &mut a,
        "R10.2",
        "Assault when drunk; injuries so far minor.",
    );
    text(
        &mut a,
        "R10.3",
        "Weekend nights out when she has been drinking heavily.",
    );
    text(
        &mut a,
        "R10.4",
        "Heavier drinking, an escalation of abuse at home, losing her job.",
    );
    text(&mut a, "R10.5", "Alcohol treatment, her work, support from a domestic abuse service, mental health treatment.");
    rate_every_cell(&mut a, "low");
    rate(&mut a, "public", "community", "medium");
    rate(&mut a, "staff", "community", "medium");

    // Risk management plan
    text(&mut a, "RM.1", "Alcohol-related violence to people in authority; she is a victim of domestic abuse at home; suicidal thoughts when drunk.");
    text(&mut a, "RM.3", "Fortnightly appointments with a female practitioner, at the women's centre, at times that fit her shifts.");
    text(&mut a, "RM.4", "Alcohol treatment requirement reviews; checks with the police on call-outs to her address.");
    text(&mut a, "RM.5", "Alcohol treatment; referral to a domestic abuse service and a women's group; liaison with the community mental health team.");
    text(&mut a, "RM.6", "She is the person at risk at home: safety plan agreed, independent domestic violence adviser referral with her consent, no joint appointments with her partner.");
    text(&mut a, "RM.7", "If she says she feels suicidal, follow the suicide and self-harm procedure and contact her GP the same day. Any incident at home: safeguarding referral and MARAC consideration.");
    choose(&mut a, "RM.9", "none");

    ReferenceAssessment {
        answers: a,
        rationale: vec![
            ("1", "Common assault is the current offence; two of five sanctions involve violence, all since 29 and all linked to drink."),
            ("2", "Alcohol-related assault on someone in authority repeats the 2023 offence: a pattern, though no more serious. She acted alone, and is remorseful and accepts it."),
            ("3", "Her own settled tenancy; it is unsafe because of her partner (3.4 some problems) but not linked to offending. Not a need."),
            ("4", "In steady work: no problems."),
            ("5", "Her partner takes her wages; some debts. Not linked."),
            ("6", "Victim of an abusive partner with a history of unhappy relationships: 4, a need, linked to her drinking and so to offending."),
            ("7", "No criminal associates; drinking is the issue, not her friends. Not a need."),
            ("8", "No drug misuse."),
            ("9", "A bottle of wine a night for years, binges, alcohol in every violent offence: 7, a severe need, linked to harm."),
            ("10", "Depression, isolation, suicidal thoughts, treatment pending. Linked to her drinking."),
            ("11", "Some impulsivity and temper when drunk, otherwise good skills: 1, below the threshold of 4 (impulsivity and temper, 11.2 and 11.4, are asked but are not part of the score)."),
            ("12", "Pro-social, accepts supervision and wants to change: no problems."),
            ("13", "Depression and liver problems, and shift work, affect how she engages."),
            ("saq", "She completed the questionnaire; link relationships, drinking, feelings and temper."),
            ("rosh-screening", "She has assaulted others; risk of suicide when drunk and vulnerable to her partner, so the full analysis is needed. She is a victim of domestic abuse, not a perpetrator (R2.3 No)."),
            ("rosh-full", "Describe the alcohol-related assaults and her own vulnerability."),
            ("rosh-summary", "Identifiable indicators of harm to the public and to staff (police) when drunk, unlikely to cause serious harm unless her drinking worsens: Medium."),
            ("rmp", "A women-centred plan: alcohol treatment, safety at home and mental health, with a contingency for suicidal thoughts. Not a MAPPA case."),
        ],
        key_goals: vec![
            "Reduce drinking with the alcohol treatment service",
            "Be safe at home: work with a domestic abuse service on a safety plan",
            "Get treatment for low mood through the community mental health team",
        ],
    }
}
