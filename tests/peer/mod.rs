//! The test peer `tests/team-server/with-peer.mjs` runs beside `make wasm-test`, and a team of each
//! test's own on it (two officers and a senior), so no test sees another's team list or keys.
#![cfg(target_arch = "wasm32")]
// Each test binary that includes this module uses part of it.
#![allow(dead_code)]

use probation_workbook::domain::sync::replicate::{Method, Request, Transport};
use probation_workbook::net::FetchTransport;
use serde_json::Value;

/// Where `with-peer.mjs` listens.
pub const PEER: &str = "http://127.0.0.1:5985";

#[derive(Clone)]
pub struct Member {
    /// The team they are in (its id, as their roles name it).
    pub team: String,
    pub name: String,
    pub password: String,
}

/// A new team on the peer: its database, and its members with their first passwords.
pub struct Demo {
    pub database: String,
    pub officer: Member,
    pub second: Member,
    pub senior: Member,
}

async fn ask(path: String) -> Value {
    let answer = FetchTransport::new(PEER)
        .send(Request {
            method: Method::Post,
            path,
            body: Some(serde_json::json!({})),
        })
        .await
        .expect("the test peer answers: run this through `make wasm-test`");
    assert_eq!(answer.status, 200, "the test peer: {}", answer.body);
    answer.body
}

/// A team of this test's own.
pub async fn team() -> Demo {
    let answer = ask("/_demo/team".into()).await;
    let team = answer["team"].as_str().unwrap().to_string();
    let member = |at: usize| Member {
        team: team.clone(),
        name: answer["members"][at]["name"].as_str().unwrap().into(),
        password: answer["members"][at]["password"].as_str().unwrap().into(),
    };
    Demo {
        database: answer["database"].as_str().unwrap().into(),
        officer: member(0),
        second: member(1),
        senior: member(2),
    }
}

/// A team's database, its officer and its senior.
pub async fn demo() -> (String, Member, Member) {
    let Demo {
        database,
        officer,
        senior,
        ..
    } = team().await;
    (database, officer, senior)
}

/// Takes `member` out of their team on the server, as its administrator would.
pub async fn remove(member: &Member) {
    ask(format!(
        "/_demo/team/{}/remove/{}",
        member.team, member.name
    ))
    .await;
}
