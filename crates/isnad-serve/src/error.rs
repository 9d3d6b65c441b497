//! The JSON error body: `{"error": {"code", "message"}}`.

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
    /// A human-readable message.
    pub message: String,
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
        ApiError { code, message: message.into() }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::NotFound, message)
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }

    /// 500.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Internal, message)
    }
}

impl From<isnad_app::AppError> for ApiError {
    fn from(e: isnad_app::AppError) -> Self {
        match e {
            isnad_app::AppError::ReadOnly(_) => ApiError::new(ErrorCode::ReadOnly, e.to_string()),
            isnad_app::AppError::Search(isnad_search::SearchError::InvalidDate { value, .. }) => {
                ApiError::bad_request(format!("not an ISO 8601 date: {value:?}"))
            }
            e => {
                tracing::error!(error = %e, "workspace error");
                ApiError::internal(e.to_string())
            }
        }
    }
}

impl From<isnad_store::StoreError> for ApiError {
    fn from(e: isnad_store::StoreError) -> Self {
        tracing::error!(error = %e, "store error");
        ApiError::internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.code.status();
        (status, Json(ErrorBody { error: self })).into_response()
    }
}
