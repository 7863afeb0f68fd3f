//! Reading the file an officer chose in a file input, for the screens that take one in.

use wasm_bindgen_futures::JsFuture;

/// Why the chosen file was not read.
pub enum FileProblem {
    /// No file is chosen.
    NoneChosen,
    /// Larger than the screen takes, in bytes (refused before it is read).
    TooLarge(usize),
    Unreadable,
}

impl FileProblem {
    /// The sentence for the field: `none_chosen` and `too_large` are the screen's own words; a file
    /// that cannot be read is told to choose it again.
    pub fn message(&self, none_chosen: &str, too_large: impl Fn(usize) -> String) -> String {
        match self {
            FileProblem::NoneChosen => none_chosen.to_string(),
            FileProblem::TooLarge(bytes) => too_large(*bytes),
            FileProblem::Unreadable => "The file could not be read: choose it again".to_string(),
        }
    }
}

/// The bytes of the first file chosen in `input`, refusing one larger than `max_bytes`.
pub async fn chosen_file_bytes(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<Vec<u8>, FileProblem> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(FileProblem::NoneChosen)?;
    file_bytes(&file, max_bytes).await
}

/// The file input a `change` event came from, if it came from one.
pub fn file_input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// Every file chosen in `input` (one with `multiple`), in the order given.
pub fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(files) = input.files() else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|at| files.get(at)).collect()
}

/// The bytes of one chosen file, refusing one larger than `max_bytes`.
pub async fn file_bytes(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, FileProblem> {
    if file.size() > max_bytes as f64 {
        return Err(FileProblem::TooLarge(file.size() as usize));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first picture chosen in `input`, drawn at most `PHOTO_MAX_SIDE` pixels a side on a white
/// ground and kept as a JPEG, added at `at`; or the sentence for the field.
pub async fn chosen_photo(
    input: &web_sys::HtmlInputElement,
    at: &str,
) -> Result<crate::domain::photo::CasePhoto, String> {
    use crate::domain::photo::{
        check_chosen_file, fit_within, CasePhoto, PhotoError, PHOTO_MAX_SIDE,
    };
    use leptos::prelude::{document, window};
    use wasm_bindgen::{JsCast, JsValue};
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or_else(|| "Choose a photo".to_string())?;
    check_chosen_file(&file.type_(), file.size()).map_err(|error| error.to_string())?;
    let unreadable = |_| PhotoError::Unreadable.to_string();
    let promise = window()
        .create_image_bitmap_with_blob(&file)
        .map_err(unreadable)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(unreadable)?
        .dyn_into()
        .map_err(|_| PhotoError::Unreadable.to_string())?;
    let (width, height) = fit_within(bitmap.width(), bitmap.height(), PHOTO_MAX_SIDE)
        .ok_or_else(|| PhotoError::Unreadable.to_string())?;
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(unreadable)?
        .dyn_into()
        .map_err(|_| PhotoError::Unreadable.to_string())?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(unreadable)?
        .ok_or_else(|| PhotoError::Unreadable.to_string())?
        .dyn_into()
        .map_err(|_| PhotoError::Unreadable.to_string())?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            &bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(unreadable)?;
    bitmap.close();
    let data_url = canvas
        .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(0.85))
        .map_err(unreadable)?;
    let photo = CasePhoto {
        data_url,
        width,
        height,
        added_at: at.to_string(),
    };
    photo.check().map_err(|error| error.to_string())?;
    Ok(photo)
}
