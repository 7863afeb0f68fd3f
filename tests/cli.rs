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
  "schema_version": 1,
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
    "rosh": {"rosh_assessed": false, "overall": null, "grid": [{"group": "public", "setting": "community", "level": null}]},
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
  "signing": {"status": "unsigned_draft", "version": 1}
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
