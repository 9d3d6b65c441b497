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
        let ro = common::start(Workspace::open_read_only(dir.path()).unwrap(), 2 * 1024 * 1024);
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
fn dump_fixture() {
    let f = fixture();
    for id in &f.ids {
        let d = ok(&format!("/api/v1/documents/{id}"));
        let doc = &d["document"];
        println!("== {id}\n{}", doc["text"]);
        println!("figures {}", doc["figures"]);
        println!("quotes {}", doc["quotes"]);
        println!("citations {}", doc["citations"]);
        println!(
            "entities {}",
            doc["entities"]
                .as_array()
                .map(|a| a.iter().map(|e| e["canonical"].to_string()).collect::<Vec<_>>().join(","))
                .unwrap_or_default()
        );
        println!("noise {}", doc["noise"]);
    }
    println!("stories {}", ok("/api/v1/stories"));
}
