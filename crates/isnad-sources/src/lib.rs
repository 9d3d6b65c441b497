//! isnad-sources (docs to be written)

pub mod html;
pub mod text;

pub use html::extract_html;

use isnad_model::Warning;

pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning { code: code.to_string(), message: message.into() }
}

/// Whether `s` is an absolute `http://` or `https://` URL.
pub fn is_url(s: &str) -> bool {
    match reqwest::Url::parse(s.trim()) {
        Ok(u) => matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()),
        Err(_) => false,
    }
}
