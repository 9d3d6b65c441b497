//! The JSON API under `/api/v1`, with its OpenAPI description.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use isnad_model::{EntityType, Metadata, What};
use isnad_store::{DocFilter, EntityFilter, FigureFilter, QuoteFilter};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::error::{ApiError, ErrorBody, ErrorCode};
use crate::AppState;

/// Default page size of list endpoints.
pub const DEFAULT_LIMIT: u32 = 50;
/// Largest page size of list endpoints.
pub const MAX_LIMIT: u32 = 200;

/// The OpenAPI description of the API (served at `/api/v1/openapi.json`).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "isnad",
        description = "Facts extracted from Arabic news: documents, figures, quotes, entities, stories."
    ),
    paths(
        status,
        list_documents,
        get_document,
        post_document,
        list_entities,
        get_entity,
        list_figures,
        get_series,
        list_quotes,
        list_stories,
        get_story,
        search,
        openapi_json
    ),
    components(schemas(
        ErrorBody,
        ApiError,
        ErrorCode,
        ListBody,
        StatusBody,
        DocumentBody,
        StoryRef,
        PostDocument,
        PostResult,
        EntityBody,
        SearchBody,
        SearchHit,
        SnippetBody
    ))
)]
pub struct ApiDoc;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/status", get(status))
        .route("/documents", get(list_documents).post(post_document))
        .route("/documents/{id}", get(get_document))
        .route("/entities", get(list_entities))
        .route("/entities/{id}", get(get_entity))
        .route("/figures", get(list_figures))
        .route("/series", get(get_series))
        .route("/quotes", get(list_quotes))
        .route("/stories", get(list_stories))
        .route("/stories/{id}", get(get_story))
        .route("/search", get(search))
        .route("/openapi.json", get(openapi_json))
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// A page of a list.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = List)]
pub struct ListBody {
    /// The rows.
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<serde_json::Value>,
    /// The page size used.
    pub limit: u32,
    /// Rows skipped.
    pub offset: u32,
    /// All matching rows, when cheap to know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
}

fn list<T: Serialize>(items: Vec<T>, limit: u32, offset: u32, total: Option<u64>) -> ApiResult<ListBody> {
    let items = items.into_iter().map(|i| serde_json::to_value(i).unwrap_or_default()).collect();
    Ok(Json(ListBody { items, limit, offset, total }))
}

/// Paging parameters, clamped.
fn page(limit: Option<u32>, offset: Option<u32>) -> (u32, u32) {
    (limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT), offset.unwrap_or(0))
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t).map_err(|e| ApiError::bad_request(e.body_text()))
}

/// Empty strings (from HTML forms) mean "not given".
fn nz(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Parses a serde enum from its JSON name (`killed`, `PERSON`).
fn parse_enum<T: DeserializeOwned>(s: Option<String>, what: &str) -> Result<Option<T>, ApiError> {
    match nz(s) {
        None => Ok(None),
        Some(s) => serde_json::from_value(serde_json::Value::String(s.clone()))
            .map(Some)
            .map_err(|_| ApiError::bad_request(format!("unknown {what}: {s}"))),
    }
}

/// Server status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusBody {
    /// True when writes are refused.
    pub read_only: bool,
    /// Row counts of the store.
    #[schema(value_type = Object)]
    pub counts: isnad_store::StoreCounts,
    /// The server version.
    pub version: String,
}

/// Server status: read-only flag, counts, version.
#[utoipa::path(get, path = "/api/v1/status", responses((status = 200, body = StatusBody)))]
async fn status(State(st): State<AppState>) -> ApiResult<StatusBody> {
    let read_only = st.is_read_only();
    let counts = st.with_ws(|ws| Ok(ws.store().counts()?)).await?;
    Ok(Json(StatusBody { read_only, counts, version: env!("CARGO_PKG_VERSION").to_string() }))
}

/// Filters of `GET /documents`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocsQuery {
    /// Exact outlet.
    outlet: Option<String>,
    /// Published on or after this ISO date.
    from: Option<String>,
    /// Published on or before this ISO date.
    to: Option<String>,
    /// Mentions this entity id.
    entity: Option<String>,
    /// Belongs to this story id.
    story: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Rows to skip.
    offset: Option<u32>,
}

/// Document summaries, newest first.
#[utoipa::path(get, path = "/api/v1/documents", params(DocsQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn list_documents(
    State(st): State<AppState>,
    q: Result<Query<DocsQuery>, QueryRejection>,
) -> ApiResult<ListBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let filter = DocFilter {
        outlet: nz(q.outlet),
        from: nz(q.from),
        to: nz(q.to),
        entity: nz(q.entity),
        story: nz(q.story),
        limit: Some(limit),
        offset: Some(offset),
    };
    let unfiltered = filter.outlet.is_none()
        && filter.from.is_none()
        && filter.to.is_none()
        && filter.entity.is_none()
        && filter.story.is_none();
    let (rows, total) = st
        .with_ws(move |ws| {
            let rows = ws.store().documents(&filter)?;
            let total = if unfiltered { Some(ws.store().counts()?.documents) } else { None };
            Ok((rows, total))
        })
        .await?;
    list(rows, limit, offset, total)
}

/// A document with its facts.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentBody {
    /// The full document (`isnad_model::Document`): text, noise, repairs, entities, figures, quotes, citations, events.
    #[schema(value_type = Object)]
    pub document: isnad_model::Document,
    /// Stored near-duplicates of it.
    #[schema(value_type = Vec<Object>)]
    pub duplicates: Vec<isnad_store::DuplicateRow>,
    /// The story it belongs to, if it has been clustered into one.
    pub story: Option<StoryRef>,
}

/// A story named from a document.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryRef {
    /// Story id (`GET /stories/{id}`).
    pub id: String,
    /// Generated label.
    pub label: Option<String>,
    /// Number of documents in the story.
    pub documents: u64,
}

/// One document with all its facts and its near-duplicates.
#[utoipa::path(get, path = "/api/v1/documents/{id}", params(("id" = String, Path, description = "Document id")),
    responses((status = 200, body = DocumentBody), (status = 404, body = ErrorBody)))]
async fn get_document(State(st): State<AppState>, Path(id): Path<String>) -> ApiResult<DocumentBody> {
    let body = st
        .with_ws(move |ws| {
            let Some(document) = ws.store().document(&id)? else {
                return Err(ApiError::not_found(format!("no document {id}")));
            };
            let duplicates = ws.store().duplicates_of(&id)?;
            let story = match ws.store().story_of(&id)? {
                None => None,
                Some(sid) => {
                    let row = ws.store().stories()?.into_iter().find(|s| s.id == sid);
                    Some(match row {
                        Some(r) => StoryRef { id: r.id, label: r.label, documents: r.documents },
                        None => StoryRef { id: sid, label: None, documents: 0 },
                    })
                }
            };
            Ok(DocumentBody { document, duplicates, story })
        })
        .await?;
    Ok(Json(body))
}

/// An article to extract (and store).
#[derive(Debug, Deserialize, ToSchema)]
pub struct PostDocument {
    /// Plain text of the article.
    pub text: Option<String>,
    /// An HTML page (the article is found in it); used when `text` is absent.
    pub html: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Publication date (ISO 8601).
    pub published: Option<String>,
    /// Store it (default true; a read-only server refuses `true`).
    pub store: Option<bool>,
}

/// The extraction of a posted article.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostResult {
    /// The stored document id (or the extraction's id when not stored).
    pub id: String,
    /// True when the document was stored.
    pub stored: bool,
    /// The extraction.
    #[schema(value_type = Object)]
    pub document: isnad_model::Document,
    /// What the ingestion did, when stored.
    #[schema(value_type = Option<Object>)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ingest: Option<isnad_app::IngestReport>,
}

fn input_of(body: PostDocument) -> Result<isnad_input::InputDoc, ApiError> {
    let text = nz(body.text.clone());
    let html = body.html.filter(|h| !h.trim().is_empty());
    let mut input = match (text, html) {
        (Some(_), _) => isnad_input::InputDoc {
            meta: Metadata { source: "api".into(), ..Default::default() },
            raw: body.text.unwrap_or_default(),
            warnings: Vec::new(),
        },
        (None, Some(html)) => isnad_sources::extract_html(&html, "api", body.url.as_deref())
            .map_err(|e| ApiError::bad_request(format!("html: {e}")))?,
        (None, None) => return Err(ApiError::bad_request("give `text` or `html`")),
    };
    if let Some(url) = nz(body.url) {
        input.meta.url = Some(url);
    }
    if let Some(title) = nz(body.title) {
        input.meta.title = Some(title);
    }
    if let Some(outlet) = nz(body.outlet) {
        input.meta.outlet = Some(outlet);
    }
    if let Some(published) = nz(body.published) {
        let p =
            isnad_model::Published::parse(&published).map_err(|e| ApiError::bad_request(format!("published: {e}")))?;
        input.meta.published = Some(p.to_iso());
    }
    if isnad_input::is_blank(&input.raw) {
        return Err(ApiError::bad_request(
            isnad_input::InputError::Empty { file: "api".into(), record: None }.to_string(),
        ));
    }
    Ok(input)
}

/// Extracts facts from an article, and stores it unless `store` is false or the server is read-only.
#[utoipa::path(post, path = "/api/v1/documents", request_body = PostDocument,
    responses((status = 200, body = PostResult), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody)))]
async fn post_document(
    State(st): State<AppState>,
    body: Result<Json<PostDocument>, JsonRejection>,
) -> ApiResult<PostResult> {
    let Json(body) = body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorCode::PayloadTooLarge, "the request body is too large")
        } else {
            ApiError::bad_request(e.body_text())
        }
    })?;
    let store = match body.store {
        Some(true) if st.is_read_only() => {
            return Err(ApiError::new(ErrorCode::ReadOnly, "the server is read-only: nothing can be stored"))
        }
        Some(s) => s,
        None => !st.is_read_only(),
    };
    let input = input_of(body)?;
    let document = {
        tokio::task::spawn_blocking(move || isnad_app::extract(input))
            .await
            .map_err(|e| ApiError::internal(format!("extraction failed: {e}")))?
    };
    if !store {
        return Ok(Json(PostResult { id: document.id.clone(), stored: false, document, ingest: None }));
    }
    // Extracted once, above; the store takes the extraction as it is.
    let extracted = document.clone();
    let report = st.with_ws(move |ws| Ok(ws.ingest_extracted(vec![extracted])?)).await?;
    if let Some(f) = report.failed.first() {
        return Err(ApiError::bad_request(f.message.clone()));
    }
    let id = report.ids.first().cloned().unwrap_or_else(|| document.id.clone());
    Ok(Json(PostResult { id, stored: true, document, ingest: Some(report) }))
}

/// Filters of `GET /entities`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntitiesQuery {
    /// `PERSON`, `ORG`, `PLACE` or `OUTLET`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    entity_type: Option<String>,
    /// Substring of the canonical or English name.
    name: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Rows to skip.
    offset: Option<u32>,
}

/// Entities, most mentioned first.
#[utoipa::path(get, path = "/api/v1/entities", params(EntitiesQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn list_entities(
    State(st): State<AppState>,
    q: Result<Query<EntitiesQuery>, QueryRejection>,
) -> ApiResult<ListBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let entity_type: Option<EntityType> = parse_enum(q.entity_type.map(|t| t.to_uppercase()), "entity type")?;
    let filter = EntityFilter { entity_type, name: nz(q.name), limit: Some(limit), offset: Some(offset) };
    let rows = st.with_ws(move |ws| Ok(ws.store().entities(&filter)?)).await?;
    list(rows, limit, offset, None)
}

/// An entity with its activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityBody {
    /// The entity row.
    #[schema(value_type = Object)]
    pub entity: isnad_store::EntityRow,
    /// Documents and mentions per day.
    #[schema(value_type = Vec<Object>)]
    pub days: Vec<isnad_store::DayCount>,
    /// A page of the quotes by this entity.
    #[schema(value_type = Vec<Object>)]
    pub quotes: Vec<isnad_store::QuoteRow>,
    /// All quotes by this entity (up to [`ENTITY_ROWS`]).
    pub quotes_total: u64,
    /// A page of the figures this entity is the source of.
    #[schema(value_type = Vec<Object>)]
    pub figures: Vec<isnad_store::FigureRow>,
    /// All figures this entity is the source of (up to [`ENTITY_ROWS`]).
    pub figures_total: u64,
    /// The page size used for `quotes` and `figures`.
    pub limit: u32,
    /// Quotes and figures skipped.
    pub offset: u32,
}

/// Most quotes and figures of one entity that `GET /entities/{id}` pages through.
pub const ENTITY_ROWS: u32 = 10_000;

/// Paging of the quotes and figures of `GET /entities/{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityPage {
    /// Page size of the quotes and of the figures (default 50, at most 200).
    limit: Option<u32>,
    /// Quotes and figures to skip.
    offset: Option<u32>,
}

/// One entity: mentions per day, a page of the quotes by them and of the figures attributed to them.
#[utoipa::path(get, path = "/api/v1/entities/{id}",
    params(("id" = String, Path, description = "Entity id"), EntityPage),
    responses((status = 200, body = EntityBody), (status = 404, body = ErrorBody), (status = 400, body = ErrorBody)))]
async fn get_entity(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<EntityPage>, QueryRejection>,
) -> ApiResult<EntityBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let body = st
        .with_ws(move |ws| {
            let Some(detail) = ws.store().entity(&id)? else {
                return Err(ApiError::not_found(format!("no entity {id}")));
            };
            let canonical = detail.entity.canonical.clone();
            // The speaker filter is a substring match: the entity's own quotes are picked out, then paged.
            let quotes: Vec<_> = ws
                .store()
                .quotes(&QuoteFilter {
                    speaker: Some(canonical.clone()),
                    limit: Some(ENTITY_ROWS),
                    ..Default::default()
                })?
                .into_iter()
                .filter(|q| match &q.speaker_entity {
                    Some(e) => *e == id,
                    None => q.speaker_name.as_deref() == Some(canonical.as_str()),
                })
                .collect();
            let figures = ws.store().figures(&FigureFilter {
                source: Some(id.clone()),
                limit: Some(ENTITY_ROWS),
                ..Default::default()
            })?;
            let (quotes_total, figures_total) = (quotes.len() as u64, figures.len() as u64);
            let (skip, take) = (offset as usize, limit as usize);
            let quotes = quotes.into_iter().skip(skip).take(take).collect();
            let figures = figures.into_iter().skip(skip).take(take).collect();
            Ok(EntityBody {
                entity: detail.entity,
                days: detail.days,
                quotes,
                quotes_total,
                figures,
                figures_total,
                limit,
                offset,
            })
        })
        .await?;
    Ok(Json(body))
}

/// Filters of `GET /figures`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// What is counted (`killed`, `wounded`, `hostages_held`, …).
    what: Option<String>,
    /// Place: entity id or canonical name.
    place: Option<String>,
    /// Story id.
    story: Option<String>,
    /// Source entity id, or a substring of the source or cited outlet.
    source: Option<String>,
    /// Published on or after this ISO date.
    from: Option<String>,
    /// Published on or before this ISO date.
    to: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Rows to skip.
    offset: Option<u32>,
}

/// Reported figures.
#[utoipa::path(get, path = "/api/v1/figures", params(FiguresQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn list_figures(
    State(st): State<AppState>,
    q: Result<Query<FiguresQuery>, QueryRejection>,
) -> ApiResult<ListBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let what: Option<What> = parse_enum(q.what, "figure kind")?;
    let filter = FigureFilter {
        what,
        place: nz(q.place),
        story: nz(q.story),
        doc: None,
        source: nz(q.source),
        from: nz(q.from),
        to: nz(q.to),
        limit: Some(limit),
        offset: Some(offset),
    };
    let rows = st.with_ws(move |ws| Ok(ws.store().figures(&filter)?)).await?;
    list(rows, limit, offset, None)
}

/// Filters of `GET /series`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SeriesQuery {
    /// What is counted (`killed`, …).
    what: Option<String>,
    /// Place name.
    place: Option<String>,
}

/// Figure series over time (grouped by what, place and holder).
#[utoipa::path(get, path = "/api/v1/series", params(SeriesQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn get_series(State(st): State<AppState>, q: Result<Query<SeriesQuery>, QueryRejection>) -> ApiResult<ListBody> {
    let q = query(q)?;
    let what: Option<What> = parse_enum(q.what, "figure kind")?;
    let place = nz(q.place);
    let rows = st.with_ws(move |ws| Ok(ws.series(what, place.as_deref())?)).await?;
    let n = rows.len() as u32;
    list(rows, n, 0, Some(n as u64))
}

/// Filters of `GET /quotes`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QuotesQuery {
    /// Substring of the speaker or of the speaker entity's name.
    speaker: Option<String>,
    /// Story id.
    story: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Rows to skip.
    offset: Option<u32>,
}

/// Quotes with their speakers.
#[utoipa::path(get, path = "/api/v1/quotes", params(QuotesQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn list_quotes(State(st): State<AppState>, q: Result<Query<QuotesQuery>, QueryRejection>) -> ApiResult<ListBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let filter =
        QuoteFilter { speaker: nz(q.speaker), story: nz(q.story), doc: None, limit: Some(limit), offset: Some(offset) };
    let rows = st.with_ws(move |ws| Ok(ws.store().quotes(&filter)?)).await?;
    list(rows, limit, offset, None)
}

/// Paging of `GET /stories`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoriesQuery {
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Stories to skip.
    offset: Option<u32>,
}

/// Stories, largest first, with their date span, size and latest figures; `total` counts them all.
#[utoipa::path(get, path = "/api/v1/stories", params(StoriesQuery),
    responses((status = 200, body = ListBody), (status = 400, body = ErrorBody)))]
async fn list_stories(
    State(st): State<AppState>,
    q: Result<Query<StoriesQuery>, QueryRejection>,
) -> ApiResult<ListBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let rows = st.with_ws(|ws| Ok(ws.stories()?)).await?;
    let total = rows.len() as u64;
    let rows: Vec<_> = rows.into_iter().skip(offset as usize).take(limit as usize).collect();
    list(rows, limit, offset, Some(total))
}

/// One story: documents, timeline, figure series, contradictions and updates.
#[utoipa::path(get, path = "/api/v1/stories/{id}", params(("id" = String, Path, description = "Story id")),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody)))]
async fn get_story(State(st): State<AppState>, Path(id): Path<String>) -> Result<Json<isnad_app::StoryView>, ApiError> {
    let view =
        st.with_ws(move |ws| ws.story(&id)?.ok_or_else(|| ApiError::not_found(format!("no story {id}")))).await?;
    Ok(Json(view))
}

/// Parameters of `GET /search`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words (all must match) and `"quoted phrases"`.
    q: Option<String>,
    /// Exact outlet.
    outlet: Option<String>,
    /// Published on or after this ISO date.
    from: Option<String>,
    /// Published on or before this ISO date.
    to: Option<String>,
    /// Entity id or canonical name.
    entity: Option<String>,
    /// Fact type: `figure`, `quote`, `event`, `citation`, or a figure kind (`killed`).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    fact_type: Option<String>,
    /// Page size (default 50, at most 200).
    limit: Option<u32>,
    /// Hits to skip.
    offset: Option<u32>,
}

/// A snippet: plain text and highlighted `[start, end)` char ranges.
#[derive(Debug, Serialize, ToSchema)]
pub struct SnippetBody {
    /// Plain text (not HTML).
    pub text: String,
    /// `[start, end]` char offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One search hit.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// Document id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Relevance.
    pub score: f32,
    /// The snippet.
    pub snippet: SnippetBody,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchBody {
    /// Matching documents in all.
    pub total: usize,
    /// The page size used.
    pub limit: u32,
    /// Hits skipped.
    pub offset: u32,
    /// The hits of this page.
    pub items: Vec<SearchHit>,
}

/// Full-text search with filters.
#[utoipa::path(get, path = "/api/v1/search", params(SearchParams),
    responses((status = 200, body = SearchBody), (status = 400, body = ErrorBody)))]
async fn search(State(st): State<AppState>, q: Result<Query<SearchParams>, QueryRejection>) -> ApiResult<SearchBody> {
    let q = query(q)?;
    let (limit, offset) = page(q.limit, q.offset);
    let sq = isnad_search::SearchQuery {
        text: q.q.unwrap_or_default(),
        outlet: nz(q.outlet),
        from: nz(q.from),
        to: nz(q.to),
        entity: nz(q.entity),
        fact_type: nz(q.fact_type),
        limit: limit as usize,
        offset: offset as usize,
    };
    let res = st.with_ws(move |ws| Ok(ws.search(&sq)?)).await?;
    let items = res
        .hits
        .into_iter()
        .map(|h| SearchHit {
            doc_id: h.doc_id,
            title: h.title,
            outlet: h.outlet,
            published: h.published,
            score: h.score,
            snippet: SnippetBody {
                text: h.snippet.text,
                highlights: h.snippet.highlights.into_iter().map(|(a, b)| [a, b]).collect(),
            },
        })
        .collect();
    Ok(Json(SearchBody { total: res.total, limit, offset, items }))
}

/// This OpenAPI description.
#[utoipa::path(get, path = "/api/v1/openapi.json", responses((status = 200, body = Object)))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
