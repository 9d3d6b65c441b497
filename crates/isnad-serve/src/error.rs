//! The JSON error body: `{"error": {"code", "message", "id"?}}`.
//!
//! Internal errors (500) never show their detail to the client: file-system
//! paths, SQLite and tantivy messages stay in the server log. The client gets
//! a generic message and an error id, logged with the detail by `tracing`,
//! so the two can be matched.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The machine-readable error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 404.
    NotFound,
    /// 400.
    BadRequest,
    /// 403: a write on a read-only server.
    ReadOnly,
    /// 413.
    PayloadTooLarge,
    /// 408.
    Timeout,
    /// 500.
    Internal,
}

impl ErrorCode {
    /// The HTTP status of this code.
    pub fn status(self) -> StatusCode {
        match self {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
            ErrorCode::ReadOnly => StatusCode::FORBIDDEN,
            ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::Timeout => StatusCode::REQUEST_TIMEOUT,
            ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An API error; answers with its status and the JSON body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiError {
    /// The code.
    pub code: ErrorCode,
    /// A human-readable message (for `internal`, a generic one).
    pub message: String,
    /// For `internal` errors: the id under which the detail was logged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The error body.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ApiError,
}

impl ApiError {
    /// An error with this code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into(), id: None }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::NotFound, message)
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    /// An internal error (500): `detail` goes to the server log only, under a
    /// fresh error id; the client sees [`INTERNAL_MESSAGE`] and the id.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        let id = error_id();
        tracing::error!(error_id = %id, detail = %detail, "internal error");
        ApiError { code: ErrorCode::Internal, message: format!("{INTERNAL_MESSAGE} (error id {id})"), id: Some(id) }
    }
}

/// The message of every `internal` error.
pub const INTERNAL_MESSAGE: &str = "internal server error; the details are in the server log";

/// A short id unique within this process and unlikely to repeat across runs:
/// seconds since the epoch and a counter, in hex (`6745b2c1-3`).
fn error_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format!("{secs:x}-{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
}

impl From<isnad_app::AppError> for ApiError {
    fn from(e: isnad_app::AppError) -> Self {
        match e {
            isnad_app::AppError::ReadOnly(_) => {
                ApiError::new(ErrorCode::ReadOnly, "the server is read-only: nothing can be stored")
            }
            isnad_app::AppError::Search(isnad_search::SearchError::InvalidDate { value, .. }) => {
                ApiError::bad_request(format!("not an ISO 8601 date: {value:?}"))
            }
            e => ApiError::internal(format_args!("workspace: {e}")),
        }
    }
}

impl From<isnad_store::StoreError> for ApiError {
    fn from(e: isnad_store::StoreError) -> Self {
        ApiError::internal(format_args!("store: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.code.status();
        (status, Json(ErrorBody { error: self })).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn body(e: ApiError) -> (StatusCode, serde_json::Value) {
        let status = e.code.status();
        (status, serde_json::to_value(ErrorBody { error: e }).unwrap())
    }

    #[test]
    fn store_errors_hide_paths_and_carry_an_id() {
        let path = PathBuf::from("/srv/secret-data/isnad.sqlite");
        let e = isnad_store::StoreError::NotFound { path: path.clone() };
        assert!(e.to_string().contains("/srv/secret-data"), "the test needs a message with a path");
        let (status, b) = body(ApiError::from(e));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(b["error"]["code"], "internal");
        let msg = b["error"]["message"].as_str().unwrap();
        assert!(!msg.contains("secret-data") && !msg.contains("sqlite"), "{msg}");
        assert!(msg.starts_with(INTERNAL_MESSAGE), "{msg}");
        let id = b["error"]["id"].as_str().unwrap();
        assert!(msg.contains(id), "{msg} / {id}");
    }

    #[test]
    fn workspace_errors_hide_paths() {
        let e = isnad_app::AppError::State { path: "/home/me/data/stories.json".into(), message: "denied".into() };
        let (status, b) = body(ApiError::from(e));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        let msg = b["error"]["message"].as_str().unwrap();
        assert!(!msg.contains("/home/me") && !msg.contains("denied"), "{msg}");
        // A write on a read-only workspace is 403 without the data directory's path.
        let (status, b) = body(ApiError::from(isnad_app::AppError::ReadOnly("/home/me/data".into())));
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(b["error"]["code"], "read_only");
        assert!(!b["error"]["message"].as_str().unwrap().contains("/home/me"), "{b}");
        assert!(b["error"].get("id").is_none(), "{b}");
    }

    #[test]
    fn ids_differ_and_other_errors_keep_their_message() {
        let a = ApiError::internal("x");
        let b = ApiError::internal("x");
        assert_ne!(a.id, b.id);
        let (status, nf) = body(ApiError::not_found("no document abc"));
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(nf["error"]["message"], "no document abc");
        assert!(nf["error"].get("id").is_none());
    }
}
