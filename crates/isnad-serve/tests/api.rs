//! API tests against a server over a temporary workspace holding hand-written articles.

mod common;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::OnceLock;

use isnad_app::Workspace;
use reqwest::blocking::Client;
use reqwest::StatusCode;
use serde_json::{json, Value};

struct Fixture {
    _dir: tempfile::TempDir,
    ids: Vec<String>,
    rw: SocketAddr,
    ro: SocketAddr,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ids = common::ingest(dir.path(), common::inputs());
        let rw = common::start(Workspace::open(dir.path()).unwrap(), 2 * 1024 * 1024);
        // The read-only server as `isnad serve --read-only` opens it: a pool of read-only workspaces.
        let cfg = isnad_serve::ServeConfig {
            data: dir.path().to_path_buf(),
            read_only: true,
            readers: 3,
            ..Default::default()
        };
        let ro = common::start_state(isnad_serve::AppState::open(&cfg).unwrap());
        Fixture { _dir: dir, ids, rw, ro }
    })
}

fn client() -> Client {
    Client::builder().timeout(std::time::Duration::from_secs(60)).build().unwrap()
}

fn get(addr: SocketAddr, path: &str) -> (StatusCode, Value) {
    let res = client().get(format!("http://{addr}{path}")).send().unwrap();
    let status = res.status();
    let body = res.json::<Value>().unwrap_or(Value::Null);
    (status, body)
}

fn ok(path: &str) -> Value {
    let (status, body) = get(fixture().rw, path);
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(body["error"]["message"].is_string(), "{body}");
}

/// A raw HTTP/1.1 request, so the path reaches the server exactly as written.
fn raw_status(addr: SocketAddr, path: &str) -> u16 {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn status_and_security_headers() {
    let res = client().get(format!("http://{}/api/v1/status", fixture().rw)).send().unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let body: Value = res.json().unwrap();
    assert_eq!(body["read_only"], false);
    assert!(body["counts"]["documents"].as_u64().unwrap() >= 4, "{body}");
    assert!(body["version"].is_string());
    let (_, ro) = get(fixture().ro, "/api/v1/status");
    assert_eq!(ro["read_only"], true);
}

#[test]
fn documents_list_filters_and_paging() {
    let body = ok("/api/v1/documents");
    let items = body["items"].as_array().unwrap();
    assert!(items.len() >= 4, "{body}");
    assert!(body["total"].as_u64().unwrap() >= 4);
    assert!(items.iter().all(|d| d["id"].is_string() && d["outlet"].is_string()));

    let body =
        ok("/api/v1/documents?outlet=%D8%B5%D8%AD%D9%8A%D9%81%D8%A9%20%D8%A7%D9%84%D9%85%D9%8A%D8%B2%D8%A7%D9%86");
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{body}");
    assert!(items.iter().all(|d| d["outlet"] == "صحيفة الميزان"));

    let body = ok("/api/v1/documents?from=2025-01-15&to=2025-01-15");
    assert_eq!(body["items"].as_array().unwrap().len(), 1, "{body}");

    let body = ok("/api/v1/documents?limit=1&offset=1");
    assert_eq!(body["items"].as_array().unwrap().len(), 1);
    assert_eq!(body["limit"], 1);
    assert_eq!(body["offset"], 1);

    // The page size is capped.
    assert_eq!(ok("/api/v1/documents?limit=100000")["limit"], 200);

    let (status, body) = get(fixture().rw, "/api/v1/documents?limit=abc");
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
}

#[test]
fn document_detail_and_404() {
    let f = fixture();
    let body = ok(&format!("/api/v1/documents/{}", f.ids[0]));
    let doc = &body["document"];
    assert_eq!(doc["id"], f.ids[0].as_str());
    assert!(doc["text"].as_str().unwrap().contains("4500"));
    assert!(!doc["figures"].as_array().unwrap().is_empty());
    assert!(!doc["quotes"].as_array().unwrap().is_empty());
    assert!(!doc["citations"].as_array().unwrap().is_empty());
    assert!(!doc["entities"].as_array().unwrap().is_empty());
    assert!(body["duplicates"].is_array());
    // The document's story, so the UI can link back to it.
    let story = &body["story"];
    let sid = story["id"].as_str().unwrap_or_else(|| panic!("no story in {}", body["story"]));
    assert!(story["documents"].as_u64().unwrap() >= 1, "{story}");
    let view = ok(&format!("/api/v1/stories/{sid}"));
    assert!(view["documents"].as_array().unwrap().iter().any(|d| d["id"] == f.ids[0].as_str()), "{view}");
    assert_eq!(view["summary"]["label"], story["label"]);

    let (status, body) = get(f.rw, "/api/v1/documents/nope");
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
    let (status, body) = get(f.rw, "/api/v1/no/such/endpoint");
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
}

#[test]
fn article_markup_is_only_data() {
    let f = fixture();
    let body = ok(&format!("/api/v1/documents/{}", f.ids[3]));
    let doc = &body["document"];
    // The markup is kept as data (raw text, removed noise), never interpreted.
    assert!(doc["raw"].as_str().unwrap().contains("<script>alert(1)</script>"));
    let noise: Vec<&str> = doc["noise"].as_array().unwrap().iter().filter_map(|n| n["surface"].as_str()).collect();
    assert!(noise.contains(&"<script>"), "{noise:?}");
    // The JSON is served as JSON, so a browser never renders it.
    let res = client().get(format!("http://{}/api/v1/documents/{}", f.rw, f.ids[3])).send().unwrap();
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

#[test]
fn entities_and_entity_detail() {
    let body = ok("/api/v1/entities?type=person");
    let items = body["items"].as_array().unwrap();
    assert!(items.iter().all(|e| e["type"] == "PERSON" || e["entity_type"] == "PERSON"), "{body}");
    let ansari = items.iter().find(|e| e["canonical"] == "ماجد الأنصاري").expect("ماجد الأنصاري listed");
    let id = ansari["id"].as_str().unwrap();

    let body = ok("/api/v1/entities?name=%D8%A8%D8%A7%D9%8A%D8%AF%D9%86");
    assert!(body["items"].as_array().unwrap().iter().any(|e| e["canonical"] == "جو بايدن"), "{body}");

    let detail = ok(&format!("/api/v1/entities/{id}"));
    assert_eq!(detail["entity"]["canonical"], "ماجد الأنصاري");
    assert!(!detail["days"].as_array().unwrap().is_empty());
    let quotes = detail["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{detail}");
    assert!(quotes.iter().all(|q| q["speaker_entity"] == id));
    // Quotes and figures are paged (limit, offset) with their totals.
    let total = detail["quotes_total"].as_u64().unwrap();
    assert_eq!(total, quotes.len() as u64, "{detail}");
    assert!(detail["figures_total"].is_u64() && detail["limit"] == 50 && detail["offset"] == 0, "{detail}");
    let second = ok(&format!("/api/v1/entities/{id}?limit=1&offset=1"));
    assert_eq!(second["quotes"].as_array().unwrap().len(), 1, "{second}");
    assert_eq!(second["quotes"][0], quotes[1]);
    assert_eq!((second["quotes_total"].as_u64(), second["limit"].as_u64()), (Some(total), Some(1)));
    let past = ok(&format!("/api/v1/entities/{id}?offset={total}"));
    assert!(past["quotes"].as_array().unwrap().is_empty(), "{past}");

    let moh = ok("/api/v1/entities?name=%D9%88%D8%B2%D8%A7%D8%B1%D8%A9%20%D8%A7%D9%84%D8%B5%D8%AD%D8%A9");
    let moh_id = moh["items"][0]["id"].as_str().expect("ministry listed").to_string();
    let detail = ok(&format!("/api/v1/entities/{moh_id}"));
    assert!(detail["figures"].as_array().unwrap().len() >= 2, "{detail}");

    let (status, body) = get(fixture().rw, "/api/v1/entities/person:nobody");
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
    let (status, body) = get(fixture().rw, "/api/v1/entities?type=ALIEN");
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
}

#[test]
fn figures_series_quotes() {
    let body = ok("/api/v1/figures?what=killed");
    let items = body["items"].as_array().unwrap();
    assert!(items.len() >= 3, "{body}");
    assert!(items.iter().all(|f| f["what"] == "killed"));
    let values: Vec<f64> = items.iter().map(|f| f["value"].as_f64().unwrap()).collect();
    assert!(values.contains(&4500.0) && values.contains(&4700.0), "{values:?}");

    let body = ok("/api/v1/figures?what=wounded&limit=1");
    assert_eq!(body["items"].as_array().unwrap().len(), 1);
    let (status, body) = get(fixture().rw, "/api/v1/figures?what=unicorns");
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");

    let body = ok("/api/v1/series?what=killed");
    let series = body["items"].as_array().unwrap();
    assert!(!series.is_empty(), "{body}");
    assert!(series.iter().all(|s| s["key"]["what"] == "killed" && s["points"].is_array()));

    let body = ok("/api/v1/quotes?speaker=%D8%A7%D9%84%D8%A3%D9%86%D8%B5%D8%A7%D8%B1%D9%8A");
    let quotes = body["items"].as_array().unwrap();
    assert!(quotes.len() >= 2, "{body}");
    assert!(quotes.iter().all(|q| q["content"].is_string()));
}

#[test]
fn stories_and_story() {
    let body = ok("/api/v1/stories");
    let stories = body["items"].as_array().unwrap();
    assert!(!stories.is_empty());
    let s = &stories[0];
    assert!(s["id"].is_string() && s["documents"].as_u64().unwrap() >= 1 && s["latest"].is_array(), "{s}");
    let id = s["id"].as_str().unwrap();
    let view = ok(&format!("/api/v1/stories/{id}"));
    assert_eq!(view["summary"]["id"], id);
    for key in ["documents", "timeline", "series", "contradictions", "updates"] {
        assert!(view[key].is_array(), "{key}: {view}");
    }
    assert!(!view["timeline"].as_array().unwrap().is_empty());
    let docs = ok(&format!("/api/v1/documents?story={id}"));
    assert_eq!(docs["items"].as_array().unwrap().len() as u64, s["documents"].as_u64().unwrap());

    let (status, body) = get(fixture().rw, "/api/v1/stories/999999");
    assert_error(status, &body, StatusCode::NOT_FOUND, "not_found");
}

#[test]
fn stories_are_paged() {
    let all = ok("/api/v1/stories");
    let total = all["total"].as_u64().unwrap();
    assert_eq!(all["items"].as_array().unwrap().len() as u64, total.min(50), "{all}");
    assert_eq!(all["limit"], 50);
    let first = ok("/api/v1/stories?limit=1");
    assert_eq!(first["items"].as_array().unwrap().len(), 1);
    assert_eq!(first["items"][0]["id"], all["items"][0]["id"]);
    assert_eq!(first["total"], total);
    if total > 1 {
        let second = ok("/api/v1/stories?limit=1&offset=1");
        assert_eq!(second["items"][0]["id"], all["items"][1]["id"]);
        assert_eq!(second["offset"], 1);
    }
    let past = ok(&format!("/api/v1/stories?offset={total}"));
    assert!(past["items"].as_array().unwrap().is_empty());
    let (status, body) = get(fixture().rw, "/api/v1/stories?limit=x");
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
}

/// A store that breaks under a running server: the 500 carries a generic
/// message and an error id, never the data directory's path or SQLite's words.
#[test]
fn internal_errors_do_not_leak_details() {
    let dir = tempfile::tempdir().unwrap();
    let ids = common::ingest(dir.path(), common::inputs());
    let addr = common::start(Workspace::open_read_only(dir.path()).unwrap(), 2 * 1024 * 1024);
    // Overwrite the database with garbage of the same length (no WAL is left after a clean close):
    // the pages the open connection has not read yet are now unreadable.
    let db = dir.path().join(isnad_store::DB_FILE);
    let len = std::fs::metadata(&db).unwrap().len() as usize;
    std::fs::write(&db, vec![0x5a; len]).unwrap();
    let (status, body) = get(addr, &format!("/api/v1/documents/{}", ids[0]));
    assert_error(status, &body, StatusCode::INTERNAL_SERVER_ERROR, "internal");
    let msg = body["error"]["message"].as_str().unwrap();
    let dir_name = dir.path().file_name().unwrap().to_str().unwrap();
    for leak in [dir_name, "sqlite", "/tmp", "database"] {
        assert!(!msg.to_lowercase().contains(leak), "{leak} leaked: {body}");
    }
    let id = body["error"]["id"].as_str().unwrap();
    assert!(!id.is_empty() && msg.contains(id), "{body}");
}

#[test]
fn search_with_snippets_and_filters() {
    let body = ok("/api/v1/search?q=%D8%A7%D9%84%D9%87%D8%AF%D9%86%D8%A9");
    let hits = body["items"].as_array().unwrap();
    assert!(!hits.is_empty(), "{body}");
    assert!(body["total"].as_u64().unwrap() >= hits.len() as u64);
    for h in hits {
        let text = h["snippet"]["text"].as_str().unwrap();
        let n = text.chars().count();
        let hl = h["snippet"]["highlights"].as_array().unwrap();
        for r in hl {
            let (a, b) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
            assert!(a < b && b <= n);
        }
    }
    let body =
        ok("/api/v1/search?q=%D8%BA%D8%B2%D8%A9&outlet=%D9%85%D9%88%D9%82%D8%B9%20%D8%A7%D9%84%D8%B1%D8%B5%D8%AF");
    let hits = body["items"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{body}");
    assert_eq!(hits[0]["outlet"], "موقع الرصد");
    let (status, body) = get(fixture().rw, "/api/v1/search?q=x&from=yesterday");
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    let body = ok("/api/v1/search?q=%D8%BA%D8%B2%D8%A9&type=citation&from=2025-01-01&to=2025-01-12");
    assert!(body["items"].as_array().unwrap().iter().all(|h| h["published"].as_str().unwrap() <= "2025-01-12"));
}

#[test]
fn post_extracts_and_stores() {
    let f = fixture();
    let c = client();
    let url = format!("http://{}/api/v1/documents", f.rw);
    let text = "بيروت - أعلنت وزارة الصحة اللبنانية أن عدد القتلى ارتفع إلى 15 شخصا في غارة يوم الاثنين.";
    // Extraction only.
    let res = c.post(&url).json(&json!({"text": text, "store": false})).send().unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().unwrap();
    assert_eq!(body["stored"], false);
    assert!(!body["document"]["figures"].as_array().unwrap().is_empty(), "{body}");
    let id = body["id"].as_str().unwrap().to_string();
    assert_eq!(get(f.rw, &format!("/api/v1/documents/{id}")).0, StatusCode::NOT_FOUND);
    // Stored.
    let res = c
        .post(&url)
        .json(&json!({"text": text, "title": "غارة", "outlet": "صحيفة الميزان", "published": "2025-01-20"}))
        .send()
        .unwrap();
    let body: Value = res.json().unwrap();
    assert_eq!(body["stored"], true, "{body}");
    let id = body["id"].as_str().unwrap();
    let stored = ok(&format!("/api/v1/documents/{id}"));
    assert_eq!(stored["document"]["title"], "غارة");
    // HTML input.
    let html = format!(
        "<html><head><title>صفحة</title></head><body><article><h1>خبر</h1><p>{text}</p></article></body></html>"
    );
    let body: Value = c.post(&url).json(&json!({"html": html, "store": false})).send().unwrap().json().unwrap();
    assert!(body["document"]["text"].as_str().unwrap().contains("بيروت"), "{body}");
    // Nothing to extract.
    let res = c.post(&url).json(&json!({"title": "x"})).send().unwrap();
    let status = res.status();
    assert_error(status, &res.json().unwrap(), StatusCode::BAD_REQUEST, "bad_request");
    let res = c.post(&url).json(&json!({"text": " \u{200f}\n"})).send().unwrap();
    let status = res.status();
    let body: Value = res.json().unwrap();
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    assert!(body.to_string().contains("empty document"), "{body}");
    // The publication date is parsed, normalized and validated.
    let res =
        c.post(&url).json(&json!({"text": text, "published": "2025-01-20 08:30", "store": false})).send().unwrap();
    let body: Value = res.json().unwrap();
    assert_eq!(body["document"]["published"], "2025-01-20T08:30:00", "{body}");
    let res = c.post(&url).json(&json!({"text": text, "published": "2999-01-20"})).send().unwrap();
    let status = res.status();
    let body: Value = res.json().unwrap();
    assert_error(status, &body, StatusCode::BAD_REQUEST, "bad_request");
    assert!(body.to_string().contains("outside the years 1800–2200"), "{body}");
    let res = c.post(&url).header("content-type", "application/json").body("{not json").send().unwrap();
    let status = res.status();
    assert_error(status, &res.json().unwrap(), StatusCode::BAD_REQUEST, "bad_request");
}

/// Sends a POST announcing `len` bytes and as much of them as the server reads; returns the answer.
fn raw_post(addr: SocketAddr, len: usize) -> (u16, Value) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Stream the body until the server stops reading.
    let chunk = vec![b' '; 64 * 1024];
    let mut sent = 0;
    while sent < len {
        let n = chunk.len().min(len - sent);
        if s.write_all(&chunk[..n]).is_err() {
            break;
        }
        sent += n;
    }
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let out = String::from_utf8_lossy(&out).to_string();
    let status = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = out.split("\r\n\r\n").nth(1).and_then(|b| serde_json::from_str(b).ok()).unwrap_or(Value::Null);
    (status, body)
}

#[test]
fn huge_post_is_413() {
    // Announced too large: refused before reading.
    let (status, body) = raw_post(fixture().rw, 5 * 1024 * 1024);
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"]["code"], "payload_too_large", "{body}");
    // Streamed without a length (chunked): refused once the limit is crossed.
    let big = "غزة ".repeat(400_000); // ~3.2 MB
    let res = client()
        .post(format!("http://{}/api/v1/documents", fixture().rw))
        .header("content-type", "application/json")
        .body(reqwest::blocking::Body::new(std::io::Cursor::new(json!({"text": big, "store": false}).to_string())))
        .send();
    if let Ok(res) = res {
        let status = res.status();
        assert_error(status, &res.json().unwrap(), StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    }
}

#[test]
fn slow_requests_time_out_with_the_json_error() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let state = isnad_serve::AppState::with_limits(ws, 1024 * 1024, std::time::Duration::from_nanos(1));
            axum::serve(listener, isnad_serve::router(state)).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();
    let text = common::ARTICLES[1].3.repeat(20);
    let res = client()
        .post(format!("http://{addr}/api/v1/documents"))
        .json(&json!({"text": text, "store": false}))
        .send()
        .unwrap();
    let status = res.status();
    assert_error(status, &res.json().unwrap(), StatusCode::REQUEST_TIMEOUT, "timeout");
}

#[test]
fn read_only_refuses_writes() {
    let f = fixture();
    let url = format!("http://{}/api/v1/documents", f.ro);
    let text = "غزة - قال مسؤول إن 5 أشخاص قتلوا.";
    let res = client().post(&url).json(&json!({"text": text, "store": true})).send().unwrap();
    let status = res.status();
    assert_error(status, &res.json().unwrap(), StatusCode::FORBIDDEN, "read_only");
    // Extraction alone is allowed, and not storing is the default there.
    for body in [json!({"text": text, "store": false}), json!({"text": text})] {
        let res = client().post(&url).json(&body).send().unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.json::<Value>().unwrap()["stored"], false);
    }
}

#[test]
fn openapi_lists_the_paths() {
    let body = ok("/api/v1/openapi.json");
    assert!(body["openapi"].as_str().unwrap().starts_with("3."));
    let paths = body["paths"].as_object().unwrap();
    for p in [
        "/api/v1/status",
        "/api/v1/documents",
        "/api/v1/documents/{id}",
        "/api/v1/entities",
        "/api/v1/entities/{id}",
        "/api/v1/figures",
        "/api/v1/series",
        "/api/v1/quotes",
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/search",
    ] {
        assert!(paths.contains_key(p), "missing {p}");
    }
    assert!(paths["/api/v1/documents"]["post"].is_object());
    let params: Vec<&str> = paths["/api/v1/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    for p in ["q", "outlet", "from", "to", "entity", "type", "limit", "offset"] {
        assert!(params.contains(&p), "{params:?}");
    }
}

#[test]
fn static_assets_and_no_traversal() {
    let addr = fixture().rw;
    let res = client().get(format!("http://{addr}/")).send().unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    assert_eq!(h["content-security-policy"], "default-src 'self'; style-src 'self' 'unsafe-inline'");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let html = res.text().unwrap();
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(html.contains("/assets/app.js"));
    for (name, mime) in [("app.js", "text/javascript"), ("style.css", "text/css"), ("favicon.svg", "image/svg+xml")] {
        let res = client().get(format!("http://{addr}/assets/{name}")).send().unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{name}");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with(mime), "{name}");
    }
    for path in [
        "/assets/../../Cargo.toml",
        "/assets/..%2f..%2fCargo.toml",
        "/%2e%2e/",
        "/%2e%2e/Cargo.toml",
        "/assets/%2e%2e/src/lib.rs",
        "/assets/",
        "/assets/nope.js",
        "/Cargo.toml",
        "/src/lib.rs",
        "/assets//etc/passwd",
    ] {
        assert_eq!(raw_status(addr, path), 404, "{path}");
    }
}

/// The UI never builds DOM from HTML strings: no innerHTML/outerHTML/insertAdjacentHTML/document.write at all.
#[test]
fn ui_never_parses_html_strings() {
    let addr = fixture().rw;
    let js = client().get(format!("http://{addr}/assets/app.js")).send().unwrap().text().unwrap();
    let html = client().get(format!("http://{addr}/")).send().unwrap().text().unwrap();
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!js.contains(sink), "app.js uses {sink}");
        assert!(!html.contains(sink), "index.html uses {sink}");
    }
    assert!(js.contains("createTextNode") && js.contains("Array.from"));
    // No inline script (the CSP would refuse it anyway) and nothing loaded from elsewhere.
    assert!(!html.contains("<script>") && !html.contains("http://") && !html.contains("https://"));
    assert!(!js.contains("http://") && !js.contains("https://") || js.contains("http://www.w3.org/2000/svg"));
}

/// A pool of read-only workspaces answers concurrent requests exactly as a
/// single workspace does (over a data directory of its own, so no other test
/// writes to it meanwhile).
#[test]
fn read_only_pool_answers_concurrent_requests() {
    let dir = tempfile::tempdir().unwrap();
    let ids = common::ingest(dir.path(), common::inputs());
    let single = common::start(Workspace::open_read_only(dir.path()).unwrap(), 2 * 1024 * 1024);
    let cfg =
        isnad_serve::ServeConfig { data: dir.path().to_path_buf(), read_only: true, readers: 3, ..Default::default() };
    let pool = common::start_state(isnad_serve::AppState::open(&cfg).unwrap());
    let paths: Vec<String> = ids
        .iter()
        .map(|id| format!("/api/v1/documents/{id}"))
        .chain([
            "/api/v1/search?q=%D8%BA%D8%B2%D8%A9".to_string(),
            "/api/v1/stories".to_string(),
            "/api/v1/entities?type=PERSON".to_string(),
        ])
        .collect();
    let want: Vec<Value> = paths
        .iter()
        .map(|p| {
            let (status, body) = get(single, p);
            assert_eq!(status, StatusCode::OK, "{p}: {body}");
            body
        })
        .collect();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let (paths, want) = (paths.clone(), want.clone());
            std::thread::spawn(move || {
                for i in 0..12 {
                    let k = (t + i) % paths.len();
                    let (status, body) = get(pool, &paths[k]);
                    assert_eq!(status, StatusCode::OK, "{}: {body}", paths[k]);
                    assert_eq!(body, want[k], "{}", paths[k]);
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
}
