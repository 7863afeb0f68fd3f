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
    if file.size() > max_bytes as f64 {
        return Err(FileProblem::TooLarge(file.size() as usize));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
