//! The web UI's files, compiled into the binary and served from a fixed table.
//!
//! No request path is ever turned into a filesystem path: `/assets/{name}`
//! looks `name` up in [`ASSETS`], so `..`, `%2e%2e` or any other name is a 404.
//! `/assets/vendor/{name}` serves the vendored uPlot files (written by
//! `scripts/bundle_ui.sh`) the same way, as the table's `vendor/{name}`.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::ApiError;
use crate::AppState;

/// `(name, content type, bytes)` of every served asset.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    ("index.html", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("style.css", "text/css; charset=utf-8", include_bytes!("../assets/style.css")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../assets/favicon.svg")),
    (
        "vendor/uPlot.iife.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/uPlot.iife.min.js"),
    ),
    ("vendor/uPlot.min.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/uPlot.min.css")),
];

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { asset("index.html") }))
        .route("/index.html", get(|| async { asset("index.html") }))
        .route("/favicon.ico", get(|| async { asset("favicon.svg") }))
        .route("/assets/{name}", get(|Path(name): Path<String>| async move { asset(&name) }))
        .route("/assets/vendor/{name}", get(|Path(name): Path<String>| async move { vendor(&name) }))
}

/// A vendored file: only a plain file name (no `/`), looked up as `vendor/{name}`.
fn vendor(name: &str) -> Response {
    if name.contains('/') {
        return ApiError::not_found("no such asset").into_response();
    }
    asset(&format!("vendor/{name}"))
}

fn asset(name: &str) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, bytes)) => {
            let mut res = (StatusCode::OK, *bytes).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            res
        }
        None => ApiError::not_found("no such asset").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendored_uplot_is_served_and_nothing_else() {
        for (name, mime) in [("uPlot.iife.min.js", "text/javascript"), ("uPlot.min.css", "text/css")] {
            let res = vendor(name);
            assert_eq!(res.status(), StatusCode::OK, "{name}");
            assert!(res.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with(mime), "{name}");
        }
        let js = ASSETS.iter().find(|(n, _, _)| *n == "vendor/uPlot.iife.min.js").unwrap().2;
        assert!(js.starts_with(b"/*! https://github.com/leeoniya/uPlot (v1.6.32) */"), "the pinned uPlot");
        for name in ["../app.js", "..", "vendor/uPlot.min.css", "uPlot.LICENSE", "README.md", "nope.js", ""] {
            assert_eq!(vendor(name).status(), StatusCode::NOT_FOUND, "{name}");
        }
        // The vendored files are not served under /assets/{name}.
        assert_eq!(asset("uPlot.iife.min.js").status(), StatusCode::NOT_FOUND);
    }
}
