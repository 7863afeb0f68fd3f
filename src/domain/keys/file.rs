//! Reading one of this module's JSON files: size, text, JSON, format and format version, in that
//! order, each refusal a [`KeyError`]. Never panics.

use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_json::{Map, Value};

use super::error::{FileKind, KeyError};
use crate::domain::errors::json_error_detail;

/// Every Probation Workbook file format, and what to call it when it is the wrong one.
const OTHER_FORMATS: &[(&str, &str)] = &[
    (
        crate::domain::package::FORMAT,
        "a case package that is not sealed",
    ),
    (crate::domain::backup::FORMAT, "a Probation Workbook backup"),
    (super::identity::IDENTITY_FORMAT, "an identity card"),
    (super::sealed::SEALED_FORMAT, "a sealed case package"),
    (super::team::TEAM_FORMAT, "a team list"),
];

/// The file's top-level object, once its format is `format` and its version `version` (a later
/// version is [`KeyError::NewerVersion`]).
pub(super) fn read_object(
    bytes: &[u8],
    what: FileKind,
    format: &str,
    version: u32,
) -> Result<Map<String, Value>, KeyError> {
    if bytes.len() > what.max_bytes() {
        return Err(KeyError::TooLarge { what });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| KeyError::NotText { what })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(KeyError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| not_json(error, what))?;
    let Value::Object(fields) = value else {
        return Err(KeyError::WrongFormat { what });
    };
    match fields.get("format").and_then(Value::as_str) {
        Some(found) if found == format => {}
        Some(found) => {
            return Err(OTHER_FORMATS
                .iter()
                .find(|(other, _)| *other == found)
                .map_or(KeyError::WrongFormat { what }, |(_, name)| {
                    KeyError::OtherFormat { what, found: name }
                }))
        }
        None => return Err(KeyError::WrongFormat { what }),
    }
    match fields.get("version") {
        Some(found) if found.as_u64() == Some(u64::from(version)) => {}
        Some(found) if found.as_u64().is_some_and(|n| n > u64::from(version)) => {
            let found = found.as_u64().unwrap_or_default();
            return Err(KeyError::NewerVersion { what, found });
        }
        Some(found) => {
            return Err(KeyError::damaged(
                what,
                format!("its format version is {found}"),
            ))
        }
        None => {
            return Err(KeyError::damaged(
                what,
                "it does not say its format version",
            ))
        }
    }
    Ok(fields)
}

/// The object as `T`, a field missing, unknown or of the wrong kind refused as damaged.
pub(super) fn shape<T: DeserializeOwned>(
    fields: Map<String, Value>,
    what: FileKind,
) -> Result<T, KeyError> {
    serde_json::from_value(Value::Object(fields))
        .map_err(|error| KeyError::damaged(what, json_error_detail(&error)))
}

fn not_json(error: serde_json::Error, what: FileKind) -> KeyError {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => KeyError::Truncated { what, line, column },
        _ => KeyError::NotJson {
            what,
            line,
            column,
            detail: json_error_detail(&error),
        },
    }
}
