//! `isnad serve`: an HTTP JSON API and an Arabic right-to-left web UI over an
//! isnad data directory ([`isnad_app::Workspace`]).
//!
//! # Endpoints
//!
//! JSON under `/api/v1` (every list answers `{"items": [...], "limit", "offset", "total"?}`):
//!
//! | method | path | what |
//! |---|---|---|
//! | GET | `/status` | `{read_only, counts, version}` |
//! | GET | `/documents?outlet&from&to&entity&story&limit&offset` | document summaries (`limit` ≤ 200, default 50) |
//! | GET | `/documents/{id}` | `{document, duplicates, story}`: the full document with all its facts, and its story `{id, label, documents}` (or null) |
//! | POST | `/documents` | `{text?, html?, url?, title?, outlet?, published?, store?}` → `{document, stored, id}` |
//! | GET | `/entities?type&name&limit&offset` | entity rows (`type`: `PERSON` `ORG` `PLACE` `OUTLET`) |
//! | GET | `/entities/{id}?limit&offset` | `{entity, days, quotes, quotes_total, figures, figures_total, limit, offset}`: mentions per day, a page of their quotes and of the figures they are the source of |
//! | GET | `/figures?what&place&story&source&from&to&limit&offset` | figure rows |
//! | GET | `/series?what&place` | figure series over time |
//! | GET | `/quotes?speaker&story&limit&offset` | quote rows |
//! | GET | `/stories?limit&offset` | story summaries, largest first (`total` counts them all) |
//! | GET | `/stories/{id}` | story view: documents, timeline, series, contradictions, updates |
//! | GET | `/search?q&outlet&from&to&entity&type&limit&offset` | hits with snippet text and char-offset highlights |
//! | GET | `/openapi.json` | the OpenAPI 3.1 description, generated from the handlers (utoipa) |
//!
//! Errors answer `{"error": {"code", "message"}}` with `code` one of
//! `not_found` (404), `bad_request` (400), `read_only` (403),
//! `payload_too_large` (413), `timeout` (408) and `internal` (500). An
//! `internal` error has a generic message and an `id`; its detail (which may
//! hold file paths or SQLite and tantivy messages) is only logged, with
//! `tracing` at level `error`, under that id.
//!
//! The web UI is `/` (`index.html`), `/assets/{name}` (`app.js`,
//! `style.css`, `favicon.svg`) and `/assets/vendor/{name}` (uPlot's
//! `uPlot.iife.min.js` and `uPlot.min.css`): a single-page app in plain JS with hash
//! routes (`#/stories`, `#/story/ID`, `#/doc/ID`, `#/entity/ID`, `#/search`,
//! `#/ingest`), Arabic first with an English toggle (`?lang=en`). The stories
//! list, search results and an entity's quotes and figures have
//! previous/next links over the API's `limit` and `offset`
//! (`#/stories?limit=50&offset=50`); `#/doc/ID?figure=N` (or
//! `?quote=N`) opens the attribution chain of the document's N-th figure
//! (quote). Charts (a story's figure series, an entity's mentions per day)
//! are drawn on a canvas by [uPlot](https://github.com/leeoniya/uPlot) (MIT),
//! pinned in `scripts/ui-package.json` and vendored into `assets/vendor/` by
//! `scripts/bundle_ui.sh`, so the build needs no npm. A figure series has one
//! uPlot series (colour) per source; a draw hook adds each hedged figure's
//! bounds: a low..high range as an error bar, an open-ended hedge ("more
//! than", "at least"; "less than", "up to") as a dashed bar with an arrow from
//! its bound to the plot's top (or zero line).
//!
//! # Safety
//!
//! * binds `127.0.0.1:8080` by default;
//! * request bodies are limited ([`ServeConfig::max_body`], 2 MiB: 413 with
//!   the JSON error) and requests time out ([`ServeConfig::timeout`], 30 s: 408);
//! * `--read-only` opens the data directory read-only and refuses writes
//!   (`POST /documents` with `store` not false: 403 `read_only`);
//! * static files come from a fixed table compiled into the binary: no
//!   filesystem path is ever built from a request, so no traversal;
//! * every response carries `X-Content-Type-Options: nosniff`,
//!   `Content-Security-Policy: default-src 'self'; style-src 'self' 'unsafe-inline'`
//!   (no inline scripts, nothing from other hosts), `X-Frame-Options: DENY` and
//!   `Referrer-Policy: no-referrer`;
//! * the UI inserts article text with DOM text nodes only (never `innerHTML`),
//!   so markup inside an article is shown as text.
//!
//! A workspace holds a SQLite connection (not `Sync`): it sits behind a
//! mutex and every query runs in `tokio::task::spawn_blocking`. A read-only
//! server opens [`ServeConfig::readers`] workspaces (default: the number of
//! cores, at most 4), each with its own SQLite connection and index reader,
//! and a request takes the first free one, so reads run in parallel. A
//! read-write server keeps a single workspace: writes and reads go through
//! one handle, which sees its own writes.
//!
//! # Performance
//!
//! `examples/load.rs` (release build, 50 generated articles, 4 client threads
//! for 10 s on 2 cores shared with the clients and another engineer's builds,
//! load average 2.5 to 3.2), alternating `GET /documents/{id}` and
//! `GET /search?q=…` on a read-only server, no errors in any run:
//!
//! | workspaces | req/s (two runs) | documents p50 / p95 | search p50 / p95 |
//! |---|---|---|---|
//! | 1 (`--readers 1`: one mutex) | 3,488; 3,500 | 1.05 / 1.86 ms | 1.14 / 1.96 ms |
//! | 2 (the default on 2 cores) | 4,419; 3,828 | 0.80 / 1.45 ms | 0.89 / 1.55 ms |
//!
//! (Latencies of the first run of each. The clients and the server share the
//! two cores, so more workspaces than cores buys nothing here.)

mod api;
mod assets;
mod error;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use isnad_app::Workspace;

pub use api::ApiDoc;
pub use error::{ApiError, ErrorCode};

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; style-src 'self' 'unsafe-inline'";

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The data directory.
    pub data: PathBuf,
    /// Where to listen (default `127.0.0.1:8080`).
    pub addr: SocketAddr,
    /// Open the data directory read-only and refuse writes.
    pub read_only: bool,
    /// Largest accepted request body in bytes (default 2 MiB).
    pub max_body: usize,
    /// Per-request time limit (default 30 s).
    pub timeout: Duration,
    /// Read-only workspaces opened by a read-only server, to answer requests
    /// in parallel (default: the number of cores, 1 to 4). A read-write server opens one.
    pub readers: usize,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            data: PathBuf::from(isnad_app::DEFAULT_DATA_DIR),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            read_only: false,
            max_body: 2 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            readers: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 4),
        }
    }
}

/// Why serving failed.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The data directory could not be opened.
    #[error("opening the data directory: {0}")]
    App(#[from] isnad_app::AppError),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The shared server state: the workspaces (one, or several read-only ones)
/// each behind a mutex, and the limits.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    pool: Vec<Mutex<Workspace>>,
    /// Where the next request starts looking for a free workspace.
    next: AtomicUsize,
    read_only: bool,
    max_body: usize,
    timeout: Duration,
}

impl AppState {
    /// Wraps an open workspace with the default limits (2 MiB, 30 s).
    pub fn new(ws: Workspace) -> AppState {
        let d = ServeConfig::default();
        AppState::with_limits(ws, d.max_body, d.timeout)
    }

    /// Wraps an open workspace with the given body limit and timeout.
    pub fn with_limits(ws: Workspace, max_body: usize, timeout: Duration) -> AppState {
        let read_only = ws.is_read_only();
        AppState::build(vec![ws], read_only, max_body, timeout)
    }

    /// Wraps several read-only workspaces over the same data directory, used
    /// in parallel. Fails (with `bad_request`) when `readers` is empty or one
    /// of them is writable: writes must all go through one handle.
    pub fn with_readers(readers: Vec<Workspace>, max_body: usize, timeout: Duration) -> Result<AppState, ApiError> {
        if readers.is_empty() || readers.iter().any(|w| !w.is_read_only()) {
            return Err(ApiError::bad_request("a pool of workspaces must hold read-only workspaces only"));
        }
        Ok(AppState::build(readers, true, max_body, timeout))
    }

    fn build(pool: Vec<Workspace>, read_only: bool, max_body: usize, timeout: Duration) -> AppState {
        let pool = pool.into_iter().map(Mutex::new).collect();
        AppState { inner: Arc::new(Inner { pool, next: AtomicUsize::new(0), read_only, max_body, timeout }) }
    }

    /// Opens the configured data directory: [`ServeConfig::readers`]
    /// read-only workspaces when read-only, else one read-write workspace.
    pub fn open(cfg: &ServeConfig) -> Result<AppState, ServeError> {
        if !cfg.read_only {
            return Ok(AppState::with_limits(Workspace::open(&cfg.data)?, cfg.max_body, cfg.timeout));
        }
        let readers =
            (0..cfg.readers.max(1)).map(|_| Workspace::open_read_only(&cfg.data)).collect::<Result<Vec<_>, _>>()?;
        Ok(AppState::build(readers, true, cfg.max_body, cfg.timeout))
    }

    /// How many workspaces answer requests.
    pub fn workspaces(&self) -> usize {
        self.inner.pool.len()
    }

    /// True when writes are refused.
    pub fn is_read_only(&self) -> bool {
        self.inner.read_only
    }

    /// Runs `f` on the workspace in the blocking pool.
    pub(crate) async fn with_ws<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            // The first free workspace, starting from a rotating position; all busy: wait for that one.
            let n = inner.pool.len();
            let start = inner.next.fetch_add(1, Ordering::Relaxed) % n;
            for i in 0..n {
                match inner.pool[(start + i) % n].try_lock() {
                    Ok(mut ws) => return f(&mut ws),
                    Err(TryLockError::Poisoned(p)) => return f(&mut p.into_inner()),
                    Err(TryLockError::WouldBlock) => {}
                }
            }
            let mut ws = inner.pool[start].lock().unwrap_or_else(|p| p.into_inner());
            f(&mut ws)
        })
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
    }
}

/// The whole application: API, UI, limits and security headers.
pub fn router(state: AppState) -> Router {
    let max_body = state.inner.max_body;
    let timeout = state.inner.timeout;
    Router::new()
        .nest("/api/v1", api::routes())
        .merge(assets::routes())
        .fallback(not_found)
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(max_body))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(max_body))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(security_headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}

/// Binds, logs the URL and serves until Ctrl-C.
pub async fn serve(cfg: ServeConfig) -> Result<(), ServeError> {
    let state = AppState::open(&cfg)?;
    let listener = tokio::net::TcpListener::bind(cfg.addr).await?;
    let addr = listener.local_addr()?;
    let mode = if cfg.read_only { " (read-only)" } else { "" };
    eprintln!("isnad serve: http://{addr}/{mode} over {}", cfg.data.display());
    tracing::info!(%addr, read_only = cfg.read_only, "serving");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}

/// Gives the limit layers' bare 413 and 408 answers the JSON error body.
async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    match res.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large").into_response()
        }
        StatusCode::REQUEST_TIMEOUT => ApiError::new(ErrorCode::Timeout, "the request took too long").into_response(),
        _ => res,
    }
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn empty_store() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        drop(Workspace::open(dir.path()).unwrap());
        dir
    }

    /// Two requests at once on a read-only server: the second one gets its own
    /// workspace while the first still holds one (with a single mutex it would
    /// wait for the first, which waits for it: the first times out).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn read_only_requests_run_in_parallel() {
        let dir = empty_store();
        let cfg = ServeConfig { data: dir.path().to_path_buf(), read_only: true, readers: 2, ..Default::default() };
        let st = AppState::open(&cfg).unwrap();
        assert_eq!(st.workspaces(), 2);
        let (a_in, a_seen) = mpsc::channel::<()>();
        let (b_in, b_seen) = mpsc::channel::<()>();
        let st2 = st.clone();
        let first = tokio::spawn(async move {
            st2.with_ws(move |_| {
                a_in.send(()).unwrap();
                Ok(b_seen.recv_timeout(Duration::from_secs(5)).is_ok())
            })
            .await
        });
        tokio::task::spawn_blocking(move || a_seen.recv().unwrap()).await.unwrap();
        st.with_ws(move |ws| {
            assert!(ws.is_read_only());
            b_in.send(()).unwrap();
            Ok(())
        })
        .await
        .unwrap();
        assert!(first.await.unwrap().unwrap(), "the second request waited for the first");
    }

    #[test]
    fn writable_servers_keep_one_workspace() {
        let dir = empty_store();
        let cfg = ServeConfig { data: dir.path().to_path_buf(), read_only: false, readers: 4, ..Default::default() };
        assert_eq!(AppState::open(&cfg).unwrap().workspaces(), 1);
        let rw = Workspace::open(dir.path()).unwrap();
        let d = ServeConfig::default();
        assert!(AppState::with_readers(vec![rw], d.max_body, d.timeout).is_err());
        assert!(AppState::with_readers(Vec::new(), d.max_body, d.timeout).is_err());
    }
}
