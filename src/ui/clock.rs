//! The browser's clock, read in one place so the domain never touches it.

use jiff::civil::Date;

/// Today in the officer's own time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i16,
        now.get_month() as i8 + 1,
        now.get_date() as i8,
    )
    .expect("the browser's clock gives a real date")
}

/// An RFC 3339 UTC timestamp, for records.
pub fn timestamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// "14:03:07" in local time, for the save status.
pub fn local_time_of(timestamp: &str) -> Option<String> {
    let date = js_sys::Date::new(&timestamp.into());
    if date.get_time().is_nan() {
        return None;
    }
    Some(format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    ))
}

/// A fresh record id: time and randomness, never shown to the officer.
pub fn new_id(prefix: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{millis:x}-{random:x}")
}
