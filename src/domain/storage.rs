//! What the browser's storage means for the officer's work: whether it is persistent, how much of the
//! quota is used, and what to do about it, in plain words for the "Storage and backup" page.

/// What the browser says about this site's storage (`navigator.storage`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageFacts {
    /// `persisted()`: `None` when the browser cannot say (no Storage API).
    pub persisted: Option<bool>,
    /// `estimate()` in bytes, when the browser gives one.
    pub usage: Option<f64>,
    pub quota: Option<f64>,
}

/// The storage summary: a heading-sized status and the sentences that explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageSummary {
    /// "Persistent" or "Not persistent" or "Unknown", for a GOV.UK tag.
    pub status: &'static str,
    pub explanation: Vec<String>,
    /// "12.3 MB of 1.2 GB (1%)", when the browser gave an estimate.
    pub used: Option<String>,
    /// The share of the quota used is high enough to warn about (80% or more).
    pub nearly_full: bool,
}

/// Bytes in the units people read: "512 bytes", "12.3 KB", "4.5 MB", "1.2 GB" (1 KB = 1,000 bytes,
/// as browsers and file managers show them).
pub fn format_bytes(bytes: f64) -> String {
    if !bytes.is_finite() || bytes < 0.0 {
        return "an unknown amount".to_string();
    }
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000.0 {
        let whole = bytes.round() as u64;
        return if whole == 1 {
            "1 byte".to_string()
        } else {
            format!("{whole} bytes")
        };
    }
    let mut value = bytes / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let text = if value >= 100.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    format!("{} {}", text.trim_end_matches(".0"), UNITS[unit])
}

/// The summary of what the browser said.
pub fn summarise(facts: StorageFacts) -> StorageSummary {
    let mut explanation = Vec::new();
    let status = match facts.persisted {
        Some(true) => {
            explanation.push("This browser has agreed to keep the workbook's storage: it will not delete your cases to free up space. Clearing this site's data, or the browser's history with \"site data\" ticked, still deletes them, so keep a recent backup.".to_string());
            "Persistent"
        }
        Some(false) => {
            explanation.push("This browser has not agreed to keep the workbook's storage. If the computer runs short of disk space it may delete your cases without asking. Installing the app, or using it often, makes browsers more likely to agree. Until then, back up the workbook regularly.".to_string());
            "Not persistent"
        }
        None => {
            explanation.push("This browser cannot say whether it will keep the workbook's storage. Back up the workbook regularly.".to_string());
            "Unknown"
        }
    };
    let (used, nearly_full) = match (facts.usage, facts.quota) {
        (Some(usage), Some(quota)) if quota > 0.0 && usage.is_finite() && quota.is_finite() => {
            let share = (usage / quota * 100.0).clamp(0.0, 100.0);
            let percent = if share > 0.0 && share < 1.0 {
                "less than 1%".to_string()
            } else {
                format!("{share:.0}%")
            };
            let nearly_full = share >= 80.0;
            if nearly_full {
                explanation.push("The workbook's storage is nearly full: back up the workbook now, and free disk space on this computer.".to_string());
            }
            (
                Some(format!(
                    "{} of {} ({percent})",
                    format_bytes(usage),
                    format_bytes(quota)
                )),
                nearly_full,
            )
        }
        (Some(usage), _) if usage.is_finite() => (Some(format_bytes(usage)), false),
        _ => (None, false),
    };
    StorageSummary {
        status,
        explanation,
        used,
        nearly_full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_as_people_write_them() {
        assert_eq!(format_bytes(0.0), "0 bytes");
        assert_eq!(format_bytes(1.0), "1 byte");
        assert_eq!(format_bytes(999.0), "999 bytes");
        assert_eq!(format_bytes(1000.0), "1 KB");
        assert_eq!(format_bytes(12_345.0), "12.3 KB");
        assert_eq!(format_bytes(4_500_000.0), "4.5 MB");
        assert_eq!(format_bytes(999_990.0), "1 MB");
        assert_eq!(format_bytes(123_456_789.0), "123 MB");
        assert_eq!(format_bytes(1.2e9), "1.2 GB");
        assert_eq!(format_bytes(5e15), "5000 TB");
        assert_eq!(format_bytes(f64::NAN), "an unknown amount");
        assert_eq!(format_bytes(-1.0), "an unknown amount");
    }

    #[test]
    fn persistent_storage_is_explained_with_what_still_deletes_it() {
        let summary = summarise(StorageFacts {
            persisted: Some(true),
            usage: Some(2_400_000.0),
            quota: Some(1.2e9),
        });
        assert_eq!(summary.status, "Persistent");
        assert_eq!(
            summary.used.as_deref(),
            Some("2.4 MB of 1.2 GB (less than 1%)")
        );
        assert!(summary.explanation[0].contains("will not delete your cases"));
        assert!(summary.explanation[0].contains("keep a recent backup"));
        assert!(!summary.nearly_full);
    }

    #[test]
    fn refused_persistence_says_the_browser_may_delete_cases() {
        let summary = summarise(StorageFacts {
            persisted: Some(false),
            usage: Some(900.0),
            quota: Some(1000.0),
        });
        assert_eq!(summary.status, "Not persistent");
        assert!(summary.explanation[0].contains("may delete your cases"));
        assert_eq!(summary.used.as_deref(), Some("900 bytes of 1 KB (90%)"));
        assert!(summary.nearly_full);
        assert!(summary.explanation[1].contains("nearly full"));
    }

    #[test]
    fn missing_or_odd_estimates_never_divide_by_zero() {
        let unknown = summarise(StorageFacts {
            persisted: None,
            usage: None,
            quota: None,
        });
        assert_eq!(unknown.status, "Unknown");
        assert_eq!(unknown.used, None);
        let no_quota = summarise(StorageFacts {
            persisted: Some(false),
            usage: Some(5000.0),
            quota: Some(0.0),
        });
        assert_eq!(no_quota.used.as_deref(), Some("5 KB"));
        let over = summarise(StorageFacts {
            persisted: Some(true),
            usage: Some(3000.0),
            quota: Some(1000.0),
        });
        assert_eq!(over.used.as_deref(), Some("3 KB of 1 KB (100%)"));
    }
}
