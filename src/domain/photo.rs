//! An optional photo of the person on the case page, as VISOR shows one (issue 19). The browser
//! makes it smaller (`fit_within`, at most [`PHOTO_MAX_SIDE`] pixels a side, JPEG) before it is kept
//! with the case record: so it is in backups, never in a case package, and in a JSON export only
//! when the officer asks (`SentencePlanExport::with_photo`).
//!
//! ```
//! use probation_workbook::domain::photo::{fit_within, PHOTO_MAX_SIDE};
//! assert_eq!(fit_within(4000, 3000, PHOTO_MAX_SIDE), Some((480, 360)));
//! assert_eq!(fit_within(300, 400, PHOTO_MAX_SIDE), Some((300, 400)), "never enlarged");
//! assert_eq!(fit_within(0, 400, PHOTO_MAX_SIDE), None);
//! ```

use serde::{Deserialize, Serialize};

/// The longest side of a kept photo, in pixels: enough to recognise a face on a case page.
pub const PHOTO_MAX_SIDE: u32 = 480;
/// The largest picture file taken in, before it is made smaller.
pub const PHOTO_FILE_MAX_BYTES: usize = 20 * 1024 * 1024;
/// The largest kept photo, as its data address (a 480-pixel JPEG is usually 30–80 KB).
pub const PHOTO_MAX_CHARS: usize = 400_000;
/// How a kept photo's data address starts.
pub const PHOTO_PREFIX: &str = "data:image/jpeg;base64,";
/// The picture types a browser can read and the file input offers.
pub const PHOTO_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "image/gif"];

/// The photo as kept with the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePhoto {
    /// `data:image/jpeg;base64,…`
    pub data_url: String,
    pub width: u32,
    pub height: u32,
    /// RFC 3339: when it was added.
    pub added_at: String,
}

/// Why a picture was not taken; each message is the sentence the officer reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("The selected file must be a JPG, PNG, WEBP or GIF")]
    NotAPicture,
    #[error("The selected file must be smaller than 20 MB")]
    TooLarge,
    #[error("The photo could not be read: choose another file")]
    Unreadable,
}

impl CasePhoto {
    /// Whether a photo read from storage or a backup is one this build made: a JPEG data address
    /// of base64, not too long, with a size within the limit. One that is not is not shown.
    pub fn check(&self) -> Result<(), PhotoError> {
        let Some(data) = self.data_url.strip_prefix(PHOTO_PREFIX) else {
            return Err(PhotoError::Unreadable);
        };
        let base64 = data
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'='));
        let sized = (1..=PHOTO_MAX_SIDE).contains(&self.width)
            && (1..=PHOTO_MAX_SIDE).contains(&self.height);
        if base64 && !data.is_empty() && self.data_url.len() <= PHOTO_MAX_CHARS && sized {
            Ok(())
        } else {
            Err(PhotoError::Unreadable)
        }
    }
}

/// Whether a chosen file may be read as a picture: its type and size.
pub fn check_chosen_file(mime_type: &str, bytes: f64) -> Result<(), PhotoError> {
    if !PHOTO_TYPES.contains(&mime_type) {
        return Err(PhotoError::NotAPicture);
    }
    if !(0.0..=PHOTO_FILE_MAX_BYTES as f64).contains(&bytes) {
        return Err(PhotoError::TooLarge);
    }
    Ok(())
}

/// The size a `width` × `height` picture is drawn at so that neither side exceeds `max`, keeping its
/// shape and never enlarging it; `None` for a picture with no pixels.
pub fn fit_within(width: u32, height: u32, max: u32) -> Option<(u32, u32)> {
    if width == 0 || height == 0 || max == 0 {
        return None;
    }
    let longest = width.max(height);
    if longest <= max {
        return Some((width, height));
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(max) + u64::from(longest) / 2) / u64::from(longest);
        (scaled as u32).max(1)
    };
    Some((scale(width), scale(height)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn photo(data_url: &str, width: u32, height: u32) -> CasePhoto {
        CasePhoto {
            data_url: data_url.into(),
            width,
            height,
            added_at: "2026-12-03T09:00:00Z".into(),
        }
    }

    #[test]
    fn a_kept_photo_is_a_small_jpeg() {
        assert!(photo("data:image/jpeg;base64,/9j/4AAQSkZJRg==", 480, 360)
            .check()
            .is_ok());
        for bad in [
            photo("data:image/png;base64,iVBORw0KGgo=", 10, 10),
            photo("data:image/jpeg;base64,", 10, 10),
            photo("data:image/jpeg;base64,<script>", 10, 10),
            photo("https://example.org/face.jpg", 10, 10),
            photo("data:image/jpeg;base64,/9j/", 481, 10),
            photo("data:image/jpeg;base64,/9j/", 10, 0),
            photo(
                &format!("data:image/jpeg;base64,{}", "A".repeat(PHOTO_MAX_CHARS)),
                10,
                10,
            ),
        ] {
            assert_eq!(
                bad.check(),
                Err(PhotoError::Unreadable),
                "{:.40}",
                bad.data_url
            );
        }
    }

    #[test]
    fn only_pictures_of_a_reasonable_size_are_read() {
        assert!(check_chosen_file("image/png", 2_000_000.0).is_ok());
        assert_eq!(
            check_chosen_file("application/pdf", 10.0),
            Err(PhotoError::NotAPicture)
        );
        assert_eq!(
            check_chosen_file("image/jpeg", 21.0 * 1024.0 * 1024.0),
            Err(PhotoError::TooLarge)
        );
        assert_eq!(
            PhotoError::NotAPicture.to_string(),
            "The selected file must be a JPG, PNG, WEBP or GIF"
        );
    }

    #[test]
    fn pictures_are_fitted_keeping_their_shape() {
        assert_eq!(fit_within(1000, 800, 480), Some((480, 384)));
        assert_eq!(fit_within(800, 1000, 480), Some((384, 480)));
        assert_eq!(fit_within(10_000, 1, 480), Some((480, 1)));
        assert_eq!(fit_within(480, 480, 480), Some((480, 480)));
        assert_eq!(fit_within(u32::MAX, u32::MAX, 480), Some((480, 480)));
    }

    proptest::proptest! {
        #[test]
        fn a_fitted_picture_is_within_the_limit_and_never_larger(width in 0u32..100_000, height in 0u32..100_000, max in 0u32..2000) {
            match fit_within(width, height, max) {
                None => proptest::prop_assert!(width == 0 || height == 0 || max == 0),
                Some((w, h)) => {
                    proptest::prop_assert!(w >= 1 && h >= 1);
                    proptest::prop_assert!(w <= max.max(1) && h <= max.max(1) || (w <= width && h <= height && width.max(height) <= max));
                    proptest::prop_assert!(w <= width && h <= height);
                }
            }
        }

        #[test]
        fn any_stored_photo_is_checked_without_a_panic(data in "\\PC{0,60}", width in 0u32..1000, height in 0u32..1000) {
            let _ = photo(&data, width, height).check();
            let _ = photo(&format!("{PHOTO_PREFIX}{data}"), width, height).check();
        }
    }
}
