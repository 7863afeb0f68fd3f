//! Domestic abuse with children in the household: an assault on a partner in front of two children.
//! Reference: RoSH High (children and the known adult, in the community); needs in relationships
//! (severe), alcohol, thinking and behaviour, and attitudes.

use jiff::civil;

use super::super::evidence::{cite, point, Citation, NarrativePoint};
use super::super::form::*;
use super::super::{CaseFile, ReferenceAssessment, SampleCase};
use crate::domain::answers::Answers;
use crate::domain::case::{CaseDetails, SentenceType, Sex};

pub(in crate::domain::practice) const CASE: SampleCase = SampleCase {
    id: "sample-domestic-abuse",
    title: "Domestic abuse with children in the household",
    details,
    case_file: CaseFile {
        offence_summary: "Mr Calderbrook was convicted of assault occasioning actual bodily harm and \
criminal damage. In February 2026, after drinking at home, he accused his partner of messaging \
another man, took her phone and smashed it, then pushed her against a kitchen unit and struck her \
repeatedly, causing a fractured cheekbone. Their son M, aged 7, and daughter E, aged 4, were in the \
next room; M called the police. No other adult was present and no one else was involved. His \
partner ended their relationship after the assault.

He pleaded not guilty, saying she had fallen against the unit, and was convicted after a trial on \
10 June 2026. He was sentenced to 16 months' imprisonment and released on licence on 2 October \
2026. A five-year restraining order forbids contact with the victim except through a family court \
arrangement.",
        previous_convictions: "Six sanctions since the age of 17: criminal damage (2005), assault on a \
former partner (2012), common assault on a man outside a pub (2015), drink driving (2016), assault \
on another former partner (2018) and the current offences. Both earlier assaults on partners \
happened at home after he had been drinking: in 2012 when he accused his partner of seeing someone \
else, and in 2018 when his partner told him she was leaving. The injuries have been more serious \
each time: a slap in 2012, a split lip and bruising in 2018 and now a fracture. He has no \
convictions for sexual offences and has never held a position of trust.

A previous community order with a domestic abuse programme requirement was revoked in 2019 after \
he was sentenced to custody for the 2018 assault; he did not start the programme. His previous \
assessments rated him Medium risk of serious harm. He has always attended court and has never \
absconded.",
        interview_notes: "Mr Calderbrook says the offence was 'a row that got out of hand' and that his \
ex-partner 'knows how to wind me up'. He accepts he hit her but says she fell against the unit. He \
says he only drinks at weekends but then 'a good few cans and a bottle of vodka'. He has never had \
help with his drinking and says it only became heavy in the last year, as the relationship broke \
down. He says he could cut down 'if I had to' but does not see drink as the problem. He says he has \
never used drugs, and no agency has recorded any drug use. He admits he checks partners' phones \
because he has been 'cheated on before'.

He grew up with a father who was violent to his mother and left home at 16. He is living with his \
mother, a condition of his licence, and is claiming benefits; he lost his job as a scaffolder when \
he was sent to prison but says he can get work again through a friend. He has worked as a \
scaffolder since he was 17, holds a scaffolder's card and has never been out of work for long \
except in custody. He reads and writes without difficulty. His mother is paying for his keep until \
his universal credit starts. He has no debts and no other income, though he says money has always \
gone on drink at weekends. His mother is happy for him to stay for now but has said it cannot be \
for good. He gets on with her, though she has told him she is ashamed of what he did, and he has \
had no contact with his father for years.

Before prison his time was spent at work or at home, and he does not mix with people who offend. \
There has been no reckless behaviour since the drink-driving conviction in 2016. Since his release \
he has seen no one but his mother and says he is finding it hard to cope without his children. He \
has never self-harmed, had suicidal thoughts or been treated for his mental health, and he \
describes his mood as fine and sees nothing wrong with himself. He reports no health problems or \
disability.

He is angry about the restraining order and wants to see his children. He has applied to the \
family court for contact and says he will 'sort it out' himself, but has no plan and had not \
thought about how another assault would affect his chances. He says he would like to meet someone \
new 'and start again'. He says he does not need 'a course' because he is 'not a wife-beater'. He \
was curt at interview and lost his temper twice when the children were mentioned, but calmed down \
when given time. He was not hostile to the police or to society in general, only to those he sees \
as keeping him from his children. He refused to fill in the self-assessment questionnaire, saying \
'you've already made your minds up'.",
        other_agencies: "Police: eleven domestic abuse call-outs since 2012 involving three partners; \
the victim was discussed at a multi-agency risk assessment conference (MARAC) in 2026 as high \
risk. Four of those call-outs were to the victim's home, the earliest in 2021. While on bail he \
sent her 40 messages in one night. The victim has told officers she is frightened of what he will \
do now he has been released. She is supported by an independent domestic violence adviser. \
Officers checked his mother's address before his release and raised no concerns about its \
location. No hate incidents are recorded.

Children's services: both children are subject to child protection plans under the category of \
emotional harm; the social worker reports the older child is frightened of his father. The \
victim and children live at an address he does not know. There is nothing to suggest a risk to \
children outside his family.

Prison: no adjudications and no violence towards staff or other prisoners; he did not engage with \
offending behaviour work while in custody. He coped well in custody and is not thought to be \
vulnerable to exploitation or bullying.",
    },
    reference,
};

fn details() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Darren Calderbrook".into(),
        crn: "Z900002".into(),
        date_of_birth: civil::date(1988, 7, 22),
        sex: Sex::Male,
        sentence_type: SentenceType::Licence,
        sentence_date: None,
        sentence_or_release_date: civil::date(2026, 10, 2),
        sentence_end_date: civil::date(2027, 6, 9),
    }
}

fn reference() -> ReferenceAssessment {
    let mut a = Answers::default();

    // 1. Offending information
    offence(&mut a, "abh", "00806");
    offence(&mut a, "damage", "14900");
    date(&mut a, "1.29", 10, 6, 2026);
    choose(&mut a, "1.30", "no");
    number(&mut a, "1.32", 6);
    number(&mut a, "1.8", 17);
    number(&mut a, "1.40", 4);
    date(&mut a, "1.38", 2, 10, 2026);

    // 2. Analysis of offences
    text(&mut a, "2.1", "Assault on his partner causing a fractured cheekbone, after smashing her phone, with their two children in the next room.");
    tick(&mut a, "2.2", &["violence", "damage", "domestic_abuse"]);
    tick(&mut a, "2.3", &["repeat"]);
    tick(&mut a, "2.4.1", &["adult"]);
    tick(&mut a, "2.4.2", &["partner"]);
    text(&mut a, "2.5", "A fractured cheekbone and fear; their children heard it and the older one called the police.");
    choose_each(&mut a, &[("2.6", "no"), ("2.7", "no")]);
    text(&mut a, "2.8", "Jealousy and control, after drinking.");
    tick(&mut a, "2.9", &["emotional"]);
    tick(&mut a, "2.10", &["alcohol"]);
    choose(&mut a, "2.11", "no");
    text(&mut a, "2.12", "Violence to three successive partners at home, usually after drinking and when he suspects infidelity.");
    choose_each(&mut a, &[("2.13", "yes"), ("2.14", "yes")]);
    linked(&mut a, "2", true, true);

    // 3. Accommodation: his mother's address, approved for his licence
    choose_each(
        &mut a,
        &[("3.3", "no"), ("3.4", "0"), ("3.5", "1"), ("3.6", "0")],
    );
    linked(&mut a, "3", false, false);

    // 4. Education, training and employability
    choose_each(
        &mut a,
        &[
            ("4.2", "yes"),
            ("4.3", "0"),
            ("4.4", "0"),
            ("4.5", "0"),
            ("4.7", "0"),
        ],
    );
    text(
        &mut a,
        "4.97",
        "A skilled scaffolder with a steady work record and a route back into work.",
    );
    linked(&mut a, "4", false, false);

    // 5. Financial management and income
    tick(&mut a, "5.1", &["benefits"]);
    choose_each(
        &mut a,
        &[
            ("5.2", "1"),
            ("5.3", "1"),
            ("5.4", "no"),
            ("5.5", "1"),
            ("5.6", "0"),
        ],
    );
    linked(&mut a, "5", false, false);

    // 6. Relationships
    choose_each(
        &mut a,
        &[
            ("6.1", "1"),
            ("6.3", "2"),
            ("6.4", "2"),
            ("6.6", "2"),
            ("6.7", "yes"),
        ],
    );
    tick(&mut a, "6.7.1", &["perpetrator"]);
    choose(&mut a, "6.8", "separated");
    linked(&mut a, "6", true, true);

    // 7. Lifestyle and associates
    choose_each(
        &mut a,
        &[("7.2", "0"), ("7.3", "no"), ("7.4", "1"), ("7.5", "no")],
    );
    linked(&mut a, "7", false, false);

    // 8. Drug misuse
    choose(&mut a, "8.1", "no");
    linked(&mut a, "8", false, false);

    // 9. Alcohol misuse
    choose_each(
        &mut a,
        &[
            ("9.1", "1"),
            ("9.2", "2"),
            ("9.3", "0"),
            ("9.4", "2"),
            ("9.5", "1"),
        ],
    );
    linked(&mut a, "9", true, true);

    // 10. Emotional well-being
    choose_each(
        &mut a,
        &[
            ("10.1", "1"),
            ("10.2", "0"),
            ("10.3", "1"),
            ("10.4", "0"),
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
            ("11.1", "1"),
            ("11.2", "1"),
            ("11.3", "2"),
            ("11.4", "2"),
            ("11.5", "2"),
            ("11.6", "1"),
            ("11.7", "1"),
            ("11.9", "2"),
        ],
    );
    linked(&mut a, "11", true, true);

    // 12. Attitudes
    choose_each(
        &mut a,
        &[
            ("12.1", "1"),
            ("12.4", "1"),
            ("12.5", "0"),
            ("12.8", "2"),
            ("12.9", "1"),
        ],
    );
    linked(&mut a, "12", true, true);

    // 13. Health and other considerations
    choose(&mut a, "13.1", "no");

    // Self-assessment questionnaire
    choose(&mut a, "SAQ.1", "refused");

    // RoSH screening
    choose_each(
        &mut a,
        &[
            ("R2.1", "no"),
            ("R2.2", "yes"),
            ("R2.3", "yes"),
            ("R2.4", "yes"),
            ("R2.5", "no"),
            ("R2.6", "no"),
            ("R3.1", "yes"),
            ("R4.1", "yes"),
            ("R4.2", "no"),
            ("R5.1", "no"),
            ("R5.2", "no"),
            ("R5.3", "no"),
            ("R5.4", "no"),
            ("R6.1", "no"),
            ("R6.2", "no"),
            ("R6.3", "no"),
        ],
    );

    // RoSH full analysis
    text(&mut a, "FA.1", "Repeated physical assaults on three successive partners at home, the latest causing a fracture, with children present; controlling behaviour (phone checking, 40 messages in one night while on bail).");
    text(&mut a, "FA.2", "Jealousy and suspicion of infidelity, heavy weekend drinking, and the end of a relationship. Violence escalates in severity with each partner.");
    child(&mut a, "child-1", "MC", 7, "Son", "Witnessed the assault and called the police; frightened of his father; emotional harm from living with domestic abuse.");
    child(&mut a, "child-2", "EC", 4, "Daughter", "Present in the home during the assault; could be harmed if caught up in violence towards her mother.");

    // RoSH summary
    text(&mut a, "R10.1", "His ex-partner (known adult), their two children, and any future partner and her children.");
    text(&mut a, "R10.2", "Physical violence causing serious injury, coercive control, and emotional harm to children who witness it.");
    text(&mut a, "R10.3", "Now, while he is angry about the restraining order; if he finds the victim's address; at the start of any new relationship.");
    text(&mut a, "R10.4", "Drinking, contact with the victim outside the court arrangement, a new relationship, and family court decisions that go against him.");
    text(&mut a, "R10.5", "Licence conditions, the restraining order, living with his mother, work, and completing a domestic abuse programme.");
    rate_every_cell(&mut a, "low");
    rate(&mut a, "children", "community", "high");
    rate(&mut a, "known_adult", "community", "high");
    rate(&mut a, "known_adult", "custody", "medium");

    // Risk management plan
    text(&mut a, "RM.1", "High RoSH to his ex-partner and their children; restraining order in place; children on child protection plans.");
    text(
        &mut a,
        "RM.2",
        "A MAPPA category 2 case (16 months in custody for violence), referred for level 2 management: High RoSH as a perpetrator of domestic abuse.",
    );
    text(&mut a, "RM.3", "Weekly appointments at the office; joint visits with the police at his mother's address; no home visits alone.");
    text(&mut a, "RM.4", "Licence conditions: no contact with the victim, an exclusion zone around her area, disclose any new relationship, alcohol monitoring.");
    text(&mut a, "RM.5", "Referral to an accredited domestic abuse programme; alcohol brief intervention; work with the family court on safe contact.");
    text(&mut a, "RM.6", "Victim liaison; the independent domestic violence adviser is informed of release and any change; information shared with children's services.");
    text(&mut a, "RM.7", "Any contact with the victim or children, or heavy drinking: urgent licence review and consideration of recall.");
    choose_each(&mut a, &[("RM.9", "2"), ("RM.10", "2")]);

    ReferenceAssessment {
        answers: a,
        rationale: vec![
            ("1", "ABH and criminal damage are the current offences; four of six sanctions involve violence."),
            ("2", "Violence, damage to her phone and domestic abuse; the third partner assaulted, each more seriously: an established pattern that is escalating. He minimises ('she fell'), so he neither accepts responsibility nor recognises the impact. Jealousy and drink. Linked to harm and to offending."),
            ("3", "Stable, approved address with his mother for the licence; only its permanence is in question. Not a need."),
            ("4", "Out of work only because of custody; a good work record and a route back. 2 is below the threshold of 3."),
            ("5", "Benefits while he looks for work; some reliance on his mother. Not linked."),
            ("6", "Abusive relationships with three partners, violence in his own childhood, and now separated under an order: 5, a severe need, linked to harm."),
            ("7", "His time is spent at home and at work, not with people who offend. Not a need."),
            ("8", "No drug misuse recorded by any agency."),
            ("9", "Weekend binges, and alcohol present in each assault: 4, a need, linked to harm."),
            ("10", "Some isolation since his release; no self-harm or mental health history."),
            ("11", "Controlling and aggressive, poor temper control, does not see the problem or his partner's view: 6, a need (aggression and temper, 11.3 and 11.4, are asked but are not part of the score)."),
            ("12", "Blames the victim and resents supervision and the order, not motivated to change: 4, a need, linked to harm."),
            ("13", "No health needs affecting engagement."),
            ("saq", "He refused the questionnaire; record the refusal."),
            ("rosh-screening", "Violence to others, domestic abuse, harassment while on bail, a restraining order and identifiable children at risk all call for Yes."),
            ("rosh-full", "Set out the pattern across three partners and each child by initials, with the concern for each."),
            ("rosh-summary", "Serious harm to his ex-partner and the children could happen at any time in the community and would be serious: High. Lower in custody, where contact is controlled."),
            ("rmp", "Victim safety comes first: licence conditions, victim liaison and children's services. 16 months in custody for violence makes him a MAPPA category 2 case; High RoSH as a perpetrator of domestic abuse calls for level 2."),
        ],
        evidence: evidence(),
        points: points(),
        key_goals: vec![
            "Keep to the restraining order and licence conditions: no contact with his ex-partner",
            "Complete a domestic abuse programme",
            "Cut down drinking so that it does not lead to violence",
            "Work with children's services and the family court on safe contact with his children",
        ],
    }
}

// Sentences of the case file that several answers or points rest on.
const CONVICTED: &str =
    "Mr Calderbrook was convicted of assault occasioning actual bodily harm and criminal damage.";
const ASSAULT: &str = "In February 2026, after drinking at home, he accused his partner of messaging another man, took her phone and smashed it, then pushed her against a kitchen unit and struck her repeatedly, causing a fractured cheekbone.";
const CHILDREN: &str =
    "Their son M, aged 7, and daughter E, aged 4, were in the next room; M called the police.";
const ENDED: &str = "His partner ended their relationship after the assault.";
const TRIAL: &str = "He pleaded not guilty, saying she had fallen against the unit, and was convicted after a trial on 10 June 2026.";
const SENTENCED: &str =
    "He was sentenced to 16 months' imprisonment and released on licence on 2 October 2026.";
const ORDER: &str = "A five-year restraining order forbids contact with the victim except through a family court arrangement.";
const SANCTIONS: &str = "Six sanctions since the age of 17: criminal damage (2005), assault on a former partner (2012), common assault on a man outside a pub (2015), drink driving (2016), assault on another former partner (2018) and the current offences.";
const EARLIER: &str = "Both earlier assaults on partners happened at home after he had been drinking: in 2012 when he accused his partner of seeing someone else, and in 2018 when his partner told him she was leaving.";
const ESCALATION: &str = "The injuries have been more serious each time: a slap in 2012, a split lip and bruising in 2018 and now a fracture.";
const PROGRAMME: &str = "A previous community order with a domestic abuse programme requirement was revoked in 2019 after he was sentenced to custody for the 2018 assault; he did not start the programme.";
const ROW: &str = "Mr Calderbrook says the offence was 'a row that got out of hand' and that his ex-partner 'knows how to wind me up'.";
const FELL: &str = "He accepts he hit her but says she fell against the unit.";
const WEEKENDS: &str =
    "He says he only drinks at weekends but then 'a good few cans and a bottle of vodka'.";
const CUT_DOWN: &str =
    "He says he could cut down 'if I had to' but does not see drink as the problem.";
const PHONES: &str =
    "He admits he checks partners' phones because he has been 'cheated on before'.";
const MOTHER: &str = "He is living with his mother, a condition of his licence, and is claiming benefits; he lost his job as a scaffolder when he was sent to prison but says he can get work again through a friend.";
const SCAFFOLDER: &str = "He has worked as a scaffolder since he was 17, holds a scaffolder's card and has never been out of work for long except in custody.";
const ANGRY: &str = "He is angry about the restraining order and wants to see his children.";
const FAMILY_COURT: &str = "He has applied to the family court for contact and says he will 'sort it out' himself, but has no plan and had not thought about how another assault would affect his chances.";
const SOMEONE_NEW: &str = "He says he would like to meet someone new 'and start again'.";
const NO_COURSE: &str = "He says he does not need 'a course' because he is 'not a wife-beater'.";
const CURT: &str = "He was curt at interview and lost his temper twice when the children were mentioned, but calmed down when given time.";
const SAQ_REFUSED: &str = "He refused to fill in the self-assessment questionnaire, saying 'you've already made your minds up'.";
const CALLOUTS: &str =
    "Police: eleven domestic abuse call-outs since 2012 involving three partners; the victim was discussed at a multi-agency risk assessment conference (MARAC) in 2026 as high risk.";
const BAIL: &str = "While on bail he sent her 40 messages in one night.";
const FRIGHTENED: &str =
    "The victim has told officers she is frightened of what he will do now he has been released.";
const IDVA: &str = "She is supported by an independent domestic violence adviser.";
const PROTECTION_PLANS: &str = "Children's services: both children are subject to child protection plans under the category of emotional harm; the social worker reports the older child is frightened of his father.";
const UNKNOWN_ADDRESS: &str = "The victim and children live at an address he does not know.";
const PRISON: &str = "Prison: no adjudications and no violence towards staff or other prisoners; he did not engage with offending behaviour work while in custody.";

/// The case-file sentence each reference answer rests on.
fn evidence() -> Vec<Citation> {
    vec![
        // 1. Offending information
        cite(&["1.1"], CONVICTED),
        cite(&["1.29", "2.11"], TRIAL),
        cite(&["1.38", "RM.9"], SENTENCED),
        cite(&["1.32", "1.8", "1.40", "2.14", "R2.2"], SANCTIONS),
        cite(&["1.30", "R6.2"], "He has no convictions for sexual offences and has never held a position of trust."),
        // 2. Analysis of offences
        cite(&["2.2", "2.4.1", "2.4.2", "2.9", "2.10", "2.98", "2.99", "9.4", "9.98", "9.99", "R2.2"], ASSAULT),
        cite(&["2.3"], "Four of those call-outs were to the victim's home, the earliest in 2021."),
        cite(&["2.3", "R2.4"], BAIL),
        cite(&["2.6", "2.11", "11.5", "11.9", "12.1"], ROW),
        cite(&["2.6", "2.11", "12.1"], FELL),
        cite(&["2.7"], "No other adult was present and no one else was involved."),
        cite(&["2.13", "2.14", "2.98"], ESCALATION),
        cite(&["2.9", "2.14", "9.4"], EARLIER),
        // 3. Accommodation
        cite(&["3.3", "3.4", "3.98", "3.99", "4.2", "5.1"], MOTHER),
        cite(&["3.5"], "His mother is happy for him to stay for now but has said it cannot be for good."),
        cite(&["3.6"], "Officers checked his mother's address before his release and raised no concerns about its location."),
        // 4. Education, training and employability
        cite(&["4.3", "4.4", "4.96", "4.98"], SCAFFOLDER),
        cite(&["4.5"], MOTHER),
        cite(&["4.7"], "He reads and writes without difficulty."),
        // 5. Financial management and income
        cite(&["5.2", "5.5", "5.98", "5.99"], "His mother is paying for his keep until his universal credit starts."),
        cite(&["5.3", "5.4", "5.6"], "He has no debts and no other income, though he says money has always gone on drink at weekends."),
        // 6. Relationships
        cite(&["6.1"], "He gets on with her, though she has told him she is ashamed of what he did, and he has had no contact with his father for years."),
        cite(&["6.3"], "He grew up with a father who was violent to his mother and left home at 16."),
        cite(&["6.4", "6.8"], ENDED),
        cite(&["6.4", "6.8", "R3.1"], ORDER),
        cite(&["6.6", "6.7", "6.7.1", "6.98", "6.99", "R2.3"], CALLOUTS),
        // 7. Lifestyle and associates
        cite(&["7.2", "7.3", "7.98", "7.99"], "Before prison his time was spent at work or at home, and he does not mix with people who offend."),
        cite(&["7.4", "11.3", "11.98", "11.99"], PHONES),
        cite(&["7.5"], "There has been no reckless behaviour since the drink-driving conviction in 2016."),
        // 8. Drug misuse
        cite(&["8.1", "8.98", "8.99"], "He says he has never used drugs, and no agency has recorded any drug use."),
        // 9. Alcohol misuse
        cite(&["9.1", "9.2"], WEEKENDS),
        cite(&["9.3"], "He has never had help with his drinking and says it only became heavy in the last year, as the relationship broke down."),
        cite(&["9.5"], CUT_DOWN),
        // 10. Emotional well-being
        cite(&["10.1", "10.3"], "Since his release he has seen no one but his mother and says he is finding it hard to cope without his children."),
        cite(&["10.2", "10.4", "10.5", "10.6", "10.7", "10.98", "10.99", "R5.1", "R5.2"], "He has never self-harmed, had suicidal thoughts or been treated for his mental health, and he describes his mood as fine and sees nothing wrong with himself."),
        // 11. Thinking and behaviour
        cite(&["11.1", "11.2", "11.4"], CURT),
        cite(&["11.6", "11.7"], FAMILY_COURT),
        cite(&["11.3", "11.4"], ASSAULT),
        // 12. Attitudes
        cite(&["12.4"], ANGRY),
        cite(&["12.5", "12.9"], "He was not hostile to the police or to society in general, only to those he sees as keeping him from his children."),
        cite(&["12.8", "12.98", "12.99"], NO_COURSE),
        cite(&["12.8"], PROGRAMME),
        // 13. Health
        cite(&["13.1"], "He reports no health problems or disability."),
        // Self-assessment
        cite(&["SAQ.1", "12.4"], SAQ_REFUSED),
        // RoSH screening
        cite(&["R2.1", "R6.3", "12.8"], PRISON),
        cite(&["R2.5"], "No hate incidents are recorded."),
        cite(&["R2.6"], "His previous assessments rated him Medium risk of serious harm."),
        cite(&["R4.1", "FA.3", "R10.6"], PROTECTION_PLANS),
        cite(&["R4.2"], "There is nothing to suggest a risk to children outside his family."),
        cite(&["R5.3", "R5.4"], "He coped well in custody and is not thought to be vulnerable to exploitation or bullying."),
        cite(&["R6.1"], "He has always attended court and has never absconded."),
        // RoSH full analysis: the children at risk
        cite(&["FA.3"], CHILDREN),
        // RoSH summary and MAPPA
        cite(&["R10.6", "RM.10"], CALLOUTS),
        cite(&["R10.6"], FRIGHTENED),
        // The narratives rest on the sentences their points cite (`points`).
    ]
}

/// The points each reference narrative makes, with their evidence and key words.
fn points() -> Vec<NarrativePoint> {
    vec![
        point(
            "2.1",
            "Assault causing a fractured cheekbone",
            &["assault", "fractur", "cheekbone", "injur"],
            ASSAULT,
        ),
        point(
            "2.1",
            "Her phone smashed",
            &["phone", "smash", "damag"],
            ASSAULT,
        ),
        point(
            "2.1",
            "The children in the next room",
            &["child", "son", "daughter"],
            CHILDREN,
        ),
        point(
            "2.5",
            "A fractured cheekbone",
            &["fractur", "cheekbone", "injur"],
            ASSAULT,
        ),
        point(
            "2.5",
            "Her fear",
            &["fear", "frighten", "afraid", "scared"],
            FRIGHTENED,
        ),
        point(
            "2.5",
            "The children heard it; the older one called the police",
            &["child", "son", "police"],
            CHILDREN,
        ),
        point(
            "2.8",
            "Jealousy: he accused her of messaging another man",
            &["jealous", "suspic", "infidel", "another man", "cheat"],
            ASSAULT,
        ),
        point("2.8", "Control", &["control", "phone"], PHONES),
        point(
            "2.8",
            "After drinking",
            &["drink", "drunk", "alcohol"],
            ASSAULT,
        ),
        point(
            "2.12",
            "Violence to three partners",
            &["three partners", "partner", "successive"],
            CALLOUTS,
        ),
        point(
            "2.12",
            "After drinking",
            &["drink", "drunk", "alcohol"],
            EARLIER,
        ),
        point(
            "2.12",
            "When he suspects infidelity",
            &["infidel", "suspect", "jealous", "cheat", "seeing someone"],
            EARLIER,
        ),
        point(
            "4.97",
            "A skilled scaffolder with a steady work record",
            &["scaffold", "skill", "work record", "steady"],
            SCAFFOLDER,
        ),
        point(
            "4.97",
            "A route back into work",
            &["route back", "back into work", "friend", "job"],
            MOTHER,
        ),
        point(
            "FA.1",
            "Assaults on three partners",
            &["partner", "successive"],
            CALLOUTS,
        ),
        point(
            "FA.1",
            "The latest caused a fracture",
            &["fractur", "cheekbone", "injur"],
            ASSAULT,
        ),
        point("FA.1", "Children present", &["child"], CHILDREN),
        point("FA.1", "Checking her phone", &["phone", "control"], PHONES),
        point(
            "FA.1",
            "40 messages in one night while on bail",
            &["messag", "bail", "harass"],
            BAIL,
        ),
        point(
            "FA.2",
            "Jealousy and suspicion of infidelity",
            &["jealous", "suspic", "infidel", "cheat"],
            PHONES,
        ),
        point(
            "FA.2",
            "Heavy weekend drinking",
            &["drink", "alcohol", "weekend", "binge"],
            WEEKENDS,
        ),
        point(
            "FA.2",
            "The end of a relationship",
            &["end of", "leav", "separat", "split"],
            EARLIER,
        ),
        point(
            "FA.2",
            "More serious with each partner",
            &["escalat", "severity", "more serious", "worse"],
            ESCALATION,
        ),
        point(
            "R10.1",
            "His ex-partner",
            &["ex partner", "former partner", "victim", "known adult"],
            ORDER,
        ),
        point(
            "R10.1",
            "Their two children",
            &["child", "son", "daughter"],
            PROTECTION_PLANS,
        ),
        point(
            "R10.1",
            "Any future partner",
            &["future", "new partner", "any partner"],
            CALLOUTS,
        ),
        point(
            "R10.2",
            "Violence causing serious injury",
            &["violen", "injur", "fractur", "assault"],
            ASSAULT,
        ),
        point(
            "R10.2",
            "Coercive control",
            &["control", "coerci", "harass", "stalk"],
            BAIL,
        ),
        point(
            "R10.2",
            "Emotional harm to children who witness it",
            &["emotional", "child", "witness"],
            PROTECTION_PLANS,
        ),
        point(
            "R10.3",
            "Now, while he is angry about the order",
            &["angry", "anger", "restraining", "release"],
            ANGRY,
        ),
        point(
            "R10.3",
            "If he finds her address",
            &["address", "find"],
            UNKNOWN_ADDRESS,
        ),
        point(
            "R10.3",
            "At the start of a new relationship",
            &["new relationship", "new partner", "relationship"],
            SOMEONE_NEW,
        ),
        point("R10.4", "Drinking", &["drink", "alcohol"], WEEKENDS),
        point(
            "R10.4",
            "Contact with the victim outside the arrangement",
            &["contact", "restraining"],
            ORDER,
        ),
        point(
            "R10.4",
            "A new relationship",
            &["new relationship", "new partner", "relationship"],
            SOMEONE_NEW,
        ),
        point(
            "R10.4",
            "Family court decisions",
            &["family court", "court", "contact with the children"],
            FAMILY_COURT,
        ),
        point("R10.5", "Licence conditions", &["licence"], MOTHER),
        point(
            "R10.5",
            "The restraining order",
            &["restraining", "order"],
            ORDER,
        ),
        point("R10.5", "Living with his mother", &["mother"], MOTHER),
        point(
            "R10.5",
            "Work",
            &["work", "job", "employ", "scaffold"],
            SCAFFOLDER,
        ),
        point(
            "R10.5",
            "A domestic abuse programme",
            &["programme", "course"],
            PROGRAMME,
        ),
        point(
            "RM.1",
            "High risk to his ex-partner and children",
            &["high", "ex partner", "victim"],
            CALLOUTS,
        ),
        point("RM.1", "The restraining order", &["restraining"], ORDER),
        point(
            "RM.1",
            "Child protection plans",
            &["child protection", "protection plan", "children's services"],
            PROTECTION_PLANS,
        ),
        point(
            "RM.2",
            "MAPPA category 2: 16 months in custody for violence",
            &["category 2", "mappa", "16 months", "12 months"],
            SENTENCED,
        ),
        point(
            "RM.2",
            "Level 2: High RoSH as a perpetrator of domestic abuse",
            &["level 2", "high", "domestic abuse"],
            CALLOUTS,
        ),
        point(
            "RM.3",
            "Weekly appointments",
            &["weekly", "appointment"],
            CALLOUTS,
        ),
        point(
            "RM.3",
            "Joint visits with the police at his mother's",
            &["joint", "police", "mother"],
            MOTHER,
        ),
        point(
            "RM.3",
            "No lone home visits",
            &["alone", "lone", "staff safety"],
            CURT,
        ),
        point(
            "RM.4",
            "No contact with the victim",
            &["no contact", "contact", "victim"],
            ORDER,
        ),
        point(
            "RM.4",
            "An exclusion zone",
            &["exclusion", "zone"],
            UNKNOWN_ADDRESS,
        ),
        point(
            "RM.4",
            "Disclose any new relationship",
            &["disclos", "new relationship"],
            SOMEONE_NEW,
        ),
        point(
            "RM.4",
            "Alcohol monitoring",
            &["alcohol", "drink", "tag"],
            WEEKENDS,
        ),
        point(
            "RM.5",
            "A domestic abuse programme",
            &["programme", "course", "accredited"],
            NO_COURSE,
        ),
        point(
            "RM.5",
            "Help with drinking",
            &["alcohol", "drink"],
            CUT_DOWN,
        ),
        point(
            "RM.5",
            "Safe contact through the family court",
            &["family court", "contact"],
            FAMILY_COURT,
        ),
        point(
            "RM.6",
            "Victim liaison",
            &["victim liaison", "victim"],
            FRIGHTENED,
        ),
        point(
            "RM.6",
            "The independent domestic violence adviser",
            &["idva", "independent domestic", "adviser"],
            IDVA,
        ),
        point(
            "RM.6",
            "Sharing with children's services",
            &["children's services", "social worker"],
            PROTECTION_PLANS,
        ),
        point(
            "RM.7",
            "Any contact with the victim or children",
            &["contact"],
            BAIL,
        ),
        point("RM.7", "Heavy drinking", &["drink", "alcohol"], WEEKENDS),
        point(
            "RM.7",
            "Licence review and recall",
            &["recall", "licence review"],
            SENTENCED,
        ),
    ]
}
