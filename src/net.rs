//! The network, for team sync only (issue 21): the browser's `fetch` as the replication's
//! [`Transport`], and signing in to the team's CouchDB with its `_session` cookie. The password
//! goes to the server once, in the sign-in request, and is never kept; the cookie is HttpOnly and
//! the browser sends it (`credentials: include`) with every later request. Nothing here reads or
//! writes a case: what travels is already sealed (`domain::sync::envelope`).

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, Response};

use crate::domain::sync::replicate::{Method, Request, Response as Answer, Transport};

/// How long one request may take before it counts as "no answer" (a longpoll sets its own).
pub const REQUEST_TIMEOUT_MS: i32 = 30_000;

/// The team's CouchDB at `base` ("https://team.example/db", no trailing slash).
#[derive(Debug, Clone)]
pub struct FetchTransport {
    base: String,
    timeout_ms: i32,
}

impl FetchTransport {
    pub fn new(base: &str) -> Self {
        FetchTransport {
            base: base.trim_end_matches('/').to_string(),
            timeout_ms: REQUEST_TIMEOUT_MS,
        }
    }

    /// The same server with another timeout (a longpoll waits longer than its heartbeat).
    pub fn with_timeout(mut self, timeout_ms: i32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }
}

fn method_name(method: Method) -> &'static str {
    match method {
        Method::Get => "GET",
        Method::Put => "PUT",
        Method::Post => "POST",
    }
}

fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "no answer".to_string())
}

/// One request with a JSON body (or none), the session cookie sent, cut off after `timeout_ms`.
/// `Err` only when no answer came (offline, refused, timed out).
async fn send(
    url: &str,
    method: &str,
    body: Option<&Value>,
    timeout_ms: i32,
) -> Result<Answer, String> {
    let window = web_sys::window().ok_or("no window")?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Include);
    let headers = Headers::new().map_err(describe)?;
    headers
        .set("Accept", "application/json")
        .map_err(describe)?;
    if let Some(body) = body {
        headers
            .set("Content-Type", "application/json")
            .map_err(describe)?;
        init.set_body(&JsValue::from_str(&body.to_string()));
    }
    init.set_headers(&headers);
    let controller = AbortController::new().map_err(describe)?;
    init.set_signal(Some(&controller.signal()));
    // Cut off after `timeout_ms`, and at once if the caller stops waiting (a longpoll given up
    // for a local change): never a request left open, nor a timer calling a dropped closure.
    let _in_flight = InFlight::start(&window, controller, timeout_ms)?;
    let answer = async {
        let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(describe)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(describe)?
            .dyn_into()
            .map_err(describe)?;
        let text = JsFuture::from(response.text().map_err(describe)?)
            .await
            .map_err(describe)?
            .as_string()
            .unwrap_or_default();
        Ok(Answer {
            status: response.status(),
            // A body that is not JSON (a proxy's error page) reads as nothing.
            body: serde_json::from_str(&text).unwrap_or(Value::Null),
        })
    }
    .await;
    answer
}

/// A request's abort: on a timer, or when dropped.
struct InFlight {
    window: web_sys::Window,
    timer: i32,
    controller: AbortController,
    _abort: Closure<dyn FnMut()>,
}

impl InFlight {
    fn start(
        window: &web_sys::Window,
        controller: AbortController,
        timeout_ms: i32,
    ) -> Result<InFlight, String> {
        let on_timer = controller.clone();
        let abort = Closure::<dyn FnMut()>::new(move || on_timer.abort());
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                timeout_ms,
            )
            .map_err(describe)?;
        Ok(InFlight {
            window: window.clone(),
            timer,
            controller,
            _abort: abort,
        })
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.timer);
        // A no-op once the answer has been read.
        self.controller.abort();
    }
}

impl Transport for FetchTransport {
    async fn send(&mut self, request: Request) -> Result<Answer, String> {
        send(
            &format!("{}{}", self.base, request.path),
            method_name(request.method),
            request.body.as_ref(),
            self.timeout_ms,
        )
        .await
    }
}

/// Who the server says is signed in: their name and roles (`None`: nobody).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub name: String,
    pub roles: Vec<String>,
}

fn session_of(body: &Value) -> Option<Session> {
    let context = body.get("userCtx").unwrap_or(body);
    Some(Session {
        name: context.get("name")?.as_str()?.to_string(),
        roles: context
            .get("roles")?
            .as_array()?
            .iter()
            .filter_map(|role| role.as_str().map(str::to_string))
            .collect(),
    })
}

/// Why signing in did not work, in the officer's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignInError {
    #[error("The server did not answer ({0}). Check the server address and that you are online.")]
    NoAnswer(String),
    #[error("The user name or password is not right.")]
    Refused,
    #[error("The server answered {0}, which is not what a CouchDB team server answers.")]
    Unexpected(u16),
}

/// Signs in with CouchDB's `_session` (the server sets the session cookie). The password is used
/// for this one request only.
pub async fn sign_in(base: &str, name: &str, password: &str) -> Result<Session, SignInError> {
    let url = format!("{}/_session", base.trim_end_matches('/'));
    let body = json!({ "name": name, "password": password });
    let answer = send(&url, "POST", Some(&body), REQUEST_TIMEOUT_MS)
        .await
        .map_err(SignInError::NoAnswer)?;
    match answer.status {
        200 => session_of(&answer.body).ok_or(SignInError::Unexpected(200)),
        401 | 403 => Err(SignInError::Refused),
        status => Err(SignInError::Unexpected(status)),
    }
}

/// Who the session cookie signs in now (`Ok(None)`: it has expired or was never there).
pub async fn current_session(base: &str) -> Result<Option<Session>, String> {
    let url = format!("{}/_session", base.trim_end_matches('/'));
    let answer = send(&url, "GET", None, REQUEST_TIMEOUT_MS).await?;
    if answer.status != 200 {
        return Err(format!("the server answered {}", answer.status));
    }
    Ok(session_of(&answer.body).filter(|session| !session.name.is_empty()))
}

/// Ends the session (the server clears its cookie).
pub async fn sign_out(base: &str) -> Result<(), String> {
    let url = format!("{}/_session", base.trim_end_matches('/'));
    send(&url, "DELETE", None, REQUEST_TIMEOUT_MS)
        .await
        .map(|_| ())
}
