//! The test peer `tests/team-server/with-peer.mjs` runs beside `make wasm-test`, and its demo team.
#![cfg(target_arch = "wasm32")]

use probation_workbook::domain::sync::replicate::{Method, Request, Transport};
use probation_workbook::net::FetchTransport;

/// Where `with-peer.mjs` listens.
pub const PEER: &str = "http://127.0.0.1:5985";

pub struct Member {
    pub name: String,
    pub password: String,
}

/// The demo team's database, its officer and its senior (with their first passwords).
pub async fn demo() -> (String, Member, Member) {
    let answer = FetchTransport::new(PEER)
        .send(Request {
            method: Method::Get,
            path: "/_demo".into(),
            body: None,
        })
        .await
        .expect("the test peer answers: run this through `make wasm-test`");
    let member = |senior: bool| {
        let found = answer.body["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["senior"].as_bool().unwrap_or(false) == senior)
            .unwrap();
        Member {
            name: found["name"].as_str().unwrap().into(),
            password: found["password"].as_str().unwrap().into(),
        }
    };
    (
        answer.body["database"].as_str().unwrap().into(),
        member(false),
        member(true),
    )
}
