//! Profiles, the countersigning rules table, readiness, changes between versions and the timeline.

use jiff::civil::date;

use super::transition_tests::{case_in, officer, second_senior, senior};
use super::*;
use crate::domain::answers::{Answer, Answers};
use crate::domain::plan::{
    Actor, Agreement, AreaOfNeed, GoalDetails, GoalTarget, GoalTiming, SentencePlan, StepDetails,
};
use crate::domain::rosh::{RoshLevel, ROSH_GRID_ITEM};

const AT: &str = "2026-11-25T14:03:07Z";

#[test]
fn grades_read_as_officers_say_them_and_only_seniors_countersign() {
    for grade in Grade::ALL {
        assert_eq!(Grade::from_code(grade.code()), Some(grade));
        let json = serde_json::to_string(&grade).unwrap();
        assert_eq!(json, format!("\"{}\"", grade.code()));
    }
    assert_eq!(Grade::TraineePqip.label(), "Trainee (PQiP)");
    assert_eq!(Grade::HeadOfService.short_label(), "Head of service");
    let seniors: Vec<Grade> = Grade::ALL
        .into_iter()
        .filter(|g| g.can_countersign())
        .collect();
    assert_eq!(seniors, [Grade::Spo, Grade::HeadOfService]);
}

#[test]
fn a_profile_needs_a_name_and_a_grade() {
    assert_eq!(
        Profile::new("   ", Grade::Po),
        Err(ProfileError::NameMissing)
    );
    let long = "a".repeat(PROFILE_NAME_MAX_CHARS + 1);
    assert_eq!(
        Profile::new(&long, Grade::Po),
        Err(ProfileError::NameTooLong)
    );
    let form = ProfileForm::default();
    let errors = form.validate().unwrap_err();
    assert_eq!(
        errors.for_field(profile_fields::NAME),
        Some("Enter your name")
    );
    assert_eq!(
        errors.for_field(profile_fields::GRADE),
        Some("Select your grade")
    );
    let form = ProfileForm {
        name: " Sam  Patel".into(),
        grade: "spo".into(),
    };
    let profile = form.validate().unwrap();
    assert_eq!(
        profile,
        Profile {
            name: "Sam Patel".into(),
            grade: Grade::Spo
        }
    );
    assert_eq!(ProfileForm::from_profile(&profile).validate(), Ok(profile));
}

fn facts(rosh: Option<RoshLevel>, children: bool, mappa: bool, first: bool) -> CaseFacts {
    CaseFacts {
        rosh,
        identifiable_children_at_risk: children,
        mappa_referral: mappa,
        first_assessment_of_supervision: first,
    }
}

#[test]
fn the_rules_table_gives_every_reason_that_applies() {
    let quiet = facts(Some(RoshLevel::Medium), false, false, false);
    let trainee = "countersigning needed: trainee (PQiP) assessments are always countersigned";
    let pso =
        "countersigning needed: assessments by unapproved staff (PSO) are always countersigned";
    let table: [(CaseFacts, &[&str]); 8] = [
        (quiet, &[]),
        (facts(None, false, false, false), &[]),
        (facts(Some(RoshLevel::Low), false, false, false), &[]),
        (
            facts(Some(RoshLevel::High), false, false, false),
            &["countersigning needed: RoSH High"],
        ),
        (
            facts(Some(RoshLevel::VeryHigh), false, false, false),
            &["countersigning needed: RoSH Very high"],
        ),
        (
            facts(None, true, false, false),
            &["countersigning needed: identifiable children at risk"],
        ),
        (
            facts(None, false, true, false),
            &["countersigning needed: MAPPA referral"],
        ),
        (
            facts(Some(RoshLevel::High), true, true, true),
            &[
                "countersigning needed: RoSH High",
                "countersigning needed: identifiable children at risk",
                "countersigning needed: MAPPA referral",
                "countersigning needed: first assessment of the period of supervision",
            ],
        ),
    ];
    for grade in Grade::ALL {
        let always: &[&str] = match grade {
            Grade::TraineePqip => &[trainee],
            Grade::Pso => &[pso],
            _ => &[],
        };
        for (case, reasons) in &table {
            let expected: Vec<&str> = always.iter().chain(reasons.iter()).copied().collect();
            assert_eq!(
                countersigning_needed(grade, case),
                expected,
                "{grade:?} {case:?}"
            );
        }
    }
    assert_eq!(
        countersigning_needed(Grade::Po, &facts(None, false, false, true)),
        ["countersigning needed: first assessment of the period of supervision"]
    );
}

#[test]
fn the_rules_are_data_another_table_can_replace() {
    let approved_psos = [CountersignRule {
        grades: &[Grade::TraineePqip],
        when: CaseCondition::Always,
        reason: "countersigning needed: trainee",
    }];
    let case = CaseFacts::default();
    assert!(countersigning_needed_by(&approved_psos, Grade::Pso, &case).is_empty());
    assert_eq!(
        countersigning_needed_by(&approved_psos, Grade::TraineePqip, &case).len(),
        1
    );
    assert!(COUNTERSIGN_RULES
        .iter()
        .all(|rule| rule.reason.starts_with("countersigning needed: ")));
    assert_eq!(describe_need(&[]), "Countersigning not needed");
    assert_eq!(
        describe_need(&[
            "countersigning needed: RoSH High",
            "countersigning needed: MAPPA referral"
        ]),
        "Countersigning needed: RoSH High; MAPPA referral"
    );
}

#[test]
fn the_facts_are_read_from_the_answers() {
    let mut answers = Answers::default();
    assert_eq!(
        CaseFacts::from_assessment(&answers, 0),
        facts(None, false, false, true)
    );
    answers.set_cell(
        ROSH_GRID_ITEM,
        "known_adult",
        "community",
        Some("high".into()),
    );
    answers.set(IDENTIFIABLE_CHILDREN_ITEM, Answer::Choice("yes".into()));
    assert_eq!(
        CaseFacts::from_assessment(&answers, 1),
        facts(Some(RoshLevel::High), true, false, false)
    );
    answers.set("R2.3", Answer::Choice("yes".into()));
    assert!(
        !CaseFacts::from_assessment(&answers, 1).mappa_referral,
        "a prompt to consider MAPPA is not a referral"
    );
    answers.set("RM.9", Answer::Choice("2".into()));
    assert!(
        CaseFacts::from_assessment(&answers, 1).mappa_referral,
        "a recorded MAPPA category counts"
    );
    answers.set(IDENTIFIABLE_CHILDREN_ITEM, Answer::Choice("no".into()));
    assert!(!CaseFacts::from_assessment(&answers, 1).identifiable_children_at_risk);
}

fn agreed_plan() -> SentencePlan {
    let today = date(2026, 11, 25);
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: GoalTiming::start_now(GoalTarget::InSixMonths),
    };
    plan.add_goal("goal-1", goal, today).unwrap();
    let step = StepDetails {
        description: "Housing referral".into(),
        actor: Actor::ProbationPractitioner,
    };
    plan.add_step("goal-1", "step-1", step).unwrap();
    plan.agree(Agreement::Agrees, today).unwrap();
    plan
}

#[test]
fn work_is_ready_to_sign_when_every_section_is_completed_and_the_plan_agreed() {
    let problems = sign_problems(&Snapshot::default(), None);
    assert_eq!(
        problems,
        [
            "Complete every section of the assessment: 0 of 16 are completed",
            "Record whether the person agrees with the sentence plan",
        ]
    );
    let snapshot = Snapshot {
        plan: agreed_plan(),
        ..Snapshot::default()
    };
    assert_eq!(sign_problems(&snapshot, None).len(), 1);
}

#[test]
fn changes_name_the_sections_and_goals_that_differ() {
    let before = Snapshot {
        plan: agreed_plan(),
        ..Snapshot::default()
    };
    assert!(changes_between(&before, &before).is_empty());
    let mut after = before.clone();
    after.answers.set("3.4", Answer::Choice("2".into()));
    after.completed_sections.insert("13".into());
    after.plan.goals[0].text = "Find a flat".into();
    let mut extra = after.plan.goals[0].clone();
    extra.id = "goal-2".into();
    after.plan.goals.push(extra);
    let changes = changes_between(&before, &after);
    assert_eq!(changes.sections, ["3", "13"]);
    assert!(changes.section_changed("3") && !changes.section_changed("4"));
    assert_eq!(changes.goals_changed, ["goal-1"]);
    assert_eq!(changes.goals_added, ["goal-2"]);
    assert!(changes.goal_changed("goal-2"));
    assert!(!changes.agreement_changed);
    let lines = changes.describe(&before.plan, &after.plan);
    assert_eq!(
        lines[0],
        "Changed sections: 3. Accommodation, 13. Health and other considerations"
    );
    assert_eq!(lines[1], "Goals added: \"Find a flat\"");
    let back = changes_between(&after, &before);
    assert_eq!(back.goals_removed, ["goal-2"]);
    assert_eq!(
        back.describe(&after.plan, &before.plan)[2],
        "Goals taken out: \"Find a flat\""
    );
    let unchanged = VersionChanges::default();
    assert_eq!(
        unchanged.describe(&before.plan, &before.plan),
        ["Nothing changed"]
    );
}

#[test]
fn comments_are_kept_per_section_and_goal_and_checked() {
    let mut signing = CaseSigning::new(AT, None);
    let snapshot = Snapshot {
        plan: agreed_plan(),
        ..Snapshot::default()
    };
    let reasons = ["countersigning needed: RoSH High"];
    signing
        .sign(snapshot, true, &officer(), &reasons, AT)
        .unwrap();
    let section = CommentTarget::Section("rosh-summary".into());
    let goal = CommentTarget::Goal("goal-1".into());
    signing
        .add_comment(1, section.clone(), "Rate staff too", &senior(), AT)
        .unwrap();
    signing
        .add_comment(1, goal.clone(), "Name the council", &senior(), AT)
        .unwrap();
    signing
        .add_comment(1, section.clone(), "And prisoners", &second_senior(), AT)
        .unwrap();
    let version = signing.latest().unwrap();
    let texts: Vec<&str> = version
        .comments_on(&section)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Rate staff too", "And prisoners"]);
    assert_eq!(version.comments_on(&goal).count(), 1);
    let unknown = CommentTarget::Section("99".into());
    let error = signing
        .add_comment(1, unknown, "?", &senior(), AT)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "There is no section 99 in the assessment"
    );
    let error = signing
        .add_comment(1, CommentTarget::Item("3.50".into()), "?", &senior(), AT)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "There is no question 3.50 in the assessment"
    );
    let unknown = CommentTarget::Goal("goal-9".into());
    let error = signing
        .add_comment(1, unknown, "?", &senior(), AT)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "There is no goal with the id goal-9 in version 1"
    );
    let error = signing
        .add_comment(1, CommentTarget::General, " ", &senior(), AT)
        .unwrap_err();
    assert_eq!(error, SigningError::CommentMissing);
    assert_eq!(signing.latest().unwrap().comments.len(), 3);
    let json = serde_json::to_string(&CommentTarget::Section("3".into())).unwrap();
    assert_eq!(json, r#"{"section":"3"}"#);
    let json = serde_json::to_string(&CommentTarget::Item("3.4".into())).unwrap();
    assert_eq!(json, r#"{"item":"3.4"}"#);
}

#[test]
fn the_timeline_says_what_happened_who_did_it_and_when() {
    let mut signing = case_in(VersionState::DoubleCountersigned);
    signing
        .record_sent(&second_senior(), "2026-11-26T10:00:00Z")
        .unwrap();
    signing
        .record_imported(&officer(), "2026-11-27T10:00:00Z")
        .unwrap();
    let titles: Vec<String> = signing.history.iter().map(TimelineEvent::title).collect();
    assert_eq!(
        titles,
        [
            "Case created",
            "Version 1 signed",
            "Version 1 countersigned, double countersignature requested",
            "Version 1 double countersigned",
            "Case package sent (version 1)",
            "Case package imported",
        ]
    );
    let signed = &signing.history[1];
    assert_eq!(signed.byline().as_deref(), Some("by Sam Patel (PO)"));
    assert_eq!(
        signed.note.as_deref(),
        Some("Countersigning needed: RoSH High")
    );
    assert_eq!(signed.day(), "25 November 2026");
    assert_eq!(long_day("not a time"), "not a time");
    assert_eq!(CaseSigning::new(AT, None).history[0].byline(), None);
}

/// Issue 13: a countersignature at 00:30 on a summer night showed the day before (its UTC day).
#[test]
fn timeline_days_are_londons_days() {
    let event = |at: &str| TimelineEvent {
        kind: EventKind::Countersigned,
        by: None,
        at: at.into(),
        version: Some(1),
        note: None,
        purpose: None,
        review: None,
    };
    assert_eq!(event("2026-07-14T23:30:00Z").day(), "15 July 2026");
    assert_eq!(event("2026-07-14T22:59:59Z").day(), "14 July 2026");
    assert_eq!(event("2026-12-14T23:30:00Z").day(), "14 December 2026");
    // Either side of the changes of the clocks.
    assert_eq!(long_day("2026-03-28T23:30:00Z"), "28 March 2026");
    assert_eq!(long_day("2026-03-29T23:30:00Z"), "30 March 2026");
    assert_eq!(long_day("2026-10-24T23:30:00Z"), "25 October 2026");
    assert_eq!(long_day("2026-10-25T23:30:00Z"), "25 October 2026");
}

#[test]
fn every_version_made_by_the_moves_holds_together_and_a_tampered_one_does_not() {
    for state in VersionState::ALL.into_iter().skip(1) {
        let signing = case_in(state);
        assert_eq!(signing.latest().unwrap().check(), Ok(()), "{state:?}");
    }
    let mut version = case_in(VersionState::Countersigned).versions.remove(0);
    version.countersigned_at = None;
    assert_eq!(
        version.check().unwrap_err(),
        "version 1 is countersigned but who signed, countersigned or returned it does not fit"
    );
    let mut version = case_in(VersionState::SelfSigned).versions.remove(0);
    version.state = VersionState::UnsignedDraft;
    assert_eq!(
        version.check().unwrap_err(),
        "version 1 is stored as an unsigned draft"
    );
    let mut version = case_in(VersionState::SelfSigned).versions.remove(0);
    version
        .countersign_reasons
        .push("countersigning needed: RoSH High".into());
    assert!(version.check().is_err());
    let mut version = case_in(VersionState::Returned).versions.remove(0);
    version.returned_reason = None;
    assert!(version.check().is_err());
}

#[test]
fn a_case_signing_round_trips_through_json() {
    let signing = case_in(VersionState::AwaitingDoubleCountersign);
    let json = serde_json::to_string(&signing).unwrap();
    assert_eq!(serde_json::from_str::<CaseSigning>(&json).unwrap(), signing);
    assert!(json.contains("\"state\":\"awaiting_double_countersign\""));
}

/// Issue 19: "Countersigning is not needed" shown before a profile exists on a RoSH High case.
#[test]
fn without_a_profile_countersigning_is_never_said_to_be_unneeded() {
    let high = facts(Some(RoshLevel::High), false, false, false);
    let line = describe_need_for(None, &high);
    assert!(line.starts_with("Set up your profile"), "{line}");
    assert!(line.ends_with("This case has: RoSH High."), "{line}");
    assert!(!line.contains("not needed"));
    let quiet = facts(Some(RoshLevel::Low), false, false, false);
    assert!(!describe_need_for(None, &quiet).contains("This case has"));
    assert_eq!(
        describe_need_for(Some(Grade::Po), &high),
        "Countersigning needed: RoSH High"
    );
    assert_eq!(
        describe_need_for(Some(Grade::Spo), &quiet),
        "Countersigning is not needed for your grade and this case."
    );
}
