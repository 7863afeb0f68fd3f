#![cfg(not(target_arch = "wasm32"))]
//! `workbook predict` run as an officer or a script would: the worked examples of domain.md §7 through
//! standard input and through a file, missing inputs, and inputs that cannot be read.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

/// OGRS3 worked example: male, born 1991-07-17, convicted 2021-08-05, follow-up 2021-12-12, 2 sanctions,
/// first at 21, offence weight 0.1599 → 11 % / 20 %, low.
const OGRS3_EXAMPLE: &str = r#"{
    "sex": "male",
    "date_of_birth": "1991-07-17",
    "conviction_date": "2021-08-05",
    "follow_up_start": "2021-12-12",
    "total_sanctions": 2,
    "age_at_first_sanction": 21,
    "offence_code": "05000"
}"#;

/// OGP worked example (OGRS3 2-year 81 %, unemployed, 7.2 = 1, 11.6 = 1, 11.7 = 1, 12.1 = 1 → 62 points,
/// 53 % / 68 %, high) with the OVP inputs of the same person.
const OGP_EXAMPLE: &str = r#"{
    "sex": "male",
    "date_of_birth": "2002-01-10",
    "conviction_date": "2021-03-01",
    "follow_up_start": "2021-06-01",
    "total_sanctions": 10,
    "violent_sanctions": 2,
    "age_at_first_sanction": 12,
    "offence_code": "05000",
    "no_fixed_abode": false,
    "unemployed": true,
    "regular_activities_7_2": 1,
    "current_drug_misuse": 0,
    "drug_motivation_8_8": 0,
    "problem_solving_11_6": 1,
    "awareness_of_consequences_11_7": 1,
    "understands_views_11_9": 0,
    "pro_criminal_attitudes_12_1": 1,
    "recognises_impact_2_6": true,
    "alcohol_current_9_1": 0,
    "alcohol_binge_9_2": 0,
    "psychiatric_treatment": false,
    "temper_control_11_4": 0
}"#;

/// OVP worked example: male aged 63 at follow-up, 30 sanctions of which 10 violent, recognises impact,
/// no fixed abode, unemployed, all else 0 → 39 points, 15 % / 26 %, low.
const OVP_EXAMPLE: &str = r#"{
    "sex": "male",
    "date_of_birth": "1958-05-01",
    "follow_up_start": "2021-06-01",
    "total_sanctions": 30,
    "violent_sanctions": 10,
    "recognises_impact_2_6": true,
    "no_fixed_abode": true,
    "unemployed": true,
    "alcohol_current_9_1": 0,
    "alcohol_binge_9_2": 0,
    "psychiatric_treatment": false,
    "temper_control_11_4": 0,
    "pro_criminal_attitudes_12_1": 0
}"#;

fn workbook(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_workbook"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the workbook binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin takes the inputs");
    child.wait_with_output().expect("the workbook binary ends")
}

/// Runs `workbook predict -` and returns the printed JSON, checking it exited 0.
fn predict_stdin(inputs: &str) -> Value {
    let output = workbook(&["predict", "-"], inputs);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// A file in the temporary directory, removed when dropped.
struct InputFile(PathBuf);

impl InputFile {
    fn new(name: &str, contents: &str) -> InputFile {
        let path = std::env::temp_dir().join(format!("workbook-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the temporary file is written");
        InputFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for InputFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn ogrs3_worked_example_through_stdin() {
    let json = predict_stdin(OGRS3_EXAMPLE);
    assert_eq!(
        json["ogrs3"],
        json!({"one_year": 11, "two_year": 20, "band": "low"})
    );
}

#[test]
fn ogp_worked_example_through_a_file() {
    let file = InputFile::new("ogp.json", OGP_EXAMPLE);
    let output = workbook(&["predict", file.path()], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["ogrs3"],
        json!({"one_year": 68, "two_year": 81, "band": "high"})
    );
    assert_eq!(
        json["ogp"],
        json!({"one_year": 53, "two_year": 68, "band": "high", "points": 62})
    );
    assert!(json["ovp"]["points"].is_u64());
}

#[test]
fn ovp_worked_example_through_stdin_and_a_file() {
    let expected = json!({"one_year": 15, "two_year": 26, "band": "low", "points": 39});
    assert_eq!(predict_stdin(OVP_EXAMPLE)["ovp"], expected);
    let file = InputFile::new("ovp.json", OVP_EXAMPLE);
    let output = workbook(&["predict", file.path()], "");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["ovp"], expected);
}

#[test]
fn output_keeps_the_documented_order() {
    let output = workbook(&["predict", "-"], OGRS3_EXAMPLE);
    let text = String::from_utf8(output.stdout).unwrap();
    let position = |key: &str| text.find(key).unwrap_or_else(|| panic!("{key} in {text}"));
    assert!(position("\"ogrs3\"") < position("\"ogp\""));
    assert!(position("\"ogp\"") < position("\"ovp\""));
    assert!(position("\"one_year\"") < position("\"two_year\""));
    assert!(position("\"two_year\"") < position("\"band\""));
}

#[test]
fn missing_inputs_give_an_error_object_and_exit_0() {
    let json = predict_stdin(OGRS3_EXAMPLE);
    let ogp = &json["ogp"];
    assert!(ogp["error"]
        .as_str()
        .unwrap()
        .starts_with("Some inputs are missing: No fixed abode (3.3)"));
    assert_eq!(ogp["missing"][0], "no_fixed_abode");
    assert_eq!(json["ovp"]["missing"][0], "violent_sanctions");

    let json = predict_stdin("{}");
    assert_eq!(json["ogrs3"]["missing"].as_array().unwrap().len(), 7);
}

#[test]
fn invalid_inputs_give_a_sentence_without_a_missing_list() {
    let inputs = OGRS3_EXAMPLE.replace("\"05000\"", "\"00878\"");
    let json = predict_stdin(&inputs);
    assert_eq!(
        json["ogrs3"],
        json!({"error": "Offence code 00878 is too general for OGRS3: choose the code of the exact offence."})
    );
}

#[test]
fn malformed_json_exits_2_with_a_one_line_message() {
    let output = workbook(&["predict", "-"], "{\"sex\": \"male\",");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(message.contains("standard input"), "{message}");
    assert!(message.contains("line 1 column"), "{message}");
}

#[test]
fn unknown_fields_and_wrong_types_exit_2_naming_the_problem() {
    let output = workbook(&["predict", "-"], "{\"sexx\": \"male\"}");
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("unknown field `sexx`"), "{message}");

    let file = InputFile::new("wrong-type.json", "{\n  \"total_sanctions\": \"two\"\n}");
    let output = workbook(&["predict", file.path()], "");
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains(file.path()), "{message}");
    assert!(message.contains("line 2 column"), "{message}");
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let output = workbook(&["predict", "/no/such/inputs.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("/no/such/inputs.json"));
}

#[test]
fn usage() {
    let help = workbook(&["--help"], "");
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("workbook predict FILE"));
    assert!(text.contains("temper_control_11_4"));

    let bare = workbook(&[], "");
    assert_eq!(bare.status.code(), Some(2));
    assert!(String::from_utf8(bare.stderr).unwrap().contains("Usage"));

    assert_eq!(workbook(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(workbook(&["predict"], "").status.code(), Some(2));
}

// `workbook validate-export`: a sentence plan export checked against the committed schema.

/// A small valid export of a fictional case: one active goal with a step, agreed.
const VALID_EXPORT: &str = r#"{
  "schema_version": 3,
  "app_version": "0.1.0",
  "exported_at": "2026-11-25T14:03:07Z",
  "case": {
    "name": "Alex Marsh", "crn": "X123456", "date_of_birth": "1991-07-17", "sex": "male",
    "sentence_type": "community_order", "sentence_or_release_date": "2026-11-02",
    "sentence_end_date": "2028-11-01"
  },
  "assessment_summary": {
    "sections": [{"id": "3", "title": "Accommodation", "score": 4, "max": 8, "need": "need", "complete": false}],
    "identified_needs": ["accommodation"],
    "linked_to_harm": [],
    "linked_to_offending": ["3"],
    "rosh": {"rosh_assessed": false, "overall": null, "grid": [{"group": "public", "setting": "community", "level": null}],
             "narratives": [{"code": "R10.1", "question": "Who is at risk?", "text": "Members of the public in the town centre at night."}]},
    "risk_management_plan": {"required": false, "headings": [], "mappa": "MAPPA not recorded"},
    "predictors": null
  },
  "plan": {
    "goals": [{
      "id": "goal-1",
      "text": "Find settled accommodation that supports staying away from offending",
      "area_of_need": "accommodation",
      "related_areas": ["finance"],
      "how_progress_is_measured": "A tenancy in his own name",
      "can_start_now": true,
      "target": "in_six_months",
      "target_date": "2027-05-25",
      "reminder_date": null,
      "status": "active",
      "status_note": null,
      "status_changed_on": null,
      "steps": [{"id": "step-1", "description": "Register with the council housing team",
                 "actor": "person_on_probation", "status": "in_progress"}],
      "created_on": "2026-11-25"
    }],
    "agreement": {"answer": "agrees"},
    "agreed_on": "2026-11-25",
    "agreement_updated_on": null,
    "status": "agreed"
  },
  "review_dates": [{
    "date": "2026-11-23", "kind": "initial_plan",
    "reason": "Initial sentence plan due: 15 working days from the sentence date 2 November 2026",
    "overdue": false
  }],
  "signing": {
    "status": "countersigned", "version": 1,
    "signed": {"name": "Alex Trainee", "grade": "PQiP", "at": "2026-11-25T14:03:07Z"},
    "countersigned": {"name": "Sam Senior", "grade": "SPO", "at": "2026-11-26T10:00:00Z"}
  }
}"#;

#[test]
fn a_valid_export_prints_valid_and_exits_0() {
    let file = InputFile::new("export.json", VALID_EXPORT);
    let output = workbook(&["validate-export", file.path()], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "valid\n");

    let output = workbook(&["validate-export", "-"], VALID_EXPORT);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

#[test]
fn an_invalid_export_names_each_problem_with_its_path_and_exits_1() {
    let invalid = VALID_EXPORT
        .replace("\"2027-05-25\"", "\"2026-13-01\"")
        .replace("\"in_progress\"", "\"done\"");
    let output = workbook(&["validate-export", "-"], &invalid);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("2 problems"), "{text}");
    assert!(
        text.lines()
            .any(|line| line == r#"/plan/goals/0/target_date: "2026-13-01" is not a "date""#),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|line| line.starts_with("/plan/goals/0/steps/0/status: ")),
        "{text}"
    );
}

#[test]
fn an_export_missing_a_part_is_not_valid() {
    let mut export: Value = serde_json::from_str(VALID_EXPORT).unwrap();
    export.as_object_mut().unwrap().remove("signing");
    let output = workbook(&["validate-export", "-"], &export.to_string());
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("/: \"signing\" is a required property"),
        "{text}"
    );
}

#[test]
fn a_malformed_or_unreadable_export_exits_2() {
    let output = workbook(&["validate-export", "-"], "{\"schema_version\": 1,");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(message.contains("standard input is not JSON"), "{message}");

    let output = workbook(&["validate-export", "/no/such/export.json"], "");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(workbook(&["validate-export"], "").status.code(), Some(2));
}

#[test]
fn usage_mentions_validate_export() {
    let help = workbook(&["--help"], "");
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(text.contains("workbook validate-export FILE"), "{text}");
    assert!(
        text.contains("assets/schema/sentence-plan.schema.json"),
        "{text}"
    );
}

// `workbook assess`: a case, its answers and review history in, scores, needs, RoSH and review dates out.

/// The worked example of docs/workbook-cli.md: in custody, sentenced 2 March 2026, released
/// 1 September 2027; plan agreed, one review done, then a change of address.
const ASSESS_EXAMPLE: &str = r#"{
  "today": "2026-12-01",
  "case": {
    "sex": "male", "date_of_birth": "1990-01-01", "sentence_type": "custody",
    "sentence_date": "2026-03-02", "sentence_or_release_date": "2027-09-01",
    "sentence_end_date": "2029-03-01"
  },
  "answers": {"11.6": 1, "3.3": "yes", "2.1": "free text"},
  "plan_agreed_on": "2026-03-20",
  "reviews_done": [{"date": "2026-09-01", "purpose": "review"}],
  "significant_changes": [{"date": "2026-10-01", "kind": "change_of_address"}]
}"#;

const KINDS: [&str; 6] = [
    "initial_plan",
    "scheduled_review",
    "pre_release",
    "termination",
    "significant_change",
    "goal_target",
];

/// Runs `workbook assess -` and returns the exit code and the printed JSON.
fn assess_stdin(input: &str) -> (Option<i32>, Value) {
    let output = workbook(&["assess", "-"], input);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("stdout is JSON: {output:?}"));
    (output.status.code(), json)
}

/// The error sentence of input that `workbook assess` refuses, checking it exited 1.
fn assess_error(input: &str) -> String {
    let (code, json) = assess_stdin(input);
    assert_eq!(code, Some(1), "{json}");
    let object = json.as_object().expect("an object");
    assert_eq!(object.len(), 1, "{json}");
    json["error"].as_str().expect("a sentence").to_string()
}

/// The example with one part changed (or added): `path` names object keys and array indexes.
fn example_with(path: &[&str], value: Value) -> String {
    let mut json: Value = serde_json::from_str(ASSESS_EXAMPLE).unwrap();
    let (last, parents) = path.split_last().expect("a path");
    let mut place = &mut json;
    for key in parents {
        place = match place {
            Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            other => &mut other[*key],
        };
    }
    match place {
        Value::Array(items) => items[last.parse::<usize>().unwrap()] = value,
        other => other[*last] = value,
    }
    json.to_string()
}

#[test]
fn assess_scores_the_need_sections_with_the_apps_scoring() {
    use probation_workbook::domain::answers::{Answer, Answers};
    use probation_workbook::domain::questionnaire::section;
    use probation_workbook::domain::scoring::{identified_needs, score_section};

    let (code, json) = assess_stdin(ASSESS_EXAMPLE);
    assert_eq!(code, Some(0), "{json}");
    let ids: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|section| section["section"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["3", "4", "6", "7", "8", "9", "11", "12"]);
    // The same answers as the app stores them, scored by the app's own functions.
    let mut answers = Answers::default();
    answers.set("11.6", Answer::Choice("1".into()));
    answers.set("3.3", Answer::Choice("yes".into()));
    answers.set("2.1", Answer::Text("free text".into()));
    for printed in json["sections"].as_array().unwrap() {
        let id = printed["section"].as_str().unwrap();
        let score = score_section(section(id).unwrap(), &answers);
        assert_eq!(printed["score"], score.score, "{id}");
        assert_eq!(printed["max"], score.max, "{id}");
        assert_eq!(printed["need"], score.is_need(), "{id}");
        let mut keys: Vec<&str> = printed
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["max", "need", "score", "section", "severe"], "{id}");
    }
    let needs: Vec<Value> = identified_needs(&answers)
        .iter()
        .map(|(section, _)| Value::from(section.id))
        .collect();
    assert_eq!(json["identified_needs"], Value::Array(needs));
    assert_eq!(json["overall_rosh"], "not_yet_assessed");
}

#[test]
fn assess_gives_every_review_date_in_order_with_its_kind_and_overdue_flag() {
    let (code, json) = assess_stdin(ASSESS_EXAMPLE);
    assert_eq!(code, Some(0), "{json}");
    let dates = json["review_dates"].as_array().unwrap();
    let listed: Vec<(&str, &str, bool)> = dates
        .iter()
        .map(|review| {
            (
                review["date"].as_str().unwrap(),
                review["kind"].as_str().unwrap(),
                review["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            // 8 weeks from the sentence date (release under 2 years after it); the plan is agreed.
            ("2026-04-27", "initial_plan", false),
            // The change came after the review done, and nothing was signed since.
            ("2026-10-01", "significant_change", true),
            // 6 months from the review done on 1 September, in custody until the pre-release review.
            ("2027-03-01", "scheduled_review", false),
            ("2027-07-07", "pre_release", false),
            // 6 months from release, then every 6 months to the end.
            ("2028-03-01", "scheduled_review", false),
            ("2028-09-01", "scheduled_review", false),
            ("2029-03-01", "termination", false),
        ]
    );
    for review in dates {
        assert!(KINDS.contains(&review["kind"].as_str().unwrap()));
        assert!(!review["reason"].as_str().unwrap().is_empty());
    }
    assert_eq!(dates[0]["done_on"], "2026-03-20");
    assert_eq!(
        dates[2]["reason"],
        "Review due: 6 months from the last review, signed on 1 September 2026 (a review every 6 months)"
    );
    assert_eq!(dates[1]["reason"], "Significant change: change of address");

    // A review signed after the change does it, and nothing is overdue.
    let reviewed = example_with(
        &["reviews_done"],
        serde_json::json!([{"date": "2026-09-01", "purpose": "review"}, {"date": "2026-10-02", "purpose": "significant_change"}]),
    );
    let (code, json) = assess_stdin(&reviewed);
    assert_eq!(code, Some(0));
    let dates = json["review_dates"].as_array().unwrap();
    assert!(
        dates.iter().all(|review| review["overdue"] == false),
        "{json}"
    );
    assert!(dates.iter().any(|review| review["date"] == "2027-04-02"));
}

#[test]
fn assess_reads_a_file_and_standard_input_alike() {
    let file = InputFile::new("assess.json", ASSESS_EXAMPLE);
    let output = workbook(&["assess", file.path()], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let from_file: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(from_file, assess_stdin(ASSESS_EXAMPLE).1);
}

#[test]
fn assess_needs_only_today_and_the_case() {
    let bare = r#"{"today": "2026-12-01", "case": {"sex": "female", "date_of_birth": "1990-01-01",
        "sentence_type": "community_order", "sentence_or_release_date": "2026-11-02",
        "sentence_end_date": "2028-11-01"}}"#;
    let (code, json) = assess_stdin(bare);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["identified_needs"], serde_json::json!([]));
    assert_eq!(json["review_dates"][0]["kind"], "initial_plan");
    assert_eq!(json["review_dates"][0]["date"], "2026-11-23");
    assert_eq!(json["review_dates"][0]["overdue"], true);
}

#[test]
fn assess_refuses_invalid_input_with_an_error_object_and_exit_1() {
    // Not JSON, an unknown field, a value of the wrong type.
    assert!(assess_error("{\"today\": ").starts_with("cannot read the input"));
    assert!(
        assess_error(&example_with(&["tody"], Value::from("2026-12-01")))
            .contains("unknown field `tody`")
    );
    assert!(
        assess_error(&example_with(&["case", "crn"], Value::from("X1")))
            .contains("unknown field `crn`")
    );
    assert!(assess_error(&example_with(
        &["case", "sentence_type"],
        Value::from("prison")
    ))
    .contains("unknown variant `prison`"));
    assert!(assess_error(&example_with(
        &["significant_changes", "0", "kind"],
        Value::from("moved")
    ))
    .contains("unknown variant `moved`"));
    // Custody needs its sentence date; the case form's own sentences name the field.
    let mut json: Value = serde_json::from_str(ASSESS_EXAMPLE).unwrap();
    json["case"]
        .as_object_mut()
        .unwrap()
        .remove("sentence_date");
    assert_eq!(
        assess_error(&json.to_string()),
        "case.sentence_date: Enter the sentence date"
    );
    // Answers the questionnaire does not offer.
    assert!(
        assess_error(&example_with(&["answers", "3.3"], Value::from("perhaps")))
            .starts_with("answers.3.3: \"perhaps\" is not an answer")
    );
    assert!(
        assess_error(&example_with(&["answers", "3.4"], Value::from(7)))
            .starts_with("answers.3.4: 7 is not an answer")
    );
    assert_eq!(
        assess_error(&example_with(&["answers", "99.1"], Value::from(1))),
        "answers.99.1: there is no item 99.1 in the assessment"
    );
    // A review in the future, a change before the sentence.
    assert_eq!(
        assess_error(&example_with(
            &["reviews_done", "0", "date"],
            Value::from("2026-12-02")
        )),
        "reviews_done[0].date must be today or in the past"
    );
    assert_eq!(
        assess_error(&example_with(&["significant_changes", "0", "date"], Value::from("2026-03-01"))),
        "significant_changes[0]: Date of the change must be on or after the sentence date 2 March 2026"
    );
}

#[test]
fn assess_never_panics_whatever_the_dates() {
    // Days that do not exist, years outside 1900–2100 and the ends of the calendar.
    for (path, date) in [
        (&["today"][..], "2026-02-30"),
        (&["today"][..], "9999-12-31"),
        (&["today"][..], "-009999-01-01"),
        (&["today"][..], "1899-12-31"),
        (&["case", "date_of_birth"][..], "-009999-01-01"),
        (&["case", "sentence_date"][..], "0000-01-01"),
        (&["case", "sentence_or_release_date"][..], "9999-12-20"),
        (&["case", "sentence_end_date"][..], "9999-12-31"),
        (&["plan_agreed_on"][..], "2101-01-01"),
        (&["reviews_done", "0", "date"][..], "-009999-01-01"),
        (&["significant_changes", "0", "date"][..], "9999-12-31"),
        (&["today"][..], "+10000-01-01"),
        (&["today"][..], "2026-13-01"),
    ] {
        let error = assess_error(&example_with(path, Value::from(date)));
        assert!(!error.is_empty(), "{path:?} {date}");
    }
    assert_eq!(
        assess_error(&example_with(&["today"], Value::from("2101-01-01"))),
        "today must be between 1900 and 2100 (it is 2101-01-01)"
    );
    // The last days the calendar of the forms allows still give a schedule.
    let late = r#"{"today": "2100-12-31", "case": {"sex": "male", "date_of_birth": "2080-01-01",
        "sentence_type": "custody", "sentence_date": "2100-12-01",
        "sentence_or_release_date": "2100-12-30", "sentence_end_date": "2100-12-31"},
        "reviews_done": [{"date": "2100-12-31", "purpose": "termination"}],
        "significant_changes": [{"date": "2100-12-31", "kind": "recall", "recorded_on": "2100-12-31"}]}"#;
    let (code, json) = assess_stdin(late);
    assert_eq!(code, Some(0), "{json}");
    let early = r#"{"today": "1910-01-02", "case": {"sex": "male", "date_of_birth": "1900-01-01",
        "sentence_type": "licence", "sentence_or_release_date": "1910-01-02",
        "sentence_end_date": "1910-01-03"}}"#;
    let (code, json) = assess_stdin(early);
    assert_eq!(code, Some(0), "{json}");
}

#[test]
fn assess_usage_problems_exit_2_and_an_unreadable_file_exits_1() {
    let output = workbook(&["assess"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("assess needs one FILE"));
    assert_eq!(workbook(&["assess", "a", "b"], "").status.code(), Some(2));
    let output = workbook(&["assess", "/no/such/case.json"], "");
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json["error"]
        .as_str()
        .unwrap()
        .contains("/no/such/case.json"));
    let help = String::from_utf8(workbook(&["--help"], "").stdout).unwrap();
    assert!(help.contains("workbook assess FILE"), "{help}");
}

// `workbook verify-package`: the WebCrypto-made vectors of issue 15 (tests/vectors), and packages
// edited as a forger would.

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/");

fn vector(name: &str) -> String {
    format!("{VECTORS}{name}")
}

fn vector_json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(vector(name)).unwrap()).unwrap()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn verify(args: &[&str]) -> Run {
    let mut all = vec!["verify-package"];
    all.extend_from_slice(args);
    let output = workbook(&all, "");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The vectors' package edited by `edit`, its digest recomputed: what a text editor and a few lines
/// of script make.
fn redigested(name: &str, edit: impl FnOnce(&mut Value)) -> InputFile {
    let mut value = vector_json("package.json");
    edit(&mut value);
    value["digest"] = Value::String(probation_workbook::domain::package::digest_of(&value));
    InputFile::new(name, &serde_json::to_string_pretty(&value).unwrap())
}

#[test]
fn verify_package_prints_every_signed_decision_verified_and_exits_0() {
    let team = vector("team.json");
    let run = verify(&[&vector("package.json"), "--team", &team]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("version "))
        .collect();
    assert_eq!(rows.len(), 4, "{}", run.stdout);
    assert!(rows[0].starts_with("version 1  sign "));
    assert!(rows[0].ends_with("Sam Patel (PO)               verified: Sam Patel (PO)"));
    assert!(rows[3].starts_with("version 2  countersign "));
    assert!(rows[3].ends_with("verified: Jo Bloggs (SPO)"));
    assert!(run.stdout.contains(
        "Version 2: signed by Sam Patel (PO) and countersigned by Jo Bloggs (SPO), verified"
    ));
    assert!(run.stdout.ends_with("Every signed decision is verified\n"));
    // Options in any order, the package on standard input.
    let package = std::fs::read_to_string(vector("package.json")).unwrap();
    let output = workbook(&["verify-package", "--team", &team, "-"], &package);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn verify_package_opens_a_package_webcrypto_sealed_for_the_holder_of_the_key() {
    let team = vector("team.json");
    let sealed = vector("sealed-package.json");
    let key = vector("senior-encryption-key.jwk");
    let run = verify(&[&sealed, "--team", &team, "--key", &key]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    let fingerprint = vector_json("keys.json")["senior"]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(run
        .stdout
        .starts_with(&format!("Opened {sealed}, sealed for {fingerprint}\n")));
    assert!(run.stdout.contains("Every signed decision is verified"));

    let officers = vector("officer-encryption-key.jwk");
    let run = verify(&[&sealed, "--team", &team, "--key", &officers]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains(&format!(
        "This package was sealed for someone else: {fingerprint}"
    )));

    let run = verify(&[&sealed, "--team", &team]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("is sealed: give --key KEY.jwk"));
}

#[test]
fn verify_package_refuses_a_flipped_or_cut_off_sealed_package_with_exit_2() {
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    let (team, key) = (vector("team.json"), vector("senior-encryption-key.jwk"));
    let mut sealed = vector_json("sealed-package.json");
    let mut ciphertext = engine
        .decode(sealed["ciphertext"].as_str().unwrap())
        .unwrap();
    ciphertext[100] ^= 0x20;
    sealed["ciphertext"] = Value::String(engine.encode(&ciphertext));
    let flipped = InputFile::new("flipped.json", &sealed.to_string());
    let run = verify(&[flipped.path(), "--team", &team, "--key", &key]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains(
        "The sealed package cannot be opened: it was changed or damaged after it was sealed"
    ));
    let text = std::fs::read_to_string(vector("sealed-package.json")).unwrap();
    let cut = InputFile::new("cut.json", &text[..text.len() / 2]);
    let run = verify(&[cut.path(), "--team", &team, "--key", &key]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("The sealed package is incomplete"),
        "{}",
        run.stderr
    );
    let package = std::fs::read_to_string(vector("package.json")).unwrap();
    let cut = InputFile::new("cut-package.json", &package[..package.len() - 10]);
    let run = verify(&[cut.path(), "--team", &team]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("The file is incomplete"),
        "{}",
        run.stderr
    );
}

#[test]
fn verify_package_says_altered_for_names_changed_and_the_digest_recomputed() {
    let text = std::fs::read_to_string(vector("package.json"))
        .unwrap()
        .replace("Jo Bloggs", "Ann Lee");
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["digest"] = Value::String(probation_workbook::domain::package::digest_of(&value));
    let edited = InputFile::new("renamed.json", &value.to_string());
    let run = verify(&[edited.path(), "--team", &vector("team.json")]);
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "altered: version 1 was changed after Ann Lee (SPO) returned it for rework: the return for rework does not match what the version holds"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(
        "Refused: the package cannot be imported: it was changed outside Probation Workbook"
    ));
}

#[test]
fn verify_package_says_no_signature_for_a_countersignature_removed() {
    let edited = redigested("stripped.json", |value| {
        value["signing"]["versions"][1]["signatures"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    let run = verify(&[edited.path(), "--team", &vector("team.json")]);
    assert_eq!(run.code, Some(1));
    assert!(run
        .stdout
        .contains("Jo Bloggs (SPO)              no signature: not verified"));
    assert!(run
        .stdout
        .contains("Version 2 is NOT countersigned as far as your team knows"));
    assert!(run
        .stdout
        .ends_with("Not every signed decision is verified\n"));
}

#[test]
fn verify_package_says_unknown_signer_or_cannot_countersign_from_the_team_list() {
    let mut team = vector_json("team.json");
    team["members"].as_array_mut().unwrap().pop();
    let officers_only = InputFile::new("officers-team.json", &team.to_string());
    let run = verify(&[&vector("package.json"), "--team", officers_only.path()]);
    assert_eq!(run.code, Some(1));
    assert!(run
        .stdout
        .contains("unknown signer: signed by someone not in your team"));
    assert!(!run.stdout.contains("verified: Jo Bloggs"));

    let mut team = vector_json("team.json");
    team["members"][1]["grade"] = "po".into();
    let demoted = InputFile::new("demoted-team.json", &team.to_string());
    let run = verify(&[&vector("package.json"), "--team", demoted.path()]);
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.contains(
        "cannot countersign: in your team, Jo Bloggs is a probation officer (PO), and only a senior probation officer or a head of service can countersign"
    ));
    assert!(run
        .stdout
        .contains("Refused: the package cannot be imported"));
}

#[test]
fn verify_package_usage_problems_and_unreadable_files_exit_2() {
    let package = vector("package.json");
    let team = vector("team.json");
    for args in [
        vec![package.as_str()],
        vec![package.as_str(), "--team"],
        vec!["--team", team.as_str()],
        vec![package.as_str(), "--team", team.as_str(), "--frobnicate"],
        vec![
            package.as_str(),
            "--team",
            team.as_str(),
            "--team",
            team.as_str(),
        ],
    ] {
        let run = verify(&args);
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(run.stderr.contains("Usage"), "{args:?}");
    }
    let missing = verify(&["/nonexistent/package.json", "--team", &team]);
    assert_eq!(missing.code, Some(2));
    assert!(missing
        .stderr
        .contains("cannot read /nonexistent/package.json"));
    let not_a_team = verify(&[&package, "--team", &package]);
    assert_eq!(not_a_team.code, Some(2));
    assert!(not_a_team.stderr.contains(
        "The file is a case package that is not sealed, not a Probation Workbook team list"
    ));
    let help = String::from_utf8(workbook(&["--help"], "").stdout).unwrap();
    assert!(help.contains("workbook verify-package FILE --team TEAM.json [--key KEY.jwk]"));
}
