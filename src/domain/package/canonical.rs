//! The canonical form of a JSON value and its SHA-256 digest: the same data gives the same digest whatever
//! the order of its keys or the whitespace around them.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The value as compact JSON with every object's keys sorted (by Unicode code point), recursively:
/// no whitespace, numbers as serde_json prints them, strings JSON-escaped as serde_json escapes them.
///
/// ```
/// use probation_workbook::domain::package::canonical_json;
/// let value: serde_json::Value = serde_json::from_str(r#"{ "b": [1, {"d": "x", "c": null}], "a": true }"#).unwrap();
/// assert_eq!(canonical_json(&value), r#"{"a":true,"b":[1,{"c":null,"d":"x"}]}"#);
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value);
    out
}

fn write(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (index, (key, item)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).expect("a string always serialises"));
}

/// The SHA-256 of the text, as 64 lower-case hex digits.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The digest of a package's JSON: SHA-256 over the canonical form of the top-level object without its
/// `digest` field.
pub fn digest_of(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut map = map.clone();
            map.remove("digest");
            sha256_hex(&canonical_json(&Value::Object(map)))
        }
        other => sha256_hex(&canonical_json(other)),
    }
}
