//! `workbook`: the workbook's rules from the command line, for checking predictors outside the browser.
//!
//! `workbook predict FILE|-` reads predictor inputs as JSON and prints OGRS3, OGP and OVP as JSON.
//! Exit codes: 0 when the inputs were read (even if a predictor could not be calculated), 2 for a usage
//! problem or inputs that cannot be read.
//!
//! `workbook validate-export FILE|-` checks a sentence plan export against the committed schema
//! (`assets/schema/sentence-plan.schema.json`, built into the binary) and reads it as an export.
//! Exit codes: 0 valid, 1 not valid (each problem printed with its JSON path), 2 for a usage problem,
//! an unreadable file or text that is not JSON.
//!
//! `workbook assess FILE|-` reads a case, answers and review history as JSON and prints section
//! scores, identified needs, the overall RoSH and every review date as JSON
//! (`domain::export::assess`). Exit codes: 0 assessed; 1 the input cannot be read or is not valid
//! (`{"error": "…"}` on standard output); 2 for a usage problem.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

// The crate is also checked for wasm32 with `--all-targets`; there is no command line there.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Read;

    use probation_workbook::domain::export::{
        assess_json, check_export, ExportCheckError, SCHEMA_PATH,
    };
    use probation_workbook::domain::offences::OffenceTable;
    use probation_workbook::domain::predictors::{predict, PredictorInputs, INPUT_FIELDS};

    const USAGE: &str = "\
Usage: workbook predict FILE
       workbook predict -        (read the inputs from standard input)
       workbook validate-export FILE
       workbook validate-export -        (read the export from standard input)
       workbook assess FILE
       workbook assess -        (read the case from standard input)
       workbook --help

predict  Reads predictor inputs as JSON and prints OGRS3, OGP and OVP as JSON.
         A predictor that cannot be calculated shows {\"error\": ...} and, when inputs
         are missing, \"missing\": [their names].

validate-export  Checks a sentence plan export against the schema built into this
         binary (assets/schema/sentence-plan.schema.json) and prints \"valid\", or
         each problem with its JSON path, e.g.
         /plan/goals/0/target_date: \"2026-13-01\" is not a \"date\"

assess   Reads a case, its answers, plan agreement, reviews done and significant
         changes as JSON and prints the section scores, identified needs, overall
         RoSH and every review date as JSON (docs/workbook-cli.md).

Exit codes: predict: 0 inputs read; 2 usage problem, unreadable file, or JSON that
is malformed, has an unknown field or a value of the wrong type.
validate-export: 0 valid; 1 not valid; 2 usage problem, unreadable file or
malformed JSON.
assess: 0 assessed; 1 input that cannot be read or is not valid, printed as
{\"error\": ...}; 2 usage problem.";

    const USAGE_PROBLEM: i32 = 2;
    /// `validate-export` read the file, and it is not a valid export; `assess` could not use its input.
    const NOT_VALID: i32 = 1;

    /// Runs one command and returns the exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["--help" | "-h" | "help"] => {
                println!("{USAGE}\n\nInputs (every one optional; 0–2 items are scored as in the assessment):");
                for field in INPUT_FIELDS {
                    println!("  {:<32}{}", field.name, field.label);
                }
                0
            }
            ["predict", source] => match predict_from(source) {
                Ok(json) => {
                    println!("{json}");
                    0
                }
                Err(message) => {
                    eprintln!("workbook: {message}");
                    USAGE_PROBLEM
                }
            },
            ["validate-export", source] => validate_export(source),
            ["assess", source] => assess(source),
            ["assess", ..] => {
                eprintln!("workbook: assess needs one FILE, or - for standard input\n\n{USAGE}");
                USAGE_PROBLEM
            }
            ["validate-export", ..] => {
                eprintln!(
                    "workbook: validate-export needs one FILE, or - for standard input\n\n{USAGE}"
                );
                USAGE_PROBLEM
            }
            ["predict", ..] => {
                eprintln!("workbook: predict needs one FILE, or - for standard input\n\n{USAGE}");
                USAGE_PROBLEM
            }
            [] => {
                eprintln!("{USAGE}");
                USAGE_PROBLEM
            }
            [command, ..] => {
                eprintln!("workbook: unknown command \"{command}\"\n\n{USAGE}");
                USAGE_PROBLEM
            }
        }
    }

    /// The predictions as pretty JSON, or a one-line sentence saying why the inputs could not be read.
    fn predict_from(source: &str) -> Result<String, String> {
        let (name, text) = read_source(source)?;
        let inputs: PredictorInputs = serde_json::from_str(&text)
            .map_err(|error| format!("cannot read the inputs in {name}: {error}"))?;
        Ok(predict(&inputs, OffenceTable::bundled()).to_json())
    }

    /// Prints the assessment as pretty JSON (exit 0), or `{"error": "…"}` when the input cannot be
    /// read or is not valid (exit 1).
    fn assess(source: &str) -> i32 {
        let outcome = read_source(source).and_then(|(_, text)| assess_json(&text));
        match outcome {
            Ok(json) => {
                println!("{json}");
                0
            }
            Err(message) => {
                println!("{}", serde_json::json!({ "error": message }));
                NOT_VALID
            }
        }
    }

    /// Prints "valid", or each problem on its own line as "path: problem", and returns the exit code.
    fn validate_export(source: &str) -> i32 {
        let (name, text) = match read_source(source) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("workbook: {message}");
                return USAGE_PROBLEM;
            }
        };
        match check_export(&text) {
            Ok(_) => {
                println!("valid");
                0
            }
            Err(ExportCheckError::Malformed(error)) => {
                eprintln!("workbook: {name} is not JSON: {error}");
                USAGE_PROBLEM
            }
            Err(ExportCheckError::Invalid(problems)) => {
                println!(
                    "{name} is not a valid sentence plan export ({SCHEMA_PATH}, {} {}):",
                    problems.len(),
                    if problems.len() == 1 {
                        "problem"
                    } else {
                        "problems"
                    }
                );
                for problem in problems {
                    println!("{problem}");
                }
                NOT_VALID
            }
        }
    }

    /// The file's name for messages and its text; "-" is standard input.
    fn read_source(source: &str) -> Result<(String, String), String> {
        if source == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            Ok(("standard input".to_string(), text))
        } else {
            let text = std::fs::read_to_string(source)
                .map_err(|error| format!("cannot read {source}: {error}"))?;
            Ok((source.to_string(), text))
        }
    }
}
