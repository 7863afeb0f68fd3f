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
//!
//! `workbook verify-package FILE --team TEAM.json [--key KEY.jwk]` checks every signature of a case
//! package, plain or sealed (a sealed one is opened with `--key`, the recipient's ECDH private key as
//! a JWK), against a team list (`domain::package::verify_package`), and prints each signed decision:
//! version, kind, signer, and verified / unknown signer / altered / cannot countersign / no signature.
//! Exit codes: 0 every decision verified; 1 any not; 2 for a usage problem or a file that cannot be
//! read, opened or parsed.
//!
//! `workbook team-server setup|add-member|remove-member --server URL --team TEAM …` sets up a team
//! on CouchDB (`team_server.rs`, docs/team-server.md). Exit codes: 0 done; 1 the server refused or
//! could not be reached; 2 for a usage problem.

#[cfg(not(target_arch = "wasm32"))]
#[path = "workbook/team_server.rs"]
mod team_server;

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
       workbook verify-package FILE --team TEAM.json [--key KEY.jwk]
       workbook team-server setup --server URL --team TEAM
       workbook team-server add-member --server URL --team TEAM --name NAME [--senior]
       workbook team-server remove-member --server URL --team TEAM --name NAME
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

verify-package  Checks every signature of a case package (plain, or sealed: then
         --key is the recipient's ECDH private key as a JWK) against a team list,
         and prints each signed decision: version, kind, signer, and verified,
         unknown signer, altered, cannot countersign or no signature.

team-server  Sets up a team on Apache CouchDB 3 (docs/team-server.md), as the server's
         admin (COUCHDB_USER and COUCHDB_PASSWORD in the environment): setup makes the
         team's database (printed: give it to the team), its _security and its
         validation; add-member makes or updates a user with the team's roles and
         prints the password they sign in with first; remove-member takes the team's
         roles away, so the server refuses them the team's database.

Exit codes: predict: 0 inputs read; 2 usage problem, unreadable file, or JSON that
is malformed, has an unknown field or a value of the wrong type.
validate-export: 0 valid; 1 not valid; 2 usage problem, unreadable file or
malformed JSON.
assess: 0 assessed; 1 input that cannot be read or is not valid, printed as
{\"error\": ...}; 2 usage problem.
team-server: 0 done; 1 refused by the server or not reached; 2 usage problem.
verify-package: 0 every decision verified; 1 any not verified; 2 usage problem,
or a package, team list or key that cannot be read, opened or parsed.";

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
            ["team-server", rest @ ..] => match super::team_server::run(rest) {
                Ok(()) => 0,
                Err((code, message)) => {
                    eprintln!("workbook: {message}");
                    if code == USAGE_PROBLEM {
                        eprintln!("\n{USAGE}");
                    }
                    code
                }
            },
            ["verify-package", rest @ ..] => match verify_args(rest) {
                Ok((file, team, key)) => verify_package(file, team, key),
                Err(message) => {
                    eprintln!("workbook: {message}\n\n{USAGE}");
                    USAGE_PROBLEM
                }
            },
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

    /// `FILE --team TEAM.json [--key KEY]`, in any order.
    fn verify_args<'a>(args: &[&'a str]) -> Result<(&'a str, &'a str, Option<&'a str>), String> {
        let (mut file, mut team, mut key) = (None, None, None);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let slot = match *arg {
                "--team" => &mut team,
                "--key" => &mut key,
                _ if file.is_none() && (!arg.starts_with("--") || *arg == "-") => {
                    file = Some(*arg);
                    continue;
                }
                other => return Err(format!("verify-package does not take \"{other}\"")),
            };
            let value = args
                .next()
                .ok_or_else(|| format!("{arg} needs a file after it"))?;
            if slot.replace(*value).is_some() {
                return Err(format!("{arg} is given twice"));
            }
        }
        let file = file.ok_or("verify-package needs a FILE, or - for standard input")?;
        let team =
            team.ok_or("verify-package needs --team TEAM.json, the team list to check against")?;
        Ok((file, team, key))
    }

    /// Prints every signed decision of the package with its verdict and returns the exit code.
    fn verify_package(file: &str, team: &str, key: Option<&str>) -> i32 {
        match verified(file, team, key) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("workbook: {message}");
                USAGE_PROBLEM
            }
        }
    }

    fn verified(file: &str, team_file: &str, key: Option<&str>) -> Result<i32, String> {
        use probation_workbook::domain::keys::{
            is_sealed, open_sealed, open_sealed_with, parse_sealed, parse_team, EcdhPrivateKey,
            EventVerdict, KeyError,
        };
        use probation_workbook::domain::package::{parse_package_bytes, verify_package};
        use probation_workbook::domain::signing::long_day;

        let (name, bytes) = read_bytes(file)?;
        let team_bytes = std::fs::read(team_file)
            .map_err(|error| format!("cannot read {team_file}: {error}"))?;
        let team = parse_team(&team_bytes).map_err(|error| format!("{team_file}: {error}"))?;
        let bytes = if is_sealed(&bytes) {
            let key_file = key.ok_or_else(|| {
                format!(
                    "{name} is sealed: give --key KEY.jwk, the recipient's encryption private key"
                )
            })?;
            let sealed = parse_sealed(&bytes).map_err(|error| format!("{name}: {error}"))?;
            let key_bytes = std::fs::read(key_file)
                .map_err(|error| format!("cannot read {key_file}: {error}"))?;
            let private = EcdhPrivateKey::from_jwk(&key_bytes)
                .map_err(|error| format!("{key_file}: {error}"))?;
            let public = private.public_key();
            let opened = match team.by_encryption_key(&public) {
                Some(member) => open_sealed(&sealed, &private, &member.keys()),
                None => open_sealed_with(&sealed, &private, &public).map_err(|error| match error {
                    KeyError::CannotOpen => KeyError::SealedForSomeoneElse {
                        fingerprint: format!(
                            "{} (or it was changed after it was sealed)",
                            sealed.header.recipient
                        ),
                    },
                    other => other,
                }),
            };
            let opened = opened.map_err(|error| format!("{name}: {error}"))?;
            println!("Opened {name}, sealed for {}", sealed.header.recipient);
            opened
        } else {
            bytes
        };
        let package = parse_package_bytes(&bytes).map_err(|error| format!("{name}: {error}"))?;
        let verification = verify_package(&package, &team);
        println!(
            "Case package for CRN {}, exported by {} on {}",
            package.case.details.crn,
            package.exported_by.describe(),
            long_day(&package.exported_at)
        );
        let row = |version: u32, kind: &str, signer: String, status: String| {
            println!("version {version}  {kind:<26} {signer:<28} {status}");
        };
        let status = |verdict: &EventVerdict| match verdict {
            EventVerdict::Verified { member } => format!("verified: {}", team.label(member)),
            EventVerdict::UnknownSigner => {
                "unknown signer: signed by someone not in your team".to_string()
            }
            EventVerdict::Altered { reason } => format!("altered: {reason}"),
            EventVerdict::CannotCountersign { .. } => verdict.words(&team),
            EventVerdict::SameSigner { reason } => format!("same signer: {reason}"),
        };
        for version in &verification.versions {
            for claim in &version.claims {
                let words = claim
                    .verdict
                    .as_ref()
                    .map_or_else(|| "no signature: not verified".to_string(), &status);
                row(
                    version.number,
                    claim.kind.code(),
                    claim.by.describe(),
                    words,
                );
            }
            let recorded = |kind| version.claims.iter().any(|claim| claim.kind == kind);
            for event in verification
                .events
                .iter()
                .filter(|event| event.version == version.number && !recorded(event.kind))
            {
                row(
                    event.version,
                    event.kind.code(),
                    event.signer.describe(),
                    status(&event.verdict),
                );
            }
        }
        for problem in &verification.problems {
            println!("problem: {problem}");
        }
        for line in verification.lines(&team) {
            println!("{line}");
        }
        if verification.versions.is_empty() {
            println!("No signed versions");
        }
        if let Some(reason) = verification.refusal() {
            println!("Refused: the package cannot be imported: {reason}");
            return Ok(NOT_VALID);
        }
        if verification.all_verified() {
            println!("Every signed decision is verified");
            Ok(0)
        } else {
            println!("Not every signed decision is verified");
            Ok(NOT_VALID)
        }
    }

    /// The file's name for messages and its bytes; "-" is standard input.
    fn read_bytes(source: &str) -> Result<(String, Vec<u8>), String> {
        if source == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            Ok(("standard input".to_string(), bytes))
        } else {
            let bytes =
                std::fs::read(source).map_err(|error| format!("cannot read {source}: {error}"))?;
            Ok((source.to_string(), bytes))
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
