//! `workbook team-server setup|add-member|remove-member --server URL …`: a team's database on any
//! Apache CouchDB 3 (or the test peer), from the requests `domain::sync::server_setup` names. The
//! server admin's name and password come from `COUCHDB_USER` and `COUCHDB_PASSWORD` (never the
//! command line, which other users of the machine can read); they are exchanged for a `_session`
//! cookie at once.

use probation_workbook::domain::sync::replicate::{Method, Request};
use probation_workbook::domain::sync::server_setup::{
    database_name, member_document, member_role, new_database_name, senior_role, setup_requests,
    team_id, user_name, user_path, without_team,
};
use serde_json::{json, Value};

struct Server {
    agent: ureq::Agent,
    base: String,
    cookie: String,
}

impl Server {
    fn signed_in(base: &str) -> Result<Server, String> {
        let user = std::env::var("COUCHDB_USER")
            .map_err(|_| "set COUCHDB_USER to the server admin's name".to_string())?;
        let password = std::env::var("COUCHDB_PASSWORD")
            .map_err(|_| "set COUCHDB_PASSWORD to the server admin's password".to_string())?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let base = base.trim_end_matches('/').to_string();
        let response = agent
            .post(&format!("{base}/_session"))
            .header("content-type", "application/json")
            .send(json!({"name": user, "password": password}).to_string())
            .map_err(|error| format!("cannot reach {base}: {error}"))?;
        if response.status() != 200 {
            return Err(format!(
                "{base} did not accept the admin's name and password ({})",
                response.status()
            ));
        }
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .ok_or("the server gave no session cookie")?
            .to_string();
        Ok(Server {
            agent,
            base,
            cookie,
        })
    }

    fn send(&self, request: &Request) -> Result<(u16, Value), String> {
        let url = format!("{}{}", self.base, request.path);
        let sent = match request.method {
            Method::Get => self.agent.get(&url).header("cookie", &self.cookie).call(),
            method => {
                let builder = if method == Method::Put {
                    self.agent.put(&url)
                } else {
                    self.agent.post(&url)
                };
                builder
                    .header("cookie", &self.cookie)
                    .header("content-type", "application/json")
                    .send(request.body.clone().unwrap_or(json!({})).to_string())
            }
        };
        let mut response = sent.map_err(|error| format!("cannot reach {}: {error}", self.base))?;
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
    }

    /// Sends a request that must succeed.
    fn must(&self, request: &Request) -> Result<Value, String> {
        let (status, body) = self.send(request)?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(format!(
                "{} {} was refused ({status}): {}",
                match request.method {
                    Method::Get => "GET",
                    Method::Put => "PUT",
                    Method::Post => "POST",
                },
                request.path,
                body["reason"].as_str().unwrap_or("no reason given")
            ))
        }
    }

    /// Writes a user's document.
    fn put_user(&self, name: &str, document: &Value) -> Result<Value, String> {
        self.must(&Request {
            method: Method::Put,
            path: user_path(name),
            body: Some(document.clone()),
        })
    }

    /// A user's document, `None` when there is none.
    fn user(&self, name: &str) -> Result<Option<Value>, String> {
        let (status, body) = self.send(&Request {
            method: Method::Get,
            path: user_path(name),
            body: None,
        })?;
        Ok((status == 200).then_some(body))
    }
}

/// `--flag value` pairs and bare `--senior`.
fn flag<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|arg| *arg == name)
        .and_then(|at| args.get(at + 1))
        .copied()
}

fn random_hex<const N: usize>() -> Result<([u8; N], String), String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| format!("no randomness: {error}"))?;
    let hex = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok((bytes, hex))
}

/// Runs a team-server command: prints its outcome as JSON; `Err` for a usage problem (exit 2) or
/// a refusal (exit 1), with the sentence to print.
pub fn run(args: &[&str]) -> Result<(), (i32, String)> {
    let usage = |message: String| (2, message);
    let (command, rest) = args
        .split_first()
        .ok_or_else(|| usage("team-server needs a command".into()))?;
    let server =
        flag(rest, "--server").ok_or_else(|| usage("team-server needs --server URL".into()))?;
    let team = flag(rest, "--team").ok_or_else(|| usage("team-server needs --team TEAM".into()))?;
    let team = team_id(team).map_err(|error| usage(error.to_string()))?;
    let name =
        flag(rest, "--name").map(|name| user_name(name).map_err(|error| usage(error.to_string())));
    for variable in ["COUCHDB_USER", "COUCHDB_PASSWORD"] {
        if std::env::var_os(variable).is_none() {
            return Err(usage(format!(
                "set {variable} to the server admin's name and password"
            )));
        }
    }
    let refused = |message: String| (1, message);
    match *command {
        "setup" => {
            let server = Server::signed_in(server).map_err(refused)?;
            let (random, _) = random_hex::<8>().map_err(refused)?;
            let database = new_database_name(random);
            database_name(&database).map_err(|error| refused(error.to_string()))?;
            for request in setup_requests(team, &database) {
                server.must(&request).map_err(refused)?;
            }
            println!(
                "{}",
                json!({"database": database, "member_role": member_role(team), "senior_role": senior_role(team)})
            );
            Ok(())
        }
        "add-member" => {
            let name = name.ok_or_else(|| usage("add-member needs --name NAME".into()))??;
            let senior = rest.contains(&"--senior");
            let server = Server::signed_in(server).map_err(refused)?;
            let (_, password) = random_hex::<12>().map_err(refused)?;
            let existing = server.user(name).map_err(refused)?;
            let document = member_document(team, name, &password, senior, existing.as_ref());
            server.put_user(name, &document).map_err(refused)?;
            println!(
                "{}",
                json!({"name": name, "password": password, "roles": document["roles"]})
            );
            Ok(())
        }
        "remove-member" => {
            let name = name.ok_or_else(|| usage("remove-member needs --name NAME".into()))??;
            let server = Server::signed_in(server).map_err(refused)?;
            let existing = server
                .user(name)
                .map_err(refused)?
                .ok_or_else(|| refused(format!("there is no user {name} on the server")))?;
            let document = without_team(team, &existing);
            server.put_user(name, &document).map_err(refused)?;
            println!("{}", json!({"name": name, "roles": document["roles"]}));
            Ok(())
        }
        other => Err(usage(format!("unknown team-server command \"{other}\""))),
    }
}
