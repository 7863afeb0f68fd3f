//! What `workbook team-server` asks of a CouchDB server (issue 21, item 6), as requests: the team
//! database (named opaquely), its `_security` (members by role, no database admins), the
//! validation design document with the team's role written in, and member users with roles. The
//! command line sends them; the rules of names and roles live here.

use serde_json::{json, Value};

use super::replicate::{encode, Method, Request};

/// The validation design document's function, `%TEAM_ROLE%` standing for the team's member role.
pub const VALIDATE_DOC_UPDATE: &str = include_str!("validate_doc_update.js");
/// The design document that holds it.
pub const DESIGN_DOCUMENT: &str = "_design/workbook";

/// Why a name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetupError {
    #[error("A team id is 1 to 40 lower-case letters, digits and dashes: \"{0}\" is not")]
    BadTeam(String),
    #[error("A member's user name is 1 to 60 lower-case letters, digits, dots, dashes and underscores: \"{0}\" is not")]
    BadName(String),
    #[error("A team database's name is \"t-\" and 16 hexadecimal digits: \"{0}\" is not")]
    BadDatabase(String),
}

fn check(text: &str, max: usize, extra: &[u8]) -> bool {
    !text.is_empty()
        && text.len() <= max
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || extra.contains(&b))
}

/// A team id, checked: it goes into roles and into the validation function.
pub fn team_id(text: &str) -> Result<&str, SetupError> {
    check(text, 40, b"-")
        .then_some(text)
        .ok_or_else(|| SetupError::BadTeam(text.chars().take(60).collect()))
}

/// A member's CouchDB user name, checked.
pub fn user_name(text: &str) -> Result<&str, SetupError> {
    (check(text, 60, b".-_") && !text.starts_with('_'))
        .then_some(text)
        .ok_or_else(|| SetupError::BadName(text.chars().take(80).collect()))
}

/// A team database's name, checked.
pub fn database_name(text: &str) -> Result<&str, SetupError> {
    let hex = text.strip_prefix("t-").unwrap_or("");
    (hex.len() == 16
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then_some(text)
    .ok_or_else(|| SetupError::BadDatabase(text.chars().take(60).collect()))
}

/// The name of a new team database from 8 random bytes: nothing about the team in it.
pub fn new_database_name(random: [u8; 8]) -> String {
    let hex: String = random.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("t-{hex}")
}

/// A team's member role, and its seniors' role.
pub fn member_role(team: &str) -> String {
    format!("team:{team}")
}

pub fn senior_role(team: &str) -> String {
    format!("team:{team}:senior")
}

/// The validation function for `team`.
pub fn validation_for(team: &str) -> String {
    VALIDATE_DOC_UPDATE
        .trim()
        .replace("%TEAM_ROLE%", &member_role(team))
}

/// The requests that make a team's database: create it, its `_security`, its validation.
pub fn setup_requests(team: &str, database: &str) -> Vec<Request> {
    vec![
        Request {
            method: Method::Put,
            path: format!("/{database}"),
            body: None,
        },
        Request {
            method: Method::Put,
            path: format!("/{database}/_security"),
            body: Some(json!({
                // No database admins: only the server's admins change _security and the design document.
                "admins": {"names": [], "roles": []},
                "members": {"names": [], "roles": [member_role(team)]},
            })),
        },
        Request {
            method: Method::Put,
            path: format!("/{database}/{DESIGN_DOCUMENT}"),
            body: Some(json!({ "validate_doc_update": validation_for(team) })),
        },
    ]
}

/// The path of a member's user document.
pub fn user_path(name: &str) -> String {
    format!("/_users/{}", encode(&format!("org.couchdb.user:{name}")))
}

/// A member's user document: their name, the password they sign in with first, and the team's
/// roles (a senior's too when `senior`). `existing` is their document as the server has it, whose
/// other roles and revision are kept.
pub fn member_document(
    team: &str,
    name: &str,
    password: &str,
    senior: bool,
    existing: Option<&Value>,
) -> Value {
    let mut roles = existing_roles(existing, team);
    roles.push(member_role(team));
    if senior {
        roles.push(senior_role(team));
    }
    let mut document = json!({
        "_id": format!("org.couchdb.user:{name}"),
        "name": name,
        "type": "user",
        "roles": roles,
        "password": password,
    });
    if let Some(rev) = existing.and_then(|existing| existing["_rev"].as_str()) {
        document["_rev"] = Value::String(rev.to_string());
    }
    document
}

/// A member's user document without the team's roles: the server then refuses them the team's
/// database (their password and other teams' roles are kept).
pub fn without_team(team: &str, existing: &Value) -> Value {
    let mut document = existing.clone();
    document["roles"] = json!(existing_roles(Some(existing), team));
    document
}

fn existing_roles(existing: Option<&Value>, team: &str) -> Vec<String> {
    let (member, senior) = (member_role(team), senior_role(team));
    existing
        .and_then(|existing| existing["roles"].as_array())
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|role| *role != member && *role != senior)
        .map(str::to_string)
        .collect()
}
