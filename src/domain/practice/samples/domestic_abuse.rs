//! Domestic abuse with children in the household: an assault on a partner in front of two children.
//! Reference: RoSH High (children and the known adult, in the community); needs in relationships
//! (severe), alcohol, thinking and behaviour, and attitudes.

use jiff::civil;

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
repeatedly, causing a fractured cheekbone. Their two children, aged 7 and 4, were in the next room; \
the older child called the police.

He was sentenced to 16 months' imprisonment and released on licence in October 2026. A five-year \
restraining order forbids contact with the victim except through a family court arrangement.",
        previous_convictions: "Six sanctions since the age of 17: two for assault on former partners \
(2012 and 2018), one for common assault on a man outside a pub (2015), drink driving (2016), \
criminal damage (2018) and the current offences.

A previous community order with a domestic abuse programme requirement was revoked in 2019 after \
he was sentenced to custody for the 2018 assault; he did not start the programme.",
        interview_notes: "Mr Calderbrook says the offence was 'a row that got out of hand' and that his \
ex-partner 'knows how to wind me up'. He accepts he hit her but says she fell against the unit. He \
says he only drinks at weekends but then 'a good few cans and a bottle of vodka'. He admits he \
checks partners' phones because he has been 'cheated on before'.

He grew up with a father who was violent to his mother and left home at 16. He is living with his \
mother, a condition of his licence, and is claiming benefits; he lost his job as a scaffolder when \
he was sent to prison but says he can get work again through a friend.

He is angry about the restraining order and wants to see his children. He refused to fill in the \
self-assessment questionnaire, saying 'you've already made your minds up'.",
        other_agencies: "Police: eleven domestic abuse call-outs over eight years involving three \
partners; the victim was discussed at a multi-agency risk assessment conference (MARAC) in 2026 as \
high risk. While on bail he sent her 40 messages in one night.

Children's services: both children are subject to child protection plans under the category of \
emotional harm; the social worker reports the older child is frightened of his father. The \
victim and children live at an address he does not know.

Prison: no adjudications; he did not engage with offending behaviour work while in custody.",
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
        key_goals: vec![
            "Keep to the restraining order and licence conditions: no contact with his ex-partner",
            "Complete a domestic abuse programme",
            "Cut down drinking so that it does not lead to violence",
            "Work with children's services and the family court on safe contact with his children",
        ],
    }
}
