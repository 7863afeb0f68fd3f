//! Acquisitive offending and drug misuse: repeated shop theft to fund heroin and crack use.
//! Reference: RoSH Low; needs in accommodation, employability, lifestyle, drugs (severe) and
//! attitudes.

use jiff::civil;

use super::super::evidence::{cite, point, Citation, NarrativePoint};
use super::super::form::*;
use super::super::{CaseFile, ReferenceAssessment, SampleCase};
use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType, Sex};

pub(in crate::domain::practice) const CASE: SampleCase = SampleCase {
    id: "sample-acquisitive",
    title: "Acquisitive offending and drug misuse",
    details,
    case_file: CaseFile {
        offence_summary: "Mr Brackenfield was convicted of two offences of theft from a shop. On two \
afternoons in July 2026 he took meat, cheese and razor blades worth a total of £212 from two \
supermarkets in the city centre, concealing the items in a holdall. He was alone on both \
occasions. Store security detained him on the second occasion and he was arrested without \
resistance.

He pleaded guilty at the first hearing and was convicted on 14 August 2026. On 4 September 2026 \
the court imposed a 12-month community order with a drug rehabilitation requirement and 10 \
rehabilitation activity requirement days. There was no violence or threat to staff.",
        previous_convictions: "24 sanctions since the age of 15, almost all theft from shops, handling \
stolen goods and possession of class A drugs. One conviction for going equipped for theft (2019).

No convictions for violence, weapons or sexual offences. Three previous community orders: two were \
breached for missed appointments; one drug rehabilitation requirement was completed in 2021, after \
which he stayed drug-free for about eight months. Every previous assessment rated him Low risk of \
serious harm. He has never been to prison, held a position of trust or been subject to a civil or \
protective order.",
        interview_notes: "Mr Brackenfield was open about stealing to pay for heroin and crack cocaine. He \
says he spends about £60 a day and 'grafts' every day to fund it, selling the goods to a man who \
runs a takeaway. He injected heroin for about two years but says he has smoked it since an abscess \
in 2024. He would like a methadone script again but says 'last time they messed me about'.

He was evicted from a council flat in March 2026 for rent arrears and is sleeping on his mother's \
sofa. She has told him he must leave by Christmas. He has not worked since a warehouse job ended \
when he was 22, has no qualifications, but says he was good at fixing bikes.

He sees the shops as 'insured, nobody gets hurt'. He says he acts on the spur of the moment when he \
is clucking and does not think about getting caught. He spends his days with other users around \
the bus station. He filled in the self-assessment questionnaire: he said yes to problems with \
housing, work, money and drugs, sometimes to friends, feeling low and acting without thinking, and \
that he wants to stop offending.

He grew up with his mother and sister in the city and describes an ordinary, settled childhood. He \
drank heavily in his twenties, before heroin, but now has the odd can and says drink has never made \
him violent. He has had two girlfriends, both relationships ending without trouble, and has no \
partner now. He says his mother 'does her nut' about his using, but they get on. His mother gives \
him money most weeks, which she cannot afford. Her flat is five minutes' walk from the bus station. \
He sees his mother and sister every day and speaks to an aunt most weeks, but says he feels low and \
useless and struggles to cope when money runs out. He has never self-harmed or had thoughts of \
suicide, and has never seen a psychiatrist. He reads and writes well. He says he would work 'if \
something came up' but has never looked. He claims universal credit, owes the council £1,400 in \
rent arrears and owes another user £300 for drugs. He was polite and thoughtful at interview, but \
saw his offending only as a money problem and had few ideas of his own for stopping. He has always \
kept his appointments when he has been on a script, and bears no grudge against the police or the \
courts. He says he is at his best in the mornings, before he needs to score.",
        other_agencies: "Police: no intelligence of violence, weapons, dealing, harassment or hate \
incidents, and none of him being exploited; known to associate with other prolific shop thieves. No domestic abuse call-outs at any address.

Drug and alcohol service: previously on a methadone script (2020 to 2021), discharged after missed \
appointments in 2022. Hepatitis C positive in 2023, treatment not yet started.

Housing options: owed a relief duty; no hostel bed offered yet. Children's services: no involvement; \
Mr Brackenfield has no children.",
    },
    reference,
};

fn details() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Wesley Brackenfield".into(),
        crn: "Z900001".into(),
        date_of_birth: civil::date(1991, 4, 12),
        sex: Sex::Male,
        sentence_type: SentenceType::CommunityOrder,
        sentence_date: None,
        sentence_or_release_date: civil::date(2026, 9, 4),
        sentence_end_date: civil::date(2027, 9, 3),
    }
}

fn reference() -> ReferenceAssessment {
    let mut a = Answers::default();

    // 1. Offending information
    offence(&mut a, "theft-1", "04600");
    offence(&mut a, "theft-2", "04600");
    date(&mut a, "1.29", 14, 8, 2026);
    choose(&mut a, "1.30", "no");
    number(&mut a, "1.32", 24);
    number(&mut a, "1.8", 15);
    number(&mut a, "1.40", 0);
    date(&mut a, "1.38", 4, 9, 2026);

    // 2. Analysis of offences
    text(&mut a, "2.1", "Two thefts of meat, cheese and razor blades (£212 in total) from city-centre supermarkets, taken to sell to fund heroin and crack cocaine use.");
    tick(&mut a, "2.4.2", &["stranger"]);
    choose_each(&mut a, &[("2.6", "no"), ("2.7", "no")]);
    text(
        &mut a,
        "2.8",
        "To raise money for drugs; items chosen because they are easy to sell on.",
    );
    tick(&mut a, "2.9", &["financial", "addiction"]);
    choose_each(&mut a, &[("2.11", "yes"), ("2.13", "no"), ("2.14", "yes")]);
    linked(&mut a, "2", false, true);

    // 3. Accommodation: sofa at his mother's, must leave by Christmas
    choose_each(
        &mut a,
        &[("3.3", "no"), ("3.4", "1"), ("3.5", "2"), ("3.6", "1")],
    );
    linked(&mut a, "3", false, true);

    // 4. Education, training and employability
    choose_each(
        &mut a,
        &[
            ("4.2", "yes"),
            ("4.3", "2"),
            ("4.4", "1"),
            ("4.5", "1"),
            ("4.7", "0"),
        ],
    );
    text(
        &mut a,
        "4.97",
        "Good with his hands: fixed bikes as a teenager.",
    );
    linked(&mut a, "4", false, true);

    // 5. Financial management and income
    tick(&mut a, "5.1", &["benefits", "illegal"]);
    choose_each(
        &mut a,
        &[
            ("5.2", "2"),
            ("5.3", "2"),
            ("5.4", "yes"),
            ("5.5", "1"),
            ("5.6", "1"),
        ],
    );
    linked(&mut a, "5", false, true);

    // 6. Relationships
    choose_each(
        &mut a,
        &[
            ("6.1", "1"),
            ("6.3", "0"),
            ("6.4", "0"),
            ("6.6", "0"),
            ("6.7", "no"),
            ("6.8", "single"),
        ],
    );
    linked(&mut a, "6", false, false);

    // 7. Lifestyle and associates
    choose_each(
        &mut a,
        &[
            ("7.2", "2"),
            ("7.3", "sometimes"),
            ("7.4", "0"),
            ("7.5", "sometimes"),
        ],
    );
    linked(&mut a, "7", false, true);

    // 8. Drug misuse
    choose(&mut a, "8.1", "yes");
    cell(&mut a, "8.2", "heroin", "current", "yes");
    cell(&mut a, "8.2", "heroin", "injected", "yes");
    cell(&mut a, "8.2", "crack", "current", "yes");
    choose_each(
        &mut a,
        &[
            ("8.4", "2"),
            ("8.5", "2"),
            ("8.6", "1"),
            ("8.8", "1"),
            ("8.9", "2"),
        ],
    );
    linked(&mut a, "8", false, true);

    // 9. Alcohol misuse
    choose_each(
        &mut a,
        &[
            ("9.1", "0"),
            ("9.2", "0"),
            ("9.3", "1"),
            ("9.4", "0"),
            ("9.5", "0"),
        ],
    );
    linked(&mut a, "9", false, false);

    // 10. Emotional well-being
    choose_each(
        &mut a,
        &[
            ("10.1", "1"),
            ("10.2", "1"),
            ("10.3", "0"),
            ("10.4", "1"),
            ("10.5", "no"),
            ("10.6", "0"),
            ("10.7", "no"),
        ],
    );
    linked(&mut a, "10", false, false);

    // 11. Thinking and behaviour
    choose_each(
        &mut a,
        &[
            ("11.1", "0"),
            ("11.2", "2"),
            ("11.3", "0"),
            ("11.4", "0"),
            ("11.5", "1"),
            ("11.6", "1"),
            ("11.7", "1"),
            ("11.9", "0"),
        ],
    );
    linked(&mut a, "11", false, true);

    // 12. Attitudes
    choose_each(
        &mut a,
        &[
            ("12.1", "1"),
            ("12.4", "0"),
            ("12.5", "0"),
            ("12.8", "1"),
            ("12.9", "0"),
        ],
    );
    linked(&mut a, "12", false, true);

    // 13. Health and other considerations
    choose(&mut a, "13.1", "yes");
    text(&mut a, "13.2", "Hepatitis C, not yet treated. History of an injecting abscess. Appointments in the morning are more likely to be kept.");

    // Self-assessment questionnaire
    self_assessment(
        &mut a,
        &[
            ("accommodation", "yes", true),
            ("employment", "yes", true),
            ("money", "yes", true),
            ("relationships", "no", false),
            ("friends", "sometimes", true),
            ("drugs", "yes", true),
            ("alcohol", "no", false),
            ("feelings", "sometimes", false),
            ("impulsive", "sometimes", true),
            ("temper", "no", false),
            ("offending_ok", "no", false),
            ("stop", "yes", false),
        ],
    );

    // RoSH screening: nothing of concern, so no full analysis
    for code in [
        "R2.1", "R2.2", "R2.3", "R2.4", "R2.5", "R2.6", "R3.1", "R4.1", "R4.2", "R5.1", "R5.2",
        "R5.3", "R5.4", "R6.1", "R6.2", "R6.3",
    ] {
        choose(&mut a, code, "no");
    }

    // RoSH summary
    text(&mut a, "R10.1", "No group is identified as at risk of serious harm. Shop staff and the retail trade suffer loss.");
    text(&mut a, "R10.2", "Financial loss through theft. No violence, threats or weapons in the current or previous offences.");
    text(
        &mut a,
        "R10.3",
        "When he is withdrawing from heroin and has no money.",
    );
    text(&mut a, "R10.4", "Losing his mother's sofa and sleeping rough; a confrontation with security staff while withdrawing.");
    text(
        &mut a,
        "R10.5",
        "A methadone script, stable housing, and the drug rehabilitation requirement.",
    );
    rate_every_cell(&mut a, "low");

    // Risk management plan
    text(
        &mut a,
        "RM.1",
        "Prolific theft to fund daily heroin and crack use; housing about to end.",
    );
    text(&mut a, "RM.3", "Weekly appointments with the probation practitioner for the first 12 weeks, alongside the drug rehabilitation requirement.");
    text(&mut a, "RM.4", "Drug testing under the drug rehabilitation requirement; liaison with the police integrated offender management team.");
    text(&mut a, "RM.5", "Referral for an opiate substitute prescription; housing options referral; employment support once stable.");
    text(
        &mut a,
        "RM.6",
        "No identified victim. Retail crime partnership informed of the order.",
    );
    text(&mut a, "RM.7", "If he leaves his mother's address, same-day referral to the rough sleeper team. Missed tests or appointments discussed with the drug service before any breach.");
    choose(&mut a, "RM.9", "none");

    ReferenceAssessment {
        answers: a,
        rationale: vec![
            ("1", "Two shop thefts are the current offences; 24 sanctions from age 15 and none for violence."),
            ("2", "An established pattern of theft to fund drugs (financial, and to fund an addiction), no more serious than before. He acted alone and accepts responsibility but does not see the shops as victims, so 2.6 is No. Not linked to serious harm: no violence or threats."),
            ("3", "Not of no fixed abode (he has his mother's sofa), but the arrangement ends at Christmas (3.5 significant) and is not his own home. A need, linked to offending: homelessness has preceded past reoffending."),
            ("4", "Unemployed for over ten years, no qualifications, some practical skills and lukewarm interest in work: 6, a need."),
            ("5", "Benefits and illegal earnings, rent arrears and a drug debt. Not scored for need, but linked to offending."),
            ("6", "He gets on with his mother despite the strain; no partner, no domestic abuse. Not a need."),
            ("7", "Days spent with other users at the bus station; sometimes led by them and sometimes reckless: 4, a need."),
            ("8", "Daily heroin and crack, injected previously, only quite motivated after a failed script, and using is his main activity: 8, a severe need, and the clearest link to offending."),
            ("9", "Drinks little now; he drank heavily in his twenties, before heroin (9.3 some problems). Not a need."),
            ("10", "Some low mood and low self-worth, no self-harm or psychiatric history. Not linked to harm or offending."),
            ("11", "Acts on impulse when withdrawing and gives little thought to consequences, but is polite and thoughtful when well: 3, below the threshold of 4 (his impulsivity, 11.2, is asked but is not part of the score)."),
            ("12", "Minimises the harm to shops ('nobody gets hurt') but engages with supervision and is quite motivated: 2, a need."),
            ("13", "Hepatitis C and an abscess history affect engagement and are recorded."),
            ("saq", "He completed the questionnaire; his answers match the file, so tick links for housing, work, money, friends, drugs and impulsivity."),
            ("rosh-screening", "No violence, threats, domestic abuse, orders, risk to children or vulnerability to record: every answer is No, so no full analysis is needed."),
            ("rosh-summary", "Current evidence does not indicate a likelihood of serious harm to anyone: Low in every cell."),
            ("rmp", "Optional at Low RoSH, but worth writing: the plan is about drug treatment, housing and stability rather than harm. Not a MAPPA case."),
        ],
        evidence: evidence(),
        points: points(),
        key_goals: vec![
            "Start an opiate substitute prescription and stop using heroin and crack",
            "Find settled accommodation before leaving his mother's address",
            "Manage money and debts without stealing",
        ],
    }
}

/// The case-file sentence each reference answer rests on.
fn evidence() -> Vec<Citation> {
    vec![
        // 1. Offending information
        cite(&["1.1"], "Mr Brackenfield was convicted of two offences of theft from a shop."),
        cite(&["1.29", "2.11"], "He pleaded guilty at the first hearing and was convicted on 14 August 2026."),
        cite(&["1.38"], "On 4 September 2026 the court imposed a 12-month community order with a drug rehabilitation requirement and 10 rehabilitation activity requirement days."),
        cite(&["1.32", "1.8", "2.14", "2.98"], "24 sanctions since the age of 15, almost all theft from shops, handling stolen goods and possession of class A drugs."),
        cite(&["1.30", "1.40", "2.99", "R2.2", "R10.6", "RM.9"], "No convictions for violence, weapons or sexual offences."),
        // 2. Analysis of offences
        cite(&["2.4.2"], "On two afternoons in July 2026 he took meat, cheese and razor blades worth a total of £212 from two supermarkets in the city centre, concealing the items in a holdall."),
        cite(&["2.7"], "He was alone on both occasions."),
        cite(&["2.6", "12.1", "12.98"], "He sees the shops as 'insured, nobody gets hurt'."),
        cite(&["2.9", "8.1", "8.2", "8.98", "8.99"], "Mr Brackenfield was open about stealing to pay for heroin and crack cocaine."),
        cite(&["2.13", "R2.1", "R10.6"], "There was no violence or threat to staff."),
        // 3. Accommodation
        cite(&["3.3", "3.4", "3.98"], "He was evicted from a council flat in March 2026 for rent arrears and is sleeping on his mother's sofa."),
        cite(&["3.5", "3.99"], "She has told him he must leave by Christmas."),
        cite(&["3.6"], "Her flat is five minutes' walk from the bus station."),
        // 4. Education, training and employability
        cite(&["4.2", "4.3", "4.4", "4.96", "4.98"], "He has not worked since a warehouse job ended when he was 22, has no qualifications, but says he was good at fixing bikes."),
        cite(&["4.5"], "He says he would work 'if something came up' but has never looked."),
        cite(&["4.7"], "He reads and writes well."),
        // 5. Financial management and income
        cite(&["5.1", "5.2", "5.3", "5.6", "5.98"], "He claims universal credit, owes the council £1,400 in rent arrears and owes another user £300 for drugs."),
        cite(&["5.1", "5.4", "5.99", "8.4", "8.5", "8.9"], "He says he spends about £60 a day and 'grafts' every day to fund it, selling the goods to a man who runs a takeaway."),
        cite(&["5.5"], "His mother gives him money most weeks, which she cannot afford."),
        // 6. Relationships
        cite(&["6.1", "6.98", "6.99"], "He says his mother 'does her nut' about his using, but they get on."),
        cite(&["6.3"], "He grew up with his mother and sister in the city and describes an ordinary, settled childhood."),
        cite(&["6.4", "6.6", "6.8"], "He has had two girlfriends, both relationships ending without trouble, and has no partner now."),
        cite(&["6.7", "R2.3"], "No domestic abuse call-outs at any address."),
        // 7. Lifestyle and associates
        cite(&["7.2", "7.98", "7.99"], "He spends his days with other users around the bus station."),
        cite(&["7.3", "7.4", "R2.4", "R2.5", "R5.4"], "Police: no intelligence of violence, weapons, dealing, harassment or hate incidents, and none of him being exploited; known to associate with other prolific shop thieves."),
        cite(&["7.5", "11.2", "11.7", "11.99"], "He says he acts on the spur of the moment when he is clucking and does not think about getting caught."),
        // 8. Drug misuse
        cite(&["8.2", "8.6"], "He injected heroin for about two years but says he has smoked it since an abscess in 2024."),
        cite(&["8.8", "12.8"], "He would like a methadone script again but says 'last time they messed me about'."),
        // 9. Alcohol misuse
        cite(&["9.1", "9.2", "9.3", "9.4", "9.5", "9.98", "9.99"], "He drank heavily in his twenties, before heroin, but now has the odd can and says drink has never made him violent."),
        // 10. Emotional well-being
        cite(&["10.1", "10.2", "10.3", "10.4", "10.98", "10.99"], "He sees his mother and sister every day and speaks to an aunt most weeks, but says he feels low and useless and struggles to cope when money runs out."),
        cite(&["10.5", "10.6", "10.7", "R5.1", "R5.2"], "He has never self-harmed or had thoughts of suicide, and has never seen a psychiatrist."),
        // 11. Thinking and behaviour
        cite(&["11.1", "11.5", "11.6", "11.9", "11.98"], "He was polite and thoughtful at interview, but saw his offending only as a money problem and had few ideas of his own for stopping."),
        cite(&["11.3", "11.4"], "There was no violence or threat to staff."),
        // 12. Attitudes
        cite(&["12.4", "12.5", "12.9", "12.99"], "He has always kept his appointments when he has been on a script, and bears no grudge against the police or the courts."),
        // 13. Health
        cite(&["13.1", "13.2"], "Hepatitis C positive in 2023, treatment not yet started."),
        // Self-assessment
        cite(&["SAQ.1", "SAQ.2"], "He filled in the self-assessment questionnaire: he said yes to problems with housing, work, money and drugs, sometimes to friends, feeling low and acting without thinking, and that he wants to stop offending."),
        // RoSH screening
        cite(&["R2.6", "R10.6"], "Every previous assessment rated him Low risk of serious harm."),
        cite(&["R3.1", "R5.3", "R6.1", "R6.2", "R6.3"], "He has never been to prison, held a position of trust or been subject to a civil or protective order."),
        cite(&["R4.1", "R4.2"], "Children's services: no involvement; Mr Brackenfield has no children."),
        // The narratives rest on the sentences their points cite (`points`).
    ]
}

/// The points each reference narrative makes, with their evidence and key words.
fn points() -> Vec<NarrativePoint> {
    const THEFTS: &str = "On two afternoons in July 2026 he took meat, cheese and razor blades worth a total of £212 from two supermarkets in the city centre, concealing the items in a holdall.";
    const FOR_DRUGS: &str =
        "Mr Brackenfield was open about stealing to pay for heroin and crack cocaine.";
    const DAILY_USE: &str = "He says he spends about £60 a day and 'grafts' every day to fund it, selling the goods to a man who runs a takeaway.";
    const MUST_LEAVE: &str = "She has told him he must leave by Christmas.";
    const SCRIPT: &str =
        "He would like a methadone script again but says 'last time they messed me about'.";
    const ORDER: &str = "On 4 September 2026 the court imposed a 12-month community order with a drug rehabilitation requirement and 10 rehabilitation activity requirement days.";
    const HOUSING_DUTY: &str = "Housing options: owed a relief duty; no hostel bed offered yet.";
    const NO_WORK: &str = "He has not worked since a warehouse job ended when he was 22, has no qualifications, but says he was good at fixing bikes.";
    const BREACHES: &str = "Three previous community orders: two were breached for missed appointments; one drug rehabilitation requirement was completed in 2021, after which he stayed drug-free for about eight months.";
    const SECURITY: &str = "Store security detained him on the second occasion and he was arrested without resistance.";
    vec![
        point("2.1", "What was taken, and from where", &["supermarket", "shop", "meat", "razor"], THEFTS),
        point("2.1", "Stolen to fund heroin and crack", &["heroin", "crack", "drug"], FOR_DRUGS),
        point("2.8", "Money for drugs", &["drug", "heroin", "crack"], FOR_DRUGS),
        point("2.8", "Goods chosen to sell on", &["sell", "resale", "fence"], DAILY_USE),
        point("4.97", "Practical skills: fixing bikes", &["bike", "bicycle", "hands", "practical"], NO_WORK),
        point("13.2", "Hepatitis C, not yet treated", &["hepatitis", "hep c"], "Hepatitis C positive in 2023, treatment not yet started."),
        point("13.2", "An abscess from injecting", &["abscess", "inject"], "He injected heroin for about two years but says he has smoked it since an abscess in 2024."),
        point("13.2", "Mornings suit him best", &["morning"], "He says he is at his best in the mornings, before he needs to score."),
        point("R10.1", "Shops and their staff bear the loss; no one at serious risk", &["shop", "retail", "staff"], "There was no violence or threat to staff."),
        point("R10.2", "Financial loss through theft", &["financial", "loss", "theft"], THEFTS),
        point("R10.2", "No violence, threats or weapons", &["violen", "threat", "weapon"], "No convictions for violence, weapons or sexual offences."),
        point("R10.3", "While withdrawing", &["withdraw", "clucking"], "He says he acts on the spur of the moment when he is clucking and does not think about getting caught."),
        point("R10.3", "When he has no money", &["money", "cash", "skint"], DAILY_USE),
        point("R10.4", "Losing his place at his mother's", &["sofa", "homeless", "rough", "mother"], MUST_LEAVE),
        point("R10.4", "Being stopped by security staff", &["security", "confront"], SECURITY),
        point("R10.5", "A substitute prescription", &["methadone", "script", "prescri", "substitute"], SCRIPT),
        point("R10.5", "Stable housing", &["housing", "accommodation", "home"], HOUSING_DUTY),
        point("R10.5", "The drug rehabilitation requirement", &["rehabilitation requirement", "drr", "treatment"], ORDER),
        point("RM.1", "Prolific theft", &["prolific", "theft", "steal"], "24 sanctions since the age of 15, almost all theft from shops, handling stolen goods and possession of class A drugs."),
        point("RM.1", "Daily heroin and crack use", &["heroin", "crack", "drug"], DAILY_USE),
        point("RM.1", "His housing is about to end", &["housing", "sofa", "leave", "evict"], MUST_LEAVE),
        point("RM.3", "Frequent appointments", &["weekly", "appointment"], BREACHES),
        point("RM.3", "Alongside the drug rehabilitation requirement", &["rehabilitation requirement", "drr"], ORDER),
        point("RM.4", "Drug testing", &["test"], ORDER),
        point("RM.4", "Liaison with the police", &["police", "integrated offender", "iom"], "Police: no intelligence of violence, weapons, dealing, harassment or hate incidents, and none of him being exploited; known to associate with other prolific shop thieves."),
        point("RM.5", "A substitute prescription", &["opiate substitute", "methadone", "script", "prescri"], SCRIPT),
        point("RM.5", "A housing referral", &["housing"], HOUSING_DUTY),
        point("RM.5", "Work, once stable", &["employ", "work", "job"], NO_WORK),
        point("RM.6", "No identified victim", &["victim"], THEFTS),
        point("RM.7", "If he has to leave his mother's", &["rough sleep", "mother", "address", "homeless"], MUST_LEAVE),
        point("RM.7", "Missed appointments before any breach", &["miss", "breach"], BREACHES),
    ]
}
