//! `workbook`: the workbook's rules from the command line, for checking predictors outside the browser.
//!
//! `workbook predict FILE|-` reads predictor inputs as JSON and prints OGRS3, OGP and OVP as JSON.
//! Exit codes: 0 when the inputs were read (even if a predictor could not be calculated), 2 for a usage
//! problem or inputs that cannot be read.

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

    use probation_workbook::domain::offences::OffenceTable;
    use probation_workbook::domain::predictors::{predict, PredictorInputs, INPUT_FIELDS};

    const USAGE: &str = "\
Usage: workbook predict FILE
       workbook predict -        (read the inputs from standard input)
       workbook --help

predict  Reads predictor inputs as JSON and prints OGRS3, OGP and OVP as JSON.
         A predictor that cannot be calculated shows {\"error\": ...} and, when inputs
         are missing, \"missing\": [their names].

Exit codes: 0 inputs read; 2 usage problem, unreadable file, or JSON that is
malformed, has an unknown field or a value of the wrong type.";

    const USAGE_PROBLEM: i32 = 2;

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
        let (name, text) = if source == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            ("standard input".to_string(), text)
        } else {
            let text = std::fs::read_to_string(source)
                .map_err(|error| format!("cannot read {source}: {error}"))?;
            (source.to_string(), text)
        };
        let inputs: PredictorInputs = serde_json::from_str(&text)
            .map_err(|error| format!("cannot read the inputs in {name}: {error}"))?;
        Ok(predict(&inputs, OffenceTable::bundled()).to_json())
    }
}
