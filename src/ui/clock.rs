//! The browser's clock, read in one place so the domain never touches it. Days and times are London's
//! (`domain::dates::london_datetime`), whatever time zone the device is set to.

use jiff::civil::Date;
use jiff::Timestamp;

use crate::domain::dates::{london_date, london_datetime};

/// Now, from the browser's clock (milliseconds since 1970, UTC).
pub fn now() -> Timestamp {
    Timestamp::from_millisecond(js_sys::Date::now() as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Today in London.
pub fn today() -> Date {
    london_date(now())
}

/// An RFC 3339 UTC timestamp, for records.
pub fn timestamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// "14:03:07" in London time, for the save status.
pub fn local_time_of(timestamp: &str) -> Option<String> {
    let time = london_datetime(timestamp.parse::<Timestamp>().ok()?);
    Some(format!(
        "{:02}:{:02}:{:02}",
        time.hour(),
        time.minute(),
        time.second()
    ))
}

/// A fresh record id: time and randomness, never shown to the officer.
pub fn new_id(prefix: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{millis:x}-{random:x}")
}
