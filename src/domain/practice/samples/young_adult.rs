//! A young adult with violence and unstable accommodation: a street assault, sofa-surfing since
//! leaving home. Reference: RoSH Medium (the public); needs in accommodation (severe),
//! employability, relationships, lifestyle (severe), drugs, alcohol, thinking and behaviour, and
//! attitudes.

use jiff::civil;

use super::super::evidence::{cite, point, Citation, NarrativePoint};
use super::super::form::*;
use super::super::{CaseFile, ReferenceAssessment, SampleCase};
use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType, Sex};

pub(in crate::domain::practice) const CASE: SampleCase = SampleCase {
    id: "sample-young-adult",
    title: "Young adult with violence and unstable accommodation",
    details,
    case_file: CaseFile {
        offence_summary: "Mr Quennock was convicted of inflicting grievous bodily harm. Late one \
night in April 2026, outside a takeaway, he and two friends argued with a man they did not know \
about a spilt drink. The man, aged 22, was on his way home from a night out. Mr Quennock punched \
the man, who fell and hit his head on the kerb, then kicked him once while he was on the ground. \
The victim needed stitches and had concussion.

CCTV shows Mr Quennock had been drinking and that he walked away laughing. He pleaded guilty and \
was convicted on 29 June 2026. On 20 July 2026 the court imposed a 20-month suspended sentence \
order with 150 hours of unpaid work, 20 rehabilitation activity requirement days and a 60-day \
alcohol abstinence monitoring requirement.",
        previous_convictions:
            "Four sanctions since the age of 14: a youth caution for theft (2019), a \
referral order for common assault on another pupil (2021), a fine for possession of cannabis \
(2023) and the current offence.

He completed the referral order, though with several missed sessions. No convictions for sexual \
or weapons offences. No threats or assaults on staff are recorded. He has never been in custody, \
held a position of trust or been subject to a civil or protective order.",
        interview_notes: "Mr Quennock is 21. He left his mother's home after a row with his \
stepfather last year and has stayed with a series of friends since, currently on a sofa in a \
flat where 'there's always people round'. He has no address of his own and no idea where he will \
be next month. The flat is near the town centre, where he and his friends spend their weekend \
nights.

He left school at 15 with no qualifications after exclusions, and has had two short jobs in a \
warehouse, both lost for lateness. He says he struggles with reading and needs letters explained \
to him. He says he would like to be a mechanic. He is not working and claims universal credit, \
which runs out within days; he relies on friends for food and small loans and owes them about \
£150. He denies doing 'jobs' for anyone and says he has no other money.

He smokes cannabis every day 'to chill' and drinks heavily at weekends with the same group of \
friends; he took ecstasy at parties when he was younger. He has never injected drugs. He says \
cannabis is 'no big deal' and he buys only a little from a friend, but would cut down if it got \
in the way of a job. He started drinking at 14 and accepts he drinks 'too much' at weekends, \
but thinks he can cut down without help. He says he 'can't back down' when someone disrespects him.

He said he felt bad when he saw the CCTV and would like to say sorry. He says his friends were \
egging him on and he did not want to look soft in front of them. He admits he does 'stupid \
stuff' for a laugh when he is with the group. He could not say what he would do differently next \
time, and says he 'never thinks that far ahead'. He thinks a fight is 'normal' on a night out \
and says the police 'always pick on' lads like him. He arrived on time for his first \
appointment and says he wants to 'get it done properly this time'. He filled in the \
self-assessment questionnaire: yes to housing, work, money, friends, drugs and drinking and to \
losing his temper; sometimes to feeling low and acting without thinking. He said he wants to \
stop offending.

He describes a disrupted childhood: his father left when he was small, the family moved often \
and he was in trouble at school from the age of 11. He has hardly spoken to his mother since he \
left and says she always takes his stepfather's side. He has had a few short relationships, none \
of them violent, and has no partner now. He says he gets low and 'stressed out' when he has \
nowhere to stay and sometimes feels 'like a waste of space', but he is rarely on his own. He cut \
himself at 15 but says he has not since. He has never had thoughts of suicide and has never seen \
a psychiatrist.",
        other_agencies:
            "Police: named in intelligence as on the edge of a group of young men involved \
in street disorder and suspected of running errands for older drug dealers. No weapons found. No \
domestic abuse. No intelligence of harassment, stalking or hate incidents.

Youth offending team (closed record): ADHD diagnosed at school, medication stopped at 16; \
dyslexia. Described as likeable and responsive to a consistent worker. He kept appointments best \
when they were short and he had a text reminder the day before. The last youth offending team \
assessment, in 2021, rated him Medium risk of serious harm to the public.

Housing: no application made. Children's services: no involvement; he has no children. Victim \
liaison: the victim has been offered the victim contact scheme.",
    },
    reference,
};

fn details() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Tyler Quennock".into(),
        crn: "Z900003".into(),
        date_of_birth: civil::date(2005, 2, 3),
        sex: Sex::Male,
        sentence_type: SentenceType::SuspendedSentenceOrder,
        sentence_date: None,
        sentence_or_release_date: civil::date(2026, 7, 20),
        sentence_end_date: civil::date(2028, 3, 19),
    }
}

fn reference() -> ReferenceAssessment {
    let mut a = Answers::default();

    // 1. Offending information
    offence(&mut a, "gbh", "00801");
    date(&mut a, "1.29", 29, 6, 2026);
    choose(&mut a, "1.30", "no");
    number(&mut a, "1.32", 4);
    number(&mut a, "1.8", 14);
    number(&mut a, "1.40", 2);
    date(&mut a, "1.38", 20, 7, 2026);

    // 2. Analysis of offences
    text(&mut a, "2.1", "Punched a stranger outside a takeaway after an argument over a spilt drink, then kicked him on the ground; the victim had stitches and concussion.");
    tick(&mut a, "2.2", &["violence"]);
    tick(&mut a, "2.4.1", &["adult"]);
    tick(&mut a, "2.4.2", &["stranger"]);
    choose_each(&mut a, &[("2.6", "yes"), ("2.7", "yes")]);
    number(&mut a, "2.7.1", 2);
    choose(&mut a, "2.7.2", "yes");
    text(
        &mut a,
        "2.8",
        "Perceived disrespect in front of friends, after drinking.",
    );
    tick(&mut a, "2.9", &["emotional"]);
    tick(&mut a, "2.10", &["alcohol"]);
    choose_each(&mut a, &[("2.11", "yes"), ("2.13", "yes"), ("2.14", "yes")]);
    linked(&mut a, "2", true, true);

    // 3. Accommodation: sofa-surfing
    choose_each(
        &mut a,
        &[("3.3", "yes"), ("3.4", "2"), ("3.5", "2"), ("3.6", "1")],
    );
    linked(&mut a, "3", false, true);

    // 4. Education, training and employability
    choose_each(
        &mut a,
        &[
            ("4.2", "yes"),
            ("4.3", "2"),
            ("4.4", "1"),
            ("4.5", "0"),
            ("4.7", "1"),
        ],
    );
    text(&mut a, "4.97", "Wants to train as a mechanic.");
    linked(&mut a, "4", false, true);

    // 5. Financial management and income
    tick(&mut a, "5.1", &["benefits", "family"]);
    choose_each(
        &mut a,
        &[
            ("5.2", "2"),
            ("5.3", "1"),
            ("5.4", "no"),
            ("5.5", "2"),
            ("5.6", "1"),
        ],
    );
    linked(&mut a, "5", false, false);

    // 6. Relationships
    choose_each(
        &mut a,
        &[
            ("6.1", "2"),
            ("6.3", "2"),
            ("6.4", "0"),
            ("6.6", "0"),
            ("6.7", "no"),
            ("6.8", "single"),
        ],
    );
    linked(&mut a, "6", false, true);

    // 7. Lifestyle and associates
    choose_each(
        &mut a,
        &[("7.2", "2"), ("7.3", "yes"), ("7.4", "0"), ("7.5", "yes")],
    );
    linked(&mut a, "7", true, true);

    // 8. Drug misuse
    choose(&mut a, "8.1", "yes");
    cell(&mut a, "8.2", "cannabis", "current", "yes");
    cell(&mut a, "8.2", "ecstasy", "previous", "yes");
    choose_each(
        &mut a,
        &[
            ("8.4", "1"),
            ("8.5", "2"),
            ("8.6", "0"),
            ("8.8", "1"),
            ("8.9", "0"),
        ],
    );
    linked(&mut a, "8", false, false);

    // 9. Alcohol misuse
    choose_each(
        &mut a,
        &[
            ("9.1", "1"),
            ("9.2", "2"),
            ("9.3", "1"),
            ("9.4", "1"),
            ("9.5", "1"),
        ],
    );
    linked(&mut a, "9", true, true);

    // 10. Emotional well-being
    choose_each(
        &mut a,
        &[
            ("10.1", "1"),
            ("10.2", "1"),
            ("10.3", "0"),
            ("10.4", "1"),
            ("10.5", "yes"),
            ("10.6", "0"),
            ("10.7", "no"),
        ],
    );
    linked(&mut a, "10", false, false);

    // 11. Thinking and behaviour
    choose_each(
        &mut a,
        &[
            ("11.1", "1"),
            ("11.2", "2"),
            ("11.3", "1"),
            ("11.4", "2"),
            ("11.5", "1"),
            ("11.6", "1"),
            ("11.7", "2"),
            ("11.9", "1"),
        ],
    );
    linked(&mut a, "11", true, true);

    // 12. Attitudes
    choose_each(
        &mut a,
        &[
            ("12.1", "1"),
            ("12.4", "0"),
            ("12.5", "1"),
            ("12.8", "1"),
            ("12.9", "1"),
        ],
    );
    linked(&mut a, "12", true, true);

    // 13. Health and other considerations
    choose(&mut a, "13.1", "yes");
    text(&mut a, "13.2", "ADHD (no medication since 16) and dyslexia: short appointments, written reminders by text, information read through with him.");

    // Self-assessment questionnaire
    self_assessment(
        &mut a,
        &[
            ("accommodation", "yes", true),
            ("employment", "yes", true),
            ("money", "yes", false),
            ("relationships", "no", false),
            ("friends", "yes", true),
            ("drugs", "yes", false),
            ("alcohol", "yes", true),
            ("feelings", "sometimes", false),
            ("impulsive", "sometimes", true),
            ("temper", "yes", true),
            ("offending_ok", "no", false),
            ("stop", "yes", false),
        ],
    );

    // RoSH screening
    cell(&mut a, "R1.2", "wounding", "current", "yes");
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
            ("R5.1", "no"),
            ("R5.2", "no"),
            ("R5.3", "no"),
            ("R5.4", "yes"),
            ("R6.1", "no"),
            ("R6.2", "no"),
            ("R6.3", "no"),
        ],
    );

    text(&mut a, "R5.2.reason", "Self-harmed once at 15 (10.5), none since and no current indicators: the risk of self-harm is not current.");

    // RoSH full analysis
    text(&mut a, "FA.1", "Violence to strangers (and once to another pupil) in public places, in a group, after drinking; a kick to a man on the ground.");
    text(&mut a, "FA.2", "Perceived disrespect in front of peers, alcohol at weekends, late nights in the town centre.");
    text(&mut a, "FA.4", "Self-harm at 15, none since. Vulnerable to exploitation by older drug dealers and to losing his sofa at short notice.");

    // RoSH summary
    text(
        &mut a,
        "R10.1",
        "Members of the public, particularly young men he comes across in the night-time economy.",
    );
    text(
        &mut a,
        "R10.2",
        "Physical violence causing injury; the risk of a fall or a kick causing serious harm.",
    );
    text(
        &mut a,
        "R10.3",
        "Weekend nights when drinking with his friends.",
    );
    text(&mut a, "R10.4", "Drinking, losing his sofa, pressure from the group or older associates, a perceived insult.");
    text(
        &mut a,
        "R10.5",
        "Settled housing, work or training, the alcohol abstinence requirement, and his remorse.",
    );
    rate_every_cell(&mut a, "low");
    rate(&mut a, "public", "community", "medium");

    // Risk management plan
    text(&mut a, "RM.1", "Street violence after drinking, no home of his own, on the edge of a group involved in disorder.");
    text(
        &mut a,
        "RM.3",
        "Weekly appointments with the same practitioner, short and at the same time each week.",
    );
    text(
        &mut a,
        "RM.4",
        "Alcohol abstinence monitoring for 60 days; police intelligence checks on his associates.",
    );
    text(&mut a, "RM.5", "Thinking skills work; housing referral for a young person's supported scheme; training referral towards mechanics; alcohol and cannabis support.");
    text(
        &mut a,
        "RM.6",
        "The victim is a stranger; victim contact scheme offered through the court.",
    );
    text(&mut a, "RM.7", "Further violence, a positive alcohol reading or signs of exploitation: bring appointments forward and consider breach or a safeguarding referral.");
    choose(&mut a, "RM.9", "none");

    ReferenceAssessment {
        answers: a,
        rationale: vec![
            ("1", "GBH (section 20) is the current offence; two of four sanctions involve violence, starting at 14."),
            ("2", "Violence to a stranger, with two friends and in front of them, after drinking, more serious than his previous assault: a pattern that is escalating. He shows remorse and accepts responsibility. Linked to harm."),
            ("3", "Sofa-surfing in a busy flat with no address of his own counts as transient: 7, a severe need, linked to offending."),
            ("4", "Never held work, no qualifications, some literacy difficulty (4.7, not part of the score), but keen: 5, a need."),
            ("5", "Benefits and help from friends; often out of money. Not linked."),
            ("6", "Estranged from his mother after a row with his stepfather; a disrupted childhood: 4, a need."),
            ("7", "Spends time with a group involved in disorder, easily led and reckless: 6, a severe need, linked to harm."),
            ("8", "Daily cannabis but not a major activity or linked to the offence: 4, a need, not linked."),
            ("9", "Weekend binges and alcohol in the current offence: 5, a need, linked to harm."),
            ("10", "Past self-harm and some low mood; no current psychiatric problems."),
            ("11", "Impulsive, poor temper, does not think ahead: 5, a need, linked to harm."),
            ("12", "Some pro-criminal attitudes from the group but engages with supervision: 3, a need."),
            ("13", "ADHD and dyslexia affect how he engages; record the adjustments."),
            ("saq", "He completed the questionnaire; tick the links he and the file agree on."),
            ("rosh-screening", "The current offence is a wounding; he has assaulted others, and he is vulnerable to exploitation, so the full analysis is needed."),
            ("rosh-full", "Describe the pattern of group violence in public, and his vulnerability."),
            ("rosh-summary", "Identifiable indicators of harm to the public when drinking, unlikely to cause serious harm unless circumstances change: Medium for the public in the community."),
            ("rmp", "Stability and alcohol are the levers; safeguarding if exploitation is suspected. A suspended sentence does not make him a MAPPA case."),
        ],
        evidence: evidence(),
        points: points(),
        key_goals: vec![
            "Find a settled place to live, through a young person's supported housing scheme",
            "Learn to walk away when he feels disrespected",
            "Cut down weekend drinking",
            "Start training towards work as a mechanic",
        ],
    }
}

/// The case-file sentence each reference answer rests on.
fn evidence() -> Vec<Citation> {
    vec![
        // 1. Offending information
        cite(&["1.1", "R1.2"], "Mr Quennock was convicted of inflicting grievous bodily harm."),
        cite(&["1.29", "2.11"], "He pleaded guilty and was convicted on 29 June 2026."),
        cite(&["1.38", "RM.9"], "On 20 July 2026 the court imposed a 20-month suspended sentence order with 150 hours of unpaid work, 20 rehabilitation activity requirement days and a 60-day alcohol abstinence monitoring requirement."),
        cite(&["1.32", "1.8", "1.40", "2.13", "2.14", "2.98", "2.99", "R2.2"], "Four sanctions since the age of 14: a youth caution for theft (2019), a referral order for common assault on another pupil (2021), a fine for possession of cannabis (2023) and the current offence."),
        cite(&["1.30"], "No convictions for sexual or weapons offences."),
        // 2. Analysis of offences
        cite(&["2.4.2", "2.7", "2.7.1"], "Late one night in April 2026, outside a takeaway, he and two friends argued with a man they did not know about a spilt drink."),
        cite(&["2.4.1"], "The man, aged 22, was on his way home from a night out."),
        cite(&["2.2", "2.99", "R2.2", "R10.6"], "Mr Quennock punched the man, who fell and hit his head on the kerb, then kicked him once while he was on the ground."),
        cite(&["2.6", "2.11", "11.9", "12.8"], "He said he felt bad when he saw the CCTV and would like to say sorry."),
        cite(&["2.7.2", "7.3", "7.98", "7.99"], "He says his friends were egging him on and he did not want to look soft in front of them."),
        cite(&["2.9", "11.3", "11.4", "11.98", "11.99"], "He says he 'can't back down' when someone disrespects him."),
        cite(&["2.10", "9.4", "9.98", "9.99"], "CCTV shows Mr Quennock had been drinking and that he walked away laughing."),
        // 3. Accommodation
        cite(&["3.3", "3.4", "6.98", "6.99"], "He left his mother's home after a row with his stepfather last year and has stayed with a series of friends since, currently on a sofa in a flat where 'there's always people round'."),
        cite(&["3.3", "3.5", "3.98", "3.99"], "He has no address of his own and no idea where he will be next month."),
        cite(&["3.6"], "The flat is near the town centre, where he and his friends spend their weekend nights."),
        // 4. Education, training and employability
        cite(&["4.3", "4.4", "4.96", "4.98"], "He left school at 15 with no qualifications after exclusions, and has had two short jobs in a warehouse, both lost for lateness."),
        cite(&["4.5"], "He says he would like to be a mechanic."),
        cite(&["4.7"], "He says he struggles with reading and needs letters explained to him."),
        cite(&["4.7", "13.1"], "Youth offending team (closed record): ADHD diagnosed at school, medication stopped at 16; dyslexia."),
        // 5. Financial management and income
        cite(&["4.2", "5.1", "5.2", "5.3", "5.5", "5.6", "5.98", "5.99"], "He is not working and claims universal credit, which runs out within days; he relies on friends for food and small loans and owes them about £150."),
        cite(&["5.4"], "He denies doing 'jobs' for anyone and says he has no other money."),
        // 6. Relationships
        cite(&["6.1"], "He has hardly spoken to his mother since he left and says she always takes his stepfather's side."),
        cite(&["6.3"], "He describes a disrupted childhood: his father left when he was small, the family moved often and he was in trouble at school from the age of 11."),
        cite(&["6.4", "6.6", "6.8"], "He has had a few short relationships, none of them violent, and has no partner now."),
        cite(&["6.7", "R2.3"], "No domestic abuse."),
        // 7. Lifestyle and associates
        cite(&["7.2", "8.1", "8.2", "8.4", "8.5", "9.1", "9.2"], "He smokes cannabis every day 'to chill' and drinks heavily at weekends with the same group of friends; he took ecstasy at parties when he was younger."),
        cite(&["7.2", "7.3", "7.4", "7.98", "R5.4"], "Police: named in intelligence as on the edge of a group of young men involved in street disorder and suspected of running errands for older drug dealers."),
        cite(&["7.5", "11.2"], "He admits he does 'stupid stuff' for a laugh when he is with the group."),
        // 8. Drug misuse
        cite(&["8.6"], "He has never injected drugs."),
        cite(&["8.8", "8.9", "8.98", "8.99"], "He says cannabis is 'no big deal' and he buys only a little from a friend, but would cut down if it got in the way of a job."),
        // 9. Alcohol misuse
        cite(&["9.3", "9.5"], "He started drinking at 14 and accepts he drinks 'too much' at weekends, but thinks he can cut down without help."),
        // 10. Emotional well-being
        cite(&["10.1", "10.2", "10.3", "10.4", "10.98", "10.99"], "He says he gets low and 'stressed out' when he has nowhere to stay and sometimes feels 'like a waste of space', but he is rarely on his own."),
        cite(&["10.5", "R5.2"], "He cut himself at 15 but says he has not since."),
        cite(&["10.6", "10.7", "R5.1"], "He has never had thoughts of suicide and has never seen a psychiatrist."),
        // 11. Thinking and behaviour
        cite(&["11.1", "12.4"], "Described as likeable and responsive to a consistent worker."),
        cite(&["11.2", "13.1"], "Youth offending team (closed record): ADHD diagnosed at school, medication stopped at 16; dyslexia."),
        cite(&["11.5", "11.6", "11.7", "11.98", "11.99"], "He could not say what he would do differently next time, and says he 'never thinks that far ahead'."),
        // 12. Attitudes
        cite(&["12.1", "12.5", "12.9", "12.98", "12.99"], "He thinks a fight is 'normal' on a night out and says the police 'always pick on' lads like him."),
        cite(&["12.4", "12.8"], "He arrived on time for his first appointment and says he wants to 'get it done properly this time'."),
        // Self-assessment
        cite(&["SAQ.1", "SAQ.2"], "He filled in the self-assessment questionnaire: yes to housing, work, money, friends, drugs and drinking and to losing his temper; sometimes to feeling low and acting without thinking."),
        cite(&["SAQ.2"], "He said he wants to stop offending."),
        // RoSH screening
        cite(&["R2.1"], "No threats or assaults on staff are recorded."),
        cite(&["R2.4", "R2.5"], "No intelligence of harassment, stalking or hate incidents."),
        cite(&["R2.6", "R10.6"], "The last youth offending team assessment, in 2021, rated him Medium risk of serious harm to the public."),
        cite(&["R3.1", "R5.3", "R6.1", "R6.2", "R6.3"], "He has never been in custody, held a position of trust or been subject to a civil or protective order."),
        cite(&["R4.1", "R4.2"], "Children's services: no involvement; he has no children."),
        // The narratives rest on the sentences their points cite (`points`).
    ]
}

/// The points each reference narrative makes, with their evidence and key words.
fn points() -> Vec<NarrativePoint> {
    const ARGUMENT: &str = "Late one night in April 2026, outside a takeaway, he and two friends argued with a man they did not know about a spilt drink.";
    const PUNCH_KICK: &str = "Mr Quennock punched the man, who fell and hit his head on the kerb, then kicked him once while he was on the ground.";
    const INJURIES: &str = "The victim needed stitches and had concussion.";
    const DRINKING: &str =
        "CCTV shows Mr Quennock had been drinking and that he walked away laughing.";
    const ORDER: &str = "On 20 July 2026 the court imposed a 20-month suspended sentence order with 150 hours of unpaid work, 20 rehabilitation activity requirement days and a 60-day alcohol abstinence monitoring requirement.";
    const SANCTIONS: &str = "Four sanctions since the age of 14: a youth caution for theft (2019), a referral order for common assault on another pupil (2021), a fine for possession of cannabis (2023) and the current offence.";
    const BACK_DOWN: &str = "He says he 'can't back down' when someone disrespects him.";
    const EGGED_ON: &str =
        "He says his friends were egging him on and he did not want to look soft in front of them.";
    const WEEKENDS: &str = "He smokes cannabis every day 'to chill' and drinks heavily at weekends with the same group of friends; he took ecstasy at parties when he was younger.";
    const TOWN_CENTRE: &str =
        "The flat is near the town centre, where he and his friends spend their weekend nights.";
    const NO_ADDRESS: &str =
        "He has no address of his own and no idea where he will be next month.";
    const GROUP: &str = "Police: named in intelligence as on the edge of a group of young men involved in street disorder and suspected of running errands for older drug dealers.";
    const CUT: &str = "He cut himself at 15 but says he has not since.";
    const MECHANIC: &str = "He says he would like to be a mechanic.";
    const NO_HOUSING: &str = "Housing: no application made.";
    const YOT: &str = "Youth offending team (closed record): ADHD diagnosed at school, medication stopped at 16; dyslexia.";
    const SHORT_VISITS: &str =
        "He kept appointments best when they were short and he had a text reminder the day before.";
    vec![
        point("2.1", "A stranger, outside a takeaway, over a spilt drink", &["stranger", "takeaway", "spilt", "drink"], ARGUMENT),
        point("2.1", "A punch, then a kick on the ground", &["punch", "kick"], PUNCH_KICK),
        point("2.1", "Stitches and concussion", &["stitch", "concussion", "injur"], INJURIES),
        point("2.8", "Perceived disrespect", &["disrespect", "insult", "back down"], BACK_DOWN),
        point("2.8", "In front of his friends", &["friend", "peer", "group"], EGGED_ON),
        point("2.8", "After drinking", &["drink", "alcohol", "drunk"], DRINKING),
        point("4.97", "Wants to be a mechanic", &["mechanic", "motor", "garage"], MECHANIC),
        point("13.2", "ADHD, unmedicated since 16", &["adhd", "medication"], YOT),
        point("13.2", "Dyslexia", &["dyslexi"], YOT),
        point("13.2", "Short appointments and text reminders", &["short", "text", "remind"], SHORT_VISITS),
        point("13.2", "Information read through with him", &["read", "explain"], "He says he struggles with reading and needs letters explained to him."),
        point("R5.2.reason", "Self-harm at 15, none since", &["self harm", "cut"], CUT),
        point("R5.2.reason", "No current indicators", &["current", "indicator", "suicid"], "He has never had thoughts of suicide and has never seen a psychiatrist."),
        point("FA.1", "Violence to strangers in public", &["stranger", "public"], ARGUMENT),
        point("FA.1", "An earlier assault on another pupil", &["pupil", "school", "previous assault"], SANCTIONS),
        point("FA.1", "In a group", &["group", "friend"], ARGUMENT),
        point("FA.1", "After drinking", &["drink", "alcohol"], DRINKING),
        point("FA.1", "A kick to a man on the ground", &["kick", "ground"], PUNCH_KICK),
        point("FA.2", "Perceived disrespect", &["disrespect", "insult", "back down"], BACK_DOWN),
        point("FA.2", "In front of his peers", &["peer", "friend", "group"], EGGED_ON),
        point("FA.2", "Alcohol at weekends", &["alcohol", "drink", "weekend"], WEEKENDS),
        point("FA.2", "Late nights in the town centre", &["night", "town centre"], TOWN_CENTRE),
        point("FA.4", "Self-harm at 15, none since", &["self harm", "cut"], CUT),
        point("FA.4", "Vulnerable to exploitation by older drug dealers", &["exploit", "dealer", "errand"], GROUP),
        point("FA.4", "Could lose his sofa at short notice", &["sofa", "homeless", "short notice"], NO_ADDRESS),
        point("R10.1", "Members of the public", &["public", "stranger"], ARGUMENT),
        point("R10.1", "Young men out at night", &["young men", "night"], "The man, aged 22, was on his way home from a night out."),
        point("R10.2", "Violence causing injury", &["violen", "injur", "stitch", "concussion"], INJURIES),
        point("R10.2", "A fall or a kick could cause serious harm", &["fall", "kick", "head"], PUNCH_KICK),
        point("R10.3", "Weekend nights", &["weekend", "night"], TOWN_CENTRE),
        point("R10.3", "Drinking with his friends", &["drink", "alcohol", "friend"], WEEKENDS),
        point("R10.4", "Drinking", &["drink", "alcohol"], DRINKING),
        point("R10.4", "Losing his sofa", &["sofa", "homeless", "housing"], NO_ADDRESS),
        point("R10.4", "Pressure from the group or older associates", &["group", "associate", "peer", "dealer"], GROUP),
        point("R10.4", "A perceived insult", &["insult", "disrespect", "back down"], BACK_DOWN),
        point("R10.5", "Settled housing", &["housing", "accommodation", "home"], NO_HOUSING),
        point("R10.5", "Work or training", &["work", "training", "job", "mechanic"], MECHANIC),
        point("R10.5", "The alcohol abstinence requirement", &["abstinence", "alcohol"], ORDER),
        point("R10.5", "His remorse", &["remorse", "sorry", "regret"], "He said he felt bad when he saw the CCTV and would like to say sorry."),
        point("RM.1", "Street violence after drinking", &["violen", "drink", "alcohol"], DRINKING),
        point("RM.1", "No home of his own", &["home", "housing", "sofa", "address"], NO_ADDRESS),
        point("RM.1", "On the edge of a group involved in disorder", &["group", "disorder", "associate"], GROUP),
        point("RM.3", "The same practitioner every time", &["same practitioner", "consistent", "same worker"], "Described as likeable and responsive to a consistent worker."),
        point("RM.3", "Short, regular appointments", &["short", "weekly", "same time"], SHORT_VISITS),
        point("RM.4", "Alcohol abstinence monitoring", &["abstinence", "alcohol", "tag"], ORDER),
        point("RM.4", "Police checks on his associates", &["police", "intelligence", "associate"], GROUP),
        point("RM.5", "Thinking skills work", &["thinking", "consequence"], "He could not say what he would do differently next time, and says he 'never thinks that far ahead'."),
        point("RM.5", "A housing referral", &["housing", "supported"], NO_HOUSING),
        point("RM.5", "Training towards mechanics", &["mechanic", "training"], MECHANIC),
        point("RM.5", "Alcohol and cannabis support", &["alcohol", "cannabis", "drink", "drug"], WEEKENDS),
        point("RM.6", "The victim is a stranger", &["stranger"], ARGUMENT),
        point("RM.6", "The victim contact scheme", &["victim contact", "victim liaison"], "Victim liaison: the victim has been offered the victim contact scheme."),
        point("RM.7", "Further violence", &["violen", "assault"], SANCTIONS),
        point("RM.7", "A positive alcohol reading", &["alcohol", "reading", "abstinence"], ORDER),
        point("RM.7", "Signs of exploitation: safeguarding", &["exploit", "safeguard"], GROUP),
    ]
}
