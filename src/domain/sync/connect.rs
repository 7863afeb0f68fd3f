//! Connecting a browser to its team (issue 21, "Connect to your team"): the address the officer
//! types, read strictly, and the team a signed-in session belongs to, read from its roles. What is
//! kept afterwards ([`Connection`]) holds no password: the session is CouchDB's cookie.

use serde::{Deserialize, Serialize};

use super::server_setup::{database_name, senior_role, team_id, user_name};

/// The field keys of "Connect to your team", for messages beside the field.
pub const ADDRESS_FIELD: &str = "server-address";
pub const NAME_FIELD: &str = "user-name";
pub const PASSWORD_FIELD: &str = "password";

/// The team's database on its server, as typed: "https://team.example.org/db/t-5d1c9e0b7a3f2c11".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamAddress {
    /// The CouchDB root ("https://team.example.org/db"), no trailing slash.
    pub server: String,
    pub database: String,
}

/// Why an address, name or session was not taken, in the officer's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectError {
    #[error("Enter the server address")]
    NoAddress,
    #[error("Enter the server address as your senior gave it, like https://team.example.org/db/t-5d1c9e0b7a3f2c11")]
    BadAddress,
    #[error("The server address must start with https:// (http:// only for this computer)")]
    NotSecure,
    #[error("Enter your user name")]
    NoName,
    #[error("Enter your user name as your senior gave it: lower-case letters, digits, dots, dashes and underscores")]
    BadName,
    #[error("Enter your password")]
    NoPassword,
    #[error("You signed in, but you are not a member of a team on this server: ask your senior to add you")]
    NotAMember,
}

/// Reads the address the officer typed.
pub fn team_address(text: &str) -> Result<TeamAddress, ConnectError> {
    let text = text.trim().trim_end_matches('/');
    if text.is_empty() {
        return Err(ConnectError::NoAddress);
    }
    let (scheme, rest) = text.split_once("://").ok_or(ConnectError::BadAddress)?;
    let host = rest.split(['/', ':']).next().unwrap_or("");
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if host == "127.0.0.1" || host == "localhost" || host == "[::1]" => {}
        "http" => return Err(ConnectError::NotSecure),
        _ => return Err(ConnectError::BadAddress),
    }
    if host.is_empty() || rest.contains(['?', '#', ' ', '@']) {
        return Err(ConnectError::BadAddress);
    }
    let (server, database) = text.rsplit_once('/').ok_or(ConnectError::BadAddress)?;
    if !server.contains("://") || server.ends_with("://") {
        return Err(ConnectError::BadAddress);
    }
    database_name(database).map_err(|_| ConnectError::BadAddress)?;
    Ok(TeamAddress {
        server: server.to_string(),
        database: database.to_string(),
    })
}

/// Reads the user name the officer typed.
pub fn member_name(text: &str) -> Result<String, ConnectError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ConnectError::NoName);
    }
    user_name(text)
        .map(str::to_string)
        .map_err(|_| ConnectError::BadName)
}

/// The team a session's roles make it a member of, and whether as a senior.
pub fn membership(roles: &[String]) -> Result<(String, bool), ConnectError> {
    let team = roles
        .iter()
        .filter_map(|role| role.strip_prefix("team:"))
        .find(|team| !team.contains(':') && team_id(team).is_ok())
        .ok_or(ConnectError::NotAMember)?;
    let senior = roles.iter().any(|role| *role == senior_role(team));
    Ok((team.to_string(), senior))
}

/// What this browser keeps of its connection: where, which team, who (never a password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub server: String,
    pub database: String,
    pub team: String,
    pub name: String,
    pub senior: bool,
}

impl Connection {
    /// The address as the officer typed it, for the screen.
    pub fn address(&self) -> String {
        format!("{}/{}", self.server, self.database)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_address_names_the_server_and_the_team_database() {
        assert_eq!(
            team_address(" https://team.example.org/db/t-5d1c9e0b7a3f2c11/ "),
            Ok(TeamAddress {
                server: "https://team.example.org/db".into(),
                database: "t-5d1c9e0b7a3f2c11".into()
            })
        );
        assert_eq!(
            team_address("http://127.0.0.1:5984/db/t-5d1c9e0b7a3f2c11")
                .unwrap()
                .server,
            "http://127.0.0.1:5984/db"
        );
    }

    #[test]
    fn a_wrong_address_gets_a_specific_message() {
        assert_eq!(team_address(""), Err(ConnectError::NoAddress));
        assert_eq!(
            team_address("team.example.org"),
            Err(ConnectError::BadAddress)
        );
        assert_eq!(
            team_address("https://team.example.org/db"),
            Err(ConnectError::BadAddress)
        );
        assert_eq!(
            team_address("http://team.example.org/db/t-5d1c9e0b7a3f2c11"),
            Err(ConnectError::NotSecure)
        );
        assert_eq!(
            team_address("https://x@team.example.org/t-5d1c9e0b7a3f2c11"),
            Err(ConnectError::BadAddress)
        );
        assert_eq!(
            team_address("https:///t-5d1c9e0b7a3f2c11"),
            Err(ConnectError::BadAddress)
        );
    }

    #[test]
    fn roles_say_the_team_and_whether_a_senior() {
        let roles = |list: &[&str]| list.iter().map(|r| r.to_string()).collect::<Vec<_>>();
        assert_eq!(
            membership(&roles(&["team:north"])),
            Ok(("north".into(), false))
        );
        assert_eq!(
            membership(&roles(&["team:north:senior", "team:north"])),
            Ok(("north".into(), true))
        );
        assert_eq!(
            membership(&roles(&["_admin"])),
            Err(ConnectError::NotAMember)
        );
        assert_eq!(member_name(" alex.trainee "), Ok("alex.trainee".into()));
        assert_eq!(member_name("Alex"), Err(ConnectError::BadName));
        assert_eq!(member_name(""), Err(ConnectError::NoName));
    }

    proptest! {
        #[test]
        fn any_typed_address_is_read_or_refused_without_panicking(text in "\\PC{0,80}") {
            let _ = team_address(&text);
            let _ = member_name(&text);
        }
    }
}
