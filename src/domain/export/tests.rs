//! The export of a fictional case: its contents, a JSON round trip, the schema it is checked against,
//! and the committed schema kept current.

use jiff::civil::date;
use serde_json::{json, Value};

use super::*;
use crate::domain::answers::{Answer, Answers};
use crate::domain::case::CaseDetails;
use crate::domain::offences::OffenceTable;
use crate::domain::plan::{Actor, Agreement, GoalDetails, GoalTarget, GoalTiming, StepDetails};
use crate::domain::predictors::{predict, PredictorInputs};
use crate::domain::reviews::{review_schedule, ReviewSettings, SignificantChange};
use crate::domain::signing::CaseSigning;

const EXPORTED_AT: &str = "2026-11-25T14:03:07Z";

fn case() -> CaseDetails {
    CaseDetails {
        conviction_date: None,
        main_offence: None,
        name: "Alex Marsh".into(),
        crn: "X123456".into(),
        date_of_birth: date(1991, 7, 17),
        sex: Sex::Male,
        sentence_type: SentenceType::Licence,
        sentence_date: None,
        sentence_or_release_date: date(2026, 11, 2),
        sentence_end_date: date(2028, 11, 1),
    }
}

fn answers() -> Answers {
    let mut answers = Answers::default();
    let mut choose = |code: &str, value: &str| answers.set(code, Answer::Choice(value.into()));
    choose("3.3", "yes");
    choose("3.4", "2");
    choose("3.98", "no");
    choose("3.99", "yes");
    choose("6.98", "yes");
    // Drug answers kept after 8.1 became "no": they do not apply, so they do not count.
    choose("8.1", "no");
    choose("8.4", "2");
    choose("8.9", "2");
    answers
}

fn plan() -> SentencePlan {
    let today = date(2026, 11, 25);
    let mut plan = SentencePlan::default();
    let goal = GoalDetails {
        text: "Find settled accommodation that supports staying away from offending".into(),
        area_of_need: AreaOfNeed::Accommodation,
        related_areas: vec![AreaOfNeed::Finance],
        how_progress_is_measured: "A tenancy in his own name".into(),
        timing: GoalTiming::start_now(GoalTarget::InSixMonths),
    };
    plan.add_goal("goal-1", goal, today).unwrap();
    plan.add_step(
        "goal-1",
        "step-1",
        StepDetails {
            description: "Register with the council housing team".into(),
            actor: Actor::SomeoneElse {
                name: "Housing support worker".into(),
            },
        },
    )
    .unwrap();
    let future = GoalDetails {
        text: "Get into work".into(),
        area_of_need: AreaOfNeed::EducationTrainingEmployability,
        related_areas: vec![],
        how_progress_is_measured: String::new(),
        timing: GoalTiming::future(Some(date(2027, 3, 1))),
    };
    plan.add_goal("goal-2", future, today).unwrap();
    plan.agree(
        Agreement::CouldNotAnswer {
            details: "Unwell at the appointment".into(),
        },
        today,
    )
    .unwrap();
    plan
}

fn export() -> SentencePlanExport {
    let case = case();
    let plan = plan();
    let changes = [SignificantChange {
        date: date(2027, 1, 4),
        kind: None,
        reason: "Moved to a new address".into(),
        recorded_on: None,
    }];
    let reviews = review_schedule(
        &case,
        &ReviewSettings::default(),
        &plan,
        &changes,
        &[],
        date(2026, 11, 25),
    );
    let inputs: PredictorInputs = serde_json::from_value(json!({
        "sex": "male", "date_of_birth": "1991-07-17", "conviction_date": "2021-08-05",
        "follow_up_start": "2021-12-12", "total_sanctions": 2, "age_at_first_sanction": 21,
        "offence_code": "05000"
    }))
    .unwrap();
    let predictions = predict(&inputs, OffenceTable::bundled());
    build_export(
        &case,
        &answers(),
        &plan,
        &reviews,
        Some(&predictions),
        &CaseSigning::default(),
        EXPORTED_AT,
    )
}

fn export_json() -> Value {
    serde_json::to_value(export()).unwrap()
}

#[test]
fn the_file_name_has_the_crn_and_the_day() {
    assert_eq!(
        export_file_name("X123456", date(2026, 11, 25)),
        "sentence-plan-X123456-2026-11-25.json"
    );
    assert_eq!(
        export_file_name("x12/34 56", date(2027, 1, 5)),
        "sentence-plan-x123456-2027-01-05.json"
    );
}

#[test]
fn the_header_names_the_versions_and_the_moment() {
    let json = export_json();
    assert_eq!(json["schema_version"], 3);
    assert_eq!(json["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["exported_at"], EXPORTED_AT);
    assert_eq!(
        json["signing"],
        json!({"status": "unsigned_draft", "version": 1})
    );
    assert_eq!(
        json["case"],
        json!({
            "name": "Alex Marsh", "crn": "X123456", "date_of_birth": "1991-07-17", "sex": "male",
            "sentence_type": "licence", "sentence_or_release_date": "2026-11-02",
            "sentence_end_date": "2028-11-01"
        })
    );
}

#[test]
fn the_summary_shows_scores_needs_and_judgements_from_items_that_apply() {
    let summary = export().assessment_summary;
    let accommodation = summary.sections.iter().find(|s| s.id == "3").unwrap();
    assert_eq!(
        (accommodation.score, accommodation.max, accommodation.need),
        (4, 8, Some(NeedFlag::Need))
    );
    assert!(!accommodation.complete);
    let drugs = summary.sections.iter().find(|s| s.id == "8").unwrap();
    assert_eq!((drugs.score, drugs.need), (0, Some(NeedFlag::NoNeed)));
    assert!(
        summary.sections.iter().all(|s| s.id != "13"),
        "only scored sections"
    );
    assert_eq!(summary.identified_needs, vec![AreaOfNeed::Accommodation]);
    assert_eq!(summary.linked_to_harm, vec!["6"]);
    assert_eq!(summary.linked_to_offending, vec!["3"]);
}

#[test]
fn an_unrated_rosh_grid_is_not_assessed_never_low() {
    let rosh = export().assessment_summary.rosh;
    assert!(!rosh.rosh_assessed);
    assert_eq!(rosh.overall, None);
    assert_eq!(rosh.grid.len(), 9);
    assert!(rosh.grid.iter().all(|cell| cell.level.is_none()));

    let mut answers = answers();
    answers.set_cell("R10.6", "known_adult", "community", Some("high".into()));
    let export = build_export(
        &case(),
        &answers,
        &plan(),
        &[],
        None,
        &CaseSigning::default(),
        EXPORTED_AT,
    );
    let json = serde_json::to_value(&export).unwrap();
    let rosh = &json["assessment_summary"]["rosh"];
    assert_eq!(rosh["rosh_assessed"], true);
    assert_eq!(rosh["overall"], "high");
    assert_eq!(
        rosh["grid"][4],
        json!({"group": "known_adult", "setting": "community", "level": "high"})
    );
    assert_eq!(json["assessment_summary"]["predictors"], Value::Null);
}

#[test]
fn predictors_are_results_or_sentences_with_the_missing_inputs() {
    let json = export_json();
    let predictors = &json["assessment_summary"]["predictors"];
    assert_eq!(
        predictors["ogrs3"],
        json!({"one_year": 11, "two_year": 20, "band": "low"})
    );
    assert!(predictors["ogp"]["error"]
        .as_str()
        .unwrap()
        .starts_with("Some inputs are missing"));
    assert_eq!(predictors["ogp"]["missing"][0], "no_fixed_abode");
}

#[test]
fn the_plan_and_review_dates_are_carried_with_their_reasons() {
    let json = export_json();
    assert_eq!(json["plan"]["status"], "agreed");
    assert_eq!(json["plan"]["agreement"]["answer"], "could_not_answer");
    assert_eq!(json["plan"]["goals"][0]["target_date"], "2027-05-25");
    assert_eq!(json["plan"]["goals"][1]["status"], "future");
    let reviews = json["review_dates"].as_array().unwrap();
    assert_eq!(reviews[0]["kind"], "initial_plan");
    assert_eq!(reviews[0]["date"], "2026-11-23");
    assert!(reviews.iter().any(|r| r["kind"] == "significant_change"));
    assert!(reviews
        .iter()
        .any(|r| r["kind"] == "goal_target" && r["date"] == "2027-05-25"));
    assert!(reviews
        .iter()
        .all(|r| r["reason"].as_str().is_some_and(|t| !t.contains('<'))));
}

/// Issue 13: a custody case carries its sentence date, which the initial plan counts from.
#[test]
fn a_custody_case_carries_its_sentence_date() {
    let custody = CaseDetails {
        conviction_date: None,
        sentence_type: SentenceType::Custody,
        sentence_date: Some(date(2026, 3, 2)),
        sentence_or_release_date: date(2027, 9, 1),
        ..case()
    };
    let export = build_export(
        &custody,
        &Answers::default(),
        &SentencePlan::default(),
        &[],
        None,
        &CaseSigning::default(),
        EXPORTED_AT,
    );
    let text = serde_json::to_string(&export).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["case"]["sentence_date"], "2026-03-02");
    assert_eq!(check_export(&text), Ok(export));
    assert!(export_json()["case"].get("sentence_date").is_none());
}

#[test]
fn an_export_reads_back_equal() {
    let export = export();
    let text = serde_json::to_string_pretty(&export).unwrap();
    let back: SentencePlanExport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, export);
}

#[test]
fn an_export_is_valid_against_the_committed_schema() {
    let export = export();
    let text = serde_json::to_string_pretty(&export).unwrap();
    assert_eq!(check_export(&text), Ok(export));
    let bare = build_export(
        &case(),
        &Answers::default(),
        &SentencePlan::default(),
        &[],
        None,
        &CaseSigning::default(),
        EXPORTED_AT,
    );
    check_export(&serde_json::to_string(&bare).unwrap()).unwrap();
}

fn problems(json: &Value) -> Vec<String> {
    match check_export(&json.to_string()) {
        Err(ExportCheckError::Invalid(problems)) => {
            problems.iter().map(ToString::to_string).collect()
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_date_that_does_not_exist_is_named_with_its_path() {
    let mut json = export_json();
    json["plan"]["goals"][0]["target_date"] = json!("2026-13-01");
    assert_eq!(
        problems(&json),
        [r#"/plan/goals/0/target_date: "2026-13-01" is not a "date""#]
    );
}

#[test]
fn unknown_names_wrong_versions_and_bad_crns_are_refused() {
    let mut json = export_json();
    json["schema_version"] = json!(2);
    json["case"]["crn"] = json!("123");
    json["plan"]["goals"][0]["steps"][0]["status"] = json!("done");
    json["review_dates"][0]["kind"] = json!("Initial plan");
    json["exported_at"] = json!("yesterday");
    let found = problems(&json);
    let paths: Vec<&str> = found
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    for path in [
        "/schema_version",
        "/case/crn",
        "/plan/goals/0/steps/0/status",
        "/review_dates/0/kind",
        "/exported_at",
    ] {
        assert!(paths.contains(&path), "{path} in {found:#?}");
    }
}

#[test]
fn text_that_is_not_json_is_malformed() {
    assert!(matches!(
        check_export("{\"schema_version\": 1,"),
        Err(ExportCheckError::Malformed(_))
    ));
}

#[test]
fn the_photo_is_in_an_export_only_when_asked_and_the_schema_takes_it() {
    use crate::domain::photo::CasePhoto;
    let plain = serde_json::to_value(export()).unwrap();
    assert!(plain["case"].get("photo").is_none());
    let photo = CasePhoto {
        data_url: "data:image/jpeg;base64,/9j/4AAQ".into(),
        width: 480,
        height: 360,
        added_at: "2026-12-03T09:00:00Z".into(),
    };
    let with = serde_json::to_value(export().with_photo(&photo)).unwrap();
    assert_eq!(with["case"]["photo"]["width"], 480);
    assert!(
        crate::domain::export::schema::check_export(&with.to_string()).is_ok(),
        "the schema accepts it"
    );
    // A photo that fails its check is left out, never exported as it is.
    let odd = CasePhoto {
        data_url: "https://example.org/face.jpg".into(),
        ..photo
    };
    let without = serde_json::to_value(export().with_photo(&odd)).unwrap();
    assert!(without["case"].get("photo").is_none());
}

#[test]
fn schema_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let generated = export_schema_json();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if generated == committed {
        return;
    }
    if std::env::var("UPDATE_SCHEMA").as_deref() == Ok("1") {
        std::fs::write(&path, &generated).expect("the schema file is writable");
        return;
    }
    panic!(
        "{SCHEMA_PATH} is not the schema generated from the export types. \
         If the change is intended, run `UPDATE_SCHEMA=1 cargo test schema_is_current` to rewrite it, \
         then rebuild so `workbook validate-export` embeds the new file (and raise SCHEMA_VERSION if a \
         reader could break)."
    );
}

#[test]
fn the_schema_names_the_choices_in_snake_case() {
    let schema: Value = serde_json::from_str(&export_schema_json()).unwrap();
    let text = schema.to_string();
    for name in [
        "unsigned_draft",
        "person_on_probation",
        "cannot_be_done_yet",
        "very_high",
        "suspended_sentence_order",
        "risk_of_serious_harm",
    ] {
        assert!(text.contains(&format!("\"{name}\"")), "{name}");
    }
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

/// Issue 19: the export left out the RoSH narratives and the risk management plan.
#[test]
fn the_export_carries_the_rosh_narratives_and_the_risk_management_plan() {
    let sample = &crate::domain::practice::sample_cases()[0];
    let reference = (sample.reference)();
    let export = build_export(
        &case(),
        &reference.answers,
        &plan(),
        &[],
        None,
        &CaseSigning::default(),
        "2026-12-02T09:00:00Z",
    );
    let rosh = &export.assessment_summary.rosh;
    let codes: Vec<&str> = rosh.narratives.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["R10.1", "R10.2", "R10.3", "R10.4", "R10.5"]);
    assert_eq!(rosh.narratives[0].question, "Who is at risk?");
    assert_eq!(rosh.narratives[0].text, reference.answers.text("R10.1"));
    let rmp = &export.assessment_summary.risk_management_plan;
    assert_eq!(rmp.headings[0].code, "RM.1", "{rmp:?}");
    assert!(rmp
        .headings
        .iter()
        .all(|n| n.code.starts_with("RM.") && !n.text.is_empty()));
    assert!(!rmp.mappa.is_empty());
    // And it passes the committed schema.
    let text = serde_json::to_string(&export).unwrap();
    assert!(
        check_export(&text).is_ok(),
        "{:?}",
        check_export(&text).err()
    );

    // Nothing answered: empty lists, never missing fields.
    let bare = build_export(
        &case(),
        &Answers::default(),
        &plan(),
        &[],
        None,
        &CaseSigning::default(),
        "2026-12-02T09:00:00Z",
    );
    assert!(bare.assessment_summary.rosh.narratives.is_empty());
    assert!(!bare.assessment_summary.risk_management_plan.required);
    assert_eq!(
        bare.assessment_summary.risk_management_plan.mappa,
        "MAPPA not recorded"
    );
}
