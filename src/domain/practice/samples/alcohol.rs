//! A woman with alcohol misuse and an abusive partner: an assault on a door supervisor while drunk.
//! Reference: RoSH Medium (the public); needs in relationships and alcohol (severe).

use jiff::civil;

use super::super::evidence::{cite, point, Citation, NarrativePoint};
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
scratched his face. She did not know him, and no one else was involved. He was not seriously \
hurt. She was arrested at the scene and was tearful and apologetic in interview the next day.

She pleaded guilty and was convicted on 27 April 2026. On 18 May 2026 the court imposed an \
18-month community order with an alcohol treatment requirement and 15 rehabilitation activity \
requirement days.",
        previous_convictions: "Five sanctions, the first at the age of 29: drunk and disorderly \
(2012), drink driving (2014), a caution for criminal damage to her own front door (2019), \
assault on a police officer while drunk (2023) and the current offence. In 2023 she pushed and \
scratched a police officer who was moving her on from outside a pub. All of the offences were \
committed after drinking.

She has no convictions for sexual offences or offences involving weapons. She has never been to \
prison or been subject to a civil or protective order. She completed a community order for the \
2023 assault without breach, and has never threatened or assaulted probation staff. The \
assessment for that order rated her Medium risk of serious harm to the public.",
        interview_notes:
            "Ms Marchbeck is 42 and works part-time as a care assistant. She has worked at the \
same care home for eight years and has an NVQ in care. She works early and late shifts on a rota \
that changes each week. She reads and writes well. Her only income is her wages, topped up by \
universal credit, and she has about £1,500 of credit card debt.

She says she drinks a bottle of wine most nights and more at weekends, and has done since her \
twenties; she drinks 'to stop thinking'. She has tried to stop twice without help. She has never \
used illegal drugs. Most weekends she goes into town alone and drinks in bars until late. On the \
night of the offence she had drunk a bottle of wine at home before going out; she says she 'lost \
it' when she was turned away because she felt humiliated. She is ashamed of hurting the door \
supervisor, who was 'only doing his job'. She knows that another conviction could cost her her \
job. She says she can 'fly off the handle' when she has had a drink but is calm when sober.

She lives with her partner of six years in her housing association flat. She has held the \
tenancy for ten years and there are no rent arrears. The flat is on a quiet estate on the edge \
of town. At first she said everything was fine; later she said he 'has a temper', checks her \
phone, takes her wages and has pushed her. She says she drinks more after rows with him. She \
would accept help from a domestic abuse service but does not want to leave him yet. Apart from \
work, she sees no one but her partner and has lost touch with her friends. She has an adult \
daughter she rarely sees. Her daughter's father was also violent towards her, and she left him \
when her daughter was small. Her childhood was unsettled and her father drank.

She says she feels low most days, has thought about ending her life when drunk, and her GP has \
referred her to the community mental health team. She has never self-harmed or attempted \
suicide. She describes herself as 'a mess' and 'a useless mum'. She says she would find it \
easier to talk to a woman. She completed the self-assessment questionnaire: yes to money, \
relationships, feeling low, drinking and wanting to stop, sometimes to temper, and no to \
everything else. She was polite and open at interview, wants help with her drinking and does not \
excuse what she did.",
        other_agencies:
            "Police: two call-outs to her address in 2025 for shouting, with Ms Marchbeck \
named as the victim; she declined to make a statement. No intelligence of harassment, hate \
incidents or weapons, and none about her associates.

GP: prescribed antidepressants; abnormal liver function tests; referral to the community mental \
health team pending. Employer: aware of the conviction; no concerns have ever been raised about \
her work or her care of residents. Her manager describes her as careful, reliable and well liked \
by residents and colleagues.

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
        evidence: evidence(),
        points: points(),
        key_goals: vec![
            "Reduce drinking with the alcohol treatment service",
            "Be safe at home: work with a domestic abuse service on a safety plan",
            "Get treatment for low mood through the community mental health team",
        ],
    }
}

/// The case-file sentence each reference answer rests on.
fn evidence() -> Vec<Citation> {
    vec![
        // 1. Offending information
        cite(&["1.1"], "Ms Marchbeck was convicted of common assault."),
        cite(&["1.29", "2.11"], "She pleaded guilty and was convicted on 27 April 2026."),
        cite(&["1.38"], "On 18 May 2026 the court imposed an 18-month community order with an alcohol treatment requirement and 15 rehabilitation activity requirement days."),
        cite(&["1.32", "1.8", "1.40", "2.14", "9.4", "R2.2", "R10.6"], "Five sanctions, the first at the age of 29: drunk and disorderly (2012), drink driving (2014), a caution for criminal damage to her own front door (2019), assault on a police officer while drunk (2023) and the current offence."),
        cite(&["1.30"], "She has no convictions for sexual offences or offences involving weapons."),
        // 2. Analysis of offences
        cite(&["2.2", "2.4.1", "2.10", "R2.2"], "In March 2026 she was refused entry to a bar because she was drunk; she swore at the door supervisor, slapped him and scratched his face."),
        cite(&["2.4.2", "2.7"], "She did not know him, and no one else was involved."),
        cite(&["2.13", "2.99"], "He was not seriously hurt."),
        cite(&["2.6", "2.11"], "She was arrested at the scene and was tearful and apologetic in interview the next day."),
        cite(&["2.6", "11.9", "12.1"], "She is ashamed of hurting the door supervisor, who was 'only doing his job'."),
        cite(&["2.9", "2.10"], "On the night of the offence she had drunk a bottle of wine at home before going out; she says she 'lost it' when she was turned away because she felt humiliated."),
        cite(&["2.13", "2.14", "9.4"], "In 2023 she pushed and scratched a police officer who was moving her on from outside a pub."),
        cite(&["2.98", "9.98", "9.99"], "All of the offences were committed after drinking."),
        // 3. Accommodation
        cite(&["3.3", "3.5", "6.8"], "She lives with her partner of six years in her housing association flat."),
        cite(&["3.5", "3.98", "3.99"], "She has held the tenancy for ten years and there are no rent arrears."),
        cite(&["3.6"], "The flat is on a quiet estate on the edge of town."),
        cite(&["3.4", "5.2", "5.3", "6.4", "6.7", "6.7.1", "6.98", "R5.4"], "At first she said everything was fine; later she said he 'has a temper', checks her phone, takes her wages and has pushed her."),
        // 4. Education, training and employability
        cite(&["4.2"], "Ms Marchbeck is 42 and works part-time as a care assistant."),
        cite(&["4.3", "4.4"], "She has worked at the same care home for eight years and has an NVQ in care."),
        cite(&["4.7"], "She reads and writes well."),
        cite(&["4.5", "4.96", "4.98", "R6.2"], "Employer: aware of the conviction; no concerns have ever been raised about her work or her care of residents."),
        // 5. Financial management and income
        cite(&["5.1", "5.2", "5.4", "5.5", "5.6", "5.98", "5.99"], "Her only income is her wages, topped up by universal credit, and she has about £1,500 of credit card debt."),
        // 6. Relationships
        cite(&["6.1"], "She has an adult daughter she rarely sees."),
        cite(&["6.3"], "Her childhood was unsettled and her father drank."),
        cite(&["6.6"], "Her daughter's father was also violent towards her, and she left him when her daughter was small."),
        cite(&["6.7", "6.7.1", "R2.3", "R5.4"], "Police: two call-outs to her address in 2025 for shouting, with Ms Marchbeck named as the victim; she declined to make a statement."),
        cite(&["6.99"], "She says she drinks more after rows with him."),
        // 7. Lifestyle and associates
        cite(&["7.2"], "Most weekends she goes into town alone and drinks in bars until late."),
        cite(&["7.3", "7.4", "7.98", "7.99", "R2.4", "R2.5"], "No intelligence of harassment, hate incidents or weapons, and none about her associates."),
        cite(&["7.5", "11.1"], "Her manager describes her as careful, reliable and well liked by residents and colleagues."),
        // 8. Drug misuse
        cite(&["8.1", "8.98", "8.99"], "She has never used illegal drugs."),
        // 9. Alcohol misuse
        cite(&["9.1", "9.2", "9.3", "10.1", "10.99"], "She says she drinks a bottle of wine most nights and more at weekends, and has done since her twenties; she drinks 'to stop thinking'."),
        cite(&["9.5", "11.6"], "She has tried to stop twice without help."),
        cite(&["9.5", "11.5", "12.8", "12.9", "12.98", "12.99"], "She was polite and open at interview, wants help with her drinking and does not excuse what she did."),
        // 10. Emotional well-being
        cite(&["10.2", "10.5", "10.98", "R5.1"], "She says she feels low most days, has thought about ending her life when drunk, and her GP has referred her to the community mental health team."),
        cite(&["10.3"], "Apart from work, she sees no one but her partner and has lost touch with her friends."),
        cite(&["10.4"], "She describes herself as 'a mess' and 'a useless mum'."),
        cite(&["R5.2"], "She has never self-harmed or attempted suicide."),
        cite(&["9.1", "10.2", "10.6", "10.7", "13.1"], "GP: prescribed antidepressants; abnormal liver function tests; referral to the community mental health team pending."),
        // 11. Thinking and behaviour
        cite(&["11.2", "11.3", "11.4", "11.98", "11.99"], "She says she can 'fly off the handle' when she has had a drink but is calm when sober."),
        cite(&["11.7"], "She knows that another conviction could cost her her job."),
        // 12. Attitudes
        cite(&["12.4", "12.5", "R6.1"], "She completed a community order for the 2023 assault without breach, and has never threatened or assaulted probation staff."),
        // Self-assessment
        cite(&["SAQ.1", "SAQ.2"], "She completed the self-assessment questionnaire: yes to money, relationships, feeling low, drinking and wanting to stop, sometimes to temper, and no to everything else."),
        // RoSH screening
        cite(&["R2.1"], "She completed a community order for the 2023 assault without breach, and has never threatened or assaulted probation staff."),
        cite(&["R2.6", "R10.6"], "The assessment for that order rated her Medium risk of serious harm to the public."),
        cite(&["R3.1", "R5.3", "R6.3", "RM.9"], "She has never been to prison or been subject to a civil or protective order."),
        cite(&["R4.1", "R4.2"], "Children's services: no involvement; no children in the household."),
        // The narratives rest on the sentences their points cite (`points`).
    ]
}

/// The points each reference narrative makes, with their evidence and key words.
fn points() -> Vec<NarrativePoint> {
    const OFFENCE: &str = "In March 2026 she was refused entry to a bar because she was drunk; she swore at the door supervisor, slapped him and scratched his face.";
    const NOT_HURT: &str = "He was not seriously hurt.";
    const THAT_NIGHT: &str = "On the night of the offence she had drunk a bottle of wine at home before going out; she says she 'lost it' when she was turned away because she felt humiliated.";
    const CONVICTIONS: &str = "Five sanctions, the first at the age of 29: drunk and disorderly (2012), drink driving (2014), a caution for criminal damage to her own front door (2019), assault on a police officer while drunk (2023) and the current offence.";
    const POLICE_OFFICER: &str = "In 2023 she pushed and scratched a police officer who was moving her on from outside a pub.";
    const ORDER: &str = "On 18 May 2026 the court imposed an 18-month community order with an alcohol treatment requirement and 15 rehabilitation activity requirement days.";
    const PREVIOUS_ORDER: &str = "She completed a community order for the 2023 assault without breach, and has never threatened or assaulted probation staff.";
    const CARE_HOME: &str =
        "She has worked at the same care home for eight years and has an NVQ in care.";
    const SHIFTS: &str = "She works early and late shifts on a rota that changes each week.";
    const DRINKING: &str = "She says she drinks a bottle of wine most nights and more at weekends, and has done since her twenties; she drinks 'to stop thinking'.";
    const WEEKENDS: &str = "Most weekends she goes into town alone and drinks in bars until late.";
    const PARTNER: &str = "At first she said everything was fine; later she said he 'has a temper', checks her phone, takes her wages and has pushed her.";
    const WOULD_ACCEPT_HELP: &str =
        "She would accept help from a domestic abuse service but does not want to leave him yet.";
    const LOW_MOOD: &str = "She says she feels low most days, has thought about ending her life when drunk, and her GP has referred her to the community mental health team.";
    const A_WOMAN: &str = "She says she would find it easier to talk to a woman.";
    const POLICE_CALLOUTS: &str = "Police: two call-outs to her address in 2025 for shouting, with Ms Marchbeck named as the victim; she declined to make a statement.";
    const GP: &str = "GP: prescribed antidepressants; abnormal liver function tests; referral to the community mental health team pending.";
    vec![
        point("2.1", "Slapped and scratched the door supervisor", &["slap", "scratch", "assault", "hit"], OFFENCE),
        point("2.1", "Refused entry because she was drunk", &["drunk", "drink", "refus", "turned away", "alcohol"], OFFENCE),
        point("2.8", "Frustration at being turned away", &["frustrat", "humiliat", "anger", "angry", "refus", "turned away"], THAT_NIGHT),
        point("2.8", "Disinhibited by heavy drinking", &["disinhibit", "drink", "drunk", "alcohol"], THAT_NIGHT),
        point("4.97", "Steady work as a care assistant", &["care", "work", "job", "employ"], CARE_HOME),
        point("4.97", "Valued by her employer", &["valued", "employer", "manager", "reliable"], "Her manager describes her as careful, reliable and well liked by residents and colleagues."),
        point("13.2", "Depression, treated by her GP", &["depress", "low mood", "antidepress"], GP),
        point("13.2", "Community mental health team referral pending", &["mental health", "cmht"], GP),
        point("13.2", "Abnormal liver function", &["liver"], GP),
        point("13.2", "Shift work: appointments around her rota", &["shift", "rota"], SHIFTS),
        point("R5.2.reason", "Suicidal thoughts when drunk", &["suicid", "ending her life"], LOW_MOOD),
        point("R5.2.reason", "She has never self-harmed", &["self-harm", "self harm", "harm"], "She has never self-harmed or attempted suicide."),
        point("FA.1", "Assault on a door supervisor", &["door", "supervisor", "bouncer"], OFFENCE),
        point("FA.1", "Assault on a police officer in 2023", &["police", "officer", "2023"], POLICE_OFFICER),
        point("FA.1", "When drunk and thwarted", &["drunk", "drink", "thwart", "refus", "turned away"], OFFENCE),
        point("FA.1", "No weapons", &["weapon"], "No intelligence of harassment, hate incidents or weapons, and none about her associates."),
        point("FA.1", "No serious injury", &["injur", "hurt"], NOT_HURT),
        point("FA.2", "Heavy drinking in public", &["drink", "drunk", "alcohol"], WEEKENDS),
        point("FA.2", "Being refused entry", &["refus", "turned away", "door"], OFFENCE),
        point("FA.2", "Being challenged by people in authority", &["challeng", "authority", "police", "moved on"], POLICE_OFFICER),
        point("FA.4", "Suicidal thoughts when drunk and low", &["suicid", "ending her life", "low"], LOW_MOOD),
        point("FA.4", "Victim of domestic abuse", &["domestic abuse", "abus", "victim"], PARTNER),
        point("FA.4", "Her partner takes her wages", &["financial", "wages", "money", "control"], PARTNER),
        point("R10.1", "Members of the public, such as door staff", &["public", "door", "bouncer"], OFFENCE),
        point("R10.1", "Police officers", &["police"], POLICE_OFFICER),
        point("R10.1", "She is at risk from her partner", &["partner", "herself", "domestic"], PARTNER),
        point("R10.2", "Assault when drunk", &["assault", "violen", "slap"], CONVICTIONS),
        point("R10.2", "Injuries so far minor", &["minor", "injur", "hurt"], NOT_HURT),
        point("R10.3", "Weekend nights out", &["weekend", "night", "town", "bar"], WEEKENDS),
        point("R10.3", "After heavy drinking", &["drink", "drunk", "alcohol"], DRINKING),
        point("R10.4", "Heavier drinking", &["drink", "alcohol", "relapse"], DRINKING),
        point("R10.4", "Worse abuse at home", &["abuse", "partner", "home", "domestic"], "She says she drinks more after rows with him."),
        point("R10.4", "Losing her job", &["job", "work", "employ"], "She knows that another conviction could cost her her job."),
        point("R10.5", "Alcohol treatment", &["alcohol treatment", "treatment", "atr"], ORDER),
        point("R10.5", "Her work", &["work", "job", "employ"], CARE_HOME),
        point("R10.5", "Support from a domestic abuse service", &["domestic abuse", "abuse service", "support"], WOULD_ACCEPT_HELP),
        point("R10.5", "Mental health treatment", &["mental health", "cmht", "depress"], GP),
        point("RM.1", "Alcohol-related violence to people in authority", &["violen", "assault", "alcohol"], CONVICTIONS),
        point("RM.1", "Victim of domestic abuse at home", &["domestic abuse", "abus", "victim"], POLICE_CALLOUTS),
        point("RM.1", "Suicidal thoughts when drunk", &["suicid"], LOW_MOOD),
        point("RM.3", "Regular appointments", &["fortnight", "weekly", "appointment"], PREVIOUS_ORDER),
        point("RM.3", "A female practitioner, at the women's centre", &["female", "woman", "women"], A_WOMAN),
        point("RM.3", "At times that fit her shifts", &["shift", "rota"], SHIFTS),
        point("RM.4", "Alcohol treatment requirement reviews", &["alcohol treatment", "review", "atr"], ORDER),
        point("RM.4", "Checks with the police on call-outs", &["police", "call-out", "call out", "callout"], POLICE_CALLOUTS),
        point("RM.5", "Alcohol treatment", &["alcohol", "drink", "treatment"], ORDER),
        point("RM.5", "A domestic abuse service", &["domestic abuse", "abuse service"], WOULD_ACCEPT_HELP),
        point("RM.5", "A women's group", &["women", "woman", "female"], A_WOMAN),
        point("RM.5", "The community mental health team", &["mental health", "cmht"], GP),
        point("RM.6", "She is the person at risk at home", &["at risk", "safety", "victim"], PARTNER),
        point("RM.6", "A domestic violence adviser, with her consent", &["idva", "independent domestic", "domestic violence", "domestic abuse", "consent"], WOULD_ACCEPT_HELP),
        point("RM.6", "No joint appointments with her partner", &["joint", "partner", "separate"], PARTNER),
        point("RM.7", "If she feels suicidal: the procedure and her GP", &["suicid", "gp"], LOW_MOOD),
        point("RM.7", "An incident at home: safeguarding and MARAC", &["marac", "safeguard", "incident"], POLICE_CALLOUTS),
    ]
}
